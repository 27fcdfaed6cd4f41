"""/api/actors: search the store, resolve names through the actor dictionary, one actor's summary."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ..actors_query import lookup, search, summary
from ..deps import reader
from ..errors import NotAvailable
from ..jsonable import Json
from ..schemas import ERRORS, ActorSearch, ActorSummary, Resolved
from ..security import require_read

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("", summary="Actors in the store whose code or name contains q, most active first",
            response_model=ActorSearch, responses=ERRORS)
def actors(q: str = Query("", max_length=100), limit: int = Query(20, ge=1, le=200), store=Depends(reader)):
    return Json({"q": q, "actors": search(store, q.strip(), limit)})


@router.get("/resolve", summary="Dictionary entries for a name or code (Russia, RUS, Putin, IGONATO)",
            dependencies=[Depends(require_read)], response_model=Resolved, responses=ERRORS)
def resolve(name: str = Query(..., min_length=1, max_length=100)):
    try:
        found = lookup(name.strip())
    except ImportError as exc:
        raise NotAvailable(f"actor dictionary not available: {exc}") from None
    return Json({"name": name, "actors": found})


@router.get("/{actor}", summary="One actor: totals, counterparts both ways, attributed quotes",
            response_model=ActorSummary, responses=ERRORS)
def actor(actor: str, limit: int = Query(10, ge=1, le=100), store=Depends(reader)):
    return Json(summary(store, actor, limit))
