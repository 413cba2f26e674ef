"""Host side of the runner protocol: start a target, send batches, survive faults.

A target is a command line (`/usr/bin/python3.12`, `pypy3`, `/opt/py -X dev`).
The driver runs `runner.py` in it as a persistent subprocess, with a clean
environment and a temporary working directory, and talks to it over pipes
(see the protocol in runner.py). A program that crashes or hangs the runner is
reported as that program's outcome; the runner is restarted and the rest of
the batch goes on.

Faults, each recorded against the program that was running, with its evidence
(exit status or signal, the tail of what the target printed, bounded):

    crash           the runner died: a signal, an exit status, os._exit
    timeout         a program made no progress within its wall-clock limit, or the
                    whole batch took longer than the batch's
    protocol-error  the runner sent something that is not the protocol: stray or
                    invalid UTF-8 bytes, a line too long, a malformed message
    cannot-start    the runner could not be started again after a fault

Limits: a wall-clock deadline per program, an outer one per batch, and where the platform has POSIX resource
limits, CPU seconds (RLIMIT_CPU) and memory (RLIMIT_DATA, which on Linux counts
every private writable mapping: a heap, an mmap'd arena, a WebAssembly memory, but
not address space merely reserved) per runner process. A runner that has used half
its CPU allowance is replaced between batches, so a healthy run never meets it.

The runner answers each program as it finishes, so each program has its own deadline:
given (`program_timeout`), or by default PROGRAM_TIMEOUT_FACTOR times the slowest
program this target has answered so far, never less than the time the target took
to start, nor than PROGRAM_TIMEOUT_FLOOR, nor than the program's own time limit (a
hand-written case that does heavy work on purpose says how long it may take). A hang then costs about a second, not the
batch timeout, on a fast target; a target that is slow everywhere (WebAssembly, a
JavaScript translator) has the deadline its own speed gives it. A target that must prepare
a program before running it (a compiler: seconds per program) says it is still working on
it with `{"progress": ID}`; each such message starts the program's deadline again, and
the slowest program is timed from the last one, so the deadline bounds running, not
compiling (the target bounds its compiler itself; the batch timeout bounds both).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import selectors
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from conformance.host import trace
from conformance.host.protocol import Fault, Hello, Program, ProgramResult, clip
from conformance.host.system import cpu_seconds

try:
    import resource

    HAS_RLIMITS = True
except ImportError:  # not a POSIX system: no resource limits, the timeouts still hold
    HAS_RLIMITS = False

RUNNER = Path(__file__).resolve().parent.parent / "target" / "runner.py"

DEFAULT_BATCH_TIMEOUT = 60.0  # wall-clock seconds for one batch
PROGRAM_TIMEOUT_FLOOR = 1.0  # the least wall-clock time a program gets (a healthy generated program takes ms)
PROGRAM_TIMEOUT_FACTOR = 20.0  # ... and at least this many times the slowest program answered so far
DEFAULT_START_TIMEOUT = 30.0  # wall-clock seconds for the handshake
DEFAULT_CPU_LIMIT = 3600  # CPU seconds per runner process (a healthy runner is replaced at half)
DEFAULT_MEMORY_LIMIT_MB = 2048  # data memory per runner process (a healthy one uses under 200 MB)
CPU_GRACE = 5  # seconds between SIGXCPU at the soft CPU limit and SIGKILL at the hard one
START_ATTEMPTS = 3  # consecutive failed starts after which a runner stops trying
MAX_LINE = 16 * 1024 * 1024  # a protocol line longer than this is a protocol error
EVIDENCE_CHARS = 2000  # how much of a target's stderr or stray output is kept
DETAIL_CHARS = 200  # how much of it goes into the one-line detail


class TargetError(Exception):
    """The target cannot be used at all; the message is one line for the user."""


class _Stopped(Exception):
    def __init__(self, fault: Fault) -> None:
        super().__init__(fault.detail)
        self.fault = fault


def split_command(command: str | Sequence[str]) -> list[str]:
    """A target command as given on the command line, split like a shell would."""
    if isinstance(command, str):
        try:
            return shlex.split(command)
        except ValueError as error:  # an unclosed quote
            raise TargetError("cannot read the interpreter command %r: %s" % (command, error)) from None
    return list(command)


def resolve_paths(command: Sequence[str]) -> list[str]:
    """Relative paths in a command, made absolute: the target runs in a temporary directory.

    An argument counts as a path when it names an existing file or directory and
    contains a path separator (`tests/x.py`, `./python`), so plain words and options
    are left alone.
    """
    return [os.path.abspath(arg) if os.sep in arg and not os.path.isabs(arg) and os.path.exists(arg) else arg
            for arg in command]  # fmt: skip


def launch_variants(command: Sequence[str]) -> list[list[str]]:
    """The ways to start the runner in a Python: isolated (-I), else -E -s (Python < 3.4)."""
    runner = str(RUNNER)
    command = resolve_paths(command)
    return [[*command, "-I", runner], [*command, "-E", "-s", runner]]


_running: weakref.WeakSet[Runner] = weakref.WeakSet()  # runners with a live process, stopped at exit


@atexit.register
def stop_all() -> None:
    """However the host ends (an interrupt in the middle of anything), its runners end, their directories go."""
    for runner in list(_running):
        runner._kill()


class Runner:
    """One persistent runner process in one target."""

    def __init__(
        self,
        command: str | Sequence[str],
        *,
        batch_timeout: float = DEFAULT_BATCH_TIMEOUT,
        program_timeout: float | None = None,
        start_timeout: float = DEFAULT_START_TIMEOUT,
        cpu_limit: int | None = DEFAULT_CPU_LIMIT,
        memory_limit_mb: int | None = DEFAULT_MEMORY_LIMIT_MB,
        scratch: str | None = None,
    ) -> None:
        self.command = split_command(command)
        self.scratch = scratch  # where the runner's working directory is made (default: the system's)
        if not self.command:
            raise TargetError("the interpreter command is empty")
        self.display = shlex.join(self.command)
        self.batch_timeout = batch_timeout
        self.program_timeout = program_timeout  # None: derived from the slowest program answered
        self.slowest = 0.0  # wall-clock seconds of the slowest program answered, over every runner process
        self.startup = 0.0  # wall-clock seconds of the slowest start (spawn to handshake)
        self.start_timeout = start_timeout
        self.cpu_limit = cpu_limit or None  # 0 or None: no limit
        self.memory_limit_mb = memory_limit_mb or None
        self.hello: Hello | None = None
        self.restarts = 0  # after a fault
        self.renewals = 0  # runners replaced before they neared the CPU limit
        self._failed_starts = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._selector: selectors.BaseSelector | None = None
        self._workdir: str | None = None
        self._buffer = bytearray()
        self._scanned = 0  # how much of the buffer is known to hold no newline
        self._stderr_tail = b""
        self._argv: list[str] | None = None  # the launch variant that worked

    # -- life cycle -------------------------------------------------------

    def start(self) -> Hello:
        """Start the runner and read its handshake, or raise TargetError."""
        variants = [self._argv] if self._argv else launch_variants(self.command)
        problem = ""
        for argv in variants:
            try:
                started = time.monotonic()
                self._spawn(argv)
                message = self._read(started + self.start_timeout)
                if "hello" not in message:
                    raise _Stopped(Fault("protocol-error", "sent %s before the handshake" % clip(message)))
                self.hello = Hello.from_message(message["hello"])
                self._argv = argv
                self.startup = max(self.startup, time.monotonic() - started)
                return self.hello
            except _Stopped as stopped:
                problem = stopped.fault.detail
                if stopped.fault.outcome != "crash":
                    problem += " (is it a Python 3 interpreter?)"
                self._kill()
                if stopped.fault.outcome != "crash":
                    break  # only an early exit (an unknown -I) is worth another try
            except (AttributeError, KeyError, TypeError, ValueError) as exc:
                problem = "sent a malformed handshake (%s)" % exc
                self._kill()
        raise TargetError("cannot use interpreter %r: it %s" % (self.display, problem))

    def close(self) -> None:
        """Ask the runner to quit, then make sure it is gone and its directory removed."""
        process = self._process
        if process is not None and process.poll() is None and process.stdin is not None:
            try:
                os.write(process.stdin.fileno(), b'{"quit": true}\n')
                process.stdin.close()
                process.wait(timeout=2)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                pass
        self._kill()

    @property
    def pid(self) -> int | None:
        """The runner process's id, while it runs."""
        return self._process.pid if self._process is not None else None

    def __enter__(self) -> Runner:
        if self.hello is None:
            self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- running programs -------------------------------------------------

    def run(self, programs: Sequence[Program]) -> list[ProgramResult]:
        """Run a batch; every program gets a result or a fault, in order.

        A program that stops the runner gets the fault; the runner is started again
        and the rest of the batch sent again. When it cannot be started again, the
        programs left get a `cannot-start` fault.
        """
        results: list[ProgramResult] = []
        pending = list(programs)
        while pending:
            if self._process is None:
                try:
                    self._start_again()
                except TargetError as error:
                    fault = Fault("cannot-start", str(error))
                    return results + [ProgramResult(id=program.id, fault=fault) for program in pending]
            trace.step("batch", self.pid)
            try:
                started = (
                    time.monotonic()
                )  # (before the send: the runner may start the first program before it returns)
                batch_deadline = started + self.batch_timeout
                self._send({"batch": [program.to_message() for program in pending]}, batch_deadline)
                while True:
                    message = self._read_within(started, batch_deadline, pending[0] if pending else None)
                    if "progress" in message:
                        self._progress(message, pending[0] if pending else None)
                        started = time.monotonic()  # still preparing it: its deadline starts again
                        continue
                    if "done" in message:
                        if pending:
                            raise _Stopped(
                                Fault("protocol-error", "ended the batch with %d programs unanswered" % len(pending))
                            )
                        break
                    results.append(self._result(message, pending[0] if pending else None))
                    pending.pop(0)
                    self.slowest = max(self.slowest, time.monotonic() - started)
                    started = time.monotonic()
            except _Stopped as stopped:
                culprit = pending.pop(0)
                results.append(ProgramResult(id=culprit.id, fault=stopped.fault))
                self._kill()
            except BaseException:  # KeyboardInterrupt, SIGTERM made one: the runner is mid-batch, stop it
                self._kill()
                raise
        self._renew_if_worn()
        return results

    def current_program_timeout(self) -> float:
        """The wall-clock time the next program may take without a message."""
        if self.program_timeout is not None:
            return self.program_timeout
        return max(PROGRAM_TIMEOUT_FLOOR, PROGRAM_TIMEOUT_FACTOR * self.slowest, self.startup)

    def _read_within(self, started: float, batch_deadline: float, program: Program | None) -> dict[str, Any]:
        """The next message, within the program's deadline (counted from `started`: the runner's, or the
        program's own time limit when that is longer) and the batch's."""
        allowed = self.current_program_timeout()
        if program is not None and program.time_limit is not None:
            allowed = max(allowed, program.time_limit)
        try:
            return self._read(min(started + allowed, batch_deadline))
        except _Stopped as stopped:
            if stopped.fault.outcome == "timeout" and started + allowed < batch_deadline:
                detail = "made no progress for %.1f s (its time limit per program)" % allowed
                raise _Stopped(Fault("timeout", detail, stopped.fault.evidence)) from None
            raise

    def _progress(self, message: dict[str, Any], expected: Program | None) -> None:
        """A `progress` message must name the program the target is working on."""
        if expected is None or message.get("progress") != expected.id:
            raise _Stopped(Fault("protocol-error", "sent an unexpected message: %s" % clip(message)))

    def _result(self, message: dict[str, Any], expected: Program | None) -> ProgramResult:
        result = message.get("result")
        if not isinstance(result, dict) or expected is None or result.get("id") != expected.id:
            raise _Stopped(Fault("protocol-error", "sent an unexpected message: %s" % clip(message)))
        try:
            return ProgramResult.from_message(result)
        except (KeyError, TypeError, ValueError) as error:
            detail = "sent a malformed result (%s): %s" % (error, clip(message))
            raise _Stopped(Fault("protocol-error", detail)) from None

    def _start_again(self) -> None:
        """Start a runner after a fault; after START_ATTEMPTS failures in a row, stop trying."""
        if self._failed_starts >= START_ATTEMPTS:
            raise TargetError("cannot start interpreter %r again: gave up after %d failed starts"
                              % (self.display, self._failed_starts))  # fmt: skip
        self.restarts += 1
        try:
            self.start()
        except TargetError:
            self._failed_starts += 1
            raise
        self._failed_starts = 0

    def _renew_if_worn(self) -> None:
        """Replace a runner that has used half its CPU allowance, before the limit can stop a program."""
        if self.cpu_limit is None or self._process is None:
            return
        used = cpu_seconds(self._process.pid)
        if used is not None and used > self.cpu_limit / 2:
            self.close()
            self.renewals += 1
            with contextlib.suppress(TargetError):  # if it fails, the next batch tries again, as after a fault
                self.start()

    def run_one(self, program: Program) -> ProgramResult:
        return self.run([program])[0]

    # -- process plumbing -------------------------------------------------

    def _spawn(self, argv: list[str]) -> None:
        self._kill()
        _running.add(self)  # from here on, whatever interrupts this, the exit handler cleans up
        self._workdir = tempfile.mkdtemp(prefix="closure-target-", dir=self.scratch)
        env = {
            "PATH": os.environ.get("PATH", os.defpath),
            "HOME": self._workdir,
            "TMPDIR": self._workdir,
            "LC_ALL": "C.UTF-8",
        }
        prlimit = getattr(resource, "prlimit", None) if HAS_RLIMITS else None  # Linux: set on the new process
        try:
            self._process = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=self._workdir,
                env=env,
                close_fds=True,
                start_new_session=True,
                preexec_fn=None if prlimit or not self._rlimits() else self._limit_this_process,  # noqa: PLW1509
            )
        except FileNotFoundError:
            self._kill()
            raise TargetError("cannot start interpreter %r: no such file" % self.display) from None
        except PermissionError:
            self._kill()
            raise TargetError(
                "cannot start interpreter %r: permission denied (not executable?)" % self.display
            ) from None
        except OSError as exc:
            self._kill()
            raise TargetError("cannot start interpreter %r: %s" % (self.display, exc.strerror or exc)) from None
        if prlimit is not None:
            for which, limits in self._rlimits():
                with contextlib.suppress(OSError, ValueError):  # beyond what this process may grant: left as is
                    prlimit(self._process.pid, which, limits)
        assert self._process.stdin is not None and self._process.stdout is not None
        assert self._process.stderr is not None
        for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
            os.set_blocking(stream.fileno(), False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._process.stdout, selectors.EVENT_READ, "out")
        self._selector.register(self._process.stderr, selectors.EVENT_READ, "err")
        self._buffer = bytearray()
        self._scanned = 0
        self._stderr_tail = b""

    def _rlimits(self) -> list[tuple[int, tuple[int, int]]]:
        """The resource limits a runner process gets: (resource, (soft, hard))."""
        if not HAS_RLIMITS:
            return []
        limits = []
        if self.cpu_limit is not None:
            limits.append((resource.RLIMIT_CPU, (self.cpu_limit, self.cpu_limit + CPU_GRACE)))
        if self.memory_limit_mb is not None and hasattr(resource, "RLIMIT_DATA"):
            size = self.memory_limit_mb * 1024 * 1024
            limits.append((resource.RLIMIT_DATA, (size, size)))
        return limits

    def _limit_this_process(self) -> None:
        """In the child before exec, where prlimit() is missing: lower its own limits."""
        for which, (soft, hard) in self._rlimits():
            _, ceiling = resource.getrlimit(which)
            if ceiling != resource.RLIM_INFINITY:
                soft, hard = min(soft, ceiling), min(hard, ceiling)  # noqa: PLW2901 (a lower ceiling wins)
            with contextlib.suppress(OSError, ValueError):
                resource.setrlimit(which, (soft, hard))

    def _send(self, message: dict[str, Any], deadline: float) -> None:
        """Write one message, reading what the runner says meanwhile, within the deadline."""
        assert self._process is not None and self._process.stdin is not None
        data = memoryview((json.dumps(message) + "\n").encode("ascii"))
        stdin = self._process.stdin.fileno()
        while data:
            try:
                data = data[os.write(stdin, data) :]
                continue
            except BlockingIOError:
                pass  # the pipe is full: wait until the runner reads, or dies, or the time is up
            except OSError:  # BrokenPipeError: it is gone
                raise _Stopped(self._death("stopped reading its input")) from None
            self._wait(deadline, write=stdin)

    def _read(self, deadline: float) -> dict[str, Any]:
        """The next protocol message, or _Stopped when the runner dies, hangs or babbles."""
        while True:
            newline = self._buffer.find(b"\n", self._scanned)
            if newline >= 0:
                break
            self._scanned = len(self._buffer)
            if len(self._buffer) > MAX_LINE:
                raise _Stopped(Fault("protocol-error", "sent a line longer than %d bytes" % MAX_LINE,
                                     self._evidence()))  # fmt: skip
            self._wait(deadline)
        line = bytes(self._buffer[:newline])
        del self._buffer[: newline + 1]
        self._scanned = 0
        try:
            message = json.loads(line.decode("utf-8"))
        except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested past the parser's depth
            shown = _tail(line)
            raise _Stopped(Fault("protocol-error", "printed %r instead of a protocol message" % shown[:DETAIL_CHARS],
                                 {**self._evidence(), "line": shown})) from None  # fmt: skip
        if not isinstance(message, dict):
            raise _Stopped(Fault("protocol-error", "sent %s, not a protocol message" % clip(message)))
        return message

    def _wait(self, deadline: float, write: int | None = None) -> None:
        """Wait for output (kept), or for the runner's input to take more (when `write` is given).

        _Stopped when the deadline passes or the runner's output ends (it died).
        """
        assert self._process is not None and self._selector is not None
        if write is not None:
            self._selector.register(write, selectors.EVENT_WRITE, "in")
        try:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _Stopped(Fault("timeout", "did not answer within its time limit", self._evidence()))
            for key, _ in self._selector.select(remaining):
                if key.data == "in":
                    continue
                chunk = os.read(key.fileobj.fileno(), 1 << 16)  # type: ignore[union-attr]
                if key.data == "err":
                    if chunk:
                        self._stderr_tail = (self._stderr_tail + chunk)[-EVIDENCE_CHARS:]
                    else:
                        self._selector.unregister(key.fileobj)
                elif chunk:
                    self._buffer += chunk
                else:
                    raise _Stopped(self._death("exited"))
        finally:
            if write is not None:
                self._selector.unregister(write)

    def _evidence(self) -> dict[str, Any]:
        """What the runner printed last: the tail of its stderr, and of a protocol line it left unfinished."""
        evidence: dict[str, Any] = {"stderr": _tail(self._stderr_tail)}
        if self._buffer:
            evidence["stdout"] = _tail(bytes(self._buffer[-EVIDENCE_CHARS:]))
        return evidence

    def _death(self, what: str) -> Fault:
        """Describe how the runner ended: exit status or signal, and what it printed."""
        assert self._process is not None
        try:
            status = self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            status = None
        self._drain_stderr()
        evidence = self._evidence()
        if status is None:
            how = "%s (still running)" % what
        elif status < 0:
            name = _signal_name(-status)
            evidence["signal"] = name
            how = "was killed by %s" % name
            if name == "SIGXCPU":
                how += " (its CPU time limit of %s s)" % self.cpu_limit
        else:
            evidence["exit_status"] = status
            how = "exited with status %d" % status
        printed = evidence["stderr"].strip().splitlines()
        detail = how + ("; it printed: %s" % printed[-1][-DETAIL_CHARS:] if printed else " and printed nothing")
        return Fault("crash", detail, evidence)

    def _drain_stderr(self) -> None:
        assert self._process is not None and self._process.stderr is not None
        try:
            while True:
                chunk = os.read(self._process.stderr.fileno(), 1 << 16)
                if not chunk:
                    return
                self._stderr_tail = (self._stderr_tail + chunk)[-EVIDENCE_CHARS:]
        except (BlockingIOError, OSError, ValueError):
            return

    def _kill(self) -> None:
        """Stop the process (its whole session) and remove its directory. Interrupted half-way, it can
        be called again (at exit, by stop_all) and finishes the job."""
        if self._selector is not None:
            self._selector.close()
            self._selector = None
        process = self._process
        if process is not None:
            # the whole session, even when the runner itself has died: what it started (an adapter's compiler
            # processes) would outlive it (the group's id stays unused by new processes while one is left)
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                if process.poll() is None:
                    process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout, process.stderr):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
            self._process = None
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None
        _running.discard(self)


def _tail(data: bytes) -> str:
    return data[-EVIDENCE_CHARS:].decode("utf-8", "replace")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return "signal %d" % number
