"""One DuckDB database, many request threads: every request gets its own cursor.

DuckDB connections are not thread-safe, but cursors made from one connection are independent
connections to the same database, so concurrent requests neither block on one lock nor corrupt a
shared connection. `StoreView` wraps such a cursor in the `Store` interface, so the analysis,
brief, ingest and coding functions can be called with it unchanged.
"""
from __future__ import annotations

import threading
from pathlib import Path

import duckdb

from ..store import Store, open_store


class StoreView(Store):
    """A `Store` over a cursor of another store's connection (not migrated, not owning the file)."""

    def __init__(self, parent: Store):  # noqa: D107 - deliberately does not call Store.__init__
        self.path = parent.path
        self.read_only = parent.read_only
        self.con = parent.con.cursor()
        self._lock = threading.RLock()


class StoreHub:
    """Owns the server's one connection; hands out cursors per request or job."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.note = ""
        try:
            self.store = open_store(self.path)
        except duckdb.IOException as exc:
            # Another process (a running `realpolitik code`) holds the write lock: serve reads only.
            if not self.path.exists():
                raise
            self.store = open_store(self.path, read_only=True)
            self.note = (f"another process has {self.path} open (a `realpolitik` command reading it), so this"
                         f" server opened it read-only: {str(exc).splitlines()[0]}")
        self._lock = threading.Lock()

    @property
    def writable(self) -> bool:
        return not self.store.read_only

    def view(self) -> StoreView:
        with self._lock:  # cursor() itself touches the parent connection
            return StoreView(self.store)

    def close(self) -> None:
        self.store.close()
