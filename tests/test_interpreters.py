"""Interpreter discovery: pyenv's versions directory and PATH, never the shims."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conformance.host import interpreters
from conformance.host.interpreters import Interpreter


def fake_python(directory: Path, name: str, implementation: str, version: list[int]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text("#!/bin/sh\necho '%s'\n" % json.dumps([implementation, version]))
    path.chmod(0o755)
    return path


@pytest.fixture
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    root = tmp_path / "pyenv"
    bin_dir = tmp_path / "bin"
    shims = root / "shims"
    monkeypatch.setenv("PYENV_ROOT", str(root))
    monkeypatch.setenv("PATH", "%s:%s" % (shims, bin_dir))

    def add(where: str, name: str, implementation: str, version: list[int]) -> Path:
        directory = {"bin": bin_dir, "shims": shims}.get(where, root / "versions" / where / "bin")
        return fake_python(directory, name, implementation, version)

    return add


def test_finds_pyenv_versions_and_path_interpreters(machine: Callable[..., Path]) -> None:
    machine("3.12.1", "python", "cpython", [3, 12, 1])
    machine("3.6.15", "python", "cpython", [3, 6, 15])
    machine("bin", "pypy3", "pypy", [3, 9, 16])
    found = interpreters.discover()
    assert [(i.name, i.label) for i in found] == [
        ("3.6", "cpython-3.6.15"),
        ("3.12", "cpython-3.12.1"),
        ("pypy3.9", "pypy-3.9.16"),
    ]


def test_pyenv_copy_wins_over_path_for_the_same_version(machine: Callable[..., Path]) -> None:
    pyenv = machine("3.11.7", "python", "cpython", [3, 11, 7])
    machine("bin", "python3.11", "cpython", [3, 11, 2])
    [found] = interpreters.discover()
    assert found.path == str(pyenv)


def test_shims_are_never_used(machine: Callable[..., Path]) -> None:
    machine("shims", "python3.12", "cpython", [3, 12, 1])
    assert interpreters.discover() == []


def test_too_old_and_python_2_are_left_out(machine: Callable[..., Path]) -> None:
    machine("2.7.18", "python", "cpython", [2, 7, 18])
    machine("3.5.10", "python", "cpython", [3, 5, 10])
    machine("bin", "python3", "cpython", [3, 13, 0])
    assert [i.name for i in interpreters.discover()] == ["3.13"]


def test_a_broken_interpreter_is_ignored(machine: Callable[..., Path], tmp_path: Path) -> None:
    broken = machine("bin", "python3.9", "cpython", [3, 9, 0])
    broken.write_text("#!/bin/sh\nexit 1\n")
    assert interpreters.discover() == []


def test_names_are_session_suffixes() -> None:
    assert Interpreter("cpython", (3, 10, 13), "/p").name == "3.10"
    assert Interpreter("pypy", (3, 9, 16), "/p").name == "pypy3.9"
    assert Interpreter("pypy", (3, 9, 16), "/p").label == "pypy-3.9.16"
