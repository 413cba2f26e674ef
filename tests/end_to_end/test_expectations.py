"""Expectation files in runs: known differences become expected failures, unexpected passes fail the run,
and --update-expectations writes a list that the same run then passes."""

from __future__ import annotations

from pathlib import Path

from conformance.engine.expectations import Expectations
from conformance.model.deviations import DEVIATIONS
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
    # every program is explained by the deviation the bug is: the list declares it
    assert [e.deviations for e in Expectations.load(listed).entries] == [("unbound-local-as-name-error",)]

    results = tmp_path / "results.json"
    again = run_suite(*arguments, "--expectations", str(listed), "--results-json", str(results), paths=())
    assert again.returncode == 0, again.stdout[-2000:]
    entry = by_id(load_results(results))["generated:unbound/language"]
    assert entry["outcome"] == "xfailed"
    assert {tuple(known["deviations"]) for known in entry["known_differences"]} == {("unbound-local-as-name-error",)}

    # listed by the signature of the way it differs, the same programs are known too
    way = "generated:unbound/language#exception:UnboundLocalError->NameError"
    listed.write_text('[[expected-failure]]\ncheck = "%s"\nreason = "NameError for an unbound local"\n' % way)
    again = run_suite(*arguments, "--expectations", str(listed), "--results-json", str(results), paths=())
    entry = by_id(load_results(results))["generated:unbound/language"]
    assert "exception:UnboundLocalError->NameError" in {known["signature"] for known in entry["known_differences"]}

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


# -- deviations: known differences by the rule they break -----------------------------------

TWO_BUGS = "%s except-name-kept+unbound-is-name-error" % BUGGY  # except-as names kept, UnboundLocalError as NameError
TWO_AREAS = ["conformance/test_generated.py", "-k", "except-as-language or unbound-language", "--hypothesis-profile",
             "ci"]  # fmt: skip
DECLARED = '[[expected-failure]]\ndeviation = "%s"\n\n'


def test_a_declared_deviation_makes_its_programs_known_and_an_undeclared_second_bug_still_fails(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    one = write_expectations(tmp_path, DECLARED % "except-as-kept")
    completed = run_suite(*TWO_AREAS, "--interpreter", TWO_BUGS, "--expectations", str(one),
                          "--results-json", str(results), paths=())  # fmt: skip
    assert completed.returncode == 1
    entries = by_id(load_results(results))
    failures = [entry["failure"] for entry in entries.values() if entry["outcome"] == "failed"]
    assert failures and all(failure["diagnosis"] == "explained" for failure in failures)
    assert all("unbound-local-as-name-error" in failure["deviations"] for failure in failures)
    assert "explained by the deviation" in completed.stdout and "not declared" not in completed.stdout
    # what each program was judged against, for conformance/crosscheck.py: the model's prediction
    assert all("observations" in failure["expected_result"] for failure in failures)

    both = write_expectations(tmp_path, DECLARED % "except-as-kept" + DECLARED % "unbound-local-as-name-error")
    completed = run_suite(*TWO_AREAS, "--interpreter", TWO_BUGS, "--expectations", str(both),
                          "--results-json", str(results), paths=())  # fmt: skip
    assert completed.returncode == 0, completed.stdout[-3000:]
    entries = by_id(load_results(results))
    for name in ("except-as-kept", "unbound-local-as-name-error"):
        record = entries["deviation:" + name]
        assert record["outcome"] == "xfailed" and record["programs"] > 0
        assert all(name in known["deviations"] for known in record["known_differences"])
    explained = {tuple(k["deviations"]) for e in entries.values() if e["id"].startswith("generated:")
                 for k in e["known_differences"]}  # fmt: skip
    assert ("except-as-kept",) in explained and ("unbound-local-as-name-error",) in explained


def test_a_declared_deviation_that_explains_nothing_is_unexpectedly_passing_and_the_update_drops_it(
    tmp_path: Path,
) -> None:
    listed = write_expectations(tmp_path, '[[expected-failure]]\ncheck = "generated:except-as/language"\n'
                                          'deviation = "except-as-kept"\n')  # fmt: skip
    results = tmp_path / "results.json"
    completed = run_suite(*TWO_AREAS, "--interpreter", HOST, "--expectations", str(listed), "--results-json",
                          str(results), "--update-expectations", str(listed), paths=())  # fmt: skip
    assert completed.returncode == 1
    entries = by_id(load_results(results))
    record = entries["deviation:except-as-kept"]
    assert record["outcome"] == "xpassed" and record["programs"] == 0
    assert "XPASS deviation:except-as-kept" in completed.stdout
    # the program that showed the rule followed: one that reads an `except ... as` name after its handler
    follows = entries["generated:except-as/language"]["rules_followed"]["except-as-kept"]
    assert " as " in follows and record["unexpected_pass"].endswith("a program that follows it:\n" + follows)
    assert Expectations.load(listed).entries == ()


def test_update_expectations_declares_the_deviations_that_explain_the_differences(tmp_path: Path) -> None:
    buggy = "%s except-name-kept" % BUGGY
    listed = tmp_path / "buggy.toml"
    first = run_suite(*TWO_AREAS, "--interpreter", buggy, "--update-expectations", str(listed), paths=())
    assert first.returncode == 1
    entries = Expectations.load(listed).entries
    assert [entry.deviations for entry in entries] == [("except-as-kept",)]
    assert entries[0].check is None and entries[0].reason == DEVIATIONS["except-as-kept"].behaves_as
    again = run_suite(*TWO_AREAS, "--interpreter", buggy, "--expectations", str(listed), paths=())
    assert again.returncode == 0, again.stdout[-3000:]
