"""CLI commands: `import gdelt|icews|events` (other coders' event data in) and `export`."""
from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ..config import DEFAULT_DB
from .db import open_db
from .output import CliError, emit

err_console = Console(stderr=True)
import_app = typer.Typer(help="Import coded event data: GDELT 1.0/2.0, ICEWS, realpolitik's own.",
                         no_args_is_help=True)


class ExportFormat(str, enum.Enum):
    gdelt = "gdelt"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def _expand(paths: list[Path]) -> list[Path]:
    """Files as given; a directory stands for the files under it (e.g. a Parquet export
    partitioned by month), in name order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
            if not found:
                raise CliError(f"{p}: directory holds no files")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise CliError(f"{p}: file not found")
    return out


def _run_imports(kind: str, files: list[Path], db: Path, fn: Callable) -> None:

    files = _expand(files)
    results = []
    with open_db(db) as store:
        for f in files:
            results.append(_import_one(store, f, fn))
        from ..analysis.rollup import refresh_dyad_daily

        refresh_dyad_daily(store)  # one rebuild after all files, not one per file
    for r in results:
        for line, reason in sorted(r.errors):
            err_console.print(f"error: {r.path}:{line}: {reason}", highlight=False, soft_wrap=True)
        if r.rows_bad > len(r.errors):
            err_console.print(f"  ... {r.rows_bad - len(r.errors)} more in {r.path}; all are in the "
                              "import_errors table", highlight=False, soft_wrap=True)
    emit([r.to_dict() for r in results], "table", title=f"import {kind} into {db}")
    if any(r.rows_bad for r in results):
        raise typer.Exit(1)


def _import_one(store, path: Path, fn: Callable):
    try:
        if not err_console.is_terminal:
            return fn(store, path)
        with Progress(TextColumn(f"[bold]{path.name}"), BarColumn(), TextColumn("{task.completed:,} rows"),
                      TextColumn("{task.fields[rate]} rows/s"), TimeElapsedColumn(),
                      console=err_console, transient=True) as bar:
            task = bar.add_task(path.name, total=None, rate="-")

            def on_rows(n: int) -> None:
                bar.advance(task, n)
                t = bar.tasks[task]
                if t.elapsed:
                    bar.update(task, rate=f"{t.completed / t.elapsed:,.0f}")

            return fn(store, path, on_rows=on_rows)
    except (ValueError, OSError) as exc:
        raise CliError(str(exc) if str(path) in str(exc) else f"{path}: {exc}") from exc


_FILES = typer.Argument(..., help="Files to import (.zip, .gz or plain); a directory means every file in it.")
_DB = typer.Option(DEFAULT_DB, "--db", help="Database to import into (created if missing).")


@import_app.command("gdelt")
def import_gdelt_cmd(files: list[Path] = _FILES, db: Path = _DB) -> None:
    """GDELT 1.0 (57/58 columns) or 2.0 (61 columns) event files, told apart by column count."""
    from ..interop.gdelt import import_gdelt

    _run_imports("gdelt", files, db, import_gdelt)


@import_app.command("icews")
def import_icews_cmd(files: list[Path] = _FILES, db: Path = _DB) -> None:
    """ICEWS coded-event files (tab-separated, with the ICEWS header)."""
    from ..interop.icews import import_icews

    _run_imports("icews", files, db, import_icews)


@import_app.command("events")
def import_events_cmd(files: list[Path] = _FILES, db: Path = _DB) -> None:
    """realpolitik event records (JSONL, CSV or Parquet): date, source, target, cameo required."""
    from ..interop.events_file import import_events

    _run_imports("events", files, db, import_events)


def _date(value: Optional[str], flag: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{flag} {value}: not a date (YYYY-MM-DD)") from None


def export(
    output: Path = typer.Option(..., "-o", "--output", help="File to write (a directory for parquet)."),
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f",
                                     help="gdelt (GDELT 2.0 61-column TSV), csv, jsonl, or parquet (hive-partitioned by month)."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="Database to export from."),
    date_from: Optional[str] = typer.Option(None, "--from", help="First date (YYYY-MM-DD), inclusive."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Last date (YYYY-MM-DD), inclusive."),
) -> None:
    """Export events for other tools: GDELT 2.0 layout, CSV, JSONL or monthly Parquet."""
    from ..interop.export import export_events

    start, end = _date(date_from, "--from"), _date(date_to, "--to")
    if start and end and start > end:
        raise CliError(f"--from {start} is after --to {end}")
    if not db.exists():
        raise CliError(f"{db}: database not found")
    if fmt is not ExportFormat.parquet and output.is_dir():
        raise CliError(f"{output}: is a directory; --format {fmt.value} writes one file")
    folder = output if fmt is ExportFormat.parquet else output.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"{output}: cannot create {folder} ({exc.strerror or exc})") from None
    import duckdb

    with open_db(db, read_only=True) as store:
        try:
            n = export_events(store, fmt.value, output, start, end)
        except (duckdb.Error, OSError) as exc:
            raise CliError(f"{output}: cannot write ({str(exc).splitlines()[0]})") from None
    err_console.print(f"exported {n:,} events to {output} ({fmt.value})", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(import_app, name="import")
    app.command("export")(export)
