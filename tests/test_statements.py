"""Statements and quote attribution on whole documents (quotes.py, statements.py, the coder's speaker)."""
from __future__ import annotations

from realpolitik.events.quotes import find_quotes, quote_at


def _stmts(events, part):
    """(source code, target code) of the STATEMENT events in the sentence containing `part`."""
    return [(e.source.code, e.target.code if e.target else None) for e in events
            if e.plover == "STATEMENT" and part in e.sentence]


# -- quotes.py -----------------------------------------------------------------------------------
def test_quote_after_attribution_continues_the_speaker():
    text = ("“The bombing was relentless,” said an official of the Red Cross. “These families have "
            "nowhere left to run.” The army said it had advanced.")
    qs = find_quotes(text)
    assert [q.speaker for q in qs] == ["an official of the Red Cross"] * 2
    assert qs[1].text_in(text).startswith("These families")


def test_new_paragraph_of_a_quote_keeps_its_speaker():
    text = "The ministry said: “We are ready to talk to everyone.\n“The only way out is a political deal.”"
    qs = find_quotes(text)
    assert [q.speaker for q in qs] == ["The ministry", "The ministry"]


def test_quote_closed_by_a_full_stop_is_not_attributed_to_the_next_sentence():
    text = ("“It is a massacre, nothing less than that.” The civil defence said 61 people were killed "
            "in the town on Tuesday.")
    assert find_quotes(text) == []


def test_quote_unattributed_after_other_text_has_no_speaker():
    text = ("“We will win this war in the end,” he said. The army then moved north towards the city, "
            "shelling villages on the way. Later that day officials met. “Nobody knows what comes next.”")
    qs = find_quotes(text)
    assert len(qs) == 1
    assert quote_at(qs, text.index("Nobody"), len(text)) is None


def test_saying_introduces_a_quote():
    text = "The rebel unit paid tribute to him, saying: “We lost our brother and commander yesterday.”"
    qs = find_quotes(text)
    assert len(qs) == 1 and qs[0].speaker.endswith("paid tribute to him,")


# -- STATEMENT for sentences inside a quotation ---------------------------------------------------------
def test_sentence_inside_a_quote_is_the_speakers_statement(coder):
    text = ("“It is a catastrophe in every sense of the word. The killing of people goes on,” said a "
            "spokesman for the Norwegian Refugee Council.")
    evs = coder.code_text(text)
    assert _stmts(evs, "catastrophe") == [("NGONRC", None)]


def test_quote_continued_after_its_attribution(coder):
    text = ("“We are deeply worried about the fighting,” the Kremlin said. “Nobody will gain anything "
            "from more of it.”")
    evs = coder.code_text(text)
    assert _stmts(evs, "Nobody") == [("RUSGOV", None)]


def test_quoted_sentence_by_a_commentator_is_no_statement(coder):
    text = ("“Nobody will gain anything from more of it,” said Jane Smith, a researcher at a London "
            "thinktank.")
    assert _stmts(coder.code_text(text), "Nobody") == []


def test_speaker_named_by_a_town_is_no_statement(coder):
    text = ("“Nobody will help us now that winter has come,” said Alaa Ahmed, who moved from Zabadani.")
    assert _stmts(coder.code_text(text), "Nobody") == []


def test_quote_with_an_event_is_not_a_statement(coder):
    text = "“We will send troops to protect the border next week,” the Turkish defence minister said."
    evs = coder.code_text(text)
    assert evs and all(e.plover != "STATEMENT" for e in evs)


# -- speakers ---------------------------------------------------------------------------------
def test_lowercase_state_department_is_the_us_government(coder):
    text = ("Asked about the case, the state department said: “The protection of US citizens abroad is "
            "our priority.”")
    assert _stmts(coder.code_text(text), "state department") == [("USAGOV", None)]


def test_former_officials_make_no_statement(coder):
    text = "A former state department official said the situation in Syria was calm."
    assert _stmts(coder.code_text(text), "former") == []


