"""/api/briefs: an analyst brief for actors, a window and a topic, as JSON, Markdown or HTML."""
from __future__ import annotations

import enum
from typing import Optional

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, PlainTextResponse

from .. import cache
from ..deps import Window, reader, window_params
from ..errors import NotAvailable
from ..jsonable import Json
from ..schemas import ERRORS, ErrorBody

router = APIRouter(prefix="/api", tags=["briefs"])

# The brief's HTML is a standalone document with its own <style>: allow that, and still no script.
BRIEF_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
             "base-uri 'none'; form-action 'none'")


class BriefFormat(str, enum.Enum):
    json = "json"
    md = "md"
    html = "html"


def make_brief(store, actors: Optional[str], topic: Optional[str], window: Window):
    try:
        from ...brief import write_brief
    except ImportError as exc:
        raise NotAvailable(f"briefs are not available: {exc}") from None
    window = window.clamped(store)
    key = ("brief", actors, topic, window.start, window.end)
    return cache.get_or_run(store, key, lambda: write_brief(store, actors or None, topic, window.start, window.end))


@router.get("/briefs", summary="An analyst brief: every sentence cited to the reports behind it",
            responses={200: {"content": {"application/json": {}, "text/markdown": {}, "text/html": {}}}, **ERRORS,
                       501: {"model": ErrorBody, "description": "Briefs not available"}})
def brief(actors: Optional[str] = Query(None, max_length=300, description="Codes or names, comma-separated: RUS,USA,NATO."),
          topic: Optional[str] = Query(None, max_length=200), format: BriefFormat = BriefFormat.json,
          window: Window = Depends(window_params), store=Depends(reader)):
    b = make_brief(store, actors, topic, window)
    if format is BriefFormat.md:
        return PlainTextResponse(b.to_markdown(), media_type="text/markdown; charset=utf-8")
    if format is BriefFormat.html:
        return HTMLResponse(b.to_html(), headers={"Content-Security-Policy": BRIEF_CSP})
    return Json(b.to_dict())
