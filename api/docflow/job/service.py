"""Job state machine. Every transition is a conditional UPDATE (so racing callers cannot both win),
records its event in the same transaction, and enqueues/publishes only after commit.

    queued → processing → completed | failed
    failed | cancelled → queued        (retry: retry_count + 1, a new attempt)
    queued | processing → cancelled    (the worker stops at its next stage boundary)
    processing → queued                (sweeper: the worker died and its lease ran out; or the
                                        worker gave it back: its file store was unreachable)
    processing → failed                (the worker's hard time limit stopped the attempt)

A worker owns the attempt it claimed while its lease lasts; it renews the lease at every stage
boundary and, between them, from a heartbeat (`renew_lease`), so the lease can be short: a job
whose worker died goes back to the queue within `job_lease_seconds` + `sweep_interval_seconds`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.config import get_settings
from docflow.db import after_commit, autocommit_session
from docflow.errors import InvalidState, NotFound
from docflow.events.publisher import NewEvent, record_event, record_events
from docflow.events.repository import EventRepository
from docflow.job.queue import send_process_job
from docflow.job.repository import JobRepository, OperationalStats
from docflow.models import Document, DocumentStatus, Job, JobStatus
from docflow.models import Job as JobModel

# A job nobody has run for this long past its lease (or queued without reaching the broker) is
# reported as stranded (the sweeper normally picks such jobs up within seconds).
STRANDED_AFTER = timedelta(seconds=60)


@dataclass(frozen=True)
class WorkerClaim:
    """Proof that this worker owns one attempt of a job (every later write is fenced by it), and
    the file that attempt reads."""

    job_id: uuid.UUID
    document_id: uuid.UUID
    attempt: int
    token: uuid.UUID
    mime_type: str
    stored_file_path: str


class JobCancelled(Exception):
    """The job was cancelled (or taken over) while this worker ran it: stop quietly."""


def dispatch(job_id: uuid.UUID, attempt: int, **ids: Any) -> None:
    """After commit: hand the attempt to the broker and note that it was handed over (one
    autocommitted UPDATE). Until that note is written, the sweeper treats the job as never sent
    and sends it again after a grace period; a duplicate delivery is harmless."""
    if send_process_job(job_id, attempt, **ids):
        with autocommit_session() as session:
            JobRepository(session).mark_enqueued(job_id, attempt)


class JobService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.repo = JobRepository(session)

    # API side --------------------------------------------------------------------------------
    def create_for_document(self, document: Document) -> Job:
        job = self.repo.add(
            Job(
                document_id=document.id,
                workspace_id=document.workspace_id,
                status=JobStatus.queued,
                progress_percentage=0,
                current_stage="queued",
                retry_count=0,
                attempt=1,
            )
        )
        record_event(self.session, job, "job_queued", data={"filename": document.original_filename})
        self._enqueue_after_commit(job)
        return job

    def get(self, principal: Principal, job_id: uuid.UUID) -> Job:
        job = self.repo.get(job_id, principal.workspace_id)
        if job is None:
            raise NotFound("Job not found.")
        return job

    def retry(self, principal: Principal, job_id: uuid.UUID) -> Job:
        principal.require("write")
        self.get(principal, job_id)
        job = self.repo.transition(
            job_id,
            where=[JobModel.status.in_([JobStatus.failed, JobStatus.cancelled])],
            values={
                "status": JobStatus.queued,
                "retry_count": JobModel.retry_count + 1,
                "attempt": JobModel.attempt + 1,
                "progress_percentage": 0,
                "current_stage": "queued",
                "error_message": None,
                "claim_token": None,
                "lease_expires_at": None,
                "enqueued_at": None,
                "started_at": None,
                "completed_at": None,
            },
            document_status=DocumentStatus.queued,
        )
        if job is None:
            raise self._invalid(job_id, "retried", "failed or cancelled")
        record_event(
            self.session, job, "job_queued", data={"retry": True, "by": str(principal.user_id)}
        )
        self._enqueue_after_commit(job)
        return job

    def cancel(self, principal: Principal, job_id: uuid.UUID) -> Job:
        principal.require("write")
        self.get(principal, job_id)
        job = self.repo.transition(
            job_id,
            where=[JobModel.status.in_([JobStatus.queued, JobStatus.processing])],
            values={
                "status": JobStatus.cancelled,
                "current_stage": "cancelled",
                "claim_token": None,
                "lease_expires_at": None,
                "completed_at": func.now(),
            },
            document_status=DocumentStatus.cancelled,
        )
        if job is None:
            raise self._invalid(job_id, "cancelled", "queued or processing")
        record_event(self.session, job, "job_cancelled", data={"by": str(principal.user_id)})
        return job

    def _invalid(self, job_id: uuid.UUID, verb: str, allowed: str) -> InvalidState:
        current = self.repo.get(job_id)
        status = current.status if current else "unknown"
        return InvalidState(
            f"The job is {status}; only a {allowed} job can be {verb}.",
            details={"status": status},
        )

    def _enqueue_after_commit(self, job: Job) -> None:
        job_id, attempt = job.id, job.attempt
        ids = {"document_id": job.document_id, "workspace_id": job.workspace_id}
        after_commit(self.session, lambda: dispatch(job_id, attempt, **ids))

    # Worker side -----------------------------------------------------------------------------
    def claim(
        self,
        job_id: uuid.UUID,
        attempt: int,
        *,
        stage: str,
        progress: int,
        events: Callable[[WorkerClaim], Sequence[NewEvent]] = lambda _: (),
    ) -> WorkerClaim | None:
        """Take a queued attempt and enter its first stage: records `job_started`, then the
        stage's `events` (built from the claim, which knows the file). None for a duplicate,
        stale or cancelled delivery (nothing is written)."""
        token = uuid.uuid4()
        claimed = self.repo.claim(
            job_id,
            attempt,
            token=token,
            lease=timedelta(seconds=get_settings().job_lease_seconds),
            stage=stage,
            progress=progress,
        )
        if claimed is None:
            return None
        job = claimed.job
        claim = WorkerClaim(
            job.id, job.document_id, job.attempt, token, claimed.mime_type, claimed.stored_file_path
        )
        started = NewEvent("job_started", progress=5, stage="starting")
        record_events(self.session, job, [started, *events(claim)])
        return claim

    def advance(
        self,
        claim: WorkerClaim,
        *,
        stage: str,
        progress: int,
        events: Sequence[NewEvent],
    ) -> Job:
        """Move to a new stage (renewing the lease) and record its events; raises JobCancelled
        when this worker no longer owns the attempt — the stage boundary where cancel takes hold."""
        lease = timedelta(seconds=get_settings().job_lease_seconds)
        job = self.repo.transition(
            claim.job_id,
            where=self._owned(claim),
            values={
                "current_stage": stage,
                "progress_percentage": progress,
                "lease_expires_at": func.now() + lease,
            },
        )
        if job is None:
            raise JobCancelled(str(claim.job_id))
        record_events(self.session, job, events)
        return job

    def renew_lease(self, claim: WorkerClaim) -> bool:
        """The worker's heartbeat: extend the lease of the attempt `claim` owns. False when it no
        longer owns it (cancelled, or taken over after the lease ran out)."""
        lease = timedelta(seconds=get_settings().job_lease_seconds)
        return self.repo.renew_lease(claim.job_id, claim.attempt, claim.token, lease)

    @contextmanager
    def completing(
        self,
        claim: WorkerClaim,
        *,
        events: Sequence[NewEvent],
        data: dict[str, Any],
        document_status_by_caller: bool = False,
    ) -> Iterator[Job]:
        """Complete the attempt around the caller's writes (its result), in one transaction.

        The fenced UPDATE comes first: an attempt that was cancelled or taken over raises
        JobCancelled before anything is written. The document's status and the events — the
        attempt's last `events`, then `job_completed` — come last, so the event-order lock is
        held only from that INSERT to the commit. An exception inside writes nothing more.
        With `document_status_by_caller` the caller's own document UPDATE sets the document
        `completed` (one row write instead of two).
        """
        completed = self.repo.complete(claim.job_id, claim.attempt, claim.token)
        if completed is None:
            raise JobCancelled(str(claim.job_id))
        job, _document = completed  # held: the caller's writes find the document loaded
        yield job
        if not document_status_by_caller:
            self.repo.mirror_document_status(job.document_id, DocumentStatus.completed)
        record_events(self.session, job, [*events, NewEvent("job_completed", data)])

    def fail(
        self,
        claim: WorkerClaim,
        *,
        error: str,
        stage: str,
        events: Sequence[NewEvent] = (),
    ) -> Job | None:
        """End the attempt `failed`. `events` are what happened before the failure but was not
        recorded yet; they precede `job_failed`."""
        job = self.repo.transition(
            claim.job_id,
            where=self._owned(claim),
            values={
                "status": JobStatus.failed,
                "error_message": error,
                "current_stage": "failed",
                "completed_at": func.now(),
                "lease_expires_at": None,
            },
            document_status=DocumentStatus.failed,
        )
        if job is not None:
            failed = NewEvent("job_failed", {"error": error, "stage": stage})
            record_events(self.session, job, [*events, failed])
        return job

    def give_back(self, claim: WorkerClaim, *, reason: str) -> Job | None:
        """processing → queued: this worker cannot run the attempt now (its file could not be
        fetched from the store) and has the task delivered again later; the same attempt, so the
        next delivery claims it. None when it no longer owns the attempt."""
        job = self.repo.transition(
            claim.job_id,
            where=self._owned(claim),
            values={
                "status": JobStatus.queued,
                "claim_token": None,
                "lease_expires_at": None,
                "current_stage": "queued",
                "progress_percentage": 0,
                "started_at": None,
                "enqueued_at": func.now(),  # the delivery again is sent by the task right now
            },
            document_status=DocumentStatus.queued,
        )
        if job is not None:
            record_event(self.session, job, "job_queued", data={"reason": reason})
        return job

    def fail_stopped(self, job_id: uuid.UUID, attempt: int, *, limit: int) -> Job | None:
        """End an attempt `failed` whose worker the hard time limit stopped (the worker's main
        process reports it; the stopped process cannot). None when the attempt is no longer
        processing (it ended, or was cancelled or taken over meanwhile)."""
        current = self.repo.get(job_id)
        if current is None or current.status != JobStatus.processing or current.attempt != attempt:
            return None
        stage = current.current_stage
        error = f"Processing took longer than the {limit} s limit while {stage}; it was stopped."
        where = [JobModel.status == JobStatus.processing, JobModel.attempt == attempt]
        return self._fail_processing(job_id, where, error, stage)

    @staticmethod
    def _owned(claim: WorkerClaim) -> list[Any]:
        return [
            JobModel.status == JobStatus.processing,
            JobModel.attempt == claim.attempt,
            JobModel.claim_token == claim.token,
        ]

    # Operations ------------------------------------------------------------------------------
    def operational_stats(self) -> OperationalStats:
        return self.repo.operational_stats(stranded_after=STRANDED_AFTER)

    # Sweeper ---------------------------------------------------------------------------------
    def requeue_stranded(self, limit: int = 100) -> list[tuple[uuid.UUID, int]]:
        """Send again every job that would otherwise never run. Returns what was sent."""
        settings = get_settings()
        jobs = self.repo.lock_stranded(
            grace=timedelta(seconds=max(2.0, settings.sweep_interval_seconds)),
            lost_after=timedelta(seconds=settings.requeue_lost_after_seconds),
            limit=limit,
        )
        sent: list[tuple[uuid.UUID, int]] = []
        events = EventRepository(self.session)
        for job in jobs:
            if job.status == JobStatus.processing:
                losses = events.count_requeues(job.id, job.attempt, "worker_lost")
                if losses >= settings.max_worker_losses:
                    self._fail_poisoned(job, losses + 1)
                    continue
                reset = self.repo.transition(
                    job.id,
                    where=[JobModel.status == JobStatus.processing],
                    values={
                        "status": JobStatus.queued,
                        "claim_token": None,
                        "lease_expires_at": None,
                        "current_stage": "queued",
                        "enqueued_at": None,
                    },
                    document_status=DocumentStatus.queued,
                )
                if reset is None:
                    continue
                record_event(self.session, reset, "job_queued", data={"reason": "worker_lost"})
            self._enqueue_after_commit(job)
            sent.append((job.id, job.attempt))
        return sent

    def forget_enqueued(self) -> int:
        """The broker lost its messages (emptied, or restarted without its data): every queued
        job is sent again by the sweeps that follow. Returns how many."""
        return self.repo.forget_enqueued()

    def _fail_processing(
        self, job_id: uuid.UUID, where: list[Any], error: str, stage: str | None
    ) -> Job | None:
        """End a processing attempt `failed` (no claim, no lease) where `where` still holds, with
        its `job_failed` event; None when it no longer does."""
        job = self.repo.transition(
            job_id,
            where=where,
            values={
                "status": JobStatus.failed,
                "error_message": error,
                "current_stage": "failed",
                "claim_token": None,
                "lease_expires_at": None,
                "completed_at": func.now(),
            },
            document_status=DocumentStatus.failed,
        )
        if job is not None:
            record_event(self.session, job, "job_failed", data={"error": error, "stage": stage})
        return job

    def _fail_poisoned(self, job: Job, losses: int) -> None:
        """A document that kills its worker every time (a hard time limit, the OOM killer) must
        end `failed`, not be handed to worker after worker forever."""
        error = (
            f"The worker stopped while processing this document {losses} times "
            "(a time or memory limit); it may be too large or malformed to process."
        )
        self._fail_processing(job.id, [JobModel.status == JobStatus.processing], error, "lost")
