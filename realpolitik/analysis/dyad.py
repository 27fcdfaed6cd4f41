"""Dyad series: what A does to B and B to A, period by period, and how each answers the other.

One DuckDB query aggregates the dyad by (period, direction, root, quad); the pivot into rows and
the reciprocity statistics run on that small result. Reciprocity is measured two ways:
  * lagged Pearson correlation of B->A Goldstein sum at period t with A->B at t+1 (and the reverse);
  * a conditional table of A's dominant quad class in period t+1 given B's in period t
    ('none' when a side did nothing that period).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np
from scipy import stats

from .common import QUADS, ROOTS, AnalysisError, actor_filter, date_window, weight_sql, window_sql
from .periods import FREQS, period_range

STATES = ["none", "1", "2", "3", "4"]


def dyad(store, a: str, b: str, freq: str = "month", start=None, end=None, weight: str = "events") -> dict:
    """Series for A->B, B->A and both combined, plus reciprocity; plain dicts and lists."""
    if freq not in FREQS:
        raise AnalysisError(f"freq {freq!r}: use one of {', '.join(FREQS)}")
    fa, fb = actor_filter(a, store), actor_filter(b, store)
    start, end = date_window(start, end)
    w = weight_sql(weight)
    ab = f"({fa.sql('source')} AND {fb.sql('target')})"
    ba = f"({fb.sql('source')} AND {fa.sql('target')})"
    rows = store.execute(
        f"""
        SELECT CAST(date_trunc('{freq}', date) AS DATE) AS period,
               CASE WHEN {ab} THEN 'ab' ELSE 'ba' END AS dir,
               cameo_root, quad_class, sum({w}) AS n, sum({w} * goldstein) AS g
        FROM events
        WHERE NOT coalesce(negated, false) AND {window_sql(start, end)} AND ({ab} OR {ba})
        GROUP BY ALL
        """
    ).fetchall()
    label = {"ab": f"{fa.label}->{fb.label}", "ba": f"{fb.label}->{fa.label}", "both": "both"}
    if not rows:
        return {"source": fa.label, "target": fb.label, "freq": freq, "weight": weight,
                "series": [], "reciprocity": _reciprocity({}, {}, [])}
    periods = period_range(start or min(r[0] for r in rows), end or max(r[0] for r in rows), freq)
    cells: dict[tuple, dict] = defaultdict(lambda: defaultdict(float))
    for period, d, root, quad, n, g in rows:
        for key in (d, "both"):
            c = cells[(period, key)]
            c["events"] += n
            c[f"r{root}"] += n
            c[f"q{quad}"] += n
            c["goldstein_sum"] += g or 0.0
    series = []
    for p in periods:
        for key in ("ab", "ba", "both"):
            c = cells.get((p, key), {})
            n = c.get("events", 0.0)
            coop = c.get("q1", 0.0) + c.get("q2", 0.0)
            row = {"period": p, "direction": label[key], "events": _num(n)}
            row.update({f"quad_{q}": _num(c.get(f"q{q}", 0.0)) for q in QUADS})
            row.update({f"root_{r}": _num(c.get(f"r{r}", 0.0)) for r in ROOTS})
            gs = c.get("goldstein_sum", 0.0)
            row["goldstein_sum"] = round(gs, 4)
            row["goldstein_mean"] = round(gs / n, 4) if n else None
            row["coop_share"] = round(coop / n, 4) if n else None
            series.append(row)
    recip = _reciprocity(
        {p: cells.get((p, "ab"), {}) for p in periods}, {p: cells.get((p, "ba"), {}) for p in periods}, periods
    )
    return {"source": fa.label, "target": fb.label, "freq": freq, "weight": weight,
            "series": series, "reciprocity": recip}


def _num(x: float):
    return int(x) if float(x).is_integer() else round(x, 4)


def _dominant(c: dict) -> str:
    if not c or not c.get("events"):
        return "none"
    return str(max(QUADS, key=lambda q: (c.get(f"q{q}", 0.0), -q)))


def _lagged(x: np.ndarray, y: np.ndarray) -> dict:
    """Pearson r of x[t] with y[t+1]; None when too short or constant."""
    xs, ys = x[:-1], y[1:]
    n = len(xs)
    if n < 3 or np.ptp(xs) == 0 or np.ptp(ys) == 0:
        return {"r": None, "p": None, "n": n}
    r, p = stats.pearsonr(xs, ys)
    return {"r": round(float(r), 4), "p": round(float(p), 6), "n": n}


def _reciprocity(ab: dict, ba: dict, periods: list[dt.date]) -> dict:
    g_ab = np.array([ab[p].get("goldstein_sum", 0.0) if ab.get(p) else 0.0 for p in periods])
    g_ba = np.array([ba[p].get("goldstein_sum", 0.0) if ba.get(p) else 0.0 for p in periods])
    table = {s: {t: 0 for t in STATES} for s in STATES}
    for p0, p1 in zip(periods, periods[1:]):
        table[_dominant(ba.get(p0))][_dominant(ab.get(p1))] += 1
    cond = []
    for s in STATES:
        total = sum(table[s].values())
        row = {"target_quad_t": s, "periods": total}
        row.update({f"source_next_{t}": round(table[s][t] / total, 4) if total else None for t in STATES})
        cond.append(row)
    return {
        "source_answers_target": _lagged(g_ba, g_ab),  # B at t -> A at t+1
        "target_answers_source": _lagged(g_ab, g_ba),
        "conditional": cond,
    }
