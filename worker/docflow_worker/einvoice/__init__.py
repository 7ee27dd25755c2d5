"""E-invoices read exactly: the fields of a UBL 2.1 or UN/CEFACT CII XML (uploaded on its own, or
embedded in a Factur-X / ZUGFeRD / XRechnung PDF), each with confidence 1.0 and the XPath of the
element it came from."""

from __future__ import annotations

from docflow_worker.einvoice._model import EInvoice, LineItem, Located
from docflow_worker.einvoice._read import EInvoiceError, read_einvoice, render_text
from docflow_worker.einvoice._result import extract_einvoice

__all__ = [
    "EInvoice",
    "EInvoiceError",
    "LineItem",
    "Located",
    "extract_einvoice",
    "read_einvoice",
    "render_text",
]
