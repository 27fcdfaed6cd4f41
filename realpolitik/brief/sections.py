"""One section per main actor: what it did, its tactic mix and how that changed, its key quotes.

The window is split at its midpoint; the mix is each PLOVER type's share of the actor's stories
in each half. A type "leads" a half when it has the largest share there. Every sentence cites
example stories of the types it names.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..analysis.common import ActorFilter
from .load import EventRow, Mention
from .model import Citer, Line, Section
from .names import Name, actor_name
from .phrasing import Phraser, capitalise, listing, phrases, plover_noun
from .stories import Story, ranked


def matches(f: ActorFilter, actor: dict | None) -> bool:
    if not actor:
        return False
    if f.kind == "country":
        return (actor.get("country") or "") == f.value
    return (actor.get("code") or "").startswith(f.value)


def _halves(start: dt.date, end: dt.date) -> tuple[dt.date, str, str]:
    """The midpoint and the two halves as '3–23 Feb'-style ranges; a window spanning years shows them."""
    mid = start + (end - start) / 2
    years = start.year != end.year

    def fmt(a: dt.date, b: dt.date) -> str:
        if years:
            return f"{a.day} {a:%b} {a.year}–{b.day} {b:%b} {b.year}"
        return f"{a.day} {a:%b}–{b.day} {b:%b}"
    return mid, fmt(start, mid), fmt(mid + dt.timedelta(days=1), end)


def _types(stories: list[Story]) -> Counter:
    return Counter(s.lead.plover or "STATEMENT" for s in stories)


def _example(stories: list[Story], plover: str) -> list[Mention]:
    best = ranked([s for s in stories if (s.lead.plover or "STATEMENT") == plover])
    return best[0].citations(1) if best else []


def section(f: ActorFilter, name: Name, stories: list[Story], start: dt.date, end: dt.date,
            ph: Phraser, citer: Citer, used: set, max_actions: int = 4, max_quotes: int = 3) -> Section | None:
    own = [s for s in stories if matches(f, s.lead.source)]
    if not own:
        return None
    counts = _types(own)
    top = [t for t, _ in counts.most_common(2)]
    lead_cites = citer.cite([m for t in top for m in _example(own, t)])
    lead = Line(ph.line("section_leads", f.value, name, n=len(own),
                        developments="development" if len(own) == 1 else "developments", mix=listing([plover_noun(t) for t in top])),
                lead_cites, data={"stories": len(own), "types": dict(counts)})
    sec = Section(capitalise(name.text), f.value, lead, name=name.text)

    for st in ranked(own):
        if len(sec.actions) >= max_actions:
            break
        if st.self_conflict:
            continue  # "Ukrainian forces attacked Ukraine": a coding error more often than news
        keys = {(m.article_id, m.sentence_index) for m in st.mentions}
        if keys & used:
            continue  # near-identical to a line already written in this section
        used |= keys
        cites = st.citations(0)
        sec.actions.append(Line(ph.event_sentence(st.lead, st.id), citer.cite(cites), cites[0].sentence,
                                data=_story_data(st)))
    _mix(sec, own, start, end, ph, citer)
    sec.quotes = quotes(f, own, ph, citer, max_quotes)
    return sec


def _mix(sec: Section, own: list[Story], start: dt.date, end: dt.date, ph: Phraser, citer: Citer) -> None:
    mid, h1, h2 = _halves(start, end)
    first = [s for s in own if s.lead.date <= mid]
    second = [s for s in own if s.lead.date > mid]
    c1, c2 = _types(first), _types(second)
    n1, n2 = max(sum(c1.values()), 1), max(sum(c2.values()), 1)
    for t in sorted(set(c1) | set(c2), key=lambda t: (-(c1[t] + c2[t]), t))[:8]:  # the rest is noise
        sec.mix.append({"plover": t, "label": plover_noun(t), "first_half": round(c1[t] / n1, 3),
                        "second_half": round(c2[t] / n2, 3), "first_n": c1[t], "second_n": c2[t]})
    table = phrases()["mix_change"]
    if not first or not second:
        return  # one half is empty: nothing to compare
    lead1, lead2 = c1.most_common(1)[0][0], c2.most_common(1)[0][0]
    values = {"h1": h1, "h2": h2, "first": plover_noun(lead1), "second": plover_noun(lead2)}
    if lead1 == lead2:
        sec.change.append(Line(table["same"].format(**values),
                               citer.cite(_example(first, lead1) + _example(second, lead2))))
    else:
        sec.change.append(Line(table["changed"].format(**values),
                               citer.cite(_example(first, lead1) + _example(second, lead2))))
    new = [t for t in c2 if t not in c1 and c2[t] >= 2]
    if new:
        t = max(new, key=lambda t: (c2[t], t))
        sec.change.append(Line(table["new"].format(second_cap=capitalise(plover_noun(t)), **values),
                               citer.cite(_example(second, t))))
    gone = [t for t in c1 if t not in c2 and c1[t] >= 2]
    if gone:
        t = max(gone, key=lambda t: (c1[t], t))
        sec.change.append(Line(table["faded"].format(first_cap=capitalise(plover_noun(t)), **values),
                               citer.cite(_example(first, t))))


_WS = re.compile(r"\s+")


def _direct(m: Mention) -> bool:
    """The quote stands in quotation marks in its sentence (not reported speech)."""
    q = _WS.sub(" ", (m.quote or "").strip())
    s = _WS.sub(" ", m.sentence)
    i = s.find(q[:40])
    return i > 0 and s[i - 1] in "\"“'‘"


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "who", "which", "one", "his", "her",
             "their", "its", "someone", "somebody"}
_DETERMINERS = {"the", "a", "an", "one", "some", "two", "three", "several", "its", "his", "her", "their"}


def _fold(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def _text_speaker(text: str | None) -> tuple[Name, dict | None] | None:
    """A readable name for a mention's own source words ("Kremlin spokesman Dmitry Peskov" -> "Dmitry
    Peskov", "The White House" -> "the White House"), with the actor it resolves to when the actor
    dictionary knows the person. None for pronouns and words that name nobody ("he", "the official")."""
    from .load import _lookup

    t = _WS.sub(" ", (text or "").strip(" ,.;:\"'“”‘’"))
    words = t.split()
    if not words or len(words) > 8 or t.lower() in _PRONOUNS:
        return None
    found, _ = _lookup(t)
    folded = _fold(t)
    for a in found:
        if a.type == "PERSON" and a.name and _fold(a.name).split()[-1] in folded.split():
            actor = {"code": a.code, "country": a.country, "type": a.type, "name": a.name}
            return Name(a.name), actor
    rest = words[1:] if words[0].lower() in _DETERMINERS else words
    if not rest or not any(w[:1].isupper() for w in rest) or (len(words) == 1 and not found):
        return None  # "the official", "officials", "Police": no one a reader could name
    if words[0].lower() in _DETERMINERS:
        t = words[0].lower() + t[len(words[0]):]
    return Name(t, plural=words[-1].lower().endswith(("officials", "sources", "ministers", "leaders"))), None


def speaker_name(m: Mention, ev: EventRow | None = None) -> Name | None:
    """Who said a quote, from its own mention only: the coded speaker, else the mention's own source
    words. One rolled-up event can merge statements by different people of one government on one
    day, so the event's source is never taken for the speaker. None when the mention names nobody."""
    sp = m.speaker
    if sp and (sp.get("name") or sp.get("code")):
        return actor_name(sp.get("code"), sp.get("country"), sp.get("sector"), sp.get("type"), sp.get("name"))
    found = _text_speaker(m.source_text)
    return found[0] if found else None


