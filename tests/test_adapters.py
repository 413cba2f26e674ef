"""The Node adapters (conformance/target/adapters/): Pyodide, MicroPython, Brython and Skulpt as targets.

Each adapter is started through the real driver, like any interpreter. Needs `node` and the
adapters' npm packages (`npm ci --prefix conformance/target/adapters`, which `nox -s tests` runs);
without them the tests are skipped, except under CI, where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from conformance.host.driver import Runner, split_command
from conformance.host.protocol import Program
from generators.features import BEHAVIOUR, SYNTAX
from tests.support import ROOT

ADAPTERS = ROOT / "conformance" / "target" / "adapters"
NODE = shutil.which("node")
NAMES = ["pyodide", "micropython", "brython", "skulpt"]


@pytest.fixture(scope="module", params=NAMES)
def adapter(request: pytest.FixtureRequest) -> Iterator[Runner]:
    if NODE is None or not (ADAPTERS / "node_modules").is_dir():
        message = "the adapters need node and `npm ci --prefix conformance/target/adapters`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    runner = Runner(split_command("%s %s" % (NODE, ADAPTERS / (request.param + ".mjs"))), start_timeout=60)
    runner.start()
    yield runner
    runner.close()


def observations(runner: Runner, *sources: str) -> list[dict]:
    results = runner.run([Program("p%d" % n, source) for n, source in enumerate(sources)])
    return [dict(result.observations) | {"$error": result.error, "$output": result.output} for result in results]


def test_the_handshake_names_the_implementation(adapter: Runner) -> None:
    hello = adapter.hello
    assert hello is not None
    assert hello.implementation in NAMES
    assert hello.version[0] == 3
    # (Skulpt's adapter reads the runner's probes and checks annotations itself)
    assert set(hello.capabilities) >= {"closure_attr", *SYNTAX, *BEHAVIOUR}


def test_programs_never_see_each_others_globals_or_builtins(adapter: Runner) -> None:
    first, second = observations(
        adapter,
        "leaked_global = 1\ntry:\n    import builtins\n    builtins.leaked_builtin = 2\nexcept ImportError:\n    pass\n"
        "probe('set', leaked_global)\n",
        "probe_call('global', lambda: leaked_global)\nprobe_call('builtin', lambda: leaked_builtin)\n",
    )
    assert first["set"] == {"value": 1}
    assert second["global"]["raises"]["type"] == "NameError"
    assert second["builtin"]["raises"]["type"] == "NameError"


def test_a_closure_program_runs_and_its_output_is_captured(adapter: Runner) -> None:
    (result,) = observations(
        adapter,
        "def make():\n    fs = [lambda: i for i in range(3)]\n    return fs\nprint('hello')\n"
        "probe('late', [f() for f in make()])\nprobe_call('missing', lambda: undefined_name)\n",
    )
    assert result["late"] == {"value": [2, 2, 2]}
    assert result["missing"]["raises"]["type"] == "NameError"
    assert result["$output"] == "hello\n"


def test_an_uncaught_exception_keeps_the_observations_made_before_it(adapter: Runner) -> None:
    (result,) = observations(adapter, "probe('before', (1, 'a'))\nraise ValueError('boom')\nprobe('after', 2)\n")
    assert result["before"] == {"value": {"tuple": [1, "a"]}}
    assert "after" not in result
    assert result["$error"]["type"] == "ValueError"


def test_a_syntax_error_is_a_compile_error(adapter: Runner) -> None:
    (result,) = adapter.run([Program("bad", "def f(:\n")])
    assert result.compile_error is not None
    assert result.compile_error["type"] == "SyntaxError"


def test_an_integral_float_stays_a_float(adapter: Runner) -> None:
    # (Brython's json.dumps writes 1.0 as 1: the host would read an int where the program saw a float)
    (result,) = observations(adapter, "x = 4 / 2\nprobe('half', x)\nprobe('nested', [x, (0.0,)])\nprobe('one', 1)\n")
    assert result["half"] == {"value": 2.0} and isinstance(result["half"]["value"], float)
    assert result["nested"] == {"value": [2.0, {"tuple": [0.0]}]}
    assert isinstance(result["nested"]["value"][1]["tuple"][0], float)
    assert result["one"] == {"value": 1} and isinstance(result["one"]["value"], int)


def test_a_bound_method_is_a_function_whatever_its_code_holds(adapter: Runner) -> None:
    # (MicroPython gives no __code__ for a function whose code holds nested code, nor for its bound methods)
    [found] = observations(adapter, "class A:\n    def f(self):\n        return lambda: 1\nprobe('bound', A().f)\n")
    assert found["bound"] == {"value": {"function": "f"}}, found


def test_a_brython_program_does_not_see_the_modules_an_earlier_one_imported() -> None:
    # Brython's code for a type statement reads its module _typing from the table of imported modules; a
    # generic class statement run as the later type statement of its name (deviation
    # generic-definitions-of-one-name-in-a-block-run-the-last) fails until something has imported it
    if NODE is None or not (ADAPTERS / "node_modules").is_dir():
        pytest.fail("Brython's adapter needs node and `npm ci --prefix conformance/target/adapters`")
    program = "def f():\n    class a[b]:\n        pass\n    type a = 0\n    return a\nprobe_call('r', f)\n"
    with Runner(split_command("%s %s" % (NODE, ADAPTERS / "brython.mjs")), start_timeout=60) as runner:
        alone, importing, again = observations(runner, program, "type q = 1\nprobe('q', q.__value__)\n", program)
    assert importing["q"] == {"value": 1}
    assert alone["r"]["raises"]["type"] == "JavascriptError"
    assert again == alone
