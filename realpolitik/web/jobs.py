"""Background jobs for writes: ingest uploads/URLs and (re-)coding, one at a time, with progress.

Writes run one after another on a single worker thread, so two jobs never write the store at
once; reads keep being served from their own cursors meanwhile. Job records live in memory for
the life of the server (the store's ingest log is the lasting record of what was ingested).
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
import traceback
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, Callable

MAX_KEPT = 200  # finished jobs kept for the status endpoint


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class Job:
    id: str
    kind: str  # ingest | code
    status: str = "queued"  # queued | running | done | failed
    created: str = field(default_factory=_now)
    started: str | None = None
    finished: str | None = None
    done: int = 0  # items or documents handled so far
    total: int | None = None
    message: str = ""
    result: dict[str, Any] | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class JobRunner:
    def __init__(self, hub, settings):
        self.hub = hub
        self.settings = settings
        self.jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="realpolitik-job")
        self._idle = threading.Event()
        self._idle.set()

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def list(self) -> list[Job]:
        return sorted(self.jobs.values(), key=lambda j: j.created, reverse=True)

    def submit(self, kind: str, work: Callable[[Job, Any], dict], cleanup: Callable[[], None] | None = None) -> Job:
        job = Job(id=uuid.uuid4().hex[:12], kind=kind)
        with self._lock:
            self.jobs[job.id] = job
            self._trim()
        self._pool.submit(self._run, job, work, cleanup)
        return job

    def _trim(self) -> None:
        finished = [j for j in self.list() if j.status in ("done", "failed")]
        for j in finished[MAX_KEPT:]:
            self.jobs.pop(j.id, None)

    def _run(self, job: Job, work, cleanup) -> None:
        self._idle.clear()
        job.status, job.started = "running", _now()
        try:
            store = self.hub.view()
        except Exception as exc:  # the store was closed under us (server stopping)
            job.status, job.error, job.finished = "failed", f"{type(exc).__name__}: {exc}", _now()
            self._idle.set()
            return
        try:
            job.result = work(job, store)
            job.status = "done"
        except Exception as exc:  # the job fails; the server goes on
            job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
            job.message = traceback.format_exc(limit=3).splitlines()[-1]
        finally:
            job.finished = _now()
            store.close()
            if cleanup:
                cleanup()
            self._idle.set()

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Drop queued jobs and give a running one `timeout` seconds; True if none is left running."""
        for job in self.jobs.values():
            if job.status == "queued":
                job.status, job.error = "failed", "server stopped before the job started"
        self._pool.shutdown(wait=False, cancel_futures=True)
        return self._idle.wait(timeout)


# -- the work ------------------------------------------------------------------------------------
def ingest_work(inputs: list[str], allow_private: bool):
    def work(job: Job, store) -> dict:
        from ..ingest import ingest

        def progress(sources_done, sources_total, items_done, source) -> None:
            job.total, job.done = sources_total, sources_done
            job.message = f"{items_done} items read"

        report = ingest(inputs, store, allow_private=allow_private, progress=progress)
        counts: dict[str, int] = {}
        failed = []
        for r in report.results:
            counts[r.status] = counts.get(r.status, 0) + 1
            if r.status == "failed" and len(failed) < 50:
                failed.append({"item": r.item_key, "reason": r.reason})
        job.message = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "nothing read"
        return {"counts": counts, "failed": failed, "ignored": list(report.ignored)[:50]}

    return work


def code_work(recode: bool, workers: int | None, spec: Any):
    def work(job: Job, store) -> dict:
        from ..analysis import refresh_dyad_daily
        from ..store.events import code_store

        job.total = store.scalar("SELECT count(*) FROM articles" + ("" if recode else " WHERE coded_at IS NULL"))

        def on_doc(_r) -> None:
            job.done += 1

        # Each worker process loads the spaCy pipeline: at most 4, and no more than the cores.
        res = code_store(store, workers=workers or min(4, os.cpu_count() or 1), spec=spec, recode=recode, on_doc=on_doc)
        refresh_dyad_daily(store)  # keep the analyses' fast path current
        job.message = f"coded {res.articles} articles: {res.events} event mentions"
        return {"articles": res.articles, "events": res.events, "coder_version": res.coder_version,
                "failed": [{"article_id": a, "error": e} for a, e in (res.failed or [])][:50]}

    return work


def remove_dir(path) -> Callable[[], None]:
    return lambda: shutil.rmtree(path, ignore_errors=True)
