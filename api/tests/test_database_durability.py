"""PostgreSQL's durability settings are checked as the API and each worker start: in production
they refuse a server with fsync, synchronous_commit or full_page_writes off, and say what to
change; elsewhere (the test clusters run that way on purpose) they log a warning."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

import devstack
from docflow.db import durability_problems
from tests_support.servers import api_server, start_worker

# What production demands anyway (a real secret), so only the database's settings stop it.
PRODUCTION = {"DOCFLOW_ENVIRONMENT": "production", "DOCFLOW_SECRET_KEY": "s" * 40}
NOT_DURABLE = [
    "fsync is 'off', must be 'on'",
    "synchronous_commit is 'off', must be 'on'",
    "full_page_writes is 'off', must be 'on'",
]


def test_a_cluster_without_durability_is_reported(stack: Any) -> None:
    # The test stack's PostgreSQL runs with all three off (devstack.start_postgres(fast=True)).
    assert durability_problems() == NOT_DURABLE


def test_a_default_cluster_has_no_problem() -> None:
    root = Path(tempfile.mkdtemp(prefix="docflow-test-durable-"))
    os.chmod(root, 0o755)  # PostgreSQL runs as `postgres` when we are root
    port = devstack.free_port()
    pg = devstack.start_postgres(root / "pg", port)
    engine = create_engine(f"postgresql+psycopg://docflow@127.0.0.1:{port}/docflow")
    try:
        assert durability_problems(engine) == []
    finally:
        engine.dispose()
        devstack.stop(pg)
        shutil.rmtree(root, ignore_errors=True)


def test_the_api_refuses_to_start_in_production(stack: Any, tmp_path: Path) -> None:
    log = tmp_path / "api.log"
    with (
        pytest.raises(RuntimeError, match="API exited early"),
        api_server({**stack.env, **PRODUCTION}, log),
    ):
        pass
    text = log.read_text()
    assert "docflow API not started: PostgreSQL would lose committed work on a crash" in text
    for problem in NOT_DURABLE:
        assert problem in text
    assert "ALTER SYSTEM SET fsync = on" in text


def test_the_worker_refuses_to_start_in_production(stack: Any, tmp_path: Path) -> None:
    log = tmp_path / "worker.log"
    with pytest.raises(RuntimeError, match="worker exited early"):
        start_worker(stack.env, log, extra_env=PRODUCTION)
    text = log.read_text()
    assert "docflow worker not started: PostgreSQL would lose committed work on a crash" in text
    for problem in NOT_DURABLE:
        assert problem in text


def test_outside_production_the_api_starts_and_warns(stack: Any, tmp_path: Path) -> None:
    log = tmp_path / "api.log"
    with api_server(stack.env, log):
        pass
    warnings = [line for line in log.read_text().splitlines() if "WARNING" in line]
    assert any(
        "PostgreSQL would lose committed work on a crash: fsync is 'off'" in line
        and "Allowed only outside production (environment: test)" in line
        for line in warnings
    ), warnings
