"""The emitter: source text for the IR, parseable by every target version."""

from __future__ import annotations

import ast
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conformance.host.driver import Runner
from conformance.host.interpreters import discover
from conformance.host.protocol import Program
from generators import ir
from generators.emit import UnsupportedSyntax, emit
from generators.features import Features
from generators.strategies import invalid_programs, programs
from tests.support import parse

ROUND_TRIPS = [
    "def f(a, b=1, *c, d=2):\n    nonlocal x\n    global y\n    return (a,)\n",
    "@d\ndef f(*, k=0):\n    yield k\n",
    "x = [(lambda: i) for i in range(3)]\n",
    "x = {i: (lambda: i) for i in range(3)}\n",
    "x = {i + 1 for i in []}\n",
    "x = list((i for i in range(2)))\n",
    "x = (y := 1)\n",
    "x = lambda a=1: (a, b)\n",
    "class C:\n    def m(self):\n        return C.m\n",
    "try:\n    raise ValueError(1)\nexcept Exception as e:\n    del e\n",
    "probe_call('p', f()[0], 1)\nprobe_closure('q', f)\nprobe('r', [1, 2][0])\n",
    "x = (lambda: 1) + (lambda: 2)\n",
    "for i in range(2):\n    x.append(lambda: i)\n",
]


@pytest.mark.parametrize("source", ROUND_TRIPS)
def test_emitted_source_reads_back_as_the_same_program(source: str) -> None:
    module = parse(source)
    text = emit(module)
    ast.parse(text)
    assert parse(text) == module


def test_a_pass_fills_empty_blocks() -> None:
    assert emit(ir.Module((ir.ClassDef("C", ()),))) == "class C:\n    pass\n"


def test_walrus_is_refused_for_a_target_before_3_8() -> None:
    with pytest.raises(UnsupportedSyntax):
        emit(parse("x = (y := 1)\n"), Features.for_version((3, 7)))


def test_nonlocal_is_refused_for_a_target_that_cannot_parse_it() -> None:
    features = Features.from_handshake("3.4", {"nonlocal": False})
    with pytest.raises(UnsupportedSyntax):
        emit(parse("def f():\n    nonlocal x\n"), features)


def test_strategies_leave_out_what_the_target_cannot_parse() -> None:
    features = Features.from_handshake("3.4", {"nonlocal": False, "walrus": False})

    @settings(max_examples=100)
    @given(st.one_of(programs(features), invalid_programs(features)))
    def parses(module: ir.Module) -> None:
        emit(module, features)  # raises UnsupportedSyntax on nonlocal or :=

    parses()


CPYTHONS = [i for i in discover() if i.implementation == "cpython"]


@pytest.fixture(scope="module", params=CPYTHONS, ids=[i.name for i in CPYTHONS])
def cpython(request: pytest.FixtureRequest) -> Iterator[tuple[Runner, Features]]:
    with Runner(request.param.path) as runner:
        assert runner.hello is not None
        yield runner, Features.from_handshake(runner.hello.language, runner.hello.capabilities)


def test_every_emitted_program_parses_on_every_cpython_present(cpython: tuple[Runner, Features]) -> None:
    runner, features = cpython
    sources: list[str] = []

    @settings(max_examples=150, suppress_health_check=list(HealthCheck), database=None)
    @given(st.one_of(programs(features), invalid_programs(features)))
    def collect(module: ir.Module) -> None:
        sources.append(emit(module, features))

    collect()
    checks = [
        Program(str(i), "import ast\nprobe('parsed', ast.parse(%r) is not None)\n" % s) for i, s in enumerate(sources)
    ]
    unparsed = [
        (sources[int(result.id)], result.observations.get("parsed"))
        for result in runner.run(checks)
        if result.observations.get("parsed") != {"value": True}
    ]
    assert not unparsed, "%s cannot parse:\n%s" % (runner.hello and runner.hello.label, unparsed[0])
