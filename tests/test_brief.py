"""Briefs: citations resolve to the reporting sentences, actor sets hold, stories merge, text is safe."""
from __future__ import annotations

import json
import re

import pytest

from realpolitik.brief import write_brief
from realpolitik.brief.model import Brief, Line
from test_brief_store import ARTICLES, EVENTS, RUS, build

ALL = "RUS,USA,UKR,NATO"


@pytest.fixture
def db(store):
    build(store)
    return store


def lines(b: Brief) -> list[Line]:
    out = [b.dek, *b.glance, *b.watch]
    for s in b.sections:
        out += [s.lead, *s.actions, *s.change, *s.quotes]
    return out


def test_every_citation_resolves_to_a_sentence_with_the_trigger_or_quote(db):
    b = write_brief(db, ALL)
    passages = {p.n: p for p in b.passages}
    assert passages and b.glance and b.sections
    mentions = {r["mention_id"]: r for r in db.rows(
        "SELECT m.*, a.text FROM mentions m JOIN articles a USING (article_id)")}
    for line in lines(b):
        assert line.cites, f"uncited line: {line.text}"
        for n in line.cites:
            p = passages[n]
            assert p.mention_ids
            for mid in p.mention_ids:
                m = mentions[mid]
                # The passage is the stored sentence, and it sits where the store says in the article.
                assert (m["article_id"], m["sentence_index"]) == (p.article_id, p.sentence_index)
                assert m["text"][m["char_start"]:m["char_end"]] == p.sentence
                assert m["trigger"] in p.sentence or (m["quote"] and m["quote"] in p.sentence)
            # What the HTML marks is exactly a cited trigger.
            assert p.marks and all(p.sentence[a:b_] in {mentions[x]["trigger"] for x in p.mention_ids}
                                   for a, b_ in p.marks)


def test_quotes_carry_speaker_and_outlet(db):
    b = write_brief(db, ALL)
    quotes = [q for s in b.sections for q in s.quotes]
    texts = " ".join(q.text for q in quotes)
    assert "“We will not accept any deal made behind our backs”" in texts
    zel = next(q for q in quotes if "behind our backs" in q.text)
    assert "Volodymyr Zelensky" in zel.text and "Continental Post" in zel.text
    assert zel.data["direct"] is True


def test_brief_over_an_actor_set_mentions_no_event_outside_it(db):
    b = write_brief(db, "RUS,USA")
    cited = {e for p in b.passages for e in p.event_ids}
    by_id = {e[0]: e for e in EVENTS}
    assert cited
    for eid in cited:
        _, _, src, tgt, *_ = by_id[eid]
        assert src[1] in ("RUS", "USA")
        assert tgt is None or tgt[1] in ("RUS", "USA")
    text = b.to_markdown() + json.dumps(b.to_dict())
    for outside in ("ev-china-meet", "ev-odesa", "ev-pause", "Beijing", "Odesa", "paused"):
        assert outside not in text


def test_negated_events_are_left_out(db):
    b = write_brief(db, ALL)
    assert "ev-not-agree" not in json.dumps(b.to_dict())


def test_merged_story_lists_all_its_sources(db):
    b = write_brief(db, "RUS,USA", glance=6)
    merged = [l for l in lines(b) if "story" in l.data and {"ev-talks-1", "ev-talks-2"} <= set(l.data["event_ids"])]
    assert merged, "the two Riyadh reports should be one story"
    passages = {p.n: p for p in b.passages}
    for line in merged:
        assert sorted(line.data["outlets"]) == ["Baltic Ledger", "Meridian Wire"]
        assert {passages[n].article_id for n in line.cites} >= {"a1", "a2"}
    glance = [l for l in b.glance if l in merged]
    assert glance and "Baltic Ledger" in glance[0].text and "Meridian Wire" in glance[0].text
    # Each article appears once among the sources.
    ids = [s.article_id for s in b.sources]
    assert len(ids) == len(set(ids)) and {"a1", "a2"} <= set(ids)


def test_empty_window_gives_a_no_events_brief(db):
    b = write_brief(db, ALL, start="2024-01-01", end="2024-01-31")
    assert b.empty and not b.passages and not b.glance
    assert "No events" in b.headline or "No coded events" in b.dek.text
    assert "No events" in b.to_markdown()
    assert "No events" in b.to_html()
    assert b.to_dict()["empty"] is True


