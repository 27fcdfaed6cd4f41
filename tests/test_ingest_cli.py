"""`realpolitik ingest` and `status` from the command line, and a run killed half-way."""
from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli.main import app
from realpolitik.store import open_store

FIX = Path(__file__).parent / "fixtures" / "ingest"
CLI = [sys.executable, "-m", "realpolitik"]


def test_ingest_then_status(tmp_path):
    db = tmp_path / "c.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(FIX), "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    counts = {r["status"]: r["items"] for r in map(json.loads, result.stdout.splitlines())}
    assert counts["stored"] >= 15 and counts["duplicate"] == 1 and counts["skipped"] == 1 and counts["failed"] == 0

    result = runner.invoke(app, ["status", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0
    status = {r["what"]: r["count"] for r in map(json.loads, result.stdout.splitlines())}
    assert status["items stored"] == counts["stored"] == status["articles"]
    assert status["items duplicate"] == 1 and status["events"] == 0 and status["mentions"] == 0

    again = runner.invoke(app, ["ingest", str(FIX), "--db", str(db), "--format", "csv"])
    assert again.exit_code == 0
    assert "unchanged," + str(sum(counts.values())) in again.stdout.replace("\r", "")


def test_failures_exit_non_zero_after_summary(tmp_path):
    db = tmp_path / "c.duckdb"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Oman hosted talks between Iran and the US on Saturday."}\n{nope\n')
    result = CliRunner().invoke(
        app, ["ingest", str(FIX / "titled.txt"), str(bad), str(tmp_path / "gone.txt"), "--db", str(db)]
    )
    assert result.exit_code == 1
    assert re.search(r"error: \S*bad\.jsonl#L2: malformed JSON on line 2: ", result.stderr)
    assert re.search(r"error: \S*gone\.txt: no such file or directory", result.stderr)
    assert "stored" in result.stdout and "failed" in result.stdout  # the summary table is printed
    table = CliRunner().invoke(app, ["status", "--db", str(db)])
    assert table.exit_code == 0 and "failed items" in table.stdout and "no such file" in table.stdout
    listing = CliRunner().invoke(app, ["status", "--db", str(db), "--failures", "--format", "jsonl"])
    items = [json.loads(line)["item"] for line in listing.stdout.splitlines()]
    assert len(items) == 2 and any(i.endswith("bad.jsonl#L2") for i in items)


def test_items_listing_in_csv(tmp_path):
    result = CliRunner().invoke(
        app, ["ingest", str(FIX / "records.csv"), "--db", str(tmp_path / "c.duckdb"), "--items", "--format", "csv"]
    )
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "item,status,article_id,duplicate_of,reason"
    assert len(lines) == 3 and all(",stored,a" in line for line in lines[1:])


def test_status_of_missing_database_is_a_one_line_error(tmp_path):
    proc = subprocess.run(CLI + ["status", "--db", str(tmp_path / "none.duckdb")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'none.duckdb'}: no such database (create it with "
        f"`realpolitik ingest ... --db {tmp_path / 'none.duckdb'}`)"
    ]


def _write_corpus(folder: Path, n: int) -> None:
    """n distinct English texts (random draws of real words, so no two are near-duplicates)."""
    words = sorted({w for f in FIX.glob("*.txt") for w in re.findall(r"[a-z]{3,}", f.read_text())})
    folder.mkdir()
    for i in range(n):
        rnd = random.Random(i)
        body = " ".join(rnd.choice(words) for _ in range(60))
        (folder / f"doc{i:04d}.txt").write_text(f"The ministers said {body}.\n")


def _accounting(db: Path) -> dict[str, int]:
    with open_store(db) as s:
        return {
            "logged": s.scalar("SELECT count(*) FROM ingest_log"),
            "keys": s.scalar("SELECT count(DISTINCT item_key) FROM ingest_log"),
            "articles": s.scalar("SELECT count(*) FROM articles"),
            "orphans": s.scalar(
                "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM ingest_log l "
                "WHERE l.article_id = a.article_id AND l.status = 'stored')"),
            "dangling": s.scalar(
                "SELECT count(*) FROM ingest_log l WHERE status = 'stored' AND NOT EXISTS "
                "(SELECT 1 FROM articles a WHERE a.article_id = l.article_id)"),
        }


@pytest.mark.slow
def test_killed_run_resumes_with_every_item_once(tmp_path):
    n = 800
    _write_corpus(tmp_path / "in", n)
    db = tmp_path / "k.duckdb"
    wal = Path(str(db) + ".wal")
    proc = subprocess.Popen(CLI + ["ingest", str(tmp_path / "in"), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    # Kill once some commits have reached the write-ahead log, i.e. part-way through the files.
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 40_000:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    half = _accounting(db)
    assert 0 < half["logged"] < n
    assert half["orphans"] == half["dangling"] == 0
    assert half["articles"] == half["logged"]

    done = subprocess.run(CLI + ["ingest", str(tmp_path / "in"), "--db", str(db), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    counts = {r["status"]: r["items"] for r in map(json.loads, done.stdout.splitlines())}
    assert counts["unchanged"] == half["logged"] and counts["stored"] == n - half["logged"]
    full = _accounting(db)
    assert full == {"logged": n, "keys": n, "articles": n, "orphans": 0, "dangling": 0}
