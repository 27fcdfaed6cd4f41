"""ICEWS and realpolitik-event imports, exports and their round trips, and the CLI around them."""
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from realpolitik.cli.main import app
from realpolitik.cli.output import CliError
from realpolitik.interop.events_file import import_events
from realpolitik.interop.export import export_events
from realpolitik.interop.gdelt import GDELT2, import_gdelt
from realpolitik.interop.icews import country_iso3, import_icews, sector_code
from realpolitik.store import open_store

FIX = Path(__file__).parent / "fixtures" / "interop"
ICEWS = FIX / "icews_sample.tab"


def test_icews_names_and_sectors():
    assert country_iso3("Russian Federation") == "RUS"
    assert country_iso3("Iran") == "IRN"
    assert country_iso3("Occupied Palestinian Territory") == "PSE"
    assert country_iso3("Atlantis") is None and country_iso3("") is None
    assert sector_code("Elite,Executive,Government") == "GOV"
    assert sector_code("Police") == "COP"
    assert sector_code("Protestors / Popular Opposition / Mobs") == "OPP"
    assert sector_code("") is None


def test_icews_import(store):
    r = import_icews(store, ICEWS)
    assert (r.kind, r.rows_ok, r.rows_bad) == ("icews", 4, 3)
    ev = {e["external_id"]: e for e in store.rows("SELECT * FROM events")}
    a = ev["926686"]  # Obama (Executive, Government) criticises Putin
    assert (a["source_code"], a["source_country"], a["target_code"]) == ("USAGOV", "USA", "RUSGOV")
    assert (a["cameo"], a["plover"], a["goldstein"], a["origin"]) == ("111", "ACCUSE", -2.0, "icews")
    assert a["geo_country"] == "USA" and a["geo_name"].startswith("Washington")
    assert ev["926691"]["cameo"] == "036"  # '36' lost its leading zero
    lines = store.rows("SELECT line, reason FROM import_errors ORDER BY line")
    assert [(e["line"], e["reason"].split()[0]) for e in lines] == [(5, "bad"), (6, "bad"), (7, "expected")]
    assert "Event Date" in lines[0]["reason"] and "'9999'" in lines[1]["reason"]
    assert import_icews(store, ICEWS).skipped


def _write_jsonl(path, recs):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in recs))


def test_own_events_import_fills_from_taxonomy(store, tmp_path):
    path = tmp_path / "ev.jsonl"
    _write_jsonl(path, [
        {"date": "2024-05-01", "source": "RUSMIL", "target": "UKR", "cameo": "190"},
        {"date": "2024-05-02", "source": {"code": "IGONATO", "name": "NATO"},
         "target": {"code": "RUSGOV", "country": "RUS", "sector": "GOV"}, "cameo": "111", "goldstein": -3.5},
        {"date": "2024-05-03", "source": "USA", "target": None, "cameo": "010"},
        {"date": "2024-13-01", "source": "USA", "target": "RUS", "cameo": "010"},
        {"date": "2024-05-04", "source": "USA", "target": "RUS", "cameo": "0999"},
        {"date": "2024-05-04", "source": "USA", "cameo": "010"},
        "{not json",
    ])
    r = import_events(store, path)
    assert (r.rows_ok, r.rows_bad) == (3, 4)
    assert [line for line, _ in sorted(r.errors)] == [4, 5, 6, 7]
    rows = {e["cameo"]: e for e in store.rows("SELECT * FROM events")}
    a = rows["190"]
    assert (a["source_country"], a["source_sector"], a["target_country"], a["plover"], a["quad_class"]) == ("RUS", "MIL", "UKR", "ASSAULT", 4)
    assert rows["111"]["goldstein"] == -3.5 and rows["111"]["source_type"] == "IGO"
    assert rows["010"]["target_code"] is None and rows["010"]["plover"] == "STATEMENT"
    assert import_events(store, path).skipped


def test_gdelt_export_round_trip(store, tmp_path):
    import_gdelt(store, FIX / "gdelt2_sample.export.CSV")
    import_icews(store, ICEWS)
    out = tmp_path / "out.export.CSV"
    n = export_events(store, "gdelt", out)
    assert n == 8
    lines = out.read_text().splitlines()
    assert len(lines) == 8 and all(len(line.split("\t")) == 61 for line in lines)
    assert '"' not in out.read_text()
    with open_store(tmp_path / "again.duckdb") as again:
        r = import_gdelt(again, out)
        assert (r.kind, r.rows_ok, r.rows_bad) == ("gdelt2", 8, 0)
        key = "SELECT date, source_code, target_code, cameo, goldstein, num_mentions FROM events ORDER BY ALL"
        assert again.rows(key) == store.rows(key)
        # GDELT events keep their GlobalEventID through the round trip.
        assert {"1050000001", "1050000007"} <= {e["external_id"] for e in again.rows("SELECT external_id FROM events")}


