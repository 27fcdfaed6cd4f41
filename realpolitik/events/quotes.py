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
        r"saying|according to)")
# After the closing mark: ', Lavrov said' / 'said Lavrov' / 'he told reporters'.
_AFTER_SUBJ_VERB = re.compile(
    r"^\s*(?P<who>(?:[A-Z][\w'’.-]*|the|a|an|he|she|they|it|we|I|[a-z]+)(?:[ \t]+[\w'’.,-]+){0,8}?)[ \t]+"
    + _SAY + r"\b")
# 'said Ahmed al-Dbis, a security official at UOSSM, which ...': the office after the name says whom
# the person speaks for.
_AFTER_VERB_SUBJ = re.compile(r"^\s*" + _SAY + r"[ \t]+(?P<who>[^.,;“”]{2,80}"
                              r"(?:,[ \t]+(?:a|an|the|[A-Z][\w-]*[’'])[ \t][^.,;“”]{2,100})?)")
# Before the opening mark: 'Lavrov said: “' / 'Lavrov said “'.
_BEFORE = re.compile(r"(?P<who>[A-Z][^.;“”]{1,120}?)[ \t]+" + _SAY + r"(?:[ \t]+[\w'’]+){0,6}?[ \t]*[:,][ \t]*$")


# A reported-speech clause outside quotes names a speaker later quotes may call 'he' or 'she': its
# subject runs from the last clause opening before the verb.
_SAID_VERB = re.compile(r"[ \t](?:said|says|told|tells|claimed|added|warned|described|wrote|explained|insisted)\b")
_CLAUSE_OPEN = re.compile(r"(?:.*(?:[.;:”\n] |\n|, and |, but ))?", re.S)
_HE_SHE = {"he", "she"}
_OPEN_MAX = 500  # characters an unclosed quotation may run (the longest quoted paragraphs seen: ~400)
_REACH = 600  # characters back to look for the person a pronoun speaker stands for


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
            # unclosed before the next opening: the quote ends where the next one begins (texts
            # often lose their paragraph breaks), but no further than a long paragraph's worth: a
            # mark a typo left open does not make the rest of the article speech.
            stop = nxt if nxt >= 0 else n
            if stop - a > _OPEN_MAX:
                cut = text.rfind(". ", a, a + _OPEN_MAX)
                stop = cut + 1 if cut > a else a + _OPEN_MAX
            out.append((a + 1, stop))
            i = stop
            continue
        out.append((a + 1, b))
        i = b + 1
    return out


