"""The small-store forecaster: a Gamma-Poisson (empirical Bayes) model of one dyad's daily rates.

Used when the pooled logistic model cannot be trained (fewer than 5 country dyads with 10+ events
before the origin, as on the sample corpus). For A->B and each CAMEO root r:

  prior mix     global root mix g (all international events before the origin, +0.5 per root);
                A's mix toward everyone  s_r = (n_A,r + a0 g_r) / (n_A + a0)      (Dirichlet, a0 = 20);
                the dyad's mix           d_r = (n_AB,r + a0 s_r) / (n_AB + a0)
  prior rate    the dyad's long-run daily rate R = (n_AB + 0.5) / (days + 1), spread by d_r:
                lambda_r ~ Gamma(alpha_r = beta * R * d_r, beta) -- beta is the prior's weight in days
  evidence      recency-weighted counts c_r = sum_t w_t n_AB,r(t), w_t = exp(-(lag - 1) / tau),
                tau = max(2h, 14) days over the lookback (max(90, 6h) days), exposure E = sum_t w_t; plus B->A
                reciprocity: rho x B's recency-weighted counts of the same root toward A (in-kind answers)
  posterior     Gamma(k (alpha_r + c_r + rho c^BA_r), k (beta + E)): events come in bursts, so each counts
                as k <= 1 independent ones (a quasi-likelihood discount: same mean, variance / k)
  prediction    P(at least one r in h days) = 1 - (k (beta + E) / (k (beta + E) + h)) ** (k (alpha_r + c_r + rho c^BA_r))
                (the negative binomial predictive of a Poisson count); a quad class's rate is the sum
                of its roots' rates, so P0(quad) is the product of its roots' P0.
  blend         finally P = w P_model + (1 - w) P_hist, with P_hist the dyad's Jeffreys-smoothed share of
                past h-day windows with the root (the historical-frequency baseline); w = 1 keeps the model;
                a quad class is then raised to at least its likeliest root

rho (reciprocity weight), beta (prior weight, days), k (burst discount) and w (blend) are chosen from
small grids by log-loss on past origins of every dyad in the store before the origin (labels ending
by it); without such origins they stay at rho = 0.25, beta = 14, k = 1, w = 1.
The 'own past only' ablation drops reciprocity (rho = 0) and the source's mix (the prior mix is the
global one). Persistence's miss rate is fitted on the
same origins, as for the pooled model.
"""
from __future__ import annotations

import numpy as np

from .common import QUADS, root_quads

NAME = "smoothed Gamma-Poisson (small store)"
RHO_GRID = (0.0, 0.25, 0.5, 1.0)
BETA_GRID = (7.0, 14.0, 28.0)
KAPPA_GRID = (1.0, 0.5, 0.25, 0.1)
BLEND_GRID = (1.0, 0.75, 0.5, 0.25)
A0 = 20.0
CLIP = 1e-4


def _quads() -> np.ndarray:
    return np.array(root_quads())


def blocks(src: dict, o: int, h: int, lookback: int, first: int = 0) -> dict[str, np.ndarray]:
    """Raw inputs at origin day index o from days [first, o): `src` is {"panel", "dyads"} or a `load_pair` dict."""
    if "panel" in src:
        p, idx = src["panel"], src["dyads"]
        own, rec, a_out = p.own[idx], p.own[p.rev[idx]], p.out[p.src[idx]]
    else:
        own, rec, a_out = src["own"], src["recip"], src["a_out"]
    first = max(0, min(first, o))
    lo = max(first, o - lookback)
    lags = np.arange(o - lo, 0, -1, dtype=np.float64)
    w = np.exp(-(lags - 1) / max(2.0 * h, 14.0))
    n = own.shape[0]
    last = own[:, max(first, o - h):o].sum(1)
    quads = _quads()
    qsum = lambda x: np.stack([x[:, quads == q].sum(1) for q in QUADS], axis=1)  # noqa: E731
    days = o - first
    if days >= h:
        k = min(lookback, days) // h
        win = own[:, o - k * h:o].reshape(n, k, h, 20).sum(2)
        hist = (np.hstack([(win > 0).sum(1), (qsum(win.reshape(n * k, 20)).reshape(n, k, 4) > 0).sum(1)]) + 0.5) / (k + 1.0)
    else:
        hist = np.full((n, 24), 0.5)
    return {
        "c_own": np.einsum("ntr,t->nr", own[:, lo:o], w), "c_rec": np.einsum("ntr,t->nr", rec[:, lo:o], w),
        "exposure": np.full(n, w.sum()), "n_own": own[:, first:o].sum(1).astype(np.float64),
        "n_src": a_out[:, first:o].sum(1).astype(np.float64), "days": np.full(n, float(days)),
        "persist": np.hstack([last > 0, qsum(last) > 0]).astype(np.float32), "hist": hist.astype(np.float32),
    }


