"""Read Python source (the subset the IR covers) into program IR, for readable tests.

Only for the suite's own tests: generated programs are built as IR directly.
"""

from __future__ import annotations

import ast

from generators import ir


def parse(source: str) -> ir.Module:
    return ir.Module(tuple(_stmt(node) for node in ast.parse(source).body))


def _body(nodes: list[ast.stmt]) -> tuple[ir.Stmt, ...]:
    return tuple(_stmt(node) for node in nodes if not isinstance(node, ast.Pass))


def _params(args: ast.arguments) -> ir.Params:
    defaults = [None] * (len(args.args) - len(args.defaults)) + [_expr(d) for d in args.defaults]
    positional = tuple(ir.Param(a.arg, d) for a, d in zip(args.args, defaults, strict=True))
    kwonly = tuple(ir.Param(a.arg, _expr(d)) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d)
    return ir.Params(positional, args.vararg.arg if args.vararg else None, kwonly)


def _stmt(node: ast.stmt) -> ir.Stmt:
    if isinstance(node, ast.Assign):
        [target] = node.targets
        assert isinstance(target, ast.Name)
        return ir.Assign(target.id, _expr(node.value))
    if isinstance(node, ast.AugAssign):
        assert isinstance(node.target, ast.Name) and isinstance(node.op, ast.Add)
        return ir.AugAssign(node.target.id, _expr(node.value))
    if isinstance(node, ast.Delete):
        [target] = node.targets
        assert isinstance(target, ast.Name)
        return ir.Delete(target.id)
    if isinstance(node, ast.Nonlocal):
        return ir.Nonlocal(tuple(node.names))
    if isinstance(node, ast.Global):
        return ir.Global(tuple(node.names))
    if isinstance(node, ast.Return):
        return ir.Return(_expr(node.value) if node.value else None)
    if isinstance(node, ast.For):
        assert isinstance(node.target, ast.Name)
        return ir.For(node.target.id, _expr(node.iter), _body(node.body))
    if isinstance(node, ast.Raise):
        assert isinstance(node.exc, ast.Call)
        return ir.Raise(_expr(node.exc.args[0]))
    if isinstance(node, ast.Try):
        [handler] = node.handlers
        assert handler.name is not None
        return ir.Try(_body(node.body), handler.name, _body(handler.body))
    if isinstance(node, ast.FunctionDef):
        return ir.FunctionDef(node.name, _params(node.args), _body(node.body), tuple(map(_expr, node.decorator_list)))
    if isinstance(node, ast.ClassDef):
        return ir.ClassDef(node.name, _body(node.body))
    if isinstance(node, ast.Expr):
        value = node.value
        if isinstance(value, ast.Yield):
            assert value.value is not None
            return ir.Yield(_expr(value.value))
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
    raise ValueError("not in the IR: %s" % ast.dump(node))


def _expr(node: ast.expr) -> ir.Expr:
    if isinstance(node, ast.Constant):
        assert node.value is None or isinstance(node.value, int)
        return ir.Const(node.value)
    if isinstance(node, ast.Name):
        return ir.Builtin(node.id) if node.id in ("range", "list") else ir.Name(node.id)
    if isinstance(node, ast.BinOp):
        return ir.Add(_expr(node.left), _expr(node.right))
    if isinstance(node, ast.Call):
        return ir.Call(_expr(node.func), tuple(_expr(arg) for arg in node.args))
    if isinstance(node, ast.Attribute):
        return ir.Attribute(_expr(node.value), node.attr)
    if isinstance(node, ast.Subscript):
        assert isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, int)
        return ir.Subscript(_expr(node.value), node.slice.value)
    if isinstance(node, ast.Tuple):
        return ir.TupleExpr(tuple(map(_expr, node.elts)))
    if isinstance(node, ast.List):
        return ir.ListExpr(tuple(map(_expr, node.elts)))
    if isinstance(node, ast.Lambda):
        return ir.Lambda(_params(node.args), _expr(node.body))
    if isinstance(node, ast.NamedExpr):
        return ir.NamedExpr(node.target.id, _expr(node.value))
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        [clause] = node.generators
        assert isinstance(clause.target, ast.Name)
        kind = {ast.ListComp: "list", ast.SetComp: "set", ast.GeneratorExp: "gen", ast.DictComp: "dict"}[type(node)]
        if isinstance(node, ast.DictComp):
            return ir.Comprehension(kind, _expr(node.value), clause.target.id, _expr(clause.iter), _expr(node.key))
        return ir.Comprehension(kind, _expr(node.elt), clause.target.id, _expr(clause.iter))
    raise ValueError("not in the IR: %s" % ast.dump(node))
