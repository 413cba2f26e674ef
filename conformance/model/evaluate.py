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

import dataclasses
import functools
import json
import math
import operator
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Generator as Generator_
from dataclasses import dataclass, field
from typing import Any

from conformance.model.deviations import Switches
from conformance.model.mangle import Mangled, has_generic_class, mangle, mangle_last_class, mangle_leaking
from conformance.model.scopes import (
    CELL,
    CLASS_CELL,
    CLASS_LOCAL,
    FREE,
    GLOBAL_EXPLICIT,
    GLOBAL_IMPLICIT,
    LOCAL,
    MODULE,
    UNRESOLVED,
    Analysis,
    Block,
    Kind,
    ScopeCompilerCrash,
    ScopeSegfault,
    ScopeSyntaxError,
    ScopeSystemError,
    Unspecified,
    analyze,
    class_seen_by,
    code_cells,
    comprehension_cells,
    declared_private,
    deleted_captured,
    inlined,
    inlined_into,
    merge_leaking,
    read_by_its_code,
    translator_globals,
)
from conformance.model.translation import (
    DEL_GLOBAL_ERRORS,
    bound_around,
    class_body_deletions,
    class_body_reads,
    definitions_run_as_the_last,
    free_variable_order,
    generic_default_reads,
    global_deletions,
    namespace_target_reads,
    nodes,
    nonlocal_bindings_unbound_around,
    nonlocals_bound_later,
    own_code,
    plain_global_reads,
    plain_local_deletions,
    plain_local_reads,
    restored_comprehension_target,
    saved_comprehension_targets,
    translation_failure,
)
from conformance.model.versions import Rules
from generators import ir


def _own_cell(name: str) -> str:
    """The key of a class body's own cell `name` in its frame's cells, beside the cell `name` passing through it
    (deviation class-comprehension-cell-hides-enclosing-variable); not an identifier, so no name meets it."""
    return name + " (own cell of the class body)"


MAX_DEPTH = 20  # as the runner's encode()
Binding = ir.Name | ir.FunctionDef | ir.ClassDef | ir.AugAssign  # a statement's binding, its target or itself
LOOP = "loop"  # (deviation break-or-continue-before-finally-runs-the-rest-of-the-body) see Evaluator.regions
PRIVATE_AS_WRITTEN = "private-name-read-as-a-global-is-looked-up-unmangled"
STAR_UNPACKING_STOPS = "star-unpacking-in-a-display-turns-an-exception-into-stopiteration"
GLOBAL_PRIVATE = "global-declaration-of-a-private-name-is-not-mangled"
# (deviation unbound-read-as-undefined) Brython's error where a method call or an attribute set reads the dict
# of JavaScript's undefined
READING_THE_DICT_OF_UNDEFINED = "Cannot read properties of undefined (reading 'Symbol(DICT)')"
CALL_DEPTH_LIMIT = 30  # calls nested deeper: recursion, whose limit the Reference leaves open
STEP_LIMIT = 5000


class UnfollowedLoop(Unspecified):
    """The program runs more than STEP_LIMIT steps: the model follows it no further. Under a deviation whose
    rule makes a loop of the program never end (a counter reset at each iteration), a target that does not
    finish the program within its time limit is explained by it (conformance/engine/diagnose.py)."""

    def __init__(self) -> None:
        super().__init__("the program runs too long for the model")


class Crashes(Unspecified):
    """Under a deviation whose implementation crashes there (a segfault: no result at all), the point where
    the program makes it crash; predict() answers {"fault": ...}. (An Unspecified, so that nothing the program
    does catches it on the way out: the plain model never raises it.)"""

    def __init__(self, signal: str, rule: str) -> None:
        super().__init__(rule)
        self.signal, self.rule = signal, rule


class UnfollowedRecursion(Unspecified):
    """Calls nested deeper than CALL_DEPTH_LIMIT: the implementation's recursion limit decides where its
    RecursionError is raised (sys.setrecursionlimit: the Reference fixes no depth), and so what the program
    observes from there on. `observations`: what the prediction had recorded until then (set by predict), all
    of which the program must observe before any RecursionError (conformance/engine/diagnose.py)."""

    def __init__(self) -> None:
        super().__init__("recursion deeper than the model follows")
        self.observations: list[list[Any]] = []


_BASE = ["Exception", "BaseException", "object"]
EXCEPTION_MRO = {
    "Exception": _BASE,
    "NameError": ["NameError", *_BASE],
    "UnboundLocalError": ["UnboundLocalError", "NameError", *_BASE],
    "TypeError": ["TypeError", *_BASE],
    "ValueError": ["ValueError", *_BASE],
    "AttributeError": ["AttributeError", *_BASE],
    "LookupError": ["LookupError", *_BASE],
    "IndexError": ["IndexError", "LookupError", *_BASE],
    "KeyError": ["KeyError", "LookupError", *_BASE],
    "RuntimeError": ["RuntimeError", *_BASE],
    "ArithmeticError": ["ArithmeticError", *_BASE],
    "ZeroDivisionError": ["ZeroDivisionError", "ArithmeticError", *_BASE],
    "OverflowError": ["OverflowError", "ArithmeticError", *_BASE],
    "AssertionError": ["AssertionError", *_BASE],
    "StopIteration": ["StopIteration", *_BASE],
    "SyntaxError": ["SyntaxError", *_BASE],
    "SystemError": ["SystemError", *_BASE],
    "NotImplementedError": ["NotImplementedError", "RuntimeError", *_BASE],
    "ExternalError": ["ExternalError", *_BASE],  # (deviation empty-cell-read-gives-undefined: a host error)
    "JavaScriptError": ["JavaScriptError"],  # (deviations: a compiler written in JavaScript fails, as Skulpt's)
    "JavascriptError": ["JavascriptError", *_BASE],  # (Brython's error of the host, under deviations)
}
MAX_INT_BITS = 4096  # a larger int is exact but slow to make and to encode: the model does not follow it
MAX_LENGTH = 1000  # nor a longer list made by repetition


# -- values -------------------------------------------------------------------------


class Empty:
    def __repr__(self) -> str:
        return "<empty>"


EMPTY = Empty()


class TheGlobal:
    def __repr__(self) -> str:
        return "<the global>"


THE_GLOBAL = TheGlobal()  # Frame.target_reads: a comprehension's read of its target is of the global variable


class Undefined:
    """Deviation empty-cell-read-gives-undefined: what reading an empty cell gives (JavaScript's
    undefined, which also marks an unbound variable): stored anywhere, it leaves the target unbound."""

    def __repr__(self) -> str:
        return "<undefined>"


UNDEFINED = Undefined()


def _own_name(block: Block, name: str) -> bool:
    """A name the block binds, not declared global or nonlocal: one Brython reads as `locals.name`, from the
    namespace of the JavaScript function whose code reads it."""
    return name in block.bound and name not in block.globals and name not in block.nonlocals


def _reads_own_names(block: Block, params: ir.Params) -> bool:
    """Deviation generic-def-defaults-read-names-in-the-type-parameter-scope: the defaults of a def read one of
    the block's own names (_own_name) in its own code (not in a lambda or comprehension nested in them)."""
    defaults = tuple(p.default for p in (*params.positional_params(), *params.kwonly) if p.default is not None)
    return any(isinstance(part, ir.Name) and _own_name(block, part.id) for part in own_code(defaults))


def _assigned_before(block: Block, name: str, statement: ir.Stmt) -> bool:
    """Whether a parameter of the block is `name`, or an assignment statement of the block's own code binds it
    before `statement` in the order of the text."""
    if name in block.params:
        return True
    body = block.node.body if isinstance(block.node, (ir.Module, ir.FunctionDef, ir.ClassDef)) else ()
    for part in _own_statements(body):
        if part is statement:
            return False
        if isinstance(part, ir.Assign) and any(name in ir.target_names(t) for t in part.targets):
            return True
    return False


def _own_statements(body: tuple[ir.Stmt, ...]) -> Iterator[ir.Stmt]:
    """The statements of a block's own code, in the order of the text (not those of functions and classes)."""
    for statement in body:
        yield statement
        for nested in ir.blocks_of(statement):
            yield from _own_statements(nested)


def _refuse_undefined(*operands: Any) -> None:
    """Deviation empty-cell-read-gives-undefined: an operation on JavaScript's undefined (an operator,
    an attribute, an item, a call, an iteration) fails in the host, with ExternalError."""
    if any(operand is UNDEFINED for operand in operands):
        raise raise_("ExternalError")


@dataclass(eq=False, slots=True)
class Cell:
    value: Any = EMPTY


@dataclass(eq=False, slots=True)
class ClassCell(Cell):
    """The implicit __class__ cell of a class body, with where its class statement runs (the frame, and the
    class's name as written): deviation dunder-class-is-the-class-name-read-when-the-method-is-called."""

    home: Frame | None = None
    name: str = ""


class GlobalCell(Cell):
    """A cell that is a view of one name of a namespace: (deviation comprehension-variable-of-a-global-name-binds-
    the-global) the cell a function nested in such a comprehension finds for its target, the global of that name;
    (deviation generic-class-does-not-see-its-type-parameters) the variable of a frame's plain locals."""

    __slots__ = ("name", "names")

    def __init__(self, names: dict[str, Any], name: str) -> None:
        self.names = names
        self.name = name

    @property
    def value(self) -> Any:
        return self.names.get(self.name, EMPTY)

    @value.setter
    def value(self, value: Any) -> None:
        if value is EMPTY:
            self.names.pop(self.name, None)
        else:
            self.names[self.name] = value


class SearchedCell(Cell):
    """(Deviation comprehension-variable-of-a-nonlocal-name-binds-the-enclosing-variable) the cell a function
    nested in such a comprehension in a function finds for its target: Brython looks the name up when the
    function reads it, in the namespace of the function the comprehension is in first (which holds it only where
    a handler bound it there: except-as-of-a-declared-name-binds-the-block-namespace), then in the enclosing
    function's variable that the declaration names."""

    __slots__ = ("declared", "name", "names")

    def __init__(self, names: dict[str, Any], name: str, declared: Cell) -> None:
        self.names = names
        self.name = name
        self.declared = declared

    @property
    def value(self) -> Any:
        return self.names.get(self.name, self.declared.value)

    @value.setter
    def value(self, value: Any) -> None:
        raise Unspecified("a binding, from a function nested in a comprehension, of its target declared around it")


@dataclass(eq=False, slots=True)
class Function:
    name: str
    node: ir.FunctionDef | ir.Lambda
    block: Block
    closure: dict[str, Cell]
    defaults: list[Any]  # for the last len(defaults) positional parameters
    kwdefaults: dict[str, Any]
    globals: dict[str, Any]
    attrs: dict[str, Any] = field(default_factory=dict)  # the function's __dict__
    annotations: Annotations | None = None  # a def's parameter and return annotations
    # (deviation unbound-read-as-undefined) the free variables bound, and the globals some function
    # declares and binds, when this function was made: an implementation resolving names in the order
    # of the text reads these without a check
    resolved: frozenset[str] = frozenset()
    # (deviation nested-function-creation-copies-enclosing-variables) the frame the function was made in, and
    # whether each call copies that frame's free variables over its cells (a generator function: Skulpt makes
    # its closure when the generator is made)
    made_in: Frame | None = None
    copies_on_call: bool = False
    # (deviation dunder-class-is-the-class-name-read-when-the-method-is-called) the class whose namespace held this
    # function when the class was made, the last one if several did
    method_class: Class | None = None


@dataclass(eq=False)
class Annotations:
    """What __annotations__ gives: a dict made when the definition runs (before 3.14), or made by the
    `__annotate__` scope on the first read and kept from then on (PEP 649; a read that raises is
    tried again on the next one)."""

    entries: list[tuple[str, ir.Expr]]  # name (mangled), annotation: in the order they are evaluated
    value: DictValue | None = None  # once evaluated
    scope: Block | None = None  # the __annotate__ scope, while not yet evaluated
    closure: dict[str, Cell] = field(default_factory=dict)
    globals: dict[str, Any] = field(default_factory=dict)
    classdict: dict[str, Any] | None = None  # the namespace of the class body it sees (§4.2.4)


@dataclass(eq=False)
class Method:
    function: Function
    instance: Any


@dataclass(eq=False)
class Class:
    name: str
    namespace: dict[str, Any]
    mro: list[Class] = field(default_factory=list)  # itself first; `object` is left implicit
    annotations: Annotations | None = None  # of its body's annotated assignments, if it has any

    def lookup(self, attr: str) -> Any:
        for klass in self.mro:
            if attr in klass.namespace:
                return klass.namespace[attr]
        return EMPTY


@dataclass(eq=False)
class Instance:
    cls: Class
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False)
class TypeVarValue:
    """A type parameter (PEP 695): only its __name__ is observed."""

    name: str


@dataclass(eq=False)
class TypeAliasValue:
    """`type name = value`: the value is computed on the first read of __value__ (§4.2.5), then kept."""

    name: str
    node: ir.TypeAlias
    closure: dict[str, Cell]
    globals: dict[str, Any]
    classdict: dict[str, Any] | None  # made in a class body: that body's namespace (§4.2.4)
    value: Any = None
    computed: bool = False
    made_in: Frame | None = None  # the frame the type statement ran in (for Brython's lookups at run time)


@dataclass(eq=False)
class IteratorValue:
    """The iterator a comprehension's code receives as its first argument (never observed)."""


@dataclass(eq=False)
class ModuleValue:
    name: str
    attrs: dict[str, Any]


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
    frames: Generator_[Any, Any, Any]
    running: bool = False
    finished: bool = False
    # (deviation generator-captured-parameter-fails) the first parameter a nested scope captures, or None
    captured: str | None = None
    frame: Frame | None = None  # the frame its body runs in (as Brython's frame chain holds it)
    node: ir.FunctionDef | None = None  # the generator function whose body it runs (None: a generator expression)


@dataclass(eq=False)
class Coroutine:
    """What calling an `async def` makes: its body runs when it is awaited or sent None."""

    function: Function
    frame: Frame
    state: str = "created"  # then "running", "done"
    arguments: tuple[list[Any], dict[str, Any]] = ([], {})  # what the call passed
    bound: bool = True  # whether they are bound in frame yet (deviation async-arguments-bound-when-run)


@dataclass(eq=False)
class HostValue:
    """A value of the host language that an implementation lets a program see (Brython: JavaScript's
    undefined, a Promise), or one a deviation makes that the model follows no further (a types.GenericAlias):
    what kind of object it is, and nothing of what operations on it do."""

    type_name: str


@dataclass(eq=False)
class Send:
    """The bound `send` method of a generator or coroutine."""

    target: Generator | Coroutine


@dataclass(eq=False)
class ExceptionValue:
    type: str
    message: str | None  # predicted only where the text is the rule's (NameError family, raise T(value))
    value: Any = None  # StopIteration's: what the generator or coroutine returned
    attrs: dict[str, Any] = field(default_factory=dict)  # set by the program (exceptions have a __dict__)


@dataclass(eq=False)
class BuiltinValue:
    name: str  # "range", "list", "dict"


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
        # (deviation return-leaves-the-handlers-of-its-try-in-place) the try statements with handlers set up
        # and the with statements the return has left so far
        self.left = 0


class _Break(Exception):
    pass


class _Suspended(Exception):
    """(Deviation coroutine-send-returns-a-promise) an await suspends the coroutine's body: the rest runs
    once the program has ended, and no finally clause or __exit__ runs before."""


class _AwaitSuspends(_Suspended):
    """(Deviation coroutine-is-a-generator) `await x` is `yield from x`: awaiting a non-empty iterable that is
    not a coroutine suspends every coroutine awaiting down to the one sent to, which yields the first item."""

    def __init__(self, first: Any, rest: Iterator[Any]) -> None:
        super().__init__()
        self.first = first
        self.rest = rest
        self.protected = False  # a try or with statement encloses the await: what it would do later is not followed
        self.coroutines: list[Coroutine] = []  # those it suspends, innermost first


class _Continue(Exception):
    pass


def raise_(type_: str, message: str | None = None) -> Raised:
    return Raised(ExceptionValue(type_, message))


# The builtin functions a program may call by a name it could also bind (`len = 1`).
BUILTIN_FUNCTIONS = ("len", "abs")

# The modules a program may import (`import math as m`, `from math import pi as p`): what they
# hold is the same on every implementation.
MODULES = {"math": {"pi": 3.141592653589793, "e": 2.718281828459045}}


# The names the runner puts in the globals of every program besides the program's own
# (conformance/target/runner.py, Probes.namespace): seen where a program lists its globals.
RUNNER_NAMES = ("__builtins__", "__name__", "probe", "probe_call", "probe_cell", "probe_closure")


def type_name(value: Any) -> str:
    if value is None:
        return "NoneType"
    names = {
        bool: "bool",
        int: "int",
        float: "float",
        str: "str",
        tuple: "tuple",
        Function: "function",
        Method: "method",
        Class: "type",
        ListValue: "list",
        SetValue: "set",
        DictValue: "dict",
        RangeValue: "range",
        Generator: "generator",
        Coroutine: "coroutine",
        BuiltinValue: "type",  # (the classes: range, list, dict ...)
        Append: "builtin_function_or_method",
        Send: "builtin_function_or_method",
        ModuleValue: "module",
        StaticMethod: "staticmethod",
        ClassMethod: "classmethod",
        TypeVarValue: "TypeVar",
        TypeAliasValue: "TypeAliasType",
        Cell: "cell",  # (a value only under deviation comprehension-cell-replaces-free-variable)
    }
    if isinstance(value, Instance):
        return value.cls.name
    if isinstance(value, ExceptionValue):
        return value.type
    if isinstance(value, BuiltinValue) and value.name in BUILTIN_FUNCTIONS:
        return "builtin_function_or_method"
    if isinstance(value, HostValue):
        return value.type_name
    if isinstance(value, Undefined):  # (deviation empty-cell-read-gives-undefined: what Skulpt does is not followed)
        raise Unspecified("the type of Skulpt's undefined")
    return names[type(value)]


# -- frames -------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class Frame:
    block: Block
    globals: dict[str, Any]
    cells: dict[str, Cell]
    fast: dict[str, Any] = field(default_factory=dict)
    namespace: dict[str, Any] | None = None  # class bodies; for an annotation scope in one, that class's
    outer: Frame | None = None  # a comprehension's: the frame it is evaluated from
    annotations: Annotations | None = None  # a class body's, filled as its annotated assignments run
    resolved: frozenset[str] | None = None  # its function's (Function.resolved); None: the module's, as it runs
    binding: str | None = None  # the name that the def, class or := being evaluated binds
    # deviation starred-target-plain-in-a-later-copy-of-finally: the code runs from such a copy
    plain_starred: bool = False
    # deviation type-alias-of-a-global-name-binds-the-block-namespace: a function's locals hold a name the model
    # does not follow
    hidden_local: bool = False
    # deviation except-as-of-a-declared-name-binds-the-block-namespace: what a function's handlers bound in its own
    # namespace (and, deviation augmented-assignment-of-a-private-name-uses-it-unmangled, an augmented assignment's
    # private name as written); deviations comprehension-variable-of-a-global-name-binds-the-global and its
    # nonlocal twin: what a comprehension's reads of its first target find there (EMPTY: nothing,
    # UnboundLocalError), and the global or enclosing variable its reads of a later target read
    hidden_values: dict[str, Any] = field(default_factory=dict)
    target_reads: dict[str, Any] = field(default_factory=dict)
    # deviation comprehension-runs-inline-restoring-targets-bound-before: the function's namespace targets
    # (Block.namespace_targets) bound in its namespace, and those of the comprehensions running in it now
    namespace_values: dict[str, Any] = field(default_factory=dict)
    inline_active: frozenset[str] = frozenset()
    # ... of which the first for's target of one of those comprehensions, where it is a name (not in a tuple):
    # Brython translates the comprehension with the name marked local in the block's symbol table
    inline_first_targets: frozenset[str] = frozenset()
    in_inline_comprehension: bool = False
    target_cells: dict[str, Cell] = field(default_factory=dict)
    # deviation nested-function-creation-copies-enclosing-variables: the frame this function's function was made
    # in (a class body's: the frame its class statement runs in), and Skulpt's `$cell` object of the frame (see
    # skulpt_cells), made when first needed
    made_in: Frame | None = None
    skulpt_cells: dict[str, Cell] | None = None
    # deviation private-names-mangled-by-the-last-class-in-the-symbol-table: the names a function's code looks up
    # by name (JavaScript variables of the call)
    by_name: dict[str, Any] | None = None
    # deviation class-comprehension-cell-of-a-free-variable-crash: the comprehension variables whose binding crashes
    crashes_on_store: set[str] = field(default_factory=set)
    # deviation locals-lists-the-lambdas-made-in-the-function: the lambdas made in a function's frame (or in a list,
    # set or dict comprehension's in it), in the order they were first made
    lambdas: list[ir.Lambda] = field(default_factory=list)
    # deviation generic-class-does-not-see-its-type-parameters: while a generic class's bases and keywords are
    # evaluated in the frame around it, the names they read that no block around has (its type parameters)
    unplaced_globals: frozenset[str] = frozenset()


class Messages:
    """The message texts of the NameError family, which changed in 3.11 (a CPython detail)."""

    def __init__(self, rules: Rules, shown: Callable[[str], str]) -> None:
        self.rules = rules
        self.shown = shown  # the name a message gives for a variable's name (see Evaluator.name_shown)

    @property
    def new(self) -> bool:
        return self.rules.has("name-error-messages")  # (asked where a message is made: see Rules.asked)

    def unbound_local(self, name: str) -> str:
        if self.new:
            return "cannot access local variable %r where it is not associated with a value" % self.shown(name)
        return "local variable %r referenced before assignment" % self.shown(name)

    def empty_free(self, name: str) -> str:
        name = self.shown(name)
        if self.new:
            return "cannot access free variable %r where it is not associated with a value in enclosing scope" % name
        return "free variable %r referenced before assignment in enclosing scope" % name

    def undefined(self, name: str) -> str:
        return "name %r is not defined" % self.shown(name)


# -- the evaluator ------------------------------------------------------------------


@dataclass(eq=False)
class StaticMethod:
    function: Any
    attrs: dict[str, Any] = field(default_factory=dict)  # (it has a __dict__, as functions do)


@dataclass(eq=False)
class ClassMethod:
    function: Any
    attrs: dict[str, Any] = field(default_factory=dict)


NUMBERS = (int, float, bool)
# What an exception has of its own (BaseException's attributes, StopIteration's value): a program setting
# them is not followed; any other attribute lives in the exception's __dict__.
EXCEPTION_ATTRIBUTES = {"args", "value", "with_traceback", "add_note", "__traceback__", "__cause__", "__context__",
                        "__suppress_context__", "__notes__", "__dict__", "__class__"}  # fmt: skip
HAS_DICT = (Instance, Function, StaticMethod, ClassMethod, ExceptionValue)  # values whose attributes a program sets
JS_UNDEFINED = HostValue("UndefinedType")  # JavaScript's undefined (deviation unbound-read-as-undefined)


class InternalName(str):
    """A name an implementation makes up, known only by its form (deviation locals-lists-the-lambdas-made-in-the-
    function): it sorts as its text, and is encoded as {"matches": pattern}, which compare.same matches with any
    string the regular expression matches in full."""

    pattern: str

    def __new__(cls, text: str, pattern: str) -> InternalName:
        name = super().__new__(cls, text)
        name.pattern = pattern
        return name


_TYPING = (TypeVarValue, TypeAliasValue)


def declaring_block(block: Block) -> Block:
    """(Deviation nonlocal-unbound-read-gives-undefined) the block whose declarations a read in `block` follows:
    a list, set or dict comprehension is compiled inline in the block around it (a generator expression not)."""
    while block.kind == "comprehension" and isinstance(block.node, ir.Comprehension) and block.node.kind != "gen":
        assert block.parent is not None
        block = block.parent
    return block


def _empty_sequence(value: Any) -> bool:
    return (isinstance(value, ListValue) and not value.items) or (type(value) is tuple and not value)


def _comprehension_reads(node: ir.Comprehension) -> tuple[Any, ...]:
    """The parts of a comprehension that run in its own scope: its element (and key), conditions, and the
    iterables after the first."""
    return (node.elt, node.key, tuple(c.ifs for c in node.clauses), tuple(c.iter for c in node.clauses[1:]))


def _reads_any(node: Any, names: frozenset[str]) -> bool:
    """Whether a name of `names` is read in `node`, nested scopes included."""
    return any(isinstance(part, ir.Name) and part.id in names for part in nodes(node))


def function_frame_of(frame: Frame) -> Frame:
    """The frame an inlined comprehension (PEP 709) runs in: its function's (or class body's, or module's)."""
    while inlined(frame.block):
        assert frame.outer is not None
        frame = frame.outer
    return frame


def own_frame(frame: Frame) -> Frame:
    """The frame Brython's chain holds for code running in `frame`: a list, set or dict comprehension
    runs in the frame of the code it is in (deviations coroutine-send-returns-a-promise and
    class-body-frame-stays-current-after-exception)."""
    while frame.block.kind == "comprehension" and frame.outer is not None and not _is_genexpr(frame.block):
        frame = frame.outer
    return frame


def free_in_symbol_table(block: Block, name: str) -> bool:
    """Whether `name` is free in CPython's symbol table of the block, where the entry an inlined comprehension
    makes for it may come first (the model's own scope then may not list it)."""
    return block.scope.get(name) is FREE or (
        name not in block.scope and name in block.freevars and name not in block.hidden
    )


def captured_parameter(function: Function) -> str | None:
    """(Deviation generator-captured-parameter-fails) the first parameter (positional ones, then keyword-only
    ones) of a generator function that a scope nested in it captures, as Skulpt finds them (a list, set or dict
    comprehension is compiled inline: what it reads is not captured, what a function, lambda, generator
    expression or class in it reads is); None when none is."""
    node = function.node
    assert isinstance(node, ir.FunctionDef)
    captured: set[str] = set()
    children = list(function.block.children)
    while children:
        child = children.pop()
        if child.kind == "comprehension" and isinstance(child.node, ir.Comprehension) and child.node.kind != "gen":
            children += child.children
        else:
            captured |= child.freevars
    for param in (*node.params.positional_params(), *node.params.kwonly):  # (in the order they are copied)
        if param.name in captured:
            return param.name
    return None


