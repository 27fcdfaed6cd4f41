"""Roll-up: reports of one event on one day by several articles are one events row."""
import datetime as dt

from realpolitik.records import Actor, Event
from realpolitik.store.events import code_store, reset_coding, rollup_id, store_summary, write_coded
from realpolitik.events.parallel import CoderSpec

RUS = Actor(text="Moscow", code="RUSGOV", country="RUS", sector="GOV", name="Russia")
UKR = Actor(text="Kyiv", code="UKRGOV", country="UKR", sector="GOV", name="Ukraine")


def _article(store, aid, source, date="2025-02-03", text="Russia attacked Ukraine."):
    store.execute(
        "INSERT INTO articles (article_id, content_hash, text, date, source, url) VALUES (?, ?, ?, ?, ?, ?)",
        [aid, "h" + aid, text, date, source, f"https://{(source or 'x').lower()}.example/{aid}"],
    )
    return store.rows("SELECT article_id, date, ingested_at, source, url FROM articles WHERE article_id = ?", [aid])[0]


def _event(cameo="190", date="2025-02-03", negated=False, si=0, source=RUS, target=UKR):
    return Event(doc_id="d", event_id="d:0:0", date=date, source=source, target=target, cameo=cameo,
                 cameo_label="x", plover="ASSAULT", plover_mode=None, quad_class=4, goldstein=-10.0,
                 negated=negated, trigger="attacked", sentence="Russia attacked Ukraine.",
                 sentence_index=si, trigger_start=7, trigger_end=15)


def _events(store):
    return store.rows("SELECT * FROM events ORDER BY cameo, negated")


def test_same_event_from_three_articles_two_outlets_is_one_row(store):
    a = _article(store, "a1", "Meridian Wire")
    b = _article(store, "a2", "Meridian Wire")
    c = _article(store, "a3", "Danube Courier")
    write_coded(store, [(a, [_event()]), (b, [_event()])], "v1")
    write_coded(store, [(c, [_event(), _event(si=1)])], "v1")  # a later batch, two mentions
    ev = _events(store)
    assert len(ev) == 1
    assert (ev[0]["num_mentions"], ev[0]["num_articles"], ev[0]["num_sources"]) == (4, 3, 2)
    assert ev[0]["event_id"] == rollup_id("2025-02-03", "RUSGOV", "UKRGOV", "190", False, "action")
    assert store.rows("SELECT count(*) AS n FROM mentions")[0]["n"] == 4
    coded = store.rows("SELECT coded_at IS NOT NULL AS c, coder_version FROM articles")
    assert all(r["c"] and r["coder_version"] == "v1" for r in coded)


def test_different_day_code_or_negation_are_different_events(store):
    a = _article(store, "a1", "Meridian Wire")
    write_coded(store, [(a, [_event(), _event(date="2025-02-04"), _event(cameo="193"), _event(negated=True)])])
    assert len(_events(store)) == 4


def test_missing_dates_fall_back_to_article_then_ingest_date(store):
    a = _article(store, "a1", "Meridian Wire", date="2025-03-01")
    b = _article(store, "a2", "Meridian Wire", date=None)
    write_coded(store, [(a, [_event(date=None)]), (b, [_event(date=None)])])
    dates = sorted(str(e["date"]) for e in _events(store))
    assert dates == sorted(["2025-03-01", dt.date.today().isoformat()])


def test_recoding_an_article_replaces_its_mentions(store):
    a = _article(store, "a1", "Meridian Wire")
    b = _article(store, "a2", "Danube Courier")
    write_coded(store, [(a, [_event()]), (b, [_event()])])
    # a1 is coded again and now reports something else: the shared event loses a mention.
    write_coded(store, [(a, [_event(cameo="111")])])
    ev = {e["cameo"]: e for e in _events(store)}
    assert (ev["190"]["num_mentions"], ev["190"]["num_sources"]) == (1, 1)
    assert ev["111"]["num_mentions"] == 1
    write_coded(store, [(b, [])])  # b no longer reports it: the event goes
    assert set(e["cameo"] for e in _events(store)) == {"111"}
    reset_coding(store)
    assert _events(store) == [] and store.rows("SELECT count(*) AS n FROM articles WHERE coded_at IS NULL")[0]["n"] == 2


class KeywordCoder:
    """A stand-in Coder: 'attack' in a text is RUS->UKR 190 on the document's date."""

    version = "fake/1"

    def code_docs(self, docs):
        for d in docs:
            if "boom" in d["text"]:
                raise RuntimeError("cannot code this one")
            n = d["text"].count("attack")
            yield d, [_event(date=d.get("date"), si=i) for i in range(n)]


def test_code_store_is_resumable_and_skips_coded(store):
    for i in range(5):
        _article(store, f"a{i}", "Meridian Wire" if i % 2 else "Danube Courier",
                 text="attack " * (i + 1) + ("boom" if i == 3 else ""))
    spec = CoderSpec(factory=KeywordCoder)
    r = code_store(store, workers=1, spec=spec, batch_docs=2)
    assert r.articles == 4 and [aid for aid, _ in r.failed] == ["a3"] and r.coder_version == "fake/1"
    assert r.events == 1 + 2 + 3 + 5
    ev = _events(store)[0]
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (11, 4, 2)
    # A second run codes only what is left: the article that failed.
    again = code_store(store, workers=1, spec=spec)
    assert again.articles == 0 and len(again.failed) == 1
    recoded = code_store(store, workers=1, spec=spec, recode=True)
    assert recoded.articles == 4 and _events(store)[0]["num_mentions"] == 11


def test_summary_counts(store):
    a = _article(store, "a1", "Meridian Wire")
    write_coded(store, [(a, [_event(), _event(cameo="111", target=None), _event(negated=True, cameo="193")])])
    s = store_summary(store)
    overview = {r["item"]: r["value"] for r in s["store"]}
    assert overview["articles"] == 1 and overview["events coded from news"] == 3
    assert overview["negated events (not counted below)"] == 1
    assert sum(r["value"] for r in s["events by quad class"]) == 2
    assert s["top dyads"] == [{"item": "RUS -> UKR", "value": 1, "share": 0.5}]
    assert s["top actors"][0] == {"item": "RUS", "value": 2, "share": 1.0}


def test_code_store_counts_articles_dated_by_ingest_time(store):
    _article(store, "a1", "Meridian Wire", text="attack")
    _article(store, "a2", "Meridian Wire", date=None, text="attack attack")
    _article(store, "a3", "Danube Courier", date=None, text="nothing happened")
    r = code_store(store, workers=1, spec=CoderSpec(factory=KeywordCoder))
    # both undated articles count, whether or not they yielded events; their events carry the ingest day
    assert r.articles == 3 and r.undated == 2
    ingested = str(store.scalar("SELECT CAST(ingested_at AS DATE) FROM articles WHERE article_id = 'a2'"))
    assert sorted(str(e["date"]) for e in _events(store)) == sorted(["2025-02-03", ingested])
    assert code_store(store, workers=1, spec=CoderSpec(factory=KeywordCoder)).undated == 0  # nothing left
