"""Writing ingested articles and the ingest log; reading them back for dedup and `status`."""
from __future__ import annotations

import json
import time
from typing import Any

import duckdb
import pyarrow as pa

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


_LOG_COLUMNS = ["item_key", "input", "status", "article_id", "duplicate_of", "reason"]
_ARTICLE_COLUMNS = [
    "article_id", "content_hash", "doc_id", "title", "text", "date", "source", "url",
    "language", "origin", "synthetic", "meta", "minhash",
]
_LOG_SQL = f"""INSERT OR REPLACE INTO ingest_log ({", ".join(_LOG_COLUMNS)}, logged_at)
    SELECT *, current_timestamp FROM {{table}}"""
_ARTICLE_SQL = f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) SELECT * FROM {{table}}"
_ARTICLE_SCHEMA = pa.schema(
    [(c, pa.bool_() if c == "synthetic" else pa.binary() if c == "minhash" else pa.string())
     for c in _ARTICLE_COLUMNS]
)
_LOG_SCHEMA = pa.schema([(c, pa.string()) for c in _LOG_COLUMNS])


def article_row(article: Article, article_id: str, content_hash: str, minhash: bytes | None) -> dict[str, Any]:
    meta = dict(article.meta)
    synthetic = bool(meta.pop("synthetic", False))
    return {
        "article_id": article_id, "content_hash": content_hash, "doc_id": article.doc_id,
        "title": article.title, "text": article.text, "date": article.date, "source": article.source,
        "url": article.url, "language": article.language, "origin": article.origin, "synthetic": synthetic,
        "meta": json.dumps(meta, ensure_ascii=False, default=str) if meta else None, "minhash": minhash,
    }


def _insert(con, sql: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    # Arrow batches insert an order of magnitude faster than row-by-row executemany.
    name = "_rp_ingest_rows"
    con.register(name, pa.Table.from_pylist(rows, schema=schema))
    try:
        con.execute(sql.format(table=name))
    finally:
        try:
            con.unregister(name)
        except duckdb.Error:
            pass  # in an aborted transaction; the next register() replaces the view anyway


class IngestWriter:
    """Collects articles and log rows and writes them in batches, one transaction per batch.

    An article and its 'stored' log row always share a transaction, so a killed run leaves
    neither behind; only the last, uncommitted batch is lost, and a re-run redoes it.
    """

    def __init__(self, store: Store, batch_size: int = 64, max_wait: float = 1.0):
        self.store = store
        self.batch_size = batch_size
        self.max_wait = max_wait  # seconds: slow inputs (URLs) should not hold finished items long
        self.articles: list[dict[str, Any]] = []
        self.logs: dict[str, dict[str, Any]] = {}
        self.since = 0.0
        # {item_key: existing article id} for articles another writer stored meanwhile; those
        # items are logged as duplicates instead of stored.
        self.clashes: dict[str, str] = {}

    def add_article(self, row: dict[str, Any], item_key: str, input: str) -> None:
        self.articles.append(row)
        self.add_log(item_key, input, "stored", article_id=row["article_id"])

    def add_log(self, item_key: str, input: str, status: str, *, article_id: str | None = None,
                duplicate_of: str | None = None, reason: str | None = None) -> None:
        if status not in LOG_STATUSES:
            raise ValueError(f"unknown ingest status {status!r}")
        if not self.logs:
            self.since = time.monotonic()
        # keyed by item so one batch never carries two rows for the same primary key; an article
        # whose log row is replaced must not be written without it
        old = self.logs.get(item_key)
        if old and old["status"] == "stored" and old["article_id"] != article_id:
            self.articles = [a for a in self.articles if a["article_id"] != old["article_id"]]
        self.logs[item_key] = dict(zip(_LOG_COLUMNS, [item_key, input, status, article_id, duplicate_of, reason]))
        if len(self.logs) >= self.batch_size:
            self.flush()
        else:
            self.flush_if_stale()

    def flush_if_stale(self) -> None:
        if self.logs and time.monotonic() - self.since >= self.max_wait:
            self.flush()

    def flush(self) -> None:
        """Write what is pending in one transaction."""
        articles, logs = self.articles, list(self.logs.values())
        self.articles, self.logs = [], {}
        if not logs:
            return
        try:
            with self.store.transaction() as con:
                if articles:
                    _insert(con, _ARTICLE_SQL, articles, _ARTICLE_SCHEMA)
                _insert(con, _LOG_SQL, logs, _LOG_SCHEMA)
        except duckdb.ConstraintException:
            self._one_by_one(articles, logs)

    def _one_by_one(self, articles: list[dict[str, Any]], logs: list[dict[str, Any]]) -> None:
        by_id = {a["article_id"]: a for a in articles}
        for log in logs:
            article = by_id.get(log["article_id"]) if log["status"] == "stored" else None
            try:
                with self.store.transaction() as con:
                    if article:
                        _insert(con, _ARTICLE_SQL, [article], _ARTICLE_SCHEMA)
                    _insert(con, _LOG_SQL, [log], _LOG_SCHEMA)
            except duckdb.ConstraintException:
                existing = article_by_hash(self.store, article["content_hash"]) if article else None
                if not existing:
                    raise
                self.clashes[log["item_key"]] = existing
                dup = dict(log, status="duplicate", article_id=None, duplicate_of=existing, reason="exact copy")
                with self.store.transaction() as con:
                    _insert(con, _LOG_SQL, [dup], _LOG_SCHEMA)


def status_counts(store: Store) -> dict[str, int]:
    counts = dict.fromkeys(LOG_STATUSES, 0)
    for status, n in store.execute("SELECT status, count(*) FROM ingest_log GROUP BY status").fetchall():
        counts[status] = n
    return counts


def table_counts(store: Store) -> dict[str, int]:
    return {
        "articles": store.scalar("SELECT count(*) FROM articles"),
        "articles coded": store.scalar("SELECT count(*) FROM articles WHERE coded_at IS NOT NULL"),
        # coding dates these articles' events by ingest time
        "stored without a date": store.scalar("SELECT count(*) FROM articles WHERE date IS NULL"),
        "events": store.scalar("SELECT count(*) FROM events"),
        "mentions": store.scalar("SELECT count(*) FROM mentions"),
    }


def failures(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    sql = "SELECT item_key AS item, reason, logged_at FROM ingest_log WHERE status = 'failed' ORDER BY item_key"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.rows(sql)


def undated(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored articles without a date: (article_id, item, title, date_error: why, when the input
    gave a date that could not be read)."""
    sql = ("SELECT article_id, origin AS item, title, json_extract_string(meta, '$.date_error') AS date_error "
           "FROM articles WHERE date IS NULL ORDER BY origin, article_id")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.rows(sql)
