import datetime as dt

import pytest

from realpolitik.analysis import AnalysisError, dyad
from realpolitik.analysis.common import actor_filter, root_table
from realpolitik.analysis.simulate import events_table, write_events

G = {r: v["goldstein"] for r, v in root_table().items()}
Q = {r: v["quad_class"] for r, v in root_table().items()}


def _rows(result, direction):
    return {r["period"]: r for r in result["series"] if r["direction"] == direction}


@pytest.fixture
def small(store):
    write_events(store, events_table([
        {"date": "2024-01-05", "source": "RUSGOV", "target": "UKR", "root": "19"},
        {"date": "2024-01-10", "source": "RUS", "target": "UKRGOV", "root": "04", "num_mentions": 3},
        {"date": "2024-01-11", "source": "RUS", "target": "UKR", "root": "18", "negated": True},
        {"date": "2024-01-20", "source": "UKR", "target": "RUS", "root": "11"},
        {"date": "2024-03-03", "source": "RUSMIL", "target": "UKR", "root": "19"},
        {"date": "2024-01-07", "source": "USA", "target": "RUS", "root": "16"},  # other dyad
    ]))
    return store


def test_monthly_counts_goldstein_and_gaps(small):
    res = dyad(small, "RUS", "UKR", freq="month")
    ab, ba, both = _rows(res, "RUS->UKR"), _rows(res, "UKR->RUS"), _rows(res, "both")
    jan, feb, mar = dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 3, 1)
    assert list(ab) == [jan, feb, mar]  # February is an empty period, not missing
    assert ab[jan]["events"] == 2 and ab[feb]["events"] == 0 and ab[mar]["events"] == 1
    assert ab[jan]["root_19"] == 1 and ab[jan]["root_04"] == 1 and ab[jan]["root_18"] == 0  # negated left out
    assert ab[jan][f"quad_{Q['19']}"] >= 1
    assert ab[jan]["goldstein_sum"] == pytest.approx(G["19"] + G["04"])
    assert ab[jan]["goldstein_mean"] == pytest.approx((G["19"] + G["04"]) / 2)
    coop = sum(1 for r in ("19", "04") if Q[r] in (1, 2))
    assert ab[jan]["coop_share"] == pytest.approx(coop / 2)
    assert ba[jan]["events"] == 1 and ba[jan]["goldstein_sum"] == pytest.approx(G["11"])
    assert both[jan]["events"] == 3
    assert ab[feb]["goldstein_mean"] is None


def test_mentions_weight_and_code_prefix(small):
    res = dyad(small, "RUS", "UKR", freq="month", weight="mentions")
    jan = _rows(res, "RUS->UKR")[dt.date(2024, 1, 1)]
    assert jan["events"] == 4
    assert jan["goldstein_sum"] == pytest.approx(G["19"] + 3 * G["04"])
    gov = dyad(small, "RUSGOV", "UKR", freq="month")
    assert sum(r["events"] for r in gov["series"] if r["direction"] == "RUSGOV->UKR") == 1


def test_window_limits_periods(small):
    res = dyad(small, "RUS", "UKR", freq="week", start="2024-01-08", end="2024-01-21")
    ab = _rows(res, "RUS->UKR")
    assert list(ab) == [dt.date(2024, 1, 8), dt.date(2024, 1, 15)]
    assert sum(r["events"] for r in ab.values()) == 1  # only the 04 on the 10th


def test_reciprocity_recovers_a_planted_echo(store):
    # B's quad class in month t is what A does in month t+1, with varying volumes.
    plan = [("19", 3), ("04", 2), ("19", 1), ("07", 4), ("12", 2), ("04", 5), ("19", 2)]
    rows = []
    for m, (root, n) in enumerate(plan):
        for k in range(n):
            rows.append({"date": f"2024-{m + 1:02d}-{k + 1:02d}", "source": "BBB", "target": "AAA", "root": root})
            rows.append({"date": f"2024-{m + 2:02d}-{k + 10:02d}", "source": "AAA", "target": "BBB", "root": root})
    write_events(store, events_table(rows))
    res = dyad(store, "AAA", "BBB", freq="month", end="2024-07-31")
    rec = res["reciprocity"]
    assert rec["source_answers_target"]["r"] == pytest.approx(1.0)
    assert rec["source_answers_target"]["n"] == 6
    for row in rec["conditional"]:
        if row["periods"] and row["target_quad_t"] != "none":
            assert row[f"source_next_{row['target_quad_t']}"] == 1.0


def test_bad_inputs():
    with pytest.raises(AnalysisError, match="freq"):
        dyad(None, "RUS", "UKR", freq="year")
    with pytest.raises(AnalysisError):
        actor_filter("")
    assert actor_filter("RUS").sql("source") == "source_country = 'RUS'"
    assert actor_filter("IGONATO").sql("target") == "starts_with(target_code, 'IGONATO')"


def test_names_resolve_through_the_actor_dictionary():
    from realpolitik.analysis.common import _lookup

    if not _lookup("Russia"):
        pytest.skip("actor dictionary not available")
    assert actor_filter("Russia").sql("source") == "source_country = 'RUS'"
    nato = _lookup("NATO")[0].code
    assert actor_filter("NATO").value == nato  # an acronym known under another code
    assert actor_filter("RUSGOV").kind == "code"  # a code stays a code
    with pytest.raises(AnalysisError, match="not found"):
        actor_filter("Atlantis Liberation Front of Nowhere")
