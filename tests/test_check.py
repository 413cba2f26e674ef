"""A check as it runs: what each differing program means, by the expectations."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conformance.engine.check import CheckRun, failure_text
from conformance.engine.checks import Check
from conformance.engine.expectations import Expectations
from conformance.engine.records import Difference, Failure
from conformance.host.protocol import Fault

PROPERTY = Check.generated("unbound", "language")
CASE = Check.case("unbound/x", "unbound", "language")
VERSION = (3, 12, 1)


def failure(facet: str = "exception", program: str = "a long program", fault: Fault | None = None) -> Failure:
    difference = Difference("language", "p1", facet, "UnboundLocalError", "NameError: name 'a'")
    return Failure(program, (difference,), "the Language Reference", fault)


def expectations(tmp_path: Path, *checks: str) -> Expectations:
    path = tmp_path / "expected.toml"
    path.write_text("".join('[[expected-failure]]\ncheck = "%s"\nreason = "r"\n\n' % check for check in checks))
    return Expectations.load(path)


def test_an_unlisted_difference_fails_the_check_with_its_minimal_program() -> None:
    run = CheckRun(PROPERTY, Expectations(), VERSION)
    found = run.meet(failure(), lambda: failure(program="minimal"))
    assert found is not None and found.program == "minimal"
    assert run.record.failure == found


def test_a_listed_way_is_counted_and_the_check_goes_on(tmp_path: Path) -> None:
    run = CheckRun(PROPERTY, expectations(tmp_path, "generated:*/language#exception:UnboundLocalError->NameError"),
                   VERSION)  # fmt: skip

    def never() -> Failure:
        raise AssertionError("a known difference is not shrunk")

    for program in ("a long program", "short"):
        assert run.meet(failure(program=program), never) is None
    [tally] = run.record.known_differences
    assert (tally.signature, tally.programs, tally.program, tally.reason) == (
        "exception:UnboundLocalError->NameError",
        2,
        "short",
        "r",
    )
    assert run.meet(failure("value"), failure) is not None  # another way still fails


def test_a_program_the_model_cannot_judge_under_the_declared_deviations_is_counted_apart() -> None:
    run = CheckRun(PROPERTY, Expectations(), VERSION)

    def never() -> Failure:
        raise AssertionError("a program not judged is not shrunk")

    open_ = replace(failure(), diagnosed=True, undetermined="under coroutine-is-a-generator, a coroutine iterated")
    assert run.meet(open_, never) is None
    [tally] = run.record.undetermined
    assert (tally.programs, tally.reason) == (1, open_.undetermined)
    assert run.record.to_json()["undetermined"][0]["reason"] == open_.undetermined
    assert run.record.known_differences == [] and run.record.failure is None
    assert run.meet(replace(failure(), diagnosed=True), failure) is not None  # judged, and explained by none


def test_collecting_shrinks_each_new_way_once_and_fails_nothing() -> None:
    run = CheckRun(PROPERTY, Expectations(), VERSION, collecting=True)
    shrunk: list[str] = []

    def minimal(facet: str) -> Failure:
        shrunk.append(facet)
        return failure(facet, program="minimal")

    for _ in range(3):
        assert run.meet(failure(), lambda: minimal("exception")) is None
    assert run.meet(failure("value"), lambda: minimal("value")) is None
    assert shrunk == ["exception", "value"]
    assert [(t.signature, t.programs, t.program) for t in run.record.new_differences] == [
        ("exception:UnboundLocalError->NameError", 3, "minimal"), ("value", 1, "minimal")]  # fmt: skip


def test_a_case_listed_by_the_way_it_differs(tmp_path: Path) -> None:
    listed = expectations(tmp_path, "case:unbound/x#exception:UnboundLocalError->NameError")
    run = CheckRun(CASE, listed, VERSION)
    assert run.meet(failure(), failure) is None  # that way: known
    assert run.meet(failure("value"), failure) is not None  # another way: a failure
    conforming = CheckRun(CASE, listed, VERSION)
    ending = conforming.conformed()  # listed, but it conforms: unexpectedly passing
    assert ending is not None and ending.kind == "fail" and "listed as differing" in ending.text
    assert conforming.record.unexpected_pass


def test_a_property_that_met_no_listed_way_simply_passes(tmp_path: Path) -> None:
    run = CheckRun(PROPERTY, expectations(tmp_path, "generated:unbound/language#value"), VERSION)
    assert run.conformed() is None


def test_a_pattern_naming_a_way_does_not_make_every_case_unexpectedly_passing(tmp_path: Path) -> None:
    run = CheckRun(CASE, expectations(tmp_path, "case:*#value"), VERSION)
    assert run.conformed() is None


def test_a_case_listed_as_intermittent_may_conform(tmp_path: Path) -> None:
    path = tmp_path / "expected.toml"
    entry = '[[expected-failure]]\ncheck = "case:unbound/x#run:crash-SIGSEGV"\nreason = "r"\n'
    path.write_text(entry + "intermittent = true\n")
    assert CheckRun(CASE, Expectations.load(path), VERSION).conformed() is None
    path.write_text(entry)  # the same entry, not intermittent: an unexpected pass
    ending = CheckRun(CASE, Expectations.load(path), VERSION).conformed()
    assert ending is not None and ending.kind == "fail" and "but conforms" in ending.text


def test_unsupported_is_a_skip_with_the_capabilities() -> None:
    run = CheckRun(PROPERTY, Expectations(), VERSION)
    ending = run.unsupported(["closure_attr", "code_attr"])
    assert (ending.kind, ending.text) == ("skip", "unsupported: the target lacks closure_attr, code_attr")
    assert run.record.unsupported == ["closure_attr", "code_attr"]


def test_a_failure_reads_as_differences_evidence_program_and_commands() -> None:
    crashed = Failure("del a\n", (Difference("language", "program", "run", "a result", "crash: killed"),),
                      "the Language Reference", Fault("crash", "killed", {"stderr": "one\ntwo\n"}), "out",
                      repro="python repro.py", replay="python -m pytest x")  # fmt: skip
    text = failure_text("title", crashed, "minimal program")
    assert text.splitlines()[:2] == ["title:", "  program run [language]: expected a result, observed crash: killed"]
    for line in ("  crash: killed", "  the program printed: 'out'", "  minimal program:", "    del a",
                 "  reproduce: python repro.py", "  replay: python -m pytest x"):  # fmt: skip
        assert line in text.splitlines()
