"""The corpus: generated programs and their predictions, on disk, shared by every session of a run.

A generated program is a function of what it is drawn for and its seed: the property's area, the
constructs the target parses (generators/features.py, not the version itself), the nesting limit and
the program's seed. Its prediction is a function of the program and of the answers the target's
language version gives to the rules that changed between versions (conformance/model/versions.py)
that the prediction asked about: most programs ask about none, or about one rule that most versions
answer alike. Nothing else enters either, so a program made once can be given to every interpreter of
a run that parses the same constructs, and its prediction to every interpreter whose version answers
those rules alike:

    programs     (space, seed) -> the tape (packed: `pack`), the source (zlib), the constructs it used
    predictions  (space, seed, asked) -> what the model predicts (`result`, null: the Reference leaves
                 it open) and the deviations whose rule the prediction reached (`reaches`), in one JSON
                 document (zlib); `asked` is the rules the prediction asked about with the answers it
                 got (several rows for one program: one for each set of answers met)
    shrunk       (space, tape, way) -> the tape of the smallest program found that differs as the program of
                 `tape` did on some interpreter (`way`: the deviations that explain the difference, or its
                 signature when none does); another interpreter that differs the same way on that program
                 takes it if it differs the same way on the smaller one too (conformance/engine/properties.py),
                 and when deviations explain the way, so does any check of the space that meets a program
                 they explain (one search for a deviation's example, not one per level and interpreter)

One SQLite file per run (`nox` names it after the run's seed: conformance/plugin/options.py,
--corpus), written by whichever session makes a program first and read by the others, pytest-xdist
workers included. The code that makes programs and predictions is part of the key too: a file made
by other code (its fingerprint, in `meta`) is emptied when opened. Hypothesis still chooses the
examples and the engine still shrinks a difference by generating again: only programs drawn from a
seed (generators/choices.py, RandomChoices) come from the corpus.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from conformance.model.versions import Rules
from generators.features import Features

SCHEMA = 3
ROOT = Path(__file__).resolve().parent.parent.parent
# What programs and predictions are made by, and what stores them: a corpus made by other code is not used.
SOURCES = ("generators", "conformance/model", "conformance/engine/properties.py", "conformance/engine/corpus.py")
BUSY_TIMEOUT_S = 60.0  # how long a writer waits for another session's transaction (a batch: milliseconds)


class CorpusError(Exception):
    """The corpus file cannot be used; the message is one line naming it."""


@dataclass(frozen=True)
class Stored:
    """One program of the corpus, with its prediction under one set of rules (`result` None: unspecified)."""

    tape: tuple[int, ...]
    source: str
    notes: tuple[str, ...]
    result: dict[str, Any] | None
    reaches: frozenset[str]
    asked: dict[str, bool]  # the rules of the version the prediction asked about, and the answers


def pack(tape: Sequence[int]) -> bytes:
    """A tape as bytes: a type code, then the values as an array of that type (most fit in one byte each)."""
    largest = max(tape, default=0)
    code = "B" if largest < 2**8 else "H" if largest < 2**16 else "Q"
    return code.encode() + array(code, tape).tobytes()


def unpack(packed: bytes) -> tuple[int, ...]:
    return tuple(array(chr(packed[0]), packed[1:]))


@cache
def fingerprint() -> str:
    """A digest of the code that makes programs and predictions (every .py file under SOURCES)."""
    digest = hashlib.sha256(str(SCHEMA).encode())
    for name in SOURCES:
        source = ROOT / name
        for path in sorted(source.rglob("*.py")) if source.is_dir() else [source]:
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def program_space(area: str, features: Features, max_depth: int) -> str:
    """What a program of a seed is drawn for: the area, the constructs the target parses, the nesting limit."""
    constructs = "".join("1" if value else "0" for name, value in vars(features).items() if name != "version")
    return "%s/%s/%d" % (area, constructs, max_depth)


class Corpus:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=OFF")  # (a cache: a file lost with the machine is made again)
            self._prepare()
        except (OSError, sqlite3.Error) as error:
            raise CorpusError("corpus %s cannot be used: %s" % (path, error)) from None

    def _prepare(self) -> None:
        """The tables, emptied when the file was made by other code."""
        with self._transaction():
            self._db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            row = self._db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
            if row is not None and row[0] != fingerprint():
                self._db.execute("DROP TABLE IF EXISTS programs")
                self._db.execute("DROP TABLE IF EXISTS predictions")
                self._db.execute("DROP TABLE IF EXISTS shrunk")
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint(),))
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS programs (space TEXT, seed TEXT, tape BLOB, source BLOB, notes TEXT,"
                " PRIMARY KEY (space, seed)) WITHOUT ROWID"
            )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS predictions (space TEXT, seed TEXT, asked TEXT, prediction BLOB,"
                " PRIMARY KEY (space, seed, asked)) WITHOUT ROWID"
            )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS shrunk (space TEXT, tape BLOB, way TEXT, minimal BLOB,"
                " PRIMARY KEY (space, tape, way)) WITHOUT ROWID"
            )

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def close(self) -> None:
        self._db.close()

    def get(self, space: str, version: tuple[int, ...], seeds: Sequence[int]) -> dict[int, Stored]:
        """The programs of these seeds that the corpus has with a prediction that holds for this language
        version (its version answers the rules the prediction asked about alike), by seed."""
        if not seeds:
            return {}
        rules = Rules(version)
        marks = ",".join("?" * len(seeds))
        try:
            rows = self._db.execute(
                "SELECT p.seed, p.tape, p.source, p.notes, r.asked, r.prediction FROM programs p"
                " JOIN predictions r ON r.space = p.space AND r.seed = p.seed WHERE p.space = ? AND p.seed IN (%s)"
                % marks,
                (space, *map(str, seeds)),
            ).fetchall()
        except sqlite3.Error as error:
            raise CorpusError("corpus %s cannot be read: %s" % (self.path, error)) from None
        found = {}
        holding: dict[str, dict[str, bool] | None] = {}  # asked, as stored -> the answers if this version's (few)
        for seed, tape, source, notes, asked_text, prediction in rows:
            if asked_text not in holding:
                answers = json.loads(asked_text)
                holding[asked_text] = answers if rules.answers(answers) else None
            asked = holding[asked_text]
            if int(seed) in found or asked is None:
                continue
            document = json.loads(zlib.decompress(prediction))
            constructs = tuple(notes.split("\n")) if notes else ()
            found[int(seed)] = Stored(unpack(tape), zlib.decompress(source).decode(), constructs, document["result"],
                                      frozenset(document["reaches"]), asked)  # fmt: skip
        return found

    def put(self, space: str, made: dict[int, Stored]) -> None:
        """Store programs with their predictions (what another session stored first is kept)."""
        if not made:
            return
        programs = [(space, str(seed), pack(item.tape), zlib.compress(item.source.encode(), 1), "\n".join(item.notes))
                    for seed, item in made.items()]  # fmt: skip
        predictions = [(space, str(seed), json.dumps(item.asked, sort_keys=True),
                        zlib.compress(json.dumps({"result": item.result, "reaches": sorted(item.reaches)}).encode(), 1))
                       for seed, item in made.items()]  # fmt: skip
        try:
            with self._transaction():
                self._db.executemany("INSERT OR IGNORE INTO programs VALUES (?, ?, ?, ?, ?)", programs)
                self._db.executemany("INSERT OR IGNORE INTO predictions VALUES (?, ?, ?, ?)", predictions)
        except sqlite3.Error as error:
            raise CorpusError("corpus %s cannot be written: %s" % (self.path, error)) from None

    def shrunk(self, space: str, tape: Sequence[int], way: str, of_any_program: bool = False) -> tuple[int, ...] | None:
        """The smallest program found that differs as the program of this tape does, this way: its tape.
        `of_any_program`: the smallest found from any program of the space that differed this way (a way
        that deviations explain: any program they explain is an example of them)."""
        query = "SELECT minimal FROM shrunk WHERE space = ? AND way = ?"
        arguments: tuple[object, ...] = (space, way)
        if not of_any_program:
            query, arguments = query + " AND tape = ?", (space, way, pack(tape))
        try:
            row = self._db.execute(query + " ORDER BY length(minimal) LIMIT 1", arguments).fetchone()
        except sqlite3.Error as error:
            raise CorpusError("corpus %s cannot be read: %s" % (self.path, error)) from None
        return None if row is None else unpack(row[0])

    def put_shrunk(self, space: str, tape: Sequence[int], way: str, minimal: Sequence[int]) -> None:
        try:
            with self._transaction():
                self._db.execute("INSERT OR REPLACE INTO shrunk VALUES (?, ?, ?, ?)",
                                 (space, pack(tape), way, pack(minimal)))  # fmt: skip
        except sqlite3.Error as error:
            raise CorpusError("corpus %s cannot be written: %s" % (self.path, error)) from None


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on an error): one writer at a time, waiting for the others."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")
