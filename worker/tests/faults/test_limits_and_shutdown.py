"""A stage that ignores its soft time limit is ended by the hard one (`failed`, not stuck); a warm
shutdown (SIGTERM) mid-job lets the job finish, once."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from tests_support.api import SEVEN_EVENTS, minimal_pdf
from tests_support.faults import (
    Workers,
    event_types,
    private_queue,
    scalar,
    wait_for_log,
    wait_for_status,
)

pytestmark = pytest.mark.fault


def test_a_stage_ignoring_its_soft_limit_is_ended_by_the_hard_limit_and_fails(
    workers: Workers, upload_one: Any, client: Any
) -> None:
    with private_queue() as queue:
        worker = workers.start(
            queue,
            DOCFLOW_TASK_SOFT_TIME_LIMIT=3,
            DOCFLOW_TASK_HARD_TIME_LIMIT=5,
            DOCFLOW_FAULT_SLOW_STAGE="parsing:60",
            DOCFLOW_FAULT_IGNORE_SOFT_LIMIT=1,
        )
        item = upload_one("stubborn.pdf", minimal_pdf("Invoice HARD-1 Total 10.00 EUR"))
        job_id = item["job"]["id"]
        wait_for_log(worker, "fault: ignoring the soft time limit")
        job = wait_for_status(job_id, {"completed", "failed"}, timeout=30)

    assert job["status"] == "failed"
    message = "Processing took longer than the 5 s limit while parsing; it was stopped."
    assert job["error_message"] == message
    events = client.get(f"/api/jobs/{job_id}/events").json()["items"]
    assert [e["type"] for e in events] == [
        "job_queued",
        "job_started",
        "document_parsing_started",
        "job_failed",
    ]
    assert events[-1]["data"] == {"error": message, "stage": "parsing"}
    document = client.get(f"/api/documents/{item['document']['id']}").json()
    assert document["current_status"] == "failed"
    assert "Hard time limit (5s) exceeded" in worker.log()


def test_a_warm_shutdown_mid_job_finishes_the_job_once(
    workers: Workers, upload_one: Any, tmp_path: Path
) -> None:
    with private_queue() as queue:
        worker = workers.start(queue, DOCFLOW_FAULT_SLOW_STAGE="extracting:4")
        item = upload_one("late.pdf", minimal_pdf("Invoice WARM-1 Total 10.00 EUR"))
        job_id = item["job"]["id"]
        wait_for_log(worker, f"fault: extracting slowly (4.0 s) for job {job_id}")
        os.kill(worker.pid, signal.SIGTERM)  # warm shutdown: stop taking work, finish what runs
        assert worker.proc.wait(timeout=60) == 0, worker.log()[-3000:]

    assert wait_for_status(job_id, {"completed", "failed"}, timeout=1)["status"] == "completed"
    assert event_types(job_id) == SEVEN_EVENTS
    assert scalar("SELECT count(*) FROM extraction_results") == 1
