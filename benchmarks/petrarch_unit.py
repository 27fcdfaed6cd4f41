"""PETRARCH unit-test benchmark: how many of PETRARCH's 284 validation records our coder gets right.

Run: `python -m benchmarks.petrarch_unit [--limit N] [--failures]` (or via `python -m benchmarks`).
Needs ../shared/data/petrarch2 (the records plus the PETR.Validate actor and agent dictionaries);
without it the benchmark says so and returns no rows. A second run also loads PETRARCH's validation
verb dictionary (PETR.Validate.verbs.txt, through `Coder(verb_files=...)`, what `--verbs-petrarch`
does) on top of the shipped lexicon, and a third with the file's patterns tried first (the file's code
wins for every verb it codes, as in PETRARCH); the runs are reported side by side. The third is the one
that measures grammar fidelity: the records' codes are the file's, not the shipped lexicon's.

The records use a fictional world (Arnor, Gondor, ...) and PETRARCH's validation verb dictionary,
so some expected event codes are not CAMEO codes at all (903, 1717, ...): those codings can still
match on actors but never on the event code. Scoring, per record:
* each expected coding (source, target, event code) is paired with at most one coded event,
  greedily by how many of source code, target code and event root agree;
* a pair counts for "source"/"target" when the actor codes are equal, "source country" when their
  first three letters are, "root" when the first two digits of the event codes are, "exact" when
  the codes are equal and "full" when source, target and exact code all agree;
* records expecting no event (noevents, or an expected discard/parse error) are right when the
  coder produces nothing; a record is "all right" when every coding is a full match and no extra
  event was coded.
"""
from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "petrarch2"
RECORDS = "text/PETR.UnitTest.records.xml"
DICTIONARIES = ("dictionaries/PETR.Validate.actors.txt", "dictionaries/PETR.Validate.agents.txt")
VERBS = "dictionaries/PETR.Validate.verbs.txt"
# The measures shown for both runs (with and without the validation verb dictionary).
COMPARED = ("expected source code", "expected target code", "expected event root", "exact event code",
            "full coding (source, target, code)", "records entirely right", "spurious events")
QUICK_LIMIT = 60
HEADLINE = {
    "expected source code", "expected target code", "expected event root", "exact event code",
    "full coding (source, target, code)", "null records left uncoded", "records entirely right", "coding speed",
}


@dataclass(frozen=True)
class Coding:
    source: str
    target: str
    code: str


@dataclass
class UnitRecord:
    id: str
    date: str | None  # ISO
    category: str
    text: str
    codings: list[Coding] = field(default_factory=list)
    expect_nothing: bool = False  # noevents, or an expected discard / input error
    error: str | None = None


def _iso(d: str | None) -> str | None:
    if d and len(d) == 8 and d.isdigit():
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return d or None


def parse_records(path: str | Path) -> list[UnitRecord]:
    """Every <Sentence> of a PETRARCH validation file, text whitespace-normalised."""
    root = ET.parse(str(path)).getroot()
    out = []
    for s in root.iter("Sentence"):
        text_el = s.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        rec = UnitRecord(s.get("id", ""), _iso(s.get("date")), s.get("category", ""), text)
        for ec in s.findall("EventCoding"):
            if "eventcode" in ec.attrib:
                rec.codings.append(Coding(ec.get("sourcecode", ""), ec.get("targetcode", ""), ec.get("eventcode", "")))
            elif ec.get("noevents"):
                rec.expect_nothing = True
            elif ec.get("error"):
                rec.expect_nothing = True
                rec.error = ec.get("error")
        out.append(rec)
    return out


def _actor_code(actor: Any) -> str:
    if actor is None:
        return ""
    code = actor.get("code") if isinstance(actor, dict) else getattr(actor, "code", "")
    return (code or "").upper()


def _event_tuple(e: Any) -> tuple[str, str, str]:
    d = e if isinstance(e, dict) else None
    src = d.get("source") if d else e.source
    tgt = d.get("target") if d else e.target
    code = (d.get("cameo") if d else e.cameo) or ""
    return _actor_code(src), _actor_code(tgt), str(code)


