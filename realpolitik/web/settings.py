"""What one running server needs to know: the store, the token, and the limits it enforces."""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MB = 1024 * 1024


@dataclass
class Settings:
    db: Path
    token: str = ""
    closed_reads: bool = False  # reads need the token too (for a server reachable by others)
    max_body: int = 1 * MB  # JSON and form bodies
    max_upload: int = 25 * MB  # one multipart ingest request, all files together
    max_upload_files: int = 200
    code_workers: int | None = None  # processes for re-coding jobs; None = up to 4
    coder_spec: Any = None  # a realpolitik.events.parallel.CoderSpec; None = the default coder
    allow_private_urls: bool = False  # submitted URLs may not point into the server's own network
    generated_token: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.db = Path(self.db)
        if not self.token:
            self.token = os.environ.get("REALPOLITIK_TOKEN", "")
        if not self.token:
            # No token configured: make one for this run; `serve` prints it at start.
            self.token = secrets.token_urlsafe(24)
            self.generated_token = True