class SmoothedForecaster:
    """Gamma-Poisson rates per root for one dyad, shrunk toward the dyad's and the source's overall rates."""

    name = NAME

    def __init__(self, rho: float = 0.25, beta: float = 14.0, own_only: bool = False, kappa: float = 1.0,
                 blend: float = 1.0):
        self.rho, self.beta, self.own_only, self.kappa, self.blend = rho, beta, own_only, kappa, blend
        self.g = np.full(20, 1 / 20)
        self.eps = np.full(24, 0.1)
        self.h = 7
        self.origins = 0

    def fit(self, panel, o_end: int, h: int, lookback: int, first: int = 0) -> "SmoothedForecaster":
        """Global mix from days [first, o_end); rho, beta and persistence's miss rate from past origins."""
        from .panel import labels

        self.h = h
        tot = panel.out[:, first:o_end].sum((0, 1)).astype(np.float64)
        self.g = (tot + 0.5) / (tot.sum() + 10.0)
        src = {"panel": panel, "dyads": panel.selected}
        data = []
        o = o_end - h
        while o - h >= first and len(panel.selected) and len(data) < 8:
            data.append((blocks(src, o, h, lookback, first), labels(panel.own[panel.selected], o, h)))
            o -= h
        self.origins = len(data)
        if not data:
            return self
        Y = np.concatenate([y for _, y in data])
        self.eps = np.clip((Y != np.concatenate([b["persist"] for b, _ in data])).mean(0), 0.01, 0.5)
        H = np.concatenate([b["hist"] for b, _ in data]).astype(np.float64)
        rhos = (0.0,) if self.own_only else RHO_GRID
        best = None
        for rho in rhos:
            for beta in BETA_GRID:
                for kappa in KAPPA_GRID:
                    self.rho, self.beta, self.kappa, self.blend = rho, beta, kappa, 1.0
                    P = np.concatenate([self.predict(b) for b, _ in data])
                    for w in BLEND_GRID:
                        Pw = np.clip(w * P + (1 - w) * H, CLIP, 1 - CLIP)
                        ll = -np.mean(Y * np.log(Pw) + (1 - Y) * np.log(1 - Pw))
                        if best is None or ll < best[0] - 1e-12:
                            best = (ll, rho, beta, kappa, w)
        _, self.rho, self.beta, self.kappa, self.blend = best
        return self

    def predict(self, b: dict) -> np.ndarray:
        rho = 0.0 if self.own_only else self.rho
        if self.own_only:
            mix_s = np.broadcast_to(self.g, b["n_own"].shape)
        else:
            mix_s = (b["n_src"] + A0 * self.g) / (b["n_src"].sum(1, keepdims=True) + A0)
        mix_d = (b["n_own"] + A0 * mix_s) / (b["n_own"].sum(1, keepdims=True) + A0)
        rate = (b["n_own"].sum(1) + 0.5) / (b["days"] + 1.0)
        shape = self.kappa * (self.beta * rate[:, None] * mix_d + b["c_own"] + rho * b["c_rec"])
        post = self.kappa * (self.beta + b["exposure"])[:, None]
        log_p0 = shape * np.log(post / (post + self.h))  # log P(no event of the root in h days)
        quads = _quads()
        log_q0 = np.stack([log_p0[:, quads == q].sum(1) for q in QUADS], axis=1)
        P = 1.0 - np.exp(np.hstack([log_p0, log_q0]))
        if self.blend < 1.0:
            P = self.blend * P + (1 - self.blend) * b["hist"]
            # a quad class occurs whenever one of its roots does
            for q in QUADS:
                P[:, 19 + q] = np.maximum(P[:, 19 + q], P[:, :20][:, quads == q].max(1))
        return np.clip(P, CLIP, 1 - CLIP)

    def persistence(self, b: dict) -> np.ndarray:
        return np.where(b["persist"] > 0, 1 - self.eps, self.eps)

    def params(self) -> dict:
        return {"rho": self.rho, "beta_days": self.beta, "burst_discount": self.kappa,
                "model_weight": self.blend, "fit_origins": self.origins}
