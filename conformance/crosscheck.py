"""Every difference of a run, run on every interpreter of the run.

    python -m conformance.crosscheck [FOLDER]      (default: reports/results)

Each session draws its own generated programs, so a program that differs on one
interpreter was not run on the others, and a bug report needs the line "3.12.1 and
3.13.0 differ, 3.11 and PyPy agree". This runs the program of each failure of a
generated check (its minimal program) on every interpreter that has a results file
in the folder, compares what it observed with what the failure was judged against
(the model's prediction for the failing interpreter's language version, at the
check's level), and writes the outcome of each into the failure record, under
`elsewhere` (label -> outcome): `agrees`, `differs` (with the signature, and whether
it is the failure's own), `cannot parse` (a syntax the interpreter lacks), `fault`
(a crash or a hang) or `not run` (the interpreter does not start here).

Only the top-level results files of the folder are read (not its history/); each
is rewritten whole, through a temporary file renamed over it. A file that is not
a results file is named and left alone. Programs are identified by a hash of their
source (`program_hash`), so a program met on several interpreters runs once on each.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conformance.engine.checks import signature
from conformance.engine.compare import Expected, compare
from conformance.engine.schema import InvalidResults, validate
from conformance.engine.session import Options, Session
from conformance.engine.target import SetupError
from conformance.host.protocol import Program, ProgramResult
from conformance.host.system import atomic_write

DEFAULT_FOLDER = Path(__file__).resolve().parents[1] / "reports" / "results"
BATCH = 50  # programs per round trip


def program_hash(source: str) -> str:
    """What identifies a program across results files and interpreters: its source's digest."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


@dataclass
class Difference:
    """One program that differed somewhere: what it was judged against, at which level, and where it differed."""

    program: str
    expected: dict[str, Any]
    level: str
    signatures: dict[str, str] = field(default_factory=dict)  # interpreter label -> its signature there


def collect(documents: dict[Path, dict[str, Any]]) -> tuple[dict[str, Difference], dict[str, str]]:
    """The programs of the failures of generated checks (by hash), and each interpreter's command (by label)."""
    programs: dict[str, Difference] = {}
    commands: dict[str, str] = {}
    for document in documents.values():
        label = str(document["interpreter"]["label"])
        commands[label] = str(document["interpreter"]["command"])
        for entry in document["results"]:
            failure = entry.get("failure")
            if not str(entry["id"]).startswith("generated:") or not isinstance(failure, dict):
                continue
            if not isinstance(failure.get("expected_result"), dict):
                continue  # (a results file of an older suite: what was expected is text only)
            key = program_hash(str(failure["program"]))
            found = programs.setdefault(key, Difference(str(failure["program"]), failure["expected_result"],
                                                        str(entry["level"])))  # fmt: skip
            found.signatures[label] = str(failure.get("signature", ""))
    return programs, commands


def outcome(difference: Difference, observed: ProgramResult) -> dict[str, Any]:
    """What one interpreter's run of the program says, against what the failure was judged against."""
    if observed.fault is not None:
        return {"outcome": "fault", "detail": observed.fault.describe()}
    expected = Expected.from_result(difference.expected)
    compiled = observed.compile_error or {}
    if compiled.get("type") == "SyntaxError" and expected.compile_error is None:
        return {"outcome": "cannot parse", "detail": str(compiled.get("message", ""))}
    differences = compare(expected, observed, [difference.level])
    if not differences:
        return {"outcome": "agrees"}
    found = signature(differences)
    return {"outcome": "differs", "signature": found, "same": found in difference.signatures.values()}


def run_everywhere(programs: dict[str, Difference], commands: dict[str, str]) -> dict[str, dict[str, Any]]:
    """(program hash, label) -> outcome, for every program on every interpreter (each started once)."""
    outcomes: dict[str, dict[str, Any]] = {}
    keys = sorted(programs)
    for label, command in sorted(commands.items()):
        try:
            session = Session.open(Options(command=command, shrinking=False))
        except SetupError as error:
            print("crosscheck: %s not run: %s" % (label, error), file=sys.stderr)
            for key in keys:
                outcomes["%s %s" % (key, label)] = {"outcome": "not run", "detail": str(error)}
            continue
        try:
            for start in range(0, len(keys), BATCH):
                chunk = keys[start : start + BATCH]
                results = session.target.runner.run([Program(key, programs[key].program) for key in chunk])
                for key, observed in zip(chunk, results, strict=True):
                    outcomes["%s %s" % (key, label)] = outcome(programs[key], observed)
        finally:
            session.close()
    return outcomes


def annotate(document: dict[str, Any], outcomes: dict[str, dict[str, Any]], labels: list[str]) -> bool:
    """Put each failure's outcomes elsewhere into its record; whether the document changed."""
    own = str(document["interpreter"]["label"])
    changed = False
    for entry in document["results"]:
        failure = entry.get("failure")
        if not str(entry["id"]).startswith("generated:") or not isinstance(failure, dict):
            continue
        key = program_hash(str(failure["program"]))
        elsewhere = {label: outcomes["%s %s" % (key, label)] for label in labels
                     if label != own and "%s %s" % (key, label) in outcomes}  # fmt: skip
        if elsewhere:
            failure["program_hash"] = key
            failure["elsewhere"] = elsewhere
            changed = True
    return changed


def read(folder: Path) -> dict[Path, dict[str, Any]]:
    documents: dict[Path, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            validate(document)
        except (OSError, UnicodeDecodeError, ValueError, InvalidResults) as error:
            print("crosscheck: %s left alone: not a results file (%s)" % (path, str(error).splitlines()[0]),
                  file=sys.stderr)  # fmt: skip
            continue
        documents[path] = document
    return documents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conformance.crosscheck", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER), help="the results files' folder")
    folder = Path(parser.parse_args(argv).folder)
    if not folder.is_dir():
        print("crosscheck: %s: no such folder" % folder, file=sys.stderr)
        return 2
    documents = read(folder)
    programs, commands = collect(documents)
    if not programs:
        print("crosscheck: no failure of a generated check to run elsewhere in %s" % folder)
        return 0
    outcomes = run_everywhere(programs, commands)
    for path, document in documents.items():
        if annotate(document, outcomes, sorted(commands)):
            atomic_write(path, json.dumps(document, indent=1) + "\n")
    print("crosscheck: %d program(s) run on %d interpreter(s)" % (len(programs), len(commands)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
