"""Accuracy and speed of the event coder on hand-labelled Guardian sentences (../shared).

The labels (guardian_dev_labels.jsonl) are split by article number: EVEN articles are for tuning,
ODD for checking generalisation. Whole articles are coded (so coreference sees the context) and
each event is assigned to the labelled sentence holding its trigger. Scores come from
`realpolitik.events.evaluate` (PLOVER-type P/R/F1, macro-F1, actor accuracies, false-event rate).

    python -m benchmarks.guardian --split even [--show-errors 30] [--speed] [--verbs-petrarch FILE]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"


def _article_no(article_id: str) -> int:
    return int(article_id.rsplit("-", 1)[-1])


def load(split: str = "even", news: Path = NEWS) -> tuple[list[dict], dict[str, dict]]:
    labels = [json.loads(x) for x in (news / "guardian_dev_labels.jsonl").open(encoding="utf-8")]
    if split in ("even", "odd"):
        want = 0 if split == "even" else 1
        labels = [r for r in labels if _article_no(r["article"]) % 2 == want]
    ids = {r["article"] for r in labels}
    articles = {}
    for line in (news / "guardian_dev.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d["id"] in ids:
            articles[d["id"]] = d
    return labels, articles


def predict(coder, labels: list[dict], articles: dict[str, dict]) -> tuple[dict[str, list], float, int]:
    """{sentence id: [events]} for the labelled sentences (their articles coded whole, as
    `realpolitik evaluate --articles` does), seconds spent, words coded."""
    from realpolitik.events.gold import sentences_from_records
    from realpolitik.events.in_context import code_in_context

    sentences = sentences_from_records(labels, where="guardian labels")
    words = sum(len(a["text"].split()) for a in articles.values())
    t0 = time.perf_counter()
    preds = code_in_context(coder, sentences, articles)
    return preds, time.perf_counter() - t0, words


def show_errors(labels: list[dict], preds: dict[str, list], limit: int) -> None:
    shown = 0
    for r in labels:
        p = [e for e in preds[r["id"]] if not e.negated]
        gold = sorted(((e["type"], (e.get("source") or {}).get("country"), (e.get("target") or {}).get("country"))
                       for e in r["events"]), key=str)
        got = sorted(((e.plover, e.source.country, e.target.country if e.target else None) for e in p), key=str)
        if gold == got:
            continue
        print(f"\n## {r['id']}: {r['text'][:240]}")
        print("   gold:", gold)
        for e in p:
            print(f"   pred: {e.plover} {e.cameo} {e.source.code}->{e.target.code if e.target else None}"
                  f" [{e.trigger}] {e.modality} conf={e.confidence}")
        shown += 1
        if shown >= limit:
            break


def run(split: str = "even", errors: int = 0, speed: bool = False, verb_files: tuple[str, ...] = ()) -> dict:
    from realpolitik.events.coder import Coder
    from realpolitik.events.evaluate import evaluate

    labels, articles = load(split)
    coder = Coder(verb_files=verb_files)  # PETRARCH verb files: an experiment, not the default
    for r in coder.verb_reports:
        print(r.summary())
    coder.code_text("Warm-up: Russia attacked Ukraine.", "warmup")  # load the model outside the timing
    preds, secs, words = predict(coder, labels, articles)
    report = evaluate(labels, preds)
    if errors:
        show_errors(labels, preds, errors)
    out = {"split": split, "report": report, "seconds": secs, "words": words,
           "words_per_s": words / secs if secs else None, "stats": dict(coder.stats)}
    if speed:
        import spacy

        nlp = spacy.load(coder.model)
        texts = [a["text"] for a in articles.values()]
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        out["baseline_words_per_s"] = words / (time.perf_counter() - t0)
    return out


def main(quick: bool = False) -> list[dict]:
    if not NEWS.is_dir():
        return []
    r = run("even", speed=not quick)
    rep = r["report"]
    rows = [{"name": "guardian even: PLOVER macro-F1", "value": rep.macro_f1, "unit": ""},
            {"name": "guardian even: micro-F1", "value": rep.micro_f1, "unit": ""},
            {"name": "guardian even: source country acc", "value": rep.accuracy["source country accuracy"]["value"], "unit": ""},
            {"name": "guardian even: target country acc", "value": rep.accuracy["target country accuracy"]["value"], "unit": ""},
            {"name": "guardian even: false-event rate", "value": rep.false_event_rate, "unit": ""},
            {"name": "coder speed", "value": r["words_per_s"], "unit": "words/s",
             "baseline": r.get("baseline_words_per_s"),
             "ratio": (r["words_per_s"] / r["baseline_words_per_s"]) if r.get("baseline_words_per_s") else None}]
    return rows


def _print(r: dict) -> None:
    rep = r["report"]
    print(f"split={r['split']} sentences={rep.sentences} gold={rep.gold_events} predicted={rep.predicted_events}")
    for row in rep.per_type:
        print("  ", {k: (round(v, 3) if isinstance(v, float) else v) for k, v in row.items()})
    for row in rep.summary_rows():
        print(f"  {row['measure']:<42} {row['value']}  (n={row['n']})")
    print(f"  speed: {r['words_per_s']:.0f} words/s over {r['words']} words; {r['stats']}")
    if "baseline_words_per_s" in r:
        print(f"  baseline nlp.pipe full pipeline: {r['baseline_words_per_s']:.0f} words/s "
              f"(ratio {r['words_per_s'] / r['baseline_words_per_s']:.2f}x)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="even", choices=["even", "odd", "all"])
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--verbs-petrarch", action="append", default=[], metavar="FILE",
                    help="also load this PETRARCH/TABARI verb dictionary (repeatable)")
    a = ap.parse_args()
    _print(run(a.split, a.show_errors, a.speed, tuple(a.verbs_petrarch)))
