# ruff: noqa: E501  (invoice text reads better unwrapped)
"""Held-out invoices, written by hand in styles unlike eval/invoice_kit.py.

`uv run python eval/holdout/generate.py` writes eval/holdout/invoices/<key>.pdf|txt and
<key>.json (truth). Each invoice is its own small function: its own layout, its own label
wording and language, its own distractors. Nothing here is shared with eval/invoice_kit.py
and the extractor is never consulted: this set exists to measure generalisation.

Truth conventions (the same as the main eval set, plus the cases it does not have):
- total_amount is the invoice's gross total as printed (before any payment received or
  change given); a credit note's printed negative total stays negative.
- tax_amount is the total tax of the document: the sum of every tax line when several
  rates or components (CGST + SGST, GST + PST) are printed; "0.00" when a zero tax line is
  printed; null when the document prints no tax at all.
- status is only set when the document prints one (paid / due / unpaid / overdue).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
OUT = HERE / "invoices"
D = Decimal
CENT = D("0.01")

# ----------------------------------------------------------------------------- helpers

_FONTS: dict[str, str] = {}


def font(kind: str) -> str:
    """kind: sans, sans-bold, serif, serif-bold, mono, mono-bold (DejaVu; Helvetica fallback)."""
    if not _FONTS:
        files = {
            "sans": "DejaVuSans",
            "sans-bold": "DejaVuSans-Bold",
            "serif": "DejaVuSerif",
            "serif-bold": "DejaVuSerif-Bold",
            "mono": "DejaVuSansMono",
            "mono-bold": "DejaVuSansMono-Bold",
            "cond": "DejaVuSansCondensed",
            "cond-bold": "DejaVuSansCondensed-Bold",
        }
        for key, name in files.items():
            path = f"/usr/share/fonts/truetype/dejavu/{name}.ttf"
            if os.path.exists(path):
                pdfmetrics.registerFont(TTFont(name, path))
                _FONTS[key] = name
            else:
                _FONTS[key] = "Helvetica-Bold" if "bold" in key else "Helvetica"
    return _FONTS[kind]


def use_liberation() -> None:
    """Add Liberation faces (Arial/Times/Courier metrics) as font kinds lib, lib-bold, tim,
    tim-bold, narrow, narrow-bold, cour, cour-bold; a missing face falls back to DejaVu. Used by
    the blind sets' generators."""
    font("sans")
    base = "/usr/share/fonts/truetype/liberation/"
    for kind, name in {
        "lib": "LiberationSans-Regular",
        "lib-bold": "LiberationSans-Bold",
        "tim": "LiberationSerif-Regular",
        "tim-bold": "LiberationSerif-Bold",
        "narrow": "LiberationSansNarrow-Regular",
        "narrow-bold": "LiberationSansNarrow-Bold",
        "cour": "LiberationMono-Regular",
        "cour-bold": "LiberationMono-Bold",
    }.items():
        try:
            pdfmetrics.registerFont(TTFont(name, base + name + ".ttf"))
            _FONTS[kind] = name
        except Exception:  # noqa: BLE001 - a missing font falls back to DejaVu
            _FONTS[kind] = _FONTS["sans-bold" if "bold" in kind else "sans"]


def q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def num(
    value: Decimal, group: str = ",", dec: str = ".", places: int = 2, indian: bool = False
) -> str:
    """Format an amount with explicit separators (no locale tables: the styles are the point)."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    text = f"{value:.{places}f}"
    whole, _, frac = text.partition(".")
    if indian and len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        parts = []
        while len(head) > 2:
            parts.insert(0, head[-2:])
            head = head[:-2]
        if head:
            parts.insert(0, head)
        whole = group.join([*parts, tail])
    else:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = group.join([whole, *groups])
    return sign + whole + (dec + frac if places else "")


def us(v: Decimal) -> str:
    return num(v)


def eu(v: Decimal) -> str:
    return num(v, ".", ",")


def sp(v: Decimal) -> str:
    return num(v, "\u00a0", ",")  # no-break space grouping, as many PDF producers write it


def sp2(v: Decimal) -> str:
    return num(v, " ", ",")


def ch(v: Decimal) -> str:
    return num(v, "'", ".")


def items_total(items: list[tuple[str, Decimal, Decimal]]) -> Decimal:
    return q(sum((qty * price for _, qty, price in items), D(0)))


@dataclass
class Invoice:
    key: str
    ext: str  # "pdf" | "txt"
    data: bytes
    truth: dict[str, str | None]


def truth(
    vendor: str,
    number: str,
    date: str,
    total: Decimal | str,
    tax: Decimal | str | None,
    currency: str,
    status: str | None = None,
) -> dict[str, str | None]:
    return {
        "vendor_name": vendor,
        "invoice_number": number,
        "invoice_date": date,
        "total_amount": str(total),
        "tax_amount": None if tax is None else str(tax),
        "currency": currency,
        "status": status,
    }


class Pdf:
    """A canvas addressed from the top-left, in points."""

    def __init__(self, pagesize: tuple[float, float] = A4) -> None:
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=pagesize, invariant=1)
        self.w, self.h = pagesize

    def t(
        self, x: float, y: float, s: str, size: float = 9, f: str = "sans", align: str = "l"
    ) -> None:
        self.c.setFont(font(f), size)
        yy = self.h - y
        if align == "r":
            self.c.drawRightString(x, yy, s)
        elif align == "c":
            self.c.drawCentredString(x, yy, s)
        else:
            self.c.drawString(x, yy, s)

    def line(
        self, x0: float, y0: float, x1: float, y1: float, width: float = 0.6, dash: bool = False
    ) -> None:
        self.c.setLineWidth(width)
        if dash:
            self.c.setDash(4, 3)
        self.c.line(x0, self.h - y0, x1, self.h - y1)
        if dash:
            self.c.setDash()

    def box(self, x: float, y: float, w: float, h: float, fill: float | None = None) -> None:
        self.c.setLineWidth(0.6)
        if fill is not None:
            self.c.setFillGray(fill)
            self.c.rect(x, self.h - y - h, w, h, stroke=1, fill=1)
            self.c.setFillGray(0)
        else:
            self.c.rect(x, self.h - y - h, w, h, stroke=1, fill=0)

    def grid(
        self,
        x: float,
        y: float,
        cols: list[tuple[float, str]],
        rows: list[list[str]],
        size: float = 8.5,
        row_h: float = 15,
        header_fill: float | None = 0.88,
        lines: bool = True,
        bold_header: bool = True,
        f: str = "sans",
    ) -> float:
        """A table: cols are (width, align); the first row is the header. Returns the y below."""
        total_w = sum(w for w, _ in cols)
        for r, row in enumerate(rows):
            top = y + r * row_h
            if r == 0 and header_fill is not None:
                self.box(x, top, total_w, row_h, fill=header_fill)
            elif lines:
                self.box(x, top, total_w, row_h)
            cx = x
            for (w, align), cell in zip(cols, row, strict=True):
                kind = f + "-bold" if (r == 0 and bold_header) else f
                if align == "r":
                    self.t(cx + w - 4, top + row_h - 4.5, cell, size, kind, "r")
                elif align == "c":
                    self.t(cx + w / 2, top + row_h - 4.5, cell, size, kind, "c")
                else:
                    self.t(cx + 4, top + row_h - 4.5, cell, size, kind)
                if lines and cx > x:
                    self.line(cx, top, cx, top + row_h, 0.4)
                cx += w
        return y + len(rows) * row_h

    def stamp(self, x: float, y: float, word: str, size: float = 30) -> None:
        self.c.saveState()
        self.c.setFillColorRGB(0.75, 0.1, 0.1)
        self.c.setStrokeColorRGB(0.75, 0.1, 0.1)
        self.c.translate(x, self.h - y)
        self.c.rotate(18)
        self.c.setFont(font("sans-bold"), size)
        self.c.drawString(0, 0, word)
        wid = pdfmetrics.stringWidth(word, font("sans-bold"), size)
        self.c.setLineWidth(2)
        self.c.rect(-8, -8, wid + 16, size + 8)
        self.c.restoreState()

    def page(self) -> None:
        self.c.showPage()

    def done(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


REGISTRY: list[Callable[[], Invoice]] = []


def invoice(fn: Callable[[], Invoice]) -> Callable[[], Invoice]:
    REGISTRY.append(fn)
    return fn


# ----------------------------------------------------------------------------- plain text


@invoice
def t01_email_us() -> Invoice:
    sub = D("2250.00")
    tax = q(sub * D("0.075"))
    total = sub + tax
    text = f"""From: Dana Whitfield <billing@brightpath-analytics.com>
To: accounts.payable@harrowgate-foods.com
Date: Tue, 3 Mar 2026 09:14:22 -0800
Subject: Invoice INV-20931 for February analytics retainer

Hi Marcus,

Please find below our invoice for the February retainer. Reply to this email
if anything looks off, or call me on (503) 555-0187.

  Invoice:        INV-20931
  Invoice date:   March 3, 2026
  Due by:         April 2, 2026 (Net 30)
  Your PO:        PO-44812

  February dashboard maintenance ......... $1,500.00
  Ad-hoc analysis (6 h @ $125.00) ........   $750.00

  Subtotal:                               $2,250.00
  Sales tax (OR 7.5%):                      ${us(tax)}
  Amount due:                             ${us(total)}

ACH: routing 123000848, account 9921-0043-77

Thanks again,
Dana

--
Dana Whitfield | Client Services
Brightpath Analytics, Inc.
820 SW Alder St, Suite 400, Portland, OR 97205
"""
    return Invoice(
        "t01-email-us",
        "txt",
        text.encode(),
        truth("Brightpath Analytics, Inc.", "INV-20931", "2026-03-03", total, tax, "USD"),
    )


@invoice
def t02_ascii_table_gb() -> Invoice:
    items = [
        ("Oak staircase, bespoke, fitted", D(1), D("3850.00")),
        ("Handrail, solid ash (per m)", D("7.5"), D("64.00")),
        ("Site visits", D(3), D("45.00")),
    ]
    net = items_total(items)
    vat = q(net * D("0.20"))
    total = net + vat
    rows = "\n".join(
        f"| {d:<34}| {num(qt, places=1) if qt % 1 else str(int(qt)):>5} | {us(p):>9} | {us(q(qt * p)):>10} |"
        for d, qt, p in items
    )
    text = f"""HARTLEY & FINCH JOINERY LTD
Unit 7, Tanners Yard, Leeds LS9 8AJ          Tel 0113 496 0321
Company No. 08812345          VAT Reg. GB 291 5567 34

                               SALES INVOICE

Invoice to:                                  INVOICE NO : HF/2026/0113
  Mrs J. Okafor                              DATE       : 03/04/2026
  14 Meadow Close                            ACCOUNT    : OKA001
  Harrogate HG2 7QT                          TERMS      : 14 days

+-----------------------------------+-------+-----------+------------+
| Description                       |  Qty  |   Rate    |   Amount   |
+-----------------------------------+-------+-----------+------------+
{rows}
+-----------------------------------+-------+-----------+------------+
                                      NET            GBP {us(net):>10}
                                      VAT @ 20%      GBP {us(vat):>10}
                                      TOTAL DUE      GBP {us(total):>10}

Please pay by BACS to sort code 40-11-62, account 71234567 quoting HF/2026/0113.
"""
    return Invoice(
        "t02-ascii-table-gb",
        "txt",
        text.encode(),
        truth("Hartley & Finch Joinery Ltd", "HF/2026/0113", "2026-04-03", total, vat, "GBP"),
    )


@invoice
def t03_markdown_de() -> Invoice:
    items = [
        ("Konzeption Landingpage", D(1), D("650.00")),
        ("Umsetzung WordPress-Theme", D(1), D("480.00")),
        ("Hosting 12 Monate", D(12), D("10.00")),
    ]
    net = items_total(items)
    ust = q(net * D("0.19"))
    total = net + ust
    rows = "\n".join(
        f"| {i} | {d} | {int(qt)} | {eu(p)} € | {eu(q(qt * p))} € |"
        for i, (d, qt, p) in enumerate(items, 1)
    )
    text = f"""# Rechnung

