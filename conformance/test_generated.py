"""Generated programs against the reference model: one property per area and level.

For each CATALOG area that programs can be generated for, each Hypothesis example
is a seed, from which a batch of programs biased towards that area's constructs
is generated (generators/generate.py, --programs-per-example of them); the
reference model predicts every probe from the Language Reference
(conformance/model/), the target runs the whole batch in one round trip, and the
observations must agree at the property's level. A program that differs is shrunk
(generators/shrink.py) to a minimal program that still differs the same way,
shown expected against observed, and written as a standalone reproduction script.

With --reference COMMAND, each program also runs on that interpreter, and the
target must agree with it too, including what the model does not predict.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import Phase, event, given, settings
from hypothesis import strategies as st

from conformance.areas import AREAS_BY_SLUG, GENERATED_CHECKS, SYNTAX_ERRORS, level_marker
from conformance.compare import Difference, as_result, compare, signature
from conformance.driver import Fault, Program
from conformance.model.evaluate import predict
from conformance.model.scopes import Unspecified
from conformance.plugin import CheckRecord, Target, check_marker, fault_lines, fault_record, repro_command
from conformance.repro import write_repro
from generators import ir
from generators.choices import Choices, RandomChoices, ReplayChoices
from generators.emit import emit
from generators.features import Features
from generators.generate import Context, invalid_program, program
from generators.shrink import BATCH, Tape, shrink


def _params() -> list[Any]:
    params = []
    for area, level in GENERATED_CHECKS:
        marks = [
            getattr(pytest.mark, AREAS_BY_SLUG[area].marker),
            getattr(pytest.mark, level_marker(level)),
            check_marker("generated:%s/%s" % (area, level), area, level),
        ]
        params.append(pytest.param(area, level, marks=marks, id="%s-%s" % (area, level)))
    return params


serial = itertools.count()


@dataclass(frozen=True)
class Failure:
    """How one program differed: what it is, what was expected, and against what."""

    source: str
    expected: dict[str, Any]
    differences: list[Difference]
    against: str
    fault: Fault | None = None  # the program crashed, hung or broke the protocol

    @property
    def way(self) -> str:
        return signature(self.differences)


Checked = tuple[Tape, Failure | None]  # a program's tape, and how it differed (None: it agreed)


class Property:
    """One area and level against one target: programs made, predicted, run and compared, a batch at a time."""

    def __init__(self, area: str, level: str, target: Target, reference: Target | None) -> None:
        hello = target.hello
        self.features = Features.from_handshake(hello.language, hello.capabilities)
        self.ctx = Context.for_area(self.features, area)
        self.make: Callable[[Choices, Context], ir.Module] = invalid_program if area == SYNTAX_ERRORS else program
        self.area, self.level, self.target, self.reference = area, level, target, reference

    def check(self, batch: Sequence[RandomChoices | ReplayChoices]) -> list[Checked]:
        """Generate a program from each source of choices and check them all in one round trip.

        Programs whose outcome the Reference leaves open are left out (the model says so).
        """
        made = []
        for choices in batch:
            module = self.make(choices, self.ctx)
            try:
                expected = predict(module, self.target.hello.version)
            except Unspecified:
                continue
            tape = tuple(choices.tape if isinstance(choices, RandomChoices) else choices.used)
            made.append((tape, expected, emit(module, self.features)))
        programs = [Program("%s-%d" % (self.area, next(serial)), source) for _, _, source in made]
        observed = self.target.runner.run(programs)
        against = "the Language Reference"
        checked: list[Checked] = []
        for (tape, expected, source), result in zip(made, observed, strict=True):
            differences = compare(expected, result, [self.level])
            failure = Failure(source, expected, differences, against, result.fault) if differences else None
            checked.append((tape, failure))
        if self.reference is not None:
            checked = self._against_reference(programs, observed, checked)
        return checked

    def _against_reference(self, programs: list[Program], observed: list[Any], checked: list[Checked]) -> list[Checked]:
        """Programs the model passed must also agree with the --reference interpreter."""
        assert self.reference is not None
        against = "the reference interpreter %s" % self.reference.describe()
        agreed = [i for i, (_, failure) in enumerate(checked) if failure is None]
        answers = self.reference.runner.run([programs[i] for i in agreed])
        for i, answer in zip(agreed, answers, strict=True):
            expected = as_result(answer)
            differences = compare(expected, observed[i], [self.level])
            if differences:
                checked[i] = (checked[i][0], Failure(programs[i].source, expected, differences, against))
        return checked

    def shrink(self, tape: Tape, failure: Failure) -> Failure:
        """The smallest program found that still differs the same way.

        A crash or a protocol error shrinks like any difference; a timeout does not (each
        try could cost the batch timeout), nor a target that cannot start (no program is to blame).
        """
        if failure.fault is not None and failure.fault.outcome in ("timeout", "cannot-start"):
            return failure
        way = failure.way

        # Candidates go to the runner together, except when the failure is a crash: each crash
        # costs a restart, and only the first one found is wanted.
        step = 1 if failure.fault is not None else BATCH

        def still_fails(tapes: Sequence[Tape]) -> tuple[Tape, Failure] | None:
            for start in range(0, len(tapes), step):
                for used, candidate in self.check([ReplayChoices(tape) for tape in tapes[start : start + step]]):
                    if candidate is not None and candidate.way == way:
                        return used, candidate
            return None

        def spans(tape: Tape) -> list[tuple[int, int]]:
            replay = ReplayChoices(tape)
            self.make(replay, self.ctx)
            return replay.spans

        return shrink(tape, failure, still_fails, spans)[1]


@pytest.fixture(scope="session")
def shrinking() -> bool:
    """Whether the Hypothesis profile shrinks (`fail-fast` does not). Read outside any test: inside
    one, settings.default is that test's own settings, which leave shrinking to the property."""
    profile = settings.default
    return profile is not None and Phase.shrink in profile.phases


