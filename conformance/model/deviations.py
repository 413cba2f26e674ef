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
            "generator-return-value-is-syntax-error",
            "a generator function whose body has `return value` (any expression, even None) is a SyntaxError"
            " when the module is compiled, as in Python 2",
            'Language Reference 7.6 "The return statement": "In a generator function, the return statement'
            " indicates that the generator is done and will cause StopIteration to be raised. The returned value"
            ' (if any) is used as an argument to construct StopIteration" (PEP 380)',
            "the compiler keeps Python 2's check, from before generators could return a value",
            "end a generator with a bare `return`, and hand a final value back another way (yield it, or store it)",
            links=("https://github.com/skulpt/skulpt/issues/1379",),
            seen=("skulpt",),
        ),
        Deviation(
            "generator-star-parameters-are-syntax-error",
            "a generator function with a `*args` or `**kwargs` parameter is a SyntaxError when the module is compiled",
            'Language Reference 8.7 "Function definitions": "If the form *identifier is present, it is initialized'
            " to a tuple receiving any excess positional parameters ... If the form **identifier is present, it is"
            ' initialized to a new ordered mapping receiving any excess keyword arguments"; a generator function'
            " is a function definition like any other",
            "generator functions are compiled apart from other functions, by code that binds only named parameters",
            "give the generator function named parameters, or wrap it in an ordinary function that takes *args",
            links=("https://github.com/skulpt/skulpt/pull/1605",),
            seen=("skulpt",),
        ),
        Deviation(
            "comprehension-runs-in-the-enclosing-block",
            "a list, set or dict comprehension runs in the block around it, as Python 2's list comprehension:"
            " its iteration variables are variables of the enclosing function (or class body, or module), and"
            " its conditions, later iterables and elements read that block's names (generator expressions"
            " keep a scope of their own)",
            'Language Reference 6.2.4 "Displays for lists, sets and dictionaries": "the comprehension is executed'
            " in a separate implicitly nested scope. This ensures that names assigned to in the target list don't"
            ' leak into the enclosing scope"; only "the iterable expression in the leftmost for clause is'
            ' evaluated directly in the enclosing scope"',
            "the compiler emits a comprehension's loop inline in the code of the enclosing block, as Python 2"
            " did for list comprehensions, instead of as a nested function",
            "give iteration variables names the enclosing block does not use, and do not make closures over"
            " them (or build the values with a generator expression: list(x for x in ...))",
            links=("https://github.com/skulpt/skulpt/issues/921",),
            seen=("skulpt",),
        ),
        Deviation(
            "empty-cell-read-gives-undefined",
            "reading a variable that lives in a cell (a local variable a nested function captures, or a free"
            " variable) while its cell is empty raises nothing: the read gives JavaScript's undefined, the mark"
            " of an unbound variable, so the variable, parameter or attribute it is then stored in is unbound, and"
            " an iteration over a tuple or list holding it stops there",
            'Language Reference 4.2.2 "Resolution of names": "If a name is bound in a block, it is a local'
            ' variable of that block ... [reading it unbound] raises an UnboundLocalError exception"; reading a'
            " free variable whose binding in the enclosing function is not made raises NameError",
            "a variable is a slot holding undefined until bound, and only reads of plain locals and globals are"
            " compiled with the test for undefined: reads through a cell hand the slot's value on as it is",
            "bind every variable a nested function captures before the function that reads it can run"
            " (e.g. `x = None` at the top of the enclosing function), and test for that value",
            links=("https://github.com/skulpt/skulpt/pull/1599",),
            seen=("skulpt",),
        ),
        Deviation(
            "generator-function-named-native-js",
            "a generator function's __name__ (and the name in its repr) is '<native JS>', not the name in its def",
            'Data model 3.2 "The standard type hierarchy", user-defined functions: "__name__: The function\'s'
            ' name"; Language Reference 8.7: the def binds the function object under that name',
            "a generator function is a runtime-made wrapper around the compiled body, given the runtime's"
            " generic name instead of the def's",
            "do not rely on a generator function's __name__; keep the name alongside it where it is needed",
            seen=("skulpt",),
        ),
    )
}
