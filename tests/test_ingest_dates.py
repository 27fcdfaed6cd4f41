"""Undated and badly dated articles: reported at ingest, counted in `status`, and visible when
coding dates their events by ingest time (never silently "today")."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from realpolitik.cli.main import app
from realpolitik.events.parallel import CoderSpec
from realpolitik.ingest import ingest
from realpolitik.records import Actor, Event
from realpolitik.store import open_store

RECORDS = [
    {"id": "dated", "date": "2025-02-03", "text": "Peru and Bolivia agreed to build a new rail link to the coast."},
    {"id": "n1", "text": "Russia attacked Ukraine."},
    {"id": "bad", "date": "2025-13-45", "text": "Oman hosted talks between Iran and the United States on Saturday."},
]


@pytest.fixture
def jsonl(tmp_path):
    f = tmp_path / "news.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    return f


def _meta(store, doc_id):
    raw = store.scalar("SELECT meta FROM articles WHERE doc_id = ?", [doc_id])
    return json.loads(raw) if raw else {}


def test_bad_date_is_reported_and_kept_and_the_article_stored(store, jsonl):
    report = ingest([str(jsonl)], store)
    assert report.counts()["stored"] == 3 and report.ok
    assert report.undated == 2  # n1 (no date) and bad (unreadable date)
    [warned] = report.warnings
    assert warned.item_key.endswith("news.jsonl#L3") and "2025-13-45" in warned.warning
    assert "stored without a date" in warned.warning
    assert store.scalar("SELECT date FROM articles WHERE doc_id = 'bad'") is None
    assert "2025-13-45" in _meta(store, "bad")["date_error"]
    assert "date_error" not in _meta(store, "n1") and "date_error" not in _meta(store, "dated")
    assert str(store.scalar("SELECT date FROM articles WHERE doc_id = 'dated'")) == "2025-02-03"


def test_bad_date_in_front_matter_keeps_nothing_silently(store, tmp_path):
    f = tmp_path / "story.md"
    f.write_text("---\ntitle: Talks\ndate: someday soonish\n---\n\nOman hosted talks between Iran and the US.\n")
    report = ingest([str(f)], store)
    assert report.undated == 1 and len(report.warnings) == 1
    assert "someday soonish" in report.warnings[0].warning
    assert "someday soonish" in json.loads(store.scalar("SELECT meta FROM articles"))["date_error"]


def test_cli_ingest_warns_counts_and_status_lists_undated(tmp_path, jsonl):
    db = tmp_path / "c.duckdb"
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(jsonl), "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert re.search(r"warning: \S*news\.jsonl#L3: unreadable date '2025-13-45'; stored without a date", res.stderr)
    assert "2 of the 3 articles stored have no date" in res.stderr
    assert "ingest time" in res.stderr
    counts = {r["status"]: r["items"] for r in map(json.loads, res.stdout.splitlines())}
    assert counts["stored"] == 3  # stdout stays machine-readable

    status = runner.invoke(app, ["status", "--db", str(db), "--format", "jsonl"])
    rows = {r["what"]: r["count"] for r in map(json.loads, status.stdout.splitlines())}
    assert rows["stored without a date"] == 2 and rows["articles"] == 3
    table = runner.invoke(app, ["status", "--db", str(db)])
    assert "stored without a date" in table.stdout

    listing = runner.invoke(app, ["status", "--db", str(db), "--undated", "--format", "jsonl"])
    assert listing.exit_code == 0, listing.output
    undated = [json.loads(line) for line in listing.stdout.splitlines()]
    assert [u["item"].rsplit("#", 1)[1] for u in undated] == ["L2", "L3"]
    assert undated[0]["date_error"] is None and "2025-13-45" in undated[1]["date_error"]

    both = runner.invoke(app, ["status", "--db", str(db), "--undated", "--failures"])
    assert both.exit_code != 0 and "not both" in str(both.exception)

    again = runner.invoke(app, ["ingest", str(jsonl), "--db", str(db)])  # nothing new: nothing to say
    assert again.exit_code == 0 and "warning" not in again.stderr and "no date" not in again.stderr


def test_cli_items_listing_shows_the_date_warning(tmp_path, jsonl):
    res = CliRunner().invoke(app, ["ingest", str(jsonl), "--db", str(tmp_path / "c.duckdb"), "--items",
                                   "--format", "jsonl"])
    rows = {r["item"].rsplit("#", 1)[1]: r for r in map(json.loads, res.stdout.splitlines())}
    assert rows["L3"]["status"] == "stored" and "2025-13-45" in rows["L3"]["reason"]
    assert rows["L1"]["reason"] is None and rows["L2"]["reason"] is None


def test_all_dated_input_prints_no_undated_note(tmp_path):
    f = tmp_path / "dated.jsonl"
    f.write_text(json.dumps(RECORDS[0]) + "\n")
    res = CliRunner().invoke(app, ["ingest", str(f), "--db", str(tmp_path / "c.duckdb")])
    assert res.exit_code == 0 and "no date" not in res.stderr and "warning" not in res.stderr


RUS = Actor(text="Russia", code="RUS", country="RUS", name="Russia")
UKR = Actor(text="Ukraine", code="UKR", country="UKR", name="Ukraine")


class AttackCoder:
    """A stand-in Coder: each 'attack' in a text is RUS->UKR 190 on the document's date."""

    version = "fake/dates"

    def code_docs(self, docs):
        for d in docs:
            yield d, [Event(doc_id=d["id"], event_id=f"{d['id']}:{i}", date=d.get("date"), source=RUS, target=UKR,
                            cameo="190", cameo_label="x", plover="ASSAULT", plover_mode=None, quad_class=4,
                            goldstein=-10.0, trigger="attacked", sentence=d["text"], sentence_index=i)
                      for i in range(d["text"].count("attack"))]


