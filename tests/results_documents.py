"""Builders of results documents for the report's tests: small, valid, and easy to vary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reports.schema import SCHEMA, summarize


def entry(check_id: str, outcome: str, level: str = "language", **extra: Any) -> dict[str, Any]:
    """A results entry; the area is the part of the id between ':' and '/' ("case:capture/x" -> capture)."""
    area = check_id.partition(":")[2].split("/")[0] if ":" in check_id else check_id.split("/", maxsplit=1)[0]
    return {
        "id": check_id,
        "area": area,
        "level": level,
        "outcome": outcome,
        "duration_s": 0.01,
        "programs": 1,
        **extra,
    }


def failure(program: str, expected: str, observed: str, repro: str = "python -m pytest x") -> dict[str, Any]:
    return {
        "program": program,
        "expected": "result: %s" % expected,
        "observed": "result: %s" % observed,
        "repro": repro,
        "mismatches": [{"expectation": "result == %s" % expected, "expected": expected, "observed": observed}],
    }


def document(
    label: str, entries: list[dict[str, Any]], started: str = "2026-11-01T10:00:00+00:00", commit: str = "abc123"
) -> dict[str, Any]:
    implementation, _, version = label.partition("-")
    return {
        "schema": SCHEMA,
        "status": "complete",
        "interpreter": {
            "command": "/usr/bin/%s" % label,
            "implementation": implementation,
            "version": version,
            "label": label,
            "sys_version": "%s (test build)" % version,
        },
        "suite": {"version": "0.1.0", "commit": commit},
        "started": started,
        "finished": started,
        "areas": [
            {"slug": "capture", "title": "Capture of enclosing variables"},
            {"slug": "late-binding", "title": "Late binding of free variables"},
            {"slug": "unbound", "title": "Unbound locals and empty cells"},
        ],
        "summary": summarize(entries),
        "results": entries,
    }


def write(folder: Path, name: str, doc: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


LATE = failure("fs = [lambda: i for i in range(3)]\nprobe('result', fs[0]())", "2", "0")


def two_machines(tmp_path: Path) -> tuple[Path, Path]:
    """Machine A ran 3.12 and PyPy; machine B ran 3.13 and 3.12 again, later."""
    a, b = tmp_path / "machine-a", tmp_path / "machine-b"
    write(
        a,
        "cpython-3.12.1.json",
        document("cpython-3.12.1", [entry("case:capture/x", "passed"), entry("case:late-binding/y", "passed")]),
    )
    write(
        a,
        "pypy-3.9.16.json",
        document(
            "pypy-3.9.16", [entry("case:capture/x", "passed"), entry("case:late-binding/y", "failed", failure=LATE)]
        ),
    )
    write(
        b,
        "cpython-3.13.0.json",
        document(
            "cpython-3.13.0",
            [
                entry("case:capture/x", "passed"),
                entry(
                    "case:late-binding/y", "xfailed", failure=LATE, expectation={"reason": "a known bug", "link": None}
                ),
            ],
        ),
    )
    write(
        b,
        "cpython-3.12.1.json",
        document(
            "cpython-3.12.1",
            [
                entry("case:capture/x", "failed", failure=failure("x = 1", "1", "2")),
                entry("case:late-binding/y", "passed"),
                entry("case:unbound/z", "skipped", skip_reason="needs 3.13"),
            ],
            started="2026-11-02T10:00:00+00:00",
        ),
    )
    return a, b


HOSTILE = "<script>alert('observed')</script>"


def hostile_results(folder: Path) -> Path:
    """A results file whose every string an interpreter could control carries markup."""
    bad = failure("probe('v', '%s')" % HOSTILE, "'ok'", HOSTILE, repro="echo '<img src=x onerror=alert(1)>'")
    return write(
        folder,
        "hostile.json",
        document(
            "evil-<b>1.0</b>",
            [
                entry("case:capture/<i>x</i>", "failed", failure=bad, description="<iframe src='https://example.org'>"),
                entry(
                    "case:late-binding/y",
                    "xfailed",
                    failure=bad,
                    expectation={"reason": "<u>r</u>", "link": "javascript:alert(1)"},
                ),
                entry("case:unbound/z", "error", message=HOSTILE),
            ],
        ),
    )
