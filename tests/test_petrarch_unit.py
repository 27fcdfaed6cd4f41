"""The PETRARCH unit-test harness: XML parsing, per-record scoring and the summary rows."""
from __future__ import annotations

import pytest

from benchmarks import petrarch_unit as pu
from realpolitik.records import Actor, Event

XML = """<Validation><Sentences>
<Sentence date="19950101" id="T-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GONGOV" targetcode="ARN" eventcode="903"></EventCoding>
<Text>
Arnor is about to restore   full diplomatic ties
with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="T-2" category="DEMO" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950103" id="T-3" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Sports results follow.</Text>
</Sentence>
</Sentences></Validation>"""


def event(src, tgt, code, doc="d"):
    return Event(doc_id=doc, event_id="e", date=None, source=Actor(src, src, src[:3]),
                 target=Actor(tgt, tgt, tgt[:3]) if tgt else None, cameo=code, cameo_label="",
                 plover=None, plover_mode=None, quad_class=1, goldstein=0.0)


@pytest.fixture
def records(tmp_path):
    p = tmp_path / "records.xml"
    p.write_text(XML, encoding="utf-8")
    return pu.parse_records(p)


def test_parse_small_file(records):
    assert [r.id for r in records] == ["T-1", "T-2", "T-3"]
    r = records[0]
    assert r.date == "1995-01-01"
    assert r.text == "Arnor is about to restore full diplomatic ties with Gondor."
    assert r.codings == [pu.Coding("ARN", "GON", "064"), pu.Coding("GONGOV", "ARN", "903")]
    assert records[1].expect_nothing and not records[1].codings
    assert records[2].expect_nothing and records[2].error == "storydiscard"


def test_score_record_pairs_and_flags(records):
    r = records[0]
    # One event right except the code's last digit, one with the right country but wrong sector.
    got = [event("GON", "ARN", "904"), event("ARN", "GON", "061")]
    s = pu.score_record(r, got)
    f = s["flags"]
    assert f["source"] == 1 and f["source_country"] == 2  # GON vs GONGOV: country only
    assert f["target"] == 2 and f["root"] == 2 and f["exact"] == 0 and f["full"] == 0
    assert s["extra"] == 0 and not s["all_right"]
    perfect = pu.score_record(r, [event("GONGOV", "ARN", "903"), event("ARN", "GON", "064"), event("X", "Y", "010")])
    assert perfect["flags"]["full"] == 2 and perfect["extra"] == 1 and not perfect["all_right"]
    assert pu.score_record(r, [event("ARN", "GON", "064"), event("GONGOV", "ARN", "903")])["all_right"]
    assert pu.score_record(records[1], [])["all_right"]
    assert not pu.score_record(records[1], [event("ARN", "GON", "010")])["all_right"]


class OracleCoder:
    """Codes exactly what each record expects (keyed by text)."""

    def __init__(self, records):
        self.by_text = {r.text: r.codings for r in records}

    def code_text(self, text, doc_id="doc", date=None):
        return [event(c.source, c.target, c.code, doc_id) for c in self.by_text[text]]


class SilentCoder:
    def code_text(self, text, doc_id="doc", date=None):
        return []


def _row(rows, name):
    return next(r for r in rows if r["name"] == name)


def test_summary_perfect_and_silent(records):
    scored, secs = pu.run(records, OracleCoder(records))
    rows = pu.summarize(records, scored, secs)
    assert _row(rows, "full coding (source, target, code)")["count"] == 2
    assert _row(rows, "records entirely right")["value"] == 100.0
    assert _row(rows, "expected codes that are CAMEO codes")["count"] == 1  # 903 is not CAMEO
    scored, secs = pu.run(records, SilentCoder())
    rows = pu.summarize(records, scored, secs)
    assert _row(rows, "expected source code")["count"] == 0
    assert _row(rows, "null records left uncoded")["count"] == 2
    assert _row(rows, "records entirely right")["count"] == 2  # only the two null records
    assert all({"name", "value", "unit"} <= set(r) for r in rows)


def test_main_skips_without_shared(tmp_path, capsys):
    assert pu.main(base=tmp_path) == []
    assert "absent" in capsys.readouterr().err


@pytest.mark.shared
def test_parses_all_petrarch_records(shared_data):
    path = shared_data / "petrarch2" / pu.RECORDS
    if not path.is_file():
        pytest.skip("PETRARCH unit-test records absent")
    recs = pu.parse_records(path)
    assert len(recs) == 284
    assert len({r.id for r in recs}) >= 280  # the file reuses a couple of ids
    assert sum(len(r.codings) for r in recs) == 359
    assert all(r.text for r in recs)
    assert sum(1 for r in recs if r.expect_nothing and not r.codings) == 26
    assert recs[0].id == "DEMO-00" and recs[0].codings[0] == pu.Coding("ARN", "GON", "064")


@pytest.mark.shared
def test_validate_verbs_first_codes_the_demo_record(shared_data):
    base = shared_data / "petrarch2"
    if not pu.available(base) or not (base / pu.VERBS).is_file():
        pytest.skip("PETRARCH dictionaries absent")
    rec = pu.parse_records(base / pu.RECORDS)[0]  # "Arnor is about to restore full diplomatic ties with Gondor ..."
    coder = pu.default_coder(base, verbs=True, file_first=True)
    assert coder.verb_reports and coder.verb_reports[0].added
    scored, _ = pu.run([rec], coder)
    assert scored[0]["all_right"]  # ARN > GON 064: the file's RESTORE code, not the shipped lexicon's 050
    shipped_first, _ = pu.run([rec], pu.default_coder(base, verbs=True))
    assert not shipped_first[0]["all_right"]
