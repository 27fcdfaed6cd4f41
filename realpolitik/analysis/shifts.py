"""Shift alerts: dyads whose event counts break from their own recent past.

Method. For every directed dyad and quad class, events are counted per period (week by default).
Each period in the report window is tested against a rolling baseline of the `baseline` periods
just before it: a negative binomial is fitted to the baseline counts by the method of moments
(mean m, variance v; r = m^2 / (v - m)), or a Poisson with mean m when v <= m (no overdispersion).
The mean is smoothed as (sum + 0.5) / n so an all-zero baseline still gives a finite score. The
alert score is the tail probability of the observed count under that model: P(X >= x) for a rise,
P(X <= x) for a drop, reported as surprise = -log10(p). With many dyads tested, an alert is
`significant` when p < alpha / number of tests (Bonferroni). Each alert lists the evidence: the
most-reported events of that dyad, quad class and period, with a sentence from `mentions`.

Goldstein (tone) shifts, with `goldstein=True` (the CLI's default). For every directed dyad, the
Goldstein scores of the period's events are compared with those of the baseline periods by Welch's
two-sample t-test (unequal variances, Welch-Satterthwaite degrees of freedom; each sample variance
floored at GOLDSTEIN_VAR_FLOOR so that uniform samples still give a finite t). It is tested only when
both the period and the baseline hold at least `min_events` events (and at least 3). A drop means
the dyad turned more hostile, a rise more cooperative. These alerts carry kind='goldstein', observed =
the period's mean Goldstein, baseline_mean = the baseline's, n and baseline_n, t and df; quad_class
is the period's most frequent quad class (descriptive only). Their p-values (two-sided) join the
count tests in one ranking by surprise and one Bonferroni count; their evidence is the period's
events of the dyad furthest in the direction of the change (lowest Goldstein for a drop).
"""
from __future__ import annotations

import datetime as dt

import numpy as np
from scipy import stats

from .common import AnalysisError, actor_filter, data_range, node_sql, parse_date, weight_sql
from .periods import FREQS, next_period, period_range, truncate

GOLDSTEIN_VAR_FLOOR = 0.25  # (half a Goldstein point)^2


