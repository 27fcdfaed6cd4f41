"""The Brief object: plain data that the Markdown, HTML and JSON renderers read.

Every piece of prose is a `Line`: its text plus the numbers of the passages it cites. A passage
is one stored sentence (article + sentence index) with the trigger words of the cited events
marked; passages are numbered in order of first citation.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from .load import Mention


@dataclass
class Passage:
    n: int
    article_id: str
    sentence_index: int
    sentence: str
    outlet: str
    title: str
    date: dt.date | None
    url: str | None
    marks: list[tuple[int, int]] = field(default_factory=list)  # trigger spans inside `sentence`
    mention_ids: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"p{self.n}"

    def pieces(self) -> list[tuple[str, bool]]:
        """The sentence cut into (text, marked) runs for highlighting the triggers."""
        spans = sorted(self.marks)
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        out, i = [], 0
        for a, b in merged:
            if a > i:
                out.append((self.sentence[i:a], False))
            out.append((self.sentence[a:b], True))
            i = b
        if i < len(self.sentence):
            out.append((self.sentence[i:], False))
        return out


@dataclass
class Line:
    text: str
    cites: list[int] = field(default_factory=list)
    evidence: str | None = None  # a reporting sentence shown under the line
    data: dict[str, Any] = field(default_factory=dict)  # codes, ids, numbers for the JSON


@dataclass
class Section:
    title: str
    actor: str  # the actor filter value (a code; JSON only)
    lead: Line
    actions: list[Line] = field(default_factory=list)
    mix: list[dict] = field(default_factory=list)  # plover, label, first_half, second_half (shares)
    change: list[Line] = field(default_factory=list)
    quotes: list[Line] = field(default_factory=list)
    name: str = ""  # the actor's name as it reads mid-sentence ("the United States")


@dataclass
class Source:
    article_id: str
    outlet: str
    title: str
    date: dt.date | None
    url: str | None
    passages: list[int] = field(default_factory=list)


class Citer:
    """Numbers passages as they are first cited and records which triggers each one shows."""

    def __init__(self) -> None:
        self.passages: dict[tuple[str, int], Passage] = {}

    def cite(self, mentions: list[Mention]) -> list[int]:
        out: list[int] = []
        for m in mentions:
            key = (m.article_id, m.sentence_index)
            p = self.passages.get(key)
            if p is None:
                p = self.passages[key] = Passage(len(self.passages) + 1, m.article_id, m.sentence_index, m.sentence,
                                                 m.outlet, m.title, m.article_date, m.url)
            span = m.trigger_in_sentence
            if span and span not in p.marks:
                p.marks.append(span)
            if m.mention_id not in p.mention_ids:
                p.mention_ids.append(m.mention_id)
            if m.event_id not in p.event_ids:
                p.event_ids.append(m.event_id)
            if p.n not in out:
                out.append(p.n)
        return out

    def ordered(self) -> list[Passage]:
        return sorted(self.passages.values(), key=lambda p: p.n)


@dataclass
class Brief:
    headline: str
    dek: Line
    window: tuple[dt.date | None, dt.date | None]
    actors: list[dict]  # {"code", "name"} per actor in the brief
    topic: str | None = None
    glance: list[Line] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    watch: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # parts left out and why
    sources: list[Source] = field(default_factory=list)
    tags: dict[str, list[str]] = field(default_factory=dict)
    passages: list[Passage] = field(default_factory=list)
    empty: bool = False
    method: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["window"] = [x.isoformat() if x else None for x in self.window]
        for p in d["passages"]:
            p["anchor"] = f"p{p['n']}"
        return _plain(d)

    def to_markdown(self) -> str:
        from .render import markdown

        return markdown(self)

    def to_html(self) -> str:
        from .render import html

        return html(self)


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v
