# ruff: noqa: E501  (invoice text reads better unwrapped)
"""A fifth blind batch of real-world-style invoices, written without looking at the extractor.

`uv run python eval/blind4/generate.py` writes eval/blind4/invoices/<key>.pdf|jpg|png|tif|txt
and <key>.json (truth, same format as the other sets). Written blind: nothing under
worker/docflow_worker/extraction/ or worker/tests/extraction/ was read, and the extractor was
run on this set once, only after it was complete (eval/blind4/MEASURED_BLIND.txt).

Styles that none of eval/holdout, eval/blind2 and eval/blind3 has:
- phone photos (Pillow, from a rendered page): keystone/perspective distortion, 1-3 degree
  rotation, a brightness gradient and vignette, mild blur and sensor noise, a dark table
  around the paper, JPEG compression (eight .jpg, one .png), plus one two-page greyscale scan
  saved as a two-frame TIFF whose totals are on page 2;
- multi-page PDFs (2-4 pages) with the header repeated on every page and the totals only on
  the last page ("Continued on next page", "Page 2 of 3");
- labels above values in a grid of boxes (US and French form-like invoices);
- non-Latin scripts with DejaVu: a Russian счёт (НДС included, "Итого", "В том числе НДС"),
  a Ukrainian рахунок (ПДВ), a Bulgarian фактура in euro (ДДС), a Vietnamese hóa đơn GTGT
  (VND without decimals); a Korean 거래명세서/세금계산서 as plain text (no CJK font here);
- a Turkish e-Arşiv fatura with two KDV rates and an ETTN, a Danish B2C faktura whose
  prices include moms ("heraf moms"), a Brazilian NFS-e (R$, ISS), a Mexican CFDI 4.0 print
  with a discount line, a Slovenian račun (DDV);
- taxes: Irish VAT at 23 % and 13.5 % and UK VAT at 20 % and 5 % (two tax lines, tax = sum),
  US sales tax on taxable lines only;
- balances: an invoice whose "Amount due" includes a previous balance carried forward, a
  utility statement with a meter-reading table and a previous bill paid, a subscription
  invoice discounted to 0.00, a credit memo and a discount written in parentheses;
- a vendor known only from a letter-spaced logo header ("N O R T H W I N D").
A self-billing / remittance advice (not an invoice) was left out: the truth conventions do not
say how to label a document that is not an invoice.

Truth conventions are eval/holdout/generate.py's: total = the invoice's gross total as printed
before any payment, previous balance or deduction that follows it; a credit note's total is
negative; tax = sum of the printed tax lines, "0.00" for a printed zero tax line, null when no
tax amount is printed; status only when the document prints one (paid / due / unpaid /
overdue); currency = ISO 4217 code, printed or unambiguously implied by a symbol plus the
country (R$ in Brazil, $ in Mexico with "M.N.", kr. in Denmark); dates ISO.
"""

from __future__ import annotations

import io
import json
import math
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
    font,
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


def spaced(p: Pdf, x: float, y: float, s: str, size: float, f: str, gap: float) -> None:
    """A logo-like header: letters drawn with extra character spacing."""
    text = p.c.beginText()
    text.setTextOrigin(x, p.h - y)
    text.setFont(font(f), size)
    text.setCharSpace(gap)
    text.textOut(s)
    p.c.drawText(text)


def pages_of(pdf: bytes, dpi: int) -> list:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination (8x8) for the perspective coefficients: no numpy here."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    return [m[i][n] / m[i][i] for i in range(n)]


def _coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """PIL PERSPECTIVE coefficients mapping output (dst) points to input (src) points."""
    a, b = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return _solve(a, b)


