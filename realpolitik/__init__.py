"""realpolitik: news to a sourced record of who does what to whom, and diplomatic-tactics analysis.

The Python API mirrors the CLI; heavy parts (spaCy, DuckDB) are imported only when used.
"""
from __future__ import annotations

from .records import Actor, Article, Event
from .store import Store, open_store

__version__ = "0.1.0"

__all__ = ["Actor", "Article", "Event", "Store", "open_store", "__version__"]
