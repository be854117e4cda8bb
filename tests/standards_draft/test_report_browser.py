"""The HTML report in headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

No console errors, no network requests, no script from respondent text runs, and the evidence
explorer filters. A screenshot is saved to ``reports/test-artifacts/report_browser.png`` (or
``$REPORT_TEST_ARTIFACTS``). Skips where Chromium or Playwright is missing; never downloads a
browser.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from standards_draft.reports import build_reports
from tests.conftest import ROOT
from tests.standards_draft.test_reports import STAMP, make_workspace

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian chromium not installed (/usr/bin/chromium)")


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    ws = make_workspace(root / "ws")
    return build_reports(ws.path, root / "out", formats=("html",), generated_at=STAMP)["html"]


def _artifacts() -> Path:
    p = Path(os.environ.get("REPORT_TEST_ARTIFACTS", ROOT / "reports" / "test-artifacts"))
    p.mkdir(parents=True, exist_ok=True)
    return p


def test_report_in_headless_chromium(report_html: Path):
    check_report_in_chromium(report_html, "report_browser")


def check_report_in_chromium(report_html: Path, artifact: str) -> None:
    """Open ``report_html`` in headless Chromium, exercise the evidence explorer (which must
    hold the hostile answer ``<script>alert(1)</script>`` as text) and save screenshots
    ``<artifact>.png`` and ``<artifact>_explorer.png``."""
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright (PyPI) is not installed")
    console_errors: list[str] = []
    page_errors: list[str] = []
    requests: list[str] = []
    dialogs: list[str] = []
    user_data = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        with sync_api.sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                user_data, executable_path=str(CHROMIUM), headless=True, args=ARGS,
                viewport={"width": 1280, "height": 900})
            try:
                page = ctx.new_page()
                page.on("console", lambda m: console_errors.append(m.text)
                        if m.type == "error" else None)
                page.on("pageerror", lambda e: page_errors.append(str(e)))
                page.on("request", lambda r: requests.append(r.url))
                page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
                page.goto(report_html.as_uri(), wait_until="load")
                page.wait_for_selector("#ev-list li")

                count = page.locator("#ev-count")

                def matching() -> int:  # the explorer shows the first page of the matches
                    return int(count.inner_text().split()[0])

                total = matching()
                assert total > 3
                assert count.inner_text().startswith(f"{total} of {total}")
                assert 0 < page.locator("#ev-list li").count() <= total

                # filter by stance: every item shown has it, and fewer are shown
                page.select_option("#ev-filter-stance", "Opposition")
                items = page.locator("#ev-list li")
                n_oppose = matching()
                assert 0 < items.count() <= n_oppose < total
                assert set(items.evaluate_all("els => els.map(e => e.dataset.stance)")) == {
                    "Opposition"}
                assert count.inner_text().startswith(f"{n_oppose} of {total}")

                # add a language filter; then clear everything
                langs = page.locator("#ev-filter-language option").all_inner_texts()
                assert "German" in langs
                page.select_option("#ev-filter-language", "German")
                assert set(page.locator("#ev-list li").evaluate_all(
                    "els => els.map(e => e.dataset.language + '|' + e.dataset.stance)")) == {
                    "German|Opposition"}
                page.click("#ev-reset")
                assert matching() == total

                # filter by element and by words in the quote
                page.select_option("#ev-filter-element-label", index=1)
                el = page.locator("#ev-filter-element-label").input_value()
                shown = page.locator("#ev-list li").evaluate_all(
                    "els => els.map(e => e.dataset.element)")
                assert shown and set(shown) == {el.split(" ")[0]}
                page.click("#ev-reset")
                page.fill("#ev-search", "alert(1)")
                hostile = page.locator("#ev-list li .ev-quote").all_inner_texts()
                assert hostile and all("<script>alert(1)</script>" in t for t in hostile)

                # respondent text stayed text: no injected element, no dialog
                assert page.evaluate("document.querySelectorAll('script').length") == 2
                assert page.evaluate("document.querySelectorAll('main script').length") == 0
                page.click("#ev-reset")
                page.screenshot(path=str(_artifacts() / f"{artifact}.png"), full_page=False)
                page.locator("#explorer").screenshot(
                    path=str(_artifacts() / f"{artifact}_explorer.png"))
            finally:
                ctx.close()
    finally:
        shutil.rmtree(user_data, ignore_errors=True)
    assert not console_errors, console_errors
    assert not page_errors, page_errors
    assert not dialogs, dialogs
    assert requests and all(u.startswith(("file:", "data:")) for u in requests), requests
    assert sum(u.startswith("file:") for u in requests) == 1  # the page itself, nothing else
    assert (_artifacts() / f"{artifact}.png").stat().st_size > 10_000
