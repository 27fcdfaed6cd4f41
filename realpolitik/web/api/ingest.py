"""/api/status, /api/ingest/*, /api/code, /api/jobs: what is stored, and writes as background jobs.

Writes need the token (see security.py). Uploaded files are saved to a private temporary folder
under their base names only, ingested like files given on the command line, then deleted.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from pydantic import BaseModel, Field

from .. import cache
from ..deps import reader
from ..jobs import code_work, ingest_work, remove_dir
from ..jsonable import Json
from ..schemas import ERRORS, WRITE_ERRORS, ErrorBody, JobAccepted, JobList, JobOne, Status
from ..security import require_read, require_write

router = APIRouter(prefix="/api", tags=["ingest"])
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class UrlSubmission(BaseModel):
    urls: list[str] = Field(..., min_length=1, max_length=100, description="Article pages or RSS/Atom feeds (http/https).")


class CodeRequest(BaseModel):
    recode: bool = Field(False, description="Forget earlier coding and code every article again.")


async def _writable(request: Request) -> None:
    hub = request.app.state.hub
    if not hub.writable:
        raise HTTPException(503, f"the store cannot be written by this server ({hub.note})")


def _job(job, status: int = 202) -> Json:
    return Json({"job": job.to_dict(), "status_url": f"/api/jobs/{job.id}"}, status_code=status)


@router.get("/status", summary="Ingest status: stored articles, ingest log counts, coding progress, jobs",
            response_model=Status, responses=ERRORS)
def status(request: Request, store=Depends(reader)):
    counts = {r["status"]: r["n"] for r in store.rows("SELECT status, count(*) AS n FROM ingest_log GROUP BY 1")}
    one = store.rows("""
        SELECT (SELECT count(*) FROM articles) AS articles,
               (SELECT count(*) FROM articles WHERE coded_at IS NULL) AS uncoded,
               (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM mentions) AS mentions,
               (SELECT min(date) FROM events) AS first_event, (SELECT max(date) FROM events) AS last_event,
               (SELECT max(logged_at) FROM ingest_log) AS last_ingest""")[0]
    recent = store.rows("SELECT item_key, status, reason, logged_at FROM ingest_log ORDER BY logged_at DESC, item_key LIMIT 20")
    hub = request.app.state.hub
    jobs = [j.to_dict() for j in request.app.state.jobs.list()[:20]]
    return Json({**one, "ingest_log": counts, "recent": recent, "writable": hub.writable, "note": hub.note,
                 "jobs": jobs})


@router.post("/ingest/files", status_code=202, summary="Upload files (multipart) to ingest as a background job",
             dependencies=[Depends(require_write), Depends(_writable)], response_model=JobAccepted, responses=WRITE_ERRORS)
async def ingest_files(request: Request, files: list[UploadFile] = File(..., description="Text, Markdown, HTML, JSONL, CSV, RSS/Atom files.")):
    settings = request.app.state.settings
    if len(files) > settings.max_upload_files:
        raise HTTPException(413, f"too many files: at most {settings.max_upload_files} per request")
    folder = Path(tempfile.mkdtemp(prefix="realpolitik-upload-"))
    paths, used = [], set()
    try:
        for n, f in enumerate(files):
            base = _SAFE_NAME.sub("_", os.path.basename(f.filename or "")).strip("._") or f"upload-{n}"
            name = base if base not in used else f"{n}-{base}"
            used.add(name)
            path = folder / name
            path.write_bytes(await f.read())
            paths.append(str(path))
    except Exception:
        remove_dir(folder)()
        raise
    job = request.app.state.jobs.submit("ingest", ingest_work(paths, settings.allow_private_urls), remove_dir(folder))
    job.message = f"{len(paths)} file(s) queued"
    return _job(job)


@router.post("/ingest/urls", status_code=202, summary="Fetch article URLs or feeds and ingest them as a background job",
             dependencies=[Depends(require_write), Depends(_writable)], response_model=JobAccepted, responses=WRITE_ERRORS)
def ingest_urls(body: UrlSubmission, request: Request):
    bad = [u for u in body.urls if urlsplit(u).scheme not in ("http", "https") or not urlsplit(u).netloc]
    if bad:
        raise HTTPException(400, f"not an http(s) URL: {bad[0][:200]!r}")
    settings = request.app.state.settings
    job = request.app.state.jobs.submit("ingest", ingest_work(body.urls, settings.allow_private_urls))
    return _job(job)


@router.post("/code", status_code=202, summary="Code the stored articles not yet coded (all with recode) as a job",
             dependencies=[Depends(require_write), Depends(_writable)], response_model=JobAccepted, responses=WRITE_ERRORS)
def code(request: Request, body: Optional[CodeRequest] = None):
    settings = request.app.state.settings
    body = body or CodeRequest()
    job = request.app.state.jobs.submit("code", code_work(body.recode, settings.code_workers, settings.coder_spec),
                                        cache.clear)
    return _job(job)


@router.get("/jobs", summary="Recent jobs, newest first", dependencies=[Depends(require_read)], response_model=JobList,
            responses=ERRORS)
def jobs(request: Request):
    return Json({"jobs": [j.to_dict() for j in request.app.state.jobs.list()]})


@router.get("/jobs/{job_id}", summary="One job's status and progress", dependencies=[Depends(require_read)],
            response_model=JobOne, responses={**ERRORS, 404: {"model": ErrorBody, "description": "No such job"}})
def job(job_id: str, request: Request):
    found = request.app.state.jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"job {job_id!r}: not found")
    return Json({"job": found.to_dict()})
