"""GET /api/jobs/{id}, retry and cancel as clients see them, with a real Celery worker; races run
against a real uvicorn process so the requests really are concurrent."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from tests_support.api import SAMPLES, job_events, minimal_pdf, upload, wait_for_job
from tests_support.servers import api_server
from tests_support.settings import settings_env

BROKEN = SAMPLES / "broken-truncated.pdf"


@pytest.fixture(scope="module")
def live_api(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("api") / "api.log"
    with api_server(stack.env, log) as base:
        yield base


@contextmanager
def parked_queue() -> Iterator[None]:
    """Uploads made inside go to a queue no worker reads, so their jobs stay `queued`."""
    with settings_env(DOCFLOW_TASK_QUEUE="docflow-test-parked"):
        yield


def upload_one(client: Any, name: str, data: bytes) -> dict[str, Any]:
    response = upload(client, (name, data))
    assert response.status_code == 202, response.text
    item: dict[str, Any] = response.json()["items"][0]
    assert item["status"] == "accepted"
    return item


def parked_job(client: Any, label: str = "parked") -> dict[str, Any]:
    with parked_queue():
        return upload_one(client, f"{label}.pdf", minimal_pdf(f"{label} {uuid.uuid4()}"))


def failed_job(client: Any) -> dict[str, Any]:
    item = upload_one(client, "broken.pdf", BROKEN.read_bytes() + uuid.uuid4().bytes)
    job = wait_for_job(client, item["job"]["id"], timeout=60)
    assert job["status"] == "failed", (job, events_of(client, item["job"]["id"]))
    return item


def race(n: int, call: Callable[[httpx.Client], httpx.Response]) -> list[httpx.Response]:
    """Fire `n` requests at the same instant, each on its own connection."""
    barrier = threading.Barrier(n)
    results: list[httpx.Response | BaseException] = [RuntimeError("not run")] * n

    def run(i: int) -> None:
        with httpx.Client(timeout=30) as http:
            barrier.wait()
            try:
                results[i] = call(http)
            except BaseException as exc:  # surfaced below
                results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        if isinstance(r, BaseException):
            raise r
    return [r for r in results if isinstance(r, httpx.Response)]


def events_of(client: Any, job_id: str) -> list[dict[str, Any]]:
    return job_events(client, job_id)


def stored_path(document_id: str) -> Path:
    from docflow.config import get_settings
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        key = conn.execute(
            text("SELECT stored_file_path FROM documents WHERE id = :id"), {"id": document_id}
        ).scalar_one()
    return Path(get_settings().storage_dir) / key


def result_rows(document_id: str) -> int:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM extraction_results WHERE document_id = :id"),
                {"id": document_id},
            ).scalar_one()
        )


def wait_for_log(worker: Any, needle: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while needle not in worker.log():
        assert time.monotonic() < deadline, f"worker never logged {needle!r}"
        time.sleep(0.05)


# --- reading -----------------------------------------------------------------------------------


def test_get_job(client: Any, make_user: Any) -> None:
    item = parked_job(client)
    job_id = item["job"]["id"]

    response = client.get(f"/api/jobs/{job_id}")
    assert response.status_code == 200
    job = response.json()
    assert job["id"] == job_id
    assert job["document_id"] == item["document"]["id"]
    assert job["status"] == "queued"
    assert job["progress_percentage"] == 0
    assert job["current_stage"] == "queued"
    assert job["error_message"] is None
    assert job["retry_count"] == 0
    assert job["attempt"] == 1
    assert job["created_at"]
    assert job["started_at"] is None
    assert job["completed_at"] is None

    missing = client.get(f"/api/jobs/{uuid.uuid4()}")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"

    outsider = make_user("admin")
    theirs = client.get(
        f"/api/jobs/{job_id}", headers={"Authorization": f"Bearer {outsider.token}"}
    )
    assert theirs.status_code == 404
    assert theirs.json()["error"]["code"] == "not_found"
    cancel = client.post(
        f"/api/jobs/{job_id}/cancel", headers={"Authorization": f"Bearer {outsider.token}"}
    )
    assert cancel.status_code == 404

    bad = client.get("/api/jobs/not-a-uuid")
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "validation_error"


def test_a_completed_job_reports_its_whole_life(client: Any, worker: Any) -> None:
    item = upload_one(client, "invoice.pdf", (SAMPLES / "invoice-01-us.pdf").read_bytes())
    job = wait_for_job(client, item["job"]["id"])
    assert job["status"] == "completed"
    assert job["progress_percentage"] == 100
    assert job["current_stage"] == "completed"
    assert job["started_at"] is not None
    assert job["completed_at"] is not None
    assert job["completed_at"] >= job["started_at"] >= job["created_at"]
    events = events_of(client, item["job"]["id"])
    assert events[0]["type"] == "job_queued"
    assert events[-1]["type"] == "job_completed"
    assert events[-1]["status"] == "completed"
    assert events[-1]["progress"] == 100
    assert all(e["attempt"] == 1 for e in events)
    assert all(e["job_id"] == item["job"]["id"] for e in events)


# --- retry -------------------------------------------------------------------------------------


def test_five_concurrent_retries_create_exactly_one_attempt(
    client: Any, worker: Any, live_api: str, user: Any
) -> None:
    item = failed_job(client)
    job_id = item["job"]["id"]
    before = events_of(client, job_id)
    assert before[-1]["type"] == "job_failed"
    # Repair the file so the new attempt can succeed.
    stored_path(item["document"]["id"]).write_bytes((SAMPLES / "invoice-02-gb.pdf").read_bytes())

    responses = race(
        5,
        lambda http: http.post(
            f"{live_api}/api/jobs/{job_id}/retry",
            headers={"Authorization": f"Bearer {user.token}"},
        ),
    )

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 409, 409, 409, 409], [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200).json()
    assert winner["status"] == "queued"
    assert winner["attempt"] == 2
    assert winner["retry_count"] == 1
    assert winner["error_message"] is None
    for loser in (r for r in responses if r.status_code == 409):
        error = loser.json()["error"]
        assert error["code"] == "invalid_state"
        assert error["details"]["status"] in {"queued", "processing", "completed"}

    job = wait_for_job(client, job_id)
    assert job["status"] == "completed", job
    assert job["attempt"] == 2
    assert job["retry_count"] == 1
    assert job["error_message"] is None
    after = events_of(client, job_id)[len(before) :]
    queued = [e for e in after if e["type"] == "job_queued"]
    assert len(queued) == 1
    assert queued[0]["attempt"] == 2
    assert [e["type"] for e in after if e["type"] in {"job_started", "job_completed"}] == [
        "job_started",
        "job_completed",
    ]
    assert all(e["attempt"] == 2 for e in after)
    assert result_rows(item["document"]["id"]) == 1
    document = client.get(f"/api/documents/{item['document']['id']}").json()
    assert document["current_status"] == "completed"
    assert document["extraction"]["raw_text"]


def test_a_cancelled_job_can_be_retried_and_then_runs(client: Any, worker: Any) -> None:
    item = parked_job(client, "cancel-then-retry")
    job_id = item["job"]["id"]

    cancelled = client.post(f"/api/jobs/{job_id}/cancel")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    doc = client.get(f"/api/documents/{item['document']['id']}").json()
    assert doc["current_status"] == "cancelled"

    retried = client.post(f"/api/jobs/{job_id}/retry")
    assert retried.status_code == 200, retried.text
    assert retried.json()["status"] == "queued"
    assert retried.json()["attempt"] == 2
    assert retried.json()["retry_count"] == 1

    job = wait_for_job(client, job_id)
    assert job["status"] == "completed"
    types = [e["type"] for e in events_of(client, job_id)]
    assert types[:3] == ["job_queued", "job_cancelled", "job_queued"]
    assert types[-1] == "job_completed"
    assert types.count("job_completed") == 1


def test_retry_replays_under_an_idempotency_key(
    client: Any, worker: Any, live_api: str, user: Any
) -> None:
    item = failed_job(client)
    job_id = item["job"]["id"]
    key = {"Idempotency-Key": f"retry-{uuid.uuid4()}"}

    first = client.post(f"/api/jobs/{job_id}/retry", headers=key)
    assert first.status_code == 200
    n_events = len(events_of(client, job_id))
    wait_for_job(client, job_id)  # the second attempt fails too (same broken file)

    replay = client.post(f"/api/jobs/{job_id}/retry", headers=key)
    assert replay.status_code == 200
    assert replay.json() == first.json()
    job = client.get(f"/api/jobs/{job_id}").json()
    assert job["attempt"] == 2
    assert job["retry_count"] == 1
    events = events_of(client, job_id)
    assert [e["type"] for e in events].count("job_queued") == 2
    assert len(events) >= n_events

    # Concurrent replays of a completed key: all get the stored answer, nothing is created.
    replays = race(
        4,
        lambda http: http.post(
            f"{live_api}/api/jobs/{job_id}/retry",
            headers={**key, "Authorization": f"Bearer {user.token}"},
        ),
    )
    assert [r.status_code for r in replays] == [200] * 4
    assert all(r.json() == first.json() for r in replays)
    assert client.get(f"/api/jobs/{job_id}").json()["attempt"] == 2

    # The same key for another job's retry is a different request.
    other = failed_job(client)
    reused = client.post(f"/api/jobs/{other['job']['id']}/retry", headers=key)
    assert reused.status_code == 422
    assert reused.json()["error"]["code"] == "idempotency_key_reused"
    assert client.get(f"/api/jobs/{other['job']['id']}").json()["status"] == "failed"


# --- cancel ------------------------------------------------------------------------------------


def test_two_concurrent_cancels_one_wins(client: Any, live_api: str, user: Any) -> None:
    item = parked_job(client, "race-cancel")
    job_id = item["job"]["id"]

    responses = race(
        2,
        lambda http: http.post(
            f"{live_api}/api/jobs/{job_id}/cancel",
            headers={"Authorization": f"Bearer {user.token}"},
        ),
    )

    assert sorted(r.status_code for r in responses) == [200, 409]
    loser = next(r for r in responses if r.status_code == 409).json()["error"]
    assert loser["code"] == "invalid_state"
    assert loser["details"]["status"] == "cancelled"
    types = [e["type"] for e in events_of(client, job_id)]
    assert types == ["job_queued", "job_cancelled"]
    assert client.get(f"/api/jobs/{job_id}").json()["status"] == "cancelled"


def test_cancelling_a_processing_job_stops_the_worker_at_the_next_stage(
    client: Any, worker: Any, tmp_path: Path
) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "long.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(150):
        for line in range(50):
            pdf.drawString(40, 800 - line * 14, f"Page {page} line {line} INV-{page} 12.50 EUR")
        pdf.showPage()
    pdf.save()
    item = upload_one(client, "long.pdf", path.read_bytes())
    job_id = item["job"]["id"]
    wait_for_job(client, job_id, {"processing", "completed", "failed"})

    cancel = client.post(f"/api/jobs/{job_id}/cancel")
    assert cancel.status_code == 200, cancel.text
    assert cancel.json()["status"] == "cancelled"
    wait_for_log(worker, f"job {job_id} attempt 1 stopped: cancelled")

    job = client.get(f"/api/jobs/{job_id}").json()
    assert job["status"] == "cancelled"
    events = events_of(client, job_id)
    types = [e["type"] for e in events]
    assert types[-1] == "job_cancelled"
    assert "job_started" in types
    assert "job_completed" not in types
    assert "job_failed" not in types
    assert result_rows(item["document"]["id"]) == 0
    doc = client.get(f"/api/documents/{item['document']['id']}").json()
    assert doc["current_status"] == "cancelled"
    assert doc["extraction"] is None

    # The parser was stopped mid-file: the next documents must read their own pages, not the
    # rest of the cancelled one (both pool processes get work).
    markers = [f"NEXT-{i}-{uuid.uuid4().hex[:8]}" for i in range(4)]
    items = [upload_one(client, f"{m}.pdf", minimal_pdf(f"Invoice {m}")) for m in markers]
    for marker, next_item in zip(markers, items, strict=True):
        assert wait_for_job(client, next_item["job"]["id"])["status"] == "completed"
        extraction = client.get(f"/api/documents/{next_item['document']['id']}").json()[
            "extraction"
        ]
        assert extraction["page_count"] == 1
        assert marker in extraction["raw_text"]


# --- illegal transitions -----------------------------------------------------------------------


def test_illegal_transitions_are_409_invalid_state(client: Any, worker: Any) -> None:
    queued = parked_job(client, "queued")["job"]["id"]
    retry_queued = client.post(f"/api/jobs/{queued}/retry")
    assert retry_queued.status_code == 409
    assert retry_queued.json()["error"]["code"] == "invalid_state"
    assert retry_queued.json()["error"]["details"] == {"status": "queued"}

    assert client.post(f"/api/jobs/{queued}/cancel").status_code == 200
    cancel_twice = client.post(f"/api/jobs/{queued}/cancel")
    assert cancel_twice.status_code == 409
    assert cancel_twice.json()["error"]["details"] == {"status": "cancelled"}

    done = upload_one(client, "done.pdf", (SAMPLES / "invoice-03-de.pdf").read_bytes())
    wait_for_job(client, done["job"]["id"], {"completed"})
    for action in ("retry", "cancel"):
        response = client.post(f"/api/jobs/{done['job']['id']}/{action}")
        assert response.status_code == 409, action
        assert response.json()["error"]["code"] == "invalid_state"
        assert response.json()["error"]["details"] == {"status": "completed"}
        assert "completed" in response.json()["error"]["message"]

    failed = failed_job(client)["job"]["id"]
    cancel_failed = client.post(f"/api/jobs/{failed}/cancel")
    assert cancel_failed.status_code == 409
    assert cancel_failed.json()["error"]["details"] == {"status": "failed"}

    missing = client.post(f"/api/jobs/{uuid.uuid4()}/retry")
    assert missing.status_code == 404


def test_a_viewer_may_not_retry_or_cancel(client: Any, make_user: Any, user: Any) -> None:
    job_id = parked_job(client, "viewer")["job"]["id"]
    viewer = make_user("viewer", workspace_id=user.workspace_id)
    auth = {"Authorization": f"Bearer {viewer.token}"}
    assert client.get(f"/api/jobs/{job_id}", headers=auth).status_code == 200
    for action in ("retry", "cancel"):
        response = client.post(f"/api/jobs/{job_id}/{action}", headers=auth)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "forbidden"
    assert client.get(f"/api/jobs/{job_id}").json()["status"] == "queued"
