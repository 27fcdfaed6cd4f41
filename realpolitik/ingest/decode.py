"""Bytes to text, refusing binary files and text whose encoding cannot be worked out."""
from __future__ import annotations

import codecs
from pathlib import Path

from .items import InputError

# charset-normalizer reports how garbled its best decoding looks; above this it is guessing.
MAX_CHAOS = 0.2
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(f"too large: {size} bytes, over the {max_bytes}-byte limit")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None


def decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"not decodable as {encoding}: {exc.reason} at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = f"{exc.reason} at byte {exc.start}"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise InputError(f"unreadable encoding: not UTF-8 ({utf8_error}) and no other encoding fits")
    return str(best)


def read_text(path: Path, max_bytes: int | None = None) -> str:
    return decode(read_bytes(path, max_bytes))
