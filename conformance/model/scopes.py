"""Scope analysis of a program IR, from the Language Reference §4.2 "Naming and binding".

Blocks are the module, each function body, each lambda, each class body and each
comprehension (§6.2.4: "executed in a separate implicitly nested scope"). For every
name a block mentions, this finds how it resolves:

    LOCAL            bound in a function-like block (and not captured by a nested one)
    CELL             a LOCAL that a nested block captures: it lives in a cell
    FREE             bound in an enclosing function-like block (§4.2.2), or declared
                     nonlocal (§7.13): it lives in a cell received through the closure
    GLOBAL_EXPLICIT  declared global in the block (§7.12)
    GLOBAL_IMPLICIT  not bound in any enclosing function scope: globals, then builtins
    CLASS_LOCAL      bound in a class body: class namespace, then globals and builtins
                     ("unbound local variables are looked up in the global namespace")
    MODULE           bound at module level

Class blocks do not extend to nested blocks ("The scope of names defined in a class
block is limited to the class block"), so lookups pass over them, with one exception:
`__class__`. A block nested in a class body that reads `__class__` or `super`
(Data model 3.3.3.6: "an implicit closure reference named __class__ if any methods in a
class body refer to either __class__ or super") gets `__class__` as a free variable, and
the nearest enclosing class body owns its cell; the class body itself does not see it.
A generic function's type parameters are bound in an annotation scope (§4.2.4, PEP 695)
between the enclosing block and the function, and a `type X = value` statement's value
is an annotation scope of its own: both are function-like, so closures reach through them. Annotations
of functions and of class bodies are evaluated in the enclosing block when the definition runs, or, from
3.14 (PEP 649, `deferred_annotations`), in an annotation scope of their own, `__annotate__`, when they
are read; annotations of a function's local variables are never evaluated. An assignment
expression in a comprehension binds in the nearest enclosing block that is not a
comprehension, honouring a nonlocal or global declaration there (PEP 572), and is a
SyntaxError where that block is a class body, where it would rebind an iteration
variable, or inside the iterable expression.

A program the Reference rejects raises ScopeSyntaxError; a program whose meaning the
Reference leaves open raises Unspecified.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from typing import Any

from conformance.model.deviations import Switches
from generators import ir

FUNCTION_LIKE = ("function", "lambda", "comprehension", "annotation")
CLASS_CELL = "__class__"  # the implicit closure reference of the functions in a class body


class Kind(Enum):
    LOCAL = "local"
    CELL = "cell"
    FREE = "free"
    GLOBAL_EXPLICIT = "global-explicit"
    GLOBAL_IMPLICIT = "global-implicit"
    CLASS_LOCAL = "class-local"
    MODULE = "module"
    # deviation generic-class-name-leaks-into-private-name-mangling: a name the code uses that the symbol
    # table does not know (the compiler looks it up by name in the namespace of the frame)
    UNRESOLVED = "unresolved"


# The kinds as plain globals too, for the code that tests them for every name: on CPython 3.11
# reading an Enum member as Kind.LOCAL is several times slower (the Enum metaclass has a __getattr__).
LOCAL = Kind.LOCAL
CELL = Kind.CELL
FREE = Kind.FREE
GLOBAL_EXPLICIT = Kind.GLOBAL_EXPLICIT
GLOBAL_IMPLICIT = Kind.GLOBAL_IMPLICIT
CLASS_LOCAL = Kind.CLASS_LOCAL
MODULE = Kind.MODULE
UNRESOLVED = Kind.UNRESOLVED


class ScopeSyntaxError(Exception):
    """The program breaks a compile-time rule of §4.2, §7.12, §7.13 or PEP 572."""


class ScopeSystemError(ScopeSyntaxError):
    """Under a deviation: the implementation's compiler fails on the program with an internal SystemError."""


class ScopeSegfault(ScopeSyntaxError):
    """Under a deviation: compiling the program crashes the implementation's process (SIGSEGV)."""


class ScopeCompilerCrash(ScopeSyntaxError):
    """Under a deviation: the implementation's compiler fails on a construct with an error of the language
    it is written in (Skulpt: a JavaScript Error), reported as JavaScriptError."""


class Unspecified(Exception):
    """The Reference does not say what this program means; the model does not guess."""


BlockNode = ir.Module | ir.FunctionDef | ir.Lambda | ir.ClassDef | ir.Comprehension | ir.TypeAlias


class Block:
    """One block of the program, and what the analysis finds about the names it mentions."""

    def __init__(
        self, kind: str, node: BlockNode, parent: Block | None, name: str = "", params: tuple[str, ...] = ()
    ) -> None:
        self.kind = kind  # "module", "function", "lambda", "class", "comprehension" or "annotation"
        self.node = node
        self.parent = parent
        self.name = name
        self.params = params
        self.function_like = kind in FUNCTION_LIKE
        self.generator = False  # a function whose own body has a yield statement
        self.returns_value = False  # a function whose own body has a `return value` statement
        self.children: list[Block] = []
        self.bound: set[str] = set()
        self.used: set[str] = set()
        self.globals: set[str] = set()
        self.nonlocals: set[str] = set()
        self.iteration_vars: set[str] = set()  # comprehension targets
        self.scope: dict[str, Kind] = {}
        self.cellvars: set[str] = set()
        self.freevars: set[str] = set()
        # for deviations (conformance/model/deviations.py): the names a comprehension inlined here (PEP 709, as
        # CPython 3.12 implements it) makes hidden locals of this block, each with the child it comes from
        self.hidden: dict[str, Block] = {}
        self.hidden_by: dict[str, str] = {}  # a FREE name resolved to such a hidden local -> by which deviation
        # for a deviation: a class body's nonlocal name that PyPy numbers as its __class__ cell (_class_closures)
        self.class_cell_alias: str | None = None
        # for deviation class-comprehension-cell-hides-enclosing-variable: a class body's names that CPython's
        # symbol table makes cells of the class through the comprehensions inlined in it (_find_class_cells)
        self.class_cells: set[str] = set()
        # for deviation comprehension-runs-inline-restoring-targets-bound-before: the names of a function's or class
        # body's list, set and dict comprehension targets (inline_comprehension), and those of them the block does
        # not bind otherwise: Brython binds them in the block's namespace only (namespace_targets, made in analyze)
        self.inline_targets: set[str] = set()
        self.namespace_targets: set[str] = set()
        self.direct_uses: set[str] = set()  # the names its own code reads outside those comprehensions
        # the names those comprehensions read (not of functions nested in them) where the first of them that
        # mentions the name does not bind it (see comprehension_variable), and the names they mention
        self.comprehension_first_reads: set[str] = set()
        self.comprehension_mentions: set[str] = set()
        self.deleted: set[str] = set()  # the plain names its own `del` statements delete

    def __repr__(self) -> str:
        return "<Block %s %r>" % (self.kind, self.name)

    def container(self) -> Block:
        """The nearest block that is not a comprehension: where := binds (PEP 572)."""
        block = self
        while block.kind == "comprehension":
            assert block.parent is not None
            block = block.parent
        return block

    def walk(self) -> Iterator[Block]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Analysis:
    """The blocks of a program, found by the IR node that opens each one."""

    module: Block
    blocks: dict[int, Block]
    private: bool = False  # a private name (__x) appears: mangling (mangle.py) may change the program
    annotation_scopes: dict[int, Block] = field(default_factory=dict)  # of generic defs and type aliases
    annotate_scopes: dict[int, Block] = field(default_factory=dict)  # of annotated defs and classes (3.14)
    deleted: list[tuple[Block, str]] = field(default_factory=list)  # each `del name` and its block
    # deviation global-declaration-of-a-private-name-is-not-mangled, for the walks that follow Brython's translator
    # (translation.py): set where the program has such a declaration and the deviation is asked for
    private_globals_as_written: bool = False

    def block_of(self, node: BlockNode) -> Block:
        return self.blocks[id(node)]

    def annotation_scope_of(self, node: ir.FunctionDef | ir.ClassDef | ir.TypeAlias) -> Block:
        """The annotation scope of a generic function's or class's type parameters, or of a type alias's value."""
        return self.annotation_scopes[id(node)]

    def annotate_scope_of(self, node: ir.FunctionDef | ir.ClassDef) -> Block:
        """The `__annotate__` scope of a function's or class body's deferred annotations (PEP 649)."""
        return self.annotate_scopes[id(node)]


