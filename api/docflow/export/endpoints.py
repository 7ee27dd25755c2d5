from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query
from fastapi.responses import Response, StreamingResponse

from docflow.deps import CurrentPrincipal, SessionDep
from docflow.document.params import DocumentFiltersDep, DocumentOrderDep
from docflow.export.schemas import ExportRecordRead
from docflow.export.service import ExportService
from docflow.openapi import AUTHENTICATED, Responses, error_responses

# Tags per route: a document's export belongs with the documents' operations.
router = APIRouter()

_HEADERS = {
    "ETag": {
        "description": "Of these bytes (send it as If-None-Match)",
        "schema": {"type": "string"},
    },
    "Content-Disposition": {"description": "attachment; filename=…", "schema": {"type": "string"}},
}
_ERRORS: Responses = {
    304: {"description": "Not modified: If-None-Match names these bytes", "headers": _HEADERS},
    **error_responses(
        *AUTHENTICATED,
        404,
        409,
        422,
        notes={409: "The document is not finalized (`invalid_state`)"},
    ),
}


def _export(
    document_id: uuid.UUID,
    fmt: Literal["json", "csv"],
    principal: CurrentPrincipal,
    session: SessionDep,
    if_none_match: str | None,
) -> Response:
    export = ExportService(session).document(principal, document_id, fmt, if_none_match)
    headers = {
        "ETag": export.etag,
        "Content-Disposition": export.content_disposition,
        "Cache-Control": "private, no-cache",
    }
    if export.not_modified:
        return Response(status_code=304, headers=headers)
    return Response(export.content, media_type=export.media_type, headers=headers)


@router.get(
    "/documents/{document_id}/export/json",
    operation_id="documents-export_json",
    tags=["documents"],
    response_class=Response,
    responses={
        200: {
            "description": "The finalized record, a download (deterministic bytes)",
            "model": ExportRecordRead,  # application/json
            "headers": _HEADERS,
        },
        **_ERRORS,
    },
)
def export_json(
    document_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    return _export(document_id, "json", principal, session, if_none_match)


@router.get(
    "/documents/{document_id}/export/csv",
    operation_id="documents-export_csv",
    tags=["documents"],
    response_class=Response,
    responses={
        200: {
            "description": "The finalized record as a header row and one row, a download",
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "headers": _HEADERS,
        },
        **_ERRORS,
    },
)
def export_csv(
    document_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    return _export(document_id, "csv", principal, session, if_none_match)


@router.get(
    "/exports",
    operation_id="exports-bulk",
    tags=["exports"],
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "Every matching finalized record, streamed as a download",
            "content": {"text/csv": {}, "application/json": {}, "application/x-ndjson": {}},
        },
        **error_responses(*AUTHENTICATED, 422),
    },
)
def bulk_export(
    principal: CurrentPrincipal,
    session: SessionDep,
    filters: DocumentFiltersDep,
    order: DocumentOrderDep,
    format: Annotated[Literal["csv", "json", "ndjson"], Query()] = "csv",
) -> StreamingResponse:
    """Every finalized document matching the list's filters (`q`, `status`, `finalized`,
    `uploaded_from`, `uploaded_to`) in the list's `sort`, streamed."""
    export = ExportService(session).bulk(principal, filters, order, format)
    return StreamingResponse(
        export.chunks,
        media_type=export.media_type,
        headers={
            "Content-Disposition": export.content_disposition,
            "Cache-Control": "private, no-store",
        },
    )
