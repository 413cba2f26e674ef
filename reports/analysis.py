"""From runs to what the report shows: interpreters, areas, differences, interop, history.

Rules, each in one place:

- Runs are grouped by interpreter label. An interpreter's *current* run is its
  latest (by start time); earlier runs feed only its history.
- A check *conforms* when it passed or passed unexpectedly (xpassed); it
  *differs* when it failed, failed as expected (xfailed: a known difference) or
  errored; a skipped check was not run and counts for neither. A score is
  conforming / (conforming + differing), per level.
- A *difference* is one check failing in one way: the check id and what was
  observed against what was expected (memory addresses blotted out). The same
  difference on several interpreters has one id, so it is recognisably the same.
- Interop: for each check, on how many of all the interpreters it conforms (as on
  wpt.fyi, not running a check is not passing it).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from conformance.engine.schema import DEVIATION_RECORD, LEVELS, is_generated
from reports.load import Run

CONFORMING = frozenset({"passed", "xpassed"})
DIFFERING = frozenset({"failed", "xfailed", "error"})


def conforms(outcome: str) -> bool | None:
    """True, False, or None for a check that was not run."""
    if outcome in CONFORMING:
        return True
    if outcome in DIFFERING:
        return False
    return None


@dataclass(frozen=True)
class Score:
    conforming: int = 0
    differing: int = 0  # known differences (xfailed) included
    skipped: int = 0
    unexpected: int = 0  # failed or errored: not in the expectations
    unsupported: int = 0  # of the skipped: the target lacks what they observe

    @property
    def known(self) -> int:
        return self.differing - self.unexpected

    @property
    def colour(self) -> str:
        """red: unexpected failures, amber: only known differences, green: all conform, grey: nothing ran."""
        if not self.run:
            return "skip"
        return "fail" if self.unexpected else "known" if self.differing else "pass"

    @property
    def run(self) -> int:
        return self.conforming + self.differing

    @property
    def rate(self) -> float | None:
        return self.conforming / self.run if self.run else None

    def percent(self) -> str:
        rate = self.rate
        return "-" if rate is None else "%.1f%%" % (100 * rate)


def score(entries: list[dict[str, Any]]) -> Score:
    verdicts = Counter(conforms(entry["outcome"]) for entry in entries)
    unexpected = sum(entry["outcome"] in ("failed", "error") for entry in entries)
    unsupported = sum(bool(entry.get("unsupported")) for entry in entries if entry["outcome"] == "skipped")
    return Score(verdicts[True], verdicts[False], verdicts[None], unexpected, unsupported)


def scores_by_level(entries: list[dict[str, Any]]) -> dict[str, Score]:
    return {level: score([e for e in entries if e["level"] == level]) for level in LEVELS}


@dataclass(frozen=True)
class Area:
    slug: str
    title: str


@dataclass
class HistoryPoint:
    run: Run
    scores: dict[str, Score]
    total: Score


@dataclass
class Changes:
    """What changed in an interpreter's current run since its previous one, on the checks both ran."""

    previous: Run
    new_failures: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    added: int = 0
    removed: int = 0

    def __bool__(self) -> bool:
        return bool(self.new_failures or self.fixed or self.added or self.removed)


@dataclass
class Interpreter:
    label: str
    slug: str  # file-name safe, unique in the report
    short: str  # a column heading: 3.12, pypy3.9
    runs: list[Run]  # oldest first; the last is the current one
    checks: dict[str, dict[str, Any]]  # id -> results entry of the current run
    history: list[HistoryPoint]
    changes: Changes | None
    deviations: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> record of a declared deviation

    @property
    def current(self) -> Run:
        return self.runs[-1]

    @property
    def version_line(self) -> str:
        return str(self.current.interpreter.get("sys_version", "")).split("\n")[0]

    def entries(self) -> list[dict[str, Any]]:
        return list(self.checks.values())

    def lacks(self) -> list[str]:
        """Capabilities the interpreter's handshake said it does not have."""
        capabilities = self.current.interpreter.get("capabilities")
        if not isinstance(capabilities, dict):
            return []
        return sorted(str(name) for name, present in capabilities.items() if present is False)


