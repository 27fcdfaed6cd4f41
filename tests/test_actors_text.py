"""Text folding keeps offsets; plurals; the case rule."""
from __future__ import annotations

from realpolitik.actors import ActorResolver
from realpolitik.actors.text import fold, plural


def test_fold_preserves_length_and_unifies_variants():
    for s in ["\u0130stanbul and \u0130brahim Kal\u0131n", "Erdo\u011fan\u2019s \u201cwar\u201d \u2013 now", "ﬁne ß ǅ", "plain ascii_text"]:
        assert len(fold(s)) == len(s)
    assert fold("Erdo\u011fan\u2019s") == "erdogan's"
    assert fold("A\u2013B") == "a-b"
    assert fold("C\u00f4te d\u2019Ivoire") == "cote d'ivoire"


def test_plural_rules():
    assert plural("defence minister") == "defence ministers"
    assert plural("spokesman") == "spokesmen"
    assert plural("authority") == "authorities"
    assert plural("day") == "days"
    assert plural("bus") == "buses"
    assert plural("PM") == "PMs"
    assert plural("NGO") == "NGOs"
    assert plural("minister of defence") == "ministers of defence"
    assert plural("congressmen") == "congressmen"


def test_case_rule_capitals_in_a_name_must_be_capitals_in_text():
    r = ActorResolver()
    assert [m.code for m in r.scan("US and Us and us")] == ["USA"]
    assert [m.code for m in r.scan("NATO, Nato and nato")] == ["IGONATO", "IGONATO"]
    assert [m.code for m in r.scan("Soldiers and soldiers")] == ["MIL", "MIL"]
