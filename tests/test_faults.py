"""Fault injection: a fake interpreter (tests/targets/fake_target.py) misbehaves in every way the driver must survive.

Each fault is started through the real driver, in the middle of a batch: the
faulty program gets the fault with its evidence, the programs around it their
own results, and the runner is started again.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

import pytest

from conformance.host.driver import EVIDENCE_CHARS, MAX_LINE, Runner, TargetError
from conformance.host.protocol import Program, ProgramResult
from tests.support import FAKE

FAKE_COMMAND = [sys.executable, "-S", FAKE]  # without site: a fake starts in about 20 ms


def fake(*options: str, batch_timeout: float = 2.0, program_timeout: float | None = None, start_timeout: float = 10.0,
         cpu_limit: int | None = None, memory_limit_mb: int | None = None) -> Runner:  # fmt: skip
    """The fake target, started; no resource limits unless given."""
    runner = Runner([*FAKE_COMMAND, *options], batch_timeout=batch_timeout, program_timeout=program_timeout,
                    start_timeout=start_timeout, cpu_limit=cpu_limit, memory_limit_mb=memory_limit_mb)  # fmt: skip
    runner.start()
    return runner


def around(fault: str) -> list[Program]:
    return [Program("before", "ok 1"), Program("culprit", fault), Program("after", "ok 2")]


def assert_neighbours_intact(results: list[ProgramResult]) -> None:
    assert [result.id for result in results] == ["before", "culprit", "after"]
    assert results[0].fault is None and results[0].observations == {"v": {"value": "1"}}
    assert results[2].fault is None and results[2].observations == {"v": {"value": "2"}}


@pytest.mark.parametrize(
    ("fault", "outcome", "detail", "evidence"),
    [
        ("segfault", "crash", "was killed by SIGSEGV", {"signal": "SIGSEGV"}),
        ("abort", "crash", "was killed by SIGABRT", {"signal": "SIGABRT"}),
        ("exit 3", "crash", "exited with status 3", {"exit_status": 3}),
        ("quiet-exit", "crash", "exited with status 0", {"exit_status": 0}),
        ("hang", "timeout", "made no progress for 1.0 s (its time limit per program)", {}),
        ("block", "timeout", "made no progress for 1.0 s (its time limit per program)", {}),
        ("flood-stdout", "protocol-error", "sent a line longer than %d bytes" % MAX_LINE, {}),
        ("flood-lines", "protocol-error", "printed 'junk' instead of a protocol message", {"line": "junk"}),
        ("raw-bytes", "protocol-error", "instead of a protocol message", {}),
        ("bad-utf8", "protocol-error", "instead of a protocol message", {}),
        ("deep-json", "protocol-error", "instead of a protocol message", {}),
        ("wrong-id", "protocol-error", "sent an unexpected message", {}),
        ("malformed", "protocol-error", "sent a malformed result (observations is not a list)", {}),
        ("done-early", "protocol-error", "ended the batch with 2 programs unanswered", {}),
    ],
)  # fmt: skip
def test_a_fault_is_the_culprits_outcome_with_evidence_and_the_rest_of_the_batch_runs(
    fault: str, outcome: str, detail: str, evidence: dict[str, object]
) -> None:
    with fake() as runner:
        results = runner.run(around(fault))
    assert_neighbours_intact(results)
    culprit = results[1].fault
    assert culprit is not None, results[1]
    assert culprit.outcome == outcome
    assert detail in culprit.detail
    for key, value in evidence.items():
        assert culprit.evidence[key] == value
    assert len(culprit.detail) < 400  # one line, whatever the target printed
    assert all(len(str(value)) <= EVIDENCE_CHARS for value in culprit.evidence.values())
    assert runner.restarts == 1


def test_a_flood_on_stderr_neither_blocks_the_runner_nor_grows_the_evidence() -> None:
    with fake() as runner:
        results = runner.run([Program("flood", "flood-stderr"), Program("then", "ok 2"), Program("crash", "exit 4")])
    assert results[0].observations == {"v": {"value": "after the flood"}}  # 50 MB later, still answering
    assert results[1].observations == {"v": {"value": "2"}}
    crash = results[2].fault
    assert crash is not None and crash.outcome == "crash"
    assert len(crash.evidence["stderr"]) <= EVIDENCE_CHARS
    assert "last words on stderr" in crash.evidence["stderr"]
    assert runner.restarts == 0  # the crash ended the batch: nothing was left to start again for


def test_a_batch_timeout_shorter_than_the_program_deadline_still_bounds_the_batch() -> None:
    with fake(batch_timeout=0.5) as runner:
        started = time.monotonic()
        results = runner.run(around("hang"))
    assert time.monotonic() - started < 5
    assert_neighbours_intact(results)
    timeout = results[1].fault
    assert timeout is not None and timeout.detail == "did not answer within its time limit"


def test_endless_stderr_is_a_timeout_with_bounded_evidence() -> None:
    with fake(batch_timeout=1.0) as runner:
        results = runner.run(around("babble-stderr"))
    assert_neighbours_intact(results)
    timeout = results[1].fault
    assert timeout is not None and timeout.outcome == "timeout"
    assert timeout.evidence["stderr"].endswith("babble\n") and len(timeout.evidence["stderr"]) <= EVIDENCE_CHARS


@pytest.mark.parametrize(
    ("limits", "fault", "evidence", "detail"),
    [
        # the fake's last words: the allocation failed at 300 MB
        ({"memory_limit_mb": 300}, "exhaust-memory", {"exit_status": 1}, "MemoryError"),
        ({"cpu_limit": 1}, "burn-cpu", {"signal": "SIGXCPU"}, "its CPU time limit of 1 s"),
    ],
)
def test_a_resource_limit_stops_a_runaway_program_before_the_batch_timeout(
    limits: dict[str, int], fault: str, evidence: dict[str, object], detail: str
) -> None:
    started = time.monotonic()
    with fake(batch_timeout=60.0, program_timeout=60.0, **limits) as runner:
        results = runner.run(around(fault))
    assert_neighbours_intact(results)
    crash = results[1].fault
    assert crash is not None and crash.outcome == "crash"
    for key, value in evidence.items():
        assert crash.evidence[key] == value
    assert detail in crash.detail
    assert time.monotonic() - started < 30  # not the batch timeout: the limit stopped it


def test_a_runner_that_used_half_its_cpu_allowance_is_replaced_between_batches() -> None:
    runner = Runner([sys.executable], cpu_limit=2, program_timeout=60)
    try:
        runner.start()
        first = runner.pid
        burn = "import time\nend = time.process_time() + 1.2\nwhile time.process_time() < end:\n    pass\nprobe('x', 1)"
        assert runner.run_one(Program("burn", burn)).observations == {"x": {"value": 1}}
        assert runner.renewals == 1 and runner.restarts == 0 and runner.pid != first
        assert runner.run_one(Program("next", "probe('y', 2)")).observations == {"y": {"value": 2}}
    finally:
        runner.close()


def test_a_runner_that_cannot_start_again_gives_its_programs_cannot_start_and_then_gives_up(tmp_path: Path) -> None:
    with fake("--fail-start-after", "1", "--starts", str(tmp_path / "starts")) as runner:
        results = runner.run(around("segfault"))
        assert results[0].observations == {"v": {"value": "1"}}
        assert results[1].fault is not None and results[1].fault.outcome == "crash"
        after = results[2].fault
        assert after is not None and after.outcome == "cannot-start"
        assert "exited with status 1; it printed: fake: broken since start 2" in after.detail
        for _ in range(3):  # each later batch tries again, until it has failed three times in a row
            [result] = runner.run([Program("later", "ok 3")])
            assert result.fault is not None and result.fault.outcome == "cannot-start"
        assert result.fault is not None and "gave up after 3 failed starts" in result.fault.detail
        assert (tmp_path / "starts").read_text() == "4"  # no fifth attempt


@pytest.mark.parametrize(
    ("hello", "message"),
    [
        ("garbage", r"it printed 'Python 3.99 interactive shell' instead of a protocol message"),
        ("malformed", r'it sent a malformed handshake \(version "three" is not a list of integers\)$'),
    ],
)
def test_a_target_that_dies_or_babbles_at_start_up_is_one_clear_error(hello: str, message: str) -> None:
    with pytest.raises(TargetError, match=message):
        fake("--hello", hello)


def test_a_target_that_never_says_hello_times_out_at_start_up() -> None:
    started = time.monotonic()
    with pytest.raises(TargetError, match="did not answer within its time limit"):
        fake("--hello", "none", start_timeout=1.0)
    assert time.monotonic() - started < 10


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to list open file descriptors")
def test_the_target_inherits_no_file_descriptor_beyond_its_pipes(tmp_path: Path) -> None:
    leaked = os.open(tmp_path / "host-file", os.O_CREAT | os.O_WRONLY)
    os.set_inheritable(leaked, True)  # even one the host marked inheritable
    try:
        runner = fake()
        try:
            [result] = runner.run([Program("fds", "fds")])
        finally:
            runner.close()
    finally:
        os.close(leaked)
    # stdin, stdout, stderr, the fake's duplicate of stdout, and the descriptor listing /proc/self/fd
    assert result.observations["v"]["value"] == [0, 1, 2, 3, 4]


def test_a_hung_runner_cannot_block_the_host_on_a_large_batch() -> None:
    """A runner that stops reading its input: the host's write must time out, not block forever."""
    started = time.monotonic()
    with fake(batch_timeout=1.0) as runner:
        big = "ok " + "x" * 200_000  # several pipe buffers' worth after the hang
        results = runner.run([Program("hang", "hang"), *[Program("big%d" % n, big) for n in range(10)]])
    assert results[0].fault is not None and results[0].fault.outcome == "timeout"
    assert all(result.observations == {"v": {"value": big[3:]}} for result in results[1:])
    assert time.monotonic() - started < 20


