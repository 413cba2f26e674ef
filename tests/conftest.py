"""Fixtures for the suite's own tests (shared helpers are in tests/support.py)."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from conformance.plugin import profiles  # noqa: F401  (the suite's Hypothesis profiles, for its own tests too)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("chaos", "chaos tests of the host (tests/end_to_end/test_chaos.py)")
    group.addoption(
        "--chaos-stops",
        type=int,
        default=10,
        metavar="N",
        help="how many runs to stop at random moments (default: %(default)s, a short run for CI)",
    )
    group.addoption(
        "--chaos-seed",
        type=int,
        default=20261125,
        metavar="SEED",
        help="the seed the stops are drawn from (default: %(default)s)",
    )


@pytest.fixture
def fake_interpreter(tmp_path: Path) -> Callable[[str], str]:
    """Write an executable shell script standing in for an interpreter; return its path."""
    counter = iter(range(1000))

    def make(body: str) -> str:
        path = tmp_path / ("fake-python-%d" % next(counter))
        path.write_text("#!/bin/sh\n" + body + "\n")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
        return str(path)

    return make


@pytest.fixture(autouse=True)
def _no_pyenv_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYENV_VERSION", raising=False)
