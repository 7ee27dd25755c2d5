#!/usr/bin/env python3
"""Docflow's local stack without Docker: installs what is missing, runs PostgreSQL and Redis from
the system's server binaries with data under .data/, migrates, and starts the API, a worker and
the PWA (a production build served by `next start`, rebuilt only when its sources changed).

    python3 scripts/devstack.py start   # npm start: everything, in the foreground; Ctrl-C stops it
    python3 scripts/devstack.py test    # npm test: set up, then every suite
    python3 scripts/devstack.py setup   # install only
    python3 scripts/devstack.py run ARGS  # the project's Python with ARGS (the npm run scripts)
    python3 scripts/devstack.py lint    # npm run lint: ruff check, ruff format --check, mypy
    python3 scripts/devstack.py cli …   # a docflow.cli command (npm run backup / restore /
                                        # storage:check) against the `npm start` stack

`test` runs, in order: the Python linters and pytest; the PWA's lint, type check, generated API
types check and Vitest; then the browser end-to-end tests (Playwright on Debian's chromium) against
a private stack — its own PostgreSQL, Redis, Celery worker, API and a production build of the PWA
in pwa/.next-e2e, so a running `npm start` is never disturbed. DOCFLOW_TEST_PHASES picks phases
(default "python,pwa,e2e"); extra arguments go to pytest.

Standard library only: it runs before the project's Python environment exists. The test suite
imports `start_postgres` / `start_redis` to run private servers on free ports.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import hashlib
import http.client
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".data"
IS_ROOT = os.geteuid() == 0

DEV_PG_PORT = int(os.environ.get("DOCFLOW_PG_PORT", "55432"))
DEV_REDIS_PORT = int(os.environ.get("DOCFLOW_REDIS_PORT", "56379"))
API_PORT = int(os.environ.get("DOCFLOW_API_PORT", "8000"))
API_HOST = os.environ.get("DOCFLOW_API_HOST", "127.0.0.1")
PWA = ROOT / "pwa"
PWA_PORT = int(os.environ.get("DOCFLOW_PWA_PORT", "3000"))
CHROMIUM = os.environ.get("DOCFLOW_CHROMIUM", "/usr/bin/chromium")
DEMO_EMAIL, DEMO_PASSWORD = "demo@docflow.local", "docflow-demo"  # docflow.cli bootstrap --demo
E2E_DIST_DIR = ".next-e2e"  # the end-to-end build: never the .next that `npm start` serves
# The end-to-end API's port when free: the PWA's build names the API, so a stable port lets a
# second `npm test` reuse the build.
E2E_API_PORT = int(os.environ.get("DOCFLOW_E2E_API_PORT", "58080"))

APT_PACKAGES = {
    "postgres": "postgresql",
    "redis-server": "redis-server",
    "tesseract": "tesseract-ocr",
}


# Tesseract's language data for the languages the extractor reads (worker/docflow_worker/parsing/
# _ocr.py SUPPORTED; a test keeps the two lists and the Dockerfile's in step).
OCR_LANGUAGES = [
    "eng",
    "deu",
    "fra",
    "spa",
    "ita",
    "nld",
    "por",
    "pol",
    "ces",
    "slk",
    "hun",
    "swe",
    "dan",
    "nor",
    "fin",
    "ron",
    "tur",
    "ell",
]


def missing_ocr_languages() -> list[str]:
    found = {Path(p).stem for p in glob.glob("/usr/share/tesseract-ocr/*/tessdata/*.traineddata")}
    return [f"tesseract-ocr-{lang}" for lang in OCR_LANGUAGES if lang not in found]


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


def missing_system_tools(for_tests: bool = False) -> list[str]:
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
    if shutil.which("apt-get") is not None:  # elsewhere tesseract's data lives in other places
        missing += missing_ocr_languages()
    if for_tests and not Path(CHROMIUM).exists():  # the browser tests drive Debian's chromium
        missing += ["chromium", "fonts-liberation"]
    return sorted(set(missing))


def ensure_system_tools(for_tests: bool = False) -> None:
    missing = missing_system_tools(for_tests)
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


def find_uv() -> str | None:
    """uv on the PATH, or where `pip install uv` puts it when its folder is not on the PATH."""
    uv = shutil.which("uv")
    if uv:
        return uv
    for candidate in (Path(sys.executable).parent / "uv", Path.home() / ".local" / "bin" / "uv"):
        if candidate.exists():
            return str(candidate)
    return None


def ensure_uv() -> str:
    uv = find_uv()
    if uv:
        return uv
    log("installing uv with pip …")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "uv"], check=True)
    uv = find_uv()
    if uv:
        return uv
    sys.exit("[docflow] uv was installed but is not on PATH")


def ensure_python_env() -> str:
    uv = ensure_uv()
    subprocess.run([uv, "sync", "--frozen", "--quiet"], cwd=ROOT, check=True)
    return str(ROOT / ".venv" / "bin" / "python")


def setup(for_tests: bool = False) -> str:
    ensure_system_tools(for_tests)
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
    """Redis as the worker requires it (it refuses to start otherwise): queued tasks survive a
    restart (`appendonly yes`) and are never evicted (`maxmemory-policy noeviction`)."""
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
            "--maxmemory-policy",
            "noeviction",
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
    """The API as `npm start` and the tests run it: one uvicorn process, no access log,
    uvicorn's sans-I/O websockets protocol (~4x lower fan-out p99, bench/events; with a fix of
    its refusal logging, docflow/ws_protocol.py), and uvicorn's own X-Forwarded-For handling
    off (it trusts any loopback peer; the app trusts only DOCFLOW_TRUSTED_PROXIES). Idle keep-alive
    connections stay open longer than the PWA proxy's (Node's agent drops them after 5 s): with
    uvicorn's default of 5 s too, the proxy could reuse a socket the API was closing, and the
    request failed with a 500 "socket hang up"."""
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
        "docflow.ws_protocol:WebSocketProtocol",  # websockets-sansio, refusals logged as INFO
        "--no-proxy-headers",  # X-Forwarded-* only from DOCFLOW_TRUSTED_PROXIES (the app's job)
        "--timeout-keep-alive",
        "75",
    ]


def _wait_http(url: str, proc: subprocess.Popen[bytes], what: str, timeout: float = 60) -> None:
    """Wait until `url` answers (any status below 500) while `proc` keeps running."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return
        except (OSError, urllib.error.URLError, http.client.HTTPException):
            # HTTPException: before the server listens, a connection can land on itself (its own
            # ephemeral port is the one polled) and read back its own request — not ready yet.
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not answer {url} within {timeout:.0f} s")


