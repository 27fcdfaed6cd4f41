"""Reading PETRARCH/TABARI verb dictionaries (CAMEO.2.0.txt, PETR.Validate.verbs.txt) as extra lexicon
patterns.

The format, as far as this reader uses it:

    &NAME                      a synonym set; `+WORD` lines below it are its members (a member may be
    +WORD                      `&OTHER`, another set); `_` joins the words of a phrase
    --- VERB [code] ---        a verb block; [code] is the block's default ([---] = none)
    VERB {FORMS} [code]        a verb of the block, optional irregular forms and its own code
    +VERB_PARTICLE [code]      a multi-word verb; `+` marks the verb word
    - <before> * <after> [code]   a pattern for every verb of the block: `*` is the verb,
                               `(PREP WORDS)` a prepositional phrase, `{WORDS}` a noun phrase,
                               `&NAME` any member of a set, `$`/`+`/`%` where the source, target or
                               compound actor stands, `^` skips a phrase; `[a:b]` codes a and, the other
                               way round, b; `# ...` and `<!-- ... -->` are comments.

realpolitik matches verbs on a dependency parse, not on word order, so only what maps cleanly onto a
`VerbPattern` is converted: the verb's lemma, its code, an object phrase (`obj`), a particle
(`part`), a prepositional phrase whose object is the target (`prep`), and one subject word or set
(`subj`). Everything else is counted under a reason and skipped: a pattern that fires too broadly
(say, an object plus a required prepositional phrase reduced to the object alone) would do more harm
than a missing one. Actor markers are converted where they stand in the roles the dependency reading
gives anyway (`$ *`: the subject; `* WITH +`: the preposition's object); where they turn the roles
round (`+ * FROM $`) the pattern is skipped.

Two readings: by default the shipped lexicon keeps precedence and a file's `[---]` is skipped; with
`file_first` (`extend_lexicon(..., file_first=True)`) the file is read as PETRARCH reads it: its
patterns and bare codes come first, `[---]` codes no event (and so stops the shipped patterns), and
an object pattern's words may stand anywhere in the object phrase ("* DIPLOMATIC" matches "full
diplomatic ties").
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .lexicon import Lexicon, VerbPattern
from .petrarch_format import (
    CODE, HEADER, PARTICLES, PREPOSITIONS, Skip, actor_slots, lines, read_code, split_phrase,
)

# Words that cannot be part of a noun phrase: a pattern needing them ("HAD * TO", "* TO_BE_SEEN")
# encodes word order or a verb complement, which a dependency match cannot check.
_FUNCTION_WORDS = frozenset(
    "to of for with by at from in on into onto upon and or but nor not no n't that which who whom whose "
    "be is are am was were been being has have had do does did will would shall should may might can "
    "could must than as if so then there here it its he she they them his her their we us our you "
    "himself herself itself themselves".split())
_ARTICLES = frozenset({"the", "a", "an"})
# Verbs that say little alone (light, modal and auxiliary verbs): a bare code on them would code every
# "made", "took" or "set"; their objects or complements carry the event.
_AUXILIARIES = frozenset({"be", "have", "do", "get", "go", "come", "will", "would", "shall", "should",
                          "may", "might", "can", "could", "must"})
_MARKERS = {"$": "source marker ($)", "+": "target marker (+)", "%": "compound actor (%)", "^": "phrase skip (^)"}
_WORD = re.compile(r"^[a-z][a-z'\-]*$")
# The code of a pattern that codes no event (`[---]` read with `file_first`): no taxonomy row, so the
# coder emits nothing for it.
NO_EVENT = "---"
# More expansions than this means a pattern crosses two large sets (a set of arms times a set of places): too loose a
# selector to trust, and costly to index.
MAX_PHRASES = 400


@dataclass
class VerbFileReport:
    """Counts for one verb file: what was read, what became a VerbPattern, what was skipped and why."""

    path: str
    synsets: int = 0
    blocks: int = 0
    verbs: int = 0  # verb entries (single and multi-word) across all blocks
    patterns_read: int = 0  # `-` pattern lines
    converted: int = 0  # pattern lines that gave at least one VerbPattern
    verb_codes: int = 0  # verb entries that gave a bare (or particle) VerbPattern
    added: int | None = None  # VerbPatterns new to the lexicon (set once added to one)
    skipped: Counter = field(default_factory=Counter)  # reason -> pattern lines / verb entries
    notes: Counter = field(default_factory=Counter)  # converted, but with a caveat (reason -> count)

    def summary(self) -> str:
        skipped = ", ".join(f"{n} {r}" for r, n in self.skipped.most_common())
        return (f"{self.path}: {self.blocks} verb blocks, {self.verbs} verbs, {self.synsets} synonym sets; "
                f"{self.patterns_read} patterns read, {self.converted} converted, "
                f"{self.patterns_read - self.converted} skipped; {self.verb_codes} verb codes used"
                + (f"; {self.added} lexicon patterns added" if self.added is not None else "")
                + (f" (skipped: {skipped})" if skipped else "")
                + "".join(f"; {n} {r}" for r, n in self.notes.most_common()))


@dataclass
class _Block:
    name: str  # the header's name, lower case ("aid", "meet_people")
    code: str
    verbs: list[str] = field(default_factory=list)  # single-word verb lemmas the patterns apply to
    patterns: list[tuple[str, str]] = field(default_factory=list)  # (pattern text, code)


@dataclass
class PetrarchVerbs:
    """A parsed verb file: its patterns, irregular verb forms, and the report."""

    patterns: list[VerbPattern]
    irregular: dict[str, list[str]]
    report: VerbFileReport


class _Reader:
    def __init__(self, path: Path, lexicon: Lexicon, file_first: bool = False):
        self.path = path
        self.lexicon = lexicon
        self.file_first = file_first
        self.synsets: dict[str, list[str]] = {}
        self.blocks: list[_Block] = []
        # (+MULTI_WORD text or lemma, code, whether the code is the block's, given to a synonym)
        self.multi: list[tuple[str, str, bool]] = []
        self.singles: list[tuple[str, str, bool]] = []
        self.irregular: dict[str, list[str]] = {}
        self.report = VerbFileReport(str(path))

    # -- pass 1: structure ------------------------------------------------------------------------
    def read(self) -> None:
        synset: list[str] | None = None
        block: _Block | None = None
        for line in lines(self.path):
            s = line.strip()
            if not s:
                synset = None
                continue
            m = HEADER.match(s)
            if m:
                synset = None
                block = _Block(name=m.group(1).lower(), code=m.group(2))
                self.blocks.append(block)
                self.report.blocks += 1
                continue
            if s.startswith("&"):
                name = s.split()[0][1:].rstrip("_").upper()
                synset = self.synsets.setdefault(name, [])
                self.report.synsets += 1
                block = None  # a set between blocks ends the block before it
                continue
            if s.startswith("+") and synset is not None:
                synset.append(s[1:].strip())
                continue
            if block is None:
                continue  # stray lines outside any block (file headers and the like)
            if s.startswith("-"):
                self.report.patterns_read += 1
                m = CODE.search(s)
                if m is None:
                    self.report.skipped["no code"] += 1
                    continue
                block.patterns.append((s[1:m.start()].strip(), m.group(1)))
                continue
            self._verb_line(s, block)

    def _verb_line(self, s: str, block: _Block) -> None:
        self.report.verbs += 1
        m = CODE.search(s)
        code = m.group(1) if m else block.code
        if m:
            s = s[:m.start()].strip()
        # A block's code is its namesake verb's ("--- HELP [070] ---" over HELP); the other verbs of a
        # block are loose synonyms (a WordNet-style set), coded only by their own codes.
        inherited = not m and s.split("{")[0].strip().lower() != block.name
        forms = re.search(r"\{([^}]*)\}", s)
        word = s[:forms.start()].strip() if forms else s.strip()
        if "+" in word or "_" in word:
            self.multi.append((word, code, inherited))
            return
        lemma = word.lower()
        if not _WORD.match(lemma):
            self.report.skipped["verb not a plain word"] += 1
            return
        if forms:
            extra = [f.lower() for f in forms.group(1).split() if _WORD.match(f.lower())]
            if extra:
                self.irregular.setdefault(lemma, [])
                self.irregular[lemma] += [f for f in extra if f not in self.irregular[lemma]]
        if lemma not in block.verbs:
            block.verbs.append(lemma)
        self.singles.append((lemma, code, inherited))

    # -- pass 2: conversion -----------------------------------------------------------------------
    def convert(self) -> list[VerbPattern]:
        out: list[VerbPattern] = []
        for lemma, code, inherited in self.singles:
            try:
                if inherited and code.strip("- "):
                    raise Skip("block code on a synonym")
                out.extend(self._bare(lemma, code))
                self.report.verb_codes += 1
            except Skip as sk:
                self.report.skipped["verb: " + sk.reason] += 1
        for word, code, inherited in self.multi:
            try:
                if inherited and code.strip("- "):
                    raise Skip("block code on a synonym")
                out.extend(self._multiword(word, code))
                self.report.verb_codes += 1
            except Skip as sk:
                self.report.skipped["multi-word verb: " + sk.reason] += 1
        for block in self.blocks:
            for text, code in block.patterns:
                try:
                    pats = self._pattern(text, code, block.verbs)
                except Skip as sk:
                    self.report.skipped[sk.reason] += 1
                    continue
                self.report.converted += 1
                out.extend(pats)
        return out

    def _code(self, raw_code: str, notes: Counter) -> tuple[str, bool]:
        """`read_code`, except that read PETRARCH's way (`file_first`) `[---]` is a code too: the
        file says "no event here" ("RECEIVE [033]" but "* CARD [---]"; a `[---]` verb none of whose
        patterns match), and the pattern must stop the shipped patterns behind it from coding one."""
        try:
            return read_code(raw_code, notes)
        except Skip as sk:
            if self.file_first and sk.reason == "no code [---]":
                notes["kept as no-event patterns [---]"] += 1
                return NO_EVENT, False
            raise

    def _bare(self, lemma: str, raw_code: str) -> list[VerbPattern]:
        notes: Counter = Counter()  # kept only if the entry converts
        code, mutual = self._code(raw_code, notes)
        if lemma in _AUXILIARIES or lemma in self.lexicon.light_verbs or lemma in self.lexicon.modal_verbs:
            raise Skip("bare code on a light or auxiliary verb")
        if lemma in self.lexicon.verbs and not self.file_first:
            # The shipped lexicon already decides when this verb is an event (perhaps only with
            # certain objects, "release prisoners"); a bare code would override that curation.
            raise Skip("bare code on a verb the shipped lexicon codes")
        self.report.notes.update(notes)  # only for entries that convert
        return [VerbPattern(lemma=lemma, code=code, mutual=mutual)]

    def _multiword(self, word: str, raw_code: str) -> list[VerbPattern]:
        words = [w for w in word.replace("_", " ").split() if w]
        # `+` marks the verb word ("UP_+END"); unmarked, the first word is the verb.
        idx = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
        if idx > 0:
            raise Skip("words before the verb")
        lemma = words[0].lstrip("+").lower()
        rest = [w.lower() for w in words[1:]]
        if not _WORD.match(lemma) or not rest:
            raise Skip("verb not a plain word")
        notes: Counter = Counter()  # kept only if the entry converts
        code, mutual = self._code(raw_code, notes)
        if len(rest) == 1 and (rest[0] in PARTICLES or rest[0] in PREPOSITIONS):
            # "+CALL_OFF", "+PLEAD_FOR": a phrasal verb; the particle or preposition must be there.
            self.report.notes.update(notes)
            return [VerbPattern(lemma=lemma, code=code, part=(rest[0],), mutual=mutual)]
        obj = self._phrases([[w] for w in rest])
        self.report.notes.update(notes)
        return [VerbPattern(lemma=lemma, code=code, obj=obj, mutual=mutual)]

    def _members(self, name: str, seen: frozenset = frozenset()) -> list[list[str]]:
        """Every member of a set as a word list (nested sets expanded)."""
        key = name.lstrip("&").rstrip("_").upper()
        if key not in self.synsets:
            raise Skip("unknown synonym set")
        if key in seen:
            raise Skip("recursive synonym set")
        out: list[list[str]] = []
        for m in self.synsets[key]:
            if m.startswith("&"):
                out.extend(self._members(m, seen | {key}))
            else:
                out.append(m.replace("_", " ").lower().split())
        return out

    def _elements(self, tokens: list[str]) -> list[list[list[str]]]:
        """Noun-phrase tokens -> per position, the alternative word lists it may stand for."""
        elems: list[list[list[str]]] = []
        for t in tokens:
            if t.startswith("{"):
                elems.extend(self._elements(split_phrase(t[1:-1])))
            elif t.startswith("("):
                raise Skip("object plus prepositional phrase")
            elif t.startswith("&"):
                elems.append(self._members(t))
            else:
                elems.append([[t.lower()]])
        return elems

    def _phrases(self, elems: list[list[list[str]]]) -> tuple[str, ...]:
        """All phrases the elements spell, in lexicon form: modifiers as written, head singular."""
        from realpolitik.nlp.fastlemma import _noun_rule

        n = 1
        for e in elems:
            n *= max(1, len(e))
        if n > MAX_PHRASES:
            raise Skip("too many phrase expansions")
        out: list[str] = []
        for combo in itertools.product(*elems):
            words = [w for part in combo for w in part if w not in _ARTICLES]
            if not words:
                raise Skip("empty phrase")
            for w in words:
                if w in _FUNCTION_WORDS or not _WORD.match(w):
                    raise Skip("not a noun phrase")
            if words[-1].endswith("ly"):
                raise Skip("not a noun phrase")  # "* QUICKLY": an adverb, never an object
            head = words[-1]
            for h in dict.fromkeys((_noun_rule(head), head)):  # "TANKS" -> tank (and as written)
                # Read PETRARCH's way, the words may be anywhere in the object phrase, the last one
                # too ("* DIPLOMATIC" matches "full diplomatic ties"): any head ("*", see
                # `phrase_matches`). Otherwise the last word is the head.
                p = " ".join(words[:-1] + [h] + (["*"] if self.file_first else []))
                if p not in out:
                    out.append(p)
        return tuple(out)

    def _pattern(self, text: str, raw_code: str, verbs: list[str]) -> list[VerbPattern]:
        if not verbs:
            raise Skip("block has no single-word verb")
        if text.count("*") != 1:
            raise Skip("no single verb position (*)")
        before, after = text.split("*")
        if before.endswith("_"):
            raise Skip("words before the verb")  # "TRIED_TO_*": adjacency we cannot check
        btoks = split_phrase(before.strip())
        if btoks in (["$"], ["%"]):
            btoks = []  # "$ *", "% * TALKS": the source is the verb's subject, as it is unmarked
        toks = actor_slots(split_phrase(after.strip()))
        for mark, reason in _MARKERS.items():
            # "+" also starts no word in a pattern, so any "+" is a target marker here.
            if any(mark in t for t in btoks + toks):
                raise Skip(reason)
        notes: Counter = Counter()  # kept only if the entry converts
        code, mutual = self._code(raw_code, notes)
        subj: tuple[str, ...] = ()
        if btoks:
            if len(btoks) > 1 or btoks[0].startswith(("(", "{")):
                raise Skip("words before the verb")
            w = btoks[0]
            if not w.startswith("&") and (w.lower().endswith(("ed", "ly")) or w.lower() in _FUNCTION_WORDS):
                raise Skip("words before the verb")  # "CLAIMED *", "SUDDENLY *", "NOT *": not a subject
            try:
                subj = self._phrases(self._elements([w]))
            except Skip:
                raise Skip("words before the verb") from None
        part: tuple[str, ...] = ()
        prep: tuple[str, ...] = ()
        obj: tuple[str, ...] = ()
        if toks and toks[0].lower() in PARTICLES:
            part = (toks.pop(0).lower(),)
        if (toks and toks[0].lower() in PREPOSITIONS and not any(t.startswith("(") for t in toks)
                and not (toks[0].lower() == "to" and len(toks) > 1)):
            # "* FOR &ECONSANCT", "*_UPON": a preposition written without its brackets, the rest
            # of the pattern its object, as in "* (FOR &ECONSANCT)". Not "* TO_LET_GO": "to" and
            # more words may be an infinitive, which a noun phrase match would misread.
            toks = ["(" + " ".join(toks) + ")"]
        pps = [t for t in toks if t.startswith("(")]
        if len(pps) > 1:
            raise Skip("several prepositional phrases")
        if pps:
            if part:
                raise Skip("particle plus prepositional phrase")
            if toks[-1] is not pps[0]:
                raise Skip("object plus prepositional phrase")
            inner = split_phrase(pps[0][1:-1])
            if len(toks) > 1 and len(inner) != 1:
                raise Skip("object plus prepositional phrase")
            if not inner or inner[0].startswith(("&", "{", "(")) or inner[0].lower() in _ARTICLES:
                raise Skip("prepositional phrase without a preposition")
            p = inner[0].lower()
            if not _WORD.match(p):
                raise Skip("prepositional phrase without a preposition")
            part = (p,)
            if len(toks) > 1:
                # "* EID (WITH)" (from "* EID AT ^ WITH +"): the object selects, the target is
                # the preposition's object.
                obj, prep = self._phrases(self._elements(toks[:-1])), (p,)
            elif len(inner) == 1:
                prep = (p,)  # "* (TO)": the target is the preposition's object ("rushed to X")
            else:
                obj = self._phrases(self._elements(inner[1:]))  # "* (INTO INQUIRY)": its object selects
        elif toks:
            obj = self._phrases(self._elements(toks))
        if not (obj or part or subj):
            raise Skip("pattern adds nothing to the verb")
        self.report.notes.update(notes)
        return [VerbPattern(lemma=v, code=code, obj=obj, part=part, prep=prep, subj=subj, mutual=mutual)
                for v in verbs]


def read_petrarch_verbs(path: str | Path, lexicon: Lexicon | None = None, file_first: bool = False) -> PetrarchVerbs:
    """Parse one verb file. `lexicon` (default: the shipped one) decides which bare verb codes to skip;
    with `file_first` none are: the file's code for a verb is wanted even where the lexicon has one."""
    from .lexicon import default_lexicon

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: verb dictionary file not found")
    r = _Reader(path, lexicon or default_lexicon(), file_first)
    r.read()
    if not r.blocks:
        raise ValueError(f"{path}: no verb blocks (--- VERB [code] ---) found")
    pats = r.convert()
    return PetrarchVerbs(pats, r.irregular, r.report)


