"""Reading what a brief is built from: coded events, each with the sentences that reported it.

Only events with at least one stored mention are used: a brief asserts nothing it cannot cite.
Negated events are left out, as in every analysis. The actor set keeps events whose source is in
the set and whose target is in the set (or absent: statements with no addressee).
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..analysis.common import ActorFilter, AnalysisError

NON_STATE = ("IGO", "NGO", "IMG", "MNC")


@dataclass
class Mention:
    mention_id: str
    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    char_start: int
    char_end: int
    trigger: str
    trigger_start: int | None
    trigger_end: int | None
    speaker: dict | None
    quote: str | None
    outlet: str
    title: str
    article_date: dt.date | None
    url: str | None
    source_text: str | None = None  # the words the coder read as this mention's source (the sayer, for quotes)

    @property
    def trigger_in_sentence(self) -> tuple[int, int] | None:
        """The trigger's span inside `sentence`, or None when it cannot be placed."""
        if self.trigger_start is not None and self.trigger_end is not None:
            a, b = self.trigger_start - self.char_start, self.trigger_end - self.char_start
            if 0 <= a < b <= len(self.sentence):
                return a, b
        if self.trigger:
            i = self.sentence.lower().find(self.trigger.lower())
            if i >= 0:
                return i, i + len(self.trigger)
        return None


@dataclass
class EventRow:
    event_id: str
    date: dt.date
    source: dict  # code, country, sector, type, name
    target: dict | None
    cameo: str
    cameo_root: str
    cameo_label: str
    quad_class: int
    goldstein: float
    plover: str
    modality: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def source_key(self) -> str:
        return actor_key(self.source)

    @property
    def target_key(self) -> str | None:
        return actor_key(self.target) if self.target else None


def actor_key(a: dict | None) -> str:
    """Country for states, the full code for organisations: the level briefs group actors at."""
    if not a:
        return ""
    country = a.get("country") or ""
    if country and country not in NON_STATE:
        return country
    return a.get("code") or country


@lru_cache(maxsize=1)
def _resolver():
    from ..actors import ActorResolver

    return ActorResolver()


def _lookup(text: str) -> tuple[list, bool]:
    """(actors found, whether the text is an exact name or alias rather than a fuzzy guess)."""
    try:
        from ..actors.text import fold

        r = _resolver()
        return list(r.lookup(text)), bool(r.dictionary.candidates(fold(text)))
    except Exception:  # no dictionary: only country codes and codes can be used
        return [], False


def resolve_actor(arg: str) -> ActorFilter:
    """'RUS' -> every Russian actor; 'RUSGOV' -> that code as a prefix; 'NATO' or 'Russia' -> looked up
    in the actor dictionary ('NATO' is IGONATO, not a code of its own). AnalysisError if unknown."""
    from .names import country_name

    text = (arg or "").strip()
    if not text:
        raise AnalysisError("actor: empty actor argument")
    code = text.upper()
    if len(code) == 3 and code.isalpha() and country_name(code):
        return ActorFilter(text, "country", code)
    found, exact = _lookup(text)
    if text.isupper() and not exact:
        found = [a for a in found if (a.code or "").upper() == code]  # no fuzzy guesses for codes
    if any((a.code or "").upper() == code for a in found) or (code[:3] in NON_STATE and len(code) > 3):
        return ActorFilter(text, "code", code)
    if found:
        a = found[0]
        c = (a.code or "").upper()
        if a.type == "STATE" and c == (a.country or ""):
            return ActorFilter(text, "country", c)
        return ActorFilter(text, "code", c)
    raise AnalysisError(f"actor {arg!r}: not a known country code, actor code or name")


def _where(filters: list[ActorFilter]) -> str:
    if not filters:
        return "TRUE"
    src = " OR ".join(f.sql("e.source") for f in filters)
    tgt = " OR ".join(f.sql("e.target") for f in filters)
    return f"({src}) AND (e.target_code IS NULL OR {tgt})"


def top_dyads(store, start: dt.date | None, end: dt.date | None, k: int = 3) -> list[tuple[str, str, int]]:
    """The most reported directed dyads (country or organisation level) of the window."""
    rows = store.execute(
        f"""
        SELECT s, t, count(DISTINCT event_id) AS n, count(*) AS reports FROM (
            SELECT CASE WHEN e.source_country IS NULL OR e.source_country IN {NON_STATE}
                        THEN e.source_code ELSE e.source_country END AS s,
                   CASE WHEN e.target_country IS NULL OR e.target_country IN {NON_STATE}
                        THEN e.target_code ELSE e.target_country END AS t,
                   e.event_id
            FROM events e JOIN mentions m ON m.event_id = e.event_id
            WHERE NOT coalesce(e.negated, false) AND {_window(start, end)}
              AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
        )
        WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t AND length(s) >= 3 AND length(t) >= 3
        GROUP BY s, t ORDER BY reports DESC, n DESC, s, t LIMIT ?
        """,
        [k],
    ).fetchall()
    return [(s, t, int(n)) for s, t, n, _ in rows]


