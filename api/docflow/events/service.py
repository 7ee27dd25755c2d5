from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.events.publisher import to_envelope
from docflow.events.repository import EventRepository
from docflow.events.schemas import EventPage
from docflow.job.service import JobService


class EventService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.repo = EventRepository(session)

    def job_events(
        self, principal: Principal, job_id: uuid.UUID, after: int, limit: int
    ) -> EventPage:
        JobService(self.session).get(principal, job_id)  # 404 outside the caller's workspace
        events = self.repo.for_job(job_id, after, limit)
        items = [to_envelope(e) for e in events]
        return EventPage(items=items, last_seq=items[-1].seq if items else None)

    def workspace_events(self, principal: Principal, after: int, limit: int) -> EventPage:
        events = self.repo.for_workspace(principal.workspace_id, after, limit)
        items = [to_envelope(e) for e in events]
        return EventPage(items=items, last_seq=items[-1].seq if items else None)
