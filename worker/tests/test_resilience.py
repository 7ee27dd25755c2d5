"""The pipeline survives what production throws at it: the broker down during an upload, a worker
killed mid-job, a duplicate delivery, an unreadable file. Each test runs its own Celery worker
process(es) on a private queue, so it knows which worker had the job. The tests marked `fault`
are part of the fault suite (worker/tests/faults/): the invariant checker runs after each."""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests_support.api import SAMPLES, SEVEN_EVENTS, job_events, minimal_pdf, upload, wait_for_job
from tests_support.faults import private_queue, scalar, wait_for_log
from tests_support.servers import WorkerProcess, start_worker, stop_worker


@pytest.fixture
def workers(stack: Any, tmp_path: Path) -> Iterator[list[WorkerProcess]]:
    """Workers a test starts; all stopped (or already killed) at the end."""
    started: list[WorkerProcess] = []
    yield started
    for w in started:
        stop_worker(w)


def new_worker(
    stack: Any, tmp_path: Path, started: list[WorkerProcess], queue: str
) -> WorkerProcess:
    log = tmp_path / f"worker-{len(started)}.log"
    w = start_worker(
        stack.env,
        log,
        extra_env={"DOCFLOW_TASK_QUEUE": queue, "DOCFLOW_JOB_LEASE_SECONDS": "3"},
    )
    started.append(w)
    return w


def one(client: Any, name: str, data: bytes) -> dict[str, Any]:
    response = upload(client, (name, data))
    assert response.status_code == 202, response.text
    item: dict[str, Any] = response.json()["items"][0]
    assert item["status"] == "accepted"
    return item


def types_of(client: Any, job_id: str) -> list[str]:
    return [e["type"] for e in job_events(client, job_id)]


def long_pdf(path: Path, pages: int = 150) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawString(40, 800, f"Invoice LONG-{uuid.uuid4().hex[:6]} Total 99.00 EUR")
    for page in range(pages):
        for line in range(50):
            pdf.drawString(40, 780 - line * 14, f"Page {page} line {line} item {line} 12.50 EUR")
        pdf.showPage()
    pdf.save()
    return path.read_bytes()


# --- (a) the broker is down during an upload ---------------------------------------------------


@pytest.mark.fault
def test_an_upload_while_redis_is_down_is_queued_then_swept_and_completed(
    client: Any, stack: Any, workers: list[WorkerProcess], tmp_path: Path
) -> None:
    with private_queue() as queue:
        w = new_worker(stack, tmp_path, workers, queue)
        stack.stop_redis()
        try:
            started = time.monotonic()
            item = one(client, "while-down.pdf", (SAMPLES / "invoice-04-fr.pdf").read_bytes())
            assert time.monotonic() - started < 15  # the API does not hang on the broker
            job_id = item["job"]["id"]
            assert item["job"]["status"] == "queued"
            job = client.get(f"/api/jobs/{job_id}").json()
            assert job["status"] == "queued"
            assert scalar("SELECT enqueued_at FROM jobs WHERE id = :id", id=job_id) is None
            assert types_of(client, job_id) == ["job_queued"]  # recorded, though not published
        finally:
            stack.start_redis()

        job = wait_for_job(client, job_id, timeout=60)
    assert job["status"] == "completed", (job, w.log()[-3000:])
    types = types_of(client, job_id)
    assert [t for t in types if t in SEVEN_EVENTS] == SEVEN_EVENTS
    assert types.count("job_completed") == 1
    assert types.count("job_started") == 1
    assert (
        scalar(
            "SELECT count(*) FROM extraction_results WHERE document_id = :d",
            d=item["document"]["id"],
        )
        == 1
    )
    # Handed to the broker by a sweeper once Redis was back (this test's worker, or the session's
    # worker when one runs: every sweeper sees every stranded job).
    assert scalar("SELECT enqueued_at FROM jobs WHERE id = :id", id=job_id) is not None


# --- (b) kill -9 of the worker during a job ----------------------------------------------------


