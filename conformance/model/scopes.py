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
block is limited to the class block"), so lookups pass over them. An assignment
expression in a comprehension binds in the nearest enclosing block that is not a
comprehension, honouring a nonlocal or global declaration there (PEP 572), and is a
SyntaxError where that block is a class body, where it would rebind an iteration
variable, or inside the iterable expression.

A program the Reference rejects raises ScopeSyntaxError; a program whose meaning the
Reference leaves open raises Unspecified.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from generators import ir

FUNCTION_LIKE = ("function", "lambda", "comprehension")


class Kind(Enum):
    LOCAL = "local"
    CELL = "cell"
    FREE = "free"
    GLOBAL_EXPLICIT = "global-explicit"
    GLOBAL_IMPLICIT = "global-implicit"
    CLASS_LOCAL = "class-local"
    MODULE = "module"


class ScopeSyntaxError(Exception):
    """The program breaks a compile-time rule of §4.2, §7.12, §7.13 or PEP 572."""


class Unspecified(Exception):
    """The Reference does not say what this program means; the model does not guess."""


BlockNode = ir.Module | ir.FunctionDef | ir.Lambda | ir.ClassDef | ir.Comprehension


@dataclass(eq=False)
class Block:
    kind: str  # "module", "function", "lambda", "class" or "comprehension"
    node: BlockNode
    parent: Block | None
    name: str = ""
    children: list[Block] = field(default_factory=list)
    params: tuple[str, ...] = ()
    bound: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)
    globals: set[str] = field(default_factory=set)
    nonlocals: set[str] = field(default_factory=set)
    iteration_vars: set[str] = field(default_factory=set)  # comprehension targets
    scope: dict[str, Kind] = field(default_factory=dict)
    cellvars: set[str] = field(default_factory=set)
    freevars: set[str] = field(default_factory=set)
    # names mentioned so far, in order, to check "used before global/nonlocal declaration"
    _mentioned: set[str] = field(default_factory=set)

    @property
    def function_like(self) -> bool:
        return self.kind in FUNCTION_LIKE

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

    def block_of(self, node: BlockNode) -> Block:
        return self.blocks[id(node)]


def analyze(module: ir.Module) -> Analysis:
    builder = _Builder()
    top = Block("module", module, None, name="<module>")
    builder.register(top)
    builder.statements(top, module.body)
    for block in top.walk():
        _resolve(block)
    for block in top.walk():
        _place_cells(block)
    return Analysis(top, builder.blocks)


# -- building blocks: who binds, uses and declares what ------------------------------


