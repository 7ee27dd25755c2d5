"""A document that kills its worker every time ends `failed` instead of circulating forever."""

from __future__ import annotations

from sqlalchemy import text

from docflow.db import unit_of_work
from docflow.job.service import JobService
from tests_support.api import job_events, minimal_pdf, upload


def _worker_died_mid_job(job_id: str) -> None:
    """What a worker killed by its hard time limit (or the OOM killer) leaves behind."""
    with unit_of_work() as session:
        session.execute(
            text(
                "UPDATE jobs SET status = 'processing', claim_token = gen_random_uuid(), "
                "lease_expires_at = now() - interval '1 second' WHERE id = :id"
            ),
            {"id": job_id},
        )


def _sweep() -> None:
    with unit_of_work() as session:
        JobService(session).requeue_stranded()


def test_a_job_whose_worker_keeps_dying_ends_failed(client) -> None:  # type: ignore[no-untyped-def]
    job_id = upload(client, ("killer.pdf", minimal_pdf())).json()["items"][0]["job"]["id"]

    for losses in (1, 2):  # twice the sweeper gives it another worker
        _worker_died_mid_job(job_id)
        _sweep()
        # (A session-wide test worker may already have claimed the re-sent attempt, so the
        # sweeper's decision is read from the record: the job went back to the queue.)
        requeued = [
            e
            for e in job_events(client, job_id)
            if e["type"] == "job_queued" and e["data"].get("reason") == "worker_lost"
        ]
        assert len(requeued) == losses
        assert requeued[-1]["status"] == "queued"

    _worker_died_mid_job(job_id)  # the third death is the last
    _sweep()
    job = client.get(f"/api/jobs/{job_id}").json()
    assert job["status"] == "failed"
    assert "stopped while processing this document 3 times" in job["error_message"]
    events = job_events(client, job_id)
    assert [e["data"].get("reason") for e in events if e["type"] == "job_queued"] == [
        None,
        "worker_lost",
        "worker_lost",
    ]
    assert events[-1]["type"] == "job_failed"
    assert events[-1]["data"]["error"] == job["error_message"]

    # …and it can still be retried by a person, as a fresh attempt.
    retried = client.post(f"/api/jobs/{job_id}/retry")
    assert retried.status_code == 200
    assert retried.json()["attempt"] == 2
