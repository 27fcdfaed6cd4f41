"""Forecasts: how likely is each CAMEO root and quad class in A->B within the next horizon?

Model. One logistic regression per target (20 roots + 4 quad classes), pooled across the busiest
country dyads and several past origins, all strictly before as-of (labels of a training origin end
on or before as-of). Features (see `panel.py`): the dyad's own recent and exponentially decayed
counts and its historical frequency for that root/quad, B->A reciprocity, both sides' activity with
third parties, and days since the last A->B event. Features are standardised; the L2-penalised
logistic loss gives probabilities that the backtest's calibration table checks.

Baselines. Persistence: the root occurred in the last horizon-length window, with the miss rate
fitted on the same training origins as probability of being wrong (p = 1 - eps or eps). Historical
frequency: the Jeffreys-smoothed share of past horizon-length windows with the root.
Expected Goldstein is the probability-weighted mean Goldstein score of the roots.

Small stores. When the pooled model cannot be trained (fewer than 5 country dyads with 10+ events
before as-of, or no complete training origin), `forecast` and `backtest` fall back to the
smoothed Gamma-Poisson model of `smooth.py` (the dyad's recency-weighted rates shrunk toward its own
and the source's overall rates, with a B->A reciprocity term). `forecast(..., details=True)` and
`backtest` say which model was used under "model".
"""
from __future__ import annotations

import datetime as dt
import threading
import warnings
from collections import OrderedDict

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss
from threadpoolctl import threadpool_limits

from .common import QUADS, ROOTS, AnalysisError, actor_filter, data_range, parse_date, root_quads, root_table
from .panel import SHARED_GROUPS, features, labels, load_pair, load_panel
from .rollup import events_signature
from .smooth import SmoothedForecaster
from .smooth import blocks as smooth_blocks

HORIZONS = {"1d": 1, "7d": 7, "30d": 30}
N_TARGETS = 24
CLIP = 1e-4
MAX_TRAIN_ROWS = 6000  # (dyad, origin) samples per fit
POOLED = "pooled logistic regression"
MIN_DYADS = 5


class NotEnoughData(AnalysisError):
    """Too little history for the pooled model; `forecast` and `backtest` then use the smoothed model."""


def parse_horizon(h: str | int) -> int:
    if isinstance(h, int):
        return h
    if h in HORIZONS:
        return HORIZONS[h]
    raise AnalysisError(f"horizon {h!r}: use one of {', '.join(HORIZONS)}")


OWN_ONLY = SHARED_GROUPS["own"] + SHARED_GROUPS["recency"]


def _design(blocks: dict, k: int, own_only: bool = False) -> np.ndarray:
    own = blocks["root"][:, k, :] if k < 20 else blocks["quad"][:, k - 20, :]
    shared = blocks["shared"][:, OWN_ONLY] if own_only else blocks["shared"]
    return np.hstack([shared, own])


def _concat(blocks: list[dict]) -> dict:
    return {k: np.concatenate([b[k] for b in blocks]) for k in blocks[0]}


class TacticForecaster:
    """24 independent logistic regressions on shared + target-specific features."""

    def __init__(self, C: float = 0.1, own_only: bool = False):
        self.C = C
        self.own_only = own_only  # ablation: only the dyad's own past (no reciprocity, no third parties)
        self.models: list = []
        self.eps = np.full(N_TARGETS, 0.1)
        self.scale: dict = {}

    def _scaled(self, blocks: dict) -> dict:
        """Standardise each block once (per column, and per target for the target-specific blocks)."""
        return {k: (blocks[k] - m) / sd for k, (m, sd) in self.scale.items()}

    def fit(self, blocks: dict, Y: np.ndarray) -> "TacticForecaster":
        # Small dense problems: multi-threaded BLAS only adds contention (measured 5x slower on 2 busy cores).
        with threadpool_limits(1):
            return self._fit(blocks, Y)

    def _fit(self, blocks: dict, Y: np.ndarray) -> "TacticForecaster":
        self.scale = {k: (blocks[k].mean(0), blocks[k].std(0) + 1e-6) for k in ("shared", "root", "quad")}
        scaled = self._scaled(blocks)
        self.models = []
        for k in range(N_TARGETS):
            y = Y[:, k]
            if y.min() == y.max():  # one class only: a smoothed constant is all we can say
                self.models.append(float(np.clip((y.sum() + 0.5) / (len(y) + 1), CLIP, 1 - CLIP)))
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                lr = LogisticRegression(C=self.C, solver="newton-cholesky", tol=1e-3, max_iter=50)
                self.models.append(lr.fit(_design(scaled, k, self.own_only), y))
        # Persistence baseline's error rate, from the same training origins.
        self.eps = np.clip((Y != blocks["persist"]).mean(0), 0.01, 0.5)
        return self

    def predict(self, blocks: dict) -> np.ndarray:
        n = blocks["shared"].shape[0]
        scaled = self._scaled(blocks)
        P = np.empty((n, N_TARGETS))
        for k, m in enumerate(self.models):
            P[:, k] = m if isinstance(m, float) else m.predict_proba(_design(scaled, k, self.own_only))[:, 1]
        # The targets are fitted separately; a quad class occurs whenever one of its roots does,
        # so its probability is raised to at least that of its likeliest root.
        quads = np.array(root_quads())
        for q in QUADS:
            P[:, 19 + q] = np.maximum(P[:, 19 + q], P[:, :20][:, quads == q].max(1))
        return np.clip(P, CLIP, 1 - CLIP)

    def persistence(self, blocks: dict) -> np.ndarray:
        return np.where(blocks["persist"] > 0, 1 - self.eps, self.eps)


