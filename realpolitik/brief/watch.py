"""What to watch: shift alerts and the next-move forecast from `realpolitik.analysis`.

Both analyses are optional for a brief. When one is missing or cannot run on the store (too little
history to train a forecast, say), the brief leaves that part out with a note saying why, and for
the forecast falls back to the historical baseline counted in the brief's own window: the
Jeffreys-smoothed share (k + 0.5) / (n + 1) of the last n seven-day windows in which the dyad did
that kind of thing. Every line cites the coded events behind it.
"""
from __future__ import annotations

import datetime as dt

from ..analysis.common import ActorFilter
from .load import EventRow
from .model import Citer, Line
from .names import Name, actor_name, filter_name
from .phrasing import Phraser, count, phrases, quad_noun, root_noun
from .sections import matches
from .stories import Story

ROOTS = [f"{i:02d}" for i in range(1, 21)]


def _code_in(filters: list[ActorFilter], code: str | None) -> bool:
    if not code:
        return False
    return any(matches(f, {"code": code, "country": code[:3]}) for f in filters)


def _name_for(key: str, evidence_code: str | None) -> Name:
    if key in ("IGO", "NGO", "IMG", "MNC") and evidence_code:
        return actor_name(evidence_code)
    return filter_name(key)


def shift_lines(store, filters: list[ActorFilter], events: dict[str, EventRow], start: dt.date, end: dt.date,
                ph: Phraser, citer: Citer, notes: list[str], k: int = 3) -> list[Line]:
    try:
        from ..analysis.shifts import shifts

        alerts = shifts(store, start, end, freq="week", min_events=3, limit=50, evidence=3)
    except Exception as exc:  # an analysis failure must not sink the brief
        notes.append(f"Shift alerts were left out: {exc}")
        return []
    mid = start + (end - start) / 2
    keep = []
    for a in alerts:
        if a["source"] == a["target"] and a["source"] not in ("IGO", "NGO", "IMG", "MNC"):
            continue  # a state's dealings with itself (government vs. its own forces) are not relations
        ev = [e for e in a.get("evidence", []) if e["event_id"] in events]
        if not ev or not all(_code_in(filters, e["source"]) and _code_in(filters, e["target"]) for e in ev):
            continue
        keep.append((a, ev))
    # Recent breaks matter most for what comes next; older ones fill in if there are none.
    keep.sort(key=lambda x: (x[0]["period"] + dt.timedelta(days=6) < mid, -x[0]["surprise"]))
    lines = []
    table = phrases()["watch"]
    for a, ev in keep[:k]:
        s = _name_for(a["source"], ev[0]["source"])
        t = _name_for(a["target"], ev[0]["target"])
        text = table[a["direction"]].format(
            S_poss=s.possessive, T=t.text, quad=quad_noun(a["quad_class"]), period=ph.day(a["period"]),
            observed=a["observed"], observed_n=count(a["observed"], "event"), baseline=a["baseline_mean"], p=f"{a['p_value']:.2g}")
        mentions = [m for e in ev for m in events[e["event_id"]].mentions[:1]]
        lines.append(Line(text[:1].upper() + text[1:], citer.cite(mentions), data={
            "kind": "shift", "source": a["source"], "target": a["target"], "quad_class": a["quad_class"],
            "period": a["period"].isoformat(), "direction": a["direction"], "observed": a["observed"],
            "baseline_mean": a["baseline_mean"], "p_value": a["p_value"], "significant": a["significant"],
            "event_ids": [e["event_id"] for e in ev]}))
    if not lines:
        notes.append("No shift alerts involving these actors: their weekly counts stayed within their own baselines.")
    return lines


def _dyad_events(stories: list[Story], fa: ActorFilter, fb: ActorFilter) -> list[EventRow]:
    return sorted((e for s in stories for e in s.events if matches(fa, e.source) and matches(fb, e.target)),
                  key=lambda e: (e.date, e.event_id))


POOLED = "pooled logistic regression"
BACKTEST_MAX_EVENTS = 100_000  # above this a backtest takes too long for a brief: the model is quoted untested


def _model_words(name: str | None) -> tuple[str, bool]:
    """('the pooled logistic-regression model', False) or ('the small-store fallback model (smoothed
    Gamma-Poisson)', True): the model's name as prose and whether the store is small."""
    if not name or name == POOLED:
        return "the pooled logistic-regression model", False
    kind = name.split("(")[0].strip()
    return f"the small-store fallback model ({kind})", True


def _backtest(store, fa: ActorFilter, fb: ActorFilter, as_of: dt.date) -> dict:
    """{"ran": bool, "won": bool, "ll", "ll_hist", "why"}: does the model's log-loss beat the historical
    baseline's, both over the sampled dyads and for this dyad? Skipped on stores too big to backtest fast."""
    try:
        n = store.execute("SELECT count(*) FROM events").fetchone()[0]
    except Exception:
        n = 0
    if n > BACKTEST_MAX_EVENTS:
        return {"ran": False, "won": True, "why": f"{n} events: too many to backtest quickly"}
    try:
        from ..analysis.forecast import backtest

        r = backtest(store, fa.value, fb.value, as_of, horizon="7d", evals=4)
    except Exception as exc:
        return {"ran": False, "won": False, "why": str(exc) or type(exc).__name__}
    by = {}
    for row in r.get("scores", []):
        by.setdefault(row["method"], []).append(row["log_loss"])
    model, hist = by.get("model") or [], by.get("historical") or []
    if not model or len(model) != len(hist):
        return {"ran": False, "won": False, "why": "no scores"}
    won = all(m < h for m, h in zip(model, hist))
    return {"ran": True, "won": won, "ll": model[-1], "ll_hist": hist[-1], "origins": len(r.get("origins", [])),
            "model": r.get("model")}


