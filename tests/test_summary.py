"""The results format's validation and the plain-text table printed by `nox -s summary`."""

from __future__ import annotations

import pytest

from reports import summary
from reports.analysis import analyse
from reports.load import load_runs
from reports.schema import InvalidResults, validate
from tests.results_documents import document, entry, write


def test_the_table_has_an_area_per_row_and_an_interpreter_per_column(tmp_path) -> None:
    write(
        tmp_path,
        "a.json",
        document(
            "cpython-3.12.1",
            [entry("capture/a", "passed"), entry("capture/b", "failed"), entry("unbound/c", "skipped")],
        ),
    )
    write(
        tmp_path,
        "b.json",
        document(
            "pypy-3.9.16",
            [
                entry("capture/a", "passed"),
                entry("capture/b", "passed"),
                entry("unbound/c", "error"),
                entry("unbound/d", "xfailed"),
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
        (lambda d: d.update(schema="closure-conformance/results/2"), "a newer suite wrote it"),
    ],
)
def test_validation_names_the_field(change, message: str) -> None:
    doc = document("cpython-3.12.1", [entry("capture/a", "passed")])
    change(doc)
    with pytest.raises(InvalidResults, match=message):
        validate(doc)
