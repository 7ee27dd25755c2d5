"""General extraction rules on small synthetic documents (labels in more languages, tax and
total phrasing, currencies, referenced numbers)."""

from __future__ import annotations

import pathlib
from decimal import Decimal

from docflow_worker.extraction import extract_fields
from docflow_worker.parsing import Page, ParsedDocument, Word, parse_document


def _extract(tmp_path: pathlib.Path, text: str) -> dict[str, str | None]:
    path = tmp_path / "doc.txt"
    path.write_text(text)
    result = extract_fields(parse_document(path, "text/plain"))
    assert result.document_type != "other"
    return {k: v.value for k, v in result.fields.items()}


def test_estonian_invoice_is_read(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Põhjala Puidutööd OÜ
Pärnu mnt 10, 10141 Tallinn
ARVE nr 2025-117
Kuupäev 14.11.2025
Maksetähtaeg 28.11.2025
Maksja
Rannamaja AS
Kirjeldus Kogus Hind Summa
Terrassilaud 12 25,00 300,00
Summa käibemaksuta 300,00
Käibemaks 24% 72,00
Kokku tasuda EUR 372,00
""",
    )
    assert fields["vendor_name"] == "Põhjala Puidutööd OÜ"
    assert fields["invoice_number"] == "2025-117"
    assert fields["invoice_date"] == "2025-11-14"
    assert fields["total_amount"] == "372.00"
    assert fields["tax_amount"] == "72.00"
    assert fields["currency"] == "EUR"


def test_hungarian_invoice_is_read(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """SZÁMLA
Eladó
Tiszapart Bútor Kft.
6720 Szeged, Kárász utca 3.
Vevő
Alföldi Iroda Bt.
Számla sorszáma: TB-2025/0042
Kiállítás dátuma: 2025.10.06.
Fizetési határidő: 2025.10.20.
Nettó összesen 100 000 Ft
ÁFA 27% 27 000 Ft
Bruttó összesen 127 000 Ft
""",
    )
    assert fields["vendor_name"] == "Tiszapart Bútor Kft."
    assert fields["invoice_number"] == "TB-2025/0042"
    assert fields["invoice_date"] == "2025-10-06"
    assert fields["total_amount"] == "127000.00"
    assert fields["tax_amount"] == "27000.00"


def test_pro_forma_number_and_corrected_invoice_reference(tmp_path: pathlib.Path) -> None:
    pro_forma = _extract(
        tmp_path,
        """Sprzedawca
Stolarnia Lipa Sp. z o.o.
FAKTURA PRO FORMA nr PF/11/2025/003
Data wystawienia: 2025-11-03
Razem do zapłaty 1 230,00 PLN
""",
    )
    assert pro_forma["invoice_number"] == "PF/11/2025/003"
    corrective = _extract(
        tmp_path,
        """Talleres Ebro, S.L.
FACTURA RECTIFICATIVA
Nº: R-2025-0012
Fecha: 4 de noviembre de 2025
Rectifica a la factura nº 2025-0871 de 02/10/2025
Base imponible -100,00 €
IVA 21 % -21,00 €
TOTAL FACTURA -121,00 €
""",
    )
    assert corrective["invoice_number"] == "R-2025-0012"


def test_currency_from_letter_symbols_next_to_amounts(tmp_path: pathlib.Path) -> None:
    rand = _extract(
        tmp_path,
        """Fynbos Plumbing (Pty) Ltd
TAX INVOICE
Invoice No. FP-0042
Date 2025/11/02
Subtotal R 1 000.00
VAT @ 15% R 150.00
Total R 1 150.00
""",
    )
    assert rand["currency"] == "ZAR"
    assert rand["total_amount"] == "1150.00"
    rupiah = _extract(
        tmp_path,
        """PT Maju Bersama
FAKTUR
No. Faktur MB/2025/11/007
Tanggal 3 November 2025
Subtotal Rp 1.000.000
PPN 11% Rp 110.000
Total Rp 1.110.000
""",
    )
    assert rupiah["currency"] == "IDR"
    assert rupiah["total_amount"] == "1110000.00"
    forint = _extract(
        tmp_path,
        """SZÁMLA
Számla sorszáma: KB-11
Kiállítás dátuma: 2025.11.04.
Nettó összesen 10 000 Ft
ÁFA 27% 2 700 Ft
Bruttó összesen 12 700 Ft
""",
    )
    assert forint["currency"] == "HUF"


def test_word_like_code_next_to_amount_and_old_code_as_unit(tmp_path: pathlib.Path) -> None:
    dirham = _extract(
        tmp_path,
        """Palm Coast Trading L.L.C.
TAX INVOICE
Invoice No. PCT-77
Invoice Date 02/11/2025
Total VAT @ 5% AED 50.00
Total amount due AED 1,050.00
""",
    )
    assert dirham["currency"] == "AED"
    # "ROL" (an old Romanian leu code) is the unit of a roll of membrane here
    roll = _extract(
        tmp_path,
        """ACME BUILDERS MERCHANTS LTD
1 HIGH STREET, BRISTOL BS1 4DJ VAT REG GB 123 4567 89
INVOICE NO. 4471
INVOICE DATE 03/11/2025
DPC MEMBRANE 1 ROL 77.30 77.30
TOTAL GOODS 77.30
TOTAL VAT 15.46
INVOICE TOTAL 92.76
""",
    )
    assert roll["currency"] == "GBP"


def test_dollar_resolved_from_chilean_rut(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """R.U.T.: 76.555.444-3
FACTURA ELECTRÓNICA
Nº 881
Fecha Emisión: 5 de Noviembre del 2025
MONTO NETO $ 100.000
I.V.A. 19% $ 19.000
TOTAL $ 119.000
""",
    )
    assert fields["currency"] == "CLP"
    assert fields["invoice_date"] == "2025-11-05"
    assert fields["tax_amount"] == "19000.00"


def test_total_includes_tax_of(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Wattle Vet Clinic Pty Ltd
ABN 12 345 678 901
Tax Invoice
Invoice No. 9001
Date 05/11/2025
Consultation 1 $110.00 $110.00
Total $110.00
Total includes GST of $10.00
""",
    )
    assert fields["total_amount"] == "110.00"
    assert fields["tax_amount"] == "10.00"


