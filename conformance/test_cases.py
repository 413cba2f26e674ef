"""Every hand-written case under conformance/cases/, run against the target.

One test per case file; its markers are the case's area and level. A case
that does not apply to the target (too old, or lacking a capability the case
needs) is skipped with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.areas import AREAS_BY_SLUG, level_marker
from conformance.casefile import CASES_DIR, Case, CaseError, discover, load
from conformance.driver import Program
from conformance.plugin import CheckRecord, Target, check_marker, fault_lines, fault_record, repro_command


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "case" in metafunc.fixturenames:
        option = metafunc.config.getoption("cases")
        metafunc.parametrize("case", _params(Path(option) if option else CASES_DIR))


def _params(root: Path) -> list[object]:
    params: list[object] = []
    for path in discover(root):
        try:
            case = load(path, root)
        except CaseError as error:
            params.append(pytest.param(error, id="%s/%s" % (path.parent.name, path.stem)))
            continue
        marks = [
            getattr(pytest.mark, AREAS_BY_SLUG[case.area].marker),
            getattr(pytest.mark, level_marker(case.level)),
            check_marker("case:" + case.id, case.area, case.level),
        ]
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


def test_case(
    case: Case | CaseError, target: Target, check_record: CheckRecord, request: pytest.FixtureRequest
) -> None:
    if isinstance(case, CaseError):
        pytest.fail("malformed case file: %s" % case, pytrace=False)
    check_record.describe(
        description=case.description,
        spec=case.spec,
        path=_shown_path(case.path, request.config.rootpath),
    )
    reason = case.skip_reason(target.hello)
    if reason:
        pytest.skip(reason)
    missing = case.missing_capabilities(target.hello)
    if missing:
        check_record.unsupported(missing)
    result = target.runner.run_one(Program(case.id, case.source, filename=case.path.name))
    check_record.count_programs(1)
    mismatches = case.check(result, target.hello.version)
    if not mismatches:
        return
    repro = repro_command(request.config, request.node.nodeid, target)
    check_record.fail(
        program=case.source,
        expected="\n".join("%s: %s" % (m.expectation, m.expected) for m in mismatches),
        observed="\n".join("%s: %s" % (m.expectation, m.observed) for m in mismatches),
        repro=repro,
        mismatches=[{"expectation": m.expectation, "expected": m.expected, "observed": m.observed} for m in mismatches],
        **({"fault": fault_record(result.fault)} if result.fault else {}),
    )
    lines = ["case %s on %s: %s" % (case.id, target.describe(), case.description)]
    for mismatch in mismatches:
        lines.append("  %s" % mismatch.expectation)
        lines.append("    expected: %s" % mismatch.expected)
        lines.append("    observed: %s" % mismatch.observed)
    if result.fault:
        lines += fault_lines(result.fault)
    if result.output:
        lines.append("  the program printed: %r" % result.output)
    lines.append("  program: %s" % case.path)
    lines.append("  reproduce: %s" % repro)
    pytest.fail("\n".join(lines), pytrace=False)


def _shown_path(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)
