"""The report in short, as Markdown: for a CI job summary or a pull-request comment."""

from __future__ import annotations

from conformance.engine.schema import LEVELS
from reports.analysis import Report

MAX_LISTED = 30  # differences listed per interpreter; the HTML page has them all


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, no markup."""
    value = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for character in "`*_[]<>":
        value = value.replace(character, "\\" + character)
    return value


def summary(report: Report, pages: dict[str, str]) -> str:
    lines = ["# Closure conformance", ""]
    if report.problems:
        lines += ["Results files left out:", ""]
        lines += ["- %s" % cell(problem) for problem in report.problems]
        lines.append("")
    if not report.interpreters:
        return "\n".join([*lines, "No results files were found.", ""])
    lines.append("| interpreter | %s | differences | known | run |" % " | ".join(LEVELS))
    lines.append("|---|%s---:|---:|---|" % ("---:|" * len(LEVELS)))
    for interpreter in report.interpreters:
        scores = interpreter.history[-1].scores
        differences = report.differences_of(interpreter.label)
        lines.append(
            "| %s | %s | %d | %d | %s |"
            % (
                cell(interpreter.label),
                " | ".join(
                    "%s (%d/%d)" % (scores[lv].percent(), scores[lv].conforming, scores[lv].run) for lv in LEVELS
                ),
                len(differences),
                report.known_count(interpreter.label),
                cell(interpreter.current.status),
            )
        )
    lines.append("")
    for interpreter in report.interpreters:
        differences = report.differences_of(interpreter.label)
        unexpected = [d for d in differences if d.occurrences[interpreter.label]["outcome"] != "xfailed"]
        changes = interpreter.changes
        if not differences and not (changes and (changes.new_failures or changes.fixed)):
            continue
        lines.append("## %s" % cell(interpreter.label))
        lines.append("")
        if changes and (changes.new_failures or changes.fixed):
            lines.append(
                "Since the previous run: %d new failure(s), %d fixed." % (len(changes.new_failures), len(changes.fixed))
            )
            lines.append("")
        lines.append(
            "%d difference(s), %d unexpected; details in `%s`."
            % (len(differences), len(unexpected), pages[interpreter.label])
        )
        lines.append("")
        for difference in differences[:MAX_LISTED]:
            known = difference.occurrences[interpreter.label]["outcome"] == "xfailed"
            lines.append(
                "- %s %s (%s, %s): %s"
                % (
                    "known" if known else "**unexpected**",
                    cell(difference.check_id),
                    difference.level,
                    difference.key,
                    cell(difference.title[:300]),
                )
            )
        if len(differences) > MAX_LISTED:
            lines.append("- ... and %d more" % (len(differences) - MAX_LISTED))
        lines.append("")
    return "\n".join(lines)
