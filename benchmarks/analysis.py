"""Analysis benchmark: dyad, profile, network, shifts and forecast on a 10-million-event store.

The store is generated once with `realpolitik.analysis.simulate` (numpy, bulk Arrow insert) and
cached under `.bench/`. Each analysis is timed warm (best of `repeat` runs after one warm-up);
peak RSS comes from resource.getrusage. Goal: each interactive query under 1 s.

    python -m benchmarks.analysis [--events 10000000] [--rebuild]
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import time
from pathlib import Path

from realpolitik.analysis import backtest, dyad, forecast, network, profile, refresh_dyad_daily, shifts
from realpolitik.analysis.forecast import clear_cache
from realpolitik.analysis.simulate import SimConfig, simulate_batches, write_events
from realpolitik.store import open_store

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / ".bench"
GOAL_S = 1.0


def _build(path: Path, n_events: int) -> None:
    days = 4 * 365
    t0 = time.perf_counter()
    with open_store(path) as store:
        total, seed = 0, 0
        # The generator's rate is approximate: top up with another seed until close enough.
        while total < n_events * 0.995:
            cfg = SimConfig(n_countries=60, days=days, start="2021-01-01", events_per_day=(n_events - total) / days,
                            seed=seed, n_shifts=10)
            for table in simulate_batches(cfg)[2]:
                total += write_events(store, table)
            seed += 1
        store.execute("CHECKPOINT")
    print(f"built {path.name}: {total:,} events in {time.perf_counter() - t0:.1f} s")


def build_store(n_events: int = 10_000_000, rebuild: bool = False) -> Path:
    """Generate (or reuse) a store with about n_events events over four years and 60 countries.

    Built in a child process so the benchmark's peak-memory row measures the analyses only."""
    BENCH_DIR.mkdir(exist_ok=True)
    path = BENCH_DIR / f"analysis_{n_events}.duckdb"
    if path.exists() and not rebuild:
        return path
    path.unlink(missing_ok=True)
    proc = multiprocessing.get_context("spawn").Process(target=_build, args=(path, n_events))
    proc.start()
    proc.join()
    if proc.exitcode != 0:
        path.unlink(missing_ok=True)
        raise RuntimeError(f"building {path} failed (exit code {proc.exitcode})")
    return path


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _time(fn, repeat: int = 3) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds (all threads) over `repeat` runs after a warm-up.

    CPU time shows the work done independent of other load on a shared machine."""
    fn()  # warm-up: first touch of the file's pages
    wall, cpu = float("inf"), float("inf")
    for _ in range(repeat):
        c, t = _cpu(), time.perf_counter()
        fn()
        wall, cpu = min(wall, time.perf_counter() - t), min(cpu, _cpu() - c)
    return wall, cpu


def main(n_events: int = 10_000_000, rebuild: bool = False, repeat: int = 3, with_backtest: bool = True,
         quick: bool = False) -> list[dict]:
    """Rows {name, value, unit, baseline, ratio}; quick: 1M events, one timed run, no backtest."""
    if quick:
        n_events, repeat, with_backtest = 1_000_000, 1, False
    path = build_store(n_events, rebuild)
    rows = []
    with open_store(path) as store:  # the roll-up importers refresh after writing; timed as a full rebuild
        t = time.perf_counter()
        refresh_dyad_daily(store, force=True)
        took = time.perf_counter() - t
        store.execute("CHECKPOINT")
    rows.append({"name": "analysis: dyad_daily roll-up full rebuild", "value": round(took, 2), "unit": "s",
                 "baseline": None, "ratio": None})
    with open_store(path, read_only=True) as store:
        n = store.scalar("SELECT count(*) FROM events")
        hi = store.scalar("SELECT max(date) FROM events")
        as_of = hi.replace(day=1)
        cases = {
            "dyad USA-RUS month": lambda: dyad(store, "USA", "RUS", freq="month"),
            "dyad USAGOV-RUS week 1y": lambda: dyad(store, "USAGOV", "RUS", freq="week", start=hi.replace(year=hi.year - 1)),
            "profile USA toward RUS": lambda: profile(store, "USA", toward="RUS"),
            "profile RUS (all)": lambda: profile(store, "RUS"),
            "network country 90d": lambda: network(store, start=hi.replace(month=max(1, hi.month - 3)), min_events=20),
            "shifts week": lambda: shifts(store),
            "shifts week + Goldstein (Welch) tone tests": lambda: shifts(store, goldstein=True),
            # cold: the model cache is cleared first, so these include training the pooled model
            "forecast USA-RUS 7d (cold)": lambda: (clear_cache(), forecast(store, "USA", "RUS", as_of, "7d")),
            "forecast USA-RUS 1d (cold)": lambda: (clear_cache(), forecast(store, "USA", "RUS", as_of, "1d")),
            "forecast USA-RUS 30d (cold)": lambda: (clear_cache(), forecast(store, "USA", "RUS", as_of, "30d")),
            # warm: another dyad at the same as-of and horizon reuses the trained model
            "forecast CHN-USA 7d (model cached)": lambda: forecast(store, "CHN", "USA", as_of, "7d"),
        }
        for name, fn in cases.items():
            wall, cpu = _time(fn, repeat)
            rows.append({"name": f"analysis: {name} ({n / 1e6:.1f}M events)", "value": round(wall, 4), "unit": "s",
                         "baseline": GOAL_S, "ratio": round(wall / GOAL_S, 3)})
            rows.append({"name": f"analysis: {name} CPU time", "value": round(cpu, 4), "unit": "cpu s",
                         "baseline": GOAL_S, "ratio": round(cpu / GOAL_S, 3)})
        if with_backtest:
            for h in ("1d", "7d", "30d"):
                t = time.perf_counter()
                bt = backtest(store, "USA", "RUS", as_of, h, evals=4)
                took = time.perf_counter() - t
                pooled = [r for r in bt["scores"] if r["scope"].endswith("dyads")]
                score = {r["method"]: r["log_loss"] for r in pooled}
                for other in ("historical", "persistence", "own_past_only"):
                    rows.append({"name": f"analysis: backtest {h} log-loss model (vs {other})", "value": score["model"],
                                 "unit": "log-loss", "baseline": score[other],
                                 "ratio": round(score["model"] / score[other], 4)})
                rows.append({"name": f"analysis: backtest {h} run time ({bt['dyads']} dyads x 4 origins)",
                             "value": round(took, 2), "unit": "s", "baseline": None, "ratio": None})
    # Timings are wall-clock: on a shared machine they scale with the load, so it is reported too.
    rows.append({"name": "analysis: 1-min load average at end (context for timings)",
                 "value": round(os.getloadavg()[0], 2), "unit": "procs", "baseline": os.cpu_count(), "ratio": None})
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append({"name": "analysis: peak RSS", "value": round(peak_mb, 1), "unit": "MB", "baseline": None, "ratio": None})
    return rows


def _print(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title="analysis benchmark")
    for c in ("name", "value", "unit", "baseline", "ratio"):
        t.add_column(c)
    for r in rows:
        t.add_row(*["" if r[c] is None else str(r[c]) for c in ("name", "value", "unit", "baseline", "ratio")])
    Console().print(t)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-backtest", action="store_true")
    a = ap.parse_args()
    _print(main(a.events, a.rebuild, a.repeat, not a.no_backtest))
