"""What readers hand to the pipeline: one Item per input item, with an article or a verdict."""
from __future__ import annotations

from dataclasses import dataclass

from ..records import Article

STORED, DUPLICATE, SKIPPED, FAILED = "stored", "duplicate", "skipped", "failed"
# Not a log status: the item was already accounted for by an earlier run.
UNCHANGED = "unchanged"


class InputError(Exception):
    """A problem with one input item; the message is the one-line reason that gets logged."""


@dataclass
class Item:
    key: str  # ingest_log.item_key: path, path#L12, url, feed#entry
    input: str  # the argument the user gave
    article: Article | None = None
    status: str | None = None  # FAILED / SKIPPED / UNCHANGED when there is no article
    reason: str | None = None

    @classmethod
    def failed(cls, key: str, input: str, reason: str) -> "Item":
        return cls(key, input, status=FAILED, reason=reason)

    @classmethod
    def skipped(cls, key: str, input: str, reason: str) -> "Item":
        return cls(key, input, status=SKIPPED, reason=reason)


def truthy(value: object) -> bool:
    """Metadata flags arrive as true, "true", "yes", 1 ..."""
    if isinstance(value, str):
        return value.strip().lower() in {"true", "yes", "1", "y", "on"}
    return bool(value)
