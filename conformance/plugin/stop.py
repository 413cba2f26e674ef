"""Stopping a run: one stop, handled once, in every pytest process (the xdist controller and its workers).

The first SIGINT or SIGTERM starts an orderly stop: KeyboardInterrupt, which pytest
turns into an interrupted session (the results file says so, with every check that
finished; the runners are stopped). Signals that follow while it stops do not
interrupt the stop: a SIGTERM is ignored (`timeout`, CI systems and nox may each send
one), and a second SIGINT means "stop now": the results file is finished as it
stands (interrupted), the runners and workers are stopped, and the process exits at
once, without the rest of pytest's shutdown.

The KeyboardInterrupt can be lost: Python swallows an exception raised while a
garbage-collector callback or a finalizer runs (Hypothesis keeps a gc callback), and
two signals that arrive together run the handler once. So a stop stays *unanswered*
until pytest reports the interruption (`answered()`), and `checkpoint()`, called
between tests and before each batch of programs, raises it again until then; the lost
one is not reported as an "exception ignored" (it is not one).

Some moments must not be cut short (writing the results file): within `deferred()`,
a signal is noted and acted on when the moment is over. Once the session is ending
(`ending()`: the results file is being finished, the workers shut down), a first
signal interrupts nothing: the run is stopping anyway, and an interruption there
would only cut pytest's own shutdown in two.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType, TracebackType
from typing import Any

import pytest

from conformance.host import driver
from conformance.host.system import children

STOP_NOW_STATUS = 2  # pytest's own status for an interrupted run
SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stop:
    def __init__(self) -> None:
        self.signal: int | None = None  # the signal that started the stop
        self._deferring = 0
        self._pending = False  # a first signal came during a deferred moment: interrupt after it
        self._now = False  # a second SIGINT came during a deferred moment: stop now after it
        self._ending = False
        self._unanswered = False  # a stop was asked for, and pytest has not said it is stopping
        self._finishers: list[Callable[[], None]] = []
        self._unraisable_before: Callable[[Any], Any] = sys.unraisablehook
        self._previous: dict[int, Any] = {}

    def install(self) -> None:
        """Handle SIGINT and SIGTERM in this process (from its main thread; elsewhere leave them alone)."""
        if threading.current_thread() is not threading.main_thread() or self._previous:
            return
        for number in SIGNALS:
            self._previous[number] = signal.signal(number, self._handle)

    def uninstall(self) -> None:
        """Put the handlers back (pytest may run inside a program of its own); as the process exits, a
        signal interrupts nothing (pytest's exit handlers would print it as an ignored exception)."""
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        if self._previous:
            atexit.register(_ignore_signals)  # registered last, so run first
        self._previous.clear()
        if sys.unraisablehook is self._unraisable:
            sys.unraisablehook = self._unraisable_before

    def _unraisable(self, unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt) and self._unanswered:
            return  # this stop's interruption, lost where Python cannot raise: checkpoint() raises it again
        self._unraisable_before(unraisable)

    def on_stop_now(self, finish: Callable[[], None]) -> None:
        """Run `finish` (write what is known) before the process exits on a second Ctrl-C."""
        self._finishers.append(finish)

    def answered(self) -> None:
        """pytest is handling the interruption: no need to raise it again."""
        self._unanswered = False

    def checkpoint(self) -> None:
        """Raise the stop again if its first KeyboardInterrupt was lost (see above)."""
        if self._unanswered and not self._deferring and not self._ending:
            raise KeyboardInterrupt(self._reason())

    def ending(self) -> None:
        """The session is ending: from now on a first signal interrupts nothing."""
        self._ending = True

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """A moment that a stop must not cut in two: the interruption waits until it is over."""
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1
            if not self._deferring:
                if self._now:
                    self.stop_now()
                if self._pending:
                    self._pending = False
                    raise KeyboardInterrupt(self._reason())

    def _handle(self, number: int, frame: FrameType | None) -> None:
        if self.signal is None:
            self.signal = number
            if self._ending:
                return
            self._unanswered = True
            if self._deferring:
                self._pending = True
                return
            raise KeyboardInterrupt(self._reason())
        if number == signal.SIGINT:  # a second Ctrl-C
            if self._deferring:
                self._now = True
                return
            self.stop_now()
        # any other signal during the stop: the stop under way goes on

    def _reason(self) -> str:
        return "stopped by %s" % signal.Signals(self.signal or signal.SIGINT).name

    def stop_now(self) -> None:
        """Stop the workers, finish what must be finished, stop the runners, and exit."""
        for child in children(os.getpid()):  # pytest-xdist workers (and runners): each ends as on a first stop
            with contextlib.suppress(OSError):
                os.kill(child, signal.SIGTERM)
        for finish in self._finishers:
            with contextlib.suppress(Exception):
                finish()
        driver.stop_all()
        with contextlib.suppress(Exception):
            sys.stderr.write("\nstopped at once (a second interrupt); the results file has every check that finished\n")
            sys.stderr.flush()
        os._exit(STOP_NOW_STATUS)

    # -- as a pytest plugin -------------------------------------------------------------

    @pytest.hookimpl(trylast=True)
    def pytest_sessionstart(self) -> None:
        """Around whatever reports unraisable exceptions by now (pytest's own plugin among them)."""
        self._unraisable_before = sys.unraisablehook
        sys.unraisablehook = self._unraisable

    @pytest.hookimpl(tryfirst=True)
    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        self.answered()
        # An interruption in some loops leaves traceback entries without a line number (CPython 3.11 and 3.12,
        # python/cpython#107901), which pytest cannot show: give them their frame's line.
        if excinfo.tb is not None and _lost_line(excinfo.tb):
            excinfo.traceback = type(excinfo.traceback)(_with_lines(excinfo.tb))

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self) -> None:
        self.checkpoint()

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self) -> None:
        self.ending()


def _ignore_signals() -> None:
    for number in SIGNALS:
        signal.signal(number, signal.SIG_IGN)


def _line(entry: TracebackType) -> int | None:
    return entry.tb_lineno  # (an int, says typeshed; CPython 3.11 and 3.12 may give None)


def _lost_line(tb: TracebackType | None) -> bool:
    while tb is not None:
        if _line(tb) is None:
            return True
        tb = tb.tb_next
    return False


def _with_lines(tb: TracebackType) -> TracebackType:
    entries = []
    current: TracebackType | None = tb
    while current is not None:
        entries.append(current)
        current = current.tb_next
    rebuilt: TracebackType | None = None
    for entry in reversed(entries):
        line = _line(entry)
        if line is None:
            line = entry.tb_frame.f_code.co_firstlineno
        rebuilt = TracebackType(rebuilt, entry.tb_frame, entry.tb_lasti, line)
    assert rebuilt is not None
    return rebuilt


def interrupted(error: BaseException) -> bool:
    """Was this error raised while an interruption was being handled (or is it one)?"""
    seen: set[int] = set()
    pending = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, KeyboardInterrupt):
            return True
        pending += [linked for linked in (current.__context__, current.__cause__) if linked is not None]
        pending += list(getattr(current, "exceptions", ()))  # an exception group's
    return False
