"""GDELT event files (1.0: 57 or 58 columns, 2.0: 61 columns) into the `events` table.

Files are tab-separated without a header, plain, .gz or .zip; the layout is told by the column
count of the first line. DuckDB parses the file itself (`read_csv`, in parallel) and one
`INSERT ... SELECT` validates, enriches and writes every row, so no row passes through Python:

* validation happens in the parse: GlobalEventID is read as BIGINT, SQLDATE as DATE
  (`%Y%m%d`), EventCode as an ENUM of the CAMEO codes and GoldsteinScale as DOUBLE, so a bad
  value, like a line with the wrong number of columns, becomes a row of DuckDB's rejects table
  with its physical line number, from which `import_errors` is filled;
* enrichment uses no joins: the CAMEO fields are constant lists indexed by the EventCode's enum
  position, actor-code country prefixes are checked by a cast to an ENUM of country codes, and
  ActionGeo's FIPS 10-4 country code becomes ISO 3166-1 alpha-3 the same way
  (`data/fips_iso3.tsv`);
* GDELT ids are unique: after the insert, rows whose id the store already had are deleted
  again (cheap: zone maps on `external_num` skip old row groups), and a file that repeats an
  id within itself (rare) is imported again with insertion order preserved, so that its rowid
  order is file order and the first line of each id is kept. Inserting without preserving
  order is what lets every thread write.

A file is imported in one transaction, so an interrupted import leaves the store as it was and
is simply run again; DuckDB's memory limit (see `bounded_memory`) keeps memory flat in the file
size, since the insert writes full row groups to disk as it goes.

Kept: GlobalEventID (as `external_id`), SQLDATE, actors (code, name, country, sector), EventCode
as a string with its leading zero, QuadClass, GoldsteinScale, NumMentions/NumSources/NumArticles,
AvgTone, ActionGeo (country as ISO3, full name, lat, lon) and SOURCEURL. The raw FIPS code is
not stored (`events` has no column for it; an unknown code stores no country); the GDELT export
writes the FIPS code back from the ISO3 one.
"""
from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from ..store import Store
from .common import (
    PSEUDO_COUNTRIES, ImportResult, begin_import, bounded_memory, country_codes, fips_iso3,
    first_line, record_import,
)

_HEAD = ["GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_EVENT = ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]


def _geo(prefix: str, adm2: bool) -> list[str]:
    cols = ["Type", "FullName", "CountryCode", "ADM1Code"] + (["ADM2Code"] if adm2 else [])
    return [f"{prefix}Geo_{c}" for c in cols + ["Lat", "Long", "FeatureID"]]


def _layout(adm2: bool) -> list[str]:
    return (
        _HEAD + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR] + _EVENT
        + _geo("Actor1", adm2) + _geo("Actor2", adm2) + _geo("Action", adm2) + ["DATEADDED"]
    )


# GDELT 1.0 historical backfiles have no SOURCEURL; the daily files (April 2013 on) do.
GDELT1_57 = _layout(adm2=False)
GDELT1_58 = GDELT1_57 + ["SOURCEURL"]
GDELT2 = _layout(adm2=True) + ["SOURCEURL"]
LAYOUTS = {57: ("gdelt1", GDELT1_57), 58: ("gdelt1", GDELT1_58), 61: ("gdelt2", GDELT2)}

# Names of the temporary tables DuckDB's CSV reader fills with the lines it rejects.
REJECTS, REJECT_SCANS = "rp_gdelt_rejects", "rp_gdelt_reject_scans"
# Extra read_csv options (SQL literals by name); tests shrink `buffer_size` to split small files
# between threads as DuckDB splits big ones.
CSV_OPTIONS: dict[str, str] = {}


def detect_layout(path: str | Path) -> tuple[str, list[str]]:
    """('gdelt1'|'gdelt2', column names) from the first line's column count."""
    line = first_line(path)
    n = len(line.split("\t")) if line else 0
    if n not in LAYOUTS:
        raise ValueError(
            f"{path}: {n} tab-separated columns on the first line; GDELT event files have 57 or 58 "
            "(1.0) or 61 (2.0)"
        )
    return LAYOUTS[n]