def analyze(
    module: ir.Module,
    deferred_annotations: bool | Callable[[], bool] = False,
    switches: Switches | None = None,
    unmangled: dict[int, str] | None = None,
    check_deleted: bool = True,
) -> Analysis:
    """The blocks of the program and the kind of every name in each; `deferred_annotations` (3.14)
    puts annotations in annotation scopes of their own (a function: asked where an annotation is met, so
    that a prediction depends on the rule only where the program has one); `switches`, the deviations the analysis
    departs by (conformance/model/deviations.py); `unmangled`, for a deviation, the private names
    as written of the assignment expressions whose targets were mangled (id() of the node -> name);
    `check_deleted` False, for the code of a program whose symbol table is analysed apart (merge_leaking): its
    `del` statements are checked against the table's kinds afterwards (deleted_captured)."""
    switches = switches or Switches()
    builder = _Builder(deferred_annotations, switches, unmangled or {})
    top = builder.register(Block("module", module, None, name="<module>"))
    builder.statements(top, module.body)
    for block in builder.order:
        declared = block.inline_targets & (block.globals | block.nonlocals)
        block.namespace_targets = block.inline_targets - block.bound - declared
        block.bound |= declared
    for block in builder.order:  # parents first
        _resolve(block, switches)
    _compiler_crashes(module, builder, switches, check_deleted)
    if _hide_comprehension_variables(builder.order):
        _find_class_cells(builder.order)  # (from the free variables found so far)
        # resolved again, the deviations about those hidden locals asked where a name passes one
        for block in builder.order:
            block.scope.clear()
            block.cellvars.clear()
            block.freevars.clear()
        for block in builder.order:
            _resolve(block, switches)
    _class_closures(builder, switches)
    names = {name for block in builder.order for name in (*block.bound, *block.used, *block.globals, *block.nonlocals)}
    private = any(_is_private(name) for name in names | builder.attributes)
    return Analysis(top, builder.blocks, private, builder.annotation_scopes, builder.annotate_scopes, builder.deleted)


def merge_leaking(symbols: Analysis, code: Analysis) -> Analysis:
    """Deviation generic-class-name-leaks-into-private-name-mangling: the analysis of the code as the
    compiler mangled it (`code`), each block with the kinds, cells and free variables of the symbol
    table's (`symbols`, the same blocks mangled otherwise); a name only the code has is UNRESOLVED."""
    pairs = list(zip(symbols.module.walk(), code.module.walk(), strict=True))
    for table, block in pairs:
        assert table.kind == block.kind
        names = set(block.scope)
        block.scope = dict(table.scope)
        for name in names - table.scope.keys():
            block.scope[name] = UNRESOLVED
        block.cellvars, block.freevars = set(table.cellvars), set(table.freevars)
    return code


def declared_private(block: Block, name: str) -> str | None:
    """The private name as written that the block declares global, mangled as `name` by the class around it (or
    whose body it is); None for any other name."""
    if name not in block.globals:
        return None
    around: Block | None = block
    while around is not None and around.kind != "class":
        around = around.parent
    if around is None or around.name.startswith("__"):
        return None
    prefix = "_" + around.name.lstrip("_")
    if not name.startswith(prefix + "__") or name.endswith("__"):
        return None
    return name[len(prefix) :]


def translator_globals(analysis: Analysis, block: Block) -> set[str]:
    """The names the block's global statements declare, as Brython's translator finds them: under deviation
    global-declaration-of-a-private-name-is-not-mangled (Analysis.private_globals_as_written), not the private
    names a class mangled."""
    if not analysis.private_globals_as_written:
        return block.globals
    return {name for name in block.globals if declared_private(block, name) is None}


def _is_private(identifier: str) -> bool:
    return identifier.startswith("__") and not identifier.endswith("__")


# -- building blocks: who binds, uses and declares what ------------------------------


