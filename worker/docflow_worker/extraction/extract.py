"""Layout-aware invoice field extraction: each field module finds its candidates, the
features give each chosen value its confidence."""

from __future__ import annotations

from docflow_worker.extraction import EMPTY, FIELD_NAMES, ExtractedFields
from docflow_worker.extraction._layout import (
    build_layout,
)
from docflow_worker.extraction.candidates import field_value
from docflow_worker.extraction.context import read_context
from docflow_worker.extraction.currency import find_currency
from docflow_worker.extraction.document_type import detect_document_type
from docflow_worker.extraction.features import calibrate
from docflow_worker.extraction.invoice_date import find_date
from docflow_worker.extraction.invoice_number import find_number
from docflow_worker.extraction.status import find_status
from docflow_worker.extraction.total import find_totals
from docflow_worker.extraction.vendor import find_vendor
from docflow_worker.parsing import ParsedDocument


def extract(doc: ParsedDocument) -> ExtractedFields:
    layout = build_layout(doc)
    ctx = read_context(layout)
    total, tax, _ = find_totals(ctx)
    doc_type = detect_document_type(ctx, total, tax)
    if doc_type == "other":
        return ExtractedFields("other", dict.fromkeys(FIELD_NAMES, EMPTY))
    number, _numbers = find_number(ctx)
    found = {
        "vendor_name": find_vendor(ctx)[0],
        "invoice_number": number,
        "invoice_date": find_date(ctx),
        "total_amount": total,
        "tax_amount": tax,
        "currency": find_currency(ctx, total),
        "status": find_status(ctx),
    }
    fields = {name: field_value(c, calibrate(name, c, ctx)) for name, c in found.items()}
    return ExtractedFields(doc_type, fields)
