"""Stopping `nox` half-way: the results written so far stay valid, and the report shows them.

Runs nox itself (`--no-venv`, in a copy of the repository, so the copy's reports/
is the one written) against the host Python, with a case that sleeps so that the
run is stopped in the middle.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conformance.engine.schema import validate
from tests.support import HOST, copy_repository, environment, write_case

pytest.importorskip("nox", reason="the tests session installs nox")


@pytest.mark.parametrize("how", ["SIGTERM to nox", "Ctrl-C"])
def test_stopping_nox_keeps_the_results_and_builds_the_report(tmp_path: Path, how: str) -> None:
    repository = tmp_path / "repository"
    copy_repository(repository)
    cases = tmp_path / "cases"
    for name in ("a-first", "b-second"):
        write_case(cases, name, "# expect: x == 1\nprobe('x', 1)\n")
    write_case(cases, "c-sleeps", "# expect: x == 1\nimport time\ntime.sleep(120)\nprobe('x', 1)\n")
    results = repository / "reports" / "results" / "stopped.json"
    command = [sys.executable, "-m", "nox", "--no-venv", "-s", "target", "--", "--interpreter", HOST, "--cases",
               str(cases), "-k", "test_case", "-p", "no:cacheprovider", "--results-json", str(results),
               "--program-timeout", "300"]  # fmt: skip
    process = subprocess.Popen(command, cwd=repository, env=environment(), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while not (results.exists() and len(json.loads(results.read_text())["results"]) >= 2):
            assert time.monotonic() < deadline and process.poll() is None, "the run never got going"
            time.sleep(0.1)
        if how == "Ctrl-C":
            os.killpg(process.pid, signal.SIGINT)  # the terminal signals nox, pytest and its workers
        else:
            process.send_signal(signal.SIGTERM)  # nox alone, as a CI job's cancel does
        output, _ = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode != 0  # an interrupted run is not a success
    document = json.loads(results.read_text())
    validate(document)
    assert document["status"] == "interrupted"
    assert [entry["outcome"] for entry in document["results"]][:2] == ["passed", "passed"]
    page = repository / "reports" / "html" / "index.html"
    assert page.exists(), output[-2000:]
    assert "interrupted" in page.read_text()
