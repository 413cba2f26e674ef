"""Hypothesis strategies for nested-function programs, valid by construction.

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

Every choice is a small draw from a strategy built once (strategies are cached by
their arguments, which are small frozen plans), so generation is cheap and
Hypothesis shrinks a failure to a few lines. `event()` names each construct drawn,
for `--hypothesis-show-statistics`.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from hypothesis import event
from hypothesis import strategies as st

from generators import ir
from generators.features import Features

T = TypeVar("T")

POOL = ("a", "b", "f", "g")  # every name a program binds or reads
MAX_DEPTH = 4  # function nesting levels
RESULT = "t"  # the module-level name holding what the outer function returned
SECOND = "u"  # ... and what a second call returned

# Building and validating a strategy costs far more than drawing from it, so every
# strategy is built once per distinct (hashable) argument and reused.
cached = functools.cache


def sampled(values: Sequence[T]) -> st.SearchStrategy[T]:
    return _sampled(tuple(values))


@cached
def _sampled(values: tuple[T, ...]) -> st.SearchStrategy[T]:
    return st.sampled_from(values)


@cached
def integers(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@cached
def lists(elements: st.SearchStrategy[T], min_size: int = 0, max_size: int = 3, unique: bool = False) -> Any:
    return st.lists(elements, min_size=min_size, max_size=max_size, unique=unique)


@cached
def permutations(count: int) -> st.SearchStrategy[list[int]]:
    return st.permutations(range(count))


def one_of(options: Sequence[st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """A choice among strategies, where a strategy listed n times is n times as likely.

    (`st.one_of` would treat repeats as one.) The first option is the one a failing
    example shrinks towards.
    """
    return _one_of(tuple(options))


@cached
def _one_of(options: tuple[st.SearchStrategy[Any], ...]) -> st.SearchStrategy[Any]:
    distinct = list(dict.fromkeys(options))
    if len(distinct) == len(options):
        return st.one_of(*options)
    indices = [distinct.index(option) for option in options]
    return st.sampled_from(sorted(indices)).flatmap(lambda index: distinct[index])


def chance(draw: st.DrawFn, weight: int, out_of: int) -> bool:
    """True `weight` times in `out_of`, and False for the smallest draw, towards which
    Hypothesis shrinks: a construct drawn this way disappears from a shrunk program."""
    return draw(integers(0, out_of - 1)) >= out_of - weight


def noted(kind: str) -> Any:
    """A map function that records the construct drawn, for Hypothesis' statistics."""

    def note(value: T) -> T:
        event("%s: %s" % (kind, type(value).__name__))
        return value

    return note


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


EMPHASIS = {
    "capture": Emphasis(nested=4, lambda_=2, generator=2, decorator=2),
    "cell-sharing": Emphasis(nonlocal_=3, nested=3, closure_probe=2),
    "late-binding": Emphasis(loop=4, comprehension=3, lambda_=3),
    "nonlocal": Emphasis(nonlocal_=5, nested=3, delete=2, try_=2, loop=2),
    "global": Emphasis(global_=5, nested=2),
    "unbound": Emphasis(delete=4, try_=2, probe=3),
    "closure-attribute": Emphasis(closure_probe=5, nested=3),
    "cells": Emphasis(closure_probe=4, delete=3, nonlocal_=2),
    "class-scope": Emphasis(klass=5, nested=2, comprehension=2),
    "comprehension-scope": Emphasis(comprehension=5, lambda_=2),
    "except-as": Emphasis(try_=5, nested=2, closure_probe=2),
}


