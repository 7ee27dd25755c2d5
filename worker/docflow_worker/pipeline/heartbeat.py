"""The lease heartbeat: while an attempt runs, a thread of the worker process renews the job's
lease in PostgreSQL every `heartbeat_interval` seconds — between stage boundaries too, so a stage
may take as long as its time limit allows while the lease stays short. When the process dies the
heartbeat dies with it, the lease runs out, and the sweeper sends the job again."""

from __future__ import annotations

import logging
import threading
import time
from types import TracebackType

from docflow.db import autocommit_session
from docflow.job.service import JobService, WorkerClaim
from docflow_worker.pipeline.retry import DATABASE_UNAVAILABLE

log = logging.getLogger(__name__)


class LeaseHeartbeat:
    """`with LeaseHeartbeat(claim, interval):` renews the claim's lease until the block ends, or
    until a renewal finds the attempt no longer ours (cancelled or taken over: the next stage
    boundary stops it)."""

    def __init__(self, claim: WorkerClaim, interval: float) -> None:
        self.claim = claim
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"lease-heartbeat-{claim.job_id}", daemon=True
        )

    def __enter__(self) -> LeaseHeartbeat:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        failing_since: float | None = None
        while not self._stop.wait(self.interval):
            try:
                with autocommit_session() as session:
                    owned = JobService(session).renew_lease(self.claim)
            except DATABASE_UNAVAILABLE as exc:
                if failing_since is None:
                    failing_since = time.monotonic()
                    log.warning(
                        "job %s: lease not renewed (database unavailable): %s",
                        self.claim.job_id,
                        exc.orig or exc,
                    )
                continue
            except Exception:
                log.exception("job %s: lease renewal failed", self.claim.job_id)
                continue
            if failing_since is not None:
                log.info(
                    "job %s: lease renewed again after %.1f s",
                    self.claim.job_id,
                    time.monotonic() - failing_since,
                )
                failing_since = None
            if not owned:
                log.info(
                    "job %s: no longer this worker's (cancelled or taken over)", self.claim.job_id
                )
                return
