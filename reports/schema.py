"""The results file format, `closure-conformance/results/1`, and its validation.

One JSON file per interpreter per run:

    schema       "closure-conformance/results/1"
    status       "running" while the run goes on, then "complete" or "interrupted"
    interpreter  command, implementation, version, label (and language, capabilities)
    suite        version, commit
    started, finished   ISO 8601 times (finished is null while running)
    summary      passed, failed, xfailed, xpassed, skipped, errors, programs
    areas        (optional) the catalogue of areas, in order: [{slug, title}]
    results      one entry per check:
                   id, area, level (one of LEVELS), outcome (one of OUTCOMES),
                   duration_s, programs,
                   and for a failure: failure {program, expected, observed, repro};
                 optional: description, spec, path, skip_reason, message (an
                 error's text), expectation {check, reason, link} (the
                 expectations entry that made the check an xfail),
                 failure.mismatches [{expectation, expected, observed}] (a case)
                 or failure.differences [{level, probe, facet, expected,
                 observed}] (a generated program), failure.replay,
                 failure.fault {outcome, detail, evidence} (the program crashed,
                 hung or broke the protocol: outcome is crash, timeout,
                 protocol-error or cannot-start; evidence holds the signal or
                 exit_status and the tails of stderr and stdout, bounded)

Readers ignore fields they do not know. A file that does not validate is
reported by name and reason, and skipped.
"""

from __future__ import annotations

from typing import Any

SCHEMA = "closure-conformance/results/1"

OUTCOMES = ("passed", "failed", "xfailed", "xpassed", "skipped", "error")
# language: Language Reference behaviour; data-model: __closure__, code objects,
# cells (documented, but an implementation may lack them); cpython-detail:
# orders, message texts, reprs.
LEVELS = ("language", "data-model", "cpython-detail")
SUMMARY_KEYS = ("passed", "failed", "xfailed", "xpassed", "skipped", "errors", "programs")

# How an outcome is counted in the summary.
SUMMARY_KEY_OF_OUTCOME = {
    "passed": "passed",
    "failed": "failed",
    "xfailed": "xfailed",
    "xpassed": "xpassed",
    "skipped": "skipped",
    "error": "errors",
}


class InvalidResults(ValueError):
    """A results document does not follow the schema; the message says where."""


def summarize(results: list[dict[str, Any]]) -> dict[str, int]:
    summary = dict.fromkeys(SUMMARY_KEYS, 0)
    for entry in results:
        summary[SUMMARY_KEY_OF_OUTCOME[entry["outcome"]]] += 1
        summary["programs"] += int(entry.get("programs", 0))
    return summary


def validate(document: Any) -> None:
    """Raise InvalidResults naming the first thing wrong with a results document."""
    if not isinstance(document, dict):
        raise InvalidResults("not a JSON object")
    schema = document.get("schema")
    if schema != SCHEMA:
        if isinstance(schema, str) and schema.startswith("closure-conformance/results/"):
            raise InvalidResults("schema %r is not %r: a newer suite wrote it; update this one to read it"
                                 % (schema, SCHEMA))  # fmt: skip
        raise InvalidResults("schema is %r, not %r" % (schema, SCHEMA))
    interpreter = _field(document, "interpreter", dict)
    for key in ("command", "implementation", "version", "label"):
        _field(interpreter, key, str, "interpreter.")
    suite = _field(document, "suite", dict)
    _field(suite, "version", str, "suite.")
    _field(document, "started", str)
    summary = _field(document, "summary", dict)
    for key in SUMMARY_KEYS:
        _field(summary, key, int, "summary.")
    results = _field(document, "results", list)
    for index, entry in enumerate(results):
        where = "results[%d]." % index
        if not isinstance(entry, dict):
            raise InvalidResults("results[%d] is not an object" % index)
        for key in ("id", "area", "level", "outcome"):
            _field(entry, key, str, where)
        if entry["outcome"] not in OUTCOMES:
            raise InvalidResults("%soutcome %r is not one of %s" % (where, entry["outcome"], ", ".join(OUTCOMES)))
        _field(entry, "duration_s", (int, float), where)
        _field(entry, "programs", int, where)
        if entry["outcome"] in ("failed", "error") and "failure" in entry:
            failure = _field(entry, "failure", dict, where)
            for key in ("program", "expected", "observed", "repro"):
                _field(failure, key, str, where + "failure.")


def _field(container: dict[str, Any], key: str, kind: Any, prefix: str = "") -> Any:
    if key not in container:
        raise InvalidResults("%s%s is missing" % (prefix, key))
    value = container[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InvalidResults("%s%s has the wrong type (%s)" % (prefix, key, type(value).__name__))
    return value
