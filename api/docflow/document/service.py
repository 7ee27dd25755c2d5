from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.db import after_rollback
from docflow.document.files import EXTENSIONS
from docflow.document.repository import DocumentRepository
from docflow.document.schemas import (
    DocumentList,
    DocumentListItem,
    DocumentRead,
    DocumentSummary,
    ExtractionRead,
    UploadError,
    UploadItem,
    UploadResult,
)
from docflow.document.upload import ReceivedFile
from docflow.errors import DocflowError, NotFound
from docflow.job.repository import JobRepository
from docflow.job.schemas import JobRead
from docflow.job.service import JobService
from docflow.models import Document, DocumentStatus
from docflow.storage import Storage


@dataclass(frozen=True)
class StoredFile:
    document: Document
    handle: BinaryIO


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
    ) -> UploadItem:
        staged = received.staged
        assert staged is not None and received.mime_type is not None
        sha256 = staged.sha256.hexdigest()
        original = self.repo.first_with_sha256(principal.workspace_id, sha256)
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
                duplicate_of=original.id if original else None,
                idempotency_key=idempotency_key,
            )
        )
        job = JobService(self.session).create_for_document(document)
        return UploadItem(
            filename=received.filename,
            status="accepted",
            document=DocumentSummary.model_validate(document),
            job=JobRead.model_validate(job),
            duplicate_of=document.duplicate_of,
        )

    def get(self, principal: Principal, document_id: uuid.UUID) -> Document:
        document = self.repo.get(document_id, principal.workspace_id)
        if document is None:
            raise NotFound("Document not found.")
        return document

    def read(self, principal: Principal, document_id: uuid.UUID) -> DocumentRead:
        document = self.get(principal, document_id)
        job = JobRepository(self.session).for_document(document.id)
        extraction = self.repo.extraction(document.id)
        return DocumentRead(
            **DocumentSummary.model_validate(document).model_dump(),
            job=JobRead.model_validate(job) if job else None,
            extraction=ExtractionRead.model_validate(extraction) if extraction else None,
        )

    def list(self, principal: Principal, limit: int) -> DocumentList:
        rows = self.repo.page(principal.workspace_id, limit)
        return DocumentList(
            items=[
                DocumentListItem(
                    **DocumentSummary.model_validate(doc).model_dump(),
                    job=JobRead.model_validate(job) if job else None,
                )
                for doc, job in rows
            ],
            next_cursor=None,
            counts=self.repo.counts_by_status(principal.workspace_id),
        )

    def open_file(self, principal: Principal, document_id: uuid.UUID) -> StoredFile:
        document = self.get(principal, document_id)
        try:
            handle = self.storage.open(document.stored_file_path)
        except FileNotFoundError as exc:
            raise NotFound("The stored file is missing.") from exc
        return StoredFile(document=document, handle=handle)


def _rejected(received: ReceivedFile) -> UploadItem:
    error: DocflowError | None = received.error
    assert error is not None
    return UploadItem(
        filename=received.filename,
        status="rejected",
        error=UploadError(code=error.code, message=error.message),
    )


def upload_fingerprint(files: list[ReceivedFile]) -> list[Any]:
    return [
        [f.filename, f.staged.sha256.hexdigest() if f.staged else None, f.error.code if f.error else None]
        for f in files
    ]
