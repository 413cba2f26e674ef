"""The corpus (conformance/engine/corpus.py): programs and predictions made once and shared, exactly as made."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.engine import corpus as corpus_module
from conformance.engine import properties
from conformance.engine.corpus import Corpus, Stored, pack, unpack
from conformance.engine.properties import Property
from conformance.engine.session import Options, Session
from conformance.engine.target import SetupError
from conformance.model.evaluate import predict
from generators.choices import RandomChoices
from generators.emit import emit
from tests.support import BUGGY, HOST, parse

AREAS = ("late-binding", "class-scope", "comprehension-scope", "annotation-scopes")


@pytest.fixture(scope="module")
def host() -> Iterator[Session]:
    session = Session.open(Options(command=HOST))
    yield session
    session.close()


def test_programs_from_the_corpus_are_the_programs_made_without_it(host: Session, tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "run.sqlite")
    try:
        for area in AREAS:
            check = host.property(area, "language").check
            plain = Property(check, host.target)
            shared = Property(check, host.target, corpus=corpus)
            seeds = [random.Random(area).getrandbits(64) for _ in range(30)]
            made = plain.made([RandomChoices(seed) for seed in seeds])
            notes: list[set[str]] = [set() for _ in seeds]
            cold = shared.made([RandomChoices(seed) for seed in seeds])
            warm = shared.made([RandomChoices(seed, notes=seen) for seed, seen in zip(seeds, notes, strict=True)])
            assert made == cold == warm  # tapes, sources, predictions, the deviations reached
            expected_notes: list[set[str]] = [set() for _ in seeds]
            for seed, seen in zip(seeds, expected_notes, strict=True):
                plain.generate(RandomChoices(seed, notes=seen))
            assert notes == expected_notes  # (Hypothesis' statistics are the same too)
    finally:
        corpus.close()


def test_a_program_the_reference_leaves_open_is_stored_with_its_source(host: Session, tmp_path: Path) -> None:
    # another version, answering the rules its prediction asked about otherwise, may predict it: it then reads
    # the program's source from the corpus
    prop = host.property("late-binding", "language")
    seed = next(seed for seed in range(10_000) if prop.generate(RandomChoices(seed)) is None)
    made, stored = prop._generate(RandomChoices(seed))
    assert made is None and stored.result is None
    assert stored.source == emit(prop.make(RandomChoices(seed), prop.ctx), prop.features) != ""


def searches_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, a search for a smaller program fails the test: one found in the corpus must be taken."""

    def no_search(*arguments: object, **keywords: object) -> None:
        raise AssertionError("shrunk again")

    monkeypatch.setattr(properties, "shrink", no_search)


def test_a_program_shrunk_for_one_session_is_taken_by_another_that_differs_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = Corpus(tmp_path / "run.sqlite")
    session = Session.open(Options(command="%s global-ignored" % BUGGY))
    try:
        check = session.property("global", "language").check
        first = Property(check, session.target, corpus=corpus)
        failing = next(item for seed in range(200) for item in first.run_batch([RandomChoices(seed)])
                       if item.failure is not None)  # fmt: skip
        smallest = first.minimal(failing)
        assert smallest.failure is not None and len(smallest.tape) < len(failing.tape)

        searches_fail(monkeypatch)
        again = Property(check, session.target, corpus=corpus).minimal(failing)  # another session: one run
        assert again.tape == smallest.tape and again.failure is not None
        assert again.failure.signature == smallest.failure.signature
        # a smaller program that does not differ here the same way is not taken: the search runs
        passing = next(item for seed in range(200) for item in first.run_batch([RandomChoices(seed)])
                       if item.failure is None)  # fmt: skip
        assert failing.failure is not None
        way = "signature " + failing.failure.signature
        corpus.put_shrunk(first.space, failing.tape, way, passing.tape)
        with pytest.raises(AssertionError, match="shrunk again"):
            Property(check, session.target, corpus=corpus).minimal(failing)
    finally:
        session.close()
        corpus.close()


def test_a_deviations_example_shrunk_from_one_program_is_taken_for_another_it_explains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a deviation's example is shrunk once for the space: another program it explains, met by another check of
    # the space (another level, another interpreter), takes it when the deviation explains it there too
    corpus = Corpus(tmp_path / "run.sqlite")
    session = Session.open(Options(command="%s except-name-kept" % BUGGY))
    try:
        check = session.property("except-as", "language").check
        first = Property(check, session.target, corpus=corpus)
        explained = [item for seed in range(300) for item in first.run_batch([RandomChoices(seed)])
                     if item.failure is not None and item.failure.deviations == ("except-as-kept",)]  # fmt: skip
        assert len(explained) >= 2 and explained[0].tape != explained[1].tape
        smallest = first.minimal(explained[0])
        assert len(smallest.tape) < len(explained[0].tape)

        searches_fail(monkeypatch)
        again = Property(check, session.target, corpus=corpus).minimal(explained[1])  # another program: one run
        assert again.tape == smallest.tape
    finally:
        session.close()
        corpus.close()


def test_a_prediction_holds_for_the_versions_that_answer_its_rules_alike(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "run.sqlite")
    try:
        messages = Stored((1, 2), "x = 1\n", (), {"observations": []}, frozenset(), {"name-error-messages": True})
        plain = Stored((3,), "y = 1\n", (), None, frozenset({"except-as-kept"}), {})
        corpus.put("space", {1: messages, 2: plain})
        assert corpus.get("space", (3, 11), [1, 2]) == {1: messages, 2: plain}
        assert corpus.get("space", (3, 14), [1, 2]) == {1: messages, 2: plain}
        assert corpus.get("space", (3, 10), [1, 2]) == {2: plain}  # (3.10 has the old messages)
        assert corpus.get("other space", (3, 11), [1, 2]) == {}
    finally:
        corpus.close()


def test_a_prediction_records_the_rules_it_asked_about() -> None:
    asked: dict[str, bool] = {}
    predict(parse("x = 1\nprobe('r', x)\n"), (3, 11), asked=asked)
    assert asked == {}  # nothing here changed between versions: every version's prediction
    predict(parse("def f():\n    y = y\nprobe_call('r', f)\n"), (3, 10), asked=asked)
    assert asked == {"name-error-messages": False}


def test_a_corpus_made_by_other_code_is_emptied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "run.sqlite"
    corpus = Corpus(path)
    corpus.put("space", {1: Stored((1,), "x = 1\n", (), None, frozenset(), {})})
    corpus.close()
    monkeypatch.setattr(corpus_module, "fingerprint", lambda: "other code")
    corpus = Corpus(path)
    try:
        assert corpus.get("space", (3, 11), [1]) == {}
    finally:
        corpus.close()


def test_a_corpus_that_cannot_be_used_is_a_one_line_setup_error(tmp_path: Path) -> None:
    with pytest.raises(SetupError) as raised:
        Session.open(Options(command=HOST, corpus=str(tmp_path)))  # a folder, not a file
    assert str(tmp_path) in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize("tape", [(), (0, 1, 22), (300, 2), (2**40, 0)])
def test_a_tape_packs_and_unpacks(tape: tuple[int, ...]) -> None:
    assert unpack(pack(tape)) == tape
