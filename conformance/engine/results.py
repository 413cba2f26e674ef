"""The results file of one run against one interpreter, written as results arrive.

Only one process writes it: the pytest process that runs the session (the
pytest-xdist controller when workers are used, since their reports reach it
through pytest_runtest_logreport). Every change is written to a temporary file
beside it and renamed over it, so a reader (or a run killed half-way) always
finds a complete, valid document.

The file is written from the first result on: a run that records nothing
(`--collect-only`, `-k` matching nothing) leaves the previous file alone. A run
that records something does not destroy the previous one either: the file it
replaces (and the JUnit XML beside it) moves to `history/<label>/` next to it,
where the report finds it and shows the trend and what changed.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import subprocess
from pathlib import Path
from typing import Any

from conformance.engine.catalog import AREAS
from conformance.engine.schema import SCHEMA, summarize
from conformance.engine.target import Target
from conformance.host.system import atomic_write, check_writable
from conformance.model.deviations import DEVIATIONS

SUITE_VERSION = "0.1.0"
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FOLDER = ROOT / "reports" / "results"
HISTORY_KEPT = 20  # earlier runs kept per interpreter label


def now() -> str:
    """ISO 8601 to the millisecond: a run's duration, from its results file, is exact enough to time it."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")


def suite_commit() -> str | None:
    try:
        output = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=5, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return output.stdout.strip() or None


class ResultsFile:
    """The results document for one interpreter, rewritten atomically on each change."""

    def __init__(self, path: Path, interpreter: dict[str, Any], areas: list[dict[str, str]]) -> None:
        self.path = path
        self._begun = False
        self._order: list[str] = []
        self._entries: dict[str, dict[str, Any]] = {}
        self.document: dict[str, Any] = {
            "schema": SCHEMA,
            "status": "running",
            "interpreter": interpreter,
            "suite": {"version": SUITE_VERSION, "commit": suite_commit()},
            "started": now(),
            "finished": None,
            "areas": areas,
            "summary": summarize([]),
            "results": [],
            # the catalogue of deviations, which the results' diagnoses name (conformance/model/deviations.py)
            "deviations": {name: dataclasses.asdict(deviation) for name, deviation in DEVIATIONS.items()},
        }

    @classmethod
    def for_target(cls, target: Target, path: Path | None = None) -> ResultsFile:
        """The results file of a run against the target (default: reports/results/<label>.json)."""
        hello = target.hello
        interpreter = {
            "command": target.command,
            "implementation": hello.implementation,
            "version": ".".join(str(part) for part in hello.version),
            "label": hello.label,
            "language": hello.language,
            "sys_version": hello.sys_version,
            "capabilities": hello.capabilities,
            # constructs generated programs leave out because the target cannot parse them
            "excluded_constructs": target.features.excluded(),
        }
        areas = [{"slug": area.slug, "title": area.title} for area in AREAS]
        areas.append({"slug": "suite", "title": "The suite itself"})
        return cls(path or DEFAULT_FOLDER / (hello.label + ".json"), interpreter, areas)

    def check_writable(self) -> None:
        """OSError now, before the run, if the file's folder cannot be made or written to."""
        check_writable(self.path)

    def lookup(self, key: str) -> dict[str, Any] | None:
        return self._entries.get(key)

    def record(self, entry: dict[str, Any]) -> None:
        """Add or replace the entry with this id, and write the file."""
        if not self._begun:
            archive_previous_run(self.path, self.document["interpreter"]["label"])
            self._begun = True
        key = entry["id"]
        if key not in self._entries:
            self._order.append(key)
        self._entries[key] = entry
        self.write()

    def finish(self, status: str) -> None:
        if not self._begun:
            return  # nothing ran: the previous run's file stays as it was
        self.document["status"] = status
        self.document["finished"] = now()
        self.write()

    def write(self) -> None:
        results = [self._entries[key] for key in self._order]
        self.document["results"] = results
        self.document["summary"] = summarize(results)
        atomic_write(self.path, json.dumps(self.document, indent=1) + "\n")


def archive_previous_run(path: Path, label: str) -> None:
    """Move the results file a new run would overwrite (and its JUnit XML) into history/<label>/."""
    if not path.exists():
        return
    history = path.parent / "history" / _safe_name(label)
    history.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.timezone.utc).strftime("%Y%m%dT%H%M%S")
    stem = stamp
    number = 1
    while (history / (stem + ".json")).exists():
        number += 1
        stem = "%s-%d" % (stamp, number)
    for source in (path, path.with_suffix(".xml")):
        if source.exists():
            os.replace(source, history / (stem + source.suffix))
    earlier = sorted(history.glob("*.json"), key=lambda item: item.stat().st_mtime)
    for old in earlier[:-HISTORY_KEPT]:
        old.unlink()
        old.with_suffix(".xml").unlink(missing_ok=True)


def _safe_name(label: str) -> str:
    return "".join(c if c.isalnum() or c in ".-_" else "_" for c in label) or "_"
