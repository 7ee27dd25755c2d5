"""Invoice field extraction from a parsed document."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from docflow.document.fields import FIELD_NAMES  # the field contract lives in one place
from docflow_worker.parsing import ParsedDocument

logger = logging.getLogger(__name__)

__all__ = ["FIELD_NAMES", "ExtractedFields", "ExtractionResult", "FieldValue", "extract_fields"]


@dataclass(frozen=True)
class FieldValue:
    value: str | None
    confidence: float  # 0..1; 0 when value is None
    source: dict[str, Any] | None  # {"page", "box"} and/or {"span": [start, end]} in doc.text

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "confidence": round(float(self.confidence), 3),
            "source": self.source,
        }


EMPTY = FieldValue(None, 0.0, None)


@dataclass(frozen=True)
class ExtractedFields:
    """What the extractor read from one document (stored as a docflow.models.ExtractionResult)."""

    document_type: str  # "invoice" | "receipt" | "credit_note" | "other"
    fields: dict[str, FieldValue]

    def to_json(self) -> dict[str, Any]:
        return {
            "document_type": self.document_type,
            "fields": {name: self.fields[name].to_json() for name in sorted(self.fields)},
        }


# The name this class had before; the database row is docflow.models.ExtractionResult.
ExtractionResult = ExtractedFields


def extract_fields(doc: ParsedDocument) -> ExtractedFields:
    # outside the try: a missing or unreadable scorer model must fail loudly, not read nothing
    from docflow_worker.extraction.scorer import extract

    try:
        return extract(doc)
    except Exception:  # a heuristic bug must not fail the job: the reviewer fills the fields
        logger.exception("field extraction failed; returning empty fields")
        return ExtractedFields("other", dict.fromkeys(FIELD_NAMES, EMPTY))
