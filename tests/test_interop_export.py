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