def tail_pvalues(base: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of baseline counts and the observed counts -> (p_rise, p_drop, fitted mean)."""
    k = base.shape[1]
    m = (base.sum(1) + 0.5) / k
    v = base.var(1, ddof=1) if k > 1 else m
    over = v > m
    r = np.where(over, m * m / np.maximum(v - m, 1e-12), 1.0)
    p = np.where(over, r / (r + m), 0.5)
    p_rise = np.where(over, stats.nbinom.sf(x - 1, r, p), stats.poisson.sf(x - 1, m))
    p_drop = np.where(over, stats.nbinom.cdf(x, r, p), stats.poisson.cdf(x, m))
    return p_rise, p_drop, m


def shifts(store, start=None, end=None, freq: str = "week", baseline: int = 12, weight: str = "events",
           level: str = "country", actor: str | None = None, min_events: float = 5, alpha: float = 0.05,
           limit: int = 20, evidence: int = 3, drops: bool = True, goldstein: bool = False) -> list[dict]:
    """Ranked alerts (most surprising first) for the periods between start and end.

    Count alerts (kind='count'): each dyad and quad class's count against a negative binomial / Poisson
    fitted to the rolling baseline. With `goldstein`, also tone alerts (kind='goldstein'): each dyad's
    mean Goldstein in the period against the baseline's, by Welch's t-test (see the module doc)."""
    if freq not in FREQS:
        raise AnalysisError(f"freq {freq!r}: use one of {', '.join(FREQS)}")
    if level not in ("country", "code"):
        raise AnalysisError(f"level {level!r}: use country or code")
    if baseline < 2:
        raise AnalysisError("--baseline: need at least 2 periods")
    lo, hi = data_range(store)
    if hi is None:
        return []
    end = parse_date(end, "--to") or hi
    start = parse_date(start, "--from") or end - dt.timedelta(days={"day": 7, "week": 28, "month": 90}[freq])
    if start > end:
        raise AnalysisError(f"--from {start} is after --to {end}")
    eval_periods = period_range(start, end, freq)
    first = eval_periods[0]
    for _ in range(baseline):
        first = _prev(first, freq)
    periods = period_range(first, end, freq)
    index = {p: i for i, p in enumerate(periods)}
    who = ""
    if actor:
        f = actor_filter(actor, store)
        who = f" AND ({f.sql('source')} OR {f.sql('target')})"
    w = weight_sql(weight)
    src, tgt = node_sql("source", level), node_sql("target", level)  # IGO/NGO/IMG actors keep their codes
    rows = store.execute(
        f"""
        SELECT {src}, {tgt}, quad_class, CAST(date_trunc('{freq}', date) AS DATE), sum({w})
        FROM events
        WHERE NOT coalesce(negated, false) AND date >= ? AND date < ? {who}
              AND {src} IS NOT NULL AND {tgt} IS NOT NULL AND quad_class IS NOT NULL
        GROUP BY ALL
        """,
        [first, next_period(truncate(end, freq), freq)],
    ).fetchall()
    if not rows:
        return []
    tone = _goldstein_rows(store, level, who, first, next_period(truncate(end, freq), freq), freq) if goldstein else []
    keys = sorted({(r[0], r[1], int(r[2])) for r in rows})
    kidx = {k: i for i, k in enumerate(keys)}
    M = np.zeros((len(keys), len(periods)))
    for s, t, q, p, n in rows:
        M[kidx[(s, t, int(q))], index[p]] = n
    alerts = []
    n_tests = 0
    for p in eval_periods:
        j = index[p]
        base, x = M[:, j - baseline:j], M[:, j]
        p_rise, p_drop, mean = tail_pvalues(base, x)
        rise_ok = x >= min_events
        drop_ok = (mean >= min_events) & (x < mean) if drops else np.zeros_like(rise_ok)
        n_tests += int(rise_ok.sum() + drop_ok.sum())
        for i in np.flatnonzero(rise_ok | drop_ok):
            rise = bool(rise_ok[i] and (not drop_ok[i] or p_rise[i] <= p_drop[i]))
            pv = float(p_rise[i] if rise else p_drop[i])
            s, t, q = keys[i]
            alerts.append({
                "kind": "count",
                "source": s, "target": t, "quad_class": q, "period": p, "direction": "rise" if rise else "drop",
                "observed": float(x[i]), "baseline_mean": round(float(mean[i]), 3),
                "baseline_var": round(float(base[i].var(ddof=1)), 3),
                "n": float(x[i]), "baseline_n": float(base[i].sum()), "t": None, "df": None,
                "ratio": round(float((x[i] + 0.5) / (mean[i] + 0.5)), 3),
                "p_value": pv, "surprise": round(float(-np.log10(max(pv, 1e-300))), 3),
            })
    if tone:
        found, tested = goldstein_alerts(tone, periods, eval_periods, baseline, max(float(min_events), 3.0))
        alerts += found
        n_tests += tested
    for a in alerts:
        a["significant"] = a["p_value"] < alpha / max(n_tests, 1)
    alerts.sort(key=lambda a: (-a["surprise"], -a["observed"]))
    alerts = alerts[:limit]
    _attach_evidence(store, alerts, level, freq, evidence)
    return alerts


def _goldstein_rows(store, level: str, who: str, d0: dt.date, d1: dt.date, freq: str) -> list[tuple]:
    """Per dyad and period: events, sum and sum of squares of Goldstein, and counts per quad class."""
    src, tgt = node_sql("source", level), node_sql("target", level)
    return store.execute(
        f"""
        SELECT {src}, {tgt}, CAST(date_trunc('{freq}', date) AS DATE), count(*),
               sum(goldstein), sum(goldstein * goldstein),
               count(*) FILTER (quad_class = 1), count(*) FILTER (quad_class = 2),
               count(*) FILTER (quad_class = 3), count(*) FILTER (quad_class = 4)
        FROM events
        WHERE NOT coalesce(negated, false) AND date >= ? AND date < ? {who} AND goldstein IS NOT NULL
              AND {src} IS NOT NULL AND {tgt} IS NOT NULL AND quad_class IS NOT NULL
        GROUP BY ALL
        """,
        [d0, d1],
    ).fetchall()


def welch(n1, m1, v1, n0, m0, v0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Welch's t, Welch-Satterthwaite df and the two-sided p-value (arrays; variances already floored)."""
    a, b = v1 / n1, v0 / n0
    t = (m1 - m0) / np.sqrt(a + b)
    df = (a + b) ** 2 / (a * a / np.maximum(n1 - 1, 1) + b * b / np.maximum(n0 - 1, 1))
    return t, df, 2 * stats.t.sf(np.abs(t), df)


def goldstein_alerts(rows: list[tuple], periods: list[dt.date], eval_periods: list[dt.date], baseline: int,
                     min_n: float) -> tuple[list[dict], int]:
    """Welch tests of each dyad's period mean Goldstein against its baseline periods -> (alerts, tests)."""
    index = {p: i for i, p in enumerate(periods)}
    keys = sorted({(r[0], r[1]) for r in rows})
    kidx = {k: i for i, k in enumerate(keys)}
    N, S, SS = (np.zeros((len(keys), len(periods))) for _ in range(3))
    Q = np.zeros((len(keys), len(periods), 4))
    for s, t, p, n, g, gg, *q in rows:
        i, j = kidx[(s, t)], index[p]
        N[i, j], S[i, j], SS[i, j] = n, g, gg
        Q[i, j] = q
    alerts, tests = [], 0
    for p in eval_periods:
        j = index[p]
        n1, n0 = N[:, j], N[:, j - baseline:j].sum(1)
        ok = (n1 >= min_n) & (n0 >= min_n)
        tests += int(ok.sum())
        if not ok.any():
            continue
        s1, s0 = S[:, j], S[:, j - baseline:j].sum(1)
        ss1, ss0 = SS[:, j], SS[:, j - baseline:j].sum(1)
        with np.errstate(divide="ignore", invalid="ignore"):
            m1, m0 = s1 / n1, s0 / n0
            v1 = np.maximum((ss1 - n1 * m1 * m1) / np.maximum(n1 - 1, 1), GOLDSTEIN_VAR_FLOOR)
            v0 = np.maximum((ss0 - n0 * m0 * m0) / np.maximum(n0 - 1, 1), GOLDSTEIN_VAR_FLOOR)
            t, df, pv = welch(n1, m1, v1, n0, m0, v0)
        for i in np.flatnonzero(ok):
            s, tg = keys[i]
            pval = float(pv[i])
            alerts.append({
                "kind": "goldstein", "source": s, "target": tg, "quad_class": int(np.argmax(Q[i, j])) + 1,
                "period": p, "direction": "rise" if t[i] > 0 else "drop",
                "observed": round(float(m1[i]), 3), "baseline_mean": round(float(m0[i]), 3),
                "baseline_var": round(float(v0[i]), 3), "n": int(n1[i]), "baseline_n": int(n0[i]),
                "t": round(float(t[i]), 3), "df": round(float(df[i]), 1),
                "ratio": None, "p_value": pval, "surprise": round(float(-np.log10(max(pval, 1e-300))), 3),
            })
    return alerts, tests


def _prev(p: dt.date, freq: str) -> dt.date:
    return truncate(p - dt.timedelta(days=1), freq)


def _attach_evidence(store, alerts: list[dict], level: str, freq: str, k: int) -> None:
    """One query for all alerts: their top-k events by mentions, with a sentence each."""
    for a in alerts:
        a["evidence"] = []
    if not alerts or k <= 0:
        return
    import pyarrow as pa

    keys = pa.table({
        "alert": list(range(len(alerts))),
        "s": [a["source"] for a in alerts], "t": [a["target"] for a in alerts],
        # Tone alerts take events of any quad class, most extreme in the direction of the change first.
        "q": [None if a.get("kind") == "goldstein" else a["quad_class"] for a in alerts],
        "o": [(1.0 if a["direction"] == "drop" else -1.0) if a.get("kind") == "goldstein" else 0.0 for a in alerts],
        "d0": [a["period"] for a in alerts], "d1": [next_period(a["period"], freq) for a in alerts],
    })
    store.con.register("_shift_keys", keys)
    try:
        found = store.execute(
            f"""
            WITH ev AS (
                SELECT k.alert, e.event_id, e.date, e.source_code, e.target_code, e.cameo, e.cameo_label,
                       e.num_mentions, k.o * coalesce(e.goldstein, 0) AS ord
                FROM events e JOIN _shift_keys k
                  ON {node_sql("e.source", level)} = k.s AND {node_sql("e.target", level)} = k.t AND (k.q IS NULL OR e.quad_class = k.q)
                 AND e.date >= k.d0 AND e.date < k.d1
                WHERE NOT coalesce(e.negated, false)
                QUALIFY row_number() OVER (PARTITION BY k.alert ORDER BY k.o * coalesce(e.goldstein, 0),
                                           e.num_mentions DESC, e.date, e.event_id) <= {int(k)}
            )
            SELECT ev.alert, ev.event_id, ev.date, ev.source_code, ev.target_code, ev.cameo, ev.cameo_label,
                   ev.num_mentions, (SELECT arg_min(m.sentence, m.mention_id) FROM mentions m WHERE m.event_id = ev.event_id)
            FROM ev ORDER BY alert, ev.ord, num_mentions DESC, date, ev.event_id
            """
        ).fetchall()
    finally:
        store.con.unregister("_shift_keys")
    for alert, eid, date, sc, tc, cameo, label, nm, sent in found:
        alerts[alert]["evidence"].append({"event_id": eid, "date": date, "source": sc, "target": tc,
                                          "cameo": cameo, "label": label, "num_mentions": nm, "sentence": sent})
