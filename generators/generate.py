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

POOL = ("a", "b", "f", "g")  # every name a program binds or reads
MAX_DEPTH = 4  # function nesting levels
RESULT = "t"  # the module-level name holding what the outer function returned
SECOND = "u"  # ... and what a second call returned


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

    def binding_targets(self) -> tuple[str, ...]:
        """Names to bind, declared ones twice as likely: a declaration should matter."""
        return (*self.declared, *self.declared, *self.targets)

    def walrus_targets(self) -> tuple[str, ...]:
        """Where := may bind from this block's expressions (PEP 572)."""
        return self.targets if self.kind == "function" else ()


MODULE = Block("module", POOL, (), 0)


@dataclass(frozen=True)
class _Tables:
    """The options of each weighted decision, each listed as many times as its weight."""

    ctx: Context
    expression: tuple[str, ...]
    expression_walrus: tuple[str, ...]  # where := may bind
    simple_statement: tuple[str, ...]

    @functools.cache  # noqa: B019  (a handful of tables, kept for the life of the process)
    def statement(self, nested: bool, in_function: bool, generator: bool) -> tuple[str, ...]:
        emphasis = self.ctx.emphasis
        options = ["simple"]
        if nested:
            options += ["function"] * emphasis.nested + ["class"] * emphasis.klass
        if in_function:
            options += ["comprehension"] * emphasis.comprehension
        options += ["loop"] * emphasis.loop + ["try"] * emphasis.try_
        if generator:
            options.append("yield")
        return tuple(options)


@functools.cache
def _tables(ctx: Context) -> _Tables:
    emphasis = ctx.emphasis
    expression = ("const", "name", "add-const", "call", "subscript", "tuple", *["lambda"] * emphasis.lambda_,
                  *["comprehension"] * emphasis.comprehension, "add")  # fmt: skip
    simple = ("assign", "augmented", *["delete"] * emphasis.delete, *["probe"] * emphasis.probe,
              *["closure-probe"] * emphasis.closure_probe, "call-probe")  # fmt: skip
    walrus = (*expression, "walrus") if ctx.features.walrus else expression
    return _Tables(ctx, expression, walrus, simple)


