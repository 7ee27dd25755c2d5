"""Write the e-invoice samples into samples/einvoice/ and their expected fields.

- Factur-X PDFs (profiles MINIMUM, BASIC, EN16931): the CII XML made with `drafthorse`, the
  printed invoice drawn with ReportLab, the XML attached as a PDF/A-3 file by `factur-x`;
- one Factur-X PDF whose printed total and number disagree with its XML (the XML is kept and
  the two fields are flagged for the reviewer);
- UBL 2.1 XML (Peppol BIS Billing 3.0 Invoice and CreditNote, XRechnung UBL), and a
  standalone CII XML (XRechnung CII), following the standards' published examples.

Run with `.venv/bin/python samples/einvoice/generate.py`. The XML and the expected fields are
byte-for-byte deterministic; the PDFs carry factur-x's creation timestamp in their metadata.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from drafthorse.models.accounting import ApplicableTradeTax
from drafthorse.models.document import Document
from drafthorse.models.payment import PaymentTerms
from drafthorse.models.tradelines import LineItem
from facturx import generate_from_binary
from lxml import etree
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
CENT = Decimal("0.01")

PROFILES = {
    "MINIMUM": ("urn:factur-x.eu:1p0:minimum", "FACTUR-X_MINIMUM"),
    "BASIC": ("urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic", "FACTUR-X_BASIC"),
    "EN16931": ("urn:cen.eu:en16931:2017", "FACTUR-X_EN16931"),
    "XRECHNUNG": (
        "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
        "FACTUR-X_EN16931",
    ),
}
PEPPOL = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
XRECHNUNG_UBL = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"


@dataclass
class Line:
    description: str
    quantity: Decimal
    unit_price: Decimal
    rate: Decimal

    @property
    def net(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(CENT)


@dataclass
class Invoice:
    number: str
    issued: date
    due: date | None
    seller: str
    buyer: str
    currency: str
    lines: list[Line]
    credit_note: bool = False
    seller_country: str = "DE"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def net(self) -> Decimal:
        return sum((line.net for line in self.lines), Decimal("0.00"))

    def taxes(self) -> dict[Decimal, tuple[Decimal, Decimal]]:
        """rate -> (basis, tax)"""
        out: dict[Decimal, tuple[Decimal, Decimal]] = {}
        for rate in sorted({line.rate for line in self.lines}):
            basis = sum((x.net for x in self.lines if x.rate == rate), Decimal("0.00"))
            out[rate] = (basis, (basis * rate / 100).quantize(CENT))
        return out

    @property
    def tax(self) -> Decimal:
        return sum((tax for _, tax in self.taxes().values()), Decimal("0.00"))

    @property
    def total(self) -> Decimal:
        return self.net + self.tax


# --------------------------------------------------------------------------- CII (drafthorse)


def cii_xml(invoice: Invoice, profile: str) -> bytes:
    guideline, schema = PROFILES[profile]
    doc = Document()
    doc.context.guideline_parameter.id = guideline
    doc.header.id = invoice.number
    doc.header.type_code = "381" if invoice.credit_note else "380"
    doc.header.issue_date_time = invoice.issued
    doc.trade.agreement.seller.name = invoice.seller
    doc.trade.agreement.seller.address.country_id = invoice.seller_country
    doc.trade.agreement.seller.tax_registrations.add(_vat_id(invoice))
    doc.trade.agreement.buyer.name = invoice.buyer
    doc.trade.settlement.currency_code = invoice.currency
    totals = doc.trade.settlement.monetary_summation
    if profile != "MINIMUM":
        doc.trade.agreement.seller.address.postcode = "10115"
        doc.trade.agreement.seller.address.line_one = "Invalidenstraße 1"
        doc.trade.agreement.seller.address.city_name = "Berlin"
        doc.trade.agreement.buyer.address.country_id = "DE"
        doc.trade.settlement.payment_means.type_code = "58"
        for index, line in enumerate(invoice.lines, start=1):
            item = LineItem()
            item.document.line_id = str(index)
            item.product.name = line.description
            item.agreement.net.amount = line.unit_price
            item.delivery.billed_quantity = (line.quantity, "C62")
            item.settlement.trade_tax.type_code = "VAT"
            item.settlement.trade_tax.category_code = "S"
            item.settlement.trade_tax.rate_applicable_percent = line.rate
            item.settlement.monetary_summation.total_amount = line.net
            doc.trade.items.add(item)
        for rate, (basis, tax) in invoice.taxes().items():
            trade_tax = ApplicableTradeTax()
            trade_tax.calculated_amount = tax
            trade_tax.basis_amount = basis
            trade_tax.type_code = "VAT"
            trade_tax.category_code = "S"
            trade_tax.rate_applicable_percent = rate
            doc.trade.settlement.trade_tax.add(trade_tax)
        if invoice.due is not None:
            terms = PaymentTerms()
            terms.due = invoice.due
            doc.trade.settlement.terms.add(terms)
        totals.line_total = invoice.net
        totals.charge_total = Decimal("0.00")
        totals.allowance_total = Decimal("0.00")
    totals.tax_basis_total = invoice.net
    totals.tax_total = (invoice.tax, invoice.currency)
    totals.grand_total = invoice.total
    totals.due_amount = invoice.total
    xml: bytes = doc.serialize(schema=schema)
    return xml


def _vat_id(invoice: Invoice) -> Any:
    from drafthorse.models.party import TaxRegistration

    registration = TaxRegistration()
    registration.id = ("VA", f"{invoice.seller_country}123456789")
    return registration


# --------------------------------------------------------------------------- UBL (lxml)

NS_CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
NS_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
NS_ROOT = {
    False: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    True: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
}


def ubl_xml(invoice: Invoice, customization: str) -> bytes:
    kind = "CreditNote" if invoice.credit_note else "Invoice"
    root = etree.Element(
        f"{{{NS_ROOT[invoice.credit_note]}}}{kind}",
        nsmap={None: NS_ROOT[invoice.credit_note], "cac": NS_CAC, "cbc": NS_CBC},
    )

    def cbc(parent: etree._Element, tag: str, text: str, **attrs: str) -> etree._Element:
        element = etree.SubElement(parent, f"{{{NS_CBC}}}{tag}", attrs)
        element.text = text
        return element

    def cac(parent: etree._Element, tag: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{NS_CAC}}}{tag}")

    def money(value: Decimal) -> dict[str, str]:
        return {"currencyID": invoice.currency}

    cur = invoice.currency
    cbc(root, "CustomizationID", customization)
    cbc(root, "ProfileID", "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0")
    cbc(root, "ID", invoice.number)
    cbc(root, "IssueDate", invoice.issued.isoformat())
    if invoice.due is not None and not invoice.credit_note:
        cbc(root, "DueDate", invoice.due.isoformat())
    cbc(
        root,
        "CreditNoteTypeCode" if invoice.credit_note else "InvoiceTypeCode",
        "381" if invoice.credit_note else "380",
    )
    cbc(root, "DocumentCurrencyCode", cur)
    cbc(root, "BuyerReference", "04011000-12345-34")
    if invoice.credit_note:
        ref = cac(root, "BillingReference")
        cbc(cac(ref, "InvoiceDocumentReference"), "ID", invoice.extra["credits"])
    for role, name, country in (
        ("AccountingSupplierParty", invoice.seller, invoice.seller_country),
        ("AccountingCustomerParty", invoice.buyer, "NL"),
    ):
        party = cac(cac(root, role), "Party")
        cbc(party, "EndpointID", f"{country}123456789", schemeID="9930")
        cbc(cac(party, "PartyName"), "Name", name.split(" ")[0])
        address = cac(party, "PostalAddress")
        cbc(address, "StreetName", "Main Street 1")
        cbc(address, "CityName", "Amsterdam" if country == "NL" else "Berlin")
        cbc(address, "PostalZone", "1011 AB" if country == "NL" else "10115")
        cbc(cac(address, "Country"), "IdentificationCode", country)
        scheme = cac(party, "PartyTaxScheme")
        cbc(scheme, "CompanyID", f"{country}123456789")
        cbc(cac(scheme, "TaxScheme"), "ID", "VAT")
        cbc(cac(party, "PartyLegalEntity"), "RegistrationName", name)
    if invoice.due is not None and invoice.credit_note:
        means = cac(root, "PaymentMeans")
        cbc(means, "PaymentMeansCode", "30")
        cbc(means, "PaymentDueDate", invoice.due.isoformat())
    tax_total = cac(root, "TaxTotal")
    cbc(tax_total, "TaxAmount", str(invoice.tax), **money(invoice.tax))
    for rate, (basis, tax) in invoice.taxes().items():
        sub = cac(tax_total, "TaxSubtotal")
        cbc(sub, "TaxableAmount", str(basis), **money(basis))
        cbc(sub, "TaxAmount", str(tax), **money(tax))
        category = cac(sub, "TaxCategory")
        cbc(category, "ID", "S")
        cbc(category, "Percent", str(rate))
        cbc(cac(category, "TaxScheme"), "ID", "VAT")
    if "tax_currency" in invoice.extra:  # BT-111: the tax total again, in the accounting currency
        code, amount = invoice.extra["tax_currency"]
        cbc(cac(root, "TaxTotal"), "TaxAmount", amount, currencyID=code)
    totals = cac(root, "LegalMonetaryTotal")
    cbc(totals, "LineExtensionAmount", str(invoice.net), **money(invoice.net))
    cbc(totals, "TaxExclusiveAmount", str(invoice.net), **money(invoice.net))
    cbc(totals, "TaxInclusiveAmount", str(invoice.total), **money(invoice.total))
    prepaid = Decimal(invoice.extra.get("prepaid", "0.00"))
    if prepaid:
        cbc(totals, "PrepaidAmount", str(prepaid), **money(prepaid))
    cbc(totals, "PayableAmount", str(invoice.total - prepaid), **money(invoice.total))
    for index, line in enumerate(invoice.lines, start=1):
        row = cac(root, "CreditNoteLine" if invoice.credit_note else "InvoiceLine")
        cbc(row, "ID", str(index))
        cbc(
            row,
            "CreditedQuantity" if invoice.credit_note else "InvoicedQuantity",
            str(line.quantity),
            unitCode="C62",
        )
        cbc(row, "LineExtensionAmount", str(line.net), **money(line.net))
        item = cac(row, "Item")
        cbc(item, "Name", line.description)
        category = cac(item, "ClassifiedTaxCategory")
        cbc(category, "ID", "S")
        cbc(category, "Percent", str(line.rate))
        cbc(cac(category, "TaxScheme"), "ID", "VAT")
        cbc(cac(row, "Price"), "PriceAmount", str(line.unit_price), **money(line.unit_price))
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml


# --------------------------------------------------------------------------- printed PDF


def printed_pdf(
    invoice: Invoice, *, total: Decimal | None = None, number: str | None = None
) -> bytes:
    """The human-readable invoice; `total`/`number` override what is printed (the XML keeps
    the real values) to make a document whose print and XML disagree."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(f"Invoice {invoice.number}")
    width, height = A4
    y = height - 60
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(50, y, invoice.seller)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(50, y - 14, "Invalidenstraße 1, 10115 Berlin, Germany · VAT DE123456789")
    y -= 70
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(50, y, "Credit note" if invoice.credit_note else "Invoice")
    pdf.setFont("Helvetica", 10)
    rows = [
        ("Invoice number:", number or invoice.number),
        ("Invoice date:", invoice.issued.strftime("%d.%m.%Y")),
    ]
    if invoice.due is not None:
        rows.append(("Payment due by:", invoice.due.strftime("%d.%m.%Y")))
    for offset, (label, value) in enumerate(rows):
        pdf.drawString(330, y - offset * 14, label)
        pdf.drawString(440, y - offset * 14, value)
    pdf.drawString(50, y - 20, "Bill to:")
    pdf.drawString(50, y - 34, invoice.buyer)
    y -= 90
    pdf.setFont("Helvetica-Bold", 10)
    for x, heading in (
        (50, "Description"),
        (300, "Qty"),
        (350, "Unit price"),
        (440, "VAT"),
        (490, "Amount"),
    ):
        pdf.drawString(x, y, heading)
    pdf.setFont("Helvetica", 10)
    for line in invoice.lines:
        y -= 16
        pdf.drawString(50, y, line.description)
        pdf.drawRightString(325, y, f"{line.quantity:g}")
        pdf.drawRightString(420, y, _money(line.unit_price))
        pdf.drawRightString(470, y, f"{line.rate:g} %")
        pdf.drawRightString(545, y, _money(line.net))
    y -= 36
    total = invoice.total if total is None else total
    rows = [("Net amount", _money(invoice.net))]
    rows += [(f"VAT {rate:g} %", _money(tax)) for rate, (_, tax) in invoice.taxes().items()]
    rows.append((f"Total {invoice.currency}", _money(total)))
    for label, value in rows:
        pdf.setFont("Helvetica-Bold" if label.startswith("Total") else "Helvetica", 10)
        pdf.drawString(380, y, label)
        pdf.drawRightString(545, y, value)
        y -= 16
    pdf.setFont("Helvetica", 8)
    pdf.drawString(50, 60, "This invoice carries its data as a Factur-X XML attachment.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


# --------------------------------------------------------------------------- the samples


def invoices() -> dict[str, Invoice]:
    lines_a = [
        Line("Consulting, March 2026", Decimal("12"), Decimal("140.00"), Decimal("19")),
        Line("Travel expenses", Decimal("1"), Decimal("312.40"), Decimal("19")),
    ]
    lines_b = [
        Line("Printer paper A4, 80 g", Decimal("40"), Decimal("4.85"), Decimal("19")),
        Line("Reference book", Decimal("3"), Decimal("39.90"), Decimal("7")),
    ]
    lines_c = [Line("Cloud hosting, April 2026", Decimal("1"), Decimal("1250.00"), Decimal("21"))]
    return {
        "minimum": Invoice(
            "FX-MIN-2026-0007",
            date(2026, 3, 2),
            None,
            "Nordlicht Beratung GmbH",
            "Kanzlei Weber & Partner",
            "EUR",
            lines_a,
        ),
        "basic": Invoice(
            "FX-BAS-2026-0142",
            date(2026, 3, 16),
            date(2026, 4, 15),
            "Papierhaus Schulz KG",
            "Stadtwerke Musterstadt GmbH",
            "EUR",
            lines_b,
        ),
        "en16931": Invoice(
            "FX-EN-2026-1001",
            date(2026, 4, 1),
            date(2026, 5, 1),
            "Nordlicht Beratung GmbH",
            "Bäckerei Sonnenschein e.K.",
            "EUR",
            lines_a + lines_b,
        ),
        "mismatch": Invoice(
            "FX-EN-2026-1002",
            date(2026, 4, 3),
            date(2026, 5, 3),
            "Nordlicht Beratung GmbH",
            "Bäckerei Sonnenschein e.K.",
            "EUR",
            lines_a,
        ),
        "ubl-invoice": Invoice(
            "NL-2026-0456",
            date(2026, 4, 20),
            date(2026, 5, 20),
            "Wolkenbouw Hosting B.V.",
            "De Groene Tulp B.V.",
            "EUR",
            lines_c,
            seller_country="NL",
        ),
        "ubl-creditnote": Invoice(
            "CN-2026-0012",
            date(2026, 4, 28),
            date(2026, 5, 28),
            "Wolkenbouw Hosting B.V.",
            "De Groene Tulp B.V.",
            "EUR",
            [
                Line(
                    "Credit: hosting outage, April 2026",
                    Decimal("1"),
                    Decimal("250.00"),
                    Decimal("21"),
                )
            ],
            credit_note=True,
            seller_country="NL",
            extra={"credits": "NL-2026-0456"},
        ),
        "xrechnung-ubl": Invoice(
            "XR-2026-55",
            date(2026, 5, 4),
            date(2026, 6, 3),
            "Papierhaus Schulz KG",
            "Bundesamt für Beispiele",
            "EUR",
            lines_b,
            extra={"prepaid": "100.00"},
        ),
        "ubl-sek": Invoice(
            "SE-2026-0981",
            date(2026, 5, 11),
            None,
            "Fjällsjö Konsult AB",
            "Nordlicht Beratung GmbH",
            "EUR",
            lines_c,
            seller_country="SE",
            extra={"tax_currency": ("SEK", "2876.44")},
        ),
        "xrechnung-cii": Invoice(
            "XR-CII-2026-77",
            date(2026, 5, 18),
            date(2026, 6, 17),
            "Nordlicht Beratung GmbH",
            "Bundesamt für Beispiele",
            "EUR",
            lines_a,
        ),
    }


def expected(invoice: Invoice, profile: str | None, **more: Any) -> dict[str, Any]:
    lines = profile != "MINIMUM"
    return {
        "fields": {
            "vendor_name": invoice.seller,
            "invoice_number": invoice.number,
            "invoice_date": invoice.issued.isoformat(),
            "total_amount": str(invoice.total),
            "tax_amount": str(invoice.tax),
            "currency": invoice.currency,
            "status": None,
        },
        "document_type": "credit_note" if invoice.credit_note else "invoice",
        "due_date": invoice.due.isoformat() if invoice.due and lines else None,
        "line_items": [
            {
                "id": str(index),
                "description": line.description,
                "quantity": str(line.quantity),
                "unit_price": str(line.unit_price),
                "net_amount": str(line.net),
                "tax_rate": str(line.rate),
            }
            for index, line in enumerate(invoice.lines, start=1)
        ]
        if lines
        else [],
        "warnings": [],
        **more,
    }


def main() -> None:
    every = invoices()
    truth: dict[str, Any] = {}

    def write(name: str, data: bytes, facts: dict[str, Any]) -> None:
        (HERE / name).write_bytes(data)
        truth[name] = facts
        print("wrote", f"samples/einvoice/{name}")

    for key, profile in (("minimum", "MINIMUM"), ("basic", "BASIC"), ("en16931", "EN16931")):
        invoice = every[key]
        xml = cii_xml(invoice, profile)
        pdf = generate_from_binary(printed_pdf(invoice), xml, check_xsd=True, flavor="factur-x")
        write(f"facturx-{key}.pdf", pdf, expected(invoice, profile, syntax="CII"))
    invoice = every["mismatch"]
    pdf = generate_from_binary(
        printed_pdf(invoice, total=invoice.total + Decimal("100.00"), number="FX-EN-2026-1092"),
        cii_xml(invoice, "EN16931"),
        check_xsd=True,
        flavor="factur-x",
    )
    write(
        "facturx-printed-mismatch.pdf",
        pdf,
        expected(invoice, "EN16931", syntax="CII", warnings=["invoice_number", "total_amount"]),
    )
    write(
        "ubl-invoice.xml",
        ubl_xml(every["ubl-invoice"], PEPPOL),
        expected(every["ubl-invoice"], None, syntax="UBL"),
    )
    write(
        "ubl-creditnote.xml",
        ubl_xml(every["ubl-creditnote"], PEPPOL),
        expected(every["ubl-creditnote"], None, syntax="UBL"),
    )
    write(
        "xrechnung-ubl.xml",
        ubl_xml(every["xrechnung-ubl"], XRECHNUNG_UBL),
        expected(every["xrechnung-ubl"], None, syntax="UBL"),
    )
    write(
        "ubl-tax-currency.xml",
        ubl_xml(every["ubl-sek"], PEPPOL),
        expected(every["ubl-sek"], None, syntax="UBL"),
    )
    write(
        "xrechnung-cii.xml",
        cii_xml(every["xrechnung-cii"], "XRECHNUNG"),
        expected(every["xrechnung-cii"], "XRECHNUNG", syntax="CII"),
    )
    (HERE / "expected-fields.json").write_text(
        json.dumps(truth, indent=2, ensure_ascii=False) + "\n"
    )


if __name__ == "__main__":
    main()
