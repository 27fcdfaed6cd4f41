"""Writing coded events into the store, rolled up: one `events` row per real-world event, one
`mentions` row per report of it.

Two reports are the same event when they agree on (date, source code, target code, CAMEO code,
negated, modality); the event id is a hash of exactly those fields, so articles coded in
different runs or batches land on the same row. `num_mentions`, `num_articles` and
`num_sources` (distinct outlets) are recomputed from `mentions` for every event a batch touches.

`code_store` codes every article not yet coded, one transaction per batch (events, mentions and
`articles.coded_at` together), so an interrupted run resumes where it stopped.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import pyarrow as pa

from ..records import Actor, Event
from .db import Store

BATCH_DOCS = 64  # articles per transaction: small enough that an interruption loses little
PAGE = 256  # articles fetched per query while streaming the uncoded ones


def rollup_id(date: str, source: str | None, target: str | None, cameo: str, negated: bool,
              modality: str) -> str:
    key = "|".join([date, source or "", target or "", cameo, "1" if negated else "0", modality or ""])
    return "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _mention_id(article_id: str, ev: Event, event_id: str) -> str:
    key = f"{article_id}|{ev.sentence_index}|{ev.trigger_start}|{ev.trigger_end}|{event_id}"
    return "m" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _iso(d: Any) -> str | None:
    if d is None:
        return None
    if isinstance(d, (dt.date, dt.datetime)):
        return d.strftime("%Y-%m-%d")
    s = str(d).strip()[:10]
    try:
        return dt.date.fromisoformat(s).isoformat()
    except ValueError:
        return None


def _actor_cols(prefix: str, a: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_code": a.code if a else None, f"{prefix}_country": a.country if a else None,
        f"{prefix}_sector": a.sector if a else None, f"{prefix}_type": a.type if a else None,
        f"{prefix}_name": (a.name or a.text) if a else None,
    }


def _rows(article: dict, events: list[Event]) -> tuple[list[dict], list[dict]]:
    """(event rows, mention rows) for one article's coded events."""
    fallback = _iso(article.get("date")) or _iso(article.get("ingested_at"))
    ev_rows, m_rows = [], []
    for ev in events:
        date = _iso(ev.date) or fallback
        if date is None:
            continue  # no date anywhere: cannot be placed on a day
        src, tgt = ev.source.code if ev.source else None, ev.target.code if ev.target else None
        eid = rollup_id(date, src, tgt, ev.cameo, ev.negated, ev.modality)
        ev_rows.append({
            "event_id": eid, "date": date, **_actor_cols("source", ev.source),
            **_actor_cols("target", ev.target), "cameo": ev.cameo, "cameo_root": ev.cameo[:2],
            "cameo_label": ev.cameo_label, "quad_class": ev.quad_class, "goldstein": ev.goldstein,
            "plover": ev.plover, "plover_mode": ev.plover_mode or None, "negated": ev.negated,
            "modality": ev.modality, "source_url": article.get("url"),
        })
        m_rows.append({
            "mention_id": _mention_id(article["article_id"], ev, eid), "event_id": eid,
            "article_id": article["article_id"], "sentence_index": ev.sentence_index,
            "sentence": ev.sentence, "char_start": ev.char_start, "char_end": ev.char_end,
            "trigger": ev.trigger, "trigger_start": ev.trigger_start, "trigger_end": ev.trigger_end,
            "source_text": ev.source.text if ev.source else None,
            "target_text": ev.target.text if ev.target else None,
            "speaker": json.dumps(ev.speaker.to_dict()) if ev.speaker else None,
            "quote": ev.quote, "confidence": ev.confidence,
        })
    return ev_rows, m_rows


_EVENT_COLS = [
    "event_id", "date", "source_code", "source_country", "source_sector", "source_type",
    "source_name", "target_code", "target_country", "target_sector", "target_type", "target_name",
    "cameo", "cameo_root", "cameo_label", "quad_class", "goldstein", "plover", "plover_mode",
    "negated", "modality", "source_url",
]
_MENTION_COLS = [
    "mention_id", "event_id", "article_id", "sentence_index", "sentence", "char_start", "char_end",
    "trigger", "trigger_start", "trigger_end", "source_text", "target_text", "speaker", "quote",
    "confidence",
]


def _table(rows: list[dict], cols: list[str]) -> pa.Table:
    return pa.table({c: [r.get(c) for r in rows] for c in cols}) if rows else pa.table(
        {c: pa.array([], pa.string()) for c in cols})


