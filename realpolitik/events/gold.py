"""Reading gold-standard sentences and coder predictions into one comparable shape.

Two gold formats are read:

* realpolitik's own (also the annotation guide's output, e.g. guardian_dev_labels.jsonl): one JSON
  object per sentence, `{"id", "text", "date"?, "split"?, "events": [{"type", "cameo"?, "cameo_root"?,
  "source": {"country", "sector", "name"}, "target": {...} | null, "trigger", "negated"?}]}`.
* PLOVER-style: one JSON object per *event*, `{"id"?, "text", "event" (or "event_type"): TYPE, "source": [{"actorText",
  "code", "sector"?}], "target": [...]}`; lines sharing an id (or, lacking one, the same text) are one
  sentence. Type names of earlier PLOVER drafts (DISAPPROVE, DEMAND, ...) are read as their 2021
  type (`TYPE_ALIASES`). The country is the first three letters of the actor code, the sector the next three
  unless given. A line with an empty "event" contributes a sentence without events.

Predictions are `realpolitik code` events (`records.Event` or its dict form): the PLOVER type is the
`plover` field (derived from `cameo` when missing), actors are `source.country`/`target.country`.
Events marked `negated` are dropped on both sides: negated events are not coded.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from . import taxonomy


class GoldFormatError(ValueError):
    """A gold or prediction line that cannot be read; the message names the line."""


@dataclass(frozen=True)
class LabeledEvent:
    """One event reduced to what evaluation compares."""

    type: str  # PLOVER type (STATEMENT for CAMEO 01)
    source_country: str | None = None
    source_sector: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    cameo: str | None = None  # full code when known
    cameo_root: str | None = None  # '01'..'20'
    trigger: str = ""


@dataclass
class Sentence:
    id: str
    text: str
    date: str | None = None
    split: str | None = None
    events: list[LabeledEvent] = field(default_factory=list)
    # Where the sentence sits in its article, when the gold gives it ("article", "start", "end"):
    # lets the coder read the whole article, as it does in use (see events/in_context.py).
    article: str | None = None
    start: int | None = None
    end: int | None = None


def _blank(v: Any) -> str | None:
    """Empty strings and None both mean 'not given'; codes are compared upper-case."""
    if v is None:
        return None
    s = str(v).strip().upper()
    return s or None


def _root_of(cameo: Any, cameo_root: Any) -> tuple[str | None, str | None]:
    code = taxonomy.cameo_or_none(cameo) if cameo not in (None, "") else None
    root = taxonomy.cameo_or_none(cameo_root) if cameo_root not in (None, "") else None
    full = code.code if code else None
    r = root.root if root else (code.root if code else None)
    return full, r


# Type names of earlier PLOVER drafts and of CAMEO's root labels, read as the PLOVER 2021 type they
# became, so gold written against another draft is still scored type for type.
TYPE_ALIASES = {
    "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "DEMAND": "REQUEST", "APPEAL": "REQUEST",
    "YIELD": "CONCEDE", "ENGAGE": "COOPERATE", "MAKE_STATEMENT": "STATEMENT", "STATEMENTS": "STATEMENT",
    "FIGHT": "ASSAULT", "USE_CONVENTIONAL_MILITARY_FORCE": "ASSAULT", "PROVIDE_AID": "AID",
    "EXHIBIT_FORCE_POSTURE": "MOBILIZE", "REDUCE_RELATIONS": "SANCTION",
}


def _type_of(raw_type: Any, cameo: str | None, root: str | None) -> str | None:
    t = _blank(raw_type)
    if t:
        t = t.replace(" ", "_").replace("-", "_")
        return TYPE_ALIASES.get(t, t)
    return taxonomy.plover_for(cameo) or taxonomy.plover_for(root)


def event_from_own(e: Mapping[str, Any]) -> LabeledEvent | None:
    """An event in realpolitik's gold shape; None when negated or typeless."""
    if e.get("negated"):
        return None
    cameo, root = _root_of(e.get("cameo"), e.get("cameo_root"))
    etype = _type_of(e.get("type") or e.get("plover"), cameo, root)
    if not etype:
        return None
    src = e.get("source") or {}
    tgt = e.get("target") or {}
    return LabeledEvent(
        type=etype,
        source_country=_blank(src.get("country")),
        source_sector=_blank(src.get("sector")),
        target_country=_blank(tgt.get("country")),
        target_sector=_blank(tgt.get("sector")),
        cameo=cameo,
        cameo_root=root,
        trigger=str(e.get("trigger") or ""),
    )


