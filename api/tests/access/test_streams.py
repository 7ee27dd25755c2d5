"""The live streams obey the same rules as HTTP: WebSocket and SSE authenticate on connect (token or
cookie), refuse foreign Origins, and deliver only the caller's workspace's events — replays from
job_events and the live feed alike."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus
from websockets.typing import Origin

from tests_support.api import minimal_pdf, upload
from tests_support.servers import api_server

from .conftest import World, bearer, websocket_routes

EVIL = "https://evil.example"
PWA = "http://127.0.0.1:3000"  # trusted by the test settings (DOCFLOW_ALLOWED_WS_ORIGINS)


@pytest.fixture(scope="module")
def live(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn process: WebSockets are tested over a real socket with a real client."""
    log = tmp_path_factory.mktemp("access-api") / "api.log"
    env = {**stack.env, "DOCFLOW_EVENT_HEARTBEAT_SECONDS": "0.5"}
    with api_server(env, log) as base:
        yield base


def _ws_url(base: str) -> str:
    return base.replace("http://", "ws://", 1) + "/api/ws"


def _cookie(base: str, user: Any) -> dict[str, str]:
    answer = httpx.post(
        f"{base}/api/auth/login",
        json={"email": user.email, "password": user.password},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    return {"Cookie": f"docflow_session={answer.cookies['docflow_session']}"}


async def _read_until(
    ws: ClientConnection, done: Callable[[dict[str, Any]], bool], timeout: float = 10.0
) -> list[dict[str, Any]]:
    """Frames (heartbeats included) until `done(frame)`; fails at the deadline."""
    frames: list[dict[str, Any]] = []
    async with asyncio.timeout(timeout):
        while True:
            frame = json.loads(await ws.recv())
            frames.append(frame)
            if done(frame):
                return frames


def _refusal(base: str, headers: dict[str, str], origin: str | None = None) -> int | None:
    """The HTTP status a WebSocket handshake is refused with; None when it is accepted (and the
    subscription acknowledged)."""

    async def attempt() -> int | None:
        try:
            async with connect(
                _ws_url(base),
                additional_headers=headers,
                origin=Origin(origin) if origin else None,
                open_timeout=10,
            ) as ws:
                await ws.send(json.dumps({"subscribe": "all"}))
                await _read_until(ws, lambda f: f.get("type") == "subscribed")
                return None
        except InvalidStatus as refused:
            return int(refused.response.status_code)

    return asyncio.run(attempt())


def _subscribed(frame: dict[str, Any]) -> bool:
    return frame.get("type") == "subscribed"


def test_the_websocket_route_is_registered(app_client: TestClient) -> None:
    assert "/api/ws" in websocket_routes(app_client.app)


def test_websocket_needs_valid_credentials(
    live: str, world: World, make_user: Any, db_session: Any
) -> None:
    revoked = make_user("viewer", world.a_reviewer.workspace_id)
    gone = make_user("viewer", world.a_reviewer.workspace_id)
    db_session.execute(
        text("UPDATE api_tokens SET revoked_at = now() WHERE user_id = :u"), {"u": revoked.user_id}
    )
    db_session.execute(
        text("UPDATE users SET is_active = false WHERE id = :u"), {"u": gone.user_id}
    )
    db_session.commit()
    for headers in (
        {},
        bearer(revoked),
        bearer(gone),
        {"Authorization": "Bearer dfk_forged"},
        {"Cookie": "docflow_session=forged"},
    ):
        assert _refusal(live, headers) == 401, headers
    assert _refusal(live, bearer(world.a_viewer)) is None  # the control


def test_websocket_from_a_foreign_origin_is_refused(
    live: str, world: World, make_user: Any
) -> None:
    member = make_user("viewer", world.a_reviewer.workspace_id, password="a long password")
    cookie = _cookie(live, member)
    assert _refusal(live, cookie, origin=EVIL) == 403
    assert _refusal(live, cookie, origin="null") == 403
    assert _refusal(live, bearer(member), origin=EVIL) == 403
    # The same cookie from the trusted PWA origin or the API's own origin is accepted.
    assert _refusal(live, cookie, origin=PWA) is None
    assert _refusal(live, cookie, origin=live) is None
    assert _refusal(live, cookie) is None  # no Origin: not a browser


def test_websocket_replays_and_streams_only_the_callers_workspace(
    live: str, app_client: TestClient, world: World
) -> None:
    a_ids = {world.job_id, world.document_id}

    async def b_session() -> tuple[list[dict[str, Any]], str]:
        async with connect(
            _ws_url(live), additional_headers=bearer(world.b_reviewer), open_timeout=10
        ) as ws:
            # Replay of everything after seq 0, then A's job by id: nothing of A's either way.
            await ws.send(json.dumps({"subscribe": "all", "after": 0}))
            frames = await _read_until(ws, _subscribed)
            await ws.send(json.dumps({"subscribe": [world.job_id], "after": 0}))
            frames += await _read_until(ws, _subscribed)
            await ws.send(json.dumps({"subscribe": "all"}))
            frames += await _read_until(ws, _subscribed)
            # Live: A uploads, then B uploads; B gets its own event and never A's before it.
            a_upload = await asyncio.to_thread(
                upload,
                app_client,
                ("a-live.pdf", minimal_pdf("A live")),
                headers=bearer(world.a_reviewer),
            )
            a_ids.add(a_upload.json()["items"][0]["job"]["id"])
            b_upload = await asyncio.to_thread(
                upload,
                app_client,
                ("b-live.pdf", minimal_pdf("B live")),
                headers=bearer(world.b_reviewer),
            )
            b_job = b_upload.json()["items"][0]["job"]["id"]
            frames += await _read_until(ws, lambda f: f.get("job_id") == b_job)
            return frames, b_job

    frames, b_job = asyncio.run(b_session())
    events = [f for f in frames if "seq" in f]
    assert {e["job_id"] for e in events} == {b_job}
    assert not a_ids & {str(v) for f in frames for v in f.values()}

    async def a_session() -> list[dict[str, Any]]:
        async with connect(
            _ws_url(live), additional_headers=bearer(world.a_viewer), open_timeout=10
        ) as ws:
            await ws.send(json.dumps({"subscribe": "all", "after": 0}))
            return await _read_until(ws, _subscribed)

    own = asyncio.run(a_session())  # the control: A's stream replays A's history
    assert world.job_id in {f.get("job_id") for f in own}
    assert b_job not in {f.get("job_id") for f in own}


def _sse(client: TestClient, job_id: str, headers: dict[str, str]) -> Any:
    return client.get(f"/api/jobs/{job_id}/stream", headers=headers)


def test_sse_needs_credentials_and_never_opens_another_workspaces_job(
    app_client: TestClient, world: World
) -> None:
    assert _sse(app_client, world.job_id, {}).status_code == 401
    assert _sse(app_client, world.job_id, {"Cookie": "docflow_session=forged"}).status_code == 401
    for caller in (world.b_reviewer, world.b_admin):
        answer = _sse(app_client, world.job_id, bearer(caller))
        assert answer.status_code == 404
        assert world.document_id not in answer.text


def test_sse_with_a_cookie_from_a_foreign_origin_is_refused(world: World, signed_in: Any) -> None:
    browser, _ = signed_in("viewer", world.a_reviewer.workspace_id)
    assert _sse(browser, world.job_id, {"Origin": EVIL}).status_code == 403


@pytest.mark.timeout(60)
def test_sse_delivers_the_callers_job_events(app_client: TestClient, world: World) -> None:
    """The control for the refusals above (the stream ends by itself after 1 s in these tests)."""
    answer = _sse(app_client, world.job_id, bearer(world.a_viewer))
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/event-stream")
    data = [json.loads(line[5:]) for line in answer.text.splitlines() if line.startswith("data:")]
    assert data
    assert {d["job_id"] for d in data} == {world.job_id}
