"""No token, password, session cookie or CSRF token in any log line.

Clients that cannot set headers (a browser's WebSocket or EventSource) send `?token=`; uvicorn
writes the handshake's path with its query string (`"WebSocket /api/ws?token=…" [accepted]`, on
the `uvicorn.error` logger) and the access log does the same for HTTP. A library logging a
request's headers at DEBUG would write `Authorization` and `Cookie`. Rather than hunt for each
logger, every log record of the process is redacted where it is made (a record factory), so a
handler or logger added later is covered too: the secret is replaced by `[redacted]` and the rest
of the line kept.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

REDACTED = "[redacted]"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # API tokens wherever they appear (they all start with the product's prefix).
    (re.compile(r"\bdfk_[A-Za-z0-9_\-]+"), "dfk_" + REDACTED),
    # Query parameters that carry a credential.
    (
        re.compile(r"(?i)([?&;](?:token|access_token|password|csrf_token|session)=)[^&\s\"'#]*"),
        r"\1" + REDACTED,
    ),
    # Authorization / Cookie / Set-Cookie / X-CSRF-Token header values, however they are printed.
    (
        re.compile(
            r"(?i)((?:authorization|proxy-authorization|cookie|set-cookie|x-csrf-token)"
            r"['\"]?\s*[:=,]\s*['\"]?)[^\r\n'\"]+"
        ),
        r"\1" + REDACTED,
    ),
    (re.compile(r"(?i)\b(bearer\s+)[^\s'\",]+"), r"\1" + REDACTED),
    # Any session cookie pair, e.g. docflow_session=…
    (re.compile(r"(?i)(\b\w*session\w*=)[^;\s'\"&]+"), r"\1" + REDACTED),
    # JSON-ish or keyword-ish secrets: "password": "…", password=…, csrf_token: …
    (
        re.compile(
            r"(?i)(['\"]?\b(?:password|new_password|temporary_password|csrf_token|secret|token)"
            r"['\"]?\s*[:=]\s*['\"]?)(?!\[redacted\])[^'\"\s,}&]+"
        ),
        r"\1" + REDACTED,
    ),
)


def redact(text: str) -> str:
    """`text` with every credential it carries replaced by `[redacted]`."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _redact_arg(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if value is None or isinstance(value, int | float):
        return value
    shown = str(value)
    cleaned = redact(shown)
    return value if cleaned == shown else cleaned


def redact_record(record: logging.LogRecord) -> None:
    """Redact a record in place, keeping its shape: formatters that read `args` as a tuple
    (uvicorn's access log) still find one."""
    if isinstance(record.msg, str):
        record.msg = redact(record.msg)
    elif record.msg is not None:
        shown = str(record.msg)
        cleaned = redact(shown)
        if cleaned != shown:
            record.msg = cleaned
    if isinstance(record.args, tuple):
        record.args = tuple(_redact_arg(a) for a in record.args)
    elif isinstance(record.args, dict):
        record.args = {k: _redact_arg(v) for k, v in record.args.items()}
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


class _RedactingFactory:
    """Wraps the process's log record factory (kept, so others' factories still run)."""

    def __init__(self, inner: Callable[..., logging.LogRecord]) -> None:
        self.inner = inner

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self.inner(*args, **kwargs)
        redact_record(record)
        return record


def install_log_redaction() -> None:
    """Redact every log record this process makes from now on (idempotent)."""
    current = logging.getLogRecordFactory()
    if not isinstance(current, _RedactingFactory):
        logging.setLogRecordFactory(_RedactingFactory(current))
