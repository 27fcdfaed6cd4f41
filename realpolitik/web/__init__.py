"""realpolitik.web: the FastAPI app behind `realpolitik serve` (JSON API under /api, dashboard pages)."""
from .app import create_app
from .settings import Settings

__all__ = ["create_app", "Settings"]
