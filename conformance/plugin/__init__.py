"""The pytest plugin: a thin client of the engine (conformance/engine/).

    python -m pytest conformance --interpreter COMMAND [--results-json FILE]

Loaded by conformance/conftest.py. Its parts, each a small module:

    options    the command-line options, and the engine options they make
    stop       one stop, handled once (SIGINT, SIGTERM), in every pytest process
    outcomes   the engine's verdicts as pytest outcomes, pytest's reports as results outcomes
    recorder   the results file, written by the one process that runs the session
    profiles   the Hypothesis profiles (dev, ci, thorough, compilers, fail-fast)

Here: the hooks that tie them together, and the fixtures the check modules use.
The engine session starts once per process at configuration time (each pytest-xdist
worker has its own runner), so a target that cannot start is one error line before
any test runs.
"""

from __future__ import annotations

import shlex
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, settings
from hypothesis.errors import InvalidArgument

from conformance.engine.casefile import CASES_DIR
from conformance.engine.casefile import discover as discover_cases
from conformance.engine.catalog import AREAS, LEVELS, marker
from conformance.engine.check import CheckRun
from conformance.engine.expectations import Expectations, ExpectationsError
from conformance.engine.results import ResultsFile
from conformance.engine.session import Session, check_ids
from conformance.engine.target import SetupError
from conformance.host import trace
from conformance.host.system import remove_scratch
from conformance.plugin import profiles  # noqa: F401  (registers and loads the Hypothesis profiles)
from conformance.plugin.options import add_options, cases_option, engine_options
from conformance.plugin.outcomes import RUN_KEY, check_of, fold, mark_checks
from conformance.plugin.recorder import Recorder
from conformance.plugin.stop import Stop, interrupted

SESSION_KEY = pytest.StashKey[Session]()
SCRATCH_KEY = pytest.StashKey[Path]()  # the folder this process made for the runs' runners, and removes
SCRATCH = "closure_scratch"  # ... as handed to pytest-xdist workers


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


@pytest.hookimpl(tryfirst=True)  # before pytest's junitxml plugin, which reads --junitxml's default set here
def pytest_configure(config: pytest.Config) -> None:
    for area in AREAS:
        config.addinivalue_line("markers", "%s: CATALOG area %r: %s" % (area.marker, area.slug, area.title))
    for level in LEVELS:
        config.addinivalue_line("markers", "%s: checks at the %s level" % (marker(level), level))
    config.addinivalue_line("markers", "check(id, area, level): a conformance check's stable id, area and level")
    stop = Stop()
    stop.install()  # before any runner starts; in xdist workers too, so they stop their runners
    config.pluginmanager.register(stop, "closure-stop")
    # Put back only at the very end: pytest's clean-ups run last-registered first, and until the last of
    # them a signal must not interrupt them (a traceback, a clean-up cut short).
    config.add_cleanup(stop.uninstall)
    worker = hasattr(config, "workerinput")
    trace.step("worker" if worker else "configure")
    expectations = _expectations(config)
    controller = not worker and getattr(config.option, "dist", "no") != "no"
    if worker:
        scratch = config.workerinput[SCRATCH]  # type: ignore[attr-defined]
    else:
        scratch = config.stash[SCRATCH_KEY] = Path(tempfile.mkdtemp(prefix="closure-run-"))
        stop.on_stop_now(lambda: _remove_scratch(config))
    try:
        session = Session.open(engine_options(config, _shrinking(config), start_runner=not controller,
                                              scratch=str(scratch)), expectations)  # fmt: skip
    except SetupError as error:
        _remove_scratch(config)
        raise pytest.UsageError(str(error)) from None
    session.checkpoint = stop.checkpoint  # a stop whose interruption was lost is raised again before a batch
    config.stash[SESSION_KEY] = session
    if worker:
        return
    results = ResultsFile.for_target(session.target, _path(config.getoption("results_json")))
    try:
        results.check_writable()
    except OSError as error:
        session.close()
        _remove_scratch(config)
        raise pytest.UsageError("cannot write the results file %s: %s" % (results.path, error.strerror or error)
                                ) from None  # fmt: skip
    if not config.option.xmlpath and not config.option.collectonly:
        config.option.xmlpath = str(results.path.with_suffix(".xml"))  # pytest's JUnit XML, beside it
    update = _path(config.getoption("update_expectations"))
    recorder = Recorder(results, stop, cases_option(config) or CASES_DIR, update, expectations,
                        session.target.version)  # fmt: skip
    config.pluginmanager.register(recorder, "closure-results")


