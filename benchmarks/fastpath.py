"""Does the fast path lose accuracy? The gold set coded twice in the same run.

`realpolitik code` parses only sentences holding a trigger word and an actor, runs spaCy without NER and
replaces its lemmatizer with lexicon tables. The baseline codes the same gold sentences with the FULL
spaCy pipeline handed to the Coder (spaCy's own tagger, attribute ruler and lemmatizer) and every
sentence parsed. Same rules, same dictionaries: any difference in the scores is the fast path's cost.

    python -m benchmarks.fastpath [--quick] [--split dev|test]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold"


class _EverySentence:
    """A trigger scanner that lets every sentence through to the parser."""

    def __init__(self, scanner):
        self._scanner = scanner

    def has_trigger(self, text: str) -> bool:
        return True

    def __getattr__(self, name):
        return getattr(self._scanner, name)


def _score(coder, sentences) -> tuple[dict, float]:
    from realpolitik.events.evaluate import evaluate

    started = time.perf_counter()
    preds = {s.id: coder.code_text(s.text, doc_id=s.id, date=s.date) for s in sentences}
    seconds = time.perf_counter() - started
    return evaluate(sentences, preds).to_dict(), seconds


def main(quick: bool = False, split: str = "dev") -> list[dict]:
    import spacy

    from realpolitik.config import DEFAULT_MODEL
    from realpolitik.events.coder import Coder
    from realpolitik.events.gold import load_gold

    sentences = load_gold(GOLD / f"{split}.jsonl")
    if quick:
        sentences = sentences[:120]
    fast = Coder()
    full = Coder(nlp=spacy.load(DEFAULT_MODEL))
    full.triggers = _EverySentence(full.triggers)
    full.pronoun_sentences = True
    (f, f_s), (b, b_s) = _score(fast, sentences), _score(full, sentences)
    rows = []
    for key, label in (("macro_f1", "macro-F1"), ("micro_f1", "micro-F1"), ("false_event_rate", "false-event rate")):
        rows.append({"name": f"gold {split} ({len(sentences)}) {label}, fast path vs full pipeline",
                     "value": f[key], "unit": "", "baseline": b[key],
                     "ratio": f[key] / b[key] if b[key] else None})
    rows.append({"name": f"gold {split} coding time, fast path vs full pipeline", "value": f_s, "unit": "s",
                 "baseline": b_s, "ratio": f_s / b_s if b_s else None})
    return rows


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="the first 120 sentences only")
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    args = ap.parse_args()
    for row in main(args.quick, args.split):
        print(row)