# A failing example runs twice (Hypothesis replays it to report it): shrink it once.
_shrunk: dict[tuple[str, Tape], Failure] = {}


def _minimal(prop: Property, check_id: str, tape: Tape, failure: Failure, shrinking: bool) -> Failure:
    if not shrinking:
        return failure
    key = (check_id, tape)
    if key not in _shrunk:
        _shrunk[key] = prop.shrink(tape, failure)
    return _shrunk[key]


@pytest.mark.parametrize(("area", "level"), _params())
@settings(phases=[Phase.explicit, Phase.reuse, Phase.generate])  # each failing program is shrunk by the property
@given(seed=st.integers(0, 2**64 - 1))
def test_generated(
    area: str,
    level: str,
    target: Target,
    reference: Target | None,
    check_record: CheckRecord,
    programs_per_example: int,
    shrinking: bool,
    request: pytest.FixtureRequest,
    seed: int,
) -> None:
    """One example: a batch of programs generated from the seed, predicted, run, and compared."""
    prop = Property(area, level, target, reference)
    description = "generated %s programs agree with the Language Reference at the %s level" % (area, level)
    excluded = prop.features.excluded()
    if excluded:
        description += " (programs without %s, which the target cannot parse)" % ", ".join(excluded)
    check_record.describe(description=description, spec="the reference model (conformance/model/)")
    if level != "language":
        hello = target.hello
        missing = [cap for cap in ("closure_attr", "code_attr") if not hello.capabilities.get(cap, False)]
        if missing:
            check_record.unsupported(missing)  # its probes observe __closure__ and code objects
    seeds = random.Random(seed)
    batch = [RandomChoices(seeds.getrandbits(64), notes=set()) for _ in range(programs_per_example)]
    checked = prop.check(batch)
    for construct in sorted({note for choices in batch for note in choices.notes or ()}):
        event(construct)
    check_record.count_programs(len(checked))
    check_id = check_record.data["id"]
    for tape, failure in checked:
        if failure is None or check_record.known(failure.way, target.hello.version, failure.source):
            continue  # agreed, or differed in a way the expectations list: go on generating
        if check_record.collecting():  # --update-expectations: note every way of differing, each shrunk once
            if not check_record.collected(failure.way):
                failure = _minimal(prop, check_id, tape, failure, shrinking)  # noqa: PLW2901
            check_record.collect(failure.way, _headline(failure.differences), failure.source)
            continue
        _report(area, level, target, check_record, request, _minimal(prop, check_id, tape, failure, shrinking))


def _report(area: str, level: str, target: Target, record: CheckRecord, request: pytest.FixtureRequest,
            failure: Failure) -> None:  # fmt: skip
    """Fail with the (minimal) program, and write its reproduction."""
    differences = failure.differences
    check = "generated:%s/%s" % (area, level)
    title = "%s: %s on %s differs from %s" % (check, level, target.hello.label, failure.against)
    script = write_repro(check, target.hello.label, failure.source, _plain(failure.expected), title)
    repro = "%s %s" % (target.command, script)
    record.fail(
        program=failure.source,
        expected="\n".join("%s %s: %s" % (d.probe, d.facet, d.expected) for d in differences),
        observed="\n".join("%s %s: %s" % (d.probe, d.facet, d.observed) for d in differences),
        repro=repro,
        repro_script=str(script),
        replay=repro_command(request.config, request.node.nodeid, target),
        differences=[d.__dict__ for d in differences],
        signature=signature(differences),
        headline=_headline(differences),
        **({"fault": fault_record(failure.fault)} if failure.fault else {}),
    )
    lines = ["%s:" % title]
    lines += ["  %s" % difference.describe() for difference in differences]
    if failure.fault:
        lines += fault_lines(failure.fault)
    lines.append("  minimal program:")
    lines += ["    " + line for line in failure.source.splitlines()]
    lines.append("  reproduce (no suite needed): %s" % repro)
    lines.append("  replay: %s" % repro_command(request.config, request.node.nodeid, target))
    pytest.fail("\n".join(lines), pytrace=False)


def _headline(differences: list[Difference]) -> str:
    first = differences[0]
    return "%s %s: expected %s, observed %s" % (first.probe, first.facet, first.expected, first.observed)


def _plain(result: Any) -> dict[str, Any]:
    """A result in the runner's own format (observations as a list), for the script."""
    document = dict(as_result(result))
    document["observations"] = [[label, obs] for label, obs in document.get("observations", {}).items()]
    return document
