"""GET /api/jobs/{id}/stream (SSE) against a real uvicorn process."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx

from tests_support.live import SseRead, emit_events, http, new_job, read_sse, table_events
from tests_support.servers import api_server


def test_resume_with_last_event_id_gets_the_rest_exactly_once(live_api, user) -> None:
    job_id = new_job(live_api, user.token)
    emit_events(job_id, 8)
    everything = [e["seq"] for e in table_events(live_api, user.token, job_id)]

    first = asyncio.run(read_sse(live_api, job_id, user.token, stop=lambda r: len(r.events) >= 3))
    assert first.status == 200
    assert [e["seq"] for e in first.events] == everything[:3]
    assert first.ids == [str(s) for s in everything[:3]]
    assert first.types == [e["type"] for e in first.events]
    assert first.retry == 2000
    assert first.headers["content-type"].startswith("text/event-stream")
    assert first.headers["cache-control"] == "no-cache"
    assert first.headers["x-accel-buffering"] == "no"

    # Reconnect with the last id seen, while more events are being produced.
    produced: list[int] = []
    producer = threading.Thread(target=lambda: produced.extend(emit_events(job_id, 40)))
    producer.start()

    def caught_up(read: SseRead) -> bool:
        return bool(produced) and bool(read.events) and read.events[-1]["seq"] >= produced[-1]

    try:
        rest = asyncio.run(
            read_sse(
                live_api,
                job_id,
                user.token,
                last_event_id=first.ids[-1],
                after=0,  # the header wins over a stale ?after=
                stop=caught_up,
            )
        )
    finally:
        producer.join()
    table = [e["seq"] for e in table_events(live_api, user.token, job_id)]
    seqs = [e["seq"] for e in rest.events]
    assert seqs == table[3 : 3 + len(seqs)]  # 4..N: each once, in order, nothing skipped
    assert set(produced) <= set(seqs)


def test_after_query_parameter_and_bad_last_event_id(live_api, user) -> None:
    job_id = new_job(live_api, user.token)
    emit_events(job_id, 4)
    seqs = [e["seq"] for e in table_events(live_api, user.token, job_id)]
    read = asyncio.run(
        read_sse(live_api, job_id, user.token, after=seqs[1], stop=lambda r: len(r.events) >= 3)
    )
    assert [e["seq"] for e in read.events] == seqs[2:5]
    bad = httpx.get(
        f"{live_api}/api/jobs/{job_id}/stream",
        headers={"Authorization": f"Bearer {user.token}", "Last-Event-ID": "abc"},
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "validation_error"


def test_another_workspaces_job_is_404_and_credentials_are_required(live_api, make_user) -> None:
    alice, mallory = make_user("reviewer"), make_user("viewer")
    job_id = new_job(live_api, alice.token)
    read = asyncio.run(read_sse(live_api, job_id, mallory.token))
    assert read.status == 404
    assert httpx.get(f"{live_api}/api/jobs/{job_id}/stream").status_code == 401
    foreign = httpx.get(
        f"{live_api}/api/jobs/{job_id}/stream",
        headers={"Authorization": f"Bearer {alice.token}", "Origin": "https://evil.example"},
    )
    assert foreign.status_code == 403
    # EventSource cannot set headers: the token may come in the query string.
    with httpx.stream(
        "GET", f"{live_api}/api/jobs/{job_id}/stream", params={"token": alice.token}, timeout=10
    ) as response:
        assert response.status_code == 200


def test_heartbeat_comments_and_capped_lifetime(stack, user, tmp_path) -> None:
    env = {
        **stack.env,
        "DOCFLOW_EVENT_HEARTBEAT_SECONDS": "0.5",
        "DOCFLOW_SSE_MAX_LIFETIME_SECONDS": "2",
        "DOCFLOW_SSE_RETRY_MS": "1500",
    }
    with api_server(env, tmp_path / "api.log") as base:
        job_id = new_job(base, user.token)
        started = time.monotonic()
        lines: list[str] = []
        with httpx.stream(
            "GET",
            f"{base}/api/jobs/{job_id}/stream",
            headers={"Authorization": f"Bearer {user.token}"},
            timeout=10,
        ) as response:
            assert response.status_code == 200
            for line in response.iter_lines():
                lines.append(line)
        lasted = time.monotonic() - started
    assert 1.5 < lasted < 6  # the server ended it at its lifetime cap
    assert lines[0] == "retry: 1500"
    assert lines.count(": ping") >= 2
    assert lines[-3:] == ["retry: 1500", ": lifetime reached, reconnect", ""] or lines[-2:] == [
        "retry: 1500",
        ": lifetime reached, reconnect",
    ]
    assert any(line.startswith("id: ") for line in lines)  # job_queued was replayed


def test_revoking_the_token_ends_the_stream(live_api, make_user) -> None:
    owner = make_user("reviewer")
    job_id = new_job(live_api, owner.token)
    with http(live_api, owner.token) as client:
        created = client.post("/api/tokens", json={"name": "stream"}).json()

        def revoke_once_open(read: SseRead) -> bool:
            if read.events and not revoked:
                revoked.append(client.delete(f"/api/tokens/{created['id']}").status_code)
            return False

        revoked: list[int] = []
        read = asyncio.run(
            read_sse(live_api, job_id, created["token"], stop=revoke_once_open, timeout=10)
        )
    assert revoked
    assert read.ended  # the server ended it (recheck every second here), not our deadline
    again = asyncio.run(read_sse(live_api, job_id, created["token"]))
    assert again.status == 401
