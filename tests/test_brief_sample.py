"""The brief on the bundled sample corpus, ingested and coded for real: the invariants hold there too."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from realpolitik.brief import write_brief
from realpolitik.cli.main import app
from realpolitik.config import SAMPLE_DIR
from realpolitik.store import open_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    runner = CliRunner()
    for args in (["ingest", str(SAMPLE_DIR), "--db", str(db)], ["code", "--db", str(db)]):
        r = runner.invoke(app, args)
        assert r.exit_code == 0, r.output
    s = open_store(db, read_only=True)
    if not s.scalar("SELECT count(*) FROM mentions"):
        pytest.skip("the coder stored no mentions")
    yield s
    s.close()


def test_sample_brief_citations_and_prose(sample_db):
    b = write_brief(sample_db, "RUS,USA,UKR,NATO")
    assert not b.empty and 3 <= len(b.glance) <= 6 and b.sections and b.sources
    stored = {r["mention_id"]: r for r in sample_db.rows(
        "SELECT m.*, a.text FROM mentions m JOIN articles a USING (article_id)")}
    for p in b.passages:
        for mid in p.mention_ids:
            m = stored[mid]
            assert m["text"][m["char_start"]:m["char_end"]] == p.sentence
            assert m["trigger"] in p.sentence or (m["quote"] or "")[:30] in p.sentence
    codes = {r[0] for r in sample_db.execute(
        "SELECT DISTINCT source_code FROM events UNION SELECT DISTINCT target_code FROM events").fetchall() if r[0]}
    codes -= {"NATO"}  # also the organisation's name
    prose = [b.headline, b.dek.text, *(l.text for l in b.glance), *(l.text for l in b.watch)]
    for s in b.sections:
        prose += [s.title, s.lead.text, *(l.text for l in s.actions), *(l.text for l in s.change)]
    for text in prose:
        assert not (set(re.findall(r"\b[A-Z]{3,9}\b", text)) & codes), text
    html = b.to_html()
    assert html.count('class="passage"') == len(b.passages)
