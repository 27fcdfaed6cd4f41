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


def test_a_lower_case_event_word_tagged_as_a_name_is_still_an_event(coder):
    events = _events(coder, "The Russian-led air blitz has been the sum of all fears for the besieged "
                            "population of eastern Ghouta.")
    assert any(e[0] == "ASSAULT" and e[2] == "RUS" for e in events)


def test_a_prosecution_without_a_named_prosecutor_is_the_state_s(coder):
    events = _events(coder, "A former British soldier was prosecuted in Britain under terrorism legislation "
                            "for fighting against Islamic State in Syria.")
    assert any(e[0] == "ACCUSE" and e[2] == "GBR" for e in events)


def test_a_bare_accused_of_is_not_given_an_accuser(coder):
    events = _events(coder, "He is accused in Syria of committing a crime.")
    assert not any(e[0] == "ACCUSE" for e in events)


def test_a_warning_of_retaliation_is_aimed_at_the_side_named_in_the_condition(coder):
    events = _events(coder, "Imran Khan warned that Pakistan would retaliate if India attacked.")
    assert ("THREATEN", "138", "PAK", "IND") in events


def test_a_conditional_operation_is_a_threat(coder):
    events = _events(coder, "Erdogan said Turkey would launch a military operation if the Kurdish "
                            "militia did not withdraw from the border.")
    assert any(e[0] == "THREATEN" and e[2] == "TUR" for e in events)
    assert not any(e[0] == "ASSAULT" for e in events)


def test_a_conditional_deployment_is_a_threat_to_whom_the_condition_names(coder):
    events = _events(coder, "Donald Trump said he would deploy the military to American cities if "
                            "governors failed to stop violent protests.")
    assert ("THREATEN", "138", "USA", "USA") in events
    assert not any(e[0] == "MOBILIZE" for e in events)


def test_retaliation_done_with_a_named_attack_is_the_attack(coder):
    events = _events(coder, "Iran retaliated with missile strikes on US bases in Iraq.")
    assert any(e[0] == "ASSAULT" and e[2] == "IRN" and e[3] == "USA" for e in events)


def test_calling_a_measure_unjust_is_an_accusation(coder):
    events = _events(coder, "Iraq's government called the sanctions unjust in a letter to the United Nations.")
    assert any(e[0] == "ACCUSE" and e[2] == "IRQ" for e in events)


def test_cue_words_of_someone_else_s_relative_clause_make_no_accusation(coder):
    events = _events(coder, "The Danish government said it would send asylum seekers to centres in Africa, "
                            "a plan the Swedish government called unfair.")
    assert not any(e[0] == "ACCUSE" and e[2] == "DNK" for e in events)


def test_ordering_a_un_mission_to_leave_expels_it(coder):
    events = _events(coder, "Mali's junta ordered the UN peacekeeping mission to leave the country.")
    assert any(e[0] == "SANCTION" and e[2] == "MLI" and e[3] == "IGO" for e in events)
    assert not any(e[0] == "REQUEST" for e in events)


def test_ordering_one_s_troops_to_leave_is_no_expulsion(coder):
    assert "SANCTION" not in _types(coder, "The Malian army ordered its troops to leave the town of Kidal.")


def test_a_rebuke_after_what_was_said_is_the_sayer_s(coder):
    events = _events(coder, "Ibrahim Kalin said the YPG was a terrorist group, in a rebuke to John Bolton.")
    assert ("ACCUSE", "111", "TUR", "USA") in events
    assert not any(e[0] == "ACCUSE" and e[2] == "SYR" for e in events)


def test_criticism_voiced_by_a_minister_is_the_minister_s(coder):
    events = _events(coder, "The remarks fell short of the criticism of Turkish actions voiced by the French "
                            "foreign minister, Jean-Yves Le Drian.")
    assert any(e[0] == "ACCUSE" and e[2] == "FRA" and e[3] == "TUR" for e in events)


def test_a_naming_participle_after_what_was_said_is_the_sayer_s(coder):
    events = _events(coder, "Amnesty International said Egyptian police routinely torture detainees, "
                            "calling it a crime against humanity.")
    assert any(e[0] == "ACCUSE" and e[2] == "NGO" for e in events)
    assert not any(e[0] == "ACCUSE" and e[2] == "EGY" for e in events)


def test_a_deed_participle_after_what_was_said_stays_the_doer_s(coder):
    events = _events(coder, "The Syrian army said Islamic State fighters attacked a base in Idlib, "
                            "killing five soldiers.")
    assert any(e[0] == "ASSAULT" and e[2] == "IMG" for e in events)
    assert not any(e[0] == "ASSAULT" and e[2] == "SYR" for e in events)


def test_police_shooting_protesters_is_repression(coder):
    events = _events(coder, "Syrian security forces shot dead more than 70 protesters in Deraa.")
    assert any(e[0] == "COERCE" and e[1] == "175" and e[2] == "SYR" for e in events)
    assert not any(e[0] == "ASSAULT" for e in events)


