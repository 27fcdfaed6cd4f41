"""Tactic profiles: an actor's mix of CAMEO roots and PLOVER types, and what sets it apart.

Distinctive tactics are scored with the weighted log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", eqs. 16 and 22). For category w,

    delta_w = log((y_w + a_w) / (n + a0 - y_w - a_w)) - log((r_w + a_w) / (m + a0 - r_w - a_w))
    var_w  ~= 1 / (y_w + a_w) + 1 / (r_w + a_w),    z_w = delta_w / sqrt(var_w)

where y is the focal actor's counts (toward B, or toward everyone), r the comparison counts
(the actor toward everyone else = its own baseline, or every other actor), and the prior
a_w = a0 * (share of w among all events in the window) shrinks rare categories toward the
background. |z| > 1.96 is the usual "clearly distinctive" reading.
"""
from __future__ import annotations

import math
from collections import defaultdict

from .common import (ROOTS, AnalysisError, actor_filter, date_window, node_sql, root_table, weight_sql,
                     window_sql)

SCHEMES = {"cameo_root": "cameo_root", "plover": "plover"}
NO_TARGET = "(no target)"  # the counterpart of events without a target ('Russia mobilised')


def log_odds_z(focal: dict, rest: dict, background: dict, prior: float = 100.0) -> dict[str, tuple[float, float]]:
    """Category -> (delta, z) per Monroe et al. (2008); `prior` is a0, the prior's total pseudo-count."""
    cats = sorted(set(focal) | set(rest) | set(background))
    bg_total = sum(background.values()) or 1.0
    n, m = sum(focal.values()), sum(rest.values())
    out = {}
    for w in cats:
        # A small floor keeps categories unseen in the background finite.
        a = prior * max(background.get(w, 0.0), 0.5) / bg_total
        y, r = focal.get(w, 0.0), rest.get(w, 0.0)
        delta = math.log((y + a) / (n + prior - y - a)) - math.log((r + a) / (m + prior - r - a))
        z = delta / math.sqrt(1.0 / (y + a) + 1.0 / (r + a))
        out[w] = (delta, z)
    return out


def profile(store, a: str, toward: str | None = None, start=None, end=None, weight: str = "events",
            level: str = "country", top: int = 5, examples: int = 2, prior: float = 100.0) -> dict:
    """Mix by counterpart, distinctive tactics with z-scores, and example events for each."""
    if level not in ("country", "code"):
        raise AnalysisError(f"level {level!r}: use country or code")
    fa = actor_filter(a, store)
    fb = actor_filter(toward, store) if toward else None
    start, end = date_window(start, end)
    w, win = weight_sql(weight), window_sql(start, end)
    cp = node_sql("target", level)
    is_b = fb.sql("target") if fb else "FALSE"
    base = f"NOT coalesce(negated, false) AND {win}"
    # One pass over the actor's own events, one over everyone's: totals by category.
    own = store.execute(
        f"""SELECT {cp} AS cp, {is_b} AS is_b, cameo_root, coalesce(plover, '?') AS plover, sum({w}) AS n
            FROM events WHERE {base} AND {fa.sql('source')} GROUP BY ALL"""
    ).fetchall()
    everyone = store.execute(
        f"SELECT cameo_root, coalesce(plover, '?'), sum({w}) FROM events WHERE {base} GROUP BY ALL"
    ).fetchall()
    if not own:
        raise AnalysisError(f"actor {a!r}: no events as source in the window")

    by_cp: dict[str, dict] = defaultdict(lambda: defaultdict(float))
    counts = {s: {"focal": defaultdict(float), "own": defaultdict(float), "all": defaultdict(float)} for s in SCHEMES}
    for c, is_b_row, root, plover, n in own:
        c = c or NO_TARGET
        by_cp[c]["events"] += n
        by_cp[c][f"root_{root}"] += n
        by_cp[c][f"plover_{plover}"] += n
        for s, cat in (("cameo_root", root), ("plover", plover)):
            if fb is None or is_b_row:
                counts[s]["focal"][cat] += n
            else:
                counts[s]["own"][cat] += n
    for root, plover, n in everyone:
        counts["cameo_root"]["all"][root] += n
        counts["plover"]["all"][plover] += n
    if fb is not None and not sum(counts["cameo_root"]["focal"].values()):
        raise AnalysisError(f"actor {a!r} toward {toward!r}: no events in the window")

    mix = _mix_rows(by_cp)
    rt = root_table()
    tactics = _tactic_rows(by_cp, rt)
    distinct = []
    for s in SCHEMES:
        focal, own_rest, everyone_c = counts[s]["focal"], counts[s]["own"], counts[s]["all"]
        # Everyone else = all events minus the focal ones and, without --toward, minus the actor's own.
        others = {k: everyone_c.get(k, 0.0) - focal.get(k, 0.0) - own_rest.get(k, 0.0) for k in everyone_c}
        comparisons = [("vs_all_actors", others)]
        if fb is not None:
            comparisons.insert(0, ("vs_own_baseline", own_rest))
        n_focal = sum(focal.values()) or 1.0
        for name, rest in comparisons:
            n_rest = sum(rest.values()) or 1.0
            scored = log_odds_z(focal, rest, everyone_c, prior)
            for cat, (delta, z) in scored.items():
                distinct.append({
                    "scheme": s, "comparison": name, "category": cat,
                    "label": rt[cat]["label"] if s == "cameo_root" and cat in rt else cat,
                    "count": _n(focal.get(cat, 0.0)), "share": round(focal.get(cat, 0.0) / n_focal, 4),
                    "baseline_share": round(rest.get(cat, 0.0) / n_rest, 4),
                    "log_odds": round(delta, 4), "z": round(z, 3),
                })
    distinct.sort(key=lambda r: (r["scheme"], r["comparison"], -r["z"]))
    top_rows = _top(distinct, top)
    ex = _examples(store, base, fa, fb, top_rows, examples)
    for r in top_rows:
        r["examples"] = ex.get((r["scheme"], r["category"]), [])
    return {"actor": fa.label, "toward": fb.label if fb else None, "weight": weight,
            "mix": mix, "tactics": tactics, "distinctive": top_rows, "all_scores": distinct}


