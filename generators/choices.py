"""Where a generated program's choices come from: a seeded PRNG, a recorded tape, or Hypothesis.

The generator (generators/generate.py) makes every decision through one call,
`choices.below(n)`, which returns an integer in [0, n). The smallest value is
always the simplest option, so a program is described completely by the list of
values it drew (its *tape*), and a smaller tape means a simpler program: the
shrinker (generators/shrink.py) works on tapes alone.

- `RandomChoices(seed)` draws from `random.Random(seed)` and records the tape:
  the fast path, a few microseconds a decision, used by the conformance properties.
- `ReplayChoices(tape)` plays a tape back; past its end, and where a value no
  longer fits (the program's shape changed while shrinking), it gives the
  simplest option. What it actually returned is its `used` tape.
- `DrawChoices(draw)` asks Hypothesis for each value, so a program is a genuine
  Hypothesis strategy (generators/strategies.py), shrunk by Hypothesis itself:
  about 70 µs a decision, for the suite's own tests.

A decision with a single option (n == 1) draws nothing in any of them, so all
three agree on what a tape means.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from hypothesis import event
from hypothesis import strategies as st

T = TypeVar("T")


class Choices(Protocol):
    def below(self, n: int) -> int:
        """An integer in [0, n); 0 is the simplest option."""

    def note(self, construct: str) -> None:
        """The construct just chosen, for statistics."""

    def position(self) -> int:
        """How many decisions have been drawn so far."""

    def span(self, start: int) -> None:
        """Decisions from `start` to here make one unit (a statement, a list element): shrinking
        tries deleting it whole."""


class RandomChoices:
    """Choices from a seeded PRNG, recorded in `tape`; the constructs noted go in `notes`, if given."""

    def __init__(self, seed: int, notes: set[str] | None = None) -> None:
        self.seed = seed
        self._random = random.Random(seed).random
        self.tape: list[int] = []
        self.spans: list[tuple[int, int]] = []
        self.notes = notes

    def below(self, n: int) -> int:
        if n <= 1:
            return 0
        value = int(self._random() * n)
        self.tape.append(value)
        return value

    def note(self, construct: str) -> None:
        if self.notes is not None:
            self.notes.add(construct)

    def position(self) -> int:
        return len(self.tape)

    def span(self, start: int) -> None:
        self.spans.append((start, len(self.tape)))


class ReplayChoices:
    """A recorded tape played back; `used` is what was actually returned."""

    def __init__(self, tape: Sequence[int]) -> None:
        self._tape = tape
        self.used: list[int] = []
        self.spans: list[tuple[int, int]] = []

    def below(self, n: int) -> int:
        if n <= 1:
            return 0
        index = len(self.used)
        value = min(self._tape[index], n - 1) if index < len(self._tape) else 0
        self.used.append(value)
        return value

    def note(self, construct: str) -> None:
        pass

    def position(self) -> int:
        return len(self.used)

    def span(self, start: int) -> None:
        self.spans.append((start, len(self.used)))


class DrawChoices:
    """Choices drawn from Hypothesis, inside a test or a composite strategy."""

    def __init__(self, draw: Callable[[st.SearchStrategy[int]], int]) -> None:
        self._draw = draw
        self._drawn = 0

    def below(self, n: int) -> int:
        if n <= 1:
            return 0
        self._drawn += 1
        return self._draw(_below(n))

    def note(self, construct: str) -> None:
        event(construct)

    def position(self) -> int:
        return self._drawn

    def span(self, start: int) -> None:
        pass  # Hypothesis tracks its own spans


@functools.cache
def _below(n: int) -> st.SearchStrategy[int]:
    return st.integers(0, n - 1)


# -- decisions built on below() ---------------------------------------------------


def sample(choices: Choices, values: Sequence[T]) -> T:
    """One of the values; the first is the simplest."""
    return values[choices.below(len(values))]


def boolean(choices: Choices) -> bool:
    return choices.below(2) == 1


def chance(choices: Choices, weight: int, out_of: int) -> bool:
    """True `weight` times in `out_of`; False is the simplest (the construct is left out)."""
    return choices.below(out_of) >= out_of - weight


def between(choices: Choices, low: int, high: int) -> int:
    """An integer in [low, high]; low is the simplest."""
    return low + choices.below(high - low + 1)


def repeat(choices: Choices, low: int, high: int, element: Callable[[], T]) -> list[T]:
    """Between low and high elements, each after a "one more?" decision (even odds).

    Stopping is the simplest answer, and an element's decisions follow its own
    "yes", so deleting both from a tape deletes the element and nothing else.
    """
    elements: list[T] = []
    while len(elements) < high:
        start = choices.position()
        if len(elements) >= low and choices.below(2) == 0:
            break
        elements.append(element())
        choices.span(start)
    return elements


def distinct(choices: Choices, values: Sequence[T], low: int, high: int) -> list[T]:
    """Between low and high distinct values, in the order drawn."""
    remaining = list(values)
    high = min(high, len(remaining))
    return repeat(choices, low, high, lambda: remaining.pop(choices.below(len(remaining))))


def permutation(choices: Choices, count: int) -> list[int]:
    """range(count) reordered; the identity is the simplest."""
    remaining = list(range(count))
    return [remaining.pop(choices.below(len(remaining))) for _ in range(count)]
