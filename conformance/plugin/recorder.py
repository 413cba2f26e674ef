"""The recorder: pytest's reports become the results file, in the one process that writes it.

Registered in the pytest process that runs the session (the pytest-xdist controller
when workers are used: their reports reach it through pytest_runtest_logreport).
Each report updates its check's entry, and the file is rewritten (atomically, and
never cut in two by a stop). The run is `complete` only when every check collected
has a result; otherwise, stopped or cut short, it is `interrupted`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from conformance.engine.check import deviation_records
from conformance.engine.checks import Check
from conformance.engine.expectations import Expectations, render_toml, updated
from conformance.engine.records import CheckRecord
from conformance.engine.results import ResultsFile
from conformance.host import trace
from conformance.host.system import atomic_write
from conformance.plugin.outcomes import IDENTITY, RECORD, check_of_nodeid, outcome_of
from conformance.plugin.stop import Stop

MESSAGE_CHARS = 4000  # of an error's text kept in the results


class Recorder:
    def __init__(self, results: ResultsFile, stop: Stop, cases: Path, update: Path | None = None,
                 expectations: Expectations | None = None, version: tuple[int, ...] = ()) -> None:  # fmt: skip
        self.results = results
        self.version = version  # the target's language version, which expectation entries may depend on
        self.cases = cases  # the case files of the run, to know a check by its node id alone
        self.stop = stop
        self.update = update
        self.expectations = expectations or Expectations()
        self.collected: set[str] | None = None  # node ids of the checks to run, once known
        self.finished: set[str] = set()  # node ids with a result
        self.checks: dict[str, Check] = {}  # node id -> check, from the first report that says
        self._done = False
        stop.on_stop_now(lambda: self._finish(self._status()))

    # -- what is to run -------------------------------------------------------------

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        if self.collected is None and not _is_controller(session.config):
            self.collected = {item.nodeid for item in session.items}

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        if self.collected is None:
            self.collected = set(ids)

    # -- results as they come -------------------------------------------------------

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        properties: dict[str, Any] = dict(report.user_properties)
        record = self._record(report.nodeid, properties)
        outcome = outcome_of(report, bool(record.unexpected_pass))
        if outcome is None:
            return
        previous = self.results.lookup(record.check.id)
        if previous is not None:  # a later phase of the same test (teardown)
            before = CheckRecord.from_json(previous)
            record.duration_s += before.duration_s
            record.failure = record.failure or before.failure
            record.message = record.message or before.message
        record.outcome = outcome
        record.duration_s += report.duration
        if outcome == "skipped" and isinstance(report.longrepr, tuple):
            record.skip_reason = str(report.longrepr[2]).removeprefix("Skipped: ")
        if outcome in ("failed", "error") and record.failure is None:
            record.message = report.longreprtext[-MESSAGE_CHARS:]
        self.finished.add(report.nodeid)
        self._write(record)

    def _record(self, nodeid: str, properties: dict[str, Any]) -> CheckRecord:
        """The check's record as its test left it, or a bare one (a test that ended before it began)."""
        if isinstance(properties.get(RECORD), dict):
            record = CheckRecord.from_json(properties[RECORD])
        else:
            identity = properties.get(IDENTITY)
            check = Check(**identity) if isinstance(identity, dict) else self.checks.get(nodeid)
            check = check or check_of_nodeid(nodeid, self.cases) or Check(nodeid, "suite", "language")
            record = CheckRecord(check)
        self.checks[nodeid] = record.check
        return record

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            record = CheckRecord(Check("collect:" + report.nodeid, "suite", "language"), outcome="error",
                                 message=report.longreprtext[-MESSAGE_CHARS:])  # fmt: skip
            self._write(record)

    def _write(self, record: CheckRecord) -> None:
        with self.stop.deferred():  # a stop waits until the file is whole again
            trace.step("write", record.check.id)
            self.results.record(record.to_json())

    # -- the end --------------------------------------------------------------------

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        trace.step("finish")
        status = self._status()
        if self.expectations:
            self._judge_deviations(session, status == "complete")
        with self.stop.deferred():
            self._finish(status)
        if self.update is not None and status == "complete":
            self._write_expectations(self.update)

    def _judge_deviations(self, session: pytest.Session, complete: bool) -> None:
        """A record for each deviation the expectations declare; one that explained nothing fails the run."""
        for record in deviation_records(self.expectations, self.version, self.results.document["results"], complete):
            self._write(record)
            if record.outcome == "xpassed":
                session.exitstatus = pytest.ExitCode.TESTS_FAILED
                reporter = session.config.pluginmanager.get_plugin("terminalreporter")
                if reporter is not None:
                    reporter.write_line("XPASS %s: %s" % (record.check.id, record.unexpected_pass), red=True)

    def _status(self) -> str:
        """`complete` when every check collected has a result, however the session ended; else `interrupted`."""
        return "complete" if self.collected is not None and self.collected <= self.finished else "interrupted"

    def _finish(self, status: str) -> None:
        if not self._done:
            self._done = True
            self.results.finish(status)

    def _write_expectations(self, path: Path) -> None:
        document = self.results.document
        tables = updated(self.expectations, document["results"])
        try:
            atomic_write(path, render_toml(tables, document["interpreter"]["label"], document["started"]))
        except OSError as error:
            sys.stderr.write("cannot write --update-expectations file %s: %s\n" % (path, error.strerror or error))
            return
        sys.stderr.write("wrote %d expected failure(s) to %s\n" % (len(tables), path))


def _is_controller(config: pytest.Config) -> bool:
    return getattr(config.option, "dist", "no") != "no" and not hasattr(config, "workerinput")
