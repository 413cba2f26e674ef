"""The compile-then-run adapter (conformance/target/adapters/compiled.py), with Cython, mypyc and Nuitka.

The adapter is started through the real driver, like any interpreter, with a cache folder of its own, so
every run of these tests compiles. It needs the compilers in the Python running the tests: `nox -s tests`
installs them (the `compilers` extra of pyproject.toml); without one its tests fail, saying so.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.engine.diagnose import diagnoses
from conformance.host.driver import RUNNER, Runner
from conformance.host.protocol import Program, ProgramResult
from conformance.model.deviations import DEVIATIONS
from generators.emit import emit
from generators.features import BEHAVIOUR, SYNTAX
from tests.support import ROOT, parse
from tests.test_diagnose import shown

ADAPTER = ROOT / "conformance" / "target" / "adapters" / "compiled.py"
GCC = shutil.which("gcc") or "cc"


COMPILER_MODULES = {"cython": "Cython", "mypyc": "mypyc", "nuitka": "nuitka"}  # backend -> what must import


def start(cache: Path, *options: str, backend: str = "cython") -> Runner:
    if importlib.util.find_spec(COMPILER_MODULES[backend]) is None:
        pytest.fail("these tests need %s in %s: pip install -e '.[compilers]' (nox -s tests installs it)"
                    % (COMPILER_MODULES[backend], sys.executable))  # fmt: skip
    runner = Runner([sys.executable, str(ADAPTER), backend, "--cache", str(cache), *options],
                    batch_timeout=600, start_timeout=600)  # fmt: skip
    runner.start()
    return runner


@pytest.fixture(scope="module")
def cython(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    runner = start(tmp_path_factory.mktemp("compiled-cache"))
    yield runner
    runner.close()


def run(runner: Runner, *sources: str) -> list[ProgramResult]:
    return runner.run([Program("p%d" % index, source) for index, source in enumerate(sources)])


def interpreted(source: str) -> dict:
    """What the interpreted runner observes: the runner module in this process."""
    spec = importlib.util.spec_from_file_location("closure_runner_for_compiled", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.run_program("p", source)
    return dict(result["observations"])


def c_compiler_logging_to(tmp_path: Path, name: str = "cc.sh") -> tuple[str, Path]:
    """A C compiler that logs each C file it compiled, and rejects one whose C has a marker name in it."""
    log = tmp_path / "compiled.log"
    (tmp_path / "bin").mkdir()
    script = tmp_path / "bin" / name
    script.write_text(
        "#!/bin/sh\n"
        'for argument in "$@"; do case "$argument" in *.c) file="$argument";; esac; done\n'
        'if grep -q C_COMPILER_REJECTS_THIS "$file"; then echo "$file: error: rejected on purpose" >&2; exit 1; fi\n'
        '%s "$@" || exit $?\n'
        'if [ -n "$file" ]; then echo "$file" >> %s; fi\n' % (GCC, log)
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script), log


def only_the_rejected_program_is_refused(runner: Runner) -> None:
    """Run three programs, the middle one C that c_compiler_logging_to's compiler rejects, and close the runner:
    that program is refused with the C compiler's message, the others run, and nothing restarted."""
    try:
        before, rejected, after = run(runner, "probe('a', 1)\n", "C_COMPILER_REJECTS_THIS = 1\n", "probe('b', 2)\n")
    finally:
        runner.close()
    assert rejected.compile_error is not None
    assert rejected.compile_error["type"] == "CCompilerError"
    assert "rejected on purpose" in rejected.compile_error["message"]
    assert before.observations == {"a": {"value": 1}} and after.observations == {"b": {"value": 2}}
    assert runner.restarts == 0


def test_the_handshake_names_cython_and_the_python_it_builds_for(cython: Runner) -> None:
    hello = cython.hello
    assert hello is not None
    assert hello.implementation == "cython"
    assert hello.raw["implementation_version"] == importlib.metadata.version("cython")
    assert hello.version == tuple(sys.version_info[:3])
    assert hello.language == "%d.%d" % sys.version_info[:2]
    assert set(hello.capabilities) >= {"closure_attr", "code_attr", "cell_contents", *SYNTAX, *BEHAVIOUR}


