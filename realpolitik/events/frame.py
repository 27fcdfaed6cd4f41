"""The Frame: one event as the grammar sees it, before its role phrases are bound to actors."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token


@dataclass
class Frame:
    code: str
    anchor: Token  # the trigger's head word
    trigger: list[Token]
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    negated: bool = False
    modality: str = "action"
    speaker: list[Token] = field(default_factory=list)  # who reported it
    comp: str | None = None
    nominal: bool = False
    weak: bool = False
    place: bool = False  # a place may stand in for the target
    notarget: bool = False
    confidence: float = 0.8
    has_event_comp: bool = False  # a say-verb whose complement held an event
    obj_token: Token | None = None  # object noun that selected the pattern
    quote: Span | None = None  # what was said (for statements)
    context: bool = False  # a nominal event that may take its doer from the document context
    from_speaker: bool = False  # the source is the speaker of the quote the sentence is in
    agentless: bool = False  # a passive without "by" ("was arrested")
    mirror: bool = False  # the reverse direction of a mutual event
    mutual: bool = False  # the actors of `sources` act on each other ("fighting between A and B")
    cue: bool = False  # a statement re-coded by cue words
    dropped: bool = False
    guessed: bool = False  # the coder guessed the target (no target phrase)
    doer_event: Token | None = None  # the event noun whose doers are the sources ("the strikes hit")

    @property
    def root(self) -> str:
        return self.code[:2]


def _conflictual(code: str) -> bool:
    return code[:2] in ("13", "14", "15", "16", "17", "18", "19", "20", "11", "12", "09")
