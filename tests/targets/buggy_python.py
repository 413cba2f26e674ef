"""A Python interpreter with one closure bug seeded in it, to prove the properties can fail.

    python3 buggy_python.py BUG -I /path/to/runner.py
    python3 buggy_python.py BUG+OTHER -I /path/to/runner.py     (two bugs at once)

It is started by the driver like any target (the driver appends `-I runner.py`),
loads the real runner, and rewrites each program (or each observation) the way an
implementation with that bug would behave, before serving the protocol as usual.
"""

from __future__ import annotations

import ast
import builtins
import functools
import importlib.util
import sys
import types
import weakref
from collections.abc import Callable, Iterator, Sequence
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


# -- the scopes of a program, as the compiler's symbol table sees them ----------------

SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)  # statements whose body is a scope of its own


def _own_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """A scope's statements, those in its compound statements' blocks too, not those of the scopes it nests."""
    for statement in body:
        yield statement
        if isinstance(statement, SCOPES):
            continue
        for node in ast.iter_child_nodes(statement):
            if isinstance(node, ast.stmt):
                yield from _own_statements([node])
            elif isinstance(node, (ast.ExceptHandler, ast.match_case)):
                yield from _own_statements(node.body)


def _declared(body: list[ast.stmt]) -> set[str]:
    """The names a scope declares `nonlocal` or `global`."""
    return {name for s in _own_statements(body) if isinstance(s, (ast.Nonlocal, ast.Global)) for name in s.names}


def _scope_bindings(body: list[ast.stmt]) -> set[str]:
    """The names a scope's own statements bind (or delete), declared ones included."""
    bound: set[str] = set()
    pending: list[ast.AST | None] = list(body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.alias):
            bound.add(node.asname or node.name.partition(".")[0])
        # what a nested scope evaluates in this one: a definition's name, decorators, defaults and bases;
        # a comprehension's first iterable; nothing else of theirs
        if isinstance(node, SCOPES):
            bound.add(node.name)
            pending += node.decorator_list
            if isinstance(node, ast.ClassDef):
                pending += [*node.bases, *node.keywords]
            else:
                pending += [*node.args.defaults, *node.args.kw_defaults]
        elif isinstance(node, ast.Lambda):
            pending += [*node.args.defaults, *node.args.kw_defaults]
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            pending.append(node.generators[0].iter)
        elif node is not None:
            pending += ast.iter_child_nodes(node)
    return bound


def _stored(target: ast.AST) -> set[str]:
    """The names a target binds: an assignment target's names, or a pattern's captures."""
    names: set[str] = set()
    for node in ast.walk(target):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
    return names


class TargetsIgnoreDeclarations(ast.NodeTransformer):
    """A name some kind of target binds is local to its scope, whatever the scope declares it (§7.12, §7.13).

    As if the compiler's symbol table, on meeting such a target, marked the name a local of
    the scope and let that win over the scope's `nonlocal` or `global` declaration of it: the
    name is then local throughout the scope, so the declaration is dropped for it. (Reads of
    it before the target runs raise UnboundLocalError; closures capture the local.)
    """

    def __init__(self, targets: Callable[[ast.stmt], Sequence[ast.AST]]) -> None:
        self.targets = targets
        self.local: list[set[str]] = [set()]  # per scope being visited: the declared names it makes local

    def visit(self, node: ast.AST) -> Any:
        if not isinstance(node, SCOPES):  # (at module level `global` changes nothing: no module scope here)
            return super().visit(node)
        targets = [target for statement in _own_statements(node.body) for target in self.targets(statement)]
        names = {name for target in targets for name in _stored(target)}
        self.local.append(names)
        try:
            return super().visit(node)
        finally:
            self.local.pop()

    def visit_Global(self, node: ast.Global | ast.Nonlocal) -> ast.AST:
        node.names = [name for name in node.names if name not in self.local[-1]]
        return node if node.names else ast.Pass()

    visit_Nonlocal = visit_Global


