"""Text clean-up and the content identity of an article (hash, id, shingles)."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[^\S\n]+")
_BLANKS = re.compile(r"\n{3,}")
_ANY_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def clean_text(text: str) -> str:
    """The text as stored: NFC, unix newlines, no runs of spaces, at most one blank line.

    Event offsets point into this string, so it is computed once and never re-cleaned.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def normalised(text: str) -> str:
    """What two copies of one story share: case and whitespace do not count."""
    return _ANY_SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    return "a" + content_hash(text)[:16]


def shingles(text: str, size: int = 3) -> set[bytes]:
    """Word n-grams: a light edit changes only the few n-grams around it."""
    words = _WORD.findall(normalised(text))
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def word_count(text: str) -> int:
    return len(_WORD.findall(text))
