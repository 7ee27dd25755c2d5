"""The parsers proper. They run inside the sandboxed child (see ``_sandbox``).

Each parser calls ``emit`` with one JSON-able dict per page:
``{"type": "page", "count": N, "page": {"number", "width", "height", "text", "words", "ocr"}}``
where ``words`` is a list of ``[text, x0, y0, x1, y1]`` (normalised, top-left origin) and
``text`` is built from the words so that ``text.split() == [w[0] for w in words]``.
Failures are raised as ``UserFacingError`` with the message the reviewer will see.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable, Iterator
from typing import Any

Emit = Callable[[dict[str, Any]], None]
WordRow = list[Any]  # [text, x0, y0, x1, y1]

OCR_DPI = 300
MIN_OCR_DPI = 100
MIN_TEXT_CHARS = 8  # a page with fewer real characters than this is treated as scanned


class UserFacingError(Exception):
    pass


# --------------------------------------------------------------------------- PDF


def _check_pdf_container(path: str) -> None:
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - 4096))
        tail = fh.read()
    marker = head.find(b"%PDF-")
    if marker < 0:
        raise UserFacingError("The file is not a PDF (no %PDF header)")
    body = head[marker:].split(b"\n", 1)
    if size - marker < 64 or (len(body) > 1 and not body[1].strip() and size < 1024):
        raise UserFacingError("The PDF is empty: nothing follows the header")
    if b"%%EOF" not in tail:
        raise UserFacingError("The file is truncated or corrupt (no %%EOF end-of-file marker)")


def _pdfium_open_error(exc: Exception) -> UserFacingError:
    code = getattr(exc, "err_code", None)
    import pypdfium2.raw as pdfium_c

    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return UserFacingError("The PDF is encrypted (a password is required to open it)")
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return UserFacingError("The PDF uses an unsupported security handler (encrypted)")
    if code == pdfium_c.FPDF_ERR_FORMAT:
        return UserFacingError("The file is truncated or corrupt (not a readable PDF structure)")
    if code == pdfium_c.FPDF_ERR_FILE:
        return UserFacingError("The PDF file cannot be opened")
    return UserFacingError(f"The PDF cannot be read ({exc})")


def _page_words(textpage: Any) -> tuple[list[list[WordRow]], int]:
    """Words grouped in pdfium's text lines, with page-space boxes (x0, bottom, x1, top)."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    lines: list[list[WordRow]] = []
    line: list[WordRow] = []
    chars: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]
    real = 0

    def flush_word() -> None:
        if chars:
            line.append(["".join(chars), box[0], box[1], box[2], box[3]])
            chars.clear()

    i = 0
    while i < count:
        code = get_unicode(raw, i)
        if 0xD800 <= code < 0xDC00 and i + 1 < count:
            low = get_unicode(raw, i + 1)
            ch = chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
            i += 1
        else:
            ch = chr(code) if code and not (0xD800 <= code < 0xE000) else ""
        if ch == "\n" or ch == "\r":
            flush_word()
            if ch == "\n" and line:
                lines.append(line)
                line = []
        elif not ch or ch.isspace() or (ord(ch) < 32) or ch in "\ufffe\uffff\x7f":
            flush_word()
        else:
            get_box(raw, i, rect_ref)
            left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
            if chars:
                box[0] = min(box[0], left)
                box[1] = min(box[1], bottom)
                box[2] = max(box[2], right)
                box[3] = max(box[3], top)
            else:
                box[:] = [left, bottom, right, top]
            chars.append(ch)
            real += 1
        i += 1
    flush_word()
    if line:
        lines.append(line)
    return lines, real


def _normalise_lines(
    lines: list[list[WordRow]], bbox: tuple[float, float, float, float]
) -> tuple[str, list[WordRow]]:
    left, bottom, right, top = bbox
    width = (right - left) or 1.0
    height = (top - bottom) or 1.0
    words: list[WordRow] = []
    text_lines: list[str] = []

    def norm(value: float) -> float:
        return round(min(1.0, max(0.0, value)), 4)

    for line in lines:
        for text, x0, y_bottom, x1, y_top in line:
            words.append(
                [
                    text,
                    norm((x0 - left) / width),
                    norm((top - y_top) / height),
                    norm((x1 - left) / width),
                    norm((top - y_bottom) / height),
                ]
            )
        text_lines.append(" ".join(word[0] for word in line))
    return "\n".join(text_lines), words


