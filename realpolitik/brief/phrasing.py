"""Turning coded events into English sentences from the phrase tables in `data/phrases.yaml`.

Choice among variants is deterministic: a stable hash of the thing described (a story id, an
actor) picks the starting variant, and a per-brief counter rotates from there so consecutive
sentences about the same kind of act do not read alike. No randomness, no model: the same store
gives the same brief.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from functools import lru_cache
from importlib.resources import files

import yaml

from .load import EventRow
from .names import Name, actor_name


@lru_cache(maxsize=1)
def phrases() -> dict:
    return yaml.safe_load((files("realpolitik.brief") / "data" / "phrases.yaml").read_text(encoding="utf-8"))


def stable_index(key: str, n: int) -> int:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % max(n, 1)


def day(d: dt.date, with_year: bool = False) -> str:
    """'18 February' (and the year when a brief spans more than one)."""
    s = f"{d.day} {d.strftime('%B')}"
    return f"{s} {d.year}" if with_year else s


def count(n, word: str, plural: str | None = None) -> str:
    """'1 outlet', '3 outlets', '1.5 events': a number with its noun in the right number."""
    num = f"{n:g}" if isinstance(n, float) else str(n)
    return f"{num} {word if n == 1 else (plural or word + 's')}"


def capitalise(s: str) -> str:
    return s[:1].upper() + s[1:]


def source_name(ev: EventRow) -> Name:
    s = ev.source
    return actor_name(s.get("code"), s.get("country"), s.get("sector"), s.get("type"), s.get("name"))


def target_name(ev: EventRow) -> Name | None:
    t = ev.target
    if not t:
        return None
    return actor_name(t.get("code"), t.get("country"), t.get("sector"), t.get("type"), t.get("name"))


def fill(template: str, subject: Name | None = None, **values) -> str:
    """Format a template with agreement words for `subject` and a sentence-initial capital."""
    if subject is not None:
        values = {**subject.verbs, "S": subject.text, "S_poss": subject.possessive, **values}
    text = template.format(**values)
    return capitalise(text)


class Phraser:
    """One per brief: remembers which variants it used so it can rotate through them."""

    def __init__(self, with_year: bool = False):
        self.used: Counter = Counter()
        self.with_year = with_year

    def pick(self, kind: str, options: list, key: str):
        i = (stable_index(key, len(options)) + self.used[kind]) % len(options)
        self.used[kind] += 1
        return options[i]

    def day(self, d: dt.date) -> str:
        return day(d, self.with_year)

    def event_sentence(self, ev: EventRow, key: str) -> str:
        """'On 18 February, Russia held talks with the United States.'"""
        p = phrases()
        variants = p["roots"].get(ev.cameo_root) or p["roots"]["01"]
        v = self.pick("root" + ev.cameo_root, variants, key)
        tgt = target_name(ev)
        subject = source_name(ev)
        if tgt is not None and tgt.text == subject.text:
            tgt = None  # "Russia struck Russia" says nothing; keep the act, drop the echo
        act = v["past"].format(T=tgt.text) if tgt else v["alone"]
        act_base = v["base"].format(T=tgt.text) if tgt else v["base_alone"]
        modality = ev.modality if ev.modality in p["frames"] else "action"
        frame = self.pick("frame" + modality, p["frames"][modality], key)
        return fill(frame, subject, act=act, act_base=act_base, date=self.day(ev.date))

    def line(self, kind: str, key: str, subject: Name | None = None, **values) -> str:
        """Any list-valued entry of the phrase table (headlines, deks, section leads, quotes)."""
        return fill(self.pick(kind, phrases()[kind], key), subject, **values)


def plover_noun(plover: str) -> str:
    return phrases()["plover_nouns"].get(plover, "other acts")


def root_noun(root: str) -> str:
    return phrases()["root_nouns"].get(root, "another kind of act")


def quad_noun(q: int) -> str:
    return phrases()["quad_nouns"].get(int(q), "activity")


def listing(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
