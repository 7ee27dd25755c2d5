"""The worker's Celery app with the faults of `fault_injection` that the environment switches on:
`celery -A tests_support.faulty_worker worker …`."""

from __future__ import annotations

from docflow_worker.celery_app import app
from tests_support.fault_injection import configure_worker, install

install()
configure_worker(app)

__all__ = ["app"]