def test_empty_store_gives_a_no_events_brief(store):
    b = write_brief(store)
    assert b.empty and "No" in b.headline


_CODE = re.compile(r"\b(?:[A-Z]{3}){1,3}\b|\b\d{2,4}\b")


def test_no_raw_codes_in_the_prose(db):
    b = write_brief(db, ALL)
    codes = {e[2][0] for e in EVENTS} | {e[3][0] for e in EVENTS if e[3]} | {e[2][1] for e in EVENTS}
    codes |= {e[4] for e in EVENTS}
    prose = [b.headline, *(l.text for l in lines(b)), *b.tags["actors"], *b.tags["topics"]]
    for s in b.sections:
        prose += [s.title, s.name]
    for text in prose:
        quoted = re.sub(r"“[^”]*”", "", text)  # the speaker's own words are not our prose
        found = {t for t in _CODE.findall(quoted) if t in codes}
        assert not found, f"raw code {found} in: {text}"


def test_agreement_and_names_in_prose(db):
    b = write_brief(db, ALL)
    titles = [s.title for s in b.sections]
    assert "The United States" in titles and "NATO" in titles and "Russia" in titles
    text = " ".join(l.text for l in lines(b))
    assert "the US government" in text or "the United States" in text
    assert "Russian forces" in text
    nato = next(s for s in b.sections if s.title == "NATO")
    assert re.search(r"\b1 development\b", nato.lead.text)


def test_html_escapes_article_text(db):
    b = write_brief(db, ALL)
    html = b.to_html()
    assert "<script>" not in html.lower()
    assert "&lt;script&gt;" in html
    md = b.to_markdown()
    assert "<script>" not in md.lower()
    # Self-contained: no external stylesheets, scripts or fonts.
    assert not re.search(r"<(link|script)\b", html, re.I)
    assert "<mark>" in html and 'href="#p1"' in html and 'id="p1"' in html


def test_topic_filters_sentences(db):
    b = write_brief(db, ALL, topic="Odesa")
    assert b.passages and all("Odesa" in p.sentence or "Odesa" in p.title for p in b.passages)
    none = write_brief(db, ALL, topic="no such topic words here")
    assert none.empty


def test_without_actors_the_most_active_dyads_are_chosen(db):
    b = write_brief(db)
    assert b.method["actors_chosen_by"] == "most active dyads"
    codes = {a["code"] for a in b.actors}
    assert {"RUS", "USA"} <= codes
    assert not b.empty


def test_same_store_same_brief(db):
    assert write_brief(db, ALL).to_markdown() == write_brief(db, ALL).to_markdown()


def test_window_and_json_shape(db):
    b = write_brief(db, ALL, start="2025-03-01", end="2025-03-31")
    d = b.to_dict()
    assert d["window"] == ["2025-03-01", "2025-03-31"]
    dates = [p["date"] for p in d["passages"]]
    assert dates and all("2025-03-01" <= x <= "2025-03-31" for x in dates)
    assert all(p["anchor"] == f"p{p['n']}" for p in d["passages"])
    json.dumps(d)  # plain JSON throughout


def test_analysis_failure_degrades_to_a_note(db, monkeypatch):
    import importlib

    fc = importlib.import_module("realpolitik.analysis.forecast")
    sh = importlib.import_module("realpolitik.analysis.shifts")

    def boom(*a, **k):
        raise RuntimeError("model unavailable")

    monkeypatch.setattr(fc, "forecast", boom)
    monkeypatch.setattr(sh, "shifts", boom)
    b = write_brief(db, ALL)
    assert any("model unavailable" in n for n in b.notes)
    assert all(l.data.get("kind") == "baseline" for l in b.watch)
    assert b.glance and b.sections


def test_sources_cover_every_cited_article_once(db):
    b = write_brief(db, ALL)
    cited = {p.article_id for p in b.passages}
    assert {s.article_id for s in b.sources} == cited
    for s in b.sources:
        assert s.title == ARTICLES[s.article_id][1] and s.outlet == ARTICLES[s.article_id][0]


def test_topic_without_actors_picks_dyads_within_the_topic(db):
    b = write_brief(db, topic="Odesa")
    assert not b.empty
    assert {a["code"] for a in b.actors} == {"RUS", "UKR"}


