"""Deviations where an implementation's translator fails on a whole construct of a valid program.

An implementation that translates Python to another language (Brython: to JavaScript) may fail inside its
translator, always, on a construct the Language Reference allows. Each such failure is a deviation
("behaves as if the construct were not allowed") only where it is exact: the model predicts the failure for
exactly the programs that have the construct, found here by walking the program as that translator does.
Each check asks its switch only when the program has the construct (conformance/model/deviations.py).
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
from collections.abc import Iterator
from typing import Any, TypeVar

from conformance.model.deviations import Switches
from conformance.model.scopes import (
    CELL,
    CLASS_LOCAL,
    FREE,
    GLOBAL_IMPLICIT,
    LOCAL,
    MODULE,
    Analysis,
    Block,
    Unspecified,
    comprehension_variable,
    read_by_its_code,
    translator_globals,
)
from generators import ir

__all__ = ["global_deletions", "translation_failure"]

BUILTIN_NAMES = frozenset(dir(builtins))
JAVASCRIPT_ERROR = {"type": "JavascriptError", "module": "builtins",
                    "mro": ["JavascriptError", "Exception", "BaseException", "object"]}  # fmt: skip


def translation_failure(module: ir.Module, analysis: Analysis, switches: Switches) -> dict[str, Any] | None:
    """The result of a program whose translation fails under a deviation of `switches`, else None."""
    if _nonlocal_read_under_a_try(analysis) and switches.deviates("nonlocal-read-in-a-block-of-a-try-fails-to-compile"):
        message = "Cannot read properties of undefined (reading 'Symbol(ID)')"
        return {"compile_error": dict(JAVASCRIPT_ERROR, message=message)}
    fails, unfollowed = _unplaced_reference(analysis)
    if (fails or unfollowed) and switches.deviates("unplaced-reference-fails-to-compile"):
        if not fails:
            raise Unspecified("a comprehension's target bound in its block by comprehensions only")
        return {
            "compile_error": dict(JAVASCRIPT_ERROR, message="Cannot read properties of undefined (reading 'lineno')")
        }
    if _annotated_def(analysis) and switches.deviates("annotated-def-fails-when-a-code-object-runs"):
        # exec() of the code object fails before the first statement runs: nothing is observed
        return {"observations": [], "error": dict(JAVASCRIPT_ERROR, message="scopes.src.split is not a function")}
    unparsed, _, unfollowed = global_deletions(analysis)
    if (unparsed or unfollowed) and switches.deviates("del-of-a-global-at-the-end-of-a-block-fails"):
        if not unparsed:
            raise Unspecified("a del of a declared global after a jump in its block, which Skulpt's compiler drops")
        # the module's JavaScript does not parse: none of its code runs (the message names what JavaScript met)
        return {
            "observations": [],
            "error": {"type": "JavaScriptError", "module": "builtins", "mro": ["JavaScriptError"]},
        }
    return None


def nodes(node: Any) -> Iterator[Any]:
    """Every IR node in `node`, itself included."""
    yield node
    if isinstance(node, tuple):
        for item in node:
            yield from nodes(item)
    elif hasattr(node, "__dataclass_fields__"):
        for name in node.__dataclass_fields__:
            yield from nodes(getattr(node, name))


def definitions_run_as_the_last(module: ir.Module) -> dict[int, ir.ClassDef | ir.TypeAlias]:
    """Deviation generic-definitions-of-one-name-in-a-block-run-the-last (Brython): each generic class statement
    and type statement (by id) that runs the code of another: the last of those in its statement list that bind
    the same name. Brython compiles each to a JavaScript function declaration, TYPE_PARAMS_OF_<name>, in the
    JavaScript block of the statement list, and calls it where the statement is; JavaScript hoists a block's
    function declarations, the last of one name replacing the others."""
    replaced: dict[int, ir.ClassDef | ir.TypeAlias] = {}
    for part in nodes(module):
        if not isinstance(part, tuple):
            continue
        by_name: dict[str, list[ir.ClassDef | ir.TypeAlias]] = {}
        for statement in part:
            if isinstance(statement, ir.TypeAlias) or (isinstance(statement, ir.ClassDef) and statement.type_params):
                by_name.setdefault(statement.name, []).append(statement)
        for statements in by_name.values():
            replaced.update((id(statement), statements[-1]) for statement in statements[:-1])
    return replaced


def _annotated_def(analysis: Analysis) -> bool:
    """Deviation annotated-def-fails-when-a-code-object-runs: a def with a parameter or return annotation."""
    return any(isinstance(block.node, ir.FunctionDef) and block.node.annotations for block in analysis.blocks.values())


# -- Brython's resolution of a nonlocal name, through the stack of scopes it translates in -------------------
#
# Brython translates with a stack of scopes: one per function, lambda, class body and comprehension, and a
# copy of the current one for the body of an if (and its else, not an elif), of a for loop (with its
# target), and of a while loop (with its test); and one with no syntax tree for a whole try statement (its
# body, handlers, else and finally). Reading a name that the innermost function declares nonlocal (a load,
# `name op= value`, `del name`) searches the stack from the second innermost entry outwards for the block that
# binds the name, and fails on a try statement's entry before it gets there.

_FUNCTION = "function"
_COPY = "copy"
_TRY = "try"
_COMPREHENSION = "comprehension"  # (a list, set or dict comprehension, compiled inline: its targets are its own)


def _nonlocal_read_under_a_try(analysis: Analysis) -> bool:
    """Deviation nonlocal-read-in-a-block-of-a-try-fails-to-compile: whether such a read is in the program."""
    if not any(block.nonlocals for block in analysis.blocks.values()):
        return False  # (no name is declared nonlocal: no such read)
    walker = _NonlocalReads(analysis)
    module = analysis.module.node
    assert isinstance(module, ir.Module)
    walker.statements(module.body, [(_FUNCTION, module)])
    return walker.fails


class _NonlocalReads:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.fails = False

    def read(self, name: str, stack: list[tuple[str, Any]]) -> None:
        for kind, node in reversed(stack):
            if kind == _FUNCTION:
                break
            if kind == _COMPREHENSION and name in node:
                return  # (the comprehension's own variable)
        stack = [(kind, node) for kind, node in stack if kind != _COMPREHENSION]
        function = next(node for kind, node in reversed(stack) if kind == _FUNCTION)
        if function is None or isinstance(function, ir.Module):
            return
        block = self.analysis.blocks.get(id(function))
        if block is None or name not in block.nonlocals:
            return
        if isinstance(function, ir.ClassDef) and function.name == name:
            return  # (never looked up: the class being made, class-body-cannot-read-its-own-name)
        for kind, node in reversed(stack[:-1]):
            if kind == _TRY:
                self.fails = True
                return
            if kind == _FUNCTION:
                outer = self.analysis.blocks.get(id(node))
                if outer is not None and outer.scope.get(name) in (LOCAL, CELL, CLASS_LOCAL, MODULE):
                    return  # the block that binds it: found

    def statements(self, body: tuple[ir.Stmt, ...], stack: list[tuple[str, Any]]) -> None:
        for statement in body:
            self.statement(statement, stack)

    def statement(self, node: ir.Stmt, stack: list[tuple[str, Any]]) -> None:
        copy = [*stack, (_COPY, node)]
        if isinstance(node, ir.If):
            self.expression(node.test, stack)
            self.statements(node.body, copy)
            elif_ = len(node.orelse) == 1 and isinstance(node.orelse[0], ir.If)
            self.statements(node.orelse, stack if elif_ else copy)
        elif isinstance(node, ir.For):
            self.expression(node.iter, stack)
            self.target(node.target, copy)
            self.statements(node.body, copy)
            self.statements(node.orelse, stack)  # (a loop's else clause: in the scope around, as the loop)
        elif isinstance(node, ir.While):
            self.expression(node.test, copy)
            self.statements(node.body, copy)
            self.statements(node.orelse, stack)
        elif isinstance(node, ir.Try):
            inside = [*stack, (_TRY, None)]
            self.statements(node.body, inside)
            for handler in node.handlers:
                self.statements(handler.body, inside)
            self.statements(node.orelse, inside)
            self.statements(node.finalbody, inside)
        elif isinstance(node, ir.FunctionDef):
            for expression in (*node.decorators, *_defaults(node.params), *(a.value for a in node.annotations)):
                self.expression(expression, stack)
            self.statements(node.body, [*stack, (_FUNCTION, node)])
        elif isinstance(node, ir.ClassDef):
            for expression in (*node.decorators, *node.bases, *(k.value for k in node.keywords)):
                self.expression(expression, stack)
            self.statements(node.body, [*stack, (_FUNCTION, node)])
        elif isinstance(node, ir.AugAssign):
            self.target(node.target, stack, read=True)
            self.expression(node.value, stack)
        elif isinstance(node, ir.Delete):
            for target in node.targets:
                # (a target list in parentheses or brackets is compiled to no deletion, and no search:
                # del-of-a-parenthesized-target-list-does-nothing)
                self.target(target, stack, read=not isinstance(target, (ir.TupleExpr, ir.ListExpr)))
        elif isinstance(node, ir.Assign):
            self.expression(node.value, stack)
            for target in node.targets:
                self.target(target, stack)
        elif isinstance(node, ir.With):
            self.expression(node.context, stack)
            if node.target is not None:
                self.target(node.target, stack)
            self.statements(node.body, stack)
        elif isinstance(node, ir.Match):
            self.expression(node.subject, stack)
            for case in node.cases:
                for part in nodes(case.pattern):
                    if isinstance(part, ir.MatchClass):
                        self.expression(part.cls, stack)
                if case.guard is not None:
                    self.expression(case.guard, stack)
                self.statements(case.body, stack)
        elif isinstance(node, ir.Yield):
            self.expression(node.value, stack)
            if node.target is not None:
                self.target(node.target, stack)
        else:  # the other statements hold expressions only (and names, which are not read)
            self.expression(node, stack)

    def target(self, node: ir.Expr, stack: list[tuple[str, Any]], read: bool = False) -> None:
        """An assignment target: a name is stored (no search), or read as well (`op=`, `del`)."""
        if isinstance(node, ir.Name):
            if read:
                self.read(node.id, stack)
        elif isinstance(node, (ir.TupleExpr, ir.ListExpr)):
            for element in node.elts:
                self.target(element, stack, read)
        elif isinstance(node, ir.Starred):
            self.target(node.value, stack, read)
        elif isinstance(node, (ir.Attribute, ir.Subscript)):
            self.expression(node.value, stack)

    def expression(self, node: Any, stack: list[tuple[str, Any]]) -> None:
        if isinstance(node, tuple):
            for item in node:
                self.expression(item, stack)
        elif isinstance(node, ir.Name):
            self.read(node.id, stack)
        elif isinstance(node, ir.Lambda):
            self.expression(tuple(_defaults(node.params)), stack)
            self.expression(node.body, [*stack, (_FUNCTION, node)])
        elif isinstance(node, ir.Comprehension):
            self.comprehension(node, stack)
        elif hasattr(node, "__dataclass_fields__"):
            for name in node.__dataclass_fields__:
                self.expression(getattr(node, name), stack)

    def comprehension(self, node: ir.Comprehension, stack: list[tuple[str, Any]]) -> None:
        if node.kind != "gen":
            # the translator looks up the target it saves before the loops (restored_comprehension_target), as a
            # read of the name (a generator expression's targets are its own)
            saved = restored_comprehension_target(node)
            if saved is not None:
                self.read(saved, stack)
        self.expression(node.clauses[0].iter, stack)
        # a list, set or dict comprehension is compiled inline, its reads of other names than its targets are
        # the function's (a generator expression is a function of its own)
        targets = frozenset(name for clause in node.clauses for name in ir.target_names(clause.target))
        inner = [*stack, (_FUNCTION, node) if node.kind == "gen" else (_COMPREHENSION, targets)]
        for index, clause in enumerate(node.clauses):
            if index:
                self.expression(clause.iter, inner)
            self.expression(clause.ifs, inner)
        self.expression((node.elt, node.key), inner)


def restored_comprehension_target(node: ir.Comprehension) -> str | None:
    """(Deviations comprehension-variable-of-a-global-name-binds-the-global, comprehension-variable-of-a-nonlocal-
    name-binds-the-enclosing-variable, nonlocal-read-in-a-block-of-a-try-fails-to-compile) the one target of a
    list, set or dict comprehension that Brython looks up to save it before the comprehension and put it back
    after, where it is bound for the block around (brython.js, make_comp: `comp_iter`): the last of its targets
    in the order its symbol table first meets the names of the comprehension (the first clause's target and
    conditions, then each later clause's target, iterable and conditions, then the value and the key or
    element; not the names of the functions and generator expressions in it)."""
    order: list[str] = []

    def meet(part: Any) -> None:
        if isinstance(part, tuple):
            for item in part:
                meet(item)
        elif isinstance(part, ir.Name):
            if part.id not in order:
                order.append(part.id)
        elif isinstance(part, ir.NamedExpr):
            meet(part.value)
            if part.target not in order:
                order.append(part.target)
        elif isinstance(part, ir.Lambda):
            meet(tuple(p.default for p in (*part.params.posonly, *part.params.positional, *part.params.kwonly)))
        elif isinstance(part, ir.Comprehension):
            meet(part.clauses[0].iter)
        elif dataclasses.is_dataclass(part) and not isinstance(part, type):
            for part_field in dataclasses.fields(part):
                meet(getattr(part, part_field.name))

    first, *rest = node.clauses
    meet((first.target, first.ifs))
    for clause in rest:
        meet((clause.target, clause.iter, clause.ifs))
    meet((node.elt, node.key))  # (a dict comprehension's value, then its key)
    targets = {name for clause in node.clauses for name in ir.target_names(clause.target)}
    found = [name for name in order if name in targets]
    return found[-1] if found else None


def _parameters(params: ir.Params) -> Iterator[str]:
    for param in (*params.posonly, *params.positional, *params.kwonly):
        yield param.name
    yield from (name for name in (params.vararg, params.kwarg) if name is not None)


def _defaults(params: ir.Params) -> Iterator[ir.Expr]:
    for param in (*params.posonly, *params.positional, *params.kwonly):
        if param.default is not None:
            yield param.default


# -- Brython's references made without a source position -------------------------------------------------------
#
# Brython compiles a list, set or dict comprehension inline in the block around it (a generator expression has
# a scope of its own): its targets are bound in the scope it is compiled in, and before it runs, each target
# that the scopes of the block already bind (in the order of the text, from the innermost copy of an if, for,
# while or try body up to the function or class) is saved by a reference made without a source position; so
# is the target of an annotated assignment. A reference that the translator cannot resolve to a variable of a
# scope needs that position, and fails: the class body's own class name, which it never resolves (deviation
# class-body-cannot-read-its-own-name), and a name that the block does not bind itself (bound by comprehensions
# only) unless an enclosing function or the module has bound it.


def _read_through(block: Block, name: str) -> bool:
    """Whether a scope nested in `block` reads `name` as a free variable bound outside it (through the
    comprehensions in it, which do not bind the name for it)."""
    for inner in block.walk():
        if inner is block or inner.scope.get(name) is not FREE:
            continue
        around = inner.parent
        while around is not None and around is not block and around.scope.get(name) in (FREE, None):
            around = around.parent
        if around is block:
            return True
    return False


def _unplaced_reference(analysis: Analysis) -> tuple[bool, bool]:
    """Deviation unplaced-reference-fails-to-compile: whether the program has such a reference, and whether it
    has one the walk does not follow (a comprehension's target that its block does not bind itself)."""
    walker = _Unplaced.walked(analysis)
    return walker.fails, walker.unfollowed


class _Entry:
    """A scope of Brython's stack: a block's (node), or a copy of the one before it (node None)."""

    def __init__(self, node: Any, in_class: bool = False) -> None:
        self.node = node
        self.in_class = in_class  # a copy of a class body's scope
        self.bound: set[str] = set()  # the names bound in it so far, in the order of the text

    @classmethod
    def of_function(cls, node: ir.FunctionDef | ir.Lambda) -> _Entry:
        """A function's scope: its parameters bound from the start."""
        entry = cls(node)
        entry.bound.update(_parameters(node.params))
        return entry

    def declared_global(self, analysis: Analysis) -> set[str]:
        block = analysis.blocks.get(id(self.node))
        return translator_globals(analysis, block) if block is not None else set()

    def binds(self, analysis: Analysis, name: str) -> bool:
        """Whether the block binds the name (as its symbol table says: the whole block, not yet in the text). A
        name that only its list, set and dict comprehensions bind, and that its own code does not otherwise
        mention, is a variable of the block in Brython's symbol table, which inlines them (as CPython 3.12's)."""
        block = analysis.blocks.get(id(self.node))
        if block is None:
            return False
        return comprehension_variable(block, name) or block.scope.get(name) in (LOCAL, CELL, CLASS_LOCAL, MODULE)


_Walker = TypeVar("_Walker", bound="_Unplaced")


class _Unplaced:
    @classmethod
    def walked(cls: type[_Walker], analysis: Analysis) -> _Walker:
        """A walker of this kind that has walked the whole program, as Brython translates it."""
        walker = cls(analysis)
        module = analysis.module.node
        assert isinstance(module, ir.Module)
        walker.statements(module.body, [_Entry(module)])
        return walker

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.fails = False
        self.unfollowed = False
        # the names that the list, set and dict comprehensions being walked have bound as their first for's whole
        # target (not in a tuple), outermost first: a comprehension nested in one finds such a name there
        self.open_comprehensions: list[set[str]] = []

    @staticmethod
    def chain(stack: list[_Entry]) -> list[_Entry]:
        """The entries whose bindings the innermost one sees: the copies up to the block's own."""
        index = len(stack) - 1
        while stack[index].node is None:
            index -= 1
        return stack[index:]

    @staticmethod
    def copy(stack: list[_Entry]) -> list[_Entry]:
        """The stack with a copy of the innermost scope (the body of an if, for, while or try)."""
        innermost = _Unplaced.chain(stack)[0]
        return [*stack, _Entry(None, isinstance(innermost.node, ir.ClassDef))]

    def bind(self, name: str, stack: list[_Entry]) -> None:
        block = self.analysis.blocks.get(id(self.chain(stack)[0].node))
        if block is not None and name in translator_globals(self.analysis, block):
            stack[0].bound.add(name)  # (Brython binds a name declared global in the module's scope)
            return
        if block is not None and name in block.nonlocals:
            # Brython binds a name declared nonlocal in the first scope around that has bound it (where it already
            # is), only else in the innermost one
            around = stack[: len(stack) - len(self.chain(stack))]
            if any(name in entry.bound for entry in around):
                return
        stack[-1].bound.add(name)

    def reference(self, name: str, stack: list[_Entry]) -> None:
        """A reference without a source position to `name`, bound in the block's scopes."""
        block_node = self.chain(stack)[0].node
        if isinstance(block_node, ir.ClassDef) and name == block_node.name:
            self.fails = True
            return
        if any(name in names for names in self.open_comprehensions):
            return  # (found bound in the scope of a comprehension around: the reference resolves)
        block = self.analysis.blocks.get(id(block_node))
        kind = block.scope.get(name) if block is not None else None
        if block is not None and kind is None and _read_through(block, name):
            kind = FREE  # (a scope nested in it reads the name from outside: free in the symbol table)
        if kind in (None, LOCAL, CELL, CLASS_LOCAL, MODULE):
            return  # a variable of the block (a name only comprehensions bind is made one when they are inlined)
        assert block is not None
        if kind is GLOBAL_IMPLICIT and comprehension_variable(block, name):
            return  # (the same: one that comprehensions bind and read only in their own scope, a global there)
        if name in block.nonlocals:
            self.unfollowed = True
            return
        if name in block.globals and name not in translator_globals(self.analysis, block):
            self.unfollowed = True  # (a private name declared global, which the translator finds undeclared)
            return
        if name in block.globals:
            if not any(name in entry.bound for entry in self.chain(stack[:1])):
                self.fails = True  # (one failing reference is enough: a later one does not undo it)
            return
        # searched in the scopes around the innermost one, outwards: found bound (in the order of the text) in
        # one that is not a class body's, else failing on a name declared global or bound later in the text
        for entry in reversed(stack[:-1]):
            if entry.node is not None and name in entry.declared_global(self.analysis):
                break
            if name in entry.bound and not isinstance(entry.node, ir.ClassDef) and not entry.in_class:
                return
            if entry.node is not None and entry.binds(self.analysis, name):
                break
        else:
            if name in BUILTIN_NAMES:
                return
        if kind is FREE and comprehension_variable(block, name):
            # a name the block binds only by comprehensions, which a function nested in one of them may read as
            # that comprehension's variable: a cell of the block in the symbol table that inlines them, or not
            self.unfollowed = True
            return
        self.fails = True

    def statements(self, body: tuple[ir.Stmt, ...], stack: list[_Entry]) -> None:
        for statement in body:
            self.statement(statement, stack)

    def statement(self, node: ir.Stmt, stack: list[_Entry]) -> None:
        if isinstance(node, ir.If):
            self.expression(node.test, stack)
            self.statements(node.body, self.copy(stack))
            elif_ = len(node.orelse) == 1 and isinstance(node.orelse[0], ir.If)
            self.statements(node.orelse, stack if elif_ else self.copy(stack))
        elif isinstance(node, (ir.For, ir.While)):
            copy = self.copy(stack)
            if isinstance(node, ir.For):
                self.expression(node.iter, stack)
                self.target(node.target, copy)
            else:
                self.expression(node.test, copy)
            self.statements(node.body, copy)
            # the else clause is translated after the loop's copy is left, in the scope around: it does not see
            # the body's bindings, and its own bindings are seen after the loop
            self.statements(node.orelse, stack)
        elif isinstance(node, ir.Try):
            inside = self.copy(stack)
            self.statements(node.body, inside)
            for handler in node.handlers:
                if handler.name is not None:
                    self.bind(handler.name, inside)
                self.statements(handler.body, inside)
            # (the finally clause is translated before the else clause)
            self.statements(node.finalbody, inside)
            self.statements(node.orelse, inside)
        elif isinstance(node, ir.FunctionDef):
            self.bind(node.name, stack)  # (Brython binds the name before it translates the rest of the statement)
            self.expression((node.decorators, tuple(_defaults(node.params))), stack)
            self.expression(tuple(a.value for a in node.annotations), stack)
            self.statements(node.body, [*stack, _Entry.of_function(node)])
        elif isinstance(node, ir.ClassDef):
            self.bind(node.name, stack)
            self.expression((node.decorators, node.bases, tuple(k.value for k in node.keywords)), stack)
            self.statements(node.body, [*stack, _Entry(node)])
        elif isinstance(node, ir.AnnAssign):
            self.expression((node.annotation, node.value), stack)
            if node.value is not None:
                self.bind(node.target, stack)
                self.reference(node.target, stack)
        elif isinstance(node, ir.Assign):
            self.expression(node.value, stack)
            for target in node.targets:
                self.target(target, stack)
        elif isinstance(node, ir.With):
            # Brython translates the body of a with statement first, then its context expression and target
            self.statements(node.body, stack)
            self.expression(node.context, stack)
            if node.target is not None:
                self.target(node.target, stack)
        elif isinstance(node, ir.Match):
            self.expression(node.subject, stack)
            for case in node.cases:
                # (the names a pattern captures are bound when it matches, by the runtime: the translator does not
                # record them as bound)
                for part in nodes(case.pattern):
                    if isinstance(part, ir.MatchClass):
                        self.expression(part.cls, stack)
                self.expression(case.guard, stack)
                self.statements(case.body, stack)
        elif isinstance(node, ir.Import):
            self.bind(node.asname, stack)
        elif isinstance(node, ir.Delete):
            for target in node.targets:
                if isinstance(target, ir.Name):
                    chain = self.chain(stack)
                    if isinstance(chain[0].node, ir.ClassDef) and target.id == chain[0].node.name:
                        continue  # (the class's own name: not resolved, so not forgotten either)
                    block = self.analysis.blocks.get(id(chain[0].node))
                    if block is not None and target.id in block.nonlocals:
                        # (found in the function around whose symbol table binds it: forgotten in its own scope)
                        for entry in reversed(stack[: len(stack) - len(chain)]):
                            if entry.node is not None and entry.binds(self.analysis, target.id):
                                entry.bound.discard(target.id)
                                break
                        continue
                    # (Brython's scope search for the name: it forgets it in the innermost copy that binds it)
                    for entry in reversed(chain):
                        if target.id in entry.bound:
                            entry.bound.discard(target.id)
                            break
                else:
                    self.expression(target, stack)
        elif isinstance(node, ir.Yield):
            self.expression(node.value, stack)
            if node.target is not None:
                self.target(node.target, stack)
        else:  # the other statements bind nothing
            self.expression(node, stack)

    def target(self, node: ir.Expr, stack: list[_Entry]) -> None:
        if isinstance(node, ir.Name):
            self.bind(node.id, stack)
        elif isinstance(node, (ir.TupleExpr, ir.ListExpr)):
            for element in node.elts:
                self.target(element, stack)
        elif isinstance(node, ir.Starred):
            self.target(node.value, stack)
        else:
            self.expression(node, stack)

    def expression(self, node: Any, stack: list[_Entry]) -> None:
        if isinstance(node, tuple):
            for item in node:
                self.expression(item, stack)
        elif isinstance(node, ir.Lambda):
            self.expression(tuple(_defaults(node.params)), stack)
            self.expression(node.body, [*stack, _Entry.of_function(node)])
        elif isinstance(node, ir.NamedExpr):  # (the translator binds the target before it translates the value)
            self.bind(node.target, stack)
            self.expression(node.value, stack)
        elif isinstance(node, ir.Comprehension):
            self.comprehension(node, stack)
        elif hasattr(node, "__dataclass_fields__"):
            for name in node.__dataclass_fields__:
                self.expression(getattr(node, name), stack)

    def comprehension(self, node: ir.Comprehension, stack: list[_Entry]) -> None:
        if node.kind == "gen":  # a scope of its own
            self.expression(node.clauses[0].iter, stack)
            inner = [*stack, _Entry(node)]
            for index, clause in enumerate(node.clauses):
                if index:
                    self.expression(clause.iter, inner)
                self.target(clause.target, inner)
                self.expression(clause.ifs, inner)
            self.expression((node.elt, node.key), inner)
            return
        targets = [part.id for clause in node.clauses for part in _targets(clause.target)]
        bound = set().union(*(entry.bound for entry in self.chain(stack)))
        for name in targets:
            if name in bound:
                self.reference(name, stack)
        self.expression(node.clauses[0].iter, stack)
        names: set[str] = set()
        self.open_comprehensions.append(names)
        try:
            for index, clause in enumerate(node.clauses):
                if index:
                    self.expression(clause.iter, stack)
                self.target(clause.target, stack)
                if index == 0 and isinstance(clause.target, ir.Name):  # (not a later for's, nor in a tuple)
                    names.add(clause.target.id)
                self.expression(clause.ifs, stack)
            self.expression((node.elt, node.key), stack)
        finally:
            self.open_comprehensions.pop()


def _targets(node: ir.Expr) -> Iterator[ir.Name]:
    """The names a comprehension's target binds, as Brython saves them (not a starred one)."""
    if isinstance(node, ir.Name):
        yield node
    elif isinstance(node, (ir.TupleExpr, ir.ListExpr)):
        for element in node.elts:
            yield from _targets(element)


# -- Brython's reads of a global name without the check for a missing value ----------------------------------


def plain_global_reads(analysis: Analysis) -> frozenset[int]:
    """(Deviation unbound-read-as-undefined) the reads (ir.Name loads and `name op= value` targets, by id) of a
    name that the function reading it declares global, which Brython compiles without the check for a missing
    value: those after, in the order of the text, a binding of the name in the module's own scope (at the
    module's top level, not in an if, for, while or try there, or anywhere in a function that declares the
    name global), not deleted since (a `del` in the body of an if, for, while or try at the module's level that
    has bound the name itself forgets that binding only, and the module's stays); and the reads of an implicit
    global in a function (a name no scope around binds) after a binding of it by a function that declares it
    global, not deleted since, where no block around declares it global."""
    walker = _GlobalReads(analysis)
    module = analysis.module.node
    assert isinstance(module, ir.Module)
    walker.statements(module.body, module, False)
    return frozenset(walker.plain)


def bound_around(block: Block, name: str) -> bool:
    """Whether a function or class body around the block (the module apart) binds the name: Brython's translator
    then resolves a global read of it at run time, with the check for a missing value."""
    around = block.parent
    while around is not None and around.kind != "module":
        if around.scope.get(name) in (LOCAL, CELL, CLASS_LOCAL):
            return True
        around = around.parent
    return False


class _GlobalReads:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.module_names: set[str] = set()  # what the module's own scope binds so far, in the order of the text
        self.declared_names: set[str] = set()  # ... of which the bindings by a function declaring the name global
        self.plain: set[int] = set()
        self.inline_owners: dict[int, Any] = {}  # a list, set or dict comprehension (by id) -> the block it runs in
        # the names bound in each copy of the module's scope that the walk is in (the body of an if, for, while
        # or try at the module's level, outermost first): a del forgets the name in the innermost that has it
        self.copies: list[set[str]] = []

    def declares_global(self, block_node: Any, name: str) -> bool:
        block = self.analysis.blocks.get(id(block_node))
        return (
            block is not None
            and not isinstance(block_node, ir.Module)
            and name in translator_globals(self.analysis, block)
        )

    def bind(self, name: str, block_node: Any, in_copy: bool) -> None:
        if self.declares_global(block_node, name) or (isinstance(block_node, ir.Module) and not in_copy):
            self.module_names.add(name)
        elif isinstance(block_node, ir.Module) and self.copies:
            self.copies[-1].add(name)
        if self.declares_global(block_node, name):
            self.declared_names.add(name)

    def read(self, node: ir.Name, block_node: Any) -> None:
        if self.declares_global(block_node, node.id) and node.id in self.module_names:
            self.plain.add(id(node))
        block = self.analysis.blocks.get(id(block_node))
        if (
            node.id in self.declared_names
            and block is not None
            and block.scope.get(node.id) is GLOBAL_IMPLICIT
            and not bound_around(block, node.id)
            and not self.declared_around(block, node.id)
        ):
            self.plain.add(id(node))  # (Brython resolves it to the module, where that function's binding is known)

    def declared_around(self, block: Block, name: str) -> bool:
        """Whether a block around this one (the module apart) declares the name global: Brython's search of the
        scopes around stops there, and compiles a lookup of the global with the check for a missing value."""
        around = block.parent
        while around is not None and around.kind != "module":
            if name in translator_globals(self.analysis, around):
                return True
            around = around.parent
        return False

    def statements(self, body: tuple[ir.Stmt, ...], block_node: Any, in_copy: bool) -> None:
        for statement in body:
            self.statement(statement, block_node, in_copy)

    @contextlib.contextmanager
    def copy(self, block_node: Any) -> Iterator[None]:
        """The body of an if, for, while or try statement, translated in a copy of the scope."""
        module = isinstance(block_node, ir.Module)
        if module:
            self.copies.append(set())
        try:
            yield
        finally:
            if module:
                self.copies.pop()

    def statement(self, node: ir.Stmt, block_node: Any, in_copy: bool) -> None:
        if isinstance(node, ir.If):
            self.expression(node.test, block_node)
            with self.copy(block_node):
                self.statements(node.body, block_node, True)
            with self.copy(block_node):
                self.statements(node.orelse, block_node, True)
        elif isinstance(node, ir.For):
            self.expression(node.iter, block_node)
            with self.copy(block_node):
                self.target(node.target, block_node, True)
                self.statements((*node.body, *node.orelse), block_node, True)
        elif isinstance(node, ir.While):
            self.expression(node.test, block_node)
            with self.copy(block_node):
                self.statements((*node.body, *node.orelse), block_node, True)
        elif isinstance(node, ir.Try):
            with self.copy(block_node):
                self.statements(node.body, block_node, True)
                for handler in node.handlers:
                    if handler.name is not None:
                        self.bind(handler.name, block_node, True)
                    self.statements(handler.body, block_node, True)
                self.statements((*node.finalbody, *node.orelse), block_node, True)  # (finally translated before else)
        elif isinstance(node, (ir.FunctionDef, ir.ClassDef)):
            if isinstance(node, ir.FunctionDef):
                self.expression((node.decorators, tuple(_defaults(node.params))), block_node)
            else:
                self.expression((node.decorators, node.bases, tuple(k.value for k in node.keywords)), block_node)
            self.statements(node.body, node, False)
            self.bind(node.name, block_node, in_copy)
        elif isinstance(node, ir.Assign):
            self.expression(node.value, block_node)
            for target in node.targets:
                self.target(target, block_node, in_copy)
        elif isinstance(node, ir.AugAssign):
            self.expression(node.value, block_node)
            if isinstance(node.target, ir.Name):
                self.read(node.target, block_node)
            else:
                self.expression(node.target, block_node)
        elif isinstance(node, ir.AnnAssign):
            self.expression((node.annotation, node.value), block_node)
            if node.value is not None:
                self.bind(node.target, block_node, in_copy)
        elif isinstance(node, ir.Delete):
            for target in node.targets:
                if isinstance(target, ir.Name):
                    # (Brython forgets the name in the innermost copy of the module's scope that has bound it, else
                    # in the module's own)
                    copy = next((names for names in reversed(self.copies) if target.id in names), None)
                    if copy is not None and isinstance(block_node, ir.Module):
                        copy.discard(target.id)
                    elif self.declares_global(block_node, target.id) or isinstance(block_node, ir.Module):
                        self.module_names.discard(target.id)
                        self.declared_names.discard(target.id)
                else:
                    self.expression(target, block_node)
        elif isinstance(node, ir.With):  # (translated body first, as _Unplaced.statement says)
            self.statements(node.body, block_node, in_copy)
            self.expression(node.context, block_node)
            if node.target is not None:
                self.target(node.target, block_node, in_copy)
        elif isinstance(node, ir.Match):
            self.expression(node.subject, block_node)
            for case in node.cases:
                for part in nodes(case.pattern):  # (its captures are not bound for the translator: _Unplaced)
                    if isinstance(part, ir.MatchClass):
                        self.expression(part.cls, block_node)
                self.expression(case.guard, block_node)
                self.statements(case.body, block_node, in_copy)
        elif isinstance(node, ir.Import):
            self.bind(node.asname, block_node, in_copy)
        elif isinstance(node, ir.Yield):
            self.expression(node.value, block_node)
            if node.target is not None:
                self.target(node.target, block_node, in_copy)
        else:
            self.expression(node, block_node)

    def target(self, node: ir.Expr, block_node: Any, in_copy: bool) -> None:
        if isinstance(node, ir.Name):
            self.bind(node.id, block_node, in_copy)
        elif isinstance(node, (ir.TupleExpr, ir.ListExpr)):
            for element in node.elts:
                self.target(element, block_node, in_copy)
        elif isinstance(node, ir.Starred):
            self.target(node.value, block_node, in_copy)
        else:
            self.expression(node, block_node)

    def expression(self, node: Any, block_node: Any) -> None:
        if isinstance(node, tuple):
            for item in node:
                self.expression(item, block_node)
        elif isinstance(node, ir.Name):
            self.read(node, block_node)
        elif isinstance(node, ir.Lambda):
            self.expression(tuple(_defaults(node.params)), block_node)
            self.expression(node.body, node)
        elif isinstance(node, ir.NamedExpr):  # (the target bound first, as above)
            self.bind(node.target, block_node, True)  # (in a copy or not: not followed at the module's top level)
            self.expression(node.value, block_node)
        elif isinstance(node, ir.Comprehension):
            # (a list, set or dict comprehension is compiled inline in the block around it, one nested in it too)
            owner = self.inline_owners.get(id(block_node), block_node)
            if node.kind != "gen":
                self.inline_owners[id(node)] = owner
            self.expression(node.clauses[0].iter, block_node)
            for index, clause in enumerate(node.clauses):
                if index:
                    self.expression(clause.iter, node)
                self.expression(clause.ifs, node)
            self.expression((node.elt, node.key), node)
            for clause in node.clauses if node.kind != "gen" else ():  # (compiled inline: a target declared
                for name in ir.target_names(clause.target):  # global binds the module's name)
                    if self.declares_global(owner, name):
                        self.bind(name, owner, True)
        elif hasattr(node, "__dataclass_fields__"):
            for name in node.__dataclass_fields__:
                self.expression(getattr(node, name), block_node)


def plain_local_reads(analysis: Analysis) -> frozenset[int]:
    """(Deviation unbound-read-as-undefined) the reads (ir.Name nodes, by id) of a function's own variable (or of
    a module-level name, at the module's level) that Brython compiles without the check for a missing value: those
    after, in the order of the text, a binding of the variable in the same scope of its stack or one around it
    (the function's own, or the copy of an if, for, while or try body it is in: a match case or a with body has
    none of its own), not deleted since."""
    walker = _PlainLocalReads.walked(analysis)
    return frozenset(walker.plain)


class _LocalReads(_Unplaced):
    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis)
        self.plain: set[int] = set()

    def reference(self, name: str, stack: list[_Entry]) -> None:
        pass  # (what _Unplaced looks for is not wanted here)

    def statements(self, body: tuple[ir.Stmt, ...], stack: list[_Entry]) -> None:
        entry = stack[-1]
        if isinstance(entry.node, ir.FunctionDef) and body is entry.node.body:
            entry.bound.update(_parameters(entry.node.params))  # (bound as the function starts)
        super().statements(body, stack)

    def block_of(self, node: Any) -> Block | None:
        """The block of a scope's node: a type alias's, its value's annotation scope."""
        if isinstance(node, ir.TypeAlias):
            return self.analysis.annotation_scope_of(node)
        return self.analysis.blocks.get(id(node))

    def expression(self, node: Any, stack: list[_Entry]) -> None:
        if isinstance(node, ir.Lambda):
            self.expression(tuple(_defaults(node.params)), stack)
            entry = _Entry(node)
            entry.bound.update(_parameters(node.params))
            self.expression(node.body, [*stack, entry])
        elif isinstance(node, ir.Name):
            chain = self.chain(stack)
            block = self.block_of(chain[0].node)
            if self.own_variable_seen_bound(node.id, stack) or (
                block is not None
                and block.kind == "module"
                and block.scope.get(node.id) is MODULE
                and any(node.id in entry.bound for entry in chain)
            ):
                self.plain.add(id(node))
            if block is not None and block.scope.get(node.id) is GLOBAL_IMPLICIT and self.found_around(node, stack):
                self.plain.add(id(node))  # (a global name a nested function reads)
            if block is not None and block.scope.get(node.id) is FREE and self.found_around(node, stack):
                self.plain.add(id(node))  # (a variable of a function around, bound before it in the text)
        else:
            super().expression(node, stack)

    def own_variable_seen_bound(self, name: str, stack: list[_Entry]) -> bool:
        """Whether `name` is a variable of the innermost function (or lambda) that Brython has seen bound, in
        the order of the text, in the same scope of its stack or one around it, not deleted since."""
        chain = self.chain(stack)
        block = self.analysis.blocks.get(id(chain[0].node))
        return (
            block is not None
            and block.kind in ("function", "lambda")
            and block.scope.get(name) in (LOCAL, CELL)
            and any(name in entry.bound for entry in chain)
        )

    def found_around(self, node: ir.Name, stack: list[_Entry]) -> bool:
        """Whether Brython's search of the scopes around, outwards, for a global name a nested function reads (not
        declared there) stops at a binding of it made before in the order of the text: in the module's scope or
        the copy of an if, for, while or try body there that the function is in; it stops, without one, at a
        scope that declares the name global or binds it later in the text (and passes class bodies)."""
        around = stack[: len(stack) - len(self.chain(stack))]  # (the scopes outside the reading block's own)
        for entry in reversed(around):
            if entry.node is not None and node.id in entry.declared_global(self.analysis):
                return False
            if node.id in entry.bound and not isinstance(entry.node, ir.ClassDef) and not entry.in_class:
                return True
            if entry.node is not None and entry.binds(self.analysis, node.id):
                return False
        return False


