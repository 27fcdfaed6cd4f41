"""Conflictual events (CAMEO 11-20): diplomatic protests, legal and verbal disapproval, violence nouns."""


def _events(coder, text):
    return sorted((e.plover, e.cameo, e.source.country, e.target.country if e.target else None)
                  for e in coder.code_text(text, "t", date="2019-07-20") if not e.negated)


def _types(coder, text):
    return {e[0] for e in _events(coder, text)}


def test_a_government_protesting_makes_a_diplomatic_protest(coder):
    events = _events(coder, "Beijing summoned Norway's ambassador to protest against the award.")
    assert "PROTEST" not in {e[0] for e in events}
    assert any(e[0] == "ACCUSE" and e[2] == "CHN" and e[3] == "NOR" for e in events)


def test_people_protesting_stay_protesters(coder):
    events = _events(coder, "Students in Tehran protested against the government's new law.")
    assert any(e[0] == "PROTEST" and e[2] == "IRN" for e in events)


def test_ending_a_round_of_talks_is_not_breaking_them_off(coder):
    assert "SANCTION" not in _types(coder, "Afghan politicians and Taliban officials ended two days of talks "
                                           "in Doha by agreeing on a road map for peace.")


def test_breaking_off_talks_is_still_a_sanction(coder):
    assert "SANCTION" in _types(coder, "Pakistan suspended talks with India after the attack in Kashmir.")
