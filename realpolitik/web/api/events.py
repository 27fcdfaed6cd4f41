"""/api/events: filtered, paginated listing; CSV export; one event with its sentences."""
from __future__ import annotations

import csv
import io
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from ...events.taxonomy import PLOVER_TYPES
from ..deps import Window, reader, window_params
from ..events_query import LIST_COLUMNS, BadFilter, EventFilter, export_rows, get_event, list_events
from ..jsonable import Json, plain
from ..schemas import ERRORS, ErrorBody, EventDetail, EventPage
from ..security import require_read

router = APIRouter(prefix="/api/events", tags=["events"])

EXPORT_MAX = 100_000


async def event_filter(
    window: Window = Depends(window_params),
    actor: Optional[str] = Query(None, max_length=100, description="Either side: code (RUS, USAGOV) or name."),
    source: Optional[str] = Query(None, max_length=100, description="Source actor: code or name."),
    target: Optional[str] = Query(None, max_length=100, description="Target actor: code or name."),
    cameo: Optional[str] = Query(None, max_length=4, description="CAMEO code or prefix: 19, 190, 0231."),
    plover: Optional[str] = Query(None, description=f"PLOVER type: {', '.join(PLOVER_TYPES)}."),
    quad_class: Optional[int] = Query(None, ge=1, le=4, description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict."),
    q: Optional[str] = Query(None, max_length=200, description="Words in the sentence, CAMEO label or actor names."),
    negated: Optional[bool] = Query(None, description="Only negated (true) or only affirmed (false) events."),
) -> EventFilter:
    if plover and plover.upper() not in PLOVER_TYPES:
        raise HTTPException(400, f"plover {plover!r}: use one of {', '.join(PLOVER_TYPES)}")
    return EventFilter(actor=actor, source=source, target=target, cameo=cameo, plover=plover,
                       quad_class=quad_class, start=window.start, end=window.end, q=q or None, negated=negated)


@router.get("", summary="List events, newest first, with filters and cursor pagination", response_model=EventPage,
            responses=ERRORS)
def events(flt: EventFilter = Depends(event_filter), limit: int = Query(50, ge=1, le=500),
           cursor: Optional[str] = Query(None, max_length=400, description="next_cursor of the previous page."),
           store=Depends(reader)):
    try:
        page = list_events(store, flt, limit, cursor)
    except BadFilter as exc:
        raise HTTPException(400, str(exc)) from None
    return Json({**page, "limit": limit})


@router.get("/export", summary="The filtered events as CSV", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}}, **ERRORS})
def export(request: Request, flt: EventFilter = Depends(event_filter),
           limit: int = Query(10_000, ge=1, le=EXPORT_MAX), _: None = Depends(require_read)):
    try:
        flt.where()  # fail before streaming starts
    except BadFilter as exc:
        raise HTTPException(400, str(exc)) from None
    # The cursor is owned by the stream, which outlives the request's dependencies.
    store = request.app.state.hub.view()

    def lines():
        try:
            buf = io.StringIO()
            w = csv.writer(buf)
            w.writerow(LIST_COLUMNS)
            for row in export_rows(store, flt, limit):
                w.writerow(["" if v is None else plain(v) for v in row])
                if buf.tell() > 64_000:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
            yield buf.getvalue()
        finally:
            store.close()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/{event_id}", summary="One event with every mention: sentence, trigger, article, source link",
            response_model=EventDetail, responses={**ERRORS, 404: {"model": ErrorBody, "description": "No such event"}})
def event(event_id: str, store=Depends(reader)):
    if len(event_id) > 200:
        raise HTTPException(400, "event_id: too long")
    found = get_event(store, event_id)
    if found is None:
        raise HTTPException(404, f"event {event_id!r}: not found")
    return Json(found)

