"""Emit the source text of a program IR, for a given target's features.

Every expression that is not an atom is parenthesized where it is an operand,
so the text never depends on precedence rules. A construct the target cannot
parse is refused with UnsupportedSyntax rather than emitted.
"""

from __future__ import annotations

from generators import ir
from generators.features import Features

INDENT = "    "


class UnsupportedSyntax(ValueError):
    """The program uses a construct the target's features exclude."""


def emit(module: ir.Module, features: Features | None = None) -> str:
    emitter = _Emitter(features)
    lines: list[str] = []
    for statement in module.body:
        lines.extend(emitter.statement(statement, 0))
    return "\n".join(lines) + "\n"


class _Emitter:
    def __init__(self, features: Features | None) -> None:
        self.features = features

    # -- statements ----------------------------------------------------------

    def block(self, body: tuple[ir.Stmt, ...], level: int) -> list[str]:
        if not body:
            return [INDENT * level + "pass"]
        lines: list[str] = []
        for statement in body:
            lines.extend(self.statement(statement, level))
        return lines

    def statement(self, node: ir.Stmt, level: int) -> list[str]:
        pad = INDENT * level
        e = self.expr
        if isinstance(node, ir.Assign):
            return [pad + "%s = %s" % (node.target, e(node.value))]
        if isinstance(node, ir.AugAssign):
            return [pad + "%s += %s" % (node.target, e(node.value))]
        if isinstance(node, ir.Delete):
            return [pad + "del " + node.target]
        if isinstance(node, ir.Nonlocal):
            if self.features is not None and not self.features.nonlocal_statement:
                raise UnsupportedSyntax("the target cannot parse nonlocal")
            return [pad + "nonlocal " + ", ".join(node.names)]
        if isinstance(node, ir.Global):
            return [pad + "global " + ", ".join(node.names)]
        if isinstance(node, ir.ExprStmt):
            return [pad + e(node.value)]
        if isinstance(node, ir.Return):
            return [pad + ("return" if node.value is None else "return " + e(node.value))]
        if isinstance(node, ir.Yield):
            return [pad + "yield " + e(node.value)]
        if isinstance(node, ir.Raise):
            return [pad + "raise ValueError(%s)" % e(node.value)]
        if isinstance(node, ir.For):
            return [pad + "for %s in %s:" % (node.target, e(node.iter)), *self.block(node.body, level + 1)]
        if isinstance(node, ir.Try):
            return [
                pad + "try:",
                *self.block(node.body, level + 1),
                pad + "except Exception as %s:" % node.name,
                *self.block(node.handler, level + 1),
            ]
        if isinstance(node, ir.FunctionDef):
            decorators = [pad + "@" + e(decorator) for decorator in node.decorators]
            header = pad + "def %s(%s):" % (node.name, self.params(node.params))
            return [*decorators, header, *self.block(node.body, level + 1)]
        if isinstance(node, ir.ClassDef):
            return [pad + "class %s:" % node.name, *self.block(node.body, level + 1)]
        if isinstance(node, ir.Probe):
            return [pad + "probe(%r, %s)" % (node.label, e(node.value))]
        if isinstance(node, ir.ProbeCall):
            args = "".join(", " + e(arg) for arg in node.args)
            return [pad + "probe_call(%r, %s%s)" % (node.label, e(node.func), args)]
        if isinstance(node, ir.ProbeClosure):
            return [pad + "probe_closure(%r, %s)" % (node.label, e(node.value))]
        raise TypeError("not a statement: %r" % (node,))

    def params(self, params: ir.Params) -> str:
        parts = [self.param(p) for p in params.positional]
        if params.vararg is not None:
            parts.append("*" + params.vararg)
        elif params.kwonly:
            parts.append("*")
        parts.extend(self.param(p) for p in params.kwonly)
        return ", ".join(parts)

    def param(self, param: ir.Param) -> str:
        return param.name if param.default is None else "%s=%s" % (param.name, self.expr(param.default))

    # -- expressions ---------------------------------------------------------

    def expr(self, node: ir.Expr) -> str:
        if isinstance(node, ir.Const):
            return repr(node.value)
        if isinstance(node, (ir.Name, ir.Builtin)):
            return node.id if isinstance(node, ir.Name) else node.name
        if isinstance(node, ir.Add):
            return "%s + %s" % (self.operand(node.left), self.operand(node.right))
        if isinstance(node, ir.Call):
            return "%s(%s)" % (self.operand(node.func), ", ".join(self.expr(arg) for arg in node.args))
        if isinstance(node, ir.Attribute):
            return "%s.%s" % (self.operand(node.value), node.attr)
        if isinstance(node, ir.Subscript):
            return "%s[%d]" % (self.operand(node.value), node.index)
        if isinstance(node, ir.TupleExpr):
            if len(node.elts) == 1:
                return "(%s,)" % self.expr(node.elts[0])
            return "(%s)" % ", ".join(self.expr(elt) for elt in node.elts)
        if isinstance(node, ir.ListExpr):
            return "[%s]" % ", ".join(self.expr(elt) for elt in node.elts)
        if isinstance(node, ir.Lambda):
            params = self.params(node.params)
            return "lambda%s: %s" % (" " + params if params else "", self.expr(node.body))
        if isinstance(node, ir.Comprehension):
            clause = "for %s in %s" % (node.target, self.operand(node.iter))
            if node.kind == "dict":
                assert node.key is not None
                return "{%s: %s %s}" % (self.operand(node.key), self.operand(node.elt), clause)
            open_, close = {"list": ("[", "]"), "set": ("{", "}"), "gen": ("(", ")")}[node.kind]
            return "%s%s %s%s" % (open_, self.operand(node.elt), clause, close)
        if isinstance(node, ir.ProbeCallValue):
            args = "".join(", " + self.expr(arg) for arg in node.args)
            return "probe_call(%r, %s%s)" % (node.label, self.expr(node.func), args)
        if isinstance(node, ir.NamedExpr):
            if self.features is not None and not self.features.walrus:
                raise UnsupportedSyntax("the target cannot parse :=")
            return "(%s := %s)" % (node.target, self.expr(node.value))
        raise TypeError("not an expression: %r" % (node,))

    def operand(self, node: ir.Expr) -> str:
        """An expression in a position that needs an atom: parenthesize anything else."""
        text = self.expr(node)
        if isinstance(node, (ir.Add, ir.Lambda)):
            return "(%s)" % text
        return text
