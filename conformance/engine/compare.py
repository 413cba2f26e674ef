"""The one comparison: what a program must observe against what a target observed, level by level.

Cases and generated programs are judged here alike. What a program must observe is
an `Expected`: the reference model's prediction of every probe (exhaustive), or the
probes a case's header names (conformance/engine/casefile.py). Observations are in
the runner's format (conformance/target/runner.py); an expected observation holds
only the facts that are predicted, and only those are compared. Each difference is
classified by level:

    language        whether it compiled, whether it raised (the exact exception class),
                    values, which probes ran, what kind of object was probed, output
    data-model      __closure__ (None or its length), the set of co_freevars and
                    co_cellvars, each cell's contents or emptiness, which closures
                    share a cell
    cpython-detail  the order of co_freevars and co_cellvars, message texts (where
                    predicted)

Values compare by their canonical encoding (runner.canonical: True is not 1, 1.0 is
not 1, reprs of opaque objects are left out: they carry addresses), and are shown
to people as Python would show them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from conformance.engine.records import Difference
from conformance.host.protocol import ProgramResult
from conformance.target.runner import canonical

LANGUAGE, DATA_MODEL, CPYTHON_DETAIL = "language", "data-model", "cpython-detail"
ALL_LEVELS = (LANGUAGE, DATA_MODEL, CPYTHON_DETAIL)
SHOWN_MESSAGE = 120  # characters of an exception message shown in a difference


@dataclass(frozen=True)
class Expected:
    """What a program must observe.

    compile_error, error: the exception compiling or running the program must raise
    ({type, module?, message?}), or None for none. observations: label -> expected
    observation, in the runner's format, holding only what is predicted. output: what
    the program must print (None: not predicted). exhaustive: every probe the program
    reaches is predicted, so a probe reached that is not listed is a difference.
    unordered observation keys ("freevars", "cellvars") listed under an observation's
    "unordered" compare as sets.
    """

    observations: dict[str, dict[str, Any]] = field(default_factory=dict)
    compile_error: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    output: str | None = None
    exhaustive: bool = True

    @classmethod
    def from_result(cls, result: dict[str, Any] | ProgramResult) -> Expected:
        """A prediction in the runner's result format (the model's, or a reference interpreter's answer)."""
        if isinstance(result, ProgramResult):
            return cls(dict(result.observations), result.compile_error, result.error)
        observations = result.get("observations", {})
        if isinstance(observations, list):
            observations = dict(observations)
        return cls(observations, result.get("compile_error"), result.get("error"))

    def to_result(self) -> dict[str, Any]:
        """In the runner's own result format (observations as [label, observation] pairs)."""
        document: dict[str, Any] = {"observations": [[label, obs] for label, obs in self.observations.items()]}
        for key in ("compile_error", "error"):
            if getattr(self, key) is not None:
                document[key] = getattr(self, key)
        return document


def compare(expected: Expected, observed: ProgramResult, levels: Iterable[str] = ALL_LEVELS) -> list[Difference]:
    """Every difference at the given levels, program-level ones first.

    What one side has and the other lacks altogether (a program only one side compiled, a closure probe only
    one side reached) differs at each level whose facts it carries, and is told once, at the first level asked
    for: a level's comparison never passes because the facts it compares are missing on one side."""
    wanted = tuple(level for level in ALL_LEVELS if level in set(levels))
    return [d for d in _differences(expected, observed, wanted) if d.level in wanted]


def _differences(expected: Expected, observed: ProgramResult, wanted: tuple[str, ...]) -> list[Difference]:
    if observed.fault is not None:
        fault = observed.fault.describe()
        return [Difference(level, "program", "run", "a result", fault) for level in ALL_LEVELS]
    compiled = _exceptions("program", "compile", expected.compile_error, observed.compile_error)
    if compiled and (expected.compile_error is None or observed.compile_error is None):
        # one side never ran the program: nothing else is comparable
        return [dataclasses.replace(compiled[0], level=level) for level in wanted[:1]]
    found = compiled
    found += _exceptions("program", "uncaught exception", expected.error, observed.error)
    if expected.output is not None and expected.output != observed.output:
        found.append(Difference(LANGUAGE, "program", "output", repr(expected.output), repr(observed.output)))
    ours, theirs = expected.observations, observed.observations
    for label in ours:
        if label not in theirs:
            found += _reached(label, ours[label], "to be reached", "never reached", wanted)
        else:
            found += _observation(label, ours[label], theirs[label])
    if expected.exhaustive:
        for label in theirs:
            if label not in ours:
                shown = "reached: %s" % _show(theirs[label])
                found += _reached(label, theirs[label], "not to be reached", shown, wanted)
    return found


