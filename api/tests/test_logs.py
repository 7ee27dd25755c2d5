"""What the API and the worker write to their logs: never a token, a password, a session cookie or
a CSRF token, whichever way a client sent it (Bearer header, `?token=` on a WebSocket or SSE
handshake, cookie, JSON body) and whether the request was accepted or refused; and a refused
WebSocket handshake is an INFO line, not an ERROR.

Both run as real processes whose whole output is captured (the API with its access log on, as in
the Docker image), and every secret the run used is looked for in it.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus
from websockets.typing import Origin

from tests_support.api import minimal_pdf, upload, wait_for_job
from tests_support.live import ws_url
from tests_support.servers import api_server

PASSWORD = "log-test " + secrets.token_urlsafe(12)


@dataclass
class Run:
    base: str
    log: Path
    secrets: dict[str, str] = field(default_factory=dict)  # what → value


@pytest.fixture(scope="module")
def live(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    log = tmp_path_factory.mktemp("logs") / "api.log"
    with api_server(stack.env, log, extra_args=("--access-log",)) as base:
        yield base, log


def _ws_attempt(
    base: str,
    *,
    query_token: str | None = None,
    headers: dict[str, str] | None = None,
    origin: str | None = None,
) -> int | None:
    """The status a WebSocket handshake is refused with, or None once accepted and subscribed."""

    async def attempt() -> int | None:
        url = ws_url(base) + (f"?token={query_token}" if query_token else "")
        try:
            async with connect(
                url,
                additional_headers=headers or {},
                origin=Origin(origin) if origin else None,
                open_timeout=10,
            ) as ws:
                await ws.send(json.dumps({"subscribe": "all"}))
                async with asyncio.timeout(10):
                    while json.loads(await ws.recv()).get("type") != "subscribed":
                        pass
                return None
        except InvalidStatus as refused:
            return int(refused.response.status_code)

    return asyncio.run(attempt())


def _exercise(base: str, make_user: Any) -> dict[str, str]:
    """Use every kind of secret once, the way clients do; return them by name."""
    admin = make_user("admin", password=PASSWORD)
    found: dict[str, str] = {"fixture token": admin.token, "password": PASSWORD}
    wrong = "wrong " + secrets.token_urlsafe(12)
    forged = "dfk_" + secrets.token_urlsafe(32)
    found |= {"wrong password": wrong, "forged token": forged}
    with httpx.Client(base_url=base, timeout=30) as client:
        # Sign-in: a wrong password, then the right one (cookie + CSRF token).
        refused = client.post("/api/auth/login", json={"email": admin.email, "password": wrong})
        assert refused.status_code == 401
        signed_in = client.post(
            "/api/auth/login", json={"email": admin.email, "password": PASSWORD}
        )
        assert signed_in.status_code == 200, signed_in.text
        cookie = signed_in.cookies["docflow_session"]
        csrf = signed_in.json()["csrf_token"]
        found |= {"session cookie": cookie, "csrf token": csrf}
        browser = {"Cookie": f"docflow_session={cookie}", "X-CSRF-Token": csrf}
        assert client.get("/api/auth/me", headers=browser).status_code == 200
        # A token made through the cookie session; users made with and without a password.
        made = client.post("/api/tokens", json={"name": "logs"}, headers=browser)
        assert made.status_code == 201, made.text
        token = made.json()["token"]
        found["created token"] = token
        chosen = "chosen " + secrets.token_urlsafe(12)
        found["new user's password"] = chosen
        created = client.post(
            "/api/users",
            json={"email": f"pw-{secrets.token_hex(4)}@example.test", "password": chosen},
            headers=browser,
        )
        assert created.status_code == 201, created.text
        temporary = client.post(
            "/api/users",
            json={"email": f"tmp-{secrets.token_hex(4)}@example.test"},
            headers=browser,
        )
        assert temporary.status_code == 201, temporary.text
        found["temporary password"] = temporary.json()["temporary_password"]
        # Bearer requests: accepted and refused; an upload the worker processes.
        bearer = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/documents", headers=bearer).status_code == 200
        forged_bearer = {"Authorization": f"Bearer {forged}"}
        assert client.get("/api/documents", headers=forged_bearer).status_code == 401
        client.headers.update(bearer)
        accepted = upload(client, ("logs.pdf", minimal_pdf("Invoice LOG-1 Total 5.00 USD")))
        assert accepted.status_code == 202, accepted.text
        job_id = accepted.json()["items"][0]["job"]["id"]
        assert wait_for_job(client, job_id)["status"] == "completed"
        client.headers.pop("Authorization")
    # WebSocket handshakes: `?token=`, Bearer header and cookie; accepted and refused.
    assert _ws_attempt(base, query_token=token) is None
    assert _ws_attempt(base, query_token=forged) == 401
    assert _ws_attempt(base, query_token=token, origin="https://evil.example") == 403
    assert _ws_attempt(base, headers={"Authorization": f"Bearer {admin.token}"}) is None
    assert _ws_attempt(base, headers={"Cookie": f"docflow_session={cookie}"}) is None
    # SSE with `?token=` (what EventSource sends), refused and accepted.
    with httpx.Client(base_url=base, timeout=10) as client:
        streamed = client.get(f"/api/jobs/{job_id}/stream", params={"token": forged})
        assert streamed.status_code == 401
        with client.stream("GET", f"/api/jobs/{job_id}/stream", params={"token": token}) as sse:
            assert sse.status_code == 200
            next(sse.iter_lines())
        # Sign out and revoke the token.
        assert client.post("/api/auth/logout", headers=browser).status_code == 204
        revoked = client.delete(f"/api/tokens/{made.json()['id']}", headers=bearer)
        assert revoked.status_code == 200
    return found


def _logged(text: str, secret: str) -> bool:
    return secret in text or secret.replace(" ", "+") in text or secret.replace(" ", "%20") in text


@pytest.mark.timeout(180)
def test_no_secret_reaches_any_log_line(
    live: tuple[str, Path], worker: Any, make_user: Any
) -> None:
    base, log = live
    used = _exercise(base, make_user)
    time.sleep(0.5)  # let both processes flush their last lines
    api_log, worker_log = log.read_text(errors="replace"), worker.log()
    assert "WebSocket /api/ws" in api_log  # the handshakes were logged, without their secret
    assert "GET /api/documents" in api_log  # the access log is on
    leaks = [
        f"{what} in the {where} log"
        for what, secret in used.items()
        for where, text in (("API", api_log), ("worker", worker_log))
        if _logged(text, secret)
    ]
    assert leaks == []


def test_a_refused_websocket_handshake_is_not_logged_as_an_error(
    live: tuple[str, Path], make_user: Any
) -> None:
    base, log = live
    member = make_user("viewer")
    before = len(log.read_text(errors="replace"))
    assert _ws_attempt(base, query_token="dfk_" + secrets.token_urlsafe(8)) == 401
    assert _ws_attempt(base) == 401
    assert _ws_attempt(base, query_token=member.token, origin="https://evil.example") == 403
    assert _ws_attempt(base, query_token=member.token) is None  # the control
    time.sleep(0.3)
    lines = log.read_text(errors="replace")[before:].splitlines()
    assert any('"WebSocket /api/ws' in line and "401" in line for line in lines), lines
    errors = [
        line
        for line in lines
        if re.match(r"^(ERROR|CRITICAL)\b", line)
        or " ERROR " in line
        or re.search(r'"level": "(ERROR|CRITICAL)"', line)  # JSON lines (DOCFLOW_LOG_FORMAT)
    ]
    assert errors == []


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ('127.0.0.1:5 - "WebSocket /api/ws?token=abc.DEF-123" [accepted]', "abc.DEF-123"),
        ('"GET /api/jobs/1/stream?after=3&token=s3cr3t HTTP/1.1" 200', "s3cr3t"),
        ("Authorization: Bearer dfk_AbC-123_xyz", "dfk_AbC-123_xyz"),
        ("headers={'authorization': 'Bearer opaque.jwt.value'}", "opaque.jwt.value"),
        ("Cookie: docflow_session=Zx9_k; theme=dark", "Zx9_k"),
        ('body {"email": "a@b.c", "password": "hunter2 two"}', "hunter2"),
        ("csrf_token=QmFzZTY0", "QmFzZTY0"),
        ("token leaked: dfk_Q1w2E3r4T5y6", "dfk_Q1w2E3r4T5y6"),
    ],
)
def test_redaction_removes_the_secret_and_keeps_the_line(line: str, secret: str) -> None:
    from docflow.log_redaction import redact

    cleaned = redact(line)
    assert secret not in cleaned
    assert "[redacted]" in cleaned
    assert cleaned[:8] == line[:8]  # the rest of the line is still there
