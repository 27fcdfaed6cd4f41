"""JSON API reads with FastAPI's TestClient: every read endpoint, filters, paging, bad requests."""
from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from test_web_support import EVENT_ID, HOSTILE_TITLE, LAST_DAY, SENTENCE, build_api_store

from realpolitik.web import Settings, create_app

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    build_api_store(path).close()
    app = create_app(Settings(db=path, token=TOKEN))
    with TestClient(app) as c:
        yield c


def test_events_newest_first_and_cursor_pages_cover_everything(client):
    total = client.app.state.hub.view().scalar(
        "SELECT count(*) FROM events WHERE source_country = 'USA' OR target_country = 'USA'")
    seen, cursor, pages = [], None, 0
    while True:
        params = {"actor": "USA", "limit": 500}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/api/events", params=params).json()
        rows = body["events"]
        seen += [(r["date"], r["event_id"]) for r in rows]
        cursor, pages = body["next_cursor"], pages + 1
        if not cursor:
            break
    assert pages > 1
    # Every event with USA on either side appears exactly once, across the widening windows.
    assert len(set(seen)) == len(seen) == total
    assert seen == sorted(seen, reverse=True)


def test_recent_window_gives_the_same_page_as_a_full_scan(client):
    from realpolitik.web import events_query

    for params in ({"limit": 20}, {"source": "RUS", "quad_class": 2, "limit": 200}, {"q": "attacked Kyiv"}):
        fast = client.get("/api/events", params=params).json()
        saved = events_query.WINDOWS_DAYS
        events_query.WINDOWS_DAYS = ()
        try:
            full = client.get("/api/events", params=params).json()
        finally:
            events_query.WINDOWS_DAYS = saved
        assert fast == full and fast["events"]


def test_event_filters_are_applied(client):
    rows = client.get("/api/events", params={"source": "RUS", "quad_class": 4, "limit": 200}).json()["events"]
    assert rows and all(r["source_country"] == "RUS" and r["quad_class"] == 4 for r in rows)
    rows = client.get("/api/events", params={"cameo": "19", "plover": "assault"}).json()["events"]
    assert rows and all(r["cameo"].startswith("19") and r["plover"] == "ASSAULT" for r in rows)
    rows = client.get("/api/events", params={"from": "2024-02-01", "to": "2024-02-03", "limit": 500}).json()["events"]
    assert rows and all("2024-02-01" <= r["date"] <= "2024-02-03" for r in rows)
    rows = client.get("/api/events", params={"q": "attacked Kyiv"}).json()["events"]
    assert [r["event_id"] for r in rows] == [EVENT_ID]
    rows = client.get("/api/events", params={"negated": "true", "limit": 50}).json()["events"]
    assert rows and all(r["negated"] for r in rows)


@pytest.mark.parametrize("params, status, words", [
    ({"cameo": "x1"}, 400, "cameo"),
    ({"plover": "HUGS"}, 400, "plover"),
    ({"quad_class": 7}, 422, "quad_class"),
    ({"from": "2024-13-01"}, 422, "from"),
    ({"from": "2024-03-01", "to": "2024-02-01"}, 400, "after"),
    ({"cursor": "not-a-cursor!"}, 400, "cursor"),
    ({"limit": 0}, 422, "limit"),
    ({"actor": "Nobody Imaginary Person"}, 422, "actor"),
])
def test_bad_event_queries_get_a_json_error(client, params, status, words):
    r = client.get("/api/events", params=params)
    assert r.status_code == status
    assert words in r.json()["error"]


def test_one_event_with_its_sentence_and_trigger(client):
    e = client.get(f"/api/events/{EVENT_ID}").json()
    assert e["source_code"] == "RUSMIL" and e["cameo"] == "190"
    (m,) = e["mentions"]
    assert m["title"] == HOSTILE_TITLE and m["sentence"] == SENTENCE
    assert "".join(p["text"] for p in m["pieces"]) == SENTENCE
    assert [p["text"] for p in m["pieces"] if p["trigger"]] == ["attacked"]
    assert m["context"]["before"].endswith("Monday. ") and m["context"]["after"].startswith(" Ukraine")
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404 and "not found" in r.json()["error"]


def test_csv_export_matches_the_listing(client):
    r = client.get("/api/events/export", params={"source": "UKR", "limit": 300})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    listed = client.get("/api/events", params={"source": "UKR", "limit": 300}).json()["events"]
    assert [x["event_id"] for x in rows] == [x["event_id"] for x in listed]
    assert client.get("/api/events/export", params={"cameo": "abc"}).status_code == 400


