"""Statistical backoff for the rule-based coder: one event for sentences the rules leave empty.

The rules (grammar + lexicon) miss many events. This module looks only at sentences in which the
rules coded nothing but the actor dictionary finds at least one actor, and asks a linear classifier
(multinomial logistic regression trained by `realpolitik.events.train_backoff`, weights stored as
portable JSON in `events/data/backoff_model.json`, applied with numpy: no scikit-learn at run time)
for the sentence's PLOVER type or NONE. When the most probable type is not NONE and its
probability reaches the model's threshold (tuned by cross-validation at training time), one
low-confidence `Event` is emitted:

* cameo: the type's generic code (the most frequent root of that type in the training data + '0',
  e.g. ASSAULT -> '190'), taxonomy fields from `coder.taxonomy_entry`;
* source: the actor that is the grammatical subject (or the passive doer), else the first actor;
  target: the next actor with another code (preferring an object of the same verb), else None;
* trigger: the verb governing the source (else the sentence root); modality 'action';
* confidence: the probability scaled by `CONFIDENCE_SCALE` (backoff events rank below rule events).

Features (strings, see `features`): lemmas and lemma bigrams of the sentence, the lemmas of the
verbs governing the actor mentions (also with the mention's dependency role), the path between the
two most prominent actors, the root verb, actor sectors/kinds and negation.

Measured (`python -m realpolitik.events.train_backoff --evaluate`, nested 5-fold CV grouped by dev
sentence / Guardian article, on gold dev + Guardian even articles, coder of 2026-11-24 23:40 UTC):
rules alone macro-F1 0.662, micro-F1 0.666, false-event rate 0.053; rules + backoff 0.664, 0.664,
0.093. On the gold dev part +0.009 macro-F1 (false-event rate 0.03 -> 0.05), on the Guardian even
part -0.005 macro-F1, -0.008 micro-F1 (false-event rate 0.063 -> 0.112). It does not reliably
help: too few rule-missed sentences to learn 17 types from (about 120 events among 320
candidates), and on real news most actor-bearing sentences the rules leave empty have no event.
So training ships the model switched off (threshold 1.01: `Backoff.enabled` is False and
`augment` returns the rule events unchanged); pass `Backoff(model, threshold=0.5)` to try it.

Wiring (one call per document, after the rules):

    from realpolitik.events.backoff import Backoff
    backoff = Backoff.load()          # once per Coder; None-safe: Backoff.load() never raises
    events = backoff.augment(coder, text, events, doc_id, date)
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from realpolitik.records import Actor, Event

MODEL_PATH = Path(__file__).resolve().parent / "data" / "backoff_model.json"
CONFIDENCE_SCALE = 0.4
NONE = "NONE"
# Sectors whose members are rarely political actors (as in the coder): never a backoff source,
# except for protests.
APOLITICAL = {"CVL", "MED", "EDU", "BUS", "HLH", "REF", "AGR", "LAB", "REL", "MNC"}
_PHRASE_UP = {"compound", "amod", "poss", "nmod", "flat", "appos", "det", "nummod", "case", "hyph", "npadvmod"}
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_OBJ = {"dobj", "pobj", "dative", "attr", "oprd"}
_SKIP_POS = {"PUNCT", "SPACE", "NUM", "SYM", "DET", "CCONJ", "PART", "ADP", "PRON", "AUX"}


# -- features --------------------------------------------------------------------------------

def _lemma(t) -> str:
    lem = (t.lemma_ or "").lower()
    if not lem or lem == "-pron-":
        lem = t.lower_
    return lem


def _gov_verb(tok):
    """The nearest verb above `tok` (itself excluded), or the sentence root."""
    t = tok
    seen = 0
    while t.head is not t and seen < 40:
        t = t.head
        seen += 1
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
            return t
    return t


def _phrase_head(tok, limit_start: int, limit_end: int):
    """Climb from a mention token to the head of its noun phrase ("Russian troops" -> troops)."""
    t = tok
    for _ in range(8):
        h = t.head
        if h is t:
            break
        if t.dep_ in _PHRASE_UP and h.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
            t = h
            continue
        if t.dep_ == "pobj" and h.lower_ == "of" and h.head.pos_ in ("NOUN", "PROPN"):
            t = h.head
            continue
        break
    return t


@dataclass
class Mentioned:
    """One actor phrase of a sentence: its head token, resolved actor, role and governing verb."""

    head: Any  # spaCy Token
    actor: Actor
    kind: str
    role: str  # dependency of the phrase head (nsubj, dobj, pobj, agent-pobj, ...)
    verb: Any  # spaCy Token governing the phrase


def sentence_actors(sdoc, offset: int, mentions: Sequence, binder) -> list[Mentioned]:
    """Actor phrases of a parsed sentence, in order. `mentions` are document-relative actor
    mentions inside the sentence, `offset` the sentence's start in the document text."""
    toks_by_char = {}
    for t in sdoc:
        for c in range(t.idx, t.idx + len(t.text)):
            toks_by_char[c] = t
    out: list[Mentioned] = []
    seen_heads: set[int] = set()
    for m in mentions:
        tok = toks_by_char.get(m.start - offset)
        if tok is None:
            continue
        # the last token of the mention is usually the head of a multi-word name
        last = toks_by_char.get(m.end - 1 - offset, tok)
        head = _phrase_head(last, m.start - offset, m.end - offset)
        if head.i in seen_heads:
            continue
        actor = None
        if binder is not None:
            try:
                actor, _ = binder.bind(head, offset)
            except Exception:
                actor = None
            if actor is None:
                actor = binder.resolve_span(m.start, m.end, [m])
        if actor is None or not actor.country:
            continue
        seen_heads.add(head.i)
        role = head.dep_
        if role == "pobj" and head.head.dep_ == "agent":
            role = "agent"
        elif role == "pobj":
            role = "pobj_" + head.head.lower_
        out.append(Mentioned(head, actor, m.kind, role, _gov_verb(head)))
    return out


