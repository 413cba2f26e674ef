"""Every scoping-related rule that changed between Python versions, in one table.

The model predicts a program for one language version (the target's): where the
Language Reference or a PEP says "changed in version 3.x", it asks `Rules.has(name)`
instead of comparing version numbers itself. Every rule not in this table is the same
in every version the suite runs (3.0 onwards). README.md shows the same table
("Rules that depend on the version"); tests/test_model.py keeps the two equal.

Hand-written cases state their own version conditions (`min_version`, `expect[>=3.12]:`);
each of those versions is one of the versions here (tests/test_cases_files.py).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RULES", "Rule", "Rules"]


@dataclass(frozen=True)
class Rule:
    name: str
    since: tuple[int, int]  # the first language version that follows it
    now: str  # what the rule says from `since` on
    before: str  # what earlier versions do
    source: str  # the section or PEP that says so

    @property
    def version(self) -> str:
        return "%d.%d" % self.since


RULES = (
    Rule(
        "del-of-a-free-variable",
        (3, 2),
        "`del x` is allowed for a name a nested block uses (it empties the cell)",
        "SyntaxError: can not delete variable referenced in nested scope",
        'Language Reference 7.5 "The del statement" (changed in 3.2)',
    ),
    Rule(
        "yield-from",
        (3, 3),
        "`yield from` delegates send() to a subiterator and takes its return value",
        "no `yield from` (SyntaxError)",
        "PEP 380; Language Reference 6.2.9",
    ),
    Rule(
        "getclosurevars",
        (3, 3),
        "inspect.getclosurevars splits a function's names into nonlocals, globals, builtins and unbound",
        "no inspect.getclosurevars",
        "Library inspect (new in 3.3)",
    ),
    Rule(
        "class-free-variable-from-namespace",
        (3, 4),
        "a class body's free variable is looked up in the class namespace first, then in the enclosing cell",
        "the enclosing cell only",
        'Language Reference 4.2.2 "Resolution of names"; bpo-17853',
    ),
    Rule(
        "coroutines",
        (3, 5),
        "`async def` and `await`: a coroutine's body runs when it is sent values",
        "no `async def` (SyntaxError)",
        "PEP 492; Language Reference 8.9",
    ),
    Rule(
        "global-after-use",
        (3, 6),
        "a name used or assigned before its `global` statement is a SyntaxError",
        "a SyntaxWarning",
        'Language Reference 7.12 "The global statement"',
    ),
    Rule(
        "annotated-declared-names",
        (3, 6),
        "annotating a name declared global or nonlocal in the same scope is a SyntaxError",
        "no variable annotations",
        "PEP 526; Language Reference 7.2.2",
    ),
    Rule(
        "async-generators",
        (3, 6),
        "`yield` in an `async def` makes an asynchronous generator",
        "SyntaxError",
        "PEP 525; Language Reference 6.2.9.3",
    ),
    Rule(
        "init-subclass",
        (3, 6),
        "class keyword arguments go to the nearest base's `__init_subclass__`, an implicit classmethod",
        "type() refuses keyword arguments: TypeError",
        "Data model 3.3.3.1; PEP 487",
    ),
    Rule(
        "classcell",
        (3, 6),
        "the `__class__` cell reaches the metaclass as `__classcell__`",
        "no `__classcell__` in the class namespace",
        'Data model 3.3.3.6 "Creating the class object"',
    ),
    Rule(
        "generator-stop",
        (3, 7),
        "a StopIteration leaving a generator's body becomes RuntimeError",
        "it ends the generator, as a return would",
        "PEP 479",
    ),
    Rule(
        "many-arguments",
        (3, 7),
        "a function may take, and a call may pass, more than 255 arguments",
        "SyntaxError: more than 255 arguments",
        "What's New in Python 3.7 (bpo-12844, bpo-18896); Language Reference 8.7",
    ),
    Rule(
        "cell-contents-writable",
        (3, 7),
        "`cell.cell_contents` can be assigned",
        "a read-only attribute",
        'Data model 3.2 "The standard type hierarchy": cell objects',
    ),
    Rule(
        "dict-insertion-order",
        (3, 7),
        "a dict keeps its keys in insertion order (iteration, and so what a program sees of it)",
        "the order of a dict's keys is not specified (CPython 3.6 keeps insertion order as a detail)",
        'Library "Built-in Types": Mapping types, dict (changed in 3.7); What\'s New in Python 3.7',
    ),
    Rule(
        "assignment-expressions",
        (3, 8),
        "`:=` binds in the nearest enclosing function (through comprehensions)",
        "no `:=` (SyntaxError)",
        "PEP 572; Language Reference 6.12",
    ),
    Rule(
        "classcell-required",
        (3, 8),
        "a metaclass that does not pass `__classcell__` on to type.__new__ gets RuntimeError",
        "a DeprecationWarning, and the class statement fills the cell itself",
        'Data model 3.3.3.6 "Creating the class object"',
    ),
    Rule("dict-union", (3, 9), "`dict | dict` and `|=` merge", "TypeError: unsupported operand", "PEP 584"),
    Rule(
        "type-union",
        (3, 10),
        "`X | Y` of classes (or of a class and None) makes a types.UnionType",
        "TypeError: unsupported operand",
        'PEP 604; Library "Built-in Types": Union Type',
    ),
    Rule(
        "staticmethod-callable",
        (3, 10),
        "a staticmethod object is callable where it is stored",
        "TypeError: 'staticmethod' object is not callable",
        'Library "Built-in Functions": staticmethod (changed in 3.10, bpo-43682)',
    ),
    Rule(
        "match",
        (3, 10),
        "`match` capture patterns bind names in the enclosing scope",
        "no `match` statement (SyntaxError)",
        "PEP 634; Language Reference 8.6",
    ),
    Rule(
        "with-type-error",
        (3, 11),
        "`with` on an object without `__enter__`/`__exit__` raises TypeError",
        "AttributeError",
        'Language Reference 8.5 "The with statement"; What\'s New in 3.11 (bpo-12022)',
    ),
    Rule(
        "name-error-messages",
        (3, 11),
        "\"cannot access local variable 'x' where it is not associated with a value\" (and the free-variable form)",
        "\"local variable 'x' referenced before assignment\"",
        "CPython's messages (a CPython detail, checked at that level only)",
    ),
    Rule(
        "exec-closure",
        (3, 11),
        "exec() of a code object with free variables takes their cells as `closure=`",
        "no `closure` argument: such a code object cannot be run by exec()",
        'Library "Built-in Functions": exec (changed in 3.11)',
    ),
    Rule(
        "inlined-comprehensions",
        (3, 12),
        "list, set and dict comprehensions run in the frame of the function that contains them:"
        " zero-argument super() in one finds the method's self, and locals() in one lists the function's"
        " variables",
        "a comprehension is a nested function whose first argument is its iterator",
        "PEP 709 (the scoping of names is unchanged)",
    ),
    Rule(
        "type-parameters",
        (3, 12),
        "`def f[T]()`, `class C[T]` and `type X = ...` have annotation scopes, evaluated lazily",
        "no type parameter syntax (SyntaxError)",
        'PEP 695; Language Reference 4.2.2, 4.2.4 "Annotation scopes"',
    ),
    Rule(
        "locals-snapshot",
        (3, 13),
        "locals() in a function returns a fresh snapshot each call; frame.f_locals is a write-through proxy",
        "locals() returns the same dict, updated on each call",
        'PEP 667; Library "Built-in Functions": locals (changed in 3.13)',
    ),
    Rule(
        "type-parameter-defaults",
        (3, 13),
        "a type parameter may have a default, evaluated lazily in its annotation scope",
        "no defaults (SyntaxError)",
        "PEP 696",
    ),
    Rule(
        "nested-scopes-in-class-annotation-scopes",
        (3, 13),
        "lambdas and comprehensions may appear in an annotation scope within a class body (they do not see"
        " the class's names)",
        "SyntaxError: Cannot use lambda in annotation scope within class scope (3.12)",
        'What\'s New in Python 3.13 (gh-109118); Language Reference 4.2.4 "Annotation scopes"',
    ),
    Rule(
        "deferred-annotations",
        (3, 14),
        "annotations are evaluated when read, through `__annotate__`, closing over the names they use",
        "annotations are evaluated when the definition runs",
        "PEP 649, PEP 749; Language Reference 4.2.4",
    ),
)

_BY_NAME = {rule.name: rule for rule in RULES}


class Rules:
    """The rules one language version follows; `asked` records each rule asked about and the answer, so a
    prediction says which rules it depended on (a prediction that asked the same answers of another version's
    rules is that version's prediction too: conformance/engine/corpus.py)."""

    def __init__(self, version: tuple[int, ...]) -> None:
        self.version = (version[0], version[1])
        self.asked: dict[str, bool] = {}

    def has(self, name: str) -> bool:
        answer = self.version >= _BY_NAME[name].since
        self.asked[name] = answer
        return answer

    def answers(self, asked: dict[str, bool]) -> bool:
        """Whether this version answers each of these rules as given."""
        return all((self.version >= _BY_NAME[name].since) == answer for name, answer in asked.items())


def markdown_table() -> str:
    """The table as README.md shows it."""
    lines = ["| rule | from | from then on | before | source |", "|---|---|---|---|---|"]
    for rule in RULES:
        lines.append("| %s | %s | %s | %s | %s |" % (rule.name, rule.version, rule.now, rule.before, rule.source))
    return "\n".join(lines)