@pytest.mark.fault
def test_a_worker_killed_mid_job_is_replaced_and_the_job_completes_once(
    client: Any, stack: Any, workers: list[WorkerProcess], tmp_path: Path
) -> None:
    data = long_pdf(tmp_path / "long.pdf")
    with private_queue() as queue:
        doomed = new_worker(stack, tmp_path, workers, queue)
        item = one(client, "long.pdf", data)
        job_id = item["job"]["id"]
        deadline = time.monotonic() + 60
        while "document_parsing_progress" not in types_of(client, job_id):
            assert time.monotonic() < deadline, doomed.log()[-3000:]
            time.sleep(0.02)
        assert client.get(f"/api/jobs/{job_id}").json()["status"] == "processing"

        os.killpg(doomed.pid, signal.SIGKILL)  # the main process and its pool, no goodbye
        doomed.proc.wait(timeout=10)
        assert client.get(f"/api/jobs/{job_id}").json()["status"] == "processing"

        replacement = new_worker(stack, tmp_path, workers, queue)
        job = wait_for_job(client, job_id, timeout=90)

    assert job["status"] == "completed", (job, replacement.log()[-3000:])
    assert job["attempt"] == 1
    events = job_events(client, job_id)
    types = [e["type"] for e in events]
    assert types.count("job_completed") == 1
    assert "job_failed" not in types
    requeued = [e for e in events if e["type"] == "job_queued" and e["data"].get("reason")]
    assert [e["data"]["reason"] for e in requeued] == ["worker_lost"]
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(set(seqs))
    document_id = item["document"]["id"]
    assert (
        scalar("SELECT count(*) FROM extraction_results WHERE document_id = :d", d=document_id) == 1
    )
    doc = client.get(f"/api/documents/{document_id}").json()
    assert doc["current_status"] == "completed"
    assert doc["extraction"]["page_count"] == 150


# --- (c) duplicate deliveries ------------------------------------------------------------------


@pytest.mark.fault
def test_a_duplicate_delivery_changes_nothing_and_emits_nothing(
    client: Any, stack: Any, workers: list[WorkerProcess], tmp_path: Path
) -> None:
    from docflow.job.queue import send_process_job

    with private_queue() as queue:
        w = new_worker(stack, tmp_path, workers, queue)
        item = one(client, "dup.pdf", (SAMPLES / "invoice-05-ch.pdf").read_bytes())
        job_id = item["job"]["id"]
        assert wait_for_job(client, job_id)["status"] == "completed"
        before_job = client.get(f"/api/jobs/{job_id}").json()
        before_events = job_events(client, job_id)
        before_doc = client.get(f"/api/documents/{item['document']['id']}").json()

        # The same attempt again (a broker redelivery), and an attempt that never existed.
        assert send_process_job(uuid.UUID(job_id), 1)
        assert send_process_job(uuid.UUID(job_id), 1)
        assert send_process_job(uuid.UUID(job_id), 7)
        wait_for_log(w, f"job {job_id} attempt 7: not claimable")
        deadline = time.monotonic() + 10
        while w.log().count(f"job {job_id} attempt 1: not claimable") < 2:
            assert time.monotonic() < deadline, w.log()[-3000:]
            time.sleep(0.05)

        assert client.get(f"/api/jobs/{job_id}").json() == before_job
        assert job_events(client, job_id) == before_events
        assert client.get(f"/api/documents/{item['document']['id']}").json() == before_doc

        # A duplicate that arrives while the attempt is still running is refused as well.
        long_item = one(client, "long.pdf", long_pdf(tmp_path / "long.pdf", pages=60))
        long_id = long_item["job"]["id"]
        wait_for_job(client, long_id, {"processing", "completed", "failed"})
        assert send_process_job(uuid.UUID(long_id), 1)
        assert wait_for_job(client, long_id, timeout=60)["status"] == "completed"
        wait_for_log(w, f"job {long_id} attempt 1: not claimable")
    types = types_of(client, long_id)
    assert types.count("job_started") == 1
    assert types.count("job_completed") == 1


# --- (d) an unreadable file --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("broken.pdf", (SAMPLES / "broken-truncated.pdf").read_bytes(), "truncated"),
        ("garbage.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 64, None),
        ("garbage.pdf", b"%PDF-1.7\n" + os.urandom(2048), None),
    ],
)
def test_an_unreadable_file_fails_with_a_readable_message(
    client: Any,
    stack: Any,
    workers: list[WorkerProcess],
    tmp_path: Path,
    name: str,
    data: bytes,
    expected: str | None,
) -> None:
    with private_queue() as queue:
        new_worker(stack, tmp_path, workers, queue)
        item = one(client, name, data)
        job = wait_for_job(client, item["job"]["id"], timeout=60)

    assert job["status"] == "failed"
    message = job["error_message"]
    assert message
    assert len(message) < 300
    for leak in ("Traceback", "Unexpected error", 'File "', "/tmp/", "storage"):
        assert leak not in message
    if expected:
        assert expected in message
    events = job_events(client, item["job"]["id"])
    assert events[-1]["type"] == "job_failed"
    assert events[-1]["status"] == "failed"
    assert events[-1]["data"]["error"] == message
    assert events[-1]["data"]["stage"] == "parsing"
    assert "job_completed" not in [e["type"] for e in events]
    doc = client.get(f"/api/documents/{item['document']['id']}").json()
    assert doc["current_status"] == "failed"
    assert doc["job"]["error_message"] == message
    assert doc["extraction"] is None


