"""The WebSocket protocol the API runs under uvicorn (`--ws docflow.ws_protocol:WebSocketProtocol`).

uvicorn's sans-I/O `websockets` protocol (chosen for its fan-out latency, see the README's live
events benchmark), with one fix: a handshake the app refuses with an HTTP answer (401, 403 … via
the ASGI denial-response extension) is complete once that answer is sent. uvicorn 0.54 does not
mark it so and logs `ERROR: ASGI callable returned without completing handshake.` for every
refused handshake — an alert on each expired token. Reported upstream (Kludex/uvicorn#3138, open);
drop this class once a release carries the fix.
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol


class WebSocketProtocol(WebSocketsSansIOProtocol):
    async def send(self, message: Any) -> None:
        await super().send(message)
        if message["type"] == "websocket.http.response.body" and not message.get("more_body"):
            self.handshake_complete = True  # the denial response is on the wire
