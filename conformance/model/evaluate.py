"""The reference evaluator: runs a program IR with explicit cells and predicts its probes.

Written from the Language Reference, not from CPython's code:

- every variable of a block lives where §4.2 puts it (scopes.py): a frame slot, a
  cell, the class namespace or the module's globals;
- a function object keeps the cells of its free variables, so a closure reads a
  variable when it runs (late binding) and sibling closures share cells;
- reading an unbound local raises UnboundLocalError, an empty free variable's cell
  NameError, a missing global NameError (§4.2.2, §4.3);
- `except E as N:` binds N and clears it at the end of the clause (§8.4);
- evaluation order is left to right (§6.16): callee before arguments, decorators
  before default values, the target of an augmented assignment before its value.

The result has the same shape as the runner's report of a program, so the two
compare field by field. Programs whose outcome the Reference leaves open (deep
recursion, unbounded loops, set iteration order) raise Unspecified.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from conformance.model.scopes import (
    CELL,
    CLASS_LOCAL,
    FREE,
    LOCAL,
    Analysis,
    Block,
    Kind,
    ScopeSyntaxError,
    Unspecified,
    analyze,
)
from generators import ir

MAX_DEPTH = 20  # as the runner's encode()
CALL_DEPTH_LIMIT = 60
STEP_LIMIT = 5000

EXCEPTION_MRO = {
    "NameError": ["NameError", "Exception", "BaseException", "object"],
    "UnboundLocalError": ["UnboundLocalError", "NameError", "Exception", "BaseException", "object"],
    "TypeError": ["TypeError", "Exception", "BaseException", "object"],
    "ValueError": ["ValueError", "Exception", "BaseException", "object"],
    "AttributeError": ["AttributeError", "Exception", "BaseException", "object"],
    "IndexError": ["IndexError", "LookupError", "Exception", "BaseException", "object"],
    "KeyError": ["KeyError", "LookupError", "Exception", "BaseException", "object"],
    "SyntaxError": ["SyntaxError", "Exception", "BaseException", "object"],
}


# -- values -------------------------------------------------------------------------


class Empty:
    def __repr__(self) -> str:
        return "<empty>"


EMPTY = Empty()


@dataclass(eq=False, slots=True)
class Cell:
    value: Any = EMPTY


@dataclass(eq=False, slots=True)
class Function:
    name: str
    node: ir.FunctionDef | ir.Lambda
    block: Block
    closure: dict[str, Cell]
    defaults: list[Any]  # for the last len(defaults) positional parameters
    kwdefaults: dict[str, Any]
    globals: dict[str, Any]


@dataclass(eq=False)
class Method:
    function: Function
    instance: Instance


@dataclass(eq=False)
class Class:
    name: str
    namespace: dict[str, Any]


@dataclass(eq=False)
class Instance:
    cls: Class


@dataclass(eq=False)
class ListValue:
    items: list[Any]


@dataclass(eq=False)
class SetValue:
    items: dict[Any, Any]  # hash key -> value, in insertion order


@dataclass(eq=False)
class DictValue:
    items: dict[Any, tuple[Any, Any]]  # hash key -> (key, value)


@dataclass(eq=False)
class RangeValue:
    stop: int


@dataclass(eq=False)
class Generator:
    name: str
    frames: Iterator[Any]
    running: bool = False
    finished: bool = False


@dataclass(eq=False)
class ExceptionValue:
    type: str
    message: str | None  # predicted only for the NameError family (a CPython detail)


@dataclass(eq=False)
class BuiltinValue:
    name: str  # "range", "list"


@dataclass(eq=False)
class Append:
    target: ListValue


class Raised(Exception):
    """An exception raised inside the modelled program."""

    def __init__(self, value: ExceptionValue) -> None:
        super().__init__(value.type)
        self.value = value


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


def raise_(type_: str, message: str | None = None) -> Raised:
    return Raised(ExceptionValue(type_, message))


def type_name(value: Any) -> str:
    if value is None:
        return "NoneType"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, tuple):
        return "tuple"
    names = {
        Function: "function",
        Method: "method",
        Class: "type",
        ListValue: "list",
        SetValue: "set",
        DictValue: "dict",
        RangeValue: "range",
        Generator: "generator",
        BuiltinValue: "type",
        Append: "builtin_function_or_method",
    }
    if isinstance(value, Instance):
        return value.cls.name
    if isinstance(value, ExceptionValue):
        return value.type
    return names[type(value)]


# -- frames -------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class Frame:
    block: Block
    globals: dict[str, Any]
    cells: dict[str, Cell]
    fast: dict[str, Any] = field(default_factory=dict)
    namespace: dict[str, Any] | None = None  # class bodies


class Messages:
    """The message texts of the NameError family, which changed in 3.11 (a CPython detail)."""

    def __init__(self, version: tuple[int, ...]) -> None:
        self.new = tuple(version[:2]) >= (3, 11)

    def unbound_local(self, name: str) -> str:
        if self.new:
            return "cannot access local variable %r where it is not associated with a value" % name
        return "local variable %r referenced before assignment" % name

    def empty_free(self, name: str) -> str:
        if self.new:
            return "cannot access free variable %r where it is not associated with a value in enclosing scope" % name
        return "free variable %r referenced before assignment in enclosing scope" % name

    @staticmethod
    def undefined(name: str) -> str:
        return "name %r is not defined" % name


# -- the evaluator ------------------------------------------------------------------


class Evaluator:
    def __init__(self, analysis: Analysis, version: tuple[int, ...]) -> None:
        self.analysis = analysis
        self.messages = Messages(version)
        self.observations: list[list[Any]] = []
        self.label_counts: dict[str, int] = {}
        self.seen_cells: list[Cell] = []
        self.depth = 0
        self.steps = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > STEP_LIMIT:
            raise Unspecified("the program runs too long for the model")

    # -- names --------------------------------------------------------------

    def unbound(self, kind: Kind, name: str) -> Raised:
        """§4.2.2: a local of this block unbound, or an empty cell received from outside."""
        if kind is FREE:
            return raise_("NameError", self.messages.empty_free(name))
        return raise_("UnboundLocalError", self.messages.unbound_local(name))

    def load(self, frame: Frame, name: str) -> Any:
        kind = frame.block.scope[name]
        if kind is LOCAL:
            if name not in frame.fast:
                raise self.unbound(kind, name)
            return frame.fast[name]
        if kind in (CELL, FREE):
            value = frame.cells[name].value
            if value is EMPTY:
                raise self.unbound(kind, name)
            return value
        if kind is CLASS_LOCAL:
            assert frame.namespace is not None
            if name in frame.namespace:
                return frame.namespace[name]
        if name in frame.globals:
            return frame.globals[name]
        raise raise_("NameError", self.messages.undefined(name))

    def store(self, frame: Frame, name: str, value: Any) -> None:
        kind = frame.block.scope[name]
        if kind is LOCAL:
            frame.fast[name] = value
        elif kind in (CELL, FREE):
            frame.cells[name].value = value
        elif kind is CLASS_LOCAL:
            assert frame.namespace is not None
            frame.namespace[name] = value
        else:
            frame.globals[name] = value

    def delete(self, frame: Frame, name: str) -> None:
        kind = frame.block.scope[name]
        if kind is LOCAL:
            if name not in frame.fast:
                raise self.unbound(kind, name)
            del frame.fast[name]
        elif kind in (CELL, FREE):
            cell = frame.cells[name]
            if cell.value is EMPTY:
                raise self.unbound(kind, name)
            cell.value = EMPTY
        else:
            space = frame.namespace if kind is CLASS_LOCAL else frame.globals
            assert space is not None
            if name not in space:
                raise raise_("NameError", self.messages.undefined(name))
            del space[name]

    def closure_for(self, frame: Frame, block: Block) -> dict[str, Cell]:
        return {name: frame.cells[name] for name in block.freevars}

    def new_frame(self, block: Block, globals_: dict[str, Any], closure: dict[str, Cell]) -> Frame:
        cells = dict(closure)
        for name in block.cellvars:
            cells[name] = Cell()
        return Frame(block, globals_, cells)

    # -- statements ---------------------------------------------------------
    #
    # Only a generator function's body can stop in the middle, at a yield statement, so
    # only it runs as a Python generator (run_block). Every other body runs straight
    # through (execute_block): one method per kind of statement, chosen by STATEMENTS.

    def execute_block(self, frame: Frame, body: tuple[ir.Stmt, ...]) -> None:
        for statement in body:
            self.execute(frame, statement)

    def execute(self, frame: Frame, node: ir.Stmt) -> None:
        self.step()
        execute = STATEMENTS.get(type(node))
        if execute is None:
            raise TypeError("not a statement: %r" % (node,))
        execute(self, frame, node)

    def exec_assign(self, frame: Frame, node: ir.Assign) -> None:
        self.store(frame, node.target, self.eval(frame, node.value))

    def exec_aug_assign(self, frame: Frame, node: ir.AugAssign) -> None:
        current = self.load(frame, node.target)
        self.store(frame, node.target, self.add(current, self.eval(frame, node.value), in_place=True))

    def exec_delete(self, frame: Frame, node: ir.Delete) -> None:
        self.delete(frame, node.target)

    def exec_declaration(self, frame: Frame, node: ir.Nonlocal | ir.Global) -> None:
        pass  # read by the scope analysis; nothing to run

    def exec_expr(self, frame: Frame, node: ir.ExprStmt) -> None:
        self.eval(frame, node.value)

    def exec_return(self, frame: Frame, node: ir.Return) -> None:
        raise _Return(None if node.value is None else self.eval(frame, node.value))

    def exec_yield(self, frame: Frame, node: ir.Yield) -> None:
        raise AssertionError("yield outside a generator function")

    def exec_raise(self, frame: Frame, node: ir.Raise) -> None:
        value = self.eval(frame, node.value)
        raise raise_("ValueError", str(value) if value is None or type(value) is int else None)

    def exec_for(self, frame: Frame, node: ir.For) -> None:
        for item in self.iterate(self.eval(frame, node.iter)):
            self.store(frame, node.target, item)
            self.execute_block(frame, node.body)

    def exec_try(self, frame: Frame, node: ir.Try) -> None:
        try:
            self.execute_block(frame, node.body)
        except Raised as raised:
            self.store(frame, node.name, raised.value)
            try:
                self.execute_block(frame, node.handler)
            finally:
                self.clear_handler_name(frame, node.name)

    def clear_handler_name(self, frame: Frame, name: str) -> None:
        # §8.4: the exception is bound to the name, and the name is cleared at the
        # end of the clause. CPython clears it as `N = None; del N`, which cannot
        # fail even if the handler unbound N; the model does the same.
        self.store(frame, name, None)
        self.delete(frame, name)

    def exec_function_def(self, frame: Frame, node: ir.FunctionDef) -> None:
        decorators = [self.eval(frame, decorator) for decorator in node.decorators]
        function: Any = self.make_function(frame, node, node.params, node.name)
        for decorator in reversed(decorators):
            function = self.call(decorator, [function])
        self.store(frame, node.name, function)

    def exec_class_def(self, frame: Frame, node: ir.ClassDef) -> None:
        block = self.analysis.block_of(node)
        body = self.new_frame(block, frame.globals, self.closure_for(frame, block))
        body.namespace = {}
        self.execute_block(body, node.body)
        self.store(frame, node.name, Class(node.name, body.namespace))

    def exec_probe(self, frame: Frame, node: ir.Probe) -> None:
        self.record(node.label, {"value": self.encode(self.eval(frame, node.value))})

    def exec_probe_call(self, frame: Frame, node: ir.ProbeCall) -> None:
        self.probe_call(frame, node.label, node.func, node.args)

    def exec_probe_closure(self, frame: Frame, node: ir.ProbeClosure) -> None:
        self.record(node.label, self.closure_facts(self.eval(frame, node.value)))

    def probe_call(self, frame: Frame, label: str, func: ir.Expr, arg_nodes: tuple[ir.Expr, ...]) -> Any:
        """probe_call(label, func, *args): record the result or the exception; give the result or None."""
        function = self.eval(frame, func)
        args = [self.eval(frame, arg) for arg in arg_nodes]
        try:
            result = self.call(function, args)
        except Raised as raised:
            self.record(label, {"raises": self.encode_exception(raised.value)})
            return None
        self.record(label, {"value": self.encode(result)})
        return result

    # -- the body of a generator function: yields what its yield statements yield

    def run_block(self, frame: Frame, body: tuple[ir.Stmt, ...]) -> Iterator[Any]:
        for statement in body:
            if isinstance(statement, (ir.Yield, ir.For, ir.Try)):
                self.step()
                yield from self.run(frame, statement)
            else:
                self.execute(frame, statement)

    def run(self, frame: Frame, node: ir.Yield | ir.For | ir.Try) -> Iterator[Any]:
        """The statements that can hold a yield, as exec_for and exec_try but yielding."""
        if isinstance(node, ir.Yield):
            yield self.eval(frame, node.value)
        elif isinstance(node, ir.For):
            for item in self.iterate(self.eval(frame, node.iter)):
                self.store(frame, node.target, item)
                yield from self.run_block(frame, node.body)
        else:
            try:
                yield from self.run_block(frame, node.body)
            except Raised as raised:
                self.store(frame, node.name, raised.value)
                try:
                    yield from self.run_block(frame, node.handler)
                finally:
                    self.clear_handler_name(frame, node.name)

    # -- expressions: one method per kind of expression, chosen by EXPRESSIONS

    def eval(self, frame: Frame, node: ir.Expr) -> Any:
        evaluate = EXPRESSIONS.get(type(node))
        if evaluate is None:
            raise TypeError("not an expression: %r" % (node,))
        return evaluate(self, frame, node)

    def eval_const(self, frame: Frame, node: ir.Const) -> Any:
        return node.value

    def eval_name(self, frame: Frame, node: ir.Name) -> Any:
        return self.load(frame, node.id)

    def eval_builtin(self, frame: Frame, node: ir.Builtin) -> Any:
        return BuiltinValue(node.name)

    def eval_add(self, frame: Frame, node: ir.Add) -> Any:
        left = self.eval(frame, node.left)
        return self.add(left, self.eval(frame, node.right))

    def eval_call(self, frame: Frame, node: ir.Call) -> Any:
        function = self.eval(frame, node.func)
        return self.call(function, [self.eval(frame, arg) for arg in node.args])

    def eval_attribute(self, frame: Frame, node: ir.Attribute) -> Any:
        return self.attribute(self.eval(frame, node.value), node.attr)

    def eval_subscript(self, frame: Frame, node: ir.Subscript) -> Any:
        return self.subscript(self.eval(frame, node.value), node.index)

    def eval_tuple(self, frame: Frame, node: ir.TupleExpr) -> Any:
        return tuple(self.eval(frame, elt) for elt in node.elts)

    def eval_list(self, frame: Frame, node: ir.ListExpr) -> Any:
        return ListValue([self.eval(frame, elt) for elt in node.elts])

    def eval_lambda(self, frame: Frame, node: ir.Lambda) -> Any:
        return self.make_function(frame, node, node.params, "<lambda>")

    def eval_probe_call(self, frame: Frame, node: ir.ProbeCallValue) -> Any:
        return self.probe_call(frame, node.label, node.func, node.args)

    def eval_named(self, frame: Frame, node: ir.NamedExpr) -> Any:
        value = self.eval(frame, node.value)
        self.store(frame, node.target, value)
        return value

    def make_function(self, frame: Frame, node: ir.FunctionDef | ir.Lambda, params: ir.Params, name: str) -> Function:
        defaults = [self.eval(frame, p.default) for p in params.positional if p.default is not None]
        kwdefaults = {p.name: self.eval(frame, p.default) for p in params.kwonly if p.default is not None}
        block = self.analysis.block_of(node)
        return Function(name, node, block, self.closure_for(frame, block), defaults, kwdefaults, frame.globals)

    def comprehension(self, frame: Frame, node: ir.Comprehension) -> Any:
        iterator = self.iterate(self.eval(frame, node.iter))  # in the enclosing scope, at once
        block = self.analysis.block_of(node)
        inner = self.new_frame(block, frame.globals, self.closure_for(frame, block))

        def items() -> Iterator[Any]:
            for item in iterator:
                self.store(inner, node.target, item)
                if node.kind == "dict":
                    assert node.key is not None
                    key = self.eval(inner, node.key)
                    yield (key, self.eval(inner, node.elt))
                else:
                    yield self.eval(inner, node.elt)

        if node.kind == "gen":
            return Generator("<genexpr>", items())
        if node.kind == "list":
            return ListValue(list(items()))
        if node.kind == "set":
            result = SetValue({})
            for item in items():
                result.items.setdefault(self.hash_key(item), item)
            return result
        mapping = DictValue({})
        for key, value in items():
            hashed = self.hash_key(key)
            original = mapping.items[hashed][0] if hashed in mapping.items else key
            mapping.items[hashed] = (original, value)
        return mapping

    # -- operations ---------------------------------------------------------

    def add(self, left: Any, right: Any, in_place: bool = False) -> Any:
        if type(left) is int and type(right) is int:
            return left + right
        if isinstance(left, ListValue):
            if in_place:  # list += iterable extends the list itself
                left.items.extend(list(self.iterate(right)))
                return left
            if isinstance(right, ListValue):
                return ListValue(left.items + right.items)
        if isinstance(left, tuple) and isinstance(right, tuple):
            return left + right
        raise raise_("TypeError")

    def attribute(self, value: Any, attr: str) -> Any:
        if isinstance(value, ListValue) and attr == "append":
            return Append(value)
        if isinstance(value, Class) and attr in value.namespace:
            return value.namespace[attr]
        if isinstance(value, Instance) and attr in value.cls.namespace:
            found = value.cls.namespace[attr]
            return Method(found, value) if isinstance(found, Function) else found
        raise raise_("AttributeError")

    def subscript(self, value: Any, index: int) -> Any:
        if isinstance(value, (ListValue, tuple)):
            items = value.items if isinstance(value, ListValue) else value
            if -len(items) <= index < len(items):
                return items[index]
            raise raise_("IndexError")
        if isinstance(value, DictValue):
            key = self.hash_key(index)
            if key in value.items:
                return value.items[key][1]
            raise raise_("KeyError")
        raise raise_("TypeError")

    def hash_key(self, value: Any) -> Any:
        if value is None or type(value) is int:
            return ("value", value)
        if isinstance(value, tuple):
            return ("tuple", tuple(self.hash_key(item) for item in value))
        if isinstance(value, (ListValue, SetValue, DictValue)):
            raise raise_("TypeError")
        return ("identity", id(value))

    def iterate(self, value: Any) -> Iterator[Any]:
        """iter(value) at once (TypeError now), then its items as they are asked for."""
        if isinstance(value, RangeValue):
            return self._counted(iter(range(value.stop)))
        if isinstance(value, ListValue):
            return self._live_list(value)
        if isinstance(value, tuple):
            return self._counted(iter(value))
        if isinstance(value, DictValue):
            return self._counted(iter([key for key, _ in value.items.values()]))
        if isinstance(value, Generator):
            return self._resume(value)
        if isinstance(value, SetValue):
            raise Unspecified("the iteration order of a set is not specified")
        raise raise_("TypeError")

    def _counted(self, items: Iterator[Any]) -> Iterator[Any]:
        for item in items:
            self.step()
            yield item

    def _live_list(self, value: ListValue) -> Iterator[Any]:
        index = 0
        while index < len(value.items):  # a list grown while iterated is iterated further
            self.step()
            yield value.items[index]
            index += 1

    def _resume(self, generator: Generator) -> Iterator[Any]:
        while not generator.finished:
            if generator.running:
                raise raise_("ValueError")
            generator.running = True
            try:
                item = next(generator.frames)
            except StopIteration:
                generator.finished = True
                return
            except BaseException:
                generator.finished = True
                raise
            finally:
                generator.running = False
            self.step()
            yield item

    # -- calls --------------------------------------------------------------

    def call(self, function: Any, args: list[Any]) -> Any:
        self.step()
        if isinstance(function, Function):
            return self.call_function(function, args)
        if isinstance(function, Method):
            return self.call(function.function, [function.instance, *args])
        if isinstance(function, Class):
            if args:
                raise raise_("TypeError")
            return Instance(function)
        if isinstance(function, Append):
            if len(args) != 1:
                raise raise_("TypeError")
            function.target.items.append(args[0])
            return None
        if isinstance(function, BuiltinValue):
            return self.call_builtin(function.name, args)
        raise raise_("TypeError")

    def call_function(self, function: Function, args: list[Any]) -> Any:
        frame = self.new_frame(function.block, function.globals, function.closure)
        self.bind_arguments(function, frame, args)
        node = function.node
        if isinstance(node, ir.FunctionDef) and function.block.generator:
            return Generator(node.name, self.generator_frames(frame, node))
        self.depth += 1
        if self.depth > CALL_DEPTH_LIMIT:
            raise Unspecified("recursion deeper than the model follows")
        try:
            if isinstance(node, ir.Lambda):
                return self.eval(frame, node.body)
            return self.run_function(frame, node)
        finally:
            self.depth -= 1

    def run_function(self, frame: Frame, node: ir.FunctionDef) -> Any:
        try:
            self.execute_block(frame, node.body)
        except _Return as returned:
            return returned.value
        return None

    def generator_frames(self, frame: Frame, node: ir.FunctionDef) -> Iterator[Any]:
        try:
            yield from self.run_block(frame, node.body)
        except _Return:
            return

    def bind_arguments(self, function: Function, frame: Frame, args: list[Any]) -> None:
        params = function.node.params
        positional = params.positional
        if len(args) > len(positional) and params.vararg is None:
            raise raise_("TypeError")
        first_default = len(positional) - len(function.defaults)
        for index, param in enumerate(positional):
            if index < len(args):
                value = args[index]
            elif index >= first_default:
                value = function.defaults[index - first_default]
            else:
                raise raise_("TypeError")
            self.store(frame, param.name, value)
        if params.vararg is not None:
            self.store(frame, params.vararg, tuple(args[len(positional) :]))
        for param in params.kwonly:
            self.store(frame, param.name, function.kwdefaults[param.name])

    def call_builtin(self, name: str, args: list[Any]) -> Any:
        if name == "range":
            if len(args) != 1 or type(args[0]) is not int:
                raise raise_("TypeError")
            return RangeValue(max(args[0], 0))
        if name == "list":
            if len(args) != 1:
                raise raise_("TypeError")
            return ListValue(list(self.iterate(args[0])))
        raise AssertionError("unknown builtin %r" % name)

    # -- observations, encoded as the runner encodes them -------------------

    def record(self, label: str, observation: dict[str, Any]) -> None:
        count = self.label_counts.get(label, 0) + 1
        self.label_counts[label] = count
        self.observations.append([label if count == 1 else "%s#%d" % (label, count), observation])

    def encode(self, value: Any, depth: int = 0) -> Any:
        if value is None or isinstance(value, bool):
            return value
        if depth > MAX_DEPTH:
            return {"object": type_name(value), "repr": "<nested too deep>"}
        if type(value) is int:
            return value
        if isinstance(value, ListValue):
            return [self.encode(item, depth + 1) for item in value.items]
        if isinstance(value, tuple):
            return {"tuple": [self.encode(item, depth + 1) for item in value]}
        if isinstance(value, DictValue):
            return {"dict": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items.values()]}
        if isinstance(value, SetValue):
            items = [self.encode(item, depth + 1) for item in value.items.values()]
            return {"set": sorted(items, key=lambda item: json.dumps(item, sort_keys=True))}
        if isinstance(value, Function):
            return {"function": value.name}
        if isinstance(value, Method):
            return {"function": value.function.name}
        return {"object": type_name(value)}

    @staticmethod
    def encode_exception(value: ExceptionValue) -> dict[str, Any]:
        encoded = {"type": value.type, "module": "builtins", "mro": EXCEPTION_MRO[value.type]}
        if value.message is not None:
            encoded["message"] = value.message
        return encoded

    def closure_facts(self, value: Any) -> dict[str, Any]:
        facts: dict[str, Any] = {"type": type_name(value)}
        function = value.function if isinstance(value, Method) else value
        if not isinstance(function, Function):
            return facts
        freevars = sorted(function.block.freevars)
        facts["freevars"] = freevars
        if not freevars:
            facts["closure"] = None
            return facts
        facts["closure"] = len(freevars)
        facts["cells"] = {name: self.cell_facts(function.closure[name]) for name in freevars}
        return facts

    def cell_facts(self, cell: Cell) -> dict[str, Any]:
        for index, seen in enumerate(self.seen_cells):
            if seen is cell:
                label = index
                break
        else:
            self.seen_cells.append(cell)
            label = len(self.seen_cells) - 1
        if cell.value is EMPTY:
            return {"id": label, "empty": True}
        return {"id": label, "value": self.encode(cell.value)}


def predict(module: ir.Module, version: tuple[int, ...]) -> dict[str, Any]:
    """What running the program must report, in the runner's result format.

    Raises Unspecified when the Reference does not determine the outcome.
    """
    try:
        analysis = analyze(module)
    except ScopeSyntaxError as error:
        # The rule broken is kept for people; compile-time messages are not predicted.
        return {"compile_error": {"type": "SyntaxError", "module": "builtins", "mro": EXCEPTION_MRO["SyntaxError"],
                                  "rule": str(error)}}  # fmt: skip
    evaluator = Evaluator(analysis, version)
    frame = Frame(analysis.module, {}, {})
    result: dict[str, Any] = {}
    try:
        evaluator.execute_block(frame, module.body)
    except Raised as raised:
        result["error"] = evaluator.encode_exception(raised.value)
    result["observations"] = evaluator.observations
    return result


# The IR classes are final (no subclasses), so a node's exact type picks its method.
STATEMENTS: dict[type[Any], Callable[[Evaluator, Frame, Any], None]] = {
    ir.Assign: Evaluator.exec_assign,
    ir.AugAssign: Evaluator.exec_aug_assign,
    ir.Delete: Evaluator.exec_delete,
    ir.Nonlocal: Evaluator.exec_declaration,
    ir.Global: Evaluator.exec_declaration,
    ir.ExprStmt: Evaluator.exec_expr,
    ir.Return: Evaluator.exec_return,
    ir.Yield: Evaluator.exec_yield,
    ir.Raise: Evaluator.exec_raise,
    ir.For: Evaluator.exec_for,
    ir.Try: Evaluator.exec_try,
    ir.FunctionDef: Evaluator.exec_function_def,
    ir.ClassDef: Evaluator.exec_class_def,
    ir.Probe: Evaluator.exec_probe,
    ir.ProbeCall: Evaluator.exec_probe_call,
    ir.ProbeClosure: Evaluator.exec_probe_closure,
}

EXPRESSIONS: dict[type[Any], Callable[[Evaluator, Frame, Any], Any]] = {
    ir.Const: Evaluator.eval_const,
    ir.Name: Evaluator.eval_name,
    ir.Builtin: Evaluator.eval_builtin,
    ir.Add: Evaluator.eval_add,
    ir.Call: Evaluator.eval_call,
    ir.Attribute: Evaluator.eval_attribute,
    ir.Subscript: Evaluator.eval_subscript,
    ir.TupleExpr: Evaluator.eval_tuple,
    ir.ListExpr: Evaluator.eval_list,
    ir.Lambda: Evaluator.eval_lambda,
    ir.Comprehension: Evaluator.comprehension,
    ir.ProbeCallValue: Evaluator.eval_probe_call,
    ir.NamedExpr: Evaluator.eval_named,
}
