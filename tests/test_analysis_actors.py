"""Actor arguments: names and codes mean the same thing in every analysis; unknown ones are one-line errors."""
import datetime as dt

import pytest
from typer.testing import CliRunner

from realpolitik.analysis import AnalysisError, backtest, dyad, forecast, profile, shifts
from realpolitik.analysis.common import _lookup, actor_filter
from realpolitik.analysis.simulate import events_table, write_events

needs_dictionary = pytest.mark.skipif(not _lookup("Russia"), reason="actor dictionary not available")


def _rows():
    rows, d0 = [], dt.date(2025, 1, 6)
    for d in range(56):
        day = (d0 + dt.timedelta(days=d)).isoformat()
        rows.append({"date": day, "source": "RUSGOV" if d % 2 else "RUSMIL", "target": "UKR", "root": "19" if d % 2 == 0 else "11"})
        if d % 3 == 0:
            rows.append({"date": day, "source": "UKRGOV", "target": "RUS", "root": "11"})
        if d % 4 == 0:
            rows.append({"date": day, "source": "IGONATO", "target": "UKR", "root": "05", "target_country": "UKR",
                         "source_country": "IGO"})
            rows.append({"date": day, "source": "USAGOV", "target": "UKR", "root": "07"})
    for i, r in enumerate(rows):
        r["event_id"] = f"a{i}"
    return rows


@pytest.fixture
def st(store):
    write_events(store, events_table(_rows()))
    return store


@needs_dictionary
@pytest.mark.parametrize("name, code", [("Russia", "RUS"), ("the United States", "USA"), ("NATO", "IGONATO"),
                                        ("Kremlin", "RUSGOV"), ("Rusia", "RUS")])
def test_names_and_codes_give_the_same_dyad(st, name, code):
    by_name, by_code = dyad(st, name, "Ukraine"), dyad(st, code, "UKR")
    assert by_name["series"] == by_code["series"] and by_name["source"] == code


@needs_dictionary
def test_names_work_in_every_analysis(st):
    assert profile(st, "Kremlin", toward="Ukraine")["actor"] == "RUSGOV"
    alerts = shifts(st, "2025-02-24", "2025-03-02", actor="Russia", baseline=4, min_events=1)
    assert all("RUS" in (a["source"], a["target"]) for a in alerts)
    f = forecast(st, "Russia", "Ukraine", "2025-03-01", "7d", details=True)
    assert f["source"] == "RUS" and f["target"] == "UKR" and f["cameo_root"] == forecast(st, "RUS", "UKR", "2025-03-01")["cameo_root"]
    assert backtest(st, "the Kremlin", "Ukraine", "2025-03-01", "7d", evals=2)["source"] == "RUSGOV"


@needs_dictionary
@pytest.mark.parametrize("junk", ["Foo", "Qwerty", "Banana", "Atlantis Liberation Front of Nowhere"])
def test_loose_fuzzy_matches_are_not_actors(junk):
    with pytest.raises(AnalysisError, match=junk):
        actor_filter(junk)


def test_unknown_code_is_an_error_only_when_the_store_has_no_events_with_it(st):
    assert actor_filter("XQZ").value == "XQZ"  # no store to check: kept as a code
    with pytest.raises(AnalysisError, match="'XQZ'"):
        actor_filter("XQZ", st)
    assert actor_filter("RUSMIL", st).kind == "code"
    for run in (lambda: dyad(st, "XQZ", "UKR"), lambda: profile(st, "XQZ"), lambda: shifts(st, actor="XQZ"),
                lambda: forecast(st, "RUS", "XQZ", "2025-03-01"), lambda: backtest(st, "XQZ", "UKR", "2025-03-01")):
        with pytest.raises(AnalysisError, match="XQZ"):
            run()


def test_cli_commands_report_unknown_actors_in_one_line(st):
    from realpolitik.cli.main import app
    from realpolitik.cli.output import CliError

    path = st.path
    st.close()
    runner = CliRunner()
    for args in (["dyad", "Qwertyland", "UKR"], ["dyad", "UKR", "XQZ"], ["profile", "XQZ"],
                 ["profile", "UKR", "--toward", "XQZ"], ["shifts", "--actor", "XQZ"],
                 ["forecast", "XQZ", "UKR", "--as-of", "2025-03-01"],
                 ["forecast", "RUS", "XQZ", "--as-of", "2025-03-01", "--backtest"]):
        r = runner.invoke(app, [*args, "--db", str(path)])
        assert isinstance(r.exception, CliError), (args, r.exception)
        msg = str(r.exception)
        assert "\n" not in msg and ("XQZ" in msg or "Qwertyland" in msg)


def test_reversed_window_and_plot_into_missing_directory_are_errors(st, tmp_path):
    from realpolitik.analysis import dyad_figure, network, save_figure

    for run in (lambda: dyad(st, "RUS", "UKR", start="2025-03-01", end="2025-02-01"),
                lambda: profile(st, "RUS", start="2025-03-01", end="2025-02-01"),
                lambda: network(st, start="2025-03-01", end="2025-02-01")):
        with pytest.raises(AnalysisError, match="after --to"):
            run()
    with pytest.raises(AnalysisError, match="does not exist"):
        save_figure(dyad_figure(dyad(st, "RUS", "UKR")), tmp_path / "missing" / "x.html")
