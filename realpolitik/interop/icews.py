"""ICEWS coded-event files (tab-separated, with a header) into the `events` table.

Country names become ISO3 codes through pycountry (plus a few ICEWS spellings it lacks), and
ICEWS sector lists ("Government,Executive,Cabinet") become CAMEO agent codes (GOV) where one
fits. Both lookups run once per distinct value in a batch, then join in SQL.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

import pyarrow as pa
import pyarrow.compute as pc

from ..store import Store
from .common import (
    ImportResult, begin_import, bounded_memory, first_line, keep_errors, periodic_commits,
    record_import, register_lookups,
)
from .tsv import prefetch, stream_rows

REQUIRED = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
            "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country"]

# ICEWS spellings pycountry does not resolve by name.
_ALIASES = {
    "russia": "RUS", "iran": "IRN", "syria": "SYR", "south korea": "KOR", "north korea": "PRK",
    "taiwan": "TWN", "vietnam": "VNM", "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN",
    "tanzania": "TZA", "moldova": "MDA", "macedonia": "MKD", "burma": "MMR", "ivory coast": "CIV",
    "cote d'ivoire": "CIV", "swaziland": "SWZ", "czech republic": "CZE", "kosovo": "XKX",
    "occupied palestinian territory": "PSE", "palestine": "PSE", "vatican city": "VAT",
    "democratic republic of congo": "COD", "congo, democratic republic of": "COD",
    "congo, the democratic republic of the": "COD", "republic of congo": "COG", "congo": "COG",
    "united states": "USA", "united kingdom": "GBR", "turkey": "TUR", "micronesia": "FSM",
    "east timor": "TLS", "cape verde": "CPV", "brunei": "BRN", "the gambia": "GMB",
}

# Keyword in a sector name -> CAMEO agent code, most specific first.
_SECTOR_KEYWORDS = [
    ("military", "MIL"), ("army", "MIL"), ("navy", "MIL"), ("air force", "MIL"),
    ("police", "COP"), ("law enforcement", "COP"), ("judicial", "JUD"), ("court", "JUD"),
    ("legislative", "LEG"), ("parliament", "LEG"), ("rebel", "REB"), ("insurgent", "REB"),
    ("separatist", "REB"), ("protestor", "OPP"), ("opposition", "OPP"), ("dissident", "OPP"),
    ("media", "MED"), ("news", "MED"), ("business", "BUS"), ("education", "EDU"),
    ("medical", "HLH"), ("health", "HLH"), ("labor", "LAB"), ("religious", "REL"),
    ("refugee", "REF"), ("displaced", "REF"), ("non-governmental", "NGO"), ("criminal", "CRM"),
    ("agricultur", "AGR"), ("citizen", "CVL"), ("civilian", "CVL"),
    ("government", "GOV"), ("executive", "GOV"), ("cabinet", "GOV"), ("ministry", "GOV"),
    ("elite", "ELI"),
]


@lru_cache(maxsize=4096)
def country_iso3(name: str | None) -> str | None:
    """ISO 3166-1 alpha-3 for an ICEWS country name; None when unknown."""
    if not name or not name.strip():
        return None
    key = name.strip().lower()
    if key in _ALIASES:
        return _ALIASES[key]
    import pycountry

    try:
        return pycountry.countries.lookup(name.strip()).alpha_3
    except LookupError:
        return None


@lru_cache(maxsize=4096)
def sector_code(sectors: str | None) -> str | None:
    """CAMEO agent code for an ICEWS sector list: the most specific that fits, in the order
    of `_SECTOR_KEYWORDS` (so "Elite,Executive,Government" is GOV, not ELI)."""
    parts = [p.strip().lower() for p in (sectors or "").split(",") if p.strip()]
    for word, code in _SECTOR_KEYWORDS:
        if any(word in p for p in parts):
            return code
    return None


def _lookup_table(table: pa.Table, columns: list[str], fn: Callable[[str], str | None]) -> pa.Table:
    values: set[str] = set()
    for c in columns:
        values.update(v for v in pc.unique(table[c]).to_pylist() if v is not None)
    keys = sorted(values)
    return pa.table({"k": pa.array(keys, pa.string()),
                     "v": pa.array([fn(k) for k in keys], pa.string())})


def _check_header(path: Path) -> list[str]:
    header = first_line(path).split("\t")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValueError(f"{path}: not an ICEWS event file (header lacks {', '.join(missing)})")
    return header


def _actor(side: str, alias: str) -> str:
    """Code / country / sector / type / name columns for the Source or Target side."""
    iso, agent = f"{alias}c.v", f"{alias}s.v"
    return f"""
        CASE WHEN {iso} IS NOT NULL OR {agent} IS NOT NULL THEN coalesce({iso}, '') || coalesce({agent}, '') END
            AS {side.lower()}_code,
        {iso} AS {side.lower()}_country, {agent} AS {side.lower()}_sector,
        CASE WHEN {iso} IS NOT NULL THEN 'STATE' END AS {side.lower()}_type,
        nullif(trim(b."{side} Name"), '') AS {side.lower()}_name"""


_SELECT = f"""
SELECT b._line AS line,
    nullif(trim(b."Event ID"), '') AS ext_id,
    TRY_CAST(nullif(trim(b."Event ID"), '') AS BIGINT) AS ext_num,
    b."Event Date" AS raw_date,
    TRY_CAST(nullif(trim(b."Event Date"), '') AS DATE) AS date,
    b."CAMEO Code" AS raw_code, t.code AS cameo, t.root AS cameo_root, t.label AS cameo_label,
    t.plover, t.plover_mode, t.quad_class,
    coalesce(TRY_CAST(nullif(trim(b."Intensity"), '') AS DOUBLE), t.goldstein) AS goldstein,
    nullif(trim(b."Intensity"), '') IS NOT NULL
        AND TRY_CAST(nullif(trim(b."Intensity"), '') AS DOUBLE) IS NULL AS bad_intensity,
    {_actor("Source", "s")},
    {_actor("Target", "t")},
    gc.v AS geo_country,
    nullif(concat_ws(', ', nullif(trim(b."City"), ''), nullif(trim(b."Province"), ''),
                     nullif(trim(b."Country"), '')), '') AS geo_name,
    TRY_CAST(nullif(trim(b."Latitude"), '') AS DOUBLE) AS geo_lat,
    TRY_CAST(nullif(trim(b."Longitude"), '') AS DOUBLE) AS geo_lon
