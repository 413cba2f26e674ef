"""Nested-function programs, valid by construction, from a source of choices.

A program is a module that defines an outer function (nesting up to four function
levels, with class bodies, comprehensions and lambdas in between), calls it, and
then calls what it returned in a random order, interleaved with calls that mutate
shared cells, probing values, exceptions and closures along the way.

All names come from a pool of four, so shadowing, rebinding and collisions between
scopes are the common case rather than the exception. Validity is kept by planning
each function's bindings before its body is drawn:

- declarations (`nonlocal`, `global`) come first in a block, never name a
  parameter, and are never both;
- `nonlocal x` is drawn only when an enclosing function binds x (its parameters,
  its planned locals, or its own nonlocals) and no nearer one declares it global;
- a block binds only names its plan allows, and every planned local is bound
  somewhere in the body (a binding is appended when the drawn body has none);
- `:=` appears only where the target parses it and PEP 572 allows it: in function
  bodies and lambdas, never in a comprehension's iterable, never rebinding an
  iteration variable, never in a comprehension in a class body.

Every decision is one `choices.below(n)` (generators/choices.py), the simplest
option first, so the same code generates from a seeded PRNG (fast), replays and
shrinks a recorded tape, or draws from Hypothesis.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generators import ir
from generators.choices import Choices, between, boolean, chance, distinct, permutation, repeat, sample
from generators.features import Features

POOL = ("a", "b", "f", "g")  # the names most programs bind and read
WIDE_POOL = (*POOL, "h", "k", "m", "n", "q", "r", "s", "v")  # for closures over many variables
PRIVATE = "__p"  # mangled to _C__p inside class C (§6.2.1 "Private name mangling")
SHADOWED = ("len", "abs")  # builtins a program may bind over
MAX_DEPTH = 4  # function nesting levels, usually
DEEP = 8  # ... and in the occasional deep program
MAX_NESTING = 2  # compound statements (if, for, while, try, with) nested in one function
MAX_STATEMENTS = 40  # statements drawn freely in one program; past this, only simple ones
RESULT = "t"  # the module-level name holding what the outer function returned
SECOND = "u"  # ... and what a second call returned
MANAGER = "Manager"  # the context manager class a program with `with` defines
MAKE = "make"  # the decorator factory a program with `@make(x)` defines
DRIVE = "drive"  # the function a program with generators or coroutines drives them with (send)
ATTRIBUTES = ("a", "b")  # attribute names of attribute targets
ANNOTATIONS = "__annotations__"


@dataclass(frozen=True)
class Emphasis:
    """How often each construct is drawn: the bias that makes a property about one area."""

    nonlocal_: int = 1
    global_: int = 1
    nested: int = 2
    lambda_: int = 1
    loop: int = 1
    comprehension: int = 1
    klass: int = 1
    try_: int = 1
    delete: int = 0
    probe: int = 1
    closure_probe: int = 1
    generator: int = 1
    decorator: int = 1
    branch: int = 1  # if/elif/else, while, early return, break, continue
    targets: int = 1  # unpacking, starred, chained, attribute and subscript targets, augmented operators
    with_: int = 1  # with ... as, import ... as, assert
    params: int = 1  # positional-only, keyword-only, **kwargs, calls with keywords and unpacking
    clauses: int = 1  # comprehensions with several for and if clauses
    match: int = 1  # match statements (where the target parses them)
    async_: int = 1  # async def, await (where the target parses them)
    class_cell: int = 0  # __class__ and zero-argument super() in methods and the scopes nested in them
    annotation: int = 0  # type parameters, type aliases and annotations (where the target parses them)
    locals_: int = 0  # the names locals() holds, in functions and in comprehensions and generator expressions


EMPHASIS = {
    "capture": Emphasis(nested=4, lambda_=2, generator=2, decorator=2, params=3, match=2, async_=2),
    "cell-sharing": Emphasis(nonlocal_=3, nested=3, closure_probe=2, targets=2, async_=3, generator=2),
    "late-binding": Emphasis(loop=4, comprehension=3, lambda_=3, clauses=2, branch=2),
    "nonlocal": Emphasis(nonlocal_=5, nested=3, delete=2, try_=2, loop=2, targets=3, with_=2, match=3),
    "global": Emphasis(global_=5, nested=2, targets=2, with_=2, match=2),
    "unbound": Emphasis(delete=4, try_=2, probe=3, branch=3, targets=2),
    "closure-attribute": Emphasis(closure_probe=5, nested=3, params=2),
    "cells": Emphasis(closure_probe=4, delete=3, nonlocal_=2, targets=2),
    "class-scope": Emphasis(klass=5, nested=2, comprehension=2, decorator=2, match=2),
    "comprehension-scope": Emphasis(comprehension=5, lambda_=2, clauses=4),
    "except-as": Emphasis(try_=5, nested=2, closure_probe=2, with_=2),
    "class-cell": Emphasis(klass=8, class_cell=8, nested=3, lambda_=2, comprehension=2, decorator=2, closure_probe=2),
    "annotation-scopes": Emphasis(annotation=5, nested=4, klass=3, lambda_=2, nonlocal_=2, closure_probe=2),
    "introspection": Emphasis(locals_=4, delete=2, nonlocal_=2, comprehension=2, try_=2, branch=2),
}


@dataclass(frozen=True)
class Context:
    """What the whole program is drawn for: the target's syntax, the area's bias, the nesting limit."""

    features: Features
    emphasis: Emphasis = Emphasis()
    max_depth: int = MAX_DEPTH

    @classmethod
    def for_area(cls, features: Features, area: str | None = None, max_depth: int = MAX_DEPTH) -> Context:
        return cls(features, EMPHASIS.get(area or "", Emphasis()), max_depth)


@dataclass(frozen=True)
class Block:
    """The plan of the block being drawn: what it may bind, and what encloses it."""

    kind: str  # "module", "function" or "class"
    targets: tuple[str, ...]  # names this block may bind
    nonlocal_ok: tuple[str, ...]  # names a nested block may declare nonlocal
    depth: int  # function nesting level (0 at module level)
    generator: bool = False  # a function that yields
    declared: tuple[str, ...] = ()  # its nonlocal and global names, bound more often
    loop: bool = False  # inside a loop of this block: break and continue may appear
    nesting: int = 0  # compound statements around this point of the block
    jumps: bool = True  # return may appear (not in `finally`: a SyntaxWarning from 3.14, PEP 765)
    is_async: bool = False  # the body of an async def: await may appear

    def inside(self, loop: bool | None = None) -> Block:
        """The plan for the body of a compound statement here (a loop's if `loop`)."""
        # (the constructor, not dataclasses.replace: this runs for every compound statement drawn)
        return Block(self.kind, self.targets, self.nonlocal_ok, self.depth, self.generator, self.declared,
                     self.loop if loop is None else loop, self.nesting + 1, self.jumps, self.is_async)  # fmt: skip

    def binding_targets(self) -> tuple[str, ...]:
        """Names to bind, declared ones twice as likely: a declaration should matter."""
        return (*self.declared, *self.declared, *self.targets)

    def walrus_targets(self) -> tuple[str, ...]:
        """Where := may bind from this block's expressions (PEP 572)."""
        return self.targets if self.kind == "function" else ()


@dataclass(frozen=True)
class _Tables:
    """The options of each weighted decision, each listed as many times as its weight."""

    ctx: Context
    expression: tuple[str, ...]
    expression_walrus: tuple[str, ...]  # where := may bind
    simple_statement: tuple[str, ...]

    @functools.cache  # noqa: B019  (a handful of tables, kept for the life of the process)
    def statement(self, nested: bool, in_function: bool, generator: bool, loop: bool, compound: bool,
                  asynchronous: bool) -> tuple[str, ...]:  # fmt: skip
        emphasis = self.ctx.emphasis
        options = ["simple"]
        if nested:
            options += ["function"] * emphasis.nested + ["class"] * emphasis.klass
        if in_function:
            options += ["comprehension"] * emphasis.comprehension + ["return"] * emphasis.branch
        if compound:
            options += ["loop"] * emphasis.loop + ["try"] * emphasis.try_ + ["with"] * emphasis.with_
            options += ["if"] * (emphasis.branch + 1) + ["while"] * emphasis.branch
        if loop:
            options += ["break"] * emphasis.branch
        if generator:
            options += ["yield"] * emphasis.generator
        if compound and self.ctx.features.match:
            options += ["match"] * emphasis.match
        if nested and asynchronous:
            options += ["await"] * emphasis.async_
        if in_function and self.ctx.features.type_alias:
            options += ["type-alias"] * emphasis.annotation
        if in_function and self.ctx.features.variable_annotations:
            options += ["annotated"] * emphasis.annotation
        if in_function:
            options += ["locals"] * emphasis.locals_
        return tuple(options)


@functools.cache
def _tables(ctx: Context) -> _Tables:
    emphasis = ctx.emphasis
    expression = ("const", "name", "add-const", "call", "subscript", "tuple", *["lambda"] * emphasis.lambda_,
                  *["comprehension"] * emphasis.comprehension, "add", "binary", "condition", "if-else",
                  *["call-keywords"] * emphasis.params, *["class-cell"] * emphasis.class_cell)  # fmt: skip
    simple = ("assign", "augmented", *["delete"] * emphasis.delete, *["probe"] * emphasis.probe,
              *["closure-probe"] * emphasis.closure_probe, "call-probe", *["unpack"] * emphasis.targets,
              *["chained", "attribute", "subscript", "augmented"] * emphasis.targets, "delete-several",
              *["import", "assert"] * emphasis.with_, "pass")  # fmt: skip
    walrus = (*expression, "walrus") if ctx.features.walrus else expression
    return _Tables(ctx, expression, walrus, simple)


class _Generator:
    """The decisions of one program; every method draws through self.choices."""

    def __init__(self, choices: Choices, ctx: Context) -> None:
        self.choices = choices
        self.ctx = ctx
        self.features = ctx.features
        self.emphasis = ctx.emphasis
        self.tables = _tables(ctx)
        self.depth_limit = ctx.max_depth
        self.deep = False
        self.pool: tuple[str, ...] = POOL
        self.helpers: set[str] = set()  # MANAGER, MAKE: definitions the program needs
        self.size = 0  # statements drawn so far
        self.suspending = False  # a generator function or an async def drawn: the driver may drive one
        self.methods = 0  # how many methods the point being drawn is in (__class__ and super() may appear)

    def kind(self, options: tuple[str, ...]) -> str:
        """One of the options; one listed n times is n times as likely; the first is the simplest."""
        return options[self.choices.below(len(options))]

    # -- expressions ---------------------------------------------------------------

    def name(self) -> str:
        return sample(self.choices, self.pool)

    def name_expr(self) -> ir.Name:
        return ir.Name(self.name())

    def constant(self) -> ir.Const:
        return ir.Const(self.choices.below(4))

    def simple_value(self) -> ir.Expr:
        return self.name_expr() if boolean(self.choices) else self.constant()

    def iterable(self) -> ir.Expr:
        kind = self.choices.below(3)
        if kind == 0:
            return ir.Call(ir.Builtin("range"), (self.constant(),))
        if kind == 1:
            return self.name_expr()
        # values apart from the constants names start with, so a leaked loop variable shows
        return ir.ListExpr(tuple(repeat(self.choices, 0, 3, lambda: ir.Const(4 + self.choices.below(4)))))

    def pairs(self) -> ir.ListExpr:
        """An iterable of pairs, for a tuple target."""

        def pair() -> ir.Expr:
            return ir.TupleExpr((ir.Const(4 + self.choices.below(4)), self.simple_value()))

        return ir.ListExpr(tuple(repeat(self.choices, 0, 3, pair)))

    def condition(self, walrus: tuple[str, ...] = ()) -> ir.Expr:
        """A test for if, while, assert and comprehension conditions."""
        choices = self.choices
        kind = choices.below(5)
        self.choices.note("expr: condition")
        left: ir.Expr = self.name_expr()
        if walrus and self.features.walrus and chance(choices, 1, 4):
            left = ir.NamedExpr(sample(choices, walrus), left)
        if kind == 0:
            return left
        if kind == 1:
            return ir.Compare(sample(choices, ("<", "==", "!=")), left, self.constant())
        if kind == 2:
            return ir.Compare(sample(choices, ("in", "not in")), self.constant(), left)
        if kind == 3:
            return ir.Compare(sample(choices, ("is", "is not")), left, ir.Const(None))
        return ir.BoolOp(sample(choices, ("and", "or")), (left, self.simple_value()))

    def expression(self, walrus: tuple[str, ...], depth: int = 2) -> ir.Expr:
        """An expression; `walrus` are the names := may bind here (empty: no :=)."""
        start = self.choices.position()
        expression = self._expression(walrus, depth)
        self.choices.span(start)
        return expression

    def _expression(self, walrus: tuple[str, ...], depth: int) -> ir.Expr:
        if depth <= 0:
            return self.name_expr() if boolean(self.choices) else self.constant()
        kind = self.kind(self.tables.expression_walrus if walrus else self.tables.expression)
        self.choices.note("expr: " + kind)
        if kind == "const":
            return self.constant()
        if kind == "name":
            return self.name_expr()
        if kind == "add-const":
            return ir.add(self.name_expr(), self.constant())
        if kind == "call":
            return ir.Call(self.name_expr())
        if kind == "call-keywords":
            return self.call_with_keywords(self.name_expr())
        if kind == "subscript":
            return ir.Subscript(self.name_expr(), self.choices.below(2))
        if kind == "tuple":
            return ir.TupleExpr(tuple(repeat(self.choices, 1, 2, self.element)))
        if kind == "lambda":
            return self.lambda_(depth - 1)
        if kind == "comprehension":
            return self.comprehension(walrus, depth - 1)
        if kind == "add":
            return ir.add(self.expression(walrus, depth - 1), self.expression(walrus, depth - 1))
        if kind == "binary":
            operator = sample(self.choices, ir.BINARY_OPERATORS)
            return ir.BinOp(operator, self.expression(walrus, depth - 1), self.simple_value())
        if kind == "condition":
            return self.condition(walrus)
        if kind == "if-else":
            body = self.expression(walrus, depth - 1)
            return ir.IfExp(self.condition(), body, self.expression(walrus, depth - 1))
        if kind == "class-cell":
            return self.class_cell() if self.methods else self.name_expr()
        return ir.NamedExpr(sample(self.choices, sorted(walrus)), self.expression(walrus, depth - 1))

    def class_cell(self, named: bool = False) -> ir.Expr:
        """In a method or a scope nested in one: __class__, or zero-argument super() and an attribute
        (Data model 3.3.3.6: both make the function a closure over the class's implicit cell).
        `named`: for a probe, which shows __class__ by its __name__ (a class is shown as a type only)."""
        kind = self.choices.below(4)
        if kind < 2:
            self.choices.note("class cell: __class__")
            cell = ir.Name("__class__")
            return ir.Attribute(cell, "__name__") if kind == 0 and named else cell
        self.choices.note("class cell: super()")
        found = ir.Super(self.name())
        return ir.Call(found) if kind == 3 else found

    def class_cell_probe(self) -> ir.Stmt:
        """Observe __class__ or super() where the function is, in a lambda without parameters, in a lambda
        given `self`, or in a list comprehension (3.12 inlines it: super() there sees `self`)."""
        kind = self.choices.below(4)
        found = self.class_cell(named=True)
        if kind == 0:
            return ir.Probe(LABEL, found)
        if kind == 1:
            return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), found))
        taking = ir.Params((ir.Param("s"),))  # `lambda s: ...` called with the method's self
        if kind == 2:
            return ir.ProbeCall(LABEL, ir.Lambda(taking, found), (ir.Name("self"),))
        self.choices.note("class cell: in a comprehension")
        listed = ir.Comprehension("list", found, _clause("_", ir.Call(ir.Builtin("range"), (ir.Const(1),))))
        return ir.ProbeCall(LABEL, ir.Lambda(taking, listed), (ir.Name("self"),))

    def element(self) -> ir.Expr:
        """An item of a tuple display: `*name` unpacks it, where the target parses that."""
        if self.features.extended_unpacking and chance(self.choices, self.emphasis.targets, 12):
            self.choices.note("targets: unpacking in a display")
            return ir.Starred(self.name_expr())
        return self.name_expr()

    def call_with_keywords(self, function: ir.Expr) -> ir.Call:
        """f(1, *x, b=2, **dict(a=3)): keywords and unpacking in a call."""
        choices = self.choices
        args: list[ir.Expr] = repeat(choices, 0, 1, self.constant)
        if chance(choices, 1, 3):
            args.append(ir.Starred(ir.ListExpr(tuple(repeat(choices, 0, 2, self.simple_value)))))
        names = distinct(choices, self.pool, 0, 2)
        keywords = [ir.Keyword(name, self.simple_value()) for name in names]
        rest = [name for name in self.pool if name not in names]
        if rest and chance(choices, 1, 3):
            unpacked = ir.Call(ir.Builtin("dict"), (), (ir.Keyword(sample(choices, rest), self.simple_value()),))
            keywords.append(ir.Keyword(None, unpacked))
        self.choices.note("params: call with keywords or unpacking")
        return ir.Call(function, tuple(args), tuple(keywords))

    def lambda_(self, depth: int) -> ir.Lambda:
        # := in a lambda binds in the lambda itself (PEP 572): any name will do
        params = self.parameters(allow_star=chance(self.choices, self.emphasis.params, 4))
        return ir.Lambda(params, self.expression(self.pool, depth))

    def comprehension(self, walrus: tuple[str, ...], depth: int) -> ir.Comprehension:
        choices = self.choices
        kind = sample(choices, ("list", "gen", "set", "dict"))
        # Half the time the iteration variable shadows a name of the enclosing function (where
        # := may bind, the function's own names): its isolation is then what the program shows.
        shadowing = bool(walrus) and boolean(choices)
        first = sample(choices, walrus) if shadowing else self.name()
        clauses = [ir.ComprehensionFor(ir.Name(first), self.iterable())]  # never := here (PEP 572)
        variables = [first]
        for _ in range(between(choices, 0, 2) if chance(choices, self.emphasis.clauses, 4) else 0):
            clauses.append(self.later_clause(variables))
            variables += ir.target_names(clauses[-1].target)
            choices.note("comprehension: several for clauses")
        if chance(choices, self.emphasis.clauses, 4):
            index = choices.below(len(clauses))
            test: ir.Expr = ir.Compare(
                sample(choices, ("<", "!=")), ir.Name(sample(choices, variables)), self.constant()
            )
            if chance(choices, 1, 3):  # a lambda in the condition: it captures the iteration variables
                test = ir.Call(ir.Lambda(ir.Params(), test))
            clauses[index] = dataclasses.replace(clauses[index], ifs=(test,))
            choices.note("comprehension: if clause")
        rebindable = tuple(n for n in walrus if n not in variables)  # := may not rebind an iteration variable
        if boolean(choices):  # a closure per iteration: all of them share the variables
            elt: ir.Expr = ir.Lambda(ir.Params(), ir.Name(sample(choices, (*variables, *self.pool))))
        else:
            elt = self.expression(rebindable, depth)
        # dict keys are the iteration variable: key-before-value order is only specified from 3.8
        key = ir.Name(first) if kind == "dict" else None
        choices.note("comprehension: " + kind)
        return ir.Comprehension(kind, elt, tuple(clauses), key)

    def later_clause(self, variables: list[str]) -> ir.ComprehensionFor:
        """A second or later `for`: its iterable runs in the comprehension's scope, once per item before it."""
        choices = self.choices
        kind = choices.below(4)
        earlier = ir.Name(sample(choices, variables))
        if kind == 0:
            iterable: ir.Expr = ir.Call(ir.Builtin("range"), (earlier,))
        elif kind == 1:
            iterable = self.iterable()
        elif kind == 2:  # a lambda in a later iterable captures an earlier variable
            iterable = ir.Call(ir.Lambda(ir.Params(), ir.ListExpr((earlier, self.constant()))))
            choices.note("comprehension: lambda in a later iterable")
        else:
            return ir.ComprehensionFor(self.pair_target(), self.pairs())
        return ir.ComprehensionFor(ir.Name(self.name()), iterable)

    def pair_target(self) -> ir.TupleExpr:
        first, second = distinct(self.choices, self.pool, 2, 2)
        self.choices.note("targets: tuple target")
        return ir.TupleExpr((ir.Name(first), ir.Name(second)))

    def parameters(self, name_defaults: bool = True, allow_star: bool = True) -> ir.Params:
        choices = self.choices
        chosen = distinct(choices, self.pool, 0, 2)
        positional = []
        defaults_started = False
        for name in chosen:
            defaults_started = defaults_started or boolean(choices)
            default = (self.simple_value() if name_defaults else self.constant()) if defaults_started else None
            positional.append(ir.Param(name, default))
        rest = [name for name in self.pool if name not in chosen]
        posonly: list[ir.Param] = []
        if allow_star and positional and self.features.posonly and chance(choices, self.emphasis.params, 8):
            cut = between(choices, 1, len(positional))
            posonly, positional = positional[:cut], positional[cut:]
            choices.note("params: positional-only")
        vararg = None
        kwonly: list[ir.Param] = []
        kwarg = None
        if allow_star and chance(choices, self.emphasis.params, 6):
            vararg = sample(choices, rest)
            rest.remove(vararg)
            choices.note("params: *args")
        if allow_star and chance(choices, self.emphasis.params, 6):
            for name in distinct(choices, rest, 1, 2):
                rest.remove(name)
                default = (self.simple_value() if name_defaults else self.constant()) if boolean(choices) else None
                kwonly.append(ir.Param(name, default))
            choices.note("params: keyword-only")
        if allow_star and rest and chance(choices, self.emphasis.params, 8):
            kwarg = sample(choices, rest)
            choices.note("params: **kwargs")
        return ir.Params(tuple(positional), vararg, tuple(kwonly), tuple(posonly), kwarg)

    # -- statements ----------------------------------------------------------------

    def probe(self) -> ir.Stmt:
        kind = self.choices.below(3)
        self.choices.note("probe")
        if kind == 0:
            return ir.ProbeCall(LABEL, self.name_expr())
        if kind == 1:
            return ir.ProbeClosure(LABEL, self.name_expr())
        # probe the value of a name as the block sees it: any exception is recorded too
        return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), self.name_expr()))

    def simple_statement(self, block: Block) -> ir.Stmt:
        choices = self.choices
        kind = self.kind(self.tables.simple_statement)
        choices.note("statement: " + kind)
        if kind == "assign":
            return ir.assign(sample(choices, block.binding_targets()), self.expression(block.walrus_targets()))
        if kind == "augmented":
            operator = "+" if boolean(choices) else sample(choices, ir.BINARY_OPERATORS)
            target: ir.Expr = ir.Name(sample(choices, block.binding_targets()))
            if chance(choices, 1, 4):
                target = self.item_target()
            return ir.AugAssign(target, operator, self.constant())
        if kind == "delete":
            return ir.Delete((ir.Name(sample(choices, block.binding_targets())),))
        if kind == "delete-several":
            names = distinct(choices, block.targets, 1, 2)
            return ir.Delete(
                (ir.TupleExpr(tuple(map(ir.Name, names))),) if boolean(choices) else tuple(map(ir.Name, names))
            )
        if kind == "probe":
            return self.probe()
        if kind == "closure-probe":
            return ir.ProbeClosure(LABEL, self.name_expr())
        if kind == "unpack":
            return self.unpacking(block)
        if kind == "chained":
            first, second = sample(choices, block.binding_targets()), sample(choices, block.binding_targets())
            return ir.Assign((ir.Name(first), ir.Name(second)), self.expression(block.walrus_targets()))
        if kind in ("attribute", "subscript"):  # reads the name: binds nothing
            return ir.Assign((self.item_target(kind),), self.expression(block.walrus_targets()))
        if kind == "import":
            asname = sample(choices, block.binding_targets())
            name = sample(choices, (None, "pi", "e"))
            return ir.Import("math", asname, name)
        if kind == "assert":
            return ir.Assert(self.condition(block.walrus_targets()))
        if kind == "pass":
            return ir.Pass()
        # a call in a body is observed and cannot abort the body: mutators, closures
        return ir.ProbeCall(LABEL, self.name_expr())

    def item_target(self, kind: str = "") -> ir.Expr:
        """`x.a` or `x[0]`: a target that reads x rather than binding it."""
        if kind == "attribute" or (not kind and boolean(self.choices)):
            return ir.Attribute(self.name_expr(), sample(self.choices, ATTRIBUTES))
        return ir.Subscript(self.name_expr(), self.choices.below(2))

    def unpacking(self, block: Block) -> ir.Assign:
        """a, *b = ...: tuple, list and starred targets, usually with as many values as they take."""
        choices = self.choices
        names = distinct(choices, block.targets, 2, 3)
        elts: list[ir.Expr] = [ir.Name(name) for name in names]
        starred = self.features.starred_assignment and chance(choices, 1, 3)
        if starred:
            index = choices.below(len(elts))
            elts[index] = ir.Starred(elts[index])
            choices.note("targets: starred")
        target: ir.Expr = ir.ListExpr(tuple(elts)) if chance(choices, 1, 4) else ir.TupleExpr(tuple(elts))
        kind = choices.below(4)
        if kind <= 1:  # as many values as names, or one more or one fewer
            count = len(names) + sample(choices, (0, 0, 1, -1) if not starred else (0, 1, 2, -1))
            value: ir.Expr = ir.TupleExpr(tuple(self.simple_value() for _ in range(max(count, 0))))
        elif kind == 2:
            value = ir.Call(ir.Builtin("range"), (ir.Const(len(names)),))
        else:
            value = self.name_expr()
        choices.note("targets: unpacking")
        return ir.Assign((target,), value)

    def statement(self, block: Block) -> list[ir.Stmt]:
        start = self.choices.position()
        statements = self._statement(block)
        self.choices.span(start)
        return statements

    def _statement(self, block: Block) -> list[ir.Stmt]:
        self.size += 1
        if self.size > MAX_STATEMENTS:  # a program this size already: simple statements only
            return [self.simple_statement(block)]
        nested = block.depth < self.depth_limit and block.nesting == 0
        in_function = block.kind == "function" and block.jumps
        compound = block.nesting < MAX_NESTING
        kind = self.kind(
            self.tables.statement(nested, in_function, block.generator, block.loop, compound, block.is_async)
        )
        if kind == "simple":
            return [self.simple_statement(block)]
        if kind == "function":
            return [self.function(block)]
        if kind == "class":
            return self.klass(block)
        if kind == "comprehension":  # x = [... for v in ...]: the comprehension's scope against the function's
            return [ir.assign(sample(self.choices, block.targets), self.comprehension(block.walrus_targets(), 1))]
        if kind == "loop":
            return [self.loop(block)]
        if kind == "while":
            return self.while_(block)
        if kind == "if":
            return [self.if_(block)]
        if kind == "try":
            return [self.try_(block)]
        if kind == "with":
            return [self.with_(block)]
        if kind == "return":  # an early return: later bindings in the body stay unexecuted
            self.choices.note("statement: early return")
            return [ir.If(self.condition(block.walrus_targets()), (self.early_return(block),))]
        if kind == "break":
            self.choices.note("statement: break or continue")
            jump: ir.Stmt = ir.Break() if boolean(self.choices) else ir.Continue()
            return [ir.If(self.condition(block.walrus_targets()), (jump,))]
        if kind == "match":
            return [self.match_(block)]
        if kind == "await":
            return self.await_(block)
        if kind == "type-alias":
            return self.type_alias(block)
        if kind == "locals":
            return [self.local_names()]
        if kind == "annotated":
            undeclared = [name for name in block.targets if name not in block.declared]
            if not undeclared:  # (annotating a name declared global or nonlocal is a SyntaxError)
                return [self.simple_statement(block)]
            return [self.local_annotation(undeclared)]
        return self.yield_(block)

    def local_names(self) -> ir.Stmt:
        """probe the names locals() holds here, in a list comprehension (PEP 709, 3.12: with the
        function's own), or in a generator expression (its own only)."""
        choices = self.choices
        kind = choices.below(5 if self.features.dynamic_execution else 3)
        if kind >= 3:
            return self.eval_name(kind == 4)
        names = ir.LocalNames()
        if kind == 0:
            choices.note("locals: in the function")
            return ir.Probe(LABEL, names)
        clause = _clause(self.name() if boolean(choices) else "_", ir.Call(ir.Builtin("range"), (ir.Const(1),)))
        if kind == 1:
            choices.note("locals: in a list comprehension")
            return ir.Probe(LABEL, ir.Comprehension("list", names, clause))
        choices.note("locals: in a generator expression")
        return ir.Probe(LABEL, ir.Call(ir.Builtin("list"), (ir.Comprehension("gen", names, clause),)))

    def local_annotation(self, targets: list[str]) -> ir.AnnAssign:
        """`x: int = value` or `x: int` in a function: x is local whether or not a value is given, and the
        annotation is never evaluated (§7.2.2), so `x: int` alone leaves x unbound."""
        choices = self.choices
        target = sample(choices, targets)
        value = self.expression((), 1) if chance(choices, 2, 3) else None
        choices.note("annotation: of a local variable" + ("" if value else ", without a value"))
        return ir.AnnAssign(target, ir.Builtin("int"), value)

    def annotation_value(self) -> ir.Expr:
        """An annotation, read when it is evaluated (when the definition runs; from 3.14 when
        __annotations__ is first read): a name, a sum, or a call, whose effects show when it runs."""
        kind = self.choices.below(4)
        if kind == 2:
            return ir.add(self.name_expr(), self.constant())
        if kind == 3:
            return ir.Call(self.name_expr())
        return self.name_expr()

    def function_annotations(self, params: ir.Params) -> tuple[ir.Annotation, ...]:
        """Annotations of some parameters (not positional-only ones: the Reference leaves their order
        among the others open) and of the return value, in the order they are written."""
        choices = self.choices
        names = [p.name for p in params.positional] + ([params.vararg] if params.vararg else [])
        names += [p.name for p in params.kwonly] + ([params.kwarg] if params.kwarg else [])
        names = [name for name in names if name != "self"]
        chosen = set(distinct(choices, names, 0, 2)) if names else set()
        annotations = [ir.Annotation(name, self.annotation_value()) for name in names if name in chosen]
        if not annotations or boolean(choices):
            annotations.append(ir.Annotation("return", self.annotation_value()))
        choices.note("annotation: of a function")
        return tuple(annotations)

    def annotation_reads(self, body: list[ir.Stmt]) -> list[ir.Stmt]:
        """Read the __annotations__ of the functions the body defines: right after the definition, or at
        the end of the body (after later bindings: from 3.14 the first read evaluates them)."""
        choices = self.choices
        read: list[ir.Stmt] = []
        later: list[ir.Stmt] = []
        for statement in body:
            read.append(statement)
            if isinstance(statement, ir.FunctionDef) and statement.annotations:
                probe = ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Attribute(ir.Name(statement.name), ANNOTATIONS)))
                if chance(choices, 1, 2):
                    read.append(probe)
                if chance(choices, 2, 3):
                    later.append(probe)
        return read + later

    def eval_name(self, nested: bool) -> ir.Stmt:
        """probe eval('x'): x from the locals() of the block that calls eval, else a global. Here, or
        `nested` in a lambda or a list comprehension in the function, whose locals() are their own (a
        comprehension's also the function's from 3.12, PEP 709): a variable of the function they do
        not use is not there."""
        choices = self.choices
        value = ir.EvalName(self.name())
        if not nested:
            choices.note("eval: in the function")
            return ir.Probe(LABEL, value)
        if boolean(choices):
            choices.note("eval: in a lambda")
            return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), value))
        choices.note("eval: in a list comprehension")
        clause = _clause(self.name() if boolean(choices) else "_", ir.Call(ir.Builtin("range"), (ir.Const(1),)))
        return ir.Probe(LABEL, ir.Comprehension("list", value, clause))

    def type_alias(self, block: Block) -> list[ir.Stmt]:
        """`type X = value` (3.12): binds X now; the value is evaluated when X.__value__ is first read,
        in an annotation scope that closes over the function's variables. Often read right away."""
        choices = self.choices
        name = sample(choices, block.binding_targets())
        alias: list[ir.Stmt] = [ir.TypeAlias(name, self.expression((), 1))]
        choices.note("annotation scope: type alias")
        if chance(choices, 1, 2):
            value = ir.Lambda(ir.Params(), ir.Attribute(ir.Name(name), "__value__"))
            alias.append(ir.ProbeCall(LABEL, value))
        return alias

    def yield_(self, block: Block) -> list[ir.Stmt]:
        """`yield x`, `y = yield x` (what the driver sends in), `yield from ...`, `y = yield from ...`;
        what a yield gave back is observed at once, more often than not."""
        choices = self.choices
        kind = choices.below(4)
        target = ir.Name(sample(choices, block.binding_targets())) if kind in (1, 3) else None
        observed: list[ir.Stmt] = [ir.Probe(LABEL, target)] if target is not None and chance(choices, 2, 3) else []
        if kind >= 2 and self.features.yield_from:
            delegate = self.iterable() if boolean(choices) else ir.Call(self.name_expr())
            choices.note("generator: yield from")
            return [ir.Yield(delegate, target, delegate=True), *observed]
        if target is not None:
            choices.note("generator: yield as an expression")
        return [ir.Yield(self.expression(block.walrus_targets(), 1), target), *observed]

    def await_(self, block: Block) -> list[ir.Stmt]:
        """async def g(): ...  then  x = await g(): a coroutine that may rebind the caller's cells."""
        name = sample(self.choices, block.targets)
        coroutine = self.function_definition(block, name, is_async=True)
        awaited = ir.Await(ir.Call(ir.Name(name), self.arguments(coroutine)))
        self.choices.note("async: await")
        return [coroutine, ir.assign(sample(self.choices, block.binding_targets()), awaited)]

    def match_(self, block: Block) -> ir.Match:
        """match subject: case ...: a subject and patterns drawn to fit it, more often than not."""
        choices = self.choices
        shapes = ("sequence", "mapping", "class", "value")
        shape = sample(choices, shapes)
        subject = self.subject(shape)
        cases: list[ir.MatchCase] = []
        count = between(choices, 1, 3)
        for index in range(count):
            own = shape if boolean(choices) else sample(choices, shapes)
            pattern = self.pattern(block, own, irrefutable=index == count - 1 and chance(choices, 1, 3))
            guard = self.condition() if chance(choices, 1, 4) else None
            cases.append(ir.MatchCase(pattern, guard, tuple(self.body(block.inside(), 1, 2))))
            choices.note("match: %s pattern" % own)
        choices.note("statement: Match")
        return ir.Match(subject, tuple(cases))

    def subject(self, shape: str) -> ir.Expr:
        choices = self.choices
        if shape == "sequence":
            elements = tuple(repeat(choices, 0, 3, self.simple_value))
            return ir.ListExpr(elements) if boolean(choices) else ir.TupleExpr(elements)
        if shape == "mapping":
            variable = self.name()
            clause = ir.ComprehensionFor(ir.Name(variable), ir.Call(ir.Builtin("range"), (self.constant(),)))
            return ir.Comprehension("dict", self.simple_value(), (clause,), ir.Name(variable))
        if shape == "class" and boolean(choices):
            self.helpers.add(MANAGER)
            return ir.Call(ir.Name(MANAGER), (self.simple_value(),))
        return self.simple_value()

    def pattern(self, block: Block, shape: str, irrefutable: bool = False) -> ir.Pattern:
        """A pattern for the shape. Refutable parts come before captures, so a pattern that fails has
        captured nothing (what a failed match binds is the implementation's choice, §8.6.2)."""
        choices = self.choices
        names = list(distinct(choices, block.targets, 1, 3))

        def capture() -> ir.Pattern:
            return ir.MatchCapture(names.pop(0)) if names and not chance(choices, 1, 4) else ir.MatchCapture(None)

        def literal() -> ir.Pattern:
            return ir.MatchValue(None if chance(choices, 1, 6) else choices.below(4))

        pattern: ir.Pattern
        if irrefutable:
            pattern = capture()
        elif shape == "sequence":
            literals = [literal() for _ in range(between(choices, 0, 1))]
            captures = [capture() for _ in range(between(choices, 0, 2))]
            if chance(choices, 1, 3):
                captures.insert(choices.below(len(captures) + 1), ir.MatchStar(names.pop(0) if names else None))
            pattern = ir.MatchSequence((*literals, *captures))
        elif shape == "mapping":
            keys = distinct(choices, range(4), 1, 2)
            values = [literal() if index == 0 and chance(choices, 1, 3) else capture() for index in range(len(keys))]
            rest = names.pop(0) if names and chance(choices, 1, 3) else None
            pattern = ir.MatchMapping(tuple(keys), tuple(values), rest)
        elif shape == "class" and boolean(choices):
            self.helpers.add(MANAGER)
            pattern = ir.MatchClass(ir.Name(MANAGER), (), (("value", capture()),))
        elif shape == "class":
            builtin = sample(choices, ("int", "list", "tuple", "dict"))
            pattern = ir.MatchClass(ir.Builtin(builtin), (capture(),) if boolean(choices) else ())
        else:
            values = [literal() for _ in range(between(choices, 1, 2))]
            pattern = values[0] if len(values) == 1 else ir.MatchOr(tuple(values))
        if names and not isinstance(pattern, ir.MatchCapture) and chance(choices, 1, 4):
            pattern = ir.MatchAs(pattern, names.pop(0))
            choices.note("match: as pattern")
        return pattern

    def early_return(self, block: Block) -> ir.Return:
        if block.generator or block.depth <= 1:  # the outer function's value is what the driver calls
            return ir.Return(None)
        return ir.Return(self.expression(block.walrus_targets(), 1))

    def body(self, block: Block, low: int = 0, high: int = 4) -> list[ir.Stmt]:
        statements: list[ir.Stmt] = []
        for drawn in repeat(self.choices, low, high, lambda: self.statement(block)):
            statements += drawn
        return statements

    def if_(self, block: Block) -> ir.If:
        choices = self.choices
        test = self.condition(block.walrus_targets())
        block = block.inside()
        body = tuple(self.body(block, 1, 2))
        orelse: tuple[ir.Stmt, ...] = ()
        kind = choices.below(3)
        if kind == 1:
            orelse = tuple(self.body(block, 1, 2))
        elif kind == 2:
            orelse = (ir.If(self.condition(block.walrus_targets()), tuple(self.body(block, 1, 2))),)
            choices.note("statement: elif")
        choices.note("statement: If")
        return ir.If(test, body, orelse)

    def while_(self, block: Block) -> list[ir.Stmt]:
        """counter = 0; while counter < n: counter += 1; ... (the body binds other names, so it ends)."""
        choices = self.choices
        counter = sample(choices, block.targets)
        others = tuple(n for n in block.targets if n != counter)
        body: list[ir.Stmt] = [ir.AugAssign(ir.Name(counter), "+", ir.Const(1))]
        if others:
            declared = tuple(n for n in block.declared if n != counter)
            body += self.body(dataclasses.replace(block.inside(loop=True), targets=others, declared=declared), 1, 2)
        else:
            body.append(self.probe())
        orelse = tuple(self.body(block.inside(), 1, 1)) if chance(choices, 1, 3) else ()
        choices.note("statement: While")
        test = ir.Compare("<", ir.Name(counter), ir.Const(between(choices, 1, 3)))
        return [ir.assign(counter, ir.Const(0)), ir.While(test, tuple(body), orelse)]

    def loop(self, block: Block) -> ir.For:
        """A for loop, usually one that makes a closure per iteration."""
        choices = self.choices
        inner = block.inside(loop=True)
        names = distinct(choices, block.targets, 2, 2) if chance(choices, self.emphasis.targets, 6) else []
        if len(names) == 2:
            target: ir.Expr = ir.TupleExpr((ir.Name(names[0]), ir.Name(names[1])))
            iterable: ir.Expr = self.pairs()
            choices.note("targets: tuple target")
        else:
            target = ir.Name(sample(choices, block.targets))
            iterable = self.iterable()
        read = ir.target_names(target)
        body: list[ir.Stmt] = []
        for _ in range(between(choices, 1, 2)):
            store = sample(choices, block.targets)
            kind = choices.below(5)
            variable = ir.Name(sample(choices, read))
            if kind == 0:  # late binding: every closure reads the variable's last value
                body.append(ir.assign(store, ir.Lambda(ir.Params(), variable)))
            elif kind == 1:  # a default argument snapshots the value of this iteration
                snapshot = ir.Params((ir.Param(variable.id, variable),))
                body.append(ir.assign(store, ir.Lambda(snapshot, variable)))
            elif kind == 2:
                closure = ir.Lambda(ir.Params(), variable)
                body.append(ir.ExprStmt(ir.Call(ir.Attribute(ir.Name(store), "append"), (closure,))))
            elif kind == 3:
                body += self.statement(inner)
            else:
                body.append(self.simple_statement(inner))
        if block.generator and boolean(choices):
            body.append(ir.Yield(ir.Name(sample(choices, read))))
        orelse: tuple[ir.Stmt, ...] = ()
        if chance(choices, self.emphasis.branch, 5):
            orelse = (self.simple_statement(block),)
            choices.note("statement: for-else")
        choices.note("statement: For")
        return ir.For(target, iterable, tuple(body), orelse)

    def try_(self, block: Block) -> ir.Try:
        """try/except ... as: a closure made in the handler captures the name about to be cleared."""
        choices = self.choices
        # No yield in a handler or a try with finally: when a generator suspended there is collected is GC-timed.
        plain = dataclasses.replace(block.inside(), generator=False)
        final = chance(choices, self.emphasis.try_, 8)
        if boolean(choices):
            raising: ir.Stmt = ir.Raise(sample(choices, ir.EXCEPTIONS), self.constant())
        else:
            raising = self.simple_statement(block)
        handlers = []
        for _ in range(between(choices, 1, 2) if chance(choices, self.emphasis.try_, 5) else 1):
            handlers.append(self.handler(block, plain))
        orelse = tuple(self.body(plain, 1, 1)) if chance(choices, 1, 5) else ()
        # no break, continue or return in `finally` (SyntaxError before 3.8, SyntaxWarning from 3.14)
        finalbody = tuple(self.body(dataclasses.replace(plain, loop=False, jumps=False), 1, 2)) if final else ()
        if final:
            choices.note("statement: try-finally")
        if orelse:
            choices.note("statement: try-else")
        choices.note("statement: Try")
        return ir.Try((raising,), tuple(handlers), orelse, finalbody)

    def handler(self, block: Block, plain: Block) -> ir.Handler:
        choices = self.choices
        types: tuple[str, ...] = ()
        if chance(choices, 1, 2):
            options = (*ir.EXCEPTIONS, "LookupError", "ArithmeticError", "NameError")
            types = tuple(distinct(choices, options, 1, 2))
            choices.note("statement: except with classes")
        name = sample(choices, block.targets) if not chance(choices, 1, 5) else None
        body: list[ir.Stmt] = []
        for _ in range(between(choices, 1, 2)):
            if name is not None and boolean(choices):
                body.append(ir.assign(sample(choices, block.targets), ir.Lambda(ir.Params(), ir.Name(name))))
            elif chance(choices, 1, 8):
                body.append(ir.Raise(None))  # re-raise what is being handled
                choices.note("statement: bare raise")
            else:
                statement = self.simple_statement(plain)
                if name is not None and isinstance(statement, ir.Delete) and name in _deleted(statement):
                    # §8.4 clears the name with `del`; unbinding it first is read differently
                    # by the Reference and by CPython (`N = None; del N`), so leave it out.
                    statement = ir.assign(name, ir.Const(0))
                body.append(statement)
        return ir.Handler(types, name, tuple(body))

    def with_(self, block: Block) -> ir.With:
        """with Manager(x) as y: the context manager is a class the program defines."""
        choices = self.choices
        self.helpers.add(MANAGER)
        plain = dataclasses.replace(block.inside(), generator=False)  # no yield in a with: see try_()
        target: ir.Expr | None = None
        kind = choices.below(4)
        if kind == 1:
            target = self.pair_target() if chance(choices, 1, 3) else ir.Name(sample(choices, block.targets))
        elif kind >= 2:
            target = ir.Name(sample(choices, block.binding_targets()))
        value = self.expression(block.walrus_targets(), 1)
        choices.note("statement: With")
        return ir.With(ir.Call(ir.Name(MANAGER), (value,)), target, tuple(self.body(plain, 1, 2)))

    def function(self, block: Block) -> ir.FunctionDef:
        return self.function_definition(block, sample(self.choices, block.targets))

    def function_definition(
        self,
        parent: Block,
        name: str,
        method: bool = False,
        nested: int = 0,
        chain: bool = False,
        is_async: bool = False,
    ) -> ir.FunctionDef:
        """A function; `nested` is how many nested functions its body defines at least; in a deep
        program, the `chain` of functions from the outer one nests down to the deepest level."""
        choices = self.choices
        params = self.parameters(name_defaults=parent.depth > 0)
        if method:
            params = dataclasses.replace(params, posonly=(), positional=(ir.Param("self"), *params.positional_params()))
            self.methods += 1  # until the method is drawn
        param_names = set(params.names()) - {"self"}
        nonlocals: list[str] = []
        candidates = sorted(set(parent.nonlocal_ok) - param_names)
        if self.features.nonlocal_statement and candidates and chance(choices, self.emphasis.nonlocal_, 5):
            nonlocals = distinct(choices, candidates, 1, 2)
            choices.note("declaration: nonlocal")
        global_candidates = sorted(set(self.pool) - param_names - set(nonlocals))
        globals_: list[str] = []
        if global_candidates and chance(choices, self.emphasis.global_, 7):
            globals_ = [sample(choices, global_candidates)]
            choices.note("declaration: global")
        type_params: list[str] = []  # def name[T](): bound in an annotation scope around the function (3.12)
        generic_ok = self.features.type_params and parent.depth > 0  # (methods too: def m[T](self, ...))
        if generic_ok and self.emphasis.annotation and chance(choices, self.emphasis.annotation, 10):
            plain = [n for n in global_candidates if n not in globals_ and not n.startswith("__")]
            if plain:
                type_params = distinct(choices, plain, 1, 2)
                choices.note("annotation scope: type parameters")
        annotations: tuple[ir.Annotation, ...] = ()
        annotated_ok = self.features.annotations and parent.depth > 0
        if annotated_ok and self.emphasis.annotation and chance(choices, self.emphasis.annotation, 10):
            annotations = self.function_annotations(params)
        local_candidates = sorted(set(self.pool) - param_names - set(nonlocals) - set(globals_))
        locals_: list[str] = []
        if local_candidates:
            locals_ = distinct(choices, local_candidates, 0, len(local_candidates) if len(self.pool) > 8 else 3)
            if not (param_names or nonlocals or globals_ or locals_):
                locals_ = [sample(choices, local_candidates)]  # a block needs a name it may bind
        outer = parent.kind == "module"  # the function the driver calls
        generator = not outer and not is_async and chance(choices, self.emphasis.generator, 10)
        if not (outer or generator or is_async) and self.features.async_def:
            is_async = chance(choices, self.emphasis.async_, 14)
        if generator or is_async:
            self.suspending = True
        targets = param_names | set(nonlocals) | set(globals_) | set(locals_)
        nonlocal_ok = (set(parent.nonlocal_ok) - set(globals_)) | param_names | set(nonlocals) | set(locals_)
        nonlocal_ok -= set(type_params) - set(locals_)  # (nonlocal of a type parameter is a SyntaxError)
        declared = tuple(sorted(set(nonlocals) | set(globals_)))
        inner = Block("function", tuple(sorted(targets)), tuple(sorted(nonlocal_ok)), parent.depth + 1, generator,
                      declared, is_async=is_async)  # fmt: skip
        body = self.body(inner)
        if self.methods and self.emphasis.class_cell and chance(choices, self.emphasis.class_cell, 10):  # in a method
            body.insert(choices.below(len(body) + 1), self.class_cell_probe())
        if inner.depth == 1 and self.emphasis.class_cell and chance(choices, self.emphasis.class_cell, 10):
            body = [*self.klass(inner), *body]  # first thing in the function the driver calls: it runs
        chained = chain and self.deep and inner.depth < self.depth_limit
        for index in range(max(nested, 1) if chained else nested):  # at chosen places in the body
            link = self.function_definition(inner, sample(choices, inner.targets), chain=chained and index == 0)
            body.insert(choices.below(len(body) + 1), link)
        if is_async and inner.depth < self.depth_limit and boolean(choices):  # a coroutine awaiting another
            awaiting = self.await_(inner)
            at = choices.below(len(body) + 1)
            body[at:at] = awaiting
        if declared:  # a declaration should matter: update a declared name (reading it first)
            update = ir.AugAssign(ir.Name(sample(choices, declared)), "+", self.constant())
            body.insert(choices.below(len(body) + 1), update)
        # Bind most planned locals first, so that most reads succeed and the body runs on;
        # the rest are bound where the body binds them, or at its end (a later binding still
        # makes the name local: reading it before then raises UnboundLocalError).
        early = [local for local in locals_ if not chance(choices, 1, 4)]
        body = [ir.assign(local, self.initial_value()) for local in early] + body
        if generator:
            body += self.yield_(inner)
            choices.note("function: generator")
        body = self.drive_nested(body)
        if self.emphasis.annotation:
            body = self.annotation_reads(body)
        defined = tuple(sorted(defined_functions(body)))
        if outer:  # everything it made, for the driver to call, and observers of its variables
            observers = distinct(choices, inner.targets, 1, 2)
            watched = [ir.Lambda(ir.Params(), ir.Name(name)) for name in observers]
            if len(inner.targets) > 4:  # one closure over all of them
                watched.append(ir.Lambda(ir.Params(), ir.TupleExpr(tuple(map(ir.Name, inner.targets)))))
                choices.note("names: a closure over many variables")
            body.append(ir.Return(ir.TupleExpr((*map(ir.Name, defined), *watched))))
        else:
            body.append(self.returns(defined, inner.targets))
        body += [ir.assign(local, ir.Const(0)) for local in locals_ if local not in bound_names(body)]
        declarations: list[ir.Stmt] = []
        if nonlocals:
            declarations.append(ir.Nonlocal(tuple(nonlocals)))
        if globals_:
            declarations.append(ir.Global(tuple(globals_)))
        decorators: tuple[ir.Expr, ...] = ()
        if method and chance(choices, 1, 6):
            decorators = (ir.Builtin(sample(choices, ("staticmethod", "classmethod"))),)
            choices.note("class: staticmethod or classmethod")
        elif not method and parent.depth > 0 and chance(choices, self.emphasis.decorator, 10):
            decorators = (self.decorator(),)
            choices.note("function: decorated")
        choices.note("function: depth %d" % inner.depth)
        if is_async:
            choices.note("async: async def")
        if method:
            self.methods -= 1
        return ir.FunctionDef(
            name, params, (*declarations, *body), decorators, is_async, tuple(type_params), annotations
        )

    def drive_nested(self, body: list[ir.Stmt]) -> list[ir.Stmt]:
        """Now and then run a generator or coroutine the body defined, right after its definition,
        sending values in: its body then runs while the cells it shares are the body's own."""
        driven: list[ir.Stmt] = []
        for statement in body:
            driven.append(statement)
            if isinstance(statement, ir.FunctionDef) and _suspends(statement) and boolean(self.choices):
                self.helpers.add(DRIVE)
                made = ir.Call(ir.Name(statement.name), self.arguments(statement))
                driven.append(ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Call(ir.Name(DRIVE), (made,)))))
                self.choices.note("generator: driven where it is defined")
        return driven

    def decorator(self) -> ir.Expr:
        """`@name`, or `@make(x)`: a factory called with a value read when the definition runs."""
        if boolean(self.choices):
            return self.name_expr()
        self.helpers.add(MAKE)
        self.choices.note("function: decorator factory")
        return ir.Call(ir.Name(MAKE), (self.simple_value(),))

    def initial_value(self) -> ir.Expr:
        """The first value of a local: a number, a list to append to, or a closure."""
        kind = self.choices.below(3)
        if kind == 0:
            return self.constant()
        return ir.ListExpr(()) if kind == 1 else self.lambda_(1)

    def returns(self, defined: tuple[str, ...], own: tuple[str, ...]) -> ir.Return:
        """What a function hands back: mostly the closures it made, and observers of its variables."""
        choices = self.choices
        options: list[Callable[[], ir.Expr]] = [lambda: ir.Name(sample(choices, defined))] * 3 if defined else []
        options.append(self.name_expr)
        if own:  # `lambda: x`: lets the caller watch x change after this function returned
            options += [lambda: ir.Lambda(ir.Params(), ir.Name(sample(choices, own)))] * 2

        def several() -> tuple[ir.Expr, ...]:
            return tuple(repeat(choices, 1, 3, options[choices.below(len(options))]))

        kind = choices.below(5)
        if kind == 1:
            return ir.Return(options[choices.below(len(options))]())
        if kind == 2:
            return ir.Return(ir.ListExpr(several()))
        if kind == 4:
            return ir.Return(None)
        return ir.Return(ir.TupleExpr(several()))

    def klass(self, block: Block, depth: int = 0) -> list[ir.Stmt]:
        """A class statement, sometimes followed by a class derived from it."""
        choices = self.choices
        name = sample(choices, block.targets)
        first = self.class_definition(block, name, (), depth)
        if not chance(choices, self.emphasis.klass, 8):
            return [first, *self.method_calls(first), *self.alias_reads(first), *self.class_annotation_reads(first)]
        bases: tuple[ir.Expr, ...] = (ir.Name(name),)
        if chance(choices, 1, 3 + self.emphasis.class_cell):
            bases = (*bases, self.name_expr())  # usually not a class: a TypeError, in the enclosing scope
        choices.note("class: bases")
        derived = self.class_definition(block, sample(choices, block.targets), bases, depth)
        if self.features.class_keywords and chance(choices, 1, 3):
            # class arguments, read in the enclosing scope, for the base's __init_subclass__ (3.6)
            keywords = tuple(ir.Keyword(n, self.simple_value()) for n in distinct(choices, self.pool, 1, 2))
            derived = dataclasses.replace(derived, keywords=keywords)
            if chance(choices, 3, 4):
                first = dataclasses.replace(first, body=(*first.body, self.init_subclass()))
            choices.note("class: keyword arguments")
        return [first, *self.method_calls(first), *self.alias_reads(first), *self.class_annotation_reads(first),
                derived, *self.method_calls(derived), *self.alias_reads(derived),
                *self.class_annotation_reads(derived)]  # fmt: skip

    def class_type_alias(self) -> list[ir.Stmt]:
        """`type X = value` in a class body: its annotation scope sees the class's names (§4.2.4), read
        when X.__value__ is first read, in the body or after. (No lambda in the value: 3.12 refuses it.)"""
        choices = self.choices
        name = self.name()
        value = self.name_expr() if boolean(choices) else ir.add(self.name_expr(), self.constant())
        alias: list[ir.Stmt] = [ir.TypeAlias(name, value)]
        choices.note("annotation scope: type alias in a class body")
        if chance(choices, 1, 2):
            alias.append(ir.Probe(LABEL, ir.Attribute(ir.Name(name), "__value__")))
        return alias

    def alias_reads(self, klass: ir.ClassDef) -> list[ir.Stmt]:
        """After a class statement: read the aliases its body made, `probe_call(label, lambda: C.X.__value__)`."""
        reads: list[ir.Stmt] = []
        for member in klass.body:
            if isinstance(member, ir.TypeAlias) and chance(self.choices, 2, 3):
                value = ir.Attribute(ir.Attribute(ir.Name(klass.name), member.name), "__value__")
                reads.append(ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), value)))
        return reads

    def class_annotation(self, declared: tuple[str, ...]) -> ir.AnnAssign:
        """`x: annotation = value` (or without a value) in a class body: the value is bound first; the
        annotation is evaluated then (before 3.14), or when C.__annotations__ is first read, seeing the
        class's names (3.14, PEP 649)."""
        choices = self.choices
        target = sample(choices, [name for name in self.pool if name not in declared])
        value = self.simple_value() if chance(choices, 2, 3) else None
        choices.note("annotation: in a class body" + ("" if value else ", without a value"))
        return ir.AnnAssign(target, self.annotation_value(), value)

    def class_annotation_reads(self, klass: ir.ClassDef) -> list[ir.Stmt]:
        """After a class statement: read its __annotations__ and its methods', now and then."""
        if not self.emphasis.annotation:
            return []
        choices = self.choices
        reads: list[ir.Stmt] = []
        targets: list[ir.Expr] = []
        if any(isinstance(member, ir.AnnAssign) for member in klass.body):
            targets.append(ir.Name(klass.name))
        for member in klass.body:
            if isinstance(member, ir.FunctionDef) and member.annotations:
                targets.append(ir.Attribute(ir.Name(klass.name), member.name))
        for target in targets:
            if chance(choices, 2, 3):
                reads.append(ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Attribute(target, ANNOTATIONS))))
        return reads

    def method_calls(self, klass: ir.ClassDef) -> list[ir.Stmt]:
        """Right after the class statement, now and then: call its methods on a new instance,
        `probe_call(label, lambda: C().m(...))`, so that what they read through __class__ and
        super(), or a generic class's type parameters, is observed (in the areas that draw those)."""
        calls: list[ir.Stmt] = []
        rate = self.emphasis.class_cell or self.emphasis.annotation
        for member in klass.body:
            if not isinstance(member, ir.FunctionDef) or member.name.endswith("__"):  # (every object has those)
                continue
            if not (rate and chance(self.choices, rate, 10)):
                continue
            static = ir.Builtin("staticmethod") in member.decorators
            arguments = self.arguments(member)[0 if static else 1 :]
            call = ir.Call(ir.Attribute(ir.Call(ir.Name(klass.name)), member.name), arguments)
            calls.append(ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), call)))
            self.choices.note("class: a method called on a new instance")
        return calls

    def init_subclass(self) -> ir.FunctionDef:
        """def __init_subclass__(self, **kw): self.a = kw (the class arguments, kept on the subclass)."""
        kwarg = self.name()
        store = ir.Assign((ir.Attribute(ir.Name("self"), sample(self.choices, ATTRIBUTES)),), ir.Name(kwarg))
        return ir.FunctionDef("__init_subclass__", ir.Params((ir.Param("self"),), kwarg=kwarg), (store,))

    def class_definition(self, block: Block, name: str, bases: tuple[ir.Expr, ...], depth: int) -> ir.ClassDef:
        choices = self.choices
        members: list[ir.Stmt] = []
        nonlocal_ok = self.features.nonlocal_statement and block.kind == "function" and block.nonlocal_ok
        declared: tuple[str, ...] = ()
        if nonlocal_ok and chance(choices, 1, 4):
            declared = (sample(choices, block.nonlocal_ok),)
            members.append(ir.Nonlocal(declared))
            choices.note("class: nonlocal")
        elif chance(choices, self.emphasis.global_, 8):
            declared = (self.name(),)
            members.append(ir.Global(declared))
            choices.note("class: global")
        type_params: list[str] = []  # class name[T]: bases and body in an annotation scope binding T (3.12)
        if self.emphasis.annotation and self.features.type_params and chance(choices, self.emphasis.annotation, 12):
            type_params = distinct(
                choices, [n for n in self.pool if not n.startswith("__") and n not in declared], 1, 2
            )
            choices.note("annotation scope: generic class")
        # Class-body names are class locals; methods skip the class and see the function.
        # (A class body counts as a level of nesting, so classes in classes end too.)
        nonlocal_ok_inside = tuple(n for n in block.nonlocal_ok if n not in type_params)  # (not a type parameter)
        inner = Block("class", self.pool, nonlocal_ok_inside, block.depth + 1, declared=declared)
        for _ in range(between(choices, 1, 3)):
            if self.emphasis.annotation and self.features.type_alias and chance(choices, self.emphasis.annotation, 12):
                members += self.class_type_alias()
                continue
            annotated = self.emphasis.annotation and self.features.variable_annotations and self.features.annotations
            if annotated and chance(choices, self.emphasis.annotation, 12):
                members.append(self.class_annotation(declared))
                continue
            methods = self.emphasis.class_cell and chance(choices, self.emphasis.class_cell, 6)
            kind = 1 if methods else choices.below(5)
            if kind == 0:
                members.append(self.simple_statement(inner))
            elif kind == 1:
                members.append(self.function_definition(inner, self.name(), method=True))
            elif kind == 2:
                members.append(ir.assign(self.name(), self.comprehension((), 1)))
            elif kind == 3 and depth < 1:
                members += self.klass(inner, depth + 1)
                choices.note("class: nested in a class")
            else:
                members += self.statement(inner)
        decorators: tuple[ir.Expr, ...] = ()
        if chance(choices, self.emphasis.decorator, 10):
            decorators = (self.decorator(),)
            choices.note("class: decorated")
        choices.note("statement: ClassDef")
        return ir.ClassDef(name, tuple(members), bases, decorators, type_params=tuple(type_params))

    # -- whole programs ------------------------------------------------------------

    def program(self) -> ir.Module:
        """A module: some globals, an outer function, and calls of what it returns."""
        choices = self.choices
        self.pool = self.name_pool()
        # Most names exist as globals too, so a lookup that goes to the wrong scope finds a value.
        # (and a builtin's name is always bound: the builtin itself is seen after a `del` only)
        prelude: list[ir.Stmt] = [
            ir.assign(n, self.constant()) for n in self.pool if chance(choices, 3, 4) or n in SHADOWED
        ]
        # How deep functions nest in this program: shallow programs are as common as deep ones.
        self.depth_limit = between(choices, 2, max(self.ctx.max_depth, 2))
        if self.ctx.max_depth >= MAX_DEPTH and chance(choices, 1, 16):
            self.deep, self.depth_limit = True, DEEP
            choices.note("names: deep nesting")
        if chance(choices, 1, 6):  # statements at module level: globals bound every way (in a try, so that
            module = Block("module", self.pool, (), 0, nesting=1)  # an exception leaves the program running)
            prelude.append(ir.Try(tuple(self.body(module, 1, 2)), (ir.Handler((), None, (ir.Pass(),)),)))
        outer = self.function_definition(Block("module", self.pool, (), 0), "f", nested=1, chain=True)
        # t = probe_call('p1', f): an exception in f is observed, and the driver goes on.
        driver: list[ir.Stmt] = [
            ir.assign(RESULT, ir.ProbeCallValue(LABEL, ir.Name(outer.name), self.arguments(outer)))
        ]
        two_calls = boolean(choices)
        if two_calls:
            driver.append(ir.assign(SECOND, ir.ProbeCallValue(LABEL, ir.Name(outer.name), self.arguments(outer))))
        returned = _returned_count(outer)
        result = ir.Name(RESULT)
        # Call everything returned once, in a random order; then more calls and inspections.
        for index in permutation(choices, max(returned, 1)):
            driver.append(call_returned(result, index if returned else None))
        driver += repeat(choices, 0, 4, lambda: self.driver_action(returned, two_calls))
        if boolean(choices):  # then some of them again: cells may have changed since
            for index in distinct(choices, range(max(returned, 1)), 1, max(returned, 1)):
                driver.append(call_returned(result, index if returned else None))
        # and some globals: what the functions' `global` statements and leaks did to them
        for name in distinct(choices, self.pool, 1, 2):
            driver.append(ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Name(name))))
        helpers = [HELPERS[helper] for helper in sorted(self.helpers)]
        return number_probes(ir.Module((*helpers, *prelude, outer, *driver)))

    def name_pool(self) -> tuple[str, ...]:
        """The names of this program: usually four; sometimes a private name, a builtin's, or many."""
        kind = self.choices.below(10)
        if kind == 7:
            self.choices.note("names: private name")
            return (*POOL, PRIVATE)
        if kind == 8:
            self.choices.note("names: a builtin shadowed")
            return (*POOL, sample(self.choices, SHADOWED))
        if kind == 9:
            self.choices.note("names: many")
            return WIDE_POOL
        return POOL

    def arguments(self, function: ir.FunctionDef) -> tuple[ir.Expr, ...]:
        params = function.params
        positional = params.positional_params()
        required = sum(1 for p in positional if p.default is None)
        return tuple(repeat(self.choices, required, len(positional), self.constant))

    def driver_action(self, returned: int, two_calls: bool) -> ir.Stmt:
        """Call or inspect one of the things the outer function returned (0: it returned one)."""
        choices = self.choices
        result = ir.Name(sample(choices, (RESULT, SECOND) if two_calls else (RESULT,)))
        item: ir.Expr = ir.Subscript(result, choices.below(returned)) if returned else result
        actions = ("call", "call", "closure", "list", "global", "method", "keywords")
        action = sample(choices, (*actions, "drive", "drive") if self.suspending else actions)
        choices.note("driver: " + action)
        if action == "call":
            return ir.ProbeCall(
                LABEL, ir.Lambda(ir.Params(), ir.Call(item, tuple(repeat(choices, 0, 1, self.constant))))
            )
        if action == "drive":  # send None, then 0, 1, 2 into a generator or coroutine: what it gives back
            self.helpers.add(DRIVE)
            return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Call(ir.Name(DRIVE), (ir.Call(item),))))
        if action == "keywords":
            return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), self.call_with_keywords(item)))
        if action == "closure":
            return ir.ProbeClosure(LABEL, item)
        if action == "list":  # run a generator function (or anything callable) to the end
            return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Call(ir.Builtin("list"), (ir.Call(item),))))
        if action == "method":
            method = ir.Call(ir.Attribute(ir.Call(item), self.name()))
            return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), method))
        return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), self.name_expr()))

    # -- programs that must not compile (CATALOG area 12) --------------------------

    def invalid_program(self, possible: Sequence[str]) -> ir.Module:
        """A valid program with one compile-time scope rule broken in it."""
        module = self.program()
        violation = sample(self.choices, possible)
        name = self.name()
        self.choices.note("violation: " + violation)
        if violation == "nonlocal at module level":
            return ir.Module((ir.Nonlocal((name,)), *module.body))
        # the outer function: the last definition at module level (helpers and prelude come first)
        index, outer = [(i, s) for i, s in enumerate(module.body) if isinstance(s, ir.FunctionDef)][-1]
        param = ir.Param(name)
        iterable = ir.Call(ir.Builtin("range"), (ir.Const(2),))
        broken: tuple[ir.Stmt, ...]
        if violation == "nonlocal with no enclosing binding":  # the outer function is at module level
            broken = (ir.Nonlocal((name,)),)
        elif violation.startswith("parameter declared"):
            outer = dataclasses.replace(outer, params=ir.Params((param,)))
            broken = (ir.Global((name,)) if "global" in violation else ir.Nonlocal((name,)),)
        elif violation == "nonlocal and global":
            broken = (ir.Nonlocal((name,)), ir.Global((name,)))
        elif violation == "assigned before global":
            broken = (ir.assign(name, ir.Const(1)), ir.Global((name,)))
        elif violation == "used before nonlocal":
            broken = (ir.ExprStmt(ir.Name(name)), ir.Nonlocal((name,)))
        elif violation == ":= in a class-body comprehension":
            comprehension = ir.Comprehension("list", ir.NamedExpr(name, ir.Const(1)), _clause("_", iterable))
            broken = (ir.ClassDef("C", (ir.ExprStmt(comprehension),)),)
        elif violation == ":= rebinding an iteration variable":
            broken = (ir.ExprStmt(ir.Comprehension("list", ir.NamedExpr(name, ir.Const(1)), _clause(name, iterable))),)
        else:
            comprehension = ir.Comprehension("list", ir.Name("_"), _clause("_", ir.NamedExpr(name, iterable)))
            broken = (ir.ExprStmt(comprehension),)
        outer = dataclasses.replace(outer, body=(*broken, *outer.body))
        body = list(module.body)
        body[index] = outer
        return number_probes(ir.Module(tuple(body)))


