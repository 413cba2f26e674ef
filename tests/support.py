"""What the suite's own tests share: paths, stand-in interpreters, runs of the suite, results documents, IR.

One module, so that no test module imports another.
"""

from __future__ import annotations

import ast
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from conformance.engine.schema import SCHEMA, summarize, validate
from conformance.host.interpreters import discover
from generators import ir

ROOT = Path(__file__).resolve().parent.parent
HOST = sys.executable
TARGETS = Path(__file__).resolve().parent / "targets"  # stand-in interpreters

# A Python with one closure bug seeded in it: BUGGY + " early-binding" (tests/targets/buggy_python.py).
BUGGY = "%s %s" % (HOST, TARGETS / "buggy_python.py")


@functools.cache
def cpython_at_least(version: tuple[int, int]) -> str | None:
    """The oldest CPython of that version or later on this machine, for seeded bugs about newer rules
    (the oldest: 3.13.0 crashes on locals() in some comprehensions, gh-128396)."""
    found = [found for found in discover() if found.implementation == "cpython" and found.version >= version]
    return min(found, key=lambda found: found.version).path if found else None


# A CPython that segfaults on programs with four `del` statements or more.
CRASHING = [HOST, "-S", str(TARGETS / "crashing_python.py")]
# A protocol-speaking fake that misbehaves on request (tests/targets/fake_target.py).
FAKE = str(TARGETS / "fake_target.py")


def pypy() -> str | None:
    return shutil.which("pypy3")


# -- runs of the suite, as a user starts them --------------------------------------------


def environment() -> dict[str, str]:
    """This process's environment without what would make a child pytest an xdist worker."""
    env = dict(os.environ)
    env.pop("PYTEST_XDIST_WORKER", None)
    env.pop("PYTEST_ADDOPTS", None)
    return env


def run_pytest_args(*args: str) -> list[str]:
    return [HOST, "-m", "pytest", *args]


def run_suite(*args: str, timeout: float = 300, paths: tuple[str, ...] = ("conformance/test_cases.py",)
              ) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run the conformance suite in a subprocess; its results go to a temporary file unless args say where."""
    if not any(argument.startswith("--results-json") for argument in args):
        args = (*args, "--results-json", str(Path(tempfile.mkdtemp(prefix="results-")) / "results.json"))
    return subprocess.run(
        run_pytest_args(*paths, "-p", "no:cacheprovider", *args),
        cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=environment(), check=False,
    )  # fmt: skip


def load_results(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text())
    validate(document)
    return document


def by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in document["results"]}


def copy_repository(destination: Path) -> None:
    """The suite's files in another folder, without results or reports, for runs of nox that write there."""
    destination.mkdir()
    ignore = shutil.ignore_patterns("node_modules", "results", "html", "repro", "__pycache__", "bench.json")
    for name in ("noxfile.py", "pyproject.toml", "conformance", "generators", "reports"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy2(source, destination / name)


def host_expectations() -> list[str]:
    """--expectations with the host CPython's known differences (the list nox gives it), if the suite keeps one."""
    path = ROOT / "conformance" / "expectations" / ("cpython-%d.%d.toml" % sys.version_info[:2])
    return ["--expectations", str(path)] if path.exists() else []


def write_expectations(folder: Path, text: str) -> Path:
    """An expectations file with this text."""
    path = folder / "expected.toml"
    path.write_text(text)
    return path


CASE_HEADER = """\
# area: {area}
# level: {level}
# min_version: {min_version}
# spec: Language Reference 4.2.2
# description: {description}
"""


def write_case(root: Path, name: str, body: str, area: str = "late-binding", min_version: str = "3.0",
               level: str = "language") -> Path:  # fmt: skip
    """A case file root/AREA/NAME.py: a header, then `body` (its expectations and program)."""
    path = root / area / (name + ".py")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CASE_HEADER.format(area=area, level=level, min_version=min_version, description=name) + body)
    return path


# -- results documents, for the report's tests --------------------------------------------


def results_entry(check_id: str, outcome: str, level: str = "language", **extra: Any) -> dict[str, Any]:
    """A results entry; the area is the part of the id between ':' and '/' ("case:capture/x" -> capture)."""
    area = check_id.partition(":")[2].split("/")[0] if ":" in check_id else check_id.split("/", maxsplit=1)[0]
    return {
        "id": check_id,
        "area": area,
        "level": level,
        "outcome": outcome,
        "duration_s": 0.01,
        "programs": 1,
        **extra,
    }