class _Builder:
    @property
    def deferred_annotations(self) -> bool:
        return self._deferred() if callable(self._deferred) else self._deferred

    def __init__(self, deferred_annotations: bool | Callable[[], bool], switches: Switches,
                 unmangled: dict[int, str]) -> None:  # fmt: skip
        self._deferred = deferred_annotations
        self.unmangled = unmangled
        self.deviates = switches.deviates
        self.blocks: dict[int, Block] = {}
        self.annotation_scopes: dict[int, Block] = {}
        self.annotate_scopes: dict[int, Block] = {}
        self.order: list[Block] = []  # every block, parents before children (as Block.walk)
        self.attributes: set[str] = set()  # attribute names read or assigned
        # for the deviations whose compiler fails on a construct (_compiler_crashes):
        self.deleted: list[tuple[Block, str]] = []  # each `del name` (a plain name, not in a tuple), and its block
        self.with_targets = False  # a `with ... as T` whose T is not a plain name
        self.unanalysed_kinds: set[str] = set()  # the deviations of the expressions below met
        self.inlining: set[Block] = set()  # the blocks whose inline comprehension (inline_comprehension) is analysed
        # the iteration variables met so far of each inline comprehension being analysed in a block (by id),
        # outermost first: an assignment expression in one may not rebind them (named_target)
        self.inline_iteration_vars: dict[int, list[set[str]]] = {}
        # the names read and those bound by the outermost inline comprehension being analysed in a block (by id)
        self.inline_mentions: dict[int, tuple[set[str], set[str]]] = {}
        # In the second pass (skip_unanalysed), the expressions some implementations' symbol table never
        # visits are recorded, not visited, with their block; and the names every visited expression and
        # statement mentions that the blocks' sets leave out (builtins, the probes) are kept in `mentions`.
        self.skip_unanalysed = False
        self.unanalysed: list[tuple[Block, ir.Expr, str]] = []
        self.mentions: dict[int, set[str]] = {}

    def register(self, block: Block, annotate: bool = False) -> Block:
        if annotate:
            self.annotate_scopes[id(block.node)] = block
        elif block.kind == "annotation":
            self.annotation_scopes[id(block.node)] = block
        else:
            self.blocks[id(block.node)] = block
        self.order.append(block)
        if block.parent is not None:
            block.parent.children.append(block)
        return block

    def declare(self, block: Block, names: tuple[str, ...], kind: str) -> None:
        for name in names:
            if block.kind == "module" and kind == "nonlocal":
                raise ScopeSyntaxError("nonlocal declaration not allowed at module level")
            if name in block.params:
                raise ScopeSyntaxError("name %r is parameter and %s" % (name, kind))
            other = block.nonlocals if kind == "global" else block.globals
            if name in other:
                raise ScopeSyntaxError("name %r is nonlocal and global" % name)
            if name in block.bound or name in block.used:  # earlier in the block
                raise ScopeSyntaxError("name %r is used or assigned before %s declaration" % (name, kind))
            (block.globals if kind == "global" else block.nonlocals).add(name)

    def function(
        self, parent: Block, node: ir.FunctionDef | ir.Lambda, kind: str, name: str, in_iterable: bool = False
    ) -> None:
        """The default values in the enclosing block, then the function in a block of its own."""
        params = node.params
        for param in params.positional_params():  # the order defaults are evaluated in
            if param.default is not None:
                self.expr(parent, param.default, in_iterable)
        for param in params.kwonly:
            if param.default is not None:
                self.unanalysed_expr(parent, param.default, in_iterable, "keyword-only-default-fails-to-compile")
        names = params.names()
        if len(set(names)) != len(names):
            raise ScopeSyntaxError("duplicate argument in function definition")
        if isinstance(node, ir.FunctionDef) and node.type_params:
            # §4.2.4 (PEP 695): the type parameters live in an annotation scope between the enclosing
            # block and the function (defaults and decorators stay outside it)
            if len(set(node.type_params)) != len(node.type_params):
                raise ScopeSyntaxError("duplicate type parameter")
            parent = self.register(Block("annotation", node, parent, name="<generic parameters of %s>" % name))
            parent.bound.update(node.type_params)
        if isinstance(node, ir.FunctionDef) and node.annotations:
            self.function_annotations(parent, node, in_iterable)
        child = self.register(Block(kind, node, parent, name=name, params=names))
        child.bound.update(names)
        if isinstance(node, ir.FunctionDef):
            self.statements(child, node.body)
            if child.generator:
                self.python2_generator(child, node.params)
        else:
            self.expr(child, node.body)

    def python2_generator(self, block: Block, params: ir.Params) -> None:
        """Deviations: generator functions held to Python 2's rules, rejected when compiled."""
        if block.returns_value and self.deviates("generator-return-value-is-syntax-error"):
            raise ScopeSyntaxError("'return' with argument inside generator")
        if (params.vararg is not None or params.kwarg is not None) and self.deviates(
            "generator-star-parameters-are-syntax-error"
        ):
            raise ScopeSyntaxError("*args or **kwargs in a generator function")

    def function_annotations(self, parent: Block, node: ir.FunctionDef, in_iterable: bool) -> None:
        """§8.7: the annotations after the defaults, in the enclosing block (in the type parameters'
        scope of a generic function); from 3.14 in an `__annotate__` scope nested there (PEP 649)."""
        named = {annotation.name for annotation in node.annotations}
        if named & {p.name for p in node.params.posonly} and named & {p.name for p in node.params.positional}:
            raise Unspecified(
                "the order in which positional-only and other parameters' annotations are evaluated"
                " (CPython: the others first; PyPy: as written)"
            )
        scope = parent
        if self.deferred_annotations:
            scope = self.register(Block("annotation", node, parent, name="__annotate__"), annotate=True)
        for annotation in node.annotations:
            self.expr(scope, annotation.value, in_iterable)

    def class_annotate_scope(self, block: Block) -> Block:
        """The `__annotate__` scope of a class body's annotations (3.14), made at the first one."""
        assert isinstance(block.node, ir.ClassDef)
        scope = self.annotate_scopes.get(id(block.node))
        if scope is None:
            scope = self.register(Block("annotation", block.node, block, name="__annotate__"), annotate=True)
        return scope

    # -- statements: one method per kind of statement, chosen by STATEMENTS ----

    def statements(self, block: Block, body: tuple[ir.Stmt, ...]) -> None:
        for node in body:
            visit = STATEMENTS.get(type(node))
            if visit is None:
                raise TypeError("not a statement: %r" % (node,))
            if self.skip_unanalysed and type(node) in _PROBE_FUNCTIONS:
                self.mentions.setdefault(id(block), set()).add(_PROBE_FUNCTIONS[type(node)])
            visit(self, block, node)

    def unanalysed_expr(self, block: Block, node: ir.Expr, in_iterable: bool, deviation: str) -> None:
        """An expression that the symbol table of the implementations with `deviation` never visits: in
        the second pass, recorded for _compiler_crashes instead."""
        self.unanalysed_kinds.add(deviation)
        if self.skip_unanalysed:
            self.unanalysed.append((block, node, deviation))
        else:
            self.expr(block, node, in_iterable)

    def target(self, block: Block, node: ir.Expr, binds: bool = True) -> None:
        """§7.2: a name in a target is bound (unless not `binds`: only what the target reads); an attribute's or
        subscript's operand is read."""
        if isinstance(node, ir.Name):
            if binds:
                block.bound.add(node.id)
        elif isinstance(node, (ir.TupleExpr, ir.ListExpr)):
            for elt in node.elts:
                self.target(block, elt, binds)
        elif isinstance(node, ir.Starred):
            self.target(block, node.value, binds)
        elif isinstance(node, (ir.Attribute, ir.Subscript)):
            self.expr(block, node.value)
        else:
            raise TypeError("not an assignment target: %r" % (node,))

    def assign(self, block: Block, node: ir.Assign) -> None:
        self.expr(block, node.value)
        for target in node.targets:
            self.target(block, target)

    def ann_assign(self, block: Block, node: ir.AnnAssign) -> None:
        """§7.2.2: the value, then the target (bound even without a value, as an assignment's); the
        annotation in a class body or module (from 3.14 in the class's `__annotate__` scope), never in a
        function. A name declared global or nonlocal in the block may not be annotated."""
        if node.value is not None:
            self.expr(block, node.value)
        if node.target in block.globals or node.target in block.nonlocals:
            raise ScopeSyntaxError("annotated name %r can't be global or nonlocal" % node.target)
        if block.function_like:
            if not isinstance(node.annotation, (ir.Const, ir.Builtin)):
                raise Unspecified(
                    "whether the names in a local variable's annotation, never evaluated, count as uses"
                    " (CPython before 3.14 makes them free variables; 3.14 does not)"
                )
        elif self.deferred_annotations:
            if block.kind == "class":
                self.expr(self.class_annotate_scope(block), node.annotation)
        else:
            self.expr(block, node.annotation)
        if (
            node.value is None
            and block.kind == "function"
            and node.target in block.used
            and node.target not in block.bound
            and self.deviates("bare-annotation-of-a-name-read-before-binds-nothing")
        ):
            return  # (the name keeps the scope its earlier reads gave it: free or global)
        block.bound.add(node.target)

    def aug_assign(self, block: Block, node: ir.AugAssign) -> None:
        if isinstance(node.target, ir.Name):
            block.used.add(node.target.id)
        self.target(block, node.target)
        self.expr(block, node.value)

    def delete(self, block: Block, node: ir.Delete) -> None:
        for target in node.targets:  # §4.2.1: a del target is bound for this purpose
            self.target(block, target)
            if isinstance(target, ir.Name):
                self.deleted.append((block, target.id))
                block.deleted.add(target.id)

    def nonlocal_(self, block: Block, node: ir.Nonlocal) -> None:
        self.declare(block, node.names, "nonlocal")

    def global_(self, block: Block, node: ir.Global) -> None:
        self.declare(block, node.names, "global")

    def value_statement(self, block: Block, node: ir.ExprStmt | ir.Probe | ir.ProbeClosure | ir.Assert) -> None:
        self.expr(block, node.test if isinstance(node, ir.Assert) else node.value)

    def nothing(self, block: Block, node: ir.Pass | ir.Break | ir.Continue) -> None:
        pass

    def raise_(self, block: Block, node: ir.Raise) -> None:
        if node.value is not None:
            self.expr(block, node.value)

    def return_(self, block: Block, node: ir.Return) -> None:
        if not block.function_like:
            raise ScopeSyntaxError("'return' outside function")
        if node.value is not None:
            block.returns_value = True
            self.expr(block, node.value)

    def yield_(self, block: Block, node: ir.Yield) -> None:
        if not block.function_like:
            raise ScopeSyntaxError("'yield' outside function")
        block.generator = True
        self.expr(block, node.value)
        if node.target is not None:
            self.target(block, node.target)

    def match(self, block: Block, node: ir.Match) -> None:
        """§8.6: the subject, then for each case its pattern's names (bindings), its class names and guard."""
        self.expr(block, node.subject)
        for case in node.cases:
            self.pattern(block, case.pattern)
            if case.guard is not None:
                self.expr(block, case.guard)
            self.statements(block, case.body)

    def pattern(self, block: Block, pattern: ir.Pattern) -> None:
        names = ir.pattern_names(pattern)
        if len(set(names)) != len(names):
            raise ScopeSyntaxError("multiple assignments to a name in a pattern")
        block.bound.update(names)
        for cls in _pattern_classes(pattern):
            self.expr(block, cls)

    def if_(self, block: Block, node: ir.If | ir.While) -> None:
        self.expr(block, node.test)
        self.statements(block, node.body)
        self.statements(block, node.orelse)

    def for_(self, block: Block, node: ir.For) -> None:
        self.expr(block, node.iter)
        self.target(block, node.target)
        self.statements(block, node.body)
        self.statements(block, node.orelse)

    def try_(self, block: Block, node: ir.Try) -> None:
        self.statements(block, node.body)
        for handler in node.handlers:
            if handler.name is not None:
                block.bound.add(handler.name)
            self.statements(block, handler.body)
        self.statements(block, node.orelse)
        self.statements(block, node.finalbody)

    def with_(self, block: Block, node: ir.With) -> None:
        self.expr(block, node.context)
        if node.target is not None:
            self.target(block, node.target)
            self.with_targets |= not isinstance(node.target, ir.Name)
        self.statements(block, node.body)

    def type_alias(self, block: Block, node: ir.TypeAlias) -> None:
        """§7.14 "The type statement": binds the name; the value in an annotation scope of its own."""
        scope = self.register(Block("annotation", node, block, name=node.name))
        self.expr(scope, node.value)
        block.bound.add(node.name)

    def import_(self, block: Block, node: ir.Import) -> None:
        block.bound.add(node.asname)

    def function_def(self, block: Block, node: ir.FunctionDef) -> None:
        for decorator in node.decorators:
            self.expr(block, decorator)
        self.function(block, node, "function", node.name)
        block.bound.add(node.name)

    def class_def(self, block: Block, node: ir.ClassDef) -> None:
        # §8.8: decorators, then the class arguments, in the enclosing scope; for a generic class
        # (§4.2.4, PEP 695) the arguments and the body in an annotation scope binding the type parameters
        for expr in node.decorators:
            self.expr(block, expr)
        parent = block
        if node.type_params:
            if len(set(node.type_params)) != len(node.type_params):
                raise ScopeSyntaxError("duplicate type parameter")
            parent = self.register(Block("annotation", node, block, name="<generic parameters of %s>" % node.name))
            parent.bound.update(node.type_params)
        for expr in (*node.bases, *(keyword.value for keyword in node.keywords)):
            self.expr(parent, expr)
        child = self.register(Block("class", node, parent, name=node.name))
        self.statements(child, node.body)
        block.bound.add(node.name)

    def probe_call(self, block: Block, node: ir.ProbeCall) -> None:
        self.expr(block, node.func)
        for arg in node.args:
            self.expr(block, arg)

    # -- expressions: one method per kind of expression, chosen by EXPRESSIONS --

    def expr(self, block: Block, node: ir.Expr, in_iterable: bool = False) -> None:
        visit = EXPRESSIONS.get(type(node))
        if visit is None:
            raise TypeError("not an expression: %r" % (node,))
        if self.skip_unanalysed:
            self.mentions.setdefault(id(block), set()).update(_implicit_names(node))
        visit(self, block, node, in_iterable)

    def constant(self, block: Block, node: ir.Const | ir.Builtin | ir.LocalNames, in_iterable: bool) -> None:
        pass

    def name(self, block: Block, node: ir.Name, in_iterable: bool) -> None:
        block.used.add(node.id)
        if block not in self.inlining:
            block.direct_uses.add(node.id)
        else:
            self.inline_mentions[id(block)][0].add(node.id)
        if node.id == "super" and block.function_like:
            block.used.add(CLASS_CELL)

    def super_(self, block: Block, node: ir.Super, in_iterable: bool) -> None:
        self.attributes.add(node.attr)
        if (
            block.kind == "function"
            and not block.params
            and self.deviates("zero-argument-super-object-found-when-compiled")
        ):
            raise ScopeSyntaxError("super() can't find self")
        block.used.add("super")
        if block.function_like:
            block.used.add(CLASS_CELL)

    def operands(self, block: Block, node: ir.BinOp | ir.Compare, in_iterable: bool) -> None:
        self.expr(block, node.left, in_iterable)
        self.expr(block, node.right, in_iterable)

    def values(self, block: Block, node: ir.BoolOp | ir.IfExp, in_iterable: bool) -> None:
        values = node.values if isinstance(node, ir.BoolOp) else (node.test, node.body, node.orelse)
        for value in values:
            self.expr(block, value, in_iterable)

    def call(self, block: Block, node: ir.Call | ir.ProbeCallValue, in_iterable: bool) -> None:
        self.expr(block, node.func, in_iterable)
        for arg in node.args:
            self.expr(block, arg, in_iterable)
        for keyword in node.keywords if isinstance(node, ir.Call) else ():
            self.expr(block, keyword.value, in_iterable)

    def operand(
        self, block: Block, node: ir.Attribute | ir.Subscript | ir.Starred | ir.Not | ir.Await, in_iterable: bool
    ) -> None:
        if isinstance(node, ir.Attribute):
            self.attributes.add(node.attr)
        self.expr(block, node.value, in_iterable)

    def elements(self, block: Block, node: ir.TupleExpr | ir.ListExpr, in_iterable: bool) -> None:
        for elt in node.elts:
            self.expr(block, elt, in_iterable)

    def lambda_(self, block: Block, node: ir.Lambda, in_iterable: bool) -> None:
        self.function(block, node, "lambda", "<lambda>", in_iterable)

    def comprehension(self, block: Block, node: ir.Comprehension, in_iterable: bool) -> None:
        # §6.2.4: the iterable of the first `for` is evaluated in the enclosing scope; the rest of
        # the comprehension in its own. PEP 572: no := in any of its iterables.
        first, *_rest = node.clauses
        self.expr(block, first.iter, in_iterable=True)
        if node.kind != "gen" and (
            self.deviates("comprehension-runs-in-the-enclosing-block")
            or self.deviates("comprehension-runs-inline-restoring-targets-bound-before")
        ):
            self.inline_comprehension(block, node, in_iterable)
            return
        child = self.register(Block("comprehension", node, block, name="<%scomp>" % node.kind))
        for index, clause in enumerate(node.clauses):
            if index:
                self.expr(child, clause.iter, in_iterable=True)
            self.target(child, clause.target)
            child.iteration_vars.update(ir.target_names(clause.target))
            for test in clause.ifs:
                self.expr(child, test, in_iterable)
        self.comprehension_element(child, node, in_iterable)

    def inline_comprehension(self, block: Block, node: ir.Comprehension, in_iterable: bool) -> None:
        """Deviation: a list, set or dict comprehension as Python 2's list comprehension, with no block
        of its own: its targets are bound, and all its expressions read, in the enclosing block. (Deviation
        comprehension-runs-inline-restoring-targets-bound-before, in a function or class body: a target that the
        block binds nowhere else is only put in its namespace, and the comprehension's own reads of it are not
        the block's uses of the name: see analyze.)"""
        restoring = "comprehension-runs-inline-restoring-targets-bound-before"
        in_namespace = block.kind != "module" and self.deviates(restoring)
        used = set(block.used)
        targets: set[str] = set()
        inlining = block in self.inlining
        self.inlining.add(block)
        if not inlining:
            self.inline_mentions[id(block)] = (set(), set())
        reads, bound = self.inline_mentions[id(block)]
        iteration_vars: set[str] = set()
        self.inline_iteration_vars.setdefault(id(block), []).append(iteration_vars)
        for index, clause in enumerate(node.clauses):
            if index:
                self.expr(block, clause.iter, in_iterable=True)
            bound.update(ir.target_names(clause.target))
            if in_namespace:
                targets.update(ir.target_names(clause.target))
                self.target(block, clause.target, binds=False)
            else:
                self.target(block, clause.target)
            iteration_vars.update(ir.target_names(clause.target))
            for test in clause.ifs:
                self.expr(block, test, in_iterable)
        self.comprehension_element(block, node, in_iterable)
        self.inline_iteration_vars[id(block)].pop()
        if not inlining:
            self.inlining.discard(block)
            del self.inline_mentions[id(block)]
            block.comprehension_first_reads |= reads - bound - block.comprehension_mentions
            block.comprehension_mentions |= reads | bound
        block.inline_targets |= targets
        block.used = used | (block.used - targets)

    def comprehension_element(self, block: Block, node: ir.Comprehension, in_iterable: bool) -> None:
        """The key and the element, in the block the comprehension's clauses run in."""
        for value in (node.key, node.elt):
            if value is None:
                pass
            elif node.kind in ("set", "dict"):
                self.unanalysed_expr(block, value, in_iterable, "set-or-dict-comprehension-element-fails-to-compile")
            else:
                self.expr(block, value, in_iterable)

    def named_expr(self, block: Block, node: ir.NamedExpr, in_iterable: bool) -> None:
        if in_iterable and not self.deviates("assignment-expression-in-comprehension-iterable"):
            raise ScopeSyntaxError("assignment expression cannot be used in a comprehension iterable expression")
        self.expr(block, node.value, in_iterable)
        self.named_target(block, node.target, id(node) in self.unmangled)

    def named_target(self, block: Block, target: str, mangled: bool = False) -> None:
        """PEP 572: in a comprehension, := binds in the containing block. (`mangled`: the target is a
        private name, mangled.)"""
        if block.kind != "comprehension":
            inline = self.inline_iteration_vars.get(id(block))
            if inline:  # (in a comprehension analysed inline: PEP 572's rules hold there all the same)
                if any(target in names for names in inline):
                    raise ScopeSyntaxError(
                        "assignment expression cannot rebind comprehension iteration variable %r" % target
                    )
                if block.kind == "class":
                    raise ScopeSyntaxError(
                        "assignment expression within a comprehension cannot be used in a class body"
                    )
            block.bound.add(target)
            return
        unmangled = mangled and self.deviates("assignment-expression-looks-up-private-target-unmangled")
        comprehension: Block | None = block
        while comprehension is not None and comprehension.kind == "comprehension":
            if unmangled and target in comprehension.iteration_vars and comprehension is not block:
                # (the target would be the nonlocal of the innermost comprehension, resolved to the outer
                # one's iteration variable: not followed)
                raise Unspecified("a private := target rebinding an outer comprehension's iteration variable")
            if target in comprehension.iteration_vars and not unmangled:
                container = block.container()
                if (
                    comprehension is block
                    and isinstance(container.node, ir.FunctionDef)
                    and _declares_global(container.node.body, target)
                    and self.deviates("assignment-expression-rebinds-iteration-variable-of-a-global")
                ):
                    return  # it binds the comprehension's own iteration variable
                raise ScopeSyntaxError(
                    "assignment expression cannot rebind comprehension iteration variable %r" % target
                )
            comprehension = comprehension.parent
        container = block.container()
        if container.kind == "class":
            raise ScopeSyntaxError("assignment expression within a comprehension cannot be used in a class body")
        declared_global = container.kind == "module" or target in container.globals
        if declared_global and unmangled:
            # the containing function's `global` is not found under the name as written, so the target is
            # made the comprehension's nonlocal: nothing binds it, the function's name being global
            raise ScopeSyntaxError("no binding for nonlocal %r found" % target)
        inner: Block | None = block
        while inner is not None and inner.kind == "comprehension":
            (inner.globals if declared_global else inner.nonlocals).add(target)
            inner = inner.parent
        container.bound.add(target)


