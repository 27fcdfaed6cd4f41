"""Finding actor names in text: whole words, case-aware, longest non-overlapping matches."""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from rapidfuzz import fuzz

from .dictionary import ActorDictionary
from .entries import person_rank, safe_date

NULL_CODES = {"---", "+++", "###"}  # PETRARCH: this name is not an actor
from .text import fold

# Words before an ambiguous name that make it a date or a common word ("in May", "on the Hunt").
_TEMPORAL = {"in", "on", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this",
             "from", "through", "during", "before", "after", "between", "of", "the", "a", "an", "to"}
_OPENERS = "\"'([\u201c\u2018 "
# After these a capitalised ambiguous name at a sentence start is a person ("May said").
_PERSON_NEXT = {"said", "says", "told", "added", "warned", "insisted", "argued", "claimed", "has", "had",
                "was", "is", "will", "would", "could", "wants", "wanted", "announced", "urged", "called",
                "met", "spoke", "tweeted", "wrote", "'s"}


_NEXT_CAP = re.compile(r" [A-Z][a-z]")
_RUNS = re.compile(r"  +")


@dataclass(frozen=True)
class Mention:
    start: int  # char offsets into the text given to scan()
    end: int
    text: str
    kind: str  # country, capital, demonym, metonym, org, person, agent, ethnic, place
    entry_id: str
    country: str | None
    sector: str | None
    code: str
    type: str
    name: str
    role: str = ""


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in ".!?:;\n"


def _ambiguous_ok(text: str, folded: str, start: int, end: int) -> bool:
    """An alias like 'May' or 'Hunt' counts only away from sentence starts and date contexts."""
    if _sentence_start(text, start):
        nxt = folded[end:end + 14].split()
        if not nxt or nxt[0].strip(",") not in _PERSON_NEXT and not folded.startswith("'s", end):
            return False
    after = text[end:end + 3].lstrip()
    if after[:1].isdigit():
        return False
    before = folded[max(0, start - 20):start].split()
    if before:
        prev = before[-1].strip(",")
        if prev.isdigit() or prev in _TEMPORAL:
            return False
    return True


def _by_date(d: ActorDictionary, cands, k: int, best, text: str, folded: str, start: int, end: int, day):
    """Several people answer to one name ("Clinton", "Bush", "Assad", "Hariri"): the one in office on
    the day, else the most recent former office holder (entries.person_rank). Only people of the same
    layer compete, so a user file still overrides the shipped data."""
    first = d.entries[best[0]]
    layer = d.layers[best[0]]
    rank = None
    for idx, alias, caps in cands[k + 1:]:
        entry = d.entries[idx]
        if entry.kind != "person" or d.layers[idx] != layer or idx == best[0]:
            continue
        if caps and not all(text[start + j].isupper() for j in caps):
            continue
        if alias in entry.ambiguous and not _ambiguous_ok(text, folded, start, end):
            continue
        if _other_given_name_before(d, idx, alias, text, folded, start):
            continue
        coding = entry.coding_at(day)
        if coding is None:
            continue
        if rank is None:
            rank = person_rank(first, day)
        r = person_rank(entry, day)
        if r > rank:
            best, rank = (idx, coding), r
    return best


# Capitalised words that may stand right before a surname without being someone's first name.
_NOT_GIVEN = set("""
mr mrs ms miss mx dr sir dame lord lady baroness baron sheikh sheik shaikh prince princess king queen
emir sultan crown president presidents premier chancellor minister ministers secretary senator sen rep
congressman congresswoman governor gov general gen lt lieut col colonel maj major capt captain admiral
adm marshal field commander cmdr brigadier sgt sergeant ayatollah imam mullah rev reverend father pope
cardinal rabbi speaker leader chairman chairwoman chair ambassador envoy judge justice mayor commissioner
director chief deputy vice foreign defence defense home interior prime acting former ex late then
labour tory tories conservative conservatives democrat democrats republican republicans democratic
senate house hajji haji sayyed sayyid sayed professor prof dean chancellor president-elect
the a an and but or nor so yet if as when while whereas after before since until although though
because unless once then now today yesterday tomorrow tonight meanwhile however still also even only
instead indeed later earlier last next this that these those why how what who whom whose where which
did does do will would can could should shall may might must has have had is was were are be been
not no yes in on at for with without under over from to of by about against between among like
unlike both neither either every each all some many most few several other another such here there
let says said asked ask dear thanks thank please whether nevertheless nonetheless moreover furthermore
whatever whoever whenever wherever thus hence therefore otherwise perhaps maybe
monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december
""".split())
# The word before a name, skipping a joined particle: "Sherrod Brown", "Ayn al-Assad".
_PREV_WORD = re.compile(r"([A-Z][\w'’.-]*?) (?:[a-z]{1,3}-)?$")


