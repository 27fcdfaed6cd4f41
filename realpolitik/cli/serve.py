"""CLI command: serve (the web dashboard and JSON API over a store, with uvicorn)."""
from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Optional

import typer

from ..config import DEFAULT_DB
from .db import open_error, store_in_use  # noqa: F401  (re-exported for older imports)
from .output import CliError


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command()
    def serve(
        db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB store to serve (created if missing)."),
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
        closed_reads: bool = typer.Option(False, "--closed-reads", help="Reads need the token too (API header or dashboard sign-in)."),
        workers: Optional[int] = typer.Option(None, "--code-workers", min=1, help="Processes for coding jobs (default up to 4)."),
        max_upload_mb: float = typer.Option(25.0, "--max-upload-mb", min=0.1, help="Largest multipart upload, in MB."),
    ) -> None:
        """Web dashboard and JSON API (OpenAPI at /docs). Writes need the token: REALPOLITIK_TOKEN,
        or one generated and printed at start; send it as `Authorization: Bearer TOKEN`."""
        import uvicorn

        from ..web import Settings, create_app
        from ..web.settings import MB

        settings = Settings(db=db, closed_reads=closed_reads, code_workers=workers, max_upload=int(max_upload_mb * MB))
        try:
            web_app = create_app(settings)
        except Exception as exc:  # another process holds the lock, not a DuckDB file, unreadable, ...
            from ..web.storeaccess import StoreBusy

            if isinstance(exc, StoreBusy):
                raise CliError(f"--db {db}: cannot serve it now: {exc}; or serve a copy (cp {db} copy.duckdb)") from None
            raise open_error(db, exc) from None
        note = web_app.state.hub.note
        typer.echo(f"realpolitik serving {db} on http://{host}:{port}/  (API docs at /docs)", err=True)
        if note:
            typer.echo(f"warning: {note}; ingest and coding are disabled", err=True)
        else:
            idle = web_app.state.hub.idle_close
            typer.echo(f"note: DuckDB lets no other process open {db} while this server has it open. The server"
                       f" holds it while it answers requests or runs jobs and lets go after {idle:g} s idle: other"
                       f" realpolitik commands on that file work while it is idle, fail with 'in use' while it is"
                       f" busy, and the server answers 503 while one of them writes. For long runs use a copy"
                       f" (cp {db} copy.duckdb) or stop the server; or ingest and code through the server"
                       f" (/ingest, POST /api/ingest, POST /api/code).", err=True)
        if settings.generated_token:
            typer.echo(f"token for writes{' and reads' if closed_reads else ''}: {settings.token}", err=True)
        else:
            typer.echo("token: from REALPOLITIK_TOKEN", err=True)
        if not _loopback(host) and not closed_reads:
            typer.echo(f"warning: reads are open to anyone who can reach {host}; use --closed-reads", err=True)
        uvicorn.run(web_app, host=host, port=port, log_level="info")
