"""A daily country-dyad roll-up of `events`, so panel queries read far fewer rows.

`dyad_daily` (created by migration 0003) holds, per day, source country, target country and CAMEO
root, the non-negated event count, mentions and Goldstein sums. Importers and the coder should call
`refresh_dyad_daily(store)` after writing events; analyses call `daily_source(store)`, which uses the
roll-up only when its recorded signature (row count, mentions sum, max date of `events`) still
matches, and otherwise reads `events` directly, so a stale roll-up can never give wrong numbers.
"""
from __future__ import annotations

SIGNATURE_KEY = "dyad_daily_signature"


def events_signature(store) -> str:
    n, m, d = store.execute("SELECT count(*), coalesce(sum(num_mentions), 0), max(date) FROM events").fetchone()
    return f"{n}:{m}:{d}"


def _has_table(store) -> bool:
    return bool(store.scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'dyad_daily'"))


def refresh_dyad_daily(store, force: bool = False) -> bool:
    """Rebuild the roll-up when events changed since the last refresh; True if it was rebuilt."""
    if store.read_only or not _has_table(store):
        return False
    sig = events_signature(store)
    if not force and store.scalar("SELECT value FROM meta WHERE key = ?", [SIGNATURE_KEY]) == sig:
        return False
    with store.transaction() as con:
        con.execute("DELETE FROM dyad_daily")
        con.execute(
            """
            INSERT INTO dyad_daily
            SELECT date, source_country, target_country, cameo_root, any_value(quad_class),
                   count(*), sum(coalesce(num_mentions, 1)), sum(goldstein),
                   sum(goldstein * coalesce(num_mentions, 1))
            FROM events
            WHERE NOT coalesce(negated, false) AND source_country IS NOT NULL AND target_country IS NOT NULL
            GROUP BY date, source_country, target_country, cameo_root
            ORDER BY date
            """
        )
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [SIGNATURE_KEY, sig])
    return True


def is_fresh(store) -> bool:
    if not _has_table(store):
        return False
    return store.scalar("SELECT value FROM meta WHERE key = ?", [SIGNATURE_KEY]) == events_signature(store)


def daily_source(store, weight: str) -> tuple[str, str, str]:
    """(FROM relation, weight expression, extra filter) for country-level daily counts."""
    if is_fresh(store):
        return "dyad_daily", ("events" if weight == "events" else "mentions"), "TRUE"
    from .common import weight_sql

    return "events", weight_sql(weight), "NOT coalesce(negated, false)"
