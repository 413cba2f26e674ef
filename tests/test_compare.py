"""Comparison of predicted and observed results, and the level of each difference."""

from __future__ import annotations

from typing import Any

from conformance.compare import compare
from conformance.driver import Fault, ProgramResult

NAME_ERROR = {"type": "NameError", "module": "builtins", "mro": ["NameError"], "message": "m"}
UNBOUND = {"type": "UnboundLocalError", "module": "builtins", "mro": ["UnboundLocalError", "NameError"], "message": "m"}


def closure(freevars: list[str], cells: dict[str, Any], closure: int | None = None) -> dict[str, Any]:
    return {"type": "function", "freevars": freevars, "closure": closure, "cells": cells}


def levels(expected: dict[str, Any], observed: dict[str, Any]) -> list[tuple[str, str]]:
    return [(d.level, d.facet) for d in compare({"observations": expected}, {"observations": observed})]


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
    expected = {"observations": [["p1", {"value": 1}], ["p2", {"value": 2}]]}
    differences = compare(expected, {"compile_error": syntax_error, "observations": []})
    assert [(d.level, d.facet) for d in differences] == [("language", "compile")]


def test_a_fault_differs_at_every_level() -> None:
    crashed = ProgramResult(id="x", fault=Fault("crash", "was killed by SIGSEGV"))
    differences = compare({"observations": []}, crashed)
    assert {d.level for d in differences} == {"language", "data-model", "cpython-detail"}


def test_only_the_levels_asked_for() -> None:
    expected = {"observations": [["p", {"raises": NAME_ERROR}]]}
    observed = {"observations": [["p", {"raises": {**NAME_ERROR, "message": "x"}}]]}
    assert compare(expected, observed, ["language"]) == []
    assert len(compare(expected, observed, ["cpython-detail"])) == 1