LABEL = "?"  # every probe is numbered once the whole program is drawn (number_probes)

VIOLATIONS = (
    "nonlocal at module level",
    "nonlocal with no enclosing binding",
    "parameter declared global",
    "parameter declared nonlocal",
    "nonlocal and global",
    "assigned before global",
    "used before nonlocal",
    ":= in a class-body comprehension",
    ":= rebinding an iteration variable",
    ":= in a comprehension iterable",
)


def possible_violations(features: Features) -> tuple[str, ...]:
    """The compile-time rules a program for this target can break in syntax it parses."""
    return tuple(
        violation
        for violation in VIOLATIONS
        if (features.nonlocal_statement or "nonlocal" not in violation) and (features.walrus or ":=" not in violation)
    )


def program(choices: Choices, ctx: Context) -> ir.Module:
    """A valid program: every decision made through `choices`."""
    return _Generator(choices, ctx).program()


def invalid_program(choices: Choices, ctx: Context) -> ir.Module:
    """A program with one compile-time scope rule broken (CATALOG area 12)."""
    return _Generator(choices, ctx).invalid_program(possible_violations(ctx.features))


# -- helpers ------------------------------------------------------------------------


def _self(attr: str) -> ir.Attribute:
    return ir.Attribute(ir.Name("self"), attr)


