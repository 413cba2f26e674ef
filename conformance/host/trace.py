"""A trace of the steps every process of a run takes, for whoever needs to know when things happen.

    CLOSURE_CONFORMANCE_TRACE=/tmp/trace python -m pytest conformance ...

appends one line per step to the file, from every host process of the run (the
pytest controller, its xdist workers): `<pid> <step> [detail]`. The steps: configure,
worker (a pytest-xdist worker configures), collect, batch (detail: the runner's pid),
shrink, write (the results file), finish (the session ends). The suite's own tests
use it to stop a run at a chosen moment (tests/end_to_end/test_chaos.py); without the
variable, a step costs one comparison.
"""

from __future__ import annotations

import os

_PATH = os.environ.get("CLOSURE_CONFORMANCE_TRACE") or None


def step(name: str, detail: object = "") -> None:
    if _PATH is None:
        return
    line = ("%d %s %s" % (os.getpid(), name, detail)).rstrip() + "\n"
    try:
        descriptor = os.open(_PATH, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(descriptor, line.encode("utf-8"))  # one write, appended whole
        finally:
            os.close(descriptor)
    except OSError:
        pass  # a trace that cannot be written is no reason to stop a run
