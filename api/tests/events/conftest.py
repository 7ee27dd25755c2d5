from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import psutil
import pytest

from tests_support.servers import api_server

# Short heartbeats and hub polling so the tests observe them quickly; a long slow-consumer grace
# so a test can stop reading, produce a flood, and still see the clean 4008 close afterwards.
LIVE_ENV = {
    "DOCFLOW_EVENT_HEARTBEAT_SECONDS": "1",
    "DOCFLOW_EVENT_HUB_POLL_SECONDS": "0.5",
    "DOCFLOW_EVENT_SLOW_CLOSE_SECONDS": "60",
    "DOCFLOW_EVENT_AUTH_RECHECK_SECONDS": "1",
}


@pytest.fixture(scope="module")
def live_api(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn process (its own event hub) for the tests of this module."""
    log = tmp_path_factory.mktemp("api") / "api.log"
    with api_server({**stack.env, **LIVE_ENV}, log) as base:
        yield base


@pytest.fixture(autouse=True)
def _jobs_settle(stack: Any) -> Iterator[None]:
    """Let a running worker finish this test's jobs before the next test truncates the tables
    (a job still writing its events then would deadlock with the TRUNCATE)."""
    yield
    if not any("celery" in " ".join(p.cmdline()) for p in psutil.Process().children()):
        return
    from sqlalchemy import text

    from docflow.db import get_engine

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with get_engine().connect() as conn:
            busy = conn.execute(
                text("SELECT count(*) FROM jobs WHERE status IN ('queued', 'processing')")
            ).scalar_one()
        if not busy:
            return
        time.sleep(0.1)
