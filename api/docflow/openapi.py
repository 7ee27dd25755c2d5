"""What the OpenAPI document says beyond the success answers: the error statuses each operation
may answer, all with the error envelope, so a generated client types its errors too."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI

from docflow.schemas import ErrorEnvelope

Responses = dict[int | str, dict[str, Any]]

_DESCRIPTIONS = {
    401: "No valid credentials (`unauthorized`): sign in or send a Bearer token",
    403: "The role may not do this (`forbidden`), or a cookie request failed the Origin "
    "(`origin_not_allowed`) or CSRF (`csrf_failed`) check",
    404: "Not found in the caller's workspace (`not_found`)",
    409: "Not allowed in the current state (`invalid_state`)",
    412: "The If-Match version is stale (`version_conflict`)",
    408: "The request body came too slowly (`request_timeout`): send it again",
    413: "Too large (`payload_too_large`)",
    415: "Unsupported file type (`unsupported_media_type`)",
    422: "The request is invalid (`validation_error`: details list the fields)",
    428: "If-Match is missing (`precondition_required`)",
    429: "Too many attempts (`rate_limited`): wait for Retry-After seconds",
    503: "A dependency is unavailable right now (`service_unavailable`): retry after Retry-After",
    507: "No room to store the file right now (`insufficient_storage`): keep it and retry later",
}

# Any operation behind authentication: no credentials, a role or CSRF refusal, the database down.
AUTHENTICATED = (401, 403, 503)
# Any operation that reads a request body (docflow.request_limits): too slow, too large.
BODY_LIMITS = (408, 413)


def error_responses(*statuses: int, notes: Mapping[int, str] | None = None) -> Responses:
    """`responses=` entries for these error statuses, each answered with the error envelope;
    `notes` replaces the generic description where an operation says more."""
    notes = notes or {}
    return {
        status: {"model": ErrorEnvelope, "description": notes.get(status, _DESCRIPTIONS[status])}
        for status in sorted(set(statuses))
    }


def openapi_json(app: FastAPI) -> str:
    """The OpenAPI document as deterministic text (sorted keys): what the PWA's client is
    generated from."""
    return json.dumps(app.openapi(), indent=2, sort_keys=True)
