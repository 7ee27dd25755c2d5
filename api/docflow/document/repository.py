from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from docflow.models import Document, ExtractionResult, Job


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, document: Document) -> Document:
        self.session.add(document)
        self.session.flush()
        return document

    def get(self, document_id: uuid.UUID, workspace_id: uuid.UUID) -> Document | None:
        return self.session.scalar(
            select(Document).where(Document.id == document_id, Document.workspace_id == workspace_id)
        )

    def get_any(self, document_id: uuid.UUID) -> Document | None:
        return self.session.get(Document, document_id)

    def first_with_sha256(self, workspace_id: uuid.UUID, sha256: str) -> Document | None:
        return self.session.scalar(
            select(Document)
            .where(Document.workspace_id == workspace_id, Document.sha256 == sha256)
            .order_by(Document.uploaded_at, Document.id)
            .limit(1)
        )

    def extraction(self, document_id: uuid.UUID) -> ExtractionResult | None:
        return self.session.scalar(
            select(ExtractionResult).where(ExtractionResult.document_id == document_id)
        )

    def page(
        self, workspace_id: uuid.UUID, limit: int
    ) -> list[tuple[Document, Job | None]]:
        rows = self.session.execute(
            select(Document, Job)
            .outerjoin(Job, Job.document_id == Document.id)
            .where(Document.workspace_id == workspace_id)
            .order_by(Document.uploaded_at.desc(), Document.id.desc())
            .limit(limit)
        ).all()
        return [(row[0], row[1]) for row in rows]

    def counts_by_status(self, workspace_id: uuid.UUID) -> dict[str, int]:
        rows = self.session.execute(
            select(Document.current_status, func.count())
            .where(Document.workspace_id == workspace_id)
            .group_by(Document.current_status)
        ).all()
        return {status: count for status, count in rows}

    def save_extraction(self, result: ExtractionResult) -> ExtractionResult:
        """One result row per document; a later attempt replaces an unfinalized one."""
        existing = self.extraction(result.document_id)
        if existing is None:
            self.session.add(result)
            self.session.flush()
            return result
        if existing.is_finalized:
            return existing
        for column in (
            "job_attempt",
            "raw_text",
            "document_type",
            "page_count",
            "parse_method",
            "structured_output_json",
        ):
            setattr(existing, column, getattr(result, column))
        existing.reviewed_output_json = None
        existing.version = existing.version + 1
        existing.updated_at = func.now()
        self.session.flush()
        return existing
