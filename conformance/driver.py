"""Host side of the runner protocol: start a target, send batches, survive faults.

A target is a command line (`/usr/bin/python3.12`, `pypy3`, `/opt/py -X dev`).
The driver runs `runner.py` in it as a persistent subprocess, with a clean
environment and a temporary working directory, and talks to it over pipes
(see the protocol in runner.py). A program that crashes or hangs the runner is
reported as that program's outcome; the runner is restarted and the rest of
the batch goes on.
"""

from __future__ import annotations

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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RUNNER = Path(__file__).with_name("runner.py")

DEFAULT_BATCH_TIMEOUT = 60.0
DEFAULT_START_TIMEOUT = 30.0
MAX_LINE = 64 * 1024 * 1024  # a protocol line longer than this is a protocol error
EVIDENCE_CHARS = 2000  # how much of a target's stderr or stray output is kept


class TargetError(Exception):
    """The target cannot be used at all; the message is one line for the user."""


@dataclass(frozen=True)
class Hello:
    """What the target said about itself in the handshake."""

    implementation: str
    version: tuple[int, ...]
    language: str
    capabilities: dict[str, bool]
    raw: dict[str, Any]

    @property
    def label(self) -> str:
        """A short name for results files: `cpython-3.12.1`, `pypy-3.9.18`."""
        return "%s-%s" % (self.implementation, ".".join(str(part) for part in self.version))

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> Hello:
        version = tuple(int(part) for part in message["version"])
        return cls(
            implementation=str(message["implementation"]),
            version=version,
            language=str(message.get("language", "%d.%d" % version[:2])),
            capabilities={str(k): bool(v) for k, v in message.get("capabilities", {}).items()},
            raw=message,
        )


@dataclass(frozen=True)
class Program:
    id: str
    source: str
    filename: str = "<program>"


@dataclass(frozen=True)
class Fault:
    """Why a program has no result: the runner crashed, hung or broke the protocol."""

    outcome: str  # "crash", "timeout" or "protocol-error"
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ProgramResult:
    """The runner's report on one program, or the fault that stopped it."""

    id: str
    observations: dict[str, dict[str, Any]] = field(default_factory=dict)
    compile_error: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    output: str = ""
    fault: Fault | None = None

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> ProgramResult:
        observations: dict[str, dict[str, Any]] = {}
        for label, observation in message.get("observations", []):
            observations[label] = observation
        return cls(
            id=message["id"],
            observations=observations,
            compile_error=message.get("compile_error"),
            error=message.get("error"),
            output=message.get("output", ""),
        )


class _Stopped(Exception):
    def __init__(self, fault: Fault) -> None:
        super().__init__(fault.detail)
        self.fault = fault


def split_command(command: str | Sequence[str]) -> list[str]:
    """A target command as given on the command line, split like a shell would."""
    if isinstance(command, str):
        return shlex.split(command)
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


