"""Reading news into the store: files, directories, feeds and URLs; language filter; dedup.

    from realpolitik.ingest import ingest
    report = ingest(["news/", "https://example.com/feed.rss"], store)
"""
from .pipeline import IngestReport, ItemResult, ingest

__all__ = ["IngestReport", "ItemResult", "ingest"]
