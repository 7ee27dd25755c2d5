"""Sending work to the broker. The API never imports the worker: it enqueues by task name."""

from __future__ import annotations

import logging
import uuid
from functools import lru_cache
from typing import Any

from celery import Celery

from docflow.config import get_settings
from docflow.observability import context as log_context

log = logging.getLogger(__name__)

PROCESS_JOB_TASK = "pipeline.process_job"


@lru_cache
def _producer() -> Celery:
    settings = get_settings()
    app = Celery("docflow-producer", broker=settings.broker, set_as_current=False)
    app.conf.update(
        broker_connection_timeout=2,
        broker_connection_retry_on_startup=False,
        broker_transport_options={"visibility_timeout": settings.broker_visibility_timeout},
        task_serializer="json",
        accept_content=["json"],
        task_publish_retry_policy={
            "max_retries": 2,
            "interval_start": 0,
            "interval_step": 0.2,
            "interval_max": 0.5,
        },
    )
    return app


def send_process_job(job_id: uuid.UUID, attempt: int, **ids: Any) -> bool:
    """Publish one attempt of a job. False when the broker is unreachable (the sweeper retries).
    The message's headers carry the log context (request_id, and `ids`: document_id,
    workspace_id) to the worker's log lines."""
    try:
        _producer().send_task(
            PROCESS_JOB_TASK,
            args=[str(job_id), attempt],
            queue=get_settings().task_queue,
            ignore_result=True,
            headers=log_context.task_headers(job_id=job_id, **ids),
        )
        return True
    except Exception as exc:
        log.warning("broker unreachable, job %s attempt %s stays queued: %s", job_id, attempt, exc)
        return False