def _with_targets(statement: ast.stmt) -> list[ast.expr]:
    """with-target-ignores-nonlocal: `with m as x` (or `as (x, y)`) makes x local though declared (§8.5: as x = ...)."""
    if isinstance(statement, (ast.With, ast.AsyncWith)):
        return [item.optional_vars for item in statement.items if item.optional_vars is not None]
    return []


def _unpacking_targets(statement: ast.stmt) -> list[ast.expr]:
    """unpacking-ignores-nonlocal: `x, *y = ...`, `for x, y in`, `with m as (x, y)` make x, y local though declared.

    (§7.2 binds each name of a target list as the single target `x = ...` would: as declared.)
    """
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, (ast.For, ast.AsyncFor)):
        targets = [statement.target]
    elif isinstance(statement, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in statement.items if item.optional_vars is not None]
    else:
        targets = []
    return [target for target in targets if isinstance(target, (ast.Tuple, ast.List))]


def _match_targets(statement: ast.stmt) -> list[ast.pattern]:
    """match-capture-ignores-nonlocal: `case x`, `case [*x]`, `case {0: x}`, `case P as x` make x local though declared.

    (§8.6.4.4: a capture binds its name as an assignment does, as the scope declares it; `{**x}`, `C(value=x)` too.)
    """
    if isinstance(statement, ast.Match):
        return [case.pattern for case in statement.cases]
    return []


MISSING = "_seeded_missing"  # the placeholder default of defaults-at-call-time: a module global


