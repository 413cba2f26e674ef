"""One check as it runs: its record, and what each program that differs means for it.

A check (a case, or a generated property over many programs) meets programs that
differ. Each one is, by the expectations file:

- a *known* difference when the deviations the expectations declare for the check
  explain exactly what it observed (conformance/engine/diagnose.py), or when they
  list its way of differing (its signature): counted, and the check goes on;
- under --update-expectations, a *new* way of differing, collected (its first
  program shrunk) for the file to be written, and the check goes on;
- otherwise the check's failure: shrunk to a minimal program, recorded, reported.

The check ends as an `Ending` when it does not simply pass; the client (the pytest
plugin) turns an ending into its own outcome.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conformance.engine.catalog import GENERATED
from conformance.engine.checks import Check
from conformance.engine.expectations import Expectations, ExpectedFailure
from conformance.engine.records import CheckRecord, Failure, Tally
from conformance.engine.schema import DEVIATION_RECORD
from conformance.model.deviations import DEVIATIONS


@dataclass(frozen=True)
class Ending:
    """How a check ends when it does not pass: "skip" (does not apply, or unsupported) or "fail"."""

    kind: str
    text: str


@dataclass
class Examples:
    """The deviations whose example has been shrunk in this session: one minimal program each is enough."""

    shrunk: set[str] = field(default_factory=set)


class CheckRun:
    def __init__(self, check: Check, expectations: Expectations, version: tuple[int, ...],
                 collecting: bool = False, examples: Examples | None = None) -> None:  # fmt: skip
        self.record = CheckRecord(check)
        self.expectations = expectations
        self.version = version
        # --update-expectations: a property collects every way it differs (a case fails, and is listed by its id)
        self.collecting = collecting and check.is_generated
        self.declared = expectations.declared(check, version) if check.is_generated else frozenset()
        self.examples = examples if examples is not None else Examples()

    @property
    def check(self) -> Check:
        return self.record.check

    def describe(self, description: str, spec: str, path: str = "") -> None:
        self.record.description, self.record.spec, self.record.path = description, spec, path

    def unsupported(self, capabilities: list[str]) -> Ending:
        """The target lacks what the check observes: not run, recorded as unsupported (not as a failure)."""
        self.record.unsupported = list(capabilities)
        return Ending("skip", "unsupported: the target lacks %s" % ", ".join(capabilities))

    def count(self, programs: int) -> None:
        self.record.programs += programs

    def meet(self, failure: Failure, minimal: Callable[[], Failure]) -> Failure | None:
        """A program differed: None when that is known (or collected), else the minimal failure to report.

        It is known when the deviations that explain it are declared: the diagnosis tries the declared
        ones first (conformance/engine/properties.py, Property._against_model).
        """
        explanation = self._declared_explanation(failure)
        if explanation is not None:
            if len(explanation) == 1 and explanation[0] not in self.examples.shrunk:
                self.examples.shrunk.add(explanation[0])  # the deviation's minimal program, for the report
                failure = minimal()
            declaring = self._declaring(explanation)
            _tally(self.record.known_differences, failure, expectation=declaring.key(), reason=declaring.reason,
                   deviations=explanation)  # fmt: skip
            return None
        entry = self.expectations.listing(self.check, self.version, failure.signature)
        if entry is not None:
            _tally(self.record.known_differences, failure, expectation=entry.key(), reason=entry.reason)
            return None
        if failure.undetermined:  # (the model cannot say what the declared deviations make of it: not judged)
            _tally(self.record.undetermined, failure, reason=failure.undetermined)
            return None
        if self.collecting:
            # (a deviation's entry needs no program: only the new ways no deviation explains are shrunk)
            if failure.deviations is None and not any(
                _same_way(tally, failure) for tally in self.record.new_differences
            ):
                failure = minimal()
            _tally(self.record.new_differences, failure, deviations=failure.deviations)
            return None
        self.record.failure = minimal()
        return self.record.failure

    def _declared_explanation(self, failure: Failure) -> tuple[str, ...] | None:
        """The deviations declared for this check that explain the program exactly, if any do."""
        if failure.deviations and self.declared.issuperset(failure.deviations):
            return failure.deviations
        return None

    def _declaring(self, explanation: tuple[str, ...]) -> ExpectedFailure:
        """The first entry declaring one of these deviations for this check."""
        return next(entry for entry in self.expectations.entries if entry.declares_for(self.check, self.version)
                    and set(entry.deviations) & set(explanation))  # fmt: skip

    def conformed(self) -> Ending | None:
        """The check ran without a difference: a pass, unless the expectations say it differs in a named way.

        Only a deterministic check (a case) can say so: a property that did not meet a listed
        way this time may meet it next time.
        """
        if self.check.is_generated:
            return None
        listed = [entry for entry in self.expectations.ways_listed(self.check, self.version) if not entry.intermittent]
        if not listed:
            return None
        self.record.unexpected_pass = listed[0].describe()
        return Ending("fail", "%s is listed as differing (%s) but conforms: remove the entry from %s" % (
            self.check.id, listed[0].check, self.expectations.path or "the expectations"))  # fmt: skip


def _same_way(tally: Tally, failure: Failure) -> bool:
    """Did the program differ in the tally's way: explained by the same deviations, or with the same signature?"""
    if tally.deviations is not None or failure.deviations is not None:
        return tally.deviations == failure.deviations
    return tally.signature == failure.signature


