"""Standalone reproduction scripts for generated failures.

A script holds the minimal program, what the Language Reference says it must
observe, and a copy of the runner (standard library only, Python 3.0 syntax), so
it runs on the interpreter under test with nothing from the suite installed:

    /path/to/python reports/repro/<label>/<check>-<digest>.py

It prints every probe, expected against observed, and marks those that differ: a
probe differs when the canonical encodings differ (runner.canonical, the rule the
host's comparator uses too); which differences matter at the check's level is
in the failure the suite reported.
"""

from __future__ import annotations

import json
from pathlib import Path

from conformance.engine.checks import Check
from conformance.engine.compare import Expected
from conformance.host.driver import RUNNER

REPRO_DIR = Path(__file__).resolve().parents[2] / "reports" / "repro"

_FOOTER = """

# -- the reproduction -------------------------------------------------------------

PROGRAM = %(program)s

EXPECTED = json.loads(%(expected)s)


def main():
    print("%(title)s")
    print("program:")
    for line in PROGRAM.splitlines():
        print("    " + line)
    observed = run_program("repro", PROGRAM)
    expected_probes = dict(EXPECTED.get("observations", []))
    observed_probes = dict(observed.get("observations", []))
    differences = 0
    for key in ("compile_error", "error"):
        mine, theirs = EXPECTED.get(key), observed.get(key)
        if mine or theirs:
            same = bool(mine and theirs and mine["type"] == theirs["type"])
            differences += not same
            print("%%-10s %%s expected %%s, observed %%s" %% (key, "  " if same else "!!",
                  mine and mine["type"], theirs and theirs["type"]))
    labels = list(expected_probes) + [label for label in observed_probes if label not in expected_probes]
    for label in labels:
        mine, theirs = expected_probes.get(label), observed_probes.get(label)
        same = mine is not None and theirs is not None and canonical(mine) == canonical(theirs)
        differences += not same
        print("%%-10s %%s expected %%s" %% (label, "  " if same else "!!", mine and canonical(mine)))
        print("%%-10s    observed %%s" %% ("", theirs and canonical(theirs)))
    print("%%d difference(s) (messages, orders and reprs are CPython details: compare those by eye)" %% differences)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
"""


def runner_library() -> str:
    """runner.py without its command-line entry point."""
    source = RUNNER.read_text(encoding="utf-8")
    return source[: source.index('\nif __name__ == "__main__":')]


def write_repro(check: Check, label: str, program: str, expected: Expected, title: str) -> Path:
    """Write the script for a check's failure on one interpreter, and return its path.

    The path depends on the check and the interpreter only, so the script left is
    the one written last: for a Hypothesis failure, the minimal example.
    """
    path = REPRO_DIR / label / ("%s.py" % check.slug())
    path.parent.mkdir(parents=True, exist_ok=True)
    footer = _FOOTER % {
        "program": repr(program),
        "expected": repr(json.dumps(expected.to_result(), sort_keys=True)),
        "title": title.replace("\\", "\\\\").replace('"', '\\"'),
    }
    path.write_text(runner_library() + footer, encoding="utf-8")
    return path