class DefaultsAtCallTime(ast.NodeTransformer):
    """Default values are evaluated at each call that lacks the argument, in the function's own scope (§8.7).

    As if the compiler desugared `def f(a=E)` into the idiom `def f(a=MISSING): if a is MISSING: a = E`:
    E sees the current values of enclosing variables, the function's own parameters and locals
    (a parameter not yet given its default holds the placeholder), and never the class body a
    method is defined in.
    """

    def visit_Module(self, node: ast.Module) -> ast.AST:
        self.generic_visit(node)
        made = ast.Assign([ast.Name(MISSING, ast.Store())], ast.Call(ast.Name("object", ast.Load()), [], []))
        future = [s for s in node.body if isinstance(s, ast.ImportFrom) and s.module == "__future__"]
        node.body.insert(len(future), made)  # future imports must come first
        return node

    @staticmethod
    def _late(args: ast.arguments) -> list[tuple[str, ast.expr]]:
        """Each parameter's default, in order, replaced by the placeholder."""
        positional = [*args.posonlyargs, *args.args][len(args.posonlyargs) + len(args.args) - len(args.defaults) :]
        late = list(zip([a.arg for a in positional], args.defaults, strict=True))
        late += [(a.arg, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None]
        args.defaults = [ast.Name(MISSING, ast.Load()) for _ in args.defaults]
        args.kw_defaults = [None if d is None else ast.Name(MISSING, ast.Load()) for d in args.kw_defaults]
        return late

    @staticmethod
    def _missing(name: str) -> ast.expr:
        return ast.Compare(ast.Name(name, ast.Load()), [ast.Is()], [ast.Name(MISSING, ast.Load())])

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.AST:
        self.generic_visit(node)
        filled = [ast.If(self._missing(name), [ast.Assign([ast.Name(name, ast.Store())], default)], [])
                  for name, default in self._late(node.args)]  # fmt: skip
        # after the body's declarations: a name may not be used before its `global` or `nonlocal`
        declarations = (ast.Global, ast.Nonlocal)
        start = next((i for i, s in enumerate(node.body) if not isinstance(s, declarations)), len(node.body))
        node.body[start:start] = filled
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        self.generic_visit(node)
        # `lambda a=MISSING: ((a := E) if a is MISSING else a, body)[-1]`: := binds in the lambda itself
        filled: list[ast.expr] = [
            ast.IfExp(
                self._missing(name), ast.NamedExpr(ast.Name(name, ast.Store()), default), ast.Name(name, ast.Load())
            )
            for name, default in self._late(node.args)
        ]
        if filled:
            node.body = ast.Subscript(ast.Tuple([*filled, node.body], ast.Load()), ast.Constant(-1), ast.Load())
        return node


UNMANGLED = "__unmangled__"  # `__p` as private-names-unmangled spells it where nothing mangles it


def _private(identifier: str) -> bool:
    return identifier.startswith("__") and not identifier.endswith("__")


class UnmangledInFunctions(ast.NodeTransformer):
    """Private names are mangled in a class body, not in the scopes nested in it (§6.2.1: all code in the class).

    As if the compiler forgot the class it is in whenever it starts compiling a function, a
    lambda or a comprehension: a method's `__p` (a parameter, a local, a name it reads, an
    attribute) is then plain `__p`, found in the enclosing function or the globals where
    Python looks for `_C__p`. CPython mangles a name wherever a class encloses it, so every
    `__p` it must not mangle (all but those of class bodies themselves) is renamed to
    `__p__unmangled__`, which ends in two underscores and so is never mangled; rewrite_result
    spells it `__p` again. Keyword argument names are never mangled: renamed everywhere.
    """

    def __init__(self) -> None:
        self.in_class = False  # the code being visited is a class body's own

    def _name(self, identifier: str) -> str:
        return identifier + UNMANGLED if not self.in_class and _private(identifier) else identifier

    def _inside(self, in_class: bool, nodes: list[Any]) -> None:
        """Visit nodes as code of a class body (or not)."""
        outer, self.in_class = self.in_class, in_class
        for node in nodes:
            if node is not None:
                self.visit(node)
        self.in_class = outer

    def _parameters(self, args: ast.arguments) -> None:
        self._inside(self.in_class, [*args.defaults, *args.kw_defaults])  # evaluated where the definition is
        for arg in (*args.posonlyargs, *args.args, args.vararg, *args.kwonlyargs, args.kwarg):
            if arg is not None:
                arg.arg = arg.arg + UNMANGLED if _private(arg.arg) else arg.arg  # the function's names: unmangled

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.AST:
        node.name = self._name(node.name)
        self._inside(self.in_class, [*node.decorator_list, node.returns])
        self._parameters(node.args)
        self._inside(False, [*node.body])
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        self._parameters(node.args)
        self._inside(False, [node.body])
        return node

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp) -> ast.AST:
        first, *rest = node.generators
        self._inside(self.in_class, [first.iter])  # evaluated in the enclosing scope
        parts = [node.elt] if not isinstance(node, ast.DictComp) else [node.key, node.value]
        self._inside(False, [first.target, *first.ifs, *rest, *parts])
        return node

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        node.name = self._name(node.name)
        self._inside(self.in_class, [*node.decorator_list, *node.bases, *node.keywords])
        self._inside(True, [*node.body])
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        node.id = self._name(node.id)
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        node.attr = self._name(node.attr)
        return self.generic_visit(node)

    def visit_keyword(self, node: ast.keyword) -> ast.AST:
        node.arg = node.arg + UNMANGLED if node.arg and _private(node.arg) else node.arg
        return self.generic_visit(node)

    def visit_Global(self, node: ast.Global | ast.Nonlocal) -> ast.AST:
        node.names = [self._name(name) for name in node.names]
        return node

    visit_Nonlocal = visit_Global

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> ast.AST:
        node.name = node.name and self._name(node.name)
        return self.generic_visit(node)

    def visit_alias(self, node: ast.alias) -> ast.AST:
        node.asname = node.asname and self._name(node.asname)
        return node


def _unmangled(value: Any) -> Any:
    """What private-names-unmangled reports: `__p__unmangled__` spelled `__p`, in every string."""
    if isinstance(value, str):
        return value.replace(UNMANGLED, "")
    if isinstance(value, list):
        return [_unmangled(item) for item in value]
    if isinstance(value, dict):
        return {_unmangled(key): _unmangled(item) for key, item in value.items()}
    return value