def origin_env(pwa_port: int, *, inherit: bool = True) -> dict[str, str]:
    """The API's origin allowlists naming the PWA (it proxies /api/* including the WebSocket
    upgrade, so the API sees the PWA's Origin). Values already set in the environment are kept."""
    origins = [f"http://127.0.0.1:{pwa_port}", f"http://localhost:{pwa_port}"]
    env = {}
    for name in ("DOCFLOW_CORS_ORIGINS", "DOCFLOW_ALLOWED_WS_ORIGINS"):
        current = os.environ.get(name, "") if inherit else ""
        try:
            listed = json.loads(current) if current.strip() else []
        except ValueError:
            sys.exit(f'[docflow] {name} must be a JSON list, e.g. ["https://docflow.example"]')
        env[name] = json.dumps(list(dict.fromkeys([*listed, *origins])))
    return env


# --- the PWA ---------------------------------------------------------------------------------
def npm() -> str:
    found = shutil.which("npm")
    if found is None or shutil.which("node") is None:
        sys.exit("[docflow] Node.js 20+ with npm is needed for the PWA: install it and run again")
    return found


def _node_version() -> str:
    return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()


def ensure_pwa_packages() -> None:
    """`npm ci` in pwa/ when node_modules is missing or package-lock.json (or Node) changed since
    the last install; the stamp lives in node_modules, so removing the folder also removes it."""
    stamp = PWA / "node_modules" / ".docflow-install-stamp"
    wanted = hashlib.sha256(
        (PWA / "package-lock.json").read_bytes() + _node_version().encode()
    ).hexdigest()
    if stamp.is_file() and stamp.read_text().strip() == wanted:
        log("PWA packages are up to date (pwa/package-lock.json unchanged)")
        return
    log("installing the PWA's packages (npm ci in pwa/) …")
    subprocess.run([npm(), "ci", "--no-audit", "--no-fund"], cwd=PWA, check=True)
    stamp.write_text(wanted + "\n")


