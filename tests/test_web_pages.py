"""Dashboard pages through TestClient: each renders, escapes article text, runs no inline script."""
from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from test_web_support import EVENT_ID, HOSTILE_TITLE, SENTENCE, build_api_store

from realpolitik.web import Settings, create_app
from realpolitik.web.pages.common import json_block, safe_url
from realpolitik.web.plotly_css import rules_from, selector

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "pages.duckdb"
    build_api_store(path).close()
    with TestClient(create_app(Settings(db=path, token="t"))) as c:
        yield c


PAGES = ["/", "/events", "/events?actor=RUS&quad_class=4", "/actors", "/actors?q=ru", "/actors/RUS",
         "/actors/UKR?toward=RUS", "/dyads/RUS/UKR", "/dyads/RUS/UKR?freq=month&from=2024-03-01",
         "/network", "/network?level=code&min_events=3", "/brief", "/brief?actors=RUS,UKR", "/ingest",
         f"/events/{EVENT_ID}", "/docs", "/login"]


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_without_inline_script(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert not INLINE_SCRIPT.search(r.text), INLINE_SCRIPT.search(r.text).group(0)
    assert "<script>alert" not in r.text
    # Every JSON data block parses (the charts read them).
    for block in re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', r.text, re.S):
        json.loads(block)


def test_event_page_shows_the_sentence_with_the_trigger_and_escapes_the_title(client):
    html = client.get(f"/events/{EVENT_ID}").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Kyiv struck &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert '<strong class="trigger">attacked</strong>' in html
    sentence = re.search(r'<mark class="sentence">(.*?)</mark>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", sentence) == SENTENCE
    assert "javascript:" not in html  # the article's javascript: URL is not made a link
    assert "we will &lt;i&gt;answer&lt;/i&gt;" in html


def test_overview_links_lead_to_dyads_and_events(client):
    html = client.get("/").text
    dyads = re.findall(r'class="dyad-link" href="(/dyads/[^"]+)"', html)
    events = re.findall(r'class="event-link" href="(/events/[^"]+)"', html)
    assert dyads and events
    assert client.get(dyads[0]).status_code == 200
    assert client.get(events[0]).status_code == 200
    activity = json.loads(re.search(r'id="activity-data">(.*?)</script>', html, re.S).group(1))
    assert len(activity["weeks"]) >= 20 and set(activity["series"]) == {"1", "2", "3", "4"}


def test_events_explorer_pages_and_exports_with_the_same_filters(client):
    html = client.get("/events?source=RUS&limit=20").text
    assert html.count('class="event-link"') == 20
    nxt = re.search(r'class="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "cursor=" in nxt and "source=RUS" in nxt
    assert client.get(nxt).status_code == 200
    export = re.search(r'href="(/api/events/export\?[^"]+)"', html).group(1).replace("&amp;", "&")
    assert "source=RUS" in export and client.get(export).status_code == 200
    bad = client.get("/events?cameo=zz")
    assert bad.status_code == 200 and "cameo" in bad.text and 'class="error"' in bad.text


def test_unknown_things_get_clear_pages(client):
    assert client.get("/events/nope").status_code == 404
    assert 'class="error"' in client.get("/dyads/RUS/Nobody Imaginary").text
    r = client.get("/dyad?a=RUS&b=UKR", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/dyads/RUS/UKR"


def test_static_assets_and_offline_plotly(client):
    js = client.get("/vendor/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    css = client.get("/vendor/plotly.css").text
    assert ".js-plotly-plot .plotly .main-svg {position:absolute;" in css
    assert client.get("/static/js/app.js").status_code == 200


def test_json_block_cannot_end_its_script_element():
    text = str(json_block({"title": HOSTILE_TITLE + "</script><script>x()</script>"}))
    assert "</script" not in text.lower() and "<" not in text
    assert json.loads(text)["title"].endswith("</script><script>x()</script>")


def test_only_http_links():
    assert safe_url("https://example.com/a") == "https://example.com/a"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert safe_url(None) is None


def test_plotly_rules_are_read_from_the_object_literal():
    js = 'var a=1,r={"X,X div":"margin:0;","X .main-svg":\'position:absolute;top:0;\',"Y p":"x:\\"y\\";"};'
    assert rules_from(js) == [("X,X div", "margin:0;"), ("X .main-svg", "position:absolute;top:0;"),
                              ("Y p", 'x:"y";')]
    assert selector("X .modebar") == ".js-plotly-plot .plotly .modebar"
    assert rules_from("no rules here") == []


def test_docs_without_swagger_bundle_list_every_operation(tmp_path, monkeypatch):
    import realpolitik.web.app as web_app

    monkeypatch.setattr(web_app, "swagger_dir", lambda: None)
    with TestClient(create_app(Settings(db=tmp_path / "d.duckdb", token="t"))) as c:
        html = c.get("/docs").text
        spec = c.get("/openapi.json").json()
    for path in spec["paths"]:
        assert f"<code>{path}</code>" in html
    assert "bearer" in json.dumps(spec["components"]["securitySchemes"]).lower()


def test_unknown_addresses_get_a_page_for_browsers_and_json_for_clients(client):
    page = client.get("/no/such/page", headers={"Accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "There is no page" in page.text
    api = client.get("/api/nothing", headers={"Accept": "text/html"})
    assert api.status_code == 404 and api.json() == {"error": "Not Found"}


@pytest.mark.parametrize("url", ["/", "/events", "/actors/RUS", "/dyads/RUS/UKR", "/network", "/brief?actors=RUS",
                                 "/api/events", "/api/network", "/api/shifts", "/api/status", "/api/briefs"])
def test_a_new_empty_store_serves_every_page(tmp_path, url):
    with TestClient(create_app(Settings(db=tmp_path / "empty.duckdb", token="t"))) as c:
        r = c.get(url)
    assert r.status_code == 200, r.text[:300]


def test_overview_and_actor_counterparts_keep_organisations_apart(store):
    from realpolitik.analysis.simulate import events_table, write_events
    from realpolitik.web.actors_query import summary
    from realpolitik.web.pages.overview import top_dyads

    rows = [{"date": "2024-05-01", "source": "RUS", "target": "IGONATO", "target_country": "IGO", "root": "13"}] * 3
    rows += [{"date": "2024-05-01", "source": "IGOEU", "source_country": "IGO", "target": "RUS", "root": "17"}] * 2
    rows += [{"date": "2024-05-02", "source": "IGOEU", "source_country": "IGO", "target": "IGONATO",
              "target_country": "IGO", "root": "04"}]
    write_events(store, events_table([{**r, "event_id": f"w{i}"} for i, r in enumerate(rows)]))
    dyads = {(d["a"], d["b"]): d["events"] for d in top_dyads(store, None)}
    assert dyads == {("RUS", "IGONATO"): 3, ("IGOEU", "RUS"): 2, ("IGOEU", "IGONATO"): 1}
    cps = {c["counterpart"]: c for c in summary(store, "RUS")["counterparts"]}
    assert cps["IGONATO"]["outgoing"] == 3 and cps["IGOEU"]["incoming"] == 2 and "IGO" not in cps
