# ruff: noqa: E501  (invoice text reads better unwrapped)
"""An eighth labelled batch (eval/blind7): the classes a private hold-out of real invoices
found weakest (issue 14), written before the learned scorer and measured once first.

`uv run python eval/blind7/generate.py` writes eval/blind7/invoices/<key>.pdf and <key>.json
(truth, same format as the other sets).

Not blind to the extractor's code: written by the engineer who had just split the extractor
into modules (issue 14, step B), so its rules were known. The documents follow the weak
classes the issue names, not the rules: nothing here was adjusted after a run, and the first
run is eval/blind7/MEASURED_BLIND.txt. All vendors, people and numbers are invented.

- form-like renderings with many labelled numbers side by side (customer, order, routing,
  delivery, account and invoice numbers in one grid of boxes; a label row over a value row);
- prepayments and partial payments where the grand total differs from the amount due
  (deposit, Anzahlung/Abschlag, reeds betaald, prepayment, credit applied);
- multi-rate tax tables (DE 7 %/19 %, FR 5,5/10/20 %, IT 4/10/22 %, BE 6/21 %, IE 13.5/23 %);
- utility and insurance bills (electricity, telecom, water with prepayments; premium with
  insurance premium tax, surplus-lines tax and fees, an instalment schedule).

Truth conventions are eval/holdout/generate.py's: total = the invoice's gross total as printed
before any payment, previous balance or credit applied after it; tax = sum of the printed tax
lines ("0.00" for a printed zero line, null when none is printed); status only when printed;
currency ISO 4217, printed or unambiguously implied; dates ISO.
"""

from __future__ import annotations

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
    q,
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


def boxes(
    p: Pdf, x: float, y: float, cells: list[tuple[str, str]], width: float, size: float = 7.5
) -> float:
    """A row of form boxes: a small label on top, the value under it, in one box each."""
    for i, (label, value) in enumerate(cells):
        left = x + i * width
        p.box(left, y, width, 28)
        p.t(left + 3, y + 9, label, size - 1.5)
        p.t(left + 3, y + 22, value, size + 1, "sans-bold")
    return y + 28


def rows(
    p: Pdf,
    x_lab: float,
    x_val: float,
    y: float,
    pairs: list[tuple[str, str]],
    size: float = 9,
    step: float = 14,
    bold: tuple[int, ...] = (),
) -> float:
    for i, (label, value) in enumerate(pairs):
        kind = "sans-bold" if i in bold or (i - len(pairs)) in bold else "sans"
        p.t(x_lab, y + i * step, label, size, kind)
        p.t(x_val, y + i * step, value, size, kind, "r")
    return y + len(pairs) * step


def items(
    p: Pdf,
    x: float,
    y: float,
    lines: list[tuple[str, Decimal]],
    money: Callable[[Decimal], str],
    head: tuple[str, str] = ("Description", "Amount"),
) -> float:
    table = [list(head)] + [[d, money(v)] for d, v in lines]
    return p.grid(x, y, [(400, "l"), (130, "r")], table)


# ----------------------------------------------------------------------------- forms


@invoice
def f01_us_freight_form() -> Invoice:
    p = Pdf(LETTER)
    p.t(40, 48, "Tallgrass Freight Systems, Inc.", 15, "sans-bold")
    p.t(40, 62, "5100 Prairie Gate Rd · Wichita, KS 67219 · USDOT 2214087 · MC 771204", 8)
    p.t(572, 48, "FREIGHT INVOICE", 14, "sans-bold", "r")
    y = boxes(
        p,
        40,
        80,
        [
            ("Customer No.", "C-004417"),
            ("Bill of Lading", "BL 88104527"),
            ("PRO Number", "771-20466"),
            ("Invoice No.", "TF-260311-09"),
            ("Invoice Date", "03/11/2026"),
            ("Terms", "Net 30"),
        ],
        88.6,
    )
    y = boxes(
        p,
        40,
        y,
        [
            ("Shipper Ref", "PO 55012"),
            ("Routing No.", "RT-3381"),
            ("Account No.", "0044-1729"),
            ("Trailer", "TLR 5518"),
            ("Ship Date", "03/06/2026"),
            ("Pieces / Wt", "14 / 6,240 lb"),
        ],
        88.6,
    )
    sub_lines = [
        ("Linehaul Wichita KS - Joliet IL", D("1840.00")),
        ("Fuel surcharge 31.5%", D("579.60")),
        ("Liftgate delivery", D("95.00")),
        ("Residential delivery", D("120.00")),
    ]
    y = items(p, 40, y + 20, sub_lines, us)
    total = sum((v for _, v in sub_lines), D(0))
    rows(
        p,
        380,
        570,
        y + 20,
        [("Total Charges", us(total)), ("Amount Due (USD)", "$" + us(total))],
        9.5,
        bold=(1,),
    )
    return Invoice(
        "f01-us-freight-form",
        "pdf",
        p.done(),
        truth("Tallgrass Freight Systems, Inc.", "TF-260311-09", "2026-03-11", total, None, "USD"),
    )


