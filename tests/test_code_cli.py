"""`realpolitik code` and `summary`: plumbing with a stand-in coder, then end to end on real text."""
import json
import os

import pytest
from typer.testing import CliRunner

from realpolitik.cli.main import app
from realpolitik.events.parallel import CoderSpec, ParallelCoder, code_file
from realpolitik.records import Actor, Event
from realpolitik.store import open_store


class EchoCoder:
    """Stand-in Coder: one event per word 'attack', tagged with the document id; sleeps a little
    on even ids so that chunks finish out of order in a pool."""

    version = "echo/1"

    def __init__(self, delay: float = 0.0):
        self.delay = delay

    def code_docs(self, docs):
        import time

        for d in docs:
            if self.delay and int(d["id"].split("-")[1]) % 2 == 0:
                time.sleep(self.delay)
            yield d, [
                Event(doc_id=d["id"], event_id=f"{d['id']}:{i}", date=d.get("date"),
                      source=Actor(text="Russia", code="RUS", country="RUS"), target=None, cameo="190",
                      cameo_label="x", plover="ASSAULT", plover_mode=None, quad_class=4, goldstein=-10.0)
                for i in range(d["text"].count("attack"))
            ]


def test_pool_keeps_input_order_and_bounds_in_flight():
    docs = ({"id": f"d-{i}", "text": "attack " * (i % 3)} for i in range(60))
    spec = CoderSpec(factory=EchoCoder, options={"delay": 0.01})
    with ParallelCoder(spec, workers=2, chunk_size=4) as pc:
        assert pc.warm_up() == 2  # both workers started, each with its coder built
        out = [(r.doc["id"], len(r.events)) for r in pc.code(docs)]
        assert pc.version == "echo/1"
    assert out == [(f"d-{i}", i % 3) for i in range(60)]


def test_pool_pulls_input_lazily():
    pulled = []

    def docs():
        for i in range(1000):
            pulled.append(i)
            yield {"id": f"d-{i}", "text": "attack"}

    with ParallelCoder(CoderSpec(factory=EchoCoder), workers=2, chunk_size=5) as pc:
        it = pc.code(docs())
        next(it)
        # Only the chunks allowed in flight were read, not the whole input.
        assert len(pulled) <= 2 * 3 * 5 + 5


def test_code_file_reports_malformed_lines_and_codes_the_rest(tmp_path):
    import io

    lines = ['{"id": "d-1", "text": "attack attack"}', "{oops", '["a list"]', '{"id": "d-4"}',
             '{"text": "attack", "date": "2025-01-02"}']
    out = io.StringIO()
    r = code_file(lines, out, name="in.jsonl", workers=1, spec=CoderSpec(factory=EchoCoder))
    assert (r.docs, r.events) == (2, 3)
    assert [str(p).split(":")[:2] for p in r.problems] == [["in.jsonl", "2"], ["in.jsonl", "3"], ["in.jsonl", "4"]]
    events = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [e["doc_id"] for e in events] == ["d-1", "d-1", "line-5"]
    assert events[2]["date"] == "2025-01-02" and events[0]["source"]["code"] == "RUS"
    # Paths work as well as streams.
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    r2 = code_file(tmp_path / "in.jsonl", tmp_path / "out.jsonl", workers=1, spec=CoderSpec(factory=EchoCoder))
    assert (r2.docs, r2.events) == (2, 3) and str(r2.problems[0]).startswith(f"{tmp_path / 'in.jsonl'}:2:")
    assert (tmp_path / "out.jsonl").read_text() == out.getvalue()


# -- end to end with the real coder ---------------------------------------------------------------
TEXTS = [
    {"id": "a", "date": "2025-02-03", "text": "Russian forces attacked Kyiv on Monday. Ukraine condemned Russia."},
    {"id": "b", "date": "2025-02-03", "text": "The weather in Paris was mild."},
    {"id": "c", "text": "The United States imposed sanctions on Iran."},
]


