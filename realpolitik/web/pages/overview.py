"""Pages: overview (activity, most active dyads, latest shifts), network, brief."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from fastapi import APIRouter, Depends, Query, Request

from .. import cache
from ..api.briefs import make_brief
from ..deps import Level, Window, get_store, window_params
from ..errors import NotAvailable
from ..events_query import EventFilter, list_events
from .common import attempt, figure_block, json_block, login_redirect, render

router = APIRouter(include_in_schema=False)


def activity(store) -> dict:
    """Non-negated events per week by quad class, for the stacked activity chart."""
    rows = store.rows("""
        SELECT CAST(date_trunc('week', date) AS DATE) AS week, quad_class, count(*) AS n
        FROM events WHERE NOT coalesce(negated, false) GROUP BY ALL ORDER BY 1, 2""")
    weeks = sorted({r["week"] for r in rows})
    index = {w: i for i, w in enumerate(weeks)}
    series = {q: [0] * len(weeks) for q in (1, 2, 3, 4)}
    for r in rows:
        if r["quad_class"] in series:
            series[r["quad_class"]][index[r["week"]]] = r["n"]
    return {"weeks": [w.isoformat() for w in weeks], "series": {str(q): v for q, v in series.items()}}


def top_dyads(store, since: dt.date | None, k: int = 10) -> list[dict]:
    """The busiest country dyads; organisations and armed groups (IGO/NGO/IMG) by their own code."""
    from ...analysis.common import node_sql

    a, b = (f"coalesce({node_sql(side)}, {side}_code)" for side in ("source", "target"))
    return store.rows(f"""
        SELECT {a} AS a, {b} AS b,
               count(*) AS events, round(avg(goldstein), 2) AS goldstein_mean,
               round(avg(CASE WHEN quad_class <= 2 THEN 1.0 ELSE 0.0 END), 2) AS coop_share
        FROM events WHERE NOT coalesce(negated, false) AND target_code IS NOT NULL
          {"AND date >= ?" if since else ""}
          AND {a} <> {b}
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT {int(k)}""", [since] if since else None)


@router.get("/")
def overview(request: Request, store=Depends(get_store)):
    if (r := login_redirect(request)):
        return r
    totals = store.rows("""SELECT (SELECT count(*) FROM articles) AS articles, count(*) AS events,
                                  coalesce(sum(num_mentions), 0) AS mentions, min(date) AS first, max(date) AS last
                           FROM events""")[0]
    last = totals["last"]
    since = last - dt.timedelta(days=90) if last else None

    def go():
        from ...analysis import shifts

        return {"activity": activity(store), "dyads": top_dyads(store, since),
                "shifts": attempt(lambda: shifts(store, freq="week", baseline=4, min_events=2, limit=8, evidence=1))}

    data = cache.get_or_run(store, ("overview", since), go)
    latest = list_events(store, EventFilter(negated=False), limit=10)["events"]
    shifts_found, shifts_error = data["shifts"]
    return render(request, "overview.html", title="Overview", totals=totals, since=since,
                  activity=json_block(data["activity"]), dyads=data["dyads"], shifts=shifts_found or [],
                  shifts_error=shifts_error, latest=latest)


@router.get("/network")
def network_page(request: Request, level: Level = Level.country, min_events: int = Query(1, ge=1, le=1_000_000),
                 window: Window = Depends(window_params), store=Depends(get_store)):
    if (r := login_redirect(request)):
        return r
    from ...analysis import network, network_figure

    window = window.clamped(store)

    def go():
        res = network(store, window.start, window.end, "events", level.value, min_events)
        return {"fig": figure_block(network_figure(res)), "nodes": res["nodes"][:30], "edges": res["edges"][:30],
                "communities": res["communities"]}

    found, error = attempt(lambda: cache.get_or_run(store, ("network-page", level.value, min_events, window.start, window.end), go))
    return render(request, "network.html", title="Network", net=found, error=error, level=level.value,
                  min_events=min_events, window=window)


@router.get("/brief")
def brief_page(request: Request, actors: Optional[str] = Query(None, max_length=300),
               topic: Optional[str] = Query(None, max_length=200), window: Window = Depends(window_params),
               store=Depends(get_store)):
    if (r := login_redirect(request)):
        return r
    try:
        found, error = attempt(lambda: make_brief(store, actors, topic, window).to_dict())
    except NotAvailable as exc:
        found, error = None, str(exc)
    return render(request, "brief.html", title="Brief", brief=found, error=error, actors=actors or "",
                  topic=topic or "", window=window)
