"""FastLemmas writes POS and lemmas through arrays with a per-process cache; the values must be the
ones the per-token rules give, on first sight of a word and on every later one."""
from __future__ import annotations

from realpolitik.nlp.fastlemma import FastLemmas


def _parse(coder, text):
    nlp = coder.nlp  # loads the fast pipeline and coder._lemmas
    return coder._lemmas(nlp(text))


def _by_word(doc):
    return {t.text: (t.pos_, t.lemma_) for t in doc}


def test_auxiliaries_and_lexicon_lemmas(coder):
    doc = _parse(coder, "Russian troops have attacked the city and the rebels were negotiating.")
    got = _by_word(doc)
    assert got["have"] == ("AUX", "have")  # an auxiliary here
    assert got["attacked"] == ("VERB", "attack")
    assert got["were"] == ("AUX", "be")
    assert got["troops"][1] == "troop"


def test_main_verb_have_is_not_aux(coder):
    got = _by_word(_parse(coder, "The rebels have weapons."))
    assert got["have"] == ("VERB", "have")


def test_cache_gives_same_values_twice(coder):
    text = "Iran accused Israel of sabotage at the Natanz site."
    first = [(t.pos_, t.lemma_) for t in _parse(coder, text)]
    second = [(t.pos_, t.lemma_) for t in _parse(coder, text)]
    assert first == second
    assert ("VERB", "accuse") in first
    assert ("PROPN", "Natanz") in first  # proper nouns keep their case


def test_unknown_forms_use_suffix_rules(coder):
    lemmas = FastLemmas({}, {})
    doc = lemmas(coder.nlp("The envoys carried letters."))
    got = _by_word(doc)
    assert got["envoys"][1] == "envoy"
    assert got["carried"][1] == "carry"


def test_empty_doc(coder):
    assert len(coder._lemmas(coder.nlp(""))) == 0
