"""Coding many documents on every core: N worker processes, each with one `Coder`.

Documents go to workers in small chunks; at most a few chunks per worker are in flight, so memory
stays flat however long the input, and results come back in input order. Each worker builds its
Coder once (pool initializer): loading spaCy and the actor dictionaries is the expensive part.

    for doc, events in code_docs(docs, workers=4):
        ...
"""
from __future__ import annotations

import collections
import concurrent.futures as cf
import multiprocessing as mp
import os
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from ..config import DEFAULT_MODEL
from ..records import Event

CHUNK_SIZE = 16  # documents per task: enough for spaCy batching, small enough to keep order cheap
IN_FLIGHT_PER_WORKER = 3  # queued chunks per worker: keeps workers busy without buffering input


@dataclass
class CoderSpec:
    """How to build a Coder in a worker (must pickle: it crosses the process boundary)."""

    model: str = DEFAULT_MODEL
    actor_files: tuple[str, ...] = ()
    petrarch_files: tuple[str, ...] = ()
    verb_files: tuple[str, ...] = ()  # PETRARCH/TABARI verb dictionaries
    # A top-level callable returning a coder-like object (tests use a fake); None = the Coder.
    factory: Callable[..., Any] | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def build(self) -> Any:
        if self.factory is not None:
            return self.factory(**self.options)
        from .coder import Coder

        return Coder(model=self.model, actor_files=self.actor_files,
                     petrarch_files=self.petrarch_files, verb_files=self.verb_files, **self.options)


@dataclass
class DocResult:
    """One document's outcome: its events, or the error that stopped coding it."""

    doc: dict
    events: list[Event]
    error: str | None = None


_WORKER_CODER: Any = None


def _init_worker(spec: CoderSpec) -> None:
    global _WORKER_CODER
    _WORKER_CODER = spec.build()


def _code_chunk(coder: Any, docs: list[dict]) -> list[tuple[list[Event], str | None]]:
    """Code a chunk; if the chunk fails, retry its documents one by one so only the bad one
    is lost (and reported), not its neighbours."""
    try:
        out = [(events, None) for _, events in coder.code_docs(docs)]
        if len(out) == len(docs):
            return out
        # One result per document is the contract; if it is broken, find out which one.
        raise RuntimeError(f"coder returned {len(out)} results for {len(docs)} documents")
    except Exception:
        out = []
        for d in docs:
            try:
                out.append((next(iter(coder.code_docs([d])))[1], None))
            except Exception as exc:  # noqa: BLE001 - reported per document to the caller
                out.append(([], f"{type(exc).__name__}: {exc}"))
        return out


def _worker_chunk(docs: list[dict]) -> tuple[list[tuple[list[Event], str | None]], str]:
    return _code_chunk(_WORKER_CODER, docs), str(getattr(_WORKER_CODER, "version", ""))


def _worker_pid() -> int:
    import time

    time.sleep(0.05)  # long enough that one worker cannot take every warm-up task
    return os.getpid()


