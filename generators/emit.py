"""Emit the source text of a program IR, for a given target's features.

Every expression that is not an atom is parenthesized where it is an operand,
so the text never depends on precedence rules. A construct the target cannot
parse is refused with UnsupportedSyntax rather than emitted.
"""

from __future__ import annotations

from collections.abc import Callable

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


# Expressions that are atoms (or calls, attributes and subscripts of atoms) need no parentheses as operands.
_ATOMS = (ir.Const, ir.Name, ir.Builtin, ir.Call, ir.Attribute, ir.Subscript, ir.TupleExpr, ir.ListExpr,
          ir.Comprehension, ir.NamedExpr, ir.ProbeCallValue, ir.Super, ir.LocalNames, ir.EvalName)  # fmt: skip


class _Emitter:
    def __init__(self, features: Features | None) -> None:
        self.features = features

    def require(self, feature: str, construct: str) -> None:
        if self.features is not None and not getattr(self.features, feature):
            raise UnsupportedSyntax("the target cannot parse " + construct)

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
            targets = "".join(self.target(target) + " = " for target in node.targets)
            return [pad + targets + e(node.value)]
        if isinstance(node, ir.AnnAssign):
            self.require("variable_annotations", "variable annotations")
            value = "" if node.value is None else " = " + e(node.value)
            return [pad + "%s: %s%s" % (node.target, e(node.annotation), value)]
        if isinstance(node, ir.AugAssign):
            return [pad + "%s %s= %s" % (self.target(node.target), node.op, e(node.value))]
        if isinstance(node, ir.Delete):
            return [pad + "del " + ", ".join(self.target(target) for target in node.targets)]
        if isinstance(node, ir.Nonlocal):
            self.require("nonlocal_statement", "nonlocal")
            return [pad + "nonlocal " + ", ".join(node.names)]
        if isinstance(node, ir.Global):
            return [pad + "global " + ", ".join(node.names)]
        if isinstance(node, ir.ExprStmt):
            return [pad + e(node.value)]
        if isinstance(node, ir.Pass):
            return [pad + "pass"]
        if isinstance(node, ir.Return):
            return [pad + ("return" if node.value is None else "return " + e(node.value))]
        if isinstance(node, ir.Yield):
            if node.delegate:
                self.require("yield_from", "yield from")
            text = ("yield from " if node.delegate else "yield ") + e(node.value)
            return [pad + (text if node.target is None else "%s = %s" % (self.target(node.target), text))]
        if isinstance(node, ir.Break):
            return [pad + "break"]
        if isinstance(node, ir.Continue):
            return [pad + "continue"]
        if isinstance(node, ir.Raise):
            if node.exception is None:
                return [pad + "raise"]
            value = "" if node.value is None else e(node.value)
            return [pad + "raise %s(%s)" % (node.exception, value)]
        if isinstance(node, ir.If):
            return self.if_(node, level, "if")
        if isinstance(node, ir.For):
            header = pad + "for %s in %s:" % (self.target(node.target, bare=True), e(node.iter))
            return [header, *self.block(node.body, level + 1), *self.orelse(node.orelse, level)]
        if isinstance(node, ir.While):
            return [pad + "while %s:" % e(node.test), *self.block(node.body, level + 1),
                    *self.orelse(node.orelse, level)]  # fmt: skip
        if isinstance(node, ir.Try):
            lines = [pad + "try:", *self.block(node.body, level + 1)]
            for handler in node.handlers:
                types = handler.types or ("Exception",)
                clause = types[0] if len(types) == 1 else "(%s)" % ", ".join(types)
                name = "" if handler.name is None else " as " + handler.name
                lines += [pad + "except %s%s:" % (clause, name), *self.block(handler.body, level + 1)]
            lines += self.orelse(node.orelse, level)
            if node.finalbody or not node.handlers:
                lines += [pad + "finally:", *self.block(node.finalbody, level + 1)]
            return lines
        if isinstance(node, ir.With):
            target = "" if node.target is None else " as " + self.target(node.target)
            return [pad + "with %s%s:" % (e(node.context), target), *self.block(node.body, level + 1)]
        if isinstance(node, ir.Match):
            self.require("match", "match")
            lines = [pad + "match %s:" % e(node.subject)]
            for case in node.cases:
                guard = "" if case.guard is None else " if " + e(case.guard)
                lines.append(pad + INDENT + "case %s%s:" % (self.pattern(case.pattern), guard))
                lines += self.block(case.body, level + 2)
            return lines
        if isinstance(node, ir.Import):
            if node.name is None:
                return [pad + "import %s as %s" % (node.module, node.asname)]
            return [pad + "from %s import %s as %s" % (node.module, node.name, node.asname)]
        if isinstance(node, ir.Assert):
            return [pad + "assert " + e(node.test)]
        if isinstance(node, ir.FunctionDef):
            if node.is_async:
                self.require("async_def", "async def")
            generic = ""
            if node.type_params:
                self.require("type_params", "type parameters")
                generic = "[%s]" % ", ".join(node.type_params)
            keyword = "async def" if node.is_async else "def"
            annotations = {annotation.name: e(annotation.value) for annotation in node.annotations}
            returns = " -> " + annotations["return"] if "return" in annotations else ""
            header = pad + "%s %s%s(%s)%s:" % (
                keyword,
                node.name,
                generic,
                self.params(node.params, annotations),
                returns,
            )
            return [*self.decorators(node.decorators, pad), header, *self.block(node.body, level + 1)]
        if isinstance(node, ir.ClassDef):
            arguments = [e(base) for base in node.bases] + ["%s=%s" % (k.name, e(k.value)) for k in node.keywords]
            bases = "(%s)" % ", ".join(arguments) if arguments else ""
            generic = ""
            if node.type_params:
                self.require("type_params", "type parameters")
                generic = "[%s]" % ", ".join(node.type_params)
            header = pad + "class %s%s%s:" % (node.name, generic, bases)
            return [*self.decorators(node.decorators, pad), header, *self.block(node.body, level + 1)]
        if isinstance(node, ir.TypeAlias):
            self.require("type_alias", "type statements")
            return [pad + "type %s = %s" % (node.name, e(node.value))]
        if isinstance(node, ir.Probe):
            return [pad + "probe(%r, %s)" % (node.label, e(node.value))]
        if isinstance(node, ir.ProbeCall):
            args = "".join(", " + e(arg) for arg in node.args)
            return [pad + "probe_call(%r, %s%s)" % (node.label, e(node.func), args)]
        if isinstance(node, ir.ProbeClosure):
            return [pad + "probe_closure(%r, %s)" % (node.label, e(node.value))]
        raise TypeError("not a statement: %r" % (node,))

    def pattern(self, node: ir.Pattern) -> str:
        if isinstance(node, ir.MatchValue):
            return repr(node.value)
        if isinstance(node, ir.MatchCapture):
            return "_" if node.name is None else node.name
        if isinstance(node, ir.MatchAs):
            return "(%s as %s)" % (self.pattern(node.pattern), node.name)
        if isinstance(node, ir.MatchStar):
            return "*" + ("_" if node.name is None else node.name)
        if isinstance(node, ir.MatchSequence):
            return "[%s]" % ", ".join(self.pattern(p) for p in node.patterns)
        if isinstance(node, ir.MatchMapping):
            items = ["%r: %s" % (key, self.pattern(p)) for key, p in zip(node.keys, node.patterns, strict=True)]
            items += [] if node.rest is None else ["**" + node.rest]
            return "{%s}" % ", ".join(items)
        if isinstance(node, ir.MatchClass):
            arguments = [self.pattern(p) for p in node.patterns]
            arguments += ["%s=%s" % (attr, self.pattern(p)) for attr, p in node.keywords]
            return "%s(%s)" % (self.expr(node.cls), ", ".join(arguments))
        return "(%s)" % " | ".join(self.pattern(p) for p in node.patterns)

    def if_(self, node: ir.If, level: int, keyword: str) -> list[str]:
        pad = INDENT * level
        lines = [pad + "%s %s:" % (keyword, self.expr(node.test)), *self.block(node.body, level + 1)]
        if len(node.orelse) == 1 and isinstance(node.orelse[0], ir.If):
            return lines + self.if_(node.orelse[0], level, "elif")
        return lines + self.orelse(node.orelse, level)

    def orelse(self, body: tuple[ir.Stmt, ...], level: int) -> list[str]:
        return [INDENT * level + "else:", *self.block(body, level + 1)] if body else []

    def decorators(self, decorators: tuple[ir.Expr, ...], pad: str) -> list[str]:
        lines = []
        for decorator in decorators:
            # Before PEP 614 (3.9) a decorator is a dotted name, optionally called.
            if not _dotted_call(decorator):
                self.require("decorator_expressions", "decorator expressions")
            lines.append(pad + "@" + self.expr(decorator))
        return lines

    def target(self, node: ir.Expr, bare: bool = False) -> str:
        """An assignment target; a tuple without parentheses where `bare` (a for loop's)."""
        if isinstance(node, ir.TupleExpr) and bare and len(node.elts) > 1:
            return ", ".join(self.target(elt) for elt in node.elts)
        if isinstance(node, ir.Starred):
            self.require("starred_assignment", "starred assignment targets")
            return "*" + self.target(node.value)
        if isinstance(node, (ir.TupleExpr, ir.ListExpr)):
            inner = ", ".join(self.target(elt) for elt in node.elts)
            if isinstance(node, ir.ListExpr):
                return "[%s]" % inner
            return "(%s,)" % inner if len(node.elts) == 1 else "(%s)" % inner
        return self.expr(node)

    def params(self, params: ir.Params, annotations: dict[str, str] | None = None) -> str:
        """A parameter list; `annotations` maps parameter names to the text of their annotations."""
        notes = annotations or {}

        def annotated(name: str) -> str:
            return name if name not in notes else "%s: %s" % (name, notes[name])

        parts = [self.param(p, annotated) for p in params.posonly]
        if params.posonly:
            self.require("posonly", "positional-only parameters")
            parts.append("/")
        parts += [self.param(p, annotated) for p in params.positional]
        if params.vararg is not None:
            parts.append("*" + annotated(params.vararg))
        elif params.kwonly:
            parts.append("*")
        parts.extend(self.param(p, annotated) for p in params.kwonly)
        if params.kwarg is not None:
            parts.append("**" + annotated(params.kwarg))
        return ", ".join(parts)

    def param(self, param: ir.Param, annotated: Callable[[str], str] = str) -> str:
        name = annotated(param.name)
        return name if param.default is None else "%s=%s" % (name, self.expr(param.default))

    # -- expressions ---------------------------------------------------------

    def expr(self, node: ir.Expr) -> str:
        if isinstance(node, ir.Const):
            return repr(node.value)
        if isinstance(node, ir.Name):
            return node.id
        if isinstance(node, ir.Builtin):
            return node.name
        if isinstance(node, ir.BinOp):
            return "%s %s %s" % (self.operand(node.left), node.op, self.operand(node.right))
        if isinstance(node, ir.Compare):
            return "%s %s %s" % (self.operand(node.left), node.op, self.operand(node.right))
        if isinstance(node, ir.BoolOp):
            return (" %s " % node.op).join(self.operand(value) for value in node.values)
        if isinstance(node, ir.Not):
            return "not " + self.operand(node.value)
        if isinstance(node, ir.IfExp):
            return "%s if %s else %s" % (self.operand(node.body), self.operand(node.test), self.operand(node.orelse))
        if isinstance(node, ir.Starred):
            return "*" + self.operand(node.value)
        if isinstance(node, ir.Call):
            args = [self.argument(arg) for arg in node.args]
            args += [("**" + self.operand(k.value)) if k.name is None else "%s=%s" % (k.name, self.expr(k.value))
                     for k in node.keywords]  # fmt: skip
            return "%s(%s)" % (self.operand(node.func), ", ".join(args))
        if isinstance(node, ir.Attribute):
            return "%s.%s" % (self.operand(node.value), node.attr)
        if isinstance(node, ir.Super):
            return "super().%s" % node.attr
        if isinstance(node, ir.LocalNames):
            return "sorted(_k for _k in locals() if _k[:1] != '.')"
        if isinstance(node, ir.EvalName):
            self.require("dynamic_execution", "eval")
            return "eval(%r)" % node.name
        if isinstance(node, ir.Subscript):
            return "%s[%d]" % (self.operand(node.value), node.index)
        if isinstance(node, ir.TupleExpr):
            if len(node.elts) == 1:
                return "(%s,)" % self.element(node.elts[0])
            return "(%s)" % ", ".join(self.element(elt) for elt in node.elts)
        if isinstance(node, ir.ListExpr):
            return "[%s]" % ", ".join(self.element(elt) for elt in node.elts)
        if isinstance(node, ir.Lambda):
            params = self.params(node.params)
            return "lambda%s: %s" % (" " + params if params else "", self.expr(node.body))
        if isinstance(node, ir.Comprehension):
            clauses = ""
            for clause in node.clauses:
                clauses += " for %s in %s" % (self.target(clause.target, bare=True), self.operand(clause.iter))
                clauses += "".join(" if " + self.operand(test) for test in clause.ifs)
            if node.kind == "dict":
                assert node.key is not None
                return "{%s: %s%s}" % (self.operand(node.key), self.operand(node.elt), clauses)
            open_, close = {"list": ("[", "]"), "set": ("{", "}"), "gen": ("(", ")")}[node.kind]
            return "%s%s%s%s" % (open_, self.operand(node.elt), clauses, close)
        if isinstance(node, ir.ProbeCallValue):
            rest = "".join(", " + self.expr(arg) for arg in node.args)
            return "probe_call(%r, %s%s)" % (node.label, self.expr(node.func), rest)
        if isinstance(node, ir.Await):
            return "await " + self.operand(node.value)
        if isinstance(node, ir.NamedExpr):
            self.require("walrus", ":=")
            return "(%s := %s)" % (node.target, self.expr(node.value))
        raise TypeError("not an expression: %r" % (node,))

    def argument(self, node: ir.Expr) -> str:
        return "*" + self.operand(node.value) if isinstance(node, ir.Starred) else self.expr(node)

    def element(self, node: ir.Expr) -> str:
        """An item of a tuple or list display: `*x` unpacks (PEP 448)."""
        if isinstance(node, ir.Starred):
            self.require("extended_unpacking", "unpacking in displays")
            return "*" + self.operand(node.value)
        return self.expr(node)

    def operand(self, node: ir.Expr) -> str:
        """An expression in a position that needs an atom: parenthesize anything else."""
        text = self.expr(node)
        return text if isinstance(node, _ATOMS) else "(%s)" % text


def _dotted_call(node: ir.Expr) -> bool:
    """`name`, `name.attr`, or either called: what a decorator could be before Python 3.9."""
    if isinstance(node, ir.Call):
        node = node.func
    while isinstance(node, ir.Attribute):
        node = node.value
    return isinstance(node, (ir.Name, ir.Builtin))