class Evaluator:
    def __init__(self, analysis: Analysis, rules: Rules, names: dict[int, str] | None = None,
                 switches: Switches | None = None) -> None:  # fmt: skip
        self.analysis = analysis
        # (deviation comprehension-runs-inline-restoring-targets-bound-before) some block has namespace targets
        self.namespace_targets = any(block.namespace_targets for block in analysis.module.walk())
        # conformance/model/deviations.py: the rules this prediction departs from, asked where each applies
        self.switches = switches or Switches()
        self.deviates = self.switches.deviates
        # (deviation comprehension-runs-inline-restoring-targets-bound-before) see symbol_table_block
        self.symbol_table: Analysis | None = None
        self.names = names or {}  # the __name__ of definitions whose names are mangled
        self.lambda_numbers: dict[int, int] | None = None  # (deviation lambda-named-lambda) by id of the node
        self.exiting: ir.Stmt | None = None  # the return, break or continue statement last run
        self.rules = rules
        self.messages = Messages(self.rules, self.name_shown)
        self.observations: list[list[Any]] = []
        self.label_counts: dict[str, int] = {}
        self.seen_cells: list[Cell] = []
        self.handling: list[ExceptionValue] = []  # the exceptions being handled, innermost last
        self.modules: dict[str, ModuleValue] = {}
        self.generic = Class("Generic", {})  # typing.Generic: what its methods do is not observed here
        self.generic.mro = [self.generic]
        self.depth = 0
        self.steps = 0
        # class-namespace-kept-after-exception: the namespace of a class body an exception left, which the
        # module's code and the class bodies then running read and bind their names in (None: their own)
        self.displaced: dict[str, Any] | None = None
        self.class_bodies: list[dict[str, Any]] = []  # the namespaces of the class bodies running, innermost last
        # (deviation coroutine-is-a-generator) coroutines suspended in an await of an iterable, by id
        self.awaited_iterables: dict[int, _AwaitSuspends] = {}
        self.promises = 0  # coroutine bodies running as Promises (deviation coroutine-send-returns-a-promise)
        self.global_bindings: set[str] = set()  # (deviation unbound-read-as-undefined) see note_global_bindings
        self.reading: ir.Name | None = None  # (deviation unbound-read-as-undefined) the name being read
        self.plain_deletions: frozenset[int] | None = None  # (deviation del-of-a-local-seen-bound-raises-name-error)
        # (deviation builtin-function-takes-attributes) the attributes set on each builtin function, by its name
        self.builtin_attributes: dict[str, dict[str, Any]] = {}
        self.default_reads: dict[int, str] | None = None  # (deviation generic-def-defaults-read-names-in-the-...)
        self.class_deletions: dict[int, str] | None = None  # (deviation class-body-del-resolved-in-the-order-of-...)
        self.plain_reads: frozenset[int] | None = None  # (the same) see plain_global_reads, made when first needed
        # (deviation nonlocal-bound-later-in-the-text-binds-the-global) see nonlocals_bound_later
        self.bound_later: frozenset[tuple[int, str]] | None = None
        self.bound_further_out: frozenset[tuple[int, str]] = frozenset()
        self.unbound_bindings: frozenset[int] | None = None  # (the same) see nonlocal_bindings_unbound_around
        self.binding: Binding | None = None  # the binding store() makes, if known
        # (deviation comprehension-runs-inline-restoring-targets-bound-before) see saved_comprehension_targets and
        # translation.namespace_target_reads
        self.saved_targets: dict[int, frozenset[str]] | None = None
        self.namespace_reads: dict[int, int] | None = None
        # (deviation class-body-resolves-its-names-in-the-order-of-the-text) see translation.class_body_reads
        self.class_reads: dict[int, str] | None = None
        # (deviation del-of-a-global-at-the-end-of-a-block-fails) see translation.global_deletions, made when needed
        self.raising_deletions: dict[int, str] | None = None
        # (deviation private-names-mangled-by-the-last-class-in-the-symbol-table) see unresolved_namespace
        self.unresolved_by_frame = False
        # (deviation generic-def-defaults-read-names-in-the-type-parameter-scope) while the defaults of a generic
        # def are evaluated: the frame they are evaluated in, and the def's type parameters' scope
        self.misread_defaults: tuple[Frame, Frame] | None = None
        # (deviation generic-definitions-of-one-name-in-a-block-run-the-last) see definition_run
        self.run_as_the_last: dict[int, ir.ClassDef | ir.TypeAlias] | None = None
        self.typing_imported = False  # Brython's module _typing, imported by the first type statement or generic class
        # Brython's chain of frames (deviations coroutine-send-returns-a-promise and
        # class-body-frame-stays-current-after-exception): each call enters its frame on it, and leaving a frame
        # takes the last one off, whichever it is. What it holds matters only once a frame has been left on it
        # (leaked): then reads of a function's variables that are resolved at run time look in the last one.
        self.chain: list[Any] = []
        self.leaked = False
        self.has_free: dict[int, bool] = {}  # (deviation nested-function-creation-copies-enclosing-variables)
        # (deviation generator-send-at-end-gives-undefined) the yield each generator's frame (by id) last stopped at
        self.last_yields: dict[int, tuple[Frame, ir.Yield]] = {}  # (the frame kept: its id stays its own)
        # (deviation break-or-continue-before-finally-runs-the-rest-of-the-body) for each running frame (by id),
        # the loops and the bodies protected by a finally clause (a try's with finally, a with's) it is in,
        # innermost last: a loop is LOOP, a protected body a list holding the break or continue that waits for
        # its end (or nothing)
        self.regions: dict[int, list[Any]] = {}

    def step(self) -> None:
        self.steps += 1
        if self.steps > STEP_LIMIT:
            raise UnfollowedLoop()

    # -- names --------------------------------------------------------------

    def name_shown(self, name: str) -> str:
        """The name an error message gives for variable `name`, read or deleted: under deviation
        private-name-in-an-error-message-as-written, a private name as the program wrote it."""
        written = self.written_private(name)
        if written is not None and self.deviates("private-name-in-an-error-message-as-written"):
            return written
        return name

    def unbound(self, kind: Kind, name: str) -> Raised:
        """§4.2.2: a local of this block unbound, or an empty cell received from outside."""
        if kind is FREE:
            return raise_("NameError", self.messages.empty_free(name))
        if self.deviates("unbound-local-as-name-error"):
            return raise_("NameError", self.messages.unbound_local(name))
        return raise_("UnboundLocalError", self.messages.unbound_local(name))

    def unbound_in_comprehension(self, block: Block, name: str) -> Raised:
        """A comprehension reading a free variable whose cell is empty: §4.2.2, NameError; but inlined
        (PEP 709), where the cell is a variable of the frame that runs it, UnboundLocalError under the
        deviations about inlined comprehensions."""
        owner = inlined_into(block)
        if name in block.hidden_by and name in owner.hidden:  # that function's hidden local (scopes.py)
            return raise_("UnboundLocalError", self.messages.unbound_local(name))
        if (
            owner.kind != "class"
            and name in owner.bound
            and owner.scope.get(name) is CELL
            and self.deviates("comprehension-reads-unbound-as-local")
        ):
            return raise_("UnboundLocalError", self.messages.unbound_local(name))
        return self.unbound(FREE, name)

    def load(self, frame: Frame, name: str) -> Any:
        if name in frame.unplaced_globals:
            return self.load_global(frame, name)
        written = self.written_private(name) if name in frame.inline_active else None
        if (
            name in frame.inline_active
            and read_by_its_code(frame.block, name)
            and (name not in frame.inline_first_targets or written is not None)
        ):
            # (the block reads the name outside its comprehensions too: Brython compiles the comprehension's reads of
            # its target as the block's, resolved as Python resolves the name there, not from the namespace; a
            # private name by its name as written, with `$B.resolve_in_scopes`. But for the first for's target,
            # which the translator marks local while it translates the comprehension, unless private: it looks
            # the name up as written, which the symbol table lacks)
            if written is not None and self.deviates(PRIVATE_AS_WRITTEN):
                return self.load_from_namespaces(frame, written)
        elif name in frame.inline_active:
            found = self.namespace_target(frame, name)
            if found is not EMPTY:
                return found
            # (a comprehension's read of its target before it binds it, whatever the block's other comprehensions
            # make of the name: the comprehension's own symbol table has it local, and the translator, which has
            # not met a binding of it yet, compiles Brython's resolve_local, a read of the current frame's
            # namespace, which the block's other code does not bind)
            if self.leaked and self.chain[-1] is not frame:
                raise Unspecified("a comprehension's read of its target, unbound, while another frame is current")
            raise self.unbound(LOCAL, name)
        kind = frame.block.scope[name]
        namespace = self.nonlocal_of_the_class(frame, name) if kind is FREE else None
        if namespace is not None:
            if name not in namespace:
                raise Unspecified("Brython's read of a class variable a method declares nonlocal, unbound")
            return namespace[name]
        if self.namespace_targets and kind in (FREE, GLOBAL_IMPLICIT):
            if name in frame.block.namespace_targets and self.namespace_read_of(name) == id(frame.block.node):
                found = self.namespace_target(frame, name)
                if found is not EMPTY:
                    return found
                if not self.deviates("unbound-read-as-undefined"):  # (a read with the check)
                    raise raise_("NameError", self.messages.undefined(name))
                return JS_UNDEFINED
            found = self.enclosing_namespace_target(frame, name)
            if found is not EMPTY:
                return found
        if kind is LOCAL and name in frame.cells:
            kind = CELL  # (deviation comprehension-cell-replaces-free-variable: the function's slot, a cell)
        if kind is UNRESOLVED:
            namespace = self.unresolved_namespace(frame, "no locals found")
            return namespace[name] if name in namespace else self.load_global(frame, name)
        skulpt_class = "class-cell-is-the-global-named-like-the-class"
        if name == CLASS_CELL and kind in (FREE, CELL) and self.deviates(skulpt_class):
            if frame.block.kind == "class":
                raise Unspecified("__class__ read in a class body, as a global of Skulpt's")
            return self.load_global(frame, name)  # (what the last method entered set it to)
        if self.is_own_class_name(frame, name):
            raise raise_("NameError", self.messages.undefined(name))
        if self.is_own_class_name_in_annotations(frame, name):
            return self.load_global(frame, name)
        if self.leaked and kind in (LOCAL, CELL, CLASS_LOCAL, FREE) and self.chain[-1] is not frame:
            found = self.read_in_current_frame(frame, name, kind)
            if found is not EMPTY:
                return found
        if frame.target_reads and name in frame.target_reads:  # (see read_targets_of_declared_names)
            if frame.target_reads[name] is EMPTY:
                raise self.unbound(LOCAL, name)
            if frame.target_reads[name] is THE_GLOBAL:
                return self.load_global(frame, name)
            return frame.target_reads[name]
        if frame.target_cells and name in frame.target_cells:  # (the same)
            if frame.target_cells[name].value is EMPTY:
                raise Unspecified("a comprehension's read of a later target named global or nonlocal, unbound")
            return frame.target_cells[name].value
        if kind is LOCAL:
            if name not in frame.fast:
                if self.read_as_undefined(frame, name):
                    return JS_UNDEFINED
                if frame.block.generator and self.deviates("generator-unbound-local-read-as-global"):
                    return self.load_global(frame, name)
                raise self.unbound(kind, name)
            return frame.fast[name]
        if self.in_displaced(frame, kind, name):
            assert self.displaced is not None
            if name in self.displaced:
                return self.displaced[name]
            kind = GLOBAL_EXPLICIT  # then the globals and builtins, not the block's own namespace
        if (
            frame.namespace is not None
            and kind is GLOBAL_IMPLICIT
            and frame.block.kind == "annotation"
            and name in frame.namespace
            and name not in frame.block.namespace_targets
            and self.type_alias_read_as_global(frame, name)
        ):
            # (Brython's `$B.resolve_in_scopes` of the name, in the functions around, then the globals)
            return self.load_from_namespaces(frame, name)
        if (
            frame.namespace is not None
            and (kind is FREE or kind is GLOBAL_IMPLICIT)
            and name in frame.namespace
            and name not in frame.block.namespace_targets  # (read as a global by Brython: see namespace_target)
            and not (frame.block.kind == "annotation" and self.type_alias_read_as_global(frame, name))
            # (a class body's own nonlocal: only deviations bind it in the namespace, and its reads do not use it)
            and not (frame.block.kind == "class" and name in frame.block.nonlocals)
        ):
            if self.class_read(frame, name) == "global" and self.deviates(
                "class-body-resolves-its-names-in-the-order-of-the-text"
            ):
                return self.load_global(frame, name)  # (an annotation read before the body binds the name, in the text)
            return frame.namespace[name]  # §4.2.4: an annotation scope in a class sees the class's names first
        if kind is FREE and frame.block.kind == "class" and self.deviates("class-body-reads-free-variable-as-global"):
            return frame.globals.get(name, UNDEFINED)  # (the module's namespace object itself: no builtins)
        if kind in (CELL, FREE):
            value = frame.cells[name].value
            aliased = name == frame.block.class_cell_alias and frame.cells[name] is frame.cells.get(CLASS_CELL)
            if aliased:  # (deviation nonlocal-in-class-body-with-class-cell-uses-the-class-cell)
                # a class body reads a free variable by its name (co_freevars[number - len(co_cellvars)]): the
                # number of the __class__ cell gives -1, past the start of the list
                raise Crashes("SIGSEGV", "the class body reads the __class__ cell it takes for nonlocal %r" % name)
            if value is EMPTY:
                if name in declaring_block(frame.block).nonlocals and self.deviates(
                    "nonlocal-unbound-read-gives-undefined"
                ):
                    return JS_UNDEFINED
                if kind is FREE and inlined(frame.block):
                    raise self.unbound_in_comprehension(frame.block, name)
                if self.read_as_undefined(frame, name):
                    return JS_UNDEFINED
                if kind is FREE and self.deviates("free-variable-read-as-global"):
                    return self.load_from_namespaces(frame, name)
                if self.deviates("empty-cell-read-gives-undefined"):
                    return UNDEFINED
                raise self.unbound(kind, name)
            return value
        if kind is CLASS_LOCAL:
            assert frame.namespace is not None
            resolved = self.class_read(frame, name)
            written = self.written_private(name)
            if written is not None and resolved in ("global", "local") and self.deviates(PRIVATE_AS_WRITTEN):
                # Brython's lookup at run time, by the name as written: the module's, or the class namespace's
                if resolved == "local":
                    raise raise_("UnboundLocalError", self.messages.unbound_local(written))
                return self.load_global(frame, written)
            order_of_text = "class-body-resolves-its-names-in-the-order-of-the-text"
            if resolved == "global" and name in frame.namespace and self.deviates(order_of_text):
                return self.load_global(frame, name)  # (not the namespace that holds it)
            if name in frame.namespace and not self.type_alias_read_as_global(frame, name):
                return frame.namespace[name]
            if resolved == "local" and self.deviates(order_of_text):
                raise raise_("UnboundLocalError", self.messages.unbound_local(name))
            if resolved == "plain" and self.deviates("unbound-read-as-undefined"):
                return JS_UNDEFINED
        if kind is GLOBAL_IMPLICIT:
            written = self.written_private(name)
            declaring = declaring_block(frame.block)
            if (
                written is not None
                and declaring is not frame.block
                and declared_private(declaring, name) == written
                and self.deviates(GLOBAL_PRIVATE)
            ):  # (a list, set or dict comprehension, compiled inline: read as its block reads)
                outer = frame
                while outer.block is not declaring:
                    assert outer.outer is not None
                    outer = outer.outer
                return self.load_declared_private(outer, written, name)
            if written is not None and self.deviates(GLOBAL_PRIVATE) and self.declared_around(frame, name):
                raise Unspecified("a private name that a function around declares global, read in a nested scope")
            if written is not None and self.deviates(PRIVATE_AS_WRITTEN):
                return self.load_unmangled(frame, written, name)
        if kind is GLOBAL_EXPLICIT:
            written = self.written_private(name)
            if written is not None and self.deviates(GLOBAL_PRIVATE):
                return self.load_declared_private(frame, written, name)
        return self.load_global(frame, name)

    def private_declared_global(self, frame: Frame, name: str) -> str | None:
        """Deviation global-declaration-of-a-private-name-is-not-mangled: the private name as written that the
        frame's block declares global, mangled as `name` by the class around (None for any other name)."""
        written = declared_private(frame.block, name)
        return written if written is not None and self.deviates(GLOBAL_PRIVATE) else None

    @staticmethod
    def declared_around(frame: Frame, name: str) -> bool:
        """Whether a function around the frame's block declares `name` global."""
        block = frame.block.parent
        while block is not None:
            if block.kind != "class" and name in block.globals:
                return True
            block = block.parent
        return False

    def load_declared_private(self, frame: Frame, written: str, name: str) -> Any:
        """Deviation global-declaration-of-a-private-name-is-not-mangled: a read of a private name its block
        declares global, looked up as written at run time: in a function's own namespace (which holds it only
        where an augmented assignment bound it as written: augmented-assignment-of-a-private-name-uses-it-
        unmangled), then as load_unmangled does (the functions around, the module's globals, the builtins)."""
        if frame.namespace is None and written in frame.hidden_values:
            return frame.hidden_values[written]
        return self.load_unmangled(frame, written, name)

    def written_private(self, name: str) -> str | None:
        """The private name being read or deleted (`name`, mangled) as the program wrote it; None for any
        other name."""
        if self.reading is None or self.reading.id != name:
            return None
        return self.names.get(id(self.reading))

    def load_unmangled(self, frame: Frame, written: str, name: str) -> Any:
        """Deviation private-name-read-as-a-global-is-looked-up-unmangled: a read of a private name in a class,
        which no block binds mangled, looked up as written at run time: in the namespaces of the functions it
        is in, innermost first (not class bodies), then the module's globals, then the builtins."""
        enclosing = frame.block.parent
        while enclosing is not None:  # (the blocks the translator searches, outwards; it passes class bodies)
            if enclosing.kind != "class" and (
                name in enclosing.globals
                or name in enclosing.nonlocals
                or enclosing.scope.get(name) in (LOCAL, CELL, MODULE)
            ):
                raise Unspecified("a private name read as a global where a block around binds it mangled: Brython's"
                                  " translator then resolves it in the order of the text")  # fmt: skip
            enclosing = enclosing.parent
        for block in self.analysis.blocks.values():  # (a generator expression's targets stay in its own namespace)
            if block.kind == "comprehension" and not _is_genexpr(block) and block.scope.get(written) is LOCAL:
                raise Unspecified("a private name read as a global where a comprehension binds it as written")
        return self.load_from_namespaces(frame, written)

    def load_from_namespaces(self, frame: Frame, name: str) -> Any:
        """(Deviations free-variable-read-as-global, private-name-read-as-a-global-is-looked-up-unmangled) a
        name looked up at run time as Brython's `$B.resolve_in_scopes` does: in the namespaces of the functions
        the code is in, innermost first, the first that binds the name and holds a value (a function's
        namespace holds what it binds; class bodies are passed by), then the module's, then the builtins."""
        around: Frame | None = frame
        while around is not None and around.block.kind != "module":
            if around.block.kind in ("function", "lambda") and around.block.scope.get(name) in (LOCAL, CELL):
                if name in around.fast:
                    return around.fast[name]
                if name in around.cells and around.cells[name].value is not EMPTY:
                    return around.cells[name].value
            around = around.outer if around.block.kind == "comprehension" else around.made_in
        if around is None:
            raise Unspecified("a name looked up in namespaces from a frame the model does not link to its module")
        return self.load_global(around, name)

    def class_read(self, frame: Frame, name: str) -> str | None:
        """(Deviations class-body-resolves-its-names-in-the-order-of-the-text, unbound-read-as-undefined) how
        Brython compiled this read of a name its class body binds (translation.class_body_reads; a read in an
        annotation of the body, in its annotation scope, too), None when the read is not of a name node."""
        if frame.block.kind not in ("class", "annotation") or self.reading is None or self.reading.id != name:
            return None
        if self.class_reads is None:
            self.class_reads = class_body_reads(self.analysis)
        return self.class_reads.get(id(self.reading))

    def type_alias_read_as_global(self, frame: Frame, name: str) -> bool:
        """Deviation type-alias-in-a-class-body-is-read-as-a-global: a class body's read (or an annotation
        scope's in it, as a type alias's value) of a name that the body binds by a type statement of its own (not
        in an if, loop, try or with of it), and by nothing else."""
        block = frame.block.parent if frame.block.kind == "annotation" else frame.block
        node = None if block is None else block.node
        if not isinstance(node, ir.ClassDef):
            return False
        if not any(isinstance(statement, ir.TypeAlias) and statement.name == name for statement in node.body):
            return False
        others = tuple(statement for statement in node.body if not isinstance(statement, ir.TypeAlias))
        if name in set(_stored(others)) or name in _other_bindings(others):
            raise Unspecified("a class body binding a type alias's name another way too")
        return self.deviates("type-alias-in-a-class-body-is-read-as-a-global")

    def read_in_current_frame(self, frame: Frame, name: str, kind: Kind) -> Any:
        """(Deviations coroutine-send-returns-a-promise, class-body-frame-stays-current-after-exception)
        a read while another frame than the reader's is the last on Brython's chain: a function's own variable
        that the translator resolves at run time (not after a binding of it in the order of the text,
        translation.plain_local_reads) is looked up in the last frame's namespace; EMPTY when the read is
        not one of those."""
        block = frame.block
        if block.kind == "comprehension":
            if own_frame(frame) is self.chain[-1] or kind is CLASS_LOCAL:
                return EMPTY
            raise Unspecified("a comprehension's read while another frame is Brython's current one")
        if block.kind == "class" and kind is CLASS_LOCAL:
            raise Unspecified("a class body's read while another frame is Brython's current one")
        if block.kind not in ("function", "lambda") or kind not in (LOCAL, CELL):
            return EMPTY  # (free variables and globals are looked up in namespaces named in the code)
        if self.reading is None or self.reading.id != name:
            raise Unspecified("a read of a local variable, not by its name, while Brython's frames are displaced")
        if id(self.reading) in self.plain_reads_of_the_text():
            return EMPTY  # (read from the function's own namespace object, as the code names it)
        return self.current_frame_value(name)

    def current_frame_value(self, name: str) -> Any:
        """Brython's resolve_local: the name in the namespace of the last frame on the chain, else
        UnboundLocalError."""
        entry = self.chain[-1]
        if isinstance(entry, dict):  # the runner's probe_call: its own variables
            if name in entry:
                if entry[name] is EMPTY:
                    raise Unspecified("a variable of the runner read in place of the program's")
                return entry[name]
        elif entry.block.kind == "class":
            assert entry.namespace is not None
            if name in entry.namespace:
                return entry.namespace[name]
        elif entry.block.kind == "module":
            if name in entry.globals:
                return entry.globals[name]
        elif entry.block.kind in ("function", "lambda"):
            if name in entry.fast:
                return entry.fast[name]
            if entry.block.scope.get(name) is CELL and name in entry.cells and entry.cells[name].value is not EMPTY:
                return entry.cells[name].value
        else:
            raise Unspecified("a read in the namespace of a frame of another kind")
        raise raise_("UnboundLocalError", self.messages.unbound_local(name))

    def load_global(self, frame: Frame, name: str) -> Any:
        """§4.2.2: a name looked up in the module's globals, then in the builtins."""
        if name in frame.globals:
            return frame.globals[name]
        if name in BUILTIN_FUNCTIONS:
            if self.plain_global_read(frame, name) and self.read_as_undefined(frame, name):
                return JS_UNDEFINED  # (Brython's read of the module's namespace object only: no builtins)
            return BuiltinValue(name)
        if name in frame.namespace_values:  # (deviation comprehension-runs-inline-restoring-targets-bound-before)
            return frame.namespace_values[name]  # (Brython's last resort: the function's own namespace)
        if self.read_as_undefined(frame, name):
            return JS_UNDEFINED
        raise raise_("NameError", self.messages.undefined(name))

    def read_as_undefined(self, frame: Frame, name: str) -> bool:
        """Deviation unbound-read-as-undefined: an unbound variable read gives JavaScript's undefined where
        the implementation resolved the name, in the order of the text, after a binding of it: in the def,
        class or := statement that binds it (its decorators, defaults, bases, value), in a function made
        while the enclosing variable was bound, or a global that a function made earlier declares and binds."""
        resolved = self.global_bindings if frame.resolved is None else frame.resolved
        unplaced = name != frame.binding and not self.plain_global_read(frame, name)
        if unplaced and (name not in resolved or bound_around(frame.block, name)):
            return False  # (a scope around that binds it: the translator resolves the name at run time)
        return self.deviates("unbound-read-as-undefined")

    def plain_global_read(self, frame: Frame, name: str) -> bool:
        """(Deviation unbound-read-as-undefined) a read of a name the function declares global, made after a
        binding of the name in the module's own scope in the order of the text (translation.plain_global_reads),
        or of the function's own variable after a binding of it in a scope around (translation.plain_local_reads)."""
        if self.reading is None or self.reading.id != name:
            return False
        if frame.block.scope.get(name) not in (GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, LOCAL, CELL, MODULE, FREE):
            return False
        return id(self.reading) in self.plain_reads_of_the_text()

    def plain_reads_of_the_text(self) -> frozenset[int]:
        """(Deviation unbound-read-as-undefined) the reads Brython compiles without the check for a missing
        value (translation.plain_global_reads, translation.plain_local_reads)."""
        if self.plain_reads is None:
            self.plain_reads = plain_global_reads(self.analysis) | plain_local_reads(self.analysis)
        return self.plain_reads

    def note_global_bindings(self, block: Block) -> None:
        """The globals that the functions of this block declare and bind (but by augmented assignment, del or
        a match pattern): from now on an implementation resolving names in the order of the text knows them."""
        for inner in block.walk():
            if inner.globals and isinstance(inner.node, (ir.FunctionDef, ir.ClassDef)):
                self.global_bindings.update(
                    translator_globals(self.analysis, inner).intersection(_stored(inner.node.body))
                )
            # a list, set or dict comprehension compiled inline binds its targets where the block around binds
            # them, so a target named like a global that block declares is one of its bindings too
            around, node = inner, inner.node
            while isinstance(node, ir.Comprehension) and node.kind != "gen" and around.parent is not None:
                around = around.parent
                node = around.node
            if inner is not around and around.globals and isinstance(node, (ir.FunctionDef, ir.ClassDef)):
                assert isinstance(inner.node, ir.Comprehension)
                targets = (name for clause in inner.node.clauses for name in _target_names(clause.target))
                self.global_bindings.update(translator_globals(self.analysis, around).intersection(targets))

    def nonlocal_of_the_class(self, frame: Frame, name: str, written: bool = False) -> dict[str, Any] | None:
        """Deviation nonlocal-in-a-method-reaches-the-class-variable: the namespace of the class whose method
        declares `name` nonlocal, where the class body binds the name: Brython reads it there (the nearest
        enclosing scope whose symbol table binds it), and writes it there when the class body binds it before
        the method's def in the order of the text, or the def binds it (the method's own name). None: not such
        a name, or not such a read or write."""
        block = frame.block
        if (
            block.kind in ("function", "class")
            and name in block.nonlocals
            and self.class_further_out_binds(block, name)
        ):
            raise Unspecified("a nonlocal name that a class body further out binds, which Brython reads there")
        if (
            block.kind != "function"
            or name not in block.nonlocals
            or block.parent is None
            or block.parent.kind != "class"
            or block.parent.scope.get(name) is not CLASS_LOCAL
            or frame.made_in is None
            or frame.made_in.namespace is None
            or not self.deviates("nonlocal-in-a-method-reaches-the-class-variable")
        ):
            return None
        if written:
            assert isinstance(block.parent.node, ir.ClassDef)
            body = block.parent.node.body
            index = next((i for i, node in enumerate(body) if node is block.node), None)
            before = body[:index] if index is not None else None
            if before is None or any(isinstance(node, _COPIED) and name in set(_stored((node,))) for node in before):
                raise Unspecified("a method declaring nonlocal a name its class binds, not directly in the body")
            own_name = isinstance(block.node, ir.FunctionDef) and name == block.node.name  # (bound before its body)
            if name not in set(_stored(before)) and not own_name:
                return None
        return frame.made_in.namespace

    def class_further_out_binds(self, block: Block, name: str) -> bool:
        """(Deviation nonlocal-in-a-method-reaches-the-class-variable) a class body that binds `name`, between
        the function's own class (or function) around it, or the block around a class body declaring it, and the
        function the nonlocal name refers to: Brython's search for the nearest scope binding the name stops at
        it."""
        if block.kind == "class":
            around = block.parent
        else:
            around = block.parent.parent if block.parent is not None else None
        while around is not None and around.kind != "module":
            if around.kind in ("function", "lambda") and around.scope.get(name) in (LOCAL, CELL):
                return False
            if around.kind == "class" and around.scope.get(name) is CLASS_LOCAL:
                return self.deviates("nonlocal-in-a-method-reaches-the-class-variable")
            around = around.parent
        return False

    def store_binding(self, frame: Frame, node: Binding, name: str, value: Any) -> None:
        """store(), for the binding `node` makes (see nonlocal_binds_the_global)."""
        self.binding = node
        try:
            self.store(frame, name, value)
        finally:
            self.binding = None

    def nonlocal_binds_the_global(self, frame: Frame, name: str) -> bool:
        """Deviation nonlocal-bound-later-in-the-text-binds-the-global: a binding of a name that the function
        declares nonlocal, where no function around binds it before the def in the order of the text, or where
        a `del` of it made the translator forget it (translation.nonlocal_bindings_unbound_around)."""
        declaring = declaring_block(frame.block)
        if name not in declaring.nonlocals or isinstance(self.binding, ir.AugAssign):
            return False  # (an augmented assignment binds the variable its read resolves to)
        if self.bound_later is None:
            self.bound_later, self.bound_further_out = nonlocals_bound_later(self.analysis)
        if (id(declaring.node), name) in self.bound_further_out and self.deviates(
            "nonlocal-bound-later-in-the-text-binds-the-global"
        ):
            raise Unspecified("a binding of a nonlocal name that a function further out binds earlier in the text")
        if (id(declaring.node), name) not in self.bound_later:
            # (else only after a `del` of a name some function declares nonlocal: see the walk's docstring)
            if self.binding is None or not any(
                block.nonlocals & block.deleted for block in self.analysis.module.walk()
            ):
                return False
            if self.unbound_bindings is None:
                self.unbound_bindings = nonlocal_bindings_unbound_around(self.analysis)
            if id(self.binding) not in self.unbound_bindings:
                return False
        return self.deviates("nonlocal-bound-later-in-the-text-binds-the-global")

    def store(self, frame: Frame, name: str, value: Any) -> None:
        if name in frame.crashes_on_store:
            raise Crashes("SIGSEGV", "a class body's comprehension binds %r, a cell of it and free in the class" % name)
        if name in frame.inline_active:
            self.bind_namespace_target(frame, name, value)
            return
        kind = frame.block.scope[name]
        namespace = self.nonlocal_of_the_class(frame, name, written=True) if kind is FREE else None
        if namespace is not None:
            namespace[name] = value
            return
        if kind is LOCAL and name in frame.cells:
            kind = CELL  # (deviation comprehension-cell-replaces-free-variable: the function's slot, a cell)
        if kind is UNRESOLVED:
            self.unresolved_namespace(frame, "no locals found when storing %r" % name)[name] = value
            return
        if value is UNDEFINED:  # (deviation empty-cell-read-gives-undefined: the target is left unbound)
            self.unbind(frame, kind, name)
            return
        if self.in_displaced(frame, kind, name):
            assert self.displaced is not None
            self.displaced[name] = value
        elif kind is LOCAL:
            frame.fast[name] = value
        elif kind is FREE and self.nonlocal_binds_the_global(frame, name):
            if self.analysis.module.scope.get(name) is MODULE:
                frame.globals[name] = value
            else:  # (no binding in the module's scope either: the function's own namespace)
                self.bind_in_block_namespace(frame, name, value)
        elif kind in (CELL, FREE):
            frame.cells[name].value = value
        elif kind is CLASS_LOCAL:
            assert frame.namespace is not None
            frame.namespace[name] = value
        elif kind is GLOBAL_EXPLICIT and self.private_declared_global(frame, name) is not None:
            self.bind_in_block_namespace(frame, name, value)  # (the mangled name, which the declaration misses)
        else:
            frame.globals[name] = value

    @staticmethod
    def unbind(frame: Frame, kind: Kind, name: str) -> None:
        if kind is LOCAL:
            frame.fast.pop(name, None)
        elif kind in (CELL, FREE):
            frame.cells[name].value = EMPTY
        else:
            space = frame.namespace if kind is CLASS_LOCAL else frame.globals
            assert space is not None
            space.pop(name, None)

    def is_own_class_name(self, frame: Frame, name: str) -> bool:
        """Deviation class-body-cannot-read-its-own-name: `name`, read or deleted in `frame`, is the name of
        the class whose body (or a comprehension in it) the frame runs."""
        block = frame.block.container()
        return block.kind == "class" and name == block.name and self.deviates("class-body-cannot-read-its-own-name")

    def is_own_class_name_in_annotations(self, frame: Frame, name: str) -> bool:
        """Deviation class-body-cannot-read-its-own-name: `name`, read in the annotations of a class body (3.14:
        its __annotate__ scope), is the name of that class, which Brython compiles there as a global's."""
        class_block = frame.block.parent
        if frame.block.kind != "annotation" or class_block is None or class_block.kind != "class":
            return False
        node = class_block.node
        if not isinstance(node, ir.ClassDef) or name != node.name:
            return False
        if self.analysis.annotate_scopes.get(id(node)) is not frame.block:
            return False
        return self.deviates("class-body-cannot-read-its-own-name")

    def delete(self, frame: Frame, name: str, target: ir.Name | None = None) -> None:
        if self.is_own_class_name(frame, name):
            raise raise_("NameError", self.messages.undefined(name))
        kind = frame.block.scope[name]
        if kind is LOCAL and name in frame.cells:
            kind = CELL  # (deviation comprehension-cell-replaces-free-variable: the function's slot, a cell)
        written = self.private_declared_global(frame, name) if kind is GLOBAL_EXPLICIT else None
        if written is not None:  # (Brython's `$B.$delete` of a name looked up at run time finds nothing)
            raise raise_("NameError", self.messages.undefined(written))
        if kind is UNRESOLVED:
            if (
                self.unresolved_by_frame
                and isinstance(frame.block.node, (ir.FunctionDef, ir.Lambda))
                and not frame.block.generator
                and self.deviates("del-of-a-local-does-nothing")
            ):
                return  # (a function's JavaScript variable, which `delete` leaves as it is)
            namespace = self.unresolved_namespace(frame, "no locals when deleting %r" % name)
            if name not in namespace:
                if self.deviates("del-of-an-unbound-name-raises-nothing"):
                    return
                raise raise_("NameError", self.messages.undefined(name))
            del namespace[name]
            return
        if kind is LOCAL:
            # (a generator function's locals are kept in an object, where Skulpt's `delete` does delete)
            if self.deviates("del-of-a-local-does-nothing") and not frame.block.generator:
                return
            if name not in frame.fast or self.deletes_as_missing(frame.fast[name], target):
                if self.deviates("del-of-an-unbound-name-raises-nothing"):
                    return
                raise self.unbound_deletion(kind, name, target)
            del frame.fast[name]
        elif kind in (CELL, FREE):
            cell = frame.cells[name]
            if cell.value is EMPTY or (kind is CELL and self.deletes_as_missing(cell.value, target)):
                if self.deviates("del-of-an-unbound-name-raises-nothing"):
                    return
                raise self.unbound_deletion(kind, name, target)
            cell.value = EMPTY
        else:
            space = frame.namespace if kind is CLASS_LOCAL else frame.globals
            if self.in_displaced(frame, kind, name):
                space = self.displaced
            assert space is not None
            how = self.class_deletion(frame, kind, target) if space is frame.namespace else None
            if how in ("found", "local"):
                self.delete_as_brython_resolved(space, name, how)
            if (
                name not in space
                and kind is CLASS_LOCAL
                and space is frame.namespace
                and name in frame.globals
                and how in (None, "global")
                and self.deviates("class-body-del-of-a-name-it-lacks-deletes-the-global")
            ):
                space = frame.globals
            if name not in space:
                if self.deviates("del-of-an-unbound-name-raises-nothing"):
                    return
                declared = kind is GLOBAL_EXPLICIT or (frame.block.kind == "module" and self.declared_global(name))
                missing = "KeyError" if declared and self.deviates("del-missing-global-as-key-error") else "NameError"
                if kind is not GLOBAL_EXPLICIT and self.deviates("del-missing-module-or-class-name-as-key-error"):
                    missing = "KeyError"
                # (a KeyError's message is the key's repr: the namespace dict's own `del d[key]`)
                raise raise_(missing, repr(name) if missing == "KeyError" else self.messages.undefined(name))
            del space[name]

    def class_deletion(self, frame: Frame, kind: Kind, target: ir.Name | None) -> str | None:
        """How Brython compiles this `del` of a class body's own name (translation.class_body_deletions), None
        for any other."""
        if kind is not CLASS_LOCAL or target is None or frame.block.kind != "class":
            return None
        if self.class_deletions is None:
            self.class_deletions = class_body_deletions(self.analysis)
        return self.class_deletions.get(id(target))

    def delete_as_brython_resolved(self, space: dict[str, Any], name: str, how: str) -> None:
        """Deviation class-body-del-resolved-in-the-order-of-the-text: `del x` of a name the class body has bound
        before in the text, compiled as a deletion from the namespace by the name as written (so a private name,
        stored mangled, is never found: NameError), or ("local") from the frame's namespace, which raises
        UnboundLocalError when x is missing; nothing is raised here where Python's deletion does the same."""
        written = self.written_private(name)
        if written is None and name in space:
            return  # (deleted as Python deletes it)
        if how == "found" and written is None:
            return  # (NameError, as Python's)
        if not self.deviates("class-body-del-resolved-in-the-order-of-the-text"):
            return
        if how == "found":
            raise raise_("NameError", self.messages.undefined(written or name))
        raise raise_("UnboundLocalError", self.messages.unbound_local(written or name))

    def declared_global(self, name: str) -> bool:
        """Whether a block of the program declares `name` global (deviation del-missing-global-as-key-error:
        PyPy's symbol table then makes the module's own name an explicit global too)."""
        return any(name in block.globals for block in self.analysis.module.walk())

    def unresolved_namespace(self, frame: Frame, message: str) -> dict[str, Any]:
        """Deviation generic-class-name-leaks-into-private-name-mangling: the namespace a name the symbol
        table does not know is looked up in, by name (LOAD_NAME): the module's or the class's; a function
        has none (SystemError) until locals() makes one."""
        if self.unresolved_by_frame:
            # (deviation private-names-mangled-by-the-last-class-in-the-symbol-table) Skulpt's code looks such a
            # name up in the namespace of its block: a function's JavaScript variables (made anew by each call,
            # a generator's kept with it), a class body's or the module's namespace; then the globals
            if frame.block.kind == "module":
                return frame.globals
            if frame.block.kind == "class" and frame.namespace is not None and self.displaced is None:
                return frame.namespace
            if isinstance(frame.block.node, (ir.FunctionDef, ir.Lambda)):
                if frame.by_name is None:
                    frame.by_name = {}
                return frame.by_name
            raise Unspecified("a name Skulpt's symbol table does not know, in a comprehension")
        code = frame
        while code.block.kind == "comprehension" and inlined(code.block) and code.outer is not None:
            code = code.outer  # (an inlined comprehension runs in the frame of the code it is in)
        if code.block.kind == "module":
            return code.globals
        if code.block.kind == "class" and code.namespace is not None:
            return code.namespace
        node = code.block.node
        if isinstance(node, (ir.FunctionDef, ir.Lambda)):
            calls_locals = _has_local_names(node.body)
        else:
            calls_locals = not isinstance(node, ir.Comprehension) or _has_local_names(
                (node.elt, node.key, node.clauses)
            )
        if calls_locals:
            raise Unspecified("a name looked up by name in a function that calls locals()")
        raise raise_("SystemError", message)

    def in_displaced(self, frame: Frame, kind: Kind, name: str) -> bool:
        """Deviation class-namespace-kept-after-exception: whether the name is looked up in the namespace an
        exception left in use. A module-level name that a global statement anywhere in the program declares
        is not: the implementation's compiler then makes it an explicit global of the module's code too, read
        and bound in the globals (MicroPython's compile_declare_global, through scope_find_global)."""
        if self.displaced is None or not self.by_name(frame, kind):
            return False
        return frame.block.kind != "module" or not self.declared_global(name)

    @staticmethod
    def by_name(frame: Frame, kind: Kind) -> bool:
        """Whether the name is looked up by name in the current namespace: the module's and a class body's
        own names and the globals they read (not those they declare global, nor closure variables)."""
        return frame.block.kind in ("module", "class") and (
            kind is MODULE or kind is CLASS_LOCAL or kind is GLOBAL_IMPLICIT
        )

    def closure_for(self, frame: Frame, block: Block) -> dict[str, Cell]:
        closure = {name: frame.cells[name] for name in block.freevars}
        if frame.block.class_cells and not inlined(block):
            # deviation class-comprehension-cell-hides-enclosing-variable: a scope the class body's code makes
            # gets the class's own cell, kept beside the enclosing function's (new_frame)
            for name in frame.block.class_cells & block.freevars:
                closure[name] = frame.cells.get(_own_cell(name), closure[name])
        return closure

    def new_frame(self, block: Block, globals_: dict[str, Any], closure: dict[str, Cell]) -> Frame:
        cells = dict(closure)
        for name in block.cellvars:
            if name in cells and name in block.class_cells:
                # deviation class-comprehension-cell-hides-enclosing-variable: the class body's own cell, beside
                # the enclosing function's that passes through the class to its inlined comprehensions
                cells[_own_cell(name)] = Cell()
            else:
                cells[name] = Cell()
        return Frame(block, globals_, cells)

    # -- targets (§7.2) -----------------------------------------------------

    def assign(self, frame: Frame, target: ir.Expr, value: Any) -> None:
        if isinstance(target, ir.Name):
            self.store_binding(frame, target, target.id, value)
        elif isinstance(target, (ir.TupleExpr, ir.ListExpr)):
            elts = target.elts
            if (
                frame.plain_starred
                and any(isinstance(elt, ir.Starred) for elt in elts)
                and self.deviates("starred-target-plain-in-a-later-copy-of-finally")
            ):
                elts = tuple(elt.value if isinstance(elt, ir.Starred) else elt for elt in elts)
            for element, item in zip(elts, self.unpack(elts, value), strict=False):
                self.assign(frame, element, item)
        elif isinstance(target, ir.Starred):
            self.assign(frame, target.value, value)
        elif isinstance(target, ir.Attribute):
            self.set_attribute(self.eval(frame, target.value), target.attr, value)
        elif isinstance(target, ir.Subscript):
            self.set_item(self.eval(frame, target.value), target.index, value)
        else:
            raise TypeError("not an assignment target: %r" % (target,))

    def unpack(self, targets: tuple[ir.Expr, ...], value: Any) -> list[Any]:
        """The items for each target, a list for the starred one; ValueError when they do not fit.

        Without a starred target, an iterator is asked for one item more than there are
        targets and no further (§7.2: "must be an iterable with the same number of items").
        """
        if value is UNDEFINED:  # (deviation empty-cell-read-gives-undefined: Skulpt tests it is iterable first)
            raise raise_("TypeError")
        iterator = self.iterate(value)
        star = next((i for i, t in enumerate(targets) if isinstance(t, ir.Starred)), None)
        if star is None:
            items = [item for _, item in zip(targets, iterator, strict=False)]
            if len(items) < len(targets) or next(iterator, EMPTY) is not EMPTY:
                raise raise_("ValueError")
            return items
        items = list(iterator)
        after = len(targets) - star - 1
        if len(items) < star + after:
            raise raise_("ValueError")
        return [*items[:star], ListValue(items[star : len(items) - after]), *items[len(items) - after :]]

    def deletes_as_missing(self, value: Any, target: ir.Name | None) -> bool:
        """Whether a `del` finds a variable holding JavaScript's undefined (deviation unbound-read-as-undefined)
        missing: Brython's `$B.$delete(name, <the function's locals object>)`, which it compiles for a deletion of a
        variable it has seen bound (translation.plain_local_deletions), tests the entry against undefined."""
        if value is not JS_UNDEFINED or target is None:
            return False
        if self.plain_deletions is None:
            self.plain_deletions = plain_local_deletions(self.analysis)
        return id(target) in self.plain_deletions

    def unbound_deletion(self, kind: Kind, name: str, target: ir.Name | None) -> Raised:
        """`del` of a variable of the block that is unbound: as a read of it (§4.2.2), but NameError under
        deviation del-of-a-local-seen-bound-raises-name-error where it applies (translation.plain_local_deletions),
        and "name 'x' is not defined" for a free variable under free-variable-read-as-global."""
        if target is not None and kind in (LOCAL, CELL):
            if self.plain_deletions is None:
                self.plain_deletions = plain_local_deletions(self.analysis)
            if id(target) in self.plain_deletions and self.deviates("del-of-a-local-seen-bound-raises-name-error"):
                return raise_("NameError", self.messages.undefined(name))
        if kind is FREE and self.deviates("free-variable-read-as-global"):
            return raise_("NameError", self.messages.undefined(name))  # (no namespace holds it: nothing to delete)
        return self.unbound(kind, name)

    def delete_target(self, frame: Frame, target: ir.Expr) -> None:
        if isinstance(target, ir.Name):
            self.reading = target  # (for the message of an error: name_shown)
            self.delete(frame, target.id, target)
            self.reading = None
        elif isinstance(target, (ir.TupleExpr, ir.ListExpr)):
            if self.deviates("del-of-a-parenthesized-target-list-does-nothing"):
                return
            for element in target.elts:
                self.delete_target(frame, element)
        elif isinstance(target, ir.Attribute):
            self.delete_attribute(self.eval(frame, target.value), target.attr)
        elif isinstance(target, ir.Subscript):
            self.delete_item(self.eval(frame, target.value), target.index)
        else:
            raise TypeError("not a del target: %r" % (target,))

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
        [target, *others] = node.targets
        if (
            not others
            and isinstance(target, (ir.Attribute, ir.Subscript))
            and self.deviates("attribute-or-item-assignment-evaluates-its-object-first")
        ):
            owner = self.eval(frame, target.value)  # (before the value)
            value = self.eval(frame, node.value)
            if isinstance(target, ir.Attribute):
                self.set_attribute(owner, target.attr, value)
            else:
                self.set_item(owner, target.index, value)
            return
        value = self.eval(frame, node.value)
        for target in node.targets:  # §7.2: left to right
            self.assign(frame, target, value)

    def exec_ann_assign(self, frame: Frame, node: ir.AnnAssign) -> None:
        """§7.2.2: the value is assigned first; then, in a class body or module, the annotation is
        evaluated (before 3.14) or kept for the class's __annotate__ (3.14); in a function, never."""
        if node.value is not None:
            self.store(frame, node.target, self.eval(frame, node.value))
        if frame.block.function_like:
            return
        annotations = frame.annotations  # (None at module level: module annotations are never read here)
        if self.rules.has("deferred-annotations"):
            if annotations is not None and not any(expr is node.annotation for _, expr in annotations.entries):
                annotations.entries.append((node.target, node.annotation))  # (3.14: each executed one, once)
            return
        value = self.eval(frame, node.annotation)
        if annotations is not None:
            assert annotations.value is not None
            self.put(annotations.value, node.target, value)

    def exec_aug_assign(self, frame: Frame, node: ir.AugAssign) -> None:
        """§7.2.1: the target's operands once, its value, then the right-hand side."""
        target = node.target
        if (
            isinstance(target, ir.Name)
            and id(target) in self.names
            and self.deviates("augmented-assignment-of-a-private-name-uses-it-unmangled")
        ):
            self.aug_assign_unmangled(frame, node, target, self.names[id(target)])
            return
        if isinstance(target, ir.Name):
            self.reading = target
            current = self.load(frame, target.id)
            # (deviation class-body-resolves-its-names-in-the-order-of-the-text) a class body's target that the
            # translator resolved as a global, before any binding of it in the text, is bound as the global too
            as_global = (
                frame.block.scope.get(target.id) is CLASS_LOCAL
                and self.class_read(frame, target.id) == "global"
                and self.deviates("class-body-resolves-its-names-in-the-order-of-the-text")
            )
            self.reading = None
            value = self.binary(node.op, current, self.eval(frame, node.value), in_place=True)
            if as_global:
                frame.globals[target.id] = value
            else:
                self.store_binding(frame, node, target.id, value)
        elif isinstance(target, ir.Attribute):
            owner = self.eval(frame, target.value)
            current = self.attribute(owner, target.attr)
            result = self.binary(node.op, current, self.eval(frame, node.value), in_place=True)
            self.set_attribute(owner, target.attr, result)
        else:
            assert isinstance(target, ir.Subscript)
            owner = self.eval(frame, target.value)
            current = self.subscript(owner, target.index)
            result = self.binary(node.op, current, self.eval(frame, node.value), in_place=True)
            self.set_item(owner, target.index, result)

    def aug_assign_unmangled(self, frame: Frame, node: ir.AugAssign, target: ir.Name, written: str) -> None:
        """Deviation augmented-assignment-of-a-private-name-uses-it-unmangled: the translator resolves the
        target's scope under its mangled name and reads and binds it under the name as written."""
        kind = frame.block.scope.get(target.id)
        if kind in (LOCAL, CELL, CLASS_LOCAL):
            if not _assigned_before(frame.block, target.id, node):
                raise Unspecified("an augmented assignment of a private name its block binds only later in the text")
            # the block's namespace under the name as written, which no other statement binds (they bind it
            # mangled): JavaScript's undefined, on which the operator's code fails
            self.binary(node.op, JS_UNDEFINED, self.eval(frame, node.value), in_place=True)
            raise Unspecified("an operator that takes JavaScript's undefined")  # (binary() refuses it)
        if kind is not GLOBAL_EXPLICIT:
            raise Unspecified("an augmented assignment of a nonlocal private name, unmangled")
        # the mangled global is in no scope's own names: the name as written is looked up at run time, and bound
        # in the block's own namespace
        if self.deviates(GLOBAL_PRIVATE):
            current = self.load_declared_private(frame, written, target.id)
        else:
            current = self.load_unmangled(frame, written, target.id)
        value = self.binary(node.op, current, self.eval(frame, node.value), in_place=True)
        if frame.namespace is not None:
            frame.namespace[written] = value
        else:
            # (shown by locals(); read by global-declaration-of-a-private-name-is-not-mangled)
            frame.hidden_local = True
            frame.hidden_values[written] = value

    def exec_delete(self, frame: Frame, node: ir.Delete) -> None:
        if self.raising_deletions is None:
            self.raising_deletions = global_deletions(self.analysis)[1]
        raising = self.raising_deletions.get(id(node))
        if raising is not None and self.deviates("del-of-a-global-at-the-end-of-a-block-fails"):
            # the code after the last deletion runs into the block's end code: that target stays bound
            for target in node.targets[:-1]:
                self.delete_target(frame, target)
            raise raise_(raising, DEL_GLOBAL_ERRORS[raising])
        for target in node.targets:
            self.delete_target(frame, target)

    def exec_nothing(self, frame: Frame, node: ir.Nonlocal | ir.Global | ir.Pass) -> None:
        pass  # declarations are read by the scope analysis; nothing to run

    def exec_expr(self, frame: Frame, node: ir.ExprStmt) -> None:
        self.eval(frame, node.value)

    def exec_return(self, frame: Frame, node: ir.Return) -> None:
        self.exiting = node
        raise _Return(None if node.value is None else self.eval(frame, node.value))

    def exec_yield(self, frame: Frame, node: ir.Yield) -> None:
        raise AssertionError("yield outside a generator function")

    def exec_break(self, frame: Frame, node: ir.Break) -> None:
        self.exiting = node
        if not self.deferred(frame, _Break()):
            raise _Break

    def exec_continue(self, frame: Frame, node: ir.Continue) -> None:
        self.exiting = node
        if not self.deferred(frame, _Continue()):
            raise _Continue

    def deferred(self, frame: Frame, leaving: _Break | _Continue) -> bool:
        """Deviation break-or-continue-before-finally-runs-the-rest-of-the-body: Skulpt compiles a break or
        continue in a body protected by a finally clause, in the same loop, to a note of where to go once the
        finally clause has run, with no jump: the statements after it go on running to the end of the body."""
        regions = self.regions.get(id(frame))
        if not regions or regions[-1] is LOOP:
            return False
        if not self.deviates("break-or-continue-before-finally-runs-the-rest-of-the-body"):
            return False
        regions[-1].append(leaving)
        return True

    def protected(self, frame: Frame) -> list[Any]:
        """A body protected by a finally clause starts (see deferred): its entry in the frame's regions."""
        region: list[Any] = []
        self.regions.setdefault(id(frame), []).append(region)
        return region

    def unprotected(self, frame: Frame, region: list[Any], leaving: BaseException | None) -> None:
        """The protected body ends (`leaving`: how, None at its end): a break or continue noted in it is
        done once the finally clause has run; left another way, what Skulpt then does is not followed."""
        self.regions[id(frame)].pop()
        if region and leaving is not None and not isinstance(leaving, _Return):
            raise Unspecified("an exception, break or continue leaving a body with a break noted in it")

    def exec_raise(self, frame: Frame, node: ir.Raise) -> None:
        if node.exception is None:  # §7.8: re-raise the exception being handled
            if not self.handling:
                raise raise_("RuntimeError")
            raise Raised(self.handling[-1])
        if node.value is None:
            raise raise_(node.exception, "")
        value = self.eval(frame, node.value)
        # str() of an exception with one argument is str() of it (repr() for KeyError): the same for these
        raise raise_(node.exception, str(value) if value is None or type(value) is int else None)

    def exec_if(self, frame: Frame, node: ir.If) -> None:
        self.execute_block(frame, node.body if self.truth(self.eval(frame, node.test)) else node.orelse)

    def for_items(self, frame: Frame, node: ir.For) -> Iterator[Any]:
        """§8.3: the iterable of a for statement, evaluated once, and its iterator."""
        value = self.eval(frame, node.iter)
        if value is JS_UNDEFINED:  # (Brython's for statement marks its iterable with a symbol first)
            raise raise_("JavascriptError", "Cannot set properties of undefined (setting 'Symbol(INUM)')")
        return self.iterate(value)

    def exec_for(self, frame: Frame, node: ir.For) -> None:
        for item in self.for_items(frame, node):
            self.assign(frame, node.target, item)
            if not self.iteration(frame, node.body):
                return
        self.execute_block(frame, node.orelse)

    def exec_while(self, frame: Frame, node: ir.While) -> None:
        while self.truth(self.eval(frame, node.test)):
            self.step()
            if not self.iteration(frame, node.body):
                return
        self.execute_block(frame, node.orelse)

    def iteration(self, frame: Frame, body: tuple[ir.Stmt, ...]) -> bool:
        """One run of a loop's body: False when it breaks out of the loop (and skips its else)."""
        regions = self.regions.setdefault(id(frame), [])
        regions.append(LOOP)
        try:
            self.execute_block(frame, body)
        except _Break:
            return False
        except _Continue:
            pass
        finally:
            regions.pop()
        return True

    def exec_try(self, frame: Frame, node: ir.Try) -> None:
        chain = list(self.chain)  # (Brython's frame chain as the try statement starts: a handler run to its end
        region = self.protected(frame) if node.finalbody else None
        in_body = True
        try:  # makes it current again)
            try:
                self.execute_block(frame, node.body)
            except Raised as raised:
                in_body = False
                handler = self.handler_for(node, raised.value)
                if handler is None:
                    raise
                self.handle(frame, handler, raised.value, lambda: self.execute_block(frame, handler.body))
                self.chain[:] = chain
            else:
                in_body = False
                self.execute_block(frame, node.orelse)
        except _AwaitSuspends as suspends:
            suspends.protected = True
            raise
        except (Unspecified, _Suspended):
            raise
        except BaseException as leaving:  # an exception, return, break or continue: the finally clause, then it goes on
            if region is not None:
                self.unprotected(frame, region, leaving)
            if isinstance(leaving, _Return):
                self.finally_after_return(frame, node, leaving, in_body)
            else:
                self.finally_clause(frame, node, leaving)
            raise
        if region is not None:
            self.unprotected(frame, region, None)
        self.finally_clause(frame, node, None)
        if region:  # (deviation break-or-continue-before-finally-runs-the-rest-of-the-body)
            raise region[0]

    def finally_clause(self, frame: Frame, node: ir.Try, leaving: BaseException | None) -> None:
        """§8.4: the finally clause, on the way out of the try statement (`leaving`: how, None at its end).

        (Deviation starred-target-plain-in-a-later-copy-of-finally: the compiler makes a copy of the clause
        for each return, break or continue leaving the try statement, in order, then for its end, then for an
        exception; all but the first unpack starred targets as plain ones.)
        """
        later = frame.plain_starred
        if not later and _has_starred_target(node.finalbody):
            exits, unclear = _exits(node)
            if isinstance(leaving, (_Return, _Break, _Continue)):
                if unclear or not any(exit is self.exiting for exit in exits):
                    raise Unspecified("which copy of a finally clause a return, break or continue in it runs")
                later = exits[0] is not self.exiting
            else:
                later = leaving is not None or bool(exits)
        saved, frame.plain_starred = frame.plain_starred, later
        try:
            self.execute_block(frame, node.finalbody)
        finally:
            frame.plain_starred = saved

    def finally_after_return(self, frame: Frame, node: ir.Try, leaving: _Return, in_body: bool) -> None:
        """§8.4: the finally clause run by a return leaving the try statement (from its body when `in_body`).

        (Deviation return-leaves-the-handlers-of-its-try-in-place: Skulpt compiles the return to a jump to the
        finally clause that leaves the handlers the try statement set up in place. An exception the clause
        raises meets them: first the except clauses, when the return was in the body (one that handles it runs,
        then the finally clause, then the return goes on); then the finally clause's own handler, which runs
        the clause again and re-raises the exception.)
        """
        left = leaving.left
        if node.finalbody or in_body:
            leaving.left += 1
        try:
            self.finally_clause(frame, node, leaving)
        except Raised as raised:
            if not node.finalbody or not self.deviates("return-leaves-the-handlers-of-its-try-in-place"):
                raise
            if left:
                raise Unspecified(
                    "an exception in a finally clause that a return from another try or with ran"
                ) from None
            handler = self.handler_for(node, raised.value) if in_body else None
            if handler is None:
                self.finally_clause(frame, node, raised)
                raise
            try:
                self.handle(frame, handler, raised.value, lambda: self.execute_block(frame, handler.body))
            except _Return as again:
                self.finally_after_return(frame, node, again, in_body=False)
                raise
            except Raised as other:
                self.finally_clause(frame, node, other)
                raise
            except (_Break, _Continue):
                raise Unspecified("a break or continue in an except clause run by a finally clause") from None
            self.finally_clause(frame, node, None)

    def handler_for(self, node: ir.Try, exception: ExceptionValue) -> ir.Handler | None:
        """§8.4: the first clause naming a class of the exception (its type or a base)."""
        mro = EXCEPTION_MRO[exception.type]
        # (deviation: these three lack the base between them and Exception)
        if exception.type in ("IndexError", "UnboundLocalError", "NotImplementedError") and self.deviates(
            "exceptions-derive-from-exception-without-their-middle-base"
        ):
            mro = [exception.type, *_BASE]
        for handler in node.handlers:
            # (deviation: the clause's names are read when an exception reaches it, and one is missing)
            if "ArithmeticError" in handler.types and self.deviates("arithmetic-error-not-a-builtin"):
                raise raise_("NameError", self.messages.undefined("ArithmeticError"))
            if any(name in mro for name in handler.types or ("Exception",)):
                return handler
        return None

    def handle(self, frame: Frame, handler: ir.Handler, exception: ExceptionValue, run: Callable[[], Any]) -> Any:
        in_block_namespace = handler.name is not None and self.handler_name_in_block_namespace(frame, handler.name)
        if handler.name is not None and in_block_namespace:
            self.bind_in_block_namespace(frame, handler.name, exception)
        elif handler.name is not None:
            self.store(frame, handler.name, exception)
        self.handling.append(exception)
        try:
            return run()
        finally:
            self.handling.pop()
            if handler.name is not None and in_block_namespace:
                if not self.deviates("except-as-kept") and frame.namespace is not None:
                    frame.namespace.pop(handler.name, None)  # (a function's hidden local: left as unknown)
                elif not self.deviates("except-as-kept"):
                    frame.hidden_values.pop(handler.name, None)  # (but a comprehension no longer reads it)
            elif handler.name is not None:
                self.clear_handler_name(frame, handler.name)

    def handler_name_in_block_namespace(self, frame: Frame, name: str) -> bool:
        """Deviation except-as-of-a-declared-name-binds-the-block-namespace: `except E as N` in a function or class
        body that declares N global or nonlocal."""
        block = frame.block
        if block.kind not in ("function", "class") or (name not in block.globals and name not in block.nonlocals):
            return False
        return self.deviates("except-as-of-a-declared-name-binds-the-block-namespace")

    @staticmethod
    def namespace_target(frame: Frame, name: str) -> Any:
        """(Deviation comprehension-runs-inline-restoring-targets-bound-before) the value of a namespace target
        (Block.namespace_targets) in its block's namespace (EMPTY: none). Brython compiles the block's own reads
        of the name outside the comprehension as Python resolves them (a global, an enclosing variable), never
        from the namespace; the comprehension's reads of its targets, from it."""
        if frame.namespace is not None:
            return frame.namespace.get(name, EMPTY)
        return frame.namespace_values.get(name, EMPTY)

    @staticmethod
    def bind_namespace_target(frame: Frame, name: str, value: Any) -> None:
        """(The same) a comprehension's target bound in its block's namespace (a class's: an attribute)."""
        if frame.namespace is not None:
            frame.namespace[name] = value
        else:
            frame.namespace_values[name] = value

    def namespace_read_of(self, name: str) -> int | None:
        """(The same) the function (id() of its node) whose namespace Brython compiled this read of `name` to read
        without a check (translation.namespace_target_reads), if it did."""
        if self.reading is None or self.reading.id != name:
            return None
        if self.namespace_reads is None:
            self.namespace_reads = namespace_target_reads(self.analysis)
        return self.namespace_reads.get(id(self.reading))

    def enclosing_namespace_target(self, frame: Frame, name: str) -> Any:
        """(The same) a function's read of a name that Python resolves as a global or an enclosing function's
        variable: Brython looks it up in the namespaces of the enclosing functions first, innermost first, up
        to the one whose variable it is or whose own code (outside its comprehensions) reads it (for a read
        compiled before the comprehension in the order of the text, searched at run time), and finds a namespace
        target bound there (class bodies are passed by; EMPTY: found none). A comprehension is such a scope too
        (in Python's symbol table), so its reads start at the function it runs in."""
        around = frame if frame.in_inline_comprehension else frame.made_in
        while around is not None and around.block.kind != "module":
            if around.block.kind in ("function", "lambda"):
                compiled_to_read_it = self.namespace_read_of(name) == id(around.block.node)
                if read_by_its_code(around.block, name) and not compiled_to_read_it:
                    # (a search at run time, which passes a function whose own code reads it, as the symbol table
                    # places it; a read compiled after the comprehension in the text reads the namespace anyway)
                    break
                if name in around.block.namespace_targets:
                    if name in around.namespace_values:
                        return around.namespace_values[name]
                    if compiled_to_read_it:
                        if not self.deviates("unbound-read-as-undefined"):  # (a read with the check)
                            raise raise_("NameError", self.messages.undefined(name))
                        return JS_UNDEFINED  # (resolved in the order of the text to that namespace, unchecked)
                if around.block.scope.get(name) in (LOCAL, CELL):
                    break
            around = around.outer if around.block.kind == "comprehension" else around.made_in
        return EMPTY

    @staticmethod
    def bind_in_block_namespace(frame: Frame, name: str, value: Any) -> None:
        """(Deviation except-as-of-a-declared-name-binds-the-block-namespace) the block's own namespace, which only
        a class's namespace, locals() and eval() show: the reads of the name do not use it."""
        if frame.namespace is not None:
            frame.namespace[name] = value
        else:
            frame.hidden_local = True
            frame.hidden_values[name] = value

    def clear_handler_name(self, frame: Frame, name: str) -> None:
        # §8.4: the exception is bound to the name, and the name is cleared at the
        # end of the clause. CPython clears it as `N = None; del N`, which cannot
        # fail even if the handler unbound N; the model does the same.
        if self.deviates("except-as-kept"):
            return
        self.store(frame, name, None)
        self.delete(frame, name)

    def exec_with(self, frame: Frame, node: ir.With) -> None:
        exit_ = self.enter(frame, node)
        region = self.protected(frame)
        try:
            try:
                if node.target is not None:
                    self.assign(frame, node.target, exit_.entered)
                self.execute_block(frame, node.body)
            except _AwaitSuspends as suspends:
                suspends.protected = True
                raise
            except (Unspecified, _Suspended):
                raise
            except BaseException as leaving:
                self.unprotected(frame, region, leaving)
                raise
            self.unprotected(frame, region, None)
        except Raised as raised:
            if not self.truth(self.call(exit_.method, [BuiltinValue(raised.value.type), raised.value, None])):
                raise
        except _Return as leaving:
            if self.exit_after_return(exit_, leaving):
                raise
        except (_Break, _Continue):
            self.call(exit_.method, [None, None, None])
            raise
        else:
            self.call(exit_.method, [None, None, None])
            if region:  # (deviation break-or-continue-before-finally-runs-the-rest-of-the-body)
                raise region[0]

    def exit_after_return(self, exit_: _Entered, leaving: _Return) -> bool:
        """§8.5: __exit__ called as a return leaves the with statement's body: True when the return goes on.

        (Deviation return-leaves-the-handlers-of-its-try-in-place: the with statement's handler stays in
        place; an exception __exit__ raises meets it, and __exit__ is called again with that exception: a
        true result swallows it and the return, and the statements after the with statement run.)
        """
        left, leaving.left = leaving.left, leaving.left + 1
        try:
            self.call(exit_.method, [None, None, None])
        except Raised as raised:
            if not self.deviates("return-leaves-the-handlers-of-its-try-in-place"):
                raise
            if left:
                raise Unspecified("an exception in an __exit__ that a return from another try or with ran") from None
            exception = raised.value
            if not self.truth(self.call(exit_.method, [BuiltinValue(exception.type), exception, None])):
                raise
            return False
        return True

    def enter(self, frame: Frame, node: ir.With) -> _Entered:
        """§8.5: the context manager, its __exit__ and __enter__ looked up on its type, __enter__ called."""
        manager = self.eval(frame, node.context)
        enter, exit_ = (self.special(manager, name) for name in ("__enter__", "__exit__"))
        return _Entered(self.call(enter, []), exit_)

    def special(self, value: Any, name: str) -> Any:
        """A special method, looked up on the type: a TypeError from 3.11, an AttributeError before."""
        found = value.cls.lookup(name) if isinstance(value, Instance) else EMPTY
        if found is EMPTY:
            raise raise_("TypeError" if self.rules.has("with-type-error") else "AttributeError")
        return self.bind(found, value, value.cls)

    def exec_match(self, frame: Frame, node: ir.Match) -> None:
        case = self.select_case(frame, node)
        if case is not None:
            self.execute_block(frame, case.body)

    def select_case(self, frame: Frame, node: ir.Match) -> ir.MatchCase | None:
        """§8.6: the subject once; the first case whose pattern matches and whose guard is true.

        A pattern's names are bound when it matches, before its guard runs. What a pattern that
        fails part-way has bound is left to the implementation (§8.6.2): the model does not say.
        """
        subject = self.eval(frame, node.subject)
        for case in node.cases:
            captured: dict[str, Any] = {}
            if not self.matches(frame, case.pattern, subject, captured):
                if captured and not self.deviates("failed-pattern-keeps-the-captures-made-before-it-failed"):
                    raise Unspecified("names captured by a pattern that then failed")
                for name, value in captured.items():  # (the deviation: bound as they were made)
                    if self.capture_in_block_namespace(frame, name):
                        self.bind_in_block_namespace(frame, name, value)
                    else:
                        self.store(frame, name, value)
                continue
            for name, value in captured.items():
                if self.capture_in_block_namespace(frame, name):
                    self.bind_in_block_namespace(frame, name, value)
                else:
                    self.store(frame, name, value)
            if case.guard is None or self.truth(self.eval(frame, case.guard)):
                return case
        return None

    def capture_in_block_namespace(self, frame: Frame, name: str) -> bool:
        """Deviation match-capture-of-a-declared-name-binds-the-block-namespace: a name that a pattern captures in
        a function or class body that declares it global or nonlocal."""
        block = frame.block
        if block.kind not in ("function", "class") or (name not in block.globals and name not in block.nonlocals):
            return False
        return self.deviates("match-capture-of-a-declared-name-binds-the-block-namespace")

    def matches(self, frame: Frame, pattern: ir.Pattern, subject: Any, captured: dict[str, Any]) -> bool:
        """§8.6.4: whether the pattern matches the subject; the names it captures go in `captured`."""
        if isinstance(pattern, ir.MatchValue):
            return subject is None if pattern.value is None else self.equal(subject, pattern.value)
        if isinstance(pattern, (ir.MatchCapture, ir.MatchStar)):
            if pattern.name is not None:
                captured[pattern.name] = subject
            elif isinstance(pattern, ir.MatchStar) and self.deviates(
                "star-wildcard-of-a-sequence-pattern-binds-underscore"
            ):
                self.bind_star_wildcard(frame, subject)
            return True
        if isinstance(pattern, ir.MatchAs):
            if not self.matches(frame, pattern.pattern, subject, captured):
                return False
            inner = pattern.pattern
            if (
                isinstance(inner, ir.MatchClass)
                and isinstance(inner.cls, ir.Builtin)
                and inner.cls.name in SELF_MATCHING
                and len(inner.patterns) == 1
                and self.deviates("as-capture-of-a-self-matching-class-pattern-is-not-bound")
            ):
                if inner.keywords:
                    raise Unspecified("keyword subpatterns Brython skips for a self-matching class")
                return True  # (Brython's class pattern returns its subpattern's match before binding its alias)
            if isinstance(inner, ir.MatchMapping) and self.deviates("as-capture-of-a-mapping-pattern-is-not-bound"):
                return True  # (Brython's mapping pattern returns its match before binding its alias)
            if (
                isinstance(inner, ir.MatchValue)
                and inner.value is None
                and self.deviates("as-capture-of-a-none-pattern-is-not-bound")
            ):
                return True  # (Brython's singleton pattern returns the identity test before binding its alias)
            if _matched_without_its_items(inner) and self.deviates(
                "as-capture-of-an-empty-or-star-wildcard-sequence-pattern-is-not-bound"
            ):
                return True  # (Brython's sequence pattern returns these matches before binding its alias)
            captured[pattern.name] = subject
            return True
        if isinstance(pattern, ir.MatchOr):
            return any(self.matches(frame, p, subject, captured) for p in pattern.patterns)
        if isinstance(pattern, ir.MatchSequence):
            if not isinstance(subject, (ListValue, tuple, RangeValue)):  # collections.abc.Sequence, not str
                return False
            items = list(range(subject.stop)) if isinstance(subject, RangeValue) else list(_items(subject))
            star = next((i for i, p in enumerate(pattern.patterns) if isinstance(p, ir.MatchStar)), None)
            if star is None:
                if len(items) != len(pattern.patterns):
                    longer = len(items) > len(pattern.patterns)
                    if longer and self.deviates("failed-pattern-keeps-the-captures-made-before-it-failed"):
                        # Brython matches (and binds) the items a pattern has, then finds the subject longer
                        pairs = list(zip(pattern.patterns, items[: len(pattern.patterns)], strict=True))
                        all(self.matches(frame, p, item, captured) for p, item in pairs)
                    return False
                pairs = list(zip(pattern.patterns, items, strict=True))
            else:
                after = len(pattern.patterns) - star - 1
                if len(items) < star + after:
                    return False
                middle = ListValue(items[star : len(items) - after])
                pairs = [*zip(pattern.patterns[:star], items[:star], strict=True), (pattern.patterns[star], middle)]
                pairs += zip(pattern.patterns[star + 1 :], items[len(items) - after :], strict=True)
            return all(self.matches(frame, p, item, captured) for p, item in pairs)
        if isinstance(pattern, ir.MatchMapping):
            if not isinstance(subject, DictValue):
                return False
            keys = [self.hash_key(key) for key in pattern.keys]
            if not all(key in subject.items for key in keys):
                if self.deviates("failed-pattern-keeps-the-captures-made-before-it-failed"):
                    # Brython looks the keys up one by one, matching (and binding) each value found
                    for key, p in zip(keys, pattern.patterns, strict=True):
                        if key not in subject.items or not self.matches(frame, p, subject.items[key][1], captured):
                            break
                return False
            for key, p in zip(keys, pattern.patterns, strict=True):
                if not self.matches(frame, p, subject.items[key][1], captured):
                    return False
            if pattern.rest is not None:
                captured[pattern.rest] = DictValue({k: v for k, v in subject.items.items() if k not in keys})
            return True
        return self.matches_class(frame, pattern, subject, captured)

    def bind_star_wildcard(self, frame: Frame, items: Any) -> None:
        """Deviation star-wildcard-of-a-sequence-pattern-binds-underscore: the items `*_` matched, bound to _ in
        the namespace of the block the match statement runs in (the symbol table binds no _: the block's reads of
        _ are resolved as Python resolves them, a missing global then found in that namespace)."""
        if frame.block.kind == "module" and frame.namespace is None:
            frame.globals["_"] = items
        elif frame.block.kind in ("function", "class"):
            self.bind_namespace_target(frame, "_", items)
        else:
            raise Unspecified("a star wildcard of a match statement in a block of another kind")

    def matches_class(self, frame: Frame, pattern: ir.MatchClass, subject: Any, captured: dict[str, Any]) -> bool:
        cls = self.eval(frame, pattern.cls)
        if isinstance(cls, BuiltinValue) and cls.name in SELF_MATCHING:
            if not isinstance(subject, SELF_MATCHING[cls.name]) or (cls.name != "int" and isinstance(subject, bool)):
                return False
            if len(pattern.patterns) > 1:
                raise raise_("TypeError")  # a self-matching class takes one positional subpattern
            if pattern.patterns and not self.matches(frame, pattern.patterns[0], subject, captured):
                return False
        elif isinstance(cls, Class):
            if pattern.patterns:
                raise Unspecified("positional subpatterns need __match_args__")
            if not (isinstance(subject, Instance) and cls in subject.cls.mro):
                return False
        else:
            raise raise_("TypeError")  # called match pattern must be a class
        for attr, p in pattern.keywords:
            try:
                value = self.attribute(subject, attr)
            except Raised as raised:
                if raised.value.type != "AttributeError":
                    raise
                return False
            if not self.matches(frame, p, value, captured):
                return False
        return True

    def exec_type_alias(self, frame: Frame, node: ir.TypeAlias) -> None:
        self.typing_imported = True
        run = self.definition_run(node)
        value = self.type_alias(frame, run) if isinstance(run, ir.TypeAlias) else self.make_class(frame, run)
        if (
            frame.block.kind in ("function", "class")
            and (frame.block.scope.get(node.name) is GLOBAL_EXPLICIT or node.name in frame.block.nonlocals)
            and self.deviates("type-alias-of-a-global-name-binds-the-block-namespace")
        ):
            # bound in the block's own namespace, which only a class's namespace, locals() and eval() show
            if frame.namespace is not None:
                frame.namespace[node.name] = value
            else:
                frame.hidden_local = True
            return
        self.store(frame, node.name, value)

    def type_alias(self, frame: Frame, node: ir.TypeAlias) -> TypeAliasValue:
        if not self.typing_imported:  # (deviation generic-definitions-of-one-name-in-a-block-run-the-last)
            raise raise_("JavascriptError", READING_THE_DICT_OF_UNDEFINED)  # (Brython's _typing, not yet imported)
        scope = self.analysis.annotation_scope_of(node)
        alias = TypeAliasValue(node.name, node, self.closure_for(frame, scope), frame.globals, frame.namespace)
        alias.made_in = frame
        return alias

    def definition_run(self, node: ir.ClassDef | ir.TypeAlias) -> ir.ClassDef | ir.TypeAlias:
        """The statement whose code a generic class statement or a type statement runs: its own; under deviation
        generic-definitions-of-one-name-in-a-block-run-the-last (Brython), the last statement of either kind in
        its statement list that binds the same name (translation.definitions_run_as_the_last)."""
        if self.run_as_the_last is None:
            module = self.analysis.module.node
            assert isinstance(module, ir.Module)
            self.run_as_the_last = definitions_run_as_the_last(module)
        last = self.run_as_the_last.get(id(node))
        if last is None or not self.deviates("generic-definitions-of-one-name-in-a-block-run-the-last"):
            return node
        return last

    def alias_value(self, alias: TypeAliasValue) -> Any:
        """§4.2.5 "Lazy evaluation": the value, evaluated in the alias's annotation scope when first
        read and kept from then on (an evaluation that raises is tried again on the next read)."""
        if not alias.computed:
            scope = self.analysis.annotation_scope_of(alias.node)
            frame = self.annotation_frame(scope, alias.globals, alias.closure, alias.classdict)
            frame.made_in = alias.made_in
            alias.value = self.eval(frame, alias.node.value)
            alias.computed = True
        return alias.value

    def exec_import(self, frame: Frame, node: ir.Import) -> None:
        module = self.modules.setdefault(node.module, ModuleValue(node.module, dict(MODULES[node.module])))
        self.store(frame, node.asname, module if node.name is None else module.attrs[node.name])

    def exec_assert(self, frame: Frame, node: ir.Assert) -> None:
        if not self.truth(self.eval(frame, node.test)):
            raise raise_("AssertionError", "")

    def exec_function_def(self, frame: Frame, node: ir.FunctionDef) -> None:
        frame.binding = node.name  # (deviation unbound-read-as-undefined: read by its decorators and defaults)
        try:
            decorators = [self.eval(frame, decorator) for decorator in node.decorators]
            function: Any = self.make_function(frame, node, node.params, self.names.get(id(node), node.name))
        finally:
            frame.binding = None
        decorators = self.late_decorators(frame, node.decorators, decorators)
        generator = function.block.generator and not node.is_async
        if decorators and generator and self.deviates("generator-function-decorators-not-applied"):
            decorators = []  # (evaluated, as above, and then left unused)
        for decorator in reversed(decorators):
            if decorator is UNDEFINED:  # (deviation empty-cell-read-gives-undefined: refused as not callable)
                raise raise_("TypeError")
            function = self.call(decorator, [function])
        self.store_binding(frame, node, node.name, function)

    def late_decorators(self, frame: Frame, nodes: tuple[ir.Expr, ...], values: list[Any]) -> list[Any]:
        """Deviation nested-function-creation-copies-enclosing-variables: Skulpt compiles a decorator that is the
        name of a variable in a cell to a read of the cell where the decorator is applied, after the function is
        made (which copies over the cells) or the class body has run (whose methods' making copies over them)."""
        late = [isinstance(node, ir.Name) and frame.block.scope.get(node.id) is CELL for node in nodes]
        if not any(late) or not self.deviates("nested-function-creation-copies-enclosing-variables"):
            return values
        rows = zip(nodes, values, late, strict=True)
        return [self.eval(frame, node) if again else value for node, value, again in rows]

    def exec_class_def(self, frame: Frame, node: ir.ClassDef) -> None:
        frame.binding = node.name  # (deviation unbound-read-as-undefined: read by its decorators, bases, keywords)
        try:
            decorators = [self.eval(frame, decorator) for decorator in node.decorators]
        finally:
            frame.binding = None
        run = self.definition_run(node) if node.type_params else node
        value = self.type_alias(frame, run) if isinstance(run, ir.TypeAlias) else self.make_class(frame, run)
        if value is None:  # (deviation none-type-called-with-a-class-body-gives-none)
            self.store_binding(frame, node, node.name, None)  # (its decorators are not applied: not followed)
            if node.decorators:
                raise Unspecified("the decorators of a class statement whose metaclass gives None")
            return
        decorators = self.late_decorators(frame, node.decorators, decorators)
        for decorator in reversed(decorators):
            if decorator is UNDEFINED:  # (as for a function's decorator)
                raise raise_("TypeError")
            value = self.call(decorator, [value])
        self.store_binding(frame, node, node.name, value)

    def make_class(self, frame: Frame, node: ir.ClassDef) -> Class | None:
        """What a class statement makes, before its decorators: the class (None under deviation
        none-type-called-with-a-class-body-gives-none, whose metaclass gives None)."""
        if node.type_params:
            self.typing_imported = True  # (Brython: the code of a generic class imports _typing first)
        frame.binding = node.name  # (deviation unbound-read-as-undefined: read by its bases, keywords)
        try:
            encloses = self.type_parameters(frame, node) if node.type_params else frame
            # (deviation generic-class-does-not-see-its-type-parameters: the bases, keywords and body are those of
            # a class statement without them, in the block around it)
            unseen = bool(node.type_params) and self.deviates("generic-class-does-not-see-its-type-parameters")
            header = frame if unseen else encloses
            if unseen:
                frame.unplaced_globals = self.unplaced_names(frame, (node.bases, tuple(k.value for k in node.keywords)))
            bases = [self.eval(header, base) for base in node.bases]
            keywords = {}
            # (deviation: the keyword arguments are neither evaluated nor passed on)
            if not (node.keywords and self.deviates("class-keywords-ignored")):
                keywords = {keyword.name: self.eval(header, keyword.value) for keyword in node.keywords if keyword.name}
        finally:
            frame.binding = None
            frame.unplaced_globals = frozenset()
        if any(base is JS_UNDEFINED for base in bases):  # (Brython's class statement asks the base for attributes)
            raise raise_("AttributeError", "Javascript object 'undefined' has no attribute")
        if keywords and self.deviates("class-keywords-refused-before-the-body"):
            raise raise_("TypeError")  # the call that would build the class takes no keyword arguments
        if node.type_params:  # PEP 695: a generic class also derives from typing.Generic, after its bases
            bases.append(self.generic)
        try:
            metaclass = self.metaclass(bases)
        except Raised:
            if not self.deviates("metaclass-conflict-found-after-the-body"):
                raise
            metaclass = "(conflict)"  # no class can be made of these bases: TypeError once the body has run
        block = self.analysis.block_of(node)
        closure = self.closure_for(encloses, block)
        if unseen:
            closure.update({name: self.cell_around(frame, name) for name in node.type_params if name in closure})
        body = self.new_frame(block, frame.globals, closure)
        body.made_in = frame
        if CLASS_CELL in block.cellvars and not node.type_params:
            body.cells[CLASS_CELL] = ClassCell(home=frame, name=node.name)
        body.resolved = frame.resolved
        body.plain_starred = frame.plain_starred  # (a deviation: compiled in the same copy)
        alias = block.class_cell_alias
        if alias is not None and self.deviates("nonlocal-in-class-body-with-class-cell-uses-the-class-cell"):
            body.cells[alias] = body.cells[CLASS_CELL]  # (its reads, writes, and the closures made after)
        body.namespace = {}
        body.annotations = self.class_body_annotations(body, node)
        enclosing, self.displaced = self.displaced, None  # the body's names are its own namespace's
        self.class_bodies.append(body.namespace)
        self.chain.append(body)
        try:
            self.execute_block(body, node.body)
        except Raised:
            if self.deviates("class-body-frame-stays-current-after-exception"):
                self.leaked = True  # (Brython leaves a class body's frame only at its end)
            else:
                self.chain.pop()
            # class-namespace-kept-after-exception: the namespace in use is not switched back when an exception
            # leaves the body (if a class body nested in it had already left its own in use, that one stays)
            if self.deviates("class-namespace-kept-after-exception"):
                self.displaced = self.displaced if self.displaced is not None else body.namespace
            else:
                self.displaced = enclosing
            raise
        finally:
            self.class_bodies.pop()
        self.chain.pop()
        self.displaced = enclosing
        # then the metaclass is called (§3.3.3.6): only `type` makes a class of these bases and namespace
        if metaclass == "NoneType" and self.deviates("none-type-called-with-a-class-body-gives-none"):
            return None
        if metaclass != "type":
            if metaclass != "(conflict)" and self.deviates("class-body-frame-stays-current-after-exception"):
                self.chain.append(body)  # (Brython calls the metaclass before it leaves the body's frame)
                self.leaked = True
            if metaclass == "float" and self.deviates("float-called-with-a-class-body-converts-the-class-name"):
                if node.name.strip("_").lower() in ("inf", "infinity", "nan"):
                    raise Unspecified("a class named like a float, which Brython's float() converts")
                raise raise_("ValueError", "could not convert string to float: %r" % node.name)
            raise raise_("TypeError")
        try:
            return self.finish_class(node, block, body, bases, keywords)
        except Raised:
            if self.deviates("class-body-frame-stays-current-after-exception"):
                self.chain.append(body)  # (Brython calls the metaclass before it leaves the body's frame)
                self.leaked = True
            raise

    def finish_class(
        self, node: ir.ClassDef, block: Block, body: Frame, bases: list[Any], keywords: dict[str, Any]
    ) -> Class:
        """The call of the metaclass, `type`, with the class's bases and namespace: the class made, and its
        bases' __init_subclass__ called (§3.3.3.6)."""
        if len(set(map(id, bases))) != len(bases):
            if not self.deviates("duplicate-base-class-accepted"):
                if CLASS_CELL in block.cellvars:  # (CPython fills it with the class it then fails to finish)
                    raise Unspecified("what the __class__ cell holds when type.__new__ fails")
                raise raise_("TypeError")  # duplicate base class
            bases = list({id(base): base for base in bases}.values())
            if len(bases) > 1:  # (the order the implementation then searches its bases in is its own)
                raise Unspecified("the method resolution order of a class with a base repeated beside others")
        namespace, annotations = body.namespace, body.annotations
        assert namespace is not None and annotations is not None
        hook = namespace.get("__init_subclass__")
        if isinstance(hook, Function) and self.rules.has("init-subclass"):  # §3.3.3.1: implicitly a classmethod
            namespace["__init_subclass__"] = ClassMethod(hook)
        # type.__new__ copies the namespace into the class's own dict and points the __classdict__ cell
        # at that dict: from now on the annotation scopes made in the body see the class as it is
        # changed. The body's namespace is not used again, so the model keeps one dict for both.
        klass = Class(self.names.get(id(node), node.name), namespace)
        if annotations.entries or (annotations.value is not None and annotations.value.items):
            klass.annotations = annotations
        klass.mro = self.linearize(klass, bases)
        if CLASS_CELL in block.cellvars:  # type.__new__ fills the implicit __class__ cell (§3.3.3.6)
            body.cells[CLASS_CELL].value = klass
        for value in [*namespace.values(), hook]:  # (Brython marks the functions its namespace holds as the class's)
            if isinstance(value, Function):
                value.method_class = klass
        self.init_subclass(klass, keywords)
        return klass

    def class_body_annotations(self, body: Frame, node: ir.ClassDef) -> Annotations:
        """Where a class body's annotations go: a dict it fills (before 3.14), or the list of those
        its `__annotate__` scope evaluates when __annotations__ is read (3.14)."""
        if not self.rules.has("deferred-annotations"):
            return Annotations([], DictValue({}))
        if id(node) not in self.analysis.annotate_scopes:  # (no annotated assignment in the body)
            return Annotations([])
        scope = self.analysis.annotate_scope_of(node)
        return Annotations([], None, scope, self.closure_for(body, scope), body.globals, body.namespace)

    @staticmethod
    def unplaced_names(frame: Frame, expressions: Any) -> frozenset[str]:
        """(Deviation generic-class-does-not-see-its-type-parameters) the names that a generic class's bases and
        keywords, translated in the block around the class, read and that neither that block nor any block
        around it has: Brython's translator finds no scope for them and reads the global."""
        unplaced = set()
        for part in nodes(expressions):
            if isinstance(part, (ir.Lambda, ir.Comprehension)):
                raise Unspecified("a generic class's bases make a scope of their own, in the block around it")
            if isinstance(part, ir.Name) and part.id not in frame.block.scope:
                block = frame.block.parent
                while block is not None:
                    if part.id in block.scope:
                        raise Unspecified("a generic class's bases read a name of a block further out, unresolved")
                    block = block.parent
                unplaced.add(part.id)
        return frozenset(unplaced)

    def cell_around(self, around: Frame, name: str) -> Cell:
        """(Deviation generic-class-does-not-see-its-type-parameters) what `name` is in the block whose code runs
        a generic class statement (not its type parameters' scope), as a cell: its variable, or the global."""
        kind = around.block.scope.get(name)
        if kind in (CELL, FREE):
            return around.cells[name]
        if kind is LOCAL:
            return GlobalCell(around.fast, name)  # (read when the annotations are: the frame's local then)
        if kind is CLASS_LOCAL:
            raise Unspecified("a type parameter named like a variable of the class body around the class")
        return GlobalCell(around.globals, name)

    def function_annotations(self, frame: Frame, node: ir.FunctionDef) -> Annotations:
        """§8.7: evaluated when the definition runs, after the defaults (before 3.14); or kept with
        what their `__annotate__` scope closes over (3.14, PEP 649)."""
        entries = [(annotation.name, annotation.value) for annotation in node.annotations]
        if self.rules.has("deferred-annotations"):
            scope = self.analysis.annotate_scope_of(node)
            return Annotations(entries, None, scope, self.closure_for(frame, scope), frame.globals, frame.namespace)
        return Annotations(entries, self.annotations_dict(frame, entries))

    def annotations_value(self, annotations: Annotations) -> DictValue:
        """__annotations__: the dict, evaluated in the `__annotate__` scope on the first read (PEP 649)."""
        if annotations.value is None:
            assert annotations.scope is not None
            frame = self.annotation_frame(annotations.scope, annotations.globals, annotations.closure,
                                          annotations.classdict)  # fmt: skip
            annotations.value = self.annotations_dict(frame, annotations.entries)
        return annotations.value

    def annotations_dict(self, frame: Frame, entries: list[tuple[str, ir.Expr]]) -> DictValue:
        """The annotations evaluated in order in `frame`, name -> value."""
        value = DictValue({})
        for name, expr in entries:
            self.put(value, name, self.eval(frame, expr))
        return value

    def annotation_frame(self, scope: Block, globals_: dict[str, Any], closure: dict[str, Cell],
                         classdict: dict[str, Any] | None) -> Frame:  # fmt: skip
        """A frame of an annotation scope; in a class body it sees `classdict`, the class's names (§4.2.4)."""
        frame = self.new_frame(scope, globals_, closure)
        frame.namespace = classdict
        return frame

    def annotations_of(self, value: Any) -> DictValue:
        """`value.__annotations__` for the objects whose answer the Reference and data model fix."""
        if isinstance(value, Method):
            value = value.function
        if isinstance(value, Function):
            return DictValue({}) if value.annotations is None else self.annotations_value(value.annotations)
        if isinstance(value, Class) and value.annotations is not None:
            return self.annotations_value(value.annotations)
        if value is None or type(value) in (int, float, bool, str, tuple) or isinstance(value, (ListValue, DictValue)):
            raise raise_("AttributeError")
        raise Unspecified(
            "__annotations__ of a class without annotations of its own (inherited before 3.10, {} after), of an"
            " instance, or of another object"
        )

    def init_subclass(self, klass: Class, keywords: dict[str, Any]) -> None:
        """§3.3.3.6 (PEP 487, 3.6): the class arguments go to the nearest base's __init_subclass__, an
        implicit classmethod; object's takes none. Before 3.6, type() itself refuses them."""
        if not self.rules.has("init-subclass"):
            if keywords:
                raise raise_("TypeError")
            return
        for base in klass.mro[1:]:
            if "__init_subclass__" in base.namespace:
                if self.deviates("class-keywords-ignored"):
                    return  # (no __init_subclass__ is called)
                hook = base.namespace["__init_subclass__"]
                function = hook.function if isinstance(hook, (ClassMethod, StaticMethod)) else hook
                bound = function if isinstance(hook, StaticMethod) else Method(function, klass)
                self.call(bound, [], keywords)
                return
        if keywords:
            raise raise_("TypeError")  # object.__init_subclass__() takes no keyword arguments

    @staticmethod
    def metaclass(bases: list[Any]) -> str:
        """§3.3.3.3 "Determining the appropriate metaclass": the most derived of the bases' types,
        a TypeError before the body runs when they conflict; `type` for no bases."""
        winner = "type"
        for index, base in enumerate(bases):
            if isinstance(base, (Instance, ExceptionValue)):
                # its class derives from no metaclass (no class here derives from type): beside a class,
                # whose metaclass is type, neither is the more derived
                if any(isinstance(other, Class) for other in bases):
                    raise raise_("TypeError")  # metaclass conflict
                raise Unspecified("a base that is an instance: its class would be the metaclass")
            kind = "type" if isinstance(base, Class) else type_name(base)
            if index == 0 or (winner, kind) == ("int", "bool"):
                winner = kind
            elif kind != winner and (winner, kind) != ("bool", "int"):
                raise raise_("TypeError")  # metaclass conflict
        return winner

    @staticmethod
    def linearize(klass: Class, bases: list[Class]) -> list[Class]:
        """The C3 method resolution order (data model, "Special attributes": __mro__)."""
        sequences = [list(base.mro) for base in bases] + [list(bases)]
        mro = [klass]
        while any(sequences):
            for sequence in sequences:
                if not sequence:
                    continue
                head = sequence[0]
                if not any(head in other[1:] for other in sequences):
                    break
            else:
                raise raise_("TypeError")  # no consistent order
            mro.append(head)
            for sequence in sequences:
                if sequence and sequence[0] is head:
                    del sequence[0]
        return mro

    def exec_probe(self, frame: Frame, node: ir.Probe) -> None:
        value = self.eval(frame, node.value)
        if value is UNDEFINED:  # (the runner's probe(label, value) reads its parameter `value`: unbound)
            raise raise_("UnboundLocalError", self.messages.unbound_local("value"))
        self.record(node.label, {"value": self.encode(value)})

    def exec_probe_call(self, frame: Frame, node: ir.ProbeCall) -> None:
        self.probe_call(frame, node.label, node.func, node.args)

    def exec_probe_closure(self, frame: Frame, node: ir.ProbeClosure) -> None:
        value = self.eval(frame, node.value)
        if value is UNDEFINED:  # (as probe's: the runner's probe_closure(label, function) reads `function`)
            raise raise_("UnboundLocalError", self.messages.unbound_local("function"))
        if value is JS_UNDEFINED:  # (read under deviations: the runner's look at its __code__ fails on it)
            raise raise_("AttributeError")
        self.record(node.label, self.closure_facts(value))

    def probe_call(self, frame: Frame, label: str, func: ir.Expr, arg_nodes: tuple[ir.Expr, ...]) -> Any:
        """probe_call(label, func, *args): record the result or the exception; give the result or None."""
        function = self.eval(frame, func)
        args = [self.eval(frame, arg) for arg in arg_nodes]
        # (deviation empty-cell-read-gives-undefined) the runner's probe_call(label, function, *args) has
        # starred parameters: Skulpt takes undefined for its `function` as a missing argument; and it calls
        # function(*args), whose iteration of the tuple ends at an undefined item
        if function is UNDEFINED:
            raise raise_("TypeError")
        if any(arg is UNDEFINED for arg in args):
            args = args[: next(index for index, arg in enumerate(args) if arg is UNDEFINED)]
        # its frame on Brython's chain: its variables (values of no interest but `result`'s)
        own: dict[str, Any] = dict.fromkeys(("self", "label", "function", "args", "kwargs"), EMPTY)
        self.chain.append(own)
        try:
            try:
                result = self.call(function, args)
            except Raised as raised:
                own["error"] = EMPTY
                self.record(label, {"raises": self.encode_exception(raised.value)})
                return None  # (before the handler's end: the chain is not made as it was again)
            own["result"] = result
            if self.leaked and self.chain[-1] is not own:  # `result` is read from the chain's last frame
                result = self.current_frame_value("result")
        finally:
            self.chain.pop()
        if result is UNDEFINED:  # (the runner's probe_call keeps the result in its variable `result`: unbound)
            raise raise_("UnboundLocalError", self.messages.unbound_local("result"))
        self.record(label, {"value": self.encode(result)})
        return result

    # -- the body of a generator function: yields what its yield statements yield

    def run_block(self, frame: Frame, body: tuple[ir.Stmt, ...]) -> Iterator[Any]:
        for statement in body:
            if type(statement) in SUSPENDING:
                self.step()
                yield from self.run(frame, statement)
            else:
                self.execute(frame, statement)

    def run(self, frame: Frame, node: Any) -> Iterator[Any]:
        """The statements that can hold a yield, as their exec_ methods but yielding."""
        if isinstance(node, ir.Yield):
            yield from self.run_yield(frame, node)
        elif isinstance(node, ir.Match):
            case = self.select_case(frame, node)
            if case is not None:
                yield from self.run_block(frame, case.body)
        elif isinstance(node, ir.If):
            yield from self.run_block(frame, node.body if self.truth(self.eval(frame, node.test)) else node.orelse)
        elif isinstance(node, (ir.For, ir.While)):
            items = self.for_items(frame, node) if isinstance(node, ir.For) else None
            while True:
                if isinstance(node, ir.For):
                    assert items is not None
                    item = next(items, EMPTY)
                    if item is EMPTY:
                        break
                    self.assign(frame, node.target, item)
                elif not self.truth(self.eval(frame, node.test)):
                    break
                self.step()
                regions = self.regions.setdefault(id(frame), [])
                regions.append(LOOP)
                try:
                    yield from self.run_block(frame, node.body)
                except _Break:
                    return
                except _Continue:
                    continue
                finally:
                    regions.pop()
            yield from self.run_block(frame, node.orelse)
        elif isinstance(node, ir.Try) and not node.finalbody:
            try:
                yield from self.run_block(frame, node.body)
            except Raised as raised:
                handler = self.handler_for(node, raised.value)
                if handler is None:
                    raise
                # (no yield in a handler: see the generator)
                self.handle(frame, handler, raised.value, lambda: self.execute_block(frame, handler.body))
            else:
                yield from self.run_block(frame, node.orelse)
        elif not _has_yield(node):
            self.execute(frame, node)
        else:
            # A generator left suspended inside `finally` or `with` finishes them when it is
            # collected, at a time no rule fixes.
            raise Unspecified("a yield inside try/finally or with")

    def run_yield(self, frame: Frame, node: ir.Yield) -> Generator_[Any, Any, None]:
        """§6.2.9: what `yield` gives is what was sent in; `yield from` gives what the delegate returned."""
        value = self.eval(frame, node.value)
        self.last_yields[id(frame)] = (frame, node)
        if not node.delegate:
            received = yield value
        elif isinstance(value, Generator):
            sent = None
            while True:
                try:
                    item = self.resume(value, sent)
                except Raised as raised:
                    if raised.value.type != "StopIteration":
                        raise
                    received = raised.value.value
                    break
                sent = yield item
        elif self.generator_like(value):
            received = self.await_(value)  # (it yields nothing: `yield from` gives what it returns)
        else:
            for item in self.iterate(value):
                if (yield item) is not None:
                    raise raise_("AttributeError")  # the iterator has no send()
            received = "" if self.deviates("exhausted-iterator-value-is-empty-string") else None
        if node.target is not None:
            self.assign(frame, node.target, received)

    # -- expressions: one method per kind of expression, chosen by EXPRESSIONS

    def eval(self, frame: Frame, node: ir.Expr) -> Any:
        evaluate = EXPRESSIONS.get(type(node))
        if evaluate is None:
            raise TypeError("not an expression: %r" % (node,))
        return evaluate(self, frame, node)

    def eval_const(self, frame: Frame, node: ir.Const) -> Any:
        return node.value

    def eval_name(self, frame: Frame, node: ir.Name) -> Any:
        if self.misread_defaults is not None and frame is self.misread_defaults[0] and _own_name(frame.block, node.id):
            # (deviation generic-def-defaults-read-names-in-the-type-parameter-scope) the type parameters' namespace,
            # or frame, or the globals: as the translator resolved the name there (translation.generic_default_reads)
            scope = self.misread_defaults[1]
            if node.id in scope.block.bound:
                return self.load(scope, node.id)
            if self.default_reads is None:
                self.default_reads = generic_default_reads(self.analysis)
            resolved = self.default_reads[id(node)]
            if resolved == "found":
                return JS_UNDEFINED
            if resolved == "local":
                raise raise_("UnboundLocalError", self.messages.unbound_local(node.id))
            return self.load_global(frame, node.id)
        self.reading = node
        value = self.load(frame, node.id)
        self.reading = None
        return value

    def eval_builtin(self, frame: Frame, node: ir.Builtin) -> Any:
        return BuiltinValue(node.name)

    def eval_binary(self, frame: Frame, node: ir.BinOp) -> Any:
        left = self.eval(frame, node.left)
        return self.binary(node.op, left, self.eval(frame, node.right))

    def eval_compare(self, frame: Frame, node: ir.Compare) -> Any:
        left = self.eval(frame, node.left)
        return self.compare(node.op, left, self.eval(frame, node.right))

    def eval_bool(self, frame: Frame, node: ir.BoolOp) -> Any:
        """§6.11: the first operand that decides, as it is."""
        value: Any = None
        for operand in node.values:
            value = self.eval(frame, operand)
            if self.truth(value) == (node.op == "or"):
                return value
        return value

    def eval_not(self, frame: Frame, node: ir.Not) -> Any:
        return not self.truth(self.eval(frame, node.value))

    def eval_if(self, frame: Frame, node: ir.IfExp) -> Any:
        return self.eval(frame, node.body if self.truth(self.eval(frame, node.test)) else node.orelse)

    def eval_call(self, frame: Frame, node: ir.Call) -> Any:
        if isinstance(node.func, ir.Super):  # `super().name(...)`: see super-method-call-binds-any-object
            function = self.eval_super(frame, node.func, called=True)
        elif isinstance(node.func, ir.Attribute):
            owner = self.eval(frame, node.func.value)
            if owner is JS_UNDEFINED:  # (deviation unbound-read-as-undefined: Brython's method call reads its dict)
                raise raise_("JavascriptError", READING_THE_DICT_OF_UNDEFINED)
            function = self.attribute(owner, node.func.attr)
        else:
            function = self.eval(frame, node.func)
        args = self.elements(frame, node.args, "a call")
        kwargs: dict[str, Any] = {}
        for keyword in node.keywords:
            value = self.eval(frame, keyword.value)
            if keyword.name is not None:
                pairs: list[tuple[Any, Any]] = [(keyword.name, value)]
            elif isinstance(value, DictValue):
                pairs = list(value.items.values())
            else:
                # when a non-mapping is refused differs between versions and implementations
                raise Unspecified("** of something not a dict")
            for key, item in pairs:
                if type(key) is not str or key in kwargs:
                    raise raise_("TypeError")
                kwargs[key] = item
        return self.call(function, args, kwargs)

    def elements(self, frame: Frame, nodes: tuple[ir.Expr, ...], where: str) -> list[Any]:
        """The items of a display or a call's positional arguments, `*iterable` unpacked."""
        items: list[Any] = []
        for index, node in enumerate(nodes):
            if not isinstance(node, ir.Starred):
                items.append(self.eval(frame, node))
                continue
            value = self.eval(frame, node.value)
            if value is JS_UNDEFINED:  # (Brython's undefined: its unpacking refuses it there, in order)
                raise raise_("TypeError", "Value after * must be an iterable, not UndefinedType")
            if isinstance(value, TypeAliasValue):  # (as iterate(): 3.14's TypeAliasType gives Unpack[alias])
                raise Unspecified("whether a type alias can be unpacked changed between versions")
            if not self.iterable(value):
                if where != "a call" and index == len(nodes) - 1:
                    raise raise_("TypeError")  # (§6.2.3: nothing of the display is left to evaluate)
                # (when the TypeError is raised, before or after the rest is evaluated, varies)
                raise Unspecified("* of something not iterable in " + where)
            try:
                items.extend(self.iterate(value))
            except Raised:
                if where in ("a tuple", "a list") and self.deviates(STAR_UNPACKING_STOPS):
                    raise Raised(ExceptionValue("StopIteration", None, "")) from None
                raise
        return items

    def eval_starred(self, frame: Frame, node: ir.Starred) -> Any:
        raise AssertionError("a starred expression outside a display or call")

    def eval_attribute(self, frame: Frame, node: ir.Attribute) -> Any:
        return self.attribute(self.eval(frame, node.value), node.attr)

    def eval_subscript(self, frame: Frame, node: ir.Subscript) -> Any:
        return self.subscript(self.eval(frame, node.value), node.index)

    def eval_tuple(self, frame: Frame, node: ir.TupleExpr) -> Any:
        return tuple(self.elements(frame, node.elts, "a tuple"))

    def eval_list(self, frame: Frame, node: ir.ListExpr) -> Any:
        return ListValue(self.elements(frame, node.elts, "a list"))

    def eval_lambda(self, frame: Frame, node: ir.Lambda) -> Any:
        function = self.make_function(frame, node, node.params, "<lambda>")
        # (deviation locals-lists-the-lambdas-made-in-the-function) noted in the function whose locals() shows it
        owner = frame
        while isinstance(owner.block.node, ir.Comprehension) and owner.block.node.kind != "gen" and owner.outer:
            owner = owner.outer
        if owner.block.kind in ("function", "lambda") and not any(made is node for made in owner.lambdas):
            owner.lambdas.append(node)
        return function

    def eval_probe_call(self, frame: Frame, node: ir.ProbeCallValue) -> Any:
        return self.probe_call(frame, node.label, node.func, node.args)

    def eval_super(self, frame: Frame, node: ir.Super, called: bool = False) -> Any:
        """Zero-argument super() (Library "Built-in Functions": super; Data model 3.3.3.6): the class is
        the implicit __class__ reference, the object the first argument of the function it is called
        in; then the attribute, looked up in the object's MRO after that class, and bound to it."""
        if "super" in frame.globals or (frame.namespace is not None and "super" in frame.namespace):
            raise Unspecified("super rebound")
        if frame.block.kind in ("lambda", "comprehension") and self.deviates("zero-argument-super-only-in-def"):
            raise raise_("TypeError")  # super itself called without arguments
        if self.deviates("class-cell-is-the-global-named-like-the-class"):
            return self.super_of_the_class_global(frame, node)
        cell = frame.cells.get(CLASS_CELL) if CLASS_CELL in frame.block.freevars else None
        if (
            cell is not None
            and cell.value is EMPTY
            and self.takes_positional_arguments(frame)
            and self.deviates("super-attribute-reads-an-empty-class-cell-as-a-free-variable")
        ):
            raise raise_("NameError", self.messages.empty_free(CLASS_CELL))
        obj = self.first_argument(frame)
        if cell is None:
            raise raise_("RuntimeError", "super(): __class__ cell not found")
        this = cell.value
        if this is EMPTY:
            raise raise_("RuntimeError", "super(): empty __class__ cell")
        if not isinstance(this, Class):
            raise Unspecified("__class__ is not a class")
        function = frame.block.container()
        if (
            function.parent is not None
            and function.parent.kind != "class"
            and self.deviates("super-in-a-nested-function-fails")
        ):
            raise raise_("TypeError")  # super(type, obj): obj ... is not an instance or subtype of type
        unchecked = called and not (isinstance(obj, Instance) and this in obj.cls.mro)
        if unchecked and self.deviates("super-method-call-binds-any-object"):
            return self.super_method_of_any_object(this, obj, node.attr)
        if isinstance(obj, Instance) and this in obj.cls.mro:
            mro, instance, owner = obj.cls.mro, obj, obj.cls
        elif isinstance(obj, Class) and this in obj.mro:
            mro, instance, owner = obj.mro, None, obj
        else:
            raise raise_("TypeError")  # super(type, obj): obj must be an instance or subtype of type
        for klass in mro[mro.index(this) + 1 :]:
            if node.attr in klass.namespace:
                return self.bind(klass.namespace[node.attr], instance, owner)
        raise raise_("AttributeError")

    def super_of_the_class_global(self, frame: Frame, node: ir.Super) -> Any:
        """Deviation class-cell-is-the-global-named-like-the-class: Skulpt compiles `super()` as
        `super($gbl.__class__, self)`, `self` being the JavaScript variable of that name in the code running,
        checked first (RuntimeError when there is none); then super's own checks and lookup."""
        obj = self.skulpt_self(frame)
        # `self.toString()`, tested for a browser's Window, is the object's str(): a class's, or an instance's
        # whose classes define neither __str__ nor __repr__, names the class only
        klass = obj.cls if isinstance(obj, Instance) else obj
        if not isinstance(klass, Class) or "Window" in klass.name or "Window" in self.names.values():
            raise Unspecified("what self.toString() gives (the check for a browser's Window object)")
        if isinstance(obj, Instance) and any("__str__" in c.namespace or "__repr__" in c.namespace for c in klass.mro):
            raise Unspecified("what self.toString() gives (the check for a browser's Window object)")
        this = frame.globals.get(CLASS_CELL, EMPTY)
        if this is EMPTY:  # (JavaScript's undefined: the module has no global named like the class)
            raise raise_("TypeError", "must be type, not <invalid type>")
        if not isinstance(this, Class):
            raise raise_("TypeError")  # must be type, not ...
        if this not in klass.mro:
            raise raise_("TypeError")  # super(type, obj): obj must be an instance or subtype of type
        mro = klass.mro
        for found in mro[mro.index(this) + 1 :]:
            if node.attr in found.namespace:
                return self.bind(found.namespace[node.attr], obj if isinstance(obj, Instance) else None, klass)
        raise raise_("AttributeError")

    def skulpt_self(self, frame: Frame) -> Any:
        """Deviation class-cell-is-the-global-named-like-the-class: the value of the JavaScript variable `self`
        where super() runs: a list, set or dict comprehension is compiled inside the function it is in, a
        generator expression, a generator function, a module or a class body has no such variable; a function has
        it when one of its parameters is named self (holding the argument: Skulpt stores a captured or rebound self
        elsewhere)."""
        while frame.block.kind == "comprehension":
            comprehension = frame.block.node
            assert isinstance(comprehension, ir.Comprehension)
            if comprehension.kind == "gen" or frame.outer is None:
                raise raise_("RuntimeError", "super(): no arguments")
            frame = frame.outer
        node = frame.block.node
        if frame.block.generator:  # (a generator function keeps its variables, parameters too, in `$loc`)
            raise raise_("RuntimeError", "super(): no arguments")
        if not isinstance(node, (ir.FunctionDef, ir.Lambda)) or "self" not in node.params.names():
            if "self" in frame.block.bound and frame.block.kind in ("function", "lambda"):
                raise Unspecified("super() in a function with a local variable self that is not a parameter")
            raise raise_("RuntimeError", "super(): no arguments")
        stored = _stored(node.body) if isinstance(node, ir.FunctionDef) else _walrus_targets(node.body)
        rebound = "self" in stored or any("self" in inner.nonlocals for inner in frame.block.walk())
        if rebound or frame.block.scope.get("self") not in (LOCAL, CELL):
            raise Unspecified("super() where self is rebound")
        try:
            return self.load(frame, "self")
        except Raised:
            raise Unspecified("super() with self deleted") from None

    def enter_method(self, frame: Frame) -> None:
        """Deviation class-cell-is-the-global-named-like-the-class: each time a function defined by a def
        that is a statement of a class body itself (not in an if, a loop, a try or a with in it) starts or
        resumes, Skulpt runs `$gbl.__class__ = $gbl.<class name>`: the module's global __class__ becomes the
        module's global named like the class (unbound when the module has none)."""
        block = frame.block
        parent = block.parent
        if parent is None or parent.kind != "class" or not isinstance(block.node, ir.FunctionDef):
            return
        owner = parent.node
        assert isinstance(owner, ir.ClassDef)
        if not any(statement is block.node for statement in owner.body):
            return
        if not self.deviates("class-cell-is-the-global-named-like-the-class"):
            return
        if block.node.is_async or owner.name.startswith("__") or id(owner) in self.names:
            raise Unspecified("a method of Skulpt's setting __class__: async, or of a class with a private name")
        if owner.name in frame.globals:
            frame.globals[CLASS_CELL] = frame.globals[owner.name]
        else:
            frame.globals.pop(CLASS_CELL, None)

    def enter_brython_method(self, function: Function, frame: Frame) -> None:
        """Deviation dunder-class-is-the-class-name-read-when-the-method-is-called: each call of a function defined
        (by def or lambda) directly in a class body sets its own __class__ (which super() uses too) from
        `$B.get_method_class`: the class that last held the function in its namespace when it was made, or else
        what the class's name is bound to, then, among the own variables of the block the class statement runs
        in (the module's globals, a class's namespace, a function's locals), or else a new class of that name."""
        block = function.block
        if block.parent is None or block.parent.kind != "class" or CLASS_CELL not in block.freevars:
            return
        cell = function.closure.get(CLASS_CELL)
        if cell is None or (function.method_class is not None and function.method_class is cell.value):
            return
        if not self.deviates("dunder-class-is-the-class-name-read-when-the-method-is-called"):
            return
        if function.method_class is not None:
            frame.cells[CLASS_CELL] = Cell(function.method_class)
            return
        if block.generator or (isinstance(function.node, ir.FunctionDef) and function.node.is_async):
            raise Unspecified("the class a generator or coroutine method of Brython's finds when it first runs")
        if not isinstance(cell, ClassCell) or cell.home is None:
            raise Unspecified("where the class statement of a method's class ran")
        frame.cells[CLASS_CELL] = Cell(self.class_named_around(cell.home, cell.name))

    def class_named_around(self, home: Frame, name: str) -> Any:
        """What `$B.get_method_class` finds for a class statement run in `home`: the entry of the class's name in
        that block's own locals object, or else a new class of that name (see enter_brython_method)."""
        block = home.block
        if name.startswith("__") or home.namespace_values or home.target_reads or home.target_cells:
            raise Unspecified("Brython's locals object of a block with private or comprehension names")
        found: Any = EMPTY
        if block.kind == "module":
            found = home.globals.get(name, EMPTY)
        elif block.kind == "class":
            assert home.namespace is not None
            found = home.namespace.get(name, EMPTY)
        elif block.scope.get(name) is LOCAL:
            found = home.fast.get(name, EMPTY)
        elif block.scope.get(name) is CELL:
            found = home.cells[name].value
        if found is EMPTY:
            made = Class(name, {})
            made.mro = [made]
            return made
        return found

    def super_method_of_any_object(self, this: Class, obj: Any, attr: str) -> Any:
        """Deviation super-method-call-binds-any-object: `super().attr(...)` looks attr up after `this` in its own
        bases, with no test of the object, and a function found is called with the object as its first argument
        (a class too: it is not left unbound)."""
        mro = this.mro
        if any(klass.mro != mro[index:] for index, klass in enumerate(mro)):
            raise Unspecified("the order an implementation searches multiple bases in")
        for klass in mro[1:]:
            if attr in klass.namespace:
                found = klass.namespace[attr]
                if isinstance(found, Function):
                    return Method(found, obj)
                if isinstance(found, StaticMethod):
                    return found.function
                raise Unspecified("what a super() call binds other than functions to an object of another class")
        raise raise_("AttributeError")

    def code_frame(self, frame: Frame) -> Frame:
        """The frame of the code object that runs `frame`'s code: an inlined comprehension (PEP 709, 3.12)
        runs in the frame that contains it."""
        block = frame.block
        if block.kind == "comprehension":
            assert isinstance(block.node, ir.Comprehension) and frame.outer is not None
            if block.node.kind != "gen" and self.rules.has("inlined-comprehensions"):
                return self.code_frame(frame.outer)
        return frame

    def takes_positional_arguments(self, frame: Frame) -> bool:
        """Whether the code object running in the frame has a positional parameter (a comprehension's is
        the iterator of its first `for`)."""
        node = self.code_frame(frame).block.node
        if isinstance(node, ir.Comprehension):
            return True
        return isinstance(node, (ir.FunctionDef, ir.Lambda)) and bool(node.params.positional_params())

    def first_argument(self, frame: Frame) -> Any:
        """The object zero-argument super() uses: the first positional argument of the function whose
        code runs in the frame (code_frame)."""
        frame = self.code_frame(frame)
        block = frame.block
        if block.kind == "comprehension":
            return IteratorValue()  # its first argument is the iterator of its first `for`
        node = block.node
        positional = node.params.positional_params() if isinstance(node, (ir.FunctionDef, ir.Lambda)) else ()
        first = positional[0].name if positional else None
        if (
            first is None
            and isinstance(node, ir.FunctionDef)
            and self.deviates("zero-argument-super-object-found-when-compiled")
        ):
            params = node.params  # the first parameter in the order of the def's text, of any kind
            first = params.vararg or next((param.name for param in params.kwonly), params.kwarg)
        if first is None:
            raise raise_("RuntimeError", "super(): no arguments")
        try:
            return self.load(frame, first)
        except Raised:
            raise Unspecified("super() with its first argument deleted") from None

    def eval_local_names(self, frame: Frame, node: ir.LocalNames) -> Any:
        """Library locals(): in a function block, its local variables and the free variables it uses
        that are bound now; an inlined comprehension (PEP 709, 3.12) adds its function's."""
        if frame.hidden_local:
            raise Unspecified("locals() of a function whose type statement bound a name declared global")
        self.comprehension_locals_crash(frame)
        if self.deviates("locals-not-implemented"):
            raise Raised(ExceptionValue("NotImplementedError", "locals is not yet implemented"))
        if self.leaked and self.chain[-1] is not own_frame(frame):
            return self.current_frame_names()
        if self.dynamic_locals_are_the_namespace_in_use(frame):
            namespace = self.namespace_in_use(frame)
            # (a class body's namespace holds from its start what the class statement's code puts there)
            extra = RUNNER_NAMES if namespace is frame.globals else ("__module__", "__qualname__")
            return ListValue(sorted({*namespace, *extra}))
        return ListValue(sorted(self.local_values(frame)))

    def current_frame_names(self) -> ListValue:
        """(Deviations coroutine-send-returns-a-promise, class-body-frame-stays-current-after-exception)
        Brython's locals() lists the namespace of the last frame on its chain, whichever function it is."""
        entry = self.chain[-1]
        if isinstance(entry, dict):  # the runner's probe_call: the names it has bound
            return ListValue(sorted(entry))
        if entry.block.kind in ("function", "lambda"):
            return ListValue(sorted(self.local_values(entry)))
        raise Unspecified("locals() while a frame of another kind is Brython's current one")

    def comprehension_locals_crash(self, frame: Frame) -> None:
        """Deviation comprehension-locals-of-a-cell-variable-crash: locals() in an inlined comprehension in a
        function, while an iteration variable of it (or of a comprehension it is inlined in) that is a plain
        local of the comprehension holds a value and is a cell variable of the function's code: one of the
        function's own (captured by a scope nested in it), or one an inlined comprehension of the function
        makes a cell (comprehension_cells). Its slot then holds the value where the frame's locals proxy
        expects a cell."""
        if not inlined(frame.block):
            return
        outer = function_frame_of(frame)
        if outer.block.kind not in ("function", "lambda"):
            return
        cells = code_cells(outer.block)
        for block in outer.block.children:
            if inlined(block):
                cells |= comprehension_cells(block)
        comprehension = frame
        while comprehension is not outer:
            for name in sorted(comprehension.block.iteration_vars & cells):
                if name not in comprehension.fast:
                    continue
                if isinstance(comprehension.fast[name], Cell):
                    raise Unspecified("locals() over a comprehension variable holding a cell object")
                if self.deviates("comprehension-locals-of-a-cell-variable-crash"):
                    raise Crashes("SIGSEGV", "locals() while comprehension variable %r, a cell of the function, "
                                  "holds a value" % name)  # fmt: skip
            assert comprehension.outer is not None
            comprehension = comprehension.outer

    def dynamic_locals_are_the_namespace_in_use(self, frame: Frame) -> bool:
        """Deviation locals-are-the-namespace-in-use, where it applies: in a function-like block."""
        block = frame.block
        return block.function_like and block.kind != "annotation" and self.deviates("locals-are-the-namespace-in-use")

    def namespace_in_use(self, frame: Frame) -> dict[str, Any]:
        """The namespace module-level code binds its names in now: the globals, or the namespace of the
        class body running (or of the one left by an exception, class-namespace-kept-after-exception)."""
        if self.displaced is not None:
            return self.displaced
        return self.class_bodies[-1] if self.class_bodies else frame.globals

    def local_values(self, frame: Frame) -> dict[str, Any]:
        """What locals() holds in a function-like block, name -> value (see eval_local_names)."""
        block = frame.block
        if not block.function_like or block.kind == "annotation":
            raise Unspecified("locals() outside a function: the module's or class's namespace")
        values: dict[str, Any] = {}
        node = block.node
        if isinstance(node, ir.Comprehension) and node.kind != "gen" and self.rules.has("inlined-comprehensions"):
            assert frame.outer is not None
            values.update(self.local_values(frame.outer))  # (its own names hide the function's)
        values.update(
            (name, frame.fast[name]) for name, kind in block.scope.items() if kind is LOCAL and name in frame.fast
        )
        # the cells: its own, and every free variable, also one it only passes on to a nested scope
        values.update((name, cell.value) for name, cell in frame.cells.items() if cell.value is not EMPTY)
        values.update(frame.namespace_values)  # (deviation comprehension-runs-inline-restoring-targets-bound-before)
        if isinstance(node, ir.Comprehension) and inlined(block):
            for name in sorted(block.iteration_vars - block.cellvars):
                self.free_variable_in_comprehension_locals(frame, name, values)
        free = [name for name in values if block.scope.get(name) is FREE or name in block.freevars]
        free = [name for name in free if name not in frame.namespace_values]  # (bound there by a comprehension)
        if block.kind in ("function", "lambda") and free and self.deviates("locals-omits-free-variables"):
            for name in free:  # (the function's namespace object holds only what the function binds)
                del values[name]
        if frame.lambdas and self.deviates("locals-lists-the-lambdas-made-in-the-function"):
            # Brython's lambda_<random part of the session>_<a number>: the names sort together, after 'lambda_'
            for index, made in enumerate(frame.lambdas):
                values[InternalName("lambda_%d" % index, "lambda_[0-9a-z]+_[0-9]+")] = made
        return values

    def free_variable_in_comprehension_locals(self, frame: Frame, name: str, values: dict[str, Any]) -> None:
        """Under deviation comprehension-locals-show-free-variable-of-function: locals() in an inlined
        comprehension (its frame the function's) gives for its own variable `name` the function's free
        variable of that name, filled in after the comprehension's local (left out when unbound)."""
        outer = function_frame_of(frame)
        if not free_in_symbol_table(outer.block, name):
            return
        if not self.deviates("comprehension-locals-show-free-variable-of-function"):
            return
        value = outer.cells[name].value
        if value is EMPTY:
            values.pop(name, None)
        else:
            values[name] = value

    def eval_eval_name(self, frame: Frame, node: ir.EvalName) -> Any:
        """Library eval() with no namespaces: the caller's globals, and as locals its locals() (a function
        block's), its class namespace or, at module level, the globals; the code looks a name up in the
        locals, then the globals, then the builtins (§4.2.2 for code run by eval: like module code)."""
        if frame.hidden_local:
            raise Unspecified("eval() in a function whose type statement bound a name declared global")
        self.comprehension_locals_crash(frame)  # (eval() takes the caller's locals() first)
        name = node.name
        kind = frame.block.kind
        if kind == "class":
            assert frame.namespace is not None
            namespace = frame.namespace
        elif self.dynamic_locals_are_the_namespace_in_use(frame):
            namespace = self.namespace_in_use(frame)
        else:
            namespace = frame.globals if kind == "module" else self.local_values(frame)
        if name in namespace:
            return namespace[name]
        if name in frame.globals:
            return frame.globals[name]
        if name in BUILTIN_FUNCTIONS:
            return BuiltinValue(name)
        raise raise_("NameError", self.messages.undefined(name))

    def eval_await(self, frame: Frame, node: ir.Await) -> Any:
        if self.promises:  # (deviation coroutine-send-returns-a-promise: a JavaScript await)
            value = self.eval(frame, node.value)
            if not isinstance(value, Coroutine):
                raise raise_("TypeError")
            self.run_as_promise(value)  # (awaiting a coroutine sends it None: its body runs, as a Promise)
            raise _Suspended()  # the rest of the body runs only once the program has ended: never observed
        value = self.eval(frame, node.value)
        if not isinstance(value, Coroutine):
            if self.iterable(value) and self.deviates("coroutine-is-a-generator"):
                return self.await_iterable(value)
            raise raise_("TypeError")  # (no other awaitables here)
        return self.await_(value)

    def await_iterable(self, value: Any) -> None:
        """Deviation coroutine-is-a-generator: `await x` of an iterable that is no coroutine is `yield from x`.
        Empty, it gives None at once; otherwise its first item goes to whoever sent to the outermost coroutine."""
        if isinstance(value, Generator):
            raise Unspecified("a generator delegated to by an await")
        items = self.iterate(value)
        for first in items:
            raise _AwaitSuspends(first, items)

    def eval_named(self, frame: Frame, node: ir.NamedExpr) -> Any:
        outer = frame.binding
        frame.binding = node.target  # (deviation unbound-read-as-undefined: read by its own value)
        try:
            value = self.eval(frame, node.value)
        finally:
            frame.binding = outer
        self.store(frame, node.target, value)
        return value

    def make_function(self, frame: Frame, node: ir.FunctionDef | ir.Lambda, params: ir.Params, name: str) -> Function:
        generic = isinstance(node, ir.FunctionDef) and bool(node.type_params)
        if generic:
            self.typing_imported = True  # (Brython: the code of a generic def imports _typing first)
        # §4.2.4 (PEP 695): the defaults (and decorators) are evaluated outside; the function closes over its type
        # parameters, whose scope is made first here (making it observes nothing)
        encloses = self.type_parameters(frame, node) if isinstance(node, ir.FunctionDef) and generic else frame
        misread = (
            generic
            and _reads_own_names(frame.block, params)
            and self.deviates("generic-def-defaults-read-names-in-the-type-parameter-scope")
        )
        outer, self.misread_defaults = self.misread_defaults, (frame, encloses) if misread else None
        try:
            defaults = [self.eval(frame, p.default) for p in params.positional_params() if p.default is not None]
            kwdefaults = {p.name: self.eval(frame, p.default) for p in params.kwonly if p.default is not None}
        finally:
            self.misread_defaults = outer
        block = self.analysis.block_of(node)
        if (
            frame.plain_starred
            and _has_starred_target(node)
            and self.deviates("starred-target-plain-in-a-later-copy-of-finally")
        ):
            raise Unspecified("a function made in a later copy of a finally clause: how its starred targets unpack")
        function = Function(name, node, block, self.closure_for(encloses, block), defaults, kwdefaults, frame.globals)
        function.made_in = _skulpt_frame(frame)
        maker = self.copying_maker(frame, block)
        if maker is not None:
            if isinstance(node, ir.FunctionDef) and node.is_async:
                raise Unspecified("a coroutine function made where Skulpt copies variables (it has no coroutines)")
            function.closure = self.skulpt_closure(maker, function.closure)
            if block.generator:
                function.copies_on_call = True  # (Skulpt makes a generator's closure when the generator is made)
            else:
                self.copy_free_over_cells(maker)
        known = self.global_bindings if frame.resolved is None else frame.resolved
        bound = {free for free, cell in function.closure.items() if cell.value is not EMPTY}
        function.resolved = frozenset(known).union(bound)
        self.note_global_bindings(block)
        if isinstance(node, ir.FunctionDef) and node.annotations:
            function.annotations = self.function_annotations(encloses, node)
        return function

    def type_parameters(self, frame: Frame, node: ir.FunctionDef | ir.ClassDef) -> Frame:
        """§4.2.4 (PEP 695): the annotation scope of a generic function's or class's type parameters,
        each bound to a new type variable; within a class body it sees that class's names."""
        scope = self.analysis.annotation_scope_of(node)
        classdict = frame.namespace if class_seen_by(scope) is not None else None
        encloses = self.annotation_frame(scope, frame.globals, self.closure_for(frame, scope), classdict)
        for type_param in node.type_params:
            self.store(encloses, type_param, TypeVarValue(type_param))
        return encloses

    # -- deviation nested-function-creation-copies-enclosing-variables (Skulpt's closures) -------------------
    #
    # Skulpt keeps a frame's variables that nested functions read in one object, `$cell` (name -> value), and
    # makes a function with free variables (Skulpt's `hasFree`, see skulpt_has_free) by
    # `new Sk.builtin.func(code, $gbl, $cell, $free)`, its closure being the `$cell` object itself; but when the
    # frame's own function has `hasFree` too, it passes the frame's `$free` (its own closure, the `$cell` of the
    # frame it was made in) as well, and the constructor copies every entry of it over `$cell`
    # (function.js: `closure[k] = closure2[k]`): the frame's own variables of those names take the values they
    # have in the enclosing frame, and the functions made there read their free variables that are not the
    # frame's own from these copies, which the next such copy refreshes. A generator function copies when it
    # is called (the generator is made then); a class body's `$cell` is the one of the frame its class statement
    # runs in, and its `$free` the module's globals.

    def copying_maker(self, frame: Frame, block: Block) -> Frame | None:
        """The frame whose variables making a function of `block` in `frame` copies (the deviation's rule reached
        and taken), or None. Skulpt compiles a list, set or dict comprehension in the block around it: a function
        made in one is made in that block, which the model follows unless the function reads a variable of the
        comprehension's own (then the comprehension's variables would be the block's: another deviation)."""
        if not self.skulpt_has_free(block):
            return None
        maker = frame
        while maker.block.kind == "comprehension" and not _is_genexpr(maker.block):
            if block.freevars & maker.block.cellvars and self.deviates(
                "nested-function-creation-copies-enclosing-variables"
            ):
                raise Unspecified(
                    "a function reading a variable of a comprehension Skulpt compiles in the block around"
                )
            assert maker.outer is not None
            maker = maker.outer
        if self.skulpt_has_free(maker.block) and self.deviates("nested-function-creation-copies-enclosing-variables"):
            return maker
        return None

    def skulpt_has_free(self, block: Block) -> bool:
        """Skulpt's `hasFree` of a block (symtable.js): it has a free variable (its own, or one passing through it
        to a block nested in it), or it is directly in a function (or lambda, or generator expression) and reads
        a global name (a builtin and the runner's probes included) that no enclosing block declares global.
        Skulpt compiles list, set and dict comprehensions as part of the block they are in."""
        known = self.has_free.get(id(block))
        if known is None:
            known = self.has_free[id(block)] = _skulpt_has_free(block)
        return known

    def skulpt_cells(self, frame: Frame) -> dict[str, Cell]:
        """Skulpt's `$cell` object of a frame: the cells of its own variables that nested scopes read, by name,
        and the entries the copies have put beside them; a class body's is the one of the frame its class
        statement runs in."""
        if frame.skulpt_cells is None:
            if frame.block.kind == "class":
                if frame.made_in is None:
                    raise Unspecified("Skulpt's $cell of a class body whose making the model did not follow")
                frame.skulpt_cells = self.skulpt_cells(frame.made_in)
            elif frame.block.kind == "comprehension" and not _is_genexpr(frame.block):
                raise Unspecified("a comprehension's cells, which Skulpt keeps in the block around it")
            else:
                frame.skulpt_cells = {name: frame.cells[name] for name in frame.block.cellvars if name != CLASS_CELL}
        return frame.skulpt_cells

    def skulpt_closure(self, frame: Frame, closure: dict[str, Cell]) -> dict[str, Cell]:
        """The closure of a function made in `frame`: each free variable is the entry of that name in the
        frame's `$cell` (an entry the copies fill later, when it has none yet); the implicit __class__
        cell (Skulpt has none, it finds the class another way) stays the model's."""
        cells = self.skulpt_cells(frame)
        return {name: cell if name == CLASS_CELL else cells.setdefault(name, Cell()) for name, cell in closure.items()}

    def copy_free_over_cells(self, frame: Frame) -> None:
        """Every bound entry of the frame's `$free` copied over its `$cell` (for a class body: every global)."""
        cells = self.skulpt_cells(frame)
        if frame.block.kind == "class":
            source = dict(frame.globals)
        else:
            if frame.made_in is None:  # (a function made another way: types.FunctionType, a code object run)
                raise Unspecified("Skulpt's $free of a function whose making the model did not follow")
            source = {name: cell.value for name, cell in self.skulpt_cells(frame.made_in).items()}
        for name, value in source.items():
            if value is not EMPTY:
                cells.setdefault(name, Cell()).value = value

    def comprehension(self, frame: Frame, node: ir.Comprehension) -> Any:
        """§6.2.4: the first iterable in the enclosing scope, at once; the rest in the comprehension's."""
        active = frame.inline_active, frame.inline_first_targets, frame.in_inline_comprehension  # (deviation
        try:  # comprehension-runs-inline-restoring-targets-bound-before)
            return self.run_comprehension(frame, node)
        finally:
            frame.inline_active, frame.inline_first_targets, frame.in_inline_comprehension = active

    def run_comprehension(self, frame: Frame, node: ir.Comprehension) -> Any:
        block = self.analysis.blocks.get(id(node))
        # (deviation nested-function-creation-copies-enclosing-variables: Skulpt makes a generator expression's
        # generator, copying, before it evaluates the first iterable)
        maker = self.copying_maker(frame, block) if node.kind == "gen" and block is not None else None
        if maker is not None:
            self.copy_free_over_cells(maker)
        first = self.iterate(self.eval(frame, node.clauses[0].iter))
        restored: dict[str, Any] = {}
        if block is None:  # (deviation comprehension-runs-in-the-enclosing-block: no block of its own)
            inner = frame
            restored = self.targets_to_restore(frame, node)
            if frame.block.namespace_targets:  # (its targets that the block binds nowhere else: in its namespace)
                targets = {name for clause in node.clauses for name in ir.target_names(clause.target)}
                frame.inline_active |= frame.block.namespace_targets & targets
                first_target = node.clauses[0].target
                if isinstance(first_target, ir.Name) and first_target.id in frame.block.namespace_targets:
                    frame.inline_first_targets |= {first_target.id}
                frame.in_inline_comprehension = True
        else:
            closure = self.closure_for(frame, block)
            inner = self.new_frame(
                block, frame.globals, closure if maker is None else self.skulpt_closure(maker, closure)
            )
            inner.outer = frame
            inner.made_in = _skulpt_frame(frame)
            inner.plain_starred = frame.plain_starred  # (a deviation: compiled in the same copy)
            for name in sorted(comprehension_cells(block)) if inlined(block) else ():
                self.replace_free_cell(frame, inner, name)
            inner.resolved = frame.resolved
        as_global = self.comprehension_targets_of_global_names(node, block, frame)
        as_nonlocal = self.comprehension_targets_of_nonlocal_names(node, block, frame)
        restored_declared = restored_comprehension_target(node) if as_global or as_nonlocal else None
        if (as_global or as_nonlocal) and block is not None:
            self.read_targets_of_declared_names(frame, inner, node, as_global, as_nonlocal)

        def clauses(index: int, iterator: Iterator[Any]) -> Iterator[None]:
            clause = node.clauses[index]
            for item in iterator:
                self.assign_comprehension_target(frame, inner, clause.target, item, as_global, as_nonlocal)
                if not all(self.truth(self.eval(inner, test)) for test in clause.ifs):
                    continue
                if index + 1 == len(node.clauses):
                    yield None
                else:
                    yield from clauses(index + 1, self.iterate(self.eval(inner, node.clauses[index + 1].iter)))

        def items() -> Generator_[Any, Any, None]:
            for _ in clauses(0, first):
                if node.kind == "dict":
                    assert node.key is not None
                    key = self.eval(inner, node.key)
                    yield (key, self.eval(inner, node.elt))
                else:
                    yield self.eval(inner, node.elt)

        if node.kind == "gen":
            return Generator("<genexpr>", items(), frame=inner)
        # (given back when the comprehension ends: only the target the translator saves, see
        # restored_comprehension_target)
        # (a global not bound is saved as JavaScript's undefined, and given back as it: then bound, to undefined)
        saved = {name: frame.globals.get(name, JS_UNDEFINED) for name in as_global if name == restored_declared}
        saved_cell = {name: frame.cells[name].value for name in as_nonlocal if name == restored_declared}
        if node.kind == "list":
            result_list = ListValue(list(items()))
            frame.globals.update(saved)
            self.restore_cells(frame, saved_cell)
            self.restore_targets(frame, restored)
            return result_list
        if node.kind == "set":
            result = SetValue({})
            for item in items():
                result.items.setdefault(self.hash_key(item), item)
            frame.globals.update(saved)
            self.restore_cells(frame, saved_cell)
            self.restore_targets(frame, restored)
            return result
        mapping = DictValue({})
        for key, value in items():
            self.put(mapping, key, value)
        frame.globals.update(saved)
        self.restore_cells(frame, saved_cell)
        self.restore_targets(frame, restored)
        return mapping

    def targets_to_restore(self, frame: Frame, node: ir.Comprehension) -> dict[str, Any]:
        """Deviation comprehension-runs-inline-restoring-targets-bound-before: the targets of a comprehension run
        in the block around it that the block had bound before it in the order of the text (whether bound now
        or not: EMPTY), with their values as it starts, to be put back when it ends without an exception."""
        if not self.deviates("comprehension-runs-inline-restoring-targets-bound-before"):
            return {}
        if self.saved_targets is None:
            self.saved_targets = saved_comprehension_targets(self.analysis)
        values: dict[str, Any] = {}
        for name in sorted(self.saved_targets.get(id(node), frozenset())):
            kind = frame.block.scope.get(name)
            if name in frame.block.namespace_targets:
                values[name] = self.namespace_target(frame, name)
            elif kind is LOCAL and name not in frame.cells:
                values[name] = frame.fast.get(name, EMPTY)
            elif kind in (LOCAL, CELL):
                values[name] = frame.cells[name].value
            elif kind is CLASS_LOCAL and frame.namespace is not None:
                values[name] = frame.namespace.get(name, EMPTY)
            elif kind is MODULE:
                values[name] = frame.globals.get(name, EMPTY)
            else:  # (a name declared global or nonlocal: Brython binds those elsewhere, not followed)
                raise Unspecified("a comprehension run inline whose target the block declares global or nonlocal")
        return values

    def restore_targets(self, frame: Frame, values: dict[str, Any]) -> None:
        """(Deviation comprehension-runs-inline-restoring-targets-bound-before) puts the saved targets back: an
        unbound one (JavaScript's undefined saved) is unbound again; in the module's namespace, and in a
        function's namespace for a name only comprehensions bind, the name is then there, holding undefined
        (which locals() lists, and a lookup of the name at run time finds)."""
        for name, value in values.items():
            if value is EMPTY and frame.block.kind == "module" and frame.namespace is None:
                frame.globals[name] = JS_UNDEFINED
            elif name in frame.block.namespace_targets:
                if value is EMPTY and frame.namespace is not None:
                    frame.namespace.pop(name, None)  # (a class body's)
                elif value is EMPTY:
                    frame.namespace_values[name] = JS_UNDEFINED
                else:
                    self.bind_namespace_target(frame, name, value)
            elif value is EMPTY:
                self.unbind(frame, CELL if name in frame.cells else frame.block.scope[name], name)
            else:
                self.store(frame, name, value)

    def comprehension_targets_of_global_names(
        self, node: ir.Comprehension, block: Block | None, frame: Frame
    ) -> frozenset[str]:
        """Deviation comprehension-variable-of-a-global-name-binds-the-global: the names of a list, set or dict
        comprehension's targets that the function or class body around it declares global (`block` None: the
        comprehension runs in `frame`'s block, under comprehension-runs-inline-restoring-targets-bound-before)."""
        if node.kind == "gen":
            return frozenset()
        declared = declaring_block(block if block is not None else frame.block).globals
        targets = {name for clause in node.clauses for name in _target_names(clause.target)}
        if not targets & declared:
            return frozenset()
        if not self.deviates("comprehension-variable-of-a-global-name-binds-the-global"):
            return frozenset()
        names = frozenset(targets & declared)
        if block is None and _reads_any(_comprehension_reads(node), names):
            raise Unspecified("a comprehension run inline reading its target named global around it")
        for name in names:
            if block is not None and block.scope.get(name) not in (LOCAL, CELL):
                raise Unspecified("a comprehension variable named global around it, free in the comprehension")
        return names

    def assign_comprehension_target(self, frame: Frame, inner: Frame, target: ir.Expr, item: Any,
                                    as_global: frozenset[str], as_nonlocal: frozenset[str]) -> None:  # fmt: skip
        """A comprehension's target bound to an item: in the comprehension's frame, but for the names declared
        global or nonlocal around it under the deviations that bind those there (comprehension_targets_of_global_
        names, comprehension_targets_of_nonlocal_names); the comprehension's own variable then stays unbound
        (see read_targets_of_declared_names)."""
        declared = as_global | as_nonlocal
        if isinstance(target, ir.Name) and target.id in as_global:
            frame.globals[target.id] = item
        elif isinstance(target, ir.Name) and target.id in as_nonlocal:
            frame.cells[target.id].value = item
        elif isinstance(target, (ir.TupleExpr, ir.ListExpr)) and declared & set(_target_names(target)):
            for element, part in zip(target.elts, self.unpack(target.elts, item), strict=False):
                self.assign_comprehension_target(frame, inner, element, part, as_global, as_nonlocal)
        elif isinstance(target, ir.Starred) and declared & set(_target_names(target.value)):
            self.assign_comprehension_target(frame, inner, target.value, item, as_global, as_nonlocal)
        else:
            self.assign(inner, target, item)

    def comprehension_targets_of_nonlocal_names(
        self, node: ir.Comprehension, block: Block | None, frame: Frame
    ) -> frozenset[str]:
        """Deviation comprehension-variable-of-a-nonlocal-name-binds-the-enclosing-variable: the names of a list,
        set or dict comprehension's targets that the function or class body around it declares nonlocal (`block`
        None: the comprehension runs in `frame`'s block, under comprehension-runs-in-the-enclosing-block or
        comprehension-runs-inline-restoring-targets-bound-before)."""
        if node.kind == "gen":
            return frozenset()
        declared = declaring_block(block if block is not None else frame.block).nonlocals
        targets = {name for clause in node.clauses for name in _target_names(clause.target)}
        if not targets & declared:
            return frozenset()
        if not self.deviates("comprehension-variable-of-a-nonlocal-name-binds-the-enclosing-variable"):
            return frozenset()
        if frame.block is not declaring_block(block if block is not None else frame.block):
            raise Unspecified("a comprehension in another comprehension binding a name declared nonlocal around")
        names = frozenset(targets & declared)
        if block is None and _reads_any(_comprehension_reads(node), names):
            raise Unspecified("a comprehension run inline reading its target named nonlocal around it")
        for name in names:
            if self.nonlocal_of_the_class(frame, name) is not None:
                raise Unspecified("a comprehension variable a method declares nonlocal, a variable of its class")
            if block is not None and block.scope.get(name) not in (LOCAL, CELL):
                raise Unspecified("a comprehension variable named nonlocal around it, free in the comprehension")
            if frame.cells[name].value is EMPTY and name == restored_comprehension_target(node):
                raise Unspecified("a comprehension variable named nonlocal around it, the variable unbound")
        return names

    @staticmethod
    def read_targets_of_declared_names(
        frame: Frame, inner: Frame, node: ir.Comprehension, as_global: frozenset[str], as_nonlocal: frozenset[str]
    ) -> None:
        """(Deviations comprehension-variable-of-a-global-name-binds-the-global, comprehension-variable-of-a-
        nonlocal-name-binds-the-enclosing-variable) the comprehension's own reads of its first for's target look
        in the function's own namespace, empty of it unless a handler bound it there (deviation
        except-as-of-a-declared-name-binds-the-block-namespace), even after a later for binds the same name; its
        reads of a later for's target, and a function nested in it, read the global or the enclosing function's
        variable (which the for binds, and which before it keeps its value; a function nested in a comprehension of
        a nonlocal name looks in the function's own namespace first: SearchedCell)."""
        outer = function_frame_of(frame)
        first = node.clauses[0].target
        for name in as_global | as_nonlocal:
            declared = GlobalCell(frame.globals, name) if name in as_global else frame.cells[name]
            if first != ir.Name(name) and name in _target_names(first) and _reads_any(_comprehension_reads(node),
                                                                                       frozenset({name})):  # fmt: skip
                raise Unspecified("a comprehension reading its first target's name declared around it, unpacked")
            if first == ir.Name(name) and name in as_nonlocal and outer.block.kind == "class":
                inner.target_reads[name] = THE_GLOBAL  # (a class body's: `$B.resolve_global`, globals then builtins)
            elif first == ir.Name(name):
                if outer.namespace is not None and name in outer.namespace:
                    raise Unspecified("a comprehension variable declared around it, bound in the class namespace")
                inner.target_reads[name] = outer.hidden_values.get(name, EMPTY)
            else:
                inner.target_cells[name] = declared
            if inner.block.scope.get(name) is CELL:
                searched = name in as_nonlocal and outer.namespace is None
                inner.cells[name] = SearchedCell(outer.hidden_values, name, declared) if searched else declared

    def restore_cells(self, frame: Frame, values: dict[str, Any]) -> None:
        """(Deviation comprehension-variable-of-a-nonlocal-name-binds-the-enclosing-variable) the enclosing
        function's variable given back the value it had when the comprehension started."""
        for name, value in values.items():
            frame.cells[name].value = value

    def replace_free_cell(self, frame: Frame, inner: Frame, name: str) -> None:
        """Under deviation comprehension-cell-replaces-free-variable: an inlined comprehension (PEP 709) that
        makes a new cell for `name` (comprehension_cells: its iteration variable is a cell, or one of a
        comprehension inlined in it), in a function (or class body) where `name` is free, takes as the cell a
        new one holding the function's current cell object, and leaves it in the function's place and in the
        comprehensions it is inlined in (they all use the one slot of the function's frame)."""
        if not inlined(inner.block):
            return
        outer = function_frame_of(frame)
        if not free_in_symbol_table(outer.block, name):
            return
        crash = "class-comprehension-cell-of-a-free-variable-crash"
        if outer.block.kind == "class" and name in inner.block.bound and self.deviates(crash):
            inner.crashes_on_store.add(name)  # (its first iteration: a comprehension that does not iterate runs)
            return
        if not self.deviates("comprehension-cell-replaces-free-variable"):
            return
        old = outer.cells[name]
        new = Cell(old)
        if name in inner.block.bound:
            inner.cells[name] = new  # (its own variable, a local of the model when only a comprehension in it
            # captures its name: load, store and delete use the cell then)
        between: Frame | None = inner  # (the comprehension passes the name on to its nested scopes: its slot too)
        while between is not None:
            if between.cells.get(name) is old:
                between.cells[name] = new
            if between is outer:
                break
            between = between.outer

    # -- operations ---------------------------------------------------------

    def truth(self, value: Any) -> bool:
        """§4.1 "Truth Value Testing" (no class here defines __bool__ or __len__)."""
        if value is UNDEFINED:
            return False  # (JavaScript's undefined is false)
        if value is None or type(value) in NUMBERS or type(value) is str:
            return bool(value)
        if isinstance(value, tuple):
            return bool(value)
        if isinstance(value, (ListValue, SetValue, DictValue)):
            return bool(value.items)
        if isinstance(value, RangeValue):
            return value.stop > 0
        if value is JS_UNDEFINED:
            return False  # (JavaScript's undefined is false)
        if isinstance(value, HostValue):
            raise Unspecified("the truth of a host value")
        return True

    def binary(self, op: str, left: Any, right: Any, in_place: bool = False) -> Any:
        if (
            in_place
            and op == "/"
            and type(left) is int
            and type(right) is int
            and right == 0
            and self.deviates("in-place-division-of-an-int-by-zero-gives-infinity-or-nan")
        ):
            return math.nan if left == 0 else math.copysign(math.inf, left)  # (JavaScript's division)
        if type(left) in NUMBERS and type(right) in NUMBERS:
            return self.arithmetic(op, left, right)
        _refuse_undefined(left, right)
        # JavaScript's undefined (only read under deviations) as an operand: the operator's code fails on it
        if left is JS_UNDEFINED or (right is JS_UNDEFINED and type(left) in NUMBERS):
            raise raise_("JavascriptError")
        if right is JS_UNDEFINED and isinstance(left, (str, tuple, ListValue)):
            raise raise_("TypeError")  # (the left operand's own operator refuses it)
        if right is JS_UNDEFINED and not isinstance(left, (Instance, HostValue)):
            raise raise_("TypeError")  # (no operator of the left operand's type takes it: unsupported operand)
        if isinstance(left, HostValue) or isinstance(right, HostValue):
            raise Unspecified("an operator on a host value: the host's own error")
        if op == "|" and (isinstance(left, _TYPING) or isinstance(right, _TYPING)):
            raise Unspecified("| of a type parameter or alias makes a typing union")
        if (
            op == "|"
            and isinstance(left, (Class, type(None)))
            and isinstance(right, (Class, type(None)))
            and (isinstance(left, Class) or isinstance(right, Class))
            and self.rules.has("type-union")
        ):
            raise Unspecified("| of classes makes a types.UnionType, which the model does not follow")
        if in_place:
            done = self.in_place(op, left, right)
            if done is not EMPTY:
                return done
        if op == "+":
            if isinstance(left, ListValue) and isinstance(right, ListValue):
                return self.sized(ListValue(left.items + right.items))
            if isinstance(left, tuple) and isinstance(right, tuple):
                return self.sized(left + right)
        elif op == "*":
            if not (in_place and isinstance(left, ListValue)):  # (list's own *= refuses what is not an int)
                empty = self.empty_sequence_repeated(left, right)
                if empty is not EMPTY:
                    return empty
            sequence, count = (left, right) if type(right) in (int, bool) else (right, left)
            if type(count) in (int, bool) and isinstance(sequence, (ListValue, tuple)):
                items = sequence.items if isinstance(sequence, ListValue) else list(sequence)
                if len(items) * max(count, 0) > MAX_LENGTH:
                    raise Unspecified("a sequence longer than the model follows")
                repeated = items * count
                return ListValue(repeated) if isinstance(sequence, ListValue) else tuple(repeated)
        elif op in ("|", "&", "-", "^") and isinstance(left, SetValue) and isinstance(right, SetValue):
            return SetValue(self.set_operation(op, left.items, right.items))
        elif op == "|" and isinstance(left, DictValue) and isinstance(right, DictValue):
            if not self.rules.has("dict-union"):
                raise raise_("TypeError")
            return DictValue({**left.items, **{k: (left.items.get(k, v)[0], v[1]) for k, v in right.items.items()}})
        if op == "%" and type(right) in (int, bool) and not isinstance(left, str):
            if isinstance(left, Instance) and left.cls.lookup("__mod__") is not EMPTY:
                raise Unspecified("% of an instance whose class defines __mod__")
            if self.deviates("modulo-of-a-non-number-by-an-int-fails-in-the-host"):
                if right == 0:  # (int's __mod__ checks its divisor first)
                    raise raise_("ZeroDivisionError", "integer division or modulo by zero")
                raise raise_("JavascriptError", "Cannot mix BigInt and other types, use explicit conversions")
        raise raise_("TypeError")

    def empty_sequence_repeated(self, left: Any, right: Any) -> Any:
        """Deviation repetition-of-an-empty-list-or-tuple-skips-the-count-check: `left * right`, an operand an
        empty list or tuple: a new empty list, or for a tuple JavaScript's failure, whatever the other operand
        but a float (or a str on the left, whose own * refuses a sequence). EMPTY: the deviation does not apply."""
        refusing: tuple[type[Any], ...]
        if _empty_sequence(left):
            empty, other, refusing = left, right, (float,)  # (its own repetition refuses only a float)
        elif _empty_sequence(right):
            empty, other, refusing = right, left, (float, str)  # (the left operand's own * comes first)
        else:
            return EMPTY
        if isinstance(other, refusing) or (type(other) in (int, bool) and isinstance(empty, ListValue)):
            return EMPTY  # (refused, or the repetition the Reference makes)
        if not self.deviates("repetition-of-an-empty-list-or-tuple-skips-the-count-check"):
            return EMPTY
        if other is left and (isinstance(other, ListValue) or other == ()):
            raise Unspecified("Brython's repetition of an empty sequence by a list or tuple on its left")
        if isinstance(other, Instance) and (other.cls.lookup("__mul__") is not EMPTY
                                            or other.cls.lookup("__rmul__") is not EMPTY):  # fmt: skip
            raise Unspecified("Brython's repetition of an empty sequence by an instance that defines *")
        if empty == ():
            raise raise_("JavascriptError", "Cannot read properties of undefined (reading '$kw')")
        return ListValue([])

    def in_place(self, op: str, left: Any, right: Any) -> Any:
        """The mutable types' in-place operators (§3.3.8 __iadd__ ...): EMPTY where there is none."""
        if isinstance(left, ListValue):
            if op == "+":
                # list.extend() takes a list's or tuple's items as they are now (`x += x` doubles x)
                items = right.items if isinstance(right, ListValue) else right
                left.items.extend(list(items) if isinstance(right, (ListValue, tuple)) else self.iterate(right))
                return self.sized(left)
            if op == "*" and type(right) in (int, bool):
                if right <= 0 and self.deviates("in-place-repetition-of-a-list-by-zero-or-less-keeps-its-items"):
                    if right == 0:  # (its code for a zero count calls a list.clear that is not defined)
                        raise raise_("JavascriptError", "list.clear is not a function")
                    return left  # (its loop of count - 1 copies makes none)
                if len(left.items) * max(right, 0) > MAX_LENGTH:
                    raise Unspecified("a sequence longer than the model follows")
                left.items[:] = left.items * right
                return left
        if isinstance(left, SetValue) and isinstance(right, SetValue) and op in ("|", "&", "-", "^"):
            left.items = self.set_operation(op, left.items, right.items)
            return left
        if isinstance(left, DictValue) and op == "|" and self.rules.has("dict-union"):
            if not isinstance(right, DictValue):
                raise Unspecified("|= of a dict with pairs")
            for key, value in right.items.values():
                self.put(left, key, value)
            return left
        return EMPTY

    @staticmethod
    def set_operation(op: str, left: dict[Any, Any], right: dict[Any, Any]) -> dict[Any, Any]:
        if op == "|":
            return {**left, **{k: v for k, v in right.items() if k not in left}}
        if op == "&":
            return {k: v for k, v in left.items() if k in right}
        if op == "-":
            return {k: v for k, v in left.items() if k not in right}
        return {
            **{k: v for k, v in left.items() if k not in right},
            **{k: v for k, v in right.items() if k not in left},
        }

    def sized(self, value: Any) -> Any:
        items = value.items if isinstance(value, ListValue) else value
        if len(items) > MAX_LENGTH:
            raise Unspecified("a sequence longer than the model follows")
        return value

    def arithmetic(self, op: str, left: Any, right: Any) -> Any:
        """Numbers, as §6.7-§6.9 define them; the host's arithmetic computes them."""
        floats = type(left) is float or type(right) is float
        if op in ("<<", ">>", "&", "|", "^") and floats:
            raise raise_("TypeError")
        if op == "**" and (floats or right < 0):
            raise Unspecified("a float power: the last bit depends on the platform's pow()")
        if op == "**" and abs(left) > 1 and abs(left).bit_length() * right > MAX_INT_BITS:
            raise Unspecified("an int larger than the model follows")
        if op == "<<" and right > MAX_INT_BITS:
            raise Unspecified("an int larger than the model follows")
        try:
            result = _OPERATORS[op](left, right)
        except ZeroDivisionError:
            if op == "//" and floats and self.deviates("float-floor-division-by-zero-gives-zero"):
                return math.copysign(0.0, math.copysign(1.0, left) * math.copysign(1.0, right))
            raise raise_("ZeroDivisionError") from None
        except OverflowError:
            raise raise_("OverflowError") from None
        except ValueError:  # a negative shift count
            raise raise_("ValueError") from None
        if type(result) is int and result.bit_length() > MAX_INT_BITS:
            raise Unspecified("an int larger than the model follows")
        return result

    def compare(self, op: str, left: Any, right: Any) -> bool:
        _refuse_undefined(left, right)
        if op == "==":
            return self.equal(left, right)
        if op == "!=":
            return not self.equal(left, right)
        if op == "<":
            return self.less(left, right)
        if op in ("is", "is not"):
            return self.identical(left, right) == (op == "is")
        return self.contains(right, left) == (op == "in")

    def equal(self, left: Any, right: Any) -> bool:
        """§6.10.1 value comparisons of the built-in types; identity for everything else."""
        if left is right:
            return True
        if type(left) in NUMBERS and type(right) in NUMBERS:
            return bool(left == right)
        if type(left) is str and type(right) is str:
            return left == right
        if (isinstance(left, tuple) and isinstance(right, tuple)) or (
            isinstance(left, ListValue) and isinstance(right, ListValue)
        ):
            a, b = _items(left), _items(right)
            return len(a) == len(b) and all(self.equal(x, y) for x, y in zip(a, b, strict=True))
        if isinstance(left, SetValue) and isinstance(right, SetValue):
            return left.items.keys() == right.items.keys()
        if isinstance(left, DictValue) and isinstance(right, DictValue):
            return left.items.keys() == right.items.keys() and all(
                self.equal(value, right.items[key][1]) for key, (_, value) in left.items.items()
            )
        if isinstance(left, RangeValue) and isinstance(right, RangeValue):
            return left.stop == right.stop
        return False

    def less(self, left: Any, right: Any) -> bool:
        if type(left) in NUMBERS and type(right) in NUMBERS:
            return bool(left < right)
        if (isinstance(left, tuple) and isinstance(right, tuple)) or (
            isinstance(left, ListValue) and isinstance(right, ListValue)
        ):
            a, b = _items(left), _items(right)
            for x, y in zip(a, b, strict=False):
                if not (x is y or self.equal(x, y)):
                    return self.less(x, y)
            return len(a) < len(b)
        if isinstance(left, SetValue) and isinstance(right, SetValue):
            return left.items.keys() < right.items.keys()
        raise raise_("TypeError")

    @staticmethod
    def identical(left: Any, right: Any) -> bool:
        """`is`: defined for objects; for numbers, strings and tuples it depends on caching."""
        singletons = (type(None), bool)
        if type(left) in singletons or type(right) in singletons:
            return left is right
        if isinstance(left, (int, float, str, tuple)) or isinstance(right, (int, float, str, tuple)):
            raise Unspecified("`is` between immutable values depends on the implementation's caching")
        return left is right

    def contains(self, container: Any, item: Any) -> bool:
        """§6.10.2 membership tests."""
        if isinstance(container, TypeAliasValue):
            raise Unspecified("whether a type alias can be iterated changed between versions")
        if isinstance(container, (ListValue, tuple)):
            items = container.items if isinstance(container, ListValue) else container
            return any(element is item or self.equal(element, item) for element in items)
        if isinstance(container, (SetValue, DictValue)):
            return self.hash_key(item) in container.items
        if isinstance(container, RangeValue):
            return type(item) in NUMBERS and item == int(item) and 0 <= item < container.stop
        if isinstance(container, Generator) or self.generator_like(container):
            return any(element is item or self.equal(element, item) for element in self.iterate(container))
        raise raise_("TypeError")

    def attribute(self, value: Any, attr: str) -> Any:
        _refuse_undefined(value)
        if attr == "__annotations__":
            return self.annotations_of(value)
        if isinstance(value, ListValue) and attr == "append":
            return Append(value)
        if isinstance(value, (Generator, Coroutine)) and attr == "send":
            return Send(value)
        if isinstance(value, ExceptionValue) and value.type == "StopIteration" and attr == "value":
            return value.value
        if isinstance(value, Instance):
            if attr in value.attrs:
                return value.attrs[attr]
            found = value.cls.lookup(attr)
            if found is not EMPTY:
                return self.bind(found, value, value.cls)
        elif isinstance(value, Class):
            found = value.lookup(attr)
            if found is not EMPTY:
                return self.bind(found, None, value)
            if attr == "__name__":
                return value.name
        elif (
            isinstance(value, (Function, ModuleValue, StaticMethod, ClassMethod, ExceptionValue))
            and attr in value.attrs
        ):
            return value.attrs[attr]
        elif isinstance(value, BuiltinValue) and attr in self.builtin_attributes.get(value.name, {}):
            return self.builtin_attributes[value.name][attr]  # (deviation builtin-function-takes-attributes)
        elif isinstance(value, (TypeVarValue, TypeAliasValue)) and attr == "__name__":
            return value.name
        elif isinstance(value, Function) and attr == "__name__":
            # (data model 3.2: a function's name; generated programs read `__class__.__name__`, which is a function
            # under deviation class-cell-is-the-global-named-like-the-class)
            return self.function_name(value)
        elif isinstance(value, TypeAliasValue) and attr == "__value__":
            return self.alias_value(value)
        raise raise_("AttributeError")

    @staticmethod
    def bind(found: Any, instance: Any, owner: Class) -> Any:
        """The descriptors of the data model §3.3.2.2: functions, staticmethod, classmethod."""
        if isinstance(found, StaticMethod):
            return found.function
        if isinstance(found, ClassMethod):
            return Method(found.function, owner)
        if isinstance(found, Function) and instance is not None:
            return Method(found, instance)
        return found

    def set_attribute(self, owner: Any, attr: str, value: Any) -> None:
        _refuse_undefined(owner)
        if owner is JS_UNDEFINED:  # (deviation unbound-read-as-undefined: Brython's setattr reads the dict)
            raise raise_("JavascriptError", READING_THE_DICT_OF_UNDEFINED)
        if value is JS_UNDEFINED:  # (deviation unbound-read-as-undefined: Brython's setattr refuses undefined)
            raise raise_("TypeError")
        if isinstance(owner, ExceptionValue) and attr in EXCEPTION_ATTRIBUTES:
            raise Unspecified("an exception's own attribute set: the model does not follow it")
        if value is UNDEFINED:  # (deviation empty-cell-read-gives-undefined: Skulpt's setattr of undefined deletes)
            if not isinstance(owner, (*HAS_DICT, Class)):
                raise Unspecified("undefined set as an attribute of a value without a __dict__")
            self.delete_attribute(owner, attr)  # (AttributeError where it has no such attribute)
            return
        if isinstance(owner, (Function, StaticMethod, ClassMethod)) and self.deviates("function-attributes-refused"):
            raise raise_("AttributeError")
        if isinstance(owner, ExceptionValue) and owner.type == "JavascriptError":
            raise raise_("AttributeError")  # (Brython's host error, raised under deviations: no __dict__)
        if isinstance(owner, ExceptionValue) and self.deviates("builtin-exception-attributes-refused"):
            raise raise_("AttributeError")
        if isinstance(owner, HAS_DICT):
            owner.attrs[attr] = value
        elif (
            isinstance(owner, BuiltinValue)
            and owner.name in BUILTIN_FUNCTIONS
            and self.deviates("builtin-function-takes-attributes")
        ):
            self.builtin_attributes.setdefault(owner.name, {})[attr] = value
        elif isinstance(owner, Class):
            owner.namespace[attr] = value
        elif isinstance(owner, ModuleValue):
            raise Unspecified("an attribute set on a module: the model does not follow it")
        elif isinstance(owner, _TYPING):
            raise Unspecified("whether a type variable or alias takes new attributes is the implementation's choice")
        else:
            raise raise_("AttributeError")

    def delete_attribute(self, owner: Any, attr: str) -> None:
        _refuse_undefined(owner)
        if isinstance(owner, ExceptionValue) and attr in EXCEPTION_ATTRIBUTES:
            raise Unspecified("an exception's own attribute deleted: the model does not follow it")
        space = (
            owner.attrs if isinstance(owner, (Instance, Function, StaticMethod, ClassMethod, ExceptionValue)) else None
        )
        if isinstance(owner, Class):
            space = owner.namespace
        elif isinstance(owner, BuiltinValue) and owner.name in self.builtin_attributes:
            space = self.builtin_attributes[owner.name]  # (deviation builtin-function-takes-attributes)
        elif isinstance(owner, (ModuleValue, *_TYPING)):
            raise Unspecified("an attribute deleted from a module or type variable: the model does not follow it")
        if space is None or attr not in space:
            raise raise_("AttributeError")
        del space[attr]

    def subscript(self, value: Any, index: int) -> Any:
        _refuse_undefined(value)
        if isinstance(value, TypeAliasValue) and self.deviates("type-alias-without-type-parameters-subscripted"):
            return HostValue("types.GenericAlias")  # (of which only the type is followed)
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
        if isinstance(value, RangeValue):
            if -value.stop <= index < value.stop:
                return index % value.stop
            raise raise_("IndexError")
        raise raise_("TypeError")

    def set_item(self, owner: Any, index: int, value: Any) -> None:
        _refuse_undefined(owner)
        if isinstance(owner, ListValue):
            if not -len(owner.items) <= index < len(owner.items):
                raise raise_("IndexError")
            owner.items[index] = value
        elif isinstance(owner, DictValue):
            self.put(owner, index, value)
        else:
            raise raise_("TypeError")

    def delete_item(self, owner: Any, index: int) -> None:
        _refuse_undefined(owner)
        if isinstance(owner, ListValue):
            if not -len(owner.items) <= index < len(owner.items):
                raise raise_("IndexError")
            del owner.items[index]
        elif isinstance(owner, DictValue):
            key = self.hash_key(index)
            if key not in owner.items:
                raise raise_("KeyError")
            del owner.items[key]
        else:
            raise raise_("TypeError")

    def put(self, mapping: DictValue, key: Any, value: Any) -> None:
        """d[key] = value: a key equal to one present keeps the first key object."""
        hashed = self.hash_key(key)
        original = mapping.items[hashed][0] if hashed in mapping.items else key
        mapping.items[hashed] = (original, value)

    def hash_key(self, value: Any) -> Any:
        _refuse_undefined(value)  # (deviation empty-cell-read-gives-undefined: its hash is looked up in the host)
        if value is JS_UNDEFINED:  # (deviation unbound-read-as-undefined: Brython reads its hash as a property)
            raise raise_("JavascriptError", "Cannot read properties of undefined (reading '__hashvalue__')")
        if value is None or type(value) in NUMBERS or type(value) is str:
            return ("value", value)  # (1, 1.0 and True are one key, as their hashes and == say)
        if isinstance(value, tuple):
            return ("tuple", tuple(self.hash_key(item) for item in value))
        if isinstance(value, RangeValue):
            if self.deviates("range-not-hashable"):
                raise raise_("TypeError")  # (unsupported type for __hash__: 'range')
            return ("range", value.stop)
        if isinstance(value, (ListValue, SetValue, DictValue)):
            raise raise_("TypeError")
        if isinstance(value, Cell):  # (deviation comprehension-cell-replaces-free-variable: a raw cell object,
            raise raise_("TypeError")  # which compares by contents and so has no hash)
        return ("identity", id(value))

    def iterable(self, value: Any) -> bool:
        return isinstance(value, (RangeValue, ListValue, tuple, DictValue, Generator, SetValue)) or self.generator_like(
            value
        )

    def generator_like(self, value: Any) -> bool:
        """Deviation coroutine-is-a-generator: a coroutine can be iterated (and delegated to) as a generator."""
        return isinstance(value, Coroutine) and self.deviates("coroutine-is-a-generator")

    def _coroutine_items(self, coroutine: Coroutine) -> Iterator[Any]:
        """A coroutine iterated as a generator: its body runs at the first item asked for; it yields nothing
        (nothing in it suspends), and what it returns is dropped."""
        try:
            self.await_(coroutine)
        except _AwaitSuspends:
            raise Unspecified("a coroutine iterated while it awaits an iterable") from None
        yield from ()

    def iterate(self, value: Any) -> Iterator[Any]:
        """iter(value) at once (TypeError now), then its items as they are asked for."""
        if isinstance(value, TypeAliasValue):
            raise Unspecified("whether a type alias can be unpacked changed between versions")
        if isinstance(value, RangeValue):
            return self._counted(iter(range(value.stop)))
        if isinstance(value, ListValue):
            return self._live_list(value)
        if isinstance(value, tuple):
            return self._counted(iter(value))
        _refuse_undefined(value)
        if isinstance(value, DictValue):
            self.dict_order_specified(value)
            return self._counted(iter([key for key, _ in value.items.values()]))
        if isinstance(value, Generator):
            return self._resume(value)
        if self.generator_like(value):
            return self._coroutine_items(value)
        if isinstance(value, SetValue):
            raise Unspecified("the iteration order of a set is not specified")
        raise raise_("TypeError")

    def dict_order_specified(self, value: DictValue) -> None:
        """Where a program sees the order of a dict's keys (iterating it, or probing it as a value): before 3.7
        the language leaves the order open (CPython 3.6 keeps insertion order as a detail; MicroPython does not),
        so a dict of two keys or more makes the program unspecified."""
        if len(value.items) > 1 and not self.rules.has("dict-insertion-order"):
            raise Unspecified("the order of a dict's keys before 3.7")

    def _counted(self, items: Iterator[Any]) -> Iterator[Any]:
        for item in items:
            self.step()
            if item is UNDEFINED:  # (deviation empty-cell-read-gives-undefined: it also marks the end)
                return
            yield item

    def _live_list(self, value: ListValue) -> Iterator[Any]:
        index = 0
        while index < len(value.items):  # a list grown while iterated is iterated further
            self.step()
            if value.items[index] is UNDEFINED:  # (as in _counted)
                return
            yield value.items[index]
            index += 1

    def _resume(self, generator: Generator) -> Iterator[Any]:
        while True:
            try:
                item = self.resume(generator, None)
            except Raised as raised:
                if raised.value.type == "StopIteration":
                    return
                raise
            yield item

    # -- calls --------------------------------------------------------------

    def call(self, function: Any, args: list[Any], kwargs: dict[str, Any] | None = None) -> Any:
        self.step()
        kwargs = kwargs or {}
        if isinstance(function, Function):
            return self.call_function(function, args, kwargs)
        if isinstance(function, Method):
            return self.call(function.function, [function.instance, *args], kwargs)
        if isinstance(function, Class):
            return self.instantiate(function, args, kwargs)
        if isinstance(function, StaticMethod) and self.rules.has("staticmethod-callable"):
            return self.call(function.function, args, kwargs)  # callable from 3.10 (bpo-43682)
        if isinstance(function, Send) and not kwargs:
            return self.send(function.target, args)
        if isinstance(function, Append) and not kwargs:
            if len(args) != 1:
                raise raise_("TypeError")
            function.target.items.append(args[0])
            return None
        if isinstance(function, BuiltinValue):
            return self.call_builtin(function.name, args, kwargs)
        if function is JS_UNDEFINED:
            raise raise_("JavascriptError")  # (JavaScript's undefined, read under deviations, is no function)
        if isinstance(function, HostValue):
            raise Unspecified("a call of a host value: the host's own error")
        _refuse_undefined(function)
        raise raise_("TypeError")

    def instantiate(self, klass: Class, args: list[Any], kwargs: dict[str, Any]) -> Instance:
        instance = Instance(klass)
        init = klass.lookup("__init__")
        if init is EMPTY:
            if (args or kwargs) and not self.deviates("object-init-accepts-arguments"):
                raise raise_("TypeError")
            return instance
        if self.call(self.bind(init, instance, klass), args, kwargs) is not None:
            raise raise_("TypeError")  # __init__() should return None
        return instance

    def call_function(self, function: Function, args: list[Any], kwargs: dict[str, Any]) -> Any:
        frame = self.new_frame(function.block, function.globals, function.closure)
        frame.made_in = function.made_in
        frame.resolved = function.resolved
        node = function.node
        if isinstance(node, ir.FunctionDef) and node.is_async:
            if function.block.generator:
                raise Unspecified("an async generator")
            self.enter_method(frame)  # (deviation class-cell-is-the-global-named-like-the-class: Unspecified)
            self.enter_brython_method(function, frame)
            late = self.deviates("async-arguments-bound-when-run")
            if not late:
                self.bind_arguments(function, frame, args, kwargs)
            return Coroutine(function, frame, arguments=(args, kwargs), bound=not late)
        if kwargs and function.block.generator and self.deviates("generator-function-refuses-keyword-arguments"):
            raise raise_("TypeError")
        self.bind_arguments(function, frame, args, kwargs)
        if function.copies_on_call:  # (deviation nested-function-creation-copies-enclosing-variables)
            if function.made_in is None:
                raise Unspecified("Skulpt's $free of a function whose making the model did not follow")
            self.copy_free_over_cells(function.made_in)
        if isinstance(node, ir.FunctionDef) and function.block.generator:
            self.enter_brython_method(function, frame)
            return Generator(
                node.name,
                self.generator_frames(frame, node),
                captured=captured_parameter(function),
                frame=frame,
                node=node,
            )
        self.depth += 1
        if self.depth > CALL_DEPTH_LIMIT:
            raise UnfollowedRecursion()
        self.enter_method(frame)  # (deviation class-cell-is-the-global-named-like-the-class)
        self.enter_brython_method(function, frame)
        self.chain.append(frame)
        try:
            if isinstance(node, ir.Lambda):
                return self.eval(frame, node.body)
            return self.run_function(frame, node)
        finally:
            self.depth -= 1
            self.chain.pop()  # (the last frame, whichever it is)

    def run_function(self, frame: Frame, node: ir.FunctionDef) -> Any:
        try:
            self.execute_block(frame, node.body)
        except _Return as returned:
            return returned.value
        return None

    def generator_rerun(self, generator: Generator, node: ir.FunctionDef, sent: Any) -> Generator_[Any, Any, Any]:
        """Deviation generator-send-at-end-gives-undefined: Skulpt's generator keeps the point to resume at
        that its last yield set (the start, when none did) and does not mark its end, so resuming a generator
        that ended runs its code again from there, the yield giving what was sent (None for next()), with
        the variables as they are now. The model follows this from a yield statement of the body itself."""
        assert generator.frame is not None
        frame = generator.frame
        last = self.last_yields[id(frame)][1] if id(frame) in self.last_yields else None
        if last is None:
            start = 0
        else:
            start = next((index + 1 for index, statement in enumerate(node.body) if statement is last), -1)
            if start < 0 or last.delegate:
                raise Unspecified("a Skulpt generator run again from a yield inside a statement or a yield from")
        if last is not None and last.target is not None:
            self.assign(frame, last.target, sent)
        return (yield from self.generator_frames(frame, dataclasses.replace(node, body=node.body[start:])))

    def generator_frames(self, frame: Frame, node: ir.FunctionDef) -> Generator_[Any, Any, Any]:
        try:
            yield from self.run_block(frame, node.body)
        except _Return as returned:
            return returned.value
        except Raised as raised:
            if raised.value.type != "StopIteration":
                raise
            # PEP 479: a StopIteration leaving a generator's body is a RuntimeError from 3.7;
            # before, it ended the generator as a return would
            if self.rules.has("generator-stop"):
                raise raise_("RuntimeError") from None
        return None

    def resume(self, generator: Generator, sent: Any) -> Any:
        """generator.send(sent): the next item, or StopIteration (with what it returned) when it ends."""
        if generator.running:
            raise raise_("ValueError")
        # (deviation exhausted-iterator-value-is-empty-string: a generator expression's StopIteration holds '')
        empty = generator.name == "<genexpr>" and self.deviates("exhausted-iterator-value-is-empty-string")
        if generator.finished:
            if generator.node is None or not self.deviates("generator-send-at-end-gives-undefined"):
                raise Raised(ExceptionValue("StopIteration", None, "")) if empty else raise_("StopIteration", None)
            generator.frames = self.generator_rerun(generator, generator.node, sent)
            generator.finished = False
            sent = None  # (given to the run again, which starts with it)
        if generator.captured is not None and self.deviates("generator-captured-parameter-fails"):
            # the body's first code copies the parameter into its cell from a JavaScript variable that the
            # generator's code does not have: nothing runs, and each resumption fails the same way
            raise raise_("ExternalError", "ReferenceError: %s is not defined" % generator.captured)
        if generator.frame is not None:
            self.enter_method(generator.frame)  # (deviation class-cell-is-the-global-named-like-the-class)
        generator.running = True
        chain = list(self.chain)  # (Brython runs each step with the generator's frame, then restores the chain)
        self.chain.append(generator.frame)
        self.depth += 1  # (its frame runs on top of the caller's, as a call's: `yield from` nests them)
        try:
            if self.depth > CALL_DEPTH_LIMIT:
                raise UnfollowedRecursion()
            item = generator.frames.send(sent)
        except StopIteration as stop:
            generator.finished = True
            raise Raised(ExceptionValue("StopIteration", None, "" if empty else stop.value)) from None
        except TypeError:  # (the host's own: a value other than None sent to a generator not started)
            raise raise_("TypeError") from None
        except BaseException:
            generator.finished = True
            raise
        finally:
            self.depth -= 1
            generator.running = False
            self.chain[:] = chain
        self.step()
        return item

    def await_(self, coroutine: Coroutine) -> Any:
        """Run a coroutine's body to its end (nothing here suspends): what it returns, or what it raises."""
        if coroutine.state == "suspended":
            raise Unspecified("a coroutine awaited while it is suspended in an awaited iterable")
        if coroutine.state != "created":
            # awaited twice (RuntimeError), or awaiting itself: what is raised varies between implementations
            if coroutine.state == "done":
                if self.deviates("coroutine-is-a-generator"):
                    return None  # `yield from` a finished generator: it returns at once
                raise raise_("RuntimeError")
            raise Unspecified("a coroutine awaited while it runs")
        coroutine.state = "running"
        self.depth += 1
        if self.depth > CALL_DEPTH_LIMIT:
            raise UnfollowedRecursion()
        try:
            node = coroutine.function.node
            assert isinstance(node, ir.FunctionDef)
            if not coroutine.bound:  # (deviation async-arguments-bound-when-run: bound as the body starts)
                self.bind_arguments(coroutine.function, coroutine.frame, *coroutine.arguments)
            return self.run_function(coroutine.frame, node)
        except Raised as raised:
            if raised.value.type == "StopIteration":  # PEP 479, for coroutines from the start
                raise raise_("RuntimeError") from None
            raise
        except _AwaitSuspends as suspends:
            coroutine.state = "suspended"
            suspends.coroutines.append(coroutine)
            raise
        finally:
            self.depth -= 1
            if coroutine.state == "running":
                coroutine.state = "done"

    def run_as_promise(self, coroutine: Coroutine) -> HostValue:
        """Deviation coroutine-send-returns-a-promise: the body runs from its start on each send(), as a
        call of a JavaScript async function, and what it returns or raises goes to the Promise returned."""
        function = coroutine.function
        node = function.node
        assert isinstance(node, ir.FunctionDef)
        frame = self.new_frame(function.block, function.globals, function.closure)
        frame.resolved = function.resolved
        self.depth += 1
        if self.depth > CALL_DEPTH_LIMIT:
            raise UnfollowedRecursion()
        self.promises += 1
        leaves = True
        try:
            self.bind_arguments(function, frame, *coroutine.arguments)
            self.chain.append(frame)
            try:
                self.run_function(frame, node)
            except _Suspended:
                leaves = (
                    False  # its frame stays on Brython's chain (it is left when the body goes on, after the program)
                )
                self.leaked = True
            finally:
                if leaves:
                    self.chain.pop()
        except Raised:
            pass  # (the Promise is rejected: nothing is raised to the caller of send)
        finally:
            self.depth -= 1
            self.promises -= 1
        return HostValue("JSObject")

    def send(self, target: Generator | Coroutine, args: list[Any]) -> Any:
        if len(args) != 1:
            raise raise_("TypeError")
        if isinstance(target, Generator):
            try:
                return self.resume(target, args[0])
            except Raised as raised:
                if raised.value.type == "StopIteration" and self.deviates("generator-send-at-end-gives-undefined"):
                    return UNDEFINED
                raise
        if self.deviates("coroutine-send-returns-a-promise"):
            return self.run_as_promise(target)
        if target.state == "done":
            if self.deviates("coroutine-is-a-generator"):
                raise raise_("StopIteration")  # as a finished generator
            raise raise_("RuntimeError")  # cannot reuse already awaited coroutine
        if target.state == "running":
            raise raise_("ValueError")  # coroutine already executing
        if target.state == "suspended":
            return self.send_to_awaited_iterable(target, args[0])
        if args[0] is not None:
            raise raise_("TypeError")  # can't send non-None value to a just-started coroutine
        try:
            returned = self.await_(target)
        except _AwaitSuspends as suspends:
            self.awaited_iterables[id(target)] = suspends
            return suspends.first
        raise Raised(ExceptionValue("StopIteration", None, returned))

    def send_to_awaited_iterable(self, target: Coroutine, sent: Any) -> Any:
        """Deviation coroutine-is-a-generator: a send to a coroutine suspended in `await x` (`yield from x`) of an
        iterable: None takes x's next item; any other value is sent to x's iterator, which has no send method
        (AttributeError, raised where the await is, which ends every coroutine of the chain)."""
        suspends = self.awaited_iterables[id(target)]
        if sent is None:
            for item in suspends.rest:
                return item
            raise Unspecified("the rest of a coroutine after it awaited an iterable to its end")
        if suspends.protected:
            raise Unspecified("a try or with statement around an await of an iterable")
        for coroutine in suspends.coroutines:
            coroutine.state = "done"
        raise raise_("AttributeError")  # ('iterator' object has no attribute 'send')

    def bind_arguments(self, function: Function, frame: Frame, args: list[Any], kwargs: dict[str, Any]) -> None:
        """§6.3.4 "Calls": positional arguments to slots, then keywords, then defaults; a TypeError where
        a slot is filled twice, a keyword matches no parameter, or a parameter is left without a value."""
        params = function.node.params
        positional = params.positional_params()
        if len(args) > len(positional) and params.vararg is None:
            raise raise_("TypeError")
        values = {param.name: value for param, value in zip(positional, args, strict=False)}
        by_keyword = {p.name for p in (*params.positional, *params.kwonly)}  # not the positional-only ones
        # (deviation empty-cell-read-gives-undefined) unless a call fills exactly the parameters of a function
        # with positional ones only, Skulpt resolves the arguments as CPython does, testing each slot for
        # undefined to know it is not given: undefined for a parameter is a missing argument
        resolved = bool(params.vararg or params.kwarg or params.kwonly or kwargs or len(args) != len(positional))
        if resolved and any(value is UNDEFINED for value in values.values()):
            values = {name: value for name, value in values.items() if value is not UNDEFINED}
        extra = DictValue({})
        for key, value in kwargs.items():
            if key in by_keyword and value is UNDEFINED and key not in values:
                continue  # (as above: undefined by keyword is a missing argument)
            if key in by_keyword:
                if key in values:
                    raise raise_("TypeError")
                values[key] = value
            elif params.kwarg is not None:
                self.put(extra, key, value)
            else:
                raise raise_("TypeError")
        first_default = len(positional) - len(function.defaults)
        for index, param in enumerate(positional):
            if param.name not in values:
                if index < first_default:
                    raise raise_("TypeError")
                values[param.name] = function.defaults[index - first_default]
        # (deviation: a generator function's keyword-only parameters are left unbound, and not required)
        unbound = (
            params.kwonly and function.block.generator and self.deviates("generator-keyword-only-parameters-unbound")
        )
        for param in params.kwonly:
            if unbound:
                # (one that a nested scope captures is an empty cell; on Skulpt the body never runs then, by
                # generator-captured-parameter-fails, which the diagnosis reaches from this prediction)
                values.pop(param.name, None)
            elif param.name not in values:
                # (deviation empty-cell-read-gives-undefined: a default of undefined is no default)
                if function.kwdefaults.get(param.name, UNDEFINED) is UNDEFINED:
                    raise raise_("TypeError")
                values[param.name] = function.kwdefaults[param.name]
        if any(value is UNDEFINED for value in values.values()):
            self.refuse_undefined_arguments(function, values, kwargs)
        for name, value in values.items():
            self.store(frame, name, value)
        if params.vararg is not None:
            self.store(frame, params.vararg, tuple(args[len(positional) :]))
        if params.kwarg is not None:
            self.store(frame, params.kwarg, extra)

    def refuse_undefined_arguments(self, function: Function, values: dict[str, Any], kwargs: dict[str, Any]) -> None:
        """Deviation empty-cell-read-gives-undefined: a function checks on entry that its parameters held in
        plain local variables are bound, so JavaScript's undefined given to one (as an argument or as its
        default) raises UnboundLocalError at the call; a parameter in a cell, or of a generator, is left unbound."""
        for name in function.node.params.names():
            if values.get(name, EMPTY) is not UNDEFINED:
                continue
            if kwargs.get(name, EMPTY) is UNDEFINED:
                raise Unspecified("JavaScript's undefined passed by keyword")
            if function.block.scope.get(name) is LOCAL and not function.block.generator:
                raise raise_("UnboundLocalError", self.messages.unbound_local(name))

    def call_builtin(self, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        # (Skulpt's dict() of keywords keeps the values as they are, JavaScript's undefined among them)
        if any(arg is UNDEFINED for arg in (*args, *kwargs.values())) and not (name == "dict" and not args):
            raise Unspecified("a builtin given JavaScript's undefined: each does its own thing")
        if name == "dict":
            if args:
                raise Unspecified("dict() of positional arguments")
            mapping = DictValue({})
            for key, value in kwargs.items():
                self.put(mapping, key, value)
            return mapping
        if kwargs or len(args) != 1:
            raise raise_("TypeError")
        if name == "range":
            if type(args[0]) not in (int, bool):
                raise raise_("TypeError")
            return RangeValue(max(int(args[0]), 0))
        if name == "list":
            return ListValue(list(self.iterate(args[0])))
        if name == "len":
            if isinstance(args[0], (ListValue, SetValue, DictValue, tuple, str)):
                return len(args[0].items if isinstance(args[0], (ListValue, SetValue, DictValue)) else args[0])
            if isinstance(args[0], RangeValue):
                return args[0].stop
            raise raise_("TypeError")
        if name == "abs":
            if type(args[0]) not in NUMBERS:
                raise raise_("TypeError")
            return abs(args[0])
        if name == "staticmethod":
            return StaticMethod(args[0])
        if name == "classmethod":
            return ClassMethod(args[0])
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
        if type(value) is int or type(value) is str:
            return value
        if isinstance(value, InternalName):
            return {"matches": value.pattern}
        if type(value) is float:
            return value if value - value == 0 else {"float": repr(value)}  # inf and nan, by name
        if isinstance(value, ListValue):
            return [self.encode(item, depth + 1) for item in _until_undefined(value.items)]
        if isinstance(value, tuple):
            return {"tuple": [self.encode(item, depth + 1) for item in _until_undefined(value)]}
        if value is UNDEFINED:
            raise Unspecified("how JavaScript's undefined is encoded where it is not an item of a tuple or list")
        if isinstance(value, DictValue):
            self.dict_order_specified(value)
            return {"dict": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items.values()]}
        if isinstance(value, SetValue):
            items = [self.encode(item, depth + 1) for item in value.items.values()]
            return {"set": sorted(items, key=lambda item: json.dumps(item, sort_keys=True))}
        if isinstance(value, Function):
            return {"function": self.function_name(value)}
        if isinstance(value, Method):
            return {"function": self.function_name(value.function)}
        if isinstance(value, Coroutine) and self.deviates("coroutine-is-a-generator"):
            return {"object": "generator"}
        if isinstance(value, (Generator, Coroutine)) and self.deviates("types-are-nuitkas-compiled-types"):
            return {"object": "compiled_" + type_name(value)}
        if isinstance(value, (Append, Send)) or (isinstance(value, BuiltinValue) and value.name in BUILTIN_FUNCTIONS):
            # the type of a builtin function or method is the implementation's own (PyPy: builtin_function, method)
            raise Unspecified("how an implementation presents its builtin functions")
        return {"object": type_name(value)}

    def function_name(self, function: Function) -> str:
        """A function's __name__ (Data model 3.2: "the function's name")."""
        if function.block.generator and self.deviates("generator-function-named-native-js"):
            return "<native JS>"
        if isinstance(function.node, ir.Lambda) and self.deviates("lambda-named-lambda"):
            if self.lambda_numbers is None:
                self.lambda_numbers = lambda_numbers(self.analysis.module.node)
            number = self.lambda_numbers.get(id(function.node), 0)
            return "lambda%d" % number if number else "lambda"
        return function.name

    @staticmethod
    def encode_exception(value: ExceptionValue) -> dict[str, Any]:
        encoded = {"type": value.type, "module": "builtins", "mro": EXCEPTION_MRO[value.type]}
        if value.message is not None:
            encoded["message"] = value.message
        return encoded

    def closure_facts(self, value: Any) -> dict[str, Any]:
        self.encode(value)  # (what it cannot say about a value, it cannot say about its closure either)
        facts: dict[str, Any] = {"type": self.function_type_name(value)}
        function = value.function if isinstance(value, Method) else value
        if not isinstance(function, Function):
            return facts
        table, block = self.symbol_table_block(function.block)
        freevars = sorted(block.freevars)
        if len(freevars) > 1 and self.deviates("free-variables-in-the-order-their-function-first-names-them"):
            freevars = free_variable_order(table, block)
        facts["freevars"] = freevars
        if not freevars:
            facts["closure"] = None
            return facts
        facts["closure"] = len(freevars)
        # (labelled in the order of their names, as the runner labels them; deviation closure-cells-are-new-and-
        # hold-none: a cell made at this read of __closure__, holding None, for each free variable)
        fresh = self.deviates("closure-cells-are-new-and-hold-none")
        if not fresh and set(freevars) != set(function.closure):
            raise Unspecified("the cells of free variables the function's code runs without")
        cells = {name: Cell(None) if fresh else function.closure[name] for name in sorted(freevars)}
        facts["cells"] = {name: self.cell_facts(cell) for name, cell in cells.items()}
        return facts

    def symbol_table_block(self, block: Block) -> tuple[Analysis, Block]:
        """The block as the implementation's symbol table has it, for what its code object reports (co_freevars,
        a cell of __closure__ for each): under deviation comprehension-runs-inline-restoring-targets-bound-before,
        the translator runs a list, set or dict comprehension inline, but the symbol table (a port of CPython's)
        gives it a scope of its own, so that a function nested in it captures its targets, not the block's."""
        if not self.deviates("comprehension-runs-inline-restoring-targets-bound-before"):
            return self.analysis, block
        if self.symbol_table is None:
            switches = Switches(self.switches.deviations - {"comprehension-runs-inline-restoring-targets-bound-before"})
            deferred = functools.partial(self.rules.has, "deferred-annotations")
            module = self.analysis.module.node
            assert isinstance(module, ir.Module)
            try:
                self.symbol_table = analyze(module, deferred, switches, self.names)
            except ScopeSyntaxError:
                raise Unspecified("a program whose symbol table, comprehensions apart, is rejected") from None
            finally:
                self.switches.consulted |= switches.consulted
        return self.symbol_table, self.symbol_table.blocks[id(block.node)]

    def function_type_name(self, value: Any) -> str:
        """The name of a (probed) function's type: with function-type-named-by-implementation, the name of the
        implementation's own type for what the function is made of (MicroPython: one for functions with free
        variables, one for generator and coroutine functions, one for bound methods)."""
        if isinstance(value, Function) and self.deviates("function-type-named-by-implementation"):
            if value.block.freevars:
                return "closure"
            if value.block.generator or (isinstance(value.node, ir.FunctionDef) and value.node.is_async):
                return "generator"
        if isinstance(value, Method) and self.deviates("function-type-named-by-implementation"):
            return "bound_method"
        if isinstance(value, Coroutine) and self.deviates("coroutine-is-a-generator"):
            return "generator"
        if isinstance(value, Function) and self.deviates("function-type-is-cython-function-or-method"):
            return "cython_function_or_method"
        if isinstance(value, (Function, Method)) and self.deviates("types-are-nuitkas-compiled-types"):
            return "compiled_" + type_name(value)
        return type_name(value)

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


