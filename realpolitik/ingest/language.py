"""Which language an article is in; only English goes further for now."""
from __future__ import annotations

from functools import lru_cache

# Short English headlines ("Russia expels diplomats") get scattered low-probability guesses,
# while real foreign-language text is recognised with near certainty and English near zero.
# So a text counts as foreign only when both hold; anything in between is kept.
FOREIGN_MIN_PROB = 0.5
ENGLISH_MAX_PROB = 0.05
SAMPLE_CHARS = 1000  # plenty for a confident guess; detection time grows with length


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language; 'en' whenever English is plausible."""
    ranked = _identifier().rank(text[:SAMPLE_CHARS])
    top, top_p = ranked[0]
    if top == "en":
        return "en"
    english_p = next((p for lang, p in ranked if lang == "en"), 0.0)
    if top_p >= FOREIGN_MIN_PROB and english_p <= ENGLISH_MAX_PROB:
        return top
    return "en"


def declared(value: object) -> str | None:
    """A language the input states ('en', 'en-GB', 'English'), reduced to its primary code."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    if code == "english":
        return "en"
    return code if 2 <= len(code) <= 3 and code.isalpha() else None