def _tally(tallies: list[Tally], failure: Failure, expectation: dict[str, str] | None = None, reason: str = "",
           deviations: tuple[str, ...] | None = None) -> None:  # fmt: skip
    """One more program that differed this way, keeping the shortest as the example."""
    seen = next((tally for tally in tallies if tally.deviations == deviations
                 and (deviations is not None or tally.signature == failure.signature)), None)  # fmt: skip
    if seen is not None:
        seen.count(failure.program)
    else:
        tallies.append(Tally(failure.signature, 1, failure.program, failure.headline, expectation, reason, deviations,
                             failure.alternatives if deviations == failure.deviations else ()))  # fmt: skip


def failure_text(title: str, failure: Failure, program_heading: str) -> str:
    """A failure as a person reads it in the terminal: what differs, the program, how to see it again."""
    lines = ["%s:" % title]
    lines += ["  %s" % difference.describe() for difference in failure.differences]
    if failure.fault is not None:
        lines += failure.fault.lines()
    if failure.output:
        lines.append("  the program printed: %r" % failure.output)
    if failure.diagnosed:
        lines.append("  diagnosis: %s" % explanation_text(failure.deviations))
    lines.append("  %s:" % program_heading)
    lines += ["    " + line for line in failure.program.splitlines()]
    lines.append("  reproduce: %s" % failure.repro)
    if failure.replay and failure.replay != failure.repro:
        lines.append("  replay: %s" % failure.replay)
    return "\n".join(lines)


def explanation_text(deviations: tuple[str, ...] | None) -> str:
    """A diagnosis in words, for people."""
    if deviations is None:
        return "no deviation explains it (a new difference: conformance/model/deviations.py lists those known)"
    return "explained by the deviation%s %s (conformance/model/deviations.py)" % (
        "s" if len(deviations) > 1 else "",
        " + ".join(deviations),
    )


# -- the declared deviations, at the end of a run ---------------------------------------


def deviation_records(expectations: Expectations, version: tuple[int, ...], results: list[dict[str, Any]],
                      complete: bool) -> list[CheckRecord]:  # fmt: skip
    """One record per deviation the expectations declare: what it explained in this run.

    Its programs are those of generated checks it explained, and the cases listed with it; its
    known_differences, those tallies (with their minimal examples). It is an expected failure when it
    explained something. It is unexpectedly passing when it explained nothing though programs of the
    run showed the target following its rule (programs that agreed with the model where the model with
    the deviation predicts otherwise: CheckRecord.rules_followed), in a run of every generated check it
    is declared for: the implementation no longer departs from that rule, remove the entry. Otherwise
    this run cannot tell (no program reached the rule in a way that tells, or checks did not run): no record.
    """
    by_id = {entry["id"]: entry for entry in results}
    records = []
    for name in sorted({name for entry in expectations.entries for name in entry.deviations}):
        declaring = [e for e in expectations.entries if name in e.deviations and e.in_scope_at(version)]
        if not declaring:
            continue
        deviation = DEVIATIONS[name]
        record = CheckRecord(Check(DEVIATION_RECORD + name, "suite", "language"), description=deviation.behaves_as,
                             spec=deviation.rule)  # fmt: skip
        followed = []  # programs that showed its rule followed, one per check
        for entry in results:
            for tally in map(Tally.from_json, entry.get("known_differences", [])):
                if tally.deviations is not None and name in tally.deviations:  # (its signature: the check's id)
                    record.known_differences.append(dataclasses.replace(tally, signature=entry["id"]))
                    record.programs += tally.programs
            if name in entry.get("rules_followed", {}):
                followed.append(entry["rules_followed"][name])
            listed = entry.get("expectation")  # a case its entry puts down to the deviation
            if entry["outcome"] == "xfailed" and isinstance(listed, dict) and name in str(listed.get("deviation", "")):
                record.programs += 1
                record.known_differences.append(Tally(entry["id"], 1, "", "", listed, str(listed.get("reason", ""))))
        in_scope = [Check.generated(area, level) for area, level in GENERATED]
        applies = [check.id for check in in_scope if any(e.declares_for(check, version) for e in declaring)]
        judged = complete and all(by_id.get(check_id, {}).get("outcome") not in (None, "skipped", "error")
                                  for check_id in applies)  # fmt: skip
        if record.programs:
            record.outcome = "xfailed"
        elif followed and judged:
            record.outcome = "xpassed"
            where = expectations.path or "the expectations"
            record.unexpected_pass = (
                "declared (%s) but explained no program, and %d check(s) met programs that follow its rule: "
                "remove it from %s, or narrow its rule; a program that follows it:\n%s"
                % (declaring[0].where, len(followed), where, followed[0])
            )
        else:
            continue  # this run cannot tell: no program reached its rule in a way that tells, or checks did not run
        records.append(record)
    return records
