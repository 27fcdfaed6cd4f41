"""Binding grammatical roles to actors: a role's head token -> its noun phrase -> dictionary
mentions inside it -> one `Actor` (via `ActorResolver.resolve`), or coreference for pronouns and
bare descriptions ("the ministry", "troops").
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from realpolitik.events import lists
from realpolitik.events.phrases import SITED, contiguous, phrase_tokens
from realpolitik.records import Actor

# Agents that, named alone in the singular, are individuals rather than a state's or group's organ.
_LONE_INDIVIDUALS = {"REB", "CVL", "CRM", "UAF", "IMG"}
_PEOPLE = {"CVL", "OPP", "REF", "LAB", "AGR", "EDU", "REL"}  # placed by where they are
_UNAFFILIATED = {"UAF", "CRM"}  # "armed men", "criminals": no state or group to code
_HOMES_FILE = Path(__file__).resolve().parents[1] / "actors" / "data" / "ethnic_homes.tsv"


def _load_homes(path: Path = _HOMES_FILE) -> dict[str, tuple[set[str], set[str]]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry, anywhere, by_place = (line.split("\t") + ["", "", ""])[:3]
        out[entry.strip()] = (set(anywhere.split()), set(by_place.split()))
    return out


_HOMES = _load_homes()
# Bare agents whose head noun alone may corefer with a group named earlier ("diehard insurgents").
_BY_HEAD = {"REB"}
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "who", "which", "that"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
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
        self._pieces: dict[tuple, Actor | None] = {}
        self.dominant = _dominant_country(mentions)
        self._starts = [m.start for m in mentions]  # mentions are sorted by start

    # -- mentions --------------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list:
        i = bisect.bisect_left(self._starts, start)
        out = []
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def _homeland(self, actor: Actor, start: int, end: int) -> Actor:
        """A cross-border people's body in the state its sentence places it in (ethnic_homes.tsv)."""
        anywhere, by_place = _HOMES[actor.id]
        s = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start)) + 1
        e = self.text.find(". ", end)
        e = len(self.text) if e < 0 else e
        found = None
        for m in self.mentions_in(s, e):
            if start <= m.start < end or m.kind not in ("country", "capital", "place") or not m.country:
                continue
            if m.country == actor.country:
                return actor  # the default state is named: "Kurdish forces in Syria"
            if found is None and (m.country in anywhere or m.kind == "place" and m.country in by_place):
                found = m.country
        if found is None and self.dominant in anywhere:
            found = self.dominant
        if found is None or found == actor.country:
            return actor
        return Actor(actor.text, found + (actor.sector or ""), found, actor.sector, actor.type, actor.name, actor.id)

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
            if actor is not None and actor.id in _HOMES:
                actor = self._homeland(actor, start, end)
        self._cache[key] = actor
        return actor

    # -- roles -------------------------------------------------------------------------------
    def bind_many(self, head: Token, offset: int, wide: bool = False) -> list[tuple[Actor, bool]]:
        """Several actors when the phrase coordinates its modifiers ("American and British forces",
        "US and British warships") or the states its agent belongs to ("the ambassadors of France
        and Germany", "lawmakers in Fornost and Gondor"): one per member, each with the head's
        agent; else `bind`."""
        out = lists.coordinated(self, head, offset)
        if out:
            return out
        shared = lists.shared_possessed(self, head, offset) or lists.shared_site(self, head, offset)
        if shared is not None:
            return [(shared, False)]
        members = lists.agent_members(self, head, offset)
        if members:
            return members
        owner = lists.listing_agent(head)
        if owner is not None:
            a = lists.member_actor(self, owner, head, offset)
            if a is not None:
                return [(a, False)]
        a, c = self.bind(head, offset)
        if owner is not None and a is not None and a.type == "PERSON" and lists.named_holder(self, a, head, offset):
            return []
        if wide and (a is None or c):
            # "condemned an attack by Turkish soldiers in northern Iraq", "the arrest of journalists
            # by Turkish police": what is condemned is the act's named doer, not where it happened
            # or whom it befell (a doer only guessed from context names nobody).
            doers = [x for p in head.children if p.dep_ == "prep" and p.lower_ == "by"
                     for o in p.children if o.dep_ == "pobj" for x in self.bind_many(o, offset) if not x[1]]
            if doers:
                return doers
        if a is None and wide:
            return self.wide_actors(head, offset)
        return [(a, c)] if a is not None else []

    def resolve_pieces(self, pieces: list[tuple[int, int]]) -> Actor | None:
        """The actor of a phrase put together from separate stretches of the text, read as one
        ("German" + "troops" out of "German and French troops"), with the mentions inside them."""
        key = tuple(pieces)
        if key in self._pieces:
            return self._pieces[key]
        text, ms, whole = "", [], True
        for s, e in pieces:
            base = len(text) + (1 if text else 0)
            text = (text + " " if text else "") + self.text[s:e]
            own = self.mentions_in(s, e)
            whole = whole and bool(own)
            ms += [replace(m, start=m.start - s + base, end=m.end - s + base) for m in own]
        if not whole:
            # "North" + "Korea", "Somali" + "troops" (of "African Union troops"): a name that
            # only exists once the pieces are put together, or one the document read as part of
            # a longer name.
            ms = self.resolver.scan(text, self.date)
        actor = None
        if ms:
            try:
                actor = self.resolver.resolve(text, ms, date=self.date)
            except Exception:  # a resolver bug must not lose the whole document
                actor = None
            if actor is not None and actor.id in _HOMES:
                actor = self._homeland(actor, pieces[0][0], pieces[-1][1])
        self._pieces[key] = actor
        return actor

    def wide_actors(self, head: Token, offset: int, limit: int = 3) -> list[tuple[Actor, bool]]:
        """Every state or organisation named inside the phrase ("oil facilities in Saudi Arabia and
        the UAE"), relative clauses excepted; at most `limit`."""
        skip = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
        toks = [t for t in head.subtree if t.i not in skip]
        if len(toks) <= 1:
            return []
        # "ties with Mordor, Rohan, Fornost and Bree": a list is named whole, whatever its length.
        limit = max(limit, max((len(t.conjuncts) + 1 for t in toks), default=0))
        s = offset + min(t.idx for t in toks)
        e = offset + max(t.idx + len(t.text) for t in toks)
        out: dict[str, tuple[Actor, bool]] = {}
        for m in self.mentions_in(s, e):
            if m.kind == "agent":
                continue
            a = self.resolve_span(m.start, m.end, [m])
            if a is not None and a.country and a.code not in out:
                out[a.code] = (a, False)
        return list(out.values())[:limit]

    def bind_wide(self, head: Token, offset: int) -> tuple[Actor | None, bool]:
        """Like `bind`, then any actor named inside the whole phrase (targets: "attempts in the UN
        security council", "positions of the regime"), relative clauses excepted."""
        actor, coref = self.bind(head, offset)
        if actor is not None:
            return actor, coref
        skip = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
        toks = [t for t in head.subtree if t.i not in skip]
        if len(toks) <= 1:
            return None, False
        s = offset + min(t.idx for t in toks)
        e = offset + max(t.idx + len(t.text) for t in toks)
        for m in self.mentions_in(s, e):
            if m.kind == "agent":
                continue
            a = self.resolve_span(m.start, m.end, [m])
            if a is not None and a.country:
                return a, False
        return None, False

    def location(self, start: int, end: int, exclude: set[str], dominant: bool = True) -> Actor | None:
        """A state the sentence places the event in: the first country/capital/place mention whose
        code is not a participant; else the document's dominant state."""
        for m in self.mentions_in(start, end):
            if m.kind in ("country", "capital", "place") and m.country and len(m.country) == 3 \
                    and m.country not in exclude:
                a = self.resolve_span(m.start, m.end, [m])
                if a is not None:
                    return Actor(a.text, a.country, a.country, None, "STATE", a.name, a.id)
        if self.dominant and dominant:
            return Actor("", self.dominant, self.dominant, None, "STATE", self.dominant, "context")
        return None

    def context_actor(self, exclude: set[str], state_only: bool = False) -> Actor | None:
        """The state most recently acting in the document (for "the airstrikes" with no doer named).
        A town named is where things happen, not who acts. `state_only`: only a state or its forces
        (rebels and jihadists fly no air strikes)."""
        hist = getattr(self.coref, "history", None) or []
        for actor, _ in reversed(hist[-12:]):
            if actor.country and len(actor.country) == 3 and actor.country not in exclude \
                    and actor.country not in ("IGO", "NGO", "MNC") and not actor.id.startswith("place:") \
                    and not (state_only and (actor.country == "IMG" or actor.sector not in (None, "", "GOV", "MIL"))):
                return actor
        return None

    def bind(self, head: Token, offset: int) -> tuple[Actor | None, bool]:
        """Actor for the phrase headed by `head`; the flag says it came from coreference.

        `offset` maps the spaCy doc's character positions to the document text.
        """
        low = head.lower_
        pronoun = (head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$", "WP", "WDT")) \
            and not (len(head.text) > 1 and head.text.isupper())  # not "US", "WHO"
        if pronoun and low in FIRST_PERSON and self.quote_speaker is not None:
            return self.quote_speaker, True
        if pronoun and (low in PRONOUNS or low in FIRST_PERSON):
            return self._coref(head.text), True
        toks = phrase_tokens(head)
        core = [t for t in toks if t is head or t.dep_ != "appos" and not any(a.dep_ == "appos" for a in t.ancestors
                                                                   if a.i != head.i and a in toks)]
        bare = None
        doc = head.doc
        for group in (core, toks):
            a, z = contiguous(head, group)
            s = offset + doc[a].idx
            e = offset + doc[z].idx + len(doc[z].text)
            actor = self.resolve_span(self._with_article(s, e), e)
            if actor is not None and actor.country is None:
                bare = bare or actor  # "the troops": an agent without a state
                continue
            if actor is not None and self._only_a_place_modifier(actor, head, offset):
                continue
            if actor is not None:
                return actor, False
        if bare is not None and (bare.sector in _UNAFFILIATED or
                                 head.tag_ == "NN" and bare.sector in _LONE_INDIVIDUALS):
            return None, False  # "a gunman", "armed men": people, not a state's organ
        if bare is not None:
            # "Investigators from the African Union", "troops from Chad": a bare agent whose
            # origin follows it in a from-phrase belongs to that origin.
            origin = self._origin(head, offset, bare.sector)
            if origin is not None:
                return origin, False
            if any(c.dep_ == "amod" and c.lower_ == "other" for c in head.children):
                return None, False  # "Kurds and other rebels": others than those named, unknown
            # Coreference first ("the army" after "Syria"), else the document's dominant state.
            a, z = contiguous(head, core)
            s = offset + doc[a].idx
            e = offset + doc[z].idx + len(doc[z].text)
            actor = self._coref(self.text[s:e])
            if actor is None and head.pos_ == "NOUN" and bare.sector in _BY_HEAD:
                # "diehard insurgents", "the Turkish-backed fighters": the head noun alone
                # ("the insurgents") names the group the document has been reporting on.
                actor = self._coref("the " + head.lower_)
            if actor is not None and actor.country:
                return actor, True
            if bare.sector in _PEOPLE:
                # "Protesters ... scaled the walls of the US embassy in Cairo": people belong to
                # the place they are in, not to the article's main state.
                sent = head.sent
                loc = self.location(offset + sent.start_char, offset + sent.end_char, set(), False)
                if loc is not None:
                    from realpolitik.actors import with_country

                    return with_country(bare, loc.country), True
            if self.dominant:
                from realpolitik.actors import with_country

                return with_country(bare, self.dominant), True
            return None, False
        # No dictionary name: a description coreference may resolve ("the ministry", "troops").
        if head.pos_ in ("NOUN", "PROPN"):
            a, z = contiguous(head, core)
            s = offset + doc[a].idx
            e = offset + doc[z].idx + len(doc[z].text)
            actor = self._coref(self.text[s:e])
            if actor is not None:
                return actor, True
        return None, False

    def _with_article(self, start: int, end: int) -> int:
        """`start`, moved back over an article when a dictionary name begins with it there: the
        phrase "Islamic State" (its "The" belongs to "The Islamic State attack") is the mention
        "The Islamic State"."""
        i = bisect.bisect_left(self._starts, start) - 1
        if i >= 0:
            m = self.mentions[i]
            if m.start < start < m.end <= end and self.text[m.start:start].lower() in ("the ", "a ", "an "):
                return m.start
        return start

    def _origin(self, head: Token, offset: int, sector: str | None = None) -> Actor | None:
        if any(c.dep_ == "poss" for c in head.children):
            return None  # "recalled its ambassador from Abu Dhabi": the possessor owns the agent
        for prep in head.children:
            # A state's own bodies sit where they are ("a court in the Donetsk People's Republic",
            # "police in Paris"); troops "in Syria" may be anybody's, so only "from" names theirs.
            if prep.dep_ != "prep" or not (prep.lower_ == "from" or prep.lower_ == "in" and sector in SITED):
                continue
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if not objs:
                continue
            toks = [head] + [t for t in phrase_tokens(head) if t.i < head.i] + list(prep.subtree)
            s = offset + min(t.idx for t in toks)
            e = offset + max(t.idx + len(t.text) for t in objs[0].subtree)
            actor = self.resolve_span(s, e)
            if actor is not None and actor.country and actor.type != "PERSON":
                return actor
        return None

    def _only_a_place_modifier(self, actor: Actor, head: Token, offset: int) -> bool:
        """'The Liverpool striker', 'the Louvre Abu Dhabi': a place or capital named only as a
        modifier of some other noun does not make that noun a state actor."""
        if not actor.id.startswith(("place:", "capital:")):
            return False
        hs = offset + head.idx
        he = hs + len(head.text)
        return not any(m.start <= hs and he <= m.end for m in self.mentions_in(hs - 200, he + 200))

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
