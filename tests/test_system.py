"""What the host asks of the operating system: atomic writes and process statistics."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conformance.host import system

needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="process statistics come from /proc")


def test_an_atomic_write_leaves_the_new_file_or_the_old_one_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "results.json"
    system.atomic_write(path, "first")
    system.atomic_write(path, "second")
    assert path.read_text() == "second"
    with pytest.raises(TypeError):
        system.atomic_write(path, b"not text")  # type: ignore[arg-type]
    assert path.read_text() == "second"
    assert [p.name for p in path.parent.iterdir()] == ["results.json"]


def test_a_folder_that_cannot_be_written_is_found_before_any_write(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(OSError):
        system.check_writable(blocker / "results.json")
    system.check_writable(tmp_path / "fine" / "results.json")
    assert list((tmp_path / "fine").iterdir()) == []


@needs_proc
def test_children_cpu_memory_and_working_directories_of_processes(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"], cwd=tmp_path)
    try:
        assert child.pid in system.children(os.getpid())
        assert system.working_in(tmp_path) == [child.pid]
        assert system.working_in(tmp_path / "elsewhere") == []
    finally:
        child.kill()
        child.wait()
    cpu = system.cpu_seconds(os.getpid())
    assert cpu is not None and cpu > 0
    assert (system.rss_mb() or 0) > 1
    assert system.cpu_seconds(child.pid) is None and system.rss_mb(child.pid) is None  # gone
