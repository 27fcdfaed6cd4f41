"""What every import shares: file identity, opening compressed files, the CAMEO and country
lookup tables used in SQL, error records, and the `imports` ledger that makes re-imports no-ops."""
from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

import pyarrow as pa

from ..store import Store

# Pseudo-countries CAMEO uses where an actor belongs to no state.
PSEUDO_COUNTRIES = ("IGO", "NGO", "IMG", "MNC")
# CAMEO region codes that appear where a country code would (GDELT uses them too).
CAMEO_REGIONS = (
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SAS", "SAM", "SAF", "SEA", "SCN", "WAF", "WST", "WEU",
)
MAX_ERRORS_SHOWN = 20
# The `events` columns a user sees: what csv/jsonl/parquet exports write and what the events-file
# import reads back (so an export re-imports unchanged). Bookkeeping columns (import_file,
# external_num) are left out.
EVENT_COLUMNS = [
    "event_id", "date", "source_code", "source_country", "source_sector", "source_type",
    "source_name", "target_code", "target_country", "target_sector", "target_type", "target_name",
    "cameo", "cameo_root", "cameo_label", "quad_class", "goldstein", "plover", "plover_mode",
    "negated", "modality", "num_mentions", "num_sources", "num_articles", "avg_tone", "origin",
    "external_id", "source_url", "geo_country", "geo_name", "geo_lat", "geo_lon",
]
COMMIT_ROWS = 500_000  # rows per transaction while importing
# DuckDB's buffer pool while importing: the insert writes full row groups to disk as it goes, so
# this caps resident memory whatever the file size (measured flat from 1M to 5M GDELT rows).
IMPORT_MEMORY_LIMIT = os.environ.get("REALPOLITIK_IMPORT_MEMORY", "256MB")


@dataclass
class ImportResult:
    """The outcome of importing one file; `errors` keeps the first few (all are in the store)."""

    path: str
    kind: str
    file_hash: str
    rows_ok: int = 0
    rows_bad: int = 0
    duplicates: int = 0  # rows whose external id the store already had
    skipped: bool = False  # the same content was imported before
    errors: list[tuple[int, str]] = field(default_factory=list)

    def add_errors(self, errors: list[tuple[int, str]]) -> None:
        self.rows_bad += len(errors)
        room = MAX_ERRORS_SHOWN - len(self.errors)
        if room > 0:
            self.errors.extend(errors[:room])

    def to_dict(self) -> dict:
        return {
            "path": self.path, "kind": self.kind, "rows_ok": self.rows_ok, "rows_bad": self.rows_bad,
            "duplicates": self.duplicates, "skipped": self.skipped,
        }


def file_hash(path: str | Path) -> str:
    """sha256 of the file's bytes: the identity of an import, whatever the file is called."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def open_data(path: str | Path) -> BinaryIO:
    """A binary stream of the data in `path`: the first member of a .zip, a .gz, or the file."""
    p = Path(path)
    name = p.name.lower()
    if name.endswith(".zip"):
        zf = zipfile.ZipFile(p)
        members = [i for i in zf.infolist() if not i.is_dir()]
        if not members:
            raise ValueError(f"{p}: the zip archive is empty")
        return zf.open(members[0])
    if name.endswith(".gz"):
        return gzip.open(p, "rb")
    return open(p, "rb")


def first_line(path: str | Path) -> str:
    """The first non-empty line, for detecting a file's layout."""
    with open_data(path) as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8", errors="replace"):
            if line.strip():
                return line.rstrip("\r\n").lstrip("\ufeff")  # a BOM is not part of a column name
    return ""


def begin_import(store: Store, path: Path, kind: str) -> ImportResult:
    """Every import's first step: the file's result, marked `skipped` when the same content
    (by hash, whatever the file is called) was imported before, so the caller returns it as is."""
    digest = file_hash(path)
    result = ImportResult(path=str(path), kind=kind, file_hash=digest)
    result.skipped = already_imported(store, digest)
    return result


def keep_errors(store: Store, result: ImportResult, errors: list[tuple[int, str]]) -> None:
    """Bad rows found in Python: all go to `import_errors`, the first few onto `result`."""
    result.add_errors(errors)
    record_errors(store, result.file_hash, errors)


def already_imported(store: Store, digest: str) -> bool:
    return bool(store.con.execute("SELECT count(*) FROM imports WHERE file_hash = ?", [digest]).fetchall()[0][0])


