"""Pages: the events explorer (filters, paging, CSV export), the ingest page, the login form."""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse

from ...analysis import AnalysisError
from ..api.events import event_filter
from ..deps import get_store
from ..events_query import BadFilter, EventFilter, list_events
from ..security import COOKIE, _same
from .common import login_redirect, render

router = APIRouter(include_in_schema=False)
FILTER_KEYS = ("actor", "source", "target", "cameo", "plover", "quad_class", "from", "to", "q", "negated")


@router.get("/events")
def explorer(request: Request, flt: EventFilter = Depends(event_filter), limit: int = Query(50, ge=1, le=500),
             cursor: str | None = Query(None, max_length=400), store=Depends(get_store)):
    if (r := login_redirect(request)):
        return r
    params = {k: v for k, v in request.query_params.items() if k in FILTER_KEYS and v != ""}
    try:
        page, error = list_events(store, flt, limit, cursor), None
    except (BadFilter, AnalysisError) as exc:
        page, error = {"events": [], "next_cursor": None}, str(exc)
    next_url = f"/events?{urlencode({**params, 'limit': limit, 'cursor': page['next_cursor']})}" if page["next_cursor"] else None
    return render(request, "events.html", title="Events", page=page, error=error, f=params, limit=limit,
                  next_url=next_url, export_url=f"/api/events/export?{urlencode(params)}", first_page=cursor is None)


@router.get("/ingest")
def ingest_page(request: Request):
    if (r := login_redirect(request)):
        return r
    s = request.app.state.settings
    return render(request, "ingest.html", title="Ingest", writable=request.app.state.hub.writable,
                  note=request.app.state.hub.note, max_upload=s.max_upload, max_files=s.max_upload_files)


def _next(target: str) -> str:
    # Only local paths: the login form must not become an open redirect.
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


@router.get("/login")
def login_form(request: Request, next: str = Query("/", max_length=500)):
    return render(request, "login.html", title="Sign in", next=_next(next), failed=False)


@router.post("/login")
def login(request: Request, token: str = Form(..., max_length=500), next: str = Form("/", max_length=500)):
    if not _same(token.strip(), request.app.state.settings.token):
        return render(request, "login.html", status_code=403, title="Sign in", next=_next(next), failed=True)
    resp = RedirectResponse(_next(next), status_code=303)
    resp.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return resp
