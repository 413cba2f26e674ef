"""The summary table printed at the end of `nox`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reports import summary
from reports.schema import SCHEMA, InvalidResults, summarize, validate


def document(label: str, outcomes: dict[str, str]) -> dict:
    results = [
        {
            "id": id_,
            "area": id_.split("/")[0],
            "level": "language",
            "outcome": outcome,
            "duration_s": 0.0,
            "programs": 1,
        }
        for id_, outcome in outcomes.items()
    ]
    implementation, _, version = label.partition("-")
    return {
        "schema": SCHEMA,
        "status": "complete",
        "interpreter": {"command": "/usr/bin/x", "implementation": implementation, "version": version, "label": label},
        "suite": {"version": "0.1.0", "commit": None},
        "started": "2026-01-01T00:00:00+00:00",
        "finished": None,
        "summary": summarize(results),
        "results": results,
    }


def test_the_table_has_an_area_per_row_and_an_interpreter_per_column(tmp_path: Path) -> None:
    for label, outcomes in {
        "cpython-3.12.1": {"capture/a": "passed", "capture/b": "failed", "unbound/c": "skipped"},
        "pypy-3.9.16": {"capture/a": "passed", "capture/b": "passed", "unbound/c": "error", "unbound/d": "xfailed"},
    }.items():
        (tmp_path / (label + ".json")).write_text(json.dumps(document(label, outcomes)))
    documents, problems = summary.load_documents(summary.results_paths([str(tmp_path)]))
    assert problems == []
    lines = summary.table(documents).splitlines()
    assert lines[0].split() == ["area", "3.12", "pypy3.9"]
    assert lines[2].split() == ["capture", "1/1/0", "2/0/0"]
    assert lines[3].split() == ["unbound", "0/0/1", "0/0/0+1x+1E"]
    assert lines[5].split() == ["total", "1/1/1", "2/0/0+1x+1E"]


def test_bad_files_are_named_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.json").write_text(json.dumps(document("cpython-3.12.1", {"capture/a": "passed"})))
    (tmp_path / "truncated.json").write_text('{"schema": ')
    (tmp_path / "newer.json").write_text(json.dumps({"schema": "closure-conformance/results/2"}))
    documents, problems = summary.load_documents(summary.results_paths([str(tmp_path)]))
    assert len(documents) == 1
    assert len(problems) == 2
    assert any("newer.json: not a valid results file: schema" in p and "newer suite" in p for p in problems)
    assert any("truncated.json: not JSON" in p for p in problems)


def test_main_fails_when_there_is_nothing_to_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert summary.main([str(tmp_path)]) == 1
    assert "no results files found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("interpreter"), "interpreter is missing"),
        (lambda d: d["summary"].update(passed="1"), "summary.passed has the wrong type"),
        (lambda d: d["results"][0].update(outcome="meh"), "results\\[0\\].outcome 'meh'"),
    ],
)
def test_validation_names_the_field(change, message: str) -> None:
    doc = document("cpython-3.12.1", {"capture/a": "passed"})
    change(doc)
    with pytest.raises(InvalidResults, match=message):
        validate(doc)
