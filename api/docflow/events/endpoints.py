from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from docflow.deps import CurrentPrincipal, SessionDep
from docflow.events.schemas import EventPage
from docflow.events.service import EventService

router = APIRouter(tags=["events"])


@router.get("/jobs/{job_id}/events", operation_id="events-list_job_events")
def job_events(
    job_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> EventPage:
    return EventService(session).job_events(principal, job_id, after, limit)


@router.get("/events", operation_id="events-list_events")
def workspace_events(
    principal: CurrentPrincipal,
    session: SessionDep,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> EventPage:
    return EventService(session).workspace_events(principal, after, limit)
