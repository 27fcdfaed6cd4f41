"""CLI commands: `ingest` (files, directories, feeds, URLs into the store) and `status`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..config import DEFAULT_DB
from .db import open_db
from .output import CliError, Format, emit


def _shown(key: str) -> str:
    """Item keys are absolute paths; show them relative to the working directory when shorter."""
    try:
        return str(Path(key).relative_to(Path.cwd()))
    except ValueError:
        return key


def _run_with_progress(inputs, store, **kw):
    from ..ingest import ingest

    if not sys.stderr.isatty():
        return ingest(inputs, store, **kw)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None)

        def advance(done: int, total: int, items: int, src) -> None:
            name = src.location if src.kind == "url" else Path(src.location).name
            bar.update(task, completed=done, total=total, description=f"{items} items · {name[:50]}")

        return ingest(inputs, store, progress=advance, **kw)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("ingest")
    def ingest_cmd(
        inputs: List[str] = typer.Argument(
            ..., help="Files, directories (recursive), feeds or http(s) URLs: .txt .md .html .json .jsonl .csv .rss .atom .xml"),
        db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB store to write to (created if missing)."),
        allow_private: bool = typer.Option(
            False, "--allow-private", help="Allow fetching URLs on private, loopback or link-local addresses."),
        max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes", min=1, help="Size cap for a fetched page or a single-article file."),
        timeout: float = typer.Option(15.0, "--timeout", min=0.1, help="Seconds to wait to connect to, or read from, a URL."),
        items: bool = typer.Option(False, "--items", help="List every item and its outcome, not just the counts."),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, csv, jsonl or parquet."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the summary to this file."),
    ) -> None:
        """Read news into the store: English articles are stored once; duplicates, other languages and
        bad inputs are logged. Re-running on the same inputs changes nothing. Exits 1 if any item failed."""
        if fmt is Format.parquet and out is None:
            raise CliError("--format parquet needs an output file (-o FILE)")  # before the work, not after
        store = open_db(db)
        try:
            report = _run_with_progress(inputs, store, allow_private=allow_private, max_bytes=max_bytes, timeout=timeout)
        finally:
            store.close()
        for failure in report.failures:
            typer.echo(f"error: {_shown(failure.item_key)}: {failure.reason}", err=True)
        for warned in report.warnings:
            typer.echo(f"warning: {_shown(warned.item_key)}: {warned.warning}", err=True)
        if items:
            rows = [
                {"item": _shown(r.item_key), "status": r.status, "article_id": r.article_id,
                 "duplicate_of": r.duplicate_of, "reason": r.reason or r.warning}
                for r in report.results
            ]
        else:
            rows = [{"status": s, "items": n} for s, n in report.counts().items()]
        emit(rows, fmt, out, title=f"ingest into {db}")
        if report.ignored and fmt is Format.table:
            typer.echo(f"({len(report.ignored)} file(s) of unsupported types ignored, e.g. {report.ignored[0]})", err=True)
        if report.undated:
            stored = report.counts()["stored"]
            verb = "has" if report.undated == 1 else "have"
            typer.echo(f"{report.undated} of the {stored} articles stored {verb} no date; coding will date their "
                       f"events by ingest time (list them: realpolitik status --undated --db {db})", err=True)
        if report.failures:
            raise typer.Exit(1)

    @app.command("status")
    def status_cmd(
        db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB store to report on."),
        failures: bool = typer.Option(False, "--failures", help="List failed items (item, reason) instead of counts."),
        undated: bool = typer.Option(
            False, "--undated", help="List articles stored without a date (their events are dated by ingest time)."),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, csv, jsonl or parquet."),
        out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file."),
    ) -> None:
        """Counts of ingested items by outcome, articles (and how many have no date), events and mentions,
        and the failed items."""
        from ..store import articles

        if undated and failures:
            raise CliError("give either --failures or --undated, not both")
        store = open_db(db, read_only=True)
        try:
            counts = {f"items {k}": v for k, v in articles.status_counts(store).items()}
            counts.update(articles.table_counts(store))
            failed = articles.failures(store)
            no_date = articles.undated(store) if undated else []
        finally:
            store.close()
        if undated:
            rows = [{"item": _shown(r["item"] or ""), "article_id": r["article_id"], "title": r["title"],
                     "date_error": r["date_error"]} for r in no_date]
            emit(rows, fmt, out, title="articles stored without a date",
                 columns=["item", "article_id", "title", "date_error"])
            return
        failed_rows = [{"item": _shown(r["item"]), "reason": r["reason"]} for r in failed]
        if failures:
            emit(failed_rows, fmt, out, title="failed items", columns=["item", "reason"])
            return
        emit([{"what": k, "count": v} for k, v in counts.items()], fmt, out, title=f"status of {db}")
        if fmt is Format.table and out is None and failed_rows:
            emit(failed_rows, fmt, None, title="failed items")
