"""Lexicon breadth: common news-wire verbs, phrasal verbs and event nouns for each CAMEO family,
coded with the real pipeline. The cases are data (fixtures/lexicon_cases.yaml); the tests below them
check single constructions."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "lexicon_cases.yaml").read_text(encoding="utf-8"))


def _code(coder, text):
    return coder.code_text(text, "t", date="2020-01-01")


def _has(events, cameo: str, src: str | None = None, tgt: str | None = None) -> bool:
    for e in events:
        if not e.cameo.startswith(cameo):
            continue
        if src is not None and e.source.country != src:
            continue
        if tgt is not None and (e.target is None or e.target.country != tgt):
            continue
        return True
    return False


def _check(coder, text, cameo, src, tgt):
    evs = _code(coder, text)
    got = [(e.cameo, e.source.country, e.target.country if e.target else None) for e in evs]
    assert _has(evs, cameo, src, tgt), f"{text!r}: want {cameo} {src}->{tgt}, got {got}"


def test_accusing_words_make_a_statement_an_accusation(coder):
    evs = _code(coder, "Iran said the United States was engaged in blatant interference in the region.")
    assert _has(evs, "112", "IRN", "USA"), [(e.cameo, e.trigger) for e in evs]


def test_name_calling_is_an_accusation(coder):
    evs = _code(coder, "China said the American senators were hypocrites.")
    assert _has(evs, "112", "CHN", "USA"), [(e.cameo, e.trigger) for e in evs]


def test_hammering_home_a_message_is_no_attack(coder):
    evs = _code(coder, "Germany's finance minister hammered home the message.")
    assert not any(e.cameo.startswith(("18", "19")) for e in evs)


def test_halting_an_enemy_advance_is_no_retreat(coder):
    evs = _code(coder, "French troops went into action in Mali to help government forces halt an advance by Islamist rebels.")
    assert not any(e.cameo.startswith("08") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_refraining_negates(coder):
    evs = _code(coder, "Washington avoided criticising Riyadh over the killing.")
    assert all(e.negated for e in evs), [(e.cameo, e.negated) for e in evs]
    assert not _code(coder, "Israel refrained from attacking Iranian nuclear sites.")


def test_poised_to_is_intent(coder):
    evs = _code(coder, "The Turkish army is poised to attack Kurdish forces in Afrin.")
    assert evs and all(e.modality == "intent" for e in evs), [(e.cameo, e.modality) for e in evs]


def test_calling_for_a_ceasefire_is_no_ceasefire(coder):
    evs = _code(coder, "Egypt called for a ceasefire between Israel and Hamas.")
    assert not any(e.cameo.startswith("08") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_a_letter_from_a_president_is_no_visit(coder):
    evs = _code(coder, "Erdogan received a letter from the American president.")
    assert not any(e.cameo.startswith("04") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_pledge_noun_is_intent(coder):
    _check(coder, "The US made a pledge of $1bn to Ukraine.", "030", "USA", "UKR")


@pytest.mark.parametrize("text", [
    "With Islamic State crushed, the three key regional powers will meet.",
])
def test_crushed_in_passing_is_no_attack(coder, text):
    evs = _code(coder, text)
    assert not any(e.cameo.startswith("19") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_bringing_home_fighters_children_is_no_withdrawal(coder):
    evs = _code(coder, "British officials will bring home the children of British fighters in Syria.")
    assert not any(e.cameo.startswith("08") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_defeating_militants_is_fighting(coder):
    _check(coder, "Kurdish forces defeated the Islamic State militants in Baghuz.", "190", None, None)
    assert not _code(coder, "Parliament defeated the government's motion.")


def test_taking_people_to_a_port_is_no_capture(coder):
    evs = _code(coder, "Houthi forces took the 25 crew members to a Yemeni port.")
    assert not any(e.cameo == "192" for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_raising_the_chances_of_an_intervention_is_no_intervention(coder):
    evs = _code(coder, "The Isis rout has increased the chances of a Turkish military intervention.")
    assert not any(e.cameo.startswith("19") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_taking_out_a_battery_is_an_attack(coder):
    _check(coder, "Israeli jets took out Iranian air defence batteries in Syria.", "190", "ISR", None)


def test_retaliating_by_expelling_is_no_attack(coder):
    evs = _code(coder, "Moscow retaliated by expelling 60 US diplomats.")
    assert not any(e.cameo.startswith("19") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_praising_words_make_a_statement_praise(coder):
    evs = _code(coder, "The German chancellor said France had made an invaluable contribution to the talks.")
    assert _has(evs, "051", "DEU", "FRA"), [(e.cameo, e.source.country, e.target.country if e.target else None) for e in evs]


@pytest.mark.parametrize("text", [
    "Officials said the project was behind schedule.",
])
def test_cue_words_in_other_senses(coder, text):
    evs = _code(coder, text)
    assert not any(e.cameo.startswith(("11", "13")) for e in evs), [(e.cameo, e.trigger) for e in evs]


@pytest.mark.parametrize("text,cameo,src,tgt", [
    pytest.param(*case, id=f"{family}-{i}") for family, cases in CASES["families"].items()
    for i, case in enumerate(cases)])
def test_family_case(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


@pytest.mark.parametrize("text", [
    pytest.param(text, id=f"{group}-{i}") for group, texts in CASES["no_event"].items()
    for i, text in enumerate(texts)])
def test_no_event(coder, text):
    evs = _code(coder, text)
    assert not evs, [(e.cameo, e.trigger) for e in evs]