def quotes(f: ActorFilter, own: list[Story], ph: Phraser, citer: Citer, k: int) -> list[Line]:
    """The actor's own words: direct quotes first, then reported speech, most reported stories first."""
    found: list[tuple[int, float, Mention, EventRow]] = []
    for st in own:
        for ev in st.events:
            for m in ev.mentions:
                if not m.quote or len(m.quote) < 20:
                    continue
                if m.speaker and not matches(f, m.speaker):
                    continue  # someone else's words reported inside this actor's event
                if not m.speaker:
                    said = _text_speaker(m.source_text)
                    if said is None:
                        continue  # the mention names no speaker: better no quote than a wrong name
                    if said[1] and said[1].get("country") and not matches(f, said[1]):
                        continue
                found.append((0 if _direct(m) else 1, -st.salience, m, ev))
    found.sort(key=lambda x: (x[0], x[1], x[2].mention_id))
    out: list[Line] = []
    seen: set[str] = set()
    for direct, _, m, ev in found:
        q = _WS.sub(" ", m.quote.strip().strip(",. "))
        if q.lower() in seen:
            continue
        seen.add(q.lower())
        who = speaker_name(m)
        if who is None:
            continue
        date = ph.day(m.article_date or ev.date)
        if direct == 0:
            text = ph.line("quote_frames", m.mention_id, None, quote=q, speaker=who.text,
                           speaker_cap=who.cap, outlet=m.outlet, date=date)
        else:
            q = re.sub(r"^(?:that|and that)\s+", "", q, flags=re.I)  # the clause already starts "said that"
            text = f"{who.cap} said that {q} ({m.outlet}, {date})."
        out.append(Line(text, citer.cite([m]), data={"speaker": who.text, "outlet": m.outlet, "direct": direct == 0,
                                                      "event_id": ev.event_id, "mention_id": m.mention_id}))
        if len(out) >= k:
            break
    return out


def _story_data(st: Story) -> dict:
    ev = st.lead
    return {"story": st.id, "event_ids": st.event_ids, "date": ev.date.isoformat(), "cameo": ev.cameo,
            "plover": ev.plover, "source": ev.source.get("code"), "target": (ev.target or {}).get("code"),
            "outlets": st.outlets, "reports": len(st.mentions), "salience": round(st.salience, 3)}