class _Builder:
    def __init__(self) -> None:
        self.blocks: dict[int, Block] = {}

    def register(self, block: Block) -> Block:
        self.blocks[id(block.node)] = block
        if block.parent is not None:
            block.parent.children.append(block)
        return block

    def bind(self, block: Block, name: str) -> None:
        block.bound.add(name)
        block._mentioned.add(name)

    def use(self, block: Block, name: str) -> None:
        block.used.add(name)
        block._mentioned.add(name)

    def declare(self, block: Block, names: tuple[str, ...], kind: str) -> None:
        for name in names:
            if block.kind == "module" and kind == "nonlocal":
                raise ScopeSyntaxError("nonlocal declaration not allowed at module level")
            if name in block.params:
                raise ScopeSyntaxError("name %r is parameter and %s" % (name, kind))
            other = block.nonlocals if kind == "global" else block.globals
            if name in other:
                raise ScopeSyntaxError("name %r is nonlocal and global" % name)
            if name in block._mentioned:
                raise ScopeSyntaxError("name %r is used or assigned before %s declaration" % (name, kind))
            (block.globals if kind == "global" else block.nonlocals).add(name)

    def statements(self, block: Block, body: tuple[ir.Stmt, ...]) -> None:
        for statement in body:
            self.statement(block, statement)

    def statement(self, block: Block, node: ir.Stmt) -> None:
        if isinstance(node, (ir.Assign, ir.AugAssign)):
            if isinstance(node, ir.AugAssign):
                self.use(block, node.target)
            self.expr(block, node.value)
            self.bind(block, node.target)
        elif isinstance(node, ir.Delete):
            self.bind(block, node.target)  # §4.2.1: a del target is bound for this purpose
        elif isinstance(node, ir.Nonlocal):
            self.declare(block, node.names, "nonlocal")
        elif isinstance(node, ir.Global):
            self.declare(block, node.names, "global")
        elif isinstance(node, ir.ExprStmt):
            self.expr(block, node.value)
        elif isinstance(node, (ir.Return, ir.Yield)):
            if not block.function_like:
                raise ScopeSyntaxError("'%s' outside function" % type(node).__name__.lower())
            if node.value is not None:
                self.expr(block, node.value)
        elif isinstance(node, ir.Raise):
            self.expr(block, node.value)
        elif isinstance(node, ir.For):
            self.expr(block, node.iter)
            self.bind(block, node.target)
            self.statements(block, node.body)
        elif isinstance(node, ir.Try):
            self.statements(block, node.body)
            self.bind(block, node.name)
            self.statements(block, node.handler)
        elif isinstance(node, ir.FunctionDef):
            for decorator in node.decorators:
                self.expr(block, decorator)
            for default in node.params.defaults():
                self.expr(block, default)
            self.function(block, node, "function", node.params, node.name)
            self.bind(block, node.name)
        elif isinstance(node, ir.ClassDef):
            child = self.register(Block("class", node, block, name=node.name))
            self.statements(child, node.body)
            self.bind(block, node.name)
        elif isinstance(node, ir.Probe):
            self.expr(block, node.value)
        elif isinstance(node, ir.ProbeCall):
            self.expr(block, node.func)
            for arg in node.args:
                self.expr(block, arg)
        elif isinstance(node, ir.ProbeClosure):
            self.expr(block, node.value)
        else:
            raise TypeError("not a statement: %r" % (node,))

    def function(
        self, parent: Block, node: ir.FunctionDef | ir.Lambda, kind: str, params: ir.Params, name: str
    ) -> None:
        names = params.names()
        if len(set(names)) != len(names):
            raise ScopeSyntaxError("duplicate argument in function definition")
        child = self.register(Block(kind, node, parent, name=name, params=names))
        for param in names:
            self.bind(child, param)
        if isinstance(node, ir.FunctionDef):
            self.statements(child, node.body)
        else:
            self.expr(child, node.body)

    def expr(self, block: Block, node: ir.Expr, in_iterable: bool = False) -> None:
        if isinstance(node, (ir.Const, ir.Builtin)):
            return
        if isinstance(node, ir.Name):
            self.use(block, node.id)
        elif isinstance(node, ir.Add):
            self.expr(block, node.left, in_iterable)
            self.expr(block, node.right, in_iterable)
        elif isinstance(node, ir.Call):
            self.expr(block, node.func, in_iterable)
            for arg in node.args:
                self.expr(block, arg, in_iterable)
        elif isinstance(node, (ir.Attribute, ir.Subscript)):
            self.expr(block, node.value, in_iterable)
        elif isinstance(node, (ir.TupleExpr, ir.ListExpr)):
            for elt in node.elts:
                self.expr(block, elt, in_iterable)
        elif isinstance(node, ir.Lambda):
            for default in node.params.defaults():
                self.expr(block, default, in_iterable)
            self.function(block, node, "lambda", node.params, "<lambda>")
        elif isinstance(node, ir.Comprehension):
            # §6.2.4: the iterable of the first `for` is evaluated in the enclosing scope.
            self.expr(block, node.iter, in_iterable=True)
            child = self.register(Block("comprehension", node, block, name="<%scomp>" % node.kind))
            self.bind(child, node.target)
            child.iteration_vars.add(node.target)
            if node.key is not None:
                self.expr(child, node.key)
            self.expr(child, node.elt)
        elif isinstance(node, ir.ProbeCallValue):
            self.expr(block, node.func, in_iterable)
            for arg in node.args:
                self.expr(block, arg, in_iterable)
        elif isinstance(node, ir.NamedExpr):
            if in_iterable:
                raise ScopeSyntaxError("assignment expression cannot be used in a comprehension iterable expression")
            self.expr(block, node.value, in_iterable)
            self.named_target(block, node.target)
        else:
            raise TypeError("not an expression: %r" % (node,))

    def named_target(self, block: Block, target: str) -> None:
        """PEP 572: in a comprehension, := binds in the containing block."""
        if block.kind != "comprehension":
            self.bind(block, target)
            return
        comprehension: Block | None = block
        while comprehension is not None and comprehension.kind == "comprehension":
            if target in comprehension.iteration_vars:
                raise ScopeSyntaxError(
                    "assignment expression cannot rebind comprehension iteration variable %r" % target
                )
            comprehension = comprehension.parent
        container = block.container()
        if container.kind == "class":
            raise ScopeSyntaxError("assignment expression within a comprehension cannot be used in a class body")
        declared_global = container.kind == "module" or target in container.globals
        inner: Block | None = block
        while inner is not None and inner.kind == "comprehension":
            (inner.globals if declared_global else inner.nonlocals).add(target)
            inner._mentioned.add(target)
            inner = inner.parent
        self.bind(container, target)


