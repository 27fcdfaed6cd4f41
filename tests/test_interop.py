"""GDELT 1.0/2.0 imports from lines written in the codebook layouts, malformed lines included."""
import gzip
import zipfile
from pathlib import Path

import pytest

from realpolitik.interop.gdelt import detect_layout, import_gdelt
from realpolitik.interop.tsv import stream_rows

FIX = Path(__file__).parent / "fixtures" / "interop"
GDELT2 = FIX / "gdelt2_sample.export.CSV"
GDELT1 = FIX / "gdelt1_sample.export.CSV"
GDELT1_57 = FIX / "gdelt1_historical.CSV"


def _events(store):
    return {r["external_id"]: r for r in store.rows("SELECT * FROM events")}


def test_layout_is_told_by_column_count(tmp_path):
    assert detect_layout(GDELT2)[0] == "gdelt2" and len(detect_layout(GDELT2)[1]) == 61
    assert detect_layout(GDELT1)[0] == "gdelt1" and len(detect_layout(GDELT1)[1]) == 58
    assert len(detect_layout(GDELT1_57)[1]) == 57
    odd = tmp_path / "odd.tsv"
    odd.write_text("a\tb\tc\n")
    with pytest.raises(ValueError, match="3 tab-separated columns"):
        detect_layout(odd)


def test_gdelt2_fields_are_mapped(store):
    r = import_gdelt(store, GDELT2)
    assert (r.kind, r.rows_ok, r.rows_bad) == ("gdelt2", 4, 3)
    ev = _events(store)
    assert set(ev) == {"1050000001", "1050000002", "1050000003", "1050000007"}
    a = ev["1050000001"]
    assert (a["source_code"], a["source_country"], a["source_sector"], a["source_type"]) == ("RUSGOV", "RUS", "GOV", "STATE")
    assert (a["target_code"], a["target_country"], a["target_sector"]) == ("UKRMIL", "UKR", "MIL")
    assert a["origin"] == "gdelt" and a["event_id"] == "gdelt:1050000001"
    assert str(a["date"]) == "2022-03-01"
    assert (a["cameo"], a["cameo_root"], a["plover"], a["quad_class"], a["goldstein"]) == ("190", "19", "ASSAULT", 4, -10.0)
    assert (a["num_mentions"], a["num_sources"], a["num_articles"], a["avg_tone"]) == (12, 2, 12, -6.5)
    assert (a["geo_country"], a["geo_lat"], a["geo_lon"]) == ("UKR", 50.4333, 30.5167)  # FIPS UP
    assert a["geo_name"].startswith("Kyiv") and a["source_url"] == "https://example.com/a"
    # The leading zero of a CAMEO code survives; label and PLOVER come from the taxonomy.
    b = ev["1050000002"]
    assert b["cameo"] == "042" and b["plover"] == "CONSULT" and b["cameo_label"]
    assert b["source_sector"] is None  # bare country code, no type
    # IGO codes: no country column, the prefix is the pseudo-country.
    c = ev["1050000003"]
    assert (c["source_country"], c["source_type"], c["cameo"]) == ("IGO", "IGO", "0233")


def test_malformed_lines_are_recorded_with_line_numbers(store):
    r = import_gdelt(store, GDELT2)
    errors = store.rows("SELECT line, reason FROM import_errors ORDER BY line")
    assert [e["line"] for e in errors] == [4, 5, 6]
    assert "found 5" in errors[0]["reason"]
    assert "bad date '20221345'" in errors[1]["reason"]
    assert "bad CAMEO code '999'" in errors[2]["reason"]
    assert sorted(r.errors) == [(e["line"], e["reason"]) for e in errors]
    ledger = store.rows("SELECT kind, rows_ok, rows_bad FROM imports")
    assert ledger == [{"kind": "gdelt2", "rows_ok": 4, "rows_bad": 3}]


