"""Exporting events: GDELT 2.0 layout, CSV, JSONL, or Parquet partitioned by month.

Every format is written by DuckDB's COPY straight from the store, so exports stream and never
hold the table in Python. Parquet goes to a directory in hive layout (`month=2022-03/...`), which
DuckDB, Spark and BigQuery read as a partitioned table.

GDELT's IsRootEvent flags events found in an article's lead paragraph. The store keeps no
paragraphs, but every coded event keeps the sentence index of each of its mentions: an event is
written as a root event (1) when at least one report has it in the article's first
`LEAD_SENTENCES` sentences (a wire lead is one or two sentences; a headline line kept in the text
is a sentence of its own), else 0. Imported events (GDELT, ICEWS, event files) have no mentions,
so the store does not know and the field is left empty, like GDELT's other unknown fields.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..store import Store
from .common import EVENT_COLUMNS, iso3_fips
from .gdelt import GDELT2, _enum, _list

FORMATS = ("gdelt", "csv", "jsonl", "parquet")
# Sentences (0-based index < this) that make an article's lead, for IsRootEvent.
LEAD_SENTENCES = 3

# Columns users get in csv/jsonl/parquet (shared with the events-file import).
EXPORT_COLUMNS = EVENT_COLUMNS


def _txt(expr: str) -> str:
    # GDELT files are never quoted: a tab, newline or quote inside a value would break readers.
    return f"nullif(regexp_replace(CAST({expr} AS VARCHAR), '[\\t\\r\\n\"]', ' ', 'g'), '')"


def _fips(expr: str) -> str:
    """GDELT's geography columns hold FIPS 10-4 country codes; the store keeps ISO3."""
    table = iso3_fips()
    isos = sorted(table)
    return f"{_list([table[i] for i in isos], 'VARCHAR')}[enum_code(TRY_CAST({expr} AS {_enum(isos)})) + 1]"


def _is_root(first_sentence: str) -> str:
    """'1' when the event's earliest mention is in the lead, '0' when later, NULL when the store
    has no sentence for it (an imported event): see the module docstring."""
    return (f"CASE WHEN {first_sentence} IS NULL THEN NULL "
            f"WHEN {first_sentence} < {LEAD_SENTENCES} THEN '1' ELSE '0' END")


# Each event's earliest sentence index over its mentions, joined to `events` for IsRootEvent.
_LEAD_JOIN = ("LEFT JOIN (SELECT event_id, min(sentence_index) AS lead_sentence FROM mentions "
              "GROUP BY event_id) USING (event_id)")


def _gdelt_columns() -> dict[str, str]:
    """GDELT 2.0 column -> SQL over `events`; absent fields are empty, as in GDELT itself."""
    # NULL, not '': DuckDB writes NULL as an empty field but an empty string as "".
    cols = {c: "NULL" for c in GDELT2}
    cols.update({
        # GDELT ids are integers: keep a GDELT event's own id, derive a stable one otherwise.
        "GlobalEventID": "CAST(CASE WHEN origin = 'gdelt' AND external_num IS NOT NULL THEN external_num "
                         "ELSE md5_number_upper(event_id) % 1000000000000000 END AS VARCHAR)",
        "SQLDATE": "strftime(date, '%Y%m%d')", "MonthYear": "strftime(date, '%Y%m')",
        "Year": "strftime(date, '%Y')",
        "FractionDate": "printf('%.4f', year(date) + (dayofyear(date) - 1) / 365.0)",
        "Actor1Code": _txt("source_code"), "Actor1Name": _txt("source_name"),
        "Actor1CountryCode": _txt("source_country"), "Actor1Type1Code": _txt("source_sector"),
        "Actor2Code": _txt("target_code"), "Actor2Name": _txt("target_name"),
        "Actor2CountryCode": _txt("target_country"), "Actor2Type1Code": _txt("target_sector"),
        "IsRootEvent": _is_root("lead_sentence"), "EventCode": "cameo", "EventBaseCode": "left(cameo, 3)",
        "EventRootCode": "cameo_root", "QuadClass": "CAST(quad_class AS VARCHAR)",
        "GoldsteinScale": "CAST(goldstein AS VARCHAR)",
        "NumMentions": "CAST(num_mentions AS VARCHAR)", "NumSources": "CAST(num_sources AS VARCHAR)",
        "NumArticles": "CAST(num_articles AS VARCHAR)", "AvgTone": "CAST(avg_tone AS VARCHAR)",
        "Actor1Geo_Type": "'0'", "Actor2Geo_Type": "'0'",
        "ActionGeo_Type": "CASE WHEN geo_name IS NULL AND geo_lat IS NULL THEN '0' ELSE '4' END",
        "ActionGeo_FullName": _txt("geo_name"), "ActionGeo_CountryCode": _fips("geo_country"),
        "ActionGeo_Lat": "CAST(geo_lat AS VARCHAR)",
        "ActionGeo_Long": "CAST(geo_lon AS VARCHAR)",
        "DATEADDED": "strftime(date, '%Y%m%d') || '000000'", "SOURCEURL": _txt("source_url"),
    })
    return cols


def _where(date_from: dt.date | None, date_to: dt.date | None, negated: bool) -> str:
    parts = ["TRUE"]
    if date_from:
        parts.append(f"date >= DATE '{date_from.isoformat()}'")
    if date_to:
        parts.append(f"date <= DATE '{date_to.isoformat()}'")
    if not negated:
        parts.append("NOT negated")  # GDELT has no negation field: a negated event would read as real
    return " AND ".join(parts)


def export_events(store: Store, fmt: str, out: str | Path, date_from: dt.date | None = None,
                  date_to: dt.date | None = None) -> int:
    """Write events to `out` (a directory for parquet); returns the number of events written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    out = Path(out)
    where = _where(date_from, date_to, negated=fmt != "gdelt")
    count = store.con.execute(f"SELECT count(*) FROM events WHERE {where}").fetchall()[0][0]
    target = str(out).replace("'", "''")
    if fmt == "gdelt":
        select = ", ".join(f'{expr} AS "{name}"' for name, expr in _gdelt_columns().items())
        sql = (f"COPY (SELECT {select} FROM events {_LEAD_JOIN} WHERE {where} ORDER BY date, event_id) "
               f"TO '{target}' (FORMAT csv, DELIMITER '\t', HEADER false)")
    elif fmt == "parquet":
        out.mkdir(parents=True, exist_ok=True)
        sql = (f"COPY (SELECT {', '.join(EXPORT_COLUMNS)}, strftime(date, '%Y-%m') AS month FROM events "
               f"WHERE {where} ORDER BY date, event_id) TO '{target}' "
               "(FORMAT parquet, PARTITION_BY (month), OVERWRITE_OR_IGNORE true)")
    else:
        options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT json"
        sql = (f"COPY (SELECT {', '.join(EXPORT_COLUMNS)} FROM events WHERE {where} "
               f"ORDER BY date, event_id) TO '{target}' ({options})")
    store.con.execute(sql).fetchall()
    return count
