"""Conflictual events (CAMEO 11-20): diplomatic protests, legal and verbal disapproval, violence nouns.
Sentence -> expected-event cases are data (fixtures/conflict_cases.yaml); the tests after them check
constructions that need more than "this event is (not) there"."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "conflict_cases.yaml").read_text(encoding="utf-8"))["cases"]
_FIELDS = {"type": 0, "cameo": 1, "source": 2, "target": 3}


def _events(coder, text):
    return sorted((e.plover, e.cameo, e.source.country, e.target.country if e.target else None)
                  for e in coder.code_text(text, "t", date="2019-07-20") if not e.negated)


def _types(coder, text):
    return {e[0] for e in _events(coder, text)}


def _fits(event, fields: dict) -> bool:
    return all(event[_FIELDS[k]] == v for k, v in fields.items())


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_conflict_case(coder, case):
    events = _events(coder, case["text"])
    for want in case.get("has", []):
        assert any(_fits(e, want) for e in events), f"{case['text']!r}: want {want}, got {events}"
    for unwanted in case.get("lacks", []):
        assert not any(_fits(e, unwanted) for e in events), f"{case['text']!r}: unwanted {unwanted}, got {events}"


def test_ending_a_round_of_talks_is_not_breaking_them_off(coder):
    assert "SANCTION" not in _types(coder, "Afghan politicians and Taliban officials ended two days of talks "
                                           "in Doha by agreeing on a road map for peace.")


def test_breaking_off_talks_is_still_a_sanction(coder):
    assert "SANCTION" in _types(coder, "Pakistan suspended talks with India after the attack in Kashmir.")


def test_ordering_one_s_troops_to_leave_is_no_expulsion(coder):
    assert "SANCTION" not in _types(coder, "The Malian army ordered its troops to leave the town of Kidal.")


def test_suspending_a_platform_or_broadcaster_is_a_restriction(coder):
    events = _events(coder, "Nigeria suspended Twitter indefinitely after the platform deleted a post.")
    assert any(e[0] == "COERCE" and e[2] == "NGA" for e in events)
    events = _events(coder, "Niger's military junta suspended French broadcasts.")
    assert any(e[0] == "COERCE" and e[2] == "NER" for e in events)


def test_weeks_of_fighting_before_a_capture_are_the_captors_fighting(coder):
    events = _events(coder, "Libyan rebel fighters captured Sirte after weeks of fighting against loyalist "
                            "forces.")
    assert sum(e[0] == "ASSAULT" and e[2] == "LBY" for e in events) == 2


def test_the_accused_is_the_doer_of_what_they_are_accused_of(coder):
    events = _events(coder, "The foreign minister dismissed a UN report that accused Kigali of arming the "
                            "M23 rebels.")
    assert not any(e[2] == "IGO" and e[0] != "REJECT" for e in events)


def test_two_coordinated_sides_clashing_fight_each_other(coder):
    events = _events(coder, "Armenia and Azerbaijan clashed on their border.")
    assert ("ASSAULT", "190", "ARM", "AZE") in events and ("ASSAULT", "190", "AZE", "ARM") in events
    events = _events(coder, "Indian and Chinese troops clashed in the Galwan valley.")
    assert any(e[0] == "ASSAULT" and e[2] == "IND" and e[3] == "CHN" for e in events)
    assert any(e[0] == "ASSAULT" and e[2] == "CHN" and e[3] == "IND" for e in events)


def test_suspending_a_vote_is_no_sanction(coder):
    assert "SANCTION" not in _types(coder, "The Greek parliament suspended the vote on Tuesday.")


def test_the_use_of_a_word_is_no_event(coder):
    events = _events(coder, "The use of social media by the Turkish government angered Armenia.")
    assert not any(e[0] in ("ASSAULT", "COERCE") for e in events)


def test_violence_verbs_on_documents_and_records_are_figurative(coder):
    assert "ASSAULT" not in _types(coder, "US senators killed the bill on Tuesday.")
    assert "ASSAULT" not in _types(coder, "The German chancellor shot down the French proposal.")
    assert "ASSAULT" not in _types(coder, "Japanese exports hit a record high in March.")
    assert "ASSAULT" in _types(coder, "US jets hit targets in Syria.")


def test_a_campaign_against_an_abstraction_is_no_offensive(coder):
    assert "ASSAULT" not in _types(coder, "India's ruling party launched a campaign against poverty.")
    assert "ASSAULT" in _types(coder, "Israel launched a military campaign against Hamas.")


def test_blame_is_aimed_at_the_blamed_not_at_the_victim_of_the_deed(coder):
    events = _events(coder, "Russia blamed Ukraine for the drone attack on the Kremlin.")
    assert [e for e in events if e[0] == "ACCUSE"] == [("ACCUSE", "112", "RUS", "UKR")]


