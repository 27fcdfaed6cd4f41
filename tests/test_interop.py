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
    assert (a["geo_country"], a["geo_lat"], a["geo_lon"]) == ("UP", 50.4333, 30.5167)
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


def test_interrupted_import_resumes_without_duplicates(store, monkeypatch):
    import realpolitik.interop.common as common
    import realpolitik.interop.gdelt as gdelt
    import realpolitik.interop.tsv as tsv

    monkeypatch.setattr(tsv, "BATCH_ROWS", 2)  # batches of 2 rows, a commit after each
    monkeypatch.setattr(common, "COMMIT_ROWS", 2)
    real = gdelt._import_batch
    calls = []

    def failing(*args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the user pressed Ctrl-C during the second batch
        return real(*args)

    monkeypatch.setattr(gdelt, "_import_batch", failing)
    with pytest.raises(KeyboardInterrupt):
        import_gdelt(store, GDELT2, block_size=700)  # small parse blocks: a batch every 2 rows
    first = store.rows("SELECT count(*) AS n FROM events")[0]["n"]
    assert first == 2  # the first batch was committed, the second rolled back
    assert store.rows("SELECT count(*) AS n FROM imports")[0]["n"] == 0  # not marked imported
    monkeypatch.setattr(gdelt, "_import_batch", real)
    r = import_gdelt(store, GDELT2)
    assert (r.rows_ok, r.duplicates, r.rows_bad) == (2, 2, 3)
    assert store.rows("SELECT count(*) AS n FROM events")[0]["n"] == 4
    assert store.rows("SELECT count(*) AS n FROM import_errors")[0]["n"] == 3  # not doubled
