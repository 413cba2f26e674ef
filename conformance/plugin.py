"""The pytest plugin: options, the target fixture, markers, and the results file.

    python -m pytest conformance --interpreter COMMAND [--results-json FILE]

`--interpreter` is a command line (default: the Python running pytest). The
plugin starts the runner in it once per process at configuration time, so a
target that cannot start is one error line before any test runs. Each pytest-
xdist worker has its own runner; only the controller writes the results file.
"""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

from conformance import profiles  # noqa: F401  (registers and loads the Hypothesis profiles)
from conformance.areas import AREAS, GENERATED_CHECKS, LEVELS, level_marker
from conformance.casefile import CASES_DIR
from conformance.casefile import discover as discover_cases
from conformance.driver import (
    DEFAULT_BATCH_TIMEOUT,
    DEFAULT_CPU_LIMIT,
    DEFAULT_MEMORY_LIMIT_MB,
    Fault,
    Hello,
    Runner,
    TargetError,
    split_command,
)
from conformance.expectations import Expectations, ExpectationsError, render_toml, updated
from conformance.results import ResultsFile
from generators.features import Features

DEFAULT_PROGRAMS_PER_EXAMPLE = 50
T = TypeVar("T")
RECORD = "conformance"  # the user_properties key carrying a check's metadata
EXPECTATION = "expectation"  # ... and the one carrying the expectations entry a check matched


@dataclass
class Target:
    """The interpreter under test, as this pytest process sees it."""

    command: str
    runner: Runner
    hello: Hello

    def describe(self) -> str:
        return "%s (%s)" % (self.hello.label, self.command)


TARGET_KEY = pytest.StashKey[Target]()
REFERENCE_KEY = pytest.StashKey[Target]()
EXPECTATIONS_KEY = pytest.StashKey[Expectations]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("closure-conformance", "closure conformance")
    group.addoption(
        "--interpreter",
        metavar="COMMAND",
        default=None,
        help="the interpreter to test, as a command line (default: the Python running pytest)",
    )
    group.addoption(
        "--results-json",
        metavar="FILE",
        default=None,
        help="where to write the results file (default: reports/results/<label>.json)",
    )
    group.addoption(
        "--reference",
        metavar="COMMAND",
        default=None,
        help="also compare generated programs' observations with this interpreter's, "
        "for what the reference model does not predict (messages, reprs)",
    )
    group.addoption(
        "--expectations",
        metavar="FILE",
        default=None,
        help="a TOML file of checks known to fail on this interpreter: they become strict xfails",
    )
    group.addoption(
        "--update-expectations",
        metavar="FILE",
        default=None,
        help="after the run, write the checks that failed into this expectations file (keeping its "
        "entries that still apply, dropping those that now pass); it may be the --expectations file",
    )
    group.addoption(
        "--cases",
        metavar="DIR",
        default=None,
        help="run the case files in DIR/<area>/*.py instead of the suite's own",
    )
    group.addoption(
        "--programs-per-example",
        metavar="N",
        type=_positive_int,
        default=DEFAULT_PROGRAMS_PER_EXAMPLE,
        help="programs generated from each Hypothesis example of a generated property, and run in one "
        "batch (default: %(default)s; the profile sets the number of examples)",
    )
    group.addoption(
        "--batch-timeout",
        metavar="SECONDS",
        type=_positive_seconds,
        default=DEFAULT_BATCH_TIMEOUT,
        help="wall-clock time one batch of programs may take; the program running then gets a `timeout` "
        "and the runner is started again (default: %(default)s)",
    )
    group.addoption(
        "--cpu-limit",
        metavar="SECONDS",
        type=_limit,
        default=DEFAULT_CPU_LIMIT,
        help="CPU time a runner process may use (POSIX RLIMIT_CPU); a runner is replaced between batches "
        "once it has used half, so only a runaway program meets it (default: %(default)s; 0: none)",
    )
    group.addoption(
        "--memory-limit",
        metavar="MB",
        type=_limit,
        default=DEFAULT_MEMORY_LIMIT_MB,
        help="data memory a runner process may use (POSIX RLIMIT_DATA) (default: %(default)s; 0: none)",
    )


