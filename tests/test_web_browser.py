"""The dashboard in headless Chromium over a store built from the sample corpus (ingest + code).

Starts `realpolitik serve` on a free 127.0.0.1 port, loads every page, clicks from the overview
to a dyad, to an event and its highlighted sentence, checks that a title with <script> is shown
as text, and runs an upload through the ingest page. Skips when Chromium or Playwright is absent.
With REALPOLITIK_SCREENSHOTS=1 the main pages are saved to docs/screenshots/.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from realpolitik.config import SAMPLE_DIR

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
TOKEN = "browser-token"
ROOT = Path(__file__).resolve().parent.parent
HOSTILE = {"id": "hostile-1", "date": "2025-03-13", "source": "Test Wire",
           "title": "<script>window.__pwned = 1; alert('x')</script> Russian drones hit Kyiv",
           "url": "https://test-wire.example.com/hostile",
           "text": "Russian forces attacked Kyiv on Thursday, Ukrainian officials said. "
                   "Ukraine condemned Russia for the strike on the capital."}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    pytest.importorskip("playwright.sync_api")
    from realpolitik.store import open_store
    from realpolitik.store.events import code_store
    from realpolitik.ingest import ingest

    folder = tmp_path_factory.mktemp("browser")
    db = folder / "sample.duckdb"
    extra = folder / "hostile.jsonl"
    extra.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    with open_store(db) as store:
        ingest([str(SAMPLE_DIR), str(extra)], store)
        result = code_store(store, workers=2)
        assert result.events > 0
    port = _free_port()
    env = {**os.environ, "REALPOLITIK_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-m", "realpolitik", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"server did not start: {proc.stderr.read()[-2000:]}")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.errors, pg.dialogs = [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    # Plotly tries a <style> element first and logs the CSP refusal; any other refusal is a bug.
    pg.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text
          and "inline style" not in m.text and pg.errors.append(m.text))
    yield pg
    ctx.close()


def _shot(pg, name: str) -> None:
    if os.environ.get("REALPOLITIK_SCREENSHOTS"):
        out = ROOT / "docs" / "screenshots"
        out.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(out / f"{name}.png"), full_page=False)


CHART_PAGES = [("/", "overview"), ("/dyads/USA/RUS", "dyad"), ("/actors/RUS", "actor"), ("/network", "network")]


@pytest.mark.parametrize("path, name", CHART_PAGES)
def test_chart_pages_draw_plotly_charts(page, server, path, name):
    page.goto(server + path)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=15000)
    assert page.locator(".js-plotly-plot").count() >= 1
    # The base stylesheet served from the plotly package puts the layers on top of each other.
    assert page.eval_on_selector(".js-plotly-plot .main-svg", "e => getComputedStyle(e).position") == "absolute"
    assert not page.errors, page.errors
    _shot(page, name)


@pytest.mark.parametrize("path, name", [("/events", "events"), ("/brief?actors=RUS,USA,UKR", "brief"),
                                        ("/ingest", None), ("/docs", "api-docs")])
def test_other_pages_load(page, server, path, name):
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert not page.errors, page.errors
    if path == "/docs":  # Swagger UI renders after the spec loads
        page.wait_for_selector(".opblock", timeout=15000)
    if name:
        _shot(page, name)


def test_click_from_overview_to_the_highlighted_sentence(page, server):
    page.goto(server + "/")
    page.locator("a.dyad-link").first.click()
    page.wait_for_url("**/dyads/**")
    page.wait_for_selector(".js-plotly-plot")
    page.locator("table.events a.event-link").first.click()
    page.wait_for_url("**/events/**")
    mark = page.locator("mark.sentence").first
    assert mark.is_visible() and len(mark.inner_text()) > 20
    assert page.locator("strong.trigger").count() >= 1
    href = page.locator("a.source-link").first.get_attribute("href")
    assert href.startswith("https://")
    assert not page.errors, page.errors
    _shot(page, "event")


def test_a_click_on_the_activity_chart_opens_that_weeks_events(page, server):
    page.goto(server + "/")
    page.wait_for_selector("#activity-chart .main-svg")
    page.locator("#activity-chart .bars path").first.click(force=True)
    page.wait_for_url("**/events?*")
    assert "quad_class=" in page.url and "from=" in page.url
    assert page.locator("table.events a.event-link").count() >= 1
    assert not page.errors, page.errors


def test_a_click_on_the_dyad_timeline_opens_that_periods_events(page, server):
    page.goto(server + "/dyads/USA/RUS?freq=month")
    page.wait_for_selector("#timeline-chart .main-svg")
    page.locator("#timeline-chart .bars path").first.click(force=True)
    page.wait_for_url("**/events?*")
    assert "source=" in page.url and "target=" in page.url and "quad_class=" in page.url
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1 and "No events" not in rows.first.inner_text()
    assert not page.errors, page.errors


def test_script_in_a_title_is_shown_as_text(page, server):
    search = server + "/events?q=attacked%20Kyiv%20on%20Thursday"
    page.goto(search)
    n = page.locator("table.events a.event-link").count()
    assert n >= 1, "the coder found no event in the hostile article"
    titles = []
    for i in range(n):
        page.goto(search)
        page.locator("table.events a.event-link").nth(i).click()
        page.wait_for_url("**/events/**")
        titles += page.locator(".article-title").all_inner_texts()
    assert HOSTILE["title"] in titles  # shown literally, markup and all
    assert page.evaluate("window.__pwned") is None and not page.dialogs
    assert not page.errors, page.errors


def test_upload_through_the_ingest_page_shows_job_progress(page, server, tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("Finland summoned the Russian ambassador on Friday over airspace violations.\n", encoding="utf-8")
    page.goto(server + "/ingest")
    page.fill("#token", "wrong")
    page.dispatch_event("#token", "change")
    page.set_input_files("#upload-form input[type=file]", str(doc))
    page.click("#upload-form button")
    page.wait_for_selector("#ingest-message.error")
    assert "wrong token" in page.inner_text("#ingest-message")
    page.fill("#token", TOKEN)
    page.dispatch_event("#token", "change")
    page.click("#upload-form button")
    page.wait_for_selector("#jobs tr.job.done", timeout=20000)
    assert "1 stored" in page.inner_text("#jobs tr.job.done")
    # Then code it with the real coder, as a job of the running server.
    page.click("#code-form button")
    page.wait_for_selector("#jobs tbody tr.job.done + tr.job.done", timeout=120000)  # no eval under this CSP
    assert "coded 1 articles" in page.inner_text("#jobs tbody tr:first-child")
    assert not page.errors, page.errors
    _shot(page, "ingest")