def _after(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The speaker phrase right after the closing mark, if it attributes this quote."""
    if b >= len(text) or text[b:b + 1] != _CLOSE:
        return None
    after = text[b + 1: b + 160]
    end = text[a:b].rstrip()[-1:]
    if end == "." or end in ("!", "?") and not after.lstrip()[:1].islower():
        # “... a massacre.” The Syrian civil defense said 61 people ...: a quote closed by a full
        # stop ends its sentence; what follows is a new one ("“...,” he said", "“...?” she asked"
        # attribute).
        return None
    m = _AFTER_VERB_SUBJ.match(after) or _AFTER_SUBJ_VERB.match(after)
    if m is None or after[m.end():m.end() + 2].strip().startswith(":"):
        return None  # "..., Lavrov said: “...”" introduces the next quote
    return b + 1 + m.start("who"), b + 1 + m.end("who")


def _before(text: str, a: int) -> tuple[int, int] | None:
    """The speaker phrase of 'Lavrov said: “' right before the opening mark."""
    line_start = max(text.rfind("\n", 0, a - 1), text.rfind(". ", 0, a - 1), 0)
    mb = _BEFORE.search(text[line_start: a - 1])
    if mb is None:
        return None
    return line_start + mb.start("who"), line_start + mb.end("who")


def _continues(text: str, prev: Quote, a: int) -> bool:
    """Does the quote opening at `a` go on with `prev`'s speaker? Yes when nothing but the
    attribution separates them ("“...,” she said. “...”") or a new paragraph of the same
    quotation opens ("“...⏎“..."): news attributes a run of quotes once."""
    gap = text[prev.end:a - 1].strip(_CLOSE + " \t\n")
    if not gap:
        return True
    if len(gap) > 200:
        return False
    # only the attribution sentence: no full stop before its end ("she said." / "he said, adding")
    return "." not in gap.rstrip(".").replace(" .", "")


def _antecedent(text: str, spans: list[tuple[int, int]], quotes: list[Quote], pos: int) -> tuple[int, int] | None:
    """The speaker 'he'/'she' at `pos` stands for: the nearest speaker named before it, within a few
    sentences, by an earlier quote's attribution or a reported-speech clause outside quotes
    ("Jan Egeland, a UN adviser, said ... “...,” he said."). News rarely lets a pronoun reach further."""
    lo = max(0, pos - _REACH)
    found = [(q.speaker_start, q.speaker_end) for q in quotes
             if lo <= q.speaker_start < pos and q.speaker.lower() not in _HE_SHE]
    inside = [(a, b) for a, b in spans if b > lo and a < pos]
    for m in _SAID_VERB.finditer(text, lo, pos):
        e = m.start()
        s = max(lo, e - 100)
        s += _CLAUSE_OPEN.match(text, s, e).end() - s
        if not text[s:s + 1].isupper() or text[s:e].lower() in _HE_SHE or any(a <= s < b + 1 for a, b in inside):
            continue
        found.append((s, e))
    return max(found) if found else None


def speaker_before(text: str, quotes: list[Quote], pos: int) -> tuple[int, int] | None:
    """The span of the speaker a 'he'/'she' at `pos` most likely stands for (see `_antecedent`)."""
    text = _curly(text)
    return _antecedent(text, _spans(text), [q for q in quotes if q.speaker_start < pos], pos)


def _curly(text: str) -> str:
    """`text` with straight double quotes turned into opening/closing marks (same length, so offsets
    hold): wire copy and many sites write '"We will win," Lavrov said.'"""
    if _OPEN in text or '"' not in text:
        return text
    out = list(text)
    for i, ch in enumerate(text):
        if ch == '"':
            before = text[i - 1] if i else " "
            out[i] = _OPEN if before.isspace() or before in "([{—–-/" else _CLOSE
    return "".join(out)


def find_quotes(text: str) -> list[Quote]:
    text = _curly(text)
    quotes: list[Quote] = []
    prev: Quote | None = None
    spans = _spans(text)
    for a, b in spans:
        if b - a < 15:  # scare quotes around a word or two are not speech
            continue
        who = _after(text, a, b) or _before(text, a)
        if who is not None and text[who[0]:who[1]].strip().lower() in _HE_SHE:
            # "“...,” he said": the person just named, not whoever coreference last saw (the
            # speaker is often a doctor or an aid worker no dictionary knows).
            who = _antecedent(text, spans, quotes, who[0]) or who
        if who is not None:
            s, e = who
            prev = Quote(a, b, text[s:e].strip(), s, e)
        elif prev is not None and _continues(text, prev, a):
            # A quote without its own attribution continues the speaker of the quote before it.
            prev = Quote(a, b, prev.speaker, prev.speaker_start, prev.speaker_end)
        else:
            prev = None
            continue
        quotes.append(prev)
    return quotes


def quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote covering most of the sentence [start, end), if quotes cover most of it (a quote
    split by its attribution, "“A,” he said, “B.”", counts whole)."""
    best, most, total = None, 0, 0
    for q in quotes:
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > 0:
            total += overlap
            if overlap > most:
                best, most = q, overlap
    return best if total > 0.5 * (end - start) else None


# Definite descriptions a quote is attributed to that name a body or document mentioned earlier:
# "“...,” the report said" after "a Pentagon report", "the ministry said" after "the Russian
# defence ministry". Bodies ("the group", "the agency") may also be the last organisation named.
_DESCRIBED = re.compile(r"(?:the|this|that) (?:\w+ )?(report|statement|study|letter|communique|communiqué|memo|"
                        r"assessment|document|resolution|declaration|ministry|department|embassy|office|"
                        r"group|organisation|organization|charity|agency|council|committee|commission)", re.I)
BODIES = {"group", "organisation", "organization", "charity", "agency", "council", "committee", "commission"}


def described_noun(phrase: str) -> str | None:
    """'the report' -> 'report' when the speaker phrase is such a description."""
    m = _DESCRIBED.fullmatch(phrase.strip())
    return m.group(1).lower() if m else None


def described_before(text: str, phrase: str, before: int) -> tuple[int, int] | None:
    """The span of the last fuller mention of what the description `phrase` names, before `before`
    ("according to a Pentagon report published last month" -> "a Pentagon report")."""
    noun = described_noun(phrase)
    if noun is None:
        return None
    lo = max(0, before - _REACH)
    found = None
    for x in re.finditer(r"(?:[\w’'-]+ ){1,4}" + noun + r"\b", text[lo:before], re.I):
        if x.group(0).strip().lower() != phrase.strip().lower():
            found = (lo + x.start(), lo + x.end())
    return found
