"""Transactions that outlast a database outage: the worker's writes are whole and fenced by the
claim, so trying one again after PostgreSQL comes back can never write twice."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import InterfaceError, OperationalError

from docflow.config import get_settings

log = logging.getLogger(__name__)

# PostgreSQL unreachable or restarting, a connection lost, a deadlock: worth trying again.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
_MAX_BACKOFF_S = 5.0

T = TypeVar("T")


def in_transaction(what: str, work: Callable[[], T]) -> T:
    """Run `work` (one whole transaction), again with backoff while the database is unavailable,
    for up to `db_retry_seconds`; then the error propagates."""
    deadline = time.monotonic() + get_settings().db_retry_seconds
    delay = 0.25
    while True:
        try:
            return work()
        except DATABASE_UNAVAILABLE as exc:
            if time.monotonic() + delay > deadline:
                raise
            reason = str(exc.orig or exc).strip().splitlines()[0]
            log.warning("database unavailable while %s (%s); again in %.2f s", what, reason, delay)
            time.sleep(delay)
            delay = min(delay * 2, _MAX_BACKOFF_S)
