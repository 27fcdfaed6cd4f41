"""realpolitik.analysis: dyads, tactic profiles, networks, shift alerts, forecasts and their plots.

Each analysis takes an open `Store` and returns plain data (dicts and lists) that the CLI, the
brief writer and the web API all render.
"""
from .common import AnalysisError, actor_filter
from .dyad import dyad
from .forecast import backtest, forecast
from .network import build_graph, export_graph, network
from .plots import dyad_figure, forecast_figure, network_figure, profile_figure, save_figure
from .profile import log_odds_z, profile
from .rollup import refresh_dyad_daily
from .shifts import shifts

__all__ = [
    "AnalysisError", "actor_filter", "dyad", "profile", "log_odds_z", "network", "build_graph",
    "export_graph", "shifts", "forecast", "backtest", "refresh_dyad_daily",
    "dyad_figure", "profile_figure", "network_figure", "forecast_figure", "save_figure",
]
