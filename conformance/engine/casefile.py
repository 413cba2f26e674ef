"""Hand-written cases: one small program per file, its header says what must be observed.

A case is a Python file under `conformance/cases/<area>/`. It starts with a header
of `# key: value` comment lines (in the manner of test262's front matter):

    # area: late-binding
    # level: language
    # min_version: 3.0
    # spec: Language Reference 4.2.2 "Resolution of names"
    # description: Closures made in a for loop all read the loop variable's final value.
    # expect: results == [2, 2, 2]

Keys:
    area         a slug from areas.py; must match the case's folder
    level        language | data-model | cpython-detail
    min_version  oldest Python language version whose rules the case checks: the
                 version in which the rule appeared or last changed (3.0 for most),
                 never a version its syntax needs (see below)
    spec         the section of the Language Reference or data model it rests on
    description  one line
    requires     optional, comma-separated handshake capabilities (`cell_type`);
                 those implied by the program (its syntax, `__closure__`, `import
                 inspect`) and by the expectations (`.closure`, `.cellvars`) are
                 added automatically
    negative     optional: the exception class compiling the program must raise
    time_limit   optional: the seconds the program may run on a slow target (a JavaScript
                 translator under load) before it is taken for a hang, for a program
                 that does heavy work on purpose; without it, the driver's deadline
                 per program holds, made for programs of milliseconds
    expect       one per observation; `expect[>=3.11]:` and `expect[<3.11]:` apply
                 to some language versions only

What a case's program must be able to parse is read from its text, not from a version:
each construct the runner's handshake probes (`nonlocal`, `:=`, f-strings, `match`,
`async def`, positional-only parameters, ...: generators/features.py SYNTAX) that the
program uses makes the case need that capability. A target whose handshake says it
cannot parse one skips the case, naming the construct; a target that parses it runs the
case whatever version it reports (MicroPython says 3.4 and parses `:=`). The constructs
are read by the host's `ast`; syntax newer than the host's grammar (PEP 695's
`type X = ...` and `def f[T]()` on a 3.11 host) is found by its tokens and taken out, so
that the host's ast reads the rest. A program the host cannot parse at all (a negative
case whose error is in its grammar) lists what it needs under `requires`.

An expectation is `PATH == LITERAL` or `PATH raises ExceptionName`, where the
literal is a Python literal (or EMPTY for an empty cell) and PATH is

    label               the value recorded by probe(label, ...) or probe_call
    label.message       the message of the exception probe_call recorded
    label.closure       None, or the number of cells in __closure__
    label.freevars      co_freevars: a set literal compares as a set, a tuple in order
    label.cellvars      co_cellvars, likewise
    label.cells.NAME    the contents of the cell for free variable NAME
    label.cell_ids.NAME the identity label of that cell (0, 1, ... in order of first sight)
    label.contents      the contents of a cell recorded by probe_cell
    label.id            the identity label of that cell
    program             the program as a whole (`program raises SystemExit`)
    program.message     the message of what the program raised
    program.output      what the program printed

Expected values come from the rules, never from running an interpreter. The header
becomes expected observations (`Case.expected`), which the one comparator of the
suite judges (conformance/engine/compare.py), as it judges generated programs:
a case fails with the same differences, levels and signatures.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.engine.catalog import AREAS_BY_SLUG, LEVELS
from conformance.engine.checks import Check
from conformance.engine.compare import Expected
from conformance.host.protocol import Hello
from conformance.target import runner
from generators.features import SYNTAX, parses

CASES_DIR = Path(__file__).resolve().parent.parent / "cases"

REQUIRED_KEYS = ("area", "level", "min_version", "spec", "description")
OPTIONAL_KEYS = ("requires", "negative", "time_limit")

_EXPECT_KEY = re.compile(r"^expect(?:\[(?P<condition>[^\]]+)\])?$")
_HEADER_LINE = re.compile(r"^#\s*(?P<key>[a-z_]+(?:\[[^\]]*\])?)\s*:\s*(?P<value>.*?)\s*$")
_RAISES = re.compile(r"^(?P<path>\S+)\s+raises\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)$")
_EQUALS = re.compile(r"^(?P<path>\S+)\s*==\s*(?P<literal>.+)$")
_PATH = re.compile(
    r"^(?P<label>[A-Za-z_][A-Za-z0-9_]*)"
    r"(?:\.(?P<facet>message|output|closure|freevars|cellvars|contents|id)"
    r"|\.(?P<cellfacet>cells|cell_ids)\.(?P<name>[A-Za-z_][A-Za-z0-9_]*))?$"
)
_CONDITION = re.compile(r"^(?P<op><=|>=|<|>|==)\s*(?P<major>\d+)\.(?P<minor>\d+)$")

# What each kind of expectation needs from the target's handshake.
_FACET_REQUIRES = {
    "closure": ("closure_attr",),
    "cells": ("closure_attr", "code_attr", "cell_contents"),
    "cell_ids": ("closure_attr", "code_attr"),
    "freevars": ("code_attr",),
    "cellvars": ("cellvars",),
    "contents": ("cell_contents",),
}
# What the program observes (its syntax is read by _syntax_needs): a target without it has the
# case reported as unsupported.
_OBSERVES = (
    (re.compile(r"__closure__"), "closure_attr"),
    (re.compile(r"__code__|\bco_(freevars|cellvars)\b"), "code_attr"),
    (re.compile(r"\bcell_contents\b"), "cell_contents"),
    (re.compile(r"\bCellType\b"), "cell_type"),
    (re.compile(r"\bFunctionType\b"), "function_type"),
    (re.compile(r"^\s*(import|from)\s+inspect\b", re.MULTILINE), "inspect"),
    (re.compile(r"^\s*(import|from)\s+weakref\b", re.MULTILINE), "weakref"),
    (re.compile(r"^\s*(import|from)\s+gc\b", re.MULTILINE), "gc"),
    (re.compile(r"\bsys\._getframe\b"), "getframe"),
    (re.compile(r"\b(eval|exec)\("), "dynamic_execution"),
    (re.compile(r"__annotations__"), "annotations"),
)


class CaseError(Exception):
    """A case file is malformed; the message names the file and line."""


class _Empty:
    def __repr__(self) -> str:
        return "EMPTY"


EMPTY = _Empty()


@dataclass(frozen=True)
class VersionCondition:
    clauses: tuple[tuple[str, tuple[int, int]], ...]

    def holds(self, version: tuple[int, ...]) -> bool:
        mine = (version[0], version[1])
        tests = {
            "<": lambda v: mine < v,
            "<=": lambda v: mine <= v,
            ">": lambda v: mine > v,
            ">=": lambda v: mine >= v,
            "==": lambda v: mine == v,
        }
        return all(tests[op](bound) for op, bound in self.clauses)

    def __str__(self) -> str:
        return ",".join("%s%d.%d" % (op, *bound) for op, bound in self.clauses)


@dataclass(frozen=True)
class Expectation:
    text: str  # as written in the header, for messages
    label: str
    facet: str | None  # None for the value itself
    name: str | None  # the free variable, for cells / cell_ids
    raises: str | None  # the exact exception class name, for `raises`
    expected: Any  # the Python value, for `==`
    condition: VersionCondition | None
    line: int

    def applies_to(self, version: tuple[int, ...]) -> bool:
        return self.condition is None or self.condition.holds(version)


@dataclass(frozen=True)
class Case:
    name: str  # "late-binding/loop-lambdas-see-last-value"
    path: Path
    area: str
    level: str
    min_version: tuple[int, int]
    spec: str
    description: str
    requires: frozenset[str]
    negative: str | None
    expectations: tuple[Expectation, ...]
    source: str
    time_limit: float | None = None  # seconds (see the header's time_limit)

    @property
    def syntax(self) -> frozenset[str]:
        """The syntax capabilities among those the case requires: what its program must parse."""
        return self.requires & SYNTAX.keys()

    def skip_reason(self, hello: Hello) -> str | None:
        """Why this case does not apply to the target (its language version, or syntax it cannot parse), or None."""
        if tuple(hello.version[:2]) < self.min_version:
            return "needs Python %d.%d, target speaks %s" % (*self.min_version, hello.language)
        unparsed = sorted(capability for capability in self.syntax if not parses(hello.capabilities, capability))
        if unparsed:
            return "the target cannot parse %s" % ", ".join(SYNTAX[capability].name for capability in unparsed)
        return None

    def missing_capabilities(self, hello: Hello) -> list[str]:
        """What the case observes that the target's handshake says it lacks (its syntax is a skip_reason)."""
        return hello.lacks(self.requires - self.syntax)

    @property
    def check(self) -> Check:
        return Check.case(self.name, self.area, self.level)

    def expected(self, version: tuple[int, ...]) -> Expected:
        """What the target must observe, for its language version (expectations may depend on it)."""
        return _expected(self, version)


