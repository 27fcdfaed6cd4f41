"""Binding grammatical roles to actors: a role's head token -> its noun phrase -> dictionary
mentions inside it -> one `Actor` (via `ActorResolver.resolve`), or coreference for pronouns and
bare descriptions ("the ministry", "troops").
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from realpolitik.records import Actor

PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "who", "which", "that"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
# Dependents that belong to the phrase naming an actor; relative clauses, participles and most
# prepositional phrases describe it instead (and often name other actors).
_PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "punct",
                "appos", "flat", "npadvmod", "advmod", "predet", "hyph"}


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head` (head first, then by position)."""
    keep = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ == "of") or (
                    c.dep_ == "pobj" and t.lower_ == "of"):
                keep.append(c)
                stack.append(c)
    return keep


def _dominant_country(mentions: list) -> str | None:
    """The state a document is mostly about: the most mentioned country (ties: first seen)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.kind in ("country", "capital", "demonym") and m.country and len(m.country) == 3:
            counts[m.country] = counts.get(m.country, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    return next(c for c, n in counts.items() if n == best)


class Binder:
    """Per-document state: mentions by character offset, a coreference tracker, a quote speaker."""

    def __init__(self, resolver: Any, coref: Any, text: str, mentions: list, date: str | None):
        self.resolver = resolver
        self.coref = coref
        self.text = text
        self.mentions = mentions  # document-relative, sorted by start
        self.date = date
        self.quote_speaker: Actor | None = None
        self._cache: dict[tuple[int, int], Actor | None] = {}
        self.dominant = _dominant_country(mentions)

    # -- mentions --------------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def resolve_span(self, start: int, end: int, mentions: list | None = None) -> Actor | None:
        key = (start, end)
        if key in self._cache:
            return self._cache[key]
        ms = self.mentions_in(start, end) if mentions is None else mentions
        actor = None
        if ms:
            rel = [replace(m, start=m.start - start, end=m.end - start) for m in ms]
            try:
                actor = self.resolver.resolve(self.text[start:end], rel, date=self.date)
            except Exception:  # a resolver bug must not lose the whole document
                actor = None
        self._cache[key] = actor
        return actor

    # -- roles -------------------------------------------------------------------------------
    def bind(self, head: Token, offset: int) -> tuple[Actor | None, bool]:
        """Actor for the phrase headed by `head`; the flag says it came from coreference.

        `offset` maps the spaCy doc's character positions to the document text.
        """
        low = head.lower_
        pronoun = head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$", "WP", "WDT")  # not "US"
        if pronoun and low in FIRST_PERSON and self.quote_speaker is not None:
            return self.quote_speaker, True
        if pronoun and (low in PRONOUNS or low in FIRST_PERSON):
            return self._coref(head.text), True
        toks = phrase_tokens(head)
        core = [t for t in toks if t is head or t.dep_ != "appos" and not any(a.dep_ == "appos" for a in t.ancestors
                                                                   if a.i != head.i and a in toks)]
        bare = None
        for group in (core, toks):
            s = offset + min(t.idx for t in group)
            e = offset + max(t.idx + len(t.text) for t in group)
            actor = self.resolve_span(s, e)
            if actor is not None and actor.country is None:
                bare = bare or actor  # "the troops": an agent without a state
                continue
            if actor is not None:
                return actor, False
        if bare is not None:
            # Coreference first ("the army" after "Syria"), else the document's dominant state.
            s = offset + min(t.idx for t in core)
            e = offset + max(t.idx + len(t.text) for t in core)
            actor = self._coref(self.text[s:e])
            if actor is not None and actor.country:
                return actor, True
            if self.dominant:
                from realpolitik.actors import with_country

                return with_country(bare, self.dominant), True
            return None, False
        # No dictionary name: a description coreference may resolve ("the ministry", "troops").
        if head.pos_ in ("NOUN", "PROPN"):
            s = offset + min(t.idx for t in core)
            e = offset + max(t.idx + len(t.text) for t in core)
            actor = self._coref(self.text[s:e])
            if actor is not None:
                return actor, True
        return None, False

    def _coref(self, phrase: str) -> Actor | None:
        if self.coref is None:
            return None
        try:
            return self.coref.resolve(phrase)
        except Exception:
            return None

    def observe(self, actor: Actor | None, text: str) -> None:
        if actor is not None and self.coref is not None:
            try:
                self.coref.observe(actor, text)
            except Exception:
                pass