# -- SQL literals -----------------------------------------------------------------------------

def _lit(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _enum(values) -> str:
    return "ENUM(" + ", ".join(_lit(v) for v in values) + ")"


def _list(values, cast: str) -> str:
    return f"CAST([{', '.join(_lit(v) for v in values)}] AS {cast}[])"


@lru_cache(maxsize=1)
def _lookups() -> dict[str, str]:
    """SQL expressions (over the raw columns of `b`) that replace joins with lookup tables."""
    from ..events.taxonomy import all_codes

    codes = {c.code: c for c in all_codes()}
    raw_to_code = {code: code for code in codes}
    # The same zero-restoring rule as taxonomy.normalize_code ('42' is '042').
    for code in codes:
        if code.startswith("0") and code[1:] not in codes:
            raw_to_code.setdefault(code[1:], code)
    raws = sorted(raw_to_code)
    rows = [codes[raw_to_code[r]] for r in raws]
    pos = "(enum_code(b.EventCode) + 1)"  # 1-based index into the lists below
    fields = {
        "cameo": _list([c.code for c in rows], "VARCHAR"),
        "cameo_root": _list([c.root for c in rows], "VARCHAR"),
        "cameo_label": _list([c.label for c in rows], "VARCHAR"),
        "cameo_goldstein": _list([float(c.goldstein) for c in rows], "DOUBLE"),
        "cameo_quad": _list([int(c.quad_class) for c in rows], "TINYINT"),
        "plover": _list([c.plover for c in rows], "VARCHAR"),
        "plover_mode": _list([c.plover_mode or None for c in rows], "VARCHAR"),
    }
    out = {k: f"{v}[{pos}]" for k, v in fields.items()}
    out["event_code_type"] = _enum(raws)
    countries = _enum(sorted(country_codes()))
    for n in (1, 2):
        out[f"prefix{n}"] = f"CAST(TRY_CAST(left(b.Actor{n}Code, 3) AS {countries}) AS VARCHAR)"
    table = fips_iso3()
    fips = sorted(table)
    out["geo_country"] = (
        f"{_list([table[f] for f in fips], 'VARCHAR')}"
        f"[enum_code(TRY_CAST(b.ActionGeo_CountryCode AS {_enum(fips)})) + 1]"
    )
    return out


def _actor(n: int, prefix: str) -> dict[str, str]:
    """Code / country / sector / type of Actor1 or Actor2. Country: the explicit country column,
    else the code's first 3 letters when they are a country. Sector: the explicit type column,
    else the next 3 letters (or the first 3 when the code starts with no country)."""
    c = f"b.Actor{n}Code"
    ctry = f"coalesce(b.Actor{n}CountryCode, {prefix})"
    sector = (f"coalesce(b.Actor{n}Type1Code, CASE WHEN {prefix} IS NOT NULL "
              f"THEN nullif(substr({c}, 4, 3), '') ELSE left({c}, 3) END)")
    typ = (f"CASE WHEN {c} IS NULL THEN NULL WHEN {ctry} IN {PSEUDO_COUNTRIES} THEN {ctry} "
           f"WHEN {ctry} IS NOT NULL THEN 'STATE' END")
    return {"code": c, "country": ctry, "sector": sector, "type": typ}


def _read_csv(data: Path, columns: list[str], compression: str) -> str:
    """The `read_csv` call: no quoting (GDELT never quotes), explicit types, rejects kept."""
    lk = _lookups()
    types = {c: "VARCHAR" for c in columns}
    types.update({"GlobalEventID": "BIGINT", "SQLDATE": "DATE", "EventCode": lk["event_code_type"],
                  "GoldsteinScale": "DOUBLE"})
    spec = "{" + ", ".join(f"{_lit(c)}: {_lit(t)}" for c, t in types.items()) + "}"
    return (
        f"read_csv({_lit(str(data))}, columns = {spec}, delim = '\t', header = false, quote = '', "
        "escape = '', auto_detect = false, dateformat = '%Y%m%d', compression = "
        f"{_lit(compression)}, force_not_null = ['GlobalEventID', 'SQLDATE', 'EventCode'], "
        f"store_rejects = true, rejects_table = '{REJECTS}', rejects_scan = '{REJECT_SCANS}'"
        + "".join(f", {k} = {v}" for k, v in CSV_OPTIONS.items()) + ")"
    )


def _insert_sql(data: Path, columns: list[str], compression: str) -> str:
    lk = _lookups()
    a1, a2 = _actor(1, lk["prefix1"]), _actor(2, lk["prefix2"])
    url = "b.SOURCEURL" if "SOURCEURL" in columns else "NULL"

    def num(col: str, cast: str) -> str:  # lenient fields: a bad value is no value
        return f"TRY_CAST(b.{col} AS {cast})"

    return f"""
INSERT INTO events (
    event_id, date, source_code, source_country, source_sector, source_type, source_name,
    target_code, target_country, target_sector, target_type, target_name,
    cameo, cameo_root, cameo_label, quad_class, goldstein, plover, plover_mode,
    num_mentions, num_sources, num_articles, avg_tone, origin, external_id, external_num,
    source_url, geo_country, geo_name, geo_lat, geo_lon, import_file)
SELECT
    'gdelt:' || b.GlobalEventID, b.SQLDATE,
    {a1['code']}, {a1['country']}, {a1['sector']}, {a1['type']}, b.Actor1Name,
    {a2['code']}, {a2['country']}, {a2['sector']}, {a2['type']}, b.Actor2Name,
    {lk['cameo']}, {lk['cameo_root']}, {lk['cameo_label']},
    coalesce({num('QuadClass', 'TINYINT')}, {lk['cameo_quad']}),
    coalesce(b.GoldsteinScale, {lk['cameo_goldstein']}), {lk['plover']}, {lk['plover_mode']},
    coalesce({num('NumMentions', 'INTEGER')}, 1), coalesce({num('NumSources', 'INTEGER')}, 1),
    coalesce({num('NumArticles', 'INTEGER')}, 1), {num('AvgTone', 'DOUBLE')},
    'gdelt', CAST(b.GlobalEventID AS VARCHAR), b.GlobalEventID, {url},
    {lk['geo_country']}, b.ActionGeo_FullName,
    {num('ActionGeo_Lat', 'DOUBLE')}, {num('ActionGeo_Long', 'DOUBLE')}, $digest
FROM {_read_csv(data, columns, compression)} b
"""


def _errors_sql(columns: list[str]) -> str:
    """One (line, reason) per rejected line: a wrong column count, else the first bad value in
    the order GlobalEventID, SQLDATE, EventCode, GoldsteinScale. Values are checked again from
    the line's text: DuckDB 2.0's rejects table names the wrong column when only some columns
    are read, and a line with several bad values has several rows there."""
    f = {c: f"f[{columns.index(c) + 1}]" for c in ("GlobalEventID", "SQLDATE", "EventCode", "GoldsteinScale")}
    code_type = _lookups()["event_code_type"]
    q = "''''"  # a quote character, as a SQL literal
    return f"""
SELECT line, CASE
    WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS')
        THEN 'expected {len(columns)} tab-separated columns, found ' || len(f)
    WHEN TRY_CAST({f['GlobalEventID']} AS BIGINT) IS NULL THEN 'bad GlobalEventID ' ||
        CASE WHEN coalesce({f['GlobalEventID']}, '') = '' THEN '(empty)'
             ELSE {q} || {f['GlobalEventID']} || {q} END
    WHEN TRY_STRPTIME({f['SQLDATE']}, '%Y%m%d') IS NULL
        THEN 'bad date ' || {q} || coalesce({f['SQLDATE']}, '') || {q} || ' (SQLDATE must be YYYYMMDD)'
    WHEN TRY_CAST({f['EventCode']} AS {code_type}) IS NULL
        THEN 'bad CAMEO code ' || {q} || coalesce({f['EventCode']}, '') || {q}
    WHEN {f['GoldsteinScale']} <> '' AND TRY_CAST({f['GoldsteinScale']} AS DOUBLE) IS NULL
        THEN 'bad GoldsteinScale'
    WHEN error_type = 'INVALID ENCODING' THEN 'not valid UTF-8'
    ELSE lower(CAST(error_type AS VARCHAR)) || ': ' || coalesce(error_message, '')
END AS reason
FROM (
    SELECT line, error_type, error_message,
           string_split(trim(csv_line, chr(10) || chr(13)), chr(9)) AS f
    FROM {REJECTS}
    QUALIFY row_number() OVER (PARTITION BY line ORDER BY error_type = 'CAST') = 1
)
"""


@contextlib.contextmanager
def _readable(path: Path) -> Iterator[tuple[Path, str]]:
    """(a path DuckDB can read, its compression): .gz is read natively; the first member of a
    .zip is extracted to a temporary file (DuckDB reads no zip archives)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        yield path, "gzip"
        return
    if not name.endswith(".zip"):
        yield path, "none"
        return
    with zipfile.ZipFile(path) as zf:
        members = [i for i in zf.infolist() if not i.is_dir()]
        if not members:
            raise ValueError(f"{path}: the zip archive is empty")
        with tempfile.TemporaryDirectory(prefix="realpolitik-gdelt-") as tmp:
            out = Path(tmp) / "events.tsv"
            with zf.open(members[0]) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 22)
            yield out, "none"


def _drop_rejects(store: Store) -> None:
    store.con.execute(f"DROP TABLE IF EXISTS temp.{REJECTS}; DROP TABLE IF EXISTS temp.{REJECT_SCANS}")


def import_gdelt(
    store: Store,
    path: str | Path,
    on_rows: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import one GDELT event file; a file whose content was imported before is skipped."""
    path = Path(path)
    kind, columns = detect_layout(path)
    result = begin_import(store, path, kind)
    if result.skipped:
        return result
    with _readable(path) as (data, compression), bounded_memory(store), \
            _progress(store, data, compression, on_rows) as reported, _insertion_order(store):
        # Unordered inserts run on every thread; only a file repeating an id needs file order
        # (to keep the first line of the id), so such a file is read a second time, in order.
        for ordered in (False, True):
            result.errors, result.rows_bad = [], 0
            try:
                _import_file(store, data, columns, compression, result, ordered)
                break
            except _RepeatedIds:
                continue
    if on_rows:
        rest = result.rows_ok + result.duplicates + result.rows_bad - reported()
        if rest > 0:
            on_rows(rest)
    return result


class _RepeatedIds(Exception):
    """An id occurs twice in the file and the rows were not inserted in file order."""


@contextlib.contextmanager
def _insertion_order(store: Store) -> Iterator[None]:
    before = store.con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0][0]
    try:
        yield
    finally:
        store.con.execute(f"SET preserve_insertion_order = {str(before).lower()}")


