"""Calendar periods: the same buckets as DuckDB's date_trunc, listed without gaps."""
from __future__ import annotations

import datetime as dt

FREQS = ("day", "week", "month")


def truncate(d: dt.date, freq: str) -> dt.date:
    if freq == "day":
        return d
    if freq == "week":  # ISO weeks start on Monday, as date_trunc('week') does
        return d - dt.timedelta(days=d.weekday())
    if freq == "month":
        return d.replace(day=1)
    raise ValueError(f"freq {freq!r}: use day, week or month")


def next_period(d: dt.date, freq: str) -> dt.date:
    if freq == "day":
        return d + dt.timedelta(days=1)
    if freq == "week":
        return d + dt.timedelta(days=7)
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def period_range(start: dt.date, end: dt.date, freq: str) -> list[dt.date]:
    """Every period start from the one holding `start` to the one holding `end`."""
    out = []
    p = truncate(start, freq)
    last = truncate(end, freq)
    while p <= last:
        out.append(p)
        p = next_period(p, freq)
    return out
