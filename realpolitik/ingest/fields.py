"""Mapping an input's own metadata (JSON keys, CSV columns, front matter) onto an Article."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..records import Article
from .dates import iso_date
from .items import InputError, truthy
from .language import declared

TEXT_KEYS = ("text", "body", "content")
_ALIASES = {"lang": "language", "publisher": "source", "outlet": "source", "link": "url", "headline": "title"}
_RECORD_KEYS = {"id", "title", "date", "source", "url", "language", "synthetic"}


def _jsonable(value: Any) -> Any:
    # YAML front matter yields dates and datetimes; meta is stored as JSON.
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def apply_fields(article: Article, fields: dict[str, Any]) -> Article:
    """Known keys fill the record (input values win over extracted ones); the rest go to meta."""
    for raw_key, value in fields.items():
        key = _ALIASES.get(str(raw_key).lower(), str(raw_key).lower())
        if key in TEXT_KEYS:
            continue
        if key not in _RECORD_KEYS:
            if value is not None:
                article.meta[str(raw_key)] = _jsonable(value)
            continue
        if value is None or value == "":
            continue
        if key == "id":
            article.doc_id = str(value)
        elif key == "date":
            date = iso_date(value)
            if date is None:
                # reported by the ingest run and kept with the article, never silently dropped
                article.meta["date_error"] = f"unreadable date {str(value)[:100]!r}"
            article.date = date or article.date
        elif key == "language":
            article.language = declared(value) or article.language
        elif key == "synthetic":
            article.meta["synthetic"] = truthy(value)
        else:
            setattr(article, key, str(value).strip())
    return article


def article_from_record(record: Any) -> Article:
    """An article from one JSON object / CSV row; the text key is required."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object with a 'text' key, got {type(record).__name__}")
    for key in TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str):
            return apply_fields(Article(text=value), record)
        if value is not None:
            raise InputError(f"'{key}' is {type(value).__name__}, not a string")
    raise InputError("no 'text' field")
