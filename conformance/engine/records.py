"""What the engine hands on: differences, failures, and the record of a check, with their JSON forms.

The JSON forms are those of the results file (conformance/engine/schema.py); a
record is turned into JSON only here, and read back only here (a pytest-xdist
worker's records reach the controller as JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from conformance.engine.checks import Check, signature
from conformance.host.protocol import Fault


@dataclass(frozen=True)
class Difference:
    """One thing a program observed otherwise than it must, at one level."""

    level: str
    probe: str  # a probe label, or "program"
    facet: str  # what differs: "value", "exception", "__closure__", "cell x", ...
    expected: str
    observed: str

    def describe(self) -> str:
        return "%s %s [%s]: expected %s, observed %s" % (self.probe, self.facet, self.level, self.expected,
                                                         self.observed)  # fmt: skip

    def to_json(self) -> dict[str, str]:
        return {"level": self.level, "probe": self.probe, "facet": self.facet, "expected": self.expected,
                "observed": self.observed}  # fmt: skip

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Difference:
        return cls(*(str(document[key]) for key in ("level", "probe", "facet", "expected", "observed")))


@dataclass(frozen=True)
class Failure:
    """How one program differed: the program, against what, every difference, and how to see it again."""

    program: str
    differences: tuple[Difference, ...]
    against: str  # "the Language Reference", "the case's expectations", "the reference interpreter ..."
    fault: Fault | None = None  # the program crashed, hung or broke the protocol
    output: str = ""  # what the program printed
    repro: str = ""  # one command that shows it again
    replay: str = ""  # the pytest command that runs the check again
    repro_script: str = ""  # a standalone script, for generated programs
    # The diagnosis (conformance/engine/diagnose.py) of a difference from the model: the deviations that
    # explain it, or None when none does. Not diagnosed (a case, a --reference comparison): `diagnosed` is False.
    deviations: tuple[str, ...] | None = None
    diagnosed: bool = False
    alternatives: tuple[tuple[str, ...], ...] = ()  # other sets of as many deviations that explain it as well
    # explained by no deviation, and left open by the model under the deviations declared for the target: why
    # (diagnose.left_open); "" otherwise
    undetermined: str = ""
    # what the program was judged against, in the runner's result format (the model's prediction for a generated
    # program): what conformance/crosscheck.py compares other interpreters' runs of the program with
    expected_result: dict[str, Any] | None = None

    @property
    def explained(self) -> bool:
        return self.deviations is not None

    @property
    def signature(self) -> str:
        return signature(self.differences)

    @property
    def headline(self) -> str:
        first = self.differences[0]
        return "%s %s: expected %s, observed %s" % (first.probe, first.facet, first.expected, first.observed)

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "program": self.program,
            "against": self.against,
            "differences": [difference.to_json() for difference in self.differences],
            "signature": self.signature,
            "headline": self.headline,
            "expected": "\n".join("%s %s: %s" % (d.probe, d.facet, d.expected) for d in self.differences),
            "observed": "\n".join("%s %s: %s" % (d.probe, d.facet, d.observed) for d in self.differences),
            "repro": self.repro,
        }
        for key in ("replay", "repro_script", "output"):
            if getattr(self, key):
                document[key] = getattr(self, key)
        if self.fault is not None:
            document["fault"] = self.fault.to_json()
        if self.diagnosed:
            document["diagnosis"] = "explained" if self.deviations is not None else "unexplained"
            document["deviations"] = list(self.deviations or ())
        if self.alternatives:
            document["alternatives"] = [list(names) for names in self.alternatives]
        if self.undetermined:
            document["undetermined"] = self.undetermined
        if self.expected_result is not None:
            document["expected_result"] = self.expected_result
        return document

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Failure:
        fault = document.get("fault")
        diagnosis = document.get("diagnosis")
        return cls(
            program=str(document["program"]),
            differences=tuple(Difference.from_json(d) for d in document["differences"]),
            against=str(document.get("against", "")),
            fault=Fault.from_json(fault) if isinstance(fault, dict) else None,
            output=str(document.get("output", "")),
            repro=str(document.get("repro", "")),
            replay=str(document.get("replay", "")),
            repro_script=str(document.get("repro_script", "")),
            deviations=tuple(map(str, document.get("deviations", ()))) if diagnosis == "explained" else None,
            diagnosed=diagnosis in ("explained", "unexplained"),
            alternatives=_explanations(document.get("alternatives")),
            undetermined=str(document.get("undetermined", "")),
            expected_result=document["expected_result"] if isinstance(document.get("expected_result"), dict) else None,
        )


def _explanations(raw: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(map(str, names)) for names in raw if isinstance(names, list)) if isinstance(raw, list) else ()


@dataclass
class Tally:
    """The programs of one check that differed in one way: how many, and the shortest of them.

    A way is a signature, or, for programs that deviations explain, the deviations (then the
    signature is the example's).
    """

    signature: str
    programs: int
    program: str
    headline: str = ""
    expectation: dict[str, Any] | None = None  # the expectations entry that lists this way, if one does
    reason: str = ""
    deviations: tuple[str, ...] | None = None
    alternatives: tuple[tuple[str, ...], ...] = ()  # other deviations that explain its first program as well

    def count(self, program: str) -> None:
        self.programs += 1
        if len(program) < len(self.program):
            self.program = program

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {"signature": self.signature, "programs": self.programs, "program": self.program}
        if self.headline:
            document["headline"] = self.headline
        if self.expectation is not None:
            document["expectation"] = self.expectation
        if self.expectation is not None or self.reason:
            document["reason"] = self.reason
        if self.deviations is not None:
            document["deviations"] = list(self.deviations)
        if self.alternatives:
            document["alternatives"] = [list(names) for names in self.alternatives]
        return document

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Tally:
        deviations = document.get("deviations")
        return cls(str(document["signature"]), int(document["programs"]), str(document["program"]),
                   str(document.get("headline", "")), document.get("expectation"),
                   str(document.get("reason", "")),
                   tuple(map(str, deviations)) if isinstance(deviations, list) else None,
                   _explanations(document.get("alternatives")))  # fmt: skip


@dataclass
class CheckRecord:
    """What the results file says about one check: filled in as the check runs, then given its outcome."""

    check: Check
    outcome: str = "passed"
    duration_s: float = 0.0
    programs: int = 0
    description: str = ""
    spec: str = ""
    path: str = ""
    skip_reason: str = ""
    message: str = ""  # the text of an error (a check that could not run), or of a failure pytest reported
    unsupported: list[str] = field(default_factory=list)  # capabilities the target lacks
    expectation: dict[str, Any] | None = None  # the expectations entry that listed the check as failing
    known_differences: list[Tally] = field(default_factory=list)
    new_differences: list[Tally] = field(default_factory=list)  # collected under --update-expectations
    # programs that differed, explained by no deviation, which the model cannot judge under the deviations
    # declared for the target (Failure.undetermined: the tally's reason)
    undetermined: list[Tally] = field(default_factory=list)
    unexpected_pass: str = ""  # listed as differing in a way the (deterministic) check no longer shows
    failure: Failure | None = None
    # deviations declared for the check whose rule a program of it showed the target following, each with
    # the first such program (looked for while the deviation has explained no program of the check)
    rules_followed: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "id": self.check.id,
            "area": self.check.area,
            "level": self.check.level,
            "outcome": self.outcome,
            "duration_s": round(self.duration_s, 6),
            "programs": self.programs,
        }
        for key in ("description", "spec", "path", "skip_reason", "message", "unexpected_pass"):
            if getattr(self, key):
                document[key] = getattr(self, key)
        if self.unsupported:
            document["unsupported"] = list(self.unsupported)
        if self.rules_followed:
            document["rules_followed"] = dict(sorted(self.rules_followed.items()))
        if self.expectation is not None:
            document["expectation"] = self.expectation
        for key in ("known_differences", "new_differences", "undetermined"):
            if getattr(self, key):
                document[key] = [tally.to_json() for tally in getattr(self, key)]
        if self.failure is not None:
            document["failure"] = self.failure.to_json()
        return document

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> CheckRecord:
        failure = document.get("failure")
        return cls(
            check=Check(str(document["id"]), str(document["area"]), str(document["level"])),
            outcome=str(document.get("outcome", "passed")),
            duration_s=float(document.get("duration_s", 0.0)),
            programs=int(document.get("programs", 0)),
            description=str(document.get("description", "")),
            spec=str(document.get("spec", "")),
            path=str(document.get("path", "")),
            skip_reason=str(document.get("skip_reason", "")),
            message=str(document.get("message", "")),
            unsupported=list(document.get("unsupported", [])),
            expectation=document.get("expectation"),
            known_differences=[Tally.from_json(t) for t in document.get("known_differences", [])],
            new_differences=[Tally.from_json(t) for t in document.get("new_differences", [])],
            undetermined=[Tally.from_json(t) for t in document.get("undetermined", [])],
            unexpected_pass=str(document.get("unexpected_pass", "")),
            failure=Failure.from_json(failure) if isinstance(failure, dict) else None,
            rules_followed={str(name): str(program) for name, program in document.get("rules_followed", {}).items()},
        )
