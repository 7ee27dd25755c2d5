from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.db import new_session
from docflow.events.envelope import StreamEvent, from_row
from docflow.events.publisher import to_envelope
from docflow.events.repository import EventRepository
from docflow.events.schemas import EventPage, LatestSeq
from docflow.job.service import JobService
from docflow.models import JobEvent


def _page(events: list[JobEvent], limit: int) -> EventPage:
    """`limit + 1` rows were read: the extra one only says that another page exists."""
    has_more = len(events) > limit
    items = [to_envelope(e) for e in events[:limit]]
    return EventPage(items=items, last_seq=items[-1].seq if items else None, has_more=has_more)


class EventService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.repo = EventRepository(session)

    # polling -----------------------------------------------------------------------------------
    def job_events(
        self, principal: Principal, job_id: uuid.UUID, after: int, limit: int
    ) -> EventPage:
        self.require_job(principal, job_id)
        return _page(self.repo.for_job(job_id, after, limit + 1), limit)

    def workspace_events(self, principal: Principal, after: int, limit: int) -> EventPage:
        return _page(self.repo.for_workspace(principal.workspace_id, after, limit + 1), limit)

    def latest_seq(self, principal: Principal) -> LatestSeq:
        return LatestSeq(seq=self.repo.max_workspace_seq(principal.workspace_id))

    # streams -----------------------------------------------------------------------------------
    def require_job(self, principal: Principal, job_id: uuid.UUID) -> None:
        JobService(self.session).get(principal, job_id)  # 404 outside the caller's workspace

    def replay(
        self,
        workspace_id: str,
        after: int,
        limit: int,
        job_ids: frozenset[str] | None = None,
    ) -> list[StreamEvent]:
        """One page of a stream's history: the workspace's events (of `job_ids` when given)."""
        ids = None if job_ids is None else [uuid.UUID(j) for j in job_ids]
        events = self.repo.for_workspace(uuid.UUID(workspace_id), after, limit, ids)
        return [from_row(e) for e in events]


# The hub's reads (every workspace), each in its own short session, called from a worker thread.
def load_events(after: int, before: int | None, limit: int) -> list[StreamEvent]:
    with new_session() as session:
        return [
            from_row(e) for e in EventRepository(session).across_workspaces(after, before, limit)
        ]


def load_max_seq() -> int:
    with new_session() as session:
        return EventRepository(session).max_seq()


def replay_page(
    workspace_id: str, after: int, limit: int, job_ids: frozenset[str] | None = None
) -> list[StreamEvent]:
    with new_session() as session:
        return EventService(session).replay(workspace_id, after, limit, job_ids)
