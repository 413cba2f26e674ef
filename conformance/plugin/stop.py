"""Stopping a run: one stop, handled once, in every pytest process (the xdist controller and its workers).

The first SIGINT or SIGTERM starts an orderly stop: KeyboardInterrupt, which pytest
turns into an interrupted session (the results file says so, with every check that
finished; the runners are stopped). Signals that follow while it stops do not
interrupt the stop: a SIGTERM is ignored (`timeout`, CI systems and nox may each send
one), and a second SIGINT means "stop now": the results file is finished as it
stands (interrupted), the runners and workers are stopped, and the process exits at
once, without the rest of pytest's shutdown.

Some moments must not be cut short (writing the results file): within `deferred()`,
the first signal is noted and its KeyboardInterrupt raised when the moment is over.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

from conformance.host import driver
from conformance.host.system import children

STOP_NOW_STATUS = 2  # pytest's own status for an interrupted run
SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stop:
    def __init__(self) -> None:
        self.signal: int | None = None  # the signal that started the stop
        self._deferring = 0
        self._pending = False
        self._finishers: list[Callable[[], None]] = []
        self._previous: dict[int, Any] = {}

    @property
    def stopping(self) -> bool:
        return self.signal is not None

    def install(self) -> None:
        """Handle SIGINT and SIGTERM in this process (from its main thread; elsewhere leave them alone)."""
        if threading.current_thread() is not threading.main_thread() or self._previous:
            return
        for number in SIGNALS:
            self._previous[number] = signal.signal(number, self._handle)

    def uninstall(self) -> None:
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        self._previous.clear()

    def on_stop_now(self, finish: Callable[[], None]) -> None:
        """Run `finish` (write what is known) before the process exits on a second Ctrl-C."""
        self._finishers.append(finish)

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """A moment that a stop must not cut in two: the interruption waits until it is over."""
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1
            if self._pending and not self._deferring:
                self._pending = False
                raise KeyboardInterrupt(self._reason())

    def _handle(self, number: int, frame: FrameType | None) -> None:
        if self.signal is None:
            self.signal = number
            if self._deferring:
                self._pending = True
                return
            raise KeyboardInterrupt(self._reason())
        if number == signal.SIGINT and self.signal is not None:
            self.stop_now()
        # any other signal during the stop: the stop under way goes on

    def _reason(self) -> str:
        return "stopped by %s" % signal.Signals(self.signal or signal.SIGINT).name

    def stop_now(self) -> None:
        """Finish what must be finished, stop the runners and workers, and exit."""
        for finish in self._finishers:
            with contextlib.suppress(Exception):
                finish()
        for child in children(os.getpid()):  # pytest-xdist workers: each stops its runner as it ends
            with contextlib.suppress(OSError):
                os.kill(child, signal.SIGTERM)
        driver.stop_all()
        with contextlib.suppress(Exception):
            sys.stderr.write("\nstopped at once (a second interrupt); the results file says `interrupted`\n")
            sys.stderr.flush()
        os._exit(STOP_NOW_STATUS)
