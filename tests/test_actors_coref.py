"""Per-document coreference over actors observed in order."""
from __future__ import annotations

import pytest

from realpolitik.actors import ActorResolver, CorefTracker


@pytest.fixture(scope="module")
def r():
    return ActorResolver()


def observe_all(r, tracker, phrases, date):
    for p in phrases:
        tracker.observe(r.resolve_phrase(p, date), p)


def test_pronouns_and_roles(r):
    date = "2019-03-01"
    t = CorefTracker(r, date)
    observe_all(r, t, ["Sergei Lavrov", "Turkey", "Recep Tayyip Erdoğan"], date)
    he = t.resolve("He")
    assert he.name == "Recep Tayyip Erdoğan" and he.text == "He"
    assert t.resolve("it").code == "TUR"
    assert t.resolve("the minister").name == "Sergei Lavrov"
    assert t.resolve("the president").name == "Recep Tayyip Erdoğan"
    assert t.resolve("the government").code == "TURGOV"
    assert t.resolve("the country").code == "TUR"
    assert t.resolve("the army").code == "TURMIL"
    assert t.resolve("the weather") is None


def test_alliance_bloc_and_group(r):
    t = CorefTracker(r)
    observe_all(r, t, ["NATO", "the European Union", "Isis", "Russia"], "2019-01-01")
    assert t.resolve("the alliance").code == "IGONATO"
    assert t.resolve("the bloc").code == "IGOEU"
    assert t.resolve("the group").code == "IMGISIS"
    assert t.resolve("the militants").code == "IMGISIS"
    assert t.resolve("they").code == "RUS"


def test_role_without_dictionary_uses_observed_words(r):
    t = CorefTracker()
    t.observe(r.resolve_phrase("Kremlin spokesman Dmitry Peskov", "2020-01-01"), "Kremlin spokesman Dmitry Peskov")
    t.observe(r.resolve_phrase("Vladimir Putin", "2020-01-01"), "President Vladimir Putin")
    assert t.resolve("the spokesman").name == "Dmitry Peskov"
    assert t.resolve("the president").name == "Vladimir Putin"


def test_empty_tracker_resolves_nothing():
    t = CorefTracker()
    assert t.resolve("he") is None and t.resolve("the alliance") is None


def test_places_are_not_it_and_bare_agents_are_not_the_group(r):
    t = CorefTracker(r)
    observe_all(r, t, ["Turkey", "Afrin"], "2018-02-01")
    assert t.resolve("it").code == "TUR"
    t.observe(r.resolve_phrase("the rebels"), "the rebels")  # no country: cannot be "the group"
    assert t.resolve("the group") is None
    observe_all(r, t, ["the YPG"], "2018-02-01")
    assert t.resolve("the militia").code == "SYRREB"


def test_the_coalition(r):
    t = CorefTracker(r)
    observe_all(r, t, ["the US-led coalition", "Isis", "Syria"], "2017-06-01")
    assert t.resolve("the coalition").code == "USAMIL"
