"""FastAPI dependencies shared by the routers: a store cursor per request, common query options."""
from __future__ import annotations

import datetime as dt
import enum
from typing import Iterator, Optional

from fastapi import Depends, HTTPException, Query, Request

from .security import require_read
from .storeaccess import StoreView


def get_store(request: Request) -> Iterator[StoreView]:
    view = request.app.state.hub.view()
    try:
        yield view
    finally:
        view.close()


def reader(request: Request, _: None = Depends(require_read)) -> Iterator[StoreView]:
    """A store cursor for a request that passed the read check."""
    yield from get_store(request)


class Weight(str, enum.Enum):
    events = "events"
    mentions = "mentions"


class Freq(str, enum.Enum):
    day = "day"
    week = "week"
    month = "month"


class Level(str, enum.Enum):
    country = "country"
    code = "code"


class Window:
    """`from` / `to` (inclusive days) as query parameters, checked for order."""

    def __init__(self, start: Optional[dt.date] = Query(None, alias="from", description="First day, YYYY-MM-DD."),
                 end: Optional[dt.date] = Query(None, alias="to", description="Last day, YYYY-MM-DD.")):
        if start and end and start > end:
            raise HTTPException(400, f"from {start} is after to {end}")
        self.start, self.end = start, end

    def clamped(self, store) -> "Window":
        """The window cut to the days the store has events for. Days outside add only empty
        periods, and a window from year 1 to 9999 would make every analysis build millions of them."""
        lo, hi = store.execute("SELECT min(date), max(date) FROM events").fetchone()
        if lo is None:
            return self
        start, end = self.start, self.end
        if start and start > hi:
            start = end = hi + dt.timedelta(days=1)  # after all the data: one empty day next to it
        elif end and end < lo:
            start = end = lo - dt.timedelta(days=1)  # before all the data: likewise
        else:
            start = max(start, lo) if start else None
            end = min(end, hi) if end else None
        out = Window.__new__(Window)
        out.start, out.end = start, end
        return out
