"""`make bench`: run every benchmark module and print one table.

Each module exposes `main(quick: bool = False) -> list[dict]` with rows
`{name, value, unit, baseline?, ratio?}`; the baseline is measured in the same run.
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import sys
import time

from rich.console import Console
from rich.table import Table

MODULES = ["coder", "fastpath", "guardian", "petrarch_unit", "interop", "analysis", "api"]


def _fmt(v):
    if isinstance(v, float):
        return f"{v:,.3f}" if abs(v) < 100 else f"{v:,.0f}"
    return "" if v is None else str(v)


def run(selected: list[str], quick: bool) -> int:
    console = Console(width=None if sys.stdout.isatty() else 180)
    table = Table(title="realpolitik benchmarks")
    for col in ("benchmark", "measure", "value", "unit", "baseline", "ratio"):
        table.add_column(col)
    failed = 0
    for name in selected:
        try:
            mod = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("benchmarks"):
                continue
            raise
        started = time.perf_counter()
        console.print(f"[bold]running {name}[/bold]")
        try:
            kwargs = {"quick": quick} if "quick" in inspect.signature(mod.main).parameters else {}
            rows = mod.main(**kwargs) or []
        except Exception as exc:  # one broken benchmark must not hide the others
            failed += 1
            table.add_row(name, "error", str(exc)[:80], "", "", "")
            continue
        for r in rows:
            table.add_row(
                name, str(r.get("name")), _fmt(r.get("value")), str(r.get("unit", "")),
                _fmt(r.get("baseline")), _fmt(r.get("ratio")),
            )
        console.print(f"  {name} took {time.perf_counter() - started:.1f}s")
    console.print(table)
    return 1 if failed else 0


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m benchmarks")
    p.add_argument("only", nargs="*", help=f"benchmarks to run (default: all of {', '.join(MODULES)})")
    p.add_argument("--quick", action="store_true", help="smaller inputs, for a smoke run")
    args = p.parse_args()
    sys.exit(run(args.only or MODULES, args.quick))


if __name__ == "__main__":
    main()
