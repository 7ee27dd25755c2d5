"""Events as the streams send them: the envelope JSON built once per event per process, plus what
a stream filters on. The same bytes whether the event came from Redis or from `job_events`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from docflow.events.publisher import to_envelope
from docflow.models import JobEvent


@dataclass(frozen=True, slots=True)
class StreamEvent:
    seq: int
    workspace_id: str
    job_id: str
    type: str
    text: str  # the envelope JSON, exactly what polling returns for the row (no workspace_id)


def _dumps(body: dict[str, Any]) -> str:
    return json.dumps(body, separators=(",", ":"))


def from_message(data: bytes | str) -> StreamEvent:
    """A published envelope (it carries `workspace_id`, which streams do not send)."""
    body: dict[str, Any] = json.loads(data)
    workspace_id = str(body.pop("workspace_id"))
    return StreamEvent(
        seq=int(body["seq"]),
        workspace_id=workspace_id,
        job_id=str(body["job_id"]),
        type=str(body["type"]),
        text=_dumps(body),
    )


def from_row(event: JobEvent) -> StreamEvent:
    return StreamEvent(
        seq=event.seq,
        workspace_id=str(event.workspace_id),
        job_id=str(event.job_id),
        type=event.type,
        text=_dumps(to_envelope(event).model_dump(mode="json")),
    )
