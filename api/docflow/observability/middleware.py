"""Per request: the request id (the client's X-Request-ID when sane, else a new one, echoed in
the answer) bound to every log line the request causes, and its latency recorded by route
template (`/api/documents/{document_id}`, never the raw path)."""

from __future__ import annotations

import time

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from docflow.observability import context
from docflow.observability.metrics import HTTP_DURATION, UNMATCHED_ROUTE

REQUEST_ID_HEADER = "X-Request-ID"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def route_template(scope: Scope) -> str:
    """The matched route's template with the prefix it was included under (`/api` +
    `/jobs/{job_id}`); "unmatched" for a path no route took (bounded label values)."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    pattern = getattr(route, "path_regex", None)
    if not isinstance(template, str) or pattern is None:
        return UNMATCHED_ROUTE
    path = str(scope.get("path", ""))
    # The route knows its path below the router's prefix: find where the prefix ends.
    for start, char in enumerate(path):
        if char == "/" and pattern.fullmatch(path[start:]):
            return path[:start] + template
    return template


class RequestContext:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id = context.request_id_from(_header(scope, b"x-request-id"))
        with context.bound(request_id=request_id):
            if scope["type"] == "websocket":
                await self.app(scope, receive, send)
                return
            started = time.perf_counter()
            status = 500

            async def send_with_id(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = int(message["status"])
                    MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
                await send(message)

            try:
                await self.app(scope, receive, send_with_id)
            finally:
                HTTP_DURATION.labels(scope["method"], route_template(scope), str(status)).observe(
                    time.perf_counter() - started
                )
