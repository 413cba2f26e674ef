"""One stop, handled once: the signal handling of every pytest process, in a process of its own."""

from __future__ import annotations

import subprocess
import textwrap

from conformance.plugin.stop import interrupted
from tests.support import HOST, ROOT

PRELUDE = """
import os, signal, sys
from conformance.plugin.stop import Stop

stop = Stop()
stop.install()

def send(name):
    os.kill(os.getpid(), getattr(signal, name))

def interrupted(action):
    try:
        action()
    except KeyboardInterrupt as stopped:
        return str(stopped)
    return None
"""


def run(script: str) -> list[str]:
    """The lines a script printed, run after the prelude in a Python of its own."""
    completed = subprocess.run([HOST, "-c", PRELUDE + textwrap.dedent(script)], cwd=ROOT, capture_output=True,
                               text=True, timeout=60, check=False)  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.splitlines()


def test_the_first_signal_interrupts_and_those_that_follow_do_not() -> None:
    assert run("""
        print(interrupted(lambda: send("SIGTERM")))
        print(interrupted(lambda: send("SIGTERM")))
        print(interrupted(lambda: send("SIGTERM")))
    """) == ["stopped by SIGTERM", "None", "None"]


def test_a_moment_that_must_not_be_cut_is_interrupted_after_it() -> None:
    assert run("""
        def write():
            with stop.deferred():
                send("SIGINT")
                print("the write goes on")
            print("not reached")
        print(interrupted(write))
    """) == ["the write goes on", "stopped by SIGINT"]


def test_a_lost_interruption_is_raised_again_at_the_next_checkpoint_until_pytest_answers() -> None:
    assert run("""
        print(interrupted(lambda: send("SIGTERM")))  # ... and say Python swallowed it (a gc callback)
        print(interrupted(stop.checkpoint))
        stop.answered()
        print(interrupted(stop.checkpoint))
    """) == ["stopped by SIGTERM", "stopped by SIGTERM", "None"]


def test_once_the_session_ends_a_signal_interrupts_nothing() -> None:
    assert run("""
        stop.ending()
        print(interrupted(lambda: send("SIGINT")))
        print(interrupted(stop.checkpoint))
    """) == ["None", "None"]


def test_a_second_ctrl_c_stops_now_after_finishing_what_must_be() -> None:
    completed = subprocess.run([HOST, "-c", PRELUDE + textwrap.dedent("""
        stop.on_stop_now(lambda: print("results finished", flush=True))
        print(interrupted(lambda: send("SIGINT")), flush=True)
        send("SIGINT")
        print("not reached")
    """)], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert completed.stdout.splitlines() == ["stopped by SIGINT", "results finished"]
    assert completed.returncode == 2
    assert "stopped at once" in completed.stderr and "Traceback" not in completed.stderr


def test_a_lost_interruption_is_not_reported_as_an_ignored_exception() -> None:
    completed = subprocess.run([HOST, "-c", PRELUDE + textwrap.dedent("""
        stop.pytest_sessionstart()  # around the report of unraisable exceptions
        class Finalized:
            def __del__(self):
                send("SIGTERM")  # the handler's KeyboardInterrupt is lost in a finalizer
        Finalized()
        print(interrupted(stop.checkpoint))
        class Failing:
            def __del__(self):
                raise ValueError("any other exception is still reported")
        Failing()
    """)], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert completed.stdout.splitlines() == ["stopped by SIGTERM"]
    assert "KeyboardInterrupt" not in completed.stderr
    assert "ValueError: any other exception is still reported" in completed.stderr


def test_an_error_raised_while_an_interruption_was_handled_is_an_interruption() -> None:
    def failing_while_interrupted() -> BaseException:
        try:
            try:
                raise KeyboardInterrupt
            except KeyboardInterrupt:
                raise AssertionError("a library's own state, broken by the interruption") from None
        except AssertionError as error:
            return error

    error = failing_while_interrupted()
    assert error.__context__ is not None  # (`from None` hides it from tracebacks, not from the chain)
    assert interrupted(error)

    class Group(Exception):  # as an exception group (Python 3.11+) holds several
        exceptions = (ValueError(), KeyboardInterrupt())

    assert interrupted(Group())
    assert not interrupted(ValueError("a check that failed on its own"))