def test_gdelt1_58_and_57_columns(store):
    assert import_gdelt(store, GDELT1_57).rows_ok == 1
    ev = _events(store)["300000001"]
    assert (ev["source_country"], ev["target_code"], ev["cameo"], ev["source_url"]) == ("IGO", "SRB", "195", None)
    r = import_gdelt(store, GDELT1)
    assert (r.kind, r.rows_ok, r.rows_bad) == ("gdelt1", 4, 3)
    assert _events(store)["1050000001"]["source_url"] == "https://example.com/a"


def test_reimport_changes_nothing_and_ids_never_repeat(store, tmp_path):
    import_gdelt(store, GDELT2)
    before = store.rows("SELECT count(*) AS n FROM events")[0]["n"]
    again = import_gdelt(store, GDELT2)
    assert again.skipped and again.rows_ok == 0
    # The same rows under another file (zipped): new content hash, but every id is stored already.
    zpath = tmp_path / "same.export.CSV.zip"
    with zipfile.ZipFile(zpath, "w") as z:
        z.write(GDELT2, "20220301.export.CSV")
    z = import_gdelt(store, zpath)
    assert (z.skipped, z.rows_ok, z.duplicates, z.rows_bad) == (False, 0, 4, 3)
    assert store.rows("SELECT count(*) AS n FROM events")[0]["n"] == before
    assert store.rows("SELECT count(*) - count(DISTINCT external_id) AS d FROM events")[0]["d"] == 0


@pytest.mark.parametrize("suffix", [".zip", ".gz"])
def test_compressed_input(store, tmp_path, suffix):
    path = tmp_path / f"x.export.CSV{suffix}"
    if suffix == ".zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(GDELT2, "x.export.CSV")
    else:
        path.write_bytes(gzip.compress(GDELT2.read_bytes()))
    r = import_gdelt(store, path)
    assert (r.kind, r.rows_ok, r.rows_bad) == ("gdelt2", 4, 3)


def test_duplicate_ids_within_a_file_keep_the_first(store, tmp_path):
    lines = GDELT2.read_text().splitlines()
    dup = lines[1].replace("https://example.com/b", "https://example.com/b-again")
    path = tmp_path / "dup.CSV"
    path.write_text("\n".join([lines[0], lines[1], dup]) + "\n")
    r = import_gdelt(store, path)
    assert (r.rows_ok, r.duplicates) == (2, 1)
    assert _events(store)["1050000002"]["source_url"] == "https://example.com/b"


def test_line_numbers_survive_batch_boundaries(tmp_path):
    # 3 columns; bad rows and blank lines scattered across many small parse blocks.
    bad_at = {7, 250, 251, 999, 1777, 2999}
    lines = []
    for n in range(1, 3001):
        lines.append("x\ty" if n in bad_at else ("" if n == 500 else f"{n}\ta\tb"))
    path = tmp_path / "t.tsv"
    path.write_text("\n".join(lines) + "\n")
    seen_bad, good = [], []
    for table, bad in stream_rows(path, ["n", "a", "b"], block_size=4096, batch_rows=300):
        seen_bad += [line for line, _ in bad]
        good += list(zip(table["_line"].to_pylist(), table["n"].to_pylist()))
    assert sorted(seen_bad) == sorted(bad_at)
    # Every good row's reported line is its physical line (line 500 is blank: an empty row).
    assert all(str(line) == n for line, n in good if line != 500)
    assert [line for line, _ in good] == [n for n in range(1, 3001) if n not in bad_at]


def test_bad_goldstein_and_missing_id(store, tmp_path):
    cols = GDELT2.read_text().splitlines()[0].split("\t")
    no_id = ["" if i == 0 else v for i, v in enumerate(cols)]
    bad_gold = ["1050000099" if i == 0 else ("strong" if i == 30 else v) for i, v in enumerate(cols)]
    path = tmp_path / "g.CSV"
    path.write_text("\t".join(no_id) + "\n" + "\t".join(bad_gold) + "\n")
    r = import_gdelt(store, path)
    assert r.rows_ok == 0
    reasons = [why for _, why in sorted(r.errors)]
    assert reasons[0].startswith("bad GlobalEventID") and reasons[1] == "bad GoldsteinScale"


