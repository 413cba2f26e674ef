"""Expectation files: the checks known to fail on one interpreter, and why.

A maintainer keeps one per implementation so that CI stays green on known
differences while every new difference still fails:

    # conformance/expectations/pypy-3.9.toml
    [[expected-failure]]
    check = "case:cells/function-type-without-closure-argument-*"   # an id, or a glob pattern
    reason = "segfaults when types.FunctionType gets code with free variables and no closure"
    link = "https://..."            # optional
    before = "7.3.12"               # optional: only for target versions before this one

    [[expected-failure]]
    area = "cells"                  # every check of an area (optionally: level = "data-model")
    reason = "no cell objects"

    [[expected-failure]]
    check = "generated:*#compile:none->SystemError"
    reason = "the compiler crashes on nonlocal in a class body"

    [[expected-failure]]
    deviation = "except-as-kept"    # conformance/model/deviations.py (or a list of names)

Each entry names checks by `check` (an id or a glob over ids), by `area` and
`level`, or by both; or it declares deviations (`deviation`), for the generated
programs of the checks it names (all of them when it names none): a program that
differs is then a known difference exactly when the declared deviations explain what
it observed (conformance/engine/diagnose.py), and a declared deviation that explains
nothing in a run of every check it is declared for is unexpectedly passing
(conformance/engine/check.py, deviation_records). Its reason is the deviation's own
unless the entry gives one. A listed check becomes a strict expected failure: if it
passes, it is reported as unexpectedly passing and the run fails, so the list
shrinks as the implementation improves. An entry with `intermittent = true` lists a case that does
not differ on every run (a crash that depends on what earlier programs left in memory): when it
conforms, the run does not fail.

An entry may also name one way a check differs: `#` and the difference's signature
(conformance/engine/checks.py), for instance
`generated:*/language#exception:NameError->UnboundLocalError`. Generated checks
fail in many ways: programs that differ in a listed way count as known
differences, the property goes on generating, and any other difference still fails
it. A case differs in one way: listed with its signature, it is a known difference
when it fails that way, a failure when it fails another way, and unexpectedly
passing when it conforms.
"""

from __future__ import annotations

import fnmatch
import json
import sys
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.engine.catalog import AREAS_BY_SLUG, LEVELS
from conformance.engine.checks import Check, signed
from conformance.engine.schema import DEVIATION_RECORD, GENERATED
from conformance.model.deviations import DEVIATIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 hosts
    import tomli as tomllib

KNOWN_KEYS = {"check", "area", "level", "reason", "link", "before", "deviation", "intermittent"}


