"""The smoothed Gamma-Poisson fallback: forecasts and backtests on stores too small for the pooled model."""
import datetime as dt
import json

import numpy as np
import pytest
from typer.testing import CliRunner

from realpolitik.analysis import backtest, forecast
from realpolitik.analysis.common import ROOTS, root_table
from realpolitik.analysis.panel import load_panel, load_pair
from realpolitik.analysis.simulate import events_table, write_events
from realpolitik.analysis.smooth import NAME, SmoothedForecaster, blocks

CONTRACT = {"as_of", "horizon", "source", "target", "cameo_root", "quad_class", "expected_goldstein"}
D0 = dt.date(2025, 2, 1)


def _rows():
    """Six weeks, three dyads: RUS fights UKR most days, UKR accuses RUS weekly, USA consults both."""
    rows = []
    for d in range(42):
        day = (D0 + dt.timedelta(days=d)).isoformat()
        if d % 3 != 0:
            rows.append({"date": day, "source": "RUS", "target": "UKR", "root": "19"})
        if d % 7 == 0:
            rows.append({"date": day, "source": "UKR", "target": "RUS", "root": "11"})
        if d % 10 == 0:
            rows += [{"date": day, "source": "USA", "target": "UKR", "root": "04"},
                     {"date": day, "source": "USA", "target": "RUS", "root": "04"}]
    for i, r in enumerate(rows):
        r["event_id"] = f"s{i}"
    return rows


@pytest.fixture
def small(store):
    write_events(store, events_table(_rows()))
    return store


def test_small_store_forecast_keeps_the_contract_and_names_the_model(small):
    res = forecast(small, "RUS", "UKR", "2025-03-01", "7d")
    assert set(res) == CONTRACT
    assert list(res["cameo_root"]) == ROOTS and list(res["quad_class"]) == ["1", "2", "3", "4"]
    assert all(0 < p < 1 for p in [*res["cameo_root"].values(), *res["quad_class"].values()])
    quads = {r: v["quad_class"] for r, v in root_table().items()}
    for r in ROOTS:
        assert res["quad_class"][str(quads[r])] >= res["cameo_root"][r]
    # RUS fought UKR on two days in three: that is the likeliest root, and far above one never seen.
    p = res["cameo_root"]
    assert max(p, key=p.get) == "19" and p["19"] > 0.9 and p["20"] < 0.05
    assert res["expected_goldstein"] < 0
    det = forecast(small, "Russia", "Ukraine", "2025-03-01", "7d", details=True)
    assert det["model"] == NAME and det["cameo_root"] == p
    assert len(det["baselines"]["persistence"]) == 24 and len(det["baselines"]["historical"]) == 24


def test_small_store_forecast_ignores_data_from_as_of_onwards(small, tmp_path):
    from realpolitik.store import open_store

    before = forecast(small, "RUS", "UKR", "2025-03-01", "7d")
    other = open_store(tmp_path / "cut.duckdb")
    rows = [r for r in _rows() if r["date"] < "2025-03-01"]
    rows += [{"event_id": f"x{i}", "date": "2025-03-02", "source": "RUS", "target": "UKR", "root": "20"} for i in range(40)]
    write_events(other, events_table(rows))
    assert forecast(other, "RUS", "UKR", "2025-03-01", "7d") == before
    other.close()


def _pair_blocks(store, a, b, start, as_of, h=7):
    from realpolitik.analysis.common import actor_filter

    pair = load_pair(store, actor_filter(a), actor_filter(b), start, as_of)
    return blocks(pair, (as_of - start).days, h, 90)


