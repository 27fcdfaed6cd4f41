"""Coder cases: which phrase becomes source and target (patients of demanded acts, own troops)."""


def _pairs(coder, text):
    return sorted((e.plover, e.source.country, e.target.country if e.target else None)
                  for e in coder.code_text(text, "t", date="2019-07-20") if not e.negated)


def test_demanded_release_is_aimed_at_the_holder(coder):
    pairs = _pairs(coder, "Britain demanded the immediate release of the British-flagged tanker, "
                          "seized by Iranian forces in the Strait of Hormuz.")
    assert ("REQUEST", "GBR", "IRN") in pairs
    assert ("REQUEST", "GBR", "GBR") not in pairs


def test_demanded_expulsion_is_not_aimed_at_the_expelled(coder):
    pairs = _pairs(coder, "Protesters in Khartoum demanded the expulsion of the German ambassador.")
    assert [p for p in pairs if p[0] == "REQUEST"] == [("REQUEST", "SDN", "SDN")]


def test_demanded_withdrawal_stays_aimed_at_the_withdrawing(coder):
    pairs = _pairs(coder, "Lebanese opposition leaders demanded the withdrawal of Syrian troops.")
    assert ("REQUEST", "LBN", "SYR") in pairs


def test_threat_against_troops_is_not_against_own_army(coder):
    pairs = _pairs(coder, "Turkey said it would hit back at the troops if they attacked the Kurdish fighters.")
    assert [p for p in pairs if p[0] == "THREATEN"] and all(
        t != "TUR" for k, s, t in pairs if k == "THREATEN")


def test_deploying_forces_is_aimed_at_the_rival(coder):
    pairs = _pairs(coder, "The United States has moved eight warships into the southern Caribbean "
                          "off Venezuela.")
    assert ("MOBILIZE", "USA", "USA") not in pairs


def test_arresting_own_soldiers_stays_domestic(coder):
    pairs = _pairs(coder, "Turkish authorities detained about 6,000 soldiers after the coup attempt.")
    assert ("COERCE", "TUR", "TUR") in pairs


def test_listed_doers_hung_as_apposition_all_attack(coder):
    pairs = _pairs(coder, "Volunteers rescue civilians from airstrikes by the Syrian regime, Russia and "
                          "US-led forces.")
    attackers = {s for k, s, t in pairs if k == "ASSAULT"}
    assert {"SYR", "RUS", "USA"} <= attackers
    assert ("ASSAULT", "SYR", "RUS") not in pairs


def test_target_named_in_the_doers_clause_is_kept(coder):
    pairs = _pairs(coder, "Turkey, one of the bodies sponsoring the Syrian National Council, had been "
                          "urging it to attend the conference in Sochi.")
    assert ("REQUEST", "TUR", "RUS") not in pairs


def test_reporter_of_the_sentence_is_not_the_target(coder):
    pairs = _pairs(coder, "Pyongyang refused to discuss its nuclear programme, Chinese diplomats said "
                          "after a visit to the North Korean capital.")
    assert ("REJECT", "PRK", None) in pairs


def test_where_the_doers_meet_is_not_whom_they_agree_with(coder):
    pairs = _pairs(coder, "G20 leaders meeting in London agreed to make an extra $1.1 trillion available "
                          "through the IMF.")
    assert ("AGREE", "IGO", "GBR") not in pairs


def test_place_of_investigated_crimes_stays_the_target(coder):
    pairs = _pairs(coder, "ICC prosecutor Karim Khan said he had opened an investigation into possible "
                          "war crimes committed in Ukraine.")
    assert ("ACCUSE", "IGO", "UKR") in pairs


def test_doerless_airstrikes_are_a_states_not_a_town_or_jihadists(coder):
    events = coder.code_text("Russian jets bombed Idlib. Isis fighters attacked a checkpoint. "
                             "The airstrikes continued on Friday, Syrian officials said.", "t", date="2019-07-20")
    strikes = [e for e in events if e.trigger == "airstrikes"]
    assert strikes and all(e.source.country == "RUS" for e in strikes)


def test_own_town_in_an_agreement_is_not_the_partner(coder):
    pairs = _pairs(coder, "Damascus agreed to let UN convoys deliver medicine to the besieged city of Aleppo.")
    assert ("AGREE", "SYR", "SYR") not in pairs
    assert ("AGREE", "SYR", "IGO") in pairs


def test_cooperation_with_foreign_investigators_not_own_port(coder):
    pairs = _pairs(coder, "The Lebanese authorities promised to cooperate with French police investigators "
                          "examining the blast at Beirut port.")
    assert ("AGREE", "LBN", "FRA") in pairs


def test_mutual_act_not_between_a_state_and_its_own_minister(coder):
    pairs = _pairs(coder, "The foreign ministers of Turkey and Armenia, Ahmet Davutoğlu and Eduard "
                          "Nalbandian, signed protocols in Zurich to restore relations.")
    assert pairs and all(s != t for _, s, t in pairs)
    assert ("SUPPORT", "TUR", "ARM") in pairs and ("SUPPORT", "ARM", "TUR") in pairs


def test_mutual_act_between_same_state_rivals_kept(coder):
    pairs = _pairs(coder, "Afghan politicians and Taliban officials agreed on a road map for peace.")
    assert ("AGREE", "AFG", "AFG") in pairs


def test_violence_in_own_region_targets_that_state(coder):
    pairs = _pairs(coder, "Ministers told parliament that atrocities had been committed in Darfur by "
                          "Sudanese government-backed militias, the US said.")
    assert ("ASSAULT", "SDN", "SDN") in pairs
    assert ("ASSAULT", "SDN", "USA") not in pairs


def test_rebels_capturing_own_town(coder):
    pairs = _pairs(coder, "M23 rebels captured Goma, the main city in eastern Congo, after UN "
                          "peacekeepers withdrew.")
    assert ("ASSAULT", "COD", "COD") in pairs


def test_group_named_in_the_attacks_phrase_beats_the_place(coder):
    pairs = _pairs(coder, "Israel has carried out airstrikes aimed at stopping weapons transfers to "
                          "Hizbullah near the Golan Heights.")
    assert ("ASSAULT", "ISR", "LBN") in pairs
    assert ("ASSAULT", "ISR", "SYR") not in pairs