def test_a_batch_is_answered_in_order_and_observed_as_the_runner_observes(cython: Runner) -> None:
    source = (
        "def make():\n    fs = [lambda: i for i in range(3)]\n    return fs\nprint('hello')\n"
        "probe('late', [f() for f in make()])\nprobe_call('missing', lambda: undefined_name)\n"
        "probe('names', sorted(globals()))\n"
    )
    first, second = run(cython, source, "probe('second', (1, 'a'))\nraise ValueError('boom')\n")
    assert [first.id, second.id] == ["p0", "p1"]
    assert first.observations == interpreted(source)
    assert first.output == "hello\n"
    assert second.observations == {"second": {"value": {"tuple": [1, "a"]}}}
    assert second.error is not None and second.error["type"] == "ValueError"


def test_programs_never_see_each_others_globals_or_builtins(cython: Runner) -> None:
    first, second = run(
        cython,
        "leaked_global = 1\nimport builtins\nbuiltins.leaked_builtin = 2\nprobe('set', leaked_global)\n",
        "probe_call('global', lambda: leaked_global)\nprobe_call('builtin', lambda: leaked_builtin)\n",
    )
    assert first.observations["set"] == {"value": 1}
    assert second.observations["global"]["raises"]["type"] == "NameError"
    assert second.observations["builtin"]["raises"]["type"] == "NameError"


def test_a_program_sent_again_runs_again(cython: Runner) -> None:
    source = "counter = [0]\ncounter[0] += 1\nprobe('runs', counter[0])\n"
    results = run(cython, source, source) + run(cython, source)
    assert [result.observations for result in results] == [{"runs": {"value": 1}}] * 3


def test_a_program_cython_rejects_is_a_compile_outcome_and_the_batch_goes_on(cython: Runner) -> None:
    restarts = cython.restarts
    before, rejected, after = run(cython, "probe('a', 1)\n", "def f(:\n    pass\n", "probe('b', 2)\n")
    assert rejected.compile_error is not None
    assert rejected.compile_error["type"] == "SyntaxError"
    assert rejected.compile_error["message"].startswith("Cython: line 1:")
    assert before.observations == {"a": {"value": 1}} and after.observations == {"b": {"value": 2}}
    assert cython.restarts == restarts


def test_a_program_the_c_compiler_rejects_is_a_compile_outcome_and_the_batch_goes_on(tmp_path: Path) -> None:
    cc, _ = c_compiler_logging_to(tmp_path)
    runner = start(tmp_path / "cache", "--cc", cc, "--no-ccache")
    only_the_rejected_program_is_refused(runner)


def test_programs_built_beforehand_in_groups_are_run_from_the_cache(tmp_path: Path) -> None:
    cc, log = c_compiler_logging_to(tmp_path)
    options = ["--cache", str(tmp_path / "cache"), "--cc", cc, "--no-ccache"]
    start(tmp_path / "cache", *options[2:]).close()  # (the handshake, built and kept)
    folder = tmp_path / "cases" / "area"
    folder.mkdir(parents=True)
    sources = ["probe('a', 1)\n", "def f(:\n    pass\n", "probe('b', 2)\n"]
    for index, source in enumerate(sources):
        (folder / ("p%d.py" % index)).write_text(source)
    done = subprocess.run([sys.executable, str(ADAPTER), "cython", *options, "--prebuild", str(folder.parent)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0 and "3 programs" in done.stdout and "(1 refused by Cython)" in done.stdout
    built = log.read_text().splitlines()
    runner = start(tmp_path / "cache", *options[2:])
    try:
        results = run(runner, *sources)
    finally:
        runner.close()
    assert log.read_text().splitlines() == built  # nothing compiled again
    assert results[0].observations == {"a": {"value": 1}} and results[2].observations == {"b": {"value": 2}}
    assert results[1].compile_error is not None and results[1].compile_error["type"] == "SyntaxError"


def test_prebuild_of_a_folder_that_is_not_there_is_a_one_line_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ADAPTER), "cython", "--prebuild", str(tmp_path / "nowhere")],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode != 0 and done.stderr.strip() == "compiled.py: --prebuild: no folder %s" % (
        tmp_path / "nowhere"
    )


