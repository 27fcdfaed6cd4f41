"""Actors in lists and conjunctions: each listed state gets its own event, with the agent the list
shares ("the ministers of France and Germany" are both governments)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def dyads(coder, text: str, root: str) -> set[tuple[str, str | None]]:
    """(source code, target code) of the events of CAMEO root `root` coded from `text`."""
    return {(e.source.code, e.target.code if e.target else None)
            for e in coder.code_text(text, doc_id="t", date="2018-03-01") if e.cameo[:2] == root}


def test_particle_verb_keeps_every_prepositional_target(coder):
    got = dyads(coder, "Egypt sided with Qatar and Jordan in the dispute.", "05")
    assert {("EGY", "QAT"), ("EGY", "JOR")} <= {(s[:3], t[:3] if t else None) for s, t in got}


def test_particle_verb_three_targets(coder):
    got = dyads(coder, "Greece sided with Cyprus, Italy and Spain at the summit.", "05")
    assert {t[:3] for _, t in got if t} >= {"CYP", "ITA", "ESP"}


def test_agent_of_listed_states_applies_to_each(coder):
    got = dyads(coder, "The ambassadors of France, Germany and Britain criticised Russia on Monday.", "11")
    assert {s for s, _ in got} == {"FRAGOV", "DEUGOV", "GBRGOV"}


def test_ministers_of_listed_states_meet_each_other(coder):
    got = dyads(coder, "The foreign ministers of Egypt and Jordan met in Cairo on Sunday.", "04")
    assert ("EGYGOV", "JORGOV") in got and ("JORGOV", "EGYGOV") in got


def test_agent_list_as_target(coder):
    got = dyads(coder, "Putin met the defence ministers of India and China in Moscow.", "04")
    assert {t for _, t in got} >= {"INDGOV", "CHNGOV"}


def test_lawmakers_in_listed_states(coder):
    got = dyads(coder, "Lawmakers in Poland and Hungary criticised the European Commission.", "11")
    assert {s for s, _ in got} >= {"POLLEG", "HUNLEG"}


def test_coordinated_demonyms_share_the_agent(coder):
    got = dyads(coder, "German and French troops attacked the rebels near the border.", "19")
    assert {s for s, _ in got} >= {"DEUMIL", "FRAMIL"}
    got = dyads(coder, "Russian and Chinese diplomats criticised Japan.", "11")
    assert {s for s, _ in got} == {"RUSGOV", "CHNGOV"}


def test_condemned_attack_aims_at_its_doer_not_its_place(coder):
    got = dyads(coder, "France condemned an attack by Turkish soldiers in northern Iraq.", "11")
    assert got == {("FRA", "TURMIL")} or got == {("FRAGOV", "TURMIL")}


def test_single_agent_of_state_unchanged(coder):
    assert dyads(coder, "The ambassador of France criticised Russia.", "11") == {("FRAGOV", "RUS")}


def test_coordinated_halves_of_a_name(coder):
    got = dyads(coder, "The leaders of North and South Korea signed a declaration at the border.", "05")
    assert {("PRKGOV", "KORGOV"), ("KORGOV", "PRKGOV")} <= got


def test_coordinated_modifier_inside_a_longer_name(coder):
    # "African Union troops" is one dictionary name; "Somali" still goes with "troops".
    got = dyads(coder, "Somali and African Union troops clashed with al-Shabaab fighters near Jowhar.", "19")
    assert {s for s, _ in got} >= {"SOMMIL", "IGOAUMIL"}


def test_persons_listed_after_the_states_are_not_extra_parties(coder):
    got = {(e.source.country, e.target.country if e.target else None)
           for e in coder.code_text("Putin met the foreign ministers of Turkey and Armenia, Ahmet Davutoglu "
                                    "and Eduard Nalbandian, in Moscow.", doc_id="t", date="2010-03-01")
           if e.cameo[:2] == "04"}
    assert got == {("RUS", "TUR"), ("RUS", "ARM")}


def test_states_sharing_a_possessed_agent(coder):
    got = dyads(coder, "Britain and France's ambassadors criticised Iran on Tuesday.", "11")
    assert {s for s, _ in got} == {"GBRGOV", "FRAGOV"}
    got = dyads(coder, "Egypt and Israel's leaders met in Cairo.", "04")
    assert {("EGYGOV", "ISRGOV"), ("ISRGOV", "EGYGOV")} <= got


def test_agents_from_listed_states(coder):
    got = dyads(coder, "Troops from Chad and Niger attacked Boko Haram near the lake.", "19")
    assert {s for s, _ in got} >= {"TCDMIL", "NERMIL"}
    got = dyads(coder, "Putin met with the leaders of France and Germany.", "04")
    assert {t for _, t in got} >= {"FRAGOV", "DEUGOV"}


def test_criticised_act_aims_at_its_named_doer_not_its_victims(coder):
    got = dyads(coder, "Germany criticised the arrest of journalists by Turkish police in Istanbul.", "11")
    assert {t for _, t in got} == {"TURCOP"}


def test_unnamed_doer_leaves_the_place(coder):
    # "gunmen" name no state: the act's place stays the target.
    got = dyads(coder, "France condemned an attack by gunmen in Mali.", "11")
    assert {t for _, t in got} == {"MLI"}


def test_two_leaders_named_in_full_are_two_sides(coder):
    got = {(e.source.code, e.target.code if e.target else None)
           for e in coder.code_text("Barack Obama and Dmitry Medvedev signed the New Start treaty in Prague.",
                                    doc_id="t", date="2010-04-08") if e.cameo[:2] == "05"}
    assert {("USAGOV", "RUSGOV"), ("RUSGOV", "USAGOV")} <= got


def test_first_member_before_a_comma_joins_the_list(coder):
    got = dyads(coder, "The US, British and French ambassadors criticised Iran on Monday.", "11")
    assert {s for s, _ in got} == {"USAGOV", "GBRGOV", "FRAGOV"}


def test_subject_along_with_others_act_together(coder):
    got = dyads(coder, "Russia, along with China, criticised the United States.", "11")
    assert {s[:3] for s, _ in got} == {"RUS", "CHN"}
    got = dyads(coder, "Russia, together with China, criticised the United States.", "11")
    assert {s[:3] for s, _ in got} == {"RUS", "CHN"}


def test_second_state_joined_to_the_agent_noun(coder):
    # The parser makes "Hungary" a conjunct of "Lawmakers"; the lawmakers are in both.
    got = dyads(coder, "Officials in Kabul and Washington criticised the Taliban.", "11")
    assert {s for s, _ in got} >= {"AFGGOV", "USAGOV"}


def test_long_list_target_kept_whole(coder):
    got = dyads(coder, "Qatar welcomed the resumption of diplomatic ties with Egypt, Jordan, Bahrain and Oman.", "05")
    assert {t[:3] for _, t in got if t} >= {"EGY", "JOR", "BHR", "OMN"}


def test_other_members_are_not_the_group_named_before(coder):
    text = ("Islamic State fighters attacked the town on Monday. US troops fighting alongside "
            "Kurds and other rebels shot down Iranian drones.")
    targets = {e.target.code for e in coder.code_text(text, doc_id="t", date="2018-03-01")
               if e.target is not None and e.cameo[:2] == "06"}
    assert not any(t.startswith("IMG") for t in targets)
