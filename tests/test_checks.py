"""Check ids and the signatures of differences."""

from __future__ import annotations

import pytest

from conformance.engine.checks import Check, signature, signed
from conformance.engine.records import Difference


def test_ids_name_the_kind_the_area_and_the_case_or_level() -> None:
    case = Check.case("late-binding/loop-lambdas", "late-binding", "language")
    assert (case.id, case.is_generated) == ("case:late-binding/loop-lambdas", False)
    prop = Check.generated("global", "data-model")
    assert (prop.id, prop.area, prop.level, prop.is_generated) == ("generated:global/data-model", "global",
                                                                    "data-model", True)  # fmt: skip
    assert prop.signed("value") == signed(prop.id, "value") == "generated:global/data-model#value"
    assert prop.slug() == "generated-global-data-model"


@pytest.mark.parametrize(
    ("difference", "expected"),
    [
        (Difference("language", "p1", "value", "returns 1", "returns 2"), "value"),
        (Difference("language", "p1", "exception", "UnboundLocalError (a subclass of NameError)",
                    "NameError: cannot access free variable 'a'"), "exception:UnboundLocalError->NameError"),
        (Difference("language", "p1", "outcome", "returns 1", "raises KeyError: 'a'"), "outcome:value->KeyError"),
        (Difference("language", "p1", "outcome", "raises NameError", "no value"), "outcome:NameError->no-value"),
        (Difference("language", "program", "compile", "none", "SystemError: bad"), "compile:none->SystemError"),
        (Difference("language", "program", "uncaught exception", "none", "mod.Error: x"),
         "uncaught-exception:none->mod.Error"),
        (Difference("language", "p3", "type", "function", "cell"), "type:function->cell"),
        (Difference("language", "p3", "probe", "to be reached", "never reached"), "probe:never-reached"),
        (Difference("language", "p3", "probe", "not to be reached", "reached: returns 1"), "probe:reached"),
        (Difference("data-model", "p3", "cell b", "1", "empty"), "cell"),
        (Difference("data-model", "p3", "cell b identity", "cell #0", "cell #1"), "cell-identity"),
        (Difference("data-model", "c", "cell", "1", "empty"), "cell"),
        (Difference("cpython-detail", "p3", "co_freevars order", "(a, b)", "(b, a)"), "co_freevars-order"),
        (Difference("cpython-detail", "p3", "exception message", "'a'", "'b'"), "exception-message"),
        (Difference("language", "program", "run", "a result", "crash: was killed by SIGSEGV; it printed: x"),
         "run:crash-SIGSEGV"),
        (Difference("language", "program", "run", "a result", "timeout: did not answer"), "run:timeout"),
    ],
)  # fmt: skip
def test_a_signature_names_the_way_without_probes_or_values(difference: Difference, expected: str) -> None:
    assert signature([difference]) == expected


def test_the_first_difference_signs_and_none_signs_nothing() -> None:
    first = Difference("language", "p1", "value", "returns 1", "returns 2")
    second = Difference("data-model", "p2", "__closure__", "None", "1 cells")
    assert signature([first, second]) == "value"
    assert signature([]) == ""
