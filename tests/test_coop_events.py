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


def test_handing_over_property_is_a_concession(coder):
    assert ("CONCEDE", "DEU", "NGA") in _pairs(coder, "Germany handed over 20 looted bronzes to Nigeria.")


def test_handing_over_a_suspect_stays_judicial_cooperation(coder):
    assert _pairs(coder, "Turkey handed over the suspect to Germany.") == [("COOPERATE", "TUR", "DEU")]


def test_restoring_cut_services_eases_restrictions(coder):
    evs = _events(coder, "Indian authorities restored telephone services in Kashmir after a 12-day blackout.")
    assert [(e.cameo, e.source.country) for e in evs] == [("081", "IND")]


def test_lifting_an_emergency_is_a_concession(coder):
    evs = _events(coder, "Assad lifted Syria's 48-year state of emergency.")
    assert [(e.plover, e.source.country) for e in evs] == [("CONCEDE", "SYR")]


def test_accepting_a_resolution_is_a_concession_and_refusing_one_a_rejection(coder):
    assert ("CONCEDE", "IRQ", "IGO") in _pairs(coder, "Iraq accepted a UN Security Council resolution.")
    assert [p[:2] for p in _pairs(coder, "China said it would not accept the tribunal's ruling.")] == [
        ("REJECT", "CHN")]


def test_released_funds_are_aid(coder):
    assert ("AID", "IGO", "MOZ") in _pairs(coder, "The EU released €3.5m in emergency aid to Mozambique.")


def test_backing_an_armed_force_or_its_offensive_is_aid(coder):
    assert ("AID", "RUS", "SYR") in _pairs(coder, "Russia backed the Syrian army's offensive on Idlib.")
    assert [p[:2] for p in _pairs(coder, "Turkey has been supporting the training of a rebel army in Syria.")] == [
        ("AID", "TUR")]


def test_backing_a_resolution_stays_verbal_support(coder):
    assert [p[:2] for p in _pairs(coder, "France backed the UN resolution on Syria.")] == [("SUPPORT", "FRA")]


def test_who_backs_whom_in_a_relative_clause_is_background(coder):
    pairs = _pairs(coder, "Russia demanded that Turkey, which backs Syria's opposition fighters, do more.")
    assert not [p for p in pairs if p[0] in ("AID", "SUPPORT")]


def test_a_religious_leaders_appeal_is_coded(coder):
    pairs = _pairs(coder, "Pope Francis called for renewed dialogue between Israelis and Palestinians.")
    assert {p[0] for p in pairs} == {"REQUEST"} and {p[2] for p in pairs} == {"ISR", "PSE"}


def test_protesters_appeal_is_coded_but_not_private_pleas(coder):
    pairs = _pairs(coder, "Thousands of Sudanese protesters began a sit-in in Khartoum, calling on the military "
                          "to side with them.")
    assert ("REQUEST", "SDN", "SDN") in pairs
    assert not [p for p in _pairs(coder, "Some Iraqi family members are pleading with Britain to take them in.")
                if p[0] == "REQUEST"]


def test_forces_pouring_into_a_city_are_deployed(coder):
    assert [p[:2] for p in _pairs(coder, "Chinese paramilitary police poured into Lhasa after riots.")] == [
        ("MOBILIZE", "CHN")]


def test_abandoned_positions_are_a_retreat(coder):
    evs = _events(coder, "The rebels moved into positions abandoned by the Syrian army.")
    assert ("RETREAT", "SYR") in [(e.plover, e.source.country) for e in evs]


def test_resumed_transit_and_coordinated_strikes_are_cooperation(coder):
    assert ("COOPERATE", "RUS", "UKR") in _pairs(coder, "Russia resumed gas transit through Ukraine.")
    pairs = _pairs(coder, "Egypt and Israel are quietly coordinating air strikes against militants in Sinai.")
    assert ("COOPERATE", "EGY", "ISR") in pairs and ("COOPERATE", "ISR", "EGY") in pairs
    assert not [p for p in pairs if p[0] == "ASSAULT" and p[2] in ("EGY", "ISR")]


def test_pledged_money_is_a_promise_of_aid_not_aid(coder):
    evs = _events(coder, "Japan promised $5bn in civilian aid to Afghanistan over five years.")
    assert [(e.cameo, e.source.country, e.target.country) for e in evs] == [("033", "JPN", "AFG")]
    evs = _events(coder, "Saudi Arabia pledged $100m to the UN relief agency.")
    assert [(e.plover, e.source.country) for e in evs] == [("AGREE", "SAU")]


