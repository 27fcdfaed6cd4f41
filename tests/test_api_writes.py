"""Writes through the API: token checks, size limits, ingest and coding jobs; closed reads."""
from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from realpolitik.events.parallel import CoderSpec
from realpolitik.records import Actor, Event
from realpolitik.web import Settings, create_app

TOKEN = "write-token-456"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = "Title: Talks\n\nRussia attacked Ukraine on Monday, officials said. Ukraine attacked back.\n"


class KeywordCoder:
    """Stand-in coder: one RUS->UKR assault per 'attacked' in the text (no spaCy model needed)."""

    version = "keyword/1"

    def code_docs(self, docs):
        for d in docs:
            text = d["text"]
            events, start = [], 0
            while (i := text.find("attacked", start)) >= 0:
                events.append(Event(
                    doc_id=d["id"], event_id=f"{d['id']}:{i}", date=d.get("date") or "2025-01-06",
                    source=Actor(text="Russia", code="RUS", country="RUS", name="Russia"),
                    target=Actor(text="Ukraine", code="UKR", country="UKR", name="Ukraine"), cameo="190",
                    cameo_label="Use conventional military force", plover="ASSAULT", plover_mode=None,
                    quad_class=4, goldstein=-10.0, trigger="attacked", sentence=text,
                    char_start=0, char_end=len(text), trigger_start=i, trigger_end=i + 8))
                start = i + 1
            yield d, events


def make_client(path, **kw) -> TestClient:
    settings = Settings(db=path, token=TOKEN, code_workers=1, coder_spec=CoderSpec(factory=KeywordCoder), **kw)
    return TestClient(create_app(settings))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with make_client(tmp_path_factory.mktemp("writes") / "w.duckdb", max_upload=20_000, max_body=2_000) as c:
        yield c


def wait(client, job_id: str, timeout: float = 30.0) -> dict:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        job = client.get(f"/api/jobs/{job_id}").json()["job"]
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")


@pytest.mark.parametrize("method, url, kw", [
    ("post", "/api/ingest/urls", {"json": {"urls": ["https://example.com/a"]}}),
    ("post", "/api/code", {"json": {}}),
    ("post", "/api/ingest/files", {"files": {"files": ("a.txt", b"hello", "text/plain")}}),
])
def test_writes_without_or_with_a_wrong_token_are_refused(client, method, url, kw):
    r = getattr(client, method)(url, **kw)
    assert r.status_code == 401 and "token" in r.json()["error"]
    assert r.headers["www-authenticate"] == "Bearer"
    r = getattr(client, method)(url, headers={"Authorization": "Bearer wrong"}, **kw)
    assert r.status_code == 403
    # The read cookie never authorises a write.
    client.cookies.set("realpolitik_token", TOKEN)
    try:
        assert getattr(client, method)(url, **kw).status_code == 401
    finally:
        client.cookies.clear()
    assert client.get("/api/status").json()["articles"] == 0  # nothing was written


def test_oversize_upload_is_413_by_length_and_by_bytes_read(client):
    big = b"x" * 30_000
    r = client.post("/api/ingest/files", headers=AUTH, files={"files": ("big.txt", big, "text/plain")})
    assert r.status_code == 413 and "20,000" in r.json()["error"]

    def chunks():  # no Content-Length: the limit must hold on the bytes actually received
        for _ in range(10):
            yield b"y" * 5_000

    r = client.post("/api/ingest/urls", headers={**AUTH, "Content-Type": "application/json"}, content=chunks())
    assert r.status_code == 413
    r = client.post("/api/ingest/urls", headers=AUTH, json={"urls": ["https://example.com/" + "a" * 3_000]})
    assert r.status_code == 413
    assert client.get("/api/status").json()["articles"] == 0


@pytest.mark.parametrize("body, status", [
    ({"urls": []}, 422),
    ({"urls": ["ftp://example.com/x"]}, 400),
    ({"urls": ["not a url"]}, 400),
    ({"links": ["https://example.com"]}, 422),
])
def test_bad_url_submissions(client, body, status):
    r = client.post("/api/ingest/urls", headers=AUTH, json=body)
    assert r.status_code == status and r.json()["error"]


def test_malformed_json_body_is_a_4xx_json_error(client):
    r = client.post("/api/code", headers={**AUTH, "Content-Type": "application/json"}, content=b"{oops")
    assert r.status_code == 422 and r.json()["error"]


def test_upload_then_code_as_jobs(client):
    files = [("files", ("../../etc/talks.txt", ARTICLE.encode(), "text/plain")),
             ("files", ("notes.md", b"# Weather\n\nIt was sunny in Paris all week long.\n", "text/markdown"))]
    r = client.post("/api/ingest/files", headers=AUTH, files=files)
    assert r.status_code == 202
    job = wait(client, r.json()["job"]["id"])
    assert job["status"] == "done", job
    assert job["result"]["counts"].get("stored") == 2
    status = client.get("/api/status").json()
    assert status["articles"] == 2 and status["uncoded"] == 2
    # Uploaded names are reduced to base names inside a private folder.
    keys = [x["item_key"] for x in status["recent"]]
    assert all(".." not in k.split("/")[-1] and "etc" not in k for k in keys)

    r = client.post("/api/code", headers=AUTH, json={"recode": False})
    job = wait(client, r.json()["job"]["id"])
    assert job["status"] == "done", job
    assert job["result"]["articles"] == 2 and job["result"]["events"] == 2 and job["done"] == 2
    events = client.get("/api/events", params={"source": "RUS"}).json()["events"]
    assert len(events) == 1 and events[0]["num_mentions"] == 2  # two reports roll up into one event
    assert client.get("/api/status").json()["uncoded"] == 0
    assert any(j["id"] == job["id"] for j in client.get("/api/jobs").json()["jobs"])


def test_private_urls_are_refused_inside_the_job(client):
    r = client.post("/api/ingest/urls", headers=AUTH, json={"urls": ["http://127.0.0.1:9/feed.xml"]})
    job = wait(client, r.json()["job"]["id"])
    assert job["status"] == "done" and job["result"]["counts"] == {"failed": 1}
    assert client.get("/api/jobs/nope").status_code == 404


def test_closed_reads_need_the_token_as_header_or_cookie(tmp_path):
    with make_client(tmp_path / "closed.duckdb", closed_reads=True) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer nope"}).status_code == 401
        assert c.get("/api/events", headers=AUTH).status_code == 200
        page = c.get("/events?actor=RUS", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"].startswith("/login?next=%2Fevents")
        assert c.post("/login", data={"token": "nope", "next": "/events"}).status_code == 403
        r = c.post("/login", data={"token": TOKEN, "next": "https://evil.example/"}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/"  # no open redirect
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert c.get("/api/events").status_code == 200  # the cookie now opens reads
        assert c.get("/events").status_code == 200


def test_writes_on_a_read_only_store_are_503(client, monkeypatch):
    # StoreHub falls back to read-only when the file cannot be opened for writing.
    from realpolitik.web.storeaccess import StoreHub

    monkeypatch.setattr(StoreHub, "writable", property(lambda self: False))
    r = client.post("/api/code", headers=AUTH, json={})
    assert r.status_code == 503 and "cannot be written" in r.json()["error"]
    assert client.get("/api/status").json()["writable"] is False
