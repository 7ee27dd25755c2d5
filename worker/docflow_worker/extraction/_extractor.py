"""First-cut regex extractor (replaced by the layout-aware one)."""

from __future__ import annotations

import re

from docflow_worker.extraction import EMPTY, FIELD_NAMES, ExtractionResult, FieldValue
from docflow_worker.parsing import ParsedDocument

_PATTERNS = {
    "invoice_number": re.compile(r"invoice\s*(?:no\.?|number|#)\s*:?\s*([A-Z0-9][\w/-]*)", re.I),
    "invoice_date": re.compile(r"date\s*:?\s*(\d{4}-\d{2}-\d{2})", re.I),
    "total_amount": re.compile(r"total(?: due)?\s*:?\s*\D{0,3}([\d,]+\.\d{2})", re.I),
    "tax_amount": re.compile(r"(?:vat|tax)[^\n\d]*(?:\d+%)?\s*:?\s*\D{0,3}([\d,]+\.\d{2})", re.I),
}


def extract(doc: ParsedDocument) -> ExtractionResult:
    text = doc.text
    fields = dict.fromkeys(FIELD_NAMES, EMPTY)
    for name, pattern in _PATTERNS.items():
        match = pattern.search(text)
        if match:
            value = match.group(1).replace(",", "")
            fields[name] = FieldValue(value, 0.5, {"span": [match.start(1), match.end(1)]})
    first = text.strip().split("\n", 1)[0].strip()
    if first:
        start = text.index(first)
        fields["vendor_name"] = FieldValue(first, 0.3, {"span": [start, start + len(first)]})
    is_invoice = re.search(r"invoice|rechnung|facture", text, re.I) is not None
    return ExtractionResult("invoice" if is_invoice else "other", fields)
