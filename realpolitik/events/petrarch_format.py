"""The text format of PETRARCH/TABARI verb dictionaries, line by line: comments, codes, phrases and
actor markers (see `petrarch_verbs` for what the format means and how patterns are converted)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable

# Prepositions a multi-word verb may end in ("+PLEAD_FOR", "+LASH_AGAINST"): required like a particle.
PREPOSITIONS = frozenset({"for", "with", "to", "on", "upon", "in", "into", "against", "from", "by", "at", "of",
                          "toward", "towards", "across", "behind", "under", "onto"})
# Words that follow a verb as its particle ("set OUT views", "burn DOWN"): one of these right after
# `*` is read as `part`, not as the first word of the object.
PARTICLES = frozenset({"up", "down", "out", "off", "over", "back", "away", "forward", "aside", "along",
                       "around", "apart", "together", "through", "about", "ahead"})
# Words that only introduce the phrase a `^` stands for ("* THEIR ^ ABOUT +").
SKIPPED_BEFORE_PHRASE = frozenset({"the", "a", "an", "their", "its", "his", "her", "our"})
HEADER = re.compile(r"^-{3}\s*(.*?)\s*\[([^\]]*)\]\s*-{3}")
CODE = re.compile(r"\[([^\]]*)\]\s*$")


class Skip(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def lines(path: Path) -> Iterable[str]:
    """Lines without comments; `<!-- ... -->` may span lines. A line holding only a `#` comment is
    dropped, not returned blank: a blank line ends a synonym set, a comment inside one must not."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if line.strip() or not raw.strip():
            yield line


def _cameo(code: str, notes: Counter | None = None) -> str | None:
    """The CAMEO code for `code`: itself, else its parent (0231 -> 023, 075 -> 070), else None.

    Only real parents: a three-digit code whose root is not 01-20 (WEIS codes such as 903 or 345 in
    older dictionaries) is no CAMEO code at all, although a loose lookup would read "90" as 090.
    A letter or "?" after the digits ("174K", "075A", "023?": the validation file's way of telling
    two patterns with one CAMEO meaning apart) is dropped: the code is the one the file gives, at the
    precision CAMEO has.
    """
    from .taxonomy import cameo_or_none

    code = code.strip()
    if len(code) > 3 and code[:-1].isdigit() and (code[-1].isalpha() or code[-1] == "?"):
        code = code[:-1]
        if notes is not None:
            notes["with a letter or ? after the code dropped"] += 1
    if not code.isdigit() or len(code) not in (3, 4) or not 1 <= int(code[:2]) <= 20:
        return None
    for cand in (code, code[:3], code[:2] + "0"):
        c = cameo_or_none(cand)
        if c is not None and c.code.startswith(code[:2]):
            return c.code
    return None


def read_code(raw: str, notes: Counter | None = None) -> tuple[str, bool]:
    """`[a]` or `[a:b]` -> (CAMEO code, mutual). Raises Skip when nothing codable is left."""
    raw = raw.strip()
    if not raw or raw.strip("-") == "":
        raise Skip("no code [---]")
    fwd, _, back = raw.partition(":")
    fwd, back = fwd.strip(), back.strip()
    if not fwd:
        raise Skip("reverse-only code [:code]")
    code = _cameo(fwd, notes)
    if code is None:
        raise Skip("not a CAMEO code")
    if back and _cameo(back) == code:
        return code, True  # "[050:050]": the same act both ways, like "clashed with"
    if back and notes is not None:
        # "[042:043]" (visit / host): a VerbPattern codes one direction; the reverse event is lost,
        # which misses an event rather than inventing one.
        notes["with the reverse code dropped"] += 1
    return code, False


def actor_slots(toks: list[str]) -> list[str]:
    """Rewrite the markers after the verb that say what the dependency reading says anyway:
    `PREP +` or `PREP %` as the last words (the target, or a compound one, is that preposition's
    object: "* WITH %") become the phrase `(PREP)`; `^` (any phrase), with the preposition or
    possessive before it ("AT ^", "THEIR ^"), is dropped, which loosens the pattern a little. Other
    markers stay, for the caller to skip the pattern: a source after the verb ("* FROM $") or a
    target before it turns the roles round, which a lexicon pattern cannot say."""
    out: list[str] = []
    for i, t in enumerate(toks):
        if t == "^":
            if out and out[-1].lower() in PREPOSITIONS | PARTICLES | SKIPPED_BEFORE_PHRASE:
                out.pop()
            continue
        if t in ("+", "%") and i == len(toks) - 1 and out and out[-1].lower() in PREPOSITIONS | PARTICLES:
            out[-1] = f"({out[-1].lower()})"
            continue
        out.append(t)
    return out


def split_phrase(text: str) -> list[str]:
    """Words and `{...}` groups of a phrase, `_` read as a space."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s]+", text.replace("_", " "))
