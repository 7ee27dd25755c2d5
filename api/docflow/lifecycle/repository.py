"""Queries of the document lifecycle: deleting a document with everything that hangs on it,
finding documents past their retention, and the rows the storage drift check compares."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, func, select, text, true, union_all, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from docflow.document.repository import DocumentRepository
from docflow.models import (
    Document,
    DocumentFieldChange,
    DocumentPreview,
    ExtractionResult,
    FinalizedRecord,
    Job,
    JobEvent,
    StorageOrphan,
)


class LifecycleRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def lock(self, document_id: uuid.UUID, workspace_id: uuid.UUID | None) -> Document | None:
        """Hold the document's job, result and document rows until the transaction ends, in the
        lock order every transition uses (job, result, document): a worker or a review racing the
        deletion either finishes first or finds the rows gone. The document's business-duplicate
        group is locked after the job and before any document row, as the store and the review
        take it: deleting a document rewrites the flags of the others in its group. The document
        as committed now."""
        self.session.execute(select(Job.id).where(Job.document_id == document_id).with_for_update())
        key = self.session.scalar(select(Document.duplicate_key).where(Document.id == document_id))
        if key:
            DocumentRepository(self.session).lock_duplicate_group(key)
        self.session.execute(
            select(ExtractionResult.id)
            .where(ExtractionResult.document_id == document_id)
            .with_for_update()
        )
        query = select(Document).where(Document.id == document_id).with_for_update()
        if workspace_id is not None:
            query = query.where(Document.workspace_id == workspace_id)
        return self.session.scalar(query.execution_options(populate_existing=True))

    def allow_purging_finalized(self) -> None:
        """Let this transaction delete finalized rows (the database refuses it otherwise)."""
        self.session.execute(text("SELECT set_config('docflow.purging', 'on', true)"))

    def delete_document(self, document_id: uuid.UUID) -> None:
        """The document and everything that hangs on it: review history, frozen record, result,
        preview, events and job. Documents that named it as their original forget it."""
        for model in (
            DocumentFieldChange,
            FinalizedRecord,
            ExtractionResult,
            DocumentPreview,
            JobEvent,
            Job,
        ):
            self.session.execute(
                delete(model)
                .where(model.document_id == document_id)
                .execution_options(synchronize_session=False)
            )
        for column in (Document.duplicate_of, Document.possible_duplicate_of):
            self.session.execute(
                update(Document)
                .where(column == document_id)
                .values({column.key: None})
                .execution_options(synchronize_session=False)
            )
        gone = self.session.execute(
            delete(Document)
            .where(Document.id == document_id)
            .returning(Document.workspace_id, Document.duplicate_key)
            .execution_options(synchronize_session=False)
        ).one_or_none()
        if gone is not None and gone.duplicate_key:  # the group's next original takes over
            DocumentRepository(self.session).refresh_duplicate_group(
                gone.workspace_id, gone.duplicate_key
            )

    def finalized_before(self, cutoff: datetime, limit: int) -> list[uuid.UUID]:
        """Finalized documents whose finalization is older than `cutoff`, oldest first; rows
        another sweeper holds are skipped."""
        return list(
            self.session.scalars(
                select(FinalizedRecord.document_id)
                .where(FinalizedRecord.finalized_at < cutoff)
                .order_by(FinalizedRecord.finalized_at)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        )

    # storage drift --------------------------------------------------------------------------
    def stored_paths(self) -> dict[str, uuid.UUID]:
        """Every document's stored key → its document id."""
        rows = self.session.execute(select(Document.stored_file_path, Document.id))
        return {str(path): document_id for path, document_id in rows}

    def stored_previews(self) -> dict[str, uuid.UUID]:
        """Every preview's stored key → its document id."""
        rows = self.session.execute(
            select(DocumentPreview.storage_key, DocumentPreview.document_id)
        )
        return {str(key): document_id for key, document_id in rows}

    def preview_key(self, document_id: uuid.UUID) -> str | None:
        return self.session.scalar(
            select(DocumentPreview.storage_key).where(DocumentPreview.document_id == document_id)
        )

    def forget_previews(self, document_ids: Iterable[uuid.UUID]) -> None:
        """Drop preview rows (their files are gone): the documents then simply have none."""
        self.session.execute(
            delete(DocumentPreview)
            .where(DocumentPreview.document_id.in_(list(document_ids)))
            .execution_options(synchronize_session=False)
        )

    def referenced(self, key: str, owner: uuid.UUID | None = None) -> bool:
        """Whether a document's row names `key` as its file or its preview's, or `owner` (the
        document a preview key names) exists."""
        found = [
            select(Document.id).where(Document.stored_file_path == key),
            select(DocumentPreview.document_id).where(DocumentPreview.storage_key == key),
        ]
        if owner is not None:
            found.append(select(Document.id).where(Document.id == owner))
        return self.session.scalar(union_all(*found).limit(1)) is not None

    def note_orphans(self, keys: Iterable[str]) -> dict[str, datetime]:
        """Remember when each orphan was first seen (kept when already known) and forget the
        orphans not among `keys` any more. Returns every key's first sighting."""
        keys = sorted(set(keys))
        if keys:
            self.session.execute(
                pg_insert(StorageOrphan)
                .values([{"key": key} for key in keys])
                .on_conflict_do_nothing(index_elements=[StorageOrphan.key])
            )
        self.session.execute(
            delete(StorageOrphan)
            .where(StorageOrphan.key.not_in(keys) if keys else true())
            .execution_options(synchronize_session=False)
        )
        if not keys:
            return {}
        rows = self.session.execute(
            select(StorageOrphan.key, StorageOrphan.first_seen_at).where(
                StorageOrphan.key.in_(keys)
            )
        )
        return {str(key): seen for key, seen in rows}

    def forget_orphan(self, key: str) -> None:
        self.session.execute(delete(StorageOrphan).where(StorageOrphan.key == key))

    def now(self) -> datetime:
        return self.session.scalar(select(func.now()))  # type: ignore[return-value]
