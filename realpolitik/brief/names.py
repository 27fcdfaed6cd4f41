"""Readable names for actor codes, with the grammatical number prose needs.

`RUS` -> "Russia", `RUSGOV` -> "the Russian government", `UKRMIL` -> "Ukrainian forces" (plural),
`IGONATO` -> "NATO", a PERSON row -> the person's name. The phrase tables live in
`brief/data/names.yaml`; country names, adjectives and organisation names come from the actor
dictionary, so a brief never shows a raw code in its prose.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml

NON_STATE = {"IGO", "NGO", "IMG", "MNC"}


@dataclass(frozen=True)
class Name:
    text: str  # as it reads mid-sentence: "the United States", "Ukrainian forces"
    plural: bool = False

    @property
    def cap(self) -> str:
        """Sentence-initial form."""
        return self.text[:1].upper() + self.text[1:]

    @property
    def possessive(self) -> str:
        return self.text + ("'" if self.text.endswith("s") else "'s")

    # Agreement helpers used by the phrase templates.
    @property
    def verbs(self) -> dict[str, str]:
        p = self.plural
        return {"has": "have" if p else "has", "is": "are" if p else "is", "was": "were" if p else "was",
                "says": "say" if p else "says", "its": "their" if p else "its", "it": "they" if p else "it",
                "does": "do" if p else "does"}


def join(names: list[Name]) -> Name:
    """'Russia', 'Russia and China', 'Russia, China and Iran' (plural when more than one)."""
    texts = [n.text for n in names]
    if not texts:
        return Name("no actor")
    if len(texts) == 1:
        return names[0]
    return Name(", ".join(texts[:-1]) + " and " + texts[-1], plural=True)


@lru_cache(maxsize=1)
def _table() -> dict:
    return yaml.safe_load((files("realpolitik.brief") / "data" / "names.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _dictionary_names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(country names, adjectives, organisation names by code) from the actor dictionary."""
    countries: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    orgs: dict[str, str] = {}
    try:
        from ..actors import ActorDictionary

        entries = ActorDictionary.default().entries
    except Exception:  # the dictionary is optional for naming: codes then fall back to generic phrases
        entries = []
    for e in entries:
        if not e.codings:
            continue
        c = e.codings[0]
        if e.kind == "country":
            countries.setdefault(c.country, e.name)
        elif e.kind == "demonym" and e.aliases:
            adjectives.setdefault(c.country, e.aliases[0])
        elif e.kind == "org":
            orgs.setdefault(c.code, e.name)
    return countries, adjectives, orgs


def country_name(iso3: str) -> str | None:
    t = _table()
    countries, _, _ = _dictionary_names()
    base = t["country_names"].get(iso3) or countries.get(iso3)
    if not base:
        return None
    return ("the " + base) if iso3 in t["with_article"] and not base.startswith("the ") else base


def adjective(iso3: str) -> str | None:
    t = _table()
    return t["adjectives"].get(iso3) or _dictionary_names()[1].get(iso3)


def _org_name(code: str) -> Name | None:
    orgs = _dictionary_names()[2]
    # Longest known prefix: IGOUNOSC before IGOUNO.
    for n in range(len(code), 2, -1):
        name = orgs.get(code[:n])
        if name:
            break
    else:
        return None
    t = _table()
    if name in t["org_plural"]:
        return Name(name, plural=True)
    bare = name in t["org_no_article"] or name.startswith("the ")
    return Name(name if bare else "the " + name)


def actor_name(code: str | None, country: str | None = None, sector: str | None = None,
               type_: str | None = None, name: str | None = None) -> Name:
    """The readable name of one actor as stored on an event row."""
    t = _table()
    if type_ == "PERSON" and name:
        return Name(name)
    code = (code or "").upper()
    country = (country or (code[:3] if len(code) >= 3 else "")).upper()
    if country in NON_STATE or code[:3] in NON_STATE:
        org = _org_name(code)
        if org:
            return org
        if name and not name.isupper():
            return Name(name)
        return Name(t["unknown"]["phrase"])
    if sector is None and len(code) >= 6 and code[:3] == country:
        sector = code[3:6]
    cname = country_name(country) if country else None
    if cname is None:
        bare = t["bare_sectors"].get(sector or code[:3])
        return Name(bare["phrase"], bare["plural"]) if bare else Name(t["unknown"]["phrase"])
    if not sector:
        return Name(cname)
    spec = t["sectors"].get(sector)
    adj = adjective(country)
    if spec is None or adj is None:
        return Name(cname)
    return Name(spec["phrase"].format(adj=adj, country=cname), spec["plural"])


def filter_name(code: str) -> Name:
    """Name for an actor filter value: a bare country code, an organisation, or a longer code."""
    code = code.upper()
    if len(code) == 3 and code not in NON_STATE:
        return actor_name(code, code)
    return actor_name(code, code[:3])
