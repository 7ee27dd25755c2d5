from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from docflow.document.repository import SORTS, DocumentRepository
from docflow.document.schemas import DocumentFilters, DocumentOrder
from docflow.models import Document, DocumentStatus, FinalizedRecord


class ExportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, document_id: uuid.UUID, workspace_id: uuid.UUID) -> FinalizedRecord | None:
        return self.session.scalar(
            select(FinalizedRecord).where(
                FinalizedRecord.document_id == document_id,
                FinalizedRecord.workspace_id == workspace_id,
            )
        )

    def stream_records(
        self,
        workspace_id: uuid.UUID,
        filters: DocumentFilters,
        order: DocumentOrder,
        batch: int = 500,
    ) -> Iterator[dict[str, Any]]:
        """Finalized records matching the list filters, in list order, read through a server-side
        cursor `batch` rows at a time: memory stays flat however many there are."""
        columns = [*SORTS[order.key].columns(), Document.id]
        ordering = [(c.desc() if order.descending else c.asc()).nulls_last() for c in columns]
        query = (
            select(FinalizedRecord.record)
            .join(Document, Document.id == FinalizedRecord.document_id)
            .where(
                *DocumentRepository(self.session).conditions(workspace_id, filters),
                Document.current_status == DocumentStatus.finalized.value,
                FinalizedRecord.workspace_id == workspace_id,
            )
            .order_by(*ordering)
            .execution_options(yield_per=batch)
        )
        for partition in self.session.execute(query).partitions():
            for row in partition:
                yield row[0]
