"""Every hand-written case under conformance/cases/ (or --cases DIR), run against the target.

One test per case file, marked with the case's area and level; the engine runs it
(conformance/engine/session.py) and judges it with the comparator every check shares.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.engine.casefile import CASES_DIR, Case, CaseError, discover, load
from conformance.engine.catalog import AREAS_BY_SLUG, marker
from conformance.engine.check import CheckRun
from conformance.engine.session import Session
from conformance.plugin.outcomes import check_marker, conclude


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
        marks = [getattr(pytest.mark, AREAS_BY_SLUG[case.area].marker), getattr(pytest.mark, marker(case.level)),
                 check_marker(case.check)]  # fmt: skip
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


def test_case(case: Case | CaseError, engine: Session, check_run: CheckRun, replay: str,
              pytestconfig: pytest.Config) -> None:  # fmt: skip
    if isinstance(case, CaseError):
        pytest.fail("malformed case file: %s" % case, pytrace=False)
    conclude(engine.run_case(case, check_run, _shown(case.path, pytestconfig.rootpath), replay))


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)
