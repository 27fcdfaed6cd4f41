"""Daily count panels for forecasting: dense (dyad, day, root) arrays and the features built on them.

A `Panel` holds, for a date range, daily weighted event counts per CAMEO root for a set of
directed country dyads, and each country's totals as source and as target (toward everyone).
The features of a dyad A->B at an origin day only read days before the origin:

  own      A->B      counts in the last h days, exponentially decayed counts, and the share of
                     past h-day windows with the root (the dyad's historical frequency)
  recip    B->A      the same, summed by quad class (how B has been treating A)
  third    A->others, others->A, B->others, others->B: decayed quad-class counts with the dyad
                     itself taken out, i.e. each side's activity with third parties
  recency  days since the last A->B event
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from .common import ROOTS, root_quads, weight_sql

# Column groups of the 'shared' feature block (see `features`), for ablations.
SHARED_GROUPS = {
    "own": list(range(0, 8)),            # A->B decayed quad counts, short and long memory
    "reciprocity": list(range(8, 20)),   # B->A last-h and decayed quad counts
    "third_party": list(range(20, 36)) + list(range(37, 53)),  # A->others, others->A, B->others, others->B
    "recency": [36],                     # log days since the last A->B event
}


def _quad_matrix() -> np.ndarray:
    q = np.array(root_quads()) - 1
    m = np.zeros((20, 4), dtype=np.float32)
    m[np.arange(20), q] = 1.0
    return m


@dataclass
class Panel:
    day0: dt.date
    days: int
    actors: list[str]
    src: np.ndarray  # actor index per dyad
    tgt: np.ndarray
    own: np.ndarray  # (D, T, 20) float32
    out: np.ndarray  # (A, T, 20): each actor as source, toward everyone
    inn: np.ndarray  # (A, T, 20): each actor as target
    rev: np.ndarray  # dyad index of the reverse dyad (always present)
    selected: np.ndarray  # dyads used as samples (the reverses are only there for reciprocity)

    def index(self, day: dt.date) -> int:
        return (day - self.day0).days

    def dyad(self, s: str, t: str) -> int | None:
        try:
            si, ti = self.actors.index(s), self.actors.index(t)
        except ValueError:
            return None
        hit = np.flatnonzero((self.src == si) & (self.tgt == ti))
        return int(hit[0]) if len(hit) else None


def load_panel(store, start: dt.date, end: dt.date, weight: str = "events", max_dyads: int = 800,
               min_events: float = 10, must: tuple[str, str] | None = None) -> Panel:
    """Country-level panel for days in [start, end): the `max_dyads` busiest dyads (plus `must`)."""
    from .rollup import daily_source

    rel, w, extra = daily_source(store, weight)  # the roll-up when fresh, else events itself
    days = (end - start).days
    con = store.con
    ok = (f"date >= $start AND date < $end AND {extra} AND source_country IS NOT NULL"
          " AND target_country IS NOT NULL AND source_country <> target_country"
          " AND source_country <> '' AND target_country <> ''")
    actors = [r[0] for r in con.execute(
        f"SELECT DISTINCT x FROM (SELECT source_country AS x FROM {rel} WHERE {ok}"
        f" UNION SELECT target_country FROM {rel} WHERE {ok}) ORDER BY x", {"start": start, "end": end}).fetchall()]
    roots = ", ".join(f"'{r}'" for r in ROOTS)
    if rel == "dyad_daily":  # already one row per (day, dyad, root): no re-aggregation needed
        inner = f"SELECT source_country AS s, target_country AS t, date, cameo_root, {w} AS n FROM {rel} WHERE {ok}"
    else:
        inner = (f"SELECT source_country AS s, target_country AS t, date, cameo_root, sum({w}) AS n FROM {rel}"
                 f" WHERE {ok} AND cameo_root IN ({roots}) GROUP BY ALL")
    res = con.execute(
        f"""
        WITH nm AS (SELECT unnest($names) AS name, CAST(generate_subscripts($names, 1) - 1 AS INTEGER) AS id)
        SELECT a.id AS si, b.id AS ti, CAST(date - $start AS INTEGER) AS d,
               CAST(cameo_root AS INTEGER) - 1 AS r, CAST(n AS FLOAT) AS n
        FROM ({inner}) ev JOIN nm a ON ev.s = a.name JOIN nm b ON ev.t = b.name
        WHERE cameo_root IN ({roots})
        """,
        {"names": actors, "start": start, "end": end},
    ).fetchnumpy()
    si, ti, d, r, n = (np.asarray(res[k]) for k in ("si", "ti", "d", "r", "n"))
    used = actors
    A = len(used)
    pair = si.astype(np.int64) * A + ti
    volume = np.bincount(pair, weights=n, minlength=A * A)
    order = np.argsort(-volume)
    chosen = [p for p in order[:max_dyads] if volume[p] >= min_events]
    if must and must[0] in used and must[1] in used:
        p = used.index(must[0]) * A + used.index(must[1])
        if p not in chosen:
            chosen.append(p)
    chosen = np.array(chosen, dtype=np.int64)
    rev_pairs = (chosen % A) * A + chosen // A
    all_pairs = np.unique(np.concatenate([chosen, rev_pairs]))
    slot = np.full(A * A, -1, dtype=np.int64)
    slot[all_pairs] = np.arange(len(all_pairs))
    D = len(all_pairs)
    cells = 20 * days
    flat_day_root = d.astype(np.int64) * 20 + r
    keep = slot[pair] >= 0
    # Rows are unique per (dyad, day, root) after the SQL aggregation, so plain assignment suffices.
    own = np.zeros((D, days, 20), dtype=np.float32)
    own[slot[pair[keep]], d[keep], r[keep]] = n[keep]
    out = np.bincount(si.astype(np.int64) * cells + flat_day_root, weights=n,
                      minlength=A * cells).astype(np.float32).reshape(A, days, 20)
    inn = np.bincount(ti.astype(np.int64) * cells + flat_day_root, weights=n,
                      minlength=A * cells).astype(np.float32).reshape(A, days, 20)
    return Panel(
        day0=start, days=days, actors=used, src=(all_pairs // A).astype(np.int64),
        tgt=(all_pairs % A).astype(np.int64), own=own, out=out, inn=inn,
        rev=slot[(all_pairs % A) * A + all_pairs // A], selected=slot[chosen],
    )


def load_pair(store, fa, fb, start: dt.date, end: dt.date, weight: str = "events") -> dict[str, np.ndarray]:
    """The six daily series of one arbitrary dyad (actor filters), each shaped (1, T, 20)."""
    from .rollup import daily_source

    if fa.kind == fb.kind == "country":  # country filters can read the daily roll-up when it is fresh
        rel, w, extra = daily_source(store, weight)
    else:
        rel, w, extra = "events", weight_sql(weight), "NOT coalesce(negated, false)"
    days = (end - start).days
    ab = f"({fa.sql('source')} AND {fb.sql('target')})"
    ba = f"({fb.sql('source')} AND {fa.sql('target')})"
    rows = store.con.execute(
        f"""
        SELECT CAST(date - ?::DATE AS INTEGER), CAST(cameo_root AS INTEGER) - 1,
               {fa.sql('source')}, {fa.sql('target')}, {fb.sql('source')}, {fb.sql('target')}, sum({w})
        FROM {rel}
        WHERE date >= ? AND date < ? AND {extra}
          AND ({fa.sql('source')} OR {fa.sql('target')} OR {fb.sql('source')} OR {fb.sql('target')})
          AND cameo_root IN ({", ".join(f"'{r}'" for r in ROOTS)})
          -- domestic events are left out of the panel, so also of the third-party totals here
          AND (coalesce(source_country, '') <> coalesce(target_country, '') OR {ab} OR {ba})
        GROUP BY ALL
        """,
        [start, start, end],
    ).fetchall()
    names = ("own", "recip", "a_out", "a_in", "b_out", "b_in")
    out = {k: np.zeros((1, days, 20), dtype=np.float32) for k in names}
    for d, r, a_s, a_t, b_s, b_t, n in rows:
        flags = (a_s and b_t, b_s and a_t, a_s, a_t, b_s, b_t)
        for k, f in zip(names, flags):
            if f:
                out[k][0, d, r] += n
    return out


def _stats(x: np.ndarray, o: int, h: int, lookback: int) -> dict[str, np.ndarray]:
    """Linear summaries of x[:, :o] (n, T, 20): last-h sum and two decayed sums, all (n, 20)."""
    lo = max(0, o - lookback)
    win = x[:, lo:o]
    lags = np.arange(o - lo, 0, -1, dtype=np.float32)  # days before the origin, oldest first
    tau_s, tau_l = max(float(h), 3.0), max(2.0 * h, 14.0)
    return {
        "h": x[:, max(0, o - h):o].sum(1),
        "dec_s": np.einsum("ntr,t->nr", win, np.exp(-(lags - 1) / tau_s)),
        "dec_l": np.einsum("ntr,t->nr", win, np.exp(-(lags - 1) / tau_l)),
    }


def _hist(x: np.ndarray, o: int, h: int, lookback: int) -> np.ndarray:
    """Jeffreys-smoothed share of the past h-day windows (within lookback) with >= 1 event, per root."""
    k = max(1, min(lookback, o) // h)
    win = x[:, o - k * h:o].reshape(x.shape[0], k, h, x.shape[2]).sum(2) > 0
    return (win.sum(1) + 0.5) / (k + 1.0)


def features(src: dict, o: int, h: int, lookback: int) -> dict[str, np.ndarray]:
    """Feature blocks at origin day index o (only days before o are read).

    `src` is either {"panel": Panel, "dyads": indices} or the six series of `load_pair`. Returns
    'shared' (n, 53; columns in SHARED_GROUPS), 'root' (n, 20, 4) and 'quad' (n, 4, 4) target-specific
    blocks, and the two baselines' inputs: 'persist' (occurred in the last h days) and 'hist'."""
    Q = _quad_matrix()
    lo = max(0, o - lookback)  # only the lookback window is read: slice before copying
    o = o - lo
    if "panel" in src:
        p, idx = src["panel"], src["dyads"]
        own_x, rec_x = p.own[idx, lo:lo + o], p.own[p.rev[idx], lo:lo + o]
        own, rec = _stats(own_x, o, h, lookback), _stats(rec_x, o, h, lookback)
        out_s, in_s = _stats(p.out[:, lo:lo + o], o, h, lookback), _stats(p.inn[:, lo:lo + o], o, h, lookback)
        a_out = {k: v[p.src[idx]] for k, v in out_s.items()}
        a_in = {k: v[p.src[idx]] for k, v in in_s.items()}
        b_out = {k: v[p.tgt[idx]] for k, v in out_s.items()}
        b_in = {k: v[p.tgt[idx]] for k, v in in_s.items()}
    else:
        own_x = src["own"][:, lo:lo + o]
        own, rec = _stats(own_x, o, h, lookback), _stats(src["recip"][:, lo:lo + o], o, h, lookback)
        a_out, a_in, b_out, b_in = (_stats(src[k][:, lo:lo + o], o, h, lookback)
                                    for k in ("a_out", "a_in", "b_out", "b_in"))
    hist = _hist(own_x, o, h, lookback)
    hist_q = _hist(own_x @ Q, o, h, lookback)
    lq = lambda v: np.log1p(np.maximum(v, 0.0) @ Q)  # noqa: E731  quad-class sums, log scale
    any_day = own_x[:, max(0, o - lookback):o].sum(2) > 0
    seen = any_day.any(1)
    last = np.where(seen, any_day.shape[1] - np.argmax(any_day[:, ::-1], axis=1) - 1, -1)
    since = np.where(seen, any_day.shape[1] - last, lookback + 1)
    shared = np.hstack([
        lq(own["dec_s"]), lq(own["dec_l"]), lq(rec["h"]), lq(rec["dec_s"]), lq(rec["dec_l"]),
        lq(a_out["dec_l"] - own["dec_l"]), lq(a_in["dec_l"] - rec["dec_l"]),
        lq(b_out["dec_l"] - rec["dec_l"]), lq(b_in["dec_l"] - own["dec_l"]),
        np.log1p(since)[:, None].astype(np.float32),
        # Short memory of the third-party terms: a surge around A or B shows here before A->B reacts.
        lq(a_out["dec_s"] - own["dec_s"]), lq(a_in["dec_s"] - rec["dec_s"]),
        lq(b_out["dec_s"] - rec["dec_s"]), lq(b_in["dec_s"] - own["dec_s"]),
    ])
    root = np.stack([np.log1p(own["h"]), np.log1p(own["dec_s"]), np.log1p(own["dec_l"]), hist], axis=2)
    quad = np.stack([lq(own["h"]), lq(own["dec_s"]), lq(own["dec_l"]), hist_q], axis=2)
    return {
        "shared": shared, "root": root, "quad": quad,
        "persist": np.hstack([own["h"] > 0, (own["h"] @ Q) > 0]).astype(np.float32),
        "hist": np.hstack([hist, hist_q]).astype(np.float32),
    }


def labels(x: np.ndarray, o: int, h: int) -> np.ndarray:
    """(n, 24) 0/1: each root then each quad class occurs at least once in days [o, o+h)."""
    fut = x[:, o:o + h].sum(1)
    return np.hstack([fut > 0, (fut @ _quad_matrix()) > 0]).astype(np.float32)
