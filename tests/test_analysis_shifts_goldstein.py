"""Tone shifts: Welch's t-test of a dyad's mean Goldstein in a period against its rolling baseline."""
import datetime as dt
import json

import numpy as np
import pytest
from scipy import stats
from typer.testing import CliRunner

from realpolitik.analysis import shifts
from realpolitik.analysis.shifts import GOLDSTEIN_VAR_FLOOR, welch
from realpolitik.analysis.simulate import events_table, write_events

START = dt.date(2024, 1, 1)  # a Monday
JUMP = START + dt.timedelta(days=7 * 12)


def test_welch_matches_scipy():
    rng = np.random.default_rng(1)
    x, y = rng.normal(-2, 3, 9), rng.normal(1, 1, 30)
    t, df, p = welch(np.array([9.0]), np.array([x.mean()]), np.array([x.var(ddof=1)]),
                     np.array([30.0]), np.array([y.mean()]), np.array([y.var(ddof=1)]))
    ref = stats.ttest_ind(x, y, equal_var=False)
    assert t[0] == pytest.approx(ref.statistic) and p[0] == pytest.approx(ref.pvalue)
    assert 8 < df[0] < 37


def _planted(store, last_roots=("19", "20", "19", "20"), steady_last=4):
    """XXX->YYY: 4 material-conflict events a week (show force / reduce relations), then in the last week
    4 events of fighting / mass violence and an assault: about the same count in the same quad class,
    far lower Goldstein.
    PPP->QQQ: a steady cooperative dyad with the same mix every week."""
    rows = []
    for w in range(12):
        for k, root in enumerate(("15", "16", "15", "16")):
            rows.append({"date": START + dt.timedelta(days=7 * w + k), "source": "XXX", "target": "YYY", "root": root})
        for k, root in enumerate(("04", "05", "03", "04")):
            rows.append({"date": START + dt.timedelta(days=7 * w + k), "source": "PPP", "target": "QQQ", "root": root})
    for k, root in enumerate(last_roots):
        rows.append({"date": JUMP + dt.timedelta(days=k), "source": "XXX", "target": "YYY", "root": root,
                     "event_id": f"esc{k}", "sentence": f"Fighting {k}."})
    for k, root in enumerate(("04", "05", "03", "04")[:steady_last]):
        rows.append({"date": JUMP + dt.timedelta(days=k), "source": "PPP", "target": "QQQ", "root": root})
    # Assault (-9): hostile too, and the most reported, but not the most hostile of the week.
    rows.append({"date": JUMP + dt.timedelta(days=5), "source": "XXX", "target": "YYY", "root": "18",
                 "event_id": "assault", "num_mentions": 9})
    for i, r in enumerate(rows):
        r.setdefault("event_id", f"g{i}")
    write_events(store, events_table(rows), sentences=True)


def test_planted_escalation_within_a_quad_class_is_a_tone_alert(store):
    _planted(store)
    alerts = shifts(store, start=JUMP, end=JUMP + dt.timedelta(days=6), min_events=4, goldstein=True)
    tone = [a for a in alerts if a["kind"] == "goldstein"]
    top = tone[0]
    assert (top["source"], top["target"], top["direction"], top["period"]) == ("XXX", "YYY", "drop", JUMP)
    assert top["significant"] and top["n"] == 5 and top["baseline_n"] == 48
    assert top["observed"] == pytest.approx((-10 * 4 - 9.0) / 5, abs=1e-3)
    assert top["baseline_mean"] == pytest.approx((-7.2 - 4.0) / 2, abs=1e-3)
    assert top["quad_class"] == 4 and top["t"] < 0
    # Evidence: the period's most hostile events first, not the most reported one.
    assert {e["event_id"] for e in top["evidence"]} <= {"esc0", "esc1", "esc2", "esc3"}
    assert top["evidence"][0]["sentence"].startswith("Fighting")
    # The count test alone sees nothing significant there: same count, same quad class.
    assert not any(a["kind"] == "count" and a["source"] == "XXX" and a["significant"] for a in alerts)
    # The steady dyad raises no significant tone alert; the ranking mixes both kinds by surprise.
    assert not any(a["source"] == "PPP" and a["significant"] for a in alerts)
    assert [a["surprise"] for a in alerts] == sorted((a["surprise"] for a in alerts), reverse=True)
    # Off by default in the library (the brief renders count alerts only).
    assert all(a["kind"] == "count" for a in shifts(store, start=JUMP, end=JUMP + dt.timedelta(days=6), min_events=4))


def test_no_tone_test_below_the_minimum_sample(store):
    _planted(store, last_roots=("19",), steady_last=2)  # XXX->YYY: 2 events in the period; PPP->QQQ: 2
    alerts = shifts(store, start=JUMP, end=JUMP + dt.timedelta(days=6), min_events=3, goldstein=True)
    assert not [a for a in alerts if a["kind"] == "goldstein"]


def test_uniform_samples_stay_finite(store):
    rows = [{"date": START + dt.timedelta(days=7 * w + k), "source": "AAA", "target": "BBB", "root": "04"}
            for w in range(4) for k in range(3)]
    rows += [{"date": START + dt.timedelta(days=28 + k), "source": "AAA", "target": "BBB", "root": "19"} for k in range(3)]
    for i, r in enumerate(rows):
        r["event_id"] = f"u{i}"
    write_events(store, events_table(rows))
    week = START + dt.timedelta(days=28)
    tone = [a for a in shifts(store, start=week, end=week, baseline=4, min_events=3, goldstein=True) if a["kind"] == "goldstein"]
    assert len(tone) == 1 and np.isfinite(tone[0]["t"]) and tone[0]["baseline_var"] == GOLDSTEIN_VAR_FLOOR
    assert tone[0]["direction"] == "drop" and tone[0]["significant"]


def test_cli_ranks_both_kinds_and_can_leave_tone_out(store):
    from realpolitik.cli.main import app

    _planted(store)
    path = store.path
    store.close()
    runner = CliRunner()
    args = ["shifts", "--db", str(path), "--from", JUMP.isoformat(), "--to", (JUMP + dt.timedelta(days=6)).isoformat(),
            "--min-events", "4", "--format", "json"]
    on = json.loads(runner.invoke(app, args).stdout)
    assert {a["kind"] for a in on} == {"count", "goldstein"}
    assert on[0]["kind"] == "goldstein" and on[0]["evidence"]
    off = json.loads(runner.invoke(app, args + ["--no-goldstein"]).stdout)
    assert {a["kind"] for a in off} == {"count"}
    r = runner.invoke(app, ["shifts", "--help"])
    assert "Welch" in r.stdout


def test_stationary_simulation_gives_no_significant_tone_alerts(store):
    """Null calibration: without excitation, crises or planted shifts each dyad's mix is stationary, so
    tone p-values are near-uniform and none survives the Bonferroni bound."""
    from realpolitik.analysis.simulate import SimConfig, simulate_into

    simulate_into(store, SimConfig(n_countries=8, days=150, events_per_day=150, n_shifts=0, crisis_rate=0,
                                   a_self=0, a_recip=0, a_third=0, seed=4))
    alerts = shifts(store, start="2024-04-01", end="2024-05-26", goldstein=True, limit=100000, evidence=0)
    tone = [a for a in alerts if a["kind"] == "goldstein"]
    assert len(tone) > 50
    assert not any(a["significant"] for a in tone)
    assert np.mean([a["p_value"] < 0.05 for a in tone]) < 0.12
