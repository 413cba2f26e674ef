"""The report: loading and merging results files, differences, history, escaping."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reports import build, html, markdown
from reports.analysis import analyse, failure_rows, safe_slug
from reports.load import load_runs
from tests.support import (
    failure_record,
    hostile_results,
    results_document,
    results_entry,
    two_machines,
    write_results,
)


def test_results_from_two_machines_make_one_report(tmp_path: Path) -> None:
    runs, problems = load_runs(two_machines(tmp_path))
    report = analyse(runs, problems)
    assert problems == []
    assert [i.label for i in report.interpreters] == ["cpython-3.12.1", "cpython-3.13.0", "pypy-3.9.16"]
    cpython312 = report.interpreter("cpython-3.12.1")
    assert len(cpython312.runs) == 2
    assert cpython312.current.started.startswith("2026-11-02")  # the latest run is the current one
    assert cpython312.checks["case:capture/x"]["outcome"] == "failed"
    assert [area.slug for area in report.areas] == ["capture", "late-binding", "unbound"]


def test_a_version_1_file_still_renders_its_failures(tmp_path: Path) -> None:
    """Results written before schema 2: a case's failure had `mismatches` and no signature."""
    v1 = {"program": "probe('x', 2)", "expected": "x == 1: 1", "observed": "x == 1: 2", "repro": "python -m pytest x",
          "mismatches": [{"expectation": "x == 1", "expected": "1", "observed": "2"}]}  # fmt: skip
    document = results_document("cpython-3.11.7", [results_entry("case:capture/x", "failed", failure=v1)])
    document["schema"] = "closure-conformance/results/1"
    write_results(tmp_path, "old.json", document)
    runs, problems = load_runs([tmp_path])
    assert problems == [] and len(runs) == 1
    [difference] = analyse(runs, problems).differences
    assert difference.rows == [("x == 1", "1", "2")]
    assert "x == 1" in html.render(analyse(runs, problems))["interpreter-cpython-3.11.7.html"]


def test_an_interrupted_run_does_not_count_what_it_did_not_reach_as_removed(tmp_path: Path) -> None:
    earlier = [results_entry("case:capture/x", "passed"), results_entry("case:capture/y", "passed")]
    write_results(tmp_path, "a.json", results_document("cpython-3.11.7", earlier, started="2026-11-01T10:00:00+00:00"))
    stopped = results_document("cpython-3.11.7", earlier[:1], started="2026-11-02T10:00:00+00:00")
    stopped["status"] = "interrupted"
    write_results(tmp_path, "b.json", stopped)
    changes = analyse(*load_runs([tmp_path])).interpreter("cpython-3.11.7").changes
    assert changes is not None and (changes.added, changes.removed) == (0, 0)


def test_the_same_run_found_twice_counts_once(tmp_path: Path) -> None:
    a, _ = two_machines(tmp_path)
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "again.json").write_text((a / "pypy-3.9.16.json").read_text())
    runs, _ = load_runs([a, copy])
    assert len(runs) == 2


def test_the_same_difference_on_several_interpreters_has_one_id(tmp_path: Path) -> None:
    report = analyse(*load_runs(two_machines(tmp_path)))
    late = [d for d in report.differences if d.check_id == "case:late-binding/y"]
    assert len(late) == 1
    assert sorted(late[0].occurrences) == ["cpython-3.13.0", "pypy-3.9.16"]
    assert report.known_count("cpython-3.13.0") == 1
    assert report.known_count("pypy-3.9.16") == 0
    files = html.render(report)
    pypy_page = files["interpreter-pypy-3.9.16.html"]
    assert 'id="%s"' % late[0].key in pypy_page
    assert 'href="interpreter-cpython-3.13.0.html#%s"' % late[0].key in pypy_page


def test_scores_count_known_differences_against_and_skips_for_neither(tmp_path: Path) -> None:
    report = analyse(*load_runs(two_machines(tmp_path)))
    scores = report.interpreter("cpython-3.13.0").history[-1].scores["language"]
    assert (scores.conforming, scores.differing, scores.unexpected, scores.percent()) == (1, 1, 0, "50.0%")
    scores = report.interpreter("cpython-3.12.1").history[-1].scores["language"]
    assert (scores.conforming, scores.differing, scores.skipped, scores.unexpected) == (1, 1, 1, 1)