# -- loading ----------------------------------------------------------------


def discover(root: Path = CASES_DIR) -> list[Path]:
    return sorted(root.glob("*/*.py"))


def load_all(root: Path = CASES_DIR) -> list[Case]:
    return [load(path, root) for path in discover(root)]


def load(path: Path, root: Path = CASES_DIR) -> Case:
    source = path.read_text(encoding="utf-8")
    where = str(path)
    header: dict[str, str] = {}
    expectations: list[Expectation] = []
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = _HEADER_LINE.match(line)
        if match is None:
            continue  # a plain comment inside the header
        key, value = match.group("key"), match.group("value")
        expect = _EXPECT_KEY.match(key)
        if expect:
            expectations.append(_parse_expectation(value, expect.group("condition"), where, number))
        elif key in REQUIRED_KEYS or key in OPTIONAL_KEYS:
            if key in header:
                raise CaseError("%s:%d: %r given twice" % (where, number, key))
            header[key] = value
        else:
            raise CaseError("%s:%d: unknown header key %r" % (where, number, key))
    for key in REQUIRED_KEYS:
        if not header.get(key):
            raise CaseError("%s: header lacks %r" % (where, key))
    area, level = header["area"], header["level"]
    if area not in AREAS_BY_SLUG:
        raise CaseError("%s: unknown area %r" % (where, area))
    if path.parent.name != area:
        raise CaseError("%s: area %r does not match its folder %r" % (where, area, path.parent.name))
    if level not in LEVELS:
        raise CaseError("%s: unknown level %r (one of %s)" % (where, level, ", ".join(LEVELS)))
    if not expectations and "negative" not in header:
        raise CaseError("%s: no expectations" % where)
    requires = {cap.strip() for cap in header.get("requires", "").split(",") if cap.strip()}
    requires |= _implied_requirements(source, expectations)
    return Case(
        name="%s/%s" % (area, path.stem),
        path=path,
        area=area,
        level=level,
        min_version=_parse_version(header["min_version"], where),
        spec=header["spec"],
        description=header["description"],
        requires=frozenset(requires),
        negative=header.get("negative"),
        expectations=tuple(expectations),
        source=source,
        time_limit=_parse_time_limit(header["time_limit"], where) if "time_limit" in header else None,
    )