@pytest.mark.slow
def test_cli_code_file_end_to_end(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(t) for t in TEXTS) + "\nnot json\n")
    out = tmp_path / "ev.jsonl"
    res = CliRunner().invoke(app, ["code", str(src), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 1  # the malformed line makes the run fail, after coding the rest
    assert f"{src}:4: not valid JSON" in res.output
    events = [json.loads(x) for x in out.read_text().splitlines()]
    by_doc = {}
    for e in events:
        by_doc.setdefault(e["doc_id"], []).append(e)
    assert "b" not in by_doc
    attack = [e for e in by_doc["a"] if e["plover"] == "ASSAULT"]
    assert attack and attack[0]["source"]["country"] == "RUS" and attack[0]["date"] == "2025-02-03"
    assert attack[0]["sentence"] == TEXTS[0]["text"][attack[0]["char_start"]:attack[0]["char_end"]]
    assert any(e["plover"] == "SANCTION" and e["source"]["country"] == "USA" for e in by_doc["c"])


@pytest.mark.slow
def test_cli_code_db_and_summary(tmp_path):
    db = tmp_path / "c.duckdb"
    with open_store(db) as s:
        for i, (t, outlet) in enumerate([(TEXTS[0], "Meridian Wire"), (TEXTS[0], "Danube Courier"), (TEXTS[2], None)]):
            s.execute("INSERT INTO articles (article_id, content_hash, text, date, source) VALUES (?, ?, ?, ?, ?)",
                      [f"a{i}", f"h{i}", t["text"], t.get("date"), outlet])
    runner = CliRunner()
    res = runner.invoke(app, ["code", "--db", str(db), "--workers", "1"])
    assert res.exit_code == 0, res.output
    with open_store(db) as s:
        assert s.rows("SELECT count(*) AS n FROM articles WHERE coded_at IS NULL")[0]["n"] == 0
        attack = s.rows("SELECT * FROM events WHERE plover = 'ASSAULT'")
        # Two outlets ran the same story: one event, two articles, two sources.
        assert len(attack) == 1 and (attack[0]["num_articles"], attack[0]["num_sources"]) == (2, 2)
        n_events = s.rows("SELECT count(*) AS n FROM events")[0]["n"]
        # The undated article took its ingest date.
        assert s.rows("SELECT count(*) AS n FROM events WHERE date = current_date")[0]["n"] >= 1
    res = runner.invoke(app, ["code", "--db", str(db), "--workers", "1"])  # nothing left to do
    assert res.exit_code == 0 and "coded 0 articles" in res.output
    res = runner.invoke(app, ["summary", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(x) for x in res.output.splitlines()]
    overview = {r["item"]: r["value"] for r in rows if r["section"] == "store"}
    assert overview["articles"] == 3 and overview["events coded from news"] == n_events
    assert any(r["section"] == "top dyads" and r["item"] == "RUS -> UKR" for r in rows)


def test_cli_rejects_bad_arguments(tmp_path):
    from realpolitik.cli.output import CliError

    runner = CliRunner()
    res = runner.invoke(app, ["code", str(tmp_path / "missing.jsonl"), "-o", "-"])
    assert isinstance(res.exception, CliError) and "missing.jsonl" in str(res.exception)
    res = runner.invoke(app, ["code", "--db", str(tmp_path / "none.duckdb")])
    assert isinstance(res.exception, CliError) and "none.duckdb" in str(res.exception)
    src = tmp_path / "x.jsonl"
    src.write_text("{}\n")
    res = runner.invoke(app, ["code", str(src), "-o", "-", "--workers", "0"])
    assert isinstance(res.exception, CliError) and "--workers" in str(res.exception)


@pytest.mark.slow
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores")
def test_real_coder_in_two_processes_matches_one(tmp_path):
    from realpolitik.events.parallel import code_docs

    docs = [dict(t, id=f"{t['id']}{k}") for k in range(4) for t in TEXTS]
    one = [(d["id"], [e.to_dict() for e in ev]) for d, ev in code_docs(docs, workers=1)]
    two = [(d["id"], [e.to_dict() for e in ev]) for d, ev in code_docs(docs, workers=2, chunk_size=2)]
    assert one == two and any(ev for _, ev in one)


def test_jsonl_with_a_byte_order_mark_is_read(tmp_path):
    """Spreadsheet and Windows exports often start with a BOM; ingest accepts them, so code must too."""
    from typer.testing import CliRunner

    from realpolitik.cli.main import app

    src = tmp_path / "bom.jsonl"
    src.write_bytes(b'\xef\xbb\xbf{"id": "b", "date": "2025-02-10", "text": "Russia attacked Ukraine on Monday."}\n')
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(app, ["code", str(src), "-o", str(out), "-w", "1"])
    assert r.exit_code == 0, r.output
    assert '"doc_id": "b"' in out.read_text(encoding="utf-8")
