from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header
from fastapi.responses import JSONResponse

from docflow.deps import CurrentPrincipal, SessionDep
from docflow.document.schemas import DocumentRead
from docflow.idempotency.endpoint import run_idempotent
from docflow.review.schemas import FieldChangeList, ReviewUpdate
from docflow.review.service import Reviewed, ReviewService

router = APIRouter(tags=["review"])

_VERSIONED: dict[int | str, dict[str, Any]] = {
    200: {
        "headers": {
            "ETag": {"description": "The new version, quoted", "schema": {"type": "string"}}
        }
    },
    409: {"description": "Not completed, or already finalized (`invalid_state`)"},
    412: {"description": "If-Match is stale (`version_conflict`); details.current = server copy"},
}


def _answer(outcome: Reviewed) -> tuple[DocumentRead, dict[str, str]]:
    return outcome.document, {"ETag": outcome.etag}


@router.put(
    "/documents/{document_id}/review",
    operation_id="documents-review",
    response_model=DocumentRead,
    responses={**_VERSIONED, 428: {"description": "If-Match missing"}},
)
def review_document(
    document_id: uuid.UUID,
    body: ReviewUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    if_match: Annotated[str | None, Header()] = None,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    # The Idempotency-Key is looked at first: a replayed edit whose answer was lost gets that
    # answer (and its ETag) back, although its If-Match is stale by now.
    return run_idempotent(
        session,
        principal,
        idempotency_key,
        f"PUT /api/documents/{document_id}/review",
        {"fields": body.fields, "if_match": if_match},
        lambda: _answer(
            ReviewService(session).review(principal, document_id, body.fields, if_match)
        ),
    )


@router.post(
    "/documents/{document_id}/finalize",
    operation_id="documents-finalize",
    response_model=DocumentRead,
    responses=_VERSIONED,
)
def finalize_document(
    document_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    if_match: Annotated[
        str | None, Header(description="Optional: finalize only this version")
    ] = None,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    return run_idempotent(
        session,
        principal,
        idempotency_key,
        f"POST /api/documents/{document_id}/finalize",
        {"if_match": if_match},
        lambda: _answer(ReviewService(session).finalize(principal, document_id, if_match)),
    )


@router.get("/documents/{document_id}/history", operation_id="documents-history")
def document_history(
    document_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> FieldChangeList:
    return ReviewService(session).history(principal, document_id)
