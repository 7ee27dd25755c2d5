"""Turn an uploaded file into pages of text with word boxes.

PDFs and images are read in a sandboxed child process (see ``_sandbox``): a hostile file
can exhaust at most that child's memory/CPU budget, and it is killed on timeout; a PDF's
embedded e-invoice XML (Factur-X / ZUGFeRD / XRechnung) is taken out there too.
Plain text and e-invoice XML are read in-process (cheap and bounded by the file size).
Asked to (``preview``), the same child then renders a PDF's first page to an image (the review
screen's preview), after it has handed over every page: whatever goes wrong from there (an
error, a crash, a timeout) costs the preview only, never the parse.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "EmbeddedXml",
    "Page",
    "PageImage",
    "PreviewSize",
    "ParseError",
    "ParseLimits",
    "ParsedDocument",
    "Word",
    "parse_document",
    "render_first_page",
]

SUPPORTED_MIME_TYPES = frozenset(
    {"application/pdf", "image/png", "image/jpeg", "image/tiff", "text/plain", "application/xml"}
)


@dataclass(frozen=True)
class Word:
    """One word with its box; coordinates normalised to 0..1 of the page, origin top-left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float  # points (PDF) or pixels (image)
    height: float
    text: str
    words: tuple[Word, ...]


@dataclass(frozen=True)
class EmbeddedXml:
    """An e-invoice's XML: a PDF's attachment (``name`` as attached) or the uploaded file."""

    name: str
    data: bytes


@dataclass(frozen=True)
class PageImage:
    """An encoded image of a page: WebP (PNG when Pillow lacks WebP), `width` x `height` px."""

    data: bytes
    media_type: str
    width: int
    height: int


@dataclass(frozen=True)
class PreviewSize:
    """The first-page image a PDF's parse also makes: `width` pixels wide, narrower when the
    page is so tall that it would pass `max_height`; given up after `timeout_s`."""

    # Wide enough for page 1 at fit width on a phone, a tablet beside the fields or a desktop viewer
    # (PDF.js then draws the page sharp at any zoom); small enough to cost every PDF job little.
    width: int = 900
    max_height: int = 1800
    timeout_s: float = 10.0


@dataclass(frozen=True)
class ParsedDocument:
    pages: tuple[Page, ...]
    method: str  # "pdf_text" | "ocr" | "plain_text" | "mixed" | "xml"
    xml: EmbeddedXml | None = None  # the e-invoice XML the fields are read from, if any
    preview: PageImage | None = None  # the first page's image, when asked for and made
    preview_error: str | None = None  # why it was not made (asked for, a PDF, and it failed)

    @property
    def text(self) -> str:
        """All pages' text joined with a form feed; this is what gets stored as raw_text."""
        return "\f".join(page.text for page in self.pages)


class ParseError(Exception):
    """The file cannot be read; ``str(exc)`` is a specific message shown to the reviewer."""


@dataclass(frozen=True)
class ParseLimits:
    max_pages: int = 500
    max_pixels: int = 89_478_485
    timeout_s: float = 60.0
    memory_mb: int = 1024


def parse_document(
    path: pathlib.Path,
    mime_type: str,
    *,
    limits: ParseLimits = ParseLimits(),  # noqa: B008 - frozen, shared default is safe
    on_page: Callable[[int, int], None] | None = None,
    preview: PreviewSize | None = None,
) -> ParsedDocument:
    """Parse ``path`` (already sniffed as ``mime_type``) into pages with word boxes.

    ``on_page(page_number, page_count)`` is called in this process after each page. With
    ``preview``, a PDF's result also carries its first page's image (``preview``), or why
    there is none (``preview_error``); other types ignore it.
    Raises ``ParseError`` for anything unreadable or hostile; never runs past
    ``limits.timeout_s`` (plus a small grace) and never lets the parser use more than
    ``limits.memory_mb`` of address space.
    """
    if mime_type not in SUPPORTED_MIME_TYPES:
        raise ParseError(f"Unsupported file type: {mime_type}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ParseError(f"The file cannot be opened: {exc.strerror or exc}") from None
    if size == 0:
        raise ParseError("The file is empty")
    if mime_type == "text/plain":
        from docflow_worker.parsing._plain import parse_plain_text

        return parse_plain_text(path, limits=limits, on_page=on_page)
    if mime_type == "application/xml":
        from docflow_worker.parsing._xml import parse_einvoice_xml

        return parse_einvoice_xml(path)
    from docflow_worker.parsing._sandbox import run_sandboxed

    return run_sandboxed(path, mime_type, limits=limits, on_page=on_page, preview=preview)


def render_first_page(
    path: pathlib.Path,
    *,
    width: int = PreviewSize.width,
    max_height: int = PreviewSize.max_height,
    limits: ParseLimits = ParseLimits(),  # noqa: B008 - frozen, shared default is safe
) -> PageImage:
    """The first page of the PDF at ``path`` as an image ``width`` pixels wide (narrower when
    the page is so tall that it would pass ``max_height``), aspect kept.

    Rendered in a sandboxed child under ``limits`` (time and memory); raises ``ParseError``
    when the page cannot be rendered.
    """
    from docflow_worker.parsing._sandbox import render_sandboxed

    return render_sandboxed(path, width=width, max_height=max_height, limits=limits)
