"""Deviations: named, documented variants of one rule of the reference model.

Each deviation says how an implementation behaves *as if* one rule of the Language
Reference read differently, why implementations come to it, what users can do about
it, and where it has been seen. It is executable: the model (evaluate.py) takes a set
of deviation names and predicts what a program observes on an implementation with
them, so a difference can be explained by the deviations under which the model
predicts exactly what was observed (conformance/engine/diagnose.py).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEVIATIONS", "Deviation", "Switches"]


class Switches:
    """The deviations one prediction departs by, asked about where each could change what happens.

    The scope analysis (scopes.py) and the evaluator (evaluate.py) ask `deviates(name)` at each
    place where deviation `name` changes a rule; what was asked is kept (`consulted`): a deviation
    never asked about in a prediction cannot change it (conformance/engine/diagnose.py relies on it).
    """

    def __init__(self, deviations: frozenset[str] = frozenset()) -> None:
        unknown = deviations - DEVIATIONS.keys()
        if unknown:
            raise ValueError("unknown deviations: %s" % ", ".join(sorted(unknown)))
        self.deviations = deviations
        self.consulted: set[str] = set()

    def deviates(self, name: str) -> bool:
        assert name in DEVIATIONS, name
        self.consulted.add(name)
        return name in self.deviations


@dataclass(frozen=True)
class Deviation:
    name: str
    behaves_as: str  # "behaves as if ...": what the implementation does instead
    rule: str  # the rule it departs from, and where the Reference states it
    cause: str  # why an implementation comes to do this
    workaround: str  # what a user can write so that the program means the same everywhere
    links: tuple[str, ...] = ()  # tracker issues and documented-difference pages
    seen: tuple[str, ...] = ()  # implementations whose runs it explains (a case program diagnosed with it)


DEVIATIONS: dict[str, Deviation] = {
    deviation.name: deviation
    for deviation in (
        Deviation(
            "unbound-local-as-name-error",
            "reading a local variable that is not bound raises plain NameError, not UnboundLocalError",
            'Language Reference 4.2.2 "Resolution of names": "If a name is bound in a block, it is a local'
            " variable of that block ... [reading it unbound] raises an UnboundLocalError exception"
            ' (a subclass of NameError)"',
            "the compiler looks locals up like any other name and has one error for every unbound name",
            "catch NameError, which UnboundLocalError is a subclass of, rather than UnboundLocalError",
            links=("https://github.com/micropython/micropython/issues/4272",),
            seen=("micropython",),
        ),
        Deviation(
            "except-as-kept",
            "the name of `except E as N:` stays bound to the exception after the handler",
            'Language Reference 8.4 "The try statement": "When an exception has been assigned using'
            ' as target, it is cleared at the end of the except clause" (as if `del N`)',
            "the implementation binds the name like an assignment and never emits the implicit `del N`",
            "assign the exception to another name inside the handler when it is needed afterwards",
            seen=("brython", "skulpt"),
        ),
        Deviation(
            "del-missing-global-as-key-error",
            "`del x` of a name the function declares global, when the global is not bound, raises KeyError,"
            " not NameError (at module level it raises NameError)",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name'
            ' from the local or global namespace ... If the name is unbound, a NameError exception will be raised"',
            "the global namespace is a dict, and the deletion is the dict's own `del d[key]`",
            "test for the name (`'x' in globals()`) before deleting it, or catch LookupError and NameError",
            seen=("pypy", "micropython"),
        ),
        Deviation(
            "del-of-a-local-does-nothing",
            "`del x` of a function's local variable does nothing: a bound x stays bound, an unbound one raises nothing",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name'
            " from the local or global namespace ... If the name is unbound, a NameError exception will be"
            ' raised" (UnboundLocalError for a local, §4.2.2)',
            "locals are compiled to variables of the host language, and `del` of one is not translated",
            "rebind the name to a sentinel (`x = None`) instead of deleting it, and test for the sentinel",
            seen=("skulpt",),
        ),
        Deviation(
            "comprehension-reads-unbound-as-local",
            "a list, set or dict comprehension reading a variable of the function it is in, while that variable is"
            " unbound, raises UnboundLocalError (cannot access local variable), not NameError",
            'Language Reference 6.2.4 "Displays for lists, sets and dictionaries": the comprehension "is executed in'
            ' a separate implicitly nested scope", so the variable is free there, and 4.2.2: an unbound free'
            " variable raises NameError",
            "PEP 709 (CPython 3.12) inlines the comprehension into the function's own frame, where the variable is"
            " a local (documented in PEP 709 and What's New in 3.12)",
            "bind the variable before the comprehension runs, or catch NameError, of which UnboundLocalError is a"
            " subclass",
            links=("https://peps.python.org/pep-0709/",),
            seen=("cpython", "pyodide"),
        ),
        Deviation(
            "comprehension-variable-hides-enclosing-variable",
            "an iteration variable x of a list, set or dict comprehension becomes a hidden local of the function the"
            " comprehension is in, when the function itself does not mention x: every scope nested in that"
            " function whose x should be an enclosing function's x (a function, lambda, class body, type"
            " parameters' or type alias's scope, or a later comprehension reading x) gets the hidden local,"
            " never bound, instead (NameError, UnboundLocalError in a comprehension; a nonlocal x writes there);"
            " in a class body, an annotation scope after such a comprehension takes x for a name of the class",
            'Language Reference 6.2.4: a comprehension runs "in a separate implicitly nested scope", so its'
            " iteration variables are its own; 4.2.2: a free name refers to the nearest enclosing function scope"
            " binding it (here none of the functions in between binds x)",
            "PEP 709 inlining (CPython 3.12): the symbol table copies the comprehension's names into the"
            " function's, where the iteration variable then looks like a local that nested scopes can close over",
            "give the iteration variable a name that no nested scope of the function reads from outside, or"
            " mention the outer name in the function itself (e.g. read it once) before the comprehension",
            links=(
                "https://github.com/python/cpython/issues/121377",
                "https://github.com/python/cpython/pull/124696",
                "https://github.com/python/cpython/issues/156664",
            ),
            seen=("cpython", "pyodide"),
        ),
        Deviation(
            "comprehension-variable-hides-global-from-a-later-comprehension",
            "a list, set or dict comprehension reading a global (or builtin) x, after a comprehension in the same"
            " function whose iteration variable is x, raises UnboundLocalError: it reads the earlier"
            " comprehension's hidden local x",
            'Language Reference 6.2.4: each comprehension runs "in a separate implicitly nested scope"; 4.2.2: a'
            " name bound in no enclosing function scope is looked up in the globals, then the builtins",
            "PEP 709 inlining in CPython 3.12.0 to 3.12.3: the later comprehension's name, global in it, is"
            " compiled with the function's scope for it, a local since the earlier comprehension was inlined"
            " (fixed in 3.12.4)",
            "use another name for the iteration variable than the globals and builtins read by later comprehensions",
            links=("https://github.com/python/cpython/issues/118513", "https://github.com/python/cpython/pull/118526"),
            seen=("cpython",),
        ),
        Deviation(
            "comprehension-cell-replaces-free-variable",
            "when a list, set or dict comprehension's iteration variable b is captured by a scope nested in it (a"
            " cell) and b is also a free variable of the function the comprehension is in (it reads b from an"
            " enclosing function, or declares it nonlocal), the comprehension's cell replaces the function's for"
            " the rest of the call: a new cell holding the old cell object, which the iterations then overwrite;"
            " afterwards the function reads the last iteration value (the raw cell object when there was none),"
            " and its assignments, deletions and new closures use that cell, the enclosing function's b left alone",
            'Language Reference 6.2.4: a comprehension runs "in a separate implicitly nested scope", so its'
            " iteration variable is its own; 4.2.2 and 7.13: the function's free (nonlocal) b is the enclosing"
            " function's variable",
            "PEP 709 inlining (CPython 3.12): the compiler treats the name as free in the comprehension too, and"
            " its MAKE_CELL wraps the function's free-variable slot (holding the enclosing cell) in a new cell"
            " that is never put back",
            "give the comprehension's iteration variable another name than the function's free variables",
            links=("https://github.com/python/cpython/issues/156664", "https://github.com/python/cpython/pull/156691"),
            seen=("cpython", "pyodide"),
        ),
        Deviation(
            "nonlocal-in-class-body-passed-to-nested-scope-fails-to-compile",
            "a program where a class body declares x nonlocal and a scope nested in the class body (a method,"
            " lambda or comprehension) reads or assigns that x is rejected when compiled, with SystemError (an"
            " internal KeyError of the compiler)",
            'Language Reference 7.13 "The nonlocal statement" and 4.2.2: a class body may declare a name nonlocal,'
            " and a free name of a scope nested in it refers to the enclosing function's variable, passing through"
            " the class body",
            "the compiler looks the name up among the class body's own cells, where a nonlocal name passed on to"
            " nested scopes is not",
            "do not declare nonlocal in a class body a name that its methods use; assign it from a function"
            " nested in the enclosing function instead",
            links=("https://github.com/pypy/pypy/issues/3429",),  # (closed: a nested function's own nonlocal)
            seen=("pypy",),
        ),
    )
}
