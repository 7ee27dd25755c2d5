"""Task bodies stay thin: parse the ids, call the pipeline runner."""

from __future__ import annotations

import uuid

from docflow_worker.celery_app import app
from docflow_worker.pipeline.retry import DATABASE_UNAVAILABLE
from docflow_worker.pipeline.runner import run_job


@app.task(
    name="pipeline.process_job",
    # The database stayed unreachable past the runner's own retries: deliver the task again
    # later (the claim is conditional, so a delivery that finds the job taken does nothing).
    autoretry_for=DATABASE_UNAVAILABLE,
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=None,
)
def process_job(job_id: str, attempt: int) -> None:
    run_job(uuid.UUID(job_id), int(attempt))
