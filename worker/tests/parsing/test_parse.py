"""Normal documents: text layer with word boxes, plain text, OCR, progress callback."""

from __future__ import annotations

import importlib.util
import io
import pathlib

import pytest

from docflow_worker.parsing import ParsedDocument, parse_document

_spec = importlib.util.spec_from_file_location(
    "hostile", pathlib.Path(__file__).with_name("hostile.py")
)
assert _spec
assert _spec.loader
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)


def _check_words_match_text(doc: ParsedDocument) -> None:
    for page in doc.pages:
        assert page.text.split() == [w.text for w in page.words]
        for w in page.words:
            assert 0 <= w.x0 <= w.x1 <= 1
            assert 0 <= w.y0 <= w.y1 <= 1


def test_pdf_text_layer_with_boxes_and_progress(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "three.pdf"
    path.write_bytes(hostile.many_pages_pdf(3))
    calls: list[tuple[int, int]] = []
    doc = parse_document(path, "application/pdf", on_page=lambda n, total: calls.append((n, total)))
    assert doc.method == "pdf_text"
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert doc.text.split("\f")[1] == "page 2 of a very long document"
    first = doc.pages[0].words[0]
    assert first.text == "page"
    width, height = doc.pages[0].width, doc.pages[0].height
    assert first.x0 == pytest.approx(72 / width, abs=0.01)
    assert first.y1 == pytest.approx(1 - 720 / height, abs=0.01)  # baseline at y=720 pt
    _check_words_match_text(doc)


def test_plain_text_pages_and_grid_boxes(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("ACME Ltd\r\nInvoice   42\fPage two\n", encoding="utf-8")
    doc = parse_document(path, "text/plain")
    assert doc.method == "plain_text"
    assert doc.text == "ACME Ltd\nInvoice   42\fPage two\n"
    assert [p.number for p in doc.pages] == [1, 2]
    _check_words_match_text(doc)


def test_ocr_of_a_png_scan(tmp_path: pathlib.Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 800), color=255)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 48)
    except OSError:
        font = ImageFont.load_default(size=48)
    draw.text((100, 100), "INVOICE 2024-0042", fill=0, font=font)
    draw.text((100, 300), "Total Due: 1,234.56", fill=0, font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    path = tmp_path / "scan.png"
    path.write_bytes(buffer.getvalue())
    doc = parse_document(path, "image/png")
    assert doc.method == "ocr"
    assert "2024-0042" in doc.text
    assert "1,234.56" in doc.text
    _check_words_match_text(doc)


DECOMPOSED = (
    "Fecha de emisio\u0301n 03/03/2026 Nu\u0301mero Re\u0301sume\u0301"  # combining accents
)


def test_text_with_decomposed_accents_is_parsed_composed(tmp_path: pathlib.Path) -> None:
    import unicodedata

    composed = unicodedata.normalize("NFC", DECOMPOSED)
    assert composed != DECOMPOSED

    text_file = tmp_path / "macos.txt"
    text_file.write_text(DECOMPOSED + "\n")
    assert parse_document(text_file, "text/plain").text.strip() == composed

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdf_file = tmp_path / "macos.pdf"
    pdf = canvas.Canvas(str(pdf_file), pagesize=A4)
    pdf.setFont("DejaVu", 12)
    pdf.drawString(72, 720, DECOMPOSED)
    pdf.save()
    doc = parse_document(pdf_file, "application/pdf")
    assert doc.pages[0].text.strip() == composed
    assert [w.text for w in doc.pages[0].words] == composed.split()


def test_full_width_characters_take_two_columns_in_text_boxes(tmp_path: pathlib.Path) -> None:
    # A CJK text table lines up in a monospace view only when each full-width character is two
    # columns wide: the value under a heading must get a box under that heading.
    path = tmp_path / "cjk.txt"
    path.write_text("品名  金额\n螺丝  1.00\n")
    page = parse_document(path, "text/plain").pages[0]
    heading, value = page.words[1], page.words[3]
    assert (heading.text, value.text) == ("金额", "1.00")
    assert page.width == 10  # 2 + 2 + 2 spaces + 2 + 2 columns
    assert heading.x0 == value.x0 == 0.6
    assert heading.x1 == 1.0
