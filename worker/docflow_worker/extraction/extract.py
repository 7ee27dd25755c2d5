"""Layout-aware invoice field extraction: the rules' reading of a document.

Each field module finds its candidates; the learned scorer (scorer.py) then chooses among
them where the rules leave several (invoice number, date) and gives every chosen value a
calibrated confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from docflow_worker.extraction import FIELD_NAMES
from docflow_worker.extraction._layout import build_layout
from docflow_worker.extraction.candidates import Candidate
from docflow_worker.extraction.context import Context, read_context
from docflow_worker.extraction.currency import find_currency
from docflow_worker.extraction.document_type import detect_document_type
from docflow_worker.extraction.invoice_date import find_date
from docflow_worker.extraction.invoice_number import find_number
from docflow_worker.extraction.status import find_status
from docflow_worker.extraction.total import find_totals
from docflow_worker.extraction.vendor import find_vendor
from docflow_worker.parsing import ParsedDocument


@dataclass
class Reading:
    """What the rules found in one document, before the scorer chooses."""

    ctx: Context
    document_type: str
    picked: dict[str, Candidate | None]  # the rules' pick per field
    candidates: dict[str, list[Candidate]]  # every candidate, where the rules weigh several


def read(doc: ParsedDocument) -> Reading:
    ctx = read_context(build_layout(doc))
    total, tax, _ = find_totals(ctx)
    doc_type = detect_document_type(ctx, total, tax)
    if doc_type == "other":
        return Reading(ctx, doc_type, dict.fromkeys(FIELD_NAMES), {})
    number, numbers = find_number(ctx)
    date, dates = find_date(ctx)
    picked = {
        "vendor_name": find_vendor(ctx)[0],
        "invoice_number": number,
        "invoice_date": date,
        "total_amount": total,
        "tax_amount": tax,
        "currency": find_currency(ctx, total),
        "status": find_status(ctx),
    }
    return Reading(ctx, doc_type, picked, {"invoice_number": numbers, "invoice_date": dates})
