"""One DuckDB database, many request threads: every request gets its own cursor.

DuckDB connections are not thread-safe, but cursors made from one connection are independent
connections to the same database, so concurrent requests neither block on one lock nor corrupt a
shared connection. `StoreView` wraps such a cursor in the `Store` interface, so the analysis,
brief, ingest and coding functions can be called with it unchanged.

DuckDB lets no other process open a file while one has it open for writing. So that the CLI
(`realpolitik network`, `ingest`, ...) can use the store while the server runs, the hub lets go of
the file once no request or job has used it for `idle_close` seconds, and opens it again on the
next request. While another process holds the file, requests get `StoreBusy` (503).
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

import duckdb

from ..store import Store, open_store

_LOCKED = re.compile(r"conflicting lock|could not set lock", re.I)
IDLE_CLOSE = 2.0  # seconds without requests or jobs before the server releases the file


class StoreBusy(RuntimeError):
    """Another process holds the store's lock (a CLI ingest or coding run, say)."""


class StoreView(Store):
    """A `Store` over a cursor of another store's connection (not migrated, not owning the file)."""

    def __init__(self, parent: Store, release=None):  # noqa: D107 - deliberately does not call Store.__init__
        self.path = parent.path
        self.read_only = parent.read_only
        self.con = parent.con.cursor()
        self._lock = threading.RLock()
        self._release = release

    def close(self) -> None:
        try:
            self.con.close()
        finally:
            release, self._release = self._release, None
            if release:
                release()


class StoreHub:
    """Owns the server's one connection; hands out cursors per request or job, and closes the
    connection when none has been out for `idle_close` seconds (None: keep it open)."""

    def __init__(self, path: str | Path, idle_close: float | None = IDLE_CLOSE):
        self.path = Path(path)
        self.note = ""
        self.idle_close = idle_close
        self.store: Store | None = None
        self._lock = threading.RLock()
        self._users = 0
        self._timer: threading.Timer | None = None
        self._closed = False
        self._open()  # at start: create and migrate the store, fail early on a bad file
        self._idle()

    def _open(self) -> None:
        try:
            self.store = open_store(self.path)
            self.note = ""
        except duckdb.IOException as exc:
            # Another process has the file: read-only if it only reads, else busy.
            if not self.path.exists():
                raise
            try:
                self.store = open_store(self.path, read_only=True)
            except duckdb.IOException as ro_exc:
                if not _LOCKED.search(str(ro_exc)):
                    raise  # not a DuckDB file, unreadable, ...
                pid = re.search(r"\(PID (\d+)\)", str(ro_exc))
                who = f"process {pid.group(1)}" if pid else "another process"
                raise StoreBusy(f"the store is in use by {who} (a realpolitik command writing it, such as ingest"
                                f" or code); try again when it has finished") from None
            self.note = (f"another process has {self.path} open (a `realpolitik` command reading it), so this"
                         f" server opened it read-only: {str(exc).splitlines()[0]}")

    @property
    def writable(self) -> bool:
        return self.store is None or not self.store.read_only

    def view(self) -> StoreView:
        with self._lock:  # cursor() itself touches the parent connection
            if self._closed:
                raise StoreBusy("the server is stopping")
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self.store is None:
                self._open()
            view = StoreView(self.store, self._release)
            self._users += 1
            return view

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            self._idle()

    def _idle(self) -> None:
        if self._users <= 0 and self.idle_close is not None and self.store is not None and not self._closed:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.idle_close, self._close_if_idle)
            self._timer.daemon = True
            self._timer.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            if self._users <= 0 and self.store is not None:
                self.store.close()
                self.store = None
                self.note = ""
            self._timer = None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self.store is not None:
                self.store.close()
                self.store = None
