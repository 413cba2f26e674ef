"""How the engine's verdicts become pytest outcomes, and pytest's reports become results outcomes.

- A check listed in the expectations by its id (or area and level) becomes a strict
  expected failure: pytest's own xfail, marked at collection.
- An `Ending` (engine/check.py) ends the test: a skip, or a failure with its report.
- A check that met only listed ways of differing ends as an expected failure; one
  that met new ways under --update-expectations, as a failure.
- A results outcome is read off pytest's report: passed, failed, xfailed, xpassed,
  skipped, error (a check that could not run, or whose pytest worker died).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conformance.engine.casefile import CaseError, load
from conformance.engine.catalog import GENERATED
from conformance.engine.check import CheckRun, Ending
from conformance.engine.checks import Check
from conformance.engine.expectations import Expectations

RECORD = "conformance"  # the user_properties key carrying a check's record (CheckRecord.to_json)
IDENTITY = "conformance-check"  # ... and the one carrying its identity, from collection on
RUN_KEY = pytest.StashKey[CheckRun]()
EXPECTATION_KEY = pytest.StashKey[dict[str, Any]]()


def check_marker(check: Check) -> pytest.MarkDecorator:
    """The mark that gives a test its check identity: its stable id, its area and its level."""
    return pytest.mark.check(id=check.id, area=check.area, level=check.level)


def check_of(item: pytest.Item) -> Check:
    marker = item.get_closest_marker("check")
    if marker is None:
        return Check(item.nodeid, "suite", "language")
    return Check(marker.kwargs["id"], marker.kwargs["area"], marker.kwargs["level"])


def check_of_nodeid(nodeid: str, cases: Path) -> Check | None:
    """The check of one of the suite's tests from its node id alone, for a report that carries nothing else
    (pytest-xdist's report of a worker that died as the test began). The ids are the check modules'."""
    test, _, parameter = nodeid.partition("::")[2].partition("[")
    parameter = parameter.removesuffix("]")
    if test == "test_generated":
        return next((Check.generated(area, level) for area, level in GENERATED if "%s-%s" % (area, level) == parameter),
                    None)  # fmt: skip
    if test == "test_case":
        try:
            return load(cases / (parameter + ".py"), cases).check
        except (OSError, CaseError):
            return None
    return None


def mark_checks(items: list[pytest.Item], expectations: Expectations, version: tuple[int, ...]) -> None:
    """Give every item its identity for the results file; listed checks become strict xfails."""
    for item in items:
        check = check_of(item)
        item.user_properties.append((IDENTITY, {"id": check.id, "area": check.area, "level": check.level}))
        entry = expectations.listing(check, version)
        if entry is not None:
            item.add_marker(pytest.mark.xfail(reason=entry.describe(), strict=True))
            item.stash[EXPECTATION_KEY] = {**entry.key(), "reason": entry.reason, "link": entry.link}


def conclude(ending: Ending | None) -> None:
    """End the test as the engine says: return (it conforms), skip, or fail with the engine's report."""
    if ending is None:
        return
    if ending.kind == "skip":
        pytest.skip(ending.text)
    pytest.fail(ending.text, pytrace=False)


def fold(item: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport) -> None:
    """Put the check's record on the report (it crosses to the xdist controller as JSON), and
    end a check that only met listed ways of differing as an expected failure."""
    run = item.stash.get(RUN_KEY, None)
    if run is None:
        return
    record = run.record
    if EXPECTATION_KEY in item.stash:
        record.expectation = item.stash[EXPECTATION_KEY]
    report.user_properties = [(name, value) for name, value in report.user_properties if name != RECORD]
    report.user_properties.append((RECORD, record.to_json()))
    if call.when != "call" or not report.passed:
        return
    if record.new_differences:  # met under --update-expectations: a failure, written to the file
        report.outcome = "failed"
        report.longrepr = "%s differs in ways not listed yet:\n%s" % (record.check.id, "\n".join(
            "  %s (%d programs), e.g.\n%s" % (tally.signature, tally.programs, tally.program)
            for tally in record.new_differences))  # fmt: skip
    elif record.known_differences:
        report.outcome = "skipped"
        report.wasxfail = "only known differences: " + ", ".join(t.signature for t in record.known_differences)


def outcome_of(report: pytest.TestReport, unexpected_pass: bool) -> str | None:
    """The check's outcome after this phase of its test, or None when this phase changes nothing."""
    if hasattr(report, "wasxfail"):
        return "xfailed" if report.skipped else "xpassed"
    if (
        report.when == "call"
        and report.failed
        and (unexpected_pass or str(report.longrepr).startswith("[XPASS(strict)]"))
    ):
        return "xpassed"  # listed as a known difference, but it conforms: the run fails, and says so
    if report.when == "setup":
        return "skipped" if report.skipped else ("error" if report.failed else None)
    if report.when == "call":
        return report.outcome
    return "error" if report.failed else None  # teardown, or pytest-xdist's report of a worker that died mid-check