class BasesInClassScope(ast.NodeTransformer):
    """A class's bases are evaluated in its own scope, as the first thing its body does (§8.8: in the enclosing one).

    A base named like something the class body binds is then looked up in the (still empty)
    class namespace and the globals, skipping the enclosing function's variable (or the
    enclosing class body's); a base the body declares global is read from the globals.
    Made by evaluating the bases in a class of their own, with the body's declarations and
    bindings, named so that private names mangle alike; decorators are evaluated first, as before.
    """

    def __init__(self) -> None:
        self.serial = 0

    def _visit_body(self, body: list[ast.stmt]) -> list[ast.stmt]:
        rewritten: list[ast.stmt] = []
        for statement in body:
            result = self.visit(statement)
            rewritten += result if isinstance(result, list) else [result]
        return rewritten

    def generic_visit(self, node: ast.AST) -> ast.AST:
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                setattr(node, field, self._visit_body(block))
        for handler in getattr(node, "handlers", ()):
            handler.body = self._visit_body(handler.body)
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> Any:
        self.generic_visit(node)
        if not node.bases:
            return node
        declarations = [s for s in _own_statements(node.body) if isinstance(s, (ast.Global, ast.Nonlocal))]
        read = {n.id for base in node.bases for n in ast.walk(base) if isinstance(n, ast.Name)}
        local = sorted((_scope_bindings(node.body) - _declared(node.body)) & read)
        # bound after the bases are read, as the class body binds them: they make those names the body's own
        bindings = [ast.Assign([ast.Name(name, ast.Store())], ast.Constant(None)) for name in local]
        evaluate = ast.Assign([ast.Name("_seeded_bases", ast.Store())], ast.Tuple(node.bases, ast.Load()))
        scope = "_" + node.name  # mangles private names as node.name does: leading underscores are stripped
        statements: list[ast.stmt] = []
        hoisted: list[ast.expr] = []
        for decorator in node.decorator_list:
            self.serial += 1
            statements.append(ast.Assign([ast.Name("_seeded_decorator_%d" % self.serial, ast.Store())], decorator))
            hoisted.append(ast.Name("_seeded_decorator_%d" % self.serial, ast.Load()))
        statements.append(
            ast.ClassDef(scope, bases=[], keywords=[], body=[*declarations, evaluate, *bindings], decorator_list=[])
        )
        node.decorator_list = hoisted
        node.bases = [ast.Starred(ast.Attribute(ast.Name(scope, ast.Load()), "_seeded_bases", ast.Load()), ast.Load())]
        return [*statements, node]


COPYING = "_seeded_copying"  # async-closure-stale's decorator: a builtin of the seeded interpreter (main)


class CoroutinesCopyFreeVariables(ast.NodeTransformer):
    """A coroutine runs on copies of its free variables made when it is created, not on the variables (§4.2.2, §8.9.1).

    As if the compiler, making a coroutine's frame when its `async def` function is called,
    filled the frame's free-variable slots with the values of the function's cells instead of
    the cells: the coroutine, and the closures it makes, then read and rebind those copies.
    What other code binds to the variables after the coroutine was made (a function it calls,
    a coroutine it awaits that is not its own) is not seen by it, and what it binds to a
    `nonlocal` name is not seen by anyone else. Made by decorating every `async def` with
    `copying` (innermost, so the function's own decorators see the copying function); probe_closure
    is shown the function inside, whose closure the seeded implementation would show (a program
    reading __closure__ itself sees the wrapper's).
    """

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AST:
        self.generic_visit(node)
        node.decorator_list.append(ast.Name(COPYING, ast.Load()))
        return node


def _copy_cell(cell: types.CellType) -> types.CellType:
    try:
        return types.CellType(cell.cell_contents)
    except ValueError:  # an empty cell (its variable unbound): the copy is empty too
        return types.CellType()


COPIES: weakref.WeakSet[Callable[..., Any]] = weakref.WeakSet()  # the functions `copying` made


def copying(function: types.FunctionType) -> Callable[..., Any]:
    """The coroutine function as async-closure-stale calls it: each call runs a copy of it, on copied cells."""

    @functools.wraps(function)
    def create(*args: Any, **kwargs: Any) -> Any:
        cells = tuple(_copy_cell(cell) for cell in function.__closure__ or ())
        copy = types.FunctionType(function.__code__, function.__globals__, function.__name__,
                                  function.__defaults__, cells or None)  # fmt: skip
        copy.__kwdefaults__ = function.__kwdefaults__
        copy.__qualname__ = function.__qualname__
        return copy(*args, **kwargs)

    COPIES.add(create)
    return create


