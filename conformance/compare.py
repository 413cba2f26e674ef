"""Compare what a program must observe with what a target observed, level by level.

Both sides are results in the runner's format (see runner.py): `compile_error`,
`error` and `observations` (label -> observation). Each difference is classified:

    language        whether it compiled, values, which exception (its exact class),
                    which probes ran, what kind of object was probed
    data-model      __closure__ (None or its length), the set of co_freevars, each
                    cell's contents or emptiness, which closures share a cell
    cpython-detail  the order of co_freevars, message texts (where predicted)

Objects without a JSON form compare by type only: their reprs carry addresses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from conformance.driver import ProgramResult

LANGUAGE, DATA_MODEL, CPYTHON_DETAIL = "language", "data-model", "cpython-detail"


@dataclass(frozen=True)
class Difference:
    level: str
    probe: str  # a probe label, or "program"
    facet: str  # what differs: "value", "exception", "cells", ...
    expected: str
    observed: str

    def describe(self) -> str:
        return "%s %s [%s]: expected %s, observed %s" % (
            self.probe,
            self.facet,
            self.level,
            self.expected,
            self.observed,
        )


def as_result(result: ProgramResult | dict[str, Any]) -> dict[str, Any]:
    """A runner result as a plain dict with observations keyed by label."""
    if isinstance(result, ProgramResult):
        document: dict[str, Any] = {"observations": result.observations}
        if result.compile_error is not None:
            document["compile_error"] = result.compile_error
        if result.error is not None:
            document["error"] = result.error
        if result.fault is not None:
            document["fault"] = {"outcome": result.fault.outcome, "detail": result.fault.detail}
        return document
    observations = result.get("observations", [])
    if isinstance(observations, list):
        result = {**result, "observations": {label: obs for label, obs in observations}}
    return result


def compare(expected: ProgramResult | dict[str, Any], observed: ProgramResult | dict[str, Any],
            levels: Iterable[str] = (LANGUAGE, DATA_MODEL, CPYTHON_DETAIL)) -> list[Difference]:  # fmt: skip
    """Every difference at the given levels, program-level ones first."""
    wanted = set(levels)
    return [d for d in _differences(as_result(expected), as_result(observed)) if d.level in wanted]


def _differences(expected: dict[str, Any], observed: dict[str, Any]) -> list[Difference]:
    fault = observed.get("fault")
    if fault is not None:
        return [Difference(level, "program", "run", "a result", "%s: %s" % (fault["outcome"], fault["detail"]))
                for level in (LANGUAGE, DATA_MODEL, CPYTHON_DETAIL)]  # fmt: skip
    compiled = _exceptions("program", "compile", expected.get("compile_error"), observed.get("compile_error"))
    if compiled and (expected.get("compile_error") is None or observed.get("compile_error") is None):
        return compiled  # one side never ran the program: nothing else is comparable
    found: list[Difference] = compiled
    found += _exceptions("program", "uncaught exception", expected.get("error"), observed.get("error"))
    ours, theirs = expected.get("observations", {}), observed.get("observations", {})
    for label in list(ours) + [label for label in theirs if label not in ours]:
        if label not in theirs:
            found.append(Difference(LANGUAGE, label, "probe", "to be reached", "never reached"))
        elif label not in ours:
            found.append(
                Difference(LANGUAGE, label, "probe", "not to be reached", "reached: %s" % _show(theirs[label]))
            )
        else:
            found += _observation(label, ours[label], theirs[label])
    return found


def _exceptions(
    probe: str, what: str, expected: dict[str, Any] | None, observed: dict[str, Any] | None
) -> list[Difference]:
    if expected is None and observed is None:
        return []
    if expected is None or observed is None:
        shown = (_exception(expected) if expected else "none", _exception(observed) if observed else "none")
        return [Difference(LANGUAGE, probe, what, *shown)]
    if (expected["type"], expected.get("module")) != (observed.get("type"), observed.get("module")):
        return [Difference(LANGUAGE, probe, what, _exception(expected), _exception(observed))]
    if "message" in expected and expected["message"] != observed.get("message"):
        return [
            Difference(
                CPYTHON_DETAIL, probe, what + " message", repr(expected["message"]), repr(observed.get("message"))
            )
        ]
    return []


def _observation(label: str, expected: dict[str, Any], observed: dict[str, Any]) -> list[Difference]:
    if "raises" in expected or "raises" in observed:
        if "raises" in expected and "raises" in observed:
            return _exceptions(label, "exception", expected["raises"], observed["raises"])
        return [Difference(LANGUAGE, label, "outcome", _outcome(expected), _outcome(observed))]
    if "value" in expected:
        if "value" not in observed or not same(expected["value"], observed["value"]):
            return [Difference(LANGUAGE, label, "value", _outcome(expected), _outcome(observed))]
        return []
    return _closure(label, expected, observed)


def _closure(label: str, expected: dict[str, Any], observed: dict[str, Any]) -> list[Difference]:
    if expected.get("type") != observed.get("type"):
        return [Difference(LANGUAGE, label, "type", str(expected.get("type")), str(observed.get("type")))]
    if "freevars" not in expected:
        return []  # not a function: nothing more is predicted
    if "unsupported" in observed:
        return [Difference(DATA_MODEL, label, "closure", "__closure__ and __code__", "no %s" % observed["unsupported"])]
    found = []
    if expected.get("closure") != observed.get("closure"):
        found.append(Difference(DATA_MODEL, label, "__closure__", _length(expected), _length(observed)))
    ours, theirs = expected["freevars"], observed.get("freevars", [])
    if sorted(ours) != sorted(theirs):
        found.append(Difference(DATA_MODEL, label, "co_freevars", _names(sorted(ours)), _names(sorted(theirs))))
    elif ours != theirs:
        found.append(Difference(CPYTHON_DETAIL, label, "co_freevars order", _names(ours), _names(theirs)))
    cells, their_cells = expected.get("cells", {}), observed.get("cells", {})
    for name in sorted(set(cells) & set(their_cells)):
        if _cell(cells[name]) != _cell(their_cells[name]):
            found.append(Difference(DATA_MODEL, label, "cell %s" % name, _cell(cells[name]), _cell(their_cells[name])))
        if cells[name]["id"] != their_cells[name]["id"]:
            found.append(Difference(DATA_MODEL, label, "cell %s identity" % name, "cell #%d" % cells[name]["id"],
                                    "cell #%d" % their_cells[name]["id"]))  # fmt: skip
    return found


def normalized(value: Any) -> Any:
    """An encoded value with reprs of opaque objects dropped (they carry addresses)."""
    if isinstance(value, list):
        return [normalized(item) for item in value]
    if isinstance(value, dict):
        if "object" in value:
            return {"object": value["object"]}
        return {key: normalized(item) for key, item in value.items()}
    return value


def same(a: Any, b: Any) -> bool:
    """Equality of encoded values that keeps True apart from 1 and 1.0 apart from 1."""
    return json.dumps(normalized(a), sort_keys=True) == json.dumps(normalized(b), sort_keys=True)


def render(encoded: Any) -> str:
    return json.dumps(normalized(encoded), sort_keys=True)


def _show(observation: dict[str, Any]) -> str:
    if "value" in observation or "raises" in observation:
        return _outcome(observation)
    return "a closure probe of a %s" % observation.get("type")


def _outcome(observation: dict[str, Any]) -> str:
    if "raises" in observation:
        return "raises " + _exception(observation["raises"])
    if "value" in observation:
        return "returns " + render(observation["value"])
    return "no value"


def _exception(exception: dict[str, Any]) -> str:
    text = str(exception.get("type"))
    if exception.get("module") not in ("builtins", None):
        text = "%s.%s" % (exception["module"], text)
    return text


def _length(facts: dict[str, Any]) -> str:
    closure = facts.get("closure")
    return "None" if closure is None else "%d cells" % closure


def _names(names: list[str]) -> str:
    return "(%s)" % ", ".join(names)


def _cell(cell: dict[str, Any]) -> str:
    return "empty" if cell.get("empty") else render(cell.get("value"))


def signature(differences: list[Difference]) -> str:
    """A stable name for the way a program differs, for expectation files.

    Made from the first difference with program-specific parts left out: which
    probe, which values. `compile:none->SystemError`, `exception:NameError->
    UnboundLocalError`, `run:crash-SIGSEGV`, `type:function->cell`, `value`,
    `co_freevars`. Two programs that hit the same interpreter bug usually share
    it; an expectations entry
    `generated:*#exception:NameError->UnboundLocalError` lets the properties go
    on past that bug while any other difference still fails.
    """
    if not differences:
        return ""
    first = differences[0]
    facet = first.facet
    if facet.startswith("cell "):
        facet = "cell-identity" if first.facet.endswith(" identity") else "cell"
    if first.facet == "run":  # a fault: crash, timeout, protocol-error, with the signal if any
        outcome = first.observed.split(":")[0]
        signal = re.search(r"SIG[A-Z]+", first.observed)
        return "run:%s" % (outcome + ("-" + signal.group(0) if signal else ""))
    if first.facet in ("compile", "uncaught exception", "exception", "outcome", "type"):
        return "%s:%s->%s" % (facet.replace(" ", "-"), _kind(first.expected), _kind(first.observed))
    if first.facet == "probe":
        return "probe:%s" % ("never-reached" if first.observed == "never reached" else "reached")
    return facet.replace(" ", "-")


def _kind(shown: str) -> str:
    """`raises NameError` -> NameError, `returns 3` -> value, `none` -> none."""
    if shown.startswith("raises "):
        return shown[len("raises ") :]
    if shown.startswith("returns "):
        return "value"
    return shown.replace(" ", "-")
