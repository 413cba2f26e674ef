"""Generated properties: programs made, predicted, run, compared and shrunk, a batch at a time.

The pipeline of one example of a property (one area, one level, one target):

    seed -> programs     generators/generate.py, biased towards the area, --programs-per-example
                         of them, each from its own seeded source of choices (its tape)
         -> predictions  the reference model (conformance/model/); programs whose outcome the
                         Reference leaves open are left out
         -> one batch     through the target's runner, one round trip
         -> comparison    conformance/engine/compare.py, at the property's level
         -> diagnosis     each program that differs: the deviations that explain it, if any
                          (conformance/engine/diagnose.py)
         -> reference     with --reference, the programs the model passed must also agree
                          with that interpreter's observations
         -> each differing program met by the check (conformance/engine/check.py): known,
                          collected, or shrunk (generators/shrink.py) to a minimal program
                          that differs the same way (explained by the same deviations, or
                          by none with the same signature), with a standalone reproduction
                          script; a known one is shrunk once per set of deviations in a session

A property keeps its state here, explicitly: the program serial numbers and the
examples that failed (Hypothesis runs a failing example again to report it: it fails
as it did, without being run or shrunk again).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from conformance.engine.catalog import SYNTAX_ERRORS
from conformance.engine.check import CheckRun, Ending, failure_text
from conformance.engine.checks import Check
from conformance.engine.compare import Expected, compare
from conformance.engine.corpus import Corpus, Stored, program_space
from conformance.engine.diagnose import diagnoses, left_open
from conformance.engine.records import Failure
from conformance.engine.repro import write_repro
from conformance.engine.target import Target
from conformance.host import trace
from conformance.host.protocol import Program, ProgramResult
from conformance.model.deviations import DEVIATIONS
from conformance.model.evaluate import UnfollowedLoop, UnfollowedRecursion, predict
from conformance.model.scopes import Unspecified
from generators import ir
from generators.choices import Choices, RandomChoices, ReplayChoices
from generators.emit import emit
from generators.generate import MAX_DEPTH, Context, invalid_program, program
from generators.shrink import BATCH, Tape, shrink

REFERENCE_TEXT = "the Language Reference"  # what generated programs are judged against
CLOSURE_CAPABILITIES = ("closure_attr", "code_attr")  # what the probes of data-model and detail levels observe
KNOWN_EXAMPLE_SECONDS = 10.0  # shrinking the example of a deviation (generators/shrink.py: 60 s for a new difference)


@dataclass(frozen=True)
class Made:
    """One generated program: the tape it was drawn from, its source, what it must observe.

    (Not its IR: a batch's IR trees, kept alive, cost the garbage collector more than they are worth.)
    """

    tape: Tape
    source: str
    expected: Expected
    reaches: frozenset[str]  # the deviations whose rule the prediction reached (Evaluator.deviates)


@dataclass(frozen=True)
class Checked:
    """One program checked: its tape, what it was judged against, how it differed (None: it agreed),
    what it observed, and the deviations whose rule it reaches."""

    tape: Tape
    expected: Expected
    failure: Failure | None
    observed: ProgramResult
    reaches: frozenset[str] = frozenset()


class Property:
    """One area and level against one target (and perhaps a reference interpreter)."""

    def __init__(self, check: Check, target: Target, reference: Target | None = None, *, shrinking: bool = True,
                 serial: Iterator[int] | None = None, max_depth: int = MAX_DEPTH,
                 checkpoint: Callable[[], None] | None = None, corpus: Corpus | None = None) -> None:  # fmt: skip
        self.check = check
        self.area, self.level = check.area, check.level
        self.target, self.reference = target, reference
        self.features = target.features
        self.ctx = Context.for_area(self.features, self.area, max_depth)
        self.make: Callable[[Choices, Context], ir.Module] = invalid_program if self.area == SYNTAX_ERRORS else program
        self.corpus = corpus  # (None: every program is made and predicted here)
        self.space = program_space(self.area, self.features, max_depth)
        self.shrinking = shrinking
        self.checkpoint = checkpoint  # the client's, before each batch: it may raise to stop the run
        self.serial = serial if serial is not None else itertools.count()
        self._failed: dict[int, tuple[Ending, Failure]] = {}  # example seed -> how it failed

    @property
    def description(self) -> str:
        text = "generated %s programs agree with the Language Reference at the %s level" % (self.area, self.level)
        excluded = self.features.excluded()
        if excluded:
            text += " (programs without %s, which the target cannot parse)" % ", ".join(excluded)
        return text

    # -- the pipeline ---------------------------------------------------------------

    def generate(self, choices: RandomChoices | ReplayChoices) -> Made | None:
        """One program from a source of choices, with its prediction; None when the Reference leaves it open."""
        return self._generate(choices)[0]

    def _generate(self, choices: RandomChoices | ReplayChoices) -> tuple[Made | None, Stored]:
        """The program and, as the corpus stores it, what was made (the source too when the Reference leaves the
        outcome open: another version may answer the rules the prediction asked about otherwise)."""
        module = self.make(choices, self.ctx)
        reaches: set[str] = set()
        asked: dict[str, bool] = {}
        tape = tuple(choices.tape if isinstance(choices, RandomChoices) else choices.used)
        notes = tuple(sorted(choices.notes or ())) if isinstance(choices, RandomChoices) else ()
        source = emit(module, self.features)
        try:
            result = predict(module, self.target.version, consulted=reaches, asked=asked)
        except Unspecified:
            return None, Stored(tape, source, notes, None, frozenset(reaches), asked)
        made = Made(tape, source, Expected.from_result(result), frozenset(reaches))
        return made, Stored(tape, source, notes, result, made.reaches, asked)

    def made(self, batch: Sequence[RandomChoices | ReplayChoices]) -> list[Made]:
        """The programs of a batch with their predictions (leaving out those the Reference leaves open): from the
        corpus where it has them, and into it where it does not (only programs drawn from a seed: a replayed tape
        is shrinking's)."""
        if self.corpus is None:
            return [item for item in map(self.generate, batch) if item is not None]
        seeded = [choices.seed for choices in batch if isinstance(choices, RandomChoices)]
        stored = self.corpus.get(self.space, self.target.version, seeded)
        made: list[Made] = []
        new: dict[int, Stored] = {}
        for choices in batch:
            found = stored.get(choices.seed) if isinstance(choices, RandomChoices) else None
            if found is None:
                if isinstance(choices, RandomChoices) and choices.notes is None:
                    choices.notes = set()  # (the corpus keeps the constructs a program used, for who reads it)
                item, found = self._generate(choices)
                if isinstance(choices, RandomChoices):
                    new[choices.seed] = found
            else:
                item = None
                if found.result is not None:
                    item = Made(found.tape, found.source, Expected.from_result(found.result), found.reaches)
                if isinstance(choices, RandomChoices) and choices.notes is not None:
                    choices.notes.update(found.notes)
            if item is not None:
                made.append(item)
        self.corpus.put(self.space, new)
        return made

    def run_batch(self, batch: Sequence[RandomChoices | ReplayChoices], declared: frozenset[str] = frozenset()
                  ) -> list[Checked]:  # fmt: skip
        """Generate a program from each source of choices and check them all in one round trip (`declared`: the
        deviations the expectations declare for the check, tried first when a program differs)."""
        if self.checkpoint is not None:
            self.checkpoint()
        made = self.made(batch)
        programs = [Program("%s-%d" % (self.area, next(self.serial)), item.source) for item in made]
        observed = self.target.runner.run(programs)
        checked = [Checked(item.tape, item.expected, self._against_model(item, result, declared), result, item.reaches)
                   for item, result in zip(made, observed, strict=True)]  # fmt: skip
        if self.reference is not None:
            checked = self._against_reference(programs, observed, checked)
        return checked

    def _against_model(self, item: Made, result: ProgramResult, declared: frozenset[str]) -> Failure | None:
        """How the program differs from the model's prediction, diagnosed: the deviations that explain it, or
        (none does) why the model cannot judge it under the declared deviations, if it cannot.

        The declared deviations are tried first: when some of them explain the program, it is a known
        difference (conformance/engine/check.py, CheckRun.meet) whatever else might explain it too, and the
        search among them costs a few predictions where the search among all costs one per deviation reached.
        """
        failure = self._judge(item.source, item.expected, result, REFERENCE_TEXT)
        if failure is None:
            return None
        explanations = self.explain(item.tape, result, declared, item.reaches) if declared & item.reaches else []
        if not explanations:
            explanations = self.explain(item.tape, result, frozenset(DEVIATIONS), item.reaches)
        undetermined = ""
        if not explanations and declared & item.reaches:  # (can the model say what the target does?)
            undetermined = left_open(self.make(ReplayChoices(item.tape), self.ctx), self.target.version, declared)
        return dataclasses.replace(failure, deviations=explanations[0] if explanations else None, diagnosed=True,
                                   alternatives=tuple(explanations[1:]), undetermined=undetermined)  # fmt: skip

    def explain(self, tape: Tape, result: ProgramResult, candidates: frozenset[str],
                differs_reaching: frozenset[str] | None = None) -> list[tuple[str, ...]]:  # fmt: skip
        """The smallest sets of these deviations that explain what the program of this tape observed
        (`differs_reaching`: what the model's own prediction, which differs, reached)."""
        module = self.make(ReplayChoices(tape), self.ctx)  # made again: only differing programs need their IR
        found = diagnoses(module, self.target.version, result, self.level, candidates, differs_reaching)
        return [names for names in found if names]

    def _judge(self, source: str, expected: Expected, result: ProgramResult, against: str) -> Failure | None:
        differences = compare(expected, result, [self.level])
        if not differences:
            return None
        return Failure(source, tuple(differences), against, result.fault, result.output,
                       expected_result=expected.to_result())  # fmt: skip

    def _against_reference(self, programs: list[Program], observed: list[ProgramResult], checked: list[Checked]
                           ) -> list[Checked]:  # fmt: skip
        """Programs the model passed must also agree with the --reference interpreter."""
        assert self.reference is not None
        against = "the reference interpreter %s" % self.reference.describe()
        agreed = [i for i, item in enumerate(checked) if item.failure is None]
        answers = self.reference.runner.run([programs[i] for i in agreed])
        for i, answer in zip(agreed, answers, strict=True):
            expected = Expected.from_result(answer)
            failure = self._judge(programs[i].source, expected, observed[i], against)
            if failure is not None:
                checked[i] = Checked(checked[i].tape, expected, failure, observed[i], checked[i].reaches)
        return checked

    # -- one example ------------------------------------------------------------------

    def example(self, seed: int, run: CheckRun, count: int, replay: str = "",
                note: Callable[[str], None] | None = None) -> Ending | None:  # fmt: skip
        """`count` programs from the seed, checked in one batch; the first unknown difference fails the check.

        `note` is told each construct the programs used (for Hypothesis' statistics).
        """
        run.describe(self.description, "the reference model (conformance/model/)")
        if seed in self._failed:  # Hypothesis replays a failing example: it fails as it did (a crash may not recur)
            ending, run.record.failure = self._failed[seed]
            return ending
        if self.level != "language":
            missing = self.target.hello.lacks(CLOSURE_CAPABILITIES)
            if missing:
                return run.unsupported(missing)
        seeds = random.Random(seed)
        batch = [RandomChoices(seeds.getrandbits(64), notes=set()) for _ in range(count)]
        checked = self.run_batch(batch, run.declared)
        if note is not None:
            for construct in sorted({construct for choices in batch for construct in choices.notes or ()}):
                note(construct)
        run.count(len(checked))
        self._find_rules_followed(run, checked)
        for item in checked:
            if item.failure is None:
                continue

            def minimal(item: Checked = item) -> Failure:
                # a known difference's example (one per deviation) gets a shorter budget than a new difference
                known = item.failure is not None and item.failure.deviations is not None
                seconds = KNOWN_EXAMPLE_SECONDS if known else None
                return self._reported(self.minimal(item, seconds, run.declared), replay)

            failure = run.meet(item.failure, minimal)
            if failure is not None:
                ending = Ending("fail", failure_text(self._title(failure), failure, "minimal program"))
                self._failed[seed] = (ending, failure)
                return ending
        return run.conformed()

    def _find_rules_followed(self, run: CheckRun, checked: list[Checked]) -> None:
        """Programs that show the target following the rule of a deviation declared for it: they agreed with
        the model, and the model with the declared deviations predicts otherwise, but not without that one.
        One is enough for each deviation: a
        declared deviation that explains no program of a run, but whose rule some program showed followed,
        is unexpectedly passing (conformance/engine/check.py, deviation_records). A deviation that has explained
        a program of the check needs none: it is not unexpectedly passing, whatever rules programs follow."""
        explained = {name for tally in run.record.known_differences for name in tally.deviations or ()}
        explained |= {name for item in checked if item.failure is not None for name in item.failure.deviations or ()}
        for item in checked:
            awaiting = run.declared - run.record.rules_followed.keys() - explained
            if item.failure is not None or self.reference is not None or not awaiting & item.reaches:
                continue
            module = self.make(ReplayChoices(item.tape), self.ctx)
            # the target has every declared deviation: a rule is shown followed where they predict otherwise
            # together, and would not without that one (another's rule may hide it: a read that gives undefined)
            if not self._differs_under(module, run.declared, item.observed):
                continue
            for name in sorted(awaiting & item.reaches):
                if self._differs_under(module, run.declared - {name}, item.observed) is False:
                    run.record.rules_followed[name] = emit(module)

    def _differs_under(self, module: ir.Module, deviations: frozenset[str], observed: ProgramResult) -> bool | None:
        """Whether the model under these deviations predicts other than what was observed (None: it leaves
        the program open)."""
        try:
            predicted = Expected.from_result(predict(module, self.target.version, deviations))
        except (Unspecified, UnfollowedRecursion, UnfollowedLoop):
            return None
        return bool(compare(predicted, observed, [self.level]))

    def _reported(self, item: Checked, replay: str) -> Failure:
        """The failure with its standalone reproduction script written, and the commands to see it again."""
        assert item.failure is not None
        script = write_repro(self.check, self.target.label, item.failure.program, item.expected,
                             self._title(item.failure))  # fmt: skip
        return dataclasses.replace(item.failure, repro="%s %s" % (self.target.command, script),
                                   repro_script=str(script), replay=replay)  # fmt: skip

    def _title(self, failure: Failure) -> str:
        return "%s: %s on %s differs from %s" % (self.check.id, self.level, self.target.label, failure.against)

    # -- shrinking --------------------------------------------------------------------

    def minimal(self, item: Checked, seconds: float | None = None, declared: frozenset[str] = frozenset()) -> Checked:
        """The smallest program found that still differs the same way: explained by the same deviations,
        or, explained by none, with the same signature.

        A crash or a protocol error shrinks like any difference; a timeout does not (each
        try could cost the batch timeout), nor a target that cannot start (no program is to blame).
        """
        fault = item.failure.fault if item.failure is not None else None
        if not self.shrinking or (fault is not None and fault.outcome in ("timeout", "cannot-start")):
            return item
        assert item.failure is not None
        trace.step("shrink", self.check.id)
        failure = item.failure

        def same_way(candidate: Failure) -> bool:
            if candidate.deviations != failure.deviations or bool(candidate.undetermined) != bool(failure.undetermined):
                return False
            return failure.deviations is not None or candidate.signature == failure.signature

        # Candidates go to the runner together, except when the failure is a crash: each crash
        # costs a restart, and only the first one found is wanted.
        step = 1 if item.failure.fault is not None else BATCH

        def still_fails(tapes: Sequence[Tape]) -> tuple[Tape, Checked] | None:
            for start in range(0, len(tapes), step):
                candidates = [ReplayChoices(tape) for tape in tapes[start : start + step]]
                for candidate in self.run_batch(candidates, declared):
                    if candidate.failure is not None and same_way(candidate.failure):
                        return candidate.tape, candidate
            return None

        def spans(tape: Tape) -> list[tuple[int, int]]:
            replay = ReplayChoices(tape)
            self.make(replay, self.ctx)
            return replay.spans

        # a program shrunk for another interpreter of the run, differing the same way, is taken if it differs
        # the same way here: one run instead of a search (the corpus keeps the last one found); for a way that
        # deviations explain, one shrunk from any program of the space (another level's check met them too)
        way = json.dumps(failure.deviations) if failure.deviations is not None else "signature " + failure.signature
        if self.corpus is not None:
            known = self.corpus.shrunk(self.space, item.tape, way, of_any_program=failure.deviations is not None)
            found = still_fails([known]) if known is not None else None
            if found is not None:
                return found[1]
        budget = {} if seconds is None else {"max_seconds": seconds}
        smallest = shrink(item.tape, item, still_fails, spans, **budget)[1]
        if self.corpus is not None:
            self.corpus.put_shrunk(self.space, item.tape, way, smallest.tape)
        return smallest