def _parse_time_limit(text: str, where: str) -> float:
    match = re.match(r"^\d+(\.\d+)?$", text)
    if match is None or float(text) <= 0:
        raise CaseError("%s: time_limit %r is not a positive number of seconds" % (where, text))
    return float(text)


def _parse_version(text: str, where: str) -> tuple[int, int]:
    match = re.match(r"^(\d+)\.(\d+)$", text)
    if match is None:
        raise CaseError("%s: min_version %r is not MAJOR.MINOR" % (where, text))
    return int(match.group(1)), int(match.group(2))


def _parse_expectation(text: str, condition: str | None, where: str, line: int) -> Expectation:
    place = "%s:%d" % (where, line)
    raises = _RAISES.match(text)
    equals = None if raises else _EQUALS.match(text)
    if raises is None and equals is None:
        raise CaseError("%s: expectation %r is neither `PATH == LITERAL` nor `PATH raises NAME`" % (place, text))
    path_text = (raises or equals).group("path")  # type: ignore[union-attr]
    path = _PATH.match(path_text)
    if path is None:
        raise CaseError("%s: %r is not a probe path" % (place, path_text))
    if path.group("facet") == "output" and path.group("label") != "program":
        raise CaseError("%s: only the program as a whole has an output (program.output)" % place)
    expected: Any = None
    if equals is not None:
        literal = equals.group("literal").strip()
        if literal == "EMPTY":
            expected = EMPTY
        else:
            try:
                expected = ast.literal_eval(literal)
            except (ValueError, SyntaxError):
                raise CaseError("%s: %r is not a Python literal" % (place, literal)) from None
    return Expectation(
        text=text if condition is None else "[%s] %s" % (condition, text),
        label=path.group("label"),
        facet=path.group("facet") or path.group("cellfacet"),
        name=path.group("name"),
        raises=raises.group("name") if raises else None,
        expected=expected,
        condition=_parse_condition(condition, place) if condition else None,
        line=line,
    )


def _parse_condition(text: str, place: str) -> VersionCondition:
    clauses = []
    for part in text.split(","):
        match = _CONDITION.match(part.strip())
        if match is None:
            raise CaseError("%s: version condition %r is not like `>=3.11`" % (place, part))
        clauses.append((match.group("op"), (int(match.group("major")), int(match.group("minor")))))
    return VersionCondition(tuple(clauses))


