# ruff: noqa: E501  (data tables and layout calls read better unwrapped)
"""Deterministic synthetic invoices (reportlab) with their truth, for samples/ and eval/.

Variety comes from: language (en/de/fr/es/it/nl), country (number, date and currency
conventions come from babel's CLDR data), label variants, layouts (classic, two-column,
stacked boxes, minimal), distractors (subtotal, discount, due date, PO and customer
numbers, phones, bank details, amounts in words, carried-forward page subtotals) and
scanned pages (rendered to an image, OCR needed).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import time
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation"]
_FONTS: list[tuple[str, str]] = []


def fonts() -> list[tuple[str, str]]:
    """(regular, bold) font pairs; TTFs (full Unicode) when present, else Helvetica."""
    if _FONTS:
        return _FONTS
    candidates = [
        ("DejaVuSans", "DejaVuSans-Bold"),
        ("LiberationSans-Regular", "LiberationSans-Bold"),
        ("LiberationSerif-Regular", "LiberationSerif-Bold"),
        ("DejaVuSerif", "DejaVuSerif-Bold"),
    ]
    for regular, bold in candidates:
        paths = [
            next(
                (
                    os.path.join(d, f + ".ttf")
                    for d in FONT_DIRS
                    if os.path.exists(os.path.join(d, f + ".ttf"))
                ),
                None,
            )
            for f in (regular, bold)
        ]
        if all(paths):
            for name, path in zip((regular, bold), paths, strict=True):
                pdfmetrics.registerFont(TTFont(name, str(path)))
            _FONTS.append((regular, bold))
    if not _FONTS:
        _FONTS.append(("Helvetica", "Helvetica-Bold"))
    return _FONTS


# ----------------------------------------------------------------------------- languages

LABELS: dict[str, dict[str, list[str]]] = {
    "en": {
        "title": ["INVOICE", "Invoice", "TAX INVOICE", "Tax Invoice"],
        "number": [
            "Invoice No.",
            "Invoice #",
            "Invoice Number",
            "Inv No:",
            "Bill No.",
            "Invoice No",
            "Reference",
        ],
        "date": ["Invoice Date", "Date", "Date of issue", "Issue Date", "Invoice date"],
        "due": ["Due Date", "Payment Due", "Due"],
        "po": ["PO Number", "P.O. #", "Purchase Order"],
        "customer": ["Customer No.", "Account No.", "Customer ID"],
        "bill_to": ["Bill To", "Billed To", "Invoice To", "Customer"],
        "from": ["From", "Seller", "Supplier"],
        "subtotal": ["Subtotal", "Sub-total", "Net Amount", "Total before tax"],
        "discount": ["Discount", "Less discount"],
        "total": [
            "Total",
            "Total Due",
            "Amount Due",
            "Grand Total",
            "Balance Due",
            "Invoice Total",
            "Total Amount",
        ],
        "items": ["Description", "Qty", "Unit Price", "Amount"],
        "carried": ["Carried forward", "Page subtotal c/f"],
        "brought": ["Brought forward"],
        "phone": ["Phone", "Tel", "Tel."],
        "words": ["Amount in words"],
        "page": ["Page {} of {}"],
        "prev": ["Previous balance"],
        "status": ["Status"],
        "thanks": ["Thank you for your business!", "Payment terms: 30 days net."],
    },
    "de": {
        "title": ["RECHNUNG", "Rechnung"],
        "number": ["Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.", "Belegnummer"],
        "date": ["Rechnungsdatum", "Datum", "Belegdatum"],
        "due": ["Fällig am", "Zahlbar bis"],
        "po": ["Bestellnummer", "Ihre Bestellung"],
        "customer": ["Kundennummer", "Kunden-Nr."],
        "bill_to": ["Rechnungsempfänger", "Kunde", "An"],
        "from": ["Absender", "Verkäufer"],
        "subtotal": ["Zwischensumme", "Nettobetrag", "Summe netto"],
        "discount": ["Rabatt", "Skonto"],
        "total": ["Gesamtbetrag", "Rechnungsbetrag", "Gesamtsumme", "Summe brutto", "Endbetrag"],
        "items": ["Beschreibung", "Menge", "Einzelpreis", "Betrag"],
        "carried": ["Übertrag", "Zwischensumme Seite"],
        "brought": ["Übertrag von Seite 1"],
        "phone": ["Telefon", "Tel."],
        "words": ["Betrag in Worten"],
        "page": ["Seite {} von {}"],
        "prev": ["Vorheriger Saldo"],
        "status": ["Status"],
        "thanks": ["Vielen Dank für Ihren Auftrag.", "Zahlbar innerhalb von 14 Tagen ohne Abzug."],
    },
    "fr": {
        "title": ["FACTURE", "Facture"],
        "number": ["Facture n°", "N° de facture", "Numéro de facture", "Facture No"],
        "date": ["Date de facture", "Date", "Date d'émission"],
        "due": ["Date d'échéance", "Échéance"],
        "po": ["Bon de commande", "Réf. commande"],
        "customer": ["N° client", "Code client"],
        "bill_to": ["Facturé à", "Client", "Destinataire"],
        "from": ["Émetteur", "Vendeur"],
        "subtotal": ["Total HT", "Sous-total", "Montant HT"],
        "discount": ["Remise"],
        "total": ["Total TTC", "Montant TTC", "Net à payer", "Total à payer"],
        "items": ["Désignation", "Qté", "Prix unitaire", "Montant"],
        "carried": ["Report", "À reporter"],
        "brought": ["Report de la page 1"],
        "phone": ["Tél.", "Téléphone"],
        "words": ["Arrêtée la présente facture à la somme de"],
        "page": ["Page {} sur {}"],
        "prev": ["Solde précédent"],
        "status": ["Statut"],
        "thanks": ["Merci de votre confiance.", "Paiement à 30 jours."],
    },
    "es": {
        "title": ["FACTURA", "Factura"],
        "number": ["Nº Factura", "Número de factura", "Factura nº"],
        "date": ["Fecha", "Fecha de factura", "Fecha de emisión"],
        "due": ["Vencimiento", "Fecha de vencimiento"],
        "po": ["Pedido nº"],
        "customer": ["Nº cliente", "Código cliente"],
        "bill_to": ["Cliente", "Facturar a"],
        "from": ["Emisor"],
        "subtotal": ["Base imponible", "Subtotal"],
        "discount": ["Descuento"],
        "total": ["Total", "Total factura", "Importe total", "Total a pagar"],
        "items": ["Concepto", "Cant.", "Precio", "Importe"],
        "carried": ["Suma y sigue"],
        "brought": ["Suma anterior"],
        "phone": ["Tel.", "Teléfono"],
        "words": ["Importe en letras"],
        "page": ["Página {} de {}"],
        "prev": ["Saldo anterior"],
        "status": ["Estado"],
        "thanks": ["Gracias por su confianza."],
    },
    "it": {
        "title": ["FATTURA", "Fattura"],
        "number": ["Fattura n.", "Numero fattura", "N. fattura"],
        "date": ["Data", "Data fattura", "Data documento"],
        "due": ["Scadenza"],
        "po": ["Ordine n."],
        "customer": ["Codice cliente"],
        "bill_to": ["Cliente", "Destinatario"],
        "from": ["Mittente"],
        "subtotal": ["Imponibile", "Totale imponibile"],
        "discount": ["Sconto"],
        "total": ["Totale", "Totale fattura", "Totale documento", "Totale da pagare"],
        "items": ["Descrizione", "Q.tà", "Prezzo", "Importo"],
        "carried": ["A riportare"],
        "brought": ["Riporto"],
        "phone": ["Tel."],
        "words": ["Importo in lettere"],
        "page": ["Pagina {} di {}"],
        "prev": ["Saldo precedente"],
        "status": ["Stato"],
        "thanks": ["Grazie per la fiducia."],
    },
    "nl": {
        "title": ["FACTUUR", "Factuur"],
        "number": ["Factuurnummer", "Factuurnr.", "Factuur nr."],
        "date": ["Factuurdatum", "Datum"],
        "due": ["Vervaldatum"],
        "po": ["Ordernummer"],
        "customer": ["Klantnummer"],
        "bill_to": ["Factuur aan", "Klant"],
        "from": ["Van"],
        "subtotal": ["Subtotaal", "Totaal excl. btw"],
        "discount": ["Korting"],
        "total": ["Totaal", "Totaal incl. btw", "Te betalen"],
        "items": ["Omschrijving", "Aantal", "Prijs", "Bedrag"],
        "carried": ["Transport"],
        "brought": ["Transport"],
        "phone": ["Tel."],
        "words": ["Bedrag in woorden"],
        "page": ["Pagina {} van {}"],
        "prev": ["Vorig saldo"],
        "status": ["Status"],
        "thanks": ["Bedankt voor uw opdracht."],
    },
}

STATUS_WORDS = {
    "en": {
        "paid": ["PAID", "Paid"],
        "due": ["DUE", "Due"],
        "unpaid": ["UNPAID", "Unpaid"],
        "overdue": ["OVERDUE", "Overdue"],
    },
    "de": {"paid": ["BEZAHLT", "Bezahlt"], "unpaid": ["Offen", "UNBEZAHLT"]},
    "fr": {"paid": ["PAYÉE", "Payée", "Acquittée"], "unpaid": ["Impayée", "NON PAYÉE"]},
    "es": {"paid": ["PAGADA", "Pagada"], "unpaid": ["Pendiente"]},
    "it": {"paid": ["PAGATA", "Pagata"]},
    "nl": {"paid": ["BETAALD", "Betaald"], "unpaid": ["Openstaand"]},
}

# country -> (locale, language, currency, tax label templates, tax rates, phone format)
COUNTRIES: dict[str, tuple[str, str, str, list[str], list[int], str]] = {
    "US": (
        "en_US",
        "en",
        "USD",
        ["Sales Tax", "Tax", "Sales Tax ({r}%)"],
        [7, 8, 6],
        "+1 (415) 555-{n:04d}",
    ),
    "GB": ("en_GB", "en", "GBP", ["VAT {r}%", "VAT", "VAT @ {r}%"], [20], "+44 20 7946 {n:04d}"),
    "IE": ("en_IE", "en", "EUR", ["VAT {r}%", "VAT"], [23], "+353 1 555 {n:04d}"),
    "CA": (
        "en_CA",
        "en",
        "CAD",
        ["GST {r}%", "HST ({r}%)", "GST/HST"],
        [5, 13],
        "(604) 555-{n:04d}",
    ),
    "AU": ("en_AU", "en", "AUD", ["GST", "GST {r}%", "Total GST"], [10], "+61 2 5550 {n:04d}"),
    "IN": ("en_IN", "en", "INR", ["IGST {r}%", "GST @ {r}%", "GST"], [18, 12], "+91 98450 {n:05d}"),
    "DE": (
        "de_DE",
        "de",
        "EUR",
        ["MwSt. {r}%", "USt. {r} %", "zzgl. {r}% MwSt.", "Umsatzsteuer {r}%"],
        [19, 7],
        "+49 30 1234{n:04d}",
    ),
    "AT": ("de_AT", "de", "EUR", ["USt. {r}%", "MwSt {r}%"], [20], "+43 1 234{n:04d}"),
    "CH": ("de_CH", "de", "CHF", ["MwSt. {r}%", "MWST {r}%"], [8], "+41 44 555 {n:04d}"),
    "FR": (
        "fr_FR",
        "fr",
        "EUR",
        ["TVA {r}%", "TVA ({r} %)", "Montant TVA"],
        [20, 10],
        "+33 1 42 55 {n:04d}",
    ),
    "BE": ("fr_BE", "fr", "EUR", ["TVA {r}%"], [21], "+32 2 555 {n:04d}"),
    "ES": ("es_ES", "es", "EUR", ["IVA {r}%", "IVA ({r}%)"], [21], "+34 91 555 {n:04d}"),
    "IT": ("it_IT", "it", "EUR", ["IVA {r}%", "IVA"], [22], "+39 06 555 {n:04d}"),
    "NL": ("nl_NL", "nl", "EUR", ["BTW {r}%", "btw {r}%"], [21, 9], "+31 20 555 {n:04d}"),
}

COUNTRY_NAMES = {
    "en": {
        "US": "USA",
        "GB": "United Kingdom",
        "IE": "Ireland",
        "CA": "Canada",
        "AU": "Australia",
        "IN": "India",
    },
    "de": {"DE": "Deutschland", "AT": "Österreich", "CH": "Schweiz"},
    "fr": {"FR": "France", "BE": "Belgique"},
    "es": {"ES": "España"},
    "it": {"IT": "Italia"},
    "nl": {"NL": "Nederland"},
}

VENDOR_WORDS = [
    "Northwind",
    "Blue Harbor",
    "Alpine",
    "Silverline",
    "Redwood",
    "Kestrel",
    "Orion",
    "Lumen",
    "Granite",
    "Meadow",
    "Falcon",
    "Cobalt",
    "Juniper",
    "Atlas",
    "Summit",
    "Harbour",
    "Vertex",
    "Beacon",
    "Cedar",
    "Nova",
]
VENDOR_KINDS = [
    "Trading",
    "Consulting",
    "Logistics",
    "Software",
    "Supplies",
    "Print",
    "Engineering",
    "Catering",
    "Design",
    "Electrical",
]
SUFFIXES = {
    "US": ["Inc.", "LLC", "Corp."],
    "GB": ["Ltd", "Limited", "LLP"],
    "IE": ["Ltd", "Teoranta"],
    "CA": ["Inc.", "Ltd."],
    "AU": ["Pty Ltd"],
    "IN": ["Pvt. Ltd.", "Private Limited"],
    "DE": ["GmbH", "AG", "GmbH & Co. KG"],
    "AT": ["GmbH"],
    "CH": ["AG", "GmbH"],
    "FR": ["SARL", "SAS", "S.A."],
    "BE": ["SPRL", "SA"],
    "ES": ["S.L.", "S.A."],
    "IT": ["S.r.l.", "S.p.A."],
    "NL": ["B.V.", "N.V."],
}
STREETS = {
    "en": "{n} Market Street",
    "de": "Hauptstraße {n}",
    "fr": "{n} rue de la Paix",
    "es": "Calle Mayor {n}",
    "it": "Via Roma {n}",
    "nl": "Keizersgracht {n}",
}
CITIES = {
    "US": "San Francisco, CA 94105",
    "GB": "London EC1A 1BB",
    "IE": "Dublin 2",
    "CA": "Vancouver, BC V6B 1A1",
    "AU": "Sydney NSW 2000",
    "IN": "Bengaluru 560001",
    "DE": "10115 Berlin",
    "AT": "1010 Wien",
    "CH": "8001 Zürich",
    "FR": "75002 Paris",
    "BE": "1000 Bruxelles",
    "ES": "28013 Madrid",
    "IT": "00184 Roma",
    "NL": "1015 Amsterdam",
}
ITEMS = [
    "Consulting services",
    "Software licence",
    "Office chairs",
    "Printer toner",
    "Website maintenance",
    "Freight charges",
    "Catering for event",
    "Laptop stand",
    "Cloud hosting (monthly)",
    "Design workshop",
    "Cable set",
    "Support hours",
    "Training session",
    "Paper A4 (box)",
    "Monitor 27 inch",
]
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

LAYOUTS = ["classic", "two_column", "stacked", "minimal", "right_header"]


@dataclass
class Invoice:
    key: str
    country: str
    vendor: str
    customer: str
    number: str
    date: dt.date
    due: dt.date
    items: list[tuple[str, int, Decimal]]
    tax_rate: int
    discount: Decimal
    layout: str
    labels: dict[str, Any]
    date_style: str  # "short" | "medium" | "long" | "iso"
    currency_style: str  # "symbol" | "code" | "none_code_line"
    status_word: str | None
    status_truth: str | None
    status_style: str  # "stamp" | "label"
    pagesize: tuple[float, float]
    fonts: tuple[str, str]
    scanned: bool = False
    multi_page: bool = False
    words_line: bool = False
    phone_n: int = 0
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def locale(self) -> str:
        return COUNTRIES[self.country][0]

    @property
    def lang(self) -> str:
        return COUNTRIES[self.country][1]

    @property
    def currency(self) -> str:
        return COUNTRIES[self.country][2]

    def subtotal(self) -> Decimal:
        return sum((q * p for _, q, p in self.items), Decimal("0"))

    def net(self) -> Decimal:
        return self.subtotal() - self.discount

    def tax(self) -> Decimal:
        return (self.net() * self.tax_rate / Decimal(100)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    def total(self) -> Decimal:
        return self.net() + self.tax()

    def truth(self) -> dict[str, str | None]:
        return {
            "vendor_name": self.vendor,
            "invoice_number": self.number,
            "invoice_date": self.date.isoformat(),
            "total_amount": f"{self.total():.2f}",
            "tax_amount": f"{self.tax():.2f}",
            "currency": self.currency,
            "status": self.status_truth,
        }

    # formatting helpers
    def money(self, value: Decimal) -> str:
        if self.currency_style == "symbol":
            return format_currency(value, self.currency, locale=self.locale)
        plain = format_decimal(value, format="#,##0.00", locale=self.locale)
        if self.currency_style == "code":
            return f"{plain} {self.currency}" if self.lang != "en" else f"{self.currency} {plain}"
        return plain

    def plain(self, value: Decimal) -> str:
        return format_decimal(value, format="#,##0.00", locale=self.locale)

    def fmt_date(self, value: dt.date) -> str:
        if self.date_style == "iso":
            return value.isoformat()
        return format_date(value, format=self.date_style, locale=self.locale)


def make_invoice(
    rng: random.Random,
    key: str,
    country: str | None = None,
    layout: str | None = None,
    **overrides: Any,
) -> Invoice:
    country = country or rng.choice(sorted(COUNTRIES))
    _, lang, _, tax_labels, rates, _ = COUNTRIES[country]
    labels: dict[str, Any] = {
        name: options if name == "items" else rng.choice(options)
        for name, options in LABELS[lang].items()
    }
    rate = rng.choice(rates)
    labels["tax"] = rng.choice(tax_labels).format(r=rate)
    vendor = (
        f"{rng.choice(VENDOR_WORDS)} {rng.choice(VENDOR_KINDS)} {rng.choice(SUFFIXES[country])}"
    )
    customer = f"{rng.choice(VENDOR_WORDS)} {rng.choice(['Holdings', 'Retail', 'Group', 'Partners', 'Studio'])} {rng.choice(SUFFIXES[country])}"
    if customer.split()[0] == vendor.split()[0]:
        customer = "Acme " + customer.split(" ", 1)[1]
    prefix = rng.choice(["INV-", "", "RE-", "F", "2026-", "A", "INV/", "#"])
    number = f"{prefix}{rng.randint(100, 99999):0{rng.choice([4, 5, 6])}d}".lstrip("#")
    if rng.random() < 0.2:
        number = (
            f"{rng.choice(['INV', 'FA', 'RG'])}-{rng.randint(2024, 2026)}-{rng.randint(1, 999):03d}"
        )
    date = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 500))
    n_items = rng.randint(1, 6)
    items = [
        (rng.choice(ITEMS), rng.randint(1, 12), Decimal(rng.randint(500, 250000)) / 100)
        for _ in range(n_items)
    ]
    if country == "IN" and rng.random() < 0.5:
        items.append(("Annual maintenance contract", 1, Decimal(rng.randint(100000, 900000))))
    discount = Decimal(0)
    if rng.random() < 0.25:
        discount = (sum((q * p for _, q, p in items), Decimal(0)) * Decimal("0.05")).quantize(
            Decimal("0.01")
        )
    status_truth: str | None = None
    status_word: str | None = None
    if rng.random() < 0.35:
        options = STATUS_WORDS[lang]
        status_truth = rng.choice(sorted(options))
        status_word = rng.choice(options[status_truth])
    font_pair = rng.choice(fonts())
    inv = Invoice(
        key=key,
        country=country,
        vendor=vendor,
        customer=customer,
        number=number,
        date=date,
        due=date + dt.timedelta(days=rng.choice([7, 14, 30])),
        items=items,
        tax_rate=rate,
        discount=discount,
        layout=layout or rng.choice(LAYOUTS),
        labels=labels,
        date_style=rng.choice(
            ["short", "medium", "long", "iso"]
            if lang != "en" or country != "US"
            else ["medium", "long", "iso", "short"]
        ),
        currency_style=rng.choice(["symbol", "symbol", "code", "none_code_line"]),
        status_word=status_word,
        status_truth=status_truth,
        status_style=rng.choice(["stamp", "label"]),
        pagesize=LETTER if country in ("US", "CA") else A4,
        fonts=font_pair,
        words_line=rng.random() < 0.25,
        phone_n=rng.randint(0, 9999),
    )
    if inv.date_style == "short" and country in ("US",):
        inv.date_style = "medium"  # 2-digit years are ambiguous even for people
    if inv.date_style == "short" and lang in ("de", "es", "it"):
        inv.date_style = "medium"
    for name, value in overrides.items():
        setattr(inv, name, value)
    return inv


def amount_in_words(value: Decimal) -> str:
    whole = int(value)
    return (
        " ".join(DIGIT_WORDS[int(d)] for d in str(whole)).capitalize()
        + f" and {int((value - whole) * 100):02d}/100 only"
    )


# ----------------------------------------------------------------------------- rendering


class Writer:
    def __init__(self, c: canvas.Canvas, inv: Invoice) -> None:
        self.c = c
        self.inv = inv
        self.width, self.height = inv.pagesize

    def text(
        self, x: float, y: float, s: str, size: float = 9, bold: bool = False, right: bool = False
    ) -> None:
        self.c.setFont(self.inv.fonts[1] if bold else self.inv.fonts[0], size)
        if right:
            self.c.drawRightString(x, y, s)
        else:
            self.c.drawString(x, y, s)


def _vendor_block(w: Writer, x: float, y: float, right: bool = False) -> float:
    inv = w.inv
    lang = inv.lang
    w.text(x, y, inv.vendor, size=16, bold=True, right=right)
    y -= 16
    lines = [
        STREETS[lang].format(n=(inv.phone_n % 200) + 1),
        CITIES[inv.country],
        COUNTRY_NAMES[lang][inv.country],
        f"{inv.labels['phone']}: " + COUNTRIES[inv.country][5].format(n=inv.phone_n),
    ]
    if inv.country in ("GB", "IE", "DE", "AT", "FR", "BE", "ES", "IT", "NL", "CH"):
        lines.append(f"VAT ID: {inv.country}{inv.phone_n:05d}{inv.phone_n % 97:04d}")
    elif inv.country == "AU":
        lines.append(f"ABN 51 824 {inv.phone_n:04d} 113")
    elif inv.country == "IN":
        lines.append(f"GSTIN: 29ABCDE{inv.phone_n:04d}F1Z5")
    for line in lines:
        w.text(x, y, line, size=8.5, right=right)
        y -= 11
    return y


def _customer_block(w: Writer, x: float, y: float) -> float:
    inv = w.inv
    w.text(x, y, inv.labels["bill_to"] + ":", size=9, bold=True)
    y -= 12
    for line in [
        inv.customer,
        STREETS[inv.lang].format(n=(inv.phone_n % 77) + 3),
        CITIES[inv.country],
    ]:
        w.text(x, y, line, size=9)
        y -= 11
    return y


def _meta(inv: Invoice) -> list[tuple[str, str]]:
    rows = [(inv.labels["number"], inv.number), (inv.labels["date"], inv.fmt_date(inv.date))]
    rows.append((inv.labels["due"], inv.fmt_date(inv.due)))
    rows.append((inv.labels["customer"], f"C{inv.phone_n:05d}"))
    if inv.phone_n % 3 == 0:
        rows.append((inv.labels["po"], f"PO-{inv.phone_n * 7 % 100000:05d}"))
    if inv.status_word and inv.status_style == "label":
        rows.append((inv.labels["status"], inv.status_word))
    return rows


def _meta_block(w: Writer, x: float, y: float, style: str) -> float:
    rows = _meta(w.inv)
    if style == "inline":
        for label, value in rows:
            w.text(x, y, f"{label}: {value}", size=9.5)
            y -= 13
    elif style == "table":
        for label, value in rows:
            w.text(x, y, label, size=9.5, bold=True)
            w.text(x + 110, y, value, size=9.5)
            y -= 13
    else:  # stacked: label above value, side by side
        step = (w.width - 2 * x) / max(len(rows), 1) if x < 100 else 95
        for i, (label, value) in enumerate(rows[:4]):
            w.text(x + i * step, y, label, size=8, bold=True)
            w.text(x + i * step, y - 12, value, size=9.5)
        y -= 30
        for label, value in rows[4:]:
            w.text(x, y, f"{label}: {value}", size=9)
            y -= 13
    return y


def _items_header(w: Writer, y: float, x0: float, x1: float) -> float:
    h = w.inv.labels["items"]
    w.text(x0, y, h[0], bold=True)
    w.text(x1 - 210, y, h[1], bold=True, right=True)
    w.text(x1 - 100, y, h[2], bold=True, right=True)
    w.text(x1, y, h[3], bold=True, right=True)
    w.c.line(x0, y - 4, x1, y - 4)
    return y - 16


def _item_row(w: Writer, y: float, x0: float, x1: float, item: tuple[str, int, Decimal]) -> float:
    desc, qty, price = item
    w.text(x0, y, desc)
    w.text(x1 - 210, y, str(qty), right=True)
    w.text(x1 - 100, y, w.inv.plain(price), right=True)
    w.text(x1, y, w.inv.plain(price * qty), right=True)
    return y - 14


def _totals(w: Writer, y: float, x1: float) -> float:
    inv = w.inv
    label_x = x1 - 200
    rows = [(inv.labels["subtotal"], inv.money(inv.subtotal()))]
    if inv.discount:
        rows.append((inv.labels["discount"], "-" + inv.money(inv.discount)))
    rows.append((inv.labels["tax"], inv.money(inv.tax())))
    w.c.line(label_x, y + 10, x1, y + 10)
    for label, value in rows:
        w.text(label_x, y, label)
        w.text(x1, y, value, right=True)
        y -= 14
    total_label = inv.labels["total"]
    if inv.currency_style == "none_code_line":
        total_label = f"{total_label} ({inv.currency})"
    w.text(label_x, y - 2, total_label, size=11, bold=True)
    w.text(x1, y - 2, inv.money(inv.total()), size=11, bold=True, right=True)
    y -= 22
    if inv.words_line:
        w.text(
            72 if x1 > 400 else 40,
            y,
            f"{inv.labels['words']}: {amount_in_words(inv.total())}",
            size=8,
        )
        y -= 14
    return y


def _footer(w: Writer, page: int, pages: int) -> None:
    inv = w.inv
    y = 50
    w.text(50, y + 14, inv.labels["thanks"], size=8)
    w.text(
        50,
        y,
        f"{inv.vendor} · IBAN DE{inv.phone_n:04d}500105170648{inv.phone_n % 89:04d} · BIC INGDDEFFXXX",
        size=7,
    )
    w.text(w.width - 50, y, inv.labels["page"].format(page, pages), size=7, right=True)


def _stamp(w: Writer) -> None:
    if w.inv.status_word and w.inv.status_style == "stamp":
        w.c.saveState()
        w.c.setFillColorRGB(0.8, 0.1, 0.1)
        w.text(w.width - 200, w.height - 260, w.inv.status_word, size=26, bold=True)
        w.c.restoreState()


def render(inv: Invoice) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=inv.pagesize, invariant=1)
    c.setTitle(f"{inv.labels['title']} {inv.number}")
    w = Writer(c, inv)
    left, right = 50, w.width - 50
    top = w.height - 60
    items = list(inv.items)
    per_page = 14
    if inv.multi_page:
        base = items
        while len(items) < 22:
            items.extend(base)
        inv.items = items
    pages = 1 + max(0, (len(items) - 1) // per_page) if inv.multi_page else 1

    # header
    if inv.layout == "right_header":
        y = _vendor_block(w, right, top, right=True)
        w.text(left, top, inv.labels["title"], size=22, bold=True)
        _customer_block(w, left, top - 40)
        y = min(y, top - 90) - 10
        y = _meta_block(w, left, y, "table")
    elif inv.layout == "two_column":
        y1 = _vendor_block(w, left, top)
        w.text(right, top, inv.labels["title"], size=20, bold=True, right=True)
        y2 = _meta_block(w, w.width / 2 + 40, top - 30, "table")
        y = min(y1, y2) - 10
        _customer_block(w, left, y)
        w.text(
            w.width / 2 + 40,
            y,
            "Ship To:" if inv.lang == "en" else inv.labels["bill_to"] + " (2):",
            size=9,
            bold=True,
        )
        w.text(w.width / 2 + 40, y - 12, inv.customer.split()[0] + " Warehouse", size=9)
        y -= 50
    elif inv.layout == "stacked":
        w.text(left, top, inv.labels["title"], size=24, bold=True)
        y = _vendor_block(w, left, top - 34)
        _customer_block(w, w.width / 2 + 20, top - 34)
        y -= 10
        y = _meta_block(w, left, y, "stacked")
    elif inv.layout == "minimal":
        w.text(left, top, inv.vendor, size=13, bold=True)
        w.text(
            left,
            top - 14,
            f"{STREETS[inv.lang].format(n=5)}, {CITIES[inv.country]} · {inv.labels['phone']} {COUNTRIES[inv.country][5].format(n=inv.phone_n)}",
            size=8,
        )
        y = top - 44
        w.text(left, y, f"{inv.labels['title']} {inv.number}", size=14, bold=True)
        y -= 20
        y = _meta_block(w, left, y, "inline")
        y = _customer_block(w, left, y - 6)
    else:  # classic
        y = _vendor_block(w, left, top)
        w.text(right, top, inv.labels["title"], size=22, bold=True, right=True)
        _meta_block(w, right - 200, top - 30, "inline")
        y = _customer_block(w, left, y - 14)
    _stamp(w)
    y -= 16
    if inv.phone_n % 4 == 1:
        w.text(left, y, f"{inv.labels['prev']}: {inv.money(Decimal(inv.phone_n) / 10)}", size=8.5)
        y -= 16
    y = _items_header(w, y, left, right)
    page = 1
    running = Decimal(0)
    for index, item in enumerate(items):
        if inv.multi_page and index and index % per_page == 0:
            w.text(right - 200, y - 4, inv.labels["carried"], bold=True)
            w.text(right, y - 4, inv.plain(running), bold=True, right=True)
            _footer(w, page, pages)
            c.showPage()
            page += 1
            y = w.height - 60
            w.text(left, y, f"{inv.vendor} · {inv.labels['title']} {inv.number}", size=8)
            y -= 24
            y = _items_header(w, y, left, right)
            w.text(left, y, inv.labels["brought"], bold=True)
            w.text(right, y, inv.plain(running), bold=True, right=True)
            y -= 16
        y = _item_row(w, y, left, right, item)
        running += item[1] * item[2]
    y -= 10
    _totals(w, y, right)
    _footer(w, page, pages)
    c.showPage()
    c.save()
    return buffer.getvalue()


def rasterise(pdf_bytes: bytes, dpi: int = 300) -> list[Any]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_bytes)
    images = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    pdf.close()
    return images


def write_invoice(inv: Invoice, out_dir: Path, fmt: str = "pdf") -> Path:
    """Write the invoice as a text PDF, an image-only ("scanned") PDF or a PNG scan."""
    pdf_bytes = render(inv)
    if fmt == "pdf":
        path = out_dir / f"{inv.key}.pdf"
        path.write_bytes(pdf_bytes)
        return path
    images = rasterise(pdf_bytes)
    if fmt == "png":
        path = out_dir / f"{inv.key}.png"
        images[0].save(path, format="PNG", dpi=(300, 300))
        return path
    path = out_dir / f"{inv.key}.pdf"
    stamp = time.gmtime(1767225600)  # fixed dates keep the output byte-identical
    images[0].save(
        path,
        format="PDF",
        resolution=300.0,
        save_all=True,
        append_images=images[1:],
        creationDate=stamp,
        modDate=stamp,
    )
    return path
