"""The interpreter under test as the engine uses it: a command, its running runner, its handshake."""

from __future__ import annotations

from dataclasses import dataclass

from conformance.host.driver import (
    DEFAULT_BATCH_TIMEOUT,
    DEFAULT_CPU_LIMIT,
    DEFAULT_MEMORY_LIMIT_MB,
    Runner,
    TargetError,
)
from conformance.host.protocol import Hello
from generators.features import Features


class SetupError(Exception):
    """The run cannot start as asked; the message is one line for the user."""


@dataclass(frozen=True)
class Limits:
    """What one runner process may take (see conformance/host/driver.py)."""

    batch_timeout: float = DEFAULT_BATCH_TIMEOUT
    program_timeout: float | None = None  # None: derived from the target's speed (see driver.py)
    cpu_limit: int = DEFAULT_CPU_LIMIT
    memory_limit_mb: int = DEFAULT_MEMORY_LIMIT_MB


@dataclass(frozen=True)
class Target:
    command: str
    runner: Runner
    hello: Hello

    @property
    def label(self) -> str:
        return self.hello.label

    @property
    def version(self) -> tuple[int, ...]:
        return self.hello.version

    @property
    def features(self) -> Features:
        """What generated programs may use: the constructs the target's handshake says it parses."""
        return Features.from_handshake(self.hello.language, self.hello.capabilities)

    def describe(self) -> str:
        return "%s (%s)" % (self.hello.label, self.command)

    def close(self) -> None:
        self.runner.close()


def start(command: str, limits: Limits | None = None, role: str = "", scratch: str | None = None) -> Target:
    """Start a runner in the interpreter and read its handshake; SetupError when it cannot be used.

    `role` names the interpreter in messages ("--reference"); the runner's working
    directory is made in `scratch` (default: the system's temporary directory).
    """
    prefix = role + ": " if role else ""
    limits = limits or Limits()
    try:
        runner = Runner(command, batch_timeout=limits.batch_timeout, program_timeout=limits.program_timeout,
                        cpu_limit=limits.cpu_limit, memory_limit_mb=limits.memory_limit_mb,
                        scratch=scratch)  # fmt: skip
        hello = runner.start()
    except TargetError as error:
        raise SetupError(prefix + str(error)) from None
    if hello.version[0] < 3:
        runner.close()
        raise SetupError("%sinterpreter %r is Python %s; the suite needs Python 3" % (prefix, command, hello.language))
    return Target(command, runner, hello)
