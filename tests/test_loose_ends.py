"""Loose ends: two-way verbs with joint subjects, actor resolution of a few organisations and
officials, and promises and agreements to cooperate (CAMEO 03)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def pairs(coder, text: str, root: str) -> set[tuple[str, str | None]]:
    return {(e.source.code, e.target.code if e.target else None)
            for e in coder.code_text(text, doc_id="t", date="2024-03-01") if e.cameo[:2] == root}


@pytest.mark.parametrize("text", [
    "India and Pakistan exchanged fire across the Line of Control.",
    "India and Pakistan exchanged fire near Kashmir on Sunday.",
])
def test_joint_subject_exchanging_fire_goes_both_ways(coder, text):
    assert pairs(coder, text, "19") == {("IND", "PAK"), ("PAK", "IND")}


def test_joint_subject_clashing_goes_both_ways(coder):
    got = pairs(coder, "Armenian and Azerbaijani troops clashed on the border overnight.", "19")
    assert got == {("ARMMIL", "AZEMIL"), ("AZEMIL", "ARMMIL")}


def test_joint_subject_meeting_and_talks_go_both_ways(coder):
    assert pairs(coder, "Russia and Ukraine held talks in Istanbul.", "04") == {("RUS", "UKR"), ("UKR", "RUS")}
    assert pairs(coder, "France and Germany signed a trade deal.", "05") == {("FRA", "DEU"), ("DEU", "FRA")}


@pytest.fixture(scope="module")
def resolver():
    from realpolitik.actors.resolver import ActorResolver
    return ActorResolver()


@pytest.mark.parametrize("phrase", [
    "the Centre for a New American Security", "the Center for a New American Security",
    "the American Enterprise Institute", "the European Council on Foreign Relations", "Chatham House",
])
def test_think_tanks_are_ngos_not_the_state_they_name(resolver, phrase):
    a = resolver.resolve_phrase(phrase)
    assert a is not None and a.type == "NGO" and a.country == "NGO"


def test_a_spokesperson_for_the_british_defence_ministry_is_military(coder):
    ev = coder.code_text("A spokesperson for the British Ministry of Defence declined to comment on the "
                         "reports.", doc_id="t", date="2020-01-05")
    assert ev and ev[0].source.code == "GBRMIL"


def test_volunteering_to_do_something_is_an_offer(coder):
    ev = coder.code_text("Kenya volunteered to lead a security mission in Haiti.", doc_id="t", date="2023-07-30")
    assert [(e.cameo[:2], e.source.country) for e in ev] == [("03", "KEN")]


@pytest.mark.parametrize("text,src,tgt", [
    ("Berlin agreed to send more air defence systems to Ukraine.", "DEU", "UKR"),
    ("Qatar offered to mediate between Israel and Hamas.", "QAT", "ISR"),
    ("The European Union pledged to support Ukraine.", "IGO", "UKR"),
])
def test_promises_and_agreements_to_cooperate_are_agree(coder, text, src, tgt):
    ev = coder.code_text(text, doc_id="t", date="2024-03-01")
    assert any(e.cameo[:2] == "03" and e.source.country == src and e.target is not None
               and e.target.country == tgt for e in ev)