def failure_record(program: str, expected: str, observed: str, repro: str = "python -m pytest x") -> dict[str, Any]:
    """A failure as the suite writes it: one difference, of the value probed as `result`."""
    return {
        "program": program,
        "against": "the case's expectations",
        "differences": [
            {
                "level": "language",
                "probe": "result",
                "facet": "value",
                "expected": "returns %s" % expected,
                "observed": "returns %s" % observed,
            }
        ],
        "signature": "value",
        "headline": "result value: expected returns %s, observed returns %s" % (expected, observed),
        "expected": "result value: returns %s" % expected,
        "observed": "result value: returns %s" % observed,
        "repro": repro,
    }


def results_document(
    label: str, entries: list[dict[str, Any]], started: str = "2026-11-01T10:00:00+00:00", commit: str = "abc123"
) -> dict[str, Any]:
    implementation, _, version = label.partition("-")
    return {
        "schema": SCHEMA,
        "status": "complete",
        "interpreter": {
            "command": "/usr/bin/%s" % label,
            "implementation": implementation,
            "version": version,
            "label": label,
            "sys_version": "%s (test build)" % version,
        },
        "suite": {"version": "0.1.0", "commit": commit},
        "started": started,
        "finished": started,
        "areas": [
            {"slug": "capture", "title": "Capture of enclosing variables"},
            {"slug": "late-binding", "title": "Late binding of free variables"},
            {"slug": "unbound", "title": "Unbound locals and empty cells"},
        ],
        "summary": summarize(entries),
        "results": entries,
    }