@invoice
def f02_de_form_numbers() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Kessler Antriebstechnik GmbH", 15, "sans-bold")
    p.t(40, 64, "Am Hafenbecken 7 · 47119 Duisburg · USt-IdNr. DE 318 224 907", 8)
    p.t(40, 100, "Bauer Fördersysteme KG · Werkstraße 2 · 59075 Hamm", 9)
    p.t(555, 100, "RECHNUNG", 14, "sans-bold", "r")
    y = boxes(
        p,
        40,
        120,
        [
            ("Kunden-Nr.", "40 1187"),
            ("Auftrags-Nr.", "A-26-0418"),
            ("Lieferschein-Nr.", "LS 772019"),
            ("Ihre Bestell-Nr.", "4500118842"),
            ("Rechnungs-Nr.", "RE 2026-01377"),
            ("Datum", "09.03.2026"),
        ],
        85.8,
    )
    net_lines = [
        ("Getriebemotor KA 47, 1,1 kW", D("1290.00")),
        ("Frequenzumrichter FU-2", D("684.50")),
        ("Montagesatz", D("88.00")),
    ]
    y = items(p, 40, y + 24, net_lines, eu, ("Bezeichnung", "Betrag EUR"))
    net = sum((v for _, v in net_lines), D(0))
    vat = q(net * D("0.19"))
    rows(
        p,
        360,
        555,
        y + 20,
        [("Nettobetrag", eu(net)), ("MwSt. 19 %", eu(vat)), ("Rechnungsbetrag EUR", eu(net + vat))],
        bold=(2,),
    )
    p.t(
        40,
        y + 90,
        "Zahlbar bis 08.04.2026 ohne Abzug. Bankverbindung: IBAN DE27 3505 0000 0201 1188 04",
        8,
    )
    return Invoice(
        "f02-de-form-numbers",
        "pdf",
        p.done(),
        truth("Kessler Antriebstechnik GmbH", "RE 2026-01377", "2026-03-09", net + vat, vat, "EUR"),
    )


@invoice
def f03_gb_label_row_value_row() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Pennine Catering Supplies Ltd", 15, "sans-bold")
    p.t(40, 64, "Unit 4, Calder Park, Wakefield WF2 7AW · VAT Reg No GB 402 7781 26", 8)
    p.t(555, 50, "SALES INVOICE", 13, "sans-bold", "r")
    labels = ["Account No", "Invoice No", "Tax Point", "Order Ref", "Despatch No", "Page"]
    values = ["PEN0192", "SI-448201", "06/03/2026", "HOL/7731", "DN 55120", "1 of 1"]
    for i, (lab, val) in enumerate(zip(labels, values, strict=True)):
        p.t(40 + i * 86, 100, lab, 8, "sans-bold")
        p.t(40 + i * 86, 114, val, 9)
    p.t(40, 140, "Deliver to: Hollins Hall Hotel, Otley Road, Harrogate HG3 2PR", 8.5)
    lines = [
        ("Combi oven descaler 10 L x 4", D("211.60")),
        ("Chef knives set (6)", D("148.00")),
        ("Gastronorm pans 1/1 x 12", D("302.40")),
    ]
    y = items(p, 40, 160, lines, us)
    net = sum((v for _, v in lines), D(0))
    vat = q(net * D("0.20"))
    rows(
        p,
        360,
        555,
        y + 20,
        [
            ("Goods", "£" + us(net)),
            ("VAT @ 20%", "£" + us(vat)),
            ("Invoice Total", "£" + us(net + vat)),
        ],
        bold=(2,),
    )
    return Invoice(
        "f03-gb-label-row-value-row",
        "pdf",
        p.done(),
        truth("Pennine Catering Supplies Ltd", "SI-448201", "2026-03-06", net + vat, vat, "GBP"),
    )