@dataclass
class Difference:
    key: str  # stable: d-<hex> from the check id and the failure
    check_id: str
    area: str
    level: str
    description: str
    spec: str
    failure: dict[str, Any] | None  # the representative failure record, or None (an error without one)
    message: str  # for an error without a failure record
    rows: list[tuple[str, str, str]]  # (what, expected, observed)
    occurrences: dict[str, dict[str, Any]] = field(default_factory=dict)  # interpreter label -> entry

    @property
    def generated(self) -> bool:
        """A property over generated programs (a case is titled by its description instead)."""
        return is_generated(self.check_id) and self.failure is not None

    @property
    def title(self) -> str:
        """What to call it: a generated program's first disagreement, a case's description."""
        return self.headline if self.generated else (self.description or self.check_id)

    @property
    def headline(self) -> str:
        """The first disagreement in a sentence: what, expected, observed."""
        if not self.rows:
            return ""
        what, expected, observed = self.rows[0]
        return "%s: expected %s, observed %s" % (what or "result", expected, observed)


@dataclass
class CheckRow:
    """One check across all interpreters, for an area page and the interop counts."""

    check_id: str
    area: str
    level: str
    description: str
    outcomes: dict[str, dict[str, Any]]  # interpreter label -> entry

    @property
    def ran(self) -> int:
        return sum(conforms(entry["outcome"]) is not None for entry in self.outcomes.values())

    @property
    def conforming(self) -> int:
        return sum(bool(conforms(entry["outcome"])) for entry in self.outcomes.values())


@dataclass
class DeviationRow:
    """One deviation across the interpreters: the catalogue's document, and where it explained programs."""

    name: str
    document: dict[str, Any]  # behaves_as, rule, cause, workaround, links, seen
    declared: dict[str, dict[str, Any]] = field(default_factory=dict)  # label -> its deviation record
    undeclared: dict[str, int] = field(default_factory=dict)  # label -> differences it explains, not declared

    def programs(self, label: str) -> int:
        return int(self.declared.get(label, {}).get("programs", 0)) + self.undeclared.get(label, 0)

    def example(self, label: str) -> str:
        """The interpreter's shortest program this deviation explained (the minimal one, when shrunk)."""
        known = self.declared.get(label, {}).get("known_differences", [])
        programs = [str(k.get("program", "")) for k in known if isinstance(k, dict) and k.get("program")]
        return min(programs, key=len, default="")


