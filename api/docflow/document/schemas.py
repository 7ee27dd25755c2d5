from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
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
    # Another document of the workspace with the same vendor, invoice number and total (the
    # earliest uploaded one): probably the same invoice, which must not be paid twice.
    possible_duplicate_of: uuid.UUID | None = None


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


SORT_KEYS = ("uploaded_at", "filename", "status", "vendor", "total", "invoice_date")
SortKey = Literal["uploaded_at", "filename", "status", "vendor", "total", "invoice_date"]


@dataclass(frozen=True)
class DocumentFilters:
    """What `GET /documents` (and the bulk export) select. `uploaded_to` is exclusive."""

    q: str | None = None
    statuses: tuple[str, ...] = ()
    finalized: bool | None = None
    uploaded_from: datetime | None = None
    uploaded_to: datetime | None = None


@dataclass(frozen=True)
class DocumentOrder:
    key: SortKey = "uploaded_at"
    descending: bool = True

    @property
    def param(self) -> str:
        return ("-" if self.descending else "") + self.key


@dataclass(frozen=True)
class DocumentQuery:
    filters: DocumentFilters = field(default_factory=DocumentFilters)
    order: DocumentOrder = field(default_factory=DocumentOrder)
    limit: int = 50
    cursor: str | None = None


class DocumentListItem(DocumentSummary):
    vendor_name: str | None
    invoice_number: str | None
    invoice_date: date | None
    total_amount: Decimal | None
    currency: str | None
    is_finalized: bool
    job: JobRead | None


class DocumentList(BaseModel):
    items: list[DocumentListItem]
    next_cursor: str | None
    # Documents per status under the current filters except `status` (so the dashboard's status
    # tabs show what each tab would hold); statuses with no documents are 0.
    counts: dict[str, int]
    # True when a search (`q`) matched more than 1,000 documents: counting stopped there, so each
    # count is a lower bound (show "1,000+"). Without `q` the counts are always exact.
    counts_capped: bool = False


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
