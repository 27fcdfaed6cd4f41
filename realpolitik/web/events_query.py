"""Listing events with filters and cursor pagination, and one event with its reporting sentences.

Shared by the JSON API, the CSV export and the dashboard pages. Values from users are passed as
query parameters; actor filters come from `analysis.actor_filter`, which quotes its one literal.
Pagination is by keyset (date, event_id), newest first: a page costs the same at any depth.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
import time
from dataclasses import dataclass

from ..analysis import actor_filter

LIST_COLUMNS = [
    "event_id", "date", "source_code", "source_name", "source_country", "target_code", "target_name",
    "target_country", "cameo", "cameo_root", "cameo_label", "quad_class", "goldstein", "plover",
    "negated", "modality", "num_mentions", "num_sources", "num_articles", "origin", "source_url",
]
_CAMEO = re.compile(r"^[0-9]{2,4}$")


class BadFilter(ValueError):
    """A filter value that cannot be used; the API answers 400 with this message."""


@dataclass
class EventFilter:
    actor: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    cameo: str | None = None  # code prefix: '19' covers 190-196
    plover: str | None = None
    quad_class: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    q: str | None = None  # words in the sentence, label or actor names
    negated: bool | None = None
    between: tuple[str, str] | None = None  # a dyad, both directions

    def where(self) -> tuple[str, list]:
        parts, params = ["TRUE"], []
        if self.actor:
            f = actor_filter(self.actor)
            parts.append(f"({f.sql('source')} OR {f.sql('target')})")
        if self.source:
            parts.append(actor_filter(self.source).sql("source"))
        if self.target:
            parts.append(actor_filter(self.target).sql("target"))
        if self.between:
            fa, fb = (actor_filter(x) for x in self.between)
            parts.append(f"(({fa.sql('source')} AND {fb.sql('target')}) OR ({fb.sql('source')} AND {fa.sql('target')}))")
        if self.cameo:
            if not _CAMEO.match(self.cameo):
                raise BadFilter(f"cameo {self.cameo!r}: use a CAMEO code such as 19, 190 or 0231")
            parts.append("starts_with(cameo, ?)")
            params.append(self.cameo)
        if self.plover:
            parts.append("plover = ?")
            params.append(self.plover.upper())
        if self.quad_class is not None:
            parts.append("quad_class = ?")
            params.append(self.quad_class)
        if self.start and self.end and self.start > self.end:
            raise BadFilter(f"from {self.start} is after to {self.end}")
        if self.start:
            parts.append("date >= ?")
            params.append(self.start)
        if self.end:
            parts.append("date <= ?")
            params.append(self.end)
        if self.negated is not None:
            parts.append("coalesce(negated, false) = ?")
            params.append(self.negated)
        if self.q:
            like = "%" + self.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            parts.append("(cameo_label ILIKE ? ESCAPE '\\' OR source_name ILIKE ? ESCAPE '\\' OR target_name ILIKE ? ESCAPE '\\'"
                         " OR event_id IN (SELECT event_id FROM mentions WHERE sentence ILIKE ? ESCAPE '\\'))")
            params += [like] * 4
        return " AND ".join(parts), params


def encode_cursor(row: dict) -> str:
    raw = json.dumps([str(row["date"]), row["event_id"]]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, event_id = json.loads(raw)
        return dt.date.fromisoformat(day), str(event_id)
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError):
        raise BadFilter("cursor: not a cursor returned by this API") from None


# Newest-first pages are first looked for in a recent window, widened until it holds a full page:
# the date filter lets DuckDB skip whole row groups by their min/max (zone maps), so a page of
# recent events does not scan the whole table. Every row outside a window is older than every
# row inside it, so a window that yields limit + 1 rows gives exactly the unwindowed answer.
WINDOWS_DAYS = (31, 366)
LATEST_TTL = 2.0  # seconds a read of max(date) is reused
_latest: dict[str, tuple[float, dt.date | None]] = {}


def latest_date(store) -> dt.date | None:
    """The last event day, re-read at most every LATEST_TTL seconds. A stale value costs only
    speed, never rows: the windows bound dates from below, so newer events are still inside."""
    key, now = str(store.path), time.monotonic()
    hit = _latest.get(key)
    if hit and now - hit[0] < LATEST_TTL:
        return hit[1]
    value = store.scalar("SELECT max(date) FROM events")
    _latest[key] = (now, value)
    return value


def list_events(store, flt: EventFilter, limit: int = 50, cursor: str | None = None) -> dict:
    """One page, newest first, and the cursor of the next page (None at the end)."""
    where, params = flt.where()
    anchor = None
    if cursor:
        day, event_id = decode_cursor(cursor)
        where += " AND (date < ? OR (date = ? AND event_id < ?))"
        params += [day, day, event_id]
        anchor = day
    else:
        anchor = latest_date(store)
    if anchor is not None and flt.end is not None:
        anchor = min(anchor, flt.end)
    sql = (f"SELECT {', '.join(LIST_COLUMNS)} FROM events WHERE {where} {{window}} "
           f"ORDER BY date DESC, event_id DESC LIMIT {int(limit) + 1}")
    rows = None
    for days in WINDOWS_DAYS if anchor is not None else ():
        lower = anchor - dt.timedelta(days=days)
        if flt.start is not None and flt.start >= lower:
            break  # the filter's own window is already this narrow
        rows = store.rows(sql.format(window="AND date >= ?"), params + [lower])
        if len(rows) > limit:
            break
        rows = None
    if rows is None:
        rows = store.rows(sql.format(window=""), params)
    more = len(rows) > limit
    rows = rows[:limit]
    return {"events": rows, "next_cursor": encode_cursor(rows[-1]) if more and rows else None}


def export_rows(store, flt: EventFilter, limit: int):
    where, params = flt.where()
    cur = store.con.execute(
        f"SELECT {', '.join(LIST_COLUMNS)} FROM events WHERE {where} ORDER BY date DESC, event_id DESC "
        f"LIMIT {int(limit)}", params)
    while True:
        chunk = cur.fetchmany(2000)
        if not chunk:
            return
        yield from chunk


CONTEXT_CHARS = 400


def _context(text: str | None, start: int | None, end: int | None) -> dict | None:
    """The text before and after the sentence, cut at word boundaries, for showing it in place."""
    if not text or start is None or end is None or not (0 <= start <= end <= len(text)):
        return None
    a = max(0, start - CONTEXT_CHARS)
    b = min(len(text), end + CONTEXT_CHARS)
    before, after = text[a:start], text[end:b]
    if a > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if b < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return {"before": before, "after": after}


def _pieces(sentence: str, start: int | None, end: int | None) -> list[dict]:
    """The sentence cut into runs, the trigger marked, for highlighting without HTML in the data."""
    if not sentence or start is None or end is None or not (0 <= start < end <= len(sentence)):
        return [{"text": sentence or "", "trigger": False}]
    out = [{"text": sentence[:start], "trigger": False}, {"text": sentence[start:end], "trigger": True},
           {"text": sentence[end:], "trigger": False}]
    return [p for p in out if p["text"]]


def get_event(store, event_id: str) -> dict | None:
    rows = store.rows("SELECT * EXCLUDE (import_file) FROM events WHERE event_id = ? LIMIT 1", [event_id])
    if not rows:
        return None
    event = rows[0]
    mentions = store.rows(
        """
        SELECT m.mention_id, m.article_id, m.sentence_index, m.sentence, m.char_start, m.char_end,
               m.trigger, m.trigger_start, m.trigger_end, m.source_text, m.target_text, m.speaker,
               m.quote, m.confidence, a.title, a.source AS outlet, a.url, a.date AS article_date,
               a.synthetic, a.text
        FROM mentions m LEFT JOIN articles a USING (article_id)
        WHERE m.event_id = ? ORDER BY a.date, m.article_id, m.sentence_index
        """, [event_id])
    for m in mentions:
        text = m.pop("text")
        cs = m["char_start"]
        ts, te = m["trigger_start"], m["trigger_end"]
        rel = (ts - cs, te - cs) if None not in (ts, te, cs) else (None, None)
        m["pieces"] = _pieces(m["sentence"], *rel)
        m["context"] = _context(text, cs, m["char_end"])
        if isinstance(m.get("speaker"), str):
            try:
                m["speaker"] = json.loads(m["speaker"])
            except json.JSONDecodeError:
                pass
    event["mentions"] = mentions
    return event