class ExpectationsError(Exception):
    """An expectations file cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class ExpectedFailure:
    check: str | None  # a check id or a glob pattern over ids, perhaps with #signature
    reason: str
    link: str | None = None
    before: tuple[int, ...] | None = None
    area: str | None = None
    level: str | None = None
    where: str = ""  # "expectations file F, entry N", for messages
    deviations: tuple[str, ...] = ()  # conformance/model/deviations.py: the rules the implementation departs from
    intermittent: bool = False  # the case does not differ on every run: passing is no unexpected pass

    def describe(self) -> str:
        return self.reason + (" (%s)" % self.link if self.link else "")

    @property
    def declares_deviations(self) -> bool:
        """Does the entry declare deviations for generated programs (rather than list checks as failing)?"""
        return bool(self.deviations) and (self.check is None or self.check.startswith(GENERATED))

    @property
    def names_a_signature(self) -> bool:
        return self.check is not None and "#" in self.check

    def key(self) -> dict[str, str]:
        """What identifies the entry in results files."""
        deviation = ", ".join(self.deviations) or None
        return {name: value for name, value in (("check", self.check), ("area", self.area), ("level", self.level),
                                                ("deviation", deviation)) if value is not None}  # fmt: skip

    def applies(self, check_id: str, area: str, level: str, version: tuple[int, ...]) -> bool:
        """Does the entry list this check (an id, or an id#signature for one way a generated check differs)?"""
        if self.declares_deviations or not self.in_scope(area, level, version):
            return False
        if self.check is None:
            return "#" not in check_id
        if self.names_a_signature != ("#" in check_id):
            return False
        return fnmatch.fnmatchcase(check_id, self.check)

    def declares_for(self, check: Check, version: tuple[int, ...]) -> bool:
        """Does the entry declare deviations for the programs of this (generated) check?"""
        if not (self.declares_deviations and check.is_generated and self.in_scope(check.area, check.level, version)):
            return False
        return self.check is None or fnmatch.fnmatchcase(check.id, self.check)

    def in_scope_at(self, version: tuple[int, ...]) -> bool:
        return self.before is None or tuple(version) < self.before

    def in_scope(self, area: str, level: str, version: tuple[int, ...]) -> bool:
        if not self.in_scope_at(version):
            return False
        if self.area is not None and self.area != area:
            return False
        return self.level is None or self.level == level


@dataclass(frozen=True)
class Expectations:
    entries: tuple[ExpectedFailure, ...] = ()
    path: Path | None = None

    def __bool__(self) -> bool:
        return bool(self.entries)

    def match(self, check_id: str, version: tuple[int, ...], area: str = "", level: str = "") -> ExpectedFailure | None:
        for entry in self.entries:
            if entry.applies(check_id, area, level, version):
                return entry
        return None

    def listing(self, check: Check, version: tuple[int, ...], signature: str | None = None) -> ExpectedFailure | None:
        """The entry that lists this check as failing (or, given a signature, as differing that way)."""
        check_id = check.id if signature is None else check.signed(signature)
        return self.match(check_id, version, check.area, check.level)

    def declared(self, check: Check, version: tuple[int, ...]) -> frozenset[str]:
        """The deviations the entries declare for the programs of this generated check."""
        entries = [entry for entry in self.entries if entry.declares_for(check, version)]
        return frozenset(name for entry in entries for name in entry.deviations)

    def ways_listed(self, check: Check, version: tuple[int, ...]) -> list[ExpectedFailure]:
        """The entries naming this very check (no pattern) with a way it differs."""
        return [entry for entry in self.entries if entry.names_a_signature and entry.check is not None
                and entry.check.partition("#")[0] == check.id
                and (entry.before is None or tuple(version) < entry.before)]  # fmt: skip

    def unknown_checks(self, check_ids: Collection[str]) -> list[str]:
        """One line for each entry whose `check` names none of these checks (a typo, or a check since renamed)."""
        problems = []
        for entry in self.entries:
            if entry.check is None:
                continue
            pattern = entry.check.partition("#")[0]
            if not any(fnmatch.fnmatchcase(check_id, pattern) for check_id in check_ids):
                problems.append("%s: check = %r names no check of the suite (see the ids: python -m pytest "
                                "conformance --collect-only -q)" % (entry.where, entry.check))  # fmt: skip
        return problems

    @classmethod
    def load(cls, path: Path) -> Expectations:
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise ExpectationsError("cannot read expectations file %s: %s" % (path, error.strerror or error)) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ExpectationsError("expectations file %s is not valid TOML: %s" % (path, error)) from None
        unknown = set(document) - {"expected-failure"}
        if unknown:
            raise ExpectationsError("expectations file %s: unknown table %s" % (path, ", ".join(sorted(unknown))))
        raw_entries = document.get("expected-failure", [])
        if not isinstance(raw_entries, list):
            raise ExpectationsError("expectations file %s: expected-failure must be an array of tables" % path)
        return cls(tuple(_entry(raw, "expectations file %s, entry %d" % (path, n)) for n, raw in
                         enumerate(raw_entries, start=1)), path)  # fmt: skip


def _entry(raw: Any, where: str) -> ExpectedFailure:
    if not isinstance(raw, dict):
        raise ExpectationsError("%s: needs a `check` (or an `area`) and a `reason`, or a `deviation`" % where)
    deviations = _deviations(raw.get("deviation", []), where)
    if not deviations and not (isinstance(raw.get("check"), str) or isinstance(raw.get("area"), str)):
        raise ExpectationsError("%s: needs a `check` (or an `area`) and a `reason`, or a `deviation`" % where)
    reason = raw.get("reason", _default_reason(deviations))
    if not isinstance(reason, str) or not reason.strip():
        raise ExpectationsError("%s: needs a `check` (or an `area`) and a `reason`, or a `deviation`" % where)
    if set(raw) - KNOWN_KEYS:
        raise ExpectationsError("%s: unknown key %s" % (where, ", ".join(sorted(set(raw) - KNOWN_KEYS))))
    if "area" in raw and raw["area"] not in AREAS_BY_SLUG:
        raise ExpectationsError("%s: area = %r is not one of %s" % (where, raw["area"], ", ".join(AREAS_BY_SLUG)))
    if "level" in raw and raw["level"] not in LEVELS:
        raise ExpectationsError("%s: level = %r is not one of %s" % (where, raw["level"], ", ".join(LEVELS)))
    before = None
    if "before" in raw:
        try:
            before = tuple(int(part) for part in str(raw["before"]).split("."))
        except ValueError:
            raise ExpectationsError("%s: before = %r is not a version" % (where, raw["before"])) from None
    link = raw.get("link")
    intermittent = raw.get("intermittent", False)
    if not isinstance(intermittent, bool):
        raise ExpectationsError("%s: intermittent = %r is not true or false" % (where, intermittent))
    return ExpectedFailure(raw.get("check"), reason, str(link) if link else None, before, raw.get("area"),
                           raw.get("level"), where, deviations, intermittent)  # fmt: skip


def _default_reason(deviations: tuple[str, ...]) -> str:
    """The reason of an entry declaring deviations without one: what they say the implementation does."""
    return "; ".join(DEVIATIONS[name].behaves_as for name in deviations)


def _deviations(raw: Any, where: str) -> tuple[str, ...]:
    """`deviation = "name"` or `deviation = ["name", ...]`: names from conformance/model/deviations.py."""
    names = [raw] if isinstance(raw, str) else raw
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ExpectationsError("%s: deviation must be a deviation's name or a list of them" % where)
    unknown = [name for name in names if name not in DEVIATIONS]
    if unknown:
        raise ExpectationsError("%s: deviation = %r is not one of the deviations (%s)" % (
            where, unknown[0], ", ".join(sorted(DEVIATIONS))))  # fmt: skip
    return tuple(sorted(set(names)))


# -- writing: --update-expectations ----------------------------------------------------

HEADER = """\
# Known differences of {label} from the rules the closure conformance suite checks.
# Written by --update-expectations from the run of {started}; edit the reasons freely:
# a later --update-expectations keeps them, drops entries whose checks now pass, and
# adds the checks that newly fail. Format: conformance/engine/expectations.py.
"""


def updated(current: Expectations, entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The expectation entries after a run whose results entries are given.

    Kept: every entry that still matched a failure, and every entry this run could
    not judge (its checks did not run, or a generated difference was not met).
    Dropped: entries all of whose checks passed unexpectedly, and deviations declared
    that explained nothing. Added: a `deviation` entry for each deviation that explained
    a program and is not declared yet, and one entry per check (or generated difference)
    that failed in a way no deviation explains.
    """
    passed_again: dict[int, bool] = {}
    added: list[dict[str, Any]] = []
    explanations: list[tuple[list[tuple[str, ...]], int]] = []  # each new way's explanations, and its programs
    unused: set[str] = set()  # deviations declared that explained nothing
    for entry in entries:
        if entry["id"].startswith(DEVIATION_RECORD):
            if entry["outcome"] == "xpassed":
                unused.add(entry["id"].removeprefix(DEVIATION_RECORD))
            continue
        listed = entry.get("expectation")
        index = _index_of(current, listed)
        if entry["outcome"] == "xpassed" and index is not None:
            passed_again.setdefault(index, True)
        elif entry["outcome"] == "xfailed" and index is not None:
            passed_again[index] = False
        for known in entry.get("known_differences", []):
            position = _index_of(current, known.get("expectation"))
            if position is not None:
                passed_again[position] = False
        new = entry.get("new_differences")
        if new:
            explanations += [([tuple(n["deviations"]), *map(tuple, n.get("alternatives", []))], int(n["programs"]))
                             for n in new if n.get("deviations")]  # fmt: skip
            added += [{"check": signed(entry["id"], n["signature"]), "reason": "observed: %s" % n["headline"]}
                      for n in new if not n.get("deviations")]  # fmt: skip
        elif entry["outcome"] in ("failed", "error") and index is None:
            added.append(_new_entry(entry))
    for index, declaring in enumerate(current.entries):
        if declaring.declares_deviations and set(declaring.deviations) <= unused:
            passed_again[index] = True
    declared = {name for e in current.entries if e.declares_deviations for name in e.deviations}
    added = [{"deviation": name} for name in sorted(_fewest_deviations(explanations) - declared)] + added
    kept = [_as_table(e) for n, e in enumerate(current.entries) if not passed_again.get(n, False)]
    return kept + added


def _fewest_deviations(explanations: list[tuple[list[tuple[str, ...]], int]]) -> set[str]:
    """Deviations that explain every way of differing, each by one of its explanations: where a program
    does not tell deviations apart, the one that explains the most programs of the run is chosen."""
    weight: dict[str, int] = {}
    for alternatives, programs in explanations:
        for name in {name for names in alternatives for name in names}:
            weight[name] = weight.get(name, 0) + programs
    chosen: set[str] = set()
    for alternatives, _ in explanations:
        chosen.update(max(alternatives, key=lambda names: (sum(weight[name] for name in names), names)))
    return chosen


def _index_of(current: Expectations, listed: Any) -> int | None:
    """Which entry of the file a results entry's `expectation` record names."""
    if not isinstance(listed, dict):
        return None
    key = {name: listed[name] for name in ("check", "area", "level") if listed.get(name) is not None}
    for index, entry in enumerate(current.entries):
        if entry.key() == key:
            return index
    return None


def _new_entry(entry: dict[str, Any]) -> dict[str, Any]:
    failure: dict[str, Any] = entry["failure"] if isinstance(entry.get("failure"), dict) else {}
    check = entry["id"]
    if failure.get("signature") and entry["id"].startswith(GENERATED):
        check = signed(check, failure["signature"])
    what = str(failure.get("headline") or entry.get("message") or entry.get("description") or "").strip()
    reason = "observed: %s" % what.splitlines()[0][:200] if what else "fails (added by --update-expectations)"
    return {"check": check, "reason": reason}


def _as_table(entry: ExpectedFailure) -> dict[str, Any]:
    table: dict[str, Any] = {name: value for name, value in entry.key().items() if name != "deviation"}
    if entry.deviations:
        table["deviation"] = entry.deviations[0] if len(entry.deviations) == 1 else list(entry.deviations)
    if not entry.deviations or entry.reason != _default_reason(entry.deviations):
        table["reason"] = entry.reason
    if entry.link:
        table["link"] = entry.link
    if entry.before:
        table["before"] = ".".join(str(part) for part in entry.before)
    return table


def render_toml(tables: list[dict[str, Any]], label: str, started: str) -> str:
    """The entries as an expectations file (TOML strings written with JSON's escapes, which TOML shares)."""
    lines = [HEADER.format(label=label, started=started)]
    for table in tables:
        lines.append("[[expected-failure]]")
        lines += ["%s = %s" % (key, json.dumps(value if isinstance(value, list) else str(value), ensure_ascii=False))
                  for key, value in table.items()]  # fmt: skip
        lines.append("")
    return "\n".join(lines)