def _declares_global(statements: tuple[ir.Stmt, ...], name: str) -> bool:
    """Whether a block's statements (compound statements' too, not nested functions' or classes') say `global name`."""
    return any(
        (isinstance(statement, ir.Global) and name in statement.names)
        or any(_declares_global(nested, name) for nested in ir.blocks_of(statement))
        for statement in statements
    )


# The IR classes are final (no subclasses), so a node's exact type picks its method.
STATEMENTS: dict[type[Any], Callable[[_Builder, Block, Any], None]] = {
    ir.Assign: _Builder.assign,
    ir.AnnAssign: _Builder.ann_assign,
    ir.AugAssign: _Builder.aug_assign,
    ir.Delete: _Builder.delete,
    ir.Nonlocal: _Builder.nonlocal_,
    ir.Global: _Builder.global_,
    ir.ExprStmt: _Builder.value_statement,
    ir.Pass: _Builder.nothing,
    ir.Return: _Builder.return_,
    ir.Yield: _Builder.yield_,
    ir.If: _Builder.if_,
    ir.Match: _Builder.match,
    ir.For: _Builder.for_,
    ir.While: _Builder.if_,
    ir.Break: _Builder.nothing,
    ir.Continue: _Builder.nothing,
    ir.Raise: _Builder.raise_,
    ir.Try: _Builder.try_,
    ir.With: _Builder.with_,
    ir.Import: _Builder.import_,
    ir.TypeAlias: _Builder.type_alias,
    ir.Assert: _Builder.value_statement,
    ir.FunctionDef: _Builder.function_def,
    ir.ClassDef: _Builder.class_def,
    ir.Probe: _Builder.value_statement,
    ir.ProbeCall: _Builder.probe_call,
    ir.ProbeClosure: _Builder.value_statement,
}

