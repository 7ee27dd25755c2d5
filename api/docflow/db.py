"""Engine, sessions and after-commit hooks.

A request gets one session that commits once, after the handler returns and before the response
is sent; callbacks registered with `after_commit` (Redis publishes, broker sends) run only once the
commit succeeded, so nothing outside the database ever describes a state that was rolled back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from docflow.config import get_settings
from docflow.errors import ServiceUnavailable

log = logging.getLogger(__name__)

_HOOKS_KEY = "docflow_after_commit"
_ROLLBACK_KEY = "docflow_after_rollback"


_CREATING = threading.Lock()


def get_engine() -> Engine:
    """The process's one engine. The first requests race for it from several threads: created
    under a lock, so there is one pool and its bound (`db_pool_size` + `db_max_overflow`)
    holds."""
    with _CREATING:
        return _engine()


@lru_cache
def _engine() -> Engine:
    settings = get_settings()
    return create_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout_seconds,
        pool_pre_ping=True,
        pool_recycle=1800,
        # An unreachable server fails a request in seconds (503) instead of hanging it.
        connect_args={"connect_timeout": 5},
    )


@lru_cache
def _session_factory() -> sessionmaker[Session]:
    # Sessions are bound when made: a racing second factory is harmless, the engine is one.
    return sessionmaker(bind=get_engine(), expire_on_commit=False, autoflush=True)


def after_commit(session: Session, callback: Callable[[], None]) -> None:
    """Run `callback` after `session` commits; dropped if it rolls back."""
    session.info.setdefault(_HOOKS_KEY, []).append(callback)


def after_rollback(session: Session, callback: Callable[[], None]) -> None:
    """Undo work outside the database (a stored file, a claim) if `session` rolls back."""
    session.info.setdefault(_ROLLBACK_KEY, []).append(callback)


def _run_hooks(session: Session, key: str = _HOOKS_KEY) -> None:
    session.info.pop(_ROLLBACK_KEY if key == _HOOKS_KEY else _HOOKS_KEY, None)
    hooks: list[Callable[[], None]] = session.info.pop(key, [])
    for hook in hooks:
        try:
            hook()
        except Exception:  # a failed publish/enqueue must not undo a committed state change
            log.exception("after-commit hook failed")


def commit(session: Session) -> None:
    """Commit and then run the after-commit hooks. The only place that commits."""
    session.commit()
    _run_hooks(session)


def rollback(session: Session) -> None:
    """Roll back, drop the after-commit hooks and run the after-rollback ones."""
    session.rollback()
    _run_hooks(session, _ROLLBACK_KEY)


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """A session for one unit of work outside a request (worker stages, sweeper, scripts)."""
    session = _session_factory()()
    try:
        yield session
        commit(session)
    except BaseException:
        rollback(session)
        raise
    finally:
        session.close()


@contextmanager
def autocommit_session() -> Iterator[Session]:
    """A session whose statements each commit on their own, with no BEGIN/COMMIT round trips: for
    a lone write that needs no transaction around it. No after-commit hooks run."""
    with get_engine().connect() as connection:
        autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
        with Session(bind=autocommit) as session:
            yield session


def new_session() -> Session:
    return _session_factory()()


def unavailable(exc: BaseException) -> ServiceUnavailable | None:
    """The 503 a database error means for the client, or None when it is no such error: every
    pooled connection stayed busy for `db_pool_timeout_seconds` (overloaded, not broken), or
    PostgreSQL is unreachable, restarting or lost the connection. Nothing was committed either
    way, so the client may simply try again after `Retry-After`."""
    if isinstance(exc, PoolTimeout):
        return ServiceUnavailable(
            "The server is busy right now; try again shortly.", headers={"Retry-After": "2"}
        )
    if isinstance(exc, OperationalError | InterfaceError):
        return ServiceUnavailable(
            "The database is unavailable right now; try again shortly.",
            headers={"Retry-After": "5"},
        )
    return None


# PostgreSQL's durability settings: a committed job, event or document survives a crash of
# PostgreSQL or of its machine only with all three on (synchronous_commit may also be `local` or
# a `remote_*` value: off is what loses the last commits).
_DURABILITY_SETTINGS = ("fsync", "synchronous_commit", "full_page_writes")


class DatabaseNotDurable(RuntimeError):
    """PostgreSQL runs with settings that lose committed work on a crash; the message says
    what to change."""


def durability_problems(engine: Engine | None = None) -> list[str]:
    """What in the database server's settings (default: the settings' database) would lose
    committed work on a crash."""
    with (engine or get_engine()).connect() as conn:
        found: dict[str, str] = dict(
            conn.execute(
                text("SELECT name, setting FROM pg_settings WHERE name = ANY(:names)"),
                {"names": list(_DURABILITY_SETTINGS)},
            ).all()
        )
    return [
        f"{name} is {found.get(name, 'unknown')!r}, must be 'on'"
        for name in _DURABILITY_SETTINGS
        if found.get(name) in (None, "off")
    ]


def check_database_durability(process: str) -> None:
    """Called as the API and each worker start. In production, raise DatabaseNotDurable when
    PostgreSQL runs with fsync, synchronous_commit or full_page_writes off; in development and
    test (throwaway clusters run that way on purpose) log a WARNING with the same message. A
    database that cannot be reached yet is not checked (logged): the readiness check reports it."""
    settings = get_settings()
    try:
        problems = durability_problems()
    except SQLAlchemyError as exc:
        log.warning("%s: PostgreSQL's durability settings not checked: %s", process, exc)
        return
    if not problems:
        return
    message = (
        "PostgreSQL would lose committed work on a crash: "
        + "; ".join(problems)
        + ". Turn them on (postgresql.conf, or ALTER SYSTEM SET fsync = on; ALTER SYSTEM SET "
        "synchronous_commit = on; ALTER SYSTEM SET full_page_writes = on; then reload)"
    )
    if settings.environment == "production":
        raise DatabaseNotDurable(f"docflow {process} not started: {message}.")
    log.warning(
        "%s: %s. Allowed only outside production (environment: %s).",
        process,
        message,
        settings.environment,
    )
