"""HTML to article text: trafilatura for whole pages, a block-aware flattener for fragments."""
from __future__ import annotations

import lxml.html
import trafilatura

from ..records import Article
from .dates import iso_date
from .items import InputError, truthy
from .text import clean_text

# Elements that end a line when flattened; inline elements (a, b, span) do not.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}
_DROP = ("script", "style", "noscript", "template")
_SYNTHETIC_META = {"synthetic", "realpolitik:synthetic"}
HEADLINE_WINDOW = 4  # the headline is looked for among the first lines only
KICKER_MAX_WORDS = 6  # "Security", "Live: Europe" - labels, not sentences


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (feed entry content, rendered Markdown), one line per block."""
    if not html or not html.strip():
        return ""
    if "<" not in html:
        return clean_text(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several types on hopeless markup
        return clean_text(html)
    for el in list(root.iter(*_DROP)):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    return clean_text(root.text_content())


def _page_meta(html: bytes | str) -> dict[str, str]:
    """<meta name=...> values and <html lang>, which trafilatura does not report."""
    try:
        root = lxml.html.fromstring(html)
    except Exception:
        return {}
    found = {}
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        if name and el.get("content") is not None:
            found.setdefault(name, el.get("content").strip())
    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        found["html:lang"] = lang.strip()
    return found


def _drop_headline(text: str, title: str) -> str:
    """trafilatura keeps the <h1> (and a section kicker above it) in the text; the title is stored
    on its own, so the headline and any short label lines before it are removed."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:HEADLINE_WINDOW]):
        if line.strip().casefold() == title.casefold():
            if all(len(before.split()) <= KICKER_MAX_WORDS for before in lines[:i]):
                rest = "\n".join(lines[i + 1 :]).strip()
                return rest or text
            break
    return text


def page_article(html: bytes | str, url: str | None = None) -> Article:
    """Main text and metadata of a web page, without navigation, footers, banners or link lists."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_images=False
    )
    if doc is None or not (doc.text or "").strip():
        raise InputError("no article text found in the page")
    text = clean_text(doc.text)
    title = clean_text(doc.title) if doc.title else None
    if title:
        text = _drop_headline(text, title)
    meta: dict = {}
    page = _page_meta(html)
    if any(truthy(page.get(k)) for k in _SYNTHETIC_META):
        meta["synthetic"] = True
    if page.get("html:lang"):
        meta["declared_language"] = page["html:lang"]
    for key in ("author", "description"):
        value = getattr(doc, key, None)
        if value:
            meta[key] = value
    return Article(
        text=text,
        title=title,
        date=iso_date(doc.date),
        source=doc.sitename or doc.hostname or None,
        url=doc.url or url,
        meta=meta,
    )
