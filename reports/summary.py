"""A plain-text table of the report: area x interpreter, passed/failed/skipped.

    python -m reports.summary [RESULTS_FILE_OR_FOLDER ...]

Prints what `nox` prints at the end, without writing HTML.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

from reports.analysis import Report, analyse, conforms
from reports.load import load_runs


def cell(entries: list[dict[str, Any]]) -> str:
    if not entries:
        return "-"
    counts = Counter(entry["outcome"] for entry in entries)
    text = "%d/%d/%d" % (counts["passed"], counts["failed"], counts["skipped"])
    for key, mark in (("xfailed", "x"), ("xpassed", "X"), ("error", "E")):
        if counts[key]:
            text += "+%d%s" % (counts[key], mark)
    return text


def table(report: Report) -> str:
    """Rows are areas, columns interpreters (their current runs); each cell passed/failed/skipped."""
    headers = ["area"] + [interpreter.short for interpreter in report.interpreters]
    rows = [
        [area.slug] + [cell(report.area_entries(i.label, area.slug)) for i in report.interpreters]
        for area in report.areas
    ]
    totals = ["total"] + [cell(interpreter.entries()) for interpreter in report.interpreters]
    widths = [max(len(row[i]) for row in [headers, *rows, totals]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    rule = line(["-" * w for w in widths])
    out = [line(headers), rule, *(line(row) for row in rows), rule, line(totals), ""]
    out.append("each cell: passed/failed/skipped, then +Nx known differences (xfail), +NX xpass, +NE errors")
    for interpreter in report.interpreters:
        run = interpreter.current
        differing = sum(conforms(entry["outcome"]) is False for entry in interpreter.entries())
        out.append(
            "%s = %s (%s), %s run, %d differing, %s"
            % (interpreter.short, interpreter.label, run.interpreter["command"], run.status, differing, run.path)
        )
    return "\n".join(out)


def main(arguments: list[str]) -> int:
    runs, problems = load_runs(arguments or ["reports/results"])
    for problem in problems:
        print("left out %s" % problem, file=sys.stderr)
    if not runs:
        print("no results found in %s" % ", ".join(arguments or ["reports/results"]), file=sys.stderr)
        return 1
    print(table(analyse(runs, problems)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
