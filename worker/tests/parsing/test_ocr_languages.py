"""OCR languages: the installed set matches what the extractor reads, and each page's language is
chosen from its own words."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from docflow_worker.parsing import _ocr

ROOT = Path(__file__).resolve().parents[3]


def test_npm_start_and_the_image_install_every_language_the_ocr_chooses_from() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import devstack

    assert tuple(devstack.OCR_LANGUAGES) == tuple(_ocr.SUPPORTED)
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert all(f"tesseract-ocr-{lang}" in dockerfile for lang in _ocr.SUPPORTED)
    assert set(_ocr.SUPPORTED) <= set(_ocr._MARKERS)


@pytest.fixture
def all_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ocr, "_INSTALLED", frozenset(_ocr.SUPPORTED))


@pytest.mark.usefixtures("all_installed")
@pytest.mark.parametrize(
    ("words", "language"),
    [
        ("Rechnung Nr. 2026-17 Rechnungsdatum 03.04.2026 Gesamtbetrag inkl. MwSt", "deu"),
        # The English model drops accents: "Numéro" reads "Numero", "Échéance" "Echeance".
        ("FACTURE Numero F-77 Date Echeance Montant TTC TVA 20 %", "fra"),
        ("Factuur Factuurnummer 1234 Factuurdatum Totaal excl. BTW", "nld"),
        ("Fattura numero 12 Data Imponibile IVA Totale Scadenza pagamento", "ita"),
        ("Invoice number 42 Date Total amount due VAT Subtotal", "eng"),
    ],
)
def test_a_page_language_is_voted_by_its_words(words: str, language: str) -> None:
    assert _ocr.detect_language(words.split()) == language


@pytest.mark.usefixtures("all_installed")
def test_too_few_words_choose_no_language() -> None:
    assert _ocr.detect_language(["12.50", "Rechnung"]) is None
    assert _ocr.detect_language([]) is None


def test_a_language_not_installed_is_never_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ocr, "_INSTALLED", frozenset({"eng"}))
    assert _ocr.detect_language(["Rechnung", "Rechnungsdatum", "Gesamtbetrag", "MwSt"]) is None
