"""Length-preserving text folding, so matches on folded text map back to offsets in the original."""
from __future__ import annotations

import unicodedata

# Punctuation variants news text uses interchangeably; each maps to one ASCII character.
_PUNCT = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u00a0": " ", "\t": " ", "\n": " ", "\r": " ", "_": " ",
}


class _FoldTable(dict):
    """str.translate table built lazily: one output character per input character, always."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = _PUNCT.get(ch)
        if out is None:
            low = ch.lower()
            if len(low) != 1:  # 'İ'.lower() is two characters; keep offsets aligned
                low = ch
            base = unicodedata.normalize("NFD", low)[0]
            out = base if base.isalnum() or not low.isalnum() else low
        self[code] = out
        return out


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lowercase, strip accents and unify quotes/dashes without changing the length."""
    if text.isascii():
        out = text.lower()
        if "_" in out or "\n" in out or "\t" in out or "`" in out or "\r" in out:
            out = out.translate(_TABLE)
        return out
    return text.translate(_TABLE)


def is_word_char(ch: str) -> bool:
    return ch.isalnum()


def plural(phrase: str) -> str:
    """Regular English plural of the last word ("defence minister" -> "defence ministers")."""
    if " of " in phrase:  # "minister of defence" -> "ministers of defence"
        first, _, rest = phrase.partition(" of ")
        return f"{plural(first)} of {rest}"
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if not last or not last[-1].isalpha() or low.endswith("men"):
        return phrase  # "men" forms are plural already
    if last.isupper() and len(last) > 1:
        last = last + "s"  # acronyms: MPs, NGOs
    elif low.endswith("man"):
        last = last[:-3] + "men"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif low.endswith(("s", "x", "ch", "sh", "z")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}" if head else last