def test_interrupted_import_leaves_nothing_and_runs_again(store, monkeypatch):
    import realpolitik.interop.gdelt as gdelt

    real = gdelt._drop_duplicates

    def interrupted(*args):
        raise KeyboardInterrupt  # the user pressed Ctrl-C after the rows were written

    monkeypatch.setattr(gdelt, "_drop_duplicates", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_gdelt(store, GDELT2)
    # One transaction per file: no rows, no errors, no ledger entry, no leftover temp tables.
    for table in ("events", "import_errors", "imports"):
        assert store.rows(f"SELECT count(*) AS n FROM {table}")[0]["n"] == 0
    assert not store.rows("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'rp_gdelt%'")
    monkeypatch.setattr(gdelt, "_drop_duplicates", real)
    r = import_gdelt(store, GDELT2)
    assert (r.rows_ok, r.duplicates, r.rows_bad) == (4, 0, 3)
    assert store.rows("SELECT count(*) AS n FROM import_errors")[0]["n"] == 3


def test_rows_already_stored_by_another_file_are_skipped(store, tmp_path):
    lines = GDELT2.read_text().splitlines()
    first = tmp_path / "first.CSV"
    first.write_text("\n".join(lines[:2]) + "\n")  # ids ...01 and ...02
    assert import_gdelt(store, first).rows_ok == 2
    r = import_gdelt(store, GDELT2)  # all 7 lines: 2 stored, 2 new, 3 bad
    assert (r.rows_ok, r.duplicates, r.rows_bad) == (2, 2, 3)
    kept = store.rows("SELECT import_file FROM events WHERE external_id = '1050000001'")
    assert len(kept) == 1 and kept[0]["import_file"] != r.file_hash


def _big_file(path, n, bad_at, blank_at):
    """n lines of the first fixture row with ids 2000000001.., bad in three ways at `bad_at`."""
    cols = GDELT2.read_text().splitlines()[0].split("\t")
    out = []
    for i in range(1, n + 1):
        row = list(cols)
        row[0] = str(2_000_000_000 + i)
        if i in bad_at:
            if i % 3 == 0:
                row = row[:7]
            elif i % 3 == 1:
                row[1] = "2022133"
            else:
                row[26] = "999"
        out.append("" if i in blank_at else "\t".join(row))
    path.write_text("\n".join(out) + "\n")


def test_line_numbers_are_exact_when_threads_split_the_file(store, tmp_path, monkeypatch):
    import realpolitik.interop.gdelt as gdelt

    # 64 KB buffers: a 2 MB file is read in many pieces, by every thread, as big files are.
    monkeypatch.setitem(gdelt.CSV_OPTIONS, "buffer_size", "65536")
    bad_at, blank_at = {3, 777, 2500, 2501, 5999, 8000}, {4000}
    path = tmp_path / "big.CSV"
    _big_file(path, 8000, bad_at, blank_at)
    progress = []
    r = import_gdelt(store, path, on_rows=progress.append)
    assert sum(progress) == 8000 - len(blank_at)  # every line with content, good or bad, once
    assert (r.rows_ok, r.rows_bad, r.duplicates) == (8000 - len(bad_at) - len(blank_at), len(bad_at), 0)
    errors = store.rows("SELECT line, reason FROM import_errors ORDER BY line")
    assert [e["line"] for e in errors] == sorted(bad_at)  # a blank line is no error, but counts
    why = {e["line"]: e["reason"] for e in errors}
    assert why[3] == why[777] == "expected 61 tab-separated columns, found 7"
    assert why[2500] == "bad date '2022133' (SQLDATE must be YYYYMMDD)"
    assert why[2501] == why[5999] == why[8000] == "bad CAMEO code '999'"


def test_repeated_ids_keep_their_first_line_when_threads_split_the_file(store, tmp_path, monkeypatch):
    import realpolitik.interop.gdelt as gdelt

    monkeypatch.setitem(gdelt.CSV_OPTIONS, "buffer_size", "65536")
    path = tmp_path / "big.CSV"
    _big_file(path, 6000, set(), set())
    lines = path.read_text().splitlines()
    # Line 5001 repeats the id of line 10, line 5002 the id of line 5999 (a later line).
    lines[5000] = lines[9].replace("https://example.com/a", "https://example.com/again")
    lines[5001] = lines[5998].replace("https://example.com/a", "https://example.com/early")
    path.write_text("\n".join(lines) + "\n")
    r = import_gdelt(store, path)
    assert (r.rows_ok, r.duplicates, r.rows_bad) == (5998, 2, 0)
    urls = {e["n"]: e["source_url"] for e in store.rows("SELECT external_num AS n, source_url FROM events")}
    assert urls[2_000_000_010] == "https://example.com/a"
    assert urls[2_000_005_999] == "https://example.com/early"
    assert store.rows("SELECT count(*) - count(DISTINCT external_num) AS d FROM events")[0]["d"] == 0


def test_fips_table_covers_gdelt_countries():
    import pycountry

    from realpolitik.interop.common import fips_iso3, iso3_fips

    table = fips_iso3()
    assert len(table) > 250
    iso = {c.alpha_3 for c in pycountry.countries} | {"XKX"}  # Kosovo: the code in common use
    assert set(table.values()) <= iso
    assert all(len(f) == 2 and f.isupper() for f in table)
    # FIPS differs from ISO alpha-2 exactly where mistakes happen.
    expected = {"UP": "UKR", "UK": "GBR", "GM": "DEU", "RS": "RUS", "US": "USA", "SZ": "CHE",
                "SW": "SWE", "IS": "ISR", "AS": "AUS", "AU": "AUT", "CH": "CHN", "CI": "CHL",
                "EI": "IRL", "IZ": "IRQ", "JA": "JPN", "KS": "KOR", "KN": "PRK", "BM": "MMR",
                "SF": "ZAF", "SP": "ESP", "TU": "TUR", "WE": "PSE", "GZ": "PSE", "VM": "VNM",
                "CG": "COD", "CF": "COG", "OD": "SSD", "RI": "SRB", "MJ": "MNE", "KV": "XKX"}
    assert {f: table[f] for f in expected} == expected
    back = iso3_fips()
    assert back["PSE"] == "WE" and back["AUS"] == "AS" and back["UKR"] == "UP"


def test_action_geo_country_is_iso3_and_exports_as_fips(store, tmp_path):
    from realpolitik.interop.export import export_events

    lines = GDELT2.read_text().splitlines()
    cols = lines[0].split("\t")
    cols[0], cols[53] = "1050000099", "XX"  # no such FIPS code: no country, the row still goes in
    path = tmp_path / "g.CSV"
    path.write_text("\n".join([lines[0], lines[1], "\t".join(cols)]) + "\n")
    assert import_gdelt(store, path).rows_ok == 3
    geo = {e["external_id"]: e["geo_country"] for e in store.rows("SELECT external_id, geo_country FROM events")}
    assert geo == {"1050000001": "UKR", "1050000002": "CHE", "1050000099": None}
    out = tmp_path / "out.export.CSV"
    export_events(store, "gdelt", out)
    fips = sorted(line.split("\t")[53] for line in out.read_text().splitlines())
    assert fips == ["", "SZ", "UP"]


def test_windows_line_ends_and_invalid_utf8(store, tmp_path):
    crlf = tmp_path / "crlf.CSV"
    crlf.write_bytes(GDELT2.read_bytes().replace(b"\n", b"\r\n"))
    r = import_gdelt(store, crlf)
    assert (r.rows_ok, r.rows_bad) == (4, 3) and [line for line, _ in r.errors] == [4, 5, 6]
    assert {e["source_url"] for e in store.rows("SELECT source_url FROM events")} == {
        f"https://example.com/{c}" for c in "abcf"}  # no stray carriage returns
    lines = GDELT2.read_bytes().split(b"\n")
    bad = tmp_path / "utf.CSV"
    bad.write_bytes(b"\n".join([lines[0].replace(b"1050000001", b"1050000101"),
                                lines[1].replace(b"UNITED STATES", b"UNITED \xff\xfeSTATES")]) + b"\n")
    r = import_gdelt(store, bad)
    assert (r.rows_ok, r.rows_bad, r.errors) == (1, 1, [(2, "not valid UTF-8")])
