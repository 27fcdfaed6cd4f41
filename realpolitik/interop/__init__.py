"""realpolitik.interop: GDELT/ICEWS imports and exports.

    import_gdelt(store, path)   GDELT 1.0 (57/58 columns) or 2.0 (61), plain/.gz/.zip
    import_icews(store, path)   ICEWS coded-event files
    import_events(store, path)  realpolitik's own events (JSONL/CSV/Parquet)
    export_events(store, fmt, out, date_from=None, date_to=None)   gdelt|csv|jsonl|parquet

Each import returns an `ImportResult`; re-importing the same file content is a no-op.
"""
from .common import ImportResult
from .events_file import import_events
from .export import export_events
from .gdelt import import_gdelt
from .icews import import_icews

__all__ = ["ImportResult", "export_events", "import_events", "import_gdelt", "import_icews"]
