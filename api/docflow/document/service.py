from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.db import after_rollback
from docflow.document.files import EXTENSIONS
from docflow.document.preview import preview_url
from docflow.document.repository import SORTS, DocumentRepository, Keyset, PageRow
from docflow.document.schemas import (
    DocumentList,
    DocumentListItem,
    DocumentOrder,
    DocumentPreviewRead,
    DocumentQuery,
    DocumentRead,
    DocumentSummary,
    ExtractionRead,
    UploadAccepted,
    UploadDocumentRead,
    UploadError,
    UploadItem,
    UploadJobRead,
    UploadRejected,
    UploadResult,
)
from docflow.document.upload import ReceivedFile
from docflow.errors import DocflowError, NotFound, ValidationFailed
from docflow.idempotency.service import key_reused
from docflow.job.repository import JobRepository
from docflow.job.schemas import JobRead
from docflow.job.service import JobService
from docflow.models import Document, DocumentPreview, DocumentStatus, Job
from docflow.schemas import no_nul
from docflow.storage import Storage


@dataclass(frozen=True)
class StoredFile:
    document: Document
    handle: BinaryIO


@dataclass(frozen=True)
class StoredPreview:
    preview: DocumentPreview
    data: bytes


class DocumentService:
    def __init__(self, session: Session, storage: Storage) -> None:
        self.session = session
        self.storage = storage
        self.repo = DocumentRepository(session)

    def register_uploads(
        self, principal: Principal, files: list[ReceivedFile], idempotency_key: str | None
    ) -> UploadResult:
        """Record each accepted file as a document with a queued job, in the request transaction.

        Raises the first file's error (with every file's error in details) when none is accepted.
        """
        principal.require("write")
        if not any(f.accepted for f in files):
            first = files[0].error
            assert first is not None
            raise type(first)(
                first.message if len(files) == 1 else f"No file was accepted: {first.message}",
                details={"items": [_rejected(f).model_dump(exclude_none=True) for f in files]},
            )
        items: list[UploadItem] = []
        for received in files:
            if not received.accepted:
                items.append(_rejected(received))
                continue
            items.append(self._register_one(principal, received, idempotency_key))
        return UploadResult(items=items)

    def _register_one(
        self, principal: Principal, received: ReceivedFile, idempotency_key: str | None
    ) -> UploadAccepted:
        staged = received.staged
        assert staged is not None
        assert received.mime_type is not None
        sha256 = staged.sha256.hexdigest()
        if idempotency_key is not None:
            earlier = self._uploaded_under_key(principal, idempotency_key, received, sha256)
            if earlier is not None:
                return earlier
        original_id = self.repo.first_with_sha256(principal.workspace_id, sha256)
        document_id = uuid.uuid4()
        key = f"documents/{str(document_id)[:2]}/{document_id}{EXTENSIONS[received.mime_type]}"
        stored_path = self.storage.commit(staged, key)
        received.staged = None
        after_rollback(self.session, lambda: self.storage.delete(stored_path))
        document = self.repo.add(
            Document(
                id=document_id,
                workspace_id=principal.workspace_id,
                uploaded_by=principal.user_id,
                original_filename=received.filename,
                stored_file_path=stored_path,
                mime_type=received.mime_type,
                file_size=staged.size,
                sha256=sha256,
                current_status=DocumentStatus.queued,
                duplicate_of=original_id,
                idempotency_key=idempotency_key,
            )
        )
        job = JobService(self.session).create_for_document(document)
        return _accepted(received, document, job)

    def _uploaded_under_key(
        self, principal: Principal, key: str, received: ReceivedFile, sha256: str
    ) -> UploadAccepted | None:
        """The document this user already uploaded under `key`, once its idempotency record has
        expired (an offline queue can be older than the records are kept): the same file gets
        that document and its job back, and nothing is created; another file under the key is
        refused like any reused key. None when the key is new."""
        document = self.repo.by_idempotency_key(principal.user_id, key)
        if document is None:
            return None
        if document.sha256 != sha256 or document.original_filename != received.filename:
            raise key_reused()
        return _accepted(received, document, JobRepository(self.session).for_document(document.id))

    def get(self, principal: Principal, document_id: uuid.UUID) -> Document:
        document = self.repo.get(document_id, principal.workspace_id)
        if document is None:
            raise NotFound("Document not found.")
        return document

    def read(self, principal: Principal, document_id: uuid.UUID) -> DocumentRead:
        document = self.get(principal, document_id)
        job = JobRepository(self.session).for_document(document.id)
        extraction = self.repo.extraction(document.id)
        preview = self.repo.preview(document.id)
        return DocumentRead(
            **DocumentSummary.model_validate(document).model_dump(),
            job=JobRead.model_validate(job) if job else None,
            extraction=ExtractionRead.model_validate(extraction) if extraction else None,
            preview=_preview_read(preview) if preview else None,
        )

    def list(self, principal: Principal, query: DocumentQuery) -> DocumentList:
        """A page of the workspace's documents, the cursor of the next one, and per-status counts
        under the same filters (status excepted)."""
        principal.require("read")
        after = decode_cursor(query.cursor, query.order) if query.cursor else None
        counts = self.repo.counts_by_status(principal.workspace_id, query.filters)
        rows = self.repo.page(
            principal.workspace_id,
            query.filters,
            query.order,
            after,
            query.limit + 1,
            counts=counts,
        )
        more = len(rows) > query.limit
        rows = rows[: query.limit]
        next_cursor = encode_cursor(query.order, rows[-1]) if more and rows else None
        return DocumentList(
            items=[list_item(row.document, row.job) for row in rows],
            next_cursor=next_cursor,
            counts=counts.counts,
            counts_capped=counts.capped,
        )

    def open_file(self, principal: Principal, document_id: uuid.UUID) -> StoredFile:
        document = self.get(principal, document_id)
        try:
            handle = self.storage.open(document.stored_file_path)
        except FileNotFoundError as exc:
            raise NotFound("The stored file is missing.") from exc
        return StoredFile(document=document, handle=handle)

    def open_preview(self, principal: Principal, document_id: uuid.UUID) -> StoredPreview:
        """The first-page image of a document of the caller's workspace; NotFound when it has
        none (not a PDF, not parsed yet, the render failed) or its stored file is gone."""
        principal.require("read")
        document = self.get(principal, document_id)
        preview = self.repo.preview(document.id)
        if preview is None:
            raise NotFound("The document has no preview.")
        try:
            with self.storage.open(preview.storage_key) as handle:
                data = handle.read()
        except FileNotFoundError as exc:
            raise NotFound("The stored preview is missing.") from exc
        return StoredPreview(preview=preview, data=data)