class _PlainLocalReads(_LocalReads):
    def statement(self, node: ir.Stmt, stack: list[_Entry]) -> None:
        if isinstance(node, ir.TypeAlias):
            # the value is compiled as a function of its own, whose reads of names around are resolved as a
            # nested function's are
            self.expression(node.value, [*stack, _Entry(node)])
        else:
            super().statement(node, stack)


def namespace_target_reads(analysis: Analysis) -> dict[int, int]:
    """(Deviation comprehension-runs-inline-restoring-targets-bound-before) the reads (ir.Name nodes, by id) of a
    namespace target (Block.namespace_targets: a comprehension's target that its function binds nowhere else)
    that Brython compiles as a plain read of that function's namespace, each with the function (its node, by id):
    a read of the function's own in the copy of an if, for, while or try body, after, in the order of the text, a
    comprehension binding the name in a scope around that copy (the function's own, or the copy of a body the
    read's copy is in; a read in the same scope as the comprehension is compiled as the symbol table resolves
    the name); a read in a nested function whose search of the scopes around, outwards, stops at such a binding
    (as found_around)."""
    walker = _NamespaceTargetReads.walked(analysis)
    return walker.reads


class _NamespaceTargetReads(_LocalReads):
    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis)
        self.reads: dict[int, int] = {}
        # the targets of the list, set and dict comprehensions being walked (all their for clauses'), outermost first
        self.comprehension_targets: list[set[str]] = []

    def comprehension(self, node: ir.Comprehension, stack: list[_Entry]) -> None:
        if node.kind == "gen":
            super().comprehension(node, stack)
            return
        self.comprehension_targets.append({part.id for clause in node.clauses for part in _targets(clause.target)})
        try:
            super().comprehension(node, stack)
        finally:
            self.comprehension_targets.pop()

    def expression(self, node: Any, stack: list[_Entry]) -> None:
        if isinstance(node, ir.Name):
            chain = self.chain(stack)
            block = self.analysis.blocks.get(id(chain[0].node))
            if block is not None and node.id in block.namespace_targets:
                # the function's own reads at the comprehension's level are compiled as the symbol table resolves
                # them; a read in a comprehension (not of its own target) finds the binding at that level too
                in_comprehension = bool(self.comprehension_targets) and not any(
                    node.id in targets for targets in self.comprehension_targets
                )
                seen = chain if in_comprehension and not read_by_its_code(block, node.id) else chain[:-1]
                if any(node.id in entry.bound for entry in seen):
                    self.reads[id(node)] = id(chain[0].node)
                    return super().expression(node, stack)
            if block is not None and block.scope.get(node.id) in (FREE, GLOBAL_IMPLICIT):
                # (a read the symbol table resolves outside the function, whether or not a comprehension of the
                # function binds the name later: the search of the scopes around, at the point of the text)
                function = self.stopping_function(node, stack)
                if function is not None:
                    self.reads[id(node)] = function
        super().expression(node, stack)

    def stopping_function(self, node: ir.Name, stack: list[_Entry]) -> int | None:
        """The function (by id of its node) at whose binding of a namespace target the search of a nested
        block's read stops, if it stops at one."""
        around = stack[: len(stack) - len(self.chain(stack))]
        for index in reversed(range(len(around))):
            entry = around[index]
            if entry.node is not None and node.id in entry.declared_global(self.analysis):
                return None
            if node.id in entry.bound and not isinstance(entry.node, ir.ClassDef) and not entry.in_class:
                owner = self.chain(around[: index + 1])[0].node
                block = self.analysis.blocks.get(id(owner))
                return id(owner) if block is not None and node.id in block.namespace_targets else None
            if entry.node is not None and entry.binds(self.analysis, node.id):
                return None
        return None


