# ruff: noqa: E501  (invoice text reads better unwrapped)
"""A seventh blind batch (eval/blind6), written without looking at the extractor.

`uv run python eval/blind6/generate.py` writes eval/blind6/invoices/<key>.pdf|jpg|png|txt and
<key>.json (truth, same format as the other sets). Written blind: nothing under
worker/docflow_worker/extraction/ or worker/tests/extraction/ was read, and the extractor was
run on this set once, only after it was complete (eval/blind6/MEASURED_BLIND.txt).

Styles that none of eval/holdout and eval/blind2..blind5 has (all vendors are invented):
- POS / thermal receipts on narrow pages (80 mm and 58 mm, monospace): "TOTAL", then "CASH" /
  "CHANGE" or a card tender, and a VAT / MwSt / GST summary block (UK two VAT codes, German
  Kassenbon with 7 % and 19 %, Singapore GST-inclusive, US card receipt with sales tax);
- totals also written in words: an Indian tax invoice with one IGST line and "Rupees ... Only"
  in the lakh system, a Saudi tax invoice laid out bilingually but rendered with English labels
  only (VAT 15 %, SAR), a UAE tax invoice (AED, "UAE Dirhams ... and ... Fils"), a Nigerian
  invoice (VAT 7.5 %, "Naira ... and ... Kobo");
- two dates: a UK "Tax point" before the invoice date, a German "Leistungsdatum" printed above
  the "Rechnungsdatum", an Irish "Date of supply" above the "Date of issue" (truth = invoice date);
- vendors: a freelancer whose name is a person's name (no legal form) billing a Ltd customer;
  a caterer known only from a letterhead domain (marrowandmint.co.uk) and a small "Trading as"
  line;
- charges: shipping + handling + insurance before sales tax; a tax charged on freight only with
  the goods exempt;
- taxes: Malaysian SST 8 % (RM), Japanese qualified invoice (適格請求書, 10 % and 8 % 軽減税率) and a
  Chinese 电子发票 (价税合计 with 大写/小写) as plain text, because no CJK font exists here;
- a delivery invoice with returned goods as negative quantities and a positive net total; a
  zero-rated Dutch export invoice ("0% VAT – export", VAT 0.00) with IBAN/BIC; a UK invoice
  whose bank block (sort code, account number, IBAN, BIC, company number) sits beside the totals;
  "Our ref" / "Your ref" printed next to the invoice number;
- three images with degradations the earlier sets do not have: a heavily compressed low-quality
  JPEG (blocking artefacts), a soft phone shadow across one corner (PNG), a page skewed 2 degrees
  (JPEG).

Truth conventions are eval/holdout/generate.py's: total = the gross total as printed before any
payment (cash tendered and change are not the total); tax = sum of the printed tax lines,
"0.00" for a printed zero line, null when none is printed; status only when printed; currency
ISO 4217, printed or unambiguously implied by a symbol plus the country; date = the invoice
date in ISO form (not the tax point or supply date); amounts plain decimal strings.
"""

from __future__ import annotations

import io
import json
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
    eu,
    items_total,
    num,
    q,
    truth,
    us,
    use_liberation,
)

OUT = HERE / "invoices"
D = Decimal
MM = 72 / 25.4
REGISTRY: list[Callable[[], Invoice]] = []


def invoice(fn: Callable[[], Invoice]) -> Callable[[], Invoice]:
    REGISTRY.append(fn)
    return fn


def itot(items: list[tuple]) -> Decimal:
    """Sum of qty x price over rows whose last two entries are (qty, price)."""
    return items_total([("", row[-2], row[-1]) for row in items])


def totals(
    p: Pdf,
    x_lab: float,
    x_val: float,
    y: float,
    rows: list[tuple[str, str]],
    size: float = 9.5,
    f: str = "sans",
    bold: tuple[int, ...] = (-1,),
    step: float = 15,
) -> float:
    n = len(rows)
    marks = {i % n for i in bold}
    for i, (lab, val) in enumerate(rows):
        kind = f + "-bold" if i in marks else f
        p.t(x_lab, y + i * step, lab, size, kind)
        p.t(x_val, y + i * step, val, size, kind, "r")
    return y + n * step


def kv(
    p: Pdf,
    x: float,
    y: float,
    rows: list[tuple[str, str]],
    gap: float,
    size: float = 8.5,
    f: str = "sans",
    step: float = 12,
) -> float:
    for i, (lab, val) in enumerate(rows):
        p.t(x, y + i * step, lab, size, f)
        p.t(x + gap, y + i * step, val, size, f + "-bold" if not f.endswith("bold") else f)
    return y + len(rows) * step


def lines(
    p: Pdf,
    x: float,
    y: float,
    texts: list[str],
    size: float = 8.5,
    f: str = "sans",
    step: float = 11,
) -> float:
    for i, s in enumerate(texts):
        p.t(x, y + i * step, s, size, f)
    return y + len(texts) * step


def receipt(width_mm: float, rows: list[str], size: float = 7.5, f: str = "cour") -> bytes:
    """A thermal till receipt: one monospace line per row on a narrow, tall page."""
    step = size * 1.35
    p = Pdf((width_mm * MM, 30 + step * len(rows) + 30))
    for i, s in enumerate(rows):
        bold = s.startswith("*")
        p.t(8, 30 + i * step, s.lstrip("*"), size, f + "-bold" if bold else f)
    return p.done()


def lr(left: str, right: str, width: int) -> str:
    return left + " " * max(1, width - len(left) - len(right)) + right


# ----------------------------------------------------------------------------- words

_ONES = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
]
_TENS = ["_", "_", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]


