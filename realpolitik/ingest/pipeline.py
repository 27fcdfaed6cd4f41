"""The ingest run: read every item, keep English, drop duplicates, store the rest with a log row each."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..store import articles as db
from ..store.db import Store
from . import language
from .dedup import Deduper, signature, to_bytes
from .fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from .items import DUPLICATE, FAILED, SKIPPED, STORED, UNCHANGED, Item
from .sources import Options, Source, expand, read_source
from .text import clean_text, content_hash

STATUSES = (STORED, DUPLICATE, SKIPPED, FAILED, UNCHANGED)


@dataclass
class ItemResult:
    item_key: str
    input: str
    status: str  # stored | duplicate | skipped | failed | unchanged (settled by an earlier run)
    article_id: str | None = None
    duplicate_of: str | None = None
    reason: str | None = None
    title: str | None = None
    warning: str | None = None  # stored, but with a problem worth telling (an unreadable date)
    undated: bool = False  # stored without a date: coding will date its events by ingest time


@dataclass
class IngestReport:
    results: list[ItemResult] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files in directories of unsupported types

    def counts(self) -> dict[str, int]:
        found = Counter(r.status for r in self.results)
        return {s: found.get(s, 0) for s in STATUSES}

    @property
    def failures(self) -> list[ItemResult]:
        return [r for r in self.results if r.status == FAILED]

    @property
    def warnings(self) -> list[ItemResult]:
        return [r for r in self.results if r.status == STORED and r.warning]

    @property
    def undated(self) -> int:
        """Articles stored by this run that have no date."""
        return sum(1 for r in self.results if r.status == STORED and r.undated)

    @property
    def ok(self) -> bool:
        return not self.failures


class _Run:
    def __init__(self, store: Store):
        self.store = store
        self.done = db.settled_keys(store)
        self.dedup = Deduper().load(db.signatures(store))
        self.writer = db.IngestWriter(store)

    def process(self, item: Item) -> ItemResult:
        # A settled key is never logged again: not when an input is given twice, and not when a
        # file stored earlier has since gone missing (that would orphan its article).
        if item.status == UNCHANGED or item.key in self.done:
            return ItemResult(item.key, item.input, UNCHANGED)
        self.done.add(item.key)
        if item.article is None:
            return self._log(item, item.status or FAILED, reason=item.reason)
        article = item.article
        article.text = clean_text(article.text or "")
        if not article.text:
            return self._log(item, SKIPPED, reason="empty text")
        # A language the input states is trusted; otherwise the text decides.
        lang = article.language or language.detect(article.text)
        if lang != "en":
            return self._log(item, SKIPPED, reason=f"language: {lang}")
        article.language = lang
        chash = content_hash(article.text)
        sig = signature(article.text)
        dup = self.dedup.duplicate_of(chash, sig)
        if dup:
            original, similarity = dup
            how = "exact copy" if similarity is None else f"near copy (similarity {similarity:.2f})"
            return self._log(item, DUPLICATE, duplicate_of=original, reason=how)
        article_id = "a" + chash[:16]
        row = db.article_row(article, article_id, chash, to_bytes(sig) if sig is not None else None)
        self.writer.add_article(row, item.key, item.input)
        self.dedup.add(article_id, chash, sig)
        warning = article.meta.get("date_error")
        if warning:
            warning += f"; kept {article.date} from the page" if article.date else "; stored without a date"
        return ItemResult(item.key, item.input, STORED, article_id=article_id, title=article.title,
                          warning=warning, undated=not article.date)

    def _log(self, item: Item, status: str, **kw) -> ItemResult:
        self.writer.add_log(item.key, item.input, status, **kw)
        return ItemResult(item.key, item.input, status, **kw)

    def finish(self, report: IngestReport) -> None:
        self.writer.flush()
        for result in report.results:
            if result.item_key in self.writer.clashes:
                result.status, result.reason = DUPLICATE, "exact copy"
                result.duplicate_of, result.article_id = self.writer.clashes[result.item_key], None


def ingest(
    inputs: Iterable[str],
    store: Store,
    allow_private: bool = False,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Callable[[int, int, int, Source], None] | None = None,
) -> IngestReport:
    """Ingest files, directories and URLs into the store; every item ends in the ingest log once.

    `progress(sources_done, sources_total, items_done, source)` is called after every item.
    """
    sources, ignored = expand(list(inputs))
    report = IngestReport(ignored=ignored)
    run = _Run(store)
    opts = Options(allow_private=allow_private, max_bytes=max_bytes, timeout=timeout)
    try:
        for n, src in enumerate(sources, start=1):
            items = read_source(src, run.done, opts)
            while True:
                try:
                    item = next(items)
                except StopIteration:
                    break
                except Exception as exc:  # a reader bug or library crash must not sink the whole run
                    item = Item.failed(src.location, src.input, f"unexpected error: {type(exc).__name__}: {exc}")
                    report.results.append(run.process(item))
                    break
                report.results.append(run.process(item))
                if progress:
                    progress(n - 1, len(sources), len(report.results), src)
            run.writer.flush_if_stale()
            if progress:
                progress(n, len(sources), len(report.results), src)
    except KeyboardInterrupt:
        run.finish(report)  # items finished before Ctrl-C are kept
        raise
    run.finish(report)
    return report
