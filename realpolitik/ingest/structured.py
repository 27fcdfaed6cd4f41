"""JSON, JSONL and CSV inputs: many articles per file, one item per object / line / row."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Iterator

from .decode import decode, read_bytes
from .fields import TEXT_KEYS, article_from_record
from .items import UNCHANGED, InputError, Item

# News bodies can exceed csv's default 128 KiB field limit.
csv.field_size_limit(2**31 - 1)


def _record_item(key: str, input: str, record: object) -> Item:
    try:
        article = article_from_record(record)
    except InputError as exc:
        return Item.failed(key, input, str(exc))
    article.origin = key
    return Item(key, input, article=article)


def _json_error(exc: json.JSONDecodeError, line: int | None = None) -> str:
    where = f"line {line}" if line is not None else f"line {exc.lineno} column {exc.colno}"
    return f"malformed JSON on {where}: {exc.msg}"


def read_json(path: Path, key: str, input: str, done: set[str]) -> Iterator[Item]:
    """One article object, or a list of them (keys path#item1, path#item2, ...)."""
    if key in done:
        yield Item(key, input, status=UNCHANGED)
        return
    try:
        data = json.loads(decode(read_bytes(path)))
    except InputError as exc:
        yield Item.failed(key, input, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield Item.failed(key, input, _json_error(exc))
        return
    if not isinstance(data, list):
        yield _record_item(key, input, data)
        return
    for i, record in enumerate(data, start=1):
        sub = f"{key}#item{i}"
        yield Item(sub, input, status=UNCHANGED) if sub in done else _record_item(sub, input, record)


def read_jsonl(path: Path, key: str, input: str, done: set[str]) -> Iterator[Item]:
    """One article per line, streamed so large files need not fit in memory."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Item.failed(key, input, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        if b"\x00" in handle.read(8192):
            yield Item.failed(key, input, "binary file (contains NUL bytes), not JSON lines")
            return
        handle.seek(0)
        for number, raw in enumerate(handle, start=1):
            sub = f"{key}#L{number}"
            if sub in done:
                yield Item(sub, input, status=UNCHANGED)
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
            except UnicodeDecodeError:
                yield Item.failed(sub, input, f"line {number} is not valid UTF-8")
                continue
            if not line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Item.failed(sub, input, _json_error(exc, number))
                continue
            yield _record_item(sub, input, record)


def read_csv(path: Path, key: str, input: str, done: set[str]) -> Iterator[Item]:
    """A header row naming a text column, then one article per row (keys path#L<line>)."""
    try:
        text = decode(read_bytes(path))
    except InputError as exc:
        yield Item.failed(key, input, str(exc))
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        yield Item.skipped(key, input, "empty CSV file")
        return
    except csv.Error as exc:
        yield Item.failed(key, input, f"malformed CSV header: {exc}")
        return
    if not {h.lower() for h in header} & set(TEXT_KEYS):
        yield Item.failed(key, input, f"CSV header has no 'text' column (columns: {', '.join(header)[:200]})")
        return
    start = reader.line_num + 1
    while True:
        sub = f"{key}#L{start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Item.failed(sub, input, f"malformed CSV on line {start}: {exc}")
            return
        if row and any(cell.strip() for cell in row):
            record = {h.lower(): v for h, v in zip(header, row) if h}
            yield Item(sub, input, status=UNCHANGED) if sub in done else _record_item(sub, input, record)
        start = reader.line_num + 1
