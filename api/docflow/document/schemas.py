from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from docflow.job.schemas import JobRead


class DocumentSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    original_filename: str
    mime_type: str
    file_size: int
    sha256: str
    uploaded_at: datetime
    current_status: str
    duplicate_of: uuid.UUID | None


class ExtractionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    document_type: str
    page_count: int
    parse_method: str
    structured_output_json: dict[str, Any]
    reviewed_output_json: dict[str, Any] | None
    is_finalized: bool
    finalized_at: datetime | None
    updated_at: datetime
    version: int
    raw_text: str


class DocumentRead(DocumentSummary):
    job: JobRead | None
    extraction: ExtractionRead | None


class DocumentListItem(DocumentSummary):
    job: JobRead | None


class DocumentList(BaseModel):
    items: list[DocumentListItem]
    next_cursor: str | None
    counts: dict[str, int]


class UploadError(BaseModel):
    code: str
    message: str


class UploadItem(BaseModel):
    filename: str
    status: Literal["accepted", "rejected"]
    document: DocumentSummary | None = None
    job: JobRead | None = None
    duplicate_of: uuid.UUID | None = None
    error: UploadError | None = None


class UploadResult(BaseModel):
    items: list[UploadItem]
