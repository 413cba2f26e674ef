"""Private name mangling (Language Reference §6.2.1), applied to a program before it is analysed.

In a class, an identifier `__spam` (two or more leading underscores, not ending in two
underscores) is the private name `_Class__spam`, where Class is the innermost class's name
without its leading underscores (no mangling when the name is all underscores). What is
mangled, as the Reference lists it: every name of a variable (assigned, read, deleted,
declared, a parameter, a function's or class's name as bound, an import's `as` name) and
every attribute name. Not mangled: keyword argument names in calls, and the `__name__` of
a function or class defined in the class, which the model keeps apart (`Mangled.names`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from conformance.model.scopes import Unspecified
from generators import ir

# The identifier fields of each kind of node; every other str field is not an identifier.
_IDENTIFIERS: dict[type[Any], tuple[str, ...]] = {
    ir.Name: ("id",),
    ir.NamedExpr: ("target",),
    ir.Param: ("name",),
    ir.Params: ("vararg", "kwarg"),
    ir.Nonlocal: ("names",),
    ir.Global: ("names",),
    ir.Import: ("asname",),
    ir.Handler: ("name",),
    ir.Attribute: ("attr",),
    ir.Super: ("attr",),
    ir.FunctionDef: ("name", "type_params"),
    ir.TypeAlias: ("name",),
    ir.Annotation: ("name",),
    ir.AnnAssign: ("target",),
    ir.MatchCapture: ("name",),
    ir.MatchAs: ("name",),
    ir.MatchStar: ("name",),
    ir.MatchMapping: ("rest",),
}


@dataclass
class Mangled:
    module: ir.Module
    # id() of a function or class definition -> its __name__, where mangled; of an assignment expression ->
    # its target as written, where mangled (for a deviation: scopes.analyze); of a name -> the name as
    # written, where mangled (for a deviation: Evaluator.load)
    names: dict[int, str]


def mangle(module: ir.Module) -> Mangled:
    names: dict[int, str] = {}
    body = _outside_all(module.body, names)
    return Mangled(module if body is module.body else ir.Module(body), names)


def _outside_all(body: tuple[ir.Stmt, ...], names: dict[int, str]) -> tuple[ir.Stmt, ...]:
    """Statements outside any class: only a class inside them changes (the same tuple when none does)."""
    changed = [_outside(statement, names) for statement in body]
    return body if all(new is old for new, old in zip(changed, body, strict=True)) else tuple(changed)


def _outside(statement: ir.Stmt, names: dict[int, str]) -> ir.Stmt:
    if isinstance(statement, ir.ClassDef):
        return _class(statement, None, names)
    if isinstance(statement, ir.FunctionDef):
        body = _outside_all(statement.body, names)
        return statement if body is statement.body else dataclasses.replace(statement, body=body)
    if not ir.blocks_of(statement):
        return statement
    rebuilt = _rebuild(statement, lambda block: _outside_all(block, names))
    return (
        statement
        if all(a is b for a, b in zip(ir.blocks_of(rebuilt), ir.blocks_of(statement), strict=True))
        else rebuilt
    )


def _class(node: ir.ClassDef, private: str | None, names: dict[int, str]) -> ir.ClassDef:
    """A class statement: its name, bases and decorators in the enclosing class's terms, its body in its own."""
    own = node.name.lstrip("_") or None
    name = _private(node.name, private)
    arguments = private
    if node.type_params:
        # A generic class's type parameters are mangled with its own name, as its body's names are.
        # Its bases and keywords: CPython 3.12.0 to 3.12.3 mangled them with the generic class's name too,
        # 3.12.4 and 3.13 mangle only the type parameters among them (gh-119311); the Reference does not say.
        others = _private_identifiers((node.bases, node.keywords)) - set(node.type_params)
        if others:
            raise Unspecified("private names in the bases of a generic class: how they are mangled")
        arguments = own
    bases = tuple(_transform(base, arguments, names) for base in node.bases)
    decorators = tuple(_transform(decorator, private, names) for decorator in node.decorators)
    body = tuple(_transform(statement, own, names) for statement in node.body)
    keywords = tuple(_transform(keyword, arguments, names) for keyword in node.keywords)
    type_params = tuple(_private(param, own) for param in node.type_params)
    result = ir.ClassDef(name, body, bases, decorators, keywords, type_params)
    if name != node.name:
        names[id(result)] = node.name
    return result


def _private_identifiers(node: Any) -> set[str]:
    """The private identifiers (see _IDENTIFIERS) anywhere in a node or a tuple of nodes."""
    if isinstance(node, tuple):
        return {name for item in node for name in _private_identifiers(item)}
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return set()
    found: set[str] = set()
    identifiers = _IDENTIFIERS.get(type(node), ())
    for field in dataclasses.fields(node):
        value = getattr(node, field.name)
        if field.name in identifiers:
            values = value if isinstance(value, tuple) else (value,)
            found |= {v for v in values if isinstance(v, str) and v.startswith("__") and not v.endswith("__")}
        else:
            found |= _private_identifiers(value)
    return found


