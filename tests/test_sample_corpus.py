"""The bundled sample corpus (realpolitik/data/sample) is well-formed and flagged synthetic everywhere.

Independent of the ingest code on purpose: these tests read the files with the standard library,
feedparser and tomllib only, so a broken reader elsewhere cannot hide a broken corpus (or vice versa).
"""
from __future__ import annotations

import difflib
import json
import re
import tomllib
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "realpolitik" / "data" / "sample"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WINDOW = (date(2025, 2, 1), date(2025, 3, 31))
URL = re.compile(r"^https://([a-z0-9-]+\.)+example\.(org|com)/\S+$")
FRONT_KEYS = {"title", "date", "source", "url", "synthetic"}


def _iso_day(value: str) -> date:
    assert ISO_DATE.match(value), f"not an ISO date: {value!r}"
    d = date.fromisoformat(value)
    assert WINDOW[0] <= d <= WINDOW[1], f"date outside the episode window: {value}"
    return d


def _words(text: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", text).split())


def _unquote(v: str) -> str:
    v = v.strip()
    return json.loads(v) if v.startswith('"') else v


def parse_txt(path: Path) -> tuple[dict, str]:
    head, sep, body = path.read_text(encoding="utf-8").partition("\n\n")
    assert sep, f"{path.name}: no blank line after front matter"
    meta = {}
    for line in head.splitlines():
        k, colon, v = line.partition(":")
        assert colon, f"{path.name}: bad front-matter line {line!r}"
        meta[k.strip()] = v.strip()
    return meta, body


def parse_md(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    assert m, f"{path.name}: no YAML front matter"
    meta = {}
    for line in m.group(1).splitlines():
        k, _, v = line.partition(":")
        meta[k.strip()] = _unquote(v)
    return meta, m.group(2)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical = None
        self.title = ""
        self.article_text: list[str] = []
        self._in_title = False
        self._article_depth = 0
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = a.get("name") or a.get("property")
            if key:
                self.meta[key] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "title":
            self._in_title = True
        elif tag == "article":
            self._article_depth += 1
        if tag not in {"meta", "link", "input", "br", "img", "hr"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "article":
            self._article_depth -= 1
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._article_depth:
            self.article_text.append(data)


def parse_html(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


@pytest.fixture(scope="module")
def manifest() -> dict:
    return tomllib.loads((SAMPLE / "manifest.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def feeds():
    feedparser = pytest.importorskip("feedparser")
    return {name: feedparser.parse(str(SAMPLE / "feeds" / name)) for name in ("wire.rss", "dispatch.atom")}


def _jsonl() -> list[dict]:
    return [json.loads(line) for line in (SAMPLE / "wire.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


# ------------------------------------------------------------------ counts


def test_at_least_forty_articles_across_formats(feeds):
    counts = {
        "txt": len(list((SAMPLE / "articles").glob("*.txt"))),
        "md": len(list((SAMPLE / "articles").glob("*.md"))),
        "html": len(list((SAMPLE / "pages").glob("*.html"))),
        "rss": len(feeds["wire.rss"].entries),
        "atom": len(feeds["dispatch.atom"].entries),
        "jsonl": len(_jsonl()),
    }
    assert all(n >= 1 for n in counts.values()), counts
    assert sum(counts.values()) >= 40, counts


def test_manifest_matches_files(manifest, feeds):
    items = manifest["item"]
    assert manifest["synthetic"] is True
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    for item in items:
        for rel in item["paths"]:
            assert (SAMPLE / rel).is_file(), rel
    file_ids = {p.stem for p in (SAMPLE / "articles").iterdir()} | {p.stem for p in (SAMPLE / "pages").iterdir()}
    file_ids |= {r["id"] for r in _jsonl()}
    file_ids |= {e.id for e in feeds["wire.rss"].entries}
    file_ids |= {e.id.rsplit(":", 1)[1] for e in feeds["dispatch.atom"].entries}
    assert file_ids == set(ids)


# ------------------------------------------------------------------ per format


@pytest.mark.parametrize("suffix,parser", [("txt", parse_txt), ("md", parse_md)])
def test_text_and_markdown_front_matter(suffix, parser):
    paths = sorted((SAMPLE / "articles").glob(f"*.{suffix}"))
    assert paths
    for path in paths:
        meta, body = parser(path)
        assert FRONT_KEYS <= meta.keys(), (path.name, meta.keys())
        assert str(meta["synthetic"]).lower() == "true", path.name
        assert _iso_day(str(meta["date"])).isoformat() == path.name[:10]
        assert URL.match(meta["url"]), meta["url"]
        assert meta["title"].strip()
        assert 120 <= _words(body) <= 400, (path.name, _words(body))


def test_html_pages_metadata_and_article():
    paths = sorted((SAMPLE / "pages").glob("*.html"))
    assert len(paths) >= 5
    for path in paths:
        page = parse_html(path)
        m = page.meta
        assert m.get("synthetic") == "true", path.name
        assert page.title.strip() and m.get("og:title"), path.name
        assert m["og:title"] in page.title
        assert m.get("og:site_name"), path.name
        assert _iso_day(m["date"]).isoformat() == path.name[:10]
        published = datetime.fromisoformat(m["article:published_time"].replace("Z", "+00:00"))
        assert published.date().isoformat() == m["date"]
        assert page.canonical and URL.match(page.canonical), path.name
        assert 120 <= _words(" ".join(page.article_text)) <= 400, path.name
        assert not page.stack, f"{path.name}: unclosed tags {page.stack}"
        # boilerplate a text extractor has to strip
        raw = path.read_text(encoding="utf-8").lower()
        assert "<nav" in raw and "<footer" in raw and "cookie" in raw and "newsletter" in raw


def test_feeds_parse_with_entries_flagged_synthetic(feeds):
    for name, parsed in feeds.items():
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert len(parsed.entries) >= 1, name
        blurb = parsed.feed.get("subtitle") or parsed.feed.get("description") or ""
        assert "synthetic" in blurb.lower(), name
        for e in parsed.entries:
            assert "synthetic" in {t.term for t in e.get("tags", [])}, (name, e.title)
            assert e.get("published_parsed"), (name, e.title)
            d = date(*e.published_parsed[:3])
            assert WINDOW[0] <= d <= WINDOW[1]
            assert URL.match(e.link) and e.id
            html = e.content[0].value if e.get("content") else e.summary
            assert 120 <= _words(html) <= 400, (name, e.title)


def test_jsonl_lines_parse_and_are_synthetic():
    lines = (SAMPLE / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 1
    for line in lines:
        rec = json.loads(line)
        assert {"id", "title", "date", "source", "url", "text", "synthetic"} <= rec.keys()
        assert rec["synthetic"] is True
        _iso_day(rec["date"])
        assert rec["id"].startswith(rec["date"])
        assert URL.match(rec["url"])
        assert 120 <= _words(rec["text"]) <= 400


# ------------------------------------------------------------------ duplicates for dedup tests


def test_exact_duplicate_has_identical_text(manifest, feeds):
    dups = [i for i in manifest["item"] if i.get("exact_duplicate")]
    assert dups
    rss = {e.id: e for e in feeds["wire.rss"].entries}
    jsonl = {r["id"]: r for r in _jsonl()}
    for item in dups:
        entry, rec = rss[item["id"]], jsonl[item["id"]]
        rss_text = "\n\n".join(re.findall(r"<p>(.*?)</p>", entry.content[0].value, re.S))
        assert rss_text.replace("&amp;", "&") == rec["text"]
        assert entry.link == rec["url"]


def test_near_duplicate_is_close_but_not_identical(manifest):
    near = [i for i in manifest["item"] if i.get("near_duplicate_of")]
    assert near
    for item in near:
        original = next(i for i in manifest["item"] if i["id"] == item["near_duplicate_of"])
        assert original["source"] != item["source"]
        a = parse_txt(SAMPLE / original["paths"][0])[1] if original["paths"][0].endswith(".txt") else None
        b = parse_txt(SAMPLE / item["paths"][0])[1]
        assert a is not None and a != b
        ratio = difflib.SequenceMatcher(None, a.split(), b.split()).ratio()
        assert 0.8 < ratio < 1.0, ratio


def test_distinct_urls_except_duplicates(manifest):
    urls = [i["url"] for i in manifest["item"]]
    assert len(urls) == len(set(urls))
    assert all(URL.match(u) for u in urls)