def _own_words(d: ActorDictionary, idx: int) -> frozenset[str]:
    cache = d.__dict__.setdefault("_own_words_cache", {})
    words = cache.get(idx)
    if words is None:
        e = d.entries[idx]
        words = frozenset(w for n in [e.name] + e.aliases for w in re.split(r"[\s-]+", fold(n)) if w)
        cache[idx] = words
    return words


def _own_given_words(d: ActorDictionary, idx: int) -> frozenset[str]:
    """Words before the last in the person's names ("Hafez" of "Hafez al-Asad"), for spelling variants."""
    cache = d.__dict__.setdefault("_own_given_cache", {})
    words = cache.get(idx)
    if words is None:
        e = d.entries[idx]
        words = frozenset(w for n in [e.name] + e.aliases for w in fold(n).split()[:-1] if len(w) > 3)
        cache[idx] = words
    return words


def _own_word_next(d: ActorDictionary, idx: int, folded: str, end: int) -> bool:
    nxt = folded[end + 1:end + 40].split(" ", 1)[0].strip(",.;:'")
    return bool(nxt) and nxt in _own_words(d, idx)


# Sectors of an armed or police body: "Lebanon Army", "Jordan Police" name the state's force, not a person.
_FORCE_SECTORS = {"MIL", "COP"}


def _force_next(d: ActorDictionary, folded: str, end: int) -> bool:
    nxt = folded[end + 1:end + 40].split(" ", 1)[0].strip(",.;:'")
    return bool(nxt) and any(d.entries[idx].kind == "agent" and d.entries[idx].codings[0].sector in _FORCE_SECTORS
                             for idx, _alias in d.candidates(nxt))


def _is_surname_alias(alias: str) -> bool:
    """'Brown', 'al-Assad', 'bin Salman', 'de Mistura': a family name, not a full name ('Tom Fletcher',
    'Bashar Assad') or a title ('President Assad', 'Mr Brown'), which bring their own first word."""
    words = alias.split()
    return len(words) == 1 or all(w[:1].islower() for w in words[:-1])


def _lowercase_elsewhere(folded: str, text: str, low: str) -> bool:
    """The word also occurs in lowercase in the document: an ordinary word ("Animal", "Whatever")."""
    n = len(low)
    pos = folded.find(low)
    while pos >= 0:
        if text[pos].islower() and (pos == 0 or not folded[pos - 1].isalnum()) and \
                (pos + n >= len(folded) or not folded[pos + n].isalnum()):
            return True
        pos = folded.find(low, pos + 1)
    return False


def _other_given_name_before(d: ActorDictionary, idx: int, alias: str, text: str, folded: str, start: int) -> bool:
    """True when a surname alias directly follows a capitalised word that reads as somebody else's
    first name: "Sherrod Brown", "Nasr Hariri", "Ayn al-Assad". Titles ("Mr Brown", "Prime Minister
    Brown"), the person's own names or near spellings of them ("Gordon Brown", "Stefan de Mistura",
    "Neil Christopher Prakash"), sentence openers ("But Brown") and other dictionary names do not count."""
    if start < 2 or text[start - 1] not in " -" or not _is_surname_alias(alias):
        return False
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group(1)
    if word.isupper() or not any(ch.islower() for ch in word) or word.endswith((".", "'", "\u2019", "'s", "\u2019s")):
        return False  # acronyms (US, UN), initials (H.W.), possessives
    low = fold(word)
    own = _own_words(d, idx)
    if low in _NOT_GIVEN or low in own:
        return False
    if any(fuzz.ratio(low, w) >= 70 for w in _own_given_words(d, idx)):
        return False  # a spelling variant of the person's own first name
    before = folded[max(0, m.start() - 30):m.start()].split()
    if before and len(before[-1]) > 3 and before[-1] in own:
        return False  # a middle name: "Neil Christopher Prakash"
    if _sentence_start(text, m.start()) and low.endswith(("ing", "ed", "ly")):
        return False  # "Speaking Brown said", "Separately, ..."
    if d.candidates(low) and word not in d.given_names:
        return False  # "Kremlin Putin"-like runs of names, agents ("President"), places
    if _lowercase_elsewhere(folded, text, low):
        return False
    return True


