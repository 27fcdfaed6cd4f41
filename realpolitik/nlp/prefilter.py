"""The cheap pre-filter: which sentences are worth a dependency parse.

A sentence is parsed only when it contains a possible event trigger (any inflected form of a
lexicon verb or noun, found with an Aho-Corasick automaton on the lower-cased text) and a possible
actor (a dictionary mention, or a pronoun/definite description coreference might resolve).
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

import ahocorasick

# Words that can stand for an actor already named elsewhere in the document (resolved by coref).
_REFERENTS = re.compile(
    r"\b(he|she|they|it|we|i|his|her|their|its|our|"
    r"the (?:government|regime|army|military|group|militants?|rebels?|ministry|president|minister|"
    r"administration|coalition|forces?|troops|officials?|authorities|police|country|state|organisation|"
    r"organization|alliance|court|prosecutors?|spokes(?:man|woman|person)|leader|jihadis|fighters))\b",
    re.IGNORECASE,
)


class TriggerScanner:
    """Finds whole-word occurrences of trigger surface forms."""

    def __init__(self, forms: Iterable[str]):
        self._auto = ahocorasick.Automaton()
        for f in forms:
            self._auto.add_word(f, f)
        self._auto.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        return list(self._iter_words(text))

    def has_trigger(self, text: str) -> bool:
        # Every sentence of every document is asked this: stop at the first whole word.
        return next(self._iter_words(text), None) is not None

    def _iter_words(self, text: str) -> Iterator[tuple[int, int, str]]:
        low = text.lower()
        n = len(low)
        for end, word in self._auto.iter(low):
            start = end - len(word) + 1
            if (start == 0 or not low[start - 1].isalnum()) and (end + 1 >= n or not low[end + 1].isalnum()):
                yield start, end + 1, word


def has_referent(text: str) -> bool:
    return _REFERENTS.search(text) is not None