def _implied_requirements(source: str, expectations: list[Expectation]) -> set[str]:
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("#"))  # not the header
    implied = _syntax_needs(source) | {cap for pattern, cap in _OBSERVES if pattern.search(code)}
    for expectation in expectations:
        implied.update(_FACET_REQUIRES.get(expectation.facet or "", ()))
    return implied


# -- what a program must parse ----------------------------------------------------


def _syntax_needs(source: str) -> set[str]:
    """The syntax capabilities (generators/features.py SYNTAX) that the program's text uses."""
    try:
        return _read_syntax(ast.parse(source))
    except SyntaxError:
        pass
    newer, rest = _newer_than_host(source)
    try:
        return newer | _read_syntax(ast.parse(rest))
    except SyntaxError:  # not a program in any grammar the host knows: only its tokens say anything
        return newer


def _read_syntax(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        found.update(_node_syntax(node))
    found.update(_async_syntax(tree))
    return found


def _node_syntax(node: ast.AST) -> Iterator[str]:
    """The syntax capabilities this node needs by itself (what depends on its scope: _async_syntax)."""
    kind = type(node).__name__  # (by name where the oldest host the suite supports, 3.10, has no such node)
    if isinstance(node, ast.Nonlocal):
        yield "nonlocal"
    if isinstance(node, ast.NamedExpr):
        yield "walrus"
    if isinstance(node, ast.arguments):
        if node.posonlyargs:
            yield "posonly"
        if node.kwonlyargs:
            yield "kwonly"
    if isinstance(node, ast.Starred) and isinstance(node.ctx, ast.Store):
        yield "starred_assignment"
    unpacks = isinstance(node, (ast.List, ast.Tuple, ast.Set)) and any(isinstance(e, ast.Starred) for e in node.elts)
    if unpacks and not isinstance(getattr(node, "ctx", None), ast.Store):  # (a starred target: starred_assignment)
        yield "extended_unpacking"
    if isinstance(node, ast.Dict) and None in node.keys:
        yield "extended_unpacking"
    if isinstance(node, ast.Call):
        yield from _call_syntax(node)
    if isinstance(node, ast.Match):
        yield "match"
    if isinstance(node, (ast.AsyncFunctionDef, ast.Await, ast.AsyncFor, ast.AsyncWith)):
        yield "async"
    if isinstance(node, ast.comprehension) and node.is_async:
        yield "async_comprehension"
    if isinstance(node, ast.YieldFrom):
        yield "yield_from"
    if isinstance(node, ast.ClassDef) and node.keywords:
        yield "class_keywords"
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        if not all(_dotted_call(decorator) for decorator in node.decorator_list):
            yield "decorator_expressions"
        if getattr(node, "type_params", None):  # a host of 3.12 or later parses PEP 695 (older: _newer_than_host)
            yield "type_params"
    if kind == "TypeAlias":
        yield "type_alias"
    if isinstance(node, ast.JoinedStr):
        yield "fstring"
    if isinstance(node, ast.DictComp):
        yield "dict_comprehension"
    if isinstance(node, ast.Set):
        yield "set_literal"
    if isinstance(node, ast.IfExp):
        yield "conditional_expression"
    if kind in ("Try", "TryStar") and getattr(node, "finalbody", None):
        yield "try_finally"
    if isinstance(node, (ast.With, ast.AsyncWith)) and any(item.optional_vars for item in node.items):
        yield "with_as"
    if isinstance(node, ast.Compare) and len(node.ops) > 1:
        yield "chained_comparison"


def _call_syntax(call: ast.Call) -> Iterator[str]:
    starred = [isinstance(arg, ast.Starred) for arg in call.args]
    double = [keyword.arg is None for keyword in call.keywords]
    if any(starred) or any(double):
        yield "starred_call"
    if not all(double):
        yield "keyword_call"
    # Before PEP 448 a call had one *args at most, with only keywords after it, and one **kwargs, last.
    if sum(starred) > 1 or (any(starred) and not starred[-1]) or sum(double) > 1 or (any(double) and not double[-1]):
        yield "extended_unpacking"


def _dotted_call(decorator: ast.expr) -> bool:
    """Whether a decorator is a dotted name, optionally called: all the grammar allowed before PEP 614."""
    node = decorator.func if isinstance(decorator, ast.Call) else decorator
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _async_syntax(node: ast.AST, in_async: bool = False, in_comprehension: bool = False) -> Iterator[str]:
    """What depends on the scope: `yield` in an async def, `await` in a comprehension (both PEP 525/530, 3.6)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, _SCOPES):
            yield from _async_syntax(child, isinstance(child, ast.AsyncFunctionDef))
            continue
        if in_async and isinstance(child, (ast.Yield, ast.YieldFrom)):
            yield "async_generator"
        if in_comprehension and isinstance(child, ast.Await):
            yield "async_comprehension"
        yield from _async_syntax(child, in_async, in_comprehension or isinstance(child, _COMPREHENSIONS))


_STATEMENT_ENDS = (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT)


def _newer_than_host(source: str) -> tuple[set[str], str]:
    """PEP 695 syntax (3.12), found by its tokens, and the source without it, for a host whose ast lacks it.

    `type X = ...` loses its `type`, `def f[T](...)` and `class C[T]` their brackets: what is
    left is a program the host parses, with every other construct where it was.
    """
    found: set[str] = set()
    lines = source.splitlines(keepends=True)
    cuts: list[tuple[tuple[int, int], tuple[int, int]]] = []  # (start, end) as tokenize gives them
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type != tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError):  # unbalanced brackets, a bad indent
        return found, source
    statement_start = True
    for index, token in enumerate(tokens[:-2]):
        after, then = tokens[index + 1], tokens[index + 2]
        if token.type == tokenize.NAME and after.type == tokenize.NAME:
            if token.string == "type" and statement_start and then.string in ("=", "["):
                found.add("type_alias")
                cuts.append((token.start, after.start))
            elif token.string in ("def", "class") and then.string == "[":
                found.add("type_params")
                cuts.append((then.start, _closing(tokens, index + 2).end))
        statement_start = token.type in _STATEMENT_ENDS or (token.type == tokenize.OP and token.string == ";")
    for (start_row, start_col), (end_row, end_col) in reversed(cuts):
        lines[start_row - 1] = lines[start_row - 1][:start_col] + lines[end_row - 1][end_col:]
        del lines[start_row:end_row]
    return found, "".join(lines)


def _closing(tokens: list[tokenize.TokenInfo], opening: int) -> tokenize.TokenInfo:
    """The token that closes the bracket at tokens[opening]."""
    depth = 0
    for token in tokens[opening:]:
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
            if depth == 0:
                return token
    return tokens[-1]


# -- what a case expects --------------------------------------------------------


def _expected(case: Case, version: tuple[int, ...]) -> Expected:
    """The case's header as expected observations for a target of this language version."""
    compile_error: dict[str, Any] | None = {"type": case.negative} if case.negative else None
    error: dict[str, Any] | None = None
    output: str | None = None
    observations: dict[str, dict[str, Any]] = {}
    for expectation in case.expectations:
        if not expectation.applies_to(version):
            continue
        facet, value = expectation.facet, expectation.expected
        if expectation.label == "program":
            if expectation.raises is not None:
                error = {**(error or {}), "type": expectation.raises}
            elif facet == "message":  # the message of what compiling (or else running) the program raised
                if compile_error is not None:
                    compile_error["message"] = value
                else:
                    error = {**(error or {}), "message": value}
            elif facet == "output":
                output = value
            continue
        observation = observations.setdefault(expectation.label, {})
        if expectation.raises is not None:
            observation.setdefault("raises", {})["type"] = expectation.raises
        elif facet == "message":
            observation.setdefault("raises", {})["message"] = value
        elif facet is None:
            observation["value"] = runner.encode(value)
        elif facet == "closure":
            observation["closure"] = value
        elif facet in ("freevars", "cellvars"):
            observation[facet] = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
            if isinstance(value, (set, frozenset)):
                observation.setdefault("unordered", []).append(facet)
        elif facet in ("cells", "cell_ids"):
            cell = observation.setdefault("cells", {}).setdefault(expectation.name, {})
            _expect_cell(cell, value, facet == "cell_ids")
        elif facet in ("contents", "id"):
            _expect_cell(observation.setdefault("cell", {}), value, facet == "id")
    return Expected(observations, compile_error, error, output, exhaustive=False)


def _expect_cell(cell: dict[str, Any], value: Any, identity: bool) -> None:
    if identity:
        cell["id"] = value
    elif value is EMPTY:
        cell["empty"] = True
    else:
        cell["value"] = runner.encode(value)