def _squeeze(text: str, folded: str) -> tuple[str, str, list[int], list[int]] | None:
    """Collapse runs of spaces (after folding: also newlines, tabs) so "Prince of\nDol Amroth" and
    "Vladimir  Putin" match. Returns both squeezed strings and the map back to original offsets."""
    runs = [(m.start(), m.end()) for m in _RUNS.finditer(folded)]
    if not runs:
        return None
    t_parts, f_parts, marks, removed = [], [], [], []
    prev, gone = 0, 0
    for a, b in runs:
        t_parts.append(text[prev:a + 1])
        f_parts.append(folded[prev:a + 1])
        gone += b - a - 1
        marks.append(a + 1 - (gone - (b - a - 1)))  # squeezed index where the removal happened
        removed.append(gone)
        prev = b
    t_parts.append(text[prev:])
    f_parts.append(folded[prev:])
    return "".join(t_parts), "".join(f_parts), marks, removed


def scan(d: ActorDictionary, text: str, date=None) -> list[Mention]:
    day: dt.date | None = safe_date(date)
    folded = fold(text)
    squeezed = _squeeze(text, folded)
    if squeezed is None:
        spans = _find(d, text, folded, day)
        to_orig = None
    else:
        s_text, s_folded, marks, removed = squeezed
        spans = _find(d, s_text, s_folded, day)

        def to_orig(i: int) -> int:
            k = bisect_right(marks, i)
            return i + (removed[k - 1] if k else 0)
    out = []
    for start, end, idx, c in spans:
        entry = d.entries[idx]
        if entry.kind == "block" or c.code in NULL_CODES:
            continue  # the span is taken, but it names no actor (on this date)
        if to_orig is not None:
            start, end = to_orig(start), to_orig(end - 1) + 1
        out.append(Mention(start, end, text[start:end], entry.kind, entry.id, c.country, c.sector, c.code,
                           c.type, entry.name, c.role))
    return out


def _find(d: ActorDictionary, text: str, folded: str, day) -> list[tuple]:
    """(start, end, entry index, coding) of the chosen matches, in text order."""
    n = len(text)
    found = []
    for end_idx, (length, cands) in d.automaton.iter(folded):
        start = end_idx - length + 1
        end = end_idx + 1
        if start > 0 and text[start - 1].isalnum():
            continue
        if end < n and text[end].isalnum():
            continue
        best = None  # (entry index, coding) of the first candidate that fits the context
        for k, (idx, alias, caps) in enumerate(cands):
            if caps and not all(text[start + j].isupper() for j in caps):
                continue  # "US" in the dictionary, "us" in the text
            entry = d.entries[idx]
            if alias in entry.ambiguous and not _ambiguous_ok(text, folded, start, end):
                continue
            if entry.kind in ("country", "person") and alias in d.given_names and _NEXT_CAP.match(text, end) \
                    and not _own_word_next(d, idx, folded, end) and not _force_next(d, folded, end):
                continue  # "Chad Wolf", "Barak Ravid": a first name
            if entry.kind == "person" and _other_given_name_before(d, idx, alias, text, folded, start):
                continue  # "Sherrod Brown" is not Gordon Brown
            coding = None if entry.kind == "block" else entry.coding_at(day)
            if coding is None and entry.kind != "block":
                continue  # e.g. a PETRARCH entry restricted to other dates
            best = (idx, coding)
            if entry.kind == "person" and k + 1 < len(cands):
                best = _by_date(d, cands, k, best, text, folded, start, end, day)
            break
        if best is not None:
            found.append((start, end, best[0], best[1]))
    # Longest first; a position once taken stays taken.
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    taken = bytearray(n + 1)
    chosen = []
    for f in found:
        start, end = f[0], f[1]
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(f)
    chosen.sort(key=lambda f: f[0])
    return chosen