@invoice
def f04_fr_numbers_grid() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Transports Lemarchand SAS", 15, "sans-bold")
    p.t(40, 64, "ZA des Perrières · 72000 Le Mans · SIRET 533 208 114 00029 · TVA FR61533208114", 8)
    p.t(555, 50, "FACTURE", 14, "sans-bold", "r")
    y = boxes(
        p,
        40,
        90,
        [
            ("N° client", "411LEM082"),
            ("N° commande", "CMD-26-2291"),
            ("N° facture", "FA26-00912"),
            ("Date", "12/03/2026"),
            ("Échéance", "11/04/2026"),
        ],
        103,
    )
    lines = [
        ("Transport Le Mans - Lyon, 6 palettes", D("742.00")),
        ("Hayon et rendez-vous", D("65.00")),
    ]
    y = items(p, 40, y + 24, lines, eu, ("Désignation", "Montant HT"))
    ht = sum((v for _, v in lines), D(0))
    tva = q(ht * D("0.20"))
    rows(
        p,
        360,
        555,
        y + 20,
        [
            ("Total HT", eu(ht) + " €"),
            ("TVA 20 %", eu(tva) + " €"),
            ("Total TTC", eu(ht + tva) + " €"),
        ],
        bold=(2,),
    )
    return Invoice(
        "f04-fr-numbers-grid",
        "pdf",
        p.done(),
        truth("Transports Lemarchand SAS", "FA26-00912", "2026-03-12", ht + tva, tva, "EUR"),
    )


# ----------------------------------------------------------------------------- payments


@invoice
def p01_us_deposit_balance() -> Invoice:
    p = Pdf(LETTER)
    p.t(40, 50, "Summit Ridge Cabinetry LLC", 16, "sans-bold")
    p.t(40, 65, "2280 Foothill Blvd · Boise, ID 83706 · (208) 555-0147", 8.5)
    p.t(572, 50, "INVOICE", 16, "sans-bold", "r")
    rows(
        p,
        400,
        572,
        80,
        [("Invoice #", "SRC-1182"), ("Date", "03/09/2026"), ("Job", "Kitchen - Miller residence")],
    )
    lines = [
        ("Custom maple cabinets, 22 linear ft", D("11250.00")),
        ("Quartz countertop template & install", D("3400.00")),
        ("Hardware", D("418.00")),
    ]
    y = items(p, 40, 140, lines, us)
    sub = sum((v for _, v in lines), D(0))
    tax = q(sub * D("0.06"))
    total = sub + tax
    deposit = D("7500.00")
    rows(
        p,
        380,
        572,
        y + 20,
        [
            ("Subtotal", us(sub)),
            ("Idaho sales tax 6%", us(tax)),
            ("Invoice Total", "$" + us(total)),
            ("Less deposit received 01/15/2026", "-" + us(deposit)),
            ("Balance Due", "$" + us(total - deposit)),
        ],
        bold=(2, 4),
    )
    return Invoice(
        "p01-us-deposit-balance",
        "pdf",
        p.done(),
        truth("Summit Ridge Cabinetry LLC", "SRC-1182", "2026-03-09", total, tax, "USD"),
    )


@invoice
def p02_de_schlussrechnung_abschlag() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Holzbau Reinhardt GmbH & Co. KG", 15, "sans-bold")
    p.t(40, 64, "Sägewerkstraße 12 · 79215 Elzach · USt-IdNr. DE 142 877 310", 8)
    p.t(555, 50, "Schlussrechnung", 14, "sans-bold", "r")
    rows(
        p,
        360,
        555,
        90,
        [
            ("Rechnungsnummer", "SR-2026-0047"),
            ("Rechnungsdatum", "16.03.2026"),
            ("Bauvorhaben", "Carport Weber"),
        ],
    )
    lines = [
        ("Carport Douglasie 6 x 5 m, Lieferung und Montage", D("9800.00")),
        ("Dacheindeckung EPDM", D("1450.00")),
        ("Entwässerung", D("380.00")),
    ]
    y = items(p, 40, 150, lines, eu, ("Leistung", "Betrag EUR"))
    net = sum((v for _, v in lines), D(0))
    vat = q(net * D("0.19"))
    gross = net + vat
    abschlag_net = D("5000.00")
    abschlag_vat = q(abschlag_net * D("0.19"))
    rows(
        p,
        300,
        555,
        y + 20,
        [
            ("Summe netto", eu(net)),
            ("zzgl. 19 % USt.", eu(vat)),
            ("Gesamtbetrag brutto", eu(gross)),
            ("abzgl. Abschlagsrechnung AR-2026-0012 vom 02.02.2026 netto", "-" + eu(abschlag_net)),
            ("abzgl. darauf entfallende USt. 19 %", "-" + eu(abschlag_vat)),
            ("Noch zu zahlen", eu(gross - abschlag_net - abschlag_vat)),
        ],
        bold=(2, 5),
    )
    return Invoice(
        "p02-de-schlussrechnung-abschlag",
        "pdf",
        p.done(),
        truth("Holzbau Reinhardt GmbH & Co. KG", "SR-2026-0047", "2026-03-16", gross, vat, "EUR"),
    )


