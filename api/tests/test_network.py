"""Who a request is for and who it comes from: the Host header must name this API (a DNS-rebinding
page must not pass as the API's own origin), and X-Forwarded-For is believed only from configured
proxies (a loopback client must not choose the address the sign-in limits and audit log see)."""

from __future__ import annotations

import asyncio
import base64
import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from tests_support.servers import api_server

PASSWORD = "correct horse battery staple"
REBOUND = "rebind.evil.example:8000"  # resolves to 127.0.0.1 once the attacker flips its DNS


@pytest.fixture
def app_client(stack: Any) -> Iterator[TestClient]:
    from docflow.main import create_app

    with TestClient(create_app(), base_url="http://testserver") as c:
        yield c


def _login(client: TestClient, email: str, headers: dict[str, str]) -> Any:
    return client.post(
        "/api/auth/login", json={"email": email, "password": PASSWORD}, headers=headers
    )


def test_a_dns_rebinding_page_can_neither_sign_in_nor_read(
    app_client: TestClient, make_user: Any
) -> None:
    user = make_user("admin", password=PASSWORD)
    page = {"Host": REBOUND, "Origin": f"http://{REBOUND}"}  # what the browser sends for it
    answer = _login(app_client, user.email, page)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] == "invalid_host"
    assert "set-cookie" not in answer.headers
    bearer = {"Host": REBOUND, "Authorization": f"Bearer {user.token}"}
    assert app_client.get("/api/documents", headers=bearer).status_code == 400
    # The control: the API's own loopback names, each with its own origin.
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000"):
        ok = _login(app_client, user.email, {"Host": host, "Origin": f"http://{host}"})
        assert ok.status_code == 200, (host, ok.text)


def test_the_default_host_allowlist_covers_loopback_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from docflow.config import Settings
    from docflow.network import host_allowed

    monkeypatch.delenv("DOCFLOW_TRUSTED_HOSTS", raising=False)
    trusted = frozenset(Settings().trusted_hosts)
    for host in ("127.0.0.1:8000", "localhost:3000", "LOCALHOST", "[::1]:8000", "127.0.0.1"):
        assert host_allowed(host, trusted), host
    for host in (REBOUND, "evil.example", "127.0.0.1.evil.example", "", None, "[::2]:80"):
        assert not host_allowed(host, trusted), host
    assert host_allowed("api.example.com", frozenset({"*.example.com"}))
    assert not host_allowed("example.com.evil", frozenset({"*.example.com"}))


@pytest.fixture(scope="module")
def live(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with api_server(stack.env, tmp_path_factory.mktemp("network") / "api.log") as base:
        yield base


def _raw_handshake(base: str, host: str, token: str) -> bytes:
    """A WebSocket handshake as a rebinding page's browser would send it (its own Host/Origin)."""

    async def handshake() -> bytes:
        port = int(base.rsplit(":", 1)[1])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        key = base64.b64encode(os.urandom(16)).decode()
        writer.write(
            (
                f"GET /api/ws?token={token} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\n"
                f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                "Sec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        await writer.drain()
        status = await asyncio.wait_for(reader.readline(), 10)
        writer.close()
        return status

    return asyncio.run(handshake())


def test_a_dns_rebinding_page_cannot_open_the_websocket(live: str, make_user: Any) -> None:
    user = make_user("viewer")
    assert b" 400 " in _raw_handshake(live, REBOUND, user.token)
    assert b" 101 " in _raw_handshake(live, live.removeprefix("http://"), user.token)  # control


def _signed_in_address(base: str, user: Any, forwarded: str) -> str:
    with httpx.Client(base_url=base, timeout=10) as client:
        answer = client.post(
            "/api/auth/login",
            json={"email": user.email, "password": PASSWORD},
            headers={"X-Forwarded-For": forwarded},
        )
        assert answer.status_code == 200, answer.text
        audit = client.get(
            "/api/audit-events", headers={"Authorization": f"Bearer {user.token}"}
        ).json()
    signed_in = [e for e in audit if e["action"] == "user.signed_in"]
    return str(signed_in[0]["data"]["address"])


def test_x_forwarded_for_from_a_client_is_ignored(live: str, make_user: Any) -> None:
    user = make_user("admin", password=PASSWORD)
    assert _signed_in_address(live, user, "203.0.113.7") == "127.0.0.1"


def test_x_forwarded_for_from_a_configured_proxy_is_believed(
    stack: Any, tmp_path_factory: pytest.TempPathFactory, make_user: Any
) -> None:
    env = {**stack.env, "DOCFLOW_TRUSTED_PROXIES": '["127.0.0.0/8"]'}
    with api_server(env, tmp_path_factory.mktemp("proxied") / "api.log") as base:
        user = make_user("admin", password=PASSWORD)
        assert _signed_in_address(base, user, "203.0.113.7") == "203.0.113.7"