# -- resolving names ----------------------------------------------------------------


def _resolve(block: Block) -> None:
    for name in block.bound | block.used | block.globals | block.nonlocals:
        block.scope[name] = _kind_of(block, name)


def _kind_of(block: Block, name: str) -> Kind:
    if name in block.globals:
        return Kind.GLOBAL_EXPLICIT
    if name in block.nonlocals:
        _owner(block, name)  # raises when there is no binding to refer to
        return Kind.FREE
    if name in block.bound:
        if block.kind == "module":
            return Kind.MODULE
        return Kind.CLASS_LOCAL if block.kind == "class" else Kind.LOCAL
    if block.kind == "module":
        return Kind.GLOBAL_IMPLICIT
    return Kind.FREE if _enclosing_owner(block, name) is not None else Kind.GLOBAL_IMPLICIT


def _function_ancestors(block: Block) -> Iterator[Block]:
    """Enclosing function-like blocks, nearest first; class bodies are passed over."""
    parent = block.parent
    while parent is not None and parent.kind != "module":
        if parent.function_like:
            yield parent
        parent = parent.parent


def _enclosing_owner(block: Block, name: str) -> Block | None:
    """§4.2.2: the nearest enclosing function scope binding `name`, if any (not a global)."""
    for ancestor in _function_ancestors(block):
        if name in ancestor.globals:
            return None
        if name in ancestor.nonlocals:
            return _owner(ancestor, name)
        if name in ancestor.bound:
            return ancestor
    return None


def _owner(block: Block, name: str) -> Block:
    """§7.13: the block whose local `name` a nonlocal declaration in `block` refers to."""
    for ancestor in _function_ancestors(block):
        if name in ancestor.globals:
            raise Unspecified(
                "nonlocal %r where the nearest enclosing function declares it global: §7.13 does not say "
                "whether the search stops there (CPython: SyntaxError) or goes on outwards" % name
            )
        if name in ancestor.nonlocals:
            return _owner(ancestor, name)
        if name in ancestor.bound:
            return ancestor
    if block.container().kind == "module" and block.kind == "comprehension":
        raise ScopeSyntaxError("no binding for nonlocal %r found" % name)
    if not any(True for _ in _function_ancestors(block)):
        raise ScopeSyntaxError("nonlocal declaration not allowed at module level")
    raise ScopeSyntaxError("no binding for nonlocal %r found" % name)


def _place_cells(block: Block) -> None:
    """Each FREE name is a cell of its owner and passes through every block in between."""
    for name, kind in block.scope.items():
        if kind is not Kind.FREE:
            continue
        owner = _owner(block, name) if name in block.nonlocals else _enclosing_owner(block, name)
        assert owner is not None
        owner.cellvars.add(name)
        if owner.scope.get(name) is Kind.LOCAL:
            owner.scope[name] = Kind.CELL
        between: Block | None = block
        while between is not None and between is not owner:
            between.freevars.add(name)
            between = between.parent
