"""Chaos tests of the host: real runs stopped at random moments, and what they leave must be the truth.

Each stop starts a real run (hand-written cases or generated properties, with or
without pytest-xdist, through pytest or through nox), waits for a moment of it
(the host's trace, conformance/host/trace.py: collection, a worker starting, a batch,
shrinking, writing the results file, the session finishing; for nox, the report it
builds when stopped), and then stops it: SIGTERM, SIGINT, two signals in quick
succession, to the main process or to its whole process group as a terminal does,
or SIGKILL of a pytest-xdist worker or of a runner. Afterwards:

- the results file parses and validates (or was never written, when nothing finished);
- its status is the truth: `complete` exactly when every check of the full run is in it;
- its entries are those of the full run (same ids, same outcomes), without duplicates,
  except the one check a SIGKILL hit: its runner's crash, or its worker's;
- nothing printed a host traceback;
- no runner, worker or nox child process is left, and no temporary file or directory.

The stops are drawn from a seed: `--chaos-stops N --chaos-seed S` (the default is a
short run for CI; the same seed gives the same stops, moments and signals).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conformance.engine.schema import validate
from tests.support import BUGGY, HOST, ROOT, copy_repository, environment

CASES = ["conformance/test_cases.py", "-m", "capture or unbound or canonical"]
GENERATED = ["conformance/test_generated.py", "-k", "capture-language or global-data-model or except-as-cpython-detail",
             "--programs-per-example", "10"]  # fmt: skip
SHRINKING = ["conformance/test_generated.py", "-k", "global-language or late-binding-language",
             "--programs-per-example", "10", "--interpreter", BUGGY + " global-ignored"]  # fmt: skip
COMMON = ["-p", "no:cacheprovider", "--hypothesis-profile", "ci"]
XDIST_204 = "OSError: cannot send (already closed?)"


@dataclass(frozen=True)
class Scenario:
    name: str
    pytest_args: list[str]
    xdist: bool = False
    nox: bool = False

    @property
    def moments(self) -> tuple[str, ...]:
        moments = ["collect", "batch", "write", "finish"]
        if self.xdist:
            moments.append("worker")
        if "global-ignored" in " ".join(self.pytest_args):
            moments.append("shrink")
        if self.nox:
            moments.append("report")
        return tuple(moments)

    @property
    def signals(self) -> tuple[str, ...]:
        kinds = ["SIGTERM", "SIGINT", "SIGTERM SIGTERM", "SIGINT SIGINT", "SIGTERM SIGINT", "SIGKILL runner"]
        if self.xdist:
            kinds.append("SIGKILL worker")
        return tuple(kinds)


SCENARIOS = {
    scenario.name: scenario
    for scenario in (
        Scenario("cases", CASES),
        Scenario("cases-xdist", [*CASES, "-n", "2"], xdist=True),
        Scenario("generated-xdist", [*GENERATED, "-n", "2"], xdist=True),
        Scenario("shrinking", SHRINKING),
        Scenario("nox", ["-m", "capture or unbound", "--programs-per-example", "10"], xdist=True, nox=True),
    )
}


@dataclass(frozen=True)
class Stop:
    number: int
    scenario: str
    moment: str
    occurrence: int  # the moment's n-th time in the run (1: its first)
    signals: str  # "SIGTERM", "SIGINT SIGINT" (two in quick succession), "SIGKILL worker", ...
    to_group: bool  # to the whole process group, as a terminal's Ctrl-C; else to the main process
    delay: float  # seconds after the moment

    @property
    def name(self) -> str:
        to = "group" if self.to_group else "main"
        return "%03d-%s-%s#%d-%s-%s" % (self.number, self.scenario, self.moment, self.occurrence,
                                        self.signals.replace(" ", "+"), to)  # fmt: skip


def plan(stops: int, seed: int) -> list[Stop]:
    """The stops, drawn from the seed: every scenario, moment and kind of signal in turn comes up."""
    chooser = random.Random(seed)
    planned = []
    names = sorted(SCENARIOS)
    for number in range(stops):
        scenario = SCENARIOS[names[number % len(names)]]
        moment = chooser.choice(scenario.moments)
        kinds = [
            kind for kind in scenario.signals if not (kind == "SIGKILL runner" and moment in ("collect", "report"))
        ]
        if moment == "report":  # nox is stopped once to build it; these stops land while it is built
            kinds = [kind for kind in kinds if not kind.startswith("SIGKILL")]
        kind = chooser.choice(kinds)
        occurrence = 1 if moment in ("collect", "finish", "report") else chooser.randint(1, 12)
        to_group = chooser.random() < 0.5 and not kind.startswith("SIGKILL")
        planned.append(
            Stop(number, scenario.name, moment, occurrence, kind, to_group, round(chooser.uniform(0, 0.25), 3))
        )
    return planned


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "stop" in metafunc.fixturenames:
        stops = plan(metafunc.config.getoption("chaos_stops"), metafunc.config.getoption("chaos_seed"))
        metafunc.parametrize("stop", stops, ids=[stop.name for stop in stops])


# -- a run, and what it leaves ----------------------------------------------------------------


class Run:
    """One run of a scenario in a folder of its own: its trace, output, results, temporary files."""

    def __init__(self, scenario: Scenario, folder: Path) -> None:
        self.scenario = scenario
        self.folder = folder
        self.mark = uuid.uuid4().hex  # in the environment of every process of the run
        self.trace = folder / "trace"
        self.output = folder / "output"
        self.scratch = folder / "tmp"
        self.scratch.mkdir(parents=True)
        self.repository = folder / "repository" if scenario.nox else ROOT
        # (nox's report of a stopped run reads the results file it was told of, in its copy of the repository)
        self.results = (self.repository / "reports" if scenario.nox else folder) / "results" / "run.json"
        if scenario.nox:
            copy_repository(self.repository)
        self.process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        options = [*COMMON, "--results-json", str(self.results)]
        if self.scenario.nox:
            return [HOST, "-m", "nox", "--no-venv", "-s", "target", "--", "--interpreter", HOST,
                    *self.scenario.pytest_args, *options]  # fmt: skip
        interpreter = [] if "--interpreter" in self.scenario.pytest_args else ["--interpreter", HOST]
        return [HOST, "-m", "pytest", *self.scenario.pytest_args, *interpreter, *options]

    def start(self) -> None:
        env = {**environment(), "CLOSURE_CONFORMANCE_TRACE": str(self.trace), "TMPDIR": str(self.scratch),
               "CHAOS_RUN": self.mark}  # fmt: skip
        with self.output.open("wb") as output:
            self.process = subprocess.Popen(self.command(), cwd=self.repository, env=env, stdout=output,
                                            stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip

    def steps(self) -> list[tuple[int, str, str]]:
        """The trace so far: (pid, step, detail)."""
        try:
            lines = self.trace.read_text().splitlines()
        except FileNotFoundError:
            return []
        steps = []
        for line in lines:
            pid, _, rest = line.partition(" ")
            name, _, detail = rest.partition(" ")
            steps.append((int(pid), name, detail))
        return steps

    def wait_for(self, moment: str, occurrence: int, timeout: float = 120) -> tuple[int, str, str] | None:
        """The step when the moment comes for the n-th time; None if the run ended first."""
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if moment == "report":
                if b"-m reports" in self.output.read_bytes():
                    return (self.process.pid, "report", "")
            else:
                seen = [step for step in self.steps() if step[1] == moment]
                if len(seen) >= occurrence:
                    return seen[occurrence - 1]
            if self.process.poll() is not None:
                return None
            time.sleep(0.005)
        raise AssertionError("the run never reached %s" % moment)

    def finish(self, timeout: float = 180) -> int:
        assert self.process is not None
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            message = "the run did not end within %d s of the stop:\n%s" % (timeout, self.text()[-3000:])
            raise AssertionError(message) from None

    def text(self) -> str:
        return self.output.read_bytes().decode("utf-8", "replace")

    def document(self) -> dict[str, Any] | None:
        if not self.results.exists():
            return None
        document: dict[str, Any] = json.loads(self.results.read_text())
        validate(document)
        return document

    def leftovers(self) -> list[str]:
        """Processes of the run still alive, and files or folders it left in its temporary places."""
        left = []
        for pid in _processes_marked(self.mark) + _processes_in(self.scratch):
            left.append("process %d: %s" % (pid, _command_line(pid)))
        # Folders: pytest-of-<user>/ is pytest's own (pytest-xdist makes it in every run, pytest keeps the last
        # three). Not files: Python itself probes a temporary folder with a file as a process starts, which a
        # SIGTERM that kills a process in its first milliseconds (before any handler) leaves behind.
        left += ["temporary %s" % path for path in self.scratch.iterdir()
                 if path.is_dir() and not path.name.startswith("pytest-of-")]  # fmt: skip
        left += ["temporary %s" % path for path in self.results.parent.glob("*.tmp")]
        if self.scenario.nox:
            left += ["staging %s" % path for path in (self.repository / "reports").glob(".html-*")]
        return left


def _processes_marked(mark: str) -> list[int]:
    found = []
    needle = ("CHAOS_RUN=%s" % mark).encode()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _processes_in(folder: Path) -> list[int]:
    inside = str(folder.resolve()) + os.sep
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (os.readlink(entry / "cwd") + os.sep).startswith(inside):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _command_line(pid: int) -> str:
    try:
        return Path("/proc/%d/cmdline" % pid).read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")[:200]
    except OSError:
        return "?"


# -- the full runs the stopped ones are compared with --------------------------------------------


@dataclass(frozen=True)
class Reference:
    outcomes: dict[str, str]
    steps: Counter[str]


_references: dict[str, Reference] = {}


def reference(scenario: Scenario, folder: Path) -> Reference:
    """What the scenario's full run records (derandomized: the same every time)."""
    if scenario.name not in _references:
        run = Run(scenario, folder / ("full-" + scenario.name))
        run.start()
        status = run.finish()
        document = run.document()
        assert document is not None and document["status"] == "complete", run.text()[-3000:]
        assert status == (1 if scenario.name == "shrinking" else 0), run.text()[-3000:]
        _references[scenario.name] = Reference({e["id"]: e["outcome"] for e in document["results"]},
                                               Counter(step for _, step, _ in run.steps()))  # fmt: skip
    return _references[scenario.name]


