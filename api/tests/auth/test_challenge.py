"""Every 401 carries a `WWW-Authenticate` challenge (RFC 9110), HTTP and WebSocket handshakes
alike — Bearer, so a browser never pops up a sign-in prompt of its own."""

from __future__ import annotations

import asyncio
from typing import Any

from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from tests_support.live import ws_url
from tests_support.servers import api_server


def _challenged(headers: Any) -> bool:
    return str(headers.get("www-authenticate", "")).startswith("Bearer")


def test_every_401_names_its_scheme(client: Any, make_user: Any) -> None:
    user = make_user("reviewer", password="a long password")
    client.headers.pop("Authorization")
    cases = {
        "no credentials": client.get("/api/documents"),
        "forged token": client.get("/api/documents", headers={"Authorization": "Bearer dfk_x"}),
        "other scheme": client.get("/api/documents", headers={"Authorization": "Basic eDp5"}),
        "forged cookie": client.get("/api/auth/me", headers={"Cookie": "docflow_session=x"}),
        "wrong password": client.post(
            "/api/auth/login", json={"email": user.email, "password": "not it"}
        ),
        "stream": client.get("/api/jobs/00000000-0000-0000-0000-000000000000/stream"),
    }
    for what, answer in cases.items():
        assert answer.status_code == 401, what
        assert _challenged(answer.headers), (what, dict(answer.headers))


def test_a_refused_websocket_handshake_names_its_scheme(stack: Any, tmp_path: Any) -> None:
    async def refused() -> Any:
        try:
            async with connect(ws_url(base, "dfk_forged"), open_timeout=10):
                return None
        except InvalidStatus as error:
            return error.response

    with api_server(stack.env, tmp_path / "api.log") as base:
        response = asyncio.run(refused())
    assert response is not None
    assert response.status_code == 401
    assert _challenged(response.headers)
