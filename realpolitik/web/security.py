"""Who may do what, and the headers and limits every response and request gets.

Writes (ingest, re-coding) always need the token as `Authorization: Bearer ...`; a header, not a
cookie, so another site cannot make a visitor's browser send it (no CSRF). Reads are open unless
the server runs with closed reads; then the token is accepted as a header or as the HttpOnly,
SameSite=Strict cookie set by the login form, so dashboard pages work in a browser.
"""
from __future__ import annotations

import hmac
import json

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

COOKIE = "realpolitik_token"

# No inline script, no eval, nothing from other origins; charts get data from JSON blocks/endpoints.
# Plotly sets element styles through the CSSOM, which style-src does not restrict.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")

HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def _bearer(request: Request) -> str:
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def _same(given: str, token: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


def has_token(request: Request, cookie_ok: bool = True) -> bool:
    token = request.app.state.settings.token
    if _same(_bearer(request), token):
        return True
    return cookie_ok and _same(request.cookies.get(COOKIE, ""), token)


async def require_read(request: Request) -> None:
    """Dependency for every read: open, or token needed when reads are closed."""
    if request.app.state.settings.closed_reads and not has_token(request):
        raise HTTPException(401, "reads need the token on this server: Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})


# Declared so the OpenAPI spec (and Swagger's "Authorize" button) shows how writes authenticate.
bearer = HTTPBearer(auto_error=False, description="The server's token (REALPOLITIK_TOKEN or printed at start).")


async def require_write(request: Request, _: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    """Dependency for writes: the token in the Authorization header, always."""
    if not request.headers.get("authorization"):
        raise HTTPException(401, "writes need the token: Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})
    if not has_token(request, cookie_ok=False):
        raise HTTPException(403, "wrong token")


class BodyTooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing passes it on as a 413 instead of a 400."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body too large: the limit is {limit:,} bytes")


class LimitsAndHeaders:
    """ASGI middleware: security headers on every response; 413 for request bodies over the limit.

    The limit is checked against Content-Length first and then against the bytes actually read,
    so a chunked upload without a length cannot get past it either.
    """

    def __init__(self, app, settings):
        self.app = app
        self.settings = settings

    def _limit(self, scope) -> int:
        ctype = dict(scope.get("headers") or []).get(b"content-type", b"")
        return self.settings.max_upload if ctype.startswith(b"multipart/") else self.settings.max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self._limit(scope)
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            return await _too_large(send_with_headers, limit)
        seen = 0

        async def counted_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _too_large(send_with_headers, limit)


async def _too_large(send, limit: int) -> None:
    body = json.dumps({"error": f"request body too large: the limit is {limit:,} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
