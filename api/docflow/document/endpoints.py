from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from docflow.auth.principal import Principal
from docflow.config import Settings
from docflow.deps import CurrentPrincipal, DetachedPrincipal, SessionDep, SettingsDep
from docflow.document.files import display_filename
from docflow.document.params import DocumentQueryDep
from docflow.document.schemas import DocumentList, DocumentRead, UploadResult
from docflow.document.service import DocumentService, upload_fingerprint
from docflow.document.upload import ReceivedFile, receive_files
from docflow.errors import DocflowError, ValidationFailed
from docflow.idempotency.service import Claim, IdempotencyService, fingerprint_of
from docflow.lifecycle.service import LifecycleService
from docflow.observability.metrics import UPLOAD_BYTES, UPLOAD_REJECTIONS
from docflow.openapi import AUTHENTICATED, BODY_LIMITS, error_responses
from docflow.request_limits import allow_body, upload_slots
from docflow.storage import get_storage

router = APIRouter(tags=["documents"])

UPLOAD_SCOPE = "POST /api/documents/upload"
_MULTIPART_OVERHEAD = 64 * 1024

_ALL_REJECTED = (
    "; when every file is rejected, the first file's reason with details.items listing each "
    "file's {filename, status, error}"
)
_UPLOAD_ERRORS = error_responses(
    *AUTHENTICATED,
    *BODY_LIMITS,
    409,
    415,
    422,
    429,
    507,
    notes={
        409: "A request with this Idempotency-Key is still being processed (`conflict`)",
        413: "Too large for the per-file limit, or too many files (`payload_too_large`)"
        + _ALL_REJECTED,
        415: "Unsupported file type (`unsupported_media_type`), also an XML that is not a UBL 2.1 "
        "or UN/CEFACT CII e-invoice" + _ALL_REJECTED,
        422: "Not a multipart body with files, an empty file (`empty_file`), an XML declaring a "
        "DTD (`unsafe_xml`), or the "
        "Idempotency-Key reused for another file (`idempotency_key_reused`)" + _ALL_REJECTED,
        429: "The user already has `DOCFLOW_MAX_CONCURRENT_UPLOADS_PER_USER` uploads running "
        "(`too_many_uploads`): send it again after Retry-After seconds",
    },
)
_ETAG = {"ETag": {"description": "The extraction's version, quoted", "schema": {"type": "string"}}}


