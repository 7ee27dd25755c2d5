"""Exports of finalized documents: from the frozen `finalized_records` only, so an export never
reflects a state that is not final, and the same record always renders the same bytes."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.db import new_session
from docflow.document.repository import DocumentRepository
from docflow.document.schemas import DocumentFilters, DocumentOrder
from docflow.errors import InvalidState, NotFound
from docflow.export.formats import (
    MEDIA_TYPES,
    content_disposition,
    export_filename,
    render_many,
    render_one,
)
from docflow.export.repository import ExportRepository

ExportFormat = Literal["json", "csv"]
BulkFormat = Literal["json", "csv", "ndjson"]


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    media_type: str
    content_disposition: str

    @property
    def etag(self) -> str:
        return f'"{hashlib.sha256(self.content).hexdigest()}"'


@dataclass(frozen=True)
class BulkExport:
    chunks: Iterator[bytes]
    media_type: str
    content_disposition: str


class ExportService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.repo = ExportRepository(session)

    def document(
        self, principal: Principal, document_id: uuid.UUID, fmt: ExportFormat
    ) -> ExportFile:
        principal.require("export")
        document = DocumentRepository(self.session).get(document_id, principal.workspace_id)
        if document is None:
            raise NotFound("Document not found.")
        record = self.repo.record(document.id, principal.workspace_id)
        if record is None:
            raise InvalidState(
                f"The document is {document.current_status}; only a finalized document can be "
                "exported.",
                details={"status": document.current_status},
            )
        return ExportFile(
            content=render_one(record.record, fmt),
            media_type=MEDIA_TYPES[fmt],
            content_disposition=content_disposition(
                export_filename(str(record.record["document"]["filename"]), fmt)
            ),
        )

    def bulk(
        self,
        principal: Principal,
        filters: DocumentFilters,
        order: DocumentOrder,
        fmt: BulkFormat,
    ) -> BulkExport:
        """Every finalized document matching the list filters, streamed. Authorised now; the rows
        are read when the response body is, in one read-only REPEATABLE READ transaction (one
        consistent snapshot, however long the download takes) of a session of its own."""
        principal.require("export")
        workspace_id = principal.workspace_id

        def chunks() -> Iterator[bytes]:
            session = new_session()
            try:
                session.connection(
                    execution_options={
                        "isolation_level": "REPEATABLE READ",
                        "postgresql_readonly": True,
                    }
                )
                records = ExportRepository(session).stream_records(workspace_id, filters, order)
                yield from render_many(records, fmt)
            finally:
                session.rollback()
                session.close()

        return BulkExport(
            chunks=chunks(),
            media_type=MEDIA_TYPES[fmt],
            content_disposition=content_disposition(f"docflow-export.{fmt}"),
        )