def plain_local_deletions(analysis: Analysis) -> frozenset[int]:
    """(Deviation del-of-a-local-seen-bound-raises-name-error) the targets of `del` (ir.Name nodes, by id) that
    are a function's own variable Brython has seen bound, in the order of the text, in the same scope of its
    stack or one around it, not deleted since (as plain_local_reads): it compiles them as a deletion from the
    function's namespace object, which raises NameError when the name is missing there."""
    walker = _LocalDeletions.walked(analysis)
    return frozenset(walker.deletions)


class _LocalDeletions(_LocalReads):
    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis)
        self.deletions: set[int] = set()

    def statement(self, node: ir.Stmt, stack: list[_Entry]) -> None:
        if not isinstance(node, ir.Delete):
            super().statement(node, stack)
            return
        for target in node.targets:  # (one at a time: a target deleted is forgotten for the next one)
            if isinstance(target, ir.Name) and self.own_variable_seen_bound(target.id, stack):
                self.deletions.add(id(target))
            super().statement(dataclasses.replace(node, targets=(target,)), stack)


def class_body_deletions(analysis: Analysis) -> dict[int, str]:
    """(Deviation class-body-del-resolved-in-the-order-of-the-text) how Brython compiles each `del x` of a class
    body (its ir.Name target, by id; x as the symbol table has it, mangled): "found" where x was bound before in
    the order of the text in the same scope of its stack or one around it (the body's own, or the copy of an if,
    for, while or try body it is in), not deleted since: a deletion from the class namespace by the name as
    written; else, at the body's own level, "local" where the body bound x anywhere before in the text (its
    `maybe_locals`): a deletion from the frame's namespace that raises UnboundLocalError when x is missing; else
    "global", a deletion of the global (deviation class-body-del-of-a-name-it-lacks-deletes-the-global)."""
    walker = _ClassDeletions.walked(analysis)
    return walker.deletions