# -- STATEMENT beside other events in the sentence -----------------------------------------------------
def test_statement_of_another_speaker_kept_beside_an_event(coder):
    text = ("Trump talked to Erdoğan by phone on Friday, and Erdoğan later said he had received some "
            "positive answers on the situation.")
    evs = coder.code_text(text)
    assert any(e.plover == "CONSULT" for e in evs)
    assert [s for s, _ in _stmts(evs, "Erdoğan")] == ["TURGOV"]


def test_saying_an_event_is_that_event_only(coder):
    evs = coder.code_text("The Kremlin said Ukrainian troops had shelled Donetsk overnight.")
    assert any(e.plover == "ASSAULT" for e in evs)
    assert _stmts(evs, "Kremlin") == []


# -- 'he said': the person just named ----------------------------------------------------------------
def test_pronoun_speaker_is_the_person_just_named():
    text = ("Bassam Haddad, the president of the Working Group for Syria, claimed the talks were a sham. "
            "“Nobody believes that real negotiations are planned,” he said.")
    qs = find_quotes(text)
    assert qs[0].speaker == "Bassam Haddad, the president of the Working Group for Syria,"


def test_pronoun_speaker_after_a_quote_of_a_named_speaker():
    text = ("“We are standing before a massacre,” said a doctor in the town. “Nobody is helping us now "
            "that winter has come,” he said.")
    qs = find_quotes(text)
    assert [q.speaker for q in qs] == ["a doctor in the town"] * 2


def test_unknown_person_then_he_is_no_statement_of_someone_seen_before(coder):
    text = ("Bashar al-Assad visited the front on Monday. A doctor in Douma, Ahmed Hamdan, described the "
            "situation as dire. “Nobody is helping us now that winter has come,” he said.")
    assert _stmts(coder.code_text(text), "Nobody") == []


def test_split_quote_sentence_is_quoted():
    text = ("“Nobody will help them now,” said the envoy. “These people cannot go to Jordan,” he said, "
            "“or to the ruins of Deraa.”")
    qs = find_quotes(text)
    s = text.index("These")
    assert quote_at(qs, s, len(text)) is not None


def test_office_after_the_name_is_part_of_the_speaker():
    text = ("“The bombing was hysterical,” said Ahmed Hamdan, a security official at the Norwegian "
            "Refugee Council, which runs camps in the north.")
    qs = find_quotes(text)
    assert qs[0].speaker == "Ahmed Hamdan, a security official at the Norwegian Refugee Council"


def test_statement_by_a_named_persons_organisation(coder):
    text = ("“The bombing was hysterical,” said Ahmed Hamdan, a security official at the Norwegian "
            "Refugee Council. “It is a catastrophe in every sense of the word.”")
    assert _stmts(coder.code_text(text), "catastrophe") == [("NGONRC", None)]


def test_she_says_after_an_unknown_speaker_is_no_statement_of_the_last_leader(coder):
    text = ("Angela Merkel defended her refugee policy on Monday. “People look at us differently now,” "
            "Ruaa says. She feels that her beliefs, which she says are at the core of her identity, are "
            "not respected.")
    assert _stmts(coder.code_text(text), "core of her identity") == []


def test_he_said_after_a_named_minister_is_his_statement(coder):
    text = ("The Turkish foreign minister, Mevlüt Çavuşoğlu, spoke to reporters in Ankara on Monday. He "
            "said the situation in Idlib was calm.")
    assert _stmts(coder.code_text(text), "He said") == [("TURGOV", None)]


def test_spokesman_for_a_body_speaks_for_it(coder):
    evs = coder.code_text("A spokesman for the Foreign Office declined to comment on the case.")
    assert [(e.cameo, e.source.code) for e in evs] == [("011", "GBRGOV")]


def test_spokeswoman_for_an_agency_is_the_agency(coder):
    evs = coder.code_text("A spokeswoman for the UN refugee agency condemned the attack on the camp in Syria.")
    assert [(e.plover, e.source.code) for e in evs] == [("ACCUSE", "IGOUNHCR")]


