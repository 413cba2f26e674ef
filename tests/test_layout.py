"""Where each module may reach: data flows one way, and each layer imports only what is below it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import ROOT

PACKAGES = ("conformance", "generators", "reports")


def imports(path: Path) -> set[str]:
    """The modules a file imports (absolute names)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update("%s.%s" % (node.module, alias.name) for alias in node.names)
    return names


def modules(folder: str) -> list[Path]:
    return [path for path in sorted((ROOT / folder).rglob("*.py")) if "cases" not in path.parts
            and "node_modules" not in path.parts]  # fmt: skip


def reaching(folder: str, prefixes: tuple[str, ...]) -> list[str]:
    """Each `file: module` of the folder that imports a module under one of the prefixes."""
    return ["%s: %s" % (path.relative_to(ROOT), name) for path in modules(folder) for name in sorted(imports(path))
            if name.startswith(prefixes)]  # fmt: skip


def test_nothing_of_the_product_imports_the_tests() -> None:
    for package in PACKAGES:
        assert reaching(package, ("tests",)) == []


def test_the_generators_know_nothing_of_the_suite_or_the_report() -> None:
    assert reaching("generators", ("conformance", "reports")) == []


def test_the_report_reads_results_through_their_format_only() -> None:
    allowed = {"conformance.engine.schema"}
    found = [line for line in reaching("reports", ("conformance",)) if line.split(": ")[1] not in allowed
             and not line.split(": ")[1].startswith("conformance.engine.schema.")]  # fmt: skip
    assert found == []


@pytest.mark.parametrize("folder", ["conformance/engine", "conformance/host", "conformance/model"])
def test_the_engine_host_and_model_know_nothing_of_pytest(folder: str) -> None:
    assert reaching(folder, ("pytest", "_pytest", "hypothesis", "conformance.plugin")) == []


def test_the_host_side_of_the_protocol_is_below_the_engine() -> None:
    assert reaching("conformance/host", ("conformance.engine", "conformance.model", "generators")) == []


def test_the_catalogue_does_not_depend_on_the_generator() -> None:
    allowed = {"__future__", "__future__.annotations", "dataclasses", "dataclasses.dataclass",
               "conformance.engine.schema", "conformance.engine.schema.LEVELS"}  # fmt: skip
    assert imports(ROOT / "conformance" / "engine" / "catalog.py") <= allowed


def test_what_runs_inside_targets_imports_nothing_of_the_suite() -> None:
    assert reaching("conformance/target", PACKAGES) == []
