"""`python -m reports`: build the report (reports/build.py).

A stop (Ctrl-C, SIGTERM) interrupts the build once, quietly: the half-written report
is removed and the previous one left as it was; signals that follow (a CI system's,
`timeout`'s) do not cut that short. This is set up first of all, before the imports
that take a while, so a stop while they run is quiet too.
"""

import signal
import sys


def _stop_once(number: int, frame: object) -> None:
    for other in (signal.SIGINT, signal.SIGTERM):
        signal.signal(other, signal.SIG_IGN)
    raise KeyboardInterrupt


for _number in (signal.SIGINT, signal.SIGTERM):
    signal.signal(_number, _stop_once)
try:
    from reports.build import main

    status = main()
except KeyboardInterrupt:
    sys.stderr.write("stopped: the report was not written (any earlier one is as it was)\n")
    status = 130
sys.exit(status)
