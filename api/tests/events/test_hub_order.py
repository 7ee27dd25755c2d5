"""The hub's ordering rules on their own: events reach streams in seq order with gaps filled from
the table, and with no stream connected the hub reads nothing (the table is read by whoever joins
later). The table reads are plain functions here; the end-to-end tests run them on PostgreSQL."""

from __future__ import annotations

import asyncio
import json

from docflow.events.envelope import StreamEvent
from docflow.events.hub import EventHub, Subscriber

WORKSPACE = "00000000-0000-0000-0000-000000000001"


def _event(seq: int) -> StreamEvent:
    return StreamEvent(seq, WORKSPACE, "job", "job_started", json.dumps({"seq": seq}))


def _hub(table: list[StreamEvent], reads: list[tuple[int, int | None]]) -> EventHub:
    def load_events(after: int, before: int | None, limit: int) -> list[StreamEvent]:
        reads.append((after, before))
        return [e for e in table if e.seq > after and (before is None or e.seq < before)][:limit]

    hub = EventHub(redis_url="redis://unused", channel="unused", load_events=load_events,
                   load_max_seq=lambda: 10)  # fmt: skip
    hub.last_seq = 10
    return hub


def test_without_streams_out_of_order_events_read_nothing_from_the_table() -> None:
    reads: list[tuple[int, int | None]] = []
    hub = _hub([_event(11), _event(12), _event(13)], reads)

    async def run() -> None:
        await hub._ingest(_event(13))
        await hub._ingest(_event(11))  # late: older than what was already seen
        await hub._ingest(_event(12))

    asyncio.run(run())
    assert reads == []
    assert hub.last_seq == 13


def test_a_stream_gets_a_gap_filled_from_the_table_in_order_and_no_duplicates() -> None:
    reads: list[tuple[int, int | None]] = []
    hub = _hub([_event(11), _event(12), _event(13)], reads)

    async def run() -> list[int]:
        subscriber = Subscriber(WORKSPACE, maxlen=100)
        hub.subscribe(subscriber)
        await hub._ingest(_event(13))  # 11 and 12 are committed but their publishes are late
        await hub._ingest(_event(11))
        await hub._ingest(_event(12))
        return [e.seq for e in subscriber.take()]

    assert asyncio.run(run()) == [11, 12, 13]
    assert reads == [(10, 13)]