def test_forecast_lines_show_probability_and_baselines(db, monkeypatch):
    import importlib

    fc = importlib.import_module("realpolitik.analysis.forecast")
    roots = {f"{i:02d}": 0.01 for i in range(1, 21)}
    roots.update({"04": 0.62, "11": 0.35})

    def fake(store, a, b, as_of, horizon="7d", details=False, **kw):
        hist = [0.1] * 24
        hist[3] = 0.4
        return {"as_of": str(as_of), "horizon": horizon, "source": a, "target": b, "cameo_root": roots,
                "quad_class": {"1": 0.7, "2": 0.1, "3": 0.4, "4": 0.05}, "expected_goldstein": 1.0,
                "baselines": {"historical": hist, "persistence": [0.2] * 24}}

    def good_backtest(store, a, b, as_of, horizon="7d", **kw):
        return {"model": "pooled logistic regression", "origins": ["x"] * 4, "scores": [
            {"scope": "9 dyads", "method": "model", "log_loss": 0.30}, {"scope": "9 dyads", "method": "historical", "log_loss": 0.40},
            {"scope": "A->B", "method": "model", "log_loss": 0.31}, {"scope": "A->B", "method": "historical", "log_loss": 0.45}]}

    monkeypatch.setattr(fc, "forecast", fake)
    monkeypatch.setattr(fc, "backtest", good_backtest)
    b = write_brief(db, "RUS,USA")
    fl = [l for l in b.watch if l.data.get("kind") == "forecast"]
    assert fl and fl[0].data["cameo_root"] == "04"
    assert "62%" in fl[0].text and "40%" in fl[0].text and "will hold talks with the United States" in fl[0].text
    assert "pooled logistic-regression model" in fl[0].text and "0.310" in fl[0].text and "0.450" in fl[0].text
    assert "indicative" not in fl[0].text
    assert all(l.cites for l in b.watch)
    assert any(l.data.get("kind") == "forecast_quad" and "verbal cooperation" in l.text for l in b.watch)
    assert "calibrat" not in b.to_markdown().lower()


def test_forecast_quotes_the_baseline_when_the_model_loses_its_backtest(db, monkeypatch):
    """On a small store the fallback model is named and its numbers called indicative; when its backtest
    does not beat the historical baseline, only the baseline is quoted."""
    import importlib

    fc = importlib.import_module("realpolitik.analysis.forecast")
    roots = {f"{i:02d}": 0.01 for i in range(1, 21)}
    roots.update({"04": 0.62, "11": 0.35})

    def fake(store, a, b, as_of, horizon="7d", details=False, **kw):
        hist = [0.1] * 24
        hist[10] = 0.3
        return {"as_of": str(as_of), "horizon": horizon, "source": a, "target": b, "cameo_root": roots,
                "quad_class": {"1": 0.7, "2": 0.1, "3": 0.4, "4": 0.05}, "expected_goldstein": 1.0,
                "model": "smoothed Gamma-Poisson (small store)",
                "baselines": {"historical": hist, "persistence": [0.2] * 24}}

    def backtest(store, a, b, as_of, horizon="7d", **kw):
        return {"model": "smoothed Gamma-Poisson (small store)", "origins": ["x"], "scores": [
            {"scope": "3 dyads", "method": "model", "log_loss": 0.60}, {"scope": "3 dyads", "method": "historical", "log_loss": 0.50},
            {"scope": "A->B", "method": "model", "log_loss": 0.70}, {"scope": "A->B", "method": "historical", "log_loss": 0.55}]}

    monkeypatch.setattr(fc, "forecast", fake)
    monkeypatch.setattr(fc, "backtest", backtest)
    b = write_brief(db, "RUS,USA")
    fl = [l for l in b.watch if l.data.get("kind", "").startswith("forecast")]
    assert fl and all(l.data["kind"] in ("forecast_baseline", "forecast_quad_baseline") for l in fl)
    assert not any("62%" in l.text or "35%" in l.text for l in fl)  # the model's numbers are not quoted
    assert fl[0].data["cameo_root"] == "11" and "historical baseline" in fl[0].text and "30%" in fl[0].text
    assert all("indicative" in l.text for l in fl)
    assert any("smoothed Gamma-Poisson" in n and "0.700" in n and "0.550" in n for n in b.notes)

    # The same small-store model, when it wins its backtest, is quoted by name as indicative.
    monkeypatch.setattr(fc, "backtest", lambda *a, **k: {"model": "x", "origins": ["x"], "scores": [
        {"method": "model", "log_loss": 0.4}, {"method": "historical", "log_loss": 0.5}]})
    b = write_brief(db, "RUS,USA")
    fl = [l for l in b.watch if l.data.get("kind") == "forecast"]
    assert fl and "small-store fallback model (smoothed Gamma-Poisson)" in fl[0].text
    assert "an indicative 62%" in fl[0].text
    assert "calibrat" not in b.to_markdown().lower()