@dataclass(frozen=True)
class Block:
    """The plan of the block being drawn: what it may bind, and what encloses it."""

    kind: str  # "module", "function" or "class"
    targets: tuple[str, ...]  # names this block may bind
    nonlocal_ok: tuple[str, ...]  # names a nested block may declare nonlocal
    depth: int  # function nesting level (0 at module level)
    generator: bool = False  # a function that yields
    declared: tuple[str, ...] = ()  # its nonlocal and global names, bound more often

    def binding_targets(self) -> tuple[str, ...]:
        """Names to bind, declared ones twice as likely: a declaration should matter."""
        return (*self.declared, *self.declared, *self.targets)

    def walrus_targets(self) -> tuple[str, ...]:
        """Where := may bind from this block's expressions (PEP 572)."""
        return self.targets if self.kind == "function" else ()


@dataclass(frozen=True)
class Context:
    features: Features
    emphasis: Emphasis


# -- expressions --------------------------------------------------------------------


@cached
def names() -> st.SearchStrategy[str]:
    return sampled(POOL)


@cached
def name_exprs() -> st.SearchStrategy[ir.Expr]:
    return names().map(ir.Name)


@cached
def constants() -> st.SearchStrategy[ir.Expr]:
    return integers(0, 3).map(ir.Const)


@cached
def simple_values() -> st.SearchStrategy[ir.Expr]:
    return st.one_of(constants(), name_exprs())


@cached
def iterables() -> st.SearchStrategy[ir.Expr]:
    return st.one_of(
        integers(0, 3).map(lambda n: ir.Call(ir.Builtin("range"), (ir.Const(n),))),
        name_exprs(),
        # values apart from the constants names start with, so a leaked loop variable shows
        lists(integers(4, 7).map(ir.Const), 0, 3).map(lambda elts: ir.ListExpr(tuple(elts))),
    )


@cached
def expressions(ctx: Context, walrus: tuple[str, ...], depth: int = 2) -> st.SearchStrategy[ir.Expr]:
    """An expression; `walrus` are the names := may bind here (empty: no :=)."""
    leaves = [constants(), name_exprs()]
    if depth <= 0:
        return one_of(leaves)
    sub = expressions(ctx, walrus, depth - 1)
    choices = [
        *leaves,
        st.builds(ir.Add, name_exprs(), constants()),
        st.builds(ir.Call, name_exprs()),
        st.builds(ir.Subscript, name_exprs(), integers(0, 1)),
        lists(name_exprs(), 1, 2).map(lambda elts: ir.TupleExpr(tuple(elts))),
        *[lambdas(ctx, depth - 1)] * ctx.emphasis.lambda_,
        *[comprehensions(ctx, walrus, depth - 1)] * ctx.emphasis.comprehension,
        st.builds(ir.Add, sub, sub),
    ]
    if walrus and ctx.features.walrus:
        choices.append(st.builds(ir.NamedExpr, sampled(sorted(walrus)), sub))
    return one_of(choices).map(noted("expr"))


@cached
def lambdas(ctx: Context, depth: int) -> st.SearchStrategy[ir.Lambda]:
    # := in a lambda binds in the lambda itself (PEP 572): any name will do
    return st.builds(ir.Lambda, parameters(ctx, allow_star=False), expressions(ctx, POOL, depth))


@cached
def comprehensions(ctx: Context, walrus: tuple[str, ...], depth: int) -> st.SearchStrategy[ir.Comprehension]:
    return _comprehensions(ctx, walrus, depth)


@st.composite
def _comprehensions(draw: st.DrawFn, ctx: Context, walrus: tuple[str, ...], depth: int) -> ir.Comprehension:
    kind = draw(sampled(("list", "gen", "set", "dict")))
    # Half the time the iteration variable shadows a name of the enclosing function (where
    # := may bind, the function's own names): its isolation is then what the program shows.
    shadowing: bool = bool(walrus) and draw(st.booleans())
    target: str = draw(sampled(walrus)) if shadowing else draw(names())
    iterable = draw(iterables())  # never := here: a SyntaxError (PEP 572)
    if draw(st.booleans()):  # a closure per iteration: all of them share the variable
        elt: ir.Expr = ir.Lambda(ir.Params(), ir.Name(draw(sampled((target, *POOL)))))
    else:  # := may not rebind the iteration variable
        elt = draw(expressions(ctx, tuple(n for n in walrus if n != target), depth))
    # dict keys are the iteration variable: key-before-value order is only specified from 3.8
    key = ir.Name(target) if kind == "dict" else None
    event("comprehension: " + kind)
    return ir.Comprehension(kind, elt, target, iterable, key)


