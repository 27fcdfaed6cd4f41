"""Sanity of the shipped actor tables, so extensions (more people, more groups) stay loadable."""
from __future__ import annotations

import pycountry
import pytest

from realpolitik.actors import ActorDictionary
from realpolitik.actors.entries import NON_STATE

SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "MED", "EDU", "BUS", "CVL", "REF",
           "LAB", "ELI", "HLH", "REL", "UAF", "CRM", "INS", "AGR", "DEV", "ENV", "HRI", "NGO", "IMG"}


@pytest.fixture(scope="module")
def d():
    return ActorDictionary.default()


def test_codings_use_known_countries_and_sectors(d):
    states = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    for e in d.entries:
        for c in e.codings:
            if e.kind == "agent":
                assert c.country is None and c.sector in SECTORS, e.id
                continue
            assert c.country in states or c.country in NON_STATE, (e.id, c)
            assert c.sector is None or c.sector in SECTORS, (e.id, c)
            if c.country not in NON_STATE:
                assert c.code == c.country + (c.sector or ""), (e.id, c)
            else:
                assert c.code.startswith(c.country), (e.id, c)


def test_people_rows_have_sane_dates(d):
    people = [e for e in d.entries if e.kind == "person"]
    assert len(people) > 250
    for e in people:
        for c in e.codings:
            assert c.start is not None, e.id
            assert c.end is None or c.start < c.end, (e.id, c)
            assert c.type == "PERSON"


def test_no_alias_is_shared_by_two_people(d):
    owner: dict[str, str] = {}
    for e in d.entries:
        if e.kind != "person":
            continue
        for a in e.aliases:
            assert owner.setdefault(a, e.id) == e.id, (a, owner[a], e.id)
