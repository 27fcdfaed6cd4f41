"""From the user's arguments to items: expanding directories, picking a reader per file or URL."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .decode import decode, read_bytes
from .feeds import looks_like_feed, read_feed
from .fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, fetch
from .fields import apply_fields
from .html import page_article
from .items import UNCHANGED, InputError, Item
from .plaintext import text_article
from .structured import read_csv, read_json, read_jsonl

KINDS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S
)


@dataclass
class Options:
    allow_private: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT


@dataclass
class Source:
    input: str  # the argument as given
    location: str  # absolute path or URL: the item key of single-article sources
    kind: str  # url | missing | text | markdown | html | json | jsonl | csv | feed | unknown


def expand(inputs: list[str]) -> tuple[list[Source], list[str]]:
    """Sources in a stable order, and the files skipped in directories for their type."""
    sources: list[Source] = []
    ignored: list[str] = []
    for arg in inputs:
        if _SCHEME.match(arg):
            sources.append(Source(arg, arg.strip(), "url"))
            continue
        path = Path(arg).expanduser()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if any(part.startswith(".") for part in rel) or not child.is_file():
                    continue
                kind = KINDS.get(child.suffix.lower())
                if kind:
                    sources.append(Source(arg, str(child.resolve()), kind))
                else:
                    ignored.append(str(child))
        elif path.exists():
            sources.append(Source(arg, str(path.resolve()), KINDS.get(path.suffix.lower(), "unknown")))
        else:
            sources.append(Source(arg, str(path.absolute()), "missing"))
    return sources, ignored


def _sniff(data: bytes) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file (contains NUL bytes), not text")
    if looks_like_feed(data):
        return "feed"
    if _HTML_START.match(data[:2048]):
        return "html"
    return "text"


def _single(key: str, input: str, kind: str, data: bytes, url: str | None = None) -> Item:
    if kind == "html":
        article = page_article(data, url=url)
    else:
        article, fields = text_article(decode(data), markdown=(kind == "markdown"))
        apply_fields(article, fields)
    article.origin = key
    return Item(key, input, article=article)


def _read_file(src: Source, done: set[str], opts: Options) -> Iterator[Item]:
    key, kind = src.location, src.kind
    path = Path(key)
    if kind == "jsonl":
        yield from read_jsonl(path, key, src.input, done)
        return
    if kind == "json":
        yield from read_json(path, key, src.input, done)
        return
    if kind == "csv":
        yield from read_csv(path, key, src.input, done)
        return
    single = kind != "feed"
    if single and key in done:
        yield Item(key, src.input, status=UNCHANGED)
        return
    # Feeds can be long; single pages and texts are held to the same cap as fetched pages.
    data = read_bytes(path, None if kind == "feed" else opts.max_bytes)
    if kind == "unknown":
        kind = _sniff(data)
    elif kind == "feed" and path.suffix.lower() == ".xml" and _HTML_START.match(data[:2048]):
        kind = "html"  # an XHTML page saved as .xml
    elif kind in ("text", "markdown") and looks_like_feed(data):
        kind = "feed"
    if kind == "feed":
        yield from read_feed(data, key, src.input, done)
        return
    if key in done:  # a text file that turned out not to be a feed
        yield Item(key, src.input, status=UNCHANGED)
        return
    yield _single(key, src.input, kind, data)


def _read_url(src: Source, done: set[str], opts: Options) -> Iterator[Item]:
    key = src.location
    if key in done:
        # Settled single pages are not fetched again; feeds always are (their keys are per entry).
        yield Item(key, src.input, status=UNCHANGED)
        return
    got = fetch(key, allow_private=opts.allow_private, max_bytes=opts.max_bytes, timeout=opts.timeout)
    ctype = got.content_type.lower()
    if looks_like_feed(got.data) or any(t in ctype for t in ("rss", "atom")):
        yield from read_feed(got.data, key, src.input, done)
        return
    kind = "text" if ctype.startswith("text/plain") else "html"
    yield _single(key, src.input, kind, got.data, url=got.url)


def read_source(src: Source, done: set[str], opts: Options) -> Iterator[Item]:
    """Every item of one source; a problem with the source as a whole becomes one failed item."""
    if src.kind == "missing":
        yield Item.failed(src.location, src.input, "no such file or directory")
        return
    reader = _read_url if src.kind == "url" else _read_file
    try:
        yield from reader(src, done, opts)
    except InputError as exc:
        yield Item.failed(src.location, src.input, str(exc))
