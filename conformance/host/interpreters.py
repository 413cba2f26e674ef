"""Find the Python interpreters on this machine: every CPython 3.6+ and PyPy 3.

Looks in the pyenv versions directory (no PYENV_VERSION needed, and never through
the pyenv shims, which resolve to one global version and cost a start-up each)
and on PATH. Standard library only: the noxfile imports it before any venv exists.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

OLDEST_CPYTHON = (3, 6)

_IDENTIFY = (
    "import sys, json; i = getattr(sys, 'implementation', None); "
    "print(json.dumps([getattr(i, 'name', 'cpython'), list(sys.version_info[:3])]))"
)


@dataclass(frozen=True)
class Interpreter:
    implementation: str  # "cpython", "pypy"
    version: tuple[int, int, int]  # the language version it implements
    path: str

    @property
    def name(self) -> str:
        """The nox session suffix: "3.12" for CPython, "pypy3.9" for PyPy."""
        short = "%d.%d" % self.version[:2]
        return short if self.implementation == "cpython" else self.implementation + short

    @property
    def label(self) -> str:
        """As the runner's handshake names it, and so its results file."""
        return "%s-%s" % (self.implementation, ".".join(str(part) for part in self.version))


def pyenv_root() -> Path | None:
    root = os.environ.get("PYENV_ROOT")
    if root:
        return Path(root)
    default = Path.home() / ".pyenv"
    if default.is_dir():
        return default
    pyenv = shutil.which("pyenv")
    if pyenv:
        try:
            output = subprocess.run([pyenv, "root"], capture_output=True, text=True, timeout=10, check=True)
        except (OSError, subprocess.SubprocessError):
            return None
        return Path(output.stdout.strip())
    return None


def candidates() -> list[str]:
    """Paths that may be interpreters, pyenv's first, without shims."""
    found: list[str] = []
    root = pyenv_root()
    if root is not None:
        for version_dir in sorted((root / "versions").glob("*")):
            for name in ("python3", "python", "pypy3"):
                path = version_dir / "bin" / name
                if path.is_file() and os.access(path, os.X_OK):
                    found.append(str(path))
                    break
    names = ["python3.%d" % minor for minor in range(6, 30)] + ["python3", "pypy3"]
    names += ["pypy3.%d" % minor for minor in range(6, 30)]
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        if not directory or "shims" in Path(directory).parts:
            continue
        for name in names:
            path = Path(directory, name)
            if path.is_file() and os.access(path, os.X_OK):
                found.append(str(path))
    return found


def identify(path: str) -> Interpreter | None:
    try:
        output = subprocess.run([path, "-c", _IDENTIFY], capture_output=True, text=True, timeout=30, check=True)
        implementation, version = json.loads(output.stdout)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return Interpreter(str(implementation), (version[0], version[1], version[2]), path)


def discover() -> list[Interpreter]:
    """Every usable interpreter, one per session name, pyenv's copy preferred."""
    paths: list[str] = []
    seen: set[str] = set()
    for path in candidates():
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            paths.append(path)
    with ThreadPoolExecutor(max_workers=8) as pool:
        identified = list(pool.map(identify, paths))
    chosen: dict[str, Interpreter] = {}
    for interpreter in identified:
        if interpreter is None or interpreter.name in chosen:
            continue
        if interpreter.implementation == "cpython" and interpreter.version[:2] < OLDEST_CPYTHON:
            continue
        if interpreter.version[0] < 3:
            continue
        chosen[interpreter.name] = interpreter
    return sorted(chosen.values(), key=lambda i: (i.implementation != "cpython", i.implementation, i.version))


if __name__ == "__main__":
    for interpreter in discover():
        print(
            "%-10s %-8s %-9s %s"
            % (interpreter.name, interpreter.implementation, ".".join(map(str, interpreter.version)), interpreter.path)
        )
