"""The CAMEO 1.1b3 event taxonomy with Goldstein weights, quad classes and PLOVER types.

The table lives in `events/data/cameo.tsv` (one row per code: the 20 roots, every 3-digit and
4-digit code) and is read once, lazily, via importlib.resources.

Code normalisation. Codes are strings whose leading zero matters ('010' is "make a statement",
'10' is the DEMAND root). Data that went through a numeric column (GDELT read as integers, CSV
opened in a spreadsheet) loses that zero: '42' for '042', '231' for '0231', '1' for '01'.
`normalize_code` first takes the string as given when it is a known code, and only otherwise
tries it with a leading zero restored. So '42' -> '042' and '231' -> '0231' (no root 23 exists),
but '10'..'20' stay roots 10..20 and '110'/'120' stay 110/120: a zero-stripped '010' is
indistinguishable from root 10 and is read as root 10. Integers are accepted and treated the
same way; surrounding whitespace is ignored.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

__all__ = [
    "CameoCode",
    "cameo",
    "cameo_or_none",
    "all_codes",
    "roots",
    "normalize_code",
    "parent",
    "children",
    "codes_for_plover",
    "plover_for",
    "PLOVER_TYPES",
    "QUAD_CLASS_LABELS",
]

QUAD_CLASS_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class CameoCode:
    code: str  # '19', '190', '0231'
    root: str  # two digits: '01'..'20'
    label: str
    goldstein: float  # -10 (most conflictual) .. +10 (most cooperative)
    quad_class: int  # 1..4, see QUAD_CLASS_LABELS
    plover: str  # PLOVER type, or STATEMENT for CAMEO 01
    plover_mode: str  # '' when no mode says anything useful

    @property
    def level(self) -> int:
        """1 for a root, 2 for a 3-digit code, 3 for a 4-digit code."""
        return len(self.code) - 1

    @property
    def quad_label(self) -> str:
        return QUAD_CLASS_LABELS[self.quad_class]


@lru_cache(maxsize=1)
def _table() -> dict[str, CameoCode]:
    text = files("realpolitik.events").joinpath("data/cameo.tsv").read_text(encoding="utf-8")
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        c = CameoCode(
            code=row["code"],
            root=row["root"],
            label=row["label"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row["plover"],
            plover_mode=row["plover_mode"] or "",
        )
        table[c.code] = c
    return table


def normalize_code(code: str | int) -> str | None:
    """The canonical form of `code`, or None when no CAMEO code matches (see module doc)."""
    if code is None:
        return None
    s = str(code).strip()
    if not s.isdigit():
        return None
    table = _table()
    if s in table:
        return s
    # A lost leading zero: only codes starting with '0' can have lost one.
    if len(s) <= 3 and ("0" + s) in table:
        return "0" + s
    return None


def cameo_or_none(code: str | int | None) -> CameoCode | None:
    norm = normalize_code(code) if code is not None else None
    return _table()[norm] if norm else None


def cameo(code: str | int) -> CameoCode:
    """Look up a CAMEO code ('19', '190', '0231', '42' for '042'); KeyError if unknown."""
    c = cameo_or_none(code)
    if c is None:
        raise KeyError(f"unknown CAMEO code: {code!r}")
    return c


def all_codes() -> list[CameoCode]:
    """Every code, in codebook order (each root followed by its children)."""
    return list(_table().values())


def roots() -> list[CameoCode]:
    return [c for c in _table().values() if len(c.code) == 2]


def parent(code: str | int) -> CameoCode | None:
    """The code one level up ('0231' -> '023', '023' -> '02'); None for a root."""
    c = cameo(code)
    return None if len(c.code) == 2 else _table()[c.code[:-1]]


def children(code: str | int) -> list[CameoCode]:
    """The codes directly below `code`."""
    c = cameo(code)
    n = len(c.code) + 1
    return [x for x in _table().values() if len(x.code) == n and x.code.startswith(c.code)]


def codes_for_plover(plover: str) -> list[CameoCode]:
    p = plover.strip().upper()
    return [c for c in _table().values() if c.plover == p]


def plover_for(code: str | int | None) -> str | None:
    """PLOVER type of a CAMEO code, None when the code is unknown."""
    c = cameo_or_none(code)
    return c.plover if c else None


def _plover_types() -> list[str]:
    seen: dict[str, None] = {}
    for c in _table().values():
        seen.setdefault(c.plover, None)
    return list(seen)


# In codebook order: STATEMENT, REQUEST, AGREE, CONSULT, SUPPORT, COOPERATE, AID, CONCEDE,
# RETREAT, ACCUSE, REJECT, THREATEN, PROTEST, MOBILIZE, SANCTION, COERCE, ASSAULT.
PLOVER_TYPES: list[str] = _plover_types()