def _append(name: str, value: ir.Expr) -> ir.Call:
    return ir.Call(ir.Attribute(ir.Name(name), "append"), (value,))


def _stop_value() -> ir.Attribute:
    return ir.Attribute(ir.Name("stop"), "value")


# The definitions a program needs when it uses `with` or `@make(x)`, put before everything else.
HELPERS: dict[str, ir.Stmt] = {
    # class Manager: __enter__ returns the value it was made with; __exit__ lets exceptions through
    MANAGER: ir.ClassDef(MANAGER, (
        ir.FunctionDef("__init__", ir.Params((ir.Param("self"), ir.Param("value"))),
                       (ir.Assign((_self("value"),), ir.Name("value")),)),
        ir.FunctionDef("__enter__", ir.Params((ir.Param("self"),)), (ir.Return(_self("value")),)),
        ir.FunctionDef("__exit__", ir.Params((ir.Param("self"),), "exc"), (ir.Return(ir.Const(None)),)),
    )),
    # def drive(generator): send None, then 0, 1, 2: what it yields, and at the end what it returned
    DRIVE: ir.FunctionDef(DRIVE, ir.Params((ir.Param("generator"),)), (
        ir.assign("seen", ir.ListExpr(())),
        ir.Try((
            ir.ExprStmt(_append("seen", ir.Call(ir.Attribute(ir.Name("generator"), "send"), (ir.Const(None),)))),
            ir.For(ir.Name("value"), ir.Call(ir.Builtin("range"), (ir.Const(3),)), (
                ir.ExprStmt(_append("seen", ir.Call(ir.Attribute(ir.Name("generator"), "send"), (ir.Name("value"),)))),
            )),
        ), (ir.Handler(("StopIteration",), "stop", (ir.ExprStmt(_append("seen", _stop_value())),)),)),
        ir.Return(ir.Name("seen")),
    )),
    # def make(value): a decorator that pairs each call's result with the value it was made with
    MAKE: ir.FunctionDef(MAKE, ir.Params((ir.Param("value"),)), (
        ir.FunctionDef("decorate", ir.Params((ir.Param("function"),)), (
            ir.Return(ir.Lambda(ir.Params(vararg="args"), ir.TupleExpr((
                ir.Name("value"), ir.Call(ir.Name("function"), (ir.Starred(ir.Name("args")),)))))),
        )),
        ir.Return(ir.Name("decorate")),
    )),
}  # fmt: skip