def _lex_types(lexicon, lemma: str, pos: str) -> set[str]:
    """PLOVER types the coder's lexicon gives a verb or noun lemma (any of its patterns)."""
    from realpolitik.events.coder import taxonomy_entry

    pats = []
    if pos == "VERB":
        pats = lexicon.verbs.get(lemma) or []
    elif pos in ("NOUN", "PROPN"):
        pats = lexicon.nouns.get(lemma) or []
    out = set()
    for p in pats:
        tax = taxonomy_entry(p.code)
        if tax is not None:
            out.add(tax.plover)
    return out


def features(sdoc, actors: Sequence[Mentioned], lexicon=None) -> list[str]:
    """Feature strings of a parsed sentence and its actor phrases (`lexicon`: the coder's, whose
    verb/noun entries add the PLOVER types they stand for as features)."""
    feats: set[str] = {"bias"}
    actor_tok = {a.head.i for a in actors}
    words = []
    for t in sdoc:
        if t.is_space or t.is_punct:
            continue
        lem = _lemma(t)
        words.append("ACT" if t.i in actor_tok else lem)
        if t.pos_ in _SKIP_POS or t.is_stop or not any(ch.isalpha() for ch in lem):
            continue
        feats.add("w=" + lem)
        if lexicon is not None:
            for typ in _lex_types(lexicon, lem, t.pos_):
                feats.add(f"lex{t.pos_[0]}={typ}")
                feats.add("lex=" + typ)
    for a, b in zip(words, words[1:]):
        feats.add(f"b={a}_{b}")
    root = next((t for t in sdoc if t.head is t), None)
    if root is not None:
        feats.add("root=" + _lemma(root))
    for t in sdoc:
        if t.dep_ == "neg":
            feats.add("neg")
            feats.add("neg=" + _lemma(t.head))
    ntok = sum(1 for t in sdoc if not t.is_punct and not t.is_space)
    feats.add("len=" + ("s" if ntok < 15 else "m" if ntok < 30 else "l" if ntok < 45 else "xl"))
    if any(t.tag_ == "MD" for t in sdoc):
        feats.add("modal")
    if any(ch in sdoc.text for ch in "\"“”"):
        feats.add("quote")
    if root is not None:
        feats.add("roottag=" + root.tag_)
    n = len(actors)
    feats.add("nact=" + ("1" if n == 1 else "2" if n == 2 else "3+"))
    for a in actors:
        v = _lemma(a.verb)
        feats.add("gov=" + v)
        feats.add(f"gov_{a.role}={v}")
        feats.add("role=" + a.role)
        feats.add("sec=" + (a.actor.sector or "-"))
        feats.add("kind=" + a.kind)
        feats.add(f"secrole={a.actor.sector or '-'}_{a.role}")
    src, tgt = pick_roles(actors)
    if src is not None:
        feats.add("src_gov=" + _lemma(src.verb))
        feats.add("src_tag=" + src.verb.tag_)
        feats.add("src_role=" + src.role)
        feats.add("src_sec=" + (src.actor.sector or "-"))
    if src is not None and tgt is not None:
        feats.add(f"rel={src.role}>{_lemma(src.verb)}<{tgt.role}")
        feats.add(f"relv={'same' if src.verb.i == tgt.verb.i else 'diff'}")
        feats.add(f"pairsec={src.actor.sector or '-'}_{tgt.actor.sector or '-'}")
        if src.verb.i == tgt.verb.i:
            feats.add(f"svo={_lemma(src.verb)}_{tgt.role}")
    return sorted(feats)


