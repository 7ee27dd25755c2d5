"""`GET /api/jobs/{id}/stream`: one job's events as Server-Sent Events.

* Each event: `id: <seq>`, `event: <type>`, `data: <envelope JSON>` (the same JSON as polling).
* Resume: `Last-Event-ID` (sent by EventSource on reconnect) or `?after=`; the header wins. Without
  either the job's whole history is replayed. The live feed is joined before the table is read,
  and ids strictly increase on a connection.
* `: ping` comments after `event_heartbeat_seconds` of silence keep proxies from timing out.
* The connection lives at most `sse_max_lifetime_seconds`; it then sends a `retry:` hint and ends,
  and EventSource reconnects with Last-Event-ID. The stream does not end when the job reaches a
  terminal state: a failed or cancelled job can be retried and go on, and the lifetime cap
  already bounds the connection.
* A revoked token, a signed-out or expired session or a deactivated user ends the stream at once
  (published on Redis to every API process; the stream sends nothing until its credential has
  been re-checked), as does the session's expiry; the reconnect is refused with 401. The
  credential is also re-checked on joining and every `event_auth_recheck_seconds`.
* A client more than `event_client_queue_max` events behind is disconnected; it resumes from its
  Last-Event-ID like after any other drop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

from starlette.concurrency import run_in_threadpool

from docflow.auth.principal import Principal
from docflow.config import Settings
from docflow.events.envelope import StreamEvent
from docflow.events.hub import EventHub, Subscriber
from docflow.events.service import replay_page
from docflow.observability.metrics import EVENTS_DELIVERED, LIVE_CONNECTIONS

_REPLAY_PAGE = 500
_DELIVERED = EVENTS_DELIVERED.labels("sse")

SSE_HEADERS = {
    "Cache-Control": "no-cache",
    "X-Accel-Buffering": "no",  # nginx: do not buffer the stream
    "Connection": "keep-alive",
}


def _frame(event: StreamEvent) -> bytes:
    return f"id: {event.seq}\nevent: {event.type}\ndata: {event.text}\n\n".encode()


async def job_stream(
    hub: EventHub,
    principal: Principal,
    job_id: str,
    after: int,
    settings: Settings,
    still_valid: Callable[[Principal], bool],
) -> AsyncIterator[bytes]:
    workspace_id = str(principal.workspace_id)
    yield f"retry: {settings.sse_retry_ms}\n\n".encode()
    if not await hub.wait_ready(5.0):
        return  # the hub is still starting: the client reconnects after `retry`
    subscriber = Subscriber(
        workspace_id,
        settings.event_client_queue_max,
        frozenset({job_id}),
        user_id=str(principal.user_id),
    )
    hub.subscribe(subscriber)  # the live feed first, then the table
    hub.watch(subscriber)
    subscriber.recheck(hold=False)  # a revocation between the handshake and the watch
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.sse_max_lifetime_seconds
    if principal.expires_at is not None:  # the session's end ends the stream (no retry hint)
        remaining = (principal.expires_at - datetime.now(UTC)).total_seconds()
        expires: float | None = loop.time() + remaining
    else:
        expires = None
    heartbeat = settings.event_heartbeat_seconds
    LIVE_CONNECTIONS.labels("sse").inc()
    try:
        last_sent = after
        while True:
            page = await run_in_threadpool(
                replay_page, workspace_id, last_sent, _REPLAY_PAGE, subscriber.job_ids
            )
            if page:
                yield b"".join(_frame(e) for e in page)
                _DELIVERED.inc(len(page))
                last_sent = page[-1].seq
            if len(page) < _REPLAY_PAGE:
                break
        last_frame_at = loop.time()
        recheck_at = loop.time() + settings.event_auth_recheck_seconds
        while True:
            now = loop.time()
            if expires is not None and now >= expires:
                return  # the reconnect then gets its 401
            if subscriber.access_changed.is_set() or now >= recheck_at:
                subscriber.access_changed.clear()
                recheck_at = now + settings.event_auth_recheck_seconds
                try:
                    valid = await run_in_threadpool(still_valid, principal)
                except Exception:  # the database is briefly away: keep streaming, re-check later
                    valid = True
                if not valid:
                    return  # the reconnect then gets its 401
                subscriber.release()
                continue
            if now >= deadline:
                hint = f"retry: {settings.sse_retry_ms}\n: lifetime reached, reconnect\n\n"
                yield hint.encode()
                return
            quiet = max(0.0, heartbeat - (now - last_frame_at))
            until = min(deadline - now, recheck_at - now, quiet)
            if expires is not None:
                until = min(until, expires - now)
            await subscriber.wait(until)
            if subscriber.overflowed:
                return
            fresh = [e for e in subscriber.take() if e.seq > last_sent]
            if fresh:
                yield b"".join(_frame(e) for e in fresh)
                _DELIVERED.inc(len(fresh))
                last_sent = fresh[-1].seq
                last_frame_at = loop.time()
            elif loop.time() - last_frame_at >= heartbeat:
                yield b": ping\n\n"
                last_frame_at = loop.time()
    finally:
        LIVE_CONNECTIONS.labels("sse").dec()
        hub.unwatch(subscriber)
        hub.unsubscribe(subscriber)