**Nordlicht Webdesign UG (haftungsbeschränkt)**
Kastanienallee 12, 10435 Berlin
Steuernr. 37/215/50771

**An:** Bäckerei Sonnenschein, Frau K. Albers, Lindenstraße 3, 14467 Potsdam

- Rechnungsnr.: RE-2026-0042
- Rechnungsdatum: 14. März 2026
- Leistungszeitraum: Februar 2026
- Kundennr.: 1007

| Pos. | Beschreibung | Menge | Einzelpreis | Gesamt |
|-----:|--------------|------:|------------:|-------:|
{rows}

|  |  |
|---|---:|
| Nettobetrag | {eu(net)} € |
| zzgl. 19 % USt | {eu(ust)} € |
| **Gesamtbetrag** | **{eu(total)} €** |

Bitte überweisen Sie den Betrag bis zum 28. März 2026 auf DE89 3704 0044 0532 0130 00.
"""
    return Invoice(
        "t03-markdown-de",
        "txt",
        text.encode(),
        truth(
            "Nordlicht Webdesign UG (haftungsbeschränkt)",
            "RE-2026-0042",
            "2026-03-14",
            total,
            ust,
            "EUR",
        ),
    )


@invoice
def t04_receipt_us() -> Invoice:
    items = [
        ("ORG BANANAS", D("2.14")),
        ("SOURDOUGH LOAF", D("6.49")),
        ("OAT MILK 64OZ", D("4.99")),
        ("AVOCADO HASS 4CT", D("5.99")),
        ("COFFEE WHL BN 12OZ", D("12.99")),
        ("PAPER TOWELS 6PK", D("5.87")),
    ]
    sub = sum((p for _, p in items), D(0))
    tax = D("2.79")
    total = sub + tax
    lines = "\n".join(f"{d:<24}{us(p):>8}" for d, p in items)
    text = f"""        GREENLEAF MARKET
          Store #0412
     2210 Mission St, San Francisco CA
        (415) 555-0199

{lines}
                        --------
SUBTOTAL                {us(sub):>8}
TAX 8.625%              {us(tax):>8}
TOTAL                  ${us(total):>8}
CASH                    {us(D("50.00")):>8}
CHANGE                  {us(D("50.00") - total):>8}

03/14/26  5:42 PM  REG 03  CSHR ANA
RECEIPT# 0412-88317
     THANK YOU FOR SHOPPING LOCAL
"""
    return Invoice(
        "t04-receipt-us",
        "txt",
        text.encode(),
        truth("Greenleaf Market", "0412-88317", "2026-03-14", total, tax, "USD"),
    )


@invoice
def t05_gst_in_text() -> Invoice:
    taxable = D("125000.00")
    cgst = q(taxable * D("0.09"))
    sgst = cgst
    total = taxable + cgst + sgst
    text = f"""                                TAX INVOICE
SHARMA ELECTRICALS PVT. LTD.
Plot 44, MIDC Industrial Area, Bhosari, Pune 411026, Maharashtra
GSTIN: 27AAFCS4471K1Z9    PAN: AAFCS4471K    Ph: +91 20 2712 3344
--------------------------------------------------------------------------
Invoice No.  : SE/25-26/0417            Dated        : 14-Mar-2026
Buyer's Order: BO-7781                  Delivery Note: DN-2291
Buyer        : Kaveri Agro Foods LLP, Nashik (GSTIN 27AAKFK9910C1ZQ)
--------------------------------------------------------------------------
Sl  Description of Goods          HSN     Qty     Rate        Amount
 1  Three-phase panel, 63A        8537      5   18,000.00    90,000.00
 2  Copper cable 4 sq mm (m)      8544    500       70.00    35,000.00
--------------------------------------------------------------------------
                                        Taxable Value   {num(taxable, indian=True):>14}
                                        CGST @ 9%       {num(cgst, indian=True):>14}
                                        SGST @ 9%       {num(sgst, indian=True):>14}
                                        Grand Total  Rs.{num(total, indian=True):>14}
--------------------------------------------------------------------------
Amount Chargeable (in words): Indian Rupees One Lakh Forty Seven Thousand Five Hundred Only
Declaration: We declare that this invoice shows the actual price of the goods described.
                                             for SHARMA ELECTRICALS PVT. LTD.
                                                     Authorised Signatory
"""
    return Invoice(
        "t05-gst-in-text",
        "txt",
        text.encode(),
        truth(
            "Sharma Electricals Pvt. Ltd.", "SE/25-26/0417", "2026-03-14", total, cgst + sgst, "INR"
        ),
    )


@invoice
def t06_email_fr() -> Invoice:
    ht = D("840.00")
    tva = q(ht * D("0.20"))
    ttc = ht + tva
    text = f"""De : Claire Beaumont <claire@atelier-beaumont.fr>
À : compta@maison-verdier.fr
Objet : Facture n° F2026-118 – restauration de deux fauteuils

Bonjour Madame Verdier,

Veuillez trouver ci-dessous notre facture n° F2026-118 du 2 avril 2026,
correspondant au devis D-2026-031 accepté le 12 mars.

    Restauration fauteuil Voltaire (x2) : {sp(ht)} € HT
    Montant HT  : {sp(ht)} €
    TVA (20 %)  : {sp(tva)} €
    Montant TTC : {sp(ttc)} €

Règlement à réception, par virement sur FR76 3000 6000 0112 3456 7890 189.
Pour toute question : 04 78 55 12 90.

Bien cordialement,
Claire Beaumont
Atelier Beaumont SARL – 17 rue des Tanneurs, 69001 Lyon
SIRET 812 345 678 00021 – TVA FR45812345678
"""
    return Invoice(
        "t06-email-fr",
        "txt",
        text.encode(),
        truth("Atelier Beaumont SARL", "F2026-118", "2026-04-02", ttc, tva, "EUR"),
    )


@invoice
def t07_plain_se() -> Invoice:
    net = D("12000.00")
    moms = q(net * D("0.25"))
    total = net + moms
    text = f"""Nordvik Konsult AB
Sveavägen 44, 111 34 Stockholm
Org.nr 556677-8899   Momsreg.nr SE556677889901

FAKTURA

Fakturanummer      10234
Fakturadatum       2026-02-27
Förfallodatum      2026-03-29
Er referens        Lena Holm
Kundnummer         2041

Beskrivning                          Antal    À-pris      Belopp
Projektledning, februari               40    300,00   {sp2(net)}

Belopp exkl. moms                                     {sp2(net)}
Moms 25 %                                              {sp2(moms)}
Att betala (SEK)                                      {sp2(total)}

Bankgiro 5555-1234 · Ange fakturanummer vid betalning
Dröjsmålsränta 8 % efter förfallodagen
"""
    return Invoice(
        "t07-plain-se",
        "txt",
        text.encode(),
        truth("Nordvik Konsult AB", "10234", "2026-02-27", total, moms, "SEK"),
    )


@invoice
def t08_markdown_au_paid() -> Invoice:
    items = [("Brand identity refresh", D("2400.00")), ("Social media templates (10)", D("600.00"))]
    sub = sum((p for _, p in items), D(0))
    gst = q(sub * D("0.10"))
    total = sub + gst
    text = f"""## Koala Creative Pty Ltd
ABN 51 824 753 556 · Level 3, 88 George St, Sydney NSW 2000 · 02 9555 0142

### Tax Invoice #1047

Issued: 5/03/2026
Client: Bondi Surf Co. (accounts@bondisurf.com.au)

| Item | Amount |
|---|---:|
| {items[0][0]} | ${us(items[0][1])} |
| {items[1][0]} | ${us(items[1][1])} |
| **Subtotal** | ${us(sub)} |
| GST 10% | ${us(gst)} |
| **Total (inc GST)** | **${us(total)}** |

