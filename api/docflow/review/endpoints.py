from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import JSONResponse

from docflow.deps import CurrentPrincipal, SessionDep
from docflow.document.schemas import DocumentRead
from docflow.idempotency.endpoint import run_idempotent
from docflow.openapi import AUTHENTICATED, BODY_LIMITS, Responses, error_responses
from docflow.review.schemas import FieldChangeList, ReviewUpdate, VersionConflictEnvelope
from docflow.review.service import Reviewed, ReviewService

# The review screen's operations: grouped (and their operation ids named) with the documents.
router = APIRouter(tags=["documents"])

_ETAG = {"ETag": {"description": "The version, quoted", "schema": {"type": "string"}}}
_VERSIONED: Responses = {
    200: {"description": "The document as GET /documents/{id} shows it now", "headers": _ETAG},
    **error_responses(
        *AUTHENTICATED,
        404,
        409,
        422,
        notes={
            409: "Not completed, or already finalized (`invalid_state`); or a request with "
            "this Idempotency-Key is still being processed (`conflict`)",
            422: "A field is invalid (`validation_error`: details list the fields), or the "
            "Idempotency-Key was used for another request (`idempotency_key_reused`)",
        },
    ),
    412: {
        "model": VersionConflictEnvelope,
        "description": "If-Match is stale (`version_conflict`): details.current is the server's "
        "copy, the ETag header its version",
        "headers": _ETAG,
    },
}


def _answer(outcome: Reviewed) -> tuple[DocumentRead, dict[str, str]]:
    return outcome.document, {"ETag": outcome.etag}


@router.put(
    "/documents/{document_id}/review",
    operation_id="documents-review",
    response_model=DocumentRead,
    responses={**_VERSIONED, **error_responses(*BODY_LIMITS, 428)},
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


@router.get(
    "/documents/{document_id}/history",
    operation_id="documents-history",
    responses=error_responses(*AUTHENTICATED, 404, 422),
)
def document_history(
    document_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> FieldChangeList:
    return ReviewService(session).history(principal, document_id)
