# ruff: noqa: E501  (invoice text reads better unwrapped)
"""A fourth blind batch of real-world-style invoices, written without looking at the extractor.

`uv run python eval/blind3/generate.py` writes eval/blind3/invoices/<key>.pdf|png|tif|txt and
<key>.json (truth, same format as the other sets). Written blind: nothing under
worker/docflow_worker/extraction/ was read, and the extractor was run on this set once, only
after it was complete (eval/blind3/MEASURED_BLIND.txt).

Styles that neither eval/holdout nor eval/blind2 has:
- trades and services: a construction progress invoice with retainage withheld after the
  invoice total, a car repair order (parts / labour / shop supplies, tax on parts only), a
  dental patient statement with insurance payment and adjustment, a solicitors' bill with
  profit costs, VAT-able and non-VAT-able disbursements and money held on account, a consulting
  invoice built from a weekly timesheet, a vet clinic, a builders' merchant ERP print-out
  (landscape, mono, VAT analysis by code);
- hospitality: a London restaurant bill with a discretionary service charge and "VAT
  included", a US diner check with a suggested-gratuity table and blank tip lines, an Indian
  restaurant bill with CGST + SGST and a round-off line;
- layouts: a 3-page wholesale invoice with "Übertrag" carried-forward subtotals, a window-
  envelope letter whose vendor is only in the tiny return-address line and the footer, a Xero
  template with a payment-advice slip, a Zoho-style invoice with "Payment Made" and an
  "Overdue" ribbon, a Finnish invoice whose totals sit in boxed label/value cells plus a bank
  giro, an Italian FatturaPA courtesy copy (cedente/cessionario), a Chilean SII factura
  electrónica (RUT box, IVA + additional alcohol tax), an export invoice in USD with a EUR
  equivalents column, a Spanish factura rectificativa (negative total), a Polish pro forma,
  a French invoice with a deposit deducted after the TTC total;
- taxes and currencies: BC GST + PST, Swiss CHF with apostrophes, Singapore GST with zero-rated
  freight, South African VAT (R 1 234.56), UAE VAT (AED), Hungarian ÁFA (integer forint),
  Indonesian PPN on DPP 11/12 (rupiah), Estonian käibemaks, Australian "Total includes GST";
- labels "Ref.", "Document No.", "Bill No.", "Nº de facture", "Rechnungs-Nr.", "Számla
  sorszáma", "Arve nr", "Numero documento"; dates "23rd February 2026", "03.03.26", "March 3,
  2026", "2026-03-09", "03/02/26" (US), "2026.03.05.", "2026/03/17", "3 de Marzo del 2026";
- scans: three PNG desk scans (200 dpi, 0.7–1.4° tilt, speckle) and one 1-bit fax TIFF, all
  OCR'd by the pipeline; one plain-text forwarded e-mail whose forwarder is another company.

Truth conventions are eval/holdout/generate.py's: total = gross total as printed before any
payment or deduction that follows it (deposit, money on account, insurance payment and
adjustment, retainage); tax = sum of the printed tax lines, "0.00" for a printed zero tax
line, null when no tax amount is printed; status only when the document prints one; the
vendor's legal name where the document prints one.
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
    font,
    items_total,
    num,
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


def scan(pdf: bytes, seed: int, angle: float, fmt: str = "PNG") -> bytes:
    """Render page 1 at 200 dpi, tilt it, add speckle; fmt TIFF gives a 1-bit G4 fax."""
    import pypdfium2 as pdfium
    from PIL import Image

    page = pdfium.PdfDocument(pdf)[0]
    img = page.render(scale=200 / 72).to_pil().convert("L")
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    rng = random.Random(seed)
    px = img.load()
    assert px is not None
    w, h = img.size
    for _ in range(w * h // 500):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.choice((0, 80, 150, 200))
    out = io.BytesIO()
    if fmt == "TIFF":
        bw = img.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)
        bw.save(out, format="TIFF", compression="group4", dpi=(200, 200))
    else:
        img.save(out, format="PNG", dpi=(200, 200))
    return out.getvalue()


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


def zar(v: Decimal) -> str:
    return "R " + num(v, " ", ".")


def nodec(v: Decimal, group: str = ".") -> str:
    return num(v, group, ",", places=0)


# ----------------------------------------------------------------------------- trades


@invoice
def c01_us_construction_retainage() -> Invoice:
    p = Pdf(LETTER)
    sov = [
        ("01", "Footings and foundations", D("184000.00"), D(100), D(0)),
        ("02", "Slab on grade, 6 in. reinforced", D("96500.00"), D(40), D(60)),
        ("03", "CMU bearing walls, levels 1-2", D("142800.00"), D(0), D(25)),
        ("CO-3", "Change order 3: added drilled piers at grid C", D("8640.00"), D(0), D(100)),
    ]
    this_period = q(sum((v * t / 100 for _, _, v, _, t in sov), D(0)))
    previous = q(sum((v * pr / 100 for _, _, v, pr, _ in sov), D(0)))
    contract = sum((v for _, _, v, _, _ in sov), D(0))
    retain = q(this_period * D("0.10"))
    net_due = this_period - retain
    p.t(50, 55, "REDLINE CONCRETE & MASONRY, INC.", 15, "lib-bold")
    p.t(50, 70, "7710 Industrial Blvd, Suite B · Fort Worth, TX 76118", 8.5, "lib")
    p.t(50, 81, "(817) 555-0164 · ar@redlinecm.com · TX Contractor Lic. 22871", 8.5, "lib")
    p.t(562, 55, "PROGRESS INVOICE", 14, "lib-bold", "r")
    meta = [
        ("Invoice No.:", "RCM-26-0318"),
        ("Invoice Date:", "March 18, 2026"),
        ("Period To:", "03/15/2026"),
        ("Application No.:", "4"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(440, 75 + i * 12, lab, 8.5, "lib")
        p.t(562, 75 + i * 12, val, 8.5, "lib", "r")
    p.t(50, 135, "TO (GENERAL CONTRACTOR):", 8, "lib-bold")
    for i, line in enumerate(
        ["Hollister Build Group LLC", "400 Throckmorton St, 12th Fl", "Fort Worth, TX 76102"]
    ):
        p.t(50, 148 + i * 12, line, 9, "lib")
    p.t(320, 135, "PROJECT:", 8, "lib-bold")
    for i, line in enumerate(
        [
            "Cedar Point Medical Office Building",
            "Job No. 2291 · GC Contract No. GC-4471-03",
            "Architect: Ramos Whitley Partners",
        ]
    ):
        p.t(320, 148 + i * 12, line, 9, "lib")
    rows = [
        [
            "Item",
            "Description of work",
            "Scheduled value",
            "Prev. %",
            "This period %",
            "This period $",
        ]
    ]
    for code, desc, val, prev, now in sov:
        rows.append([code, desc, us(val), f"{prev}%", f"{now}%", us(q(val * now / 100))])
    y = p.grid(
        50,
        200,
        [(36, "l"), (210, "l"), (80, "r"), (50, "r"), (66, "r"), (70, "r")],
        rows,
        size=8,
    )
    y += 22
    p.t(50, y, "CONTRACT SUMMARY", 8, "lib-bold")
    summary = [
        ("Original contract sum", us(contract - D("8640.00"))),
        ("Net change by change orders", us(D("8640.00"))),
        ("Contract sum to date", us(contract)),
        ("Completed previous applications", us(previous)),
        ("Completed to date", us(previous + this_period)),
        ("Retainage held to date (10%)", us(q((previous + this_period) * D("0.10")))),
    ]
    totals(p, 50, 290, y + 14, summary, 8, "lib", bold=(), step=12)
    due = [
        ("Work completed this period", "$" + us(this_period)),
        ("INVOICE TOTAL", "$" + us(this_period)),
        ("Less retainage withheld (10%)", "($" + us(retain) + ")"),
        ("NET AMOUNT DUE THIS INVOICE", "$" + us(net_due)),
    ]
    totals(p, 330, 562, y + 14, due, 9, "lib", bold=(1, 3), step=16)
    p.t(50, y + 110, "Labor and materials for new construction; no sales tax charged.", 8, "lib")
    p.t(
        50,
        y + 122,
        "Payment terms: Net 30 from approval of pay application. Retainage payable at substantial completion.",
        8,
        "lib",
    )
    p.t(50, y + 170, "Submitted by: ______________________   Date: ________", 9, "lib")
    return Invoice(
        "c01-us-construction-retainage",
        "pdf",
        p.done(),
        truth(
            "Redline Concrete & Masonry, Inc.",
            "RCM-26-0318",
            "2026-03-18",
            this_period,
            None,
            "USD",
        ),
    )


@invoice
def c02_us_auto_repair() -> Invoice:
    p = Pdf(LETTER)
    parts = [
        ("1", "31500-T0A-A01", "Brake pad set, front", D("89.95")),
        ("2", "45251-TLA-A00", "Brake rotor, front", D("74.50")),
        ("1", "08798-9008", "Brake fluid DOT 3, 12 oz", D("12.99")),
    ]
    labor = [
        ("BRK-F", "Replace front pads and rotors, road test", D("1.8")),
        ("BRK-FL", "Brake fluid flush", D("0.7")),
    ]
    rate = D("135.00")
    parts_total = q(sum((D(n) * pr for n, _, _, pr in parts), D(0)))
    labor_total = q(sum((h * rate for _, _, h in labor), D(0)))
    supplies = D("18.00")
    haz = D("3.50")
    tax = q((parts_total + supplies) * D("0.075"))
    total = parts_total + labor_total + supplies + haz + tax
    p.t(50, 52, "Kessler's Auto Service LLC", 16, "tim-bold")
    p.t(50, 67, "2250 Wilmington Pike · Kettering, OH 45420 · (937) 555-0131", 9, "tim")
    p.t(50, 78, "ASE Certified · OH Motor Vehicle Repair Reg. MVR-04471", 8, "tim")
    p.box(400, 40, 162, 52)
    p.t(408, 54, "INVOICE #  104877", 10, "tim-bold")
    p.t(408, 68, "R.O. #  3315", 9, "tim")
    p.t(408, 82, "DATE  03/19/2026", 9, "tim")
    p.grid(
        50,
        105,
        [(170, "l"), (120, "l"), (130, "l"), (92, "l")],
        [
            ["CUSTOMER", "VEHICLE", "VIN", "MILEAGE IN / OUT"],
            ["Rachel Donnelly", "2018 Honda CR-V EX", "2HKRW2H56JH612345", "84,213 / 84,219"],
            ["(937) 555-0178", "Plate OH JKT4471", "Promised 03/19 5:00 PM", "Tech #12"],
        ],
        size=8,
        f="tim",
    )
    y = 170
    p.t(50, y, "PARTS", 10, "tim-bold")
    rows = [["Qty", "Part number", "Description", "Unit", "Amount"]] + [
        [n, pn, d, us(pr), us(q(D(n) * pr))] for n, pn, d, pr in parts
    ]
    y = p.grid(
        50,
        y + 6,
        [(35, "c"), (110, "l"), (217, "l"), (70, "r"), (80, "r")],
        rows,
        size=8.5,
        f="tim",
    )
    p.t(482, y + 12, "Parts total", 8.5, "tim-bold", "r")
    p.t(562, y + 12, us(parts_total), 8.5, "tim-bold", "r")
    y += 34
    p.t(50, y, "LABOR", 10, "tim-bold")
    rows = [["Op", "Description", "Hours", "Rate", "Amount"]] + [
        [op, d, str(h), us(rate), us(q(h * rate))] for op, d, h in labor
    ]
    y = p.grid(
        50, y + 6, [(60, "l"), (262, "l"), (50, "r"), (70, "r"), (70, "r")], rows, size=8.5, f="tim"
    )
    p.t(482, y + 12, "Labor total", 8.5, "tim-bold", "r")
    p.t(562, y + 12, us(labor_total), 8.5, "tim-bold", "r")
    y += 40
    p.t(50, y, "Technician notes: front rotors below min. thickness (26.1 mm).", 8.5, "tim")
    p.t(
        50,
        y + 12,
        "Rear pads at 5 mm - recommend replacement within 6 months (est. $289.00).",
        8.5,
        "tim",
    )
    summary = [
        ("Parts", us(parts_total)),
        ("Labor", us(labor_total)),
        ("Sublet", "0.00"),
        ("Shop supplies", us(supplies)),
        ("Hazardous waste disposal", us(haz)),
        ("Sales tax 7.5% (parts & supplies)", us(tax)),
        ("TOTAL", "$" + us(total)),
    ]
    y = totals(p, 360, 562, y + 40, summary, 9, "tim", step=14)
    p.t(
        50,
        y + 30,
        "I authorize the above repair work and acknowledge receipt of the vehicle.",
        8.5,
        "tim",
    )
    p.t(50, y + 55, "Customer signature: ____________________________", 9, "tim")
    return Invoice(
        "c02-us-auto-repair",
        "pdf",
        p.done(),
        truth("Kessler's Auto Service LLC", "104877", "2026-03-19", total, tax, "USD"),
    )


@invoice
def c03_us_dental_statement() -> Invoice:
    p = Pdf(LETTER)
    procs = [
        ("02/11/2026", "D0120", "Periodic oral evaluation", D("68.00")),
        ("02/11/2026", "D1110", "Prophylaxis - adult", D("112.00")),
        ("02/11/2026", "D0274", "Bitewings - four radiographic images", D("74.00")),
        ("02/11/2026", "D2392", "Resin composite, two surfaces, posterior (#30)", D("245.00")),
    ]
    charges = sum((a for *_, a in procs), D(0))
    ins_paid = D("312.40")
    adj = D("96.60")
    balance = charges - ins_paid - adj
    p.t(50, 55, "Bayside Family Dentistry, P.C.", 15, "lib-bold")
    p.t(50, 70, "1420 Harbor Way, Suite 210 · Alameda, CA 94501 · (510) 555-0102", 8.5, "lib")
    p.t(50, 81, "Tax ID 94-3318472 · NPI 1234567893", 8.5, "lib")
    p.t(562, 55, "PATIENT STATEMENT", 13, "lib-bold", "r")
    box = [
        ["Statement date", "Invoice No.", "Account No.", "Please pay"],
        ["03/03/2026", "77120", "004418", "$" + us(balance)],
    ]
    p.grid(300, 95, [(70, "c"), (62, "c"), (62, "c"), (68, "c")], box, size=8)
    p.t(50, 140, "Responsible party:", 8, "lib-bold")
    for i, line in enumerate(["Thomas Okafor", "88 Central Ave, Apt 3", "Alameda, CA 94501"]):
        p.t(50, 152 + i * 12, line, 9.5, "lib")
    p.t(300, 140, "Patient: Thomas Okafor (DOB on file)", 8.5, "lib")
    p.t(300, 152, "Insurance: Delta Dental PPO · Claim # 2026021119452", 8.5, "lib")
    rows = [["Date", "Code", "Description", "Charge"]] + [
        [d, c, desc, us(a)] for d, c, desc, a in procs
    ]
    y = p.grid(50, 200, [(70, "l"), (50, "l"), (290, "l"), (102, "r")], rows, size=8.5)
    y = totals(p, 330, 562, y + 16, [("Total charges", "$" + us(charges))], 9.5, "lib", bold=(0,))
    y += 8
    p.t(330, y, "Payments & adjustments", 8, "lib-bold")
    pay = [
        ("03/01/2026  Delta Dental payment", "-" + us(ins_paid)),
        ("03/01/2026  PPO contractual adjustment", "-" + us(adj)),
        ("Patient payments", "0.00"),
    ]
    y = totals(p, 330, 562, y + 14, pay, 8.5, "lib", bold=(), step=13)
    p.line(330, y - 4, 562, y - 4)
    totals(p, 330, 562, y + 8, [("Patient balance due", "$" + us(balance))], 10, "lib", bold=(0,))
    p.t(
        50,
        y + 50,
        "Balances are due within 30 days of the statement date. Questions about your bill? Call (510) 555-0102.",
        8,
        "lib",
    )
    p.line(50, 640, 562, 640, dash=True)
    p.t(50, 655, "Detach and return with payment", 7.5, "lib")
    p.t(50, 672, "Bayside Family Dentistry, P.C. · PO Box 2240 · Alameda, CA 94501", 8.5, "lib")
    p.t(380, 672, "Account 004418 · Amount due $" + us(balance), 8.5, "lib-bold")
    p.t(380, 686, "Amount enclosed $ ____________", 8.5, "lib")
    return Invoice(
        "c03-us-dental-statement",
        "pdf",
        p.done(),
        truth("Bayside Family Dentistry, P.C.", "77120", "2026-03-03", charges, None, "USD"),
    )


@invoice
def c04_gb_solicitors_bill() -> Invoice:
    p = Pdf()
    fees = [
        ("Partner (J. K. Tennant), 4.5 hours at £420.00", D("1890.00")),
        ("Associate (M. Osei), 11.2 hours at £265.00", D("2968.00")),
        ("Trainee solicitor, 3.0 hours at £150.00", D("450.00")),
    ]
    profit = sum((v for _, v in fees), D(0))
    vat_fees = q(profit * D("0.20"))
    disb = [
        ("Counsel's fee (Ms A. Rahman, 4 Pump Court)", D("900.00"), True),
        ("Courier - engrossments to client", D("38.00"), True),
        ("HM Land Registry fee (no VAT)", D("150.00"), False),
    ]
    vat_disb = [q(v * D("0.20")) if vatable else None for _, v, vatable in disb]
    costs = profit + sum((v for _, v, _ in disb), D(0))
    vat = vat_fees + sum((v for v in vat_disb if v is not None), D(0))
    total = costs + vat
    held = D("2000.00")
    p.t(p.w / 2, 55, "PEMBERTON HALE LLP", 18, "tim-bold", "c")
    p.t(p.w / 2, 71, "Solicitors", 10, "tim", "c")
    p.t(
        p.w / 2,
        84,
        "2 Bedford Row · London WC1R 4BU · DX 204 Chancery Lane · 020 7946 0321",
        8,
        "tim",
        "c",
    )
    p.t(40, 120, "Arden Castings Limited", 10, "tim")
    p.t(40, 133, "Unit 4, Foundry Lane", 10, "tim")
    p.t(40, 146, "Smethwick B66 2LP", 10, "tim")
    p.t(40, 166, "For the attention of Mrs A. Clarke, Finance Director", 9, "tim")
    meta = [
        ("Bill No.", "26/0471"),
        ("Date", "23rd February 2026"),
        ("Our Ref", "JKT/MAR/0088-12"),
        ("Your Ref", "AC/Lease/U4"),
        ("VAT Reg No", "GB 214 8876 03"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(360, 120 + i * 13, lab, 9, "tim")
        p.t(440, 120 + i * 13, val, 9, "tim")
    p.t(40, 200, "TO OUR PROFESSIONAL CHARGES", 10.5, "tim-bold")
    p.t(
        40,
        215,
        "in connection with the renewal of your lease of Unit 4, Foundry Lane, including negotiation of",
        9,
        "tim",
    )
    p.t(
        40,
        227,
        "heads of terms, review of the landlord's draft, and completion on 12 February 2026.",
        9,
        "tim",
    )
    rows = [["", "Costs £", "VAT £"]] + [[d, us(v), ""] for d, v in fees]
    rows.append(["Profit costs", us(profit), us(vat_fees)])
    y = p.grid(
        40, 245, [(335, "l"), (90, "r"), (90, "r")], rows, size=8.5, f="tim", header_fill=None
    )
    p.t(40, y + 18, "DISBURSEMENTS", 10.5, "tim-bold")
    rows = [["", "Costs £", "VAT £"]] + [
        [d, us(v), us(t) if t is not None else "-"]
        for (d, v, _), t in zip(disb, vat_disb, strict=True)
    ]
    y = p.grid(
        40, y + 25, [(335, "l"), (90, "r"), (90, "r")], rows, size=8.5, f="tim", header_fill=None
    )
    y += 20
    p.t(40, y, "Totals", 9.5, "tim-bold")
    p.t(465, y, us(costs), 9.5, "tim-bold", "r")
    p.t(555, y, us(vat), 9.5, "tim-bold", "r")
    summary = [
        ("Total costs and disbursements", us(costs)),
        ("VAT at 20%", us(vat)),
        ("TOTAL OF THIS BILL", "£" + us(total)),
        ("Less: monies held on client account", "(" + us(held) + ")"),
        ("Balance now payable", "£" + us(total - held)),
    ]
    y = totals(p, 300, 555, y + 25, summary, 9.5, "tim", bold=(2, 4))
    p.t(
        40,
        y + 25,
        "Payment within 28 days please, to Pemberton Hale LLP Office Account, sort code 20-00-00, account 43917702.",
        8,
        "tim",
    )
    p.t(
        40,
        800,
        "Pemberton Hale LLP is authorised and regulated by the Solicitors Regulation Authority (SRA No. 612345). A list of members is available at our office.",
        6.5,
        "tim",
    )
    return Invoice(
        "c04-gb-solicitors-bill",
        "pdf",
        p.done(),
        truth("Pemberton Hale LLP", "26/0471", "2026-02-23", total, vat, "GBP"),
    )


# ----------------------------------------------------------------------------- hospitality


@invoice
def c05_gb_restaurant_service_charge() -> Invoice:
    p = Pdf((227, 560))
    items = [
        ("2", "Burrata, blood orange", D("19.00")),
        ("1", "Roast chicken, salsa verde", D("21.00")),
        ("1", "Cornish hake, mussels", D("24.50")),
        ("1", "Triple-cooked chips", D("4.50")),
        ("1", "Malbec, Mendoza (btl)", D("34.00")),
        ("1", "Sparkling water 750ml", D("4.00")),
    ]
    sub = sum((v for *_, v in items), D(0))
    service = q(sub * D("0.125"))
    total = sub + service
    vat = q(sub / 6)
    p.t(113, 40, "The Copper Kettle", 15, "serif-bold", "c")
    p.t(113, 54, "41 Exmouth Market, London EC1R 4QL", 7.5, align="c")
    p.t(113, 64, "020 7946 0882", 7.5, align="c")
    p.t(14, 88, "Table 12    Covers 4    Server: Kasia", 7.5, "mono")
    p.t(14, 99, "Bill No: 4812", 7.5, "mono")
    p.t(14, 110, "07/03/2026 21:47", 7.5, "mono")
    p.line(14, 118, 213, 118, dash=True)
    y = 132
    for qty, d, v in items:
        p.t(14, y, qty, 7.5, "mono")
        p.t(28, y, d, 7.5, "mono")
        p.t(213, y, us(v), 7.5, "mono", "r")
        y += 11
    p.line(14, y - 4, 213, y - 4, dash=True)
    rows = [
        ("Subtotal", us(sub)),
        ("Discretionary service 12.5%", us(service)),
        ("TOTAL", "£" + us(total)),
    ]
    y = totals(p, 14, 213, y + 8, rows, 8, "mono", step=12)
    p.t(14, y + 6, f"VAT 20% included in food & drink: {us(vat)}", 7, "mono")
    p.t(14, y + 16, "Service charge is optional and goes", 7, "mono")
    p.t(14, y + 25, "in full to our team.", 7, "mono")
    p.line(14, y + 34, 213, y + 34, dash=True)
    p.t(113, y + 48, "VAT Reg No. GB 318 4471 26", 7, align="c")
    p.t(113, y + 58, "Thank you - see you soon!", 7, align="c")
    return Invoice(
        "c05-gb-restaurant-service-charge",
        "pdf",
        p.done(),
        truth("The Copper Kettle", "4812", "2026-03-07", total, vat, "GBP"),
    )


@invoice
def c06_us_diner_tip_guide() -> Invoice:
    p = Pdf((216, 520))
    items = [
        ("1", "LUMBERJACK BRKFST", D("14.99")),
        ("1", "PANCAKE STACK", D("10.49")),
        ("2", "COFFEE", D("5.50")),
        ("1", "OJ LARGE", D("4.25")),
    ]
    sub = sum((v for *_, v in items), D(0))
    tax = q(sub * D("0.08875"))
    total = sub + tax
    p.t(108, 36, "LUCKY STAR DINER", 13, "mono-bold", "c")
    p.t(108, 49, "318 Court St, Brooklyn NY 11231", 7, "mono", "c")
    p.t(108, 58, "(718) 555-0147", 7, "mono", "c")
    p.t(12, 80, "Check #: 2047      Table: 9", 7.5, "mono")
    p.t(12, 90, "Server: MARISOL    Guests: 2", 7.5, "mono")
    p.t(12, 100, "3/14/2026  8:12 AM", 7.5, "mono")
    p.line(12, 107, 204, 107)
    y = 120
    for qty, d, v in items:
        p.t(12, y, f"{qty} {d}", 7.5, "mono")
        p.t(204, y, us(v), 7.5, "mono", "r")
        y += 10
    p.line(12, y - 3, 204, y - 3)
    y = totals(
        p,
        12,
        204,
        y + 9,
        [("Subtotal", us(sub)), ("Tax", us(tax)), ("TOTAL", "$" + us(total))],
        8,
        "mono",
        step=11,
    )
    p.t(12, y + 12, "Tip:   ____________", 8, "mono")
    p.t(12, y + 30, "Total: ____________", 8, "mono")
    p.t(12, y + 55, "Suggested gratuity (on subtotal):", 7, "mono")
    for i, pct in enumerate((18, 20, 22)):
        tip = q(sub * pct / 100)
        p.t(20, y + 66 + i * 10, f"{pct}% = ${us(tip)}   (total ${us(total + tip)})", 7, "mono")
    p.t(108, y + 110, "THANK YOU! COME AGAIN", 7.5, "mono", "c")
    return Invoice(
        "c06-us-diner-tip-guide",
        "pdf",
        p.done(),
        truth("Lucky Star Diner", "2047", "2026-03-14", total, tax, "USD"),
    )


@invoice
def c07_in_restaurant_cgst_sgst() -> Invoice:
    p = Pdf((230, 600))
    items = [
        ("Paneer Tikka", 1, D("320.00")),
        ("Dal Makhani", 1, D("290.00")),
        ("Butter Naan", 4, D("60.00")),
        ("Jeera Rice", 1, D("210.00")),
        ("Masala Chaas", 2, D("90.00")),
        ("Masala Papad", 1, D("55.00")),
    ]
    sub = q(sum((n * v for _, n, v in items), D(0)))
    cgst = q(sub * D("0.025"))
    sgst = cgst
    exact = sub + cgst + sgst
    grand = exact.quantize(D(1))
    roff = grand - exact
    p.t(115, 36, "SPICE ROUTE KITCHEN", 12, "sans-bold", "c")
    p.t(115, 48, "12, 100 Feet Road, Indiranagar, Bengaluru 560038", 6.5, align="c")
    p.t(115, 57, "GSTIN: 29ABCFS1234K1Z5   FSSAI: 11219334000123", 6.5, align="c")
    p.t(115, 72, "TAX INVOICE", 8.5, "sans-bold", "c")
    p.t(12, 88, "Bill No. : 4417", 7.5, "mono")
    p.t(218, 88, "Table : T7", 7.5, "mono", "r")
    p.t(12, 98, "Date : 11-03-2026", 7.5, "mono")
    p.t(218, 98, "Time : 21:08", 7.5, "mono", "r")
    p.t(12, 108, "Steward : Ravi   Pax : 3", 7.5, "mono")
    p.line(12, 114, 218, 114, dash=True)
    p.t(12, 124, "Item", 7.5, "mono-bold")
    p.t(140, 124, "Qty", 7.5, "mono-bold", "r")
    p.t(178, 124, "Rate", 7.5, "mono-bold", "r")
    p.t(218, 124, "Amt", 7.5, "mono-bold", "r")
    y = 136
    for d, n, v in items:
        p.t(12, y, d, 7.5, "mono")
        p.t(140, y, str(n), 7.5, "mono", "r")
        p.t(178, y, us(v), 7.5, "mono", "r")
        p.t(218, y, us(q(n * v)), 7.5, "mono", "r")
        y += 10
    p.line(12, y - 3, 218, y - 3, dash=True)
    rows = [
        ("Sub Total", us(sub)),
        ("CGST @ 2.5%", us(cgst)),
        ("SGST @ 2.5%", us(sgst)),
        ("Round Off", ("+" if roff >= 0 else "") + us(roff)),
        ("Grand Total  ₹", us(grand)),
    ]
    y = totals(p, 12, 218, y + 9, rows, 7.5, "mono", step=11)
    p.t(12, y + 8, "Rupees One Thousand Three Hundred Sixty Only", 6.5, "mono")
    p.t(12, y + 18, "Paid by: UPI", 6.5, "mono")
    p.t(115, y + 38, "No service charge levied. Thank you!", 7, align="c")
    return Invoice(
        "c07-in-restaurant-cgst-sgst",
        "pdf",
        p.done(),
        truth("Spice Route Kitchen", "4417", "2026-03-11", q(grand), cgst + sgst, "INR"),
    )


# ----------------------------------------------------------------------------- layouts


@invoice
def c08_de_grosshandel_three_pages() -> Invoice:
    p = Pdf()
    catalogue = [
        ("100417", "Weizenmehl Type 405, 25 kg", "Sack", D("14.90"), 7),
        ("100582", "Rapsöl raffiniert, 10 l", "Kanister", D("21.40"), 7),
        ("101230", "Tomaten passiert, 5 kg Dose", "Dose", D("6.85"), 7),
        ("101877", "Mozzarella Block 2,5 kg", "Stk", D("17.20"), 7),
        ("102004", "Parmigiano Reggiano 24 Mon., 1 kg", "kg", D("18.95"), 7),
        ("102455", "Basilikum frisch, Bund", "Bund", D("0.95"), 7),
        ("103310", "Espresso Bohnen Crema, 1 kg", "Pkg", D("16.40"), 7),
        ("103322", "H-Milch 3,5 %, 12 x 1 l", "Kiste", D("11.88"), 7),
        ("104101", "Mineralwasser medium, 12 x 0,75 l", "Kiste", D("6.20"), 19),
        ("104118", "Cola 24 x 0,33 l Dose", "Tray", D("13.90"), 19),
        ("104560", "Pinot Grigio DOC, 6 x 0,75 l", "Karton", D("29.70"), 19),
        ("105002", "Servietten 3-lagig, 33x33, 1000 St.", "Pkg", D("12.40"), 19),
        ("105019", "Pizzakarton 32 cm, 100 St.", "Bund", D("24.60"), 19),
        ("105233", "Alufolie 45 cm x 150 m", "Rolle", D("19.80"), 19),
        ("105871", "Spülmaschinenreiniger 12 kg", "Kanister", D("34.50"), 19),
        ("106004", "Nitril-Handschuhe M, 100 St.", "Box", D("5.95"), 19),
    ]
    qtys = [
        4,
        3,
        12,
        10,
        6,
        20,
        8,
        5,
        15,
        6,
        4,
        3,
        10,
        2,
        2,
        12,
        2,
        1,
        6,
        8,
        4,
        10,
        6,
        3,
        2,
        2,
        5,
        10,
        6,
        4,
        3,
        2,
        1,
        2,
        4,
        3,
        6,
        2,
        5,
        3,
        4,
        6,
        8,
        2,
        3,
    ]
    lines = []
    for i, n in enumerate(qtys):
        art, name, unit, price, rate = catalogue[(i * 7) % len(catalogue)]
        lines.append((i + 1, art, name, D(n), unit, price, rate))
    net7 = q(sum((n * pr for *_, n, _, pr, r in lines if r == 7), D(0)))
    net19 = q(sum((n * pr for *_, n, _, pr, r in lines if r == 19), D(0)))
    vat7 = q(net7 * D("0.07"))
    vat19 = q(net19 * D("0.19"))
    total = net7 + net19 + vat7 + vat19
    per_page = 17
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    carried = D(0)
    cols = [(28, "r"), (48, "l"), (200, "l"), (40, "r"), (45, "l"), (60, "r"), (30, "c"), (64, "r")]
    for pi, chunk in enumerate(pages, 1):
        if pi == 1:
            p.t(40, 50, "Rheinland Gastro-Großhandel GmbH & Co. KG", 14, "sans-bold")
            p.t(
                40,
                64,
                "Hafenstraße 21 · 50968 Köln · Tel. 0221 555 40-0 · www.rheinland-gastro.de",
                8,
            )
            p.t(40, 100, "Trattoria Da Enzo, Inh. Vincenzo Russo", 10)
            p.t(40, 113, "Severinstraße 188", 10)
            p.t(40, 126, "50678 Köln", 10)
            p.t(360, 96, "RECHNUNG", 14, "sans-bold")
            meta = [
                ("Rechnungs-Nr.:", "2026-031877"),
                ("Rechnungsdatum:", "03.03.2026"),
                ("Lieferdatum:", "02.03.2026"),
                ("Lieferschein-Nr.:", "LS-884120"),
                ("Kunden-Nr.:", "40177"),
            ]
            for i, (lab, val) in enumerate(meta):
                p.t(360, 114 + i * 12, lab, 8.5)
                p.t(555, 114 + i * 12, val, 8.5, align="r")
            top = 190
        else:
            p.t(40, 50, f"Rechnung 2026-031877 vom 03.03.2026 · Seite {pi} von {len(pages)}", 8.5)
            p.t(555, 70, "Übertrag:", 8.5, "sans-bold", "r")
            p.t(555, 82, eu(carried) + " €", 8.5, "sans-bold", "r")
            top = 100
        rows = [["Pos", "Art.-Nr.", "Bezeichnung", "Menge", "Einh.", "Preis €", "USt", "Betrag €"]]
        for pos, art, name, n, unit, price, rate in chunk:
            rows.append(
                [
                    str(pos),
                    art,
                    name,
                    str(n),
                    unit,
                    eu(price),
                    "A" if rate == 7 else "B",
                    eu(q(n * price)),
                ]
            )
            carried += q(n * price)
        y = p.grid(40, top, cols, rows, size=7.5, row_h=14)
        if pi < len(pages):
            p.t(440, y + 16, f"Übertrag auf Seite {pi + 1}:", 8.5, "sans-bold", "r")
            p.t(555, y + 16, eu(carried) + " €", 8.5, "sans-bold", "r")
            p.t(p.w / 2, 815, f"Seite {pi} von {len(pages)}", 7.5, align="c")
            p.page()
    y += 24
    p.t(40, y, "USt-Schlüssel: A = 7 %, B = 19 %", 7.5)
    rows = [
        ["USt", "Netto €", "USt €", "Brutto €"],
        ["A 7 %", eu(net7), eu(vat7), eu(net7 + vat7)],
        ["B 19 %", eu(net19), eu(vat19), eu(net19 + vat19)],
    ]
    p.grid(40, y + 8, [(50, "l"), (75, "r"), (65, "r"), (75, "r")], rows, size=8)
    summary = [
        ("Warenwert netto", eu(net7 + net19) + " €"),
        ("zzgl. USt 7 %", eu(vat7) + " €"),
        ("zzgl. USt 19 %", eu(vat19) + " €"),
        ("Rechnungsbetrag", eu(total) + " €"),
    ]
    y = totals(p, 360, 555, y + 16, summary, 9, bold=(-1,))
    p.t(
        40,
        y + 40,
        "Zahlbar innerhalb von 14 Tagen ohne Abzug. Es gelten unsere AGB. Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.",
        7.5,
    )
    p.t(
        40,
        800,
        "Sitz Köln · AG Köln HRA 28811 · pers. haft. Ges.: Rheinland Gastro Verwaltungs-GmbH · USt-IdNr. DE 812 334 567 · IBAN DE44 3705 0198 0012 3456 78",
        6.5,
    )
    p.t(p.w / 2, 815, f"Seite {len(pages)} von {len(pages)}", 7.5, align="c")
    return Invoice(
        "c08-de-grosshandel-three-pages",
        "pdf",
        p.done(),
        truth(
            "Rheinland Gastro-Großhandel GmbH & Co. KG",
            "2026-031877",
            "2026-03-03",
            total,
            vat7 + vat19,
            "EUR",
        ),
    )


@invoice
def c09_us_export_usd_eur_column() -> Invoice:
    p = Pdf(LETTER)
    rate = D("0.9236")
    items = [
        ("SBE-19 CTD profiler, titanium housing", D(1), D("18400.00")),
        ("Dissolved oxygen sensor SBE-43", D(2), D("2150.00")),
        ("Factory calibration certificate", D(1), D("350.00")),
        ("Freight & insurance (CIP Kiel)", D(1), D("640.00")),
    ]
    total = items_total(items)
    p.t(50, 55, "Bluewater Instruments Corp.", 16, "lib-bold")
    p.t(50, 70, "12 Water Street · Woods Hole, MA 02543 · USA · +1 508 555 0190", 8.5, "lib")
    p.t(562, 55, "INVOICE", 18, "lib-bold", "r")
    meta = [
        ("Invoice No.", "BWI-INV-10442"),
        ("Date", "2026-03-09"),
        ("Customer PO", "4500118273"),
        ("Incoterms", "CIP Kiel"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(410, 80 + i * 12, lab, 8.5, "lib")
        p.t(562, 80 + i * 12, val, 8.5, "lib", "r")
    p.t(50, 140, "Bill to:", 8, "lib-bold")
    for i, line in enumerate(
        [
            "Meerestechnik Kiel GmbH",
            "Wischhofstraße 1-3",
            "24148 Kiel, Germany",
            "VAT ID DE 287 114 509",
        ]
    ):
        p.t(50, 152 + i * 12, line, 9, "lib")
    rows = [["Description", "Qty", "Unit price USD", "Amount USD", "Amount EUR*"]] + [
        [d, str(int(n)), us(pr), us(q(n * pr)), eu(q(q(n * pr) * rate))] for d, n, pr in items
    ]
    y = p.grid(50, 220, [(212, "l"), (35, "r"), (85, "r"), (90, "r"), (90, "r")], rows, size=8.5)
    y += 18
    p.t(330, y, "TOTAL", 10, "lib-bold")
    p.t(472, y, "USD " + us(total), 10, "lib-bold", "r")
    p.t(562, y, "EUR " + eu(q(total * rate)), 9, "lib", "r")
    p.t(
        50,
        y + 30,
        f"* EUR amounts for information only, at the ECB reference rate of 9 March 2026 (1 USD = {eu(rate)} EUR).",
        7.5,
        "lib",
    )
    p.t(
        50,
        y + 42,
        "Invoice currency is USD. Export from the USA: no US sales tax; intra-EU VAT, if any, is accounted for by the buyer on import.",
        7.5,
        "lib",
    )
    p.t(
        50,
        y + 70,
        "Payment: 30 days net by wire to Cape Cod Five Bank, ABA 211371162, Acct 4417700921, SWIFT CCFCUS3M.",
        8,
        "lib",
    )
    p.t(50, y + 82, "ECCN EAR99. HS 9015.80. Country of origin: USA.", 8, "lib")
    return Invoice(
        "c09-us-export-usd-eur-column",
        "pdf",
        p.done(),
        truth("Bluewater Instruments Corp.", "BWI-INV-10442", "2026-03-09", total, None, "USD"),
    )


@invoice
def c10_au_vet_total_includes_gst() -> Invoice:
    p = Pdf()
    items = [
        ("Consultation - standard", D(1), D("95.00")),
        ("C5 vaccination (annual)", D(1), D("115.00")),
        ("ProHeart SR-12 injection, 20-25 kg", D(1), D("148.50")),
        ("Nail clip", D(1), D("22.00")),
    ]
    total = items_total(items)
    gst = q(total / 11)
    p.t(40, 55, "Banksia Veterinary Hospital Pty Ltd", 14, "sans-bold")
    p.t(40, 70, "ABN 53 604 085 617 · 210 Wattletree Rd, Malvern VIC 3144 · (03) 9555 0144", 8)
    p.t(555, 100, "Tax Invoice", 16, "sans-bold", "r")
    p.t(40, 100, "Client", 8, "sans-bold")
    p.t(40, 113, "Ms Olivia Tran", 9.5)
    p.t(40, 126, "5/18 Station St, Malvern VIC 3144", 9.5)
    p.t(40, 146, "Patient: Biscuit · Canine · Labrador X · 23.4 kg", 9)
    meta = [("Invoice No.", "558201"), ("Date", "05/03/2026"), ("Vet", "Dr S. Whitcombe")]
    for i, (lab, val) in enumerate(meta):
        p.t(400, 120 + i * 13, lab, 9)
        p.t(555, 120 + i * 13, val, 9, align="r")
    rows = [["Item", "Qty", "Price (inc GST)", "Total (inc GST)"]] + [
        [d, str(int(n)), "$" + us(pr), "$" + us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(
        40, 180, [(265, "l"), (40, "r"), (100, "r"), (110, "r")], rows, size=8.5, header_fill=0.93
    )
    y = totals(p, 360, 555, y + 20, [("Total", "$" + us(total))], 11, bold=(0,))
    p.t(555, y + 2, f"Total includes GST of ${us(gst)}", 8.5, align="r")
    p.t(40, y + 40, "Next vaccination due 05/03/2027. Heartworm injection due 05/03/2027.", 8.5)
    p.t(
        40,
        y + 54,
        "Payment is due at the time of consultation. We accept EFTPOS, Visa and Mastercard.",
        8.5,
    )
    return Invoice(
        "c10-au-vet-total-includes-gst",
        "pdf",
        p.done(),
        truth("Banksia Veterinary Hospital Pty Ltd", "558201", "2026-03-05", total, gst, "AUD"),
    )


@invoice
def c11_ca_bc_gst_pst() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Rule 2000 GPH bilge pump, installed", D(1), D("289.00")),
        ("Labour - marine electrical (hrs)", D("3.5"), D("110.00")),
        ("Tinned wire, terminals, heat-shrink", D(1), D("46.25")),
    ]
    sub = items_total(items)
    gst = q(sub * D("0.05"))
    pst = q(sub * D("0.07"))
    total = sub + gst + pst
    p.t(50, 55, "Coastline Marine Electrical Ltd.", 15, "sans-bold")
    p.t(50, 70, "Dock 3, 1 Dallas Rd · Victoria, BC V8V 1A1 · 250-555-0117", 8.5)
    p.t(50, 81, "GST No. 81234 5678 RT0001 · PST No. PST-1234-5678", 8.5)
    p.t(400, 110, "Document No.", 8.5)
    p.t(562, 110, "SI-26-0147", 8.5, "sans-bold", "r")
    p.t(400, 123, "Date", 8.5)
    p.t(562, 123, "March 3, 2026", 8.5, align="r")
    p.t(400, 136, "Work order", 8.5)
    p.t(562, 136, "WO-8812", 8.5, align="r")
    p.t(400, 149, "Terms", 8.5)
    p.t(562, 149, "Due on receipt", 8.5, align="r")
    p.t(50, 110, "SALES INVOICE", 13, "sans-bold")
    p.t(50, 130, "Sold to: Harold Bishop", 9)
    p.t(50, 142, 'Vessel: "Second Wind" (Catalina 30), slip C-14', 9)
    rows = [["Description", "Qty", "Price", "Amount"]] + [
        [d, str(n), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(50, 175, [(280, "l"), (50, "r"), (85, "r"), (97, "r")], rows)
    rows = [
        ("Subtotal", us(sub)),
        ("GST 5%", us(gst)),
        ("PST 7%", us(pst)),
        ("Total (CAD)", "$" + us(total)),
    ]
    y = totals(p, 380, 562, y + 20, rows)
    p.t(
        50,
        y + 30,
        "All amounts in Canadian dollars. Interest of 2% per month on overdue accounts.",
        8,
    )
    return Invoice(
        "c11-ca-bc-gst-pst",
        "pdf",
        p.done(),
        truth(
            "Coastline Marine Electrical Ltd.", "SI-26-0147", "2026-03-03", total, gst + pst, "CAD"
        ),
    )


@invoice
def c12_ch_treuhand_apostrophe() -> Invoice:
    p = Pdf()
    items = [
        ("Buchführung 2025, 18.5 Std. à CHF 165.00", D("3052.50")),
        ("Jahresabschluss 2025 (pauschal)", D("2400.00")),
        ("Steuererklärung 2025 natürliche Person", D("850.00")),
        ("Porti und Spesen", D("42.60")),
    ]
    net = sum((v for _, v in items), D(0))
    mwst = q(net * D("0.081"))
    total = net + mwst
    p.t(40, 55, "Alpstein Treuhand AG", 16, "serif-bold")
    p.t(
        40, 70, "Multergasse 8 · 9000 St. Gallen · 071 555 22 80 · CHE-112.233.445 MWST", 8, "serif"
    )
    for i, line in enumerate(
        ["Herr und Frau", "Beat und Ursula Keller", "Rosenbergstrasse 44", "9000 St. Gallen"]
    ):
        p.t(330, 120 + i * 13, line, 10, "serif")
    p.t(40, 200, "St. Gallen, 16. März 2026", 9.5, "serif")
    p.t(40, 225, "Rechnung", 14, "serif-bold")
    p.t(40, 243, "Rechnungs-Nr. 2026-0188 · Mandat 1047", 9.5, "serif")
    y = 275
    for d, v in items:
        p.t(40, y, d, 9.5, "serif")
        p.t(555, y, ch(v), 9.5, "serif", "r")
        y += 15
    p.line(330, y - 5, 555, y - 5)
    rows = [
        ("Total exkl. MWST", "CHF " + ch(net)),
        ("MWST 8.1 %", "CHF " + ch(mwst)),
        ("Total inkl. MWST", "CHF " + ch(total)),
    ]
    y = totals(p, 330, 555, y + 10, rows, 10, "serif")
    p.t(40, y + 30, "Zahlbar innert 30 Tagen. Besten Dank für Ihren Auftrag.", 9.5, "serif")
    p.t(40, y + 60, "Freundliche Grüsse", 9.5, "serif")
    p.t(40, y + 90, "Ursina Brändli, dipl. Treuhandexpertin", 9.5, "serif")
    p.t(40, 800, "St. Galler Kantonalbank · IBAN CH56 0078 1015 5123 4567 8", 7.5, "serif")
    return Invoice(
        "c12-ch-treuhand-apostrophe",
        "pdf",
        p.done(),
        truth("Alpstein Treuhand AG", "2026-0188", "2026-03-16", total, mwst, "CHF"),
    )


@invoice
def c13_fr_acompte_reste_a_payer() -> Invoice:
    p = Pdf()
    items = [
        ("Fourniture et pose escalier quart tournant, chêne massif", D(1), D("6850.00")),
        ("Garde-corps acier thermolaqué, 4,20 ml", D(1), D("1420.00")),
        ("Vitrification trois couches", D(1), D("380.00")),
    ]
    ht = items_total(items)
    tva = q(ht * D("0.10"))
    ttc = ht + tva
    acompte = q(ttc * D("0.30"))
    p.t(40, 55, "Menuiserie Durand & Fils SARL", 15, "serif-bold")
    p.t(
        40,
        70,
        "14 route de Nantes, 49300 Cholet · 02 41 55 30 12 · contact@durand-menuiserie.fr",
        8,
        "serif",
    )
    p.t(555, 110, "FACTURE", 16, "serif-bold", "r")
    meta = [
        ("Nº de facture :", "F2026-0093"),
        ("Date :", "10/03/2026"),
        ("Devis accepté :", "D2025-0412"),
        ("Client :", "C-0381"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(400, 128 + i * 13, lab, 9, "serif")
        p.t(555, 128 + i * 13, val, 9, "serif", "r")
    for i, line in enumerate(
        ["M. et Mme Lefèvre", "7 impasse des Tilleuls", "49280 La Séguinière"]
    ):
        p.t(40, 128 + i * 13, line, 10, "serif")
    rows = [["Désignation", "Qté", "P.U. HT", "Total HT"]] + [
        [d, str(int(n)), sp2(pr) + " €", sp2(q(n * pr)) + " €"] for d, n, pr in items
    ]
    y = p.grid(40, 200, [(280, "l"), (35, "r"), (95, "r"), (105, "r")], rows, f="serif")
    rows = [
        ("Total HT", sp2(ht) + " €"),
        ("TVA 10 % (travaux de rénovation)", sp2(tva) + " €"),
        ("Total TTC", sp2(ttc) + " €"),
        ("Acompte versé le 12/01/2026", "- " + sp2(acompte) + " €"),
        ("Net à payer", sp2(ttc - acompte) + " €"),
    ]
    y = totals(p, 300, 555, y + 20, rows, 9.5, "serif", bold=(2, 4))
    p.t(
        40,
        y + 25,
        "Attestation TVA à taux réduit remise par le client. Paiement à réception par virement.",
        8,
        "serif",
    )
    p.t(
        40,
        y + 37,
        "Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.",
        8,
        "serif",
    )
    p.t(
        p.w / 2,
        800,
        "SARL au capital de 20 000 € · RCS Angers 412 345 678 · TVA FR 27 412345678 · IBAN FR76 1790 6000 3200 0123 4567 890",
        6.5,
        "serif",
        "c",
    )
    return Invoice(
        "c13-fr-acompte-reste-a-payer",
        "pdf",
        p.done(),
        truth("Menuiserie Durand & Fils SARL", "F2026-0093", "2026-03-10", ttc, tva, "EUR"),
    )


@invoice
def c14_fi_lasku_boxed_cells() -> Invoice:
    p = Pdf()
    items = [
        ("Sähkötyöt, asennus", D(6), "h", D("68.00")),
        ("Pistorasia 2-os. maadoitettu", D(8), "kpl", D("12.80")),
        ("MMJ 3x2,5S kaapeli", D(40), "m", D("1.45")),
        ("Ajokustannukset", D(1), "krt", D("57.00")),
    ]
    net = q(sum((n * pr for _, n, _, pr in items), D(0)))
    alv = q(net * D("0.255"))
    total = net + alv
    p.t(40, 55, "Kuusela Sähkö Oy", 15, "sans-bold")
    p.t(40, 70, "Teollisuustie 6 · 33330 Tampere", 8)
    p.t(40, 81, "puh. 040 555 1280 · Y-tunnus 2345678-9", 8)
    p.t(350, 55, "LASKU", 15, "sans-bold")
    p.grid(
        350,
        65,
        [(95, "l"), (110, "l")],
        [
            ["Laskun numero", "20417"],
            ["Laskun päivä", "04.03.2026"],
            ["Eräpäivä", "18.03.2026"],
            ["Viitenumero", "20417 3"],
            ["Maksuehto", "14 pv netto"],
        ],
        size=8.5,
        header_fill=None,
        bold_header=False,
    )
    for i, line in enumerate(
        ["As Oy Pyynikin Helmi", "c/o Isännöinti Virtanen", "Pyynikintie 12", "33230 Tampere"]
    ):
        p.t(40, 110 + i * 13, line, 10)
    rows = [["Nimike", "Määrä", "Yks.", "à-hinta", "ALV %", "Yhteensä"]] + [
        [d, str(n), u, eu(pr), "25,5", eu(q(n * pr))] for d, n, u, pr in items
    ]
    y = p.grid(
        40, 200, [(210, "l"), (50, "r"), (40, "l"), (70, "r"), (50, "r"), (95, "r")], rows, size=8.5
    )
    y += 20
    cols = [(115, "c"), (115, "c"), (120, "c")]
    p.grid(
        205,
        y,
        cols,
        [["Veroton yhteensä", "ALV 25,5 %", "YHTEENSÄ EUR"], [eu(net), eu(alv), eu(total)]],
        size=10,
        row_h=20,
    )
    p.line(40, 640, 555, 640, dash=True)
    p.t(40, 655, "TILISIIRTO · GIRERING", 8, "sans-bold")
    giro = [
        ["Saajan tilinumero", "FI21 1234 5600 0007 85  (NDEAFIHH)"],
        ["Saaja", "Kuusela Sähkö Oy"],
        ["Maksaja", "As Oy Pyynikin Helmi"],
    ]
    p.grid(
        40,
        662,
        [(110, "l"), (405, "l")],
        giro,
        size=8.5,
        header_fill=None,
        bold_header=False,
        row_h=18,
    )
    p.grid(
        40,
        720,
        [(110, "l"), (130, "l"), (130, "l"), (145, "r")],
        [["Viitenumero", "20417 3", "Eräpäivä 18.03.2026", "Euro"], ["", "", "", eu(total)]],
        size=8.5,
        header_fill=None,
        bold_header=False,
        row_h=18,
    )
    return Invoice(
        "c14-fi-lasku-boxed-cells",
        "pdf",
        p.done(),
        truth("Kuusela Sähkö Oy", "20417", "2026-03-04", total, alv, "EUR"),
    )


@invoice
def c15_us_print_shop_discount_line() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Business cards, 16pt matte, 500 ct (2 names)", D(2), D("48.00")),
        ("Trifold brochure, 100# gloss text, 1,000 ct", D(1), D("385.00")),
        ("Vinyl banner 3 x 8 ft, grommets", D(1), D("120.00")),
        ("Design time (hrs)", D("1.5"), D("32.00")),
    ]
    gross = items_total(items)
    disc = -q(gross * D("0.10"))
    sub = gross + disc
    tax = q(sub * D("0.055"))
    total = sub + tax
    p.t(50, 60, "Inkwell Print Co.", 20, "tim-bold")
    p.t(
        50,
        77,
        "54 Exchange St · Portland, ME 04101 · (207) 555-0129 · hello@inkwellprint.co",
        9,
        "tim",
    )
    p.t(562, 60, "INVOICE", 14, "tim-bold", "r")
    p.t(562, 80, "Ref.  26-0311", 10, "tim", "r")
    p.t(562, 94, "Mar 11, 2026", 10, "tim", "r")
    p.t(
        50,
        120,
        "Customer: Casco Bay Kayak Tours · Attn: Jen Moody · 8 Commercial St, Portland ME",
        9.5,
        "tim",
    )
    rows = [["Item", "Qty", "Price", "Line total"]] + [
        [d, str(n), us(pr), us(q(n * pr))] for d, n, pr in items
    ]
    rows.append(["Returning customer discount 10% (code SPRING26)", "", "", us(disc)])
    y = p.grid(50, 145, [(290, "l"), (45, "r"), (80, "r"), (97, "r")], rows, f="tim", size=9)
    rows = [
        ("Subtotal", us(sub)),
        ("Maine sales tax 5.5%", us(tax)),
        ("Total", "$" + us(total)),
    ]
    y = totals(p, 370, 562, y + 20, rows, 10, "tim")
    p.t(
        50,
        y + 30,
        "Thanks for printing local! Payment due within 15 days. Checks payable to Inkwell Print Co.",
        9,
        "tim",
    )
    return Invoice(
        "c15-us-print-shop-discount-line",
        "pdf",
        p.done(),
        truth("Inkwell Print Co.", "26-0311", "2026-03-11", total, tax, "USD"),
    )


@invoice
def c16_us_zoho_payment_made_overdue() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Managed IT services - March 2026", D(1), D("1800.00")),
        ("Laptop provisioning and setup", D(3), D("95.00")),
    ]
    sub = items_total(items)
    tax = q(sub * D("0.0825"))
    total = sub + tax
    paid = D("1000.00")
    balance = total - paid
    p.c.saveState()
    p.c.setFillColorRGB(0.85, 0.2, 0.2)
    p.c.translate(0, p.h)
    p.c.rotate(45)
    p.c.rect(-70, -67, 140, 20, stroke=0, fill=1)
    p.c.setFillColorRGB(1, 1, 1)
    p.c.setFont(font("sans-bold"), 9)
    p.c.drawCentredString(0, -60, "Overdue")
    p.c.restoreState()
    p.t(50, 70, "Lone Pine IT Services LLC", 13, "lib-bold")
    for i, line in enumerate(
        ["1901 W William Cannon Dr, Ste 140", "Austin Texas 78745", "U.S.A", "512-555-0186"]
    ):
        p.t(50, 85 + i * 12, line, 8.5, "lib")
    p.t(562, 70, "INVOICE", 24, "lib", "r")
    p.t(562, 90, "# INV-000318", 10, "lib-bold", "r")
    p.t(562, 120, "Balance Due", 8.5, "lib", "r")
    p.t(562, 134, "$" + us(balance), 13, "lib-bold", "r")
    p.t(50, 170, "Bill To", 8.5, "lib")
    p.t(50, 183, "Pecan Street Pediatrics PLLC", 9.5, "lib-bold")
    p.t(50, 195, "3000 S Lamar Blvd, Austin TX 78704", 8.5, "lib")
    for i, (lab, val) in enumerate(
        [("Invoice Date :", "03 Mar 2026"), ("Terms :", "Net 15"), ("Due Date :", "18 Mar 2026")]
    ):
        p.t(470, 170 + i * 14, lab, 8.5, "lib", "r")
        p.t(562, 170 + i * 14, val, 8.5, "lib", "r")
    rows = [["#", "Item & Description", "Qty", "Rate", "Amount"]] + [
        [str(i), d, us(n), us(pr), us(q(n * pr))] for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(
        50,
        230,
        [(25, "c"), (262, "l"), (60, "r"), (80, "r"), (85, "r")],
        rows,
        size=8.5,
        header_fill=0.8,
        lines=False,
    )
    rows = [
        ("Sub Total", us(sub)),
        ("Sales Tax (8.25%)", us(tax)),
        ("Total", "$" + us(total)),
        ("Payment Made", "(-) " + us(paid)),
        ("Balance Due", "$" + us(balance)),
    ]
    y = totals(p, 380, 562, y + 20, rows, 9, "lib", bold=(2, 4), step=17)
    p.t(50, y + 30, "Notes", 8.5, "lib-bold")
    p.t(
        50,
        y + 43,
        "Thanks for your business. Partial payment of $1,000.00 received 03/10/2026.",
        8.5,
        "lib",
    )
    return Invoice(
        "c16-us-zoho-payment-made-overdue",
        "pdf",
        p.done(),
        truth(
            "Lone Pine IT Services LLC", "INV-000318", "2026-03-03", total, tax, "USD", "overdue"
        ),
    )


@invoice
def c17_es_factura_rectificativa() -> Invoice:
    p = Pdf()
    items = [
        ("VES-100", 'Válvula de esfera 1" latón', D(-10), D("18.40")),
        ("MAN-034", "Manguito PE 32 mm", D(-20), D("3.15")),
    ]
    base = q(sum((n * pr for _, _, n, pr in items), D(0)))
    iva = q(base * D("0.21"))
    total = base + iva
    p.t(40, 55, "Suministros Hidráulicos del Norte, S.L.", 14, "sans-bold")
    p.t(40, 70, "Polígono Ugaldeguren I, parcela 7 · 48170 Zamudio (Bizkaia) · CIF B95123456", 8)
    p.box(330, 95, 225, 70)
    p.t(340, 110, "FACTURA RECTIFICATIVA", 11, "sans-bold")
    p.t(340, 126, "Nº: R-2026-0007", 9.5)
    p.t(340, 140, "Fecha: 13 de marzo de 2026", 9.5)
    p.t(340, 154, "Rectifica a la factura nº 2026-0311 de 12/02/2026", 8)
    for i, line in enumerate(
        ["Fontanería Etxeberria, S.L.", "C/ Licenciado Poza 31", "48011 Bilbao", "CIF B48765432"]
    ):
        p.t(40, 105 + i * 13, line, 9.5)
    p.t(
        40,
        190,
        "Motivo de la rectificación: devolución de mercancía (albarán de devolución DV-0219).",
        8.5,
    )
    rows = [["Código", "Descripción", "Cant.", "Precio", "Importe"]] + [
        [c, d, str(n), eu(pr), eu(q(n * pr))] for c, d, n, pr in items
    ]
    y = p.grid(40, 205, [(65, "l"), (230, "l"), (50, "r"), (75, "r"), (95, "r")], rows)
    rows = [
        ("Base imponible", eu(base) + " €"),
        ("IVA 21 %", eu(iva) + " €"),
        ("TOTAL FACTURA", eu(total) + " €"),
    ]
    y = totals(p, 330, 555, y + 20, rows)
    p.t(
        40,
        y + 30,
        "El importe se compensará en la próxima factura o se abonará por transferencia.",
        8,
    )
    p.t(
        40,
        800,
        "Inscrita en el Registro Mercantil de Bizkaia, Tomo 4412, Folio 88, Hoja BI-39210",
        6.5,
    )
    return Invoice(
        "c17-es-factura-rectificativa",
        "pdf",
        p.done(),
        truth(
            "Suministros Hidráulicos del Norte, S.L.",
            "R-2026-0007",
            "2026-03-13",
            total,
            iva,
            "EUR",
        ),
    )


@invoice
def c18_pl_faktura_pro_forma() -> Invoice:
    p = Pdf()
    items = [
        ("Stół dębowy rozkładany 180-260 cm", D(2), "szt.", D("2450.00")),
        ("Krzesło tapicerowane, dąb/len", D(8), "szt.", D("390.00")),
    ]
    net = q(sum((n * pr for _, n, _, pr in items), D(0)))
    vat = q(net * D("0.23"))
    gross = net + vat
    p.t(40, 50, "Miejsce wystawienia: Poznań", 8.5)
    p.t(555, 50, "Data wystawienia: 2026-03-03", 8.5, align="r")
    p.t(p.w / 2, 85, "FAKTURA PRO FORMA nr PF/03/2026/014", 13, "sans-bold", "c")
    p.t(40, 120, "Sprzedawca", 8.5, "sans-bold")
    for i, line in enumerate(
        ["Drewmax Meble Sp. z o.o.", "ul. Głogowska 218", "60-104 Poznań", "NIP 779-24-31-556"]
    ):
        p.t(40, 133 + i * 12, line, 9.5)
    p.t(310, 120, "Nabywca", 8.5, "sans-bold")
    for i, line in enumerate(
        ["Pensjonat Pod Jodłami s.c.", "ul. Kościuszki 4", "34-500 Zakopane", "NIP 736-18-90-412"]
    ):
        p.t(310, 133 + i * 12, line, 9.5)
    rows = [
        [
            "Lp.",
            "Nazwa towaru",
            "Ilość",
            "J.m.",
            "Cena netto",
            "Wartość netto",
            "VAT",
            "Wartość brutto",
        ]
    ]
    for i, (d, n, u, pr) in enumerate(items, 1):
        v = q(n * pr)
        rows.append([str(i), d, str(n), u, sp(pr), sp(v), "23%", sp(q(v * D("1.23")))])
    y = p.grid(
        40,
        200,
        [(25, "c"), (170, "l"), (35, "r"), (30, "c"), (60, "r"), (70, "r"), (35, "c"), (90, "r")],
        rows,
        size=7.5,
    )
    rows2 = [
        ["", "Netto", "VAT", "Brutto"],
        ["Razem 23%", sp(net), sp(vat), sp(gross)],
    ]
    y = p.grid(295, y + 10, [(70, "l"), (60, "r"), (60, "r"), (70, "r")], rows2, size=8)
    p.t(40, y + 25, f"Do zapłaty: {sp(gross)} PLN", 12, "sans-bold")
    p.t(40, y + 42, "Słownie: dziewięć tysięcy osiemset sześćdziesiąt cztery złote 60/100", 8.5)
    p.t(
        40,
        y + 60,
        "Termin płatności: 2026-03-10 (przedpłata 100% przed realizacją zamówienia)",
        8.5,
    )
    p.t(40, y + 72, "Rachunek: PKO BP 12 1020 4027 0000 1102 0123 4567", 8.5)
    p.t(
        40,
        y + 100,
        "Dokument pro forma nie jest fakturą VAT i nie stanowi podstawy do odliczenia podatku.",
        8,
    )
    return Invoice(
        "c18-pl-faktura-pro-forma",
        "pdf",
        p.done(),
        truth("Drewmax Meble Sp. z o.o.", "PF/03/2026/014", "2026-03-03", gross, vat, "PLN"),
    )


@invoice
def c19_at_window_envelope_footer_vendor() -> Invoice:
    p = Pdf()
    items = [
        ("Austausch Unterverteilung, 3-reihig, inkl. FI/LS", D(1), D("1180.00")),
        ("Montagestunden Elektriker", D(8), D("72.00")),
        ("Kleinmaterial pauschal", D(1), D("104.00")),
    ]
    net = items_total(items)
    ust = q(net * D("0.20"))
    total = net + ust
    p.c.setFillColorRGB(0.1, 0.35, 0.7)
    p.c.circle(510, p.h - 65, 24, stroke=0, fill=1)
    p.c.setFillColorRGB(1, 1, 1)
    p.c.setFont(font("sans-bold"), 18)
    p.c.drawCentredString(510, p.h - 72, "EG")
    p.c.setFillColorRGB(0, 0, 0)
    p.t(57, 128, "Elektrotechnik Gruber GmbH · Industriestraße 14 · 4600 Wels", 6)
    p.line(57, 131, 260, 131, 0.3)
    for i, line in enumerate(["Frau", "Mag. Verena Hofstätter", "Stadtplatz 33/2", "4600 Wels"]):
        p.t(57, 150 + i * 15, line, 12)
    meta = [
        ("Datum:", "03.03.26"),
        ("Kunde:", "10482"),
        ("Auftrag:", "A-26-0091"),
        ("Bearbeiter:", "M. Gruber"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(400, 150 + i * 13, lab, 8.5)
        p.t(555, 150 + i * 13, val, 8.5, align="r")
    p.t(57, 250, "Rechnung Nr. 26-00417", 13, "sans-bold")
    p.t(57, 272, "Sehr geehrte Frau Mag. Hofstätter,", 9.5)
    p.t(57, 285, "für die am 26.02.2026 ausgeführten Arbeiten erlauben wir uns zu verrechnen:", 9.5)
    rows = [["Pos.", "Leistung", "Menge", "EP €", "GP €"]] + [
        [str(i), d, str(n), eu(pr), eu(q(n * pr))] for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(
        57, 300, [(30, "c"), (270, "l"), (45, "r"), (70, "r"), (83, "r")], rows, header_fill=0.9
    )
    rows = [
        ("Summe netto", eu(net)),
        ("zzgl. 20 % USt", eu(ust)),
        ("Rechnungsbetrag EUR", eu(total)),
    ]
    y = totals(p, 360, 555, y + 20, rows)
    p.t(57, y + 25, "Zahlbar binnen 14 Tagen ohne Abzug.", 9.5)
    p.t(57, y + 40, "Mit freundlichen Grüßen", 9.5)
    p.line(57, 775, 555, 775, 0.4)
    footer = [
        ("Elektrotechnik Gruber GmbH", "FN 412233 a, LG Wels", "Raiffeisenbank Wels"),
        ("Industriestraße 14, 4600 Wels", "UID ATU 68123456", "IBAN AT48 3400 0000 0123 4567"),
        ("Tel. 07242 555 880", "GF: Martin Gruber", "BIC RZOOAT2L"),
    ]
    for i, row in enumerate(footer):
        for j, cell in enumerate(row):
            p.t(57 + j * 170, 786 + i * 9, cell, 6.5)
    return Invoice(
        "c19-at-window-envelope-footer-vendor",
        "pdf",
        p.done(),
        truth("Elektrotechnik Gruber GmbH", "26-00417", "2026-03-03", total, ust, "EUR"),
    )


@invoice
def c20_sg_freight_forwarder() -> Invoice:
    p = Pdf()
    fx = D("1.3425")
    ocean_usd = D("2150.00")
    ocean = q(ocean_usd * fx)
    std = [
        ("Terminal handling charge (THC)", D("290.00")),
        ("Documentation fee", D("65.00")),
        ("Customs clearance & permit", D("120.00")),
        ("Trucking Jurong Port - Tuas", D("380.00")),
    ]
    std_total = sum((v for _, v in std), D(0))
    gst9 = q(std_total * D("0.09"))
    total = ocean + std_total + gst9
    p.t(40, 50, "Merlion Cargo Logistics Pte. Ltd.", 14, "sans-bold")
    p.t(40, 64, "9 Changi South Street 3, #05-01, Singapore 486361 · Tel +65 6555 0143", 8)
    p.t(40, 75, "Co. Reg. No. / GST Reg. No. 201912345K", 8)
    p.t(555, 50, "TAX INVOICE", 14, "sans-bold", "r")
    p.grid(
        40,
        95,
        [(105, "l"), (105, "l"), (100, "l"), (100, "l"), (105, "l")],
        [
            ["Invoice No", "Date", "Job No", "Terms", "Page"],
            ["MCL/SIN/26/00871", "12/03/2026", "J2603-0412", "30 days", "1 of 1"],
        ],
        size=7.5,
    )
    p.t(40, 145, "Bill To: Tampines Home Living Pte Ltd, 21 Tampines Ave 1, Singapore 529757", 8.5)
    refs = [
        ("HBL No", "MCLSHA2602871"),
        ("MBL No", "COSU6123456780"),
        ("Container", "TGHU 8812345 / 40HC"),
        ("Vessel / Voy", "CSCL JUPITER 071E"),
        ("POL / POD", "SHANGHAI / SINGAPORE"),
        ("ETD / ETA", "08/03/2026 / 21/03/2026"),
    ]
    for i, (lab, val) in enumerate(refs):
        col, row = divmod(i, 3)
        p.t(40 + col * 260, 165 + row * 12, lab, 8)
        p.t(120 + col * 260, 165 + row * 12, ": " + val, 8)
    rows = [["Description", "Curr", "Amount", "Ex. rate", "GST", "Amount (SGD)"]]
    rows.append(
        ["Ocean freight Shanghai - Singapore", "USD", us(ocean_usd), str(fx), "ZR", us(ocean)]
    )
    for d, v in std:
        rows.append([d, "SGD", us(v), "1.0000", "SR", us(v)])
    y = p.grid(
        40, 210, [(200, "l"), (40, "c"), (70, "r"), (60, "r"), (40, "c"), (105, "r")], rows, size=8
    )
    rows = [
        ("Zero-rated (ZR) supplies", us(ocean)),
        ("Standard-rated (SR) supplies", us(std_total)),
        ("GST @ 0% on ZR", "0.00"),
        ("GST @ 9% on SR", us(gst9)),
        ("TOTAL PAYABLE (SGD)", us(total)),
    ]
    y = totals(p, 330, 555, y + 18, rows, 8.5, step=14)
    p.t(
        40,
        y + 25,
        "Please remit to DBS Bank Ltd, A/C 072-901234-5 (SGD), SWIFT DBSSSGSG, quoting the invoice number.",
        7.5,
    )
    p.t(
        40,
        y + 36,
        "All business is transacted under the Singapore Logistics Association standard trading conditions.",
        7.5,
    )
    return Invoice(
        "c20-sg-freight-forwarder",
        "pdf",
        p.done(),
        truth(
            "Merlion Cargo Logistics Pte. Ltd.",
            "MCL/SIN/26/00871",
            "2026-03-12",
            total,
            gst9,
            "SGD",
        ),
    )


@invoice
def c21_za_tax_invoice() -> Invoice:
    p = Pdf()
    items = [
        ("5 kW hybrid inverter", D(1), D("24500.00")),
        ("Lithium battery 5.12 kWh", D(2), D("21900.00")),
        ("550 W mono PERC panel", D(10), D("2150.00")),
        ("Installation labour, mounting & COC", D(1), D("9800.00")),
    ]
    sub = items_total(items)
    vat = q(sub * D("0.15"))
    total = sub + vat
    p.t(40, 55, "Karoo Solar Installations (Pty) Ltd", 14, "sans-bold")
    p.t(40, 70, "Unit 4, Montague Park, Milnerton, Cape Town 7441 · 021 555 0193", 8)
    p.t(40, 81, "Reg. No. 2019/412345/07 · VAT No. 4123456789", 8)
    p.t(555, 55, "TAX INVOICE", 15, "sans-bold", "r")
    meta = [("Invoice No.", "KSI-2026-0193"), ("Date", "2026/03/17"), ("Quote Ref.", "Q-0877")]
    for i, (lab, val) in enumerate(meta):
        p.t(400, 75 + i * 12, lab, 8.5)
        p.t(555, 75 + i * 12, val, 8.5, align="r")
    p.t(
        40,
        120,
        "Customer: J. & S. van der Merwe, 17 Protea Rd, Durbanville 7550 · Customer VAT No: n/a",
        8.5,
    )
    rows = [["Description", "Qty", "Unit price", "Amount"]] + [
        [d, str(int(n)), zar(pr), zar(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(40, 145, [(250, "l"), (40, "r"), (110, "r"), (115, "r")], rows)
    rows = [
        ("Subtotal (excl. VAT)", zar(sub)),
        ("VAT @ 15%", zar(vat)),
        ("Total (incl. VAT)", zar(total)),
    ]
    y = totals(p, 330, 555, y + 20, rows)
    p.t(
        40,
        y + 30,
        "Banking details: FNB, Branch 250655, Acc. 62812345678. Use KSI-2026-0193 as reference.",
        8,
    )
    return Invoice(
        "c21-za-tax-invoice",
        "pdf",
        p.done(),
        truth(
            "Karoo Solar Installations (Pty) Ltd", "KSI-2026-0193", "2026-03-17", total, vat, "ZAR"
        ),
    )


@invoice
def c22_ae_tax_invoice() -> Invoice:
    p = Pdf()
    items = [
        ("Cleaning contract, March 2026 (T2 fl. 10-18)", D(1), D("14500.00")),
        ("Deep cleaning of kitchens, one-off", D(2), D("1750.00")),
    ]
    sub = items_total(items)
    vat = q(sub * D("0.05"))
    total = sub + vat
    p.t(40, 55, "Al Noor Facilities Management L.L.C.", 14, "sans-bold")
    p.t(
        40,
        70,
        "Office 1204, Bay Square Building 5, Business Bay, Dubai, U.A.E. · +971 4 555 0126",
        8,
    )
    p.t(40, 81, "TRN: 100234567800003", 8)
    p.t(p.w / 2, 115, "TAX INVOICE", 14, "sans-bold", "c")
    p.grid(
        40,
        130,
        [(130, "l"), (130, "l"), (130, "l"), (125, "l")],
        [
            ["Invoice No.", "Invoice Date", "Due Date", "Contract Ref."],
            ["ANFM-2026-0338", "09/03/2026", "08/04/2026", "FM-C-2291"],
        ],
        size=8,
    )
    p.t(
        40,
        180,
        "Customer: Gulf Horizon Properties LLC · TRN 100987654300003 · Tower 2, JLT, Dubai",
        8.5,
    )
    rows = [["Description", "Qty", "Rate (AED)", "Taxable (AED)", "VAT 5%", "Total (AED)"]] + [
        [
            d,
            str(int(n)),
            us(pr),
            us(q(n * pr)),
            us(q(q(n * pr) * D("0.05"))),
            us(q(q(n * pr) * D("1.05"))),
        ]
        for d, n, pr in items
    ]
    y = p.grid(
        40, 200, [(175, "l"), (30, "r"), (70, "r"), (85, "r"), (65, "r"), (90, "r")], rows, size=7.5
    )
    rows = [
        ("Total taxable amount", "AED " + us(sub)),
        ("Total VAT @ 5%", "AED " + us(vat)),
        ("Total amount due", "AED " + us(total)),
    ]
    y = totals(p, 320, 555, y + 20, rows)
    p.t(40, y + 20, "Amount in words: UAE Dirhams Eighteen Thousand Nine Hundred Only", 8.5)
    p.t(40, y + 35, "Bank: Emirates NBD, IBAN AE07 0260 0010 1234 5678 901", 8)
    return Invoice(
        "c22-ae-tax-invoice",
        "pdf",
        p.done(),
        truth(
            "Al Noor Facilities Management L.L.C.",
            "ANFM-2026-0338",
            "2026-03-09",
            total,
            vat,
            "AED",
        ),
    )


@invoice
def c23_hu_szamla_forint() -> Invoice:
    p = Pdf()
    items = [
        ("Szórólap A5, 4+4, 135 g", D(5000), "db", D(18)),
        ("Plakát B2, 4+0", D(200), "db", D(450)),
        ("Névjegykártya, 350 g, matt", D(1000), "db", D(12)),
    ]
    net = sum((n * pr for _, n, _, pr in items), D(0))
    afa = (net * D("0.27")).quantize(D(1))
    gross = net + afa
    p.t(p.w / 2, 50, "SZÁMLA", 16, "sans-bold", "c")
    p.t(p.w / 2, 66, "Eredeti példány", 8, align="c")
    p.box(40, 85, 255, 80)
    p.box(300, 85, 255, 80)
    p.t(46, 97, "Eladó", 7.5, "sans-bold")
    for i, line in enumerate(
        [
            "Dunakanyar Nyomda Kft.",
            "2600 Vác, Széchenyi utca 12.",
            "Adószám: 12345678-2-13",
            "Bankszámla: 11742087-20123456",
        ]
    ):
        p.t(46, 110 + i * 12, line, 8.5)
    p.t(306, 97, "Vevő", 7.5, "sans-bold")
    for i, line in enumerate(
        ["Szentendrei Kulturális Egyesület", "2000 Szentendre, Fő tér 5.", "Adószám: 18765432-1-13"]
    ):
        p.t(306, 110 + i * 12, line, 8.5)
    p.grid(
        40,
        175,
        [(105, "c"), (100, "c"), (100, "c"), (100, "c"), (110, "c")],
        [
            [
                "Fizetési mód",
                "Teljesítés dátuma",
                "Kiállítás dátuma",
                "Fizetési határidő",
                "Számla sorszáma",
            ],
            ["Átutalás", "2026.03.02.", "2026.03.05.", "2026.03.19.", "DN-2026/000214"],
        ],
        size=7.5,
    )
    rows = [
        ["Megnevezés", "Mennyiség", "Egységár", "Nettó érték", "ÁFA %", "ÁFA érték", "Bruttó érték"]
    ]
    for d, n, u, pr in items:
        v = n * pr
        a = (v * D("0.27")).quantize(D(1))
        rows.append(
            [
                d,
                f"{nodec(n, ' ')} {u}",
                nodec(pr, " "),
                nodec(v, " "),
                "27%",
                nodec(a, " "),
                nodec(v + a, " "),
            ]
        )
    y = p.grid(
        40,
        225,
        [(140, "l"), (65, "r"), (50, "r"), (65, "r"), (40, "c"), (65, "r"), (90, "r")],
        rows,
        size=7.5,
    )
    rows = [
        ("Nettó összesen", nodec(net, " ") + " Ft"),
        ("ÁFA 27%", nodec(afa, " ") + " Ft"),
        ("Bruttó összesen", nodec(gross, " ") + " Ft"),
    ]
    y = totals(p, 340, 555, y + 20, rows)
    p.t(
        40,
        y + 20,
        f"Fizetendő: {nodec(gross, ' ')} Ft, azaz kétszáznegyvenháromezer-nyolcszáznegyven forint",
        8.5,
        "sans-bold",
    )
    p.t(40, y + 40, "A számla a 2007. évi CXXVII. törvény szerint került kiállításra.", 7.5)
    return Invoice(
        "c23-hu-szamla-forint",
        "pdf",
        p.done(),
        truth("Dunakanyar Nyomda Kft.", "DN-2026/000214", "2026-03-05", gross, afa, "HUF"),
    )


@invoice
def c24_it_fattura_copia_cortesia() -> Invoice:
    p = Pdf()
    items = [
        ("RIP-P250", "Riparazione pressa idraulica P250", D(1), "NR", D("2450.00")),
        ("CUSC-6308", "Cuscinetto 6308-2RS", D(4), "NR", D("147.50")),
        ("TRASF", "Trasferta tecnico (2 gg)", D(1), "NR", D("600.00")),
    ]
    imponibile = q(sum((n * pr for _, _, n, _, pr in items), D(0)))
    imposta = q(imponibile * D("0.22"))
    totale = imponibile + imposta
    p.t(
        40,
        40,
        "Copia di cortesia - documento privo di valenza fiscale ai sensi dell'art. 21 D.P.R. 633/72.",
        7,
    )
    p.t(
        40,
        49,
        "L'originale è disponibile all'indirizzo telematico fornito oppure nella Sua area riservata dell'Agenzia delle Entrate.",
        7,
    )
    p.box(40, 62, 255, 115)
    p.box(300, 62, 255, 115)
    p.t(46, 74, "Cedente/prestatore (fornitore)", 8, "sans-bold")
    ced = [
        "Identificativo fiscale ai fini IVA: IT01234560157",
        "Codice fiscale: 01234560157",
        "Denominazione: OFFICINE MECCANICHE BRAMBILLA S.R.L.",
        "Regime fiscale: RF01 (ordinario)",
        "Indirizzo: Via dell'Industria 27",
        "Comune: Lissone Provincia: MB",
        "Cap: 20851 Nazione: IT",
        "Telefono: 039 555 0172",
    ]
    for i, line in enumerate(ced):
        p.t(46, 87 + i * 11, line, 6.8)
    p.t(306, 74, "Cessionario/committente (cliente)", 8, "sans-bold")
    ces = [
        "Identificativo fiscale ai fini IVA: IT09876540964",
        "Codice fiscale: 09876540964",
        "Denominazione: LOGISTICA PADANA S.P.A.",
        "Indirizzo: Strada Provinciale 415 km 12",
        "Comune: Paullo Provincia: MI",
        "Cap: 20067 Nazione: IT",
        "Pec: amministrazione@pec.logisticapadana.it",
    ]
    for i, line in enumerate(ces):
        p.t(306, 87 + i * 11, line, 6.8)
    p.grid(
        40,
        185,
        [(130, "l"), (60, "l"), (100, "l"), (100, "l"), (125, "l")],
        [
            [
                "Tipologia documento",
                "Art. 73",
                "Numero documento",
                "Data documento",
                "Codice destinatario",
            ],
            ["TD01 fattura", "", "214/E", "20-03-2026", "M5UXCR1"],
        ],
        size=7,
        row_h=13,
    )
    rows = [
        [
            "Cod. articolo",
            "Descrizione",
            "Quantità",
            "Prezzo unitario",
            "UM",
            "Sconto o magg.",
            "%IVA",
            "Prezzo totale",
        ]
    ]
    for code, d, n, um, pr in items:
        rows.append(
            [code, d, f"{n},00", f"{pr:.8f}".replace(".", ","), um, "", "22,00", eu(q(n * pr))]
        )
    y = p.grid(
        40,
        220,
        [(55, "l"), (160, "l"), (40, "r"), (70, "r"), (25, "c"), (70, "r"), (30, "r"), (65, "r")],
        rows,
        size=6.5,
        row_h=13,
    )
    p.t(40, y + 18, "RIEPILOGHI IVA E TOTALI", 7.5, "sans-bold")
    y = p.grid(
        40,
        y + 24,
        [(165, "l"), (45, "r"), (70, "r"), (40, "r"), (95, "r"), (100, "r")],
        [
            [
                "esigibilità iva / riferimenti normativi",
                "%IVA",
                "Spese accessorie",
                "Arr.",
                "Totale imponibile",
                "Totale imposta",
            ],
            ["22,00 I (esigibilità immediata)", "22,00", "", "", eu(imponibile), eu(imposta)],
        ],
        size=6.5,
        row_h=13,
    )
    y = p.grid(
        40,
        y + 8,
        [(120, "l"), (140, "l"), (55, "r"), (200, "r")],
        [
            ["Importo bollo", "Sconto/Maggiorazione", "Arr.", "Totale documento"],
            ["", "", "", eu(totale)],
        ],
        size=6.5,
        row_h=13,
    )
    y = p.grid(
        40,
        y + 8,
        [(130, "l"), (130, "l"), (155, "l"), (100, "r")],
        [
            ["Modalità pagamento", "IBAN", "Data scadenza", "Importo"],
            ["MP05 bonifico", "IT60X0542811101000000123456", "30-04-2026", eu(totale)],
        ],
        size=6.5,
        row_h=13,
    )
    p.t(40, y + 16, "Divisa: EUR", 7)
    return Invoice(
        "c24-it-fattura-copia-cortesia",
        "pdf",
        p.done(),
        truth(
            "Officine Meccaniche Brambilla S.r.l.", "214/E", "2026-03-20", totale, imposta, "EUR"
        ),
    )


@invoice
def c25_gb_xero_payment_advice() -> Invoice:
    p = Pdf()
    items = [
        ("Website care retainer - March 2026", D(1), D("1250.00")),
        ("Technical SEO audit", D(1), D("600.00")),
        ("Managed hosting (per month)", D(12), D("15.00")),
    ]
    sub = items_total(items)
    vat = q(sub * D("0.20"))
    total = sub + vat
    p.t(40, 60, "TAX INVOICE", 22, "lib")
    for i, line in enumerate(
        [
            "Oakmere Veterinary Group",
            "Attention: Accounts",
            "3 Chapel Lane",
            "Knutsford",
            "WA16 6BL",
        ]
    ):
        p.t(40, 90 + i * 12, line, 9, "lib")
    blocks = [
        ("Invoice Date", "3 Mar 2026"),
        ("Invoice Number", "INV-0412"),
        ("Reference", "PO 5521"),
        ("VAT Number", "GB 123 4567 89"),
    ]
    for i, (lab, val) in enumerate(blocks):
        p.t(300, 80 + i * 26, lab, 8.5, "lib-bold")
        p.t(300, 92 + i * 26, val, 8.5, "lib")
    for i, line in enumerate(
        [
            "Fernhill Digital Ltd",
            "Studio 3, The Old Mill",
            "Mill Street",
            "Macclesfield",
            "SK11 6NN",
        ]
    ):
        p.t(430, 80 + i * 12, line, 8.5, "lib")
    rows = [["Description", "Quantity", "Unit Price", "VAT", "Amount GBP"]] + [
        [d, us(n), us(pr), "20%", us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(
        40,
        210,
        [(235, "l"), (60, "r"), (75, "r"), (50, "r"), (95, "r")],
        rows,
        size=8.5,
        header_fill=None,
        lines=False,
    )
    p.line(40, 225, 555, 225)
    rows = [("Subtotal", us(sub)), ("TOTAL VAT 20%", us(vat)), ("TOTAL GBP", us(total))]
    y = totals(p, 380, 555, y + 20, rows, 9, "lib")
    p.t(40, y + 20, "Due Date: 2 Apr 2026", 9, "lib-bold")
    p.t(40, y + 34, "Bank: Starling · Sort code 60-83-71 · Account 22418830", 8.5, "lib")
    p.t(
        40,
        560,
        "Company Registration No: 11223344. Registered Office: Studio 3, The Old Mill, Mill Street, Macclesfield, SK11 6NN.",
        6.5,
        "lib",
    )
    p.line(40, 585, 555, 585, dash=True)
    p.t(40, 610, "PAYMENT ADVICE", 16, "lib")
    for i, line in enumerate(
        [
            "To: Fernhill Digital Ltd",
            "Studio 3, The Old Mill",
            "Mill Street",
            "Macclesfield",
            "SK11 6NN",
        ]
    ):
        p.t(40, 630 + i * 12, line, 8.5, "lib")
    advice = [
        ("Customer", "Oakmere Veterinary Group"),
        ("Invoice Number", "INV-0412"),
        ("Amount Due", us(total)),
        ("Due Date", "2 Apr 2026"),
        ("Amount Enclosed", "________________"),
    ]
    for i, (lab, val) in enumerate(advice):
        p.t(300, 630 + i * 16, lab, 8.5, "lib-bold")
        p.t(400, 630 + i * 16, val, 8.5, "lib")
    p.t(400, 716, "Enter the amount you are paying above", 6.5, "lib")
    return Invoice(
        "c25-gb-xero-payment-advice",
        "pdf",
        p.done(),
        truth("Fernhill Digital Ltd", "INV-0412", "2026-03-03", total, vat, "GBP"),
    )


@invoice
def c26_us_consulting_timesheet() -> Invoice:
    p = Pdf(LETTER)
    weeks = [
        ("02/06/2026", [D("8"), D("8"), D("7.5"), D("8"), D("7")]),
        ("02/13/2026", [D("8"), D("8"), D("8"), D("8"), D("8")]),
        ("02/20/2026", [D("0"), D("9"), D("9"), D("9"), D("9")]),
        ("02/27/2026", [D("8.5"), D("8"), D("8"), D("9"), D("8")]),
    ]
    rate = D("140.00")
    hours = sum((sum(h, D(0)) for _, h in weeks), D(0))
    fees = q(hours * rate)
    expenses = D("412.80")
    total = fees + expenses
    p.t(50, 55, "Halvorsen Data Consulting LLC", 15, "lib-bold")
    p.t(
        50, 70, "611 N 2nd St, Suite 3 · Minneapolis, MN 55401 · erik@halvorsendata.com", 8.5, "lib"
    )
    p.t(562, 55, "INVOICE", 16, "lib-bold", "r")
    meta = [
        ("Invoice #", "HDC-1027"),
        ("Invoice date", "March 2, 2026"),
        ("Client PO", "4500123871"),
        ("Contract", "MSA 2025-117, SOW 3"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(400, 75 + i * 12, lab, 8.5, "lib")
        p.t(562, 75 + i * 12, val, 8.5, "lib", "r")
    p.t(50, 100, "Client: North Star Credit Union, Attn: IT Vendor Management", 9, "lib")
    p.t(50, 112, "Engagement: Data warehouse migration (Snowflake), February 2026", 9, "lib")
    rows = [["Week ending", "Mon", "Tue", "Wed", "Thu", "Fri", "Hours"]] + [
        [we, *(str(h) for h in hs), str(sum(hs, D(0)))] for we, hs in weeks
    ]
    rows.append(["Total", "", "", "", "", "", str(hours)])
    y = p.grid(
        50,
        140,
        [(110, "l"), (55, "r"), (55, "r"), (55, "r"), (55, "r"), (55, "r"), (70, "r")],
        rows,
        size=8.5,
    )
    rows = [["Description", "Quantity", "Rate", "Amount"]]
    rows.append(
        ["Senior data engineer - time per timesheet above", f"{hours} h", us(rate), us(fees)]
    )
    rows.append(
        [
            "Travel: MSP-ORD round trip 02/17-02/19 (receipts attached)",
            "1",
            us(expenses),
            us(expenses),
        ]
    )
    y = p.grid(50, y + 25, [(270, "l"), (70, "r"), (80, "r"), (92, "r")], rows, size=8.5)
    y = totals(
        p,
        380,
        562,
        y + 20,
        [("Subtotal", us(total)), ("Amount due (USD)", "$" + us(total))],
        9.5,
        "lib",
    )
    p.t(
        50,
        y + 25,
        "Consulting services are not subject to Minnesota sales tax. Net 30. ACH: routing 091000022, account 1049 8812 7703.",
        8,
        "lib",
    )
    return Invoice(
        "c26-us-consulting-timesheet",
        "pdf",
        p.done(),
        truth("Halvorsen Data Consulting LLC", "HDC-1027", "2026-03-02", total, None, "USD"),
    )


@invoice
def c27_ee_arve() -> Invoice:
    p = Pdf()
    items = [
        ("Tarkvaraarendus, veebirakendus (tundi)", D(40), D("55.00")),
        ("Serveri hooldus, veebruar 2026", D(1), D("180.00")),
    ]
    net = items_total(items)
    km = q(net * D("0.24"))
    total = net + km
    p.t(40, 55, "Läänemere Tarkvara OÜ", 15, "sans-bold")
    p.t(40, 70, "Telliskivi 60a, 10412 Tallinn · Reg.kood 14567890 · KMKR EE102345678", 8)
    p.t(555, 100, "ARVE nr 2026-041", 13, "sans-bold", "r")
    meta = [("Kuupäev", "27.02.2026"), ("Maksetähtaeg", "13.03.2026"), ("Viitenumber", "2026041")]
    for i, (lab, val) in enumerate(meta):
        p.t(400, 118 + i * 13, lab, 9)
        p.t(555, 118 + i * 13, val, 9, align="r")
    p.t(40, 100, "Maksja", 8, "sans-bold")
    for i, line in enumerate(
        ["Saarte Turism AS", "Tallinna mnt 15, 93815 Kuressaare", "Reg.kood 10987654"]
    ):
        p.t(40, 113 + i * 12, line, 9.5)
    rows = [["Kirjeldus", "Kogus", "Hind", "Summa"]] + [
        [d, str(int(n)), sp2(pr), sp2(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(40, 180, [(285, "l"), (60, "r"), (80, "r"), (90, "r")], rows)
    rows = [
        ("Summa käibemaksuta", sp2(net)),
        ("Käibemaks 24%", sp2(km)),
        ("Kokku tasuda EUR", sp2(total)),
    ]
    y = totals(p, 340, 555, y + 20, rows)
    p.t(
        40,
        y + 25,
        "Palume tasuda arvel märgitud tähtajaks. Arvelduskonto: LHV Pank EE717700771001234567.",
        8,
    )
    return Invoice(
        "c27-ee-arve",
        "pdf",
        p.done(),
        truth("Läänemere Tarkvara OÜ", "2026-041", "2026-02-27", total, km, "EUR"),
    )


@invoice
def c28_cl_factura_electronica() -> Invoice:
    p = Pdf()
    items = [
        ("Cabernet Sauvignon Reserva 2023, caja 6 x 750 cc", D(24), D(28500)),
        ("Carmenere Gran Reserva 2022, caja 6 x 750 cc", D(12), D(41900)),
    ]
    neto = sum((n * pr for _, n, pr in items), D(0))
    iva = (neto * D("0.19")).quantize(D(1))
    ila = (neto * D("0.205")).quantize(D(1))
    total = neto + iva + ila
    p.c.setStrokeColorRGB(0.8, 0.1, 0.1)
    p.c.setFillColorRGB(0.8, 0.1, 0.1)
    p.c.setLineWidth(2)
    p.c.rect(360, p.h - 125, 195, 80)
    for i, line in enumerate(["R.U.T.: 76.123.456-7", "FACTURA ELECTRÓNICA", "Nº 4512"]):
        p.c.setFont(font("sans-bold"), 11)
        p.c.drawCentredString(457, p.h - 65 - i * 20, line)
    p.c.setFillColorRGB(0, 0, 0)
    p.c.setStrokeColorRGB(0, 0, 0)
    p.t(457, 140, "S.I.I. - TALCA", 9, "sans-bold", "c")
    p.t(40, 55, "VIÑA LOS ROBLES SpA", 14, "sans-bold")
    for i, line in enumerate(
        [
            "Giro: Elaboración de vinos",
            "Camino a San Clemente km 8, Talca, Región del Maule",
            "Fono: +56 71 255 0144 · ventas@vinalosrobles.cl",
        ]
    ):
        p.t(40, 70 + i * 11, line, 8)
    p.t(40, 170, "Fecha Emisión: 3 de Marzo del 2026", 9)
    client = [
        ("SEÑOR(ES)", "RESTAURANTE EL GALPÓN LIMITADA"),
        ("R.U.T.", "77.654.321-K"),
        ("GIRO", "Restaurantes"),
        ("DIRECCIÓN", "Av. Italia 1180, Providencia"),
        ("COMUNA / CIUDAD", "Providencia / Santiago"),
        ("CONDICIÓN DE VENTA", "Crédito 30 días"),
    ]
    p.box(40, 180, 515, 80)
    for i, (lab, val) in enumerate(client):
        p.t(46, 193 + i * 12, lab, 7.5, "sans-bold")
        p.t(150, 193 + i * 12, ": " + val, 7.5)
    rows = [["Código", "Descripción", "Cantidad", "Precio", "Valor"]] + [
        [f"VLR-{i:03d}", d, str(int(n)), "$ " + nodec(pr), "$ " + nodec(n * pr)]
        for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(40, 275, [(55, "l"), (255, "l"), (55, "r"), (70, "r"), (80, "r")], rows, size=8)
    rows = [
        ("MONTO NETO", "$ " + nodec(neto)),
        ("I.V.A. 19%", "$ " + nodec(iva)),
        ("IMPUESTO ADICIONAL VINOS 20,5%", "$ " + nodec(ila)),
        ("TOTAL", "$ " + nodec(total)),
    ]
    y = totals(p, 320, 555, y + 20, rows, 9)
    rng = random.Random(28)
    for row in range(18):
        for col in range(60):
            if rng.random() < 0.5:
                p.c.rect(40 + col * 3.3, p.h - (y + 30 + row * 3), 3.3, 3, stroke=0, fill=1)
    p.t(40, y + 100, "Timbre Electrónico SII", 7.5)
    p.t(40, y + 110, "Res. 80 de 2014 - Verifique documento: www.sii.cl", 7.5)
    return Invoice(
        "c28-cl-factura-electronica",
        "pdf",
        p.done(),
        truth("Viña Los Robles SpA", "4512", "2026-03-03", total, iva + ila, "CLP"),
    )


@invoice
def c29_id_faktur_ppn() -> Invoice:
    p = Pdf()
    items = [
        ("Laptop Lenovo ThinkPad E14 Gen 6", D(5), D(12750000)),
        ("Mouse nirkabel Logitech M240", D(5), D(185000)),
    ]
    sub = sum((n * pr for _, n, pr in items), D(0))
    dpp = (sub * 11 / 12).quantize(D(1))
    ppn = (dpp * D("0.12")).quantize(D(1))
    total = sub + ppn
    p.t(40, 55, "PT Sinar Baru Elektronika", 15, "sans-bold")
    p.t(
        40,
        70,
        "Jl. Mangga Dua Raya No. 8, Blok C/12, Jakarta Utara 14430 · NPWP 01.234.567.8-044.000",
        8,
    )
    p.t(555, 100, "FAKTUR / INVOICE", 13, "sans-bold", "r")
    meta = [
        ("No. Faktur", "SBE/INV/2026/02/0058"),
        ("Tanggal", "24 Februari 2026"),
        ("Jatuh tempo", "26 Maret 2026"),
    ]
    for i, (lab, val) in enumerate(meta):
        p.t(360, 118 + i * 13, lab, 9)
        p.t(555, 118 + i * 13, val, 9, align="r")
    p.t(40, 100, "Kepada Yth.", 8, "sans-bold")
    for i, line in enumerate(
        ["PT Cahaya Mandiri Logistik", "Jl. Raya Bekasi Km 21, Cakung", "Jakarta Timur 13910"]
    ):
        p.t(40, 113 + i * 12, line, 9.5)
    rows = [["No", "Nama Barang", "Qty", "Harga Satuan", "Jumlah"]] + [
        [str(i), d, str(int(n)), "Rp " + nodec(pr), "Rp " + nodec(n * pr)]
        for i, (d, n, pr) in enumerate(items, 1)
    ]
    y = p.grid(40, 180, [(25, "c"), (230, "l"), (40, "r"), (100, "r"), (120, "r")], rows)
    rows = [
        ("Subtotal", "Rp " + nodec(sub)),
        ("DPP Nilai Lain (11/12)", "Rp " + nodec(dpp)),
        ("PPN 12%", "Rp " + nodec(ppn)),
        ("Total", "Rp " + nodec(total)),
    ]
    y = totals(p, 330, 555, y + 20, rows)
    p.t(
        40,
        y + 25,
        "Terbilang: tujuh puluh satu juta tujuh ratus delapan puluh sembilan ribu dua ratus lima puluh rupiah",
        8,
    )
    p.t(
        40,
        y + 40,
        "Pembayaran: BCA KCU Mangga Dua, a/n PT Sinar Baru Elektronika, No. Rek. 123-456-7890",
        8,
    )
    return Invoice(
        "c29-id-faktur-ppn",
        "pdf",
        p.done(),
        truth("PT Sinar Baru Elektronika", "SBE/INV/2026/02/0058", "2026-02-24", total, ppn, "IDR"),
    )


@invoice
def c30_gb_erp_landscape_mono() -> Invoice:
    p = Pdf((842, 595))
    items = [
        ("TIM-47100", "C24 TREATED 47X100 4.8M", D(24), "EA", D("11.85"), "S"),
        ("PLY-1812", "HARDWOOD PLY 18MM 2440X1220", D(10), "EA", D("42.60"), "S"),
        ("CEM-25", "OPC CEMENT 25KG", D(20), "BAG", D("7.45"), "S"),
        ("SCR-5X70", "WOODSCREW 5X70 BOX 200", D(6), "BOX", D("9.90"), "S"),
        ("MEMB-1200", "DPC MEMBRANE 1200G 4X25M", D(1), "ROL", D("77.30"), "S"),
        ("PAL-DEP", "PALLET DEPOSIT (REFUNDABLE)", D(1), "EA", D("25.00"), "O"),
    ]
    goods_s = q(sum((n * pr for _, _, n, _, pr, c in items if c == "S"), D(0)))
    goods_o = q(sum((n * pr for _, _, n, _, pr, c in items if c == "O"), D(0)))
    vat_s = q(goods_s * D("0.20"))
    total = goods_s + goods_o + vat_s
    m = "cour"
    p.t(40, 40, "THORNBURY BUILDERS MERCHANTS LTD", 12, "cour-bold")
    p.t(
        40,
        53,
        "STATION YARD, GLOUCESTER ROAD, THORNBURY, BRISTOL BS35 1DG   TEL 01454 555 210   VAT REG GB 771 2345 18",
        7.5,
        m,
    )
    p.t(560, 80, "INVOICE / TAX POINT  03/03/26", 9, "cour-bold")
    head = [
        ("DOCUMENT NO.", "0047719/A"),
        ("ACCOUNT", "HRW014"),
        ("ORDER REF", "HALLOWS PLOT 7"),
        ("DEL NOTE", "DN 0312844"),
        ("BRANCH", "01 THORNBURY"),
    ]
    for i, (lab, val) in enumerate(head):
        p.t(560, 96 + i * 11, f"{lab:<14}{val}", 8, m)
    for i, line in enumerate(
        [
            "INVOICE TO:",
            "HALLOWS & REEVE BUILDING LTD",
            "14 CASTLE STREET",
            "THORNBURY",
            "BRISTOL BS35 1HB",
        ]
    ):
        p.t(40, 80 + i * 11, line, 8, m)
    for i, line in enumerate(["DELIVER TO:", "PLOT 7, MORTON WAY", "THORNBURY BS35 1LT"]):
        p.t(300, 80 + i * 11, line, 8, m)
    header = f"{'PRODUCT':<12}{'DESCRIPTION':<34}{'QTY':>6} {'UOM':<4}{'PRICE':>10}{'DISC%':>7}{'NETT':>12}{'VAT':>5}"
    p.t(40, 170, header, 8, "cour-bold")
    p.line(40, 174, 800, 174)
    y = 188
    for code, d, n, uom, pr, c in items:
        line = (
            f"{code:<12}{d:<34}{str(n):>6} {uom:<4}{us(pr):>10}{'0.00':>7}{us(q(n * pr)):>12}{c:>5}"
        )
        p.t(40, y, line, 8, m)
        y += 12
    p.line(40, y, 800, y)
    vat_rows = [
        f"{'VAT CODE':<10}{'RATE':>8}{'GOODS':>12}{'VAT':>10}",
        f"{'S':<10}{'20.00':>8}{us(goods_s):>12}{us(vat_s):>10}",
        f"{'O':<10}{'0.00':>8}{us(goods_o):>12}{'0.00':>10}",
    ]
    for i, line in enumerate(vat_rows):
        p.t(40, y + 30 + i * 12, line, 8, "cour-bold" if i == 0 else m)
    tot = [
        f"{'TOTAL GOODS':<16}{us(goods_s + goods_o):>12}",
        f"{'TOTAL VAT':<16}{us(vat_s):>12}",
        f"{'INVOICE TOTAL':<16}{us(total):>12}",
    ]
    for i, line in enumerate(tot):
        p.t(600, y + 30 + i * 12, line, 8.5, "cour-bold" if i == 2 else m)
    p.t(
        40,
        y + 90,
        "TERMS: NETT MONTHLY ACCOUNT - PAYMENT DUE BY 30/04/26. GOODS REMAIN OUR PROPERTY UNTIL PAID IN FULL.",
        7.5,
        m,
    )
    p.t(
        40,
        570,
        "REGISTERED IN ENGLAND NO. 01987654. REGISTERED OFFICE AS ABOVE.          PAGE 1 OF 1",
        7,
        m,
    )
    return Invoice(
        "c30-gb-erp-landscape-mono",
        "pdf",
        p.done(),
        truth("Thornbury Builders Merchants Ltd", "0047719/A", "2026-03-03", total, vat_s, "GBP"),
    )


# ----------------------------------------------------------------------------- scans


@invoice
def c31_gb_window_cleaner_scan() -> Invoice:
    p = Pdf()
    items = [
        ("Front & back windows, monthly (Jan, Feb, Mar)", D(3), D("18.00")),
        ("Conservatory roof clean", D(1), D("45.00")),
    ]
    total = items_total(items)
    p.t(p.w / 2, 60, "Crystal Clear Window Cleaning", 20, "serif-bold", "c")
    p.t(
        p.w / 2,
        80,
        "Prop. Dean Mortimer · 22 Larch Grove, Chelmsford CM2 9QT · 07700 900 418",
        9.5,
        "serif",
        "c",
    )
    p.t(40, 130, "INVOICE", 16, "serif-bold")
    p.t(40, 155, "Invoice No: 0087", 11, "serif")
    p.t(40, 172, "Date: 14/03/2026", 11, "serif")
    p.t(330, 130, "To:", 10, "serif-bold")
    for i, line in enumerate(["Mr & Mrs Patel", "9 Beech Avenue", "Chelmsford CM2 9RA"]):
        p.t(330, 147 + i * 15, line, 11, "serif")
    rows = [["Description", "Qty", "Price", "Total"]] + [
        [d, str(int(n)), "£" + us(pr), "£" + us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(
        40, 220, [(290, "l"), (45, "r"), (85, "r"), (95, "r")], rows, size=11, row_h=20, f="serif"
    )
    totals(p, 360, 555, y + 28, [("TOTAL", "£" + us(total))], 13, "serif", bold=(0,))
    p.t(
        40,
        y + 80,
        "Not VAT registered. Payment by bank transfer to 30-94-57 / 41122803 or cash. Thank you!",
        10,
        "serif",
    )
    return Invoice(
        "c31-gb-window-cleaner-scan",
        "png",
        scan(p.done(), 31, 1.2),
        truth("Crystal Clear Window Cleaning", "0087", "2026-03-14", total, None, "GBP"),
    )


@invoice
def c32_us_cleaning_paid_scan() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("Move-out deep clean, 3 bed / 2 bath", D(1), D("340.00")),
        ("Carpet shampoo (per room)", D(3), D("45.00")),
    ]
    total = items_total(items)
    p.t(50, 60, "Sparkle & Shine Cleaning Co.", 19, "lib-bold")
    p.t(50, 78, "PO Box 4471 · Mesa, AZ 85201 · (480) 555-0152", 10, "lib")
    p.t(562, 60, "INVOICE #1193", 13, "lib-bold", "r")
    p.t(562, 78, "March 6, 2026", 11, "lib", "r")
    p.t(50, 125, "Bill to: Desert Palms Property Mgmt, 2100 W Main St, Mesa AZ 85201", 11, "lib")
    p.t(50, 142, "Service address: 118 N Hobson, Unit 4", 11, "lib")
    rows = [["Service", "Qty", "Rate", "Amount"]] + [
        [d, str(int(n)), "$" + us(pr), "$" + us(q(n * pr))] for d, n, pr in items
    ]
    y = p.grid(
        50, 170, [(280, "l"), (50, "r"), (85, "r"), (97, "r")], rows, size=11, row_h=21, f="lib"
    )
    totals(p, 380, 562, y + 28, [("Total", "$" + us(total))], 13, "lib", bold=(0,))
    p.stamp(120, y + 120, "PAID", 34)
    p.t(50, y + 190, "Thank you! Check #5512 received 03/09/2026.", 11, "lib")
    return Invoice(
        "c32-us-cleaning-paid-scan",
        "png",
        scan(p.done(), 32, -0.9),
        truth("Sparkle & Shine Cleaning Co.", "1193", "2026-03-06", total, None, "USD", "paid"),
    )


@invoice
def c33_ie_electrician_scan() -> Invoice:
    p = Pdf()
    labour = D("480.00")
    materials = D("360.00")
    net = labour + materials
    vat = q(net * D("0.135"))
    total = net + vat
    p.t(40, 60, "O'Sullivan Electrical Contractors Ltd", 16, "sans-bold")
    p.t(40, 78, "Unit 9, Kinsale Road Business Park, Cork T12 X5K2 · 021 455 0190", 9.5)
    p.t(40, 92, "VAT No. IE 6388047V · RECI Reg. 4471", 9.5)
    p.t(555, 130, "INVOICE No. OSE-2291", 12, "sans-bold", "r")
    p.t(555, 148, "Date: 2 March 2026", 11, align="r")
    p.t(40, 130, "Customer:", 10, "sans-bold")
    for i, line in enumerate(["Ms Niamh Walsh", "4 Elm Park, Douglas", "Cork T12 A9R7"]):
        p.t(40, 146 + i * 15, line, 11)
    p.t(40, 220, "Rewire of kitchen and utility room, new consumer unit, certification.", 11)
    rows = [
        ("Labour", "€" + us(labour)),
        ("Materials", "€" + us(materials)),
        ("Net", "€" + us(net)),
        ("VAT @ 13.5%", "€" + us(vat)),
        ("TOTAL", "€" + us(total)),
    ]
    totals(p, 330, 555, 260, rows, 12, step=22)
    p.t(40, 420, "Payment within 14 days please. IBAN IE29 AIBK 9311 5212 3456 78", 10)
    return Invoice(
        "c33-ie-electrician-scan",
        "png",
        scan(p.done(), 33, 1.4),
        truth("O'Sullivan Electrical Contractors Ltd", "OSE-2291", "2026-03-02", total, vat, "EUR"),
    )


@invoice
def c34_us_fax_plumbing_supply_tiff() -> Invoice:
    p = Pdf(LETTER)
    items = [
        ("PEX-34-100", '3/4" PEX-A TUBING 100FT COIL', D(4), D("62.40")),
        ("SB-U058", 'SHARKBITE 3/4" COUPLING', D(20), D("8.95")),
        ("WH-50G-NG", "WATER HEATER 50 GAL NAT GAS", D(1), D("689.00")),
    ]
    sub = q(sum((n * pr for _, _, n, pr in items), D(0)))
    tax = q(sub * D("0.075"))
    total = sub + tax
    p.t(
        40,
        22,
        "MAR-04-2026 14:22   FROM: BUCKEYE PLUMBING SUPPLY 614 555 0192   TO: 6145550143   P. 1/1",
        8.5,
        "cour",
    )
    p.t(50, 65, "BUCKEYE PLUMBING SUPPLY, INC.", 16, "lib-bold")
    p.t(50, 82, "1650 Marion Rd · Columbus, OH 43207 · (614) 555-0190", 10, "lib")
    p.grid(
        380,
        55,
        [(90, "l"), (92, "l")],
        [
            ["INVOICE NO.", "771204"],
            ["INVOICE DATE", "03/02/26"],
            ["ACCOUNT", "HOL-221"],
            ["TERMS", "NET 10TH"],
        ],
        size=9,
        row_h=16,
        header_fill=None,
        bold_header=False,
    )
    p.t(
        50,
        135,
        "SOLD TO: HOLLENBECK PLUMBING & HEATING, 88 E MAIN ST, GROVEPORT OH 43125",
        10,
        "lib",
    )
    p.t(50, 150, "SHIP VIA: WILL CALL     CUST PO: JOB 2261 ALBRIGHT", 10, "lib")
    rows = [["ITEM", "DESCRIPTION", "QTY", "PRICE", "EXTENSION"]] + [
        [c, d, str(int(n)), us(pr), us(q(n * pr))] for c, d, n, pr in items
    ]
    y = p.grid(
        50, 170, [(80, "l"), (215, "l"), (45, "r"), (75, "r"), (97, "r")], rows, size=9.5, row_h=19
    )
    rows = [("SUBTOTAL", us(sub)), ("SALES TAX 7.5%", us(tax)), ("TOTAL", "$" + us(total))]
    totals(p, 380, 562, y + 25, rows, 11, "lib", step=18)
    p.t(50, y + 110, "RECEIVED BY: ______________________", 10, "lib")
    return Invoice(
        "c34-us-fax-plumbing-supply",
        "tif",
        scan(p.done(), 34, 0.7, "TIFF"),
        truth("Buckeye Plumbing Supply, Inc.", "771204", "2026-03-02", total, tax, "USD"),
    )


# ----------------------------------------------------------------------------- plain text


@invoice
def c35_nz_forwarded_email_txt() -> Invoice:
    sub = D("480.00")
    gst = q(sub * D("0.15"))
    total = sub + gst
    text = f"""From: Priya Nair <priya.nair@harbourviewdental.co.nz>
