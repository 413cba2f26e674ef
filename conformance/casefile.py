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
    min_version  oldest Python language version the rule (and the program) needs
    spec         the section of the Language Reference or data model it rests on
    description  one line
    requires     optional, comma-separated handshake capabilities (`cell_type`);
                 those implied by the program (`nonlocal`, `:=`, f-strings) and by
                 the expectations (`.closure`, `.cellvars`) are added automatically
    negative     optional: the exception class compiling the program must raise
    expect       one per observation; `expect[>=3.11]:` and `expect[<3.11]:` apply
                 to some language versions only

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

Expected values come from the rules, never from running an interpreter.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance import runner
from conformance.areas import AREAS_BY_SLUG, LEVELS
from conformance.compare import same
from conformance.driver import Hello, ProgramResult

CASES_DIR = Path(__file__).with_name("cases")

REQUIRED_KEYS = ("area", "level", "min_version", "spec", "description")
OPTIONAL_KEYS = ("requires", "negative")

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
_SOURCE_REQUIRES = (
    (re.compile(r"\bnonlocal\b"), "nonlocal"),
    (re.compile(r":="), "walrus"),
    (re.compile(r"""\bf['"]"""), "fstring"),
    (re.compile(r"\basync\s+def\b"), "async"),
    # what the program observes: a target without it has the case reported as unsupported
    (re.compile(r"__closure__"), "closure_attr"),
    (re.compile(r"__code__|\bco_(freevars|cellvars)\b"), "code_attr"),
    (re.compile(r"\bcell_contents\b"), "cell_contents"),
    (re.compile(r"\bCellType\b"), "cell_type"),
    (re.compile(r"\bFunctionType\b"), "function_type"),
    (re.compile(r"^\s*(import|from)\s+inspect\b", re.MULTILINE), "inspect"),
    (re.compile(r"^\s*(import|from)\s+weakref\b", re.MULTILINE), "weakref"),
    (re.compile(r"^\s*(import|from)\s+gc\b", re.MULTILINE), "gc"),
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
class Mismatch:
    expectation: str
    expected: str
    observed: str


@dataclass(frozen=True)
class Case:
    id: str  # "late-binding/loop-lambdas-see-last-value"
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

    def skip_reason(self, hello: Hello) -> str | None:
        """Why this case does not apply to the target's language version, or None when it does."""
        if tuple(hello.version[:2]) < self.min_version:
            return "needs Python %d.%d, target speaks %s" % (*self.min_version, hello.language)
        return None

    def missing_capabilities(self, hello: Hello) -> list[str]:
        """The capabilities the case needs that the target's handshake says it lacks."""
        return sorted(cap for cap in self.requires if not hello.capabilities.get(cap, False))

    def check(self, result: ProgramResult, version: tuple[int, ...]) -> list[Mismatch]:
        """Every way the target's observations differ from what the case expects."""
        return check_result(self, result, version)


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
        id="%s/%s" % (area, path.stem),
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
    )


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
    implied = {cap for pattern, cap in _SOURCE_REQUIRES if pattern.search(source)}
    for expectation in expectations:
        implied.update(_FACET_REQUIRES.get(expectation.facet or "", ()))
    return implied


# -- checking ----------------------------------------------------------------


def check_result(case: Case, result: ProgramResult, version: tuple[int, ...]) -> list[Mismatch]:
    if result.fault is not None:
        return [
            Mismatch(
                "the program runs to completion", "a result", "%s: %s" % (result.fault.outcome, result.fault.detail)
            )
        ]
    mismatches: list[Mismatch] = []
    if case.negative is not None:
        observed = result.compile_error
        if observed is None or not _is_exactly(observed, case.negative):
            what = "compiled without error" if observed is None else _describe_exception(observed)
            mismatches.append(Mismatch("compiling raises %s" % case.negative, case.negative, what))
    elif result.compile_error is not None:
        return [Mismatch("the program compiles", "no error", _describe_exception(result.compile_error))]
    elif result.error is not None and not any(e.label == "program" for e in case.expectations):
        mismatches.append(
            Mismatch("the program runs without an uncaught exception", "no error", _describe_exception(result.error))
        )
    for expectation in case.expectations:
        if expectation.applies_to(version):
            mismatch = _check_one(expectation, result)
            if mismatch is not None:
                mismatches.append(mismatch)
    return mismatches


def _program_observation(result: ProgramResult) -> dict[str, Any]:
    error = result.compile_error or result.error
    observation: dict[str, Any] = {"raises": error} if error else {"value": None}
    observation["output"] = result.output
    return observation