def event_from_prediction(e: Any) -> LabeledEvent | None:
    """A coder prediction (records.Event or its dict); None when negated or of unknown type."""
    d = e.to_dict() if hasattr(e, "to_dict") else dict(e)
    # a prediction's type is its PLOVER field; gold's is "type": one reader serves both
    return event_from_own({**d, "type": d.get("plover") or d.get("type")})


def _plover_actor(actors: Any) -> tuple[str | None, str | None]:
    """First actor of a PLOVER actor list -> (country, sector)."""
    if isinstance(actors, dict):
        actors = [actors]
    if not actors:
        return None, None
    a = actors[0] or {}
    code = _blank(a.get("code")) or ""
    country = code[:3] or None
    sector = _blank(a.get("sector")) or (code[3:6] or None)
    return country, sector


def _is_plover(rec: Mapping[str, Any]) -> bool:
    return "events" not in rec and ("event" in rec or "event_type" in rec
                                    or isinstance(rec.get("source"), list))


def sentences_from_records(records: Iterable[Mapping[str, Any]], where: str = "gold") -> list[Sentence]:
    """Group raw gold records (either format, may be mixed) into sentences, in first-seen order."""
    out: "OrderedDict[str, Sentence]" = OrderedDict()
    for n, rec in enumerate(records, 1):
        if not isinstance(rec, Mapping) or not isinstance(rec.get("text"), str):
            raise GoldFormatError(f"{where} record {n}: expected an object with a 'text' string")
        if _is_plover(rec):
            key = str(rec.get("id") or rec.get("sentence_id") or rec["text"])
            s = out.get(key)
            if s is None:
                s = out[key] = Sentence(key, rec["text"], rec.get("date"), rec.get("split"))
            etype = _type_of(rec.get("event") or rec.get("event_type"), None, None)
            if etype:
                sc, ss = _plover_actor(rec.get("source"))
                tc, ts = _plover_actor(rec.get("target"))
                s.events.append(LabeledEvent(etype, sc, ss, tc, ts))
            continue
        events = rec.get("events")
        if not isinstance(events, list):
            raise GoldFormatError(f"{where} record {n}: 'events' must be a list")
        key = str(rec.get("id") or f"{where}-{n}")
        if key in out:
            raise GoldFormatError(f"{where} record {n}: duplicate sentence id {key!r}")
        s = Sentence(key, rec["text"], rec.get("date"), rec.get("split"))
        if rec.get("article") is not None and isinstance(rec.get("start"), int) \
                and isinstance(rec.get("end"), int):
            s.article, s.start, s.end = str(rec["article"]), rec["start"], rec["end"]
        for e in events:
            if not isinstance(e, Mapping):
                raise GoldFormatError(f"{where} record {n}: each event must be an object")
            le = event_from_own(e)
            if le:
                s.events.append(le)
        out[key] = s
    return list(out.values())


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """JSON lines, blank lines skipped; GoldFormatError naming file and line on bad JSON."""
    p = Path(path)
    rows = []
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{p}:{lineno}: not valid JSON ({exc.msg})") from None
    return rows


def load_gold(path: str | Path, split: str | None = None) -> list[Sentence]:
    """Gold sentences from a JSONL file, optionally only those whose `split` equals `split`."""
    sentences = sentences_from_records(read_jsonl(path), where=str(path))
    if split:
        sentences = [s for s in sentences if s.split == split]
    return sentences


def group_predictions(predictions: Any) -> dict[str, list[LabeledEvent]]:
    """Predictions as {sentence id: events}: accepts such a mapping or a flat iterable of events
    (records.Event or dicts) carrying `doc_id`."""
    out: dict[str, list[LabeledEvent]] = {}
    if isinstance(predictions, Mapping):
        for key, evs in predictions.items():
            out[str(key)] = [x for x in (_as_labeled(e) for e in evs) if x]
        return out
    for e in predictions:
        d = e.to_dict() if hasattr(e, "to_dict") else e
        le = _as_labeled(d)
        bucket = out.setdefault(str(d.get("doc_id")), [])
        if le:
            bucket.append(le)
    return out


def _as_labeled(e: Any) -> LabeledEvent | None:
    return e if isinstance(e, LabeledEvent) else event_from_prediction(e)


def load_predictions(path: str | Path) -> dict[str, list[LabeledEvent]]:
    return group_predictions(read_jsonl(path))
