# ruff: noqa: E501  (invoice text reads better unwrapped)
"""A sixth blind batch (eval/blind5), written without looking at the extractor.

`uv run python eval/blind5/generate.py` writes eval/blind5/invoices/<key>.pdf|jpg|png and
<key>.json (truth, same format as the other sets). Written blind: nothing under
worker/docflow_worker/extraction/ or worker/tests/extraction/ was read, and the extractor was
run on this set once, only after it was complete (eval/blind5/MEASURED_BLIND.txt).

Styles that none of eval/holdout, eval/blind2, eval/blind3 and eval/blind4 has (all vendors
are invented; no real product's logo or trademark is drawn):
- look-alikes of accounting-software templates: a QuickBooks-like "BALANCE DUE" box, a
  Xero-like tax invoice with a column of references, a Zoho-like Canadian invoice with HST,
  a FreshBooks-like "Amount Due (USD)" banner, an SAP-like German Rechnung whose header block
  holds six reference numbers (Kunden-Nr., Bestellung, Auftrag, Lieferschein, ...) of which only
  one is the Rechnungs-Nr., an Oracle-like "Transaction Number" form, an Odoo-like
  "INV/2026/00412" invoice, a Sage-like invoice with Customer A/C, Order No. and Despatch No.;
- human-readable renderings of e-invoices: XRechnung/ZUGFeRD (Leitweg-ID, Käuferreferenz,
  many IDs), Peppol BIS Billing 3.0 (NOK, endpoint IDs), an Italian FatturaPA "foglio di
  stile" page (TD01, Riepiloghi IVA), a Basque TicketBAI factura (TBAI identifier), a French
  Factur-X facture with two TVA rates, a Polish KSeF visualisation (Numer KSeF next to the
  invoice number, 23 % and 8 % VAT);
- bills: a mobile phone bill with sections and an unpaid previous balance added to the
  amount to pay, an insurance premium invoice with Insurance Premium Tax, a Dutch office rent
  invoice, a German fuel-station receipt, a travel-agency invoice whose airport charges are not
  tax and only the VAT on the service fee is, a private clinic invoice with a printed VAT 0.00
  and an insurer payment after the total, a customs broker invoice with disbursements outside
  VAT and VAT on the services, a SaaS annual invoice with proration lines and a credit balance
  applied after the total, a US LTL freight bill (PRO and BOL numbers, no tax);
- five images with degradations the earlier sets do not have: a fax transmission header line,
  a coffee-ring stain away from the numbers, a folded-paper crease, a red PAID stamp rotated
  over the paper (status printed by the stamp), a washed-out low-contrast copy.

Truth conventions are eval/holdout/generate.py's: total = the invoice's gross total as printed
before any payment, previous balance or credit applied after it; tax = sum of the printed tax
lines ("0.00" for a printed zero line, null when none is printed); status only when printed;
currency ISO 4217, printed or unambiguously implied; dates ISO.
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
    eu,
    items_total,
    num,
    q,
    sp,
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
    """Label/value lines of a totals block; rows listed in `bold` are bold. Returns the y below."""
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


def color_rect(
    p: Pdf, x: float, y: float, w: float, h: float, rgb: tuple[float, float, float]
) -> None:
    p.c.setFillColorRGB(*rgb)
    p.c.rect(x, p.h - y - h, w, h, stroke=0, fill=1)
    p.c.setFillColorRGB(0, 0, 0)


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


def _ttf(size: int, bold: bool = False, mono: bool = False):
    from PIL import ImageFont

    name = "DejaVuSansMono" if mono else "DejaVuSans"
    if bold:
        name += "-Bold"
    return ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/{name}.ttf", size)


def fax_scan(pdf: bytes, header: str, seed: int) -> bytes:
    """A received fax: a transmission header line printed across the top, 1-bit-like grey, 0.6 degree skew."""
    from PIL import Image, ImageDraw, ImageFilter

    img = render(pdf, 200).convert("L")
    draw = ImageDraw.Draw(img)
    draw.text((40, 14), header, fill=20, font=_ttf(26, mono=True))
    img = img.rotate(0.6, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    img = img.point(lambda v: 255 if v > 140 else 30)
    rng = random.Random(seed)
    px = img.load()
    assert px is not None
    w, h = img.size
    for _ in range(w * h // 1500):
        px[rng.randrange(w), rng.randrange(h)] = 40
    for yy in rng.sample(range(200, h - 200), 3):  # fax streaks: thin light horizontal lines
        for xx in range(w):
            if px[xx, yy] < 100 and rng.random() < 0.4:
                px[xx, yy] = 255
    return _save(img.filter(ImageFilter.GaussianBlur(0.4)), "PNG")


def coffee_stain(pdf: bytes, centre: tuple[float, float], seed: int) -> bytes:
    """A photocopy with a brown coffee ring at `centre` (fractions of the page), JPEG."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    img = render(pdf, 200)
    w, h = img.size
    rng = random.Random(seed)
    cx, cy = centre[0] * w, centre[1] * h
    r = 0.11 * w
    layer = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(layer)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(236, 218, 190))
    for k in range(6):
        rr = r - k * 3 + rng.uniform(-2, 2)
        d.ellipse(
            (cx - rr, cy - rr * 0.97, cx + rr, cy + rr * 0.97), outline=(190, 150, 105), width=3
        )
    d.ellipse((cx + r * 0.9, cy - r * 0.2, cx + r * 1.15, cy + r * 0.05), fill=(220, 196, 160))
    layer = layer.filter(ImageFilter.GaussianBlur(3))
    img = ImageChops.multiply(img, layer)
    img = img.rotate(
        -0.8, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(250, 250, 247)
    )
    return _save(img.filter(ImageFilter.GaussianBlur(0.5)), "JPEG", 78)


