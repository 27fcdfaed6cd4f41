"""API benchmark: latency of the events and dyad endpoints under concurrent load.

A 1-million-event store is generated once with `realpolitik.analysis.simulate` (numpy, bulk Arrow
insert) and cached under `.bench/`. `realpolitik serve` runs in a child process on 127.0.0.1; N
async httpx clients each send requests back to back for D seconds (full: 50 clients for 20 s;
quick: 10 for 3 s). Requests vary the actor (and the pair for dyads) so most answers are not
served from the result cache; a separate row measures one repeated dyad (cache hits).

Baseline: the same query run directly in DuckDB in this process, one at a time, without HTTP
(`list_events` and `analysis.dyad` on the same store), so ratio = API latency / direct latency.
A one-client row per endpoint separates the HTTP and server overhead from queueing under load.
The load generator runs on the same machine as the server and shares its cores.

    python -m benchmarks.api [--quick] [--clients 50] [--seconds 20]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / ".bench"
N_EVENTS = 1_000_000


def build_store(n_events: int = N_EVENTS, rebuild: bool = False) -> Path:
    """About n_events simulated events over two years and 40 countries (cached)."""
    from realpolitik.analysis import refresh_dyad_daily
    from realpolitik.analysis.simulate import SimConfig, simulate, write_events
    from realpolitik.store import open_store

    BENCH_DIR.mkdir(exist_ok=True)
    path = BENCH_DIR / f"api_{n_events}.duckdb"
    if path.exists() and not rebuild:
        return path
    path.unlink(missing_ok=True)
    days = 2 * 365
    t0 = time.perf_counter()
    with open_store(path) as store:
        total, seed = 0, 0
        while total < n_events * 0.97:  # the generator's rate is approximate
            cfg = SimConfig(n_countries=40, days=days, start="2023-01-01",
                            events_per_day=(n_events - total) / days, seed=seed, n_shifts=5)
            total += write_events(store, simulate(cfg).events)
            seed += 1
        refresh_dyad_daily(store)
        store.execute("CHECKPOINT")
    print(f"built {path.name}: {total:,} events in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return path


def _countries(path: Path) -> list[str]:
    from realpolitik.store import open_store

    with open_store(path, read_only=True) as store:
        return [r[0] for r in store.execute(
            "SELECT source_country FROM events GROUP BY 1 ORDER BY count(*) DESC").fetchall()]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(path: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "REALPOLITIK_TOKEN": "bench"}
    proc = subprocess.Popen([sys.executable, "-m", "realpolitik", "serve", "--db", str(path), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("realpolitik serve did not start")
            time.sleep(0.1)


async def _load(base: str, make_url, clients: int, seconds: float) -> tuple[list[float], int]:
    """Latencies (s) of successful requests, and the number of failed ones."""
    import httpx

    latencies: list[float] = []
    failed = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        end = time.perf_counter() + seconds

        async def client(seed: int) -> None:
            nonlocal failed
            rng = random.Random(seed)
            while time.perf_counter() < end:
                t = time.perf_counter()
                r = await http.get(make_url(rng))
                if r.status_code == 200:
                    latencies.append(time.perf_counter() - t)
                else:
                    failed += 1

        await asyncio.gather(*(client(i) for i in range(clients)))
    return latencies, failed


def _direct(fn, make_args, n: int) -> list[float]:
    rng = random.Random(12345)
    out = []
    for _ in range(n):
        args = make_args(rng)
        t = time.perf_counter()
        fn(*args)
        out.append(time.perf_counter() - t)
    return out


def _ms(xs: list[float], q: float) -> float:
    return round(float(np.percentile(np.array(xs) * 1000, q)), 2) if xs else float("nan")


def main(quick: bool = False, clients: int | None = None, seconds: float | None = None) -> list[dict]:
    from realpolitik.analysis import dyad
    from realpolitik.store import open_store
    from realpolitik.web.events_query import EventFilter, list_events

    clients = clients or (10 if quick else 50)
    seconds = seconds or (3.0 if quick else 20.0)
    path = build_store()
    countries = _countries(path)

    def pair(rng):
        a, b = rng.sample(countries, 2)
        return a, b

    cases = {
        "events (source filter, 50 rows)": (lambda rng: f"/api/events?source={rng.choice(countries)}&limit=50",
                                            lambda store: (lambda c: list_events(store, EventFilter(source=c), 50)),
                                            lambda rng: (rng.choice(countries),)),
        "dyad (random pair, by month)": (lambda rng: "/api/dyads/{}/{}?freq=month".format(*pair(rng)),
                                         lambda store: (lambda a, b: dyad(store, a, b, "month")),
                                         pair),
        "dyad (one pair repeated, cached)": (lambda rng: f"/api/dyads/{countries[0]}/{countries[1]}?freq=month",
                                             lambda store: (lambda a, b: dyad(store, a, b, "month")),
                                             lambda rng: (countries[0], countries[1])),
    }
    # Direct baselines first, while no server holds the file.
    direct = {}
    with open_store(path, read_only=True) as store:
        n_events = store.scalar("SELECT count(*) FROM events")
        for name, (_, fn, args) in cases.items():
            call = fn(store)
            _direct(call, args, 3)  # warm-up
            direct[name] = _direct(call, args, 20 if quick else 100)

    rows = []
    proc, base = _start_server(path)
    try:
        for name, (make_url, _, _) in cases.items():
            asyncio.run(_load(base, make_url, clients, 1.0))  # warm-up: page cache, thread pool
            d50, d99 = _ms(direct[name], 50), _ms(direct[name], 99)
            # One client first: the cost of HTTP and the server over the bare query, no queueing.
            lat, _ = asyncio.run(_load(base, make_url, 1, seconds / 4))
            one = _ms(lat, 50)
            rows.append({"name": f"api {name}, 1 client: p50", "value": one, "unit": "ms",
                         "baseline": d50, "ratio": round(one / d50, 2)})
            lat, failed = asyncio.run(_load(base, make_url, clients, seconds))
            tag = f"api {name}, {clients} clients, {n_events / 1e6:.1f}M events"
            p50, p99 = _ms(lat, 50), _ms(lat, 99)
            rows += [
                {"name": f"{tag}: p50", "value": p50, "unit": "ms", "baseline": d50, "ratio": round(p50 / d50, 2)},
                {"name": f"{tag}: p99", "value": p99, "unit": "ms", "baseline": d99, "ratio": round(p99 / d99, 2)},
                {"name": f"{tag}: throughput", "value": round(len(lat) / seconds, 1), "unit": "req/s",
                 "baseline": round(1000 / d50, 1), "ratio": round(len(lat) / seconds / (1000 / d50), 2)},
            ]
            if failed:
                rows.append({"name": f"{tag}: failed requests", "value": failed, "unit": "requests",
                             "baseline": 0, "ratio": None})
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return rows


def _cli() -> None:
    p = argparse.ArgumentParser(prog="python -m benchmarks.api")
    p.add_argument("--quick", action="store_true")
    p.add_argument("--clients", type=int)
    p.add_argument("--seconds", type=float)
    p.add_argument("--rebuild", action="store_true", help="Regenerate the cached store.")
    a = p.parse_args()
    if a.rebuild:
        build_store(rebuild=True)
    for r in main(a.quick, a.clients, a.seconds):
        print(f"{r['name']:<80} {r['value']:>10} {r['unit']:<6} baseline {r['baseline']}  ratio {r['ratio']}")


if __name__ == "__main__":
    _cli()
