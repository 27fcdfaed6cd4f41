"""`write_brief`: from a store, an actor set, a window and a topic to a `Brief`.

Order of work: load cited events -> merge them into stories -> score salience -> At a Glance (the
most salient stories, skipping any that repeat a sentence already used) -> one section per main
actor -> What to watch (analysis shifts and forecast) -> sources, tags and the cited passages.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from ..analysis.common import ActorFilter, AnalysisError, parse_date
from .load import data_window, load_events, resolve_actor, top_dyads, unentity
from .model import Brief, Citer, Line, Source
from .names import adjective, filter_name, join
from .phrasing import Phraser, count, day, listing, phrases, plover_noun
from .sections import matches, section
from .stories import Story, cluster, ranked, score
from .tags import keyphrases, topics
from .watch import forecast_lines, shift_lines

SALIENCE = ("log2(1 + reports) * outlets * (1 + |Goldstein|) * 0.5 ** (age_days / half_life), "
            "half_life = max(7, window_days / 2)")


def _open(db):
    from ..store import Store, open_store

    if isinstance(db, Store):
        return db, False
    return open_store(db, read_only=True), True


def write_brief(db, actors: list[str] | str | None = None, topic: str | None = None, start=None, end=None,
                glance: int = 5, max_sections: int = 4) -> Brief:
    """Build a brief. `db` is a path or an open `Store`; `actors` codes or names ("RUS,USA,NATO")."""
    store, close = _open(db)
    try:
        return _write(store, actors, topic, start, end, glance, max_sections)
    finally:
        if close:
            store.close()


def _write(store, actors, topic, start, end, n_glance, max_sections) -> Brief:
    if isinstance(actors, str):
        actors = [a for a in actors.split(",") if a.strip()]
    start, end = parse_date(start, "--from"), parse_date(end, "--to")
    lo, hi = data_window(store)
    start, end = start or lo, end or hi
    topic = (topic or "").strip() or None
    filters = [resolve_actor(a) for a in actors or []]
    chosen_by = "given"
    if not filters and start and end:
        chosen_by = "most active dyads"
        filters = _busiest(store, start, end, topic)
    names = {f.value: filter_name(f.value) for f in filters}
    events = load_events(store, filters, start, end, topic) if (start and end and filters) else []
    if not events:
        return _empty(filters, names, start, end, topic)

    window_days = (end - start).days + 1
    ph = Phraser(with_year=start.year != end.year)
    citer = Citer()
    stories = cluster(events)
    score(stories, end, window_days)
    order = _actor_order(filters, stories)
    brief = Brief("", Line(""), (start, end), [{"code": f.value, "name": names[f.value].text} for f in order],
                  topic=topic, method={"salience": SALIENCE, "actors_chosen_by": chosen_by,
                                        "merge": "same dyad and CAMEO root, within 3 days, TF-IDF cosine >= 0.2"})
    # Headline first so its story is cited as passage 1.
    top = ranked(stories)
    brief.headline, brief.dek = _headline(order, names, stories, top, start, end, ph, citer)
    brief.glance = _glance(top, ph, citer, n_glance)
    for f in order[:max_sections]:
        sec = section(f, names[f.value], stories, start, end, ph, citer, set())
        if sec:
            brief.sections.append(sec)
    silent = [names[f.value].text for f in filters if not any(matches(f, s.lead.source) for s in stories)]
    if silent:
        brief.notes.append(f"No coded acts initiated by {listing(silent)} in this window.")
    by_id = {e.event_id: e for e in events}
    brief.watch = shift_lines(store, filters, by_id, start, end, ph, citer, brief.notes)
    for fa, fb in _main_dyads(order, stories)[:2]:
        brief.watch += forecast_lines(store, fa, fb, stories, end, ph, citer, brief.notes)
    brief.passages = citer.ordered()
    brief.sources = _sources(brief.passages)
    names_text = [n.text for n in names.values()] + [a.get("name") or "" for e in events for a in (e.source, e.target or {})]
    names_text += [adjective(f.value[:3]) or "" for f in filters]
    brief.tags = {"actors": [names[f.value].text for f in order], "topics": topics(stories),
                  "keyphrases": keyphrases(_texts(store, brief.sources), set(names_text) | {s.outlet for s in brief.sources})}
    return brief


def _busiest(store, start, end, topic) -> list[ActorFilter]:
    """Actors of the three most reported dyads (within the topic, when one is given)."""
    if topic:
        counts: Counter = Counter()
        for e in load_events(store, [], start, end, topic):
            if e.target_key and e.source_key != e.target_key and e.source.get("country") and e.target.get("country"):
                counts[(e.source_key, e.target_key)] += len(e.mentions)
        dyads = [d for d, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:3]]
    else:
        dyads = [(s, t) for s, t, _ in top_dyads(store, start, end, k=3)]
    keys: list[str] = []
    for s, t in dyads:
        keys += [k for k in (s, t) if k not in keys]
    filters = []
    for k in keys[:4]:
        try:
            filters.append(resolve_actor(k))
        except AnalysisError:  # a code the dictionary cannot name is no main actor of a brief
            continue
    return filters


def _actor_order(filters: list[ActorFilter], stories: list[Story]) -> list[ActorFilter]:
    weight = {f.value: sum(s.salience for s in stories if matches(f, s.lead.source)) for f in filters}
    return sorted(filters, key=lambda f: (-weight[f.value], filters.index(f)))


def _main_dyads(order: list[ActorFilter], stories: list[Story]) -> list[tuple[ActorFilter, ActorFilter]]:
    counts: Counter = Counter()
    for s in stories:
        for fa in order:
            for fb in order:
                if fa is not fb and matches(fa, s.lead.source) and matches(fb, s.lead.target):
                    counts[(fa.value, fb.value)] += 1
    by = {f.value: f for f in order}
    return [(by[a], by[b]) for (a, b), _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]


def _headline(order, names, stories, top, start, end, ph, citer) -> tuple[str, Line]:
    dyads = _main_dyads(order, stories)
    fa, fb = dyads[0] if dyads else (order[0], order[1] if len(order) > 1 else order[0])
    a, b = names[fa.value], names[fb.value]
    between = [s for s in stories if matches(fa, s.lead.source) and (matches(fb, s.lead.target) or fa is fb)]
    kinds = [t for t, _ in Counter(s.lead.plover or "STATEMENT" for s in between).most_common(2)]
    tactics = listing([plover_noun(t) for t in kinds]) or "few moves"
    headline = ph.line("headlines", fa.value + fb.value, None, A=a.text, A_poss=a.possessive, B=b.text,
                       tactics=tactics)
    lead = next((s for s in top if not s.self_conflict), top[0])
    lead_sentence = ph.event_sentence(lead.lead, lead.id)
    if lead_sentence.startswith(("On ", "Reports ", "The ")):  # proper names keep their capital
        lead_sentence = lead_sentence[:1].lower() + lead_sentence[1:]
    outlets = {m.outlet for s in stories for m in s.mentions}
    reports = len({m.article_id for s in stories for m in s.mentions})
    text = ph.line("deks", headline, None, start=day(start, True), end=day(end, True), reports=reports,
                   outlets=len(outlets), stories=len(stories), reports_n=count(reports, "article"),
                   outlets_n=count(len(outlets), "outlet"), stories_n=count(len(stories), "coded development"), actors=join([names[f.value] for f in order]).text,
                   lead_sentence="most salient, " + lead_sentence)
    cites = citer.cite(lead.citations(0))
    return headline, Line(text, cites, data={"stories": len(stories), "reports": reports, "outlets": len(outlets)})


def _glance(top: list[Story], ph: Phraser, citer: Citer, k: int) -> list[Line]:
    used: set = set()
    out = []
    for st in top:
        if st.self_conflict:
            continue  # a state in conflict with itself: mostly a coding error
        keys = {(m.article_id, m.sentence_index) for m in st.mentions}
        if keys & used:
            continue  # a second coding of a sentence already told: the same story
        used |= keys
        cites = st.citations(0)
        n = len(st.outlets)
        tail = f" Reported by {n} outlets: {listing(st.outlets)}." if n > 1 else f" Reported by {st.outlets[0]}."
        out.append(Line(ph.event_sentence(st.lead, st.id) + tail, citer.cite(cites), cites[0].sentence, data={
            "story": st.id, "event_ids": st.event_ids, "outlets": st.outlets, "salience": round(st.salience, 3),
            "cameo": st.lead.cameo, "source": st.lead.source.get("code"),
            "target": (st.lead.target or {}).get("code")}))
        if len(out) >= k:
            break
    return out


def _texts(store, sources: list[Source]) -> list[str]:
    ids = [s.article_id for s in sources]
    if not ids:
        return []
    rows = store.execute("SELECT text FROM articles WHERE list_contains(?, article_id) ORDER BY article_id", [ids]).fetchall()
    return [unentity(r[0]) for r in rows]


def _sources(passages) -> list[Source]:
    out: dict[str, Source] = {}
    for p in passages:
        s = out.setdefault(p.article_id, Source(p.article_id, p.outlet, p.title, p.date, p.url))
        s.passages.append(p.n)
    return sorted(out.values(), key=lambda s: (s.date or dt.date.min, s.outlet, s.title))


def _empty(filters, names, start, end, topic) -> Brief:
    who = join([names[f.value] for f in filters]).text if filters else "any actor"
    t = phrases()["no_events"]
    when = (day(start, True) if start else "the beginning"), (day(end, True) if end else "the end")
    dek = t["dek"].format(actors=who, start=when[0], end=when[1], topic=f" on “{topic}”" if topic else "")
    return Brief(t["headline"].format(actors=who), Line(dek), (start, end),
                 [{"code": f.value, "name": names[f.value].text} for f in filters], topic=topic, empty=True,
                 method={"salience": SALIENCE},
                 notes=["The store holds no coded, reported events for this selection."])
