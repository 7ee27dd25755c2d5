from __future__ import annotations

import redis
from kombu.connection import Connection
from sqlalchemy import text

from docflow.config import get_settings
from docflow.db import get_engine


def check_readiness() -> dict[str, bool]:
    """Each dependency's reachability (no details that could leak configuration)."""
    settings = get_settings()
    checks: dict[str, bool] = {}
    try:
        with get_engine().connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["postgres"] = True
    except Exception:
        checks["postgres"] = False
    try:
        client = redis.Redis.from_url(
            settings.redis_url, socket_timeout=1, socket_connect_timeout=1
        )
        checks["redis"] = bool(client.ping())
        client.close()
    except Exception:
        checks["redis"] = False
    try:
        with Connection(settings.broker, connect_timeout=1) as conn:  # type: ignore[no-untyped-call]
            conn.ensure_connection(max_retries=1, timeout=1)
        checks["broker"] = True
    except Exception:
        checks["broker"] = False
    return checks
