"""The finalized record: what a finalized document is, frozen at finalize time, and exactly what
every export renders. Plain JSON (strings, integers) so it round-trips through JSONB unchanged."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from docflow.document.fields import FIELD_NAMES, final_values
from docflow.models import Document, ExtractionResult

RECORD_SCHEMA = "docflow.finalized/1"

# The CSV columns, in order: document metadata, the final fields, then the finalization.
CSV_COLUMNS = (
    "document_id",
    "filename",
    "mime_type",
    "file_size",
    "sha256",
    "uploaded_at",
    "document_type",
    "page_count",
    *FIELD_NAMES,
    "finalized_at",
    "finalized_by",
    "version",
)


def timestamp(moment: datetime) -> str:
    """UTC, microseconds, 'Z': one spelling per instant."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def build_record(
    document: Document, extraction: ExtractionResult, finalized_by: uuid.UUID | None
) -> dict[str, Any]:
    assert extraction.finalized_at is not None
    values = final_values(extraction.structured_output_json, extraction.reviewed_output_json)
    return {
        "schema": RECORD_SCHEMA,
        "document": {
            "id": str(document.id),
            "filename": document.original_filename,
            "mime_type": document.mime_type,
            "file_size": int(document.file_size),
            "sha256": document.sha256,
            "uploaded_at": timestamp(document.uploaded_at),
            "document_type": extraction.document_type,
            "page_count": int(extraction.page_count),
        },
        "fields": {name: values[name] for name in FIELD_NAMES},
        "finalized_at": timestamp(extraction.finalized_at),
        "finalized_by": str(finalized_by) if finalized_by else None,
        "version": int(extraction.version),
    }


def csv_row(record: dict[str, Any]) -> list[str]:
    document, fields = record["document"], record["fields"]
    values: dict[str, Any] = {
        "document_id": document["id"],
        "filename": document["filename"],
        "mime_type": document["mime_type"],
        "file_size": document["file_size"],
        "sha256": document["sha256"],
        "uploaded_at": document["uploaded_at"],
        "document_type": document["document_type"],
        "page_count": document["page_count"],
        **{name: fields.get(name) for name in FIELD_NAMES},
        "finalized_at": record["finalized_at"],
        "finalized_by": record["finalized_by"],
        "version": record["version"],
    }
    return ["" if values[c] is None else str(values[c]) for c in CSV_COLUMNS]
