"""Printing rows the way users ask: --format table|csv|jsonl|parquet, to stdout or a file."""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import enum
import json
import sys
from pathlib import Path
from typing import Any, Iterable, Sequence

from rich.console import Console
from rich.table import Table


class CliError(Exception):
    """A user-facing error: printed as one line, exit code non-zero."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


class Format(str, enum.Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def _plain(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return float(v)
    return v


def to_json(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, default=_plain)


def emit(
    rows: Sequence[dict[str, Any]] | Iterable[dict[str, Any]],
    fmt: Format | str = Format.table,
    out: str | Path | None = None,
    title: str | None = None,
    columns: list[str] | None = None,
) -> None:
    """Write rows in the chosen format; parquet needs an output file."""
    fmt = Format(fmt)
    rows = list(rows)
    if out is not None and str(out) != "-":
        folder = Path(out).parent
        if not folder.is_dir():
            raise CliError(f"{out}: folder {folder} does not exist")
    cols = columns or (list(rows[0].keys()) if rows else [])
    if fmt is Format.parquet:
        if out is None:
            raise CliError("--format parquet needs an output file (-o FILE)")
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist([{c: _plain(r.get(c)) for c in cols} for r in rows])
        pq.write_table(table, str(out))
        return
    stream = open(out, "w", newline="", encoding="utf-8") if out else sys.stdout
    try:
        if fmt is Format.jsonl:
            for r in rows:
                stream.write(to_json({c: r.get(c) for c in cols}) + "\n")
        elif fmt is Format.csv:
            w = csv.writer(stream)
            w.writerow(cols)
            for r in rows:
                w.writerow(
                    [to_json(v) if isinstance(v, (dict, list)) else _plain(v) for v in (r.get(c) for c in cols)]
                )
        else:
            table = Table(title=title, show_lines=False)
            for c in cols:
                table.add_column(str(c), overflow="fold")
            for r in rows:
                table.add_row(*["" if r.get(c) is None else str(_plain(r.get(c))) for c in cols])
            Console(file=stream, width=None if out is None else 200).print(table)
    finally:
        if out:
            stream.close()