def _unwrapped(value: Any) -> Any:
    """What probe_closure is shown of a value: a coroutine function, not the wrapper `copying` made of it."""
    try:
        return value.__wrapped__ if value in COPIES else value
    except TypeError:  # unhashable: not a function
        return value


class SentValueDropped(ast.NodeTransformer):
    """`x = yield v` binds None, whatever was sent in (§6.2.9.1: the value sent becomes the yield's result).

    As if resuming a generator with send(value) dropped the value, as next() would: every
    `yield` expression evaluates to None. `yield from` still hands its delegate what is sent
    (the yields in a delegate that is a generator of the program give None too).
    """

    def visit_Yield(self, node: ast.Yield) -> ast.AST:
        self.generic_visit(node)
        # `((yield v), None)[1]`: suspends and resumes as `yield v` does; its value is None
        return ast.Subscript(ast.Tuple([node, ast.Constant(None)], ast.Load()), ast.Constant(1), ast.Load())


class SuperFromTheInstance(ast.NodeTransformer):
    """Zero-argument super() takes its class from the object, as super(type(self), self) would: the MRO
    search starts after the object's own class, not after the class whose body defined the method
    (Data model 3.3.3.6: the implicit __class__ reference). In a subclass's instance a base method's
    super() then finds the base method again, or a method of the subclass's other bases."""

    def __init__(self) -> None:
        self.first: list[str | None] = []  # the first positional parameter of each enclosing function

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> ast.AST:
        positional = [*node.args.posonlyargs, *node.args.args]
        self.first.append(positional[0].arg if positional else None)
        self.generic_visit(node)
        self.first.pop()
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        zero_argument = isinstance(node.func, ast.Name) and node.func.id == "super" and not node.args
        if zero_argument and self.first and self.first[-1] is not None:
            obj = ast.Name(self.first[-1], ast.Load())
            node.args = [ast.Call(ast.Name("type", ast.Load()), [obj], []), ast.Name(self.first[-1], ast.Load())]
        return node


class ClassCellOnlyInMethods(ast.NodeTransformer):
    """__class__ is known in a method's own body only: a function, lambda or comprehension nested in
    the method that reads it gets NameError (Data model 3.3.3.6: the implicit __class__ reference is
    a closure reference, which scopes nested in the method reach like any free variable)."""

    def __init__(self) -> None:
        self.levels: list[str] = []  # "class", "method" or "nested", innermost last

    def _scope(self, node: ast.AST, kind: str) -> ast.AST:
        self.levels.append(kind)
        self.generic_visit(node)
        self.levels.pop()
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        return self._scope(node, "class")

    def _function(self, node: ast.AST) -> ast.AST:
        return self._scope(node, "method" if self.levels and self.levels[-1] == "class" else "nested")

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function
    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _function

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id == "__class__" and isinstance(node.ctx, ast.Load) and self.levels[-1:] == ["nested"]:
            return ast.copy_location(ast.Name("__class_of_the_method__", ast.Load()), node)
        return node


class TypeParametersLeak(ast.NodeTransformer):
    """A generic function's type parameters are also bound in the scope that defines it (§4.2.4: they
    live in an annotation scope of their own): after `def g[T]()`, T there is the type variable.
    Runs where the interpreter under the seeded one parses PEP 695 (3.12 or newer)."""

    def visit_FunctionDef(self, node: ast.FunctionDef) -> Any:
        self.generic_visit(node)
        leaks: list[ast.stmt] = []
        for index, param in enumerate(getattr(node, "type_params", ())):
            params = ast.Attribute(ast.Name(node.name, ast.Load()), "__type_params__", ast.Load())
            leaked = ast.Subscript(params, ast.Constant(index), ast.Load())
            leak = ast.Assign([ast.Name(param.name, ast.Store())], leaked)
            ignored = [ast.ExceptHandler(None, None, [ast.Pass()])]  # (a decorator may have hidden them)
            leaks.append(ast.Try([leak], ignored, [], []))
        return [node, *leaks]  # (NodeTransformer splices a list into the body it came from)


