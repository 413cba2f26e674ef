"""A CPython that hangs on about one program in 150, chosen by a hash of the program's source.

The driver starts it as `python hanging_python.py -I runner.py`. An audit hook (Python
3.8+) sees every compile() and, for the programs it picks, sleeps instead of returning,
as an interpreter stuck in a loop would; otherwise it runs the runner as the interpreter
itself would. The tests that stop runs use it to have runs that are slow to finish.
"""

from __future__ import annotations

import runpy
import sys
import time
import zlib

HANG_ONE_IN = 150


def hangs_on(source: object) -> bool:
    if isinstance(source, str):
        source = source.encode("utf-8")
    return isinstance(source, bytes) and b"probe" in source and zlib.crc32(source) % HANG_ONE_IN == 0


def watch(event: str, args: tuple[object, ...]) -> None:
    if event == "compile" and args and hangs_on(args[0]):  # the source, as bytes
        while True:
            time.sleep(60)


if __name__ == "__main__":
    sys.addaudithook(watch)
    runner = sys.argv[-1]
    sys.argv = [runner]
    runpy.run_path(runner, run_name="__main__")
