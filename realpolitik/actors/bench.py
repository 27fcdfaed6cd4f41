"""Measure scanning speed: `python -m realpolitik.actors.bench ARTICLES.jsonl [--petrarch FILE ...]`.

Reads JSON lines with a `text` field (and optional `date`), scans every article whole, and reports
articles/s, characters/s and mentions found. The automaton is built once, before timing.
"""
from __future__ import annotations

import argparse
import json
import time

from .dictionary import ActorDictionary
from .resolver import ActorResolver


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--petrarch", action="append", default=[])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    with open(args.path, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    t0 = time.perf_counter()
    d = ActorDictionary.default()
    for p in args.petrarch:
        d.add_petrarch(p)
    r = ActorResolver(d)
    r.scan("warm up the automaton")
    build = time.perf_counter() - t0
    best = cpu = float("inf")
    mentions = 0
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        mentions = sum(len(r.scan(doc.get("text") or "", doc.get("date"))) for doc in docs)
        best = min(best, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)  # steadier than wall time on a busy machine
    chars = sum(len(doc.get("text") or "") for doc in docs)
    out = {"articles": len(docs), "chars": chars, "mentions": mentions, "build_s": round(build, 3),
           "scan_s": round(best, 4), "articles_per_s": round(len(docs) / best, 1),
           "mchars_per_s": round(chars / best / 1e6, 2), "cpu_s": round(cpu, 4),
           "articles_per_cpu_s": round(len(docs) / cpu, 1), "entries": len(d)}
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main()
