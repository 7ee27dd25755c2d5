"""`WS /api/ws`: one multiplexed live stream per connection.

Protocol (JSON text frames):

* client → `{"subscribe": "all" | [job ids], "after": SEQ}`; may be sent again to change the
  subscription. With `after` the server first replays the table's events above it, then streams
  live; without it, only live events. Each subscribe is acknowledged, after its replay, with
  `{"type": "subscribed", "subscribe": …, "after": …, "last_seq": N}`.
* server → one envelope per event (the same JSON as polling). Between two subscribe messages the
  `seq` values a client receives strictly increase: the live feed is joined before the replay
  reads the table, and anything at or below the last seq sent is dropped at the seam.
* heartbeats: the server sends `{"type": "ping"}` after `event_heartbeat_seconds` of silence;
  a client may send `{"type": "ping"}` (→ `{"type": "pong"}`). Uvicorn also sends protocol pings.
* an invalid message gets `{"error": {"code", "message", "details"}}`; the socket stays open.
* a client more than `event_client_queue_max` events behind (it stopped reading) is closed with
  code 4008 and the reason `slow consumer; resume with after=N`; it reconnects and subscribes with
  that `after`. Nothing is buffered for it beyond that bound.
* the database unavailable (pool busy past its timeout, PostgreSQL away): at the handshake the
  answer is HTTP 503 with `Retry-After` and the error envelope (no socket); after it, a replay
  that cannot read the table closes the socket with 1013 (`try again later; resume with
  after=N`). A credential re-check that cannot reach the database keeps the stream.
* a revoked token, a signed-out or expired session or a deactivated user closes the socket with
  code 4401 (`credentials revoked or expired`) at once: the change is published on Redis to every
  API process, which holds the user's streams (nothing more is sent) until each has re-checked its
  credential in the database. A role change is re-checked the same way; every role may read, so
  the stream goes on. The credential is also re-checked on joining and every
  `event_auth_recheck_seconds` (a published change that was lost), and the socket closes when
  the session expires.

Only events of the caller's workspace are ever delivered (filtered on the published
`workspace_id`; replays read the workspace's rows only); a foreign job id simply never matches.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.websockets import WebSocket, WebSocketDisconnect

from docflow.auth.principal import Principal
from docflow.config import Settings
from docflow.db import unavailable
from docflow.events.hub import EventHub, Subscriber
from docflow.events.schemas import WsControl, WsSubscribe
from docflow.events.service import replay_page
from docflow.observability.metrics import EVENTS_DELIVERED, LIVE_CONNECTIONS

log = logging.getLogger(__name__)

SLOW_CONSUMER = 4008
TRY_AGAIN_LATER = 1013
CREDENTIALS_ENDED = 4401
_REPLAY_PAGE = 500
_MAX_MESSAGE_CHARS = 64 * 1024
_MAX_PENDING_COMMANDS = 32
_DELIVERED = EVENTS_DELIVERED.labels("websocket")


def _error_frame(code: str, message: str, details: Any = None) -> str:
    return json.dumps({"error": {"code": code, "message": message, "details": details}})


def parse_client_message(text: str | None) -> WsSubscribe | WsControl | str:
    """A subscribe or control message, or the error frame to answer with."""
    if text is None:
        return _error_frame("bad_request", "Send JSON text frames.")
    if len(text) > _MAX_MESSAGE_CHARS:
        return _error_frame("payload_too_large", "Messages are limited to 64 KiB.")
    try:
        body = json.loads(text)
    except ValueError:
        return _error_frame("invalid_json", "The message is not valid JSON.")
    if not isinstance(body, dict):
        return _error_frame("validation_error", "Send a JSON object.")
    model: type[WsSubscribe] | type[WsControl] = WsSubscribe if "subscribe" in body else WsControl
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        details = [
            {
                "field": ".".join(str(p) for p in err.get("loc", ())),
                "message": err.get("msg", "invalid"),
                "type": err.get("type", "invalid"),
            }
            for err in exc.errors(include_url=False, include_input=False)
        ]
        hint = 'Send {"subscribe": "all" | [job ids], "after": SEQ} or {"type": "ping"}.'
        return _error_frame("validation_error", hint, details)


class WsSession:
    def __init__(
        self,
        websocket: WebSocket,
        hub: EventHub,
        principal: Principal,
        settings: Settings,
        still_valid: Callable[[Principal], bool],
    ) -> None:
        self.ws = websocket
        self.hub = hub
        self.principal = principal
        self.settings = settings
        self.still_valid = still_valid
        self.subscriber = Subscriber(
            str(principal.workspace_id),
            settings.event_client_queue_max,
            user_id=str(principal.user_id),
        )
        self.registered = False
        self.last_sent = 0
        self.commands: deque[WsSubscribe | WsControl | str] = deque()
        self.room = asyncio.Semaphore(_MAX_PENDING_COMMANDS)
        self.loop = asyncio.get_running_loop()
        self.last_frame_at = self.loop.time()

    async def run(self) -> None:
        receiver = asyncio.create_task(self._receive())
        sender = asyncio.create_task(self._send_loop())
        dropped = asyncio.create_task(self.subscriber.dropped.wait())
        revoked = asyncio.create_task(self._watch_credentials())
        tasks = (receiver, sender, dropped, revoked)
        self.hub.watch(self.subscriber)
        LIVE_CONNECTIONS.labels("websocket").inc()
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            LIVE_CONNECTIONS.labels("websocket").dec()
            self.hub.unwatch(self.subscriber)
            self.hub.unsubscribe(self.subscriber)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        if dropped in done:
            await self._close_slow_consumer()
        elif revoked in done:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(self.settings.event_slow_close_seconds):
                    await self.ws.close(CREDENTIALS_ENDED, "credentials revoked or expired")
        elif sender in done and not sender.cancelled():
            exc = sender.exception()
            if exc is not None and unavailable(exc) is not None:
                # The pool stayed busy or PostgreSQL went away mid-replay: not a bug, a
                # temporary refusal (1013 Try Again Later) the client resumes from.
                log.warning("event stream ended, the database is unavailable: %s", exc)
                with contextlib.suppress(Exception):
                    await self.ws.close(
                        TRY_AGAIN_LATER, f"try again later; resume with after={self.last_sent}"
                    )
            elif exc is not None and not isinstance(exc, WebSocketDisconnect | OSError):
                log.error("event stream failed", exc_info=exc)
                with contextlib.suppress(Exception):
                    await self.ws.close(1011, "internal error")

    async def _close_slow_consumer(self) -> None:
        reason = f"slow consumer; resume with after={self.last_sent}"
        # The close frame waits behind what the client has not read yet; a client that never
        # reads again is cut off after the grace period (uvicorn then drops the connection).
        with contextlib.suppress(Exception):
            async with asyncio.timeout(self.settings.event_slow_close_seconds):
                await self.ws.close(SLOW_CONSUMER, reason)

    async def _watch_credentials(self) -> None:
        """Returns once the credential no longer holds: checked on joining (a revocation between
        the handshake and the watch), whenever the hub reports an access change of this user (the
        stream is held until the check is done), at the session's expiry, and every
        `event_auth_recheck_seconds`."""
        subscriber = self.subscriber
        subscriber.recheck(hold=False)
        expires_at = self.principal.expires_at
        while True:
            wait = self.settings.event_auth_recheck_seconds
            if expires_at is not None:
                wait = min(wait, (expires_at - datetime.now(UTC)).total_seconds())
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(max(wait, 0.0)):
                    await subscriber.access_changed.wait()
            subscriber.access_changed.clear()
            if expires_at is not None and datetime.now(UTC) >= expires_at:
                return
            try:
                valid = await run_in_threadpool(self.still_valid, self.principal)
            except Exception as exc:  # the database is briefly away: keep the stream, retry
                log.warning("could not re-check a stream's credentials: %s", exc)
                valid = True
            if not valid:
                return
            subscriber.release()

    # reading -----------------------------------------------------------------------------------
    async def _receive(self) -> None:
        while True:
            message = await self.ws.receive()
            if message["type"] == "websocket.disconnect":
                return
            await self.room.acquire()  # a client flooding us while not reading waits here
            self.commands.append(parse_client_message(message.get("text")))
            self.subscriber.notify()

    # writing (the only task that sends) ---------------------------------------------------------
    async def _send(self, text: str) -> None:
        await self.ws.send_text(text)
        self.last_frame_at = self.loop.time()

    async def _send_loop(self) -> None:
        heartbeat = self.settings.event_heartbeat_seconds
        subscriber = self.subscriber
        while True:
            if subscriber.held:  # an access change is being checked: send nothing meanwhile
                await subscriber.wait(heartbeat)
                continue
            if not self.commands:
                quiet = self.loop.time() - self.last_frame_at
                await subscriber.wait(max(0.0, heartbeat - quiet))
                if subscriber.held:
                    continue
            while self.commands:
                command = self.commands.popleft()
                self.room.release()
                await self._handle(command)
            for event in subscriber.take():
                if event.seq > self.last_sent and subscriber.matches(event):
                    await self._send(event.text)
                    _DELIVERED.inc()
                    self.last_sent = event.seq
            if self.loop.time() - self.last_frame_at >= heartbeat:
                await self._send('{"type":"ping"}')

    async def _handle(self, command: WsSubscribe | WsControl | str) -> None:
        if isinstance(command, str):
            await self._send(command)
        elif isinstance(command, WsControl):
            if command.type == "ping":
                await self._send('{"type":"pong"}')
        else:
            await self._subscribe(command)

    async def _subscribe(self, command: WsSubscribe) -> None:
        subscriber = self.subscriber
        if command.subscribe == "all":
            subscriber.job_ids = None
        else:
            subscriber.job_ids = frozenset(str(j) for j in command.subscribe)
        if not self.registered:  # the live feed first, then the table
            self.hub.subscribe(subscriber)
            self.registered = True
        if command.after is not None:
            # Everything queued so far is committed, so the replay below covers it.
            subscriber.take()
            self.last_sent = command.after
            while True:
                page = await run_in_threadpool(
                    replay_page,
                    subscriber.workspace_id,
                    self.last_sent,
                    _REPLAY_PAGE,
                    subscriber.job_ids,
                )
                for event in page:
                    await self._send(event.text)
                    _DELIVERED.inc()
                    self.last_sent = event.seq
                if len(page) < _REPLAY_PAGE:
                    break
        jobs: Any = "all" if subscriber.job_ids is None else sorted(subscriber.job_ids)
        ack = {"type": "subscribed", "subscribe": jobs, "after": command.after}
        ack["last_seq"] = self.last_sent
        await self._send(json.dumps(ack))
