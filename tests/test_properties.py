"""Generated properties in-process: the pipeline, shrinking, the reference, and proof that each can fail.

Every property fails on an interpreter that breaks its rule: each seeded interpreter
is a real Python with one closure bug seeded in it (tests/targets/buggy_python.py
rewrites programs, or what they observe, before running them). A property that
stayed green on the interpreter whose bug it is about could not fail.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.engine.casefile import CASES_DIR, load
from conformance.engine.catalog import GENERATED, LEVELS
from conformance.engine.check import CheckRun
from conformance.engine.checks import Check
from conformance.engine.expectations import Expectations
from conformance.engine.properties import Property
from conformance.engine.session import Options, Session
from conformance.engine.target import Target
from generators.choices import RandomChoices
from tests.support import BUGGY, HOST, cpython_at_least

GENERATED_AREAS = sorted({area for area, _ in GENERATED if area != "syntax-errors"})
EXAMPLES = 80  # as many as the `fail-fast` profile allows a property
PROGRAMS = 50

# bug -> the properties (area/level) it must make fail
SEEDED = {
    "early-binding": ["late-binding/language", "capture/language", "cells/language", "closure-attribute/language"],
    "nonlocal-ignored": ["nonlocal/language", "cell-sharing/language"],
    "global-ignored": ["global/language"],
    "except-name-kept": ["except-as/language"],
    "class-body-in-globals": ["class-scope/language"],
    "comprehension-leaks": ["comprehension-scope/language"],
    "with-target-ignores-nonlocal": ["nonlocal/language", "global/language"],
    "unpacking-ignores-nonlocal": ["nonlocal/language", "global/language"],
    "defaults-at-call-time": ["capture/language", "late-binding/language"],
    "private-names-unmangled": ["class-scope/language"],
    "class-bases-in-class-scope": ["class-scope/language"],
    "match-capture-ignores-nonlocal": ["nonlocal/language", "global/language", "class-scope/language"],
    "async-closure-stale": ["cell-sharing/language"],
    "yield-expression-drops-sent-value": ["cell-sharing/language"],
    "super-from-the-instance": ["class-cell/language"],
    "class-cell-only-in-methods": ["class-cell/language"],
    "type-parameters-leak": ["annotation-scopes/language"],
    "eager-type-aliases": ["annotation-scopes/language"],
    "class-annotation-scopes-skip-the-class": ["annotation-scopes/language"],
    "eager-annotations": ["annotation-scopes/language"],
    "locals-without-free-variables": ["introspection/language"],
    "comprehension-locals-before-pep-709": ["introspection/language"],
    "unbound-is-name-error": ["unbound/language"],
    "scope-errors-accepted": ["syntax-errors/language"],
    "closure-loses-a-cell": ["%s/data-model" % area for area in GENERATED_AREAS],
    "cpython-details-differ": ["%s/cpython-detail" % area for area in GENERATED_AREAS],
}


# bug -> a hand-written case that catches it too: the properties reach coroutine bodies and values sent into
# `yield` only where a program drives them (its `drive` helper), the cases reach them directly.
CAUGHT_BY_A_CASE = {
    "async-closure-stale": "capture/async-function-captures-enclosing-variable",
    "yield-expression-drops-sent-value": (
        "late-binding/closure-in-generator-reads-the-value-sent-into-a-yield-expression"
    ),
}


@pytest.fixture(scope="module")
def host() -> Iterator[Session]:
    session = Session.open(Options(command=HOST))
    yield session
    session.close()


def first_failure(prop: Property, seed: int = 0, plain: Property | None = None) -> tuple[int, CheckRun] | None:
    """Run examples until one fails: (its seed, its run), or None if none of EXAMPLES did.

    With `plain`, the same property on the interpreter without the bug: an example counts only if
    it passes there (CPython 3.12 and 3.13 have bugs of their own that the properties find)."""
    seeds = random.Random(seed)
    for _ in range(EXAMPLES):
        example = seeds.getrandbits(64)
        run = CheckRun(prop.check, Expectations(), prop.target.version)
        ending = prop.example(example, run, PROGRAMS)
        if ending is not None:
            assert ending.kind == "fail", ending.text
            if plain is not None and plain.example(example, CheckRun(plain.check, Expectations(), plain.target.version),
                                                   PROGRAMS) is not None:  # fmt: skip
                continue
            return example, run
    return None


def test_every_property_has_a_seeded_bug_that_breaks_it() -> None:
    properties = {"%s/%s" % (area, level) for area in GENERATED_AREAS for level in LEVELS}
    properties.add("syntax-errors/language")
    assert {prop for props in SEEDED.values() for prop in props} == properties == {"%s/%s" % g for g in GENERATED}


# bugs in rules of 3.12 and later: the seeded interpreter runs on a CPython 3.12 or later
NEEDS_NEWER = {
    "type-parameters-leak": (3, 12),
    "eager-type-aliases": (3, 12),
    "comprehension-locals-before-pep-709": (3, 12),
    "class-annotation-scopes-skip-the-class": (3, 13),
    "eager-annotations": (3, 13),  # (and older than 3.14, which it claims to be)
}


def seeded(bug: str) -> str:
    """The command of the interpreter with the bug seeded in it."""
    if bug not in NEEDS_NEWER:
        return "%s %s" % (BUGGY, bug)
    newer = cpython_at_least(NEEDS_NEWER[bug])
    if newer is None:
        pytest.fail(
            "the seeded bug %s needs a CPython %d.%d or later to run under; none was found" % (bug, *NEEDS_NEWER[bug])
        )
    return "%s %s %s" % (newer, BUGGY.split(" ", 1)[1], bug)


@pytest.mark.parametrize("bug", list(SEEDED))
def test_the_properties_about_a_seeded_bug_fail(bug: str) -> None:
    session = Session.open(Options(command=seeded(bug), shrinking=False))
    plain = None
    if bug in NEEDS_NEWER:  # the same interpreter without the bug, to tell its own failures apart
        plain = Session.open(Options(command=str(cpython_at_least(NEEDS_NEWER[bug])), shrinking=False))
    try:
        for name in SEEDED[bug]:
            prop = session.property(*name.split("/"))
            alone = plain.property(*name.split("/")) if plain is not None else None
            assert first_failure(prop, plain=alone) is not None, "%s never failed on %s" % (name, bug)
    finally:
        session.close()
        if plain is not None:
            plain.close()


@pytest.mark.parametrize("bug", list(CAUGHT_BY_A_CASE))
def test_a_seeded_bug_the_generated_programs_miss_fails_its_case(bug: str) -> None:
    session = Session.open(Options(command="%s %s" % (BUGGY, bug)))
    try:
        case = load(CASES_DIR / (CAUGHT_BY_A_CASE[bug] + ".py"))
        ending = session.run_case(case, session.check_run(case.check))
        assert ending is not None and ending.kind == "fail", "%s did not fail on %s" % (case.name, bug)
    finally:
        session.close()


def test_a_batch_agrees_on_a_correct_interpreter(host: Session) -> None:
    prop = host.property("late-binding", "language")
    checked = prop.run_batch([RandomChoices(seed) for seed in range(40)])
    assert 30 <= len(checked) <= 40  # less the programs whose outcome the Reference leaves open
    assert all(item.failure is None and item.tape and item.expected.observations for item in checked)


def test_an_example_counts_its_programs_and_names_its_constructs(host: Session) -> None:
    prop = host.property("comprehension-scope", "data-model")
    run = host.check_run(prop.check)
    notes: list[str] = []
    assert prop.example(7, run, 20, note=notes.append) is None
    assert 10 <= run.record.programs <= 20
    assert any(note.startswith("comprehension: ") for note in notes)
    assert run.record.description.startswith("generated comprehension-scope programs agree")


def test_program_ids_are_unique_across_the_properties_of_a_session(host: Session) -> None:
    first = host.property("capture", "language")
    second = host.property("global", "language")
    assert host.property("capture", "language") is first  # one per session: it keeps its shrunk failures
    assert first.serial is second.serial


def test_a_failure_is_shrunk_once_to_a_smaller_program_that_differs_the_same_way() -> None:
    session = Session.open(Options(command="%s global-ignored" % BUGGY))
    try:
        prop = session.property("global", "language")
        found = first_failure(Property(prop.check, session.target, shrinking=False))
        assert found is not None
        seed, _ = found
        run = session.check_run(prop.check)
        ending = prop.example(seed, run, PROGRAMS, replay="python -m pytest again")
        assert ending is not None and ending.kind == "fail" and "minimal program:" in ending.text
        failure = run.record.failure
        assert failure is not None and failure.signature
        assert failure.program.count("\n") <= 20, failure.program
        assert Path(failure.repro_script).exists() and failure.repro.endswith(failure.repro_script)
        assert failure.replay == "python -m pytest again"
        again = session.check_run(prop.check)
        replayed = prop.example(seed, again, PROGRAMS)  # as Hypothesis replays a failing example: not run again
        assert replayed == ending and again.record.failure == failure and again.record.programs == 0
    finally:
        session.close()


def test_a_program_the_model_passed_must_agree_with_the_reference_too() -> None:
    session = Session.open(Options(command=HOST, reference="%s early-binding" % BUGGY, shrinking=False))
    try:
        prop = session.property("late-binding", "language")
        found = first_failure(prop)
        assert found is not None
        failure = found[1].record.failure
        assert failure is not None and failure.against.startswith("the reference interpreter ")
    finally:
        session.close()


def test_a_level_that_observes_closures_is_unsupported_without_them(host: Session) -> None:
    hello = dataclasses.replace(host.target.hello, capabilities={**host.target.hello.capabilities, "code_attr": False})
    prop = Property(Check.generated("cells", "data-model"), Target(host.target.command, host.target.runner, hello))
    run = host.check_run(prop.check)
    ending = prop.example(1, run, 5)
    assert ending is not None and ending.kind == "skip" and run.record.unsupported == ["code_attr"]
    assert run.record.programs == 0
