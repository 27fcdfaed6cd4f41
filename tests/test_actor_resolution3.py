"""Actor resolution classes: former office holders are elites; names of bodies that hold a demonym."""
from __future__ import annotations

import pytest

from realpolitik.actors import ActorResolver


@pytest.fixture(scope="module")
def r():
    return ActorResolver()


def code(r, phrase):
    a = r.resolve_phrase(phrase, bare_state_sector="GOV")
    return a.code if a else None


@pytest.mark.parametrize("phrase,expected", [
    ("a former US ambassador", "USAELI"),
    ("a former senior state department official", "USAELI"),
    ("a former Pentagon official", "USAELI"),
    ("a former Israeli military intelligence chief", "ISRELI"),
    ("ex-army chief", "ELI"),
])
def test_former_before_the_title_is_an_elite(r, phrase, expected):
    assert code(r, phrase) == expected


@pytest.mark.parametrize("phrase,expected", [
    ("the US ambassador", "USAGOV"),
    ("a Pentagon official", "USAMIL"),
    ("officials of the former Soviet Union", "RUSGOV"),
])
def test_no_former_before_the_title_keeps_the_sector(r, phrase, expected):
    assert code(r, phrase) == expected


@pytest.mark.parametrize("phrase,expected", [
    ("A spokesperson for the British Ministry of Defence", "GBRMIL"),
    ("a spokesman for the Turkish foreign ministry", "TURGOV"),
    ("an official at the US Treasury", "USAGOV"),
    ("a spokesman for the Syrian Democratic Forces", "SYRREB"),
])
def test_agent_before_owner_takes_the_institution(r, phrase, expected):
    assert code(r, phrase) == expected


@pytest.mark.parametrize("phrase,expected", [
    ("the Chinese Academy of Sciences", "CHNEDU"),
    ("the British Council", "GBRNGO"),
    ("the Russian Orthodox Church", "RUSREL"),
    ("the Kenyan Institute for Peace Studies", "KENNGO"),
    ("a spokesman for the Chinese Academy of Sciences", "CHNEDU"),
    ("the Indian Premier League", None),
])
def test_name_headed_by_a_body_word_is_not_the_state(r, phrase, expected):
    assert code(r, phrase) == expected


@pytest.mark.parametrize("phrase,expected", [
    ("the Libyan Presidential Council", "LBYGOV"),
    ("the Syrian National Council", "SYROPP"),
    ("the Soviet Union", "RUSGOV"),
    ("the Russian government", "RUSGOV"),
])
def test_state_bodies_and_known_names_keep_their_coding(r, phrase, expected):
    assert code(r, phrase) == expected


def test_former_official_in_a_sentence_is_an_elite(coder):
    ev = coder.code_text("A former Pentagon official accused Iran of arming the Houthis.", "t", "2020-01-01")
    assert ev and ev[0].source.code == "USAELI" and ev[0].target.country == "IRN"


def test_named_body_in_a_sentence_is_not_the_state(coder):
    ev = coder.code_text("The British Council condemned the arrest of its staff in Iran.", "t", "2020-01-01")
    assert ev and ev[0].source.code == "GBRNGO"


@pytest.mark.parametrize("phrase,expected", [
    ("the South Lebanon Army", "LBNMIL"),
    ("Jordan Police", "JORCOP"),
    ("Chad Wolf", "USAGOV"),
])
def test_country_that_is_a_first_name_before_a_force_is_the_country(r, phrase, expected):
    assert code(r, phrase) == expected


def test_former_only_reaches_its_own_title(r):
    # "former" qualifies the soldier, not the later title of the coordination
    phrase = "Hamish Smith, a former British soldier and director of the charity Doctors Under Fire,"
    assert code(r, phrase) != "GBRELI"


@pytest.mark.parametrize("phrase,expected", [
    ("the Iraqi Governing Council", "IRQGOV"),
    ("the Sudanese Sovereignty Council", "SDNGOV"),
])
def test_councils_of_state_stay_the_state(r, phrase, expected):
    assert code(r, phrase) == expected


@pytest.mark.parametrize("phrase,expected", [
    ("An international team of investigators", "IGO"),
    ("international monitors", "IGO"),
    ("international journalists", "MED"),
    ("the investigators", "COP"),
])
def test_international_official_bodies_are_igo(r, phrase, expected):
    assert code(r, phrase) == expected
