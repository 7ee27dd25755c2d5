"""Invoice, receipt, credit note or other, from the title words."""

from __future__ import annotations

from docflow_worker.extraction.candidates import Candidate
from docflow_worker.extraction.context import Context
from docflow_worker.extraction.labels import DOC_TYPES


def detect_document_type(ctx: Context, total: Candidate | None, tax: Candidate | None) -> str:
    head = "\n".join(seg.text for seg in ctx.layout.segments()[:80])
    for name, pattern in DOC_TYPES:
        if pattern.search(head):
            return name
    for name, pattern in DOC_TYPES:
        if pattern.search(ctx.text[:30000]):
            return name
    if total is not None and total.score >= 0.8:
        return "invoice"
    if total is not None and tax is not None:
        return "receipt"  # a total and a tax line without a title: a till receipt
    return "other"
