"""A small hand-made store for brief tests, built row by row with real sentence offsets.

The articles are invented for these tests. Each event names the article and sentence it was coded
from and its trigger words; offsets are computed from the article text, as the coder stores them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json

from realpolitik.events.taxonomy import cameo

ARTICLES = {
    "a1": ("Meridian Wire", "Russia and US hold talks in Riyadh", "2025-02-10", [
        "RIYADH, Feb 10 (Meridian Wire) - Russian and American diplomats held talks in Riyadh on Monday.",
        "The meeting lasted four hours, officials said.",
        "\"We are ready to restore our embassies,\" Sergei Lavrov told reporters after the talks.",
    ]),
    "a2": ("Baltic Ledger", "Riyadh meeting opens a channel between Moscow and Washington", "2025-02-11", [
        "Diplomats from Russia and the United States held talks in the Saudi capital on Monday.",
        "Markets were calm.",
    ]),
    "a3": ("Gulf Dispatch", "Drones hit Odesa port", "2025-02-12", [
        "Russian forces struck the port of Odesa overnight with drones, regional officials said.",
        "Ukraine's air force said it shot down most of the drones.",
    ]),
    "a4": ("Continental Post", "Kyiv rejects deals made without it", "2025-02-19", [
        "\"We will not accept any deal made behind our backs,\" Volodymyr Zelensky said on Wednesday.",
        "Zelensky criticised the United States for excluding Kyiv from the talks.",
    ]),
    "a5": ("Atlas News Service", "Beijing offers help", "2025-02-20", [
        "Chinese officials met Russian diplomats in Beijing to discuss the war.",
        "China offered to mediate between the parties.",
    ]),
    "a6": ("Danube Courier", "NATO <script>alert('x')</script> warning", "2025-03-03", [
        "NATO warned Russia of consequences <script>alert('x')</script> if the strikes continued.",
    ]),
    "a7": ("Meridian Wire", "Washington pauses aid", "2025-03-04", [
        "The United States paused military aid to Ukraine on Tuesday.",
        "Ukraine did not agree to new terms, officials said.",
    ]),
    "a8": ("Gulf Dispatch", "Ukraine accepts ceasefire proposal in Jeddah", "2025-03-11", [
        "Ukraine accepted a US proposal for a 30-day ceasefire in Jeddah on Tuesday.",
        "The United States resumed military aid to Ukraine the same day.",
    ]),
}

RUS = ("RUS", "RUS", None, "STATE", "Russia")
RUSGOV = ("RUSGOV", "RUS", "GOV", "STATE", "Russia")
LAVROV = ("RUSGOV", "RUS", "GOV", "PERSON", "Sergei Lavrov")
RUSMIL = ("RUSMIL", "RUS", "MIL", "STATE", "Russia")
USA = ("USA", "USA", None, "STATE", "United States")
USAGOV = ("USAGOV", "USA", "GOV", "STATE", "United States")
UKR = ("UKR", "UKR", None, "STATE", "Ukraine")
UKRGOV = ("UKRGOV", "UKR", "GOV", "PERSON", "Volodymyr Zelensky")
CHN = ("CHNGOV", "CHN", "GOV", "STATE", "China")
NATO = ("IGONATO", "IGO", None, "IGO", "NATO")

# event_id, date, source, target, cameo, [(article, sentence index, trigger, quote)], negated
EVENTS = [
    ("ev-talks-1", "2025-02-10", RUSGOV, USAGOV, "040", [("a1", 0, "held talks", None)], False),
    ("ev-talks-2", "2025-02-10", RUS, USA, "042", [("a2", 0, "held talks", None)], False),
    ("ev-lavrov", "2025-02-10", LAVROV, USA, "036",
     [("a1", 2, "ready to restore", "We are ready to restore our embassies")], False),
    ("ev-odesa", "2025-02-12", RUSMIL, UKR, "190", [("a3", 0, "struck", None)], False),
    ("ev-reject", "2025-02-19", UKRGOV, USA, "120",
     [("a4", 0, "will not accept", "We will not accept any deal made behind our backs")], False),
    ("ev-criticise", "2025-02-19", UKRGOV, USA, "111", [("a4", 1, "criticised", None)], False),
    ("ev-china-meet", "2025-02-20", CHN, RUSGOV, "040", [("a5", 0, "met", None)], False),
    ("ev-china-offer", "2025-02-20", CHN, None, "030", [("a5", 1, "offered to mediate", None)], False),
    ("ev-nato-threat", "2025-03-03", NATO, RUS, "130", [("a6", 0, "warned", None)], False),
    ("ev-pause", "2025-03-04", USAGOV, UKR, "166", [("a7", 0, "paused", None)], False),
    ("ev-not-agree", "2025-03-04", UKR, USA, "030", [("a7", 1, "agree", None)], True),
    ("ev-accept", "2025-03-11", UKR, USA, "081", [("a8", 0, "accepted", None)], False),
    ("ev-resume", "2025-03-11", USAGOV, UKR, "070", [("a8", 1, "resumed", None)], False),
]


def article_text(sentences: list[str]) -> str:
    return " ".join(sentences)


def sentence_span(sentences: list[str], i: int) -> tuple[int, int]:
    start = sum(len(s) + 1 for s in sentences[:i])
    return start, start + len(sentences[i])


def build(store, articles=ARTICLES, events=EVENTS) -> None:
    """Insert the articles, events and mentions above into an empty store."""
    for aid, (outlet, title, date, sentences) in articles.items():
        text = article_text(sentences)
        store.execute(
            "INSERT INTO articles (article_id, content_hash, title, text, date, source, url) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [aid, hashlib.sha256(text.encode()).hexdigest(), title, text, date, outlet, f"https://example.org/{aid}"])
    k = 0
    for eid, date, src, tgt, code, mentions, negated in events:
        c = cameo(code)
        outlets = {articles[m[0]][0] for m in mentions}
        store.execute(
            """INSERT INTO events (event_id, date, source_code, source_country, source_sector, source_type, source_name,
                   target_code, target_country, target_sector, target_type, target_name, cameo, cameo_root, cameo_label,
                   quad_class, goldstein, plover, negated, modality, num_mentions, num_sources, num_articles)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'action', ?, ?, ?)""",
            [eid, date, *src, *(tgt or (None,) * 5), c.code, c.root, c.label, c.quad_class, c.goldstein, c.plover,
             negated, len(mentions), len(outlets), len({m[0] for m in mentions})])
        for aid, si, trigger, quote in mentions:
            sentences = articles[aid][3]
            a, b = sentence_span(sentences, si)
            t = sentences[si].index(trigger)
            speaker = {"code": src[0], "country": src[1], "sector": src[2], "type": src[3], "name": src[4],
                       "text": src[4]} if quote else None
            k += 1
            store.execute(
                """INSERT INTO mentions (mention_id, event_id, article_id, sentence_index, sentence, char_start, char_end,
                       trigger, trigger_start, trigger_end, speaker, quote, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.9)""",
                [f"m{k}", eid, aid, si, sentences[si], a, b, trigger, a + t, a + t + len(trigger),
                 json.dumps(speaker) if speaker else None, quote])


# -- sanity checks of the builder itself: the offsets it stores are the ones briefs rely on ----------

def test_stored_spans_match_the_article_text(store):
    build(store)
    rows = store.rows("""SELECT m.sentence, m.char_start, m.char_end, m.trigger, m.trigger_start, m.trigger_end, a.text
                         FROM mentions m JOIN articles a USING (article_id)""")
    assert len(rows) == sum(len(e[5]) for e in EVENTS)
    for r in rows:
        assert r["text"][r["char_start"]:r["char_end"]] == r["sentence"]
        assert r["text"][r["trigger_start"]:r["trigger_end"]] == r["trigger"]


def test_dates_are_dates(store):
    build(store)
    assert store.scalar("SELECT min(date) FROM events") == dt.date(2025, 2, 10)
