"""Diagnosis: the deviations that explain what a program observed.

A program differs from the model's prediction; which rules did the implementation
depart from? The model predicts the program again under deviations
(conformance/model/deviations.py), one at a time, then two, then three at a time, and the
smallest set under which it predicts exactly what was observed, at the level being
checked, explains the difference. A difference no such set explains is new: a bug
to report, or a deviation the catalogue still lacks.

Only deviations whose rule a prediction reaches can change it (the model says which
it reached: Evaluator.deviates). So the sets tried are those reachable: one deviation
the plain prediction reached, then that one with another its own prediction reached.
A program that declares no global and deletes nothing is never predicted under the
deviations of `del`; most differing programs need a handful of predictions.

A deviation may make a program recurse where the model's own prediction does not (a name
resolved otherwise calls the function it is in). How deep an implementation lets it go
before RecursionError is its own (sys.setrecursionlimit), so the model predicts only up
to where the calls nest deeper than it follows (UnfollowedRecursion): the deviation
explains the program when it observed exactly that much first, and then a RecursionError.

An implementation with many deviations may meet more than three in one long program. When no set of
up to three explains it, the allowed deviations its predictions reach are taken together (each
prediction under those reached so far, until none is added), and if they explain it, each that is not
needed is left out again: the set that remains explains the program, however large. The deviations of
different implementations may contradict each other, so those seen on each implementation are tried
together too.

A program may also have no result: the target crashed or did not finish it. A deviation
explains a crash when under it the model predicts that crash (a fault, with its signal:
the deviation documents the implementation's crash), and a program the target did not
finish when under it the program runs longer than the model follows (a loop made endless
by the deviation's rule, or a recursion that catches at each level what the deeper ones raise) where the
model's own prediction ends.
"""

from __future__ import annotations

from collections.abc import Iterable

from conformance.engine.compare import Expected, compare
from conformance.host.protocol import ProgramResult
from conformance.model.deviations import DEVIATIONS
from conformance.model.evaluate import UnfollowedLoop, UnfollowedRecursion, predict
from conformance.model.scopes import Unspecified
from generators import ir

# Sets larger than this are not tried: an implementation with many deviations meets three in one program.
MAX_DEVIATIONS = 3
ONE_IMPLEMENTATION = 60  # at most as many deviations as one implementation shows (Brython: about 50)

Explanation = tuple[str, ...]  # deviation names, sorted


def diagnose(
    module: ir.Module,
    version: tuple[int, ...],
    observed: ProgramResult,
    level: str,
    candidates: Iterable[str] = DEVIATIONS,
) -> Explanation | None:
    """The smallest set of deviations (sorted names; the first in that order among sets of one size)
    under which the model predicts exactly what was observed at `level`: () when the model's own
    prediction is observed, None when no set of up to MAX_DEVIATIONS explains it. A run that faulted
    is explained only by deviations under which the model predicts that crash, or runs longer than it follows
    (a timeout; see the module's documentation)."""
    explanations = diagnoses(module, version, observed, level, candidates)
    return explanations[0] if explanations else None


def diagnoses(
    module: ir.Module,
    version: tuple[int, ...],
    observed: ProgramResult,
    level: str,
    candidates: Iterable[str] = DEVIATIONS,
    differs_reaching: frozenset[str] | None = None,
) -> list[Explanation]:
    """Every smallest set of deviations that explains the observation, in order (empty: none does).

    One program may not tell two deviations apart (a `del` of an `except ... as` name after the
    handler shows both a kept name and a `del` that does nothing); many programs do.

    `differs_reaching`: the caller already knows that the model's own prediction differs from the
    observation, and what it reached (the corpus keeps it): the search starts at sets of one.
    """
    allowed = frozenset(candidates)
    frontier: dict[Explanation, frozenset[str]] = {(): frozenset()}  # a set tried -> what its prediction reached
    first = 0
    if differs_reaching is not None:
        frontier, first = {(): differs_reaching}, 1
    for size in range(first, MAX_DEVIATIONS + 1):
        reached: dict[Explanation, frozenset[str]] = {}
        explaining = []
        for chosen in sorted(_extensions(frontier, allowed, size)):
            consulted: set[str] = set()
            try:
                predicted = predict(module, version, frozenset(chosen), consulted)
            except UnfollowedRecursion as unfollowed:
                if size > 0 and _recursed_as_predicted(unfollowed.observations, observed, level, version):
                    explaining.append(chosen)
                reached[chosen] = frozenset(consulted)
                continue
            except UnfollowedLoop:
                if size > 0 and observed.fault is not None and observed.fault.outcome == "timeout":
                    explaining.append(chosen)
                reached[chosen] = frozenset(consulted)
                continue
            except Unspecified:
                continue
            if "fault" in predicted:
                if _crashed_as_predicted(predicted["fault"], observed):
                    explaining.append(chosen)
            elif not compare(Expected.from_result(predicted), observed, [level]):
                explaining.append(chosen)
            reached[chosen] = frozenset(consulted)
        if explaining:
            return explaining
        frontier = reached
    # then the allowed deviations together, or those seen on one implementation together (the deviations of
    # different implementations may contradict one another: two names for the type of a function)
    groups = [allowed] + [frozenset(name for name in allowed if seen in DEVIATIONS[name].seen)
                          for seen in sorted({seen for name in allowed for seen in DEVIATIONS[name].seen})]  # fmt: skip
    for group in groups:
        larger = _larger_explanation(module, version, observed, level, group)
        if larger is not None:
            return [larger]
    return []


