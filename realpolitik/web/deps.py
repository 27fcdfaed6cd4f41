"""FastAPI dependencies shared by the routers: a store cursor per request, common query options."""
from __future__ import annotations

import datetime as dt
from typing import AsyncIterator, Optional

from fastapi import Depends, HTTPException, Query, Request

from ..analysis.options import Freq, Level, Weight  # noqa: F401  (query enums the routers use)
from .security import require_read
from .storeaccess import StoreBusy, StoreView


def _view(request: Request) -> StoreView:
    try:
        return request.app.state.hub.view()
    except StoreBusy as exc:  # a CLI command holds the file right now
        raise HTTPException(503, str(exc), headers={"Retry-After": "5"}) from None


# The dependencies here are `async def` on purpose: they do no blocking work (a cursor is made
# in microseconds), and FastAPI runs every plain `def` dependency on a worker thread, so sync ones
# would cost a thread hand-off each. Only the route body itself runs on a thread.
async def get_store(request: Request) -> AsyncIterator[StoreView]:
    view = _view(request)
    try:
        yield view
    finally:
        view.close()


async def reader(request: Request, _: None = Depends(require_read)) -> AsyncIterator[StoreView]:
    """A store cursor for a request that passed the read check."""
    view = _view(request)
    try:
        yield view
    finally:
        view.close()


class Window:
    """Inclusive first and last day; either may be open (None)."""

    def __init__(self, start: Optional[dt.date] = None, end: Optional[dt.date] = None):
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
        return Window(start, end)


async def window_params(start: Optional[dt.date] = Query(None, alias="from", description="First day, YYYY-MM-DD."),
                        end: Optional[dt.date] = Query(None, alias="to", description="Last day, YYYY-MM-DD.")) -> Window:
    """`from` / `to` query parameters, checked for order."""
    if start and end and start > end:
        raise HTTPException(400, f"from {start} is after to {end}")
    return Window(start, end)