def test_a_segfault_in_compiled_code_is_pinned_on_its_program_and_nothing_is_compiled_twice(tmp_path: Path) -> None:
    cc, log = c_compiler_logging_to(tmp_path)
    sources = ["probe('a', 1)\n", "import ctypes\nprobe('before', 1)\nctypes.string_at(0)\n", "probe('b', 2)\n",
               "probe('c', 3)\n"]  # fmt: skip
    runner = start(tmp_path / "cache", "--cc", cc, "--no-ccache", "--jobs", "2")
    try:
        results = run(runner, *sources)
        assert runner.restarts == 1
    finally:
        runner.close()
    assert [result.id for result in results] == ["p0", "p1", "p2", "p3"]
    fault = results[1].fault
    assert fault is not None and fault.outcome == "crash" and fault.evidence["signal"] == "SIGSEGV"
    assert [results[i].observations for i in (0, 2, 3)] == [{"a": {"value": 1}}, {"b": {"value": 2}},
                                                            {"c": {"value": 3}}]  # fmt: skip
    compiled = log.read_text().splitlines()
    assert len(compiled) == len(set(compiled)) == 1 + len(sources)  # the handshake's probes, then each program once
    # a new adapter on the same cache compiles nothing: the crashing program is pinned again, the others answered
    runner = start(tmp_path / "cache", "--cc", cc, "--no-ccache")
    try:
        again = run(runner, *sources)
    finally:
        runner.close()
    assert [result.observations for result in again] == [result.observations for result in results]
    assert log.read_text().splitlines() == compiled


# -- mypyc: a batch's programs are built as groups (one shared library); a group failure is pinned on its program


@pytest.fixture(scope="module")
def mypyc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    runner = start(tmp_path_factory.mktemp("mypyc-cache"), backend="mypyc")
    yield runner
    runner.close()


def test_the_handshake_names_mypyc_and_probes_its_functions(mypyc: Runner) -> None:
    hello = mypyc.hello
    assert hello is not None
    assert hello.implementation == "mypyc"
    assert hello.raw["implementation_version"] == importlib.metadata.version("mypy")
    assert hello.language == "%d.%d" % sys.version_info[:2]
    # probed from compiled code: mypyc's nested functions are objects of classes it generates, without either
    assert hello.capabilities["closure_attr"] is False and hello.capabilities["code_attr"] is False
    assert hello.capabilities["nonlocal"] is True


def test_mypyc_runs_a_group_as_the_runner_would_and_refuses_only_the_program_with_an_error(mypyc: Runner) -> None:
    source = (
        "def make():\n    fs = [lambda: i for i in range(3)]\n    return fs\n"
        "print('hello')\nprobe('late', [f() for f in make()])\n"
    )
    restarts = mypyc.restarts
    nested_class = "def f():\n    class C:\n        pass\n"  # mypyc: "Nested class definitions not supported"
    first, refused, again, third = run(mypyc, source, nested_class, source, "probe('b', 2)\n")
    assert first.observations == interpreted(source) and first.output == "hello\n"
    assert refused.compile_error is not None and refused.compile_error["type"] == "SyntaxError"
    assert refused.compile_error["message"] == "mypyc: line 2: error: Nested class definitions not supported"
    assert again.observations == first.observations  # the same program again: its module runs again
    assert third.observations == {"b": {"value": 2}}
    assert mypyc.restarts == restarts


def test_a_group_the_c_compiler_rejects_is_built_again_in_halves_down_to_the_bad_program(tmp_path: Path) -> None:
    cc, log = c_compiler_logging_to(tmp_path)
    runner = start(tmp_path / "cache", "--cc", cc, "--no-ccache", backend="mypyc")
    only_the_rejected_program_is_refused(runner)
    assert any("__native" in line for line in log.read_text().splitlines())  # the group was tried first


def test_a_segfault_under_mypyc_is_pinned_on_its_program_and_nothing_is_compiled_twice(tmp_path: Path) -> None:
    cc, log = c_compiler_logging_to(tmp_path)
    sources = ["probe('a', 1)\n", "import ctypes\nprobe('before', 1)\nctypes.string_at(0)\n", "probe('b', 2)\n",
               "probe('c', 3)\n"]  # fmt: skip
    runner = start(tmp_path / "cache", "--cc", cc, "--no-ccache", backend="mypyc")
    try:
        results = run(runner, *sources)
        assert runner.restarts == 1
    finally:
        runner.close()
    assert [result.id for result in results] == ["p0", "p1", "p2", "p3"]
    fault = results[1].fault
    assert fault is not None and fault.outcome == "crash" and fault.evidence["signal"] == "SIGSEGV"
    assert [results[i].observations for i in (0, 2, 3)] == [{"a": {"value": 1}}, {"b": {"value": 2}},
                                                            {"c": {"value": 3}}]  # fmt: skip
    compiled = log.read_text().splitlines()
    assert len(compiled) == len(set(compiled))  # the rest of the batch, sent again, came from the cache


# -- Nuitka: a module per program, built by Nuitka (which runs the C compiler itself)