def _plan(h: int, lookback: int | None, origins: int | None, step: int | None) -> tuple[int, int, int]:
    """Feature lookback, number of training origins and their spacing (days).

    Short horizons have noisy one-day labels, so they train on more, denser origins; in the
    backtest on simulated streams 30 daily origins beat 8 weekly ones for 1d (and 8 suffice for 7d/30d).
    """
    short = h < 7
    return (lookback or max(90, 6 * h), origins or (30 if short else 8), step or (1 if short else h))


def _train(panel, o_end: int, h: int, lookback: int, origins: int, step: int,
           own_only: bool = False) -> TacticForecaster:
    """Fit on origins whose label windows end by day index o_end.

    With many origins x dyads, each origin uses a seeded random subset of the dyads so the total
    stays near MAX_TRAIN_ROWS: training time stays flat on big stores and features are only
    computed for rows that are used."""
    rng = np.random.default_rng(0)
    per_origin = max(50, MAX_TRAIN_ROWS // max(origins, 1))
    blocks, ys = [], []
    for j in range(origins):
        o = o_end - h - j * step
        if o - h < 0:
            break
        idx = panel.selected
        if len(idx) > per_origin:
            idx = np.sort(rng.choice(idx, per_origin, replace=False))
        blocks.append(features({"panel": panel, "dyads": idx}, o, h, lookback))
        ys.append(labels(panel.own[idx], o, h))
    if not blocks:
        raise NotEnoughData("forecast: not enough history before --as-of to train")
    return TacticForecaster(own_only=own_only).fit(_concat(blocks), np.concatenate(ys))


_CACHE: OrderedDict = OrderedDict()
_CACHE_LOCK = threading.Lock()
CACHE_SIZE = 8


def _trained(store, as_of: dt.date, h: int, weight: str, L: int, J: int, s: int, max_dyads: int) -> TacticForecaster:
    """The pooled model does not depend on the dyad asked about, so it is cached per store state,
    as-of, horizon and settings: a second forecast for another dyad skips training. The key holds
    the events signature, so new events invalidate it."""
    key = (str(getattr(store, "path", id(store))), events_signature(store), as_of, h, weight, L, J, s, max_dyads)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    start = as_of - dt.timedelta(days=h + (J - 1) * s + L)
    panel = load_panel(store, start, as_of, weight, max_dyads=max_dyads)
    if len(panel.selected) < MIN_DYADS:
        raise NotEnoughData("forecast: fewer than 5 active dyads before --as-of; not enough data to train")
    model = _train(panel, panel.days, h, L, J, s)
    with _CACHE_LOCK:
        _CACHE[key] = model
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return model


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def _to_result(p: np.ndarray, as_of, horizon, a, b) -> dict:
    rt = root_table()
    pr = {r: round(float(p[i]), 4) for i, r in enumerate(ROOTS)}
    gold = sum(pr[r] * rt[r]["goldstein"] for r in ROOTS) / max(sum(pr.values()), 1e-9)
    return {
        "as_of": as_of.isoformat(), "horizon": horizon, "source": a, "target": b,
        "cameo_root": pr, "quad_class": {str(q): round(float(p[20 + i]), 4) for i, q in enumerate(QUADS)},
        "expected_goldstein": round(float(gold), 4),
    }


def forecast(store, a: str, b: str, as_of, horizon: str = "7d", weight: str = "events",
             lookback: int | None = None, origins: int | None = None, step: int | None = None,
             max_dyads: int = 800, details: bool = False) -> dict:
    """Probabilities for A->B in [as_of, as_of + horizon), trained only on data before as_of."""
    h = parse_horizon(horizon)
    fa, fb = actor_filter(a, store), actor_filter(b, store)
    as_of = parse_date(as_of, "--as-of")
    if as_of is None:
        as_of = (data_range(store)[1] or dt.date.today()) + dt.timedelta(days=1)
    L, J, s = _plan(h, lookback, origins, step)
    hz = horizon if isinstance(horizon, str) else f"{h}d"
    try:
        model = _trained(store, as_of, h, weight, L, J, s, max_dyads)
    except NotEnoughData:
        return _smoothed_forecast(store, fa, fb, as_of, h, hz, weight, L, max_dyads, details)
    pair = load_pair(store, fa, fb, as_of - dt.timedelta(days=L), as_of, weight)
    blocks = features(pair, L, h, L)
    p = model.predict(blocks)[0]
    out = _to_result(p, as_of, hz, fa.label, fb.label)
    if details:
        out["baselines"] = {"persistence": model.persistence(blocks)[0].tolist(), "historical": blocks["hist"][0].tolist()}
        out["model"] = POOLED
    return out


def _small_start(store, as_of: dt.date, what: str) -> dt.date:
    """First day the smoothed model reads: the first event, at most a year before as-of."""
    lo = store.execute("SELECT min(date) FROM events WHERE date < ?", [as_of]).fetchone()[0]
    if lo is None:
        raise AnalysisError(f"{what}: no events, so no active dyads, before --as-of {as_of}")
    return max(lo, as_of - dt.timedelta(days=365))


def _smoothed_forecast(store, fa, fb, as_of: dt.date, h: int, hz: str, weight: str, L: int, max_dyads: int,
                       details: bool) -> dict:
    start = _small_start(store, as_of, "forecast")
    span = (as_of - start).days
    panel = load_panel(store, start, as_of, weight, max_dyads=max_dyads, min_events=1)
    model = SmoothedForecaster().fit(panel, span, h, L)
    blocks = smooth_blocks(load_pair(store, fa, fb, start, as_of, weight), span, h, L)
    out = _to_result(model.predict(blocks)[0], as_of, hz, fa.label, fb.label)
    if details:
        out["baselines"] = {"persistence": model.persistence(blocks)[0].tolist(), "historical": blocks["hist"][0].tolist()}
        out["model"] = model.name
        out["model_params"] = model.params()
    return out


def _scores(y: np.ndarray, preds: dict[str, np.ndarray], scope: str) -> list[dict]:
    rows = []
    for name, p in preds.items():
        yy, pp = y.ravel(), np.clip(p.ravel(), CLIP, 1 - CLIP)
        rows.append({"scope": scope, "method": name, "n": int(yy.size),
                     "log_loss": round(float(log_loss(yy, pp, labels=[0, 1])), 5),
                     "brier": round(float(brier_score_loss(yy, pp)), 5)})
    return rows


def calibration(y: np.ndarray, p: np.ndarray, bins: int = 10) -> list[dict]:
    """Predicted vs observed frequency in equal-width probability bins."""
    y, p = y.ravel(), p.ravel()
    idx = np.minimum((p * bins).astype(int), bins - 1)
    rows = []
    for b in range(bins):
        m = idx == b
        if m.any():
            rows.append({"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "n": int(m.sum()),
                         "mean_predicted": round(float(p[m].mean()), 4), "observed": round(float(y[m].mean()), 4)})
    return rows


def backtest(store, a: str, b: str, as_of, horizon: str = "7d", evals: int = 6, weight: str = "events",
             lookback: int | None = None, origins: int | None = None, step: int | None = None,
             max_dyads: int = 800) -> dict:
    """Rolling-origin evaluation: `evals` origins before as_of, each trained only on its own past.

    Scores (log-loss, Brier) over all sampled dyads and over A->B alone, for the model, an ablation
    trained on the dyad's own past only, and the persistence and historical-frequency baselines."""
    h = parse_horizon(horizon)
    fa, fb = actor_filter(a, store), actor_filter(b, store)
    as_of = parse_date(as_of, "--as-of") or (data_range(store)[1] + dt.timedelta(days=1))
    L, J, s = _plan(h, lookback, origins, step)
    e_step = max(h, 7)
    span = h + (evals - 1) * e_step + h + (J - 1) * s + L
    start = as_of - dt.timedelta(days=span)
    panel = load_panel(store, start, as_of, weight, max_dyads=max_dyads)
    if len(panel.selected) < MIN_DYADS:
        return _smoothed_backtest(store, fa, fb, as_of, h, evals, weight, L, max_dyads)
    pair = load_pair(store, fa, fb, start, as_of, weight)
    methods = ("model", "own_past_only", "persistence", "historical")
    ys, preds = [], {m: [] for m in methods}
    ys_ab, preds_ab = [], {m: [] for m in methods}
    used = []
    for k in range(evals):
        e = panel.days - h - k * e_step
        model = _train(panel, e, h, L, J, s)
        # Ablation: the same model without reciprocity and third-party features.
        own_model = _train(panel, e, h, L, J, s, own_only=True)
        for src, y_out, p_out in (({"panel": panel, "dyads": panel.selected}, ys, preds), (pair, ys_ab, preds_ab)):
            blocks = features(src, e, h, L)
            own = panel.own[panel.selected] if "panel" in src else src["own"]
            y_out.append(labels(own, e, h))
            p_out["model"].append(model.predict(blocks))
            p_out["own_past_only"].append(own_model.predict(blocks))
            p_out["persistence"].append(model.persistence(blocks))
            p_out["historical"].append(blocks["hist"])
        used.append((panel.day0 + dt.timedelta(days=e)).isoformat())
    y = np.concatenate(ys)
    P = {k: np.concatenate(v) for k, v in preds.items()}
    y_ab = np.concatenate(ys_ab)
    P_ab = {k: np.concatenate(v) for k, v in preds_ab.items()}
    scores = _scores(y, P, f"{len(panel.selected)} dyads") + _scores(y_ab, P_ab, f"{fa.label}->{fb.label}")
    best = min((r for r in scores[:len(methods)]), key=lambda r: r["log_loss"])["method"]
    return {
        "as_of": as_of.isoformat(), "horizon": f"{h}d", "source": fa.label, "target": fb.label,
        "origins": used, "dyads": int(len(panel.selected)), "scores": scores,
        "best_by_log_loss": best, "model": POOLED, "note": "",
        "calibration": {m: calibration(y, P[m]) for m in P},
    }


def _smoothed_backtest(store, fa, fb, as_of: dt.date, h: int, evals: int, weight: str, L: int,
                       max_dyads: int) -> dict:
    """The backtest of the smoothed model on a small store: origins need h days of history before them
    and a complete label window before as-of, so there may be few (or none: an AnalysisError)."""
    start = _small_start(store, as_of, "backtest")
    panel = load_panel(store, start, as_of, weight, max_dyads=max_dyads, min_events=1)
    pair = load_pair(store, fa, fb, start, as_of, weight)
    methods = ("model", "own_past_only", "persistence", "historical")
    ys, preds = [], {m: [] for m in methods}
    ys_ab, preds_ab = [], {m: [] for m in methods}
    used = []
    e_step = max(h, 7)
    for k in range(evals):
        e = panel.days - h - k * e_step
        if e - h < 0:
            break
        model = SmoothedForecaster().fit(panel, e, h, L)
        own_model = SmoothedForecaster(own_only=True).fit(panel, e, h, L)
        for src, y_out, p_out in (({"panel": panel, "dyads": panel.selected}, ys, preds), (pair, ys_ab, preds_ab)):
            b = smooth_blocks(src, e, h, L)
            own = panel.own[panel.selected] if "panel" in src else src["own"]
            y_out.append(labels(own, e, h))
            p_out["model"].append(model.predict(b))
            p_out["own_past_only"].append(own_model.predict(b))
            p_out["persistence"].append(model.persistence(b))
            p_out["historical"].append(b["hist"])
        used.append((panel.day0 + dt.timedelta(days=e)).isoformat())
    if not len(panel.selected):
        raise AnalysisError(f"backtest: no events between two countries in the year before --as-of {as_of}")
    if not used:
        raise AnalysisError(f"backtest: no origin with {h} days of history and a complete {h}-day window before"
                            f" --as-of {as_of}")
    y, y_ab = np.concatenate(ys), np.concatenate(ys_ab)
    P = {k: np.concatenate(v) for k, v in preds.items()}
    P_ab = {k: np.concatenate(v) for k, v in preds_ab.items()}
    n_dyads = int(len(panel.selected))
    scores = _scores(y, P, f"{n_dyads} dyads") + _scores(y_ab, P_ab, f"{fa.label}->{fb.label}")
    best = min((r for r in scores[:len(methods)]), key=lambda r: r["log_loss"])["method"]
    note = (f"small store: fewer than {MIN_DYADS} dyads with 10+ events, so the smoothed model was evaluated"
            f" at {len(used)} origin(s) over {n_dyads} dyads; with this little data the scores are indicative only")
    return {
        "as_of": as_of.isoformat(), "horizon": f"{h}d", "source": fa.label, "target": fb.label,
        "origins": used, "dyads": n_dyads, "scores": scores, "best_by_log_loss": best,
        "model": SmoothedForecaster.name, "note": note,
        "calibration": {m: calibration(y, P[m]) for m in P},
    }
