"""The only module that publishes to Redis. Events are recorded in `job_events` inside the caller's
transaction and published on Redis Pub/Sub after that transaction commits; so are access changes
(a revoked credential, a deactivated user, a role change), which end or re-check open streams."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import redis
from sqlalchemy.orm import Session

from docflow.config import get_settings
from docflow.db import after_commit
from docflow.events.channels import access_channel, events_channel
from docflow.events.repository import EventRepository
from docflow.events.schemas import EventRead
from docflow.models import Job, JobEvent
from docflow.observability.metrics import EVENTS_PUBLISHED

log = logging.getLogger(__name__)


@lru_cache
def _redis() -> redis.Redis:
    return redis.Redis.from_url(
        get_settings().redis_url, socket_timeout=2, socket_connect_timeout=2
    )


def to_envelope(event: JobEvent) -> EventRead:
    p = event.payload
    return EventRead(
        seq=event.seq,
        type=event.type,
        job_id=event.job_id,
        document_id=event.document_id,
        status=p["status"],
        progress=p["progress"],
        stage=p["stage"],
        attempt=p["attempt"],
        at=event.created_at,
        data=p.get("data") or {},
    )


def envelope_json(event: JobEvent) -> str:
    body = to_envelope(event).model_dump(mode="json")
    body["workspace_id"] = str(event.workspace_id)
    return json.dumps(body, separators=(",", ":"))


def publish_raw(messages: list[str]) -> None:
    """Publish already-committed events. At-most-once: Redis being down loses nothing, because
    `job_events` is the record clients resume from."""
    if not messages:
        return
    try:
        pipe = _redis().pipeline(transaction=False)
        for message in messages:
            pipe.publish(events_channel(), message)
        pipe.execute()
        EVENTS_PUBLISHED.inc(len(messages))
    except redis.RedisError as exc:
        log.warning("event publish failed (clients will catch up from job_events): %s", exc)


@dataclass(frozen=True)
class NewEvent:
    """An event to record. `status`, `progress` and `stage` describe the job as it was when the
    event happened; left out, they are the job's current values."""

    type: str
    data: dict[str, Any] = field(default_factory=dict)
    status: str | None = None
    progress: int | None = None
    stage: str | None = None


def record_event(
    session: Session,
    job: Job,
    type: str,
    *,
    data: dict[str, Any] | None = None,
    status: str | None = None,
    progress: int | None = None,
    stage: str | None = None,
) -> JobEvent:
    """Write one event in the current transaction; publish it after commit."""
    (event,) = record_events(
        session,
        job,
        [NewEvent(type, data or {}, status=status, progress=progress, stage=stage)],
    )
    return event


def record_events(session: Session, job: Job, events: Sequence[NewEvent]) -> list[JobEvent]:
    """Write several events of one job, in this order, with one INSERT in the current
    transaction; publish them after commit (one Redis round trip per transaction)."""
    if not events:
        return []
    recorded = EventRepository(session).append_many(
        job_id=job.id,
        document_id=job.document_id,
        workspace_id=job.workspace_id,
        items=[
            (
                event.type,
                {
                    "status": event.status or job.status,
                    "progress": job.progress_percentage
                    if event.progress is None
                    else event.progress,
                    "stage": event.stage or job.current_stage,
                    "attempt": job.attempt,
                    "data": event.data,
                },
            )
            for event in events
        ],
    )
    pending: list[str] | None = session.info.get("docflow_pending_events")
    if pending is None:
        pending = []
        session.info["docflow_pending_events"] = pending
        after_commit(session, lambda: publish_raw(session.info.pop("docflow_pending_events", [])))
    pending.extend(envelope_json(event) for event in recorded)
    return recorded


def publish_access_changed(session: Session, user_id: uuid.UUID) -> None:
    """After the current transaction commits, tell every API process that this user's credentials
    or role changed: each holds the user's open streams and re-checks them at once (a revoked
    credential ends them). Only the user id travels. A lost message is caught by the streams'
    periodic re-check (`event_auth_recheck_seconds`) and by the re-check after a hub reconnect."""
    message = json.dumps({"user_id": str(user_id)})

    def publish() -> None:
        try:
            _redis().publish(access_channel(), message)
        except redis.RedisError as exc:
            log.warning("access change publish failed (streams re-check periodically): %s", exc)

    after_commit(session, publish)
