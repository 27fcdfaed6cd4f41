"""GDELT import throughput (rows/s, goal >= 200k) and peak memory at two file sizes.

A synthetic GDELT 2.0 event file (61 tab-separated columns, realistic values) is generated with
numpy/pyarrow and cached under `.bench/`. Each size is imported into a fresh store in a child
process, so the peak RSS (VmHWM) of that child is the peak memory of that import alone: memory flat in file
size means the 5M-row peak is close to the 1M-row peak. Wall time on a shared machine varies
with its load, so rows per CPU-second is reported too.

    python -m benchmarks.interop [--quick]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pcsv

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench"
GOAL_ROWS_PER_S = 200_000

_COUNTRIES = np.array(["USA", "RUS", "UKR", "CHN", "GBR", "FRA", "DEU", "ISR", "PSE", "IRN", "SYR", "TUR"])
_SECTORS = np.array(["", "GOV", "MIL", "COP", "REB", "OPP", "BUS", "MED", "CVL"])
_CODES = np.array(["010", "020", "036", "042", "043", "046", "051", "057", "061", "071", "0831",
                   "090", "112", "120", "130", "138", "141", "150", "163", "173", "190", "193", "195"])
_QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3,
         "11": 3, "12": 3, "13": 3, "14": 3, "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4}


def _chunk(start: int, n: int, rng: np.random.Generator) -> pa.Table:
    from realpolitik.interop.gdelt import GDELT2

    days = rng.integers(0, 3650, n)
    dates = (np.datetime64("2015-02-18") + days).astype("datetime64[D]").astype(str)
    sqldate = np.char.replace(dates, "-", "")
    codes = rng.choice(_CODES, n)
    c1, c2 = rng.choice(_COUNTRIES, n), rng.choice(_COUNTRIES, n)
    s1, s2 = rng.choice(_SECTORS, n), rng.choice(_SECTORS, n)
    empty = np.full(n, "", dtype=object)
    vals = {c: empty for c in GDELT2}
    roots = np.char.ljust(codes.astype(str), 2).astype("U2")
    vals.update({
        "GlobalEventID": np.arange(start, start + n).astype(str),
        "SQLDATE": sqldate, "MonthYear": np.char.ljust(sqldate, 6).astype("U6"),
        "Year": np.char.ljust(sqldate, 4).astype("U4"), "FractionDate": np.full(n, "2019.5000"),
        "Actor1Code": np.char.add(c1, s1), "Actor1Name": c1, "Actor1CountryCode": c1, "Actor1Type1Code": s1,
        "Actor2Code": np.char.add(c2, s2), "Actor2Name": c2, "Actor2CountryCode": c2, "Actor2Type1Code": s2,
        "IsRootEvent": np.full(n, "1"), "EventCode": codes, "EventBaseCode": codes, "EventRootCode": roots,
        "QuadClass": np.vectorize(_QUAD.get)(roots).astype(str),
        "GoldsteinScale": np.round(rng.uniform(-10, 10, n), 1).astype(str),
        "NumMentions": rng.integers(1, 50, n).astype(str), "NumSources": rng.integers(1, 5, n).astype(str),
        "NumArticles": rng.integers(1, 50, n).astype(str),
        "AvgTone": np.round(rng.normal(-2, 3, n), 4).astype(str),
        "ActionGeo_Type": np.full(n, "4"), "ActionGeo_FullName": np.full(n, "Kyiv, Kyyiv, Misto, Ukraine"),
        "ActionGeo_CountryCode": np.full(n, "UP"), "ActionGeo_Lat": np.round(rng.uniform(-60, 60, n), 4).astype(str),
        "ActionGeo_Long": np.round(rng.uniform(-180, 180, n), 4).astype(str),
        "DATEADDED": np.char.add(sqldate, "120000"),
        "SOURCEURL": np.char.add("https://news.example.com/story/", np.arange(start, start + n).astype(str)),
    })
    return pa.table({c: pa.array(np.asarray(vals[c]).astype(str)) for c in GDELT2})


def gdelt_file(rows: int) -> Path:
    """The cached synthetic GDELT 2.0 file with `rows` rows (generated on first use)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"gdelt2_{rows}.export.CSV"
    if path.exists():
        return path
    tmp = path.with_suffix(".part")
    rng = np.random.default_rng(42)
    opts = pcsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none")
    step = 250_000
    with pcsv.CSVWriter(str(tmp), _chunk(0, 1, rng).schema, write_options=opts) as writer:
        for start in range(0, rows, step):
            writer.write_table(_chunk(1_000_000_000 + start, min(step, rows - start), rng))
    tmp.rename(path)
    return path


def _child(path: str) -> None:
    """Import one file into a fresh store; print rows, seconds and this process's peak RSS."""
    from realpolitik.interop.gdelt import import_gdelt
    from realpolitik.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.duckdb")
        t0 = time.perf_counter()
        result = import_gdelt(store, path)
        seconds = time.perf_counter() - t0
        store.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"rows": result.rows_ok, "bad": result.rows_bad, "seconds": seconds,
                      "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_mb": peak_rss_mb()}))


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    exec, so a child would report the parent's peak (here: the parent generating the file)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(rows: int) -> dict:
    path = gdelt_file(rows)
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.interop", "--child", str(path)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(quick: bool = False) -> list[dict]:
    small, large = (100_000, 500_000) if quick else (1_000_000, 5_000_000)
    t0 = time.perf_counter()
    gdelt_file(small), gdelt_file(large)
    gen_s = time.perf_counter() - t0
    a, b = _measure(small), _measure(large)
    rate = b["rows"] / b["seconds"]
    return [
        {"name": f"generate {small:,} + {large:,} GDELT rows (0 when cached)", "value": gen_s, "unit": "s"},
        {"name": f"import {large:,} GDELT 2.0 rows", "value": rate, "unit": "rows/s",
         "baseline": GOAL_ROWS_PER_S, "ratio": rate / GOAL_ROWS_PER_S},
        {"name": f"import {small:,} GDELT 2.0 rows", "value": a["rows"] / a["seconds"], "unit": "rows/s"},
        # CPU time is steadier than wall time on a shared machine (it includes start-up).
        {"name": f"import {large:,} rows per CPU-second", "value": b["rows"] / b["cpu_seconds"],
         "unit": "rows/cpu-s"},
        {"name": f"import {small:,} rows per CPU-second", "value": a["rows"] / a["cpu_seconds"],
         "unit": "rows/cpu-s"},
        {"name": f"CPU seconds importing {large:,} rows", "value": b["cpu_seconds"], "unit": "s"},
        {"name": f"CPU seconds importing {small:,} rows", "value": a["cpu_seconds"], "unit": "s"},
        {"name": f"peak RSS importing {large:,} rows", "value": b["peak_mb"], "unit": "MB",
         "baseline": a["peak_mb"], "ratio": b["peak_mb"] / a["peak_mb"]},
        {"name": f"peak RSS importing {small:,} rows", "value": a["peak_mb"], "unit": "MB"},
    ]


def _cli() -> None:
    p = argparse.ArgumentParser(prog="python -m benchmarks.interop")
    p.add_argument("--quick", action="store_true", help="100k and 500k rows instead of 1M and 5M")
    p.add_argument("--child", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        _child(args.child)
        return
    for row in main(quick=args.quick):
        print(row)


if __name__ == "__main__":
    _cli()
