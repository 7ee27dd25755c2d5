# ruff: noqa: E501  (invoice text reads better unwrapped)
"""A second held-out batch, written AFTER the extractor was improved against the first one.

`uv run python eval/holdout/blind.py` writes eval/holdout/blind/<key>.pdf|txt + .json.
The first batch (generate.py) was looked at while improving the extractor, so its score is
optimistic; this batch was written without running the extractor on it, and nothing in the
extractor was changed because of it: its score is the honest estimate for unseen invoices.
Same truth conventions as generate.py.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import (  # noqa: E402
    LETTER,
    Invoice,
    Pdf,
    ch,
    eu,
    items_total,
    num,
    q,
    sp,
    sp2,
    truth,
    us,
)

OUT = HERE / "blind"
D = Decimal
BATCH: list[Invoice] = []


def add(inv: Invoice) -> None:
    BATCH.append(inv)


def b01() -> None:
    sub = D("3000.00")
    tax = q(sub * D("0.06"))
    total = sub + tax
    text = f"""BLUE OX LANDSCAPING LLC
1180 County Road 9, Ann Arbor, MI 48103
(734) 555-0110 | office@blueoxlandscaping.com

INVOICE

Invoice #:      2026-0412
Invoice Date:   04/02/2026
Customer:       Maple Grove HOA
Job site:       44 Maple Grove Ct

Spring cleanup and mulch (crew of 4, 2 days)       $3,000.00

Subtotal                                           $3,000.00
Tax (6%)                                             ${us(tax)}
TOTAL DUE                                          ${us(total)}

Payment due in 30 days. Make checks payable to Blue Ox Landscaping LLC.
"""
    add(
        Invoice(
            "b01-us-plain",
            "txt",
            text.encode(),
            truth("Blue Ox Landscaping LLC", "2026-0412", "2026-04-02", total, tax, "USD"),
        )
    )


def b02() -> None:
    text = """Subject: Invoice 117 - April illustration work

Hi Tom,

Attached is my invoice for the April illustrations. The details:

Invoice number: 117
Date: 1st April 2026
Work: 6 editorial illustrations for the spring issue
Fee: £1,450.00
Total: £1,450.00

I am not VAT registered, so no VAT is charged.
Bank: Monzo, sort code 04-00-04, account 12345678.

Many thanks,
Amelia