def _expectations(config: pytest.Config) -> Expectations:
    """The --expectations file, checked against the suite's checks; UsageError naming what is wrong."""
    option = config.getoption("expectations")
    try:
        expectations = Expectations.load(Path(option)) if option else Expectations()
    except ExpectationsError as error:
        raise pytest.UsageError(str(error)) from None
    cases = cases_option(config)
    if cases is not None and not discover_cases(cases):
        raise pytest.UsageError("--cases %s %s" % (cases, "has no case files (AREA/NAME.py)" if cases.is_dir()
                                                   else "is not a folder"))  # fmt: skip
    unknown = expectations.unknown_checks(check_ids(cases))
    if unknown:
        raise pytest.UsageError(unknown[0] + ("" if len(unknown) == 1 else " (and %d more)" % (len(unknown) - 1)))
    return expectations


def _path(option: str | None) -> Path | None:
    return Path(option) if option else None


def _shrinking(config: pytest.Config) -> bool:
    """Whether the Hypothesis profile chosen shrinks (`fail-fast` does not).

    Read from the profile itself: the properties' own settings leave shrinking to the engine.
    """
    try:
        profile = settings.get_profile(config.getoption("hypothesis_profile", None) or "dev")
    except InvalidArgument:  # an unknown profile: Hypothesis says so itself
        return True
    return Phase.shrink in profile.phases


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist: each worker makes its runners' directories in the controller's scratch folder."""
    node.workerinput[SCRATCH] = str(node.config.stash[SCRATCH_KEY])


def pytest_unconfigure(config: pytest.Config) -> None:
    session = config.stash.get(SESSION_KEY, None)
    if session is not None:
        session.close()
    _remove_scratch(config)


def _remove_scratch(config: pytest.Config) -> None:
    scratch = config.stash.get(SCRATCH_KEY, None)
    if scratch is not None:
        remove_scratch(scratch)


def pytest_report_header(config: pytest.Config) -> str | None:
    session = config.stash.get(SESSION_KEY, None)
    if session is None:
        return None
    return "interpreter under test: %s, %s" % (
        session.target.describe(),
        session.target.hello.sys_version.split("\n")[0],
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> None:
    trace.step("collect")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    session = config.stash.get(SESSION_KEY, None)
    if session is not None:
        mark_checks(items, session.expectations, session.target.version)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if call.excinfo is not None and interrupted(call.excinfo.value):
        # a library turned the stop into an error of its own: the check was interrupted, it did not fail
        raise KeyboardInterrupt("stopped during %s" % item.nodeid)
    fold(item, call, report)
    return report


# -- fixtures for the check modules ------------------------------------------------------


@pytest.fixture(scope="session")
def engine(pytestconfig: pytest.Config) -> Session:
    """The engine session: the target, the reference, the expectations, the budgets."""
    return pytestconfig.stash[SESSION_KEY]


@pytest.fixture
def check_run(request: pytest.FixtureRequest, engine: Session) -> CheckRun:
    """The check this test is, as it runs; its record reaches the results file."""
    run = request.node.stash[RUN_KEY] = engine.check_run(check_of(request.node))
    return run


@pytest.fixture
def replay(request: pytest.FixtureRequest, engine: Session) -> str:
    """The one line that runs this check again against this target."""
    command = "python -m pytest %s --interpreter %s" % (shlex.quote(request.node.nodeid),
                                                         shlex.quote(engine.target.command))  # fmt: skip
    cases = request.config.getoption("cases")
    if cases:
        command += " --cases %s" % shlex.quote(cases)
    return command
