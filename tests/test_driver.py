"""The driver: starting targets, batches, and faults attributed to their program."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator

import pytest

from conformance.host.driver import PROGRAM_TIMEOUT_FACTOR, PROGRAM_TIMEOUT_FLOOR, Runner, TargetError
from conformance.host.protocol import Program
from tests.support import FAKE, HOST


def programs(*sources: str) -> list[Program]:
    return [Program("p%d" % index, source) for index, source in enumerate(sources)]


@pytest.fixture
def runner() -> Iterator[Runner]:
    runner = Runner(HOST, batch_timeout=1.5)
    runner.start()
    yield runner
    runner.close()


def test_handshake_gives_a_label(runner: Runner) -> None:
    assert runner.hello is not None
    assert runner.hello.label.startswith("cpython-3.")


def test_a_batch_gives_one_result_per_program_in_order(runner: Runner) -> None:
    results = runner.run(programs(*["probe('n', %d)" % n for n in range(200)]))
    assert [r.observations["n"]["value"] for r in results] == list(range(200))
    assert runner.restarts == 0


@pytest.mark.parametrize(
    ("source", "outcome", "evidence"),
    [
        ("import os; os._exit(7)", "crash", {"exit_status": 7}),
        ("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)", "crash", {"signal": "SIGSEGV"}),
        ("import os, signal; os.kill(os.getpid(), signal.SIGABRT)", "crash", {"signal": "SIGABRT"}),
        ("import sys; sys.stderr = sys.__stderr__; sys.__stderr__.write('dying words\\n'); import os; os._exit(1)",
         "crash", {"exit_status": 1}),
        ("while True: pass", "timeout", {}),
        ("import os; os.read(0, 1)", "timeout", {}),
    ],
)  # fmt: skip
def test_a_fault_is_that_programs_outcome_and_the_batch_goes_on(
    runner: Runner, source: str, outcome: str, evidence: dict[str, object]
) -> None:
    results = runner.run(programs("probe('a', 1)", source, "probe('b', 2)"))
    assert [r.id for r in results] == ["p0", "p1", "p2"]
    assert results[0].observations == {"a": {"value": 1}}
    fault = results[1].fault
    assert fault is not None and fault.outcome == outcome
    for key, value in evidence.items():
        assert fault.evidence[key] == value
    assert results[2].observations == {"b": {"value": 2}}
    assert runner.restarts == 1


def test_what_a_runner_started_is_stopped_when_it_crashes(runner: Runner, tmp_path) -> None:
    # (an adapter's compiler processes, say): the driver stops the runner's whole session, even once it is dead
    record = tmp_path / "child.pid"
    source = ("import os, signal, subprocess\nchild = subprocess.Popen(['sleep', '300'])\n"
              "open(%r, 'w').write(str(child.pid))\nos.kill(os.getpid(), signal.SIGSEGV)\n" % str(record))  # fmt: skip
    fault = runner.run_one(Program("p", source)).fault
    assert fault is not None and fault.outcome == "crash"
    child = int(record.read_text())
    for _ in range(50):  # (killed at once; reaped by whoever adopted it)
        try:
            with open("/proc/%d/stat" % child) as stat:
                if stat.read().split(")")[-1].split()[0] == "Z":
                    break
        except FileNotFoundError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the runner's child %d outlived it" % child)


def test_stderr_of_a_crash_is_evidence(runner: Runner) -> None:
    source = "import os\nos.write(2, b'dying words\\n')\nos._exit(3)"
    fault = runner.run_one(Program("p", source)).fault
    assert fault is not None
    assert "dying words" in fault.evidence["stderr"]
    assert fault.detail == "exited with status 3; it printed: dying words"


def test_a_hang_costs_no_more_than_the_batch_timeout(runner: Runner) -> None:
    started = time.monotonic()
    runner.run(programs("while True: pass", "probe('b', 2)"))
    assert time.monotonic() - started < 1.5 + 5


def test_a_hang_costs_its_program_deadline_and_the_rest_of_the_batch_still_runs() -> None:
    with Runner(HOST, batch_timeout=60, program_timeout=0.5) as runner:
        started = time.monotonic()
        results = runner.run(programs("probe('a', 1)", "while True: pass", "probe('b', 2)"))
        took = time.monotonic() - started
    assert took < 0.5 + 5  # the deadline and a restart, far from the batch's 60 s
    fault = results[1].fault
    assert fault is not None and fault.outcome == "timeout"
    assert fault.detail == "made no progress for 0.5 s (its time limit per program)"
    assert [results[0].observations, results[2].observations] == [{"a": {"value": 1}}, {"b": {"value": 2}}]


def test_the_deadline_is_per_program_not_per_batch() -> None:
    with Runner(HOST, batch_timeout=60, program_timeout=1.0) as runner:
        results = runner.run(programs(*["import time\ntime.sleep(0.4)\nprobe('n', %d)" % n for n in range(4)]))
    assert [result.fault for result in results] == [None] * 4  # 1.6 s in all, each well within its 1 s


def test_a_program_with_a_time_limit_longer_than_the_deadline_may_take_it() -> None:
    slow = "import time\ntime.sleep(0.8)\nprobe('n', 1)"
    with Runner(HOST, batch_timeout=60, program_timeout=0.3) as runner:
        [timed_out] = runner.run(programs(slow))
        [finished, hung] = runner.run(
            [Program("slow", slow, time_limit=3.0), Program("hang", "while True: pass", time_limit=0.5)]
        )
    assert timed_out.fault is not None and timed_out.fault.outcome == "timeout"
    assert finished.fault is None and finished.observations == {"n": {"value": 1}}
    assert hung.fault is not None and hung.fault.detail == "made no progress for 0.5 s (its time limit per program)"


def test_progress_messages_start_a_programs_deadline_again() -> None:
    # 1.5 s of preparing, each step within the 0.5 s deadline: a result, and the slowest is timed from the last step
    with Runner([sys.executable, "-S", FAKE], batch_timeout=60, program_timeout=0.5) as runner:
        results = runner.run(programs("progress 5", "ok 2"))
        assert [result.fault for result in results] == [None, None]
        assert results[0].observations == {"v": {"value": "after progress"}}
        assert runner.slowest < 0.5


def test_preparing_longer_than_the_deadline_without_a_progress_message_is_a_timeout() -> None:
    with Runner([sys.executable, "-S", FAKE], batch_timeout=60, program_timeout=0.2) as runner:
        [result] = runner.run(programs("progress 2"))  # the first message comes after 0.3 s
    assert result.fault is not None and result.fault.outcome == "timeout"


def test_progress_naming_another_program_is_a_protocol_error() -> None:
    with Runner([sys.executable, "-S", FAKE], batch_timeout=60) as runner:
        results = runner.run(programs("progress-other", "ok 2"))
    assert results[0].fault is not None and results[0].fault.outcome == "protocol-error"
    assert results[1].observations == {"v": {"value": "2"}}


def test_the_default_deadline_grows_with_the_slowest_program_answered() -> None:
    with Runner(HOST, batch_timeout=60) as runner:
        assert runner.startup < PROGRAM_TIMEOUT_FLOOR  # CPython starts in milliseconds
        assert runner.current_program_timeout() == PROGRAM_TIMEOUT_FLOOR  # nothing answered yet
        runner.run(programs("probe('fast', 1)"))
        assert runner.current_program_timeout() == PROGRAM_TIMEOUT_FLOOR
        runner.run(programs("import time\ntime.sleep(0.3)\nprobe('slow', 1)"))
        assert runner.slowest >= 0.3
        assert runner.current_program_timeout() == PROGRAM_TIMEOUT_FACTOR * runner.slowest > PROGRAM_TIMEOUT_FLOOR


def test_a_target_slow_to_start_gets_a_deadline_as_long_as_its_start(fake_interpreter: Callable[[str], str]) -> None:
    path = fake_interpreter('sleep 1.5; exec %s "$@"' % HOST)
    with Runner(path, batch_timeout=60) as runner:
        assert runner.startup >= 1.5
        assert runner.current_program_timeout() == runner.startup


def test_a_missing_interpreter_is_one_clear_error() -> None:
    with pytest.raises(TargetError, match=r"^cannot start interpreter '/nonexistent/python': no such file$"):
        Runner("/nonexistent/python").start()


def test_a_file_that_is_not_executable_is_one_clear_error(tmp_path) -> None:
    path = tmp_path / "python"
    path.write_text("")
    with pytest.raises(TargetError, match="permission denied"):
        Runner(str(path)).start()


def test_cat_is_not_a_python() -> None:
    with pytest.raises(TargetError, match=r"^cannot use interpreter '/bin/cat': it printed .* instead of a protocol"):
        Runner("/bin/cat", start_timeout=10).start()


def test_an_interpreter_that_exits_at_once_is_one_clear_error(fake_interpreter: Callable[[str], str]) -> None:
    path = fake_interpreter("echo 'Fatal Python error: init failed' >&2; exit 1")
    with pytest.raises(TargetError, match=r"exited with status 1; it printed: Fatal Python error: init failed$"):
        Runner(path).start()


def test_an_interpreter_that_never_answers_times_out(fake_interpreter: Callable[[str], str]) -> None:
    path = fake_interpreter("sleep 30")
    started = time.monotonic()
    with pytest.raises(TargetError, match="did not answer within its time limit"):
        Runner(path, start_timeout=1).start()
    assert time.monotonic() - started < 10


def test_an_empty_command_is_an_error() -> None:
    with pytest.raises(TargetError, match="empty"):
        Runner("")


def test_a_python_without_dash_i_gets_dash_e_dash_s(fake_interpreter: Callable[[str], str]) -> None:
    """Python before 3.4 has no -I: the driver falls back to -E -s."""
    path = fake_interpreter('if [ "$1" = "-I" ]; then echo "Unknown option: -I" >&2; exit 2; fi\nexec %s "$@"' % HOST)
    with Runner(path) as runner:
        assert runner.run_one(Program("p", "probe('x', 1)")).observations == {"x": {"value": 1}}


def test_a_command_line_with_arguments_is_a_target() -> None:
    with Runner([HOST, "-X", "utf8"]) as runner:
        assert runner.run_one(Program("p", "import sys; probe('utf8', sys.flags.utf8_mode)")).observations == {
            "utf8": {"value": 1}
        }


def test_the_target_runs_in_a_clean_environment_and_temporary_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_OF_THE_HOST", "leaked")
    source = "import os\nprobe('env', os.environ.get('SECRET_OF_THE_HOST'))\nprobe('cwd', os.getcwd())"
    with Runner(HOST) as runner:
        workdir = runner._workdir
        observations = runner.run_one(Program("p", source)).observations
    assert observations["env"] == {"value": None}
    assert observations["cwd"]["value"].startswith(str(workdir))
    assert workdir is not None and not __import__("os").path.exists(workdir)


def test_garbage_on_the_protocol_stream_is_a_protocol_error(runner: Runner) -> None:
    # A program that reaches the real protocol stream (the duplicated fd) breaks the protocol.
    source = (
        "import os\n"
        "for fd in range(3, 20):\n"
        "    try:\n"
        "        os.write(fd, b'garbage\\n')\n"
        "    except OSError:\n"
        "        pass"
    )
    results = runner.run(programs(source, "probe('b', 2)"))
    assert results[0].fault is not None and results[0].fault.outcome == "protocol-error"
    assert results[1].observations == {"b": {"value": 2}}


def test_relative_paths_in_the_command_are_resolved(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The target runs in a temporary directory, so `./python` must mean the caller's."""
    (tmp_path / "bin").mkdir()
    script = tmp_path / "bin" / "python"
    script.write_text('#!/bin/sh\nexec %s "$@"\n' % HOST)
    script.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    with Runner("./bin/python") as runner:
        assert runner.run_one(Program("p", "probe('x', 1)")).observations == {"x": {"value": 1}}


def test_a_program_that_exhausts_the_memory_limit_gets_memory_error_and_the_runner_goes_on() -> None:
    source = "hoard = []\nwhile True:\n    hoard.append(bytearray(1 << 20))"
    with Runner(HOST, memory_limit_mb=300, batch_timeout=60) as runner:
        started = time.monotonic()
        results = runner.run(programs(source, "probe('b', 2)"))
        assert results[0].error is not None and results[0].error["type"] == "MemoryError"
        assert results[1].observations == {"b": {"value": 2}}
        assert runner.restarts == 0 and time.monotonic() - started < 30
