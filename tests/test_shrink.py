"""Tapes: a program is the list of choices it was generated from, replayed and shrunk."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from generators.choices import RandomChoices, ReplayChoices
from generators.emit import emit
from generators.features import Features
from generators.generate import EMPHASIS, Context, invalid_program, program
from generators.shrink import Tape, shrink

FEATURES = Features.for_version((3, 12))


@pytest.mark.parametrize("area", list(EMPHASIS))
def test_a_recorded_tape_replays_to_the_same_program(area: str) -> None:
    ctx = Context.for_area(FEATURES, area)
    for seed in range(50):
        recorded = RandomChoices(seed)
        module = program(recorded, ctx)
        replay = ReplayChoices(recorded.tape)
        assert program(replay, ctx) == module
        assert replay.used == recorded.tape


def test_the_empty_tape_is_the_simplest_program_and_values_that_no_longer_fit_are_clamped() -> None:
    ctx = Context.for_area(FEATURES)
    simplest = emit(program(ReplayChoices(()), ctx), FEATURES)
    assert simplest.count("\n") <= 10, simplest
    clamped = ReplayChoices((10**6,) * 500)
    emit(program(clamped, ctx), FEATURES)  # every decision takes its last option, and the program is still valid
    assert clamped.used and all(value < 10**6 for value in clamped.used)
    assert invalid_program(ReplayChoices(()), ctx) is not None


def _check_source(wanted: str) -> tuple[list[int], object]:
    """Shrink the first generated program whose source contains `wanted`; return its tape and source."""
    ctx = Context.for_area(FEATURES, "nonlocal")
    calls: list[int] = []

    def still_fails(tapes: Sequence[Tape]) -> tuple[Tape, str] | None:
        calls.append(len(tapes))
        for tape in tapes:
            replay = ReplayChoices(tape)
            source = emit(program(replay, ctx), FEATURES)
            if wanted in source:
                return tuple(replay.used), source
        return None

    def spans(tape: Tape) -> list[tuple[int, int]]:
        replay = ReplayChoices(tape)
        program(replay, ctx)
        return replay.spans

    for seed in range(1000):
        recorded = RandomChoices(seed)
        source = emit(program(recorded, ctx), FEATURES)
        if wanted in source and source.count("\n") > 20:
            tape, smallest = shrink(recorded.tape, source, still_fails, spans)
            assert len(tape) < len(recorded.tape)
            assert sum(calls) <= 2000 + 16  # the budget, and one batch past it at most
            return list(tape), smallest
    raise AssertionError("no program with %r" % wanted)


def test_shrinking_keeps_the_failure_and_ends_small() -> None:
    _, source = _check_source("nonlocal")
    assert "nonlocal" in str(source)
    assert str(source).count("\n") <= 11, source


def test_shrinking_is_bounded_by_its_budget() -> None:
    ctx = Context.for_area(FEATURES)
    recorded = RandomChoices(7)
    program(recorded, ctx)
    checked: list[int] = []

    def always_fails(tapes: Sequence[Tape]) -> tuple[Tape, None] | None:
        checked.append(len(tapes))
        return None  # nothing smaller fails: the shrinker tries until its budget is spent

    tape, _ = shrink(recorded.tape, None, always_fails, max_tries=100)
    assert tape == tuple(recorded.tape)
    assert 100 <= sum(checked) <= 116
