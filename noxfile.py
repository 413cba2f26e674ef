"""Sessions of the closure conformance suite.

    nox                       conformance on every interpreter found, then the report
    nox -s conformance-3.12   one interpreter (conformance-pypy3.9 for PyPy)
    nox -t node               the implementations hosted in Node (Pyodide, MicroPython, Brython, Skulpt)
    nox -t compilers          Python compiled to C extension modules (Cython, mypyc)
    nox -s target -- --interpreter COMMAND [--interpreter COMMAND2] [pytest options]
    nox -s crosscheck         run each generated difference's program on every interpreter with results
    nox -s report             rebuild reports/html/ from every results file present
    nox -s tests              the suite's own tests (what CI runs)
    nox -s lint               ruff and mypy
    nox -s bench              throughput figures into reports/bench.json

Targets are run out of process, so they need no virtual environment: only the
host side (pytest, Hypothesis) gets one, made by uv.
"""

from __future__ import annotations

import contextlib
import os
import random
import shlex
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import nox
import nox.virtualenv

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from conformance.host.driver import RUNNER  # noqa: E402
from conformance.host.interpreters import Interpreter, discover  # noqa: E402
from conformance.host.system import children  # noqa: E402

nox.needs_version = ">=2024.4.15"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.error_on_missing_interpreters = False
nox.options.reuse_venv = "yes"

RESULTS = ROOT / "reports" / "results"
CASES = ROOT / "conformance" / "cases"
CORPUS = ROOT / "reports" / "corpus"
# One Hypothesis seed for every conformance session of a nox run, so that interpreters that parse the same
# constructs get the same generated programs; a new one for each run (random runs stay random), or the one in
# CONFORMANCE_SEED, to draw a run's programs again.
RUN_SEED = os.environ.get("CONFORMANCE_SEED") or str(random.SystemRandom().randrange(2**32))
CPYTHONS = ["3.%d" % minor for minor in range(6, 14)]  # the versions the suite promises to cover

FOUND = {interpreter.name: interpreter for interpreter in discover()}
# Session names: every promised CPython (skipped when missing), plus whatever else was found.
NAMES = CPYTHONS + sorted(name for name in FOUND if name not in CPYTHONS)
if not any(name.startswith("pypy") for name in NAMES):
    NAMES.append("pypy3")  # so that a missing PyPy is said, not silently absent


PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")


def install_host(session: nox.Session, *extra: str) -> None:
    """The host side's dependencies, as pyproject.toml lists them.

    The suite itself is not installed: sessions run from the repository root,
    where pytest's `pythonpath` setting finds it. Under `nox --no-venv` nothing is
    installed: the Python running nox must have them already.
    """
    if isinstance(session.virtualenv, nox.virtualenv.PassthroughEnv):
        session.log("no virtual environment (--no-venv): using the packages of %s" % sys.executable)
        return
    session.install(*PYPROJECT["project"]["dependencies"], *extra)


EXPECTATIONS = ROOT / "conformance" / "expectations"


def expectations_for(interpreter: Interpreter) -> list[str]:
    """--expectations for the interpreter's known differences, when the suite keeps a list."""
    return expectations_option("%s-%d.%d.toml" % (interpreter.implementation, *interpreter.version[:2]))


def expectations_option(name: str) -> list[str]:
    path = EXPECTATIONS / name
    return ["--expectations", str(path)] if path.exists() else []


# Stopping: Ctrl-C reaches pytest directly; SIGTERM to nox is passed on to pytest (below). Either way
# pytest finishes the results file as `interrupted`, given this long before nox terminates it.
STOP_GRACE_S = 60


def run_conformance(session: nox.Session, command: str, extra: list[str], path: str = "conformance",
                    report_if_stopped: bool = True) -> None:  # fmt: skip
    """pytest against the command; if stopped (Ctrl-C, SIGTERM), the report of what was written so far."""
    seed = [] if any(a.startswith("--hypothesis-seed") for a in extra) else ["--hypothesis-seed", RUN_SEED]
    if seed:
        session.log("the run's seed: %s (CONFORMANCE_SEED=%s draws the same programs again)" % (RUN_SEED, RUN_SEED))
    corpus = [] if any(a.startswith("--corpus") for a in extra) else ["--corpus", str(run_corpus())]
    try:
        # -n auto: one pytest-xdist worker per core, each with a runner of its own
        session.run("python", "-m", "pytest", path, "-n", "auto", "--interpreter", command, *seed, *corpus, *extra,
                    interrupt_timeout=STOP_GRACE_S, terminate_timeout=STOP_GRACE_S)  # fmt: skip
    except KeyboardInterrupt:
        if report_if_stopped:
            session.log("stopped: building the report from the results written so far")
            with contextlib.suppress(nox.command.CommandFailed), _signals_ignored():  # (it says why itself)
                session.run("python", "-m", "reports", *_results_option(extra), interrupt_timeout=STOP_GRACE_S)
        raise


