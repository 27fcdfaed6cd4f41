"""Plain text and Markdown files: optional front matter, an optional title line, then the body."""
from __future__ import annotations

import re
from typing import Any

import yaml

from ..records import Article
from .html import fragment_text
from .items import InputError

# A "key: value" header block counts as front matter only when it names at least one of these;
# otherwise a dateline such as "WASHINGTON: The president said ..." would be eaten as metadata.
KNOWN_KEYS = {"title", "date", "source", "url", "synthetic", "id", "language", "lang", "publisher", "author"}
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]{0,40}):[ \t]*(.*)$")
_YAML_BLOCK = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^#{1,2}\s+(.+?)\s*#*\s*$")
MAX_TITLE_CHARS = 200


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(metadata, body) for a document that may start with YAML or `key: value` front matter."""
    text = text.lstrip("\ufeff")
    m = _YAML_BLOCK.match(text)
    if m:
        try:
            meta = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark else ""
            raise InputError(f"malformed YAML front matter{where}") from None
        if meta is None:
            meta = {}
        if not isinstance(meta, dict):
            raise InputError("YAML front matter is not a mapping of keys to values")
        return {str(k).lower(): v for k, v in meta.items()}, text[m.end():]
    head, sep, rest = text.lstrip("\n").partition("\n\n")
    if sep:
        pairs = [_KEY_LINE.match(line) for line in head.split("\n")]
        if all(pairs) and any(p.group(1).lower() in KNOWN_KEYS for p in pairs):
            return {p.group(1).lower(): p.group(2).strip() for p in pairs}, rest
    return {}, text


def _title_line(body: str, markdown: bool) -> tuple[str | None, str]:
    """A first paragraph that is one short line without a closing full stop reads as a headline."""
    stripped = body.strip("\n")
    first, sep, rest = stripped.partition("\n")
    if markdown:
        m = _MD_HEADING.match(first)
        if m:
            return m.group(1), rest
    if not sep or not rest.startswith("\n"):
        return None, body
    line = first.strip()
    if 0 < len(line) <= MAX_TITLE_CHARS and not line.endswith((".", ":", ";", ",")) and rest.strip():
        return line, rest
    return None, body


def text_article(text: str, markdown: bool = False) -> tuple[Article, dict[str, Any]]:
    """The article and its front matter (the caller maps known keys onto the record)."""
    meta, body = split_front_matter(text)
    heading, rest = _title_line(body, markdown)
    title = meta.get("title")
    if not title:
        title, body = heading, rest
    elif heading and heading.casefold() == str(title).strip().casefold():
        body = rest  # the headline repeated under the front matter
    if markdown:
        from markdown_it import MarkdownIt

        body = fragment_text(MarkdownIt("commonmark").render(body))
    return Article(text=body, title=str(title).strip() if title else None), meta