def pick_roles(actors: Sequence[Mentioned]) -> tuple[Mentioned | None, Mentioned | None]:
    """Source: the grammatical subject (or passive doer), else the first actor; target: the next
    actor with another code, preferring an object of the source's verb."""
    if not actors:
        return None, None
    src = next((a for a in actors if a.role == "agent"), None) \
        or next((a for a in actors if a.role in _SUBJ), None) or actors[0]
    others = [a for a in actors if a is not src and a.actor.code != src.actor.code]
    if not others:
        return src, None
    same = [a for a in others if a.verb.i == src.verb.i and (a.role in _OBJ or a.role.startswith("pobj_"))]
    after = [a for a in others if a.head.i > src.head.i]
    tgt = (same or after or others)[0]
    return src, tgt


# -- the model ---------------------------------------------------------------------------------

@dataclass
class LinearModel:
    """Multinomial logistic regression: P(class | features) = softmax(W x + b), x binary."""

    classes: list[str]
    weights: dict[str, np.ndarray]  # feature -> per-class weights
    intercept: np.ndarray
    threshold: float = 0.5
    codes: dict[str, str] = field(default_factory=dict)  # PLOVER type -> generic CAMEO code
    meta: dict[str, Any] = field(default_factory=dict)
    decision: str = "argmax"

    def proba(self, feats: Iterable[str]) -> np.ndarray:
        z = self.intercept.copy()
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                z += w
        z -= z.max()
        e = np.exp(z)
        return e / e.sum()

    def predict(self, feats: Iterable[str]) -> tuple[str, float]:
        """(class, score) to compare with the threshold. decision 'argmax': the most probable class
        and its probability (NONE when NONE wins); 'event': the most probable type other than NONE
        and the probability that the sentence has an event at all (1 - P(NONE))."""
        p = self.proba(feats)
        if self.decision == "event" and NONE in self.classes:
            k = self.classes.index(NONE)
            q = p.copy()
            q[k] = -1.0
            return self.classes[int(np.argmax(q))], float(1.0 - p[k])
        best = int(np.argmax(p))
        return self.classes[best], float(p[best])

    # JSON: {"format": "realpolitik-backoff/1", "classes": [...], "intercept": [...],
    #        "features": {"w=attack": [w per class], ...}, "threshold": t, "codes": {...}, "meta": {...}}
    def to_json(self) -> dict[str, Any]:
        return {
            "format": "realpolitik-backoff/1",
            "classes": self.classes,
            "intercept": [round(float(x), 5) for x in self.intercept],
            "threshold": self.threshold,
            "decision": self.decision,
            "codes": self.codes,
            "meta": self.meta,
            "features": {f: [round(float(x), 5) for x in w] for f, w in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "LinearModel":
        if d.get("format") != "realpolitik-backoff/1":
            raise ValueError(f"not a realpolitik backoff model: format {d.get('format')!r}")
        classes = list(d["classes"])
        k = len(classes)
        weights = {}
        for f, w in d["features"].items():
            if len(w) != k:
                raise ValueError(f"feature {f!r}: {len(w)} weights for {k} classes")
            weights[f] = np.asarray(w, dtype=float)
        return cls(classes, weights, np.asarray(d["intercept"], dtype=float),
                   float(d.get("threshold", 0.5)), dict(d.get("codes") or {}), dict(d.get("meta") or {}),
                   str(d.get("decision") or "argmax"))

    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> "LinearModel":
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))

    def save(self, path: str | Path = MODEL_PATH) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
                              encoding="utf-8")


# -- applying it ---------------------------------------------------------------------------------

@dataclass
class Candidate:
    """A sentence the rules left empty that names an actor: its parse, actors and features."""

    start: int
    end: int
    index: int
    sdoc: Any
    actors: list[Mentioned]
    feats: list[str]


