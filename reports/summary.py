"""A plain-text table of results files: interpreter x area, passed/failed/skipped.

    python -m reports.summary [RESULTS_DIR_OR_FILES ...]

Standard library only, so it runs without a virtual environment. A file that is
not a valid results document is named with the reason and left out.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reports.schema import InvalidResults, validate

DEFAULT_DIR = Path(__file__).resolve().parent / "results"


def load_documents(paths: Iterable[Path]) -> tuple[list[tuple[Path, dict[str, Any]]], list[str]]:
    """Valid documents and one-line complaints about the files that are not."""
    documents: list[tuple[Path, dict[str, Any]]] = []
    problems: list[str] = []
    for path in paths:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            validate(document)
        except (OSError, UnicodeDecodeError) as error:
            problems.append("%s: cannot read it (%s)" % (path, error))
        except ValueError as error:  # JSON errors and InvalidResults
            kind = "not a valid results file" if isinstance(error, InvalidResults) else "not JSON"
            problems.append("%s: %s: %s" % (path, kind, error))
        else:
            documents.append((path, document))
    return documents, problems


def results_paths(arguments: list[str]) -> list[Path]:
    paths: list[Path] = []
    for argument in arguments or [str(DEFAULT_DIR)]:
        path = Path(argument)
        paths.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return paths


def short_name(label: str) -> str:
    """cpython-3.12.1 -> 3.12, pypy-3.9.16 -> pypy3.9: a column heading."""
    implementation, _, version = label.partition("-")
    short = ".".join(version.split(".")[:2])
    return short if implementation == "cpython" else implementation + short


def cell(counts: dict[str, int]) -> str:
    if not counts:
        return "-"
    text = "%d/%d/%d" % (counts.get("passed", 0), counts.get("failed", 0), counts.get("skipped", 0))
    for key, mark in (("xfailed", "x"), ("xpassed", "X"), ("error", "E")):
        if counts.get(key):
            text += "+%d%s" % (counts[key], mark)
    return text


def table(documents: list[tuple[Path, dict[str, Any]]]) -> str:
    """Rows are areas, columns interpreters; each cell passed/failed/skipped."""
    documents = sorted(documents, key=lambda item: _version_key(item[1]["interpreter"]["label"]))
    areas: list[str] = []
    columns: list[dict[str, dict[str, int]]] = []
    for _, document in documents:
        per_area: dict[str, dict[str, int]] = {"total": {}}
        for entry in document["results"]:
            area = entry["area"]
            if area not in areas:
                areas.append(area)
            outcome = entry["outcome"]
            for key in (area, "total"):
                counts = per_area.setdefault(key, {})
                counts[outcome] = counts.get(outcome, 0) + 1
        columns.append(per_area)
    headers = ["area"] + [short_name(d["interpreter"]["label"]) for _, d in documents]
    rows = [[area] + [cell(column.get(area, {})) for column in columns] for area in [*areas, "total"]]
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(row) for row in rows[:-1])
    out.append(line(["-" * w for w in widths]))
    out.append(line(rows[-1]))
    out.append("")
    out.append("each cell: passed/failed/skipped, then +Nx known differences (xfail), +NX xpass, +NE errors")
    for path, document in documents:
        interpreter = document["interpreter"]
        out.append(
            "%s = %s (%s), %s run, %s"
            % (
                short_name(interpreter["label"]),
                interpreter["label"],
                interpreter["command"],
                document.get("status", "?"),
                path,
            )
        )
    return "\n".join(out)


def _version_key(label: str) -> tuple[int, str, tuple[int, ...]]:
    implementation, _, version = label.partition("-")
    numbers = tuple(int(part) for part in version.split(".") if part.isdigit())
    return (implementation != "cpython", implementation, numbers)


def main(arguments: list[str]) -> int:
    documents, problems = load_documents(results_paths(arguments))
    for problem in problems:
        print("skipped %s" % problem, file=sys.stderr)
    if not documents:
        print("no results files found in %s" % ", ".join(arguments or [str(DEFAULT_DIR)]), file=sys.stderr)
        return 1
    print(table(documents))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
