"""Throughput of the suite, measured on this machine: `nox -s bench`.

    python -m conformance.bench [--programs N] [--rounds N] [--memory-programs N]
                                [--no-nox] [--no-memory] [--no-compilers] [--compilers NAMES] [--out FILE]

One corpus of generated programs (every area in turn, the programs the model
accepts, made by the engine's own properties: conformance/engine/properties.py)
goes through each stage, so the rates are comparable within one run:

    generation   IR drawn from a seed and emitted as source (the property's generator)
    model        the reference model's prediction
    inprocess    compile, run and observe in this process (runner.py's own
                 run_program): the ceiling
    runner       through a persistent runner of this Python, in batches of
                 --programs-per-example (the suite's default)
    subprocess   a new interpreter process per program: the naive floor
    engine       the engine's pipeline without pytest: a property's batches
                 generated, predicted, run and compared (Property.run_batch)
    end_to_end   every generated property with two pytest-xdist workers
                 (the engine under pytest and Hypothesis), against this
                 Python, counted from the results file

Each rate is the median of --rounds rounds. Then scaling: the runner's rate by
batch size and by nesting depth, PyPy's runner rate, and the wall time of each
nox conformance session in turn, cumulated as interpreters are added; and
memory: --memory-programs programs (a million by default) through one runner,
sampling the runner's and this process's resident memory; and compilers: each
compiler installed in this Python (Cython, mypyc, Nuitka), through adapters/compiled.py, by
batch size, cold (a fresh cache: every program compiled) and warm (the same
programs again, all built). Everything goes to
reports/bench.json, and a table to the terminal. Timing on a shared machine is
noisy: the load average before and after is recorded with the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

from conformance.engine.catalog import AREAS, GENERATED
from conformance.engine.properties import Property
from conformance.engine.schema import DEVIATION_RECORD
from conformance.engine.session import DEFAULT_PROGRAMS_PER_EXAMPLE, Options, Session
from conformance.engine.target import SetupError
from conformance.host.driver import RUNNER, Runner, TargetError, launch_variants
from conformance.host.interpreters import discover
from conformance.host.protocol import Program
from conformance.host.system import atomic_write, rss_mb
from conformance.model.evaluate import predict
from generators import ir
from generators.choices import RandomChoices
from generators.emit import emit
from generators.features import Features
from generators.generate import MAX_DEPTH

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = "closure-conformance/bench/1"
TARGETS = {  # issue targets, as ratios measured in one run and one absolute rate
    "runner_over_inprocess": 0.5,
    "runner_over_subprocess": 50.0,
    "end_to_end_programs_per_s": 1000.0,
}
SUBPROCESS_SAMPLE = 30  # programs run one process each (at tens of ms each)
COMPILED = ROOT / "conformance" / "target" / "adapters" / "compiled.py"
HANGING = ROOT / "tests" / "targets" / "hanging_python.py"  # a CPython that hangs on about one program in 150
# compiled.py's backend -> (the module that says it is installed, batch sizes, programs per batch size). A
# program costs Cython about a second of C compiling, mypyc about as much per group (its batch: one shared
# library), Nuitka several seconds (a whole build each).
COMPILERS: dict[str, tuple[str, tuple[int, ...], int]] = {
    "cython": ("Cython", (1, 2, 5, 10, 25), 50),
    "mypyc": ("mypyc", (1, 3, 8), 24),
    "nuitka": ("nuitka", (1, 3, 10, 20), 20),
}
MEMORY_SAMPLES = 20


class BenchError(Exception):
    """A stage could not run; the message is one line."""


@dataclass(frozen=True)
class Generated:
    seed: int
    area: str
    module: ir.Module
    source: str


def host_session() -> Session:
    """The engine against this Python, as the suite runs it (its properties make the corpus)."""
    try:
        return Session.open(Options(command=sys.executable))
    except SetupError as error:
        raise BenchError(str(error)) from None


def properties(session: Session, max_depth: int = MAX_DEPTH) -> list[Property]:
    """One property per area with generated programs, at the language level (the level does not
    change what is generated)."""
    return [Property(session.property(area.slug, "language").check, session.target, max_depth=max_depth)
            for area in AREAS if area.generated]  # fmt: skip


def corpus(props: Sequence[Property], count: int, seed: int = 0) -> list[Generated]:
    """`count` programs the model accepts, from every area in turn (what the properties run)."""
    seeds = random.Random(seed)
    programs: list[Generated] = []
    while len(programs) < count:
        prop = props[len(programs) % len(props)]
        program_seed = seeds.getrandbits(64)
        made = prop.generate(RandomChoices(program_seed))
        if made is not None:
            module = prop.make(RandomChoices(program_seed), prop.ctx)  # (the same program, as IR, for the model)
            programs.append(Generated(program_seed, prop.area, module, made.source))
    return programs


def rate(count: int, run: Callable[[], object], rounds: int) -> float:
    """Programs per second: the median over rounds of `count` programs / the time `run` took."""
    rates = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        rates.append(count / (time.perf_counter() - started))
    return round(statistics.median(rates), 1)


def load_runner_module() -> ModuleType:
    """runner.py imported into this process, for the in-process ceiling."""
    spec = importlib.util.spec_from_file_location("closure_runner_inprocess", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def batches(programs: Sequence[Generated], size: int) -> list[list[Program]]:
    items = [Program(str(index), generated.source) for index, generated in enumerate(programs)]
    return [items[start : start + size] for start in range(0, len(items), size)]


def runner_rate(command: Sequence[str], programs: Sequence[Generated], batch: int, rounds: int) -> float:
    chunks = batches(programs, batch)
    with Runner(command) as runner:

        def run_all() -> None:
            for chunk in chunks:
                runner.run(chunk)

        run_all()  # warm up: a JIT's first pass, the page cache
        return rate(len(programs), run_all, rounds)


def subprocess_rate(command: Sequence[str], programs: Sequence[Generated]) -> float:
    """A new interpreter per program, started as the driver starts its runner, one program each."""
    argv = launch_variants(command)[0]
    sample = programs[:SUBPROCESS_SAMPLE]
    with tempfile.TemporaryDirectory(prefix="closure-bench-") as workdir:
        started = time.perf_counter()
        for index, generated in enumerate(sample):
            request = json.dumps({"batch": [{"id": str(index), "source": generated.source}]}) + "\n"
            completed = subprocess.run(argv, input=request.encode("ascii"), capture_output=True, cwd=workdir,
                                       env={"PATH": os.environ.get("PATH", os.defpath)}, check=False)  # fmt: skip
            if b'"result"' not in completed.stdout:
                stderr = completed.stderr[-300:].decode("utf-8", "replace")
                raise BenchError("a one-program runner process gave no result: %s" % stderr)
        return round(len(sample) / (time.perf_counter() - started), 2)


# -- stages ---------------------------------------------------------------------------


def measure_core(programs: list[Generated], props: Sequence[Property], rounds: int, batch: int) -> dict[str, Any]:
    host = [sys.executable]
    by_area = {prop.area: prop for prop in props}
    version = props[0].target.version
    runner_module = load_runner_module()

    def generate_all() -> None:
        for generated in programs:
            prop = by_area[generated.area]
            emit(prop.make(RandomChoices(generated.seed), prop.ctx), prop.features)

    def predict_all() -> None:
        for generated in programs:
            predict(generated.module, version)

    def inprocess_all() -> None:
        for index, generated in enumerate(programs):
            runner_module.run_program(str(index), generated.source)

    inprocess_all()  # warm up, as the runner is
    figures = {
        "generation_programs_per_s": rate(len(programs), generate_all, rounds),
        "model_programs_per_s": rate(len(programs), predict_all, rounds),
        "inprocess_programs_per_s": rate(len(programs), inprocess_all, rounds),
        "runner_programs_per_s": runner_rate(host, programs, batch, rounds),
        "subprocess_programs_per_s": subprocess_rate(host, programs),
        "engine_programs_per_s": engine_rate(programs, by_area, batch, rounds),
    }
    return figures


def engine_rate(programs: Sequence[Generated], by_area: dict[str, Property], batch: int, rounds: int) -> float:
    """The engine's own pipeline, without pytest or Hypothesis: each property's batches of programs
    generated from their seeds, predicted, run through its runner and compared."""
    chunks: list[tuple[Property, list[int]]] = []
    for area, prop in by_area.items():
        seeds = [generated.seed for generated in programs if generated.area == area]
        chunks += [(prop, seeds[start : start + batch]) for start in range(0, len(seeds), batch)]

    def run_all() -> None:
        for prop, seeds in chunks:
            prop.run_batch([RandomChoices(seed) for seed in seeds])

    run_all()  # warm up, as for the runner
    return rate(len(programs), run_all, rounds)


def measure_end_to_end(workers: int, select: str | None = None, corpus: Path | None = None) -> dict[str, Any]:
    """Every generated property (or those `select` names, as -k) against this Python, with xdist workers; with
    `corpus`, reading and adding to that corpus (the `ci` profile is derandomized: a second run with the same
    corpus is given the same programs, as the second interpreter of a nox run is)."""
    with tempfile.TemporaryDirectory(prefix="closure-bench-") as directory:
        results = Path(directory, "results.json")
        command = [sys.executable, "-m", "pytest", "conformance/test_generated.py", "-q", "-n", str(workers),
                   "-p", "no:cacheprovider", "--hypothesis-profile", "ci", "--interpreter", sys.executable,
                   "--results-json", str(results), "--junitxml", str(Path(directory, "junit.xml"))]  # fmt: skip
        if select:
            command += ["-k", select]
        if corpus is not None:
            command += ["--corpus", str(corpus)]
        # this Python's known differences, as its nox session passes them: a known one does not end the run
        known = ROOT / "conformance" / "expectations" / ("cpython-%d.%d.toml" % sys.version_info[:2])
        if known.exists():
            command += ["--expectations", str(known)]
        started, cpu_before = time.perf_counter(), _children_cpu_s()
        completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        wall, cpu = time.perf_counter() - started, _children_cpu_s() - cpu_before
        try:
            document = json.loads(results.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise BenchError("the end-to-end run wrote no results file: %s" % completed.stdout[-500:]) from None
    programs = sum(int(entry.get("programs", 0)) for entry in document["results"])
    session = (_parse_time(document["finished"]) - _parse_time(document["started"])).total_seconds()
    return {
        "end_to_end_programs_per_s": round(programs / max(session, 1e-9), 1),
        "end_to_end": {
            "workers": workers,
            "programs": programs,
            "session_s": round(session, 2),
            "wall_s_with_startup": round(wall, 2),
            # CPU of every process of the run (pytest, its workers, their runners), start-up included
            "cpu_s": round(cpu, 2),
            "cpu_us_per_program": round(cpu / max(programs, 1) * 1e6),
            "exit_status": completed.returncode,
            "outcomes": _outcomes(document),
        },
    }


def measure_corpus(workers: int, select: str | None = None) -> dict[str, Any]:
    """The end-to-end run with a corpus (conformance/engine/corpus.py): cold, every program made and predicted
    and stored, as by the first interpreter of a nox run; then warm, every program read from it, as by each
    later interpreter that parses the same constructs (and whose version answers the rules the predictions
    asked about alike)."""
    with tempfile.TemporaryDirectory(prefix="closure-bench-corpus-") as directory:
        path = Path(directory, "run.sqlite")
        cold = measure_end_to_end(workers, select, corpus=path)["end_to_end"]
        warm = measure_end_to_end(workers, select, corpus=path)["end_to_end"]
        size = path.stat().st_size
    return {"corpus_cold": cold, "corpus_warm": warm, "corpus_mb": round(size / 2**20, 1)}


def measure_hanging(workers: int, select: str | None = None) -> dict[str, Any]:
    """Every generated property, `dev` profile, against a CPython that hangs on about one program in 150
    (tests/targets/hanging_python.py): how long the run takes, and whether each hang met was reported against
    its program (a `timeout` fault on a failure with that program) with every check present in the results."""
    with tempfile.TemporaryDirectory(prefix="closure-bench-hanging-") as directory:
        results = Path(directory, "results.json")
        command = [sys.executable, "-m", "pytest", "conformance/test_generated.py", "-q", "-n", str(workers),
                   "-p", "no:cacheprovider", "--hypothesis-profile", "dev", "--interpreter",
                   "%s %s" % (sys.executable, HANGING), "--results-json", str(results),
                   "--junitxml", str(Path(directory, "junit.xml"))]  # fmt: skip
        if select:
            command += ["-k", select]
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        try:
            document = json.loads(results.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise BenchError("the run against the hanging CPython wrote no results file") from None
    checks = [entry for entry in document["results"] if not entry["id"].startswith(DEVIATION_RECORD)]
    failures = [entry.get("failure") or {} for entry in checks if entry["outcome"] == "failed"]
    hangs = [failure for failure in failures if (failure.get("fault") or {}).get("outcome") == "timeout"]
    return {"hanging": {
        "wall_s": round(wall, 1),
        "checks": len(checks),
        "checks_expected": len(GENERATED) if select is None else None,
        "status": document.get("status"),
        "hangs_reported": len(hangs),
        "hangs_with_their_program": sum(bool(failure.get("program")) for failure in hangs),
        "other_failures": len(failures) - len(hangs),
        "programs": sum(int(entry.get("programs", 0)) for entry in checks),
    }}  # fmt: skip


def target_cpu_us(programs: Sequence[Generated], batch: int) -> float:
    """The CPU time of the target's side of one program: this Python's runner process (compiling, running and
    observing it, and its half of the protocol), from the process's own CPU once it has ended."""
    chunks = batches(programs, batch)
    before = _children_cpu_s()
    with Runner([sys.executable]) as runner:
        for chunk in chunks:
            runner.run(chunk)
    return round((_children_cpu_s() - before) / len(programs) * 1e6)


