"""Who a request is for and who it comes from, before anything else looks at it.

* The Host header must name this API (`DOCFLOW_TRUSTED_HOSTS`, the port ignored). The Origin
  check trusts the API's own origin, built from Host: without the allowlist a DNS-rebinding page
  (evil.example resolving to 127.0.0.1) would pass as that origin, sign in with a known password
  and read the answers. Anything else is refused with 400 `invalid_host` (a WebSocket handshake
  too), before routing.
* `X-Forwarded-For` / `X-Forwarded-Proto` are believed only from `DOCFLOW_TRUSTED_PROXIES` (IPs or
  networks; none by default), through uvicorn's own middleware. The server runs with
  `--no-proxy-headers`, since uvicorn by itself trusts any loopback peer: then every local client
  could pick the address the sign-in limits and the audit log see.
"""

from __future__ import annotations

import json

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send


def host_name(host_header: str) -> str:
    """`Example.COM:8000` → `example.com`; `[::1]:8000` → `::1`."""
    host = host_header.strip().lower()
    if host.startswith("["):
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def host_allowed(host_header: str | None, trusted: frozenset[str]) -> bool:
    if "*" in trusted:
        return True
    if not host_header:
        return False
    name = host_name(host_header)
    if name in trusted:
        return True
    return any(t.startswith("*.") and name.endswith(t[1:]) for t in trusted)


_INVALID_HOST = "This API does not answer to that host name (DOCFLOW_TRUSTED_HOSTS)."


class TrustedHosts:
    """Refuse a request or WebSocket handshake whose Host is not one of ours (pure ASGI)."""

    def __init__(self, app: ASGIApp, hosts: list[str]) -> None:
        self.app = app
        self.hosts = frozenset(host_name(h) if h != "*" else h for h in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or host_allowed(
            Headers(scope=scope).get("host"), self.hosts
        ):
            await self.app(scope, receive, send)
            return
        body = json.dumps(
            {
                "error": {
                    "code": "invalid_host",
                    "message": _INVALID_HOST,
                    "details": None,
                }
            }
        ).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 400, "headers": headers})
            await send({"type": "http.response.body", "body": body})
        elif "websocket.http.response" in scope.get("extensions", {}):
            await send({"type": "websocket.http.response.start", "status": 400, "headers": headers})
            await send({"type": "websocket.http.response.body", "body": body})
        else:
            await send({"type": "websocket.close", "code": 1008, "reason": "invalid_host"})