def parse_pdf(
    path: str,
    max_pages: int,
    max_pixels: int,
    emit: Emit,
    preview: tuple[int, int] | None = None,
) -> None:
    """Emit each page (and an e-invoice's XML); with `preview` = (width, max_height), then
    ``{"type": "parsed"}`` and the first page's image (see ``render_preview``), or
    ``{"type": "preview_error", "message"}``: whatever happens after "parsed" costs the preview
    only (the caller already holds the whole parse)."""
    import pypdfium2 as pdfium

    _check_pdf_container(path)
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise _pdfium_open_error(exc) from None
    count = len(pdf)
    if count <= 0:
        raise UserFacingError("The PDF has no pages (empty or broken page tree)")
    if count > max_pages:
        raise UserFacingError(f"Too many pages: {count} pages exceeds the limit of {max_pages}")
    for index in range(count):
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            raise UserFacingError(
                f"Page {index + 1} of the PDF cannot be read (broken, cyclic or too deeply "
                "nested page tree)"
            ) from None
        width, height = page.get_size()
        if not (0 < width < 1e6 and 0 < height < 1e6):
            raise UserFacingError(f"Page {index + 1} has an invalid size ({width}x{height})")
        textpage = page.get_textpage()
        lines, real = _page_words(textpage)
        ocr = False
        if real >= MIN_TEXT_CHARS:
            text, words = _normalise_lines(lines, page.get_bbox())
        else:
            text, words = _ocr_pdf_page(page, index + 1, width, height, max_pixels)
            ocr = True
        textpage.close()
        page.close()
        emit(
            {
                "type": "page",
                "count": count,
                "page": {
                    "number": index + 1,
                    "width": round(width, 2),
                    "height": round(height, 2),
                    "text": text,
                    "words": words,
                    "ocr": ocr,
                },
            }
        )
    usable = _has_safe_xml_attachment(pdf)
    if usable:
        _emit_einvoice_xml(path, emit)
    if preview is not None:
        emit({"type": "parsed"})
        try:
            emit(_preview_message(pdf[0], *preview))
        except Exception as exc:  # MemoryError too: the preview is lost, never the parse
            detail = str(exc).strip()[:200]
            emit({"type": "preview_error", "message": f"{type(exc).__name__}: {detail}"})
    pdf.close()


MAX_EMBEDDED_XML_BYTES = 10 * 1024 * 1024


def _has_safe_xml_attachment(pdf: Any) -> bool:
    """Whether the PDF has an XML attachment worth handing to factur-x: none that declares a DTD
    (entity expansion, external entities) is ever parsed, here or later."""
    import re

    found = False
    for index in range(pdf.count_attachments()):
        attachment = pdf.get_attachment(index)
        if not attachment.get_name().lower().endswith(".xml"):
            continue
        data = bytes(attachment.get_data())
        if len(data) > MAX_EMBEDDED_XML_BYTES or re.search(rb"<!\s*(?:DOCTYPE|ENTITY)", data, re.I):
            return False
        found = True
    return found


def _emit_einvoice_xml(path: str, emit: Emit) -> None:
    """A Factur-X / ZUGFeRD / XRechnung PDF's invoice XML (PDF/A-3 attachment), read by the
    `factur-x` library here in the sandbox; the worker re-reads it with the hardened parser."""
    import base64
    import logging

    from facturx import get_xml_from_pdf

    logging.getLogger("facturx").setLevel(logging.ERROR)
    try:
        with open(path, "rb") as fh:
            name, data = get_xml_from_pdf(fh, check_xsd=False)
    except Exception:  # a broken attachment is no reason to refuse the PDF: its text was read
        return
    if not name or not data or len(data) > MAX_EMBEDDED_XML_BYTES:
        return
    emit({"type": "xml", "name": str(name)[:200], "data": base64.b64encode(data).decode()})


def _ocr_pdf_page(
    page: Any, number: int, width: float, height: float, max_pixels: int
) -> tuple[str, list[WordRow]]:
    dpi = float(OCR_DPI)
    pixels = (width * dpi / 72) * (height * dpi / 72)
    if pixels > max_pixels:
        dpi = dpi * (max_pixels / pixels) ** 0.5
    if dpi < MIN_OCR_DPI:
        raise UserFacingError(
            f"Page {number} is too large to OCR: {width:.0f}x{height:.0f} pt "
            f"exceeds the {max_pixels / 1e6:.0f} megapixel limit at {MIN_OCR_DPI} dpi"
        )
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    image = bitmap.to_pil()
    return ocr_image(image, dpi)


# --------------------------------------------------------------------------- preview

PREVIEW_WEBP_QUALITY = 78
# libwebp's effort 0..6. The preview is what the reviewer sees for the moment before PDF.js draws
# the page, and every PDF job pays for it: effort 0 encodes a 900 x 1165 invoice page in 14 ms
# (effort 2: 22 ms, the default 4: 47 ms) for 37 KiB (31 and 30 KiB) on the bench machine.
PREVIEW_WEBP_METHOD = 0


def warm_up_preview() -> None:
    """Encode a tiny WebP once in the host: libwebp's first encode in a process costs ~35 ms,
    which every forked child would pay again otherwise."""
    import io

    from PIL import Image, features

    if features.check("webp"):
        Image.new("RGB", (8, 8), "white").save(
            io.BytesIO(), "WEBP", quality=PREVIEW_WEBP_QUALITY, method=PREVIEW_WEBP_METHOD
        )


