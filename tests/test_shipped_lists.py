"""The shipped expectation lists (conformance/expectations/): what they declare holds on the interpreters.

A case entry that names a deviation says that the deviation explains how the case differs. Where the
case's program is in the IR's subset (tests.support.parse reads it on this host), it is run on the
interpreter of the list, when this machine has it, and diagnosed: the deviation named must be one of
the smallest explanations of what it observed.
"""

from __future__ import annotations

import pytest

from conformance.engine.casefile import CASES_DIR, load
from conformance.engine.diagnose import diagnoses
from conformance.engine.expectations import Expectations
from conformance.engine.session import Options, Session
from conformance.host.interpreters import discover
from conformance.host.protocol import Program
from tests.support import ROOT, parse

LISTS = ROOT / "conformance" / "expectations"
INTERPRETERS = {"%s-%d.%d.toml" % (i.implementation, *i.version[:2]): i.path for i in discover()}
# The native interpreters whose lists name deviations for cases (the Node-hosted ones are tested in test_diagnose)
CHECKED = ["cpython-3.12.toml", "cpython-3.13.toml", "pypy-3.9.toml"]


def cases_with_deviations(name: str) -> list[tuple[str, str]]:
    entries = Expectations.load(LISTS / name).entries
    return [(entry.check, entry.deviations[0]) for entry in entries
            if entry.check and entry.check.startswith("case:") and len(entry.deviations) == 1]  # fmt: skip


def test_the_shipped_lists_load_and_declare_no_signature_pattern() -> None:
    for path in sorted(LISTS.glob("*.toml")):
        for entry in Expectations.load(path).entries:
            signature = (entry.check or "").partition("#")[2]
            assert not any(mark in signature for mark in "*?["), "%s: %s" % (entry.where, entry.check)


@pytest.mark.parametrize("name", CHECKED)
def test_each_case_put_down_to_a_deviation_is_explained_by_it(name: str) -> None:
    command = INTERPRETERS.get(name)
    if command is None:
        pytest.fail("the interpreter of %s is needed (see the README's set-up)" % name)
    checked = 0
    session = Session.open(Options(command=command))
    try:
        for check, deviation in cases_with_deviations(name):
            case = load(CASES_DIR / (check.removeprefix("case:") + ".py"), CASES_DIR)
            try:
                module = parse(case.source)
            except (SyntaxError, AssertionError, ValueError, KeyError):
                continue  # syntax newer than this host's, or outside the IR: not checked here
            [observed] = session.target.runner.run([Program(case.name, case.source)])
            assert (deviation,) in diagnoses(module, session.target.version, observed, "language"), check
            checked += 1
    finally:
        session.close()
    assert checked >= 1, "no case of %s could be checked" % name
