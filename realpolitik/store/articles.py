"""Writing ingested articles and the ingest log; reading them back for dedup and `status`."""
from __future__ import annotations

import json
from typing import Any

from ..records import Article
from .db import Store

LOG_STATUSES = ("stored", "duplicate", "skipped", "failed")


def settled_keys(store: Store) -> set[str]:
    """Items a re-run must not touch again; failed items are retried."""
    rows = store.execute("SELECT item_key FROM ingest_log WHERE status <> 'failed'").fetchall()
    return {r[0] for r in rows}


def signatures(store: Store) -> list[tuple[str, str, bytes | None]]:
    """(article_id, content_hash, minhash) of every stored article, to rebuild the dedup index."""
    return store.execute("SELECT article_id, content_hash, minhash FROM articles").fetchall()


def article_by_hash(store: Store, content_hash: str) -> str | None:
    return store.scalar("SELECT article_id FROM articles WHERE content_hash = ?", [content_hash])


_LOG_SQL = """INSERT OR REPLACE INTO ingest_log
    (item_key, input, status, article_id, duplicate_of, reason, logged_at)
    VALUES (?, ?, ?, ?, ?, ?, current_timestamp)"""


def log_item(
    store: Store,
    item_key: str,
    input: str,
    status: str,
    *,
    article_id: str | None = None,
    duplicate_of: str | None = None,
    reason: str | None = None,
) -> None:
    if status not in LOG_STATUSES:
        raise ValueError(f"unknown ingest status {status!r}")
    with store.transaction() as con:
        con.execute(_LOG_SQL, [item_key, input, status, article_id, duplicate_of, reason])


def store_article(
    store: Store,
    article: Article,
    *,
    article_id: str,
    content_hash: str,
    minhash: bytes | None,
    item_key: str,
    input: str,
) -> None:
    """The article and its 'stored' log row in one transaction: both land or neither does."""
    meta = dict(article.meta)
    synthetic = bool(meta.pop("synthetic", False))
    with store.transaction() as con:
        con.execute(
            """INSERT INTO articles (article_id, content_hash, doc_id, title, text, date, source, url,
                   language, origin, synthetic, meta, minhash)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                article_id, content_hash, article.doc_id, article.title, article.text, article.date,
                article.source, article.url, article.language, article.origin, synthetic,
                json.dumps(meta, ensure_ascii=False, default=str) if meta else None, minhash,
            ],
        )
        con.execute(_LOG_SQL, [item_key, input, "stored", article_id, None, None])


def status_counts(store: Store) -> dict[str, int]:
    counts = dict.fromkeys(LOG_STATUSES, 0)
    for status, n in store.execute("SELECT status, count(*) FROM ingest_log GROUP BY status").fetchall():
        counts[status] = n
    return counts


def table_counts(store: Store) -> dict[str, int]:
    return {
        "articles": store.scalar("SELECT count(*) FROM articles"),
        "articles coded": store.scalar("SELECT count(*) FROM articles WHERE coded_at IS NOT NULL"),
        "events": store.scalar("SELECT count(*) FROM events"),
        "mentions": store.scalar("SELECT count(*) FROM mentions"),
    }


def failures(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    sql = "SELECT item_key AS item, reason, logged_at FROM ingest_log WHERE status = 'failed' ORDER BY item_key"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.rows(sql)