def render_preview(path: str, width: int, max_height: int, emit: Emit) -> None:
    """Render the PDF's first page on its own (no parse) and emit it (see ``_preview_message``)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise _pdfium_open_error(exc) from None
    if len(pdf) <= 0:
        raise UserFacingError("The PDF has no pages")
    try:
        page = pdf[0]
    except pdfium.PdfiumError:
        raise UserFacingError("The first page of the PDF cannot be read") from None
    emit(_preview_message(page, width, max_height))
    pdf.close()


def _preview_message(page: Any, width: int, max_height: int) -> dict[str, Any]:
    """The page about `width` pixels wide (at most `max_height` high, the aspect kept), encoded:
    ``{"type": "preview", "media_type", "width", "height", "data"}`` (base64). WebP when Pillow
    has it, else PNG."""
    import base64
    import io

    from PIL import features

    page_width, page_height = page.get_size()
    if not (0 < page_width < 1e6 and 0 < page_height < 1e6):
        raise UserFacingError(f"The first page has an invalid size ({page_width}x{page_height})")
    # pypdfium2 rounds the bitmap's size up: a hair less keeps 900.0000001 from becoming 901.
    scale = min(width / page_width, max_height / page_height) * (1 - 1e-9)
    image = page.render(scale=scale, rev_byteorder=True).to_pil()
    page.close()
    out = io.BytesIO()
    if features.check("webp"):
        image.save(out, "WEBP", quality=PREVIEW_WEBP_QUALITY, method=PREVIEW_WEBP_METHOD)
        media_type = "image/webp"
    else:
        image.save(out, "PNG", optimize=True)
        media_type = "image/png"
    return {
        "type": "preview",
        "media_type": media_type,
        "width": image.width,
        "height": image.height,
        "data": base64.b64encode(out.getvalue()).decode(),
    }


# --------------------------------------------------------------------------- images


def _iter_frames(image: Any, max_pages: int) -> Iterator[Any]:
    from PIL import ImageSequence

    for index, frame in enumerate(ImageSequence.Iterator(image)):
        if index >= max_pages:
            raise UserFacingError(f"Too many pages: the image has more than {max_pages} frames")
        yield frame


def parse_image(path: str, max_pages: int, max_pixels: int, emit: Emit) -> None:
    from PIL import Image, UnidentifiedImageError

    # Opening reads only the header; sizes are checked per frame below, before decoding.
    Image.MAX_IMAGE_PIXELS = None
    try:
        image = Image.open(path)
    except UnidentifiedImageError:
        raise UserFacingError("The image cannot be read (unknown or corrupt format)") from None
    except Image.DecompressionBombError as exc:
        raise UserFacingError(f"Image too large: {exc}") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise UserFacingError(f"The image is corrupt: {exc}") from None
    n_frames = int(getattr(image, "n_frames", 1) or 1)
    if n_frames > max_pages:
        raise UserFacingError(f"Too many pages: {n_frames} frames exceeds the limit of {max_pages}")
    try:
        for index, frame in enumerate(_iter_frames(image, max_pages)):
            width, height = frame.size
            if width <= 0 or height <= 0:
                raise UserFacingError(f"The image has an invalid size ({width}x{height})")
            if width * height > max_pixels:
                raise UserFacingError(
                    f"Image too large: {width}x{height} pixels exceeds the "
                    f"{max_pixels / 1e6:.0f} megapixel limit"
                )
            Image.MAX_IMAGE_PIXELS = max_pixels
            try:
                frame.load()
                gray = frame.convert("L")
            except Image.DecompressionBombError as exc:
                raise UserFacingError(f"Image too large: {exc}") from None
            except (OSError, SyntaxError, ValueError, EOFError) as exc:
                raise UserFacingError(f"The image is truncated or corrupt: {exc}") from None
            text, words = ocr_image(gray, _frame_dpi(frame))
            emit(
                {
                    "type": "page",
                    "count": n_frames,
                    "page": {
                        "number": index + 1,
                        "width": float(width),
                        "height": float(height),
                        "text": text,
                        "words": words,
                        "ocr": True,
                    },
                }
            )
    except UserFacingError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise UserFacingError(f"The image is truncated or corrupt: {exc}") from None


def _frame_dpi(frame: Any) -> float | None:
    try:
        dpi = float(frame.info.get("dpi", (0, 0))[0])
    except (TypeError, ValueError, IndexError):
        return None
    return dpi if 30 <= dpi <= 2400 else None


# --------------------------------------------------------------------------- OCR


def ocr_image(image: Any, dpi: float | None = None) -> tuple[str, list[WordRow]]:
    """OCR a PIL image, its language chosen per page (see ``_ocr``)."""
    from docflow_worker.parsing import _ocr

    try:
        return _ocr.ocr_image(image, dpi)
    except _ocr.OcrError as exc:
        raise UserFacingError(str(exc)) from None