@pytest.fixture(scope="module")
def nuitka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    runner = start(tmp_path_factory.mktemp("nuitka-cache"), backend="nuitka")
    yield runner
    runner.close()


def test_the_handshake_names_nuitka_and_probes_its_functions(nuitka: Runner) -> None:
    hello = nuitka.hello
    assert hello is not None
    assert hello.implementation == "nuitka"
    assert hello.raw["implementation_version"] == importlib.metadata.version("nuitka")
    assert hello.language == "%d.%d" % sys.version_info[:2]
    assert set(hello.capabilities) >= {"closure_attr", "code_attr", "cell_contents", *SYNTAX, *BEHAVIOUR}


def test_a_segfault_under_nuitka_is_pinned_on_its_program_and_the_rest_is_answered(nuitka: Runner) -> None:
    sources = ["def f():\n    x = 1\n    return lambda: x\nprobe('a', f()())\n",
               "import ctypes\nprobe('before', 1)\nctypes.string_at(0)\n", "def f(:\n    pass\n",
               "probe('c', 3)\n"]  # fmt: skip
    restarts = nuitka.restarts
    results = run(nuitka, *sources)
    assert nuitka.restarts == restarts + 1
    assert [result.id for result in results] == ["p0", "p1", "p2", "p3"]
    assert results[0].observations == interpreted(sources[0])
    fault = results[1].fault
    assert fault is not None and fault.outcome == "crash" and fault.evidence["signal"] == "SIGSEGV"
    refused = results[2].compile_error
    assert refused is not None and refused["type"] == "SyntaxError" and "invalid syntax" in refused["message"]
    assert results[3].observations == {"c": {"value": 3}}


def test_nuitka_is_diagnosed_with_the_deviations_seen_on_it(nuitka: Runner) -> None:
    seen = sorted(name for name, deviation in DEVIATIONS.items() if "nuitka" in deviation.seen)
    results = run(nuitka, *(emit(shown(name)) for name in seen))
    version = sys.version_info[:2]
    diagnosed = {name: diagnoses(shown(name), version, result, "language")
                 for name, result in zip(seen, results, strict=True)}  # fmt: skip
    assert seen and {name: (name,) in found for name, found in diagnosed.items()} == {name: True for name in seen}


# Nuitka's optimiser fails on zero-argument super() in a generator expression in a method (KeyError in
# TraceCollections.getVariableCurrentTrace): a crash of the compiler, not a refusal of the program, which the
# deviations that make a program a SyntaxError when it is compiled (here generator-return-value-is-syntax-error,
# for g) do not explain
SUPER_IN_A_GENERATOR_EXPRESSION = """
def g():
    yield 1
    return 2
class A:
    def m(self):
        return 1
class B(A):
    def m(self):
        return list(super().m() for _ in range(1))
probe_call('r', lambda: B().m())
"""


def test_a_nuitka_crash_is_a_compiler_crash_that_no_deviation_explains(nuitka: Runner) -> None:
    [crashed] = run(nuitka, SUPER_IN_A_GENERATOR_EXPRESSION.lstrip())
    refused = crashed.compile_error
    assert refused is not None and (refused["type"], refused["module"]) == ("CompilerCrash", "compiled"), refused
    assert "KeyError" in refused["message"]
    assert diagnoses(parse(SUPER_IN_A_GENERATOR_EXPRESSION), sys.version_info[:2], crashed, "language") == []


def test_a_package_the_c_compiler_rejects_is_built_again_in_halves_under_nuitka(tmp_path: Path) -> None:
    cc, log = c_compiler_logging_to(tmp_path, "gcc")  # (Nuitka takes CC for the compiler its name says it is)
    runner = start(tmp_path / "cache", "--cc", cc, backend="nuitka")
    only_the_rejected_program_is_refused(runner)
    assert log.exists()  # the C compiler Nuitka ran was the one given


def test_programs_of_one_nuitka_package_run_apart_and_again(nuitka: Runner) -> None:
    sources = ["counter = []\ndef f():\n    counter.append(1)\n    return len(counter)\nprobe('n', f())\n",
               "probe('other', 'counter' in globals())\n"]  # fmt: skip
    first = run(nuitka, *sources, sources[0])
    again = run(nuitka, sources[0])  # from the cache: the module's state is its own each time
    assert [result.observations for result in first + again] == [{"n": {"value": 1}}, {"other": {"value": False}},
                                                                 {"n": {"value": 1}}, {"n": {"value": 1}}]  # fmt: skip
