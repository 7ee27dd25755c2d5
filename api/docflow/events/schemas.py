from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from docflow.schemas import Seq


class EventRead(BaseModel):
    """The event envelope: identical on Redis, WebSocket, SSE and polling."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

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
    """One page, ascending by seq: ask again with `after=last_seq` while `has_more` is true."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    items: list[EventRead]
    last_seq: int | None
    has_more: bool = False


class LatestSeq(BaseModel):
    """The highest event seq the caller's workspace has (0: none yet). Read before a set of data,
    it is the point to resume the stream from (`after`) to learn everything that came after it:
    seq order is commit order, so no event below it can still appear."""

    seq: int


class WsSubscribe(BaseModel):
    """What a WebSocket client sends (again, to change it): `all` jobs of the workspace or a list
    of job ids; with `after` (the last seq it has) the history above it is replayed first."""

    model_config = ConfigDict(extra="forbid")

    subscribe: Literal["all"] | Annotated[list[uuid.UUID], Field(min_length=1, max_length=500)]
    after: Seq | None = None


class WsControl(BaseModel):
    """Heartbeats either way: the server sends {"type": "ping"} when it has been quiet; a client
    may send {"type": "ping"} (answered with {"type": "pong"}) or answer with {"type": "pong"}."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["ping", "pong"]