def _private(identifier: str | None, private: str | None) -> Any:
    if private is None or identifier is None or not identifier.startswith("__") or identifier.endswith("__"):
        return identifier
    return "_%s%s" % (private, identifier)


def _transform(node: Any, private: str | None, names: dict[int, str]) -> Any:
    if isinstance(node, tuple):
        items = tuple(_transform(item, private, names) for item in node)
        return node if all(new is old for new, old in zip(items, node, strict=True)) else items
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return node
    if isinstance(node, ir.ClassDef):
        return _class(node, private, names)
    identifiers = _IDENTIFIERS.get(type(node), ())
    changes = {}
    for field in dataclasses.fields(node):
        value = getattr(node, field.name)
        if field.name in identifiers:
            new = tuple(_private(v, private) for v in value) if isinstance(value, tuple) else _private(value, private)
        else:
            new = _transform(value, private, names)
        if new is not value and not (isinstance(new, (str, tuple)) and new == value):
            changes[field.name] = new
    if not changes:
        return node
    result = dataclasses.replace(node, **changes)
    if isinstance(node, ir.FunctionDef) and isinstance(result, ir.FunctionDef) and result.name != node.name:
        names[id(result)] = node.name
    if isinstance(node, ir.NamedExpr) and isinstance(result, ir.NamedExpr) and result.target != node.target:
        names[id(result)] = node.target
    if isinstance(node, ir.Name) and isinstance(result, ir.Name):  # (a read, for a deviation: Evaluator.load)
        names[id(result)] = node.id
    return result


def _rebuild(statement: ir.Stmt, change: Any) -> ir.Stmt:
    """A compound statement with `change` applied to each of its blocks."""
    if isinstance(statement, (ir.If, ir.For, ir.While)):
        return dataclasses.replace(statement, body=change(statement.body), orelse=change(statement.orelse))
    if isinstance(statement, ir.With):
        return dataclasses.replace(statement, body=change(statement.body))
    if isinstance(statement, ir.Match):
        cases = tuple(dataclasses.replace(case, body=change(case.body)) for case in statement.cases)
        return dataclasses.replace(statement, cases=cases)
    assert isinstance(statement, ir.Try)
    handlers = tuple(dataclasses.replace(h, body=change(h.body)) for h in statement.handlers)
    return ir.Try(change(statement.body), handlers, change(statement.orelse), change(statement.finalbody))


# -- deviation generic-class-name-leaks-into-private-name-mangling (CPython 3.12.0 to 3.12.3) --------
#
# After a generic class statement (`class X[T]: ...`), CPython 3.12 mangles private names with X where it
# should not, in two ways at once. The symbol table keeps X as the class name for everything it meets
# afterwards, up to the end of the class body the statement is in (or of the module), outside the class
# bodies it enters (each has its own name, and gives back X at its end). The compiler keeps X for the rest
# of the code object the statement is compiled in, and the code objects made in it afterwards inherit it
# (but class bodies). Each variable takes its kind from the symbol table under its name there; the code
# uses the name the compiler mangled, so where the two differ the code may name a variable the symbol
# table does not know: it is then looked up by name (LOAD_NAME, STORE_NAME, DELETE_NAME).


def mangle_leaking(module: ir.Module, private_generic: bool = False) -> tuple[ir.Module, ir.Module, dict[int, str]]:
    """The program as the symbol table mangles it (the variables and their kinds), and as the compiler
    mangles it (the code that runs, with parameters named as in the symbol table), with the __name__ of
    the code tree's definitions whose names are mangled; `private_generic`: a generic class with a private
    name is followed too (its name bound as the variables are mangled, stored by the code under its own)."""
    leaking = _Leaking(private_generic)
    symbols, code, _ = leaking.statements(module.body, None)
    return ir.Module(symbols), ir.Module(code), leaking.names


