"""The results file format, `closure-conformance/results/2`, and its validation.

Defined here, beside the code that writes results (conformance/engine/results.py);
the report (reports/) reads results files through this module and nothing else of
the suite. One JSON file per interpreter per run:

    schema       "closure-conformance/results/2"
    status       "running" while the run goes on; then "complete" when every check
                 collected has a result, otherwise "interrupted" (what finished is there)
    interpreter  command, implementation, version, label (and language, sys_version,
                 capabilities, excluded_constructs)
    suite        version, commit
    started, finished   ISO 8601 times (finished is null while running)
    summary      passed, failed, xfailed, xpassed, skipped, errors, programs
    areas        (optional) the catalogue of areas, in order: [{slug, title}]
    deviations   (optional) the catalogue of deviations the diagnoses name: {name: {name,
                 behaves_as, rule, cause, workaround, links, seen}} (conformance/model/deviations.py)
    results      one entry per check:
                   id (`case:<area>/<name>` or `generated:<area>/<level>`, see CHECK_KINDS),
                   area, level (one of LEVELS), outcome (one of OUTCOMES), duration_s,
                   programs, and for a failed check: failure (below);
                 optional: description, spec, path, skip_reason, message (an error's
                 text), unsupported [capability], expectation {check, reason, link}
                 (the expectations entry that made the check an expected failure),
                 known_differences and new_differences [{signature, programs,
                 program, headline, expectation?, reason?, deviations?, alternatives?}]
                 (ways a check differed that were listed, or, under --update-expectations,
                 collected; `deviations`: the deviations that explain them)
                 undetermined [{signature, programs, program, headline, reason}]
                 (programs that differed, explained by no deviation, whose prediction
                 under the deviations declared for the target the model leaves open:
                 not judged; `reason` says under which deviations, and why)
                 rules_followed {name: program} (deviations declared for the check whose
                 rule one of its programs showed the target following, each with the first
                 such program; looked for only while the deviation has explained no
                 program of the check).
                 A check id `deviation:<name>` is not a check but a deviation the
                 expectations declare: xfailed with the programs and cases it explained
                 (known_differences: one per check), xpassed when it explained nothing
                 though programs showed its rule followed, in a run of every check it is
                 declared for, skipped when the run cannot tell.

A failure has one shape, whatever the check:

    program      the (minimal) program's source
    against      what it was judged against: "the Language Reference", "the case's
                 expectations", or "the reference interpreter ..."
    differences  [{level, probe, facet, expected, observed}], program-level ones first
    signature    the way it differs, for expectation files (conformance/engine/checks.py)
    headline     the first difference in one line
    expected, observed   the differences as text, one line each
    repro        one command that shows the failure again
    optional:    replay (the pytest command), repro_script (a standalone script),
                 output (what the program printed), fault {outcome, detail,
                 evidence} (the program crashed, hung or broke the protocol),
                 diagnosis ("explained" or "unexplained": a generated program judged
                 against the model), deviations [name] (the smallest set of deviations
                 under which the model predicts what was observed), alternatives
                 [[name]] (other sets as small that explain it as well), undetermined
                 (why the model cannot judge it under the target's declared deviations),
                 expected_result (what it was judged against, in the runner's result
                 format), program_hash and elsewhere {label: {outcome, signature?,
                 same?, detail?}} (the program run on the run's other interpreters:
                 conformance/crosscheck.py)

Version 1 files (`closure-conformance/results/1`) are still read: their failures
have `mismatches` [{expectation, expected, observed}] for cases and no signature.
Readers ignore fields they do not know. A file that does not validate is reported
by name and reason, and skipped.
"""

from __future__ import annotations

from typing import Any

SCHEMA = "closure-conformance/results/2"
READABLE = ("closure-conformance/results/1", SCHEMA)  # the versions this suite reads

OUTCOMES = ("passed", "failed", "xfailed", "xpassed", "skipped", "error")
# language: Language Reference behaviour; data-model: __closure__, code objects,
# cells (documented, but an implementation may lack them); cpython-detail:
# orders, message texts, reprs.
LEVELS = ("language", "data-model", "cpython-detail")
SUMMARY_KEYS = ("passed", "failed", "xfailed", "xpassed", "skipped", "errors", "programs")
STATUSES = ("running", "complete", "interrupted")

# Kinds of check, by the prefix of their ids.
CASE, GENERATED = "case:", "generated:"
CHECK_KINDS = (CASE, GENERATED)
DEVIATION_RECORD = "deviation:"  # not a check: the record of a deviation the expectations declare

# How an outcome is counted in the summary.
SUMMARY_KEY_OF_OUTCOME = {
    "passed": "passed",
    "failed": "failed",
    "xfailed": "xfailed",
    "xpassed": "xpassed",
    "skipped": "skipped",
    "error": "errors",
}

FAILURE_KEYS = ("program", "expected", "observed", "repro")  # every version
FAILURE_KEYS_2 = ("differences", "signature")  # from version 2


class InvalidResults(ValueError):
    """A results document does not follow the schema; the message says where."""


def is_generated(check_id: str) -> bool:
    return check_id.startswith(GENERATED)


def summarize(results: list[dict[str, Any]]) -> dict[str, int]:
    """The outcomes of the checks, and their programs (the records of declared deviations are not checks)."""
    summary = dict.fromkeys(SUMMARY_KEYS, 0)
    for entry in results:
        if str(entry.get("id", "")).startswith(DEVIATION_RECORD):
            continue
        summary[SUMMARY_KEY_OF_OUTCOME[entry["outcome"]]] += 1
        summary["programs"] += int(entry.get("programs", 0))
    return summary


def validate(document: Any) -> None:
    """Raise InvalidResults naming the first thing wrong with a results document."""
    if not isinstance(document, dict):
        raise InvalidResults("not a JSON object")
    schema = document.get("schema")
    if schema not in READABLE:
        if isinstance(schema, str) and schema.startswith("closure-conformance/results/"):
            raise InvalidResults("schema %r is not one of %s: a newer suite wrote it; update this one to read it"
                                 % (schema, ", ".join(map(repr, READABLE))))  # fmt: skip
        raise InvalidResults("schema is %r, not %r" % (schema, SCHEMA))
    interpreter = _field(document, "interpreter", dict)
    for key in ("command", "implementation", "version", "label"):
        _field(interpreter, key, str, "interpreter.")
    suite = _field(document, "suite", dict)
    _field(suite, "version", str, "suite.")
    _field(document, "started", str)
    if "status" in document and document["status"] not in STATUSES:
        raise InvalidResults("status %r is not one of %s" % (document["status"], ", ".join(STATUSES)))
    summary = _field(document, "summary", dict)
    for key in SUMMARY_KEYS:
        _field(summary, key, int, "summary.")
    results = _field(document, "results", list)
    failure_keys = FAILURE_KEYS + (FAILURE_KEYS_2 if schema == SCHEMA else ())
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
        if "failure" in entry:
            failure = _field(entry, "failure", dict, where)
            for key in failure_keys:
                _field(failure, key, list if key == "differences" else str, where + "failure.")


def _field(container: dict[str, Any], key: str, kind: Any, prefix: str = "") -> Any:
    if key not in container:
        raise InvalidResults("%s%s is missing" % (prefix, key))
    value = container[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InvalidResults("%s%s has the wrong type (%s)" % (prefix, key, type(value).__name__))
    return value
