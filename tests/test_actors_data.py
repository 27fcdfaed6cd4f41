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


# Surnames several people in the tables answer to; the matcher picks among them by the article's
# date (in office, else the most recent former office holder). Any other shared alias is a mistake.
SHARED_SURNAMES = {
    "Clinton": {"Bill Clinton", "Hillary Clinton"},
    "Bush": {"George H. W. Bush", "George W. Bush"},
    "President Bush": {"George H. W. Bush", "George W. Bush"},
    "Assad": {"Hafez al-Assad", "Bashar al-Assad"},
    "al-Assad": {"Hafez al-Assad", "Bashar al-Assad"},
    "President Assad": {"Hafez al-Assad", "Bashar al-Assad"},
    "Hariri": {"Rafik Hariri", "Saad Hariri"},
    "Rudd": {"Kevin Rudd", "Amber Rudd"},
    "Abbott": {"Tony Abbott", "Diane Abbott"},
    "Aliyev": {"Heydar Aliyev", "Ilham Aliyev"},
    "President Aliyev": {"Heydar Aliyev", "Ilham Aliyev"},
    "Kirchner": {"Néstor Kirchner", "Cristina Fernández de Kirchner"},
    "Kadyrov": {"Akhmad Kadyrov", "Ramzan Kadyrov"},
    "Kabila": {"Laurent-Désiré Kabila", "Joseph Kabila"},
    "Baghdadi": {"Abu Omar al-Baghdadi", "Abu Bakr al-Baghdadi"},
    "al-Baghdadi": {"Abu Omar al-Baghdadi", "Abu Bakr al-Baghdadi"},
    "Landsbergis": {"Vytautas Landsbergis", "Gabrielius Landsbergis"},
    "Sharaa": {"Farouk al-Sharaa", "Ahmed al-Sharaa"},
    "al-Sharaa": {"Farouk al-Sharaa", "Ahmed al-Sharaa"},
    "Rice": {"Condoleezza Rice", "Susan Rice"},
}


def test_only_known_surnames_are_shared_by_people(d):
    owners: dict[str, set[str]] = {}
    for e in d.entries:
        if e.kind == "person":
            for a in e.aliases:
                owners.setdefault(a, set()).add(e.name)
    shared = {a: names for a, names in owners.items() if len(names) > 1}
    assert shared == SHARED_SURNAMES


def test_people_sharing_a_surname_held_office_at_different_times(d):
    """Date disambiguation needs the sharers' offices to differ; two people in office together would
    tie on every date."""
    by_name = {e.name: e for e in d.entries if e.kind == "person"}
    for alias, names in SHARED_SURNAMES.items():
        spans = sorted((min(c.start for c in by_name[n].codings), n) for n in names)
        assert spans[0][0] < spans[1][0], alias


def test_no_alias_is_two_different_non_person_actors_of_one_kind(d):
    """An alias shared by two entries of the same kind is decided by file order, not by meaning:
    such a name belongs in one row only (dated codings of one entry are fine)."""
    seen: dict[tuple[str, str], tuple[str, set]] = {}
    clashes = []
    for e in d.entries:
        if e.kind in ("person", "agent", "block"):
            continue
        codes = {c.code for c in e.codings}
        for a in e.aliases:
            key = (e.kind if e.kind not in ("org", "metonym") else "org/metonym", a)
            prev = seen.get(key)
            if prev is not None and prev[0] != e.id and prev[1] != codes:
                clashes.append((a, prev[0], e.id))
            seen.setdefault(key, (e.id, codes))
    assert not clashes, clashes[:20]


def test_added_places_do_not_shadow_capitals(d):
    """Capitals stand for governments (countries.tsv); a place row with the same name would be dead."""
    capitals = {a for e in d.entries if e.kind == "capital" for a in e.aliases}
    places = {a for e in d.entries if e.kind == "place" for a in e.aliases}
    assert capitals & places <= {"Mogadishu"}, sorted(capitals & places)