def _option_value(convert: Callable[[str], T], accept: Callable[[T], bool], wanted: str) -> Callable[[str], T]:
    """An option type: `convert` the text, and say what was wanted when it fails or `accept` refuses it."""

    def parse(text: str) -> T:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError("must be %s, not %r" % (wanted, text)) from None
        if not accept(value):
            raise argparse.ArgumentTypeError("must be %s, not %r" % (wanted, text))
        return value

    return parse


_positive_int = _option_value(int, lambda value: value >= 1, "a whole number of at least 1")
_positive_seconds = _option_value(float, lambda value: 0 < value < float("inf"), "a number of seconds above 0")
_limit = _option_value(int, lambda value: value >= 0, "a whole number, 0 for no limit")


def runner_for(config: pytest.Config, command: str) -> Runner:
    """A runner for the command, with the limits the options set."""
    return Runner(
        split_command(command),
        batch_timeout=config.getoption("batch_timeout"),
        cpu_limit=config.getoption("cpu_limit"),
        memory_limit_mb=config.getoption("memory_limit"),
    )


def known_check_ids(config: pytest.Config) -> set[str]:
    """Every check id the suite has: the generated properties and the case files (of --cases, if given)."""
    option = config.getoption("cases")
    cases = Path(option) if option else CASES_DIR
    ids = {"generated:%s/%s" % (area, level) for area, level in GENERATED_CHECKS}
    return ids | {"case:%s/%s" % (path.parent.name, path.stem) for path in discover_cases(cases)}


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def _is_xdist_controller(config: pytest.Config) -> bool:
    return not _is_worker(config) and getattr(config.option, "dist", "no") != "no"


@pytest.hookimpl(tryfirst=True)  # before pytest's junitxml plugin, which reads --junitxml's default set here
def pytest_configure(config: pytest.Config) -> None:
    for area in AREAS:
        config.addinivalue_line("markers", "%s: CATALOG area %r: %s" % (area.marker, area.slug, area.title))
    for level in LEVELS:
        config.addinivalue_line("markers", "%s: checks at the %s level" % (level_marker(level), level))
    config.addinivalue_line("markers", "check(id, area, level): a conformance check's stable id, area and level")
    _stop_on_sigterm(config)  # before any runner starts; in xdist workers too, so they stop their runners
    option = config.getoption("expectations")
    try:
        expectations = Expectations.load(Path(option)) if option else Expectations()
    except ExpectationsError as error:
        raise pytest.UsageError(str(error)) from None
    unknown = expectations.unknown_checks(known_check_ids(config))
    if unknown:
        raise pytest.UsageError(unknown[0] + ("" if len(unknown) == 1 else " (and %d more)" % (len(unknown) - 1)))
    config.stash[EXPECTATIONS_KEY] = expectations
    cases = config.getoption("cases")
    if cases is not None and not discover_cases(Path(cases)):
        what = "has no case files (AREA/NAME.py)" if Path(cases).is_dir() else "is not a folder"
        raise pytest.UsageError("--cases %s %s" % (cases, what))
    command = config.getoption("interpreter")
    if command is None:
        command = shlex.quote(sys.executable)
    try:
        runner = runner_for(config, command)
        hello = runner.start()
    except TargetError as error:
        raise pytest.UsageError(str(error)) from None
    if hello.version[0] < 3:
        runner.close()
        raise pytest.UsageError("interpreter %r is Python %s; the suite needs Python 3" % (command, hello.language))
    if _is_xdist_controller(config):
        runner.close()  # the workers run the programs, each with a runner of its own
    target = Target(command=command, runner=runner, hello=hello)
    config.stash[TARGET_KEY] = target
    reference_command = config.getoption("reference")
    if reference_command and not _is_xdist_controller(config):
        try:
            reference = runner_for(config, reference_command)
            config.stash[REFERENCE_KEY] = Target(reference_command, reference, reference.start())
        except TargetError as error:
            runner.close()
            raise pytest.UsageError("--reference: %s" % error) from None
    if not _is_worker(config):
        results = _results_file(config, target)
        try:
            results.check_writable()
        except OSError as error:
            target.runner.close()
            raise pytest.UsageError("cannot write the results file %s: %s" % (results.path, error.strerror or error)
                                    ) from None  # fmt: skip
        if not config.option.xmlpath and not config.option.collectonly:
            config.option.xmlpath = str(results.path.with_suffix(".xml"))  # pytest's JUnit XML, beside it
        update = config.getoption("update_expectations")
        recorder = ResultsRecorder(results, Path(update) if update else None, config.stash[EXPECTATIONS_KEY])
        config.pluginmanager.register(recorder, "closure-results")


