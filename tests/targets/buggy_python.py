"""A Python interpreter with one closure bug seeded in it, to prove the properties can fail.

    python3 buggy_python.py BUG -I /path/to/runner.py

It is started by the driver like any target (the driver appends `-I runner.py`),
loads the real runner, and rewrites each program (or each observation) the way an
implementation with that bug would behave, before serving the protocol as usual.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from collections.abc import Callable
from typing import Any


def _free_names(node: ast.Lambda) -> list[str]:
    params = {a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)}
    for extra in (node.args.vararg, node.args.kwarg):
        if extra is not None:
            params.add(extra.arg)
    loads = {n.id for n in ast.walk(node.body) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return sorted(loads - params - {"range", "list", "probe", "probe_call", "probe_closure"})


class EarlyBinding(ast.NodeTransformer):
    """Lambdas capture the values of their free variables when made, not the variables."""

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        self.generic_visit(node)
        for name in _free_names(node):
            node.args.kwonlyargs.append(ast.arg(name))
            node.args.kw_defaults.append(ast.Name(name, ast.Load()))
        return node


class IgnoreDeclarations(ast.NodeTransformer):
    """`nonlocal` (or `global`) statements are ignored: assignments make locals."""

    def __init__(self, kind: type[ast.stmt]) -> None:
        self.kind = kind

    def visit(self, node: ast.AST) -> Any:
        if isinstance(node, self.kind):
            return ast.Pass()
        return super().visit(node)


class KeepExceptName(ast.NodeTransformer):
    """`except E as N:` does not unbind N at the end of the handler."""

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> ast.AST:
        self.generic_visit(node)
        if node.name:
            kept = node.name
            node.name = "_seeded_" + kept
            node.body.insert(0, ast.Assign([ast.Name(kept, ast.Store())], ast.Name(node.name, ast.Load())))
        return node


class ClassBodyInGlobals(ast.NodeTransformer):
    """A class body binds its names in the module's globals, not in the class namespace."""

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        self.generic_visit(node)
        declared = {n for s in node.body if isinstance(s, (ast.Nonlocal, ast.Global)) for n in s.names}
        bound = set()
        for statement in node.body:
            for target in ast.walk(statement):
                if isinstance(target, ast.Name) and isinstance(target.ctx, (ast.Store, ast.Del)):
                    bound.add(target.id)
            if isinstance(statement, (ast.FunctionDef, ast.ClassDef)):
                bound.add(statement.name)
        names = sorted(bound - declared)
        if names:
            node.body.insert(0, ast.Global(names))
        return node


class LeakingComprehensions(ast.NodeTransformer):
    """`x = [e for v in it]` runs as a loop in the enclosing scope: v leaks (Python 2)."""

    def visit_Assign(self, node: ast.Assign) -> Any:
        value = node.value
        if not isinstance(value, ast.ListComp) or len(node.targets) != 1 or len(value.generators) != 1:
            return node
        target = node.targets[0]
        clause = value.generators[0]
        append = ast.Expr(ast.Call(ast.Attribute(ast.Name("_seeded_list", ast.Load()), "append", ast.Load()),
                                   [value.elt], []))  # fmt: skip
        return [
            ast.Assign([ast.Name("_seeded_list", ast.Store())], ast.List([], ast.Load())),
            ast.For(clause.target, clause.iter, [append], []),
            ast.Assign([target], ast.Name("_seeded_list", ast.Load())),
        ]


SOURCE_BUGS: dict[str, Callable[[], ast.NodeTransformer]] = {
    "early-binding": EarlyBinding,
    "nonlocal-ignored": lambda: IgnoreDeclarations(ast.Nonlocal),
    "global-ignored": lambda: IgnoreDeclarations(ast.Global),
    "except-name-kept": KeepExceptName,
    "class-body-in-globals": ClassBodyInGlobals,
    "comprehension-leaks": LeakingComprehensions,
}


def rewrite_source(bug: str, source: str) -> str:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source  # let the real compiler report it
    tree = SOURCE_BUGS[bug]().visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree))


def rewrite_result(bug: str, result: dict[str, Any]) -> dict[str, Any]:
    """Bugs in what the interpreter reports rather than in what it does."""
    for _, observation in result.get("observations", []):
        raised = observation.get("raises")
        if bug == "unbound-is-name-error" and raised and raised["type"] == "UnboundLocalError":
            raised.update(type="NameError", mro=raised["mro"][1:])
        if bug == "closure-loses-a-cell" and observation.get("freevars"):
            last = observation["freevars"].pop()
            observation["closure"] = len(observation["freevars"]) or None
            observation.get("cells", {}).pop(last, None)
        if bug == "cpython-details-differ":
            if len(observation.get("freevars", [])) > 1:
                observation["freevars"].reverse()
            if raised and raised["type"] in ("NameError", "UnboundLocalError"):
                raised["message"] = "seeded: " + raised["message"]
    for key in ("error",):
        raised = result.get(key)
        if bug == "cpython-details-differ" and raised and raised["type"] in ("NameError", "UnboundLocalError"):
            raised["message"] = "seeded: " + raised["message"]
    return result


OBSERVATION_BUGS = ("unbound-is-name-error", "closure-loses-a-cell", "cpython-details-differ")
COMPILE_BUGS = ("scope-errors-accepted",)
BUGS = (*SOURCE_BUGS, *OBSERVATION_BUGS, *COMPILE_BUGS)


def main() -> None:
    bug, runner_path = sys.argv[1], sys.argv[-1]
    if bug not in BUGS:
        raise SystemExit("unknown bug %r; one of %s" % (bug, ", ".join(BUGS)))
    spec = importlib.util.spec_from_file_location("runner", runner_path)
    assert spec is not None and spec.loader is not None
    runner: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    real_run_program = runner.run_program

    def run_program(program_id: str, source: str, filename: str = "<program>") -> dict[str, Any]:
        if bug in SOURCE_BUGS:
            source = rewrite_source(bug, source)
        result = real_run_program(program_id, source, filename)
        if bug == "scope-errors-accepted" and result.get("compile_error", {}).get("type") == "SyntaxError":
            result = real_run_program(program_id, "", filename)  # compiles what it should reject
        return rewrite_result(bug, result)

    runner.run_program = run_program
    runner.serve()


if __name__ == "__main__":
    main()
