"""The worker refuses to start on a Redis that could lose queued jobs, and says what to change."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import devstack
from tests_support.servers import start_worker


def test_the_worker_refuses_a_redis_that_could_lose_queued_jobs(stack: Any, tmp_path: Path) -> None:
    # Neither append-only (a restart loses the queue) nor noeviction (a full Redis drops tasks).
    settings = ["--appendonly", "no", "--maxmemory-policy", "allkeys-lru"]
    port = devstack.free_port()
    redis = subprocess.Popen(
        [
            shutil.which("redis-server") or "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(tmp_path),
            "--save",
            "",
            *settings,
        ],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        devstack._wait_port(port, redis, "Redis")
        log = tmp_path / "worker.log"
        with pytest.raises(RuntimeError, match="worker exited early"):
            start_worker(
                stack.env, log, extra_env={"DOCFLOW_REDIS_URL": f"redis://127.0.0.1:{port}/0"}
            )
    finally:
        devstack.stop(redis)
    text = log.read_text()
    assert "docflow worker not started: The broker's Redis would lose queued jobs" in text
    assert "appendonly is 'no', must be 'yes'" in text
    assert "maxmemory-policy is 'allkeys-lru', must be 'noeviction'" in text
    assert "--appendonly yes --maxmemory-policy noeviction" in text