def folded(pdf: bytes, folds: tuple[float, ...], seed: int) -> bytes:
    """A letter that was folded in three: dark crease lines with shading on one side, JPEG."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    img = render(pdf, 200)
    w, h = img.size
    shade = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(shade)
    for f in folds:
        y = int(f * h)
        for k in range(40):  # a soft shadow above the crease, a thin dark crease line
            d.line((0, y - k, w, y - k + 6), fill=int(205 + k * 1.25))
        d.line((0, y, w, y + 6), fill=150, width=2)
        d.line((0, y + 2, w, y + 8), fill=235, width=2)
    shade = shade.filter(ImageFilter.GaussianBlur(1.5))
    img = ImageChops.multiply(img, shade.convert("RGB"))
    img = ImageChops.multiply(img, Image.new("RGB", img.size, (250, 247, 240)))
    img = img.rotate(1.1, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(70, 70, 72))
    rng = random.Random(seed)
    noise = Image.effect_noise(img.size, 8 + rng.random()).convert("RGB")
    img = Image.blend(img, ImageChops.multiply(img, noise.point(lambda v: min(255, v + 140))), 0.2)
    return _save(img, "JPEG", 75)


def paid_stamp(pdf: bytes, at: tuple[float, float], angle: float) -> bytes:
    """A rubber 'PAID' stamp (letters only) in red ink, rotated, over the paper; greyish scan, PNG."""
    from PIL import Image, ImageDraw, ImageFilter

    img = render(pdf, 200)
    w, h = img.size
    st = Image.new("RGBA", (460, 200), (0, 0, 0, 0))
    d = ImageDraw.Draw(st)
    d.text((30, 20), "PAID", fill=(150, 15, 25, 240), font=_ttf(130, bold=True))
    st = st.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    img.paste(st, (int(at[0] * w), int(at[1] * h)), st)
    img = img.rotate(
        -0.5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(240, 240, 240)
    )
    return _save(img.filter(ImageFilter.GaussianBlur(0.4)), "PNG")


def low_contrast(pdf: bytes) -> bytes:
    """A washed-out copy: ink at ~36 % grey on a grey-beige paper, a little blur, JPEG."""
    from PIL import ImageFilter

    img = render(pdf, 220)
    img = img.point(lambda v: int(92 + v * 0.52))
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    return _save(img, "JPEG", 72, 220)


# ----------------------------------------------------------------------------- software look-alikes


@invoice
def a01_us_quickbooks_like_balance_due() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Spring cleanup", "Bed edging, leaf removal, 3 crew x 5 h", D(15), D("55.00")),
        ("Mulch", "Double-shredded hardwood, installed (yd)", D(9), D("68.00")),
        ("Shrubs", "Boxwood 3 gal, planted", D(12), D("42.50")),
    ]
    sub = itot(items)
    taxable = q(D(9) * D("68.00") + D(12) * D("42.50"))
    tax = q(taxable * D("0.06"))
    total = sub + tax
    p.t(50, 60, "Cedar Hollow Landscaping Co.", 15, "lib-bold")
    lines(
        p,
        50,
        76,
        [
            "1180 Old Mill Pike",
            "Lancaster, PA 17601",
            "office@cedarhollowland.example",
            "+1 (717) 555-0148",
        ],
        9,
        "lib",
    )
    p.t(50, 150, "INVOICE", 20, "lib")
    color_rect(p, 50, 160, 512, 2, (0.2, 0.55, 0.35))
    p.t(50, 180, "BILL TO", 8, "lib-bold")
    lines(p, 50, 193, ["Martin Kowalczyk", "77 Orchard Ridge Dr", "Lititz, PA 17543"], 9, "lib")
    p.t(230, 180, "SHIP TO", 8, "lib-bold")
    lines(p, 230, 193, ["Martin Kowalczyk", "77 Orchard Ridge Dr", "Lititz, PA 17543"], 9, "lib")
    kv(
        p,
        410,
        180,
        [
            ("INVOICE #", "1047"),
            ("DATE", "04/22/2026"),
            ("DUE DATE", "05/22/2026"),
            ("TERMS", "Net 30"),
        ],
        70,
        8.5,
        "lib",
    )
    color_rect(p, 50, 240, 512, 16, (0.86, 0.93, 0.88))
    y = 251
    for x, h, a in [
        (54, "DATE", "l"),
        (110, "ACTIVITY", "l"),
        (200, "DESCRIPTION", "l"),
        (430, "QTY", "r"),
        (490, "RATE", "r"),
        (558, "AMOUNT", "r"),
    ]:
        p.t(x, y, h, 8, "lib-bold", a)
    y = 275
    for name, desc, n, pr in items:
        p.t(54, y, "04/18/2026", 8.5, "lib")
        p.t(110, y, name, 8.5, "lib-bold")
        p.t(200, y, desc, 8.5, "lib")
        p.t(430, y, str(n), 8.5, "lib", "r")
        p.t(490, y, us(pr), 8.5, "lib", "r")
        p.t(558, y, us(q(n * pr)), 8.5, "lib", "r")
        y += 20
    p.line(50, y, 562, y, 0.4, dash=True)
    totals(
        p,
        380,
        558,
        y + 20,
        [("SUBTOTAL", us(sub)), ("TAX (6% on materials)", us(tax)), ("TOTAL", us(total))],
        9,
        "lib",
        bold=(),
        step=16,
    )
    p.t(380, y + 80, "BALANCE DUE", 10, "lib")
    p.t(558, y + 80, "$" + us(total), 16, "lib-bold", "r")
    p.t(
        50,
        y + 130,
        "Thank you for your business! Pay online with the link in your email.",
        8.5,
        "lib",
    )
    return Invoice(
        "a01-us-quickbooks-like-balance-due",
        "pdf",
        p.done(),
        truth("Cedar Hollow Landscaping Co.", "1047", "2026-04-22", total, tax, "USD"),
    )


@invoice
def a02_au_xero_like_reference_column() -> Invoice:
    p = Pdf()
    items = [
        ("Brand refresh - discovery workshop", D(1), D("1800.00")),
        ("Logo suite & usage guide", D(1), D("3200.00")),
        ("Social templates (set of 12)", D(12), D("85.00")),
    ]
    sub = itot(items)
    gst = q(sub * D("0.10"))
    total = sub + gst
    p.t(40, 60, "TAX INVOICE", 22, "sans")
    lines(
        p,
        40,
        90,
        [
            "Harbourside Rowing Club Inc",
            "Attention: Committee Treasurer",
            "3 Foreshore Rd",
            "GLEBE NSW 2037",
        ],
        9,
    )
    meta = [
        ("Invoice Date", "7 May 2026"),
        ("Invoice Number", "INV-0392"),
        ("Reference", "HRC-REBRAND"),
        ("ABN", "62 148 905 331"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(320, 60 + i * 24, lab, 8.5, "sans-bold")
        p.t(320, 71 + i * 24, val, 8.5)
    lines(
        p,
        440,
        60,
        [
            "Bluegum Signal Studio Pty Ltd",
            "Level 2, 41 Bourke St",
            "SURRY HILLS NSW 2010",
            "AUSTRALIA",
        ],
        8.5,
    )
    y = 190
    p.t(40, y, "Description", 8.5, "sans-bold")
    for x, h in [(360, "Quantity"), (440, "Unit Price"), (490, "GST"), (555, "Amount AUD")]:
        p.t(x, y, h, 8.5, "sans-bold", "r")
    p.line(40, y + 5, 555, y + 5, 1)
    y += 20
    for d, n, pr in items:
        p.t(40, y, d, 8.5)
        p.t(360, y, num(n), 8.5, "sans", "r")
        p.t(440, y, us(pr), 8.5, "sans", "r")
        p.t(490, y, "10%", 8.5, "sans", "r")
        p.t(555, y, us(q(n * pr)), 8.5, "sans", "r")
        p.line(40, y + 6, 555, y + 6, 0.3)
        y += 20
    y = totals(
        p,
        380,
        555,
        y + 15,
        [("Subtotal", us(sub)), ("TOTAL GST 10%", us(gst))],
        8.5,
        bold=(),
        step=16,
    )
    p.line(380, y - 6, 555, y - 6, 1)
    y = totals(p, 380, 555, y + 8, [("TOTAL AUD", us(total))], 10, step=16)
    p.line(380, y - 6, 555, y - 6, 1)
    p.t(40, y + 40, "Due Date: 21 May 2026", 9, "sans-bold")
    lines(
        p,
        40,
        y + 55,
        [
            "Bank: BSB 062-000  Account 1098 4471",
            "Please use the invoice number as the payment reference.",
        ],
        8.5,
    )
    p.line(40, 700, 555, 700, 0.3, dash=True)
    p.t(40, 720, "PAYMENT ADVICE", 12, "sans-bold")
    lines(
        p,
        40,
        735,
        ["To: Bluegum Signal Studio Pty Ltd", "Level 2, 41 Bourke St, SURRY HILLS NSW 2010"],
        8.5,
    )
    kv(
        p,
        330,
        720,
        [
            ("Customer", "Harbourside Rowing Club Inc"),
            ("Invoice Number", "INV-0392"),
            ("Amount Due", us(total)),
            ("Due Date", "21 May 2026"),
            ("Amount Enclosed", "________________"),
        ],
        90,
        8.5,
    )
    return Invoice(
        "a02-au-xero-like-reference-column",
        "pdf",
        p.done(),
        truth("Bluegum Signal Studio Pty Ltd", "INV-0392", "2026-05-07", total, gst, "AUD"),
    )


@invoice
def a03_ca_zoho_like_hst() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Soy pillar candle 3x6, unscented", D(48), D("9.75")),
        ("Beeswax taper pair, natural", D(60), D("6.40")),
        ("Gift box, kraft w/ insert", D(40), D("2.10")),
    ]
    sub = itot(items)
    disc = q(sub * D("0.05"))
    hst = q((sub - disc) * D("0.13"))
    total = sub - disc + hst
    p.t(50, 60, "Maplewick Candle Works Inc.", 12, "sans-bold")
    lines(
        p,
        50,
        75,
        ["44 Dundas St W", "Belleville Ontario K8P 1A3", "Canada", "HST # 784412095RT0001"],
        8.5,
    )
    p.t(562, 70, "INVOICE", 26, "sans", "r")
    p.t(562, 90, "# INV-000318", 9, "sans-bold", "r")
    p.t(562, 115, "Balance Due", 8, "sans", "r")
    p.t(562, 130, "CA$" + us(total), 12, "sans-bold", "r")
    p.t(50, 165, "Bill To", 8.5)
    lines(
        p,
        50,
        178,
        ["Stillwater Home & Gift", "212 Front St", "Stratford Ontario N5A 4H2"],
        8.5,
        "sans-bold",
    )
    kv(
        p,
        390,
        165,
        [
            ("Invoice Date :", "16 Apr 2026"),
            ("Terms :", "Net 15"),
            ("Due Date :", "01 May 2026"),
            ("P.O.# :", "SHG-5521"),
        ],
        95,
        8.5,
    )
    color_rect(p, 50, 230, 512, 18, (0.2, 0.2, 0.25))
    p.c.setFillColorRGB(1, 1, 1)
    for x, h, a in [
        (55, "#", "l"),
        (75, "Item & Description", "l"),
        (400, "Qty", "r"),
        (480, "Rate", "r"),
        (557, "Amount", "r"),
    ]:
        p.t(x, 242, h, 8.5, "sans-bold", a)
    p.c.setFillColorRGB(0, 0, 0)
    y = 264
    for i, (d, n, pr) in enumerate(items, 1):
        for x, s, a in [
            (55, str(i), "l"),
            (75, d, "l"),
            (400, f"{n}.00", "r"),
            (480, us(pr), "r"),
            (557, us(q(n * pr)), "r"),
        ]:
            p.t(x, y, s, 8.5, "sans", a)
        p.line(50, y + 7, 562, y + 7, 0.3)
        y += 20
    totals(
        p,
        380,
        557,
        y + 15,
        [
            ("Sub Total", us(sub)),
            ("Discount (5%)", "(-) " + us(disc)),
            ("HST ON (13%)", us(hst)),
            ("Total", "CA$" + us(total)),
            ("Balance Due", "CA$" + us(total)),
        ],
        9,
        bold=(3, 4),
        step=17,
    )
    p.t(50, y + 140, "Notes", 8.5, "sans-bold")
    p.t(50, y + 152, "Thanks for your business. Wholesale orders ship within 5 business days.", 8.5)
    return Invoice(
        "a03-ca-zoho-like-hst",
        "pdf",
        p.done(),
        truth("Maplewick Candle Works Inc.", "INV-000318", "2026-04-16", total, hst, "CAD"),
    )


@invoice
def a04_us_freshbooks_like_amount_due_banner() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Packaging design - round 2 revisions", D("6.5"), D("95.00")),
        ("Dieline prep for printer", D(3), D("95.00")),
        ("Stock photo license", D(1), D("49.00")),
    ]
    sub = itot(items)
    tax = q(D("49.00") * D("0.08875"))
    total = sub + tax
    color_rect(p, 0, 0, 612, 120, (0.93, 0.95, 0.98))
    p.t(50, 55, "Juniper Vale Design Studio", 16, "serif-bold")
    lines(p, 50, 72, ["Rosa Abernathy", "318 Bergen St, Apt 3", "Brooklyn, NY 11217"], 8.5, "serif")
    p.t(562, 55, "+1 (347) 555-0171", 8.5, "serif", "r")
    p.t(562, 67, "rosa@junipervale.example", 8.5, "serif", "r")
    p.t(50, 150, "Billed To", 8, "sans")
    lines(p, 50, 162, ["Olde Ferry Cider Co.", "9 Water St", "Hudson, NY 12534"], 9, "sans-bold")
    p.t(220, 150, "Date of Issue", 8, "sans")
    p.t(220, 162, "03/09/2026", 9, "sans-bold")
    p.t(220, 185, "Due Date", 8, "sans")
    p.t(220, 197, "04/08/2026", 9, "sans-bold")
    p.t(340, 150, "Invoice Number", 8, "sans")
    p.t(340, 162, "0000127", 9, "sans-bold")
    p.t(340, 185, "Reference", 8, "sans")
    p.t(340, 197, "OFC-Label-Q1", 9, "sans-bold")
    p.t(562, 150, "Amount Due (USD)", 8, "sans", "r")
    p.t(562, 175, "$" + us(total), 22, "sans-bold", "r")
    p.line(50, 225, 562, 225, 2)
    y = 245
    for x, h, a in [
        (50, "Description", "l"),
        (400, "Rate", "r"),
        (470, "Qty", "r"),
        (562, "Line Total", "r"),
    ]:
        p.t(x, y, h, 8, "sans", a)
    y += 22
    for d, n, pr in items:
        p.t(50, y, d, 9)
        p.t(400, y, "$" + us(pr), 9, "sans", "r")
        p.t(470, y, num(n, places=1) if n % 1 else str(n), 9, "sans", "r")
        p.t(562, y, "$" + us(q(n * pr)), 9, "sans", "r")
        y += 22
    p.line(50, y, 562, y, 0.4)
    totals(
        p,
        380,
        562,
        y + 20,
        [
            ("Subtotal", us(sub)),
            ("Tax (8.875%)", us(tax)),
            ("Total", us(total)),
            ("Amount Paid", "0.00"),
        ],
        9,
        bold=(),
        step=17,
    )
    p.t(380, y + 100, "Amount Due (USD)", 10, "sans-bold")
    p.t(562, y + 100, "$" + us(total), 10, "sans-bold", "r")
    p.t(50, y + 150, "Terms: Sales tax applies to the stock photo license only.", 8.5)
    return Invoice(
        "a04-us-freshbooks-like-amount-due-banner",
        "pdf",
        p.done(),
        truth("Juniper Vale Design Studio", "0000127", "2026-03-09", total, tax, "USD"),
    )


@invoice
def a05_de_sap_like_reference_block() -> Invoice:
    p = Pdf()
    items = [
        ("000010", "KH-2040-DN50", "Kugelhahn DN50 PN40, Edelstahl", D(12), D("148.60")),
        ("000020", "RV-1120-DN25", "Rückschlagventil DN25", D(30), D("37.45")),
        ("000030", "DI-0050-FKM", "Flanschdichtung FKM DN50", D(100), D("2.18")),
    ]
    net = itot(items)
    fracht = D("48.00")
    net2 = net + fracht
    mwst = q(net2 * D("0.19"))
    total = net2 + mwst
    p.t(40, 40, "Rheintal Armaturen GmbH · Industriestraße 14 · 68169 Mannheim", 6.5, "cond")
    lines(
        p,
        40,
        60,
        ["Firma", "Voss Anlagenbau KG", "Wareneingang Tor 3", "Am Hafenbecken 7", "47119 Duisburg"],
        9,
    )
    p.t(555, 45, "RHEINTAL", 16, "sans-bold", "r")
    p.t(555, 58, "ARMATUREN", 8, "sans", "r")
    p.t(330, 95, "Rechnung", 14, "sans-bold")
    ref = [
        ("Rechnungs-Nr.", "90031877"),
        ("Datum", "10.03.2026"),
        ("Kunden-Nr.", "100457"),
        ("Ihre Bestellung", "4500218830 vom 02.03.2026"),
        ("Auftrags-Nr.", "0012004471"),
        ("Lieferschein-Nr.", "80017652"),
        ("Lieferdatum", "09.03.2026"),
        ("Ihre USt-IdNr.", "DE 813 554 270"),
        ("Ansprechpartner", "Fr. Demir / -214"),
    ]
    for i, (lab, val) in enumerate(ref):
        p.t(330, 112 + i * 10.5, lab, 7.5, "cond")
        p.t(420, 112 + i * 10.5, val, 7.5, "cond")
    y = 230
    cols = [(45, "l"), (85, "l"), (190, "l"), (45, "r"), (35, "l"), (55, "r"), (60, "r")]
    rows = (
        [["Pos.", "Material", "Bezeichnung", "Menge", "ME", "Preis/ME", "Wert EUR"]]
        + [[pos, mat, d, str(n), "ST", eu(pr), eu(q(n * pr))] for pos, mat, d, n, pr in items]
        + [["000040", "FRACHT", "Frachtkostenpauschale", "1", "PAU", eu(fracht), eu(fracht)]]
    )
    y = p.grid(40, y, cols, rows, 7.5, 14, header_fill=0.9, lines=False, f="cond")
    p.line(40, y + 4, 555, y + 4, 0.5)
    totals(
        p,
        360,
        555,
        y + 22,
        [
            ("Summe Positionen", eu(net2)),
            ("Steuerbetrag 19 % MwSt", eu(mwst)),
            ("Endbetrag EUR", eu(total)),
        ],
        8,
        "cond",
        step=13,
    )
    lines(
        p,
        40,
        y + 80,
        [
            "Zahlungsbedingungen: 14 Tage 2 % Skonto, 30 Tage netto",
            "Es gelten unsere Allgemeinen Lieferbedingungen. Lieferung ab Werk Mannheim.",
        ],
        7.5,
        "cond",
    )
    lines(
        p,
        40,
        790,
        [
            "Rheintal Armaturen GmbH · Sitz Mannheim · Amtsgericht Mannheim HRB 712044 · USt-IdNr. DE 274 118 906",
            "Geschäftsführer: Klaus Hemmerle · Commerzbank Mannheim IBAN DE21 6704 0031 0244 1877 00 · BIC COBADEFFXXX",
        ],
        6.5,
        "cond",
        9,
    )
    return Invoice(
        "a05-de-sap-like-reference-block",
        "pdf",
        p.done(),
        truth("Rheintal Armaturen GmbH", "90031877", "2026-03-10", total, mwst, "EUR"),
    )


@invoice
def a06_us_oracle_like_transaction_form() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("1", "BRG-6205-2RS", "BEARING, BALL, 6205-2RS", D(40), D("6.85")),
        ("2", "VBELT-B68", "V-BELT, B68, WRAPPED", D(24), D("14.20")),
        ("3", "GRS-EP2-14", "GREASE, EP2 LITHIUM, 14 OZ CART", D(48), D("5.95")),
    ]
    sub = itot(items)
    freight = D("62.50")
    tax = q(sub * D("0.0725"))
    total = sub + freight + tax
    p.t(40, 50, "GRANITE PEAK INDUSTRIAL SUPPLY CORP.", 11, "cour-bold")
    lines(p, 40, 63, ["REMIT TO: PO BOX 77120", "SACRAMENTO CA 95865-7120"], 8, "cour")
    p.t(572, 50, "INVOICE", 14, "cour-bold", "r")
    p.t(572, 63, "PAGE 1 OF 1", 8, "cour", "r")
    cells = [
        ("TRANSACTION NUMBER", "7104432"),
        ("TRANSACTION DATE", "14-APR-2026"),
        ("BILL-TO CUSTOMER NO", "30118"),
        ("CUSTOMER PO", "MRO-88213"),
        ("SALES ORDER", "552019"),
        ("SHIP DATE", "13-APR-2026"),
        ("PAYMENT TERMS", "2% 10 NET 30"),
        ("DUE DATE", "14-MAY-2026"),
    ]
    for i, (lab, val) in enumerate(cells):
        x = 40 + (i % 4) * 133
        y = 90 + (i // 4) * 30
        p.box(x, y, 133, 30)
        p.t(x + 3, y + 10, lab, 6.5, "cour")
        p.t(x + 3, y + 23, val, 8.5, "cour-bold")
    lines(
        p,
        40,
        170,
        [
            "BILL TO:",
            "SIERRA FOOTHILL PACKING LLC",
            "ATTN ACCOUNTS PAYABLE",
            "2250 INDUSTRIAL WAY",
            "LODI CA 95240",
        ],
        8,
        "cour",
    )
    lines(
        p,
        320,
        170,
        [
            "SHIP TO:",
            "SIERRA FOOTHILL PACKING LLC",
            "PLANT 2 - MAINTENANCE",
            "2250 INDUSTRIAL WAY",
            "LODI CA 95240",
        ],
        8,
        "cour",
    )
    rows = [["LINE", "ITEM", "DESCRIPTION", "QTY", "UNIT PRICE", "EXTENDED"]] + [
        [a, b, c, str(n), us(pr), us(q(n * pr))] for a, b, c, n, pr in items
    ]
    y = p.grid(
        40,
        240,
        [(35, "l"), (95, "l"), (200, "l"), (45, "r"), (70, "r"), (87, "r")],
        rows,
        8,
        15,
        header_fill=0.85,
        f="cour",
    )
    totals(
        p,
        380,
        572,
        y + 20,
        [
            ("LINE AMOUNT", us(sub)),
            ("FREIGHT", us(freight)),
            ("TAX", us(tax)),
            ("TOTAL INVOICE AMOUNT USD", us(total)),
        ],
        8,
        "cour",
        step=14,
    )
    p.t(40, y + 100, "TAX: CA STATE/COUNTY 7.25% ON MERCHANDISE. FREIGHT NOT TAXABLE.", 7.5, "cour")
    p.t(
        40,
        y + 112,
        "QUESTIONS? AR DEPT 916-555-0139. PLEASE REFERENCE TRANSACTION NUMBER ON REMITTANCE.",
        7.5,
        "cour",
    )
    return Invoice(
        "a06-us-oracle-like-transaction-form",
        "pdf",
        p.done(),
        truth("Granite Peak Industrial Supply Corp.", "7104432", "2026-04-14", total, tax, "USD"),
    )


@invoice
def a07_be_odoo_like() -> Invoice:
    p = Pdf()
    items = [
        ("[ATV-SOFA3] Banc rembourré 3 places, lin", D(2), D("1240.00")),
        ("[ATV-CUSH] Coussin sur mesure", D(6), D("78.00")),
        ("Livraison et montage Bruxelles", D(1), D("95.00")),
    ]
    net = itot(items)
    vat = q(net * D("0.21"))
    total = net + vat
    p.t(40, 50, "Atelier Vandenbroucke SRL", 11, "sans-bold")
    lines(
        p,
        40,
        64,
        ["Rue de la Victoire 118", "1060 Saint-Gilles", "Belgique", "BE0742.118.509"],
        8.5,
    )
    lines(
        p,
        330,
        110,
        [
            "Brasserie Les Tanneurs SC",
            "Rue des Tanneurs 58",
            "1000 Bruxelles",
            "Belgique",
            "TVA: BE0628.440.913",
        ],
        9,
    )
    p.t(40, 200, "Invoice INV/2026/00412", 17, "sans-bold")
    for i, (lab, val) in enumerate(
        [
            ("Invoice Date:", "03/04/2026"),
            ("Due Date:", "03/05/2026"),
            ("Source:", "S00873"),
            ("Customer Code:", "TANN"),
        ]
    ):
        p.t(40 + i * 130, 225, lab, 8.5, "sans-bold")
        p.t(40 + i * 130, 238, val, 8.5)
    y = 262
    for x, h, a in [
        (40, "Description", "l"),
        (350, "Quantity", "r"),
        (420, "Unit Price", "r"),
        (470, "Taxes", "r"),
        (555, "Amount", "r"),
    ]:
        p.t(x, y, h, 8.5, "sans-bold", a)
    p.line(40, y + 5, 555, y + 5, 1)
    y += 20
    for d, n, pr in items:
        for x, s, a in [
            (40, d, "l"),
            (350, f"{n},00 Units", "r"),
            (420, eu(pr), "r"),
            (470, "21%", "r"),
            (555, eu(q(n * pr)) + " €", "r"),
        ]:
            p.t(x, y, s, 8.5, "sans", a)
        p.line(40, y + 6, 555, y + 6, 0.3)
        y += 19
    y = totals(
        p,
        360,
        555,
        y + 20,
        [
            ("Untaxed Amount", eu(net) + " €"),
            ("TVA 21%", eu(vat) + " €"),
            ("Total", eu(total) + " €"),
        ],
        9,
        step=18,
    )
    p.t(
        40,
        y + 30,
        "Please use the following communication for your payment : +++412/0026/00412+++",
        8.5,
    )
    p.t(40, y + 44, "Payment terms: 30 Days", 8.5)
    p.t(
        297,
        810,
        "+32 2 555 01 44 · facturation@vandenbroucke.example · BE71 0689 0412 2269",
        7.5,
        "sans",
        "c",
    )
    return Invoice(
        "a07-be-odoo-like",
        "pdf",
        p.done(),
        truth("Atelier Vandenbroucke SRL", "INV/2026/00412", "2026-04-03", total, vat, "EUR"),
    )


@invoice
def a08_gb_sage_like_account_refs() -> Invoice:
    p = Pdf()
    items = [
        ("CP-40/160", "Centrifugal pump 4kW, cast iron", D(2), D("1385.00")),
        ("MS-22-SEAL", "Mechanical seal kit 22mm", D(6), D("64.50")),
        ("CARR", "Carriage - next day pallet", D(1), D("45.00")),
    ]
    net = itot(items)
    vat = q(net * D("0.20"))
    total = net + vat
    p.t(40, 50, "Pennine Valve & Pump Ltd", 16, "tim-bold")
    lines(
        p,
        40,
        68,
        [
            "Unit 12 Calder Trade Park",
            "Brighouse HD6 1QF",
            "Tel: 01484 555 230",
            "VAT Reg No: 318 7720 45",
        ],
        8.5,
        "tim",
    )
    p.t(555, 50, "Invoice", 20, "tim-bold", "r")
    p.box(330, 80, 225, 90)
    kv(
        p,
        336,
        94,
        [
            ("Invoice No.", "SI-027731"),
            ("Invoice/Tax Date", "28/04/2026"),
            ("Customer A/C", "HALI002"),
            ("Order No.", "PO 61190"),
            ("Despatch No.", "DN-41552"),
            ("Your Ref", "Pump room upgrade"),
            ("Page", "1"),
        ],
        95,
        8.5,
        "tim",
    )
    lines(
        p,
        40,
        130,
        ["Invoice Address", "Halifax Dyeworks Ltd", "Shaw Lane Mills", "Halifax HX3 9EJ"],
        9,
        "tim",
    )
    rows = [["Product Code", "Description", "Qty", "Unit Price", "Net Amt", "VAT %", "VAT"]] + [
        [c, d, str(n), us(pr), us(q(n * pr)), "20.00", us(q(q(n * pr) * D("0.20")))]
        for c, d, n, pr in items
    ]
    y = p.grid(
        40,
        200,
        [(75, "l"), (170, "l"), (35, "r"), (65, "r"), (65, "r"), (40, "r"), (65, "r")],
        rows,
        8,
        16,
        header_fill=0.9,
        f="tim",
    )
    p.box(340, y + 15, 215, 60)
    totals(
        p,
        346,
        549,
        y + 30,
        [
            ("Total Net Amount", us(net)),
            ("Total VAT Amount", us(vat)),
            ("Invoice Total", "£" + us(total)),
        ],
        9,
        "tim",
        step=16,
    )
    lines(
        p,
        40,
        y + 30,
        ["Terms: 30 days end of month", "Bank: Lloyds 30-95-41 / 22187755"],
        8.5,
        "tim",
    )
    return Invoice(
        "a08-gb-sage-like-account-refs",
        "pdf",
        p.done(),
        truth("Pennine Valve & Pump Ltd", "SI-027731", "2026-04-28", total, vat, "GBP"),
    )


# ----------------------------------------------------------------------------- e-invoice renderings


@invoice
def b01_de_xrechnung_rendering() -> Invoice:
    p = Pdf()
    net = D("4860.00")
    ust = q(net * D("0.19"))
    total = net + ust
    p.t(40, 45, "Rechnung", 16, "sans-bold")
    p.t(40, 60, "Visualisierung einer XRechnung 3.0 (UBL) – maßgeblich ist die XML-Datei", 7.5)
    color_rect(p, 40, 72, 515, 14, (0.85, 0.88, 0.93))
    p.t(44, 82, "Übersicht", 8.5, "sans-bold")
    rows = [
        ("Rechnungsnummer:", "RE-2026-04417"),
        ("Rechnungsdatum:", "12.05.2026"),
        ("Rechnungsart:", "Rechnung (380)"),
        ("Währung:", "EUR"),
        ("Leistungszeitraum:", "01.04.2026 – 30.04.2026"),
        ("Käuferreferenz (Leitweg-ID):", "04011000-12345-67"),
        ("Vertragsnummer:", "RV-2025-118"),
        ("Bestellnummer:", "BST 2026/0311"),
        ("Projektreferenz:", "B-Plan Nr. 88 Falkensee"),
    ]
    kv(p, 44, 100, rows, 150, 8)
    color_rect(p, 40, 215, 250, 14, (0.85, 0.88, 0.93))
    p.t(44, 225, "Verkäufer", 8.5, "sans-bold")
    kv(
        p,
        44,
        243,
        [
            ("Name:", "Havelland Vermessung GmbH"),
            ("Straße:", "Spandauer Str. 41"),
            ("PLZ / Ort:", "14612 Falkensee"),
            ("USt-IdNr.:", "DE 298 447 102"),
            ("Elektronische Adresse:", "rechnung@havelland-vermessung.example"),
            ("Kontakt:", "Dipl.-Ing. S. Brandt"),
        ],
        95,
        8,
    )
    color_rect(p, 305, 215, 250, 14, (0.85, 0.88, 0.93))
    p.t(309, 225, "Käufer", 8.5, "sans-bold")
    kv(
        p,
        309,
        243,
        [
            ("Name:", "Stadt Falkensee"),
            ("Abteilung:", "Fachbereich Stadtentwicklung"),
            ("Straße:", "Falkenhagener Str. 43/49"),
            ("PLZ / Ort:", "14612 Falkensee"),
            ("Käuferkennung:", "0204:04011000-12345-67"),
        ],
        85,
        8,
    )
    color_rect(p, 40, 330, 515, 14, (0.85, 0.88, 0.93))
    p.t(44, 340, "Rechnungspositionen", 8.5, "sans-bold")
    pos = [
        ("1", "Lageplan B-Plan Nr. 88, Aufmaß", D(1), D("3120.00")),
        ("2", "Höhenaufnahme Gelände (je ha)", D("4.35"), D("400.00")),
    ]
    rows2 = [
        ["Pos.", "Bezeichnung", "Menge", "Einheit", "Preis (netto)", "USt.", "Gesamt (netto)"]
    ] + [
        [
            a,
            b,
            eu(n).replace(",00", ",00"),
            "Stk" if n == 1 else "ha",
            eu(pr),
            "S 19 %",
            eu(q(n * pr)),
        ]
        for a, b, n, pr in pos
    ]
    assert itot(pos) == net
    y = p.grid(
        40,
        352,
        [(30, "l"), (190, "l"), (45, "r"), (45, "l"), (70, "r"), (50, "r"), (85, "r")],
        rows2,
        8,
        15,
        header_fill=None,
    )
    color_rect(p, 40, y + 15, 515, 14, (0.85, 0.88, 0.93))
    p.t(44, y + 25, "Gesamtbeträge", 8.5, "sans-bold")
    totals(
        p,
        300,
        551,
        y + 45,
        [
            ("Summe aller Positionen netto", eu(net)),
            ("Gesamtbetrag ohne USt.", eu(net)),
            ("Summe Umsatzsteuer", eu(ust)),
            ("Gesamtbetrag brutto", eu(total)),
            ("Fälliger Betrag", eu(total)),
        ],
        8,
        bold=(3,),
        step=13,
    )
    color_rect(p, 40, y + 120, 515, 14, (0.85, 0.88, 0.93))
    p.t(44, y + 130, "Umsatzsteueraufschlüsselung", 8.5, "sans-bold")
    kv(
        p,
        44,
        y + 148,
        [
            ("Kategorie:", "S (Normalsatz)"),
            ("Steuersatz:", "19 %"),
            ("Nettobetrag:", eu(net)),
            ("Steuerbetrag:", eu(ust)),
        ],
        95,
        8,
    )
    kv(
        p,
        44,
        y + 210,
        [
            ("Zahlungsart:", "SEPA-Überweisung (58)"),
            ("IBAN:", "DE44 1605 0000 1000 2231 84"),
            ("Fälligkeit:", "11.06.2026"),
            ("Verwendungszweck:", "RE-2026-04417"),
        ],
        95,
        8,
    )
    return Invoice(
        "b01-de-xrechnung-rendering",
        "pdf",
        p.done(),
        truth("Havelland Vermessung GmbH", "RE-2026-04417", "2026-05-12", total, ust, "EUR"),
    )


@invoice
def b02_no_peppol_bis_rendering() -> Invoice:
    p = Pdf()
    items = [
        ("Installasjon ladestasjon 22 kW", D(2), D("9850.00")),
        ("Kabel 5G16 (m)", D(38), D("214.00")),
        ("Arbeid elektriker (timer)", D("11.5"), D("895.00")),
    ]
    net = itot(items)
    vat = q(net * D("0.25"))
    total = net + vat
    p.t(40, 45, "INVOICE", 15, "mono-bold")
    p.t(40, 58, "Peppol BIS Billing 3.0 - human readable presentation", 7.5, "mono")
    kv(
        p,
        40,
        80,
        [
            ("Invoice number", "2026-1187"),
            ("Issue date", "2026-04-09"),
            ("Due date", "2026-04-23"),
            ("Invoice type code", "380"),
            ("Currency", "NOK"),
            ("Buyer reference", "Ola Hansen / 4410"),
            ("Order reference", "PO-77231"),
            (
                "Customization ID",
                "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
            ),
        ],
        120,
        7.5,
        "mono",
    )
    p.t(40, 190, "SELLER", 8, "mono-bold")
    lines(
        p,
        40,
        202,
        [
            "Fjordlys Elektro AS",
            "Endpoint ID: 0192:912345678",
            "Org.nr. NO 912 345 678 MVA",
            "Strandgaten 58, 5013 Bergen, NO",
        ],
        7.5,
        "mono",
    )
    p.t(310, 190, "BUYER", 8, "mono-bold")
    lines(
        p,
        310,
        202,
        [
            "Bergen Borettslag Solhaug",
            "Endpoint ID: 0192:987654321",
            "Org.nr. 987 654 321",
            "Solhaugveien 12, 5053 Bergen, NO",
        ],
        7.5,
        "mono",
    )
    rows = [["ID", "Item", "Qty", "Unit", "Price", "VAT", "Line net"]] + [
        [
            str(i),
            d,
            num(n, places=1 if n % 1 else 0),
            "H87" if i < 3 else "HUR",
            us(pr),
            "S 25%",
            us(q(n * pr)),
        ]
        for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(
        40,
        265,
        [(25, "l"), (180, "l"), (40, "r"), (35, "l"), (70, "r"), (50, "l"), (115, "r")],
        rows,
        7.5,
        14,
        header_fill=0.9,
        f="mono",
    )
    p.t(40, y + 25, "DOCUMENT TOTALS", 8, "mono-bold")
    totals(
        p,
        280,
        555,
        y + 40,
        [
            ("Sum of Invoice line net amount", us(net)),
            ("Invoice total amount without VAT", us(net)),
            ("Invoice total VAT amount", us(vat)),
            ("Invoice total amount with VAT", us(total)),
            ("Amount due for payment", us(total)),
        ],
        7.5,
        "mono",
        bold=(3,),
        step=12,
    )
    p.t(40, y + 120, "VAT BREAKDOWN", 8, "mono-bold")
    p.t(
        40,
        y + 133,
        f"Category S   Rate 25.00   Taxable amount {us(net)}   Tax amount {us(vat)}",
        7.5,
        "mono",
    )
    p.t(
        40,
        y + 160,
        "PAYMENT  Means: 30 Credit transfer  Account: 5201.44.18870  KID: 0011871187",
        7.5,
        "mono",
    )
    return Invoice(
        "b02-no-peppol-bis-rendering",
        "pdf",
        p.done(),
        truth("Fjordlys Elektro AS", "2026-1187", "2026-04-09", total, vat, "NOK"),
    )


@invoice
def b03_it_fatturapa_foglio_di_stile() -> Invoice:
    p = Pdf()
    items = [
        ("Stampa cataloghi 32 pp. 4/4 colori", D(1500), D("1.84")),
        ("Cellophanatura copertina opaca", D(1500), D("0.22")),
        ("Spese di trasporto", D(1), D("65.00")),
    ]
    net = itot(items)
    iva = q(net * D("0.22"))
    total = net + iva
    p.t(40, 40, "Versione FPR12", 7, "sans")
    p.box(40, 50, 250, 95)
    p.t(45, 62, "Cedente/prestatore (fornitore)", 8, "sans-bold")
    lines(
        p,
        45,
        76,
        [
            "Identificativo fiscale ai fini IVA: IT02938410164",
            "Codice fiscale: 02938410164",
            "Denominazione: Tipografia Brembana S.r.l.",
            "Regime fiscale: RF01 (ordinario)",
            "Indirizzo: Via Tasso 19",
            "Comune: Zogno (BG)  Cap: 24019  Nazione: IT",
        ],
        7,
    )
    p.box(305, 50, 250, 95)
    p.t(310, 62, "Cessionario/committente (cliente)", 8, "sans-bold")
    lines(
        p,
        310,
        76,
        [
            "Identificativo fiscale ai fini IVA: IT01187730165",
            "Denominazione: Agriturismo La Roncaglia S.S.",
            "Indirizzo: Via Roncaglia 4",
            "Comune: Sorisole (BG)  Cap: 24010  Nazione: IT",
            "Codice destinatario: M5UXCR1",
        ],
        7,
    )
    rows = [
        [
            "Tipologia documento",
            "Art. 73",
            "Numero documento",
            "Data documento",
            "Codice destinatario",
        ],
        ["TD01 fattura", "", "2026/118", "17-03-2026", "M5UXCR1"],
    ]
    y = p.grid(
        40,
        160,
        [(120, "l"), (50, "l"), (110, "l"), (110, "l"), (125, "l")],
        rows,
        7.5,
        14,
        header_fill=0.9,
    )
    rows = [
        [
            "Cod. articolo",
            "Descrizione",
            "Quantità",
            "Prezzo unitario",
            "UM",
            "%IVA",
            "Prezzo totale",
        ]
    ] + [
        [
            "",
            d,
            num(n, ".", ",", 2),
            num(pr, ".", ",", 6 if pr < 10 else 2),
            "pz" if n > 1 else "",
            "22,00",
            eu(q(n * pr)),
        ]
        for d, n, pr in items
    ]
    y = p.grid(
        40,
        y + 15,
        [(55, "l"), (175, "l"), (55, "r"), (70, "r"), (25, "l"), (40, "r"), (95, "r")],
        rows,
        7,
        14,
        header_fill=0.9,
    )
    p.t(40, y + 20, "RIEPILOGHI IVA E TOTALI", 8, "sans-bold")
    rows = [
        [
            "esigibilità iva / riferimenti normativi",
            "%IVA",
            "Spese accessorie",
            "Arr.",
            "Totale imponibile",
            "Totale imposta",
        ],
        ["I (esigibilità immediata)", "22,00", "", "", eu(net), eu(iva)],
    ]
    y = p.grid(
        40,
        y + 26,
        [(170, "l"), (45, "r"), (70, "r"), (35, "r"), (95, "r"), (100, "r")],
        rows,
        7,
        14,
        header_fill=0.9,
    )
    rows = [
        ["Importo bollo", "Sconto/Maggiorazione", "Arr.", "Totale documento"],
        ["", "", "", eu(total)],
    ]
    y = p.grid(
        40, y + 8, [(130, "l"), (130, "l"), (60, "l"), (195, "r")], rows, 7, 14, header_fill=0.9
    )
    rows = [
        ["Modalità pagamento", "IBAN", "Scadenze", "Importo"],
        ["MP05 bonifico", "IT60X0542811101000000123456", "16-04-2026", eu(total)],
    ]
    p.grid(40, y + 8, [(110, "l"), (200, "l"), (90, "l"), (115, "r")], rows, 7, 14, header_fill=0.9)
    return Invoice(
        "b03-it-fatturapa-foglio-di-stile",
        "pdf",
        p.done(),
        truth("Tipografia Brembana S.r.l.", "2026/118", "2026-03-17", total, iva, "EUR"),
    )


@invoice
def b04_es_ticketbai_factura() -> Invoice:
    p = Pdf()
    items = [
        ("Sustitución embrague + volante bimasa", D(1), D("1180.00")),
        ("Mano de obra (h)", D("6.5"), D("48.00")),
        ("Líquido de frenos DOT4 1 l", D(1), D("14.90")),
    ]
    net = itot(items)
    iva = q(net * D("0.21"))
    total = net + iva
    p.t(40, 50, "TALLERES URDAIBAI, S.L.", 14, "serif-bold")
    lines(
        p,
        40,
        66,
        [
            "NIF B95123456",
            "Polígono Landabaso, pab. 7",
            "48300 Gernika-Lumo (Bizkaia)",
            "Tel. 946 25 55 01",
        ],
        8.5,
        "serif",
    )
    p.t(555, 50, "FACTURA", 18, "serif-bold", "r")
    kv(
        p,
        380,
        72,
        [
            ("Serie y número:", "A/2026/0093"),
            ("Fecha de expedición:", "17/04/2026"),
            ("Fecha de operación:", "15/04/2026"),
            ("Matrícula:", "4471 KZB"),
        ],
        95,
        8.5,
        "serif",
    )
    p.box(40, 135, 260, 60)
    lines(
        p,
        46,
        148,
        [
            "Cliente:",
            "Itxaso Goikoetxea Arrieta",
            "NIF 30688412R",
            "Kale Nagusia 22, 2º  48360 Mundaka",
        ],
        8.5,
        "serif",
    )
    rows = [["Concepto", "Unid.", "Precio", "Importe"]] + [
        [d, num(n, ".", ",", 2), eu(pr), eu(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(
        40,
        215,
        [(300, "l"), (50, "r"), (80, "r"), (85, "r")],
        rows,
        8.5,
        16,
        header_fill=0.9,
        f="serif",
    )
    rows = [
        ["Base imponible", "Tipo IVA", "Cuota IVA", "Total factura"],
        [eu(net) + " €", "21 %", eu(iva) + " €", eu(total) + " €"],
    ]
    y = p.grid(
        240,
        y + 20,
        [(80, "r"), (55, "r"), (75, "r"), (105, "r")],
        rows,
        8.5,
        16,
        header_fill=0.9,
        f="serif",
    )
    p.box(40, y + 30, 80, 80, fill=0.95)
    p.t(80, y + 74, "[QR]", 9, "mono", "c")
    lines(
        p,
        130,
        y + 45,
        [
            "TicketBAI",
            "TBAI-B95123456-170426-cmFc5LjbVx2kp-093",
            "Factura verificable en la sede electrónica de la Diputación Foral de Bizkaia",
            "Forma de pago: tarjeta",
        ],
        8,
        "serif",
    )
    return Invoice(
        "b04-es-ticketbai-factura",
        "pdf",
        p.done(),
        truth("Talleres Urdaibai, S.L.", "A/2026/0093", "2026-04-17", total, iva, "EUR"),
    )


@invoice
def b05_fr_facturx_two_tva_rates() -> Invoice:
    p = Pdf()
    a = [
        ("Bière blonde fût 30 L", D(8), D("96.00")),
        ("Bière ambrée fût 20 L", D(4), D("74.50")),
        ("Consigne fût (non soumise)", D(12), D("0.00")),
    ]
    b = [("Jus de pomme artisanal 1 L (x12)", D(5), D("26.40"))]
    ht20 = itot(a)
    ht55 = itot(b)
    tva20 = q(ht20 * D("0.20"))
    tva55 = q(ht55 * D("0.055"))
    ht = ht20 + ht55
    tva = tva20 + tva55
    ttc = ht + tva
    p.t(40, 50, "Brasserie du Vercors SAS", 14, "sans-bold")
    lines(
        p,
        40,
        66,
        [
            "ZA Les Jarrands, 38250 Villard-de-Lans",
            "SIREN 851 204 377 – RCS Grenoble",
            "TVA intracom. FR 27 851204377",
        ],
        8,
    )
    p.t(555, 50, "FACTURE", 16, "sans-bold", "r")
    p.t(555, 64, "Factur-X EN 16931 — PDF/A-3 avec XML joint", 7, "sans", "r")
    kv(
        p,
        380,
        90,
        [
            ("N° de facture", "FX-2026-00231"),
            ("Date d'émission", "24/03/2026"),
            ("Date de livraison", "23/03/2026"),
            ("Échéance", "23/04/2026"),
            ("N° client", "C-0418"),
            ("Bon de commande", "BC 2026-77"),
        ],
        85,
        8,
    )
    lines(
        p,
        40,
        110,
        [
            "Adressé à :",
            "Le Chalet des Quatre Montagnes SARL",
            "12 avenue du Général de Gaulle",
            "38250 Villard-de-Lans",
            "SIRET 492 110 883 00027",
        ],
        8.5,
    )
    rows = (
        [["Désignation", "Qté", "PU HT", "TVA", "Total HT"]]
        + [[d, str(n), eu(pr), "20 %", eu(q(n * pr))] for d, n, pr in a]
        + [[d, str(n), eu(pr), "5,5 %", eu(q(n * pr))] for d, n, pr in b]
    )
    y = p.grid(
        40,
        200,
        [(250, "l"), (40, "r"), (70, "r"), (50, "r"), (105, "r")],
        rows,
        8.5,
        16,
        header_fill=0.9,
    )
    rows = [
        ["Taux", "Base HT", "Montant TVA"],
        ["20 %", eu(ht20), eu(tva20)],
        ["5,5 %", eu(ht55), eu(tva55)],
    ]
    p.grid(40, y + 20, [(60, "l"), (80, "r"), (80, "r")], rows, 8, 15, header_fill=0.9)
    totals(
        p,
        380,
        555,
        y + 32,
        [
            ("Total HT", eu(ht) + " €"),
            ("Total TVA", eu(tva) + " €"),
            ("Total TTC", eu(ttc) + " €"),
            ("Net à payer", eu(ttc) + " €"),
        ],
        9,
        bold=(2, 3),
        step=16,
    )
    lines(
        p,
        40,
        y + 120,
        [
            "Paiement par virement à 30 jours – IBAN FR76 3000 4025 1100 0112 2334 455",
            "Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.",
            "Pas d'escompte pour paiement anticipé.",
        ],
        7.5,
    )
    return Invoice(
        "b05-fr-facturx-two-tva-rates",
        "pdf",
        p.done(),
        truth("Brasserie du Vercors SAS", "FX-2026-00231", "2026-03-24", ttc, tva, "EUR"),
    )


@invoice
def b06_pl_ksef_visualisation() -> Invoice:
    p = Pdf()
    a = [
        ("Okno PCV 1465x1435 trzyszybowe", D(6), D("1240.00")),
        ("Parapet wewnętrzny 150 cm", D(6), D("118.00")),
    ]
    b = [("Montaż okien w lokalu mieszkalnym", D(6), D("260.00"))]
    n23 = itot(a)
    n8 = itot(b)
    v23 = q(n23 * D("0.23"))
    v8 = q(n8 * D("0.08"))
    net = n23 + n8
    vat = v23 + v8
    gross = net + vat
    p.t(40, 40, "Krajowy System e-Faktur", 7.5, "sans")
    p.t(40, 58, "Faktura VAT", 16, "sans-bold")
    kv(
        p,
        40,
        78,
        [
            ("Numer faktury:", "FV/2026/03/207"),
            ("Numer KSeF:", "5261040828-20260318-0A1B2C3D4E5F-7A"),
            ("Data wystawienia:", "2026-03-18"),
            ("Data dokonania dostawy:", "2026-03-16"),
            ("Miejsce wystawienia:", "Olsztyn"),
        ],
        115,
        8,
    )
    p.t(40, 150, "Sprzedawca", 9, "sans-bold")
    lines(
        p,
        40,
        163,
        [
            "NIP: 7393881204",
            "Nazwa: Mazurskie Okna Sp. z o.o.",
            "Adres: ul. Lubelska 44, 10-409 Olsztyn",
        ],
        8,
    )
    p.t(310, 150, "Nabywca", 9, "sans-bold")
    lines(
        p,
        310,
        163,
        [
            "NIP: 7392204417",
            "Nazwa: Wspólnota Mieszkaniowa Kętrzyńskiego 9",
            "Adres: ul. Kętrzyńskiego 9, 10-182 Olsztyn",
        ],
        8,
    )
    rows = (
        [
            [
                "Lp.",
                "Nazwa towaru lub usługi",
                "Ilość",
                "J.m.",
                "Cena netto",
                "Stawka",
                "Wartość netto",
            ]
        ]
        + [
            [str(i), d, str(n), "szt.", sp(pr), "23%", sp(q(n * pr))]
            for i, (d, n, pr) in enumerate(a, 1)
        ]
        + [["3", b[0][0], "6", "usł.", sp(b[0][2]), "8%", sp(n8)]]
    )
    y = p.grid(
        40,
        210,
        [(25, "l"), (205, "l"), (35, "r"), (35, "l"), (70, "r"), (45, "r"), (100, "r")],
        rows,
        7.5,
        15,
        header_fill=0.9,
    )
    p.t(40, y + 20, "Podsumowanie stawek podatku", 8.5, "sans-bold")
    rows = [
        ["Stawka podatku", "Kwota netto", "Kwota podatku", "Kwota brutto"],
        ["23%", sp(n23), sp(v23), sp(n23 + v23)],
        ["8%", sp(n8), sp(v8), sp(n8 + v8)],
        ["Razem", sp(net), sp(vat), sp(gross)],
    ]
    y = p.grid(
        200, y + 28, [(80, "l"), (90, "r"), (90, "r"), (95, "r")], rows, 8, 15, header_fill=0.9
    )
    p.t(40, y + 25, f"Kwota należności ogółem: {sp(gross)} PLN", 10, "sans-bold")
    kv(
        p,
        40,
        y + 50,
        [
            ("Termin płatności:", "2026-04-01"),
            ("Forma płatności:", "przelew"),
            ("Rachunek bankowy:", "PL61 1090 2590 0000 0001 4452 2271"),
        ],
        110,
        8,
    )
    p.t(40, y + 100, "Mechanizm podzielonej płatności nie dotyczy.", 7.5)
    return Invoice(
        "b06-pl-ksef-visualisation",
        "pdf",
        p.done(),
        truth("Mazurskie Okna Sp. z o.o.", "FV/2026/03/207", "2026-03-18", gross, vat, "PLN"),
    )


# ----------------------------------------------------------------------------- bills


@invoice
def c01_gb_mobile_bill_previous_balance() -> Invoice:
    p = Pdf()
    plan = D("22.50")
    extras = [("Roaming day pass EU (4 days)", D("8.00")), ("Extra 10GB data add-on", D("5.00"))]
    calls = [("Calls to 0870/0845 numbers (14 min)", D("2.17")), ("Premium SMS 60030", D("1.50"))]
    net = plan + sum((v for _, v in extras + calls), D(0))
    vat = q(net * D("0.20"))
    this_bill = net + vat
    prev = D("31.20")
    paid = D("31.20")
    owing_prev = D("14.80")
    to_pay = this_bill + owing_prev
    color_rect(p, 0, 0, 595, 70, (0.16, 0.1, 0.35))
    p.c.setFillColorRGB(1, 1, 1)
    p.t(40, 42, "skylark mobile", 20, "sans-bold")
    p.t(555, 42, "Your bill", 14, "sans", "r")
    p.c.setFillColorRGB(0, 0, 0)
    lines(p, 40, 95, ["Ms Harriet Oyelaran", "Flat 4, 19 Canning Street", "Liverpool L8 7NN"], 9)
    kv(
        p,
        340,
        95,
        [
            ("Account number", "7730 1182 4"),
            ("Bill number", "SKM-26-0418875"),
            ("Bill date", "18 April 2026"),
            ("Mobile number", "07700 900 418"),
            ("Billing period", "18 Mar - 17 Apr 2026"),
        ],
        100,
        8.5,
    )
    p.box(40, 170, 515, 90, fill=0.96)
    p.t(50, 188, "Your account summary", 10, "sans-bold")
    totals(
        p,
        50,
        540,
        206,
        [
            ("Previous bill", "£" + us(prev + owing_prev)),
            ("Payment received 01 Apr - thank you", "-£" + us(paid)),
            ("Balance brought forward", "£" + us(owing_prev)),
            ("This bill's charges (incl. VAT)", "£" + us(this_bill)),
        ],
        9,
        bold=(),
        step=13,
    )
    p.t(50, 275, "Total amount to pay by 02 May 2026 (Direct Debit)", 10, "sans-bold")
    p.t(540, 275, "£" + us(to_pay), 12, "sans-bold", "r")
    y = 310
    p.t(40, y, "1. Your plan", 10, "sans-bold")
    totals(
        p,
        50,
        540,
        y + 16,
        [("Unlimited mins & texts, 30GB (18 Mar - 17 Apr)", us(plan))],
        8.5,
        bold=(),
        step=13,
    )
    y += 45
    p.t(40, y, "2. Extras and add-ons", 10, "sans-bold")
    y = totals(p, 50, 540, y + 16, [(d, us(v)) for d, v in extras], 8.5, bold=(), step=13) + 12
    p.t(40, y, "3. Usage outside your allowance", 10, "sans-bold")
    y = totals(p, 50, 540, y + 16, [(d, us(v)) for d, v in calls], 8.5, bold=(), step=13) + 14
    p.line(40, y, 555, y, 0.5)
    totals(
        p,
        300,
        540,
        y + 18,
        [
            ("Total charges before VAT", "£" + us(net)),
            ("VAT at 20%", "£" + us(vat)),
            ("Total this bill", "£" + us(this_bill)),
        ],
        9,
        step=15,
    )
    p.t(
        40,
        790,
        "Skylark Mobile Ltd · 2 Brindley Place, Birmingham B1 2JB · VAT No GB 402 1187 60",
        7,
        "sans",
    )
    return Invoice(
        "c01-gb-mobile-bill-previous-balance",
        "pdf",
        p.done(),
        truth("Skylark Mobile Ltd", "SKM-26-0418875", "2026-04-18", this_bill, vat, "GBP"),
    )


@invoice
def c02_gb_insurance_premium_ipt() -> Invoice:
    p = Pdf()
    premium = D("1862.00")
    ipt = q(premium * D("0.12"))
    fee = D("45.00")
    total = premium + ipt + fee
    p.t(40, 50, "Harbourline Insurance Brokers Ltd", 13, "tim-bold")
    lines(
        p,
        40,
        66,
        [
            "Authorised and regulated by the Financial Conduct Authority, FRN 302118",
            "Quay House, 3 Harbour Parade, Southampton SO14 2AQ",
        ],
        8,
        "tim",
    )
    p.t(40, 115, "PREMIUM INVOICE / DEBIT NOTE", 13, "tim-bold")
    kv(
        p,
        40,
        140,
        [
            ("Invoice number", "HIB-D-558120"),
            ("Date of issue", "02/03/2026"),
            ("Client", "Solent Paddle Sports Ltd (client ref SOL0041)"),
            ("Policy", "Commercial Combined - Leisure"),
            ("Policy number", "CC/77104482/26"),
            ("Insurer", "Wessex Mutual Insurance plc"),
            ("Period of cover", "01/03/2026 to 28/02/2027"),
            ("Transaction", "Renewal"),
        ],
        110,
        9,
        "tim",
    )
    rows = [
        ["Description", "Amount £"],
        ["Annual premium", us(premium)],
        ["Insurance Premium Tax @ 12%", us(ipt)],
        ["Broker administration fee (not subject to IPT)", us(fee)],
        ["Total payable", us(total)],
    ]
    p.grid(40, 260, [(380, "l"), (135, "r")], rows, 9, 18, header_fill=0.9, f="tim")
    lines(
        p,
        40,
        380,
        [
            "Payment due by 16/03/2026. Cover may be cancelled if payment is not received.",
            "Insurance is exempt from VAT. Pay by bank transfer: Harbourline Client Account 20-41-12 / 55128803, ref HIB-D-558120.",
        ],
        8.5,
        "tim",
    )
    return Invoice(
        "c02-gb-insurance-premium-ipt",
        "pdf",
        p.done(),
        truth("Harbourline Insurance Brokers Ltd", "HIB-D-558120", "2026-03-02", total, ipt, "GBP"),
    )


@invoice
def c03_nl_huurfactuur() -> Invoice:
    p = Pdf()
    huur = D("3450.00")
    service = D("385.00")
    parkeren = D("240.00")
    net = huur + service + parkeren
    btw = q(net * D("0.21"))
    total = net + btw
    p.t(40, 55, "Vastgoed Spaarnestad B.V.", 14, "sans-bold")
    lines(p, 40, 72, ["Zijlweg 140", "2015 BJ Haarlem", "KvK 34112877 · btw NL819955404B01"], 8.5)
    lines(
        p,
        320,
        120,
        [
            "Aan:",
            "Dünenwerk Architecten V.O.F.",
            "T.a.v. de administratie",
            "Kenaupark 22",
            "2011 MT Haarlem",
        ],
        9,
    )
    p.t(40, 215, "FACTUUR", 16, "sans-bold")
    kv(
        p,
        40,
        240,
        [
            ("Factuurnummer", "HF-2026-0512"),
            ("Factuurdatum", "25-04-2026"),
            ("Huurdernummer", "HUR-0088"),
            ("Object", "Zijlweg 140, 2e verdieping, unit B"),
            ("Periode", "mei 2026"),
        ],
        110,
        9,
    )
    rows = [
        ["Omschrijving", "Bedrag excl. btw", "Btw %"],
        ["Kale huur kantoorruimte mei 2026", "€ " + eu(huur), "21%"],
        ["Voorschot servicekosten mei 2026", "€ " + eu(service), "21%"],
        ["Parkeerplaatsen (2) mei 2026", "€ " + eu(parkeren), "21%"],
    ]
    y = p.grid(40, 320, [(300, "l"), (140, "r"), (75, "r")], rows, 9, 18, header_fill=0.9)
    totals(
        p,
        320,
        555,
        y + 25,
        [
            ("Subtotaal", "€ " + eu(net)),
            ("Btw 21%", "€ " + eu(btw)),
            ("Te betalen", "€ " + eu(total)),
        ],
        9.5,
        step=17,
    )
    lines(
        p,
        40,
        y + 110,
        [
            "De huur is bij vooruitbetaling verschuldigd vóór 1 mei 2026.",
            "Opgeteld bij de huur: btw-belaste verhuur op grond van de gezamenlijke optie (art. 11 lid 1 sub b Wet OB).",
            "IBAN NL17 RABO 0312 4477 08 o.v.v. het factuurnummer.",
        ],
        8.5,
    )
    return Invoice(
        "c03-nl-huurfactuur",
        "pdf",
        p.done(),
        truth("Vastgoed Spaarnestad B.V.", "HF-2026-0512", "2026-04-25", total, btw, "EUR"),
    )


@invoice
def c04_de_tankstelle_beleg() -> Invoice:
    p = Pdf((226, 520))
    liters = D("48.37")
    price = D("1.849")
    fuel = q(liters * price)
    wash = D("12.90")
    gross = fuel + wash
    net = q(gross / D("1.19"))
    mwst = gross - net
    y = 30
    for s, size, f in [
        ("KASSELER BERG ENERGIE GMBH", 9, "mono-bold"),
        ("Autohof an der A7", 7.5, "mono"),
        ("Raststraße 2", 7.5, "mono"),
        ("34302 Guxhagen", 7.5, "mono"),
        ("St.-Nr. 026 243 11870", 7.5, "mono"),
    ]:
        p.t(113, y, s, size, f, "c")
        y += 11
    y += 8
    p.t(113, y, "Kassenbeleg / Rechnung", 8, "mono-bold", "c")
    y += 16

    def row(a: str, b: str, f: str = "mono") -> None:
        nonlocal y
        p.t(12, y, a, 7.5, f)
        p.t(214, y, b, 7.5, f, "r")
        y += 11

    row("Rechnungs-Nr.", "0187-260314-0042")
    row("Datum", "14.03.2026 17:42")
    row("Kasse 2  Bed. 07", "")
    y += 6
    row("Säule 05  Super E10", "")
    row(f"  {eu(liters)} l x {num(price, '.', ',', 3)} EUR/l", eu(fuel) + " A")
    row("Waschstraße Programm Gold", eu(wash) + " A")
    p.line(12, y - 4, 214, y - 4, 0.4, dash=True)
    y += 4
    row("SUMME EUR", eu(gross), "mono-bold")
    y += 4
    row("Girocard", eu(gross))
    y += 6
    row("Steuer   Netto     MwSt    Brutto", "")
    row(f"A 19%  {eu(net)}   {eu(mwst)}", eu(gross))
    y += 10
    for s in [
        "Terminal-ID 53011442  TA-Nr. 004418",
        "Vielen Dank und gute Fahrt!",
        "Bitte Beleg aufbewahren",
    ]:
        p.t(113, y, s, 7, "mono", "c")
        y += 10
    return Invoice(
        "c04-de-tankstelle-beleg",
        "pdf",
        p.done(),
        truth("Kasseler Berg Energie GmbH", "0187-260314-0042", "2026-03-14", gross, mwst, "EUR"),
    )


@invoice
def c05_gb_travel_agency_taxes_not_vat() -> Invoice:
    p = Pdf()
    fares = [("Air fare LHR-YYZ-LHR, 2 adults, economy", D("1284.00"))]
    charges = [
        ("Air passenger duty (pass-through)", D("174.00")),
        ("Airport & security charges (pass-through)", D("211.38")),
        ("Carrier-imposed surcharge", D("320.00")),
    ]
    fee = D("60.00")
    vat = q(fee * D("0.20"))
    total = sum((v for _, v in fares + charges), D(0)) + fee + vat
    p.t(40, 50, "Meridian Voyages Ltd", 15, "serif-bold")
    lines(
        p,
        40,
        67,
        [
            "Independent travel agent · ABTA P7741 · ATOL 11802",
            "6 Market Hill, Cambridge CB2 3NJ · VAT No. GB 266 0418 93",
        ],
        8,
        "serif",
    )
    p.t(555, 50, "INVOICE", 15, "serif-bold", "r")
    kv(
        p,
        380,
        75,
        [
            ("Invoice no.", "MV-26-01944"),
            ("Invoice date", "05.02.2026"),
            ("Booking ref.", "QZ7K4P"),
            ("Departure", "12.05.2026"),
        ],
        85,
        8.5,
        "serif",
    )
    lines(
        p,
        40,
        130,
        [
            "Lead passenger: Mr Tobias Ainsworth",
            "Passengers: T. Ainsworth, E. Ainsworth",
            "Itinerary: AC 869 LHR-YYZ 12 May / AC 868 YYZ-LHR 26 May",
        ],
        8.5,
        "serif",
    )
    rows = (
        [["Description", "Amount GBP"]]
        + [[d, us(v)] for d, v in fares + charges]
        + [["Agency service fee", us(fee)], ["VAT @ 20% on agency service fee", us(vat)]]
    )
    y = p.grid(40, 190, [(400, "l"), (115, "r")], rows, 8.5, 17, header_fill=0.9, f="serif")
    totals(
        p,
        300,
        551,
        y + 20,
        [
            ("Invoice total", "£" + us(total)),
            ("Paid by card 05.02.2026", "-£" + us(total)),
            ("Balance", "£0.00"),
        ],
        9.5,
        "serif",
        bold=(0,),
        step=16,
    )
    lines(
        p,
        40,
        y + 90,
        [
            "Air fares, duties and airport charges are collected on behalf of the carrier and are outside the scope of UK VAT",
            "(Tour Operators' Margin Scheme does not apply: flight-only booking). Only the agency service fee carries VAT.",
        ],
        7.5,
        "serif",
    )
    return Invoice(
        "c05-gb-travel-agency-taxes-not-vat",
        "pdf",
        p.done(),
        truth("Meridian Voyages Ltd", "MV-26-01944", "2026-02-05", total, vat, "GBP", "paid"),
    )


@invoice
def c06_ie_clinic_vat_exempt_insurer_paid() -> Invoice:
    p = Pdf()
    items = [
        ("Consultant fee - Mr R. Fitzgerald, orthopaedics", D("350.00")),
        ("Theatre fee - day case arthroscopy", D("1420.00")),
        ("Day ward bed", D("480.00")),
        ("Pharmacy & dressings", D("86.40")),
        ("Radiology - MRI knee (pre-op)", D("295.00")),
    ]
    total = sum((v for _, v in items), D(0))
    insurer = D("2210.00")
    p.t(40, 50, "Kilbride Day Surgery Clinic", 15, "sans-bold")
    lines(
        p,
        40,
        66,
        [
            "Kilbride Road, Bray, Co. Wicklow A98 X2F4",
            "Tel +353 1 555 0192 · accounts@kilbride-clinic.example",
        ],
        8,
    )
    p.t(555, 50, "PATIENT INVOICE", 13, "sans-bold", "r")
    kv(
        p,
        340,
        80,
        [
            ("Invoice No", "KDS-INV-30917"),
            ("Invoice Date", "9 March 2026"),
            ("Patient", "Ms Niamh Gallagher"),
            ("Hospital No", "MRN 0441872"),
            ("Admission", "06/03/2026 (day case)"),
            ("Insurer / policy", "Laya Health 88421107"),
        ],
        95,
        8.5,
    )
    rows = [["Service", "Amount (€)"]] + [[d, us(v)] for d, v in items]
    y = p.grid(40, 190, [(400, "l"), (115, "r")], rows, 8.5, 17, header_fill=0.9)
    y = totals(
        p,
        300,
        551,
        y + 20,
        [
            ("Subtotal", us(total)),
            ("VAT (medical services, exempt)", "0.00"),
            ("Invoice total", "€" + us(total)),
        ],
        9,
        bold=(2,),
        step=16,
    )
    totals(
        p,
        300,
        551,
        y + 12,
        [
            ("Paid by insurer (direct settlement)", "-" + us(insurer)),
            ("Patient balance due", "€" + us(total - insurer)),
        ],
        9,
        bold=(1,),
        step=16,
    )
    p.t(
        40,
        y + 70,
        "The patient balance is the policy excess and shortfall. Payment due within 30 days.",
        8,
    )
    return Invoice(
        "c06-ie-clinic-vat-exempt-insurer-paid",
        "pdf",
        p.done(),
        truth("Kilbride Day Surgery Clinic", "KDS-INV-30917", "2026-03-09", total, "0.00", "EUR"),
    )


@invoice
def c07_be_customs_broker_disbursements() -> Invoice:
    p = Pdf()
    services = [
        ("Customs clearance import (IM4 declaration)", D("85.00")),
        ("T1 transit discharge", D("35.00")),
        ("Delivery Antwerp port - Mechelen, 1 x 20' DV", D("410.00")),
    ]
    disb = [
        ("Import duty paid on your behalf (TARIC 6403 99, 8%)", D("1186.72")),
        ("Terminal handling charge MPET (disbursement)", D("265.00")),
    ]
    svc = sum((v for _, v in services), D(0))
    vat = q(svc * D("0.21"))
    dsum = sum((v for _, v in disb), D(0))
    total = svc + vat + dsum
    p.t(40, 50, "Scheldekaai Customs & Forwarding NV", 13, "sans-bold")
    lines(
        p,
        40,
        66,
        [
            "Noorderlaan 133, 2030 Antwerpen, Belgium",
            "VAT BE 0458.221.903 · EORI BE0458221903 · AEO-F BEAEOF000218",
        ],
        8,
    )
    p.t(555, 50, "INVOICE", 15, "sans-bold", "r")
    kv(
        p,
        330,
        90,
        [
            ("Invoice number", "SCF/26/08812"),
            ("Invoice date", "2026-04-27"),
            ("Our file", "IMP-26-04471"),
            ("B/L", "MEDUAN448120"),
            ("Container", "MSCU 448812-0"),
            ("MRN", "26BE000112447Z1R8"),
            ("Customer no.", "D-2201"),
        ],
        95,
        8,
    )
    lines(
        p,
        40,
        100,
        [
            "Bill to:",
            "Stappaert Schoenen BV",
            "Industriezone Zuid 12",
            "2800 Mechelen",
            "VAT BE 0677.402.118",
        ],
        8.5,
    )
    p.t(40, 200, "A. Services (subject to VAT)", 9.5, "sans-bold")
    y = totals(p, 50, 551, 218, [(d, us(v)) for d, v in services], 8.5, bold=(), step=14)
    y = totals(
        p,
        300,
        551,
        y + 6,
        [("Subtotal services", us(svc)), ("VAT 21% on services", us(vat))],
        8.5,
        bold=(),
        step=14,
    )
    p.t(
        40,
        y + 16,
        "B. Disbursements (outside the scope of VAT, paid on your behalf)",
        9.5,
        "sans-bold",
    )
    y = totals(p, 50, 551, y + 34, [(d, us(v)) for d, v in disb], 8.5, bold=(), step=14)
    y = totals(p, 300, 551, y + 6, [("Subtotal disbursements", us(dsum))], 8.5, bold=(), step=14)
    p.line(300, y + 4, 555, y + 4, 1)
    totals(p, 300, 551, y + 20, [("TOTAL EUR", us(total))], 10.5, step=14)
    lines(
        p,
        40,
        y + 60,
        [
            "Payable upon receipt. Duties were advanced on our deferment account and are due immediately.",
            "KBC IBAN BE68 4140 2211 0934 · BIC KREDBEBB · Our general conditions (CEB 2005) apply.",
        ],
        7.5,
    )
    return Invoice(
        "c07-be-customs-broker-disbursements",
        "pdf",
        p.done(),
        truth(
            "Scheldekaai Customs & Forwarding NV", "SCF/26/08812", "2026-04-27", total, vat, "EUR"
        ),
    )


@invoice
def c08_us_saas_annual_proration_credit() -> Invoice:
    p = Pdf(LETTER)
    plan = D("4800.00")
    unused = D("-1133.15")
    seats = D("612.50")
    promo = D("-240.00")
    sub = plan + unused + seats + promo
    tax = q(sub * D("0.1025"))
    total = sub + tax
    credit = D("150.00")
    p.t(50, 55, "Lanternfish Analytics, Inc.", 13, "sans-bold")
    lines(
        p,
        50,
        70,
        ["1201 Western Ave, Suite 900", "Seattle, WA 98101", "billing@lanternfish.example"],
        8.5,
    )
    p.t(50, 125, "Invoice", 20, "sans-bold")
    kv(
        p,
        50,
        150,
        [
            ("Invoice number", "LF-3B7A-0042"),
            ("Invoice date", "April 30, 2026"),
            ("Payment due", "May 30, 2026"),
            ("Account ID", "ACCT-8812"),
        ],
        95,
        8.5,
    )
    lines(
        p,
        330,
        150,
        ["Bill to", "Tidewater Logistics LLC", "88 Marginal Way", "Portland, ME 04101"],
        8.5,
    )
    y = 225
    for x, h, a in [
        (50, "Description", "l"),
        (400, "Qty", "r"),
        (480, "Unit price", "r"),
        (562, "Amount", "r"),
    ]:
        p.t(x, y, h, 8, "sans-bold", a)
    p.line(50, y + 5, 562, y + 5, 0.6)
    rows = [
        ("Business plan (annual), Apr 30, 2026 - Apr 30, 2027", "20", "$240.00", plan),
        ("Unused time on Team plan (monthly) after Apr 30, 2026", "", "", unused),
        ("Remaining time on 5 added seats (prorated, Apr 30 - Apr 30)", "5", "$122.50", seats),
        ("Promotion ANNUAL5 (5% off)", "", "", promo),
    ]
    y += 22
    for d, n, pr, amt in rows:
        p.t(50, y, d, 8.5)
        p.t(400, y, n, 8.5, "sans", "r")
        p.t(480, y, pr, 8.5, "sans", "r")
        p.t(562, y, ("-$" + us(-amt)) if amt < 0 else "$" + us(amt), 8.5, "sans", "r")
        y += 20
    p.line(330, y, 562, y, 0.4)
    totals(
        p,
        330,
        562,
        y + 18,
        [
            ("Subtotal", "$" + us(sub)),
            ("Sales tax - Washington (10.25%)", "$" + us(tax)),
            ("Total", "$" + us(total)),
            ("Credit balance applied", "-$" + us(credit)),
            ("Balance due", "$" + us(total - credit) + " USD"),
        ],
        9,
        bold=(2, 4),
        step=17,
    )
    p.t(
        50,
        y + 130,
        "Credit balance: account credit from a service-level credit issued March 2026.",
        8,
    )
    return Invoice(
        "c08-us-saas-annual-proration-credit",
        "pdf",
        p.done(),
        truth("Lanternfish Analytics, Inc.", "LF-3B7A-0042", "2026-04-30", total, tax, "USD"),
    )


@invoice
def c09_us_ltl_freight_bill() -> Invoice:
    p = Pdf(LETTER)
    base = D("742.00")
    disc = D("-445.20")
    fsc = q((base + disc) * D("0.318"))
    acc = [
        ("Liftgate delivery", D("95.00")),
        ("Residential delivery", D("110.00")),
        ("Appointment notification", D("25.00")),
    ]
    total = base + disc + fsc + sum((v for _, v in acc), D(0))
    p.t(50, 50, "PRAIRIE LINE FREIGHT, INC.", 14, "narrow-bold")
    lines(
        p,
        50,
        66,
        ["LTL Carrier · USDOT 2210447 · MC 771802", "PO Box 4410, Omaha NE 68104 · (402) 555-0177"],
        8,
        "narrow",
    )
    p.t(562, 50, "FREIGHT BILL / INVOICE", 12, "narrow-bold", "r")
    cells = [
        ("PRO NUMBER", "4417-220918"),
        ("INVOICE NO.", "PLF-INV-883041"),
        ("INVOICE DATE", "03/27/2026"),
        ("BOL #", "BOL-55102"),
        ("PICKUP DATE", "03/23/2026"),
        ("SHIPPER REF", "SO-20931"),
        ("TERMS", "NET 30"),
        ("ACCOUNT", "118204"),
    ]
    for i, (lab, val) in enumerate(cells):
        x = 50 + (i % 4) * 128
        yy = 90 + (i // 4) * 28
        p.box(x, yy, 128, 28)
        p.t(x + 4, yy + 10, lab, 6.5, "narrow")
        p.t(x + 4, yy + 22, val, 9, "narrow-bold")
    lines(
        p,
        50,
        170,
        ["SHIPPER", "Heartland Pottery Works", "1400 N 16th St", "Lincoln NE 68508"],
        8.5,
        "narrow",
    )
    lines(
        p,
        230,
        170,
        ["CONSIGNEE", "Dana Whitcomb", "2291 Aspen Ct", "Boulder CO 80304"],
        8.5,
        "narrow",
    )
    lines(
        p,
        410,
        170,
        ["BILL TO (THIRD PARTY)", "Heartland Pottery Works", "Attn: Shipping", "Lincoln NE 68508"],
        8.5,
        "narrow",
    )
    rows = [
        ["PCS", "DESCRIPTION", "CLASS", "WEIGHT LB", "RATE", "CHARGES"],
        ["3 PLT", "CERAMIC TABLEWARE, BOXED", "85", "1,180", "62.88", us(base)],
        ["", "DISCOUNT 60%", "", "", "", us(disc)],
        ["", "FUEL SURCHARGE 31.8%", "", "", "", us(fsc)],
    ] + [["", d.upper(), "", "", "", us(v)] for d, v in acc]
    y = p.grid(
        50,
        240,
        [(45, "l"), (210, "l"), (45, "r"), (70, "r"), (60, "r"), (82, "r")],
        rows,
        8,
        15,
        header_fill=0.85,
        f="narrow",
    )
    p.box(380, y + 15, 182, 26, fill=0.92)
    p.t(386, y + 32, "TOTAL CHARGES", 10, "narrow-bold")
    p.t(556, y + 32, "$" + us(total), 11, "narrow-bold", "r")
    p.t(
        50,
        y + 70,
        "Remit to PO Box 4410, Omaha NE 68104. Reference PRO number with payment. Claims must be filed within 9 months.",
        7.5,
        "narrow",
    )
    return Invoice(
        "c09-us-ltl-freight-bill",
        "pdf",
        p.done(),
        truth("Prairie Line Freight, Inc.", "PLF-INV-883041", "2026-03-27", total, None, "USD"),
    )


# ----------------------------------------------------------------------------- scans and copies


@invoice
def s01_us_hvac_supply_fax_header() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("ECM blower motor 1/2 HP 120V", D(2), D("286.40")),
        ("Capacitor 45/5 MFD 440V", D(10), D("14.85")),
        ("R-410A refrigerant 25 lb", D(1), D("389.00")),
    ]
    sub = itot(items)
    tax = q(sub * D("0.07"))
    total = sub + tax
    p.t(50, 70, "Ridgeback HVAC Supply", 20, "sans-bold")
    lines(
        p,
        50,
        90,
        ["3310 Commerce Blvd, Knoxville TN 37917", "Phone 865-555-0129   Fax 865-555-0130"],
        10,
    )
    p.t(562, 70, "INVOICE", 20, "sans-bold", "r")
    kv(
        p,
        380,
        110,
        [
            ("Invoice #:", "RB-118405"),
            ("Date:", "05/04/2026"),
            ("Account:", "C-2231"),
            ("Terms:", "Net 10th"),
        ],
        80,
        10.5,
        step=15,
    )
    lines(
        p,
        50,
        135,
        ["Sold to:", "Volunteer Comfort Heating & Air", "812 Rutledge Pike", "Knoxville TN 37915"],
        10.5,
        step=14,
    )
    rows = [["Description", "Qty", "Price", "Ext."]] + [
        [d, str(n), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(50, 215, [(270, "l"), (50, "r"), (90, "r"), (102, "r")], rows, 10.5, 20)
    totals(
        p,
        370,
        558,
        y + 25,
        [("Merchandise", us(sub)), ("Sales Tax 7%", us(tax)), ("Invoice Total", "$" + us(total))],
        11,
        step=18,
    )
    p.t(50, y + 110, "Counter pickup by J. Ruiz. Returns within 30 days with this invoice.", 9.5)
    header = (
        "MAY-04-2026 15:12  FROM: RIDGEBACK HVAC 8655550130      TO: 18655550188      P.001/001"
    )
    return Invoice(
        "s01-us-hvac-supply-fax-header",
        "png",
        fax_scan(p.done(), header, 501),
        truth("Ridgeback HVAC Supply", "RB-118405", "2026-05-04", total, tax, "USD"),
    )


@invoice
def s02_nz_print_shop_coffee_stain() -> Invoice:
    p = Pdf()
    items = [
        ("A2 posters, 170gsm silk (x40)", D(1), D("236.00")),
        ("Foamboard mounting A1", D(6), D("28.50")),
        ("Design adjustments (hr)", D("1.5"), D("85.00")),
    ]
    sub = itot(items)
    gst = q(sub * D("0.15"))
    total = sub + gst
    p.t(45, 65, "Kowhai Print & Copy Ltd", 18, "serif-bold")
    lines(p, 45, 84, ["27 Victoria Street, Hamilton 3204", "GST No. 118-442-907"], 10, "serif")
    p.t(550, 65, "TAX INVOICE", 16, "serif-bold", "r")
    kv(
        p,
        360,
        110,
        [("Invoice No", "KP-7716"), ("Date", "19/03/2026"), ("Customer", "Waikato Jazz Society")],
        85,
        10.5,
        "serif",
        step=15,
    )
    rows = [["Description", "Qty", "Unit", "Amount"]] + [
        [d, num(n, places=1) if n % 1 else str(n), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(45, 200, [(275, "l"), (45, "r"), (80, "r"), (105, "r")], rows, 10.5, 20, f="serif")
    totals(
        p,
        340,
        546,
        y + 25,
        [("Subtotal (excl. GST)", us(sub)), ("GST 15%", us(gst)), ("Total NZD", us(total))],
        11,
        "serif",
        step=18,
    )
    p.t(45, y + 110, "Due on the 20th of the month following invoice.", 10, "serif")
    return Invoice(
        "s02-nz-print-shop-coffee-stain",
        "jpg",
        coffee_stain(p.done(), (0.22, 0.80), 502),
        truth("Kowhai Print & Copy Ltd", "KP-7716", "2026-03-19", total, gst, "NZD"),
    )


@invoice
def s03_ca_ab_plumber_folded_letter() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Hot water tank 50 gal, power vent, supply", D(1), D("2140.00")),
        ("Labour, 2 plumbers x 4.5 h", D(9), D("118.00")),
        ("Disposal of old tank", D(1), D("60.00")),
    ]
    sub = itot(items)
    gst = q(sub * D("0.05"))
    total = sub + gst
    p.t(50, 70, "Tamarack Plumbing & Heating Ltd.", 18, "lib-bold")
    lines(
        p, 50, 90, ["10442 82 Ave NW, Edmonton AB T6E 2A2", "GST Reg. 80412 7719 RT0001"], 10, "lib"
    )
    p.t(562, 130, "INVOICE", 18, "lib-bold", "r")
    kv(
        p,
        390,
        150,
        [("Invoice No.", "TPH-22087"), ("Date", "2026-02-11"), ("Job", "Fernandes residence")],
        80,
        10.5,
        "lib",
        step=15,
    )
    lines(
        p,
        50,
        150,
        ["Bill to:", "Paulo Fernandes", "7720 Saskatchewan Dr NW", "Edmonton AB T6G 2L3"],
        10.5,
        "lib",
        14,
    )
    rows = [["Description", "Qty", "Rate", "Amount"]] + [
        [d, str(n), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(50, 290, [(275, "l"), (50, "r"), (85, "r"), (102, "r")], rows, 10.5, 21, f="lib")
    totals(
        p,
        370,
        558,
        y + 22,
        [("Subtotal", us(sub)), ("GST 5%", us(gst)), ("Total CAD", "$" + us(total))],
        11,
        "lib",
        step=18,
    )
    p.t(
        50,
        y + 110,
        "Payment by e-transfer to accounts@tamarackplumbing.example. Thank you!",
        9.5,
        "lib",
    )
    return Invoice(
        "s03-ca-ab-plumber-folded-letter",
        "jpg",
        folded(p.done(), (0.34, 0.69), 503),
        truth("Tamarack Plumbing & Heating Ltd.", "TPH-22087", "2026-02-11", total, gst, "CAD"),
    )


@invoice
def s04_gb_chimney_sweep_paid_stamp() -> Invoice:
    p = Pdf()
    items = [
        ("Chimney sweep, multi-fuel stove", D("75.00")),
        ("Bird guard cowl supplied and fitted", D("95.00")),
        ("Smoke draw test & certificate", D("20.00")),
    ]
    total = sum((v for _, v in items), D(0))
    p.t(45, 70, "Wrenfield Chimney Sweeps", 19, "tim-bold")
    lines(
        p,
        45,
        90,
        ["Gareth Pryce, 4 Mill Lane, Wrenfield, Shropshire SY4 2DE", "07700 900 712"],
        10.5,
        "tim",
    )
    p.t(45, 140, "INVOICE", 16, "tim-bold")
    kv(
        p,
        45,
        165,
        [
            ("Invoice no:", "WCS-0388"),
            ("Date:", "14 October 2025"),
            ("Customer:", "Mrs A. Whitlock, The Old Forge, Baschurch"),
        ],
        85,
        11,
        "tim",
        step=16,
    )
    rows = [["Work carried out", "£"]] + [[d, us(v)] for d, v in items]
    y = p.grid(45, 240, [(390, "l"), (115, "r")], rows, 11, 21, f="tim")
    totals(p, 300, 546, y + 25, [("Total", "£" + us(total))], 12, "tim", step=18)
    p.t(
        45,
        y + 70,
        "Not VAT registered. Cash or bank transfer (sort code 30-12-80, acc 44019277).",
        10,
        "tim",
    )
    return Invoice(
        "s04-gb-chimney-sweep-paid-stamp",
        "png",
        paid_stamp(p.done(), (0.5, 0.5), 8),
        truth("Wrenfield Chimney Sweeps", "WCS-0388", "2025-10-14", total, None, "GBP", "paid"),
    )


@invoice
def s05_cz_faktura_low_contrast() -> Invoice:
    p = Pdf()
    items = [
        ("Servis kotle Vaillant, roční prohlídka", D(1), D("1850.00")),
        ("Výměna expanzní nádoby 12 l", D(1), D("2340.00")),
        ("Doprava Brno a okolí", D(1), D("390.00")),
    ]
    net = itot(items)
    dph = q(net * D("0.21"))
    total = net + dph
    p.t(45, 65, "Pazdera Servis s.r.o.", 18, "sans-bold")
    lines(p, 45, 84, ["Křenová 61, 602 00 Brno", "IČO: 04417820   DIČ: CZ04417820"], 10)
    p.t(550, 65, "FAKTURA – DAŇOVÝ DOKLAD", 13, "sans-bold", "r")
    kv(
        p,
        330,
        110,
        [
            ("Číslo faktury:", "2026-0147"),
            ("Datum vystavení:", "11.03.2026"),
            ("DUZP:", "11.03.2026"),
            ("Datum splatnosti:", "25.03.2026"),
            ("Variabilní symbol:", "20260147"),
        ],
        110,
        10,
        step=15,
    )
    lines(
        p,
        45,
        120,
        [
            "Odběratel:",
            "Společenství vlastníků Údolní 18",
            "Údolní 18, 602 00 Brno",
            "IČO: 26220441",
        ],
        10,
        step=14,
    )
    rows = [["Položka", "Množství", "Cena bez DPH", "DPH", "Celkem bez DPH"]] + [
        [d, "1 ks", sp(pr), "21 %", sp(pr)] for d, _, pr in items
    ]
    y = p.grid(45, 225, [(215, "l"), (55, "r"), (85, "r"), (45, "r"), (105, "r")], rows, 9.5, 20)
    totals(
        p,
        320,
        546,
        y + 25,
        [
            ("Základ daně 21 %", sp(net) + " Kč"),
            ("DPH 21 %", sp(dph) + " Kč"),
            ("Celkem k úhradě", sp(total) + " Kč"),
        ],
        11,
        step=18,
    )
    p.t(
        45,
        y + 100,
        "Bankovní spojení: 2801447720/2010 (Fio banka). Společnost je zapsána u KS v Brně, C 90121.",
        9,
    )
    return Invoice(
        "s05-cz-faktura-low-contrast",
        "jpg",
        low_contrast(p.done()),
        truth("Pazdera Servis s.r.o.", "2026-0147", "2026-03-11", total, dph, "CZK"),
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