def test_a_sum_of_money_handed_over_is_aid(coder):
    assert ("AID", "SAU", "YEM") in _pairs(coder, "Saudi Arabia deposited $3bn with Yemen's central bank.")


def test_peacekeepers_arriving_are_protection_not_a_visit(coder):
    evs = _events(coder, "The first Ugandan peacekeepers of the African Union mission arrived in Mogadishu.")
    assert [(e.cameo, e.source.country, e.target.country) for e in evs] == [("074", "UGA", "SOM")]
    assert [e.plover for e in _events(coder, "Putin arrived in Beijing on Tuesday.")] == ["CONSULT"]


def test_a_meeting_one_is_set_to_host_is_an_intent_to_meet(coder):
    evs = _events(coder, "Putin is set to host Erdogan in Sochi next week.")
    assert [(e.cameo, e.source.country, e.target.country) for e in evs] == [("036", "RUS", "TUR")]


def test_sending_an_official_somewhere_is_a_visit(coder):
    assert _pairs(coder, "Washington sent its top diplomat to Beijing.") == [("CONSULT", "USA", "CHN")]


def test_trying_to_persuade_is_an_appeal(coder):
    evs = _events(coder, "Macron is trying to convince Germany to send more tanks to Ukraine.")
    assert [(e.plover, e.source.country, e.target.country) for e in evs] == [("REQUEST", "FRA", "DEU")]


def test_a_successful_persuasion_reports_the_act(coder):
    assert _pairs(coder, "Macron convinced Germany to send more tanks to Ukraine.") == [("AID", "DEU", "UKR")]


def test_seeking_a_pledge_from_someone_is_an_appeal_to_them(coder):
    evs = _events(coder, "Ankara tried to extract a pledge from Washington to halt the supply of weapons to the Kurds.")
    assert [(e.plover, e.source.country, e.target.country) for e in evs] == [("REQUEST", "TUR", "USA")]


def test_talks_offered_are_not_talks_held(coder):
    pairs = _pairs(coder, "China has offered to host peace talks between Russia and Ukraine.")
    assert {p[0] for p in pairs} == {"AGREE"} and ("AGREE", "CHN", "UKR") in pairs


def test_ordering_a_mission_or_diplomats_to_leave_is_an_expulsion(coder):
    evs = _events(coder, "Mali's junta ordered the UN peacekeeping mission to leave the country.")
    assert [(e.plover, e.cameo, e.source.country) for e in evs] == [("SANCTION", "166", "MLI")]
    evs = _events(coder, "Moscow ordered 23 British diplomats to leave the country.")
    assert [(e.cameo, e.source.country, e.target.country) for e in evs] == [("161", "RUS", "GBR")]


def test_ordering_someone_to_act_stays_a_demand(coder):
    evs = _events(coder, "Germany ordered Russia to release the detained journalists.")
    assert evs and all(e.plover == "REQUEST" for e in evs)


def test_a_round_of_talks_ended_or_talks_concluded_were_held(coder):
    evs = _events(coder, "The UN envoy ended a first round of talks in Geneva between Syria's government and the opposition.")
    assert evs and {e.plover for e in evs} == {"CONSULT"}
    assert ("CONSULT", "IRN", "USA") in _pairs(coder, "Iran and the US concluded talks in Oman on Saturday.")
    assert [p[0] for p in _pairs(coder, "Russia ended talks with Ukraine.")] == ["SANCTION"]


def test_brokering_a_ceasefire_is_mediation_and_the_parties_cease_fire(coder):
    pairs = _pairs(coder, "Qatar brokered a truce between Israel and Hamas on Friday.")
    assert ("CONSULT", "QAT", "ISR") in pairs and ("CONSULT", "QAT", "PSE") in pairs
    assert ("RETREAT", "ISR", "PSE") in pairs and not [p for p in pairs if p[:2] == ("RETREAT", "QAT")]


def test_freeing_a_number_of_nationals_is_a_release(coder):
    assert _pairs(coder, "North Korea freed three Americans.") == [("CONCEDE", "PRK", "USA")]
    assert [(e.cameo, e.plover) for e in _events(coder, "Iran agreed to release five Americans.")] == [
        ("035", "AGREE")]


def test_a_titled_name_is_matched_by_its_title(coder):
    evs = _events(coder, "Sudan's military reinstated Prime Minister Abdalla Hamdok under a deal.")
    assert [(e.plover, e.source.country) for e in evs] == [("CONCEDE", "SDN")]
