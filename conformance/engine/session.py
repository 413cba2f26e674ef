"""One run of the suite against one target: the engine as its clients (pytest, the bench, tests) call it.

    session = Session.open(Options(command="/usr/bin/python3.12"))
    run = session.check_run(case.check)
    ending = session.run_case(case, run)              # None: the case conforms
    ending = session.property("late-binding", "language").example(seed, run, count=50)
    session.close()

Everything a check needs is here, explicitly: the target and the optional reference
interpreter, the expectations, the budgets, whether to shrink and whether to collect
new ways of differing. Nothing in the engine knows pytest.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conformance.engine.casefile import CASES_DIR, Case, discover
from conformance.engine.catalog import GENERATED
from conformance.engine.check import CheckRun, Ending, Examples, failure_text
from conformance.engine.checks import Check
from conformance.engine.compare import compare
from conformance.engine.corpus import Corpus, CorpusError
from conformance.engine.expectations import Expectations
from conformance.engine.properties import Property
from conformance.engine.records import Failure
from conformance.engine.target import Limits, SetupError, Target, start
from conformance.host.protocol import Program

DEFAULT_PROGRAMS_PER_EXAMPLE = 50
AGAINST_CASE = "the case's expectations"


@dataclass(frozen=True)
class Options:
    command: str
    reference: str | None = None
    limits: Limits = field(default_factory=Limits)
    programs_per_example: int = DEFAULT_PROGRAMS_PER_EXAMPLE
    shrinking: bool = True
    collecting: bool = False  # --update-expectations: collect every way of differing
    start_runner: bool = True  # False where this process only records (the pytest-xdist controller)
    scratch: str | None = None  # where runners make their working directories
    corpus: str | None = None  # the run's corpus file (conformance/engine/corpus.py); None: none


@dataclass(repr=False)  # (Hypothesis shows the test's arguments, this among them, for a failing example)
class Session:
    options: Options
    target: Target
    reference: Target | None = None
    expectations: Expectations = field(default_factory=Expectations)
    checkpoint: Callable[[], None] | None = None  # the client's, called before each batch of generated programs
    examples: Examples = field(default_factory=Examples)  # the deviations whose minimal program is known
    corpus: Corpus | None = None
    _properties: dict[str, Property] = field(default_factory=dict)
    _serial: itertools.count[int] = field(default_factory=itertools.count)

    def __repr__(self) -> str:
        return "Session(%s)" % self.target.label

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Hypothesis' pretty printer shows a dataclass field by field (the whole expectations list): this
        shows the repr."""
        printer.text(repr(self))

    @classmethod
    def open(cls, options: Options, expectations: Expectations | None = None) -> Session:
        """Start the target (and the reference); SetupError, in one line, when one cannot be used."""
        target = start(options.command, options.limits, scratch=options.scratch)
        if not options.start_runner:
            target.close()  # its handshake is what this process needs
        reference = None
        if options.reference and options.start_runner:
            try:
                reference = start(options.reference, options.limits, role="--reference", scratch=options.scratch)
            except BaseException:
                target.close()
                raise
        corpus = None
        if options.corpus and options.start_runner:
            try:
                corpus = Corpus(Path(options.corpus))
            except CorpusError as error:
                for started in (target, reference):
                    if started is not None:
                        started.close()
                raise SetupError(str(error)) from None
        return cls(options, target, reference, expectations or Expectations(), corpus=corpus)

    def close(self) -> None:
        for target in (self.target, self.reference):
            if target is not None:
                target.close()
        if self.corpus is not None:
            self.corpus.close()

    def check_run(self, check: Check) -> CheckRun:
        return CheckRun(check, self.expectations, self.target.version, self.options.collecting, self.examples)

    def property(self, area: str, level: str) -> Property:
        """The generated property of this area and level (one per session: it keeps its shrunk failures)."""
        check = Check.generated(area, level)
        if check.id not in self._properties:
            self._properties[check.id] = Property(check, self.target, self.reference, shrinking=self.options.shrinking,
                                                  serial=self._serial, checkpoint=self.checkpoint,
                                                  corpus=self.corpus)  # fmt: skip
        return self._properties[check.id]

    def run_case(self, case: Case, run: CheckRun, shown_path: str = "", replay: str = "") -> Ending | None:
        """Run a hand-written case; None when the target observes what the case expects."""
        run.describe(case.description, case.spec, shown_path or str(case.path))
        hello = self.target.hello
        reason = case.skip_reason(hello)
        if reason:
            return Ending("skip", reason)
        missing = case.missing_capabilities(hello)
        if missing:
            return run.unsupported(missing)
        program = Program(case.name, case.source, filename=case.path.name, time_limit=case.time_limit)
        result = self.target.runner.run_one(program)
        run.count(1)
        differences = compare(case.expected(hello.version), result)
        if not differences:
            return run.conformed()
        found = Failure(case.source, tuple(differences), AGAINST_CASE, result.fault, result.output,
                        repro=replay, replay=replay)  # fmt: skip
        failure = run.meet(found, lambda: found)
        if failure is None:
            return None
        title = "%s on %s differs from %s: %s" % (case.check.id, self.target.describe(), AGAINST_CASE,
                                                  case.description)  # fmt: skip
        return Ending("fail", failure_text(title, failure, "program (%s)" % (shown_path or case.path)))


def check_ids(cases: Path | None = None) -> set[str]:
    """Every check id the suite has: the generated properties and the case files (of `cases`, if given)."""
    ids = {Check.generated(area, level).id for area, level in GENERATED}
    root = cases or CASES_DIR
    return ids | {
        Check.case("%s/%s" % (path.parent.name, path.stem), path.parent.name, "").id for path in discover(root)
    }
