"""Coder cases: reciprocal objects, reported future ("said it would")."""
import pytest


def _pairs(coder, text):
    return sorted((e.plover, e.source.country, e.target.country if e.target else None)
                  for e in coder.code_text(text, "t", date="2020-10-20") if not e.negated)


@pytest.mark.parametrize("text,kind,a,b", [
    ("Azerbaijan and Armenia accused each other of breaching a humanitarian ceasefire.", "ACCUSE", "AZE", "ARM"),
    ("India and Pakistan threatened one another with retaliation after the attack.", "THREATEN", "IND", "PAK"),
    ("Russian and Ukrainian forces shelled each other's positions near Bakhmut.", "ASSAULT", "RUS", "UKR"),
])
def test_reciprocal_object_codes_both_directions(coder, text, kind, a, b):
    pairs = _pairs(coder, text)
    assert (kind, a, b) in pairs and (kind, b, a) in pairs
    assert all(t is not None and s != t for _, s, t in pairs)


def test_plain_object_is_not_reciprocal(coder):
    pairs = _pairs(coder, "Azerbaijan and Armenia accused Russia of breaching the ceasefire.")
    assert ("ACCUSE", "AZE", "RUS") in pairs and ("ACCUSE", "ARM", "RUS") in pairs
    assert ("ACCUSE", "AZE", "ARM") not in pairs


@pytest.mark.parametrize("text,code,src,tgt", [
    ("Russia said it would send troops to Syria.", "154", "RUS", "SYR"),
    ("Russia said it would impose sanctions on Turkey.", "163", "RUS", "TUR"),
])
def test_reported_would_is_the_speakers_will(coder, text, code, src, tgt):
    evs = coder.code_text(text, "t", date="2015-09-16")
    assert [(e.cameo, e.source.country, e.target.country, e.modality) for e in evs] == [(code, src, tgt, "intent")]


def test_reported_would_under_a_condition_is_not_an_act(coder):
    evs = coder.code_text("Russia said it would impose sanctions on Turkey if Ankara refused.", "t",
                          date="2015-09-16")
    # nothing, or the threat the condition makes of it; never sanctions imposed or intended
    assert all(e.plover == "THREATEN" for e in evs)
    assert coder.code_text("Analysts said a war would devastate the region.", "t", date="2015-09-16") == []


def test_a_full_name_is_a_person_for_release_patterns(coder):
    evs = coder.code_text("Cuba freed the American contractor Alan Gross.", "t", date="2014-12-17")
    assert [(e.cameo, e.source.country, e.target.country) for e in evs] == [("0841", "CUB", "USA")]
    # a company "releasing" an executive is no political concession
    assert coder.code_text("Apple released Tim Cook from his contract.", "t", date="2014-12-17") == []


@pytest.mark.parametrize("text", [
    "The EU imposed no new sanctions on Russia.",
    "Germany's defence ministry has sent no further Tornado jets to the region.",
])
def test_no_on_the_object_negates_the_act(coder, text):
    evs = coder.code_text(text, "t", date="2016-08-01")
    assert evs and all(e.negated for e in evs)
    positive = coder.code_text(text.replace("no new ", "new ").replace("no further ", "more "), "t", date="2016-08-01")
    assert positive and not any(e.negated for e in positive)


def test_seizing_a_flagged_ship_is_a_seizure_not_taking_ground(coder):
    evs = coder.code_text("Iranian forces seized the Bahamas-flagged tanker in the Strait of Hormuz.", "t",
                          date="2019-07-20")
    assert [(e.cameo, e.source.country, e.target.country) for e in evs] == [("1711", "IRN", "BHS")]
    town = coder.code_text("Russian troops captured the town of Avdiivka.", "t", date="2024-02-20")
    assert [e.cameo for e in town] == ["192"]


def test_preposition_hung_on_a_particle_still_names_the_object(coder):
    evs = coder.code_text("Donald Trump pulled out of the Iran nuclear deal.", "t", date="2018-05-09")
    assert [(e.cameo, e.source.country, e.target.country) for e in evs] == [("127", "USA", "IRN")]
    troops = coder.code_text("Russian troops pulled out of Kherson.", "t", date="2022-11-11")
    assert [e.cameo for e in troops] == ["0874"]


def test_a_place_name_is_no_person(coder):
    evs = coder.code_text("Hamas, which governs Gaza, fired rockets at Tel Aviv.", "t", date="2020-01-01")
    assert {e.plover for e in evs} == {"ASSAULT"}


@pytest.mark.parametrize("text,date,tgt", [
    ("Egypt recalled its ambassador to Ethiopia.", "2020-01-01", "ETH"),
    ("Qatar recalled its ambassador from Abu Dhabi.", "2017-06-06", "ARE"),
])
def test_recalling_ones_own_envoy_cuts_relations_with_the_host(coder, text, date, tgt):
    evs = coder.code_text(text, "t", date=date)
    assert [(e.cameo[:2], e.target.country) for e in evs] == [("16", tgt)]


def test_cue_accusations_cross_sides_within_a_state(coder):
    evs = coder.code_text("Syrian opposition leaders said the Assad regime was responsible for the massacre.", "t",
                          date="2013-01-01")
    assert [(e.plover, e.source.code, e.target.code) for e in evs] == [("ACCUSE", "SYROPP", "SYRGOV")]
    own = coder.code_text("Russia said its forces would stay in Syria to fight terrorists.", "t", date="2017-12-11")
    assert [e.plover for e in own] == ["STATEMENT"]


@pytest.mark.parametrize("text,date,code", [
    ("Italy joined the Belt and Road Initiative.", "2019-03-23", "061"),
    ("Jordan joined the US-led coalition against Isis.", "2014-09-23", "062"),
])
def test_joining_a_scheme_or_coalition_is_cooperation(coder, text, date, code):
    assert [e.cameo for e in coder.code_text(text, "t", date=date)] == [code]


def test_what_is_made_harder_to_do_is_not_done(coder):
    evs = coder.code_text("Ukrainian military bloggers said the loss of US intelligence data was making it harder "
                          "to strike Russian artillery.", "t", date="2025-03-08")
    assert not any(e.plover == "ASSAULT" for e in evs)


def test_calling_something_a_name_is_not_calling_a_ceasefire(coder):
    evs = coder.code_text("Ukrainian lawmakers called the pause an attempt to pressure Kyiv into capitulation.", "t",
                          date="2025-03-04")
    assert not any(e.cameo == "0871" for e in evs)
    assert [e.cameo for e in coder.code_text("Hamas called a ceasefire on Sunday.", "t", date="2021-05-20")] == ["0871"]


def test_the_subject_of_ready_to_is_the_copulas(coder):
    evs = coder.code_text("Russia is ready to hold talks with Ukraine.", "t", date="2022-03-01")
    # a readiness to meet is an intent to meet (036, AGREE in PLOVER), per both labelling guides
    assert [(e.plover, e.cameo, e.source.country, e.target.country, e.modality) for e in evs] == [
        ("AGREE", "036", "RUS", "UKR", "intent")]