def test_forecast_on_a_real_small_store_names_its_model(db):
    b = write_brief(db, ALL)
    fl = [l for l in b.watch if l.data.get("kind", "").startswith("forecast")]
    for l in fl:
        assert l.data["model"] and "calibrat" not in l.text.lower()
        if l.data["kind"] in ("forecast", "forecast_quad"):
            assert "model" in l.text


def test_non_http_urls_never_become_links(store):
    from realpolitik.brief.render import safe_url

    arts = dict(ARTICLES)
    build(store, arts)
    store.execute("UPDATE articles SET url = 'javascript:alert(3)' WHERE article_id = 'a1'")
    store.execute("UPDATE articles SET url = ' JaVaScRiPt:alert(4)' WHERE article_id = 'a2'")
    store.execute("UPDATE articles SET url = 'data:text/html,<b>x</b>' WHERE article_id = 'a3'")
    b = write_brief(store, ALL)
    assert any(s.url == "javascript:alert(3)" for s in b.sources)
    html, md = b.to_html(), b.to_markdown()
    for out in (html, md):
        assert "javascript:" not in out.lower() and "data:text" not in out
    assert 'href="https://example.org/a4"' in html  # ordinary links stay
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert all(h.startswith(("#p", "https://")) for h in re.findall(r'href="([^"]*)"', html))
    assert safe_url("http://x.org/a") == "http://x.org/a"
    for bad in ("javascript:alert(3)", "vbscript:x", "//evil.org", "http:/x", "https://x.org/\"onclick=", None, ""):
        assert safe_url(bad) is None


def test_quotes_keep_their_own_speakers_within_one_event(store):
    """One rolled-up event can merge statements by different people of one government on one day:
    each quote is attributed from its own mention, never from the event's source."""
    arts = dict(ARTICLES)
    arts["q1"] = ("Meridian Wire", "Washington on the talks", "2025-03-12", [
        "\"We will not give away Ukraine's territory at the table,\" US Secretary of State Marco Rubio said.",
        "\"The meeting with President Putin was very positive for everyone,\" Steve Witkoff told reporters.",
        "\"Nobody in Moscow should doubt how serious this offer is,\" he added.",
    ])
    witkoff = ("USAGOV", "USA", "GOV", "PERSON", "Steve Witkoff")
    build(store, arts, EVENTS + [("ev-us-says", "2025-03-12", witkoff, RUS, "010", [
        ("q1", 0, "said", "We will not give away Ukraine's territory at the table"),
        ("q1", 1, "told", "The meeting with President Putin was very positive for everyone"),
        ("q1", 2, "added", "Nobody in Moscow should doubt how serious this offer is")], False)])
    # As the coder stores them: no speaker object, only each mention's own source words.
    ms = store.execute("SELECT mention_id, sentence_index FROM mentions WHERE event_id = 'ev-us-says' "
                       "ORDER BY sentence_index").fetchall()
    said = {0: "US Secretary of State Marco Rubio", 1: "Steve Witkoff", 2: "he"}
    for mid, si in ms:
        store.execute("UPDATE mentions SET speaker = NULL, source_text = ? WHERE mention_id = ?", [said[si], mid])
    b = write_brief(store, ALL)
    us = next(s for s in b.sections if s.actor == "USA")
    by_quote = {l.text.split("”")[0]: l.data["speaker"] for l in us.quotes if l.data["event_id"] == "ev-us-says"}
    rubio = next(k for k in by_quote if "territory" in k)
    assert "Rubio" in by_quote[rubio] and "Witkoff" not in by_quote[rubio]
    putin = next(k for k in by_quote if "very positive" in k)
    assert by_quote[putin] == "Steve Witkoff"
    # "he" names nobody: that quote is left out rather than given to someone.
    assert not any("Nobody in Moscow" in l.text for s in b.sections for l in s.quotes)
    assert not any("Witkoff said" in l.text and "territory" in l.text for s in b.sections for l in s.quotes)


