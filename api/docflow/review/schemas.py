from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from docflow.document.schemas import DocumentRead


class ReviewUpdate(BaseModel):
    """A partial edit: only the fields sent change; a null value clears a field."""

    model_config = ConfigDict(extra="forbid")

    fields: dict[str, Any] = Field(
        description="Field name → corrected value (a string) or null. Fields: vendor_name, "
        "invoice_number, invoice_date (YYYY-MM-DD), total_amount, tax_amount (decimal strings, "
        "'.' separator, at most the currency's minor units), currency (ISO 4217), status.",
        json_schema_extra={"additionalProperties": {"type": ["string", "null"]}},
    )


class FieldChangeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    action: Literal["edit", "finalize"]
    field: str | None
    old_value: str | None
    new_value: str | None
    extracted_value: str | None
    version: int
    user_id: uuid.UUID | None
    changed_at: datetime


class FieldChangeList(BaseModel):
    items: list[FieldChangeRead]


class VersionConflictDetails(BaseModel):
    current: DocumentRead = Field(description="The server's copy now (its ETag is the header)")
    version: int


class VersionConflictError(BaseModel):
    code: Literal["version_conflict"]
    message: str
    details: VersionConflictDetails


class VersionConflictEnvelope(BaseModel):
    """412: the If-Match version is stale; the answer carries the current server copy."""

    error: VersionConflictError
