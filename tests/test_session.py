"""The engine's session, in-process: targets that start or do not, and hand-written cases run and judged."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.engine.casefile import CASES_DIR, load
from conformance.engine.catalog import GENERATED
from conformance.engine.session import Options, Session, check_ids
from conformance.engine.target import SetupError, Target
from tests.support import HOST, write_case


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    session = Session.open(Options(command=HOST))
    yield session
    session.close()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_session_starts_its_target_and_stops_it() -> None:
    session = Session.open(Options(command=HOST))
    pid = session.target.runner.pid
    assert pid is not None and alive(pid)
    assert session.target.label.startswith("cpython-3.")
    session.close()
    assert session.target.runner.pid is None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (Options(command="/nonexistent/python"), "cannot start interpreter '/nonexistent/python': no such file"),
        (Options(command=HOST, reference="/nonexistent/python"),
         "--reference: cannot start interpreter '/nonexistent/python': no such file"),
    ],
)  # fmt: skip
def test_an_interpreter_that_cannot_be_used_is_one_line(options: Options, message: str) -> None:
    with pytest.raises(SetupError) as raised:
        Session.open(options)
    assert str(raised.value) == message


def test_python_2_is_refused_by_name() -> None:
    python2 = Path.home() / ".pyenv" / "versions" / "2.7.18" / "bin" / "python"
    if not python2.exists():
        pytest.skip("no Python 2.7 here to try")
    with pytest.raises(SetupError, match=r"is Python 2\.7; the suite needs Python 3"):
        Session.open(Options(command=str(python2)))


def test_a_case_that_conforms(session: Session, tmp_path: Path) -> None:
    case = load(write_case(tmp_path, "loop", "# expect: x == [2, 2]\nfs = [lambda: i for i in range(3) if i != 1]\n"
                                             "probe('x', [f() for f in fs])\n"), tmp_path)  # fmt: skip
    run = session.check_run(case.check)
    assert session.run_case(case, run) is None
    assert (run.record.programs, run.record.description) == (1, "loop")


def test_a_case_that_differs_fails_with_the_differences_and_the_program(session: Session, tmp_path: Path) -> None:
    case = load(write_case(tmp_path, "wrong", "# expect: x == 1\nprobe('x', 2)\n", area="capture"), tmp_path)
    run = session.check_run(case.check)
    ending = session.run_case(case, run, replay="python -m pytest again")
    assert ending is not None and ending.kind == "fail"
    assert ending.text.startswith("case:capture/wrong on %s differs from the case's expectations: wrong"
                                  % session.target.describe())  # fmt: skip
    assert "x value [language]: expected returns 1, observed returns 2" in ending.text
    failure = run.record.failure
    assert failure is not None and failure.signature == "value" and failure.repro == "python -m pytest again"


def test_a_case_for_a_newer_language_is_skipped(session: Session, tmp_path: Path) -> None:
    case = load(write_case(tmp_path, "future", "# expect: x == 1\nprobe('x', 1)\n", min_version="3.99"), tmp_path)
    ending = session.run_case(case, session.check_run(case.check))
    assert ending is not None and ending.kind == "skip" and ending.text.startswith("needs Python 3.99")


def saying(session: Session, language: str, **capabilities: bool) -> Session:
    """The session with its target's handshake saying this language version and these capabilities."""
    hello = session.target.hello
    version = (*(int(part) for part in language.split(".")), 0)
    said = dataclasses.replace(hello, version=version, language=language,
                               capabilities={**hello.capabilities, **capabilities})  # fmt: skip
    return dataclasses.replace(session, target=Target(session.target.command, session.target.runner, said))


# Its rule (nonlocal rebinds the enclosing variable) is 3.0's; only its syntax is 3.8's.
SHIPPED_WALRUS_CASE = CASES_DIR / "nonlocal" / "nonlocal-assignment-expression-rebinds-enclosing-variable.py"
WALRUS_CASE = "# expect: x == (6, 6)\ndef f():\n    return (y := 6), y\nprobe('x', f())\n"


@pytest.mark.parametrize("shipped", [False, True])
def test_a_target_that_says_3_4_but_parses_walrus_runs_a_walrus_case(
    session: Session, tmp_path: Path, shipped: bool
) -> None:
    """As MicroPython does: its handshake says 3.4, and it parses `:=`."""
    case = load(SHIPPED_WALRUS_CASE) if shipped else load(write_case(tmp_path, "walrus", WALRUS_CASE), tmp_path)
    micro = saying(session, "3.4", walrus=True)
    run = micro.check_run(case.check)
    assert micro.run_case(case, run) is None
    assert run.record.programs == 1


def test_a_target_that_cannot_parse_walrus_skips_the_case_naming_it(session: Session, tmp_path: Path) -> None:
    case = load(write_case(tmp_path, "walrus", WALRUS_CASE), tmp_path)
    older = saying(session, "3.12", walrus=False)
    run = older.check_run(case.check)
    ending = older.run_case(case, run)
    assert ending is not None and (ending.kind, ending.text) == ("skip", "the target cannot parse :=")
    assert run.record.programs == 0 and run.record.unsupported == []  # not a lack of what it observes


def test_a_target_lacking_match_skips_a_match_case_naming_match(session: Session, tmp_path: Path) -> None:
    body = "# expect: x == [2, 3]\nmatch [1, 2, 3]:\n    case [_, *rest]:\n        probe('x', rest)\n"
    case = load(write_case(tmp_path, "match", body), tmp_path)
    ending = saying(session, "3.12", match=False).run_case(case, session.check_run(case.check))
    assert ending is not None and (ending.kind, ending.text) == ("skip", "the target cannot parse match")
    assert session.run_case(case, session.check_run(case.check)) is None  # the host parses it, and it conforms


def test_a_case_observing_what_the_target_lacks_is_unsupported(session: Session, tmp_path: Path) -> None:
    hello = session.target.hello
    lacking = dataclasses.replace(hello, capabilities={**hello.capabilities, "closure_attr": False})
    partial = dataclasses.replace(session, target=Target(session.target.command, session.target.runner, lacking))
    case = load(write_case(tmp_path, "closure", "# expect: f.closure == None\ndef f(): pass\nprobe_closure('f', f)\n",
                           level="data-model"), tmp_path)  # fmt: skip
    run = partial.check_run(case.check)
    ending = partial.run_case(case, run)
    assert ending is not None and ending.kind == "skip" and run.record.unsupported == ["closure_attr"]


def test_the_suite_knows_every_check_id(tmp_path: Path) -> None:
    write_case(tmp_path, "mine", "# expect: x == 1\nprobe('x', 1)\n")
    ids = check_ids(tmp_path)
    assert "case:late-binding/mine" in ids and len(ids) == len(GENERATED) + 1
    assert "generated:syntax-errors/language" in ids
    assert len(check_ids()) > 300  # the suite's own cases
