"""The records that flow through the pipeline: articles in, actors and events out.

These are the shapes other tools script against (the JSON written by `realpolitik code`),
so fields are only ever added, never renamed.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One news document after ingest, before it is stored."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD) when known
    source: str | None = None  # outlet / publisher
    url: str | None = None
    language: str | None = None
    origin: str | None = None  # the input it came from: path, path#line, URL, feed#entry
    doc_id: str | None = None  # id given by the input, if any
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Actor:
    """A resolved actor: `code` is CAMEO-style (country + sector, or IGO + org)."""

    text: str  # the words in the sentence
    code: str  # e.g. RUSGOV, UKRMIL, USA, IGONATO
    country: str | None = None  # ISO 3166-1 alpha-3 for states
    sector: str | None = None  # CAMEO agent code: GOV, MIL, REB, ...
    type: str = "STATE"  # STATE, IGO, NGO, MNC, IMG, PERSON
    name: str = ""  # canonical name: "Russia", "Vladimir Putin", "NATO"
    id: str = ""  # dictionary entry id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Actor | None":
        if not d:
            return None
        keys = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in keys})


@dataclass
class Event:
    """One coded event as `realpolitik code` writes it (one JSON object per line)."""

    doc_id: str
    event_id: str
    date: str | None
    source: Actor
    target: Actor | None
    cameo: str
    cameo_label: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    negated: bool = False
    modality: str = "action"  # action | intent | hypothetical | reported
    trigger: str = ""
    speaker: Actor | None = None
    quote: str | None = None
    sentence: str = ""
    char_start: int = 0  # sentence span in the document text
    char_end: int = 0
    confidence: float = 0.5
    sentence_index: int = 0
    trigger_start: int | None = None  # trigger span in the document text
    trigger_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("source", "target", "speaker"):
            v = getattr(self, k)
            d[k] = v.to_dict() if v is not None else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        keys = cls.__dataclass_fields__
        vals = {k: v for k, v in d.items() if k in keys}
        for k in ("source", "target", "speaker"):
            vals[k] = Actor.from_dict(d.get(k))
        return cls(**vals)
