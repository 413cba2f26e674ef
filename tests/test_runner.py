"""The runner: its handshake, its protocol, and what programs cannot break."""

from __future__ import annotations

import ast
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conformance.host.driver import RUNNER
from conformance.target import runner
from tests.support import HOST, pypy


def converse(batch: list[dict[str, str]], interpreter: str = HOST) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Speak the protocol to a runner by hand: one batch, then quit."""
    request = json.dumps({"batch": batch}) + "\n" + json.dumps({"quit": True}) + "\n"
    completed = subprocess.run(
        [interpreter, "-I", str(RUNNER)], input=request.encode(), capture_output=True, timeout=60, check=True
    )
    lines = [json.loads(line) for line in completed.stdout.decode("ascii").splitlines()]
    hello, *rest = lines
    assert rest[-1] == {"done": len(batch)}
    return hello["hello"], [message["result"] for message in rest[:-1]]


def run(source: str) -> dict[str, Any]:
    return converse([{"id": "p", "source": source}])[1][0]


def test_handshake_names_implementation_version_and_capabilities() -> None:
    hello, _ = converse([])
    assert hello["protocol"] == runner.PROTOCOL
    assert hello["implementation"] == "cpython"
    assert len(hello["version"]) == 3
    caps = hello["capabilities"]
    for name in ("closure_attr", "code_attr", "cell_type", "cell_contents_writable", "nonlocal", "walrus"):
        assert caps[name] is True, name


@pytest.mark.skipif(pypy() is None, reason="pypy3 is not installed")
def test_handshake_on_pypy_names_pypy() -> None:
    hello, results = converse([{"id": "a", "source": "probe('x', 1)"}], interpreter=str(pypy()))
    assert hello["implementation"] == "pypy"
    assert "implementation_version" in hello
    assert results[0]["observations"] == [["x", {"value": 1}]]


def test_results_come_back_in_order_one_per_program() -> None:
    _, results = converse([{"id": str(i), "source": "probe('i', %d)" % i} for i in range(50)])
    assert [r["id"] for r in results] == [str(i) for i in range(50)]
    assert [r["observations"] for r in results] == [[["i", {"value": i}]] for i in range(50)]


@pytest.mark.parametrize(
    ("source", "error_type"),
    [
        ("raise SystemExit(3)", "SystemExit"),
        ("raise KeyboardInterrupt", "KeyboardInterrupt"),
        ("def f(): return f()\nf()", "RecursionError"),
        ("1 / 0", "ZeroDivisionError"),
    ],
)
def test_uncaught_exceptions_are_reported_not_fatal(source: str, error_type: str) -> None:
    _, results = converse([{"id": "bad", "source": source}, {"id": "next", "source": "probe('ok', True)"}])
    assert results[0]["error"]["type"] == error_type
    assert results[1]["observations"] == [["ok", {"value": True}]]


def test_prints_are_captured_and_do_not_reach_the_protocol() -> None:
    result = run("import sys\nprint('hello')\nsys.stderr.write('err\\n')\nprobe('x', 1)")
    assert result["output"] == "hello\nerr\n"
    assert result["observations"] == [["x", {"value": 1}]]


def test_writes_to_file_descriptor_1_do_not_corrupt_the_protocol() -> None:
    result = run("import os\nos.write(1, b'garbage\\n{not json\\n')\nprobe('x', 2)")
    assert result["observations"] == [["x", {"value": 2}]]


def test_a_program_reading_stdin_finds_it_empty() -> None:
    _, results = converse(
        [{"id": "a", "source": "import sys\nprobe('in', sys.stdin.read())"}, {"id": "b", "source": "probe('x', 1)"}]
    )
    assert results[0]["observations"] == [["in", {"value": ""}]]
    assert results[1]["observations"] == [["x", {"value": 1}]]


def test_syntax_errors_are_compile_errors() -> None:
    result = run("def f(:\n  pass")
    assert result["compile_error"]["type"] == "SyntaxError"
    assert "observations" not in result


def test_each_program_gets_a_fresh_namespace() -> None:
    _, results = converse([{"id": "a", "source": "x = 1"}, {"id": "b", "source": "probe_call('x', lambda: x)"}])
    assert results[1]["observations"][0][1]["raises"]["type"] == "NameError"


@pytest.mark.parametrize("interpreter", [HOST, pypy()] if pypy() else [HOST])
def test_whatever_a_program_does_to_builtins_is_undone_before_the_next(interpreter: str) -> None:
    tamper = (
        "import builtins\n"
        "builtins.added = 1\n"  # a new name
        "builtins.len = lambda x: -1\n"  # a replaced one
        "del builtins.abs\n"  # a deleted one
        "probe('tampered', len([1]))\n"
    )
    look = "probe_call('added', lambda: added)\nprobe('len', len([1]))\nprobe('abs', abs(-2))\n"
    _, (tampered, looked, again) = converse([{"id": "1", "source": tamper}, {"id": "2", "source": look},
                                             {"id": "3", "source": look}], interpreter)  # fmt: skip
    assert tampered["observations"] == [["tampered", {"value": -1}]]
    for result in (looked, again):
        observations = dict(result["observations"])
        assert observations["added"]["raises"]["type"] == "NameError"
        assert observations["len"] == {"value": 1} and observations["abs"] == {"value": 2}


def test_probe_call_tells_unbound_local_from_name_error() -> None:
    source = (
        "def local():\n    v\n    v = 1\n"
        "def outer():\n    def inner():\n        return w\n    probe_call('free', inner)\n    w = 1\n"
        "probe_call('local', local)\nouter()"
    )
    observations = dict(run(source)["observations"])
    assert observations["local"]["raises"]["type"] == "UnboundLocalError"
    assert observations["local"]["raises"]["mro"][:2] == ["UnboundLocalError", "NameError"]
    assert observations["free"]["raises"]["type"] == "NameError"


def test_closure_facts_and_cell_labels_by_first_sight() -> None:
    source = (
        "def make():\n    b = 1\n    a = []\n    def f():\n        return a, b\n    def g():\n        return b\n"
        "    return f, g\n"
        "f, g = make()\nh = make()[1]\n"
        "probe_closure('g', g)\nprobe_closure('f', f)\nprobe_closure('h', h)\nprobe_closure('top', make)"
    )
    observations = dict(run(source)["observations"])
    assert observations["g"]["type"] == "function"
    assert observations["g"]["cells"] == {"b": {"id": 0, "value": 1}}
    # within one closure, cells are visited in name order: a before b
    assert observations["f"]["cells"] == {"a": {"id": 1, "value": []}, "b": {"id": 0, "value": 1}}
    assert observations["h"]["cells"] == {"b": {"id": 2, "value": 1}}
    assert observations["top"]["closure"] is None
    assert sorted(observations["top"]["cellvars"]) == ["a", "b"]


def test_empty_cells_are_reported_as_empty() -> None:
    source = "def make():\n    def f():\n        return x\n    probe_closure('f', f)\n    x = 1\nmake()"
    observations = dict(run(source)["observations"])
    assert observations["f"]["cells"] == {"x": {"id": 0, "empty": True}}


def test_a_label_recorded_again_is_numbered() -> None:
    result = run("def f(n):\n    probe('x', n)\nf(1)\nf(2)\nf(3)")
    assert result["observations"] == [["x", {"value": 1}], ["x#2", {"value": 2}], ["x#3", {"value": 3}]]


def test_a_label_that_is_not_a_string_is_an_error_in_the_program() -> None:
    result = run("probe(1, 2)")
    assert result["error"]["type"] == "ProbeError"


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        (None, None),
        (True, True),
        (1, 1),
        (1.5, 1.5),
        ("s", "s"),
        ([1, (2,)], [1, {"tuple": [2]}]),
        ({"k": [1]}, {"dict": [["k", [1]]]}),
        ({2, 1}, {"set": [1, 2]}),
        (frozenset(), {"frozenset": []}),
        (float("nan"), {"float": "nan"}),
        (len, {"object": "builtin_function_or_method", "repr": "<built-in function len>"}),
    ],
)
def test_encode_keeps_observable_distinctions(value: object, encoded: object) -> None:
    assert runner.encode(value) == encoded


def test_encode_names_functions() -> None:
    def some_function() -> None:
        pass

    assert runner.encode(some_function) == {"function": "some_function"}


def test_encode_bounds_deep_nesting() -> None:
    value: list[object] = []
    for _ in range(100):
        value = [value]
    text = json.dumps(runner.encode(value))
    assert "nested too deep" in text


def test_show_prints_observations(tmp_path: Path) -> None:
    program = tmp_path / "p.py"
    program.write_text("probe('x', (1, 2))\nprint('out')")
    completed = subprocess.run([HOST, str(RUNNER), "--show", str(program)], capture_output=True, text=True, check=True)
    assert completed.stdout.splitlines() == ['x: {"value": {"tuple": [1, 2]}}', 'output: "out\\n"']


def test_runner_source_stays_python_3_0_syntax() -> None:
    """No f-strings, walrus, annotations, async or keyword-only markers the oldest targets lack."""
    tree = ast.parse(RUNNER.read_text(), feature_version=(3, 4))
    newer = (ast.JoinedStr, ast.NamedExpr, ast.AnnAssign, ast.AsyncFunctionDef, ast.Await)
    for node in ast.walk(tree):
        assert not isinstance(node, newer), "line %d uses %s" % (node.lineno, type(node).__name__)
        if isinstance(node, ast.FunctionDef):
            assert node.returns is None, node.name
            args = node.args
            assert not args.posonlyargs and not args.kwonlyargs, node.name
            assert all(a.annotation is None for a in args.args), node.name


def test_runner_imports_nothing_from_the_project() -> None:
    tree = ast.parse(RUNNER.read_text())
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"sys", "json", "ujson", "os", "types", "builtins", "__builtin__"}
