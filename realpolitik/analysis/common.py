"""What every analysis shares: actor filters, the date window, the weight, and the root table.

Analyses build SQL against the `events` table. An actor argument becomes a WHERE fragment:
a bare 3-letter country code matches `*_country`, a longer code matches `*_code` as a prefix,
and anything else is resolved by name through `ActorResolver.lookup` when that module exists.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

ROOTS = [f"{i:02d}" for i in range(1, 21)]
QUADS = [1, 2, 3, 4]


class AnalysisError(ValueError):
    """Bad input to an analysis (unknown actor, bad date, empty window); the CLI shows it as one line."""


@dataclass(frozen=True)
class ActorFilter:
    """One side of a dyad: `kind` is 'country' (exact match) or 'code' (prefix match)."""

    arg: str
    kind: str
    value: str

    def sql(self, side: str) -> str:
        """WHERE fragment for side 'source' or 'target'; the value is inlined as a quoted literal."""
        lit = "'" + self.value.replace("'", "''") + "'"
        if self.kind == "country":
            return f"{side}_country = {lit}"
        return f"starts_with({side}_code, {lit})"

    @property
    def label(self) -> str:
        return self.value


_CODE = re.compile(r"^[A-Z0-9]{3,}$")


def actor_filter(arg: str) -> ActorFilter:
    """Turn 'RUS', 'RUSGOV', 'IGONATO' or 'Russia' into a filter; AnalysisError if nothing matches."""
    text = (arg or "").strip()
    if not text:
        raise AnalysisError("actor: empty actor argument")
    actors = _lookup(text)
    if _CODE.match(text) and not (actors and not any((x.code or "").startswith(text) for x in actors)):
        # A code: 'RUS', 'RUSGOV'. Acronyms the dictionary knows under another code (NATO -> IGONATO,
        # WHO -> IGOWHO) fall through to the looked-up actor instead.
        return ActorFilter(text, "country" if len(text) == 3 else "code", text)
    if not actors:
        raise AnalysisError(f"actor {arg!r}: not a code and not found in the actor dictionary")
    a = actors[0]
    code = (a.code or "").upper()
    if len(code) == 3 or (a.country and code == a.country):
        return ActorFilter(text, "country", code)
    return ActorFilter(text, "code", code)


def _lookup(name: str) -> list:
    try:  # the resolver is built by another stage; analyses still work on codes without it
        from ..actors import ActorResolver  # type: ignore[attr-defined]
    except Exception:
        return []
    try:
        return list(_resolver(ActorResolver).lookup(name))
    except Exception:
        return []


@lru_cache(maxsize=1)
def _resolver(cls):
    return cls()


def parse_date(value: str | dt.date | None, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise AnalysisError(f"{what} {value!r}: not a date (use YYYY-MM-DD)") from None


def window_sql(start: dt.date | None, end: dt.date | None) -> str:
    """Inclusive date window as a WHERE fragment ('TRUE' when open)."""
    parts = []
    if start:
        parts.append(f"date >= DATE '{start.isoformat()}'")
    if end:
        parts.append(f"date <= DATE '{end.isoformat()}'")
    return " AND ".join(parts) or "TRUE"


def weight_sql(weight: str) -> str:
    """The per-row weight: one per event, or the number of mentions (reports) of it."""
    if weight == "events":
        return "1"
    if weight == "mentions":
        return "coalesce(num_mentions, 1)"
    raise AnalysisError(f"weight {weight!r}: use events or mentions")


@lru_cache(maxsize=1)
def root_table() -> dict[str, dict]:
    """Root code -> label, goldstein, quad_class, plover (from the shared taxonomy)."""
    from ..events.taxonomy import roots

    return {
        r.root: {"label": r.label, "goldstein": r.goldstein, "quad_class": r.quad_class, "plover": r.plover}
        for r in roots()
    }


def root_quads() -> list[int]:
    """Quad class of each root in ROOTS order."""
    t = root_table()
    return [t[r]["quad_class"] for r in ROOTS]


def data_range(store) -> tuple[dt.date | None, dt.date | None]:
    row = store.execute("SELECT min(date), max(date) FROM events").fetchone()
    return row[0], row[1]
