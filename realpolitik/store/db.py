"""The embedded store: one DuckDB file, a versioned schema, transactional writes."""
from __future__ import annotations

import contextlib
import threading
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

import duckdb

from ..config import DEFAULT_DB


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("realpolitik.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(v for v, _ in _migrations())


class Store:
    """A connection to a realpolitik database, migrated to the current schema on open."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = Path(path)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.read_only = read_only
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        self._lock = threading.RLock()
        if not read_only:
            self.migrate()

    # -- schema -------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        current = self.schema_version()
        for version, sql in _migrations():
            if version <= current:
                continue
            with self.transaction():
                self.con.execute(sql)
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                )

    # -- access -------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: a killed or failing run leaves no half-written rows."""
        with self._lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield self.con
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            self.con.execute("COMMIT")

    def execute(self, sql: str, params: Any = None) -> duckdb.DuckDBPyConnection:
        with self._lock:
            return self.con.execute(sql, params) if params is not None else self.con.execute(sql)

    def rows(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        """Query results as dicts, for the CLI, the API and tests."""
        with self._lock:
            cur = self.con.execute(sql, params) if params is not None else self.con.execute(sql)
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, r)) for r in cur.fetchall()]

    def scalar(self, sql: str, params: Any = None) -> Any:
        # fetchall, not fetchone: an unfinished result breaks the next register() on DuckDB 2.
        rows = self.execute(sql, params).fetchall()
        return rows[0][0] if rows else None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)
