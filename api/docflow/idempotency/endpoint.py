"""Running a JSON endpoint under an Idempotency-Key (the HTTP half of the idempotency service)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.idempotency.service import Claim, IdempotencyService, fingerprint_of


def run_idempotent(
    session: Session,
    principal: Principal,
    key: str | None,
    scope: str,
    request_parts: Any,
    action: Callable[[], tuple[BaseModel, dict[str, str]]],
    status_code: int = 200,
) -> JSONResponse:
    """Run `action` once per key: a replay returns the first answer, a different request with the
    same key is 422, the same key still in flight is 409. Without a key, just run it."""
    if key is None:
        model, headers = action()
        return JSONResponse(model.model_dump(mode="json"), status_code=status_code, headers=headers)
    service = IdempotencyService()
    fingerprint = fingerprint_of(scope, request_parts)
    outcome = service.claim(principal.user_id, key, scope)
    if not isinstance(outcome, Claim):
        answer = IdempotencyService.check_replay(outcome[0], fingerprint, outcome[1])
        return JSONResponse(answer.body, status_code=answer.status_code, headers=answer.headers)
    try:
        model, headers = action()
    except BaseException:
        service.release(outcome)
        raise
    body = model.model_dump(mode="json")
    service.complete(
        session,
        outcome,
        fingerprint=fingerprint,
        status_code=status_code,
        body=body,
        headers=headers,
    )
    return JSONResponse(body, status_code=status_code, headers=headers)
