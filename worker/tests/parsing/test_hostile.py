"""Broken and hostile files: each fails with a specific ParseError within its limits."""

from __future__ import annotations

import importlib.util
import pathlib
import resource
import time
from collections.abc import Callable

import pytest

from docflow_worker.parsing import ParseError, ParseLimits, parse_document

_spec = importlib.util.spec_from_file_location(
    "hostile", pathlib.Path(__file__).with_name("hostile.py")
)
assert _spec
assert _spec.loader
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

PDF = "application/pdf"
LIMITS = ParseLimits(timeout_s=20.0, memory_mb=1024)

CASES: list[tuple[str, str, Callable[[], bytes], str]] = [
    ("encrypted.pdf", PDF, hostile.encrypted_pdf, r"encrypted"),
    ("truncated.pdf", PDF, lambda: hostile.text_pdf()[:400], r"truncated or corrupt"),
    ("header-only.pdf", PDF, lambda: b"%PDF-1.7\n", r"PDF is empty"),
    ("garbage.pdf", PDF, hostile.garbage_pdf, r"corrupt"),
    ("not-a-pdf.pdf", PDF, lambda: b"hello, I am text\n%%EOF\n" * 10, r"not a PDF"),
    ("bomb.pdf", PDF, hostile.bomb_pdf, r"memory|timed out|CPU"),
    ("many-pages.pdf", PDF, lambda: hostile.many_pages_pdf(501), r"Too many pages: 501"),
    ("page-count-200000.pdf", PDF, hostile.repeated_page_pdf, r"Too many pages: 200000"),
    ("huge-mediabox.pdf", PDF, hostile.huge_mediabox_pdf, r"too large to OCR|invalid size"),
    ("deep-tree.pdf", PDF, hostile.deep_tree_pdf, r"page tree|no pages"),
    ("cyclic-tree.pdf", PDF, hostile.cyclic_tree_pdf, r"page tree|no pages"),
    ("huge.png", "image/png", hostile.png_huge_header, r"Image too large: 50000x50000 pixels"),
    ("garbage.png", "image/png", hostile.png_garbage, r"cannot be read|corrupt"),
    ("bomb.tiff", "image/tiff", hostile.tiff_bomb, r"Image too large: 100000x100000"),
    ("truncated.jpg", "image/jpeg", hostile.truncated_jpeg, r"truncated or corrupt"),
    ("binary.txt", "text/plain", lambda: bytes(range(256)) * 40, r"not readable text"),
    ("blank.txt", "text/plain", lambda: b" \n\t\n", r"empty"),
    ("empty.pdf", PDF, lambda: b"", r"The file is empty"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, _, build, _ in CASES:
        (folder / name).write_bytes(build())
    (folder / "good.pdf").write_bytes(hostile.text_pdf("Invoice No: 42 Total: 10.00"))
    return folder


@pytest.mark.parametrize(("name", "mime", "build", "message"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file_fails_with_specific_message(
    corpus: pathlib.Path, name: str, mime: str, build: Callable[[], bytes], message: str
) -> None:
    start = time.monotonic()
    with pytest.raises(ParseError, match=message):
        parse_document(corpus / name, mime, limits=LIMITS)
    assert time.monotonic() - start < LIMITS.timeout_s + 5
    # the parser recovers: a normal file right afterwards parses
    doc = parse_document(corpus / "good.pdf", PDF)
    assert "Invoice No: 42" in doc.text


def test_caller_memory_stays_bounded(corpus: pathlib.Path) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for name in ("bomb.pdf", "huge.png", "bomb.tiff"):
        mime = {".pdf": PDF, ".png": "image/png", ".tiff": "image/tiff"}[pathlib.Path(name).suffix]
        with pytest.raises(ParseError):
            parse_document(corpus / name, mime, limits=LIMITS)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 50


def test_timeout_kills_the_parser_and_the_next_file_works(corpus: pathlib.Path) -> None:
    start = time.monotonic()
    with pytest.raises(ParseError, match=r"timed out after 0.5 s|CPU|memory"):
        parse_document(corpus / "bomb.pdf", PDF, limits=ParseLimits(timeout_s=0.5))
    assert time.monotonic() - start < 3
    assert "Invoice" in parse_document(corpus / "good.pdf", PDF).text


def test_memory_limit_is_enforced(corpus: pathlib.Path) -> None:
    with pytest.raises(ParseError, match=r"memory|crashed|killed"):
        parse_document(corpus / "bomb.pdf", PDF, limits=ParseLimits(memory_mb=300))


def test_frame_limit_applies_to_multi_page_tiff(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "frames.tiff"
    path.write_bytes(hostile.multi_frame_tiff(4))
    with pytest.raises(ParseError, match=r"Too many pages: 4 frames"):
        parse_document(path, "image/tiff", limits=ParseLimits(max_pages=3))


def test_invalid_utf8_text_still_parses(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Invoice no. 7\nTotal due: 12.00 \xff\n" + b"x" * 400)
    doc = parse_document(path, "text/plain")
    assert doc.method == "plain_text"
    assert "\ufffd" in doc.text
    assert doc.text.startswith("Invoice no. 7")