def _children_cpu_s() -> float:
    """User and system CPU seconds of the child processes waited for so far (and of theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_budget(document: dict[str, Any]) -> dict[str, Any]:
    """Where the CPU of one end-to-end program goes, and the rate the machine's cores allow at that cost.

    Generation (with emitting the source), the model and the target's own work (the in-process
    figure: compile, run, observe) are the stage rates of this run; `other` is the rest of the
    end-to-end run's CPU per program: the protocol on both sides, comparison, pytest, Hypothesis
    and xdist, and start-up. The host's share is everything but the target's process (its runner's
    own CPU per program, `target_process_us`), with no corpus, and with a corpus cold and warm.
    """
    stages = {
        "generation_us": 1e6 / document["generation_programs_per_s"],
        "model_us": 1e6 / document["model_programs_per_s"],
        "target_us": 1e6 / document["inprocess_programs_per_s"],
    }
    total = float(document["end_to_end"]["cpu_us_per_program"])
    cores = document["machine"]["cpus"] or 1
    budget = {
        **{name: round(value) for name, value in stages.items()},
        "other_us": round(total - sum(stages.values())),
        "total_us": round(total),
        "cores": cores,
        "ceiling_programs_per_s": round(cores * 1e6 / total, 1),
    }
    target = document.get("target_process_us")
    if target:
        budget["target_process_us"] = target
        runs = {"no_corpus": document["end_to_end"]}
        runs.update({name: document[name] for name in ("corpus_cold", "corpus_warm") if name in document})
        for name, run in runs.items():
            host = float(run["cpu_us_per_program"]) - target
            budget["host_us_" + name] = round(host)
            budget["host_over_target_" + name] = round(host / target, 2)
    return budget


def _outcomes(document: dict[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in document["results"]:
        if not entry["id"].startswith(DEVIATION_RECORD):  # (checks only: not the records of declared deviations)
            counts[entry["outcome"]] = counts.get(entry["outcome"], 0) + 1
    return counts


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def measure_batch_scaling(programs: list[Generated], rounds: int) -> list[dict[str, Any]]:
    scaling = []
    for size in (1, 10, 100, 1000):
        sample = programs[: max(size, min(len(programs), 1000))]
        scaling.append({"batch": size, "programs": len(sample),
                        "runner_programs_per_s": runner_rate([sys.executable], sample, size, rounds)})  # fmt: skip
    return scaling


def measure_depth_scaling(session: Session, count: int, rounds: int, batch: int) -> list[dict[str, Any]]:
    runner_module = load_runner_module()
    version = session.target.version
    scaling = []
    for depth in range(2, MAX_DEPTH + 1):
        programs = corpus(properties(session, max_depth=depth), count, seed=depth)

        def inprocess_all(programs: list[Generated] = programs) -> None:
            for index, generated in enumerate(programs):
                runner_module.run_program(str(index), generated.source)

        def predict_all(programs: list[Generated] = programs) -> None:
            for generated in programs:
                predict(generated.module, version)

        scaling.append({
            "max_depth": depth,
            "mean_source_chars": round(statistics.mean(len(g.source) for g in programs)),
            "model_programs_per_s": rate(len(programs), predict_all, rounds),
            "inprocess_programs_per_s": rate(len(programs), inprocess_all, rounds),
            "runner_programs_per_s": runner_rate([sys.executable], programs, batch, rounds),
        })  # fmt: skip
    return scaling


def measure_pypy(programs: list[Generated], rounds: int, batch: int) -> dict[str, Any] | None:
    pypy = next((i for i in discover() if i.implementation == "pypy"), None)
    if pypy is None:
        return None
    features = Features.for_version(pypy.version)
    runnable = [g for g in programs if features.walrus or ":=" not in g.source]
    return {
        "pypy_runner_programs_per_s": runner_rate([pypy.path], runnable, batch, rounds),
        "pypy": {"path": pypy.path, "version": ".".join(map(str, pypy.version)), "programs": len(runnable)},
    }


def measure_compilers(programs: Sequence[Generated], names: Sequence[str] = tuple(COMPILERS),
                      sizes: Sequence[int] | None = None, sample: int | None = None,
                      ) -> list[dict[str, Any]]:  # fmt: skip
    """Programs per second through the compiled adapter, per compiler installed here and batch size (each
    compiler's own, from COMPILERS, unless `sizes` and `sample` are given).

    Cold: a fresh cache, so every program is compiled (the first run of a session); warm: the same
    programs again (a rerun, or the rest of a batch after a crash). The adapter's handshake, which
    compiles probes, is made before the clock starts.
    """
    figures: list[dict[str, Any]] = []
    for name in names:
        module, own_sizes, own_sample = COMPILERS[name]
        chosen = programs[: sample or own_sample]
        if importlib.util.find_spec(module) is None:
            figures.append({"compiler": name, "missing": "%s is not installed in %s" % (module, sys.executable)})
            continue
        for size in sizes or own_sizes:
            with tempfile.TemporaryDirectory(prefix="bench-compiled-") as cache:
                command = [sys.executable, str(COMPILED), name, "--cache", cache]
                with Runner(command, batch_timeout=3600, start_timeout=600) as runner:
                    chunks = batches(chosen, size)
                    started = time.perf_counter()
                    results = [result for chunk in chunks for result in runner.run(chunk)]
                    cold = time.perf_counter() - started
                    started = time.perf_counter()
                    for chunk in chunks:
                        runner.run(chunk)
                    warm = time.perf_counter() - started
            figures.append({
                "compiler": name, "batch": size, "programs": len(chosen),
                "rejected": sum(result.compile_error is not None for result in results),
                "faults": sum(result.fault is not None for result in results),
                "cold_programs_per_s": round(len(chosen) / cold, 2),
                "warm_programs_per_s": round(len(chosen) / warm, 1),
            })  # fmt: skip
    return figures


def measure_nox(shared: bool) -> list[dict[str, Any]]:
    """Each conformance session of plain `nox` in turn, timed; cumulative time as interpreters are added. All
    sessions get one seed, as in a plain `nox` run; `shared`: they share one corpus, as in a plain `nox` run,
    else none has one (each makes and predicts every program itself, as before the corpus)."""
    names = ["conformance-" + i.name for i in discover()]
    rows = []
    total = 0.0
    environment = {**os.environ, "CONFORMANCE_SEED": str(random.SystemRandom().randrange(2**32))}
    with tempfile.TemporaryDirectory(prefix="closure-bench-nox-") as directory:
        corpus = "--corpus=" + (str(Path(directory, "run.sqlite")) if shared else "")
        for count, name in enumerate([*names, "report"], start=1):
            # results go to a scratch folder: the bench must not replace anyone's results
            extra = ["--results-json", str(Path(directory, name + ".json")), corpus] if name != "report" else [
                     directory, "--out", str(Path(directory, "html"))]  # fmt: skip
            started = time.perf_counter()
            completed = subprocess.run([sys.executable, "-m", "nox", "-s", name, "--", *extra], cwd=ROOT,
                                       capture_output=True, text=True, check=False, env=environment)  # fmt: skip
            seconds = time.perf_counter() - started
            total += seconds
            rows.append({"session": name, "interpreters": min(count, len(names)), "seconds": round(seconds, 1),
                         "cumulative_s": round(total, 1), "exit_status": completed.returncode,
                         "corpus": "shared" if shared else "none"})  # fmt: skip
            print("  %-28s %7.1f s  (cumulative %7.1f s, exit %d)" % (name, seconds, total, completed.returncode),
                  flush=True)  # fmt: skip
    return rows


def measure_memory(programs: list[Generated], total: int, batch: int) -> dict[str, Any]:
    """`total` programs (the corpus, cycled) through one runner; resident memory sampled as it goes."""
    chunks = batches(programs, batch)
    every = max(total // MEMORY_SAMPLES, batch)
    samples = []
    done = 0
    next_sample = 0
    started = time.perf_counter()
    with Runner([sys.executable]) as runner:
        while done < total:
            for chunk in chunks:
                if done >= total:
                    break
                runner.run(chunk[: total - done])
                done += min(len(chunk), total - done)
                if done >= next_sample or done >= total:
                    samples.append({"programs": done, "seconds": round(time.perf_counter() - started, 1),
                                    "runner_rss_mb": rss_mb(runner.pid) if runner.pid else None,
                                    "host_rss_mb": rss_mb()})  # fmt: skip
                    next_sample += every
        restarts = runner.restarts
    return {
        "programs": done,
        "seconds": round(time.perf_counter() - started, 1),
        "distinct_programs": len(programs),
        "runner_restarts": restarts,
        "samples": samples,
        "runner_growth_mb": _growth(samples, "runner_rss_mb"),
        "host_growth_mb": _growth(samples, "host_rss_mb"),
    }


def _growth(samples: list[dict[str, Any]], key: str) -> float | None:
    """Resident memory at the end minus at the first sample after a warm-up tenth of the run."""
    values: list[float] = [sample[key] for sample in samples if sample[key] is not None]
    if len(values) < 2:
        return None
    return round(values[-1] - values[min(1, len(values) - 1)], 1)


# -- the whole run ---------------------------------------------------------------------


def run(options: argparse.Namespace) -> dict[str, Any]:
    session = host_session()
    try:
        return _run(options, session)
    finally:
        session.close()


def _run(options: argparse.Namespace, session: Session) -> dict[str, Any]:
    props = properties(session)
    batch = options.programs_per_example
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "started": _now(),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "host_python": sys.version.split()[0],
            "host_executable": sys.executable,
            "load_average_before": _load(),
        },
        "method": "each rate is the median of %d rounds over the same corpus; batches of %d programs"
        % (options.rounds, batch),
    }
    print("generating a corpus of %d programs ..." % options.programs, flush=True)
    programs = corpus(props, options.programs)
    document["corpus"] = {
        "programs": len(programs),
        "areas": [prop.area for prop in props],
        "mean_source_chars": round(statistics.mean(len(g.source) for g in programs)),
        "mean_source_lines": round(statistics.mean(g.source.count("\n") for g in programs), 1),
    }
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("generation, model, in-process, runner, subprocess",
         lambda: measure_core(programs, props, options.rounds, batch)),
        ("end to end (2 xdist workers)", lambda: measure_end_to_end(2)),
        ("end to end with a corpus, cold and warm", lambda: measure_corpus(2)),
        ("a run against a CPython that hangs on one program in 150", lambda: measure_hanging(2)),
        ("the target process's CPU per program",
         lambda: {"target_process_us": target_cpu_us(programs, batch)}),
        ("runner by batch size", lambda: {"batch_size": measure_batch_scaling(programs, options.rounds)}),
        ("runner by nesting depth",
         lambda: {"nesting_depth": measure_depth_scaling(session, min(len(programs), 1000), options.rounds,
                                                         batch)}),
        ("PyPy's runner", lambda: measure_pypy(programs, options.rounds, batch)),
    ]  # fmt: skip
    if not options.no_compilers:
        names = options.compilers.split(",") if options.compilers else list(COMPILERS)
        steps.append(("compilers by batch size", lambda: {"compilers": measure_compilers(programs, names)}))
    if not options.no_nox:
        steps.append(("nox, session by session, without a corpus", lambda: {"nox_sessions": measure_nox(False)}))
        steps.append(
            ("nox, session by session, with the run's corpus", lambda: {"nox_sessions_corpus": measure_nox(True)})
        )
    if not options.no_memory:
        steps.append(("memory over %d programs" % options.memory_programs,
                      lambda: {"memory": measure_memory(programs, options.memory_programs, batch)}))  # fmt: skip
    scaling: dict[str, Any] = {}
    for title, step in steps:
        print("measuring %s ..." % title, flush=True)
        figures = step() or {}
        for key in ("batch_size", "nesting_depth", "compilers", "nox_sessions", "nox_sessions_corpus"):
            if key in figures:
                scaling[key] = figures.pop(key)
        document.update(figures)
    document["scaling"] = scaling
    document["ratios"] = {
        "runner_over_inprocess": round(document["runner_programs_per_s"] / document["inprocess_programs_per_s"], 3),
        "runner_over_subprocess": round(document["runner_programs_per_s"] / document["subprocess_programs_per_s"], 1),
    }
    document["cpu_budget"] = cpu_budget(document)
    measured = {**document["ratios"], "end_to_end_programs_per_s": document["end_to_end_programs_per_s"]}
    document["targets"] = {name: {"target": target, "measured": measured[name], "met": measured[name] >= target}
                           for name, target in TARGETS.items()}  # fmt: skip
    document["machine"]["load_average_after"] = _load()
    document["finished"] = _now()
    return document


def table(document: dict[str, Any]) -> str:
    rows = [("stage", "programs/s")]
    for key in ("generation", "model", "inprocess", "runner", "subprocess", "engine", "end_to_end", "pypy_runner"):
        value = document.get(key + "_programs_per_s")
        if value is not None:
            rows.append((key.replace("_", " "), "%.1f" % value))
    lines = ["%-22s %12s" % row for row in rows]
    lines.append("")
    for name, target in document["targets"].items():
        lines.append("%-28s %10s  (target >= %s) %s" % (name, target["measured"], target["target"],
                                                         "met" if target["met"] else "NOT MET"))  # fmt: skip
    budget = document.get("cpu_budget")
    if budget:
        lines.append("CPU per end-to-end program: %d us (generation %d, model %d, target %d, other %d)"
                     " -> %d cores allow %.0f programs/s" % (
            budget["total_us"], budget["generation_us"], budget["model_us"], budget["target_us"],
            budget["other_us"], budget["cores"], budget["ceiling_programs_per_s"]))  # fmt: skip
        for name in ("no_corpus", "corpus_cold", "corpus_warm"):
            if "host_us_" + name in budget:
                lines.append("host CPU per program, %-12s %6d us = %5.2f x the target process's %d us" % (
                    name.replace("_", " ") + ":", budget["host_us_" + name], budget["host_over_target_" + name],
                    budget["target_process_us"]))  # fmt: skip
    for row in document["scaling"].get("batch_size", []):
        lines.append("runner, batch of %-5d %12.1f" % (row["batch"], row["runner_programs_per_s"]))
    for row in document["scaling"].get("nesting_depth", []):
        lines.append("depth <= %d (%4d chars): in-process %8.1f, runner %8.1f, model %8.1f" % (
            row["max_depth"], row["mean_source_chars"], row["inprocess_programs_per_s"],
            row["runner_programs_per_s"], row["model_programs_per_s"]))  # fmt: skip
    for row in document["scaling"].get("compilers", []):
        if "missing" in row:
            lines.append("%s: not measured (%s)" % (row["compiler"], row["missing"]))
        else:
            lines.append("%s, batch of %-3d cold %6.2f, warm %7.1f programs/s (%d of %d rejected by the compiler)" % (
                row["compiler"], row["batch"], row["cold_programs_per_s"], row["warm_programs_per_s"],
                row["rejected"], row["programs"]))  # fmt: skip
    for key in ("nox_sessions", "nox_sessions_corpus"):
        for row in document["scaling"].get(key, []):
            lines.append("nox %-26s %7.1f s  cumulative %7.1f s  (corpus: %s)" % (
                row["session"], row["seconds"], row["cumulative_s"], row["corpus"]))  # fmt: skip
    hanging = document.get("hanging")
    if hanging:
        lines.append("hanging CPython (1 in 150): %.0f s, %d hangs reported (%d with their program), %d of %s checks"
                     % (hanging["wall_s"], hanging["hangs_reported"], hanging["hangs_with_their_program"],
                        hanging["checks"], hanging["checks_expected"]))  # fmt: skip
    memory = document.get("memory")
    if memory:
        lines.append("memory: %d programs in %.0f s; runner grew %s MB, host grew %s MB" % (
            memory["programs"], memory["seconds"], memory["runner_growth_mb"], memory["host_growth_mb"]))  # fmt: skip
    machine = document["machine"]
    lines.append("load average before %s, after %s (%s CPUs)" % (
        machine["load_average_before"], machine["load_average_after"], machine["cpus"]))  # fmt: skip
    return "\n".join(lines)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _load() -> list[float] | None:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conformance.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--programs", type=int, default=2000, help="corpus size (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per rate; the median is kept (default: 3)")
    parser.add_argument("--programs-per-example", type=int, default=DEFAULT_PROGRAMS_PER_EXAMPLE,
                        help="runner batch size, as the suite's (default: %(default)s)")  # fmt: skip
    parser.add_argument("--memory-programs", type=int, default=1_000_000,
                        help="programs through one runner for the memory figures (default: %(default)s)")  # fmt: skip
    parser.add_argument("--no-memory", action="store_true", help="skip the memory run")
    parser.add_argument("--no-nox", action="store_true", help="skip timing the nox sessions")
    parser.add_argument("--no-compilers", action="store_true", help="skip the compilers' rates")
    parser.add_argument("--compilers", default=None, help="the compilers to measure, by comma (default: %s)"
                        % ",".join(COMPILERS))  # fmt: skip
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench.json", help="where to write the figures")
    options = parser.parse_args(argv)
    if options.compilers and not set(options.compilers.split(",")) <= set(COMPILERS):
        parser.error("--compilers: choose among %s" % ",".join(COMPILERS))
    if options.programs < 1000 or options.rounds < 1 or options.memory_programs < 1:
        parser.error("--programs must be at least 1000 (the largest batch), --rounds and --memory-programs positive")
    try:
        document = run(options)
    except (BenchError, TargetError) as error:
        sys.stderr.write("bench: %s\n" % error)
        return 1
    atomic_write(options.out, json.dumps(document, indent=2) + "\n")
    print(table(document))
    print("wrote %s" % options.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