class _ClassBindings(_LocalReads):
    """A walker that also knows, for each class body, the names it has bound so far anywhere in its code (the
    translator's `maybe_locals` of the class's scope)."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis)
        self.maybe: dict[int, set[str]] = {}  # a class body's node, by id -> the names it has bound so far

    def bind(self, name: str, stack: list[_Entry]) -> None:
        super().bind(name, stack)
        owner = self.chain(stack)[0].node
        if isinstance(owner, ir.ClassDef):
            self.maybe.setdefault(id(owner), set()).add(name)

    def resolution(self, name: str, stack: list[_Entry]) -> str:
        """How the translator resolves a name of the innermost block (LOCAL in its symbol table) at this point of
        the text: "found" where it was bound before in the same scope of its stack or one around it (the block's
        own, or the copy of an if, for, while or try body it is in), not deleted since: a plain reference to
        the namespace; else "local" in a function, and at a class body's own level where the body bound the name
        anywhere before (`$B.resolve_local`, which looks in the current frame); else "global"."""
        chain = self.chain(stack)
        owner = chain[0].node
        if any(name in entry.bound for entry in chain):
            return "found"
        if isinstance(owner, ir.ClassDef):
            return "local" if len(chain) == 1 and name in self.maybe.get(id(owner), set()) else "global"
        return "global" if isinstance(owner, ir.Module) else "local"


class _ClassDeletions(_ClassBindings):
    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis)
        self.deletions: dict[int, str] = {}

    def statement(self, node: ir.Stmt, stack: list[_Entry]) -> None:
        chain = self.chain(stack)
        if not isinstance(node, ir.Delete) or not isinstance(chain[0].node, ir.ClassDef):
            super().statement(node, stack)
            return
        for target in node.targets:  # (one at a time: a target deleted is forgotten for the next one)
            if isinstance(target, ir.Name):
                self.deletions[id(target)] = self.resolution(target.id, stack)
            super().statement(dataclasses.replace(node, targets=(target,)), stack)


def generic_default_reads(analysis: Analysis) -> dict[int, str]:
    """(Deviation generic-def-defaults-read-names-in-the-type-parameter-scope) how Brython compiles each read of a
    name in the defaults of a generic def (its ir.Name, by id; not in a lambda or comprehension there), which it
    places in the function that makes the type parameters: as the block around resolves the name at that point
    of the text (_ClassBindings.resolution), the def's own name bound already; "found" then reads the type
    parameters' namespace, "local" looks in their frame."""
    walker = _GenericDefaultReads.walked(analysis)
    return walker.reads


