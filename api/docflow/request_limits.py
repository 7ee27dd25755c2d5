"""What one client may hold of the API while it sends a request.

A request waits on the network only for its body, and never with a database connection checked
out (JSON bodies are read before any dependency runs; the upload endpoint authenticates in a
short transaction of its own and uses the database only once its files are staged). What a slow
or hostile client can still hold is bounded here:

* pace: the server waits for a body at most `request_body_grace_seconds` plus one second per
  `request_body_min_bytes_per_second` bytes received so far, and at most
  `request_body_idle_timeout_seconds` for the next bytes → 408 `request_timeout`. Only the time
  spent waiting on the client counts, not the time the server takes to store what it got.
* size: every body at most `max_request_body_kb`, unless its endpoint allows more (the upload
  allows what its files may weigh) → 413 `payload_too_large`, at once when Content-Length says so.
* uploads at once: `max_concurrent_uploads_per_user` per user in each API process → 429
  `too_many_uploads` with Retry-After.

A refused body is answered with the error envelope and `Connection: close`, whatever the endpoint
made of the failed read.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from docflow.config import Settings, get_settings
from docflow.errors import DocflowError, PayloadTooLarge, RequestTimeout, TooManyUploads

_SCOPE_KEY = "docflow.body_guard"


class BodyGuard:
    """Wraps one request's `receive`: counts the body's bytes and the time spent waiting for
    them, and refuses the body once it breaks a bound."""

    def __init__(self, scope: Scope, receive: Receive, settings: Settings) -> None:
        self._receive = receive
        self.limit = settings.max_request_body_kb * 1024
        self.too_large = f"The request body is larger than {settings.max_request_body_kb} KB."
        self.grace = settings.request_body_grace_seconds
        self.min_rate = settings.request_body_min_bytes_per_second
        self.idle_timeout = settings.request_body_idle_timeout_seconds
        declared = Headers(scope=scope).get("content-length")
        self.declared = int(declared) if declared and declared.isdigit() else None
        self.received = 0
        self.waited = 0.0
        self.complete = False
        self.answered = False  # the response has started: the body is no longer waited for
        self.refused: DocflowError | None = None

    def allow(self, limit: int, message: str) -> None:
        """Let this request's body be up to `limit` bytes; refuse it now if it says it is more."""
        self.limit, self.too_large = limit, message
        if self.declared is not None and self.declared > limit:
            raise self._refuse(PayloadTooLarge(message))

    def _refuse(self, error: DocflowError) -> DocflowError:
        self.refused = error
        return error

    async def receive(self) -> Message:
        if self.complete or self.answered:  # a streaming answer listening for a disconnect
            return await self._receive()
        if self.refused is not None:
            raise self.refused
        if self.declared is not None and self.declared > self.limit:
            raise self._refuse(PayloadTooLarge(self.too_large))
        allowance = self.grace + self.received / self.min_rate - self.waited
        loop = asyncio.get_running_loop()
        started = loop.time()
        try:
            async with asyncio.timeout(max(0.0, min(self.idle_timeout, allowance))):
                message = await self._receive()
        except TimeoutError:
            raise self._refuse(
                RequestTimeout(
                    "The request body arrived too slowly; send it again.",
                    details={"received_bytes": self.received},
                )
            ) from None
        finally:
            self.waited += loop.time() - started
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limit:
                raise self._refuse(PayloadTooLarge(self.too_large))
            self.complete = not message.get("more_body", False)
        else:
            self.complete = True  # http.disconnect
        return message


def allow_body(request: Request, limit: int, message: str) -> None:
    """Raise this request's body limit (an endpoint that streams large bodies itself)."""
    guard: BodyGuard | None = request.scope.get(_SCOPE_KEY)
    if guard is not None:
        guard.allow(limit, message)


class RequestBodyLimits:
    """A pure ASGI middleware: every HTTP request's body goes through a `BodyGuard`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        guard = BodyGuard(scope, receive, get_settings())
        scope[_SCOPE_KEY] = guard
        started = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if guard.refused is not None and not started:
                return  # whatever the endpoint made of the failed read, the refusal is the answer
            if message["type"] == "http.response.start":
                started = guard.answered = True
            await send(message)

        try:
            await self.app(scope, guard.receive, guarded_send)
        except Exception:
            if guard.refused is None or started:
                raise
        if guard.refused is not None and not started:
            error = guard.refused
            response = JSONResponse(
                error.body(),
                status_code=error.status_code,
                headers={**error.headers, "Connection": "close"},
            )
            await response(scope, receive, send)


class UploadSlots:
    """How many uploads each user has running in this process."""

    def __init__(self) -> None:
        self._running: Counter[uuid.UUID] = Counter()
        self._lock = threading.Lock()  # in-process test clients run apps on several threads

    @contextmanager
    def hold(self, user_id: uuid.UUID, limit: int) -> Iterator[None]:
        with self._lock:
            if self._running[user_id] >= limit:
                raise TooManyUploads(
                    f"At most {limit} uploads at once per user: send this one when another "
                    "has finished.",
                    details={"limit": limit},
                    headers={"Retry-After": "5"},
                )
            self._running[user_id] += 1
        try:
            yield
        finally:
            with self._lock:
                self._running[user_id] -= 1
                if self._running[user_id] <= 0:
                    del self._running[user_id]


upload_slots = UploadSlots()
