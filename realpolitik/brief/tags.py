"""Tags for a brief: the actors, the kinds of act, and keyphrases of the cited reporting (YAKE)."""
from __future__ import annotations

import re
from collections import Counter

from .phrasing import plover_noun
from .stories import Story

_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "feb", "jan", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "said", "told", "says",
             # wire-copy boilerplate that says nothing about the topic
             "week", "statement", "reporters", "officials", "official", "spokesman", "spokeswoman", "media",
             "social", "news", "agency", "agencies", "wire", "day", "today", "yesterday", "year", "time",
             "held", "made", "took", "met", "added", "called", "including", "according"}


def keyphrases(texts: list[str], exclude: set[str], k: int = 8) -> list[str]:
    """Top YAKE keyphrases (1-2 words) of the cited articles, minus names and calendar words."""
    text = "\n\n".join(texts)
    if not text.strip():
        return []
    try:
        import yake
    except ImportError:  # tags are a convenience; a brief without keyphrases is still a brief
        return []
    extractor = yake.KeywordExtractor(lan="en", n=2, dedup_lim=0.7, top=60)
    blocked = {w.lower() for phrase in exclude for w in re.findall(r"[\w'-]+", phrase)} | _CALENDAR
    out: list[str] = []
    for phrase, _score in extractor.extract_keywords(text):
        words = re.findall(r"[\w'-]+", phrase.lower())
        if not words or any(w in blocked or w.isdigit() or len(w) < 3 for w in words):
            continue
        if all(w[:1].isupper() for w in phrase.split()):
            continue  # names of people and places: the actor tags already carry who is involved
        taken = {w for o in out for w in re.findall(r"[\w'-]+", o.lower())}
        if taken & set(words):
            continue  # overlaps a phrase already chosen ("held talks", "talks"): keep tags distinct
        out.append(phrase)
        if len(out) >= k:
            break
    return out


def topics(stories: list[Story], k: int = 5) -> list[str]:
    counts = Counter(s.lead.plover or "STATEMENT" for s in stories)
    return [plover_noun(t) for t, _ in counts.most_common(k)]
