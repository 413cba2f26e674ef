"""The program IR: the one description of a generated program.

Frozen dataclasses for the part of Python that closure semantics live in. The
emitter turns a Module into source text; the reference model evaluates the same
Module to predict what every probe in it observes. Nothing else describes a
program: source and predictions are both derived from this tree.

Names are plain strings. Assignment targets are the expression nodes Python's own
grammar allows there (a Name, a tuple or list of targets with at most one Starred,
an Attribute, a Subscript), as in Python's `ast`: only a Name binds; the others
read their operands.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- expressions --------------------------------------------------------------


@dataclass(frozen=True)
class Const:
    value: int | str | None


@dataclass(frozen=True)
class Name:
    id: str


BINARY_OPERATORS = ("+", "-", "*", "//", "%", "**", "<<", ">>", "&", "|", "^", "/")


@dataclass(frozen=True)
class BinOp:
    """`left op right`, op one of BINARY_OPERATORS."""

    op: str
    left: Expr
    right: Expr


COMPARISONS = ("==", "!=", "<", "is", "is not", "in", "not in")


@dataclass(frozen=True)
class Compare:
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class BoolOp:
    """`a and b and ...` / `a or b or ...`: short-circuit, the deciding operand is the value."""

    op: str  # "and" or "or"
    values: tuple[Expr, ...]


@dataclass(frozen=True)
class Not:
    value: Expr


@dataclass(frozen=True)
class IfExp:
    """`body if test else orelse`."""

    test: Expr
    body: Expr
    orelse: Expr


@dataclass(frozen=True)
class Starred:
    """`*value`: in a call's arguments, a display, or an assignment target."""

    value: Expr


@dataclass(frozen=True)
class Keyword:
    """`name=value` in a call; `**value` when name is None."""

    name: str | None
    value: Expr


@dataclass(frozen=True)
class Call:
    func: Expr
    args: tuple[Expr, ...] = ()  # Starred for *iterable
    keywords: tuple[Keyword, ...] = ()


@dataclass(frozen=True)
class Builtin:
    """A builtin used by name in the emitted source: `range`, `list`, `dict`."""

    name: str


@dataclass(frozen=True)
class Attribute:
    """`value.attr`: class and instance attributes, methods, function attributes, `list.append`."""

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
    """`posonly, /, positional, *vararg, kwonly, **kwarg`, as Python's `ast.arguments`.

    Defaults of positional parameters (posonly and positional) are trailing, as the
    grammar requires; keyword-only ones may have a default or not, in any order.
    """

    positional: tuple[Param, ...] = ()
    vararg: str | None = None
    kwonly: tuple[Param, ...] = ()
    posonly: tuple[Param, ...] = ()
    kwarg: str | None = None

    def names(self) -> tuple[str, ...]:
        """Every parameter name, in the order the function's code lists them."""
        names = [p.name for p in (*self.posonly, *self.positional, *self.kwonly)]
        if self.vararg is not None:
            names.append(self.vararg)
        if self.kwarg is not None:
            names.append(self.kwarg)
        return tuple(names)

    def positional_params(self) -> tuple[Param, ...]:
        return (*self.posonly, *self.positional)


@dataclass(frozen=True)
class Lambda:
    params: Params
    body: Expr


@dataclass(frozen=True)
class ComprehensionFor:
    """`for target in iter if cond ...`: one clause of a comprehension."""

    target: Expr  # a Name, or a tuple of Names
    iter: Expr
    ifs: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class Comprehension:
    """`[elt for ... for ... if ...]`, `{...}`, `{key: elt ...}`, `(elt for ...)`."""

    kind: str  # "list", "set", "dict" or "gen"
    elt: Expr
    clauses: tuple[ComprehensionFor, ...]
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


@dataclass(frozen=True)
class Super:
    """`super().attr`: zero-argument super() (its class from the implicit __class__ reference, its
    object the first argument of the function it is called in), then an attribute of the result."""

    attr: str


@dataclass(frozen=True)
class LocalNames:
    """The sorted names locals() holds where this is evaluated (names starting with "." left out):
    `sorted(_k for _k in locals() if _k[:1] != ".")`."""


@dataclass(frozen=True)
class EvalName:
    """`eval('name')`: the name looked up at run time, as module-level code does, in the locals() of the
    block that calls eval (its own variables, and the free variables it uses), then the globals and
    builtins. The name is text, not a use: it makes no variable free or local."""

    name: str


@dataclass(frozen=True)
class Await:
    """`await value`, in an `async def`."""

    value: Expr


