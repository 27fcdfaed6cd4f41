"""Statements and who makes them.

A quotation often runs over several sentences and names its speaker once ("“It is a catastrophe.
The killing goes on,” said a UOSSM official."). A sentence inside it that reports no event of its
own is still that speaker's comment: CAMEO 010 STATEMENT, speaker as source, no target (both
labelling guides). Such sentences are often not parsed at all (no trigger word, no actor named),
so the event is built here from the quote alone. The coder also asks here who a quote's speaker
is, who can make a statement, and when a statement is covered by a more specific event.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.events.quotes import BODIES, Quote, described_before, described_noun, speaker_before
from realpolitik.events.sides import organisation
from realpolitik.records import Actor, Event

if TYPE_CHECKING:
    from spacy.tokens import Token

    from realpolitik.events.binding import Binder
    from realpolitik.events.frame import Frame

_WORDS = 6  # the trigger shown for a quoted sentence: its first few quoted words
# Who can make a coded STATEMENT: officials, armed groups and organisations, not commentators.
_SPEAKER_SECTORS = {None, "", "GOV", "MIL", "REB", "OPP", "COP", "JUD", "IGO", "NGO", "IMG", "PTY", "LEG"}
_NEAR = 600  # characters before a 'he'/'she' statement within which its person must be named
# People who speak for a body named after "for" ("a spokesman for the ministry").
_SPOKESMEN = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen",
              "representative"}


def can_state(a: Actor) -> bool:
    """May `a` be the source of a STATEMENT? Former officials ("a former US ambassador") are ELI, coded
    so by the resolver, and so commentators."""
    return a.sector in _SPEAKER_SECTORS or organisation(a)


def quoted_statement(speaker: Actor, q: Quote, tax, text: str, si: int, start: int, end: int,
                     doc_id: str, date: str | None) -> Event | None:
    """A STATEMENT by the quote's speaker for the sentence [start, end) inside quote `q`."""
    s = max(start, q.start)
    e = min(end, q.end)
    while s < e and not text[s].isalnum():
        s += 1
    words = text[s:e].split()[:_WORDS]
    if not words:
        return None
    t_end = text.index(words[-1], s) + len(words[-1])
    return Event(
        doc_id=doc_id, event_id=f"{doc_id}:{si}:0", date=date, source=speaker, target=None,
        cameo=tax.code, cameo_label=tax.label, plover=tax.plover, plover_mode=tax.plover_mode or None,
        quad_class=tax.quad_class, goldstein=tax.goldstein, modality="action",
        trigger=text[s:t_end], speaker=speaker, quote=q.text_in(text), sentence=text[start:end],
        char_start=start, char_end=end, confidence=0.4, sentence_index=si,
        trigger_start=s, trigger_end=t_end,
    )


def restated(f: Frame, e: Event, out: list) -> bool:
    """Is the statement `e` (of frame `f`) covered by a more specific event in the sentence: one of
    the same source, or one whose trigger lies in what was said?"""
    said = {t.i for t in f.anchor.subtree}
    return any(not x.cameo.startswith("01") and (x.source.code == e.source.code or g.anchor.i in said)
               for g, x in out)


def aside_saying(anchor: Token) -> bool:
    """A saying in a relative clause on what was said about ("a second week of conflict that the UN
    envoy has said could match Aleppo", "a claim Berlin said had been settled"), not on its speaker
    ("Erdoğan, who said ...", "the Kremlin, which said ...")."""
    return anchor.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT")
                                              for c in anchor.children)


def speaks_for(head: Token, offset: int, b: Binder) -> Actor | None:
    """'a spokesperson for the British Ministry of Defence': the body a spokesman speaks for."""
    if head.lemma_.lower() not in _SPOKESMEN:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            toks = [t for t in head.subtree if t.i <= head.i] + list(prep.subtree)
            a = b.resolve_span(offset + min(t.idx for t in toks), offset + max(t.idx + len(t.text) for t in toks))
            if a is not None and a.country:
                return a
    return None


def quote_speaker(b: Binder, text: str, q: Quote) -> Actor | None:
    """The actor who says quote `q`, from its speaker phrase."""
    actor = b.resolve_span(q.speaker_start, q.speaker_end)
    if actor is not None and actor.id.startswith(("place:", "capital:")):
        # "Alaa al-Zrour, who moved from Zabadani", "Shiraz Maher": a town in the speaker's
        # phrase says where from, not who.
        return None
    if actor is not None and actor.country is not None:
        return actor
    # "the report said", "the ministry said": the body or document named in full before ("a
    # Pentagon report", "the Russian defence ministry"), else coreference.
    owner = described_before(text, q.speaker, q.speaker_start)
    named = b.resolve_span(*owner) if owner is not None else None
    if named is not None and named.country:
        return named
    placed = b._coref(q.speaker)
    if placed is None and described_noun(q.speaker) in BODIES:
        # "the group said" after Amnesty International: the organisation last named.
        placed = next((a for a, _ in reversed(getattr(b.coref, "history", [])[-12:]) if organisation(a)), None)
    if actor is None:
        return placed
    if placed is not None and placed.country:
        from realpolitik.actors import with_country

        return with_country(actor, placed.country)  # "the ministry": an office of that state
    return None


def named_speaker(b: Binder, text: str, quotes: list[Quote], f: Frame, e: Event, offset: int) -> bool:
    """A statement by 'he'/'she' stands when the person just named as a speaker is its source:
    "“...,” Ruaa says. ... which she says are ..." is no statement by the chancellor coreference
    saw last, nor is one by 'a doctor in eastern Ghouta' Syria's."""
    if not f.sources or not all(t.lower_ in ("he", "she") for t in f.sources):
        return True
    pos = offset + f.sources[0].idx
    span = speaker_before(text, quotes, pos)
    if span is None:
        # No speaker named just before: the person coreference found must at least be named
        # close by, not paragraphs ago (an unknown volunteer's "He said" is not Assad's).
        return e.source.type != "PERSON" or any(
            (a := b.resolve_span(m.start, m.end, [m])) is not None and a.id == e.source.id
            for m in b.mentions_in(max(0, pos - _NEAR), pos))
    a = b.resolve_span(*span)
    return a is not None and not a.id.startswith(("place:", "capital:")) and a.country == e.source.country
