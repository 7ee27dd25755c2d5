"""Clients for the live event streams (WebSocket and SSE) and an event source that records events
the way the worker does. Every wait has a deadline."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from httpx_sse import aconnect_sse
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Origin

from tests_support.api import minimal_pdf, upload


def ws_url(base: str, token: str | None = None) -> str:
    url = base.replace("http://", "ws://", 1) + "/api/ws"
    return f"{url}?token={token}" if token else url


@asynccontextmanager
async def ws_client(
    base: str,
    token: str | None,
    *,
    origin: str | None = None,
    query_token: bool = False,
    **kwargs: Any,
) -> AsyncIterator[ClientConnection]:
    """A WebSocket to /api/ws, authenticated by Bearer header (or `?token=`)."""
    headers = {} if (query_token or token is None) else {"Authorization": f"Bearer {token}"}
    url = ws_url(base, token if query_token else None)
    async with connect(
        url,
        additional_headers=headers,
        origin=Origin(origin) if origin else None,
        open_timeout=10,
        **kwargs,
    ) as ws:
        yield ws


@dataclass
class Received:
    events: list[dict[str, Any]] = field(default_factory=list)
    control: list[dict[str, Any]] = field(default_factory=list)

    @property
    def seqs(self) -> list[int]:
        return [e["seq"] for e in self.events]


async def subscribe(
    ws: ClientConnection, subscribe: str | list[str], after: int | None, timeout: float = 10
) -> Received:
    """Send a subscription and read up to its acknowledgement (the replay comes first)."""
    message: dict[str, Any] = {"subscribe": subscribe}
    if after is not None:
        message["after"] = after
    await ws.send(json.dumps(message))
    return await read_until(
        ws, lambda r: any(c.get("type") == "subscribed" for c in r.control), timeout
    )


async def read_until(
    ws: ClientConnection,
    done: Callable[[Received], bool],
    timeout: float,
    into: Received | None = None,
) -> Received:
    """Read frames until `done(received)`; AssertionError at the deadline."""
    received = into or Received()
    deadline = time.monotonic() + timeout
    while not done(received):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(
                f"timed out; got {len(received.events)} events, last "
                f"{received.seqs[-3:]}, control {received.control[-3:]}"
            )
        try:
            raw = await asyncio.wait_for(ws.recv(), remaining)
        except TimeoutError:
            continue
        frame = json.loads(raw)
        if "seq" in frame:
            received.events.append(frame)
        else:
            received.control.append(frame)
    return received


def has_seq(seq: int) -> Callable[[Received], bool]:
    return lambda r: bool(r.events) and r.events[-1]["seq"] >= seq


# SSE ------------------------------------------------------------------------------------------
@dataclass
class SseRead:
    events: list[dict[str, Any]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    retry: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 0
    ended: bool = False  # the server closed the stream


async def read_sse(
    base: str,
    job_id: str,
    token: str,
    *,
    last_event_id: str | None = None,
    after: int | None = None,
    stop: Callable[[SseRead], bool] = lambda r: False,
    timeout: float = 15,
    headers: dict[str, str] | None = None,
) -> SseRead:
    """Read /api/jobs/{id}/stream until `stop(read)`, the server ends it, or the deadline.
    `headers` replace the Bearer header built from `token` (e.g. a session cookie)."""
    headers = dict(headers) if headers is not None else {"Authorization": f"Bearer {token}"}
    if last_event_id is not None:
        headers["Last-Event-ID"] = last_event_id
    params = {} if after is None else {"after": after}
    read = SseRead()
    async with httpx.AsyncClient(base_url=base, timeout=httpx.Timeout(timeout)) as client:
        try:
            async with asyncio.timeout(timeout):
                async with aconnect_sse(
                    client, "GET", f"/api/jobs/{job_id}/stream", headers=headers, params=params
                ) as source:
                    read.status = source.response.status_code
                    read.headers = dict(source.response.headers)
                    if read.status != 200:
                        await source.response.aread()
                        return read
                    async for sse in source.aiter_sse():
                        if sse.retry is not None:
                            read.retry = sse.retry
                        if sse.data:
                            read.events.append(json.loads(sse.data))
                            read.ids.append(sse.id)
                            read.types.append(sse.event)
                        if stop(read):
                            return read
                    read.ended = True
        except TimeoutError:
            pass
    return read


# jobs and the record ---------------------------------------------------------------------------
def http(base: str, token: str) -> httpx.Client:
    return httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30)


def new_job(base: str, token: str, text: str = "Invoice INV-1 Total 10.00 USD") -> str:
    with http(base, token) as client:
        response = upload(client, ("invoice.pdf", minimal_pdf(text)))
        assert response.status_code == 202, response.text
        return str(response.json()["items"][0]["job"]["id"])


def table_events(base: str, token: str, job_id: str | None = None, after: int = 0) -> list[Any]:
    """Every event the polling endpoints return (all pages)."""
    path = f"/api/jobs/{job_id}/events" if job_id else "/api/events"
    items: list[Any] = []
    with http(base, token) as client:
        while True:
            page = client.get(path, params={"after": after, "limit": 1000}).json()
            items += page["items"]
            if not page["has_more"]:
                return items
            after = page["last_seq"]


# an event source -------------------------------------------------------------------------------
def emit_events(
    job_id: str | uuid.UUID, count: int, *, per_transaction: int = 1, pad: int = 0
) -> list[int]:
    """Record `count` progress events for a job exactly as the worker does (record_event in a
    unit of work: written to job_events, published on Redis after commit). Returns their seqs."""
    from docflow.db import unit_of_work
    from docflow.events.publisher import record_event
    from docflow.models import Job

    seqs: list[int] = []
    filler = "x" * pad
    done = 0
    while done < count:
        with unit_of_work() as session:
            job = session.get(Job, uuid.UUID(str(job_id)))
            assert job is not None
            for _ in range(min(per_transaction, count - done)):
                data: dict[str, Any] = {"n": done}
                if pad:
                    data["pad"] = filler
                seqs.append(record_event(session, job, "document_parsing_progress", data=data).seq)
                done += 1
    return seqs
