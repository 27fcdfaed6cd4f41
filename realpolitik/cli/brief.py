"""CLI command: `realpolitik brief` - an analyst's note on a situation, every line cited."""
from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Optional

import typer

from ..config import DEFAULT_DB
from .output import CliError


class BriefFormat(str, enum.Enum):
    md = "md"
    html = "html"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command()
    def brief(
        db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB store to read."),
        actors: Optional[str] = typer.Option(
            None, "--actors", "-a",
            help="Comma-separated codes or names (RUS,USA,UKR,NATO). A country code covers all its actors. "
                 "Default: the most active dyads of the window."),
        topic: Optional[str] = typer.Option(None, "--topic", "-t", help="Only sentences/articles matching this text."),
        start: Optional[str] = typer.Option(None, "--from", help="First day (YYYY-MM-DD), inclusive. Default: first event."),
        end: Optional[str] = typer.Option(None, "--to", help="Last day (YYYY-MM-DD), inclusive. Default: last event."),
        fmt: BriefFormat = typer.Option(BriefFormat.md, "--format", "-f", help="md, html (self-contained page) or json."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
        glance: int = typer.Option(5, "--glance", min=3, max=6, help="Bullets in At a Glance (3-6)."),
    ) -> None:
        """Write a brief: headline, At a Glance, a section per main actor, what to watch, sources, tags.

        Every sentence cites the stored sentences (article + sentence) of the coded events or quotes
        behind it; the HTML links each citation to the passage with the trigger highlighted.
        """
        from ..analysis.common import AnalysisError
        from ..brief import write_brief
        from ..store import open_store

        if not db.exists():
            raise CliError(f"{db}: no such database (create it with `realpolitik ingest ... --db {db}`)")
        names = [a.strip() for a in (actors or "").split(",") if a.strip()]
        if actors is not None and not names:
            raise CliError(f"--actors {actors!r}: no actor given (use codes or names, e.g. RUS,USA)")
        try:
            store = open_store(db, read_only=True)
        except Exception as exc:  # duckdb: locked, not a database, ...
            raise CliError(f"{db}: cannot open database: {str(exc).splitlines()[0]}") from None
        try:
            b = write_brief(store, names or None, topic=topic, start=start, end=end, glance=glance)
        except AnalysisError as exc:
            raise CliError(str(exc)) from None
        finally:
            store.close()
        if fmt is BriefFormat.md:
            text = b.to_markdown()
        elif fmt is BriefFormat.html:
            text = b.to_html()
        else:
            text = json.dumps(b.to_dict(), ensure_ascii=False, indent=2) + "\n"
        if out is None:
            typer.echo(text, nl=False)
            return
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"{out}: cannot write: {exc.strerror or exc}") from None
        n_p, n_s = len(b.passages), len(b.sources)
        typer.echo(f"brief written to {out} ({n_p} cited passage{'s' * (n_p != 1)}, "
                   f"{n_s} source{'s' * (n_s != 1)})", err=True)
