"""The soak: many uploads, live listeners that lose their connection and resume, trickling
uploads and a worker child killed on a timer, all at once against a real API process and a real
worker; then what was accepted, completed, lost, duplicated and missed, read from the database.

bench/soak/run.py runs it at full size (2,000 uploads) and writes bench/soak/RESULTS.md;
worker/tests/faults/test_soak.py runs a small one so this code cannot rot.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
import psutil
from sqlalchemy import text

from tests_support.api import TERMINAL, minimal_pdf
from tests_support.faults import pool_children
from tests_support.live import ws_client
from tests_support.measure import api_process, pct, seq_of
from tests_support.servers import WorkerProcess
from tests_support.slow_clients import Trickle


@dataclass(frozen=True)
class SoakPlan:
    uploads: int = 2000
    clients: int = 20
    listeners: int = 100
    trickles: int = 20
    kill_every: float = 30.0
    upload_seconds: float = 600.0  # uploads are spread over this long (upload n starts at n/rate)
    max_seconds: float = 20 * 60  # the whole run, drain included
    drain_seconds: float = 300.0  # after the last upload: every job ends, every listener catches up
    listener_session: tuple[float, float] = (10.0, 40.0)  # a listener is cut after this long
    rss_every: float = 5.0
    seed: int = 12


@dataclass
class Principals:
    """API tokens: uploaders and listeners share one workspace (the listeners see its events);
    the trickles come from users of another one."""

    uploaders: list[str]
    trickles: list[str]
    workspace_id: uuid.UUID


def make_principals(clients: int, trickle_users: int) -> Principals:
    from docflow.auth.service import AuthService
    from docflow.db import unit_of_work
    from docflow.models import User

    run = uuid.uuid4().hex[:6]
    with unit_of_work() as session:
        auth = AuthService(session)
        first = auth.create_workspace_with_admin(
            "Soak", f"soak-{run}-0@example.test", None, "reviewer"
        )
        uploaders = [auth.issue_token(first.id, "soak").secret]
        for i in range(1, clients):
            user = User(
                workspace_id=first.workspace_id,
                email=f"soak-{run}-{i}@example.test",
                role="reviewer",
            )
            session.add(user)
            session.flush()
            uploaders.append(auth.issue_token(user.id, "soak").secret)
        trickles = []
        for i in range(trickle_users):
            other = auth.create_workspace_with_admin(
                f"Trickle {i}", f"trickle-{run}-{i}@example.test", None, "reviewer"
            )
            trickles.append(auth.issue_token(other.id, "soak").secret)
        return Principals(uploaders, trickles, first.workspace_id)


@dataclass
class SoakReport:
    plan: SoakPlan
    seconds: float = 0.0
    accepted: int = 0
    answers: dict[int, int] = field(default_factory=dict)  # upload answers (0: none at all)
    completed: int = 0
    failed: int = 0
    failures: dict[str, int] = field(default_factory=dict)  # error message → jobs
    unfinished: int = 0  # accepted, but not completed/failed/cancelled at the end
    lost: int = 0  # accepted, but no document/job in the database
    duplicates: int = 0  # jobs completed more than once + documents with more than one job
    invariant_violations: list[str] = field(default_factory=list)
    upload_latency_ms: dict[str, float] = field(default_factory=dict)
    trickle_answers: dict[int, int] = field(default_factory=dict)
    listener_connections: int = 0
    listener_cuts: int = 0  # connections this client cut (abort: no close frame)
    # Connections that ended otherwise (a refused or timed-out handshake, a close by the server),
    # by exception and close code: each listener then resumed too.
    listener_server_closes: dict[str, int] = field(default_factory=dict)
    events_recorded: int = 0
    events_missed: int = 0  # (listener, event) pairs in the record a listener never got
    events_duplicated: int = 0  # (listener, event) pairs a listener got twice
    kills: int = 0
    interrupted: int = 0  # jobs the sweeper sent again because their worker died
    recoveries_s: list[float] = field(default_factory=list)
    rss_mb: list[tuple[float, float]] = field(default_factory=list)  # (seconds into run, MB)

    @property
    def slowest_recovery_s(self) -> float:
        return max(self.recoveries_s, default=float("nan"))

    def rss_trend(self) -> tuple[float, bool]:
        """MB per minute over the run after its first fifth (warm-up: imports, pools, caches),
        by least squares, and whether that is a growth trend: more than 5 % of the median, or
        5 MB, over the whole steady part."""
        samples = self.rss_mb[len(self.rss_mb) // 5 :]
        if len(samples) < 3:
            return 0.0, False
        xs = [t / 60 for t, _ in samples]
        ys = [m for _, m in samples]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        den = sum((x - mx) ** 2 for x in xs) or 1.0
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den
        growth = slope * (xs[-1] - xs[0])
        median = sorted(ys)[len(ys) // 2]
        return slope, growth > max(5.0, 0.05 * median)

    @property
    def ok(self) -> bool:
        return (
            self.lost == 0
            and self.unfinished == 0
            and self.duplicates == 0
            and self.events_missed == 0
            and self.events_duplicated == 0
            and not self.invariant_violations
            and not any(status >= 500 or status == 0 for status in self.answers)
            and not any(status >= 500 for status in self.trickle_answers)
            and self.accepted == self.plan.uploads
        )

    def lines(self) -> list[str]:
        slope, growing = self.rss_trend()
        rss = [m for _, m in self.rss_mb]
        lat = self.upload_latency_ms
        return [
            f"duration: {self.seconds:.0f} s",
            f"uploads accepted (202): {self.accepted} of {self.plan.uploads}; "
            f"all answers {dict(sorted(self.answers.items()))}",
            f"jobs completed: {self.completed}, failed: {self.failed}{self.failures or ''}, "
            f"unfinished: {self.unfinished}",
            f"lost: {self.lost}; duplicates: {self.duplicates}; "
            f"invariant violations: {len(self.invariant_violations)}",
            f"upload latency (202s): p50 {lat.get('p50', 0):.0f} ms, "
            f"p95 {lat.get('p95', 0):.0f} ms, p99 {lat.get('p99', 0):.0f} ms, "
            f"max {lat.get('max', 0):.0f} ms",
            f"trickling uploads' answers: {dict(sorted(self.trickle_answers.items()))}",
            f"listeners: {self.plan.listeners}, connections {self.listener_connections}, "
            f"cut by the client {self.listener_cuts}, ended otherwise (then resumed) "
            f"{dict(sorted(self.listener_server_closes.items()))}",
            f"events recorded: {self.events_recorded}; missed by listeners: {self.events_missed};"
            f" received twice: {self.events_duplicated}",
            f"worker children killed: {self.kills}, jobs interrupted by a kill: "
            f"{self.interrupted}; slowest recovery "
            f"{self.slowest_recovery_s:.1f} s (kill → every job processing then claimed again or "
            "ended), over the kills that found a job processing",
            f"API RSS: {rss[0] if rss else 0:.0f} MB at start, {max(rss, default=0):.0f} MB max, "
            f"{rss[-1] if rss else 0:.0f} MB at the end; trend after warm-up {slope:+.2f} MB/min "
            f"({'GROWING' if growing else 'no growth trend'})",
            f"verdict: {'OK' if self.ok else 'FAILED'}",
        ]


class _Soak:
    def __init__(
        self, base: str, principals: Principals, worker: WorkerProcess, plan: SoakPlan
    ) -> None:
        self.base = base
        self.who = principals
        self.worker = worker
        self.plan = plan
        self.report = SoakReport(plan)
        self.rng = random.Random(plan.seed)
        self.started = time.monotonic()
        self.deadline = self.started + plan.max_seconds
        self.uploads_done = asyncio.Event()
        self.stop = asyncio.Event()  # listeners, trickles, killer, sampler
        self.next_upload = 0
        self.latencies: list[float] = []
        self.documents: set[str] = set()
        self.received: list[list[int]] = [[] for _ in range(plan.listeners)]
        self.watchers: list[asyncio.Task[None]] = []  # one recovery() per kill mid-job

    # uploads -------------------------------------------------------------------------------------
    async def uploader(self, token: str) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(base_url=self.base, headers=headers, timeout=60) as client:
            while self.next_upload < self.plan.uploads and time.monotonic() < self.deadline:
                n = self.next_upload
                self.next_upload += 1
                due = self.started + n * self.plan.upload_seconds / self.plan.uploads
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                await self.upload_one(client, n)

    async def upload_one(self, client: httpx.AsyncClient, n: int) -> None:
        pdf = minimal_pdf(f"Invoice SOAK-{n} Total {n}.00 USD")
        key = f"soak-{n}-{uuid.uuid4().hex[:8]}"
        for _attempt in range(5):  # a 429/503 says "later": the same key, so never twice
            started = time.perf_counter()
            try:
                answer = await client.post(
                    "/api/documents/upload",
                    files=[("files", (f"soak-{n}.pdf", pdf, "application/pdf"))],
                    headers={"Idempotency-Key": key},
                )
                status = answer.status_code
            except httpx.HTTPError:
                status = 0
            self.report.answers[status] = self.report.answers.get(status, 0) + 1
            if status == 202:
                self.latencies.append(time.perf_counter() - started)
                self.documents.add(answer.json()["items"][0]["document"]["id"])
                return
            if status not in (0, 429, 503):
                return
            await asyncio.sleep(float(answer.headers.get("Retry-After", 1)) if status else 1)

    # listeners -----------------------------------------------------------------------------------
    async def listener(self, index: int, token: str) -> None:
        """Subscribe to the workspace's events from the last one seen, read until a random
        moment, drop the connection (no close handshake), resume; until the run stops."""
        seen = self.received[index]
        last = 0
        closes = self.report.listener_server_closes
        while not self.stop.is_set():
            until = time.monotonic() + self.rng.uniform(*self.plan.listener_session)
            cut = False
            try:
                async with ws_client(self.base, token, max_queue=None) as ws:
                    self.report.listener_connections += 1
                    await ws.send(json.dumps({"subscribe": "all", "after": last}))
                    while not self.stop.is_set():
                        remaining = until - time.monotonic()
                        if remaining <= 0:
                            cut = True
                            ws.transport.abort()  # a dropped connection: no close handshake
                            self.report.listener_cuts += 1
                            break
                        try:
                            frame = await asyncio.wait_for(ws.recv(), min(remaining, 1.0))
                        except TimeoutError:
                            continue
                        seq = seq_of(frame)
                        if seq is not None:
                            seen.append(seq)
                            last = max(last, seq)
            except Exception as exc:  # noqa: BLE001 - the stream ended: count it, resume
                if not cut:
                    code = getattr(getattr(exc, "rcvd", None), "code", None)
                    name = f"{type(exc).__name__}{f' {code}' if code else ''}"
                    closes[name] = closes.get(name, 0) + 1
                    await asyncio.sleep(0.5)

    # trickles ------------------------------------------------------------------------------------
    async def trickle(self, index: int) -> None:
        token = self.who.trickles[index % len(self.who.trickles)]
        while not self.stop.is_set():
            slow = Trickle(self.base, token, interval=1.0)
            with contextlib.suppress(OSError):
                await slow.run(self.stop)
            if slow.status is not None:
                answers = self.report.trickle_answers
                answers[slow.status] = answers.get(slow.status, 0) + 1
                await asyncio.sleep(0.2)

    # the killer and the sampler ------------------------------------------------------------------
    async def killer(self) -> None:
        while not self.stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stop.wait(), self.plan.kill_every)
            if self.stop.is_set() or self.uploads_done.is_set() and not await self._busy():
                continue
            victim, processing = await asyncio.to_thread(self._victim)
            if victim is None:
                continue
            with contextlib.suppress(ProcessLookupError):
                os.kill(victim, signal.SIGKILL)
                self.report.kills += 1
                if processing:
                    self.watchers.append(asyncio.create_task(self.recovery(processing)))

    async def recovery(self, claims: dict[str, str]) -> None:
        """How long, from the kill, until every job that was processing then runs again (a new
        claim) or has ended: polled every 0.2 s, for at most 120 s (then it counts as inf)."""
        killed = time.monotonic()
        waiting = dict(claims)
        while waiting and time.monotonic() - killed < 120:
            await asyncio.sleep(0.2)
            now = await asyncio.to_thread(_claims, list(waiting))
            for job, (status, claim) in now.items():
                if status in TERMINAL or claim != waiting[job]:
                    del waiting[job]
        self.report.recoveries_s.append(float("inf") if waiting else time.monotonic() - killed)

    def _victim(self) -> tuple[int | None, dict[str, str]]:
        """A pool child to kill, preferably mid-job: wait (≤ 5 s) until a job is processing,
        then take the child that used the most CPU meanwhile (the one parsing, most likely)."""
        children = pool_children(self.worker)
        for child in children:
            with contextlib.suppress(psutil.Error):
                child.cpu_percent(None)
        processing: dict[str, str] = {}
        until = time.monotonic() + 5
        while not processing and time.monotonic() < until:
            time.sleep(0.02)
            processing = _processing_jobs()

        def busy(child: psutil.Process) -> float:
            try:
                return float(child.cpu_percent(None))
            except psutil.Error:
                return -1.0

        return (max(children, key=busy).pid if children else None), processing

    async def _busy(self) -> bool:
        return bool(await asyncio.to_thread(_unfinished_count, self.who.workspace_id))

    async def sampler(self) -> None:
        process = api_process(self.base)
        while not self.stop.is_set():
            mb = process.memory_info().rss / 2**20
            self.report.rss_mb.append((time.monotonic() - self.started, mb))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stop.wait(), self.plan.rss_every)

    # the run -------------------------------------------------------------------------------------
    async def run(self) -> SoakReport:
        plan = self.plan
        background = [
            *(
                asyncio.create_task(self.listener(i, self.who.uploaders[i % plan.clients]))
                for i in range(plan.listeners)
            ),
            *(asyncio.create_task(self.trickle(i)) for i in range(plan.trickles)),
            asyncio.create_task(self.killer()),
            asyncio.create_task(self.sampler()),
        ]
        await asyncio.sleep(2)  # the listeners are in
        await asyncio.gather(*(self.uploader(t) for t in self.who.uploaders[: plan.clients]))
        self.uploads_done.set()
        drain_until = min(self.deadline, time.monotonic() + plan.drain_seconds)
        while time.monotonic() < drain_until and await self._busy():
            await asyncio.sleep(1)
        # The jobs have ended: give every listener the time to have the last event.
        last = await asyncio.to_thread(_last_seq, self.who.workspace_id)
        while time.monotonic() < drain_until and any(
            max(r, default=0) < last for r in self.received
        ):
            await asyncio.sleep(0.5)
        self.stop.set()
        await asyncio.gather(*background, return_exceptions=True)
        await asyncio.gather(*self.watchers)
        self.report.seconds = time.monotonic() - self.started
        await asyncio.to_thread(self.tally)
        return self.report

    def tally(self) -> None:
        from tests_support.invariants import check

        report = self.report
        report.accepted = len(self.documents)
        ms = [v * 1000 for v in self.latencies]
        report.upload_latency_ms = {
            "p50": pct(ms, 50),
            "p95": pct(ms, 95),
            "p99": pct(ms, 99),
            "max": max(ms, default=0.0),
        }
        accepted = list(self.documents)
        statuses = _job_statuses(accepted)
        report.lost = len(self.documents) - len(statuses)
        report.completed = sum(s == "completed" for s in statuses.values())
        report.failed = sum(s == "failed" for s in statuses.values())
        report.unfinished = sum(s not in TERMINAL for s in statuses.values())
        report.duplicates = _duplicates(self.who.workspace_id)
        report.interrupted = int(
            _rows(
                "SELECT count(DISTINCT job_id) FROM job_events WHERE workspace_id = :w "
                "AND type = 'job_queued' AND payload->'data'->>'reason' = 'worker_lost'",
                w=self.who.workspace_id,
            )[0][0]
        )
        report.invariant_violations = [str(v) for v in check(accepted=accepted)]
        record = _workspace_seqs(self.who.workspace_id)
        report.events_recorded = len(record)
        for seen in self.received:
            got = set(seen)
            report.events_missed += len(record - got)
            report.events_duplicated += len(seen) - len(got)
        report.failures = dict(
            Counter(
                str(r[0])
                for r in _rows(
                    "SELECT error_message FROM jobs WHERE workspace_id = :w AND status = 'failed'",
                    w=self.who.workspace_id,
                )
            )
        )


async def run_soak(
    base: str, principals: Principals, worker: WorkerProcess, plan: SoakPlan
) -> SoakReport:
    return await _Soak(base, principals, worker, plan).run()


# --- reading the database ----------------------------------------------------------------------
def _rows(sql: str, **params: Any) -> list[Any]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return list(conn.execute(text(sql), params))


def _processing_jobs() -> dict[str, str]:
    rows = _rows("SELECT id, claim_token FROM jobs WHERE status = 'processing'")
    return {str(job): str(claim) for job, claim in rows}


def _claims(job_ids: list[str]) -> dict[str, tuple[str, str]]:
    rows = _rows(
        "SELECT id, status, claim_token FROM jobs WHERE id = ANY(CAST(:j AS uuid[]))", j=job_ids
    )
    return {str(job): (str(status), str(claim)) for job, status, claim in rows}


def _unfinished_count(workspace_id: uuid.UUID) -> int:
    return int(
        _rows(
            "SELECT count(*) FROM jobs j JOIN documents d ON d.id = j.document_id "
            "WHERE d.workspace_id = :w AND j.status IN ('queued', 'processing')",
            w=workspace_id,
        )[0][0]
    )


def _last_seq(workspace_id: uuid.UUID) -> int:
    rows = _rows("SELECT max(seq) FROM job_events WHERE workspace_id = :w", w=workspace_id)
    return int(rows[0][0] or 0)


def _workspace_seqs(workspace_id: uuid.UUID) -> set[int]:
    return {
        int(r[0])
        for r in _rows("SELECT seq FROM job_events WHERE workspace_id = :w", w=workspace_id)
    }


def _job_statuses(document_ids: list[str]) -> dict[str, str]:
    rows = _rows(
        "SELECT j.document_id, j.status FROM jobs j WHERE j.document_id = ANY(CAST(:d AS uuid[]))",
        d=document_ids,
    )
    return {str(d): str(s) for d, s in rows}


def _duplicates(workspace_id: uuid.UUID) -> int:
    twice = _rows(
        "SELECT count(*) FROM (SELECT job_id FROM job_events WHERE workspace_id = :w "
        "AND type = 'job_completed' GROUP BY job_id HAVING count(*) > 1) t",
        w=workspace_id,
    )[0][0]
    jobs = _rows(
        "SELECT count(*) FROM (SELECT document_id FROM jobs GROUP BY document_id "
        "HAVING count(*) > 1) t"
    )[0][0]
    return int(twice) + int(jobs)
