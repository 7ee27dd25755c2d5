"""WS /api/ws against a real uvicorn process, real Redis and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import threading

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus

from tests_support.live import (
    Received,
    emit_events,
    has_seq,
    http,
    new_job,
    read_until,
    subscribe,
    table_events,
    ws_client,
)


def test_after_x_replays_exactly_the_rest_then_live_without_duplicates(live_api, user) -> None:
    job_id = new_job(live_api, user.token)
    first = emit_events(job_id, 20)
    after = first[9]

    async def scenario() -> Received:
        async with ws_client(live_api, user.token) as ws:
            # Events keep being committed while the client joins: the seam must hold.
            producer = threading.Thread(target=emit_events, args=(job_id, 150))
            producer.start()
            try:
                received = await subscribe(ws, "all", after)
                ack = next(c for c in received.control if c["type"] == "subscribed")
                assert ack["after"] == after
                assert ack["last_seq"] == (received.seqs[-1] if received.seqs else after)
            finally:
                await asyncio.to_thread(producer.join)
            last = table_events(live_api, user.token)[-1]["seq"]
            await read_until(ws, has_seq(last), 20, into=received)
            live = emit_events(job_id, 5)
            await read_until(ws, has_seq(live[-1]), 10, into=received)
            return received

    received = asyncio.run(scenario())
    seqs = received.seqs
    # Exactly seq > after, in order, each once (the worker may add the job's own events too).
    table = [e["seq"] for e in table_events(live_api, user.token, after=after)]
    assert seqs == table[: len(seqs)]
    assert [e["type"] for e in received.events].count("document_parsing_progress") == 10 + 150 + 5


def test_without_after_only_live_events(live_api, user) -> None:
    job_id = new_job(live_api, user.token)
    before = emit_events(job_id, 3)

    async def scenario() -> tuple[list[int], list[int]]:
        async with ws_client(live_api, user.token) as ws:
            received = await subscribe(ws, "all", None)
            assert received.events == []
            live = emit_events(job_id, 4)
            await read_until(ws, has_seq(live[-1]), 10, into=received)
            return received.seqs, live

    seqs, live = asyncio.run(scenario())
    assert not set(seqs) & set(before)
    assert [s for s in seqs if s in live] == live
    assert seqs == sorted(set(seqs))


def test_subscription_to_job_ids_and_resubscribe(live_api, user) -> None:
    job_a = new_job(live_api, user.token, "Invoice A")
    job_b = new_job(live_api, user.token, "Invoice B")

    async def scenario() -> None:
        async with ws_client(live_api, user.token) as ws:
            received = await subscribe(ws, [job_a], 0)
            assert {e["job_id"] for e in received.events} == {job_a}
            b_events = emit_events(job_b, 3)
            a_events = emit_events(job_a, 3)
            await read_until(ws, has_seq(a_events[-1]), 10, into=received)
            assert {e["job_id"] for e in received.events} == {job_a}
            assert not set(b_events) & set(received.seqs)
            # Change the subscription: both jobs, replayed from the start.
            again = await subscribe(ws, [job_a, job_b], 0)
            last = next(c for c in again.control if c["type"] == "subscribed")["last_seq"]
            both = [e["seq"] for e in table_events(live_api, user.token) if e["seq"] <= last]
            assert again.seqs == both

    asyncio.run(scenario())


def test_invalid_messages_get_error_frames_and_the_socket_stays_open(live_api, user) -> None:
    job_id = new_job(live_api, user.token)

    async def scenario() -> None:
        async with ws_client(live_api, user.token) as ws:
            bad = [
                "not json",
                "[1, 2]",
                json.dumps({"subscribe": "some"}),
                json.dumps({"subscribe": ["not-a-uuid"]}),
                json.dumps({"subscribe": "all", "after": -1}),
                json.dumps({"subscribe": "all", "extra": 1}),
                json.dumps({"hello": "world"}),
            ]
            for message in bad:
                await ws.send(message)
                frame = json.loads(await asyncio.wait_for(ws.recv(), 5))
                assert set(frame) == {"error"}, (message, frame)
                assert set(frame["error"]) == {"code", "message", "details"}
                assert frame["error"]["code"] in {"invalid_json", "validation_error"}
            await ws.send(b"\x00\x01")
            frame = json.loads(await asyncio.wait_for(ws.recv(), 5))
            assert frame["error"]["code"] == "bad_request"
            # Still usable afterwards.
            await ws.send(json.dumps({"type": "ping"}))
            assert json.loads(await asyncio.wait_for(ws.recv(), 5)) == {"type": "pong"}
            received = await subscribe(ws, [job_id], 0)
            last = next(c for c in received.control if c["type"] == "subscribed")["last_seq"]
            table = table_events(live_api, user.token, job_id)
            assert received.seqs == [e["seq"] for e in table if e["seq"] <= last]
            assert received.seqs

    asyncio.run(scenario())


def test_server_pings_a_quiet_client(live_api, user) -> None:
    async def scenario() -> None:
        async with ws_client(live_api, user.token) as ws:
            await subscribe(ws, "all", None)
            frame = json.loads(await asyncio.wait_for(ws.recv(), 5))  # heartbeat is 1 s here
            assert frame == {"type": "ping"}

    asyncio.run(scenario())


def test_authentication_and_origin_are_checked_before_accept(live_api, user) -> None:
    async def status_of(**kwargs) -> int:  # type: ignore[no-untyped-def]
        with pytest.raises(InvalidStatus) as refused:
            async with ws_client(live_api, **kwargs):
                pass
        return refused.value.response.status_code

    async def scenario() -> None:
        assert await status_of(token=None) == 401
        assert await status_of(token="dfk_wrong") == 401
        assert await status_of(token=user.token, origin="https://evil.example") == 403
        # Allowed: a listed origin, no Origin at all (not a browser), the query-string token.
        for kwargs in (
            {"origin": "http://127.0.0.1:3000"},
            {},
            {"query_token": True, "origin": "http://127.0.0.1:3000"},
        ):
            async with ws_client(live_api, user.token, **kwargs) as ws:
                await subscribe(ws, "all", None)

    asyncio.run(scenario())


def test_another_workspaces_events_are_never_delivered(live_api, make_user) -> None:
    alice, mallory = make_user("reviewer"), make_user("reviewer")
    alice_job = new_job(live_api, alice.token)
    mallory_job = new_job(live_api, mallory.token)

    async def scenario() -> None:
        async with (
            ws_client(live_api, mallory.token) as spy_all,
            ws_client(live_api, mallory.token) as spy_job,
            ws_client(live_api, alice.token) as owner,
        ):
            spying = await subscribe(spy_all, "all", 0)
            targeted = await subscribe(spy_job, [alice_job], 0)
            watching = await subscribe(owner, "all", 0)
            alice_seqs = emit_events(alice_job, 5)
            marker = emit_events(mallory_job, 1)  # mallory's own event, after alice's
            await read_until(owner, has_seq(alice_seqs[-1]), 10, into=watching)
            await read_until(spy_all, has_seq(marker[-1]), 10, into=spying)
            assert {e["job_id"] for e in spying.events} == {mallory_job}
            await asyncio.sleep(0.3)
            assert targeted.events == []
            assert {e["job_id"] for e in watching.events} == {alice_job}

    asyncio.run(scenario())


def test_revoking_the_token_closes_the_stream(live_api, make_user) -> None:
    owner = make_user("reviewer")
    with http(live_api, owner.token) as client:
        created = client.post("/api/tokens", json={"name": "stream"})
        assert created.status_code == 201, created.text
        token, token_id = created.json()["token"], created.json()["id"]

        async def scenario() -> None:
            async with ws_client(live_api, token) as ws:
                await subscribe(ws, "all", None)
                assert client.delete(f"/api/tokens/{token_id}").status_code in {200, 204}
                with pytest.raises(ConnectionClosed) as closed:
                    await read_until(ws, lambda r: False, 10)
                assert closed.value.rcvd is not None
                assert closed.value.rcvd.code == 4401

        asyncio.run(scenario())
