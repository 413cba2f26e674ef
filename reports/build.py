"""Build the report from results files.

    python -m reports [RESULTS_FILE_OR_FOLDER ...] [--out DIR]

Folders are searched recursively (default: reports/results). Writes
DIR/index.html (default: reports/html/), one page per interpreter and per area,
and DIR/summary.md; prints the plain-text table and where the report is. A file
that is not a valid results file is named with the reason and left out; the
report is built from the rest. Exit status 1 when no results were found.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reports import html, summary
from reports.analysis import analyse
from reports.load import load_runs

REPORTS = Path(__file__).resolve().parent
DEFAULT_RESULTS = REPORTS / "results"
DEFAULT_OUT = REPORTS / "html"


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reports", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "paths", nargs="*", metavar="RESULTS", help="results files or folders (default: %s)" % DEFAULT_RESULTS
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="folder for the HTML report (default: %(default)s)"
    )
    parser.add_argument("--quiet", action="store_true", help="do not print the table")
    options = parser.parse_args(arguments)
    runs, problems = load_runs(options.paths or [DEFAULT_RESULTS])
    for problem in problems:
        print("left out %s" % problem, file=sys.stderr)
    report = analyse(runs, problems)
    try:
        html.write(html.render(report), options.out)
    except OSError as error:
        print("cannot write the report to %s: %s" % (options.out, error.strerror or error), file=sys.stderr)
        return 1
    if not runs:
        print(
            "no results found in %s; wrote an empty report" % ", ".join(map(str, options.paths or [DEFAULT_RESULTS])),
            file=sys.stderr,
        )
        return 1
    if not options.quiet:
        print(summary.table(report))
        print()
    print("report: %s" % (options.out.resolve() / "index.html"))
    return 0