def forecast_lines(store, fa: ActorFilter, fb: ActorFilter, stories: list[Story], end: dt.date,
                   ph: Phraser, citer: Citer, notes: list[str], k: int = 2) -> list[Line]:
    """Model probabilities, quoted only when the model's backtest on this store beats the historical
    baseline (else the baseline alone is quoted), always naming the model; small-store (fallback)
    figures are called indicative. Nothing here is claimed to be calibrated."""
    dyad = _dyad_events(stories, fa, fb)
    if not dyad:
        return []
    s, t = filter_name(fa.value), filter_name(fb.value)
    table = phrases()["watch"]

    def evidence(root: str | None) -> list:
        hits = [e for e in dyad if root is None or e.cameo_root == root] or dyad
        return hits[-1].mentions[:1]

    as_of = end + dt.timedelta(days=1)
    try:
        from ..analysis.forecast import forecast

        f = forecast(store, fa.value, fb.value, as_of, horizon="7d", details=True)
    except Exception as exc:
        note = f"The forecast model was left out ({exc}); the forecast lines use the historical baseline only."
        if note not in notes:
            notes.append(note)
        return _baseline_only(dyad, s, t, end, ph, citer, k)
    model, small = _model_words(f.get("model"))
    bt = _backtest(store, fa, fb, as_of)
    size = "an indicative " if small else ""
    if bt["ran"]:
        check = table["backtest_won"].format(**bt)
    else:
        check = table["backtest_none"]
    if not bt["won"]:
        key = "backtest_lost" if bt["ran"] else "backtest_failed"
        notes.append(table[key].format(S=s.text, T=t.text, model=model, **{k: v for k, v in bt.items() if k != "model"}))
    probs = f["cameo_root"]
    hist = (f.get("baselines") or {}).get("historical") or [None] * 24
    pers = (f.get("baselines") or {}).get("persistence") or [None] * 24
    common = {"source": fa.value, "target": fb.value, "as_of": f["as_of"], "model": f.get("model") or POOLED,
              "small_store": small, "backtest": bt}
    lines = []
    if bt["won"]:
        order = sorted(ROOTS, key=lambda r: (-probs.get(r, 0), r))[:k]
    else:
        order = sorted(ROOTS, key=lambda r: (-(hist[ROOTS.index(r)] or 0), r))[:k]
    for root in order:
        i = ROOTS.index(root)
        values = dict(days=7, S=s.text, act_base=_act(root, t, "base"), p=probs[root], base=hist[i] or 0.0,
                      persist=pers[i] or 0.0, model=model, size=size, check=check)
        text = table["forecast" if bt["won"] else "forecast_baseline"].format(**values)
        lines.append(Line(text, citer.cite(evidence(root)), data={
            **common, "kind": "forecast" if bt["won"] else "forecast_baseline", "label": root_noun(root),
            "cameo_root": root, "p": probs[root] if bt["won"] else None, "model_p": probs[root],
            "historical": hist[i], "persistence": pers[i]}))
    quads = f.get("quad_class") or {}
    if quads:
        def base_of(q):
            j = 20 + int(q) - 1
            return hist[j] if len(hist) >= 24 and hist[j] is not None else 0.0

        q = max(quads, key=lambda q: (quads[q], q) if bt["won"] else (base_of(q), q))
        values = dict(quad=quad_noun(int(q)), S=s.text, T=t.text, p=quads[q], base=base_of(q), size=size,
                      model_cap=model[:1].upper() + model[1:])
        text = table["forecast_quad" if bt["won"] else "forecast_quad_baseline"].format(**values)
        lines.append(Line(text, citer.cite(evidence(None)), data={
            **common, "kind": "forecast_quad" if bt["won"] else "forecast_quad_baseline", "quad_class": int(q),
            "p": quads[q] if bt["won"] else None, "model_p": quads[q], "historical": base_of(q)}))
    return lines


def _act(root: str, target: Name, form: str) -> str:
    """The root's plainest phrasing (its first variant) with the target filled in."""
    return phrases()["roots"][root][0][form].format(T=target.text)


def _baseline_only(dyad: list[EventRow], s: Name, t: Name, end: dt.date, ph: Phraser, citer: Citer, k: int) -> list[Line]:
    first = min(e.date for e in dyad)
    n = max(1, ((end - first).days + 1 + 6) // 7)
    weeks: dict[str, set[int]] = {}
    for e in dyad:
        weeks.setdefault(e.cameo_root, set()).add((end - e.date).days // 7)
    lines = []
    for root in sorted(weeks, key=lambda r: (-len(weeks[r]), r))[:k]:
        hits = len(weeks[root])
        p = (hits + 0.5) / (n + 1)
        text = phrases()["watch"]["baseline_only"].format(S=s.text, act=_act(root, t, "past"), k=hits, n=n,
                                                              n_weeks=count(n, "week"), p=p)
        last = [e for e in dyad if e.cameo_root == root][-1]
        lines.append(Line(text[:1].upper() + text[1:], citer.cite(last.mentions[:1]), data={
            "kind": "baseline", "label": root_noun(root), "cameo_root": root, "weeks_with": hits, "weeks": n, "p": round(p, 4)}))
    return lines
