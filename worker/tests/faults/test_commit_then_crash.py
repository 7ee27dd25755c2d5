"""A process killed between a commit and its after-commit work (publishing the events, sending the
task to the broker): nothing is lost. The record (`job_events`) has every event, clients that
resume from it get them, and a job the broker never heard of is sent by the sweeper."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests_support.api import SEVEN_EVENTS, minimal_pdf, upload
from tests_support.faults import (
    Workers,
    event_types,
    private_queue,
    scalar,
    wait_for_log,
    wait_for_status,
    wait_until,
)
from tests_support.servers import FAULTY_API_APP, api_server

pytestmark = pytest.mark.fault


@contextmanager
def published(stack: Any) -> Iterator[list[dict[str, Any]]]:
    """Every event published on Redis while the block runs."""
    from docflow.events.channels import events_channel

    seen: list[dict[str, Any]] = []
    pubsub = stack.redis_client().pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe(events_channel())
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            message = pubsub.get_message(timeout=0.1)
            if message is not None:
                seen.append(json.loads(message["data"]))

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        stop.set()
        thread.join(5)
        pubsub.close()


def test_a_worker_killed_between_commit_and_publish_loses_nothing(
    stack: Any, workers: Workers, upload_one: Any, client: Any, tmp_path: Path
) -> None:
    with private_queue() as queue, published(stack) as live:
        worker = workers.start(
            queue,
            DOCFLOW_FAULT_CRASH_AFTER_COMMIT="job_completed",
            DOCFLOW_FAULT_ONCE=tmp_path / "crashed",
        )
        item = upload_one("crash.pdf", minimal_pdf("Invoice CRASH-1 Total 10.00 EUR"))
        job_id = item["job"]["id"]
        wait_for_log(worker, "fault: killed after committing job_completed")
        # The broker hands the unacknowledged task out again: it finds nothing to do.
        wait_for_log(worker, f"job {job_id} attempt 1: not claimable")

    assert wait_for_status(job_id, {"completed"}, timeout=1)["status"] == "completed"
    live_types = [e["type"] for e in live if e["job_id"] == job_id]
    assert "job_completed" not in live_types  # never published: the process died first
    # The record has it, once; a client resuming from its last seq gets it.
    last_live = max(e["seq"] for e in live if e["job_id"] == job_id)
    resumed = client.get(f"/api/jobs/{job_id}/events", params={"after": last_live}).json()
    assert [e["type"] for e in resumed["items"]][-1] == "job_completed"
    assert event_types(job_id) == SEVEN_EVENTS
    assert scalar("SELECT count(*) FROM extraction_results") == 1


def test_an_api_killed_between_commit_and_enqueue_loses_no_upload(
    stack: Any, user: Any, client: Any, workers: Workers, invariants: Any, tmp_path: Path
) -> None:
    key = {"Idempotency-Key": f"crash-{uuid.uuid4()}"}
    data = minimal_pdf("Invoice API-CRASH-1 Total 10.00 EUR")
    auth = {"Authorization": f"Bearer {user.token}"}
    with private_queue() as queue:
        env = {**stack.env, "DOCFLOW_TASK_QUEUE": queue}
        workers.start(queue)
        faulty = {
            **env,
            "DOCFLOW_FAULT_CRASH_AFTER_COMMIT": "job_queued",
            "DOCFLOW_FAULT_ONCE": str(tmp_path / "crashed"),
        }
        # Committed, then killed before the answer, the broker send and the publish.
        with (
            api_server(faulty, tmp_path / "faulty-api.log", app=FAULTY_API_APP) as base,
            httpx.Client(base_url=base, headers=auth, timeout=30) as http,
            pytest.raises(httpx.TransportError),
        ):
            upload(http, ("crash.pdf", data), headers=key)
        assert (
            "fault: killed after committing job_queued" in (tmp_path / "faulty-api.log").read_text()
        )
        job_id = str(scalar("SELECT id FROM jobs"))

        # The client sends it again, as the PWA's outbox does, to a healthy API.
        replay = upload(client, ("crash.pdf", data), headers=key)
        assert replay.status_code == 202, replay.text
        item = replay.json()["items"][0]
        assert item["job"]["id"] == job_id
        invariants.accepted.add(item["document"]["id"])
        # The broker never heard of the job: the sweeper sends it.
        wait_until("the job to complete", lambda: "job_completed" in event_types(job_id), 60)

    assert scalar("SELECT count(*) FROM documents") == 1
    assert event_types(job_id) == SEVEN_EVENTS
