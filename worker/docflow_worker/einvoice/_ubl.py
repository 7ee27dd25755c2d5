"""OASIS UBL 2.1 Invoice and CreditNote (Peppol BIS Billing 3.0, XRechnung UBL)."""

from __future__ import annotations

from lxml import etree

from docflow_worker.einvoice._model import (
    EInvoice,
    LineItem,
    Located,
    Reader,
    currency_value,
    decimal_value,
    iso_date,
)

NS_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
NS_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
NAMESPACES = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
ROOT_TAGS = {
    f"{{{NS_INVOICE}}}Invoice": "invoice",
    f"{{{NS_CREDIT_NOTE}}}CreditNote": "credit_note",
}

_SUPPLIER = "cac:AccountingSupplierParty/cac:Party"
_CREDIT_NOTE_CODES = {"381", "396", "261", "262", "532"}


def read_ubl(root: etree._Element) -> EInvoice:
    xml = Reader(root, NAMESPACES, "ubl")
    kind = ROOT_TAGS[root.tag]
    currency = currency_value(xml.text("cbc:DocumentCurrencyCode"))
    found = {
        # BT-27, the seller's legal name; the trading name (BT-28) when it is missing.
        "vendor_name": xml.text(f"{_SUPPLIER}/cac:PartyLegalEntity/cbc:RegistrationName")
        or xml.text(f"{_SUPPLIER}/cac:PartyName/cbc:Name"),
        "invoice_number": xml.text("cbc:ID"),
        "invoice_date": iso_date(xml.text("cbc:IssueDate")),
        "total_amount": decimal_value(xml.text("cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount")),
        "tax_amount": decimal_value(_tax_total(xml, currency)),
        "currency": currency,
    }
    type_code = xml.text("cbc:InvoiceTypeCode")
    if type_code is not None and type_code.value in _CREDIT_NOTE_CODES:
        kind = "credit_note"
    profile = xml.text("cbc:CustomizationID")
    line_tag = "cac:InvoiceLine" if root.tag.endswith("}Invoice") else "cac:CreditNoteLine"
    return EInvoice(
        syntax="UBL",
        document_type=kind,
        profile=profile.value if profile else None,
        fields={name: value for name, value in found.items() if value is not None},
        due_date=iso_date(
            xml.text("cbc:DueDate") or xml.text("cac:PaymentMeans/cbc:PaymentDueDate")
        ),
        amount_due=decimal_value(xml.text("cac:LegalMonetaryTotal/cbc:PayableAmount")),
        line_items=tuple(_line(xml, line) for line in xml.all(line_tag)),
    )


def _tax_total(xml: Reader, currency: Located | None) -> Located | None:
    """BT-110: the TaxTotal in the document currency (a second one may be in the tax currency)."""
    amounts = xml.all("cac:TaxTotal/cbc:TaxAmount")
    if currency is not None:
        for element in amounts:
            if (element.get("currencyID") or "").upper() == currency.value:
                return xml.located(element)
    return xml.located(amounts[0]) if amounts else None


def _line(xml: Reader, line: etree._Element) -> LineItem:
    quantity = xml.first("cbc:InvoicedQuantity", line)
    if quantity is None:
        quantity = xml.first("cbc:CreditedQuantity", line)
    values = {
        "id": xml.text("cbc:ID", line),
        "description": xml.text("cac:Item/cbc:Name", line),
        "quantity": decimal_value(xml.located(quantity)),
        "unit_code": (
            Located(quantity.get("unitCode", ""), xml.xpath(quantity) + "/@unitCode")
            if quantity is not None and quantity.get("unitCode")
            else None
        ),
        "unit_price": decimal_value(xml.text("cac:Price/cbc:PriceAmount", line)),
        "net_amount": decimal_value(xml.text("cbc:LineExtensionAmount", line)),
        "tax_rate": decimal_value(xml.text("cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", line)),
    }
    return LineItem(
        xpath=xml.xpath(line), values={k: v for k, v in values.items() if v is not None}
    )