Expr = (
    Const
    | Name
    | BinOp
    | Compare
    | BoolOp
    | Not
    | IfExp
    | Starred
    | Call
    | Builtin
    | Attribute
    | Subscript
    | TupleExpr
    | ListExpr
    | Lambda
    | Comprehension
    | NamedExpr
    | Await
    | Super
    | LocalNames
    | EvalName
    | ProbeCallValue
)

# -- statements ---------------------------------------------------------------


@dataclass(frozen=True)
class Assign:
    """`t1 = t2 = ... = value`: the value once, then each target, left to right."""

    targets: tuple[Expr, ...]
    value: Expr


@dataclass(frozen=True)
class AugAssign:
    """`target op= value`, op one of BINARY_OPERATORS; the target a Name, Attribute or Subscript."""

    target: Expr
    op: str
    value: Expr


@dataclass(frozen=True)
class Delete:
    """`del t1, t2`: Names, tuples of them, attributes and subscripts."""

    targets: tuple[Expr, ...]


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
class Pass:
    pass


@dataclass(frozen=True)
class Return:
    value: Expr | None = None


@dataclass(frozen=True)
class Yield:
    """`yield value`, `target = yield value`, `yield from value`, `target = yield from value`: the
    forms of yield as a statement; a function containing one is a generator function."""

    value: Expr
    target: Expr | None = None  # bound to what was sent in (or, delegating, what the delegate returned)
    delegate: bool = False  # yield from


@dataclass(frozen=True)
class If:
    """`if test: body` / `else: orelse` (an `elif` is an If alone in orelse)."""

    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...] = ()


@dataclass(frozen=True)
class For:
    target: Expr
    iter: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...] = ()


@dataclass(frozen=True)
class While:
    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...] = ()


@dataclass(frozen=True)
class Break:
    pass


@dataclass(frozen=True)
class Continue:
    pass


EXCEPTIONS = ("ValueError", "KeyError", "TypeError", "IndexError", "RuntimeError", "ZeroDivisionError")


@dataclass(frozen=True)
class Raise:
    """`raise Type(value)`; `raise` alone (re-raise what is being handled) when exception is None."""

    exception: str | None
    value: Expr | None = None


@dataclass(frozen=True)
class Handler:
    """`except (T1, T2) as name: body`; no types: `except Exception`; no name: no `as`."""

    types: tuple[str, ...]
    name: str | None
    body: tuple[Stmt, ...]


@dataclass(frozen=True)
class Try:
    body: tuple[Stmt, ...]
    handlers: tuple[Handler, ...]
    orelse: tuple[Stmt, ...] = ()
    finalbody: tuple[Stmt, ...] = ()


@dataclass(frozen=True)
class With:
    """`with context as target: body`."""

    context: Expr
    target: Expr | None
    body: tuple[Stmt, ...]


@dataclass(frozen=True)
class Import:
    """`import module as asname`, or `from module import name as asname` when name is given."""

    module: str
    asname: str
    name: str | None = None


@dataclass(frozen=True)
class Assert:
    test: Expr


@dataclass(frozen=True)
class FunctionDef:
    name: str
    params: Params
    body: tuple[Stmt, ...]
    decorators: tuple[Expr, ...] = ()
    is_async: bool = False
    type_params: tuple[str, ...] = ()  # `def name[T, U](...)` (PEP 695, 3.12): bound in an annotation scope
    annotations: tuple[Annotation, ...] = ()  # of parameters and `-> return`, in the order they are written


@dataclass(frozen=True)
class Annotation:
    """`name: value` of a parameter, or `-> value` (name "return"): evaluated when the definition runs,
    or from 3.14 when __annotations__ is first read (PEP 649)."""

    name: str
    value: Expr


@dataclass(frozen=True)
class AnnAssign:
    """`target: annotation = value` or `target: annotation`: binds target (when there is a value); in a
    class body or module the annotation is evaluated after the value (§7.2.2), or from 3.14 when
    __annotations__ is read; in a function never."""

    target: str
    annotation: Expr
    value: Expr | None = None


@dataclass(frozen=True)
class TypeAlias:
    """`type name = value` (PEP 695, 3.12): binds name; the value is evaluated lazily, in an annotation
    scope, when `name.__value__` is first read."""

    name: str
    value: Expr


# -- match (PEP 634) ------------------------------------------------------------


@dataclass(frozen=True)
class MatchValue:
    """A literal pattern: an int compares with ==, None with `is`."""

    value: int | None


@dataclass(frozen=True)
class MatchCapture:
    """`name` (a capture pattern), or `_` (the wildcard) when name is None."""

    name: str | None


