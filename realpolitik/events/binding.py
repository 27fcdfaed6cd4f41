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
# Bare agents that belong to the state (or body) they are "in".
_SITED = {"JUD", "COP", "GOV", "LEG"}
# Bare agents whose head noun alone may corefer with a group named earlier ("diehard insurgents").
_BY_HEAD = {"REB"}
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "who", "which", "that"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
# Dependents that belong to the phrase naming an actor; relative clauses, participles and most
# prepositional phrases describe it instead (and often name other actors).
_PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "punct",
                "appos", "flat", "predet", "hyph", "npadvmod"}  # npadvmod: "US"-led


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


def contiguous(head: Token, toks: list[Token]) -> tuple[int, int]:
    """Token index range [a, b] around `head` made only of `toks`, without edge punctuation.

    Keeps a phrase from swallowing a relative clause between commas ("The US, which armed ...,")."""
    ids = {t.i for t in toks}
    a = b = head.i
    while a - 1 in ids:
        a -= 1
    while b + 1 in ids:
        b += 1
    doc = head.doc
    while a < head.i and (doc[a].is_punct or doc[a].dep_ == "cc"):
        a += 1
    while b > head.i and (doc[b].is_punct or doc[b].dep_ == "cc"):
        b -= 1
    return a, b


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
        for m in head.lefts:
            if m.dep_ in ("amod", "compound", "nmod", "poss") and m.conjuncts:
                # "the US, British and French ambassadors": the parser leaves the first member,
                # before a comma, outside the coordination.
                before = [s for s in head.lefts if s.dep_ in ("amod", "compound", "nmod")
                          and s.i + 1 < m.i and head.doc[s.i + 1].text == ","]
                out = []
                # The head with what modifies it after the list: "foreign ministers" in "France
                # and Germany's foreign ministers".
                rest = head.doc[min(m.right_edge.i + 1, head.i)]
                hs, he = offset + rest.idx, offset + head.idx + len(head.text)
                head_alone = self.resolve_pieces([(hs, he)])
                head_person = head_alone is not None and head_alone.type == "PERSON"
                for x in (*before, m, *m.conjuncts):
                    # The conjunct with its own modifiers ("South Korean"), not the later conjuncts.
                    others = {t.i for c in x.conjuncts if c.i > x.i for t in c.subtree}
                    own = [t for t in x.subtree if t.i not in others and t.dep_ not in ("cc", "punct")]
                    xs = offset + min(t.idx for t in own)
                    xe = offset + max(t.idx + len(t.text) for t in own)
                    if not any(xs <= n.start < xe for n in self.mentions_in(xs, he)) \
                            and not (head.pos_ == "PROPN" and x.pos_ == "PROPN"):
                        # "North and South Korea" is whole only with its head, as is "Somali and
                        # African Union troops"; "Russian and other foreign troops" names one state.
                        continue
                    if head_person:
                        # "Barack Obama and Dmitry Medvedev" parsed as modifiers of "Medvedev":
                        # a person's name is no agent that others share.
                        a = self.resolve_pieces([(xs, he) if x.i + 1 == head.i else (xs, xe)])
                    else:
                        # Read as "German troops", without the other members ("German and French").
                        a = self.resolve_pieces([(xs, xe), (hs, he)])
                    if a is not None and a.country:
                        out.append((a, False))
                if len(out) > 1:
                    return out
        shared = self._shared_possessed(head, offset) or self._shared_site(head, offset)
        if shared is not None:
            return [(shared, False)]
        members = self._agent_members(head, offset)
        if members:
            return members
        owner = self._listing_agent(head)
        if owner is not None:
            a = self._member_actor(owner, head, offset)
            if a is not None:
                return [(a, False)]
        a, c = self.bind(head, offset)
        if owner is not None and a is not None and a.type == "PERSON" and self._named_holder(a, head, offset):
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

    def _agent_at(self, tok: Token, offset: int) -> Any:
        """The agent mention ("ministers", "lawmakers") covering `tok`, if any."""
        s = offset + tok.idx
        return next((m for m in self.mentions_in(max(0, s - 60), s + len(tok.text) + 60)
                     if m.kind == "agent" and m.start <= s < m.end), None)

    @staticmethod
    def _listing_agent(tok: Token) -> Token | None:
        """The plural noun whose of-phrase lists `tok` among several states ("ministers" for
        "Germany" in "the foreign ministers of France, Germany and Britain")."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep" or not tok.conjuncts:
            return None
        return prep.head if prep.head.tag_ == "NNS" else None

    def _member_actor(self, owner: Token, member: Token, offset: int) -> Actor | None:
        """`member` of the list after the agent noun `owner`'s preposition, with that agent: read
        as "the foreign ministers of" + "Germany"."""
        if self._agent_at(owner, offset) is None:
            return None
        alone, _ = self.bind(member, offset)
        if alone is not None and (alone.type == "PERSON" or alone.sector):
            return None  # "..., Ahmet Davutoğlu and Eduard Nalbandian": a named person is themself
        prep = next((p for p in owner.children if p.dep_ == "prep" and member in p.subtree), None)
        if prep is None:
            return None
        skip = {t.i for t in prep.subtree}
        a, _ = contiguous(owner, [t for t in phrase_tokens(owner) if t.i not in skip])
        doc = owner.doc
        ma, mz = contiguous(member, [t for t in phrase_tokens(member) if t.dep_ != "appos"])
        actor = self.resolve_pieces([(offset + doc[a].idx, offset + prep.idx + len(prep.text)),
                                     (offset + doc[ma].idx, offset + doc[mz].idx + len(doc[mz].text))])
        return actor if actor is not None and actor.country and actor.sector else None

    def _named_holder(self, person: Actor, member: Token, offset: int) -> bool:
        """'the foreign ministers of Turkey and Armenia, Ahmet Davutoğlu and Eduard Nalbandian':
        a person listed after the states names the holder of one of their offices, not another
        party."""
        first = member
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        for x in (first, *first.conjuncts):
            if x.i < member.i:
                a, _ = self.bind(x, offset)
                if a is not None and a.type != "PERSON" and a.country == person.country:
                    return True
        return False

    def _shared_possessed(self, head: Token, offset: int) -> Actor | None:
        """'France and Germany's foreign ministers', 'Iran's and Iraq's envoys': the parser joins
        the bare first state to the possessed agent; the agent is both states'."""
        if head.pos_ != "PROPN" or any(c.dep_ not in ("case", "cc", "punct", "conj", "compound", "det")
                                       for c in head.children):
            return None
        doc = head.doc
        for c in head.conjuncts:
            owner = next((p for p in c.children if p.dep_ == "poss" and p.i < c.i), None)
            if c.i < head.i or owner is None or self._agent_at(c, offset) is None \
                    or any(t.dep_ not in ("cc", "punct", "case") for t in doc[head.i + 1: owner.left_edge.i]):
                continue
            alone, _ = self.bind(head, offset)
            if alone is None or alone.sector or alone.type == "PERSON":
                return None
            after = max(t.i for t in owner.subtree) + 1
            a, _ = contiguous(head, [t for t in phrase_tokens(head)])
            actor = self.resolve_pieces([(offset + doc[a].idx, offset + head.idx + len(head.text)),
                                         (offset + doc[after].idx, offset + c.idx + len(c.text))])
            return actor if actor is not None and actor.country == alone.country and actor.sector else None
        return None

    def _shared_site(self, head: Token, offset: int) -> Actor | None:
        """'Lawmakers in Fornost and Gondor', 'officials in Kabul and Washington': the parser joins
        the second state to the agent noun, not to the first; the agent is both states'."""
        owner = head.head
        if head.dep_ != "conj" or head.pos_ != "PROPN" or owner.i >= head.i or owner.tag_ != "NNS" \
                or any(c.dep_ not in ("compound", "det") for c in head.lefts):
            return None
        agent = self._agent_at(owner, offset)
        prep = next((p for p in owner.children if p.dep_ == "prep" and p.i < head.i), None)
        if agent is None or prep is None or not (
                prep.lower_ in ("of", "from") or prep.lower_ == "in" and agent.sector in _SITED):
            return None
        doc = head.doc
        if any(t.dep_ not in ("cc", "punct") for t in doc[prep.right_edge.i + 1: head.left_edge.i]):
            return None  # something else stands between the first state and this one
        alone, _ = self.bind(head, offset)
        if alone is None or alone.sector or alone.type == "PERSON":
            return None
        inner = {t.i for t in prep.subtree}
        a, _ = contiguous(owner, [t for t in phrase_tokens(owner) if t.i not in inner])
        ma, mz = contiguous(head, phrase_tokens(head))
        actor = self.resolve_pieces([(offset + doc[a].idx, offset + prep.idx + len(prep.text)),
                                     (offset + doc[ma].idx, offset + doc[mz].idx + len(doc[mz].text))])
        return actor if actor is not None and actor.country == alone.country and actor.sector else None

    def _agent_members(self, head: Token, offset: int) -> list[tuple[Actor, bool]]:
        """'met the foreign ministers of France and Germany', 'lawmakers in Fornost and Gondor':
        one actor per listed state, each with the agent. A state's own bodies are "in" it; troops
        "in Syria" may be anybody's (see `_origin`)."""
        agent = self._agent_at(head, offset) if head.tag_ == "NNS" else None
        if agent is None:
            return []
        for p in head.children:
            if p.dep_ != "prep" or not (p.lower_ in ("of", "from") or p.lower_ == "in" and agent.sector in _SITED):
                continue
            first = next((o for o in p.children if o.dep_ == "pobj"), None)
            if first is None:
                continue
            if not first.conjuncts:
                # "the leaders of North and South Korea": the states are the name's modifiers.
                named = self.bind_many(first, offset) if agent.sector else []
                if len(named) > 1:
                    from realpolitik.actors import with_sector

                    return [(with_sector(a, agent.sector) if not a.sector else a, c) for a, c in named]
                continue
            out: list[tuple[Actor, bool]] = []
            for x in (first, *first.conjuncts):
                a = self._member_actor(head, x, offset) or self.bind(x, offset)[0]
                if a is not None and a.type == "PERSON" and self._named_holder(a, x, offset):
                    continue
                if a is not None and a.country and a.code not in {b.code for b, _ in out}:
                    out.append((a, False))
            if len(out) > 1:
                return out
        return []

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
            if prep.dep_ != "prep" or not (prep.lower_ == "from" or prep.lower_ == "in" and sector in _SITED):
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
