import datetime as dt

import numpy as np
import pytest

from realpolitik.analysis import AnalysisError, backtest, forecast
from realpolitik.analysis.common import ROOTS, root_table
from realpolitik.analysis.panel import _hist, labels
from realpolitik.analysis.simulate import SimConfig, events_table, simulate, simulate_into, write_events

CFG = SimConfig(n_countries=14, days=300, start="2024-01-01", events_per_day=250, seed=11)


@pytest.fixture(scope="module")
def sim_store(tmp_path_factory):
    from realpolitik.store import open_store

    s = open_store(tmp_path_factory.mktemp("fc") / "sim.duckdb")
    sim = simulate_into(s, CFG)
    yield s, sim
    s.close()


def _busy_dyad(store):
    return store.execute(
        "SELECT source_country, target_country FROM events GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchone()


@pytest.mark.parametrize("horizon", ["7d", "30d"])
def test_model_beats_both_baselines_in_backtest(sim_store, horizon):
    store, _ = sim_store
    a, b = _busy_dyad(store)
    res = backtest(store, a, b, "2024-10-20", horizon, evals=3)
    pooled = {r["method"]: r for r in res["scores"] if not r["scope"].startswith(a)}
    assert pooled["model"]["log_loss"] < pooled["persistence"]["log_loss"]
    assert pooled["model"]["log_loss"] < pooled["historical"]["log_loss"]
    assert pooled["model"]["brier"] < pooled["historical"]["brier"]
    assert res["best_by_log_loss"] in ("model", "own_past_only")  # a learned model, not a baseline
    cal = res["calibration"]["model"]
    assert sum(r["n"] for r in cal) == pooled["model"]["n"]
    assert all(0 <= r["observed"] <= 1 for r in cal)


def test_forecast_shape_and_expected_goldstein(sim_store):
    store, _ = sim_store
    a, b = _busy_dyad(store)
    res = forecast(store, a, b, "2024-09-01", "7d")
    assert set(res) == {"as_of", "horizon", "source", "target", "cameo_root", "quad_class", "expected_goldstein"}
    assert list(res["cameo_root"]) == ROOTS and list(res["quad_class"]) == ["1", "2", "3", "4"]
    assert all(0 < p < 1 for p in [*res["cameo_root"].values(), *res["quad_class"].values()])
    g = {r: v["goldstein"] for r, v in root_table().items()}
    p = res["cameo_root"]
    expected = sum(p[r] * g[r] for r in ROOTS) / sum(p.values())
    assert res["expected_goldstein"] == pytest.approx(expected, abs=1e-3)
    # A quad class is at least as likely as any of its roots (it occurs whenever one of them does).
    quads = {r: v["quad_class"] for r, v in root_table().items()}
    for r in ROOTS:
        assert res["quad_class"][str(quads[r])] >= p[r]


def test_forecast_ignores_data_from_as_of_onwards(sim_store, tmp_path):
    from realpolitik.store import open_store

    store, sim = sim_store
    a, b = _busy_dyad(store)
    before = forecast(store, a, b, "2024-08-01", "30d")
    # Same history up to as-of, very different future: the forecast must not change.
    other = open_store(tmp_path / "cut.duckdb")
    cut = sim.events.filter(np.array(sim.events.column("date").to_pylist()) < dt.date(2024, 8, 1))
    write_events(other, cut)
    write_events(other, events_table([{"date": "2024-08-02", "source": a, "target": b, "root": "20"}] * 50))
    assert forecast(other, a, b, "2024-08-01", "30d") == before
    other.close()


def test_code_level_actor_gets_a_forecast(sim_store):
    store, _ = sim_store
    a, b = _busy_dyad(store)
    res = forecast(store, a + "GOV", b, "2024-09-01", "1d")
    assert res["source"] == a + "GOV" and 0 < res["quad_class"]["1"] < 1


def test_baseline_helpers_compute_what_they_say():
    x = np.zeros((1, 28, 20), dtype=np.float32)
    x[0, 2, 0] = 1  # root 01 in week 0
    x[0, 15, 0] = 2  # and in week 2
    x[0, 26, 5] = 1  # root 06 in week 3
    h = _hist(x, 28, 7, 28)
    assert h[0, 0] == pytest.approx((2 + 0.5) / (4 + 1))
    assert h[0, 5] == pytest.approx((1 + 0.5) / 5)
    assert h[0, 1] == pytest.approx(0.5 / 5)
    y = labels(x, 14, 7)
    assert y[0, 0] == 1 and y[0, 5] == 0 and y.shape == (1, 24)


def test_bad_horizon_and_empty_store(store):
    with pytest.raises(AnalysisError, match="horizon"):
        forecast(store, "RUS", "UKR", "2024-01-01", "2w")
    with pytest.raises(AnalysisError, match="dyads"):
        forecast(store, "RUS", "UKR", "2024-01-01", "7d")


def test_simulation_is_deterministic_and_sized():
    a, b = simulate(SimConfig(days=60, n_countries=8, seed=5)), simulate(SimConfig(days=60, n_countries=8, seed=5))
    assert a.events.equals(b.events)
    n = a.events.num_rows
    assert 0.6 * 400 * 60 < n < 1.4 * 400 * 60


def test_model_cache_is_reused_and_invalidated_by_new_events(sim_store, tmp_path):
    from realpolitik.analysis.forecast import _CACHE, clear_cache
    from realpolitik.store import open_store

    store, sim = sim_store
    a, b = _busy_dyad(store)
    clear_cache()
    first = forecast(store, a, b, "2024-07-01", "7d")
    assert len(_CACHE) == 1
    forecast(store, b, a, "2024-07-01", "7d")  # another dyad, same model
    assert len(_CACHE) == 1
    other = open_store(tmp_path / "c.duckdb")
    write_events(other, sim.events)
    assert forecast(other, a, b, "2024-07-01", "7d") == first  # same data, same answer
    n = len(_CACHE)
    write_events(other, events_table([{"date": "2024-06-30", "source": a, "target": b, "root": "20"}] * 30))
    changed = forecast(other, a, b, "2024-07-01", "7d")
    assert len(_CACHE) == n + 1 and changed["cameo_root"]["20"] > first["cameo_root"]["20"]
    other.close()


def test_pair_features_match_the_training_panel(sim_store, tmp_path):
    """The dyad asked about is featurised from its own query; it must match what training saw,
    also when domestic (A->A) events are present, which the panel leaves out."""
    from realpolitik.analysis.common import actor_filter
    from realpolitik.analysis.panel import features, load_pair, load_panel
    from realpolitik.store import open_store

    store, sim = sim_store
    a, b = _busy_dyad(store)
    other = open_store(tmp_path / "dom.duckdb")
    write_events(other, sim.events)
    write_events(other, events_table([{"date": "2024-06-10", "source": a + "GOV", "target": a + "MIL",
                                       "root": "17", "event_id": f"dom{i}"} for i in range(40)]))
    start, end = dt.date(2024, 3, 1), dt.date(2024, 7, 1)
    panel = load_panel(other, start, end)
    i = panel.dyad(a, b)
    pair = load_pair(other, actor_filter(a), actor_filter(b), start, end)
    o = (end - start).days
    f_panel = features({"panel": panel, "dyads": np.array([i])}, o, 7, 90)
    f_pair = features(pair, o, 7, 90)
    for k in f_panel:
        np.testing.assert_allclose(f_panel[k], f_pair[k], rtol=1e-5, atol=1e-6)
    other.close()