Amelia Hart Design
Studio 3, 21 Gloucester Road, Bristol BS7 8AA
"""
    add(
        Invoice(
            "b02-gb-email-no-vat",
            "txt",
            text.encode(),
            truth("Amelia Hart Design", "117", "2026-04-01", "1450.00", None, "GBP"),
        )
    )


def b03() -> None:
    p = Pdf()
    items = [
        ("Zählerschrank erneuert", D(1), D("1480.00")),
        ("Leitungen verlegt (m)", D(35), D("12.50")),
        ("Arbeitszeit Geselle (Std.)", D(9), D("58.00")),
    ]
    net = items_total(items)
    vat = q(net * D("0.19"))
    total = net + vat
    p.t(40, 50, "Elektro Schmitt GmbH & Co. KG", 16, "sans-bold")
    p.t(40, 66, "Industriestraße 14 · 50829 Köln · Tel. 0221 555 2040", 8)
    p.t(40, 110, "Familie Becker · Rosenweg 2 · 50858 Köln", 9.5)
    p.grid(
        40,
        150,
        [(130, "l"), (130, "l"), (130, "l")],
        [["Rechnungsnr.", "Datum", "Kundennr."], ["R-26-0731", "09.04.2026", "K-2291"]],
        size=9,
    )
    rows = [["Leistung", "Menge", "Preis", "Summe"]] + [
        [d, num(qt, ".", ",", 0) if qt % 1 == 0 else eu(qt), eu(pr), eu(q(qt * pr))]
        for d, qt, pr in items
    ]
    y = p.grid(40, 200, [(260, "l"), (60, "r"), (90, "r"), (105, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [
            ("Nettosumme", eu(net) + " €"),
            ("zzgl. 19% MwSt.", eu(vat) + " €"),
            ("Rechnungsbetrag brutto", eu(total) + " €"),
        ]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(330, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    add(
        Invoice(
            "b03-de-table-header",
            "pdf",
            p.done(),
            truth("Elektro Schmitt GmbH & Co. KG", "R-26-0731", "2026-04-09", total, vat, "EUR"),
        )
    )


def b04() -> None:
    p = Pdf()
    books = D("120.00")
    paper = D("85.00")
    v55 = q(books * D("0.055"))
    v20 = q(paper * D("0.20"))
    total = books + paper + v55 + v20
    p.t(40, 50, "Librairie Papeterie Morel SARL", 14, "serif-bold")
    p.t(40, 64, "3 place du Marché – 35000 Rennes – 02 99 55 01 77", 8, "serif")
    p.t(555, 100, "FACTURE N° FA-0456", 11, "serif-bold", "r")
    p.t(555, 114, "Date : 15/04/2026", 9.5, "serif", "r")
    p.t(40, 100, "Collège Jean Macé", 9.5, "serif")
    p.t(40, 113, "12 rue de Brest, 35000 Rennes", 9.5, "serif")
    rows = [
        ["Article", "TVA", "Montant HT"],
        ["Manuels scolaires (lot)", "5,5 %", sp(books)],
        ["Ramettes papier A4", "20 %", sp(paper)],
    ]
    y = p.grid(40, 150, [(300, "l"), (80, "r"), (135, "r")], rows, f="serif")
    y += 20
    for i, (lab, val) in enumerate(
        [
            ("Total HT", sp(books + paper)),
            ("TVA 5,5 %", sp(v55)),
            ("TVA 20 %", sp(v20)),
            ("Total TTC", sp(total) + " €"),
        ]
    ):
        f = "serif-bold" if i == 3 else "serif"
        p.t(360, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    add(
        Invoice(
            "b04-fr-two-rates",
            "pdf",
            p.done(),
            truth(
                "Librairie Papeterie Morel SARL", "FA-0456", "2026-04-15", total, v55 + v20, "EUR"
            ),
        )
    )


def b05() -> None:
    p = Pdf((240, 520))
    b10, b21 = D("20.00"), D("10.30")
    i10, i21 = q(b10 * D("0.10")), q(b21 * D("0.21"))
    total = b10 + b21 + i10 + i21
    cx = 120
    p.t(cx, 30, "Supermercados El Sol S.A.", 10, "mono-bold", "c")
    p.t(cx, 42, "CIF A28123456 · Av. de la Paz 10, Sevilla", 6.5, "mono", "c")
    p.t(cx, 60, "FACTURA SIMPLIFICADA", 8, "mono-bold", "c")
    p.t(10, 76, "Nº T-0045-123456", 7.5, "mono")
    p.t(10, 87, "Fecha: 03/04/2026  19:02", 7.5, "mono")
    y = 105
    for d, v in [
        ("PAN INTEGRAL", D("2.20")),
        ("ACEITE OLIVA 1L", D("10.95")),
        ("FRUTA VARIADA", D("8.85")),
        ("DETERGENTE", D("12.46")),
    ]:
        p.t(10, y, d, 7.5, "mono")
        p.t(230, y, eu(v), 7.5, "mono", "r")
        y += 10
    y += 8
    p.t(10, y, "TOTAL (IVA incluido)", 9, "mono-bold")
    p.t(230, y, eu(total + 0) + " €", 9, "mono-bold", "r")
    y += 16
    p.t(10, y, "Desglose   Base   Cuota", 7, "mono")
    p.t(10, y + 10, f"IVA 10%   {eu(b10)}   {eu(i10)}", 7, "mono")
    p.t(10, y + 20, f"IVA 21%   {eu(b21)}   {eu(i21)}", 7, "mono")
    p.t(10, y + 36, f"Tarjeta   {eu(total)}", 7, "mono")
    add(
        Invoice(
            "b05-es-ticket",
            "pdf",
            p.done(),
            truth(
                "Supermercados El Sol S.A.", "T-0045-123456", "2026-04-03", total, i10 + i21, "EUR"
            ),
        )
    )


def b06() -> None:
    p = Pdf()
    net = D("640.00")
    iva = q(net * D("0.22"))
    total = net + iva
    p.t(p.w / 2, 50, "Ferramenta Bianchi S.n.c.", 15, "sans-bold", "c")
    p.t(
        p.w / 2,
        64,
        "di Bianchi Marco & C. – Corso Vercelli 40, 10152 Torino – P.IVA 01234560017",
        7.5,
        align="c",
    )
    p.t(40, 100, "Fattura n. FPR 12/26 del 02/04/2026", 11, "sans-bold")
    p.t(40, 118, "Destinatario: Condominio Via Roma 8, Torino", 9.5)
    rows = [
        ["Descrizione", "Q.tà", "Prezzo", "Importo"],
        ["Cassette postali in acciaio", "16", "40,00", eu(net)],
    ]
    y = p.grid(40, 140, [(270, "l"), (50, "r"), (90, "r"), (105, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [("Totale imponibile", eu(net)), ("IVA 22%", eu(iva)), ("Totale fattura EUR", eu(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(340, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    add(
        Invoice(
            "b06-it-inline-header",
            "pdf",
            p.done(),
            truth("Ferramenta Bianchi S.n.c.", "FPR 12/26", "2026-04-02", total, iva, "EUR"),
        )
    )


def b07() -> None:
    p = Pdf()
    n9, n21 = D("310.00"), D("45.00")
    v9, v21 = q(n9 * D("0.09")), q(n21 * D("0.21"))
    total = n9 + n21 + v9 + v21
    p.t(40, 50, "Bakkerij De Gouden Korenaar V.O.F.", 14, "serif-bold")
    p.t(40, 64, "Dorpsstraat 7 · 5061 HK Oisterwijk · KvK 17012345", 8, "serif")
    p.t(40, 110, "Factuur", 16, "serif-bold")
    for i, (lab, val) in enumerate(
        [
            ("Factuurnummer:", "F2026-0088"),
            ("Factuurdatum:", "8 april 2026"),
            ("Vervaldatum:", "22 april 2026"),
        ]
    ):
        p.t(40, 135 + i * 13, lab, 9, "serif")
        p.t(140, 135 + i * 13, val, 9, "serif")
    p.t(330, 135, "Hotel De Druiventros", 9.5, "serif")
    rows = [
        ["Omschrijving", "BTW", "Bedrag"],
        ["Brood en banket maart", "9%", eu(n9)],
        ["Verpakkingsmateriaal", "21%", eu(n21)],
    ]
    y = p.grid(40, 190, [(300, "l"), (80, "r"), (135, "r")], rows, f="serif")
    y += 20
    for i, (lab, val) in enumerate(
        [
            ("Subtotaal", eu(n9 + n21)),
            ("BTW 9%", eu(v9)),
            ("BTW 21%", eu(v21)),
            ("Totaal", "€ " + eu(total)),
        ]
    ):
        f = "serif-bold" if i == 3 else "serif"
        p.t(360, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    add(
        Invoice(
            "b07-nl-two-rates",
            "pdf",
            p.done(),
            truth(
                "Bakkerij De Gouden Korenaar V.O.F.",
                "F2026-0088",
                "2026-04-08",
                total,
                v9 + v21,
                "EUR",
            ),
        )
    )


def b08() -> None:
    p = Pdf()
    taxable = D("10000.00")
    cgst = q(taxable * D("0.06"))
    total = taxable + 2 * cgst
    p.t(p.w / 2, 45, "Tax Invoice", 11, "sans-bold", "c")
    p.t(40, 70, "Patel Textiles Private Limited", 14, "sans-bold")
    p.t(40, 84, "Ring Road, Surat 395002, Gujarat · GSTIN 24AABCP1234C1Z5", 8)
    p.t(360, 110, "Invoice No. MH/2026/0091", 9)
    p.t(360, 123, "Invoice Date: 10-Apr-2026", 9)
    p.t(40, 110, "Consignee: Mumbai Garments LLP, Dadar, Mumbai", 9)
    rows = [
        ["Description", "HSN", "Qty (m)", "Rate", "Amount"],
        ["Cotton shirting fabric", "5208", "500", "20.00", num(taxable, indian=True)],
    ]
    y = p.grid(40, 150, [(200, "l"), (50, "c"), (70, "r"), (80, "r"), (115, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [
            ("Taxable Amount", num(taxable, indian=True)),
            ("CGST 6%", num(cgst, indian=True)),
            ("SGST 6%", num(cgst, indian=True)),
            ("Total Invoice Value", "₹ " + num(total, indian=True)),
        ]
    ):
        f = "sans-bold" if i == 3 else "sans"
        p.t(340, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    add(
        Invoice(
            "b08-in-cgst-sgst",
            "pdf",
            p.done(),
            truth(
                "Patel Textiles Private Limited",
                "MH/2026/0091",
                "2026-04-10",
                total,
                2 * cgst,
                "INR",
            ),
        )
    )


def b09() -> None:
    p = Pdf()
    total = D("1100.00")
    gst = q(total / 11)
    p.t(40, 50, "Harbourside Plumbing Pty Ltd", 15, "sans-bold")
    p.t(40, 65, "ABN 33 102 417 032 · 5/20 Wharf St, Brisbane QLD 4000", 8)
    p.t(555, 50, "TAX INVOICE", 13, "sans-bold", "r")
    p.t(555, 70, "Invoice No: 000381", 9, align="r")
    p.t(555, 83, "Date: 09/04/2026", 9, align="r")
    p.t(40, 110, "Customer: K. Nguyen, 14 Ocean Pde, Manly QLD", 9)
    rows = [["Description", "Amount (inc GST)"], ["Hot water system replacement", "$" + us(total)]]
    y = p.grid(40, 140, [(360, "l"), (155, "r")], rows)
    y += 20
    p.t(340, y, "Total inc. GST", 10, "sans-bold")
    p.t(555, y, "$" + us(total), 10, "sans-bold", "r")
    p.t(340, y + 15, "GST included", 9)
    p.t(555, y + 15, "$" + us(gst), 9, align="r")
    add(
        Invoice(
            "b09-au-gst-included",
            "pdf",
            p.done(),
            truth("Harbourside Plumbing Pty Ltd", "000381", "2026-04-09", total, gst, "AUD"),
        )
    )


def b10() -> None:
    p = Pdf(LETTER)
    net = D("2000.00")
    hst = q(net * D("0.13"))
    total = net + hst
    p.t(40, 50, "Lakeshore IT Services Ltd.", 14, "sans-bold")
    p.t(40, 64, "88 Queen St E, Toronto, ON M5C 1S6 · HST # 81234 1234 RT0001", 8)
    p.t(572, 100, "Invoice", 18, "sans-bold", "r")
    p.t(572, 120, "No. LIT-5530", 9, align="r")
    p.t(572, 133, "April 14, 2026", 9, align="r")
    p.t(40, 120, "Client: Beaches Dental Clinic", 9)
    rows = [["Service", "Amount"], ["Managed IT support, April", us(net)]]
    y = p.grid(40, 160, [(420, "l"), (112, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [("Subtotal", us(net)), ("HST 13%", us(hst)), ("Total CAD", "$" + us(total))]
    ):
        f = "sans-bold" if i == 2 else "sans"
        p.t(400, y + i * 15, lab, 9.5, f)
        p.t(572, y + i * 15, val, 9.5, f, "r")
    add(
        Invoice(
            "b10-ca-hst",
            "pdf",
            p.done(),
            truth("Lakeshore IT Services Ltd.", "LIT-5530", "2026-04-14", total, hst, "CAD"),
        )
    )


def b11() -> None:
    p = Pdf()
    net = D("2266.42")
    tva = q(net * D("0.081"))
    total = net + tva
    p.t(40, 50, "Atelier Graphique Léman Sàrl", 15, "serif-bold")
    p.t(40, 65, "Rue du Lac 21 · 1800 Vevey · IDE CHE-234.567.890 TVA", 8, "serif")
    p.t(40, 110, "Facture", 15, "serif-bold")
    p.t(40, 128, "N° 2026-044 · Vevey, le 11 avril 2026", 9.5, "serif")
    p.t(330, 110, "Domaine du Chasselas SA", 9.5, "serif")
    p.t(330, 123, "Route du Vignoble 5, 1096 Cully", 9.5, "serif")
    rows = [["Prestation", "CHF"], ["Étiquettes de vin, création et déclinaisons", ch(net)]]
    y = p.grid(40, 160, [(400, "l"), (115, "r")], rows, f="serif")
    y += 20
    for i, (lab, val) in enumerate(
        [("Total hors TVA", ch(net)), ("TVA 8,1 %", ch(tva)), ("Total CHF", ch(total))]
    ):
        f = "serif-bold" if i == 2 else "serif"
        p.t(340, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    add(
        Invoice(
            "b11-ch-fr-sarl",
            "pdf",
            p.done(),
            truth("Atelier Graphique Léman Sàrl", "2026-044", "2026-04-11", total, tva, "CHF"),
        )
    )


def b12() -> None:
    p = Pdf()
    net = D("2000.00")
    vat = q(net * D("0.23"))
    total = net + vat
    p.t(40, 50, "Zielony Ogród Sp. z o.o.", 14, "sans-bold")
    p.t(40, 64, "ul. Kwiatowa 5, 30-001 Kraków · NIP 676-123-45-67", 8)
    p.t(555, 50, "Faktura nr 15/04/2026", 12, "sans-bold", "r")
    p.t(555, 66, "Data wystawienia: 2026-04-15", 8.5, align="r")
    p.t(40, 110, "Nabywca: Hotel Wawel Sp. j., ul. Grodzka 3, Kraków", 9)
    rows = [
        ["Nazwa", "Netto", "VAT", "Brutto"],
        ["Pielęgnacja ogrodu – kwiecień", sp2(net), sp2(vat), sp2(total)],
    ]
    y = p.grid(40, 140, [(250, "l"), (90, "r"), (80, "r"), (95, "r")], rows)
    y += 20
    p.t(340, y, "VAT 23%:", 9.5)
    p.t(555, y, sp2(vat) + " PLN", 9.5, align="r")
    p.t(340, y + 16, "Do zapłaty:", 11, "sans-bold")
    p.t(555, y + 16, sp2(total) + " PLN", 11, "sans-bold", "r")
    add(
        Invoice(
            "b12-pl-do-zaplaty",
            "pdf",
            p.done(),
            truth("Zielony Ogród Sp. z o.o.", "15/04/2026", "2026-04-15", total, vat, "PLN"),
        )
    )


def b13() -> None:
    p = Pdf()
    total = D("1120.00")
    moms = q(total * D(12) / D(112))
    p.t(40, 50, "Kafé Lingon AB", 15, "sans-bold")
    p.t(40, 65, "Drottninggatan 12, 411 14 Göteborg · Org.nr 559012-3456", 8)
    p.t(40, 100, "Faktura nr 5521", 12, "sans-bold")
    p.t(40, 116, "Datum 2026-04-07", 9.5)
    p.t(300, 100, "Kund: Västra Konferens AB", 9.5)
    rows = [["Artikel", "Belopp inkl. moms"], ["Konferensfika 40 pers.", sp2(total)]]
    y = p.grid(40, 150, [(360, "l"), (155, "r")], rows)
    y += 20
    p.t(340, y, "Varav moms 12%", 9.5)
    p.t(555, y, sp2(moms), 9.5, align="r")
    p.t(340, y + 16, "Totalt", 11, "sans-bold")
    p.t(555, y + 16, sp2(total) + " kr", 11, "sans-bold", "r")
    add(
        Invoice(
            "b13-se-varav-moms",
            "pdf",
            p.done(),
            truth("Kafé Lingon AB", "5521", "2026-04-07", total, moms, "SEK"),
        )
    )


def b14() -> None:
    text = """# Receipt from Acme Cloud, Inc.

