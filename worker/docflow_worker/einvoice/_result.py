"""The extraction result of an e-invoice: the XML's values (confidence 1.0, source = the element),
the printed text's values only where the XML has none, and a warning on each field whose printed
value disagrees with the XML's (the XML's value is kept: it is the legal invoice)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from docflow_worker.einvoice._model import EInvoice, Located
from docflow_worker.einvoice._read import EInvoiceError, read_einvoice, render_text
from docflow_worker.extraction import FIELD_NAMES, ExtractionResult, FieldValue, extract_fields
from docflow_worker.parsing import ParsedDocument

logger = logging.getLogger(__name__)

PRINTED_DIFFERS = "printed_value_differs"
# Fields whose printed value is checked against the XML's.
_CHECKED = ("invoice_number", "total_amount", "tax_amount")
_LABELS = {"invoice_number": "invoice number", "total_amount": "total", "tax_amount": "tax"}

_AMOUNT = re.compile(
    r"(?<![\d.,])[-−]?\d{1,3}(?:(?:[.,'’\u00a0\u202f ]\d{3})+)?(?:[.,]\d{1,2})?(?![\d])"
    r"|(?<![\d.,])\d+(?:[.,]\d{1,2})?(?![\d])"
)


@dataclass(frozen=True)
class EInvoiceExtraction(ExtractionResult):
    warnings: dict[str, dict[str, Any]] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = super().to_json()
        for name, warning in self.warnings.items():
            out["fields"][name]["warning"] = warning
        out["einvoice"] = self.details
        return out


def extract_einvoice(doc: ParsedDocument) -> ExtractionResult:
    """Fields from ``doc.xml``; a PDF whose attachment is not a usable e-invoice falls back to its
    printed text (the reviewer sees why in the log, the job does not fail for it)."""
    assert doc.xml is not None
    uploaded_xml = doc.method == "xml"
    try:
        invoice = read_einvoice(doc.xml.data)
    except EInvoiceError as exc:
        if uploaded_xml:  # the parse stage read it already; unreachable unless the file changed
            raise
        logger.warning("embedded XML %r ignored: %s", doc.xml.name, exc)
        return extract_fields(doc)
    if uploaded_xml:
        _, spans = render_text(invoice)
        printed = None
    else:
        spans = {}
        printed = extract_fields(doc)
    fields: dict[str, FieldValue] = {}
    warnings: dict[str, dict[str, Any]] = {}
    for name in FIELD_NAMES:
        found = invoice.fields.get(name)
        seen = printed.fields.get(name) if printed is not None else None
        if found is None:
            fields[name] = seen if seen is not None else FieldValue(None, 0.0, None)
            continue
        source: dict[str, Any] = {"xpath": found.xpath}
        if name in spans:
            source["span"] = list(spans[name])
        elif seen is not None and seen.value is not None and _same(name, seen.value, found.value):
            # Where it is printed, so the review screen can point at it.
            source = {**(seen.source or {}), "xpath": found.xpath}
        fields[name] = FieldValue(found.value, 1.0, source)
        if printed is not None and name in _CHECKED:
            warning = _disagreement(name, found, seen, doc.text)
            if warning is not None:
                warnings[name] = warning
    return EInvoiceExtraction(
        document_type=invoice.document_type,
        fields=fields,
        warnings=warnings,
        details=_details(invoice, None if uploaded_xml else doc.xml.name),
    )


def _details(invoice: EInvoice, attachment: str | None) -> dict[str, Any]:
    def located(value: Located | None) -> dict[str, Any] | None:
        return None if value is None else {"value": value.value, "source": {"xpath": value.xpath}}

    return {
        "syntax": invoice.syntax,
        "profile": invoice.profile,
        "attachment": attachment,
        "due_date": located(invoice.due_date),
        "amount_due": located(invoice.amount_due),
        "line_items": [
            {
                **{key: value.value for key, value in item.values.items()},
                "source": {"xpath": item.xpath},
            }
            for item in invoice.line_items
        ],
    }


def _disagreement(
    name: str, found: Located, seen: FieldValue | None, text: str
) -> dict[str, Any] | None:
    """A warning when the XML's value is printed nowhere on the document (a text extractor's
    different reading alone is not enough: it may have picked the wrong number)."""
    if name == "invoice_number":
        printed_anywhere = _compact(found.value) in _compact(text)
    else:
        printed_anywhere = _decimal(found.value) in _printed_amounts(text)
        if not printed_anywhere and _decimal(found.value) == 0 and name == "tax_amount":
            return None  # "no tax" is often printed as a note, not as 0.00
    if printed_anywhere:
        return None
    printed = seen.value if seen is not None and seen.value is not None else None
    if printed is not None and _same(name, printed, found.value):
        return None
    label = _LABELS[name]
    shown = f"shows {label} {printed}" if printed is not None else f"does not show this {label}"
    return {
        "code": PRINTED_DIFFERS,
        "message": (
            f"The printed document {shown}, its embedded e-invoice XML says {found.value}: "
            "the XML's value is kept, check the document."
        ),
        "printed_value": printed,
    }


def _same(name: str, a: str, b: str) -> bool:
    if name in ("total_amount", "tax_amount"):
        return _decimal(a) == _decimal(b) and _decimal(a) is not None
    if name == "invoice_number":
        return _compact(a) == _compact(b)
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _compact(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _printed_amounts(text: str) -> set[Decimal]:
    amounts: set[Decimal] = set()
    for match in _AMOUNT.finditer(text):
        raw = match.group().replace("−", "-")
        for candidate in _readings(raw):
            amounts.add(abs(candidate))
    return amounts


def _readings(raw: str) -> list[Decimal]:
    """Each way a printed number can be read: the last '.' or ',' before one or two digits is
    the decimal separator, every other separator groups thousands."""
    digits = re.sub(r"[^\d.,-]", "", raw)
    readings: list[Decimal] = []
    tail = re.search(r"[.,](\d{1,2})$", digits)
    if tail is not None:
        whole = re.sub(r"[.,]", "", digits[: tail.start()])
        readings.append(Decimal(f"{whole or '0'}.{tail.group(1)}"))
    whole = re.sub(r"[.,]", "", digits)
    if whole.strip("-"):
        readings.append(Decimal(whole))
    return readings