def write_results(folder: Path, name: str, doc: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


LATE = failure_record("fs = [lambda: i for i in range(3)]\nprobe('result', fs[0]())", "2", "0")


def two_machines(tmp_path: Path) -> tuple[Path, Path]:
    """Machine A ran 3.12 and PyPy; machine B ran 3.13 and 3.12 again, later."""
    a, b = tmp_path / "machine-a", tmp_path / "machine-b"
    write_results(
        a,
        "cpython-3.12.1.json",
        results_document(
            "cpython-3.12.1",
            [results_entry("case:capture/x", "passed"), results_entry("case:late-binding/y", "passed")],
        ),
    )
    write_results(
        a,
        "pypy-3.9.16.json",
        results_document(
            "pypy-3.9.16",
            [results_entry("case:capture/x", "passed"), results_entry("case:late-binding/y", "failed", failure=LATE)],
        ),
    )
    write_results(
        b,
        "cpython-3.13.0.json",
        results_document(
            "cpython-3.13.0",
            [
                results_entry("case:capture/x", "passed"),
                results_entry(
                    "case:late-binding/y", "xfailed", failure=LATE, expectation={"reason": "a known bug", "link": None}
                ),
            ],
        ),
    )
    write_results(
        b,
        "cpython-3.12.1.json",
        results_document(
            "cpython-3.12.1",
            [
                results_entry("case:capture/x", "failed", failure=failure_record("x = 1", "1", "2")),
                results_entry("case:late-binding/y", "passed"),
                results_entry("case:unbound/z", "skipped", skip_reason="needs 3.13"),
            ],
            started="2026-11-02T10:00:00+00:00",
        ),
    )
    return a, b


HOSTILE = "<script>alert('observed')</script>"


def hostile_results(folder: Path) -> Path:
    """A results file whose every string an interpreter could control carries markup."""
    bad = failure_record("probe('v', '%s')" % HOSTILE, "'ok'", HOSTILE, repro="echo '<img src=x onerror=alert(1)>'")
    return write_results(
        folder,
        "hostile.json",
        results_document(
            "evil-<b>1.0</b>",
            [
                results_entry(
                    "case:capture/<i>x</i>", "failed", failure=bad, description="<iframe src='https://example.org'>"
                ),
                results_entry(
                    "case:late-binding/y",
                    "xfailed",
                    failure=bad,
                    expectation={"reason": "<u>r</u>", "link": "javascript:alert(1)"},
                ),
                results_entry("case:unbound/z", "error", message=HOSTILE),
            ],
        ),
    )


# -- Python source as program IR, for readable tests ----------------------------------------
# (Only the subset the IR covers; generated programs are built as IR directly.)


def parse(source: str) -> ir.Module:
    return ir.Module(_body(ast.parse(source).body))


def _body(nodes: list[ast.stmt]) -> tuple[ir.Stmt, ...]:
    return tuple(_stmt(node) for node in nodes)


def _params(args: ast.arguments) -> ir.Params:
    positional_args = [*args.posonlyargs, *args.args]
    defaults = [None] * (len(positional_args) - len(args.defaults)) + [_expr(d) for d in args.defaults]
    params = [ir.Param(a.arg, d) for a, d in zip(positional_args, defaults, strict=True)]
    cut = len(args.posonlyargs)
    kwonly = tuple(
        ir.Param(a.arg, _expr(d) if d else None) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
    )
    vararg = args.vararg.arg if args.vararg else None
    kwarg = args.kwarg.arg if args.kwarg else None
    return ir.Params(tuple(params[cut:]), vararg, kwonly, tuple(params[:cut]), kwarg)


def _type_params(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> tuple[str, ...]:
    """`def f[T]` and `class C[T]` (PEP 695): parsed only by a Python 3.12 or later, the names of its type
    variables (the generated subset has no bounds, defaults, `*Ts` or `**P`)."""
    return tuple(param.name for param in getattr(node, "type_params", ()))


def _annotations(node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[ir.Annotation, ...]:
    args = node.args
    params = [
        *args.posonlyargs,
        *args.args,
        *filter(None, [args.vararg]),
        *args.kwonlyargs,
        *filter(None, [args.kwarg]),
    ]
    annotations = [ir.Annotation(a.arg, _expr(a.annotation)) for a in params if a.annotation is not None]
    if node.returns is not None:
        annotations.append(ir.Annotation("return", _expr(node.returns)))
    return tuple(annotations)


_OPERATORS = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.Div: "/",
}
_COMPARISONS = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}


def _stmt(node: ast.stmt) -> ir.Stmt:
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Yield) and len(node.targets) == 1:
        assert node.value.value is not None  # `target = yield value`, as generated programs write it
        return ir.Yield(_expr(node.value.value), _expr(node.targets[0]))
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.YieldFrom) and len(node.targets) == 1:
        return ir.Yield(_expr(node.value.value), _expr(node.targets[0]), delegate=True)
    if isinstance(node, ast.Assign):
        return ir.Assign(tuple(map(_expr, node.targets)), _expr(node.value))
    if isinstance(node, ast.AugAssign):
        return ir.AugAssign(_expr(node.target), _OPERATORS[type(node.op)], _expr(node.value))
    if isinstance(node, ast.Delete):
        return ir.Delete(tuple(map(_expr, node.targets)))
    if isinstance(node, ast.Nonlocal):
        return ir.Nonlocal(tuple(node.names))
    if isinstance(node, ast.Global):
        return ir.Global(tuple(node.names))
    if isinstance(node, ast.Pass):
        return ir.Pass()
    if isinstance(node, ast.Break):
        return ir.Break()
    if isinstance(node, ast.Continue):
        return ir.Continue()
    if isinstance(node, ast.Return):
        return ir.Return(_expr(node.value) if node.value else None)
    if isinstance(node, ast.If):
        return ir.If(_expr(node.test), _body(node.body), _body(node.orelse))
    if isinstance(node, ast.For):
        return ir.For(_expr(node.target), _expr(node.iter), _body(node.body), _body(node.orelse))
    if isinstance(node, ast.While):
        return ir.While(_expr(node.test), _body(node.body), _body(node.orelse))
    if isinstance(node, ast.Raise):
        if node.exc is None:
            return ir.Raise(None)
        assert isinstance(node.exc, ast.Call) and isinstance(node.exc.func, ast.Name)
        return ir.Raise(node.exc.func.id, _expr(node.exc.args[0]) if node.exc.args else None)
    if isinstance(node, ast.Try):
        handlers = tuple(_handler(handler) for handler in node.handlers)
        return ir.Try(_body(node.body), handlers, _body(node.orelse), _body(node.finalbody))
    if isinstance(node, ast.With):
        [item] = node.items
        target = _expr(item.optional_vars) if item.optional_vars else None
        return ir.With(_expr(item.context_expr), target, _body(node.body))
    if isinstance(node, ast.Import):
        [alias] = node.names
        return ir.Import(alias.name, alias.asname or alias.name)
    if isinstance(node, ast.ImportFrom):
        [alias] = node.names
        assert node.module is not None
        return ir.Import(node.module, alias.asname or alias.name, alias.name)
    if isinstance(node, ast.Assert):
        return ir.Assert(_expr(node.test))
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return ir.FunctionDef(node.name, _params(node.args), _body(node.body), tuple(map(_expr, node.decorator_list)),
                              annotations=_annotations(node), type_params=_type_params(node),
                              is_async=isinstance(node, ast.AsyncFunctionDef))  # fmt: skip
    if isinstance(node, ast.AnnAssign):
        assert isinstance(node.target, ast.Name)
        assigned = None if node.value is None else _expr(node.value)
        return ir.AnnAssign(node.target.id, _expr(node.annotation), assigned)
    if isinstance(node, ast.ClassDef):
        keywords = tuple(ir.Keyword(k.arg, _expr(k.value)) for k in node.keywords)
        return ir.ClassDef(node.name, _body(node.body), tuple(map(_expr, node.bases)),
                           tuple(map(_expr, node.decorator_list)), keywords, _type_params(node))  # fmt: skip
    if isinstance(node, ast.Match):
        cases = (
            ir.MatchCase(_pattern(case.pattern), None if case.guard is None else _expr(case.guard), _body(case.body))
            for case in node.cases
        )
        return ir.Match(_expr(node.subject), tuple(cases))
    if isinstance(node, ast.Expr):
        value = node.value
        if isinstance(value, ast.Yield):
            assert value.value is not None
            return ir.Yield(_expr(value.value))
        if isinstance(value, ast.YieldFrom):
            return ir.Yield(_expr(value.value), delegate=True)
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id.startswith("probe"):
            label = value.args[0]
            assert isinstance(label, ast.Constant) and isinstance(label.value, str)
            rest = [_expr(arg) for arg in value.args[1:]]
            if value.func.id == "probe":
                return ir.Probe(label.value, rest[0])
            if value.func.id == "probe_closure":
                return ir.ProbeClosure(label.value, rest[0])
            return ir.ProbeCall(label.value, rest[0], tuple(rest[1:]))
        return ir.ExprStmt(_expr(value))
    statement: Any = node
    if type(node).__name__ == "TypeAlias" and not statement.type_params:  # (ast.TypeAlias: 3.12)
        return ir.TypeAlias(statement.name.id, _expr(statement.value))
    raise ValueError("not in the IR: %s" % ast.dump(node))