@cached
def parameters(ctx: Context, name_defaults: bool = True, allow_star: bool = True) -> st.SearchStrategy[ir.Params]:
    return _parameters(name_defaults, allow_star)


@st.composite
def _parameters(draw: st.DrawFn, name_defaults: bool, allow_star: bool) -> ir.Params:
    chosen = draw(lists(names(), 0, 2, unique=True))
    positional = []
    defaults_started = False
    defaults = simple_values() if name_defaults else constants()
    for name in chosen:
        defaults_started = defaults_started or draw(st.booleans())
        positional.append(ir.Param(name, draw(defaults) if defaults_started else None))
    rest = [name for name in POOL if name not in chosen]
    vararg = None
    kwonly: tuple[ir.Param, ...] = ()
    if allow_star and chance(draw, 1, 6):
        vararg = draw(sampled(rest))
        rest.remove(vararg)
        event("params: *args")
    if allow_star and chance(draw, 1, 6):
        kwonly = (ir.Param(draw(sampled(rest)), draw(constants())),)
        event("params: keyword-only")
    return ir.Params(tuple(positional), vararg, kwonly)


# -- statements ---------------------------------------------------------------------

LABEL = "?"  # every probe is numbered once the whole program is drawn (number_probes)


@cached
def probes(ctx: Context) -> st.SearchStrategy[ir.Stmt]:
    return st.one_of(
        st.builds(ir.ProbeCall, st.just(LABEL), name_exprs()),
        st.builds(ir.ProbeClosure, st.just(LABEL), name_exprs()),
        # probe the value of a name as the block sees it: any exception is recorded too
        name_exprs().map(lambda name: ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), name))),
    ).map(noted("probe"))


@cached
def simple_statements(ctx: Context, block: Block) -> st.SearchStrategy[ir.Stmt]:
    targets = sampled(block.binding_targets())
    options = [
        st.builds(ir.Assign, targets, expressions(ctx, block.walrus_targets())),
        st.builds(ir.AugAssign, targets, constants()),
        *[st.builds(ir.Delete, targets)] * ctx.emphasis.delete,
        *[probes(ctx)] * ctx.emphasis.probe,
        *[st.builds(ir.ProbeClosure, st.just(LABEL), name_exprs())] * ctx.emphasis.closure_probe,
        # a call in a body is observed and cannot abort the body: mutators, closures
        st.builds(ir.ProbeCall, st.just(LABEL), name_exprs()),
    ]
    return one_of(options).map(noted("statement"))


@cached
def statements(ctx: Context, block: Block) -> st.SearchStrategy[ir.Stmt]:
    options = [simple_statements(ctx, block)]
    if block.depth < MAX_DEPTH:
        options += [functions(ctx, block)] * ctx.emphasis.nested
        options += [classes(ctx, block)] * ctx.emphasis.klass
    if block.kind == "function":  # x = [... for v in ...]: the comprehension's scope against the function's
        comprehension = comprehensions(ctx, block.walrus_targets(), 1)
        options += [st.builds(ir.Assign, sampled(block.targets), comprehension)] * ctx.emphasis.comprehension
    options += [loops(ctx, block)] * ctx.emphasis.loop
    options += [tries(ctx, block)] * ctx.emphasis.try_
    if block.generator:
        options.append(st.builds(ir.Yield, expressions(ctx, block.walrus_targets(), 1)).map(noted("statement")))
    return one_of(options)


@cached
def bodies(ctx: Context, block: Block) -> st.SearchStrategy[list[ir.Stmt]]:
    strategy: st.SearchStrategy[list[ir.Stmt]] = lists(statements(ctx, block), 0, 4)
    return strategy


