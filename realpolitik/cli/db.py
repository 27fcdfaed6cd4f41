"""Opening the store for a CLI command: every failure is one line naming the database and the cause."""
from __future__ import annotations

import re
from pathlib import Path

from .output import CliError


def store_in_use(db, exc: BaseException) -> str | None:
    """A clear message when `exc` is DuckDB refusing `db` because another process holds its lock
    (most often a running `realpolitik serve`, or an ingest or coding run); None for other errors.

    DuckDB lets one process write a file, and nobody else open it meanwhile, not even to read."""
    text = str(exc)
    if "lock" not in text.lower() or not re.search(r"conflicting lock|could not set lock", text, re.I):
        return None
    pid = re.search(r"\(PID (\d+)\)", text)
    who = f"process {pid.group(1)}" if pid else "another process"
    return (f"--db {db}: the store is in use by {who} (for example `realpolitik serve` busy with a request or"
            f" job, or a running ingest/code); a DuckDB file open for writing cannot be opened by any other"
            f" process. Try again in a moment (an idle server lets go of it), stop that process, or work on a"
            f" copy (cp {db} copy.duckdb; --db copy.duckdb); while `serve` runs, ingest and code through it"
            f" (dashboard /ingest, POST /api/ingest, POST /api/code).")


def open_error(db, exc: BaseException) -> CliError:
    """The one-line error for a store that could not be opened."""
    lines = str(exc).strip().splitlines()
    return CliError(store_in_use(db, exc) or f"--db {db}: cannot open the database ({lines[0] if lines else type(exc).__name__})")


def open_db(db: Path, read_only: bool = False, must_exist: bool = False):
    """The store at `db`; reading commands (read_only or must_exist) refuse a missing file instead of creating one."""
    from ..store import open_store

    if (read_only or must_exist) and not Path(db).exists():
        raise CliError(f"{db}: no such database (create it with `realpolitik ingest ... --db {db}`)")
    try:
        return open_store(db, read_only=read_only)
    except Exception as exc:  # DuckDB raises IOException, InvalidInputException, ... for locks and non-stores
        raise open_error(db, exc) from None