Status: **PAID** on 12/03/2026 by card — thank you!
"""
    return Invoice(
        "t08-markdown-au-paid",
        "txt",
        text.encode(),
        truth("Koala Creative Pty Ltd", "1047", "2026-03-05", total, gst, "AUD", "paid"),
    )


# ----------------------------------------------------------------------------- PDFs


@invoice
def p01_us_separate_columns() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Trail tent, 3-person, ember", D(12), D("289.00")),
        ("Sleeping bag, 20F synthetic", D(24), D("134.50")),
        ("Headlamp 400 lm", D(40), D("27.95")),
    ]
    sub = items_total(items)
    tax = q(sub * D("0.0825"))
    total = sub + tax
    p.t(50, 60, "Cascade Ridge Outfitters LLC", 18, "serif-bold")
    p.t(50, 76, "4410 Burnet Road · Austin, TX 78756 · (512) 555-0148", 8.5, "serif")
    p.t(562, 60, "INVOICE", 24, "serif-bold", "r")
    labels = ["Invoice Number", "Invoice Date", "Customer ID", "PO #", "Terms"]
    values = ["CRO-55127", "Mar 9, 2026", "C-30912", "PO-88410", "Net 30"]
    for i, (lab, val) in enumerate(zip(labels, values, strict=True)):
        p.t(360, 110 + i * 15, lab, 9, "serif-bold")
        p.t(562, 110 + i * 15, val, 9, "serif", "r")
    p.t(50, 110, "SOLD TO", 8, "serif-bold")
    for i, line in enumerate(["Trailhead Rentals Inc.", "92 Aspen Way", "Boulder, CO 80302"]):
        p.t(50, 124 + i * 12, line, 9, "serif")
    rows = [["Item", "Qty", "Unit Price", "Line Total"]] + [
        [d, str(int(qt)), us(pr), us(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(50, 210, [(262, "l"), (50, "r"), (90, "r"), (110, "r")], rows, f="serif")
    y += 20
    p.box(372, y, 190, 64)
    for i, (lab, val) in enumerate(
        [("Subtotal", "$" + us(sub)), ("Sales Tax (8.25%)", "$" + us(tax))]
    ):
        p.t(380, y + 16 + i * 15, lab, 9, "serif")
        p.t(555, y + 16 + i * 15, val, 9, "serif", "r")
    p.line(372, y + 44, 562, y + 44)
    p.t(380, y + 58, "TOTAL", 11, "serif-bold")
    p.t(555, y + 58, "$" + us(total), 11, "serif-bold", "r")
    p.t(
        50,
        700,
        "Make checks payable to Cascade Ridge Outfitters LLC. Questions? ar@cascaderidge.com",
        8,
        "serif",
    )
    return Invoice(
        "p01-us-separate-columns",
        "pdf",
        p.done(),
        truth("Cascade Ridge Outfitters LLC", "CRO-55127", "2026-03-09", total, tax, "USD"),
    )


@invoice
def p02_nl_values_above() -> Invoice:
    p = Pdf()
    items = [
        ("CV-ketel Intergas HRE 36/30", D(1), D("1890.00")),
        ("Montage en inbedrijfstelling", D("6"), D("65.00")),
        ("Afvoermateriaal", D(1), D("220.00")),
    ]
    sub = items_total(items)
    btw = q(sub * D("0.21"))
    total = sub + btw
    p.box(0, 0, p.w, 70, fill=0.15)
    p.c.setFillGray(1)
    p.t(40, 42, "Van der Berg Installatietechniek B.V.", 17, "sans-bold")
    p.c.setFillGray(0)
    p.t(40, 90, "Industrieweg 18 · 3542 AD Utrecht · KvK 30112233 · btw NL812233445B01", 8)
    p.t(40, 130, "FACTUUR", 20, "sans-bold")
    cells = [
        ("2026-0312", "Factuurnummer"),
        ("12-03-2026", "Factuurdatum"),
        ("K-10442", "Klantnummer"),
        ("11-04-2026", "Vervaldatum"),
    ]
    for i, (val, lab) in enumerate(cells):
        x = 40 + i * 130
        p.t(x, 165, val, 11, "sans-bold")
        p.t(x, 178, lab, 7.5)
    p.t(40, 215, "Aan: Fam. de Wit, Lindelaan 4, 3581 CK Utrecht", 9)
    rows = [["Omschrijving", "Aantal", "Prijs", "Bedrag"]] + [
        [d, num(qt, places=0), eu(pr), eu(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(
        40, 240, [(285, "l"), (60, "r"), (80, "r"), (90, "r")], rows, lines=False, header_fill=0.92
    )
    y += 25
    for i, (lab, val) in enumerate([("Subtotaal", eu(sub)), ("BTW 21%", eu(btw))]):
        p.t(380, y + i * 15, lab, 9.5)
        p.t(555, y + i * 15, "€ " + val, 9.5, align="r")
    p.line(380, y + 22, 555, y + 22)
    p.t(380, y + 38, "Totaal te betalen", 11, "sans-bold")
    p.t(555, y + 38, "€ " + eu(total), 11, "sans-bold", "r")
    p.t(
        40,
        780,
        "Wij verzoeken u het bedrag binnen 30 dagen over te maken op NL91 ABNA 0417 1643 00 o.v.v. het factuurnummer.",
        8,
    )
    return Invoice(
        "p02-nl-values-above",
        "pdf",
        p.done(),
        truth(
            "Van der Berg Installatietechniek B.V.", "2026-0312", "2026-03-12", total, btw, "EUR"
        ),
    )


@invoice
def p03_es_customer_first() -> Invoice:
    p = Pdf()
    items = [
        ("Mantelería hilo (juego 12)", D(20), D("48.00")),
        ("Servilletas algodón (caja 100)", D(16), D("95.00")),
    ]
    base = items_total(items)
    iva = q(base * D("0.21"))
    total = base + iva
    p.t(40, 60, "CLIENTE", 8, "sans-bold")
    for i, line in enumerate(
        ["Hotel Mirasol S.A.", "Paseo Marítimo 21", "29602 Marbella (Málaga)", "CIF A29123456"]
    ):
        p.t(40, 74 + i * 12, line, 9)
    for i, line in enumerate(
        [
            "Industrias Gómez S.L.",
            "Polígono El Pilar, nave 9",
            "46900 Torrent (Valencia)",
            "CIF B46789012 · Tel. 961 555 234",
        ]
    ):
        p.t(555, 60 + i * 13, line, 13 if i == 0 else 9, "sans-bold" if i == 0 else "sans", "r")
    p.t(p.w / 2, 170, "FACTURA", 18, "sans-bold", "c")
    p.t(40, 200, "Factura Nº: A-2026/0871", 10)
    p.t(40, 214, "Fecha: 14 de marzo de 2026", 10)
    p.t(300, 200, "Pedido: PED-5531", 10)
    p.t(300, 214, "Vencimiento: 13 de abril de 2026", 10)
    rows = [["Concepto", "Unidades", "Precio", "Importe"]] + [
        [d, str(int(qt)), eu(pr) + " €", eu(q(qt * pr)) + " €"] for d, qt, pr in items
    ]
    y = p.grid(40, 240, [(255, "l"), (70, "r"), (90, "r"), (100, "r")], rows)
    y += 30
    p.grid(
        300,
        y,
        [(150, "l"), (105, "r")],
        [
            ["Base imponible", eu(base) + " €"],
            ["IVA 21%", eu(iva) + " €"],
            ["TOTAL FACTURA", eu(total) + " €"],
        ],
        header_fill=None,
        bold_header=False,
    )
    p.t(
        40,
        790,
        "Inscrita en el Registro Mercantil de Valencia, Tomo 8812, Folio 44, Hoja V-12345",
        7,
    )
    return Invoice(
        "p03-es-customer-first",
        "pdf",
        p.done(),
        truth("Industrias Gómez S.L.", "A-2026/0871", "2026-03-14", total, iva, "EUR"),
    )


@invoice
def p04_de_receipt() -> Invoice:
    p = Pdf((226.8, 460))  # 80 mm till roll
    items = [
        ("Cappuccino", D(2), D("3.90")),
        ("Apfelstrudel", D(2), D("4.50")),
        ("Mineralwasser 0,5l", D(2), D("3.50")),
    ]
    total = items_total(items)
    vat = q(total * D(19) / D(119))
    cx = p.w / 2
    p.t(cx, 30, "Café Lindenhof", 13, "mono-bold", "c")
    p.t(cx, 44, "Lindenstraße 8 · 01067 Dresden", 7, "mono", "c")
    p.t(cx, 54, "St.-Nr. 203/123/45678", 7, "mono", "c")
    y = 80
    for d, qt, pr in items:
        p.t(12, y, f"{int(qt)} x {d}", 7.5, "mono")
        p.t(214, y, eu(q(qt * pr)), 7.5, "mono", "r")
        y += 11
    p.line(12, y, 214, y)
    y += 14
    p.t(12, y, "SUMME EUR", 10, "mono-bold")
    p.t(214, y, eu(total), 10, "mono-bold", "r")
    y += 16
    for lab, val in [("Gegeben Bar", D("50.00")), ("Rückgeld", D("50.00") - total)]:
        p.t(12, y, lab, 7.5, "mono")
        p.t(214, y, eu(val), 7.5, "mono", "r")
        y += 11
    y += 8
    p.t(12, y, "MwSt   Netto   Steuer   Brutto", 7, "mono")
    p.t(12, y + 10, f"19%    {eu(total - vat)}   {eu(vat)}    {eu(total)}", 7, "mono")
    y += 34
    p.t(12, y, "Bon-Nr. 4711   Tisch 6", 7.5, "mono")
    p.t(12, y + 11, "14.03.2026 12:31   Kasse 1", 7.5, "mono")
    p.t(cx, y + 40, "Vielen Dank für Ihren Besuch!", 7.5, "mono", "c")
    return Invoice(
        "p04-de-receipt",
        "pdf",
        p.done(),
        truth("Café Lindenhof", "4711", "2026-03-14", total, vat, "EUR"),
    )


@invoice
def p05_ca_remittance_slip() -> Invoice:
    p = Pdf(LETTER)
    net = D("1000.00")
    gst = q(net * D("0.05"))
    pst = q(net * D("0.07"))
    total = net + gst + pst
    p.t(40, 50, "Maple Leaf Janitorial Services Inc.", 15, "sans-bold")
    p.t(40, 66, "1208 Kingsway, Vancouver, BC V5V 3E1 · 604-555-0176 · GST# 81234 5678 RT0001", 8)
    p.t(572, 50, "Invoice", 20, "sans-bold", "r")
    p.grid(
        372,
        80,
        [(100, "l"), (100, "l")],
        [["Invoice #", "Invoice Date"], ["58213", "2026-01-31"]],
        size=9,
    )
    p.t(40, 110, "Bill To:", 9, "sans-bold")
    p.t(40, 123, "Granville Dental Group", 9)
    p.t(40, 135, "2150 W Broadway, Vancouver, BC", 9)
    rows = [
        ["Description", "Period", "Amount"],
        ["Nightly office cleaning", "January 2026", us(net)],
    ]
    y = p.grid(40, 170, [(300, "l"), (120, "l"), (112, "r")], rows)
    y += 16
    for i, (lab, val) in enumerate(
        [
            ("Subtotal", us(net)),
            ("GST 5%", us(gst)),
            ("PST 7%", us(pst)),
            ("Total", "$" + us(total)),
        ]
    ):
        p.t(430, y + i * 15, lab, 9.5, "sans-bold" if lab == "Total" else "sans")
        p.t(572, y + i * 15, val, 9.5, "sans-bold" if lab == "Total" else "sans", "r")
    p.t(
        40,
        y + 80,
        "Payment due within 15 days. Cheques payable to Maple Leaf Janitorial Services Inc.",
        8,
    )
    p.line(20, 540, 592, 540, dash=True)
    p.t(306, 532, "✂  please detach and return this portion with your payment", 7, align="c")
    p.t(40, 570, "REMITTANCE ADVICE", 11, "sans-bold")
    slip = [
        ("Customer Account", "GDG-0042"),
        ("Invoice #", "58213"),
        ("Amount Due", "$" + us(total)),
        ("Amount Enclosed", "$ ____________"),
    ]
    for i, (lab, val) in enumerate(slip):
        p.t(40, 595 + i * 16, lab, 9)
        p.t(200, 595 + i * 16, val, 9)
    p.t(360, 595, "Remit to:", 9, "sans-bold")
    for i, line in enumerate(
        ["Maple Leaf Janitorial Services Inc.", "PO Box 3391 Stn Terminal", "Vancouver, BC V6B 3Y3"]
    ):
        p.t(360, 608 + i * 12, line, 9)
    return Invoice(
        "p05-ca-remittance-slip",
        "pdf",
        p.done(),
        truth(
            "Maple Leaf Janitorial Services Inc.", "58213", "2026-01-31", total, gst + pst, "CAD"
        ),
    )


@invoice
def p06_gb_eur_reverse_charge_words() -> Invoice:
    p = Pdf()
    items = [
        ("Stainless mooring bollards, 300 mm", D(16), D("520.00")),
        ("Galvanised chain 13 mm (per 10 m)", D(24), D("173.33")),
    ]
    total = items_total(items)
    p.t(40, 55, "THORNBURY MARINE SUPPLIES LTD", 14, "serif-bold")
    p.t(40, 70, "Quay Works, Harbour Road, Falmouth TR11 2AB, United Kingdom", 8, "serif")
    p.t(40, 81, "VAT No. GB 418 2296 51 · EORI GB418229651000", 8, "serif")
    p.t(555, 55, "COMMERCIAL INVOICE", 12, "serif-bold", "r")
    meta = [
        ("Invoice no.", "TMS-26-0208"),
        ("Date", "18 February 2026"),
        ("Your order", "BO-118/26"),
        ("Incoterms", "DAP Cork"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(400, 80 + i * 13, lab, 8.5, "serif")
        p.t(555, 80 + i * 13, val, 8.5, "serif", "r")
    p.t(
        40,
        120,
        "Consignee: Cork Harbour Boatyard Ltd, Crosshaven, Co. Cork, Ireland (IE 6388047V)",
        9,
        "serif",
    )
    rows = [["Description", "Qty", "Unit EUR", "EUR"]] + [
        [d, str(int(qt)), us(pr), us(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 150, [(280, "l"), (50, "r"), (80, "r"), (105, "r")], rows, f="serif")
    y += 20
    p.t(400, y, "Net value", 9, "serif")
    p.t(555, y, us(total), 9, "serif", "r")
    p.t(400, y + 14, "VAT 0% (reverse charge)", 9, "serif")
    p.t(555, y + 14, "0.00", 9, "serif", "r")
    p.t(400, y + 32, "Invoice total EUR", 10.5, "serif-bold")
    p.t(555, y + 32, us(total), 10.5, "serif-bold", "r")
    p.t(
        40,
        y + 60,
        "Amount in words: Twelve thousand four hundred and seventy-nine euros and ninety-two cents.",
        8.5,
        "serif",
    )
    gbp = q(total * D("0.8534"))
    p.t(
        40,
        y + 74,
        f"For information only: approx. GBP {us(gbp)} at 0.8534 (ECB reference rate of 17/02/2026).",
        8.5,
        "serif",
    )
    p.t(
        40,
        y + 88,
        "Customer to account for VAT under the reverse charge (Article 196, Directive 2006/112/EC).",
        8.5,
        "serif",
    )
    return Invoice(
        "p06-gb-eur-reverse-charge-words",
        "pdf",
        p.done(),
        truth("Thornbury Marine Supplies Ltd", "TMS-26-0208", "2026-02-18", total, "0.00", "EUR"),
    )


@invoice
def p07_us_balance_after_payment() -> Invoice:
    p = Pdf(LETTER)
    sub = D("5000.00")
    tax = q(sub * D("0.08"))
    total = sub + tax
    paid = D("2000.00")
    p.t(306, 50, "Redline Electrical Contractors, LLC", 16, "sans-bold", "c")
    p.t(
        306,
        65,
        "77 Industrial Pkwy · Columbus, OH 43219 · License EC-44721 · (614) 555-0123",
        8,
        align="c",
    )
    p.line(40, 75, 572, 75, 1.2)
    left = [("Invoice:", "RE-3318"), ("Date:", "02/27/2026"), ("Job:", "Westgate Library rewiring")]
    right = [
        ("Previous balance:", "$0.00"),
        ("Terms:", "Due on receipt"),
        ("Project #:", "2026-014"),
    ]
    for i, ((l1, v1), (l2, v2)) in enumerate(zip(left, right, strict=True)):
        p.t(40, 100 + i * 14, l1, 9, "sans-bold")
        p.t(100, 100 + i * 14, v1, 9)
        p.t(340, 100 + i * 14, l2, 9, "sans-bold")
        p.t(572, 100 + i * 14, v2, 9, align="r")
    rows = [["Description", "Amount"], ["Progress billing #2 (50% of contract)", us(sub)]]
    y = p.grid(40, 160, [(420, "l"), (112, "r")], rows)
    y += 20
    lines = [
        ("Subtotal", us(sub)),
        ("Tax 8%", us(tax)),
        ("Total", us(total)),
        ("Payment received 02/20/2026", "-" + us(paid)),
        ("Balance Due", "$" + us(total - paid)),
    ]
    for i, (lab, val) in enumerate(lines):
        bold = lab in ("Total", "Balance Due")
        p.t(360, y + i * 16, lab, 9.5, "sans-bold" if bold else "sans")
        p.t(572, y + i * 16, val, 9.5, "sans-bold" if bold else "sans", "r")
    return Invoice(
        "p07-us-balance-after-payment",
        "pdf",
        p.done(),
        truth("Redline Electrical Contractors, LLC", "RE-3318", "2026-02-27", total, tax, "USD"),
    )


@invoice
def p08_de_vat_table() -> Invoice:
    p = Pdf()
    full = [
        ("Wartung Heizungsanlage", D(1), D("480.00")),
        ("Austausch Umwälzpumpe", D(1), D("612.40")),
    ]
    reduced = [("Fachbuch Heizungstechnik", D(2), D("39.90"))]
    n19, n7 = items_total(full), items_total(reduced)
    v19, v7 = q(n19 * D("0.19")), q(n7 * D("0.07"))
    total = n19 + n7 + v19 + v7
    p.t(40, 40, "Krüger & Partner Haustechnik GmbH · Am Mühlbach 3 · 80997 München", 7)
    for i, line in enumerate(
        ["Hausverwaltung Seidl KG", "z. Hd. Herrn Seidl", "Leopoldstraße 121", "80804 München"]
    ):
        p.t(40, 60 + i * 13, line, 10)
    p.t(555, 50, "Krüger & Partner", 16, "sans-bold", "r")
    p.t(555, 66, "Haustechnik GmbH", 11, align="r")
    info = [
        ("Rechnung Nr.", "2026-00317"),
        ("Kunden-Nr.", "40213"),
        ("Datum", "3. Februar 2026"),
        ("Leistungsdatum", "28. Januar 2026"),
    ]
    for i, (lab, val) in enumerate(info):
        p.t(380, 100 + i * 13, lab, 8.5)
        p.t(555, 100 + i * 13, val, 8.5, align="r")
    p.t(40, 175, "Rechnung", 14, "sans-bold")
    rows = [["Pos", "Bezeichnung", "USt", "Netto €"]] + [
        [str(i), d, r, eu(q(qt * pr))]
        for i, (d, qt, pr, r) in enumerate(
            [(*full[0], "19 %"), (*full[1], "19 %"), (*reduced[0], "7 %")], 1
        )
    ]
    y = p.grid(40, 195, [(35, "r"), (330, "l"), (60, "r"), (90, "r")], rows)
    y += 25
    vat_rows = [
        ["USt-Satz", "Netto", "USt", "Brutto"],
        ["19 %", eu(n19), eu(v19), eu(n19 + v19)],
        ["7 %", eu(n7), eu(v7), eu(n7 + v7)],
        ["Summe", eu(n19 + n7), eu(v19 + v7), eu(total)],
    ]
    y = p.grid(235, y, [(70, "l"), (80, "r"), (70, "r"), (95, "r")], vat_rows)
    y += 22
    p.t(235, y, "Rechnungsbetrag", 11, "sans-bold")
    p.t(550, y, eu(total) + " €", 11, "sans-bold", "r")
    p.t(
        40,
        y + 40,
        "Zahlbar bis 17. Februar 2026 ohne Abzug. Sparkasse München, IBAN DE12 7015 0000 0012 3456 78",
        8,
    )
    p.t(
        40,
        800,
        "Krüger & Partner Haustechnik GmbH · HRB 223344 Amtsgericht München · Geschäftsführer: T. Krüger · USt-IdNr. DE298765432",
        6.5,
    )
    return Invoice(
        "p08-de-vat-table",
        "pdf",
        p.done(),
        truth(
            "Krüger & Partner Haustechnik GmbH", "2026-00317", "2026-02-03", total, v19 + v7, "EUR"
        ),
    )


@invoice
def p09_in_igst_table() -> Invoice:
    p = Pdf()
    items = [
        ("Stainless steel tiffin box 3-tier", "7323", D(200), D("180.00")),
        ("Copper water bottle 1L", "7418", D(100), D("140.00")),
    ]
    taxable = q(sum((qt * pr for _, _, qt, pr in items), D(0)))
    igst = q(taxable * D("0.18"))
    total = taxable + igst
    p.box(30, 30, 535, 780)
    p.t(p.w / 2, 50, "TAX INVOICE", 12, "sans-bold", "c")
    p.t(p.w / 2, 70, "KRISHNA TRADING ENTERPRISES", 15, "sans-bold", "c")
    p.t(
        p.w / 2,
        84,
        "12/4 Avenue Road, Bengaluru 560002, Karnataka · GSTIN 29AAHFK7712Q1ZX · +91 80 2222 4471",
        7.5,
        align="c",
    )
    p.line(30, 95, 565, 95)
    meta = [
        ("Invoice No", "KTE/2026/118"),
        ("Date", "05/03/2026"),
        ("Place of Supply", "Tamil Nadu (33)"),
        ("Reverse Charge", "No"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(40, 112 + i * 13, lab, 8.5, "sans-bold")
        p.t(140, 112 + i * 13, ": " + val, 8.5)
    p.t(320, 112, "Billed to:", 8.5, "sans-bold")
    for i, line in enumerate(
        [
            "Chennai Home Stores Pvt Ltd",
            "45 Usman Road, T. Nagar",
            "Chennai 600017",
            "GSTIN 33AACCC5561L1Z2",
        ]
    ):
        p.t(320, 125 + i * 12, line, 8.5)
    rows = [["Item", "HSN", "Qty", "Rate", "Taxable", "IGST 18%", "Total"]] + [
        [
            d,
            h,
            str(int(qt)),
            num(pr, indian=True),
            num(q(qt * pr), indian=True),
            num(q(qt * pr * D("0.18")), indian=True),
            num(q(qt * pr * D("1.18")), indian=True),
        ]
        for d, h, qt, pr in items
    ]
    y = p.grid(
        40,
        185,
        [(150, "l"), (40, "c"), (35, "r"), (55, "r"), (70, "r"), (65, "r"), (100, "r")],
        rows,
        size=7.5,
    )
    y += 15
    summary = [
        ("Total Taxable Value", num(taxable, indian=True)),
        ("Add: IGST @ 18%", num(igst, indian=True)),
        ("Total Amount", "₹ " + num(total, indian=True)),
    ]
    for i, (lab, val) in enumerate(summary):
        f = "sans-bold" if i == 2 else "sans"
        p.t(340, y + i * 15, lab, 9, f)
        p.t(555, y + i * 15, val, 9, f, "r")
    p.t(40, y + 60, "Rupees Fifty Nine Thousand Only", 8.5, "sans-bold")
    p.t(40, y + 80, "Bank: HDFC Bank, A/c 50200012345678, IFSC HDFC0000123", 8)
    p.t(555, 760, "For KRISHNA TRADING ENTERPRISES", 8.5, "sans-bold", "r")
    p.t(555, 790, "Authorised Signatory", 8, align="r")
    return Invoice(
        "p09-in-igst-table",
        "pdf",
        p.done(),
        truth("Krishna Trading Enterprises", "KTE/2026/118", "2026-03-05", total, igst, "INR"),
    )


@invoice
def p10_ch_qr_bill() -> Invoice:
    p = Pdf()
    net = D("1142.00")
    mwst = q(net * D("0.081"))
    total = net + mwst
    p.t(50, 60, "Helvetia Treuhand AG", 16, "sans-bold")
    p.t(50, 75, "Bahnhofstrasse 52 · 8001 Zürich · CHE-123.456.789 MWST", 8)
    for i, line in enumerate(
        ["Bäckerei Frei GmbH", "Herr Urs Frei", "Dorfstrasse 9", "8606 Greifensee"]
    ):
        p.t(340, 110 + i * 13, line, 10)
    p.t(50, 190, "Zürich, 19.03.2026", 9.5)
    p.t(50, 220, "Rechnung Nr. 26-0419", 13, "sans-bold")
    p.t(50, 238, "Buchführung und Jahresabschluss 2025 gemäss Offerte vom 12.01.2026", 9.5)
    rows = [
        ["Leistung", "Stunden", "Ansatz", "CHF"],
        ["Finanzbuchhaltung 2025", "8.0", "95.00", ch(D("760.00"))],
        ["Jahresabschluss und Steuererklärung", "4.0", "95.50", ch(D("382.00"))],
    ]
    y = p.grid(50, 260, [(260, "l"), (65, "r"), (65, "r"), (105, "r")], rows, lines=False)
    y += 15
    for i, (lab, val) in enumerate(
        [("Total exkl. MWST", ch(net)), ("MWST 8.1 %", ch(mwst)), ("Total CHF", ch(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(330, y + i * 15, lab, 9.5, f)
        p.t(545, y + i * 15, val, 9.5, f, "r")
    p.t(50, y + 70, "Zahlbar innert 30 Tagen netto.", 9)
    p.line(0, 540, p.w, 540, dash=True)
    p.line(175, 540, 175, 842, dash=True)
    p.t(15, 560, "Empfangsschein", 11, "sans-bold")
    p.t(190, 560, "Zahlteil", 11, "sans-bold")
    p.t(15, 580, "Konto / Zahlbar an", 6, "sans-bold")
    p.t(15, 590, "CH44 3199 9123 0008 8901 2", 8)
    p.t(15, 600, "Helvetia Treuhand AG", 8)
    p.t(15, 690, "Währung   Betrag", 6, "sans-bold")
    p.t(15, 700, f"CHF       {ch(total)}", 8)
    p.box(190, 580, 130, 130)
    p.t(255, 650, "[Swiss QR code]", 7, align="c")
    p.t(190, 730, "Währung   Betrag", 7, "sans-bold")
    p.t(190, 742, f"CHF       {ch(total)}", 10)
    p.t(340, 580, "Konto / Zahlbar an", 7, "sans-bold")
    p.t(340, 591, "CH44 3199 9123 0008 8901 2", 9)
    p.t(340, 602, "Helvetia Treuhand AG, Bahnhofstrasse 52, 8001 Zürich", 8)
    p.t(340, 625, "Referenz", 7, "sans-bold")
    p.t(340, 636, "21 00000 00003 13947 14300 09017", 9)
    p.t(340, 660, "Zahlbar durch", 7, "sans-bold")
    p.t(340, 671, "Bäckerei Frei GmbH, Dorfstrasse 9, 8606 Greifensee", 8)
    return Invoice(
        "p10-ch-qr-bill",
        "pdf",
        p.done(),
        truth("Helvetia Treuhand AG", "26-0419", "2026-03-19", total, mwst, "CHF"),
    )


@invoice
def p11_jp_yen() -> Invoice:
    p = Pdf()
    items = [("Precision shaft SUS304, 12 mm", 400, 180), ("Bearing housing, machined", 60, 850)]
    sub = sum(qt * pr for _, qt, pr in items)
    tax = sub // 10
    total = sub + tax
    p.t(40, 60, "INVOICE", 22, "sans-bold")
    p.t(40, 90, "To: Hokuriku Robotics K.K.  御中", 11)
    p.t(40, 104, "Kanazawa, Ishikawa 920-0031", 9)
    p.t(555, 60, "Tanaka Precision Parts Co., Ltd.", 11, "sans-bold", "r")
    for i, line in enumerate(
        [
            "3-14-2 Minami-Semba, Chuo-ku, Osaka 542-0081, Japan",
            "Registration No. T8120001234567",
            "TEL 06-6555-0192",
        ]
    ):
        p.t(555, 74 + i * 11, line, 8, align="r")
    p.t(555, 130, "Invoice No.  TP-2603-0088", 9, align="r")
    p.t(555, 143, "Issue date  2026/03/25", 9, align="r")
    p.t(555, 156, "Payment due  2026/04/30", 9, align="r")
    p.box(40, 175, 250, 36)
    p.t(48, 190, "Amount billed (tax incl.)", 8)
    p.t(282, 204, f"¥{total:,}", 15, "sans-bold", "r")
    rows = [["Description", "Qty", "Unit price", "Amount"]] + [
        [d, f"{qt:,}", f"¥{pr:,}", f"¥{qt * pr:,}"] for d, qt, pr in items
    ]
    y = p.grid(40, 230, [(265, "l"), (60, "r"), (90, "r"), (100, "r")], rows)
    y += 15
    for i, (lab, val) in enumerate(
        [
            ("Subtotal", f"¥{sub:,}"),
            ("Consumption tax (10%)", f"¥{tax:,}"),
            ("Total", f"¥{total:,}"),
        ]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(340, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        y + 70,
        "Bank transfer: MUFG Bank, Semba branch, Ordinary 1234567, Tanaka Precision Parts",
        8,
    )
    return Invoice(
        "p11-jp-yen",
        "pdf",
        p.done(),
        truth(
            "Tanaka Precision Parts Co., Ltd.",
            "TP-2603-0088",
            "2026-03-25",
            D(total),
            D(tax),
            "JPY",
        ),
    )


@invoice
def p12_it_label_value_columns() -> Invoice:
    p = Pdf()
    items = [
        ("Progettazione architettonica preliminare", D("1800.00")),
        ("Pratiche edilizie (SCIA)", D("900.00")),
        ("Rilievo metrico", D("500.00")),
    ]
    imp = sum((v for _, v in items), D(0))
    iva = q(imp * D("0.22"))
    total = imp + iva
    p.t(40, 55, "Studio Ferraro S.r.l.", 18, "serif-bold")
    p.t(40, 72, "Architettura e Ingegneria — Via dei Mille 24, 40121 Bologna", 8.5, "serif")
    p.t(40, 83, "P.IVA 03456780371 — Cod. SDI M5UXCR1", 8.5, "serif")
    col_l = ["Tipo documento", "Numero", "Data", "Codice cliente", "Pagamento"]
    col_v = ["Fattura", "118/2026", "14/03/2026", "CL-0087", "Bonifico 30 gg d.f."]
    for i, (lab, val) in enumerate(zip(col_l, col_v, strict=True)):
        p.t(40, 120 + i * 14, lab, 9, "serif")
        p.t(170, 120 + i * 14, val, 9, "serif-bold")
    p.t(330, 120, "Spett.le", 9, "serif")
    for i, line in enumerate(
        ["Immobiliare Colli Bolognesi S.p.A.", "Via Saragozza 80", "40135 Bologna (BO)"]
    ):
        p.t(330, 133 + i * 12, line, 9, "serif")
    rows = [["Descrizione", "Importo €"]] + [[d, eu(v)] for d, v in items]
    y = p.grid(40, 210, [(400, "l"), (115, "r")], rows, f="serif", header_fill=0.9)
    y += 25
    for i, (lab, val) in enumerate(
        [("Imponibile", eu(imp)), ("IVA 22%", eu(iva)), ("Totale documento", eu(total))]
    ):
        f = "serif-bold" if i == 2 else "serif"
        p.t(340, y + i * 16, lab, 10, f)
        p.t(555, y + i * 16, "€ " + val, 10, f, "r")
    p.t(
        40,
        y + 70,
        "Scadenza pagamento: 13/04/2026 — IBAN IT60 X054 2811 1010 0000 0123 456",
        8.5,
        "serif",
    )
    return Invoice(
        "p12-it-label-value-columns",
        "pdf",
        p.done(),
        truth("Studio Ferraro S.r.l.", "118/2026", "2026-03-14", total, iva, "EUR"),
    )


@invoice
def p13_pt_table_heavy() -> Invoice:
    p = Pdf()
    items = [
        ("Café em grão 1 kg", D(20), D("14.50")),
        ("Pastéis de nata (cx 24)", D(15), D("18.00")),
        ("Leite meio-gordo 1 L", D(60), D("0.89")),
    ]
    rows6 = [(d, qt, pr, D("23") if "Café" in d else D("6")) for d, qt, pr in items]
    n23 = q(sum((qt * pr for d, qt, pr, r in rows6 if r == 23), D(0)))
    n6 = q(sum((qt * pr for d, qt, pr, r in rows6 if r == 6), D(0)))
    v23, v6 = q(n23 * D("0.23")), q(n6 * D("0.06"))
    total = n23 + n6 + v23 + v6
    p.t(40, 55, "Café Lusitano, Lda.", 16, "sans-bold")
    p.t(40, 70, "Rua das Flores 112, 4050-262 Porto · NIF 509 876 543 · Capital social 5.000 €", 8)
    p.grid(
        330,
        90,
        [(110, "l"), (115, "l")],
        [
            ["Fatura", "FT 2026/145"],
            ["Data de emissão", "2026-03-08"],
            ["Data de vencimento", "2026-04-07"],
            ["ATCUD", "JFK3MN7P-145"],
        ],
        header_fill=None,
        bold_header=False,
    )
    p.t(40, 100, "Exmo(s) Sr(s).", 8.5)
    p.t(40, 112, "Hotel Ribeira, S.A. — NIF 501 234 567", 9)
    p.t(40, 124, "Cais da Ribeira 20, 4050-510 Porto", 9)
    rows = [["Descrição", "Qtd.", "Preço unit.", "IVA", "Valor"]] + [
        [d, str(int(qt)), eu(pr), f"{r}%", eu(q(qt * pr))] for d, qt, pr, r in rows6
    ]
    y = p.grid(40, 175, [(220, "l"), (45, "r"), (80, "r"), (50, "r"), (120, "r")], rows)
    y += 20
    y = p.grid(
        40,
        y,
        [(80, "l"), (100, "r"), (100, "r")],
        [["Taxa", "Incidência", "IVA"], ["23%", eu(n23), eu(v23)], ["6%", eu(n6), eu(v6)]],
        size=8,
    )
    y -= 45
    p.grid(
        375,
        y,
        [(90, "l"), (90, "r")],
        [["Total ilíquido", eu(n23 + n6)], ["Total IVA", eu(v23 + v6)], ["Total (EUR)", eu(total)]],
        header_fill=None,
        bold_header=False,
    )
    p.t(
        40,
        790,
        "Processado por programa certificado n.º 1234/AT. Os bens foram colocados à disposição do adquirente na data do documento.",
        6.5,
    )
    return Invoice(
        "p13-pt-table-heavy",
        "pdf",
        p.done(),
        truth("Café Lusitano, Lda.", "FT 2026/145", "2026-03-08", total, v23 + v6, "EUR"),
    )


@invoice
def p14_pl_faktura_vat() -> Invoice:
    p = Pdf()
    items = [
        ("Transport krajowy Poznań–Gdańsk", D(2), D("2250.00")),
        ("Postój pojazdu (h)", D(4), D("125.00")),
    ]
    net = items_total(items)
    vat = q(net * D("0.23"))
    total = net + vat
    p.t(p.w / 2, 50, "Faktura VAT nr FV/03/2026/117", 14, "sans-bold", "c")
    p.t(p.w / 2, 66, "ORYGINAŁ", 8, align="c")
    p.t(400, 90, "Data wystawienia: 14.03.2026", 8.5)
    p.t(400, 102, "Data sprzedaży: 13.03.2026", 8.5)
    p.t(400, 114, "Miejsce wystawienia: Poznań", 8.5)
    p.t(40, 140, "Sprzedawca:", 9, "sans-bold")
    for i, line in enumerate(
        ["Kowalski Transport Sp. z o.o.", "ul. Głogowska 210", "60-104 Poznań", "NIP 779-23-45-678"]
    ):
        p.t(40, 153 + i * 12, line, 9)
    p.t(310, 140, "Nabywca:", 9, "sans-bold")
    for i, line in enumerate(
        ["Bałtyk Logistyka S.A.", "ul. Marynarki Polskiej 59", "80-557 Gdańsk", "NIP 583-11-22-333"]
    ):
        p.t(310, 153 + i * 12, line, 9)
    rows = [["Lp.", "Nazwa towaru lub usługi", "Ilość", "Cena netto", "Wartość netto", "VAT"]] + [
        [str(i), d, str(int(qt)), sp(pr), sp(q(qt * pr)), "23%"]
        for i, (d, qt, pr) in enumerate(items, 1)
    ]
    y = p.grid(
        40, 220, [(25, "r"), (210, "l"), (40, "r"), (80, "r"), (90, "r"), (70, "r")], rows, size=8
    )
    y += 20
    y = p.grid(
        260,
        y,
        [(70, "l"), (90, "r"), (75, "r"), (90, "r")],
        [
            ["Stawka VAT", "Wartość netto", "Kwota VAT", "Wartość brutto"],
            ["23%", sp(net), sp(vat), sp(total)],
            ["Razem", sp(net), sp(vat), sp(total)],
        ],
        size=8,
    )
    y += 25
    p.t(40, y, f"Razem do zapłaty: {sp(total)} zł", 12, "sans-bold")
    p.t(40, y + 16, "Słownie: sześć tysięcy sto pięćdziesiąt złotych 00/100", 9)
    p.t(
        40,
        y + 32,
        "Sposób płatności: przelew, termin 14 dni · Nr konta: 12 1140 2004 0000 3002 0123 4567",
        8.5,
    )
    return Invoice(
        "p14-pl-faktura-vat",
        "pdf",
        p.done(),
        truth("Kowalski Transport Sp. z o.o.", "FV/03/2026/117", "2026-03-14", total, vat, "PLN"),
    )


@invoice
def p15_se_kr_suffix() -> Invoice:
    p = Pdf()
    items = [
        ("Målning fasad, arbete", D(80), D("250.00")),
        ("Färg Alcro Bestå, 10 l", D(5), D("1000.00")),
    ]
    net = items_total(items)
    moms = q(net * D("0.25"))
    total = net + moms
    p.t(40, 60, "Fjällbacka Bygg & Måleri AB", 15, "serif-bold")
    p.t(
        40,
        75,
        "Hamngatan 3, 457 40 Fjällbacka · Org.nr 559123-4567 · Innehar F-skattsedel",
        8,
        "serif",
    )
    p.t(555, 60, "Faktura", 18, "serif-bold", "r")
    meta = [
        ("Fakturanr", "2026-057"),
        ("Fakturadatum", "2026-03-16"),
        ("Förfallodatum", "2026-04-15"),
        ("Kundnr", "1188"),
        ("Er referens", "Per Ek"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(370, 100 + i * 13, lab, 8.5, "serif")
        p.t(470, 100 + i * 13, val, 8.5, "serif")
    p.t(40, 110, "Brf Solhöjden", 10, "serif")
    p.t(40, 123, "Solvägen 12, 452 31 Strömstad", 9, "serif")
    rows = [["Benämning", "Antal", "À-pris", "Summa"]] + [
        [d, str(int(qt)), sp(pr), sp(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(
        40, 190, [(260, "l"), (60, "r"), (85, "r"), (110, "r")], rows, f="serif", lines=False
    )
    y += 25
    for i, (lab, val) in enumerate(
        [
            ("Netto", sp(net) + " kr"),
            ("Moms 25%", sp(moms) + " kr"),
            ("Summa att betala", sp(total) + " kr"),
        ]
    ):
        f = "serif-bold" if i == 2 else "serif"
        p.t(350, y + i * 15, lab, 10, f)
        p.t(555, y + i * 15, val, 10, f, "r")
    p.t(
        40,
        780,
        "Bankgiro 123-4567 · Vid betalning efter förfallodagen debiteras ränta med 9,5 %. Momsreg.nr SE559123456701",
        7.5,
        "serif",
    )
    return Invoice(
        "p15-se-kr-suffix",
        "pdf",
        p.done(),
        truth("Fjällbacka Bygg & Måleri AB", "2026-057", "2026-03-16", total, moms, "SEK"),
    )


@invoice
def p16_gb_credit_note() -> Invoice:
    p = Pdf()
    net = D("-450.00")
    vat = q(net * D("0.20"))
    total = net + vat
    p.t(40, 55, "Pennine Office Interiors Ltd", 15, "sans-bold")
    p.t(40, 70, "Mill Lane, Hebden Bridge HX7 8DD · 01422 555 019 · VAT GB 331 4420 87", 8)
    p.t(555, 55, "CREDIT NOTE", 18, "sans-bold", "r")
    meta = [
        ("Credit Note No.", "CN-00421"),
        ("Date", "21 January 2026"),
        ("Original Invoice", "INV-10388"),
        ("Account", "HALIFAX-ARCH"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(360, 85 + i * 13, lab + ":", 9)
        p.t(555, 85 + i * 13, val, 9, align="r")
    p.t(40, 100, "Credit to: Halifax Architects LLP, 3 Square Road, Halifax HX1 1QG", 9)
    rows = [
        ["Description", "Qty", "Unit", "Net £"],
        ["Returned: task chair, damaged in transit", "-2", "225.00", us(net)],
    ]
    y = p.grid(40, 160, [(290, "l"), (50, "r"), (70, "r"), (105, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [("Net", us(net)), ("VAT @ 20%", us(vat)), ("Total credit", "£" + us(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(380, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 70, "This credit will be applied to your next invoice. No payment is due.", 8.5)
    return Invoice(
        "p16-gb-credit-note",
        "pdf",
        p.done(),
        truth("Pennine Office Interiors Ltd", "CN-00421", "2026-01-21", total, vat, "GBP"),
    )


@invoice
def p17_ie_two_pages() -> Invoice:
    p = Pdf()
    items = [
        (f"Brochure print run {i}: A4, 170gsm silk, {500 * i} copies", D(1), D(180) + D(35) * i)
        for i in range(1, 31)
    ]
    net = items_total(items)
    vat = q(net * D("0.23"))
    total = net + vat

    def header(page: int) -> None:
        p.t(40, 50, "Liffey Valley Print Solutions Ltd", 14, "sans-bold")
        p.t(40, 64, "Unit 4, Fonthill Business Park, Dublin 22 · VAT IE 9876543T · 01 555 0172", 8)
        p.t(555, 50, f"Page {page} of 2", 8, align="r")

    header(1)
    p.t(40, 100, "INVOICE", 16, "sans-bold")
    p.t(40, 120, "Invoice no. 2026/0388", 9.5)
    p.t(40, 133, "Dated 12th March 2026", 9.5)
    p.t(300, 120, "Customer: Temple Bar Theatre CLG", 9.5)
    p.t(300, 133, "Customer ref: TBT-2291", 9.5)
    head = ["Description", "Qty", "Unit €", "Line €"]
    cols = [(330, "l"), (40, "r"), (70, "r"), (75, "r")]
    first = [[d, "1", us(pr), us(pr)] for d, _, pr in items[:22]]
    y = p.grid(40, 160, cols, [head, *first], size=8, row_h=14)
    page1 = items_total(items[:22])
    p.t(440, y + 16, "Carried forward", 8.5)
    p.t(555, y + 16, us(page1), 8.5, align="r")
    p.t(40, 800, "Continued overleaf", 8)
    p.page()
    header(2)
    p.t(440, 100, "Brought forward", 8.5)
    p.t(555, 100, us(page1), 8.5, align="r")
    rest = [[d, "1", us(pr), us(pr)] for d, _, pr in items[22:]]
    y = p.grid(40, 115, cols, [head, *rest], size=8, row_h=14)
    y += 20
    for i, (lab, val) in enumerate(
        [("Total excl. VAT", us(net)), ("VAT 23%", us(vat)), ("Total Due", "€" + us(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(400, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 70, "Payment within 30 days to IBAN IE29 AIBK 9311 5212 3456 78. Thank you.", 8)
    return Invoice(
        "p17-ie-two-pages",
        "pdf",
        p.done(),
        truth("Liffey Valley Print Solutions Ltd", "2026/0388", "2026-03-12", total, vat, "EUR"),
    )


@invoice
def p18_no_mva() -> Invoice:
    p = Pdf()
    items = [
        ("Service ventilasjonsanlegg", D("7.5"), D("1150.00")),
        ("Filtersett F7", D(4), D("343.75")),
    ]
    net = items_total(items)
    mva = q(net * D("0.25"))
    total = net + mva
    p.t(40, 60, "Bergen Ventilasjon AS", 16, "sans-bold")
    p.t(40, 75, "Sandviksveien 41, 5035 Bergen · Org.nr 923 456 789 MVA", 8)
    p.t(40, 130, "FAKTURA", 13, "sans-bold")
    p.grid(
        300,
        110,
        [(120, "l"), (135, "r")],
        [
            ["Fakturanr.", "30871"],
            ["Fakturadato", "09.03.2026"],
            ["Forfallsdato", "23.03.2026"],
            ["KID", "0030871047"],
        ],
        header_fill=None,
        bold_header=False,
    )
    p.t(40, 150, "Bryggen Hotell AS, Bryggen 5, 5003 Bergen", 9)
    rows = [["Beskrivelse", "Antall", "Pris", "Beløp"]] + [
        [
            d,
            sp(qt).replace(",00", "") if qt % 1 == 0 else sp(qt).rstrip("0"),
            sp(pr),
            sp(q(qt * pr)),
        ]
        for d, qt, pr in items
    ]
    y = p.grid(40, 200, [(260, "l"), (60, "r"), (90, "r"), (105, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [("Sum eks. mva", sp(net)), ("MVA 25 %", sp(mva)), ("Å betale NOK", sp(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(360, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 70, "Kontonummer 1503 12 34567 · Vennligst oppgi KID ved betaling", 8)
    return Invoice(
        "p18-no-mva",
        "pdf",
        p.done(),
        truth("Bergen Ventilasjon AS", "30871", "2026-03-09", total, mva, "NOK"),
    )


@invoice
def p19_mx_pesos() -> Invoice:
    p = Pdf(LETTER)
    sub = D("10000.00")
    iva = q(sub * D("0.16"))
    total = sub + iva
    p.t(40, 55, "Comercializadora del Bajío S.A. de C.V.", 14, "sans-bold")
    p.t(40, 69, "RFC CBA120315AB1 · Blvd. Adolfo López Mateos 1401, León, Gto. C.P. 37270", 8)
    p.t(40, 80, "Régimen fiscal: 601 General de Ley Personas Morales", 8)
    p.box(400, 40, 172, 60)
    p.t(486, 55, "FACTURA", 11, "sans-bold", "c")
    p.t(408, 72, "Serie y folio: A-1542", 8.5)
    p.t(408, 85, "Fecha: 14/03/2026 10:22", 8.5)
    p.t(40, 120, "Receptor: Abarrotes La Esperanza S.A. (RFC ALE980101XY2) · Uso CFDI: G03", 8.5)
    rows = [
        ["Clave", "Descripción", "Cantidad", "P. unitario", "Importe"],
        ["50192100", "Botanas surtidas (caja)", "250", "$40.00", "$10,000.00"],
    ]
    y = p.grid(40, 150, [(60, "l"), (220, "l"), (60, "r"), (80, "r"), (112, "r")], rows, size=8)
    y += 20
    for i, (lab, val) in enumerate(
        [("Subtotal", "$ " + us(sub)), ("IVA 16%", "$ " + us(iva)), ("Total", "$ " + us(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(420, y + i * 15, lab, 9.5, f)
        p.t(572, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 60, "Importe con letra: (ONCE MIL SEISCIENTOS PESOS 00/100 M.N.)", 8.5)
    p.t(40, y + 74, "Forma de pago: 03 Transferencia · Método de pago: PUE · Moneda: MXN", 8.5)
    p.t(40, y + 100, "Folio fiscal (UUID): 6F9E2A10-3B44-4C1D-9E87-12AB34CD56EF", 7)
    return Invoice(
        "p19-mx-pesos",
        "pdf",
        p.done(),
        truth("Comercializadora del Bajío S.A. de C.V.", "A-1542", "2026-03-14", total, iva, "MXN"),
    )


@invoice
def p20_us_quickbooks_grid() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Water heater 50 gal, installed", D(1), D("1050.00")),
        ("Shutoff valve replacement", D(2), D("48.00")),
    ]
    sub = items_total(items)
    tax = q(sub * D("0.0625"))
    total = sub + tax
    p.t(40, 50, "Pinecrest Plumbing & Heating Co.", 13, "sans-bold")
    for i, line in enumerate(["19 Orchard Street", "Worcester, MA 01608", "(508) 555-0164"]):
        p.t(40, 64 + i * 11, line, 8.5)
    p.t(572, 50, "Invoice", 22, "sans-bold", "r")
    p.grid(
        412, 70, [(80, "c"), (80, "c")], [["DATE", "INVOICE #"], ["03/04/2026", "8842"]], size=8.5
    )
    p.grid(
        40,
        120,
        [(200, "l")],
        [["BILL TO"], ["Henderson Family Trust"], ["52 Salisbury St"], ["Worcester, MA 01609"]],
        size=8.5,
        lines=False,
    )
    p.grid(
        332,
        120,
        [(80, "c"), (80, "c"), (80, "c")],
        [["P.O. NO.", "TERMS", "DUE DATE"], ["1187", "Net 15", "03/19/2026"]],
        size=8.5,
    )
    rows = [["DESCRIPTION", "QTY", "RATE", "AMOUNT"]] + [
        [d, str(int(qt)), us(pr), us(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 200, [(300, "l"), (50, "r"), (85, "r"), (97, "r")], rows, size=8.5)
    y += 10
    p.grid(
        412,
        y,
        [(80, "l"), (80, "r")],
        [
            ["Subtotal", us(sub)],
            ["Sales Tax (6.25%)", us(tax)],
            ["Total", "$" + us(total)],
            ["Balance Due", "$" + us(total)],
        ],
        size=8,
        header_fill=None,
        bold_header=False,
    )
    return Invoice(
        "p20-us-quickbooks-grid",
        "pdf",
        p.done(),
        truth("Pinecrest Plumbing & Heating Co.", "8842", "2026-03-04", total, tax, "USD"),
    )


@invoice
def p21_us_photographer_no_tax_paid() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Wedding coverage, 8 hours", D("4800.00")),
        ("Second shooter", D("1200.00")),
        ("Fine-art album, 30 pages", D("1200.00")),
    ]
    total = sum((v for _, v in items), D(0))
    p.t(306, 70, "SARAH LINDQVIST PHOTOGRAPHY", 16, "serif-bold", "c")
    p.t(
        306,
        86,
        "hello@sarahlindqvist.photo · 312 W Lake St, Minneapolis MN 55408",
        8.5,
        "serif",
        "c",
    )
    p.t(50, 130, "Invoice # 2026-031", 10, "serif")
    p.t(50, 145, "March 31st, 2026", 10, "serif")
    p.t(50, 175, "Client: Emma & Noah Carlson", 10, "serif")
    p.t(50, 190, "Event: Wedding, March 28th, 2026 — Lake Harriet Bandshell", 10, "serif")
    y = 230
    for d, v in items:
        p.t(50, y, d, 10, "serif")
        p.t(562, y, "$" + us(v), 10, "serif", "r")
        y += 18
    p.line(380, y, 562, y)
    p.t(380, y + 18, "Total", 12, "serif-bold")
    p.t(562, y + 18, "$" + us(total), 12, "serif-bold", "r")
    p.t(
        50,
        y + 60,
        "Retainer of $1,500.00 received 09/15/2025. Photography services are not subject to sales tax in this engagement.",
        8,
        "serif",
    )
    p.stamp(380, 150, "PAID")
    return Invoice(
        "p21-us-photographer-no-tax-paid",
        "pdf",
        p.done(),
        truth("Sarah Lindqvist Photography", "2026-031", "2026-03-31", total, None, "USD", "paid"),
    )


@invoice
def p22_fr_footer_vendor() -> Invoice:
    p = Pdf()
    items = [
        ("Transport Lyon – Marseille, semi complet", D(1), D("1450.00")),
        ("Manutention hayon", D(1), D("120.00")),
        ("Frais d'attente (h)", D(5), D("116.00")),
    ]
    ht = items_total(items)
    tva = q(ht * D("0.20"))
    ttc = ht + tva
    p.t(40, 60, "TRANSPORTS LEFÈVRE & FILS", 15, "sans-bold")
    p.t(40, 74, "Zone industrielle Nord – 69200 Vénissieux – Tél. 04 72 55 01 23", 8)
    p.t(330, 110, "Ets Provence Distribution", 10)
    p.t(330, 123, "12 boulevard de Paris", 10)
    p.t(330, 136, "13002 Marseille", 10)
    p.t(40, 180, "FACTURE N° : 2026-03-0457", 11, "sans-bold")
    p.t(40, 195, "Vénissieux, le 7 mars 2026", 9.5)
    p.t(40, 210, "Votre commande n° 88104 du 2 mars 2026 – Lettre de voiture n° LV-55120", 9)
    rows = [["Désignation", "Qté", "P.U. HT", "Montant HT"]] + [
        [d, str(int(qt)), sp(pr), sp(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 230, [(290, "l"), (40, "r"), (85, "r"), (100, "r")], rows)
    y += 20
    p.grid(
        335,
        y,
        [(120, "l"), (100, "r")],
        [
            ["Total HT", sp(ht) + " €"],
            ["TVA 20 %", sp(tva) + " €"],
            ["Net à payer", sp(ttc) + " €"],
        ],
        header_fill=None,
        bold_header=False,
    )
    p.t(
        40,
        y + 80,
        "Échéance : 6 avril 2026. Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.",
        7,
    )
    p.t(
        p.w / 2,
        790,
        "Transports Lefèvre & Fils SAS au capital de 50 000 € – RCS Lyon 512 345 678 – TVA FR12512345678",
        7,
        align="c",
    )
    return Invoice(
        "p22-fr-footer-vendor",
        "pdf",
        p.done(),
        truth("Transports Lefèvre & Fils SAS", "2026-03-0457", "2026-03-07", ttc, tva, "EUR"),
    )


@invoice
def p23_de_letter_inclusive_vat() -> Invoice:
    p = Pdf()
    items = [("Einbauschrank Eiche, nach Maß", D("1350.00")), ("Montage vor Ort", D("435.00"))]
    total = sum((v for _, v in items), D(0))
    vat = q(total * D(19) / D(119))
    p.t(555, 50, "Schreinerei Holzmann", 18, "serif-bold", "r")
    p.t(555, 66, "Meisterbetrieb seit 1962", 8.5, "serif", "r")
    p.t(40, 120, "Schreinerei Holzmann · Hauptstr. 5 · 79098 Freiburg", 6.5, "serif")
    p.line(40, 124, 230, 124, 0.3)
    for i, line in enumerate(["Herrn", "Dr. Stefan Albrecht", "Wiesenweg 14", "79117 Freiburg"]):
        p.t(40, 140 + i * 13, line, 10, "serif")
    for i, (lab, val) in enumerate(
        [("Rechnungs-Nr.:", "2026-118"), ("Kunden-Nr.:", "10042"), ("Datum:", "14.03.2026")]
    ):
        p.t(380, 140 + i * 13, lab, 9, "serif")
        p.t(470, 140 + i * 13, val, 9, "serif")
    p.t(40, 230, "Rechnung", 13, "serif-bold")
    p.t(40, 255, "Sehr geehrter Herr Dr. Albrecht,", 10, "serif")
    p.t(40, 270, "für die ausgeführten Arbeiten berechnen wir Ihnen:", 10, "serif")
    y = 300
    for d, v in items:
        p.t(60, y, d, 10, "serif")
        p.t(530, y, eu(v) + " €", 10, "serif", "r")
        y += 16
    p.line(380, y, 530, y)
    p.t(60, y + 16, "Gesamtbetrag", 11, "serif-bold")
    p.t(530, y + 16, eu(total) + " €", 11, "serif-bold", "r")
    p.t(40, y + 50, f"Im Rechnungsbetrag sind {eu(vat)} € MwSt. (19 %) enthalten.", 10, "serif")
    p.t(40, y + 66, "Bitte überweisen Sie den Betrag innerhalb von 14 Tagen.", 10, "serif")
    p.t(40, y + 100, "Mit freundlichen Grüßen", 10, "serif")
    p.t(40, y + 130, "Anton Holzmann", 10, "serif")
    return Invoice(
        "p23-de-letter-inclusive-vat",
        "pdf",
        p.done(),
        truth("Schreinerei Holzmann", "2026-118", "2026-03-14", total, vat, "EUR"),
    )


@invoice
def p24_nz_boxed_summary() -> Invoice:
    p = Pdf()
    items = [
        ("Post & rail fencing (per m)", D(120), D("38.50")),
        ("Gate, galvanised 3.6 m", D(2), D("420.00")),
        ("Labour (hours)", D(16), D("72.00")),
    ]
    sub = items_total(items)
    gst = q(sub * D("0.15"))
    total = sub + gst
    p.t(40, 60, "Kiwi Fencing Solutions Ltd", 16, "sans-bold")
    p.t(40, 75, "14 Great South Road, Papakura, Auckland 2110 · GST No. 123-456-789", 8)
    p.t(555, 60, "TAX INVOICE", 14, "sans-bold", "r")
    p.t(555, 80, "Invoice: KFS-2041", 9, align="r")
    p.t(555, 93, "Date: 2 March 2026", 9, align="r")
    p.t(555, 106, "Reference: Whitford Farm", 9, align="r")
    p.t(40, 110, "To: M & J Patterson", 9)
    p.t(40, 122, "233 Whitford-Maraetai Rd, Auckland", 9)
    rows = [["Description", "Quantity", "Unit Price", "Amount NZD"]] + [
        [d, str(int(qt)), us(pr), us(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 160, [(250, "l"), (70, "r"), (90, "r"), (105, "r")], rows, lines=False)
    y += 25
    p.box(330, y, 225, 75, fill=0.95)
    for i, (lab, val) in enumerate([("Subtotal", us(sub)), ("Total GST 15%", us(gst))]):
        p.t(340, y + 18 + i * 15, lab, 9.5)
        p.t(548, y + 18 + i * 15, val, 9.5, align="r")
    p.t(340, y + 64, "AMOUNT DUE", 11, "sans-bold")
    p.t(548, y + 64, "$" + us(total), 11, "sans-bold", "r")
    p.t(
        40,
        y + 110,
        "Due Date: 20 March 2026 · Bank: 12-3011-0123456-00 · Please use KFS-2041 as reference",
        8,
    )
    return Invoice(
        "p24-nz-boxed-summary",
        "pdf",
        p.done(),
        truth("Kiwi Fencing Solutions Ltd", "KFS-2041", "2026-03-02", total, gst, "NZD"),
    )


@invoice
def p25_hk_usd_prefix() -> Invoice:
    p = Pdf()
    items = [
        ("LED panel light 600x600 40W", D(400), D("22.80")),
        ("Emergency exit sign", D(120), D("18.00")),
        ("Sea freight HKG-LAX (share)", D(1), D("880.00")),
    ]
    total = items_total(items)
    p.t(p.w / 2, 55, "HARBOUR LIGHT TRADING LIMITED", 15, "sans-bold", "c")
    p.t(
        p.w / 2,
        70,
        "Unit 1203, 12/F, Tower B, Hunghom Commercial Centre, 37 Ma Tau Wai Road, Kowloon, Hong Kong",
        7.5,
        align="c",
    )
    p.t(p.w / 2, 100, "PROFORMA / COMMERCIAL INVOICE", 11, "sans-bold", "c")
    meta = [
        ["Invoice No.", "Date", "Buyer Ref.", "Shipment"],
        ["HLT26-0311", "11-Mar-2026", "PO 7781-LA", "FOB Hong Kong"],
    ]
    p.grid(40, 120, [(130, "c"), (130, "c"), (125, "c"), (130, "c")], meta, size=8.5)
    p.t(
        40,
        175,
        "Buyer: Westcoast Lighting Supply Inc., 2200 E 7th St, Los Angeles CA 90021, USA",
        8.5,
    )
    rows = [["Description", "Qty (pcs)", "Unit (US$)", "Amount (US$)"]] + [
        [d, str(int(qt)), us(pr), us(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 195, [(250, "l"), (70, "r"), (90, "r"), (105, "r")], rows)
    y += 20
    p.t(350, y, "TOTAL AMOUNT:", 10.5, "sans-bold")
    p.t(555, y, "US$ " + us(total), 10.5, "sans-bold", "r")
    p.t(40, y + 30, "SAY US DOLLARS TWELVE THOUSAND ONE HUNDRED AND SIXTY ONLY.", 8.5)
    p.t(
        40,
        y + 45,
        "Beneficiary bank: HSBC Hong Kong, SWIFT HSBCHKHHHKH, A/C 004-123456-838 (HKD/USD)",
        8,
    )
    return Invoice(
        "p25-hk-usd-prefix",
        "pdf",
        p.done(),
        truth("Harbour Light Trading Limited", "HLT26-0311", "2026-03-11", total, None, "USD"),
    )


@invoice
def p26_at_hotel_folio() -> Invoice:
    p = Pdf()
    room = D("165.00") * 3
    city_tax = D("9.60")
    bar = D("43.00")
    breakfast = D("90.00")
    v10 = q((room + breakfast) * D(10) / D(110))
    v20 = q(bar * D(20) / D(120))
    total = room + breakfast + bar + city_tax
    p.t(p.w / 2, 55, "Grand Hotel Continental Wien", 17, "serif-bold", "c")
    p.t(p.w / 2, 70, "Kärntner Ring 12 · 1010 Wien · Österreich · UID ATU12345678", 8, "serif", "c")
    p.t(40, 110, "Herr Daniel Moreau", 9.5, "serif")
    p.t(40, 123, "c/o Moreau Conseil, 8 rue Royale, 75008 Paris", 9.5, "serif")
    info = [
        ("Rechnung / Invoice", "R-2026-07731"),
        ("Zimmer / Room", "412"),
        ("Anreise / Arrival", "10.03.2026"),
        ("Abreise / Departure", "13.03.2026"),
        ("Rechnungsdatum / Invoice date", "13.03.2026"),
    ]
    for i, (lab, val) in enumerate(info):
        p.t(300, 110 + i * 13, lab, 8.5, "serif")
        p.t(555, 110 + i * 13, val, 8.5, "serif", "r")
    rows = [["Datum", "Leistung / Service", "Betrag EUR"]]
    for day in ("10.03.2026", "11.03.2026", "12.03.2026"):
        rows.append([day, "Logis / Room", eu(D("165.00"))])
        rows.append([day, "Ortstaxe / City tax", eu(D("3.20"))])
    rows.append(["11.03.2026", "Frühstück / Breakfast", eu(breakfast)])
    rows.append(["12.03.2026", "Bar", eu(bar)])
    y = p.grid(40, 190, [(90, "l"), (320, "l"), (105, "r")], rows, f="serif", size=8.5)
    y += 18
    p.t(300, y, "Gesamt / Total", 10.5, "serif-bold")
    p.t(555, y, "EUR " + eu(total), 10.5, "serif-bold", "r")
    p.t(300, y + 16, "Kreditkarte / Credit card VISA ****4417", 9, "serif")
    p.t(555, y + 16, "-" + eu(total), 9, "serif", "r")
    p.t(300, y + 32, "Saldo / Balance", 9, "serif")
    p.t(555, y + 32, eu(D(0)), 9, "serif", "r")
    y += 60
    p.grid(
        40,
        y,
        [(90, "l"), (90, "r"), (90, "r"), (90, "r")],
        [
            ["MwSt / VAT", "Netto", "MwSt", "Brutto"],
            ["10 %", eu(room + breakfast - v10), eu(v10), eu(room + breakfast)],
            ["20 %", eu(bar - v20), eu(v20), eu(bar)],
            ["0 %", eu(city_tax), eu(D(0)), eu(city_tax)],
        ],
        f="serif",
        size=8,
    )
    p.stamp(420, y + 50, "BEZAHLT / PAID", 18)
    p.t(
        p.w / 2,
        800,
        "Vielen Dank für Ihren Aufenthalt · Thank you for staying with us",
        8,
        "serif",
        "c",
    )
    return Invoice(
        "p26-at-hotel-folio",
        "pdf",
        p.done(),
        truth(
            "Grand Hotel Continental Wien",
            "R-2026-07731",
            "2026-03-13",
            total,
            v10 + v20,
            "EUR",
            "paid",
        ),
    )


@invoice
def p27_gb_tax_point() -> Invoice:
    p = Pdf()
    items = [
        ("Scaffold hire, 4 lifts, 42 m run (weeks)", D(6), D("1450.00")),
        ("Erect and dismantle", D(1), D("2230.00")),
    ]
    net = items_total(items)
    vat = q(net * D("0.20"))
    total = net + vat
    p.t(40, 50, "Ashworth Scaffolding Ltd", 16, "sans-bold")
    p.t(
        40,
        65,
        "Yard 2, Canal Street, Wigan WN3 4HH · 01942 555 318 · Co. Reg. 06123456 · VAT 987 6543 21",
        7.5,
    )
    p.grid(
        40,
        90,
        [(95, "l"), (95, "l"), (95, "l"), (95, "l"), (135, "l")],
        [
            ["Invoice No", "Invoice date", "Tax point", "Account", "Site"],
            ["AS 20417", "02/03/2026", "28/02/2026", "BRK-77", "Market St, Bolton"],
        ],
        size=8,
    )
    p.t(40, 145, "Invoice address: Brookfield Construction Ltd, Orchard House, Bury BL9 0SW", 9)
    rows = [["Description", "Qty", "Rate £", "Net £", "VAT %"]] + [
        [d, str(int(qt)), us(pr), us(q(qt * pr)), "20"] for d, qt, pr in items
    ]
    y = p.grid(40, 170, [(255, "l"), (40, "r"), (75, "r"), (95, "r"), (50, "r")], rows, size=8.5)
    y += 20
    for i, (lab, val) in enumerate(
        [("Goods/services total", us(net)), ("VAT @ 20%", us(vat)), ("Invoice total £", us(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(360, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 65, "Terms: strictly 30 days from invoice date. Retention 5% not applicable.", 8)
    p.stamp(90, y + 120, "OVERDUE", 20)
    return Invoice(
        "p27-gb-tax-point",
        "pdf",
        p.done(),
        truth("Ashworth Scaffolding Ltd", "AS 20417", "2026-03-02", total, vat, "GBP", "overdue"),
    )


@invoice
def p28_dk_invoice() -> Invoice:
    p = Pdf()
    items = [
        ("Ladcykel Christiania Light", D(1), D("2800.00")),
        ("Service og justering", D(1), D("700.00")),
    ]
    net = items_total(items)
    moms = q(net * D("0.25"))
    total = net + moms
    p.t(555, 55, "Nørrebro Cykler ApS", 15, "sans-bold", "r")
    p.t(555, 70, "Nørrebrogade 88 · 2200 København N · CVR 38123456", 8, align="r")
    p.t(40, 110, "Faktura", 20, "sans-bold")
    p.t(40, 140, "Kunde: Café Fælledparken I/S, Blegdamsvej 1, 2100 København Ø", 9)
    kv = [("Fakturanummer", "4418"), ("Dato", "27.02.2026"), ("Betalingsfrist", "13.03.2026")]
    for i, (lab, val) in enumerate(kv):
        p.t(40 + i * 170, 170, lab, 7.5)
        p.t(40 + i * 170, 183, val, 10, "sans-bold")
    rows = [["Vare", "Antal", "Pris", "Beløb"]] + [
        [d, str(int(qt)), eu(pr), eu(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 210, [(260, "l"), (60, "r"), (90, "r"), (105, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [("Subtotal", eu(net)), ("Moms 25%", eu(moms)), ("I alt DKK", eu(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(360, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 70, "Beløbet bedes indbetalt på reg.nr. 1234 konto 0012345678 senest 13.03.2026", 8)
    return Invoice(
        "p28-dk-invoice",
        "pdf",
        p.done(),
        truth("Nørrebro Cykler ApS", "4418", "2026-02-27", total, moms, "DKK"),
    )


@invoice
def p29_es_autonomo_irpf() -> Invoice:
    p = Pdf()
    base = D("1800.00")
    iva = q(base * D("0.21"))
    irpf = q(base * D("0.15"))
    total = base + iva - irpf
    p.t(40, 55, "Lucía Fernández Ortega", 15, "serif-bold")
    p.t(40, 70, "Traductora jurada · NIF 12345678Z · C/ Alcalá 155, 3º B, 28009 Madrid", 8, "serif")
    p.t(40, 110, "FACTURA Nº 2026-014", 12, "serif-bold")
    p.t(40, 126, "Fecha de expedición: 02/03/2026", 9.5, "serif")
    p.t(330, 110, "Cliente: Bufete Ruiz & Asociados, S.L.P.", 9.5, "serif")
    p.t(330, 124, "CIF B87654321 · Calle Serrano 41, Madrid", 9, "serif")
    rows = [
        ["Concepto", "Importe"],
        ["Traducción jurada inglés-español, 36 páginas", eu(base) + " €"],
    ]
    y = p.grid(40, 160, [(400, "l"), (115, "r")], rows, f="serif")
    y += 20
    lines = [
        ("Base imponible", eu(base) + " €"),
        ("IVA (21%)", eu(iva) + " €"),
        ("Retención IRPF (15%)", "-" + eu(irpf) + " €"),
        ("TOTAL A PAGAR", eu(total) + " €"),
    ]
    for i, (lab, val) in enumerate(lines):
        f = "serif-bold" if i == 3 else "serif"
        p.t(330, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 80, "Forma de pago: transferencia a ES91 2100 0418 4502 0005 1332", 8.5, "serif")
    return Invoice(
        "p29-es-autonomo-irpf",
        "pdf",
        p.done(),
        truth("Lucía Fernández Ortega", "2026-014", "2026-03-02", total, iva, "EUR"),
    )


@invoice
def p30_us_two_column_statement() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Annual software license, 25 seats", D("11250.00")),
        ("Premium support", D("2250.00")),
        ("Onboarding workshop", D("1500.00")),
    ]
    sub = sum((v for _, v in items), D(0))
    disc = D("-1500.00")
    tax = D("0.00")
    total = sub + disc
    p.box(0, 0, 180, 792, fill=0.93)
    p.t(20, 60, "Quantum Ledger", 16, "sans-bold")
    p.t(20, 78, "Software, Inc.", 12, "sans-bold")
    for i, line in enumerate(
        [
            "500 Boylston St, 10th Fl",
            "Boston, MA 02116",
            "billing@quantumledger.io",
            "EIN 84-1234567",
        ]
    ):
        p.t(20, 100 + i * 12, line, 8)
    side = [
        ("INVOICE NUMBER", "QL-2026-00094"),
        ("INVOICE DATE", "January 15, 2026"),
        ("DUE DATE", "February 14, 2026"),
        ("ACCOUNT", "ACC-7719"),
        ("AMOUNT DUE", "USD 13,500.00"),
    ]
    for i, (lab, val) in enumerate(side):
        p.t(20, 200 + i * 36, lab, 7, "sans-bold")
        p.t(20, 213 + i * 36, val, 10)
    p.t(210, 60, "INVOICE", 24, "sans-bold")
    p.t(210, 100, "Bill to: Finch & Rowe Accountants, 12 Pearl St, Hartford CT 06103", 9)
    rows = [["Description", "Amount (USD)"]] + [[d, us(v)] for d, v in items]
    y = p.grid(210, 130, [(250, "l"), (112, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [
            ("Subtotal", us(sub)),
            ("Multi-year discount", us(disc)),
            ("Tax (exempt, cert. #MA-22871)", us(tax)),
            ("Total", us(total)),
        ]
    ):
        f = "sans-bold" if i == 3 else "sans"
        p.t(330, y + i * 15, lab, 9, f)
        p.t(572, y + i * 15, val, 9, f, "r")
    return Invoice(
        "p30-us-two-column-statement",
        "pdf",
        p.done(),
        truth("Quantum Ledger Software, Inc.", "QL-2026-00094", "2026-01-15", total, tax, "USD"),
    )


@invoice
def p31_be_nl_labels_below() -> Invoice:
    p = Pdf()
    items = [
        ("Renovatie badkamer - arbeid", D(32), D("55.00")),
        ("Tegels en materiaal", D(1), D("1240.00")),
    ]
    net = items_total(items)
    btw = q(net * D("0.06"))
    total = net + btw
    p.t(40, 60, "Janssens & Peeters BV", 15, "sans-bold")
    p.t(40, 74, "Kerkstraat 101, 2000 Antwerpen · BTW BE 0456.789.123 · RPR Antwerpen", 8)
    p.t(40, 120, "Factuur 26/00093", 13, "sans-bold")
    p.t(40, 138, "Antwerpen, 4 maart 2026", 9.5)
    p.t(330, 120, "Dhr. en Mevr. Claes", 9.5)
    p.t(330, 133, "Lange Lozanastraat 14, 2018 Antwerpen", 9.5)
    rows = [["Omschrijving", "Aantal", "Eenheidsprijs", "Totaal"]] + [
        [d, str(int(qt)), eu(pr), eu(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 170, [(260, "l"), (60, "r"), (95, "r"), (100, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [
            ("Maatstaf van heffing", eu(net)),
            ("BTW 6% (renovatie woning > 10 jaar)", eu(btw)),
            ("Te betalen", "€ " + eu(total)),
        ]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(300, y + i * 15, lab, 9, f)
        p.t(555, y + i * 15, val, 9, f, "r")
    p.t(40, y + 70, "Gestructureerde mededeling +++090/9337/55493+++ · IBAN BE68 5390 0754 7034", 8)
    return Invoice(
        "p31-be-nl-labels-below",
        "pdf",
        p.done(),
        truth("Janssens & Peeters BV", "26/00093", "2026-03-04", total, btw, "EUR"),
    )


@invoice
def p32_ca_fr_tps_tvq() -> Invoice:
    p = Pdf(LETTER)
    net = D("2400.00")
    tps = q(net * D("0.05"))
    tvq = q(net * D("0.09975"))
    total = net + tps + tvq
    p.t(40, 55, "Services Informatiques Laurentides Inc.", 14, "sans-bold")
    p.t(40, 70, "245, rue Principale, Saint-Sauveur (Québec) J0R 1R0 · 450 555-0133", 8)
    p.t(40, 81, "TPS 812345678 RT0001 · TVQ 1234567890 TQ0001", 8)
    p.t(572, 55, "FACTURE", 16, "sans-bold", "r")
    p.t(572, 75, "No de facture : 7731", 9, align="r")
    p.t(572, 88, "Date : 2026-03-18", 9, align="r")
    p.t(
        40,
        120,
        "Facturer à : Chalets Mont-Tremblant enr., 1000 chemin Duplessis, Mont-Tremblant",
        9,
    )
    rows = [
        ["Description", "Heures", "Taux", "Montant"],
        ["Migration serveurs et sauvegardes", "24", "100,00 $", sp(net) + " $"],
    ]
    y = p.grid(40, 150, [(280, "l"), (60, "r"), (90, "r"), (102, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [
            ("Sous-total", sp(net) + " $"),
            ("TPS (5 %)", sp(tps) + " $"),
            ("TVQ (9,975 %)", sp(tvq) + " $"),
            ("Total", sp(total) + " $"),
        ]
    ):
        f = "sans-bold" if i == 3 else "sans"
        p.t(380, y + i * 15, lab, 9.5, f)
        p.t(572, y + i * 15, val, 9.5, f, "r")
    p.t(
        40,
        y + 85,
        "Payable sur réception. Intérêts de 2 % par mois sur les comptes en souffrance.",
        8,
    )
    return Invoice(
        "p32-ca-fr-tps-tvq",
        "pdf",
        p.done(),
        truth(
            "Services Informatiques Laurentides Inc.", "7731", "2026-03-18", total, tps + tvq, "CAD"
        ),
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for make in REGISTRY:
        inv = make()
        name = f"{inv.key}.{inv.ext}"
        (OUT / name).write_bytes(inv.data)
        doc = {"file": name, "document_type": "invoice", "fields": inv.truth}
        (OUT / f"{inv.key}.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(REGISTRY)} held-out invoices to {OUT.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()
