"""Re-enqueues jobs nobody will otherwise run: queued while the broker was down, or left
`processing` by a worker that died. Runs as a thread in each worker's main process; several
sweepers share the work through SKIP LOCKED, and a duplicate send is harmless (claims are
conditional)."""

from __future__ import annotations

import logging
import threading

from docflow.config import get_settings
from docflow.db import unit_of_work
from docflow.job.service import JobService

log = logging.getLogger(__name__)

_stop = threading.Event()
_thread: threading.Thread | None = None


def sweep_once() -> int:
    with unit_of_work() as session:
        sent = JobService(session).requeue_stranded()
    if sent:
        log.info("sweeper re-enqueued %d job(s)", len(sent))
    return len(sent)


def _loop(interval: float) -> None:
    while not _stop.wait(interval):
        try:
            sweep_once()
        except Exception:
            log.exception("sweep failed; will try again")


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
