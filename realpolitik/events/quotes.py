"""Direct quotations and who said them.

News attributes quotes in a handful of shapes:  “...,” Lavrov said.  /  “...,” said Lavrov.  /
“...,” he told reporters.  /  Lavrov said: “...”  /  According to Lavrov, “...”.  A quote may run
over several sentences (the attribution sits after the first or last of them). `find_quotes`
returns each quoted span with the text of its speaker phrase; the coder resolves that phrase to an
actor (through coreference for pronouns) and attaches quote + speaker to events coded inside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN, _CLOSE = "“", "”"
_SAY = (r"(?:said|says|say|added|adds|told|tells|declared|stated|warned|warns|insisted|explained|"
        r"wrote|tweeted|claimed|argued|asked|replied|continued|noted|stressed|urged|announced|"
        r"according to)")
# After the closing mark: ', Lavrov said' / 'said Lavrov' / 'he told reporters'.
_AFTER_SUBJ_VERB = re.compile(
    r"^\s*(?P<who>(?:[A-Z][\w'’.-]*|the|a|an|he|she|they|it|we|I|[a-z]+)(?:[ \t]+[\w'’.,-]+){0,8}?)[ \t]+"
    + _SAY + r"\b")
_AFTER_VERB_SUBJ = re.compile(r"^\s*" + _SAY + r"[ \t]+(?P<who>[^.,;“”]{2,80})")
# Before the opening mark: 'Lavrov said: “' / 'Lavrov said “'.
_BEFORE = re.compile(r"(?P<who>[A-Z][^.;“”]{1,120}?)[ \t]+" + _SAY + r"(?:[ \t]+[\w'’]+){0,3}?[ \t]*[:,][ \t]*$")


@dataclass(frozen=True)
class Quote:
    start: int  # the quoted text (without the marks) in the document
    end: int
    speaker: str  # the speaker phrase as written ("Lavrov", "he", "the foreign minister")
    speaker_start: int
    speaker_end: int

    def text_in(self, doc_text: str) -> str:
        return doc_text[self.start:self.end].strip(" ,")


def _spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches; an opening mark left open at a paragraph end closes there (newspaper
    style for multi-paragraph quotes)."""
    out = []
    i = 0
    n = len(text)
    while True:
        a = text.find(_OPEN, i)
        if a < 0:
            break
        b = text.find(_CLOSE, a + 1)
        nxt = text.find(_OPEN, a + 1)
        if b < 0 or (0 <= nxt < b):
            # unclosed before the next opening: the quote ends where the next one begins
            stop = nxt if nxt >= 0 else n
            out.append((a + 1, stop))
            i = stop
            continue
        out.append((a + 1, b))
        i = b + 1
    return out


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    for a, b in _spans(text):
        if b - a < 15:  # scare quotes around a word or two are not speech
            continue
        after = text[b + 1: b + 160] if b < len(text) and text[b:b + 1] == _CLOSE else ""
        who = None
        m = _AFTER_VERB_SUBJ.match(after) or _AFTER_SUBJ_VERB.match(after)
        if m:
            who = (b + 1 + m.start("who"), b + 1 + m.end("who"))
        else:
            line_start = max(text.rfind("\n", 0, a - 1), text.rfind(". ", 0, a - 1), 0)
            before = text[line_start: a - 1]
            mb = _BEFORE.search(before)
            if mb:
                who = (line_start + mb.start("who"), line_start + mb.end("who"))
        if who is None:
            continue
        s, e = who
        phrase = text[s:e].strip()
        quotes.append(Quote(a, b, phrase, s, e))
    # A quote without its own attribution continues the speaker of the quote right before it
    # when nothing but the attribution separates them ("“...,” he said. “...”").
    return quotes


def quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote covering most of the sentence [start, end), if any."""
    for q in quotes:
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > 0.5 * (end - start):
            return q
    return None
