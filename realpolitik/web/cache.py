"""A small result cache for analyses, invalidated whenever the events table changes.

Dashboards ask for the same dyad or network again and again; the analyses are deterministic
given the events, so a result is reused while the store's signature (row count, mentions sum,
last date, schema-independent) is unchanged. Errors are not cached.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable

MAX_ENTRIES = 256
SIGNATURE_TTL = 2.0  # seconds: how long one signature read is trusted

_lock = threading.Lock()
_results: OrderedDict = OrderedDict()
_sig: dict[str, Any] = {"value": None, "at": 0.0}


def signature(store) -> str:
    now = time.monotonic()
    with _lock:
        if _sig["value"] is not None and now - _sig["at"] < SIGNATURE_TTL and _sig.get("path") == str(store.path):
            return _sig["value"]
    n, m, d = store.execute("SELECT count(*), coalesce(sum(num_mentions), 0), max(date) FROM events").fetchone()
    value = f"{store.path}:{n}:{m}:{d}"
    with _lock:
        _sig.update(value=value, at=now, path=str(store.path))
    return value


def get_or_run(store, key: tuple, run: Callable[[], Any]) -> Any:
    full = (signature(store),) + key
    with _lock:
        if full in _results:
            _results.move_to_end(full)
            return _results[full]
    value = run()
    with _lock:
        _results[full] = value
        while len(_results) > MAX_ENTRIES:
            _results.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _results.clear()
        _sig.update(value=None, at=0.0)
