"""What the pipeline costs beyond parse+extract, per document, measured in one process.

Run with `uv run python bench/pipeline/overhead.py [--docs 100] [--simple] [--show-sql]`; with
`OVERHEAD_PROFILE=<folder>` it also writes CPU-time cProfiles of the uploads and of the attempts.
It starts a private PostgreSQL and Redis, uploads `--docs` one-page invoices through the real
FastAPI app (in-process test client; the broker receives the tasks, nobody consumes them), then
runs each job's attempt with the worker's own `run_job` in this process and prints, per document:

- upload request: SQL statements, transactions, Redis commands, CPU ms of this process;
- worker attempt: the same, with the CPU of parse (its sandboxed host) and of extraction measured
  separately and subtracted, so what remains is the pipeline's own overhead (DB, events, Redis).

CPU time (not wall time) is reported, so the figures hold on a busy machine.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts"), str(Path(__file__).parent)]

from run import invoice_pdf, load, make_token, tree_cpu  # noqa: E402

from tests_support.servers import start_stack, stop_stack, use_stack  # noqa: E402


class Counts:
    """SQL statements and commits seen by the engine, Redis commands seen by the server."""

    def __init__(self, redis_url: str) -> None:
        import redis
        from sqlalchemy import event

        from docflow.db import get_engine

        self.sql: Counter[str] = Counter()
        self.commits = 0
        self.redis = redis.Redis.from_url(redis_url)
        engine = get_engine()

        @event.listens_for(engine, "before_cursor_execute")
        def _statement(*args: Any) -> None:
            statement: str = args[2]
            self.sql[" ".join(statement.split()[:3])[:60]] += 1

        @event.listens_for(engine, "commit")
        def _commit(*_: Any) -> None:
            self.commits += 1

    def redis_calls(self) -> int:
        stats = self.redis.info("commandstats")
        return sum(int(v["calls"]) for k, v in stats.items() if k not in {"cmdstat_info"})

    def snapshot(self) -> tuple[int, int, int]:
        return sum(self.sql.values()), self.commits, self.redis_calls()


@contextmanager
def profiled(name: str) -> Iterator[None]:
    """With OVERHEAD_PROFILE=<folder>: a CPU-time cProfile of the block in <folder>/<name>.prof."""
    folder = os.environ.get("OVERHEAD_PROFILE")
    if not folder:
        yield
        return
    import cProfile

    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
        profiler.dump_stats(os.path.join(folder, f"{name}.prof"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--simple", action="store_true", help="plain reportlab invoices")
    parser.add_argument("--show-sql", action="store_true", help="statement kinds per job")
    args = parser.parse_args()
    docs = max(1, min(args.docs, 1000))

    tmp = Path(tempfile.mkdtemp(prefix="docflow-bench-overhead-"))
    print(f"[overhead] {load()} at start")
    rng = random.Random(20261128)
    blobs = [(f"invoice-{i:04d}.pdf", invoice_pdf(i, rng, args.simple)) for i in range(docs + 5)]
    stack = start_stack(tmp / "stack")
    try:
        use_stack(stack)
        from fastapi.testclient import TestClient

        token = make_token()

        from docflow.main import create_app
        from docflow_worker.extraction import extract_fields
        from docflow_worker.parsing import parse_document
        from docflow_worker.pipeline.runner import run_job

        counts = Counts(stack.redis_url)
        me = os.getpid()
        servers = [p.pid for p in (stack.pg, stack.redis) if p is not None]

        def cpu() -> float:
            t = os.times()
            return t.user + t.system

        def host_cpu() -> float:
            """The parser host and its per-file children (the stack's servers are children too)."""
            return tree_cpu(me) - cpu() - sum(tree_cpu(pid) for pid in servers)

        def server_cpu() -> float:
            return sum(tree_cpu(pid) for pid in servers)

        with TestClient(create_app()) as client:
            headers = {"Authorization": f"Bearer {token}"}

            def upload(name: str, data: bytes) -> str:
                response = client.post(
                    "/api/documents/upload",
                    files=[("files", (name, data, "application/pdf"))],
                    headers=headers,
                )
                assert response.status_code == 202, response.text
                return str(response.json()["items"][0]["job"]["id"])

            warm = [upload(*b) for b in blobs[docs:]]
            for job_id in warm:
                run_job(uuid.UUID(job_id), 1)

            counts.sql.clear()
            before, cpu0, t0 = counts.snapshot(), cpu(), time.perf_counter()
            server0 = server_cpu()
            with profiled("upload"):
                jobs = [upload(*b) for b in blobs[:docs]]
            up_wall = time.perf_counter() - t0
            up_cpu = cpu() - cpu0
            up_server = server_cpu() - server0
            after = counts.snapshot()
            up = [(a - b) / docs for a, b in zip(after, before, strict=True)]
            upload_sql = Counter(counts.sql)

        # Parse and extraction alone, the same files, this process (extraction) + host (parse).
        from docflow.db import unit_of_work
        from docflow.models import Document, Job
        from docflow.storage import get_storage

        with unit_of_work() as session:
            stored = {
                str(job.id): (doc.stored_file_path, doc.mime_type)
                for job, doc in session.query(Job, Document).join(
                    Document, Document.id == Job.document_id
                )
            }
        host0, cpu0 = host_cpu(), cpu()
        for job_id in jobs:
            key, mime_type = stored[job_id]
            with get_storage().local_copy(key) as path:
                extract_fields(parse_document(path, mime_type))
        alone_host = host_cpu() - host0
        alone_cpu = cpu() - cpu0

        counts.sql.clear()
        before, cpu0, t0 = counts.snapshot(), cpu(), time.perf_counter()
        host0, server0 = host_cpu(), server_cpu()
        with profiled("worker"):
            for job_id in jobs:
                run_job(uuid.UUID(job_id), 1)
        run_wall = time.perf_counter() - t0
        run_cpu = cpu() - cpu0
        run_host = host_cpu() - host0
        run_server = server_cpu() - server0
        after = counts.snapshot()
        per_job = [(a - b) / docs for a, b in zip(after, before, strict=True)]

        from sqlalchemy import text

        from docflow.db import get_engine

        with get_engine().connect() as conn:
            done = conn.execute(
                text("SELECT count(*) FROM jobs WHERE status = 'completed'")
            ).scalar_one()
        print(f"[overhead] {docs} documents, {done - len(warm)} completed")
        ms = 1000 / docs
        print(
            f"upload request: {up[0]:.1f} statements, {up[1]:.1f} transactions, "
            f"{up[2]:.1f} Redis commands; CPU {up_cpu * ms:.1f} ms (test client and app, one "
            f"process) + PostgreSQL/Redis {up_server * ms:.1f} ms; {up_wall * ms:.1f} ms wall"
        )
        print(
            f"worker attempt: {per_job[0]:.1f} statements, {per_job[1]:.1f} transactions, "
            f"{per_job[2]:.1f} Redis commands; CPU {run_cpu * ms:.1f} ms in-process + parser "
            f"host {run_host * ms:.1f} ms + PostgreSQL/Redis {run_server * ms:.1f} ms; "
            f"{run_wall * ms:.1f} ms wall"
        )
        print(
            f"  parse+extract alone: CPU {alone_cpu * ms:.1f} ms in-process + parser host "
            f"{alone_host * ms:.1f} ms => the attempt's own overhead: "
            f"{(run_cpu - alone_cpu) * ms:.1f} ms in-process, "
            f"{(run_host - alone_host) * ms:+.1f} ms parser host"
        )
        if args.show_sql:
            for title, sql in (("upload", upload_sql), ("worker", counts.sql)):
                print(f"  {title} statements per document:")
                for statement, n in sql.most_common():
                    print(f"    {n / docs:5.2f}  {statement}")
    finally:
        stop_stack(stack)
        print(f"[overhead] {load()} at end")
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
