"""A private Docflow stack for the PWA benchmark and the demo recording.

The same pieces as `npm test`'s end-to-end stack (scripts/devstack.py `e2e_stack`): PostgreSQL and
Redis on free ports with their data in a temp folder, migrations, the demo admin, a Celery worker,
the API and `next start` of a production build — but with its own build folder (pwa/.next-bench),
its own logs (.data/<name>/) and an API port of its own, so it never touches `npm start` (pwa/.next,
:8000, :3000) nor a concurrent `npm test` (pwa/.next-e2e, .data/e2e/).

The PWA's build names the API's address (its rewrites are fixed at build time), so the API runs on
a stable port when it is free (DOCFLOW_BENCH_API_PORT, default 58180) and the build is reused
between runs; it is rebuilt only when the PWA's sources changed (devstack.ensure_pwa_build).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import devstack  # noqa: E402

DIST_DIR = ".next-bench"
BENCH_API_PORT = int(os.environ.get("DOCFLOW_BENCH_API_PORT", "58180"))


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


@dataclass
class Stack:
    base_url: str  # the PWA (next start), which proxies /api/* to the API
    api_url: str
    database_url: str  # psycopg form (postgresql://…)
    token: str  # the demo admin's API token
    logs: Path
    tmp: Path


def python_env() -> str:
    """The project's Python (uv venv), installing what is missing like `npm start` does."""
    return devstack.setup(for_tests=True)


def reexec_in_venv(python: str) -> None:
    """Run this script again under the project's venv (psycopg, websockets, reportlab)."""
    venv = Path(python).parent.parent
    if Path(sys.prefix).resolve() != venv.resolve() and not os.environ.get("DOCFLOW_BENCH_REEXEC"):
        os.environ["DOCFLOW_BENCH_REEXEC"] = "1"
        os.execv(python, [python, *sys.argv])


def api_port() -> int:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds it
        try:
            s.bind(("127.0.0.1", BENCH_API_PORT))
            return BENCH_API_PORT
        except OSError:
            return devstack.free_port()


def build(api_url: str) -> None:
    devstack.ensure_pwa_packages()
    devstack.ensure_pwa_build(api_url, DIST_DIR)


@contextlib.contextmanager
def private_stack(python: str, port: int, name: str, *, workers: int = 2) -> Iterator[Stack]:
    """Start everything (build the PWA first: `build(api_url)`); stop it on the way out."""
    logs = devstack.DATA / name
    logs.mkdir(parents=True, exist_ok=True)
    for old in logs.glob("*.log"):
        old.unlink()
    tmp = Path(tempfile.mkdtemp(prefix=f"docflow-{name}-"))
    os.chmod(tmp, 0o755)  # PostgreSQL runs as `postgres` when we are root
    procs: list[subprocess.Popen[bytes]] = []
    pg_port, redis_port, pwa_port = devstack.free_port(), devstack.free_port(), devstack.free_port()
    api_url = f"http://127.0.0.1:{port}"
    try:
        procs.append(devstack.start_postgres(tmp / "pg", pg_port, fast=True))
        procs.append(devstack.start_redis(tmp / "redis", redis_port))
        log(f"PostgreSQL on :{pg_port}, Redis on :{redis_port} (data in {tmp})")
        env = devstack.service_env(
            pg_port,
            redis_port,
            DOCFLOW_ENVIRONMENT="test",
            DOCFLOW_STORAGE_DIR=str(tmp / "storage"),
            **devstack.origin_env(pwa_port, inherit=False),
        )
        with open(logs / "setup.log", "ab") as out:
            for cmd, cwd in (
                ([python, "-m", "alembic", "upgrade", "head"], ROOT / "api"),
                (
                    [python, "-m", "docflow.cli", "bootstrap", "--demo"]
                    + ["--token-file", str(tmp / "demo-token")],
                    ROOT,
                ),
            ):
                subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=out, stderr=out)
        worker_log = logs / "worker.log"
        with open(worker_log, "ab") as out:
            procs.append(
                subprocess.Popen(
                    devstack.worker_command(python, workers),
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        deadline = time.monotonic() + 90
        while " ready." not in worker_log.read_text(errors="replace"):
            if procs[-1].poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the Celery worker did not start (see {worker_log})")
            time.sleep(0.1)
        with open(logs / "api.log", "ab") as out:
            procs.append(
                subprocess.Popen(
                    devstack.api_command(python, "127.0.0.1", port),
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        devstack._wait_http(f"{api_url}/api/health", procs[-1], "the API")
        procs.append(devstack.start_pwa(api_url, pwa_port, DIST_DIR, logs / "pwa.log"))
        base_url = f"http://127.0.0.1:{pwa_port}"
        log(f"worker, API {api_url} and PWA {base_url} (next start, pwa/{DIST_DIR}) are up")
        yield Stack(
            base_url=base_url,
            api_url=api_url,
            database_url=f"postgresql://docflow@127.0.0.1:{pg_port}/docflow",
            token=(tmp / "demo-token").read_text().strip(),
            logs=logs,
            tmp=tmp,
        )
    finally:
        log("stopping the private stack …")
        for proc in reversed(procs):
            devstack.stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)