class _Leaking:
    def __init__(self, private_generic: bool = False) -> None:
        self.private_generic = private_generic
        self.symbols: str | None = None  # the symbol table's class name, as it goes through the program
        self.names: dict[int, str] = {}

    def statements(
        self, body: tuple[ir.Stmt, ...], code: str | None
    ) -> tuple[tuple[ir.Stmt, ...], tuple[ir.Stmt, ...], str | None]:
        """Both manglings of the statements of one code object; `code`, the compiler's class name for it,
        as it is after them."""
        pairs = []
        for statement in body:
            symbols, compiled, code = self.statement(statement, code)
            pairs.append((symbols, compiled))
        return tuple(s for s, _ in pairs), tuple(c for _, c in pairs), code

    def statement(self, node: ir.Stmt, code: str | None) -> tuple[Any, Any, str | None]:
        if isinstance(node, ir.ClassDef):
            return self.class_def(node, code)
        if isinstance(node, ir.FunctionDef):
            return (*self.function_def(node, code), code)
        if isinstance(node, ir.Nonlocal):
            # The compiler takes a name's scope from the symbol table and checks no declaration itself: the
            # code keeps none, so that its analysis (merge_leaking) needs no binding for what the table
            # resolved (an enclosing function's variable the leak mangled as the table does, not as the code).
            return ir.Nonlocal(_private_all(node.names, self.symbols)), ir.Pass(), code
        if isinstance(node, ir.Try) and node.finalbody and has_generic_class(node):
            raise Unspecified("a generic class in a try statement with a finally clause, compiled in copies")
        changes_s: dict[str, Any] = {}
        changes_c: dict[str, Any] = {}
        identifiers = _IDENTIFIERS.get(type(node), ())
        for field in dataclasses.fields(node):
            value = getattr(node, field.name)
            if field.name in identifiers:
                changes_s[field.name], changes_c[field.name] = self.identifier(node, value, code)
            elif _is_statements(value):
                changes_s[field.name], changes_c[field.name], code = self.statements(value, code)
            elif field.name in {"handlers", "cases"}:  # (each with its body of statements)
                items_s, items_c = [], []
                for item in value:
                    body_s, body_c, code = self.statements(item.body, code)
                    item_s, item_c = self.expression(dataclasses.replace(item, body=()), code)
                    items_s.append(dataclasses.replace(item_s, body=body_s))
                    items_c.append(dataclasses.replace(item_c, body=body_c))
                changes_s[field.name], changes_c[field.name] = tuple(items_s), tuple(items_c)
            else:
                changes_s[field.name], changes_c[field.name] = self.expression(value, code)
        return dataclasses.replace(node, **changes_s), dataclasses.replace(node, **changes_c), code

    def identifier(self, node: Any, value: Any, code: str | None) -> tuple[Any, Any]:
        in_symbols = _private_all(value, self.symbols)
        if isinstance(node, (ir.Params, ir.Param, ir.Global, ir.Nonlocal)):
            return in_symbols, in_symbols  # names of the symbol table only (parameters: the code's variables)
        return in_symbols, _private_all(value, code)

    def expression(self, node: Any, code: str | None) -> tuple[Any, Any]:
        """Both manglings of an expression (no class statement in it: the class names stay)."""
        if isinstance(node, tuple):
            pairs = [self.expression(item, code) for item in node]
            return tuple(s for s, _ in pairs), tuple(c for _, c in pairs)
        if not dataclasses.is_dataclass(node) or isinstance(node, type):
            return node, node
        changes_s: dict[str, Any] = {}
        changes_c: dict[str, Any] = {}
        identifiers = _IDENTIFIERS.get(type(node), ())
        for field in dataclasses.fields(node):
            value = getattr(node, field.name)
            if field.name in identifiers:
                changes_s[field.name], changes_c[field.name] = self.identifier(node, value, code)
            else:
                changes_s[field.name], changes_c[field.name] = self.expression(value, code)
        return dataclasses.replace(node, **changes_s), dataclasses.replace(node, **changes_c)

    def function_def(self, node: ir.FunctionDef, code: str | None) -> tuple[ir.FunctionDef, ir.FunctionDef]:
        if any(_private(param, self.symbols) != _private(param, code) for param in node.type_params):
            raise Unspecified("a private type parameter mangled apart by the symbol table and the compiler")
        decorators = self.expression(node.decorators, code)
        params = self.expression(node.params, code)  # (defaults in the enclosing code object)
        annotations = self.expression(node.annotations, code)  # (their names: the keys, as compiled)
        name = self.identifier(node, node.name, code)
        type_params = tuple(_private(param, self.symbols) for param in node.type_params)
        body_s, body_c, _ = self.statements(node.body, code)  # a code object of its own, inheriting `code`
        result_s, result_c = (
            dataclasses.replace(
                node,
                name=name[i],
                params=params[i],
                body=(body_s, body_c)[i],
                decorators=decorators[i],
                type_params=type_params,
                annotations=annotations[i],
            )
            for i in (0, 1)
        )
        for result in (result_s, result_c):
            if result.name != node.name:
                self.names[id(result)] = node.name
        return result_s, result_c

    def class_def(self, node: ir.ClassDef, code: str | None) -> tuple[ir.ClassDef, ir.ClassDef, str | None]:
        own = node.name.lstrip("_") or None
        decorators = self.expression(node.decorators, code)
        after = code
        name_s = _private(node.name, self.symbols)
        if node.type_params:
            if _private(node.name, own) != node.name and not self.private_generic:
                raise Unspecified("a generic class with a private name: mangled with its own name or not")
            self.symbols = own  # for good: the body gives it back at its end
            after = own
            code = own
        name_c = _private(node.name, after)
        arguments = self.expression((node.bases, node.keywords), code)
        type_params = tuple(_private(param, own) for param in node.type_params)
        saved, self.symbols = self.symbols, own
        body_s, body_c, _ = self.statements(node.body, own)
        self.symbols = saved
        result_s, result_c = (
            ir.ClassDef(
                (name_s, name_c)[i],
                (body_s, body_c)[i],
                arguments[i][0],
                decorators[i],
                arguments[i][1],
                type_params,
            )
            for i in (0, 1)
        )
        for result in (result_s, result_c):
            if result.name != node.name:
                self.names[id(result)] = node.name
        return result_s, result_c, after


