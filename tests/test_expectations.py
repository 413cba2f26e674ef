"""Expectation files: known differences become strict expected failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.expectations import Expectations, ExpectationsError
from tests.conftest import HOST
from tests.test_plugin import by_id, load_results, run_suite, write_case


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "expected.toml"
    path.write_text(text)
    return path


def test_entries_match_by_id_or_pattern_and_version(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[expected-failure]]\ncheck = "case:cells/*"\nreason = "cells differ"\n\n'
        '[[expected-failure]]\ncheck = "case:unbound/x"\nreason = "fixed later"\nbefore = "3.12.4"\n',
    )
    expectations = Expectations.load(path)
    entry = expectations.match("case:cells/anything", (3, 12, 1))
    assert entry is not None and entry.reason == "cells differ"
    assert expectations.match("case:unbound/x", (3, 12, 1)) is not None
    assert expectations.match("case:unbound/x", (3, 12, 4)) is None
    assert expectations.match("case:capture/y", (3, 12, 1)) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[expected-failure]\n", "is not valid TOML"),
        ('[[expected-failure]]\ncheck = "x"\n', "entry 1: needs a `check` and a `reason`"),
        ('[[expected-failure]]\ncheck = "x"\nreason = "r"\ncolour = "blue"\n', "entry 1: unknown key colour"),
        ('[[expected-failure]]\ncheck = "x"\nreason = "r"\nbefore = "soon"\n', "before = 'soon' is not a version"),
        ('[[expected-fail]]\ncheck = "x"\n', "unknown table expected-fail"),
    ],
)
def test_a_bad_file_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ExpectationsError, match=message):
        Expectations.load(write(tmp_path, text))


def test_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExpectationsError, match=r"cannot read expectations file .*nope\.toml"):
        Expectations.load(tmp_path / "nope.toml")


def test_listed_failures_are_xfail_and_listed_passes_fail(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    write_case(cases, "fails", "# expect: x == 1\nprobe('x', 2)\n")
    write_case(cases, "passes", "# expect: x == 1\nprobe('x', 1)\n")
    write_case(cases, "unlisted-fails", "# expect: x == 1\nprobe('x', 3)\n")
    expectations = write(
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
        "case:late-binding/passes": "failed",  # strict: an expected failure that passes fails the run
        "case:late-binding/unlisted-fails": "failed",
    }
    assert "XPASS(strict)" in completed.stdout


def test_a_bad_expectations_file_stops_the_run_with_one_line(tmp_path: Path) -> None:
    completed = run_suite("--interpreter", HOST, "--expectations", str(write(tmp_path, "[[x")))
    assert completed.returncode == 4
    assert "Traceback" not in completed.stderr
    assert completed.stderr.strip().startswith("ERROR: expectations file")


def test_the_shipped_expectation_files_load() -> None:
    shipped = sorted((Path(__file__).parent.parent / "conformance" / "expectations").glob("*.toml"))
    assert shipped
    for path in shipped:
        assert Expectations.load(path)