def write_coded(store: Store, coded: list[tuple[dict, list[Event]]], coder_version: str = "") -> int:
    """Store one batch of coded articles (article dicts need article_id, date or ingested_at,
    url) and mark them coded, in one transaction. Returns the number of mentions written."""
    ev_rows, m_rows = [], []
    for article, events in coded:
        e, m = _rows(article, events)
        ev_rows.extend(e)
        m_rows.extend(m)
    ids = pa.table({"article_id": [a["article_id"] for a, _ in coded]})
    con = store.con
    with store.transaction():
        con.register("_arts", ids)
        con.register("_new_events", _table(ev_rows, _EVENT_COLS))
        con.register("_new_mentions", _table(m_rows, _MENTION_COLS))
        try:
            # Events these articles supported before (a re-code) need their counts redone too.
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _touched AS "
                "SELECT DISTINCT event_id FROM mentions WHERE article_id IN (SELECT article_id FROM _arts) "
                "UNION SELECT DISTINCT event_id FROM _new_events"
            )
            con.execute("DELETE FROM mentions WHERE article_id IN (SELECT article_id FROM _arts)")
            con.execute(
                "INSERT INTO mentions (" + ", ".join(_MENTION_COLS) + ") "
                "SELECT DISTINCT ON (mention_id) " + ", ".join(_MENTION_COLS) + " FROM _new_mentions"
            )
            cols = ", ".join(_EVENT_COLS)
            con.execute(
                f"INSERT INTO events ({cols}) SELECT DISTINCT ON (event_id) {cols} FROM _new_events n "
                "WHERE n.event_id NOT IN (SELECT event_id FROM events WHERE event_id IN "
                "(SELECT event_id FROM _new_events))"
            )
            _refresh_counts(store)
            con.execute(
                "UPDATE articles SET coded_at = current_timestamp, coder_version = ? "
                "WHERE article_id IN (SELECT article_id FROM _arts)", [coder_version]
            )
        finally:
            for name in ("_arts", "_new_events", "_new_mentions"):
                con.unregister(name)
    return len(m_rows)


def _refresh_counts(store: Store) -> None:
    """Recount mentions / articles / outlets for the events in `_touched`; drop coded events
    no article reports any more. An article without an outlet counts as its own source."""
    con = store.con
    con.execute("""
        UPDATE events SET num_mentions = c.n_mentions, num_articles = c.n_articles,
                          num_sources = c.n_sources
        FROM (
            SELECT m.event_id, count(*) AS n_mentions, count(DISTINCT m.article_id) AS n_articles,
                   count(DISTINCT coalesce(a.source, a.article_id)) AS n_sources
            FROM mentions m JOIN articles a USING (article_id)
            WHERE m.event_id IN (SELECT event_id FROM _touched)
            GROUP BY m.event_id
        ) c
        WHERE events.event_id = c.event_id
    """)
    con.execute("""
        DELETE FROM events WHERE origin = 'realpolitik'
          AND event_id IN (SELECT event_id FROM _touched)
          AND event_id NOT IN (SELECT event_id FROM mentions WHERE event_id IN (SELECT event_id FROM _touched))
    """)


def reset_coding(store: Store) -> None:
    """Forget all coded news (for --recode): events from coding, every mention, coded_at."""
    with store.transaction() as con:
        con.execute("DELETE FROM mentions")
        con.execute("DELETE FROM events WHERE origin = 'realpolitik'")
        con.execute("UPDATE articles SET coded_at = NULL, coder_version = NULL WHERE coded_at IS NOT NULL")


def uncoded_articles(store: Store, page: int = PAGE) -> Iterator[dict]:
    """Articles with coded_at NULL, in article_id order, fetched a page at a time."""
    last = ""
    while True:
        rows = store.rows(
            "SELECT article_id, text, title, date, ingested_at, source, url FROM articles "
            "WHERE coded_at IS NULL AND article_id > ? ORDER BY article_id LIMIT ?", [last, page],
        )
        if not rows:
            return
        for r in rows:
            r["id"] = r["article_id"]
            # An article without a date is coded as of its ingest day, so analyses can place its
            # events; `undated` lets code_store count them, so that is never silent.
            own = _iso(r["date"])
            r["undated"] = own is None
            r["date"] = own or _iso(r["ingested_at"])
            yield r
        last = rows[-1]["article_id"]