def score_record(rec: UnitRecord, events: list[Any]) -> dict[str, Any]:
    """Per-record match flags; `pairs` lists (expected Coding, coded tuple or None)."""
    got = [_event_tuple(e) for e in events]
    cands = []
    for ci, c in enumerate(rec.codings):
        for gi, (s, t, code) in enumerate(got):
            agree = int(s == c.source) + int(t == c.target) + int(code[:2] == c.code[:2])
            cands.append((-agree, -int(code == c.code), ci, gi))
    cands.sort()
    used_c: dict[int, int] = {}
    used_g: set[int] = set()
    for _, _, ci, gi in cands:
        if ci not in used_c and gi not in used_g:
            used_c[ci] = gi
            used_g.add(gi)
    flags = {k: 0 for k in ("source", "target", "source_country", "target_country", "root", "exact", "full")}
    pairs = []
    for ci, c in enumerate(rec.codings):
        g = got[used_c[ci]] if ci in used_c else None
        pairs.append((c, g))
        if g is None:
            continue
        s, t, code = g
        ok = {
            "source": s == c.source, "target": t == c.target,
            "source_country": s[:3] == c.source[:3], "target_country": t[:3] == c.target[:3],
            "root": code[:2] == c.code[:2], "exact": code == c.code,
        }
        ok["full"] = ok["source"] and ok["target"] and ok["exact"]
        for k, v in ok.items():
            flags[k] += int(v)
    extra = len(got) - len(used_g)
    n = len(rec.codings)
    all_right = (not got) if rec.expect_nothing and not n else (flags["full"] == n and extra == 0)
    return {"id": rec.id, "codings": n, "coded": len(got), "extra": extra, "all_right": all_right,
            "flags": flags, "pairs": pairs}


def summarize(records: list[UnitRecord], scored: list[dict[str, Any]], seconds: float) -> list[dict[str, Any]]:
    """Rows {name, value, unit, count, total} for the benchmark table."""
    from realpolitik.events.taxonomy import cameo_or_none

    total_codings = sum(r["codings"] for r in scored)
    cameo_codings = sum(1 for rec in records for c in rec.codings if cameo_or_none(c.code) and len(c.code) >= 3)
    rows = []

    def add(name: str, count: int, total: int, what: str) -> None:
        pct = 100.0 * count / total if total else 0.0
        rows.append({"name": name, "value": round(pct, 1), "unit": f"% of {total} {what}", "count": count,
                     "total": total})

    for key, label in (("source", "expected source code"), ("target", "expected target code"),
                       ("source_country", "expected source country"), ("target_country", "expected target country"),
                       ("root", "expected event root"), ("exact", "exact event code"),
                       ("full", "full coding (source, target, code)")):
        add(label, sum(r["flags"][key] for r in scored), total_codings, "codings")
    event_recs = [r for rec, r in zip(records, scored) if rec.codings]
    for key, label in (("source", "records: all sources right"), ("target", "records: all targets right"),
                       ("root", "records: all roots right"), ("exact", "records: all codes exact")):
        add(label, sum(1 for r in event_recs if r["flags"][key] == r["codings"]), len(event_recs), "event records")
    empty_recs = [r for rec, r in zip(records, scored) if rec.expect_nothing and not rec.codings]
    add("null records left uncoded", sum(1 for r in empty_recs if r["coded"] == 0), len(empty_recs), "null records")
    add("records entirely right", sum(1 for r in scored if r["all_right"]), len(scored), "records")
    add("expected codes that are CAMEO codes", cameo_codings, total_codings, "codings")
    rows.append({"name": "spurious events", "value": sum(r["extra"] for r in scored), "unit": "events",
                 "count": None, "total": None})
    rows.append({"name": "coding speed", "value": round(len(records) / seconds, 1) if seconds else 0.0,
                 "unit": "records/s", "count": None, "total": None})
    return rows


def default_coder(base: Path = SHARED, verbs: bool = False, file_first: bool = False):
    """A Coder with the PETR.Validate actor and agent dictionaries (ARCHITECTURE contract); with
    `verbs`, also PETR.Validate.verbs.txt added to the shipped lexicon; with `file_first` too, the
    file's codes win over the shipped lexicon's for the verbs it codes (as in PETRARCH, whose
    dictionary the records were written against; see `extend_lexicon`)."""
    from realpolitik.events.coder import Coder
    from realpolitik.events.lexicon import default_lexicon
    from realpolitik.events.petrarch_verbs import extend_lexicon

    actors = [str(base / p) for p in DICTIONARIES]
    if not file_first:
        return Coder(petrarch_files=actors, verb_files=[str(base / VERBS)] if verbs else ())
    lexicon, reports = extend_lexicon(default_lexicon(), [base / VERBS], file_first=True)
    coder = Coder(petrarch_files=actors, lexicon=lexicon)
    coder.verb_reports = reports
    return coder


def run(records: list[UnitRecord], coder: Any, progress: Callable[[int], None] | None = None):
    """Code every record; returns (scored records, seconds spent coding)."""
    scored = []
    start = time.perf_counter()
    for i, rec in enumerate(records):
        events = coder.code_text(rec.text, doc_id=rec.id, date=rec.date) if rec.text else []
        scored.append(score_record(rec, list(events)))
        if progress:
            progress(i + 1)
    return scored, time.perf_counter() - start