@invoice
def p03_nl_reeds_betaald() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Van Dijk Installatietechniek B.V.", 15, "sans-bold")
    p.t(40, 64, "Havenweg 31 · 3311 ZA Dordrecht · KvK 24188732 · BTW NL8120.44.718.B01", 8)
    p.t(555, 50, "FACTUUR", 14, "sans-bold", "r")
    rows(
        p,
        380,
        555,
        90,
        [
            ("Factuurnummer", "2026-0311"),
            ("Factuurdatum", "11-03-2026"),
            ("Status", "Gedeeltelijk betaald"),
        ],
    )
    lines = [
        ("CV-ketel Intergas 36 kW incl. montage", D("2695.00")),
        ("Thermostaat en bedrading", D("189.00")),
    ]
    y = items(p, 40, 150, lines, eu, ("Omschrijving", "Bedrag"))
    net = sum((v for _, v in lines), D(0))
    vat = q(net * D("0.21"))
    total = net + vat
    paid = D("1500.00")
    rows(
        p,
        340,
        555,
        y + 20,
        [
            ("Subtotaal", "€ " + eu(net)),
            ("BTW 21%", "€ " + eu(vat)),
            ("Totaal incl. BTW", "€ " + eu(total)),
            ("Reeds betaald (aanbetaling)", "€ -" + eu(paid)),
            ("Openstaand bedrag", "€ " + eu(total - paid)),
        ],
        bold=(2, 4),
    )
    return Invoice(
        "p03-nl-reeds-betaald",
        "pdf",
        p.done(),
        truth(
            "Van Dijk Installatietechniek B.V.",
            "2026-0311",
            "2026-03-11",
            total,
            vat,
            "EUR",
            "partially_paid",
        ),
    )


@invoice
def p04_au_prepayment_credit() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Coastal Event Hire Pty Ltd", 15, "sans-bold")
    p.t(40, 64, "ABN 61 604 118 332 · 9 Wharf St, Newcastle NSW 2300", 8)
    p.t(555, 50, "TAX INVOICE", 14, "sans-bold", "r")
    rows(
        p,
        380,
        555,
        90,
        [
            ("Invoice No", "CEH-20931"),
            ("Invoice Date", "14/03/2026"),
            ("Event", "Harbour wedding 21/03"),
        ],
    )
    lines = [
        ("Marquee 10 x 20 m incl. flooring", D("3180.00")),
        ("Furniture package (120 guests)", D("1460.00")),
        ("Lighting & power", D("620.00")),
    ]
    y = items(p, 40, 150, lines, us)
    total = sum((v for _, v in lines), D(0))
    gst = q(total / 11)
    rows(
        p,
        330,
        555,
        y + 20,
        [
            ("Total (inc GST)", "$" + us(total)),
            ("GST included", "$" + us(gst)),
            ("Less: prepayment received", "-$" + us(D("2000.00"))),
            ("Less: credit note CN-118", "-$" + us(D("150.00"))),
            ("Amount payable", "$" + us(total - D("2150.00"))),
        ],
        bold=(0, 4),
    )
    return Invoice(
        "p04-au-prepayment-credit",
        "pdf",
        p.done(),
        truth("Coastal Event Hire Pty Ltd", "CEH-20931", "2026-03-14", total, gst, "AUD"),
    )


# ----------------------------------------------------------------------------- multi-rate tax


