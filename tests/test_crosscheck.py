"""conformance/crosscheck.py: each generated difference's program, run on every interpreter of the run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conformance import crosscheck
from conformance.engine.schema import validate
from conformance.host.protocol import ProgramResult
from conformance.model.evaluate import predict
from reports import html
from reports.analysis import analyse
from reports.load import load_runs
from tests.support import BUGGY, HOST, failure_record, parse, results_document, results_entry, write_results

# An `except ... as` name is unbound after the handler (§8.4): the seeded interpreter keeps it.
PROGRAM = """
def f():
    try:
        raise KeyError(1)
    except KeyError as e:
        pass
    return e
probe_call('r', f)
""".lstrip()

VERSION = (3, 11)


def failing_run(label: str, command: str, program: str = PROGRAM) -> dict[str, Any]:
    """A results document whose generated check failed on `program`, judged against the model's prediction."""
    failure = {**failure_record(program, "1", "2"), "signature": "outcome:UnboundLocalError->value",
               "expected_result": predict(parse(program), VERSION)}  # fmt: skip
    document = results_document(label, [results_entry("generated:except-as/language", "failed", failure=failure)])
    document["interpreter"]["command"] = command
    return document


def passing_run(label: str, command: str) -> dict[str, Any]:
    document = results_document(label, [results_entry("generated:except-as/language", "passed")])
    document["interpreter"]["command"] = command
    return document


def test_each_difference_is_run_on_every_interpreter_and_the_outcomes_are_put_in_its_failure(tmp_path: Path) -> None:
    buggy = write_results(tmp_path, "buggy.json", failing_run("cpython-9.0.1", "%s except-name-kept" % BUGGY))
    write_results(tmp_path, "host.json", passing_run("cpython-9.0.2", HOST))
    write_results(tmp_path, "same-bug.json", passing_run("cpython-9.0.3", "%s except-name-kept" % BUGGY))
    write_results(tmp_path, "missing.json", passing_run("cpython-9.0.4", str(tmp_path / "no-such-python")))
    (tmp_path / "corrupt.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "history").mkdir()  # (earlier runs: not read)
    write_results(tmp_path / "history", "old.json", failing_run("cpython-9.0.9", str(tmp_path / "gone")))
    assert crosscheck.main([str(tmp_path)]) == 0
    document = json.loads(buggy.read_text(encoding="utf-8"))
    validate(document)  # (still a results file)
    [entry] = document["results"]
    elsewhere = entry["failure"]["elsewhere"]
    assert elsewhere["cpython-9.0.2"] == {"outcome": "agrees"}
    assert elsewhere["cpython-9.0.3"] == {"outcome": "differs", "signature": "outcome:UnboundLocalError->value",
                                          "same": True}  # fmt: skip
    assert elsewhere["cpython-9.0.4"]["outcome"] == "not run"
    assert set(elsewhere) == {"cpython-9.0.2", "cpython-9.0.3", "cpython-9.0.4"}  # (not itself, not the history's)
    assert entry["failure"]["program_hash"] == crosscheck.program_hash(PROGRAM)
    assert (tmp_path / "corrupt.json").read_text(encoding="utf-8") == "{not json"  # (named, left alone)


def test_the_bug_report_says_what_the_other_interpreters_did_with_the_program(tmp_path: Path) -> None:
    write_results(tmp_path, "buggy.json", failing_run("cpython-9.0.1", "%s except-name-kept" % BUGGY))
    write_results(tmp_path, "host.json", passing_run("cpython-9.0.2", HOST))
    crosscheck.main([str(tmp_path)])
    report = analyse(*load_runs([tmp_path]))
    [bug] = report.bug_reports()
    page = html.render(report)["bug-%s.html" % bug.key]
    assert "The same program on the other interpreters of the run" in page
    assert "agrees" in page and "9.0.2" in page


def test_a_program_an_interpreter_cannot_parse_is_said_so() -> None:
    program = "def f():\n    return (y := 1)\nprobe_call('r', f)\n"  # (3.8 syntax, on a 3.7)
    observed = crosscheck.outcome(
        crosscheck.Difference(program, predict(parse(program), VERSION), "language"),
        ProgramResult("p", compile_error={"type": "SyntaxError", "message": "invalid syntax"}),
    )
    assert observed == {"outcome": "cannot parse", "detail": "invalid syntax"}


def test_a_missing_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert crosscheck.main([str(tmp_path / "nowhere")]) == 2
    assert "nowhere: no such folder" in capsys.readouterr().err
