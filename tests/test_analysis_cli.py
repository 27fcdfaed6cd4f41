import csv
import io
import json

import pytest
from typer.testing import CliRunner

from realpolitik.analysis.simulate import SimConfig, simulate_into
from realpolitik.cli.main import app
from realpolitik.cli.output import CliError

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from realpolitik.store import open_store

    path = tmp_path_factory.mktemp("cli") / "sim.duckdb"
    with open_store(path) as s:
        simulate_into(s, SimConfig(n_countries=8, days=150, events_per_day=120, seed=2), sentences=True)
    return path


def _run(*args):
    res = runner.invoke(app, [str(a) for a in args])
    return res


def test_every_command_has_help():
    for cmd in ("dyad", "profile", "network", "shifts", "forecast"):
        res = _run(cmd, "--help")
        assert res.exit_code == 0 and "--format" in res.output
    assert "negative binomial" in _run("shifts", "--help").output


def test_dyad_json_and_csv(db):
    res = _run("dyad", "USA", "RUS", "--db", db, "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["source"] == "USA" and data["series"] and "reciprocity" in data
    res = _run("dyad", "USA", "RUS", "--db", db, "--format", "csv", "--freq", "week")
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert {r["direction"] for r in rows} == {"USA->RUS", "RUS->USA", "both"}
    assert "root_19" in rows[0]


def test_forecast_json_is_exactly_the_contract(db):
    res = _run("forecast", "USA", "RUS", "--db", db, "--as-of", "2024-05-01", "--horizon", "7d", "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert list(data) == ["as_of", "horizon", "source", "target", "cameo_root", "quad_class", "expected_goldstein"]
    assert data["horizon"] == "7d" and len(data["cameo_root"]) == 20


def test_forecast_backtest_table(db):
    res = _run("forecast", "USA", "RUS", "--db", db, "--as-of", "2024-05-20", "--horizon", "7d",
               "--backtest", "--evals", "2", "--format", "jsonl")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert {r["method"] for r in rows} == {"model", "own_past_only", "persistence", "historical"}


def test_profile_network_shifts_outputs(db, tmp_path):
    res = _run("profile", "USA", "--toward", "RUS", "--db", db, "--format", "jsonl")
    assert res.exit_code == 0, res.output
    first = json.loads(res.output.splitlines()[0])
    assert first["examples"] and first["examples"][0]["sentence"]
    gml = tmp_path / "g.graphml"
    res = _run("network", "--db", db, "--format", "csv", "--graphml", gml, "--min-events", "5")
    assert res.exit_code == 0 and gml.exists()
    assert any(line.startswith("actor,") and "pagerank_coop" in line for line in res.output.splitlines())
    res = _run("shifts", "--db", db, "--format", "json", "--limit", "3")
    assert res.exit_code == 0, res.output
    alerts = json.loads(res.output)
    assert len(alerts) <= 3 and all("evidence" in a and "p_value" in a for a in alerts)


def test_plot_is_offline_html(db, tmp_path):
    out = tmp_path / "d.html"
    res = _run("dyad", "USA", "RUS", "--db", db, "--plot", out, "--format", "csv")
    assert res.exit_code == 0, res.output
    html = out.read_text()
    assert "<script src=\"http" not in html and "Plotly.newPlot" in html
    res = _run("forecast", "USA", "RUS", "--db", db, "--as-of", "2024-05-01", "--plot", tmp_path / "f.svg")
    import importlib.util

    if importlib.util.find_spec("kaleido") is None:
        assert isinstance(res.exception, CliError) and "kaleido" in str(res.exception)


def test_bad_input_is_a_one_line_cli_error(db, tmp_path):
    res = _run("dyad", "USA", "RUS", "--db", tmp_path / "missing.duckdb")
    assert isinstance(res.exception, CliError) and "missing.duckdb" in str(res.exception)
    res = _run("dyad", "USA", "RUS", "--db", db, "--from", "last tuesday")
    assert isinstance(res.exception, CliError) and "--from" in str(res.exception)
    res = _run("profile", "ZZZ", "--db", db)
    assert isinstance(res.exception, CliError) and "ZZZ" in str(res.exception)


def test_each_figure_draws_its_data(db, tmp_path):
    from realpolitik.analysis import (AnalysisError, dyad, dyad_figure, forecast, forecast_figure, network,
                                      network_figure, profile, profile_figure, save_figure)
    from realpolitik.store import open_store

    with open_store(db, read_only=True) as s:
        d = dyad_figure(dyad(s, "USA", "RUS"))
        assert len(d.data) == 2 * 5  # two directions x (4 quad bars + Goldstein line)
        p = profile_figure(profile(s, "USA", toward="RUS"))
        assert [t.name for t in p.data] == ["vs own baseline", "vs all actors"] and len(p.data[0].y) == 20
        net = network(s, min_events=5)
        n = network_figure(net)
        assert len(n.data[-1].x) == len(net["nodes"])
        f = forecast(s, "USA", "RUS", "2024-05-01", "7d")
        fig = forecast_figure(f)
        assert list(fig.data[0].y) == list(f["cameo_root"].values())
        with pytest.raises(AnalysisError, match="html"):
            save_figure(fig, tmp_path / "f.pdf")


def test_profile_mix_in_flat_formats(db):
    res = _run("profile", "USA", "--db", db, "--format", "csv", "--mix")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert rows and set(rows[0]) == {"counterpart", "counterpart_events", "scheme", "category", "label", "count", "share"}
    for cp in {r["counterpart"] for r in rows}:
        roots = [r for r in rows if r["counterpart"] == cp and r["scheme"] == "cameo_root"]
        assert sum(float(r["count"]) for r in roots) == float(roots[0]["counterpart_events"])
        assert abs(sum(float(r["share"]) for r in roots) - 1) < 1e-2
    res = _run("profile", "USA", "--db", db, "--format", "jsonl", "--distinctive")
    assert res.exit_code == 0 and "z" in json.loads(res.output.splitlines()[0])
    res = _run("profile", "USA", "--db", db, "--examples", "0")  # table: the mix, then the distinctive tactics
    assert res.exit_code == 0 and "Tactic mix of USA" in res.output and "Distinctive tactics: USA" in res.output
    res = _run("profile", "USA", "--db", db, "--mix", "--distinctive")
    assert isinstance(res.exception, CliError)
