"""Feature sets: what a target parses, from its handshake's probes or from CPython's grammar history."""

from __future__ import annotations

import dataclasses

import pytest

from conformance.host.driver import Runner
from conformance.host.interpreters import Interpreter, discover
from conformance.target import runner
from generators.features import ASSUMED, BEHAVIOUR, SYNTAX, Features, parses

# Each construct field of Features and the handshake key it is read from.
FIELDS = {
    "nonlocal_statement": "nonlocal",
    "walrus": "walrus",
    "posonly": "posonly",
    "kwonly": "kwonly",
    "starred_assignment": "starred_assignment",
    "extended_unpacking": "extended_unpacking",
    "match": "match",
    "async_def": "async",
    "async_generator": "async_generator",
    "async_comprehension": "async_comprehension",
    "yield_from": "yield_from",
    "class_keywords": "class_keywords",
    "decorator_expressions": "decorator_expressions",
    "type_params": "type_params",
    "type_alias": "type_alias",
    "variable_annotations": "variable_annotations",
    "annotations": "annotations",
    "dynamic_execution": "dynamic_execution",
}


def construct_fields(features: Features) -> dict[str, bool]:
    return {name: value for name, value in dataclasses.asdict(features).items() if name != "version"}


def test_every_construct_field_is_read_from_its_handshake_key() -> None:
    assert set(construct_fields(Features((3, 12)))) == set(FIELDS)
    for name, key in FIELDS.items():
        lacking = Features.from_handshake("3.12", {**dict.fromkeys([*SYNTAX, *BEHAVIOUR], True), key: False})
        assert [field for field, value in construct_fields(lacking).items() if not value] == [name], key


def test_a_handshake_that_parses_everything_excludes_nothing_whatever_version_it_says() -> None:
    features = Features.from_handshake("3.4", dict.fromkeys([*SYNTAX, *BEHAVIOUR], True))
    assert features.version == (3, 4)
    assert all(construct_fields(features).values())
    assert features.excluded() == []


def test_an_older_handshake_without_the_new_keys_gets_the_conservative_defaults() -> None:
    features = Features.from_handshake("3.13", {"nonlocal": True, "walrus": True, "fstring": True})
    assert {name for name, value in construct_fields(features).items() if value} == {
        "nonlocal_statement", "walrus", "kwonly", "starred_assignment", "yield_from", "class_keywords",
    }  # fmt: skip
    assert features.excluded() == [
        "positional-only parameters", "unpacking in displays and calls (PEP 448)", "match", "async def",
        "async generators", "async comprehensions", "decorator expressions", "type parameters", "type statements",
        "variable annotations", "annotations kept in __annotations__", "eval and exec",
    ]  # fmt: skip


def test_only_python_3_0_syntax_and_yield_from_are_assumed_when_not_mentioned() -> None:
    assert {key for key in ASSUMED if SYNTAX[key].since != (3, 0)} == {"yield_from"}
    assert parses({}, "dict_comprehension") and parses({}, "nonlocal")
    assert not parses({}, "walrus") and not parses({}, "fstring")
    assert not parses({"nonlocal": False}, "nonlocal")


@pytest.mark.parametrize(
    ("version", "excluded"),
    [
        ((3, 4), [":=", "positional-only parameters", "unpacking in displays and calls (PEP 448)", "match",
                  "async def", "async generators", "async comprehensions", "decorator expressions",
                  "type parameters", "type statements", "variable annotations"]),
        ((3, 5), [":=", "positional-only parameters", "match", "async generators", "async comprehensions",
                  "decorator expressions", "type parameters", "type statements", "variable annotations"]),
        ((3, 8), ["match", "decorator expressions", "type parameters", "type statements"]),
        ((3, 9), ["match", "type parameters", "type statements"]),
        ((3, 11), ["type parameters", "type statements"]),
        ((3, 12), []),
    ],
)  # fmt: skip
def test_a_cpython_version_parses_what_its_grammar_had(version: tuple[int, int], excluded: list[str]) -> None:
    assert Features.for_version((*version, 7)).excluded() == excluded


def test_the_runner_probes_every_syntax_capability() -> None:
    assert [name for name, _ in runner.SYNTAX_PROBES] == list(SYNTAX)
    assert set(FIELDS.values()) <= set(SYNTAX) | set(BEHAVIOUR)


PYTHONS = discover()


@pytest.mark.parametrize("python", PYTHONS, ids=[python.name for python in PYTHONS])
def test_the_probes_agree_with_the_grammar_history(python: Interpreter) -> None:
    """On every CPython (and PyPy) present, a probe compiles exactly when the grammar of its language had it."""
    with Runner(python.path) as target:
        assert target.hello is not None
        language = Features.from_handshake(target.hello.language, {}).version
        parsed = {key: parses(target.hello.capabilities, key) for key in SYNTAX}
    assert parsed == {key: language >= syntax.since for key, syntax in SYNTAX.items()}
