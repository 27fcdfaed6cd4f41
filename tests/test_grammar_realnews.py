"""Grammatical shapes of real news sentences, coded end to end with the real pipeline."""
from __future__ import annotations


def code(coder, text):
    return [e for e in coder.code_text(text, "t", date="2020-01-01") if not e.negated]


def acts(events):
    """(PLOVER type, source country, target country or None) of each event."""
    return {(e.plover, e.source.country, e.target.country if e.target else None) for e in events}


def triggers(events):
    return {e.trigger.split()[0].lower() for e in events}


# -- lists of acts sharing one subject -------------------------------------------------------------
def test_list_of_acts_each_coded(coder):
    evs = code(coder, "Russian forces have shelled towns in Idlib, bombed hospitals and besieged Aleppo.")
    assert {"shelled", "bombed"} <= triggers(evs)
    assert all(e.source.country == "RUS" and e.plover == "ASSAULT" for e in evs)


def test_second_act_with_own_object_coded(coder):
    evs = code(coder, "Syrian government forces have repeatedly hit civilian targets including hospitals, "
                      "used chemical weapons and starvation sieges in their battles.")
    assert {"hit", "used"} <= triggers(evs)


def test_listed_state_participles_are_not_acts(coder):
    evs = code(coder, "The Syrian army evacuated civilians from Aleppo, wounded soldiers and displaced families.")
    assert "wounded" not in triggers(evs) and "displaced" not in triggers(evs)


# -- nominal events as subjects ------------------------------------------------------------------
def test_owned_nominal_subject_of_risk_happened(coder):
    evs = code(coder, "Turkey's incursion into Afrin risks a confrontation with the United States.")
    assert ("ASSAULT", "TUR", "SYR") in acts(evs)


def test_indefinite_nominal_subject_of_risk_is_possibility(coder):
    evs = code(coder, "A clash between Russian and Ukrainian troops risks a wider war in Europe.")
    assert not any(e.plover == "ASSAULT" and e.modality == "action" for e in evs)


# -- conditions -----------------------------------------------------------------------------------
def test_future_hostile_act_on_condition_is_threat(coder):
    evs = code(coder, "The United States will impose sanctions on Turkey if it attacks Kurdish forces.")
    assert ("THREATEN", "USA", "TUR") in acts(evs)
    assert not any(e.plover in ("SANCTION", "ASSAULT") for e in evs)


def test_reported_conditional_retaliation_is_threat(coder):
    evs = code(coder, "Iran would strike Israeli bases if the US attacked, a Revolutionary Guards commander said.")
    assert ("THREATEN", "IRN", "ISR") in acts(evs)
    assert not any(e.plover == "ASSAULT" for e in evs)


def test_writers_conditional_speculation_not_coded(coder):
    evs = code(coder, "Russia would lose its naval base in Syria if Assad fell.")
    assert not evs


def test_condition_itself_not_an_act(coder):
    evs = code(coder, "Israel means to destroy Iranian bases in Syria if they are used to attack its territory.")
    assert not any(e.plover == "ASSAULT" and e.modality == "action" for e in evs)


# -- reported speech ------------------------------------------------------------------------------
def test_second_act_of_the_speaker_after_reported_clause(coder):
    evs = code(coder, "Assad said his troops would liberate every inch of the country and warned "
                      "Kurdish forces not to rely on US protection.")
    assert ("THREATEN", "SYR", "SYR") in acts(evs)
    assert all(e.modality != "hypothetical" for e in evs)


def test_speaker_after_the_report(coder):
    evs = code(coder, "Turkish jets bombed Kurdish positions in Afrin on Sunday, the Syrian Observatory for "
                      "Human Rights said.")
    assert ("ASSAULT", "TUR", "SYR") in acts(evs)


# -- event nouns and their doers --------------------------------------------------------------------
def test_event_noun_subject_lends_its_doer(coder):
    evs = code(coder, "The strikes, carried out by Israeli jets overnight, hit Iranian positions near Damascus.")
    assert any(e.plover == "ASSAULT" and e.source.country == "ISR" for e in evs)


def test_by_phrase_after_event_noun_names_doers(coder):
    evs = code(coder, "Volunteers have helped to rescue civilians in Idlib from airstrikes by Russia and US-led forces.")
    doers = {e.source.country for e in evs if e.plover == "ASSAULT"}
    assert doers >= {"RUS", "USA"}


def test_bombing_by_named_doer_is_one_event(coder):
    evs = code(coder, "The bombing of Raqqa by US-led forces killed hundreds of civilians.")
    assert [e.source.country for e in evs if e.plover == "ASSAULT"] == ["USA"]


