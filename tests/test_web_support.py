"""Stores for the web and API tests: simulated events plus one hand-made coded article.

The hand-made article has markup in its title and a `javascript:` URL, so the tests can check
that pages show article text as text and never turn such a URL into a link.
"""
from __future__ import annotations

import datetime as dt

from realpolitik.analysis import refresh_dyad_daily
from realpolitik.analysis.simulate import SimConfig, simulate_into
from realpolitik.store import open_store

HOSTILE_TITLE = '<script>alert("x")</script> Kyiv struck & <b>bold</b>'
TEXT = ("Officials met in Geneva on Monday. Russian forces attacked Kyiv overnight, officials said. "
        "Ukraine condemned the strike.")
SENTENCE = "Russian forces attacked Kyiv overnight, officials said."
EVENT_ID = "ev-hostile-1"
LAST_DAY = dt.date(2024, 5, 29)


def build_api_store(path):
    """About 6,000 simulated events over 150 days and 8 countries, plus the hostile article."""
    store = open_store(path)
    simulate_into(store, SimConfig(n_countries=8, days=150, start="2024-01-01", events_per_day=40, seed=3),
                  sentences=True)
    start = TEXT.index(SENTENCE)
    trig = TEXT.index("attacked")
    store.execute(
        "INSERT INTO articles (article_id, content_hash, title, text, date, source, url, synthetic) "
        "VALUES ('a-hostile', 'h-hostile', ?, ?, ?, 'Test Wire', 'javascript:alert(1)', true)",
        [HOSTILE_TITLE, TEXT, LAST_DAY])
    store.execute(
        "INSERT INTO events (event_id, date, source_code, source_country, source_name, target_code, target_country,"
        " target_name, cameo, cameo_root, cameo_label, quad_class, goldstein, plover, origin)"
        " VALUES (?, ?, 'RUSMIL', 'RUS', 'Russia', 'UKR', 'UKR', 'Ukraine', '190', '19',"
        " 'Use conventional military force', 4, -10.0, 'ASSAULT', 'realpolitik')", [EVENT_ID, LAST_DAY])
    store.execute(
        "INSERT INTO mentions (mention_id, event_id, article_id, sentence_index, sentence, char_start, char_end,"
        " trigger, trigger_start, trigger_end, source_text, target_text, quote, confidence)"
        " VALUES ('m-hostile', ?, 'a-hostile', 1, ?, ?, ?, 'attacked', ?, ?, 'Russian forces', 'Kyiv',"
        " 'we will <i>answer</i>', 0.9)",
        [EVENT_ID, SENTENCE, start, start + len(SENTENCE), trig, trig + len("attacked")])
    refresh_dyad_daily(store)
    store.execute("CHECKPOINT")
    return store


def test_builder_makes_a_usable_store(tmp_path):
    store = build_api_store(tmp_path / "s.duckdb")
    try:
        n = store.scalar("SELECT count(*) FROM events")
        assert n > 1000
        row = store.rows("SELECT char_start, char_end, sentence FROM mentions WHERE event_id = ?", [EVENT_ID])[0]
        assert TEXT[row["char_start"]:row["char_end"]] == row["sentence"] == SENTENCE
        assert store.scalar("SELECT max(date) FROM events") == LAST_DAY
    finally:
        store.close()