def available(base: Path = SHARED) -> bool:
    return (base / RECORDS).is_file() and all((base / p).is_file() for p in DICTIONARIES)


def main(quick: bool = False, base: Path = SHARED, limit: int | None = None) -> list[dict[str, Any]]:
    if not available(base):
        print(f"petrarch_unit: skipped, {base} (PETRARCH records and dictionaries) is absent", file=sys.stderr)
        return []
    records = parse_records(base / RECORDS)
    if limit or quick:
        records = records[: limit or QUICK_LIMIT]
    coder = default_coder(base)
    scored, seconds = run(records, coder)
    rows = summarize(records, scored, seconds)
    # The combined `python -m benchmarks` table gets the headline measures only.
    out = [{"name": r["name"], "value": r["value"], "unit": r["unit"]} for r in rows if r["name"] in HEADLINE]
    if (base / VERBS).is_file():
        for label, first in (("+ validate verbs", False), ("validate verbs first", True)):
            scored_v, seconds_v = run(records, default_coder(base, verbs=True, file_first=first))
            out += [{"name": f"{r['name']} ({label})", "value": r["value"], "unit": r["unit"]}
                    for r in summarize(records, scored_v, seconds_v) if r["name"] in COMPARED[:5]]
    return out


def _print(rows: Iterable[dict[str, Any]], failures: list[dict[str, Any]] | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="PETRARCH unit-test records")
    for col in ("measure", "matched", "of", "%"):
        table.add_column(col, justify="left" if col == "measure" else "right")
    for r in rows:
        if r["unit"].startswith("% of"):
            table.add_row(r["name"], str(r["count"]), str(r["total"]), f"{r['value']:.1f}")
        else:  # a plain quantity: its unit goes with the name
            table.add_row(f"{r['name']} ({r['unit']})", str(r["value"]), "", "")
    console = Console()
    console.print(table)
    for f in failures or []:
        exp = "; ".join(f"{c.source}>{c.target}:{c.code} got {g[0]}>{g[1]}:{g[2]}" if g else
                        f"{c.source}>{c.target}:{c.code} got nothing" for c, g in f["pairs"]) or "expected nothing"
        console.print(f"[red]{f['id']}[/red] coded={f['coded']} extra={f['extra']} {exp}", highlight=False)


def _print_comparison(runs: list[tuple[str, list[dict[str, Any]]]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="PETRARCH unit-test records: shipped lexicon vs + PETR.Validate.verbs.txt "
                        "(added after the shipped patterns, or first)")
    table.add_column("measure")
    for label, _ in runs:
        table.add_column(label, justify="right")
    for name in COMPARED:
        cells = []
        for _, rows in runs:
            r = next(x for x in rows if x["name"] == name)
            cells.append(f"{r['count']}/{r['total']} ({r['value']:.1f}%)" if r["count"] is not None
                         else str(r["value"]))
        table.add_row(name, *cells)
    Console().print(table)


def cli(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.petrarch_unit", description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, default=None, help="only the first N records")
    p.add_argument("--failures", action="store_true", help="list the records not entirely right")
    p.add_argument("--shared", type=Path, default=SHARED, help="the petrarch2 folder (default ../shared/...)")
    p.add_argument("--no-verbs", action="store_true", help="skip the second run with PETR.Validate.verbs.txt")
    args = p.parse_args(argv)
    if not available(args.shared):
        print(f"petrarch_unit: skipped, {args.shared} (PETRARCH records and dictionaries) is absent")
        return 0
    records = parse_records(args.shared / RECORDS)[: args.limit]
    try:
        coder = default_coder(args.shared)
    except ImportError as exc:
        print(f"petrarch_unit: the coder is not available yet ({exc})", file=sys.stderr)
        return 1
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("coding PETRARCH records", total=len(records))
        scored, seconds = run(records, coder, progress=lambda n: bar.update(task, completed=n))
    rows = summarize(records, scored, seconds)
    _print(rows, [r for r in scored if not r["all_right"]] if args.failures else None)
    if args.no_verbs or not (args.shared / VERBS).is_file():
        return 0
    runs = [("shipped lexicon", rows)]
    for label, first in (("+ validate verbs", False), ("validate verbs first", True)):
        coder_v = default_coder(args.shared, verbs=True, file_first=first)
        for rep in coder_v.verb_reports:
            print(f"{label}: {rep.summary()}")
        with Progress(transient=True) as bar:
            task = bar.add_task(f"coding again ({label})", total=len(records))
            scored_v, seconds_v = run(records, coder_v, progress=lambda n: bar.update(task, completed=n))
        runs.append((label, summarize(records, scored_v, seconds_v)))
    _print_comparison(runs)
    return 0


if __name__ == "__main__":
    sys.exit(cli())