def _window(start: dt.date | None, end: dt.date | None) -> str:
    from ..analysis.common import window_sql

    return window_sql(start, end, "e.date")


def _topic_words(topic: str) -> list[str]:
    return [w for w in re.findall(r"[\w'-]+", topic.lower()) if len(w) > 2]


def matches_topic(topic: str | None, sentence: str, title: str) -> bool:
    """A sentence matches when it or its article's title holds the phrase, or the sentence holds
    every content word of it."""
    if not topic:
        return True
    t = topic.lower().strip()
    s, h = (sentence or "").lower(), (title or "").lower()
    if t in s or t in h:
        return True
    words = _topic_words(t)
    return bool(words) and all(re.search(r"\b" + re.escape(w), s) for w in words)


def load_events(store, filters: list[ActorFilter], start: dt.date | None, end: dt.date | None,
                topic: str | None = None) -> list[EventRow]:
    rows = store.rows(
        f"""
        SELECT e.event_id, e.date, e.source_code, e.source_country, e.source_sector, e.source_type,
               e.source_name, e.target_code, e.target_country, e.target_sector, e.target_type, e.target_name,
               e.cameo, e.cameo_root, e.cameo_label, e.quad_class, e.goldstein, e.plover, e.modality,
               m.mention_id, m.article_id, m.sentence_index, m.sentence, m.char_start, m.char_end,
               m.trigger, m.trigger_start, m.trigger_end, m.speaker, m.quote, m.source_text,
               a.source AS outlet, a.title, a.date AS article_date, a.url
        FROM events e
        JOIN mentions m ON m.event_id = e.event_id
        JOIN articles a ON a.article_id = m.article_id
        WHERE NOT coalesce(e.negated, false) AND {_window(start, end)} AND {_where(filters)}
        ORDER BY e.date, e.event_id, a.date, m.article_id, m.sentence_index, m.mention_id
        """
    )
    events: dict[str, EventRow] = {}
    seen: set[str] = set()
    for r in rows:
        if not r["sentence"] or r["mention_id"] in seen:
            continue
        if not matches_topic(topic, r["sentence"], r["title"]):
            continue
        seen.add(r["mention_id"])
        ev = events.get(r["event_id"])
        if ev is None:
            ev = events[r["event_id"]] = EventRow(
                r["event_id"], r["date"], _side(r, "source"),
                _side(r, "target") if r["target_code"] else None, r["cameo"], r["cameo_root"],
                r["cameo_label"] or "", int(r["quad_class"] or 0), float(r["goldstein"] or 0.0),
                r["plover"] or "", r["modality"] or "action")
        sentence, t_start, t_end = _sentence(r)
        speaker = _json(r["speaker"])
        if speaker:
            speaker = {k: unentity(v) for k, v in speaker.items()}
        ev.mentions.append(Mention(
            r["mention_id"], r["event_id"], r["article_id"], int(r["sentence_index"] or 0), sentence,
            int(r["char_start"] or 0), int(r["char_end"] or 0), unentity(r["trigger"]) or "", t_start,
            t_end, speaker, unentity(r["quote"]), unentity(r["outlet"]) or "an unnamed outlet",
            unentity(r["title"]) or "(untitled)", r["article_date"], unentity(r["url"]), unentity(r["source_text"])))
    return list(events.values())


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unentity(text):
    """Text stored with HTML entities ('Trade &amp; aid') unescaped once, so that the renderers escape it
    exactly once. Text without entities is returned as it is."""
    if not text or not isinstance(text, str) or not _ENTITY.search(text):
        return text
    return html.unescape(text)


def _sentence(r: dict) -> tuple[str, int | None, int | None]:
    """The sentence with entities unescaped, and the trigger offsets moved to match."""
    raw, a, b = r["sentence"], r["trigger_start"], r["trigger_end"]
    text = unentity(raw)
    if text == raw:
        return raw, a, b
    cs = int(r["char_start"] or 0)
    if a is not None and b is not None and 0 <= a - cs < b - cs <= len(raw):
        a = cs + len(html.unescape(raw[:a - cs]))
        b = cs + len(html.unescape(raw[:b - cs]))
    return text, a, b


def _side(r: dict, side: str) -> dict:
    return {k: unentity(r[f"{side}_{k}"]) for k in ("code", "country", "sector", "type", "name")}


def _json(v) -> dict | None:
    if v is None or isinstance(v, dict):
        return v
    try:
        d = json.loads(v)
    except (TypeError, ValueError):
        return None
    return d if isinstance(d, dict) else None


def data_window(store) -> tuple[dt.date | None, dt.date | None]:
    row = store.execute(
        "SELECT min(date), max(date) FROM events e WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.event_id)"
    ).fetchone()
    return row[0], row[1]
