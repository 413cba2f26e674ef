"""The program IR: the one description of a generated program.

Frozen dataclasses for the part of Python that closure semantics live in. The
emitter turns a Module into source text; the reference model evaluates the same
Module to predict what every probe in it observes. Nothing else describes a
program: source and predictions are both derived from this tree.

Names are plain strings. Expressions are side-effect free except for calls and
:=, which is what makes evaluation order observable and the model exact.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- expressions --------------------------------------------------------------


@dataclass(frozen=True)
class Const:
    value: int | None


@dataclass(frozen=True)
class Name:
    id: str


@dataclass(frozen=True)
class Add:
    """`left + right`: ints add, lists and tuples concatenate, anything else is a TypeError."""

    left: Expr
    right: Expr


@dataclass(frozen=True)
class Call:
    func: Expr
    args: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class Builtin:
    """A builtin used by name in the emitted source: `range`, `list`."""

    name: str


@dataclass(frozen=True)
class Attribute:
    """`value.attr`: class attributes, methods, and `list.append`."""

    value: Expr
    attr: str


@dataclass(frozen=True)
class Subscript:
    """`value[index]` with a constant index."""

    value: Expr
    index: int


@dataclass(frozen=True)
class TupleExpr:
    elts: tuple[Expr, ...]


@dataclass(frozen=True)
class ListExpr:
    elts: tuple[Expr, ...]


@dataclass(frozen=True)
class Param:
    name: str
    default: Expr | None = None


@dataclass(frozen=True)
class Params:
    """Positional parameters (with or without defaults), *args, keyword-only parameters."""

    positional: tuple[Param, ...] = ()
    vararg: str | None = None
    kwonly: tuple[Param, ...] = ()  # always with defaults, so calls never need keywords

    def names(self) -> tuple[str, ...]:
        names = [p.name for p in self.positional]
        if self.vararg is not None:
            names.append(self.vararg)
        names.extend(p.name for p in self.kwonly)
        return tuple(names)

    def defaults(self) -> tuple[Expr, ...]:
        """Default expressions in evaluation order: positional, then keyword-only."""
        return tuple(p.default for p in (*self.positional, *self.kwonly) if p.default is not None)


@dataclass(frozen=True)
class Lambda:
    params: Params
    body: Expr


@dataclass(frozen=True)
class Comprehension:
    """`[elt for target in iter]`, `{...}`, `{key: elt ...}`, `(elt for ...)`: one `for` clause."""

    kind: str  # "list", "set", "dict" or "gen"
    elt: Expr
    target: str
    iter: Expr
    key: Expr | None = None  # dict comprehensions only


@dataclass(frozen=True)
class ProbeCallValue:
    """`probe_call(label, func, *args)` used for its value: the result, or None if it raised."""

    label: str
    func: Expr
    args: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class NamedExpr:
    """`(target := value)`, Python 3.8+."""

    target: str
    value: Expr


Expr = (
    Const
    | Name
    | Add
    | Call
    | Builtin
    | Attribute
    | Subscript
    | TupleExpr
    | ListExpr
    | Lambda
    | Comprehension
    | NamedExpr
    | ProbeCallValue
)

# -- statements ---------------------------------------------------------------


@dataclass(frozen=True)
class Assign:
    target: str
    value: Expr


@dataclass(frozen=True)
class AugAssign:
    """`target += value`."""

    target: str
    value: Expr


@dataclass(frozen=True)
class Delete:
    target: str


@dataclass(frozen=True)
class Nonlocal:
    names: tuple[str, ...]


@dataclass(frozen=True)
class Global:
    names: tuple[str, ...]


@dataclass(frozen=True)
class ExprStmt:
    value: Expr


@dataclass(frozen=True)
class Return:
    value: Expr | None = None


@dataclass(frozen=True)
class Yield:
    """`yield value` as a statement; a function containing one is a generator function."""

    value: Expr


@dataclass(frozen=True)
class For:
    target: str
    iter: Expr
    body: tuple[Stmt, ...]


@dataclass(frozen=True)
class Raise:
    """`raise ValueError(value)`."""

    value: Expr


@dataclass(frozen=True)
class Try:
    """`try: body` / `except Exception as name: handler`."""

    body: tuple[Stmt, ...]
    name: str
    handler: tuple[Stmt, ...]


@dataclass(frozen=True)
class FunctionDef:
    name: str
    params: Params
    body: tuple[Stmt, ...]
    decorators: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class ClassDef:
    name: str
    body: tuple[Stmt, ...]


@dataclass(frozen=True)
class Probe:
    """`probe(label, value)`."""

    label: str
    value: Expr


@dataclass(frozen=True)
class ProbeCall:
    """`probe_call(label, func, *args)`: the return value or the exception raised."""

    label: str
    func: Expr
    args: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class ProbeClosure:
    """`probe_closure(label, value)`: __closure__, co_freevars and the cells of a function."""

    label: str
    value: Expr


Stmt = (
    Assign
    | AugAssign
    | Delete
    | Nonlocal
    | Global
    | ExprStmt
    | Return
    | Yield
    | For
    | Raise
    | Try
    | FunctionDef
    | ClassDef
    | Probe
    | ProbeCall
    | ProbeClosure
)


@dataclass(frozen=True)
class Module:
    body: tuple[Stmt, ...]


def is_generator(function: FunctionDef) -> bool:
    """A function is a generator function when a yield occurs in its own body (not nested ones)."""
    return any(_yields(statement) for statement in function.body)


def _yields(statement: Stmt) -> bool:
    if isinstance(statement, Yield):
        return True
    if isinstance(statement, For):
        return any(_yields(s) for s in statement.body)
    if isinstance(statement, Try):
        return any(_yields(s) for s in (*statement.body, *statement.handler))
    return False