class _Generator:
    """The decisions of one program; every method draws through self.choices."""

    def __init__(self, choices: Choices, ctx: Context) -> None:
        self.choices = choices
        self.ctx = ctx
        self.emphasis = ctx.emphasis
        self.tables = _tables(ctx)
        self.depth_limit = ctx.max_depth

    def kind(self, options: tuple[str, ...]) -> str:
        """One of the options; one listed n times is n times as likely; the first is the simplest."""
        return options[self.choices.below(len(options))]

    # -- expressions ---------------------------------------------------------------

    def name(self) -> str:
        return sample(self.choices, POOL)

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
            return ir.Add(self.name_expr(), self.constant())
        if kind == "call":
            return ir.Call(self.name_expr())
        if kind == "subscript":
            return ir.Subscript(self.name_expr(), self.choices.below(2))
        if kind == "tuple":
            return ir.TupleExpr(tuple(repeat(self.choices, 1, 2, self.name_expr)))
        if kind == "lambda":
            return self.lambda_(depth - 1)
        if kind == "comprehension":
            return self.comprehension(walrus, depth - 1)
        if kind == "add":
            return ir.Add(self.expression(walrus, depth - 1), self.expression(walrus, depth - 1))
        return ir.NamedExpr(sample(self.choices, sorted(walrus)), self.expression(walrus, depth - 1))

    def lambda_(self, depth: int) -> ir.Lambda:
        # := in a lambda binds in the lambda itself (PEP 572): any name will do
        return ir.Lambda(self.parameters(allow_star=False), self.expression(POOL, depth))

    def comprehension(self, walrus: tuple[str, ...], depth: int) -> ir.Comprehension:
        kind = sample(self.choices, ("list", "gen", "set", "dict"))
        # Half the time the iteration variable shadows a name of the enclosing function (where
        # := may bind, the function's own names): its isolation is then what the program shows.
        shadowing = bool(walrus) and boolean(self.choices)
        target = sample(self.choices, walrus) if shadowing else self.name()
        iterable = self.iterable()  # never := here: a SyntaxError (PEP 572)
        if boolean(self.choices):  # a closure per iteration: all of them share the variable
            elt: ir.Expr = ir.Lambda(ir.Params(), ir.Name(sample(self.choices, (target, *POOL))))
        else:  # := may not rebind the iteration variable
            elt = self.expression(tuple(n for n in walrus if n != target), depth)
        # dict keys are the iteration variable: key-before-value order is only specified from 3.8
        key = ir.Name(target) if kind == "dict" else None
        self.choices.note("comprehension: " + kind)
        return ir.Comprehension(kind, elt, target, iterable, key)

    def parameters(self, name_defaults: bool = True, allow_star: bool = True) -> ir.Params:
        chosen = distinct(self.choices, POOL, 0, 2)
        positional = []
        defaults_started = False
        for name in chosen:
            defaults_started = defaults_started or boolean(self.choices)
            default = (self.simple_value() if name_defaults else self.constant()) if defaults_started else None
            positional.append(ir.Param(name, default))
        rest = [name for name in POOL if name not in chosen]
        vararg = None
        kwonly: tuple[ir.Param, ...] = ()
        if allow_star and chance(self.choices, 1, 6):
            vararg = sample(self.choices, rest)
            rest.remove(vararg)
            self.choices.note("params: *args")
        if allow_star and chance(self.choices, 1, 6):
            kwonly = (ir.Param(sample(self.choices, rest), self.constant()),)
            self.choices.note("params: keyword-only")
        return ir.Params(tuple(positional), vararg, kwonly)

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
        kind = self.kind(self.tables.simple_statement)
        self.choices.note("statement: " + kind)
        if kind == "assign":
            return ir.Assign(sample(self.choices, block.binding_targets()), self.expression(block.walrus_targets()))
        if kind == "augmented":
            return ir.AugAssign(sample(self.choices, block.binding_targets()), self.constant())
        if kind == "delete":
            return ir.Delete(sample(self.choices, block.binding_targets()))
        if kind == "probe":
            return self.probe()
        if kind == "closure-probe":
            return ir.ProbeClosure(LABEL, self.name_expr())
        # a call in a body is observed and cannot abort the body: mutators, closures
        return ir.ProbeCall(LABEL, self.name_expr())

    def statement(self, block: Block) -> ir.Stmt:
        start = self.choices.position()
        statement = self._statement(block)
        self.choices.span(start)
        return statement

    def _statement(self, block: Block) -> ir.Stmt:
        nested = block.depth < self.depth_limit
        kind = self.kind(self.tables.statement(nested, block.kind == "function", block.generator))
        if kind == "simple":
            return self.simple_statement(block)
        if kind == "function":
            return self.function(block)
        if kind == "class":
            return self.klass(block)
        if kind == "comprehension":  # x = [... for v in ...]: the comprehension's scope against the function's
            return ir.Assign(sample(self.choices, block.targets), self.comprehension(block.walrus_targets(), 1))
        if kind == "loop":
            return self.loop(block)
        if kind == "try":
            return self.try_(block)
        return ir.Yield(self.expression(block.walrus_targets(), 1))

    def body(self, block: Block) -> list[ir.Stmt]:
        return repeat(self.choices, 0, 4, lambda: self.statement(block))

    def loop(self, block: Block) -> ir.For:
        """A for loop, usually one that makes a closure per iteration."""
        target = sample(self.choices, block.targets)
        iterable = self.iterable()
        body: list[ir.Stmt] = []
        for _ in range(between(self.choices, 1, 2)):
            store = sample(self.choices, block.targets)
            kind = self.choices.below(4)
            if kind == 0:  # late binding: every closure reads the variable's last value
                body.append(ir.Assign(store, ir.Lambda(ir.Params(), ir.Name(target))))
            elif kind == 1:  # a default argument snapshots the value of this iteration
                snapshot = ir.Params((ir.Param(target, ir.Name(target)),))
                body.append(ir.Assign(store, ir.Lambda(snapshot, ir.Name(target))))
            elif kind == 2:
                closure = ir.Lambda(ir.Params(), ir.Name(target))
                body.append(ir.ExprStmt(ir.Call(ir.Attribute(ir.Name(store), "append"), (closure,))))
            else:
                body.append(self.simple_statement(block))
        if block.generator and boolean(self.choices):
            body.append(ir.Yield(ir.Name(target)))
        self.choices.note("statement: For")
        return ir.For(target, iterable, tuple(body))

    def try_(self, block: Block) -> ir.Try:
        """try/except ... as: a closure made in the handler captures the name about to be cleared."""
        name = sample(self.choices, block.targets)
        raising = ir.Raise(self.constant()) if boolean(self.choices) else self.simple_statement(block)
        # No yield in a handler: when a generator suspended there is collected is GC-timed.
        plain = dataclasses.replace(block, generator=False)
        handler: list[ir.Stmt] = []
        for _ in range(between(self.choices, 1, 2)):
            if boolean(self.choices):
                handler.append(ir.Assign(sample(self.choices, block.targets), ir.Lambda(ir.Params(), ir.Name(name))))
            else:
                statement = self.simple_statement(plain)
                if isinstance(statement, ir.Delete) and statement.target == name:
                    # §8.4 clears the name with `del`; unbinding it first is read differently
                    # by the Reference and by CPython (`N = None; del N`), so leave it out.
                    statement = ir.Assign(name, ir.Const(0))
                handler.append(statement)
        self.choices.note("statement: Try")
        return ir.Try((raising,), name, tuple(handler))

    def function(self, block: Block) -> ir.FunctionDef:
        return self.function_definition(block, sample(self.choices, block.targets))

    def function_definition(self, parent: Block, name: str, method: bool = False, nested: int = 0) -> ir.FunctionDef:
        """A function; `nested` is how many nested functions its body defines at least."""
        choices = self.choices
        params = self.parameters(name_defaults=parent.depth > 0)
        if method:
            params = dataclasses.replace(params, positional=(ir.Param("self"), *params.positional))
        param_names = set(params.names()) - {"self"}
        nonlocals: list[str] = []
        candidates = sorted(set(parent.nonlocal_ok) - param_names)
        if self.ctx.features.nonlocal_statement and candidates and chance(choices, self.emphasis.nonlocal_, 5):
            nonlocals = distinct(choices, candidates, 1, 2)
            choices.note("declaration: nonlocal")
        global_candidates = sorted(set(POOL) - param_names - set(nonlocals))
        globals_: list[str] = []
        if global_candidates and chance(choices, self.emphasis.global_, 7):
            globals_ = [sample(choices, global_candidates)]
            choices.note("declaration: global")
        local_candidates = sorted(set(POOL) - param_names - set(nonlocals) - set(globals_))
        locals_: list[str] = []
        if local_candidates:
            locals_ = distinct(choices, local_candidates, 0, 3)
            if not (param_names or nonlocals or globals_ or locals_):
                locals_ = [sample(choices, local_candidates)]  # a block needs a name it may bind
        outer = parent.kind == "module"  # the function the driver calls
        generator = not outer and chance(choices, self.emphasis.generator, 10)
        targets = param_names | set(nonlocals) | set(globals_) | set(locals_)
        nonlocal_ok = (set(parent.nonlocal_ok) - set(globals_)) | param_names | set(nonlocals) | set(locals_)
        declared = tuple(sorted(set(nonlocals) | set(globals_)))
        inner = Block("function", tuple(sorted(targets)), tuple(sorted(nonlocal_ok)), parent.depth + 1, generator,
                      declared)  # fmt: skip
        body = self.body(inner)
        for _ in range(nested):  # at chosen places in the body
            body.insert(choices.below(len(body) + 1), self.function(inner))
        if declared:  # a declaration should matter: update a declared name (reading it first)
            update = ir.AugAssign(sample(choices, declared), self.constant())
            body.insert(choices.below(len(body) + 1), update)
        # Bind most planned locals first, so that most reads succeed and the body runs on;
        # the rest are bound where the body binds them, or at its end (a later binding still
        # makes the name local: reading it before then raises UnboundLocalError).
        early = [local for local in locals_ if not chance(choices, 1, 4)]
        body = [ir.Assign(local, self.initial_value()) for local in early] + body
        if generator:
            body.append(ir.Yield(self.expression((), 1)))
            choices.note("function: generator")
        defined = tuple(sorted(defined_functions(body)))
        if outer:  # everything it made, for the driver to call, and observers of its variables
            observers = distinct(choices, inner.targets, 1, 2)
            watched = [ir.Lambda(ir.Params(), ir.Name(name)) for name in observers]
            body.append(ir.Return(ir.TupleExpr((*map(ir.Name, defined), *watched))))
        else:
            body.append(self.returns(defined, inner.targets))
        body += [ir.Assign(local, ir.Const(0)) for local in locals_ if local not in bound_names(body)]
        declarations: list[ir.Stmt] = []
        if nonlocals:
            declarations.append(ir.Nonlocal(tuple(nonlocals)))
        if globals_:
            declarations.append(ir.Global(tuple(globals_)))
        decorators: tuple[ir.Expr, ...] = ()
        if not method and parent.depth > 0 and chance(choices, self.emphasis.decorator, 10):
            decorators = (self.name_expr(),)
            choices.note("function: decorated")
        choices.note("function: depth %d" % inner.depth)
        return ir.FunctionDef(name, params, (*declarations, *body), decorators)

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

    def klass(self, block: Block) -> ir.ClassDef:
        choices = self.choices
        name = sample(choices, block.targets)
        members: list[ir.Stmt] = []
        nonlocal_ok = self.ctx.features.nonlocal_statement and block.kind == "function" and block.nonlocal_ok
        if nonlocal_ok and chance(choices, 1, 4):
            members.append(ir.Nonlocal((sample(choices, block.nonlocal_ok),)))
            choices.note("class: nonlocal")
        # Class-body names are class locals; methods skip the class and see the function.
        inner = Block("class", POOL, block.nonlocal_ok, block.depth)
        for _ in range(between(choices, 1, 3)):
            kind = choices.below(3)
            if kind == 0:
                members.append(self.simple_statement(inner))
            elif kind == 1:
                members.append(self.function_definition(inner, self.name(), method=True))
            else:
                members.append(ir.Assign(self.name(), self.comprehension((), 1)))
        choices.note("statement: ClassDef")
        return ir.ClassDef(name, tuple(members))

    # -- whole programs ------------------------------------------------------------

    def program(self) -> ir.Module:
        """A module: some globals, an outer function, and calls of what it returns."""
        choices = self.choices
        # Most names exist as globals too, so a lookup that goes to the wrong scope finds a value.
        prelude = [ir.Assign(name, self.constant()) for name in POOL if chance(choices, 3, 4)]
        # How deep functions nest in this program: shallow programs are as common as deep ones.
        self.depth_limit = between(choices, 2, max(self.ctx.max_depth, 2))
        outer = self.function_definition(MODULE, "f", nested=1)
        # t = probe_call('p1', f): an exception in f is observed, and the driver goes on.
        driver: list[ir.Stmt] = [
            ir.Assign(RESULT, ir.ProbeCallValue(LABEL, ir.Name(outer.name), self.arguments(outer)))
        ]
        two_calls = boolean(choices)
        if two_calls:
            driver.append(ir.Assign(SECOND, ir.ProbeCallValue(LABEL, ir.Name(outer.name), self.arguments(outer))))
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
        for name in distinct(choices, POOL, 1, 2):
            driver.append(ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Name(name))))
        return number_probes(ir.Module((*prelude, outer, *driver)))

    def arguments(self, function: ir.FunctionDef) -> tuple[ir.Expr, ...]:
        required = sum(1 for p in function.params.positional if p.default is None)
        return tuple(repeat(self.choices, required, len(function.params.positional), self.constant))

    def driver_action(self, returned: int, two_calls: bool) -> ir.Stmt:
        """Call or inspect one of the things the outer function returned (0: it returned one)."""
        choices = self.choices
        result = ir.Name(sample(choices, (RESULT, SECOND) if two_calls else (RESULT,)))
        item: ir.Expr = ir.Subscript(result, choices.below(returned)) if returned else result
        action = sample(choices, ("call", "call", "closure", "list", "global", "method"))
        choices.note("driver: " + action)
        if action == "call":
            return ir.ProbeCall(
                LABEL, ir.Lambda(ir.Params(), ir.Call(item, tuple(repeat(choices, 0, 1, self.constant))))
            )
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


