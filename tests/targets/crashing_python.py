"""A CPython that segfaults on about one generated program in a thousand: those with five `del NAME` statements.

The driver starts it as `python crashing_python.py -I runner.py`. It installs an audit
hook (Python 3.8+) that sees every compile() and kills the process with SIGSEGV, as a
crashing compiler would, when the source has five statements `del NAME` (of a single name)
or more; then it runs
the runner as the interpreter itself would. tests/end_to_end/test_crash_run.py points a whole
conformance run at it.
"""

from __future__ import annotations

import os
import re
import runpy
import signal
import sys

# `del x` of one name: the `unbound` area's own statement (others delete several names, or
# attributes and items, and hardly ever one name five times)
DELETES = re.compile(rb"^[ \t]*del \w+$", re.MULTILINE)
CRASH_AT = 5  # such statements in one program


def crashes_on(source: object) -> bool:
    if isinstance(source, str):
        source = source.encode("utf-8")
    return isinstance(source, bytes) and len(DELETES.findall(source)) >= CRASH_AT


def watch(event: str, args: tuple[object, ...]) -> None:
    if event == "compile" and args and crashes_on(args[0]):  # the source, as bytes
        os.kill(os.getpid(), signal.SIGSEGV)


if __name__ == "__main__":
    sys.addaudithook(watch)
    runner = sys.argv[-1]
    sys.argv = [runner]
    runpy.run_path(runner, run_name="__main__")
