# ruff: noqa: E501  (invoice text reads better unwrapped)
"""A third blind batch: real-world-like invoices written without looking at the extractor.

`uv run python eval/blind2/generate.py` writes eval/blind2/invoices/<key>.pdf|txt|png + .json.
Styles none of the other sets has: SaaS invoices and receipts (Stripe-like, AWS-like),
utility bills and annual statements, Word-template freelancer invoices, hotel folios,
marketplace order invoices (seller vs platform), a customer name printed bigger than the
vendor's, a vendor known only from its logo text, EU reverse charge, small-business
exemptions, till tickets, scans (rendered and OCR'd), and invoices in EN DE FR ES IT NL PT PL
SV CS TR EL (Greek, DejaVu) and JA (plain text: no Japanese font on this machine).
Truth conventions are eval/holdout/generate.py's: total = gross total as printed before
payments; tax = sum of printed tax lines, "0.00" for a printed zero/exempt tax line, null
when no tax amount is printed; status only when the document prints one.
"""

from __future__ import annotations

import io
import json
import random
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "holdout"))

from generate import (  # noqa: E402
    LETTER,
    Invoice,
    Pdf,
    ch,
    eu,
    items_total,
    q,
    sp,
    sp2,
    truth,
    us,
    use_liberation,
)

OUT = HERE / "invoices"
D = Decimal
REGISTRY: list[Callable[[], Invoice]] = []


def invoice(fn: Callable[[], Invoice]) -> Callable[[], Invoice]:
    REGISTRY.append(fn)
    return fn


