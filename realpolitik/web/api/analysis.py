"""/api/dyads, /api/profiles, /api/network, /api/shifts, /api/forecast: the analyses as JSON.

Each calls the `realpolitik.analysis` function the CLI calls, with the same options; bad input
(unknown actor, empty window) comes back from the analysis as AnalysisError, answered with 422.
"""
from __future__ import annotations

import datetime as dt
import enum
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query

from .. import cache
from ..deps import Freq, Level, Weight, Window, reader, window_params
from ..jsonable import Json
from ..schemas import ERRORS, Alerts

router = APIRouter(prefix="/api", tags=["analysis"])
ACTOR = {"min_length": 1, "max_length": 100}


class Horizon(str, enum.Enum):
    d1 = "1d"
    d7 = "7d"
    d30 = "30d"


@router.get("/dyads/{a}/{b}", summary="A->B, B->A and combined series per period, with reciprocity", responses=ERRORS)
def dyad(a: str, b: str, freq: Freq = Freq.month, weight: Weight = Weight.events,
         window: Window = Depends(window_params), store=Depends(reader)):
    window = window.clamped(store)
    from ...analysis import dyad as run

    key = ("dyad", a, b, freq.value, window.start, window.end, weight.value)
    return Json(cache.get_or_run(store, key, lambda: run(store, a, b, freq.value, window.start, window.end, weight.value)))


@router.get("/profiles/{actor}", summary="Tactic mix by counterpart and the most distinctive tactics (log-odds z)",
            responses=ERRORS)
def profile(actor: str, toward: Optional[str] = Query(None, **ACTOR), level: Level = Level.country,
            top: int = Query(5, ge=1, le=50), examples: int = Query(2, ge=0, le=10),
            prior: float = Query(500.0, ge=1.0, le=1e6), weight: Weight = Weight.events,
            window: Window = Depends(window_params), store=Depends(reader)):
    window = window.clamped(store)
    from ...analysis import profile as run

    def go():
        res = run(store, actor, toward, window.start, window.end, weight.value, level.value, top, examples, prior)
        return {k: v for k, v in res.items() if k != "all_scores"}

    key = ("profile", actor, toward, level.value, top, examples, prior, window.start, window.end, weight.value)
    return Json(cache.get_or_run(store, key, go))


@router.get("/network", summary="Actors as nodes, cooperation and conflict as weighted edges, with metrics",
            responses=ERRORS)
def network(level: Level = Level.country, min_events: int = Query(1, ge=1, le=1_000_000),
            weight: Weight = Weight.events, window: Window = Depends(window_params), store=Depends(reader)):
    window = window.clamped(store)
    from ...analysis import network as run

    def go():
        res = run(store, window.start, window.end, weight.value, level.value, min_events)
        return {k: v for k, v in res.items() if k != "graph"}

    key = ("network", level.value, min_events, window.start, window.end, weight.value)
    return Json(cache.get_or_run(store, key, go))


@router.get("/shifts", summary="Shift alerts: counts against a rolling negative-binomial baseline",
            response_model=Alerts, responses=ERRORS)
def shifts(freq: Freq = Freq.week, baseline: int = Query(12, ge=2, le=104), actor: Optional[str] = Query(None, **ACTOR),
           level: Level = Level.country, min_events: float = Query(5, ge=0, le=1e9),
           alpha: float = Query(0.05, gt=0, lt=1), limit: int = Query(20, ge=1, le=500),
           evidence: int = Query(3, ge=0, le=20), weight: Weight = Weight.events, window: Window = Depends(window_params),
           store=Depends(reader)):
    window = window.clamped(store)
    from ...analysis import shifts as run

    key = ("shifts", freq.value, baseline, actor, level.value, min_events, alpha, limit, evidence,
           window.start, window.end, weight.value)
    return Json(cache.get_or_run(store, key, lambda: {"alerts": run(
        store, window.start, window.end, freq.value, baseline, weight.value, level.value, actor,
        min_events, alpha, limit, evidence)}))


@router.get("/forecast/{a}/{b}", summary="P(each CAMEO root / quad class occurs in A->B within the horizon)",
            responses=ERRORS)
def forecast(a: str, b: str, as_of: Optional[dt.date] = Query(None, description="Forecast origin; default: day after the last event."),
             horizon: Horizon = Horizon.d7, weight: Weight = Weight.events, store=Depends(reader)):
    from ...analysis import forecast as run

    if as_of is not None:
        lo, hi = store.execute("SELECT min(date), max(date) FROM events").fetchone()
        if lo is None or not (lo <= as_of <= hi + dt.timedelta(days=366)):
            raise HTTPException(422, f"as_of {as_of}: must fall between the first event ({lo}) and a year after the last ({hi})")
    key = ("forecast", a, b, as_of, horizon.value, weight.value)
    return Json(cache.get_or_run(store, key, lambda: run(store, a, b, as_of, horizon.value, weight.value)))