class _GenericDefaultReads(_ClassBindings):
    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis)
        self.reads: dict[int, str] = {}
        self.in_defaults: set[int] = set()  # the reads in the defaults of the generic defs met so far

    def statement(self, node: ir.Stmt, stack: list[_Entry]) -> None:
        if isinstance(node, ir.FunctionDef) and node.type_params:
            self.in_defaults.update(id(part) for part in own_code(tuple(_defaults(node.params))))
        super().statement(node, stack)

    def expression(self, node: Any, stack: list[_Entry]) -> None:
        if isinstance(node, ir.Name) and id(node) in self.in_defaults:
            self.reads[id(node)] = self.resolution(node.id, stack)
        super().expression(node, stack)


def own_code(node: Any) -> Iterator[Any]:
    """Every IR node in `node` that the code of its block evaluates: those in lambdas and comprehensions left out."""
    yield node
    if isinstance(node, tuple):
        for item in node:
            yield from own_code(item)
    elif hasattr(node, "__dataclass_fields__") and not isinstance(node, (ir.Lambda, ir.Comprehension)):
        for name in node.__dataclass_fields__:
            yield from own_code(getattr(node, name))


def nonlocals_bound_later(analysis: Analysis) -> tuple[frozenset[tuple[int, str]], frozenset[tuple[int, str]]]:
    """(Deviation nonlocal-bound-later-in-the-text-binds-the-global) the nonlocal declarations (the declaring
    function's or class body's node, by id, and the name) whose variable no function around binds before the
    declaring def or class statement in the order of the text (parameters included; in the same scope of its
    stack or one around it, as plain_local_reads): Brython, finding no binding yet, compiles the declaring
    block's bindings of the name as the global's. And those where a function further out than the one the
    name refers to binds it before, which Brython finds first: it compiles the bindings as that function's."""
    walker = _NonlocalsBoundLater.walked(analysis)
    return frozenset(walker.later), frozenset(walker.further_out)


