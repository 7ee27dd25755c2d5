"""Review and finalize: the human half of the workflow.

An edit is a conditional UPDATE on the extraction's version (optimistic concurrency: the client
sends the version it saw as `If-Match`); finalize takes the extraction row FOR UPDATE, so it
serialises with edits and with other finalizes, and freezes the final fields in an immutable
`finalized_records` row that every export renders."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.document.fields import extracted_values, final_values, reviewed_values
from docflow.document.repository import DocumentRepository
from docflow.document.schemas import DocumentRead
from docflow.document.service import DocumentService
from docflow.errors import InvalidState, NotFound, PreconditionFailed, PreconditionRequired
from docflow.events.publisher import record_event
from docflow.export.record import build_record
from docflow.job.repository import JobRepository
from docflow.models import (
    Document,
    DocumentFieldChange,
    DocumentStatus,
    ExtractionResult,
    FinalizedRecord,
)
from docflow.review.repository import ReviewRepository
from docflow.review.rules import validate_changes
from docflow.review.schemas import FieldChangeList, FieldChangeRead
from docflow.storage import get_storage


@dataclass(frozen=True)
class Reviewed:
    document: DocumentRead
    version: int

    @property
    def etag(self) -> str:
        return etag(self.version)


def etag(version: int) -> str:
    return f'"{version}"'


def parse_if_match(header: str | None) -> set[int]:
    """The versions an If-Match header names. Missing → 428; '*' is refused too, since it would
    overwrite whatever is there without having seen it. A weak or malformed tag matches nothing."""
    if header is None or not header.strip():
        raise PreconditionRequired(
            "Send If-Match with the ETag of the version you edited (GET /api/documents/{id}).",
            details={"header": "If-Match"},
        )
    versions: set[int] = set()
    for tag in header.split(","):
        tag = tag.strip()
        if tag == "*":
            raise PreconditionRequired(
                "If-Match must name the version you edited; '*' is not accepted.",
                details={"header": "If-Match"},
            )
        if len(tag) >= 3 and tag[0] == tag[-1] == '"' and tag[1:-1].isdigit():
            versions.add(int(tag[1:-1]))
    return versions


class ReviewService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.repo = ReviewRepository(session)
        self.documents = DocumentRepository(session)

    # Review ------------------------------------------------------------------------------------
    def review(
        self,
        principal: Principal,
        document_id: uuid.UUID,
        changes: Mapping[str, Any],
        if_match: str | None,
    ) -> Reviewed:
        principal.require("write")
        expected = parse_if_match(if_match)
        document = self._document(principal, document_id)
        extraction = self.repo.extraction(document.id)
        self._require_editable(document, extraction, "edited")
        assert extraction is not None
        if extraction.version not in expected:
            raise self._stale(principal, document_id)
        current = final_values(extraction.structured_output_json, extraction.reviewed_output_json)
        edit = validate_changes(changes, current)
        changed = {name: value for name, value in edit.items() if current[name] != value}
        if not changed:  # nothing to change: the version stays, nothing is recorded
            return self._reviewed(principal, document_id, extraction.version)
        reviewed = reviewed_values(extraction.reviewed_output_json)
        reviewed.update(changed)
        base_version = extraction.version
        if not self.repo.apply_review(extraction, base_version, {"fields": reviewed}):
            # Lost a race between our read and our write: to another edit or to a finalize.
            latest = self.repo.extraction(document.id)
            if latest is not None and latest.is_finalized:
                raise self._invalid("finalized", "edited")
            raise self._stale(principal, document_id)
        extracted = extracted_values(extraction.structured_output_json)
        self.repo.add_changes(
            [
                DocumentFieldChange(
                    document_id=document.id,
                    workspace_id=document.workspace_id,
                    user_id=principal.user_id,
                    action="edit",
                    field=name,
                    old_value=current[name],
                    new_value=value,
                    extracted_value=extracted[name],
                    version=extraction.version,
                )
                for name, value in sorted(changed.items())
            ]
        )
        self.documents.index_extraction(extraction)
        self._event(
            document,
            "document_reviewed",
            {
                "version": extraction.version,
                "fields": sorted(changed),
                "by": str(principal.user_id),
            },
        )
        return self._reviewed(principal, document_id, extraction.version)

    # Finalize ----------------------------------------------------------------------------------
    def finalize(
        self, principal: Principal, document_id: uuid.UUID, if_match: str | None
    ) -> Reviewed:
        principal.require("write")
        self._document(principal, document_id)
        extraction = self.repo.extraction(document_id, lock=True)
        document = self._document(principal, document_id)  # re-read once the row is ours
        self._require_editable(document, extraction, "finalized")
        assert extraction is not None
        if if_match is not None and extraction.version not in parse_if_match(if_match):
            raise self._stale(principal, document_id)
        if not self.repo.mark_finalized(extraction) or not self.repo.mark_document_finalized(
            document
        ):
            raise self._invalid(document.current_status, "finalized")
        record = build_record(document, extraction, principal.user_id)
        assert extraction.finalized_at is not None
        self.repo.add_finalized_record(
            FinalizedRecord(
                document_id=document.id,
                workspace_id=document.workspace_id,
                version=extraction.version,
                finalized_at=extraction.finalized_at,
                finalized_by=principal.user_id,
                record=record,
            )
        )
        self.repo.add_changes(
            [
                DocumentFieldChange(
                    document_id=document.id,
                    workspace_id=document.workspace_id,
                    user_id=principal.user_id,
                    action="finalize",
                    version=extraction.version,
                )
            ]
        )
        self._event(
            document,
            "document_finalized",
            {
                "version": extraction.version,
                "finalized_at": record["finalized_at"],
                "by": str(principal.user_id),
            },
            status=DocumentStatus.finalized.value,
        )
        return self._reviewed(principal, document_id, extraction.version)

    # History -----------------------------------------------------------------------------------
    def history(self, principal: Principal, document_id: uuid.UUID) -> FieldChangeList:
        principal.require("read")
        document = self._document(principal, document_id)
        return FieldChangeList(
            items=[FieldChangeRead.model_validate(c) for c in self.repo.history(document.id)]
        )

    # Helpers -----------------------------------------------------------------------------------
    def _document(self, principal: Principal, document_id: uuid.UUID) -> Document:
        document = self.repo.document(document_id, principal.workspace_id)
        if document is None:
            raise NotFound("Document not found.")
        return document

    def _require_editable(
        self, document: Document, extraction: ExtractionResult | None, verb: str
    ) -> None:
        if extraction is not None and extraction.is_finalized:
            raise self._invalid(DocumentStatus.finalized.value, verb)
        if extraction is None or document.current_status != DocumentStatus.completed:
            raise self._invalid(document.current_status, verb)

    @staticmethod
    def _invalid(status: str, verb: str) -> InvalidState:
        if status == DocumentStatus.finalized:
            message = f"The document is finalized; it can no longer be {verb}."
        else:
            message = f"The document is {status}; only a completed document can be {verb}."
        return InvalidState(message, details={"status": status})

    def _read(self, principal: Principal, document_id: uuid.UUID) -> DocumentRead:
        return DocumentService(self.session, get_storage()).read(principal, document_id)

    def _reviewed(self, principal: Principal, document_id: uuid.UUID, version: int) -> Reviewed:
        return Reviewed(self._read(principal, document_id), version)

    def _stale(self, principal: Principal, document_id: uuid.UUID) -> PreconditionFailed:
        current = self._read(principal, document_id)
        version = current.extraction.version if current.extraction else 0
        return PreconditionFailed(
            "The document changed since you loaded it: review the current version and send its "
            "ETag as If-Match.",
            details={"current": current.model_dump(mode="json"), "version": version},
            headers={"ETag": etag(version)},
        )

    def _event(
        self,
        document: Document,
        event_type: str,
        data: dict[str, Any],
        status: str | None = None,
    ) -> None:
        job = JobRepository(self.session).for_document(document.id)
        assert job is not None, "every document has a job"
        record_event(self.session, job, event_type, data=data, status=status)
