"""Live streams lose nothing: Redis restarts, killed Pub/Sub connections, several API processes,
late subscribers. Real worker, real Redis, real uvicorn processes."""

from __future__ import annotations

import asyncio
import io
import threading
import time
from datetime import UTC, datetime

import httpx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests_support.api import wait_for_job
from tests_support.live import (
    Received,
    emit_events,
    has_seq,
    http,
    new_job,
    read_sse,
    read_until,
    subscribe,
    table_events,
    ws_client,
)
from tests_support.servers import api_server


def long_pdf(pages: int) -> bytes:
    """A text PDF long enough that its job is still parsing (with per-page progress events)
    while the test disrupts Redis."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in range(pages):
        for line in range(45):
            pdf.drawString(
                40, 800 - line * 17, f"Page {page + 1} line {line + 1}: " + "lorem " * 12
            )
        if page == 0:
            pdf.drawString(40, 20, "Invoice INV-77 Total 10.00 USD")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def upload_long(base: str, token: str, pages: int = 120) -> str:
    with http(base, token) as client:
        response = client.post(
            "/api/documents/upload",
            files=[("files", ("long.pdf", long_pdf(pages), "application/pdf"))],
        )
        assert response.status_code == 202, response.text
        return str(response.json()["items"][0]["job"]["id"])


def utc_now() -> str:
    """The envelope's `at` format, for comparing as strings."""
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def pubsub_clients(stack) -> int:  # type: ignore[no-untyped-def]
    client = stack.redis_client()
    try:
        return sum(1 for c in client.client_list() if int(c.get("sub", 0)) > 0)
    finally:
        client.close()


def wait_until(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def assert_complete(received: Received, table: list[dict[str, object]]) -> None:
    """Every event of the record (up to the last one received), in order, each exactly once —
    the same JSON as polling."""
    assert received.events
    upto = [e for e in table if e["seq"] <= received.seqs[-1]]
    assert received.seqs == [e["seq"] for e in upto]
    assert received.events == upto


def test_pubsub_connection_killed_while_events_flow(live_api, stack, user) -> None:
    job_id = new_job(live_api, user.token)
    start = table_events(live_api, user.token)[-1]["seq"]

    async def scenario() -> tuple[Received, Received]:
        async with ws_client(live_api, user.token) as a, ws_client(live_api, user.token) as b:
            got_a = await subscribe(a, "all", start)
            got_b = await subscribe(b, [job_id], start)
            producer = threading.Thread(target=emit_events, args=(job_id, 400))
            producer.start()
            try:
                for _ in range(3):  # kill the hub's subscription again and again mid-stream
                    await asyncio.sleep(0.3)
                    killed = stack.redis_client().execute_command("CLIENT KILL TYPE pubsub")
                    assert killed >= 1
            finally:
                await asyncio.to_thread(producer.join)
            last = table_events(live_api, user.token)[-1]["seq"]
            await read_until(a, has_seq(last), 30, into=got_a)
            await read_until(b, has_seq(last), 30, into=got_b)
            return got_a, got_b

    got_a, got_b = asyncio.run(scenario())
    for received in (got_a, got_b):
        assert_complete(received, table_events(live_api, user.token, after=start))
        assert [e["type"] for e in received.events].count("document_parsing_progress") == 400


def test_redis_restarted_while_a_job_runs(live_api, stack, worker, user) -> None:
    start = table_events(live_api, user.token)
    after = start[-1]["seq"] if start else 0
    outage = ["", ""]

    async def scenario() -> tuple[Received, str]:
        async with ws_client(live_api, user.token) as ws:
            received = await subscribe(ws, "all", after)
            job_id = upload_long(live_api, user.token)
            await read_until(
                ws,
                lambda r: any(e["type"] == "document_parsing_progress" for e in r.events),
                60,
                into=received,
            )
            stack.stop_redis()  # the worker keeps committing; its publishes now fail
            outage[0] = utc_now()
            await asyncio.sleep(1.5)
            outage[1] = utc_now()
            stack.start_redis()
            await asyncio.to_thread(wait_until, lambda: pubsub_clients(stack) >= 1, 30, "hub")
            stack.redis_client().execute_command("CLIENT KILL TYPE pubsub")
            with http(live_api, user.token) as client:
                job = await asyncio.to_thread(wait_for_job, client, job_id, None, 120)
            assert job["status"] in {"completed", "failed"}
            table = table_events(live_api, user.token, after=after)
            await read_until(ws, has_seq(table[-1]["seq"]), 30, into=received)
            return received, job_id

    received, job_id = asyncio.run(scenario())
    table = table_events(live_api, user.token, after=after)
    assert_complete(received, table)
    types = [e["type"] for e in table if e["job_id"] == job_id]
    assert types[0] == "job_queued"
    assert types[-1] in {"job_completed", "job_failed"}
    # The job really was running while Redis was away: some of its events were committed then.
    during = [e for e in table if e["job_id"] == job_id and outage[0] < e["at"] < outage[1]]
    assert during, (outage, [(e["type"], e["at"]) for e in table])


def test_an_event_reaches_clients_of_every_api_process(stack, worker, user, tmp_path) -> None:
    with (
        api_server(stack.env, tmp_path / "api-1.log") as one,
        api_server(stack.env, tmp_path / "api-2.log") as two,
    ):
        start = table_events(one, user.token)
        after = start[-1]["seq"] if start else 0

        async def scenario() -> list[Received]:
            async with ws_client(one, user.token) as a, ws_client(two, user.token) as b:
                got = [await subscribe(a, "all", None), await subscribe(b, "all", None)]
                job_id = new_job(one, user.token)
                with http(two, user.token) as client:
                    await asyncio.to_thread(wait_for_job, client, job_id)
                last = table_events(two, user.token)[-1]["seq"]
                await read_until(a, has_seq(last), 30, into=got[0])
                await read_until(b, has_seq(last), 30, into=got[1])
                return got

        got = asyncio.run(scenario())
        table = table_events(one, user.token, after=after)
        assert [e["type"] for e in table][-1] == "job_completed"
        for received in got:
            assert_complete(received, table)


def test_late_subscribers_get_the_same_full_sequence_everywhere(live_api, worker, user) -> None:
    job_id = new_job(live_api, user.token)
    with http(live_api, user.token) as client:
        assert wait_for_job(client, job_id)["status"] == "completed"
    polled = table_events(live_api, user.token, job_id)
    assert [e["type"] for e in polled][0] == "job_queued"
    assert [e["type"] for e in polled][-1] == "job_completed"

    async def over_ws() -> Received:
        async with ws_client(live_api, user.token) as ws:
            return await subscribe(ws, [job_id], 0)

    over_sse = asyncio.run(
        read_sse(live_api, job_id, user.token, stop=lambda r: len(r.events) >= len(polled))
    )
    assert asyncio.run(over_ws()).events == polled
    assert over_sse.events == polled
    assert over_sse.ids == [str(e["seq"]) for e in polled]

    # Polling pages line up with the same sequence.
    pages, after = [], 0
    with http(live_api, user.token) as client:
        while True:
            page = client.get(f"/api/jobs/{job_id}/events", params={"after": after, "limit": 2})
            body = page.json()
            pages += body["items"]
            if not body["has_more"]:
                break
            assert len(body["items"]) == 2
            after = body["last_seq"]
        empty = client.get(f"/api/jobs/{job_id}/events", params={"after": after + 10**9}).json()
    assert pages == polled
    assert empty == {"items": [], "last_seq": None, "has_more": False}
    assert httpx.get(f"{live_api}/api/events").status_code == 401