def test_backed_forces_do_not_take_the_backer_as_doer(coder):
    evs = code(coder, "Kurdish-led forces, backed by US air support, have been fighting Isis in eastern Syria.")
    assert not any(e.plover == "ASSAULT" and e.source.country == "USA" for e in evs)


# -- acts named by a decision noun ----------------------------------------------------------------
def test_decision_to_act_is_the_owners_intended_act(coder):
    evs = code(coder, "Donald Trump's sudden decision to withdraw 2,000 US troops from Syria stunned his allies.")
    assert ("RETREAT", "USA", "SYR") in acts(evs)
    evs = code(coder, "The US decision to reimpose sanctions on Iran has angered Baghdad.")
    assert ("SANCTION", "USA", "IRN") in acts(evs)


def test_decision_not_to_act_is_a_refusal(coder):
    evs = code(coder, "The Turkish court's decision not to extradite the Australian will anger Canberra.")
    assert any(e.plover == "REJECT" and e.source.country == "TUR" for e in evs)


def test_unowned_plan_stays_unreported(coder):
    evs = code(coder, "A decision to withdraw troops from Syria would alarm Israel.")
    assert not any(e.plover == "RETREAT" for e in evs)


def test_relative_owner_of_event_noun(coder):
    evs = code(coder, "Isis was originally an offshoot of al-Qaida, whose attacks on New York and Washington "
                      "sparked the war on terror.")
    assert any(e.plover == "ASSAULT" and e.source.country == "IMG" and e.target and e.target.country == "USA"
               for e in evs)


def test_owned_event_noun_subject_of_modal_judgement_happened(coder):
    evs = code(coder, "Mr Trump's recent threats against Iran should perhaps be seen as an attempt at pushback.")
    assert ("THREATEN", "USA", "IRN") in acts(evs)


def test_event_noun_subject_of_modal_occurrence_is_hypothetical(coder):
    evs = code(coder, "North Korea's negotiator said the six-party talks could resume before the summer.")
    assert not any(e.plover == "CONSULT" for e in evs)
    evs = code(coder, "An attack on Iran could trigger a regional war.")
    assert not any(e.plover == "ASSAULT" for e in evs)


def test_under_assault_from(coder):
    evs = code(coder, "Kurdish militias in Syria are under assault from Turkey.")
    assert ("ASSAULT", "TUR", "SYR") in acts(evs)
    evs = code(coder, "Aleppo came under heavy bombardment by Russian jets on Sunday.")
    assert ("ASSAULT", "RUS", "SYR") in acts(evs)


# -- participial clauses --------------------------------------------------------------------------
def test_perfect_participle_clause_takes_main_subject(coder):
    evs = code(coder, "Having captured Raqqa, the Kurdish-led SDF advanced on Deir ez-Zor.")
    assert any(e.trigger.startswith("captured") and e.source.country == "SYR" for e in evs)


def test_participle_after_comma_shares_subject(coder):
    evs = code(coder, "France condemned the strikes, accusing Russia of war crimes in Aleppo.")
    assert ("ACCUSE", "FRA", "RUS") in acts(evs)


def test_denied_that_clause_is_negated(coder):
    evs = coder.code_text("Iran denied that it had supplied the Houthis with missiles.", "t", date="2020-01-01")
    assert all(e.negated for e in evs if e.plover == "AID")


def test_impersonal_infinitive_claim_is_no_statement(coder):
    evs = code(coder, "Isis lost Raqqa in October. It is much too soon to claim that Isis has been beaten for good.")
    assert not any(e.plover == "STATEMENT" and "claim" in e.trigger for e in evs)


def test_words_after_colon_are_what_was_said(coder):
    evs = code(coder, "Trump has tweeted with his customary dignity: “President Putin, Russia and Iran are "
                      "responsible for backing Animal Assad.")
    assert ("ACCUSE", "USA", "RUS") in acts(evs) and ("ACCUSE", "USA", "IRN") in acts(evs)


# -- passives ---------------------------------------------------------------------------------------
def test_agentless_passive_done_in_a_named_attack(coder):
    evs = code(coder, "Two Turkish soldiers were killed in a Kurdish attack in Afrin.")
    assert ("ASSAULT", "SYR", "TUR") in acts(evs)


def test_passive_with_coordinated_agents(coder):
    evs = code(coder, "Kurdish fighters in Syria were attacked by Turkish troops and Syrian rebels.")
    assert ("ASSAULT", "TUR", "SYR") in acts(evs)
    assert all(e.target is None or e.target.country == "SYR" for e in evs)


def test_warning_of_own_future_strike_is_one_threat_at_the_struck(coder):
    evs = code(coder, "Erdogan warned that Turkey would strike Kurdish militias in Manbij.")
    threats = [e for e in evs if e.plover == "THREATEN"]
    assert len(threats) == 1 and threats[0].target.country == "SYR"


