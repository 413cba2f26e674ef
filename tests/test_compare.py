"""The one comparison: expected against observed results, and the level of each difference."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from conformance.engine.compare import Expected, compare, same, show
from conformance.host.protocol import Fault, ProgramResult
from conformance.target.runner import canonical

NAME_ERROR = {"type": "NameError", "module": "builtins", "mro": ["NameError"], "message": "m"}
UNBOUND = {"type": "UnboundLocalError", "module": "builtins", "mro": ["UnboundLocalError", "NameError"], "message": "m"}


def closure(freevars: list[str], cells: dict[str, Any], closure: int | None = None) -> dict[str, Any]:
    return {"type": "function", "freevars": freevars, "closure": closure, "cells": cells}


def result(observations: dict[str, Any] | None = None, **fields: Any) -> ProgramResult:
    return ProgramResult(id="p", observations=observations or {}, **fields)


def levels(expected: dict[str, Any], observed: dict[str, Any], exhaustive: bool = True) -> list[tuple[str, str]]:
    return [(d.level, d.facet) for d in compare(Expected(expected, exhaustive=exhaustive), result(observed))]


def test_equal_results_have_no_difference() -> None:
    same = {"p": {"value": [1, {"tuple": [2]}]}}
    assert levels(same, same) == []


def test_values_compare_strictly_at_the_language_level() -> None:
    assert levels({"p": {"value": 1}}, {"p": {"value": True}}) == [("language", "value")]
    assert levels({"p": {"value": [1]}}, {"p": {"value": {"tuple": [1]}}}) == [("language", "value")]


def test_opaque_objects_compare_by_type_only() -> None:
    ours = {"p": {"value": {"object": "generator"}}}
    theirs = {"p": {"value": {"object": "generator", "repr": "<generator object g at 0x7f>"}}}
    assert levels(ours, theirs) == []


def test_the_exact_exception_class_is_language_the_message_a_cpython_detail() -> None:
    assert levels({"p": {"raises": NAME_ERROR}}, {"p": {"raises": UNBOUND}}) == [("language", "exception")]
    other_message = {**NAME_ERROR, "message": "other"}
    assert levels({"p": {"raises": NAME_ERROR}}, {"p": {"raises": other_message}}) == [
        ("cpython-detail", "exception message")
    ]
    unpredicted = {k: v for k, v in NAME_ERROR.items() if k != "message"}
    assert levels({"p": {"raises": unpredicted}}, {"p": {"raises": other_message}}) == []


def test_closure_facts_are_data_model_and_their_order_a_cpython_detail() -> None:
    cells = {"a": {"id": 0, "value": 1}, "b": {"id": 1, "empty": True}}
    expected = {"p": closure(["a", "b"], cells, 2)}
    assert levels(expected, {"p": closure(["b", "a"], cells, 2)}) == [("cpython-detail", "co_freevars order")]
    assert levels(expected, {"p": closure(["a"], {"a": cells["a"]}, 1)}) == [
        ("data-model", "__closure__"),
        ("data-model", "co_freevars"),
    ]
    shared = {"a": {"id": 0, "value": 1}, "b": {"id": 0, "empty": True}}
    assert levels(expected, {"p": closure(["a", "b"], shared, 2)}) == [("data-model", "cell b identity")]
    filled = {"a": {"id": 0, "value": 1}, "b": {"id": 1, "value": None}}
    assert levels(expected, {"p": closure(["a", "b"], filled, 2)}) == [("data-model", "cell b")]


def test_probes_reached_or_not_are_language() -> None:
    assert levels({"p": {"value": 1}}, {}) == [("language", "probe")]
    assert levels({}, {"p": {"value": 1}}) == [("language", "probe")]


def test_a_program_that_does_not_compile_is_one_difference() -> None:
    syntax_error = {"type": "SystemError", "module": "builtins", "mro": ["SystemError"], "message": "m"}
    expected = Expected({"p1": {"value": 1}, "p2": {"value": 2}})
    differences = compare(expected, result(compile_error=syntax_error))
    assert [(d.level, d.facet) for d in differences] == [("language", "compile")]


def test_a_program_compiled_on_one_side_only_differs_at_each_level_asked_for() -> None:
    # (a comparison at the data-model level alone must not pass for want of anything to compare)
    syntax_error = {"type": "SyntaxError", "module": "builtins", "mro": ["SyntaxError"], "message": "m"}
    expected = Expected({"p1": closure(["a"], {"a": {"id": 0, "value": 1}}, 1)})
    for level in ("language", "data-model", "cpython-detail"):
        differences = compare(expected, result(compile_error=syntax_error), [level])
        assert [(d.level, d.facet) for d in differences] == [(level, "compile")]
        differences = compare(Expected(compile_error=syntax_error), result({"p1": {"value": 1}}), [level])
        assert [(d.level, d.facet) for d in differences] == [(level, "compile")]


def test_a_closure_probe_reached_on_one_side_only_differs_at_each_level_asked_for() -> None:
    probed = {"p": closure(["a"], {"a": {"id": 0, "value": 1}}, 1)}
    assert levels(probed, {}) == [("language", "probe")]  # (told once)
    for level in ("data-model", "cpython-detail"):
        differences = compare(Expected(probed), result({}), [level])
        assert [(d.level, d.facet) for d in differences] == [(level, "probe")]
        differences = compare(Expected({}), result(probed), [level])
        assert [(d.level, d.facet) for d in differences] == [(level, "probe")]
    # a value probe carries language facts only
    assert compare(Expected({"p": {"value": 1}}), result({}), ["data-model"]) == []


def test_a_function_type_named_otherwise_hides_no_difference_in_its_cells() -> None:
    expected = {"p": {**closure(["a"], {"a": {"id": 0, "value": 1}}, 1), "type": "closure"}}
    observed = {"p": closure(["a"], {"a": {"id": 0, "value": None}}, 1)}
    assert levels(expected, observed) == [("language", "type"), ("data-model", "cell a")]


def test_a_fault_differs_at_every_level() -> None:
    crashed = ProgramResult(id="x", fault=Fault("crash", "was killed by SIGSEGV"))
    differences = compare(Expected(), crashed)
    assert {d.level for d in differences} == {"language", "data-model", "cpython-detail"}


def test_only_the_levels_asked_for() -> None:
    expected = Expected({"p": {"raises": NAME_ERROR}})
    observed = result({"p": {"raises": {**NAME_ERROR, "message": "x"}}})
    assert compare(expected, observed, ["language"]) == []
    assert len(compare(expected, observed, ["cpython-detail"])) == 1


def test_a_partial_expectation_compares_only_what_it_predicts() -> None:
    """As a case's header does: the probes it names, the facts it names."""
    cells = {"a": {"id": 0, "value": 1}, "b": {"id": 1, "empty": True}}
    observed = {"p": closure(["b", "a"], cells, 2), "q": {"value": 3}}
    assert levels({"p": {"closure": 2}}, observed, exhaustive=False) == []
    assert levels({"p": {"freevars": ["a", "b"], "unordered": ["freevars"]}}, observed, exhaustive=False) == []
    order = [("cpython-detail", "co_freevars order")]
    assert levels({"p": {"freevars": ["a", "b"]}}, observed, exhaustive=False) == order
    assert levels({"p": {"cells": {"b": {"empty": True}}}}, observed, exhaustive=False) == []
    assert levels({"p": {"cells": {"b": {"id": 0}}}}, observed, exhaustive=False) == [("data-model", "cell b identity")]
    assert levels({"p": {"cells": {"c": {"id": 0}}}}, observed, exhaustive=False) == [("data-model", "cell c")]
    assert levels({"p": {"closure": 2}}, observed) == [("language", "probe")]  # exhaustive: q was not expected


