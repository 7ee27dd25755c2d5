from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import redis as redis_lib

import devstack  # scripts/devstack.py (on pythonpath via pytest config)

ROOT = devstack.ROOT


@dataclass
class Stack:
    """Private PostgreSQL + Redis for one test session."""

    tmp: Path
    pg_port: int
    redis_port: int
    pg: subprocess.Popen[bytes] | None = None
    pg_root: Path | None = None
    redis: subprocess.Popen[bytes] | None = None
    env: dict[str, str] = field(default_factory=dict)

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"

    def stop_redis(self) -> None:
        devstack.stop(self.redis)
        self.redis = None

    def start_redis(self) -> None:
        self.redis = devstack.start_redis(self.tmp / "redis", self.redis_port)

    def stop_postgres(self) -> None:
        devstack.stop(self.pg)
        self.pg = None

    def start_postgres(self) -> None:
        assert self.pg_root is not None
        self.pg = devstack.start_postgres(self.pg_root / "pg", self.pg_port, fast=True)

    def redis_client(self) -> redis_lib.Redis:
        return redis_lib.Redis.from_url(self.redis_url)


def start_stack(tmp: Path) -> Stack:
    stack = Stack(tmp=tmp, pg_port=devstack.free_port(), redis_port=devstack.free_port())
    # PostgreSQL runs as the `postgres` user when we are root: its folder must be reachable.
    stack.pg_root = Path(tempfile.mkdtemp(prefix="docflow-test-pg-"))
    os.chmod(stack.pg_root, 0o755)
    stack.pg = devstack.start_postgres(stack.pg_root / "pg", stack.pg_port, fast=True)
    stack.start_redis()
    stack.env = {
        "DOCFLOW_ENVIRONMENT": "test",
        "DOCFLOW_DATABASE_URL": f"postgresql+psycopg://docflow@127.0.0.1:{stack.pg_port}/docflow",
        "DOCFLOW_REDIS_URL": stack.redis_url,
        "DOCFLOW_STORAGE_DIR": str(tmp / "storage"),
        "DOCFLOW_SWEEP_INTERVAL_SECONDS": "1",
        "DOCFLOW_TASK_QUEUE": "docflow-test",
        "DOCFLOW_EVENT_CHANNEL_PREFIX": "docflow-test",
        "DOCFLOW_ALLOWED_WS_ORIGINS": '["http://127.0.0.1:3000","http://testserver"]',
        "DOCFLOW_CORS_ORIGINS": '["http://127.0.0.1:3000"]',
        # Loopback (the default) and the in-process TestClient's host name.
        "DOCFLOW_TRUSTED_HOSTS": '["localhost", "127.0.0.1", "::1", "testserver"]',
    }
    return stack


def migrate_database() -> None:
    """Bring the database of the current settings (DOCFLOW_DATABASE_URL) to the Alembic head."""
    from alembic import command
    from alembic.config import Config

    config = Config(str(ROOT / "api" / "alembic.ini"))
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")


def use_stack(stack: Stack) -> None:
    """Point this process (its settings) at the stack and migrate its database."""
    from docflow.config import get_settings
    from docflow.storage import get_storage

    os.environ.update(stack.env)
    get_settings.cache_clear()
    get_storage.cache_clear()
    migrate_database()


def stop_stack(stack: Stack) -> None:
    devstack.stop(stack.redis)
    devstack.stop(stack.pg)
    if stack.pg_root is not None:
        shutil.rmtree(stack.pg_root, ignore_errors=True)


@dataclass
class WorkerProcess:
    proc: subprocess.Popen[bytes]
    log_path: Path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


WORKER_APP = "docflow_worker.celery_app"
FAULTY_WORKER_APP = "tests_support.faulty_worker"  # with the faults its environment switches on


def start_worker(
    env: dict[str, str],
    log_path: Path,
    concurrency: int = 2,
    extra_env: dict[str, str] | None = None,
    app: str = WORKER_APP,
) -> WorkerProcess:
    """A real `celery worker` process (prefork pool) for the session's stack."""
    full_env = {**os.environ, **env, **(extra_env or {}), "PYTHONUNBUFFERED": "1"}
    log_file = open(log_path, "ab")  # noqa: SIM115
    command = devstack.worker_command(sys.executable, concurrency)
    command[command.index(WORKER_APP)] = app
    proc = subprocess.Popen(
        [
            *command,
            "--without-heartbeat",
            "-n",
            f"test-{os.getpid()}-{time.monotonic_ns()}@%h",
        ],
        env=full_env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"worker exited early:\n{log_path.read_text()[-3000:]}")
        if " ready." in log_path.read_text(errors="replace"):
            return WorkerProcess(proc, log_path)
        time.sleep(0.1)
    raise RuntimeError(f"worker did not become ready:\n{log_path.read_text()[-3000:]}")


def stop_worker(worker: WorkerProcess | None) -> None:
    if worker is not None:
        devstack.stop(worker.proc, timeout=20)


API_APP = "docflow.main:app"
FAULTY_API_APP = "tests_support.faulty_api:app"  # with the faults its environment switches on


@dataclass
class ApiProcess:
    proc: subprocess.Popen[bytes]
    base: str  # e.g. http://127.0.0.1:8123
    log_path: Path

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """kill -9 of the API process: open requests are cut off mid-way, nothing cleans up."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        devstack.stop(self.proc)


def start_api(
    env: dict[str, str],
    log_path: Path,
    extra_args: tuple[str, ...] = (),
    app: str = API_APP,
    port: int | None = None,
) -> ApiProcess:
    """A real uvicorn process of `app` on `port` (default: a free one), answering /api/health.
    `extra_args` go after the usual command line (e.g. `--access-log`)."""
    port = port or devstack.free_port()
    log_file = open(log_path, "ab")  # noqa: SIM115
    command = devstack.api_command(sys.executable, "127.0.0.1", port)
    command[command.index(API_APP)] = app
    proc = subprocess.Popen(
        [*command, *extra_args],
        env={**os.environ, **env, "PYTHONUNBUFFERED": "1"},
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"API exited early:\n{log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{base}/api/health", timeout=0.5).status_code == 200:
                    return ApiProcess(proc, base, log_path)
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("API did not start")
            time.sleep(0.1)
    except BaseException:
        devstack.stop(proc)
        raise


@contextmanager
def api_server(
    env: dict[str, str],
    log_path: Path,
    extra_args: tuple[str, ...] = (),
    app: str = API_APP,
) -> Iterator[str]:
    """A real uvicorn process of `app` for the block; yields its base URL."""
    api = start_api(env, log_path, extra_args, app)
    try:
        yield api.base
    finally:
        api.stop()