Sent: Wednesday, 4 March 2026 10:02 a.m.
To: Accounts <accounts@harbourviewdental.co.nz>
Subject: FW: Invoice 3307 from Kowhai Digital

Hi team,

Could you please pay this one by Friday? Approved by me, code to 6420 (IT).

Thanks,
Priya Nair
Practice Manager | Harbourview Dental Group Ltd
12 Quay Street, Auckland 1010 | 09 555 0173

---------- Forwarded message ---------
From: Kowhai Digital <accounts@kowhaidigital.co.nz>
Date: Tue, 3 Mar 2026 at 16:41
Subject: Invoice 3307 from Kowhai Digital
To: Priya Nair <priya.nair@harbourviewdental.co.nz>

Kia ora Priya,

Here's our invoice for March. Details below, and a PDF copy is in our portal.

TAX INVOICE
Invoice number: 3307
Date: 3 March 2026
Due: 20 March 2026

Website hosting & care plan (March)          $240.00
Booking widget fix, 2 hrs @ $120.00           $240.00
                                             --------
Subtotal                                      ${us(sub)}
GST 15%                                        ${us(gst)}
Total NZD                                     ${us(total)}

Please pay to 12-3140-0123456-00 with reference 3307.

Ngā mihi,
Tama Rewiti
Kowhai Digital Limited
GST No. 123-456-789
Level 2, 30 Kent Terrace, Wellington 6011
"""
    return Invoice(
        "c35-nz-forwarded-email",
        "txt",
        text.encode(),
        truth("Kowhai Digital Limited", "3307", "2026-03-03", total, gst, "NZD"),
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