@cached
@st.composite
def loops(draw: st.DrawFn, ctx: Context, block: Block) -> ir.For:
    """A for loop, usually one that makes a closure per iteration."""
    target = draw(sampled(block.targets))
    iterable = draw(iterables())
    body: list[ir.Stmt] = []
    for _ in range(draw(integers(1, 2))):
        store = draw(sampled(block.targets))
        kind = draw(integers(0, 3))
        if kind == 0:  # late binding: every closure reads the variable's last value
            body.append(ir.Assign(store, ir.Lambda(ir.Params(), ir.Name(target))))
        elif kind == 1:  # a default argument snapshots the value of this iteration
            snapshot = ir.Params((ir.Param(target, ir.Name(target)),))
            body.append(ir.Assign(store, ir.Lambda(snapshot, ir.Name(target))))
        elif kind == 2:
            closure = ir.Lambda(ir.Params(), ir.Name(target))
            body.append(ir.ExprStmt(ir.Call(ir.Attribute(ir.Name(store), "append"), (closure,))))
        else:
            body.append(draw(simple_statements(ctx, block)))
    if block.generator and draw(st.booleans()):
        body.append(ir.Yield(ir.Name(target)))
    event("statement: For")
    return ir.For(target, iterable, tuple(body))


@cached
@st.composite
def tries(draw: st.DrawFn, ctx: Context, block: Block) -> ir.Try:
    """try/except ... as: a closure made in the handler captures the name about to be cleared."""
    name = draw(sampled(block.targets))
    if draw(st.booleans()):
        raising: ir.Stmt = ir.Raise(draw(constants()))
    else:
        raising = draw(simple_statements(ctx, block))
    # No yield in a handler: when a generator suspended there is collected is GC-timed.
    plain = dataclasses.replace(block, generator=False)
    handler: list[ir.Stmt] = []
    for _ in range(draw(integers(1, 2))):
        if draw(st.booleans()):
            handler.append(ir.Assign(draw(sampled(block.targets)), ir.Lambda(ir.Params(), ir.Name(name))))
        else:
            statement = draw(simple_statements(ctx, plain))
            if isinstance(statement, ir.Delete) and statement.target == name:
                # §8.4 clears the name with `del`; unbinding it first is read differently
                # by the Reference and by CPython (`N = None; del N`), so leave it out.
                statement = ir.Assign(name, ir.Const(0))
            handler.append(statement)
    event("statement: Try")
    return ir.Try((raising,), name, tuple(handler))


@cached
def functions(ctx: Context, block: Block) -> st.SearchStrategy[ir.FunctionDef]:
    return sampled(block.targets).flatmap(lambda name: function_definitions(ctx, block, name))


@cached
def function_definitions(
    ctx: Context, parent: Block, name: str, method: bool = False, nested: int = 0
) -> st.SearchStrategy[Any]:
    """A function; `nested` is how many nested functions its body defines at least."""
    return _function_definitions(ctx, parent, name, method, nested)


