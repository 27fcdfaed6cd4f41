"""Actors as the store knows them: search, a summary with counterparts and quotes."""
from __future__ import annotations

import threading
from functools import lru_cache

from ..analysis import actor_filter
from ..analysis.common import node_sql

_resolver_lock = threading.Lock()


@lru_cache(maxsize=1)
def resolver():
    from ..actors import ActorResolver

    return ActorResolver()


def lookup(name: str) -> list[dict]:
    """Dictionary entries for a name or code ("Putin", "RUS", "IGONATO")."""
    with _resolver_lock:  # built once, lazily; lookups are cheap
        found = resolver().lookup(name)
    seen, out = set(), []
    for a in found:
        if a.id in seen:
            continue
        seen.add(a.id)
        out.append(a.to_dict())
    return out


def search(store, q: str, limit: int = 20) -> list[dict]:
    like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return store.rows(
        """
        SELECT code, mode(name) AS name, any_value(country) AS country, count(*) AS events
        FROM (SELECT source_code AS code, source_name AS name, source_country AS country FROM events
              UNION ALL
              SELECT target_code, target_name, target_country FROM events WHERE target_code IS NOT NULL)
        WHERE code ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\'
        GROUP BY code ORDER BY events DESC, code LIMIT ?
        """, [like, like, limit])


def summary(store, actor: str, limit: int = 10) -> dict:
    """Totals, counterparts both ways, and quotes attributed to the actor."""
    f = actor_filter(actor)
    src, tgt = f.sql("source"), f.sql("target")
    totals = store.rows(
        f"""SELECT count(*) FILTER (WHERE {src}) AS as_source, count(*) FILTER (WHERE {tgt}) AS as_target,
                   min(date) AS first, max(date) AS last,
                   avg(goldstein) FILTER (WHERE {src}) AS goldstein_out,
                   avg(goldstein) FILTER (WHERE {tgt}) AS goldstein_in
            FROM events WHERE NOT coalesce(negated, false) AND ({src} OR {tgt})""")[0]
    cp_out, cp_in = (f"coalesce({node_sql(side)}, {side}_code)" for side in ("target", "source"))  # IGOs by code
    counterparts = store.rows(
        f"""
        SELECT counterpart, sum(outgoing) AS outgoing, sum(incoming) AS incoming,
               sum(outgoing) + sum(incoming) AS events,
               round(avg(goldstein), 2) AS goldstein_mean
        FROM (SELECT {cp_out} AS counterpart, 1 AS outgoing, 0 AS incoming, goldstein
              FROM events WHERE NOT coalesce(negated, false) AND {src} AND target_code IS NOT NULL
              UNION ALL
              SELECT {cp_in}, 0, 1, goldstein
              FROM events WHERE NOT coalesce(negated, false) AND {tgt})
        GROUP BY counterpart ORDER BY events DESC, counterpart LIMIT ?""", [limit])
    names = store.rows(
        f"SELECT source_code AS code, mode(source_name) AS name, count(*) AS events FROM events WHERE {src} "
        "GROUP BY 1 ORDER BY 3 DESC LIMIT 5")
    quotes = store.rows(
        f"""
        SELECT m.quote, m.speaker ->> 'name' AS speaker, e.event_id, e.date, e.cameo_label,
               a.title, a.source AS outlet, a.url
        FROM mentions m JOIN events e USING (event_id) LEFT JOIN articles a USING (article_id)
        WHERE m.quote IS NOT NULL AND m.quote <> '' AND {f.sql('e.source')}
        ORDER BY e.date DESC, e.event_id LIMIT ?""", [limit])
    return {"actor": f.label, "kind": f.kind, "totals": totals, "codes": names,
            "counterparts": counterparts, "quotes": quotes}
