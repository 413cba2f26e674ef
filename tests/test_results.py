"""The results file: atomic rewrites, and earlier runs kept in history/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conformance.engine import results
from conformance.engine.results import ResultsFile
from conformance.engine.schema import validate

INTERPRETER = {"command": "python", "implementation": "cpython", "version": "3.12.1", "label": "cpython-3.12.1"}


def make_run(path: Path, check: str) -> None:
    run = ResultsFile(path, dict(INTERPRETER), [{"slug": "capture", "title": "Capture"}])
    run.record({"id": check, "area": "capture", "level": "language", "outcome": "passed", "duration_s": 0.0,
                "programs": 1})  # fmt: skip
    run.finish("complete")


def test_each_write_leaves_a_valid_document_and_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "cpython-3.12.1.json"
    make_run(path, "case:capture/a")
    document = json.loads(path.read_text())
    validate(document)
    assert document["areas"] == [{"slug": "capture", "title": "Capture"}]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_new_run_moves_the_previous_one_to_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results, "HISTORY_KEPT", 2)
    path = tmp_path / "cpython-3.12.1.json"
    path.with_suffix(".xml").write_text("<testsuites/>")
    for number in range(4):
        make_run(path, "case:capture/run-%d" % number)
    history = tmp_path / "history" / "cpython-3.12.1"
    kept = sorted(history.glob("*.json"))
    assert len(kept) == 2  # the two runs before the current one; older ones pruned
    checks = {json.loads(p.read_text())["results"][0]["id"] for p in kept}
    assert checks == {"case:capture/run-1", "case:capture/run-2"}
    assert json.loads(path.read_text())["results"][0]["id"] == "case:capture/run-3"
    assert not list(history.glob("*.xml"))  # the XML went with the first run archived, then was pruned with it


def test_a_run_that_records_nothing_leaves_the_previous_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "cpython-3.12.1.json"
    make_run(path, "case:capture/a")
    before = path.read_text()
    empty = ResultsFile(path, dict(INTERPRETER), [])
    empty.finish("complete")
    assert path.read_text() == before
    assert not (tmp_path / "history").exists()
