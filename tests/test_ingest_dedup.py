"""Exact and near duplicates, within a run and across runs; idempotent re-ingest."""
from __future__ import annotations

import shutil
from pathlib import Path

from realpolitik.ingest import ingest
from realpolitik.ingest.text import article_id

FIX = Path(__file__).parent / "fixtures" / "ingest"


def _log(store):
    return {Path(r["item_key"]).name: r for r in store.rows("SELECT * FROM ingest_log")}


def test_exact_duplicate_ignores_case_and_whitespace(store, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Chile and Peru signed a fisheries accord on Tuesday in Lima.\n")
    b.write_text("CHILE and   Peru signed a fisheries accord\non Tuesday in LIMA.\n")
    report = ingest([str(a), str(b)], store)
    assert [r.status for r in report.results] == ["stored", "duplicate"]
    log = _log(store)
    assert log["b.txt"]["duplicate_of"] == log["a.txt"]["article_id"]
    assert log["a.txt"]["article_id"] == article_id("chile and peru signed a fisheries accord on tuesday in lima.")
    assert store.scalar("SELECT count(*) FROM articles") == 1


def test_near_duplicate_lightly_edited_story(store):
    report = ingest([str(FIX / "story.txt"), str(FIX / "story_edited.txt")], store)
    assert [r.status for r in report.results] == ["stored", "duplicate"]
    dup = report.results[1]
    assert dup.duplicate_of == report.results[0].article_id
    assert dup.reason.startswith("near copy (similarity 0.")
    assert store.scalar("SELECT count(*) FROM articles") == 1
    assert store.scalar("SELECT minhash FROM articles") is not None


def test_different_stories_on_one_topic_are_not_duplicates(store):
    report = ingest([str(FIX / "story.txt"), str(FIX / "frontmatter.txt"), str(FIX / "page.html")], store)
    assert [r.status for r in report.results] == ["stored"] * 3


def test_near_duplicate_caught_across_runs(store):
    ingest([str(FIX / "story.txt")], store)
    # a fresh run rebuilds its index from articles.minhash
    report = ingest([str(FIX / "story_edited.txt")], store)
    assert report.results[0].status == "duplicate"
    assert report.results[0].duplicate_of == store.scalar("SELECT article_id FROM articles")


def test_reingest_changes_nothing(store, tmp_path):
    inputs = [str(FIX)]
    first = ingest(inputs, store)
    snapshot = (
        store.rows("SELECT article_id, content_hash, text, origin FROM articles ORDER BY article_id"),
        store.rows("SELECT item_key, status, article_id, duplicate_of, reason FROM ingest_log ORDER BY item_key"),
    )
    second = ingest(inputs, store)
    counts = second.counts()
    assert counts["unchanged"] == len(first.results) and counts["stored"] == counts["duplicate"] == 0
    assert snapshot == (
        store.rows("SELECT article_id, content_hash, text, origin FROM articles ORDER BY article_id"),
        store.rows("SELECT item_key, status, article_id, duplicate_of, reason FROM ingest_log ORDER BY item_key"),
    )


def test_same_file_twice_in_one_run_is_one_item(store):
    f = str(FIX / "titled.txt")
    report = ingest([f, f], store)
    assert [r.status for r in report.results] == ["stored", "unchanged"]
    assert store.scalar("SELECT count(*) FROM ingest_log") == 1


def test_copy_under_new_path_is_logged_as_duplicate(store, tmp_path):
    shutil.copy(FIX / "titled.txt", tmp_path / "copy.txt")
    ingest([str(FIX / "titled.txt")], store)
    report = ingest([str(tmp_path / "copy.txt")], store)
    assert (report.results[0].status, report.results[0].reason) == ("duplicate", "exact copy")


def test_every_article_has_exactly_one_stored_log_row(store):
    ingest([str(FIX)], store)
    orphans = store.scalar(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM ingest_log l WHERE l.article_id = a.article_id AND l.status = 'stored')"
    )
    dangling = store.scalar(
        "SELECT count(*) FROM ingest_log l WHERE status = 'stored' AND NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.article_id = l.article_id)"
    )
    bad_dups = store.scalar(
        "SELECT count(*) FROM ingest_log l WHERE status = 'duplicate' AND NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.article_id = l.duplicate_of)"
    )
    assert (orphans, dangling, bad_dups) == (0, 0, 0)


def test_stored_file_that_went_missing_keeps_its_log_row(store, tmp_path):
    f = tmp_path / "gone.txt"
    shutil.copy(FIX / "titled.txt", f)
    ingest([str(f)], store)
    f.unlink()
    report = ingest([str(f)], store)
    assert report.results[0].status == "unchanged"
    assert store.rows("SELECT status FROM ingest_log") == [{"status": "stored"}]


def test_writer_turns_a_concurrent_copy_into_a_duplicate(store):
    from realpolitik.records import Article
    from realpolitik.store.articles import IngestWriter, article_row
    from realpolitik.ingest.text import content_hash

    text = "Qatar said on Sunday it would host new talks between the two sides."
    chash = content_hash(text)
    first = IngestWriter(store)
    first.add_article(article_row(Article(text=text), "a" + chash[:16], chash, None), "k1", "in")
    first.add_log("k0", "in", "skipped", reason="empty text")
    first.flush()
    # a second writer that did not see the first one's article
    second = IngestWriter(store)
    second.add_article(article_row(Article(text=text.upper()), "a" + chash[:16], chash, None), "k2", "in")
    second.add_log("k3", "in", "failed", reason="no such file")
    second.flush()
    assert second.clashes == {"k2": "a" + chash[:16]}
    log = {r["item_key"]: (r["status"], r["duplicate_of"]) for r in store.rows("SELECT * FROM ingest_log")}
    assert log == {"k0": ("skipped", None), "k1": ("stored", None), "k2": ("duplicate", "a" + chash[:16]),
                   "k3": ("failed", None)}
    assert store.scalar("SELECT count(*) FROM articles") == 1


def test_reader_crash_fails_one_input_only(store, monkeypatch, tmp_path):
    from realpolitik.ingest import sources

    def boom(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(sources, "page_article", boom)
    report = ingest([str(FIX / "page.html"), str(FIX / "titled.txt")], store)
    assert [(r.status, r.reason) for r in report.results] == [
        ("failed", "unexpected error: RuntimeError: parser exploded"), ("stored", None)]