def test_soldiers_shooting_soldiers_stays_an_assault(coder):
    events = _events(coder, "Indian troops shot dead three Pakistani soldiers in Kashmir.")
    assert any(e[0] == "ASSAULT" and e[2] == "IND" for e in events)


def test_police_clearing_demonstrators_is_repression(coder):
    events = _events(coder, "US police cleared demonstrators from Lafayette Square with tear gas.")
    assert any(e[0] == "COERCE" and e[2] == "USA" for e in events)


def test_suspending_a_platform_or_broadcaster_is_a_restriction(coder):
    events = _events(coder, "Nigeria suspended Twitter indefinitely after the platform deleted a post.")
    assert any(e[0] == "COERCE" and e[2] == "NGA" for e in events)
    events = _events(coder, "Niger's military junta suspended French broadcasts.")
    assert any(e[0] == "COERCE" and e[2] == "NER" for e in events)


def test_an_inquiry_s_finding_about_a_deed_accuses_its_doer(coder):
    events = _events(coder, "Washington concluded that genocide had been committed in Darfur by Sudanese "
                            "militias.")
    assert any(e[0] == "ACCUSE" and e[2] == "USA" and e[3] == "SDN" for e in events)
    assert any(e[0] == "ASSAULT" and e[2] == "SDN" for e in events)


def test_investigators_named_after_the_deed_make_no_accusation(coder):
    events = _events(coder, "A Syrian air force jet dropped a sarin bomb on the town of Khan Sheikhoun, "
                            "UN investigators concluded.")
    assert not any(e[0] == "ACCUSE" for e in events)


def test_an_assault_that_would_have_consequences_is_only_foreseen(coder):
    events = _events(coder, "Turkey said an assault by Russian and Syrian forces on Idlib would lead to the "
                            "displacement of 800,000 refugees.")
    assert not any(e[0] == "ASSAULT" for e in events)


def test_an_assault_that_has_consequences_happened(coder):
    events = _events(coder, "The Syrian army's assault on Idlib has displaced 800,000 people.")
    assert any(e[0] == "ASSAULT" and e[2] == "SYR" for e in events)


def test_an_attack_by_unknown_drones_on_a_russian_base_is_not_russia_s(coder):
    events = _events(coder, "Russia responded on Friday to an attack by a swarm of drones targeting a Russian "
                            "airbase in north-western Syria.")
    assert not any(e[0] == "ASSAULT" and e[2] == "RUS" for e in events)


def test_violence_dated_years_ago_is_history(coder):
    events = _events(coder, "Seventy-five years ago an American bomber dropped an atomic bomb on Hiroshima, "
                            "killing an estimated 140,000 people.")
    assert not any(e[0] == "ASSAULT" for e in events)


def test_violence_dated_hours_ago_is_news(coder):
    events = _events(coder, "Two hours ago Israeli jets bombed targets in Gaza.")
    assert any(e[0] == "ASSAULT" and e[2] == "ISR" for e in events)


def test_weeks_of_fighting_before_a_capture_are_the_captors_fighting(coder):
    events = _events(coder, "Libyan rebel fighters captured Sirte after weeks of fighting against loyalist "
                            "forces.")
    assert sum(e[0] == "ASSAULT" and e[2] == "LBY" for e in events) == 2


def test_fighting_that_dates_a_clause_needs_a_named_foe(coder):
    events = _events(coder, "Libyan officials met in Tunis after weeks of fighting.")
    assert not any(e[0] == "ASSAULT" for e in events)


def test_the_accused_is_the_doer_of_what_they_are_accused_of(coder):
    events = _events(coder, "The foreign minister dismissed a UN report that accused Kigali of arming the "
                            "M23 rebels.")
    assert not any(e[2] == "IGO" and e[0] != "REJECT" for e in events)


def test_measures_that_will_not_go_unanswered_are_threatened(coder):
    events = _events(coder, "The EU froze the assets of Russian officials, and Moscow said the measures "
                            "would not go unanswered.")
    assert any(e[0] == "THREATEN" and e[2] == "RUS" for e in events)


def test_a_negated_said_clause_is_still_no_statement(coder):
    events = _events(coder, "Japanese officials noted that North Korea has not carried out a nuclear test.")
    assert not any(e[0] == "STATEMENT" for e in events)


def test_giving_a_side_a_week_to_leave_is_an_ultimatum(coder):
    events = _events(coder, "Erdogan gave the YPG a week to leave Manbij.")
    assert ("THREATEN", "139", "TUR", "SYR") in events


def test_giving_diplomats_hours_to_leave_expels_them(coder):
    events = _events(coder, "Saudi Arabia gave Iranian diplomats 48 hours to leave the kingdom.")
    assert any(e[0] == "SANCTION" and e[2] == "SAU" and e[3] == "IRN" for e in events)
    assert not any(e[0] == "THREATEN" for e in events)


