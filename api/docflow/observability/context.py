"""The ids a log line carries: `request_id`, `job_id`, `document_id` and `workspace_id`.

They live in context variables, so they follow a request through its handler, its thread-pool
work and its after-commit hooks; a job's message carries them to the worker in its headers
(`task_headers`), where the task binds them again (docflow_worker.celery_app)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar, Token
from typing import Any

FIELDS = ("request_id", "job_id", "document_id", "workspace_id")
TASK_HEADER = "docflow_context"

_current: ContextVar[Mapping[str, str]] = ContextVar("docflow_log_context", default={})  # noqa: B039
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,64}$")


def current() -> Mapping[str, str]:
    """The ids bound in this context (only the ones known)."""
    return _current.get()


def bind(**ids: Any) -> None:
    """Add ids to this context (None values are ignored); they stay until the context ends."""
    known = {k: str(v) for k, v in ids.items() if k in FIELDS and v is not None}
    if known:
        _current.set({**_current.get(), **known})


@contextmanager
def bound(**ids: Any) -> Iterator[None]:
    """Ids bound for the block only (a task run, a request)."""
    token = _current.set({})
    try:
        bind(**ids)
        yield
    finally:
        _current.reset(token)


def set_for_task(ids: Mapping[str, str]) -> Token[Mapping[str, str]]:
    """Bind exactly `ids` until `reset(token)` (for code that cannot use `bound`, such as a pair
    of signal handlers around a task)."""
    return _current.set({k: v for k, v in ids.items() if k in FIELDS})


def reset(token: Token[Mapping[str, str]]) -> None:
    _current.reset(token)


def request_id_from(header: str | None) -> str:
    """The client's X-Request-ID when it is a sane token, else a fresh id."""
    if header and _REQUEST_ID.match(header):
        return header
    return uuid.uuid4().hex


def task_headers(**ids: Any) -> dict[str, dict[str, str]]:
    """The message headers that carry this context (plus `ids`) to the worker."""
    context = dict(current())
    context.update({k: str(v) for k, v in ids.items() if k in FIELDS and v is not None})
    return {TASK_HEADER: context}


def from_task_request(request: Any) -> dict[str, str]:
    """The context a task's message carried (Celery exposes custom headers on the request)."""
    found = getattr(request, TASK_HEADER, None)
    if not isinstance(found, dict):
        headers = getattr(request, "headers", None) or {}
        found = headers.get(TASK_HEADER) if isinstance(headers, dict) else None
    if not isinstance(found, dict):
        return {}
    return {k: str(v) for k, v in found.items() if k in FIELDS and isinstance(v, str)}
