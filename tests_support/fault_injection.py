"""Faults a test switches on, by environment variable, in the real worker or API process it starts
(`-A tests_support.faulty_worker`, `tests_support.faulty_api:app`). Everything else in those
processes is the product's code; the faults only slow a stage down or kill the process at a
chosen point:

DOCFLOW_FAULT_SLOW_STAGE="extracting:20"
    the stage ("parsing" or "extracting") first sleeps 20 s, logging "fault: <stage> slowly".
DOCFLOW_FAULT_IGNORE_SOFT_LIMIT=1
    that sleep swallows Celery's SoftTimeLimitExceeded and goes on (only the hard limit ends it).
DOCFLOW_FAULT_CRASH_AFTER_COMMIT="job_completed"
    SIGKILL the process right after the commit that recorded an event of this type, before its
    after-commit work (publishing the events, sending the task to the broker).
DOCFLOW_FAULT_ONCE=/path/marker
    each fault above fires once across all processes (the first to create the marker file).
DOCFLOW_FAULT_BROKER_RESTORE_SECONDS=1
    this worker looks for broker messages past their visibility timeout every second (kombu's
    default is every 100 s).
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import time
from typing import Any

from docflow import db

log = logging.getLogger("docflow.fault")


def _once() -> bool:
    marker = os.environ.get("DOCFLOW_FAULT_ONCE")
    if not marker:
        return True
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


_STAGE_MODULES = {
    "parsing": "docflow_worker.pipeline.parse",
    "extracting": "docflow_worker.pipeline.extract",
}


def _slow_stage(stage: str, seconds: float, ignore_soft_limit: bool) -> None:
    module: Any = importlib.import_module(_STAGE_MODULES[stage])  # only in worker processes
    assert module.name == stage
    real_run = module.run

    def slow_run(ctx: Any) -> None:
        if _once():
            log.warning("fault: %s slowly (%s s) for job %s", stage, seconds, ctx.claim.job_id)
            _sleep(seconds, ignore_soft_limit)
        real_run(ctx)

    module.run = slow_run


def _sleep(seconds: float, ignore_soft_limit: bool) -> None:
    from celery.exceptions import SoftTimeLimitExceeded

    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            time.sleep(min(remaining, 0.1))
        except SoftTimeLimitExceeded:
            if not ignore_soft_limit:
                raise
            log.warning("fault: ignoring the soft time limit")


def _crash_after_commit(event_type: str) -> None:
    real_run_hooks = db._run_hooks
    needle = f'"type":"{event_type}"'

    def run_hooks(session: Any, key: str = db._HOOKS_KEY) -> None:
        pending = session.info.get("docflow_pending_events") or []
        if key == db._HOOKS_KEY and any(needle in m for m in pending) and _once():
            log.warning("fault: killed after committing %s, before publishing it", event_type)
            for handler in logging.getLogger().handlers:
                handler.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        real_run_hooks(session, key)

    db._run_hooks = run_hooks


def install() -> None:
    slow = os.environ.get("DOCFLOW_FAULT_SLOW_STAGE")
    if slow:
        stage, seconds = slow.split(":")
        ignore = os.environ.get("DOCFLOW_FAULT_IGNORE_SOFT_LIMIT") == "1"
        _slow_stage(stage, float(seconds), ignore)
    crash = os.environ.get("DOCFLOW_FAULT_CRASH_AFTER_COMMIT")
    if crash:
        _crash_after_commit(crash)


def configure_worker(app: Any) -> None:
    restore = os.environ.get("DOCFLOW_FAULT_BROKER_RESTORE_SECONDS")
    if restore:
        options = dict(app.conf.broker_transport_options or {})
        options.update(unacked_restore_interval=int(restore), unacked_restore_throttle=1)
        app.conf.broker_transport_options = options
