"""Every input format goes in with its text and metadata; language filtering; the sample corpus."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from realpolitik.ingest import ingest

FIX = Path(__file__).parent / "fixtures" / "ingest"


def _articles(store):
    return {r["origin"]: r for r in store.rows("SELECT * FROM articles")}


def _by_suffix(rows, suffix):
    hits = [r for origin, r in rows.items() if origin.endswith(suffix)]
    assert len(hits) == 1, f"expected one article from *{suffix}, got {len(hits)}"
    return hits[0]


def test_text_with_key_value_front_matter(store):
    report = ingest([str(FIX / "frontmatter.txt")], store)
    assert report.counts()["stored"] == 1
    a = _by_suffix(_articles(store), "frontmatter.txt")
    assert a["title"] == "Ministers from Chile and Peru sign fisheries accord"
    assert str(a["date"]) == "2024-05-14"
    assert a["source"] == "Harbour Times"
    assert a["url"].endswith("/fisheries-accord")
    assert a["synthetic"] is True
    assert json.loads(a["meta"]) == {"desk": "americas"}
    assert a["text"].startswith("LIMA, May 14")
    assert "title:" not in a["text"] and "synthetic:" not in a["text"]
    assert a["article_id"].startswith("a") and len(a["article_id"]) == 17


def test_markdown_with_yaml_front_matter_is_rendered_to_plain_text(store):
    ingest([str(FIX / "yaml_front.md")], store)
    a = _by_suffix(_articles(store), "yaml_front.md")
    assert a["title"] == "Kenya and Tanzania agree to reopen border crossing"
    assert str(a["date"]) == "2024-06-02" and a["synthetic"] is True
    text = a["text"]
    assert text.startswith("NAIROBI, June 2")  # the repeated heading is dropped
    assert "**" not in text and "](" not in text and "# " not in text
    assert "to reopen the Namanga" in text and "See the statement for details." in text
    assert "Lorries will be inspected on both sides." in text
    assert json.loads(a["meta"])["tags"] == ["trade", "border"]


def test_first_line_of_plain_text_is_the_title(store):
    ingest([str(FIX / "titled.txt")], store)
    a = _by_suffix(_articles(store), "titled.txt")
    assert a["title"] == "Norway pledges reconstruction aid to Mozambique"
    assert a["text"].startswith("OSLO - Norway said")
    assert a["date"] is None and a["synthetic"] is False


def test_dateline_is_not_mistaken_for_front_matter(store, tmp_path):
    f = tmp_path / "dateline.txt"
    f.write_text("WASHINGTON: The president met the Mexican foreign minister on Monday.\n\nThey discussed trade.\n")
    ingest([str(f)], store)
    a = _by_suffix(_articles(store), "dateline.txt")
    assert a["text"].startswith("WASHINGTON: The president met")


def test_html_page_keeps_the_story_and_drops_boilerplate(store):
    ingest([str(FIX / "page.html")], store)
    a = _by_suffix(_articles(store), "page.html")
    assert a["title"] == "Morocco and Spain agree to expand ferry links"
    assert str(a["date"]) == "2024-04-18"
    assert a["source"] == "Strait Gazette"
    assert a["url"] == "https://strait-gazette.example.org/2024/04/18/ferry-links"
    assert a["language"] == "en" and a["synthetic"] is True
    text = a["text"]
    assert text.startswith("RABAT, April 18")
    assert "Both ministers said they would meet again in Madrid" in text
    for junk in ("cookie", "Related stories", "Algeria recalls", "Copyright", "Privacy policy",
                 "newsletter", "Weather", "Diplomacy\n", "dataLayer"):
        assert junk not in text, junk


def test_rss_and_atom_entries_are_items(store):
    report = ingest([str(FIX / "feed.rss"), str(FIX / "feed.atom")], store)
    assert report.counts()["stored"] == 3
    rows = _articles(store)
    pact = _by_suffix(rows, "feed.rss#ht-2024-08-29-defence-pact")
    # content:encoded wins over the teaser; markup and scripts are gone
    assert pact["text"].startswith("JAKARTA - Indonesia and Australia signed")
    assert "was not an alliance" in pact["text"] and "track()" not in pact["text"] and "<" not in pact["text"]
    assert str(pact["date"]) == "2024-08-29" and pact["source"] == "Harbour Times"
    assert pact["synthetic"] is True
    # an item without a guid is keyed by its link
    market = _by_suffix(rows, "feed.rss#https://harbour-times.example.net/2024/08/30/border-market")
    assert market["text"].startswith("BANGKOK") and market["synthetic"] is False
    summit = _by_suffix(rows, "feed.atom#tag:steppe-observer.example.org,2024:summit")
    assert summit["source"] == "Steppe Observer" and str(summit["date"]) == "2024-09-03"
    assert summit["url"] == "https://steppe-observer.example.org/2024/09/03/summit"


def test_feed_is_detected_by_content(store):
    ingest([str(FIX / "feed_by_content.txt")], store)
    a = _by_suffix(_articles(store), "feed_by_content.txt#pd-1")
    assert a["title"] == "Ghana and Togo agree to joint border patrols"
    assert "<rss" not in a["text"]


def test_jsonl_lines_with_extra_keys(store):
    report = ingest([str(FIX / "records.jsonl")], store)
    keys = {r.item_key.rsplit("#", 1)[1] for r in report.results}
    assert keys == {"L1", "L2", "L4"}  # the blank line 3 is not an item
    rows = _articles(store)
    one = _by_suffix(rows, "records.jsonl#L1")
    assert one["doc_id"] == "jl-1" and one["synthetic"] is True
    assert json.loads(one["meta"]) == {"section": "africa"}
    assert str(_by_suffix(rows, "records.jsonl#L2")["date"]) == "2024-07-02"  # prose date parsed
    assert _by_suffix(rows, "records.jsonl#L4")["title"] == "Ethiopia and Somalia resume dialogue"


def test_json_list_and_single_object(store):
    ingest([str(FIX / "records.json"), str(FIX / "single.json")], store)
    rows = _articles(store)
    assert _by_suffix(rows, "records.json#item1")["doc_id"] == "js-1"
    assert _by_suffix(rows, "records.json#item2")["language"] == "en"
    single = _by_suffix(rows, "single.json")
    assert str(single["date"]) == "2024-09-10" and json.loads(single["meta"]) == {"desk": "asia"}


def test_csv_rows_with_quoted_multiline_text(store):
    report = ingest([str(FIX / "records.csv")], store)
    assert [r.item_key.rsplit("#", 1)[1] for r in report.results] == ["L2", "L3"]
    rows = _articles(store)
    first = _by_suffix(rows, "records.csv#L2")
    assert '"unacceptable"' in first["text"] and first["title"] == "Canada expels two diplomats"
    second = _by_suffix(rows, "records.csv#L3")
    assert "migration\nand border security" in second["text"] and second["url"] is None


def test_directory_is_walked_recursively(store, tmp_path):
    tmp_path = tmp_path / "in"
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(FIX / "titled.txt", tmp_path / "a" / "b" / "deep.txt")
    shutil.copy(FIX / "page.html", tmp_path / "a" / "page.htm")
    (tmp_path / "notes.toml").write_text("x = 1\n")
    (tmp_path / ".hidden.txt").write_text("A hidden file that must not be read at all by ingest.\n")
    report = ingest([str(tmp_path)], store)
    assert report.counts()["stored"] == 2
    assert [Path(p).name for p in report.ignored] == ["notes.toml"]


def test_other_languages_are_skipped_but_short_english_is_kept(store):
    report = ingest([str(FIX / "german.txt"), str(FIX / "short.txt")], store)
    status = {Path(r.item_key).name: (r.status, r.reason) for r in report.results}
    assert status["german.txt"] == ("skipped", "language: de")
    assert status["short.txt"][0] == "stored"
    log = store.rows("SELECT status, reason FROM ingest_log WHERE item_key LIKE '%german.txt'")
    assert log == [{"status": "skipped", "reason": "language: de"}]


def test_declared_language_is_trusted(store, tmp_path):
    f = tmp_path / "fr.jsonl"
    f.write_text(json.dumps({"id": "1", "language": "fr", "text": "Paris and Rome sign a deal."}) + "\n")
    report = ingest([str(f)], store)
    assert (report.results[0].status, report.results[0].reason) == ("skipped", "language: fr")


def test_empty_text_is_skipped(store, tmp_path):
    f = tmp_path / "empty.jsonl"
    f.write_text('{"id": "e", "text": "   "}\n')
    report = ingest([str(f)], store)
    assert (report.results[0].status, report.results[0].reason) == ("skipped", "empty text")


def test_sample_corpus_all_formats(store):
    from realpolitik.config import SAMPLE_DIR

    if not any(SAMPLE_DIR.rglob("*.jsonl")):
        pytest.skip("sample corpus not present")
    report = ingest([str(SAMPLE_DIR)], store)
    assert report.ok, report.failures
    suffixes = {Path(r["origin"].split("#")[0]).suffix for r in store.rows("SELECT origin FROM articles")}
    assert {".txt", ".md", ".html", ".rss", ".atom", ".jsonl"} <= suffixes
    assert store.scalar("SELECT count(*) FROM articles WHERE NOT synthetic") == 0
    # pages and feed entries carry their dates in markup; every one must be read
    undated = store.scalar(
        "SELECT count(*) FROM articles WHERE date IS NULL AND regexp_matches(origin, '\\.(html|rss|atom)')"
    )
    assert undated == 0


@pytest.mark.shared
def test_guardian_articles(store, shared_data):
    report = ingest([str(shared_data / "news" / "guardian_dev.jsonl")], store)
    counts = report.counts()
    assert counts["failed"] == 0 and counts["skipped"] == 0
    assert counts["stored"] + counts["duplicate"] == 189
    assert counts["stored"] >= 180
    assert store.scalar("SELECT count(DISTINCT source) FROM articles") == 1


def test_xhtml_page_saved_as_xml_and_html_without_extension(store, tmp_path):
    page = (FIX / "page.html").read_text()
    (tmp_path / "page.xml").write_text('<?xml version="1.0" encoding="utf-8"?>\n' + page.split("\n", 1)[1])
    (tmp_path / "page-noext").write_text(page.replace("Morocco and Spain agree", "Morocco and Spain agreed"))
    report = ingest([str(tmp_path / "page.xml"), str(tmp_path / "page-noext")], store)
    assert [r.status for r in report.results] == ["stored", "duplicate"]
    assert store.scalar("SELECT title FROM articles") == "Morocco and Spain agree to expand ferry links"