EXPRESSIONS: dict[type[Any], Callable[[_Builder, Block, Any, bool], None]] = {
    ir.Const: _Builder.constant,
    ir.Builtin: _Builder.constant,
    ir.Name: _Builder.name,
    ir.BinOp: _Builder.operands,
    ir.Compare: _Builder.operands,
    ir.BoolOp: _Builder.values,
    ir.IfExp: _Builder.values,
    ir.Not: _Builder.operand,
    ir.Starred: _Builder.operand,
    ir.Call: _Builder.call,
    ir.ProbeCallValue: _Builder.call,
    ir.Attribute: _Builder.operand,
    ir.Subscript: _Builder.operand,
    ir.TupleExpr: _Builder.elements,
    ir.ListExpr: _Builder.elements,
    ir.Lambda: _Builder.lambda_,
    ir.Comprehension: _Builder.comprehension,
    ir.NamedExpr: _Builder.named_expr,
    ir.Await: _Builder.operand,
    ir.Super: _Builder.super_,
    ir.LocalNames: _Builder.constant,
    ir.EvalName: _Builder.constant,
}


def _pattern_classes(pattern: ir.Pattern) -> list[ir.Expr]:
    """The class expressions of a pattern's class patterns (they are read when the case is tried)."""
    if isinstance(pattern, ir.MatchClass):
        inner = [*pattern.patterns, *(p for _, p in pattern.keywords)]
        return [pattern.cls, *(cls for p in inner for cls in _pattern_classes(p))]
    if isinstance(pattern, ir.MatchAs):
        return _pattern_classes(pattern.pattern)
    if isinstance(pattern, (ir.MatchSequence, ir.MatchOr, ir.MatchMapping)):
        return [cls for p in pattern.patterns for cls in _pattern_classes(p)]
    return []


# -- deviations: constructs a compiler fails on ---------------------------------------

# The names the emitted source of these nodes reads that the blocks' sets leave out (not variables of the
# program), and the functions the probe statements call: a symbol table still records them.
_IMPLICIT_NAMES: dict[type[Any], tuple[str, ...]] = {
    ir.Super: ("super",),
    ir.LocalNames: ("sorted", "locals", "_k"),  # sorted(_k for _k in locals() if ...)
    ir.EvalName: ("eval",),
    ir.ProbeCallValue: ("probe_call",),
}
_PROBE_FUNCTIONS: dict[type[Any], str] = {
    ir.Probe: "probe",
    ir.ProbeCall: "probe_call",
    ir.ProbeClosure: "probe_closure",
}


def _implicit_names(node: object) -> tuple[str, ...]:
    return (node.name,) if isinstance(node, ir.Builtin) else _IMPLICIT_NAMES.get(type(node), ())


def _mentioned(node: Any, names: set[str]) -> bool:
    """Adds to `names` every name the emitted source of expression `node` reads or binds; true if it opens
    a scope of its own (a lambda, a generator expression, or the one LocalNames is written with)."""
    if isinstance(node, ir.Name):
        names.add(node.id)
        return False
    if isinstance(node, (ir.Lambda, ir.LocalNames)) or (isinstance(node, ir.Comprehension) and node.kind == "gen"):
        return True
    if isinstance(node, ir.NamedExpr):
        names.add(node.target)
    names.update(_implicit_names(node))
    scoped = False
    for part in fields(node):
        value = getattr(node, part.name)
        for item in value if isinstance(value, tuple) else (value,):
            if is_dataclass(item):
                scoped |= _mentioned(item, names)
    return scoped


def deleted_captured(deleted: list[tuple[Block, str]], switches: Switches) -> None:
    """Deviation del-of-a-captured-variable-fails-to-compile: the compiler fails on a `del` of a name that is
    a cell or free variable of its block. Under private-names-mangled-by-the-last-class-in-the-symbol-table the
    name as the code writes it is looked up in the symbol table's kinds (merge_leaking), where a name the table
    mangled otherwise is not found: asked then of the merged analysis."""
    for block, name in deleted:
        if block.scope.get(name) in (CELL, FREE) and switches.deviates("del-of-a-captured-variable-fails-to-compile"):
            raise ScopeCompilerCrash("`del %s` of a variable that lives in a cell" % name)