FROM _batch b
LEFT JOIN rp_cameo t ON t.raw = trim(b."CAMEO Code")
LEFT JOIN _cmap sc ON sc.k = b."Source Country"
LEFT JOIN _cmap tc ON tc.k = b."Target Country"
LEFT JOIN _cmap gc ON gc.k = b."Country"
LEFT JOIN _smap ss ON ss.k = b."Source Sectors"
LEFT JOIN _smap ts ON ts.k = b."Target Sectors"
"""

_REASON = r"""CASE
    WHEN ext_num IS NULL THEN 'bad Event ID ' || coalesce('''' || ext_id || '''', '(empty)')
    WHEN date IS NULL THEN 'bad Event Date ''' || raw_date || ''' (must be YYYY-MM-DD)'
    WHEN cameo IS NULL THEN 'bad CAMEO code ''' || raw_code || ''''
    WHEN bad_intensity THEN 'bad Intensity'
END"""

_COLS = """event_id, date, source_code, source_country, source_sector, source_type, source_name,
    target_code, target_country, target_sector, target_type, target_name, cameo, cameo_root,
    cameo_label, quad_class, goldstein, plover, plover_mode, origin, external_id, external_num,
    geo_country, geo_name, geo_lat, geo_lon, import_file"""


def import_icews(store: Store, path: str | Path, on_rows: Callable[[int], None] | None = None) -> ImportResult:
    """Import one ICEWS event file; a file whose content was imported before is skipped."""
    path = Path(path)
    header = _check_header(path)
    result = begin_import(store, path, "icews")
    if result.skipped:
        return result
    digest = result.file_hash
    register_lookups(store)
    con = store.con
    geo_cols = [c for c in ("Source Country", "Target Country", "Country") if c in header]
    with bounded_memory(store), periodic_commits(store, digest) as tick:
        for table, bad_rows in prefetch(stream_rows(path, header, skip_rows=1)):
            keep_errors(store, result, bad_rows)
            if table.num_rows:
                for c in ("City", "Province", "Country", "Latitude", "Longitude"):
                    if c not in header:  # optional location columns
                        table = table.append_column(c, pa.nulls(table.num_rows, pa.string()))
                con.register("_batch", table)
                con.register("_cmap", _lookup_table(table, geo_cols, country_iso3))
                con.register("_smap", _lookup_table(table, ["Source Sectors", "Target Sectors"], sector_code))
                try:
                    _insert(store, digest, result)
                finally:
                    for name in ("_batch", "_cmap", "_smap"):
                        con.unregister(name)
            tick(table.num_rows)
            if on_rows:
                on_rows(table.num_rows + len(bad_rows))
        con.execute("DROP TABLE IF EXISTS _icews")
        record_import(store, result)
    return result


def _insert(store: Store, digest: str, result: ImportResult) -> None:
    con = store.con
    # ICEWS batches are small next to GDELT's, so one materialised stage keeps this simple.
    con.execute(f"CREATE OR REPLACE TEMP TABLE _icews AS SELECT *, {_REASON} AS reason FROM ({_SELECT})")
    errors = con.execute("SELECT line, reason FROM _icews WHERE reason IS NOT NULL ORDER BY line").fetchall()
    keep_errors(store, result, errors)
    valid = con.execute("SELECT count(*) FROM _icews WHERE reason IS NULL").fetchall()[0][0]
    inserted = con.execute(f"""
        INSERT INTO events ({_COLS})
        SELECT 'icews:' || ext_num, date, source_code, source_country, source_sector, source_type,
               source_name, target_code, target_country, target_sector, target_type, target_name,
               cameo, cameo_root, cameo_label, quad_class, goldstein, plover, plover_mode, 'icews',
               CAST(ext_num AS VARCHAR), ext_num, geo_country, geo_name, geo_lat, geo_lon, ?
        FROM _icews s
        WHERE reason IS NULL
          AND line = (SELECT min(line) FROM _icews d WHERE d.ext_num = s.ext_num AND d.reason IS NULL)
          AND ext_num NOT IN (SELECT external_num FROM events WHERE origin = 'icews'
                              AND external_num BETWEEN (SELECT min(ext_num) FROM _icews)
                                                   AND (SELECT max(ext_num) FROM _icews))
    """, [digest]).fetchall()[0][0]
    result.rows_ok += inserted
    result.duplicates += valid - inserted