@st.composite
def _function_definitions(
    draw: st.DrawFn, ctx: Context, parent: Block, name: str, method: bool, nested: int
) -> ir.FunctionDef:
    params = draw(parameters(ctx, parent.depth > 0))
    if method:
        params = dataclasses.replace(params, positional=(ir.Param("self"), *params.positional))
    param_names = set(params.names()) - {"self"}
    nonlocals: list[str] = []
    candidates = sorted(set(parent.nonlocal_ok) - param_names)
    if ctx.features.nonlocal_statement and candidates and chance(draw, ctx.emphasis.nonlocal_, 5):
        nonlocals = draw(lists(sampled(candidates), 1, 2, unique=True))
        event("declaration: nonlocal")
    global_candidates = sorted(set(POOL) - param_names - set(nonlocals))
    globals_: list[str] = []
    if global_candidates and chance(draw, ctx.emphasis.global_, 7):
        globals_ = [draw(sampled(global_candidates))]
        event("declaration: global")
    local_candidates = sorted(set(POOL) - param_names - set(nonlocals) - set(globals_))
    locals_: list[str] = []
    if local_candidates:
        locals_ = draw(lists(sampled(local_candidates), 0, 3, unique=True))
        if not (param_names or nonlocals or globals_ or locals_):
            locals_ = [draw(sampled(local_candidates))]  # a block needs a name it may bind
    outer = parent.kind == "module"  # the function the driver calls
    generator = not outer and chance(draw, ctx.emphasis.generator, 10)
    targets = param_names | set(nonlocals) | set(globals_) | set(locals_)
    nonlocal_ok = (set(parent.nonlocal_ok) - set(globals_)) | param_names | set(nonlocals) | set(locals_)
    declared = tuple(sorted(set(nonlocals) | set(globals_)))
    inner = Block("function", tuple(sorted(targets)), tuple(sorted(nonlocal_ok)), parent.depth + 1, generator, declared)
    body = draw(bodies(ctx, inner))
    for _ in range(nested):  # at chosen places in the body
        body.insert(draw(integers(0, len(body))), draw(functions(ctx, inner)))
    if declared:  # a declaration should matter: update a declared name (reading it first)
        update = ir.AugAssign(draw(sampled(declared)), draw(constants()))
        body.insert(draw(integers(0, len(body))), update)
    # Bind most planned locals first, so that most reads succeed and the body runs on;
    # the rest are bound where the body binds them, or at its end (a later binding still
    # makes the name local: reading it before then raises UnboundLocalError).
    early = [local for local in locals_ if not chance(draw, 1, 4)]
    body = [ir.Assign(local, draw(initial_values(ctx, inner))) for local in early] + body
    if generator:
        body.append(ir.Yield(draw(expressions(ctx, (), 1))))
        event("function: generator")
    defined = tuple(sorted(defined_functions(body)))
    if outer:  # everything it made, for the driver to call, and observers of its variables
        observers = draw(lists(sampled(inner.targets), 1, 2, unique=True))
        watched = [ir.Lambda(ir.Params(), ir.Name(name)) for name in observers]
        body.append(ir.Return(ir.TupleExpr((*map(ir.Name, defined), *watched))))
    else:
        body.append(draw(returns(defined, inner.targets)))
    body += [ir.Assign(local, ir.Const(0)) for local in locals_ if local not in bound_names(body)]
    declarations: list[ir.Stmt] = []
    if nonlocals:
        declarations.append(ir.Nonlocal(tuple(nonlocals)))
    if globals_:
        declarations.append(ir.Global(tuple(globals_)))
    decorators: tuple[ir.Expr, ...] = ()
    if not method and parent.depth > 0 and chance(draw, ctx.emphasis.decorator, 10):
        decorators = (ir.Name(draw(names())),)
        event("function: decorated")
    event("function: depth %d" % inner.depth)
    return ir.FunctionDef(name, params, (*declarations, *body), decorators)


@cached
def initial_values(ctx: Context, block: Block) -> st.SearchStrategy[ir.Expr]:
    """The first value of a local: a number, a list to append to, or a closure."""
    return st.one_of(constants(), st.just(ir.ListExpr(())), lambdas(ctx, 1))


@cached
def returns(defined: tuple[str, ...] = (), own: tuple[str, ...] = ()) -> st.SearchStrategy[ir.Return]:
    """What a function hands back: mostly the closures it made, and observers of its variables."""
    choices: list[st.SearchStrategy[ir.Expr]] = [sampled(defined).map(ir.Name)] * 3 if defined else []
    choices.append(name_exprs())
    if own:  # `lambda: x`: lets the caller watch x change after this function returned
        choices += [sampled(own).map(lambda name: ir.Lambda(ir.Params(), ir.Name(name)))] * 2
    returned = one_of(choices)
    several = lists(returned, 1, 3)
    return st.one_of(
        several.map(lambda elts: ir.Return(ir.TupleExpr(tuple(elts)))),
        returned.map(ir.Return),
        several.map(lambda elts: ir.Return(ir.ListExpr(tuple(elts)))),
        several.map(lambda elts: ir.Return(ir.TupleExpr(tuple(elts)))),
        st.just(ir.Return(None)),
    )