class Runner:
    """One persistent runner process in one target."""

    def __init__(
        self,
        command: str | Sequence[str],
        *,
        batch_timeout: float = DEFAULT_BATCH_TIMEOUT,
        start_timeout: float = DEFAULT_START_TIMEOUT,
    ) -> None:
        self.command = split_command(command)
        if not self.command:
            raise TargetError("the interpreter command is empty")
        self.display = shlex.join(self.command)
        self.batch_timeout = batch_timeout
        self.start_timeout = start_timeout
        self.hello: Hello | None = None
        self.restarts = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._selector: selectors.BaseSelector | None = None
        self._workdir: str | None = None
        self._buffer = b""
        self._stderr_tail = b""
        self._argv: list[str] | None = None  # the launch variant that worked

    # -- life cycle -------------------------------------------------------

    def start(self) -> Hello:
        """Start the runner and read its handshake, or raise TargetError."""
        variants = [self._argv] if self._argv else launch_variants(self.command)
        problem = ""
        for argv in variants:
            try:
                self._spawn(argv)
                message = self._read(time.monotonic() + self.start_timeout)
                if "hello" not in message:
                    raise _Stopped(Fault("protocol-error", "sent %s before the handshake" % _clip(message)))
                self.hello = Hello.from_message(message["hello"])
                self._argv = argv
                return self.hello
            except _Stopped as stopped:
                problem = stopped.fault.detail
                if stopped.fault.outcome != "crash":
                    problem += " (is it a Python 3 interpreter?)"
                self._kill()
                if stopped.fault.outcome != "crash":
                    break  # only an early exit (an unknown -I) is worth another try
            except (KeyError, TypeError, ValueError) as exc:
                problem = "sent a malformed handshake (%s)" % exc
                self._kill()
        raise TargetError("cannot use interpreter %r: it %s" % (self.display, problem))

    def close(self) -> None:
        """Ask the runner to quit, then make sure it is gone and its directory removed."""
        process = self._process
        if process is not None and process.poll() is None and process.stdin is not None:
            try:
                process.stdin.write(b'{"quit": true}\n')
                process.stdin.close()
                process.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
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
        """Run a batch; every program gets a result or a fault, in order."""
        results: list[ProgramResult] = []
        pending = list(programs)
        while pending:
            if self._process is None:
                self.restarts += 1
                self.start()
            try:
                self._send({"batch": [{"id": p.id, "source": p.source, "filename": p.filename} for p in pending]})
                deadline = time.monotonic() + self.batch_timeout
                while True:
                    message = self._read(deadline)
                    if "done" in message:
                        if pending:
                            raise _Stopped(
                                Fault("protocol-error", "ended the batch with %d programs unanswered" % len(pending))
                            )
                        break
                    result = message.get("result")
                    if not isinstance(result, dict) or not pending or result.get("id") != pending[0].id:
                        raise _Stopped(Fault("protocol-error", "sent an unexpected message: %s" % _clip(message)))
                    results.append(ProgramResult.from_message(result))
                    pending.pop(0)
            except _Stopped as stopped:
                culprit = pending.pop(0)
                results.append(ProgramResult(id=culprit.id, fault=stopped.fault))
                self._kill()
        return results

    def run_one(self, program: Program) -> ProgramResult:
        return self.run([program])[0]

    # -- process plumbing -------------------------------------------------

    def _spawn(self, argv: list[str]) -> None:
        self._kill()
        self._workdir = tempfile.mkdtemp(prefix="closure-target-")
        env = {
            "PATH": os.environ.get("PATH", os.defpath),
            "HOME": self._workdir,
            "TMPDIR": self._workdir,
            "LC_ALL": "C.UTF-8",
        }
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
        assert self._process.stdout is not None and self._process.stderr is not None
        for stream in (self._process.stdout, self._process.stderr):
            os.set_blocking(stream.fileno(), False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._process.stdout, selectors.EVENT_READ, "out")
        self._selector.register(self._process.stderr, selectors.EVENT_READ, "err")
        self._buffer = b""
        self._stderr_tail = b""

    def _send(self, message: dict[str, Any]) -> None:
        assert self._process is not None and self._process.stdin is not None
        data = (json.dumps(message) + "\n").encode("ascii")
        try:
            self._process.stdin.write(data)
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise _Stopped(self._death("stopped reading its input")) from None

    def _read(self, deadline: float) -> dict[str, Any]:
        """The next protocol message, or _Stopped when the runner dies, hangs or babbles."""
        assert self._process is not None and self._selector is not None
        while b"\n" not in self._buffer:
            if len(self._buffer) > MAX_LINE:
                raise _Stopped(Fault("protocol-error", "sent a line longer than %d bytes" % MAX_LINE))
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _Stopped(
                    Fault("timeout", "did not answer within its time limit", {"stderr": _tail(self._stderr_tail)})
                )
            for key, _ in self._selector.select(remaining):
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
        line, _, self._buffer = self._buffer.partition(b"\n")
        try:
            message = json.loads(line.decode("utf-8"))
        except ValueError:
            raise _Stopped(
                Fault("protocol-error", "printed %r instead of a protocol message" % _tail(line), {"line": _tail(line)})
            ) from None
        if not isinstance(message, dict):
            raise _Stopped(Fault("protocol-error", "sent %s, not a protocol message" % _clip(message)))
        return message

    def _death(self, what: str) -> Fault:
        """Describe how the runner ended: exit status or signal, and what it printed."""
        assert self._process is not None
        try:
            status = self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            status = None
        self._drain_stderr()
        evidence: dict[str, Any] = {"stderr": _tail(self._stderr_tail)}
        if status is None:
            how = "%s (still running)" % what
        elif status < 0:
            name = _signal_name(-status)
            evidence["signal"] = name
            how = "was killed by %s" % name
        else:
            evidence["exit_status"] = status
            how = "exited with status %d" % status
        printed = evidence["stderr"].strip().splitlines()
        detail = how + ("; it printed: %s" % printed[-1] if printed else " and printed nothing")
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
        process, self._process = self._process, None
        if self._selector is not None:
            self._selector.close()
            self._selector = None
        if process is not None:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout, process.stderr):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None


def _tail(data: bytes) -> str:
    return data[-EVIDENCE_CHARS:].decode("utf-8", "replace")


def _clip(message: object) -> str:
    text = json.dumps(message)
    return text if len(text) <= 200 else text[:200] + "..."


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return "signal %d" % number
