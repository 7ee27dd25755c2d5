"""The finalized record as `GET /documents/{id}/export/json` renders it (see record.py). For the
OpenAPI document only: the export's bytes come from the stored record."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ExportDocumentRead(BaseModel):
    id: str
    filename: str
    mime_type: str
    file_size: int
    sha256: str
    uploaded_at: str = Field(description="UTC, microseconds, 'Z'")
    document_type: str
    page_count: int


class ExportFieldsRead(BaseModel):
    """The final value of each field: the reviewer's correction over the extracted value."""

    vendor_name: str | None
    invoice_number: str | None
    invoice_date: str | None
    total_amount: str | None
    tax_amount: str | None
    currency: str | None
    status: str | None


class ExportRecordRead(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    record_schema: str = Field(alias="schema", description="docflow.finalized/1")
    document: ExportDocumentRead
    fields: ExportFieldsRead
    finalized_at: str = Field(description="UTC, microseconds, 'Z'")
    finalized_by: str | None
    version: int
