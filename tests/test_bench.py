"""The throughput benchmark's stages, on a small scale: each measures what it says."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest

from conformance import bench
from conformance.engine.catalog import AREAS
from conformance.engine.properties import Property
from conformance.engine.session import Session
from conformance.model.evaluate import predict

VERSION = tuple(sys.version_info[:3])


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    session = bench.host_session()
    yield session
    session.close()


@pytest.fixture(scope="module")
def props(session: Session) -> list[Property]:
    return bench.properties(session)


def test_the_corpus_holds_only_programs_the_model_accepts_from_every_area(props: list[Property]) -> None:
    assert {prop.area for prop in props} == {area.slug for area in AREAS if area.generated}
    programs = bench.corpus(props, 60)
    assert len(programs) == 60
    assert len({generated.source for generated in programs}) == 60
    assert {generated.area for generated in programs} == {prop.area for prop in props}
    for generated in programs:
        predict(generated.module, VERSION)  # raises Unspecified for a program the suite would not run


def test_core_rates_are_measured_on_the_same_programs(props: list[Property]) -> None:
    programs = bench.corpus(props, 40)
    figures = bench.measure_core(programs, props, rounds=1, batch=10)
    for key in ("generation", "model", "inprocess", "runner", "subprocess", "engine"):
        assert figures[key + "_programs_per_s"] > 0
    # a process per program costs a start-up each: far slower than a persistent runner
    assert figures["subprocess_programs_per_s"] < figures["runner_programs_per_s"]


def test_end_to_end_counts_the_programs_the_properties_ran() -> None:
    figures = bench.measure_end_to_end(2, select="late-binding-language or global-language")
    run = figures["end_to_end"]
    # passed, or xfailed where a program meets one of the host's known differences (its expectations file)
    assert run["exit_status"] == 0 and sum(run["outcomes"].values()) == 2
    assert set(run["outcomes"]) <= {"passed", "xfailed"}
    assert run["programs"] >= 2800  # two properties, 1,500 programs each less those the model leaves open
    assert figures["end_to_end_programs_per_s"] == pytest.approx(run["programs"] / run["session_s"], rel=0.01)
    # the runners' CPU is counted too: compiling and running a program takes well over 50 us
    assert run["cpu_s"] > run["programs"] * 50e-6
    assert run["cpu_us_per_program"] == pytest.approx(run["cpu_s"] / run["programs"] * 1e6, rel=0.01)


def test_a_warm_corpus_runs_the_same_programs_with_less_host_cpu() -> None:
    figures = bench.measure_corpus(2, select="late-binding-language or global-language")
    cold, warm = figures["corpus_cold"], figures["corpus_warm"]
    assert cold["exit_status"] == warm["exit_status"] == 0
    assert cold["programs"] == warm["programs"] >= 2800  # (derandomized: the same programs both times)
    assert warm["cpu_s"] < cold["cpu_s"]  # the programs and predictions read, not made
    assert figures["corpus_mb"] > 0


def test_a_hanging_target_has_each_hang_reported_against_its_program() -> None:
    hanging = bench.measure_hanging(2, select="late-binding-language or capture-language")["hanging"]
    assert hanging["checks"] == 2 and hanging["status"] == "complete"
    assert hanging["hangs_reported"] == hanging["hangs_with_their_program"]
    assert hanging["hangs_reported"] + hanging["other_failures"] <= 2


def test_the_host_share_is_the_end_to_end_cpu_less_the_target_process() -> None:
    document: dict[str, Any] = {
        "generation_programs_per_s": 2000.0, "model_programs_per_s": 4000.0, "inprocess_programs_per_s": 1000.0,
        "end_to_end": {"cpu_us_per_program": 2500}, "machine": {"cpus": 2}, "target_process_us": 500,
        "corpus_cold": {"cpu_us_per_program": 3000}, "corpus_warm": {"cpu_us_per_program": 900},
    }  # fmt: skip
    budget = bench.cpu_budget(document)
    assert budget["host_us_no_corpus"] == 2000 and budget["host_over_target_no_corpus"] == 4.0
    assert budget["host_us_corpus_cold"] == 2500 and budget["host_us_corpus_warm"] == 400
    assert budget["host_over_target_corpus_warm"] == 0.8
    assert "0.80 x the target process's 500 us" in bench.table({**document, "cpu_budget": budget,
                                                                 "targets": {}, "scaling": {},
                                                                 "machine": {**document["machine"],
                                                                             "load_average_before": None,
                                                                             "load_average_after": None}})  # fmt: skip


def test_the_target_process_cpu_is_measured_from_its_runner(props: list[Property]) -> None:
    programs = bench.corpus(props, 100)
    assert 20 < bench.target_cpu_us(programs, 50) < 100_000  # compiling and running a program: tens of us at least


def test_the_cpu_budget_splits_an_end_to_end_program_and_bounds_the_rate() -> None:
    document = {
        "generation_programs_per_s": 2000.0, "model_programs_per_s": 4000.0, "inprocess_programs_per_s": 1000.0,
        "end_to_end": {"cpu_us_per_program": 2500}, "machine": {"cpus": 2},
    }  # fmt: skip
    budget = bench.cpu_budget(document)
    assert budget == {"generation_us": 500, "model_us": 250, "target_us": 1000, "other_us": 750,
                      "total_us": 2500, "cores": 2, "ceiling_programs_per_s": 800.0}  # fmt: skip


def test_memory_is_sampled_through_one_runner(props: list[Property]) -> None:
    programs = bench.corpus(props, 20)
    memory = bench.measure_memory(programs, total=200, batch=10)
    assert memory["programs"] == 200 and memory["runner_restarts"] == 0
    assert memory["samples"][-1]["programs"] == 200
    assert all(sample["runner_rss_mb"] and sample["host_rss_mb"] for sample in memory["samples"])


def test_the_table_shows_every_rate_and_target() -> None:
    document = {
        "generation_programs_per_s": 1.0, "model_programs_per_s": 2.0, "inprocess_programs_per_s": 3.0,
        "runner_programs_per_s": 4.0, "subprocess_programs_per_s": 5.0, "end_to_end_programs_per_s": 6.0,
        "targets": {"end_to_end_programs_per_s": {"target": 1000.0, "measured": 6.0, "met": False}},
        "scaling": {}, "machine": {"load_average_before": [0.1], "load_average_after": [0.2], "cpus": 2},
    }  # fmt: skip
    text = bench.table(document)
    for stage in ("generation", "model", "inprocess", "runner", "subprocess", "end to end"):
        assert stage in text
    assert "NOT MET" in text


def test_compilers_are_measured_by_batch_size_cold_and_warm(props: list[Property]) -> None:
    programs = bench.corpus(props, 4)
    rows = bench.measure_compilers(programs, ["cython"], sizes=(1, 4), sample=4)
    missing = [row["missing"] for row in rows if "missing" in row]
    if missing:
        pytest.fail("; ".join(missing) + " (`nox -s tests` installs the compilers extra)")
    assert [(row["compiler"], row["batch"], row["programs"]) for row in rows] == [("cython", 1, 4), ("cython", 4, 4)]
    for row in rows:
        assert row["faults"] == 0
        # the warm pass finds every program built: far faster than compiling them
        assert row["warm_programs_per_s"] > 5 * row["cold_programs_per_s"] > 0
