"""Actor resolution classes: former office holders are elites."""
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


def test_former_official_in_a_sentence_is_an_elite(coder):
    ev = coder.code_text("A former Pentagon official accused Iran of arming the Houthis.", "t", "2020-01-01")
    assert ev and ev[0].source.code == "USAELI" and ev[0].target.country == "IRN"
