"""Hypothesis strategies for generated programs: the generator, drawing from Hypothesis.

`programs(features, area)` and `invalid_programs(features)` run the same
generator as the conformance properties (generators/generate.py), with every
decision a Hypothesis draw, so Hypothesis shrinks a failing program itself and
`--hypothesis-show-statistics` counts the constructs drawn. Each decision costs a
draw (about 70 µs), so these serve the suite's own tests; the conformance
properties draw a seed per example and generate from it (generators/choices.py).
"""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from generators import ir
from generators.choices import DrawChoices
from generators.features import Features
from generators.generate import EMPHASIS, Context, invalid_program, program

__all__ = ["EMPHASIS", "invalid_programs", "programs"]


@functools.cache
def programs(features: Features, area: str | None = None) -> st.SearchStrategy[ir.Module]:
    """A valid program for a target with these features, biased towards the area's constructs."""
    ctx = Context.for_area(features, area)
    return st.composite(lambda draw: program(DrawChoices(draw), ctx))()


@functools.cache
def invalid_programs(features: Features) -> st.SearchStrategy[ir.Module]:
    """A valid program with one compile-time scope rule broken in it."""
    ctx = Context.for_area(features)
    return st.composite(lambda draw: invalid_program(DrawChoices(draw), ctx))()
