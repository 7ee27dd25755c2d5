"""The Celery application: Redis broker, late acks, one task at a time per process, JSON only,
no result backend (state lives in PostgreSQL). The worker refuses to start on a broker that would
lose queued work (see `broker`)."""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import Token
from typing import Any

from celery import Celery
from celery.signals import (
    setup_logging,
    task_postrun,
    task_prerun,
    worker_init,
    worker_process_init,
    worker_process_shutdown,
    worker_ready,
    worker_shutdown,
)

from docflow.config import get_settings
from docflow.observability import context as log_context
from docflow.observability.logs import configure_logging

settings = get_settings()

app = Celery("docflow", broker=settings.broker, include=["docflow_worker.tasks"])
app.conf.update(
    task_default_queue=settings.task_queue,
    task_serializer="json",
    accept_content=["json"],
    task_ignore_result=True,
    result_backend=None,
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    worker_disable_rate_limits=True,  # none are set: skip the per-task token-bucket bookkeeping
    task_track_started=False,  # the job row and its events record the start
    task_soft_time_limit=settings.task_soft_time_limit,
    task_time_limit=settings.task_hard_time_limit,
    broker_transport_options={"visibility_timeout": settings.broker_visibility_timeout},
    broker_connection_retry_on_startup=True,
    broker_connection_max_retries=None,
    worker_hijack_root_logger=False,
    worker_send_task_events=False,
    task_send_sent_event=False,
    worker_enable_remote_control=False,
)


@setup_logging.connect
def _logging(**_: object) -> None:
    # Connected, so Celery leaves logging to us: JSON lines with the job's ids, redacted.
    configure_logging(get_settings().log_format)


_bound: dict[str, Token[Mapping[str, str]]] = {}


@task_prerun.connect
def _bind_log_context(task_id: str = "", task: Any = None, args: Any = (), **_: object) -> None:
    # The ids the API sent in the message's headers (request_id, document_id, workspace_id) and
    # the job's: on every line the task logs, Celery's own "succeeded"/"raised" lines included.
    ids = log_context.from_task_request(getattr(task, "request", None))
    if args:
        ids["job_id"] = str(args[0])
    _bound[task_id] = log_context.set_for_task(ids)


@task_postrun.connect
def _unbind_log_context(task_id: str = "", **_: object) -> None:
    token = _bound.pop(task_id, None)
    if token is not None:
        log_context.reset(token)


@worker_init.connect
def _require_durable_broker(**_: object) -> None:
    # In the main process, before the pool starts. A signal handler's exception is only logged,
    # so refusing to start is a SystemExit with the reason (printed, exit status 1).
    from docflow.db import DatabaseNotDurable, check_database_durability
    from docflow_worker.broker import BrokerNotDurable, require_durable_broker

    try:
        require_durable_broker()
    except BrokerNotDurable as exc:
        raise SystemExit(f"docflow worker not started: {exc}") from None
    try:
        check_database_durability("worker")
    except DatabaseNotDurable as exc:
        raise SystemExit(str(exc)) from None


@worker_process_init.connect
def _fresh_connections(**_: object) -> None:
    # Forked children must not share the parent's database connections.
    from docflow.db import get_engine

    get_engine().dispose(close=False)


@worker_process_init.connect
def _warm_parser(**_: object) -> None:
    # Start this pool process's sandboxed parser host in the background (~0.2 s), so the
    # first document does not wait for it; a failure here is retried by the first parse.
    import contextlib
    import threading

    from docflow_worker.parsing._sandbox import warm_up

    def warm() -> None:
        with contextlib.suppress(Exception):  # best effort: parse_document starts it again
            warm_up()

    threading.Thread(target=warm, name="parser-warm-up", daemon=True).start()


@worker_ready.connect
def _start_sweeper(**_: object) -> None:
    from docflow_worker.sweeper import start_sweeper

    start_sweeper()


@worker_ready.connect
def _start_metrics_server(**_: object) -> None:
    from docflow_worker import metrics_server

    metrics_server.start()


@worker_process_shutdown.connect
def _pool_process_exited(pid: int | None = None, **_: object) -> None:
    import os

    from docflow_worker import metrics_server

    metrics_server.process_exited(pid or os.getpid())


@worker_shutdown.connect
def _stop_sweeper(**_: object) -> None:
    from docflow_worker import metrics_server
    from docflow_worker.sweeper import stop_sweeper

    stop_sweeper()
    metrics_server.stop()
