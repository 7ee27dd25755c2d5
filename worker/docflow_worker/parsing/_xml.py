"""An uploaded e-invoice XML (UBL 2.1 or UN/CEFACT CII): checked with the hardened parser and
rendered as readable text, which becomes the document's raw text."""

from __future__ import annotations

import pathlib

from docflow_worker.einvoice import EInvoiceError, read_einvoice, render_text
from docflow_worker.einvoice._safe_xml import MAX_XML_BYTES
from docflow_worker.parsing import EmbeddedXml, Page, ParsedDocument, ParseError


def parse_einvoice_xml(path: pathlib.Path) -> ParsedDocument:
    with path.open("rb") as fh:
        data = fh.read(MAX_XML_BYTES + 1)
    try:
        invoice = read_einvoice(data)
    except EInvoiceError as exc:
        raise ParseError(str(exc)) from None
    text, _ = render_text(invoice)
    page = Page(number=1, width=0.0, height=0.0, text=text, words=())
    return ParsedDocument(pages=(page,), method="xml", xml=EmbeddedXml(name=path.name, data=data))
