"""Cooperative and verbal event types (CAMEO 02-10): stated intents, appeals, aid, concessions."""


def _events(coder, text):
    return [e for e in coder.code_text(text, "t", date="2019-07-20") if not e.negated]


def _pairs(coder, text):
    return sorted((e.plover, e.source.country, e.target.country if e.target else None)
                  for e in _events(coder, text))


def test_readiness_to_cooperate_is_an_intent(coder):
    evs = _events(coder, "Germany is prepared to send tanks to Ukraine.")
    assert [(e.plover, e.source.country, e.target.country, e.modality) for e in evs] == [
        ("AGREE", "DEU", "UKR", "intent")]
    assert evs[0].cameo.startswith("03")


def test_willingness_to_work_with_others_is_an_intent(coder):
    pairs = _pairs(coder, "Iran is ready to work with anyone who is serious about peace, the president said.")
    assert [p[:2] for p in pairs] == [("AGREE", "IRN")]


def test_a_plan_to_send_aid_is_an_intent(coder):
    assert _pairs(coder, "Britain is planning to send aid to Sudan.") == [("AGREE", "GBR", "SDN")]


def test_readiness_to_attack_keeps_its_type(coder):
    # only cooperative acts offered become 03x; violence stays itself, intended
    evs = _events(coder, "Turkey is ready to attack the Kurdish militias, Erdogan said.")
    assert evs and all(e.plover != "AGREE" for e in evs)


def test_not_planning_to_cooperate_is_a_refusal(coder):
    assert _pairs(coder, "Britain is not planning to send aid to Sudan.") == [("REJECT", "GBR", "SDN")]


def test_not_willing_is_a_refusal_through_the_copula(coder):
    assert _pairs(coder, "Japan is not willing to lift sanctions on North Korea.") == [("REJECT", "JPN", "PRK")]
