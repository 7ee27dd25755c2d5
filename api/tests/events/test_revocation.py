"""Ending access ends the live streams at once, in every API process.

Revoking a token, signing a session out or deactivating a user is published on Redis; every API
process closes that principal's WebSockets (code 4401) and ends its SSE streams within moments,
and nothing recorded after the revocation reaches them. The periodic re-check is left at its
default (60 s) here, so only the published revocation can end the streams in time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests_support.live import (
    Received,
    SseRead,
    emit_events,
    http,
    new_job,
    read_sse,
    read_until,
    subscribe,
    ws_url,
)
from tests_support.servers import api_server

PASSWORD = "correct horse battery staple"
# What "at once" means on a busy 2-core machine: the target is well under a second.
ENDS_WITHIN = 6.0
ENV = {
    "DOCFLOW_EVENT_HEARTBEAT_SECONDS": "1",
    "DOCFLOW_EVENT_HUB_POLL_SECONDS": "0.5",
    "DOCFLOW_EVENT_AUTH_RECHECK_SECONDS": "60",  # the default: the backstop, not the mechanism
}


@pytest.fixture(scope="module")
def two_apis(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Two real API processes on the same PostgreSQL and Redis (each its own event hub)."""
    logs = tmp_path_factory.mktemp("revocation")
    env = {**stack.env, **ENV}
    with api_server(env, logs / "api-1.log") as one, api_server(env, logs / "api-2.log") as two:
        yield one, two


@dataclass
class Ended:
    """How a stream ended: when (monotonic), with which close code (WS), and what it got."""

    at: float | None = None
    code: int | None = None
    seqs: list[int] = field(default_factory=list)


async def _watch_ws(
    base: str, headers: dict[str, str], job_id: str, opened: asyncio.Event
) -> Ended:
    ended = Ended()
    received = Received()
    async with connect(ws_url(base), additional_headers=headers, open_timeout=10) as ws:
        await subscribe(ws, [job_id], 0)
        opened.set()
        try:
            await read_until(ws, lambda r: False, 15, into=received)
        except AssertionError:  # still open at the deadline: `at` stays None
            pass
        except ConnectionClosed as closed:
            ended.at = time.monotonic()
            ended.code = closed.rcvd.code if closed.rcvd is not None else None
    ended.seqs = received.seqs
    return ended


async def _watch_sse(
    base: str, headers: dict[str, str], job_id: str, opened: asyncio.Event
) -> Ended:
    def note_open(read: SseRead) -> bool:
        opened.set()  # the replay (job_queued) arrived: the stream is live
        return False

    read = await read_sse(base, job_id, "", headers=headers, stop=note_open, timeout=15)
    ended = Ended(seqs=[e["seq"] for e in read.events])
    if read.ended:
        ended.at = time.monotonic()
    return ended