@invoice
def t01_de_two_rates_table() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Feinkost Albrecht e.K.", 15, "sans-bold")
    p.t(40, 64, "Marktplatz 4 · 93047 Regensburg · St.-Nr. 244/218/50117", 8)
    p.t(555, 50, "Rechnung", 14, "sans-bold", "r")
    rows(
        p,
        380,
        555,
        90,
        [("Rechnungs-Nr.", "FA-7712"), ("Datum", "05.03.2026"), ("Kunden-Nr.", "2290")],
    )
    food = D("642.80")
    drinks = D("318.50")
    y = p.grid(
        40,
        150,
        [(330, "l"), (70, "r"), (130, "r")],
        [
            ["Artikel", "USt.", "Netto EUR"],
            ["Käse- und Wurstplatten (Catering)", "7 %", eu(food)],
            ["Weine und Spirituosen", "19 %", eu(drinks)],
        ],
    )
    v7 = q(food * D("0.07"))
    v19 = q(drinks * D("0.19"))
    y = p.grid(
        240,
        y + 24,
        [(80, "r"), (100, "r"), (100, "r")],
        [
            ["Satz", "Netto", "USt."],
            ["7 %", eu(food), eu(v7)],
            ["19 %", eu(drinks), eu(v19)],
            ["Summe", eu(food + drinks), eu(v7 + v19)],
        ],
    )
    total = food + drinks + v7 + v19
    rows(p, 340, 520, y + 20, [("Gesamtbetrag EUR", eu(total))], 10, bold=(0,))
    return Invoice(
        "t01-de-two-rates-table",
        "pdf",
        p.done(),
        truth("Feinkost Albrecht e.K.", "FA-7712", "2026-03-05", total, v7 + v19, "EUR"),
    )


@invoice
def t02_fr_three_rates() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Épicerie Fine du Vieux Port SARL", 15, "sans-bold")
    p.t(40, 64, "14 quai du Port · 13002 Marseille · TVA FR08791220455", 8)
    p.t(555, 50, "FACTURE N° EVP-2026-118", 12, "sans-bold", "r")
    p.t(555, 66, "Marseille, le 13/03/2026", 9, align="r")
    bases = [
        ("5,5 %", D("0.055"), D("410.00")),
        ("10 %", D("0.10"), D("265.00")),
        ("20 %", D("0.20"), D("180.00")),
    ]
    table = [["Taux TVA", "Base HT", "Montant TVA", "Total TTC"]]
    tax_total = D(0)
    ttc = D(0)
    for label, rate, base in bases:
        tva = q(base * rate)
        tax_total += tva
        ttc += base + tva
        table.append([label, eu(base), eu(tva), eu(base + tva)])
    table.append(["Total", eu(sum((b for *_, b in bases), D(0))), eu(tax_total), eu(ttc)])
    y = p.grid(120, 120, [(100, "l"), (110, "r"), (110, "r"), (110, "r")], table)
    rows(p, 300, 550, y + 24, [("Net à payer", eu(ttc) + " €")], 11, bold=(0,))
    return Invoice(
        "t02-fr-three-rates",
        "pdf",
        p.done(),
        truth(
            "Épicerie Fine du Vieux Port SARL", "EVP-2026-118", "2026-03-13", ttc, tax_total, "EUR"
        ),
    )


@invoice
def t03_it_riepilogo_iva() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Agraria Colli Euganei S.r.l.", 15, "sans-bold")
    p.t(40, 64, "Via dei Vigneti 19 · 35030 Teolo (PD) · P.IVA 04418820287", 8)
    p.t(555, 50, "FATTURA", 14, "sans-bold", "r")
    rows(
        p, 380, 555, 90, [("Numero", "312/2026"), ("Data", "10/03/2026"), ("Cod. cliente", "C0771")]
    )
    rates = [
        ("4%", D("0.04"), D("520.00")),
        ("10%", D("0.10"), D("780.00")),
        ("22%", D("0.22"), D("1340.00")),
    ]
    table = [["Aliquota", "Imponibile", "Imposta"]]
    imposta = D(0)
    for label, rate, base in rates:
        tax = q(base * rate)
        imposta += tax
        table.append([label, eu(base), eu(tax)])
    p.t(40, 150, "Riepilogo IVA", 9, "sans-bold")
    y = p.grid(40, 156, [(120, "l"), (130, "r"), (130, "r")], table)
    imponibile = sum((b for *_, b in rates), D(0))
    rows(
        p,
        340,
        555,
        y + 24,
        [
            ("Totale imponibile", eu(imponibile)),
            ("Totale IVA", eu(imposta)),
            ("Totale documento", "€ " + eu(imponibile + imposta)),
        ],
        bold=(2,),
    )
    return Invoice(
        "t03-it-riepilogo-iva",
        "pdf",
        p.done(),
        truth(
            "Agraria Colli Euganei S.r.l.",
            "312/2026",
            "2026-03-10",
            imponibile + imposta,
            imposta,
            "EUR",
        ),
    )


