"""Expectation files in runs: known differences become expected failures, unexpected passes fail the run,
and --update-expectations writes a list that the same run then passes."""

from __future__ import annotations

from pathlib import Path

from conformance.engine.expectations import Expectations
from tests.support import BUGGY, HOST, by_id, load_results, run_suite, write_case, write_expectations


def cases_with_two_failures(tmp_path: Path) -> Path:
    cases = tmp_path / "cases"
    write_case(cases, "fails", "# expect: x == 1\nprobe('x', 2)\n")
    write_case(cases, "also-fails", "# expect: x == 1\nprobe('x', 3)\n", area="capture")
    write_case(cases, "passes", "# expect: x == 1\nprobe('x', 1)\n")
    return cases


def test_listed_failures_are_xfail_and_listed_passes_fail(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    write_case(cases, "fails", "# expect: x == 1\nprobe('x', 2)\n")
    write_case(cases, "passes", "# expect: x == 1\nprobe('x', 1)\n")
    write_case(cases, "unlisted-fails", "# expect: x == 1\nprobe('x', 3)\n")
    expectations = write_expectations(
        tmp_path,
        '[[expected-failure]]\ncheck = "case:late-binding/fails"\nreason = "known"\n\n'
        '[[expected-failure]]\ncheck = "case:late-binding/passes"\nreason = "was fixed"\n',
    )
    results = tmp_path / "results.json"
    completed = run_suite(
        "--cases",
        str(cases),
        "--interpreter",
        HOST,
        "--results-json",
        str(results),
        "--expectations",
        str(expectations),
    )
    assert completed.returncode == 1
    outcomes = {key: entry["outcome"] for key, entry in by_id(load_results(results)).items()}
    assert outcomes == {
        "case:late-binding/fails": "xfailed",
        "case:late-binding/passes": "xpassed",  # unexpectedly passing: it fails the run, and says so
        "case:late-binding/unlisted-fails": "failed",
    }
    assert "XPASS(strict)" in completed.stdout


def test_a_bad_expectations_file_stops_the_run_with_one_line(tmp_path: Path) -> None:
    completed = run_suite("--interpreter", HOST, "--expectations", str(write_expectations(tmp_path, "[[x")))
    assert completed.returncode == 4
    assert "Traceback" not in completed.stderr
    assert completed.stderr.strip().startswith("ERROR: expectations file")


def test_an_entry_naming_no_check_stops_the_run_with_one_line(tmp_path: Path) -> None:
    text = (
        '[[expected-failure]]\ncheck = "case:late-binding/*"\nreason = "a pattern that matches"\n\n'
        '[[expected-failure]]\ncheck = "generated:*/language#value"\nreason = "a generated check and a way"\n\n'
        '[[expected-failure]]\ncheck = "case:late-bindnig/loop-*"\nreason = "a typo"\n'
    )
    completed = run_suite("--interpreter", HOST, "--expectations", str(write_expectations(tmp_path, text)))
    assert completed.returncode == 4
    assert "Traceback" not in completed.stderr + completed.stdout
    [line] = [line for line in completed.stderr.splitlines() if line.strip()]
    assert line.startswith("ERROR: expectations file ")
    assert "entry 3: check = 'case:late-bindnig/loop-*' names no check of the suite" in line


def test_update_expectations_writes_a_list_that_makes_the_run_pass(tmp_path: Path) -> None:
    cases = cases_with_two_failures(tmp_path)
    listed = tmp_path / "mine.toml"
    first = run_suite("--cases", str(cases), "--interpreter", HOST, "--update-expectations", str(listed))
    assert first.returncode == 1
    assert "wrote 2 expected failure(s) to" in first.stderr
    expectations = Expectations.load(listed)
    assert sorted(e.check or "" for e in expectations.entries) == ["case:capture/also-fails", "case:late-binding/fails"]
    assert all(e.reason.startswith("observed: ") or e.reason for e in expectations.entries)

    results = tmp_path / "results.json"
    green = run_suite("--cases", str(cases), "--interpreter", HOST, "--expectations", str(listed),
                      "--results-json", str(results))  # fmt: skip
    assert green.returncode == 0, green.stdout
    known = by_id(load_results(results))["case:late-binding/fails"]
    assert known["outcome"] == "xfailed"
    assert known["expectation"]["check"] == "case:late-binding/fails"

    # one entry removed: that check fails the run again
    text = listed.read_text()
    listed.write_text(text[: text.index("[[expected-failure]]", text.index("[[expected-failure]]") + 1)])
    assert run_suite("--cases", str(cases), "--interpreter", HOST, "--expectations", str(listed)).returncode == 1


def test_a_passing_check_marked_as_expected_is_unexpectedly_passing_and_the_update_drops_it(tmp_path: Path) -> None:
    cases = cases_with_two_failures(tmp_path)
    listed = write_expectations(
        tmp_path,
        '[[expected-failure]]\ncheck = "case:late-binding/passes"\nreason = "thought broken"\n'
        '\n[[expected-failure]]\ncheck = "case:capture/also-*"\nreason = "mine, keep this reason"\n',
    )
    results = tmp_path / "results.json"
    completed = run_suite("--cases", str(cases), "--interpreter", HOST, "--expectations", str(listed),
                          "--results-json", str(results), "--update-expectations", str(listed))  # fmt: skip
    assert completed.returncode == 1
    assert by_id(load_results(results))["case:late-binding/passes"]["outcome"] == "xpassed"
    entries = {e.check: e.reason for e in Expectations.load(listed).entries}
    assert entries["case:capture/also-*"] == "mine, keep this reason"
    assert "case:late-binding/passes" not in entries
    assert "case:late-binding/fails" in entries


def test_known_ways_a_generated_property_differs_let_it_go_on_and_other_ways_still_fail(tmp_path: Path) -> None:
    buggy = "%s unbound-is-name-error" % BUGGY
    arguments = ["conformance/test_generated.py", "-k", "unbound-language", "--hypothesis-profile", "ci",
                 "--interpreter", buggy]  # fmt: skip
    listed = tmp_path / "buggy.toml"
    first = run_suite(*arguments, "--update-expectations", str(listed), paths=())
    assert first.returncode == 1
    signatures = [e.check for e in Expectations.load(listed).entries]
    assert signatures and all((s or "").startswith("generated:unbound/language#") for s in signatures)
    assert "generated:unbound/language#exception:UnboundLocalError->NameError" in signatures

    results = tmp_path / "results.json"
    again = run_suite(*arguments, "--expectations", str(listed), "--results-json", str(results), paths=())
    assert again.returncode == 0, again.stdout[-2000:]
    entry = by_id(load_results(results))["generated:unbound/language"]
    assert entry["outcome"] == "xfailed"
    seen = {known["signature"] for known in entry["known_differences"]}
    assert seen and seen <= {s.split("#")[1] for s in signatures if s}

    # a list that names only some other way of differing: the property fails on this bug again
    listed.write_text('[[expected-failure]]\ncheck = "generated:unbound/language#value"\nreason = "other"\n')
    assert run_suite(*arguments, "--expectations", str(listed), paths=()).returncode == 1


def test_a_case_listed_by_the_way_it_differs(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    write_case(cases, "that-way", "# expect: x == 1\nprobe('x', 2)\n")  # differs by value: as listed
    write_case(cases, "another-way", "# expect: x == 1\nprobe('x', [][0])\n")  # raises instead: not listed
    write_case(cases, "conforms", "# expect: x == 1\nprobe('x', 1)\n")  # listed, but it conforms
    listed = write_expectations(tmp_path, "".join(
        '[[expected-failure]]\ncheck = "case:late-binding/%s#value"\nreason = "r"\n\n' % name
        for name in ("that-way", "another-way", "conforms")))  # fmt: skip
    results = tmp_path / "results.json"
    completed = run_suite("--cases", str(cases), "--interpreter", HOST, "--expectations", str(listed),
                          "--results-json", str(results))  # fmt: skip
    assert completed.returncode == 1
    entries = by_id(load_results(results))
    assert {check: entry["outcome"] for check, entry in entries.items()} == {
        "case:late-binding/that-way": "xfailed", "case:late-binding/another-way": "failed",
        "case:late-binding/conforms": "xpassed",
    }  # fmt: skip
    assert entries["case:late-binding/that-way"]["known_differences"][0]["signature"] == "value"
    assert entries["case:late-binding/another-way"]["failure"]["signature"] == "uncaught-exception:none->IndexError"
