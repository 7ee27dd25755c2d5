"""A client that stops reading during a flood is cut off with a resume hint; the server's memory
stays bounded and the other clients get every event on time."""

from __future__ import annotations

import asyncio
import json
import threading
from urllib.parse import urlparse

import psutil
import pytest
from websockets.exceptions import ConnectionClosed

from tests_support.live import (
    Received,
    emit_events,
    has_seq,
    new_job,
    read_until,
    subscribe,
    table_events,
    ws_client,
)

FLOOD = 10_000
PAD = 4_000  # bytes of filler per event: ~43 MB in all, far above what the server may hold


def uvicorn_process(base: str) -> psutil.Process:
    port = str(urlparse(base).port)
    for child in psutil.Process().children(recursive=True):
        cmdline = child.cmdline()
        if "uvicorn" in cmdline and port in cmdline:
            return child
    raise AssertionError(f"no uvicorn process on port {port}")


def test_a_client_that_stops_reading_is_closed_and_memory_stays_bounded(live_api, user) -> None:
    job_id = new_job(live_api, user.token)
    server = uvicorn_process(live_api)
    after = table_events(live_api, user.token)[-1]["seq"]

    async def scenario() -> None:
        async with (
            # No compression: nothing shrinks what the server would have to hold.
            ws_client(live_api, user.token, compression=None, max_queue=1) as stalled,
            ws_client(live_api, user.token, compression=None) as reader,
        ):
            await subscribe(stalled, "all", after)
            got = await subscribe(reader, "all", after)
            baseline = server.memory_info().rss
            peak = baseline
            produced: list[int] = []

            def produce() -> None:
                produced.extend(emit_events(job_id, FLOOD, per_transaction=50, pad=PAD))

            producer = threading.Thread(target=produce)
            producer.start()
            # The reader keeps up while the stalled client reads nothing at all.
            seen, last = 0, after
            while producer.is_alive() or seen < FLOOD:
                try:
                    raw = await asyncio.wait_for(reader.recv(), 30)
                except TimeoutError:
                    raise AssertionError(f"reader stalled after {seen} events") from None
                frame = json.loads(raw)
                if "seq" in frame:
                    assert frame["seq"] > last
                    last = frame["seq"]
                    got.events.append({"seq": last})
                    if frame["type"] != "document_parsing_progress":
                        continue  # the worker's own events for the job, if it is running
                    seen += 1
                    if seen % 200 == 0:
                        peak = max(peak, server.memory_info().rss)
            await asyncio.to_thread(producer.join)
            peak = max(peak, server.memory_info().rss)
            table = [e["seq"] for e in table_events(live_api, user.token, after=after)]
            assert got.seqs == table[: len(got.seqs)]  # every event, in order, none twice
            assert set(produced) <= set(got.seqs)

            growth_mb = (peak - baseline) / 2**20
            assert growth_mb < 25, f"server RSS grew {growth_mb:.1f} MB during the flood"

            # The stalled client now reads what the network held for it, then the close frame.
            stalled_got = Received()
            with pytest.raises(ConnectionClosed) as closed:
                await read_until(stalled, lambda r: False, 60, into=stalled_got)
            assert closed.value.rcvd is not None
            assert closed.value.rcvd.code == 4008
            reason = closed.value.rcvd.reason
            assert reason.startswith("slow consumer; resume with after=")
            resume = int(reason.rsplit("after=", 1)[1])
            assert stalled_got.seqs == table[: len(stalled_got.seqs)]
            assert resume == (stalled_got.seqs[-1] if stalled_got.seqs else after)
            assert len(stalled_got.seqs) < FLOOD / 2

            # It resumes from the hint and gets exactly the rest.
            async with ws_client(live_api, user.token) as again:
                rest = await subscribe(again, "all", resume)
                await read_until(again, has_seq(produced[-1]), 30, into=rest)
            resumed = stalled_got.seqs + rest.seqs
            assert resumed == table[: len(resumed)]
            assert set(produced) <= set(resumed)

    asyncio.run(scenario())