def _reached(label: str, observation: dict[str, Any], expected: str, observed: str, wanted: tuple[str, ...]
             ) -> list[Difference]:  # fmt: skip
    """A probe reached on one side only: a difference in what the program does, and (a closure or cell probe)
    in the facts of every level it reports, which the other side has none of."""
    levels = ALL_LEVELS if set(observation) & _CLOSURE_FACTS else (LANGUAGE,)
    return [Difference(level, label, "probe", expected, observed) for level in levels if level in wanted][:1]


_CLOSURE_FACTS = {"freevars", "cellvars", "closure", "cells", "cell", "unsupported"}


def _exceptions(probe: str, what: str, expected: dict[str, Any] | None, observed: dict[str, Any] | None
                ) -> list[Difference]:  # fmt: skip
    if expected is None and observed is None:
        return []
    if expected is None or observed is None:
        shown = (show_exception(expected) if expected else "none", show_exception(observed) if observed else "none")
        return [Difference(LANGUAGE, probe, what, *shown)]
    if "type" in expected and (expected["type"] != observed.get("type") or _module(expected) != _module(observed)):
        return [Difference(LANGUAGE, probe, what, show_exception(expected), show_exception(observed))]
    if "message" in expected and expected["message"] != observed.get("message"):
        return [Difference(CPYTHON_DETAIL, probe, what + " message", repr(expected["message"]),
                           repr(observed.get("message")))]  # fmt: skip
    return []


def _module(exception: dict[str, Any]) -> str:
    module = exception.get("module") or "builtins"
    return "builtins" if module == "exceptions" else str(module)  # (Python 2's name for it)


def _observation(label: str, expected: dict[str, Any], observed: dict[str, Any]) -> list[Difference]:
    if "raises" in expected or "raises" in observed:
        if "raises" in expected and "raises" in observed:
            return _exceptions(label, "exception", expected["raises"], observed["raises"])
        return [Difference(LANGUAGE, label, "outcome", _outcome(expected), _outcome(observed))]
    if "value" in expected:
        if "value" not in observed or not same(expected["value"], observed["value"]):
            return [Difference(LANGUAGE, label, "value", _outcome(expected), _outcome(observed))]
        return []
    if "cell" in expected:
        return _cell(label, "cell", expected["cell"], observed.get("cell"))
    return _closure(label, expected, observed)


def _closure(label: str, expected: dict[str, Any], observed: dict[str, Any]) -> list[Difference]:
    # (the object's type is a language fact, its closure data-model facts: each level's are compared whatever the
    # other's are, so that a type named otherwise hides no difference in the cells, nor the cells one in the type)
    found = []
    if "type" in expected and expected["type"] != observed.get("type"):
        found.append(Difference(LANGUAGE, label, "type", str(expected["type"]), str(observed.get("type"))))
    if not ("freevars" in expected or "closure" in expected or "cells" in expected or "cellvars" in expected):
        return found  # not a function: nothing more is predicted
    if "unsupported" in observed:
        found.append(
            Difference(DATA_MODEL, label, "closure", "__closure__ and __code__", "no %s" % observed["unsupported"])
        )
        return found
    if "closure" in expected and expected["closure"] != observed.get("closure"):
        found.append(Difference(DATA_MODEL, label, "__closure__", _length(expected), _length(observed)))
    unordered = expected.get("unordered", ())
    for fact, shown in (("freevars", "co_freevars"), ("cellvars", "co_cellvars")):
        if fact not in expected:
            continue
        ours, theirs = expected[fact], observed.get(fact)
        if theirs is None:
            found.append(Difference(DATA_MODEL, label, shown, _names(ours), "no %s" % shown))
        elif sorted(ours) != sorted(theirs) or len(set(theirs)) != len(theirs):
            found.append(Difference(DATA_MODEL, label, shown, _names(sorted(ours)), _names(sorted(theirs))))
        elif fact not in unordered and ours != theirs:
            found.append(Difference(CPYTHON_DETAIL, label, shown + " order", _names(ours), _names(theirs)))
    their_cells = observed.get("cells") or {}
    for name, cell in sorted(expected.get("cells", {}).items()):
        if name in their_cells or "freevars" not in expected:  # (a missing name is a co_freevars difference)
            found += _cell(label, "cell %s" % name, cell, their_cells.get(name))
    return found