class _NonlocalsBoundLater(_LocalReads):
    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis)
        self.later: set[tuple[int, str]] = set()
        self.further_out: set[tuple[int, str]] = set()

    def statements(self, body: tuple[ir.Stmt, ...], stack: list[_Entry]) -> None:
        entry = stack[-1]
        block = self.analysis.blocks.get(id(entry.node))
        if isinstance(entry.node, (ir.FunctionDef, ir.ClassDef)) and body is entry.node.body and block is not None:
            # the functions around and their copies (not the module's scope, nor a class body's), each with the
            # node of the function whose scope it is
            functions = [i for i, item in enumerate(stack) if isinstance(item.node, (ir.FunctionDef, ir.Lambda))]
            first = functions[0] if functions else len(stack)  # (none: a class body of the module's)
            around: list[tuple[_Entry, Any]] = []
            owner = None
            for item in stack[first:-1]:
                owner = item.node if item.node is not None else owner
                if not isinstance(item.node, ir.ClassDef) and not item.in_class:
                    around.append((item, owner))
            for name in sorted(block.nonlocals):
                binding = [owner for item, owner in around if name in item.bound]
                if not binding:
                    self.later.add((id(entry.node), name))
                elif binding[-1] is not _nonlocal_target(block, name):
                    self.further_out.add((id(entry.node), name))
        super().statements(body, stack)


def _nonlocal_target(block: Block, name: str) -> Any:
    """The node of the function whose variable a name the block declares nonlocal is (§7.13)."""
    around = block.parent
    while around is not None:
        if around.kind in ("function", "lambda") and around.scope.get(name) in (LOCAL, CELL):
            return around.node
        around = around.parent
    return None


def nonlocal_bindings_unbound_around(analysis: Analysis) -> frozenset[int]:
    """(Deviation nonlocal-bound-later-in-the-text-binds-the-global) the bindings (ir.Name targets, and the def
    and class statements, by id) of a name their function declares nonlocal that Brython meets, in the order of
    the text, where no function around has it bound: one bound only later, or forgotten by a `del` of it (which
    the translator makes forget the name in the scope of the function that binds it) and not bound again."""
    walker = _NonlocalBindingsUnbound.walked(analysis)
    return frozenset(walker.unbound)


class _NonlocalBindingsUnbound(_LocalReads):
    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis)
        self.unbound: set[int] = set()

    def unbound_around(self, name: str, stack: list[_Entry]) -> bool:
        block = self.analysis.blocks.get(id(self.chain(stack)[0].node))
        if block is None or name not in block.nonlocals:
            return False
        around = stack[1 : len(stack) - len(self.chain(stack))]  # (the functions around: not the module's scope)
        return not any(name in entry.bound for entry in around if not isinstance(entry.node, ir.ClassDef))

    def target(self, node: ir.Expr, stack: list[_Entry]) -> None:
        if isinstance(node, ir.Name) and self.unbound_around(node.id, stack):
            self.unbound.add(id(node))
        super().target(node, stack)

    def statement(self, node: ir.Stmt, stack: list[_Entry]) -> None:
        if isinstance(node, (ir.FunctionDef, ir.ClassDef)) and self.unbound_around(node.name, stack):
            self.unbound.add(id(node))
        super().statement(node, stack)