def _private_all(value: Any, private: str | None) -> Any:
    return tuple(_private(v, private) for v in value) if isinstance(value, tuple) else _private(value, private)


def _is_statements(value: Any) -> bool:
    return isinstance(value, tuple) and bool(value) and all(isinstance(item, ir.Stmt) for item in value)


def has_generic_class(node: Any) -> bool:
    if isinstance(node, tuple):
        return any(has_generic_class(item) for item in node)
    if isinstance(node, ir.ClassDef) and node.type_params:
        return True
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return False
    return any(has_generic_class(getattr(node, field.name)) for field in dataclasses.fields(node))


# -- deviation private-names-mangled-by-the-last-class-in-the-symbol-table (Skulpt) -------------------------
# Skulpt's symbol table mangles each private name with the class statement it last entered, in the order of the
# text, and never leaves it (SymbolTable.curClass is set on entering a class body and not restored); its compiler
# mangles with the innermost class, as the Reference says. Both prefix the class's name as written (the leading
# underscores are not stripped: mangleName discards the result of its replace calls).


def mangle_last_class(module: ir.Module) -> tuple[ir.Module, ir.Module, dict[int, str], list[str]]:
    """The program as Skulpt's symbol table mangles it and as its compiler does, with the __name__ of the
    definitions whose names are mangled, and what of the program the model does not follow in them."""
    last = _LastClass()
    symbols, code, _ = last.statements(module.body, None)
    return ir.Module(symbols), ir.Module(code), last.names, last.unfollowed


class _LastClass(_Leaking):
    def __init__(self) -> None:
        super().__init__()
        self.unfollowed: list[str] = []

    def statement(self, node: ir.Stmt, code: str | None) -> tuple[Any, Any, str | None]:
        if isinstance(node, ir.Try) and any(
            handler.name is not None and _private(handler.name, "C") != handler.name and has_class(handler.body)
            for handler in node.handlers
        ):
            self.unfollowed.append("a private except-as name before a class statement in the handler")
        return super().statement(node, code)

    def identifier(self, node: Any, value: Any, code: str | None) -> tuple[Any, Any]:
        private = any(
            v.startswith("__") and not v.endswith("__")
            for v in (value if isinstance(value, tuple) else (value,))
            if isinstance(v, str)
        )
        if private and isinstance(node, ir.Nonlocal):
            self.unfollowed.append("a private name declared nonlocal")
        if isinstance(node, (ir.Params, ir.Param)):
            # the code binds a parameter to a JavaScript variable named as written: the name the code uses for it
            # outside classes, another one in them (not followed)
            if private and code is not None:
                self.unfollowed.append("a private parameter name in a class (its variable named as written)")
            return _private_all(value, self.symbols), value
        return super().identifier(node, value, code)

    def class_def(self, node: ir.ClassDef, code: str | None) -> tuple[ir.ClassDef, ir.ClassDef, str | None]:
        if _private_identifiers(tuple(keyword.value for keyword in node.keywords)):
            self.unfollowed.append("a private name in class keywords (not visited by the symbol table)")
        if node.type_params:
            self.unfollowed.append("a generic class")
        decorators = self.expression(node.decorators, code)
        name_s, name_c = _private(node.name, self.symbols), _private(node.name, code)
        arguments = self.expression((node.bases, node.keywords), code)
        self.symbols = node.name  # for good: the body does not give it back
        body_s, body_c, _ = self.statements(node.body, node.name)
        result_s, result_c = (
            ir.ClassDef((name_s, name_c)[i], (body_s, body_c)[i], arguments[i][0], decorators[i], arguments[i][1])
            for i in (0, 1)
        )
        for result in (result_s, result_c):
            if result.name != node.name:
                self.names[id(result)] = node.name
        return result_s, result_c, code


def has_class(node: Any) -> bool:
    if isinstance(node, tuple):
        return any(has_class(item) for item in node)
    if isinstance(node, ir.ClassDef):
        return True
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return False
    return any(has_class(getattr(node, field.name)) for field in dataclasses.fields(node))