def test_warning_that_own_side_would_respond_is_not_aimed_at_itself(coder):
    evs = code(coder, "Lavrov accused Washington of meddling and warned that Moscow would respond.")
    assert not any(e.plover == "THREATEN" and e.target and e.target.country == "RUS" for e in evs)


def test_by_phrase_after_time_phrase_is_the_passive_agent(coder):
    evs = code(coder, "Alexanda Kotey, who was captured at the start of this year by the Syrian Democratic Forces, "
                      "is alleged to have been a member of the cell.")
    assert any(e.plover == "COERCE" and e.source.country == "SYR" for e in evs)


def test_present_passive_relative_clause_is_a_standing_state(coder):
    evs = code(coder, "Turkey is fighting the PKK, which is listed as a terrorist group by Nato, the US and the EU.")
    assert not any(e.plover == "ACCUSE" for e in evs)


def test_event_noun_modifying_a_noun_is_not_an_event(coder):
    evs = code(coder, "Britain extradited a Rwandan genocide suspect to Kigali on Wednesday.")
    assert not any(e.plover == "ASSAULT" for e in evs)


def test_event_ahead_of_which_something_happens_is_not_news(coder):
    evs = code(coder, "Amnesty International called on Saudi Arabia to free jailed activists ahead of the G20 summit.")
    assert not any(e.plover == "CONSULT" for e in evs)


# -- relative clauses -------------------------------------------------------------------------------
def test_nonrestrictive_relative_clause_act_is_news(coder):
    evs = code(coder, "Russia, which has bombed rebel areas in Syria, denied the claims.")
    assert any(e.plover == "ASSAULT" and e.source.country == "RUS" for e in evs)


def test_identifying_relative_clause_is_not_news(coder):
    evs = code(coder, "The Libyan minister said the gunmen who stormed the US consulate in Benghazi had numbered in the dozens.")
    assert not any(e.plover == "ASSAULT" for e in evs)


# -- announced future acts --------------------------------------------------------------------------
def test_reported_would_is_announced_not_speculated(coder):
    evs = code(coder, "Donald Trump announced that the US was pulling out of the Iran nuclear deal and would "
                      "reimpose sanctions.")
    assert ("SANCTION", "USA", "IRN") in acts(evs)


def test_reported_would_under_condition_stays_hypothetical(coder):
    evs = code(coder, "Trump said the US would reimpose sanctions on Iran if Tehran resumed enrichment.")
    assert not any(e.plover == "SANCTION" for e in evs)


def test_what_a_document_would_authorise_is_not_an_act(coder):
    evs = code(coder, "France threatened to veto any new UN resolution authorising war against Iraq.")
    assert not any(e.plover == "ASSAULT" for e in evs)


def test_demand_with_penalty_is_also_an_ultimatum(coder):
    evs = code(coder, "President Bush demanded that Saddam Hussein leave Iraq within 48 hours or face military action.")
    assert ("THREATEN", "USA", "IRQ") in acts(evs) and ("REQUEST", "USA", "IRQ") in acts(evs)


def test_bare_plural_event_named_by_doer_happened(coder):
    evs = code(coder, "Syrian army advances near Daraa could cut the rebel territory in two.")
    assert any(e.plover == "ASSAULT" and e.source.country == "SYR" for e in evs)


def test_reciprocal_object_pairs_the_subjects(coder):
    evs = code(coder, "Armenia and Azerbaijan accused each other of violating the ceasefire.")
    assert {("ACCUSE", "ARM", "AZE"), ("ACCUSE", "AZE", "ARM")} <= acts(evs)
    evs = code(coder, "Israel and Hezbollah traded fire with one another across the border.")
    assert all(e.target is not None for e in evs if e.plover == "ASSAULT")


def test_what_an_attack_destroys_is_the_attack(coder):
    evs = code(coder, "Russian air strikes destroyed two hospitals in Idlib.")
    assert [e.plover for e in evs] == ["ASSAULT"] and evs[0].source.country == "RUS"


def test_truce_signed_with_a_party_binds_both(coder):
    evs = code(coder, "Myanmar's government signed a ceasefire with eight ethnic armed groups.")
    assert len([e for e in evs if e.plover == "RETREAT"]) == 2


def test_act_judged_right_is_not_done(coder):
    evs = code(coder, "The British minister told MPs it was right to provide help to Syrian refugees.")
    assert not any(e.plover == "AID" for e in evs)


def test_obligation_of_everybody_is_no_appeal(coder):
    evs = code(coder, "The UN envoy said people must be careful about calling it an Arab v Kurdish conflict.")
    assert not any(e.plover == "REQUEST" for e in evs)