def _compiler_crashes(module: ir.Module, builder: _Builder, switches: Switches, check_deleted: bool) -> None:
    """Deviations: constructs on which an implementation's compiler fails (ScopeCompilerCrash), whatever
    else the program holds; asked after the analysis, since the implementation's symbol table, which
    raises its SyntaxErrors first, is complete before its compiler runs."""
    if builder.with_targets and switches.deviates("with-target-other-than-a-name-fails-to-compile"):
        raise ScopeCompilerCrash("`with ... as T` where T is not a plain name")
    if check_deleted:
        deleted_captured(builder.deleted, switches)
    wanted = {deviation for deviation in sorted(builder.unanalysed_kinds) if switches.deviates(deviation)}
    if not wanted:
        return
    # The implementation's symbol table: the same analysis with the expressions it never visits left out.
    skipping = _Builder(builder._deferred, switches, builder.unmangled)
    skipping.skip_unanalysed = True
    top = skipping.register(Block("module", module, None, name="<module>"))
    skipping.statements(top, module.body)
    for block in skipping.order:
        _resolve(block, switches)
    unknown = ""
    for block, node, deviation in skipping.unanalysed:
        if deviation not in wanted:
            continue
        names: set[str] = set()
        if _mentioned(node, names):
            raise ScopeCompilerCrash("a lambda or generator expression that the symbol table never visited")
        known = block.bound | block.used | block.globals | block.nonlocals | skipping.mentions.get(id(block), set())
        for child in block.children:  # and the free variables passing through the block
            known |= child.freevars
        for name in sorted(names - known):
            if not name.startswith("_"):  # (Skulpt's compiler takes a name such as __x it does not know for a global)
                raise ScopeCompilerCrash("%r, which the symbol table never saw in its block" % name)
            unknown = name
    if unknown:
        raise Unspecified("a name the implementation's symbol table never saw, %r, read as a global" % unknown)


# -- resolving names ----------------------------------------------------------------


def _resolve(block: Block, switches: Switches) -> None:
    """Finds the kind of each name of the block, and puts each FREE name in a cell of its owner.

    The owner is an enclosing block, so resolving blocks parents first finds its kinds already set.
    (`switches` are the deviations: class-binding-hides-enclosing-variable changes where the search ends;
    those about comprehensions' hidden locals are asked here.)
    """
    for name in block.bound | block.used | block.globals | block.nonlocals:
        kind, owner = _kind_of(block, name, switches)
        block.scope[name] = kind
        if owner is not None:
            _place_cell(block, name, owner)


def _kind_of(block: Block, name: str, switches: Switches) -> tuple[Kind, Block | None]:
    """The kind of `name` in `block` and, for a FREE name, the block that owns its cell."""
    if name in block.globals:
        return GLOBAL_EXPLICIT, None
    if name in block.nonlocals:
        return FREE, _owner(block, name, switches)  # raises when there is no binding to refer to
    if name in block.bound:
        if block.kind == "module":
            return MODULE, None
        return (CLASS_LOCAL if block.kind == "class" else LOCAL), None
    if block.kind == "module":
        return GLOBAL_IMPLICIT, None
    # §4.2.4: an annotation scope in a class (or in an annotation scope in a class) resolves a name the
    # class binds (or declares global) as the class body would: the class's namespace, then the
    # globals, skipping enclosing functions
    seen = class_seen_by(block)
    if seen is not None and name in (seen.bound | seen.globals) - seen.nonlocals:
        return GLOBAL_IMPLICIT, None
    owner = _enclosing_owner(block, name, switches)
    if (
        seen is not None
        and owner is not None
        and _hidden_before(seen, name, block)
        and switches.deviates("comprehension-variable-hides-enclosing-variable")
    ):
        return GLOBAL_IMPLICIT, None  # the class's hidden local is taken for a name the class binds
    return (GLOBAL_IMPLICIT if owner is None else FREE), owner


def class_seen_by(block: Block) -> Block | None:
    """§4.2.4: the class body whose names an annotation scope sees: the one it is in, directly or
    through other annotation scopes (the annotations of a generic method)."""
    if block.kind != "annotation":
        return None
    parent = block.parent
    while parent is not None and parent.kind == "annotation":
        parent = parent.parent
    return parent if parent is not None and parent.kind == "class" else None


def _place_cell(block: Block, name: str, owner: Block) -> None:
    """A FREE name is a cell of its owner and passes through every block in between."""
    owner.cellvars.add(name)
    if owner.scope.get(name) is LOCAL:  # (a class body owning the __class__ cell has no such name)
        owner.scope[name] = CELL
    between: Block | None = block
    while between is not None and between is not owner:
        between.freevars.add(name)
        between = between.parent


def _function_ancestors(
    block: Block, name: str = "", switches: Switches | None = None, declared: bool = False
) -> Iterator[Block]:
    """Enclosing function-like blocks, nearest first; class bodies are passed over. With the deviation
    class-binding-hides-enclosing-variable, the search for `name` ends at a class body that binds it or
    declares it global (the scope analysis stops at the first enclosing block that knows the name); with
    class-global-declaration-holds-in-its-methods, at a class body that declares it global, for a free name
    (not one `declared` nonlocal), and past the functions that declare it nonlocal on the way there."""
    parent = block.parent
    while parent is not None and parent.kind != "module":
        if parent.function_like:
            if (
                switches is not None
                and not declared
                and name in parent.nonlocals
                and _class_global_past_nonlocals(parent, name)
                and switches.deviates("class-global-declaration-holds-in-its-methods")
            ):
                return
            yield parent
        elif (
            switches is not None
            and (name in parent.bound or name in parent.globals)
            and name not in parent.nonlocals
            and switches.deviates("class-binding-hides-enclosing-variable")
        ) or (
            switches is not None
            and not declared
            and name in parent.globals
            and switches.deviates("class-global-declaration-holds-in-its-methods")
        ):
            return
        parent = parent.parent


def _class_global_past_nonlocals(block: Block, name: str) -> bool:
    """Whether a class body around `block` declares `name` global, with only functions that declare it nonlocal
    between (Brython's search for a free name passes those, as they bind nothing of their own)."""
    parent = block.parent
    while parent is not None and parent.kind != "module":
        if parent.kind == "class" and name in parent.globals:
            return True
        if parent.function_like and name not in parent.nonlocals:
            return False
        parent = parent.parent
    return False


def _enclosing_owner(block: Block, name: str, switches: Switches) -> Block | None:
    """§4.2.2: the nearest enclosing function scope binding `name`, if any (not a global); for
    __class__, the nearest enclosing class body when no function in between binds it (Data model
    3.3.3.6: the class body owns the implicit __class__ cell that the blocks nested in it read)."""
    if name == CLASS_CELL:
        for ancestor in _class_cell_ancestors(block):
            if ancestor.kind == "class":
                return ancestor
            if name in ancestor.globals:
                return None
            if name in ancestor.nonlocals:
                return _owner(ancestor, name, switches)
            if name in ancestor.bound:
                return ancestor
        return None
    holder: Block | None = None  # the nearest enclosing block on the way with a hidden local `name`
    owner: Block | None = None
    for ancestor in _function_ancestors(block, name, switches):
        if name in ancestor.globals:
            break
        if name in ancestor.nonlocals:
            owner = _owner(ancestor, name, switches)
            break
        if name in ancestor.bound:
            owner = ancestor
            break
        if holder is None and name in ancestor.hidden:
            holder = ancestor
    cell_class = _class_cell_on_the_way(block, name, owner)
    if cell_class is not None and switches.deviates("class-comprehension-cell-hides-enclosing-variable"):
        return cell_class
    if holder is not None:
        for deviation in (
            "comprehension-variable-hides-enclosing-variable" if owner is not None else "",
            "comprehension-variable-hides-global-from-a-later-comprehension"
            if owner is None and inlined_into(block) is holder
            else "",
        ):
            if deviation and switches.deviates(deviation):
                block.hidden_by[name] = deviation
                return holder
    return owner


def _class_cell_ancestors(block: Block) -> Iterator[Block]:
    """Enclosing blocks, nearest first, class bodies included: where a __class__ cell may come from."""
    parent = block.parent
    while parent is not None and parent.kind != "module":
        yield parent
        parent = parent.parent


