"""ActorDictionary: every name an actor goes by, indexed for matching and lookup."""
from __future__ import annotations

from pathlib import Path

import ahocorasick

from .entries import Entry
from .loaders import load_default, load_given_names, load_yaml
from .text import fold

# Which entry wins when two entries share the same name at the same span (higher wins).
KIND_RANK = {"block": 9, "person": 7, "org": 6, "metonym": 6, "country": 5, "capital": 4,
             "demonym": 4, "ethnic": 3, "place": 2, "agent": 1}


class ActorDictionary:
    """Entries from the shipped data files plus any user extensions (YAML, PETRARCH).

    Later additions win over earlier ones when they use the same name, so a user file can recode a
    shipped actor.
    """

    def __init__(self, entries: list[Entry] | None = None):
        self.entries: list[Entry] = []
        self.layers: list[int] = []
        self._layer = 0
        self._automaton = None
        self._keys: dict[str, list[tuple[int, str]]] = {}
        self._ids: dict[str, int] = {}
        self.given_names: set[str] = set()  # country names that also serve as first names
        if entries:
            self.extend(entries)

    @classmethod
    def default(cls) -> "ActorDictionary":
        d = cls(load_default())
        d.given_names = load_given_names()
        return d

    def extend(self, entries: list[Entry], adopt_case: bool = False) -> "ActorDictionary":
        """Add entries. With `adopt_case`, caseless names (PETRARCH writes all names in capitals) take
        the capitalisation already known for the same name, so "TURKEY" still ignores "turkey"."""
        for e in entries:
            idx = len(self.entries)
            self.entries.append(e)
            self.layers.append(self._layer)
            self._ids[e.id] = idx  # a later entry with the same id shadows the earlier one
            for alias in e.aliases:
                key = fold(alias).strip()
                if not key:
                    continue
                known = self._keys.setdefault(key, [])
                if adopt_case and alias.islower():
                    cased = [a for _, a in known if not a.islower()]
                    alias = cased[0] if cased else alias
                known.append((idx, alias))
        self._layer += 1
        self._automaton = None  # rebuilt on next scan
        return self

    def add_yaml(self, path: str | Path) -> "ActorDictionary":
        return self.extend(load_yaml(path))

    def add_petrarch(self, path: str | Path) -> "ActorDictionary":
        from .petrarch import load_petrarch

        return self.extend(load_petrarch(path), adopt_case=True)

    def by_id(self, entry_id: str) -> Entry | None:
        idx = self._ids.get(entry_id)
        return None if idx is None else self.entries[idx]

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, key: str) -> list[tuple[int, str]]:
        """(entry index, alias as written) for a folded name."""
        return self._keys.get(key, [])

    def keys(self) -> list[str]:
        return list(self._keys)

    @property
    def automaton(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            a = ahocorasick.Automaton()
            for key, cands in self._keys.items():
                # Best candidates first so the matcher can stop at the first that fits the context.
                ordered = sorted(cands, key=lambda c: (self.layers[c[0]], KIND_RANK.get(self.entries[c[0]].kind, 0)),
                                 reverse=True)
                # Positions of the capitals each alias requires, precomputed for the case check.
                a.add_word(key, (len(key), tuple((i, al, tuple(j for j, ch in enumerate(al) if ch.isupper()))
                                                  for i, al in ordered)))
            a.make_automaton()
            self._automaton = a
        return self._automaton
