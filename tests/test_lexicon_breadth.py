"""Lexicon breadth: common news-wire verbs, phrasal verbs and event nouns for each CAMEO family,
coded with the real pipeline (one family per parametrised test)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _code(coder, text):
    return coder.code_text(text, "t", date="2020-01-01")


def _has(events, cameo: str, src: str | None = None, tgt: str | None = None) -> bool:
    for e in events:
        if not e.cameo.startswith(cameo):
            continue
        if src is not None and e.source.country != src:
            continue
        if tgt is not None and (e.target is None or e.target.country != tgt):
            continue
        return True
    return False


def _check(coder, text, cameo, src, tgt):
    evs = _code(coder, text)
    got = [(e.cameo, e.source.country, e.target.country if e.target else None) for e in evs]
    assert _has(evs, cameo, src, tgt), f"{text!r}: want {cameo} {src}->{tgt}, got {got}"


STATEMENTS = [
    ("Iran voiced optimism about the nuclear talks with the European Union.", "013", "IRN", None),
    ("The White House is weighing a military response against Iran.", "014", "USA", None),
    ("Putin laid a wreath at the tomb in Minsk.", "017", "RUS", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", STATEMENTS)
def test_statement_variants(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


APPEALS_AND_INTENT = [
    ("The US pressured Israel to accept a ceasefire.", "02", "USA", "ISR"),
    ("Iran expressed readiness to resume talks with the United States.", "030", "IRN", "USA"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", APPEALS_AND_INTENT)
def test_appeals_and_intent(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


CONSULT_AND_AGREE = [
    ("Norwegian envoy Erik Solheim facilitated talks between the Sri Lankan government and the Tamil Tigers.",
     "045", None, "LKA"),
    ("Chinese President Xi Jinping and Taiwan's Ma Ying-jeou shook hands in Singapore.", "040", "CHN", "TWN"),
    ("Russia hammered out a deal with Turkey.", "057", "RUS", "TUR"),
    ("Russia and Turkey reached an agreement on Idlib.", "057", "RUS", None),
    ("Germany restored diplomatic relations with Syria.", "050", "DEU", "SYR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", CONSULT_AND_AGREE)
def test_consult_and_agree(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


AID = [
    ("The US airlifted food and medicine to Gaza.", "07", "USA", "PSE"),
    ("Kenya hosted thousands of Somali refugees.", "075", "KEN", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", AID)
def test_aid(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


YIELD = [
    ("Turkey backed down after Washington threatened sanctions.", "080", "TUR", None),
    ("Russian troops withdrew from Kherson.", "0874", "RUS", "UKR"),
    ("The Iraqi government reversed the ban on Kurdish flights.", "081", "IRQ", None),
    ("Syria granted the United Nations access to Douma.", "086", "SYR", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", YIELD)
def test_yield(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


DISAPPROVE = [
    ("Egypt hit out at Israel over the raid.", "111", "EGY", "ISR"),
    ("Britain took aim at Russia over the poisoning.", "111", "GBR", "RUS"),
    ("Brazil chided Venezuela for the crackdown.", "111", "BRA", "VEN"),
    ("Prosecutors brought charges against the former Pakistani prime minister.", "112", "PAK", "PAK"),
    ("A French court tried the former Rwandan officer for genocide.", "115", "FRA", "RWA"),
    ("The UN human rights council set up a panel to investigate abuses against the Rohingya in Myanmar.",
     "09", "IGO", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", DISAPPROVE)
def test_disapprove_and_investigate(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


REJECT_AND_THREATEN = [
    ("Iran turned down the offer of talks from the United States.", "120", "IRN", "USA"),
    ("Turkey ruled out talks with the Kurdish militia.", "12", "TUR", "SYR"),
    ("Turkey brushed aside American criticism.", "120", "TUR", None),
    ("The US cancelled a planned visit to Beijing.", "125", "USA", "CHN"),
    ("Iran warned of retaliation if the United States attacked.", "130", "IRN", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", REJECT_AND_THREATEN)
def test_reject_and_threaten(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


POSTURE_AND_SANCTION = [
    ("The Pentagon will step up its military presence in the Gulf.", "154", "USA", None),
    ("Israel called up 300,000 reservists.", "154", "ISR", None),
    ("Jordan closed its border with Syria.", "163", "JOR", "SYR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", POSTURE_AND_SANCTION)
def test_posture_and_sanction(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


COERCE_AND_VIOLENCE = [
    ("Egyptian police put the opposition leader under house arrest.", "173", "EGY", "EGY"),
    ("Indian police took the Kashmiri separatist leader into custody.", "173", "IND", "IND"),
    ("Syrian government forces bombarded rebel-held areas of Idlib.", "195", "SYR", None),
    ("Houthi rebels downed a US drone over Yemen.", "190", "YEM", "USA"),
    ("Kurdish fighters repelled an Islamic State attack on Kobani.", "190", "SYR", None),
    ("Israeli troops gunned down three Palestinian protesters.", "1823", "ISR", "PSE"),
    ("Hamas militants blew up an Israeli tank.", "183", "PSE", "ISR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", COERCE_AND_VIOLENCE)
def test_coerce_and_violence(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


NOUNS = [
    ("Trump spoke in a telephone conversation with his Turkish counterpart Erdogan.", "041", "USA", "TUR"),
    ("Kurdish fighters launched a counteroffensive against Islamic State near Raqqa.", "190", "SYR", None),
    ("The Islamic State ambush on an Iraqi army convoy killed twelve soldiers.", "1", "IMG", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", NOUNS)
def test_event_nouns(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


NO_EVENT = [
    "The Ecuadorian opposition politician flew on to Madrid a day later.",
    "The two sides hammered out the details of the schedule over dinner.",
    "Officials said the test results would be published next week.",
    "The striker backed down from his transfer request after talks with the club.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(coder, text):
    evs = _code(coder, text)
    assert not evs, [(e.cameo, e.trigger) for e in evs]


SECOND_ROUND = [
    ("The United States maintained a military presence in Iraq.", "154", "USA", None),
    ("Britain stonewalled requests from the Kurdish authorities.", "120", "GBR", None),
    ("Syrian troops laid siege to eastern Ghouta.", "191", "SYR", "SYR"),
    ("Russia suspended its participation in the New Start treaty.", "160", "RUS", None),
    ("Iran released the British tanker.", "0842", "IRN", "GBR"),
    ("Britain supplied Ukraine with anti-tank missiles.", "072", "GBR", "UKR"),
    ("The government in Kinshasa accepted a Qatari offer to mediate talks with the M23 rebels.", "03", "COD", "QAT"),
    ("Iran hanged two Kurdish dissidents.", "1823", "IRN", None),
    ("Erdogan received a phone call from Putin.", "041", "TUR", "RUS"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", SECOND_ROUND)
def test_second_round(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


MORE_NOUNS = [
    ("Israel's demolition of Palestinian homes in East Jerusalem drew criticism.", "1712", "ISR", "PSE"),
    ("Iran's seizure of the British tanker escalated tensions.", "1711", "IRN", "GBR"),
    ("The prisoner swap between Russia and Ukraine took place on Friday.", "0841", "RUS", "UKR"),
    ("US arms sales to Taiwan angered Beijing.", "072", "USA", "TWN"),
    ("Erdogan had been responding to Russian pressure on Ankara.", "020", "RUS", "TUR"),
    ("The Turkish purge of the army followed the failed coup.", "172", "TUR", "TUR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", MORE_NOUNS)
def test_more_event_nouns(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


def test_accusing_words_make_a_statement_an_accusation(coder):
    evs = _code(coder, "Iran said the United States was engaged in blatant interference in the region.")
    assert _has(evs, "112", "IRN", "USA"), [(e.cameo, e.trigger) for e in evs]


def test_name_calling_is_an_accusation(coder):
    evs = _code(coder, "China said the American senators were hypocrites.")
    assert _has(evs, "112", "CHN", "USA"), [(e.cameo, e.trigger) for e in evs]


THIRD_ROUND = [
    ("Germany threw its weight behind the French plan for Ukraine.", "051", "DEU", "FRA"),
    ("Tehran reached out to Riyadh.", "040", "IRN", "SAU"),
    ("Ankara dispatched its intelligence chief to Moscow.", "042", "TUR", "RUS"),
    ("Hamas militants detonated a bomb near an Israeli bus.", "183", "PSE", None),
    ("Russia declared war on Georgia.", "190", "RUS", "GEO"),
    ("The Jordanian air force dropped food supplies over Gaza.", "070", "JOR", "PSE"),
    ("The US cautioned Israel against a ground offensive.", "020", "USA", "ISR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", THIRD_ROUND)
def test_third_round(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


@pytest.mark.parametrize("text", [
    "The IMF cautioned that growth would slow next year.",
    "Fans rallied behind the team after the defeat.",
])
def test_no_event_second_round(coder, text):
    evs = _code(coder, text)
    assert not evs, [(e.cameo, e.trigger) for e in evs]


FOURTH_ROUND = [
    ("An Iraqi court found Saddam Hussein guilty of crimes against humanity.", "116", "IRQ", None),
    ("The Armenian government lit an eternal flame in Yerevan.", "017", "ARM", None),
    ("Iran said it reserved the right to respond to the US strikes.", "138", "IRN", None),
    ("Colombia turned back two US military planes carrying deported migrants.", "121", "COL", "USA"),
    ("The army overthrew the elected government of Niger.", "172", "NER", "NER"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", FOURTH_ROUND)
def test_fourth_round(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


FIFTH_ROUND = [
    ("M23 rebels captured Goma after UN peacekeepers and government troops withdrew.", "0874", "IGO", None),
    ("The Turkish army sent an armoured convoy deep into Syria.", "154", "TUR", "SYR"),
    ("Ethiopian troops expelled tens of thousands of ethnic Tigrayans from western Tigray.", "201", "ETH", None),
    ("The UN sent an aid convoy to Aleppo.", "070", "IGO", "SYR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", FIFTH_ROUND)
def test_fifth_round(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


@pytest.mark.parametrize("text", [
    "The Chinese slowdown weighed on global markets.",
    "Turkey reached out to foreign investors.",
    "The Egyptian government weighed the costs of the new canal.",
])
def test_no_event_idioms(coder, text):
    evs = _code(coder, text)
    assert not evs, [(e.cameo, e.trigger) for e in evs]


def test_hammering_home_a_message_is_no_attack(coder):
    evs = _code(coder, "Germany's finance minister hammered home the message.")
    assert not any(e.cameo.startswith(("18", "19")) for e in evs)


PRECISION_ROUND = [
    ("The US unfroze $6bn of Iranian assets.", "085", "USA", "IRN"),
    ("France lent its support to the German proposal.", "051", "FRA", "DEU"),
    ("An Islamic State suicide bomber blew himself up at the gate of Kabul airport.", "183", "IMG", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", PRECISION_ROUND)
def test_precision_round(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


@pytest.mark.parametrize("text", [
    "Trump blew up the trade talks with China.",
    "The Philippine president declared war on drugs.",
    "Australia closed its borders to tourists.",
])
def test_figurative_uses_code_nothing(coder, text):
    evs = _code(coder, text)
    assert not evs, [(e.cameo, e.trigger) for e in evs]


SIXTH_ROUND = [
    ("Moscow rejected the accusations of meddling in the US election.", "016", "RUS", None),
    ("Egypt played host to the Israeli and Palestinian negotiators.", "043", "EGY", "ISR"),
    ("Britain provided training to Ukrainian soldiers.", "062", "GBR", "UKR"),
    ("The Algerian president stepped aside after weeks of protests.", "0831", "DZA", None),
    ("Turkey halted its offensive in northern Syria.", "087", "TUR", None),
    ("The US drew down its troops in Iraq.", "0874", "USA", "IRQ"),
    ("Russia questioned the legitimacy of the Ukrainian election.", "111", "RUS", "UKR"),
    ("Ukraine took Russia to the International Court of Justice.", "115", "UKR", "RUS"),
    ("China protested to Japan over the visit.", "114", "CHN", "JPN"),
    ("Biden put Iran on notice.", "130", "USA", "IRN"),
    ("The US Navy sailed a destroyer through the Taiwan Strait.", "150", "USA", None),
    ("Poland declared a Russian diplomat persona non grata.", "161", "POL", "RUS"),
    ("The Thai court dissolved the opposition party.", "172", "THA", "THA"),
    ("Iraqi forces drove Islamic State fighters out of Mosul.", "192", "IRQ", None),
    ("Obama paid a visit to Hanoi.", "042", "USA", "VNM"),
    ("The Egyptian president joined the offensive against the Houthis.", "190", "EGY", "YEM"),
    ("The IMF approved a bailout for Sri Lanka.", "070", "IGO", "LKA"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", SIXTH_ROUND)
def test_sixth_round(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


def test_halting_an_enemy_advance_is_no_retreat(coder):
    evs = _code(coder, "French troops went into action in Mali to help government forces halt an advance by Islamist rebels.")
    assert not any(e.cameo.startswith("08") for e in evs), [(e.cameo, e.trigger) for e in evs]


@pytest.mark.parametrize("text", [
    "US military leaders have cautioned that Isis will remain a significant threat in the region.",
    "Iran, Russia's collaborator in Syria, made a similar call.",
])
def test_no_event_audit(coder, text):
    evs = _code(coder, text)
    assert not evs, [(e.cameo, e.trigger) for e in evs]


SEVENTH_ROUND = [
    ("Trump attacked the decision of the German government.", "111", "USA", "DEU"),
    ("Turkey took issue with the French resolution.", "111", "TUR", "FRA"),
    ("Russia cast doubt on the Ukrainian account.", "111", "RUS", "UKR"),
    ("The EU pushed for a ceasefire in Gaza.", "02", "IGO", None),
    ("Blinken called his Chinese counterpart on Monday.", "041", "USA", "CHN"),
    ("Pakistan balked at the American demand.", "120", "PAK", "USA"),
    ("Moscow ordered 20 Czech diplomats out of the country.", "161", "RUS", "CZE"),
    ("The Iranian authorities put the activist behind bars.", "173", "IRN", "IRN"),
    ("Syrian troops mowed down protesters in Deraa.", "1823", "SYR", "SYR"),
    ("Russian forces attacked Ukrainian positions near Bakhmut.", "190", "RUS", "UKR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", SEVENTH_ROUND)
def test_seventh_round(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


NOUN_ROUND_3 = [
    ("Saudi normalisation with Israel is on hold.", "050", "SAU", "ISR"),
    ("The Chinese loan to Pakistan was renegotiated.", "070", "CHN", "PAK"),
    ("Chinese military exercises around Taiwan continued on Sunday.", "150", "CHN", "TWN"),
    ("New US restrictions on Chinese chipmakers took effect.", "163", "USA", "CHN"),
    ("The Syrian government announced an amnesty for deserters.", "082", "SYR", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", NOUN_ROUND_3)
def test_noun_round_3(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


def test_refraining_negates(coder):
    evs = _code(coder, "Washington avoided criticising Riyadh over the killing.")
    assert all(e.negated for e in evs), [(e.cameo, e.negated) for e in evs]
    assert not _code(coder, "Israel refrained from attacking Iranian nuclear sites.")


def test_poised_to_is_intent(coder):
    evs = _code(coder, "The Turkish army is poised to attack Kurdish forces in Afrin.")
    assert evs and all(e.modality == "intent" for e in evs), [(e.cameo, e.modality) for e in evs]


EIGHTH_ROUND = [
    ("Niger's junta revoked military agreements with France.", "160", "NER", "FRA"),
    ("Hungary delayed ratification of Sweden's accession.", "129", "HUN", "SWE"),
    ("China imposed export controls on rare earths.", "163", "CHN", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", EIGHTH_ROUND)
def test_eighth_round(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


NINTH_ROUND = [
    ("China warned the US against interfering in Taiwan.", "111", "CHN", "USA"),
    ("Kurdish PKK fighters laid down their arms.", "0873", None, None),
    ("Farc rebels handed over their weapons to the United Nations.", "0873", "COL", None),
    ("Xi Jinping welcomed Lula to Beijing.", "043", "CHN", "BRA"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", NINTH_ROUND)
def test_ninth_round(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


@pytest.mark.parametrize("text", [
    "Britain warned against complacency.",
    "The UN warned about the risk of famine in Gaza.",
])
def test_warning_about_things_is_no_event(coder, text):
    evs = _code(coder, text)
    assert not evs, [(e.cameo, e.trigger) for e in evs]


PROTEST_ACTS = [
    ("Bahraini protesters blocked the main highway into Manama's financial district.", "144", "BHR", None),
    ("Iraqi protesters stormed the US embassy in Baghdad.", "145", "IRQ", "USA"),
    ("Israeli soldiers stormed the al-Aqsa mosque.", "190", "ISR", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", PROTEST_ACTS)
def test_what_protesters_do_is_protest(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


SENSES = [
    ("Trump fired his national security adviser.", "172", "USA", None),
    ("Ukrainian troops defended the city of Bakhmut against Russian forces.", "190", "UKR", "RUS"),
    ("China defended its policy in Xinjiang.", "052", "CHN", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", SENSES)
def test_word_senses(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


SANCTION_IDIOMS = [
    ("The US targeted Russian banks with new sanctions.", "163", "USA", "RUS"),
    ("The EU hit Belarus with fresh sanctions.", "163", "IGO", "BLR"),
    ("Washington slapped Beijing with tariffs.", "163", "USA", "CHN"),
    ("Saudi Arabia inked a deal with China.", "057", "SAU", "CHN"),
    ("Russian missiles hit Kyiv.", "190", "RUS", "UKR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", SANCTION_IDIOMS)
def test_sanction_idioms(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


PREPOSITION_SCOPE = [
    ("Egypt called for a ceasefire between Israel and Hamas.", "02", "EGY", "ISR"),
    ("Hamas called a ceasefire in Gaza.", "0871", "PSE", None),
    ("The US suspended talks on trade with China.", "164", "USA", "CHN"),
    ("Putin received the Turkish president in Sochi.", "043", "RUS", "TUR"),
    ("Washington designated the Houthis as a terrorist organisation.", "111", "USA", "YEM"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", PREPOSITION_SCOPE)
def test_preposition_scope(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


def test_calling_for_a_ceasefire_is_no_ceasefire(coder):
    evs = _code(coder, "Egypt called for a ceasefire between Israel and Hamas.")
    assert not any(e.cameo.startswith("08") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_a_letter_from_a_president_is_no_visit(coder):
    evs = _code(coder, "Erdogan received a letter from the American president.")
    assert not any(e.cameo.startswith("04") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_pledge_noun_is_intent(coder):
    _check(coder, "The US made a pledge of $1bn to Ukraine.", "030", "USA", "UKR")


REPRESSION_AND_RECALL = [
    ("In Iraq, the state has continued to brutalise Sunnis.", "175", "IRQ", None),
    ("Dissidents are dismissed or taken to prison by the Syrian regime.", "173", "SYR", "SYR"),
    ("Trump recalled US forces from Syria.", "0874", "USA", "SYR"),
    ("Biden brought US troops home from Afghanistan.", "0874", "USA", "AFG"),
    ("Iraqi forces liberated Mosul from Islamic State.", "192", "IRQ", None),
    ("Chinese troops crushed the protests in Tiananmen Square.", "175", "CHN", None),
    ("Erdogan said Turkey would crush the Kurdish militia.", "13", "TUR", "SYR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", REPRESSION_AND_RECALL)
def test_repression_and_recall(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


@pytest.mark.parametrize("text", [
    "With Islamic State crushed, the three key regional powers will meet.",
])
def test_crushed_in_passing_is_no_attack(coder, text):
    evs = _code(coder, text)
    assert not any(e.cameo.startswith("19") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_bringing_home_fighters_children_is_no_withdrawal(coder):
    evs = _code(coder, "British officials will bring home the children of British fighters in Syria.")
    assert not any(e.cameo.startswith("08") for e in evs), [(e.cameo, e.trigger) for e in evs]


def test_defeating_militants_is_fighting(coder):
    _check(coder, "Kurdish forces defeated the Islamic State militants in Baghuz.", "190", None, None)
    assert not _code(coder, "Parliament defeated the government's motion.")


PERSONS = [
    ("Iran released 50 protesters arrested during the demonstrations.", "0841", "IRN", "IRN"),
    ("China freed the Japanese fishermen.", "0841", "CHN", "JPN"),
    ("Boko Haram militants abducted more than 200 schoolgirls from their dormitories in Chibok.", "181", "NGA", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", PERSONS)
def test_more_kinds_of_people(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


TERRITORY = [
    ("Rebels seized the presidential palace in Bangui.", "192", "CAF", None),
    ("Taliban fighters captured the airfield in Kandahar.", "192", "AFG", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", TERRITORY)
def test_more_kinds_of_places(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


def test_taking_people_to_a_port_is_no_capture(coder):
    evs = _code(coder, "Houthi forces took the 25 crew members to a Yemeni port.")
    assert not any(e.cameo == "192" for e in evs), [(e.cameo, e.trigger) for e in evs]


LIGHT_AND_IDIOM = [
    ("Russia gave the green light to the Turkish operation in Afrin.", "051", "RUS", "TUR"),
    ("France voiced opposition to the British plan.", "120", "FRA", "GBR"),
    ("The US piled pressure on Israel over the settlements.", "020", "USA", "ISR"),
    ("The EU put sanctions on Russian oligarchs.", "163", "IGO", "RUS"),
    ("Germany stepped up military aid to Ukraine.", "072", "DEU", "UKR"),
    ("A Chinese coast guard ship rammed a Philippine vessel.", "190", "CHN", None),
]


@pytest.mark.parametrize("text,cameo,src,tgt", LIGHT_AND_IDIOM)
def test_light_verbs_and_idioms(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


def test_raising_the_chances_of_an_intervention_is_no_intervention(coder):
    evs = _code(coder, "The Isis rout has increased the chances of a Turkish military intervention.")
    assert not any(e.cameo.startswith("19") for e in evs), [(e.cameo, e.trigger) for e in evs]


HANDOVERS = [
    ("Pakistan handed over the suspects to Afghanistan.", "063", "PAK", "AFG"),
    ("Hamas handed over the hostages to the Red Cross.", "0841", "PSE", None),
    ("Saudi Arabia reconciled with Qatar.", "050", "SAU", "QAT"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", HANDOVERS)
def test_handovers(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


def test_taking_out_a_battery_is_an_attack(coder):
    _check(coder, "Israeli jets took out Iranian air defence batteries in Syria.", "190", "ISR", None)


RETALIATION_AND_ACCESS = [
    ("Moscow retaliated by expelling 60 US diplomats.", "161", "RUS", "USA"),
    ("Iran retaliated against Israel with a missile barrage.", "19", "IRN", "ISR"),
    ("Jordan opened its border to Syrian refugees.", "081", "JOR", None),
    ("Israel allowed fuel into Gaza.", "086", "ISR", "PSE"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", RETALIATION_AND_ACCESS)
def test_retaliation_and_access(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


def test_retaliating_by_expelling_is_no_attack(coder):
    evs = _code(coder, "Moscow retaliated by expelling 60 US diplomats.")
    assert not any(e.cameo.startswith("19") for e in evs), [(e.cameo, e.trigger) for e in evs]


DIPLOMATIC_PRESENCE = [
    ("Biden pleaded with Netanyahu to allow more aid into Gaza.", "02", "USA", "ISR"),
    ("The UAE reopened its embassy in Damascus.", "050", "ARE", "SYR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", DIPLOMATIC_PRESENCE)
def test_diplomatic_presence(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


def test_praising_words_make_a_statement_praise(coder):
    evs = _code(coder, "The German chancellor said France had made an invaluable contribution to the talks.")
    assert _has(evs, "051", "DEU", "FRA"), [(e.cameo, e.source.country, e.target.country if e.target else None) for e in evs]


CUES = [
    ("Washington said Iran was behind the attack on the tankers.", "112", "USA", "IRN"),
    ("Erdogan said Syria would be taught a lesson.", "130", "TUR", "SYR"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", CUES)
def test_statement_cues(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)


@pytest.mark.parametrize("text", [
    "Officials said the project was behind schedule.",
])
def test_cue_words_in_other_senses(coder, text):
    evs = _code(coder, text)
    assert not any(e.cameo.startswith(("11", "13")) for e in evs), [(e.cameo, e.trigger) for e in evs]


MORE_CUES = [
    ("The Norwegian Refugee Council said safe passage would be essential for the civilians of Idlib.", "020", "NGO", None),
    ("China said Washington was falsely presenting itself as a defender of human rights.", "112", "CHN", "USA"),
]


@pytest.mark.parametrize("text,cameo,src,tgt", MORE_CUES)
def test_more_statement_cues(coder, text, cameo, src, tgt):
    _check(coder, text, cameo, src, tgt)