def _n(x: float):
    return int(x) if float(x).is_integer() else round(x, 4)


def _mix_rows(by_cp) -> list[dict]:
    """One row per counterpart: its event count and the share of each root and PLOVER type
    (every row has the same columns, so CSV/Parquet output stays rectangular)."""
    plovers = sorted({k for d in by_cp.values() for k in d if k.startswith("plover_")})
    rows = []
    for c, d in sorted(by_cp.items(), key=lambda kv: -kv[1]["events"]):
        n = d["events"]
        row = {"counterpart": c, "events": _n(n)}
        row.update({f"root_{r}": round(d.get(f"root_{r}", 0.0) / n, 4) for r in ROOTS})
        row.update({k: round(d.get(k, 0.0) / n, 4) for k in plovers})
        rows.append(row)
    return rows


def _tactic_rows(by_cp, rt) -> list[dict]:
    """The mix in long form: one row per counterpart x tactic used (CAMEO root, then PLOVER type),
    with its count and share of the events toward that counterpart; counterparts by events, tactics
    by count."""
    rows = []
    for c, d in sorted(by_cp.items(), key=lambda kv: (-kv[1]["events"], kv[0])):
        n = d["events"] or 1.0
        for scheme, prefix in (("cameo_root", "root_"), ("plover", "plover_")):
            cats = sorted(((k[len(prefix):], v) for k, v in d.items() if k.startswith(prefix) and v),
                          key=lambda kv: (-kv[1], kv[0]))
            for cat, v in cats:
                rows.append({
                    "counterpart": c, "counterpart_events": _n(d["events"]), "scheme": scheme, "category": cat,
                    "label": rt[cat]["label"] if scheme == "cameo_root" and cat in rt else cat,
                    "count": _n(v), "share": round(v / n, 4),
                })
    return rows


def _top(distinct: list[dict], top: int) -> list[dict]:
    """The `top` most over-used categories per (scheme, comparison), by z."""
    out, seen = [], defaultdict(int)
    for r in distinct:
        key = (r["scheme"], r["comparison"])
        if seen[key] < top and r["count"] > 0:
            seen[key] += 1
            out.append(dict(r))
    return out


def _examples(store, base, fa, fb, rows, k) -> dict:
    """Most-reported events per distinctive category, with one sentence from `mentions`."""
    if k <= 0 or not rows:
        return {}
    where = f"{base} AND {fa.sql('source')}" + (f" AND {fb.sql('target')}" if fb else "")
    out: dict = {}
    for s in SCHEMES:
        cats = sorted({r["category"] for r in rows if r["scheme"] == s})
        if not cats:
            continue
        col = SCHEMES[s]
        found = store.execute(
            f"""
            WITH ev AS (
                SELECT event_id, date, source_code, target_code, cameo, cameo_label, num_mentions,
                       coalesce({col}, '?') AS cat
                FROM events WHERE {where} AND coalesce({col}, '?') IN (SELECT unnest(?))
                QUALIFY row_number() OVER (PARTITION BY cat ORDER BY num_mentions DESC, date DESC, event_id) <= {int(k)}
            )
            SELECT ev.*, (SELECT arg_min(m.sentence, m.mention_id) FROM mentions m WHERE m.event_id = ev.event_id) AS sentence
            FROM ev ORDER BY cat, num_mentions DESC, date DESC, event_id
            """,
            [cats],
        ).fetchall()
        for eid, date, sc, tc, cameo, label, nm, cat, sent in found:
            out.setdefault((s, cat), []).append({
                "event_id": eid, "date": date, "source": sc, "target": tc, "cameo": cameo,
                "label": label, "num_mentions": nm, "sentence": sent,
            })
    return out
