"""POS and lemmas without spaCy's attribute_ruler + lemmatizer.

Those two components cost about as much as the parser on news text (a Matcher pass and rule
lemmatisation over every token), yet the coder only ever asks for the lemma of words its lexicon
knows. So the coder's parse pipeline drops them and `FastLemmas` fills `pos_` from the Penn tag
(data/penn_upos.tsv) and `lemma_` from a form -> lemma table built from the lexicon, with simple
suffix rules for everything else.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Iterable

import numpy
from spacy.attrs import DEP, LEMMA, ORTH, POS, TAG
from spacy.parts_of_speech import IDS as _POS_IDS
from spacy.tokens import Doc

_DATA = Path(__file__).resolve().parent / "data"
_AUX = {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m",
        "have", "has", "had", "having", "'ve", "'d", "do", "does", "did"}
_CACHE_MAX = 200_000  # distinct (form, tag, aux) keys kept before the cache starts over
_AUX_LEMMA = {"is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be",
              "am": "be", "'s": "be", "'re": "be", "'m": "be", "has": "have", "had": "have",
              "having": "have", "'ve": "have", "'d": "would", "does": "do", "did": "do"}


@lru_cache(maxsize=1)
def tag_to_pos() -> dict[str, str]:
    out = {}
    with open(_DATA / "penn_upos.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#") and len(row) >= 2:
                out[row[0]] = row[1]
    return out


def _noun_rule(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _verb_rule(w: str, tag: str) -> str:
    if tag in ("VBD", "VBN") and w.endswith("ied"):
        return w[:-3] + "y"
    if tag in ("VBD", "VBN") and w.endswith("ed") and len(w) > 4:
        return w[:-2]
    if tag == "VBG" and w.endswith("ing") and len(w) > 5:
        return w[:-3]
    if tag == "VBZ" and w.endswith("s") and len(w) > 3:
        return w[:-2] if w.endswith("es") and w[-3] in "sxzh" else w[:-1]
    return w


class FastLemmas:
    """Fills pos_ and lemma_ on a tagged doc. `verbs`/`nouns` map inflected forms to lemmas."""

    def __init__(self, verbs: dict[str, str], nouns: dict[str, str]):
        self.verbs = verbs
        self.nouns = nouns
        self.pos = tag_to_pos()
        self._cache: dict[tuple[int, int, bool], tuple[int, int]] = {}
        self._aux_deps: tuple[int, int] | None = None

    @classmethod
    def from_forms(cls, verb_forms: Iterable[tuple[str, Iterable[str]]],
                   noun_forms: Iterable[tuple[str, Iterable[str]]]) -> "FastLemmas":
        verbs: dict[str, str] = {}
        nouns: dict[str, str] = {}
        # Shortest lemma first, so "weapons" maps to "weapon" even if "weapons" is listed itself.
        for lemma, forms in sorted(verb_forms, key=lambda x: (len(x[0]), x[0])):
            for f in forms:
                verbs.setdefault(f, lemma)
        for lemma, forms in sorted(noun_forms, key=lambda x: (len(x[0]), x[0])):
            for f in forms:
                nouns.setdefault(f, lemma)
        return cls(verbs, nouns)

    def __call__(self, doc: Doc) -> Doc:
        # One (POS, LEMMA) pair per distinct (form, tag, auxiliary?) key, computed once per process
        # and written back with from_array: per-token Python attribute setting cost as much as
        # the rest of this class (each token read and write crosses into Cython).
        strings = doc.vocab.strings
        if self._aux_deps is None:
            self._aux_deps = (strings.add("aux"), strings.add("auxpass"))
        if len(self._cache) > _CACHE_MAX:  # a long-running worker must not grow without bound
            self._cache.clear()
        cache, aux_deps = self._cache, self._aux_deps
        keys = [(orth, tag, dep in aux_deps) for orth, tag, dep in doc.to_array([ORTH, TAG, DEP]).tolist()]
        values = [cache.get(k) or self._learn(k, strings) for k in keys]
        flat = numpy.fromiter(chain.from_iterable(values), dtype="uint64", count=2 * len(values))
        doc.from_array([POS, LEMMA], flat.reshape(-1, 2))
        return doc

    def _learn(self, key: tuple[int, int, bool], strings) -> tuple[int, int]:
        p, lemma = self._annotate(strings[key[0]], strings[key[1]], key[2])
        self._cache[key] = value = (_POS_IDS[p], strings.add(lemma))
        return value

    def _annotate(self, text: str, tag: str, aux_dep: bool) -> tuple[str, str]:
        """(coarse POS, lemma) of a word with Penn tag `tag`; `aux_dep` when parsed as aux/auxpass."""
        low = text.lower()
        p = self.pos.get(tag, "X")
        if tag.startswith("VB"):
            # be is always AUX in spaCy's scheme; have/do only when auxiliaries.
            if low in _AUX and (aux_dep or _AUX_LEMMA.get(low, low) == "be"):
                p = "AUX"
            lemma = _AUX_LEMMA.get(low) or self.verbs.get(low) or _verb_rule(low, tag)
        elif tag in ("NN", "NNS"):
            lemma = self.nouns.get(low) or (_noun_rule(low) if tag == "NNS" else low)
        elif tag.startswith("NNP"):
            lemma = text
        else:
            lemma = low
        return p, lemma
