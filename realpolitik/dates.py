"""One reader for the dates users and dictionaries give: ISO dates (a time after the date is
ignored), datetimes, YYYYMMDD and, where asked for, TABARI/PETRARCH's two-digit-year YYMMDD.

Callers differ only in what an unreadable date means, and say so themselves: the actor
dictionaries raise (a bad date in a dictionary is a bug to fix), coding ignores it
(`actors.entries.safe_date`: dates from the wild must not stop coding) and analyses turn it into
a one-line `AnalysisError` naming the option (`analysis.common.parse_date`).
"""
from __future__ import annotations

import datetime as dt


def parse_date(value, *, two_digit_years: bool = False) -> dt.date | None:
    """The date in `value`; None for None or a blank string; ValueError when unreadable.

    `two_digit_years` accepts YYMMDD (1930-2029, TABARI's window), which only PETRARCH-style
    dictionaries write; elsewhere six digits are more likely a typo than a date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    if not s:
        return None
    if len(s) >= 10 and s[4] == "-":
        return dt.date.fromisoformat(s[:10])
    if s.isdigit() and len(s) == 8:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
    if two_digit_years and s.isdigit() and len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        return dt.date(year, int(s[2:4]), int(s[4:]))
    raise ValueError(f"unrecognised date: {value!r}")
