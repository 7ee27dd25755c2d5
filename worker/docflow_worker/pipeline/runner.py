"""Runs one attempt of a job through the stages  start → parse → extract → store.

Each stage boundary is a fenced transaction (JobService) that records the stage's events; a
cancelled job, or one taken over after this worker was presumed dead, stops at the next boundary
it writes; between boundaries a heartbeat thread keeps the attempt's (short) lease alive. A stage
that ended within `QUICK_STAGE_S` of the previous boundary does not get a transaction of its own:
its events are carried into the next one, still in order and describing the job as it was (a
one-page invoice is claimed and starts parsing in one transaction, and is parsed, extracted and
stored in a second). Nobody could have watched a boundary that short, and
the fenced completion still refuses an attempt cancelled meanwhile, so nothing is stored for it.
Any failure ends the attempt `failed` with a readable message, after the events carried so far,
and a `job_failed` event — except the database being unreachable: each transaction is tried again
with backoff for `db_retry_seconds` (it is whole and fenced, so a retry never writes twice), and
past that the error goes to the task, whose delivery Celery retries; a job claimed meanwhile goes
back to the queue when its lease runs out. A database outage delays jobs; it fails none. Nor does
a file store that cannot be reached: the attempt is given back (queued again, `job_queued` with
reason `storage_unavailable`) and the task delivered again later, with backoff. A stage
that ignores the soft time limit is killed by the hard one, and the worker's main process records
the failure (`stopped_by_hard_limit`).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded

from docflow.config import get_settings
from docflow.db import unit_of_work
from docflow.errors import StorageUnavailable
from docflow.events.publisher import NewEvent
from docflow.job.service import JobCancelled, JobService, WorkerClaim
from docflow.models import JobStatus
from docflow.observability import context as log_context
from docflow.observability.metrics import JOBS_FINISHED, STAGE_DURATION
from docflow.storage import get_storage
from docflow_worker.pipeline import extract, parse, store
from docflow_worker.pipeline.context import PipelineContext, StageFailed
from docflow_worker.pipeline.heartbeat import LeaseHeartbeat
from docflow_worker.pipeline.retry import DATABASE_UNAVAILABLE, in_transaction

log = logging.getLogger(__name__)

QUICK_STAGE_S = 0.5


def run_job(job_id: uuid.UUID, attempt: int) -> None:
    claim = in_transaction("claiming", lambda: _claim(job_id, attempt))
    if claim is None:
        log.info(
            "job %s attempt %s: not claimable (duplicate, stale or cancelled)", job_id, attempt
        )
        return
    log_context.bind(document_id=claim.document_id)
    # The heartbeat covers the download too: a large file from a slow store keeps the lease.
    with LeaseHeartbeat(claim, get_settings().heartbeat_interval), ExitStack() as files:
        try:
            path = files.enter_context(get_storage().local_copy(claim.stored_file_path))
        except FileNotFoundError:
            _fail_attempt(claim, "The stored file is missing.", parse.name, [])
            return
        except StorageUnavailable:
            log.warning("job %s attempt %s: file store unavailable, given back", job_id, attempt)
            in_transaction("giving the job back", lambda: _give_back(claim))
            raise  # the task is delivered again later (tasks.py), with backoff
        _run_stages(_context(claim, path))


@contextmanager
def _timed(stage: str) -> Iterator[None]:
    """Record how long the stage took (docflow_stage_duration_seconds), however it ended."""
    started = time.perf_counter()
    try:
        yield
    finally:
        STAGE_DURATION.labels(stage).observe(time.perf_counter() - started)


def _run_stages(ctx: PipelineContext) -> None:
    job_id, attempt = ctx.claim.job_id, ctx.claim.attempt
    stage = parse.name
    try:
        with _timed(parse.name):
            parse.run(ctx)
        assert ctx.parsed is not None
        stage = extract.name
        _boundary(
            ctx,
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
        with _timed(extract.name):
            extract.run(ctx)
        stage = store.name
        with _timed(store.name):
            in_transaction("storing", lambda: _store(ctx))
        ctx.unrecorded.clear()
        JOBS_FINISHED.labels("completed").inc()
    except JobCancelled:
        log.info("job %s attempt %s stopped: cancelled or taken over", job_id, attempt)
    except StageFailed as exc:
        _fail(ctx, str(exc), stage)
    except SoftTimeLimitExceeded:
        limit = get_settings().task_soft_time_limit
        _fail(ctx, f"Processing took longer than the {limit} s limit while {stage}.", stage)
    except DATABASE_UNAVAILABLE:
        raise  # not the document's fault: the task is delivered again (see the module docstring)
    except Exception as exc:
        if not _still_owned(ctx):  # e.g. its document was deleted (file and rows) meanwhile
            log.info("job %s attempt %s stopped: cancelled, taken over or deleted", job_id, attempt)
            return
        log.exception("job %s failed while %s", job_id, stage)
        _fail(ctx, f"Unexpected error while {stage}: {type(exc).__name__}.", stage)


def stopped_by_hard_limit(job_id: uuid.UUID, attempt: int) -> None:
    """In the worker's main process, once the hard time limit killed the process running this
    attempt (a stage that ignored the soft limit): end it `failed` now, rather than leaving it to
    the sweeper, which would hand the same document to worker after worker. One try only — the
    main process must not wait on an unreachable database; the lease then recovers the job."""
    limit = get_settings().task_hard_time_limit
    try:
        with unit_of_work() as session:
            failed = JobService(session).fail_stopped(job_id, attempt, limit=limit)
    except Exception:
        log.exception(
            "job %s attempt %s: the hard time limit could not be recorded", job_id, attempt
        )
        return
    if failed is not None:
        JOBS_FINISHED.labels("failed").inc()
        log.warning(
            "job %s attempt %s failed: stopped by the %s s hard limit", job_id, attempt, limit
        )


def _store(ctx: PipelineContext) -> None:
    with unit_of_work() as session:
        store.run(ctx, session)


def _claim(job_id: uuid.UUID, attempt: int) -> WorkerClaim | None:
    with unit_of_work() as session:
        return JobService(session).claim(
            job_id, attempt, stage=parse.name, progress=10, events=_parsing_started
        )


def _give_back(claim: WorkerClaim) -> None:
    with unit_of_work() as session:
        JobService(session).give_back(claim, reason="storage_unavailable")


def _context(claim: WorkerClaim, file_path: Path) -> PipelineContext:
    return PipelineContext(
        claim=claim,
        document_id=claim.document_id,
        file_path=file_path,
        mime_type=claim.mime_type,
        boundary_at=time.monotonic(),
    )


def _parsing_started(claim: WorkerClaim) -> list[NewEvent]:
    return [_processing("document_parsing_started", {"mime_type": claim.mime_type}, 10, parse.name)]


def _boundary(
    ctx: PipelineContext,
    *,
    stage: str,
    progress: int,
    events: list[tuple[str, dict[str, Any]]],
) -> None:
    """Enter `stage`: record its events now, or carry them into the next transaction when the
    stage that just ended was quick."""
    ctx.unrecorded.extend(_processing(type, data, progress, stage) for type, data in events)
    now = time.monotonic()
    if now - ctx.boundary_at < QUICK_STAGE_S:
        return

    def advance() -> None:
        with unit_of_work() as session:
            JobService(session).advance(
                ctx.claim, stage=stage, progress=progress, events=ctx.unrecorded
            )

    in_transaction(f"entering {stage}", advance)
    ctx.unrecorded.clear()
    ctx.boundary_at = time.monotonic()


def _processing(type: str, data: dict[str, Any], progress: int, stage: str) -> NewEvent:
    """An event of the running attempt, as the job was when it happened."""
    return NewEvent(type, data, status=JobStatus.processing, progress=progress, stage=stage)


def _fail(ctx: PipelineContext, message: str, stage: str) -> None:
    _fail_attempt(ctx.claim, message, stage, ctx.unrecorded)


def _fail_attempt(claim: WorkerClaim, message: str, stage: str, events: list[NewEvent]) -> None:
    """End the attempt `failed`; nothing is written when this worker no longer owns it (it was
    cancelled, taken over, or its document was deleted — the job row is gone then)."""

    def fail() -> bool:
        with unit_of_work() as session:
            job = JobService(session).fail(claim, error=message, stage=stage, events=events)
            return job is not None

    if in_transaction("recording the failure", fail):
        JOBS_FINISHED.labels("failed").inc()
        return
    log.info(
        "job %s attempt %s stopped (%s): cancelled, taken over or deleted meanwhile",
        claim.job_id,
        claim.attempt,
        message,
    )


def _still_owned(ctx: PipelineContext) -> bool:
    def renew() -> bool:
        with unit_of_work() as session:
            return JobService(session).renew_lease(ctx.claim)

    return in_transaction("checking the claim", renew)
