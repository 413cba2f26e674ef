"""Standalone reproduction scripts: they run on the interpreter alone and show the difference."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conformance.engine.checks import Check
from conformance.engine.compare import Expected
from conformance.engine.repro import write_repro
from tests.support import HOST


def test_a_reproduction_script_runs_alone_and_shows_the_difference(tmp_path: Path) -> None:
    program = "def f():\n    x = 1\n    return lambda: x\nprobe_call('p1', f())\n"
    right = Expected({"p1": {"value": 1}})
    wrong = Expected({"p1": {"value": 2}})
    for expected, status in ((right, 0), (wrong, 1)):
        script = write_repro(Check.generated("capture", "language"), "tests-%d" % status, program, expected, "a test")
        completed = subprocess.run([HOST, "-I", str(script)], capture_output=True, text=True, cwd=tmp_path, check=False)
        assert completed.returncode == status, completed.stdout + completed.stderr
        assert "expected" in completed.stdout and "observed" in completed.stdout
    assert "!!" in completed.stdout and "1 difference" in completed.stdout
