"""Markdown and HTML output from the templates in `brief/templates/` (Jinja2).

HTML uses autoescape, so article text (titles, sentences, quotes) can never inject markup. The
Markdown template escapes the same text with `md`, which also neutralises HTML tags because most
Markdown viewers render inline HTML. Article URLs become links only when they are http(s)
(`safe_url`), and the HTML carries a Content-Security-Policy that allows nothing but its inline CSS.
"""
from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .model import Brief
from .phrasing import count, day

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def md_escape(value) -> str:
    text = str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def safe_url(value) -> str | None:
    """The URL if it is a plain http(s) address, else None: `javascript:`, `data:` and other schemes
    from article metadata never become links."""
    if not value:
        return None
    url = str(value).strip()
    if any(c in url for c in "\x00\r\n\t <>\"'`\\") or not re.match(r"https?://[^/?#\s]", url, re.I):
        return None
    return url


def md_cites(ns) -> str:
    return "".join(f" [\\[{n}\\]](#p{n})" for n in ns or [])


@lru_cache(maxsize=2)
def _env(html: bool) -> Environment:
    env = Environment(loader=PackageLoader("realpolitik.brief", "templates"),
                      autoescape=select_autoescape(["html", "j2"]) if html else False,
                      undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)
    env.filters["md"] = md_escape
    env.filters["cites"] = md_cites
    env.filters["safe_url"] = safe_url
    return env


def meta_line(b: Brief) -> str:
    start, end = b.window
    when = f"{day(start, True)} – {day(end, True)}" if start and end else "all dates"
    who = ", ".join(a["name"] for a in b.actors) or "most active actors"
    topic = f" · topic: “{b.topic}”" if b.topic else ""
    return (f"Window: {when} · Actors: {who}{topic} · {count(len(b.sources), 'source')}, "
            f"{count(len(b.passages), 'cited passage')}")


def markdown(b: Brief) -> str:
    text = _env(False).get_template("brief.md.j2").render(b=b, meta=md_escape(meta_line(b)))
    return re.sub(r"\n{3,}", "\n\n", text)


def html(b: Brief) -> str:
    passages = {p.n: p for p in b.passages}
    return _env(True).get_template("brief.html.j2").render(b=b, meta=meta_line(b), passages=passages)
