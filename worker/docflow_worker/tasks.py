"""Task bodies stay thin: parse the ids, call the pipeline runner."""

from __future__ import annotations

import uuid
from typing import Any

from celery import Task
from celery.exceptions import TimeLimitExceeded

from docflow.errors import StorageUnavailable
from docflow.observability import context as log_context
from docflow_worker.celery_app import app
from docflow_worker.pipeline.retry import DATABASE_UNAVAILABLE
from docflow_worker.pipeline.runner import run_job, stopped_by_hard_limit


class PipelineTask(Task):  # type: ignore[misc]  # Celery ships no type hints
    def on_failure(
        self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any
    ) -> None:
        # Runs in the worker's main process when the hard time limit killed the process that ran
        # the attempt (that process cannot record anything any more).
        if isinstance(exc, TimeLimitExceeded):
            job_id, attempt = args
            with log_context.bound(job_id=job_id):
                stopped_by_hard_limit(uuid.UUID(job_id), int(attempt))


@app.task(
    name="pipeline.process_job",
    base=PipelineTask,
    # The database stayed unreachable past the runner's own retries, or the file store could not
    # be reached (the runner gave the job back): deliver the task again later (the claim is
    # conditional, so a delivery that finds the job taken does nothing).
    autoretry_for=(*DATABASE_UNAVAILABLE, StorageUnavailable),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=None,
)
def process_job(job_id: str, attempt: int) -> None:
    run_job(uuid.UUID(job_id), int(attempt))