@cached
@st.composite
def classes(draw: st.DrawFn, ctx: Context, block: Block) -> ir.ClassDef:
    name = draw(sampled(block.targets))
    members: list[ir.Stmt] = []
    nonlocal_ok = ctx.features.nonlocal_statement and block.kind == "function" and block.nonlocal_ok
    if nonlocal_ok and chance(draw, 1, 4):
        members.append(ir.Nonlocal((draw(sampled(block.nonlocal_ok)),)))
        event("class: nonlocal")
    # Class-body names are class locals; methods skip the class and see the function.
    inner = Block("class", POOL, block.nonlocal_ok, block.depth)
    for _ in range(draw(integers(1, 3))):
        kind = draw(integers(0, 2))
        if kind == 0:
            members.append(draw(simple_statements(ctx, inner)))
        elif kind == 1:
            members.append(draw(function_definitions(ctx, inner, draw(names()), method=True)))
        else:
            members.append(ir.Assign(draw(names()), draw(comprehensions(ctx, (), 1))))
    event("statement: ClassDef")
    return ir.ClassDef(name, tuple(members))


# -- whole programs -----------------------------------------------------------------


@cached
def programs(features: Features, area: str | None = None) -> st.SearchStrategy[ir.Module]:
    """A module: some globals, an outer function, and calls of what it returns."""
    return _programs(Context(features, EMPHASIS.get(area or "", Emphasis())))


@st.composite
def _programs(draw: st.DrawFn, ctx: Context) -> ir.Module:
    module = Block("module", POOL, (), 0)
    # Most names exist as globals too, so a lookup that goes to the wrong scope finds a value.
    prelude = [ir.Assign(name, draw(constants())) for name in POOL if not chance(draw, 1, 4)]
    outer: ir.FunctionDef = draw(function_definitions(ctx, module, "f", nested=draw(integers(1, 2))))
    # t = probe_call('p1', f): an exception in f is observed, and the driver goes on.
    driver: list[ir.Stmt] = [ir.Assign(RESULT, ir.ProbeCallValue(LABEL, ir.Name(outer.name), draw(arguments(outer))))]
    two_calls = draw(st.booleans())
    if two_calls:
        driver.append(ir.Assign(SECOND, ir.ProbeCallValue(LABEL, ir.Name(outer.name), draw(arguments(outer)))))
    returned = _returned_count(outer)
    result = ir.Name(RESULT)
    # Call everything returned once, in a random order; then more calls and inspections.
    for index in draw(permutations(max(returned, 1))):
        driver.append(call_returned(result, index if returned else None))
    driver += draw(lists(driver_actions(returned, two_calls), 0, 6))
    # Then everything returned again (cells may have changed since), and every global.
    for index in draw(permutations(max(returned, 1))):
        driver.append(call_returned(result, index if returned else None))
    driver += [ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Name(name))) for name in POOL]
    return number_probes(ir.Module((*prelude, outer, *driver)))


def arguments(function: ir.FunctionDef) -> st.SearchStrategy[tuple[ir.Expr, ...]]:
    required = sum(1 for p in function.params.positional if p.default is None)
    return _arguments(required, len(function.params.positional))


@cached
def _arguments(required: int, total: int) -> st.SearchStrategy[tuple[ir.Expr, ...]]:
    strategy: st.SearchStrategy[tuple[ir.Expr, ...]] = lists(constants(), required, total).map(tuple)
    return strategy