def test_cli_code_db_says_how_many_articles_were_dated_by_ingest_time(tmp_path, jsonl, monkeypatch):
    import realpolitik.cli.code as code_cli

    db = tmp_path / "c.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(jsonl), "--db", str(db)]).exit_code == 0
    monkeypatch.setattr(code_cli, "_spec", lambda *a: CoderSpec(factory=AttackCoder))
    res = runner.invoke(app, ["code", "--db", str(db), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "2 articles had no date; their events are dated by ingest time" in res.stderr
    with open_store(db) as s:
        # the event is still placed (on the ingest day), so analyses can use it
        dates = [str(r["date"]) for r in s.rows("SELECT date FROM events")]
        ingested = str(s.scalar("SELECT CAST(ingested_at AS DATE) FROM articles WHERE doc_id = 'n1'"))
    assert dates == [ingested]
    again = runner.invoke(app, ["code", "--db", str(db), "--workers", "1"])  # nothing left to code
    assert again.exit_code == 0 and "had no date" not in again.stderr


@pytest.mark.slow
def test_qa_case_undated_article_coded_by_the_real_coder_is_flagged(tmp_path):
    f = tmp_path / "n1.jsonl"
    f.write_text('{"id":"n1","text":"Russia attacked Ukraine."}\n')
    db = tmp_path / "c.duckdb"
    runner = CliRunner()
    ing = runner.invoke(app, ["ingest", str(f), "--db", str(db)])
    assert ing.exit_code == 0 and "1 of the 1 articles stored has no date" in ing.stderr
    res = runner.invoke(app, ["code", "--db", str(db), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "1 article had no date; their events are dated by ingest time" in res.stderr
    with open_store(db) as s:
        assert s.scalar("SELECT count(*) FROM events") >= 1
        assert s.scalar("SELECT count(*) FROM events WHERE date <> (SELECT CAST(ingested_at AS DATE) "
                        "FROM articles)") == 0


def test_feed_entry_with_an_unreadable_date_is_reported(store, tmp_path):
    f = tmp_path / "wire.rss"
    f.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
        "<item><title>Talks</title><link>https://wire.example/1</link><pubDate>the thirteenth moon</pubDate>"
        "<description>Oman hosted talks between Iran and the United States on Saturday.</description></item>"
        "<item><title>Rail</title><link>https://wire.example/2</link>"
        "<description>Peru and Bolivia agreed to build a new rail link to the Pacific coast.</description></item>"
        "</channel></rss>")
    report = ingest([str(f)], store)
    assert report.counts()["stored"] == 2 and report.undated == 2
    [warned] = report.warnings
    assert "the thirteenth moon" in warned.warning
