"""Readers for the shipped data files (actors/data/*.tsv) and user YAML extensions."""
from __future__ import annotations

import csv
from collections import OrderedDict
from pathlib import Path
from typing import Iterator

import pycountry
import yaml

from .entries import NON_STATE, Coding, Entry, parse_date, split_code
from .text import plural

DATA = Path(__file__).resolve().parent / "data"


def _rows(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            yield [c.strip() for c in row]


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _aliases(names: list[str]) -> tuple[list[str], set[str]]:
    """Strip the '?' ambiguity marker; return (aliases, the ambiguous ones)."""
    out, amb = [], set()
    for n in names:
        if n.endswith("?"):
            n = n[:-1].strip()
            amb.add(n)
        if n and n not in out:
            out.append(n)
    return out, amb


def type_of(country: str | None) -> str:
    return country if country in NON_STATE else "STATE"


def coding_for(code: str, sector: str | None = None, start=None, end=None, role: str = "",
               type_: str | None = None) -> Coding:
    """Build a coding from a code ('RUSGOV', 'IGONATO') or a country plus sector."""
    code = code.strip().upper()
    country, code_sector = split_code(code)
    sector = (sector or code_sector or None)
    if country not in NON_STATE and sector and len(code) == 3:
        code = code + sector
    return Coding(code, country, sector, type_ or type_of(country), parse_date(start), parse_date(end), role)


def _pycountry_names(c) -> list[str]:
    names = [getattr(c, k, None) for k in ("name", "common_name", "official_name")]
    # "Korea, Republic of" style inversions are not how news names countries
    return [n for n in names if n and "," not in n and "(" not in n]


def load_countries(path: Path = DATA / "countries.tsv") -> list[Entry]:
    table = {row[0]: row for row in _rows(path)}
    known = {c.alpha_3: c for c in pycountry.countries}
    entries: list[Entry] = []
    for iso3 in list(known) + [k for k in table if k not in known]:
        row = table.get(iso3, [iso3, "", "", ""]) + ["", "", ""]
        names = _split(row[1])
        pc = known.get(iso3)
        canonical = names[0] if names else (getattr(pc, "common_name", None) or pc.name)
        aliases, amb = _aliases(names + (_pycountry_names(pc) if pc else []))
        coding = Coding(iso3, iso3, None, "STATE")
        entries.append(Entry(f"country:{iso3}", "country", canonical, [coding], aliases, amb))
        demonyms, amb = _aliases(_split(row[2]))
        if demonyms:
            entries.append(Entry(f"demonym:{iso3}", "demonym", canonical, [coding], demonyms, amb))
        capitals, amb = _aliases(_split(row[3]))
        if capitals:
            gov = Coding(iso3 + "GOV", iso3, "GOV", "STATE")
            entries.append(Entry(f"capital:{iso3}", "capital", canonical, [gov], capitals, amb))
    return entries


def load_metonyms(path: Path = DATA / "metonyms.tsv", kind: str = "metonym") -> list[Entry]:
    entries = []
    for row in _rows(path):
        names, country, sector, canonical = (row + ["", "", "", ""])[:4]
        aliases, amb = _aliases(_split(names))
        coding = coding_for(country, sector or None)
        entries.append(Entry(f"{kind}:{canonical or aliases[0]}", kind, canonical or aliases[0], [coding],
                             aliases, amb))
    return entries


def load_organisations(path: Path = DATA / "organisations.tsv") -> list[Entry]:
    grouped: OrderedDict[str, Entry] = OrderedDict()
    for row in _rows(path):
        code, type_, country, sector, names, canonical, start, end = (row + [""] * 8)[:8]
        aliases, amb = _aliases(_split(names))
        c = Coding(code.upper(), country or None, sector or None, type_ or type_of(country),
                   parse_date(start), parse_date(end))
        kind = "org" if c.type in NON_STATE else "metonym"
        e = grouped.get(canonical)
        if e is None:
            e = grouped[canonical] = Entry(f"org:{canonical}", kind, canonical, [], [], set())
        e.codings.append(c)
        e.aliases += [a for a in aliases if a not in e.aliases]
        e.ambiguous |= amb
    return list(grouped.values())


def _people_rows(paths):
    # people.tsv plus regional tables (people_*.tsv); one person may have rows in several files.
    for path in paths or sorted(DATA.glob("people*.tsv")):
        yield from _rows(path)


def load_people(paths: list[Path] | None = None) -> list[Entry]:
    grouped: OrderedDict[str, Entry] = OrderedDict()
    for row in _people_rows(paths):
        name, aliases_cell, country, sector, role, start, end = (row + [""] * 7)[:7]
        aliases, amb = _aliases([name] + _split(aliases_cell))
        org = country.upper()
        if len(org) > 3 and org[:3] in NON_STATE:
            c = Coding(org, org[:3], sector or None, "PERSON", parse_date(start), parse_date(end), role)
        else:
            code = org + sector if sector else org
            c = Coding(code, org, sector or None, "PERSON", parse_date(start), parse_date(end), role)
        e = grouped.get(name)
        if e is None:
            e = grouped[name] = Entry(f"person:{name}", "person", name, [], [], set())
        e.codings.append(c)
        e.aliases += [a for a in aliases if a not in e.aliases]
        e.ambiguous |= amb
    return list(grouped.values())


def load_agents(path: Path = DATA / "agents.tsv") -> list[Entry]:
    entries = []
    for row in _rows(path):
        sector, role, forms = (row + ["", "", ""])[:3]
        base, amb = _aliases(_split(forms))
        aliases = list(base)
        for f in base:
            p = plural(f)
            if p not in aliases:
                aliases.append(p)
        coding = Coding(sector, None, sector, "STATE", role=role)
        entries.append(Entry(f"agent:{sector}:{role}", "agent", role, [coding], aliases, amb))
    return entries


def load_places(path: Path = DATA / "places.tsv") -> list[Entry]:
    entries = []
    for row in _rows(path):
        names, country = (row + ["", ""])[:2]
        aliases, amb = _aliases(_split(names))
        entries.append(Entry(f"place:{country}:{aliases[0]}", "place", aliases[0],
                             [Coding(country, country, None, "STATE")], aliases, amb))
    return entries


def load_blockers(path: Path = DATA / "nonactors.txt") -> list[Entry]:
    with open(path, encoding="utf-8") as fh:
        names = [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]
    return [Entry("block:nonactors", "block", "non-actor", [], names)]


def load_given_names(path: Path = DATA / "given_names.txt") -> set[str]:
    with open(path, encoding="utf-8") as fh:
        return {ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")}


def load_default() -> list[Entry]:
    return (load_countries() + load_metonyms() + load_metonyms(DATA / "ethnic.tsv", "ethnic")
            + load_organisations() + load_people() + load_agents() + load_places() + load_blockers())


def load_yaml(path: str | Path) -> list[Entry]:
    """User dictionary; schema in actors/data/README.md."""
    with open(path, encoding="utf-8") as fh:
        doc = yaml.safe_load(fh) or {}
    entries: list[Entry] = []
    for i, item in enumerate(doc.get("actors") or []):
        name = str(item.get("name") or "").strip()
        if not name:
            raise ValueError(f"{path}: actors[{i}] has no name")
        aliases, amb = _aliases([name] + [str(a) for a in item.get("aliases") or []])
        codings = []
        for d in item.get("codings") or []:
            codings.append(coding_for(str(d.get("code") or d.get("country")), d.get("sector"),
                                      d.get("start"), d.get("end"), str(d.get("role") or ""),
                                      "PERSON" if item.get("kind") == "person" else d.get("type")))
        if item.get("code") or item.get("country"):
            codings.append(coding_for(str(item.get("code") or item.get("country")), item.get("sector"),
                                      role=str(item.get("role") or ""),
                                      type_="PERSON" if item.get("kind") == "person" else item.get("type")))
        if not codings:
            raise ValueError(f"{path}: actor {name!r} needs a code or codings")
        kind = item.get("kind") or _infer_kind(codings)
        entries.append(Entry(f"user:{name}", kind, name, codings, aliases, amb))
    for i, item in enumerate(doc.get("agents") or []):
        sector = str(item.get("sector") or "").upper()
        forms = [str(f) for f in item.get("forms") or []]
        if not sector or not forms:
            raise ValueError(f"{path}: agents[{i}] needs sector and forms")
        aliases = list(dict.fromkeys(forms + [plural(f) for f in forms]))
        role = str(item.get("role") or forms[0])
        entries.append(Entry(f"user-agent:{sector}:{role}", "agent", role,
                             [Coding(sector, None, sector, "STATE", role=role)], aliases))
    return entries


def _infer_kind(codings: list[Coding]) -> str:
    c = codings[0]
    if c.type == "PERSON":
        return "person"
    if c.country in NON_STATE:
        return "org"
    return "metonym" if c.sector else "country"
