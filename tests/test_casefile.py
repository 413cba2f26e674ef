"""The case-file format: loading, validation, and what a case expects, judged by the one comparator."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.engine.casefile import Case, CaseError, discover, load
from conformance.engine.compare import compare
from conformance.engine.records import Difference
from conformance.host.protocol import Fault, Hello, ProgramResult

HEADER = """\
# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2
# description: a test case
"""


def write_case(root: Path, text: str, area: str = "late-binding", name: str = "case.py") -> Path:
    path = root / area / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def load_text(tmp_path: Path, text: str, area: str = "late-binding"):
    return load(write_case(tmp_path, text, area), tmp_path)


def hello(version: tuple[int, int, int] = (3, 12, 0), **capabilities: bool) -> Hello:
    caps = {"closure_attr": True, "code_attr": True, "cellvars": True, "cell_contents": True, "nonlocal": True}
    caps.update(capabilities)
    return Hello("cpython", version, "%d.%d" % version[:2], caps, {})


def result(observations: dict | None = None, **fields) -> ProgramResult:
    return ProgramResult(id="p", observations=observations or {}, **fields)


def judged(case: Case, observed: ProgramResult, version: tuple[int, ...] = (3, 12)) -> list[Difference]:
    return compare(case.expected(version), observed)


def test_every_shipped_case_loads() -> None:
    paths = discover()
    assert paths, "no case files found"
    for path in paths:
        load(path)


def test_a_case_reads_its_header(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER + "# requires: cell_type\n# expect: x == [1, (2,)]\nprobe('x', [1, (2,)])\n")
    assert case.name == "late-binding/case"
    assert case.check.id == "case:late-binding/case"
    assert case.area == "late-binding" and case.level == "language"
    assert case.min_version == (3, 0)
    assert case.requires == {"cell_type"}
    assert case.time_limit is None
    [expectation] = case.expectations
    assert (expectation.label, expectation.expected) == ("x", [1, (2,)])


def test_a_case_that_does_heavy_work_gives_its_time_limit(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER + "# time_limit: 2.5\n# expect: x == 1\nprobe('x', 1)\n")
    assert case.time_limit == 2.5


@pytest.mark.parametrize(
    ("header_change", "message"),
    [
        (("# level: language\n", "# level: sometimes\n"), "unknown level 'sometimes'"),
        (("# area: late-binding\n", "# area: nowhere\n"), "unknown area 'nowhere'"),
        (("# spec: Language Reference 4.2.2\n", ""), "header lacks 'spec'"),
        (("# min_version: 3.0\n", "# min_version: three\n"), "min_version 'three' is not MAJOR.MINOR"),
        (("# min_version: 3.0\n", "# min_version: 3.0\n# time_limit: soon\n"), "time_limit 'soon' is not a posi"),
        (("# min_version: 3.0\n", "# min_version: 3.0\n# time_limit: 0\n"), "time_limit '0' is not a positive"),
        (
            ("# description: a test case\n", "# description: a test case\n# colour: blue\n"),
            "unknown header key 'colour'",
        ),
    ],
)
def test_a_malformed_header_names_the_file_and_the_problem(tmp_path: Path, header_change, message: str) -> None:
    text = HEADER.replace(*header_change) + "# expect: x == 1\n"
    with pytest.raises(CaseError, match=message) as error:
        load_text(tmp_path, text)
    assert "case.py" in str(error.value)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("# expect: x = 1", "neither"),
        ("# expect: x == [1,", "not a Python literal"),
        ("# expect: x.colour == 1", "not a probe path"),
        ("# expect[3.11]: x == 1", "not like `>=3.11`"),
    ],
)
def test_a_malformed_expectation_names_the_line(tmp_path: Path, line: str, message: str) -> None:
    with pytest.raises(CaseError, match="case.py:6: .*" + message):
        load_text(tmp_path, HEADER + line + "\n")


def test_a_case_must_expect_something(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="no expectations"):
        load_text(tmp_path, HEADER + "pass\n")


def test_a_case_must_live_in_its_areas_folder(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="does not match its folder 'capture'"):
        load_text(tmp_path, HEADER + "# expect: x == 1\n", area="capture")


def test_requirements_follow_from_the_program_and_the_expectations(tmp_path: Path) -> None:
    text = HEADER + "# expect: f.closure == 1\n# expect: g.cellvars == {'x'}\ndef f():\n    nonlocal x\n(y := 1)\n"
    case = load_text(tmp_path, text)
    assert {"nonlocal", "walrus", "closure_attr", "cellvars"} <= case.requires


def test_skip_reasons_name_the_version_and_missing_capabilities_are_listed(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER.replace("3.0", "3.8") + "# requires: cell_type\n# expect: x == 1\n")
    assert case.skip_reason(hello((3, 7, 1))) == "needs Python 3.8, target speaks 3.7"
    assert case.skip_reason(hello((3, 9, 0), cell_type=False)) is None
    assert case.missing_capabilities(hello((3, 9, 0), cell_type=False)) == ["cell_type"]
    assert case.missing_capabilities(hello((3, 9, 0), cell_type=True)) == []


@pytest.mark.parametrize(
    ("program", "needs"),
    [
        ("def f():\n    x = 1\n    def g():\n        nonlocal x\n", {"nonlocal"}),
        ("print((y := 1))\n", {"walrus"}),
        ("def f(a, /, b, *, c):\n    pass\n", {"posonly", "kwonly"}),
        ("a, *b = [1, 2]\nfor c, *d in [[1]]:\n    pass\n", {"starred_assignment"}),
        ("print(*[1], *[2])\nx = [*a, *b]\ny = {**c, **d}\n", {"extended_unpacking", "starred_call"}),
        ("print(*[1], 2)\n", {"extended_unpacking", "starred_call"}),
        ("f(*a, k=1)\nf(**b)\n", {"starred_call", "keyword_call"}),
        ("match x:\n    case [a, *rest]:\n        pass\n", {"match"}),
        ("async def f():\n    await g()\n", {"async"}),
        ("async def f():\n    yield 1\n", {"async", "async_generator"}),
        ("async def f():\n    def g():\n        yield 1\n", {"async"}),
        ("async def f(y):\n    return [x async for x in y]\n", {"async", "async_comprehension"}),
        ("async def f(y):\n    return [await x for x in y]\n", {"async", "async_comprehension"}),
        ("def f():\n    yield from g()\n", {"yield_from"}),
        ("class C(B, metaclass=M):\n    pass\n", {"class_keywords"}),
        ("@a.b(c)\ndef f():\n    pass\n", set()),
        ("@a[0]\ndef f():\n    pass\n@(lambda f: f)\nclass C:\n    pass\n", {"decorator_expressions"}),
        ("print(f'{x}')\n", {"fstring"}),
        ("x = {k: v for k, v in []}\ny = {1, 2}\nz = 1 if x else 2\n",
         {"dict_comprehension", "set_literal", "conditional_expression"}),
        ("try:\n    pass\nfinally:\n    pass\nwith a as b:\n    pass\n", {"try_finally", "with_as"}),
        ("print(1 < 2 < 3)\n", {"chained_comparison"}),
        # newer than the host's grammar: found by tokens, and the rest still read by the host's ast
        ("type X = int\n", {"type_alias"}),
        ("def f[T](a):\n    return (y := a)\n", {"type_params", "walrus"}),
        ("class C[\n    T,\n](B, k=1):\n    x = f'{1}'\n", {"type_params", "class_keywords", "fstring"}),
        ("type = 1\nprint(type)\n", set()),
        ("# says nonlocal, := and async def, in words only\nx = 'nonlocal'\n", set()),
    ],
)  # fmt: skip
def test_the_syntax_a_program_needs_is_read_from_its_text(tmp_path: Path, program: str, needs: set[str]) -> None:
    case = load_text(tmp_path, HEADER + "# expect: x == 1\n" + program)
    assert case.syntax == needs


def test_a_case_skips_a_target_that_cannot_parse_its_program_naming_the_construct(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER + "# expect: x == 1\nmatch 1:\n    case x:\n        probe('x', x)\n")
    assert case.skip_reason(hello((3, 12, 0), match=False)) == "the target cannot parse match"
    assert case.missing_capabilities(hello((3, 12, 0), match=False)) == []
    assert case.skip_reason(hello((3, 4, 0), match=True)) is None  # the version it reports does not matter


def test_syntax_an_older_handshake_does_not_mention_is_assumed_only_when_every_python_3_parses_it(
    tmp_path: Path,
) -> None:
    old = hello((3, 12, 0))  # no key for dict comprehensions, f-strings or :=
    comprehension = load_text(tmp_path, HEADER + "# expect: x == {1: 1}\nprobe('x', {k: k for k in [1]})\n")
    assert comprehension.skip_reason(old) is None
    newer = load_text(tmp_path, HEADER + "# expect: x == '1'\nprobe('x', f'{(y := 1)}')\n")
    assert newer.skip_reason(old) == "the target cannot parse f-strings, :="


def test_what_a_program_observes_implies_the_capabilities_it_needs(tmp_path: Path) -> None:
    source = "# expect: x == 1\ndef f(): pass\nprobe('x', len(f.__code__.co_freevars) + 1)\n"
    case = load_text(tmp_path, HEADER + source)
    assert "code_attr" in case.requires


def test_values_compare_strictly(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER + "# expect: x == [1, (2,)]\n")
    assert judged(case, result({"x": {"value": [1, {"tuple": [2]}]}})) == []
    [difference] = judged(case, result({"x": {"value": [True, {"tuple": [2]}]}}))
    assert (difference.level, difference.facet) == ("language", "value")
    assert (difference.expected, difference.observed) == ("returns [1, (2,)]", "returns [True, (2,)]")
    [difference] = judged(case, result({"x": {"value": [1, [2]]}}))
    assert difference.observed == "returns [1, [2]]"


def test_an_exception_must_be_exactly_the_class(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER + "# expect: f raises NameError\n")
    name_error = {"type": "NameError", "module": "builtins", "mro": ["NameError", "Exception"], "message": "m"}
    unbound = {
        "type": "UnboundLocalError",
        "module": "builtins",
        "mro": ["UnboundLocalError", "NameError", "Exception"],
        "message": "m",
    }
    assert judged(case, result({"f": {"raises": name_error}})) == []
    [difference] = judged(case, result({"f": {"raises": unbound}}))
    assert (difference.facet, difference.expected) == ("exception", "NameError")
    assert difference.observed == "UnboundLocalError (a subclass of NameError): m"
    [difference] = judged(case, result({"f": {"value": 3}}))
    assert (difference.facet, difference.observed) == ("outcome", "returns 3")


def test_a_missing_probe_differs_and_an_unexpected_one_does_not(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER + "# expect: x == 1\n")
    [difference] = judged(case, result({}))
    assert (difference.probe, difference.facet, difference.observed) == ("x", "probe", "never reached")
    assert judged(case, result({"x": {"value": 1}, "y": {"value": 2}})) == []


def test_closure_facts(tmp_path: Path) -> None:
    text = HEADER + (
        "# expect: f.closure == 2\n# expect: f.freevars == {'b', 'a'}\n"
        "# expect: f.cells.a == EMPTY\n# expect: f.cells.b == 3\n# expect: f.cell_ids.b == 0\n"
    )
    case = load_text(tmp_path, text)
    observed = {
        "closure": 2,
        "freevars": ["a", "b"],
        "cells": {"a": {"id": 1, "empty": True}, "b": {"id": 0, "value": 3}},
    }
    assert judged(case, result({"f": observed})) == []
    observed["cells"] = {"a": {"id": 1, "value": None}, "b": {"id": 1, "value": 3}}
    differences = judged(case, result({"f": observed}))
    assert [(d.facet, d.expected, d.observed) for d in differences] == [
        ("cell a", "empty", "None"), ("cell b identity", "cell #0", "cell #1"),
    ]  # fmt: skip


def test_freevars_as_a_tuple_compares_in_order(tmp_path: Path) -> None:
    case = load_text(
        tmp_path, HEADER.replace("level: language", "level: cpython-detail") + "# expect: f.freevars == ('a', 'b')\n"
    )
    assert judged(case, result({"f": {"freevars": ["a", "b"]}})) == []
    [difference] = judged(case, result({"f": {"freevars": ["b", "a"]}}))
    assert (difference.level, difference.facet) == ("cpython-detail", "co_freevars order")


def test_version_conditions_choose_the_expectation(tmp_path: Path) -> None:
    text = HEADER + "# expect[<3.11]: f.message == 'old'\n# expect[>=3.11]: f.message == 'new'\n"
    case = load_text(tmp_path, text)
    observed = {"f": {"raises": {"type": "NameError", "module": "builtins", "message": "new"}}}
    assert judged(case, result(observed), (3, 11)) == []
    [difference] = judged(case, result(observed), (3, 10))
    assert (difference.facet, difference.expected, difference.observed) == ("exception message", "'old'", "'new'")


def test_an_uncaught_exception_fails_a_case_that_does_not_expect_it(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER + "# expect: x == 1\n")
    error = {"type": "TypeError", "module": "builtins", "mro": ["TypeError", "Exception"], "message": "bad"}
    differences = judged(case, result({"x": {"value": 1}}, error=error))
    assert [(d.facet, d.observed) for d in differences] == [("uncaught exception", "TypeError: bad")]


def test_negative_cases_expect_a_compile_error(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER + "# negative: SyntaxError\nnonlocal x\n")
    syntax_error = {"type": "SyntaxError", "module": "builtins", "mro": ["SyntaxError"], "message": "m"}
    assert judged(case, result(compile_error=syntax_error)) == []
    [difference] = judged(case, result({}))
    assert (difference.facet, difference.expected, difference.observed) == ("compile", "SyntaxError", "none")
    mro = ["IndentationError", "SyntaxError", "Exception"]
    indentation = {"type": "IndentationError", "module": "builtins", "mro": mro}
    [difference] = judged(case, result(compile_error=indentation))
    assert difference.observed == "IndentationError (a subclass of SyntaxError)"


def test_program_output_is_observable(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER + "# expect: program.output == 'hi\\n'\n")
    assert judged(case, result(output="hi\n")) == []
    assert len(judged(case, result(output="ho\n"))) == 1


def test_a_fault_fails_the_case_with_its_evidence(tmp_path: Path) -> None:
    case = load_text(tmp_path, HEADER + "# expect: x == 1\n")
    differences = judged(case, result(fault=Fault("crash", "was killed by SIGSEGV")))
    assert {d.observed for d in differences} == {"crash: was killed by SIGSEGV"}
    assert {d.level for d in differences} == {"language", "data-model", "cpython-detail"}


def test_the_messages_of_compile_and_runtime_errors(tmp_path: Path) -> None:
    negative = load_text(tmp_path, HEADER + "# negative: SyntaxError\n# expect: program.message == 'bad'\nnonlocal x\n")
    assert negative.expected((3, 12)).compile_error == {"type": "SyntaxError", "message": "bad"}
    raising = load_text(tmp_path, HEADER + "# expect: program raises SystemExit\n# expect: program.message == '3'\n")
    assert raising.expected((3, 12)).error == {"type": "SystemExit", "message": "3"}


def test_only_the_program_has_an_output(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="only the program as a whole has an output"):
        load_text(tmp_path, HEADER + "# expect: x.output == 'hi'\n")