def _below_1000(n: int) -> list[str]:
    out: list[str] = []
    if n >= 100:
        out += [_ONES[n // 100], "Hundred"]
        n %= 100
    if n >= 20:
        out.append(_TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else ""))
    elif n:
        out.append(_ONES[n])
    return out


def words(n: int, indian: bool = False) -> str:
    """English words for a whole number (international or Indian lakh/crore scale)."""
    if n == 0:
        return "Zero"
    out: list[str] = []
    if indian:
        for div, name in ((10_000_000, "Crore"), (100_000, "Lakh"), (1000, "Thousand")):
            if n >= div:
                out += [*_below_1000(n // div), name]
                n %= div
    else:
        for div, name in ((1_000_000, "Million"), (1000, "Thousand")):
            if n >= div:
                out += [*_below_1000(n // div), name]
                n %= div
    out += _below_1000(n)
    return " ".join(out)


def split(v: Decimal) -> tuple[int, int]:
    return int(v), int((v - int(v)) * 100)


# ----------------------------------------------------------------------------- image helpers


def render(pdf: bytes, dpi: int = 200):
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(pdf)[0].render(scale=dpi / 72).to_pil().convert("RGB")


def _save(img, fmt: str, quality: int = 80, dpi: int = 200) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        img.save(out, format="JPEG", quality=quality, dpi=(dpi, dpi))
    else:
        img.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def low_quality_jpeg(pdf: bytes) -> bytes:
    """A page saved as a heavily compressed JPEG (blocking and ringing artefacts)."""
    img = render(pdf, 200)
    return _save(img, "JPEG", 18)


def corner_shadow(pdf: bytes) -> bytes:
    """A phone photo's soft shadow across the top-right corner, slightly warm paper, PNG."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    img = render(pdf, 200)
    w, h = img.size
    shade = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(shade)
    d.polygon([(int(w * 0.55), 0), (w, 0), (w, int(h * 0.30))], fill=120)
    shade = shade.filter(ImageFilter.GaussianBlur(60))
    img = ImageChops.multiply(img, shade.convert("RGB"))
    img = ImageChops.multiply(img, Image.new("RGB", img.size, (252, 248, 238)))
    return _save(img.filter(ImageFilter.GaussianBlur(0.4)), "PNG")


def skewed(pdf: bytes, angle: float) -> bytes:
    """A page scanned skewed by `angle` degrees on a grey scanner lid, JPEG."""
    from PIL import Image, ImageFilter

    img = render(pdf, 200)
    img = img.rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(188, 188, 190)
    )
    return _save(img.filter(ImageFilter.GaussianBlur(0.5)), "JPEG", 80)


# ----------------------------------------------------------------------------- receipts


@invoice
def r01_gb_pos_receipt_80mm() -> Invoice:
    items = [
        ("WOOD SCREWS 4X40 200PK", 2, D("4.49"), "A"),
        ("MASKING TAPE 25MM", 1, D("3.25"), "A"),
        ("PAINT BRUSH SET 5PC", 1, D("12.99"), "A"),
        ("OS EXPLORER MAP OL24", 1, D("8.99"), "Z"),
    ]
    gross_a = sum((n * p for _, n, p, c in items if c == "A"), D(0))
    gross_z = sum((n * p for _, n, p, c in items if c == "Z"), D(0))
    vat_a = q(gross_a / 6)
    total = gross_a + gross_z
    cash = D("40.00")
    w = 42
    rows = [
        "*        ASHDOWN HARDWARE",
        "       Ashdown Hardware Ltd",
        "   22 High Street, Forest Row RH18 5AB",
        "         Tel 01342 822 190",
        "      VAT Reg No: GB 318 4471 26",
        "-" * w,
        "Receipt No: R-118402",
        "14/03/2026 10:42     Till 3  Clerk 117",
        "-" * w,
    ]
    for d, n, p, c in items:
        if n > 1:
            rows.append(f"  {n} @ {us(p)}")
        rows.append(lr(d, f"{us(n * p)} {c}", w))
    rows += [
        "-" * w,
        f"*{lr('TOTAL', '£' + us(total), w)}",
        lr("CASH", us(cash), w),
        lr("CHANGE", us(cash - total), w),
        "-" * w,
        "VAT SUMMARY",
        "CODE RATE      NET     VAT    GROSS",
        f"A    20.0% {us(gross_a - vat_a):>8} {us(vat_a):>7} {us(gross_a):>8}",
        f"Z     0.0% {us(gross_z):>8} {'0.00':>7} {us(gross_z):>8}",
        "-" * w,
        "   Items sold: 5",
        "  Keep your receipt for returns",
        "    within 28 days. Thank you!",
    ]
    return Invoice(
        "r01-gb-pos-receipt-80mm",
        "pdf",
        receipt(80, rows, 7.6),
        truth("Ashdown Hardware Ltd", "R-118402", "2026-03-14", total, vat_a, "GBP"),
    )


@invoice
def r02_de_kassenbon_58mm() -> Invoice:
    items = [
        ("Hafermilch 1l", 2, D("1.79"), "A"),
        ("Dinkelbrot 750g", 1, D("4.29"), "A"),
        ("Bergkäse 200g", 1, D("3.99"), "A"),
        ("Äpfel Elstar kg", 1, D("3.48"), "A"),
        ("Spülmittel Öko", 1, D("2.95"), "B"),
        ("Pfand Glas", 2, D("0.15"), "B"),
    ]
    ga = sum((n * p for _, n, p, c in items if c == "A"), D(0))
    gb = sum((n * p for _, n, p, c in items if c == "B"), D(0))
    ta = q(ga * 7 / 107)
    tb = q(gb * 19 / 119)
    total = ga + gb
    bar = D("30.00")
    w = 30
    rows = [
        "*  Bio-Markt Lindenhof",
        "        GmbH",
        " Lindenhofstr. 9, 79102",
        "   Freiburg i. Br.",
        " USt-IdNr. DE298114620",
        "-" * w,
    ]
    for d, n, p, c in items:
        if n > 1:
            rows.append(f" {n} x {eu(p)}")
        rows.append(lr(d, f"{eu(n * p)} {c}", w))
    rows += [
        "-" * w,
        f"*{lr('SUMME EUR', eu(total), w)}",
        lr("Bar", eu(bar), w),
        lr("Rückgeld", eu(bar - total), w),
        "-" * w,
        "MwSt    Netto  Steuer Brutto",
        f"A 7%  {eu(ga - ta):>6} {eu(ta):>6} {eu(ga):>6}",
        f"B 19% {eu(gb - tb):>6} {eu(tb):>6} {eu(gb):>6}",
        "-" * w,
        "Bon-Nr. 4711   Kasse 2",
        "06.03.2026  17:58",
        "TSE-Signatur: kT9x...Q2w=",
        " Vielen Dank für Ihren",
        "       Einkauf!",
    ]
    return Invoice(
        "r02-de-kassenbon-58mm",
        "pdf",
        receipt(58, rows, 7.0),
        truth("Bio-Markt Lindenhof GmbH", "4711", "2026-03-06", total, ta + tb, "EUR"),
    )


@invoice
def r03_sg_retail_receipt_gst_inclusive() -> Invoice:
    items = [
        ("A4 PAPER 80GSM 500S", 2, D("7.90")),
        ("GEL PEN 0.5 BLK 12PC", 1, D("11.50")),
        ("ARCH FILE 3IN", 3, D("3.80")),
        ("DESK ORGANISER", 1, D("10.00")),
    ]
    total = sum((n * p for _, n, p in items), D(0))
    gst = q(total * 9 / 109)
    cash = D("50.00")
    w = 42
    rows = [
        "*       TANGLIN STATIONERS",
        "        Tanglin Stationers Pte. Ltd.",
        "   163 Tanglin Road #02-17 S(247933)",
        "   GST Reg No: 201912345K",
        "*           TAX INVOICE",
        "Rcpt#: T2-00058811",
        "05 Mar 2026 14:22   POS02  Cashier: Mei",
        "-" * w,
    ]
    for d, n, p in items:
        rows.append(d)
        rows.append(lr(f"   {n} x {us(p)}", us(n * p), w))
    rows += [
        "-" * w,
        f"*{lr('TOTAL', 'S$' + us(total), w)}",
        lr("CASH", us(cash), w),
        lr("CHANGE", us(cash - total), w),
        "",
        lr("GST 9% included", us(gst), w),
        lr("Total excl. GST", us(total - gst), w),
        "-" * w,
        " Exchange within 7 days with receipt.",
    ]
    return Invoice(
        "r03-sg-retail-receipt-gst-inclusive",
        "pdf",
        receipt(80, rows, 7.6),
        truth("Tanglin Stationers Pte. Ltd.", "T2-00058811", "2026-03-05", total, gst, "SGD"),
    )


@invoice
def r04_us_card_receipt_sales_tax() -> Invoice:
    items = [
        ("2X4X8 SPF STUD", 6, D("4.28")),
        ("DECK SCREW 3IN 5LB", 1, D("32.97")),
        ("SPRAY FOAM 12OZ", 2, D("6.48")),
    ]
    sub = sum((n * p for _, n, p in items), D(0))
    tax = q(sub * D("0.0825"))
    total = sub + tax
    w = 42
    rows = [
        "*       GRANITE PEAK LUMBER",
        "      Granite Peak Lumber Co.",
        "   1880 N Loop 1604 E, San Antonio TX",
        "          (210) 555-0143",
        "-" * w,
        "SALE        TRANS# 0093-551207",
        "STORE 12  REG 04  CSHR 8812",
        "03/07/26  08:14 AM",
        "-" * w,
    ]
    for d, n, p in items:
        rows.append(lr(d, us(n * p), w))
        rows.append(f"   {n} @ {us(p)}")
    rows += [
        "-" * w,
        lr("SUBTOTAL", us(sub), w),
        lr("SALES TAX 8.25%", us(tax), w),
        f"*{lr('TOTAL', '$' + us(total), w)}",
        lr("VISA ************4417", us(total), w),
        lr("CHANGE DUE", "0.00", w),
        "AUTH CODE 08812B   APPROVED",
        "-" * w,
        "  RETURNS WITH RECEIPT WITHIN 90 DAYS",
    ]
    return Invoice(
        "r04-us-card-receipt-sales-tax",
        "pdf",
        receipt(80, rows, 7.6),
        truth("Granite Peak Lumber Co.", "0093-551207", "2026-03-07", total, tax, "USD"),
    )


# ----------------------------------------------------------------------------- amounts in words


@invoice
def w01_in_igst_amount_in_words() -> Invoice:
    p = Pdf()
    items = [
        ("Corrugated box 5-ply 600x400x400", "48191010", D(1200), D("54.50")),
        ("Corrugated box 3-ply 300x200x150", "48191010", D(2500), D("11.20")),
        ("Partition inserts (set)", "48239090", D(400), D("3.00")),
    ]
    taxable = itot(items)
    igst = q(taxable * D("0.18"))
    total = taxable + igst
    p.t(297, 50, "TAX INVOICE", 14, "sans-bold", "c")
    p.t(45, 78, "Kaveri Packaging Solutions Pvt. Ltd.", 14, "sans-bold")
    lines(
        p,
        45,
        94,
        [
            "Plot 41, SIDCO Industrial Estate, Ambattur, Chennai 600098, Tamil Nadu",
            "GSTIN: 33AAECK4471M1ZQ    State: Tamil Nadu (33)    CIN: U21012TN2014PTC095521",
        ],
        8.5,
    )
    kv(
        p,
        340,
        130,
        [
            ("Invoice No.", "KPS/25-26/1184"),
            ("Invoice Date", "07-03-2026"),
            ("Place of Supply", "Maharashtra (27)"),
            ("E-Way Bill No.", "3410 9921 7745"),
        ],
        80,
        8.5,
    )
    lines(
        p,
        45,
        130,
        [
            "Bill to / Ship to:",
            "Sahyadri Foods LLP",
            "Gat No. 212, Chakan MIDC, Pune 410501",
            "GSTIN: 27AAKFS8812P1Z4",
        ],
        8.5,
    )
    rows = [["#", "Description", "HSN", "Qty", "Rate", "Taxable value (INR)"]] + [
        [str(i), d, h, str(int(n)), num(pr), num(q(n * pr), indian=True)]
        for i, (d, h, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(
        45, 200, [(20, "c"), (200, "l"), (60, "c"), (45, "r"), (55, "r"), (125, "r")], rows, 8, 16
    )
    y = totals(
        p,
        330,
        550,
        y + 20,
        [
            ("Total taxable value", num(taxable, indian=True)),
            ("IGST @ 18%", num(igst, indian=True)),
            ("Invoice total (INR)", num(total, indian=True)),
        ],
        9,
    )
    rupees, paise = split(total)
    said = (
        f"Rupees {words(rupees, indian=True)}"
        + (f" and {words(paise)} Paise" if paise else "")
        + " Only"
    )
    p.t(45, y + 15, "Amount in words:", 8.5, "sans-bold")
    p.t(45, y + 28, said, 8.5)
    lines(
        p,
        45,
        y + 60,
        [
            "Bank: HDFC Bank, Ambattur branch   A/c No. 50200041187723   IFSC HDFC0001842",
            "Whether tax is payable on reverse charge: No",
        ],
        8,
    )
    p.t(550, y + 110, "For Kaveri Packaging Solutions Pvt. Ltd.", 8.5, "sans", "r")
    p.t(550, y + 145, "Authorised Signatory", 8.5, "sans", "r")
    return Invoice(
        "w01-in-igst-amount-in-words",
        "pdf",
        p.done(),
        truth(
            "Kaveri Packaging Solutions Pvt. Ltd.",
            "KPS/25-26/1184",
            "2026-03-07",
            total,
            igst,
            "INR",
        ),
    )


@invoice
def w02_sa_vat_invoice_english_labels() -> Invoice:
    p = Pdf()
    items = [
        ("Ergonomic office chair, mesh", D(6), D("685.00")),
        ("Height-adjustable desk 160x80", D(3), D("1240.00")),
        ("Monitor arm, dual", D(6), D("210.50")),
    ]
    net = itot(items)
    vat = q(net * D("0.15"))
    total = net + vat
    p.t(297, 48, "Tax Invoice", 15, "sans-bold", "c")
    # two-column (bilingual) header: the right column would carry the Arabic; English only here
    lines(
        p,
        45,
        78,
        [
            "Seller:",
            "Rawabi Office Supplies Co.",
            "King Fahd Road, Al Olaya, Riyadh 12214",
            "VAT Registration Number: 300123456700003",
            "CR No. 1010456789",
        ],
        8.5,
    )
    lines(
        p,
        320,
        78,
        [
            "Buyer:",
            "Tihama Engineering Consultants",
            "Prince Sultan St., Jeddah 23334",
            "VAT Registration Number: 310987654300003",
        ],
        8.5,
    )
    kv(
        p,
        45,
        155,
        [
            ("Invoice Number:", "INV-SA-00731"),
            ("Invoice Issue Date:", "2026-03-04"),
            ("Date of Supply:", "2026-03-01"),
        ],
        95,
        8.5,
    )
    rows = [
        [
            "Nature of goods or services",
            "Unit price",
            "Quantity",
            "Taxable amount",
            "VAT rate",
            "VAT amount",
            "Total incl. VAT",
        ]
    ] + [
        [
            d,
            us(pr),
            str(int(n)),
            us(q(n * pr)),
            "15%",
            us(q(n * pr * D("0.15"))),
            us(q(n * pr * D("1.15"))),
        ]
        for d, n, pr in items
    ]
    y = p.grid(
        45,
        205,
        [(150, "l"), (55, "r"), (45, "r"), (65, "r"), (40, "c"), (60, "r"), (90, "r")],
        rows,
        7.5,
        16,
    )
    y = totals(
        p,
        330,
        550,
        y + 20,
        [
            ("Total (excluding VAT)", "SAR " + us(net)),
            ("Total VAT", "SAR " + us(vat)),
            ("Total amount due", "SAR " + us(total)),
        ],
        9,
    )
    riyals, halalas = split(total)
    p.t(
        45,
        y + 15,
        f"Amount in words: {words(riyals)} Saudi Riyals"
        + (f" and {words(halalas)} Halalas" if halalas else ""),
        8.5,
    )
    p.t(45, y + 40, "IBAN: SA03 8000 0000 6080 1016 7519   Al Rajhi Bank", 8.5)
    p.box(470, y + 60, 80, 80)
    p.t(510, y + 102, "QR", 10, "sans", "c")
    return Invoice(
        "w02-sa-vat-invoice-english-labels",
        "pdf",
        p.done(),
        truth("Rawabi Office Supplies Co.", "INV-SA-00731", "2026-03-04", total, vat, "SAR"),
    )


@invoice
def w03_ae_tax_invoice_dirhams_in_words() -> Invoice:
    p = Pdf()
    items = [
        ("AC maintenance, split units (per unit)", D(14), D("165.00")),
        ("Refrigerant top-up R410A (kg)", D("6.5"), D("95.00")),
        ("Duct cleaning, office floor 3", D(1), D("1850.00")),
    ]
    net = itot(items)
    vat = q(net * D("0.05"))
    total = net + vat
    p.t(45, 60, "Falcon Coast Technical Services L.L.C.", 14, "lib-bold")
    lines(
        p,
        45,
        77,
        [
            "Office 1407, Al Reem Tower, Al Maryah Island, Abu Dhabi",
            "TRN: 100384756200003   Tel +971 2 555 0142",
        ],
        8.5,
        "lib",
    )
    p.t(550, 60, "TAX INVOICE", 15, "lib-bold", "r")
    kv(
        p,
        380,
        110,
        [
            ("Invoice No:", "FCTS-2026-0219"),
            ("Date:", "11/03/2026"),
            ("Customer TRN:", "100992817400003"),
            ("LPO No:", "LPO-7781"),
        ],
        80,
        8.5,
        "lib",
    )
    lines(
        p,
        45,
        110,
        ["To:", "Mariner Bay Residences Owners Association", "Yas Island, Abu Dhabi"],
        8.5,
        "lib",
    )
    rows = [["Description", "Qty", "Rate (AED)", "Amount (AED)"]] + [
        [d, num(n, places=1) if n % 1 else str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(45, 180, [(280, "l"), (50, "r"), (80, "r"), (95, "r")], rows, 8.5, 17, f="lib")
    y = totals(
        p,
        340,
        550,
        y + 20,
        [("Taxable amount", us(net)), ("VAT 5%", us(vat)), ("Total AED", us(total))],
        9.5,
        "lib",
    )
    dh, fils = split(total)
    p.t(
        45,
        y + 15,
        f"UAE Dirhams {words(dh)}" + (f" and {words(fils)} Fils" if fils else "") + " only",
        8.5,
        "lib",
    )
    p.t(45, y + 45, "Emirates NBD  IBAN AE07 0260 0010 1523 4567 801", 8.5, "lib")
    return Invoice(
        "w03-ae-tax-invoice-dirhams-in-words",
        "pdf",
        p.done(),
        truth(
            "Falcon Coast Technical Services L.L.C.",
            "FCTS-2026-0219",
            "2026-03-11",
            total,
            vat,
            "AED",
        ),
    )


@invoice
def w04_ng_invoice_naira_in_words() -> Invoice:
    p = Pdf()
    items = [
        ("Illuminated 3D letter sign, 4.2 m", D(1), D("1450000.00")),
        ("Installation and scaffolding", D(1), D("185000.00")),
        ("Wayfinding panels A3 acrylic", D(12), D("28500.00")),
    ]
    net = itot(items)
    vat = q(net * D("0.075"))
    total = net + vat
    p.t(45, 62, "LAGOON SIGNAGE LIMITED", 15, "tim-bold")
    lines(
        p,
        45,
        80,
        ["14 Adeola Odeku Street, Victoria Island, Lagos", "RC 1523884   TIN 21894471-0001"],
        9,
        "tim",
    )
    p.t(550, 62, "INVOICE", 17, "tim-bold", "r")
    kv(
        p,
        380,
        110,
        [
            ("Invoice No.", "LSL/INV/0326/044"),
            ("Date", "12th March, 2026"),
            ("Client", "Ikoyi Court Hotels Ltd"),
        ],
        75,
        9,
        "tim",
        13,
    )
    rows = [["S/N", "Description", "Qty", "Unit price (NGN)", "Amount (NGN)"]] + [
        [str(i), d, str(int(n)), us(pr), us(q(n * pr))] for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(
        45, 175, [(30, "c"), (230, "l"), (35, "r"), (100, "r"), (110, "r")], rows, 8.5, 17, f="tim"
    )
    y = totals(
        p,
        330,
        550,
        y + 20,
        [("Sub-total", us(net)), ("VAT @ 7.5%", us(vat)), ("TOTAL (NGN)", us(total))],
        10,
        "tim",
    )
    naira, kobo = split(total)
    p.t(
        45,
        y + 15,
        "Amount in words: "
        + words(naira)
        + " Naira"
        + (f" and {words(kobo)} Kobo" if kobo else "")
        + " Only",
        9,
        "tim",
    )
    p.t(45, y + 40, "Pay to: Lagoon Signage Limited, Zenith Bank, Account No. 1016672209", 9, "tim")
    return Invoice(
        "w04-ng-invoice-naira-in-words",
        "pdf",
        p.done(),
        truth("Lagoon Signage Limited", "LSL/INV/0326/044", "2026-03-12", total, vat, "NGN"),
    )


# ----------------------------------------------------------------------------- two dates


@invoice
def d01_gb_tax_point_our_your_ref() -> Invoice:
    p = Pdf()
    items = [
        ("Level 2 home survey, 3-bed semi, Kenilworth", D("595.00")),
        ("Damp & timber inspection add-on", D("180.00")),
        ("Mileage (42 miles @ 0.45)", D("18.90")),
    ]
    net = sum((v for _, v in items), D(0))
    vat = q(net * D("0.20"))
    total = net + vat
    p.t(45, 62, "Brackenridge Surveying Ltd", 16, "tim-bold")
    lines(
        p,
        45,
        80,
        [
            "Chartered Surveyors · 9 Castle Hill, Kenilworth CV8 1NB",
            "VAT No. GB 402 7719 58 · Registered in England 10442871",
        ],
        8.5,
        "tim",
    )
    p.t(45, 125, "INVOICE", 14, "tim-bold")
    kv(
        p,
        45,
        145,
        [
            ("Invoice number:", "40217"),
            ("Invoice date:", "2 March 2026"),
            ("Tax point:", "27 February 2026"),
        ],
        90,
        9,
        "tim",
        13,
    )
    kv(
        p,
        320,
        145,
        [("Our ref:", "BRS/0931"), ("Your ref:", "PO 55120"), ("Client:", "Mr & Mrs Adeyemi")],
        60,
        9,
        "tim",
        13,
    )
    rows = [["Description", "Amount £"]] + [[d, us(v)] for d, v in items]
    y = p.grid(45, 205, [(390, "l"), (115, "r")], rows, 9, 17, f="tim")
    totals(
        p,
        330,
        550,
        y + 20,
        [("Net", us(net)), ("VAT at 20%", us(vat)), ("Invoice total £", us(total))],
        9.5,
        "tim",
    )
    p.t(
        45,
        y + 95,
        "Payment within 14 days of the invoice date, quoting invoice number 40217.",
        8.5,
        "tim",
    )
    return Invoice(
        "d01-gb-tax-point-our-your-ref",
        "pdf",
        p.done(),
        truth("Brackenridge Surveying Ltd", "40217", "2026-03-02", total, vat, "GBP"),
    )


@invoice
def d02_de_leistungsdatum_above_rechnungsdatum() -> Invoice:
    p = Pdf()
    items = [
        ("Zählerschrank nach VDE erneuert", D(1), D("1380.00")),
        ("FI/LS-Schalter 16 A", D(6), D("58.40")),
        ("Arbeitszeit Elektromeister (Std.)", D("7.5"), D("72.00")),
    ]
    net = itot(items)
    ust = q(net * D("0.19"))
    total = net + ust
    p.t(45, 60, "Elektro Krämer GmbH & Co. KG", 15, "sans-bold")
    p.t(45, 76, "Hauptstraße 112 · 67433 Neustadt an der Weinstraße · Tel. 06321 48890", 8)
    lines(p, 45, 120, ["Herrn", "Tobias Reuter", "Weinbergweg 4", "67435 Neustadt"], 9)
    kv(
        p,
        360,
        120,
        [
            ("Leistungsdatum:", "27.02.2026"),
            ("Kunden-Nr.:", "30418"),
            ("Rechnungs-Nr.:", "2026-10388"),
            ("Rechnungsdatum:", "09.03.2026"),
        ],
        90,
        9,
        step=13,
    )
    p.t(45, 200, "Rechnung", 14, "sans-bold")
    rows = [["Pos.", "Leistung", "Menge", "Einzelpreis", "Gesamt"]] + [
        [str(i), d, eu(n) if n % 1 else str(int(n)), eu(pr) + " €", eu(q(n * pr)) + " €"]
        for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(45, 215, [(30, "c"), (230, "l"), (50, "r"), (90, "r"), (105, "r")], rows, 8.5, 17)
    totals(
        p,
        340,
        550,
        y + 20,
        [
            ("Nettobetrag", eu(net) + " €"),
            ("zzgl. 19 % MwSt.", eu(ust) + " €"),
            ("Rechnungsbetrag", eu(total) + " €"),
        ],
        9.5,
    )
    p.t(
        45,
        y + 90,
        "Zahlbar innerhalb von 14 Tagen ohne Abzug. IBAN DE12 5459 0000 0012 3456 78",
        8.5,
    )
    return Invoice(
        "d02-de-leistungsdatum-above-rechnungsdatum",
        "pdf",
        p.done(),
        truth("Elektro Krämer GmbH & Co. KG", "2026-10388", "2026-03-09", total, ust, "EUR"),
    )


@invoice
def d03_ie_date_of_supply_above_issue() -> Invoice:
    p = Pdf()
    items = [
        ("Acoustic desk screens 1600 mm", D(10), D("148.00")),
        ("Fit-out labour, 2 fitters x 1 day", D(2), D("320.00")),
    ]
    net = itot(items)
    vat = q(net * D("0.23"))
    total = net + vat
    p.t(45, 62, "Corrib Office Interiors Ltd", 15, "lib-bold")
    p.t(45, 78, "Unit 5 Ballybrit Business Park, Galway H91 P2X4 · VAT IE 9718844T", 8.5, "lib")
    p.t(550, 110, "VAT INVOICE", 14, "lib-bold", "r")
    kv(
        p,
        360,
        130,
        [
            ("Date of supply:", "20/02/2026"),
            ("Date of issue:", "03/03/2026"),
            ("Invoice no:", "COI-7719"),
            ("Customer:", "Salthill Legal LLP"),
        ],
        85,
        9,
        "lib",
        13,
    )
    rows = [["Description", "Qty", "Unit €", "Line €"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(45, 210, [(280, "l"), (50, "r"), (80, "r"), (95, "r")], rows, 9, 17, f="lib")
    totals(
        p,
        340,
        550,
        y + 20,
        [("Net amount", "€" + us(net)), ("VAT @ 23%", "€" + us(vat)), ("Total", "€" + us(total))],
        9.5,
        "lib",
    )
    return Invoice(
        "d03-ie-date-of-supply-above-issue",
        "pdf",
        p.done(),
        truth("Corrib Office Interiors Ltd", "COI-7719", "2026-03-03", total, vat, "EUR"),
    )


# ----------------------------------------------------------------------------- vendors


@invoice
def v01_gb_freelancer_person_name() -> Invoice:
    p = Pdf()
    items = [
        ("Cover illustration, 'The Salt Road' (hardback)", D("950.00")),
        ("Hand-lettered title, two revisions", D("350.00")),
        ("Spot illustrations x3", D("150.00")),
    ]
    total = sum((v for _, v in items), D(0))
    p.t(45, 70, "Eleanor Whitcombe", 22, "tim")
    p.t(45, 90, "Illustration & Lettering", 10, "tim")
    lines(
        p,
        380,
        60,
        [
            "Studio 3, Paintworks",
            "Bath Road, Bristol BS4 3EH",
            "eleanor@whitcombe-draws.co.uk",
            "07700 900 381",
        ],
        8.5,
        "tim",
    )
    p.t(45, 140, "Invoice", 13, "tim-bold")
    kv(
        p,
        45,
        160,
        [("Invoice #", "2026-07"), ("Date", "28 February 2026"), ("Due", "30 March 2026")],
        70,
        9.5,
        "tim",
        14,
    )
    lines(
        p,
        330,
        160,
        ["Billed to:", "Fernhill Press Ltd", "Art Department, 14 Quay Street", "Bristol BS1 4DB"],
        9.5,
        "tim",
        14,
    )
    rows = [["Work", "Fee (£)"]] + [[d, us(v)] for d, v in items]
    y = p.grid(45, 240, [(390, "l"), (115, "r")], rows, 9.5, 18, f="tim", header_fill=None)
    totals(p, 330, 550, y + 25, [("Total due", "£" + us(total))], 11, "tim")
    lines(
        p,
        45,
        y + 70,
        [
            "I am not registered for VAT.",
            "Bank: Starling · sort code 60-83-71 · account 24918830 · name E. Whitcombe",
        ],
        8.5,
        "tim",
        12,
    )
    return Invoice(
        "v01-gb-freelancer-person-name",
        "pdf",
        p.done(),
        truth("Eleanor Whitcombe", "2026-07", "2026-02-28", total, None, "GBP"),
    )


@invoice
def v02_gb_domain_letterhead_trading_as() -> Invoice:
    p = Pdf()
    items = [
        ("Canapés, 6 per head", D(80), D("9.50")),
        ("Bowl food station", D(80), D("12.00")),
        ("Waiting staff (4 x 6 h)", D(24), D("18.00")),
    ]
    total = itot(items)
    p.t(297, 70, "marrowandmint.co.uk", 20, "serif-bold", "c")
    p.t(
        297,
        88,
        "hello@marrowandmint.co.uk  ·  01453 700 219  ·  Stroud, Gloucestershire",
        8.5,
        "serif",
        "c",
    )
    p.line(45, 100, 550, 100)
    p.t(45, 130, "INVOICE", 13, "serif-bold")
    kv(
        p,
        45,
        150,
        [
            ("Invoice No:", "MM-112"),
            ("Date:", "10/03/2026"),
            ("Event:", "Spring launch, 6 March 2026"),
        ],
        75,
        9,
        "serif",
        13,
    )
    lines(
        p,
        340,
        150,
        ["For:", "Thornbury Events Ltd", "The Old Brewery, Thornbury BS35 2AA"],
        9,
        "serif",
        13,
    )
    rows = [["Item", "Qty", "Price", "Amount"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(45, 210, [(260, "l"), (60, "r"), (80, "r"), (105, "r")], rows, 9, 17, f="serif")
    totals(p, 340, 550, y + 20, [("Amount due", "£" + us(total))], 10.5, "serif")
    lines(
        p,
        45,
        y + 60,
        ["Please pay within 14 days: sort code 09-01-28, account 41127730."],
        8.5,
        "serif",
    )
    p.t(297, 800, "Trading as Marrow & Mint · not VAT registered", 7, "serif", "c")
    return Invoice(
        "v02-gb-domain-letterhead-trading-as",
        "pdf",
        p.done(),
        truth("Marrow & Mint", "MM-112", "2026-03-10", total, None, "GBP"),
    )


# ----------------------------------------------------------------------------- charges


@invoice
def s01_us_shipping_handling_insurance() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("CR-8x42 roof-prism binocular", D(4), D("289.00")),
        ("Spotting scope 20-60x80 ED", D(1), D("1149.00")),
        ("Carbon tripod, travel", D(2), D("179.50")),
    ]
    sub = itot(items)
    ship, hand, ins = D("64.00"), D("12.50"), D("18.75")
    tax = q(sub * D("0.0881"))
    total = sub + ship + hand + ins + tax
    p.t(40, 60, "Cobalt Ridge Optics, Inc.", 16, "lib-bold")
    lines(
        p,
        40,
        76,
        ["4120 Brighton Blvd, Denver, CO 80216", "orders@cobaltridge.example · (303) 555-0170"],
        8.5,
        "lib",
    )
    p.t(572, 60, "INVOICE", 18, "lib-bold", "r")
    kv(
        p,
        400,
        100,
        [
            ("Invoice #", "CRO-55813"),
            ("Date", "03/11/2026"),
            ("Order #", "SO-90214"),
            ("Terms", "Net 30"),
        ],
        70,
        9,
        "lib",
        13,
    )
    lines(
        p,
        40,
        110,
        ["Ship to:", "Bighorn Birding Tours LLC", "211 Main St, Estes Park, CO 80517"],
        9,
        "lib",
        13,
    )
    rows = [["Item", "Qty", "Unit price", "Amount"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(40, 175, [(290, "l"), (50, "r"), (90, "r"), (102, "r")], rows, 9, 17, f="lib")
    totals(
        p,
        380,
        572,
        y + 20,
        [
            ("Subtotal", us(sub)),
            ("Shipping (UPS Ground)", us(ship)),
            ("Handling", us(hand)),
            ("Insurance", us(ins)),
            ("Sales tax 8.81% (merchandise)", us(tax)),
            ("Total (USD)", "$" + us(total)),
        ],
        9,
        "lib",
    )
    return Invoice(
        "s01-us-shipping-handling-insurance",
        "pdf",
        p.done(),
        truth("Cobalt Ridge Optics, Inc.", "CRO-55813", "2026-03-11", total, tax, "USD"),
    )


@invoice
def s02_us_tax_on_freight_only() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Alfalfa seed, Vernal, 50 lb bag", D(20), D("212.00")),
        ("Orchardgrass seed, 50 lb bag", D(10), D("148.00")),
    ]
    sub = itot(items)
    freight = D("385.00")
    tax = q(freight * D("0.065"))
    total = sub + freight + tax
    p.t(40, 60, "PRAIRIE SEED SUPPLY LLC", 15, "sans-bold")
    lines(p, 40, 76, ["PO Box 118, Hays, KS 67601 · 785-555-0121"], 8.5)
    p.t(572, 60, "Invoice", 16, "sans-bold", "r")
    kv(
        p,
        400,
        95,
        [
            ("Invoice No.", "PSS-26-0381"),
            ("Invoice Date", "March 12, 2026"),
            ("Customer", "Kessler Farms"),
        ],
        80,
        9,
        step=13,
    )
    rows = [["Product", "Qty", "Price", "Extended"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(40, 160, [(290, "l"), (50, "r"), (90, "r"), (102, "r")], rows, 9, 17)
    p.t(40, y + 15, "Seed sold for agricultural use: exempt, certificate on file #AG-2291.", 8)
    totals(
        p,
        360,
        572,
        y + 35,
        [
            ("Merchandise (exempt)", us(sub)),
            ("Freight", us(freight)),
            ("Sales tax 6.5% on freight", us(tax)),
            ("Invoice Total", "$" + us(total)),
        ],
        9,
    )
    return Invoice(
        "s02-us-tax-on-freight-only",
        "pdf",
        p.done(),
        truth("Prairie Seed Supply LLC", "PSS-26-0381", "2026-03-12", total, tax, "USD"),
    )


# ----------------------------------------------------------------------------- taxes


@invoice
def t01_my_sst_service_tax() -> Invoice:
    p = Pdf()
    items = [
        ("Offset printing, A5 brochure 16pp (per 1,000)", D(5), D("1380.00")),
        ("Design artwork & prepress", D(1), D("650.00")),
        ("Delivery, Klang Valley", D(1), D("80.00")),
    ]
    net = itot(items)
    sst = q(net * D("0.08"))
    total = net + sst
    p.t(45, 60, "Seri Kembangan Print Works Sdn. Bhd.", 14, "sans-bold")
    lines(
        p,
        45,
        76,
        [
            "(Company No. 201701023344 (1240567-K))",
            "Lot 12, Jalan PK 3, Taman Perindustrian, 43300 Seri Kembangan, Selangor",
            "SST Reg. No.: B16-1809-32000123",
        ],
        8,
    )
    p.t(550, 120, "INVOICE", 15, "sans-bold", "r")
    kv(
        p,
        370,
        140,
        [("Invoice No.", "SKP-INV-002318"), ("Date", "13/03/2026"), ("D/O No.", "DO-5521")],
        80,
        8.5,
        step=12,
    )
    lines(
        p,
        45,
        140,
        ["Bill To:", "Cendana Wellness Sdn Bhd", "Level 8, Menara Cendana, Petaling Jaya"],
        8.5,
    )
    rows = [["No", "Description", "Qty", "Unit price (RM)", "Amount (RM)"]] + [
        [str(i), d, str(int(n)), us(pr), us(q(n * pr))] for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(45, 195, [(25, "c"), (250, "l"), (35, "r"), (90, "r"), (105, "r")], rows, 8, 16)
    totals(
        p,
        340,
        550,
        y + 20,
        [
            ("Total excluding tax", "RM " + us(net)),
            ("Service Tax 8%", "RM " + us(sst)),
            ("Total including tax", "RM " + us(total)),
        ],
        9,
    )
    p.t(45, y + 85, "Maybank 5140 2233 8871 · Payment terms 30 days", 8)
    return Invoice(
        "t01-my-sst-service-tax",
        "pdf",
        p.done(),
        truth(
            "Seri Kembangan Print Works Sdn. Bhd.",
            "SKP-INV-002318",
            "2026-03-13",
            total,
            sst,
            "MYR",
        ),
    )


@invoice
def t02_jp_qualified_invoice_txt() -> Invoice:
    std = [("コピー用紙 A4 5,000枚", 2, 4800), ("トナーカートリッジ 黒", 1, 12800)]
    red = [("ミネラルウォーター 2L×6本 ※", 5, 1280), ("コーヒー豆 500g ※", 2, 2150)]
    s10 = sum(n * p for _, n, p in std)
    s8 = sum(n * p for _, n, p in red)
    t10 = s10 * 10 // 100
    t8 = s8 * 8 // 100
    total = s10 + s8 + t10 + t8

    def yen(v: int) -> str:
        return f"{v:,}"

    body = "\n".join(f"  {d:<24} {n:>3}  {yen(p):>8}  {yen(n * p):>9}" for d, n, p in std + red)
    text = f"""                         適格請求書

株式会社みどり文具 御中
                                          株式会社オフィスサプライ北斗
                                          〒060-0807 札幌市北区北7条西5丁目8-1
                                          TEL 011-555-0193
                                          登録番号 T6430001098765

請求書番号: HK-260315-07
発行日: 2026年3月15日
取引期間: 2026年2月1日～2026年2月28日
お支払期限: 2026年4月30日

  品名                       数量     単価       金額
{body}

  ※は軽減税率（8%）対象品目です。

  10%対象  {yen(s10):>9}円   消費税  {yen(t10):>7}円
   8%対象  {yen(s8):>9}円   消費税  {yen(t8):>7}円
  消費税合計             {yen(t10 + t8):>7}円

  ご請求金額（税込）   ¥{yen(total)}

振込先: 北洋銀行 本店営業部 普通 1234567 カ）オフィスサプライホクト
"""
    return Invoice(
        "t02-jp-qualified-invoice-txt",
        "txt",
        text.encode(),
        truth(
            "株式会社オフィスサプライ北斗",
            "HK-260315-07",
            "2026-03-15",
            str(total),
            str(t10 + t8),
            "JPY",
        ),
    )


@invoice
def t03_cn_fapiao_txt() -> Invoice:
    net = D("8600.00")
    tax = q(net * D("0.13"))
    total = net + tax
    text = f"""                    电子发票（增值税专用发票）

发票号码：26442000000018273641
开票日期：2026年03月16日

购买方信息
  名称：深圳市蓝湾电子科技有限公司
  统一社会信用代码/纳税人识别号：91440300MA5G8K2X1P

销售方信息
  名称：东莞市恒達五金制品有限公司
  统一社会信用代码/纳税人识别号：91441900MA4W7R3L0C

项目名称               规格型号   单位   数量    单价        金额       税率/征收率   税额
*金属制品*不锈钢支架    HD-220     件     200    43.00      {us(net)}      13%        {us(tax)}

合    计                                                  ¥{us(net)}                  ¥{us(tax)}

价税合计（大写）  玖仟柒佰壹拾捌元整          （小写）¥{us(total)}

备注：合同号 HT-2026-0311
开票人：李静
"""
    assert total == D("9718.00")
    return Invoice(
        "t03-cn-fapiao-txt",
        "txt",
        text.encode(),
        truth(
            "东莞市恒達五金制品有限公司", "26442000000018273641", "2026-03-16", total, tax, "CNY"
        ),
    )


# ----------------------------------------------------------------------------- returns, export, bank


@invoice
def n01_gb_returns_negative_quantities() -> Invoice:
    p = Pdf()
    items = [
        ("Chafing dish, stainless, full size", D(6), D("42.50")),
        ("Gastronorm pan 1/1 65 mm", D(12), D("11.80")),
        ("RETURN: chafing dish, damaged in transit (inv. 26-0211)", D(-2), D("42.50")),
        ("RETURN: tongs 300 mm, wrong item", D(-10), D("2.40")),
        ("Fuel gel canisters, case of 24", D(2), D("38.00")),
    ]
    net = itot(items)
    vat = q(net * D("0.20"))
    total = net + vat
    p.t(45, 60, "Millbrook Catering Supplies Ltd", 15, "sans-bold")
    p.t(45, 76, "Millbrook Trading Estate, Sheffield S9 2RX · VAT GB 277 0153 81", 8)
    p.t(550, 110, "INVOICE", 15, "sans-bold", "r")
    kv(
        p,
        380,
        130,
        [("Invoice:", "MCS-260314"), ("Date:", "14 March 2026"), ("Account:", "PEAK004")],
        60,
        9,
        step=13,
    )
    lines(
        p,
        45,
        130,
        ["Deliver to:", "Peak District Venues Ltd", "Hathersage Hall, Hope Valley S32 1BB"],
        9,
        step=13,
    )
    rows = [["Description", "Qty", "Unit £", "Net £"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(45, 190, [(300, "l"), (45, "r"), (70, "r"), (90, "r")], rows, 8.5, 17)
    totals(
        p,
        350,
        550,
        y + 20,
        [("Goods net", us(net)), ("VAT 20%", us(vat)), ("Total due £", us(total))],
        9.5,
    )
    assert net > 0
    return Invoice(
        "n01-gb-returns-negative-quantities",
        "pdf",
        p.done(),
        truth("Millbrook Catering Supplies Ltd", "MCS-260314", "2026-03-14", total, vat, "GBP"),
    )


@invoice
def n02_nl_export_zero_rated() -> Invoice:
    p = Pdf()
    items = [
        ("Tulip bulbs 'Queen of Night', size 12/+ (x1000)", D(25), D("96.00")),
        ("Allium 'Purple Sensation' 10/12 (x1000)", D(8), D("142.00")),
        ("Phytosanitary certificate & export docs", D(1), D("85.00")),
    ]
    net = itot(items)
    total = net
    p.t(45, 60, "Van Rijn Bloembollen B.V.", 15, "lib-bold")
    lines(
        p,
        45,
        76,
        ["Heereweg 221, 2161 BM Lisse, Nederland", "KvK 28094411 · BTW NL812233445B01"],
        8.5,
        "lib",
    )
    p.t(550, 110, "COMMERCIAL INVOICE", 13, "lib-bold", "r")
    kv(
        p,
        370,
        130,
        [
            ("Invoice no.", "VRB-2026-0157"),
            ("Invoice date", "16 March 2026"),
            ("Incoterms", "FCA Schiphol"),
            ("AWB", "074-5521 8803"),
        ],
        80,
        9,
        "lib",
        13,
    )
    lines(
        p,
        45,
        130,
        ["Consignee:", "Cascade Bulb Farms Inc.", "1450 Bradley Rd, Mount Vernon, WA 98273, USA"],
        9,
        "lib",
        13,
    )
    rows = [["Description", "Qty", "Price EUR", "Amount EUR"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(45, 200, [(290, "l"), (45, "r"), (80, "r"), (90, "r")], rows, 8.5, 17, f="lib")
    totals(
        p,
        340,
        550,
        y + 20,
        [
            ("Net amount", "EUR " + us(net)),
            ("0% VAT – export", "EUR 0.00"),
            ("Total EUR", "EUR " + us(total)),
        ],
        9.5,
        "lib",
    )
    lines(
        p,
        45,
        y + 85,
        [
            "VAT 0%: export of goods outside the EU (art. 146 Directive 2006/112/EC).",
            "ABN AMRO · IBAN NL91 ABNA 0417 1643 00 · BIC ABNANL2A",
        ],
        8.5,
        "lib",
    )
    return Invoice(
        "n02-nl-export-zero-rated",
        "pdf",
        p.done(),
        truth("Van Rijn Bloembollen B.V.", "VRB-2026-0157", "2026-03-16", total, "0.00", "EUR"),
    )


@invoice
def n03_gb_bank_block_beside_totals() -> Invoice:
    p = Pdf()
    items = [
        ("RAID-5 array recovery, 4 x 8 TB (clean room)", D(1), D("1650.00")),
        ("Replacement donor heads", D(2), D("185.00")),
        ("Encrypted 8 TB return drive", D(1), D("219.00")),
    ]
    net = itot(items)
    vat = q(net * D("0.20"))
    total = net + vat
    p.t(45, 60, "Kestrel Data Recovery Ltd", 15, "sans-bold")
    p.t(45, 76, "Enterprise House, Aztec West, Bristol BS32 4TD · VAT GB 219 8803 47", 8)
    p.t(550, 110, "TAX INVOICE", 14, "sans-bold", "r")
    kv(
        p,
        360,
        130,
        [
            ("Invoice No.", "KDR-3391"),
            ("Our ref", "JOB 88215"),
            ("Your ref", "IT-REQ-4410"),
            ("Date", "17/03/2026"),
        ],
        75,
        9,
        step=13,
    )
    lines(
        p,
        45,
        130,
        ["Invoice to:", "Severnside Architects LLP", "3 Temple Quay, Bristol BS1 6DZ"],
        9,
        step=13,
    )
    rows = [["Description", "Qty", "Unit £", "Total £"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(45, 200, [(290, "l"), (45, "r"), (80, "r"), (90, "r")], rows, 8.5, 17)
    lines(
        p,
        45,
        y + 20,
        [
            "Bank details",
            "Account name: Kestrel Data Recovery Ltd",
            "Sort code: 20-45-77   Account no: 83920415",
            "IBAN: GB29 BARC 2045 7783 9204 15",
            "BIC: BARCGB22",
            "Company no. 07731946",
        ],
        8,
        step=12,
    )
    totals(
        p,
        370,
        550,
        y + 20,
        [("Subtotal", us(net)), ("VAT @ 20%", us(vat)), ("TOTAL", "£" + us(total))],
        9.5,
        step=16,
    )
    return Invoice(
        "n03-gb-bank-block-beside-totals",
        "pdf",
        p.done(),
        truth("Kestrel Data Recovery Ltd", "KDR-3391", "2026-03-17", total, vat, "GBP"),
    )


# ----------------------------------------------------------------------------- images


@invoice
def x01_us_tree_care_low_quality_jpeg() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Remove dead red oak, back yard, haul away", D("1850.00")),
        ("Stump grinding, 2 stumps", D("340.00")),
        ("Crown thinning, 2 maples", D("760.00")),
    ]
    sub = sum((v for _, v in items), D(0))
    tax = q(sub * D("0.06"))
    total = sub + tax
    p.t(50, 70, "Birchwood Tree Care LLC", 20, "lib-bold")
    lines(
        p,
        50,
        92,
        ["77 Quarry Rd, Lancaster, PA 17601", "(717) 555-0128 · PA HIC #PA158832"],
        11,
        "lib",
        14,
    )
    p.t(560, 70, "INVOICE", 20, "lib-bold", "r")
    kv(
        p,
        360,
        140,
        [("Invoice No:", "BTC-1047"), ("Date:", "March 9, 2026"), ("Customer:", "R. & L. Hoffman")],
        90,
        11.5,
        "lib",
        17,
    )
    rows = [["Description", "Amount"]] + [[d, us(v)] for d, v in items]
    y = p.grid(50, 220, [(390, "l"), (120, "r")], rows, 11.5, 22, f="lib")
    totals(
        p,
        340,
        560,
        y + 30,
        [("Subtotal", us(sub)), ("Sales Tax 6%", us(tax)), ("Total Due", "$" + us(total))],
        12.5,
        "lib",
        step=20,
    )
    return Invoice(
        "x01-us-tree-care-low-quality-jpeg",
        "jpg",
        low_quality_jpeg(p.done()),
        truth("Birchwood Tree Care LLC", "BTC-1047", "2026-03-09", total, tax, "USD"),
    )


@invoice
def x02_gb_plasterer_corner_shadow() -> Invoice:
    p = Pdf()
    items = [
        ("Skim coat, living room ceiling & walls", D("620.00")),
        ("Re-board and skim, hallway ceiling", D("480.00")),
        ("Materials (board, multi-finish, beads)", D("145.00")),
    ]
    net = sum((v for _, v in items), D(0))
    vat = q(net * D("0.20"))
    total = net + vat
    p.t(45, 75, "Lark Rise Plastering Ltd", 19, "sans-bold")
    lines(p, 45, 95, ["12 Orchard Way, Banbury OX16 9AH · VAT Reg 388 1902 44"], 10)
    p.t(45, 150, "INVOICE", 16, "sans-bold")
    kv(
        p,
        45,
        175,
        [
            ("Invoice number:", "LRP-0562"),
            ("Invoice date:", "04/03/2026"),
            ("Customer:", "Mr D. Okonkwo, 3 Bloxham Rd"),
        ],
        110,
        11,
        step=17,
    )
    rows = [["Work", "£"]] + [[d, us(v)] for d, v in items]
    y = p.grid(45, 250, [(385, "l"), (120, "r")], rows, 11, 21)
    totals(
        p,
        330,
        550,
        y + 30,
        [("Net", us(net)), ("VAT 20%", us(vat)), ("Total", "£" + us(total))],
        12,
        step=19,
    )
    return Invoice(
        "x02-gb-plasterer-corner-shadow",
        "png",
        corner_shadow(p.done()),
        truth("Lark Rise Plastering Ltd", "LRP-0562", "2026-03-04", total, vat, "GBP"),
    )


@invoice
def x03_fr_atelier_skewed_2deg() -> Invoice:
    p = Pdf()
    items = [
        ("Restauration fauteuil Louis XV (garniture)", D("540.00")),
        ("Tissu velours, 3,5 m", D("196.00")),
        ("Enlèvement et livraison", D("60.00")),
    ]
    ht = sum((v for _, v in items), D(0))
    tva = q(ht * D("0.20"))
    ttc = ht + tva
    p.t(45, 75, "Atelier Morvan SARL", 19, "serif-bold")
    lines(
        p,
        45,
        95,
        ["8 rue des Tanneurs, 21000 Dijon", "SIRET 812 445 901 00017 · TVA FR47812445901"],
        10,
        "serif",
        13,
    )
    p.t(550, 75, "FACTURE", 17, "serif-bold", "r")
    kv(
        p,
        330,
        150,
        [("Facture n° :", "AM-2026-031"), ("Date :", "10/03/2026"), ("Client :", "Mme C. Besson")],
        95,
        11,
        "serif",
        17,
    )
    rows = [["Désignation", "Montant HT"]] + [[d, eu(v) + " €"] for d, v in items]
    y = p.grid(45, 230, [(380, "l"), (125, "r")], rows, 11, 21, f="serif")
    totals(
        p,
        320,
        550,
        y + 30,
        [("Total HT", eu(ht) + " €"), ("TVA 20 %", eu(tva) + " €"), ("Total TTC", eu(ttc) + " €")],
        12,
        "serif",
        step=19,
    )
    return Invoice(
        "x03-fr-atelier-skewed-2deg",
        "jpg",
        skewed(p.done(), 2.0),
        truth("Atelier Morvan SARL", "AM-2026-031", "2026-03-10", ttc, tva, "EUR"),
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
