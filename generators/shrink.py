"""Shrink a failing program by shrinking its tape: the list of choices it was generated from.

The generator's choices put the simplest option at 0 and give each list element
its own "one more?" decision (generators/choices.py), so a shorter tape, or one
with smaller values, is a simpler program. This is Hypothesis' own approach
(shrinking the choice sequence, not the program), done here because the
conformance properties generate their programs from a seed, many per example,
and because candidates are cheapest checked many at a time: the caller runs
each batch of candidates through the target in one round trip.

A candidate is kept when the caller says it still fails the same way; the
caller also returns the tape its program actually used (replaying clamps values
that no longer fit and stops where the program ends), which is never larger.
Every candidate is smaller than the best tape so far in shortlex order (length
first, then values), so shrinking always ends; a budget of tries bounds it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

Tape = tuple[int, ...]
# Given candidate tapes, the first that still fails: (the tape it used, what the caller knows of it).
Check = Callable[[Sequence[Tape]], "tuple[Tape, T] | None"]
# The units of a tape (start, end): a statement, a list element with its "one more?" decision.
Spans = Callable[[Tape], Sequence[tuple[int, int]]]

BATCH = 16  # candidates checked in one call
DEFAULT_TRIES = 2000
DEFAULT_SECONDS = 60.0


class Shrinker(Generic[T]):
    def __init__(self, tape: Sequence[int], failure: T, check: Check[T], spans: Spans | None = None, *,
                 max_tries: int = DEFAULT_TRIES, max_seconds: float = DEFAULT_SECONDS) -> None:  # fmt: skip
        self.best: Tape = tuple(tape)
        self.failure = failure
        self.check = check
        self.spans = spans
        self.tries = 0
        self.max_tries = max_tries
        self.deadline = time.monotonic() + max_seconds
        self._tried: set[Tape] = {self.best}

    def shrink(self) -> tuple[Tape, T]:
        """Try smaller tapes until no pass makes progress or the budget is spent."""
        progress = True
        while progress and not self._spent():
            progress = False
            passes = (self._truncations, self._span_deletions, self._span_simplifications, self._deletions,
                      self._zeroings, self._lowerings)  # fmt: skip
            for candidates in passes:
                while self._improve(candidates()):
                    progress = True
        return self.best, self.failure

    def _spent(self) -> bool:
        return self.tries >= self.max_tries or time.monotonic() > self.deadline

    def _improve(self, candidates: Iterator[Tape]) -> bool:
        """Check the candidates in batches; True as soon as one still fails (it becomes the best)."""
        batch: list[Tape] = []
        for candidate in candidates:
            if candidate in self._tried or _shortlex(candidate) >= _shortlex(self.best):
                continue
            self._tried.add(candidate)
            batch.append(candidate)
            if len(batch) == BATCH:
                if self._check(batch):
                    return True
                batch = []
        return bool(batch) and self._check(batch)

    def _check(self, batch: list[Tape]) -> bool:
        if self._spent():
            return False
        self.tries += len(batch)
        found = self.check(batch)
        if found is None:
            return False
        tape, failure = found
        if _shortlex(tape) < _shortlex(self.best):
            self.best, self.failure = tape, failure
            return True
        return False

    # -- passes: each a stream of candidates made from the best tape when it starts ----------

    def _truncations(self) -> Iterator[Tape]:
        tape = self.best
        for keep in (0, len(tape) // 4, len(tape) // 2, 3 * len(tape) // 4):
            yield tape[:keep]

    def _units(self) -> list[tuple[int, int]]:
        """The spans of the best tape, largest first: whole functions before single statements."""
        if self.spans is None:
            return []
        return sorted(set(self.spans(self.best)), key=lambda span: (span[0] - span[1], span[0]))

    def _span_deletions(self) -> Iterator[Tape]:
        tape = self.best
        for start, end in self._units():
            yield tape[:start] + tape[end:]

    def _span_simplifications(self) -> Iterator[Tape]:
        """A unit replaced by its simplest form: the first option of its first decision."""
        tape = self.best
        for start, end in self._units():
            if end - start > 1:
                yield (*tape[:start], 0, *tape[end:])

    def _deletions(self) -> Iterator[Tape]:
        tape = self.best
        for size in (8, 4, 2, 1):
            for start in range(len(tape) - size, -1, -1):
                yield tape[:start] + tape[start + size :]

    def _zeroings(self) -> Iterator[Tape]:
        tape = self.best
        for size in (8, 4, 2, 1):
            for start in range(0, len(tape) - size + 1):
                if any(tape[start : start + size]):
                    yield tape[:start] + (0,) * size + tape[start + size :]

    def _lowerings(self) -> Iterator[Tape]:
        tape = self.best
        for index, value in enumerate(tape):
            for lower in sorted({value // 2, value - 1}):
                if 0 < lower < value:
                    yield (*tape[:index], lower, *tape[index + 1 :])


def _shortlex(tape: Tape) -> tuple[int, Tape]:
    return len(tape), tape


def shrink(tape: Sequence[int], failure: T, check: Check[T], spans: Spans | None = None,
           **budget: float) -> tuple[Tape, T]:  # fmt: skip
    """The smallest tape found that still fails, and the caller's record of its failure."""
    return Shrinker(tape, failure, check, spans, **budget).shrink()  # type: ignore[arg-type]
