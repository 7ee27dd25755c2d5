from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel


class EventRead(BaseModel):
    """The event envelope: identical on Redis, WebSocket, SSE and polling."""

    seq: int
    type: str
    job_id: uuid.UUID
    document_id: uuid.UUID
    status: str
    progress: int
    stage: str
    attempt: int
    at: datetime
    data: dict[str, Any] = {}


class EventPage(BaseModel):
    items: list[EventRead]
    last_seq: int | None