def extend_lexicon(lexicon: Lexicon, paths: Iterable[str | Path],
                   file_first: bool = False) -> tuple[Lexicon, list[VerbFileReport]]:
    """A copy of `lexicon` with the patterns of each verb file added (the original is untouched: the
    default lexicon is shared by every Coder in the process).

    By default the shipped patterns keep precedence (`Lexicon.extend`). With `file_first` a verb the
    file codes is coded as the file says: its patterns, bare codes included, are tried before the
    shipped ones, which remain only as a fallback where the file has no code (a `[---]` block none of
    whose patterns match). That is PETRARCH's reading of its own dictionary, and what a benchmark
    written against the file (its unit-test records) expects.
    """
    lex = lexicon.copy()
    reports = []
    for p in paths:
        pv = read_petrarch_verbs(p, lex, file_first)
        pv.report.added = lex.extend(pv.patterns, pv.irregular)
        if file_first:
            _put_first(lex, pv.patterns)
        reports.append(pv.report)
    return lex, reports


def _put_first(lex: Lexicon, patterns: list[VerbPattern]) -> None:
    """Move `patterns` ahead of every other pattern of their lemma, most specific first (stable)."""
    by_lemma: dict[str, list[VerbPattern]] = {}
    for vp in sorted(patterns, key=lambda v: -v.specificity):
        group = by_lemma.setdefault(vp.lemma, [])
        if vp not in group:
            group.append(vp)
    for lemma, first in by_lemma.items():
        lex.verbs[lemma] = first + [vp for vp in lex.verbs.get(lemma, []) if vp not in first]
