"""A resume point past a bigint on the WebSocket is an invalid message like any other (an error
frame, the socket stays open), not a server error that closes it (1011)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from tests_support.live import new_job, subscribe, table_events, ws_client


def test_a_ws_after_past_a_bigint_gets_an_error_frame_and_the_socket_stays_open(
    live_api: str, user: Any
) -> None:
    job_id = new_job(live_api, user.token)

    async def scenario() -> None:
        async with ws_client(live_api, user.token) as ws:
            for after in (2**63, 10**30):
                await ws.send(json.dumps({"subscribe": "all", "after": after}))
                frame = json.loads(await asyncio.wait_for(ws.recv(), 5))
                assert frame["error"]["code"] == "validation_error", frame
                assert [d["field"] for d in frame["error"]["details"]] == ["after"]
            received = await subscribe(ws, [job_id], 0)
            table = table_events(live_api, user.token, job_id)
            last = next(c for c in received.control if c["type"] == "subscribed")["last_seq"]
            assert received.seqs == [e["seq"] for e in table if e["seq"] <= last]

    asyncio.run(scenario())
