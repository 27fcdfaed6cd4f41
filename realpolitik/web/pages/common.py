"""What every page needs: the template environment, the read check, chart data blocks."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from ...analysis import AnalysisError
from ...events.taxonomy import PLOVER_TYPES
from ..jsonable import plain
from ..security import has_token

TEMPLATES = Path(str(resources.files("realpolitik.web") / "templates"))
templates = Jinja2Templates(directory=str(TEMPLATES))  # autoescape is on for .html templates
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def json_block(value: Any) -> Markup:
    """JSON safe to place inside <script type="application/json">: '<', '>' and '&' become
    \\u escapes, so no string in the data (an article title with </script>) can end the block."""
    text = json.dumps(plain(value), ensure_ascii=False, allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def figure_block(fig) -> Markup:
    """A plotly figure as a JSON block (plotly's own encoder handles numpy arrays)."""
    return json_block(json.loads(fig.to_json()))


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are shown: a 'javascript:' URL in an article must not become a link."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


templates.env.filters["safe_url"] = safe_url
templates.env.globals.update(QUAD_NAMES=QUAD_NAMES, PLOVER_TYPES=PLOVER_TYPES)


def login_redirect(request: Request) -> RedirectResponse | None:
    """Pages answer a browser, so a closed-read server sends it to the login form instead of 401."""
    if request.app.state.settings.closed_reads and not has_token(request):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
    return None


def render(request: Request, name: str, status_code: int = 200, **context: Any):
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def attempt(fn: Callable[[], Any]) -> tuple[Any, str | None]:
    """Run an analysis for a page: its result, or the one-line reason it could not run."""
    try:
        return fn(), None
    except AnalysisError as exc:
        return None, str(exc)
    except ImportError as exc:
        return None, f"not available: {exc}"
