from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from docflow.models import (
    Document,
    DocumentFieldChange,
    DocumentStatus,
    ExtractionResult,
    FinalizedRecord,
)


class ReviewRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def document(self, document_id: uuid.UUID, workspace_id: uuid.UUID) -> Document | None:
        return self.session.scalar(
            select(Document)
            .where(Document.id == document_id, Document.workspace_id == workspace_id)
            .execution_options(populate_existing=True)
        )

    def extraction(self, document_id: uuid.UUID, *, lock: bool = False) -> ExtractionResult | None:
        """The current row (never a stale copy from the session); `lock` holds it FOR UPDATE until
        the transaction ends, so racing finalizes and edits queue behind each other."""
        query = (
            select(ExtractionResult)
            .where(ExtractionResult.document_id == document_id)
            .execution_options(populate_existing=True)
        )
        if lock:
            query = query.with_for_update()
        return self.session.scalar(query)

    def apply_review(
        self, extraction: ExtractionResult, expected_version: int, reviewed: dict[str, Any]
    ) -> bool:
        """Conditional UPDATE: succeeds only on `expected_version` of an unfinalized row, so of two
        racing reviewers exactly one wins."""
        updated = self.session.scalar(
            update(ExtractionResult)
            .where(
                ExtractionResult.id == extraction.id,
                ExtractionResult.version == expected_version,
                ExtractionResult.is_finalized.is_(False),
            )
            .values(
                reviewed_output_json=reviewed,
                version=ExtractionResult.version + 1,
                updated_at=func.now(),
            )
            .returning(ExtractionResult.id)
            .execution_options(synchronize_session=False)
        )
        if updated is None:
            return False
        self.session.refresh(extraction)
        return True

    def mark_finalized(self, extraction: ExtractionResult) -> bool:
        """completed → finalized on a row the caller holds locked; the version moves on too, as
        the document's representation (and so its ETag) changes."""
        updated = self.session.scalar(
            update(ExtractionResult)
            .where(ExtractionResult.id == extraction.id, ExtractionResult.is_finalized.is_(False))
            .values(
                is_finalized=True,
                finalized_at=func.now(),
                version=ExtractionResult.version + 1,
                updated_at=func.now(),
            )
            .returning(ExtractionResult.id)
            .execution_options(synchronize_session=False)
        )
        if updated is None:
            return False
        self.session.refresh(extraction)
        return True

    def mark_document_finalized(self, document: Document) -> bool:
        updated = self.session.scalar(
            update(Document)
            .where(
                Document.id == document.id,
                Document.current_status == DocumentStatus.completed.value,
            )
            .values(current_status=DocumentStatus.finalized.value)
            .returning(Document.id)
            .execution_options(synchronize_session=False)
        )
        if updated is None:
            return False
        self.session.refresh(document)
        return True

    def add_finalized_record(self, record: FinalizedRecord) -> None:
        self.session.add(record)
        self.session.flush()

    def add_changes(self, changes: list[DocumentFieldChange]) -> None:
        self.session.add_all(changes)
        self.session.flush()

    def history(self, document_id: uuid.UUID) -> list[DocumentFieldChange]:
        return list(
            self.session.scalars(
                select(DocumentFieldChange)
                .where(DocumentFieldChange.document_id == document_id)
                .order_by(DocumentFieldChange.id)
            )
        )
