#!/usr/bin/env python3
"""Docflow's local stack without Docker: installs what is missing, runs PostgreSQL and Redis from
the system's server binaries with data under .data/, migrates, and starts the API and a worker.

    python3 scripts/devstack.py start   # npm start: everything, in the foreground; Ctrl-C stops it
    python3 scripts/devstack.py test    # npm test: set up, then every suite
    python3 scripts/devstack.py setup   # install only

Standard library only: it runs before the project's Python environment exists. The test suite
imports `start_postgres` / `start_redis` to run private servers on free ports.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".data"
IS_ROOT = os.geteuid() == 0

DEV_PG_PORT = int(os.environ.get("DOCFLOW_PG_PORT", "55432"))
DEV_REDIS_PORT = int(os.environ.get("DOCFLOW_REDIS_PORT", "56379"))
API_PORT = int(os.environ.get("DOCFLOW_API_PORT", "8000"))
API_HOST = os.environ.get("DOCFLOW_API_HOST", "127.0.0.1")

APT_PACKAGES = {
    "postgres": "postgresql",
    "redis-server": "redis-server",
    "tesseract": "tesseract-ocr",
}


def log(message: str) -> None:
    print(f"[docflow] {message}", flush=True)


# --- installing ------------------------------------------------------------------------------
def pg_bindir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    for candidate in candidates:
        if (Path(candidate) / "postgres").exists() and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("postgres")
    return Path(found).parent if found and shutil.which("initdb") else None


def _version_key(path: str) -> float:
    try:
        return float(Path(path).parent.name)
    except ValueError:
        return 0.0


def missing_system_tools() -> list[str]:
    missing = []
    if pg_bindir() is None:
        missing.append(APT_PACKAGES["postgres"])
    for binary in ("redis-server", "tesseract"):
        if shutil.which(binary) is None:
            missing.append(APT_PACKAGES[binary])
    if IS_ROOT and pg_bindir() is not None:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            missing.append("postgresql")
    return sorted(set(missing))


def ensure_system_tools() -> None:
    missing = missing_system_tools()
    if not missing:
        return
    if not IS_ROOT or shutil.which("apt-get") is None:
        sys.exit(
            f"[docflow] missing system packages: {' '.join(missing)}. Install them "
            f"(e.g. sudo apt-get install {' '.join(missing)}) and run again."
        )
    log(f"installing {' '.join(missing)} with apt-get …")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=env,
    )


def ensure_uv() -> str:
    uv = shutil.which("uv")
    if uv:
        return uv
    log("installing uv with pip …")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "uv"], check=True)
    uv = shutil.which("uv")
    if uv:
        return uv
    candidate = Path(sys.executable).parent / "uv"
    if candidate.exists():
        return str(candidate)
    user_bin = Path.home() / ".local" / "bin" / "uv"
    if user_bin.exists():
        return str(user_bin)
    sys.exit("[docflow] uv was installed but is not on PATH")


def ensure_python_env() -> str:
    uv = ensure_uv()
    subprocess.run([uv, "sync", "--frozen", "--quiet"], cwd=ROOT, check=True)
    return str(ROOT / ".venv" / "bin" / "python")


def setup() -> str:
    ensure_system_tools()
    return ensure_python_env()


# --- servers ---------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, proc: subprocess.Popen[bytes], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with code {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not start listening on port {port}")


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if IS_ROOT else cmd


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _clear_stale_pidfile(pidfile: Path) -> None:
    """A killed run leaves postmaster.pid behind: remove it unless a live postgres owns it."""
    if not pidfile.exists():
        return
    try:
        pid = int(pidfile.read_text().splitlines()[0])
    except (ValueError, IndexError, OSError):
        pid = -1
    if pid > 0 and _pid_alive(pid):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            cmdline = b""
        if b"postgres" in cmdline:
            raise RuntimeError(
                f"PostgreSQL is already running on {pidfile.parent} (pid {pid}); stop it first"
            )
    log(f"removing stale {pidfile}")
    pidfile.unlink(missing_ok=True)


def start_postgres(
    data_dir: Path, port: int, *, database: str = "docflow", fast: bool = False
) -> subprocess.Popen[bytes]:
    """Start a PostgreSQL server on 127.0.0.1:port with its cluster in data_dir (created when
    missing), and make sure the `docflow` role and `database` exist."""
    bindir = pg_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries not found")
    data_dir.mkdir(parents=True, exist_ok=True)
    socket_dir = data_dir.parent / f"{data_dir.name}-socket"
    socket_dir.mkdir(parents=True, exist_ok=True)
    if IS_ROOT:
        shutil.chown(data_dir, "postgres", "postgres")
        shutil.chown(socket_dir, "postgres", "postgres")
        os.chmod(data_dir, 0o700)
    if not (data_dir / "PG_VERSION").exists():
        subprocess.run(
            _as_postgres(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data_dir),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    _clear_stale_pidfile(data_dir / "postmaster.pid")
    args = [
        str(bindir / "postgres"),
        "-D",
        str(data_dir),
        "-p",
        str(port),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        f"unix_socket_directories={socket_dir}",
        "-c",
        "max_connections=200",
        "-c",
        "shared_buffers=256MB",
    ]
    if fast:  # throwaway test clusters: durability is not what they test
        args += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    log_file = open(data_dir.parent / f"{data_dir.name}.log", "ab")  # noqa: SIM115
    proc = subprocess.Popen(
        _as_postgres(args), stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
    )
    _wait_port(port, proc, "PostgreSQL")
    psql = [str(bindir / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-qtA"]
    for _ in range(100):
        ok = subprocess.run([*psql, "-c", "SELECT 1"], capture_output=True).returncode == 0
        if ok:
            break
        time.sleep(0.1)
    exists = subprocess.run(
        [*psql, "-c", "SELECT 1 FROM pg_roles WHERE rolname='docflow'"],
        capture_output=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run([*psql, "-c", "CREATE ROLE docflow LOGIN SUPERUSER"], check=True)
    exists = subprocess.run(
        [*psql, "-c", f"SELECT 1 FROM pg_database WHERE datname='{database}'"],
        capture_output=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run([*psql, "-c", f'CREATE DATABASE "{database}" OWNER docflow'], check=True)
    _POSTGRES_DATA[proc.pid] = data_dir
    return proc


# The clusters of the servers started here: stopping one waits for its postmaster, not only for
# the process we started (under `runuser` that wrapper can exit first).
_POSTGRES_DATA: dict[int, Path] = {}


def _postmaster_pid(data_dir: Path) -> int | None:
    try:
        return int((data_dir / "postmaster.pid").read_text().splitlines()[0])
    except (ValueError, IndexError, OSError):
        return None


def _stop_postgres(proc: subprocess.Popen[bytes], data_dir: Path, timeout: float) -> None:
    """Fast shutdown (SIGINT: sessions are disconnected, open transactions rolled back) and wait
    until the postmaster is gone, so the same cluster can start again at once."""
    postmaster = _postmaster_pid(data_dir)
    for pid in (proc.pid, postmaster):
        if pid is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGINT)
    deadline = time.monotonic() + timeout
    while postmaster is not None and _pid_alive(postmaster) and time.monotonic() < deadline:
        time.sleep(0.05)
    if postmaster is not None and _pid_alive(postmaster):
        with contextlib.suppress(ProcessLookupError):
            os.kill(postmaster, signal.SIGKILL)
    try:
        proc.wait(max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def start_redis(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    data_dir.mkdir(parents=True, exist_ok=True)
    redis = shutil.which("redis-server") or "/usr/bin/redis-server"
    proc = subprocess.Popen(
        [
            redis,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(data_dir),
            "--appendonly",
            "yes",
            "--save",
            "",
            "--daemonize",
            "no",
            "--pidfile",
            str(data_dir / "redis.pid"),
            "--logfile",
            str(data_dir / "redis.log"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    _wait_port(port, proc, "Redis")
    return proc


def stop(proc: subprocess.Popen[bytes] | None, timeout: float = 15) -> None:
    """Stop a process started here (and its process group), politely first."""
    if proc is None:
        return
    data_dir = _POSTGRES_DATA.pop(proc.pid, None)
    if data_dir is not None:
        _stop_postgres(proc, data_dir, timeout)
        return
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def service_env(pg_port: int, redis_port: int, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DOCFLOW_DATABASE_URL": f"postgresql+psycopg://docflow@127.0.0.1:{pg_port}/docflow",
        "DOCFLOW_REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "DOCFLOW_STORAGE_DIR": str(DATA / "storage"),
        "PYTHONUNBUFFERED": "1",
    }
    env.update(extra)
    return env


def worker_command(python: str, concurrency: int = 2) -> list[str]:
    """The Celery worker as `npm start` and the tests run it (prefork pool)."""
    return [
        python,
        "-m",
        "celery",
        "-A",
        "docflow_worker.celery_app",
        "worker",
        "--loglevel=INFO",
        f"--concurrency={concurrency}",
        "--pool=prefork",
        "--without-gossip",
        "--without-mingle",
    ]


def api_command(python: str, host: str, port: int) -> list[str]:
    """The API as `npm start` and the tests run it: one uvicorn process, no access log, and
    uvicorn's sans-I/O websockets protocol (~4x lower fan-out p99, bench/events)."""
    return [
        python,
        "-m",
        "uvicorn",
        "docflow.main:app",
        "--host",
        host,
        "--port",
        str(port),
        "--no-access-log",
        "--ws",
        "websockets-sansio",
    ]