def test_a_file_missing_from_storage_fails_readably(
    client: Any, stack: Any, workers: list[WorkerProcess], tmp_path: Path
) -> None:
    from docflow.config import get_settings

    with private_queue() as queue:
        item = one(client, "gone.pdf", minimal_pdf("soon gone"))
        key = scalar(
            "SELECT stored_file_path FROM documents WHERE id = :d", d=item["document"]["id"]
        )
        (Path(get_settings().storage_dir) / key).unlink()
        new_worker(stack, tmp_path, workers, queue)  # started only now: the file is already gone
        job = wait_for_job(client, item["job"]["id"], timeout=60)
    assert job["status"] == "failed"
    assert job["error_message"]
    assert "Traceback" not in job["error_message"]
    assert types_of(client, item["job"]["id"])[-1] == "job_failed"


# --- (f) idempotency records past their retention are deleted ----------------------------------


def test_the_sweeper_deletes_expired_idempotency_records_only(
    client: Any, stack: Any, tmp_path: Path, workers: list[WorkerProcess]
) -> None:
    with private_queue() as queue:
        for name in ("old", "recent"):
            response = upload(
                client, (f"{name}.pdf", minimal_pdf(name)), headers={"Idempotency-Key": name}
            )
            assert response.status_code == 202, response.text
        from docflow.db import get_engine

        with get_engine().begin() as conn:
            conn.execute(
                text(
                    "UPDATE idempotency_records SET expires_at = now() - interval '1 day' "
                    "WHERE key = 'old'"
                )
            )
        w = start_worker(
            stack.env,
            tmp_path / "worker.log",
            extra_env={
                "DOCFLOW_TASK_QUEUE": queue,
                "DOCFLOW_IDEMPOTENCY_PURGE_INTERVAL_SECONDS": "1",
            },
        )
        workers.append(w)
        wait_for_log(w, "deleted 1 expired idempotency record")
        keys = scalar("SELECT array_agg(key ORDER BY key) FROM idempotency_records")
        assert keys == ["recent"]
        # The old key still answers with its document (the document remembers its key).
        replay = upload(client, ("old.pdf", minimal_pdf("old")), headers={"Idempotency-Key": "old"})
        assert replay.status_code == 202
        assert scalar("SELECT count(*) FROM documents") == 2


# --- (g) PostgreSQL goes away and comes back ---------------------------------------------------


@pytest.mark.fault
def test_a_job_taken_while_postgres_is_down_completes_once_it_is_back(
    client: Any, stack: Any, workers: list[WorkerProcess], tmp_path: Path
) -> None:
    with private_queue() as queue:
        item = one(client, "waiting.pdf", minimal_pdf("Invoice PG-DOWN-1 Total 12.00 EUR"))
        job_id = item["job"]["id"]
        stack.stop_postgres()
        try:
            w = new_worker(stack, tmp_path, workers, queue)  # the task is waiting in the broker
            wait_for_log(w, "database unavailable while claiming")
        finally:
            stack.start_postgres()
        job = wait_for_job(client, job_id, timeout=60)
    assert job["status"] == "completed", (job, w.log()[-3000:])
    assert types_of(client, job_id) == SEVEN_EVENTS  # once each: nothing failed, nothing ran twice


@pytest.mark.fault
def test_a_postgres_restart_mid_job_delays_it_and_fails_nothing(
    client: Any, stack: Any, workers: list[WorkerProcess], tmp_path: Path
) -> None:
    data = long_pdf(tmp_path / "long.pdf", pages=300)
    with private_queue() as queue:
        w = new_worker(stack, tmp_path, workers, queue)
        item = one(client, "long.pdf", data)
        job_id = item["job"]["id"]
        deadline = time.monotonic() + 60
        while "document_parsing_started" not in types_of(client, job_id):
            assert time.monotonic() < deadline, w.log()[-3000:]
            time.sleep(0.02)
        stack.stop_postgres()
        try:
            # Parsing goes on without the database; the next stage boundary waits for it.
            wait_for_log(w, "database unavailable while", timeout=60)
        finally:
            stack.start_postgres()
        job = wait_for_job(client, job_id, timeout=90)

    assert job["status"] == "completed", (job, w.log()[-3000:])
    assert job["attempt"] == 1
    types = types_of(client, job_id)
    assert types.count("job_completed") == 1
    assert "job_failed" not in types
    document_id = item["document"]["id"]
    assert (
        scalar("SELECT count(*) FROM extraction_results WHERE document_id = :d", d=document_id) == 1
    )
    assert client.get(f"/api/documents/{document_id}").json()["extraction"]["page_count"] == 300