def test_actor_search_resolve_and_summary(client):
    found = client.get("/api/actors", params={"q": "rus"}).json()["actors"]
    assert found and all("RUS" in a["code"] for a in found)
    resolved = client.get("/api/actors/resolve", params={"name": "Putin"}).json()["actors"]
    assert resolved and resolved[0]["country"] == "RUS"
    assert client.get("/api/actors/resolve").status_code == 422
    s = client.get("/api/actors/RUS").json()
    assert s["totals"]["as_source"] > 0
    assert any(q["event_id"] == EVENT_ID for q in s["quotes"])
    counts = {c["counterpart"]: c for c in s["counterparts"]}
    assert "UKR" in counts and counts["UKR"]["outgoing"] > 0


def busiest_pair(client) -> tuple[str, str]:
    row = client.app.state.hub.view().execute(
        "SELECT source_country, target_country FROM events WHERE source_country <> target_country "
        "GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1").fetchone()
    return row[0], row[1]


def test_dyad_series_both_ways(client):
    a, b = busiest_pair(client)
    d = client.get(f"/api/dyads/{a}/{b}", params={"freq": "month"}).json()
    directions = {r["direction"] for r in d["series"]}
    assert directions == {f"{a}->{b}", f"{b}->{a}", "both"}
    both = sum(r["events"] for r in d["series"] if r["direction"] == "both")
    parts = sum(r["events"] for r in d["series"] if r["direction"] != "both")
    assert both == parts > 0
    assert client.get("/api/dyads/USA/RUS", params={"freq": "year"}).status_code == 422
    r = client.get("/api/dyads/USA/Nobody Imaginary")
    assert r.status_code == 422 and "actor" in r.json()["error"]


def test_profile_network_shifts_forecast(client):
    p = client.get("/api/profiles/RUS", params={"top": 3}).json()
    assert p["actor"] == "RUS" and p["distinctive"] and "all_scores" not in p
    n = client.get("/api/network", params={"min_events": 5}).json()
    assert n["nodes"] and n["edges"] and all(e["events"] >= 5 for e in n["edges"])
    s = client.get("/api/shifts", params={"baseline": 4, "limit": 5, "from": "2024-04-01"}).json()
    assert len(s["alerts"]) <= 5
    a, b = busiest_pair(client)
    f = client.get(f"/api/forecast/{a}/{b}", params={"horizon": "7d"}).json()
    assert f["as_of"] == str(LAST_DAY.fromordinal(LAST_DAY.toordinal() + 1))
    assert all(0.0 <= v <= 1.0 for v in f["cameo_root"].values())
    assert client.get(f"/api/forecast/{a}/{b}", params={"horizon": "9d"}).status_code == 422


def test_brief_in_three_formats(client):
    j = client.get("/api/briefs", params={"actors": "RUS,UKR", "from": "2024-05-01"})
    if j.status_code == 501:
        pytest.skip("briefs not available")
    assert j.status_code == 200 and j.json()["headline"]
    md = client.get("/api/briefs", params={"actors": "RUS,UKR", "from": "2024-05-01", "format": "md"})
    assert md.headers["content-type"].startswith("text/markdown") and md.text.strip()
    html = client.get("/api/briefs", params={"actors": "RUS,UKR", "from": "2024-05-01", "format": "html"})
    assert html.headers["content-type"].startswith("text/html")
    assert "script-src" not in html.headers["content-security-policy"]  # no script may run at all
    assert "<script>alert" not in html.text


def test_status_reports_counts(client):
    s = client.get("/api/status").json()
    assert s["articles"] == 1 and s["events"] > 1000 and s["writable"] is True
    assert s["last_event"] == str(LAST_DAY)


def test_every_response_has_the_security_headers(client):
    for url in ("/api/events", "/api/events/nope", "/", "/static/app.css", "/openapi.json"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_a_missing_pipeline_stage_is_501_not_a_crash(client, monkeypatch):
    import sys

    from realpolitik.web import cache

    cache.clear()
    monkeypatch.setitem(sys.modules, "realpolitik.brief", None)  # import fails as if not installed
    r = client.get("/api/briefs", params={"actors": "RUS"})
    assert r.status_code == 501 and "not available" in r.json()["error"]
    page = client.get("/brief", params={"actors": "RUS"})
    assert page.status_code == 200 and "not available" in page.text
