"""The first-page render — on its own and as part of a PDF's parse: its size rules, the image it
makes, a file it cannot render, and a render that fails after the parse (the parse stands)."""

from __future__ import annotations

import io
import pathlib

import pytest
from PIL import Image

from docflow_worker.parsing import ParseError, PreviewSize, parse_document, render_first_page
from tests_support.api import SAMPLES, minimal_pdf


def test_a_page_is_rendered_900_px_wide_as_webp_with_its_text_drawn() -> None:
    image = render_first_page(SAMPLES / "invoice-04-fr.pdf")
    assert image.media_type == "image/webp"
    decoded = Image.open(io.BytesIO(image.data))
    assert decoded.format == "WEBP"
    assert decoded.size == (image.width, image.height)
    assert image.width == 900
    assert abs(image.height - round(900 * 842 / 595)) <= 2  # A4, aspect kept
    assert sum(decoded.convert("L").histogram()[:96]) > 2000  # dark pixels: the text


def test_an_absurdly_tall_page_is_capped_in_height(tmp_path: pathlib.Path) -> None:
    pdf = minimal_pdf("Tall").replace(b"[0 0 612 792]", b"[0 0 61 7920]")  # same length
    path = tmp_path / "tall.pdf"
    path.write_bytes(pdf)
    image = render_first_page(path)
    assert image.height == 1800
    assert abs(image.width - 61 * 1800 / 7920) <= 1
    assert Image.open(io.BytesIO(image.data)).size == (image.width, image.height)


def test_a_file_that_cannot_be_rendered_raises_parse_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ParseError, match="truncated or corrupt"):
        render_first_page(SAMPLES / "broken-truncated.pdf")
    not_a_pdf = tmp_path / "text.pdf"
    not_a_pdf.write_bytes(b"just text, no PDF at all\n" * 10)
    with pytest.raises(ParseError):
        render_first_page(not_a_pdf)


def test_a_pdfs_parse_brings_its_first_page_image_when_asked() -> None:
    path = SAMPLES / "invoice-01-us.pdf"
    parsed = parse_document(path, "application/pdf", preview=PreviewSize())
    alone = render_first_page(path)
    assert parsed.preview == alone  # the same bytes, whichever child drew them
    assert parsed.preview_error is None
    assert parse_document(path, "application/pdf").preview is None  # not asked
    text = SAMPLES.parent / "README.md"
    assert parse_document(text, "text/plain", preview=PreviewSize()).preview is None


def test_a_render_past_its_time_costs_the_preview_only() -> None:
    path = SAMPLES / "invoice-01-us.pdf"
    parsed = parse_document(path, "application/pdf", preview=PreviewSize(timeout_s=0.001))
    assert parsed.preview is None
    assert parsed.preview_error == "rendering took longer than 0.001 s"
    assert parsed.pages
    assert parsed.text == parse_document(path, "application/pdf").text  # the parser is back
