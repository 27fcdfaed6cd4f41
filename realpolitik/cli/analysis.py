"""CLI commands: dyad, profile, network, shifts, forecast (analysis of diplomatic tactics)."""
from __future__ import annotations

import contextlib
import datetime as dt
import enum
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console

from ..config import DEFAULT_DB
from ..analysis.options import Freq, Horizon, Level, Weight
from .output import CliError, emit, to_json

ERR = Console(stderr=True)


class Fmt(str, enum.Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    json = "json"


DB = typer.Option(DEFAULT_DB, "--db", help="DuckDB store to read.")
FROM = typer.Option(None, "--from", help="First day (YYYY-MM-DD), inclusive.")
TO = typer.Option(None, "--to", help="Last day (YYYY-MM-DD), inclusive.")
WEIGHT = typer.Option(Weight.events, "--weight", help="Count events, or weight each by its number of mentions.")
FORMAT = typer.Option(Fmt.table, "--format", "-f", help="Output format (json gives the full nested result).")
OUT = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.")
PLOT = typer.Option(None, "--plot", help="Also write a plot: FILE.html (offline), .png or .svg (need kaleido).")


@contextlib.contextmanager
def _open(db: Path) -> Iterator:
    """Open read-only, and turn analysis errors into one-line CLI errors."""
    from ..analysis import AnalysisError
    from .db import open_db

    store = open_db(db, read_only=True)
    try:
        yield store
    except AnalysisError as exc:
        raise CliError(str(exc)) from None
    finally:
        store.close()


def _write_json(obj, out: Optional[Path]) -> None:
    text = to_json(obj)
    if out:
        Path(out).write_text(text + "\n", encoding="utf-8")
    else:
        typer.echo(text)


def _plot(fig_fn, result, plot: Optional[Path]) -> None:
    if plot:
        from ..analysis import save_figure

        save_figure(fig_fn(result), plot)
        ERR.print(f"plot written to {plot}")


def _emit(rows, fmt: Fmt, out, title, columns=None) -> None:
    emit(rows, fmt.value, out, title=title, columns=columns if fmt is Fmt.table else None)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command()
    def dyad(
        a: str = typer.Argument(..., help="Actor A: code (RUS, USAGOV, IGONATO) or name."),
        b: str = typer.Argument(..., help="Actor B: code or name."),
        freq: Freq = typer.Option(Freq.month, "--freq", help="Period length."),
        db: Path = DB, start: Optional[str] = FROM, end: Optional[str] = TO, weight: Weight = WEIGHT,
        fmt: Fmt = FORMAT, out: Optional[Path] = OUT, plot: Optional[Path] = PLOT,
    ) -> None:
        """A->B, B->A and combined series per period: counts by CAMEO root and quad class, Goldstein
        sum and mean, cooperation share; and reciprocity (lagged Goldstein correlation and A's next
        quad class given B's)."""
        from ..analysis import dyad as run, dyad_figure

        with _open(db) as store:
            res = run(store, a, b, freq.value, start, end, weight.value)
            _plot(dyad_figure, res, plot)
        if fmt is Fmt.json:
            return _write_json(res, out)
        cols = ["period", "direction", "events", "quad_1", "quad_2", "quad_3", "quad_4",
                "goldstein_sum", "goldstein_mean", "coop_share"]
        _emit(res["series"], fmt, out, f"{res['source']} / {res['target']} by {freq.value}", cols)
        if fmt is Fmt.table and not out:
            rec = res["reciprocity"]
            s, t = rec["source_answers_target"], rec["target_answers_source"]
            typer.echo(f"reciprocity: corr(B->A Goldstein at t, A->B at t+1) r={s['r']} p={s['p']} n={s['n']};"
                       f" reverse r={t['r']} p={t['p']}")
            emit(rec["conditional"], "table", title="A's dominant quad class next period given B's this period")

    @app.command()
    def profile(
        a: str = typer.Argument(..., help="Actor: code or name."),
        toward: Optional[str] = typer.Option(None, "--toward", help="Counterpart B: profile A's tactics toward B."),
        level: Level = typer.Option(Level.country, "--level", help="Counterparts by country or by actor code."),
        top: int = typer.Option(5, "--top", min=1, help="Distinctive tactics to list per comparison."),
        examples: int = typer.Option(2, "--examples", min=0, help="Example events per tactic."),
        prior: float = typer.Option(100.0, "--prior", min=1.0, help="Dirichlet prior strength a0 (pseudo-events)."),
        mix: bool = typer.Option(False, "--mix", help="Only the tactic mix: one row per counterpart x tactic "
                                 "(CAMEO root, PLOVER type) with its count and share of the events toward it."),
        distinctive: bool = typer.Option(False, "--distinctive", help="Only the distinctive tactics (z-scores)."),
        db: Path = DB, start: Optional[str] = FROM, end: Optional[str] = TO, weight: Weight = WEIGHT,
        fmt: Fmt = FORMAT, out: Optional[Path] = OUT, plot: Optional[Path] = PLOT,
    ) -> None:
        """Tactic mix (CAMEO roots, PLOVER types) toward each counterpart, and the tactics that most
        distinguish A (toward B) from its own baseline and from all actors: weighted log-odds with an
        informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), as z-scores, with example events.
        The table format prints both tables; csv, jsonl and parquet hold one table: the distinctive
        tactics, or the mix with --mix (counterpart '(no target)' = events without a target)."""
        from ..analysis import profile as run, profile_figure

        if mix and distinctive:
            raise CliError("--mix and --distinctive: choose one (the table format shows both by default)")
        with _open(db) as store:
            res = run(store, a, toward, start, end, weight.value, level.value, top, examples, prior)
            _plot(profile_figure, res, plot)
        if fmt is Fmt.json:
            return _write_json({k: v for k, v in res.items() if k != "all_scores"}, out)
        who = res["actor"] + (f" toward {res['toward']}" if res["toward"] else "")
        mix_cols = ["counterpart", "counterpart_events", "scheme", "category", "label", "count", "share"]
        mix_title = f"Tactic mix of {res['actor']} by counterpart ({res['weight']}; share of the events toward it)"
        if mix:
            return _emit(res["tactics"], fmt, out, mix_title, mix_cols)
        rows = [{**{k: v for k, v in r.items() if k != "examples"},
                 "example": _example_text(r["examples"][0]) if r["examples"] else "",
                 "examples": r["examples"]} for r in res["distinctive"]]
        cols = ["scheme", "comparison", "category", "label", "count", "share", "baseline_share", "z", "example"]
        if fmt is Fmt.table and not distinctive and not out:  # a file holds one table
            _emit([r for r in res["tactics"] if r["scheme"] == "cameo_root"], fmt, None,
                  mix_title + "; CAMEO roots (PLOVER types too with --mix)", mix_cols)
        _emit(rows, fmt, out, f"Distinctive tactics: {who}", cols)

    @app.command()
    def network(
        min_events: int = typer.Option(1, "--min-events", min=1, help="Drop edges with fewer (weighted) events."),
        level: Level = typer.Option(Level.country, "--level", help="Nodes are countries or actor codes."),
        graphml: Optional[Path] = typer.Option(None, "--graphml", help="Export the graph as GraphML."),
        gexf: Optional[Path] = typer.Option(None, "--gexf", help="Export the graph as GEXF (Gephi)."),
        json_file: Optional[Path] = typer.Option(None, "--json", help="Export the graph as node-link JSON."),
        db: Path = DB, start: Optional[str] = FROM, end: Optional[str] = TO, weight: Weight = WEIGHT,
        fmt: Fmt = FORMAT, out: Optional[Path] = OUT, plot: Optional[Path] = PLOT,
    ) -> None:
        """Actors as nodes; cooperation (quad 1-2) and conflict (quad 3-4) as weighted directed edges.
        Lists degree and strength, PageRank, betweenness on cooperation, and communities (greedy
        modularity on the cooperation graph)."""
        from ..analysis import export_graph, network as run, network_figure

        with _open(db) as store:
            res = run(store, start, end, weight.value, level.value, min_events)
            for path in (graphml, gexf, json_file):
                if path:
                    export_graph(res["graph"], path)
                    ERR.print(f"graph written to {path}")
            _plot(network_figure, res, plot)
        if fmt is Fmt.json:
            return _write_json({k: v for k, v in res.items() if k != "graph"}, out)
        _emit(res["nodes"], fmt, out, f"Network ({level.value}): {len(res['nodes'])} actors, "
              f"{len(res['edges'])} edges, {len(res['communities'])} communities")

    @app.command()
    def shifts(
        freq: Freq = typer.Option(Freq.week, "--freq", help="Period tested."),
        baseline: int = typer.Option(12, "--baseline", min=2, help="Periods in the rolling baseline."),
        actor: Optional[str] = typer.Option(None, "--actor", help="Only dyads with this actor on either side."),
        level: Level = typer.Option(Level.country, "--level", help="Dyads of countries or of actor codes."),
        min_events: float = typer.Option(5, "--min-events", help="Smallest count (rise) or baseline mean (drop) tested."),
        alpha: float = typer.Option(0.05, "--alpha", help="Family-wise level for the Bonferroni 'significant' flag."),
        limit: int = typer.Option(20, "--limit", min=1, help="Alerts to list."),
        evidence: int = typer.Option(3, "--evidence", min=0, help="Evidence events per alert."),
        goldstein: bool = typer.Option(True, "--goldstein/--no-goldstein",
                                       help="Also test each dyad's mean Goldstein (tone) against its baseline."),
        db: Path = DB, start: Optional[str] = FROM, end: Optional[str] = TO, weight: Weight = WEIGHT,
        fmt: Fmt = FORMAT, out: Optional[Path] = OUT,
    ) -> None:
        """Shift alerts, two kinds ranked together. Counts: per directed dyad and quad class, counts per
        period are tested against a rolling baseline of the previous --baseline periods with a
        method-of-moments negative binomial (Poisson when not overdispersed). Tone (kind 'goldstein'):
        per directed dyad, the Goldstein scores of the period's events against those of the baseline
        periods by Welch's two-sample t-test (two-sided; both samples need >= --min-events and >= 3
        events; variances floored at 0.25); a drop is a turn toward hostility. Score = -log10 p;
        'significant' uses a Bonferroni bound over all tests of both kinds. Each alert lists evidence
        events. Default window: the last 4 weeks."""
        from ..analysis import shifts as run

        with _open(db) as store:
            alerts = run(store, start, end, freq.value, baseline, weight.value, level.value, actor,
                         min_events, alpha, limit, evidence, goldstein=goldstein)
        if fmt is Fmt.json:
            return _write_json(alerts, out)
        rows = [{**a, "evidence_ids": " ".join(e["event_id"] for e in a["evidence"]),
                 "example": _example_text(a["evidence"][0]) if a["evidence"] else ""} for a in alerts]
        cols = ["period", "kind", "source", "target", "quad_class", "direction", "observed", "baseline_mean",
                "surprise", "significant", "example"]
        _emit(rows, fmt, out, "Shift alerts (counts: NB/Poisson tail; tone: Welch t on Goldstein; vs rolling"
              " baseline)", cols)

    @app.command()
    def forecast(
        a: str = typer.Argument(..., help="Source actor A: code or name."),
        b: str = typer.Argument(..., help="Target actor B: code or name."),
        as_of: Optional[str] = typer.Option(None, "--as-of", help="Forecast origin (YYYY-MM-DD); default: day after the last event."),
        horizon: Horizon = typer.Option(Horizon.d7, "--horizon", help="Window after --as-of."),
        run_backtest: bool = typer.Option(False, "--backtest", help="Rolling-origin evaluation against persistence and historical frequency."),
        evals: int = typer.Option(6, "--evals", min=1, help="Backtest origins."),
        db: Path = DB, weight: Weight = WEIGHT, fmt: Fmt = FORMAT, out: Optional[Path] = OUT,
        plot: Optional[Path] = PLOT,
    ) -> None:
        """P(each CAMEO root / quad class occurs at least once in A->B within the horizon after --as-of)
        and expected Goldstein, from logistic regressions pooled over many dyads (own history, B->A
        reciprocity, third-party activity, recency), trained only on data before --as-of. On small stores
        (fewer than 5 country dyads with 10+ events before --as-of) it falls back to a smoothed
        Gamma-Poisson model: the dyad's recency-weighted rates shrunk toward its own and the source's
        overall rates, plus B->A reciprocity. The model used is named in the table title."""
        from ..analysis import backtest, forecast as run, forecast_figure
        from ..analysis.common import root_table
        from ..events.taxonomy import QUAD_CLASS_LABELS

        with _open(db) as store:
            if run_backtest:
                with ERR.status(f"backtesting {a}->{b} over {evals} origins ..."):
                    res = backtest(store, a, b, as_of, horizon.value, evals, weight.value)
                if fmt is Fmt.json:
                    return _write_json(res, out)
                _emit(res["scores"], fmt, out, f"Backtest {res['source']}->{res['target']} {res['horizon']}"
                      f" ({res['model']}) at {', '.join(res['origins'])}")
                if fmt is Fmt.table and not out:
                    typer.echo(f"model: {res['model']}; best by log-loss over all dyads: {res['best_by_log_loss']}")
                    if res.get("note"):
                        typer.echo(f"note: {res['note']}")
                    emit(res["calibration"]["model"], "table", title="Calibration of the model (all dyads)")
                return
            with ERR.status("training the forecaster ..."):
                res = run(store, a, b, as_of, horizon.value, weight.value, details=True)
            _plot(forecast_figure, res, plot)
        model = res.pop("model", "")
        params = res.pop("model_params", None)
        if fmt is Fmt.json:  # the JSON keeps exactly its documented keys (the model is named in the table)
            return _write_json({k: v for k, v in res.items() if k != "baselines"}, out)
        rt, base = root_table(), res["baselines"]
        rows = [{"kind": "cameo_root", "code": r, "label": rt[r]["label"], "probability": p,
                 "persistence": round(base["persistence"][i], 4), "historical": round(base["historical"][i], 4)}
                for i, (r, p) in enumerate(res["cameo_root"].items())]
        rows += [{"kind": "quad_class", "code": q, "label": QUAD_CLASS_LABELS[int(q)], "probability": p,
                  "persistence": round(base["persistence"][20 + i], 4), "historical": round(base["historical"][20 + i], 4)}
                 for i, (q, p) in enumerate(res["quad_class"].items())]
        _emit(rows, fmt, out, f"{res['source']}->{res['target']} within {res['horizon']} of {res['as_of']}"
              f" (expected Goldstein {res['expected_goldstein']:+.2f}; model: {model})")
        if params and fmt is Fmt.table and not out:
            typer.echo("fitted on past origins: " + ", ".join(f"{k}={v}" for k, v in params.items()))


def _example_text(e: dict) -> str:
    date = e["date"].isoformat() if isinstance(e["date"], dt.date) else e["date"]
    text = e.get("sentence") or e.get("label") or ""
    return f"{e['event_id']} {date} {e['source']}->{e['target']} {e['cameo']}: {text}"
