"""The broker misbehaves: Redis restarted or emptied with jobs queued, a task delivered twice, a
task that outlives the broker's visibility timeout. Every job still completes, once."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests_support.api import SEVEN_EVENTS, minimal_pdf, upload
from tests_support.faults import (
    PrivateRedis,
    Workers,
    event_types,
    private_queue,
    private_redis,
    scalar,
    wait_for_event,
    wait_for_log,
    wait_for_status,
    wait_until,
)
from tests_support.servers import api_server

pytestmark = pytest.mark.fault


@contextmanager
def api_on(redis: PrivateRedis, stack: Any, queue: str, token: str, log: Path) -> Iterator[Any]:
    """A real API process on the test's own Redis (broker and events) and queue."""
    env = {**stack.env, "DOCFLOW_REDIS_URL": redis.url, "DOCFLOW_TASK_QUEUE": queue}
    with (
        api_server(env, log) as base,
        httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30
        ) as client,
    ):
        yield client


def accepted(client: Any, invariants: Any, label: str) -> dict[str, Any]:
    response = upload(client, (f"{label}.pdf", minimal_pdf(f"Invoice {label} Total 12.00 EUR")))
    assert response.status_code == 202, response.text
    item: dict[str, Any] = response.json()["items"][0]
    invariants.accepted.add(item["document"]["id"])
    return item


def each_completed_once(items: list[dict[str, Any]], timeout: float = 90) -> None:
    for item in items:
        job_id = item["job"]["id"]
        job = wait_for_status(job_id, {"completed", "failed", "cancelled"}, timeout)
        assert job["status"] == "completed", (job, event_types(job_id))
        assert [t for t in event_types(job_id) if t != "job_queued"] == SEVEN_EVENTS[1:]


@pytest.mark.slow
def test_redis_killed_and_restarted_with_jobs_queued_loses_none(
    stack: Any, user: Any, workers: Workers, invariants: Any, tmp_path: Path
) -> None:
    with (
        private_redis(tmp_path / "redis") as redis,
        private_queue() as queue,
        api_on(redis, stack, queue, user.token, tmp_path / "api.log") as client,
    ):
        worker_env = {"DOCFLOW_REDIS_URL": redis.url}
        items = [accepted(client, invariants, f"RESTART-{n}") for n in range(5)]
        assert redis.client().llen(queue) == 5  # nobody consumes yet: all five wait in Redis

        redis.kill()  # kill -9: append-only on, so what Redis acknowledged is on disk
        redis.start()
        assert redis.client().llen(queue) == 5

        worker = workers.start(
            queue,
            DOCFLOW_FAULT_SLOW_STAGE="extracting:4",
            DOCFLOW_FAULT_ONCE=tmp_path / "slowed",
            **worker_env,
        )
        wait_for_log(worker, "fault: extracting slowly")
        redis.kill()  # again, now with one job running and four queued
        redis.start()
        items.append(accepted(client, invariants, "RESTART-after"))
        each_completed_once(items)


def test_redis_emptied_with_jobs_queued_loses_none(
    stack: Any, user: Any, workers: Workers, invariants: Any, tmp_path: Path
) -> None:
    with (
        private_redis(tmp_path / "redis") as redis,
        private_queue() as queue,
        api_on(redis, stack, queue, user.token, tmp_path / "api.log") as client,
    ):
        worker = workers.start(
            queue,
            DOCFLOW_REDIS_URL=redis.url,
            DOCFLOW_FAULT_SLOW_STAGE="extracting:4",
            DOCFLOW_FAULT_ONCE=tmp_path / "slowed",
        )
        items = [accepted(client, invariants, f"FLUSH-{n}") for n in range(5)]
        wait_for_log(worker, "fault: extracting slowly")
        assert redis.client().llen(queue) == 4  # one running, four waiting

        redis.client().flushall()  # the four queued tasks, the queue's binding: all gone
        # Sent by an API that does not know Redis was emptied.
        items += [accepted(client, invariants, f"FLUSH-after-{n}") for n in range(2)]
        each_completed_once(items)
    assert "will be sent again" in worker.log()


def test_the_same_task_delivered_three_times_at_once_runs_once(
    workers: Workers, upload_one: Any
) -> None:
    from docflow.job.queue import send_process_job

    with private_queue() as queue:
        worker = workers.start(queue, concurrency=3)
        item = upload_one("dup.pdf", minimal_pdf("Invoice DUP-1 Total 10.00 EUR"))
        job_id = item["job"]["id"]
        # Two more deliveries of the same attempt, racing the first for the claim.
        assert send_process_job(uuid.UUID(job_id), 1)
        assert send_process_job(uuid.UUID(job_id), 1)
        wait_for_status(job_id, {"completed", "failed"}, timeout=60)
        wait_until(
            "the two duplicates to be refused",
            lambda: worker.log().count(f"job {job_id} attempt 1: not claimable") == 2,
            timeout=30,
        )
    assert event_types(job_id) == SEVEN_EVENTS
    assert scalar("SELECT count(*) FROM extraction_results") == 1


@pytest.mark.slow
def test_a_task_that_outlives_the_visibility_timeout_runs_once(
    workers: Workers, upload_one: Any, tmp_path: Path
) -> None:
    with private_queue() as queue:
        runner = workers.start(queue, DOCFLOW_FAULT_SLOW_STAGE="extracting:15")
        item = upload_one("long.pdf", minimal_pdf("Invoice VIS-1 Total 10.00 EUR"))
        job_id = item["job"]["id"]
        wait_for_log(runner, f"fault: extracting slowly (15.0 s) for job {job_id}")
        # A worker whose broker gives a message up after 3 s without an ack (and looks for such
        # messages every second): it puts the running task's message back in the queue.
        impatient = workers.start(
            queue,
            DOCFLOW_BROKER_VISIBILITY_TIMEOUT=3,
            DOCFLOW_TASK_SOFT_TIME_LIMIT=1,
            DOCFLOW_TASK_HARD_TIME_LIMIT=2,
            DOCFLOW_FAULT_BROKER_RESTORE_SECONDS=1,
        )
        wait_for_log(impatient, f"job {job_id} attempt 1: not claimable", timeout=30)
        assert wait_for_status(job_id, {"processing"}, timeout=1)
        wait_for_event(job_id, "job_completed", timeout=60)
    assert event_types(job_id) == SEVEN_EVENTS
    assert scalar("SELECT count(*) FROM extraction_results") == 1