def _pattern(node: ast.pattern) -> ir.Pattern:
    """The patterns of a match statement that the tests use: a capture (or `_`), an int or None literal, `P as
    name`, a sequence (with a star), a mapping with int keys, a class pattern, an or-pattern."""
    if isinstance(node, ast.MatchValue):
        assert isinstance(node.value, ast.Constant) and isinstance(node.value.value, int)
        return ir.MatchValue(node.value.value)
    if isinstance(node, ast.MatchSingleton):
        assert node.value is None
        return ir.MatchValue(None)
    if isinstance(node, ast.MatchAs):
        if node.pattern is None:
            return ir.MatchCapture(node.name)
        assert node.name is not None
        return ir.MatchAs(_pattern(node.pattern), node.name)
    if isinstance(node, ast.MatchStar):
        return ir.MatchStar(node.name)
    if isinstance(node, ast.MatchSequence):
        return ir.MatchSequence(tuple(map(_pattern, node.patterns)))
    if isinstance(node, ast.MatchMapping):
        keys = []
        for key in node.keys:
            assert isinstance(key, ast.Constant) and isinstance(key.value, int)
            keys.append(key.value)
        return ir.MatchMapping(tuple(keys), tuple(map(_pattern, node.patterns)), node.rest)
    if isinstance(node, ast.MatchClass):
        keywords = tuple(zip(node.kwd_attrs, map(_pattern, node.kwd_patterns), strict=True))
        return ir.MatchClass(_expr(node.cls), tuple(map(_pattern, node.patterns)), keywords)
    if isinstance(node, ast.MatchOr):
        return ir.MatchOr(tuple(map(_pattern, node.patterns)))
    raise ValueError("not in the IR: %s" % ast.dump(node))