def call_returned(result: ir.Name, index: int | None) -> ir.ProbeCall:
    """probe_call('pN', lambda: t[i]()): even when t is not what was expected, the driver goes on."""
    item: ir.Expr = result if index is None else ir.Subscript(result, index)
    return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Call(item)))


def _returned_count(outer: ir.FunctionDef) -> int:
    """How many things the outer function's return hands back in a tuple or list (0: one)."""
    returns = [s for s in outer.body if isinstance(s, ir.Return)]
    value = returns[-1].value if returns else None
    return len(value.elts) if isinstance(value, (ir.TupleExpr, ir.ListExpr)) else 0


def _clause(target: str, iterable: ir.Expr) -> tuple[ir.ComprehensionFor]:
    return (ir.ComprehensionFor(ir.Name(target), iterable),)


def _suspends(function: ir.FunctionDef) -> bool:
    """An async def, or a generator function: a yield in its own body."""
    return function.is_async or any(_yields(statement) for statement in function.body)


def _yields(statement: ir.Stmt) -> bool:
    return isinstance(statement, ir.Yield) or any(_yields(s) for block in ir.blocks_of(statement) for s in block)


def _deleted(statement: ir.Delete) -> list[str]:
    return [name for target in statement.targets for name in ir.target_names(target)]


