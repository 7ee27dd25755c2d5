"""The end of a document's life: deletion on request, retention, and the storage drift check.

A deletion removes the document's rows (job, events, result, review history, frozen record,
preview) in one transaction and its stored files (the original, the preview image) after that
transaction commits; a `document_deleted` event (recorded, then published after commit) tells
live dashboards to drop the row. A job still queued
or processing is cancelled first, through the job's own cancel transition: the worker finds its
attempt gone at its next write and stops quietly. Finalized documents are deleted only by an
admin or by the retention purge, and each deletion is written to the audit log.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.auth.service import record_audit
from docflow.db import after_commit
from docflow.document.files import PDF
from docflow.document.preview import preview_keys, preview_owner
from docflow.errors import InvalidState, NotFound
from docflow.events.publisher import record_event
from docflow.job.repository import JobRepository
from docflow.job.service import JobService
from docflow.lifecycle.repository import LifecycleRepository
from docflow.models import Document, DocumentStatus, Job, JobStatus
from docflow.storage import Storage

log = logging.getLogger(__name__)

DELETED_EVENT = "document_deleted"
DELETED_STATUS = "deleted"


@dataclass
class DriftReport:
    """What the storage drift check found. `missing_files`: rows whose file is gone (kept and
    reported: an operator restores the file or deletes the document). `orphans`: files without a
    row; `removed`: the orphans older than the grace period, deleted now."""

    documents: int = 0
    files: int = 0
    missing_files: dict[str, str] = field(default_factory=dict)  # document id → key
    orphans: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Preview rows whose image is gone (document id → key): the row is dropped (when removing),
    # so the document simply has no preview. Preview images belong to their document by key.
    missing_previews: dict[str, str] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.missing_files and not self.orphans and not self.missing_previews


class LifecycleService:
    def __init__(self, session: Session, storage: Storage) -> None:
        self.session = session
        self.storage = storage
        self.repo = LifecycleRepository(session)

    def delete(self, principal: Principal, document_id: uuid.UUID) -> None:
        """DELETE /documents/{id}: reviewers and admins; a finalized document by admins only."""
        principal.require("write")
        document = self.repo.lock(document_id, principal.workspace_id)
        if document is None:
            raise NotFound("Document not found.")
        if document.current_status == DocumentStatus.finalized and not principal.can("admin"):
            raise InvalidState(
                "The document is finalized: only an admin can delete it.",
                details={"status": DocumentStatus.finalized.value},
            )
        job = JobRepository(self.session).for_document(document_id)
        if job is not None and job.status in (JobStatus.queued, JobStatus.processing):
            job = JobService(self.session).cancel(principal, job.id)
        self._remove(document, job, actor_id=principal.user_id, reason="deleted")

    def purge_expired(self, retention_days: int, *, limit: int = 100) -> int:
        """Delete up to `limit` finalized documents finalized more than `retention_days` ago
        (the sweeper calls it batch after batch). Returns how many were deleted."""
        cutoff = self.repo.now() - timedelta(days=retention_days)
        purged = 0
        for document_id in self.repo.finalized_before(cutoff, limit):
            document = self.repo.lock(document_id, None)
            if document is None:
                continue
            job = JobRepository(self.session).for_document(document_id)
            self._remove(
                document,
                job,
                actor_id=None,
                reason="retention",
                data={"retention_days": retention_days},
            )
            purged += 1
        return purged

    def _remove(
        self,
        document: Document,
        job: Job | None,
        *,
        actor_id: uuid.UUID | None,
        reason: str,
        data: dict[str, object] | None = None,
    ) -> None:
        if document.current_status == DocumentStatus.finalized:
            self.repo.allow_purging_finalized()
        record_audit(
            self.session,
            workspace_id=document.workspace_id,
            actor_id=actor_id,
            action="document.deleted" if reason == "deleted" else "document.purged",
            target_type="document",
            target_id=document.id,
            data={
                "filename": document.original_filename,
                "sha256": document.sha256,
                "status": document.current_status,
                **(data or {}),
            },
        )
        keys = [document.stored_file_path]
        if document.mime_type == PDF:  # its preview's keys, row or not (a worker may have
            keys += preview_keys(document.id)  # stored an image whose row it had not written)
        preview = self.repo.preview_key(document.id)
        if preview is not None and preview not in keys:
            keys.append(preview)
        self.repo.delete_document(document.id)
        if job is not None:
            record_event(
                self.session,
                job,
                DELETED_EVENT,
                data={"filename": document.original_filename, "reason": reason},
                status=DELETED_STATUS,
                stage=DELETED_STATUS,
            )
            self.session.expunge(job)
        self.session.expunge(document)
        after_commit(self.session, lambda: self._delete_files(keys))

    def _delete_files(self, keys: list[str]) -> None:
        for key in keys:
            self.storage.delete(key)

    # storage drift --------------------------------------------------------------------------
    def check_storage(self, *, grace: timedelta, remove: bool = True) -> DriftReport:
        """Compare the stored files with the documents' rows. Files are listed first, rows read
        after, so an upload in flight (its file committed a moment before its row) is at worst a
        young orphan; an orphan is removed only once it has stayed one for `grace`. A row whose
        file was not listed is looked up again before it is reported missing."""
        keys = set(self.storage.iter_keys())
        rows = self.repo.stored_paths()
        previews = self.repo.stored_previews()
        report = DriftReport(documents=len(rows), files=len(keys))
        for key, document_id in sorted(rows.items()):
            if key not in keys and not self._exists(key):
                report.missing_files[str(document_id)] = key
        for key, document_id in sorted(previews.items()):
            if key not in keys and not self._exists(key):
                report.missing_previews[str(document_id)] = key
        if report.missing_previews and remove:
            self.repo.forget_previews(uuid.UUID(d) for d in report.missing_previews)
        documents = set(rows.values())
        orphans = sorted(
            key
            for key in keys - rows.keys() - previews.keys()
            if preview_owner(key) not in documents  # a document's preview, its row not written
        )
        seen = self.repo.note_orphans(orphans)
        now = self.repo.now()
        report.orphans = orphans
        for key in orphans:
            if not remove or now - seen[key] < grace:
                continue
            if self.repo.referenced(key, preview_owner(key)):  # its row arrived meanwhile
                self.repo.forget_orphan(key)
                continue
            self.storage.delete(key)
            self.repo.forget_orphan(key)
            report.removed.append(key)
        if report.missing_files:
            log.error(
                "storage drift: %d document(s) without their stored file: %s",
                len(report.missing_files),
                ", ".join(f"{d} ({k})" for d, k in list(report.missing_files.items())[:20]),
            )
        if report.missing_previews:
            log.warning(
                "storage drift: %d preview(s) without their image%s: %s",
                len(report.missing_previews),
                " (rows dropped)" if remove else "",
                ", ".join(f"{d} ({k})" for d, k in list(report.missing_previews.items())[:20]),
            )
        if report.removed:
            log.warning(
                "storage drift: removed %d file(s) without a document: %s",
                len(report.removed),
                ", ".join(report.removed[:20]),
            )
        return report

    def _exists(self, key: str) -> bool:
        try:
            handle = self.storage.open(key)
        except FileNotFoundError:
            return False
        handle.close()
        return True