def photo(
    pdf: bytes,
    seed: int,
    angle: float,
    keystone: float = 0.03,
    light: float = 0.7,
    blur: float = 0.8,
    quality: int = 70,
    fmt: str = "JPEG",
    dpi: int = 220,
) -> bytes:
    """Page 1 as a phone photo: paper on a dark table, keystone, tilt, light falloff, blur, JPEG."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    rng = random.Random(seed)
    page = pages_of(pdf, dpi)[0]
    # warm, slightly grey paper
    page = ImageChops.multiply(page, Image.new("RGB", page.size, (246, 241, 230)))
    w, h = page.size
    margin = int(0.09 * w)
    cw, ch_ = w + 2 * margin, h + 2 * margin
    # the quadrilateral the paper lands on: narrower at the top (camera tilted back)
    k = keystone * w
    quad = [
        (margin + k + rng.uniform(-8, 8), margin + rng.uniform(-8, 8)),
        (margin + w - k + rng.uniform(-8, 8), margin + rng.uniform(-8, 8)),
        (margin + w + rng.uniform(-8, 8), margin + h + rng.uniform(-8, 8)),
        (margin + rng.uniform(-8, 8), margin + h + rng.uniform(-8, 8)),
    ]
    cx, cy = cw / 2, ch_ / 2
    rad = math.radians(angle)
    quad = [
        (
            cx + (x - cx) * math.cos(rad) - (y - cy) * math.sin(rad),
            cy + (x - cx) * math.sin(rad) + (y - cy) * math.cos(rad),
        )
        for x, y in quad
    ]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    rgba = page.convert("RGBA")
    warped = rgba.transform(
        (cw, ch_), Image.Transform.PERSPECTIVE, _coeffs(quad, src), Image.Resampling.BICUBIC
    )
    table = Image.new("RGB", (cw, ch_), (58, 47, 40))
    grain = Image.effect_noise((cw // 4, ch_ // 4), 18).resize((cw, ch_)).convert("RGB")
    table = ImageChops.add(table, grain, scale=2.2, offset=-55)
    table.paste(warped, (0, 0), warped)
    # light falloff: brightest at one corner, darker towards the opposite one, plus a vignette
    shade = Image.new("L", (64, 64))
    draw = ImageDraw.Draw(shade)
    lx, ly = rng.choice([(0, 0), (64, 0), (0, 20), (64, 20)])
    for yy in range(64):
        for xx in range(64):
            d = math.hypot(xx - lx, yy - ly) / 90
            draw.point((xx, yy), int(255 * max(light, 1 - (1 - light) * d * 1.3)))
    shade = shade.resize((cw, ch_), Image.Resampling.BICUBIC).convert("RGB")
    img = ImageChops.multiply(table, shade)
    img = img.filter(ImageFilter.GaussianBlur(blur))
    noise = Image.effect_noise((cw, ch_), 10).convert("RGB")
    img = Image.blend(img, ImageChops.multiply(img, noise.point(lambda v: min(255, v + 120))), 0.25)
    out = io.BytesIO()
    if fmt == "JPEG":
        img.save(out, format="JPEG", quality=quality, dpi=(dpi, dpi))
    else:
        img.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def two_page_scan(pdf: bytes, seed: int, angles: tuple[float, float]) -> bytes:
    """A greyscale flatbed scan of a 2-page PDF as a two-frame LZW TIFF (uneven exposure)."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    frames = []
    for page, angle in zip(pages_of(pdf, 200), angles, strict=True):
        img = page.convert("L").rotate(
            angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=235
        )
        w, h = img.size
        grad = Image.linear_gradient("L").resize((w, h)).point(lambda v: 255 - v // 6)
        img = Image.composite(img, grad, img.point(lambda v: 0 if v > 200 else 255))
        px = img.load()
        assert px is not None
        for _ in range(w * h // 700):
            x, y = rng.randrange(w), rng.randrange(h)
            px[x, y] = rng.choice((40, 110, 170))
        frames.append(img.filter(ImageFilter.GaussianBlur(0.5)))
    out = io.BytesIO()
    frames[0].save(
        out,
        format="TIFF",
        save_all=True,
        append_images=frames[1:],
        compression="tiff_lzw",
        dpi=(200, 200),
    )
    return out.getvalue()


# ----------------------------------------------------------------------------- phone photos


@invoice
def d01_us_food_truck_catering_photo() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Taco bar, 60 guests", D(60), D("14.50")),
        ("Horchata & agua fresca (gallon)", D(6), D("18.00")),
        ("Event staff, 2 x 4 hours", D(8), D("28.00")),
    ]
    sub = items_total(items)
    fee = D("75.00")
    tax = q((sub + fee) * D("0.0825"))
    total = sub + fee + tax
    p.t(50, 62, "La Guerita Food Truck LLC", 20, "lib-bold")
    p.t(50, 82, "2217 E Cesar Chavez St, Austin, TX 78702  |  (512) 555-0163", 11, "lib")
    p.t(562, 62, "INVOICE", 22, "lib-bold", "r")
    meta = [("Invoice #", "LG-0219"), ("Date", "03/14/2026"), ("Event date", "03/21/2026")]
    for i, (lab, val) in enumerate(meta):
        p.t(420, 100 + i * 17, lab, 11, "lib")
        p.t(562, 100 + i * 17, val, 11, "lib-bold", "r")
    p.t(50, 125, "Bill to:", 11, "lib-bold")
    for i, line in enumerate(
        ["Eastside Robotics Club", "c/o Priya Raman", "4800 Manor Rd, Austin TX"]
    ):
        p.t(50, 142 + i * 16, line, 11, "lib")
    rows = (
        [["Item", "Qty", "Price", "Amount"]]
        + [[d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items]
        + [["Travel / setup fee", "1", us(fee), us(fee)]]
    )
    y = p.grid(
        50, 215, [(270, "l"), (50, "r"), (85, "r"), (107, "r")], rows, size=11, row_h=21, f="lib"
    )
    totals(
        p,
        370,
        562,
        y + 28,
        [
            ("Subtotal", us(sub + fee)),
            ("Sales tax 8.25%", us(tax)),
            ("TOTAL (USD)", "$" + us(total)),
        ],
        12,
        "lib",
        step=19,
    )
    p.t(50, y + 120, "50% deposit due to hold the date. Venmo @laguerita-atx or check.", 11, "lib")
    return Invoice(
        "d01-us-food-truck-catering-photo",
        "jpg",
        photo(p.done(), 101, 1.6, keystone=0.035, light=0.72, blur=0.7, quality=68),
        truth("La Guerita Food Truck LLC", "LG-0219", "2026-03-14", total, tax, "USD"),
    )


@invoice
def d02_gb_gardener_photo() -> Invoice:
    p = Pdf()
    items = [
        ("Hedge cutting (front and side), green waste removed", D(1), D("180.00")),
        ("Lawn scarify and overseed", D(1), D("95.00")),
        ("Skip hire share", D(1), D("40.00")),
    ]
    total = items_total(items)
    p.t(40, 62, "Greenacre Garden Services", 19, "serif-bold")
    p.t(40, 80, "Tom Whitlock, 3 Mill Cottages, Ludlow SY8 1PQ  -  07700 900 612", 10, "serif")
    p.t(40, 130, "INVOICE No. 2611", 15, "serif-bold")
    p.t(40, 150, "Date: 9 March 2026", 11.5, "serif")
    p.t(330, 130, "Customer:", 11, "serif-bold")
    for i, line in enumerate(["Dr S. Hallam", "The Old Rectory", "Bromfield SY8 2JR"]):
        p.t(330, 147 + i * 15, line, 11.5, "serif")
    rows = [["Work carried out", "Amount"]] + [[d, "£" + us(q(n * pr))] for d, n, pr in items]
    y = p.grid(40, 215, [(400, "l"), (115, "r")], rows, size=11, row_h=21, f="serif")
    totals(p, 350, 555, y + 30, [("Total", "£" + us(total))], 13, "serif", bold=(0,))
    p.t(40, y + 80, "Not registered for VAT. Payment within 14 days please.", 11, "serif")
    p.t(40, y + 98, "Bank: Lloyds 30-96-41 / 11872245 (ref 2611)", 11, "serif")
    return Invoice(
        "d02-gb-gardener-photo",
        "jpg",
        photo(p.done(), 102, -2.2, keystone=0.025, light=0.68, blur=0.8, quality=62),
        truth("Greenacre Garden Services", "2611", "2026-03-09", total, None, "GBP"),
    )


@invoice
def d03_au_mechanic_photo() -> Invoice:
    p = Pdf()
    parts = [
        ("Brake pads front (set)", D(1), D("89.00")),
        ("Brake fluid DOT4 1L", D(1), D("24.50")),
    ]
    labour = D("165.00")
    total = items_total(parts) + labour
    gst = q(total / 11)
    p.t(40, 60, "Redgum Auto Repairs Pty Ltd", 18, "sans-bold")
    p.t(40, 78, "ABN 41 603 112 987  ·  14 Kent St, Bendigo VIC 3550  ·  03 5441 0877", 9.5)
    p.t(555, 115, "TAX INVOICE", 17, "sans-bold", "r")
    p.t(555, 135, "Invoice 7730", 11.5, "sans", "r")
    p.t(555, 152, "Date 11/03/2026", 11.5, "sans", "r")
    p.t(40, 115, "Customer: K. Nguyen", 11)
    p.t(40, 132, "Vehicle: 2017 Mazda CX-5  Rego 1XY 2AB  Odo 84,211 km", 10)
    rows = (
        [["Description", "Qty", "Unit", "Amount"]]
        + [[d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in parts]
        + [["Labour: replace front pads, bleed brakes", "1.5", "110.00", us(labour)]]
    )
    y = p.grid(40, 185, [(290, "l"), (45, "r"), (80, "r"), (100, "r")], rows, size=10.5, row_h=20)
    totals(
        p,
        350,
        555,
        y + 28,
        [("Total (inc. GST)", "$" + us(total)), ("GST included", "$" + us(gst))],
        11.5,
        bold=(0,),
        step=18,
    )
    p.t(40, y + 95, "Thank you for your business. EFTPOS / card accepted.", 10)
    return Invoice(
        "d03-au-mechanic-photo",
        "jpg",
        photo(p.done(), 103, 2.6, keystone=0.04, light=0.66, blur=0.8, quality=65),
        truth("Redgum Auto Repairs Pty Ltd", "7730", "2026-03-11", total, gst, "AUD"),
    )


@invoice
def d04_ca_on_piano_tuner_photo() -> Invoice:
    p = Pdf(LETTER)
    sub = D("185.00") + D("40.00")
    hst = q(sub * D("0.13"))
    total = sub + hst
    p.t(306, 64, "Lakeshore Piano Care", 21, "tim-bold", "c")
    p.t(
        306,
        84,
        "Marc Belanger, RPT  ·  88 Queen St E, Kingston ON K7L 1K2  ·  613-555-0148",
        10.5,
        "tim",
        "c",
    )
    p.t(306, 100, "HST # 81234 5678 RT0001", 10.5, "tim", "c")
    p.line(50, 112, 562, 112, 1.0)
    p.t(50, 140, "Invoice: 1044", 12, "tim-bold")
    p.t(50, 158, "Date: March 5, 2026", 12, "tim")
    p.t(330, 140, "Client: St. George's Parish Hall", 12, "tim")
    p.t(330, 158, "Steinway Model M, s/n 312044", 12, "tim")
    rows = [
        ["Service", "Amount"],
        ["Tuning (pitch raise to A440)", us(D("185.00"))],
        ["Regulation of sticking keys (2)", us(D("40.00"))],
    ]
    y = p.grid(50, 190, [(380, "l"), (132, "r")], rows, size=12, row_h=22, f="tim")
    totals(
        p,
        360,
        562,
        y + 28,
        [("Subtotal", us(sub)), ("HST 13%", us(hst)), ("Total CAD", us(total))],
        12.5,
        "tim",
        step=19,
    )
    p.t(
        50,
        y + 110,
        "Next tuning recommended in six months. E-transfer to marc@lakeshorepiano.ca",
        11,
        "tim",
    )
    return Invoice(
        "d04-ca-on-piano-tuner-photo",
        "jpg",
        photo(p.done(), 104, -1.3, keystone=0.03, light=0.7, blur=0.9, quality=60),
        truth("Lakeshore Piano Care", "1044", "2026-03-05", total, hst, "CAD"),
    )


@invoice
def d05_nz_builder_progress_photo() -> Invoice:
    p = Pdf()
    net = D("6400.00")
    gst = q(net * D("0.15"))
    total = net + gst
    p.t(40, 60, "Kauri Ridge Builders Limited", 17, "sans-bold")
    p.t(40, 77, "GST No. 112-334-556  ·  PO Box 211, Whangarei 0140", 9.5)
    p.box(360, 100, 195, 80)
    p.t(370, 118, "TAX INVOICE", 13, "sans-bold")
    p.t(370, 137, "Invoice No:  KRB-1187", 10.5)
    p.t(370, 153, "Date:  17 Mar 2026", 10.5)
    p.t(370, 169, "Job:  Onerahi deck", 10.5)
    p.t(40, 118, "To: A. & J. Tane", 11)
    p.t(40, 134, "21 Cliff Rd, Onerahi", 11)
    rows = [
        ["Description", "Amount"],
        ["Progress claim 2: deck framing and joists complete", us(D("5200.00"))],
        ["Materials: H3.2 decking 140x32 (delivered)", us(D("1200.00"))],
    ]
    y = p.grid(40, 210, [(400, "l"), (115, "r")], rows, size=10.5, row_h=20)
    totals(
        p,
        350,
        555,
        y + 28,
        [("Subtotal excl GST", us(net)), ("GST 15%", us(gst)), ("Total incl GST NZD", us(total))],
        11,
        step=18,
    )
    p.t(40, y + 110, "Payment due 20th of the month following. Acct 12-3077-0456789-00", 10)
    return Invoice(
        "d05-nz-builder-progress-photo",
        "jpg",
        photo(p.done(), 105, 1.1, keystone=0.045, light=0.64, blur=1.0, quality=58),
        truth("Kauri Ridge Builders Limited", "KRB-1187", "2026-03-17", total, gst, "NZD"),
    )


@invoice
def d06_ie_guesthouse_photo_png() -> Invoice:
    p = Pdf()
    rooms = D("3") * D("95.00")
    breakfasts = D("6") * D("12.00")
    sub = rooms + breakfasts
    vat = q(rooms * D("0.135")) + q(breakfasts * D("0.135"))
    total = sub + vat
    p.t(297, 60, "Seaview House B&B", 20, "serif-bold", "c")
    p.t(297, 78, "Strand Road, Dingle, Co. Kerry  ·  VAT No. IE 3312457KH", 10, "serif", "c")
    p.t(40, 120, "INVOICE", 14, "serif-bold")
    p.t(40, 140, "Invoice number: SV-26-0311", 11, "serif")
    p.t(40, 156, "Issued: 12/03/2026", 11, "serif")
    p.t(330, 120, "Guest: Mr P. Lindqvist", 11, "serif")
    p.t(330, 136, "Stay: 09/03/2026 - 12/03/2026", 11, "serif")
    rows = [
        ["Description", "Qty", "Rate", "Amount"],
        ["Double room, sea view (per night)", "3", "95.00", us(rooms)],
        ["Full Irish breakfast", "6", "12.00", us(breakfasts)],
    ]
    y = p.grid(
        40, 190, [(290, "l"), (45, "r"), (80, "r"), (100, "r")], rows, size=11, row_h=20, f="serif"
    )
    totals(
        p,
        340,
        555,
        y + 28,
        [("Net", "€" + us(sub)), ("VAT @ 13.5%", "€" + us(vat)), ("Total", "€" + us(total))],
        12,
        "serif",
        step=18,
    )
    p.t(40, y + 105, "Go raibh maith agat! Paid by card on departure.", 11, "serif")
    p.t(555, y + 105, "PAID", 14, "serif-bold", "r")
    return Invoice(
        "d06-ie-guesthouse-photo-png",
        "png",
        photo(p.done(), 106, -1.8, keystone=0.03, light=0.74, blur=0.7, fmt="PNG", dpi=200),
        truth("Seaview House B&B", "SV-26-0311", "2026-03-12", total, vat, "EUR", "paid"),
    )


@invoice
def d07_us_locksmith_photo_overdue() -> Invoice:
    p = Pdf(LETTER)
    lines = [
        ("Emergency lockout call-out (after hours)", D("145.00"), False),
        ("Rekey cylinders (each) x 3", D("105.00"), False),
        ("Schlage deadbolt B60N, satin nickel", D("62.99"), True),
    ]
    sub = sum((a for _, a, _ in lines), D(0))
    taxable = sum((a for _, a, t in lines if t), D(0))
    tax = q(taxable * D("0.06"))
    total = sub + tax
    p.t(50, 60, "KEYSTONE LOCK & SAFE", 20, "lib-bold")
    p.t(50, 80, "Keystone Lock & Safe, Inc.  ·  415 N 2nd St, Harrisburg, PA 17101", 10.5, "lib")
    p.t(562, 115, "INVOICE 50318", 15, "lib-bold", "r")
    p.t(562, 134, "Invoice Date: 02/02/2026", 11.5, "lib", "r")
    p.t(562, 151, "Terms: Net 15", 11.5, "lib", "r")
    p.t(50, 115, "Customer:", 11, "lib-bold")
    p.t(50, 132, "Riverfront Dental Group", 11.5, "lib")
    p.t(50, 148, "300 Front St, Harrisburg PA", 11.5, "lib")
    rows = [["Description", "Tax", "Amount"]] + [[d, "T" if t else "", us(a)] for d, a, t in lines]
    y = p.grid(50, 185, [(330, "l"), (50, "c"), (132, "r")], rows, size=11, row_h=21, f="lib")
    totals(
        p,
        360,
        562,
        y + 28,
        [("Subtotal", us(sub)), ("PA sales tax 6% (T)", us(tax)), ("Total", "$" + us(total))],
        12,
        "lib",
        step=19,
    )
    p.stamp(90, y + 150, "PAST DUE", 30)
    p.t(50, y + 200, "Status: OVERDUE - please remit. Questions? (717) 555-0190", 11.5, "lib-bold")
    return Invoice(
        "d07-us-locksmith-photo-overdue",
        "jpg",
        photo(p.done(), 107, 2.0, keystone=0.03, light=0.7, blur=0.8, quality=64),
        truth("Keystone Lock & Safe, Inc.", "50318", "2026-02-02", total, tax, "USD", "overdue"),
    )


@invoice
def d08_de_hausmeister_photo() -> Invoice:
    p = Pdf()
    items = [
        ("Treppenhausreinigung Februar", D(4), D("55.00")),
        ("Winterdienst Einsatz", D(3), D("38.00")),
        ("Austausch Leuchtmittel Keller", D(1), D("24.00")),
    ]
    net = items_total(items)
    ust = q(net * D("0.19"))
    total = net + ust
    p.t(40, 60, "Hausmeisterservice Brandt GmbH", 17, "sans-bold")
    p.t(40, 77, "Lindenweg 7, 30159 Hannover  ·  Tel. 0511 4410 88  ·  USt-IdNr. DE 281 445 902", 9)
    p.t(40, 105, "An: Hausverwaltung Klein KG, Podbielskistr. 12, 30163 Hannover", 10.5)
    p.t(40, 150, "RECHNUNG", 16, "sans-bold")
    p.t(360, 140, "Rechnungsnummer:", 10.5)
    p.t(555, 140, "2026-0087", 10.5, "sans-bold", "r")
    p.t(360, 157, "Datum:", 10.5)
    p.t(555, 157, "02.03.2026", 10.5, "sans-bold", "r")
    rows = [["Leistung", "Menge", "Preis", "Betrag"]] + [
        [d, str(int(n)), eu(pr), eu(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(40, 190, [(270, "l"), (55, "r"), (85, "r"), (105, "r")], rows, size=10.5, row_h=20)
    totals(
        p,
        340,
        555,
        y + 28,
        [
            ("Netto", eu(net) + " EUR"),
            ("MwSt. 19 %", eu(ust) + " EUR"),
            ("Gesamt", eu(total) + " EUR"),
        ],
        11.5,
        step=18,
    )
    p.t(40, y + 110, "Zahlbar innerhalb 14 Tagen ohne Abzug. IBAN DE12 2505 0180 0000 4411 20", 9.5)
    return Invoice(
        "d08-de-hausmeister-photo",
        "jpg",
        photo(p.done(), 108, -2.7, keystone=0.035, light=0.66, blur=0.8, quality=60),
        truth("Hausmeisterservice Brandt GmbH", "2026-0087", "2026-03-02", total, ust, "EUR"),
    )


@invoice
def d09_gb_two_rate_vat_photo() -> Invoice:
    p = Pdf()
    std = D("1240.00")
    reduced = D("2860.00")
    vat20 = q(std * D("0.20"))
    vat5 = q(reduced * D("0.05"))
    total = std + reduced + vat20 + vat5
    p.t(40, 60, "Solwise Renewables Ltd", 18, "sans-bold")
    p.t(40, 77, "Unit 4, Riverside Park, Exeter EX2 7HL  ·  VAT Reg No. 298 4471 36", 9.5)
    p.t(555, 115, "VAT INVOICE", 15, "sans-bold", "r")
    p.t(555, 134, "No. SR-40217", 11.5, "sans", "r")
    p.t(555, 151, "Date: 06/03/2026", 11.5, "sans", "r")
    p.t(40, 115, "Mr & Mrs Okonjo", 11)
    p.t(40, 131, "12 Ferndale Rd, Topsham EX3 0AZ", 11)
    rows = [
        ["Description", "VAT", "Net"],
        ["Solar PV 4.1 kWp system, supplied and fitted", "5%", us(reduced)],
        ["Consumer unit upgrade", "20%", us(D("540.00"))],
        ["EV charger (7 kW), fitted", "20%", us(D("700.00"))],
    ]
    y = p.grid(40, 170, [(330, "l"), (60, "c"), (125, "r")], rows, size=10.5, row_h=20)
    totals(
        p,
        330,
        555,
        y + 28,
        [
            ("Total net", us(std + reduced)),
            ("VAT @ 5%", us(vat5)),
            ("VAT @ 20%", us(vat20)),
            ("Invoice total £", us(total)),
        ],
        11,
        step=18,
    )
    p.t(40, y + 120, "Payment due on completion. Sort code 09-01-28, acct 55102938.", 10)
    return Invoice(
        "d09-gb-two-rate-vat-photo",
        "jpg",
        photo(p.done(), 109, 1.4, keystone=0.03, light=0.7, blur=0.8, quality=66),
        truth("Solwise Renewables Ltd", "SR-40217", "2026-03-06", total, vat20 + vat5, "GBP"),
    )


@invoice
def d10_us_janitorial_two_page_scan_tiff() -> Invoice:
    p = Pdf(LETTER)
    items = [
        (f"{name}", D(n), D(pr))
        for name, n, pr in [
            ("Paper towels, multifold, case of 16", 12, "38.90"),
            ("Toilet tissue 2-ply, case of 96", 8, "61.25"),
            ("Trash liners 40-45 gal, case of 250", 10, "32.40"),
            ("Nitrile gloves L, box of 100", 20, "9.75"),
            ("Glass cleaner, 1 gal", 6, "11.20"),
            ("Neutral floor cleaner, 1 gal", 6, "14.60"),
            ("Disinfectant wipes, canister of 80", 24, "6.35"),
            ("Hand soap foam refill 1200 ml", 12, "13.90"),
            ("Microfiber cloths, pack of 12", 10, "8.80"),
            ("Wet mop heads, large", 6, "7.45"),
            ("Urinal screens, box of 12", 4, "17.60"),
            ("Air freshener refills, 6-pack", 5, "21.30"),
            ("Bowl cleaner, quart", 12, "3.95"),
            ("Dust pan with lobby broom", 2, "24.99"),
            ("Spray bottles 32 oz, 3-pack", 4, "6.80"),
            ("Degreaser concentrate, 1 gal", 3, "18.40"),
            ("Carpet spotter, quart", 4, "9.60"),
            ("Vacuum bags, pack of 10", 3, "14.25"),
        ]
    ]
    sub = items_total(items)
    tax = q(sub * D("0.07"))
    total = sub + tax

    def header(page: int) -> None:
        p.t(50, 55, "Tri-County Janitorial Supply", 17, "lib-bold")
        p.t(50, 72, "1800 Commerce Pkwy, Fort Wayne, IN 46818  ·  (260) 555-0177", 10, "lib")
        p.t(562, 55, "INVOICE", 17, "lib-bold", "r")
        p.t(562, 72, f"Page {page} of 2", 10, "lib", "r")
        p.grid(
            330,
            90,
            [(110, "l"), (122, "r")],
            [["Invoice No.", "TJ-88412"], ["Invoice Date", "03/10/2026"], ["Customer", "C-2231"]],
            size=10.5,
            row_h=17,
            header_fill=None,
            bold_header=False,
            f="lib",
        )

    header(1)
    p.t(50, 110, "Sold to: Allen County Library - Facilities", 10.5, "lib")
    p.t(50, 126, "900 Library Plaza, Fort Wayne IN 46802", 10.5, "lib")
    cols = [(250, "l"), (50, "r"), (90, "r"), (122, "r")]
    head = ["Item", "Qty", "Unit price", "Extended"]
    rows = [head] + [[d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items[:12]]
    y = p.grid(50, 165, cols, rows, size=10.5, row_h=20, f="lib")
    p.t(562, y + 25, "Continued on page 2", 10.5, "lib", "r")
    p.page()
    header(2)
    rows = [head] + [[d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items[12:]]
    y = p.grid(50, 165, cols, rows, size=10.5, row_h=20, f="lib")
    totals(
        p,
        360,
        562,
        y + 30,
        [("Merchandise", us(sub)), ("Sales tax 7%", us(tax)), ("Invoice total", "$" + us(total))],
        11.5,
        "lib",
        step=19,
    )
    p.t(50, y + 110, "Terms: Net 30. Please reference TJ-88412 with your payment.", 10.5, "lib")
    return Invoice(
        "d10-us-janitorial-two-page-scan-tiff",
        "tif",
        two_page_scan(p.done(), 110, (0.8, -1.1)),
        truth("Tri-County Janitorial Supply", "TJ-88412", "2026-03-10", total, tax, "USD"),
    )


# ----------------------------------------------------------------------------- multi-page PDFs


def _catalogue(
    rng: random.Random, n: int, words: list[str], lo: int, hi: int
) -> list[tuple[str, Decimal, Decimal]]:
    out = []
    for i in range(n):
        name = f"{rng.choice(words)} {rng.choice(['S', 'M', 'L', 'XL', '10mm', '25mm', 'pk/10', 'blue', 'grey'])} #{1000 + i * 7}"
        out.append(
            (
                name,
                D(rng.randint(1, 12)),
                D(rng.randint(lo, hi)) + D(rng.choice(["0.50", "0.95", "0.00", "0.25"])),
            )
        )
    return out


@invoice
def e01_us_distributor_three_pages() -> Invoice:
    rng = random.Random(201)
    words = [
        "Copper elbow",
        "PVC coupling",
        "Ball valve",
        "Pipe strap",
        "Teflon tape",
        "Flex connector",
        "P-trap",
        "Compression nut",
    ]
    items = _catalogue(rng, 46, words, 2, 60)
    sub = items_total(items)
    freight = D("85.00")
    tax = q(sub * D("0.0625"))
    total = sub + freight + tax
    p = Pdf(LETTER)
    per = [18, 18, 10]
    start = 0
    for page, count in enumerate(per, 1):
        p.t(50, 50, "Bay State Plumbing Distributors, Inc.", 14, "sans-bold")
        p.t(50, 64, "77 Industrial Way, Woburn, MA 01801 · (781) 555-0121", 8)
        p.t(562, 50, "INVOICE", 14, "sans-bold", "r")
        p.t(562, 64, f"Invoice BSP-552190 · 02/27/2026 · Page {page} of 3", 8, align="r")
        p.line(50, 72, 562, 72)
        if page == 1:
            p.t(50, 92, "Bill to: Corrigan Mechanical LLC, 14 Summer St, Medford MA 02155", 9)
            p.t(50, 105, "Ship to: Job 2231 - Malden High School, 77 Salem St, Malden MA", 9)
            p.t(50, 118, "Customer PO: CM-7781 · Terms: 2% 10 Net 30 · Salesperson: D. Reilly", 9)
        top = 140 if page == 1 else 90
        chunk = items[start : start + count]
        rows = [["#", "Description", "Qty", "Unit", "Amount"]] + [
            [str(start + i + 1), d, str(int(n)), us(pr), us(q(n * pr))]
            for i, (d, n, pr) in enumerate(chunk)
        ]
        y = p.grid(
            50, top, [(30, "r"), (250, "l"), (50, "r"), (80, "r"), (102, "r")], rows, size=8.5
        )
        start += count
        if page < 3:
            p.t(562, y + 20, "Continued on next page", 8.5, align="r")
            p.page()
        else:
            totals(
                p,
                380,
                562,
                y + 25,
                [
                    ("Merchandise", us(sub)),
                    ("Freight", us(freight)),
                    ("MA sales tax 6.25%", us(tax)),
                    ("Invoice Total", "$" + us(total)),
                ],
                9.5,
            )
            p.t(
                50,
                y + 110,
                "Remit to: PO Box 9120, Boston MA 02205. Past-due balances accrue 1.5% per month.",
                8,
            )
    return Invoice(
        "e01-us-distributor-three-pages",
        "pdf",
        p.done(),
        truth(
            "Bay State Plumbing Distributors, Inc.", "BSP-552190", "2026-02-27", total, tax, "USD"
        ),
    )


@invoice
def e02_de_druckerei_two_pages() -> Invoice:
    rng = random.Random(202)
    words = [
        "Flyer DIN A5",
        "Visitenkarten",
        "Plakat A1",
        "Broschüre 16 S.",
        "Roll-up Banner",
        "Aufkleber rund",
    ]
    items = _catalogue(rng, 26, words, 15, 240)
    net = items_total(items)
    ust = q(net * D("0.19"))
    total = net + ust
    p = Pdf()
    for page in (1, 2):
        p.t(40, 48, "Druckhaus Elbufer GmbH & Co. KG", 13, "serif-bold")
        p.t(40, 61, "Am Sandtorkai 3 · 20457 Hamburg · USt-IdNr. DE 318 227 410", 7.5, "serif")
        p.t(555, 48, "Rechnung Nr. DE-26-10433", 10, "serif-bold", "r")
        p.t(555, 61, f"vom 16.03.2026 · Seite {page}/2", 8, "serif", "r")
        p.line(40, 68, 555, 68)
        top = 85
        if page == 1:
            p.t(40, 90, "Werbeagentur Möwe & Partner, Schanzenstraße 21, 20357 Hamburg", 9, "serif")
            p.t(40, 103, "Kundennummer 40772 · Auftrag A-9915 · Lieferdatum 12.03.2026", 9, "serif")
            top = 125
        chunk = items[:16] if page == 1 else items[16:]
        off = 0 if page == 1 else 16
        rows = [["Pos.", "Artikel", "Menge", "Einzelpreis", "Gesamt"]] + [
            [str(off + i + 1), d, str(int(n)), eu(pr), eu(q(n * pr))]
            for i, (d, n, pr) in enumerate(chunk)
        ]
        y = p.grid(
            40,
            top,
            [(35, "r"), (240, "l"), (50, "r"), (85, "r"), (105, "r")],
            rows,
            size=8.5,
            f="serif",
        )
        if page == 1:
            p.t(
                555,
                y + 16,
                "Zwischensumme Seite 1: " + eu(items_total(chunk)) + " €",
                8.5,
                "serif",
                "r",
            )
            p.t(555, y + 30, "Fortsetzung auf Seite 2", 8.5, "serif", "r")
            p.page()
        else:
            totals(
                p,
                350,
                555,
                y + 25,
                [
                    ("Summe netto", eu(net) + " €"),
                    ("zzgl. 19 % USt.", eu(ust) + " €"),
                    ("Rechnungsbetrag", eu(total) + " €"),
                ],
                9.5,
                "serif",
            )
            p.t(
                40,
                y + 90,
                "Zahlbar bis 30.03.2026 ohne Abzug. Hamburger Sparkasse, IBAN DE44 2005 0550 1234 5678 90",
                8,
                "serif",
            )
    return Invoice(
        "e02-de-druckerei-two-pages",
        "pdf",
        p.done(),
        truth("Druckhaus Elbufer GmbH & Co. KG", "DE-26-10433", "2026-03-16", total, ust, "EUR"),
    )


@invoice
def e03_au_hardware_account_four_pages() -> Invoice:
    rng = random.Random(203)
    words = [
        "Treated pine 90x45",
        "Batten screws",
        "Galv bracket",
        "Sika sealant",
        "Plasterboard 10mm",
        "Cornice adhesive",
        "Drill bit set",
    ]
    items = _catalogue(rng, 64, words, 3, 90)
    total = items_total(items)
    gst = q(total / 11)
    p = Pdf()
    per = [20, 20, 20, 4]
    start = 0
    for page, count in enumerate(per, 1):
        p.t(40, 48, "TAX INVOICE", 12, "sans-bold")
        p.t(40, 62, "Coastline Timber & Hardware Pty Ltd · ABN 77 152 448 301", 8.5, "sans-bold")
        p.t(40, 74, "2 Tweed Coast Rd, Tweed Heads NSW 2485", 8)
        p.t(555, 48, "Invoice CTH-0094417", 10, "sans-bold", "r")
        p.t(555, 62, "Date 04/03/2026", 8.5, align="r")
        p.t(555, 74, f"Page {page} of 4", 8.5, align="r")
        p.line(40, 82, 555, 82)
        top = 98
        if page == 1:
            p.t(
                40,
                100,
                "Account: SURF-017  Surfside Carpentry · Delivery: Lot 9 Casuarina Way",
                8.5,
            )
            top = 120
        chunk = items[start : start + count]
        rows = [["Code", "Description", "Qty", "Price", "Ext (inc GST)"]] + [
            [f"{5500 + start + i}", d, str(int(n)), us(pr), us(q(n * pr))]
            for i, (d, n, pr) in enumerate(chunk)
        ]
        y = p.grid(
            40, top, [(50, "l"), (245, "l"), (45, "r"), (75, "r"), (100, "r")], rows, size=8.5
        )
        start += count
        if page < 4:
            p.t(555, y + 16, "continued ...", 8, align="r")
            p.page()
        else:
            totals(
                p,
                340,
                555,
                y + 25,
                [("Total inc GST", "$" + us(total)), ("GST included in total", "$" + us(gst))],
                9.5,
                bold=(0,),
            )
            p.t(
                40,
                y + 75,
                "Account terms: 30 days from end of month. Thank you for shopping local.",
                8,
            )
    return Invoice(
        "e03-au-hardware-account-four-pages",
        "pdf",
        p.done(),
        truth(
            "Coastline Timber & Hardware Pty Ltd", "CTH-0094417", "2026-03-04", total, gst, "AUD"
        ),
    )


# ----------------------------------------------------------------------------- boxed label-above grids


def boxes(
    p: Pdf, x: float, y: float, cells: list[tuple[str, str, float]], h: float = 34, f: str = "sans"
) -> float:
    """A row of boxes: small label at the top of each box, the value under it. Returns y below."""
    cx = x
    for lab, val, w in cells:
        p.box(cx, y, w, h)
        p.t(cx + 4, y + 10, lab, 6.5, f)
        p.t(cx + 4, y + h - 8, val, 10, f + "-bold")
        cx += w
    return y + h


@invoice
def f01_us_label_above_boxes() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Hydroseeding, 0.6 acre", D("1"), D("2150.00")),
        ("Erosion control blanket (roll)", D("14"), D("86.00")),
    ]
    sub = items_total(items)
    tax = D("0.00")
    total = sub
    p.t(50, 55, "Prairie Wind Erosion Control, LLC", 15, "sans-bold")
    p.t(50, 70, "6120 N 27th St, Lincoln, NE 68521", 8.5)
    p.t(562, 55, "INVOICE", 18, "sans-bold", "r")
    y = boxes(
        p,
        50,
        95,
        [
            ("INVOICE NUMBER", "PW-3318", 128),
            ("INVOICE DATE", "03/19/2026", 128),
            ("CUSTOMER ID", "NDOT-04", 128),
            ("DUE DATE", "04/18/2026", 128),
        ],
    )
    y = boxes(
        p,
        50,
        y,
        [
            ("BILL TO", "Nebraska Dept. of Transportation - District 1", 320),
            ("PROJECT", "US-77 Shoulder Rebuild", 192),
        ],
    )
    rows = [["DESCRIPTION", "QTY", "UNIT PRICE", "AMOUNT"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(50, y + 20, [(262, "l"), (60, "r"), (90, "r"), (100, "r")], rows)
    y = boxes(
        p,
        50,
        y + 20,
        [
            ("SUBTOTAL", us(sub), 128),
            ("SALES TAX (EXEMPT)", us(tax), 128),
            ("TOTAL", "$" + us(total), 128),
            ("BALANCE DUE", "$" + us(total), 128),
        ],
    )
    p.t(
        50,
        y + 25,
        "Tax-exempt governmental entity, certificate on file. Make checks payable to Prairie Wind Erosion Control.",
        8,
    )
    return Invoice(
        "f01-us-label-above-boxes",
        "pdf",
        p.done(),
        truth("Prairie Wind Erosion Control, LLC", "PW-3318", "2026-03-19", total, tax, "USD"),
    )


@invoice
def f02_fr_cases_facture() -> Invoice:
    p = Pdf()
    items = [
        ("Maintenance chaudière gaz (contrat annuel)", D(1), D("165.00")),
        ("Remplacement thermocouple", D(1), D("48.00")),
    ]
    ht = items_total(items)
    tva = q(ht * D("0.10"))
    ttc = ht + tva
    p.t(40, 55, "Chauffage Sanitaire Dubreuil SARL", 14, "sans-bold")
    p.t(
        40,
        69,
        "12 rue des Tanneurs, 21000 Dijon · SIRET 512 448 901 00027 · TVA FR 41 512448901",
        7.5,
    )
    p.t(555, 55, "FACTURE", 17, "sans-bold", "r")
    y = boxes(
        p,
        40,
        95,
        [
            ("N° de facture", "F2603-118", 130),
            ("Date de facture", "18/03/2026", 130),
            ("Code client", "C0412", 125),
            ("Échéance", "à réception", 130),
        ],
    )
    y = boxes(
        p,
        40,
        y,
        [("Client", "Mme Hélène Roussel, 4 allée des Tilleuls, 21121 Fontaine-lès-Dijon", 515)],
    )
    rows = [["Désignation", "Qté", "P.U. HT", "Montant HT"]] + [
        [d, str(int(n)), eu(pr), eu(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(40, y + 20, [(290, "l"), (45, "r"), (80, "r"), (100, "r")], rows)
    y = boxes(
        p,
        40,
        y + 20,
        [
            ("Total HT", eu(ht) + " €", 130),
            ("TVA 10 %", eu(tva) + " €", 130),
            ("Total TTC", eu(ttc) + " €", 125),
            ("Net à payer", eu(ttc) + " €", 130),
        ],
    )
    p.t(
        40,
        y + 25,
        "TVA à taux réduit (travaux dans un logement de plus de deux ans). Pas d'escompte pour paiement anticipé.",
        7.5,
    )
    return Invoice(
        "f02-fr-cases-facture",
        "pdf",
        p.done(),
        truth("Chauffage Sanitaire Dubreuil SARL", "F2603-118", "2026-03-18", ttc, tva, "EUR"),
    )


# ----------------------------------------------------------------------------- non-Latin scripts


@invoice
def g01_ru_schet_nds_included() -> Invoice:
    p = Pdf()
    items = [
        ("Ноутбук Lenovo ThinkPad E14", D(2), D("24000.00")),
        ("Сумка для ноутбука", D(2), D("6000.00")),
    ]
    total = items_total(items)
    nds = q(total * D(20) / D(120))
    vendor = "ООО «Техноснаб»"
    p.t(40, 50, vendor, 13, "sans-bold")
    p.t(
        40,
        64,
        "ИНН 7701234567 · КПП 770101001 · 125009, г. Москва, ул. Тверская, д. 9, оф. 41",
        7.5,
    )
    p.t(40, 76, "Банк: ПАО Сбербанк · БИК 044525225 · Р/с 40702810938000012345", 7.5)
    p.t(297, 115, "Счёт на оплату № 152 от 12 марта 2026 г.", 13, "sans-bold", "c")
    p.line(40, 124, 555, 124, 1.2)
    p.t(40, 145, "Поставщик:", 8.5, "sans-bold")
    p.t(120, 145, vendor + ", ИНН 7701234567, г. Москва, ул. Тверская, д. 9", 8.5)
    p.t(40, 160, "Покупатель:", 8.5, "sans-bold")
    p.t(120, 160, "ИП Смирнова Анна Викторовна, ИНН 502712345678, г. Химки", 8.5)
    rows = [["№", "Товары (работы, услуги)", "Кол-во", "Ед.", "Цена", "Сумма"]] + [
        [str(i), d, str(int(n)), "шт", sp(pr), sp(q(n * pr))]
        for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(
        40, 180, [(25, "r"), (230, "l"), (50, "r"), (35, "c"), (80, "r"), (95, "r")], rows, size=8.5
    )
    y = totals(
        p,
        380,
        555,
        y + 20,
        [
            ("Итого:", sp(total)),
            ("В том числе НДС (20%):", sp(nds)),
            ("Всего к оплате:", sp(total)),
        ],
        9.5,
    )
    p.t(40, y + 15, f"Всего наименований 2, на сумму {sp(total)} руб.", 8.5)
    p.t(40, y + 29, "Шестьдесят тысяч рублей 00 копеек", 8.5, "sans-bold")
    p.t(
        40,
        y + 60,
        "Руководитель ____________ Орлов И. П.        Бухгалтер ____________ Кузнецова Е. А.",
        8.5,
    )
    return Invoice(
        "g01-ru-schet-nds-included",
        "pdf",
        p.done(),
        truth(vendor, "152", "2026-03-12", total, nds, "RUB"),
    )


@invoice
def g02_ua_rakhunok_pdv() -> Invoice:
    p = Pdf()
    items = [
        ("Перевезення вантажу Київ - Львів", D(1), D("18500.00")),
        ("Вантажні роботи, год", D(4), D("650.00")),
    ]
    net = items_total(items)
    pdv = q(net * D("0.20"))
    total = net + pdv
    vendor = "ТОВ «Дніпро Логістик»"
    p.t(40, 50, "Постачальник:", 8.5, "sans-bold")
    p.t(130, 50, vendor, 11, "sans-bold")
    p.t(
        130,
        63,
        "ЄДРПОУ 41234567 · ІПН 412345626541 · 49000, м. Дніпро, просп. Яворницького, 52",
        7.5,
    )
    p.t(130, 75, "IBAN UA21 3052 9900 0002 6007 0150 0112 3 в АТ КБ «ПриватБанк»", 7.5)
    p.t(40, 95, "Покупець:", 8.5, "sans-bold")
    p.t(130, 95, "ТОВ «Львівські Меблі», ЄДРПОУ 39876543, м. Львів", 9)
    p.t(297, 135, "Рахунок на оплату № СФ-0000217", 14, "sans-bold", "c")
    p.t(297, 152, "від 10 березня 2026 р.", 10, "sans", "c")
    rows = [["№", "Найменування", "Кільк.", "Ціна без ПДВ", "Сума без ПДВ"]] + [
        [str(i), d, str(int(n)), sp(pr), sp(q(n * pr))] for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(40, 175, [(25, "r"), (250, "l"), (50, "r"), (90, "r"), (100, "r")], rows, size=8.5)
    y = totals(
        p,
        360,
        555,
        y + 20,
        [("Разом без ПДВ:", sp(net)), ("ПДВ 20%:", sp(pdv)), ("Всього з ПДВ:", sp(total))],
        9.5,
    )
    p.t(40, y + 15, f"Всього на суму: {sp(total)} грн.", 8.5)
    p.t(40, y + 45, "Виписав(ла): ____________ Коваленко О. М.", 8.5)
    return Invoice(
        "g02-ua-rakhunok-pdv",
        "pdf",
        p.done(),
        truth(vendor, "СФ-0000217", "2026-03-10", total, pdv, "UAH"),
    )


@invoice
def g03_bg_faktura_euro() -> Invoice:
    p = Pdf()
    items = [
        ("Абонамент за счетоводен софтуер, март 2026", D(1), D("240.00")),
        ("Допълнителен потребител", D(3), D("18.00")),
    ]
    net = items_total(items)
    dds = q(net * D("0.20"))
    total = net + dds
    vendor = "„Родопа Софт“ ЕООД"
    p.t(297, 55, "ФАКТУРА", 18, "sans-bold", "c")
    p.t(297, 73, "ОРИГИНАЛ", 9, "sans", "c")
    p.t(40, 100, "Номер: 0000004127", 10, "sans-bold")
    p.t(40, 114, "Дата на издаване: 05.03.2026", 9.5)
    p.t(40, 128, "Дата на данъчното събитие: 05.03.2026", 9.5)
    p.box(40, 145, 250, 80)
    p.box(305, 145, 250, 80)
    p.t(46, 158, "Получател:", 8, "sans-bold")
    for i, line in enumerate(
        ["„Марица Агро“ ООД", "ЕИК 115998812, ИН по ДДС BG115998812", "гр. Пловдив, бул. Марица 44"]
    ):
        p.t(46, 174 + i * 13, line, 8.5)
    p.t(311, 158, "Доставчик:", 8, "sans-bold")
    for i, line in enumerate(
        [vendor, "ЕИК 204512377, ИН по ДДС BG204512377", "гр. Смолян, ул. Родопи 3"]
    ):
        p.t(311, 174 + i * 13, line, 8.5)
    rows = [["№", "Наименование", "Кол.", "Ед. цена", "Стойност"]] + [
        [str(i), d, str(int(n)), us(pr), us(q(n * pr))] for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(40, 245, [(25, "r"), (270, "l"), (45, "r"), (80, "r"), (95, "r")], rows, size=8.5)
    y = totals(
        p,
        350,
        555,
        y + 20,
        [
            ("Данъчна основа (EUR):", us(net)),
            ("ДДС 20%:", us(dds)),
            ("Сума за плащане (EUR):", us(total)),
        ],
        9.5,
    )
    p.t(40, y + 15, "Словом: триста петдесет и две евро и осемдесет евроцента", 8.5)
    p.t(40, y + 30, "Плащане: по банков път · IBAN BG80 BNBG 9661 1020 3456 78", 8.5)
    return Invoice(
        "g03-bg-faktura-euro",
        "pdf",
        p.done(),
        truth(vendor, "0000004127", "2026-03-05", total, dds, "EUR"),
    )


@invoice
def g04_vn_hoa_don_gtgt() -> Invoice:
    p = Pdf()
    items = [
        ("Giấy in A4 Double A 80gsm (thùng)", D(20), D("450000")),
        ("Mực in HP 107A", D(5), D("700000")),
    ]
    net = sum((n * pr for _, n, pr in items), D(0))
    vat = net * D("0.10")
    total = net + vat

    def vnd(v: Decimal) -> str:
        return num(v, ".", ",", places=0)

    vendor = "CÔNG TY TNHH THƯƠNG MẠI SAO MAI"
    p.t(297, 50, "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", 15, "sans-bold", "c")
    p.t(297, 66, "(Bản thể hiện của hóa đơn điện tử)", 8.5, "sans", "c")
    p.t(297, 80, "Ngày 09 tháng 03 năm 2026", 9, "sans", "c")
    p.t(555, 50, "Ký hiệu: 1C26TSM", 8.5, align="r")
    p.t(555, 63, "Số: 00000412", 9, "sans-bold", "r")
    p.line(40, 92, 555, 92)
    kv = [
        ("Đơn vị bán hàng:", vendor),
        ("Mã số thuế:", "0312345678"),
        ("Địa chỉ:", "45 Nguyễn Thị Minh Khai, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh"),
        ("Họ tên người mua hàng:", "Trần Văn Bình"),
        ("Tên đơn vị:", "Công ty Cổ phần Kiến trúc Đông Dương"),
        ("Hình thức thanh toán:", "TM/CK"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(40, 110 + i * 14, lab, 8.5)
        p.t(160, 110 + i * 14, val, 8.5, "sans-bold" if i == 0 else "sans")
    rows = [["STT", "Tên hàng hóa, dịch vụ", "ĐVT", "Số lượng", "Đơn giá", "Thành tiền"]] + [
        [str(i), d, "cái", str(int(n)), vnd(pr), vnd(n * pr)]
        for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(
        40,
        205,
        [(30, "r"), (200, "l"), (40, "c"), (55, "r"), (85, "r"), (105, "r")],
        rows,
        size=8.5,
    )
    y = totals(
        p,
        300,
        555,
        y + 20,
        [
            ("Cộng tiền hàng:", vnd(net)),
            ("Thuế suất GTGT: 10%   Tiền thuế GTGT:", vnd(vat)),
            ("Tổng cộng tiền thanh toán:", vnd(total)),
        ],
        9,
    )
    p.t(40, y + 15, "Số tiền viết bằng chữ: Mười ba triệu bảy trăm năm mươi nghìn đồng chẵn.", 8.5)
    return Invoice(
        "g04-vn-hoa-don-gtgt",
        "pdf",
        p.done(),
        truth(vendor, "00000412", "2026-03-09", q(total), q(vat), "VND"),
    )


@invoice
def g05_kr_cheonggu_txt() -> Invoice:
    supply = D("2400000")
    vat = D("240000")
    total = supply + vat
    text = f"""청 구 서

청구서 번호: HB-2603-017
청구일자: 2026년 3월 10일

공급자
  상호: 주식회사 한빛데이터
  사업자등록번호: 214-87-12345
  주소: 서울특별시 강남구 테헤란로 152, 12층
  담당자: 김민지 (02-555-0142)

공급받는자
  상호: 주식회사 바다물산
  주소: 부산광역시 해운대구 센텀중앙로 97

품목                         수량      단가          공급가액
데이터 분석 컨설팅 (2월)       1   2,000,000     2,000,000
클라우드 대시보드 유지보수       1     400,000       400,000

공급가액 합계:   {num(supply, places=0)} 원
부가세 (10%):      {num(vat, places=0)} 원
합계 금액:       {num(total, places=0)} 원

입금 계좌: 국민은행 123456-01-234567 (예금주: 주식회사 한빛데이터)
결제 기한: 2026년 3월 31일
"""
    return Invoice(
        "g05-kr-cheonggu-txt",
        "txt",
        text.encode(),
        truth("주식회사 한빛데이터", "HB-2603-017", "2026-03-10", total, vat, "KRW"),
    )


# ----------------------------------------------------------------------------- national formats


@invoice
def h01_tr_e_arsiv_two_kdv() -> Invoice:
    p = Pdf()
    items = [
        ("Defter A4 kareli (adet)", D(200), D("42.50"), D("0.10")),
        ("Kalem seti 12'li", D(50), D("96.00"), D("0.20")),
        ("Zımba makinesi", D(10), D("310.00"), D("0.20")),
    ]
    net = sum((n * pr for _, n, pr, _ in items), D(0))
    k10 = q(sum((n * pr * r for _, n, pr, r in items if r == D("0.10")), D(0)))
    k20 = q(sum((n * pr * r for _, n, pr, r in items if r == D("0.20")), D(0)))
    total = net + k10 + k20
    vendor = "Marmara Kırtasiye Ltd. Şti."
    p.t(40, 50, vendor, 12, "sans-bold")
    p.t(40, 63, "Halaskargazi Cad. No:118 Şişli / İstanbul", 8)
    p.t(40, 75, "Vergi Dairesi: Şişli · VKN: 6120458832 · Tel: 0212 555 01 44", 8)
    p.t(430, 50, "e-Arşiv Fatura", 14, "sans-bold", "c")
    p.t(430, 66, "GİB", 8, "sans", "c")
    p.box(330, 95, 225, 76)
    kv = [
        ("Özelleştirme No:", "TR1.2"),
        ("Senaryo:", "EARSIVFATURA"),
        ("Fatura Tipi:", "SATIS"),
        ("Fatura No:", "MKE2026000000412"),
        ("Fatura Tarihi:", "21-03-2026"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(336, 108 + i * 13, lab, 8, "sans-bold")
        p.t(549, 108 + i * 13, val, 8, align="r")
    p.t(40, 105, "SAYIN", 8.5, "sans-bold")
    p.t(40, 118, "Deniz Yılmaz", 9)
    p.t(40, 130, "Bağdat Cad. 200/4 Kadıköy / İstanbul", 8.5)
    p.t(40, 142, "TCKN: 11111111111", 8.5)
    p.t(40, 190, "ETTN: 7c1e4b2a-93f0-4d6e-8a15-2b9f3c0d6e71", 8)
    rows = [
        [
            "Sıra No",
            "Mal Hizmet",
            "Miktar",
            "Birim Fiyat",
            "KDV Oranı",
            "KDV Tutarı",
            "Mal Hizmet Tutarı",
        ]
    ] + [
        [
            str(i),
            d,
            f"{int(n)} Adet",
            eu(pr) + " TL",
            f"%{int(r * 100)}",
            eu(q(n * pr * r)) + " TL",
            eu(n * pr) + " TL",
        ]
        for i, (d, n, pr, r) in enumerate(items, 1)
    ]
    y = p.grid(
        40,
        205,
        [(38, "c"), (120, "l"), (55, "r"), (75, "r"), (55, "c"), (80, "r"), (92, "r")],
        rows,
        size=7.5,
    )
    y = totals(
        p,
        330,
        555,
        y + 20,
        [
            ("Mal Hizmet Toplam Tutarı", eu(net) + " TL"),
            ("Toplam İskonto", eu(D(0)) + " TL"),
            ("Hesaplanan KDV(%10)", eu(k10) + " TL"),
            ("Hesaplanan KDV(%20)", eu(k20) + " TL"),
            ("Vergiler Dahil Toplam Tutar", eu(total) + " TL"),
            ("Ödenecek Tutar", eu(total) + " TL"),
        ],
        8.5,
        bold=(-1,),
        step=13,
    )
    p.t(
        40,
        y + 20,
        "Bu satış internet üzerinden yapılmıştır. Web adresi: www.marmarakirtasiye.com.tr",
        7.5,
    )
    return Invoice(
        "h01-tr-e-arsiv-two-kdv",
        "pdf",
        p.done(),
        truth(vendor, "MKE2026000000412", "2026-03-21", total, k10 + k20, "TRY"),
    )


@invoice
def h02_dk_b2c_heraf_moms() -> Invoice:
    p = Pdf()
    items = [
        ("Fejlsøgning og udskiftning af HPFI-relæ", D(1), D("1250.00")),
        ("Kørsel", D(1), D("375.00")),
        ("Materialer", D(1), D("250.00")),
    ]
    total = items_total(items)
    moms = q(total * D("0.20"))
    vendor = "Vestjysk Elservice ApS"
    p.t(40, 55, vendor, 16, "serif-bold")
    p.t(
        40, 71, "Strandvejen 14 · 6700 Esbjerg · CVR-nr. 41 22 78 90 · tlf. 75 12 34 56", 8, "serif"
    )
    p.t(40, 110, "Lene og Kasper Holm", 10, "serif")
    p.t(40, 124, "Granvej 3, 6710 Esbjerg V", 10, "serif")
    p.t(555, 110, "Faktura nr. 20431", 12, "serif-bold", "r")
    p.t(555, 126, "Fakturadato: 3. marts 2026", 9.5, "serif", "r")
    p.t(555, 140, "Forfaldsdato: 17. marts 2026", 9.5, "serif", "r")
    rows = [["Tekst", "Beløb (DKK)"]] + [[d, eu(q(n * pr))] for d, n, pr in items]
    y = p.grid(40, 170, [(400, "l"), (115, "r")], rows, f="serif")
    p.t(40, y + 14, "Alle priser er inkl. moms.", 8.5, "serif")
    totals(
        p,
        330,
        555,
        y + 35,
        [("Total inkl. moms", "kr. " + eu(total)), ("Heraf moms 25 %", "kr. " + eu(moms))],
        10,
        "serif",
        bold=(0,),
    )
    p.t(
        40,
        y + 90,
        "Betaling via MobilePay 12345 eller bank reg. 9570 konto 0012345678 - husk fakturanr.",
        8.5,
        "serif",
    )
    return Invoice(
        "h02-dk-b2c-heraf-moms",
        "pdf",
        p.done(),
        truth(vendor, "20431", "2026-03-03", total, moms, "DKK"),
    )


@invoice
def h03_br_nfse_iss() -> Invoice:
    p = Pdf()
    total = D("8400.00")
    iss = q(total * D("0.02"))
    vendor = "Quatro Ventos Tecnologia Ltda"

    def brl(v: Decimal) -> str:
        return "R$ " + eu(v)

    p.box(40, 40, 515, 50)
    p.t(297, 58, "PREFEITURA MUNICIPAL DE CAMPINAS", 12, "sans-bold", "c")
    p.t(297, 73, "SECRETARIA MUNICIPAL DE FINANÇAS", 8.5, "sans", "c")
    p.t(297, 85, "NOTA FISCAL DE SERVIÇOS ELETRÔNICA - NFS-e", 9.5, "sans-bold", "c")
    y = boxes(
        p,
        40,
        90,
        [
            ("Número da Nota", "00002817", 130),
            ("Data e Hora de Emissão", "13/03/2026 14:22:10", 190),
            ("Código de Verificação", "A7KD-93PQ", 195),
        ],
        h=32,
    )
    p.box(40, y, 515, 62)
    p.t(46, y + 12, "PRESTADOR DE SERVIÇOS", 8, "sans-bold")
    p.t(46, y + 26, "Razão Social: " + vendor, 9)
    p.t(46, y + 39, "CNPJ: 12.345.678/0001-90 · Inscrição Municipal: 001234567", 8.5)
    p.t(46, y + 52, "Endereço: Av. José de Souza Campos, 900 - Cambuí, Campinas - SP", 8.5)
    y += 62
    p.box(40, y, 515, 50)
    p.t(46, y + 12, "TOMADOR DE SERVIÇOS", 8, "sans-bold")
    p.t(46, y + 26, "Razão Social: Farmácias Bem Viver S.A. · CNPJ: 98.765.432/0001-10", 9)
    p.t(46, y + 39, "Endereço: Rua XV de Novembro, 1200 - Centro, Curitiba - PR", 8.5)
    y += 50
    p.box(40, y, 515, 70)
    p.t(46, y + 12, "DISCRIMINAÇÃO DOS SERVIÇOS", 8, "sans-bold")
    p.t(
        46,
        y + 28,
        "Desenvolvimento de integração do sistema de vendas com o ERP - fase 2 (março/2026)",
        8.5,
    )
    p.t(46, y + 41, "Pedido de compra 4500017781", 8.5)
    y += 70
    p.box(40, y, 515, 26)
    p.t(297, y + 17, "VALOR TOTAL DA NOTA = " + brl(total), 11, "sans-bold", "c")
    y += 26
    y = boxes(
        p,
        40,
        y,
        [
            ("Código do Serviço", "1.03", 110),
            ("Base de Cálculo", brl(total), 135),
            ("Alíquota (%)", "2,00", 115),
            ("Valor do ISS", brl(iss), 155),
        ],
        h=32,
    )
    p.t(
        40,
        y + 20,
        "ISS devido ao município de Campinas. Documento emitido por ME ou EPP optante pelo Simples Nacional.",
        7.5,
    )
    return Invoice(
        "h03-br-nfse-iss",
        "pdf",
        p.done(),
        truth(vendor, "00002817", "2026-03-13", total, iss, "BRL"),
    )


@invoice
def h04_mx_cfdi_descuento() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ('Taladro rotomartillo 1/2" 800W', D(10), D("1150.00")),
        ("Juego de brocas SDS 7 pzas", D(20), D("175.00")),
    ]
    sub = items_total(items)
    desc = q(sub * D("0.10"))
    iva = q((sub - desc) * D("0.16"))
    total = sub - desc + iva
    vendor = "Grupo Ferretero del Norte, S.A. de C.V."
    p.t(50, 50, vendor, 13, "sans-bold")
    p.t(50, 63, "RFC: GFN081114KQ3 · Régimen Fiscal: 601 General de Ley Personas Morales", 7.5)
    p.t(50, 74, "Lugar de expedición (C.P.): 64000 · Av. Constitución 2100, Monterrey, N.L.", 7.5)
    p.box(382, 40, 180, 78)
    p.t(472, 53, "CFDI 4.0 · Tipo: Ingreso", 8, "sans-bold", "c")
    for i, (lab, val) in enumerate(
        [
            ("Folio:", "20931"),
            ("Fecha de emisión:", "2026-03-12T11:04:33"),
            ("Moneda:", "MXN"),
            ("Forma de pago:", "03"),
        ]
    ):
        p.t(388, 68 + i * 12, lab, 7.5)
        p.t(556, 68 + i * 12, val, 7.5, "sans-bold", "r")
    p.t(
        50,
        100,
        "Receptor: Construcciones Saltillo S.A. de C.V. · RFC CSA950201AB3 · Uso CFDI: G01",
        8,
    )
    rows = [["ClaveProdServ", "Cant.", "Unidad", "Descripción", "Valor unitario", "Importe"]] + [
        ["27112700", str(int(n)), "H87", d, us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(
        50, 135, [(70, "l"), (35, "r"), (45, "c"), (190, "l"), (80, "r"), (92, "r")], rows, size=7.5
    )
    y = totals(
        p,
        390,
        562,
        y + 18,
        [
            ("Subtotal", "$ " + us(sub)),
            ("Descuento", "$ " + us(desc)),
            ("IVA Trasladado 16%", "$ " + us(iva)),
            ("Total", "$ " + us(total)),
        ],
        9,
    )
    p.t(50, y + 12, "Importe con letra: QUINCE MIL SEISCIENTOS SESENTA PESOS 00/100 M.N.", 7.5)
    p.t(50, y + 26, "Método de pago: PPD Pago en parcialidades o diferido", 7.5)
    p.t(
        50,
        y + 45,
        "Folio fiscal (UUID): 4A1B2C3D-5E6F-4711-9A8B-0C1D2E3F4A5B · No. de serie del CSD: 00001000000512345678",
        6.5,
    )
    p.t(50, y + 56, "Este documento es una representación impresa de un CFDI", 6.5)
    return Invoice(
        "h04-mx-cfdi-descuento",
        "pdf",
        p.done(),
        truth(vendor, "20931", "2026-03-12", total, iva, "MXN"),
    )


@invoice
def h05_si_racun_ddv() -> Invoice:
    p = Pdf()
    items = [
        ("Najem apartmaja (noč)", D(4), D("110.00"), D("0.095")),
        ("Turistična taksa (oseba/noč)", D(8), D("3.13"), None),
        ("Čiščenje", D(1), D("40.00"), D("0.22")),
    ]
    net = items_total([(d, n, pr) for d, n, pr, _ in items])
    ddv95 = q(D(4) * D("110.00") * D("0.095"))
    ddv22 = q(D("40.00") * D("0.22"))
    total = net + ddv95 + ddv22
    vendor = "Alpska Hiša d.o.o."
    p.t(40, 55, vendor, 15, "sans-bold")
    p.t(40, 70, "Triglavska cesta 8, 4264 Bohinjska Bistrica · ID za DDV: SI 12345678", 8)
    p.t(40, 110, "RAČUN št. 2026-00318", 13, "sans-bold")
    p.t(40, 127, "Datum izdaje: 4. 3. 2026", 9.5)
    p.t(40, 140, "Datum opravljene storitve: 28. 2. - 4. 3. 2026", 9.5)
    p.t(330, 110, "Kupec: Jana Novak", 9.5)
    p.t(330, 124, "Cankarjeva 5, 1000 Ljubljana", 9.5)
    rows = [["Opis", "Kol.", "Cena", "DDV", "Znesek"]] + [
        [
            d,
            str(int(n)),
            eu(pr),
            "-" if r is None else f"{eu(r * 100).replace(',00', '').replace(',50', ',5')} %",
            eu(q(n * pr)),
        ]
        for d, n, pr, r in items
    ]
    y = p.grid(40, 165, [(235, "l"), (40, "r"), (75, "r"), (60, "c"), (105, "r")], rows)
    y = totals(
        p,
        330,
        555,
        y + 20,
        [
            ("Skupaj brez DDV", eu(net)),
            ("DDV 9,5 %", eu(ddv95)),
            ("DDV 22 %", eu(ddv22)),
            ("ZA PLAČILO EUR", eu(total)),
        ],
        9.5,
    )
    p.t(40, y + 15, "Turistična taksa ni predmet DDV. Rok plačila: 18. 3. 2026.", 8.5)
    return Invoice(
        "h05-si-racun-ddv",
        "pdf",
        p.done(),
        truth(vendor, "2026-00318", "2026-03-04", total, ddv95 + ddv22, "EUR"),
    )


@invoice
def h06_ph_bir_sales_invoice() -> Invoice:
    p = Pdf()
    vatable = D("25000.00")
    vat = q(vatable * D("0.12"))
    total = vatable + vat
    vendor = "Bayanihan Office Supplies Trading Corp."
    p.t(297, 50, vendor, 13, "sans-bold", "c")
    p.t(
        297,
        64,
        "VAT Reg. TIN: 008-123-456-00000 · 221 Ortigas Ave., Pasig City 1605",
        8,
        "sans",
        "c",
    )
    p.t(40, 100, "SALES INVOICE", 14, "sans-bold")
    p.t(555, 100, "No. 004512", 13, "sans-bold", "r")
    p.t(40, 120, "Sold to: Luzon Shipping Agency Inc.     TIN: 004-555-777-00000", 9)
    p.t(40, 133, "Address: Pier 4, North Harbor, Tondo, Manila", 9)
    p.t(555, 120, "Date: March 12, 2026", 9, align="r")
    p.t(555, 133, "Terms: 30 days", 9, align="r")
    rows = [
        ["Qty", "Unit", "Articles", "Unit Price", "Amount"],
        ["50", "rm", "Bond paper A4 70gsm", "250.00", "12,500.00"],
        ["25", "pc", "Toner cartridge, compatible", "500.00", "12,500.00"],
    ]
    y = p.grid(40, 155, [(40, "r"), (40, "c"), (245, "l"), (85, "r"), (105, "r")], rows)
    y = totals(
        p,
        330,
        555,
        y + 20,
        [
            ("VATable Sales", us(vatable)),
            ("VAT-Exempt Sales", "0.00"),
            ("Zero-Rated Sales", "0.00"),
            ("VAT Amount (12%)", us(vat)),
            ("TOTAL AMOUNT DUE", "₱" + us(total)),
        ],
        9,
        step=14,
    )
    p.t(
        40, y + 20, "Received the above goods in good order and condition.  By: ________________", 8
    )
    p.t(
        40,
        y + 40,
        "BIR Authority to Print No. 0AU1234567890 · Date issued 01/05/2025 · 50 bklts (50x3) 004001-006500",
        6.5,
    )
    return Invoice(
        "h06-ph-bir-sales-invoice",
        "pdf",
        p.done(),
        truth(vendor, "004512", "2026-03-12", total, vat, "PHP"),
    )


@invoice
def h07_ke_etims_tax_invoice() -> Invoice:
    p = Pdf()
    items = [
        ("Cold room rental, 20 m3 (March)", D(1), D("85000.00")),
        ("Reefer truck Nairobi-Mombasa", D(2), D("42500.00")),
    ]
    net = items_total(items)
    vat = q(net * D("0.16"))
    total = net + vat
    vendor = "Savannah Cold Chain Ltd"
    p.t(40, 55, vendor.upper(), 15, "sans-bold")
    p.t(40, 70, "Mombasa Road, Godown 14, Nairobi · PIN P051234567X · info@savannahcold.co.ke", 8)
    p.t(555, 105, "TAX INVOICE", 15, "sans-bold", "r")
    kv = [
        ("Invoice No", "NBO-2026-0881"),
        ("Date", "15-Mar-2026"),
        ("CU Invoice No", "KRAMW0120261234567/881"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(330, 125 + i * 13, lab, 8.5)
        p.t(555, 125 + i * 13, val, 8.5, "sans-bold", "r")
    p.t(40, 125, "Customer: Fresh Fields Exporters Ltd, PIN P052223334Y", 8.5)
    rows = [["Description", "Qty", "Unit price", "Amount (KES)"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(40, 175, [(275, "l"), (45, "r"), (90, "r"), (105, "r")], rows)
    y = totals(
        p,
        330,
        555,
        y + 20,
        [("Taxable amount", us(net)), ("VAT 16%", us(vat)), ("Total KES", us(total))],
        9.5,
    )
    p.t(
        40,
        y + 20,
        "M-Pesa Paybill 522522, Account NBO-2026-0881. Withholding VAT certificates to accounts@savannahcold.co.ke",
        7.5,
    )
    return Invoice(
        "h07-ke-etims-tax-invoice",
        "pdf",
        p.done(),
        truth(vendor, "NBO-2026-0881", "2026-03-15", total, vat, "KES"),
    )


# ----------------------------------------------------------------------------- taxes and balances


@invoice
def i01_ie_garage_two_vat_rates() -> Invoice:
    p = Pdf()
    parts = D("412.60")
    labour = D("360.00")
    vat23 = q(parts * D("0.23"))
    vat135 = q(labour * D("0.135"))
    total = parts + labour + vat23 + vat135
    vendor = "Corrib Motors Ltd"
    p.t(40, 55, vendor, 16, "sans-bold")
    p.t(40, 70, "Headford Road, Galway H91 X2P4 · VAT IE 9876543T · 091 555 012", 8)
    p.t(555, 55, "INVOICE", 16, "sans-bold", "r")
    kv = [
        ("Invoice no.", "CM 26/0412"),
        ("Date", "20 March 2026"),
        ("Reg.", "191-G-4410"),
        ("Mileage", "142,880 km"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(380, 85 + i * 13, lab, 8.5)
        p.t(555, 85 + i * 13, val, 8.5, "sans-bold", "r")
    p.t(40, 95, "Customer: Máire Ní Fhlatharta, Barna, Co. Galway", 9)
    rows = [
        ["Description", "VAT rate", "Net €"],
        ["Timing belt kit + water pump (parts)", "23%", us(D("298.40"))],
        ["Coolant, oil filter, 5W-30 oil 5L", "23%", us(D("114.20"))],
        ["Labour: timing belt replacement, service (4.5 h)", "13.5%", us(labour)],
    ]
    y = p.grid(40, 160, [(330, "l"), (70, "c"), (115, "r")], rows)
    y = totals(
        p,
        330,
        555,
        y + 20,
        [
            ("Goods net", us(parts)),
            ("Services net", us(labour)),
            ("VAT @ 23%", us(vat23)),
            ("VAT @ 13.5%", us(vat135)),
            ("Total €", us(total)),
        ],
        9.5,
    )
    p.t(40, y + 15, "Payment on collection of vehicle. Thank you.", 8.5)
    return Invoice(
        "i01-ie-garage-two-vat-rates",
        "pdf",
        p.done(),
        truth(vendor, "CM 26/0412", "2026-03-20", total, vat23 + vat135, "EUR"),
    )


@invoice
def i02_us_florist_taxable_lines() -> Invoice:
    p = Pdf(LETTER)
    lines = [
        ("Bridal bouquet, garden roses & peonies", D("285.00"), True),
        ("Boutonnieres (8 @ 18.00)", D("144.00"), True),
        ("Ceremony arch installation (design labor)", D("450.00"), False),
        ("Delivery & setup, 22 miles", D("95.00"), False),
        ("Centerpieces, low compote (12 @ 65.00)", D("780.00"), True),
    ]
    sub = sum((a for _, a, _ in lines), D(0))
    taxable = sum((a for _, a, t in lines if t), D(0))
    tax = q(taxable * D("0.0725"))
    total = sub + tax
    vendor = "Wild Poppy Floral Studio"
    p.t(306, 60, vendor, 19, "tim-bold", "c")
    p.t(
        306, 78, "318 Mission St, Santa Cruz, CA 95060  ·  hello@wildpoppyfloral.com", 9, "tim", "c"
    )
    p.t(50, 115, "Invoice No. WP-2026-031", 11, "tim-bold")
    p.t(50, 130, "Invoice date: Mar 13, 2026", 10, "tim")
    p.t(50, 145, "Event: Alvarez / Chen wedding, Apr 18, 2026", 10, "tim")
    rows = [["Description", "Taxable", "Amount"]] + [
        [d, "Y" if t else "N", us(a)] for d, a, t in lines
    ]
    y = p.grid(50, 170, [(330, "l"), (60, "c"), (122, "r")], rows, f="tim")
    y = totals(
        p,
        330,
        562,
        y + 20,
        [
            ("Subtotal", us(sub)),
            ("Taxable subtotal", us(taxable)),
            ("Sales tax 7.25% (taxable items)", us(tax)),
            ("Total", "$" + us(total)),
            ("Deposit paid 02/01/2026", "(500.00)"),
            ("Balance due", "$" + us(total - 500)),
        ],
        9.5,
        "tim",
        bold=(3,),
    )
    p.t(
        50,
        y + 20,
        "Floral labor and delivery are not taxable in California when separately stated.",
        8.5,
        "tim",
    )
    return Invoice(
        "i02-us-florist-taxable-lines",
        "pdf",
        p.done(),
        truth(vendor, "WP-2026-031", "2026-03-13", total, tax, "USD"),
    )


@invoice
def i03_us_propane_previous_balance() -> Invoice:
    p = Pdf(LETTER)
    gallons = D("184.6")
    price = D("2.899")
    fuel = q(gallons * price)
    hazmat = D("6.95")
    tank = D("89.00")
    total = fuel + hazmat + tank
    prev = D("312.48")
    vendor = "Green Mountain Propane Co."
    p.t(50, 55, vendor, 16, "sans-bold")
    p.t(50, 70, "PO Box 77, Rutland, VT 05702 · 802-555-0135", 8.5)
    p.t(562, 55, "INVOICE", 16, "sans-bold", "r")
    kv = [
        ("Invoice Number", "GMP-771204"),
        ("Invoice Date", "03/03/2026"),
        ("Account", "40-1188"),
        ("Due Date", "03/23/2026"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(400, 85 + i * 13, lab, 8.5)
        p.t(562, 85 + i * 13, val, 8.5, "sans-bold", "r")
    p.t(50, 100, "Service address: Hollister Farm, 1022 Town Line Rd, Pittsford VT", 8.5)
    rows = [
        ["Date", "Description", "Qty", "Price", "Amount"],
        [
            "02/26/2026",
            "Propane delivery, 500 gal tank (gallons)",
            num(gallons, places=1),
            "2.899",
            us(fuel),
        ],
        ["02/26/2026", "Hazmat / delivery compliance fee", "1", us(hazmat), us(hazmat)],
        ["03/01/2026", "Annual tank rental", "1", us(tank), us(tank)],
    ]
    y = p.grid(50, 150, [(70, "l"), (230, "l"), (50, "r"), (70, "r"), (92, "r")], rows)
    y = totals(p, 350, 562, y + 20, [("Total This Invoice", "$" + us(total))], 10, bold=(0,))
    p.box(330, y + 15, 232, 64)
    totals(
        p,
        338,
        556,
        y + 30,
        [
            ("Previous Balance", us(prev)),
            ("Current Invoice", us(total)),
            ("Total Amount Due", "$" + us(prev + total)),
        ],
        9,
        bold=(2,),
        step=15,
    )
    p.t(
        50,
        y + 110,
        "Previous balance is past 30 days. A 1.5% finance charge applies to balances over 30 days.",
        8,
    )
    return Invoice(
        "i03-us-propane-previous-balance",
        "pdf",
        p.done(),
        truth(vendor, "GMP-771204", "2026-03-03", total, None, "USD"),
    )


@invoice
def i04_gb_letterspaced_logo_vendor() -> Invoice:
    p = Pdf()
    items = [
        ("Brand identity: logo suite and guidelines", D(1), D("2400.00")),
        ("Packaging artwork, 3 SKUs", D(3), D("350.00")),
    ]
    net = items_total(items)
    vat = q(net * D("0.20"))
    total = net + vat
    spaced(
        p, 40, 70, "   ".join(" ".join(w) for w in ["FENWICK", "STUDIO", "LTD"]), 24, "sans-bold", 3
    )
    p.line(40, 82, 555, 82, 2)
    p.t(40, 96, "design · packaging · print", 8)
    p.t(
        555,
        96,
        "14 Grainger St, Newcastle upon Tyne NE1 5JE · VAT No. GB 402 1187 55",
        7.5,
        align="r",
    )
    p.t(40, 135, "Invoice", 20, "sans")
    kv = [("Invoice", "0312"), ("Date", "2 March 2026"), ("Due", "1 April 2026")]
    for i, (lab, val) in enumerate(kv):
        p.t(40 + i * 120, 160, lab.upper(), 7)
        p.t(40 + i * 120, 173, val, 10, "sans-bold")
    p.t(400, 160, "FOR", 7)
    p.t(400, 173, "Tyne Brew Co-operative", 10, "sans-bold")
    rows = [["Description", "Qty", "Rate", "Amount"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(40, 200, [(290, "l"), (45, "r"), (80, "r"), (100, "r")], rows, header_fill=None)
    y = totals(
        p,
        350,
        555,
        y + 20,
        [("Subtotal", "£" + us(net)), ("VAT 20%", "£" + us(vat)), ("Total GBP", "£" + us(total))],
        9.5,
    )
    p.t(40, y + 20, "Bank transfer: 20-45-77 / 83920114. Thank you!", 8.5)
    return Invoice(
        "i04-gb-letterspaced-logo-vendor",
        "pdf",
        p.done(),
        truth("Fenwick Studio Ltd", "0312", "2026-03-02", total, vat, "GBP"),
    )


@invoice
def i05_us_utility_meter_table() -> Invoice:
    p = Pdf(LETTER)
    kwh = 612
    energy = q(D(kwh) * D("0.1184"))
    delivery = q(D(kwh) * D("0.0521"))
    customer = D("12.50")
    water_kgal = D("5.2")
    water = q(water_kgal * D("6.85")) + D("18.00")
    sub = energy + delivery + customer + water
    uut = q((energy + delivery + customer) * D("0.05"))
    total = sub + uut
    vendor = "Riverbend Municipal Utilities"
    p.t(50, 52, vendor, 15, "sans-bold")
    p.t(50, 66, "City of Riverbend · 200 Water St, Riverbend, OR 97000 · 541-555-0100", 8)
    p.t(562, 52, "UTILITY BILL", 13, "sans-bold", "r")
    y = boxes(
        p,
        50,
        85,
        [
            ("Account Number", "0048812-03", 128),
            ("Bill Number", "2603-558102", 128),
            ("Bill Date", "March 8, 2026", 128),
            ("Due Date", "March 28, 2026", 128),
        ],
    )
    p.t(
        50,
        y + 18,
        "Service address: 72 Alder Ln, Riverbend OR · Billing period 02/05/2026 - 03/06/2026 (30 days)",
        8.5,
    )
    rows = [
        ["Meter", "Service", "Previous read", "Current read", "Multiplier", "Usage"],
        ["E-5521904", "Electric", "48,221", "48,833", "1", f"{kwh} kWh"],
        ["W-0087713", "Water", "1,204.3", "1,209.5", "1", "5.2 kgal"],
    ]
    y = p.grid(
        50,
        y + 30,
        [(75, "l"), (70, "l"), (95, "r"), (95, "r"), (70, "r"), (107, "r")],
        rows,
        size=8,
    )
    p.t(50, y + 22, "ACCOUNT SUMMARY", 9, "sans-bold")
    y = totals(
        p,
        50,
        300,
        y + 38,
        [
            ("Previous balance", "84.17"),
            ("Payment received 02/20/2026 - thank you", "(84.17)"),
            ("Balance forward", "0.00"),
        ],
        8.5,
        bold=(),
        step=13,
    )
    p.t(330, y - 55 + 16, "CURRENT CHARGES", 9, "sans-bold")
    totals(
        p,
        330,
        562,
        y - 55 + 32,
        [
            ("Electric energy 612 kWh @ 0.1184", us(energy)),
            ("Electric delivery 612 kWh @ 0.0521", us(delivery)),
            ("Customer charge", us(customer)),
            ("Water 5.2 kgal @ 6.85 + base 18.00", us(water)),
            ("Utility users tax 5% (electric)", us(uut)),
            ("Total current charges", us(total)),
            ("TOTAL AMOUNT DUE", "$" + us(total)),
        ],
        8.5,
        bold=(-1, -2),
        step=13,
    )
    p.t(
        50,
        y + 90,
        "Average daily use: 20.4 kWh (last year 22.9 kWh). Pay online at riverbendutilities.example",
        7.5,
    )
    return Invoice(
        "i05-us-utility-meter-table",
        "pdf",
        p.done(),
        truth(vendor, "2603-558102", "2026-03-08", total, uut, "USD"),
    )


@invoice
def i06_us_saas_zero_total() -> Invoice:
    p = Pdf(LETTER)
    vendor = "Fieldnote Labs, Inc."
    p.t(50, 60, "fieldnote", 22, "sans-bold")
    p.t(562, 60, "Invoice", 20, "sans", "r")
    kv = [
        ("Invoice number", "FN-0009913"),
        ("Date of issue", "March 1, 2026"),
        ("Date due", "March 1, 2026"),
    ]
    for i, (lab, val) in enumerate(kv):
        p.t(50, 100 + i * 14, lab, 9)
        p.t(170, 100 + i * 14, val, 9)
    p.t(50, 160, vendor, 9, "sans-bold")
    p.t(50, 173, "548 Market St #8812, San Francisco, CA 94104", 9)
    p.t(300, 160, "Bill to", 9, "sans-bold")
    p.t(300, 173, "Friends of Tilden Park (nonprofit)", 9)
    p.t(50, 220, "$0.00 due March 1, 2026", 16, "sans-bold")
    p.t(50, 240, "PAID", 10, "sans-bold")
    rows = [
        ["Description", "Qty", "Unit price", "Amount"],
        ["Team plan (Mar 1, 2026 - Mar 1, 2027)", "5", "$96.00", "$480.00"],
    ]
    y = p.grid(
        50, 270, [(280, "l"), (50, "r"), (90, "r"), (92, "r")], rows, header_fill=None, lines=False
    )
    p.line(50, y + 4, 562, y + 4)
    totals(
        p,
        330,
        562,
        y + 25,
        [
            ("Subtotal", "$480.00"),
            ("Nonprofit program (100% off)", "-$480.00"),
            ("Total excluding tax", "$0.00"),
            ("Sales tax (0%)", "$0.00"),
            ("Total", "$0.00"),
            ("Amount due", "$0.00"),
        ],
        9,
        bold=(-1,),
        step=15,
    )
    return Invoice(
        "i06-us-saas-zero-total",
        "pdf",
        p.done(),
        truth(vendor, "FN-0009913", "2026-03-01", "0.00", "0.00", "USD", "paid"),
    )


@invoice
def i07_us_credit_memo_parentheses() -> Invoice:
    p = Pdf(LETTER)
    net = D("1180.00")
    tax = q(net * D("0.06"))
    total = net + tax
    vendor = "Lakeside Office Furniture, Inc."

    def par(v: Decimal) -> str:
        return f"({us(v)})"

    p.t(50, 55, vendor, 15, "tim-bold")
    p.t(50, 70, "4410 Plainfield Ave NE, Grand Rapids, MI 49525", 9, "tim")
    p.t(562, 55, "CREDIT MEMO", 16, "tim-bold", "r")
    kv = [("Credit Memo #", "CM-1182"), ("Date", "03/16/2026"), ("Applies to Invoice", "INV-40517")]
    for i, (lab, val) in enumerate(kv):
        p.t(390, 80 + i * 14, lab, 9.5, "tim")
        p.t(562, 80 + i * 14, val, 9.5, "tim-bold", "r")
    p.t(
        50,
        100,
        "Customer: Kent County Credit Union, 200 Ottawa Ave NW, Grand Rapids MI",
        9.5,
        "tim",
    )
    rows = [
        ["Description", "Qty", "Unit", "Amount"],
        ["Returned: sit-stand desk frame, black (damaged)", "2", "590.00", par(net)],
    ]
    y = p.grid(50, 150, [(300, "l"), (50, "r"), (70, "r"), (92, "r")], rows, f="tim")
    totals(
        p,
        350,
        562,
        y + 25,
        [("Subtotal", par(net)), ("Sales Tax 6%", par(tax)), ("Total Credit", par(total))],
        10,
        "tim",
    )
    p.t(
        50,
        y + 90,
        "This credit has been applied to your account and will offset your next payment.",
        9,
        "tim",
    )
    return Invoice(
        "i07-us-credit-memo-parentheses",
        "pdf",
        p.done(),
        truth(vendor, "CM-1182", "2026-03-16", -total, -tax, "USD"),
    )


@invoice
def i08_us_cpa_discount_parentheses() -> Invoice:
    p = Pdf(LETTER)
    fees = [
        ("2025 Form 1065 partnership return", D("1650.00")),
        ("K-1 preparation, 3 partners", D("450.00")),
        ("Quarterly bookkeeping review (Q4)", D("300.00")),
    ]
    gross = sum((a for _, a in fees), D(0))
    disc = D("150.00")
    total = gross - disc
    retainer = D("500.00")
    vendor = "Hadley & Ruiz CPAs, PLLC"
    p.t(306, 60, vendor.upper(), 15, "tim-bold", "c")
    p.t(
        306,
        76,
        "Certified Public Accountants · 90 S Main St, Suite 300, Salt Lake City, UT 84101",
        8.5,
        "tim",
        "c",
    )
    p.t(50, 120, "Statement of Professional Services", 12, "tim-bold")
    p.t(50, 138, "Invoice 26-0147", 10, "tim")
    p.t(50, 152, "March 20, 2026", 10, "tim")
    p.t(330, 120, "Wasatch Trail Outfitters, LP", 10, "tim")
    p.t(330, 134, "Attn: Managing Partner", 10, "tim")
    y = 190
    for d, a in fees:
        p.t(50, y, d, 10, "tim")
        p.t(562, y, us(a), 10, "tim", "r")
        y += 16
    p.line(430, y - 8, 562, y - 8)
    y = totals(
        p,
        330,
        562,
        y + 6,
        [
            ("Total fees", us(gross)),
            ("Professional courtesy discount", f"({us(disc)})"),
            ("Total this invoice", "$" + us(total)),
            ("Less: retainer applied", f"({us(retainer)})"),
            ("Balance due", "$" + us(total - retainer)),
        ],
        10,
        "tim",
        bold=(2, 4),
        step=16,
    )
    p.t(50, y + 20, "Due upon receipt. We appreciate the opportunity to serve you.", 9, "tim")
    return Invoice(
        "i08-us-cpa-discount-parentheses",
        "pdf",
        p.done(),
        truth(vendor, "26-0147", "2026-03-20", total, None, "USD"),
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
