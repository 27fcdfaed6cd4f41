"""Stories: coded events merged across outlets, and how salient each one is.

The store already rolls reports of one event on one day into one `events` row (same date, actors,
CAMEO code). Outlets still code the same story slightly differently (another day, a sub-code of the
same root, the government instead of the country), so events are merged further when they share
the directed dyad (country or organisation level) and CAMEO root, lie within `days` days of each
other, and their reporting sentences are alike: TF-IDF cosine (scikit-learn) of the events' mean
sentence vectors at least `min_cosine`. Merging is transitive (union-find).

Salience of a story, used to rank At a Glance and each section (documented in docs via this text):

    salience = log2(1 + reports) * outlets * (1 + |Goldstein|) * 0.5 ** (age / half_life)

reports = distinct sentences reporting it, outlets = distinct outlets, Goldstein = the strongest
score among its events (-10..10; statements score 0 and so count once), age = days from the story's
last date to the end of the window, half_life = half the window length (at least 7 days). Many
outlets and many reports of a consequential, recent act rank first.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .load import NON_STATE, EventRow, Mention


@dataclass
class Story:
    events: list[EventRow]
    salience: float = 0.0
    id: str = ""
    mentions: list[Mention] = field(default_factory=list)

    @property
    def lead(self) -> EventRow:
        """The event that speaks for the story: most reports, then strongest, then earliest."""
        return max(self.events, key=lambda e: (len(e.mentions), abs(e.goldstein), -e.date.toordinal(), e.event_id))

    @property
    def first_date(self) -> dt.date:
        return min(e.date for e in self.events)

    @property
    def last_date(self) -> dt.date:
        return max(e.date for e in self.events)

    @property
    def outlets(self) -> list[str]:
        return sorted({m.outlet for m in self.mentions})

    @property
    def articles(self) -> list[str]:
        return sorted({m.article_id for m in self.mentions})

    @property
    def event_ids(self) -> list[str]:
        return sorted(e.event_id for e in self.events)

    @property
    def goldstein(self) -> float:
        return max((e.goldstein for e in self.events), key=abs)

    @property
    def self_conflict(self) -> bool:
        """A state in conflict with itself ("Ukrainian forces attacked Ukraine"): source and target in one
        country, quad class 3-4. Mostly coding errors, so briefs do not headline them."""
        ev = self.lead
        key = ev.source_key
        return (bool(key) and key == ev.target_key and (ev.source.get("country") or "") not in NON_STATE
                and ev.quad_class in (3, 4))

    def citations(self, k: int = 3) -> list[Mention]:
        """One mention per outlet (earliest first), so a merged story cites every source it has."""
        by_outlet: dict[str, Mention] = {}
        for m in sorted(self.mentions, key=lambda m: (m.article_date or dt.date.min, m.article_id, m.sentence_index)):
            by_outlet.setdefault(m.outlet, m)
        picked = list(by_outlet.values())
        return picked if k <= 0 else picked[:max(k, 1)]


class _Union:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, i: int) -> int:
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _event_vectors(events: list[EventRow]) -> np.ndarray:
    sentences = [m.sentence for e in events for m in e.mentions]
    if not sentences:
        return np.zeros((len(events), 1))
    try:
        X = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(sentences).toarray()
    except ValueError:  # only stop words: nothing to compare, every event stays alone
        return np.zeros((len(events), 1))
    out, i = [], 0
    for e in events:
        n = len(e.mentions)
        v = X[i:i + n].mean(0) if n else np.zeros(X.shape[1])
        i += n
        norm = np.linalg.norm(v)
        out.append(v / norm if norm else v)
    return np.array(out)


def cluster(events: list[EventRow], days: int = 3, min_cosine: float = 0.2) -> list[Story]:
    """Merge events that report the same story; stories come back in date order."""
    events = sorted(events, key=lambda e: (e.date, e.event_id))
    V = _event_vectors(events)
    u = _Union(len(events))
    groups: dict[tuple, list[int]] = {}
    for i, e in enumerate(events):
        groups.setdefault((e.source_key, e.target_key, e.cameo_root), []).append(i)
    for idx in groups.values():
        for a_pos, a in enumerate(idx):
            for b in idx[a_pos + 1:]:
                if (events[b].date - events[a].date).days > days:
                    break
                if float(V[a] @ V[b]) >= min_cosine:
                    u.join(a, b)
    merged: dict[int, list[EventRow]] = {}
    for i, e in enumerate(events):
        merged.setdefault(u.find(i), []).append(e)
    stories = []
    for evs in merged.values():
        st = Story(evs)
        st.mentions = [m for e in evs for m in e.mentions]
        st.id = "s-" + min(e.event_id for e in evs)
        stories.append(st)
    stories.sort(key=lambda s: (s.first_date, s.id))
    return stories


def score(stories: list[Story], end: dt.date, window_days: int) -> None:
    """Set each story's salience (formula in the module docstring)."""
    half_life = max(7.0, window_days / 2)
    for s in stories:
        reports = len({(m.article_id, m.sentence_index) for m in s.mentions})
        age = max(0, (end - s.last_date).days)
        s.salience = (math.log2(1 + reports) * len(s.outlets) * (1 + abs(s.goldstein))
                      * 0.5 ** (age / half_life))


def ranked(stories: list[Story]) -> list[Story]:
    return sorted(stories, key=lambda s: (-s.salience, s.first_date, s.id))