def saved_comprehension_targets(analysis: Analysis) -> dict[int, frozenset[str]]:
    """(Deviation comprehension-runs-inline-restoring-targets-bound-before) for each list, set or dict
    comprehension (ir.Comprehension, by id), the names among its targets that Brython saves before it runs and
    puts back when it ends: those its block has bound before, in the order of the text, in the same scope of its
    stack or one around it (as plain_local_reads: the function's own, parameters included, or the copy of an if,
    for, while or try body it is in), not deleted since."""
    walker = _SavedTargets.walked(analysis)
    return walker.saved


class _SavedTargets(_LocalReads):
    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis)
        self.saved: dict[int, frozenset[str]] = {}

    def comprehension(self, node: ir.Comprehension, stack: list[_Entry]) -> None:
        if node.kind != "gen":
            bound = set().union(*(entry.bound for entry in self.chain(stack)))
            targets = (part.id for clause in node.clauses for part in _targets(clause.target))
            self.saved[id(node)] = frozenset(name for name in targets if name in bound)
        super().comprehension(node, stack)


def class_body_reads(analysis: Analysis) -> dict[int, str]:
    """(Deviation class-body-resolves-its-names-in-the-order-of-the-text) how Brython compiles each read (ir.Name,
    by id) of a name that the class body it is in binds (not the class's own name), resolved once in the order of
    the text: "plain", after a binding of it in the same scope of its stack or one around it (as plain_local_reads),
    not deleted since: the class namespace, without a check; "local", otherwise after a binding of it anywhere in
    the body (deleted or not, in an if, for, while or try body or not), where the read is not itself in such a
    body: the class namespace, else UnboundLocalError; "global", every other read: the module's, then the
    builtins, never the class namespace."""
    walker = _ClassReads.walked(analysis)
    return walker.resolved


class _ClassReads(_LocalReads):
    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis)
        self.resolved: dict[int, str] = {}
        self.ever_bound: dict[int, set[str]] = {}  # by class (id): what its body has bound so far, anywhere

    def bind(self, name: str, stack: list[_Entry]) -> None:
        super().bind(name, stack)
        owner = self.chain(stack)[0].node
        if isinstance(owner, ir.ClassDef):
            self.ever_bound.setdefault(id(owner), set()).add(name)

    def expression(self, node: Any, stack: list[_Entry]) -> None:
        if isinstance(node, ir.Name):
            chain = self.chain(stack)
            owner = chain[0].node
            block = self.analysis.blocks.get(id(owner))
            if (
                isinstance(owner, ir.ClassDef)
                and block is not None
                and node.id != owner.name
                and block.scope.get(node.id) is CLASS_LOCAL
            ):
                if any(node.id in entry.bound for entry in chain):
                    self.resolved[id(node)] = "plain"
                elif len(chain) == 1 and node.id in self.ever_bound.get(id(owner), set()):
                    self.resolved[id(node)] = "local"
                else:
                    self.resolved[id(node)] = "global"
        super().expression(node, stack)


# -- Skulpt's `del` of a name it compiles as a declared global ----------------------------------------------------
#
# Skulpt compiles `del x`, for a name x it takes for a declared global, to `delete $gbl.x` with no statement
# terminator; every other statement's code starts on a line of its own (where JavaScript inserts the missing
# semicolon), so only what the compiler emits in the same line right after it tells what the deletion becomes.
# x is a declared global in a block that declares it global; in the module's own code, in any program where some
# block declares it global (the symbol table marks every such name in the module's entry). What follows it:
# another target of the same del, or, after the last statement of a block, the code that ends the block:
#   the next statement           nothing: the deletion is made
#   another target, a function's end, the module's end, the end of an if, elif, else, for, while, except, try-else
#   or finally body, or of a try body with no handlers (a jump, a return, an `if(`): JavaScript that does not
#   parse, so the whole module fails before any of its code runs (JavaScriptError)
#   the end of a try body with handlers, or of a with body (`$exc.pop();`): `delete $gbl.x$exc.pop()` parses,
#   and raises, when the del runs, a JavaScript TypeError (reading 'pop' of undefined), which becomes ExternalError
#   the end of a class body (`return;`): `delete $gbl.xreturn;` deletes another name, and the class body then
#   runs into the compiler's check for a block without an end: SystemError
# An `if` with a constant test (a number or a string) is compiled as the branch taken, in the block around it, and
# a `while` whose test is a false constant as its else clause. The compiler drops what follows a jump (break,
# continue, a return inside a try with finally or a with) in the same block of its output: a deletion there is not
# followed (unfollowed).

DEL_GLOBAL_ERRORS = {
    "ExternalError": "TypeError: Cannot read properties of undefined (reading 'pop')",
    "SystemError": "internal error: unterminated block",
}
_FOLLOWED = "statement"  # another statement follows
_UNPARSED = "JavaScriptError"


def global_deletions(analysis: Analysis) -> tuple[bool, dict[int, str], bool]:
    """(Deviation del-of-a-global-at-the-end-of-a-block-fails) whether a del of a declared global makes Skulpt's
    output fail to parse; the dels (ir.Delete, by id) that raise when they run instead (-> the exception's type,
    a key of DEL_GLOBAL_ERRORS); and whether such a del is in code the walk does not follow."""
    if not any(block.globals for block in analysis.blocks.values()):
        return False, {}, False  # (no name is declared global: no such del)
    walker = _GlobalDeletions(analysis)
    module = analysis.module.node
    assert isinstance(module, ir.Module)
    walker.statements(module.body, module, _UNPARSED, False)
    return walker.unparsed, walker.raising, walker.unfollowed


def _constant(test: ir.Expr) -> bool | None:
    """The truth of a test that Skulpt's compiler takes for a constant (a number or a string), else None."""
    if isinstance(test, ir.Const) and isinstance(test.value, (int, str)) and not isinstance(test.value, bool):
        return bool(test.value)
    return None


class _GlobalDeletions:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.declared = {name for block in analysis.module.walk() for name in block.globals}
        self.unparsed = False
        self.raising: dict[int, str] = {}
        self.unfollowed = False

    def is_global(self, name: str, owner: Any) -> bool:
        if isinstance(owner, ir.Module):
            return name in self.declared
        block = self.analysis.blocks.get(id(owner))
        return block is not None and name in block.globals

    def inline(self, body: tuple[ir.Stmt, ...]) -> list[ir.Stmt]:
        """The statements of `body` as compiled into one block: a branch taken for certain in the place of its if."""
        flat: list[ir.Stmt] = []
        for node in body:
            if isinstance(node, ir.If) and _constant(node.test) is not None:
                flat += self.inline(node.body if _constant(node.test) else node.orelse)
            elif isinstance(node, ir.While) and _constant(node.test) is False:
                flat += self.inline(node.orelse)
            else:
                flat.append(node)
        return flat

    def statements(self, body: tuple[ir.Stmt, ...], owner: Any, end: str, in_finally: bool) -> None:
        """`end`: what the code of the last statement runs into; `in_finally`: a try with a finally clause or a
        with statement is around, in the same function (a return there is a jump)."""
        flat = self.inline(body)
        for index, node in enumerate(flat):
            if index == len(flat) - 1:
                self.statement(node, owner, end, in_finally)
                return
            self.statement(node, owner, _FOLLOWED, in_finally)
            if isinstance(node, (ir.Break, ir.Continue)) or (isinstance(node, ir.Return) and in_finally):
                if any(self.deletes_a_global(rest, owner) for rest in flat[index + 1 :]):
                    self.unfollowed = True
                return

    def deletes_a_global(self, node: Any, owner: Any) -> bool:
        """Whether `node` holds a del of a name Skulpt takes for a declared global (in the block it is in)."""
        if isinstance(node, ir.Delete):
            return any(isinstance(target, ir.Name) and self.is_global(target.id, owner) for target in node.targets)
        if isinstance(node, (ir.FunctionDef, ir.ClassDef)):
            owner = node
        if isinstance(node, tuple):
            return any(self.deletes_a_global(item, owner) for item in node)
        if not hasattr(node, "__dataclass_fields__"):
            return False
        return any(self.deletes_a_global(getattr(node, name), owner) for name in node.__dataclass_fields__)

    def statement(self, node: ir.Stmt, owner: Any, end: str, in_finally: bool) -> None:
        if isinstance(node, ir.Delete):
            self.delete(node, owner, end)
        elif isinstance(node, (ir.If, ir.For, ir.While)):  # (a jump to the test, or past the statement, follows)
            self.statements(node.body, owner, _UNPARSED, in_finally)
            self.statements(node.orelse, owner, _UNPARSED, in_finally)
        elif isinstance(node, ir.Try):
            guarded = in_finally or bool(node.finalbody)
            self.statements(node.body, owner, "ExternalError" if node.handlers else _UNPARSED, guarded)
            for handler in node.handlers:
                self.statements(handler.body, owner, _UNPARSED, guarded)
            self.statements(node.orelse, owner, _UNPARSED, guarded)
            self.statements(node.finalbody, owner, _UNPARSED, in_finally)
        elif isinstance(node, ir.With):
            self.statements(node.body, owner, "ExternalError", True)
        elif isinstance(node, ir.FunctionDef):
            self.statements(node.body, node, _UNPARSED, False)
        elif isinstance(node, ir.ClassDef):
            self.statements(node.body, node, "SystemError", False)
        elif isinstance(node, ir.Match) and self.deletes_a_global(node, owner):  # (Skulpt parses no match)
            self.unfollowed = True

    def delete(self, node: ir.Delete, owner: Any, end: str) -> None:
        for index, target in enumerate(node.targets):
            if not (isinstance(target, ir.Name) and self.is_global(target.id, owner)):
                continue
            if index < len(node.targets) - 1:
                if isinstance(node.targets[index + 1], ir.Name):
                    self.unparsed = True  # (the next deletion's code)
                else:
                    self.unfollowed = True  # (a tuple emits nothing; an attribute or item, an evaluation first)
            elif end == _UNPARSED:
                self.unparsed = True
            elif end != _FOLLOWED:
                self.raising[id(node)] = end