def _import_file(store: Store, data: Path, columns: list[str], compression: str,
                 result: ImportResult, ordered: bool) -> None:
    """One attempt, in one transaction: insert, record errors, drop repeated and stored ids."""
    con, digest = store.con, result.file_hash
    con.execute(f"SET preserve_insertion_order = {str(ordered).lower()}")
    _drop_rejects(store)
    try:
        with store.transaction():
            con.execute("DELETE FROM import_errors WHERE file_hash = ?", [digest])
            inserted = _insert(store, data, columns, compression, digest)
            errors = con.execute(_errors_sql(columns) + " ORDER BY line").fetchall()
            if errors:
                con.execute(
                    f"INSERT INTO import_errors (file_hash, line, reason) "
                    f"SELECT ?, line, reason FROM ({_errors_sql(columns)})", [digest])
            result.add_errors(errors)
            result.duplicates = _drop_duplicates(store, digest, inserted, ordered)
            result.rows_ok = inserted - result.duplicates
            record_import(store, result)
    finally:
        _drop_rejects(store)


@contextlib.contextmanager
def _progress(store: Store, data: Path, compression: str,
              on_rows: Callable[[int], None] | None) -> Iterator[Callable[[], int]]:
    """While the INSERT runs, report estimated rows to `on_rows` from DuckDB's query progress
    (polled by a thread; the file's size over its first lines' length estimates the rows).
    Yields a function returning how many rows were reported so far."""
    reported = 0
    if on_rows is None or compression != "none":
        yield lambda: reported
        return
    import threading

    with open(data, "rb") as f:
        head = f.read(1 << 16)
    per_line = len(head) / max(head.count(b"\n"), 1)
    total = data.stat().st_size / per_line
    con = store.con
    before = con.execute("SELECT current_setting('enable_progress_bar'), "
                         "current_setting('enable_progress_bar_print')").fetchall()[0]
    con.execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false")
    done = threading.Event()

    def poll() -> None:
        nonlocal reported
        while not done.wait(0.5):
            try:
                pct = con.query_progress()
            except Exception:  # noqa: BLE001 - progress is best effort
                return
            rows = int(total * min(pct, 99.0) / 100) if pct > 0 else 0
            if rows > reported:
                on_rows(rows - reported)
                reported = rows

    thread = threading.Thread(target=poll, daemon=True, name="gdelt-progress")
    thread.start()
    try:
        yield lambda: reported
    finally:
        done.set()
        thread.join()
        con.execute(f"SET enable_progress_bar = {str(before[0]).lower()}; "
                    f"SET enable_progress_bar_print = {str(before[1]).lower()}")


