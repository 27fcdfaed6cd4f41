"""Every error leaves the API as JSON `{"error": "..."}` with a 4xx status that says what is wrong."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..analysis import AnalysisError
from .storeaccess import StoreBusy

log = logging.getLogger("realpolitik.web")


class NotAvailable(Exception):
    """A pipeline stage the endpoint needs is not installed or not working yet: 501."""


def _where(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie", "form")]
    return ".".join(parts) or "request"


def validation_message(exc: RequestValidationError) -> str:
    out = []
    for e in exc.errors():
        out.append(f"{_where(e.get('loc', ()))}: {e.get('msg', 'invalid')}")
    return "; ".join(out) or "invalid request"


_PAGE_MESSAGES = {404: "There is no page at this address.", 405: "This address does not take that kind of request."}


def _wants_page(request: Request) -> bool:
    """A browser asking for a dashboard address gets an HTML error page; API clients get JSON."""
    path = request.url.path
    if path.startswith(("/api/", "/static/", "/vendor/")) or path in ("/api", "/openapi.json"):
        return False
    return request.method == "GET" and "text/html" in request.headers.get("accept", "")


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if _wants_page(request):
            from .pages.common import render

            return render(request, "missing.html", status_code=exc.status_code, title=f"{exc.status_code} {detail}",
                          message=_PAGE_MESSAGES.get(exc.status_code, detail))
        return JSONResponse({"error": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        return JSONResponse({"error": validation_message(exc)}, status_code=422)

    @app.exception_handler(AnalysisError)
    async def analysis_error(request: Request, exc: AnalysisError):
        return JSONResponse({"error": str(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # A bug somewhere in the pipeline: logged with its traceback, answered as JSON without it.
        log.exception("error serving %s %s", request.method, request.url.path)
        return JSONResponse({"error": f"internal error ({type(exc).__name__}); see the server log"}, status_code=500)

    @app.exception_handler(StoreBusy)
    async def store_busy(request: Request, exc: StoreBusy):
        return JSONResponse({"error": str(exc)}, status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(NotAvailable)
    async def not_available(request: Request, exc: NotAvailable):
        return JSONResponse({"error": str(exc)}, status_code=501)
