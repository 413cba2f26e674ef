"""Finding and reading results files: any number, from any number of machines.

A path on the command line is a results file or a folder searched recursively
for `*.json` (so `reports/results/` brings its `history/` with it, and a folder
of CI artifacts can be given as it was downloaded). A file that cannot be read,
is not JSON, or does not follow the schema is named with the reason and left
out; the rest still make a report. The same run found twice (copied into two
folders) counts once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.engine.schema import InvalidResults, validate

MAX_FILE_BYTES = 512 * 1024 * 1024  # far beyond any real run; a bound on what a hostile file can cost


@dataclass(frozen=True)
class Run:
    """One results file: one run of the suite against one interpreter."""

    path: Path
    document: dict[str, Any]

    @property
    def interpreter(self) -> dict[str, Any]:
        interpreter: dict[str, Any] = self.document["interpreter"]
        return interpreter

    @property
    def label(self) -> str:
        return str(self.interpreter["label"])

    @property
    def started(self) -> str:
        return str(self.document["started"])

    @property
    def status(self) -> str:
        return str(self.document.get("status", "complete"))

    @property
    def commit(self) -> str | None:
        commit = self.document["suite"].get("commit")
        return commit if isinstance(commit, str) else None

    @property
    def results(self) -> list[dict[str, Any]]:
        results: list[dict[str, Any]] = self.document["results"]
        return results

    def identity(self) -> tuple[str, str, str, str]:
        """What makes two files the same run."""
        return (self.label, self.started, str(self.interpreter["command"]), str(self.commit))


def find_results(arguments: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """The results files named by the arguments, and a complaint for each argument that names nothing."""
    paths: list[Path] = []
    problems: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            paths.extend(sorted(path.rglob("*.json")))
        elif path.is_file():
            paths.append(path)
        else:
            problems.append("%s: no such file or folder" % path)
    return paths, problems


def read_run(path: Path) -> Run:
    """Read and validate one results file; ValueError with a one-line reason when it is not one."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValueError("too large to be a results file (%d bytes)" % size)
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ValueError("cannot read it (%s)" % (error.strerror or error)) from None
    except UnicodeDecodeError as error:
        raise ValueError("not UTF-8 text (%s)" % error) from None
    try:
        document = json.loads(text)
    except ValueError as error:
        raise ValueError("not JSON (%s): cut short by a crash, or not a results file" % error) from None
    try:
        validate(document)
    except InvalidResults as error:
        raise ValueError("not a valid results file: %s" % error) from None
    return Run(path, document)


def load_runs(arguments: Iterable[str | Path]) -> tuple[list[Run], list[str]]:
    """Every valid run under the arguments (each once) and one line per file left out."""
    paths, problems = find_results(arguments)
    runs: list[Run] = []
    seen: set[tuple[str, str, str, str]] = set()
    for path in paths:
        try:
            run = read_run(path)
        except ValueError as error:
            problems.append("%s: %s" % (path, error))
            continue
        if run.identity() not in seen:
            seen.add(run.identity())
            runs.append(run)
    return runs, problems
