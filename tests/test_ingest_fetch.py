"""URL ingest against a local HTTP server: pages, feeds, SSRF refusals, size cap, timeouts."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from realpolitik.ingest import fetch as fetch_mod
from realpolitik.ingest import ingest
from realpolitik.ingest.fetch import blocked_reason, fetch
from realpolitik.ingest.items import InputError

FIX = Path(__file__).parent / "fixtures" / "ingest"
ROUTES = {
    "/page.html": ("text/html; charset=utf-8", (FIX / "page.html").read_bytes()),
    "/feed": ("application/rss+xml", (FIX / "feed.rss").read_bytes()),
    "/feed-as-html": ("text/html", (FIX / "feed.atom").read_bytes()),
    "/big.html": ("text/html", b"<html><body>" + b"<p>Talks went on and on.</p>" * 20000 + b"</body></html>"),
}


class _Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        type(self).hits.append(self.path)
        if self.path.startswith("/redirect?to="):
            self.send_response(302)
            self.send_header("Location", self.path.split("=", 1)[1])
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(3)
        if self.path not in ROUTES:
            self.send_error(404)
            return
        ctype, body = ROUTES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def loopback_is_public(monkeypatch):
    """Let the test server stand in for a public host, so a redirect from it can be checked."""
    real = fetch_mod.blocked_reason
    monkeypatch.setattr(fetch_mod, "blocked_reason", lambda a: None if a == "127.0.0.1" else real(a))


@pytest.mark.parametrize("address,why", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.10", "private"),
    ("169.254.169.254", "link-local"), ("224.0.0.1", "multicast"), ("0.0.0.0", "unspecified"),
    ("240.0.0.1", "reserved"), ("100.64.0.1", "non-public"), ("::ffff:10.0.0.1", "private"),
])
def test_blocked_addresses(address, why):
    assert blocked_reason(address) == why


def test_public_address_allowed():
    assert blocked_reason("93.184.215.14") is None and blocked_reason("2606:4700::1111") is None


def test_loopback_refused_without_flag(store, server):
    before = len(_Handler.hits)
    report = ingest([server + "/page.html"], store)
    result = report.results[0]
    assert result.status == "failed"
    assert "refused" in result.reason and "loopback address 127.0.0.1" in result.reason
    assert "--allow-private" in result.reason
    assert len(_Handler.hits) == before  # no request was made
    assert store.scalar("SELECT status FROM ingest_log WHERE item_key = ?", [server + "/page.html"]) == "failed"


def test_localhost_name_refused():
    with pytest.raises(InputError, match="loopback"):
        fetch("http://localhost:9/")


def test_page_fetched_with_allow_private(store, server):
    report = ingest([server + "/page.html"], store, allow_private=True)
    assert report.results[0].status == "stored"
    row = store.rows("SELECT title, date, url, origin, text FROM articles")[0]
    assert row["title"] == "Morocco and Spain agree to expand ferry links"
    assert row["origin"] == server + "/page.html"
    assert "Related stories" not in row["text"]
    # a settled page is not fetched again
    before = len(_Handler.hits)
    again = ingest([server + "/page.html"], store, allow_private=True)
    assert again.results[0].status == "unchanged" and len(_Handler.hits) == before


def test_feed_url_by_content_type_and_by_content(store, server):
    report = ingest([server + "/feed", server + "/feed-as-html"], store, allow_private=True)
    keys = sorted(r.item_key for r in report.results)
    assert [r.status for r in report.results] == ["stored"] * 3
    assert keys[0] == server + "/feed#ht-2024-08-29-defence-pact"
    assert any(k.startswith(server + "/feed-as-html#tag:steppe") for k in keys)


def test_redirect_to_private_address_refused(store, server, loopback_is_public):
    url = server + "/redirect?to=http://169.254.169.254/latest/meta-data/"
    report = ingest([url], store)
    reason = report.results[0].reason
    assert report.results[0].status == "failed"
    assert reason.startswith("redirect to http://169.254.169.254/latest/meta-data/ refused")
    assert "link-local" in reason


def test_redirect_to_public_page_followed(store, server, loopback_is_public):
    url = server + "/redirect?to=/page.html"
    report = ingest([url], store)
    assert report.results[0].status == "stored"
    assert store.scalar("SELECT origin FROM articles") == url


def test_non_http_scheme_refused(store):
    report = ingest(["file:///etc/passwd", "ftp://example.org/x"], store)
    assert [r.status for r in report.results] == ["failed", "failed"]
    assert all("only http and https" in r.reason for r in report.results)


def test_oversize_page_refused(store, server):
    report = ingest([server + "/big.html"], store, allow_private=True, max_bytes=100_000)
    assert report.results[0].status == "failed"
    assert report.results[0].reason.startswith("page too large")


def test_read_timeout(server):
    started = time.monotonic()
    with pytest.raises(InputError, match="timed out"):
        fetch(server + "/slow", allow_private=True, timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_http_error_status(store, server):
    report = ingest([server + "/missing"], store, allow_private=True)
    assert report.results[0].reason == "HTTP 404 Not Found"
