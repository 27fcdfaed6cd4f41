"""Article context: the actors of an event that its own sentence leaves unnamed.

"Fighting, which began on 19 June, continued into Saturday", in an article about a government
offensive on Daraa rebels: news annotators code the offensive's two sides although the sentence
names neither. `ArticleContext` remembers the events already coded in one document, in reading
order, and lends an event with no doer of its own the actors of the same kind of event: the latest
such event a few sentences back, else the pair of actors the article has coded most often for that
kind (at least twice, and more often than any other pair). Never from nothing: an article that has
coded no event of the kind lends nothing. Lent actors are marked as guesses (lower confidence) and
are not themselves evidence for later sentences.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import yaml

from realpolitik.records import Actor, Event

_DATA = yaml.safe_load((Path(__file__).resolve().parent / "data" / "context.yaml").read_text(encoding="utf-8"))
_KINDS: dict[str, str] = {str(k): v for k, v in _DATA["kinds"].items()}
_BACKGROUND = {w.lower() for w in _DATA["background"]}
# Doers that wage the violence an article reports: states and their forces, rebels, militant
# groups. Civilians, police and commentators are not lent.
_DOERS = {None, "", "GOV", "MIL", "REB", "IMG"}
# Events whose doer the coder itself guessed (document context, coreference of a bare noun) are
# weaker evidence: within the window a surer event (at least this confident) is preferred.
SURE = 0.6
# How many sentences back the latest event of a kind still speaks for a doer-less one.
WINDOW = 3


def wants_context(f) -> bool:
    """Is frame `f` an event the article, not its sentence, must supply the doer of? An event noun
    that is what its clause is about ("Fighting ... continued", "The strikes seemed aimed at ...");
    "the war", "a battle" mentioned in passing and verbs whose subject failed to resolve are not
    (on the Guardian tuning split those were nearly all false events), nor a noun naming the whole war
    ("the war had displaced thousands")."""
    if not f.nominal or kind(f.root) is None or f.anchor.lemma_.lower() in _BACKGROUND:
        return False
    return f.anchor.dep_ in ("nsubj", "nsubjpass") and f.anchor.head.pos_ in ("VERB", "AUX")


def kind(root: str) -> str | None:
    """The kind of event a CAMEO root belongs to, if context may supply its actors."""
    return _KINDS.get(root)


def adjacent(mentions: list, text: str) -> list[list]:
    """Mentions in runs that form one phrase: only spaces or a hyphen between them ("Syrian
    government forces", "Iranian-backed militias")."""
    runs: list[list] = []
    for m in mentions:
        if runs and text[runs[-1][-1].end:m.start].strip(" -") == "" and m.start >= runs[-1][-1].end:
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def subject_at(sent, offset: int) -> tuple[int, int]:
    """Document span (start, end) of the subject phrase of a parsed sentence's main verb, up to its
    head word (not its relative clauses); (-1, -1) without one."""
    for t in sent.root.children:
        if t.dep_ in ("nsubj", "nsubjpass"):
            return offset + t.left_edge.idx, offset + t.idx + len(t.text)
    return -1, -1


class ArticleContext:
    """The events of one document so far; `lend` gives a doer-less event its likely actors."""

    def __init__(self, window: int = WINDOW):
        self.window = window
        self.seen: list[tuple[int, Event]] = []  # (sentence index, event), in reading order
        # Actors this context lent (not evidence), by id; kept here so that no id is reused.
        self._lent: dict[int, Actor] = {}

    def observe(self, si: int, events: list[Event]) -> None:
        for e in events:
            if id(e.source) not in self._lent and not e.negated and e.modality != "hypothetical":
                self.seen.append((si, e))

    def lend(self, root: str, si: int, exclude: set[str] = frozenset()) -> tuple[Actor, Actor | None] | None:
        """(source, target) for an event of CAMEO `root` in sentence `si` whose sentence names no
        doer; `exclude`: countries the sentence names as targets (never the doer)."""
        k = kind(root)
        if k is None:
            return None
        like = [(i, e) for i, e in self.seen if kind(e.cameo[:2]) == k and _doer(e.source)
                and e.source.country not in exclude]
        if not like:
            return None
        recent = [e for i, e in like if si - i <= self.window]
        e = next((e for e in reversed(recent) if e.confidence >= SURE), recent[-1] if recent else None)
        if e is None:
            pairs = Counter((e.source.code, e.target.code if e.target else None) for _, e in like)
            (best, n), *rest = pairs.most_common(2) + [(None, 0)]
            if n < 2 or n == rest[0][1]:
                return None
            e = next(e for _, e in reversed(like) if (e.source.code, e.target.code if e.target else None) == best)
        return self._mark(e.source), (self._mark(e.target) if e.target is not None else None)

    def _mark(self, actor: Actor) -> Actor:
        lent = replace(actor)
        self._lent[id(lent)] = lent
        return lent


def _doer(actor: Actor) -> bool:
    return bool(actor.country) and (actor.sector in _DOERS or actor.type == "IMG")
