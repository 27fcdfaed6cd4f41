"""Pages: a dyad (timeline, tactic mix both ways, forecast, events), an actor, one event."""
from __future__ import annotations

from typing import Optional
from urllib.parse import quote

import plotly.graph_objects as go
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse

from .. import cache
from ..actors_query import search, summary
from ..deps import Freq, Window, get_store, window_params
from ..events_query import EventFilter, get_event, list_events
from .common import attempt, figure_block, login_redirect, render

router = APIRouter(include_in_schema=False)


def tactic_mix(res: dict) -> tuple[list[dict], object]:
    """Counts per CAMEO root in each direction, summed over the periods, and a grouped bar chart."""
    from ...analysis.common import ROOTS, root_table

    rt = root_table()
    ab, ba = f"{res['source']}->{res['target']}", f"{res['target']}->{res['source']}"
    totals = {d: {r: 0.0 for r in ROOTS} for d in (ab, ba)}
    for row in res["series"]:
        if row["direction"] in totals:
            for r in ROOTS:
                totals[row["direction"]][r] += row.get(f"root_{r}", 0) or 0
    rows = [{"root": r, "label": rt[r]["label"], "plover": rt[r]["plover"], "ab": totals[ab][r], "ba": totals[ba][r]}
            for r in ROOTS if totals[ab][r] or totals[ba][r]]
    fig = go.Figure([go.Bar(y=[f"{x['root']} {x['label']}" for x in rows], x=[x[d] for x in rows], name=name,
                            orientation="h") for d, name in (("ab", ab), ("ba", ba))])
    fig.update_layout(barmode="group", title="Tactic mix both ways (CAMEO roots)", height=120 + 28 * max(1, len(rows)),
                      yaxis=dict(autorange="reversed"), margin=dict(l=260))
    return rows, fig


@router.get("/dyad")
def dyad_form(a: str = Query(..., min_length=1, max_length=100), b: str = Query(..., min_length=1, max_length=100)):
    return RedirectResponse(f"/dyads/{quote(a.strip(), safe='')}/{quote(b.strip(), safe='')}", status_code=303)


@router.get("/dyads/{a}/{b}")
def dyad_page(request: Request, a: str, b: str, freq: Freq = Freq.week,
              window: Window = Depends(window_params), store=Depends(get_store)):
    if (r := login_redirect(request)):
        return r
    from ...analysis import dyad, dyad_figure, forecast, forecast_figure

    window = window.clamped(store)

    def go_():
        res = dyad(store, a, b, freq.value, window.start, window.end)
        rows, mix = tactic_mix(res)
        return {"res": res, "timeline": figure_block(dyad_figure(res)), "mix": rows, "mix_fig": figure_block(mix)}

    found, error = attempt(lambda: cache.get_or_run(store, ("dyad-page", a, b, freq.value, window.start, window.end), go_))
    fc, fc_error = (None, None)
    events = []
    if found:
        fc, fc_error = attempt(lambda: cache.get_or_run(store, ("forecast", a, b, None, "7d", "events"),
                                                        lambda: forecast(store, a, b, None, "7d")))
        events = list_events(store, EventFilter(between=(a, b), start=window.start, end=window.end), limit=50)
    return render(request, "dyad.html", title=f"{a} – {b}", a=a, b=b, freq=freq.value, window=window, d=found,
                  error=error, forecast=fc, forecast_fig=figure_block(forecast_figure(fc)) if fc else None,
                  forecast_error=fc_error, events=events)


@router.get("/actors")
def actor_search(request: Request, q: str = Query("", max_length=100), store=Depends(get_store)):
    if (r := login_redirect(request)):
        return r
    return render(request, "actors.html", title="Actors", q=q, actors=search(store, q.strip(), 50))


@router.get("/actors/{actor}")
def actor_page(request: Request, actor: str, toward: Optional[str] = Query(None, max_length=100),
               window: Window = Depends(window_params), store=Depends(get_store)):
    if (r := login_redirect(request)):
        return r
    from ...analysis import profile, profile_figure

    window = window.clamped(store)

    info, error = attempt(lambda: summary(store, actor, 15))

    def go_():
        res = profile(store, actor, toward or None, window.start, window.end, top=6, examples=1)
        return {"res": {k: v for k, v in res.items() if k != "all_scores"}, "fig": figure_block(profile_figure(res))}

    prof, prof_error = (attempt(lambda: cache.get_or_run(store, ("profile-page", actor, toward, window.start, window.end), go_))
                        if info else (None, None))
    return render(request, "actor.html", title=actor, actor=actor, toward=toward or "", info=info, error=error,
                  prof=prof, prof_error=prof_error, window=window)


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str, store=Depends(get_store)):
    if (r := login_redirect(request)):
        return r
    if len(event_id) > 200:
        raise HTTPException(400, "event_id: too long")
    found = get_event(store, event_id)
    if found is None:
        return render(request, "missing.html", status_code=404, title="Not found",
                      message=f"No event with id {event_id}.")
    return render(request, "event.html", title=f"Event {event_id}", e=found)