# -- the order of a function's free variables in Brython's symbol table --------------------------------------


def free_variable_order(analysis: Analysis, block: Block) -> list[str]:
    """(Deviation free-variables-in-the-order-their-function-first-names-them) the function's free variables in
    the order of its code object's co_freevars on Brython: the order in which its symbol table (a port of
    CPython's symtable.c, whose entries keep the order they are made in) enters the names, not sorted as
    CPython's compiler sorts them. The block's own names come first, in the order the symbol table visits its
    code (an assignment's targets before its value, a for's target before its iterable, a dict comprehension's
    value before its key); then, child block by child block in the order of the text, the names of each list,
    set or dict comprehension (inlined into the block: its symbols appended); then the names free in the other
    child blocks (functions, lambdas, classes, generator expressions), appended when the block is analysed."""
    order, _ = _symbol_order(analysis, block.node)
    ordered = [name for name in order if name in block.freevars]
    if len(ordered) != len(block.freevars):
        raise Unspecified("a free variable of a block that Brython's symbol table enters in an order not followed")
    return ordered


def _symbol_order(analysis: Analysis, node: Any) -> tuple[list[str], list[str]]:
    """The names of the block of `node` in the order its symbol table enters them (an inlined comprehension's
    appended), and those free in it, in the order it passes them to the block around."""
    walk = _SymbolWalk()
    walk.block(node)
    names = dict.fromkeys(walk.names)
    passed: dict[str, None] = {}  # the names free in child blocks, in the order they are passed up
    for child in walk.children:
        child_names, child_free = _symbol_order(analysis, child)
        if isinstance(child, ir.Comprehension) and child.kind != "gen":
            names.update(dict.fromkeys(child_names))
        passed.update(dict.fromkeys(child_free))
    names.update(passed)
    block = analysis.blocks.get(id(node))
    free = block.freevars if block is not None else passed.keys()  # (an inlined comprehension: no block)
    return list(names), [name for name in names if name in free]


class _SymbolWalk:
    """One block's code in the order CPython's symtable.c visits it: the names it meets (reads, bindings,
    declarations) and the child blocks it makes, list, set and dict comprehensions included."""

    # the runner's probe statements call the function of that name first
    PROBES: dict[type, str] = {ir.Probe: "probe", ir.ProbeCall: "probe_call", ir.ProbeClosure: "probe_closure"}

    def __init__(self) -> None:
        self.names: list[str] = []
        self.children: list[Any] = []

    def block(self, node: Any) -> None:
        if isinstance(node, (ir.FunctionDef, ir.Lambda)):
            self.names.extend(node.params.names())
            if isinstance(node, ir.Lambda):
                self.expression(node.body)
            else:
                self.statements(node.body)
        elif isinstance(node, ir.ClassDef):
            self.statements(node.body)
        elif isinstance(node, ir.Comprehension):
            first, *rest = node.clauses
            self.expression(first.target)
            self.expression(first.ifs)
            for clause in rest:
                self.expression((clause.target, clause.iter, clause.ifs))
            self.expression((node.elt, node.key))  # (a dict comprehension's value, its elt here, then its key)

    def statements(self, body: tuple[ir.Stmt, ...]) -> None:
        for node in body:
            self.statement(node)

    def statement(self, node: ir.Stmt) -> None:
        if isinstance(node, ir.FunctionDef):
            self.names.append(node.name)
            self.expression((tuple(_defaults(node.params)), node.decorators))
            self.expression(tuple(annotation.value for annotation in node.annotations))
            self.children.append(node)
        elif isinstance(node, ir.ClassDef):
            self.names.append(node.name)
            self.expression((node.bases, tuple(keyword.value for keyword in node.keywords), node.decorators))
            self.children.append(node)
        elif isinstance(node, (ir.Nonlocal, ir.Global)):
            self.names.extend(node.names)
        elif isinstance(node, ir.Yield):  # (`target = yield value`: the assignment's target first)
            self.expression((node.target, node.value))
        elif isinstance(node, ir.AnnAssign):
            self.names.append(node.target)
            self.expression((node.annotation, node.value))
        elif isinstance(node, ir.Import):
            self.names.append(node.asname)
        elif isinstance(node, ir.TypeAlias):
            self.names.append(node.name)
        elif isinstance(node, ir.Raise):
            if node.exception is not None:
                self.names.append(node.exception)
            self.expression(node.value)
        elif isinstance(node, ir.Try):
            self.statements(node.body)
            for handler in node.handlers:
                self.names.extend(handler.types)
                if handler.name is not None:
                    self.names.append(handler.name)
                self.statements(handler.body)
            self.statements(node.orelse)
            self.statements(node.finalbody)
        elif isinstance(node, ir.Match):
            self.expression(node.subject)
            for case in node.cases:
                self.pattern(case.pattern)
                self.expression(case.guard)
                self.statements(case.body)
        else:
            if type(node) in self.PROBES:
                self.names.append(self.PROBES[type(node)])
            self.fields(node)

    def pattern(self, pattern: ir.Pattern) -> None:
        if isinstance(pattern, ir.MatchClass):
            self.expression(pattern.cls)
            for part in (*pattern.patterns, *(part for _, part in pattern.keywords)):
                self.pattern(part)
        elif isinstance(pattern, ir.MatchAs):
            self.pattern(pattern.pattern)
            self.names.append(pattern.name)
        elif isinstance(pattern, (ir.MatchSequence, ir.MatchOr, ir.MatchMapping)):
            for part in pattern.patterns:
                self.pattern(part)
            if isinstance(pattern, ir.MatchMapping) and pattern.rest is not None:
                self.names.append(pattern.rest)
        elif isinstance(pattern, (ir.MatchCapture, ir.MatchStar)) and pattern.name is not None:
            self.names.append(pattern.name)

    def expression(self, node: Any) -> None:
        if isinstance(node, tuple):
            for item in node:
                self.expression(item)
        elif isinstance(node, ir.Name):
            self.names.append(node.id)
        elif isinstance(node, ir.Builtin):
            self.names.append(node.name)
        elif isinstance(node, ir.Lambda):
            self.expression(tuple(_defaults(node.params)))
            self.children.append(node)
        elif isinstance(node, ir.Comprehension):
            self.expression(node.clauses[0].iter)  # (in the block around)
            self.children.append(node)
        elif isinstance(node, ir.NamedExpr):  # (the value, then the target)
            self.expression(node.value)
            self.names.append(node.target)
        elif isinstance(node, ir.Super):  # (`super` makes the function use __class__ as well)
            self.names.extend(("super", "__class__"))
        elif isinstance(node, ir.LocalNames):
            self.names.append("locals")
        elif isinstance(node, ir.EvalName):
            self.names.append("eval")
        elif isinstance(node, ir.ProbeCallValue):
            self.names.append("probe_call")
            self.expression((node.func, node.args))
        elif hasattr(node, "__dataclass_fields__"):
            self.fields(node)

    def fields(self, node: Any) -> None:
        """A node's expressions and statements in the order of its fields (the order symtable.c visits them)."""
        for name in node.__dataclass_fields__:
            value = getattr(node, name)
            if isinstance(value, tuple) and value and isinstance(value[0], ir.Stmt):
                self.statements(value)
            elif isinstance(value, ir.Stmt):
                self.statement(value)
            elif isinstance(value, tuple) or hasattr(value, "__dataclass_fields__"):
                self.expression(value)
