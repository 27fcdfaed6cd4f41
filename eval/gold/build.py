"""Merge the hand-written gold parts into eval/gold/dev.jsonl and eval/gold/test.jsonl.

Parts (eval/gold/parts/*.jsonl) use a compact, hand-typed line format:

    {"d": "2014-08-08", "t": "sentence text",
     "e": [["1951", "USA|MIL|US warplanes", "IMG|REB|Isis positions", "struck"], ...]}

Each event is [cameo code, source actor, target actor or null, trigger]; an actor is
"COUNTRY|SECTOR|name". The PLOVER type and the two-digit root are derived from the CAMEO
code (a fixed table, see TYPE_BY_ROOT) so that the three never disagree. Negated events are
never listed, so "negated" is always false.

Ids (g0001...) follow the sorted part files and line order. The dev/test split is stable: a
sentence already in dev.jsonl or test.jsonl (same text) keeps its split; only new sentences are
dealt, seeded and balanced within the root of each sentence's first event ("none" for sentences
with no event).

Usage:  python eval/gold/build.py          # build + validate
        python eval/gold/build.py --check  # validate only, print counts
"""
from __future__ import annotations

import datetime as _dt
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = HERE / "parts"
SEED = 20261124

TYPE_BY_ROOT = {
    "01": "STATEMENT", "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST",
    "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}

# CAMEO codes (event codebook v1.1b3) accepted in the gold set.
CAMEO_CODES = set("""
010 011 012 013 014 015 016 017 018 019
020 021 0211 0212 0213 0214 022 023 0231 0232 0233 0234 024 0241 0242 0243 0244
025 0251 0252 0253 0254 0255 0256 026 027 028
030 031 0311 0312 0313 0314 032 033 0331 0332 0333 0334 034 0341 0342 0343 0344
035 0351 0352 0353 0354 0355 0356 036 037 038 039
040 041 042 043 044 045 046
050 051 052 053 054 055 056 057
060 061 062 063 064
070 071 072 073 074 075
080 081 0811 0812 0813 0814 082 083 0831 0832 0833 0834 084 0841 0842 085 086 0861 0862 0863
087 0871 0872 0873 0874
090 091 092 093 094
100 101 1011 1012 1013 1014 102 103 1031 1032 1033 1034 104 1041 1042 1043 1044
105 1051 1052 1053 1054 1055 1056 106 107 108
110 111 112 1121 1122 1123 1124 1125 113 114 115 116
120 121 1211 1212 122 1221 1222 1223 1224 123 1231 1232 1233 1234 124 1241 1242 1243 1244
1245 1246 125 126 127 128 129
130 131 1311 1312 1313 132 1321 1322 1323 1324 133 134 135 136 137 138 1381 1382 1383 1384
1385 139
140 141 1411 1412 1413 1414 142 1421 1422 1423 1424 143 1431 1432 1433 1434 144 1441 1442
1443 1444 145 1451 1452 1453 1454
150 151 152 153 154 155
160 161 162 1621 1622 1623 163 164 165 166 1661 1662 1663
170 171 1711 1712 172 1721 1722 1723 1724 173 174 175 176
180 181 182 1821 1822 1823 183 1831 1832 1833 1834 184 185 186
190 191 192 193 194 195 1951 1952 196
200 201 202 203 204 2041 2042
""".split())

SECTORS = {"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "CVL", "REF", "MED", "BUS", "SPY",
           "EDU", "REL", "HLH", "LAB", "ELI", "IGO", "NGO", ""}
SPECIAL_COUNTRIES = {"IGO", "NGO", "IMG"}


def cameo_root(code: str) -> str:
    return code[:2]


def plover_type(code: str) -> str:
    root = cameo_root(code)
    if root == "08":
        return "RETREAT" if code[:3] == "087" else "CONCEDE"
    return TYPE_BY_ROOT[root]


def _iso3() -> set[str]:
    try:
        import pycountry

        codes = {c.alpha_3 for c in pycountry.countries}
    except Exception:  # pragma: no cover - pycountry is a project dependency
        codes = set()
    return codes | {"PSE", "XKX"}


def parse_actor(s: str | None, where: str, iso: set[str]):
    if s is None:
        return None
    parts = s.split("|")
    if len(parts) != 3:
        raise ValueError(f"{where}: bad actor {s!r}")
    country, sector, name = (p.strip() for p in parts)
    if iso and country not in iso and country not in SPECIAL_COUNTRIES:
        raise ValueError(f"{where}: unknown country {country!r}")
    if sector not in SECTORS:
        raise ValueError(f"{where}: unknown sector {sector!r}")
    if not name:
        raise ValueError(f"{where}: empty actor name")
    return {"country": country, "sector": sector, "name": name}


def load_parts() -> list[dict]:
    iso = _iso3()
    rows = []
    seen_text = {}
    for path in sorted(PARTS.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: {exc}") from None
            text = raw["t"].strip()
            _dt.date.fromisoformat(raw["d"])
            if not ("1995-01-01" <= raw["d"] <= "2026-12-31"):
                raise ValueError(f"{where}: date out of range")
            nw = len(text.split())
            if not 10 <= nw <= 45:
                raise ValueError(f"{where}: {nw} words")
            if text in seen_text:
                raise ValueError(f"{where}: duplicate of {seen_text[text]}")
            seen_text[text] = where
            events = []
            for ev in raw["e"]:
                code, src, tgt, trig = ev
                if code not in CAMEO_CODES:
                    raise ValueError(f"{where}: bad CAMEO code {code!r}")
                if trig.lower() not in text.lower():
                    raise ValueError(f"{where}: trigger {trig!r} not in text")
                source = parse_actor(src, where, iso)
                if source is None:
                    raise ValueError(f"{where}: event without source")
                events.append({
                    "type": plover_type(code), "cameo": code, "cameo_root": cameo_root(code),
                    "source": source, "target": parse_actor(tgt, where, iso),
                    "trigger": trig, "negated": False,
                })
            rows.append({"date": raw["d"], "text": text, "events": events, "_part": path.stem})
    for i, r in enumerate(rows, 1):
        r["id"] = f"g{i:04d}"
    return rows


def group_of(row: dict) -> str:
    return row["events"][0]["cameo_root"] if row["events"] else "none"


def load_prior_splits() -> dict[str, str]:
    """Text -> split of every sentence already in the written dev.jsonl / test.jsonl."""
    prior: dict[str, str] = {}
    for split in ("dev", "test"):
        path = HERE / f"{split}.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                prior[json.loads(line)["text"]] = split
    return prior


def assign_splits(rows: list[dict], prior: dict[str, str] | None = None) -> None:
    """Give every row a split.

    A sentence already present in ``prior`` (text -> split, by default read from the written
    dev.jsonl / test.jsonl) keeps its split, so adding sentences never moves a held-out one.
    Only new sentences are dealt: grouped by main root, shuffled with a fixed seed, and each
    one goes to the split that has fewer sentences of its root so far (ties alternate across
    groups, keeping the overall total near 50/50).
    """
    if prior is None:
        prior = load_prior_splits()
    rng = random.Random(SEED)
    groups: dict[str, list[dict]] = defaultdict(list)
    have: Counter = Counter()
    for r in rows:
        old = prior.get(r["text"])
        if old in ("dev", "test"):
            r["split"] = old
            have[(group_of(r), old)] += 1
        else:
            r.pop("split", None)
            groups[group_of(r)].append(r)
    flip = 0
    for key in sorted(groups):
        members = groups[key][:]
        rng.shuffle(members)
        for r in members:
            d, t = have[(key, "dev")], have[(key, "test")]
            if d != t:
                split = "dev" if d < t else "test"
            else:
                split = "dev" if flip == 0 else "test"
                flip ^= 1
            r["split"] = split
            have[(key, split)] += 1


def summary(rows: list[dict]) -> str:
    out = []
    by_root = Counter((group_of(r), r.get("split", "?")) for r in rows)
    keys = sorted({k for k, _ in by_root})
    out.append("| main root | dev | test | total |\n|---|---|---|---|")
    for k in keys:
        d, t = by_root[(k, "dev")], by_root[(k, "test")]
        out.append(f"| {k} | {d} | {t} | {d + t} |")
    d = sum(1 for r in rows if r.get("split") == "dev")
    out.append(f"| all | {d} | {len(rows) - d} | {len(rows)} |")
    out.append("")
    by_type = Counter((e["type"], r.get("split", "?")) for r in rows for e in r["events"])
    out.append("| type (all events) | dev | test | total |\n|---|---|---|---|")
    for k in sorted({k for k, _ in by_type}):
        d, t = by_type[(k, "dev")], by_type[(k, "test")]
        out.append(f"| {k} | {d} | {t} | {d + t} |")
    n_ev = sum(len(r["events"]) for r in rows)
    out.append(f"| all events | | | {n_ev} |")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    rows = load_parts()
    assign_splits(rows)
    if "--check" not in argv:
        for split in ("dev", "test"):
            with open(HERE / f"{split}.jsonl", "w", encoding="utf-8") as fh:
                for r in rows:
                    if r["split"] == split:
                        out = {k: r[k] for k in ("id", "date", "text", "events", "split")}
                        fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    table = summary(rows)
    readme = HERE / "README.md"
    if "--check" not in argv and readme.exists():
        text = readme.read_text(encoding="utf-8")
        start, end = "<!-- counts:start -->", "<!-- counts:end -->"
        if start in text and end in text:
            head, rest = text.split(start, 1)
            _, tail = rest.split(end, 1)
            readme.write_text(f"{head}{start}\n{table}\n{end}{tail}", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
