"""What the host asks of the operating system, each said once: process statistics and atomic writes.

Standard library only: the noxfile imports this module before any environment exists.
Process statistics come from /proc (Linux); elsewhere they are None or empty, and
what uses them degrades as its docstring says.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from pathlib import Path


def _stat_fields(pid: int) -> list[bytes] | None:
    """The fields of /proc/<pid>/stat after the command name (field 3, the state, is [0])."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as stat:
            return stat.read().rpartition(b")")[2].split()
    except OSError:
        return None


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of a running process; None where /proc does not tell."""
    fields = _stat_fields(pid)
    try:
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else None
    except (ValueError, IndexError):
        return None


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`; none found where there is no /proc."""
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                fields = _stat_fields(int(entry.name))
                with contextlib.suppress(ValueError, IndexError, TypeError):
                    if fields is not None and int(fields[1]) == pid:
                        found.append(int(entry.name))
    return found


def working_in(directory: Path) -> list[int]:
    """The processes whose working directory is in `directory` (runners left by a host that was killed)."""
    found = []
    inside = str(directory.resolve()) + os.sep
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    if (os.readlink("/proc/%s/cwd" % entry.name) + os.sep).startswith(inside):
                        found.append(int(entry.name))
    return found


def remove_scratch(folder: Path) -> None:
    """Remove a run's scratch folder, and stop whatever still works in it (runners a killed host left)."""
    for pid in working_in(folder):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    shutil.rmtree(folder, ignore_errors=True)


def rss_mb(pid: int | str = "self") -> float | None:
    """Resident memory of a process in MB; None where /proc does not tell."""
    try:
        with open("/proc/%s/status" % pid, encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(float(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def atomic_write(path: Path, text: str) -> None:
    """Write the file whole or not at all: a temporary file beside it, renamed over it.

    A reader, or a run killed half-way, finds the old file or the new one, never a
    part; the temporary file does not outlive a failed write.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def check_writable(path: Path) -> None:
    """OSError now if the file's folder cannot be made or a file written in it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, probe = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(handle)
    os.unlink(probe)
