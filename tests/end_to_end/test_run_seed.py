"""One seed for a run: every interpreter that parses the same constructs gets the same generated programs."""

from __future__ import annotations

from pathlib import Path

from tests.support import HOST, ROOT, run_suite

RECORDING = ROOT / "tests" / "targets" / "recording_python.py"
# (the `dev` profile: random runs, which the seed decides; `ci` is derandomized, the same programs whatever the seed)
ONE_PROPERTY = ("conformance/test_generated.py", "-k", "capture-language", "--programs-per-example", "2",
                "--hypothesis-profile", "dev")  # fmt: skip


def programs_drawn(tmp_path: Path, name: str, seed: str) -> list[str]:
    """The digests of the programs a run of one property with this seed gave its target, in order."""
    log = tmp_path / name
    completed = run_suite(*ONE_PROPERTY, "--interpreter", "%s %s %s" % (HOST, RECORDING, log),
                          "--hypothesis-seed", seed, paths=())  # fmt: skip
    assert completed.returncode == 0, completed.stdout[-2000:]
    return log.read_text(encoding="utf-8").split()


def test_two_interpreters_given_the_run_seed_are_given_the_same_programs(tmp_path: Path) -> None:
    first = programs_drawn(tmp_path, "first.log", "20261126")
    second = programs_drawn(tmp_path, "second.log", "20261126")  # (another target command: another interpreter)
    assert len(first) >= 20 and first == second
    other = programs_drawn(tmp_path, "other-seed.log", "7")  # random runs stay random: Hypothesis tries a few
    assert len(set(other) - set(first)) > len(other) / 2  # simplest examples (seed 0) in every run, the rest differ