def test_cue_said_of_the_object_aims_at_the_object(coder):
    evs = code(coder, "Iran's foreign ministry said on Sunday that Tehran held Israel responsible for the killing "
                      "of the scientist.")
    assert ("ACCUSE", "IRN", "ISR") in acts(evs)


def test_definite_decision_without_owner_takes_the_actor_in_the_news(coder):
    evs = code(coder, "A Turkish court ruled on Friday in the case of the Australian. "
                      "The decision not to extradite him will come as a shock to Australian authorities.")
    assert any(e.plover == "REJECT" for e in evs)


# -- infinitival relatives --------------------------------------------------------------------------
def test_first_to_act_did_it(coder):
    evs = code(coder, "Germany was the first country to recognise Croatia.")
    assert ("SUPPORT", "DEU", "HRV") in acts(evs)


def test_infinitive_saying_what_something_is_for_is_not_done(coder):
    evs = code(coder, "Turkey wants a force to fight Kurdish militias in Syria.")
    assert not any(e.plover == "ASSAULT" for e in evs)


def test_simple_present_relative_clause_is_a_standing_state(coder):
    evs = code(coder, "The YPG branch in Afrin has sought the aid of a government the US officially seeks to overthrow.")
    assert not any(e.plover == "COERCE" for e in evs)
    evs = code(coder, "Hamas, which governs Gaza, fired rockets at Tel Aviv.")
    assert {e.plover for e in evs} == {"ASSAULT"}


def test_dative_target_excludes_its_relative_clause(coder):
    evs = code(coder, "Mexico granted asylum to Bolivia's former president, Evo Morales, who flew to Mexico City "
                      "aboard a Mexican air force plane.")
    assert all(e.target is not None and e.target.country == "BOL" for e in evs)


def test_what_a_vetoed_resolution_says_is_not_an_act(coder):
    evs = code(coder, "Russia and China vetoed a Security Council resolution that threatened Syria with sanctions "
                      "over its crackdown on protesters.")
    assert {e.plover for e in evs} == {"REJECT"}


def test_apposition_restating_the_clause_is_not_a_second_event(coder):
    evs = code(coder, "US warplanes struck Isis artillery positions near Erbil on Friday, the Pentagon said, "
                      "the first American air strikes in Iraq since 2011.")
    assert len([e for e in evs if e.plover == "ASSAULT"]) == 1


def test_strikes_carried_out_are_attacks(coder):
    evs = code(coder, "Israel has carried out hundreds of strikes in Syria, mostly against Iranian targets.")
    assert ("ASSAULT", "ISR", "IRN") in acts(evs)
    evs = code(coder, "Workers staged strikes in Tehran over unpaid wages.")
    assert not any(e.plover == "ASSAULT" for e in evs)


def test_parse_repairs_leave_the_callers_document_alone(coder):
    from realpolitik.events.grammar import parse_frames

    doc = coder.nlp("Russian forces have shelled towns in Idlib, bombed hospitals and besieged Aleppo.")
    heads = [(t.dep_, t.head.i) for t in doc]
    parse_frames(doc[:], coder.lexicon)
    assert [(t.dep_, t.head.i) for t in doc] == heads


def test_call_for_talks_between_parties_aims_at_them(coder):
    evs = code(coder, "The EU called for talks between Serbia and Kosovo.")
    assert {("REQUEST", "IGO", "SRB"), ("REQUEST", "IGO", "XKX")} <= acts(evs)


def test_at_someones_request_the_subject_was_asked(coder):
    evs = code(coder, "Uganda agreed to temporarily host 2,000 Afghan evacuees at Washington's request.")
    assert ("REQUEST", "USA", "UGA") in acts(evs)


def test_saying_ones_own_side_carried_out_an_attack_claims_it(coder):
    evs = code(coder, "Islamic State said through its Amaq news agency that one of its soldiers had carried out "
                      "the bombing at Manchester Arena.")
    assert [e.cameo for e in evs] == ["015"] and evs[0].source.country == "IMG"


def test_army_reporting_its_own_strikes_reports_the_strikes(coder):
    evs = code(coder, "The Turkish army said its jets had struck 20 Kurdish targets in Afrin.")
    assert ("ASSAULT", "TUR", "SYR") in acts(evs)


def test_violent_relative_clause_on_a_place_belongs_to_the_event(coder):
    evs = coder.code_text("Islamic State Khorasan claimed responsibility for the suicide bombing outside Kabul "
                          "airport that killed 13 American service members.", "t", date="2021-08-27")
    assert not any(e.source.country == "AFG" for e in evs)
    assert any(e.cameo == "015" and e.source.country == "IMG" for e in evs)
