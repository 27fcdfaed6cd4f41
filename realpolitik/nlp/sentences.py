"""A cheap rule-based sentence splitter (no model): character spans of the sentences of a text.

Parsing every sentence with spaCy is the cost we avoid, so splitting must not need the parser.
The rules cover news prose: terminal punctuation followed by closing quotes/brackets, whitespace
and an upper-case letter, digit or opening quote; titles ("Mr.", "Gen."), initials ("U.S.",
"J. Smith") and a few common abbreviations do not end a sentence; line breaks always do.
"""
from __future__ import annotations

import re

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm",
    "gov", "sen", "rep", "rev", "st", "sr", "jr", "messrs", "hon", "pres", "no", "nos", "vs", "v",
    "etc", "approx", "dept", "est", "fig", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "cmdr", "brig", "supt",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n+")
_NEXT_START = re.compile(r"\s*[\"'“‘(\[]?[A-Z0-9]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period at text[end-1] closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, end - 20), end)
    if not m:
        return False
    word = m.group(1)
    if "." in word:  # U.S. / e.g. / U.N.
        return len(word.replace(".", "")) <= 4
    if len(word) == 1 and word.isupper():  # initial: "J. Smith"
        return True
    return word.lower() in _ABBREV


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans, whitespace-trimmed, covering the sentences of `text`."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if not m.group().startswith("\n"):
            if not _NEXT_START.match(text, end):
                continue
            if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start() + 1):
                continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