def _sign_in(base: str, email: str) -> tuple[dict[str, str], str]:
    answer = httpx.post(
        f"{base}/api/auth/login", json={"email": email, "password": PASSWORD}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    return {"Cookie": f"docflow_session={answer.cookies['docflow_session']}"}, answer.json()[
        "csrf_token"
    ]


def _run(
    streams: list[tuple[str, str, dict[str, str]]],
    job_id: str,
    revoke: Any,
) -> tuple[float, list[Ended], list[int]]:
    """Open each (kind, base, headers) stream on `job_id`, call `revoke()` once all are live, then
    record three more events of the job. Returns when the revocation was answered, how each
    stream ended, and the seqs recorded after it."""

    async def scenario() -> tuple[float, list[Ended], list[int]]:
        opened = [asyncio.Event() for _ in streams]
        tasks = [
            asyncio.create_task(
                (_watch_ws if kind == "ws" else _watch_sse)(base, headers, job_id, flag)
            )
            for (kind, base, headers), flag in zip(streams, opened, strict=True)
        ]
        async with asyncio.timeout(20):
            await asyncio.gather(*(flag.wait() for flag in opened))
        await asyncio.to_thread(revoke)
        revoked_at = time.monotonic()
        later = await asyncio.to_thread(emit_events, job_id, 3)
        ends = await asyncio.gather(*tasks)
        return revoked_at, list(ends), later

    return asyncio.run(scenario())


def _assert_ended_at_once(revoked_at: float, ends: list[Ended], later: list[int]) -> None:
    for i, end in enumerate(ends):
        assert end.at is not None, f"stream {i} was still open after 15 s"
        assert end.at - revoked_at < ENDS_WITHIN, f"stream {i} ended after {end.at - revoked_at}s"
        assert not set(end.seqs) & set(later), f"stream {i} got events recorded after revocation"


@pytest.mark.timeout(120)
def test_revoking_a_token_ends_its_streams_in_every_api_process(
    two_apis: tuple[str, str], make_user: Any
) -> None:
    one, two = two_apis
    owner = make_user("reviewer")
    job_id = new_job(one, owner.token)
    with http(one, owner.token) as client:
        created = client.post("/api/tokens", json={"name": "streams"}).json()
        streamed = {"Authorization": f"Bearer {created['token']}"}
        kept = {"Authorization": f"Bearer {owner.token}"}  # another token of the same user

        def revoke() -> None:
            assert client.delete(f"/api/tokens/{created['id']}").status_code == 200

        revoked_at, ends, later = _run(
            [("ws", one, streamed), ("sse", two, streamed), ("ws", two, streamed)], job_id, revoke
        )
    _assert_ended_at_once(revoked_at, ends, later)
    assert ends[0].code == 4401
    assert ends[2].code == 4401

    # The user's other token was not revoked: its stream stays open and gets those events.
    async def still_streams() -> Received:
        async with connect(ws_url(two), additional_headers=kept, open_timeout=10) as ws:
            return await subscribe(ws, [job_id], later[0] - 1)

    assert set(later) <= set(asyncio.run(still_streams()).seqs)


@pytest.mark.timeout(120)
def test_deactivating_a_user_ends_their_streams_in_every_api_process(
    two_apis: tuple[str, str], make_user: Any
) -> None:
    one, two = two_apis
    admin = make_user("admin")
    member = make_user("reviewer", admin.workspace_id, password=PASSWORD)
    job_id = new_job(one, admin.token)
    cookie, _ = _sign_in(two, member.email)
    token = {"Authorization": f"Bearer {member.token}"}

    def deactivate() -> None:
        with http(one, admin.token) as client:
            answer = client.patch(f"/api/users/{member.user_id}", json={"is_active": False})
            assert answer.status_code == 200, answer.text

    revoked_at, ends, later = _run(
        [("ws", two, token), ("sse", one, cookie), ("ws", one, cookie), ("sse", two, token)],
        job_id,
        deactivate,
    )
    _assert_ended_at_once(revoked_at, ends, later)
    assert ends[0].code == 4401
    assert ends[2].code == 4401


@pytest.mark.timeout(120)
def test_signing_out_ends_the_sessions_streams(two_apis: tuple[str, str], make_user: Any) -> None:
    one, two = two_apis
    member = make_user("reviewer", password=PASSWORD)
    job_id = new_job(one, member.token)
    cookie, csrf = _sign_in(one, member.email)

    def sign_out() -> None:
        answer = httpx.post(
            f"{two}/api/auth/logout", headers={**cookie, "X-CSRF-Token": csrf}, timeout=10
        )
        assert answer.status_code == 204, answer.text

    revoked_at, ends, later = _run(
        [("ws", one, cookie), ("sse", two, cookie), ("ws", two, cookie)], job_id, sign_out
    )
    _assert_ended_at_once(revoked_at, ends, later)
    assert {ends[0].code, ends[2].code} == {4401}


@pytest.mark.timeout(120)
def test_a_role_change_rechecks_but_keeps_a_stream_every_role_may_read(
    two_apis: tuple[str, str], make_user: Any
) -> None:
    """Every role reads its workspace's events, so a lowered role keeps its streams (they are
    re-checked at once and go on): the control for the tests above."""
    one, two = two_apis
    admin = make_user("admin")
    member = make_user("reviewer", admin.workspace_id)
    job_id = new_job(one, admin.token)
    token = {"Authorization": f"Bearer {member.token}"}

    async def scenario() -> tuple[list[int], list[int]]:
        async with connect(ws_url(two), additional_headers=token, open_timeout=10) as ws:
            await subscribe(ws, [job_id], 0)
            with http(one, admin.token) as client:
                answer = await asyncio.to_thread(
                    client.patch, f"/api/users/{member.user_id}", json={"role": "viewer"}
                )
                assert answer.status_code == 200, answer.text
            later = await asyncio.to_thread(emit_events, job_id, 3)
            got = await read_until(ws, lambda r: bool(r.seqs) and r.seqs[-1] >= later[-1], 10)
            return later, got.seqs

    later, seqs = asyncio.run(scenario())
    assert set(later) <= set(seqs)
