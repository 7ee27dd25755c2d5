from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, WebSocket
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection

from docflow.auth.csrf import require_trusted_origin
from docflow.auth.principal import Principal
from docflow.auth.service import AuthService
from docflow.config import get_settings
from docflow.db import unavailable, unit_of_work
from docflow.deps import CurrentPrincipal, SessionDep, SettingsDep
from docflow.errors import DocflowError, ServiceUnavailable, ValidationFailed
from docflow.events.hub import EventHub
from docflow.events.schemas import EventPage, LatestSeq
from docflow.events.service import EventService
from docflow.events.sse import SSE_HEADERS, job_stream
from docflow.events.ws import WsSession
from docflow.openapi import AUTHENTICATED, error_responses
from docflow.schemas import BIGINT_MAX, Seq

router = APIRouter(tags=["events"])


# polling -------------------------------------------------------------------------------------
@router.get(
    "/jobs/{job_id}/events",
    operation_id="events-list_job_events",
    responses=error_responses(*AUTHENTICATED, 404, 422),
)
def job_events(
    job_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    after: Annotated[Seq, Query()] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> EventPage:
    return EventService(session).job_events(principal, job_id, after, limit)


@router.get(
    "/events",
    operation_id="events-list_events",
    responses=error_responses(*AUTHENTICATED, 422),
)
def workspace_events(
    principal: CurrentPrincipal,
    session: SessionDep,
    after: Annotated[Seq, Query()] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> EventPage:
    return EventService(session).workspace_events(principal, after, limit)


@router.get(
    "/events/latest",
    operation_id="events-latest_seq",
    responses=error_responses(*AUTHENTICATED),
)
def latest_seq(principal: CurrentPrincipal, session: SessionDep) -> LatestSeq:
    """The workspace's highest seq: read it before reading data, then resume the live stream (or
    poll) from it, and nothing that happened after the data was read is missed."""
    return EventService(session).latest_seq(principal)


# streams -------------------------------------------------------------------------------------
def _authenticate(conn: HTTPConnection) -> Principal:
    """Bearer header or session cookie; `?token=` for clients that cannot set headers (browser
    WebSocket and EventSource). Runs in a worker thread with its own short session."""
    with unit_of_work() as session:
        token = conn.query_params.get("token")
        auth = AuthService(session)
        principal = auth.authenticate_token(token) if token else auth.authenticate_request(conn)
    principal.require("read")
    return principal


def stream_principal(request: Request) -> Principal:
    return _authenticate(request)


def still_valid(principal: Principal) -> bool:
    """For long-lived streams: a revoked token or an ended session stops the stream."""
    with unit_of_work() as session:
        return AuthService(session).is_still_valid(principal)


def _hub(conn: HTTPConnection) -> EventHub:
    hub: EventHub | None = getattr(conn.app.state, "event_hub", None)
    if hub is None:
        raise ServiceUnavailable("Live events are not running in this process.")
    return hub


@router.websocket("/ws")
async def events_socket(websocket: WebSocket) -> None:
    settings = get_settings()
    try:
        # Browsers always send Origin on a WebSocket handshake and cookies ride along: a page of
        # a foreign origin is refused whatever the credentials (no Origin: not a browser).
        require_trusted_origin(websocket, settings)
        hub = _hub(websocket)
        try:
            principal = await run_in_threadpool(_authenticate, websocket)
        except Exception as exc:
            # The pool stayed busy or PostgreSQL is away: a 503 with Retry-After, not a 500.
            raise unavailable(exc) or exc from None
        if not await hub.wait_ready(5.0):
            raise ServiceUnavailable("Live events are starting; try again shortly.")
    except DocflowError as exc:
        # Refused before accept: the handshake is answered with the status and error envelope.
        if "websocket.http.response" in websocket.scope.get("extensions", {}):
            response = JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.headers)
            await websocket.send_denial_response(response)
        else:
            await websocket.close(code=1008, reason=exc.code)
        return
    await websocket.accept()
    await WsSession(websocket, hub, principal, settings, still_valid).run()


@router.get(
    "/jobs/{job_id}/stream",
    operation_id="events-stream_job",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "Server-Sent Events: `id` the seq, `event` the type, `data` the "
            "envelope (as polling returns it); `: ping` heartbeats",
            "content": {"text/event-stream": {}},
        },
        **error_responses(*AUTHENTICATED, 404, 422),
    },
)
def job_event_stream(
    job_id: uuid.UUID,
    request: Request,
    principal: Annotated[Principal, Depends(stream_principal)],
    session: SessionDep,
    settings: SettingsDep,
    after: Annotated[Seq, Query()] = 0,
    last_event_id: Annotated[str | None, Header()] = None,
) -> StreamingResponse:
    require_trusted_origin(request, settings)
    EventService(session).require_job(principal, job_id)
    if last_event_id is not None and last_event_id.strip():
        try:
            after = int(last_event_id)
        except ValueError:
            raise ValidationFailed(
                "Last-Event-ID must be an event seq.",
                details=[{"field": "header.Last-Event-ID", "message": "not an integer"}],
            ) from None
        if not 0 <= after <= BIGINT_MAX:
            raise ValidationFailed(
                "Last-Event-ID must be an event seq.",
                details=[{"field": "header.Last-Event-ID", "message": "out of range"}],
            )
    hub = _hub(request)
    stream = job_stream(hub, principal, str(job_id), after, settings, still_valid)
    return StreamingResponse(stream, media_type="text/event-stream", headers=SSE_HEADERS)