def scan(pdf: bytes, seed: int, angle: float = 0.6) -> bytes:
    """Render the first page at 200 dpi, tilt it slightly and add speckle: a desk scan."""
    import pypdfium2 as pdfium
    from PIL import Image

    page = pdfium.PdfDocument(pdf)[0]
    img = page.render(scale=200 / 72).to_pil().convert("L")
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    rng = random.Random(seed)
    px = img.load()
    assert px is not None
    w, h = img.size
    for _ in range(w * h // 400):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.choice((0, 90, 160))
    out = io.BytesIO()
    img.save(out, format="PNG", dpi=(200, 200))
    return out.getvalue()


# ----------------------------------------------------------------------------- SaaS


@invoice
def s01_us_stripe_invoice() -> Invoice:
    p = Pdf(LETTER)
    seats = D(12)
    price = D("99.00")
    sub = seats * price
    p.t(50, 60, "Invoice", 20, "lib-bold")
    p.t(540, 60, "Lumenfold", 16, "lib-bold", "r")
    rows = [
        ("Invoice number", "5D1C08A2-0014"),
        ("Date of issue", "April 3, 2026"),
        ("Date due", "May 3, 2026"),
    ]
    for i, (lab, val) in enumerate(rows):
        p.t(50, 95 + i * 14, lab, 9, "lib")
        p.t(160, 95 + i * 14, val, 9, "lib")
    p.t(50, 160, "Lumenfold, Inc.", 9, "lib-bold")
    p.t(50, 173, "548 Market Street, PMB 30712", 9, "lib")
    p.t(50, 186, "San Francisco, California 94104", 9, "lib")
    p.t(50, 199, "United States", 9, "lib")
    p.t(50, 212, "billing@lumenfold.io", 9, "lib")
    p.t(260, 160, "Bill to", 9, "lib-bold")
    p.t(260, 173, "Carraway Health Partners", 9, "lib")
    p.t(260, 186, "77 Lake Shore Dr", 9, "lib")
    p.t(260, 199, "Chicago, Illinois 60611", 9, "lib")
    p.t(260, 212, "ap@carrawayhealth.com", 9, "lib")
    p.t(50, 250, f"${us(sub)} USD due May 3, 2026", 15, "lib-bold")
    p.t(50, 270, "Pay online", 9, "lib")
    p.t(50, 310, "Description", 8, "lib")
    p.t(380, 310, "Qty", 8, "lib", "r")
    p.t(460, 310, "Unit price", 8, "lib", "r")
    p.t(540, 310, "Amount", 8, "lib", "r")
    p.line(50, 316, 540, 316)
    p.t(50, 332, "Team plan (per seat)", 9, "lib")
    p.t(50, 344, "Apr 3 – May 3, 2026", 8, "lib")
    p.t(380, 332, "12", 9, "lib", "r")
    p.t(460, 332, "$99.00", 9, "lib", "r")
    p.t(540, 332, f"${us(sub)}", 9, "lib", "r")
    p.line(300, 360, 540, 360)
    for i, (lab, val) in enumerate(
        [("Subtotal", f"${us(sub)}"), ("Total", f"${us(sub)}"), ("Amount due", f"${us(sub)} USD")]
    ):
        f = "lib-bold" if i == 2 else "lib"
        p.t(300, 376 + i * 16, lab, 9, f)
        p.t(540, 376 + i * 16, val, 9, f, "r")
    p.t(50, 740, "5D1C08A2-0014 · $1,188.00 USD due May 3, 2026", 7.5, "lib")
    p.t(540, 740, "Page 1 of 1", 7.5, "lib", "r")
    return Invoice(
        "s01-us-stripe-invoice",
        "pdf",
        p.done(),
        truth("Lumenfold, Inc.", "5D1C08A2-0014", "2026-04-03", sub, None, "USD"),
    )


@invoice
def s02_gb_stripe_receipt() -> Invoice:
    p = Pdf()
    net = D("40.00")
    vat = q(net * D("0.20"))
    total = net + vat
    p.t(297, 70, "Receipt from Paperhound Ltd", 16, "lib-bold", "c")
    p.t(297, 88, "Receipt #2291-4471", 9, "lib", "c")
    for i, (lab, val) in enumerate(
        [
            ("AMOUNT PAID", f"£{us(total)}"),
            ("DATE PAID", "14 Apr 2026, 09:41"),
            ("PAYMENT METHOD", "Visa – 4242"),
        ]
    ):
        x = 80 + i * 160
        p.t(x, 130, lab, 7, "lib-bold")
        p.t(x, 144, val, 10, "lib")
    p.t(80, 185, "Invoice #A7F3E9C1-0003", 9, "lib")
    p.t(80, 215, "SUMMARY", 7, "lib-bold")
    p.box(70, 225, 455, 120, fill=0.96)
    lines = [
        ("Paperhound Pro × 1", f"£{us(net)}"),
        ("Apr 14 – May 14, 2026", ""),
        ("Subtotal", f"£{us(net)}"),
        ("VAT - United Kingdom (20% on £40.00)", f"£{us(vat)}"),
        ("Total", f"£{us(total)}"),
        ("Amount paid", f"£{us(total)}"),
    ]
    for i, (lab, val) in enumerate(lines):
        f = "lib-bold" if lab == "Amount paid" else "lib"
        p.t(85, 242 + i * 17, lab, 9, f)
        p.t(510, 242 + i * 17, val, 9, f, "r")
    p.t(80, 380, "If you have any questions, contact us at support@paperhound.co.uk.", 8, "lib")
    p.t(
        80,
        392,
        "Paperhound Ltd · 3rd Floor, 1 Ropemaker St, London EC2Y 9HT · VAT GB 318 4412 90",
        7,
        "lib",
    )
    return Invoice(
        "s02-gb-stripe-receipt",
        "pdf",
        p.done(),
        truth("Paperhound Ltd", "A7F3E9C1-0003", "2026-04-14", total, vat, "GBP", "paid"),
    )


@invoice
def s03_lu_aws_like() -> Invoice:
    p = Pdf(LETTER)
    services = [
        ("Amazon Elastic Compute Cloud", D("812.44")),
        ("Amazon Simple Storage Service", D("96.18")),
        ("Amazon Relational Database Service", D("305.70")),
        ("AWS Data Transfer", D("41.06")),
    ]
    net = sum((v for _, v in services), D(0))
    vat = q(net * D("0.19"))
    total = net + vat
    p.t(40, 50, "aws", 26, "lib-bold")
    p.t(572, 42, "Tax Invoice", 14, "lib-bold", "r")
    kv = [
        ("Invoice Number:", "EUINDE26-2210493"),
        ("Invoice Date:", "April 2, 2026"),
        ("Account Number:", "4410 8823 1096"),
        ("TOTAL AMOUNT DUE ON May 2, 2026", f"USD {us(total)}"),
    ]
    for i, (lab, val) in enumerate(kv):
        f = "lib-bold" if i == 3 else "lib"
        p.t(330, 70 + i * 13, lab, 8.5, f)
        p.t(572, 70 + i * 13, val, 8.5, f, "r")
    p.t(40, 140, "Bill to Address:", 8.5, "lib-bold")
    for i, line in enumerate(
        [
            "ATTN: Accounts Payable",
            "Kranich Datentechnik GmbH",
            "Hafenstraße 12",
            "20457 Hamburg, DE",
        ]
    ):
        p.t(40, 153 + i * 12, line, 8.5, "lib")
    p.t(330, 140, "This invoice is for the billing period April 1 - April 30, 2026", 8, "lib")
    p.t(
        330,
        160,
        "Greetings from Amazon Web Services, we're writing to provide you with an",
        7.5,
        "lib",
    )
    p.t(330, 170, "electronic invoice for your use of AWS services.", 7.5, "lib")
    p.t(40, 225, "Invoice Summary", 11, "lib-bold")
    p.line(40, 232, 572, 232)
    summary = [
        ("Amazon Web Services Charges", f"USD {us(net)}"),
        ("VAT to be collected  (19%)", f"USD {us(vat)}"),
        ("TOTAL AMOUNT", f"USD {us(total)}"),
    ]
    for i, (lab, val) in enumerate(summary):
        f = "lib-bold" if i == 2 else "lib"
        p.t(40, 248 + i * 14, lab, 9, f)
        p.t(572, 248 + i * 14, val, 9, f, "r")
    p.t(40, 310, f"Total in EUR (1 USD = 0.9214 EUR): EUR {us(q(total * D('0.9214')))}", 8, "lib")
    p.t(40, 340, "Detail", 11, "lib-bold")
    p.line(40, 347, 572, 347)
    for i, (name, amt) in enumerate(services):
        p.t(40, 363 + i * 14, name, 9, "lib")
        p.t(572, 363 + i * 14, f"USD {us(amt)}", 9, "lib", "r")
    p.t(
        40,
        680,
        "Amazon Web Services EMEA SARL, 38 Avenue John F. Kennedy, L-1855, Luxembourg",
        7.5,
        "lib",
    )
    p.t(40, 690, "R.C.S. Luxembourg B186284 · VAT registration number: DE317013094", 7.5, "lib")
    p.t(40, 700, "Service Provider: Amazon Web Services EMEA SARL", 7.5, "lib")
    return Invoice(
        "s03-lu-aws-like",
        "pdf",
        p.done(),
        truth("Amazon Web Services EMEA SARL", "EUINDE26-2210493", "2026-04-02", total, vat, "USD"),
    )


# ----------------------------------------------------------------------------- utilities


@invoice
def s04_gb_energy_bill() -> Invoice:
    p = Pdf()
    energy = D("71.34")
    standing = D("20.52")
    net = energy + standing
    vat = q(net * D("0.05"))
    total = net + vat
    p.t(40, 55, "Northfield Energy", 20, "sans-bold")
    p.t(40, 72, "Your energy bill", 11)
    p.t(555, 50, "Mr R. Okafor", 9, align="r")
    p.t(555, 62, "Flat 2, 19 Beech Road", 9, align="r")
    p.t(555, 74, "Leeds LS6 1AA", 9, align="r")
    p.box(40, 100, 515, 70, fill=0.93)
    p.t(55, 120, "Account number", 8)
    p.t(55, 134, "8801 2234 7719", 10, "sans-bold")
    p.t(215, 120, "Bill number", 8)
    p.t(215, 134, "000418823", 10, "sans-bold")
    p.t(375, 120, "Bill date", 8)
    p.t(375, 134, "12 March 2026", 10, "sans-bold")
    p.t(55, 158, "Billing period 10 February 2026 – 9 March 2026", 8)
    p.t(40, 200, "Your account summary", 12, "sans-bold")
    summary = [
        ("Balance on your last bill", "£88.20"),
        ("Payments received – thank you", "-£88.20"),
        ("Electricity charges this period (incl. VAT)", f"£{us(total)}"),
        ("Amount to pay by Direct Debit on 26 March 2026", f"£{us(total)}"),
    ]
    for i, (lab, val) in enumerate(summary):
        f = "sans-bold" if i == 3 else "sans"
        p.t(40, 220 + i * 16, lab, 9.5, f)
        p.t(555, 220 + i * 16, val, 9.5, f, "r")
    p.t(40, 310, "Electricity – meter E17Z 04412", 12, "sans-bold")
    p.t(40, 328, "Opening read 18204 (actual)   Closing read 18472 (estimated)   268 kWh", 8.5)
    charges = [
        ("268 kWh at 26.62p", f"£{us(energy)}"),
        ("Standing charge 28 days at 73.29p", f"£{us(standing)}"),
        ("Total charges before VAT", f"£{us(net)}"),
        ("VAT at 5%", f"£{us(vat)}"),
        ("Total electricity charges", f"£{us(total)}"),
    ]
    for i, (lab, val) in enumerate(charges):
        f = "sans-bold" if i == 4 else "sans"
        p.t(40, 348 + i * 15, lab, 9, f)
        p.t(555, 348 + i * 15, val, 9, f, "r")
    p.t(
        40,
        760,
        "Northfield Energy Supply Ltd. Registered in England No. 09912345. VAT No. 221 4190 55.",
        7,
    )
    p.t(40, 770, "Emergency? Call 0800 111 999 (free, 24 hours).", 7)
    return Invoice(
        "s04-gb-energy-bill",
        "pdf",
        p.done(),
        truth("Northfield Energy Supply Ltd.", "000418823", "2026-03-12", total, vat, "GBP"),
    )


@invoice
def s05_de_stadtwerke_annual() -> Invoice:
    p = Pdf()
    strom_net = D("1034.20")
    vat = q(strom_net * D("0.19"))
    gross = strom_net + vat
    paid = D("1140.00")
    p.t(40, 50, "Stadtwerke Lindenau", 18, "sans-bold")
    p.t(40, 64, "Energie · Wasser · Bäder", 8)
    p.t(40, 100, "Stadtwerke Lindenau GmbH · Postfach 1120 · 04177 Leipzig", 6.5)
    for i, line in enumerate(["Frau", "Katrin Vogt", "Am Anger 7", "04177 Leipzig"]):
        p.t(40, 114 + i * 12, line, 10)
    info = [
        ("Kundennummer", "200 418 337"),
        ("Vertragskonto", "7100 2291 04"),
        ("Rechnungsnummer", "3301 884 219"),
        ("Datum", "20.03.2026"),
    ]
    for i, (lab, val) in enumerate(info):
        p.t(360, 110 + i * 13, lab, 8.5)
        p.t(555, 110 + i * 13, val, 8.5, align="r")
    p.t(40, 200, "Jahresabrechnung Strom 2025", 13, "sans-bold")
    p.t(
        40,
        216,
        "Abrechnungszeitraum 01.01.2025 – 31.12.2025 · Zählernummer 1ESY1160 3340 · Verbrauch 2.870 kWh",
        8,
    )
    rows = [
        ["Position", "Menge", "Preis", "Betrag netto"],
        ["Arbeitspreis", "2.870 kWh", "0,2980 €/kWh", eu(D("855.26")) + " €"],
        ["Grundpreis", "365 Tage", "0,49025 €/Tag", eu(D("178.94")) + " €"],
    ]
    y = p.grid(40, 235, [(200, "l"), (90, "r"), (110, "r"), (115, "r")], rows)
    y += 18
    lines = [
        ("Summe netto", eu(strom_net) + " €"),
        ("Umsatzsteuer 19 %", eu(vat) + " €"),
        ("Gesamtbetrag brutto", eu(gross) + " €"),
        ("abzüglich geleistete Abschläge", "-" + eu(paid) + " €"),
        ("Nachzahlung", eu(gross - paid) + " €"),
    ]
    for i, (lab, val) in enumerate(lines):
        f = "sans-bold" if i in (2, 4) else "sans"
        p.t(300, y + i * 15, lab, 9, f)
        p.t(555, y + i * 15, val, 9, f, "r")
    p.t(
        40,
        y + 95,
        "Den Nachzahlungsbetrag buchen wir am 03.04.2026 von Ihrem Konto DE12 8605 0000 1100 2233 44 ab.",
        8.5,
    )
    p.t(40, y + 110, "Ihr neuer monatlicher Abschlag ab April 2026: 92,00 €", 8.5)
    p.t(
        40,
        790,
        "Stadtwerke Lindenau GmbH · Sitz Leipzig · HRB 8812 · USt-IdNr. DE 141 229 310 · Geschäftsführer: Dr. M. Seidel",
        6.5,
    )
    return Invoice(
        "s05-de-stadtwerke-annual",
        "pdf",
        p.done(),
        truth("Stadtwerke Lindenau GmbH", "3301 884 219", "2026-03-20", gross, vat, "EUR"),
    )


@invoice
def s06_us_water_bill_txt() -> Invoice:
    text = """                    CITY OF FAIRVIEW UTILITIES
                 Water · Sewer · Solid Waste Services
             PO Box 2210, Fairview, TN 37062 · (615) 555-0140

 ACCOUNT NO.     SERVICE ADDRESS            BILL DATE     DUE DATE
 10-4471-02      318 Cedar Hollow Ln        03/31/2026    04/20/2026

 SERVICE PERIOD 02/27/2026 - 03/28/2026        METER #88120441
 PREVIOUS READ 441,220    PRESENT READ 446,910    USAGE 5,690 GAL

 PREVIOUS BALANCE                                   61.18
 PAYMENT 03/12/2026 - THANK YOU                    -61.18
 WATER BASE CHARGE                                  18.50
 WATER USAGE 5,690 GAL                              27.31
 SEWER                                              22.76
 SOLID WASTE                                        16.00
                                                 --------
 CURRENT CHARGES                                    84.57
 TOTAL AMOUNT DUE                                   84.57
 AMOUNT DUE AFTER 04/20/2026                        92.97

 ---------------------- detach and return with payment ----------------------
 CITY OF FAIRVIEW UTILITIES       ACCOUNT 10-4471-02     BILL #2603-118842
 AMOUNT DUE BY 04/20/2026: $84.57
"""
    return Invoice(
        "s06-us-water-bill",
        "txt",
        text.encode(),
        truth("City of Fairview Utilities", "2603-118842", "2026-03-31", "84.57", None, "USD"),
    )


# ----------------------------------------------------------------------------- freelancers / templates


@invoice
def s07_us_word_template_customer_big() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Website copy – 5 pages", D(1), D("1500.00")),
        ("SEO meta descriptions", D(20), D("25.00")),
        ("Revisions (hours)", D(4), D("75.00")),
    ]
    total = items_total(items)
    p.t(306, 60, "INVOICE", 28, "tim-bold", "c")
    p.t(50, 110, "BILL TO:", 9, "tim-bold")
    p.t(50, 134, "GRANITE PEAK OUTFITTERS, INC.", 18, "tim-bold")
    p.t(50, 152, "Attn: Marketing Dept.", 10, "tim")
    p.t(50, 165, "2200 Alpine Way, Boulder, CO 80302", 10, "tim")
    p.t(400, 110, "INVOICE #: 0023", 10, "tim")
    p.t(400, 124, "DATE: 4/9/2026", 10, "tim")
    p.t(400, 138, "TERMS: Due on receipt", 10, "tim")
    rows = [["DESCRIPTION", "QTY", "RATE", "AMOUNT"]] + [
        [d, str(int(qt)), "$" + us(pr), "$" + us(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(
        50, 200, [(280, "l"), (50, "c"), (80, "r"), (102, "r")], rows, size=10, row_h=18, f="tim"
    )
    p.t(430, y + 22, "TOTAL", 11, "tim-bold")
    p.t(562, y + 22, "$" + us(total), 11, "tim-bold", "r")
    p.t(50, y + 70, "Make all checks payable to Megan Ruiz.", 10, "tim")
    p.t(50, y + 84, "Thank you for your business!", 10, "tim")
    p.t(
        306,
        720,
        "Megan Ruiz Copywriting · 14 Walnut St, Denver, CO 80205 · megan@meganruizcopy.com · (720) 555-0164",
        8,
        "tim",
        "c",
    )
    return Invoice(
        "s07-us-word-template-customer-big",
        "pdf",
        p.done(),
        truth("Megan Ruiz Copywriting", "0023", "2026-04-09", total, None, "USD"),
    )


@invoice
def s08_gb_logo_only_vendor() -> Invoice:
    p = Pdf()
    days = D("6.5")
    rate = D("650.00")
    net = q(days * rate)
    vat = q(net * D("0.2"))
    total = net + vat
    p.t(40, 60, "brightleaf", 30, "serif-bold")
    p.t(42, 76, "product design studio", 8, "serif")
    p.t(555, 50, "Invoice", 22, "sans", "r")
    p.t(40, 130, "To", 8, "sans-bold")
    p.t(40, 143, "Harbour & Finch Ltd", 10)
    p.t(40, 156, "9 Canal Wharf, Bristol BS1 6XN", 9)
    p.t(330, 130, "Number", 8, "sans-bold")
    p.t(330, 143, "BL-2026-031", 10)
    p.t(430, 130, "Issued", 8, "sans-bold")
    p.t(430, 143, "31/03/2026", 10)
    p.t(330, 165, "Due", 8, "sans-bold")
    p.t(330, 178, "30/04/2026", 10)
    p.line(40, 205, 555, 205)
    p.t(40, 222, "Discovery and prototype sprint, March 2026", 10)
    p.t(40, 236, "6.5 days × £650.00", 9)
    p.t(555, 222, f"£{us(net)}", 10, align="r")
    p.line(40, 250, 555, 250)
    for i, (lab, val) in enumerate(
        [("Net", f"£{us(net)}"), ("VAT 20%", f"£{us(vat)}"), ("Total", f"£{us(total)}")]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(380, 268 + i * 16, lab, 10, f)
        p.t(555, 268 + i * 16, val, 10, f, "r")
    p.t(40, 380, "Bank transfer to 20-44-91 / 73312288 quoting the invoice number.", 9)
    p.t(40, 800, "hello@brightleaf.studio  ·  brightleaf.studio  ·  VAT no. 402 1187 63", 7.5)
    return Invoice(
        "s08-gb-logo-only-vendor",
        "pdf",
        p.done(),
        truth("brightleaf", "BL-2026-031", "2026-03-31", total, vat, "GBP"),
    )


@invoice
def s09_nl_email_signature_txt() -> Invoice:
    text = """Van: Sanne Visser <sanne@vissertaal.nl>
Aan: Redactie <redactie@hetgroenehuis.nl>
Onderwerp: Factuur 2026-014 vertaling jaarverslag

Beste Joost,

Hierbij mijn factuur voor de vertaling van het jaarverslag (NL > EN, 8.400 woorden).

Factuurnummer: 2026-014
Factuurdatum: 2 april 2026
Vertaling 8.400 woorden à € 0,12      € 1.008,00
Eindredactie 2 uur à € 55,00           €   110,00
Subtotaal                              € 1.118,00
BTW 21%                                €   234,78
Te betalen                             € 1.352,78

Graag binnen 14 dagen overmaken naar NL91 ABNA 0417 1643 00 o.v.v. het factuurnummer.

Met vriendelijke groet,

Sanne Visser
Visser Vertalingen
Oudegracht 118, 3511 AX Utrecht
KvK 71234567 · btw NL001234567B01
"""
    return Invoice(
        "s09-nl-email-signature",
        "txt",
        text.encode(),
        truth("Visser Vertalingen", "2026-014", "2026-04-02", "1352.78", "234.78", "EUR"),
    )


@invoice
def s10_fr_auto_entrepreneur() -> Invoice:
    p = Pdf()
    total = D("2350.00")
    p.t(40, 50, "Julien Moreau", 15, "serif-bold")
    p.t(40, 65, "Développement web & intégration", 9, "serif")
    p.t(40, 78, "17 rue des Tanneurs, 67000 Strasbourg", 9, "serif")
    p.t(40, 91, "SIRET 812 345 678 00021 · julien@jmoreau.dev", 9, "serif")
    p.t(330, 130, "Association Les Jardins Partagés", 10, "serif-bold")
    p.t(330, 143, "4 allée des Tilleuls", 10, "serif")
    p.t(330, 156, "67100 Strasbourg", 10, "serif")
    p.t(40, 200, "FACTURE", 16, "serif-bold")
    p.t(40, 220, "Numéro : 2026-07", 10, "serif")
    p.t(40, 234, "Date d'émission : 8 avril 2026", 10, "serif")
    p.t(40, 248, "Date d'échéance : 8 mai 2026", 10, "serif")
    rows = [
        ["Désignation", "Qté", "Prix unitaire", "Total"],
        ["Refonte du site (forfait)", "1", "1 800,00 €", "1 800,00 €"],
        ["Formation WordPress (demi-journée)", "2", "275,00 €", "550,00 €"],
    ]
    y = p.grid(40, 275, [(260, "l"), (40, "c"), (100, "r"), (115, "r")], rows, f="serif")
    p.t(400, y + 20, "Total HT", 10, "serif")
    p.t(555, y + 20, "2 350,00 €", 10, "serif", "r")
    p.t(400, y + 36, "Net à payer", 10, "serif-bold")
    p.t(555, y + 36, "2 350,00 €", 10, "serif-bold", "r")
    p.t(40, y + 80, "TVA non applicable, art. 293 B du CGI.", 9, "serif")
    p.t(
        40,
        y + 94,
        "Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire de recouvrement : 40 €.",
        8,
        "serif",
    )
    return Invoice(
        "s10-fr-auto-entrepreneur",
        "pdf",
        p.done(),
        truth("Julien Moreau", "2026-07", "2026-04-08", total, None, "EUR"),
    )


@invoice
def s11_de_kleinunternehmer_txt() -> Invoice:
    text = """Fotografie Lena Brandt
Schillerstr. 3 · 79098 Freiburg · 0761 555 3210 · mail@lenabrandt-foto.de

An
Weingut Albrecht
Hauptstraße 41
79235 Vogtsburg

                                                   Freiburg, den 27. März 2026

Rechnung Nr. 2026/019

Sehr geehrte Damen und Herren,

für die Produktfotografie (Flaschen, 24 Motive) am 19.03.2026 berechne ich:

  Fotoshooting Tagessatz                          850,00 EUR
  Bildbearbeitung 24 Motive à 15,00 EUR           360,00 EUR
  Anfahrt (62 km à 0,30 EUR)                       18,60 EUR
  -------------------------------------------------------------
  Rechnungsbetrag                               1.228,60 EUR

Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.

Bitte überweisen Sie den Betrag bis zum 10.04.2026 auf:
IBAN DE44 6805 0101 0012 3456 78 · Sparkasse Freiburg

Mit freundlichen Grüßen
Lena Brandt
Steuernummer 06471/12345
"""
    return Invoice(
        "s11-de-kleinunternehmer",
        "txt",
        text.encode(),
        truth("Fotografie Lena Brandt", "2026/019", "2026-03-27", "1228.60", None, "EUR"),
    )


# ----------------------------------------------------------------------------- hospitality / retail


@invoice
def s12_fr_hotel_folio() -> Invoice:
    p = Pdf()
    room = D("3") * D("128.00")
    breakfast = D("3") * D("2") * D("14.00")
    minibar = D("9.50")
    city_tax = D("3") * D("2") * D("1.65")
    # TVA included in prices: 10 % on room and breakfast, 20 % on minibar
    tva10 = q((room + breakfast) * D("10") / D("110"))
    tva20 = q(minibar * D("20") / D("120"))
    total = room + breakfast + minibar + city_tax
    p.t(297, 50, "HÔTEL DES REMPARTS", 16, "serif-bold", "c")
    p.t(297, 64, "★★★ · 6 rue du Château · 84000 Avignon · +33 4 90 55 12 00", 8, "serif", "c")
    p.t(40, 105, "M. et Mme Lindqvist", 10, "serif")
    p.t(40, 118, "Chambre 214", 9, "serif")
    p.t(40, 131, "Arrivée : 02/04/2026   Départ : 05/04/2026   Nuits : 3", 9, "serif")
    p.t(555, 105, "Facture n° F26-03318", 10, "serif-bold", "r")
    p.t(555, 118, "Avignon, le 05/04/2026", 9, "serif", "r")
    p.t(555, 131, "Folio 88412 · Caisse 2", 8, "serif", "r")
    rows = [["Date", "Libellé", "Qté", "P.U. TTC", "Montant TTC"]]
    for d in ("02/04", "03/04", "04/04"):
        rows.append([d, "Hébergement chambre double", "1", "128,00", "128,00"])
        rows.append([d, "Petit-déjeuner", "2", "14,00", "28,00"])
        rows.append([d, "Taxe de séjour", "2", "1,65", "3,30"])
    rows.append(["04/04", "Minibar", "1", "9,50", "9,50"])
    y = p.grid(
        40,
        160,
        [(55, "l"), (240, "l"), (40, "c"), (80, "r"), (100, "r")],
        rows,
        f="serif",
        size=8.5,
    )
    y += 15
    p.t(40, y + 10, "Taux", 8.5, "serif-bold")
    p.t(140, y + 10, "Base HT", 8.5, "serif-bold")
    p.t(240, y + 10, "TVA", 8.5, "serif-bold")
    p.t(40, y + 23, "10 %", 8.5, "serif")
    p.t(140, y + 23, sp(room + breakfast - tva10), 8.5, "serif")
    p.t(240, y + 23, sp(tva10), 8.5, "serif")
    p.t(40, y + 36, "20 %", 8.5, "serif")
    p.t(140, y + 36, sp(minibar - tva20), 8.5, "serif")
    p.t(240, y + 36, sp(tva20), 8.5, "serif")
    p.t(40, y + 49, "Taxe de séjour (non soumise)", 8.5, "serif")
    p.t(240, y + 49, sp(city_tax), 8.5, "serif")
    p.t(380, y + 10, "Total TTC", 10, "serif-bold")
    p.t(555, y + 10, sp(total) + " €", 10, "serif-bold", "r")
    p.t(380, y + 26, "Réglé CB Visa", 9, "serif")
    p.t(555, y + 26, "-" + sp(total) + " €", 9, "serif", "r")
    p.t(380, y + 42, "Solde", 9, "serif")
    p.t(555, y + 42, "0,00 €", 9, "serif", "r")
    p.t(
        297,
        790,
        "SAS Hôtel des Remparts au capital de 50 000 € · RCS Avignon 523 118 204 · TVA FR41 523118204",
        6.5,
        "serif",
        "c",
    )
    return Invoice(
        "s12-fr-hotel-folio",
        "pdf",
        p.done(),
        truth("Hôtel des Remparts", "F26-03318", "2026-04-05", total, tva10 + tva20, "EUR", "paid"),
    )


@invoice
def s13_de_amazon_style_order() -> Invoice:
    p = Pdf()
    gross1 = D("24.99")
    gross2 = D("12.49")
    ship = D("0.00")
    total = gross1 + gross2 + ship
    net = q(total / D("1.19"))
    vat = total - net
    p.t(40, 50, "amazon.de", 18, "lib-bold")
    p.t(555, 48, "Rechnung", 16, "lib-bold", "r")
    p.t(555, 62, "Zahlung erhalten", 9, "lib-bold", "r")
    p.t(40, 90, "Verkauft von Amazon EU S.à r.l.", 8.5, "lib")
    p.t(40, 101, "38 avenue John F. Kennedy, L-1855 Luxembourg", 8.5, "lib")
    p.t(40, 112, "USt-IdNr. DE814584193", 8.5, "lib")
    kv = [
        ("Rechnungsdatum /Lieferdatum", "03 April 2026"),
        ("Rechnungsnummer", "DE6A2BX1AEUI"),
        ("Zahlbetrag", eu(total) + " €"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(330, 90 + i * 12, lab, 8.5, "lib-bold")
        p.t(555, 90 + i * 12, val, 8.5, "lib", "r")
    p.t(40, 140, "Rechnungsadresse", 8.5, "lib-bold")
    for i, line in enumerate(["Tobias Krämer", "Lindenallee 5", "30159 Hannover", "DE"]):
        p.t(40, 152 + i * 11, line, 8.5, "lib")
    p.t(230, 140, "Lieferadresse", 8.5, "lib-bold")
    for i, line in enumerate(["Tobias Krämer", "Lindenallee 5", "30159 Hannover", "DE"]):
        p.t(230, 152 + i * 11, line, 8.5, "lib")
    p.t(400, 140, "Bestellinformationen", 8.5, "lib-bold")
    p.t(400, 152, "Bestelldatum 01 April 2026", 8.5, "lib")
    p.t(400, 163, "Bestellnr. 302-4419921-7730641", 8.5, "lib")
    p.t(40, 215, "Rechnungsdetails", 10, "lib-bold")
    rows = [
        [
            "Beschreibung",
            "Menge",
            "Stückpreis (ohne USt.)",
            "USt. %",
            "Stückpreis (inkl. USt.)",
            "Zwischensumme (inkl. USt.)",
        ],
        [
            "USB-C Ladegerät 65W",
            "1",
            eu(q(gross1 / D("1.19"))) + " €",
            "19%",
            eu(gross1) + " €",
            eu(gross1) + " €",
        ],
        [
            "Kabelbinder 100 Stück",
            "1",
            eu(q(gross2 / D("1.19"))) + " €",
            "19%",
            eu(gross2) + " €",
            eu(gross2) + " €",
        ],
        ["Versandkosten", "", "0,00 €", "19%", "0,00 €", "0,00 €"],
    ]
    y = p.grid(
        40,
        225,
        [(130, "l"), (40, "c"), (90, "r"), (45, "r"), (95, "r"), (115, "r")],
        rows,
        size=7,
        f="lib",
    )
    p.t(330, y + 20, "Rechnungsbetrag", 9, "lib-bold")
    p.t(555, y + 20, eu(total) + " €", 9, "lib-bold", "r")
    p.t(40, y + 50, "USt. %", 8, "lib-bold")
    p.t(140, y + 50, "Zwischensumme (ohne USt.)", 8, "lib-bold")
    p.t(330, y + 50, "USt.", 8, "lib-bold")
    p.t(40, y + 62, "19%", 8, "lib")
    p.t(140, y + 62, eu(net) + " €", 8, "lib")
    p.t(330, y + 62, eu(vat) + " €", 8, "lib")
    p.t(40, y + 74, "Gesamt", 8, "lib-bold")
    p.t(140, y + 74, eu(net) + " €", 8, "lib")
    p.t(330, y + 74, eu(vat) + " €", 8, "lib")
    p.t(
        40,
        790,
        "Amazon EU S.à r.l., 38 avenue John F. Kennedy, L-1855 Luxembourg · Sitz: Luxemburg · RCS Luxemburg: B 101818",
        6,
        "lib",
    )
    return Invoice(
        "s13-de-amazon-style-order",
        "pdf",
        p.done(),
        truth("Amazon EU S.à r.l.", "DE6A2BX1AEUI", "2026-04-03", total, vat, "EUR", "paid"),
    )


@invoice
def s14_gb_marketplace_seller() -> Invoice:
    p = Pdf()
    items = [
        ("Speckled stoneware mug (set of 2)", D(2), D("28.00")),
        ("Serving bowl, ash glaze", D(1), D("46.00")),
    ]
    goods = items_total(items)
    postage = D("6.95")
    total = goods + postage
    p.t(40, 50, "craftly", 22, "sans-bold")
    p.t(555, 45, "Order invoice", 12, "sans-bold", "r")
    p.t(555, 58, "Order #CR-88120447", 9, align="r")
    p.t(
        40,
        80,
        "This invoice is issued by the seller. Craftly Marketplace Ltd acts as a payment intermediary only.",
        7.5,
    )
    p.t(40, 115, "Seller", 8, "sans-bold")
    p.t(40, 128, "Hollow Oak Ceramics", 10)
    p.t(40, 141, "Unit 4, Tannery Yard, Hebden Bridge HX7 8AD", 8.5)
    p.t(40, 153, "Not VAT registered", 8.5)
    p.t(230, 115, "Buyer", 8, "sans-bold")
    p.t(230, 128, "Priya Nair", 10)
    p.t(230, 141, "22 Elm Park, Reading RG1 5QS", 8.5)
    p.t(420, 115, "Invoice no.", 8, "sans-bold")
    p.t(420, 128, "HOC-0419", 10)
    p.t(420, 145, "Invoice date", 8, "sans-bold")
    p.t(420, 158, "16 Apr 2026", 10)
    rows = [["Item", "Qty", "Price", "Total"]] + [
        [d, str(int(qt)), "£" + us(pr), "£" + us(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 190, [(290, "l"), (40, "c"), (80, "r"), (105, "r")], rows)
    for i, (lab, val) in enumerate(
        [
            ("Items", f"£{us(goods)}"),
            ("Postage", f"£{us(postage)}"),
            ("Order total", f"£{us(total)}"),
            ("Paid with PayPal", f"£{us(total)}"),
        ]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(380, y + 20 + i * 15, lab, 9, f)
        p.t(555, y + 20 + i * 15, val, 9, f, "r")
    p.t(
        40,
        790,
        "Craftly Marketplace Ltd · 1 Finsbury Avenue, London EC2M 2PF · Company no. 11223344 · VAT GB 291 5533 10",
        6.5,
    )
    return Invoice(
        "s14-gb-marketplace-seller",
        "pdf",
        p.done(),
        truth("Hollow Oak Ceramics", "HOC-0419", "2026-04-16", total, None, "GBP", "paid"),
    )


@invoice
def s15_es_ticket_iva_incluido() -> Invoice:
    p = Pdf((226, 480))
    lines = [
        ("2 CAFE CON LECHE", D("3.60")),
        ("1 TOSTADA TOMATE", D("2.80")),
        ("1 ZUMO NARANJA", D("3.20")),
        ("1 CROISSANT", D("1.90")),
    ]
    total = sum((v for _, v in lines), D(0))
    base = q(total / D("1.10"))
    cuota = total - base
    y = 30
    for s, size, f in [
        ("CAFETERÍA LA ALAMEDA", 10, "mono-bold"),
        ("Hostelería Alameda, S.L.", 7.5, "mono"),
        ("CIF B-41223344", 7.5, "mono"),
        ("Av. de la Constitución 12", 7.5, "mono"),
        ("41001 Sevilla", 7.5, "mono"),
    ]:
        p.t(113, y, s, size, f, "c")
        y += 11
    y += 8
    p.t(12, y, "FACTURA SIMPLIFICADA", 8, "mono-bold")
    y += 11
    p.t(12, y, "Nº: 2026/A-018832", 7.5, "mono")
    y += 10
    p.t(12, y, "Fecha: 11/04/2026  Hora: 09:52", 7.5, "mono")
    y += 10
    p.t(12, y, "Mesa: 7   Camarero: LUCIA", 7.5, "mono")
    y += 14
    for name, val in lines:
        p.t(12, y, name, 7.5, "mono")
        p.t(214, y, eu(val), 7.5, "mono", "r")
        y += 10
    y += 6
    p.t(12, y, "TOTAL (IVA INCLUIDO)", 8.5, "mono-bold")
    p.t(214, y, eu(total) + " €", 8.5, "mono-bold", "r")
    y += 14
    p.t(12, y, "TARJETA", 7.5, "mono")
    p.t(214, y, eu(total), 7.5, "mono", "r")
    y += 14
    p.t(12, y, "BASE IMP.  %IVA   CUOTA", 7.5, "mono")
    y += 10
    p.t(12, y, f"{eu(base):>9}  10,00  {eu(cuota):>6}", 7.5, "mono")
    y += 16
    p.t(113, y, "GRACIAS POR SU VISITA", 7.5, "mono", "c")
    return Invoice(
        "s15-es-ticket-iva-incluido",
        "pdf",
        p.done(),
        truth("Hostelería Alameda, S.L.", "2026/A-018832", "2026-04-11", total, cuota, "EUR"),
    )


# ----------------------------------------------------------------------------- EU B2B, other languages


@invoice
def s16_nl_reverse_charge() -> Invoice:
    p = Pdf()
    net = D("4800.00")
    p.t(40, 50, "Van Dijk Data Consultancy B.V.", 15, "sans-bold")
    p.t(40, 65, "Stationsplein 45 · 3013 AK Rotterdam · KvK 81234560 · BTW NL862211904B01", 8)
    p.t(40, 110, "Aan:", 8, "sans-bold")
    for i, line in enumerate(
        [
            "Sommer Logistik GmbH",
            "Frau Anja Sommer",
            "Speicherstadt 3",
            "20457 Hamburg",
            "Duitsland",
            "USt-IdNr. DE298114203",
        ]
    ):
        p.t(40, 122 + i * 12, line, 9.5)
    kv = [
        ("Factuurnummer", "VD-2026-0041"),
        ("Factuurdatum", "7 april 2026"),
        ("Vervaldatum", "7 mei 2026"),
        ("Uw referentie", "PO 45-1180"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(340, 122 + i * 13, lab, 9)
        p.t(555, 122 + i * 13, val, 9, align="r")
    p.t(40, 225, "FACTUUR / INVOICE", 13, "sans-bold")
    rows = [
        ["Omschrijving", "Uren", "Tarief", "Bedrag"],
        ["Data-migratie WMS, maart 2026", "40", "€ 120,00", "€ 4.800,00"],
    ]
    y = p.grid(40, 245, [(270, "l"), (60, "r"), (85, "r"), (100, "r")], rows)
    for i, (lab, val) in enumerate(
        [("Subtotaal", "€ 4.800,00"), ("BTW 0% (verlegd)", "€ 0,00"), ("Totaal", "€ 4.800,00")]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(360, y + 20 + i * 15, lab, 9.5, f)
        p.t(555, y + 20 + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        y + 85,
        "BTW verlegd – Reverse charge: VAT to be accounted for by the recipient (art. 196 Directive 2006/112/EC).",
        8,
    )
    p.t(
        40,
        y + 97,
        "Betaling binnen 30 dagen op IBAN NL20 INGB 0001 2345 67 onder vermelding van het factuurnummer.",
        8,
    )
    return Invoice(
        "s16-nl-reverse-charge",
        "pdf",
        p.done(),
        truth("Van Dijk Data Consultancy B.V.", "VD-2026-0041", "2026-04-07", net, "0.00", "EUR"),
    )


@invoice
def s17_it_ritenuta() -> Invoice:
    p = Pdf()
    fee = D("2400.00")
    cassa = q(fee * D("0.04"))
    imponibile = fee + cassa
    iva = q(imponibile * D("0.22"))
    totale = imponibile + iva
    rit = q(fee * D("0.20"))
    netto = totale - rit
    p.t(40, 55, "Studio Tecnico Ing. Paolo Ferri", 14, "serif-bold")
    p.t(
        40,
        70,
        "Via Garibaldi 22 – 40124 Bologna – P.IVA 03214560378 – C.F. FRRPLA75C12A944K",
        8,
        "serif",
    )
    p.t(330, 110, "Spett.le", 9, "serif")
    for i, line in enumerate(
        ["Condominio Villa Serena", "Via Saragozza 90", "40135 Bologna (BO)", "C.F. 91234560371"]
    ):
        p.t(330, 123 + i * 12, line, 10, "serif")
    p.t(40, 200, "FATTURA N. 18/2026 del 14/04/2026", 12, "serif-bold")
    rows = [
        ["Descrizione", "Importo"],
        ["Direzione lavori rifacimento facciata – SAL n. 2", eu(fee)],
    ]
    y = p.grid(40, 220, [(400, "l"), (115, "r")], rows, f="serif")
    y += 18
    lines = [
        ("Onorario", eu(fee)),
        ("Contributo integrativo Inarcassa 4%", eu(cassa)),
        ("Imponibile IVA", eu(imponibile)),
        ("IVA 22%", eu(iva)),
        ("Totale fattura", eu(totale)),
        ("Ritenuta d'acconto 20% su € " + eu(fee), "-" + eu(rit)),
        ("Netto a pagare", "€ " + eu(netto)),
    ]
    for i, (lab, val) in enumerate(lines):
        f = "serif-bold" if i in (4, 6) else "serif"
        p.t(260, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        y + 130,
        "Pagamento: bonifico bancario a 30 gg d.f. – IBAN IT60 X054 2811 1010 0000 0123 456",
        8.5,
        "serif",
    )
    return Invoice(
        "s17-it-ritenuta",
        "pdf",
        p.done(),
        truth("Studio Tecnico Ing. Paolo Ferri", "18/2026", "2026-04-14", totale, iva, "EUR"),
    )


@invoice
def s18_pt_fatura_recibo() -> Invoice:
    p = Pdf()
    items = [
        ("Pão de forma (un.)", D(20), D("2.10"), D("0.06")),
        ("Bolos sortidos (kg)", D(3), D("14.50"), D("0.23")),
    ]
    net = q(sum((qt * pr for _, qt, pr, _ in items), D(0)))
    iva6 = q(items[0][1] * items[0][2] * D("0.06"))
    iva23 = q(items[1][1] * items[1][2] * D("0.23"))
    total = net + iva6 + iva23
    p.t(40, 50, "Padaria e Pastelaria Estrela, Lda.", 13, "sans-bold")
    p.t(
        40,
        64,
        "Rua de Santa Catarina 210, 4000-447 Porto · NIF 509 123 456 · Capital social 5.000 €",
        7.5,
    )
    p.t(555, 100, "Fatura-Recibo", 12, "sans-bold", "r")
    p.t(555, 114, "FR 2026A1/347", 10, align="r")
    p.t(555, 127, "Original", 8, align="r")
    p.t(40, 100, "Exmo.(s) Sr.(s)", 8)
    p.t(40, 112, "Café Avenida, Unipessoal Lda", 10)
    p.t(40, 124, "Av. dos Aliados 30, 4000-064 Porto", 9)
    p.t(40, 136, "NIF 515 998 877", 9)
    kv = [
        ("Data de emissão", "2026-04-10"),
        ("Vencimento", "Pronto pagamento"),
        ("ATCUD", "JF7K3M2P-347"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(40, 165 + i * 12, lab, 8.5, "sans-bold")
        p.t(150, 165 + i * 12, val, 8.5)
    rows = [["Descrição", "Qtd.", "Preço Unit.", "IVA", "Total Líquido"]] + [
        [d, str(int(qt)), eu(pr), f"{int(r * 100)}%", eu(q(qt * pr))] for d, qt, pr, r in items
    ]
    y = p.grid(40, 215, [(220, "l"), (45, "r"), (80, "r"), (55, "r"), (115, "r")], rows)
    y += 18
    for i, (lab, val) in enumerate(
        [
            ("Total Ilíquido", eu(net) + " €"),
            ("IVA 6%", eu(iva6) + " €"),
            ("IVA 23%", eu(iva23) + " €"),
            ("Total a pagar", eu(total) + " €"),
        ]
    ):
        f = "sans-bold" if i == 3 else "sans"
        p.t(360, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        y + 80,
        "Pago em numerário. Os bens foram colocados à disposição do adquirente na data do documento.",
        8,
    )
    p.t(40, 800, "AB12-Processado por programa certificado n.º 1234/AT", 7)
    return Invoice(
        "s18-pt-fatura-recibo",
        "pdf",
        p.done(),
        truth(
            "Padaria e Pastelaria Estrela, Lda.",
            "FR 2026A1/347",
            "2026-04-10",
            total,
            iva6 + iva23,
            "EUR",
            "paid",
        ),
    )


@invoice
def s19_pl_faktura_date_like_number() -> Invoice:
    p = Pdf()
    items = [
        ("Usługa serwisowa – konserwacja klimatyzacji", D(4), D("250.00")),
        ("Czynnik chłodniczy R32 (kg)", D(2), D("115.00")),
    ]
    net = items_total(items)
    vat = q(net * D("0.23"))
    total = net + vat
    p.t(40, 50, "Faktura VAT nr 15/04/2026", 15, "sans-bold")
    p.t(40, 70, "Data wystawienia: 2026-04-15", 9)
    p.t(40, 82, "Data sprzedaży: 2026-04-14", 9)
    p.t(40, 94, "Miejsce wystawienia: Gdańsk", 9)
    p.t(40, 130, "Sprzedawca", 9, "sans-bold")
    for i, line in enumerate(
        ["ChłodTech Serwis Sp. z o.o.", "ul. Grunwaldzka 88", "80-244 Gdańsk", "NIP 584-123-45-67"]
    ):
        p.t(40, 143 + i * 12, line, 9.5)
    p.t(310, 130, "Nabywca", 9, "sans-bold")
    for i, line in enumerate(
        ["Hotel Neptun S.A.", "ul. Morska 1", "81-300 Gdynia", "NIP 586-000-11-22"]
    ):
        p.t(310, 143 + i * 12, line, 9.5)
    rows = [["Lp.", "Nazwa", "Ilość", "Cena netto", "Wartość netto", "VAT"]] + [
        [str(i + 1), d, str(int(qt)), sp2(pr), sp2(q(qt * pr)), "23%"]
        for i, (d, qt, pr) in enumerate(items)
    ]
    y = p.grid(
        40, 215, [(25, "c"), (225, "l"), (40, "r"), (75, "r"), (90, "r"), (50, "r")], rows, size=8
    )
    y += 18
    for i, (lab, val) in enumerate(
        [
            ("Razem netto", sp2(net) + " zł"),
            ("VAT 23%", sp2(vat) + " zł"),
            ("Razem brutto", sp2(total) + " zł"),
        ]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(330, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 60, f"Do zapłaty: {sp2(total)} PLN", 11, "sans-bold")
    p.t(40, y + 76, "Słownie: jeden tysiąc pięćset dwanaście złotych 90/100", 8.5)
    p.t(
        40,
        y + 90,
        "Termin płatności: 2026-04-29, przelew na rachunek 12 1020 1811 0000 0302 0123 4567",
        8.5,
    )
    return Invoice(
        "s19-pl-faktura-date-like-number",
        "pdf",
        p.done(),
        truth("ChłodTech Serwis Sp. z o.o.", "15/04/2026", "2026-04-15", total, vat, "PLN"),
    )


@invoice
def s20_se_faktura_ocr() -> Invoice:
    p = Pdf()
    items = [
        ("Takläggning garage (m²)", D(38), D("420.00")),
        ("Bortforsling av gammalt material", D(1), D("1900.00")),
    ]
    net = items_total(items)
    moms = q(net * D("0.25"))
    total = net + moms
    p.t(40, 55, "Norrtak Bygg & Plåt AB", 15, "sans-bold")
    p.t(555, 55, "FAKTURA", 15, "sans-bold", "r")
    kv = [
        ("Fakturanummer", "10877"),
        ("Fakturadatum", "2026-04-08"),
        ("Förfallodatum", "2026-05-08"),
        ("Kundnummer", "3302"),
        ("OCR-nummer", "108773302"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(360, 85 + i * 12, lab, 8.5)
        p.t(555, 85 + i * 12, val, 8.5, align="r")
    for i, line in enumerate(
        ["Bostadsrättsföreningen Lärken", "c/o Andersson", "Storgatan 14", "903 26 Umeå"]
    ):
        p.t(40, 110 + i * 12, line, 10)
    rows = [["Benämning", "Antal", "À-pris", "Belopp"]] + [
        [d, str(int(qt)), sp2(pr), sp2(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 200, [(270, "l"), (50, "r"), (85, "r"), (110, "r")], rows)
    y += 18
    for i, (lab, val) in enumerate(
        [("Netto", sp2(net)), ("Moms 25 %", sp2(moms)), ("Att betala SEK", sp2(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(360, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        y + 70,
        "Varav ROT-avdrag kan begäras av köparen. Dröjsmålsränta 8 % + referensränta.",
        8,
    )
    p.line(40, 770, 555, 770)
    p.t(
        40,
        782,
        "Norrtak Bygg & Plåt AB · Verkstadsvägen 4, 906 21 Umeå · Org.nr 559012-3456 · Innehar F-skattsedel",
        6.5,
    )
    p.t(40, 792, "Bankgiro 5050-1055 · Momsreg.nr SE559012345601 · Tel 090-12 34 56", 6.5)
    return Invoice(
        "s20-se-faktura-ocr",
        "pdf",
        p.done(),
        truth("Norrtak Bygg & Plåt AB", "10877", "2026-04-08", total, moms, "SEK"),
    )


@invoice
def s21_ch_sarl_fr() -> Invoice:
    p = Pdf()
    net = D("1500.00")
    tva = q(net * D("0.081"))
    total = net + tva
    p.t(40, 50, "Atelier Graphique Dubois Sàrl", 14, "sans-bold")
    p.t(40, 64, "Rue du Marché 18 · 1204 Genève · CHE-234.567.891 TVA", 8)
    for i, line in enumerate(
        ["Fondation Lac Léman", "Service comptabilité", "Quai du Mont-Blanc 5", "1201 Genève"]
    ):
        p.t(340, 100 + i * 13, line, 10)
    p.t(40, 180, "Genève, le 9 avril 2026", 9.5)
    p.t(40, 205, "Facture n° 2026-118", 13, "sans-bold")
    p.t(40, 222, "Conception du rapport annuel 2025 (mise en page, 48 pages)", 9.5)
    for i, (lab, val) in enumerate(
        [("Honoraires", ch(net)), ("TVA 8,1 %", ch(tva)), ("Total CHF", ch(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(330, 260 + i * 15, lab, 9.5, f)
        p.t(545, 260 + i * 15, val, 9.5, f, "r")
    p.t(40, 330, "Payable à 30 jours. IBAN CH93 0076 2011 6238 5295 7.", 9)
    return Invoice(
        "s21-ch-sarl-fr",
        "pdf",
        p.done(),
        truth("Atelier Graphique Dubois Sàrl", "2026-118", "2026-04-09", total, tva, "CHF"),
    )


@invoice
def s22_cz_faktura() -> Invoice:
    p = Pdf()
    items = [("Údržba zahrady – duben", D(12), D("450.00")), ("Odvoz bioodpadu", D(2), D("600.00"))]
    net = items_total(items)
    dph = q(net * D("0.21"))
    total = net + dph
    p.t(40, 50, "FAKTURA – DAŇOVÝ DOKLAD č. 2026041", 13, "sans-bold")
    p.t(40, 85, "Dodavatel:", 8.5, "sans-bold")
    for i, line in enumerate(
        ["Zelená Zahrada s.r.o.", "Lipová 12, 602 00 Brno", "IČO: 27712345  DIČ: CZ27712345"]
    ):
        p.t(40, 97 + i * 12, line, 9.5)
    p.t(310, 85, "Odběratel:", 8.5, "sans-bold")
    for i, line in enumerate(["SVJ Kotlářská 40", "Kotlářská 40, 602 00 Brno", "IČO: 04412398"]):
        p.t(310, 97 + i * 12, line, 9.5)
    kv = [
        ("Datum vystavení:", "17. 4. 2026"),
        ("Datum splatnosti:", "1. 5. 2026"),
        ("DUZP:", "17. 4. 2026"),
        ("Variabilní symbol:", "2026041"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(40, 150 + i * 12, lab, 8.5)
        p.t(160, 150 + i * 12, val, 8.5)
    rows = [["Označení dodávky", "Množství", "Cena za MJ", "Celkem bez DPH"]] + [
        [d, str(int(qt)), sp2(pr), sp2(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 215, [(250, "l"), (60, "r"), (90, "r"), (115, "r")], rows)
    y += 18
    for i, (lab, val) in enumerate(
        [
            ("Základ DPH 21 %", sp2(net) + " Kč"),
            ("DPH 21 %", sp2(dph) + " Kč"),
            ("Celkem k úhradě", sp2(total) + " Kč"),
        ]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(330, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        y + 65,
        "Společnost je zapsána v obchodním rejstříku vedeném Krajským soudem v Brně, oddíl C, vložka 55123.",
        7.5,
    )
    return Invoice(
        "s22-cz-faktura",
        "pdf",
        p.done(),
        truth("Zelená Zahrada s.r.o.", "2026041", "2026-04-17", total, dph, "CZK"),
    )


@invoice
def s23_tr_fatura() -> Invoice:
    p = Pdf()
    items = [("Pamuklu havlu (adet)", D(120), D("85.00")), ("Bornoz (adet)", D(30), D("420.00"))]
    net = items_total(items)
    kdv = q(net * D("0.20"))
    total = net + kdv
    p.t(40, 50, "Yıldız Tekstil San. ve Tic. Ltd. Şti.", 13, "sans-bold")
    p.t(
        40,
        64,
        "Organize Sanayi Bölgesi 4. Cad. No:12 Denizli · Vergi Dairesi: Pamukkale · VKN 9870012345",
        7.5,
    )
    p.t(297, 100, "FATURA", 16, "sans-bold", "c")
    p.t(40, 130, "SAYIN", 8.5, "sans-bold")
    p.t(40, 142, "Ege Otelcilik A.Ş.", 10)
    p.t(40, 154, "Kordon Boyu No:5 Alsancak / İzmir", 9)
    kv = [
        ("Fatura No", "YTS2026000000187"),
        ("Fatura Tarihi", "13.04.2026"),
        ("Senaryo", "TEMELFATURA"),
        ("İrsaliye No", "IRS-4410"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(340, 130 + i * 12, lab, 8.5, "sans-bold")
        p.t(555, 130 + i * 12, val, 8.5, align="r")
    rows = [["Mal Hizmet", "Miktar", "Birim Fiyat", "KDV Oranı", "Mal Hizmet Tutarı"]] + [
        [d, str(int(qt)), eu(pr) + " TL", "%20", eu(q(qt * pr)) + " TL"] for d, qt, pr in items
    ]
    y = p.grid(40, 200, [(170, "l"), (55, "r"), (90, "r"), (70, "r"), (130, "r")], rows, size=8)
    y += 18
    for i, (lab, val) in enumerate(
        [
            ("Mal Hizmet Toplam Tutarı", eu(net) + " TL"),
            ("Hesaplanan KDV (%20)", eu(kdv) + " TL"),
            ("Vergiler Dahil Toplam Tutar", eu(total) + " TL"),
            ("Ödenecek Tutar", eu(total) + " TL"),
        ]
    ):
        f = "sans-bold" if i == 3 else "sans"
        p.t(300, y + i * 15, lab, 9, f)
        p.t(555, y + i * 15, val, 9, f, "r")
    p.t(40, y + 80, "Yalnız: YİRMİ YEDİ BİN ÜÇ YÜZ ALTMIŞ Türk Lirası", 8.5)
    return Invoice(
        "s23-tr-fatura",
        "pdf",
        p.done(),
        truth(
            "Yıldız Tekstil San. ve Tic. Ltd. Şti.",
            "YTS2026000000187",
            "2026-04-13",
            total,
            kdv,
            "TRY",
        ),
    )


@invoice
def s24_gr_timologio() -> Invoice:
    p = Pdf()
    items = [
        ("Συντήρηση λογισμικού (μήνας)", D(1), D("350.00")),
        ("Τεχνική υποστήριξη (ώρες)", D(3), D("45.00")),
    ]
    net = items_total(items)
    fpa = q(net * D("0.24"))
    total = net + fpa
    p.t(40, 50, "ΔΙΚΤΥΟ ΛΥΣΕΙΣ Ι.Κ.Ε.", 14, "sans-bold")
    p.t(40, 64, "Λεωφ. Συγγρού 120, 117 45 Αθήνα · ΑΦΜ 801234567 · ΔΟΥ Καλλιθέας", 8)
    p.t(297, 100, "ΤΙΜΟΛΟΓΙΟ ΠΑΡΟΧΗΣ ΥΠΗΡΕΣΙΩΝ", 13, "sans-bold", "c")
    kv = [("Σειρά / Αριθμός:", "Α-0234"), ("Ημερομηνία:", "10/04/2026")]
    for i, (lab, val) in enumerate(kv):
        p.t(340, 130 + i * 13, lab, 9)
        p.t(555, 130 + i * 13, val, 9, align="r")
    p.t(40, 130, "Πελάτης:", 9, "sans-bold")
    p.t(40, 143, "ΦΑΡΜΑΚΕΙΟ ΠΑΠΑΔΟΠΟΥΛΟΥ", 10)
    p.t(40, 156, "Ερμού 15, 105 63 Αθήνα · ΑΦΜ 045678912", 8.5)
    rows = [["Περιγραφή", "Ποσότητα", "Τιμή", "Αξία"]] + [
        [d, str(int(qt)), eu(pr), eu(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 190, [(270, "l"), (70, "r"), (80, "r"), (95, "r")], rows)
    y += 18
    for i, (lab, val) in enumerate(
        [("Καθαρή αξία", eu(net) + " €"), ("ΦΠΑ 24%", eu(fpa) + " €"), ("Σύνολο", eu(total) + " €")]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(360, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        y + 70,
        "Τρόπος πληρωμής: Κατάθεση σε τράπεζα · IBAN GR16 0110 1250 0000 0001 2300 695",
        8,
    )
    return Invoice(
        "s24-gr-timologio",
        "pdf",
        p.done(),
        truth("ΔΙΚΤΥΟ ΛΥΣΕΙΣ Ι.Κ.Ε.", "Α-0234", "2026-04-10", total, fpa, "EUR"),
    )


@invoice
def s25_jp_seikyusho_txt() -> Invoice:
    text = """                         請 求 書

株式会社ミドリ商事 御中
                                          請求番号: INV-2026-0415
                                          請求日: 2026年4月15日

下記の通りご請求申し上げます。

ご請求金額  ¥110,000 (税込)

品目                          数量    単価        金額
Webサイト保守 (4月分)          1     80,000      80,000
サーバー管理費                 1     20,000      20,000

                              小計               ¥100,000
                              消費税 (10%)         ¥10,000
                              合計               ¥110,000

お支払期限: 2026年5月31日
振込先: みずほ銀行 渋谷支店 普通 1234567

株式会社サクラウェブ
〒150-0002 東京都渋谷区渋谷2-1-1
TEL 03-5555-0123
登録番号 T1234567890123
"""
    return Invoice(
        "s25-jp-seikyusho",
        "txt",
        text.encode(),
        truth("株式会社サクラウェブ", "INV-2026-0415", "2026-04-15", "110000", "10000", "JPY"),
    )


# ----------------------------------------------------------------------------- English-speaking, misc


@invoice
def s26_au_tax_invoice_gst_included() -> Invoice:
    p = Pdf()
    total = D("1650.00")
    gst = q(total / D("11"))
    p.t(40, 50, "KOOKABURRA PRINT CO PTY LTD", 14, "sans-bold")
    p.t(40, 64, "ABN 51 824 753 556 · 8 Wharf St, Fremantle WA 6160 · 08 9555 0123", 8)
    p.t(555, 95, "TAX INVOICE", 14, "sans-bold", "r")
    p.t(40, 110, "Invoice To:", 8.5, "sans-bold")
    p.t(40, 122, "Swan River Rowing Club Inc.", 10)
    kv = [
        ("Invoice No:", "4471"),
        ("Date:", "3/04/2026"),
        ("Customer Ref:", "SRRC-REGATTA"),
        ("Due:", "17/04/2026"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(380, 110 + i * 12, lab, 8.5)
        p.t(555, 110 + i * 12, val, 8.5, align="r")
    rows = [
        ["Qty", "Description", "Amount"],
        ["500", "A2 regatta posters, full colour", "$1,100.00"],
        ["1000", "DL flyers, double sided", "$550.00"],
    ]
    y = p.grid(40, 180, [(50, "c"), (340, "l"), (125, "r")], rows)
    y += 18
    for i, (lab, val) in enumerate(
        [
            ("Total (inc GST)", "$1,650.00"),
            ("GST included in total", "$" + us(gst)),
            ("Balance Due", "$1,650.00"),
        ]
    ):
        f = "sans-bold" if i != 1 else "sans"
        p.t(340, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 70, "EFT: BSB 086-006 Acc 5123 44871 · Please quote invoice number.", 8.5)
    return Invoice(
        "s26-au-tax-invoice-gst-included",
        "pdf",
        p.done(),
        truth("Kookaburra Print Co Pty Ltd", "4471", "2026-04-03", total, gst, "AUD"),
    )


@invoice
def s27_gb_vat_exempt_clinic() -> Invoice:
    p = Pdf()
    total = D("240.00")
    p.t(297, 50, "Riverside Physiotherapy Clinic", 15, "serif-bold", "c")
    p.t(297, 64, "12 Mill Lane, Cambridge CB2 1RX · 01223 555 019", 8, "serif", "c")
    p.t(40, 110, "Patient: Mrs H. Dawson", 9.5, "serif")
    p.t(40, 123, "Insurer: Bupa (membership 88412390)", 9.5, "serif")
    p.t(380, 110, "Invoice: RPC/26/0588", 9.5, "serif")
    p.t(380, 123, "Date: 2 Apr 2026", 9.5, "serif")
    rows = [
        ["Date", "Treatment", "Fee"],
        ["10/03/2026", "Initial assessment", "£80.00"],
        ["17/03/2026", "Follow-up session", "£80.00"],
        ["24/03/2026", "Follow-up session", "£80.00"],
    ]
    y = p.grid(40, 150, [(90, "l"), (300, "l"), (125, "r")], rows, f="serif")
    y += 18
    for i, (lab, val) in enumerate(
        [
            ("Subtotal", "£240.00"),
            ("VAT (exempt – medical services)", "£0.00"),
            ("Total", "£240.00"),
            ("Amount outstanding", "£240.00"),
        ]
    ):
        f = "serif-bold" if i == 2 else "serif"
        p.t(300, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        790,
        "Riverside Physiotherapy Clinic Ltd · Company No. 07712345 · HCPC registered",
        7,
        "serif",
    )
    return Invoice(
        "s27-gb-vat-exempt-clinic",
        "pdf",
        p.done(),
        truth(
            "Riverside Physiotherapy Clinic Ltd", "RPC/26/0588", "2026-04-02", total, "0.00", "GBP"
        ),
    )


@invoice
def s28_us_overdue_reminder_txt() -> Invoice:
    text = """PAST DUE NOTICE

Hartley & Sons Plumbing
915 Oak Street, Columbus, OH 43215
Phone 614-555-0177   License #PL-44102

To: Brookside Dental Group
    2040 W Broad St, Columbus OH 43223

Our records show the following invoice remains unpaid:

   Invoice No.    Invoice Date    Due Date     Amount
   HS-10984       Feb 12, 2026    Mar 14, 2026 $1,264.50

   Status: OVERDUE (31 days)

   Invoice amount                  $1,264.50
   Payments received                   $0.00
   Balance due                     $1,264.50

If payment has already been sent, please disregard this notice.
"""
    return Invoice(
        "s28-us-overdue-reminder",
        "txt",
        text.encode(),
        truth(
            "Hartley & Sons Plumbing", "HS-10984", "2026-02-12", "1264.50", None, "USD", "overdue"
        ),
    )


@invoice
def s29_be_fr_srl_structured_comm() -> Invoice:
    p = Pdf()
    items = [
        ("Fût de bière blonde 30 L", D(4), D("118.00")),
        ("Location tireuse (week-end)", D(1), D("45.00")),
    ]
    net = items_total(items)
    tva = q(net * D("0.21"))
    total = net + tva
    p.t(40, 50, "Brasserie du Parc", 18, "serif-bold")
    p.t(
        40,
        66,
        "Brasserie du Parc SRL · Rue de la Station 7 · 1300 Wavre · TVA BE 0712.345.678",
        7.5,
        "serif",
    )
    p.t(330, 100, "Comité des fêtes de Limal ASBL", 10, "serif")
    p.t(330, 113, "Place communale 1, 1300 Limal", 9, "serif")
    p.grid(
        40,
        160,
        [(130, "l"), (130, "l"), (130, "l"), (125, "l")],
        [
            ["Facture", "Date", "Échéance", "Client"],
            ["2026/0211", "16-04-2026", "30-04-2026", "CL-0098"],
        ],
        size=9,
        f="serif",
    )
    rows = [["Description", "Qté", "Prix HTVA", "Total HTVA"]] + [
        [d, str(int(qt)), eu(pr), eu(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 215, [(270, "l"), (50, "r"), (90, "r"), (105, "r")], rows, f="serif")
    y += 18
    for i, (lab, val) in enumerate(
        [
            ("Total HTVA", eu(net) + " €"),
            ("TVA 21 %", eu(tva) + " €"),
            ("Montant à payer", eu(total) + " €"),
        ]
    ):
        f = "serif-bold" if i == 2 else "serif"
        p.t(330, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        y + 65,
        "Communication structurée : +++021/1600/02115+++  ·  IBAN BE68 5390 0754 7034",
        8.5,
        "serif",
    )
    return Invoice(
        "s29-be-fr-srl",
        "pdf",
        p.done(),
        truth("Brasserie du Parc SRL", "2026/0211", "2026-04-16", total, tva, "EUR"),
    )


def _de_handwerker_pdf() -> tuple[bytes, dict[str, str | None]]:
    p = Pdf()
    items = [
        ("Heizungswartung Gastherme", D(1), D("149.00")),
        ("Dichtungssatz", D(1), D("23.40")),
        ("Arbeitszeit (Std.)", D(2), D("62.00")),
    ]
    net = items_total(items)
    vat = q(net * D("0.19"))
    total = net + vat
    p.t(40, 55, "Sanitär Huber", 20, "sans-bold")
    p.t(40, 72, "Meisterbetrieb · Bahnhofweg 3 · 83022 Rosenheim", 9)
    for i, line in enumerate(["Herrn", "Stefan Maier", "Kirchplatz 8", "83024 Rosenheim"]):
        p.t(40, 120 + i * 13, line, 10.5)
    p.t(360, 120, "Rechnung", 15, "sans-bold")
    p.t(360, 140, "Nr.: 4471-26", 10.5)
    p.t(360, 154, "Datum: 08.04.26", 10.5)
    rows = [["Bezeichnung", "Menge", "Einzelpreis", "Gesamt"]] + [
        [d, str(int(qt)), eu(pr), eu(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 210, [(250, "l"), (60, "r"), (95, "r"), (110, "r")], rows, size=10, row_h=18)
    y += 20
    for i, (lab, val) in enumerate(
        [
            ("Netto", eu(net) + " EUR"),
            ("MwSt. 19 %", eu(vat) + " EUR"),
            ("Gesamt", eu(total) + " EUR"),
        ]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(330, y + i * 18, lab, 10.5, f)
        p.t(555, y + i * 18, val, 10.5, f, "r")
    p.t(40, y + 80, "Betrag dankend bar erhalten.", 10.5)
    p.t(
        40,
        800,
        "Inh. Josef Huber · USt-IdNr. DE 131 456 789 · Sparkasse Rosenheim IBAN DE02 7115 0000 0020 0404 04",
        7.5,
    )
    return p.done(), truth("Sanitär Huber", "4471-26", "2026-04-08", total, vat, "EUR", "paid")


@invoice
def s30_de_handwerker_scan() -> Invoice:
    pdf, t = _de_handwerker_pdf()
    return Invoice("s30-de-handwerker-scan", "png", scan(pdf, 30, 0.7), t)


@invoice
def s31_us_contractor_scan() -> Invoice:
    p = Pdf(LETTER)
    labor = D("1850.00")
    materials = D("642.30")
    tax = q(materials * D("0.0825"))
    total = labor + materials + tax
    p.t(50, 60, "SUMMIT ROOFING & GUTTERS", 17, "tim-bold")
    p.t(50, 76, "4410 Ranch Rd 620, Austin, TX 78734 · (512) 555-0148", 9.5, "tim")
    p.t(560, 60, "INVOICE", 17, "tim-bold", "r")
    p.t(560, 80, "No. 2216", 11, "tim", "r")
    p.t(560, 95, "Date: 04/07/2026", 11, "tim", "r")
    p.t(50, 120, "Customer: Ellen Ortiz, 88 Bluebonnet Trail, Austin TX 78738", 10.5, "tim")
    for i, (lab, val) in enumerate(
        [
            ("Gutter replacement, 140 ft seamless aluminum (labor)", "$" + us(labor)),
            ("Materials", "$" + us(materials)),
            ("Sales tax on materials 8.25%", "$" + us(tax)),
            ("TOTAL", "$" + us(total)),
        ]
    ):
        f = "tim-bold" if i == 3 else "tim"
        p.t(50, 170 + i * 22, lab, 11, f)
        p.t(560, 170 + i * 22, val, 11, f, "r")
    p.t(50, 290, "Warranty: 5 years workmanship. Thank you!", 10, "tim")
    return Invoice(
        "s31-us-contractor-scan",
        "png",
        scan(p.done(), 31, -0.5),
        truth("Summit Roofing & Gutters", "2216", "2026-04-07", total, tax, "USD"),
    )


@invoice
def s32_ie_two_page_saas() -> Invoice:
    p = Pdf()
    users = [(f"user{i:02d}@tullamoretech.ie", D("18.00")) for i in range(1, 49)]
    net = sum((v for _, v in users), D(0))
    vat = q(net * D("0.23"))
    total = net + vat
    p.t(40, 50, "Cloudlark Software Limited", 14, "sans-bold")
    p.t(40, 64, "Block C, Dockland Central, Dublin 1, D01 K2V6 · VAT IE3412345LH", 8)
    p.t(40, 100, "Invoice", 18, "sans-bold")
    kv = [
        ("Invoice ID", "CL-IE-000381"),
        ("Issued", "1 April 2026"),
        ("Period", "1 Mar 2026 – 31 Mar 2026"),
        ("Customer", "Tullamore Tech Ltd"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(40, 125 + i * 13, lab, 9, "sans-bold")
        p.t(140, 125 + i * 13, val, 9)
    p.t(40, 195, "Licences (per user per month)", 10, "sans-bold")
    y = 212
    for name, price in users[:34]:
        p.t(40, y, name, 8.5)
        p.t(555, y, "€" + us(price), 8.5, align="r")
        y += 14
    p.t(40, 800, "Continued on page 2", 7.5)
    p.t(555, 800, "Page 1 of 2", 7.5, align="r")
    p.page()
    y = 50
    for name, price in users[34:]:
        p.t(40, y, name, 8.5)
        p.t(555, y, "€" + us(price), 8.5, align="r")
        y += 14
    y += 15
    for i, (lab, val) in enumerate(
        [("Subtotal", "€" + us(net)), ("VAT @ 23%", "€" + us(vat)), ("Total due", "€" + us(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(360, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 60, "Paid by card on file ending 1881 on 1 April 2026 — no action needed.", 8.5)
    p.t(555, 800, "Page 2 of 2", 7.5, align="r")
    return Invoice(
        "s32-ie-two-page-saas",
        "pdf",
        p.done(),
        truth(
            "Cloudlark Software Limited", "CL-IE-000381", "2026-04-01", total, vat, "EUR", "paid"
        ),
    )


@invoice
def s33_es_factura_b2b() -> Invoice:
    p = Pdf()
    items = [
        ("Mantenimiento ascensor (trimestre)", D(1), D("540.00")),
        ("Sustitución pulsadores", D(6), D("32.50")),
    ]
    net = items_total(items)
    iva = q(net * D("0.21"))
    total = net + iva
    p.t(40, 50, "Ascensores Levante, S.A.U.", 14, "serif-bold")
    p.t(40, 64, "C/ Colón 44, 46004 Valencia · NIF A-46123456", 8, "serif")
    p.t(555, 100, "FACTURA", 14, "serif-bold", "r")
    p.t(555, 116, "Número: AL-2026-00912", 9.5, "serif", "r")
    p.t(555, 129, "Fecha: 15 de abril de 2026", 9.5, "serif", "r")
    p.t(40, 100, "Cliente", 8.5, "serif-bold")
    for i, line in enumerate(
        [
            "Comunidad de Propietarios Edificio Turia",
            "Av. del Puerto 101",
            "46023 Valencia",
            "NIF H-46998877",
        ]
    ):
        p.t(40, 112 + i * 12, line, 9.5, "serif")
    rows = [["Concepto", "Uds.", "Precio", "Importe"]] + [
        [d, str(int(qt)), eu(pr), eu(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 190, [(270, "l"), (50, "r"), (90, "r"), (105, "r")], rows, f="serif")
    y += 18
    for i, (lab, val) in enumerate(
        [
            ("Base imponible", eu(net) + " €"),
            ("IVA 21%", eu(iva) + " €"),
            ("Total factura", eu(total) + " €"),
        ]
    ):
        f = "serif-bold" if i == 2 else "serif"
        p.t(330, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        y + 65,
        "Forma de pago: domiciliación bancaria a 30 días. Inscrita en el Registro Mercantil de Valencia, Tomo 4410, Folio 12.",
        7.5,
        "serif",
    )
    return Invoice(
        "s33-es-factura-b2b",
        "pdf",
        p.done(),
        truth("Ascensores Levante, S.A.U.", "AL-2026-00912", "2026-04-15", total, iva, "EUR"),
    )


def main() -> None:
    use_liberation()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for make in REGISTRY:
        inv = make()
        name = f"{inv.key}.{inv.ext}"
        (OUT / name).write_bytes(inv.data)
        doc = {"file": name, "document_type": "invoice", "fields": inv.truth}
        (OUT / f"{inv.key}.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(REGISTRY)} blind invoices to {OUT.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()
