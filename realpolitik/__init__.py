"""realpolitik: news to a sourced record of who does what to whom, and diplomatic-tactics analysis.

The Python API mirrors the CLI. Heavy parts (spaCy, DuckDB, plotly) load only when first used:

    import realpolitik
    store = realpolitik.open_store("world.duckdb")
    realpolitik.ingest(["news/"], store)
    realpolitik.code_store(store)
    realpolitik.dyad(store, "RUS", "USA")
    realpolitik.write_brief(store, actors="RUS,USA").to_markdown()
"""
from __future__ import annotations

import importlib
from typing import Any

from .records import Actor, Article, Event
from .store import Store, open_store

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY = {
    "ingest": "realpolitik.ingest",
    "Coder": "realpolitik.events.coder",
    "code_texts": "realpolitik.events.parallel",
    "code_docs": "realpolitik.events.parallel",
    "code_file": "realpolitik.events.parallel",
    "code_store": "realpolitik.store.events",
    "evaluate": "realpolitik.events.evaluate",
    "cameo": "realpolitik.events.taxonomy",
    "ActorResolver": "realpolitik.actors",
    "ActorDictionary": "realpolitik.actors",
    "dyad": "realpolitik.analysis",
    "profile": "realpolitik.analysis",
    "network": "realpolitik.analysis",
    "shifts": "realpolitik.analysis",
    "forecast": "realpolitik.analysis",
    "backtest": "realpolitik.analysis",
    "write_brief": "realpolitik.brief",
    "import_gdelt": "realpolitik.interop",
    "import_icews": "realpolitik.interop",
    "import_events": "realpolitik.interop",
    "export_events": "realpolitik.interop",
}

__all__ = ["Actor", "Article", "Event", "Store", "open_store", "__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'realpolitik' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
