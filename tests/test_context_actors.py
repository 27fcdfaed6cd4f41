"""Events whose actors only the article gives (realpolitik/events/context.py) and coreferenced
forces acting on their own state's rebels or civilians."""
from __future__ import annotations

OFFENSIVE = "Syrian government forces launched an offensive against rebels in Daraa province on Tuesday. "


def _assaults(coder, text, si=None):
    return [e for e in coder.code_text(text, "ctx") if e.plover == "ASSAULT"
            and (si is None or e.sentence_index == si)]


def test_doerless_fighting_takes_the_articles_latest_fighting(coder):
    lent = _assaults(coder, OFFENSIVE + "Fighting continued into Saturday, the UN envoy said.", 1)
    assert [(e.source.code, e.target.code) for e in lent] == [("SYRMIL", "SYRREB")]
    first = _assaults(coder, OFFENSIVE, 0)[0]
    assert lent[0].confidence < first.confidence  # a guess from context


def test_no_context_no_doer(coder):
    assert _assaults(coder, "Fighting continued into Saturday, the UN envoy said.") == []


def test_the_war_in_passing_borrows_nothing(coder):
    assert _assaults(coder, OFFENSIVE + "The UN envoy said the war had displaced thousands.", 1) == []


def test_an_old_single_event_is_too_far_back(coder):
    filler = ("The province lies south of Damascus. Its farms grow wheat and olives. "
              "Many families have relatives in Jordan. The winter was unusually cold. ")
    assert _assaults(coder, OFFENSIVE + filler + "Fighting continued into Saturday, the UN envoy said.", 5) == []


def test_pronoun_forces_attacking_their_own_states_rebels(coder):
    # "It" is the army ("The Syrian army" is remembered as one actor, not Syria and an army).
    text = "The Syrian army captured the town of Saraqeb on Monday. It then attacked rebel positions in Idlib."
    got = [(e.source.code, e.target.code) for e in _assaults(coder, text, 1)]
    assert got == [("SYRMIL", "SYRREB")]


def test_adjacent_mentions_are_one_phrase():
    from types import SimpleNamespace

    from realpolitik.events.context import adjacent

    text = "Syrian government forces and Iranian-backed militias met Russia."
    words = ["Syrian", "government forces", "Iranian", "backed militias", "Russia"]
    ms = [SimpleNamespace(start=text.index(w), end=text.index(w) + len(w)) for w in words]
    assert [[text[m.start:m.end] for m in run] for run in adjacent(ms, text)] == [
        ["Syrian", "government forces"], ["Iranian", "backed militias"], ["Russia"]]


def test_a_guessed_doer_is_still_not_the_state_hit(coder):
    text = "Israeli jets struck Iranian targets near Damascus on Sunday. Drones later hit Saudi oil facilities."
    assert all(e.source.country != "SAU" for e in _assaults(coder, text))


def _event(cameo, src, tgt, confidence=0.85):
    from types import SimpleNamespace

    from realpolitik.records import Actor

    def actor(code):
        return Actor(code, code, code[:3], code[3:] or None)
    return SimpleNamespace(cameo=cameo, source=actor(src), target=actor(tgt) if tgt else None,
                           confidence=confidence, negated=False, modality="action")


def test_a_surer_event_is_preferred_within_the_window():
    from realpolitik.events.context import ArticleContext

    ctx = ArticleContext()
    ctx.observe(0, [_event("195", "USAMIL", "SYR")])
    ctx.observe(1, [_event("195", "ISR", "SYR", confidence=0.5)])  # a doer guessed from context
    src, tgt = ctx.lend("19", 2)
    assert (src.code, tgt.code) == ("USAMIL", "SYR")


def test_beyond_the_window_only_the_articles_main_dyad_is_lent():
    from realpolitik.events.context import ArticleContext

    ctx = ArticleContext()
    ctx.observe(0, [_event("190", "TURMIL", "SYRREB")])
    ctx.observe(1, [_event("194", "TURMIL", "SYRREB"), _event("190", "SYRREB", "TURMIL")])
    src, tgt = ctx.lend("19", 9)
    assert (src.code, tgt.code) == ("TURMIL", "SYRREB")
    assert ctx.lend("14", 2) is None  # a protest borrows no doer
    assert ctx.lend("19", 2, exclude={"TUR"})[0].code == "SYRREB"  # never the state hit


def test_lent_actors_are_not_evidence():
    from types import SimpleNamespace

    from realpolitik.events.context import ArticleContext

    ctx = ArticleContext()
    ctx.observe(0, [_event("190", "TURMIL", "SYRREB")])
    src, tgt = ctx.lend("19", 1)
    ctx.observe(1, [SimpleNamespace(cameo="190", source=src, target=tgt, confidence=0.9, negated=False,
                                    modality="action")])
    assert len(ctx.seen) == 1


def test_threatened_troops_placed_in_the_threateners_own_state_are_not_its_own(coder):
    # Coreference puts "the troops" in the last state named (Turkey): for a hostile act that is
    # never the doer's own army, whatever entry the state was named by.
    text = ("Turkish officials met US envoys in Ankara on Monday. Turkey said it would hit back at the troops "
            "if they attacked Kurdish fighters in Manbij.")
    got = [(e.source.country, e.target.code if e.target else None) for e in coder.code_text(text, "ctx")
           if e.sentence_index == 1 and e.plover == "THREATEN"]
    assert got and all(t != "TURMIL" for _, t in got)


def test_he_is_the_last_sentences_subject_rather_than_its_last_person(coder):
    for text, who in (("Erdoğan met Putin in Sochi on Monday. He threatened the YPG.", "TURGOV"),
                      ("Putin met Erdoğan in Sochi on Monday. He threatened the YPG.", "RUSGOV")):
        got = [e.source.code for e in coder.code_text(text, "ctx") if e.plover == "THREATEN"]
        assert got == [who]


def test_it_is_the_last_sentences_subject_state(coder):
    text = "Turkey launched an offensive against the YPG in Afrin on Saturday. It accused the militia of terrorism."
    got = [e.source.country for e in coder.code_text(text, "ctx") if e.plover == "ACCUSE"]
    assert got == ["TUR"]


def test_he_skips_a_subject_that_is_no_person(coder):
    # Officials as the subject are no antecedent for "he": the last person named is.
    text = "Russian officials met Erdoğan in Sochi on Monday. He threatened the YPG."
    got = [e.source.code for e in coder.code_text(text, "ctx") if e.plover == "THREATEN"]
    assert got == ["TURGOV"]
