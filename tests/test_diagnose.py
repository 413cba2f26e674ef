"""Deviations in the model, and the diagnosis of a difference by the deviations that explain it."""

from __future__ import annotations

import shutil
import sys

import pytest

from conformance.engine.diagnose import diagnose
from conformance.engine.session import Options, Session
from conformance.host.protocol import Program, ProgramResult
from conformance.model.deviations import DEVIATIONS
from conformance.model.evaluate import predict
from tests.support import BUGGY, HOST, ROOT, parse, pypy

VERSION = (3, 11)

# A program that shows each deviation: the model predicts it differently with the deviation.
SHOWS = {
    "unbound-local-as-name-error": """
def f():
    x += 1
probe_call('r', f)
""",
    "except-as-kept": """
def f():
    try:
        raise ValueError(1)
    except ValueError as e:
        pass
    return e
probe_call('r', f)
""",
    "del-of-a-local-does-nothing": """
x = "global"
def f():
    x = 1
    del x
    return x
probe_call('r', f)
""",
    "del-missing-global-as-key-error": """
def f():
    global zz
    del zz
probe_call('r', f)
""",
    "generator-return-value-is-syntax-error": """
def g():
    yield 1
    return 2
probe('r', 1)
""",
    "generator-star-parameters-are-syntax-error": """
def g(*a):
    yield a
probe('r', 1)
""",
    "comprehension-runs-in-the-enclosing-block": """
def f():
    [a for a in [1]]
    return a
probe_call('r', f)
""",
    "empty-cell-read-gives-undefined": """
def f():
    y = x
    x = 1
    return lambda: x
probe_call('r', f)
""",
    "generator-function-named-native-js": """
def g():
    yield 1
probe('r', g)
""",
}

# a program with both: an except-as name read after its handler, and a local read before it is bound
BOTH = (
    SHOWS["except-as-kept"]
    + """
def g():
    y = y
probe_call('s', g)
"""
)


def as_observed(result: dict[str, object]) -> ProgramResult:
    return ProgramResult.from_message({"id": "p", **result})


def test_every_deviation_is_documented_and_shown_by_a_program() -> None:
    assert set(SHOWS) == set(DEVIATIONS)
    for name, deviation in DEVIATIONS.items():
        assert deviation.name == name and deviation.behaves_as and deviation.rule and deviation.cause
        assert deviation.workaround
        module = parse(SHOWS[name])
        assert predict(module, VERSION, frozenset({name})) != predict(module, VERSION), name


@pytest.mark.parametrize("name", sorted(DEVIATIONS))
def test_the_deviation_that_makes_a_difference_is_the_one_found(name: str) -> None:
    module = parse(SHOWS[name])
    observed = as_observed(predict(module, VERSION, frozenset({name})))
    assert diagnose(module, VERSION, observed, "language") == (name,)


def test_two_deviations_in_one_program_are_found_together() -> None:
    module = parse(BOTH)
    both = frozenset({"except-as-kept", "unbound-local-as-name-error"})
    assert diagnose(module, VERSION, as_observed(predict(module, VERSION, both)), "language") == tuple(sorted(both))


def test_a_program_the_model_predicts_needs_no_deviation() -> None:
    module = parse(SHOWS["except-as-kept"])
    assert diagnose(module, VERSION, as_observed(predict(module, VERSION)), "language") == ()


def test_a_difference_no_deviation_explains_is_left_undiagnosed() -> None:
    module = parse(SHOWS["except-as-kept"])
    observed = as_observed({"observations": [["r", {"value": "KeyError"}]]})
    assert diagnose(module, VERSION, observed, "language") is None


def run(command: str, source: str) -> ProgramResult:
    session = Session.open(Options(command=command))
    try:
        [result] = session.target.runner.run([Program("p", source)])
        return result
    finally:
        session.close()


@pytest.mark.parametrize(
    ("bug", "deviation"),
    [("except-name-kept", "except-as-kept"), ("unbound-is-name-error", "unbound-local-as-name-error")],
)
def test_a_seeded_interpreter_is_diagnosed_with_the_deviation_it_has(bug: str, deviation: str) -> None:
    source = SHOWS[deviation].lstrip()
    module = parse(source)
    version = sys.version_info[:2]
    assert diagnose(module, version, run("%s %s" % (BUGGY, bug), source), "language") == (deviation,)
    assert diagnose(module, version, run(HOST, source), "language") == ()  # the host itself needs none


def test_pypy_is_diagnosed_with_its_deletion_of_a_missing_global() -> None:
    command = pypy()
    if command is None:
        pytest.fail("PyPy is needed: it is what shows this deviation (apt-get install pypy3)")
    source = SHOWS["del-missing-global-as-key-error"].lstrip()
    assert diagnose(parse(source), (3, 9), run(command, source), "language") == ("del-missing-global-as-key-error",)


def test_skulpt_is_diagnosed_with_the_deviations_seen_on_it() -> None:
    adapter = ROOT / "conformance" / "target" / "adapters" / "skulpt.mjs"
    node = shutil.which("node")
    if node is None or not (adapter.parent / "node_modules" / "skulpt").is_dir():
        pytest.fail("Skulpt is needed: node and `npm ci --prefix conformance/target/adapters`")
    session = Session.open(Options(command="%s %s" % (node, adapter)))
    try:
        seen = sorted(name for name, deviation in DEVIATIONS.items() if "skulpt" in deviation.seen)
        results = session.target.runner.run([Program(name, SHOWS[name].lstrip()) for name in seen])
    finally:
        session.close()
    diagnosed = {
        name: diagnose(parse(SHOWS[name]), (3, 7), result, "language")
        for name, result in zip(seen, results, strict=True)
    }
    assert diagnosed == {name: (name,) for name in seen}
