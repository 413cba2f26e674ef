"""Every generated property fails on an interpreter that breaks its rule.

Each interpreter here is a real Python with one closure bug seeded in it
(tests/seeded/buggy_python.py rewrites programs, or what they observe, before
running them). A property that stayed green on the interpreter whose bug it is
about could not fail: this is the proof that each one can.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conformance.areas import LEVELS
from generators.strategies import EMPHASIS
from tests.conftest import ROOT
from tests.test_plugin import run_suite

BUGGY = "%s %s" % (sys.executable, ROOT / "tests" / "seeded" / "buggy_python.py")
GENERATED_AREAS = list(EMPHASIS)

# bug -> the properties (area/level) it must make fail
SEEDED = {
    "early-binding": ["late-binding/language", "capture/language", "cells/language", "closure-attribute/language"],
    "nonlocal-ignored": ["nonlocal/language", "cell-sharing/language"],
    "global-ignored": ["global/language"],
    "except-name-kept": ["except-as/language"],
    "class-body-in-globals": ["class-scope/language"],
    "comprehension-leaks": ["comprehension-scope/language"],
    "unbound-is-name-error": ["unbound/language"],
    "scope-errors-accepted": ["syntax-errors/language"],
    "closure-loses-a-cell": ["%s/data-model" % area for area in GENERATED_AREAS],
    "cpython-details-differ": ["%s/cpython-detail" % area for area in GENERATED_AREAS],
}


def test_every_property_has_a_seeded_bug_that_breaks_it() -> None:
    properties = {"%s/%s" % (area, level) for area in GENERATED_AREAS for level in LEVELS}
    properties.add("syntax-errors/language")
    covered = {prop for props in SEEDED.values() for prop in props}
    assert covered == properties


@pytest.mark.parametrize("bug", list(SEEDED))
def test_the_properties_about_a_seeded_bug_fail(bug: str, tmp_path: Path) -> None:
    selected = " or ".join("%s-%s" % tuple(prop.split("/")) for prop in SEEDED[bug])
    results = tmp_path / "results.json"
    completed = run_suite(
        "conformance/test_generated.py", "-k", selected, "--hypothesis-profile", "fail-fast",
        "--interpreter", "%s %s" % (BUGGY, bug), "--results-json", str(results), paths=(),
        timeout=900,
    )  # fmt: skip
    outcomes = {e["id"]: e["outcome"] for e in json.loads(results.read_text())["results"]}
    expected = {"generated:" + prop: "failed" for prop in SEEDED[bug]}
    assert outcomes == expected, completed.stdout[-3000:]