Receipt #2231-9987 · Invoice #INV-88412

| | |
|---|---|
| Date paid | April 3, 2026 |
| Payment method | Visa •••• 4242 |

## Summary

| Description | Qty | Amount |
|---|---:|---:|
| Starter plan (Apr 3 – May 3, 2026) | 1 | $49.00 |
| Tax | | $0.00 |
| **Amount paid** | | **$49.00** |

Status: Paid

Questions? Contact billing@acmecloud.dev
Acme Cloud, Inc. · 548 Market St, San Francisco, CA 94104
"""
    add(
        Invoice(
            "b14-us-saas-receipt",
            "txt",
            text.encode(),
            truth("Acme Cloud, Inc.", "INV-88412", "2026-04-03", "49.00", "0.00", "USD", "paid"),
        )
    )


def b15() -> None:
    p = Pdf()
    food, other = 30000, 18000
    t8, t10 = food * 8 // 100, other * 10 // 100
    total = food + other + t8 + t10
    p.t(40, 50, "Sakura Foods Co., Ltd.", 14, "sans-bold")
    p.t(
        40,
        65,
        "2-7-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 163-0890 · Registration No. T1234567890123",
        8,
    )
    p.t(40, 100, "INVOICE", 18, "sans-bold")
    p.t(360, 100, "Invoice No: SF-26-0402", 9)
    p.t(360, 113, "Date: 2026/04/02", 9)
    p.t(40, 125, "Bill to: Green Table Restaurant K.K.", 9)
    rows = [
        ["Item", "Tax rate", "Amount"],
        ["Rice and vegetables *", "8%", f"¥{food:,}"],
        ["Kitchen supplies", "10%", f"¥{other:,}"],
    ]
    y = p.grid(40, 150, [(300, "l"), (80, "r"), (135, "r")], rows)
    y += 20
    for i, (lab, val) in enumerate(
        [
            ("Subtotal", f"¥{food + other:,}"),
            ("Consumption tax 8% (reduced)", f"¥{t8:,}"),
            ("Consumption tax 10%", f"¥{t10:,}"),
            ("Total Amount", f"¥{total:,}"),
        ]
    ):
        f = "sans-bold" if i == 3 else "sans"
        p.t(330, y + i * 15, lab, 9.5, f)
        p.t(555, y + i * 15, val, 9.5, f, "r")
    p.t(40, y + 80, "* reduced tax rate items", 8)
    add(
        Invoice(
            "b15-jp-two-rates",
            "pdf",
            p.done(),
            truth(
                "Sakura Foods Co., Ltd.", "SF-26-0402", "2026-04-02", D(total), D(t8 + t10), "JPY"
            ),
        )
    )


def b16() -> None:
    p = Pdf(LETTER)
    items = [
        ("Copy paper, case", D(40), D("38.50")),
        ("Toner cartridge 26X", D(6), D("142.00")),
        ("Shipping", D(1), D("45.00")),
    ]
    sub = items_total(items)
    disc = q(sub * D("0.05"))
    tax = q((sub - disc) * D("0.0725"))
    total = sub - disc + tax
    p.t(306, 45, "PACIFIC COAST SUPPLY CO.", 16, "serif-bold", "c")
    p.t(306, 60, "2400 Harbor Blvd, Oxnard, CA 93035 · (805) 555-0199", 8, "serif", "c")
    p.box(392, 80, 180, 50)
    p.t(400, 95, "AMOUNT DUE", 8, "serif-bold")
    p.t(564, 120, "$" + us(total), 14, "serif-bold", "r")
    p.t(40, 90, "Invoice #PCS-44190", 10, "serif-bold")
    p.t(40, 104, "April 6, 2026", 9.5, "serif")
    p.t(40, 118, "Account: VEN-0093 · PO: 2026-118", 9.5, "serif")
    rows = [["Item", "Qty", "Price", "Total"]] + [
        [d, str(int(qt)), us(pr), us(q(qt * pr))] for d, qt, pr in items
    ]
    y = p.grid(40, 150, [(290, "l"), (50, "r"), (90, "r"), (102, "r")], rows, f="serif")
    y += 20
    for i, (lab, val) in enumerate(
        [
            ("Subtotal", us(sub)),
            ("Discount 5%", "-" + us(disc)),
            ("Sales tax 7.25%", us(tax)),
            ("Total", "$" + us(total)),
        ]
    ):
        f = "serif-bold" if i == 3 else "serif"
        p.t(400, y + i * 15, lab, 9.5, f)
        p.t(572, y + i * 15, val, 9.5, f, "r")
    add(
        Invoice(
            "b16-us-amount-due-box",
            "pdf",
            p.done(),
            truth("Pacific Coast Supply Co.", "PCS-44190", "2026-04-06", total, tax, "USD"),
        )
    )


def main() -> None:
    for make in (b01, b02, b03, b04, b05, b06, b07, b08, b09, b10, b11, b12, b13, b14, b15, b16):
        make()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for inv in BATCH:
        name = f"{inv.key}.{inv.ext}"
        (OUT / name).write_bytes(inv.data)
        doc = {"file": name, "document_type": "invoice", "fields": inv.truth}
        (OUT / f"{inv.key}.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(BATCH)} blind held-out invoices to {OUT.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()