@dataclass
class CodeStoreResult:
    articles: int = 0
    events: int = 0  # coded events (mentions) written
    failed: list[tuple[str, str]] | None = None  # (article_id, error): left uncoded for a retry
    coder_version: str = ""
    undated: int = 0  # articles coded without a date of their own: their events carry the ingest date


def code_store(store: Store, workers: int | None = None, spec: Any = None, recode: bool = False,
               batch_docs: int = BATCH_DOCS, on_doc: Callable[[Any], None] | None = None,
               chunk_size: int | None = None) -> CodeStoreResult:
    """Code every stored article not yet coded (all of them with `recode`), resumably."""
    from ..events.parallel import CHUNK_SIZE, ParallelCoder

    if recode:
        reset_coding(store)
    result = CodeStoreResult(failed=[])
    batch: list[tuple[dict, list[Event]]] = []
    with ParallelCoder(spec, workers=workers, chunk_size=chunk_size or CHUNK_SIZE) as pc:
        for r in pc.code(uncoded_articles(store)):
            if r.error:
                result.failed.append((r.doc["article_id"], r.error))
            else:
                batch.append((r.doc, r.events))
                result.articles += 1
                result.undated += bool(r.doc.get("undated"))
            if on_doc:
                on_doc(r)
            if len(batch) >= batch_docs:
                result.events += write_coded(store, batch, pc.version)
                batch = []
        if batch:
            result.events += write_coded(store, batch, pc.version)
        result.coder_version = pc.version
    return result


def store_summary(store: Store, top: int = 10) -> dict[str, list[dict[str, Any]]]:
    """Sections of {item, value, share?} rows describing the store (events counted when not
    negated, as analyses count them; dyads and actors at country level, falling back to codes)."""
    from ..events.taxonomy import QUAD_CLASS_LABELS

    one = store.rows("""
        SELECT (SELECT count(*) FROM articles) AS articles,
               (SELECT count(*) FROM articles WHERE coded_at IS NOT NULL) AS coded,
               (SELECT count(*) FROM events WHERE origin = 'realpolitik') AS coded_events,
               (SELECT count(*) FROM events WHERE origin <> 'realpolitik') AS imported_events,
               (SELECT count(*) FROM mentions) AS mentions,
               (SELECT count(*) FROM events WHERE negated) AS negated,
               (SELECT min(date) FROM events) AS first, (SELECT max(date) FROM events) AS last
    """)[0]
    total = store.rows("SELECT count(*) AS n FROM events WHERE NOT negated")[0]["n"]

    def share(n: int) -> float | None:
        return n / total if total else None

    overview = [
        {"item": "articles", "value": one["articles"]},
        {"item": "articles coded", "value": one["coded"]},
        {"item": "events coded from news", "value": one["coded_events"]},
        {"item": "events imported", "value": one["imported_events"]},
        {"item": "mentions", "value": one["mentions"]},
        {"item": "negated events (not counted below)", "value": one["negated"]},
        {"item": "first event date", "value": str(one["first"] or "")},
        {"item": "last event date", "value": str(one["last"] or "")},
    ]
    quad = [
        {"item": f"{r['q']} {QUAD_CLASS_LABELS.get(r['q'], '?')}", "value": r["n"], "share": share(r["n"])}
        for r in store.rows("SELECT quad_class AS q, count(*) AS n FROM events WHERE NOT negated "
                            "GROUP BY 1 ORDER BY 1")
    ]
    plover = [
        {"item": r["p"] or "(none)", "value": r["n"], "share": share(r["n"])}
        for r in store.rows("SELECT plover AS p, count(*) AS n FROM events WHERE NOT negated "
                            "GROUP BY 1 ORDER BY 2 DESC, 1")
    ]
    dyads = [
        {"item": f"{r['s']} -> {r['t']}", "value": r["n"], "share": share(r["n"])}
        for r in store.rows("""
            SELECT coalesce(source_country, source_code) AS s, coalesce(target_country, target_code) AS t,
                   count(*) AS n
            FROM events WHERE NOT negated AND target_code IS NOT NULL
            GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?""", [top])
    ]
    actors = [
        {"item": r["a"], "value": r["n"], "share": share(r["n"])}
        for r in store.rows("""
            SELECT a, count(*) AS n FROM (
                SELECT coalesce(source_country, source_code) AS a FROM events WHERE NOT negated
                UNION ALL
                SELECT coalesce(target_country, target_code) FROM events WHERE NOT negated)
            WHERE a IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?""", [top])
    ]
    return {"store": overview, "events by quad class": quad, "events by PLOVER type": plover,
            "top dyads": dyads, "top actors": actors}