def test_interop_counts_on_how_many_interpreters_a_check_passes(tmp_path: Path) -> None:
    report = analyse(*load_runs(two_machines(tmp_path)))
    # capture/x: passes on 3.13 and PyPy (2 of 3); late-binding/y: on 3.12 only (1); unbound/z: skipped (0)
    assert dict(report.interop()["language"]) == {2: 1, 1: 1, 0: 1}
    assert report.area_interop("capture") == (0, 1)


def test_history_says_what_changed_since_the_previous_run(tmp_path: Path) -> None:
    report = analyse(*load_runs(two_machines(tmp_path)))
    changes = report.interpreter("cpython-3.12.1").changes
    assert changes is not None
    assert changes.new_failures == ["case:capture/x"]
    assert changes.fixed == []
    assert (changes.added, changes.removed) == (1, 0)
    assert report.interpreter("pypy-3.9.16").changes is None
    page = html.render(report)["interpreter-cpython-3.12.1.html"]
    assert "new since the previous run" in page


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"schema": "closure-conformance/results/1", "interpr', "not JSON"),
        (b"\xff\xfe not text", "not UTF-8"),
        (b'{"schema": "closure-conformance/results/7"}', "a newer suite wrote it"),
        (b'{"schema": "something else"}', "not a valid results file"),
        (b"[1, 2]", "not a JSON object"),
    ],
)
def test_a_bad_results_file_is_named_and_the_report_still_built(
    tmp_path: Path, content: bytes, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = two_machines(tmp_path)
    (a / "broken.json").write_bytes(content)
    out = tmp_path / "html"
    assert build.main([str(a), "--out", str(out), "--quiet"]) == 0
    problems = [line for line in capsys.readouterr().err.splitlines() if "broken.json" in line]
    assert len(problems) == 1
    assert reason in problems[0]
    index = (out / "index.html").read_text()
    assert "broken.json" in index
    assert "interpreter-pypy-3.9.16.html" in index


def test_a_missing_path_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = two_machines(tmp_path)
    assert build.main([str(a), str(tmp_path / "nowhere"), "--out", str(tmp_path / "html"), "--quiet"]) == 0
    assert "nowhere: no such file or folder" in capsys.readouterr().err


def test_no_results_at_all_is_an_error_but_still_a_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build.main([str(tmp_path), "--out", str(tmp_path / "html")]) == 1
    assert "no results found" in capsys.readouterr().err
    assert "No results files were found" in (tmp_path / "html" / "index.html").read_text()


def test_markup_in_a_results_file_is_shown_as_text(tmp_path: Path) -> None:
    hostile_results(tmp_path / "results")
    files = html.render(analyse(*load_runs([tmp_path / "results"])))
    for name, content in files.items():
        if not name.endswith(".html"):
            continue
        assert "<script" not in content, name
        assert "<iframe" not in content and "<img" not in content and "<b>1.0" not in content, name
        assert not re.search(r"href=[\"']?javascript", content), name
    page = next(content for name, content in files.items() if name.startswith("interpreter-"))
    assert "&lt;script&gt;alert(" in page
    assert "javascript:alert(1)" in page  # shown, as text, not as a link
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", name) for name in files)


def test_markdown_summary_escapes_table_cells(tmp_path: Path) -> None:
    hostile_results(tmp_path / "results")
    report = analyse(*load_runs([tmp_path / "results"]))
    text = markdown.summary(report, {i.label: "page.html" for i in report.interpreters})
    assert "<script" not in text and "<b>" not in text
    assert "evil-\\<b\\>1.0\\</b\\>" in text
    assert markdown.cell("a|b\nc") == "a\\|b c"


def test_probes_that_disagree_in_the_same_way_share_a_row() -> None:
    differences = [{"probe": "program", "facet": "compile", "expected": "none", "observed": "SystemError"}]
    differences += [
        {"probe": "p%d" % n, "facet": "probe", "expected": "to be reached", "observed": "never reached"}
        for n in range(1, 10)
    ]
    rows = failure_rows({"differences": differences})
    assert rows == [("program compile", "none", "SystemError"), ("p1 ... p9 probe", "to be reached", "never reached")]


def test_file_names_are_safe_and_distinct() -> None:
    taken: set[str] = set()
    names = [safe_slug(text, taken) for text in ["cpython-3.12.1", "../etc", "a b", "a_b", "a b"]]
    assert names[0] == "cpython-3.12.1"
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", name) and not name.startswith(".") for name in names)


def test_a_new_report_replaces_the_old_folder_whole(tmp_path: Path) -> None:
    out = tmp_path / "html"
    out.mkdir()
    (out / "interpreter-gone.html").write_text("stale")
    a, _ = two_machines(tmp_path)
    assert build.main([str(a), "--out", str(out), "--quiet"]) == 0
    assert not (out / "interpreter-gone.html").exists()
    assert json.loads(json.dumps(sorted(p.name for p in out.iterdir())))[0] == "area-capture.html"


def test_the_standalone_program_runs_in_a_plain_python(tmp_path: Path) -> None:
    program = (
        "def f():\n    x = 1\n    g = lambda: x\n    del x\n    return g\n"
        "g = probe_closure('c', f())\nprobe_call('call', g)\nprobe_cell('cell', g.__closure__[0])\n"
        "probe('v', probe_call('ok', len, [1, 2]))\n"
    )
    script = tmp_path / "standalone.py"
    script.write_text(html.standalone(program))
    completed = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    lines = completed.stdout.splitlines()
    assert lines[0] == "c __closure__ is a tuple of 1 co_freevars ('x',)"
    assert re.fullmatch(r"    x : cell 0x[0-9a-f]+, empty", lines[1])
    assert lines[2].startswith("call raises NameError: ")
    assert re.fullmatch(r"cell cell 0x[0-9a-f]+, empty", lines[3])
    assert lines[4:] == ["ok returns 2", "v = 2"]
    assert html.standalone("x = 1\n") == "x = 1\n"  # nothing to stand in for


def test_unsupported_checks_excluded_constructs_and_known_generated_differences_are_shown(tmp_path: Path) -> None:
    known = {"signature": "compile:none->SystemError", "programs": 7, "reason": "compiler bug", "program": "x = 1\n",
             "expectation": {"check": "generated:*#compile:none->SystemError"}}  # fmt: skip
    doc = results_document("micropython-3.4.0", [
        results_entry("case:capture/x", "passed"),
        results_entry("case:capture/y", "skipped", level="data-model", unsupported=["closure_attr"],
              skip_reason="unsupported: the target lacks closure_attr"),
        results_entry("generated:capture/language", "xfailed", known_differences=[known]),
    ])  # fmt: skip
    doc["interpreter"]["excluded_constructs"] = ["nonlocal"]
    write_results(tmp_path / "results", "mp.json", doc)
    files = html.render(analyse(*load_runs([tmp_path / "results"])))
    page = files["interpreter-micropython-3.4.0.html"]
    assert "without nonlocal" in page
    assert "Unsupported: 1</b> check observe what micropython3.4 lacks (closure_attr)" in page
    assert "compile:none-&gt;SystemError" in page and "in 7 programs" in page
    assert "<sup>u</sup>" in files["index.html"]


def test_programs_not_judged_and_a_deviation_unexpectedly_passing_are_shown_with_their_programs(tmp_path: Path) -> None:
    reason = "under coroutine-is-a-generator, a coroutine iterated while it awaits an iterable"
    open_ = {"signature": "value:[1, 2]", "programs": 2, "program": "x = 1\n", "headline": "r value", "reason": reason}
    doc = results_document("micropython-3.4.0", [
        results_entry("generated:capture/language", "passed", undetermined=[open_]),
        results_entry("deviation:except-as-kept", "xpassed",
                      unexpected_pass="declared but explained no program; a program that follows it:\ny = 2\n"),
    ])  # fmt: skip
    doc["deviations"] = {"except-as-kept": {"name": "except-as-kept", "behaves_as": "names are kept", "rule": "8.4",
                                            "cause": "c", "workaround": "w", "links": [], "seen": []}}  # fmt: skip
    write_results(tmp_path / "results", "mp.json", doc)
    page = html.render(analyse(*load_runs([tmp_path / "results"])))["interpreter-micropython-3.4.0.html"]
    assert "Not judged" in page and "2 programs" in page and reason in page
    assert "a program that follows it:\ny = 2" in page


def test_a_crash_shows_its_evidence_under_the_program(tmp_path: Path) -> None:
    crash = {
        "program": "def f():\n    del a\n",
        "expected": "program run: a result",
        "observed": "program run: crash: was killed by SIGSEGV; it printed: Fatal Python error",
        "repro": "python -m pytest x",
        "differences": [{"level": "language", "probe": "program", "facet": "run", "expected": "a result",
                         "observed": "crash: was killed by SIGSEGV; it printed: Fatal Python error"}],
        "signature": "run:crash-SIGSEGV",
        "fault": {"outcome": "crash", "detail": "was killed by SIGSEGV; it printed: Fatal Python error",
                  "evidence": {"signal": "SIGSEGV", "stderr": "Fatal Python error: <Segmentation fault>\n"}},
    }  # fmt: skip
    entries = [results_entry("generated:unbound/language", "failed", failure=crash)]
    write_results(tmp_path / "results", "r.json", results_document("cpython-3.13.0", entries))
    files = html.render(analyse(*load_runs([tmp_path / "results"])))
    page = files["interpreter-cpython-3.13.0.html"]
    assert "The program crashed the runner: was killed by SIGSEGV; it printed: Fatal Python error" in page
    assert "<dt>signal</dt><dd><pre>SIGSEGV</pre></dd>" in page
    assert "Fatal Python error: &lt;Segmentation fault&gt;" in page  # stderr shown as text


def test_deviations_have_pages_and_differences_no_deviation_explains_are_bug_reports(tmp_path: Path) -> None:
    explained = {**failure_record("x = 1", "1", "2"), "diagnosis": "explained", "deviations": ["except-as-kept"]}
    unexplained = {**failure_record("y = 1", "1", "3"), "diagnosis": "unexplained", "deviations": []}
    known = {"signature": "value", "programs": 4, "program": "z = 1", "deviations": ["except-as-kept"],
             "expectation": {"deviation": "except-as-kept"}, "reason": "kept"}  # fmt: skip
    entries = [
        results_entry("generated:capture/language", "failed", failure=unexplained),
        results_entry("generated:late-binding/language", "failed", failure=explained),
        results_entry("deviation:except-as-kept", "xfailed", known_differences=[known], programs=4),
        results_entry(
            "case:capture/kept",
            "xfailed",
            failure=failure_record("w = 1", "1", "4"),
            expectation={"check": "case:capture/kept", "deviation": "except-as-kept", "reason": "kept", "link": None},
        ),
    ]
    document = results_document("pypy-3.9.16", entries)
    kept = {"name": "except-as-kept", "behaves_as": "names are kept", "rule": "8.4", "cause": "c", "workaround": "w",
            "links": [], "seen": ["pypy"]}  # fmt: skip
    document["deviations"] = {"except-as-kept": kept}
    write_results(tmp_path, "pypy.json", document)
    report = analyse(*load_runs([tmp_path]))
    assert [check.check_id for check in report.checks] == ["case:capture/kept", "generated:capture/language",
                                                           "generated:late-binding/language"]  # fmt: skip
    [row] = report.deviations
    assert row.programs("pypy-3.9.16") == 4 + 1 and row.example("pypy-3.9.16") == "z = 1"
    [bug] = report.bug_reports()  # (the case is put down to the deviation its entry names)
    assert bug.check_id == "generated:capture/language"
    files = html.render(report)
    assert "names are kept" in files["deviation-except-as-kept.html"]
    assert "returns 3" in files["bug-%s.html" % bug.key]
    page = files["interpreter-pypy-3.9.16.html"]
    assert "not declared in the expectations" in page and "bug-%s.html" % bug.key in page
