from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, Interval, Table, and_, bindparam, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from docflow.models import Document, DocumentStatus, Job, JobStatus

# The worker's claim and completion run for every job: their statements are built once (each call
# is a compiled-cache lookup, not a new statement) and return only the columns events need.
# (Parameter names must not be column names: an UPDATE would take those as values to SET.)
_jobs = cast(Table, Job.__table__)
_documents = cast(Table, Document.__table__)
_EVENT_FIELDS = (
    _jobs.c.id,
    _jobs.c.document_id,
    _jobs.c.workspace_id,
    _jobs.c.status,
    _jobs.c.progress_percentage,
    _jobs.c.current_stage,
    _jobs.c.attempt,
)
_claimed = (
    update(_jobs)
    .where(
        _jobs.c.id == bindparam("job_id"),
        _jobs.c.status == JobStatus.queued,
        _jobs.c.attempt == bindparam("of_attempt"),
    )
    .values(
        status=JobStatus.processing,
        claim_token=bindparam("token"),
        lease_expires_at=func.now() + bindparam("lease", type_=Interval),
        started_at=func.now(),
        progress_percentage=bindparam("progress"),
        current_stage=bindparam("stage"),
        updated_at=func.now(),
    )
    .returning(*_EVENT_FIELDS)
    .cte("claimed")
)
_claimed_document = (
    update(_documents)
    .where(_documents.c.id == _claimed.c.document_id)
    .values(current_status=DocumentStatus.processing)
    .returning(_documents.c.id, _documents.c.mime_type, _documents.c.stored_file_path)
    .cte("claimed_document")
)
# Job row, then document row: the lock order of every transition.
_CLAIM = select(
    _claimed, _claimed_document.c.mime_type, _claimed_document.c.stored_file_path
).join_from(_claimed, _claimed_document, _claimed_document.c.id == _claimed.c.document_id)
_completed = (
    update(_jobs)
    .where(
        _jobs.c.id == bindparam("job_id"),
        _jobs.c.status == JobStatus.processing,
        _jobs.c.attempt == bindparam("of_attempt"),
        _jobs.c.claim_token == bindparam("token"),
    )
    .values(
        status=JobStatus.completed,
        progress_percentage=100,
        current_stage="completed",
        completed_at=func.now(),
        lease_expires_at=None,
        updated_at=func.now(),
    )
    .returning(*_EVENT_FIELDS)
    .cte("completed")
)
# The document is read, not locked: the store's writes take their own locks in their own order.
_COMPLETE = select(Document, _completed).join(_completed, _completed.c.document_id == Document.id)
_MARK_ENQUEUED = (
    update(_jobs)
    .where(_jobs.c.id == bindparam("job_id"), _jobs.c.attempt == bindparam("of_attempt"))
    .values(enqueued_at=func.now())
)
# The worker's heartbeat: only the claim that owns the attempt moves its lease (not `updated_at`:
# nothing a client sees changed).
_RENEW_LEASE = (
    update(_jobs)
    .where(
        _jobs.c.id == bindparam("job_id"),
        _jobs.c.status == JobStatus.processing,
        _jobs.c.attempt == bindparam("of_attempt"),
        _jobs.c.claim_token == bindparam("token"),
    )
    .values(lease_expires_at=func.now() + bindparam("lease", type_=Interval))
)
_MIRROR_STATUS = (
    update(_documents)
    .where(_documents.c.id == bindparam("document_id"))
    .values(current_status=bindparam("status"))
)


@dataclass(frozen=True)
class ClaimedJob:
    """A job this worker just claimed (the fields its events need) and the file to read."""

    job: Job
    mime_type: str
    stored_file_path: str


def _job(fields: Any) -> Job:
    """A transient Job carrying the columns of _EVENT_FIELDS."""
    return Job(**{column.name: fields[column.name] for column in _EVENT_FIELDS})


@dataclass(frozen=True)
class OperationalStats:
    """What an operator watches (docflow.observability.metrics)."""

    by_status: dict[str, int]
    oldest_queued_seconds: float
    stranded: int


class JobRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def operational_stats(self, *, stranded_after: timedelta) -> OperationalStats:
        """Jobs by status, how long the longest-queued job has waited (since it became queued),
        and how many jobs nobody runs: processing past their lease, or queued without having been
        handed to the broker, for longer than `stranded_after`."""
        now = func.now()
        by_status = {
            str(status): int(count)
            for status, count in self.session.execute(
                select(Job.status, func.count()).group_by(Job.status)
            )
        }
        oldest, stranded = self.session.execute(
            select(
                func.coalesce(
                    func.extract(
                        "epoch",
                        now - func.min(Job.updated_at).filter(Job.status == JobStatus.queued),
                    ),
                    0,
                ),
                func.count().filter(
                    or_(
                        and_(
                            Job.status == JobStatus.processing,
                            Job.lease_expires_at < now - stranded_after,
                        ),
                        and_(
                            Job.status == JobStatus.queued,
                            Job.enqueued_at.is_(None),
                            Job.updated_at < now - stranded_after,
                        ),
                    )
                ),
            )
        ).one()
        return OperationalStats(by_status, max(0.0, float(oldest)), int(stranded))

    def add(self, job: Job) -> Job:
        self.session.add(job)
        self.session.flush()
        return job

    def get(self, job_id: uuid.UUID, workspace_id: uuid.UUID | None = None) -> Job | None:
        query = select(Job).where(Job.id == job_id)
        if workspace_id is not None:
            query = query.where(Job.workspace_id == workspace_id)
        return self.session.scalar(query)

    def for_document(self, document_id: uuid.UUID) -> Job | None:
        return self.session.scalar(select(Job).where(Job.document_id == document_id))

    def transition(
        self,
        job_id: uuid.UUID,
        *,
        where: list[ColumnElement[bool]],
        values: dict[str, Any],
        document_status: str | None = None,
    ) -> Job | None:
        """Conditional UPDATE: only one of several racing callers can match `where`.

        The document's `current_status` is mirrored in the same transaction.
        """
        job = self.session.scalar(
            update(Job)
            .where(Job.id == job_id, *where)
            .values(**values, updated_at=func.now())
            .returning(Job)
            # The RETURNING row overwrites a stale copy already in the session (no extra SELECT).
            .execution_options(synchronize_session=False, populate_existing=True)
        )
        if job is None:
            return None
        if document_status is not None:
            self.mirror_document_status(job.document_id, document_status)
        return job

    def mirror_document_status(self, document_id: uuid.UUID, status: str) -> None:
        """The document's `current_status` follows its job's."""
        self.session.execute(_MIRROR_STATUS, {"document_id": document_id, "status": status})
        loaded = self.session.identity_map.get(identity_key(Document, document_id))
        if loaded is not None:
            self.session.expire(loaded, ["current_status"])

    # Worker hot path ---------------------------------------------------------------------------
    def claim(
        self,
        job_id: uuid.UUID,
        attempt: int,
        *,
        token: uuid.UUID,
        lease: timedelta,
        stage: str,
        progress: int,
    ) -> ClaimedJob | None:
        """queued → processing for this attempt, and the document with it, in one statement.
        None when the attempt is not queued (a duplicate, stale or cancelled delivery)."""
        row = (
            self.session.execute(
                _CLAIM,
                {
                    "job_id": job_id,
                    "of_attempt": attempt,
                    "token": token,
                    "lease": lease,
                    "stage": stage,
                    "progress": progress,
                },
            )
            .mappings()
            .one_or_none()
        )
        if row is None:
            return None
        return ClaimedJob(_job(row), row["mime_type"], row["stored_file_path"])

    def complete(
        self, job_id: uuid.UUID, attempt: int, token: uuid.UUID
    ) -> tuple[Job, Document] | None:
        """processing → completed when this claim still owns the attempt (the document's status
        is left to `mirror_document_status`), and the job's document, read in the same statement:
        while the caller holds it, the session finds it loaded. None when not owned."""
        row = self.session.execute(
            _COMPLETE, {"job_id": job_id, "of_attempt": attempt, "token": token}
        ).one_or_none()
        return None if row is None else (_job(row._mapping), row.Document)

    def renew_lease(
        self, job_id: uuid.UUID, attempt: int, token: uuid.UUID, lease: timedelta
    ) -> bool:
        """Extend the lease of an attempt this claim still owns; False when it does not (the job
        was cancelled, or taken over after the lease ran out)."""
        result = self.session.execute(
            _RENEW_LEASE, {"job_id": job_id, "of_attempt": attempt, "token": token, "lease": lease}
        )
        return cast(int, getattr(result, "rowcount", 0)) == 1

    def mark_enqueued(self, job_id: uuid.UUID, attempt: int) -> None:
        self.session.execute(_MARK_ENQUEUED, {"job_id": job_id, "of_attempt": attempt})

    def forget_enqueued(self) -> int:
        """Treat every queued job as never handed to the broker (the broker lost its messages), so
        the sweeper sends each again. Returns how many."""
        result = self.session.execute(
            update(_jobs)
            .where(_jobs.c.status == JobStatus.queued, _jobs.c.enqueued_at.is_not(None))
            # `updated_at` kept: the sweeper's grace period is for jobs the API is still sending.
            .values(enqueued_at=None, updated_at=_jobs.c.updated_at)
        )
        return cast(int, getattr(result, "rowcount", 0))

    def lock_stranded(self, *, grace: timedelta, lost_after: timedelta, limit: int) -> list[Job]:
        """Jobs nobody will run unless sent again: queued but never handed to the broker,
        queued so long ago that the message must be lost, or processing under an expired lease
        (the worker died). Locked with SKIP LOCKED so several sweepers share the work."""
        now = func.now()
        return list(
            self.session.scalars(
                select(Job)
                .where(
                    or_(
                        and_(
                            Job.status == JobStatus.queued,
                            or_(
                                and_(Job.enqueued_at.is_(None), Job.updated_at < now - grace),
                                Job.enqueued_at < now - lost_after,
                            ),
                        ),
                        and_(Job.status == JobStatus.processing, Job.lease_expires_at < now),
                    )
                )
                .order_by(Job.created_at)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        )
