"""Runs one attempt of a job through the stages  start → parse → extract → store.

Each boundary is a fenced transaction (JobService.advance) that records the stage's events; a
cancelled job, or one taken over after this worker was presumed dead, stops there. Any failure
ends the attempt `failed` with a readable message and a `job_failed` event.
"""

from __future__ import annotations

import logging
import uuid

from celery.exceptions import SoftTimeLimitExceeded

from docflow.config import get_settings
from docflow.db import unit_of_work
from docflow.document.repository import DocumentRepository
from docflow.job.service import JobCancelled, JobService, WorkerClaim
from docflow.storage import get_storage
from docflow_worker.pipeline import extract, parse, store
from docflow_worker.pipeline.context import PipelineContext, StageFailed

log = logging.getLogger(__name__)


def run_job(job_id: uuid.UUID, attempt: int) -> None:
    ctx = _start(job_id, attempt)
    if ctx is None:
        log.info("job %s attempt %s: not claimable (duplicate, stale or cancelled)", job_id, attempt)
        return
    stage = parse.name
    try:
        parse.run(ctx)
        assert ctx.parsed is not None
        stage = extract.name
        with unit_of_work() as session:
            JobService(session).advance(
                ctx.claim,
                stage=extract.name,
                progress=60,
                events=[
                    (
                        "document_parsing_completed",
                        {
                            "pages": len(ctx.parsed.pages),
                            "method": ctx.parsed.method,
                            "characters": len(ctx.parsed.text),
                        },
                    ),
                    ("field_extraction_started", {}),
                ],
            )
        extract.run(ctx)
        stage = store.name
        with unit_of_work() as session:
            store.run(ctx, session)
    except JobCancelled:
        log.info("job %s attempt %s stopped: cancelled or taken over", job_id, attempt)
    except StageFailed as exc:
        _fail(ctx.claim, str(exc), stage)
    except SoftTimeLimitExceeded:
        limit = get_settings().task_soft_time_limit
        _fail(ctx.claim, f"Processing took longer than the {limit} s limit while {stage}.", stage)
    except Exception as exc:
        log.exception("job %s failed while %s", job_id, stage)
        _fail(ctx.claim, f"Unexpected error while {stage}: {type(exc).__name__}.", stage)


def _start(job_id: uuid.UUID, attempt: int) -> PipelineContext | None:
    with unit_of_work() as session:
        jobs = JobService(session)
        claim = jobs.claim(job_id, attempt)
        if claim is None:
            return None
        document = DocumentRepository(session).get_any(claim.document_id)
        assert document is not None
        jobs.advance(
            claim,
            stage=parse.name,
            progress=10,
            events=[("document_parsing_started", {"mime_type": document.mime_type})],
        )
        return PipelineContext(
            claim=claim,
            document_id=document.id,
            file_path=get_storage().local_path(document.stored_file_path),
            mime_type=document.mime_type,
        )


def _fail(claim: WorkerClaim, message: str, stage: str) -> None:
    with unit_of_work() as session:
        JobService(session).fail(claim, error=message, stage=stage)
