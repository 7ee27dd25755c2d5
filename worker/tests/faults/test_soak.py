"""A small soak (tests_support/soak.py, the machinery of `npm run soak`): uploads from several
clients, WebSocket listeners cut and resumed with `after`, trickling uploads and a worker child
killed mid-run — nothing lost, nothing twice, no event missed."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from tests_support.faults import private_queue
from tests_support.servers import api_server, start_worker, stop_worker
from tests_support.soak import SoakPlan, make_principals, run_soak

pytestmark = pytest.mark.fault


def test_small_soak_loses_nothing(stack: Any, tmp_path: Path, invariants: Any) -> None:
    plan = SoakPlan(
        uploads=40,
        clients=4,
        listeners=5,
        trickles=2,
        kill_every=4.0,
        upload_seconds=8.0,
        max_seconds=150.0,
        drain_seconds=90.0,
        listener_session=(1.5, 4.0),
        rss_every=1.0,
    )
    with private_queue() as queue:
        # A short lease: a job whose worker child was killed runs again within seconds.
        env = {**stack.env, "DOCFLOW_TASK_QUEUE": queue, "DOCFLOW_JOB_LEASE_SECONDS": "6"}
        principals = make_principals(plan.clients, 1)
        worker = start_worker(env, tmp_path / "worker.log")
        try:
            with api_server(env, tmp_path / "api.log") as base:
                report = asyncio.run(run_soak(base, principals, worker, plan))
        finally:
            stop_worker(worker)
    summary = "\n".join(report.lines() + report.invariant_violations)
    assert report.ok, summary
    assert report.accepted == 40, summary
    assert report.kills >= 1, summary
    assert report.listener_cuts >= 1, summary  # listeners really resumed from `after`
    assert report.events_recorded >= 40 * 7, summary
    assert report.rss_mb, summary
