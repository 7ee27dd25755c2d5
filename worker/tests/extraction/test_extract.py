"""Extraction on hand-written documents (not produced by the eval generator) and value parsers."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from decimal import Decimal

import pytest

from docflow_worker.extraction import FIELD_NAMES, extract_fields
from docflow_worker.extraction._values import find_amounts, find_dates
from docflow_worker.parsing import parse_document

DOCS = pathlib.Path(__file__).with_name("documents")

EXPECTED = {
    "us.txt": {
        "vendor_name": "Brightside Plumbing LLC",
        "invoice_number": "10-4471",
        "invoice_date": "2025-04-07",
        "total_amount": "2078.40",
        "tax_amount": "158.40",
        "currency": "USD",
        "status": "paid",
    },
    "de.txt": {
        "vendor_name": "Müller & Söhne GmbH",
        "invoice_number": "2025/0815",
        "invoice_date": "2025-03-03",
        "total_amount": "1963.50",
        "tax_amount": "313.50",
        "currency": "EUR",
        "status": None,
    },
    "fr.txt": {
        "vendor_name": "SARL Boulangerie Dupont",
        "invoice_number": "FA-2025-0042",
        "invoice_date": "2025-01-15",
        "total_amount": "181.46",
        "tax_amount": "9.46",
        "currency": "EUR",
        "status": None,
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invoice_fields(name: str) -> None:
    doc = parse_document(DOCS / name, "text/plain")
    result = extract_fields(doc)
    assert result.document_type == "invoice"
    assert {k: v.value for k, v in result.fields.items()} == EXPECTED[name]
    for field in result.fields.values():
        if field.value is None:
            assert field.confidence == 0
            continue
        assert 0 < field.confidence <= 1
        assert field.source is not None
        start, end = field.source["span"]
        assert doc.text[start:end].strip()


def test_non_invoice_is_other_with_empty_fields() -> None:
    result = extract_fields(parse_document(DOCS / "other.txt", "text/plain"))
    assert result.document_type == "other"
    assert set(result.fields) == set(FIELD_NAMES)
    assert all(f.value is None and f.confidence == 0 for f in result.fields.values())


def test_to_json_is_deterministic_and_serialisable() -> None:
    doc = parse_document(DOCS / "us.txt", "text/plain")
    first = json.dumps(extract_fields(doc).to_json(), sort_keys=True)
    assert first == json.dumps(extract_fields(doc).to_json(), sort_keys=True)
    assert json.loads(first)["fields"]["total_amount"]["value"] == "2078.40"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Total 1,234.56", "1234.56"),
        ("Total 1.234,56 €", "1234.56"),
        ("Total 1 234,56", "1234.56"),
        ("Total 1\u202f234,56", "1234.56"),
        ("Total CHF 1'234.50", "1234.50"),
        ("Total 1’234.50", "1234.50"),
        ("Total ₹1,23,456.78", "123456.78"),
        ("Total $-12.00", "-12.00"),
    ],
)
def test_amount_formats(text: str, value: str) -> None:
    assert find_amounts(text)[-1].value == Decimal(value)


def test_percentages_are_not_amounts() -> None:
    assert [a.value for a in find_amounts("VAT 20 % 45.00")] == [Decimal("45.00")]


@pytest.mark.parametrize(
    ("text", "month_first", "iso"),
    [
        ("2026-03-05", False, "2026-03-05"),
        ("05/03/2026", False, "2026-03-05"),
        ("05/03/2026", True, "2026-05-03"),
        ("25/03/2026", True, "2026-03-25"),
        ("05.03.2026", True, "2026-03-05"),
        ("5 March 2026", False, "2026-03-05"),
        ("Mar 5, 2026", False, "2026-03-05"),
        ("5. März 2026", False, "2026-03-05"),
        ("5 mars 2026", False, "2026-03-05"),
        ("1er février 2026", False, "2026-02-01"),
        ("5 de marzo de 2026", False, "2026-03-05"),
        ("17. 4. 2026", False, "2026-04-17"),
        ("2026年4月15日", False, "2026-04-15"),
    ],
)
def test_date_formats(text: str, month_first: bool, iso: str) -> None:
    found = find_dates(text, month_first)
    assert found
    assert found[0].value == dt.date.fromisoformat(iso)


def _extract_text(tmp_path: pathlib.Path, text: str) -> dict[str, tuple[str | None, float]]:
    path = tmp_path / "doc.txt"
    path.write_text(text)
    result = extract_fields(parse_document(path, "text/plain"))
    return {k: (v.value, v.confidence) for k, v in result.fields.items()}


@pytest.mark.parametrize(
    "name",
    [
        "Atelier Nord Sàrl",
        "Amazon EU S.à r.l.",
        "Kaya Tekstil Ltd. Şti.",
        "Nowak Serwis Sp. z o.o.",
        "Ascensores Sur, S.A.U.",
        "ΤΕΧΝΟΔΟΜΗ Α.Ε.",
        "株式会社ハナ",
        "Baker & Sons Roofing",
        "Novák s.r.o.",
    ],
)
def test_legal_forms_across_countries(name: str) -> None:
    from docflow_worker.extraction.legal_forms import has_legal_form as _has_legal_form

    assert _has_legal_form(name)
    assert not _has_legal_form("Tom Baker")


def test_signature_business_date_shaped_number_and_exempt_tax(tmp_path: pathlib.Path) -> None:
    fields = _extract_text(
        tmp_path,
        """From: Ruth Olsen <ruth@olsenstudio.example>
