"""Actors named in lists: one actor per listed state, each with the agent the list shares ("the
foreign ministers of France, Germany and Britain", "German and French troops", "lawmakers in Poland and
Hungary", "France and Germany's foreign ministers"). Used by `Binder.bind_many`."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from realpolitik.events.phrases import SITED, contiguous, phrase_tokens
from realpolitik.records import Actor

if TYPE_CHECKING:
    from realpolitik.events.binding import Binder


def coordinated(b: Binder, head: Token, offset: int) -> list[tuple[Actor, bool]]:
    """One actor per member when the phrase coordinates its modifiers ("American and British forces",
    "US and British warships", "France and Germany's foreign ministers"), each with the head's agent;
    [] when it does not."""
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
            head_alone = b.resolve_pieces([(hs, he)])
            head_person = head_alone is not None and head_alone.type == "PERSON"
            for x in (*before, m, *m.conjuncts):
                # The conjunct with its own modifiers ("South Korean"), not the later conjuncts.
                others = {t.i for c in x.conjuncts if c.i > x.i for t in c.subtree}
                own = [t for t in x.subtree if t.i not in others and t.dep_ not in ("cc", "punct")]
                xs = offset + min(t.idx for t in own)
                xe = offset + max(t.idx + len(t.text) for t in own)
                if not any(xs <= n.start < xe for n in b.mentions_in(xs, he)) \
                        and not (head.pos_ == "PROPN" and x.pos_ == "PROPN"):
                    # "North and South Korea" is whole only with its head, as is "Somali and
                    # African Union troops"; "Russian and other foreign troops" names one state.
                    continue
                if head_person:
                    # "Barack Obama and Dmitry Medvedev" parsed as modifiers of "Medvedev":
                    # a person's name is no agent that others share.
                    a = b.resolve_pieces([(xs, he) if x.i + 1 == head.i else (xs, xe)])
                else:
                    # Read as "German troops", without the other members ("German and French").
                    a = b.resolve_pieces([(xs, xe), (hs, he)])
                if a is not None and a.country:
                    out.append((a, False))
            if len(out) > 1:
                return out
    return []


def agent_at(b: Binder, tok: Token, offset: int) -> Any:
    """The agent mention ("ministers", "lawmakers") covering `tok`, if any."""
    s = offset + tok.idx
    return next((m for m in b.mentions_in(max(0, s - 60), s + len(tok.text) + 60)
                 if m.kind == "agent" and m.start <= s < m.end), None)


def listing_agent(tok: Token) -> Token | None:
    """The plural noun whose of-phrase lists `tok` among several states ("ministers" for
    "Germany" in "the foreign ministers of France, Germany and Britain")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep" or not tok.conjuncts:
        return None
    return prep.head if prep.head.tag_ == "NNS" else None


def member_actor(b: Binder, owner: Token, member: Token, offset: int) -> Actor | None:
    """`member` of the list after the agent noun `owner`'s preposition, with that agent: read
    as "the foreign ministers of" + "Germany"."""
    if agent_at(b, owner, offset) is None:
        return None
    alone, _ = b.bind(member, offset)
    if alone is not None and (alone.type == "PERSON" or alone.sector):
        return None  # "..., Ahmet Davutoğlu and Eduard Nalbandian": a named person is themself
    prep = next((p for p in owner.children if p.dep_ == "prep" and member in p.subtree), None)
    if prep is None:
        return None
    skip = {t.i for t in prep.subtree}
    a, _ = contiguous(owner, [t for t in phrase_tokens(owner) if t.i not in skip])
    doc = owner.doc
    ma, mz = contiguous(member, [t for t in phrase_tokens(member) if t.dep_ != "appos"])
    actor = b.resolve_pieces([(offset + doc[a].idx, offset + prep.idx + len(prep.text)),
                                 (offset + doc[ma].idx, offset + doc[mz].idx + len(doc[mz].text))])
    return actor if actor is not None and actor.country and actor.sector else None


def named_holder(b: Binder, person: Actor, member: Token, offset: int) -> bool:
    """'the foreign ministers of Turkey and Armenia, Ahmet Davutoğlu and Eduard Nalbandian':
    a person listed after the states names the holder of one of their offices, not another
    party."""
    first = member
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    for x in (first, *first.conjuncts):
        if x.i < member.i:
            a, _ = b.bind(x, offset)
            if a is not None and a.type != "PERSON" and a.country == person.country:
                return True
    return False


