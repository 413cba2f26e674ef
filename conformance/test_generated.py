"""Generated programs against the reference model: one property per area and level.

For each CATALOG area that programs can be generated for, Hypothesis draws
programs biased towards that area's constructs (generators/strategies.py), the
reference model predicts every probe from the Language Reference
(conformance/model/), the target runs them, and the observations must agree at
the property's level. A disagreement is shrunk to a minimal program, shown
expected against observed, and written as a standalone reproduction script.

With --reference COMMAND, each program also runs on that interpreter, and the
target must agree with it too, including what the model does not predict.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from conformance.areas import AREAS_BY_SLUG, LEVELS, level_marker
from conformance.compare import Difference, as_result, compare, signature
from conformance.driver import Program
from conformance.model.evaluate import predict
from conformance.model.scopes import Unspecified
from conformance.plugin import CheckRecord, Target, check_marker, repro_command
from conformance.repro import write_repro
from generators import ir
from generators.emit import emit
from generators.features import Features
from generators.strategies import EMPHASIS, invalid_programs, programs

SYNTAX_ERRORS = "syntax-errors"


def _params() -> list[Any]:
    params = []
    for area in [*EMPHASIS, SYNTAX_ERRORS]:
        levels = ["language"] if area == SYNTAX_ERRORS else LEVELS
        for level in levels:
            marks = [
                getattr(pytest.mark, AREAS_BY_SLUG[area].marker),
                getattr(pytest.mark, level_marker(level)),
                check_marker("generated:%s/%s" % (area, level), area, level),
            ]
            params.append(pytest.param(area, level, marks=marks, id="%s-%s" % (area, level)))
    return params


serial = itertools.count()


@pytest.mark.parametrize(("area", "level"), _params())
@given(data=st.data())
def test_generated(
    area: str,
    level: str,
    target: Target,
    reference: Target | None,
    check_record: CheckRecord,
    request: pytest.FixtureRequest,
    data: st.DataObject,
) -> None:
    """One example: a program drawn for the target, predicted, run, and compared."""
    hello = target.hello
    features = Features.from_handshake(hello.language, hello.capabilities)
    if area == SYNTAX_ERRORS:
        strategy: st.SearchStrategy[ir.Module] = invalid_programs(features)
    else:
        strategy = programs(features, area)
    description = "generated %s programs agree with the Language Reference at the %s level" % (area, level)
    excluded = features.excluded()
    if excluded:
        description += " (programs without %s, which the target cannot parse)" % ", ".join(excluded)
    check_record.describe(description=description, spec="the reference model (conformance/model/)")
    if level != "language":
        missing = [cap for cap in ("closure_attr", "code_attr") if not hello.capabilities.get(cap, False)]
        if missing:
            check_record.unsupported(missing)  # its probes observe __closure__ and code objects
    module = data.draw(strategy, label="program")
    try:
        expected = predict(module, hello.version)
    except Unspecified:
        reject()  # the Reference leaves this program's outcome open
    source = emit(module, features)
    observed = target.runner.run_one(Program("%s-%d" % (area, next(serial)), source))
    check_record.count_programs(1)
    against = "the Language Reference"
    differences = compare(expected, observed, [level])
    if not differences and reference is not None:
        expected = as_result(reference.runner.run_one(Program("reference", source)))
        differences = compare(expected, observed, [level])
        against = "the reference interpreter %s" % reference.describe()
    if differences:
        way = signature(differences)
        if check_record.known(way, hello.version, source) or check_record.collect(way, _headline(differences), source):
            return  # a listed difference (or one being collected for the list): go on generating
        # Hypothesis runs the minimal example last, so what this writes last is about it.
        failure = {"source": source, "expected": expected, "differences": differences, "against": against}
        _report(area, level, target, check_record, request, failure)


def _report(area: str, level: str, target: Target, record: CheckRecord, request: pytest.FixtureRequest,
            failure: dict[str, Any]) -> None:  # fmt: skip
    """Fail with the program, and write its reproduction (overwritten while Hypothesis shrinks)."""
    differences: list[Difference] = failure["differences"]
    check = "generated:%s/%s" % (area, level)
    title = "%s: %s on %s differs from %s" % (check, level, target.hello.label, failure["against"])
    script = write_repro(check, target.hello.label, failure["source"], _plain(failure["expected"]), title)
    repro = "%s %s" % (target.command, script)
    record.fail(
        program=failure["source"],
        expected="\n".join("%s %s: %s" % (d.probe, d.facet, d.expected) for d in differences),
        observed="\n".join("%s %s: %s" % (d.probe, d.facet, d.observed) for d in differences),
        repro=repro,
        repro_script=str(script),
        replay=repro_command(request.config, request.node.nodeid, target),
        differences=[d.__dict__ for d in differences],
        signature=signature(differences),
        headline=_headline(differences),
    )
    lines = ["%s:" % title]
    lines += ["  %s" % difference.describe() for difference in differences]
    lines.append("  minimal program:")
    lines += ["    " + line for line in failure["source"].splitlines()]
    lines.append("  reproduce (no suite needed): %s" % repro)
    lines.append("  replay: %s" % repro_command(request.config, request.node.nodeid, target))
    pytest.fail("\n".join(lines), pytrace=False)


def _headline(differences: list[Difference]) -> str:
    first = differences[0]
    return "%s %s: expected %s, observed %s" % (first.probe, first.facet, first.expected, first.observed)


def _plain(result: Any) -> dict[str, Any]:
    """A result in the runner's own format (observations as a list), for the script."""
    document = dict(as_result(result))
    document["observations"] = [[label, obs] for label, obs in document.get("observations", {}).items()]
    return document
