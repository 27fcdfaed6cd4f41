"""Per-document coreference: 'he', 'the alliance', 'the minister' -> an actor mentioned earlier."""
from __future__ import annotations

import csv
from pathlib import Path

from ..records import Actor
from .entries import NON_STATE, safe_date
from .text import fold

_RULES_FILE = Path(__file__).resolve().parent / "data" / "coref.tsv"

# Which office titles count for a role phrase; `exclude` stops "the minister" picking a prime minister.
_ROLE_WORDS = {
    "president": (("president",), ("vice", "former")),
    "prime minister": (("prime minister", "premier", "chancellor"), ("deputy", "former")),
    "minister": (("minister", "secretary"), ("prime", "former")),
    "spokesman": (("spokesman", "spokeswoman", "spokesperson"), ()),
    "leader": (("leader", "king", "emir", "crown prince", "supreme leader"), ("former",)),
    "official": (("", ), ("former",)),
    "secretary general": (("secretary general", "director general", "secretary-general"), ()),
}


def _load_rules(path: Path = _RULES_FILE) -> dict[str, tuple[str, str]]:
    rules = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#") or not row[0].strip():
                continue
            phrases, rule, arg = (row + ["", "", ""])[:3]
            for p in phrases.split("|"):
                rules[fold(p.strip())] = (rule.strip(), arg.strip())
    return rules


_RULES: dict[str, tuple[str, str]] | None = None


class CorefTracker:
    """Remembers the actors of one document in order; resolves later anaphoric phrases to them."""

    def __init__(self, resolver=None, date=None):
        """`resolver` (an ActorResolver) and the document `date` let the tracker know people's offices
        ("the minister" -> Lavrov); without them only the words observed with a person count."""
        global _RULES
        self.resolver = resolver
        self.date = date
        if _RULES is None:
            _RULES = _load_rules()
        self.rules = _RULES
        self.history: list[tuple[Actor, str]] = []

    def observe(self, actor: Actor | None, text: str | None = None) -> None:
        if actor is not None and actor.code:
            self.history.append((actor, text or actor.text))

    def reset(self) -> None:
        self.history.clear()

    def resolve(self, phrase: str) -> Actor | None:
        key = " ".join(fold(phrase).split()).strip(" ,.;:'\"")
        rule = self.rules.get(key)
        if rule is None and not key.startswith("the "):
            rule = self.rules.get("the " + key)
        if rule is None:
            return None
        kind, arg = rule
        found = getattr(self, "_" + kind)(arg)
        if found is None:
            return None
        a, sector = found
        if sector is None:
            return Actor(phrase, a.code, a.country, a.sector, a.type, a.name, a.id)
        # A state seen earlier, now named by its agent: "the government", "the army".
        return Actor(phrase, a.country + sector, a.country, sector, "STATE",
                     a.country if a.type == "PERSON" else a.name, a.id)

    # -- rules: each returns (actor, sector to impose or None) ------------------------------------------
    def _recent(self):
        return (a for a, _ in reversed(self.history))

    def _person(self, _arg):
        return next(((a, None) for a in self._recent() if a.type == "PERSON"), None)

    def _thing(self, _arg):
        # Places ("Afrin") are where things happen, not what "it"/"they" refer to.
        return next(((a, None) for a in self._recent()
                     if a.type != "PERSON" and a.country and not a.id.startswith("place:")), None)

    def _code(self, prefixes):
        # Several prefixes, comma separated: "the bloc" is whichever regional bloc came last.
        wanted = tuple(p.strip() for p in prefixes.split(",") if p.strip())
        return next(((a, None) for a in self._recent() if a.code.startswith(wanted)), None)

    def _named(self, word):
        return next(((a, None) for a in self._recent() if word in fold(a.name)), None)

    def _group(self, kind):
        groups = [a for a in self._recent() if a.country and (a.type == "IMG" or a.sector == "REB")]
        preferred = [a for a in groups if a.type == kind] if kind else []
        found = (preferred or groups)[:1]
        return (found[0], None) if found else None

    def _state(self, sector):
        for a in self._recent():
            if a.country and a.country not in NON_STATE:
                if not sector:
                    return Actor(a.text, a.country, a.country, None, "STATE",
                                 a.country if a.type == "PERSON" else a.name, a.id), None
                return a, sector
        return None

    def _role(self, role):
        words, exclude = _ROLE_WORDS.get(role, ((role,), ()))
        for a in self._recent():
            if a.type != "PERSON":
                continue
            r = self._role_of(a)
            if any(w in r for w in words) and not any(x in r for x in exclude):
                return a, None
        return self._state("GOV")

    def _role_of(self, actor: Actor) -> str:
        # The office comes from the dictionary entry at the document date, plus the words the person
        # was observed with ("Foreign Minister Sergei Lavrov").
        parts = [text for a, text in self.history if a.id == actor.id and text]
        if self.resolver is not None:
            entry = self.resolver.dictionary.by_id(actor.id)
            if entry is not None:
                c = entry.coding_at(safe_date(self.date))
                if c is not None:
                    parts.append(c.role)
        return fold(" ".join(parts))
