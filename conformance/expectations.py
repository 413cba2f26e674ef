"""Expectation files: the checks known to fail on one interpreter, and why.

A maintainer keeps one per implementation so that CI stays green on known
differences while every new difference still fails:

    # conformance/expectations/pypy-3.9.toml
    [[expected-failure]]
    check = "case:cells/function-type-without-closure-argument-*"   # an id, or a glob pattern
    reason = "segfaults when types.FunctionType gets code with free variables and no closure"
    link = "https://..."            # optional
    before = "7.3.12"               # optional: only for target versions before this one

Each listed check becomes a strict expected failure: if it passes, the run fails
with XPASS(strict), so the list shrinks as the implementation improves.
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 hosts
    import tomli as tomllib

KNOWN_KEYS = {"check", "reason", "link", "before"}


class ExpectationsError(Exception):
    """An expectations file cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class ExpectedFailure:
    check: str  # a check id or a glob pattern over ids
    reason: str
    link: str | None = None
    before: tuple[int, ...] | None = None

    def describe(self) -> str:
        return self.reason + (" (%s)" % self.link if self.link else "")

    def applies(self, check_id: str, version: tuple[int, ...]) -> bool:
        if self.before is not None and tuple(version) >= self.before:
            return False
        return fnmatch.fnmatchcase(check_id, self.check)


@dataclass(frozen=True)
class Expectations:
    entries: tuple[ExpectedFailure, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.entries)

    def match(self, check_id: str, version: tuple[int, ...]) -> ExpectedFailure | None:
        for entry in self.entries:
            if entry.applies(check_id, version):
                return entry
        return None

    @classmethod
    def load(cls, path: Path) -> Expectations:
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise ExpectationsError("cannot read expectations file %s: %s" % (path, error.strerror or error)) from None
        except tomllib.TOMLDecodeError as error:
            raise ExpectationsError("expectations file %s is not valid TOML: %s" % (path, error)) from None
        unknown = set(document) - {"expected-failure"}
        if unknown:
            raise ExpectationsError("expectations file %s: unknown table %s" % (path, ", ".join(sorted(unknown))))
        entries = []
        for index, raw in enumerate(document.get("expected-failure", []), start=1):
            where = "expectations file %s, entry %d" % (path, index)
            if not isinstance(raw, dict) or not isinstance(raw.get("check"), str) or not raw.get("reason"):
                raise ExpectationsError("%s: needs a `check` and a `reason`" % where)
            if set(raw) - KNOWN_KEYS:
                raise ExpectationsError("%s: unknown key %s" % (where, ", ".join(sorted(set(raw) - KNOWN_KEYS))))
            before = None
            if "before" in raw:
                try:
                    before = tuple(int(part) for part in str(raw["before"]).split("."))
                except ValueError:
                    raise ExpectationsError("%s: before = %r is not a version" % (where, raw["before"])) from None
            entries.append(ExpectedFailure(raw["check"], str(raw["reason"]), raw.get("link"), before))
        return cls(tuple(entries))