def test_an_exception_expected_by_class_or_by_message_alone() -> None:
    assert levels({"p": {"raises": {"type": "NameError"}}}, {"p": {"raises": NAME_ERROR}}) == []
    assert levels({"p": {"raises": {"type": "NameError"}}}, {"p": {"raises": UNBOUND}}) == [("language", "exception")]
    assert levels({"p": {"raises": {"message": "m"}}}, {"p": {"raises": UNBOUND}}) == []
    assert levels({"p": {"raises": {"message": "n"}}}, {"p": {"raises": UNBOUND}}) == [
        ("cpython-detail", "exception message")
    ]


def test_a_probed_cell_and_the_program_output() -> None:
    assert levels({"c": {"cell": {"empty": True}}}, {"c": {"cell": {"id": 0, "empty": True}}}) == []
    assert levels({"c": {"cell": {"value": 1, "id": 1}}}, {"c": {"cell": {"id": 0, "value": 2}}}) == [
        ("data-model", "cell"), ("data-model", "cell identity"),
    ]  # fmt: skip
    differences = compare(Expected(output="hi\n"), result(output="ho\n"))
    assert [(d.level, d.facet, d.expected, d.observed) for d in differences] == [
        ("language", "output", "'hi\\n'", "'ho\\n'")
    ]


def test_an_uncaught_exception_differs_unless_expected() -> None:
    error = {"type": "TypeError", "module": "builtins", "mro": ["TypeError", "Exception"], "message": "bad"}
    [difference] = compare(Expected(), result(error=error))
    shown = (difference.facet, difference.expected, difference.observed)
    assert shown == ("uncaught exception", "none", "TypeError: bad")
    assert compare(Expected(error={"type": "TypeError"}), result(error=error)) == []


def test_values_are_shown_as_python_shows_them() -> None:
    assert show([1, {"tuple": [2]}, {"dict": [["a", True]]}, {"set": []}, {"float": "nan"}]) == (
        "[1, (2,), {'a': True}, set(), float('nan')]"
    )
    [difference] = compare(Expected({"x": {"value": [1]}}), result({"x": {"value": [True]}}))
    assert (difference.expected, difference.observed) == ("returns [1]", "returns [True]")


# Encoded values as the runner sends them: JSON, where 1, True and 1.0 are three values.
ENCODED = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=True) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["list", "tuple", "a"]), inner),
    max_leaves=8,
)


@given(ENCODED, ENCODED)
def test_values_are_the_same_exactly_when_their_canonical_encodings_are(a: Any, b: Any) -> None:
    assert same(a, b) == (type(a) is type(b) and canonical(a) == canonical(b))
    assert same(a, a)  # (NaN too: the same encoding)


def test_values_equal_in_python_but_not_in_json_are_not_the_same() -> None:
    assert not same([1], [True]) and not same({"tuple": [1.0]}, {"tuple": [1]})
    assert same({"tuple": [1, [True]]}, {"tuple": [1, [True]]})