@router.post(
    "/documents/upload",
    status_code=202,
    response_model=UploadResult,
    operation_id="documents-upload",
    responses={
        202: {"description": "Each file accepted (document and queued job) or rejected"},
        **_UPLOAD_ERRORS,
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["files"],
                        "properties": {
                            "files": {
                                "type": "array",
                                "items": {"type": "string", "format": "binary"},
                            }
                        },
                    }
                }
            },
        }
    },
)
async def upload_documents(
    request: Request,
    principal: DetachedPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    principal.require("write")
    # The whole body (every file, form field and boundary) is bounded; a Content-Length that
    # cannot fit is refused before a byte is read.
    per_file = settings.max_upload_bytes + _MULTIPART_OVERHEAD
    try:
        allow_body(
            request,
            per_file if idempotency_key else per_file * settings.max_files_per_request,
            f"The upload is larger than the {settings.max_upload_mb} MB per-file limit."
            if idempotency_key
            else f"The upload is larger than {settings.max_files_per_request} files of "
            f"{settings.max_upload_mb} MB.",
        )
        with upload_slots.hold(principal.user_id, settings.max_concurrent_uploads_per_user):
            return await _receive_and_register(
                request, principal, session, settings, idempotency_key
            )
    except DocflowError as refused:
        _count_refusal(refused)
        raise


def _count_refusal(refused: DocflowError) -> None:
    """One count per refused request (by error code) unless its files were counted one by one."""
    if not getattr(refused, "_upload_counted", False):
        UPLOAD_REJECTIONS.labels(refused.code).inc()
        refused._upload_counted = True  # type: ignore[attr-defined]


async def _receive_and_register(
    request: Request,
    principal: Principal,
    session: Session,
    settings: Settings,
    idempotency_key: str | None,
) -> JSONResponse:
    """The body is staged before the request's session first touches the database: a client
    that sends slowly holds no connection meanwhile."""
    idempotency = IdempotencyService()
    claim: Claim | None = None
    stored = None
    if idempotency_key is not None:
        outcome = await run_in_threadpool(
            idempotency.claim, principal.user_id, idempotency_key, UPLOAD_SCOPE
        )
        if isinstance(outcome, Claim):
            claim = outcome
        else:
            stored = outcome
    storage = get_storage()
    files: list[ReceivedFile] = []
    try:
        files = await receive_files(
            request.headers.get("content-type"),
            request.stream(),
            storage,
            max_bytes=settings.max_upload_bytes,
            max_files=settings.max_files_per_request,
        )
        if idempotency_key is not None and len(files) != 1:
            raise ValidationFailed(
                "An Idempotency-Key covers exactly one file: send one file per request.",
                details=[
                    {"field": "body.files", "message": "exactly one file with Idempotency-Key"}
                ],
            )
        for received in files:
            if received.error is not None:
                UPLOAD_REJECTIONS.labels(received.error.code).inc()
        accepted_bytes = sum(f.staged.size for f in files if f.accepted and f.staged is not None)
        fingerprint = fingerprint_of(upload_fingerprint(files))
        if stored is not None:
            answer = IdempotencyService.check_replay(stored[0], fingerprint, stored[1])
            return JSONResponse(answer.body, status_code=answer.status_code, headers=answer.headers)
        result = await run_in_threadpool(
            DocumentService(session, storage).register_uploads,
            principal,
            files,
            claim.key if claim else None,
        )
        body = result.model_dump(mode="json", exclude_none=True)
        if claim is not None:
            await run_in_threadpool(
                idempotency.complete,
                session,
                claim,
                fingerprint=fingerprint,
                status_code=202,
                body=body,
            )
        UPLOAD_BYTES.inc(accepted_bytes)
        return JSONResponse(body, status_code=202)
    except BaseException as failed:
        if isinstance(failed, DocflowError) and any(f.error is not None for f in files):
            failed._upload_counted = True  # type: ignore[attr-defined]  # counted per file
        if claim is not None:
            await run_in_threadpool(idempotency.release, claim)
        raise
    finally:
        for received in files:
            if received.staged is not None:
                storage.discard(received.staged)


@router.get(
    "/documents", operation_id="documents-list", responses=error_responses(*AUTHENTICATED, 422)
)
def list_documents(
    principal: CurrentPrincipal, session: SessionDep, query: DocumentQueryDep
) -> DocumentList:
    return DocumentService(session, get_storage()).list(principal, query)


@router.get(
    "/documents/{document_id}",
    operation_id="documents-get",
    response_model=DocumentRead,
    responses={200: {"headers": _ETAG}, **error_responses(*AUTHENTICATED, 404, 422)},
)
def get_document(
    document_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> JSONResponse:
    document = DocumentService(session, get_storage()).read(principal, document_id)
    version = document.extraction.version if document.extraction else 0
    return JSONResponse(document.model_dump(mode="json"), headers={"ETag": f'"{version}"'})


@router.get(
    "/documents/{document_id}/file",
    operation_id="documents-download_file",
    response_class=StreamingResponse,
    responses={
        200: {"description": "The original file, as an attachment, in its own media type"},
        **error_responses(*AUTHENTICATED, 404, 422),
    },
)
def download_file(
    document_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> StreamingResponse:
    stored = DocumentService(session, get_storage()).open_file(principal, document_id)
    document = stored.document

    def chunks() -> Iterator[bytes]:
        with stored.handle as handle:
            while chunk := handle.read(64 * 1024):
                yield chunk

    name = display_filename(document.original_filename, document.mime_type)
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "_")
    return StreamingResponse(
        chunks(),
        media_type=document.mime_type,
        headers={
            "Content-Disposition": (
                f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
            ),
            "Content-Length": str(document.file_size),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "ETag": f'"{document.sha256}"',
            "Cache-Control": "private, max-age=0",
        },
    )


# A document's preview is made once (a re-run of its job renders the same page again): a week's
# reuse without asking, then a revalidation by ETag.
PREVIEW_CACHE_CONTROL = "private, max-age=604800"


@router.get(
    "/documents/{document_id}/preview",
    operation_id="documents-get_preview",
    response_class=Response,
    responses={
        200: {
            "description": "An image of the document's first page (WebP, or PNG), the size "
            "`preview` in the document states",
            "content": {
                "image/webp": {"schema": {"type": "string", "format": "binary"}},
                "image/png": {"schema": {"type": "string", "format": "binary"}},
            },
            "headers": {
                "ETag": {"description": "The image's SHA-256, quoted", "schema": {"type": "string"}}
            },
        },
        304: {"description": "`If-None-Match` names the current image"},
        **error_responses(
            *AUTHENTICATED,
            404,
            422,
            notes={
                404: "Not found in the caller's workspace (`not_found`), or the document has no "
                "preview (not a PDF, not parsed yet, the page could not be rendered): its "
                "`preview` is null"
            },
        ),
    },
)
def get_preview(
    document_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    stored = DocumentService(session, get_storage()).open_preview(principal, document_id)
    etag = f'"{stored.preview.sha256}"'
    headers = {
        "ETag": etag,
        "Cache-Control": PREVIEW_CACHE_CONTROL,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
    }
    if if_none_match is not None and {etag, "*"} & {
        tag.strip().removeprefix("W/") for tag in if_none_match.split(",")
    }:
        return Response(status_code=304, headers=headers)
    return Response(stored.data, media_type=stored.preview.media_type, headers=headers)


@router.delete(
    "/documents/{document_id}",
    status_code=204,
    operation_id="documents-delete",
    response_class=Response,
    responses={
        204: {"description": "Deleted: its file, job, events and results are gone"},
        **error_responses(
            *AUTHENTICATED,
            404,
            409,
            422,
            notes={
                403: "Viewers may not delete (`forbidden`), or a cookie request failed the "
                "Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check",
                404: "Not found in the caller's workspace, or already deleted (`not_found`)",
                409: "The document is finalized and the caller is not an admin (`invalid_state`)",
            },
        ),
    },
)
def delete_document(
    document_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    LifecycleService(session, get_storage()).delete(principal, document_id)
    return Response(status_code=204)