_NOT_BUILD_CONFIG = {"eslint", "vitest", "playwright"}


def _pwa_build_inputs() -> list[Path]:
    """Everything a production build depends on (the API's address is added by the caller)."""
    files = [PWA / name for name in ("package.json", "package-lock.json", "tsconfig.json")]
    files += [p for p in PWA.glob("*.config.*") if p.name.split(".")[0] not in _NOT_BUILD_CONFIG]
    for folder in ("src", "public"):
        for path in (PWA / folder).rglob("*"):
            if not path.is_file() or path.name.endswith((".test.ts", ".test.tsx")):
                continue
            if folder == "public" and path.parent == PWA / "public" and path.name.startswith("sw"):
                continue  # the service worker is generated by the build itself
            files.append(path)
    return sorted({f for f in files if f.is_file()})


def pwa_build_fingerprint(api_url: str) -> str:
    digest = hashlib.sha256(f"api={api_url}\n".encode())
    for path in _pwa_build_inputs():
        digest.update(path.relative_to(PWA).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _build_stamp(dist_dir: str) -> Path:
    return PWA / ".build-stamp" if dist_dir == ".next" else PWA / dist_dir / ".build-stamp"


def pwa_env(api_url: str, dist_dir: str) -> dict[str, str]:
    """next build / next start: the API the rewrites proxy to (fixed at build time, in the routes
    manifest) and the build folder (next.config.ts reads DOCFLOW_PWA_DIST_DIR)."""
    return {
        **os.environ,
        "DOCFLOW_API_URL": api_url,
        "DOCFLOW_PWA_DIST_DIR": dist_dir,
        "NEXT_TELEMETRY_DISABLED": "1",
    }


def ensure_pwa_build(api_url: str, dist_dir: str = ".next") -> None:
    """`npm run build` unless pwa/<dist_dir> holds a build of the same sources for the same API."""
    stamp = _build_stamp(dist_dir)
    fingerprint = pwa_build_fingerprint(api_url)
    built = (PWA / dist_dir / "BUILD_ID").is_file()
    if built and stamp.is_file() and stamp.read_text().strip() == fingerprint:
        log(f"PWA build in pwa/{dist_dir} is up to date (sources unchanged since the last build)")
        return
    stamp.unlink(missing_ok=True)
    log(f"building the PWA (npm run build → pwa/{dist_dir}, /api/* → {api_url}) …")
    subprocess.run([npm(), "run", "build"], cwd=PWA, env=pwa_env(api_url, dist_dir), check=True)
    stamp.write_text(fingerprint + "\n")


def start_pwa(
    api_url: str, port: int, dist_dir: str = ".next", log_path: Path | None = None
) -> subprocess.Popen[bytes]:
    """`next start` of the build in pwa/<dist_dir>, started directly (not through npm) so the
    process we stop is the server."""
    out = open(log_path, "ab") if log_path else None  # noqa: SIM115
    proc = subprocess.Popen(
        [
            shutil.which("node") or "node",
            str(PWA / "node_modules" / "next" / "dist" / "bin" / "next"),
            "start",
            "-H",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        cwd=PWA,
        env=pwa_env(api_url, dist_dir),
        stdout=out,
        stderr=subprocess.STDOUT if out else None,
        start_new_session=True,
    )
    try:
        _wait_http(f"http://127.0.0.1:{port}/login", proc, "the PWA (next start)")
    except BaseException:
        stop(proc)
        raise
    return proc


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
        env = service_env(DEV_PG_PORT, DEV_REDIS_PORT, **origin_env(PWA_PORT))
        subprocess.run(
            [python, "-m", "alembic", "upgrade", "head"], cwd=ROOT / "api", env=env, check=True
        )
        subprocess.run(
            [python, "-m", "docflow.cli", "bootstrap", "--demo"]
            + ["--api-url", f"http://{API_HOST}:{API_PORT}"],
            env=env,
            check=True,
        )
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
        log(f"API ready: http://{API_HOST}:{API_PORT}/api/docs")
        api_host = "127.0.0.1" if API_HOST in {"0.0.0.0", "::", ""} else API_HOST
        api_url = f"http://{api_host}:{API_PORT}"
        ensure_pwa_packages()
        ensure_pwa_build(api_url)
        log(f"PWA (next start) on 127.0.0.1:{PWA_PORT}, proxying /api/* to {api_url}")
        procs.append(start_pwa(api_url, PWA_PORT))
        print(
            f"Open http://127.0.0.1:{PWA_PORT} and sign in as {DEMO_EMAIL} / {DEMO_PASSWORD}",
            flush=True,
        )
        log("Ctrl-C stops everything")
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
        failed = [p.args for p in procs if p.poll() is not None]
        log(f"a process exited: {failed}")
        return 1
    except KeyboardInterrupt:
        return 0
    except (subprocess.CalledProcessError, RuntimeError) as error:
        log(f"could not start: {error}")
        return 1
    finally:
        shutdown()


# --- npm test --------------------------------------------------------------------------------
@dataclass
class StepResult:
    name: str
    status: str  # "passed", "FAILED", "skipped" or "STOPPED" (interrupted)
    seconds: float


class Steps:
    """Runs the test steps one after another, each timed and reported on a [docflow] line; a
    failing step fails the run (the steps that do not depend on it still run)."""

    def __init__(self) -> None:
        self.results: list[StepResult] = []

    def run(self, name: str, action: Callable[[], bool]) -> bool:
        log(f"── {name}")
        started = time.monotonic()
        try:
            ok = action()
        except KeyboardInterrupt:
            self.results.append(StepResult(name, "STOPPED", time.monotonic() - started))
            raise
        except (subprocess.CalledProcessError, RuntimeError, OSError) as error:
            log(f"{name}: {error}")
            ok = False
        seconds = time.monotonic() - started
        self.results.append(StepResult(name, "passed" if ok else "FAILED", seconds))
        log(f"{'passed' if ok else 'FAILED'}: {name} ({_duration(seconds)})")
        return ok

    def skip(self, name: str, reason: str) -> None:
        log(f"skipped: {name} ({reason})")
        self.results.append(StepResult(name, "skipped", 0.0))

    @property
    def failed(self) -> list[str]:
        return [r.name for r in self.results if r.status != "passed"]

    def summary(self, total: float) -> None:
        log("summary:")
        width = max((len(r.name) for r in self.results), default=0)
        for r in self.results:
            log(f"  {r.status:<7} {r.name:<{width}}  {_duration(r.seconds) if r.seconds else ''}")
        log(f"  total {_duration(total)}")


def _duration(seconds: float) -> str:
    return f"{seconds:.1f} s" if seconds < 60 else f"{int(seconds // 60)} min {seconds % 60:.0f} s"


def run_command(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> bool:
    """Run a test command in its own process group. An interruption (Ctrl-C, SIGTERM) reaches it
    as SIGINT first, so test runners tear down their own servers and browsers."""
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, start_new_session=True)
    try:
        return proc.wait() == 0
    except BaseException:
        for sig, grace in ((signal.SIGINT, 20.0), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
            try:
                proc.wait(grace)
                break
            except subprocess.TimeoutExpired:
                continue
        raise


LINTERS = (
    ("ruff check", ["-m", "ruff", "check", "."]),
    ("ruff format --check", ["-m", "ruff", "format", "--check", "."]),
    ("mypy --strict", ["-m", "mypy", "api/docflow", "worker/docflow_worker", "tests_support"]),
)

PHASES = ("python", "pwa", "e2e")


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@dataclass
class E2EStack:
    base_url: str
    api_url: str
    logs: Path


def _api_port_for_e2e() -> int:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", E2E_API_PORT))
            return E2E_API_PORT
        except OSError:
            return free_port()


@contextlib.contextmanager
def e2e_stack(python: str, api_port: int) -> Iterator[E2EStack]:
    """A private stack for the browser tests: PostgreSQL and Redis on free ports (data in a temp
    folder), migrated, the demo admin, a Celery worker, the API on `api_port` and `next start` of
    the build in pwa/.next-e2e. Logs go to .data/e2e/. Everything is stopped on the way out."""
    logs = DATA / "e2e"
    logs.mkdir(parents=True, exist_ok=True)
    for old in logs.glob("*.log"):
        old.unlink()
    tmp = Path(tempfile.mkdtemp(prefix="docflow-e2e-"))
    os.chmod(tmp, 0o755)  # PostgreSQL runs as `postgres` when we are root
    procs: list[subprocess.Popen[bytes]] = []
    pg_port, redis_port, pwa_port = free_port(), free_port(), free_port()
    api_url = f"http://127.0.0.1:{api_port}"
    try:
        log(f"e2e: PostgreSQL on 127.0.0.1:{pg_port}, Redis on 127.0.0.1:{redis_port}")
        procs.append(start_postgres(tmp / "pg", pg_port, fast=True))
        procs.append(start_redis(tmp / "redis", redis_port))
        env = service_env(
            pg_port,
            redis_port,
            DOCFLOW_ENVIRONMENT="test",
            DOCFLOW_STORAGE_DIR=str(tmp / "storage"),
            **origin_env(pwa_port, inherit=False),
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
        log("e2e: migrated; demo admin created")
        worker_log = logs / "worker.log"
        with open(worker_log, "ab") as out:
            procs.append(
                subprocess.Popen(
                    worker_command(python),
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        deadline = time.monotonic() + 60
        while " ready." not in worker_log.read_text(errors="replace"):
            if procs[-1].poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the Celery worker did not start:\n{_tail(worker_log)}")
            time.sleep(0.1)
        log("e2e: Celery worker ready")
        with open(logs / "api.log", "ab") as out:
            procs.append(
                subprocess.Popen(
                    api_command(python, "127.0.0.1", api_port),
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        _wait_http(f"{api_url}/api/health", procs[-1], "the API")
        log(f"e2e: API on {api_url}")
        procs.append(start_pwa(api_url, pwa_port, E2E_DIST_DIR, logs / "pwa.log"))
        base_url = f"http://127.0.0.1:{pwa_port}"
        log(f"e2e: PWA (next start, pwa/{E2E_DIST_DIR}) on {base_url}")
        yield E2EStack(base_url=base_url, api_url=api_url, logs=logs)
    finally:
        log("e2e: stopping the private stack …")
        for proc in reversed(procs):
            stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


def cmd_test(extra: list[str]) -> int:
    phases = [p.strip() for p in os.environ.get("DOCFLOW_TEST_PHASES", ",".join(PHASES)).split(",")]
    unknown = sorted(set(phases) - set(PHASES) - {""})
    if unknown:
        sys.exit(f"[docflow] unknown DOCFLOW_TEST_PHASES {unknown}: choose from {list(PHASES)}")
    signal.signal(signal.SIGTERM, _interrupt)
    started = time.monotonic()
    steps = Steps()
    interrupted = False
    try:
        python = setup(for_tests="e2e" in phases)
        if "python" in phases:
            _python_phase(steps, python, extra)
        packages_ok = True
        if "pwa" in phases or "e2e" in phases:
            packages_ok = steps.run("PWA packages (npm ci when package-lock.json changed)", _npm_ci)
        if "pwa" in phases:
            _pwa_phase(steps, packages_ok)
        if "e2e" in phases:
            _e2e_phase(steps, python, packages_ok)
    except KeyboardInterrupt:
        interrupted = True
        log("interrupted")
    steps.summary(time.monotonic() - started)
    if interrupted:
        return 130
    if steps.failed:
        log(f"npm test FAILED: {', '.join(steps.failed)}")
        return 1
    log("npm test passed")
    return 0


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def _npm_ci() -> bool:
    ensure_pwa_packages()
    return True


def _python_phase(steps: Steps, python: str, extra: list[str]) -> None:
    for name, args in LINTERS:
        steps.run(f"lint: {name}", functools.partial(run_command, [python, *args], ROOT))
    steps.run(
        "pytest (private PostgreSQL, Redis and Celery worker)",
        lambda: run_command([python, "-m", "pytest", *extra], ROOT),
    )


def _pwa_phase(steps: Steps, packages_ok: bool) -> None:
    bin_dir = PWA / "node_modules" / ".bin"
    checks: list[tuple[str, list[str]]] = [
        ("PWA lint (eslint)", [npm(), "run", "lint"]),
        ("PWA type check (tsc --noEmit)", [npm(), "run", "typecheck"]),
        (
            "PWA generated API types match the API (gen-api --check)",
            ["node", "scripts/gen-api.mjs", "--check"],
        ),
        ("PWA unit tests (vitest)", [str(bin_dir / "vitest"), "run"]),
    ]
    for name, cmd in checks:
        if not packages_ok:
            steps.skip(name, "npm ci failed")
            continue
        env = {**os.environ, "NEXT_TELEMETRY_DISABLED": "1"}
        env.pop("DOCFLOW_API_URL", None)  # gen-api: the OpenAPI document of this checkout's code
        steps.run(name, functools.partial(run_command, cmd, PWA, env))


def _e2e_phase(steps: Steps, python: str, packages_ok: bool) -> None:
    build = f"PWA production build for the browser tests (pwa/{E2E_DIST_DIR})"
    stack_name = "e2e stack (PostgreSQL, Redis, worker, API, next start)"
    playwright = "browser tests (Playwright on chromium)"
    if not packages_ok:
        for name in (build, stack_name, playwright):
            steps.skip(name, "npm ci failed")
        return
    api_port = _api_port_for_e2e()
    api_url = f"http://127.0.0.1:{api_port}"

    def do_build() -> bool:
        ensure_pwa_build(api_url, E2E_DIST_DIR)
        return True

    if not steps.run(build, do_build):
        steps.skip(stack_name, "the build failed")
        steps.skip(playwright, "the build failed")
        return
    with contextlib.ExitStack() as running:
        e2e: E2EStack | None = None

        def start() -> bool:
            nonlocal e2e
            e2e = running.enter_context(e2e_stack(python, api_port))
            return True

        if not steps.run(stack_name, start) or e2e is None:
            for name in ("setup.log", "worker.log", "api.log", "pwa.log"):
                log(f"{name} (last lines):\n{_tail(DATA / 'e2e' / name)}")
            steps.skip(playwright, "the stack did not start")
            return
        env = {
            **os.environ,
            "DOCFLOW_E2E_BASE_URL": e2e.base_url,
            "DOCFLOW_E2E_API_URL": e2e.api_url,
            "DOCFLOW_E2E_SAMPLES": str(ROOT / "samples"),
            "DOCFLOW_CHROMIUM": CHROMIUM,
        }
        cmd = [str(PWA / "node_modules" / ".bin" / "playwright"), "test"]
        if not steps.run(playwright, lambda: run_command(cmd, PWA, env)):
            log(f"service logs in {e2e.logs}/ (api, worker, pwa); traces in pwa/test-results/")


# --- npm run <script> ---------------------------------------------------------------------------
def project_python() -> str:
    """The project environment's Python: synced by uv when uv can be found; otherwise the
    environment `npm start` made, as it is (nothing is installed in a shell without uv)."""
    venv_python = ROOT / ".venv" / "bin" / "python"
    if find_uv() is None and venv_python.exists():
        return str(venv_python)
    return ensure_python_env()


def cmd_run(args: list[str]) -> int:
    """`python3 scripts/devstack.py run <python arguments>`: the project's Python with these
    arguments, from the repository root — the `npm run` scripts of the README's commands use it,
    so they work in a fresh shell whether or not `uv` is on the PATH."""
    if not args:
        print("usage: python3 scripts/devstack.py run <module or script> [arguments]")
        return 2
    python = project_python()
    os.chdir(ROOT)
    os.execv(python, [python, *args])
    return 0  # not reached


def cmd_lint() -> int:
    """`npm run lint`: the linters `npm test` runs (LINTERS), in the project's environment."""
    python = project_python()
    failed = [
        name for name, args in LINTERS if subprocess.run([python, *args], cwd=ROOT).returncode != 0
    ]
    if failed:
        log(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


def cmd_cli(args: list[str]) -> int:
    """An operational command (`docflow.cli`) against the `npm start` stack's PostgreSQL and
    storage; DOCFLOW_* variables already set win (another database, object storage). Relative
    paths are taken from where `npm run` was called (INIT_CWD), not from the repository."""
    python = project_python()
    env = service_env(DEV_PG_PORT, DEV_REDIS_PORT)
    env.update({k: v for k, v in os.environ.items() if k.startswith("DOCFLOW_")})
    cwd = os.environ.get("INIT_CWD") or os.getcwd()
    return subprocess.run([python, "-m", "docflow.cli", *args], env=env, cwd=cwd).returncode


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "start"
    if command == "cli":
        return cmd_cli(argv[2:])
    if command == "start":
        return cmd_start()
    if command == "test":
        return cmd_test(argv[2:])
    if command == "setup":
        setup()
        return 0
    if command == "run":
        return cmd_run(argv[2:])
    if command == "lint":
        return cmd_lint()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
