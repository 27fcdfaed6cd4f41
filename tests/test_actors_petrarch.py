"""Loading PETRARCH/TABARI dictionaries from ../shared (skipped when absent) and from inline samples."""
from __future__ import annotations

import pytest

from realpolitik.actors import ActorDictionary, ActorResolver
from realpolitik.actors.petrarch import load_petrarch

SAMPLE_ACTORS = """<!-- header
# spanning lines -->
GONDOR [GON]
+MINAS_TIRITH
BOROMIR_
\t[GONMIL <990101] # a comment
\t[GONGOV 19990101 - 20001231]
\t[ELI]
ISILDUR  [---]
"""

SAMPLE_AGENTS = """!PERSON! = MAN, MEN
SOLDIER [~MIL]
POLICE {} [~COP]
CONGRESS!PERSON! [~LEG]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
MSF {} [NGO~]
"""


@pytest.fixture
def sample(tmp_path):
    a = tmp_path / "Sample.actors.txt"
    a.write_text(SAMPLE_ACTORS, encoding="utf-8")
    g = tmp_path / "Sample.agents.txt"
    g.write_text(SAMPLE_AGENTS, encoding="utf-8")
    return ActorResolver(ActorDictionary().add_petrarch(a).add_petrarch(g))


def test_inline_actor_file_dates_and_synonyms(sample):
    assert sample.resolve_phrase("Minas Tirith").code == "GON"
    assert sample.resolve_phrase("Boromir", "1998-05-01").code == "GONMIL"
    assert sample.resolve_phrase("Boromir", "2000-12-31").code == "GONGOV"
    # the undated [ELI] line applies outside the dated ranges, with the person's country
    assert sample.resolve_phrase("Boromir", "2005-01-01").code == "GONELI"
    assert sample.resolve_phrase("Isildur") is None
    assert sample.scan("Isildur left") == []


def test_inline_agent_file_plurals_macros_and_prefix(sample):
    assert sample.resolve_phrase("Gondor soldiers").code == "GONMIL"
    assert sample.resolve_phrase("Gondor police").code == "GONCOP"
    assert sample.resolve_phrase("Gondor polices") is not None and \
        sample.resolve_phrase("Gondor polices").code == "GON"  # {} means no plural form
    assert sample.resolve_phrase("Gondor congressmen").code == "GONLEG"
    assert sample.resolve_phrase("Gondor golden geese").code == "GONGGS"
    assert sample.resolve_phrase("MSF").code == "NGO"


@pytest.fixture(scope="module")
def validate(shared_data):
    d = shared_data / "petrarch2" / "dictionaries"
    dic = ActorDictionary().add_petrarch(d / "PETR.Validate.actors.txt").add_petrarch(d / "PETR.Validate.agents.txt")
    return ActorResolver(dic)


@pytest.mark.shared
@pytest.mark.parametrize("date,code", [
    ("19950104", "HOBCIV"), ("20080119", "HOBCIV"), ("20100106", "HOBMIL"), ("20100109", "ORCHOB"),
    ("20100112", "ORCHOB"), ("20100113", "HOBMIL"), ("20121231", "HOBGOV"), ("20140101", "HOBELI"),
])
def test_validate_date_restrictions(validate, date, code):
    # the DATE-* records of PETR.UnitTest.records.xml
    a = validate.resolve_phrase("Sam Gamgee", date)
    assert a.code == code


@pytest.mark.shared
def test_validate_synonyms_and_agents(validate):
    assert validate.resolve_phrase("Smeagol", "19951101").code == "HOBGOV"
    assert validate.resolve_phrase("Gollum", "19900101").code == "HOB"
    assert validate.resolve_phrase("Gollum", "20000101").code == "HOBREB"
    assert validate.resolve_phrase("Arnor foreign minister", "19920102").code == "ARNGOVFRM"[:6]
    assert validate.resolve_phrase("the Danish", "19920102").code == "DNK"
    ms = validate.scan("Zimbabwe said", "19780101")
    assert [m.code for m in ms] == ["RHO"]
    assert [m.code for m in validate.scan("Zimbabwe said", "19900101")] == ["ZBW"]


@pytest.mark.shared
def test_phoenix_files_load(shared_data):
    d = shared_data / "petrarch2" / "dictionaries"
    dic = ActorDictionary()
    for name in ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"]:
        before = len(dic)
        dic.add_petrarch(d / name)
        assert len(dic) - before > 50, name
    r = ActorResolver(dic)
    assert r.resolve_phrase("Afghan National Army", "2012-01-01").code == "AFGMIL"
    a = r.resolve_phrase("Hamid Karzai", "2008-01-01")
    assert a is not None and a.code.startswith("AFGGOV")
    assert r.resolve_phrase("the Kremlin").code == "RUSGOV"
    entries = load_petrarch(d / "Phoenix.agents.txt")
    assert any(e.codings[0].code.startswith("COP") for e in entries)


@pytest.mark.shared
def test_unit_test_records_codes_are_found(validate, shared_data):
    """Most source/target codes of PETR.UnitTest.records.xml are a mention's code, or a country
    mention's code followed by an agent's, in the sentence (on the sentence's date)."""
    import xml.etree.ElementTree as ET

    root = ET.parse(shared_data / "petrarch2" / "text" / "PETR.UnitTest.records.xml").getroot()
    total = found = 0
    for s in root.iter("Sentence"):
        codes = [ec.get(k) for ec in s.findall("EventCoding") for k in ("sourcecode", "targetcode")]
        codes = [c for c in codes if c and c != "---"]
        if not codes:
            continue
        ms = validate.scan((s.findtext("Text") or "").strip(), s.get("date"))
        have = {m.code for m in ms}
        have |= {a.code + b.code for a in ms if a.kind != "agent" for b in ms if b.kind == "agent"}
        total += len(codes)
        found += sum(c in have for c in codes)
    assert total > 500
    assert found / total >= 0.9


def test_petrarch_names_keep_known_capitalisation(tmp_path):
    p = tmp_path / "Mini.actors.txt"
    p.write_text("TURKEY [TUR]\nCHAD [TCD]\nARNOR [ARN]\n", encoding="utf-8")
    r = ActorResolver(ActorDictionary.default().add_petrarch(p))
    assert [m.code for m in r.scan("We ate turkey in Turkey near chad and Arnor.")] == ["TUR", "ARN"]
    assert [m.code for m in r.scan("arnor")] == ["ARN"]  # unknown before: any case
