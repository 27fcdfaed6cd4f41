"""Embedded DuckDB store: articles, ingest log, events and their mentions."""
from .db import SCHEMA_VERSION, Store, open_store

__all__ = ["SCHEMA_VERSION", "Store", "open_store"]