def _handler(handler: ast.ExceptHandler) -> ir.Handler:
    types: tuple[str, ...] = ()
    if isinstance(handler.type, ast.Name):
        types = (handler.type.id,) if handler.type.id != "Exception" else ()
    elif isinstance(handler.type, ast.Tuple):
        types = tuple(elt.id for elt in handler.type.elts if isinstance(elt, ast.Name))
    return ir.Handler(types, handler.name, _body(handler.body))


BUILTINS = ("range", "list", "dict", "staticmethod", "classmethod", "int", "tuple")


def _expr(node: ast.expr) -> ir.Expr:
    if isinstance(node, ast.Constant):
        assert node.value is None or isinstance(node.value, (int, str))
        return ir.Const(node.value)
    if isinstance(node, ast.Name):
        return ir.Builtin(node.id) if node.id in BUILTINS else ir.Name(node.id)
    if isinstance(node, ast.BinOp):
        return ir.BinOp(_OPERATORS[type(node.op)], _expr(node.left), _expr(node.right))
    if isinstance(node, ast.Compare):
        [op], [right] = node.ops, node.comparators
        return ir.Compare(_COMPARISONS[type(op)], _expr(node.left), _expr(right))
    if isinstance(node, ast.BoolOp):
        return ir.BoolOp("and" if isinstance(node.op, ast.And) else "or", tuple(map(_expr, node.values)))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return ir.Not(_expr(node.operand))
    if isinstance(node, ast.IfExp):
        return ir.IfExp(_expr(node.test), _expr(node.body), _expr(node.orelse))
    if isinstance(node, ast.Starred):
        return ir.Starred(_expr(node.value))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "probe_call":
        label = node.args[0]
        assert isinstance(label, ast.Constant) and isinstance(label.value, str)
        return ir.ProbeCallValue(label.value, _expr(node.args[1]), tuple(_expr(arg) for arg in node.args[2:]))
    if _sorted_locals(node):
        return ir.LocalNames()
    if isinstance(node, ast.Call):
        keywords = tuple(ir.Keyword(k.arg, _expr(k.value)) for k in node.keywords)
        return ir.Call(_expr(node.func), tuple(_expr(arg) for arg in node.args), keywords)
    if isinstance(node, ast.Attribute):
        value = node.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "super":
            assert not value.args and not value.keywords, "only zero-argument super() is in the IR"
            return ir.Super(node.attr)
        return ir.Attribute(_expr(value), node.attr)
    if isinstance(node, ast.Subscript):
        assert isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, int)
        return ir.Subscript(_expr(node.value), node.slice.value)
    if isinstance(node, ast.Tuple):
        return ir.TupleExpr(tuple(map(_expr, node.elts)))
    if isinstance(node, ast.List):
        return ir.ListExpr(tuple(map(_expr, node.elts)))
    if isinstance(node, ast.Await):
        return ir.Await(_expr(node.value))
    if isinstance(node, ast.Lambda):
        return ir.Lambda(_params(node.args), _expr(node.body))
    if isinstance(node, ast.NamedExpr):
        return ir.NamedExpr(node.target.id, _expr(node.value))
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        if any(_sorted_locals(inner) for inner in ast.walk(node)):
            # a comprehension's locals() may hold its hidden iterator '.0', which ir.LocalNames leaves out
            raise ValueError("not in the IR: sorted(locals()) in a comprehension")
        clauses = tuple(ir.ComprehensionFor(_expr(c.target), _expr(c.iter), tuple(map(_expr, c.ifs)))
                        for c in node.generators)  # fmt: skip
        kind = {ast.ListComp: "list", ast.SetComp: "set", ast.GeneratorExp: "gen", ast.DictComp: "dict"}[type(node)]
        if isinstance(node, ast.DictComp):
            return ir.Comprehension(kind, _expr(node.value), clauses, _expr(node.key))
        return ir.Comprehension(kind, _expr(node.elt), clauses)
    raise ValueError("not in the IR: %s" % ast.dump(node))


def _sorted_locals(node: ast.AST) -> bool:
    """`sorted(locals())`, as the cases write it: the names locals() holds (ir.LocalNames, which generated
    programs emit as `sorted(_k for _k in locals() if _k[:1] != '.')`: the same list in a function, where
    no name starts with '.')."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "sorted"
        and not node.keywords
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Call)
        and isinstance(node.args[0].func, ast.Name)
        and node.args[0].func.id == "locals"
        and not node.args[0].args
        and not node.args[0].keywords
    )
