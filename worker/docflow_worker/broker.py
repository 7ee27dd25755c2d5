"""The broker's Redis: the settings it must run with, and noticing that it lost its messages.

Queued work lives in Redis until a worker takes it, so Redis must keep it: `appendonly yes` (a
restart reloads every queued task) and `maxmemory-policy noeviction` (a full Redis refuses new
writes — the API then keeps the job `queued` and the sweeper sends it later — instead of silently
evicting queued tasks). A worker refuses to start on a Redis without them.

Even so a broker can lose its data (FLUSHALL, a restart without its files, a failover to an empty
replica). Each sweep sets a marker key only if it is missing: finding it missing means the messages
of every queued job may be gone, so they are all sent again (a duplicate is harmless: claims are
conditional), after the worker's queue is declared again — an emptied Redis also forgets the
queue's binding, and until it is declared again publishers' messages are dropped without an error.
"""

from __future__ import annotations

import logging
import time
import uuid
from functools import lru_cache
from typing import Any

import redis

from docflow.config import get_settings

log = logging.getLogger(__name__)

MARKER_KEY = "docflow:broker-marker"
_REQUIRED = {"appendonly": "yes", "maxmemory-policy": "noeviction"}


class BrokerNotDurable(RuntimeError):
    """The broker's Redis would lose queued work; the message says what to change."""


@lru_cache
def broker_redis() -> redis.Redis | None:
    """A client for the broker's Redis; None when the broker is not Redis."""
    url = get_settings().broker
    if not url.startswith(("redis://", "rediss://", "unix://")):
        return None
    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)


def durability_problems(client: redis.Redis) -> list[str]:
    """What in this Redis's settings would lose queued work (read with INFO, which managed
    services allow where CONFIG is often disabled)."""
    persistence: dict[str, Any] = client.info("persistence")
    memory: dict[str, Any] = client.info("memory")
    found = {
        "appendonly": "yes" if int(persistence.get("aof_enabled", 0)) == 1 else "no",
        "maxmemory-policy": str(memory.get("maxmemory_policy", "unknown")),
    }
    return [
        f"{name} is {found[name]!r}, must be {wanted!r}"
        for name, wanted in _REQUIRED.items()
        if found[name] != wanted
    ]


def require_durable_broker(retry_every: float = 5.0) -> None:
    """Called as the worker starts: wait until the broker's Redis answers, then raise
    BrokerNotDurable unless it runs with the settings above."""
    client = broker_redis()
    if client is None:
        log.warning("the broker is not Redis: its durability settings are not checked")
        return
    while True:
        try:
            problems = durability_problems(client)
            break
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            log.warning("waiting for the broker's Redis to check its settings: %s", exc)
            time.sleep(retry_every)
    if problems:
        raise BrokerNotDurable(
            "The broker's Redis would lose queued jobs: "
            + "; ".join(problems)
            + ". Start redis-server with `--appendonly yes --maxmemory-policy noeviction` (or set "
            "them in redis.conf / CONFIG SET) and start the worker again."
        )


def lost_its_messages() -> bool:
    """True once after the broker's Redis lost its data (and on its very first use): the marker
    key was missing and this call set it. Several sweepers may ask; one gets True."""
    client = broker_redis()
    if client is None:
        return False
    marker = f"{uuid.uuid4()} {time.time():.0f}"
    return bool(client.set(MARKER_KEY, marker, nx=True))


def forget_marker() -> None:
    """Undo `lost_its_messages` when the queued jobs could not be marked for sending again."""
    client = broker_redis()
    if client is not None:
        client.delete(MARKER_KEY)


def declare_queue(app: Any) -> None:
    """Declare the worker's queue (and its binding) in the broker again; idempotent. Gives up
    after a few connection attempts rather than waiting for the broker."""
    queue = app.amqp.queues[get_settings().task_queue]
    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=2)
        queue(connection.default_channel).declare()
