"""Cooperative verbal types on news phrasing: help offered or promised (03x), assurances, corridors."""


def _events(coder, text):
    return [e for e in coder.code_text(text, "t", date="2022-03-10") if not e.negated]


def _coded(coder, text):
    return sorted((e.cameo[:2], e.plover, e.source.country, e.target.country if e.target else None)
                  for e in _events(coder, text))


def test_a_vow_to_help_is_a_promise_not_a_threat(coder):
    assert _coded(coder, "Britain vowed to help Ukraine.") == [("03", "AGREE", "GBR", "UKR")]


def test_readiness_to_help_is_an_intent(coder):
    assert _coded(coder, "Germany is ready to help Ukraine.") == [("03", "AGREE", "DEU", "UKR")]


def test_helping_is_aid(coder):
    assert _coded(coder, "Germany helped France.") == [("07", "AID", "DEU", "FRA")]


def test_would_help_create_a_corridor_is_an_intent(coder):
    evs = _events(coder, "Russia would also help create an evacuation route for civilians, he added.")
    assert [(e.cameo[:2], e.source.country, e.modality) for e in evs] == [("03", "RUS", "intent")]


def test_assurance_of_a_future_act_is_a_promise(coder):
    assert _coded(coder, "Biden assured Zelensky that Washington would send more weapons to Kyiv.") == [
        ("03", "AGREE", "USA", "UKR")]


def test_assurance_of_support_is_support(coder):
    evs = _events(coder, "Biden assured Zelensky of US support.")
    assert [(e.cameo, e.source.country, e.target.country) for e in evs] == [("051", "USA", "UKR")]


def test_a_vow_to_respond_stays_a_threat(coder):
    evs = _events(coder, "Iran vowed to respond to the killing of its general.")
    assert [(e.plover, e.source.country) for e in evs] == [("THREATEN", "IRN")]


def test_a_vow_to_stand_by_an_ally_is_a_promise(coder):
    assert _coded(coder, "Biden vowed to stand by Ukraine.") == [("03", "AGREE", "USA", "UKR")]


def test_a_vow_with_a_hostile_complement_stays_a_threat(coder):
    evs = _events(coder, "Erdogan vowed to drive the YPG out of Afrin.")
    assert [(e.plover, e.source.country) for e in evs] == [("THREATEN", "TUR")]


def test_a_vow_to_veto_stays_a_threat(coder):
    evs = _events(coder, "Obama vowed to veto any attempt by Congress to block the deal.")
    assert [(e.plover, e.source.country) for e in evs] == [("THREATEN", "USA")]


def test_floating_the_idea_of_a_cooperative_act_is_an_intent(coder):
    evs = _events(coder, "Emirati officials began to refloat the idea of restoring ties with Assad.")
    assert [(e.cameo[:2], e.source.country, e.target.country, e.modality) for e in evs] == [
        ("03", "ARE", "SYR", "intent")]


def test_rejecting_the_idea_of_a_cooperative_act_is_one_rejection(coder):
    assert _coded(coder, "Netanyahu rejected the idea of restoring ties with Iran.") == [
        ("12", "REJECT", "ISR", "IRN")]


def test_putting_faith_in_someone_is_support(coder):
    assert _coded(coder, "Erdogan expressed confidence in Putin.") == [("05", "SUPPORT", "TUR", "RUS")]
    assert _coded(coder, "The Syrian opposition still put its faith in the UN.") == [("05", "SUPPORT", "SYR", "IGO")]


def test_an_offer_to_mediate_is_039(coder):
    evs = _events(coder, "Russia offered to mediate between Armenia and Azerbaijan.")
    assert {e.cameo for e in evs} == {"039"}
    assert {e.source.country for e in evs} == {"RUS"}


def test_promising_weapons_is_an_intent_to_give_aid(coder):
    assert [e.cameo for e in _events(coder, "Germany promised Ukraine more tanks.")] == ["033"]
