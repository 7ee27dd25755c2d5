"""Task bodies stay thin: parse the ids, call the pipeline runner."""

from __future__ import annotations

import uuid

from docflow_worker.celery_app import app
from docflow_worker.pipeline.runner import run_job


@app.task(name="pipeline.process_job")
def process_job(job_id: str, attempt: int) -> None:
    run_job(uuid.UUID(job_id), int(attempt))