@invoice
def t04_be_two_rates() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Bouwmaterialen Peeters BV", 15, "sans-bold")
    p.t(40, 64, "Steenweg 211 · 2800 Mechelen · BTW BE 0447.118.902", 8)
    p.t(555, 50, "FACTUUR", 14, "sans-bold", "r")
    rows(
        p,
        380,
        555,
        90,
        [("Factuurnr.", "VF26/0488"), ("Datum", "04/03/2026"), ("Klantnr.", "K-3318")],
    )
    renov = D("2340.00")
    goods = D("615.00")
    y = p.grid(
        40,
        150,
        [(320, "l"), (80, "r"), (130, "r")],
        [
            ["Omschrijving", "BTW", "Excl. BTW"],
            ["Renovatiewerken woning > 10 jaar", "6%", eu(renov)],
            ["Materialen (afhaling)", "21%", eu(goods)],
        ],
    )
    b6 = q(renov * D("0.06"))
    b21 = q(goods * D("0.21"))
    total = renov + goods + b6 + b21
    rows(
        p,
        330,
        570,
        y + 20,
        [
            ("Totaal excl. BTW", eu(renov + goods)),
            ("BTW 6% op " + eu(renov), eu(b6)),
            ("BTW 21% op " + eu(goods), eu(b21)),
            ("Te betalen", "€ " + eu(total)),
        ],
        bold=(3,),
    )
    return Invoice(
        "t04-be-two-rates",
        "pdf",
        p.done(),
        truth("Bouwmaterialen Peeters BV", "VF26/0488", "2026-03-04", total, b6 + b21, "EUR"),
    )


@invoice
def t05_ie_two_rates_credit() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Shannonside Hospitality Services Ltd", 15, "sans-bold")
    p.t(40, 64, "Dock Road, Limerick V94 K2R8 · VAT IE 3318820LH", 8)
    p.t(555, 50, "VAT INVOICE", 13, "sans-bold", "r")
    rows(
        p,
        380,
        555,
        90,
        [("Invoice No.", "SHS-5521"), ("Date of issue", "17/03/2026"), ("Account", "ACC-0071")],
    )
    svc = D("1880.00")
    goods = D("455.00")
    y = p.grid(
        40,
        150,
        [(300, "l"), (100, "r"), (130, "r")],
        [
            ["Description", "VAT rate", "Net €"],
            ["Cleaning services March", "13.5%", us(svc)],
            ["Consumables", "23%", us(goods)],
        ],
    )
    v1 = q(svc * D("0.135"))
    v2 = q(goods * D("0.23"))
    total = svc + goods + v1 + v2
    credit = D("120.00")
    rows(
        p,
        320,
        570,
        y + 20,
        [
            ("Net total", "€" + us(svc + goods)),
            ("VAT @ 13.5%", "€" + us(v1)),
            ("VAT @ 23%", "€" + us(v2)),
            ("Total invoice", "€" + us(total)),
            ("Credit on account applied", "-€" + us(credit)),
            ("Amount due", "€" + us(total - credit)),
        ],
        bold=(3, 5),
    )
    return Invoice(
        "t05-ie-two-rates-credit",
        "pdf",
        p.done(),
        truth(
            "Shannonside Hospitality Services Ltd", "SHS-5521", "2026-03-17", total, v1 + v2, "EUR"
        ),
    )


# ----------------------------------------------------------------------------- bills