def _check_one(expectation: Expectation, result: ProgramResult) -> Mismatch | None:
    if expectation.label == "program":
        observation: dict[str, Any] | None = _program_observation(result)
    else:
        observation = result.observations.get(expectation.label)
    if observation is None:
        return Mismatch(
            expectation.text, _describe_expected(expectation), "probe %r was never reached" % expectation.label
        )
    unsupported = observation.get("unsupported")
    if unsupported and expectation.facet not in (None, "message", "output"):
        return Mismatch(expectation.text, _describe_expected(expectation), "the target has no %s" % unsupported)
    found, observed = _observed(expectation, observation)
    if not found:
        return Mismatch(expectation.text, _describe_expected(expectation), observed)
    if expectation.raises is not None:
        if _is_exactly(observed, expectation.raises):
            return None
        return Mismatch(expectation.text, expectation.raises, _describe_exception(observed))
    if _matches(expectation, observed):
        return None
    return Mismatch(expectation.text, _describe_expected(expectation), render(observed))


def _observed(expectation: Expectation, observation: dict[str, Any]) -> tuple[bool, Any]:
    """The observed value an expectation talks about, or (False, why it is missing)."""
    facet = expectation.facet
    if expectation.raises is not None or facet == "message":
        if "raises" not in observation:
            return False, "returned %s" % render(observation.get("value"))
        return True, (observation["raises"] if expectation.raises else observation["raises"]["message"])
    if facet is None:
        if "raises" in observation:
            return False, "raised %s" % _describe_exception(observation["raises"])
        if "value" not in observation:
            return False, "probe %r recorded no value" % expectation.label
        return True, observation["value"]
    if facet == "output":
        return True, observation.get("output", "")
    if facet in ("contents", "id"):
        cell = observation.get("cell")
        if cell is None:
            return False, "probe %r recorded no cell" % expectation.label
        return True, _cell_part(cell, facet == "id")
    if facet in ("cells", "cell_ids"):
        cells = observation.get("cells")
        if cells is None:
            return False, "no cells (__closure__ is %s)" % render(observation.get("closure"))
        if expectation.name not in cells:
            return False, "no cell for %r (cells for %s)" % (expectation.name, ", ".join(sorted(cells)) or "nothing")
        return True, _cell_part(cells[expectation.name], facet == "cell_ids")
    if facet not in observation:
        return False, "probe %r recorded no %s" % (expectation.label, facet)
    return True, observation[facet]


def _cell_part(cell: dict[str, Any], identity: bool) -> Any:
    if identity:
        return cell.get("id")
    if cell.get("empty"):
        return EMPTY
    return cell.get("value")


def _matches(expectation: Expectation, observed: Any) -> bool:
    expected = expectation.expected
    if expected is EMPTY or observed is EMPTY:
        return expected is observed
    if expectation.facet in ("freevars", "cellvars") and isinstance(expected, (set, frozenset)):
        return isinstance(observed, list) and set(observed) == expected and len(set(observed)) == len(observed)
    if expectation.facet in ("freevars", "cellvars") and isinstance(expected, tuple):
        return bool(observed == list(expected))
    if expectation.facet in ("message", "output"):
        return bool(observed == expected)
    return same(runner.encode(expected), observed)


def _is_exactly(exception: dict[str, Any], name: str) -> bool:
    return exception.get("type") == name and exception.get("module") in ("builtins", "exceptions")


def _describe_exception(exception: dict[str, Any]) -> str:
    name = exception.get("type", "?")
    mro = exception.get("mro", [])
    text = str(name)
    if len(mro) > 2 and mro[1] not in ("Exception", "BaseException"):
        text += " (a subclass of %s)" % mro[1]
    message = exception.get("message")
    if message:
        text += ": %s" % message
    return text


def _describe_expected(expectation: Expectation) -> str:
    if expectation.raises is not None:
        return "raises %s" % expectation.raises
    return repr(expectation.expected)


def render(encoded: Any) -> str:
    """An encoded value shown as Python source, for people reading a failure."""
    return str(repr(_decode(encoded)))


class _Shown:
    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _decode(encoded: Any) -> Any:
    if encoded is EMPTY:
        return EMPTY
    if isinstance(encoded, list):
        return [_decode(item) for item in encoded]
    if isinstance(encoded, dict) and len(encoded) >= 1:
        if "tuple" in encoded:
            return tuple(_decode(item) for item in encoded["tuple"])
        if "dict" in encoded:
            return _Shown("{%s}" % ", ".join("%r: %r" % (_decode(k), _decode(v)) for k, v in encoded["dict"]))
        for kind in ("set", "frozenset"):
            if kind in encoded:
                items = ", ".join(repr(_decode(item)) for item in encoded[kind])
                return _Shown(("{%s}" % items if items else "set()") if kind == "set" else "frozenset({%s})" % items)
        if "function" in encoded:
            return _Shown("<function %s>" % encoded["function"])
        if "float" in encoded:
            return _Shown("float(%r)" % encoded["float"])
        if "object" in encoded:
            return _Shown(str(encoded.get("repr", "<%s>" % encoded["object"])))
    return encoded