def _chunks(docs: Iterable[dict], size: int) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for d in docs:
        chunk.append(d)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class ParallelCoder:
    """Codes document streams with `workers` processes (1 = in this process, no pool).

    `version` holds the coder's version string once the first chunk has come back.
    """

    def __init__(self, spec: CoderSpec | None = None, workers: int | None = None,
                 chunk_size: int = CHUNK_SIZE):
        self.spec = spec or CoderSpec()
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.chunk_size = max(1, chunk_size)
        self.version = ""
        self._local: Any = None
        self._pool: cf.ProcessPoolExecutor | None = None

    def __enter__(self) -> "ParallelCoder":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _pool_or_start(self) -> cf.ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the parent may hold a DuckDB connection and threads (progress
            # bars), which a forked child must not inherit.
            self._pool = cf.ProcessPoolExecutor(
                max_workers=self.workers, mp_context=mp.get_context("spawn"),
                initializer=_init_worker, initargs=(self.spec,),
            )
        return self._pool

    def warm_up(self) -> int:
        """Start every worker and wait until each has built its Coder (the pool otherwise
        starts workers as work arrives), so timings measure coding, not start-up.
        Returns the number of ready worker processes."""
        if self.workers == 1:
            if self._local is None:
                self._local = self.spec.build()
                self.version = str(getattr(self._local, "version", ""))
            return 1
        pool = self._pool_or_start()
        seen: set[int] = set()
        for _ in range(100):
            seen |= {f.result() for f in [pool.submit(_worker_pid) for _ in range(self.workers)]}
            if len(seen) >= self.workers:
                break
        return len(seen)

    def code(self, docs: Iterable[dict]) -> Iterator[DocResult]:
        """Yield one DocResult per input document, in input order."""
        if self.workers == 1:
            if self._local is None:
                self._local = self.spec.build()
                self.version = str(getattr(self._local, "version", ""))
            for chunk in _chunks(docs, self.chunk_size):
                for d, (events, error) in zip(chunk, _code_chunk(self._local, chunk)):
                    yield DocResult(d, events, error)
            return
        pool = self._pool_or_start()
        pending: collections.deque = collections.deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        for chunk in _chunks(docs, self.chunk_size):
            pending.append((chunk, pool.submit(_worker_chunk, chunk)))
            if len(pending) >= limit:
                yield from self._collect(*pending.popleft())
        while pending:
            yield from self._collect(*pending.popleft())

    def _collect(self, chunk: list[dict], future: cf.Future) -> Iterator[DocResult]:
        results, version = future.result()
        self.version = self.version or version
        for d, (events, error) in zip(chunk, results):
            yield DocResult(d, events, error)


def code_docs(docs: Iterable[dict], workers: int | None = None, model: str = DEFAULT_MODEL,
              actor_files: Iterable[str] = (), petrarch_files: Iterable[str] = (),
              chunk_size: int = CHUNK_SIZE, verb_files: Iterable[str] = ()) -> Iterator[tuple[dict, list[Event]]]:
    """(doc, events) for each document, in input order, coded on `workers` processes
    (default: every core). Documents whose coding failed yield no events."""
    spec = CoderSpec(model=model, actor_files=tuple(map(str, actor_files)),
                     petrarch_files=tuple(map(str, petrarch_files)), verb_files=tuple(map(str, verb_files)))
    with ParallelCoder(spec, workers=workers, chunk_size=chunk_size) as pc:
        for r in pc.code(docs):
            yield r.doc, r.events


def code_texts(texts: Iterable[str], workers: int | None = 1, **kwargs: Any) -> list[list[Event]]:
    """Events of each text, in order (ids are 'doc-0', 'doc-1', ...)."""
    docs = ({"id": f"doc-{i}", "text": t} for i, t in enumerate(texts))
    return [events for _, events in code_docs(docs, workers=workers, **kwargs)]


# -- files ------------------------------------------------------------------------------------
@dataclass
class FileProblem:
    where: str  # "path:line"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class CodeFileResult:
    docs: int = 0
    events: int = 0
    problems: list[FileProblem] = field(default_factory=list)  # malformed lines, failed docs


def read_docs(lines: Iterable[str], name: str, problems: list[FileProblem]) -> Iterator[dict]:
    """Documents from JSONL lines; a malformed line is recorded in `problems` and skipped."""
    import json

    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(FileProblem(f"{name}:{n}", f"not valid JSON ({exc.msg})"))
            continue
        if not isinstance(d, dict):
            problems.append(FileProblem(f"{name}:{n}", "not a JSON object"))
            continue
        text = d.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(FileProblem(f"{name}:{n}", 'no "text" string'))
            continue
        d.setdefault("id", f"line-{n}")
        d["id"] = str(d["id"])
        d["_line"] = n
        yield d


def code_file(src: Any, out: Any, name: str | None = None, workers: int | None = None,
              spec: CoderSpec | None = None, on_doc: Callable[[DocResult], None] | None = None,
              chunk_size: int = CHUNK_SIZE) -> CodeFileResult:
    """Code JSONL documents from `src` into `out`: one `Event.to_dict()` JSON object per line,
    in input order. `src` is a path or an iterable of lines, `out` a path or a text stream.
    Nothing is held beyond the chunks in flight."""
    import contextlib
    import json
    from pathlib import Path

    with contextlib.ExitStack() as stack:
        if isinstance(src, (str, Path)):
            name = name or str(src)
            src = stack.enter_context(open(src, encoding="utf-8"))
        if isinstance(out, (str, Path)):
            out = stack.enter_context(open(out, "w", encoding="utf-8"))
        name = name or "input"
        result = CodeFileResult()
        with ParallelCoder(spec, workers=workers, chunk_size=chunk_size) as pc:
            for r in pc.code(read_docs(src, name, result.problems)):
                result.docs += 1
                if r.error:
                    result.problems.append(FileProblem(f"{name}:{r.doc['_line']}", f"coding failed: {r.error}"))
                for ev in r.events:
                    out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
                result.events += len(r.events)
                if on_doc:
                    on_doc(r)
    return result