def test_gamma_poisson_predictive_matches_the_closed_form(small):
    """A dyad never seen (USA->RUS root 19) gets exactly the prior's negative binomial P(>= 1)."""
    as_of = dt.date(2025, 3, 1)
    panel = load_panel(small, D0, as_of, min_events=1)
    m = SmoothedForecaster(rho=0.0, beta=14.0)
    m.h = 7
    m.g = np.full(20, 1 / 20)
    b = _pair_blocks(small, "USA", "RUS", D0, as_of)
    n_ab, days = b["n_own"].sum(), (as_of - D0).days
    assert n_ab == 3 and days == 28  # consults on days 0, 10, 20
    P = m.predict(b)[0]
    src = b["n_src"][0]
    mix_s = (src + 20 * m.g) / (src.sum() + 20)
    mix_d = (b["n_own"][0] + 20 * mix_s) / (n_ab + 20)
    rate = (n_ab + 0.5) / (days + 1)
    r19 = ROOTS.index("19")
    expected = 1 - (((14 + b["exposure"][0]) / (14 + b["exposure"][0] + 7)) ** (14 * rate * mix_d[r19]))
    assert P[r19] == pytest.approx(expected, rel=1e-9)
    # ... and fitting on past origins picks parameters from the stated grids and a miss rate per target.
    fitted = SmoothedForecaster().fit(panel, days, 7, 90)
    assert fitted.origins == 3 and fitted.rho in (0.0, 0.25, 0.5, 1.0) and fitted.beta in (7.0, 14.0, 28.0)
    assert fitted.kappa in (1.0, 0.5, 0.25, 0.1) and fitted.blend in (1.0, 0.75, 0.5, 0.25)
    # The burst discount keeps the mean rate but widens the predictive: fewer windows with >= 1 event.
    wide = SmoothedForecaster(rho=0.0, beta=14.0, kappa=0.25)
    wide.h, wide.g = 7, m.g
    assert wide.predict(b)[0, r19] < P[r19]
    # Blending with the historical frequency moves each probability toward it.
    half = SmoothedForecaster(rho=0.0, beta=14.0, blend=0.5)
    half.h, half.g = 7, m.g
    assert half.predict(b)[0, r19] == pytest.approx(0.5 * P[r19] + 0.5 * b["hist"][0, r19], rel=1e-6)
    assert fitted.eps.shape == (24,)


def test_reciprocity_term_raises_in_kind_answers(small):
    """UKR accused RUS weekly: with rho > 0, RUS->UKR 'disapprove' is likelier than without it."""
    as_of = dt.date(2025, 3, 1)
    b = _pair_blocks(small, "RUS", "UKR", D0, as_of)
    r11 = ROOTS.index("11")
    assert b["c_rec"][0, r11] > 0 and b["c_own"][0, r11] == 0
    with_r, without = SmoothedForecaster(rho=0.5), SmoothedForecaster(rho=0.0)
    assert with_r.predict(b)[0, r11] > without.predict(b)[0, r11]
    # Recency: the same counts, all recent, beat the same counts long ago.
    assert b["c_own"][0, ROOTS.index("19")] < b["n_own"][0, ROOTS.index("19")]


def test_small_store_backtest_is_honest_about_few_origins(small):
    res = backtest(small, "RUS", "UKR", "2025-03-01", "7d", evals=6)
    assert res["model"] == NAME and "indicative" in res["note"]
    assert 1 <= len(res["origins"]) < 6  # only origins with history and a full label window
    assert all(o < "2025-02-23" for o in res["origins"])
    methods = {r["method"] for r in res["scores"]}
    assert methods == {"model", "own_past_only", "persistence", "historical"}
    pooled = {r["method"]: r for r in res["scores"] if "dyads" in r["scope"]}
    assert pooled["model"]["n"] == sum(r["n"] for r in res["calibration"]["model"])
    # The RUS->UKR fighting is regular: the model must beat the coin-flip historical prior on it.
    dy = {r["method"]: r for r in res["scores"] if r["scope"] == "RUS->UKR"}
    assert dy["model"]["log_loss"] < dy["historical"]["log_loss"]


def test_small_store_cli_json_contract_and_table_names_model(small, tmp_path):
    from realpolitik.cli.main import app

    from realpolitik.cli.output import CliError

    path = small.path
    small.close()
    runner = CliRunner()
    r = runner.invoke(app, ["forecast", "RUS", "UKR", "--as-of", "2025-03-01", "--db", str(path), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert set(json.loads(r.stdout)) == CONTRACT
    r = runner.invoke(app, ["forecast", "Russia", "Ukraine", "--as-of", "2025-03-01", "--db", str(path)])
    assert r.exit_code == 0 and "Gamma-Poisson" in r.stdout
    r = runner.invoke(app, ["forecast", "RUS", "UKR", "--as-of", "2025-03-01", "--backtest", "--db", str(path)])
    assert r.exit_code == 0 and "indicative only" in r.stdout
    r = runner.invoke(app, ["forecast", "RUS", "UKR", "--as-of", "2024-01-01", "--db", str(path)])
    assert isinstance(r.exception, CliError) and "no events" in str(r.exception)
