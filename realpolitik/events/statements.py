"""Quoted sentences as statements.

A quotation often runs over several sentences and names its speaker once ("“It is a catastrophe.
The killing goes on,” said a UOSSM official."). A sentence inside it that reports no event of its
own is still that speaker's comment: CAMEO 010 STATEMENT, speaker as source, no target (both
labelling guides). Such sentences are often not parsed at all (no trigger word, no actor named),
so the event is built here from the quote alone.
"""
from __future__ import annotations

import re

from realpolitik.events.quotes import Quote
from realpolitik.events.sides import organisation
from realpolitik.records import Actor, Event

_WORDS = 6  # the trigger shown for a quoted sentence: its first few quoted words
# Who can make a coded STATEMENT: officials, armed groups and organisations, not commentators.
_SPEAKER_SECTORS = {None, "", "GOV", "MIL", "REB", "OPP", "COP", "JUD", "IGO", "NGO", "IMG", "PTY", "LEG"}
# "a former senior state department official", "a former US ambassador": out of office, a commentator.
_FORMER = re.compile(r"\b(?:former|ex-)", re.I)


def can_state(a: Actor) -> bool:
    """May `a` be the source of a STATEMENT?"""
    return (a.sector in _SPEAKER_SECTORS or organisation(a)) and not _FORMER.search(a.text or "")


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