def _cell(label: str, facet: str, expected: dict[str, Any], observed: dict[str, Any] | None) -> list[Difference]:
    """A cell's contents (or emptiness) and identity label, as far as they are predicted."""
    if observed is None:
        return [Difference(DATA_MODEL, label, facet, show_cell(expected), "no cell")]
    found = []
    if ("value" in expected or "empty" in expected) and not _same_contents(expected, observed):
        found.append(Difference(DATA_MODEL, label, facet, show_cell(expected), show_cell(observed)))
    if "id" in expected and expected["id"] != observed.get("id"):
        found.append(Difference(DATA_MODEL, label, facet + " identity", "cell #%s" % expected["id"],
                                "cell #%s" % observed.get("id")))  # fmt: skip
    return found


def _same_contents(expected: dict[str, Any], observed: dict[str, Any]) -> bool:
    if expected.get("empty") or observed.get("empty"):
        return bool(expected.get("empty")) and bool(observed.get("empty"))
    return "value" in observed and same(expected["value"], observed["value"])


def same(a: Any, b: Any) -> bool:
    """Equality of encoded values, as a program can tell them apart: equal canonical encodings.

    (For two values of the same scalar type, `==` says the same, faster: most values are ints. Two values
    equal with the same repr are the same JSON document, so their canonical encodings are equal too: the
    common case, agreement, costs no encoding; `==` alone would take 1 for True or 1.0.)
    An expected {"matches": pattern} is a string known only by its form (a name an implementation makes up with
    a random part: deviation locals-lists-the-lambdas-made-in-the-function), which any string that the regular
    expression matches in full is; a list holding one compares item by item.
    """
    if type(a) is dict and len(a) == 1 and "matches" in a:
        return (type(b) is str and re.fullmatch(a["matches"], b) is not None) or a == b  # (or the same form)
    if type(a) is not type(b):
        return False
    if a is None or type(a) in _SCALARS:
        return bool(a == b)
    if a == b and repr(a) == repr(b):
        return True
    if type(a) is list and len(a) == len(b) and any(type(item) in (dict, list) for item in a):
        return all(same(x, y) for x, y in zip(a, b, strict=True))
    return canonical(a) == canonical(b)


_SCALARS = (int, str, bool)


# -- showing values to people ---------------------------------------------------------


def show(encoded: Any) -> str:
    """An encoded value as Python would show it: (1, 2), {'a': 1}, <function f>, float('nan')."""
    return repr(_decode(encoded))


def show_exception(exception: dict[str, Any]) -> str:
    """`NameError: name 'x' is not defined`, `mod.Error (a subclass of KeyError)`."""
    text = str(exception.get("type", "an exception"))
    if exception.get("module") not in ("builtins", "exceptions", None):
        text = "%s.%s" % (exception["module"], text)
    mro = exception.get("mro", [])
    if len(mro) > 2 and mro[1] not in ("Exception", "BaseException"):
        text += " (a subclass of %s)" % mro[1]
    message = exception.get("message")
    if message:
        text += ": %s" % (message if len(message) <= SHOWN_MESSAGE else message[:SHOWN_MESSAGE] + "...")
    return text


def show_cell(cell: dict[str, Any]) -> str:
    if cell.get("empty"):
        return "empty"
    if "value" in cell:
        return show(cell["value"])
    return "no cell_contents" if cell.get("unsupported") else "a cell"


def _outcome(observation: dict[str, Any]) -> str:
    """What a probe's call did: `raises NameError: ...`, `returns [1, 2]`, or `no value` (another kind of probe)."""
    if "raises" in observation:
        return "raises " + show_exception(observation["raises"])
    if "value" in observation:
        return "returns " + show(observation["value"])
    return "no value"


def _show(observation: dict[str, Any]) -> str:
    """What a probe saw, in a few words."""
    if "raises" in observation or "value" in observation:
        return _outcome(observation)
    if "cell" in observation:
        return "a cell probe"
    return "a closure probe of a %s" % observation.get("type", "function")


def _length(facts: dict[str, Any]) -> str:
    closure = facts.get("closure")
    return "None" if closure is None else "%d cells" % closure


def _names(names: list[str]) -> str:
    return "(%s)" % ", ".join(names)


class _Shown:
    """Shows as the text given: for values whose Python repr is not what to show."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _decode(encoded: Any) -> Any:
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
            return _Shown(str(encoded.get("repr") or "<%s object>" % encoded["object"]))
        if "matches" in encoded:
            return _Shown("<a string matching %s>" % encoded["matches"])
    return encoded
