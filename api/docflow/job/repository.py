from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from docflow.models import Document, Job, JobStatus


class JobRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, job: Job) -> Job:
        self.session.add(job)
        self.session.flush()
        return job

    def get(self, job_id: uuid.UUID, workspace_id: uuid.UUID | None = None) -> Job | None:
        query = select(Job).where(Job.id == job_id)
        if workspace_id is not None:
            query = query.where(Job.workspace_id == workspace_id)
        return self.session.scalar(query)

    def document_of(self, job_id: uuid.UUID) -> Document | None:
        return self.session.scalar(
            select(Document).join(Job, Job.document_id == Document.id).where(Job.id == job_id)
        )

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
        self.session.execute(
            update(Document).where(Document.id == document_id).values(current_status=status)
        )

    def mark_enqueued(self, job_id: uuid.UUID, attempt: int) -> None:
        self.session.execute(
            update(Job)
            .where(Job.id == job_id, Job.attempt == attempt)
            .values(enqueued_at=func.now())
        )

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