def _larger_explanation(
    module: ir.Module, version: tuple[int, ...], observed: ProgramResult, level: str, allowed: frozenset[str]
) -> Explanation | None:
    """A set of deviations that the search by size did not find, that explains the observation, if one does: all
    the allowed deviations the predictions reach (each prediction made under those reached so far, until it
    reaches no more; all the allowed ones when that stops short), then, in order, each left out whose absence
    still explains it. (An implementation with many deviations meets four or five in a long program; its
    expectations declare them all, and a program is known when the declared ones explain it, whatever their
    number. A smaller set is found so where a prediction under fewer of them left the program open, which the
    search by size does not extend.)"""
    chosen: frozenset[str] = frozenset()
    while True:
        consulted: set[str] = set()
        if not _explains(module, version, chosen, observed, level, consulted):
            more = (frozenset(consulted) & allowed) - chosen
            if more:
                chosen |= more
                continue
            # (a prediction may reach a deviation only under others it did not reach: then all of them at once,
            # for a group as large as one implementation's)
            if len(allowed) > ONE_IMPLEMENTATION or not _explains(module, version, allowed, observed, level, set()):
                return None
            chosen = allowed
        break  # (a set this small too, where a prediction under fewer left the program open: unreached by size)
    for name in sorted(chosen):
        if _explains(module, version, chosen - {name}, observed, level, set()):
            chosen = chosen - {name}
    return tuple(sorted(chosen))


def left_open(module: ir.Module, version: tuple[int, ...], deviations: frozenset[str]) -> str:
    """Why the model leaves open what the program does under these deviations together (an implementation's
    declared deviations), naming those the prediction reached; "" when it does not leave it open. A program
    that differs, and that no set of deviations explains, cannot be judged where this is not "": what the
    implementation does there is beyond what the model follows of its deviations."""
    consulted: set[str] = set()
    try:
        predict(module, version, deviations, consulted)
    except Unspecified as reason:
        return "under %s, %s" % (" + ".join(sorted(consulted & deviations)) or "no deviation", reason)
    except (UnfollowedRecursion, UnfollowedLoop):
        return ""
    return ""


def _explains(
    module: ir.Module,
    version: tuple[int, ...],
    chosen: frozenset[str],
    observed: ProgramResult,
    level: str,
    consulted: set[str],
) -> bool:
    """Whether the prediction under `chosen` is what was observed, at `level` (a crash by its signal)."""
    try:
        predicted = predict(module, version, chosen, consulted)
    except (Unspecified, UnfollowedRecursion, UnfollowedLoop):
        return False
    if "fault" in predicted:
        return _crashed_as_predicted(predicted["fault"], observed)
    return not compare(Expected.from_result(predicted), observed, [level])


def _crashed_as_predicted(predicted: dict[str, str], observed: ProgramResult) -> bool:
    """Whether the target crashed as a deviation's prediction says: the same outcome, by the same signal."""
    fault = observed.fault
    if fault is None or fault.outcome != predicted["outcome"]:
        return False
    return fault.evidence.get("signal") == predicted["signal"]


def _recursed_as_predicted(predicted: list[list[object]], observed: ProgramResult, level: str,
                           version: tuple[int, ...]) -> bool:  # fmt: skip
    """Whether the program observed what a prediction that stopped at UnfollowedRecursion had recorded, in
    that order, and after it a RecursionError (before 3.5, which added it: the RuntimeError it refines),
    raised at a probe or out of the program; or, for a program the target did not finish, as much of it as the
    target reported: a recursion whose every level catches what the deeper ones raise (a probe_call does) unwinds
    in time exponential in the implementation's recursion limit."""
    labels = list(observed.observations)
    unfinished = observed.fault is not None and observed.fault.outcome == "timeout"
    shown = labels[: len(predicted)]  # (all of the prediction, unless the target did not finish)
    if observed.compile_error is not None or (len(shown) < len(predicted) and not unfinished):
        return False
    if shown != [label for label, _ in predicted[: len(shown)]]:
        return False
    before = ProgramResult(observed.id, {label: observed.observations[label] for label in shown})
    if compare(Expected.from_result({"observations": predicted[: len(shown)]}), before, [level]):
        return False
    if unfinished:
        return True
    after = [observed.observations[label] for label in labels[len(predicted) :]]
    raised = [observation.get("raises") for observation in after] + [observed.error]
    recursion = "RecursionError" if version >= (3, 5) else "RuntimeError"
    return any(isinstance(error, dict) and error.get("type") == recursion for error in raised)


def _extensions(frontier: dict[Explanation, frozenset[str]], allowed: frozenset[str], size: int) -> set[Explanation]:
    """The sets of `size` deviations worth a prediction: each set of the frontier with one more deviation that
    its prediction reached (for size 0, the empty set)."""
    if size == 0:
        return {()}
    return {
        tuple(sorted((*chosen, name)))
        for chosen, consulted in frontier.items()
        for name in consulted & allowed
        if name not in chosen
    }