Subject: Faktura

Faktura nr 03/05/2026
Data wystawienia: 2026-05-03

Projekt logo                     2 400,00 zł
Podatek VAT (zwolniony / exempt)     0,00 zł
Razem do zapłaty                 2 400,00 zł

Pozdrawiam,
Ruth Olsen
Olsen Grafika
""",
    )
    assert fields["vendor_name"][0] == "Olsen Grafika"
    assert fields["invoice_number"][0] == "03/05/2026"
    assert fields["invoice_number"][1] <= 0.7  # a date-shaped number is never certain
    assert fields["invoice_date"][0] == "2026-05-03"
    assert fields["total_amount"][0] == "2400.00"
    assert fields["tax_amount"][0] == "0.00"
    assert fields["currency"][0] == "PLN"


def test_invoice_number_beats_receipt_number_and_paid_statement(tmp_path: pathlib.Path) -> None:
    fields = _extract_text(
        tmp_path,
        """Receipt from Tidewater Labs LLC
Receipt #5521-0093    Invoice #TW-20931
Date paid: May 2, 2026
Pro plan                 $80.00
Total                    $80.00
Paid by card ending 4242.
""",
    )
    assert fields["vendor_name"][0] == "Tidewater Labs LLC"
    assert fields["invoice_number"][0] == "TW-20931"
    assert fields["status"][0] == "paid"


def test_confidence_follows_evidence(tmp_path: pathlib.Path) -> None:
    checked = _extract_text(
        tmp_path,
        """Harbor Tools Inc.
Invoice No: HT-100
Invoice Date: 2026-02-10
Subtotal   $100.00
Sales tax  $8.00
Total      $108.00
""",
    )
    assert checked["total_amount"][0] == "108.00"
    assert checked["total_amount"][1] >= 0.9  # a plain "Total" that the arithmetic confirms
    assert checked["tax_amount"][1] >= 0.9
    mismatch = _extract_text(
        tmp_path,
        """Harbor Tools Inc.
Invoice No: HT-101
Invoice Date: 2026-02-10
Subtotal   $100.00
Sales tax  $8.00
Total      $118.00
""",
    )
    assert mismatch["total_amount"][0] == "118.00"
    assert mismatch["total_amount"][1] < checked["total_amount"][1] - 0.2
    assert mismatch["tax_amount"][1] < 0.8
    unlabelled = _extract_text(
        tmp_path,
        """Harbor Tools Inc.
Invoice No: HT-102
10 February 2026
Total      $108.00
""",
    )
    assert unlabelled["invoice_date"][0] == "2026-02-10"
    assert unlabelled["invoice_date"][1] < 0.5
    for fields in (checked, mismatch, unlabelled):
        for value, confidence in fields.values():
            if value is None:
                assert confidence == 0


CANADIAN_DOLLAR_INVOICE = """Maple Leaf Printing Inc.
120 King Street West, Toronto, ON M5V 2T6, Canada
INVOICE
Invoice No: MLP-2231
Invoice Date: {date}
Bill To: Harbour Cafe Ltd.
Description Qty Amount
Flyers 1 $200.00
Subtotal $200.00
HST 13% $26.00
Total Due $226.00
"""


def _canadian(tmp_path: pathlib.Path, date: str) -> tuple[str | None, float]:
    path = tmp_path / "ca.txt"
    path.write_text(CANADIAN_DOLLAR_INVOICE.format(date=date))
    field = extract_fields(parse_document(path, "text/plain")).fields["invoice_date"]
    return field.value, field.confidence


def test_dollar_invoice_in_english_canada_reads_month_first(tmp_path: pathlib.Path) -> None:
    # a year ("2026") is not a day-first cue: only a first part above 12 is
    assert _canadian(tmp_path, "03/04/2026")[0] == "2026-03-04"


def test_dollar_invoice_with_a_day_first_date_reads_day_first(tmp_path: pathlib.Path) -> None:
    assert _canadian(tmp_path, "25/03/2026")[0] == "2026-03-25"


def test_date_confidence_does_not_depend_on_the_clock(tmp_path: pathlib.Path) -> None:
    # the same document, dated years from now, is read with the same confidence
    now = _canadian(tmp_path, "March 4, 2026")
    later = _canadian(tmp_path, "March 4, 2031")
    assert (now[0], later[0]) == ("2026-03-04", "2031-03-04")
    assert later[1] == now[1]
