"""The plugin's command-line options, and the engine options they make."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from conformance.engine.session import DEFAULT_PROGRAMS_PER_EXAMPLE, Options
from conformance.engine.target import Limits
from conformance.host.driver import (
    DEFAULT_BATCH_TIMEOUT,
    DEFAULT_CPU_LIMIT,
    DEFAULT_MEMORY_LIMIT_MB,
    PROGRAM_TIMEOUT_FACTOR,
    PROGRAM_TIMEOUT_FLOOR,
)

T = TypeVar("T")


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


def add_options(parser: pytest.Parser) -> None:
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
        "--cases", metavar="DIR", default=None, help="run the case files in DIR/<area>/*.py instead of the suite's own"
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
        "--program-timeout",
        metavar="SECONDS",
        type=_positive_seconds,
        default=None,
        help="wall-clock time one program may take; the program then gets a `timeout`, the runner is "
        "started again and the rest of the batch sent again (default: %g times the slowest program the "
        "target has answered, at least %g)" % (PROGRAM_TIMEOUT_FACTOR, PROGRAM_TIMEOUT_FLOOR),
    )
    group.addoption(
        "--corpus",
        metavar="FILE",
        default=None,
        help="a corpus of generated programs and predictions to read and add to (SQLite, made if missing), "
        "shared by the runs that use the same file: nox gives every session of a run the run's own "
        "(default: none, every program made here)",
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


def interpreter_command(config: pytest.Config) -> str:
    command = config.getoption("interpreter")
    return shlex.quote(sys.executable) if command is None else str(command)


def cases_option(config: pytest.Config) -> Path | None:
    option = config.getoption("cases")
    return Path(option) if option else None


def engine_options(config: pytest.Config, shrinking: bool, start_runner: bool, scratch: str) -> Options:
    return Options(
        command=interpreter_command(config),
        reference=config.getoption("reference"),
        limits=Limits(
            batch_timeout=config.getoption("batch_timeout"),
            program_timeout=config.getoption("program_timeout"),
            cpu_limit=config.getoption("cpu_limit"),
            memory_limit_mb=config.getoption("memory_limit"),
        ),
        programs_per_example=config.getoption("programs_per_example"),
        shrinking=shrinking,
        collecting=bool(config.getoption("update_expectations")),
        start_runner=start_runner,
        scratch=scratch,
        corpus=config.getoption("corpus"),
    )
