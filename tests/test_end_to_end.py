"""The whole pipeline on the bundled sample corpus, the way a user drives it from the command line.

ingest -> code -> status/summary -> dyad/profile/network/shifts/forecast -> brief -> export (GDELT, CSV,
JSONL, Parquet) -> import the export into a fresh store. One store is built per module and shared; the
commands run in-process through Typer's CliRunner so the spaCy pipeline loads once.

Each assertion is a property a user relies on: every input is accounted for exactly once, every event is
a valid CAMEO code traceable to the exact sentence it came from, the analyses count what the store holds,
and the interchange files round-trip.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli.main import app
from realpolitik.cli.output import CliError
from realpolitik.config import SAMPLE_DIR
from realpolitik.events.taxonomy import all_codes
from realpolitik.store import open_store

pytestmark = pytest.mark.slow

runner = CliRunner()
CAMEO = {c.code: c for c in all_codes()}


def cli(*args: str, ok: bool = True):
    r = runner.invoke(app, [str(a) for a in args], terminal_width=200)
    if ok:
        assert r.exit_code == 0, f"realpolitik {' '.join(map(str, args))}\n{r.output}\n{r.exception!r}"
    return r


def expected_items() -> int:
    """Items in the sample corpus as a user would count them: a file each, a feed entry each, a JSONL line each."""
    n = 0
    for p in sorted(SAMPLE_DIR.rglob("*")):
        if not p.is_file() or p.name == "manifest.toml":
            continue
        text = p.read_text(encoding="utf-8")
        if p.suffix == ".rss":
            n += text.count("<item>")
        elif p.suffix == ".atom":
            n += text.count("<entry>")
        elif p.suffix == ".jsonl":
            n += sum(1 for line in text.splitlines() if line.strip())
        else:
            n += 1
    return n


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="module")
def db(work) -> Path:
    path = work / "sample.duckdb"
    cli("ingest", SAMPLE_DIR, "--db", path)
    cli("code", "--db", path)
    return path


@pytest.fixture(scope="module")
def store(db):
    s = open_store(db, read_only=True)
    yield s
    s.close()


def rows(store, sql: str, **params) -> list[dict]:
    return store.rows(sql, params) if params else store.rows(sql)


# --- ingest: every input accounted for once -------------------------------------------------------------

def test_every_input_is_accounted_for_exactly_once(store):
    log = rows(store, "SELECT * FROM ingest_log")
    assert len(log) == expected_items() == 52
    assert len({r["item_key"] for r in log}) == len(log)
    by_status = Counter(r["status"] for r in log)
    assert by_status["failed"] == 0
    articles = {r["article_id"] for r in rows(store, "SELECT article_id FROM articles")}
    stored = [r["article_id"] for r in log if r["status"] == "stored"]
    # one article per stored item, and no article without an item that stored it
    assert len(stored) == len(set(stored)) == len(articles) == by_status["stored"]
    assert set(stored) == articles
    # every duplicate points at an article that was stored
    dups = [r for r in log if r["status"] == "duplicate"]
    assert dups and all(r["duplicate_of"] in articles for r in dups)
    # every input file of the corpus (but the manifest) shows up in the log
    files = {str(p.resolve()) for p in SAMPLE_DIR.rglob("*") if p.is_file() and p.name != "manifest.toml"}
    logged = {r["item_key"].split("#")[0] for r in log}
    assert files == logged


def test_reingest_changes_nothing(db, store):
    before = store.scalar("SELECT count(*) FROM articles"), store.scalar("SELECT count(*) FROM ingest_log")
    # the shared store is open read-only in this process; copy it to re-ingest
    import shutil

    copy = db.parent / "reingest.duckdb"
    shutil.copy(db, copy)
    cli("ingest", SAMPLE_DIR, "--db", copy)
    s = open_store(copy, read_only=True)
    try:
        after = s.scalar("SELECT count(*) FROM articles"), s.scalar("SELECT count(*) FROM ingest_log")
    finally:
        s.close()
    assert after == before


def test_status_and_summary_report_the_store(db, store):
    out = cli("status", "--db", db).output
    n_events = store.scalar("SELECT count(*) FROM events")
    assert re.search(rf"events\s*│\s*{n_events}\b", out), out
    out = cli("summary", "--db", db).output
    assert "events by quad class" in out and "top dyads" in out


# --- code: valid events traceable to their sentences ---------------------------------------------------

def test_every_article_is_coded_and_events_are_valid_cameo(store):
    assert store.scalar("SELECT count(*) FROM articles WHERE coded_at IS NULL") == 0
    events = rows(store, "SELECT * FROM events")
    assert len(events) >= 100
    for e in events:
        c = CAMEO.get(e["cameo"])
        assert c is not None, e["cameo"]
        assert e["cameo_root"] == c.root == e["cameo"][:2]
        assert e["quad_class"] == c.quad_class and e["quad_class"] in (1, 2, 3, 4)
        assert -10 <= e["goldstein"] <= 10
        assert e["plover"] == c.plover
        assert e["source_code"], e  # every coded event has a source
        assert e["origin"] == "realpolitik"
    assert len({e["event_id"] for e in events}) == len(events)


def test_mentions_point_at_the_exact_sentence_in_the_article(store):
    ms = rows(store, "SELECT m.*, a.text AS article_text FROM mentions m JOIN articles a USING (article_id)")
    assert len(ms) == store.scalar("SELECT count(*) FROM mentions") > 0
    for m in ms:
        assert m["article_text"][m["char_start"]:m["char_end"]] == m["sentence"], m["mention_id"]
        # the trigger lies inside its sentence and starts with the trigger's first word
        assert m["char_start"] <= m["trigger_start"] < m["trigger_end"] <= m["char_end"], m["mention_id"]
        assert m["article_text"][m["trigger_start"]:].startswith(m["trigger"].split()[0]), m["mention_id"]


def test_every_event_has_its_mentions_and_counts_them(store):
    assert store.scalar("SELECT count(*) FROM mentions WHERE event_id NOT IN (SELECT event_id FROM events)") == 0
    bad = rows(store, """
        SELECT e.event_id, e.num_mentions, count(m.mention_id) AS n, count(DISTINCT m.article_id) AS na,
               e.num_articles
        FROM events e LEFT JOIN mentions m USING (event_id)
        GROUP BY ALL HAVING n = 0 OR n <> e.num_mentions OR na <> e.num_articles""")
    assert not bad, bad[:3]


def test_code_without_a_db_turns_jsonl_into_events(work):
    docs = work / "docs.jsonl"
    docs.write_text(json.dumps({"id": "d1", "date": "2025-02-18",
                                "text": "Russian troops shelled Kharkiv on Monday."}) + "\n", encoding="utf-8")
    out = work / "events.jsonl"
    cli("code", docs, "-o", out)
    evs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert evs and evs[0]["doc_id"] == "d1" and evs[0]["source"]["country"] == "RUS"
    assert evs[0]["cameo"] in CAMEO and evs[0]["cameo"].startswith("19")
    text = "Russian troops shelled Kharkiv on Monday."
    assert text[evs[0]["char_start"]:evs[0]["char_end"]] == evs[0]["sentence"]


# --- analyses --------------------------------------------------------------------------------------------

def _dyad_sql(store, a: str, b: str) -> Counter:
    got = Counter()
    for r in rows(store, """
            SELECT strftime(date_trunc('month', date), '%Y-%m-%d') AS period, source_country AS s, count(*) AS n
            FROM events WHERE NOT coalesce(negated, false)
              AND ((source_country = $a AND target_country = $b) OR (source_country = $b AND target_country = $a))
            GROUP BY ALL""", a=a, b=b):
        got[(r["period"], f"{r['s']}->{b if r['s'] == a else a}")] += r["n"]
    return got


@pytest.mark.parametrize("a,b", [("RUS", "USA"), ("UKR", "RUS")])
def test_dyad_counts_equal_a_direct_sql_count(db, store, a, b):
    out = cli("dyad", a, b, "--db", db, "--freq", "month", "--format", "jsonl").stdout
    series = [json.loads(line) for line in out.splitlines() if line.strip()]
    got = Counter({(r["period"], r["direction"]): r["events"] for r in series if r["direction"] != "both"})
    want = _dyad_sql(store, a, b)
    assert +got == +want and sum(want.values()) > 0
    for r in series:
        assert r["events"] == sum(r[f"quad_{q}"] for q in (1, 2, 3, 4)) == sum(r[f"root_{i:02d}"] for i in range(1, 21))
        assert r["events"] == 0 or abs(r["goldstein_mean"] * r["events"] - r["goldstein_sum"]) < 0.01 * r["events"] + 0.05
    both = Counter()
    for r in series:
        if r["direction"] != "both":
            both[r["period"]] += r["events"]
    assert both == Counter({r["period"]: r["events"] for r in series if r["direction"] == "both" and r["events"]})


def test_dyad_plot_is_an_offline_html_file(db, work):
    plot = work / "dyad.html"
    cli("dyad", "RUS", "UKR", "--db", db, "--freq", "week", "--plot", plot)
    html = plot.read_text(encoding="utf-8")
    assert "<html" in html.lower() and "plotly" in html.lower()
    assert not re.search(r'<script[^>]+src="https?://', html), "the plot must not need the network"


def test_profile_toward_counts_and_examples(db, store):
    out = cli("profile", "RUS", "--toward", "UKR", "--db", db, "--format", "jsonl").stdout
    recs = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert recs
    n = store.scalar("SELECT count(*) FROM events WHERE NOT coalesce(negated, false)"
                     " AND source_country = 'RUS' AND target_country = 'UKR'")
    by_root = Counter(r[0] for r in store.execute(
        "SELECT cameo_root FROM events WHERE NOT coalesce(negated, false)"
        " AND source_country = 'RUS' AND target_country = 'UKR'").fetchall())
    for r in recs:
        if r["scheme"] == "cameo_root":
            assert r["count"] == by_root[r["category"]]
            assert abs(r["share"] - r["count"] / n) < 1e-3


def test_network_degrees_match_the_edges(db, work):
    js = work / "net.json"
    out = cli("network", "--db", db, "--format", "jsonl", "--json", js).stdout
    nodes = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert {"RUS", "UKR", "USA"} <= {n["actor"] for n in nodes}
    graph = json.loads(js.read_text(encoding="utf-8"))
    links = graph.get("links") or graph.get("edges")
    assert links
    out_deg = Counter(l["source"] for l in links)
    for n in nodes:
        assert n["out_degree"] == out_deg.get(n["actor"], 0), n


def test_shifts_runs_and_flags_are_consistent(db):
    out = cli("shifts", "--db", db, "--freq", "week", "--baseline", "3", "--min-events", "2",
              "--format", "jsonl").stdout
    for line in out.splitlines():
        if line.strip():
            a = json.loads(line)
            assert a["direction"] in ("rise", "drop") and a["quad_class"] in (1, 2, 3, 4)


def test_forecast_readme_example_on_the_sample(db):
    out = cli("forecast", "RUS", "UKR", "--as-of", "2025-03-01", "--horizon", "7d", "--db", db,
              "--format", "json").stdout
    f = json.loads(out)
    assert f["as_of"] == "2025-03-01" and f["horizon"] == "7d"
    roots, quads = f["cameo_root"], f["quad_class"]
    assert set(roots) == {f"{i:02d}" for i in range(1, 21)} and set(quads) == {"1", "2", "3", "4"}
    assert all(0 <= p <= 1 for p in [*roots.values(), *quads.values()])
    assert -10 <= f["expected_goldstein"] <= 10
    # a quad class happens whenever one of its roots does
    for r, pr in roots.items():
        assert quads[str(CAMEO[r].quad_class)] >= pr - 1e-4, (r, pr, quads)


def test_forecast_too_little_data_is_a_one_line_error(db):
    r = cli("forecast", "RUS", "UKR", "--as-of", "2025-02-05", "--horizon", "7d", "--db", db, ok=False)
    if r.exit_code == 0:
        return  # enough data after all
    assert isinstance(r.exception, CliError) or r.exit_code == 2, r.output


# --- brief ------------------------------------------------------------------------------------------------

def test_brief_in_three_formats(db, work):
    md, html, js = work / "brief.md", work / "brief.html", work / "brief.json"
    cli("brief", "--db", db, "--actors", "RUS,USA,UKR", "--format", "md", "-o", md)
    cli("brief", "--db", db, "--actors", "RUS,USA,UKR", "--format", "html", "-o", html)
    cli("brief", "--db", db, "--actors", "RUS,USA,UKR", "--format", "json", "-o", js)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# ") and "## At a Glance" in text and "## Sources" in text
    # every [n] citation resolves to a cited passage
    cited = set(re.findall(r"\(#p(\d+)\)", text))
    anchors = set(re.findall(r'<a id="p(\d+)"></a>', text))
    assert cited and cited <= anchors
    assert "<html" in html.read_text(encoding="utf-8").lower()
    json.loads(js.read_text(encoding="utf-8"))


# --- export / import round trip ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gdelt_export(db, work) -> Path:
    out = work / "events.gdelt.tsv"
    cli("export", "--format", "gdelt", "--db", db, "-o", out)
    return out


def test_gdelt_export_has_61_tab_separated_columns(gdelt_export, store):
    lines = gdelt_export.read_text(encoding="utf-8").splitlines()
    assert lines
    for line in lines:
        cols = line.split("\t")
        assert len(cols) == 61, len(cols)
        assert re.fullmatch(r"\d{8}", cols[1])  # SQLDATE
        assert cols[26] in CAMEO and cols[28] == cols[26][:2]  # EventCode, EventRootCode
        assert cols[29] in "1234"  # QuadClass
    # GDELT has no negation: negated events are left out, everything else is exported once
    assert len(lines) == store.scalar("SELECT count(*) FROM events WHERE NOT coalesce(negated, false)")
    assert len({l.split("\t")[0] for l in lines}) == len(lines)


def test_gdelt_export_imports_once_and_only_once(gdelt_export, store, work):
    new = work / "from_gdelt.duckdb"
    cli("import", "gdelt", gdelt_export, "--db", new)
    cli("import", "gdelt", gdelt_export, "--db", new)  # second time adds nothing
    copy = work / "copy.gdelt.tsv"
    copy.write_bytes(gdelt_export.read_bytes())
    cli("import", "gdelt", copy, "--db", new)  # nor does the same content under another name
    s = open_store(new, read_only=True)
    try:
        imported = s.rows("SELECT date, source_country, target_country, cameo FROM events")
    finally:
        s.close()
    mine = store.rows("SELECT date, source_country, target_country, cameo FROM events"
                      " WHERE NOT coalesce(negated, false)")
    key = lambda r: (str(r["date"]), r["source_country"] or "", r["target_country"] or "", r["cameo"])  # noqa: E731
    assert Counter(map(key, imported)) == Counter(map(key, mine))


def test_csv_jsonl_parquet_exports_agree(db, store, work):
    n = store.scalar("SELECT count(*) FROM events")
    cli("export", "--format", "jsonl", "--db", db, "-o", work / "ev.jsonl")
    cli("export", "--format", "csv", "--db", db, "-o", work / "ev.csv")
    cli("export", "--format", "parquet", "--db", db, "-o", work / "ev_parquet")
    js = [json.loads(line) for line in (work / "ev.jsonl").read_text(encoding="utf-8").splitlines()]
    with open(work / "ev.csv", newline="", encoding="utf-8") as f:
        cs = list(csv.DictReader(f))
    import pyarrow.dataset as ds

    pq = ds.dataset(str(work / "ev_parquet"), format="parquet", partitioning="hive").to_table().to_pylist()
    assert len(js) == len(cs) == len(pq) == n
    assert {r["event_id"] for r in js} == {r["event_id"] for r in cs} == {r["event_id"] for r in pq}
    # the Parquet directory export writes imports back as a whole, once
    new = work / "from_parquet.duckdb"
    cli("import", "events", work / "ev_parquet", "--db", new)
    cli("import", "events", work / "ev_parquet", "--db", new)
    s = open_store(new, read_only=True)
    try:
        assert s.scalar("SELECT count(*) FROM events") == n
    finally:
        s.close()


def test_events_jsonl_import_is_idempotent(db, work):
    src = work / "ev_for_import.jsonl"
    cli("export", "--format", "jsonl", "--db", db, "-o", src)
    new = work / "from_jsonl.duckdb"
    cli("import", "events", src, "--db", new)
    first = open_store(new, read_only=True)
    n1 = first.scalar("SELECT count(*) FROM events")
    first.close()
    cli("import", "events", src, "--db", new)
    again = open_store(new, read_only=True)
    n2 = again.scalar("SELECT count(*) FROM events")
    again.close()
    assert n1 == n2 == len(src.read_text(encoding="utf-8").splitlines())


# --- bad input: one line naming the input, non-zero exit, never a traceback ---------------------------------

def _one_line_error(r) -> bool:
    """What `realpolitik` (cli.main.run) would print: a CliError becomes `error: ...`; Click usage errors exit 2."""
    if r.exit_code == 0:
        return False
    exc = r.exception
    if exc is None or isinstance(exc, SystemExit):
        return "Traceback" not in r.output
    return isinstance(exc, CliError)


BAD = {
    "missing input file": ("ingest", "{work}/no-such-dir", "--db", "{work}/bad1.duckdb"),
    "missing JSONL for code": ("code", "{work}/no-such.jsonl", "-o", "{work}/o.jsonl"),
    "missing database": ("dyad", "RUS", "USA", "--db", "{work}/no-such.duckdb"),
    "bad date": ("dyad", "RUS", "USA", "--db", "{db}", "--from", "2025-02-30"),
    "unknown freq": ("dyad", "RUS", "USA", "--db", "{db}", "--freq", "fortnight"),
    "wrong format value": ("network", "--db", "{db}", "--format", "xml"),
    "parquet without -o": ("dyad", "RUS", "USA", "--db", "{db}", "--format", "parquet"),
    "unknown profile actor": ("profile", "Ruritania", "--db", "{db}"),
    "unknown brief actor": ("brief", "--db", "{db}", "--actors", "XYZZY"),
    "bad horizon": ("forecast", "RUS", "UKR", "--db", "{db}", "--horizon", "14d"),
    "bad as-of": ("forecast", "RUS", "UKR", "--db", "{db}", "--as-of", "March"),
    "export bad --from": ("export", "--db", "{db}", "--from", "notadate", "-o", "{work}/x.csv", "-f", "csv"),
    "malformed gold JSONL": ("evaluate", "{work}/malformed.jsonl"),
    "not a GDELT file": ("import", "gdelt", "{work}/malformed.jsonl", "--db", "{work}/bad2.duckdb"),
    "not an ICEWS file": ("import", "icews", "{work}/malformed.jsonl", "--db", "{work}/bad2.duckdb"),
    "export into an impossible directory": ("export", "--db", "{db}", "-f", "gdelt", "-o",
                                            "{work}/malformed.jsonl/sub/x.tsv"),
    "plot into an impossible directory": ("dyad", "RUS", "USA", "--db", "{db}", "--plot",
                                          "{work}/malformed.jsonl/sub/x.html"),
    "unknown dyad actor": ("dyad", "RUS", "XYZZY", "--db", "{db}"),
    "reversed date window": ("network", "--db", "{db}", "--from", "2025-03-10", "--to", "2025-02-01"),
    "table output into a missing directory": ("dyad", "RUS", "USA", "--db", "{db}", "-f", "parquet", "-o",
                                              "{work}/malformed.jsonl/sub/x.parquet"),
    "invalid user actor dictionary": ("code", "{work}/malformed.jsonl", "-o", "{work}/o2.jsonl", "-w", "1",
                                      "--actors", "{work}/bad_actors.yaml"),
}



@pytest.fixture(scope="module")
def bad_inputs(work, db):
    (work / "malformed.jsonl").write_text('{"id": "a", "text": "Russia attacked Ukraine."}\n{bad json\n',
                                          encoding="utf-8")
    (work / "bad_actors.yaml").write_text("actors:\n  - name: Foo\n", encoding="utf-8")
    return work


def _fmt(args, work, db):
    return [a.format(work=work, db=db) for a in args]


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_a_one_line_error(name, bad_inputs, db):
    r = cli(*_fmt(BAD[name], bad_inputs, db), ok=False)
    assert _one_line_error(r), f"{name}: exit {r.exit_code}, {r.exception!r}\n{r.output}"


def test_malformed_jsonl_codes_the_good_lines_and_names_the_bad_ones(work):
    src = work / "mixed.jsonl"
    src.write_text('{"id": "ok", "date": "2025-02-18", "text": "Russia attacked Ukraine on Monday."}\n'
                   '{bad json\n'
                   '{"id": "notext"}\n', encoding="utf-8")
    out = work / "mixed.events.jsonl"
    r = cli("code", src, "-o", out, ok=False)
    assert r.exit_code != 0  # some lines failed
    assert "Traceback" not in r.output
    assert re.search(r"mixed\.jsonl:2\b", r.output) and re.search(r"mixed\.jsonl:3\b", r.output), r.output
    evs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert evs and {e["doc_id"] for e in evs} == {"ok"}


def test_ingest_accounts_for_bad_lines_and_files(work):
    d = work / "messy"
    d.mkdir()
    (d / "mixed.jsonl").write_text('{"id": "ok", "date": "2025-02-18", "text": "Russia attacked Ukraine."}\n'
                                   '{bad json\n', encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (d / "empty.txt").write_text("", encoding="utf-8")
    db = work / "messy.duckdb"
    r = cli("ingest", d, "--db", db, ok=False)
    assert r.exit_code == 1 and "Traceback" not in r.output
    s = open_store(db, read_only=True)
    try:
        log = {Path(k.split("#")[0]).name + ("#" + k.split("#")[1] if "#" in k else ""): st
               for k, st in s.execute("SELECT item_key, status FROM ingest_log").fetchall()}
    finally:
        s.close()
    assert log == {"mixed.jsonl#L1": "stored", "mixed.jsonl#L2": "failed", "binary.txt": "failed",
                   "empty.txt": "skipped"}


DATELINE = re.compile(r"^([A-Z][A-Z .'-]{2,}), [A-Z][a-z]+\.? \d{1,2} \(")  # "KYIV, March 7 (Meridian Wire) -"


def test_datelines_are_never_actors(store):
    bad = []
    for r in rows(store, "SELECT source_text, target_text, sentence FROM mentions"):
        m = DATELINE.match(r["sentence"])
        if m and any((t or "").strip().startswith(m.group(1)) for t in (r["source_text"], r["target_text"])):
            bad.append((r["source_text"], r["target_text"], r["sentence"][:60]))
    assert not bad, bad[:5]
