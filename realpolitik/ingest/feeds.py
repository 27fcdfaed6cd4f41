"""RSS and Atom feeds: each entry is one item, its text taken from the entry's content or summary."""
from __future__ import annotations

import hashlib
import re
from typing import Any, Iterator

import feedparser

from ..records import Article
from .dates import iso_date
from .html import fragment_text
from .items import UNCHANGED, Item, truthy

# Feeds served with a wrong content type or charset label are still well-formed.
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(rss|feed|RDF)[\s>/]")
# "Meridian Wire - World" / "Outlet | Section": the outlet is the part before the separator.
_SECTION_SEP = re.compile(r"\s+[-|>\u2013\u2014:]\s+")
_PREAMBLE = re.compile(rb"\A(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S)


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element is <rss>, <feed> or <rdf:RDF>."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    rest = head[_PREAMBLE.match(head).end():]
    return bool(_FEED_ROOT.match(rest))


def _outlet(title: str | None) -> str | None:
    if not title:
        return None
    return _SECTION_SEP.split(title.strip(), maxsplit=1)[0].strip() or title.strip()


def _entry_text(entry: Any) -> str:
    # content:encoded / atom:content hold the full story; summary is often a teaser.
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    return fragment_text(max(candidates, key=len))


def _entry_key(feed_key: str, entry: Any) -> str:
    ident = entry.get("id") or entry.get("link")
    if not ident:
        basis = (entry.get("title", "") + "\n" + entry.get("summary", "")).encode("utf-8")
        ident = "sha1:" + hashlib.sha1(basis).hexdigest()[:16]
    return f"{feed_key}#{ident}"


def _is_synthetic(feed: Any, entry: Any) -> bool:
    tags = {str(t.get("term", "")).strip().lower() for t in entry.get("tags", []) or []}
    return "synthetic" in tags or truthy(entry.get("synthetic", False)) or truthy(feed.get("synthetic", False))


def _entry_article(parsed: Any, entry: Any, key: str) -> Article:
    feed = parsed.feed
    when = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
    meta: dict[str, Any] = {"feed": feed.get("title") or None}
    if entry.get("author"):
        meta["author"] = entry["author"]
    tags = [t.get("term") for t in entry.get("tags", []) or [] if t.get("term")]
    if tags:
        meta["tags"] = tags
    if _is_synthetic(feed, entry):
        meta["synthetic"] = True
    stated = entry.get("published") or entry.get("updated")
    date = iso_date(when) or iso_date(stated)
    if date is None and stated:
        meta["date_error"] = f"unreadable date {str(stated)[:100]!r}"
    return Article(
        text=_entry_text(entry),
        title=fragment_text(entry.get("title", "")) or None,
        date=date,
        source=_outlet(entry.get("source", {}).get("title") or feed.get("title")),
        url=entry.get("link") or None,
        origin=key,
        doc_id=entry.get("id") or None,
        meta=meta,
    )


def _describe(exc: Exception | None) -> str:
    if exc is None:
        return "unreadable"
    if hasattr(exc, "getLineNumber"):  # SAXParseException from the XML parser
        return f"{exc.getMessage()} at line {exc.getLineNumber()} column {exc.getColumnNumber()}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def read_feed(data: bytes, feed_key: str, input: str, done: set[str]) -> Iterator[Item]:
    """Items for every entry; one failed item for the feed itself when nothing can be read."""
    # Always bytes: given a string that looks like a URL or path, feedparser would fetch it.
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            exc = parsed.get("bozo_exception")
            yield Item.failed(feed_key, input, f"malformed feed: {_describe(exc)}")
        elif not parsed.version:
            yield Item.failed(feed_key, input, "not an RSS or Atom feed")
        else:
            yield Item.skipped(feed_key, input, "feed has no entries")
        return
    # A feed that broke part-way still yields the entries read before the break, and the break
    # itself is reported against the feed so the run does not look clean.
    for entry in parsed.entries:
        key = _entry_key(feed_key, entry)
        if key in done:
            yield Item(key, input, status=UNCHANGED)
            continue
        yield Item(key, input, article=_entry_article(parsed, entry, key))
    exc = parsed.get("bozo_exception")
    if parsed.bozo and not isinstance(exc, _BENIGN):
        n = len(parsed.entries)
        yield Item.failed(feed_key, input, f"malformed feed: {_describe(exc)} ({n} entr{'y' if n == 1 else 'ies'} recovered)")