# -- the stops ------------------------------------------------------------------------------------


def test_a_stopped_run_tells_the_truth(stop: Stop, tmp_path: Path) -> None:
    scenario = SCENARIOS[stop.scenario]
    full = reference(scenario, tmp_path)
    run = Run(scenario, tmp_path / "stopped")
    run.start()
    assert run.process is not None
    try:
        if stop.moment == "report":  # the first stop makes nox build the report of what ran
            assert run.wait_for("batch", 1) is not None
            run.process.send_signal(signal.SIGTERM)
        occurrence = min(stop.occurrence, full.steps.get(stop.moment, 1) or 1)
        landed = run.wait_for(stop.moment, occurrence)
        time.sleep(stop.delay)
        if landed is not None:
            _send(run, stop, landed)
        run.finish()
        _check(run, stop, full, landed is not None)
    finally:
        if run.process is not None and run.process.poll() is None:
            os.killpg(run.process.pid, signal.SIGKILL)


def _send(run: Run, stop: Stop, landed: tuple[int, str, str]) -> None:
    assert run.process is not None
    if stop.signals == "SIGKILL runner":
        pid = _runner_pid(run, landed)
        if pid is not None:
            _kill(pid, signal.SIGKILL)
        return
    if stop.signals == "SIGKILL worker":
        worker = run.wait_for("worker", 1)  # (at collection, the workers may not have started yet)
        if worker is not None:
            _kill(worker[0], signal.SIGKILL)
        return
    for index, name in enumerate(stop.signals.split()):
        if index:
            time.sleep(0.02)  # in quick succession
        number = signal.Signals[name]
        if stop.to_group:
            _kill(-run.process.pid, number)
        else:
            _kill(run.process.pid, number)