def _preview_read(preview: DocumentPreview) -> DocumentPreviewRead:
    return DocumentPreviewRead(
        url=preview_url(preview.document_id),
        width=preview.width,
        height=preview.height,
        media_type=preview.media_type,
    )


def list_item(document: Document, job: Job | None) -> DocumentListItem:
    return DocumentListItem(
        **DocumentSummary.model_validate(document).model_dump(),
        vendor_name=document.vendor_name,
        invoice_number=document.invoice_number,
        invoice_date=document.invoice_date,
        total_amount=document.total_amount,
        currency=document.currency,
        is_finalized=document.current_status == DocumentStatus.finalized,
        job=JobRead.model_validate(job) if job else None,
    )


# The list cursor: opaque to clients (base64url JSON), naming the sort it belongs to and the sort
# values and id of the last row of the previous page.
def encode_cursor(order: DocumentOrder, row: PageRow) -> str:
    values = [_cursor_value(v) for v in row.sort_values]
    missing = SORTS[order.key].nullable and row.sort_values[0] is None
    payload = {"s": order.param, "v": values, "id": str(row.document.id), "m": missing}
    raw = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, order: DocumentOrder) -> Keyset:
    def invalid(message: str) -> ValidationFailed:
        return ValidationFailed(
            f"Invalid cursor: {message}",
            details=[{"field": "query.cursor", "message": message}],
        )

    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
        sort, values, missing = payload["s"], payload["v"], bool(payload["m"])
        document_id = uuid.UUID(payload["id"])
    except (ValueError, KeyError, TypeError) as exc:
        raise invalid("not a cursor this API issued") from exc
    if sort != order.param:
        raise invalid(f"it belongs to sort={sort}; request the first page for sort={order.param}")
    kinds = _CURSOR_KINDS[order.key]
    if not isinstance(values, list) or len(values) != len(kinds):
        raise invalid("not a cursor this API issued")
    try:
        parsed = tuple(
            None if value is None else kind(value)
            for kind, value in zip(kinds, values, strict=True)
        )
    except (ValueError, TypeError, ArithmeticError) as exc:
        raise invalid("not a cursor this API issued") from exc
    if (parsed[0] is None) != missing or (not missing and None in parsed):
        raise invalid("not a cursor this API issued")
    return Keyset(values=parsed, id=document_id, missing=missing)


def _cursor_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("string expected")
    return no_nul(value)


def _decimal(value: Any) -> Decimal:
    number = Decimal(_str(value))
    if not number.is_finite() or abs(number.adjusted()) > 1000:  # PostgreSQL numeric's range
        raise ValueError("not a total this API issued")
    return number


def _datetime(value: Any) -> datetime:
    parsed = datetime.fromisoformat(_str(value))
    if parsed.tzinfo is None:
        raise ValueError("timezone expected")
    return parsed


_CURSOR_KINDS: dict[str, tuple[Callable[[Any], Any], ...]] = {
    "uploaded_at": (_datetime,),
    "filename": (_str,),
    "status": (_str, _datetime),
    "vendor": (_str,),
    "total": (_decimal,),
    "invoice_date": (lambda v: date.fromisoformat(_str(v)),),
}


def _accepted(received: ReceivedFile, document: Document, job: Job | None) -> UploadAccepted:
    assert job is not None, "every document has a job"
    return UploadAccepted(
        filename=received.filename,
        status="accepted",
        document=UploadDocumentRead.model_validate(document),
        job=UploadJobRead.model_validate(job),
        duplicate_of=document.duplicate_of,
    )


def _rejected(received: ReceivedFile) -> UploadRejected:
    error: DocflowError | None = received.error
    assert error is not None
    return UploadRejected(
        filename=received.filename,
        status="rejected",
        error=UploadError(code=error.code, message=error.message),
    )


def upload_fingerprint(files: list[ReceivedFile]) -> list[Any]:
    return [
        [
            f.filename,
            f.staged.sha256.hexdigest() if f.staged else None,
            f.error.code if f.error else None,
        ]
        for f in files
    ]
