"""The FastAPI application: JSON API under /api, dashboard pages, static files, OpenAPI at /docs.

    from realpolitik.web import create_app, Settings
    app = create_app(Settings(db="out/demo.duckdb", token="secret"))
"""
from __future__ import annotations

import contextlib
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import errors
from .api import actors, analysis, briefs, events, ingest
from .jobs import JobRunner
from .pages import explore, overview, views
from .pages.common import templates
from .plotly_css import stylesheet
from .security import LimitsAndHeaders
from .settings import Settings
from .storeaccess import StoreHub

STATIC = Path(str(resources.files("realpolitik.web") / "static"))


def plotly_js() -> Path | None:
    """plotly.min.js from the installed plotly package: charts work offline, no CDN."""
    try:
        import plotly
    except ImportError:
        return None
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return path if path.is_file() else None


def create_app(settings: Settings) -> FastAPI:
    hub = StoreHub(settings.db)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        if app.state.jobs.shutdown():
            hub.close()
        # else: a job still writes through the connection; the process exit releases the file.

    app = FastAPI(
        title="realpolitik", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Who does what to whom in international politics: coded events with their sources, "
                    "and analyses of diplomatic tactics. Writes need `Authorization: Bearer TOKEN`.",
    )
    app.state.settings = settings
    app.state.hub = hub
    app.state.jobs = JobRunner(hub, settings)
    errors.install(app)
    app.add_middleware(LimitsAndHeaders, settings=settings)
    for module in (events, actors, analysis, briefs, ingest):
        app.include_router(module.router)
    for module in (overview, views, explore):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly():
        path = plotly_js()
        if path is None:
            raise HTTPException(404, "plotly is not installed")
        return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})

    swagger = swagger_dir()
    if swagger:
        app.mount("/vendor/swagger", StaticFiles(directory=swagger), name="swagger")

    @app.get("/vendor/plotly.css", include_in_schema=False)
    def plotly_css():
        path = plotly_js()
        css = stylesheet(path) if path else ""
        return Response(css, media_type="text/css", headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request):
        # FastAPI's default Swagger page loads from a CDN and runs inline script, both refused by
        # the CSP: serve Swagger UI from the installed swagger-ui-bundle with a static start
        # script, or without it a plain list of the operations.
        if swagger:
            return templates.TemplateResponse(request, "docs.html", {})
        return _docs_list(request, app)

    return app


def swagger_dir() -> Path | None:
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    path = Path(swagger_ui_bundle.swagger_ui_path)
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def _docs_list(request: Request, app: FastAPI):
    spec = app.openapi()
    ops = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
            "params": op.get("parameters", []), "body": "requestBody" in op}
           for path, item in spec.get("paths", {}).items() for method, op in item.items()]
    return templates.TemplateResponse(request, "docs_list.html", {"ops": ops, "info": spec.get("info", {}), "title": "API"})


__all__ = ["create_app", "Settings", "plotly_js"]