# --- commands --------------------------------------------------------------------------------
def cmd_start() -> int:
    python = setup()
    procs: list[subprocess.Popen[bytes]] = []
    stopping = False

    def shutdown(*_: object) -> None:
        nonlocal stopping
        if stopping:
            return
        stopping = True
        log("stopping …")
        for proc in reversed(procs):
            stop(proc)
        log("stopped")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        log(f"PostgreSQL on 127.0.0.1:{DEV_PG_PORT} (data in .data/pg)")
        procs.append(start_postgres(DATA / "pg", DEV_PG_PORT))
        log(f"Redis on 127.0.0.1:{DEV_REDIS_PORT} (data in .data/redis)")
        procs.append(start_redis(DATA / "redis", DEV_REDIS_PORT))
        env = service_env(DEV_PG_PORT, DEV_REDIS_PORT)
        subprocess.run(
            [python, "-m", "alembic", "upgrade", "head"], cwd=ROOT / "api", env=env, check=True
        )
        subprocess.run([python, "-m", "docflow.cli", "bootstrap", "--demo"], env=env, check=True)
        procs.append(
            subprocess.Popen(
                worker_command(python),
                env=env,
                start_new_session=True,
            )
        )
        procs.append(
            subprocess.Popen(
                api_command(python, API_HOST, API_PORT),
                env=env,
                start_new_session=True,
            )
        )
        _wait_port(API_PORT, procs[-1], "API")
        log(f"API ready: http://{API_HOST}:{API_PORT}/api/docs  (Ctrl-C stops everything)")
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
        failed = [p.args for p in procs if p.poll() is not None]
        log(f"a process exited: {failed}")
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        shutdown()


LINTERS = (
    ("ruff check", ["-m", "ruff", "check", "."]),
    ("ruff format --check", ["-m", "ruff", "format", "--check", "."]),
    ("mypy --strict", ["-m", "mypy", "api/docflow", "worker/docflow_worker", "tests_support"]),
)


def cmd_test(extra: list[str]) -> int:
    python = setup()
    for name, args in LINTERS:
        log(f"lint: {name}")
        if subprocess.run([python, *args], cwd=ROOT).returncode != 0:
            log(f"lint failed: {name}")
            return 1
    log("running the Python suites (pytest; private PostgreSQL, Redis and Celery worker) …")
    result = subprocess.run([python, "-m", "pytest", *extra], cwd=ROOT)
    return result.returncode


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "start"
    if command == "start":
        return cmd_start()
    if command == "test":
        return cmd_test(argv[2:])
    if command == "setup":
        setup()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