def _runner_pid(run: Run, landed: tuple[int, str, str]) -> int | None:
    """The runner of the process where the moment came (the last batch it started says which)."""
    batches = [detail for pid, step, detail in run.steps() if step == "batch" and pid == landed[0] and detail]
    return int(batches[-1]) if batches else None


def _kill(pid: int, number: int) -> None:
    try:
        if pid < 0:
            os.killpg(-pid, number)
        else:
            os.kill(pid, number)
    except ProcessLookupError:
        pass  # it had ended: the stop came after the run


def _check(run: Run, stop: Stop, full: Reference, landed: bool) -> None:
    document = run.document()
    if document is None:  # nothing finished before the stop: the file was never begun
        assert not any(step == "write" for _, step, _ in run.steps()), run.text()[-3000:]
    else:
        outcomes = [(entry["id"], entry["outcome"]) for entry in document["results"]]
        ids = [check_id for check_id, _ in outcomes]
        assert len(ids) == len(set(ids)), "duplicates: %s" % [i for i, n in Counter(ids).items() if n > 1]
        assert set(ids) <= set(full.outcomes), set(ids) - set(full.outcomes)
        assert document["status"] == ("complete" if set(ids) == set(full.outcomes) else "interrupted"), (
            document["status"], len(ids), len(full.outcomes))  # fmt: skip
        for entry in document["results"]:
            if entry["outcome"] != full.outcomes[entry["id"]]:
                assert _hit_by_sigkill(entry, stop), (entry["id"], entry["outcome"], full.outcomes[entry["id"]],
                                                      json.dumps(entry)[:1500])  # fmt: skip
    text = run.text()
    if stop.signals == "SIGKILL worker" and XDIST_204 in text:
        # pytest-xdist's own error (pytest-dev/pytest-xdist#204, open): the controller sends more tests to the
        # worker just killed. The results stay truthful (checked above); only that traceback is allowed. A kill
        # before any check finished leaves no file (checked above: nothing was written), else it is interrupted.
        assert document is None or document["status"] == "interrupted"
        text = text[: text.index("INTERNALERROR>")]
    assert "Traceback (most recent call last)" not in text, text[-4000:]
    assert "During handling of the above exception" not in text, text[-4000:]
    deadline = time.monotonic() + 15  # workers and runners may still be ending as the main process exits
    while run.leftovers() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert run.leftovers() == []


def _hit_by_sigkill(entry: dict[str, Any], stop: Stop) -> bool:
    """The one check a SIGKILL may change: its runner crashed, or its worker did."""
    if stop.signals == "SIGKILL runner":
        fault = entry.get("failure", {}).get("fault", {})
        return entry["outcome"] == "failed" and fault.get("evidence", {}).get("signal") == "SIGKILL"
    if stop.signals == "SIGKILL worker":
        return entry["outcome"] == "error" and "crashed" in entry.get("message", "")
    return False
