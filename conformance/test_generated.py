"""Generated programs against the reference model: one property per area and level.

Each Hypothesis example is a seed; the engine (conformance/engine/properties.py)
generates --programs-per-example programs from it, biased towards the area's
constructs, predicts them with the reference model, runs them in one batch, and
compares at the property's level; a program that differs is shrunk to a minimal
program, shown expected against observed, and written as a standalone script.
"""

from __future__ import annotations

import pytest
from hypothesis import Phase, event, given, settings
from hypothesis import strategies as st

from conformance.engine.catalog import AREAS_BY_SLUG, GENERATED, marker
from conformance.engine.check import CheckRun
from conformance.engine.checks import Check
from conformance.engine.session import Session
from conformance.plugin.outcomes import check_marker, conclude

PARAMS = [
    pytest.param(area, level, id="%s-%s" % (area, level),
                 marks=[getattr(pytest.mark, AREAS_BY_SLUG[area].marker), getattr(pytest.mark, marker(level)),
                        check_marker(Check.generated(area, level))])
    for area, level in GENERATED
]  # fmt: skip


@pytest.mark.parametrize(("area", "level"), PARAMS)
@settings(phases=[Phase.explicit, Phase.reuse, Phase.generate])  # the engine shrinks each failing program itself
@given(seed=st.integers(0, 2**64 - 1))
def test_generated(area: str, level: str, engine: Session, check_run: CheckRun, replay: str, seed: int) -> None:
    """One example: a batch of programs generated from the seed, predicted, run, and compared."""
    prop = engine.property(area, level)
    conclude(prop.example(seed, check_run, engine.options.programs_per_example, replay, note=event))
