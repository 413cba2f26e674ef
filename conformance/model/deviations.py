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
            " not NameError; at module level too when a function of the module declares x global (otherwise"
            " the module's `del x` raises NameError)",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name'
            ' from the local or global namespace ... If the name is unbound, a NameError exception will be raised"',
            "the global namespace is a dict, and the deletion is the dict's own `del d[key]`; PyPy's symbol table"
            " marks a name some function declares global as an explicit global of the module too, whose `del`"
            " is compiled as that of a declared global",
            "test for the name (`'x' in globals()`) before deleting it, or catch LookupError and NameError",
            seen=("pypy", "micropython"),
        ),
        Deviation(
            "del-of-a-local-does-nothing",
            "`del x` of a function's local variable does nothing: a bound x stays bound, an unbound one raises nothing"
            " (in a generator function, whose locals are kept in an object, the del deletes)",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name'
            " from the local or global namespace ... If the name is unbound, a NameError exception will be"
            ' raised" (UnboundLocalError for a local, §4.2.2)',
            "locals are compiled to variables of the host language, and `del` of one is translated to JavaScript's"
            " `delete` of that variable, which does nothing",
            "rebind the name to a sentinel (`x = None`) instead of deleting it, and test for the sentinel",
            seen=("skulpt",),
        ),
        Deviation(
            "class-binding-hides-enclosing-variable",
            "a name that a class body binds (or declares global) hides the enclosing functions' variable of that"
            " name from the blocks nested in the class: they read it as a global, and `nonlocal` of it is a"
            " SyntaxError (no binding for nonlocal found)",
            'Language Reference 4.2.2 "Resolution of names": "The scope of names defined in a class block is'
            ' limited to the class block; it does not extend to the code blocks of methods"; a free variable'
            ' is resolved in the nearest enclosing function scope, and §7.13: nonlocal refers to "the nearest'
            ' enclosing scope excluding globals", class scopes being passed over',
            "the scope analysis searches the enclosing blocks, class bodies included, and stops at the first that"
            " knows the name; a name a class body binds is known there as a (class-namespace or global) name",
            "do not reuse, in a class body, the name of an enclosing function's variable that methods or"
            " comprehensions of the class use; pass the value in (a default argument) instead",
            links=(
                "https://github.com/micropython/micropython/issues/8603",
                "https://github.com/micropython/micropython/pull/8612",
            ),
            seen=("micropython",),
        ),
        Deviation(
            "function-type-named-by-implementation",
            "a user-defined function's type is named after how it is implemented: 'closure' when it has free"
            " variables, 'generator' for a generator or coroutine function without them, and a bound method's"
            " type is 'bound_method'",
            'Data model 3.2 "The standard type hierarchy", "Callable types": a function definition makes a'
            ' "user-defined function" object (type `function`, types.FunctionType), whatever it captures and'
            " whether or not it is a generator or coroutine function; an instance method object is of type"
            " `method` (types.MethodType)",
            "the implementation has one small object type per calling convention (a closure wraps the function"
            " with its cells; a generator function is a function that makes a generator when called)",
            "test for callables with callable() or inspect.isfunction()-like duck typing, never by type name",
            seen=("micropython",),
        ),
        Deviation(
            "closure-cells-are-new-and-hold-none",
            "a function's `__closure__` is a tuple of cell objects made anew at each read of the attribute, each"
            " holding None: `cell_contents` is None whatever the variable holds (a value, or nothing: an empty"
            " cell raises no ValueError), and no cell is the one an earlier read gave, so two closures over one"
            " variable show two different cells",
            'Data model 3.2 "The standard type hierarchy", "Callable types": `__closure__` is "None or a tuple of'
            ' cells that contain bindings for the names specified in the co_freevars attribute"; "cell_contents"'
            " gets (or sets) the value of the cell, and a cell is shared by every function that uses the variable"
            " (4.2.2 Resolution of names: the free variable refers to the enclosing function's binding)",
            "the getter of `function.__closure__` makes each cell with `$B.cell.$factory($B.$check_def_free(name))`;"
            " brython.js defines no `$check_def_free`, so the call raises a JavaScript TypeError, which the getter"
            " catches and answers with `$B.cell.$factory(None)`: a new cell holding None, per name and per read",
            "do not introspect closures through `__closure__`: read a captured variable by calling a function that"
            " returns it",
            seen=("brython",),
        ),
        Deviation(
            "free-variables-in-the-order-their-function-first-names-them",
            "a function's `__code__.co_freevars` lists its free variables in the order its code first names them"
            " (an assignment's targets before its value, a for loop's target before its iterable, a dict"
            " comprehension's value before its key), those named only in its list, set or dict comprehensions"
            " after, and those only its nested functions use last; not in the order of their names",
            'Data model 3.2 "Code objects": co_freevars is "a tuple containing the names of free variables";'
            " CPython's compiler sorts a code object's free and cell variables by name (dictbytype in"
            " Python/compile.c), the order the suite's cpython-detail level compares",
            "the function's code object is made from its symbol table's entry, whose names keep the order the"
            " symbol table (a port of CPython's symtable.c) met them in: the order of its walk of the code, each"
            " inlined comprehension's names appended as it is analysed, then the names free in child blocks",
            "do not rely on the order of co_freevars; pair names with cells by name, not by position",
            seen=("brython",),
        ),
        Deviation(
            "coroutine-is-a-generator",
            "calling a coroutine function returns a generator: its type is 'generator', and a finished one awaited"
            " again returns None (sent a value: StopIteration), as a finished generator does; `await x` is"
            " `yield from x`, so awaiting an iterable that is no coroutine (a tuple, a list) gives None when it is"
            " empty, and otherwise yields its items to whoever sends to the outermost coroutine, a value other"
            " than None sent then failing on the iterable's iterator (AttributeError: no attribute 'send')",
            'Data model 3.2 "Coroutine functions": calling one "returns a coroutine object" (§3.4.1'
            ' "Coroutine objects"), and "It is a RuntimeError to await on a coroutine more than once"'
            " (coroutine.send: the same for a finished coroutine)",
            "coroutines are built on the implementation's generators: `async def` compiles to a generator"
            " function and `await` to `yield from`",
            "await each coroutine object once, and nothing but coroutines; do not test an object for being a"
            " coroutine by its type name",
            links=("https://github.com/micropython/micropython/issues/8614",),
            seen=("micropython",),
        ),
        Deviation(
            "class-namespace-kept-after-exception",
            "when an exception leaves a class body, the namespace in use stays that class's: the module's code (and"
            " the class body that catches it) then binds and reads its names in the dead class's namespace,"
            " where functions reading globals do not see them; except the module's names that a global"
            " statement declares anywhere in the program: its compiler makes them explicit globals of the"
            " module's code too, bound and read in the globals",
            'Language Reference 8.8 "Class definitions": "The class\'s suite is then executed in a new execution'
            ' frame ... using a newly created local namespace and the original global namespace"; when it ends,'
            " by an exception too, the enclosing block goes on with its own namespace (§4.2.2: module-level"
            " names are the module's global namespace)",
            "the implementation keeps the current local namespace in one interpreter-wide variable, which building"
            " a class sets and restores around the body without restoring it when the body raises",
            "do not let exceptions leave class bodies: catch them inside the body (or build such a class in a"
            " function)",
            links=("https://github.com/micropython/micropython/issues/7171",),
            seen=("micropython",),
        ),
        Deviation(
            "assignment-expression-in-comprehension-iterable",
            "an assignment expression in a comprehension's iterable is accepted: it binds as one elsewhere in the"
            " comprehension would (the first iterable's, in the enclosing block)",
            'Language Reference 6.2.8 "Assignment expressions" and PEP 572: "assignment expressions ... cannot be'
            ' used in comprehension iterable expressions" (SyntaxError: assignment expression cannot be used in a'
            " comprehension iterable expression)",
            "the compiler checks the target of an assignment expression in a comprehension, but not where in the"
            " comprehension the expression is",
            "assign the iterable to a name in a statement before the comprehension",
            seen=("micropython",),
        ),
        Deviation(
            "no-private-name-mangling",
            "private names are not mangled: `__x` in a class body, or in a function nested in it, is the name"
            " `__x` (and `self.__x` the attribute `__x`)",
            'Language Reference 6.2.1 "Private name mangling": "When an identifier that textually occurs in a'
            " class definition begins with two or more underscore characters and does not end in two or more"
            " underscores, it is considered a private name of that class ... transformed to a longer form"
            ' before code is generated for it" (_ClassName__x)',
            "the compiler leaves identifiers as written, to keep it small",
            "do not use names with two leading underscores (and none trailing) in or around class bodies;"
            " a single leading underscore marks a private name just as well",
            links=("https://github.com/micropython/micropython/issues/12150",),
            seen=("micropython",),
        ),
        Deviation(
            "locals-are-the-namespace-in-use",
            "in a function (or lambda, or comprehension) locals() returns, and eval() uses as its locals, the"
            " namespace in use where it is called: the module's globals, or the namespace of the class body"
            " running, not the function's own variables",
            "Library, built-in functions: locals() \"In a function block, returns the function's local and free"
            ' variables"; eval(): "If the locals mapping is omitted it defaults to the locals() of the caller"'
            ' (Language Reference 4.2.4 "Interaction with dynamic features")',
            "local variables live in fixed slots of the frame, with no names kept at run time; locals() and eval()"
            " fall back on the one namespace dictionary the interpreter keeps current",
            "pass the values explicitly (a dict built by hand, eval(text, globals(), {'x': x})) instead of relying"
            " on locals() or on eval() seeing a function's variables",
            links=(
                "https://docs.micropython.org/en/latest/genrst/core_language.html",
                "https://github.com/micropython/micropython/issues/3566",
            ),
            seen=("micropython",),
        ),
        Deviation(
            "zero-argument-super-only-in-def",
            "zero-argument super() gets its implicit arguments only in a function made by `def`: in a lambda or a"
            " comprehension it is a call of super with no arguments, which raises TypeError",
            'Library, built-in functions, super(): "The zero argument form only works inside a class definition,'
            ' as the compiler fills in the necessary details"; Data model 3.3.3.6: any function in a class body'
            " that refers to super gets the implicit __class__ reference, and the object is the first argument of"
            " the function super() is called in (a lambda's too; a comprehension's is its iterator), or"
            " RuntimeError: super(): no arguments",
            "the compiler rewrites `super()` into `super(__class__, <first parameter>)` only when compiling a"
            " def's body, the one place it looks for the parameter",
            "write super(Class, obj) explicitly in lambdas and comprehensions, or call super() in the method and"
            " keep what it returns in a variable",
            seen=("micropython",),
        ),
        Deviation(
            "del-missing-module-or-class-name-as-key-error",
            "`del x` at module level or in a class body, when x is not bound there, raises KeyError, not NameError"
            " (the same as del-missing-global-as-key-error, for the names of the module and class blocks themselves)",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name'
            ' from the local or global namespace ... If the name is unbound, a NameError exception will be raised"',
            "the module's and the class body's namespaces are dicts, and the deletion is the dict's own `del d[key]`",
            "test for the name (`'x' in globals()`, `'x' in locals()` in a class body) before deleting it, or"
            " catch LookupError and NameError",
            seen=("micropython",),
        ),
        Deviation(
            "class-keywords-refused-before-the-body",
            "a class statement with keyword arguments (`class C(B, k=1)`) raises TypeError as soon as its arguments"
            " are evaluated: the class body never runs",
            'Language Reference 8.8 "Class definitions" and Data model 3.3.3: the class body is executed first,'
            " then the class object is created by calling the metaclass with the keyword arguments (passed on to"
            " __init_subclass__ from 3.6; before, type() itself refuses them, after the body has run)",
            "the function that runs the body and builds the class takes no keyword arguments, and the call to it"
            " fails before it starts",
            "do not pass keyword arguments in class statements; set class attributes in the body instead",
            links=("https://docs.micropython.org/en/latest/genrst/core_language.html",),
            seen=("micropython",),
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
            " never bound, instead (NameError, UnboundLocalError in a comprehension; a nonlocal x writes there),"
            " and locals() in the function lists x only while that hidden local is bound, not the enclosing x it"
            " should pass on; in a class body, an annotation scope after such a comprehension takes x for a name"
            " of the class",
            'Language Reference 6.2.4: a comprehension runs "in a separate implicitly nested scope", so its'
            " iteration variables are its own; 4.2.2: a free name refers to the nearest enclosing function scope"
            " binding it (here none of the functions in between binds x); Library, built-in functions, locals():"
            ' "Free variables are returned by locals() when it is called in function blocks"',
            "PEP 709 inlining (CPython 3.12): the symbol table copies the comprehension's names into the"
            " function's, where the iteration variable then looks like a local that nested scopes can close over"
            " (symtable.c: inline_comprehension copies x in as a local when the function has no symbol x, and"
            " analyze_cells makes it a cell of the function, as a nested scope needs x: x is no longer free there)",
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
            " and its assignments, deletions and new closures use that cell, the enclosing function's b left alone."
            " A comprehension with such a comprehension inside it (not in a nested function) does the same for b"
            " each time it starts, even with no iteration, and then iterates with the current cell if b is its own"
            " variable too: each start wraps the cell again",
            'Language Reference 6.2.4: a comprehension runs "in a separate implicitly nested scope", so its'
            " iteration variable is its own; 4.2.2 and 7.13: the function's free (nonlocal) b is the enclosing"
            " function's variable",
            "PEP 709 inlining (CPython 3.12): the compiler treats the name as free in the comprehension too, and"
            " its MAKE_CELL wraps the function's free-variable slot (holding the enclosing cell) in a new cell"
            " that is never put back; an inlined comprehension's cells are copied into the comprehension it is"
            " inlined in (symtable.c, inline_comprehension), whose own start then makes the same MAKE_CELL",
            "give the comprehension's iteration variable another name than the function's free variables",
            links=("https://github.com/python/cpython/issues/156664", "https://github.com/python/cpython/pull/156691"),
            seen=("cpython", "pyodide"),
        ),
        Deviation(
            "nonlocal-in-class-body-passed-to-nested-scope-fails-to-compile",
            "a program where a class body declares x nonlocal and makes a scope nested in it (a method, lambda,"
            " comprehension or class) that reads or assigns that x is rejected when compiled, with SystemError (an"
            " internal KeyError of the compiler), unless the class body's own code reads, binds or deletes x"
            " before it makes the nested scope",
            'Language Reference 7.13 "The nonlocal statement" and 4.2.2: a class body may declare a name nonlocal,'
            " and a free name of a scope nested in it refers to the enclosing function's variable, passing through"
            " the class body",
            "the compiler numbers a class body's closure variables from the names nested scopes take through it"
            " and leaves out its nonlocal names, which it adds only when the class's own code first uses them:"
            " making the nested scope looks the name up and does not find it",
            "do not declare nonlocal in a class body a name that its methods use; assign it from a function"
            " nested in the enclosing function instead",
            links=("https://github.com/pypy/pypy/issues/3429",),  # (closed: a nested function's own nonlocal)
            seen=("pypy",),
        ),
        Deviation(
            "free-variable-read-as-global",
            "reading a free variable whose binding in the enclosing function is not made (an empty cell) looks the"
            " name up further out: in a function around that one whose own variable of that name is bound,"
            " innermost first, else the module's variable, else the builtin, else NameError \"name 'x' is not"
            ' defined"; a `del` of it (declared nonlocal) raises that NameError too, with that message',
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
            " raises goes to the Promise. An await in the body (of a coroutine: its body runs the same way)"
            " suspends it, the rest running only once the program has ended, and leaves its frame the"
            " interpreter's current one: until an exception handler runs to its end, a function that was running"
            " reads its own variables that are resolved at run time (not bound earlier in the order of the text"
            " in the same or an enclosing part of the function, as in unbound-read-as-undefined) in the namespace"
            " of the current frame, another function's (UnboundLocalError when it does not have the name): so"
            " probe_call, which reads its result from a variable bound in a try statement, raises"
            " UnboundLocalError for `result`; and locals() lists the names of the current frame's namespace",
            'Data model 3.4.3 "Coroutine objects": send(value) "Starts or resumes execution of the coroutine ...'
            " The result (return value, StopIteration, or other exception) is the same as when iterating the"
            ' __await__() return value"; Language Reference 4.2.2: a name bound in a function block is a local'
            " variable of that block, read from the block's own binding",
            "coroutines are compiled to the host language's async functions, and send() calls that function"
            " rather than stepping a frame of its own; the function enters its frame on the interpreter's frame"
            " chain and returns its Promise at the first await without leaving the frame (it does when resumed),"
            " each later return takes the top frame off, whichever it is, and the translator compiles such a read"
            " to a lookup in the namespace of the frame on top of the chain (as locals() is: `$B.frame_obj.frame`)",
            "drive coroutines with `await` (or the implementation's event loop), never by send()",
            links=("https://github.com/brython-dev/brython/issues/2320",),  # (resolve_local after an await)
            seen=("brython",),
        ),
        Deviation(
            "unbound-read-as-undefined",
            "reading a variable that is not bound gives JavaScript's undefined, and raises nothing, where the"
            " name was resolved after a binding of it in the order of the text: the decorators and defaults of a"
            " def that binds the name, the value of `name := value`, a function made while the enclosing"
            " variable was bound (which is then deleted), a global that a function made earlier declares"
            " `global` and binds, a name that the reading function declares global after a binding of it earlier"
            " in the text in the module's own scope (its top level, or anywhere in a function declaring it global;"
            " a `del` of it in an if, for, while or try body at the top level that has bound it itself forgets"
            " only that body's binding; the builtin of that name is not looked at, when the global is missing),"
            " a function's own variable after a binding of it earlier in the text in the same or an enclosing"
            " part of the function (the function's body, a match case or with body in it, or the if, for, while or"
            " try statement the read is in; a `del` there forgets only the binding of the innermost such part that"
            " has one), a global name that a nested function (or a type alias's value) reads after a binding of it"
            " earlier in the text in the"
            " module's scope or the part of it (if, for, while, try) the function is in, a global name that a"
            " function reads without declaring it (no scope around binding it) after, in the order of the text, a"
            " function that declares it global and binds it (whether that function ran or not), a variable of an"
            " enclosing function that a nested function reads after a binding of it earlier in the text in the"
            " enclosing function's scope or the part of it the nested function is in (the target of a list, set or"
            " dict comprehension there too, which Brython binds in that function), not deleted since, a class"
            " body's variable after a binding of it earlier in the text in the same or an enclosing part of the"
            " class body; where the order of the text is the order the translator meets the code in (a with"
            " statement's body before its context expression and target, a try statement's finally clause before"
            " its else clause), and the names a match pattern captures"
            " are no binding; undefined then set as an attribute's value fails (TypeError: can't set attributes of"
            " built-in/extension type 'object'), and as a class's base too (AttributeError: Javascript object"
            " 'undefined' has no attribute), unpacked by `*` (TypeError: Value after * must be an iterable), and as"
            " a for statement's iterable (JavascriptError: Cannot set properties of undefined), and a method"
            " called on it (`x.m()`) or an attribute set on it (`x.a = v`) fails too (JavascriptError: Cannot"
            " read properties of undefined (reading 'Symbol(DICT)'); its attribute read alone raises"
            " AttributeError)",
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
            "in a class body (and the comprehensions in it), reading or deleting the name that the class"
            " statement binds raises NameError \"name 'C' is not defined\", whatever variable of that name the"
            " body would see or has bound (one it declares global or nonlocal included); its annotations"
            " (evaluated when __annotations__ is read, 3.14) read that name as a global",
            'Language Reference 4.2.2 "Resolution of names": a name read in a class body that the body has not'
            " bound is looked up in the enclosing scopes (the enclosing function's variable, the global, the"
            ' builtin); 8.8 "Class definitions": the class name is bound only after the body has run',
            "the compiler treats the class's own name in its body as a reference to the class being made, which"
            " does not exist yet, and raises NameError for it without looking further (a `del` of it deletes"
            " from no namespace, and fails the same way); only its assignments bind where they should",
            "give the class and the variable it would read different names, or read it before the class statement",
            seen=("brython",),
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
            " of an unbound variable, so the variable or attribute it is then stored in is unbound (an attribute"
            " set to it is deleted: AttributeError where there is none), a function"
            " given it as an argument or default raises UnboundLocalError on entry (for a parameter that is a plain"
            " local of an ordinary function; other parameters are left unbound; as a keyword-only parameter's"
            " default it counts as none; given to a function with starred or keyword-only parameters, or in a call"
            " with keywords or with a number of arguments other than the positional parameters, it is a missing"
            " argument: the default is taken, or TypeError), and an iteration over a tuple or"
            " list holding it stops there; `dict(k=...)` given it holds it as k's value; it is false, a decorator"
            " of that value raises TypeError, unpacking it"
            " raises TypeError, and any other"
            " operation on it (an operator, a comparison, an attribute, an item, a call, an iteration) fails in"
            " JavaScript, raising ExternalError",
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
        Deviation(
            "set-or-dict-comprehension-element-fails-to-compile",
            "the element of a set comprehension, or the key or value of a dict comprehension, may not hold a"
            " lambda or generator expression, nor read or bind a name that the block it runs in does not mention"
            " elsewhere (nor receive as a free variable for a nested block): the module fails to compile, with"
            " an error of the compiler's own language (JavaScriptError)",
            'Language Reference 6.2.4 "Displays for lists, sets and dictionaries" and 6.2.7 "Dictionary'
            ' displays": the element (or key: value) of a comprehension is any expression, "evaluated'
            ' ... each time the innermost block is reached"; 4.2.2: the names it reads resolve as any other',
            "the symbol table pass never visits those expressions (it visits a list comprehension's element, but"
            " not a set's or a dict's), so the compiler finds no scope for a lambda there, and no entry for a name"
            " used only there, and fails an internal assertion",
            "compute the element with a function defined outside the comprehension, or build the set or dict"
            " from a list comprehension: set([...]), dict([(k, v) for ...])",
            links=("https://github.com/skulpt/skulpt/issues/921",),
            seen=("skulpt",),
        ),
        Deviation(
            "keyword-only-default-fails-to-compile",
            "the default value of a keyword-only parameter (of a def or a lambda) may not hold a lambda or"
            " generator expression, nor read a name that the block around the definition does not mention"
            " elsewhere (nor receive as a free variable for a nested block): the module fails to compile, with"
            " an error of the compiler's own language (JavaScriptError)",
            'Language Reference 8.7 "Function definitions": "Default parameter values are evaluated from left'
            ' to right when the function definition is executed", in the block around it, for keyword-only'
            " parameters (after * or *args) as for the others; 4.2.2: the names they read resolve as any other",
            "the symbol table pass visits the defaults of positional parameters but never those of keyword-only"
            " ones, so the compiler finds no scope for a lambda there and no entry for a name used only there,"
            " and fails an internal assertion",
            "bind the default to a variable first (`d = ...` before the def) and use `*, a=d` where d is also"
            " read elsewhere in the block, or give the default None and compute it in the body",
            links=("https://github.com/skulpt/skulpt/issues/1132",),
            seen=("skulpt",),
        ),
        Deviation(
            "del-of-a-captured-variable-fails-to-compile",
            "`del x` of a variable that lives in a cell (a local variable that a nested function captures) is"
            " not allowed: the module fails to compile, with an error of the compiler's own language"
            " (JavaScriptError)",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name'
            ' from the local or global namespace"; since Python 3.2 this includes a name referenced by a nested'
            " block (a cell variable), which was a SyntaxError before",
            "the compiler emits a deletion for plain locals and globals only: for a name in a cell it reaches"
            " an unhandled case and fails an internal assertion. It asks its symbol table by the name as the"
            " code writes it, so a private name the table mangled otherwise (with"
            " private-names-mangled-by-the-last-class-in-the-symbol-table) is not found and compiles",
            "assign None to the variable instead of deleting it (or delete an item of a container it holds)",
            seen=("skulpt",),
        ),
        Deviation(
            "with-target-other-than-a-name-fails-to-compile",
            "the target of `with E as T` may only be a plain name: a tuple or list of targets, an attribute or"
            " a subscript makes the module fail to compile, with an error of the compiler's own language"
            " (JavaScriptError)",
            'Language Reference 8.5 "The with statement": "with_item ::= expression ["as" target]"; "The'
            ' return value from __enter__() is assigned to it", as by an assignment to any target (7.2)',
            "the compiler stores the value of __enter__() through the target's name, which only a plain name"
            " has: for any other target it reads a missing field and fails",
            "write `with E as v:` and assign from v inside the block: `(a, b) = v`",
            links=("https://github.com/skulpt/skulpt/pull/1589",),
            seen=("skulpt",),
        ),
        Deviation(
            "locals-not-implemented",
            "every call of locals() raises NotImplementedError('locals is not yet implemented')",
            'Library "Built-in Functions", locals(): "Return a mapping object representing the current local'
            ' symbol table"; in a function block, the current values of its local variables and of the free'
            " variables it uses",
            "the builtin is a stub: compiled code keeps its variables in JavaScript variables and closures, with"
            " no namespace object to hand out",
            "do not call locals(); pass the values needed explicitly (e.g. a dict built by hand)",
            seen=("skulpt",),
        ),
        Deviation(
            "arithmetic-error-not-a-builtin",
            "the builtin ArithmeticError does not exist: reading the name raises NameError, so an except clause"
            " naming it raises NameError when an exception reaches it (ZeroDivisionError and OverflowError"
            " derive from Exception directly)",
            'Library "Built-in Exceptions": "ArithmeticError: The base class for those built-in exceptions that'
            ' are raised for various arithmetic errors: OverflowError, ZeroDivisionError, FloatingPointError";'
            " Language Reference 8.4: an except clause's expression is evaluated when an exception reaches it",
            "the runtime defines the concrete exception classes it raises, but not this abstract base",
            "name the concrete classes: `except (ZeroDivisionError, OverflowError):`",
            links=("https://github.com/skulpt/skulpt/pull/1545",),
            seen=("skulpt",),
        ),
        Deviation(
            "generator-unbound-local-read-as-global",
            "in a generator function, reading a local variable (one not in a cell) while it is unbound reads the"
            " global of that name, then the builtin, as a class body does, and raises NameError only if neither"
            " exists, instead of UnboundLocalError",
            'Language Reference 4.2.2 "Resolution of names": "If a name is bound in a block, it is a local'
            ' variable of that block"; "If a name binding operation occurs anywhere within a code block, all'
            " uses of the name within the block are treated as references to the current block. This can lead"
            ' to errors when a name is used within a block before it is bound" (UnboundLocalError); a class'
            " body is the only block whose unbound names fall back to the globals",
            "a generator's locals live in a namespace object that survives between resumptions, read with the"
            " lookup code for namespaces (that of module and class bodies), which falls back to the globals",
            "bind every local variable of a generator function before reading it",
            seen=("skulpt",),
        ),
        Deviation(
            "generator-function-refuses-keyword-arguments",
            "calling a generator function with any keyword argument raises TypeError ('takes no keyword"
            " arguments'), even for a parameter that can be passed by keyword",
            'Language Reference 6.3.4 "Calls": keyword arguments fill the slots of the parameters of those'
            ' names; 8.7 "Function definitions": a generator function is a function definition like any other',
            "a generator function is a runtime-made wrapper around the compiled body that accepts positional"
            " arguments only",
            "pass a generator function's arguments by position, or wrap it in an ordinary function",
            seen=("skulpt",),
        ),
        Deviation(
            "generator-keyword-only-parameters-unbound",
            "a generator function's keyword-only parameters are never bound (not to an argument nor to their"
            " default), and a call omitting a required one raises nothing: in the body they are unbound locals",
            "Language Reference 8.7 \"Function definitions\": \"Parameters after '*' or '*identifier' are"
            ' keyword-only parameters" and take their default when no argument is given for them; 6.3.4: a'
            " parameter left without a value raises TypeError",
            "generator functions are compiled apart from other functions, by code that binds only the"
            " positional parameters to the arguments and defaults",
            "give generator functions positional parameters only (with defaults where needed)",
            seen=("skulpt",),
        ),
        Deviation(
            "generator-send-at-end-gives-undefined",
            "generator.send(value) that makes the generator finish (or is called on a finished one) raises"
            " nothing and returns JavaScript's undefined, instead of raising StopIteration (whose value would be"
            " the generator's return value); what undefined then does is as in empty-cell-read-gives-undefined."
            " And a generator whose code has ended (returned, or raised) is not marked as finished: each later"
            " resumption (send(), next(), an iteration) runs its code again from the point after the yield it"
            " last stopped at (from the start if it never yielded), that yield giving the value sent (None for"
            " next()), with its variables as they are then",
            'Language Reference 6.2.9.1 "Generator-iterator methods", generator.send(value): "If the generator'
            ' exits without yielding another value, a StopIteration exception is raised"; a generator that has'
            " exited raises StopIteration at every later resumption, running none of its code",
            "send() hands back whatever the resumed JavaScript function produced, and a finished generator"
            " produces undefined, which is the runtime's mark of an exhausted iterator, not turned into"
            " StopIteration on this path (next() and for loops do turn it); the generator keeps the block to"
            " resume at that its last yield set (generator.js: gi$resumeat, with a 'todo; StopIteration' where"
            " the code ends), so resuming it starts there again",
            "drive generators with next() or a for loop, test each value send() returns, and do not resume a"
            " generator once it has ended",
            links=("https://github.com/skulpt/skulpt/issues/252", "https://github.com/skulpt/skulpt/pull/1605"),
            seen=("skulpt",),
        ),
        Deviation(
            "del-of-a-parenthesized-target-list-does-nothing",
            "`del (a, b)` or `del [a, b]`, a target list in parentheses or brackets, deletes nothing (`del a, b`"
            " deletes both)",
            'Language Reference 7.5 "The del statement": "del_stmt ::= "del" target_list"; "Deletion of a target'
            ' list recursively deletes each target, from left to right"; 7.2: a target list may be enclosed in'
            " parentheses or square brackets",
            "the compiler's deletion handles a bare list of targets but emits nothing for a tuple or list"
            " display used as one target",
            "write `del a, b` without parentheses or brackets",
            seen=("skulpt",),
        ),
        Deviation(
            "builtin-function-takes-attributes",
            "a built-in function (`len`, `abs`) takes arbitrary attributes as a user-defined function does:"
            " `len.a = 0` binds a, which `len.a` then reads and `del len.a` removes (built-in types still refuse"
            " them, with TypeError)",
            'Data model 3.2 "The standard type hierarchy": user-defined functions "support getting and setting'
            ' arbitrary function attributes"; built-in functions have only the special read-only attributes'
            " __doc__, __name__, __self__ and __module__, so an assignment of another attribute raises"
            " AttributeError (Language Reference 7.2: an attribute reference as target asks the object to assign"
            " the attribute)",
            "the built-in functions are objects of the same kind as user-defined ones, with a namespace of their"
            " own (measured on PyPy 7.3.11, Python 3.9)",
            "keep the data beside the function (a dict keyed by it), or wrap the built-in in a function of your own",
            seen=("pypy",),
        ),
        Deviation(
            "function-attributes-refused",
            "a user-defined function (and a staticmethod or classmethod object) has no __dict__: setting an"
            " attribute on it raises AttributeError",
            'Data model 3.2 "The standard type hierarchy", user-defined functions: "__dict__: The namespace'
            ' supporting arbitrary function attributes"; Language Reference 7.2: an attribute reference as'
            " target asks the object to assign the attribute",
            "function objects are kept small and fixed in size, without a namespace of their own (memory-constrained"
            " implementations)",
            "keep the data beside the function (a dict keyed by the function, or a closure variable), or make a"
            " class with __call__ and set attributes on its instances",
            links=(
                "https://github.com/micropython/micropython/issues/8432",
                "https://docs.micropython.org/en/latest/genrst/core_language.html",
            ),
            seen=("micropython",),
        ),
        Deviation(
            "object-init-accepts-arguments",
            "calling a class that defines no __init__ (nor inherits one but object's) accepts any positional and"
            " keyword arguments and ignores them",
            'Data model 3.3.1 "Basic customization": object.__new__ and object.__init__ take no arguments beyond'
            " the class and the instance when the other is not overridden, so calling such a class with arguments"
            " raises TypeError (Library, object(): 'This function does not accept any arguments')",
            "the instance is made without a check of the arguments when no __init__ is found to pass them to",
            "define an __init__ with the parameters a class is meant to take, or call the class without arguments",
            seen=("micropython",),
        ),
        Deviation(
            "metaclass-conflict-found-after-the-body",
            "a class statement whose bases have conflicting types (a class and an int, say) runs its body first,"
            " and raises the TypeError when the class is made of them",
            'Data model 3.3.3 "Customizing class creation": the metaclass is determined (3.3.3.3, TypeError when'
            " the bases' metaclasses conflict) and the namespace prepared before the class body is executed"
            " (3.3.3.5)",
            "the class body runs first and the bases are only looked at by the call that makes the class of the"
            " namespace, as a call type(name, bases, namespace) would",
            "derive only from classes (and one built-in type at most); do not rely on a class body not running"
            " when its bases are wrong",
            seen=("micropython",),
        ),
        Deviation(
            "zero-argument-super-object-found-when-compiled",
            "zero-argument super() in a def takes as its object the def's first parameter of any kind (*args,"
            " a keyword-only parameter, **kwargs), chosen when compiling: a def without parameters that calls"
            " super() fails to compile (SyntaxError: super() can't find self)",
            'Library "Built-in Functions", super(): the zero-argument form uses the first argument of the'
            " immediately enclosing function; Data model 3.3.3.6: a function without positional parameters"
            " gets RuntimeError (super(): no arguments) when the call runs, and only if it runs",
            "the compiler rewrites `super()` into `super(__class__, <first parameter>)`, taking the first name"
            " in the def's list of parameters, whatever its kind, and reports a def that has none",
            "give every method that calls super() a first positional parameter (self or cls), and write"
            " super(Class, obj) in any other function",
            seen=("micropython",),
        ),
        Deviation(
            "super-attribute-reads-an-empty-class-cell-as-a-free-variable",
            "`super().name` in a function with a positional parameter, run while the __class__ cell is empty (the"
            " class statement has not finished making the class, or making it failed), raises NameError (cannot"
            " access free variable '__class__') instead of the RuntimeError (super(): empty __class__ cell) that"
            " the call super() raises there, on its own or followed by anything else",
            'Language Reference 6.3.1 "Attribute references": the primary is evaluated first, so `super().name`'
            ' fails as the call super() fails; Library "Built-in Functions", super(): the zero-argument form'
            " takes the class from the implicit __class__ reference, and the call raises RuntimeError when that"
            " cell is empty",
            "CPython 3.12 compiles `super().name` into one instruction (LOAD_SUPER_ATTR, gh-87729) after a plain"
            " load of the __class__ free variable, which fails as a read of any empty free variable does before"
            " super's own check of the cell is reached; a function without positional parameters is not"
            " optimised and still gets super()'s error. MicroPython compiles super() into super(__class__, self)"
            " with __class__ an ordinary closure variable, and Nuitka reads it as one too, for super() alone as well",
            "do not call a method that uses super() before its class statement has finished (for instance, from"
            " a decorator or the class body); catch both RuntimeError and NameError around it if it can happen",
            links=("https://github.com/python/cpython/pull/103497",),
            seen=("cpython", "pyodide", "micropython", "nuitka"),
        ),
        Deviation(
            "super-method-call-binds-any-object",
            "a method called at once through zero-argument super(), `super().name(...)`, is looked up after"
            " __class__ in __class__'s own bases and called with the object as its first argument, whatever the"
            " object is: one that is not an instance of __class__ raises no TypeError, and a class is passed as"
            " the first argument instead of leaving the function unbound",
            'Library "Built-in Functions", super(type, object_or_type): "If the second argument is an object,'
            " isinstance(obj, type) must be true. If the second argument is a type, issubclass(type2, type) must"
            ' be true"; the lookup follows the MRO of object_or_type, and a function found through a type is'
            " returned as it is (data model 3.3.2.3, invoking descriptors: super binding)",
            "the compiler turns `super().name(...)` into a method load on the super object that takes the object"
            " as the method's self directly, without the checks the super object's constructor and attribute"
            " lookup make",
            "call super() only in methods whose first parameter is an instance of the class (or use"
            " super(Class, obj) with an obj known to be one)",
            seen=("micropython",),
        ),
        Deviation(
            "assignment-expression-rebinds-iteration-variable-of-a-global",
            "an assignment expression in a comprehension whose target is that comprehension's iteration variable"
            " compiles when the containing function declares the name global: it binds the iteration variable",
            'Language Reference 6.12 "Assignment expressions" and PEP 572: "an assignment expression occurring'
            " in a list, set or dict comprehension or in a generator expression ... binds the target in the"
            ' containing scope"; it is a SyntaxError when the target is an iteration variable of the'
            " comprehension (CPython: 'assignment expression cannot rebind comprehension iteration variable')",
            "the compiler declares the target global in the comprehension, as the containing function does, but"
            " a name the comprehension already binds keeps its local kind and no conflict is reported",
            "do not use a comprehension's iteration variable as the target of := inside it",
            seen=("micropython",),
        ),
        Deviation(
            "duplicate-base-class-accepted",
            "a class statement that lists the same base class twice (`class C(B, B)`) makes the class, as if the"
            " base were listed once",
            'Data model 3.3.3 "Customizing class creation" and Library type(): the class is made by type(name,'
            " bases, namespace), which raises TypeError (duplicate base class) when a base is repeated: no"
            " method resolution order can list it twice",
            "the bases are kept as a tuple the attribute lookup searches depth first, and nothing checks it for"
            " repeats",
            "list each base class once",
            seen=("micropython",),
        ),
        Deviation(
            "assignment-expression-looks-up-private-target-unmangled",
            "in a comprehension in a function inside a class, an assignment expression whose target is a private"
            " name __x (bound as _C__x) does not see the containing function's `global __x` nor the"
            " comprehension's own iteration variable __x: with the global declaration the program is rejected when"
            " compiled (SyntaxError: no binding for nonlocal '_C__x' found); rebinding the innermost"
            " comprehension's iteration variable is allowed, and makes it the function's variable",
            'PEP 572 and Language Reference 6.12 "Assignment expressions": in a comprehension the target binds in'
            " the containing scope, honouring its `global` declaration, and may not rebind an iteration variable;"
            " 6.2.1: a private name is mangled everywhere in the class, declarations included",
            "the symbol table checks the containing function's declarations and the iteration variables under the"
            " target as written, while they are recorded under the mangled name (CPython 3.8 to 3.12; fixed in"
            " 3.13)",
            "in a method, do not bind a private global with := in a comprehension: use a plain assignment after"
            " it, or a name that is not private",
            links=("https://github.com/python/cpython/issues/96497",),
            seen=("cpython",),
        ),
        Deviation(
            "nonlocal-in-class-body-with-class-cell-fails-to-compile",
            "a program where a class body has a __class__ cell (a method uses __class__ or super()), passes other"
            " variables of enclosing functions to its nested scopes or reads them, and reads, binds or deletes a"
            " name it declares nonlocal, is rejected when compiled, with SystemError (an internal KeyError of the"
            " compiler); when that class statement is itself inside a class body (in a method, at any depth),"
            " compiling the program crashes the interpreter instead (SIGSEGV)",
            'Language Reference 7.13 "The nonlocal statement": a class body may declare a name nonlocal and bind'
            " it; Data model 3.3.3.6: the __class__ cell is made when a method uses __class__ or super()",
            "the compiler adds such a nonlocal name to the class body's table of closure variables when the code"
            " first uses it, numbered without counting the __class__ cell: it takes the number of the last"
            " variable already there, and the list of names made from the table has a gap",
            "do not declare nonlocal in a class body (assign the variable from a function nested in the enclosing"
            " function), or do not use super() or __class__ in the class's methods",
            links=("https://github.com/pypy/pypy/issues/3429",),  # (the same table: a KeyError reported there)
            seen=("pypy",),
        ),
        Deviation(
            "bare-annotation-in-class-body-hides-variable-from-nested-scopes",
            "a program where a class body annotates x without a value (`x: T`) and a scope nested in the class"
            " body (a method, lambda, comprehension or class) takes x from an enclosing function (reads it, or"
            " declares it nonlocal) is rejected when compiled, with SystemError (an internal KeyError)",
            "Language Reference 4.2.2: names bound in a class block are not visible in the scopes nested in it, so"
            " their free x is the enclosing function's, passing through the class; 7.2.2: an annotation without a"
            " value binds nothing",
            "the compiler leaves a name the class body only annotates out of its table of the closure variables"
            " nested scopes take through it (it counts as the class's own), and making the nested scope does not"
            " find it",
            "do not annotate in a class body, without a value, a name that its methods take from an enclosing"
            " function: give the annotation a value, or rename one of them",
            links=("https://github.com/pypy/pypy/issues/3429",),  # (the same table: a KeyError reported there)
            seen=("pypy",),
        ),
        Deviation(
            "starred-target-plain-in-a-later-copy-of-finally",
            "in a finally clause run on the way out of its try statement by an exception, by a return, break or"
            " continue other than the first one in the try statement's code, or at the end of a try statement"
            " that has such a return, break or continue, a starred assignment target (`a, *b = ...`, also in for,"
            " with and comprehension targets) unpacks as a plain one: the value must have exactly as many items as"
            " there are targets (ValueError otherwise), and the starred name gets one item, not a list",
            'Language Reference 7.2 "Assignment statements": with a starred target, "the first items of the'
            " iterable are assigned, from left to right, to the targets before the starred target ... A list of"
            ' the remaining items in the iterable is then assigned to the starred target"; 8.4: the finally'
            " clause is the same code however the try statement is left",
            "the compiler makes a copy of the finally clause for each way out of the try statement (each return,"
            " break or continue leaving it, in order, then its end, then an exception) from the same syntax tree,"
            " and compiling a starred target replaces it, in that tree, by its plain name, so every copy after"
            " the first unpacks plainly (CPython's compiler did the same until bpo-39890, before it made copies)",
            "do not write starred assignment targets in finally clauses: unpack in a function called from the"
            " finally clause, or with slicing (`a, b = x[0], list(x[1:])`)",
            links=("https://github.com/python/cpython/pull/18833",),
            seen=("pypy",),
        ),
        Deviation(
            "generic-class-name-leaks-into-private-name-mangling",
            "after a generic class statement `class X[T]: ...`, private names (__p) are mangled with X where they"
            " should not be, differently for the variables and for the code: the variables take X for everything"
            " after the statement up to the end of the class body it is in (or of the module), class bodies"
            " apart; the code takes X for the rest of the code object the statement is in (the class's own name"
            " too: `class __q[T]` stores _q__q) and the functions made in it afterwards, class bodies apart. A"
            " name the code uses under a mangling the variables do not have is looked up by name: in the module's"
            " or class's namespace, and in a function SystemError (no"
            " locals found); otherwise the program just names the variable _X__p (in locals(), annotations,"
            " NameError messages) and misses bindings made under the other name; and declarations follow the"
            " variables: `nonlocal __p` in a class X finds an enclosing function's __p that the leak mangled"
            " with X, so a program the rule rejects (no binding for _X__p) compiles and runs",
            'Language Reference 6.2.1 "Identifiers (Names)": private name mangling applies in a class, to the'
            " names that occur in it; a generic class's own body and type parameters are in it, the code after"
            " the class statement is not",
            "the symbol table sets the class name for the generic class's type parameters and, in restoring it"
            " after the body, restores the generic class's; the compiler sets it in the enclosing code object"
            " and never restores it (fixed in 3.12.4 and 3.13)",
            "do not use private names after a generic class statement outside a class, or define generic"
            " classes at the end of the module or of a class body",
            links=("https://github.com/python/cpython/issues/119395", "https://github.com/python/cpython/pull/119399"),
            seen=("cpython",),
        ),
        Deviation(
            "nonlocal-in-class-body-with-class-cell-uses-the-class-cell",
            "when a class body has a __class__ cell (a method uses __class__ or super()), passes no other variable"
            " of an enclosing function to its nested scopes and reads none, the first name it declares nonlocal"
            " that its own code reads, binds or deletes is that cell: its assignments set the cell, not the"
            " enclosing function's variable (which keeps its value), and once the class is made the cell holds"
            " the class itself (as __class__ does); the class body's own code reading the name crashes the"
            " interpreter (SIGSEGV), before or after it stored anything there",
            'Language Reference 7.13 "The nonlocal statement": a nonlocal name in a class body is the enclosing'
            " function's variable; Data model 3.3.3.6: the __class__ cell is the class body's own",
            "the compiler adds such a nonlocal name to the class body's table of closure variables when the code"
            " first uses it, numbered without counting the __class__ cell: the first one gets number 0, which is"
            " the __class__ cell's; a class body reads a free variable by name, the name at that number less the"
            " number of cells, -1, outside the list of names",
            "do not declare nonlocal in a class body (assign the variable from a function nested in the enclosing"
            " function), or do not use super() or __class__ in the class's methods",
            links=("https://github.com/pypy/pypy/issues/3429",),  # (the same table: a KeyError reported there)
            seen=("pypy",),
        ),
        Deviation(
            "annotated-def-fails-when-a-code-object-runs",
            "a program compiled with compile() that has a def with a parameter or return annotation fails when"
            ' exec() runs the code object, before its first statement: JavascriptError "scopes.src.split is not a'
            ' function" (exec() of the source text runs it)',
            'Library "Built-in Functions", compile(): "Compile the source into a code or AST object. Code objects'
            ' can be executed by exec() or eval()"; Language Reference 8.7 "Function definitions": parameters and'
            " the return may be annotated (from 3.14 the annotations are evaluated when read, PEP 649/749)",
            "exec() of a code object translates the code object's syntax tree to JavaScript again, handing the"
            " translator the code object where it expects the source text; the translation of a def's"
            " annotations (the __annotate__ function of PEP 649) reads their source text from it and fails",
            "run the source text with exec(source) rather than a code object made by compile(), or leave the"
            " annotations out (a comment, or a typing stub)",
            links=(  # (the same non-string source handed to the translator, other constructs)
                "https://github.com/brython-dev/brython/issues/1991",
                "https://github.com/brython-dev/brython/issues/137",
            ),
            seen=("brython",),
        ),
        Deviation(
            "nonlocal-read-in-a-block-of-a-try-fails-to-compile",
            'a program is rejected when compiled, with JavascriptError "Cannot read properties of undefined'
            " (reading 'Symbol(ID)')\", where a function reads a name it declares nonlocal (a load, `x op= v`,"
            " `del x`, the one target of a list, set or dict comprehension that the translator looks up to save"
            " it, the last of its targets in the order the comprehension first names them; in its list, set and"
            " dict comprehensions too; in a class body, not the class's own name, which the translator never"
            " looks up: class-body-cannot-read-its-own-name) in the body of an if, for, while or try"
            " statement that is itself in a try statement of the function, or anywhere in the function when its"
            " def is in a try statement of an enclosing function below the one that binds the name",
            'Language Reference 7.13 "The nonlocal statement": the names "refer to previously bound variables in'
            ' the nearest enclosing function scope"; 8.4 "The try statement": any statements may be in its'
            " clauses",
            "the translator keeps a stack of scopes, with an entry that has no syntax tree for a try statement,"
            " and looks a nonlocal name up through that stack, reading the syntax tree of each entry between the"
            " current one and the function that binds the name",
            "read the nonlocal variable into a local variable before the try statement, or move the statements"
            " of the try that read it into a function",
            seen=("brython",),
        ),
        Deviation(
            "unplaced-reference-fails-to-compile",
            'a program is rejected when compiled, with JavascriptError "Cannot read properties of undefined'
            " (reading 'lineno')\", where a class body assigns its own class's name with an annotation (`C: T ="
            " v` in class C); or where a list, set or dict comprehension has a target that its block has already"
            " bound, in the order of the text, and that name is the class's own name in its body, a name the"
            " block binds only by comprehensions (and reads otherwise, or reads in a comprehension before the"
            " first that binds it) that no scope around it has bound before,"
            " or one that a function or lambda nested in the block reads from around it, where a class body"
            " around binds it or no function around has bound it before (its parameters are bound from the start)",
            'Language Reference 8.8 "Class definitions": the class body is executed as a block of its own, whose'
            ' names are those of the class namespace; 7.2.2 "Annotated assignment statements"; 6.2.4: a'
            " comprehension's targets are local to its own scope",
            "the translator compiles a comprehension inline in the enclosing block, saving beforehand each of its"
            " targets that the block has already bound (and the target of an annotated assignment) with a"
            " reference made without a source position; a name it does not resolve to a variable of a scope (the"
            " class's own name in its body, a name of the block that its symbol table does not make local) needs"
            " that position, which is missing",
            "do not give a class body's variables (or comprehension targets) the name of the class itself",
            seen=("brython",),
        ),
        Deviation(
            "nonlocal-unbound-read-gives-undefined",
            "in a function that declares x nonlocal, reading x while the enclosing function's variable is not bound"
            " raises nothing and gives JavaScript's undefined (so `x += 1` fails with JavascriptError), whatever"
            " global of that name there is",
            'Language Reference 4.2.2 "Resolution of names": reading a free variable whose binding in the'
            ' enclosing function is not made raises NameError; 7.13 "The nonlocal statement": the name refers to'
            " the variable of the enclosing function",
            "a name declared nonlocal is compiled to a plain read of the enclosing function's namespace object,"
            " without the check for a missing value that other reads of names have",
            "bind the enclosing variable (to a placeholder if need be) before any function that declares it"
            " nonlocal can run",
            links=("https://github.com/brython-dev/brython/issues/2824",),  # (the nonlocal name's scope, for writes)
            seen=("brython",),
        ),
        Deviation(
            "exhausted-iterator-value-is-empty-string",
            "the StopIteration that a built-in iterator (of a list, tuple, range ...) or a generator expression"
            " raises when it is exhausted holds the value '' (args ('',)), not None: so `x = yield from [1]`"
            " gives x == ''",
            'Language Reference 6.2.9.1 "Generator-iterator methods" and 6.2.9: "When the underlying iterator is'
            " complete, the value attribute of the raised StopIteration instance becomes the value of the yield"
            ' expression"; Library "Built-in Exceptions", StopIteration: value is the first argument, None if'
            " there is none",
            "the runtime's iterators end by raising StopIteration made with an empty string as its argument",
            "do not use the value of `yield from` over anything but a generator made by a generator function;"
            " test `value is None or value == ''` where it must be read",
            seen=("brython",),
        ),
        Deviation(
            "comprehension-locals-show-free-variable-of-function",
            "in a list, set or dict comprehension, locals() (and so eval() without namespaces) maps an iteration"
            " variable x of the comprehension that no scope nested in it captures to the value of the function's"
            " free variable x (the function reads x from an enclosing function, or declares it nonlocal), not to"
            " the iteration value; x is left out when that free variable is unbound",
            'Library "Built-in Functions", locals(): in a comprehension it returns the comprehension\'s own local'
            ' variables (What\'s New in 3.12, PEP 709: "locals() includes outer variables" but the iteration'
            " variable is the comprehension's); eval() uses the caller's locals() when none is given",
            "PEP 709 inlining (CPython 3.12): the comprehension's x and the function's free x are two slots of the"
            " same frame with the same name; the frame's locals dict is filled slot by slot, free variables last,"
            " so the free variable's value replaces the iteration value (3.13's frame proxy, PEP 667, finds the"
            " comprehension's first)",
            "give the iteration variable another name than the function's free variables when locals() or eval()"
            " is used in the comprehension",
            # (the issue: locals() in inlined comprehensions whose variable shadows a function's cell; 3.13's crash)
            links=("https://peps.python.org/pep-0709/", "https://github.com/python/cpython/issues/128396"),
            seen=("cpython",),
        ),
        Deviation(
            "del-of-a-global-at-the-end-of-a-block-fails",
            "`del x` of a name the block declares global (at module level: a name any block of the program declares"
            " global) is allowed only where another statement of the same block follows it: where it is the last"
            " statement of a function, the module, an if, elif, else, for, while, except, try-else or finally body"
            " or of a try body without handlers, or where another name follows it in the del's target list, the"
            " module fails before any of its code runs (JavaScriptError); as the last statement of a try body with"
            " handlers or of a with body, the del raises ExternalError and deletes nothing; as the last statement"
            " of a class body, it deletes nothing and the class body raises SystemError (an if whose test is a"
            " constant number or string counts as the branch taken, in the block around it)",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name from'
            " the local or global namespace, depending on whether the name occurs in a global statement in the same"
            ' code block"; 7.12 "The global statement": a name declared global may be deleted like any other',
            "the compiler emits the deletion of a declared global without the `;` that ends a JavaScript statement:"
            " a statement that follows starts on a new line, where JavaScript inserts it, but the code that ends a"
            " block (a jump, a return, `$exc.pop()`) or the next target's deletion is glued onto it, which does not"
            " parse, or parses as an operation on a missing property (raising TypeError, or deleting another name)",
            "follow a del of a global with another statement of the same block (`pass` will do), and delete one"
            " global per del statement",
            seen=("skulpt",),
        ),
        Deviation(
            "class-body-reads-free-variable-as-global",
            "a class body (in a function) reads a variable of an enclosing function as the module's global of that"
            " name: the global's current value, or, when the module has none (a builtin does not count), JavaScript's"
            " undefined, with what undefined does as in empty-cell-read-gives-undefined (the target it is stored in"
            " stays unbound; an operator, an item, an attribute, a call on it raises ExternalError)",
            'Language Reference 4.2.2 "Resolution of names": "Class definition blocks ... are special in the context'
            ' of name resolution. ... unbound local variables are looked up in the global namespace" only for names'
            " the class body binds; a name it only reads is resolved in the nearest enclosing function scope, as in"
            " any other block (a free variable of the class body)",
            "the compiler reads a class body's free variables from its `$free` object, which the class body's code"
            " sets to the module's globals instead of the enclosing function's cells",
            "set the attribute after the class statement (`C.y = x`) instead of reading the function's variable in"
            " the class body",
            links=("https://github.com/skulpt/skulpt/issues/1178", "https://github.com/skulpt/skulpt/pull/1599"),
            seen=("skulpt",),
        ),
        Deviation(
            "generator-captured-parameter-fails",
            "a generator function may not have a parameter that a scope nested in it captures (a function, lambda,"
            " generator expression or class in its body reads it; a list, set or dict comprehension, compiled"
            " inline, does not count): every resumption of its generators (next(), send(), iteration) raises"
            " ExternalError (ReferenceError: the parameter is not defined) before any of the body runs",
            'Language Reference 8.7 "Function definitions": parameters are local variables of the function, bound'
            ' to the arguments when it is called; 6.2.9 "Yield expressions": a generator function runs its body when'
            " the generator is resumed; 4.2.2: a nested scope may read any variable of the enclosing function",
            "a generator's parameters live in the generator's saved locals, but the code that puts a captured"
            " variable into its cell on entry reads it as a JavaScript variable of that name, which the generator's"
            " code does not declare",
            "copy the parameter to a local variable first (`v = b`) and capture that variable instead",
            seen=("skulpt",),
        ),
        Deviation(
            "class-body-frame-stays-current-after-exception",
            "when an exception leaves a class body (or the call of its metaclass that follows the body: a base"
            " whose type is not type, such as a function, a repeated base, or an __init_subclass__ that raises or"
            " refuses the class's keyword arguments), the class body's frame stays the interpreter's current one:"
            " until an exception handler runs to its end, a function that was running reads its own variables"
            " that are resolved at run time (as in coroutine-send-returns-a-promise) in the namespace of"
            " the current frame (the class's, or, once the functions that called it have ended, theirs), and"
            " UnboundLocalError when it does not have the name; locals() lists the names of that namespace",
            'Language Reference 4.2.2 "Resolution of names": a name bound in a function block is a local variable'
            ' of that block; 8.8 "Class definitions": the class body is executed in a new execution frame,'
            " which ends with it, by an exception too",
            "the translated class body enters its frame on the interpreter's frame chain and leaves it at its"
            " end, with no `finally`: an exception leaves it there, and each later return takes the top frame"
            " off, whichever it is, so the chain stays one frame too long; a completed exception handler sets"
            " the chain back",
            "do not let exceptions leave class bodies (catch them inside the body), and bind variables before a"
            " try statement when they are read after it",
            links=("https://github.com/brython-dev/brython/issues/2320",),  # (the same lookup in the current frame)
            seen=("brython",),
        ),
        Deviation(
            "comprehension-variable-of-a-global-name-binds-the-global",
            "in a function or class body that declares x global, a list, set or dict comprehension whose target"
            " is the name x (`[... for x in ...]`) binds the global x at each iteration, and gives it back its"
            " value when it ends if x is the last of the comprehension's targets in the order its names first"
            " appear (from the first target on; the global otherwise keeps the last item; a global not bound"
            " before is given back bound to JavaScript's undefined); where x is the first"
            " `for`'s target, reading x in the comprehension itself (its element, conditions and later"
            " iterables, even after a later `for` binds x) raises UnboundLocalError, the global keeping the item"
            " then iterated, unless the function's own namespace holds an x (an `except ... as x` of the function"
            " binds it there: the read finds the exception); its reads of a later `for`'s target x, and a function"
            " nested in it, read the global x (before that `for` binds it too)",
            'Language Reference 6.2.4 "Displays for lists, sets and dictionaries": "the comprehension is executed'
            " in a separate implicitly nested scope. This ensures that names assigned to in the target list don't"
            ' leak into the enclosing scope"; 7.12: a global statement applies to the code block it is in, not to'
            " the comprehension's own scope",
            "the translator compiles the comprehension inline in the function, binding its targets where the"
            " function binds those names (the module's namespace, for a name declared global), saving before it"
            " and putting back after it only the one target its symbol table lists last, while it compiles the"
            " reads of the first target in the comprehension as lookups of a variable of the function's own"
            " namespace, which has the name only when something else bound it there, and a nested function's read"
            " as a lookup of the global",
            "do not give comprehension variables the name of a global that the function declares",
            links=(
                "https://github.com/brython-dev/brython/issues/2534",
            ),  # (targets bound in the function's namespace)
            seen=("brython",),
        ),
        Deviation(
            "type-alias-of-a-global-name-binds-the-block-namespace",
            "a type statement (`type X = ...`) in a function or class body that declares X global binds X in"
            " the block's own namespace (the function's locals(), the class's attributes), not the global: the"
            " global keeps its value, and the block's reads and `del` of X still use the global; so does one"
            " that declares X nonlocal, the enclosing function's variable keeping its value",
            'Language Reference 7.12 "The global statement": the names listed are interpreted as globals in the'
            " code block, for every binding of them (7.13: nonlocal names refer to the enclosing function's"
            ' variables); 7.14 "The type statement": it binds the name "to the TypeAliasType" as an assignment'
            " would",
            "the translator binds a type statement's name in the namespace of the block it is in, without"
            " looking at the block's global and nonlocal declarations as it does for assignments",
            "do not declare global a name that a type statement binds: assign the alias (`X = TypeAliasType(...)`"
            " from typing) or define it at the module level",
            seen=("brython",),
        ),
        Deviation(
            "modulo-of-a-non-number-by-an-int-fails-in-the-host",
            "`x % n` (and `x %= n`) where n is an int (or bool) and x is neither a number nor a string (a"
            " tuple, list, dict, set, None, function, class, instance, generator ...) raises JavascriptError"
            ' "Cannot mix BigInt and other types, use explicit conversions" (ZeroDivisionError when n is 0 or'
            " False), not TypeError",
            'Language Reference 6.7 "Binary arithmetic operations": "The % (modulo) operator yields the remainder'
            " from the division of the first argument by the second. The numeric arguments are first converted"
            ' to a common type"; an object without __mod__ (and an int without __rmod__ for it) makes the'
            " operation raise TypeError (Data model 3.3.8)",
            "the left operand has no __mod__, so the int's reflected __rmod__ is tried; the runtime makes it by"
            " calling int's own __mod__ with the operands swapped, without checking that the first is an int:"
            " that method checks its divisor for zero first, then its BigInt arithmetic fails in the host",
            "do not rely on the TypeError of % with an operand that is not a number: test the operand's type"
            " first, or catch Exception",
            seen=("brython",),
        ),
        Deviation(
            "class-comprehension-cell-hides-enclosing-variable",
            "in a class body that does not itself mention x (read, bind, declare), when the first list, set or"
            " dict comprehension in it that mentions x (inner comprehensions included) has x as an iteration"
            " variable that a scope nested in the comprehension captures (a lambda, function, class or generator"
            " expression reading x, directly or in a comprehension inside), x becomes a cell of the class body:"
            " every scope the class body's own code makes (a method, lambda, nested class, generator expression,"
            " type parameters' scope; not one inside a comprehension) whose x should be an enclosing function's"
            " x gets that cell instead, never bound by the class (NameError: cannot access free variable), which"
            " a nonlocal x in one of them assigns and the others then read",
            'Language Reference 4.2.2 "Resolution of names": "The scope of names defined in a class block is'
            ' limited to the class block"; 6.2.4: a comprehension runs "in a separate implicitly nested scope",'
            " so its iteration variable is its own, and a free x of a method refers to the enclosing function's x",
            "PEP 709 inlining (CPython 3.12): the symbol table copies the comprehension's names into the class"
            " body's when the class has no entry of its own for them (symtable.c, inline_comprehension), the"
            " captured iteration variable as a CELL; the class's code then builds the closures of the scopes it"
            " makes from its own cell for x (the comprehension makes a new cell while it runs and puts the"
            " class's back). When the class or an earlier comprehension mentions x, x is free in the class and"
            " the scopes are right (CPython 3.13.0 crashes then, a segmentation fault)",
            "give the comprehension's iteration variable a name that no scope nested in the class reads from an"
            " enclosing function, or mention that name in the class body itself before (e.g. read it once)",
            links=("https://github.com/python/cpython/issues/121377", "https://github.com/python/cpython/pull/124696"),
            seen=("cpython", "pyodide"),
        ),
        Deviation(
            "nested-function-creation-copies-enclosing-variables",
            "when a function (def, lambda, generator function when called, generator expression) that has free"
            " variables is made in a function that has them too, the values of the enclosing function's variables"
            " (those nested functions read, and what earlier copies brought it) are copied over the making"
            " function's own of the same names, and the functions it makes read its free variables from these"
            " copies, as they were at the last such making, not from the enclosing function. A function counts as"
            " having free variables when it is directly in a function and reads any global name (a builtin too,"
            " and `__class__`, which Skulpt reads as a global) not declared global around it (a class body does not"
            " count for a variable passing through it that it binds a name of its own like); a method made in a"
            " class body (in a function) copies the module's"
            " globals over the function's variables instead. A decorator that is the name of such a variable is"
            " read when it is applied, after the function is made or the class body has run, so it sees the copy",
            'Language Reference 4.2.2 "Resolution of names": "If a name is bound in a block, it is a local'
            ' variable of that block"; a free variable refers to the binding in the nearest enclosing function'
            ' scope, read when it is used (Data model 3.2: "cells [...] hold the bindings"); making a function'
            " binds nothing else",
            "a frame keeps the variables nested functions read in one object (`$cell`), and a function's closure is"
            " that object itself; the function constructor is also given the making frame's own closure (`$free`),"
            " and merges it into the first (function.js: `closure[k] = closure2[k]`), overwriting the making"
            " frame's variables and freezing the values passed through it",
            "do not reuse, in a nested function, the names of the enclosing functions' variables that nested"
            " functions read; pass values a nested function needs from two levels up as arguments (or default"
            " arguments) rather than reading them through the middle function",
            links=(  # (earlier bugs in passing free variables through a middle function, fixed; this one not found)
                "https://github.com/skulpt/skulpt/issues/194",
                "https://github.com/skulpt/skulpt/issues/275",
            ),
            seen=("skulpt",),
        ),
        Deviation(
            "class-cell-is-the-global-named-like-the-class",
            "__class__ and zero-argument super() use the module's global __class__, which every start or"
            " resumption of a function defined by a def directly in a class body (not in an if, loop, try or"
            " with of it) sets to the module's global named like the class (unbinds when there is none): a"
            " class made in a function gets the module's variable of its name (NameError for __class__,"
            " TypeError for super(), when there is none), and a function called later sees the class of the"
            " method entered last; super() also takes its object from a parameter named self of the code it is"
            " compiled in (RuntimeError: super(): no arguments in a lambda or generator expression without one)",
            'Data model 3.3.3.6 "Creating the class object": "__class__ is an implicit closure reference created'
            ' by the compiler if any methods in a class body refer to either __class__ or super"; it holds the'
            ' class being defined; Library "Built-in Functions", super(): the zero-argument form takes the class'
            " from __class__ and the object from the first argument of the immediately enclosing function",
            "the compiler has no __class__ cell: it reads __class__ as a global, compiles super() as"
            " super($gbl.__class__, self) with the JavaScript variable self, and on entry to each method emits"
            " `$gbl.__class__=$gbl.<class name>`",
            "pass the class and the object explicitly, super(C, self), and name the class rather than reading"
            " __class__; in a class made in a function, bind the class to a global of its name first",
            links=(
                "https://github.com/skulpt/skulpt/issues/1340",
                "https://github.com/skulpt/skulpt/issues/1171",
                "https://github.com/skulpt/skulpt/pull/1602",
            ),
            seen=("skulpt",),
        ),
        Deviation(
            "private-names-mangled-by-the-last-class-in-the-symbol-table",
            "the scope of a private name (`__p`) is decided under the name mangled with the class statement last"
            " met in the text, even outside it (after `class C:` ends, `__p` is `_C__p` for the scope analysis"
            " everywhere until the next class statement), while the code uses the name mangled as the Reference"
            " says: where the two differ the code's name has no scope and is looked up by name, in the block's own"
            " namespace (a function's: the variables of the call, which nested functions do not see), then the"
            " globals and builtins",
            'Language Reference 6.2.1 "Identifiers (Names)", private name mangling: "When an identifier that'
            " textually occurs in a class definition begins with two or more underscores ... it is considered a"
            ' private name of that class" (and only in it); 4.2.2 "Resolution of names": a name bound in a'
            " function block is local to it and seen by the blocks nested in it",
            "the symbol table keeps the current class in `curClass`, set on entering a class body and never"
            " restored; the compiler mangles with the class of the unit it compiles, asks the symbol table for"
            " that name, and compiles a name it does not find as a lookup by name",
            "do not use private names (two leading underscores) outside classes in a module that defines classes,"
            " or define the classes after the code that uses them",
            seen=("skulpt",),
        ),
        Deviation(
            "comprehension-locals-of-a-cell-variable-crash",
            "locals() (or eval(), which takes the caller's locals()) called in a list, set or dict comprehension"
            " in a function crashes the interpreter (SIGSEGV) while an iteration variable of the comprehension"
            " holds a value and has the name of a cell variable of the function: a variable of the function that a"
            " nested scope captures, or one that another comprehension of the function captures in a lambda",
            'Library "Built-in Functions", locals(): in a function it returns the names bound in the block (PEP'
            ' 667 for 3.13); Language Reference 6.2.4: a comprehension runs "in a separate implicitly nested'
            ' scope", its iteration variable its own',
            "PEP 709 inlines the comprehension into the function's frame: the iteration variable uses the"
            " function's slot of that name, a cell slot, but holds the plain value; PEP 667's frame-locals proxy"
            " (3.13) reads every cell slot as a cell and dereferences the value as one (gh-128396, fixed by"
            " gh-130311 in 3.13.3)",
            "do not call locals() or eval() in a comprehension, or name its iteration variable unlike the"
            " function's captured variables",
            links=("https://github.com/python/cpython/issues/128396", "https://github.com/python/cpython/pull/130311"),
            seen=("cpython",),
        ),
        Deviation(
            "class-comprehension-cell-of-a-free-variable-crash",
            "a list, set or dict comprehension in a class body whose iteration variable x is captured by a scope"
            " nested in it (a lambda), while x is a free variable of the class body (the class reads x from the"
            " enclosing function, declares it nonlocal, or an earlier comprehension of the class reads it), crashes"
            " the interpreter (SIGSEGV) when it first binds x; a comprehension that does not iterate runs",
            'Language Reference 6.2.4: a comprehension runs "in a separate implicitly nested scope", so its'
            " iteration variable, and the cell a lambda in it captures, are its own; 4.2.2: the class's free x is"
            " the enclosing function's variable",
            "PEP 709 inlining: the comprehension's cell for x takes the class body's slot for x, which holds the"
            " enclosing function's cell (a free variable): CPython 3.12 wraps that cell in a new one (the"
            " deviation comprehension-cell-replaces-free-variable), 3.13.0 stores through it as if it were a cell"
            " of its own kind and crashes. Not found in CPython's tracker (gh-121377 is the class-body form of the"
            " hidden comprehension cell, without a crash)",
            "give a class-body comprehension's iteration variable another name than the names the class reads from"
            " the enclosing function, or build the list in a function called from the class body",
            seen=("cpython",),
        ),
        Deviation(
            "del-of-an-unbound-name-raises-nothing",
            "`del x` where x is not bound raises nothing (no NameError, no UnboundLocalError): a del of a module's or"
            " a class body's name, of a name declared global, or of a generator function's local, deletes the name"
            " when it is bound and does nothing when it is not",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name from'
            ' the local or global namespace ... If the name is unbound, a NameError exception will be raised"'
            " (UnboundLocalError for a function's local, §4.2.2)",
            "the compiler translates `del x` to JavaScript's `delete` of the property that holds x (`delete $loc.x`,"
            " `delete $gbl.x`), which succeeds whether or not the property exists, with no test that it does",
            "test that the name is bound before deleting it (`if 'x' in globals(): del x`), or rebind it to a"
            " sentinel (`x = None`) instead of deleting it",
            seen=("skulpt",),
        ),
        Deviation(
            "exceptions-derive-from-exception-without-their-middle-base",
            "IndexError, UnboundLocalError and NotImplementedError derive from Exception directly: `except"
            " LookupError` does not catch an IndexError, `except NameError` not an UnboundLocalError, `except"
            " RuntimeError` not a NotImplementedError",
            'Library "Built-in Exceptions", "Exception hierarchy": IndexError and KeyError derive from LookupError,'
            ' UnboundLocalError from NameError ("a subclass of NameError"), NotImplementedError from'
            " RuntimeError; Language Reference 8.4: an except clause matches an exception whose class is the"
            " clause's class or derives from it",
            "the runtime builds each builtin exception class with an explicit base, and gives these three"
            " Exception (exceptions.js: `base: Sk.builtin.Exception`) where KeyError is given LookupError",
            "name the concrete classes in except clauses: `except (IndexError, KeyError):`,"
            " `except (NameError, UnboundLocalError):`",
            seen=("skulpt",),
        ),
        Deviation(
            "class-keywords-ignored",
            "the keyword arguments of a class statement (`class C(B, k=f())`, metaclass= too) are never evaluated"
            " nor passed on, and no base's __init_subclass__ is called: the class is made from its name, bases and"
            " namespace alone, and a keyword that nothing takes raises no TypeError",
            'Language Reference 8.8 "Class definitions": the argument list is evaluated before the body runs;'
            ' Data model 3.3.3.1 and 3.3.3.6: "Any other keyword arguments that are specified in the class'
            " definition are passed through to all metaclass operations\" and then to the nearest base's"
            " __init_subclass__ (implicitly a classmethod; object's takes no keyword arguments: TypeError), which"
            " is called on every subclass made (PEP 487, Python 3.6)",
            "the compiler emits the class's construction from its bases only (`Sk.misceval.buildClass($gbl, body,"
            " name, bases, cell)`, with a 'todo; metaclass' beside it): the keywords of the class statement are"
            " neither compiled nor visited, and the runtime has no __init_subclass__",
            "set class attributes in the body or after the class statement instead of passing keywords, and call"
            " the hook explicitly after making the subclass (`B.__init_subclass__.__func__(C, ...)`) where it"
            " is needed",
            seen=("skulpt",),
        ),
        Deviation(
            "generator-function-decorators-not-applied",
            "the decorators of a generator function are evaluated but never called: the def binds the generator"
            " function itself",
            'Language Reference 8.7 "Function definitions": "A function definition may be wrapped by one or more'
            " decorator expressions. Decorator expressions are evaluated when the function is defined ... The"
            " result must be a callable, which is invoked with the function object as the only argument. The"
            ' returned value is bound to the function name instead of the function object"',
            "the compiler evaluates the decorators of every def before making the function, but only the code it"
            " emits for an ordinary function calls them: for a generator function it returns the wrapper that"
            " makes generators at once",
            "apply the decorator by hand after the def (`g = deco(g)`), or make the generator function an"
            " ordinary function that returns a generator (`def g(): return _g()`)",
            links=("https://github.com/skulpt/skulpt/pull/1605",),  # (generators made as ordinary functions)
            seen=("skulpt",),
        ),
        Deviation(
            "range-not-hashable",
            "a range object cannot be hashed: using it as a set element or a dict key (alone or inside a tuple)"
            " raises TypeError",
            'Library "Built-in Types", "Ranges": "Range objects implement the collections.abc.Sequence ABC"'
            ' and "Testing range objects for equality with == and != compares them as sequences"; like the other'
            " immutable sequences they are hashable, consistently with that equality (Data model 3.3.1, __hash__)",
            "the range type defines no hash operation, to keep the interpreter small; objects without one that"
            " define equality are refused by hash()",
            "use a tuple of the range's items, or the (start, stop, step) triple, as the key",
            links=("https://github.com/micropython/micropython/issues/5924",),
            seen=("micropython",),
        ),
        Deviation(
            "bare-annotation-of-a-name-read-before-binds-nothing",
            "in a function, an annotation without a value (`x: T`) of a name that the function's own code reads"
            " before it (in the text) and does not otherwise bind leaves the name what those reads made it: a"
            " free variable of an enclosing function's x, or a global, not a local variable of the function",
            'Language Reference 4.2.2 "Resolution of names": "If a name is bound in a block, it is a local'
            ' variable of that block"; 7.2.2 "Annotated assignment statements": an annotated simple name is'
            " local to the function even without a value (the annotation alone makes it a local variable, as"
            " an assignment would), whether or not it is used before",
            "the compiler's scope pass meets names in the order of the text and records each as it first meets"
            " it: a read records an (implicitly global) name, an assignment then makes it local, but a bare"
            " annotation only adds the name as local when it is not recorded yet (compile.c:"
            " scope_find_or_add_id(..., ID_INFO_KIND_LOCAL))",
            "do not annotate a name after reading it; annotate local variables where they are first assigned"
            " (`x: int = 0`)",
            seen=("micropython",),
        ),
        Deviation(
            "break-or-continue-before-finally-runs-the-rest-of-the-body",
            "a break or continue in the body of a try statement that has a finally clause (its handlers and else"
            " clause too), or of a with statement, inside the same loop, does not leave the body: the statements"
            " after it go on running to the end of the body, then the finally clause (or __exit__) runs, and"
            " then the loop is left or continued",
            'Language Reference 7.9 "The break statement": "break terminates the nearest enclosing loop ... When'
            " break passes control out of a try statement with a finally clause, that finally clause is executed"
            ' before really leaving the loop"; 7.10 "The continue statement": likewise, it continues with the'
            " next cycle of the loop; no statement after it in the body runs",
            "the compiler translates such a break or continue to the note of the block to go to once the finally"
            " clause has run (`$postfinally={isBreak:true,gotoBlock:...}`) without the jump to the finally clause"
            " that a return has: the code after it runs on",
            "do not break or continue inside a try with finally or a with statement: set a flag, leave the body"
            " normally, and break after the statement",
            links=("https://github.com/skulpt/skulpt/pull/696",),  # (the change that brought $postfinally)
            seen=("skulpt",),
        ),
        Deviation(
            "return-leaves-the-handlers-of-its-try-in-place",
            "a return in a try statement that has a finally clause leaves the statement's exception handlers in"
            " place while the finally clause runs: an exception the finally clause raises runs the finally clause"
            " again from its start before it propagates; where the return was in the try's body, the try's own"
            " except clauses are tried first, and one that handles the exception runs, then the finally clause"
            " again, and the return completes. Likewise a return in a with statement's body: an exception that"
            " __exit__(None, None, None) raises is passed to a second call of __exit__, and a true result"
            " swallows both the exception and the return (the statements after the with statement run)",
            'Language Reference 8.4 "The try statement": "When a return, break or continue statement is executed'
            " in the try suite of a try...finally statement, the finally clause is also executed 'on the way"
            " out.'\"; the except clauses handle exceptions in the try clause, not in the finally clause, and the"
            ' finally clause runs once; 8.5 "The with statement": __exit__ is called once as the suite is left',
            "the compiler translates the return to `$postfinally={returning:...}` and a jump to the finally"
            " clause, without the `$exc.pop()` that a body ending normally makes: the handler the finally clause"
            " set up (and that of the except clauses, in the body) are still on the frame's `$exc` stack when the"
            " clause raises",
            "do not let a finally clause or a context manager's __exit__ raise after a return: catch the"
            " exception in the finally clause itself, or return after the try statement",
            links=(
                "https://github.com/skulpt/skulpt/issues/1400",
                "https://github.com/skulpt/skulpt/pull/1401",
                "https://github.com/skulpt/skulpt/pull/1607",
            ),
            seen=("skulpt",),
        ),
        Deviation(
            "in-place-division-of-an-int-by-zero-gives-infinity-or-nan",
            "`x /= 0`, where x holds an int (not a bool) and the right operand is the int 0, raises nothing: x"
            " becomes float('inf') or float('-inf') (x positive or negative) or float('nan') (x zero), as"
            " JavaScript's division gives, where `x / 0` raises ZeroDivisionError",
            'Language Reference 6.7 "Binary arithmetic operations": "Division by zero raises the'
            ' ZeroDivisionError exception"; 7.2.1 "Augmented assignment statements": an augmented assignment'
            " performs the binary operation (int has no __itruediv__, so `x /= y` computes `x / y`)",
            "the in-place true division of two ints reaches JavaScript's own division without the check for a"
            " zero divisor that the binary operator makes",
            "write `x = x / y`, or test the divisor first",
            seen=("brython",),
        ),
        Deviation(
            "in-place-repetition-of-a-list-by-zero-or-less-keeps-its-items",
            "`x *= n`, where x holds a list and n is an int (or bool) no greater than zero, leaves the list as it"
            " was: for n == 0 it raises JavascriptError ('list.clear is not a function') before changing it, for"
            " a negative n it raises nothing and the list keeps its items",
            'Language Reference 7.2.1 "Augmented assignment statements": the operation is performed in place'
            ' where possible; Library Reference "Mutable Sequence Types": `s *= n` "updates s with its contents'
            ' repeated n times", and "values of n less than 0 are treated as 0" (which empties s)',
            "list.__imul__ handles a zero count apart, with a call to a `list.clear` that its module does not"
            " define, and repeats the items with a loop of count - 1 copies, which does nothing for a negative"
            " count",
            "write `x.clear()` (or `x[:] = []`) to empty a list in place, or `x = x * n` for a new one",
            seen=("brython",),
        ),
        Deviation(
            "as-capture-of-a-self-matching-class-pattern-is-not-bound",
            "`case C(p) as n:`, where C is one of the builtins that match themselves (bool, bytearray, bytes, dict,"
            " float, frozenset, int, list, set, str, tuple) and p its one positional subpattern, binds what p"
            " captures but not n, which keeps the value it had (or stays unbound), when the pattern matches",
            'Language Reference 8.6.4.6 "AS Patterns": "If the OR pattern succeeds, the subject is bound to the'
            ' name on the right of the as keyword"; 8.6.4.9 "Class Patterns": for these builtins a single'
            " positional subpattern matches the entire subject",
            "the class pattern's code for the self-matching builtins returns the result of matching the"
            " subpattern against the subject at once, skipping the binding of the pattern's alias that every other"
            " path makes",
            "bind the subject in the subpattern instead (`case list(n):`), or after the match (`n = subject`)",
            seen=("brython",),
        ),
        Deviation(
            "as-capture-of-a-none-pattern-is-not-bound",
            "`case None as n:` (and `case True as n:`, `case False as n:`) does not bind n, which keeps the value"
            " it had (or stays unbound), when the subject is the singleton",
            'Language Reference 8.6.4.6 "AS Patterns": "If the OR pattern succeeds, the subject is bound to the'
            ' name on the right of the as keyword"',
            "the code that matches a literal pattern returns the identity test's result at once for None, True"
            " and False, skipping the binding of the pattern's alias that it makes for the other literals",
            "bind the subject after the match (`n = None`), or use a capture pattern with a guard"
            " (`case n if n is None:`)",
            seen=("brython",),
        ),
        Deviation(
            "as-capture-of-an-empty-or-star-wildcard-sequence-pattern-is-not-bound",
            "`case [] as n:` (or `()`) matching an empty sequence, and `case [*_] as n:` (or `(*_,)`) matching"
            " any sequence, do not bind n, which keeps the value it had (or stays unbound)",
            'Language Reference 8.6.4.6 "AS Patterns": "If the OR pattern succeeds, the subject is bound to the'
            ' name on the right of the as keyword"; 8.6.4.8 "Sequence Patterns"',
            "the code that matches a sequence pattern returns success at once for these two shapes, which need no"
            " item matched (a pattern of no items against an empty sequence, a lone `*_`), before the binding of"
            " the pattern's alias that the general path makes at its end",
            "bind the subject after the match (`n = subject`), or capture the items instead (`case [*n]:`)",
            seen=("brython",),
        ),
        Deviation(
            "as-capture-of-a-mapping-pattern-is-not-bound",
            "`case {k: p, ...} as n:` (a mapping pattern with an as name) binds what its subpatterns (and"
            " `**rest`) capture but not n, which keeps the value it had (or stays unbound), when the pattern"
            " matches",
            'Language Reference 8.6.4.6 "AS Patterns": "If the OR pattern succeeds, the subject is bound to the'
            ' name on the right of the as keyword"',
            "the code that matches a mapping pattern returns success as soon as its keys and values match,"
            " skipping the binding of the pattern's alias that the other kinds of pattern make",
            "bind the subject after the match (`n = subject`), or wrap the mapping pattern in an or-pattern"
            " (`case ({k: p} | {k: p}) as n:`), whose alias is bound",
            seen=("brython",),
        ),
        Deviation(
            "none-type-called-with-a-class-body-gives-none",
            "a class statement whose base is None (`class C(None):`, or a base that a name bound to None gives)"
            " runs its body and binds C to None, raising nothing",
            'Data model 3.3.3.3 "Determining the appropriate metaclass": the metaclass is the most derived of the'
            ' bases\' types, here type(None); 3.3.3.6 "Creating the class object": it is called with the name,'
            " the bases and the namespace, and NoneType takes no arguments: TypeError",
            "NoneType's constructor accepts any arguments and returns None, so calling it as the metaclass makes"
            " no error",
            "never give None as a base: test the value first (a decorator or function that may return None)",
            seen=("brython",),
        ),
        Deviation(
            "float-called-with-a-class-body-converts-the-class-name",
            "a class statement whose base is a float (`class C(1.5):`, or a base that a name bound to a float"
            " gives) runs its body and then raises ValueError (\"could not convert string to float: 'C'\"), not"
            " TypeError",
            'Data model 3.3.3.3 "Determining the appropriate metaclass": the metaclass is the most derived of the'
            ' bases\' types, here float; 3.3.3.6 "Creating the class object": it is called with the name, the'
            " bases and the namespace, and float takes at most one argument: TypeError",
            "float's constructor ignores the arguments after the first, so calling it as the metaclass converts"
            " the class's name to a float",
            "never give a number as a base: test the value first (a decorator or function that may return one)",
            seen=("brython",),
        ),
        Deviation(
            "float-floor-division-by-zero-gives-zero",
            "floor division of a float by zero, or of a number by a float zero (`x // 0` with x a float, `3 // 0.0`,"
            " and `x //= 0`), gives a zero (0.0, or -0.0 where the operands' signs differ) and raises nothing",
            'Language Reference 6.7 "Binary arithmetic operations": "Division by zero raises the'
            ' ZeroDivisionError exception", for the floor division `//` as for `/` and `%`',
            "float's floor division does not test the divisor for zero, where `/` and `%` do (it is computed from"
            " the JavaScript quotient, as brython-dev/brython#2506 shows for 1. // .1)",
            "test the divisor before dividing, or divide with `/` and take math.floor() of the result",
            seen=("brython",),
        ),
        Deviation(
            "star-unpacking-in-a-display-turns-an-exception-into-stopiteration",
            "an exception that an iterator raises while a tuple or list display unpacks it with `*` (`(*g,)`,"
            " `[x, *g]`) is replaced by a StopIteration with no arguments, raised from the display (a set display,"
            " a call's `*g`, `list(g)` and `a, *b = g` let the exception through)",
            'Language Reference 6.2.3 "Parenthesized forms" and 6.2.5 "List displays": an asterisk denotes iterable'
            " unpacking, whose items are added in order; an exception raised while the iterable is iterated"
            " propagates from the display (8.4: only the iterator's own StopIteration ends the iteration)",
            "the code that unpacks the iterable into the display's JavaScript array ends its loop on any exception"
            " the iterator's next step raises, and reports it as the end of the iteration",
            "build the items with list(iterable) first, then unpack that list",
            seen=("brython",),
        ),
        Deviation(
            "class-body-del-resolved-in-the-order-of-the-text",
            "`del x` in a class body that binds x: after a binding of x before it in the order of the text, in the"
            " part of the body the del is in (the body itself, or the if, for, while or try body it is in, or one"
            " around that), it deletes the entry of x's name as written, so a private name (`__x`, which the"
            " namespace holds mangled, `_C__x`) is never found: NameError naming it unmangled; a del at the body's"
            " own level of a name the body bound before only in an if, for, while or try body raises"
            " UnboundLocalError (\"cannot access local variable 'x'\") where the namespace has no x (for a private"
            " name, always), instead of NameError",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name from'
            ' the local or global namespace"; 6.2.1 "Private name mangling" applies to every occurrence of the'
            " name in the class, a del's too; 4.2.2: a name missing from a class's namespace raises NameError",
            "the translator resolves the name (mangled) in its stack of scopes: found bound before in the text in"
            " the current scope or one around it, it compiles `$B.$delete(x, <the class namespace>)` with the"
            " name as written; otherwise, at the body's own level, a name bound anywhere before in the body (the"
            " class scope's `maybe_locals`) is compiled as `$B.$delete(x, 'local')`, which raises"
            " UnboundLocalError when the frame's namespace lacks x",
            "do not delete private names in a class body (`del _C__x` deletes the mangled name), and delete a"
            " class attribute that may be missing after the class statement (`del C.x`, in a try statement)",
            seen=("brython",),
        ),
        Deviation(
            "star-wildcard-of-a-sequence-pattern-binds-underscore",
            "a sequence pattern's star wildcard (`case [x, *_]:`) binds the name _ to the list of the items it"
            " matches, in the namespace of the block the match statement is in (locals() lists it); the block's"
            " reads of _ still resolve as Python resolves them (a global _ first), and find that list where the"
            " name is missing there",
            'Language Reference 8.6.4.9 "Sequence Patterns": "At most one star subpattern may be in a sequence'
            ' pattern"; 8.6.4.4 "Wildcard Patterns": "_ is a soft keyword within any pattern, but only within'
            ' patterns", and `*_` is a wildcard like `_`: it matches and binds nothing (PEP 634)',
            "the translator compiles the star subpattern with its name, `_` included, and the pattern matcher"
            " binds the name it is given without treating _ as the wildcard",
            "write `*rest` and do not read rest, or test the length with `case [x, *_] if len(...)`; never rely"
            " on `_` after a match",
            seen=("brython",),
        ),
        Deviation(
            "class-body-del-of-a-name-it-lacks-deletes-the-global",
            "`del x` in a class body whose namespace has no x deletes the module's global x, when there is one,"
            " instead of raising NameError",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name from'
            " the local or global namespace, depending on whether the name occurs in a global statement in the same"
            ' code block"; a class body that does not declare x global deletes from its own namespace, and 4.2.2:'
            " a name not bound there raises NameError",
            "the translator compiles a deletion of a name the class body's scope has not bound (so far, in the"
            " order of the text) as one resolved at run time in the global namespace",
            "do not delete in a class body a name it has not bound; delete a global with `global x` declared",
            seen=("brython",),
        ),
        Deviation(
            "generic-class-does-not-see-its-type-parameters",
            "a generic class (`class C[T](...):`) does not see its type parameters in its bases and keywords, its"
            " body, the functions and classes nested in the body, or the body's annotations (evaluated lazily, 3.14):"
            " T there is the variable of that name around the class statement, else the global (NameError where"
            " none has it)",
            'Language Reference 4.2.4 "Annotation scopes" and 8.8 "Class definitions" (PEP 695): the type'
            " parameters of a generic class are bound in an annotation scope that encloses the evaluation of its"
            " bases and keywords and the class body, and so every scope nested in the body, its annotations' too",
            "the translator makes the type variables JavaScript variables of a function that builds the class, and"
            " translates the bases, the keywords and the body with the scopes around the class statement, where"
            " the type parameters are not names of any scope: a read of T resolves as the same read would without"
            " them",
            "give the type parameters names that nothing around the class uses, and do not read them in the class"
            " itself (its __type_params__ holds them)",
            links=(
                "https://github.com/brython-dev/brython/issues/2307",
            ),  # (generic functions and classes: work still to do)
            seen=("brython",),
        ),
        Deviation(
            "nonlocal-in-a-method-reaches-the-class-variable",
            "a method (a function defined directly in a class body) that declares x nonlocal, where the class body"
            " binds x too, reads x as the class's attribute, and binds it there when the class body binds x"
            " before the method's def in the order of the text, or the method is itself named x (else it binds"
            " the enclosing function's x); a class body further out, between the method and the function whose x"
            " it is, that binds x is where its reads go too (a case the model leaves open)",
            'Language Reference 7.13 "The nonlocal statement": the names refer to "previously bound variables in'
            ' the nearest enclosing function scope"; 4.2.2: "The scope of names defined in a class block is'
            ' limited to the class block; it does not extend to the code blocks of methods"',
            "the translator resolves a read of a nonlocal name to the nearest enclosing scope whose symbol table"
            " binds it, class bodies included, and a binding of it to the nearest enclosing scope that has bound"
            " it so far in the order of the text, class bodies included (a def's name is bound before its body"
            " is translated)",
            "do not give a method's nonlocal variables the names of the class's attributes",
            links=("https://github.com/brython-dev/brython/issues/2824",),  # (the same get_binding_scope)
            seen=("brython",),
        ),
        Deviation(
            "dunder-class-is-the-class-name-read-when-the-method-is-called",
            "a function defined directly in a class body (by def or lambda) takes its __class__ (and zero-argument"
            " super() its class) at each call: the class whose namespace held the function when that class was"
            " made; for a function no class namespace held then (a staticmethod or classmethod, a method the body"
            " declares global or deletes, any method called while its class body runs or after its class failed to"
            " be made), the value that the class's name has at the time of the call among the own variables of the"
            " block the class statement ran in (the module's globals, an enclosing class's namespace, a function's"
            " locals), or a new empty class of that name when it has none",
            'Data model 3.3.3.6 "Creating the class object": "__class__ is an implicit closure reference created by'
            ' the compiler if any methods in a class body refer to either __class__ or super"; the cell is filled'
            " with the class object when type.__new__ makes it, and stays empty (NameError, RuntimeError for super)"
            " if it never does",
            "the translator has no __class__ cell: each method call sets a local __class__ from"
            " `$B.get_method_class(method, <locals of the block around the class>, name, [name])`, which returns"
            " the class that class creation stored on the function object, or else looks the class's name up in"
            " that locals object and makes a new type when the name is missing there",
            "do not rebind the class's name in the block that defines it, and use super() and __class__ only in"
            " methods that stay in the class's namespace, called after the class exists",
            seen=("brython",),
        ),
        Deviation(
            "class-global-declaration-holds-in-its-methods",
            "a `global x` statement in a class body holds in the functions nested in the class too: their reads of"
            " x (a free variable for Python, the enclosing function's x) read the global x, and so do the reads of"
            " the functions nested in a method that declares x nonlocal (where the method's own reads are of the"
            " enclosing function's x)",
            'Language Reference 7.12 "The global statement": "The global statement is a declaration which holds'
            ' for the entire current code block"; 4.2.2: the scope of names in a class block "does not extend to'
            ' the code blocks of methods", whose free variables are resolved in the nearest enclosing function'
            " scope",
            "the translator's search for a name outwards stops at any scope that declares it global, class bodies"
            " included, where Python's passes class bodies over; it passes a function that declares the name"
            " nonlocal, as one that binds nothing of its own",
            "declare the name global in the method itself, or give the class's global another name",
            seen=("brython",),
        ),
        Deviation(
            "comprehension-runs-inline-restoring-targets-bound-before",
            "a list, set or dict comprehension runs in the block around it: its iteration variables are variables"
            " of the enclosing function (or class body, or module), and its conditions, later iterables and"
            " elements read that block's names; when it ends without an exception, each of its targets that the"
            " block had bound before it in the order of the text (in the same or an enclosing part of the block:"
            " the function's body, parameters included, or the if, for, while or try statement it is in) gets back"
            " the value it had when the comprehension started (unbound again if it was unbound: in a function's"
            " namespace, a name only comprehensions bind then holds undefined, which locals() lists), while the others"
            " keep the last item bound (generator expressions keep a scope of their own); in a function or class"
            " body, a target that the block binds nowhere else is bound only in the block's namespace (locals(), a"
            " class attribute): the block's own reads of the name at the comprehension's level find what Python"
            " finds (the global, an enclosing function's variable; the namespace only where that is missing; where"
            " the block's code reads the name outside its comprehensions, the comprehension's own reads of its"
            " target are such reads too, not of the item bound, but for its first for's target where that is a"
            " name, not a private one, which the translator marks local while it translates the comprehension),"
            " its"
            " reads in an if, for, while or try body after the comprehension (in the order of the text) read the"
            " namespace (undefined when the comprehension bound nothing), and so do the reads of a later"
            " comprehension at its level or in such a body, where the block's own code does not read the name"
            " outside its comprehensions, and a read of the name as a global or an"
            " enclosing variable from a later comprehension in the function, or from a function nested in it (even"
            " one whose own comprehension binds the name later in the text), finds the namespace's value once the"
            " comprehension has run, unless the function's own code reads the name too (class bodies are passed by);"
            " where it does not, a comprehension's read of one of its own targets before it binds it (in a"
            " condition, a later iterable, a comprehension nested in it) reads the namespace as a local variable's:"
            " the value an earlier comprehension left there, else UnboundLocalError, whatever Python makes of it;"
            " the co_freevars of a function, and the cells of its __closure__, are still those of the symbol"
            " table, which keeps the comprehension's scope",
            'Language Reference 6.2.4 "Displays for lists, sets and dictionaries": "the comprehension is executed'
            " in a separate implicitly nested scope. This ensures that names assigned to in the target list don't"
            ' leak into the enclosing scope"; only "the iterable expression in the leftmost for clause is'
            ' evaluated directly in the enclosing scope"',
            "the translator compiles the comprehension's loops inline in the code of the enclosing block, binding"
            " its targets in that block's namespace; before the loops it saves each target the block's scopes"
            " already bind at that point of the text, and assigns the saved values back after the loops (not in a"
            " `finally`), while a target bound nowhere before stays in the namespace; a name that the symbol table"
            " resolves as a global or free variable of a nested scope (a comprehension is one) is looked up at run"
            " time in the namespaces of the enclosing functions before the globals, where such a target is found;"
            " a read of a comprehension's target met before any binding of it is compiled as a checked read of the"
            " current frame's namespace (resolve_local)",
            "give iteration variables names the enclosing block does not use, and do not make closures over them"
            " (or build the values with a generator expression: list(x for x in ...))",
            links=(
                "https://github.com/brython-dev/brython/issues/2534",  # (the save of a local bound before)
                "https://github.com/brython-dev/brython/pull/2920",  # (the names bound by it dropped at its end)
            ),
            seen=("brython",),
        ),
        Deviation(
            "locals-lists-the-lambdas-made-in-the-function",
            "locals() in a function lists, besides its variables, a name of the form lambda_<letters and digits>_"
            "<number> (a part random for each session of the interpreter) once a lambda expression has been"
            " evaluated in the function's own code (its body, the defaults and decorators it evaluates, its list,"
            " set and dict comprehensions; not a nested function's, class body's or generator expression's), and"
            " keeps it after the variable the lambda was assigned to is deleted",
            'Library "Built-in Functions", locals(): in a function block it returns "a dictionary of the local'
            ' variables (and free variables)"; Language Reference 6.14 "Lambdas": a lambda expression makes an'
            " anonymous function and binds no name",
            "the translator compiles each lambda to a JavaScript function that it stores, under a name it makes up"
            " (`'lambda_' + $B.lambda_magic + '_' + id`), in the namespace object of the block that evaluates"
            " it, and locals() lists that object's keys",
            "filter the names locals() gives (keep the ones the code binds, or drop those starting with"
            " 'lambda_'), or define the function with def",
            seen=("brython",),
        ),
        Deviation(
            "except-as-of-a-declared-name-binds-the-block-namespace",
            "`except E as N` in a function or class body that declares N global or nonlocal binds the exception in"
            " the block's own namespace (the class's attributes, the function's locals()), not the global or the"
            " enclosing function's variable, which keeps its value; the block's reads of N still use the global or"
            " enclosing variable, and the implicit `del N` at the end of the handler applies to the block's"
            " namespace",
            'Language Reference 7.12 "The global statement" and 7.13 "The nonlocal statement": the names listed are'
            " interpreted as globals (or refer to the enclosing function's variables) in the code block, for every"
            ' binding of them; 8.4 "The try statement": the exception is assigned to the target as in an'
            " assignment",
            "the translator binds the name of an except clause with `locals.N = exception`, the namespace of the"
            " block it is in, without looking at the block's global and nonlocal declarations as it does for"
            " assignments, which it compiles to the module's or the enclosing function's namespace",
            "do not name an except clause's target like a name the block declares global or nonlocal: bind the"
            " exception to another name and assign it to the global (or nonlocal) name in the handler",
            seen=("brython",),
        ),
        Deviation(
            "attribute-or-item-assignment-evaluates-its-object-first",
            "an assignment statement with one target that is an attribute reference or a subscription"
            " (`obj.name = value`, `obj[i] = value`) evaluates the target's object before the value: an exception"
            " that evaluating the object raises (an unbound name) comes before the value's",
            'Language Reference 7.2 "Assignment statements": "An assignment statement evaluates the expression'
            ' list ... and assigns the single resulting object to each of the target lists"; 6.16 "Evaluation'
            ' order": in `expr3.name = expr1`-like statements the right-hand side is evaluated first',
            "the translator compiles the statement to one call of the runtime's setattr or setitem with the"
            " object, the key and the value as arguments, which JavaScript evaluates from left to right",
            "bind the value to a variable first (`v = value; obj.name = v`) when evaluating either side can raise",
            seen=("brython",),
        ),
        Deviation(
            "generic-definitions-of-one-name-in-a-block-run-the-last",
            "in one statement list (a module, a function or class body, the body of an if, a loop, a try clause"
            " ...), every type statement and generic class statement (`class C[T]:`) that binds a name runs the"
            " code of the last one of them binding that name: an earlier `class C[T]:` makes the later class"
            " (its bases and body), an earlier `type C = ...` the later alias or class; and one run before any"
            " type statement or generic class has imported Brython's module _typing raises JavascriptError"
            " (\"Cannot read properties of undefined (reading 'Symbol(DICT)')\") if that last one is a type"
            " statement",
            'Language Reference 8.8 "Class definitions": "A class definition is an executable statement", which'
            ' creates the class from its own suite; 7.14 "The type statement" binds the name to a TypeAliasType'
            " whose value is the statement's own expression; §4.2.1: statements execute in order, each binding"
            " the name anew",
            "the translator compiles each such statement to a JavaScript function declaration named"
            " TYPE_PARAMS_OF_<name>, placed in the JavaScript block of the statement list, and a call of it where"
            " the statement is; JavaScript hoists the declarations of a block and the last of a name replaces the"
            " others. The function of a type statement reads _typing from the table of imported modules, which"
            " the statement's own code imports just before its call",
            "give each generic class and type alias of a block its own name, or put each in a function of its own",
            seen=("brython",),
        ),
        Deviation(
            "generic-def-defaults-read-names-in-the-type-parameter-scope",
            "the default values of a generic function (`def f[T](x=v)`) read the names that the block around the"
            " def binds (a function's variables, a class body's names, the module's globals at the module level)"
            " in the scope of the type parameters instead: a name that is also a type parameter of the def gives"
            " that TypeVar; any other, where the block has bound it before the def in the order of the text (in"
            " the block's own scope, or the if, for, while or try body the def is in), JavaScript's undefined,"
            " without an error; where not, in a function it raises UnboundLocalError, even if the function has"
            " bound it by then, in a class body it does too where the body bound it before in such a body, and"
            " elsewhere it is read as a global; names the block does not bind, or declares global or nonlocal,"
            " are read as they should be",
            'Language Reference 8.7.1 "Generic functions" (PEP 695): "the default values and decorators are'
            ' evaluated outside the annotation scope" of the type parameters, in the block that contains the def,'
            ' as for any function (8.7 "Function definitions": "Default parameter values are evaluated from left to'
            ' right when the function definition is executed")',
            "the translator places the code of the defaults inside the JavaScript function that makes the type"
            " parameters, translated as for the block around it: a name of that block seen bound becomes"
            " `locals.name`, and there `locals` is the type parameters' namespace; one not seen bound becomes"
            " `$B.resolve_local(name)`, which looks in the current frame, the type parameters' own",
            "bind the default to a name the def does not read through its block (`d = v` at the module level, read"
            " through a lambda), or make the function generic through a class around it",
            seen=("brython",),
        ),
        Deviation(
            "augmented-assignment-of-a-private-name-uses-it-unmangled",
            "an augmented assignment (`__p += v`) of a private name in a class (in the class body, or in a"
            " function nested in it) that is a variable of its block reads and binds the name as written, not"
            " mangled (_C__p) as the block's other statements do: the read finds nothing, and the operator fails"
            ' in JavaScript, once the right-hand side is evaluated (JavascriptError "Cannot read properties of'
            " undefined (reading 'ob_type')\")",
            'Language Reference 6.2.1 "Identifiers (Names)", private name mangling: "When an identifier that'
            " textually occurs in a class definition begins with two or more underscores ... it is considered a"
            ' private name of that class", transformed to _ClassName__name, wherever it occurs; 7.2.1:'
            ' "An augmented assignment evaluates the target ... and the expression list, performs the binary'
            ' operation ... and assigns the result to the original target"',
            "the translator resolves the target's scope with the mangled name, but writes the JavaScript that reads"
            " and binds it with the name as written",
            "write `__p = __p + v`, which is translated with the mangled name",
            seen=("brython",),
        ),
        Deviation(
            "type-alias-without-type-parameters-subscripted",
            "a type alias without type parameters (`type A = ...`) can be subscripted: `A[i]` gives a"
            " types.GenericAlias (repr `A[i]`) instead of raising TypeError",
            'Library "typing", TypeAliasType (what the type statement of Language Reference 7.14 makes): only a'
            " generic type alias, one with type parameters, can be subscripted; CPython raises TypeError"
            ' ("Only generic type aliases are subscriptable"; gh-124498 made an alias given type_params=() raise'
            " it too)",
            "the TypeAliasType of Brython's _typing module refuses subscription only when the alias has no"
            " __type_params__ attribute, which every alias has (an empty tuple when the statement has no type"
            " parameters), so it always makes a GenericAlias of the alias and the index",
            "do not subscript a type alias that has no type parameters; give it some (`type A[T] = ...`) where a"
            " subscription is meant",
            links=("https://github.com/python/cpython/issues/124498",),  # (CPython's own fault, of the same kind)
            seen=("brython",),
        ),
        Deviation(
            "global-declaration-of-a-private-name-is-not-mangled",
            "in a class body or a function nested in a class, `global __x` declares the name as written, while the"
            " block's other uses of __x are mangled (_C__x) and so are not declared: an assignment to __x binds"
            " _C__x in the block's own namespace (the class's namespace, or the function's locals), which no read"
            " of __x in the block sees; a read of __x in the block looks the name up as written when it runs (the"
            " function's own namespace, the functions around, the module's globals, the builtins), so finds the"
            " global __x, or a variable __x of a function around, not what the block assigned; `del __x` raises"
            " NameError",
            'Language Reference 7.12 "The global statement": "The global statement causes the listed identifiers'
            ' to be interpreted as globals"; 6.2.1 "Identifiers (Names)", private name mangling: an identifier'
            " __x that occurs in a class is transformed to _C__x wherever it occurs, so the names a global"
            " statement lists too: `global __x` declares _C__x, the name every other use of __x in the block is",
            "the translator records a global statement's names as written, while it checks a binding or a read"
            " against them under the mangled name: the binding goes to the block's own namespace, and the read,"
            " which the symbol table (mangling every use alike) finds global, is compiled as a lookup at run time"
            " (`$B.resolve_in_scopes`) of the name as written; `$B.$delete` is then given its list of namespaces"
            " as one string, in which it finds nothing",
            "do not declare private names global in a class: give the module's variable a name without two"
            " leading underscores",
            seen=("brython",),
        ),
        Deviation(
            "type-alias-in-a-class-body-is-read-as-a-global",
            "a class body that binds a name only by a type statement of its own (`type X = ...`) reads X, after"
            " it as before, as a global: the module's variable, else the builtin, else NameError, while the"
            " alias is the class's attribute X; the annotation scopes in the body (the value of another type"
            " statement there) look X up at run time in the variables of the functions around, innermost first"
            " (passing class bodies), then as a global",
            'Language Reference 7.14 "The type statement": it binds the name to the TypeAliasType, as an'
            ' assignment would; 4.2.2 "Resolution of names": a name bound in a class block is looked up in the'
            " class's namespace first, then the globals and builtins",
            "the translator binds a type statement's name in the class namespace without recording it among the"
            " names the class body has bound, so it compiles a later read of it in the body as a lookup of a"
            " global, and a read in an annotation scope there as `$B.resolve_in_scopes` over the scopes around"
            " that are not class bodies",
            "read the alias through the class (`C.X`) after the class statement, or define it with an assignment"
            " (`X = TypeAliasType('X', ...)` from typing)",
            seen=("brython",),
        ),
        Deviation(
            "lambda-named-lambda",
            "a lambda's __name__ is 'lambda', 'lambda1', 'lambda2' ... (numbered in the module, in the order the"
            " compiler declares them), not '<lambda>' (its __qualname__ still ends in '<lambda>')",
            'Data model 3.2 "The standard type hierarchy", user-defined functions: "__name__: The function\'s'
            " name\"; a lambda expression (Language Reference 6.14) makes a function named '<lambda>', the name"
            " its repr and tracebacks show (and its __qualname__, PEP 3155)",
            "the compiler names the C function of a lambda after the keyword and gives the function object that"
            " name, keeping '<lambda>' for the qualified name only",
            "do not rely on a lambda's __name__; give the function a name with def where it is shown",
            seen=("cython",),
        ),
        Deviation(
            "function-type-is-cython-function-or-method",
            "a user-defined function's type is the compiler's own, 'cython_function_or_method', for functions,"
            " lambdas, generator and coroutine functions alike (a bound method is still of type `method`)",
            'Data model 3.2 "The standard type hierarchy", "Callable types": a function definition or lambda'
            ' makes a "user-defined function" object, of type `function` (types.FunctionType)',
            "compiled functions are objects of a type of the compiler's runtime that wraps a C function, with"
            " the attributes of a Python function but not its type",
            "test for callables with callable() or inspect.isroutine(), never by type or type name",
            seen=("cython",),
        ),
        Deviation(
            "types-are-nuitkas-compiled-types",
            "user-defined functions, lambdas, generator and coroutine functions are of type 'compiled_function', bound"
            " methods of 'compiled_method', and the generators and coroutines they return of 'compiled_generator' and"
            " 'compiled_coroutine'",
            'Data model 3.2 "The standard type hierarchy", "Callable types": a function definition or lambda makes'
            ' a "user-defined function" object, of type `function` (types.FunctionType); an instance method object'
            " is of type `method`; calling a generator function returns a generator iterator (types.GeneratorType),"
            " a coroutine function a coroutine object (types.CoroutineType)",
            "compiled functions, generators and coroutines are objects of types of the compiler's runtime, which"
            " isinstance() checks against the types module accept but which are not those types",
            "test for callables with callable() or inspect.isfunction(), and for generators with inspect.isgenerator(),"
            " never by type name",
            links=("https://nuitka.net/user-documentation/",),
            seen=("nuitka",),
        ),
        Deviation(
            "builtin-exception-attributes-refused",
            "an instance of a built-in exception class (ValueError(0), a caught KeyError) has no __dict__: setting an"
            " attribute on it raises AttributeError",
            'Library "Built-in Exceptions": the built-in exception classes can be subclassed and instantiated, and'
            " their instances are ordinary objects with a __dict__ (BaseException.add_note, __traceback__ and"
            " arbitrary attributes set by handlers); Language Reference 7.2: an attribute reference as target asks"
            " the object to assign the attribute",
            "exception objects are kept small and fixed in size, without a namespace of their own (memory-constrained"
            " implementations)",
            "keep the data beside the exception (a variable of the handler), or raise an instance of a subclass"
            " defined in Python, whose instances take attributes",
            links=("https://docs.micropython.org/en/latest/genrst/builtin_types.html",),
            seen=("micropython",),
        ),
        Deviation(
            "match-capture-of-a-declared-name-binds-the-block-namespace",
            "a capture pattern of a match statement (`case N`, `case [*N]`, `case {**N}`, `case C(a=N)`, `case P as"
            " N`) in a function or class body that declares N global or nonlocal binds the subject in the block's"
            " own namespace (the class's attributes, the function's locals()), not the global or the enclosing"
            " function's variable, which keeps its value; the block's reads of N (the guard's and the case body's"
            " too) still use the global or enclosing variable",
            'Language Reference 8.6.4.2 "Capture Patterns": "A capture pattern always succeeds. It binds the subject'
            " value to the name using the scoping rules for name binding established for the assignment expression"
            " operator\"; 7.12 and 7.13: the global and nonlocal statements make the block's bindings of the name"
            " bind the global or the enclosing function's variable",
            "the translator passes the names a pattern captures to the runtime's pattern matching as strings, which"
            " binds them in the namespace object of the block running it, without looking at the block's global and"
            " nonlocal declarations as it does for assignments (as except-as-of-a-declared-name-binds-the-block-"
            "namespace)",
            "do not capture in a pattern a name the block declares global or nonlocal: capture another name and"
            " assign it to the global (or nonlocal) name in the case body",
            seen=("brython",),
        ),
        Deviation(
            "failed-pattern-keeps-the-captures-made-before-it-failed",
            "a pattern of a match statement binds each name it captures as soon as the subpattern capturing it"
            " matches, and a pattern that then fails leaves them bound: a sequence pattern without a star matches"
            " its items against a longer subject before finding the lengths differ (`case [v]` against (1, 2)"
            " binds v to 1), a mapping pattern looks its keys up one by one, matching each value found before a"
            " missing key, and an or-pattern's failing alternatives keep what they bound",
            'Language Reference 8.6.4 "Patterns": a sequence pattern fails when "the length of the subject'
            ' sequence is not equal to the number of subpatterns" (checked before its subpatterns are matched),'
            " a mapping pattern fails when a key is not in the subject; 8.6.2 leaves the bindings a failed match"
            ' makes to the implementation ("Do not rely on bindings being made for a failed match"), which'
            " CPython makes none of: it binds the names only once the whole pattern has matched",
            "the runtime's pattern_match binds every capture straight into the block's namespace (`locals[name] ="
            " subject`) while it walks the pattern, checks only that a sequence is not too short before matching"
            " its items and that all of them were used after, and fetches a mapping's keys in the pattern's order",
            "do not read after a match statement a name that a case which did not match captures: capture into"
            " names used only in that case's body",
            seen=("brython",),
        ),
        Deviation(
            "nonlocal-bound-later-in-the-text-binds-the-global",
            "in a function (or a class body) that declares x nonlocal, where the enclosing function binds x only"
            " after the nested def (or class statement) in the order of the text (later in its body, even in code"
            " that never runs), or where"
            " a `del x` comes before the binding in the order of the text (in that function, or in another one"
            " declaring x nonlocal met before it) with no binding of x by the enclosing function in between, a"
            " binding of x (`x = v`, `(x := v)`, a for or with target, an import, a def or class statement; not an"
            " augmented assignment `x += v`, whose target is resolved as its read) binds the"
            " global x when the module binds x (else the nested function's own namespace), not the enclosing"
            " function's variable, which reads of x still use; where a function further out binds x before, in the"
            " order of the text, the assignment binds that function's variable x instead (a case the model leaves"
            " open)",
            'Language Reference 7.13 "The nonlocal statement": "The nonlocal statement causes the listed'
            ' identifiers to refer to previously bound variables in the nearest enclosing function scope";'
            " 4.2.2: a name bound anywhere in a function block is local to it, wherever the binding is in the"
            " text",
            "the translator resolves each binding when it meets it, in the order of the text: for a nonlocal name"
            " it looks for a binding made so far in the functions around (get_binding_scope), and finding none it"
            " compiles the binding as one of the module's namespace, or of the function's own; translating `del x`"
            " removes x from the bindings it has recorded for the function that binds it",
            "bind the enclosing function's variable before the nested def (`x = None` at the top of the function)",
            links=("https://github.com/brython-dev/brython/issues/2824",),
            seen=("brython",),
        ),
        Deviation(
            "class-body-resolves-its-names-in-the-order-of-the-text",
            "a class body's read of a name that the body binds is resolved once, in the order of the text: before"
            " any binding of it in the body's text, or in an if, for, while or try body of the class body that has"
            " none before it, the read is of the global (the module's variable, else the builtin, else NameError)"
            " even when the class namespace holds the name (bound by an earlier iteration of a loop); directly in"
            " the class body (not in such a statement's body) after a binding of it anywhere in the body's text"
            " that is not in the read's own part of the body (or was deleted since), it is of the class namespace"
            " only, and raises UnboundLocalError when the namespace does not hold the name (a with statement's body"
            " counts as before its context expression and target, which are translated after it); an augmented"
            " assignment (`x += v`) whose read is of the global binds the global too; and the body's annotations"
            " (evaluated when __annotations__ is read, 3.14) resolve their names as reads at their place in the"
            " text, an annotated assignment's target bound after its annotation",
            'Language Reference 4.2.2 "Resolution of names": "Class definition blocks ... are special in the'
            ' context of name resolution. ... unbound local variables are looked up in the global namespace"; a'
            " read in a class body looks the name up, when it runs, in the class namespace, then the globals, then"
            " the builtins (LOAD_NAME)",
            "the translator resolves each name when it meets it, in the order of the text (translating a with"
            " statement's body before its items), keeping per scope the names bound so far: a class body's read of"
            " a name bound before in its own scope or one around it is a plain read of the class namespace"
            " (unbound-read-as-undefined), one of a name bound before elsewhere in the class body a lookup in the"
            " current frame's namespace that fails with UnboundLocalError, and any other a lookup of a global",
            "bind a class attribute before any read of it in the class body, unconditionally and at the body's top"
            " level, and read the global under another name where both are meant",
            links=("https://github.com/brython-dev/brython/issues/1596",),
            seen=("brython",),
        ),
        Deviation(
            "comprehension-variable-of-a-nonlocal-name-binds-the-enclosing-variable",
            "in a function or class body that declares x nonlocal, a list, set or dict comprehension whose target"
            " is the name x binds the enclosing function's variable x at each iteration, and gives it back its"
            " value when it ends if x is the last of the comprehension's targets in the order its names first"
            " appear (from the first target on; the variable otherwise keeps the last item); where x is the first"
            " `for`'s target, reading x in the comprehension itself (its element, conditions and later iterables,"
            " even after a later `for` binds x) raises UnboundLocalError, the variable keeping the item then"
            " iterated, unless the function's own namespace holds an x (an `except ... as x` of the function binds"
            " it there: the read finds the exception), and in a class body reads the global x (NameError where"
            " there is none); its reads of a later `for`'s target x read the enclosing"
            " variable (before that `for` binds it too); a function nested in it looks x up when it runs, in the"
            " function's own namespace first (holding the exception an `except ... as x` bound there), then in the"
            " enclosing variable",
            'Language Reference 6.2.4 "Displays for lists, sets and dictionaries": "the comprehension is executed'
            " in a separate implicitly nested scope. This ensures that names assigned to in the target list don't"
            ' leak into the enclosing scope"; 7.13: a nonlocal statement applies to the code block it is in, not'
            " to the comprehension's own scope",
            "the translator compiles the comprehension inline in the function, binding its targets where the"
            " function binds those names (the enclosing function's namespace, for a name declared nonlocal), saving"
            " before it and putting back after it only the one target its symbol table lists last, and compiling"
            " the reads of the first target in the comprehension as lookups of a variable of the function's own"
            " namespace, which has the name only when something else bound it there (as comprehension-variable-"
            "of-a-global-name-binds-the-global), or in a class body as `$B.resolve_global`; a nested function's"
            " read of x is a lookup at run time (`$B.resolve_in_scopes`) in the namespaces of the functions around,"
            " innermost first",
            "do not give comprehension variables the name of a variable that the function declares nonlocal",
            links=(
                "https://github.com/brython-dev/brython/issues/2534",
            ),  # (targets bound in the function's namespace)
            seen=("brython",),
        ),
        Deviation(
            "locals-omits-free-variables",
            "locals() in a function (or lambda) lists only the variables the function binds itself (its"
            " parameters, its local variables, those of them nested scopes read), not the free variables it reads"
            " from an enclosing function or declares nonlocal (unless a comprehension run inline bound the name in"
            " the function's namespace: comprehension-runs-inline-restoring-targets-bound-before); so eval()"
            " without namespaces, which takes the"
            " caller's locals(), does not see them either, and looks such a name up in the globals, then the"
            " builtins",
            'Library "Built-in Functions", locals(): "In an optimized scope (including functions, generators, and'
            ' coroutines) ... returns ... a dictionary ... Free variables are included"; eval(): "If only globals'
            " is provided ... if both dictionaries are omitted, the expression is executed with the globals and"
            ' locals in the environment where eval() is called"',
            "each function's variables are the keys of a namespace object of its own, which locals() returns and"
            " eval() uses as its locals; a free variable is read from the enclosing function's namespace object,"
            " named in the code, and never copied into the function's own",
            "pass the values that code run by eval() needs in an explicit namespace (`eval(text, globals(), {'x':"
            " x})`), and do not look for free variables in locals()",
            links=("https://github.com/brython-dev/brython/issues/2855",),
            seen=("brython",),
        ),
        Deviation(
            "del-of-a-local-seen-bound-raises-name-error",
            "`del x` of a function's unbound local variable raises plain NameError (\"name 'x' is not defined\"),"
            " not UnboundLocalError, when the translator has seen x bound before the del statement in the order"
            " of the text (in the function's body or the if, for, while or try body the del is in, and not"
            " deleted since in the text): typically a del in a loop, run again after it unbound the variable;"
            " such a del also raises it for a variable holding JavaScript's undefined (a parameter whose default"
            " read a name as undefined: deviation unbound-read-as-undefined)",
            'Language Reference 7.5 "The del statement": "Deletion of a name removes the binding of that name'
            ' from the local or global namespace"; 4.2.2 "Resolution of names": a local variable of a block used'
            " when it is not bound raises UnboundLocalError",
            "the translator compiles such a del to a deletion from the function's namespace object, which raises"
            " NameError when the name is missing there (its entry undefined); only a del of a name it has not seen"
            " bound is compiled to the frame's own check, which raises UnboundLocalError",
            "catch NameError (UnboundLocalError's base class) around a del that may find its variable unbound,"
            " or bind the variable again (`x = None`) before deleting it",
            seen=("brython",),
        ),
        Deviation(
            "private-name-read-as-a-global-is-looked-up-unmangled",
            "in a class body (or a function nested in one), a read of a private name `__x` that no block binds as"
            " mangled (`_Class__x`), so a global by the rules, is looked up at run time by its unmangled name:"
            " in the variables of the functions it is in, innermost first (not class bodies), then the module's"
            " globals, then the builtins; NameError names it unmangled. So is a class body's read of a private"
            " name it binds, where the translator compiles a lookup at run time (as class-body-resolves-its-"
            "names-in-the-order-of-the-text has it): in the module's globals, then the builtins, where it is"
            " read before any binding of it or in a nested block; in the class namespace, which holds it only"
            " mangled, so raising UnboundLocalError, where it is read after a binding of it in a nested block."
            " So is a list, set or dict comprehension's read of its own private target in a method that reads the"
            " name outside its comprehensions too, where the comprehension runs inline binding the target (mangled)"
            " only in the method's namespace (comprehension-runs-inline-restoring-targets-bound-before): it finds"
            " a function around's `__x`, not the item",
            'Language Reference 6.2.1 "Identifiers (Names)", private name mangling: "When an identifier that'
            " textually occurs in a class definition begins with two or more underscore characters and does not"
            " end in two or more underscores, it is considered a private name of that class ... transformed"
            ' to a longer form before code is generated for it"; the read then resolves the mangled name (4.2.2)',
            "the translator mangles the name to find it in the symbol table and in the scopes around, but"
            " when it compiles a lookup at run time (`$B.resolve_in_scopes`, `$B.resolve_global`,"
            " `$B.resolve_local`), it passes the name as written",
            "do not read private names that the class does not define: give a module-level or enclosing"
            " variable a name without two leading underscores, or write the mangled name (`_Class__x`)",
            seen=("brython",),
        ),
        Deviation(
            "repetition-of-an-empty-list-or-tuple-skips-the-count-check",
            "`[] * x` and `x * []`, where x is not an integer (a function, None, a class, a dict, a tuple, an"
            " instance without arithmetic ...), give a new empty list instead of raising TypeError; `() * x` and"
            " `x * ()` fail in JavaScript (JavascriptError: Cannot read properties of undefined (reading '$kw')),"
            " whatever x, an integer included (`t *= 2` of an empty tuple t too); only a float (and, on the left,"
            " a str, whose own * refuses the sequence) is refused as it should be",
            'Language Reference 6.7 "Binary arithmetic operations": "the arguments must either both be numbers,'
            " or one argument must be an integer and the other must be a sequence. In the former case ... In the"
            ' latter case, sequence repetition is performed"; any other pair raises TypeError (3.3.8: both'
            " operands' methods return NotImplemented)",
            "the repetition of a list or tuple returns a new empty one as soon as the sequence is empty, before it"
            " converts the other operand to an index (the step that refuses what is not an integer); for a tuple,"
            " the call that makes the new empty tuple passes no arguments where the constructor reads them",
            "do not rely on TypeError from repeating a list by a value that may not be an integer: check the"
            " count's type first (`operator.index(n)`)",
            links=(
                "https://github.com/brython-dev/brython/pull/2804",  # (the fix: the count checked first)
                "https://github.com/brython-dev/brython/pull/2803",  # ([1] * [2] gave NotImplemented)
            ),
            seen=("brython",),
        ),
        Deviation(
            "private-name-in-an-error-message-as-written",
            "the message of a NameError or UnboundLocalError for a private name read or deleted in a class (`__x`"
            " in class C) gives the name as written, `'__x'`, not as mangled, `'_C__x'` (a CPython detail: the"
            " behaviour is the Reference's, only the text differs)",
            'Language Reference 6.2.1 "Identifiers (Names)", private name mangling: a private name "is'
            ' transformed to a longer form before code is generated for it"; the variable is `_C__x`, and'
            " CPython's messages name the variable the code uses (message texts are a CPython detail)",
            "the translator mangles the name to find the variable, but builds the error message from the name"
            " in the source",
            "do not match on the text of a NameError's message: test the exception's type",
            seen=("brython",),
        ),
    )
}