@dataclass
class Report:
    interpreters: list[Interpreter]
    areas: list[Area]
    checks: list[CheckRow]
    differences: list[Difference]
    problems: list[str]
    deviations: list[DeviationRow] = field(default_factory=list)

    def bug_reports(self) -> list[Difference]:
        """The differences no deviation explains: each one a bug report to file (or a deviation to name).
        Explained: by the diagnosis of the failure, or, for a case, by the deviation its expectations entry names."""
        return [d for d in self.differences if d.failure is not None and d.failure.get("diagnosis") != "explained"
                and not all(_attributed(entry) for entry in d.occurrences.values())]  # fmt: skip

    def conforming_on(self, difference: Difference) -> list[str]:
        """The interpreters that ran the difference's check and conformed."""
        row = next((row for row in self.checks if row.check_id == difference.check_id), None)
        return [label for label, entry in (row.outcomes.items() if row else ()) if conforms(entry["outcome"])]

    def interpreter(self, label: str) -> Interpreter:
        return next(interpreter for interpreter in self.interpreters if interpreter.label == label)

    def elsewhere(self, difference: Difference) -> list[tuple[str, dict[str, Any]]]:
        """The difference's program as every other interpreter of the run ran it (conformance/crosscheck.py):
        (what to call the interpreter, its outcome), those that differ first."""
        found = (difference.failure or {}).get("elsewhere")
        if not isinstance(found, dict):
            return []
        names = {i.label: str(i.version_line or i.label) for i in self.interpreters}
        rows = [(names.get(str(label)) or str(label), run) for label, run in found.items() if isinstance(run, dict)]
        return sorted(rows, key=lambda row: (row[1].get("outcome") == "agrees", row[0]))

    def differences_of(self, label: str) -> list[Difference]:
        return [difference for difference in self.differences if label in difference.occurrences]

    def difference_of(self, label: str, check_id: str) -> Difference | None:
        return next((d for d in self.differences if d.check_id == check_id and label in d.occurrences), None)

    def area_entries(self, label: str, area: str) -> list[dict[str, Any]]:
        return [entry for entry in self.interpreter(label).entries() if entry["area"] == area]

    def commits(self) -> list[str]:
        return sorted({run.commit or "unknown" for interpreter in self.interpreters for run in [interpreter.current]})

    def known_count(self, label: str) -> int:
        """How many of the interpreter's differences are known (listed in its expectations)."""
        return sum(d.occurrences[label]["outcome"] == "xfailed" for d in self.differences_of(label))

    def interop(self) -> dict[str, Counter[int]]:
        """Per level: how many checks conform on exactly N of all the interpreters (not run: not passing)."""
        counts: dict[str, Counter[int]] = {level: Counter() for level in LEVELS}
        for row in self.checks:
            if row.level in counts:
                counts[row.level][row.conforming] += 1
        return counts

    def area_interop(self, area: str) -> tuple[int, int]:
        """(checks that differ on no interpreter that ran them, checks run anywhere) in one area."""
        rows = [row for row in self.checks if row.area == area and row.ran]
        return sum(row.conforming == row.ran for row in rows), len(rows)


ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def failure_rows(failure: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Expected against observed, one row per probe or expectation that disagreed.

    Consecutive probes that disagree in the same way (all "never reached" after a
    compile error, say) share one row: "p2 ... p9 probe".
    """
    if isinstance(failure.get("differences"), list):  # every failure from version 2 on: per probe and facet
        rows: list[tuple[str, str, str, str, str]] = []  # first probe, last probe, facet, expected, observed
        for d in failure["differences"]:
            if not isinstance(d, dict):
                continue
            probe, facet, expected, observed = (
                str(d.get(key, "")) for key in ("probe", "facet", "expected", "observed")
            )
            if rows and rows[-1][2:] == (facet, expected, observed):
                rows[-1] = (rows[-1][0], probe, facet, expected, observed)
            else:
                rows.append((probe, probe, facet, expected, observed))
        return [
            ("%s %s" % (first if first == last else "%s ... %s" % (first, last), facet), expected, observed)
            for first, last, facet, expected, observed in rows
        ]
    if isinstance(failure.get("mismatches"), list):  # a case's failure in a version 1 file: per expectation line
        return [
            (str(m.get("expectation", "")), str(m.get("expected")), str(m.get("observed")))
            for m in failure["mismatches"]
            if isinstance(m, dict)
        ]
    return [("", str(failure.get("expected", "")), str(failure.get("observed", "")))]


def difference_key(entry: dict[str, Any]) -> str:
    failure = entry.get("failure")
    if isinstance(failure, dict):
        what = [str(failure.get(key, "")) for key in ("program", "expected", "observed")]
    else:  # an error, or a property that met only listed differences: the ways it met them
        what = [entry["outcome"] if entry["outcome"] != "xfailed" else "failed"]
        what += sorted(str(k.get("signature")) for k in entry.get("known_differences", []) if isinstance(k, dict))
    text = ADDRESS.sub("0x?", "\0".join([entry["id"], *what]))
    return "d-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def short_name(label: str) -> str:
    """cpython-3.12.1 -> 3.12, pypy-3.9.16 -> pypy3.9: a column heading."""
    implementation, _, version = label.partition("-")
    short = ".".join(version.split(".")[:2])
    return short if implementation == "cpython" else implementation + short


def version_key(label: str) -> tuple[bool, str, tuple[int, ...], str]:
    """CPython first, by version; then other implementations by name and version."""
    implementation, _, version = label.partition("-")
    numbers = tuple(int(part) for part in re.findall(r"\d+", version))
    return (implementation != "cpython", implementation, numbers, label)


def safe_slug(text: str, taken: set[str]) -> str:
    """A file-name part made of [A-Za-z0-9._-] only, unique among `taken` (which it joins)."""
    slug = re.sub(r"[^A-Za-z0-9._-]", "_", text).strip(".") or "_"
    if slug != text or slug in taken:
        slug = "%s-%s" % (slug[:60], hashlib.sha256(text.encode("utf-8")).hexdigest()[:6])
    while slug in taken:
        slug += "_"
    taken.add(slug)
    return slug


def _history(runs: list[Run]) -> list[HistoryPoint]:
    return [HistoryPoint(run, scores_by_level(run.results), score(run.results)) for run in runs]


def _changes(runs: list[Run]) -> Changes | None:
    if len(runs) < 2:
        return None
    previous_run, current_run = runs[-2], runs[-1]
    before = {entry["id"]: conforms(entry["outcome"]) for entry in previous_run.results}
    now = {entry["id"]: conforms(entry["outcome"]) for entry in current_run.results}
    changes = Changes(previous=previous_run)
    for check_id, verdict in now.items():
        if check_id not in before:
            changes.added += 1
        elif before[check_id] is True and verdict is False:
            changes.new_failures.append(check_id)
        elif before[check_id] is False and verdict is True:
            changes.fixed.append(check_id)
    if current_run.status == "complete":  # an interrupted run did not get to the rest: not removed, just not run
        changes.removed = sum(check_id not in now for check_id in before)
    return changes


def _areas(runs: list[Run], used: set[str]) -> list[Area]:
    """The areas in the newest catalogue found, then any others the results use."""
    areas: dict[str, str] = {}
    for run in sorted(runs, key=lambda run: run.started, reverse=True):
        catalogue = run.document.get("areas")
        if not isinstance(catalogue, list):
            continue
        for item in catalogue:
            if isinstance(item, dict) and isinstance(item.get("slug"), str):
                areas.setdefault(item["slug"], str(item.get("title") or item["slug"]))
    for slug in sorted(used - set(areas)):
        areas[slug] = slug
    return [Area(slug, title) for slug, title in areas.items() if slug in used]


def analyse(runs: list[Run], problems: list[str]) -> Report:
    by_label: dict[str, list[Run]] = {}
    for run in runs:
        by_label.setdefault(run.label, []).append(run)
    taken: set[str] = set()
    interpreters = []
    for label in sorted(by_label, key=version_key):
        label_runs = sorted(by_label[label], key=lambda run: run.started)
        results = label_runs[-1].results
        checks = {entry["id"]: entry for entry in results if not entry["id"].startswith(DEVIATION_RECORD)}
        deviations = {
            entry["id"].removeprefix(DEVIATION_RECORD): entry for entry in results if entry["id"] not in checks
        }
        interpreters.append(
            Interpreter(
                label=label,
                slug=safe_slug(label, taken),
                short=short_name(label),
                runs=label_runs,
                checks=checks,
                history=_history(label_runs),
                changes=_changes(label_runs),
                deviations=deviations,
            )
        )

    rows: dict[str, CheckRow] = {}
    differences: dict[str, Difference] = {}
    for interpreter in interpreters:
        for entry in interpreter.entries():
            row = rows.get(entry["id"])
            if row is None:
                row = rows[entry["id"]] = CheckRow(
                    entry["id"], entry["area"], entry["level"], str(entry.get("description", "")), {}
                )
            row.outcomes[interpreter.label] = entry
            if conforms(entry["outcome"]) is False:
                key = difference_key(entry)
                if key not in differences:
                    failure = entry.get("failure") if isinstance(entry.get("failure"), dict) else None
                    differences[key] = Difference(
                        key=key,
                        check_id=entry["id"],
                        area=entry["area"],
                        level=entry["level"],
                        description=str(entry.get("description", "")),
                        spec=str(entry.get("spec", "")),
                        failure=failure,
                        message=str(entry.get("message", "")),
                        rows=failure_rows(failure) if failure else [],
                    )
                differences[key].occurrences[interpreter.label] = entry

    used = {row.area for row in rows.values()}
    areas = _areas(runs, used)
    order = {area.slug: index for index, area in enumerate(areas)}
    level_order = {level: index for index, level in enumerate(LEVELS)}

    def check_order(check_id: str, area: str, level: str) -> tuple[int, int, str]:
        return (order.get(area, len(order)), level_order.get(level, len(LEVELS)), check_id)

    return Report(
        interpreters=interpreters,
        areas=areas,
        checks=sorted(rows.values(), key=lambda row: check_order(row.check_id, row.area, row.level)),
        differences=sorted(differences.values(), key=lambda d: check_order(d.check_id, d.area, d.level)),
        problems=problems,
        deviations=_deviations(runs, interpreters),
    )


def _attributed(entry: dict[str, Any]) -> bool:
    """Is the check's failure put down to a deviation by the expectations entry that lists it?"""
    listed = entry.get("expectation")
    return isinstance(listed, dict) and bool(listed.get("deviation"))


def _deviations(runs: list[Run], interpreters: list[Interpreter]) -> list[DeviationRow]:
    """Every deviation of the catalogues the runs carry, with what it explained on each interpreter."""
    catalogue: dict[str, dict[str, Any]] = {}
    for run in sorted(runs, key=lambda run: run.started):  # the newest document of each deviation
        found = run.document.get("deviations")
        if isinstance(found, dict):
            catalogue.update({str(name): doc for name, doc in found.items() if isinstance(doc, dict)})
    rows = {name: DeviationRow(name, catalogue[name]) for name in sorted(catalogue)}
    for interpreter in interpreters:
        for name, record in interpreter.deviations.items():
            if name in rows:
                rows[name].declared[interpreter.label] = record
        for entry in interpreter.entries():
            failure = entry.get("failure")
            if entry["outcome"] == "failed" and isinstance(failure, dict) and failure.get("diagnosis") == "explained":
                for name in failure.get("deviations", []):
                    if name in rows:
                        rows[name].undeclared[interpreter.label] = rows[name].undeclared.get(interpreter.label, 0) + 1
    return list(rows.values())
