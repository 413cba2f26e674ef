"""What a target can parse, so strategies and the emitter never produce syntax it cannot.

Built from the runner's handshake (language version and capabilities), so a target
that cannot parse `nonlocal` or `:=` simply gets programs without them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Features:
    version: tuple[int, int]  # the Python language version the target implements
    nonlocal_statement: bool = True
    walrus: bool = True  # assignment expressions, 3.8+

    @classmethod
    def for_version(cls, version: tuple[int, ...]) -> Features:
        """What a CPython of this version parses."""
        major_minor = (version[0], version[1])
        return cls(version=major_minor, walrus=major_minor >= (3, 8))

    @classmethod
    def from_handshake(cls, language: str, capabilities: Mapping[str, bool]) -> Features:
        major, minor = (int(part) for part in language.split(".")[:2])
        return cls(
            version=(major, minor),
            nonlocal_statement=bool(capabilities.get("nonlocal", True)),
            walrus=bool(capabilities.get("walrus", False)),
        )

    def excluded(self) -> list[str]:
        """Constructs left out of generated programs for this target, for reports."""
        excluded = []
        if not self.nonlocal_statement:
            excluded.append("nonlocal")
        if not self.walrus:
            excluded.append(":=")
        return excluded
