"""Synthetic event streams with known dynamics, for tests and benchmarks.

The generator is a discrete-time (daily) multivariate Hawkes-type process over directed country
dyads and the four quad classes. The intensity of dyad i->j in quad q on day t is

    lambda_ijq(t) = mu_ijq(t)                         base rate (dyad size x hostility mix)
                  + a_self  * H_ijq(t)                 self-excitation: i keeps doing what it did
                  + a_recip * H_jiq(t)                 reciprocity: i answers j in kind
                  + a_third * O_iq(t) * share_ij       third parties: i's activity with everyone

where H and O are exponentially decayed daily counts (kernel mass 1, so the branching ratio is
a_self + a_recip + a_third < 1 and the process is stationary). On top, each country j switches in
and out of "crises" (a two-state Markov chain: entry rate `crisis_rate` per day, mean length
`crisis_days`); while j is in crisis every dyad's base rate toward j is multiplied by
1 + crisis_gain. That is a third-party effect a dyad's own past sees only late and noisily, but
what all others do to j (the target's incoming activity) shows early. Counts are Poisson. Within a quad
the CAMEO root is drawn from the source country's own tactic style (a Dirichlet draw), so
profiles differ by actor. A few dyads get a planted change point where their conflict base rate
jumps; `Simulation.shifts` records them so change detection can be checked.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .common import ROOTS, root_table

COUNTRIES = (
    "USA RUS UKR CHN GBR FRA DEU ISR PSE IRN IRQ SYR TUR SAU EGY IND PAK AFG JPN KOR PRK TWN "
    "POL BLR GEO ARM AZE KAZ QAT ARE JOR LBN YEM SDN ETH KEN NGA ZAF BRA VEN COL MEX CUB CAN "
    "AUS IDN PHL VNM THA MMR ITA ESP NLD SWE FIN NOR BEL HUN SRB ROU"
).split()
SECTORS = np.array(["", "GOV", "GOV", "MIL", "GOV"])  # bare country and agents, GOV most often


@dataclass
class SimConfig:
    n_countries: int = 20
    days: int = 365
    start: str = "2024-01-01"
    events_per_day: float = 400.0
    a_self: float = 0.35
    a_recip: float = 0.30
    a_third: float = 0.15
    decay: float = 0.8  # daily decay of the excitation memory (mean lag ~5 days)
    density: float = 0.5  # share of dyads with a non-zero base rate
    n_shifts: int = 3  # dyads with a planted jump in conflict
    shift_factor: float = 6.0
    negated_share: float = 0.02
    crisis_rate: float = 1 / 120  # per country per day
    crisis_days: float = 21.0
    crisis_gain: float = 3.0
    seed: int = 0


@dataclass
class Simulation:
    events: pa.Table
    countries: list[str]
    shifts: list[dict] = field(default_factory=list)  # {source, target, date, quad_class}


def simulate(cfg: SimConfig | None = None) -> Simulation:
    """Generate one stream; deterministic for a given config (seeded numpy Generator)."""
    countries, shifts, batches = simulate_batches(cfg or SimConfig())
    return Simulation(pa.concat_tables(list(batches)), countries, shifts)


def simulate_batches(cfg: SimConfig, chunk_days: int = 90):
    """(countries, planted shifts, iterator of event tables per `chunk_days`): for streams too big
    to hold as one table. The counts are simulated up front; rows are expanded chunk by chunk."""
    rng = np.random.default_rng(cfg.seed)
    n = min(cfg.n_countries, len(COUNTRIES))
    countries = COUNTRIES[:n]
    src, tgt = np.nonzero(~np.eye(n, dtype=bool))
    d_count = len(src)
    rev = np.empty(d_count, dtype=np.int64)  # index of j->i for each i->j
    pos = {(s, t): k for k, (s, t) in enumerate(zip(src, tgt))}
    for k, (s, t) in enumerate(zip(src, tgt)):
        rev[k] = pos[(t, s)]

    # Base rates: gravity of country sizes, sparse, with a per-dyad hostility mix.
    size = rng.lognormal(0.0, 1.0, n)
    active = rng.random(d_count) < cfg.density
    pair_host = rng.beta(0.6, 1.4, (n, n))
    pair_host = (pair_host + pair_host.T) / 2  # hostility is mostly mutual
    host = pair_host[src, tgt]
    mix = np.stack([(1 - host) * 0.65, (1 - host) * 0.35, host * 0.6, host * 0.4], axis=1)
    mu = (size[src] * size[tgt] * active)[:, None] * mix
    rho = cfg.a_self + cfg.a_recip + cfg.a_third
    in_crisis = cfg.crisis_rate / (cfg.crisis_rate + 1 / cfg.crisis_days)  # stationary share of countries
    mu *= cfg.events_per_day * (1 - rho) / max(mu.sum(), 1e-9) / (1 + cfg.crisis_gain * in_crisis)
    share = mu.sum(1) / np.maximum(np.bincount(src, weights=mu.sum(1), minlength=n)[src], 1e-12)

    # Planted shifts: conflict base rate multiplies from a day in the second half onwards.
    shifts = []
    cand = np.flatnonzero(active & (mu.sum(1) > np.quantile(mu.sum(1)[active], 0.5)))
    picked = rng.choice(cand, size=min(cfg.n_shifts, len(cand)), replace=False) if len(cand) else []
    shift_day = {}
    for k in picked:
        day = int(rng.integers(cfg.days // 2, max(cfg.days // 2 + 1, cfg.days - 14)))
        shift_day[int(k)] = day
        shifts.append({"source": countries[src[k]], "target": countries[tgt[k]], "day": day, "quad_class": 4})

    # Tactic style: each source country's distribution over roots within each quad.
    quads = np.array([root_table()[r]["quad_class"] for r in ROOTS])
    style = np.zeros((n, 20))
    for q in range(1, 5):
        idx = np.flatnonzero(quads == q)
        style[:, idx] = rng.dirichlet(np.full(len(idx), 0.7), n)

    H = np.zeros((d_count, 4))
    O = np.zeros((n, 4))
    counts = np.zeros((cfg.days, d_count, 4), dtype=np.int32)
    crisis = np.zeros(n, dtype=bool)
    for t in range(cfg.days):
        u = rng.random(n)
        crisis = np.where(crisis, u >= 1 / cfg.crisis_days, u < cfg.crisis_rate)
        base = mu * (1 + cfg.crisis_gain * crisis[tgt])[:, None]
        for k, day in shift_day.items():
            if t >= day:
                base[k, 3] = mu[k, 3] * cfg.shift_factor + mu[k].sum() * 0.3
        lam = base + cfg.a_self * H + cfg.a_recip * H[rev] + cfg.a_third * O[src] * share[:, None]
        c = rng.poisson(lam)
        counts[t] = c
        H = cfg.decay * H + (1 - cfg.decay) * c
        O = cfg.decay * O + (1 - cfg.decay) * np.add.reduceat(c, np.r_[0, np.flatnonzero(np.diff(src)) + 1])

    for s in shifts:
        s["date"] = dt.date.fromisoformat(cfg.start) + dt.timedelta(days=s.pop("day"))

    def batches():
        first_id = 0
        for t0 in range(0, cfg.days, chunk_days):
            table = _to_events(counts[t0:t0 + chunk_days], src, tgt, countries, style, quads, cfg, rng, t0, first_id)
            first_id += table.num_rows
            yield table

    return list(countries), shifts, batches()


def _to_events(counts, src, tgt, countries, style, quads, cfg, rng, day0: int = 0, first_id: int = 0) -> pa.Table:
    """Expand (day, dyad, quad) counts into one row per event, all vectorised."""
    day_i, dyad_i, quad_i = np.nonzero(counts)
    day_i = day_i + day0
    reps = counts[day_i - day0, dyad_i, quad_i]
    day = np.repeat(day_i, reps)
    dyad = np.repeat(dyad_i, reps)
    quad = np.repeat(quad_i, reps) + 1
    total = len(day)
    # Root within quad from the source's style: inverse-CDF on the masked style rows.
    s_country = src[dyad]
    u = rng.random(total)
    root_idx = np.empty(total, dtype=np.int64)
    for q in range(1, 5):
        sel = np.flatnonzero(quad == q)
        cols = np.flatnonzero(quads == q)
        cdf = np.cumsum(style[:, cols], axis=1)
        cdf /= cdf[:, -1:]
        pick = (u[sel, None] > cdf[s_country[sel]]).sum(1)
        root_idx[sel] = cols[np.minimum(pick, len(cols) - 1)]
    rt = root_table()
    n_sec = len(SECTORS)
    # Strings are built by index into small dictionaries (Arrow take), not as numpy unicode arrays:
    # 10M rows stay a few hundred MB instead of several GB.
    codes = pa.array([c + sec for c in countries for sec in SECTORS])
    s_code = src[dyad] * n_sec + rng.integers(0, n_sec, total)
    t_code = tgt[dyad] * n_sec + rng.integers(0, n_sec, total)
    cty = pa.array(list(countries))
    secs = pa.array(list(SECTORS))

    def take(values, idx) -> pa.Array:
        return pc.take(values if isinstance(values, pa.Array) else pa.array(values), pa.array(idx))

    start = np.datetime64(cfg.start, "D")
    ids = pc.binary_join_element_wise(f"sim{cfg.seed}-", pa.array(np.arange(first_id, first_id + total)).cast(pa.string()), "")
    root_arr = take(ROOTS, root_idx)
    state = pa.array(["STATE"]).take(pa.array(np.zeros(total, dtype=np.int8)))
    return pa.table(
        {
            "event_id": ids,
            "date": pa.array(start + day.astype("timedelta64[D]")),
            "source_code": take(codes, s_code),
            "source_country": take(cty, s_code // n_sec),
            "source_sector": take(secs, s_code % n_sec),
            "source_type": state,
            "target_code": take(codes, t_code),
            "target_country": take(cty, t_code // n_sec),
            "target_sector": take(secs, t_code % n_sec),
            "target_type": state,
            "cameo": root_arr,
            "cameo_root": root_arr,
            "cameo_label": take([rt[r]["label"] for r in ROOTS], root_idx),
            "quad_class": pa.array(quad.astype(np.int8)),
            "goldstein": pa.array(np.array([rt[r]["goldstein"] for r in ROOTS])[root_idx]),
            "plover": take([rt[r]["plover"] for r in ROOTS], root_idx),
            "negated": pa.array(rng.random(total) < cfg.negated_share),
            "num_mentions": pa.array(rng.geometric(0.4, total).astype(np.int32)),
            "origin": pa.array(["synthetic"]).take(pa.array(np.zeros(total, dtype=np.int8))),
        }
    )


def write_events(store, table: pa.Table, sentences: bool = False) -> int:
    """Bulk-insert an events Arrow table (by column name); optionally one mention per event."""
    con = store.con
    has_sentence = "sentence" in table.column_names
    con.register("_sim_events", table)
    try:
        with store.transaction():
            con.execute("INSERT INTO events BY NAME SELECT * EXCLUDE (sentence) FROM _sim_events" if has_sentence
                        else "INSERT INTO events BY NAME SELECT * FROM _sim_events")
            if has_sentence:
                con.execute(
                    """
                    INSERT INTO mentions (mention_id, event_id, article_id, sentence_index, sentence)
                    SELECT 'm-' || event_id, event_id, 'a-' || event_id, 0, sentence
                    FROM _sim_events WHERE sentence IS NOT NULL
                    """
                )
            elif sentences:
                # A readable sentence per event so example/evidence output has text to show.
                con.execute(
                    """
                    INSERT INTO mentions (mention_id, event_id, article_id, sentence_index, sentence)
                    SELECT 'm-' || event_id, event_id, 'a-' || event_id, 0,
                           source_code || ' ' || lower(cameo_label) || ' toward ' || target_code || '.'
                    FROM _sim_events
                    """
                )
    finally:
        con.unregister("_sim_events")
    return table.num_rows


def simulate_into(store, cfg: SimConfig | None = None, sentences: bool = False) -> Simulation:
    sim = simulate(cfg)
    write_events(store, sim.events, sentences=sentences)
    return sim


def events_table(rows: list[dict]) -> pa.Table:
    """Hand-written events -> an Arrow table for `write_events`.

    Each row needs date, source, target (codes) and root; country defaults to the code's first three
    letters, Goldstein/quad/PLOVER/label come from the taxonomy; optional: event_id, cameo,
    num_mentions, negated, sentence (kept in a `sentence` column that `write_events` turns into a mention).
    """
    rt = root_table()
    out = []
    for i, r in enumerate(rows):
        root = r["root"]
        meta = rt[root]
        out.append({
            "event_id": r.get("event_id", f"e{i}"),
            "date": dt.date.fromisoformat(r["date"]) if isinstance(r["date"], str) else r["date"],
            "source_code": r["source"], "source_country": r.get("source_country", r["source"][:3]),
            "target_code": r["target"], "target_country": r.get("target_country", r["target"][:3]),
            "cameo": r.get("cameo", root), "cameo_root": root, "cameo_label": meta["label"],
            "quad_class": meta["quad_class"], "goldstein": meta["goldstein"], "plover": meta["plover"],
            "negated": bool(r.get("negated", False)), "num_mentions": int(r.get("num_mentions", 1)),
            "origin": "test", "sentence": r.get("sentence"),
        })
    return pa.Table.from_pylist(out)
