"""The results format's validation and the plain-text table printed by `nox -s summary`."""

from __future__ import annotations

import pytest

from conformance.engine.schema import InvalidResults, validate
from reports import summary
from reports.analysis import analyse
from reports.load import load_runs
from tests.support import results_document, results_entry, write_results


def test_the_table_has_an_area_per_row_and_an_interpreter_per_column(tmp_path) -> None:
    write_results(
        tmp_path,
        "a.json",
        results_document(
            "cpython-3.12.1",
            [
                results_entry("capture/a", "passed"),
                results_entry("capture/b", "failed"),
                results_entry("unbound/c", "skipped"),
            ],
        ),
    )
    write_results(
        tmp_path,
        "b.json",
        results_document(
            "pypy-3.9.16",
            [
                results_entry("capture/a", "passed"),
                results_entry("capture/b", "passed"),
                results_entry("unbound/c", "error"),
                results_entry("unbound/d", "xfailed"),
            ],
        ),
    )
    runs, problems = load_runs([tmp_path])
    assert problems == []
    lines = summary.table(analyse(runs, problems)).splitlines()
    assert lines[0].split() == ["area", "3.12", "pypy3.9"]
    assert lines[2].split() == ["capture", "1/1/0", "2/0/0"]
    assert lines[3].split() == ["unbound", "0/0/1", "0/0/0+1x+1E"]
    assert lines[5].split() == ["total", "1/1/1", "2/0/0+1x+1E"]


def test_main_fails_when_there_is_nothing_to_show(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert summary.main([str(tmp_path)]) == 1
    assert "no results found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("interpreter"), "interpreter is missing"),
        (lambda d: d["summary"].update(passed="1"), "summary.passed has the wrong type"),
        (lambda d: d["results"][0].update(outcome="meh"), "results\\[0\\].outcome 'meh'"),
        (lambda d: d.update(schema="closure-conformance/results/3"), "a newer suite wrote it"),
    ],
)
def test_validation_names_the_field(change, message: str) -> None:
    doc = results_document("cpython-3.12.1", [results_entry("capture/a", "passed")])
    change(doc)
    with pytest.raises(InvalidResults, match=message):
        validate(doc)
