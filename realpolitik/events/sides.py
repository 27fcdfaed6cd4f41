"""Predicates over actors and role tokens that decide who is on which side of an event: the speaker
behind a pronoun, reciprocal objects, one state's sides, mentions that are not candidate targets, and
when two actors are one."""
from __future__ import annotations

from realpolitik.records import Actor

def speaker_pronoun(tok, speaker: Actor) -> bool:
    """Pronouns that, as the subject of what someone said, stand for the speaker: I/we always,
    he/she for a person, it for an institution ("The Pentagon said it was investigating")."""
    if tok.tag_ != "PRP":
        return False
    low = tok.lower_
    if low in ("i", "we"):
        return True
    if low in ("he", "she"):
        return speaker.type == "PERSON"
    return low == "it" and speaker.type != "PERSON"


def reciprocal(tok) -> bool:
    """'each other', 'one another' as an object, however the parser attached its two words; also
    "each other's positions"."""
    low = tok.lower_
    doc = tok.doc
    kids = {c.lower_ for c in tok.children}
    if (low == "other" and "each" in kids) or (low in ("one", "another") and kids & {"one", "another"}):
        return True
    if low == "one" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "another":
        return True
    if low in ("other", "another") and tok.i > 0 and doc[tok.i - 1].lower_ in ("each", "one"):
        return True
    return any(c.dep_ == "poss" and c.lower_ == "other" and reciprocal(c) for c in tok.children)


def side(a: Actor) -> str:
    """The state and its organs are one side; its opposition, rebels or people are another
    ("Syrian opposition leaders said the Assad regime was responsible" is an accusation)."""
    return "state" if a.sector in (None, "", "GOV", "MIL", "COP", "SPY", "JUD", "LEG") else a.sector


_SAYING = {"say", "tell", "report", "add", "announce", "confirm", "claim"}
_LOCATIVE = {"in", "at", "near", "inside", "outside"}


def aside(tok, kind: str, near: set[int]) -> bool:
    """A mention that is not a candidate target: the reporter of the sentence ("Pyongyang refused
    ..., Chinese diplomats said") or a bare place the doer or the act is in ("leaders meeting in
    London agreed"; not "investigating crimes committed in Ukraine", where the place is the matter)."""
    head = tok
    while head.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod") and head.head is not head:
        head = head.head
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in _SAYING:
        return True
    return kind in ("country", "capital", "place") and head is tok and head.dep_ == "pobj" \
        and head.head.lower_ in _LOCATIVE and head.head.head.i in near


def one_side(a: Actor, b: Actor) -> bool:
    """Two doers on the same side of a mutual act: "the foreign ministers of Turkey and Armenia,
    Davutoğlu and Nalbandian, signed" names Turkey and its minister, who sign with Armenia, not
    with each other. Same-state rivals of different sectors (government and rebels, "Afghan
    politicians and Taliban officials") are two sides."""
    if a.country != b.country:
        return False
    return a.sector == b.sector or (not a.sector and b.type == "PERSON") or (not b.sector and a.type == "PERSON")


def organisation(a: Actor) -> bool:
    return a.type in ("IGO", "NGO") or a.country in ("IGO", "NGO")


def same_actor(a: Actor, b: Actor) -> bool:
    """One actor, not two with the same code (ElBaradei urging Mubarak: both EGY, two people)."""
    if a.type == "PERSON" or b.type == "PERSON":
        return a.id == b.id
    return a.code == b.code
