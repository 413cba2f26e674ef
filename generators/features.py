"""What a target can parse, so strategies and the emitter never produce syntax it cannot.

Built from the runner's handshake: it compiles one probe per construct
(conformance/target/runner.py, SYNTAX_PROBES), so a target gets the constructs it
parses, whatever language version it reports — MicroPython says 3.4 and parses `:=`,
and a target that cannot parse `match` simply gets programs without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Syntax:
    """A construct the handshake probes: its capability key, its name for people, when CPython's grammar got it."""

    capability: str
    name: str
    since: tuple[int, int]


SYNTAX: dict[str, Syntax] = {
    syntax.capability: syntax
    for syntax in (
        Syntax("nonlocal", "nonlocal", (3, 0)),
        Syntax("walrus", ":=", (3, 8)),
        Syntax("posonly", "positional-only parameters", (3, 8)),
        Syntax("kwonly", "keyword-only parameters", (3, 0)),
        Syntax("starred_assignment", "starred assignment targets", (3, 0)),
        Syntax("extended_unpacking", "unpacking in displays and calls (PEP 448)", (3, 5)),
        Syntax("match", "match", (3, 10)),
        Syntax("async", "async def", (3, 5)),
        Syntax("async_generator", "async generators", (3, 6)),
        Syntax("async_comprehension", "async comprehensions", (3, 6)),
        Syntax("yield_from", "yield from", (3, 3)),
        Syntax("class_keywords", "keywords in a class's bases", (3, 0)),
        Syntax("decorator_expressions", "decorator expressions", (3, 9)),
        Syntax("type_params", "type parameters", (3, 12)),
        Syntax("type_alias", "type statements", (3, 12)),
        Syntax("variable_annotations", "variable annotations", (3, 6)),
        Syntax("fstring", "f-strings", (3, 6)),
        Syntax("dict_comprehension", "dict comprehensions", (3, 0)),
        Syntax("set_literal", "set displays", (3, 0)),
        Syntax("conditional_expression", "conditional expressions", (3, 0)),
        Syntax("try_finally", "try with finally", (3, 0)),
        Syntax("with_as", "with ... as", (3, 0)),
        Syntax("chained_comparison", "chained comparisons", (3, 0)),
        Syntax("starred_call", "*args and **kwargs in calls", (3, 0)),
        Syntax("keyword_call", "keyword arguments", (3, 0)),
    )
}

# What the handshake checks by running a snippet rather than by compiling one (runner.py, _capabilities):
# a def's annotations kept in __annotations__, which MicroPython and Skulpt parse but drop.
BEHAVIOUR: dict[str, Syntax] = {
    behaviour.capability: behaviour
    for behaviour in (
        Syntax("annotations", "annotations kept in __annotations__", (3, 0)),
        Syntax("dynamic_execution", "eval and exec", (3, 0)),
    )
}
_KEYS = {**SYNTAX, **BEHAVIOUR}

# A handshake that does not mention one of these (a runner or adapter older than its probe) is
# taken to parse it: every Python 3 the suite can meet does (`yield from` is 3.3, and no target
# reports an older language than MicroPython's 3.4). Anything else it does not mention, it lacks.
ASSUMED = frozenset(
    {"nonlocal", "kwonly", "starred_assignment", "yield_from"}
    | {capability for capability, syntax in SYNTAX.items() if syntax.since == (3, 0)}
)


def parses(capabilities: Mapping[str, bool], capability: str) -> bool:
    """Whether a handshake's capabilities say the target parses the construct (not mentioned: ASSUMED)."""
    return bool(capabilities.get(capability, capability in ASSUMED))


# The capability key of each field that does not bear its name.
_CAPABILITY = {"nonlocal_statement": "nonlocal", "async_def": "async"}


@dataclass(frozen=True)
class Features:
    version: tuple[int, int]  # the Python language version the target implements
    nonlocal_statement: bool = True
    walrus: bool = True  # assignment expressions, 3.8+
    posonly: bool = True  # def f(a, /), 3.8+
    kwonly: bool = True  # def f(*, a)
    starred_assignment: bool = True  # a, *b = ...
    extended_unpacking: bool = True  # PEP 448: [*a, *b], f(*a, *b), {**a, **b}, 3.5+
    match: bool = True  # 3.10+
    async_def: bool = True  # 3.5+
    async_generator: bool = True  # yield in an async def, 3.6+
    async_comprehension: bool = True  # async for (and await) in a comprehension, 3.6+
    yield_from: bool = True  # 3.3+
    class_keywords: bool = True  # class C(B, k=1)
    decorator_expressions: bool = True  # PEP 614: any expression after @, 3.9+
    type_params: bool = True  # def f[T](), class C[T], 3.12+
    type_alias: bool = True  # type X = ..., 3.12+
    variable_annotations: bool = True  # x: int = 1, 3.6+
    annotations: bool = True  # def f(x: int): its __annotations__ (a handshake check, not only a parse)
    dynamic_execution: bool = True  # eval() and exec() of source text (a handshake check)

    @classmethod
    def for_version(cls, version: tuple[int, ...]) -> Features:
        """What a CPython of this version parses."""
        major_minor = (version[0], version[1])
        return cls(major_minor, **{name: major_minor >= _KEYS[key].since for name, key in _constructs()})

    @classmethod
    def from_handshake(cls, language: str, capabilities: Mapping[str, bool]) -> Features:
        """What the target's handshake says it parses (its probes, not its version)."""
        major, minor = (int(part) for part in language.split(".")[:2])
        return cls((major, minor), **{name: parses(capabilities, key) for name, key in _constructs()})

    def excluded(self) -> list[str]:
        """Constructs left out of generated programs for this target, for reports."""
        return [_KEYS[key].name for name, key in _constructs() if not getattr(self, name)]


def _constructs() -> list[tuple[str, str]]:
    """(field, capability key) for every construct field of Features, in their order."""
    return [
        (field.name, _CAPABILITY.get(field.name, field.name)) for field in fields(Features) if field.name != "version"
    ]
