"""Two machines: two API processes and two worker processes, each with its own port and its own
local folder, sharing one PostgreSQL, one Redis and one S3 bucket (moto's server process) — a
private set for this module. Uploads spread over both APIs complete once each; an upload through
API A is watched live on a WebSocket to API B; a session made on A works on B; killing an API
(mid-upload) or a worker (mid-job) loses nothing, and the invariant checker, run as an operator
would, finds nothing wrong."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from docflow.cli import DEMO_EMAIL, DEMO_PASSWORD
from tests_support.api import SEVEN_EVENTS, minimal_pdf, upload
from tests_support.faults import kill_worker, wait_until
from tests_support.live import read_until, subscribe, ws_client
from tests_support.s3 import MotoServer, s3_env
from tests_support.servers import (
    FAULTY_WORKER_APP,
    ROOT,
    ApiProcess,
    Stack,
    WorkerProcess,
    start_api,
    start_stack,
    start_worker,
    stop_stack,
    stop_worker,
)

BUCKET = "docflow-scale"
TERMINAL = {"completed", "failed", "cancelled"}


@dataclass
class Cluster:
    tmp: Path
    stack: Stack
    moto: MotoServer
    env: dict[str, str]  # what every machine shares: PostgreSQL, Redis, the bucket, settings
    token: str
    apis: dict[str, ApiProcess] = field(default_factory=dict)
    workers: dict[str, WorkerProcess] = field(default_factory=dict)
    # Worker "1" parses its next document for 60 s once this file is gone (the fault fires once).
    slow_marker: Path = Path()

    def machine_env(self, name: str) -> dict[str, str]:
        """A machine's own settings: its local folder (staging, temporary copies)."""
        folder = self.tmp / f"machine-{name}"
        folder.mkdir(exist_ok=True)
        return {**self.env, "DOCFLOW_STORAGE_DIR": str(folder)}

    def start_api(self, name: str, port: int | None = None) -> ApiProcess:
        api = start_api(self.machine_env(name), self.tmp / f"api-{name}.log", port=port)
        self.apis[name] = api
        return api

    def start_worker(self, name: str) -> WorkerProcess:
        fault = {
            "DOCFLOW_FAULT_SLOW_STAGE": "parsing:60",
            "DOCFLOW_FAULT_ONCE": str(self.slow_marker),
        }
        worker = start_worker(
            self.machine_env(f"worker-{name}"),
            self.tmp / f"worker-{name}.log",
            concurrency=1,
            extra_env=fault if name == "1" else None,
            app=FAULTY_WORKER_APP,  # the product's worker; its faults only where switched on
        )
        self.workers[name] = worker
        return worker

    def http(self, name: str) -> httpx.Client:
        return httpx.Client(
            base_url=self.apis[name].base,
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=60,
        )

    def invariants(self) -> subprocess.CompletedProcess[str]:
        """The invariant checker, as an operator runs it on a machine of the cluster."""
        return subprocess.run(
            [sys.executable, "-m", "tests_support.invariants"],
            env={**os.environ, **self.machine_env("A")},
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    tmp = tmp_path_factory.mktemp("scale")
    os.chmod(tmp, 0o755)
    stack = start_stack(tmp)
    moto = MotoServer(tmp / "moto.log")
    cluster: Cluster | None = None
    try:
        moto.start()
        moto.create_bucket(BUCKET)
        env = {
            **stack.env,
            **s3_env(moto.url, BUCKET, prefix="scale"),
            "DOCFLOW_JOB_LEASE_SECONDS": "6",  # a dead worker's job runs again within ~8 s
            "DOCFLOW_TASK_QUEUE": "docflow-scale",
            # A key whose request died with its API is free again after this (default 300 s).
            "DOCFLOW_IDEMPOTENCY_LEASE_SECONDS": "8",
        }
        # Migrated, and the demo admin with a token (one process: each start costs seconds).
        prepare = (
            "from pathlib import Path; from tests_support.servers import migrate_database; "
            "migrate_database(); from docflow.cli import bootstrap; "
            f"bootstrap(True, token_file=Path({str(tmp / 'token')!r}))"
        )
        with open(tmp / "setup.log", "ab") as out:
            subprocess.run(
                [sys.executable, "-c", prepare],
                cwd=ROOT,
                env={**os.environ, **env, "PYTHONPATH": str(ROOT / "scripts")},
                check=True,
                stdout=out,
                stderr=out,
            )
        cluster = Cluster(tmp, stack, moto, env, (tmp / "token").read_text().strip())
        cluster.slow_marker = tmp / "slow-parse-fired"
        cluster.slow_marker.touch()  # off until a test removes it
        with ThreadPoolExecutor(4) as starting:  # four machines booting at once
            started = [starting.submit(cluster.start_api, name) for name in ("A", "B")]
            started += [starting.submit(cluster.start_worker, name) for name in ("1", "2")]
            for future in started:
                future.result()
        yield cluster
    finally:
        if cluster is not None:
            for api in cluster.apis.values():
                api.stop()
            for worker in cluster.workers.values():
                stop_worker(worker)
        moto.stop()
        stop_stack(stack)


def accepted(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 202, response.text
    item: dict[str, Any] = response.json()["items"][0]
    assert item["status"] == "accepted"
    return item


def wait_all_done(client: httpx.Client, job_ids: list[str], timeout: float) -> list[dict[str, Any]]:
    jobs: dict[str, dict[str, Any]] = {}

    def done() -> bool:
        for job_id in job_ids:
            if job_id not in jobs:
                job = client.get(f"/api/jobs/{job_id}").json()
                if job["status"] in TERMINAL:
                    jobs[job_id] = job
        return len(jobs) == len(job_ids)

    wait_until(f"{len(job_ids)} jobs to end", done, timeout, every=0.2)
    return [jobs[j] for j in job_ids]


def completed_once(client: httpx.Client, job_ids: list[str], timeout: float = 120) -> None:
    """Each job completed, and exactly once (one job_completed in its record, no failure)."""
    for job in wait_all_done(client, job_ids, timeout):
        assert job["status"] == "completed", job
        types = [e["type"] for e in client.get(f"/api/jobs/{job['id']}/events").json()["items"]]
        assert types.count("job_completed") == 1, types
        assert "job_failed" not in types, types


def test_uploads_spread_over_both_apis_complete_once_each(cluster: Cluster) -> None:
    with cluster.http("A") as a, cluster.http("B") as b:
        items = [
            accepted(
                upload(
                    (a, b)[n % 2],
                    (f"spread-{n}.pdf", minimal_pdf(f"Invoice SPREAD-{n} Total {n}.00 EUR")),
                    headers={"Idempotency-Key": f"spread-{uuid.uuid4()}"},
                )
            )
            for n in range(8)
        ]
        job_ids = [i["job"]["id"] for i in items]
        completed_once(a, job_ids)
        for item in items:  # each machine sees every document, and its file, the same
            for client in (a, b):
                document = client.get(f"/api/documents/{item['document']['id']}").json()
                assert document["current_status"] == "completed"
                assert (
                    client.get(f"/api/documents/{item['document']['id']}/file").status_code == 200
                )
            events = b.get(f"/api/jobs/{item['job']['id']}/events").json()["items"]
            assert [e["type"] for e in events] == SEVEN_EVENTS


def test_an_upload_through_api_a_is_watched_live_on_api_b(cluster: Cluster) -> None:
    async def watch() -> None:
        async with ws_client(cluster.apis["B"].base, cluster.token) as ws:
            await subscribe(ws, "all", after=None)  # live only: nothing replayed from the table
            with cluster.http("A") as a:
                item = await asyncio.to_thread(
                    lambda: accepted(
                        upload(a, ("live.pdf", minimal_pdf("Invoice LIVE-1 Total 3.00")))
                    )
                )
            job_id = item["job"]["id"]

            def finished(r: Any) -> bool:
                return any(
                    e["job_id"] == job_id and e["type"] in ("job_completed", "job_failed")
                    for e in r.events
                )

            received = await read_until(ws, finished, timeout=90)
        live = [e for e in received.events if e["job_id"] == job_id]
        with cluster.http("A") as a:
            recorded = a.get(f"/api/jobs/{job_id}/events").json()["items"]
        assert [e["type"] for e in live] == SEVEN_EVENTS
        assert live == recorded  # every event, in order, as the record has it
        seqs = [e["seq"] for e in live]
        assert seqs == sorted(seqs)

    asyncio.run(watch())


def test_a_session_made_on_api_a_works_on_api_b(cluster: Cluster) -> None:
    a_base, b_base = cluster.apis["A"].base, cluster.apis["B"].base
    with httpx.Client(base_url=a_base, timeout=30) as a:
        login = a.post("/api/auth/login", json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD})
        assert login.status_code == 200, login.text
        csrf = login.json()["csrf_token"]
        cookies = a.cookies
        with httpx.Client(base_url=b_base, cookies=cookies, timeout=30) as b:
            me = b.get("/api/auth/me").json()
            assert me["user"]["email"] == DEMO_EMAIL
            assert me["via"] == "session"
            # Unsafe requests on B with A's session and its CSRF token: a token, an upload.
            assert b.post("/api/tokens", json={"name": "from B"}).status_code == 403  # no CSRF
            made = b.post("/api/tokens", json={"name": "from B"}, headers={"X-CSRF-Token": csrf})
            assert made.status_code == 201, made.text
            item = accepted(
                upload(
                    b,
                    ("session.pdf", minimal_pdf("Invoice SESSION-1 Total 1.00")),
                    headers={"X-CSRF-Token": csrf},
                )
            )
            completed_once(b, [item["job"]["id"]])
            # Signed out on B: the session is gone on A too.
            assert b.post("/api/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
        assert a.get("/api/auth/me").status_code == 401


def _multipart_halting(
    boundary: str, name: str, data: bytes, halfway: threading.Event, resume: threading.Event
) -> Iterator[bytes]:
    """A multipart body that sends its first half, then waits for `resume` (the API is killed
    meanwhile)."""
    yield (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    yield data[: len(data) // 2]
    halfway.set()
    resume.wait(30)
    yield data[len(data) // 2 :] + f"\r\n--{boundary}--\r\n".encode()


def test_killing_an_api_mid_upload_or_a_worker_mid_job_loses_nothing(cluster: Cluster) -> None:
    job_ids: list[str] = []
    try:
        with cluster.http("A") as a, cluster.http("B") as b:
            # Worker 1 will hang in the next document it parses: that is the job it dies with.
            cluster.slow_marker.unlink()
            needle = "fault: parsing slowly"
            for n in range(20):  # both workers take jobs; stop once worker 1 holds one
                client = (a, b)[n % 2]
                item = accepted(
                    upload(
                        client,
                        (f"kill-{n}.pdf", minimal_pdf(f"Invoice KILL-{n} Total {n}.00 EUR")),
                    )
                )
                job_ids.append(item["job"]["id"])
                if needle in cluster.workers["1"].log():
                    break
                time.sleep(0.3)
            wait_until("worker 1 to hold a job", lambda: needle in cluster.workers["1"].log(), 30)
            kill_worker(cluster.workers["1"])  # the whole worker, mid-parse: no goodbye

            # API B dies with an upload half received; the client (an outbox, a load balancer)
            # sends it again, with its Idempotency-Key, to API A.
            key = {"Idempotency-Key": f"killed-api-{uuid.uuid4()}"}
            body = minimal_pdf("Invoice KILLED-API Total 7.00 EUR", pad=2 * 1024 * 1024)
            boundary = uuid.uuid4().hex
            halfway, resume = threading.Event(), threading.Event()
            outcome: list[BaseException | httpx.Response] = []

            def send() -> None:
                try:
                    outcome.append(
                        b.post(
                            "/api/documents/upload",
                            content=_multipart_halting(
                                boundary, "killed.pdf", body, halfway, resume
                            ),
                            headers={
                                **key,
                                "Content-Type": f"multipart/form-data; boundary={boundary}",
                            },
                        )
                    )
                except httpx.HTTPError as exc:
                    outcome.append(exc)

            sender = threading.Thread(target=send)
            sender.start()
            assert halfway.wait(30)
            time.sleep(0.5)  # B is receiving the first half
            cluster.apis["B"].kill()
            resume.set()
            sender.join(60)
            assert len(outcome) == 1
            assert isinstance(outcome[0], httpx.HTTPError), outcome  # cut off: no answer
            # A cannot know that B died: the key is taken until its lease runs out, then the
            # upload goes in.
            busy = upload(a, ("killed.pdf", body), headers=key)
            assert busy.status_code == 409, busy.text
            assert busy.json()["error"]["code"] == "conflict"
            resent = wait_until(
                "the key's lease to run out",
                lambda: (
                    (r := upload(a, ("killed.pdf", body), headers=key)).status_code != 409 and r
                ),
                timeout=60,
                every=1,
            )
            again = accepted(resent)
            job_ids.append(again["job"]["id"])
            replay = accepted(upload(a, ("killed.pdf", body), headers=key))
            assert replay["document"]["id"] == again["document"]["id"]  # once, not twice

            # The remaining machines carry on.
            for n in range(3):
                item = accepted(upload(a, (f"after-{n}.pdf", minimal_pdf(f"Invoice AFTER-{n}"))))
                job_ids.append(item["job"]["id"])

            completed_once(a, job_ids, timeout=180)
            # The job worker 1 died with ran again on worker 2 (after its lease ran out).
            lost = [
                job_id
                for job_id in job_ids
                if any(
                    e["type"] == "job_queued"
                    and (e.get("data") or {}).get("reason") == "worker_lost"
                    for e in a.get(f"/api/jobs/{job_id}/events").json()["items"]
                )
            ]
            assert len(lost) == 1, lost
            listed = a.get("/api/documents", params={"q": "kill", "limit": 200}).json()["items"]
            names = sorted(d["original_filename"] for d in listed)
            assert names.count("killed.pdf") == 1
            assert len([n for n in names if n.startswith("kill-")]) == len(job_ids) - 4
    finally:
        # The cluster whole again for whatever runs next (B on its old port, like a restart).
        if cluster.apis["B"].proc.poll() is not None:
            cluster.start_api("B", port=cluster.apis["B"].port)
        if cluster.workers["1"].proc.poll() is not None:
            cluster.slow_marker.touch()
            cluster.start_worker("1")

    check = cluster.invariants()
    assert check.returncode == 0, check.stdout + check.stderr
    assert "all invariants hold" in check.stdout