@invoice
def u01_gb_electricity_bill() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Brightwater Energy Ltd", 16, "sans-bold")
    p.t(40, 64, "PO Box 7710, Bristol BS1 9ZZ · VAT Reg 331 8874 20", 8)
    p.t(555, 50, "Your electricity bill", 13, "sans-bold", "r")
    y = boxes(
        p,
        40,
        84,
        [
            ("Account number", "8800 3317 2291"),
            ("Bill number", "BW-60418827"),
            ("Bill date", "10 March 2026"),
            ("Meter (MPAN)", "S 01 801 100 12 3456 7890 112"),
        ],
        128.75,
    )
    p.t(40, y + 24, "Billing period 8 February 2026 to 9 March 2026", 9)
    rows(
        p,
        40,
        555,
        y + 44,
        [
            ("Previous balance", "£142.18"),
            ("Payment received 20 February - thank you", "-£142.18"),
            ("Balance brought forward", "£0.00"),
        ],
    )
    energy = D("118.40")
    standing = D("16.82")
    net = energy + standing
    vat = q(net * D("0.05"))
    charges = net + vat
    y2 = rows(
        p,
        40,
        555,
        y + 110,
        [
            ("Energy 412 kWh @ 28.74p", "£" + us(energy)),
            ("Standing charge 29 days @ 58.00p", "£" + us(standing)),
            ("Charges before VAT", "£" + us(net)),
            ("VAT at 5%", "£" + us(vat)),
            ("Total charges this bill", "£" + us(charges)),
        ],
        bold=(4,),
    )
    rows(
        p,
        40,
        555,
        y2 + 16,
        [("Total amount to pay by Direct Debit on 24 March 2026", "£" + us(charges))],
        10,
        bold=(0,),
    )
    return Invoice(
        "u01-gb-electricity-bill",
        "pdf",
        p.done(),
        truth("Brightwater Energy Ltd", "BW-60418827", "2026-03-10", charges, vat, "GBP"),
    )


@invoice
def u02_de_wasser_abschlaege() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Wasserversorgung Ammertal GmbH", 15, "sans-bold")
    p.t(40, 64, "Quellenweg 2 · 72119 Ammerbuch · USt-IdNr. DE 811 402 776", 8)
    p.t(555, 50, "Jahresabrechnung 2025", 13, "sans-bold", "r")
    y = boxes(
        p,
        40,
        84,
        [
            ("Vertragskonto", "2004 7718 03"),
            ("Rechnungsnummer", "JA-25-118842"),
            ("Zähler-Nr.", "W 0771 2290"),
            ("Rechnungsdatum", "02.03.2026"),
        ],
        128.75,
    )
    water = D("412.30")
    base = D("96.00")
    net = water + base
    vat = q(net * D("0.07"))
    gross = net + vat
    paid = D("480.00")
    y = rows(
        p,
        40,
        555,
        y + 30,
        [
            ("Wasser 158 m³ x 2,61 €", eu(water) + " €"),
            ("Grundgebühr 12 Monate", eu(base) + " €"),
            ("Summe netto", eu(net) + " €"),
            ("Umsatzsteuer 7 %", eu(vat) + " €"),
            ("Rechnungsbetrag brutto", eu(gross) + " €"),
            ("abzüglich geleistete Abschläge (12 x 40,00 €)", "-" + eu(paid) + " €"),
            ("Nachzahlung", eu(gross - paid) + " €"),
        ],
        bold=(4, 6),
    )
    p.t(40, y + 20, "Ihr neuer monatlicher Abschlag ab April 2026: 45,00 €", 9)
    return Invoice(
        "u02-de-wasser-abschlaege",
        "pdf",
        p.done(),
        truth("Wasserversorgung Ammertal GmbH", "JA-25-118842", "2026-03-02", gross, vat, "EUR"),
    )


@invoice
def u03_us_telecom_bill() -> Invoice:
    p = Pdf(LETTER)
    p.t(40, 50, "Clearline Communications, Inc.", 15, "sans-bold")
    p.t(40, 64, "PO Box 60219 · Dallas, TX 75266", 8)
    y = boxes(
        p,
        40,
        84,
        [
            ("Account Number", "8221 00 4471 3"),
            ("Invoice Number", "CLC-2603-771094"),
            ("Statement Date", "03/04/2026"),
            ("Due Date", "03/24/2026"),
        ],
        133,
    )
    rows(
        p,
        40,
        572,
        y + 24,
        [("Previous Balance", "$96.14"), ("Payment Received 02/18 - Thank You", "-$96.14")],
    )
    plan = D("85.00")
    equip = D("12.00")
    fees = D("4.37")
    taxes = D("7.21")
    new = plan + equip + fees + taxes
    rows(
        p,
        40,
        572,
        y + 64,
        [
            ("Monthly service 03/04 - 04/03", us(plan)),
            ("Equipment rental", us(equip)),
            ("Regulatory & administrative fees", us(fees)),
            ("Taxes, surcharges & government fees", us(taxes)),
            ("Total New Charges", "$" + us(new)),
            ("Total Amount Due", "$" + us(new)),
        ],
        bold=(4, 5),
    )
    return Invoice(
        "u03-us-telecom-bill",
        "pdf",
        p.done(),
        truth("Clearline Communications, Inc.", "CLC-2603-771094", "2026-03-04", new, taxes, "USD"),
    )


