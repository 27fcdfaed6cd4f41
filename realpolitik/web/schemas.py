"""Response shapes for the OpenAPI spec (/docs). Routes return `Json` directly, so these document
the answers without re-validating them on every request; the schemathesis test checks that real
responses conform. Extra fields are allowed: records only ever gain fields."""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    error: str


class EventRow(Open):
    event_id: str
    date: dt.date
    source_code: Optional[str] = None
    source_name: Optional[str] = None
    source_country: Optional[str] = None
    target_code: Optional[str] = None
    target_name: Optional[str] = None
    target_country: Optional[str] = None
    cameo: str
    cameo_root: str
    cameo_label: Optional[str] = None
    quad_class: Optional[int] = None
    goldstein: Optional[float] = None
    plover: Optional[str] = None
    negated: Optional[bool] = None
    modality: Optional[str] = None
    num_mentions: Optional[int] = None
    num_sources: Optional[int] = None
    num_articles: Optional[int] = None
    origin: str
    source_url: Optional[str] = None


class EventPage(BaseModel):
    events: list[EventRow]
    next_cursor: Optional[str]
    limit: int


class Piece(BaseModel):
    text: str
    trigger: bool


class Context(BaseModel):
    before: str
    after: str


class Mention(Open):
    mention_id: str
    article_id: str
    sentence: Optional[str] = None
    char_start: Optional[int] = None
    char_end: Optional[int] = None
    trigger: Optional[str] = None
    trigger_start: Optional[int] = None
    trigger_end: Optional[int] = None
    quote: Optional[str] = None
    confidence: Optional[float] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    article_date: Optional[dt.date] = None
    pieces: list[Piece]
    context: Optional[Context] = None


class EventDetail(EventRow):
    mentions: list[Mention]


class ActorHit(Open):
    code: Optional[str]
    name: Optional[str] = None
    country: Optional[str] = None
    events: int


class ActorSearch(BaseModel):
    q: str
    actors: list[ActorHit]


class DictionaryActor(Open):
    text: str
    code: str
    country: Optional[str] = None
    sector: Optional[str] = None
    type: str
    name: str
    id: str


class Resolved(BaseModel):
    name: str
    actors: list[DictionaryActor]


class ActorSummary(Open):
    actor: str
    kind: str
    totals: dict[str, Any]
    codes: list[dict[str, Any]]
    counterparts: list[dict[str, Any]]
    quotes: list[dict[str, Any]]


class Job(Open):
    id: str
    kind: str
    status: str
    created: str
    started: Optional[str] = None
    finished: Optional[str] = None
    done: int
    total: Optional[int] = None
    message: str
    result: Optional[dict[str, Any]] = None
    error: Optional[str] = None


class JobAccepted(BaseModel):
    job: Job
    status_url: str


class JobOne(BaseModel):
    job: Job


class JobList(BaseModel):
    jobs: list[Job]


class Status(Open):
    articles: int
    uncoded: int
    events: int
    mentions: int
    first_event: Optional[dt.date] = None
    last_event: Optional[dt.date] = None
    ingest_log: dict[str, int]
    writable: bool
    jobs: list[Job]


class Alerts(BaseModel):
    alerts: list[dict[str, Any]]


# Errors every route may answer with, for the spec.
ERRORS = {code: {"model": ErrorBody, "description": what} for code, what in (
    (400, "Bad filter or request"), (401, "Token needed"), (413, "Body too large"),
    (422, "Invalid parameter or analysis input"))}
WRITE_ERRORS = {**ERRORS, 403: {"model": ErrorBody, "description": "Wrong token"},
                503: {"model": ErrorBody, "description": "Store is read-only"}}
