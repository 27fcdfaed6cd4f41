"""The HTML brief in headless Chromium: clicking a citation brings its highlighted passage into view."""
from __future__ import annotations

import os

import pytest

from realpolitik.brief import write_brief
from realpolitik.brief.screenshot import CHROMIUM
from test_brief_store import build

pytestmark = pytest.mark.browser


@pytest.fixture
def page(store, tmp_path):
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent")
    sync_api = pytest.importorskip("playwright.sync_api")
    from realpolitik.brief.screenshot import launch

    build(store)
    html = tmp_path / "brief.html"
    html.write_text(write_brief(store, "RUS,USA,UKR,NATO").to_html(), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        try:
            pg = browser.new_page(viewport={"width": 900, "height": 700})
            pg.goto(html.as_uri())
            yield pg
        finally:
            browser.close()


def _in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                      return r.top >= 0 && r.top < window.innerHeight && r.height > 0; }""", selector)


def test_clicking_a_citation_shows_the_highlighted_passage(page):
    links = page.locator("#glance a.cite")
    assert links.count() > 0
    href = links.first.get_attribute("href")
    target = f"li{href}"
    assert not _in_viewport(page, target)  # the appendix starts well below the first screen
    before = page.eval_on_selector(target, "e => getComputedStyle(e).backgroundColor")
    links.first.click()
    page.wait_for_function("(h) => location.hash === h", arg=href)
    passage = page.locator(target)
    assert passage.is_visible() and _in_viewport(page, target)
    after = page.eval_on_selector(target, "e => getComputedStyle(e).backgroundColor")
    assert after != before  # :target highlighting is on
    mark = passage.locator("mark").first
    assert mark.is_visible() and mark.inner_text().strip() in passage.inner_text()


def test_page_has_no_scripts_and_escaped_text(page):
    assert page.evaluate("document.scripts.length") == 0
    assert "<script>" in page.locator("body").inner_text()  # shown as text, never run