@invoice
def i01_gb_insurance_ipt() -> Invoice:
    p = Pdf()
    p.t(40, 50, "Marlowe & Finch Insurance Services Ltd", 15, "sans-bold")
    p.t(
        40, 64, "22 Cornhill, London EC3V 3ND · Authorised and regulated by the FCA (FRN 448120)", 8
    )
    p.t(555, 50, "DEBIT NOTE", 13, "sans-bold", "r")
    y = boxes(
        p,
        40,
        84,
        [
            ("Client ref", "MFC-20771"),
            ("Policy number", "CMB/448120/26"),
            ("Debit note no", "DN-2026-03318"),
            ("Date", "03/03/2026"),
        ],
        128.75,
    )
    premium = D("1842.00")
    ipt = q(premium * D("0.12"))
    fee = D("45.00")
    total = premium + ipt + fee
    rows(
        p,
        40,
        555,
        y + 30,
        [
            ("Commercial combined policy, period 01/04/2026 - 31/03/2027", ""),
            ("Annual premium", "£" + us(premium)),
            ("Insurance Premium Tax @ 12%", "£" + us(ipt)),
            ("Broker administration fee (no VAT)", "£" + us(fee)),
            ("Total payable", "£" + us(total)),
        ],
        bold=(4,),
    )
    return Invoice(
        "i01-gb-insurance-ipt",
        "pdf",
        p.done(),
        truth(
            "Marlowe & Finch Insurance Services Ltd",
            "DN-2026-03318",
            "2026-03-03",
            total,
            ipt,
            "GBP",
        ),
    )


@invoice
def i02_us_surplus_lines_instalments() -> Invoice:
    p = Pdf(LETTER)
    p.t(40, 50, "Keystone Specialty Underwriters, LLC", 15, "sans-bold")
    p.t(40, 64, "1600 Market St, Ste 2100 · Philadelphia, PA 19103", 8)
    p.t(572, 50, "PREMIUM INVOICE", 13, "sans-bold", "r")
    y = boxes(
        p,
        40,
        84,
        [
            ("Insured No.", "INS-55018"),
            ("Policy No.", "KSU-GL-2026-11873"),
            ("Invoice No.", "KSU-INV-884120"),
            ("Invoice Date", "03/13/2026"),
            ("Agent Code", "PA-0312"),
        ],
        106.4,
    )
    premium = D("6480.00")
    sl_tax = q(premium * D("0.03"))
    stamp = q(premium * D("0.0006"))
    policy_fee = D("150.00")
    total = premium + sl_tax + stamp + policy_fee
    y = rows(
        p,
        40,
        572,
        y + 30,
        [
            ("General liability premium", us(premium)),
            ("Policy fee", us(policy_fee)),
            ("Surplus lines tax 3.0%", us(sl_tax)),
            ("Stamping fee 0.06%", us(stamp)),
            ("Total Premium & Charges", "$" + us(total)),
        ],
        bold=(4,),
    )
    inst = q(total / 4)
    p.t(40, y + 20, "Instalment schedule", 9, "sans-bold")
    y = p.grid(
        40,
        y + 26,
        [(200, "l"), (120, "r")],
        [
            ["Due", "Amount"],
            ["04/01/2026", us(total - 3 * inst)],
            ["07/01/2026", us(inst)],
            ["10/01/2026", us(inst)],
            ["01/01/2027", us(inst)],
        ],
    )
    rows(
        p,
        340,
        572,
        y + 20,
        [("First instalment due 04/01/2026", "$" + us(total - 3 * inst))],
        10,
        bold=(0,),
    )
    return Invoice(
        "i02-us-surplus-lines-instalments",
        "pdf",
        p.done(),
        truth(
            "Keystone Specialty Underwriters, LLC",
            "KSU-INV-884120",
            "2026-03-13",
            total,
            sl_tax,
            "USD",
        ),
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
    print(f"wrote {len(REGISTRY)} invoices to {OUT.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()
