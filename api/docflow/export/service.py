"""Exports of finalized documents: from the frozen `finalized_records` only, so an export never
reflects a state that is not final, and the same record always renders the same bytes. Every
export that sends data leaves an audit row (who, what, which format), like the edits before it."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.auth.service import record_audit
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
    not_modified: bool = False  # the client's If-None-Match already names these bytes

    @property
    def etag(self) -> str:
        return etag_of(self.content)


def etag_of(content: bytes) -> str:
    return f'"{hashlib.sha256(content).hexdigest()}"'


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
        self,
        principal: Principal,
        document_id: uuid.UUID,
        fmt: ExportFormat,
        if_none_match: str | None = None,
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
        content = render_one(record.record, fmt)
        not_modified = if_none_match is not None and etag_of(content) in {
            tag.strip() for tag in if_none_match.split(",")
        }
        if not not_modified:
            record_audit(
                self.session,
                workspace_id=principal.workspace_id,
                actor_id=principal.user_id,
                action="document.exported",
                target_type="document",
                target_id=document.id,
                data={"format": fmt, "via": principal.via},
            )
        return ExportFile(
            content=content,
            media_type=MEDIA_TYPES[fmt],
            content_disposition=content_disposition(
                export_filename(str(record.record["document"]["filename"]), fmt)
            ),
            not_modified=not_modified,
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
        record_audit(
            self.session,
            workspace_id=workspace_id,
            actor_id=principal.user_id,
            action="documents.exported",
            target_type="workspace",
            target_id=workspace_id,
            data={
                "format": fmt,
                "via": principal.via,
                "sort": order.param,
                "filters": _filters_json(filters),
            },
        )

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


def _filters_json(filters: DocumentFilters) -> dict[str, object]:
    """The filters a bulk export was asked with, as the audit row keeps them."""
    return {
        name: value.isoformat()
        if isinstance(value, datetime)
        else list(value)
        if isinstance(value, tuple)
        else value
        for name, value in asdict(filters).items()
        if value not in (None, ())
    }