@cached
@st.composite
def driver_actions(draw: st.DrawFn, returned: int, two_calls: bool) -> ir.Stmt:
    """Call or inspect one of the things the outer function returned (0: it returned one)."""
    result = ir.Name(draw(sampled((RESULT, SECOND) if two_calls else (RESULT,))))
    item: ir.Expr = ir.Subscript(result, draw(integers(0, returned - 1))) if returned else result
    action = draw(sampled(("call", "call", "closure", "list", "global", "method")))
    event("driver: " + action)
    if action == "call":
        return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Call(item, tuple(draw(lists(constants(), 0, 1))))))
    if action == "closure":
        return ir.ProbeClosure(LABEL, item)
    if action == "list":  # run a generator function (or anything callable) to the end
        return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Call(ir.Builtin("list"), (ir.Call(item),))))
    if action == "method":
        method = ir.Call(ir.Attribute(ir.Call(item), draw(names())))
        return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), method))
    return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Name(draw(names()))))


def call_returned(result: ir.Name, index: int | None) -> ir.ProbeCall:
    """probe_call('pN', lambda: t[i]()): even when t is not what was expected, the driver goes on."""
    item: ir.Expr = result if index is None else ir.Subscript(result, index)
    return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Call(item)))


def _returned_count(outer: ir.FunctionDef) -> int:
    """How many things the outer function's return hands back in a tuple or list (0: one)."""
    returns = [s for s in outer.body if isinstance(s, ir.Return)]
    value = returns[-1].value if returns else None
    return len(value.elts) if isinstance(value, (ir.TupleExpr, ir.ListExpr)) else 0


# -- helpers ------------------------------------------------------------------------


def bound_names(body: Sequence[ir.Stmt]) -> set[str]:
    """Names a block's own statements bind (nested blocks' := included, as PEP 572 says)."""
    found: set[str] = set()
    for statement in body:
        if isinstance(statement, (ir.Assign, ir.AugAssign)):
            found |= {statement.target} | _walrus_targets(statement.value)
        elif isinstance(statement, ir.Delete):
            found.add(statement.target)
        elif isinstance(statement, (ir.FunctionDef, ir.ClassDef)):
            found.add(statement.name)
        elif isinstance(statement, ir.For):
            found |= {statement.target} | _walrus_targets(statement.iter) | bound_names(statement.body)
        elif isinstance(statement, ir.Try):
            found |= {statement.name} | bound_names(statement.body) | bound_names(statement.handler)
        elif isinstance(statement, (ir.ExprStmt, ir.Yield, ir.Probe, ir.ProbeClosure, ir.Return)) and statement.value:
            found |= _walrus_targets(statement.value)
    return found


def defined_functions(body: Sequence[ir.Stmt]) -> set[str]:
    """Names a block binds to functions, lambdas or classes it defines: its closures."""
    found: set[str] = set()
    for statement in body:
        if isinstance(statement, (ir.FunctionDef, ir.ClassDef)):
            found.add(statement.name)
        elif isinstance(statement, ir.Assign) and isinstance(statement.value, ir.Lambda):
            found.add(statement.target)
        elif isinstance(statement, ir.For):
            found |= defined_functions(statement.body)
        elif isinstance(statement, ir.Try):
            found |= defined_functions(statement.body) | defined_functions(statement.handler)
    return found


def _walrus_targets(expr: ir.Expr) -> set[str]:
    """:= targets that bind in the block evaluating `expr` (comprehensions pass them up)."""
    if isinstance(expr, ir.NamedExpr):
        return {expr.target} | _walrus_targets(expr.value)
    children: tuple[ir.Expr, ...] = ()
    if isinstance(expr, ir.Add):
        children = (expr.left, expr.right)
    elif isinstance(expr, ir.Call):
        children = (expr.func, *expr.args)
    elif isinstance(expr, (ir.TupleExpr, ir.ListExpr)):
        children = expr.elts
    elif isinstance(expr, ir.Comprehension):
        children = (expr.elt,)
    elif isinstance(expr, (ir.Attribute, ir.Subscript)):
        children = (expr.value,)
    found: set[str] = set()
    for child in children:
        found |= _walrus_targets(child)
    return found


