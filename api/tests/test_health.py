"""Liveness and readiness: /ready names the dependency that is down."""

from __future__ import annotations

import time
from typing import Any


def test_health_needs_nothing(client: Any) -> None:
    response = client.get("/api/health", headers={"Authorization": ""})
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_when_everything_is_up(client: Any) -> None:
    response = client.get("/api/ready")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"postgres": True, "redis": True, "broker": True},
    }


def test_ready_is_503_naming_redis_while_it_is_down(client: Any, stack: Any) -> None:
    stack.stop_redis()
    try:
        started = time.monotonic()
        response = client.get("/api/ready")
        assert time.monotonic() - started < 10
        assert response.status_code == 503
        error = response.json()["error"]
        assert error["code"] == "not_ready"
        assert "redis" in error["message"]
        assert "postgres" not in error["message"]
        assert error["details"]["checks"]["postgres"] is True
        assert error["details"]["checks"]["redis"] is False
        assert error["details"]["checks"]["broker"] is False  # the broker is the same Redis
        assert client.get("/api/health").status_code == 200  # liveness does not depend on it
    finally:
        stack.start_redis()
    deadline = time.monotonic() + 15
    while (ready := client.get("/api/ready")).status_code != 200:
        assert time.monotonic() < deadline, ready.text
        time.sleep(0.1)
    assert ready.json()["checks"] == {"postgres": True, "redis": True, "broker": True}
