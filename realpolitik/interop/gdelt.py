"""GDELT event files (1.0: 57 or 58 columns, 2.0: 61 columns) into the `events` table.

Files are tab-separated without a header, plain, .gz or .zip; the layout is told by the column
count of the first line. Rows stream through in Arrow batches (see `tsv.stream_rows`) and are
validated, enriched from the CAMEO taxonomy and inserted by one SQL statement per batch, so
millions of rows import without being held in memory.

Kept: GlobalEventID (as `external_id`), SQLDATE, actors (code, name, country, sector), EventCode
as a string with its leading zero, QuadClass, GoldsteinScale, NumMentions/NumSources/NumArticles,
AvgTone, ActionGeo (country as GDELT's FIPS 10-4 code, full name, lat, lon) and SOURCEURL.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..store import Store
from .common import (
    ImportResult, actor_sql, already_imported, bounded_memory, file_hash, first_line,
    periodic_commits, record_errors, record_import, register_lookups,
)
from .tsv import prefetch, stream_rows

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


def _num(col: str, cast: str) -> str:
    # Empty fields arrive as NULL (see tsv.stream_rows), so no trim/nullif per value: at
    # millions of rows each string function costs seconds.
    return f"TRY_CAST({col} AS {cast})"

# Columns every check needs; shared by the narrow check pass and the full parse.
_KEY_COLUMNS = f"""
        b._line AS line,
        b.GlobalEventID AS ext_id,
        TRY_CAST(b.GlobalEventID AS BIGINT) AS ext_num,
        b.SQLDATE AS raw_date,
        TRY_STRPTIME(b.SQLDATE, '%Y%m%d')::DATE AS date,
        b.EventCode AS raw_code,
        t.code AS cameo,
        b.GoldsteinScale IS NOT NULL
            AND {_num('b.GoldsteinScale', 'DOUBLE')} IS NULL AS bad_goldstein"""

# The first failing check names the problem; rows with a reason are errors, the rest go in.
_REASON = r"""CASE
    WHEN ext_num IS NULL THEN 'bad GlobalEventID ' || coalesce('''' || ext_id || '''', '(empty)')
    WHEN date IS NULL THEN 'bad date ''' || raw_date || ''' (SQLDATE must be YYYYMMDD)'
    WHEN cameo IS NULL THEN 'bad CAMEO code ''' || raw_code || ''''
    WHEN bad_goldstein THEN 'bad GoldsteinScale'
END"""

# Narrow pass over a batch: only what validation needs, materialised (cheap: a few columns).
CHECK_SQL = f"""
CREATE OR REPLACE TEMP TABLE _check AS
SELECT line, ext_num, {_REASON} AS reason
FROM (SELECT {_KEY_COLUMNS} FROM _batch b LEFT JOIN rp_cameo t ON t.raw = b.EventCode)
"""

# Later rows repeating an id seen earlier in the same batch (normally none).
DUPS_SQL = """
CREATE OR REPLACE TEMP TABLE _dups AS
SELECT line FROM (
    SELECT line, row_number() OVER (PARTITION BY ext_num ORDER BY line) AS n
    FROM _check WHERE reason IS NULL)
WHERE n > 1
"""


def _parse_sql(has_url: bool) -> str:
    """Every kept column of one batch (`_batch`, all strings), typed. Never materialised: the
    INSERT reads straight from the Arrow batch (materialising 60 string columns cost more than
    the whole insert)."""
    a1 = actor_sql("b.Actor1Code", "b.Actor1CountryCode", "b.Actor1Type1Code", "p1.code")
    a2 = actor_sql("b.Actor2Code", "b.Actor2CountryCode", "b.Actor2Type1Code", "p2.code")
    url = "b.SOURCEURL" if has_url else "NULL"
    return f"""
    SELECT {_KEY_COLUMNS},
        t.root AS cameo_root, t.label AS cameo_label, t.plover, t.plover_mode,
        coalesce({_num('b.QuadClass', 'TINYINT')}, t.quad_class) AS quad_class,
        coalesce({_num('b.GoldsteinScale', 'DOUBLE')}, t.goldstein) AS goldstein,
        {a1['code']} AS source_code, {a1['country']} AS source_country,
        {a1['sector']} AS source_sector, {a1['type']} AS source_type,
        b.Actor1Name AS source_name,
        {a2['code']} AS target_code, {a2['country']} AS target_country,
        {a2['sector']} AS target_sector, {a2['type']} AS target_type,
        b.Actor2Name AS target_name,
        coalesce({_num('b.NumMentions', 'INTEGER')}, 1) AS num_mentions,
        coalesce({_num('b.NumSources', 'INTEGER')}, 1) AS num_sources,
        coalesce({_num('b.NumArticles', 'INTEGER')}, 1) AS num_articles,
        {_num('b.AvgTone', 'DOUBLE')} AS avg_tone,
        {url} AS source_url,
        b.ActionGeo_CountryCode AS geo_country,
        b.ActionGeo_FullName AS geo_name,
        {_num('b.ActionGeo_Lat', 'DOUBLE')} AS geo_lat,
        {_num('b.ActionGeo_Long', 'DOUBLE')} AS geo_lon
    FROM _batch b
    LEFT JOIN rp_cameo t ON t.raw = b.EventCode
    LEFT JOIN rp_countries p1 ON p1.code = left(b.Actor1Code, 3)
    LEFT JOIN rp_countries p2 ON p2.code = left(b.Actor2Code, 3)
    """


def _insert_sql(has_url: bool, lo: int, hi: int) -> str:
    return f"""
INSERT INTO events (
    event_id, date, source_code, source_country, source_sector, source_type, source_name,
    target_code, target_country, target_sector, target_type, target_name,
    cameo, cameo_root, cameo_label, quad_class, goldstein, plover, plover_mode,
    num_mentions, num_sources, num_articles, avg_tone, origin, external_id, external_num,
    source_url, geo_country, geo_name, geo_lat, geo_lon, import_file)
SELECT
    'gdelt:' || s.ext_num, s.date, s.source_code, s.source_country, s.source_sector, s.source_type,
    s.source_name, s.target_code, s.target_country, s.target_sector, s.target_type, s.target_name,
    s.cameo, s.cameo_root, s.cameo_label, s.quad_class, s.goldstein, s.plover, s.plover_mode,
    s.num_mentions, s.num_sources, s.num_articles, s.avg_tone, 'gdelt', CAST(s.ext_num AS VARCHAR),
    s.ext_num, s.source_url, s.geo_country, s.geo_name, s.geo_lat, s.geo_lon, ?
FROM ({_parse_sql(has_url)}) s
WHERE s.ext_num IS NOT NULL AND s.date IS NOT NULL AND s.cameo IS NOT NULL AND NOT s.bad_goldstein
  -- GDELT ids are unique: keep the first row of an id, skip ids already stored. The range
  -- filter lets zone maps skip every row group that cannot hold these ids.
  AND s.line NOT IN (SELECT line FROM _dups)
  AND s.ext_num NOT IN (
      SELECT e.external_num FROM events e
      WHERE e.origin = 'gdelt' AND e.external_num BETWEEN {int(lo)} AND {int(hi)})
"""


def import_gdelt(
    store: Store,
    path: str | Path,
    on_rows: Callable[[int], None] | None = None,
    block_size: int | None = None,
) -> ImportResult:
    """Import one GDELT event file; a file whose content was imported before is skipped."""
    path = Path(path)
    kind, columns = detect_layout(path)
    digest = file_hash(path)
    result = ImportResult(path=str(path), kind=kind, file_hash=digest)
    if already_imported(store, digest):
        result.skipped = True
        return result
    register_lookups(store)
    has_url = "SOURCEURL" in columns
    kwargs = {"block_size": block_size} if block_size else {}
    with bounded_memory(store), periodic_commits(store, digest) as tick:
        for table, bad_rows in prefetch(stream_rows(path, columns, **kwargs)):
            result.add_errors(bad_rows)
            record_errors(store, digest, bad_rows)
            if table.num_rows:
                _import_batch(store, table, has_url, digest, result)
            tick(table.num_rows)
            if on_rows:
                on_rows(table.num_rows + len(bad_rows))
        store.con.execute("DROP TABLE IF EXISTS _check; DROP TABLE IF EXISTS _dups")
        record_import(store, result)
    return result


def _import_batch(store: Store, table, has_url: bool, digest: str, result: ImportResult) -> None:
    con = store.con
    con.register("_batch", table)
    try:
        con.execute(CHECK_SQL)
        errors = con.execute(
            "SELECT line, reason FROM _check WHERE reason IS NOT NULL ORDER BY line"
        ).fetchall()
        result.add_errors(errors)
        record_errors(store, digest, errors)
        lo, hi, repeated = con.execute(
            "SELECT min(ext_num), max(ext_num), count(*) - count(DISTINCT ext_num) "
            "FROM _check WHERE reason IS NULL"
        ).fetchall()[0]
        if lo is None:
            return
        con.execute(DUPS_SQL if repeated else "CREATE OR REPLACE TEMP TABLE _dups (line BIGINT)")
        inserted = con.execute(_insert_sql(has_url, lo, hi), [digest]).fetchall()[0][0]
    finally:
        con.unregister("_batch")
    result.rows_ok += inserted
    result.duplicates += table.num_rows - len(errors) - inserted