def _owner(block: Block, name: str, switches: Switches) -> Block:
    """§7.13: the block whose local `name` a nonlocal declaration in `block` refers to."""
    holder: Block | None = None  # as in _enclosing_owner
    for ancestor in _function_ancestors(block, name, switches, declared=True):
        if name in ancestor.globals:
            raise Unspecified(
                "nonlocal %r where the nearest enclosing function declares it global: §7.13 does not say "
                "whether the search stops there (CPython: SyntaxError) or goes on outwards" % name
            )
        if name in ancestor.nonlocals:
            owner = _owner(ancestor, name, switches)
            break
        if name in ancestor.bound:
            if ancestor.kind == "annotation":
                raise ScopeSyntaxError("nonlocal binding not allowed for type parameter %r" % name)
            owner = ancestor
            break
        if holder is None and name in ancestor.hidden:
            holder = ancestor
    else:
        if block.container().kind == "module" and block.kind == "comprehension":
            raise ScopeSyntaxError("no binding for nonlocal %r found" % name)
        if not any(True for _ in _function_ancestors(block)):
            raise ScopeSyntaxError("nonlocal declaration not allowed at module level")
        raise ScopeSyntaxError("no binding for nonlocal %r found" % name)
    cell_class = _class_cell_on_the_way(block, name, owner)
    if cell_class is not None and switches.deviates("class-comprehension-cell-hides-enclosing-variable"):
        return cell_class
    if holder is not None and switches.deviates("comprehension-variable-hides-enclosing-variable"):
        block.hidden_by[name] = "comprehension-variable-hides-enclosing-variable"
        return holder
    return owner


# -- class bodies' closures as PyPy compiles them, for deviations ------------------------------------


def _class_closures(builder: _Builder, switches: Switches) -> None:
    """Deviations seen on PyPy 3.9: its compiler numbers the closure variables of a class body's code in a
    table made from the names nested scopes take through the class, except those the class declares
    nonlocal, or binds only by an annotation without a value. A nonlocal name is put in the table when the
    class's own code first reads or binds it (numbered without counting the __class__
    cell); a nested scope made before that, or needing a name bound only by a bare annotation, is not
    found (an internal KeyError: SystemError). With a __class__ cell, a name put in late takes the number
    of the last of the others: when there are others, the compiler fails at the class statement; when there
    are none, the first one takes the number of the __class__ cell, and the class's code uses that cell."""
    free_in_code: dict[int, set[str]] = {}  # a class statement -> the closure variables of its code
    made = _made_order(builder.order[0])
    failures: list[tuple[int, ScopeSyntaxError]] = []  # (when the compiler meets it, the failure)
    for block in reversed(builder.order):  # (nested classes first)
        if block.kind != "class" or not block.freevars:
            continue  # no closure variable, nothing to number
        assert isinstance(block.node, ir.ClassDef)
        events = list(_class_code_events(block.node.body))
        bound = {name for kind, name in events if kind == "bind"}
        bare = {name for kind, name in events if kind == "annotate"} - bound
        owns_class_cell = CLASS_CELL in block.cellvars
        late = block.nonlocals
        table = {name for name in block.freevars if name not in late and name not in bare and name != CLASS_CELL}
        added: set[str] = set()
        for kind, item in events:
            if kind != "scope":
                if item in late and item not in added:
                    added.add(item)
                    if len(added) == 1 and owns_class_cell and not table:
                        block.class_cell_alias = item  # the first name put in late: number 0, the __class__ cell
                continue
            child = builder.blocks.get(id(item)) or builder.annotation_scopes.get(id(item))
            if child is None:
                continue  # (under a deviation, a comprehension with no block of its own)
            for name in sorted(free_in_code.get(id(item), child.freevars)):
                if name in table or name in added or (name == CLASS_CELL and owns_class_cell):
                    continue
                if name in bare:
                    deviation = "bare-annotation-in-class-body-hides-variable-from-nested-scopes"
                else:
                    deviation = "nonlocal-in-class-body-passed-to-nested-scope-fails-to-compile"
                if switches.deviates(deviation):
                    rule = "class %s passes %r to a nested scope, not in its table" % (block.name, name)
                    failures.append((made.get(id(child), made[id(block)]), ScopeSystemError(rule)))
        if (
            owns_class_cell
            and table
            and added
            and switches.deviates("nonlocal-in-class-body-with-class-cell-fails-to-compile")
        ):
            rule = "class %s: a __class__ cell, closure variables and nonlocal %s" % (block.name, added)
            # (the same failure, met where PyPy does not catch it as a KeyError)
            failure = ScopeSegfault(rule) if _inside_a_class(block) else ScopeSystemError(rule)
            failures.append((made[id(block)], failure))
        free_in_code[id(block.node)] = table | added
    if failures:  # the compiler stops at the first it meets
        raise min(failures, key=lambda failure: failure[0])[1]


def _made_order(module: Block) -> dict[int, int]:
    """When PyPy's code generator makes each block's code object (id of the block -> rank): a nested scope's
    code is compiled, then made, where its statement is met, so blocks are made in post-order, in source order."""
    rank: dict[int, int] = {}

    def visit(block: Block) -> None:
        for child in block.children:
            visit(child)
        rank[id(block)] = len(rank)

    visit(module)
    return rank


def _inside_a_class(block: Block) -> bool:
    """Whether a class body encloses the block, at any depth."""
    parent = block.parent
    while parent is not None:
        if parent.kind == "class":
            return True
        parent = parent.parent
    return False


def _class_code_events(node: Any) -> Iterator[tuple[str, Any]]:
    """The names a class body's own code reads ("use"), binds or deletes ("bind") or annotates without a
    value ("annotate"), and the nested scopes it makes ("scope", node), in the order PyPy's code generator
    meets them: a function's decorators, defaults and annotations before the function, a class's bases
    after it, a comprehension's first iterable after it, an assignment's value before its targets."""
    if isinstance(node, tuple):
        for item in node:
            yield from _class_code_events(item)
    elif isinstance(node, ir.Name):
        yield "use", node.id
    elif isinstance(node, (ir.FunctionDef, ir.Lambda)):
        if isinstance(node, ir.FunctionDef):
            yield from _class_code_events(node.decorators)
        for param in (*node.params.positional_params(), *node.params.kwonly):
            if param.default is not None:
                yield from _class_code_events(param.default)
        if isinstance(node, ir.FunctionDef):
            yield from _class_code_events(tuple(annotation.value for annotation in node.annotations))
        yield "scope", node
        if isinstance(node, ir.FunctionDef):
            yield "bind", node.name
    elif isinstance(node, ir.ClassDef):
        yield from _class_code_events(node.decorators)
        yield "scope", node
        yield from _class_code_events((node.bases, tuple(keyword.value for keyword in node.keywords)))
        yield "bind", node.name
    elif isinstance(node, (ir.Comprehension, ir.TypeAlias)):
        yield "scope", node
        if isinstance(node, ir.Comprehension):
            yield from _class_code_events(node.clauses[0].iter)
        else:
            yield "bind", node.name
    elif isinstance(node, (ir.Assign, ir.Delete)):
        if isinstance(node, ir.Assign):
            yield from _class_code_events(node.value)
        for target in node.targets:
            yield from _target_events(target)
    elif isinstance(node, ir.AugAssign):
        yield from _class_code_events(node.target)
        yield from _class_code_events(node.value)
        yield from _target_events(node.target)
    elif isinstance(node, ir.AnnAssign):
        if node.value is not None:
            yield from _class_code_events(node.value)
        yield ("annotate" if node.value is None else "bind"), node.target
        yield from _class_code_events(node.annotation)
    elif isinstance(node, ir.NamedExpr):
        yield from _class_code_events(node.value)
        yield "bind", node.target
    elif isinstance(node, ir.For):
        yield from _class_code_events(node.iter)
        yield from _target_events(node.target)
        yield from _class_code_events((node.body, node.orelse))
    elif isinstance(node, ir.With):
        yield from _class_code_events(node.context)
        if node.target is not None:
            yield from _target_events(node.target)
        yield from _class_code_events(node.body)
    elif isinstance(node, ir.Try):
        yield from _class_code_events(node.body)
        for handler in node.handlers:
            if handler.name is not None:
                yield "bind", handler.name
            yield from _class_code_events(handler.body)
        yield from _class_code_events((node.orelse, node.finalbody))
    elif isinstance(node, ir.Import):
        yield "bind", node.asname
    elif isinstance(node, ir.Match):
        yield from _class_code_events(node.subject)
        for case in node.cases:
            for name in ir.pattern_names(case.pattern):
                yield "bind", name
            yield from _class_code_events(tuple(_pattern_classes(case.pattern)))
            yield from _class_code_events((case.guard, case.body) if case.guard is not None else case.body)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for field in dataclasses.fields(node):  # any other statement or expression: its parts in order
            value = getattr(node, field.name)
            if isinstance(value, tuple) or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
                yield from _class_code_events(value)