QUICK_FAULTS = {
    "segfault": "crash", "abort": "crash", "exit 9": "crash", "quiet-exit": "crash",
    "raw-bytes": "protocol-error", "bad-utf8": "protocol-error", "wrong-id": "protocol-error",
    "malformed": "protocol-error", "flood-lines": "protocol-error", "done-early": "protocol-error",
    "hang": "timeout",
}  # fmt: skip


def test_soak_many_batches_with_random_faults_lose_or_duplicate_no_result() -> None:
    """Random faults at random places in many batches: every program gets exactly one answer, in order."""
    chooser = random.Random(20261122)
    runner = fake(batch_timeout=0.5)
    deadline = time.monotonic() + 60  # bounded in time, whatever the machine
    programs = faults = batches = 0
    try:
        while batches < 300 and time.monotonic() < deadline:
            batch, expected = [], []
            for index in range(chooser.randint(1, 40)):
                program_id = "b%d-p%d" % (batches, index)
                if chooser.random() < 0.03:
                    fault = chooser.choice(sorted(QUICK_FAULTS))
                    if fault == "hang" and chooser.random() < 0.7:
                        fault = "segfault"  # hangs cost the batch timeout: fewer of them
                    batch.append(Program(program_id, fault))
                    expected.append(QUICK_FAULTS[fault])
                else:
                    value = str(chooser.getrandbits(32))
                    batch.append(Program(program_id, "ok " + value))
                    expected.append(value)
            results = runner.run(batch)
            assert [result.id for result in results] == [program.id for program in batch]
            for result, wanted in zip(results, expected, strict=True):
                if result.fault is not None:
                    assert result.fault.outcome == wanted, (result.id, result.fault)
                    faults += 1
                else:
                    assert result.observations == {"v": {"value": wanted}}, result.id
            programs += len(batch)
            batches += 1
    finally:
        runner.close()
    assert batches >= 100 and faults >= 50
    assert runner.restarts == faults  # one restart per fault, none lost, none spurious
