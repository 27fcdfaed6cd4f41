"""Dates from whatever the input gives (ISO strings, RFC 822, prose, struct_time) to ISO dates."""
from __future__ import annotations

import datetime as dt
import re
import time
from functools import lru_cache
from typing import Any

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
# Without a year, "Tuesday" would be read relative to today: a wrong date is worse than none.
_SETTINGS = {"REQUIRE_PARTS": ["year", "month"], "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD for a date-like value, or None when it cannot be read as a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    return _parse_prose(text[:100])


@lru_cache(maxsize=4096)
def _parse_prose(text: str) -> str | None:
    import dateparser  # slow to import; most inputs carry ISO dates

    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date().isoformat() if parsed else None
