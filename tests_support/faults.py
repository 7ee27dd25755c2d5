"""Helpers for the fault tests: private queues and Redis servers, workers a test starts (and kills),
and reading what happened from the database. Every wait has a deadline."""

from __future__ import annotations

import contextlib
import os
import signal
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from sqlalchemy import text

import devstack
from tests_support.servers import (
    FAULTY_WORKER_APP,
    Stack,
    WorkerProcess,
    start_worker,
    stop_worker,
)
from tests_support.settings import settings_env


def _defaults(*names: str) -> dict[str, str]:
    from docflow.config import Settings

    return {f"DOCFLOW_{n.upper()}": str(Settings.model_fields[n].default) for n in names}


# What decides how fast a dead worker's job runs again, at the product's defaults: the tests that
# measure recovery run with these, not the test stack's 1 s sweep.
PRODUCTION_RECOVERY = _defaults("job_lease_seconds", "sweep_interval_seconds")
RECOVERY_TARGET_S = 30.0


@contextmanager
def private_queue() -> Iterator[str]:
    """Uploads made inside are sent to a queue only this test's workers read."""
    name = f"docflow-test-{uuid.uuid4().hex[:8]}"
    with settings_env(DOCFLOW_TASK_QUEUE=name):
        yield name


@dataclass
class PrivateRedis:
    """A Redis server of the test's own (append-only, noeviction, like every Docflow Redis)."""

    folder: Path
    port: int = field(default_factory=devstack.free_port)
    proc: Any = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start it and wait until it answers (after a restart it first reloads its data)."""
        import redis

        self.proc = devstack.start_redis(self.folder, self.port)

        def ready() -> bool:
            try:
                return bool(self.client().ping())
            except redis.BusyLoadingError:
                return False

        wait_until("Redis to load its data", ready, timeout=30, every=0.05)

    def stop(self) -> None:
        devstack.stop(self.proc)
        self.proc = None

    def kill(self) -> None:
        """kill -9: no shutdown, no final save."""
        if self.proc is not None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
            self.proc = None

    def client(self) -> Any:
        import redis

        return redis.Redis.from_url(self.url)


@contextmanager
def private_redis(folder: Path) -> Iterator[PrivateRedis]:
    server = PrivateRedis(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class Workers:
    """Celery worker processes a test starts (the faulty app: its faults are off unless the
    environment switches them on); all stopped, or already killed, at the end."""

    def __init__(self, stack: Stack, folder: Path) -> None:
        self.stack = stack
        self.folder = folder
        self.started: list[WorkerProcess] = []

    def start(self, queue: str, *, concurrency: int = 1, **env: object) -> WorkerProcess:
        log = self.folder / f"worker-{len(self.started)}.log"
        extra = {"DOCFLOW_TASK_QUEUE": queue, **{k: str(v) for k, v in env.items()}}
        worker = start_worker(
            self.stack.env, log, concurrency=concurrency, extra_env=extra, app=FAULTY_WORKER_APP
        )
        self.started.append(worker)
        return worker

    def stop_all(self) -> None:
        for worker in self.started:
            stop_worker(worker)


def pool_children(worker: WorkerProcess) -> list[psutil.Process]:
    """The worker's pool processes (not its parser hosts, which are their grandchildren)."""
    children: list[psutil.Process] = psutil.Process(worker.pid).children(recursive=False)
    return children


def kill_worker(worker: WorkerProcess) -> float:
    """kill -9 of the whole worker (main process, pool, parser hosts); returns when (monotonic)."""
    members = [worker.pid, *(p.pid for p in psutil.Process(worker.pid).children(recursive=True))]
    at = time.monotonic()
    for pid in members:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    worker.proc.wait(timeout=10)
    return at


def wait_until(what: str, condition: Callable[[], Any], timeout: float, every: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)


def wait_for_log(worker: WorkerProcess, needle: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while needle not in worker.log():
        assert time.monotonic() < deadline, (
            f"worker never logged {needle!r}:\n{worker.log()[-3000:]}"
        )
        time.sleep(0.05)


def scalar(sql: str, **params: Any) -> Any:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


def event_types(job_id: str) -> list[str]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return [
            str(t)
            for (t,) in conn.execute(
                text("SELECT type FROM job_events WHERE job_id = :j ORDER BY seq"), {"j": job_id}
            )
        ]


def job_row(job_id: str) -> dict[str, Any]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        row = conn.execute(text("SELECT * FROM jobs WHERE id = :j"), {"j": job_id}).mappings()
        return dict(row.one())


def wait_for_status(job_id: str, statuses: set[str], timeout: float) -> dict[str, Any]:
    return dict(
        wait_until(
            f"job {job_id} to be {statuses}",
            lambda: (job := job_row(job_id))["status"] in statuses and job,
            timeout,
        )
    )


def wait_for_event(job_id: str, type_: str, count: int = 1, timeout: float = 60) -> float:
    """Wait until the job has recorded `count` events of `type_`; returns when it was seen."""
    wait_until(
        f"{count} x {type_} of job {job_id}",
        lambda: event_types(job_id).count(type_) >= count,
        timeout,
    )
    return time.monotonic()