def bound_names(body: Sequence[ir.Stmt]) -> set[str]:
    """Names a block's own statements bind (nested blocks' := included, as PEP 572 says)."""
    found: set[str] = set()
    for statement in body:
        if isinstance(statement, ir.Assign):
            found |= {n for t in statement.targets for n in ir.target_names(t)} | _walrus_targets(statement.value)
        elif isinstance(statement, ir.AugAssign):
            found |= set(ir.target_names(statement.target))
        elif isinstance(statement, ir.AnnAssign):  # (a local even without a value: bound here for this purpose)
            found.add(statement.target)
            found |= _walrus_targets(statement.value) if statement.value is not None else set()
        elif isinstance(statement, ir.Delete):
            found |= set(_deleted(statement))
        elif isinstance(statement, (ir.FunctionDef, ir.ClassDef)):
            found.add(statement.name)
        elif isinstance(statement, ir.Import):
            found.add(statement.asname)
        elif isinstance(statement, ir.Match):
            found |= {name for case in statement.cases for name in ir.pattern_names(case.pattern)}
            found |= _walrus_targets(statement.subject)
        elif isinstance(statement, (ir.For, ir.With)):
            target = statement.target
            found |= set(ir.target_names(target)) if target is not None else set()
            found |= _walrus_targets(statement.iter if isinstance(statement, ir.For) else statement.context)
        elif isinstance(statement, ir.Try):
            found |= {handler.name for handler in statement.handlers if handler.name is not None}
        elif isinstance(statement, (ir.If, ir.While, ir.Assert)):
            found |= _walrus_targets(statement.test)
        elif isinstance(statement, (ir.ExprStmt, ir.Yield, ir.Probe, ir.ProbeClosure, ir.Return)) and statement.value:
            found |= _walrus_targets(statement.value)
        for block in ir.blocks_of(statement):
            found |= bound_names(block)
    return found


