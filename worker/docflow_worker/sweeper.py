"""Re-enqueues jobs nobody will otherwise run: queued while the broker was down, queued when the
broker lost its messages (see `broker`), or left `processing` by a worker that died (its lease ran
out: nothing renews it any more). Runs as a thread in each worker's main process; several
sweepers share the work through SKIP LOCKED, and a duplicate send is harmless (claims are
conditional). Now and then it also deletes expired idempotency records (kept
`idempotency_ttl_days`; a document remembers its upload key beyond that, see DocumentService),
purges finalized documents past `retention_days` (when set), and runs the storage drift check
(documents without files are logged at error; files without documents removed after a grace)."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from datetime import timedelta

from docflow.config import get_settings
from docflow.db import unit_of_work
from docflow.idempotency.repository import IdempotencyRepository
from docflow.job.service import JobService
from docflow.lifecycle.service import DriftReport, LifecycleService
from docflow.storage import get_storage
from docflow_worker.broker import declare_queue, forget_marker, lost_its_messages

log = logging.getLogger(__name__)

_stop = threading.Event()
_thread: threading.Thread | None = None


def sweep_once() -> int:
    check_broker()
    with unit_of_work() as session:
        sent = JobService(session).requeue_stranded()
    if sent:
        log.info("sweeper re-enqueued %d job(s)", len(sent))
    return len(sent)


def check_broker() -> None:
    """When the broker lost its messages: declare this worker's queue again and have every queued
    job sent again by the sweeps that follow."""
    try:
        lost = lost_its_messages()
    except Exception as exc:  # the broker is down: the sweep goes on, the next one checks again
        log.warning("broker check failed: %s", exc)
        return
    if not lost:
        return
    from docflow_worker.celery_app import app

    try:
        declare_queue(app)
        with unit_of_work() as session:
            forgotten = JobService(session).forget_enqueued()
    except Exception:
        log.exception("the broker lost its messages, but the queued jobs could not be resent yet")
        with contextlib.suppress(Exception):
            forget_marker()  # ask again next sweep
        return
    log.warning(
        "the broker holds no marker (a new, emptied or restarted-without-data Redis): queue "
        "declared again, %d queued job(s) will be sent again",
        forgotten,
    )


_PURGE_BATCH = 1_000


def purge_idempotency_records() -> int:
    """Delete every expired idempotency record, a batch per transaction (short locks)."""
    purged = 0
    while not _stop.is_set():
        with unit_of_work() as session:
            deleted = IdempotencyRepository(session).purge_expired(_PURGE_BATCH)
        purged += deleted
        if deleted < _PURGE_BATCH:
            break
    if purged:
        log.info("sweeper deleted %d expired idempotency record(s)", purged)
    return purged


_RETENTION_BATCH = 100


def purge_expired_documents() -> int:
    """Delete the finalized documents past `retention_days` (audit-logged), a batch per
    transaction; nothing when retention is off."""
    days = get_settings().retention_days
    if days is None:
        return 0
    purged = 0
    while not _stop.is_set():
        with unit_of_work() as session:
            deleted = LifecycleService(session, get_storage()).purge_expired(
                days, limit=_RETENTION_BATCH
            )
        purged += deleted
        if deleted < _RETENTION_BATCH:
            break
    if purged:
        log.info("sweeper purged %d finalized document(s) past %d day(s)", purged, days)
    return purged


def check_storage() -> DriftReport:
    grace = timedelta(seconds=get_settings().storage_orphan_grace_seconds)
    with unit_of_work() as session:
        return LifecycleService(session, get_storage()).check_storage(grace=grace)


def _loop(interval: float) -> None:
    settings = get_settings()
    # (what, every how many seconds, the next time it is due)
    periodic = [
        (purge_idempotency_records, settings.idempotency_purge_interval_seconds),
        (purge_expired_documents, settings.retention_purge_interval_seconds),
        (check_storage, settings.storage_check_interval_seconds),
    ]
    due = [time.monotonic()] * len(periodic)
    while not _stop.wait(interval):
        try:
            sweep_once()
        except Exception:
            log.exception("sweep failed; will try again")
        for i, (task, every) in enumerate(periodic):
            if time.monotonic() < due[i]:
                continue
            due[i] = time.monotonic() + every
            try:
                task()
            except Exception:
                log.exception("%s failed; will try again", task.__name__)


def start_sweeper() -> None:
    global _thread
    if _thread is not None and _thread.is_alive():
        return
    _stop.clear()
    _thread = threading.Thread(
        target=_loop, args=(get_settings().sweep_interval_seconds,), name="sweeper", daemon=True
    )
    _thread.start()


def stop_sweeper() -> None:
    _stop.set()