def record_import(store: Store, result: ImportResult) -> None:
    store.execute(
        "INSERT OR REPLACE INTO imports (file_hash, path, kind, rows_ok, rows_bad) VALUES (?, ?, ?, ?, ?)",
        [result.file_hash, result.path, result.kind, result.rows_ok, result.rows_bad],
    )


def record_errors(store: Store, digest: str, errors: list[tuple[int, str]]) -> None:
    if errors:
        store.con.executemany(
            "INSERT INTO import_errors (file_hash, line, reason) VALUES (?, ?, ?)",
            [(digest, line, reason) for line, reason in errors],
        )


@contextlib.contextmanager
def bounded_memory(store: Store, limit: str = IMPORT_MEMORY_LIMIT) -> Iterator[None]:
    """Cap DuckDB's buffer pool while importing: by default DuckDB keeps pages cached up to 80%
    of RAM, so a big import's resident memory would grow with the file instead of staying flat."""
    before = store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    store.con.execute(f"SET memory_limit = '{limit}'")
    try:
        yield
    finally:
        store.con.execute(f"SET memory_limit = '{before}'")


@contextlib.contextmanager
def periodic_commits(store: Store, digest: str, every: int | None = None) -> Iterator[Callable[[int], None]]:
    """One import's transactions: yields `tick(rows)`, which commits every `every` rows.

    One transaction for a whole 5M-row file held gigabytes; one per 100k-row batch spent its
    time writing the WAL. An interrupted import leaves its committed part in; the ledger row is
    written last, so a retry imports the file again, skipping the ids already stored (errors
    recorded by the interrupted attempt are cleared first).
    """
    con = store.con
    every = every or COMMIT_ROWS
    with store.transaction():
        con.execute("DELETE FROM import_errors WHERE file_hash = ?", [digest])
    pending = 0

    def tick(rows: int) -> None:
        nonlocal pending
        pending += rows
        if pending >= every:
            con.execute("COMMIT")
            con.execute("BEGIN TRANSACTION")
            pending = 0

    con.execute("BEGIN TRANSACTION")
    try:
        yield tick
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@functools.lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Codes a CAMEO actor code may start with: ISO3 countries, pseudo-countries, regions."""
    import pycountry

    return frozenset({c.alpha_3 for c in pycountry.countries} | set(PSEUDO_COUNTRIES) | set(CAMEO_REGIONS))


@functools.lru_cache(maxsize=1)
def fips_iso3() -> dict[str, str]:
    """FIPS 10-4 country code (GDELT's geography columns) -> ISO 3166-1 alpha-3, from
    `data/fips_iso3.tsv`."""
    from importlib import resources

    text = (resources.files("realpolitik.interop") / "data" / "fips_iso3.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {fips: iso3 for fips, iso3, *_ in rows[1:]}


def iso3_fips() -> dict[str, str]:
    """ISO3 -> the FIPS code an export writes: the first listed for that ISO code."""
    out: dict[str, str] = {}
    for fips, iso3 in fips_iso3().items():  # dicts keep the file's order
        out.setdefault(iso3, fips)
    return out


def register_lookups(store: Store) -> None:
    """Create the temp table `rp_cameo` (raw code -> taxonomy row) once per connection, so imports
    can validate and enrich millions of rows in SQL joins."""
    con = store.con
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'rp_cameo' AND temporary"
    ).fetchall()[0][0]
    if exists:
        return
    from ..events.taxonomy import all_codes

    codes = {c.code: c for c in all_codes()}
    raw_to_code = {code: code for code in codes}
    # The same zero-restoring rule as taxonomy.normalize_code, precomputed for a join.
    for code in codes:
        if code.startswith("0") and code[1:] not in codes:
            raw_to_code.setdefault(code[1:], code)
    rows = [codes[c] for c in raw_to_code.values()]
    cameo = pa.table({
        "raw": list(raw_to_code.keys()),
        "code": [c.code for c in rows],
        "root": [c.root for c in rows],
        "label": [c.label for c in rows],
        "goldstein": [c.goldstein for c in rows],
        "quad_class": [c.quad_class for c in rows],
        "plover": [c.plover for c in rows],
        "plover_mode": [c.plover_mode or None for c in rows],
    })
    con.register("_rp_cameo_src", cameo)
    con.execute("CREATE TEMP TABLE rp_cameo AS SELECT * FROM _rp_cameo_src")
    con.unregister("_rp_cameo_src")
