"""GDELT export fields derived from what the store knows about coded events (IsRootEvent)."""
from pathlib import Path

from realpolitik.interop.export import LEAD_SENTENCES, export_events
from realpolitik.interop.gdelt import GDELT2, import_gdelt
from realpolitik.records import Actor, Event
from realpolitik.store import open_store
from realpolitik.store.events import write_coded

FIX = Path(__file__).parent / "fixtures" / "interop"
RUS = Actor(text="Moscow", code="RUSGOV", country="RUS", sector="GOV", name="Russia")
UKR = Actor(text="Kyiv", code="UKRGOV", country="UKR", sector="GOV", name="Ukraine")


def _article(store, aid):
    store.execute(
        "INSERT INTO articles (article_id, content_hash, text, date, source, url) VALUES (?, ?, ?, ?, ?, ?)",
        [aid, "h" + aid, "Russia attacked Ukraine.", "2025-02-03", "Wire", f"https://wire.example/{aid}"],
    )
    return store.rows("SELECT article_id, date, ingested_at, source, url FROM articles WHERE article_id = ?", [aid])[0]


def _event(cameo, si):
    # Each cameo code is its own event (the roll-up key includes it), so rows are told apart by it.
    return Event(doc_id="d", event_id="", date="2025-02-03", source=RUS, target=UKR, cameo=cameo,
                 cameo_label="x", plover="ASSAULT", plover_mode=None, quad_class=4, goldstein=-10.0,
                 trigger="attacked", sentence="Russia attacked Ukraine.", sentence_index=si,
                 trigger_start=7, trigger_end=15)


def _root_by_code(path):
    root, code = GDELT2.index("IsRootEvent"), GDELT2.index("EventCode")
    fields = [line.split("\t") for line in path.read_text().splitlines()]
    return {f[code]: f[root] for f in fields}


def test_is_root_event_comes_from_the_sentence_index(store, tmp_path):
    assert LEAD_SENTENCES == 3
    a, b = _article(store, "a1"), _article(store, "a2")
    write_coded(store, [
        (a, [_event("190", 0), _event("193", 2), _event("111", 3), _event("112", 9),
             _event("120", 5)]),
        # 120 is also reported in b's lead: one report in a lead makes the event a root event.
        (b, [_event("120", 1)]),
    ])
    out = tmp_path / "out.export.CSV"
    assert export_events(store, "gdelt", out) == 5
    assert _root_by_code(out) == {"190": "1", "193": "1", "111": "0", "112": "0", "120": "1"}

    # Re-coding b without that report leaves 120 only in a's sixth sentence: no longer a root.
    write_coded(store, [(b, [])])
    export_events(store, "gdelt", out)
    assert _root_by_code(out)["120"] == "0"


def test_imported_events_have_no_is_root_event(store, tmp_path):
    # GDELT's own flag is not stored on import and imports have no mentions: the field is empty,
    # and the export still reads back as GDELT 2.0.
    import_gdelt(store, FIX / "gdelt2_sample.export.CSV")
    a = _article(store, "a1")
    write_coded(store, [(a, [_event("190", 0)])])
    out = tmp_path / "out.export.CSV"
    assert export_events(store, "gdelt", out) == 5
    root, url = GDELT2.index("IsRootEvent"), GDELT2.index("SOURCEURL")
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    coded = {r[url].startswith("https://wire.example/"): [] for r in rows}
    for r in rows:
        coded[r[url].startswith("https://wire.example/")].append(r[root])
    assert coded == {False: ["", "", "", ""], True: ["1"]}
    with open_store(tmp_path / "again.duckdb") as again:
        assert import_gdelt(again, out).rows_ok == 5


def test_csv_export_reimports_every_user_column(store, tmp_path):
    # The csv export and the events-file import share one column list (EVENT_COLUMNS): every
    # value an export writes comes back, bar the fields that say where the row came from.
    from realpolitik.interop.common import EVENT_COLUMNS
    from realpolitik.interop.events_file import import_events
    from realpolitik.interop.icews import import_icews

    import_icews(store, FIX / "icews_sample.tab")
    out = tmp_path / "ev.csv"
    assert export_events(store, "csv", out) == 4
    assert out.read_text().splitlines()[0].split(",") == EVENT_COLUMNS
    with open_store(tmp_path / "again.duckdb") as again:
        r = import_events(again, out)
        assert (r.kind, r.rows_ok, r.rows_bad) == ("events", 4, 0)
        kept = [c for c in EVENT_COLUMNS if c not in ("event_id", "origin")]
        key = f"SELECT {', '.join(kept)} FROM events ORDER BY external_id"
        assert again.rows(key) == store.rows(key)
        assert {e["origin"] for e in again.rows("SELECT origin FROM events")} == {"import"}


def test_every_format_skips_content_it_imported_under_another_name(store, tmp_path):
    from realpolitik.interop.events_file import import_events
    from realpolitik.interop.icews import import_icews

    for fn, name in ((import_gdelt, "gdelt2_sample.export.CSV"), (import_icews, "icews_sample.tab")):
        copy = tmp_path / ("copy-" + name)
        copy.write_bytes((FIX / name).read_bytes())
        assert not fn(store, FIX / name).skipped
        again = fn(store, copy)
        assert again.skipped and (again.rows_ok, again.rows_bad, again.errors) == (0, 0, [])
    jsonl = tmp_path / "ev.jsonl"
    jsonl.write_text('{"date": "2022-03-01", "source": "RUSGOV", "target": "UKRGOV", "cameo": "190"}\n'
                     '{"date": "soon", "source": "RUSGOV", "target": "UKRGOV", "cameo": "190"}\n')
    first = import_events(store, jsonl)
    assert (first.rows_ok, first.rows_bad) == (1, 1)
    # Bad rows found in Python land both on the result and in import_errors.
    assert first.errors == [(2, "bad date 'soon' (must be YYYY-MM-DD)")]
    stored = store.rows("SELECT line, reason FROM import_errors WHERE file_hash = ?", [first.file_hash])
    assert stored == [{"line": 2, "reason": "bad date 'soon' (must be YYYY-MM-DD)"}]
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(jsonl.read_bytes())
    assert import_events(store, copy).skipped
    ledger = store.rows("SELECT kind, count(*) AS n FROM imports GROUP BY kind ORDER BY kind")
    assert ledger == [{"kind": "events", "n": 1}, {"kind": "gdelt2", "n": 1}, {"kind": "icews", "n": 1}]
