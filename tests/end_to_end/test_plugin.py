"""The pytest plugin end to end: options, skips, failures, and the results file."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support import HOST, ROOT, by_id, environment, load_results, run_pytest_args, run_suite, write_case


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    root = tmp_path / "cases"
    write_case(
        root,
        "a-passes",
        "# expect: x == [2, 2]\nfs = [lambda: i for i in range(3) if i != 1]\nprobe('x', [f() for f in fs])\n",
    )
    write_case(root, "b-fails", "# expect: x == 1\nprobe('x', 2)\n", area="capture")
    write_case(root, "c-needs-the-future", "# expect: x == 1\nprobe('x', 1)\n", min_version="3.99")
    write_case(root, "d-malformed", "# expect: x = 1\n")
    return root


def test_outcomes_reach_the_results_file(cases: Path, tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    completed = run_suite("--cases", str(cases), "--interpreter", HOST, "--results-json", str(results))
    assert completed.returncode == 1, completed.stdout + completed.stderr
    document = load_results(results)
    assert document["status"] == "complete"
    assert document["interpreter"]["implementation"] == "cpython"
    assert document["summary"] == {
        "passed": 1, "failed": 2, "xfailed": 0, "xpassed": 0, "skipped": 1, "errors": 0, "programs": 2,
    }  # fmt: skip
    entries = by_id(document)
    assert entries["case:late-binding/a-passes"]["outcome"] == "passed"
    skipped = entries["case:late-binding/c-needs-the-future"]
    assert skipped["outcome"] == "skipped"
    assert skipped["skip_reason"].startswith("needs Python 3.99, target speaks 3.")
    failed = entries["case:capture/b-fails"]
    assert failed["area"] == "capture"
    assert failed["failure"]["expected"] == "x value: returns 1"
    assert failed["failure"]["observed"] == "x value: returns 2"
    assert failed["failure"]["signature"] == "value"
    assert failed["failure"]["against"] == "the case's expectations"
    assert "probe('x', 2)" in failed["failure"]["program"]
    assert "malformed case file" in completed.stdout
    assert "x value [language]: expected returns 1, observed returns 2" in completed.stdout


def test_a_run_records_its_areas_its_expectations_and_junit_xml_beside_it(cases: Path, tmp_path: Path) -> None:
    expectations = tmp_path / "expected.toml"
    expectations.write_text(
        '[[expected-failure]]\ncheck = "case:capture/b-*"\nreason = "a known bug"\nlink = "https://example.org/1"\n'
    )
    results = tmp_path / "out" / "results.json"
    arguments = ["--cases", str(cases), "--interpreter", HOST, "--results-json", str(results)]
    run_suite(*arguments, "--expectations", str(expectations))
    document = load_results(results)
    assert [area["slug"] for area in document["areas"]][:3] == ["capture", "cell-sharing", "late-binding"]
    known = by_id(document)["case:capture/b-fails"]
    assert known["outcome"] == "xfailed"
    assert known["expectation"] == {
        "check": "case:capture/b-*",
        "reason": "a known bug",
        "link": "https://example.org/1",
    }
    assert "testsuite" in results.with_suffix(".xml").read_text()
    first_started = document["started"]
    time.sleep(1.1)  # the archived copy is named after the second it was written in
    run_suite(*arguments)
    history = sorted((results.parent / "history" / document["interpreter"]["label"]).iterdir())
    assert [path.suffix for path in history] == [".json", ".xml"]
    assert load_results(history[0])["started"] == first_started  # the previous run, kept for the report
    assert load_results(results)["started"] > first_started


def test_the_repro_command_reproduces_the_failure(cases: Path, tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    run_suite("--cases", str(cases), "--interpreter", HOST, "--results-json", str(results))
    repro = by_id(load_results(results))["case:capture/b-fails"]["failure"]["repro"]
    arguments = shlex.split(repro)
    assert arguments[:3] == ["python", "-m", "pytest"]
    completed = run_suite(*arguments[3:], "--results-json", str(tmp_path / "again.json"), paths=())
    assert completed.returncode == 1
    assert "1 failed" in completed.stdout


def test_xdist_workers_do_not_clobber_the_results_file(cases: Path, tmp_path: Path) -> None:
    for index in range(12):
        write_case(cases, "many-%02d" % index, "# expect: x == %d\nprobe('x', %d)\n" % (index, index))
    results = tmp_path / "results.json"
    completed = run_suite("--cases", str(cases), "--interpreter", HOST, "--results-json", str(results), "-n", "2")
    assert completed.returncode == 1, completed.stdout + completed.stderr
    document = load_results(results)
    ids = [entry["id"] for entry in document["results"]]
    assert len(ids) == len(set(ids)) == 16
    assert document["summary"]["passed"] == 13


def test_markers_select_an_area(cases: Path, tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    completed = run_suite("--cases", str(cases), "--interpreter", HOST, "--results-json", str(results), "-m", "capture")
    assert completed.returncode == 1
    assert [entry["id"] for entry in load_results(results)["results"]] == ["case:capture/b-fails"]


@pytest.mark.parametrize(
    ("interpreter", "message"),
    [
        ("/nonexistent/python", "ERROR: cannot start interpreter '/nonexistent/python': no such file"),
        ("/bin/cat", "ERROR: cannot use interpreter '/bin/cat': it printed"),
        ("/bin/false", "ERROR: cannot use interpreter '/bin/false': it exited with status 1 and printed nothing"),
    ],
)
def test_an_unusable_interpreter_is_one_error_line(interpreter: str, message: str, tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    completed = run_suite("--interpreter", interpreter, "--results-json", str(results), timeout=60)
    assert completed.returncode == 4
    assert "Traceback" not in completed.stderr + completed.stdout
    [line] = [line for line in completed.stderr.splitlines() if line.strip()]
    assert line.startswith(message)
    assert not results.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--programs-per-example", "0"], "--programs-per-example: must be a whole number of at least 1, not '0'"),
        (["--batch-timeout", "soon"], "argument --batch-timeout: must be a number of seconds above 0, not 'soon'"),
        (["--memory-limit", "-5"], "argument --memory-limit: must be a whole number, 0 for no limit, not '-5'"),
        (["--cpu-limit", "1.5"], "argument --cpu-limit: must be a whole number, 0 for no limit, not '1.5'"),
        (["--interpretter", HOST], "unrecognized arguments: --interpretter"),
        (["--interpreter", ""], "ERROR: the interpreter command is empty"),
        (["--interpreter", "python3 'unclosed"], "ERROR: cannot read the interpreter command \"python3 'unclosed\": "
                                                  "No closing quotation"),
        (["--reference", "/nonexistent/python"], "ERROR: --reference: cannot start interpreter '/nonexistent/python'"),
        (["--cases", "/nonexistent/cases"], "ERROR: --cases /nonexistent/cases is not a folder"),
    ],
)  # fmt: skip
def test_a_malformed_option_is_an_error_naming_it(arguments: list[str], message: str, tmp_path: Path) -> None:
    completed = run_suite(*arguments, "--results-json", str(tmp_path / "results.json"), timeout=60)
    assert completed.returncode == 4
    assert "Traceback" not in completed.stderr + completed.stdout
    assert message in completed.stderr
    assert not (tmp_path / "results.json").exists()


def test_a_results_file_that_cannot_be_written_is_one_error_line_before_the_run(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    completed = run_suite("--interpreter", HOST, "--results-json", str(blocker / "results.json"), timeout=60)
    assert completed.returncode == 4
    assert "Traceback" not in completed.stderr + completed.stdout
    [line] = [line for line in completed.stderr.splitlines() if line.strip()]
    assert line.startswith("ERROR: cannot write the results file %s: " % (blocker / "results.json"))


def test_python_2_is_refused_by_name(tmp_path: Path) -> None:
    python2 = Path.home() / ".pyenv" / "versions" / "2.7.18" / "bin" / "python"
    if not python2.exists():
        pytest.skip("no Python 2.7 here to try")
    completed = run_suite("--interpreter", str(python2), "--results-json", str(tmp_path / "r.json"))
    assert completed.returncode == 4
    assert "is Python 2.7; the suite needs Python 3" in completed.stderr


def _start_slow_run(cases: Path, results: Path, *extra: str, env: dict[str, str] | None = None
                    ) -> subprocess.Popen[str]:  # fmt: skip
    for name in ("a-first", "b-second"):
        write_case(cases, name, "# expect: x == 1\nprobe('x', 1)\n")
    write_case(cases, "c-sleeps", "# expect: x == 1\nimport time\ntime.sleep(60)\nprobe('x', 1)\n")
    return subprocess.Popen(
        run_pytest_args("conformance/test_cases.py", "-p", "no:cacheprovider", "--cases", str(cases),
                        "--interpreter", HOST, "--results-json", str(results), *extra),
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, env=env or environment(),
        start_new_session=True,
    )  # fmt: skip


def _wait_for_results(results: Path, count: int) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if results.exists():
            document = load_results(results)  # every version on disk is a valid document
            if len(document["results"]) >= count:
                return document
        time.sleep(0.05)
    raise AssertionError("results never reached %d entries" % count)


def _stop_after_two_checks(process: subprocess.Popen[str], results: Path,
                           stop: Callable[[subprocess.Popen[str]], None]) -> dict[str, Any]:  # fmt: skip
    """Once two checks are in the results file, stop the run; the file as the run left it."""
    try:
        _wait_for_results(results, 2)
        stop(process)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return load_results(results)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_a_run_stopped_half_way_leaves_a_readable_file(tmp_path: Path, sig: signal.Signals) -> None:
    results = tmp_path / "results.json"
    process = _start_slow_run(tmp_path / "cases", results)
    document = _stop_after_two_checks(process, results, lambda process: os.killpg(process.pid, sig))
    assert [entry["outcome"] for entry in document["results"][:2]] == ["passed", "passed"]
    assert document["status"] == ("running" if sig == signal.SIGKILL else "interrupted")


@pytest.mark.parametrize("to", ["the controller", "every process"])
def test_sigterm_to_a_parallel_run_finishes_the_results_file_and_leaves_no_runner_behind(tmp_path: Path, to: str
                                                                                          ) -> None:  # fmt: skip
    """As nox or a CI job stops a run: SIGTERM to the pytest-xdist controller (or to all of pytest), mid-program."""
    results, scratch = tmp_path / "results.json", tmp_path / "tmp"
    scratch.mkdir()
    process = _start_slow_run(tmp_path / "cases", results, "-n", "2", env={**environment(), "TMPDIR": str(scratch)})

    def stop(process: subprocess.Popen[str]) -> None:
        if to == "every process":
            os.killpg(process.pid, signal.SIGTERM)
        else:
            process.send_signal(signal.SIGTERM)

    document = _stop_after_two_checks(process, results, stop)
    assert document["status"] == "interrupted" and document["finished"] is not None
    assert [entry["outcome"] for entry in document["results"][:2]] == ["passed", "passed"]
    deadline = time.monotonic() + 15  # the workers may still be stopping their runners as the controller exits
    while list(scratch.glob("closure-target-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(scratch.glob("closure-target-*")) == []  # every runner stopped, its directory removed
