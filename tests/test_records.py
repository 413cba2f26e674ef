"""The engine's records and their JSON forms: what a worker sends is what the controller reads."""

from __future__ import annotations

import json

from conformance.engine.checks import Check
from conformance.engine.records import CheckRecord, Difference, Failure, Tally
from conformance.host.protocol import Fault

FAILURE = Failure(
    program="probe('x', 2)\n",
    differences=(Difference("language", "x", "value", "returns 1", "returns 2"),
                 Difference("cpython-detail", "x", "exception message", "'a'", "'b'")),
    against="the case's expectations",
    fault=Fault("crash", "was killed by SIGSEGV", {"signal": "SIGSEGV", "stderr": "boom"}),
    output="hello\n",
    repro="python -m pytest x",
    replay="python -m pytest x",
)  # fmt: skip


def test_a_failure_says_its_signature_headline_and_text() -> None:
    document = FAILURE.to_json()
    assert document["signature"] == "value"
    assert document["headline"] == "x value: expected returns 1, observed returns 2"
    assert document["expected"] == "x value: returns 1\nx exception message: 'a'"
    assert document["observed"] == "x value: returns 2\nx exception message: 'b'"
    assert document["fault"] == {"outcome": "crash", "detail": "was killed by SIGSEGV",
                                 "evidence": {"signal": "SIGSEGV", "stderr": "boom"}}  # fmt: skip
    assert "repro_script" not in document  # empty fields are left out


def test_a_check_record_survives_its_trip_through_json() -> None:
    record = CheckRecord(
        Check.generated("unbound", "language"), outcome="failed", duration_s=1.25, programs=50,
        description="d", spec="s", unsupported=["closure_attr"],
        expectation={"check": "generated:*", "reason": "r", "link": None},
        known_differences=[Tally("value", 3, "p", "h", {"check": "generated:*#value"}, "known")],
        new_differences=[Tally("cell", 1, "q", "h2")],
        failure=FAILURE,
    )  # fmt: skip
    document = json.loads(json.dumps(record.to_json()))
    again = CheckRecord.from_json(document)
    assert again == record
    assert again.to_json() == document


def test_a_bare_record_is_a_small_entry() -> None:
    entry = CheckRecord(Check.case("capture/x", "capture", "language")).to_json()
    assert entry == {"id": "case:capture/x", "area": "capture", "level": "language", "outcome": "passed",
                     "duration_s": 0.0, "programs": 0}  # fmt: skip


def test_a_tally_keeps_the_shortest_program() -> None:
    tally = Tally("value", 1, "a longer program")
    tally.count("short")
    tally.count("a much longer program again")
    assert (tally.programs, tally.program) == (3, "short")