def number_probes(module: ir.Module) -> ir.Module:
    """Give every probe a distinct label, p1, p2 ... in source order."""
    counter = iter(range(1, 1_000_000))

    def number(node: ir.Stmt) -> ir.Stmt:
        if isinstance(node, (ir.Probe, ir.ProbeCall, ir.ProbeClosure)):
            return dataclasses.replace(node, label="p%d" % next(counter))
        if isinstance(node, ir.Assign) and isinstance(node.value, ir.ProbeCallValue):
            value = node.value
            return dataclasses.replace(node, value=dataclasses.replace(value, label="p%d" % next(counter)))
        if isinstance(node, (ir.FunctionDef, ir.ClassDef, ir.For)):
            return dataclasses.replace(node, body=tuple(number(s) for s in node.body))
        if isinstance(node, ir.Try):
            body = tuple(number(s) for s in node.body)
            return dataclasses.replace(node, body=body, handler=tuple(number(s) for s in node.handler))
        return node

    return ir.Module(tuple(number(s) for s in module.body))


# -- programs that must not compile (CATALOG area 12) ---------------------------------

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


@cached
def invalid_programs(features: Features) -> st.SearchStrategy[ir.Module]:
    """A valid program with one compile-time scope rule broken in it."""
    possible = [
        violation
        for violation in VIOLATIONS
        if (features.nonlocal_statement or "nonlocal" not in violation) and (features.walrus or ":=" not in violation)
    ]
    return _invalid_programs(Context(features, Emphasis()), tuple(possible))


@st.composite
def _invalid_programs(draw: st.DrawFn, ctx: Context, possible: tuple[str, ...]) -> ir.Module:
    module = draw(_programs(ctx))
    violation = draw(sampled(possible))
    name = draw(names())
    event("violation: " + violation)
    if violation == "nonlocal at module level":
        return ir.Module((ir.Nonlocal((name,)), *module.body))
    index, outer = next((i, s) for i, s in enumerate(module.body) if isinstance(s, ir.FunctionDef))
    param = ir.Param(name)
    iterable = ir.Call(ir.Builtin("range"), (ir.Const(2),))
    broken: tuple[ir.Stmt, ...]
    if violation == "nonlocal with no enclosing binding":  # the outer function is at module level
        broken = (ir.Nonlocal((name,)),)
    elif violation.startswith("parameter declared"):
        outer = dataclasses.replace(outer, params=dataclasses.replace(outer.params, positional=(param,)))
        broken = (ir.Global((name,)) if "global" in violation else ir.Nonlocal((name,)),)
    elif violation == "nonlocal and global":
        broken = (ir.Nonlocal((name,)), ir.Global((name,)))
    elif violation == "assigned before global":
        broken = (ir.Assign(name, ir.Const(1)), ir.Global((name,)))
    elif violation == "used before nonlocal":
        broken = (ir.ExprStmt(ir.Name(name)), ir.Nonlocal((name,)))
    elif violation == ":= in a class-body comprehension":
        comprehension = ir.Comprehension("list", ir.NamedExpr(name, ir.Const(1)), "_", iterable)
        broken = (ir.ClassDef("C", (ir.ExprStmt(comprehension),)),)
    elif violation == ":= rebinding an iteration variable":
        broken = (ir.ExprStmt(ir.Comprehension("list", ir.NamedExpr(name, ir.Const(1)), name, iterable)),)
    else:
        broken = (ir.ExprStmt(ir.Comprehension("list", ir.Name("_"), "_", ir.NamedExpr(name, iterable))),)
    outer = dataclasses.replace(outer, body=(*broken, *outer.body))
    body = list(module.body)
    body[index] = outer
    return number_probes(ir.Module(tuple(body)))
