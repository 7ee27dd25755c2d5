"""UN/CEFACT Cross Industry Invoice (D16B): Factur-X, ZUGFeRD 2.x and XRechnung CII."""

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

NS_RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
NAMESPACES = {
    "rsm": NS_RSM,
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
}
ROOT_TAG = f"{{{NS_RSM}}}CrossIndustryInvoice"

_CREDIT_NOTE_CODES = {"381", "396", "261", "262", "532"}
_AGREEMENT = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
_SETTLEMENT = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
_SUMMATION = f"{_SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation"


def read_cii(root: etree._Element) -> EInvoice:
    xml = Reader(root, NAMESPACES, "rsm")
    fields: dict[str, Located] = {}
    currency = currency_value(xml.text(f"{_SETTLEMENT}/ram:InvoiceCurrencyCode"))
    found = {
        "vendor_name": xml.text(f"{_AGREEMENT}/ram:SellerTradeParty/ram:Name"),
        "invoice_number": xml.text("rsm:ExchangedDocument/ram:ID"),
        "invoice_date": iso_date(
            xml.text("rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString")
        ),
        "total_amount": decimal_value(
            _in_currency(xml, f"{_SUMMATION}/ram:GrandTotalAmount", currency)
        ),
        "tax_amount": decimal_value(
            _in_currency(xml, f"{_SUMMATION}/ram:TaxTotalAmount", currency)
        ),
        "currency": currency,
    }
    fields = {name: value for name, value in found.items() if value is not None}
    type_code = xml.text("rsm:ExchangedDocument/ram:TypeCode")
    profile = xml.text(
        "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"
    )
    return EInvoice(
        syntax="CII",
        document_type=(
            "credit_note" if type_code and type_code.value in _CREDIT_NOTE_CODES else "invoice"
        ),
        profile=profile.value if profile else None,
        fields=fields,
        due_date=iso_date(
            xml.text(
                f"{_SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime"
                "/udt:DateTimeString"
            )
        ),
        amount_due=decimal_value(xml.text(f"{_SUMMATION}/ram:DuePayableAmount")),
        line_items=tuple(
            _line(xml, line)
            for line in xml.all(
                "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"
            )
        ),
    )


def _in_currency(xml: Reader, path: str, currency: Located | None) -> Located | None:
    """The amount in the invoice's currency (a tax total may also be given in the tax currency)."""
    elements = xml.all(path)
    if currency is not None:
        for element in elements:
            if (element.get("currencyID") or "").upper() == currency.value:
                return xml.located(element)
    for element in elements:
        if element.get("currencyID") is None:
            return xml.located(element)
    return xml.located(elements[0]) if elements else None


def _line(xml: Reader, line: etree._Element) -> LineItem:
    quantity = xml.first("ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", line)
    values = {
        "id": xml.text("ram:AssociatedDocumentLineDocument/ram:LineID", line),
        "description": xml.text("ram:SpecifiedTradeProduct/ram:Name", line),
        "quantity": decimal_value(xml.located(quantity)),
        "unit_code": (
            Located(quantity.get("unitCode", ""), xml.xpath(quantity) + "/@unitCode")
            if quantity is not None and quantity.get("unitCode")
            else None
        ),
        "unit_price": decimal_value(
            xml.text(
                "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
                line,
            )
        ),
        "net_amount": decimal_value(
            xml.text(
                "ram:SpecifiedLineTradeSettlement/"
                "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
                line,
            )
        ),
        "tax_rate": decimal_value(
            xml.text(
                "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent",
                line,
            )
        ),
    }
    return LineItem(
        xpath=xml.xpath(line), values={k: v for k, v in values.items() if v is not None}
    )
