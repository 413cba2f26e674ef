"""The HTML report: static, self-contained pages rendered from Jinja2 templates.

    index.html                   the matrix of areas x interpreters, scores, interop, chart,
                                 the deviations and the bug reports
    interpreter-<label>.html     each difference of one interpreter, with its minimal program,
                                 and its deviations with what each explained
    area-<area>.html             every check of one area on every interpreter
    deviation-<name>.html        one deviation: its document, the interpreters that show it
    bug-<key>.html               a difference no deviation explains, as a bug report to file
    summary.md                   the same in short, for a CI job summary

Every string from a results file reaches the page through Jinja2's autoescaping;
the only markup not escaped by it is Pygments' output (which escapes the program
itself). Links from a results file are shown as links only when they are http(s).
The pages load nothing: styles are inline, charts are inline SVG, no script.
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import jinja2
import pygments
import pygments.formatters
import pygments.lexers
from markupsafe import Markup

from conformance.engine.schema import LEVELS
from reports import charts, markdown
from reports.analysis import Report, safe_slug, score

TEMPLATES = Path(__file__).resolve().parent / "templates"
SHOWN_CHARACTERS = 4000  # of one value; a flood of output is cut, and says so

_FORMATTER = pygments.formatters.HtmlFormatter(cssclass="highlight")
_LEXER = pygments.lexers.PythonLexer()


def highlight(source: str) -> Markup:
    return Markup(pygments.highlight(source, _LEXER, _FORMATTER))  # Pygments escapes the source


STANDALONE_PROBES = (TEMPLATES / "probes.py").read_text(encoding="utf-8")


def standalone(program: str) -> str:
    """The program with print-only stand-ins for the probes it calls, to paste into any Python."""
    return STANDALONE_PROBES + program if "probe" in program else program


def when(timestamp: Any) -> str:
    """2026-11-21T20:46:21+00:00 -> 2026-11-21 20:46 UTC (as given when it is not ISO 8601)."""
    try:
        moment = datetime.datetime.fromisoformat(str(timestamp))
    except ValueError:
        return str(timestamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M") + (" UTC" if moment.tzinfo is not None else "")


def clip(value: Any) -> str:
    text = str(value)
    if len(text) <= SHOWN_CHARACTERS:
        return text
    return "%s\n... (%d more characters)" % (text[:SHOWN_CHARACTERS], len(text) - SHOWN_CHARACTERS)


def web_link(url: Any) -> str | None:
    """The URL if it is safe to put in an href (http or https), else None."""
    if isinstance(url, str) and url.lower().startswith(("https://", "http://")):
        return url
    return None


def outcome_class(outcome: str) -> str:
    return {
        "passed": "pass",
        "xpassed": "xpass",
        "failed": "fail",
        "error": "fail",
        "xfailed": "known",
        "skipped": "skip",
    }.get(outcome, "skip")


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        highlight=highlight, clip=clip, web_link=web_link, outcome_class=outcome_class, when=when, standalone=standalone
    )
    env.globals.update(LEVELS=LEVELS, score=score, pygments_css=_pygments_css())
    return env


def _pygments_css() -> str:
    return str(_FORMATTER.get_style_defs(".highlight"))  # type: ignore[no-untyped-call]


def render(report: Report, generated: str | None = None) -> dict[str, str]:
    """File name -> content of every file of the report."""
    env = environment()
    generated = generated or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    taken: set[str] = set()
    area_pages = {area.slug: "area-%s.html" % safe_slug(area.slug, taken) for area in report.areas}
    pages = {interpreter.label: "interpreter-%s.html" % interpreter.slug for interpreter in report.interpreters}
    deviation_pages = {row.name: "deviation-%s.html" % safe_slug(row.name, taken) for row in report.deviations}
    bug_pages = {d.key: "bug-%s.html" % d.key for d in report.bug_reports()}
    common = {
        "report": report,
        "generated": generated,
        "area_pages": area_pages,
        "interpreter_pages": pages,
        "deviation_pages": deviation_pages,
        "bug_pages": bug_pages,
    }
    files = {
        "index.html": env.get_template("index.html").render(common, chart=charts.pass_rates(report.interpreters)),
        "summary.md": markdown.summary(report, pages),
    }
    for interpreter in report.interpreters:
        files[pages[interpreter.label]] = env.get_template("interpreter.html").render(
            common, interpreter=interpreter, trend=charts.trend(interpreter)
        )
    for area in report.areas:
        files[area_pages[area.slug]] = env.get_template("area.html").render(common, area=area)
    for row in report.deviations:
        files[deviation_pages[row.name]] = env.get_template("deviation.html").render(common, row=row)
    for difference in report.bug_reports():
        files[bug_pages[difference.key]] = env.get_template("bug.html").render(common, d=difference)
    return files


def write(files: dict[str, str], out: Path) -> None:
    """Replace the folder `out` with these files, so it never mixes two reports."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="." + out.name + "-", dir=out.parent))
    try:
        for name, content in files.items():
            (staging / name).write_text(content, encoding="utf-8")
        os.chmod(staging, 0o755)
        old = None
        if out.exists():
            old = out.with_name("." + out.name + "-old-%d" % os.getpid())
            os.replace(out, old)
        os.replace(staging, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
