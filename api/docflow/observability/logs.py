"""One log set-up for the API and the worker: every line a JSON object (or plain text with
DOCFLOW_LOG_FORMAT=text) carrying the ids bound in docflow.observability.context.

The standard library with a small formatter: nothing else in the process has to change, and the
credential redaction (docflow.log_redaction) keeps working, because it rewrites each record where
it is made, before any formatter sees it."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from docflow.log_redaction import install_log_redaction
from docflow.observability import context

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


class JsonFormatter(logging.Formatter):
    """`{"time", "level", "logger", "message", <the bound ids>, "exception"}`, one per line."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update(context.current())
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        if record.stack_info:
            line["stack"] = record.stack_info
        return json.dumps(line, ensure_ascii=False, default=str)


class _ContextTextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        ids = " ".join(f"{k}={v}" for k, v in context.current().items())
        return f"{text} [{ids}]" if ids else text


def configure_logging(log_format: str, level: int = logging.INFO) -> None:
    """The root logger writes to stderr in `log_format` ("json" or "text"); records are redacted
    first. Idempotent: a second call replaces the handler it installed."""
    install_log_redaction()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_docflow", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler._docflow = True  # type: ignore[attr-defined]
    handler.setFormatter(
        JsonFormatter() if log_format == "json" else _ContextTextFormatter(TEXT_FORMAT)
    )
    root.addHandler(handler)
    root.setLevel(level)
    # uvicorn's loggers have their own handlers (text): send their lines through ours instead.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