SIGTERM_KEY = pytest.StashKey[Any]()


def _stop_on_sigterm(config: pytest.Config) -> None:
    """SIGTERM stops the run as Ctrl-C does: the results file says `interrupted`, and nothing is lost."""
    if threading.current_thread() is not threading.main_thread():
        return  # (pytest run inside a thread: leave signals to whoever owns them)

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt("stopped by SIGTERM")

    config.stash[SIGTERM_KEY] = signal.signal(signal.SIGTERM, interrupt)


def pytest_unconfigure(config: pytest.Config) -> None:
    for key in (TARGET_KEY, REFERENCE_KEY):
        target = config.stash.get(key, None)
        if target is not None:
            target.runner.close()
    previous = config.stash.get(SIGTERM_KEY, None)
    if previous is not None:  # only now: a SIGTERM while the runners stop must not cut that short
        signal.signal(signal.SIGTERM, previous)


def pytest_report_header(config: pytest.Config) -> str | None:
    target = config.stash.get(TARGET_KEY, None)
    if target is None:
        return None
    return "interpreter under test: %s, %s" % (
        target.describe(),
        target.hello.raw.get("sys_version", "").split("\n")[0],
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Known differences listed in --expectations become strict expected failures."""
    expectations = config.stash.get(EXPECTATIONS_KEY, None)
    target = config.stash.get(TARGET_KEY, None)
    if not expectations or target is None:
        return
    for item in items:
        fields = _check_fields(item)
        entry = expectations.match(fields["id"], target.hello.version, fields["area"], fields["level"])
        if entry is not None:
            item.add_marker(pytest.mark.xfail(reason=entry.describe(), strict=True))
            item.user_properties.append((EXPECTATION, {**entry.key(), "reason": entry.reason, "link": entry.link}))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """A check that met only listed differences (see CheckRecord.known) is an expected failure."""
    report = yield
    data = _record_data(item)
    if call.when == "call" and report.passed and data:
        if data.get("new_differences"):  # met under --update-expectations: a failure, written to the file
            report.outcome = "failed"
            report.longrepr = "%s differs in ways not listed yet:\n%s" % (data["id"], "\n".join(
                "  %s (%d programs), e.g.\n%s" % (n["signature"], n["programs"], n["program"])
                for n in data["new_differences"]))  # fmt: skip
        elif data.get("known_differences"):
            report.outcome = "skipped"
            report.wasxfail = "only known differences: " + ", ".join(k["signature"] for k in data["known_differences"])
    return report


def _record_data(item: pytest.Item) -> dict[str, Any] | None:
    for name, value in item.user_properties:
        if name == RECORD and isinstance(value, dict):
            return value
    return None


@pytest.fixture(scope="session")
def target(pytestconfig: pytest.Config) -> Target:
    return pytestconfig.stash[TARGET_KEY]


@pytest.fixture(scope="session")
def programs_per_example(pytestconfig: pytest.Config) -> int:
    return int(pytestconfig.getoption("programs_per_example"))


@pytest.fixture(scope="session")
def reference(pytestconfig: pytest.Config) -> Target | None:
    """The --reference interpreter, if one was given."""
    return pytestconfig.stash.get(REFERENCE_KEY, None)


# -- check records --------------------------------------------------------------


def check_marker(check_id: str, area: str, level: str) -> pytest.MarkDecorator:
    """The marks of one conformance check: its stable id, its area and its level."""
    return pytest.mark.check(id=check_id, area=area, level=level)


def _check_fields(item: pytest.Item) -> dict[str, Any]:
    marker = item.get_closest_marker("check")
    if marker is None:
        return {"id": item.nodeid, "area": "suite", "level": "language"}
    return {"id": marker.kwargs["id"], "area": marker.kwargs["area"], "level": marker.kwargs["level"]}


class CheckRecord:
    """What the results file says about one check, filled in by the test."""

    def __init__(self, item: pytest.Item) -> None:
        self.data: dict[str, Any] = {**_check_fields(item), "programs": 0}
        item.user_properties.append((RECORD, self.data))
        self._config = item.config

    def unsupported(self, capabilities: list[str]) -> None:
        """Skip the check: the target lacks what it observes (recorded as unsupported, not as a failure)."""
        self.data["unsupported"] = capabilities
        pytest.skip("unsupported: the target lacks %s" % ", ".join(capabilities))

    def known(self, signature: str, version: tuple[int, ...], program: str) -> bool:
        """Is this way of differing listed in the expectations? If so, count it (the property goes on)."""
        expectations = self._config.stash.get(EXPECTATIONS_KEY, None)
        signed = "%s#%s" % (self.data["id"], signature)
        entry = expectations.match(signed, version, self.data["area"], self.data["level"]) if expectations else None
        if entry is None:
            return False
        self._tally("known_differences", signature, program, expectation=entry.key(), reason=entry.reason)
        return True

    def collecting(self) -> bool:
        """Under --update-expectations, unlisted ways of differing are collected, not failed on."""
        return bool(self._config.getoption("update_expectations"))

    def collected(self, signature: str) -> bool:
        return any(tally["signature"] == signature for tally in self.data.get("new_differences", []))

    def collect(self, signature: str, headline: str, program: str) -> None:
        """Note an unlisted way of differing (under --update-expectations), and go on."""
        self._tally("new_differences", signature, program, headline=headline)

    def _tally(self, key: str, signature: str, program: str, **first_seen: Any) -> None:
        """Count one more program differing this way under data[key], keeping the shortest as the example."""
        tallies = self.data.setdefault(key, [])
        seen = next((tally for tally in tallies if tally["signature"] == signature), None)
        if seen is None:
            tallies.append({"signature": signature, **first_seen, "programs": 1, "program": program})
        else:
            seen["programs"] += 1
            if len(program) < len(seen["program"]):
                seen["program"] = program

    def describe(self, **fields: Any) -> None:
        self.data.update(fields)

    def count_programs(self, number: int) -> None:
        self.data["programs"] += number

    def fail(self, *, program: str, expected: str, observed: str, repro: str, **extra: Any) -> None:
        self.data["failure"] = {"program": program, "expected": expected, "observed": observed, "repro": repro, **extra}


@pytest.fixture
def check_record(request: pytest.FixtureRequest) -> CheckRecord:
    return CheckRecord(request.node)


def fault_record(fault: Fault) -> dict[str, Any]:
    """A fault as a failure record keeps it: outcome, one-line detail, and the evidence (bounded by the driver)."""
    return {"outcome": fault.outcome, "detail": fault.detail, "evidence": dict(fault.evidence)}


def fault_lines(fault: Fault) -> list[str]:
    """The evidence of a fault, for a failure's message."""
    lines = ["  %s: %s" % (fault.outcome, fault.detail)]
    for key, value in fault.evidence.items():
        text = str(value).rstrip()
        if text:
            lines.append("    %s: %s" % (key, text if "\n" not in text else "...\n" + "\n".join(
                "      " + line for line in text.splitlines()[-10:])))  # fmt: skip
    return lines


def repro_command(config: pytest.Config, nodeid: str, target: Target) -> str:
    """The one line that runs this check again against this target."""
    command = "python -m pytest %s --interpreter %s" % (shlex.quote(nodeid), shlex.quote(target.command))
    if config.getoption("cases"):
        command += " --cases %s" % shlex.quote(config.getoption("cases"))
    return command


# -- the results file -----------------------------------------------------------


class ResultsRecorder:
    """Turns test reports into results-file entries; registered in the controller only."""

    def __init__(self, results: ResultsFile, update: Path | None = None, expectations: Expectations | None = None):
        self.results = results
        self.update = update
        self.expectations = expectations or Expectations()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        entry = _entry_for(report)
        previous = self.results.lookup(entry["id"])
        outcome = _outcome(report)
        if outcome is None:
            return
        if previous is not None:
            entry["duration_s"] = previous["duration_s"]
            for key in ("failure", "message"):
                if key in previous and key not in entry:
                    entry[key] = previous[key]
        entry["outcome"] = outcome
        entry["duration_s"] = round(entry.get("duration_s", 0.0) + report.duration, 6)
        if outcome == "skipped" and isinstance(report.longrepr, tuple):
            entry["skip_reason"] = str(report.longrepr[2]).removeprefix("Skipped: ")
        if outcome in ("failed", "error") and "failure" not in entry:
            entry["message"] = report.longreprtext[-4000:]
        self.results.record(entry)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.results.record(
                {
                    "id": "collect:" + report.nodeid,
                    "area": "suite",
                    "level": "language",
                    "outcome": "error",
                    "duration_s": 0.0,
                    "programs": 0,
                    "message": report.longreprtext[-4000:],
                }
            )

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        interrupted = exitstatus == pytest.ExitCode.INTERRUPTED or bool(session.shouldstop)
        self.results.finish("interrupted" if interrupted else "complete")
        if self.update is not None and not interrupted:
            self._write_expectations(self.update)

    def _write_expectations(self, path: Path) -> None:
        document = self.results.document
        tables = updated(self.expectations, document["results"])
        text = render_toml(tables, document["interpreter"]["label"], document["started"])
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(path.name + ".tmp")
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(path)
        except OSError as error:
            sys.stderr.write("cannot write --update-expectations file %s: %s\n" % (path, error.strerror or error))
            return
        sys.stderr.write("wrote %d expected failure(s) to %s\n" % (len(tables), path))


def _results_file(config: pytest.Config, target: Target) -> ResultsFile:
    hello = target.hello
    interpreter = {
        "command": target.command,
        "implementation": hello.implementation,
        "version": ".".join(str(part) for part in hello.version),
        "label": hello.label,
        "language": hello.language,
        "sys_version": hello.raw.get("sys_version", ""),
        "capabilities": hello.capabilities,
        # constructs generated programs leave out because the target cannot parse them
        "excluded_constructs": Features.from_handshake(hello.language, hello.capabilities).excluded(),
    }
    option = config.getoption("results_json")
    path = Path(option) if option else Path(config.rootpath, "reports", "results", hello.label + ".json")
    areas = [{"slug": area.slug, "title": area.title} for area in AREAS]
    return ResultsFile(path, interpreter, [*areas, {"slug": "suite", "title": "The suite itself"}])


def _entry_for(report: pytest.TestReport) -> dict[str, Any]:
    properties: dict[str, Any] = {name: value for name, value in report.user_properties}
    record = properties.get(RECORD)
    entry: dict[str, Any] = dict(record) if isinstance(record, dict) else {}
    if not entry:
        entry = {"id": report.nodeid, "area": "suite", "level": "language", "programs": 0}
    if EXPECTATION in properties:
        entry["expectation"] = properties[EXPECTATION]
    return entry


def _outcome(report: pytest.TestReport) -> str | None:
    """The check's outcome after this phase, or None when this phase changes nothing."""
    if hasattr(report, "wasxfail"):
        return "xfailed" if report.skipped else "xpassed"
    if report.when == "call" and report.failed and str(report.longrepr).startswith("[XPASS(strict)]"):
        return "xpassed"  # listed as a known difference, but it passes: the run fails, and says so
    if report.when == "setup":
        return "skipped" if report.skipped else ("error" if report.failed else None)
    if report.when == "call":
        return report.outcome
    return "error" if report.failed else None  # teardown
