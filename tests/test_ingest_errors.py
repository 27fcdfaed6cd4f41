"""Bad inputs: each is one failed log row with a one-line reason; good inputs in the run still land."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from realpolitik.ingest import ingest

FIX = Path(__file__).parent / "fixtures" / "ingest"


@pytest.fixture
def bad_dir(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (d / "lines.jsonl").write_text(
        '{"id": "ok-1", "text": "Peru and Bolivia agreed to build a new rail link to the Pacific coast."}\n'
        '{"id": "broken", "text": "unterminated\n'
        '["a list", "not an object"]\n'
        '{"id": "no-text", "title": "A record without its text"}\n'
    )
    (d / "broken.rss").write_text("<rss><channel><title>x</title><item><title>never closed")
    (d / "junk.atom").write_text("this is plain text, not XML at all")
    (d / "notafeed.xml").write_text("<?xml version='1.0'?><catalog><book>Not news</book></catalog>")
    (d / "big.html").write_text("<html><body>" + "<p>Long page.</p>" * 2000 + "</body></html>")
    (d / "nocol.csv").write_text("headline,body_html\nA,B\n")
    (d / "bad.json").write_text('{"id": 1, "text": "fine",,}')
    (d / "front.md").write_text("---\ntitle: [unclosed\n---\n\nBody text of an article about talks.\n")
    shutil.copy(FIX / "titled.txt", d / "good.txt")
    return d


def _reasons(report):
    return {r.item_key.split("/")[-1]: r.reason for r in report.results if r.status == "failed"}


def test_bad_inputs_fail_alone(store, bad_dir, tmp_path):
    missing = str(tmp_path / "nowhere" / "missing.txt")
    report = ingest([str(bad_dir), missing, "http://127.0.0.1:9/x"], store, max_bytes=10_000)
    reasons = _reasons(report)
    assert reasons["garbled.txt"].startswith("unreadable encoding: not UTF-8")
    assert reasons["broken.rss"].startswith("malformed feed: no element found at line ")
    assert reasons["broken.rss"].endswith("(1 entry recovered)")
    assert reasons["lines.jsonl#L3"] == "expected a JSON object with a 'text' key, got list"
    assert reasons["lines.jsonl#L4"] == "no 'text' field"
    assert reasons["binary.txt"] == "binary file (contains NUL bytes), not text"
    assert reasons["x"].startswith("refused: 127.0.0.1 resolves to loopback")
    assert reasons["lines.jsonl#L2"].startswith("malformed JSON on line 2:")
    assert reasons["big.html"] == "too large: 34026 bytes, over the 10000-byte limit"
    assert reasons["missing.txt"] == "no such file or directory"
    assert reasons["nocol.csv"].startswith("CSV header has no 'text' column")
    assert reasons["bad.json"].startswith("malformed JSON on line 1 column")
    assert reasons["front.md"].startswith("malformed YAML front matter")
    assert reasons["notafeed.xml"] == "not an RSS or Atom feed"
    assert reasons["junk.atom"].startswith("malformed feed: syntax error at line ")
    assert len(reasons) == 14
    assert all("\n" not in r for r in reasons.values())
    # the good file and the good JSONL line still land
    stored = sorted(Path(r.item_key).name for r in report.results if r.status == "stored")
    assert stored == ["good.txt", "lines.jsonl#L1"]
    assert store.scalar("SELECT count(*) FROM articles") == 2
    assert store.scalar("SELECT count(*) FROM ingest_log WHERE status = 'failed'") == 14
    assert not report.ok


def test_failed_items_are_retried_and_fixed_ones_stored(store, tmp_path):
    f = tmp_path / "later.jsonl"
    f.write_text('{"id": 1, "text": oops}\n')
    assert ingest([str(f)], store).results[0].status == "failed"
    f.write_text('{"id": 1, "text": "Chad and Niger agreed to reopen their shared border on Friday."}\n')
    report = ingest([str(f)], store)
    assert report.results[0].status == "stored"
    rows = store.rows("SELECT status FROM ingest_log")
    assert rows == [{"status": "stored"}]


def test_legacy_encoding_is_decoded(store, tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("The minister’s visit to Zürich — “historic”, officials said on Monday.".encode("cp1252"))
    report = ingest([str(f)], store)
    assert report.results[0].status == "stored"
    assert "Zürich" in store.scalar("SELECT text FROM articles")


def test_utf16_with_bom_is_decoded(store, tmp_path):
    f = tmp_path / "wide.txt"
    f.write_bytes("Senegal and Mauritania signed a gas accord on Monday.".encode("utf-16"))
    assert ingest([str(f)], store).results[0].status == "stored"