def test_equal_tax_components_of_different_kinds_add_up(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """MANGO TREE CAFE
GSTIN: 27ABCDE1234F1Z5
TAX INVOICE
Bill No. : 881
Date : 04-11-2025
Sub Total 1,000.00
CGST @ 2.5% 25.00
SGST @ 2.5% 25.00
Round Off -0.00
Grand Total ₹ 1,050.00
""",
    )
    assert fields["tax_amount"] == "50.00"
    assert fields["total_amount"] == "1050.00"


def test_rounding_line_keeps_the_arithmetic(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(
        """Kaveri Foods
TAX INVOICE
Bill No. : 882
Date : 04-11-2025
Sub Total 995.00
CGST @ 2.5% 24.88
SGST @ 2.5% 24.88
Round Off +0.24
Grand Total ₹ 1,045.00
"""
    )
    result = extract_fields(parse_document(path, "text/plain"))
    assert result.fields["tax_amount"].value == "49.76"
    assert result.fields["tax_amount"].confidence >= 0.9  # checked: 995 + 49.76 + 0.24


def test_reference_word_is_not_part_of_the_number(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Harbour Print Co.
INVOICE
Ref. 25-1107
Nov 7, 2025
Subtotal 100.00
Sales tax 5.5% 5.50
Total $105.50
""",
    )
    assert fields["invoice_number"] == "25-1107"


def test_vendor_from_name_field_in_party_block_and_bare_legal_form(
    tmp_path: pathlib.Path,
) -> None:
    fields = _extract(
        tmp_path,
        """Cedente/prestatore (fornitore)
Identificativo fiscale ai fini IVA: IT01234567890
Codice fiscale: 01234567890
Denominazione: FONDERIA LOMBARDA S.R.L.
Cessionario/committente (cliente)
Identificativo fiscale ai fini IVA: IT09876543210
Codice fiscale: 09876543210
Denominazione: TRASPORTI VENETI S.P.A.
Numero documento: 55/A
Data documento: 20-10-2025
Totale documento 1.220,00
Divisa: EUR
""",
    )
    assert fields["vendor_name"] == "FONDERIA LOMBARDA S.R.L."
    logo = _extract(
        tmp_path,
        """EG
Elektro Gasser GmbH · Hauptplatz 1 · 8010 Graz
Rechnung Nr. 25-0042
Datum: 03.11.2025
Rechnungsbetrag EUR 120,00
Mit freundlichen Grüßen
Elektro Gasser GmbH, FN 12345 a
""",
    )
    assert logo["vendor_name"] == "Elektro Gasser GmbH"


def test_total_is_gross_before_payments_and_adjustments(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Lakeside Physio, P.C.
STATEMENT
Invoice No. 4410
Statement date 03/02/2026
Treatment 120.00
Exam 80.00
Total charges $200.00
02/20/2026 Insurance payment -150.00
02/20/2026 Contractual adjustment -20.00
Patient balance due $30.00
""",
    )
    assert fields["total_amount"] == "200.00"


def test_total_in_an_aside_is_not_the_total(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """CORNER DINER
Bill No. 55
3/14/2026
Subtotal 20.00
Tax 1.78
TOTAL $21.78
Suggested gratuity:
18% = $3.60 (total $25.38)
20% = $4.00 (total $25.78)
""",
    )
    assert fields["total_amount"] == "21.78"


def test_forwarded_email_vendor_is_below_the_forward_marker(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """From: Ann Lee <ann@buyerco.example>
Subject: FW: Invoice 88

Please pay this one.

Thanks,
Ann Lee
Office Manager | Buyer Co Ltd

---------- Forwarded message ---------
From: Tui Web <billing@tuiweb.example>
Subject: Invoice 88

TAX INVOICE
Invoice number: 88
Date: 3 March 2026
Subtotal $100.00
GST 15% $15.00
Total NZD $115.00

Ngā mihi,
Rua Tane
Tui Web Limited
""",
    )
    assert fields["vendor_name"] == "Tui Web Limited"


def _scan(rows: list[list[tuple[str, float, float, float]]]) -> ParsedDocument:
    """An OCR'd page from rows of (word, x0, y0, x1) in normalised page units."""
    words, lines = [], []
    for row in rows:
        for text, x0, y0, x1 in row:
            words.append(Word(text, x0, y0, x1, y0 + 0.012))
        lines.append(" ".join(text for text, *_ in row))
    return ParsedDocument((Page(1, 1000, 1400, "\n".join(lines), tuple(words)),), "ocr")


def test_tilted_scan_joins_name_and_finds_tax_beside_its_label() -> None:
    doc = _scan(
        [
            [("Electrical", 0.40, 0.050, 0.50), ("Contractors", 0.51, 0.050, 0.62)],
            [("Ltd", 0.63, 0.050, 0.66)],
            [("O'Sullivan", 0.12, 0.058, 0.38)],
            [("INVOICE", 0.70, 0.10, 0.78), ("No.", 0.79, 0.10, 0.82), ("OSE-77", 0.83, 0.10, 0.9)],
            [("Net", 0.60, 0.30, 0.64), ("€100.00", 0.85, 0.30, 0.93)],
            [("13.5%", 0.68, 0.326, 0.74), ("€13.50", 0.85, 0.326, 0.93)],
            [("VAT", 0.60, 0.334, 0.63), ("@", 0.64, 0.334, 0.66)],
            [("TOTAL", 0.60, 0.36, 0.66), ("€113.50", 0.85, 0.36, 0.93)],
        ]
    )
    fields = {k: v.value for k, v in extract_fields(doc).fields.items()}
    assert fields["vendor_name"] == "O'Sullivan Electrical Contractors Ltd"
    assert fields["tax_amount"] == "13.50"
    assert fields["total_amount"] == "113.50"


def test_cheque_received_is_paid_but_a_part_payment_line_is_not(tmp_path: pathlib.Path) -> None:
    paid = _extract(
        tmp_path,
        """Desert Shine Cleaning Co.
INVOICE #1201
March 6, 2026
Total $475.00
Thank you! Check #5512 received 03/09/2026.
""",
    )
    assert paid["status"] == "paid"
    part = _extract(
        tmp_path,
        """Redrock Electric LLC
INVOICE #1202
March 6, 2026
Total $5,400.00
Check #811 received 02/20/2026 -2,000.00
Balance due $3,400.00
""",
    )
    assert part["status"] != "paid"


def test_russian_invoice_is_read(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """ООО «Северный Ветер»
ИНН 7812345678 КПП 781201001
Счет на оплату № 48 от 3 апреля 2026 г.
Покупатель: ИП Волков Д. С.
Товары  Кол-во  Цена  Сумма
Консультация  1  12 000,00  12 000,00
Итого:  12 000,00
В том числе НДС (20%): 2 000,00
Всего к оплате:  12 000,00 руб.
""",
    )
    assert fields["vendor_name"] == "ООО «Северный Ветер»"
    assert fields["invoice_number"] == "48"
    assert fields["invoice_date"] == "2026-04-03"
    assert fields["total_amount"] == "12000.00"
    assert fields["tax_amount"] == "2000.00"
    assert fields["currency"] == "RUB"


def test_bulgarian_invoice_with_number_label_is_read(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """ФАКТУРА
Номер: 0000000917
Дата на издаване: 14.02.2026
Доставчик: „Пирин Дизайн“ ЕООД
Получател: „Струма“ ООД
Данъчна основа (EUR): 100.00
ДДС 20%: 20.00
Сума за плащане (EUR): 120.00
""",
    )
    assert fields["vendor_name"] == "„Пирин Дизайн“ ЕООД"
    assert fields["invoice_number"] == "0000000917"
    assert fields["invoice_date"] == "2026-02-14"
    assert fields["total_amount"] == "120.00"
    assert fields["tax_amount"] == "20.00"
    assert fields["currency"] == "EUR"


def test_vietnamese_vat_invoice_is_read(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """HÓA ĐƠN GIÁ TRỊ GIA TĂNG
Số: 00000077
Ngày 21 tháng 01 năm 2026
Đơn vị bán hàng: CÔNG TY TNHH HOA SEN
Mã số thuế: 0301234567
Họ tên người mua hàng: Lê Văn An
Cộng tiền hàng: 2.000.000
Thuế suất GTGT: 10% Tiền thuế GTGT: 200.000
Tổng cộng tiền thanh toán: 2.200.000
""",
    )
    assert fields["vendor_name"] == "CÔNG TY TNHH HOA SEN"
    assert fields["invoice_number"] == "00000077"
    assert fields["invoice_date"] == "2026-01-21"
    assert fields["total_amount"] == "2200000.00"
    assert fields["tax_amount"] == "200000.00"
    assert fields["currency"] == "VND"  # from the country: the amounts carry no symbol


def test_korean_invoice_is_read(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """청구서
청구서 번호: KR-0412
청구일자: 2026년 2월 5일
공급자
상호: 주식회사 누리소프트
공급받는자
상호: 주식회사 다온상사
공급가액 합계: 500,000 원
부가세 (10%): 50,000 원
합계 금액: 550,000 원
결제 기한: 2026년 2월 28일
""",
    )
    assert fields["vendor_name"] == "주식회사 누리소프트"
    assert fields["invoice_number"] == "KR-0412"
    assert fields["invoice_date"] == "2026-02-05"
    assert fields["total_amount"] == "550000.00"
    assert fields["tax_amount"] == "50000.00"
    assert fields["currency"] == "KRW"


def test_chinese_and_japanese_invoice_words_make_an_invoice(tmp_path: pathlib.Path) -> None:
    fields = _extract(tmp_path, "增值税普通发票\n发票号码: 01234567\n开票日期: 2026年03月02日\n")
    assert fields["invoice_number"] == "01234567"
    assert fields["invoice_date"] == "2026-03-02"


def test_parenthesised_amounts_are_negative() -> None:
    from docflow_worker.extraction._values import find_amounts

    assert [a.value for a in find_amounts("Deposit paid (500.00)")] == [Decimal("-500.00")]
    assert [a.value for a in find_amounts("Boutonnieres (8) 144.00")] == [8, Decimal("144.00")]


def test_total_is_gross_before_a_deposit_and_after_a_discount(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Harbor Design Co.
Invoice No. HD-77
Invoice date: 03/02/2026
Total fees  2,400.00
Courtesy discount  (150.00)
Total this invoice  $2,250.00
Less: retainer applied  (500.00)
Balance due  $1,750.00
""",
    )
    assert fields["total_amount"] == "2250.00"


def test_total_excludes_a_previous_balance(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Valley Fuel Co.
Invoice Number  VF-100
Invoice Date  03/03/2026
Total This Invoice  $200.00
Previous Balance  50.00
Total Amount Due  $250.00
""",
    )
    assert fields["total_amount"] == "200.00"


def test_credit_memo_amounts_in_parentheses_are_negative(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Lakeview Supply, Inc.
Credit Memo #  CM-201
Date  03/16/2026
Subtotal  (100.00)
Sales Tax 6%  (6.00)
Total Credit  (106.00)
""",
    )
    assert fields["invoice_number"] == "CM-201"
    assert fields["total_amount"] == "-106.00"
    assert fields["tax_amount"] == "-6.00"


def test_slovenian_invoice_is_read(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Kraški Med d.o.o.
RAČUN št. 2026-0042
Datum izdaje: 4. 3. 2026
Skupaj brez DDV  100,00
DDV 9,5 %  9,50
ZA PLAČILO EUR  109,50
""",
    )
    assert fields["invoice_number"] == "2026-0042"
    assert fields["total_amount"] == "109.50"
    assert fields["tax_amount"] == "9.50"


def test_brazilian_service_invoice_vendor_and_iss(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """NOTA FISCAL DE SERVIÇOS ELETRÔNICA - NFS-e
Número da Nota  00000123
Data de Emissão  13/03/2026
PRESTADOR DE SERVIÇOS
Razão Social: Serra Azul Sistemas Ltda
TOMADOR DE SERVIÇOS
Razão Social: Padaria Boa Massa Ltda
VALOR TOTAL DA NOTA = R$ 1.000,00
Valor do ISS  R$ 20,00
""",
    )
    assert fields["vendor_name"] == "Serra Azul Sistemas Ltda"
    assert fields["tax_amount"] == "20.00"


def test_printers_authority_to_print_date_is_not_the_invoice_date(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Mabuhay Trading Corp.
SALES INVOICE  No. 000123
Sold to: Cebu Ports Inc.  Date: March 12, 2026
TOTAL AMOUNT DUE  ₱1,120.00
BIR Authority to Print No. 0AU1234 · Date issued 01/05/2025
""",
    )
    assert fields["invoice_date"] == "2026-03-12"


def test_photo_name_continues_on_the_legal_form_line() -> None:
    doc = _scan(
        [
            [
                ("Redgum", 0.30, 0.050, 0.40),
                ("Auto", 0.41, 0.051, 0.47),
                ("Repairs", 0.48, 0.052, 0.58),
            ],
            [("Pty", 0.595, 0.060, 0.63), ("Ltd", 0.64, 0.061, 0.68)],
            [("TAX", 0.70, 0.10, 0.74), ("INVOICE", 0.75, 0.10, 0.82), ("7730", 0.83, 0.10, 0.9)],
            [("Total", 0.60, 0.36, 0.66), ("$278.50", 0.85, 0.36, 0.93)],
        ]
    )
    fields = {k: v.value for k, v in extract_fields(doc).fields.items()}
    assert fields["vendor_name"] == "Redgum Auto Repairs Pty Ltd"


def test_ocr_word_cut_in_two_is_glued_back_before_the_legal_form() -> None:
    words = [
        Word("Hausmeisterservi", 0.10, 0.056, 0.40, 0.074),
        Word("ce", 0.402, 0.060, 0.44, 0.070),
        Word("Brandt", 0.46, 0.044, 0.55, 0.060),
        Word("GmbH", 0.56, 0.044, 0.64, 0.060),
        Word("RECHNUNG", 0.10, 0.20, 0.30, 0.212),
        Word("Rechnungsnummer:", 0.10, 0.25, 0.30, 0.262),
        Word("2026-0087", 0.32, 0.25, 0.42, 0.262),
        Word("Gesamt", 0.60, 0.36, 0.66, 0.372),
        Word("426,02", 0.80, 0.36, 0.86, 0.372),
        Word("EUR", 0.87, 0.36, 0.90, 0.372),
    ]
    text = (
        "Hausmeisterservi ce Brandt GmbH\nRECHNUNG\nRechnungsnummer: 2026-0087\nGesamt 426,02 EUR"
    )
    doc = ParsedDocument((Page(1, 1000, 1400, text, tuple(words)),), "ocr")
    fields = {k: v.value for k, v in extract_fields(doc).fields.items()}
    assert fields["vendor_name"] == "Hausmeisterservice Brandt GmbH"


def test_letter_spaced_logo_is_read_as_words() -> None:
    row = []
    x = 0.10
    for word in ("NORDEN", "PRINT", "LTD"):
        for letter in word:
            row.append((letter, x, 0.05, x + 0.012))
            x += 0.02
        x += 0.04
    doc = _scan(
        [
            row,
            [("design", 0.10, 0.08, 0.16), ("·", 0.17, 0.08, 0.18), ("print", 0.19, 0.08, 0.24)],
            [("INVOICE", 0.70, 0.12, 0.78), ("0312", 0.80, 0.12, 0.85)],
            [("Total", 0.60, 0.36, 0.66), ("£4,140.00", 0.85, 0.36, 0.93)],
        ]
    )
    fields = {k: v.value for k, v in extract_fields(doc).fields.items()}
    assert fields["vendor_name"] == "NORDEN PRINT LTD"


def test_a_due_column_header_is_not_a_status(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Fenwick Studio Ltd
Invoice
INVOICE    DATE    DUE    FOR
0312    2 March 2026    1 April 2026    Tyne Brew
Total GBP    £4,140.00
""",
    )
    assert fields["status"] is None


def test_run_together_headings_take_the_value_below_each_label() -> None:
    doc = _scan(
        [
            [
                ("Bayview", 0.05, 0.03, 0.15),
                ("Dental,", 0.16, 0.03, 0.25),
                ("P.C.", 0.26, 0.03, 0.30),
            ],
            [
                ("Statement", 0.05, 0.10, 0.14),
                ("date", 0.15, 0.10, 0.19),
                ("Invoice", 0.20, 0.10, 0.27),
                ("No.", 0.28, 0.10, 0.31),
                ("Account", 0.32, 0.10, 0.39),
                ("No.", 0.40, 0.10, 0.43),
            ],
            [
                ("03/03/2026", 0.05, 0.12, 0.15),
                ("77120", 0.21, 0.12, 0.26),
                ("004418", 0.33, 0.12, 0.39),
            ],
            [("Total", 0.60, 0.36, 0.66), ("$90.00", 0.85, 0.36, 0.93)],
        ]
    )
    fields = {k: v.value for k, v in extract_fields(doc).fields.items()}
    assert fields["invoice_number"] == "77120"


def test_croatian_number_marker_does_not_eat_a_number_prefix(tmp_path: pathlib.Path) -> None:
    croatian = _extract(
        tmp_path, "Jadran Tisak d.o.o.\nRačun br. 2026-77\nUkupno za plaćanje 125,00\n"
    )
    assert croatian["invoice_number"] == "2026-77"
    assert croatian["total_amount"] == "125.00"
    english = _extract(tmp_path, "Brook Labs Ltd\nInvoice BR-4471\nTotal 125.00\n")
    assert english["invoice_number"] == "BR-4471"


def test_upper_case_and_accent_variants_of_invoice_words(tmp_path: pathlib.Path) -> None:
    ukrainian = _extract(
        tmp_path,
        "ТОВ «Карпати»\nРАХУНОК-ФАКТУРА № 15\nвід 3 квітня 2026 р.\nДо сплати: 600,00 грн.\n",
    )
    assert ukrainian["invoice_number"] == "15"
    assert ukrainian["invoice_date"] == "2026-04-03"
    assert ukrainian["total_amount"] == "600.00"
    assert ukrainian["currency"] == "UAH"
    vietnamese = _extract(
        tmp_path,
        "Công ty TNHH Minh Long\nHOÁ ĐƠN BÁN HÀNG\nSố: 0000123\nNgày 02 tháng 03 năm 2026\n"
        "Tổng cộng tiền thanh toán: 1.100.000\n",
    )
    assert vietnamese["invoice_number"] == "0000123"
    assert vietnamese["currency"] == "VND"


def test_yen_sign_on_a_chinese_invoice_is_yuan(tmp_path: pathlib.Path) -> None:
    chinese = _extract(
        tmp_path, "华南科技有限公司\n发票\n发票号码: 12345678\n价税合计 ¥1,130.00\n税额 130.00\n"
    )
    assert chinese["currency"] == "CNY"
    assert chinese["total_amount"] == "1130.00"
    assert chinese["tax_amount"] == "130.00"
    japanese = _extract(tmp_path, "株式会社サクラ\n請求書\n請求書番号: A-100\n合計金額 ¥11,000\n")
    assert japanese["currency"] == "JPY"


def test_polish_vat_summary_and_amount_due_in_total(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Faktura VAT
Numer faktury: FS/2025/11/14
Data wystawienia: 2025-11-14
Sprzedawca
Nazwa: Warmińska Stolarnia Sp. z o.o.
Stawka podatku    Kwota netto       Kwota podatku     Kwota brutto
23%               1 000,00          230,00            1 230,00
8%                500,00            40,00             540,00
Razem             1 500,00          270,00            1 770,00
Kwota należności ogółem: 1 770,00 PLN
""",
    )
    assert fields["invoice_number"] == "FS/2025/11/14"
    assert fields["total_amount"] == "1770.00"
    assert fields["tax_amount"] == "270.00"


def test_german_summe_umsatzsteuer_is_the_tax(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Rechnung
Rechnungsnummer: R-88
Rechnungsdatum: 03.02.2026
Verkäufer
Name: Elbtal Statik GmbH
Gesamtbetrag ohne USt. 1.000,00
Summe Umsatzsteuer 190,00
Gesamtbetrag brutto 1.190,00
""",
    )
    assert fields["tax_amount"] == "190.00"
    assert fields["total_amount"] == "1190.00"


def test_transaction_number_and_czech_number_label_without_accents(
    tmp_path: pathlib.Path,
) -> None:
    fields = _extract(
        tmp_path,
        """NORTHWIND SUPPLY CORP.
INVOICE
TRANSACTION NUMBER
5502981
TRANSACTION DATE
02-MAR-2026
TOTAL INVOICE AMOUNT USD 120.00
""",
    )
    assert fields["invoice_number"] == "5502981"
    fields = _extract(
        tmp_path,
        """Kovar Montaze s.r.o. FAKTURA
Cislo faktury: 2026-0031
Datum vystaveni: 02.03.2026
Variabilni symbol: 20260031
Celkem k uhrade 1 210,00 CZK
""",
    )
    assert fields["invoice_number"] == "2026-0031"


def test_receipt_vat_table_amount_belongs_to_the_heading_it_sits_under() -> None:
    doc = _scan(
        [
            [("TANKHOF", 0.10, 0.05, 0.30), ("GMBH", 0.31, 0.05, 0.40)],
            [("Rechnungs-Nr.", 0.10, 0.08, 0.25), ("0042-77", 0.26, 0.08, 0.35)],
            [("Datum", 0.10, 0.10, 0.18), ("14.03.2026", 0.20, 0.10, 0.32)],
            [("SUMME", 0.10, 0.20, 0.20), ("EUR", 0.22, 0.20, 0.26), ("59,50", 0.70, 0.20, 0.78)],
            [
                ("Steuer", 0.10, 0.25, 0.18),
                ("Netto", 0.28, 0.25, 0.36),
                ("MwSt", 0.50, 0.25, 0.57),
                ("Brutto", 0.70, 0.25, 0.78),
            ],
            [
                ("A", 0.10, 0.27, 0.11),
                ("19%", 0.12, 0.27, 0.16),
                ("50,00", 0.28, 0.27, 0.35),
                ("9,50", 0.50, 0.27, 0.56),
                ("59,50", 0.70, 0.27, 0.78),
            ],
        ]
    )
    fields = {k: v.value for k, v in extract_fields(doc).fields.items()}
    assert fields["total_amount"] == "59.50"
    assert fields["tax_amount"] == "9.50"


def test_bill_total_leaves_out_a_balance_brought_forward_printed_above_it(
    tmp_path: pathlib.Path,
) -> None:
    fields = _extract(
        tmp_path,
        """Riverside Water Ltd
Your bill
Bill number RW-5521
Bill date 3 March 2026
Balance brought forward £20.00
Total amount to pay £80.00
Water supply 50.00
VAT at 20% £10.00
Total this bill £60.00
""",
    )
    assert fields["total_amount"] == "60.00"
    assert fields["tax_amount"] == "10.00"


def test_currency_falls_back_to_the_country_of_a_vat_number_or_iban(
    tmp_path: pathlib.Path,
) -> None:
    fields = _extract(
        tmp_path,
        """FATTURA
Numero documento: 88
Data documento: 02-03-2026
Cedente/prestatore: Officina Brembo Srl
Partita IVA: IT02938410164
Totale documento 1.220,00
IBAN IT60X0542811101000000123456
""",
    )
    assert fields["currency"] == "EUR"
    fields = _extract(
        tmp_path,
        """Kovar Montaze s.r.o. FAKTURA
Cislo faktury: 2026-0031
DIC: CZ04417820
Celkem k uhrade 1 210,00
""",
    )
    assert fields["currency"] == "CZK"


def test_japanese_title_is_not_the_vendor_and_consumption_tax_total(
    tmp_path: pathlib.Path,
) -> None:
    fields = _extract(
        tmp_path,
        """                適格請求書
株式会社さくら商事 御中
                              株式会社ほしぞら工房
請求書番号: SK-0042
発行日: 2026年3月1日
  10%対象   10,000円   消費税   1,000円
   8%対象    5,000円   消費税     400円
  消費税合計             1,400円
  ご請求金額（税込）   ¥16,400
""",
    )
    assert fields["vendor_name"] == "株式会社ほしぞら工房"
    assert Decimal(fields["tax_amount"] or "0") == Decimal(1400)
    assert Decimal(fields["total_amount"] or "0") == Decimal(16400)


def test_chinese_seller_block_and_tax_column_shifted_by_wide_characters(
    tmp_path: pathlib.Path,
) -> None:
    fields = _extract(
        tmp_path,
        """          电子发票（增值税专用发票）
发票号码：12345678
开票日期：2026年03月16日
购买方信息
  名称：上海甲乙科技有限公司
销售方信息
  名称：杭州丙丁贸易有限公司
项目名称      数量    金额       税率/征收率   税额
*服务*咨询费    1     1,000.00      13%        130.00
合    计           ¥1,000.00                  ¥130.00
价税合计（大写）  壹仟壹佰叁拾元整    （小写）¥1,130.00
""",
    )
    assert fields["vendor_name"] == "杭州丙丁贸易有限公司"
    assert fields["tax_amount"] == "130.00"
    assert fields["total_amount"] == "1130.00"


def test_trading_as_name_beats_a_bare_domain(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """            brightfernbakes.co.uk
hello@brightfernbakes.co.uk · 01234 567 890
INVOICE
Invoice No: BF-12
Date: 10/03/2026
Amount due   £120.00
Trading as Bright Fern Bakes · not VAT registered
""",
    )
    assert fields["vendor_name"] == "Bright Fern Bakes"


def test_trans_hash_is_a_receipt_number(tmp_path: pathlib.Path) -> None:
    fields = _extract(
        tmp_path,
        """Pine Ridge Hardware Co.
SALE          TRANS# 0042-118822
03/07/26
SUBTOTAL                10.00
SALES TAX 8.25%          0.83
TOTAL                  $10.83
""",
    )
    assert fields["invoice_number"] == "0042-118822"


def test_unit_kg_is_not_a_legal_form_and_legal_form_line_below_completes_the_name() -> None:
    doc = _scan(
        [
            [("Hofladen", 0.10, 0.030, 0.40), ("Sonnenberg", 0.41, 0.030, 0.70)],
            [("GmbH", 0.35, 0.045, 0.45)],
            [("Kassenbon", 0.10, 0.080, 0.40)],
            [("Birnen", 0.05, 0.20, 0.25), ("kg", 0.26, 0.20, 0.30), ("3,48", 0.80, 0.20, 0.9)],
            [("Brot", 0.05, 0.215, 0.25), ("4,29", 0.80, 0.215, 0.9)],
            [("SUMME", 0.05, 0.30, 0.25), ("EUR", 0.26, 0.30, 0.35), ("7,77", 0.80, 0.30, 0.9)],
        ]
    )
    fields = {k: v.value for k, v in extract_fields(doc).fields.items()}
    assert fields["vendor_name"] == "Hofladen Sonnenberg GmbH"


def test_two_letter_fragment_is_never_a_vendor_and_tilted_legal_form_joins() -> None:
    doc = _scan(
        [
            [("SARL", 0.42, 0.048, 0.48), ("FACTURE", 0.75, 0.040, 0.90)],
            [("Atelier", 0.10, 0.052, 0.25), ("Dupuis", 0.26, 0.052, 0.40)],
            [("Facture", 0.60, 0.10, 0.68), ("n°", 0.69, 0.10, 0.71), ("AD-7", 0.72, 0.10, 0.8)],
            [("oc", 0.10, 0.40, 0.14)],
            [("Total", 0.60, 0.60, 0.66), ("TTC", 0.67, 0.60, 0.7), ("120,00", 0.85, 0.60, 0.93)],
        ]
    )
    fields = {k: v.value for k, v in extract_fields(doc).fields.items()}
    assert fields["vendor_name"] == "Atelier Dupuis SARL"
