"""Diagnosis: the deviations that explain what a program observed.

A program differs from the model's prediction; which rules did the implementation
depart from? The model predicts the program again under deviations
(conformance/model/deviations.py), one at a time, then two at a time, and the
smallest set under which it predicts exactly what was observed, at the level being
checked, explains the difference. A difference no such set explains is new: a bug
to report, or a deviation the catalogue still lacks.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from conformance.engine.compare import Expected, compare
from conformance.host.protocol import ProgramResult
from conformance.model.deviations import DEVIATIONS
from conformance.model.evaluate import predict
from conformance.model.scopes import Unspecified
from generators import ir

MAX_DEVIATIONS = 2  # sets larger than this are not tried: two unrelated bugs in one program is already rare


def diagnose(
    module: ir.Module,
    version: tuple[int, ...],
    observed: ProgramResult,
    level: str,
    candidates: Iterable[str] = DEVIATIONS,
) -> tuple[str, ...] | None:
    """The smallest set of deviations (sorted names) under which the model predicts exactly what was
    observed at `level`: () when the model's own prediction is observed, None when no set of up to
    MAX_DEVIATIONS explains it. A run that faulted (a crash, a timeout) is explained by none: no
    deviation predicts a fault."""
    if observed.fault is not None:
        return None
    names = sorted(candidates)
    for size in range(MAX_DEVIATIONS + 1):
        for chosen in itertools.combinations(names, size):
            try:
                expected = Expected.from_result(predict(module, version, frozenset(chosen)))
            except Unspecified:
                continue
            if not compare(expected, observed, [level]):
                return chosen
    return None
