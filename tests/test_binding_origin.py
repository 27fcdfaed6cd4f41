"""Binding a bare agent to the origin named in its from-phrase."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,date,attr,want", [
    ("Investigators from the African Union accused Sudanese troops of attacking civilians.", "2012-04-20",
     "code", "IGOAU"),
    ("Troops from Chad attacked Boko Haram fighters near the border.", "2015-02-04", "country", "TCD"),
    ("A court in the self-proclaimed Donetsk People's Republic sentenced two Britons to death.", "2022-06-09",
     "code", "UKRREB"),
    ("Officials in Canberra said Australia was weighing its options.", "2018-10-16", "country", "AUS"),
])
def test_agent_takes_the_origin_in_its_phrase(coder, text, date, attr, want):
    events = coder.code_text(text, "o", date=date)
    assert any(getattr(e.source, attr) == want for e in events), [(e.source.code, e.source.text) for e in events]


def test_possessed_agent_keeps_its_owner(coder):
    events = coder.code_text("Ankara recalled its ambassador from Abu Dhabi.", "o3", date="2020-08-14")
    assert all(e.source.country == "TUR" for e in events)


def _countries(events):
    return {(e.source.country, e.target.country if e.target else None) for e in events}


def test_kurdish_forces_near_kirkuk_are_iraqi(coder):
    events = coder.code_text("Hundreds of Isis fighters surrendered to Kurdish forces near Kirkuk.", "k1",
                             date="2017-08-30")
    assert any("IRQ" in pair for pair in _countries(events)), _countries(events)


def test_kurdish_fighters_attacked_by_turkey_in_syria_stay_syrian(coder):
    events = coder.code_text("Turkish jets bombed Kurdish fighters in Afrin.", "k2", date="2018-02-01")
    assert ("TUR", "SYR") in _countries(events), _countries(events)


def test_kurdish_militants_in_a_turkish_city_are_turkish(coder):
    events = coder.code_text("Kurdish militants attacked a police station in Diyarbakir.", "k3",
                             date="2016-05-01")
    assert any(src == "TUR" for src, _ in _countries(events)), _countries(events)
