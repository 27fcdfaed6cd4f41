import datetime as dt

import numpy as np
import pytest
from scipy import stats

from realpolitik.analysis import shifts
from realpolitik.analysis.shifts import tail_pvalues
from realpolitik.analysis.simulate import SimConfig, events_table, simulate_into, write_events


def test_tail_pvalues_poisson_and_negative_binomial():
    base = np.array([[2, 2, 3, 2, 2, 3.0], [0, 10, 1, 12, 0, 9.0]])
    x = np.array([9.0, 30.0])
    p_rise, p_drop, m = tail_pvalues(base, x)
    m0 = (base[0].sum() + 0.5) / 6  # var < mean: Poisson
    assert m[0] == pytest.approx(m0)
    assert p_rise[0] == pytest.approx(stats.poisson.sf(8, m0))
    m1, v1 = (base[1].sum() + 0.5) / 6, base[1].var(ddof=1)  # overdispersed: NB by moments
    r = m1 * m1 / (v1 - m1)
    assert p_rise[1] == pytest.approx(stats.nbinom.sf(29, r, r / (r + m1)))
    assert p_drop[1] == pytest.approx(stats.nbinom.cdf(30, r, r / (r + m1)))
    # The same jump is far less surprising for the volatile series.
    assert p_rise[0] < 1e-3 < p_rise[1]


def test_planted_jump_is_top_alert_with_its_evidence(store):
    start = dt.date(2024, 1, 1)  # a Monday
    rows = []
    for w in range(12):
        for k in range(2 + w % 2):  # 2 or 3 material-conflict events a week
            rows.append({"date": start + dt.timedelta(days=7 * w + k), "source": "XXX", "target": "YYY", "root": "19"})
        for k in range(6):  # a steady cooperative dyad
            rows.append({"date": start + dt.timedelta(days=7 * w + k), "source": "PPP", "target": "QQQ", "root": "04"})
    jump = start + dt.timedelta(days=7 * 12)
    for k in range(20):
        rows.append({"date": jump + dt.timedelta(days=k % 7), "source": "XXX", "target": "YYY", "root": "19",
                     "num_mentions": 1 + k, "event_id": f"jump{k}", "sentence": f"Shelling {k}."})
    for k in range(6):
        rows.append({"date": jump + dt.timedelta(days=k), "source": "PPP", "target": "QQQ", "root": "04"})
    for i, r in enumerate(rows):
        r.setdefault("event_id", f"s{i}")
    write_events(store, events_table(rows))
    alerts = shifts(store, start=jump, end=jump + dt.timedelta(days=6), evidence=3)
    top = alerts[0]
    assert (top["source"], top["target"], top["direction"], top["period"]) == ("XXX", "YYY", "rise", jump)
    assert top["observed"] == 20 and top["significant"]
    assert [e["event_id"] for e in top["evidence"]] == ["jump19", "jump18", "jump17"]
    assert top["evidence"][0]["sentence"] == "Shelling 19."
    assert all(not (a["source"] == "PPP" and a["significant"]) for a in alerts)


def test_simulated_planted_shift_is_found(store):
    sim = simulate_into(store, SimConfig(n_countries=12, days=200, events_per_day=150, n_shifts=1,
                                         shift_factor=12.0, seed=3))
    planted = sim.shifts[0]
    d = planted["date"]
    week = d - dt.timedelta(days=d.weekday())
    alerts = shifts(store, start=week, end=week + dt.timedelta(days=13), limit=10, evidence=0)
    hits = [a for a in alerts if (a["source"], a["target"], a["quad_class"]) ==
            (planted["source"], planted["target"], 4) and a["direction"] == "rise"]
    assert hits and hits[0]["significant"]