def defined_functions(body: Sequence[ir.Stmt]) -> set[str]:
    """Names a block binds to functions, lambdas or classes it defines: its closures."""
    found: set[str] = set()
    for statement in body:
        if isinstance(statement, (ir.FunctionDef, ir.ClassDef)):
            found.add(statement.name)
        elif isinstance(statement, ir.Assign) and isinstance(statement.value, ir.Lambda):
            found |= {n for target in statement.targets for n in ir.target_names(target)}
        for block in ir.blocks_of(statement):
            found |= defined_functions(block)
    return found


_LEAVES = frozenset({ir.Name, ir.Const, ir.Builtin, ir.Lambda})  # := in a lambda binds in the lambda


def _walrus_targets(expr: ir.Expr) -> set[str]:
    """:= targets that bind in the block evaluating `expr` (comprehensions pass them up)."""
    if type(expr) in _LEAVES:
        return set()
    if isinstance(expr, ir.NamedExpr):
        return {expr.target} | _walrus_targets(expr.value)
    children: tuple[ir.Expr, ...] = ()
    if isinstance(expr, (ir.BinOp, ir.Compare)):
        children = (expr.left, expr.right)
    elif isinstance(expr, ir.BoolOp):
        children = expr.values
    elif isinstance(expr, ir.IfExp):
        children = (expr.test, expr.body, expr.orelse)
    elif isinstance(expr, ir.Call):
        children = (expr.func, *expr.args, *(k.value for k in expr.keywords))
    elif isinstance(expr, ir.ProbeCallValue):
        children = (expr.func, *expr.args)
    elif isinstance(expr, (ir.TupleExpr, ir.ListExpr)):
        children = expr.elts
    elif isinstance(expr, ir.Comprehension):
        children = (expr.elt, *(test for clause in expr.clauses for test in clause.ifs))
    elif isinstance(expr, (ir.Attribute, ir.Subscript, ir.Starred, ir.Not)):
        children = (expr.value,)
    found: set[str] = set()
    for child in children:
        found |= _walrus_targets(child)
    return found


