"""realpolitik's own event records (JSONL, CSV or Parquet) into the `events` table.

Accepted shapes: the lines `realpolitik code` writes (`Event.to_dict()`, actors as objects), the
flat rows `realpolitik export --format jsonl|csv|parquet` writes (source_code, source_country, ...),
or anything in between. Only date, source, target and cameo are required; source/target may be a
code ("RUSGOV") or an actor object. Label, Goldstein, quad class and PLOVER come from the
taxonomy when absent.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any, Callable, Iterator

import pyarrow as pa

from ..store import Store
from ..store.events import rollup_id
from .common import (
    EVENT_COLUMNS, PSEUDO_COUNTRIES, ImportResult, begin_import, keep_errors, open_data,
    record_import,
)

BATCH = 10_000
# What the export writes, plus the file the rows came from.
_COLS = EVENT_COLUMNS + ["import_file"]
_TYPES = {"date": pa.date32(), "quad_class": pa.int8(), "goldstein": pa.float64(), "negated": pa.bool_(),
          "num_mentions": pa.int32(), "num_sources": pa.int32(), "num_articles": pa.int32(),
          "avg_tone": pa.float64(), "geo_lat": pa.float64(), "geo_lon": pa.float64()}


def records(path: Path) -> Iterator[tuple[int, Any]]:
    """(line or row number, record dict — or an error string) for each record in the file."""
    name = path.name.lower().removesuffix(".gz").removesuffix(".zip")
    if name.endswith(".parquet"):
        import pyarrow.parquet as pq

        n = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH):
            for row in batch.to_pylist():
                n += 1
                yield n, row
        return
    with open_data(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        if name.endswith(".csv") or name.endswith(".tsv"):
            reader = csv.DictReader(text, delimiter="\t" if name.endswith(".tsv") else ",")
            for row in reader:
                # Empty cells are absent values; an empty target_code column still says "no target".
                rec = {k: v for k, v in row.items() if v not in ("", None)}
                if "target_code" in row and "target_code" not in rec:
                    rec["target"] = None
                yield reader.line_num, rec
            return
        for n, line in enumerate(text, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, f"not valid JSON ({exc.msg})"
                continue
            yield n, obj if isinstance(obj, dict) else "not a JSON object"


def _countries() -> set[str]:
    import pycountry

    return {c.alpha_3 for c in pycountry.countries} | set(PSEUDO_COUNTRIES)


def _actor(rec: dict, side: str, countries: set[str]) -> dict[str, Any] | str:
    """Actor columns for `side` ('source'|'target'), or an error string."""
    v = rec.get(side)
    if isinstance(v, str) and v.strip().startswith("{"):  # an actor object inside a CSV cell
        try:
            v = json.loads(v)
        except json.JSONDecodeError:
            return f"{side}: not a code or an actor object"
    if isinstance(v, dict):
        a = v
    elif isinstance(v, str) and v.strip():
        a = {"code": v.strip().upper()}
    elif v is None and rec.get(f"{side}_code"):
        a = {k: rec.get(f"{side}_{k}") for k in ("code", "country", "sector", "type", "name")}
    elif side == "target" and ("target" in rec or "target_code" in rec):
        # The field is there but empty: an event with no target (a statement, a protest).
        return {f"target_{k}": None for k in ("code", "country", "sector", "type", "name")}
    else:
        return f"missing {side}"
    code = a.get("code")
    if not code:
        return f"{side}: actor has no code"
    prefix = code[:3] if code[:3] in countries else None
    country = a.get("country") or prefix
    return {
        f"{side}_code": code, f"{side}_country": country,
        f"{side}_sector": a.get("sector") or (code[3:6] if prefix and len(code) > 3 else None),
        f"{side}_type": a.get("type") or (country if country in PSEUDO_COUNTRIES else "STATE" if country else None),
        f"{side}_name": a.get("name") or a.get("text"),
    }


def _num(rec: dict, key: str, cast: Callable) -> Any:
    v = rec.get(key)
    return None if v in (None, "") else cast(v)


def to_row(rec: dict, countries: set[str], digest: str) -> dict[str, Any] | str:
    """One events row from a record, or the reason it cannot be one."""
    from ..events.taxonomy import cameo_or_none

    raw_date = rec.get("date")
    try:
        date = dt.date.fromisoformat(str(raw_date).strip()[:10]) if raw_date else None
    except ValueError:
        return f"bad date {raw_date!r} (must be YYYY-MM-DD)"
    if date is None:
        return "missing date"
    if rec.get("cameo") in (None, ""):
        return "missing cameo"
    code = cameo_or_none(rec["cameo"])
    if code is None:
        return f"bad CAMEO code {rec['cameo']!r}"
    row: dict[str, Any] = {}
    for side in ("source", "target"):
        a = _actor(rec, side, countries)
        if isinstance(a, str):
            return a
        row.update(a)
    negated = str(rec.get("negated", "false")).lower() in ("true", "1", "yes")
    modality = rec.get("modality") or "action"
    try:
        row.update(
            quad_class=_num(rec, "quad_class", int) or code.quad_class,
            goldstein=_num(rec, "goldstein", float) if rec.get("goldstein") not in (None, "") else code.goldstein,
            num_mentions=_num(rec, "num_mentions", int) or 1, num_sources=_num(rec, "num_sources", int) or 1,
            num_articles=_num(rec, "num_articles", int) or 1, avg_tone=_num(rec, "avg_tone", float),
            geo_lat=_num(rec, "geo_lat", float), geo_lon=_num(rec, "geo_lon", float),
        )
    except (TypeError, ValueError) as exc:
        return f"bad number ({exc})"
    ext = rec.get("external_id") or rec.get("event_id") or rollup_id(
        date.isoformat(), row["source_code"], row["target_code"], code.code, negated, modality)
    row.update(
        event_id=f"import:{ext}", date=date, cameo=code.code, cameo_root=code.root,
        cameo_label=rec.get("cameo_label") or code.label, plover=rec.get("plover") or code.plover,
        plover_mode=rec.get("plover_mode") or code.plover_mode or None, negated=negated,
        modality=modality, origin="import", external_id=str(ext), source_url=rec.get("source_url"),
        geo_country=rec.get("geo_country"), geo_name=rec.get("geo_name"), import_file=digest,
    )
    return row


def import_events(store: Store, path: str | Path, on_rows: Callable[[int], None] | None = None) -> ImportResult:
    """Import one file of realpolitik event records; the same content twice is a no-op."""
    path = Path(path)
    result = begin_import(store, path, "events")
    if result.skipped:
        return result
    digest = result.file_hash
    countries = _countries()
    rows: list[dict] = []
    with store.transaction():
        for n, rec in records(path):
            row = rec if isinstance(rec, str) else to_row(rec, countries, digest)
            if isinstance(row, str):
                keep_errors(store, result, [(n, row)])
            else:
                rows.append(row)
            if len(rows) >= BATCH:
                _insert(store, rows, result)
                if on_rows:
                    on_rows(len(rows))
                rows = []
        if rows:
            _insert(store, rows, result)
        record_import(store, result)
    return result


def _insert(store: Store, rows: list[dict], result: ImportResult) -> None:
    table = pa.table({c: pa.array([r.get(c) for r in rows], _TYPES.get(c, pa.string())) for c in _COLS})
    # the row's place in the file: an id repeated within one batch keeps its first line
    table = table.append_column("_n", pa.array(range(len(rows)), pa.int64()))
    con = store.con
    con.register("_imp", table)
    try:
        cols = ", ".join(_COLS)
        inserted = con.execute(f"""
            INSERT INTO events ({cols})
            SELECT DISTINCT ON (external_id) {cols} FROM _imp
            WHERE external_id NOT IN (SELECT external_id FROM events WHERE origin = 'import'
                                      AND external_id IN (SELECT external_id FROM _imp))
            ORDER BY external_id, _n
        """).fetchall()[0][0]
    finally:
        con.unregister("_imp")
    result.rows_ok += inserted
    result.duplicates += len(rows) - inserted
