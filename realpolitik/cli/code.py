"""CLI commands: `code` (documents -> events, from a file or the store) and `summary`."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..config import DEFAULT_DB, DEFAULT_MODEL
from .db import open_db
from .output import CliError, Format, emit

err_console = Console(stderr=True)


@contextlib.contextmanager
def _progress(total: int | None, label: str) -> Iterator:
    """A docs/s progress bar on a terminal; a no-op callback otherwise (pipes, CI, tests)."""
    if not err_console.is_terminal:
        yield lambda n=1: None
        return
    with Progress(
        TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(),
        console=err_console, transient=False,
    ) as bar:
        task = bar.add_task(label, total=total, rate="-")

        def advance(n: int = 1) -> None:
            bar.advance(task, n)
            t = bar.tasks[task]
            if t.elapsed:
                bar.update(task, rate=f"{t.completed / t.elapsed:,.1f}")

        yield advance


def _spec(model: str, actors: list[Path], actors_petrarch: list[Path], verbs_petrarch: list[Path] = (),
          verbs_first: bool = False):
    from ..events.parallel import CoderSpec

    for p in [*actors, *actors_petrarch]:
        if not p.is_file():
            raise CliError(f"{p}: actor dictionary file not found")
    for p in verbs_petrarch:
        if not p.is_file():
            raise CliError(f"{p}: verb dictionary file not found")
    _check_dictionaries(actors, actors_petrarch)
    _check_verbs(verbs_petrarch)
    return CoderSpec(model=model, actor_files=tuple(map(str, actors)),
                     petrarch_files=tuple(map(str, actors_petrarch)),
                     verb_files=tuple(map(str, verbs_petrarch)),
                     options={"verbs_first": True} if verbs_first else {})


def _check_verbs(paths) -> None:
    """Read each verb file once here: a bad file is one clear error, and the user sees what was used."""
    from ..events.petrarch_verbs import read_petrarch_verbs

    for p in paths:
        try:
            report = read_petrarch_verbs(p).report
        except Exception as exc:  # unreadable bytes, permissions, not a verb file...
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise CliError(f"{p}: invalid verb dictionary: {first}") from None
        err_console.print(report.summary(), highlight=False, soft_wrap=True)


def _check_dictionaries(actors: list[Path], actors_petrarch: list[Path]) -> None:
    """Load user dictionaries once here, so a bad entry is one clear error, not a crash in every worker."""
    from ..actors.loaders import load_yaml
    from ..actors.petrarch import load_petrarch

    for loader, paths in ((load_yaml, actors), (load_petrarch, actors_petrarch)):
        for p in paths:
            try:
                loader(p)
            except Exception as exc:  # YAML syntax, missing codes, unreadable bytes...
                first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise CliError(f"{p}: invalid actor dictionary: {first}") from None


def _check_workers(workers: Optional[int]) -> None:
    if workers is not None and workers < 1:
        raise CliError(f"--workers {workers}: must be 1 or more")


def code(
    input: Optional[Path] = typer.Argument(None, help="JSONL documents: {id, text, date?, title?, url?, source?} per line ('-' = stdin)."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Events JSONL to write ('-' = stdout)."),
    db: Optional[Path] = typer.Option(None, "--db", help="Code the stored articles not yet coded, into this database."),
    recode: bool = typer.Option(False, "--recode", help="With --db: forget earlier coding and code every article again."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Processes (default: every core)."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline to parse with."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary (YAML); repeatable."),
    actors_petrarch: list[Path] = typer.Option([], "--actors-petrarch", help="Extra PETRARCH/TABARI actor dictionary; repeatable."),
    verbs_petrarch: list[Path] = typer.Option([], "--verbs-petrarch", help="Extra PETRARCH/TABARI verb dictionary (patterns added to the lexicon); repeatable."),
    verbs_first: bool = typer.Option(False, "--verbs-first", help="With --verbs-petrarch: the file's codes win over the shipped lexicon's (PETRARCH's reading)."),
) -> None:
    """Code documents into events: `code IN.jsonl -o EVENTS.jsonl`, or `code --db FILE`."""
    _check_workers(workers)
    if verbs_first and not verbs_petrarch:
        raise CliError("--verbs-first: give a verb dictionary with --verbs-petrarch")
    spec = _spec(model, actors, actors_petrarch, verbs_petrarch, verbs_first)
    if db is not None:
        if input is not None:
            raise CliError(f"{input}: give either an input file or --db, not both")
        if output is not None:
            raise CliError(f"-o {output}: --db stores events in the database; export them with `realpolitik export`")
        _code_db(db, spec, workers, recode)
        return
    if input is None:
        raise CliError("code: give an input JSONL file (or '-'), or --db FILE")
    if output is None:
        raise CliError(f"{input}: -o/--output is required (use '-o -' for stdout)")
    if recode:
        raise CliError("--recode only applies with --db")
    _code_file(input, output, spec, workers)


def _code_file(input: Path, output: str, spec, workers: Optional[int]) -> None:
    from ..events.parallel import code_file

    name = str(input)
    if name != "-" and not input.is_file():
        raise CliError(f"{input}: input file not found")
    src = sys.stdin if name == "-" else open(input, encoding="utf-8-sig")
    try:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    except OSError as exc:
        raise CliError(f"{output}: cannot write ({exc.strerror})") from exc
    try:
        with _progress(None, "coding") as advance:
            result = code_file(src, out, name=name, workers=workers, spec=spec,
                               on_doc=lambda r: advance())
    finally:
        if src is not sys.stdin:
            src.close()
        if out is not sys.stdout:
            out.close()
    for p in result.problems:
        err_console.print(f"error: {p}", highlight=False, soft_wrap=True)
    err_console.print(f"coded {result.docs} documents: {result.events} events"
                      + (f"; {len(result.problems)} problems" if result.problems else ""), highlight=False)
    if result.problems:
        raise typer.Exit(1)


def _code_db(db: Path, spec, workers: Optional[int], recode: bool) -> None:
    from ..analysis.rollup import refresh_dyad_daily
    from ..store.events import code_store

    if not db.exists():
        raise CliError(f"{db}: database not found (run `realpolitik ingest ... --db {db}` first)")
    with open_db(db) as store:
        todo = store.rows("SELECT count(*) AS n FROM articles" + ("" if recode else " WHERE coded_at IS NULL"))[0]["n"]
        with _progress(todo, "coding") as advance:
            result = code_store(store, workers=workers, spec=spec, recode=recode,
                                on_doc=lambda r: advance())
        refresh_dyad_daily(store)  # keeps dyad/forecast queries on the daily roll-up
        events = store.rows("SELECT count(*) AS n FROM events WHERE origin = 'realpolitik'")[0]["n"]
    for article_id, error in result.failed or []:
        err_console.print(f"error: article {article_id}: coding failed: {error}", highlight=False)
    err_console.print(
        f"coded {result.articles} articles: {result.events} event mentions; "
        f"{events} distinct coded events in {db}", highlight=False, soft_wrap=True)
    if result.undated:
        err_console.print(f"{result.undated} article{'s' if result.undated != 1 else ''} had no date; "
                          "their events are dated by ingest time "
                          f"(list them: realpolitik status --undated --db {db})", highlight=False, soft_wrap=True)
    if result.failed:
        raise typer.Exit(1)


def summary(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="Database to summarise."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, csv, jsonl or parquet."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file."),
    top: int = typer.Option(10, "--top", help="How many dyads and actors to list."),
) -> None:
    """A short summary of the store: articles, events by quad class and PLOVER type, top dyads and actors."""
    from ..store.events import store_summary

    if not db.exists():
        raise CliError(f"{db}: database not found")
    if top < 1:
        raise CliError(f"--top {top}: must be 1 or more")
    with open_db(db, read_only=True) as store:
        sections = store_summary(store, top=top)
    if fmt is not Format.table:
        rows = [{"section": name, **row} for name, rows in sections.items() for row in rows]
        emit(rows, fmt, output, columns=["section", "item", "value", "share"])
        return
    console = Console(file=open(output, "w", encoding="utf-8") if output else None)
    from rich.table import Table

    for name, rows in sections.items():
        # sections without shares (the store totals) get no empty share column
        cols = ("item", "value", "share") if any(r.get("share") is not None for r in rows) else ("item", "value")
        table = Table(title=name, title_justify="left", show_header=False)
        for col in cols:
            table.add_column(col, justify="left" if col == "item" else "right")
        for r in rows:
            value = f"{r['value']:,}" if isinstance(r["value"], int) else str(r["value"])
            share = "" if r.get("share") is None else f"{r['share']:.0%}"
            table.add_row(*(str(r["item"]), value, share)[: len(cols)])
        console.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("code")(code)
    app.command("summary")(summary)