class EagerTypeAliases(ast.NodeTransformer):
    """`type X = value` evaluates the value at once, as an assignment would (§7.14 and §4.2.5: it is
    evaluated lazily, when X.__value__ is first read, and sees the variables' values then)."""

    def visit_Module(self, node: ast.Module) -> ast.AST:
        self.generic_visit(node)
        helper = ast.parse("class TypeAliasType:\n    def __init__(self, value):\n        self.__value__ = value\n")
        node.body[:0] = helper.body
        return node

    def visit_TypeAlias(self, node: ast.AST) -> ast.AST:
        self.generic_visit(node)
        eager = ast.Call(ast.Name("TypeAliasType", ast.Load()), [node.value], [])  # type: ignore[attr-defined]
        return ast.copy_location(ast.Assign([node.name], eager), node)  # type: ignore[attr-defined]


def _is_locals_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "locals"


class LocalsWithoutFreeVariables(ast.NodeTransformer):
    """locals() in a function leaves out its free variables (Library locals: "Free variables are
    returned by locals() when it is called in function blocks")."""

    def visit_Module(self, node: ast.Module) -> ast.AST:
        self.generic_visit(node)
        helper = ast.parse(
            "import sys as _sys\n"
            "def _without(names, free):\n"
            "    return {name: value for name, value in names.items() if name not in free}\n"
        )
        node.body[:0] = helper.body
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if not _is_locals_call(node):
            return node
        free = ast.parse("_sys._getframe().f_code.co_freevars", mode="eval").body
        return ast.copy_location(ast.Call(ast.Name("_without", ast.Load()), [node, free], []), node)