def test_the_report_speaks_for_whoever_wrote_it(coder):
    text = ("Isis could soon pose a new threat, according to a Pentagon report published last month. "
            "“Isis is regenerating key functions more quickly in Iraq than in Syria,” the report said.")
    assert _stmts(coder.code_text(text), "regenerating") == [("USAMIL", None)]


def test_the_ministry_is_the_ministry_named_before(coder):
    text = ("The Russian defence ministry published a video of the strikes. “All targets were destroyed "
            "by our aircraft in the night,” the ministry said.")
    assert ("RUSMIL", None) in _stmts(coder.code_text(text), "All targets")


def test_the_group_is_the_organisation_named_before(coder):
    text = ("Amnesty International criticised the raids. “Hundreds of people have disappeared in recent "
            "weeks,” the group said in a statement.")
    assert _stmts(coder.code_text(text), "Hundreds") == [("NGOAMN", None)]


def test_what_ones_own_state_must_do_is_a_statement(coder):
    text = "Germany “must be able to ensure that prosecution is possible”, the German defence minister said."
    evs = coder.code_text(text)
    assert [(e.plover, e.source.country, e.target) for e in evs] == [("STATEMENT", "DEU", None)]


def test_what_another_state_must_do_stays_an_appeal(coder):
    text = "Iran “must stop enriching uranium at once”, the German defence minister said."
    evs = coder.code_text(text)
    assert [(e.plover, e.source.country, e.target.country) for e in evs] == [("REQUEST", "DEU", "IRN")]


def test_he_after_a_speaker_known_only_by_a_town_is_no_statement(coder):
    text = ("Bashar al-Assad visited the front on Monday. “We are standing before a massacre,” said a "
            "doctor in Douma. He added: “A child came to me from the ruins in Syria, barely breathing.”")
    assert _stmts(coder.code_text(text), "He added") == []


def test_straight_double_quotes_are_quotes(coder):
    text = ('"We are deeply worried about the fighting," the Kremlin said. "Nobody will gain anything '
            'from more of it."')
    qs = find_quotes(text)
    assert [q.speaker for q in qs] == ["the Kremlin", "the Kremlin"]
    assert qs[1].text_in(text).startswith("Nobody")
    assert _stmts(coder.code_text(text), "Nobody") == [("RUSGOV", None)]


def test_attribution_before_a_quote_may_say_where_and_when():
    text = "The Russian foreign ministry said in a statement on Monday: “We are deeply worried about the fighting.”"
    assert [q.speaker for q in find_quotes(text)] == ["The Russian foreign ministry"]


def test_a_quote_left_open_does_not_swallow_the_article():
    text = ("Jan Egeland, the UN adviser, said: “Hope at last for the civilians of Idlib. The deal must hold. "
            + "Missiles were fired at several Syrian towns on Monday, according to state media. " * 8)
    q = find_quotes(text)[0]
    assert q.end - q.start <= 500
    assert quote_at(find_quotes(text), len(text) - 80, len(text)) is None


def test_saying_in_a_relative_clause_on_a_thing_is_no_statement(coder):
    text = ("The fighting continued, a second week of conflict that the UN envoy has said could match the "
            "siege of Aleppo.")
    assert _stmts(coder.code_text(text), "envoy") == []


def test_saying_in_a_relative_clause_on_the_speaker_is_a_statement(coder):
    text = "Erdoğan, who said on Monday that the situation in Idlib was calm, flew to Moscow."
    assert _stmts(coder.code_text(text), "Idlib") == [("TURGOV", None)]


def test_he_said_far_from_the_last_named_leader_is_no_statement_of_his(coder):
    filler = "The village lies in a valley north of the city, surrounded by olive groves and farms. " * 8
    text = ("Bashar al-Assad visited the front on Monday. " + filler + "A volunteer with a local rescue "
            "team was present when the mosque was hit. He said the victims in Syria were all civilians.")
    assert _stmts(coder.code_text(text), "victims") == []


def test_he_said_close_to_the_named_leader_is_his_statement(coder):
    text = "Bashar al-Assad visited the front on Monday. He said the situation in Syria was calm."
    assert _stmts(coder.code_text(text), "He said") == [("SYRGOV", None)]