@dataclass(frozen=True)
class _Entered:
    """A context manager entered: what __enter__ returned and the bound __exit__."""

    entered: Any
    method: Any


_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
    "<<": operator.lshift,
    ">>": operator.rshift,
    "&": operator.and_,
    "|": operator.or_,
    "^": operator.xor,
}

# The statements a generator function's body runs through run(): they may hold a yield.
SUSPENDING = frozenset({ir.Yield, ir.If, ir.For, ir.While, ir.Try, ir.With, ir.Match})

# The builtin classes a class pattern matches by the subject itself (`case int(x)`).
SELF_MATCHING: dict[str, tuple[type[Any], ...]] = {
    "int": (int,),  # (bool too: a subclass)
    "list": (ListValue,),
    "tuple": (tuple,),
    "dict": (DictValue,),
}


# statements whose bodies Brython translates in copies of the block's scope
_COPIED = (ir.If, ir.For, ir.While, ir.Try)


def _stored(body: tuple[ir.Stmt, ...]) -> Iterator[str]:
    """The names the statements of a body bind, but by augmented assignment, del or a match pattern (nested
    blocks apart): assignment expressions (in its comprehensions too) and `x = yield ...` included."""
    yield from _walrus_targets(body)
    for node in body:
        if isinstance(node, ir.Yield) and node.target is not None:
            yield from _target_names(node.target)
        elif isinstance(node, ir.Assign):
            for target in node.targets:
                yield from _target_names(target)
        elif isinstance(node, ir.AnnAssign):
            yield node.target
        elif isinstance(node, (ir.FunctionDef, ir.ClassDef, ir.TypeAlias)):
            yield node.name
        elif isinstance(node, ir.Import):
            yield node.asname
        elif isinstance(node, ir.For):
            yield from _target_names(node.target)
            yield from _stored(node.body + node.orelse)
        elif isinstance(node, (ir.While, ir.If)):
            yield from _stored(node.body + node.orelse)
        elif isinstance(node, ir.With):
            if node.target is not None:
                yield from _target_names(node.target)
            yield from _stored(node.body)
        elif isinstance(node, ir.Try):
            yield from _stored(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                if handler.name is not None:
                    yield handler.name
                yield from _stored(handler.body)
        elif isinstance(node, ir.Match):
            for case in node.cases:
                yield from _stored(case.body)


def _other_bindings(node: Any) -> set[str]:
    """(Deviation type-alias-in-a-class-body-is-read-as-a-global) the names that `node` binds in its block in the
    ways _stored leaves out: augmented assignment, del, match patterns, comprehension targets, type statements
    (nested functions' and classes' bodies apart)."""
    found: set[str] = set()
    if isinstance(node, tuple):
        for item in node:
            found |= _other_bindings(item)
        return found
    if isinstance(node, ir.AugAssign):
        found.update(_target_names(node.target))
    elif isinstance(node, ir.Delete):
        for target in node.targets:
            found.update(_target_names(target))
    elif isinstance(node, ir.ComprehensionFor):
        found.update(_target_names(node.target))
    elif isinstance(node, ir.TypeAlias):
        found.add(node.name)
    for attribute in ("name", "rest"):  # (match patterns: MatchAs, MatchStar, MatchMapping)
        value = getattr(node, attribute, None)
        if isinstance(value, str) and type(node).__name__.startswith("Match"):
            found.add(value)
    if isinstance(node, (ir.FunctionDef, ir.ClassDef, ir.Lambda)) or not dataclasses.is_dataclass(node):
        return found  # (a nested block's body binds in that block)
    for field_ in dataclasses.fields(node):
        found |= _other_bindings(getattr(node, field_.name))
    return found


def _walrus_targets(node: Any) -> Iterator[str]:
    """The targets of the assignment expressions in `node` that bind in its block (not in a nested function,
    lambda or class body; those of comprehensions do, PEP 572)."""
    if isinstance(node, tuple):
        for item in node:
            yield from _walrus_targets(item)
    elif isinstance(node, ir.NamedExpr):
        yield node.target
        yield from _walrus_targets(node.value)
    elif isinstance(node, ir.Lambda):
        yield from _walrus_targets(tuple(p.default for p in (*node.params.posonly, *node.params.positional,
                                                                *node.params.kwonly)))  # fmt: skip
    elif isinstance(node, ir.FunctionDef):
        params = (*node.params.posonly, *node.params.positional, *node.params.kwonly)
        yield from _walrus_targets((node.decorators, tuple(p.default for p in params)))
        yield from _walrus_targets(tuple(a.value for a in node.annotations))
    elif isinstance(node, ir.ClassDef):
        yield from _walrus_targets((node.decorators, node.bases, tuple(k.value for k in node.keywords)))
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for field_ in dataclasses.fields(node):
            yield from _walrus_targets(getattr(node, field_.name))


def _target_names(target: Any) -> Iterator[str]:
    if isinstance(target, str):
        yield target
    elif isinstance(target, ir.Name):
        yield target.id
    elif isinstance(target, (ir.TupleExpr, ir.ListExpr)):
        for elt in target.elts:
            yield from _target_names(elt)
    elif isinstance(target, ir.Starred):
        yield from _target_names(target.value)


def _until_undefined(items: Sequence[Any]) -> Sequence[Any]:
    """The items the runner's encoding iterates over: with deviation empty-cell-read-gives-undefined,
    an undefined item ends an iteration (JavaScript's undefined also marks an iterator's end)."""
    end = next((index for index, item in enumerate(items) if item is UNDEFINED), len(items))
    return items[:end]


def _items(value: tuple[Any, ...] | ListValue) -> Sequence[Any]:
    return value.items if isinstance(value, ListValue) else value


def _skulpt_has_free(block: Block) -> bool:
    """Evaluator.skulpt_has_free."""
    if block.kind == "module":
        return False
    group = list(_inline_group(block))
    bound = set().union(*(inner.bound for inner in group))
    # a free variable passing through a class body to a method counts only if the class body neither binds nor
    # declares global a name of its own so called (symtable.js, updateSymbols: a name the block has is skipped)
    if any(name != CLASS_CELL and name not in bound and name not in block.globals for name in block.freevars):
        return True
    parent = _skulpt_parent(block)
    if parent is None or not (parent.kind in ("function", "lambda") or _is_genexpr(parent)):
        return False
    scoped = set().union(*(inner.scope for inner in group))
    reads = {name for inner in group for name, kind in inner.scope.items() if kind is GLOBAL_IMPLICIT}
    node = block.node
    if isinstance(node, ir.Comprehension):
        first = node.clauses[0]
        code: Any = (node.elt, node.key, first.target, first.ifs, node.clauses[1:])
    elif isinstance(node, (ir.FunctionDef, ir.Lambda, ir.ClassDef)):
        code = node.body
    else:  # an annotation or type-parameter scope (3.12+), which Skulpt (3.7) does not have
        raise Unspecified("a scope of a kind Skulpt does not have, where it copies variables")
    reads.update(name for name in _names_read_by_code(code) if name not in scoped)
    reads.discard(CLASS_CELL)
    if any(CLASS_CELL in inner.direct_uses for inner in group):
        reads.add(CLASS_CELL)  # (Skulpt has no __class__ cell: its symbol table has `__class__` read as a global)
    return any(name not in bound and not _skulpt_declared_global(parent, name) for name in reads)


def _skulpt_frame(frame: Frame) -> Frame:
    """(Deviation nested-function-creation-copies-enclosing-variables) the frame of the block Skulpt compiles the
    code of `frame` in: list, set and dict comprehensions are part of the block around them."""
    while frame.block.kind == "comprehension" and not _is_genexpr(frame.block) and frame.outer is not None:
        frame = frame.outer
    return frame


def _skulpt_parent(block: Block) -> Block | None:
    """The block Skulpt compiles `block` in: list, set and dict comprehensions are part of the block around them."""
    parent = block.parent
    while parent is not None and parent.kind == "comprehension" and not _is_genexpr(parent):
        parent = parent.parent
    return parent


def _inline_group(block: Block) -> Iterator[Block]:
    """The block and the list, set and dict comprehensions in it, which Skulpt compiles as part of it."""
    yield block
    for child in block.children:
        if child.kind == "comprehension" and not _is_genexpr(child):
            yield from _inline_group(child)


def _skulpt_declared_global(block: Block | None, name: str) -> bool:
    """Whether Skulpt's symbol table passes `name` down to the blocks nested in `block` as a declared global:
    the nearest enclosing function (or the module) that declares it global or binds it decides; a class body's
    declarations are its own."""
    while block is not None:
        if block.kind != "class" and not (block.kind == "comprehension" and not _is_genexpr(block)):
            if name in block.globals:
                return True
            if any(name in inner.bound for inner in _inline_group(block)):
                return False
        block = block.parent
    return False


def _names_read_by_code(node: Any) -> Iterator[str]:
    """The global names that the emitted source of a block's code reads other than as a Name (generators/emit.py):
    builtins, the runner's probes, the exceptions raised and caught; nested blocks apart, but for what runs in
    the block (decorators, defaults, bases, a generator expression's first iterable; list, set and dict
    comprehensions whole)."""
    if isinstance(node, tuple):
        for item in node:
            yield from _names_read_by_code(item)
        return
    if isinstance(node, ir.Builtin):
        yield node.name
    elif isinstance(node, ir.Probe):
        yield "probe"
    elif isinstance(node, (ir.ProbeCall, ir.ProbeCallValue)):
        yield "probe_call"
    elif isinstance(node, ir.ProbeClosure):
        yield "probe_closure"
    elif isinstance(node, ir.Super):
        yield "super"
    elif isinstance(node, ir.LocalNames):
        yield from ("sorted", "locals")
    elif isinstance(node, ir.EvalName):
        yield "eval"
    elif isinstance(node, ir.Raise) and node.exception is not None:
        yield node.exception
    elif isinstance(node, ir.Handler):
        yield from node.types or ("Exception",)
    if isinstance(node, ir.FunctionDef):
        yield from _names_read_by_code((node.decorators, node.params, node.annotations))
    elif isinstance(node, ir.Lambda):
        yield from _names_read_by_code(node.params)
    elif isinstance(node, ir.ClassDef):
        yield from _names_read_by_code((node.decorators, node.bases, node.keywords))
    elif isinstance(node, ir.Comprehension) and node.kind == "gen":
        yield from _names_read_by_code(node.clauses[0].iter)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for item in dataclasses.fields(node):
            yield from _names_read_by_code(getattr(node, item.name))


def _is_genexpr(block: Block) -> bool:
    return isinstance(block.node, ir.Comprehension) and block.node.kind == "gen"


def _has_local_names(node: Any) -> bool:
    """Whether locals() is called in the code of a block (not in the blocks nested in it)."""
    if isinstance(node, tuple):
        return any(_has_local_names(item) for item in node)
    if isinstance(node, ir.LocalNames):
        return True
    if isinstance(node, ir.FunctionDef):
        return _has_local_names((node.decorators, node.params, node.annotations))
    if isinstance(node, (ir.ClassDef, ir.Lambda, ir.Comprehension, ir.TypeAlias)):
        return False  # (a nested block: its own frame; the block's own node is looked at through its body)
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return False
    return any(_has_local_names(getattr(node, field.name)) for field in dataclasses.fields(node))


def _has_starred_target(node: Any) -> bool:
    """Whether a starred assignment target (`a, *b = ...`, or in a for, with or comprehension target) is in
    the node, nested scopes included (for a deviation)."""
    if isinstance(node, tuple):
        return any(_has_starred_target(item) for item in node)
    if isinstance(node, ir.Starred):
        return False  # (an operand: *x in a call or a display)
    if isinstance(node, (ir.Assign, ir.For, ir.With, ir.ComprehensionFor)):
        targets = node.targets if isinstance(node, ir.Assign) else (node.target,)
        if any(_starred_in_target(target) for target in targets):
            return True
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return False
    return any(_has_starred_target(getattr(node, field.name)) for field in dataclasses.fields(node))


def _starred_in_target(target: ir.Expr | None) -> bool:
    if isinstance(target, (ir.TupleExpr, ir.ListExpr)):
        return any(isinstance(elt, ir.Starred) or _starred_in_target(elt) for elt in target.elts)
    return False


def _matched_without_its_items(pattern: ir.Pattern) -> bool:
    """(Deviation as-capture-of-an-empty-or-star-wildcard-sequence-pattern-is-not-bound) a sequence pattern of no
    items (which only an empty sequence matches), or of a star wildcard alone (`[*_]`)."""
    if not isinstance(pattern, ir.MatchSequence):
        return False
    items = pattern.patterns
    return not items or (len(items) == 1 and isinstance(items[0], ir.MatchStar) and items[0].name is None)


def _exits(node: ir.Try) -> tuple[list[ir.Stmt], bool]:
    """The return, break and continue statements that leave the try statement through its finally clause, in
    the order of the source (of the compiler's copies of the clause); and whether one is in a finally clause
    of a try statement inside it (which has copies of its own: not followed)."""
    found: list[ir.Stmt] = []
    unclear = False

    def walk(body: tuple[ir.Stmt, ...], in_loop: bool, in_finally: bool) -> None:
        nonlocal unclear
        for statement in body:
            if isinstance(statement, ir.Return) or (isinstance(statement, (ir.Break, ir.Continue)) and not in_loop):
                found.append(statement)
                unclear = unclear or in_finally
            elif isinstance(statement, (ir.For, ir.While)):
                walk(statement.body, True, in_finally)
                walk(statement.orelse, in_loop, in_finally)
            elif isinstance(statement, ir.Try):
                walk(statement.body, in_loop, in_finally)
                for handler in statement.handlers:
                    walk(handler.body, in_loop, in_finally)
                walk(statement.orelse, in_loop, in_finally)
                walk(statement.finalbody, in_loop, True)
            else:
                for block in ir.blocks_of(statement):
                    walk(block, in_loop, in_finally)

    walk(node.body, False, False)
    for handler in node.handlers:
        walk(handler.body, False, False)
    walk(node.orelse, False, False)
    return found, unclear


def _has_yield(statement: ir.Stmt) -> bool:
    if isinstance(statement, ir.Yield):
        return True
    return any(_has_yield(s) for block in ir.blocks_of(statement) for s in block)


def lambda_numbers(module: Any) -> dict[int, int]:
    """Deviation lambda-named-lambda: each lambda's number in the module (by id of its node), as Cython counts
    them (generator expressions among them), in the order its declaration analysis visits the tree: a lambda
    before what it holds; a def's decorators, defaults and annotations, then its body; a class's body, then
    its bases, keywords and decorators; a comprehension's loops (iterable, target, conditions) before its key
    and element; none in a loop over an empty list or tuple display, which Cython removes first."""
    numbers: dict[int, int] = {}

    def empty(node: Any) -> bool:
        return isinstance(node, (ir.ListExpr, ir.TupleExpr)) and not node.elts

    def visit(node: Any) -> None:
        if isinstance(node, tuple):
            for item in node:
                visit(item)
            return
        if not hasattr(node, "__dataclass_fields__"):
            return
        if isinstance(node, ir.Lambda):
            numbers.setdefault(id(node), len(numbers))
            visit((node.params, node.body))
        elif isinstance(node, ir.FunctionDef):
            visit((node.decorators, node.params, node.annotations, node.body))
        elif isinstance(node, ir.ClassDef):
            visit((node.body, node.bases, node.keywords, node.decorators))
        elif isinstance(node, ir.Comprehension):
            if node.kind == "gen":  # (Cython's generator expression is a kind of lambda: it takes a number too)
                numbers.setdefault(id(node), len(numbers))
            for clause in node.clauses:
                visit(clause.iter)
                if empty(clause.iter):
                    return  # a loop over nothing is removed before lambdas are numbered, with what it holds
                visit((clause.target, clause.ifs))
            visit((node.key, node.elt))
        elif isinstance(node, ir.For) and empty(node.iter):
            visit((node.target, node.iter, node.orelse))
        else:
            for name in node.__dataclass_fields__:
                visit(getattr(node, name))

    visit(module)
    return numbers


def predict(module: ir.Module, version: tuple[int, ...], deviations: frozenset[str] = frozenset(),
            consulted: set[str] | None = None, asked: dict[str, bool] | None = None) -> dict[str, Any]:  # fmt: skip
    """What running the program must report, in the runner's result format; with `deviations`
    (names in conformance/model/deviations.py), what an implementation with them reports.
    `consulted`, if given, receives the deviations whose rules the prediction reached: only
    those could have changed it (Evaluator.deviates); `asked` the rules of the version
    (conformance/model/versions.py) the prediction asked about, with the answers: only those
    could have made it differ for another version.

    Raises Unspecified when the Reference does not determine the outcome.
    """
    # Most programs have no private name: they are analysed as they are. The others are mangled
    # first (and so is one the analysis rejects: mangling may change what it refers to).
    switches = Switches(deviations)
    rules = Rules(version)
    try:
        return _predict(module, rules, switches)
    finally:
        if consulted is not None:
            consulted |= switches.consulted
        if asked is not None:
            asked.update(rules.asked)


def _leaking(module: ir.Module, mangled: Mangled, rules: Rules, switches: Switches) -> tuple[ir.Module, Mangled] | None:
    """Deviation generic-class-name-leaks-into-private-name-mangling (CPython 3.12 before 3.12.4): the
    program as the symbol table mangles it and as the compiler does, when either differs from the rule."""
    if not has_generic_class(module.body) or not rules.has("type-parameters"):
        return None
    try:
        symbols, code, names = mangle_leaking(module)
    except Unspecified:
        # a generic class with a private name (or compiled in copies): followed only under the deviation, as
        # CPython 3.12.1 does it (the class bound as the variables are mangled, stored under its own name)
        if not switches.deviates("generic-class-name-leaks-into-private-name-mangling"):
            raise
        symbols, code, names = mangle_leaking(module, private_generic=True)
    if symbols == mangled.module and code == mangled.module:
        return None
    if not switches.deviates("generic-class-name-leaks-into-private-name-mangling"):
        return None
    return symbols, Mangled(code, names)


def _last_class(module: ir.Module, switches: Switches) -> tuple[ir.Module, Mangled] | None:
    """Deviation private-names-mangled-by-the-last-class-in-the-symbol-table (Skulpt): the program as the symbol
    table mangles it and as the compiler does, when the two differ."""
    try:
        symbols, code, names, unfollowed = mangle_last_class(module)
    except Unspecified:  # (what the mangling of a generic definition may raise: asked about as the program differs)
        if not switches.deviates("private-names-mangled-by-the-last-class-in-the-symbol-table"):
            return None
        raise
    if symbols == code or not switches.deviates("private-names-mangled-by-the-last-class-in-the-symbol-table"):
        return None
    if unfollowed:
        raise Unspecified(unfollowed[0])
    return symbols, Mangled(code, names)


def _predict(module: ir.Module, rules: Rules, switches: Switches) -> dict[str, Any]:
    mangled = Mangled(module, {})
    last_class: tuple[ir.Module, Mangled] | None = None
    deferred = functools.partial(rules.has, "deferred-annotations")  # (asked where an annotation is met)
    try:
        analysis = analyze(module, deferred, switches)
        private = analysis.private
    except ScopeSyntaxError:
        private = True
    try:
        if private and switches.deviates("no-private-name-mangling"):
            analysis = analyze(module, deferred, switches)  # (again, for the error it raised)
        elif private:
            mangled = mangle(module)
            try:
                analysis = analyze(mangled.module, deferred, switches, mangled.names)
            except ScopeSyntaxError as rejected:
                # mangled otherwise, a program the rule rejects may compile (a nonlocal __p then finding the
                # enclosing function's __p mangled as well): the deviation is asked here too
                try:
                    leaks = _leaking(module, mangled, rules, switches) is not None
                except Unspecified:
                    if not switches.deviates("generic-class-name-leaks-into-private-name-mangling"):
                        raise rejected from None  # (what is predicted without the deviation)
                    raise
                # (a compiler's failure on a `del`, under the last class's mangling, is asked of the names as
                # Skulpt's compiler finds them in its symbol table: below)
                crash = isinstance(rejected, ScopeCompilerCrash)
                if not leaks and not (crash and _last_class(module, switches) is not None):
                    raise
            leaking = _leaking(module, mangled, rules, switches)
            if leaking is not None:
                symbols, mangled = leaking
                analysis = merge_leaking(
                    analyze(symbols, deferred, switches), analyze(mangled.module, deferred, switches)
                )
            last_class = _last_class(module, switches)
            if last_class is not None:
                symbols, mangled = last_class
                try:
                    table = analyze(symbols, deferred, switches, check_deleted=False)
                except ScopeSyntaxError:
                    raise Unspecified("a program Skulpt's symbol table, mangling otherwise, may reject") from None
                analysis = merge_leaking(table, analyze(mangled.module, deferred, switches, check_deleted=False))
                deleted_captured(analysis.deleted, switches)
    except ScopeSegfault as crash:  # (a deviation: compiling the program crashes the process)
        return {"fault": {"outcome": "crash", "signal": "SIGSEGV", "rule": str(crash)}}
    except ScopeSyntaxError as error:
        # The rule broken is kept for people; compile-time messages are not predicted.
        kind = "SystemError" if isinstance(error, ScopeSystemError) else "SyntaxError"  # (the former: a deviation)
        if isinstance(error, ScopeCompilerCrash):  # (a deviation: the compiler itself fails)
            kind = "JavaScriptError"
        return {"compile_error": {"type": kind, "module": "builtins", "mro": EXCEPTION_MRO[kind],
                                  "rule": str(error)}}  # fmt: skip
    analysis.private_globals_as_written = any(
        declared_private(block, name) is not None for block in analysis.module.walk() for name in block.globals
    ) and switches.deviates(GLOBAL_PRIVATE)
    failed = translation_failure(mangled.module, analysis, switches)  # (deviations: a translator's failures)
    if failed is not None:
        return failed
    evaluator = Evaluator(analysis, rules, mangled.names, switches)
    evaluator.unresolved_by_frame = last_class is not None
    frame = Frame(analysis.module, {}, {})
    evaluator.chain.append(frame)
    result: dict[str, Any] = {}
    try:
        evaluator.execute_block(frame, mangled.module.body)
    except Raised as raised:
        result["error"] = evaluator.encode_exception(raised.value)
    except UnfollowedRecursion as unfollowed:
        unfollowed.observations = list(evaluator.observations)
        raise
    except Crashes as crash:  # (a deviation's: the implementation has no result to give)
        return {"fault": {"outcome": "crash", "signal": crash.signal, "rule": crash.rule}}
    except RecursionError:  # the host's own stack, before CALL_DEPTH_LIMIT: nesting of another kind
        raise Unspecified("nesting deeper than the model follows") from None
    result["observations"] = evaluator.observations
    return result


# The IR classes are final (no subclasses), so a node's exact type picks its method.
STATEMENTS: dict[type[Any], Callable[[Evaluator, Frame, Any], None]] = {
    ir.Assign: Evaluator.exec_assign,
    ir.AnnAssign: Evaluator.exec_ann_assign,
    ir.AugAssign: Evaluator.exec_aug_assign,
    ir.Delete: Evaluator.exec_delete,
    ir.Nonlocal: Evaluator.exec_nothing,
    ir.Global: Evaluator.exec_nothing,
    ir.Pass: Evaluator.exec_nothing,
    ir.ExprStmt: Evaluator.exec_expr,
    ir.Return: Evaluator.exec_return,
    ir.Yield: Evaluator.exec_yield,
    ir.Break: Evaluator.exec_break,
    ir.Continue: Evaluator.exec_continue,
    ir.Raise: Evaluator.exec_raise,
    ir.If: Evaluator.exec_if,
    ir.Match: Evaluator.exec_match,
    ir.For: Evaluator.exec_for,
    ir.While: Evaluator.exec_while,
    ir.Try: Evaluator.exec_try,
    ir.With: Evaluator.exec_with,
    ir.Import: Evaluator.exec_import,
    ir.TypeAlias: Evaluator.exec_type_alias,
    ir.Assert: Evaluator.exec_assert,
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
    ir.BinOp: Evaluator.eval_binary,
    ir.Compare: Evaluator.eval_compare,
    ir.BoolOp: Evaluator.eval_bool,
    ir.Not: Evaluator.eval_not,
    ir.IfExp: Evaluator.eval_if,
    ir.Starred: Evaluator.eval_starred,
    ir.Call: Evaluator.eval_call,
    ir.Attribute: Evaluator.eval_attribute,
    ir.Subscript: Evaluator.eval_subscript,
    ir.TupleExpr: Evaluator.eval_tuple,
    ir.ListExpr: Evaluator.eval_list,
    ir.Lambda: Evaluator.eval_lambda,
    ir.Comprehension: Evaluator.comprehension,
    ir.ProbeCallValue: Evaluator.eval_probe_call,
    ir.NamedExpr: Evaluator.eval_named,
    ir.Await: Evaluator.eval_await,
    ir.Super: Evaluator.eval_super,
    ir.LocalNames: Evaluator.eval_local_names,
    ir.EvalName: Evaluator.eval_eval_name,
}