class ComprehensionLocalsBeforePep709(ast.NodeTransformer):
    """locals() in a list, set or dict comprehension lists the comprehension's own names only, as
    before 3.12 (PEP 709: from 3.12 it lists the function's variables too). Seeded in a 3.12+ interpreter."""

    def __init__(self) -> None:
        self.targets: list[set[str]] = []  # the names each enclosing comprehension binds

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.DictComp) -> ast.AST:
        names = {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
        self.targets.append(names)
        self.generic_visit(node)
        self.targets.pop()
        return node

    visit_ListComp = visit_SetComp = visit_DictComp = _comprehension

    def _scope(self, node: ast.AST) -> ast.AST:
        saved, self.targets = self.targets, []  # a nested function or generator expression: its own locals()
        self.generic_visit(node)
        self.targets = saved
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _scope

    def visit_GeneratorExp(self, node: ast.GeneratorExp) -> ast.AST:
        first = node.generators[0]
        first.iter = self.visit(first.iter)  # (evaluated in the enclosing scope)
        saved, self.targets = self.targets, []
        node.elt = self.visit(node.elt)
        for index, generator in enumerate(node.generators):
            generator.target = self.visit(generator.target)
            if index:
                generator.iter = self.visit(generator.iter)
            generator.ifs = [self.visit(test) for test in generator.ifs]
        self.targets = saved
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if not _is_locals_call(node) or not self.targets:
            return node
        own = ast.Tuple([ast.Constant(name) for name in sorted(self.targets[-1])], ast.Load())
        keep = ast.parse("{_n: _v for _n, _v in locals().items() if _n in ()}", mode="eval").body
        assert isinstance(keep, ast.DictComp) and isinstance(keep.generators[0].ifs[0], ast.Compare)
        keep.generators[0].ifs[0].comparators = [own]
        return ast.copy_location(keep, node)


class ClassAnnotationScopesSkipTheClass(ast.NodeTransformer):
    """A type alias made in a class body evaluates its value without the class's names, as a function
    nested in the class would (§4.2.4: an annotation scope in a class sees the names the class defines).
    Made by evaluating the value in a lambda, which 3.13 allows there. Seeded in a 3.13+ interpreter."""

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        self.generic_visit(node)
        for statement in node.body:
            if type(statement).__name__ == "TypeAlias":
                value = statement.value  # type: ignore[attr-defined]
                skipping = ast.Lambda(ast.arguments([], [], None, [], [], None, []), value)
                statement.value = ast.Call(skipping, [], [])  # type: ignore[attr-defined]
        return node


SOURCE_BUGS: dict[str, Callable[[], ast.NodeTransformer]] = {
    "early-binding": EarlyBinding,
    "nonlocal-ignored": lambda: IgnoreDeclarations(ast.Nonlocal),
    "global-ignored": lambda: IgnoreDeclarations(ast.Global),
    "except-name-kept": KeepExceptName,
    "class-body-in-globals": ClassBodyInGlobals,
    "comprehension-leaks": LeakingComprehensions,
    "with-target-ignores-nonlocal": lambda: TargetsIgnoreDeclarations(_with_targets),
    "unpacking-ignores-nonlocal": lambda: TargetsIgnoreDeclarations(_unpacking_targets),
    "defaults-at-call-time": DefaultsAtCallTime,
    "private-names-unmangled": UnmangledInFunctions,
    "class-bases-in-class-scope": BasesInClassScope,
    "match-capture-ignores-nonlocal": lambda: TargetsIgnoreDeclarations(_match_targets),
    "async-closure-stale": CoroutinesCopyFreeVariables,
    "yield-expression-drops-sent-value": SentValueDropped,
    "super-from-the-instance": SuperFromTheInstance,
    "class-cell-only-in-methods": ClassCellOnlyInMethods,
    "type-parameters-leak": TypeParametersLeak,
    "eager-type-aliases": EagerTypeAliases,
    "locals-without-free-variables": LocalsWithoutFreeVariables,
    "comprehension-locals-before-pep-709": ComprehensionLocalsBeforePep709,
    "class-annotation-scopes-skip-the-class": ClassAnnotationScopesSkipTheClass,
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
    if bug == "private-names-unmangled":
        result = _unmangled(result)
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
# An implementation of Python 3.14 that kept the eager annotations of 3.13 (PEP 649 not done): a
# CPython before 3.14 that says it implements 3.14. It evaluates annotations when the definition
# runs; 3.14 evaluates them when __annotations__ is first read. (3.14 changed no other rule the
# model knows: conformance/model/versions.py.)
VERSION_BUGS = {"eager-annotations": [3, 14, 0]}
BUGS = (*SOURCE_BUGS, *OBSERVATION_BUGS, *COMPILE_BUGS, *VERSION_BUGS)


def main() -> None:
    bugs, runner_path = sys.argv[1].split("+"), sys.argv[-1]
    for bug in bugs:
        if bug not in BUGS:
            raise SystemExit("unknown bug %r; one of %s" % (bug, ", ".join(BUGS)))
    spec = importlib.util.spec_from_file_location("runner", runner_path)
    assert spec is not None and spec.loader is not None
    runner: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    real_run_program = runner.run_program
    if "async-closure-stale" in bugs:
        setattr(builtins, COPYING, copying)  # before the runner's first program: a builtin it keeps, as it found it
        closure_facts = runner.closure_facts
        runner.closure_facts = lambda function, cell_facts: closure_facts(_unwrapped(function), cell_facts)

    def run_program(program_id: str, source: str, filename: str = "<program>") -> dict[str, Any]:
        for bug in bugs:
            if bug in SOURCE_BUGS:
                source = rewrite_source(bug, source)
        result = real_run_program(program_id, source, filename)
        if "scope-errors-accepted" in bugs and result.get("compile_error", {}).get("type") == "SyntaxError":
            result = real_run_program(program_id, "", filename)  # compiles what it should reject
        for bug in bugs:
            result = rewrite_result(bug, result)
        return result

    runner.run_program = run_program
    versioned = [bug for bug in bugs if bug in VERSION_BUGS]
    if versioned:
        bug = versioned[0]
        real_hello = runner.hello
        claimed = VERSION_BUGS[bug]

        def hello() -> dict[str, Any]:
            info: dict[str, Any] = real_hello()
            if tuple(info["version"][:2]) >= tuple(claimed[:2]):
                raise SystemExit("%s needs an interpreter older than the version it claims" % bug)
            return {**info, "version": claimed, "language": "%d.%d" % tuple(claimed[:2])}

        runner.hello = hello
    runner.serve()


if __name__ == "__main__":
    main()
