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
            "free-variable-read-as-global",
            "reading a free variable whose binding in the enclosing function is not made (an empty cell) looks the"
            " name up as a global: the module's variable of that name, else the builtin, else NameError"
            " \"name 'x' is not defined\"",
            'Language Reference 4.2.2 "Resolution of names": a free variable is resolved in the nearest enclosing'
            ' function scope; "If a variable is used in a code block but not defined there, it is a free variable"'
            " and reading it while its enclosing binding is not made raises NameError (cannot access free variable),"
            " with no fallback to the globals",
            "names are resolved at run time by searching the namespaces of the enclosing functions, then the"
            " module's, then the builtins, for one that holds the name: an enclosing function whose variable is not"
            " bound yet does not hold it, so the search goes on outwards",
            "bind the enclosing variable before any nested function can read it (or give it a placeholder value),"
            " and do not reuse a global's name for a variable of an enclosing function",
            links=("https://github.com/brython-dev/brython/issues/2824",),
            seen=("brython",),
        ),
        Deviation(
            "async-arguments-bound-when-run",
            "calling an `async def` function binds its arguments only when the coroutine's body starts: a call with"
            " missing or extra arguments returns a coroutine, and the TypeError comes when it is awaited",
            'Language Reference 6.3.4 "Calls": the arguments are bound to the parameters when the call is made;'
            ' 8.9.1 "Coroutine function definition": calling the function returns a coroutine object',
            "the coroutine object keeps the call's arguments and passes them to the host language's async"
            " function that runs the body",
            "check the arguments of a coroutine function before calling it, or await the coroutine where its"
            " TypeError is expected",
            seen=("brython",),
        ),
        Deviation(
            "coroutine-send-returns-a-promise",
            "each send() of a coroutine runs its body from the start, as a call of a host-language async function,"
            " and returns that function's Promise: send() never raises StopIteration, and what the body returns or"
            " raises goes to the Promise",
            'Data model 3.4.3 "Coroutine objects": send(value) "Starts or resumes execution of the coroutine ...'
            " The result (return value, StopIteration, or other exception) is the same as when iterating the"
            ' __await__() return value"',
            "coroutines are compiled to the host language's async functions, and send() calls that function"
            " rather than stepping a frame of its own",
            "drive coroutines with `await` (or the implementation's event loop), never by send()",
            seen=("brython",),
        ),
        Deviation(
            "unbound-read-as-undefined",
            "reading a variable that is not bound gives JavaScript's undefined, and raises nothing, where the"
            " name was resolved after a binding of it in the order of the text: the decorators and defaults of a"
            " def that binds the name, the value of `name := value`, a function made while the enclosing"
            " variable was bound (which is then deleted), a global that a function made earlier declares"
            " `global` and binds",
            'Language Reference 4.2.2 "Resolution of names": reading a local variable that is not bound raises'
            " UnboundLocalError, a free variable whose binding is not made NameError, a global name that is not"
            ' bound NameError; 8.7 "Function definitions": decorators and defaults are evaluated before the name'
            " is bound",
            "the compiler resolves each name once, in the order of the text, and a name that it has already seen"
            " bound in the scope is compiled to a plain read of the host's variable, without the check that it"
            " holds a value",
            "never read a variable before its binding is made: bind it first (to a placeholder if need be), and"
            " do not read a def's own name in its decorators or defaults",
            links=(
                "https://github.com/brython-dev/brython/issues/1671",
                "https://github.com/brython-dev/brython/issues/2502",
            ),
            seen=("brython",),
        ),
        Deviation(
            "super-in-a-nested-function-fails",
            "zero-argument super() in a function nested in a method (a lambda or def in the method's body) raises"
            " TypeError (obj is not an instance or subtype of type) instead of using the method's class",
            'Library "Built-in Functions", super(): the zero-argument form takes the class from the implicit'
            " __class__ reference and the object from the first argument of the immediately enclosing function;"
            ' Data model 3.3.3.6 "Creating the class object": __class__ is a closure reference, seen by functions'
            " nested in the method too",
            "super() without arguments is compiled only for functions defined directly in a class body, and"
            " elsewhere finds another class and object than the method's",
            "pass the class and the object explicitly: super(C, self)",
            seen=("brython",),
        ),
        Deviation(
            "class-body-cannot-read-its-own-name",
            "in a class body (and the comprehensions in it), reading the name that the class statement binds"
            " raises NameError \"name 'C' is not defined\", whatever variable of that name the body would see",
            'Language Reference 4.2.2 "Resolution of names": a name read in a class body that the body has not'
            " bound is looked up in the enclosing scopes (the enclosing function's variable, the global, the"
            ' builtin); 8.8 "Class definitions": the class name is bound only after the body has run',
            "the compiler treats the class's own name in its body as a reference to the class being made, which"
            " does not exist yet, and raises NameError for it without looking further",
            "give the class and the variable it would read different names, or read it before the class statement",
            seen=("brython",),
        ),
    )
}