def run_corpus() -> Path:
    """The run's corpus of generated programs and predictions (conformance/engine/corpus.py), which every
    conformance session of the run reads and adds to: named after the run's seed, the corpora of other
    runs removed (a run's programs are its own)."""
    path = CORPUS / ("%s.sqlite" % RUN_SEED)
    if CORPUS.is_dir():
        for other in CORPUS.iterdir():
            if not other.name.startswith(path.name):  # (the file, and SQLite's -wal and -shm beside it)
                other.unlink()
    return path


@contextlib.contextmanager
def _signals_ignored() -> Iterator[None]:
    """Nox, already stopping, ignores signals; the report it starts inherits that until it handles them
    itself (reports/__main__.py), so a stop that comes while it starts up is quiet too."""
    previous = {number: signal.signal(number, signal.SIG_IGN) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _results_option(arguments: list[str]) -> list[str]:
    """The results file a run was told to write (--results-json FILE), for the report; none: the default folder."""
    for index, argument in enumerate(arguments):
        if argument == "--results-json" and index + 1 < len(arguments):
            return [arguments[index + 1]]
        if argument.startswith("--results-json="):
            return [argument.partition("=")[2]]
    return []


class _Stop:
    """One stop, handled once, as pytest does it (conformance/plugin/stop.py).

    The first SIGTERM is passed on to nox's children (pytest stops as on Ctrl-C) and stops
    nox as Ctrl-C does; the first SIGINT stops nox (the terminal sent pytest its own). Any
    signal after that is left to pytest, which got its own, or is the same stop sent again
    (`timeout` signals nox and its whole process group): nox waits for pytest to finish.
    """

    stopping = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.stopping:
            return
        self.stopping = True
        if signum == signal.SIGTERM:
            for child in children(os.getpid()):
                with contextlib.suppress(OSError):
                    os.kill(child, signal.SIGTERM)
        raise KeyboardInterrupt(signal.Signals(signum).name)


_stop = _Stop()
signal.signal(signal.SIGTERM, _stop)
signal.signal(signal.SIGINT, _stop)


def make_conformance_session(name: str) -> None:
    interpreter: Interpreter | None = FOUND.get(name)

    @nox.session(name="conformance-" + name)
    def conformance(session: nox.Session) -> None:
        if interpreter is None:
            what = "PyPy 3" if name.startswith("pypy") else "CPython " + name
            session.skip("%s not found (looked in the pyenv versions directory and on PATH)" % what)
        install_host(session)  # JUnit XML goes beside the results file, by default
        run_conformance(session, interpreter.path, expectations_for(interpreter) + session.posargs)

    conformance.__doc__ = "Conformance against %s." % (interpreter.path if interpreter else name + " (not found)")


for _name in NAMES:
    make_conformance_session(_name)


# Implementations hosted in Node, each through an adapter in conformance/target/adapters/ (its
# npm packages pinned by package-lock.json): session name -> (adapter, expectations file).
ADAPTERS_DIR = ROOT / "conformance" / "target" / "adapters"
NODE = shutil.which("node")
ADAPTERS = {
    "pyodide": ("pyodide.mjs", "pyodide-3.14.toml"),
    "micropython": ("micropython.mjs", "micropython-3.4.toml"),
    "brython": ("brython.mjs", "brython-3.14.toml"),
    "skulpt": ("skulpt.mjs", "skulpt-3.7.toml"),
}


def install_adapters(session: nox.Session) -> None:
    """npm ci in conformance/target/adapters/, unless node_modules already matches the lock file."""
    lock = ADAPTERS_DIR / "package-lock.json"
    installed = ADAPTERS_DIR / "node_modules" / ".package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        session.run("npm", "ci", "--no-audit", "--no-fund", "--prefix", str(ADAPTERS_DIR), external=True)


# Interpreters compiled to JavaScript run programs tens of times slower than CPython: each
# Hypothesis example carries fewer programs (the properties get 100 each, not 1,000).
ADAPTER_PROGRAMS_PER_EXAMPLE = 5


def make_adapter_session(name: str, adapter: str, expectations: str) -> None:
    @nox.session(name="conformance-" + name, tags=["node"])
    def conformance(session: nox.Session) -> None:
        if NODE is None:
            session.skip("%s runs under Node, and `node` is not on PATH" % name)
        install_host(session)
        install_adapters(session)
        command = "%s %s" % (NODE, ADAPTERS_DIR / adapter)
        budget = ["--programs-per-example", str(ADAPTER_PROGRAMS_PER_EXAMPLE)]
        run_conformance(session, command, budget + expectations_option(expectations) + session.posargs)

    conformance.__doc__ = "Conformance against %s, through conformance/target/adapters/%s under Node." % (name, adapter)


for _name, (_adapter, _expectations) in ADAPTERS.items():
    make_adapter_session(_name, _adapter, _expectations)


# Compilers: each program compiled to a C extension module and run on the CPython the session's virtual
# environment is made from, through conformance/target/adapters/compiled.py; the compiler pinned by the
# `compilers` extra of pyproject.toml. Session name -> (its packages in that extra, expectations file, adapter
# options).
COMPILED_PYTHON = "3.12"
COMPILERS = {
    "cython": (["cython"], "cython-3.3.toml", []),
    # mypyc is mypy's; it builds on setuptools' Extension. -O0: each group's library includes mypyc's whole
    # runtime, which -O0 compiles in half the time of -O1 (measured), and the programs are too small to care
    "mypyc": (["mypy", "setuptools"], "mypyc-2.4.toml", ["--cflags", "-O0"]),
    # Nuitka runs the C compiler itself (its own flags); a group of programs is one package, one Nuitka build
    "nuitka": (["nuitka"], "nuitka-4.3.toml", []),
}
# A program costs a C compile (about a second): each property gets COMPILERS_EXAMPLES (4, the `compilers`
# profile, derandomized) x 3 programs, 516 generated programs in all, and every case; each adapter runs one
# C compiler (pytest-xdist runs two adapters: two compilers on this 2-core machine). The cases come one to a
# batch, so they are built first, in the compiler's groups, with both cores (`--prebuild`). Batches take far
# longer than a runner's, hence the batch timeout.
COMPILED_BUDGET = ["--hypothesis-profile", "compilers", "--programs-per-example", "3", "--batch-timeout", "900"]
COMPILED_JOBS = 1


def make_compiler_session(name: str, packages: list[str], expectations: str, options: list[str]) -> None:
    interpreter = FOUND.get(COMPILED_PYTHON)  # (by path: uv would rather download a Python than look in pyenv)

    @nox.session(name="conformance-" + name, tags=["compilers"], python=interpreter.path if interpreter else False)
    def conformance(session: nox.Session) -> None:
        if interpreter is None:
            session.skip("%s compiles for CPython %s, which was not found" % (name, COMPILED_PYTHON))
        install_host(session, *_compiler_requirements(packages))
        python = shutil.which("python", path=session.bin) if session.bin else None
        compiled = [python or sys.executable, str(ADAPTERS_DIR / "compiled.py"), name, *options]
        adapter = [*compiled, "--jobs", str(COMPILED_JOBS)]
        # the handshake compiles probes: build it into the cache first, so the driver's start timeout never sees it
        session.run(*adapter, "--hello", str(RUNNER), silent=True)
        session.run(*compiled, "--jobs", str(os.cpu_count() or 1), "--prebuild", str(CASES))
        command = " ".join(shlex.quote(argument) for argument in adapter)
        run_conformance(session, command, COMPILED_BUDGET + expectations_option(expectations) + session.posargs)

    conformance.__doc__ = "Conformance against %s: programs compiled to C extension modules, then run." % name


def _compiler_requirements(packages: list[str]) -> list[str]:
    """The pinned requirements of a compiler's packages, from pyproject.toml's `compilers` extra."""
    pinned = PYPROJECT["project"]["optional-dependencies"]["compilers"]
    return [requirement for requirement in pinned if requirement.lower().split("==")[0] in packages]


for _name, (_packages, _expectations, _options) in COMPILERS.items():
    make_compiler_session(_name, _packages, _expectations, _options)


@nox.session(venv_backend="none")
def summary(session: nox.Session) -> None:
    """Print the table of results: area x interpreter, passed/failed/skipped."""
    session.run(sys.executable, "-m", "reports.summary", str(RESULTS), *session.posargs)


@nox.session
def crosscheck(session: nox.Session) -> None:
    """Run each generated difference's program on every interpreter with results: -- [RESULTS_FOLDER]."""
    install_host(session)
    session.run("python", "-m", "conformance.crosscheck", *session.posargs)


@nox.session
def report(session: nox.Session) -> None:
    """Build reports/html/ from all results present: -- [RESULTS_FILE_OR_FOLDER ...] [--out DIR]."""
    dependencies = PYPROJECT["project"]["dependencies"]
    session.install(*(dependency for dependency in dependencies if _is_report_dependency(dependency)))
    session.run("python", "-m", "reports", *session.posargs)


def _is_report_dependency(requirement: str) -> bool:
    return requirement.lower().startswith(("jinja2", "pygments"))


@nox.session
def target(session: nox.Session) -> None:
    """Conformance against any interpreter: -- --interpreter COMMAND [...] [pytest options]."""
    commands, extra = split_interpreters(session.posargs)
    if not commands:
        session.error("usage: nox -s target -- --interpreter COMMAND [--interpreter COMMAND2] [pytest options]")
    install_host(session)
    failed = []
    for command in commands:
        try:
            run_conformance(session, command, extra)
        except nox.command.CommandFailed:
            failed.append(command)
    if failed:
        session.error("conformance failed or could not run for: %s" % ", ".join(failed))


def split_interpreters(arguments: list[str]) -> tuple[list[str], list[str]]:
    """Pull every --interpreter COMMAND (or --interpreter=COMMAND) out of the arguments."""
    commands: list[str] = []
    rest: list[str] = []
    iterator = iter(arguments)
    for argument in iterator:
        if argument == "--interpreter":
            value = next(iterator, None)
            if value is None:
                raise SystemExit("nox -s target: --interpreter needs a command")
            commands.append(value)
        elif argument.startswith("--interpreter="):
            commands.append(argument.partition("=")[2])
        else:
            rest.append(argument)
    return commands, rest


@nox.session
def tests(session: nox.Session) -> None:
    """The suite's own tests, then a quick conformance run on the host CPython and PyPy.

    Derandomized (the `ci` profile), so a run is repeatable. PyPy gets the hand-written
    cases: its generated properties find the PyPy bugs its expectations file lists.
    """
    # nox itself: tests/end_to_end/test_nox.py and test_chaos.py run it
    extras = PYPROJECT["project"]["optional-dependencies"]
    # Cython: tests/test_compiled.py runs the compiled adapter with the Python running the tests
    install_host(session, *extras["browser"], *extras["compilers"], "nox")
    if NODE is not None:
        install_adapters(session)  # for tests/test_adapters.py
    session.run("python", "-m", "pytest", "tests", "-n", "auto", "--hypothesis-profile", "ci", *session.posargs)
    host = next((i for i in FOUND.values() if os.path.samefile(i.path, sys.executable)), None)
    quick = [host] if host else []
    quick += [i for i in FOUND.values() if i.implementation == "pypy"]
    for interpreter in quick:
        options = ["-q", "--hypothesis-profile", "ci", *expectations_for(interpreter)]
        options += ["--results-json", str(Path(session.create_tmp()) / (interpreter.label + ".json"))]
        path = "conformance" if interpreter is host else "conformance/test_cases.py"
        run_conformance(session, interpreter.path, options, path, report_if_stopped=False)  # its results are scratch


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format) and mypy."""
    extras = PYPROJECT["project"]["optional-dependencies"]
    install_host(session, *extras["dev"], *extras["browser"])
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def bench(session: nox.Session) -> None:
    """Throughput figures into reports/bench.json: -- [--programs N] [--no-nox] [--memory-programs N] ..."""
    compilers = PYPROJECT["project"]["optional-dependencies"]["compilers"]  # their rates by batch size
    install_host(session, "nox", "uv", *compilers)  # it times the conformance sessions with nox itself
    session.run("python", "-m", "conformance.bench", *session.posargs)


# Plain `nox`: the native interpreters found, each difference run on all of them, then the report (`nox -t node`
# for the others).
nox.options.sessions = ["conformance-" + name for name in NAMES] + ["crosscheck", "report"]
