"""The generated properties end to end: failures, reproductions, --reference, statistics."""

from __future__ import annotations

import json
from pathlib import Path

from conformance.engine.catalog import GENERATED
from tests.support import BUGGY, HOST, by_id, host_expectations, load_results, run_suite


def test_a_failing_property_reports_a_minimal_program_and_a_reproduction(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    completed = run_suite(
        "conformance/test_generated.py", "-k", "global-language", "--hypothesis-profile", "ci",
        "--interpreter", BUGGY + " global-ignored", "--results-json", str(results), paths=(),
    )  # fmt: skip
    assert completed.returncode == 1, completed.stdout[-3000:]
    assert "differs from the Language Reference" in completed.stdout
    assert "minimal program:" in completed.stdout
    entry = by_id(load_results(results))["generated:global/language"]
    assert entry["outcome"] == "failed" and entry["programs"] > 0
    failure = entry["failure"]
    assert "global" not in failure["program"] or "def " in failure["program"]
    assert failure["program"].count("\n") <= 20, failure["program"]  # shrunk: a random program is longer
    script = Path(failure["repro_script"])
    assert script.exists() and str(script) in failure["repro"]
    assert failure["replay"].startswith("python -m pytest ")


def test_a_target_must_also_agree_with_the_reference(tmp_path: Path) -> None:
    completed = run_suite(
        "conformance/test_generated.py", "-k", "late-binding-language", "--hypothesis-profile", "ci",
        "--interpreter", HOST, "--reference", BUGGY + " early-binding",
        "--results-json", str(tmp_path / "results.json"), paths=(),
    )  # fmt: skip
    assert completed.returncode == 1
    assert "differs from the reference interpreter" in completed.stdout


def test_a_reference_that_cannot_start_is_one_error_line(tmp_path: Path) -> None:
    completed = run_suite("--interpreter", HOST, "--reference", "/nonexistent/python", "-k", "nothing")
    assert completed.returncode == 4
    assert (
        completed.stderr.strip() == "ERROR: --reference: cannot start interpreter '/nonexistent/python': no such file"
    )


def test_statistics_name_the_constructs_generated(tmp_path: Path) -> None:
    completed = run_suite(
        "conformance/test_generated.py", "-k", "late-binding-language", "--hypothesis-profile", "ci",
        "--hypothesis-show-statistics", "--interpreter", HOST, "--results-json", str(tmp_path / "r.json"),
        *host_expectations(), paths=(),
    )  # fmt: skip
    assert completed.returncode == 0, completed.stdout[-2000:]
    for construct in ("statement: For", "comprehension: ", "function: depth 2", "driver: "):
        assert construct in completed.stdout, construct


def test_generated_checks_have_stable_ids_per_area_and_level(tmp_path: Path) -> None:
    completed = run_suite("conformance/test_generated.py", "--collect-only", "-q", "--interpreter", HOST, paths=())
    nodes = [line for line in completed.stdout.splitlines() if "test_generated[" in line]
    assert len(nodes) == len(GENERATED) == 43  # 14 areas at 3 levels, and syntax-errors at one
    assert json.dumps(nodes).count("syntax-errors") == 1
