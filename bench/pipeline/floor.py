"""The fixed stack's floor: what FastAPI + Celery + PostgreSQL + Redis cost per document when the
pipeline does nothing else (floor_app.py), next to the in-process parse+extract cost.

Run with `uv run python bench/pipeline/floor.py [--docs 400] [--clients 4]`. It starts a private
PostgreSQL and Redis, the floor app under uvicorn (same flags as the API) and a Celery prefork
worker with concurrency 2, uploads `--docs` one-page invoice PDFs exactly as run.py does, and
prints the CPU each part used per document. With parse+extract costing P ms of CPU per document
and the floor F ms, no pipeline on this stack can exceed P / (P + F) of the in-process rate on a
machine whose cores are all busy.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts"), str(HERE)]

import httpx  # noqa: E402
import psutil  # noqa: E402
import redis  # noqa: E402
from run import in_process_rate, invoice_pdf, load, multipart, tree_cpu  # noqa: E402

import devstack  # noqa: E402
from tests_support.servers import start_stack, stop_stack  # noqa: E402

MAX_SECONDS = 300


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    docs = max(10, min(args.docs, 2000))

    tmp = Path(tempfile.mkdtemp(prefix="docflow-bench-floor-"))
    rng = random.Random(20261128)
    paths = []
    for i in range(docs + 10):
        path = tmp / f"invoice-{i:04d}.pdf"
        path.write_bytes(invoice_pdf(i, rng))
        paths.append(path)
    rate, _, in_cpu = in_process_rate(paths[:200], 2)
    print(f"in-process parse+extract: {rate:.1f} documents/s, {in_cpu * 1000:.1f} ms CPU each")

    stack = start_stack(tmp / "stack")
    folder = tmp / "files"
    folder.mkdir()
    dsn = f"postgresql://docflow@127.0.0.1:{stack.pg_port}/docflow"
    env = {
        **os.environ,
        "FLOOR_DSN": dsn,
        "FLOOR_REDIS_URL": stack.redis_url,
        "FLOOR_FOLDER": str(folder),
        "PYTHONPATH": str(HERE),
        "PYTHONUNBUFFERED": "1",
    }
    procs: list[subprocess.Popen[bytes]] = []
    try:
        import psycopg

        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(
                "CREATE TABLE floor_docs (id uuid PRIMARY KEY, name text NOT NULL, "
                "size bigint NOT NULL, status text NOT NULL, "
                "created_at timestamptz NOT NULL DEFAULT now())"
            )
        log = open(tmp / "floor.log", "ab")  # noqa: SIM115
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "floor_app.celery_app", "worker",
             "--concurrency=2", "--pool=prefork", "--without-gossip", "--without-mingle",
             "--without-heartbeat", "--loglevel=WARNING"],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        procs.append(worker)
        port = devstack.free_port()
        api = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "floor_app:app", "--host", "127.0.0.1",
             "--port", str(port), "--no-access-log", "--ws", "websockets-sansio"],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        procs.append(api)
        base = f"http://127.0.0.1:{port}"
        done: dict[str, float] = {}
        cond = threading.Condition()
        client = redis.Redis.from_url(stack.redis_url)
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe("floor")
        stop = threading.Event()

        def listen() -> None:
            while not stop.is_set():
                message = pubsub.get_message(timeout=0.2)
                if message and message["type"] == "message":
                    with cond:
                        done[message["data"].decode()] = time.time()
                        cond.notify_all()

        listener = threading.Thread(target=listen, daemon=True)
        listener.start()

        def wait(ids: set[str]) -> None:
            deadline = time.monotonic() + MAX_SECONDS
            with cond:
                while not ids <= done.keys():
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"{len(ids - done.keys())} uploads never completed")
                    cond.wait(1)

        def send(http: httpx.Client, blob: tuple[bytes, str]) -> str:
            body, content_type = blob
            body = body.replace(b'name="files"', b'name="file"', 1)
            response = http.post(
                f"{base}/upload", content=body, headers={"Content-Type": content_type}
            )
            response.raise_for_status()
            return str(response.json()["id"])

        with httpx.Client(timeout=30) as http:
            for _ in range(300):
                try:
                    http.get(f"{base}/docs")
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            time.sleep(3)  # the worker's pool
            wait({send(http, multipart(p.name, p.read_bytes())) for p in paths[docs:]})

        blobs = [multipart(p.name, p.read_bytes()) for p in paths[:docs]]
        parts = {"api": api.pid, "worker": worker.pid, "postgres": stack.pg.pid if stack.pg else 0,
                 "redis": stack.redis.pid if stack.redis else 0}  # fmt: skip
        before = {name: tree_cpu(pid) for name, pid in parts.items()}
        harness_before = sum(psutil.Process().cpu_times()[:2])
        first = time.time()
        clients = [httpx.Client(timeout=30) for _ in range(args.clients)]
        local = threading.local()

        def send_local(blob: tuple[bytes, str]) -> str:
            if not hasattr(local, "http"):
                local.http = clients.pop()
            return send(local.http, blob)

        with ThreadPoolExecutor(args.clients) as pool:
            ids = set(pool.map(send_local, blobs))
        wait(ids)
        elapsed = max(done[i] for i in ids) - first
        harness = sum(psutil.Process().cpu_times()[:2]) - harness_before
        used = {name: (tree_cpu(pid) - before[name]) / docs * 1000 for name, pid in parts.items()}
        floor = sum(used.values())
        print(
            f"floor pipeline: {docs / elapsed:.1f} documents/s; CPU per document "
            + ", ".join(f"{k} {v:.1f} ms" for k, v in used.items())
            + f" = {floor:.1f} ms (harness {harness / docs * 1000:.1f} ms)"
        )
        ceiling = in_cpu * 1000 / (in_cpu * 1000 + floor)
        print(
            f"ceiling for any pipeline on this stack: parse+extract {in_cpu * 1000:.1f} ms / "
            f"({in_cpu * 1000:.1f} + {floor:.1f}) = {ceiling * 100:.0f}% of the in-process rate "
            f"(with the harness's own CPU: "
            f"{in_cpu * 1000 / (in_cpu * 1000 + floor + harness / docs * 1000) * 100:.0f}%)  "
            f"[{load()}]"
        )
        stop.set()
        listener.join()
        for c in clients:
            c.close()
    finally:
        for proc in procs:
            devstack.stop(proc)
        stop_stack(stack)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