def test_parquet_export_is_partitioned_by_month_and_reimports(store, tmp_path):
    import_gdelt(store, FIX / "gdelt2_sample.export.CSV")
    import_icews(store, ICEWS)
    out = tmp_path / "pq"
    assert export_events(store, "parquet", out) == 8
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2014-03", "month=2022-03"]
    table = pq.read_table(out)  # hive partitioning read back as a column
    assert table.num_rows == 8
    assert export_events(store, "parquet", tmp_path / "pq2", date_to=__import__("datetime").date(2015, 1, 1)) == 4
    part = next((out / "month=2022-03").glob("*.parquet"))
    with open_store(tmp_path / "again.duckdb") as again:
        assert import_events(again, part).rows_ok == 4


def test_jsonl_and_csv_exports_reimport(store, tmp_path):
    import_icews(store, ICEWS)
    for fmt in ("jsonl", "csv"):
        out = tmp_path / f"ev.{fmt}"
        assert export_events(store, fmt, out) == 4
        with open_store(tmp_path / f"{fmt}.duckdb") as again:
            r = import_events(again, out)
            assert (r.rows_ok, r.rows_bad) == (4, 0)
            key = "SELECT date, source_code, target_code, cameo, goldstein FROM events ORDER BY ALL"
            assert again.rows(key) == store.rows(key)


def test_cli_import_reports_errors_and_exit_code(tmp_path):
    runner = CliRunner()
    db = tmp_path / "cli.duckdb"
    res = runner.invoke(app, ["import", "gdelt", str(FIX / "gdelt2_sample.export.CSV"), "--db", str(db)])
    assert res.exit_code == 1
    assert "gdelt2_sample.export.CSV:5: bad date" in res.output
    res = runner.invoke(app, ["import", "gdelt", str(FIX / "gdelt1_historical.CSV"), "--db", str(db)])
    assert res.exit_code == 0
    res = runner.invoke(app, ["import", "gdelt", str(ICEWS), "--db", str(db)])
    assert isinstance(res.exception, CliError) and "20 tab-separated columns" in str(res.exception)
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "gdelt", "-o", str(tmp_path / "x"),
                              "--from", "2022-03-02", "--to", "2022-03-01"])
    assert res.exit_code != 0
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "-o", str(tmp_path / "x.csv"),
                              "--from", "2022-03-02"])
    assert res.exit_code == 0
    assert len((tmp_path / "x.csv").read_text().splitlines()) == 1 + 2  # header + 2 events from 2022-03-02


def test_gdelt_columns_match_the_codebook_order():
    # Spot checks against the GDELT 2.0 codebook's column positions (0-based).
    assert GDELT2[0] == "GlobalEventID" and GDELT2[1] == "SQLDATE"
    assert GDELT2[26] == "EventCode" and GDELT2[29] == "QuadClass" and GDELT2[30] == "GoldsteinScale"
    assert GDELT2[39] == "Actor1Geo_ADM2Code" and GDELT2[53] == "ActionGeo_CountryCode"
    assert GDELT2[55] == "ActionGeo_ADM2Code" and GDELT2[57] == "ActionGeo_Long"
    assert GDELT2[59] == "DATEADDED" and GDELT2[60] == "SOURCEURL"


def test_cli_imports_a_partitioned_parquet_export(store, tmp_path):
    import_icews(store, ICEWS)
    export_events(store, "parquet", tmp_path / "pq")
    db = tmp_path / "again.duckdb"
    res = CliRunner().invoke(app, ["import", "events", str(tmp_path / "pq"), "--db", str(db)])
    assert res.exit_code == 0, res.output
    with open_store(db) as again:
        assert again.rows("SELECT count(*) AS n FROM events")[0]["n"] == 4


def test_cli_export_into_missing_or_impossible_folders(tmp_path):
    runner = CliRunner()
    db = tmp_path / "e.duckdb"
    assert runner.invoke(app, ["import", "icews", str(ICEWS), "--db", str(db)]).exit_code == 1  # 3 bad rows
    out = tmp_path / "new" / "dir" / "x.export.CSV"
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "gdelt", "-o", str(out)])
    assert res.exit_code == 0 and len(out.read_text().splitlines()) == 4
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "gdelt", "-o", str(blocker / "sub" / "x.tsv")])
    assert isinstance(res.exception, CliError) and "a-file" in str(res.exception)


def test_own_events_repeated_id_keeps_the_first_line(store, tmp_path):
    path = tmp_path / "dup.jsonl"
    recs = [{"event_id": f"e{i}", "date": "2024-05-01", "source": "USA", "target": "RUS", "cameo": "010"}
            for i in range(40)]
    recs += [{"event_id": "e7", "date": "2024-05-09", "source": "CHN", "target": "RUS", "cameo": "190"}]
    _write_jsonl(path, recs)
    r = import_events(store, path)
    assert (r.rows_ok, r.duplicates) == (40, 1)
    kept = store.rows("SELECT cameo, source_code FROM events WHERE external_id = 'e7'")
    assert kept == [{"cameo": "010", "source_code": "USA"}]
