"""The built report in a real browser: headless Chromium, driven by Playwright.

Chromium is the system's (Debian: `apt-get install chromium`; elsewhere set
CHROMIUM=/path/to/chrome). Without it the tests are skipped, except under CI,
where a missing browser fails them. Set REPORT_SCREENSHOTS=DIR to keep
screenshots of the pages the tests open.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from reports import build
from tests.support import HOSTILE, hostile_results, two_machines

playwright_api = pytest.importorskip("playwright.sync_api", reason="the browser tests need Playwright")
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium found for the browser tests (apt-get install chromium, or set CHROMIUM)")
        pytest.skip("no Chromium found (apt-get install chromium, or set CHROMIUM)")
    with playwright_api.sync_playwright() as playwright:
        # --no-sandbox: Chromium's sandbox refuses to run as root, as CI containers do
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report merged from two machines' folders, one of them holding a hostile results file."""
    root = tmp_path_factory.mktemp("browser")
    folders = [*two_machines(root), hostile_results(root / "hostile").parent]
    out = root / "html"
    assert build.main([*map(str, folders), "--out", str(out), "--quiet"]) == 0
    return out


class Watched:
    """A page, with every dialog, console error and non-file request it caused."""

    def __init__(self, browser) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.incidents: list[str] = []
        self.page.on("dialog", self.on_dialog)
        self.page.on("console", self.on_console)
        self.page.on("pageerror", lambda error: self.incidents.append("page error: %s" % error))
        self.page.on("request", self.on_request)

    def on_dialog(self, dialog) -> None:
        self.incidents.append("dialog: " + dialog.message)
        dialog.dismiss()

    def on_console(self, message) -> None:
        if message.type == "error":
            self.incidents.append("console: " + message.text)

    def on_request(self, request) -> None:
        if not request.url.startswith("file:"):
            self.incidents.append("request: " + request.url)

    def open(self, path: Path, fragment: str = "") -> None:
        self.page.goto(path.as_uri() + fragment)

    def screenshot(self, name: str) -> None:
        folder = os.environ.get("REPORT_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(folder) / name), full_page=True)


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    page = Watched(browser)
    yield page
    page.page.close()
    assert page.incidents == []


def test_the_overview_shows_the_matrix_and_the_chart(watched: Watched, report: Path) -> None:
    watched.open(report / "index.html")
    page = watched.page
    headings = page.locator("table.matrix thead th.interp")
    assert [text.strip() for text in headings.all_inner_texts()] == ["3.12", "3.13", "evil<b>1.0</b>", "pypy3.9"]
    assert page.locator("table.matrix tbody tr").count() == 3  # capture, late-binding, unbound
    failing = page.locator("table.matrix .lvl.fail").first
    assert failing.is_visible()
    assert page.locator("table.matrix .lvl.known").first.is_visible()
    assert page.locator("svg.chart rect").count() >= 4
    assert page.locator("#problems").count() == 0
    box = page.locator("table.matrix").bounding_box()
    assert box is not None and box["width"] > 400 and box["height"] > 100
    watched.screenshot("overview.png")


def test_a_difference_page_shows_the_program_and_links_to_the_same_difference_elsewhere(
    watched: Watched, report: Path
) -> None:
    watched.open(report / "index.html")
    page = watched.page
    page.locator("table.matrix thead").get_by_role("link", name="pypy3.9").click()
    assert page.url.endswith("interpreter-pypy-3.9.16.html")
    difference = page.locator("section.difference").first
    assert difference.is_visible()
    assert difference.locator(".highlight").first.is_visible()
    cells = difference.locator("table.sidebyside tbody td").all_inner_texts()
    assert cells == ["result value", "returns 2", "returns 0"]
    assert "python -m pytest" in difference.locator(".command").first.inner_text()
    key = difference.get_attribute("id")
    watched.screenshot("difference.png")
    difference.locator(".also").get_by_role("link", name="3.13").click()
    assert page.url.endswith("interpreter-cpython-3.13.0.html#%s" % key)
    target = page.locator("#" + key)
    assert target.is_visible()
    assert "known" in target.get_attribute("class")
    playwright_api.expect(target).to_be_in_viewport()  # the browser scrolled to it


def test_every_link_leads_to_a_page_and_an_anchor_that_exist(watched: Watched, report: Path) -> None:
    page = watched.page
    checked = 0
    for source in sorted(report.glob("*.html")):
        watched.open(source)
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                continue
            assert parts.scheme == "file", "%s links to %s" % (source.name, href)
            target = Path(unquote(parts.path))
            assert target.is_file(), "%s links to a missing %s" % (source.name, href)
            if parts.fragment:
                watched.open(target)
                assert page.locator("#" + parts.fragment).count() == 1, "%s: no #%s" % (target.name, parts.fragment)
            checked += 1
    assert checked > 20


def test_markup_from_an_interpreter_is_shown_as_text_and_never_runs(watched: Watched, report: Path) -> None:
    watched.open(report / "index.html")
    page = watched.page
    page.locator("table.matrix thead").get_by_role("link", name="evil<b>1.0</b>").click()
    assert page.locator("script, iframe, img").count() == 0
    assert page.get_by_text(HOSTILE, exact=True).first.is_visible()
    assert page.locator("h1").inner_text().startswith("evil-<b>1.0</b>")
    javascript_links = page.eval_on_selector_all("a[href^='javascript']", "links => links.length")
    assert javascript_links == 0