def number_probes(module: ir.Module) -> ir.Module:
    """Give every probe a distinct label, p1, p2 ... in source order."""
    counter = iter(range(1, 1_000_000))

    def number(node: ir.Stmt) -> ir.Stmt:
        if isinstance(node, ir.ProbeCall):
            return ir.ProbeCall("p%d" % next(counter), node.func, node.args)
        if isinstance(node, ir.ProbeClosure):
            return ir.ProbeClosure("p%d" % next(counter), node.value)
        if isinstance(node, ir.Probe):
            return ir.Probe("p%d" % next(counter), node.value)
        if isinstance(node, ir.Assign) and isinstance(node.value, ir.ProbeCallValue):
            value = node.value
            return ir.Assign(node.targets, ir.ProbeCallValue("p%d" % next(counter), value.func, value.args))
        if isinstance(node, (ir.FunctionDef, ir.ClassDef, ir.With)):
            return dataclasses.replace(node, body=numbered(node.body))
        if isinstance(node, ir.Match):
            cases = tuple(dataclasses.replace(case, body=numbered(case.body)) for case in node.cases)
            return dataclasses.replace(node, cases=cases)
        if isinstance(node, (ir.If, ir.For, ir.While)):
            return dataclasses.replace(node, body=numbered(node.body), orelse=numbered(node.orelse))
        if isinstance(node, ir.Try):
            handlers = tuple(dataclasses.replace(h, body=numbered(h.body)) for h in node.handlers)
            return ir.Try(numbered(node.body), handlers, numbered(node.orelse), numbered(node.finalbody))
        return node

    def numbered(body: tuple[ir.Stmt, ...]) -> tuple[ir.Stmt, ...]:
        return tuple([number(statement) for statement in body])

    return ir.Module(numbered(module.body))
