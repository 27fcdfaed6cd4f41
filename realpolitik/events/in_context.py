"""Coding gold sentences inside their articles.

A sentence coded alone loses what the article told before it: who "he" is, which state "the
airstrikes" belong to. When gold sentences carry their place in an article (`article`, `start`,
`end`, as guardian_dev_labels.jsonl does), the coder reads each whole article once and every event
is credited to the labelled sentence that holds its trigger; events in unlabelled sentences are
ignored. This is how the coder is used on news, so it is the fairer measure of it.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from typing import Any, Iterable, Mapping

from .gold import Sentence


class ContextError(ValueError):
    """Gold sentences and articles that do not fit together; the message says which."""


def check_articles(sentences: list[Sentence], articles: Mapping[str, Mapping[str, Any]]) -> None:
    """Every sentence must name an article we have, and its text must sit at its offsets."""
    for s in sentences:
        if s.article is None:
            raise ContextError(f"gold sentence {s.id}: no 'article'/'start'/'end' to place it in an article")
        a = articles.get(s.article)
        if a is None:
            raise ContextError(f"gold sentence {s.id}: article {s.article!r} is not in the articles file")
        if (a.get("text") or "")[s.start:s.end].strip() != s.text.strip():
            raise ContextError(f"gold sentence {s.id}: its text is not at {s.start}:{s.end} of article {s.article!r}")


def code_in_context(coder: Any, sentences: list[Sentence], articles: Mapping[str, Mapping[str, Any]],
                    progress: Any = None) -> dict[str, list[Any]]:
    """{sentence id: events} from coding the sentences' articles whole (see module doc).

    `progress`, when given, is called once per coded article."""
    check_articles(sentences, articles)
    by_article: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        by_article[s.article].append(s)
    for group in by_article.values():
        group.sort(key=lambda s: s.start)
    preds: dict[str, list[Any]] = {s.id: [] for s in sentences}
    docs: Iterable[dict] = ({"id": aid, "text": articles[aid].get("text") or "",
                             "date": articles[aid].get("date")} for aid in by_article)
    for doc, events in coder.code_docs(docs):
        group = by_article[doc["id"]]
        starts = [s.start for s in group]
        for e in events:
            pos = e.trigger_start if e.trigger_start is not None else e.char_start
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0 and pos < group[i].end:
                preds[group[i].id].append(e)
        if progress is not None:
            progress()
    return preds
