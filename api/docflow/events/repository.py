from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from docflow.models import JobEvent

# Event inserts take this transaction-level advisory lock, so `seq` values become visible in
# commit order: a reader that has seen seq N can never later find a committed event below N.
_EVENT_APPEND_LOCK = 0x646F63666C6F77  # "docflow"
_LOCKED_IN = "docflow_event_lock_transaction"

# Built once: every job writes events, so each call is a compiled-cache lookup rather than a new
# statement. Several rows go out as one multi-row INSERT … RETURNING (SQLAlchemy's
# "insertmanyvalues").
_events = cast(Table, JobEvent.__table__)
_TAKE_LOCK = select(func.pg_advisory_xact_lock(_EVENT_APPEND_LOCK))
_INSERT = insert(_events).returning(_events.c.seq, _events.c.created_at)


class EventRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def append(
        self,
        *,
        job_id: uuid.UUID,
        document_id: uuid.UUID,
        workspace_id: uuid.UUID,
        type: str,
        payload: dict[str, Any],
    ) -> JobEvent:
        (event,) = self.append_many(
            job_id=job_id,
            document_id=document_id,
            workspace_id=workspace_id,
            items=[(type, payload)],
        )
        return event

    def append_many(
        self,
        *,
        job_id: uuid.UUID,
        document_id: uuid.UUID,
        workspace_id: uuid.UUID,
        items: Sequence[tuple[str, dict[str, Any]]],
    ) -> list[JobEvent]:
        """Insert a job's events, in this order, with one statement. Returns them with their
        `seq` and `created_at` (transient objects: the session does not track them)."""
        transaction = self.session.get_transaction()
        if transaction is None or self.session.info.get(_LOCKED_IN) is not transaction:
            # Held until the transaction ends: taking it once per transaction is enough.
            self.session.execute(_TAKE_LOCK)
            self.session.info[_LOCKED_IN] = self.session.get_transaction()
        rows = [
            {
                "job_id": job_id,
                "document_id": document_id,
                "workspace_id": workspace_id,
                "type": type,
                "payload": payload,
            }
            for type, payload in items
        ]
        returned = self.session.execute(_INSERT, rows).all()
        # The identity column numbers the rows in VALUES order: the i-th smallest seq is row i.
        return [
            JobEvent(**row, seq=seq, created_at=created_at)
            for row, (seq, created_at) in zip(rows, sorted(returned), strict=True)
        ]

    def for_job(self, job_id: uuid.UUID, after: int, limit: int) -> list[JobEvent]:
        return list(
            self.session.scalars(
                select(JobEvent)
                .where(JobEvent.job_id == job_id, JobEvent.seq > after)
                .order_by(JobEvent.seq)
                .limit(limit)
            )
        )

    def for_workspace(
        self,
        workspace_id: uuid.UUID,
        after: int,
        limit: int,
        job_ids: list[uuid.UUID] | None = None,
    ) -> list[JobEvent]:
        query = select(JobEvent).where(JobEvent.workspace_id == workspace_id, JobEvent.seq > after)
        if job_ids is not None:
            query = query.where(JobEvent.job_id.in_(job_ids))
        return list(self.session.scalars(query.order_by(JobEvent.seq).limit(limit)))

    def across_workspaces(self, after: int, before: int | None, limit: int) -> list[JobEvent]:
        """Every workspace's events with after < seq (< before), ascending: the hub's backfill."""
        query = select(JobEvent).where(JobEvent.seq > after)
        if before is not None:
            query = query.where(JobEvent.seq < before)
        return list(self.session.scalars(query.order_by(JobEvent.seq).limit(limit)))

    def max_workspace_seq(self, workspace_id: uuid.UUID) -> int:
        query = select(func.coalesce(func.max(JobEvent.seq), 0)).where(
            JobEvent.workspace_id == workspace_id
        )
        return int(self.session.scalar(query) or 0)

    def max_seq(self) -> int:
        return int(self.session.scalar(select(func.coalesce(func.max(JobEvent.seq), 0))) or 0)

    def count_requeues(self, job_id: uuid.UUID, attempt: int, reason: str) -> int:
        """How often this attempt was put back in the queue for `reason` (e.g. "worker_lost")."""
        return int(
            self.session.scalar(
                select(func.count())
                .select_from(JobEvent)
                .where(
                    JobEvent.job_id == job_id,
                    JobEvent.type == "job_queued",
                    JobEvent.payload["attempt"].as_integer() == attempt,
                    JobEvent.payload["data"]["reason"].as_string() == reason,
                )
            )
            or 0
        )