def test_self_dyad_conflict_stays_out_of_glance_and_actions(store):
    """'Ukrainian forces attacked Ukraine' is mostly a coding error: not a headline or an action line."""
    arts = dict(ARTICLES)
    arts["sd1"] = ("Meridian Wire", "Front report", "2025-03-12", [
        "Ukrainian forces attacked positions near Pokrovsk in Ukraine on Wednesday, officials said."])
    arts["sd2"] = ("Gulf Dispatch", "Front report", "2025-03-12", [
        "Ukrainian forces launched an attack near Pokrovsk in Ukraine, the general staff said."])
    arts["sd3"] = ("Baltic Ledger", "Kyiv meets its governors", "2025-03-12", [
        "Ukrainian officials met regional governors in Kyiv on Wednesday."])
    ukrmil = ("UKRMIL", "UKR", "MIL", "STATE", "Ukraine")
    ukr = ("UKR", "UKR", None, "STATE", "Ukraine")
    build(store, arts, EVENTS + [
        ("ev-self-attack", "2025-03-12", ukrmil, ukr, "190", [("sd1", 0, "attacked", None),
                                                             ("sd2", 0, "launched an attack", None)], False),
        ("ev-self-meet", "2025-03-12", ("UKRGOV", "UKR", "GOV", "STATE", "Ukraine"), ukr, "040",
         [("sd3", 0, "met", None)], False)])
    b = write_brief(store, ALL, glance=20)
    glance_events = {e for l in b.glance for e in l.data["event_ids"]}
    action_events = {e for s in b.sections for l in s.actions for e in l.data["event_ids"]}
    assert "ev-self-attack" not in glance_events | action_events
    assert "ev-self-meet" in glance_events  # cooperation within a country is not filtered
    assert "ev-odesa" in glance_events  # ordinary conflict dyads stay


def test_stored_entities_are_escaped_exactly_once(store):
    arts = dict(ARTICLES)
    arts["a3"] = ("Gulf Dispatch", "Drones hit Odesa port &amp; grain terminal", "2025-02-12", [
        "Russian forces struck the port &amp; grain terminal of Odesa overnight with drones, regional officials said.",
        "Ukraine's air force said it shot down most of the drones.",
    ])
    build(store, arts)
    b = write_brief(store, ALL)
    p = next(p for p in b.passages if p.article_id == "a3")
    assert p.sentence.startswith("Russian forces struck the port & grain terminal")
    assert "".join(t for t, marked in p.pieces() if marked) == "struck"  # trigger offsets follow the unescaping
    html, md = b.to_html(), b.to_markdown()
    assert "port &amp; grain terminal" in html and "&amp;amp;" not in html
    assert "Odesa port &amp; grain terminal" in html
    assert "&amp;amp;" not in md and "port &amp; grain" in md


def test_counts_agree_and_cross_year_halves_show_years(store):
    from realpolitik.brief.phrasing import count
    from realpolitik.brief.sections import _halves

    assert count(1, "outlet") == "1 outlet" and count(3, "outlet") == "3 outlets" and count(1.0, "event") == "1 event"
    import datetime as dt

    _, h1, h2 = _halves(dt.date(2024, 12, 10), dt.date(2025, 1, 20))
    assert "2024" in h1 and "2025" in h2
    _, h1, h2 = _halves(dt.date(2025, 2, 1), dt.date(2025, 3, 1))
    assert "2025" not in h1 + h2
    # A one-outlet brief says so in the singular.
    one = {"a1": ARTICLES["a1"]}
    build(store, one, [e for e in EVENTS if all(m[0] == "a1" for m in e[5])])
    b = write_brief(store, "RUS,USA")
    text = " ".join([b.dek.text, b.to_markdown(), b.to_html()])
    assert not re.search(r"\b1 (outlets|articles|sources|cited passages|events|weeks)\b", text)
    assert re.search(r"\b1 outlet\b", b.dek.text) and re.search(r"\b1 article\b", b.dek.text)
