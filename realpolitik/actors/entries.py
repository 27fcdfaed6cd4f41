"""Dictionary entries: the names an actor goes by and how it is coded, possibly per date range."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..dates import parse_date as _parse_date

# Pseudo-countries for actors with no state.
NON_STATE = {"IGO", "NGO", "IMG", "MNC"}

# Mention kinds: which role a matched name can play in a noun phrase.
KINDS = ("country", "capital", "demonym", "metonym", "org", "person", "agent", "ethnic", "place", "block")


@dataclass(frozen=True)
class Coding:
    """How an entry is coded over one date range (start inclusive, end exclusive; None = open)."""

    code: str
    country: str | None
    sector: str | None
    type: str
    start: dt.date | None = None
    end: dt.date | None = None
    role: str = ""

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class Entry:
    id: str
    kind: str
    name: str
    codings: list[Coding] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    ambiguous: set[str] = field(default_factory=set)  # aliases that are also ordinary words
    out_of_office: str | None = "ELI"  # sector for a person outside every dated coding

    def coding_at(self, day: dt.date | None) -> Coding | None:
        """The coding in force on `day`; undated codings are the fallback.

        Without a date the most recent coding is used. For people outside every dated row the
        country of the latest earlier row is kept with sector `out_of_office` (ELI: a former office holder).
        """
        if not self.codings:
            return None
        if len(self.codings) == 1 and not self.codings[0].dated:
            return self.codings[0]  # the common case: one undated coding
        dated = [c for c in self.codings if c.dated]
        undated = [c for c in self.codings if not c.dated]
        if day is None:
            if dated:
                return max(dated, key=lambda c: c.start or dt.date.min)
            return undated[0]
        hits = [c for c in dated if c.covers(day)]
        if hits:
            # Overlapping offices: the most recently started one is the news-relevant one.
            return max(hits, key=lambda c: c.start or dt.date.min)
        if undated:
            return undated[0]
        if self.kind != "person" or self.out_of_office is None:
            return None
        before = [c for c in dated if c.start is None or c.start <= day]
        ref = max(before, key=lambda c: c.start or dt.date.min) if before else min(
            dated, key=lambda c: c.start or dt.date.max)
        country = ref.country
        if country in NON_STATE or not country:
            # People of organisations keep the organisation's code: news still calls them "Isis's
            # Emwazi" or "former UN chief Ban"; a former office gives no sector of its own.
            return Coding(ref.code, country, None, ref.type, None, None, "former " + ref.role if ref.role else "")
        sector = self.out_of_office
        code = country + sector
        return Coding(code, country, sector, ref.type, None, None, "former " + ref.role if ref.role else "")


def person_rank(entry: Entry, day: dt.date | None) -> tuple:
    """How well a person fits a date when several people share a name ("Clinton", "Bush", "Assad").

    Higher is better: someone in office on `day` (latest-started office first), then the most recent
    former office holder (latest end of an office begun before `day`), then whoever takes office
    soonest after it. Without a date the person with the most recent office wins. Undated codings
    count as always in office.
    """
    codings = entry.codings
    if not codings:
        return (-1,)
    if any(not c.dated for c in codings):
        return (3, dt.date.min)
    if day is None:
        return (2, max(c.end or dt.date.max for c in codings), max(c.start or dt.date.min for c in codings))
    current = [c.start or dt.date.min for c in codings if c.covers(day)]
    if current:
        return (3, max(current))
    past = [c.end or dt.date.max for c in codings if c.start is None or c.start <= day]
    if past:
        return (2, max(past))
    first = min(c.start for c in codings)
    return (1, -first.toordinal())


def parse_date(value) -> dt.date | None:
    """ISO dates, datetimes, or the PETRARCH forms YYMMDD / YYYYMMDD; ValueError when unreadable
    (dictionary dates are ours to fix, so a bad one must be loud)."""
    return _parse_date(value, two_digit_years=True)


def safe_date(value) -> dt.date | None:
    """parse_date, but None for anything unreadable (dates from the wild must not stop coding)."""
    try:
        return parse_date(value)
    except (ValueError, TypeError):
        return None


def split_code(code: str, sectors: set[str] | frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """CAMEO code -> (country, sector): 'RUSGOV' -> ('RUS', 'GOV'), 'IGONATO' -> ('IGO', None)."""
    code = code.strip().upper()
    if len(code) < 3:
        return None, code or None
    country = code[:3]
    rest = code[3:6]
    if country in NON_STATE:
        return country, None
    if not rest:
        return country, None
    if sectors and rest not in sectors:
        return country, rest  # unknown agent codes (fictional test countries) still split by position
    return country, rest
