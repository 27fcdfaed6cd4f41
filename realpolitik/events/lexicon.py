"""The verb/noun lexicon: data files in `events/data/` -> lookups the grammar uses.

Patterns are data (verbs.yaml, nouns.yaml); this module only indexes them by lemma, expands noun
classes, and lists every surface form so the pre-filter can spot possible triggers without parsing.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

DATA = Path(__file__).resolve().parent / "data"


def _word(x) -> str:
    # YAML 1.1 reads bare on/off as booleans; in this lexicon they are always particles.
    if x is True:
        return "on"
    if x is False:
        return "off"
    return str(x).lower()


def _as_list(v) -> list[str]:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [_word(x) for x in v]
    return [_word(v)]


@dataclass(frozen=True)
class VerbPattern:
    lemma: str
    code: str
    obj: tuple[str, ...] = ()  # expanded object phrases (lemma form, may be multiword)
    part: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    comp: str | None = None
    notarget: bool = False
    weak: bool = False  # ambiguous verb: lower confidence, needs an actor target
    place: bool = False  # a place may stand for the target ("travelled to Moscow")
    mutual: bool = False  # both ways: "clashed with"
    subj: tuple[str, ...] = ()  # required subject phrases ("troops left")

    @property
    def specificity(self) -> int:
        return 2 * bool(self.obj) + bool(self.part) + bool(self.subj)


@dataclass(frozen=True)
class NounPattern:
    head: str  # head lemma of the trigger noun
    code: str
    mods: tuple[str, ...] = ()  # words that must precede the head ("air" strike)
    need: tuple[str, ...] = ()  # alternative required modifiers from `mod`
    prep: tuple[str, ...] = ()
    between: bool = False
    weak: bool = False
    place: bool = False
    context: bool = False  # may take its doer from the document context
    needprep: bool = False  # only with one of `prep` ("probe into", not a space probe)


@dataclass
class Lexicon:
    verbs: dict[str, list[VerbPattern]] = field(default_factory=dict)
    nouns: dict[str, list[NounPattern]] = field(default_factory=dict)
    classes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    modal_verbs: dict[str, str] = field(default_factory=dict)
    irregular: dict[str, list[str]] = field(default_factory=dict)
    irregular_plurals: dict[str, list[str]] = field(default_factory=dict)
    statement_cues: dict[str, str] = field(default_factory=dict)  # lemma -> CAMEO code

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, verbs: Path = DATA / "verbs.yaml", nouns: Path = DATA / "nouns.yaml") -> "Lexicon":
        vd = yaml.safe_load(Path(verbs).read_text(encoding="utf-8"))
        nd = yaml.safe_load(Path(nouns).read_text(encoding="utf-8"))
        lex = cls()
        lex.classes = {k: tuple(_as_list(v)) for k, v in (nd.get("classes") or {}).items()}
        lex.light_verbs = frozenset(_as_list(nd.get("light_verbs")))
        for code, words in (nd.get("statement_cues") or {}).items():
            for w in _as_list(words):
                lex.statement_cues.setdefault(w, str(code))
        lex.irregular_plurals = {str(k).lower(): _as_list(v) for k, v in (nd.get("irregular_plurals") or {}).items()}
        lex.modal_verbs = {str(k).lower(): str(v) for k, v in (vd.get("modal_verbs") or {}).items()}
        lex.irregular = {str(k).lower(): _as_list(v) for k, v in (vd.get("irregular") or {}).items()}
        for p in vd.get("patterns") or []:
            obj = tuple(lex._expand(_as_list(p.get("obj"))))
            for lemma in _as_list(p["lemma"]):
                vp = VerbPattern(
                    lemma=lemma, code=str(p["code"]), obj=obj, part=tuple(_as_list(p.get("part"))),
                    prep=tuple(_as_list(p.get("prep"))), comp=p.get("comp"),
                    notarget=bool(p.get("notarget")), weak=bool(p.get("weak")), place=bool(p.get("place")),
                    mutual=bool(p.get("mutual")), subj=tuple(lex._expand(_as_list(p.get("subj")))),
                )
                lex.verbs.setdefault(lemma, []).append(vp)
        for pats in lex.verbs.values():
            # Most specific first; stable so file order breaks ties.
            pats.sort(key=lambda v: -v.specificity)
        for p in nd.get("events") or []:
            for phrase in _as_list(p["noun"]):
                words = phrase.split()
                np_ = NounPattern(
                    head=words[-1], code=str(p["code"]), mods=tuple(words[:-1]),
                    need=tuple(_as_list(p.get("mod"))), prep=tuple(_as_list(p.get("prep"))),
                    between=bool(p.get("between")), weak=bool(p.get("weak")), place=bool(p.get("place")),
                    context=bool(p.get("context")), needprep=bool(p.get("needprep")),
                )
                lex.nouns.setdefault(words[-1], []).append(np_)
        for pats in lex.nouns.values():
            pats.sort(key=lambda n: -(len(n.mods) + bool(n.need)))
        return lex

    def copy(self) -> "Lexicon":
        """A copy whose pattern lists and irregular forms can be extended without touching this one."""
        return replace(self, verbs={k: list(v) for k, v in self.verbs.items()},
                       nouns={k: list(v) for k, v in self.nouns.items()},
                       irregular={k: list(v) for k, v in self.irregular.items()})

    def extend(self, patterns: Iterable[VerbPattern], irregular: dict[str, list[str]] | None = None) -> int:
        """Add verb patterns (e.g. from a user's PETRARCH verb file); returns how many were new.

        Added patterns never displace an existing one they merely rival: each goes just before the
        first existing pattern it refines (`refines`: all of that pattern's conditions and more, e.g.
        "reject" + object "statement" before a bare "reject"), else after all of the lemma's
        patterns. So where both have a pattern for the same lemma and object the shipped one is tried
        first, and a differently constrained added pattern ("call" + object) cannot hijack a shipped
        one that carries more behaviour ("call on", with its complement reading). Irregular forms are
        recorded for the added lemmas, so the pre-filter (`surface_forms`) and lemma tables know them.
        """
        added = 0
        touched: set[str] = set()
        # Most specific first among the added patterns too (stable: file order breaks ties).
        for vp in sorted(patterns, key=lambda v: -v.specificity):
            pats = self.verbs.setdefault(vp.lemma, [])
            if vp in pats:
                continue
            at = next((i for i, old in enumerate(pats) if refines(vp, old)), len(pats))
            pats.insert(at, vp)
            touched.add(vp.lemma)
            added += 1
        for lemma in touched:
            for form in (irregular or {}).get(lemma, ()):
                forms = self.irregular.setdefault(lemma, [])
                if form not in forms:
                    forms.append(form)
        return added

    def _expand(self, items: Iterable[str]) -> list[str]:
        out: list[str] = []
        for it in items:
            if it.startswith("@"):
                out.extend(self.classes.get(it[1:], ()))
            else:
                out.append(it)
        return out

    def in_class(self, phrase_words: list[str], name: str) -> bool:
        return phrase_matches(phrase_words, self.classes.get(name, ()))

    # -- surface forms for the pre-filter -------------------------------------------------------
    def surface_forms(self) -> set[str]:
        forms: set[str] = set()
        for lemma in self.verbs:
            forms.update(verb_forms(lemma, self.irregular.get(lemma, ())))
        for head in self.nouns:
            forms.update(noun_forms(head))
        for word in self.classes.get("protesters", ()):  # what protesters do is a protest
            forms.update(noun_forms(word.split()[-1]))
        forms.discard("be")
        for f in ("is", "are", "was", "were", "been", "am", "being"):
            forms.discard(f)
        return forms


    def lemma_tables(self) -> tuple[list[tuple[str, set[str]]], list[tuple[str, set[str]]]]:
        """(verb lemma, forms) and (noun lemma, forms) for every word the grammar looks up by lemma."""
        extra_verbs = set(self.modal_verbs) | set(self.light_verbs) | set(self.irregular) | {
            "need", "have", "be", "do", "fail"}
        verbs = [(v, verb_forms(v, self.irregular.get(v, ()))) for v in set(self.verbs) | extra_verbs]
        heads = set(self.nouns)
        for items in self.classes.values():
            heads.update(it.split()[-1] for it in items)
        nouns = [(n, noun_forms(n) | set(self.irregular_plurals.get(n, ()))) for n in heads]
        return verbs, nouns


def refines(new: VerbPattern, old: VerbPattern) -> bool:
    """True when `new` fires only where `old` would (its objects, particles and subjects are among
    `old`'s wherever `old` asks for any) and asks for more: then it should be tried first."""
    def within(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return not b or (bool(a) and set(a) <= set(b))

    return (within(new.obj, old.obj) and within(new.part, old.part) and within(new.subj, old.subj)
            and new.specificity > old.specificity)


def phrase_matches(words: list[str], items: Iterable[str]) -> bool:
    """`words` = modifiers + head lemma of a noun phrase. An item matches when its last word is the
    head and its other words are among the modifiers ("joint exercise" ~ "joint naval exercise").
    An item ending in "*" takes any head: its other words may be anywhere in the phrase (only PETRARCH
    verb files read PETRARCH's way make such items: "* ARTILLERY" there matches "artillery shells")."""
    for it in items:
        iw = it.split()
        if iw[-1] == "*":
            if set(iw[:-1]) <= set(words):
                return True
            continue
        if iw[-1] == words[-1] and (len(iw) == 1 or set(iw[:-1]) <= set(words[:-1])):
            return True
    return False


_VOWELS = set("aeiou")


def verb_forms(lemma: str, irregular: Iterable[str] = ()) -> set[str]:
    """All inflections a regular English verb may take (over-generating is harmless here)."""
    f = {lemma, *irregular}
    if lemma.endswith("e"):
        f |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        f |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        suffix_s = "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"
        f |= {lemma + suffix_s, lemma + "ed", lemma + "ing"}
        if len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS:
            f |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # ban -> banned, equip -> equipped
    return f


def noun_forms(head: str) -> set[str]:
    if head.endswith("y") and len(head) > 2 and head[-2] not in _VOWELS:
        return {head, head[:-1] + "ies"}
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        return {head, head + "es", head + "s"}
    return {head, head + "s"}


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()