@dataclass(frozen=True)
class MatchAs:
    """`pattern as name`."""

    pattern: Pattern
    name: str


@dataclass(frozen=True)
class MatchStar:
    """`*name` (or `*_`) in a sequence pattern."""

    name: str | None


@dataclass(frozen=True)
class MatchSequence:
    """`[p1, p2, *rest]`."""

    patterns: tuple[Pattern, ...]


@dataclass(frozen=True)
class MatchMapping:
    """`{1: p1, 2: p2, **rest}`."""

    keys: tuple[int, ...]
    patterns: tuple[Pattern, ...]
    rest: str | None = None


@dataclass(frozen=True)
class MatchClass:
    """`cls(p1, attr=p2)`: cls a Name or a Builtin; positional patterns for the self-matching builtins."""

    cls: Expr
    patterns: tuple[Pattern, ...] = ()
    keywords: tuple[tuple[str, Pattern], ...] = ()


@dataclass(frozen=True)
class MatchOr:
    """`p1 | p2`: of literal patterns (alternatives then bind nothing)."""

    patterns: tuple[Pattern, ...]


Pattern = MatchValue | MatchCapture | MatchAs | MatchStar | MatchSequence | MatchMapping | MatchClass | MatchOr


@dataclass(frozen=True)
class MatchCase:
    pattern: Pattern
    guard: Expr | None
    body: tuple[Stmt, ...]


@dataclass(frozen=True)
class Match:
    subject: Expr
    cases: tuple[MatchCase, ...]


def pattern_names(pattern: Pattern) -> list[str]:
    """The names a pattern binds, in order."""
    if isinstance(pattern, (MatchCapture, MatchStar)):
        return [pattern.name] if pattern.name is not None else []
    if isinstance(pattern, MatchAs):
        return [*pattern_names(pattern.pattern), pattern.name]
    if isinstance(pattern, (MatchSequence, MatchOr)):
        return [name for p in pattern.patterns for name in pattern_names(p)]
    if isinstance(pattern, MatchMapping):
        names = [name for p in pattern.patterns for name in pattern_names(p)]
        return names + ([pattern.rest] if pattern.rest is not None else [])
    if isinstance(pattern, MatchClass):
        return [name for p in (*pattern.patterns, *(p for _, p in pattern.keywords)) for name in pattern_names(p)]
    return []


@dataclass(frozen=True)
class ClassDef:
    name: str
    body: tuple[Stmt, ...]
    bases: tuple[Expr, ...] = ()
    decorators: tuple[Expr, ...] = ()
    keywords: tuple[Keyword, ...] = ()  # class arguments, for the bases' __init_subclass__
    type_params: tuple[str, ...] = ()  # `class name[T](...)` (PEP 695, 3.12): bases, keywords and body see T


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
    | AnnAssign
    | AugAssign
    | Delete
    | Nonlocal
    | Global
    | ExprStmt
    | Pass
    | Return
    | Yield
    | If
    | For
    | While
    | Break
    | Continue
    | Raise
    | Try
    | With
    | Match
    | Import
    | Assert
    | FunctionDef
    | ClassDef
    | TypeAlias
    | Probe
    | ProbeCall
    | ProbeClosure
)


@dataclass(frozen=True)
class Module:
    body: tuple[Stmt, ...]


def name(id_: str) -> Name:
    return Name(id_)


def assign(target: str, value: Expr) -> Assign:
    """`target = value`: the commonest statement."""
    return Assign((Name(target),), value)


def add(left: Expr, right: Expr) -> BinOp:
    return BinOp("+", left, right)


def target_names(target: Expr) -> list[str]:
    """The names an assignment target binds, in order (Attribute and Subscript bind none)."""
    if isinstance(target, Name):
        return [target.id]
    if isinstance(target, (TupleExpr, ListExpr)):
        return [found for elt in target.elts for found in target_names(elt)]
    if isinstance(target, Starred):
        return target_names(target.value)
    return []


def blocks_of(statement: Stmt) -> tuple[tuple[Stmt, ...], ...]:
    """The statement lists nested in a compound statement of the same scope (not in functions or classes)."""
    if isinstance(statement, (If, For, While)):
        return (statement.body, statement.orelse)
    if isinstance(statement, Try):
        return (statement.body, *(h.body for h in statement.handlers), statement.orelse, statement.finalbody)
    if isinstance(statement, With):
        return (statement.body,)
    if isinstance(statement, Match):
        return tuple(case.body for case in statement.cases)
    return ()
