"""CLI command: `realpolitik evaluate GOLD.jsonl` scores the event coder against gold sentences."""
from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from .output import CliError, emit


class EvalFormat(str, enum.Enum):
    table = "table"
    json = "json"


def _load_gold(gold: Path, split: str | None):
    from ..events.gold import GoldFormatError, load_gold

    if not gold.is_file():
        raise CliError(f"{gold}: no such gold file")
    try:
        sentences = load_gold(gold, split=None)
    except GoldFormatError as exc:
        raise CliError(str(exc)) from None
    except UnicodeDecodeError:
        raise CliError(f"{gold}: not UTF-8 text") from None
    if split:
        if not any(s.split for s in sentences):
            raise CliError(f"--split {split}: {gold} has no 'split' field on any sentence")
        sentences = [s for s in sentences if s.split == split]
        if not sentences:
            raise CliError(f"--split {split}: no sentences of that split in {gold}")
    if not sentences:
        raise CliError(f"{gold}: no gold sentences")
    return sentences


def _load_articles(path: Path) -> dict[str, dict]:
    from ..events.gold import GoldFormatError, read_jsonl

    if not path.is_file():
        raise CliError(f"--articles {path}: no such file")
    try:
        rows = read_jsonl(path)
    except GoldFormatError as exc:
        raise CliError(f"--articles {exc}") from None
    except UnicodeDecodeError:
        raise CliError(f"--articles {path}: not UTF-8 text") from None
    out = {}
    for n, r in enumerate(rows, 1):
        key = r.get("id") if isinstance(r, dict) else None
        if key is None or not isinstance(r.get("text"), str):
            raise CliError(f"--articles {path}: record {n} needs an 'id' and a 'text'")
        out[str(key)] = r
    return out


def _code_sentences(sentences, save: Path | None, articles: dict[str, dict] | None = None) -> dict[str, list[Any]]:
    """Run the Coder on each gold sentence (or on their whole articles), with a progress bar on stderr."""
    try:
        from ..events.coder import Coder
    except ImportError as exc:
        raise CliError(f"the event coder is not available ({exc}); pass --coder-output EVENTS.jsonl") from None
    from rich.progress import Progress

    from ..events.in_context import ContextError, check_articles, code_in_context

    coder = Coder()
    preds: dict[str, list[Any]] = {}
    with Progress(transient=True, console=_stderr_console()) as bar:
        if articles is not None:
            try:
                check_articles(sentences, articles)
            except ContextError as exc:
                raise CliError(f"--articles: {exc}") from None
            n = len({s.article for s in sentences})
            task = bar.add_task("coding articles", total=n)
            preds = code_in_context(coder, sentences, articles, progress=lambda: bar.advance(task))
        else:
            task = bar.add_task("coding gold sentences", total=len(sentences))
            for s in sentences:
                preds[s.id] = coder.code_text(s.text, doc_id=s.id, date=s.date)
                bar.advance(task)
    if save:
        with save.open("w", encoding="utf-8") as out:
            for sid, events in preds.items():
                for e in events:
                    # keyed by the gold sentence, so --coder-output can score the file again
                    out.write(json.dumps({**e.to_dict(), "doc_id": sid}, ensure_ascii=False) + "\n")
    return preds


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _print_report(report, fmt: EvalFormat) -> None:
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    rows = [
        {"type": r["type"], "precision": f"{r['precision']:.3f}", "recall": f"{r['recall']:.3f}",
         "f1": f"{r['f1']:.3f}", "support": r["support"], "predicted": r["predicted"]}
        for r in report.per_type
    ]
    emit(rows, "table", title="Per PLOVER type")
    emit(report.summary_rows(), "table", title="Summary")
    _print_confusion(report)


def _print_confusion(report) -> None:
    """The matrix with 4-letter headers, never squeezed below its natural width (wrapping
    numbers into vertical letters is unreadable), then its off-diagonal cells as a list."""
    from rich.console import Console
    from rich.table import Table

    labels = report.confusion_labels
    table = Table(title="Confusion (rows gold, columns predicted)")
    table.add_column("gold", no_wrap=True)
    for p in labels:
        table.add_column(p[:4], justify="right", no_wrap=True)
    for g in labels:
        cells = report.confusion.get(g, {})
        table.add_row(g, *[str(cells.get(p, 0) or ".") for p in labels])
    console = Console()
    width = 12 + 7 * (len(labels) + 1)
    Console(width=max(console.width, width)).print(table)
    off = sorted(
        ((n, g, p) for g, row in report.confusion.items() for p, n in row.items() if g != p),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    if off:
        emit([{"gold": g, "predicted": p, "sentences": n} for n, g, p in off[:15]], "table",
             title="Most frequent confusions (NONE = missed / spurious)")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("evaluate")
    def evaluate_cmd(
        gold: Path = typer.Argument(..., help="Gold sentences, JSONL: realpolitik format or PLOVER-style records."),
        split: Optional[str] = typer.Option(None, "--split", help="Only sentences whose 'split' field is this (dev, test)."),
        coder_output: Optional[Path] = typer.Option(
            None, "--coder-output", help="Score these coded events (JSONL, doc_id = gold id) instead of running the coder."),
        save_predictions: Optional[Path] = typer.Option(
            None, "--save-predictions", help="When running the coder, also write its events here (JSONL)."),
        articles: Optional[Path] = typer.Option(
            None, "--articles", help="Articles JSONL ({id, text, date}) the gold sentences come from: code each "
            "article whole and credit events to the sentence holding their trigger (gold needs article/start/end)."),
        fmt: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f", help="table for people, json for machines."),
    ) -> None:
        """Score coded events against gold: per-type P/R/F1, confusion matrix, actor and CAMEO accuracy.

        Matching is per sentence: each predicted event is paired with a gold event of the same PLOVER
        type, greedily preferring agreeing actors (see realpolitik.events.evaluate)."""
        from ..events.evaluate import evaluate
        from ..events.gold import GoldFormatError, load_predictions

        sentences = _load_gold(gold, split)
        if coder_output is not None:
            if not coder_output.is_file():
                raise CliError(f"--coder-output {coder_output}: no such file")
            try:
                preds: Any = load_predictions(coder_output)
            except GoldFormatError as exc:
                raise CliError(f"--coder-output {exc}") from None
            ids = {s.id for s in sentences}
            if preds and not ids & set(preds):
                raise CliError(f"--coder-output {coder_output}: no event's doc_id matches a gold sentence id")
        else:
            preds = _code_sentences(sentences, save_predictions,
                                    _load_articles(articles) if articles is not None else None)
        _print_report(evaluate(sentences, preds), fmt)