def _target_events(target: ir.Expr) -> Iterator[tuple[str, Any]]:
    if isinstance(target, ir.Name):
        yield "bind", target.id
    elif isinstance(target, (ir.TupleExpr, ir.ListExpr)):
        for elt in target.elts:
            yield from _target_events(elt)
    elif isinstance(target, ir.Starred):
        yield from _target_events(target.value)
    else:
        yield from _class_code_events(target)


# -- comprehensions inlined (PEP 709): what CPython 3.12 makes of their names, for deviations --------


def inlined(block: Block) -> bool:
    """A list, set or dict comprehension: CPython from 3.12 runs it in the frame of the block that contains
    it (PEP 709), except in an annotation scope that sees a class; a generator expression stays a function."""
    if block.kind != "comprehension":
        return False
    assert isinstance(block.node, ir.Comprehension)
    container = block.container()
    return block.node.kind != "gen" and not (container.kind == "annotation" and class_seen_by(container) is not None)


def inlined_into(block: Block) -> Block:
    """The block whose frame runs `block`: itself, or for an inlined comprehension the nearest enclosing block
    that is not one."""
    while inlined(block):
        assert block.parent is not None
        block = block.parent
    return block


def comprehension_variable(block: Block, name: str) -> bool:
    """(Deviation comprehension-runs-inline-restoring-targets-bound-before) whether a name the block binds only
    by its list, set and dict comprehensions is a variable of the block in Brython's symbol table, which inlines
    them (symtable.c, inline_comprehension, as CPython 3.12's): the block's entry for a name is the first one
    made, its own code's before any comprehension's, then the comprehensions' in the order of the text; so the
    name is the block's variable where the block's own code does not read it, nor does a comprehension (in its
    own code) before the first of them that binds it."""
    return name in block.namespace_targets and not read_by_its_code(block, name)


def read_by_its_code(block: Block, name: str) -> bool:
    """(The same) whether the block's entry for the name in Brython's symbol table is a read's, not a
    comprehension's variable: its own code reads the name (outside its comprehensions), or a comprehension
    reads it before the first of them that binds it (comprehension_variable)."""
    return name in block.direct_uses or name in block.comprehension_first_reads


def code_cells(block: Block) -> set[str]:
    """The cell variables of the block's code where comprehensions are inlined (PEP 709): those of its cell
    variables that a scope nested in it captures, one not inlined (directly, or in an inlined comprehension).
    A variable read only by inlined comprehensions is a plain local (symtable.c, inline_comprehension: a free
    variable of the comprehension that the block binds is the block's local, unless it is free in a child of
    the comprehension)."""
    captured: set[str] = set()
    inside = [block]
    while inside:
        for child in inside.pop().children:
            if inlined(child):
                inside.append(child)
            else:
                captured |= child.freevars
    return block.cellvars & captured


def comprehension_cells(block: Block) -> set[str]:
    """For deviation comprehension-cell-replaces-free-variable: the names an inlined comprehension makes a new
    cell for each time it starts (compile.c, push_inlined_comprehension_state: its bound names whose scope is
    CELL). They are its iteration variables captured by a scope nested in it, and the names a comprehension
    inlined in it makes new cells for (symtable.c, inline_comprehension): its iteration variable of the same
    name becomes a cell too, and a name it does not mention itself is copied into it, a cell."""
    nested: set[str] = set()
    for child in block.children:
        if inlined(child):
            nested |= comprehension_cells(child)
    own = block.iteration_vars & (block.cellvars | nested)
    return own | (nested - block.bound - block.used)


def _first_mention(block: Block, name: str) -> Block | None:
    """The block whose entry for `name` CPython's symbol table of `block` keeps once the comprehensions in it
    are inlined (symtable.c, inline_comprehension): `block` itself if it mentions the name, else the first
    inlined comprehension in it that does (each comprehension's entries are copied into the block, in order,
    an entry already there kept); a comprehension mentions too the free names its nested scopes pass through."""
    if name in block.bound or name in block.used or name in block.globals or name in block.nonlocals:
        return block
    for child in block.children:
        if inlined(child):
            found = _first_mention(child, name)
            if found is not None:
                return found
    if block.kind == "comprehension" and name in block.freevars:
        return block
    return None


def _hide_comprehension_variables(order: list[Block]) -> bool:
    """Finds each block's hidden locals (Block.hidden): the names whose first mention (_first_mention) is an
    inlined comprehension binding them, its iteration variables. Whether any block has one."""
    found = False
    for block in order:
        if inlined(block):
            continue
        for child in block.children:
            if not inlined(child):
                continue
            for comprehension in _inlined_in(child):
                for name in comprehension.iteration_vars:
                    if name in block.hidden:
                        continue
                    first = _first_mention(block, name)
                    if first is not None and first is not block and name in first.bound:
                        block.hidden[name] = child
                        found = True
    return found


def _inlined_in(comprehension: Block) -> Iterator[Block]:
    """An inlined comprehension and those inlined in it, in order."""
    yield comprehension
    for child in comprehension.children:
        if inlined(child):
            yield from _inlined_in(child)


def _hidden_before(seen: Block, name: str, block: Block) -> bool:
    """Whether class body `seen` has a hidden local `name` from a comprehension before the annotation scope
    `block` is in (CPython looks the class's entries up as they are when it analyses that scope)."""
    source = seen.hidden.get(name)
    if source is None:
        return False
    top = block
    while top.parent is not seen:
        assert top.parent is not None
        top = top.parent
    return seen.children.index(source) < seen.children.index(top)


def _find_class_cells(order: list[Block]) -> None:
    """For deviation class-comprehension-cell-hides-enclosing-variable: each class body's names that CPython's
    symbol table makes cells of it (Block.class_cells). A class body is not a function, so a name is a cell of
    it only as copied from a comprehension inlined in it (symtable.c, inline_comprehension): when the first
    mention of the name (_first_mention: the class's own, else the first inlined comprehension's) is an
    iteration variable that is a cell there (_makes_cell). Found from the free variables of a first
    resolution, since every such name is a hidden local of the class (Block.hidden) and so resolved again."""
    for block in order:
        if block.kind != "class":
            continue
        for name in block.hidden:
            first = _first_mention(block, name)
            if first is not None and first is not block and name in first.iteration_vars and _makes_cell(first, name):
                block.class_cells.add(name)


def _makes_cell(comprehension: Block, name: str) -> bool:
    """Whether an inlined comprehension passes `name` on as a cell to the block it is inlined in (symtable.c:
    its `inlined_cells`): its iteration variable that a scope nested in it captures, or a name a comprehension
    inlined in it passes on so."""
    return (name in comprehension.iteration_vars and _captured_in(comprehension, name)) or any(
        _makes_cell(child, name) for child in comprehension.children if inlined(child)
    )


def _captured_in(comprehension: Block, name: str) -> bool:
    """Whether a scope nested in an inlined comprehension (not inlined itself: a function, lambda, class,
    generator expression), or in one inlined in it, has `name` among its free variables."""
    return any(
        _captured_in(child, name) if inlined(child) else name in child.freevars for child in comprehension.children
    )


def _class_cell_on_the_way(block: Block, name: str, owner: Block | None) -> Block | None:
    """For deviation class-comprehension-cell-hides-enclosing-variable: the nearest class body between `block`
    and `owner` (the function whose `name` it refers to) that has a cell `name` (Block.class_cells) and makes
    the closure of the scope on the way in its own code, not in an inlined comprehension (whose code is
    compiled with the comprehension's own names). CPython builds that closure from the class's cell, which
    only the class's nested scopes ever use: empty, unless one of them assigns it (nonlocal)."""
    if owner is None:
        return None  # (a global: no closure)
    child, parent = block, block.parent
    while parent is not None and parent is not owner:
        if parent.kind == "class" and name in parent.class_cells and not inlined(child):
            return parent
        if parent.function_like and name in parent.hidden:
            return None  # a nearer function's hidden local of that name (comprehension-variable-hides-...)
        child, parent = parent, parent.parent
    return None
