"""The runner protocol's messages as typed records, each with its JSON form defined here.

The runner (conformance/target/runner.py) speaks JSON lines; the driver turns each
message into one of these records and nothing past the driver sees raw messages:

    Hello          the handshake: implementation, version, language, capabilities
    Program        one program to run (the host's side of a batch entry)
    ProgramResult  the runner's report on one program, or the fault that stopped it
    Fault          why a program has no result: the runner crashed, hung or broke the protocol

A `{"progress": ID}` message (a target still preparing program ID, such as a compiler)
is no record: the driver only restarts that program's deadline on it.

A result keeps the runner's own format for what the program observed (a dict per
probe label, see runner.py), because that format is also what the reference model
predicts and what the comparator reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


def clip(message: object) -> str:
    """A message for a one-line error: its JSON, cut at 200 characters."""
    text = json.dumps(message)
    return text if len(text) <= 200 else text[:200] + "..."


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

    @property
    def sys_version(self) -> str:
        return str(self.raw.get("sys_version", ""))

    def lacks(self, capabilities: tuple[str, ...] | list[str] | frozenset[str]) -> list[str]:
        """Those of the capabilities the handshake says the target does not have, sorted.

        One the handshake does not mention, it lacks; syntax has a rule of its own for that
        (generators/features.py, `parses`).
        """
        return sorted(name for name in capabilities if not self.capabilities.get(name, False))

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> Hello:
        """The handshake as the runner sent it; ValueError naming what is wrong with it."""
        if not isinstance(message, dict):
            raise ValueError("it is not an object")
        version = message.get("version")
        if not (isinstance(version, list) and version and all(isinstance(part, int) for part in version)):
            raise ValueError("version %s is not a list of integers" % clip(version))
        version = tuple(version)
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
    # seconds the program may run before it is taken for a hang, when that is longer than the driver's
    # deadline per program (made for programs of milliseconds): a program that does heavy work on purpose
    time_limit: float | None = None

    def to_message(self) -> dict[str, str]:
        return {"id": self.id, "source": self.source, "filename": self.filename}


@dataclass(frozen=True)
class Fault:
    """Why a program has no result: the runner crashed, hung or broke the protocol."""

    outcome: str  # "crash", "timeout", "protocol-error" or "cannot-start"
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"outcome": self.outcome, "detail": self.detail, "evidence": dict(self.evidence)}

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Fault:
        return cls(str(document["outcome"]), str(document["detail"]), dict(document.get("evidence", {})))

    def describe(self) -> str:
        return "%s: %s" % (self.outcome, self.detail)

    def lines(self) -> list[str]:
        """The fault and its evidence, for a failure's message: the last lines of anything long."""
        lines = ["  %s" % self.describe()]
        for key, value in self.evidence.items():
            text = str(value).rstrip()
            if text:
                lines.append("    %s: %s" % (key, text if "\n" not in text else "...\n" + "\n".join(
                    "      " + line for line in text.splitlines()[-10:])))  # fmt: skip
        return lines


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
        """The result as the runner sent it; ValueError when it does not have the protocol's shape."""
        observations: dict[str, dict[str, Any]] = {}
        pairs = message.get("observations", [])
        if not isinstance(pairs, list):
            raise ValueError("observations is not a list")
        for pair in pairs:
            if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)
                    and isinstance(pair[1], dict)):  # fmt: skip
                raise ValueError("an observation is not a [label, object] pair")
            observations[pair[0]] = pair[1]
        for key in ("compile_error", "error"):
            if not isinstance(message.get(key, {}), dict):
                raise ValueError("%s is not an object" % key)
        if not isinstance(message.get("output", ""), str):
            raise ValueError("output is not a string")
        return cls(
            id=message["id"],
            observations=observations,
            compile_error=message.get("compile_error"),
            error=message.get("error"),
            output=message.get("output", ""),
        )
