import math

import pytest

from realpolitik.analysis import AnalysisError, log_odds_z, profile
from realpolitik.analysis.simulate import events_table, write_events


def test_log_odds_matches_monroe_formula():
    focal = {"a": 30, "b": 10}
    rest = {"a": 100, "b": 300}
    bg = {"a": 130, "b": 310}
    prior = 50.0
    out = log_odds_z(focal, rest, bg, prior)
    n, m = 40, 400
    for w in ("a", "b"):
        a = prior * bg[w] / 440
        y, r = focal[w], rest[w]
        delta = math.log((y + a) / (n + prior - y - a)) - math.log((r + a) / (m + prior - r - a))
        z = delta / math.sqrt(1 / (y + a) + 1 / (r + a))
        assert out[w][0] == pytest.approx(delta)
        assert out[w][1] == pytest.approx(z)
    assert out["a"][1] > 1.96 > -1.96 > out["b"][1]


def test_same_shares_give_no_signal():
    out = log_odds_z({"a": 10, "b": 30}, {"a": 100, "b": 300}, {"a": 110, "b": 330}, 100.0)
    assert abs(out["a"][1]) < 0.5 and abs(out["b"][1]) < 0.5


@pytest.fixture
def tactics(store):
    rows = []
    # RUS threatens (13) UKR a lot, consults (04) everyone else; other actors mostly consult too.
    for i in range(20):
        rows.append({"date": f"2024-01-{i % 28 + 1:02d}", "source": "RUS", "target": "UKR", "root": "13",
                     "num_mentions": 1 + (i == 3) * 9, "event_id": f"t{i}", "sentence": f"Russia threatened Ukraine {i}."})
    for i in range(5):
        rows.append({"date": "2024-01-02", "source": "RUS", "target": "UKR", "root": "04", "event_id": f"c{i}"})
    for i in range(30):
        rows.append({"date": "2024-01-03", "source": "RUSGOV", "target": "DEU", "root": "04", "event_id": f"d{i}"})
    for i in range(60):
        rows.append({"date": "2024-01-04", "source": "USA", "target": "FRA", "root": "04" if i % 6 else "13",
                     "event_id": f"u{i}"})
    write_events(store, events_table(rows))
    return store


def test_profile_toward_finds_threats_with_examples(tactics):
    res = profile(tactics, "RUS", toward="UKR", top=3, examples=2)
    own = [r for r in res["distinctive"] if r["scheme"] == "cameo_root" and r["comparison"] == "vs_own_baseline"]
    assert own[0]["category"] == "13"
    assert own[0]["count"] == 20 and own[0]["share"] == pytest.approx(20 / 25)
    assert own[0]["baseline_share"] == 0.0  # RUS never threatened anyone else
    assert own[0]["z"] > 1.96
    ex = own[0]["examples"]
    assert [e["event_id"] for e in ex][0] == "t3"  # the most-mentioned first
    assert ex[0]["sentence"] == "Russia threatened Ukraine 3."
    plover = [r for r in res["distinctive"] if r["scheme"] == "plover" and r["comparison"] == "vs_all_actors"]
    assert plover[0]["category"] == "THREATEN"
    mix = {r["counterpart"]: r for r in res["mix"]}
    assert mix["UKR"]["events"] == 25 and mix["DEU"]["events"] == 30
    assert mix["DEU"]["root_04"] == 1.0


def test_profile_without_toward_compares_to_everyone(tactics):
    res = profile(tactics, "RUS", top=2)
    comps = {r["comparison"] for r in res["distinctive"]}
    assert comps == {"vs_all_actors"}
    top = [r for r in res["distinctive"] if r["scheme"] == "cameo_root"][0]
    assert top["category"] == "13"
    # RUS: 20 of 55 threats; everyone else: 10 of 60.
    assert top["share"] == pytest.approx(20 / 55, abs=1e-4)
    assert top["baseline_share"] == pytest.approx(10 / 60, abs=1e-4)


def test_profile_errors(tactics):
    with pytest.raises(AnalysisError, match="no events"):
        profile(tactics, "CHN")
    with pytest.raises(AnalysisError, match="toward"):
        profile(tactics, "RUS", toward="CHN")


def test_mix_rows_share_one_set_of_columns(tactics):
    mix = profile(tactics, "RUS")["mix"]
    assert len({tuple(r) for r in mix}) == 1
    deu = next(r for r in mix if r["counterpart"] == "DEU")
    assert deu["plover_THREATEN"] == 0.0 and deu["plover_CONSULT"] == 1.0


def test_tactic_rows_give_count_and_share_per_counterpart_and_name_the_no_target_counterpart(store):
    rows = [{"date": "2024-01-02", "source": "RUS", "target": "UKR", "root": r, "event_id": f"u{i}"}
            for i, r in enumerate(["13", "13", "13", "04"])]
    rows += [{"date": "2024-01-03", "source": "RUS", "target": "", "target_country": None, "root": "01",
              "event_id": "n1"}]
    rows += [{"date": "2024-01-03", "source": "RUS", "target": t, "target_country": "IGO", "root": "04",
              "event_id": f"i{i}"} for i, t in enumerate(["IGONATO", "IGOEU", "IGOEU"])]
    write_events(store, events_table(rows))
    res = profile(store, "RUS", top=2, examples=0)
    assert "?" not in {r["counterpart"] for r in res["mix"]}
    tac = {(r["counterpart"], r["scheme"], r["category"]): r for r in res["tactics"]}
    assert tac[("UKR", "cameo_root", "13")]["count"] == 3 and tac[("UKR", "cameo_root", "13")]["share"] == 0.75
    assert tac[("UKR", "cameo_root", "04")]["count"] == 1 and tac[("UKR", "cameo_root", "04")]["counterpart_events"] == 4
    assert tac[("(no target)", "cameo_root", "01")]["count"] == 1
    # country level: the EU and NATO are their own counterparts, not one 'IGO'
    assert tac[("IGOEU", "cameo_root", "04")]["count"] == 2 and tac[("IGONATO", "cameo_root", "04")]["count"] == 1
    assert not any(c == "IGO" for c, _, _ in tac)
    assert {r["scheme"] for r in res["tactics"]} == {"cameo_root", "plover"}