def shared_possessed(b: Binder, head: Token, offset: int) -> Actor | None:
    """'France and Germany's foreign ministers', 'Iran's and Iraq's envoys': the parser joins
    the bare first state to the possessed agent; the agent is both states'."""
    if head.pos_ != "PROPN" or any(c.dep_ not in ("case", "cc", "punct", "conj", "compound", "det")
                                   for c in head.children):
        return None
    doc = head.doc
    for c in head.conjuncts:
        owner = next((p for p in c.children if p.dep_ == "poss" and p.i < c.i), None)
        if c.i < head.i or owner is None or agent_at(b, c, offset) is None \
                or any(t.dep_ not in ("cc", "punct", "case") for t in doc[head.i + 1: owner.left_edge.i]):
            continue
        alone, _ = b.bind(head, offset)
        if alone is None or alone.sector or alone.type == "PERSON":
            return None
        after = max(t.i for t in owner.subtree) + 1
        a, _ = contiguous(head, [t for t in phrase_tokens(head)])
        actor = b.resolve_pieces([(offset + doc[a].idx, offset + head.idx + len(head.text)),
                                     (offset + doc[after].idx, offset + c.idx + len(c.text))])
        return actor if actor is not None and actor.country == alone.country and actor.sector else None
    return None


def shared_site(b: Binder, head: Token, offset: int) -> Actor | None:
    """'Lawmakers in Fornost and Gondor', 'officials in Kabul and Washington': the parser joins
    the second state to the agent noun, not to the first; the agent is both states'."""
    owner = head.head
    if head.dep_ != "conj" or head.pos_ != "PROPN" or owner.i >= head.i or owner.tag_ != "NNS" \
            or any(c.dep_ not in ("compound", "det") for c in head.lefts):
        return None
    agent = agent_at(b, owner, offset)
    prep = next((p for p in owner.children if p.dep_ == "prep" and p.i < head.i), None)
    if agent is None or prep is None or not (
            prep.lower_ in ("of", "from") or prep.lower_ == "in" and agent.sector in SITED):
        return None
    doc = head.doc
    if any(t.dep_ not in ("cc", "punct") for t in doc[prep.right_edge.i + 1: head.left_edge.i]):
        return None  # something else stands between the first state and this one
    alone, _ = b.bind(head, offset)
    if alone is None or alone.sector or alone.type == "PERSON":
        return None
    inner = {t.i for t in prep.subtree}
    a, _ = contiguous(owner, [t for t in phrase_tokens(owner) if t.i not in inner])
    ma, mz = contiguous(head, phrase_tokens(head))
    actor = b.resolve_pieces([(offset + doc[a].idx, offset + prep.idx + len(prep.text)),
                                 (offset + doc[ma].idx, offset + doc[mz].idx + len(doc[mz].text))])
    return actor if actor is not None and actor.country == alone.country and actor.sector else None


def agent_members(b: Binder, head: Token, offset: int) -> list[tuple[Actor, bool]]:
    """'met the foreign ministers of France and Germany', 'lawmakers in Fornost and Gondor':
    one actor per listed state, each with the agent. A state's own bodies are "in" it; troops
    "in Syria" may be anybody's (see `Binder._origin`)."""
    agent = agent_at(b, head, offset) if head.tag_ == "NNS" else None
    if agent is None:
        return []
    for p in head.children:
        if p.dep_ != "prep" or not (p.lower_ in ("of", "from") or p.lower_ == "in" and agent.sector in SITED):
            continue
        first = next((o for o in p.children if o.dep_ == "pobj"), None)
        if first is None:
            continue
        if not first.conjuncts:
            # "the leaders of North and South Korea": the states are the name's modifiers.
            named = b.bind_many(first, offset) if agent.sector else []
            if len(named) > 1:
                from realpolitik.actors import with_sector

                return [(with_sector(a, agent.sector) if not a.sector else a, c) for a, c in named]
            continue
        out: list[tuple[Actor, bool]] = []
        for x in (first, *first.conjuncts):
            a = member_actor(b, head, x, offset) or b.bind(x, offset)[0]
            if a is not None and a.type == "PERSON" and named_holder(b, a, x, offset):
                continue
            if a is not None and a.country and a.code not in {b.code for b, _ in out}:
                out.append((a, False))
        if len(out) > 1:
            return out
    return []