def _insert(store: Store, data: Path, columns: list[str], compression: str, digest: str) -> int:
    """Insert every valid row of the file; returns how many."""
    return store.con.execute(_insert_sql(data, columns, compression), {"digest": digest}).fetchall()[0][0]


def _drop_duplicates(store: Store, digest: str, inserted: int, ordered: bool = True) -> int:
    """Delete the rows just inserted whose GlobalEventID came earlier in the file or was stored
    before; returns how many. Both are rare, and both checks read only `external_num`. Raises
    `_RepeatedIds` when the file repeats an id but the rows were not inserted in file order."""
    if not inserted:
        return 0
    con = store.con
    mine = "origin = 'gdelt' AND import_file = $digest"
    n, lo, hi = con.execute(f"SELECT count(*), min(external_num), max(external_num) FROM events "
                            f"WHERE {mine}", {"digest": digest}).fetchall()[0]
    # Distinct ids: GDELT ids in a file are nearly consecutive, so a bitmap over their range is
    # small (a bit per id) and far cheaper than hashing millions of ids.
    if hi - lo < max(64 * n, 1 << 20):
        distinct_sql = f"bit_count(bitstring_agg(external_num, {int(lo)}, {int(hi)}))"
    else:
        distinct_sql = "count(DISTINCT external_num)"
    distinct = con.execute(f"SELECT {distinct_sql} FROM events WHERE {mine}",
                           {"digest": digest}).fetchall()[0][0]
    dropped = 0
    if distinct < n and not ordered:
        raise _RepeatedIds
    if distinct < n:  # an id repeated within the file: keep its first line (rowid order)
        dropped += con.execute(f"""
            DELETE FROM events WHERE rowid IN (
                SELECT rowid FROM events WHERE {mine}
                QUALIFY row_number() OVER (PARTITION BY external_num ORDER BY rowid) > 1)
        """, {"digest": digest}).fetchall()[0][0]
    # Ids stored by earlier imports: the range filter lets zone maps skip old row groups.
    dropped += con.execute(f"""
        DELETE FROM events
        WHERE {mine} AND external_num BETWEEN $lo AND $hi AND external_num IN (
            SELECT external_num FROM events
            WHERE origin = 'gdelt' AND external_num BETWEEN $lo AND $hi
              AND import_file IS DISTINCT FROM $digest)
    """, {"digest": digest, "lo": lo, "hi": hi}).fetchall()[0][0]
    return dropped
