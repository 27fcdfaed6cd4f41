"""Scoring coded events against gold sentences.

Matching rule (per sentence; STATEMENT is a type like the others):
1. Every (predicted, gold) pair of the *same* PLOVER type is scored by actor agreement: first the
   number of agreeing countries (source, target; two missing targets agree), then the number of
   agreeing sectors. Pairs are taken greedily, best score first, ties to the earlier event, each
   event used at most once. These are the true positives of their type.
2. Unmatched predictions are false positives of their type, unmatched gold events false negatives.
3. For the confusion matrix only, the leftovers of one sentence are paired again, this time across
   types with the same greedy actor preference: gold X with prediction Y counts in cell (X, Y).
   Gold events still left count in (X, NONE) - missed - and predictions still left in (NONE, Y) -
   spurious. A sentence with neither gold nor predicted events counts once in (NONE, NONE).

Precision of a type never predicted is 0 (as is recall of a type absent from gold). Macro-F1
averages F1 over the types present in gold; micro-F1 pools the counts of all types.
Actor accuracies are measured on type-matched pairs: source country over pairs whose gold source
has a country, target country over pairs whose gold event has a target; sector accuracies use the
same pairs (a missing sector agrees with a missing sector). CAMEO root accuracy is over matched
pairs whose gold event has a root, exact-code accuracy over those with a full code.
False-event rate: the share of gold sentences without events on which anything was predicted.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Mapping

from .gold import LabeledEvent, Sentence, group_predictions, sentences_from_records
from .taxonomy import PLOVER_TYPES

NONE = "NONE"


def _agreement(p: LabeledEvent, g: LabeledEvent) -> tuple[int, int]:
    countries = int(p.source_country is not None and p.source_country == g.source_country)
    countries += int(p.target_country == g.target_country)
    sectors = int(p.source_sector == g.source_sector) + int(p.target_sector == g.target_sector)
    return countries, sectors


def greedy_match(
    preds: list[LabeledEvent], golds: list[LabeledEvent], same_type: bool = True
) -> list[tuple[int, int]]:
    """(pred index, gold index) pairs chosen greedily by actor agreement (see module doc)."""
    cands = []
    for pi, p in enumerate(preds):
        for gi, g in enumerate(golds):
            if same_type and p.type != g.type:
                continue
            c, s = _agreement(p, g)
            cands.append((-c, -s, gi, pi))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, gi, pi in cands:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    return pairs


@dataclass
class _Ratio:
    hit: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.hit += int(ok)

    @property
    def value(self) -> float | None:
        return self.hit / self.n if self.n else None


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Report:
    sentences: int
    gold_events: int
    predicted_events: int
    per_type: list[dict[str, Any]]
    macro_f1: float
    micro_precision: float
    micro_recall: float
    micro_f1: float
    confusion_labels: list[str]
    confusion: dict[str, dict[str, int]]  # gold type -> predicted type -> count
    accuracy: dict[str, dict[str, Any]]  # measure -> {value, correct, n}
    empty_sentences: int
    false_event_sentences: int
    false_event_rate: float | None
    sentences_without_predictions: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary_rows(self) -> list[dict[str, Any]]:
        rows = [
            {"measure": "sentences", "value": self.sentences, "n": None},
            {"measure": "gold events", "value": self.gold_events, "n": None},
            {"measure": "predicted events", "value": self.predicted_events, "n": None},
            {"measure": "macro-F1 (gold types)", "value": round(self.macro_f1, 4), "n": None},
            {"measure": "micro precision", "value": round(self.micro_precision, 4), "n": None},
            {"measure": "micro recall", "value": round(self.micro_recall, 4), "n": None},
            {"measure": "micro-F1", "value": round(self.micro_f1, 4), "n": None},
        ]
        for name, a in self.accuracy.items():
            v = a["value"]
            rows.append({"measure": name, "value": None if v is None else round(v, 4), "n": a["n"]})
        fer = self.false_event_rate
        rows.append({"measure": "false-event rate (no-event sentences)",
                     "value": None if fer is None else round(fer, 4), "n": self.empty_sentences})
        return rows

    def confusion_rows(self) -> list[dict[str, Any]]:
        rows = []
        for g in self.confusion_labels:
            row: dict[str, Any] = {"gold \\ predicted": g}
            for p in self.confusion_labels:
                row[p] = self.confusion.get(g, {}).get(p, 0)
            rows.append(row)
        return rows


def _as_sentences(gold_records: Iterable[Any]) -> list[Sentence]:
    items = list(gold_records)
    if all(isinstance(x, Sentence) for x in items):
        return items
    return sentences_from_records(items)


def evaluate(gold_records: Iterable[Any], predictions: Any) -> Report:
    """Score predictions against gold.

    gold_records: `Sentence`s or raw gold dicts (either format in events.gold).
    predictions: {sentence id: [events]} or a flat iterable of events with `doc_id`; events may be
    `records.Event`, their dicts, or `LabeledEvent`s.
    """
    sentences = _as_sentences(gold_records)
    preds_by_id = group_predictions(predictions)
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    confusion: dict[str, dict[str, int]] = {}
    acc = {k: _Ratio() for k in (
        "source country accuracy", "target country accuracy", "source sector accuracy",
        "target sector accuracy", "CAMEO root accuracy", "CAMEO code accuracy")}
    empty = false_sent = missing = n_gold = n_pred = 0

    def bump(d: dict[str, int], k: str) -> None:
        d[k] = d.get(k, 0) + 1

    def cell(g: str, p: str) -> None:
        confusion.setdefault(g, {})
        confusion[g][p] = confusion[g].get(p, 0) + 1

    for s in sentences:
        golds = s.events
        if s.id not in preds_by_id:
            missing += 1
        preds = preds_by_id.get(s.id, [])
        n_gold += len(golds)
        n_pred += len(preds)
        if not golds:
            empty += 1
            false_sent += int(bool(preds))
        if not golds and not preds:
            cell(NONE, NONE)
            continue
        pairs = greedy_match(preds, golds, same_type=True)
        for pi, gi in pairs:
            p, g = preds[pi], golds[gi]
            bump(tp, g.type)
            cell(g.type, g.type)
            if g.source_country is not None:
                acc["source country accuracy"].add(p.source_country == g.source_country)
                acc["source sector accuracy"].add(p.source_sector == g.source_sector)
            if g.target_country is not None:
                acc["target country accuracy"].add(p.target_country == g.target_country)
                acc["target sector accuracy"].add(p.target_sector == g.target_sector)
            if g.cameo_root:
                acc["CAMEO root accuracy"].add(p.cameo_root == g.cameo_root)
            if g.cameo:
                acc["CAMEO code accuracy"].add(p.cameo == g.cameo)
        matched_p = {pi for pi, _ in pairs}
        matched_g = {gi for _, gi in pairs}
        left_p = [p for i, p in enumerate(preds) if i not in matched_p]
        left_g = [g for i, g in enumerate(golds) if i not in matched_g]
        for p in left_p:
            bump(fp, p.type)
        for g in left_g:
            bump(fn, g.type)
        cross = greedy_match(left_p, left_g, same_type=False)
        for pi, gi in cross:
            cell(left_g[gi].type, left_p[pi].type)
        crossed_p = {pi for pi, _ in cross}
        crossed_g = {gi for _, gi in cross}
        for gi, g in enumerate(left_g):
            if gi not in crossed_g:
                cell(g.type, NONE)
        for pi, p in enumerate(left_p):
            if pi not in crossed_p:
                cell(NONE, p.type)

    seen = set(tp) | set(fp) | set(fn)
    # Known types in codebook order, then anything unexpected (a typo in gold shows up, not hides).
    types = [t for t in PLOVER_TYPES if t in seen] + sorted(seen - set(PLOVER_TYPES))
    per_type = []
    for t in types:
        a, b, c = tp.get(t, 0), fp.get(t, 0), fn.get(t, 0)
        p, r, f = _prf(a, b, c)
        per_type.append({"type": t, "precision": p, "recall": r, "f1": f,
                         "support": a + c, "predicted": a + b, "tp": a})
    gold_types = [row for row in per_type if row["support"] > 0]
    macro = sum(r["f1"] for r in gold_types) / len(gold_types) if gold_types else 0.0
    mp, mr, mf = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    labels = types + [NONE]
    return Report(
        sentences=len(sentences),
        gold_events=n_gold,
        predicted_events=n_pred,
        per_type=per_type,
        macro_f1=macro,
        micro_precision=mp,
        micro_recall=mr,
        micro_f1=mf,
        confusion_labels=labels,
        confusion=confusion,
        accuracy={k: {"value": v.value, "correct": v.hit, "n": v.n} for k, v in acc.items()},
        empty_sentences=empty,
        false_event_sentences=false_sent,
        false_event_rate=false_sent / empty if empty else None,
        sentences_without_predictions=missing,
    )