def test_two_coordinated_sides_clashing_fight_each_other(coder):
    events = _events(coder, "Armenia and Azerbaijan clashed on their border.")
    assert ("ASSAULT", "190", "ARM", "AZE") in events and ("ASSAULT", "190", "AZE", "ARM") in events
    events = _events(coder, "Indian and Chinese troops clashed in the Galwan valley.")
    assert any(e[0] == "ASSAULT" and e[2] == "IND" and e[3] == "CHN" for e in events)
    assert any(e[0] == "ASSAULT" and e[2] == "CHN" and e[3] == "IND" for e in events)


def test_suspending_a_member_state_is_a_sanction(coder):
    events = _events(coder, "The African Union suspended Gabon after the coup.")
    assert any(e[0] == "SANCTION" and e[2] == "IGO" and e[3] == "GAB" for e in events)


def test_suspending_a_vote_is_no_sanction(coder):
    assert "SANCTION" not in _types(coder, "The Greek parliament suspended the vote on Tuesday.")


def test_crowds_rallying_in_a_capital_are_its_people_protesting(coder):
    events = _events(coder, "Tens of thousands rallied in Tbilisi against the foreign agent law.")
    assert any(e[0] == "PROTEST" and e[2] == "GEO" for e in events)


def test_his_incursion_is_the_doer_named_before_not_the_clause_s_subject(coder):
    events = _events(coder, "Erdogan is defiant. His incursion into Kurdish-held territory, however, risks "
                            "confrontation with the Americans.")
    assert any(e[0] == "ASSAULT" and e[2] == "TUR" for e in events)
    assert not any(e[0] == "ASSAULT" and e[2] == "USA" for e in events)


def test_the_use_of_a_banned_weapon_is_the_attack_of_its_user(coder):
    events = _events(coder, "The use of chlorine gas by Syrian government forces killed dozens in Douma.")
    assert any(e[0] == "ASSAULT" and e[2] == "SYR" for e in events)


def test_the_use_of_tear_gas_by_police_is_repression(coder):
    events = _events(coder, "The use of tear gas by Kenyan police drew criticism.")
    assert any(e[0] == "COERCE" and e[2] == "KEN" for e in events)


def test_the_use_of_a_word_is_no_event(coder):
    events = _events(coder, "The use of social media by the Turkish government angered Armenia.")
    assert not any(e[0] in ("ASSAULT", "COERCE") for e in events)


def test_the_word_genocide_is_a_word_not_a_massacre(coder):
    events = _events(coder, "The use of the word genocide by the Turkish government angered Armenia.")
    assert not any(e[0] == "ASSAULT" for e in events)


def test_violence_verbs_on_documents_and_records_are_figurative(coder):
    assert "ASSAULT" not in _types(coder, "US senators killed the bill on Tuesday.")
    assert "ASSAULT" not in _types(coder, "The German chancellor shot down the French proposal.")
    assert "ASSAULT" not in _types(coder, "Japanese exports hit a record high in March.")
    assert "ASSAULT" in _types(coder, "US jets hit targets in Syria.")


def test_a_campaign_against_an_abstraction_is_no_offensive(coder):
    assert "ASSAULT" not in _types(coder, "India's ruling party launched a campaign against poverty.")
    assert "ASSAULT" in _types(coder, "Israel launched a military campaign against Hamas.")


def test_blame_is_aimed_at_the_blamed_not_at_the_victim_of_the_deed(coder):
    events = _events(coder, "Russia blamed Ukraine for the drone attack on the Kremlin.")
    assert [e for e in events if e[0] == "ACCUSE"] == [("ACCUSE", "112", "RUS", "UKR")]


def test_criticised_for_its_offensive_is_the_object_s_offensive(coder):
    events = _events(coder, "France criticised Turkey for its offensive against the Kurds in Syria.")
    assert any(e[0] == "ASSAULT" and e[2] == "TUR" for e in events)
    assert not any(e[0] == "ASSAULT" and e[2] == "FRA" for e in events)


def test_warning_a_group_against_attacking_is_no_attack(coder):
    events = _events(coder, "Israel warned Hezbollah against attacking northern Israel.")
    assert not any(e[0] == "ASSAULT" for e in events)
    assert any(e[2] == "ISR" and e[3] == "LBN" for e in events)


def test_what_must_happen_first_under_a_future_is_not_done(coder):
    events = _events(coder, "Hamas said it would not release hostages until Israel halted its offensive.")
    assert not any(e[2] == "ISR" for e in events)


def test_what_ended_a_past_fight_was_done(coder):
    events = _events(coder, "Israeli troops fought in Gaza until Hamas surrendered.")
    assert any(e[2] == "PSE" for e in events)
