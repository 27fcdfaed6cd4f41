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

from ..dates import parse_date as _parse_date

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
FUZZY_MIN = 88  # rapidfuzz ratio (whole string) for a misspelt name: 'Rusia', 'Ukrain'; not 'Bar' -> 'Barr'


def actor_filter(arg: str, store=None) -> ActorFilter:
    """Turn 'RUS', 'RUSGOV', 'IGONATO', 'Russia', 'NATO' or 'the Kremlin' into a filter.

    Names resolve through the actor dictionary: an alias ('the United States', 'Kremlin', 'Putin'), a
    phrase ('Russian government'), a close misspelling (whole-string similarity >= FUZZY_MIN) or the
    start of an actor's name ('Europe'). A code-shaped argument the dictionary does not know is kept
    as a code when `store` is not given, or when `store` has events with it; otherwise, and for any
    name that resolves to nothing, AnalysisError names the argument."""
    text = (arg or "").strip()
    if not text:
        raise AnalysisError("actor: empty actor argument")
    actors = _lookup(text)
    if _CODE.match(text) and not (actors and not any((x.code or "").startswith(text) for x in actors)):
        # A code: 'RUS', 'RUSGOV'. Acronyms the dictionary knows under another code (NATO -> IGONATO,
        # WHO -> IGOWHO) fall through to the looked-up actor instead.
        f = ActorFilter(text, "country" if len(text) == 3 else "code", text)
        if not actors and store is not None and not _in_store(store, f):
            raise AnalysisError(f"actor {arg!r}: unknown code (not in the actor dictionary, no events in the store)")
        return f
    if not actors:
        raise AnalysisError(f"actor {arg!r}: not a code and not found in the actor dictionary")
    a = actors[0]
    code = (a.code or "").upper()
    if len(code) == 3 or (a.country and code == a.country):
        return ActorFilter(text, "country", code)
    return ActorFilter(text, "code", code)


GROUPS = ("IGO", "NGO", "IMG")  # 'countries' of organisations and armed groups, not of one place


def node_sql(side: str, level: str = "country") -> str:
    """SQL for the node an event's `side` ('source' or 'target') belongs to at `level`.

    At country level, actors whose country is a group pseudo-country (IGO, NGO, IMG) keep their own
    code, so NATO (IGONATO), the EU (IGOEU) and the UN (IGOUNO) stay apart instead of becoming one
    node 'IGO'; everyone else is their country. At code level, the actor code. An actor filter 'IGO'
    still matches every IGO (filters test the country column)."""
    if level == "code":
        return f"{side}_code"
    if level != "country":
        raise AnalysisError(f"level {level!r}: use country or code")
    groups = ", ".join(f"'{g}'" for g in GROUPS)
    return (f"(CASE WHEN {side}_country IN ({groups}) AND coalesce({side}_code, '') <> ''"
            f" THEN {side}_code ELSE {side}_country END)")


def _in_store(store, f: ActorFilter) -> bool:
    try:
        return store.execute(f"SELECT 1 FROM events WHERE {f.sql('source')} OR {f.sql('target')} LIMIT 1").fetchone() is not None
    except Exception:
        return True  # no events table to check against: keep the code


def _lookup(name: str) -> list:
    """The dictionary's actors for a code or name, without its loose fuzzy matches ('Foo' is not the
    World Food Programme): exact aliases and phrases as the resolver gives them, else a close whole-string
    misspelling or the start of a name."""
    try:  # the resolver is built by another stage; analyses still work on codes without it
        from ..actors import ActorResolver  # type: ignore[attr-defined]
    except Exception:
        return []
    try:
        res = _resolver(ActorResolver)
        found = list(res.lookup(name))
    except Exception:
        return []
    if not found or _CODE.match(name):
        return found
    try:
        from rapidfuzz import fuzz, process

        from ..actors.text import fold

        key = fold(name)
        d = res.dictionary
        if d.candidates(key):
            return found
        phrase = res.resolve_phrase(name)
        if phrase is not None and phrase.country:
            return found
        close = process.extractOne(key, d.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
        if close is not None:  # the resolver's own ranking, the actor named exactly that first
            return sorted(found, key=lambda a: fold(a.name or "") != close[0])
        if len(key) >= 5:
            return [a for a in found if fold(a.name or "").startswith(key)]
        return []
    except Exception:
        return found


@lru_cache(maxsize=1)
def _resolver(cls):
    return cls()


def parse_date(value: str | dt.date | None, what: str) -> dt.date | None:
    """A date option (`what` names it, e.g. '--from'); None when not given (None or blank).
    Unreadable input is an AnalysisError, shown by the CLI as one line. Two-digit years are not
    read: '220301' is more likely a typo than 1 March 2022."""
    try:
        return _parse_date(value)
    except ValueError:
        raise AnalysisError(f"{what} {value!r}: not a date (use YYYY-MM-DD)") from None


def date_window(start, end) -> tuple[dt.date | None, dt.date | None]:
    """--from and --to parsed; AnalysisError when --from is after --to."""
    start, end = parse_date(start, "--from"), parse_date(end, "--to")
    if start and end and start > end:
        raise AnalysisError(f"--from {start} is after --to {end}")
    return start, end


def window_sql(start: dt.date | None, end: dt.date | None, column: str = "date") -> str:
    """Inclusive date window on `column` as a WHERE fragment ('TRUE' when open)."""
    parts = []
    if start:
        parts.append(f"{column} >= DATE '{start.isoformat()}'")
    if end:
        parts.append(f"{column} <= DATE '{end.isoformat()}'")
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