def make_event(model: LinearModel, cand: Candidate, etype: str, prob: float, text: str,
               doc_id: str, date: str | None) -> Event | None:
    """The backoff Event for a candidate sentence predicted as `etype`, or None when no actor fits."""
    from realpolitik.events.coder import taxonomy_entry

    code = model.codes.get(etype)
    tax = taxonomy_entry(code) if code else None
    if tax is None:
        return None
    actors = [a for a in cand.actors if a.actor.sector not in APOLITICAL or etype == "PROTEST"]
    src, tgt = pick_roles(actors)
    if src is None:
        return None
    if src.verb is not None and any(c.dep_ == "neg" for c in src.verb.children):
        return None  # "did not attack": negated events are not coded
    verb = src.verb
    off = cand.start
    t_start, t_end = off + verb.idx, off + verb.idx + len(verb.text)
    return Event(
        doc_id=doc_id, event_id=f"{doc_id}:{cand.index}:b", date=date, source=src.actor,
        target=tgt.actor if tgt is not None else None, cameo=tax.code, cameo_label=tax.label,
        plover=tax.plover, plover_mode=tax.plover_mode or None, quad_class=tax.quad_class,
        goldstein=tax.goldstein, negated=False, modality="action", trigger=text[t_start:t_end],
        sentence=text[cand.start:cand.end], char_start=cand.start, char_end=cand.end,
        confidence=round(CONFIDENCE_SCALE * prob, 3), sentence_index=cand.index,
        trigger_start=t_start, trigger_end=t_end,
    )


def _parse(coder, texts: list[str]) -> list:
    from realpolitik.nlp.model import disabled_for_parsing

    if not texts:
        return []
    nlp = coder.nlp
    with nlp.select_pipes(disable=disabled_for_parsing(nlp)):
        docs = list(nlp.pipe(texts, batch_size=getattr(coder, "batch_size", 64)))
    lemmas = getattr(coder, "_lemmas", None)
    if lemmas is not None:
        docs = [lemmas(d) for d in docs]
    return docs


def candidates(coder, text: str, events: Sequence[Event], date: str | None,
               spans: Sequence[tuple[int, int]] | None = None) -> list[Candidate]:
    """Sentences of `text` (the splitter's, or `spans`) with no rule event and at least one actor."""
    from realpolitik.actors import CorefTracker
    from realpolitik.events.binding import Binder
    from realpolitik.nlp.sentences import split_sentences

    all_spans = split_sentences(text)
    want_spans = list(spans) if spans is not None else all_spans
    mentions = sorted(coder.resolver.scan(text, date=date), key=lambda m: m.start)
    if not mentions:
        return []
    binder = Binder(coder.resolver, CorefTracker(coder.resolver, date), text, mentions, date)
    coded = [(e.trigger_start if e.trigger_start is not None else e.char_start) for e in events]
    todo = []
    for si, (s, e) in enumerate(want_spans):
        if any(s <= p < e for p in coded):
            continue
        ms = binder.mentions_in(s, e)
        if ms:
            todo.append((si, s, e, ms))
    if not todo:
        return []
    docs = _parse(coder, [text[s:e] for _, s, e, _ in todo])
    # coreference sees the actors of earlier sentences, as in the coder
    observed_to = 0
    out = []
    for (si, s, e, ms), sdoc in zip(todo, docs):
        for m in mentions:
            if observed_to <= m.start < s:
                binder.observe(binder.resolve_span(m.start, m.end, [m]), m.text)
        observed_to = max(observed_to, s)
        acts = sentence_actors(sdoc, s, ms, binder)
        if not acts:
            continue
        out.append(Candidate(s, e, si, sdoc, acts, features(sdoc, acts, getattr(coder, "lexicon", None))))
    return out


class Backoff:
    """The trained model plus the glue to add its events to a document's rule events."""

    def __init__(self, model: LinearModel, threshold: float | None = None):
        self.model = model
        self.threshold = model.threshold if threshold is None else threshold

    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> "Backoff | None":
        """The shipped model, or None when it is missing or unreadable (the coder then runs rules only)."""
        try:
            return cls(LinearModel.load(path))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @property
    def enabled(self) -> bool:
        """False when training found no threshold at which the backoff helps (threshold > 1)."""
        return self.threshold <= 1.0

    def predict(self, cand: Candidate) -> tuple[str, float]:
        etype, p = self.model.predict(cand.feats)
        if etype == NONE or p < self.threshold:
            return NONE, p
        return etype, p

    def augment(self, coder, text: str, events: list[Event], doc_id: str = "doc",
                date: str | None = None, spans: Sequence[tuple[int, int]] | None = None) -> list[Event]:
        """`events` (the rules' events for the document `text`) plus one backoff event for each
        sentence without a rule event where the classifier is confident. Never raises on odd input:
        a failure returns `events` unchanged."""
        if not self.enabled:
            return list(events)
        try:
            cands = candidates(coder, text, events, date, spans)
        except Exception:
            return list(events)
        extra = []
        for c in cands:
            etype, p = self.predict(c)
            if etype == NONE:
                continue
            ev = make_event(self.model, c, etype, p, text, doc_id, date)
            if ev is not None:
                extra.append(ev)
        if not extra:
            return list(events)
        return sorted(list(events) + extra, key=lambda e: (e.char_start, e.event_id.endswith(":b")))