def call_returned(result: ir.Name, index: int | None) -> ir.ProbeCall:
    """probe_call('pN', lambda: t[i]()): even when t is not what was expected, the driver goes on."""
    item: ir.Expr = result if index is None else ir.Subscript(result, index)
    return ir.ProbeCall(LABEL, ir.Lambda(ir.Params(), ir.Call(item)))


def _returned_count(outer: ir.FunctionDef) -> int:
    """How many things the outer function's return hands back in a tuple or list (0: one)."""
    returns = [s for s in outer.body if isinstance(s, ir.Return)]
    value = returns[-1].value if returns else None
    return len(value.elts) if isinstance(value, (ir.TupleExpr, ir.ListExpr)) else 0


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


_LEAVES = frozenset({ir.Name, ir.Const, ir.Builtin, ir.Lambda})  # := in a lambda binds in the lambda


def _walrus_targets(expr: ir.Expr) -> set[str]:
    """:= targets that bind in the block evaluating `expr` (comprehensions pass them up)."""
    if type(expr) in _LEAVES:
        return set()
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
        if isinstance(node, ir.ProbeCall):
            return ir.ProbeCall("p%d" % next(counter), node.func, node.args)
        if isinstance(node, ir.ProbeClosure):
            return ir.ProbeClosure("p%d" % next(counter), node.value)
        if isinstance(node, ir.Probe):
            return ir.Probe("p%d" % next(counter), node.value)
        if isinstance(node, ir.Assign) and isinstance(node.value, ir.ProbeCallValue):
            value = node.value
            return ir.Assign(node.target, ir.ProbeCallValue("p%d" % next(counter), value.func, value.args))
        if isinstance(node, ir.FunctionDef):
            return ir.FunctionDef(node.name, node.params, numbered(node.body), node.decorators)
        if isinstance(node, ir.ClassDef):
            return ir.ClassDef(node.name, numbered(node.body))
        if isinstance(node, ir.For):
            return ir.For(node.target, node.iter, numbered(node.body))
        if isinstance(node, ir.Try):
            return ir.Try(numbered(node.body), node.name, numbered(node.handler))
        return node

    def numbered(body: tuple[ir.Stmt, ...]) -> tuple[ir.Stmt, ...]:
        return tuple([number(statement) for statement in body])

    return ir.Module(numbered(module.body))
