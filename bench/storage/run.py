"""Object storage benchmark: does a file go to the bucket and back in bounded memory?

Run with `uv run python bench/storage/run.py [--mb 25] [--files 3]`. It starts its own private
PostgreSQL, Redis, moto's S3 server (a process) and one uvicorn API process with
DOCFLOW_STORAGE_BACKEND=s3 (loopback only), then uploads `--files` PDFs of `--mb` MiB one after
another, downloads each through `GET /api/documents/{id}/file` (streamed by the client), and
samples the API process's resident memory every 20 ms. It prints the API's RSS before, its peak
during the uploads and during the downloads (and the growth over each phase's start: Python does
not give memory back, so the downloads start where the uploads left it), and the throughput.
Target: the growth does not follow the file's size (at most DOCFLOW_S3_MAX_CONCURRENCY x
DOCFLOW_S3_PART_SIZE_MB in flight) and every byte comes back equal.
No worker runs: jobs stay queued.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import httpx  # noqa: E402
import psutil  # noqa: E402

from tests_support.api import minimal_pdf  # noqa: E402
from tests_support.s3 import MotoServer, s3_env  # noqa: E402
from tests_support.servers import migrate_database, start_api, start_stack, stop_stack  # noqa: E402

MIB = 1024 * 1024


class Peak:
    """The highest RSS of a process while the block runs (sampled every 20 ms)."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.start = self.peak = 0
        self._stop = threading.Event()

    def __enter__(self) -> Peak:
        self.start = self.peak = self.process.memory_info().rss
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.process.memory_info().rss)


def token() -> str:
    from docflow.auth.service import AuthService
    from docflow.db import unit_of_work

    with unit_of_work() as session:
        auth = AuthService(session)
        user = auth.create_workspace_with_admin("Bench", "bench@example.test", None, "reviewer")
        return auth.issue_token(user.id, "bench").secret


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=25, help="MiB per file (1..25)")
    parser.add_argument("--files", type=int, default=3, help="files (1..10)")
    args = parser.parse_args()
    if not (1 <= args.mb <= 25 and 1 <= args.files <= 10):
        parser.error("bounded runs only: --mb 1..25, --files 1..10")

    tmp = Path(tempfile.mkdtemp(prefix="docflow-bench-storage-"))
    os.chmod(tmp, 0o755)
    print(f"starting a private PostgreSQL + Redis + moto + API under {tmp} …")
    stack = start_stack(tmp)
    moto = MotoServer(tmp / "moto.log")
    try:
        from docflow.config import get_settings

        moto.start()
        moto.create_bucket("bench")
        env = {**stack.env, **s3_env(moto.url, "bench")}
        for name in ("MULTIPART_THRESHOLD_MB", "PART_SIZE_MB", "MAX_ATTEMPTS"):
            env.pop(f"DOCFLOW_S3_{name}")  # the product's defaults, not the tests' small parts
        os.environ.update(env)
        get_settings.cache_clear()
        migrate_database()
        secret = token()
        api = start_api(env, tmp / "api.log")
        try:
            files = [
                minimal_pdf(f"Invoice BENCH-{n}", pad=args.mb * MIB - 1024)
                for n in range(args.files)
            ]
            size = sum(len(f) for f in files)
            headers = {"Authorization": f"Bearer {secret}"}
            with httpx.Client(base_url=api.base, headers=headers, timeout=300) as client:
                client.get("/api/documents")  # warm: imports, pools
                before = psutil.Process(api.proc.pid).memory_info().rss
                ids = []
                with Peak(api.proc.pid) as up:
                    started = time.perf_counter()
                    for n, body in enumerate(files):
                        answer = client.post(
                            "/api/documents/upload",
                            files={"files": (f"bench-{n}.pdf", body, "application/pdf")},
                        )
                        assert answer.status_code == 202, answer.text
                        ids.append(answer.json()["items"][0]["document"]["id"])
                    up_s = time.perf_counter() - started
                with Peak(api.proc.pid) as down:
                    started = time.perf_counter()
                    for document_id, body in zip(ids, files, strict=True):
                        digest = hashlib.sha256()
                        with client.stream("GET", f"/api/documents/{document_id}/file") as r:
                            assert r.status_code == 200
                            for chunk in r.iter_bytes():
                                digest.update(chunk)
                        assert digest.hexdigest() == hashlib.sha256(body).hexdigest()
                    down_s = time.perf_counter() - started
        finally:
            api.stop()
    finally:
        moto.stop()
        stop_stack(stack)

    print(f"{args.files} x {args.mb} MiB through the S3 backend (moto on loopback), 1 API process")
    print(f"  API RSS before:          {before / MIB:7.1f} MiB")
    for what, peak, seconds in (("uploads", up, up_s), ("downloads", down, down_s)):
        growth = (peak.peak - peak.start) / MIB
        print(
            f"  peak during {what:9} {peak.peak / MIB:7.1f} MiB (+{growth:.1f} over its start)"
            f"   {size / MIB / seconds:6.1f} MiB/s"
        )
    print("  every downloaded byte equal to the upload's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
