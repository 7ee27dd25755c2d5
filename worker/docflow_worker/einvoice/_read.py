"""From XML bytes to an ``EInvoice``, and the plain-text rendering stored as an XML's raw text."""

from __future__ import annotations

from lxml import etree

from docflow_worker.einvoice._cii import ROOT_TAG as CII_ROOT
from docflow_worker.einvoice._cii import read_cii
from docflow_worker.einvoice._model import EInvoice, Located
from docflow_worker.einvoice._safe_xml import UnsafeXmlError, parse_untrusted_xml
from docflow_worker.einvoice._ubl import ROOT_TAGS as UBL_ROOTS
from docflow_worker.einvoice._ubl import read_ubl


class EInvoiceError(ValueError):
    """Not a readable e-invoice; ``str(exc)`` is shown to the reviewer."""


def read_einvoice(data: bytes) -> EInvoice:
    try:
        root = parse_untrusted_xml(data)
    except UnsafeXmlError as exc:
        raise EInvoiceError(str(exc)) from None
    if root.tag == CII_ROOT:
        return read_cii(root)
    if root.tag in UBL_ROOTS:
        return read_ubl(root)
    qname = etree.QName(root)
    raise EInvoiceError(
        f"Unsupported XML: the root element {qname.localname!r} "
        f"(namespace {qname.namespace or 'none'}) is neither a UBL 2.1 Invoice/CreditNote nor a "
        "UN/CEFACT Cross Industry Invoice"
    )


_LABELS = (
    ("vendor_name", "Seller"),
    ("invoice_number", "Invoice number"),
    ("invoice_date", "Issue date"),
    ("currency", "Currency"),
)
_TOTAL_LABELS = (("tax_amount", "Tax total"), ("total_amount", "Grand total"))


def render_text(invoice: EInvoice) -> tuple[str, dict[str, tuple[int, int]]]:
    """A readable rendering of the XML (the raw text of an uploaded XML) and each field's span."""
    lines: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    offset = 0

    def add(line: str, field: str | None = None, value: Located | None = None) -> None:
        nonlocal offset
        if field is not None and value is not None:
            start = offset + len(line) - len(value.value)
            spans[field] = (start, start + len(value.value))
        lines.append(line)
        offset += len(line) + 1

    title = "Credit note" if invoice.document_type == "credit_note" else "Invoice"
    add(f"{title} (e-invoice, {invoice.syntax})")
    if invoice.profile:
        add(f"Specification: {invoice.profile}")
    for field, label in _LABELS:
        value = invoice.fields.get(field)
        if value is not None:
            add(f"{label}: {value.value}", field, value)
    if invoice.due_date is not None:
        add(f"Due date: {invoice.due_date.value}")
    for item in invoice.line_items:
        parts = [item.values[key].value for key in ("id", "description") if key in item.values]
        if "quantity" in item.values:
            unit = item.values.get("unit_code")
            parts.append(f"{item.values['quantity'].value} {unit.value if unit else ''}".strip())
        if "unit_price" in item.values:
            parts.append(f"x {item.values['unit_price'].value}")
        if "net_amount" in item.values:
            parts.append(f"= {item.values['net_amount'].value}")
        if "tax_rate" in item.values:
            parts.append(f"({item.values['tax_rate'].value}%)")
        add("Line " + " ".join(parts))
    for field, label in _TOTAL_LABELS:
        value = invoice.fields.get(field)
        if value is not None:
            add(f"{label}: {value.value}", field, value)
    if invoice.amount_due is not None:
        add(f"Amount due: {invoice.amount_due.value}")
    return "\n".join(lines), spans
