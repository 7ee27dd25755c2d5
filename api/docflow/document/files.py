"""What an uploaded file is (by its bytes, never its name) and what it may be called."""

from __future__ import annotations

import os
import re
import unicodedata

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
TEXT = "text/plain"

EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg", TIFF: ".tif", TEXT: ".txt"}
# The extensions a shown name may keep for each detected type. Any other (`invoice.html` that is
# plain text) gets the type's own appended (`invoice.html.txt`): a downloaded file opens as what
# it is, never as a page or a program its name claims.
MATCHING_EXTENSIONS = {
    PDF: frozenset({".pdf"}),
    PNG: frozenset({".png"}),
    JPEG: frozenset({".jpg", ".jpeg", ".jpe", ".jfif"}),
    TIFF: frozenset({".tif", ".tiff"}),
    TEXT: frozenset({".txt", ".text"}),
}

_MAX_NAME_CHARS = 200
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def sniff_mime(head: bytes) -> str | None:
    """The document type from its first bytes; None when it is not one we accept."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if _looks_like_text(head) and not _looks_like_markup(head):
        return TEXT
    return None


# Text a browser would render as a page (HTML, SVG, XML): refused rather than stored as "plain
# text", whatever the file is called (the WHATWG sniffing patterns, plus <svg and <?xml).
_MARKUP = re.compile(
    rb"(?i)^(?:\xef\xbb\xbf)?[\t\n\x0c\r ]*"
    rb"(?:<!--|<\?xml|<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title"
    rb"|b|body|br|p|svg)[\t\n\x0c\r />])"
)


def _looks_like_markup(head: bytes) -> bool:
    return _MARKUP.match(head) is not None


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    sample = head.removeprefix(b"\xef\xbb\xbf")
    text = None
    # The sample may end inside a multi-byte sequence: allow up to 3 bytes to be cut off.
    for cut in range(4):
        try:
            text = sample[: len(sample) - cut].decode("utf-8")
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        return False
    if not text:
        return False
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\r\n\f")
    return printable / len(text) >= 0.95


def sanitize_filename(raw: bytes | str | None, mime_type: str | None = None) -> str:
    """A display-safe file name: no path, no control or bidi-override characters, bounded length,
    and — once the type is known — an extension matching it (see MATCHING_EXTENSIONS).

    The stored file always gets a generated name; this one is only shown and offered on download.
    """
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    name = unicodedata.normalize("NFC", raw or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    # Cc = control (NUL, CR, LF…), Cf = format (RLO/LRO overrides, zero-width), Cs/Co/Cn = junk.
    name = "".join(
        ch for ch in name if unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co", "Cn"}
    )
    name = " ".join(name.split()).strip(" .")
    if _WINDOWS_RESERVED.match(name):
        name = f"_{name}"
    stem, ext = os.path.splitext(name)
    if len(ext) > 10:
        stem, ext = name, ""
    if mime_type in MATCHING_EXTENSIONS and ext.lower() not in MATCHING_EXTENSIONS[mime_type]:
        stem, ext = name, EXTENSIONS[mime_type]  # keep the name as sent, add the real extension
        name = stem + ext
    if len(name) > _MAX_NAME_CHARS:
        name = stem[: _MAX_NAME_CHARS - len(ext)].rstrip(" .") + ext
    if not stem.strip(" ."):
        name = "upload" + (ext or EXTENSIONS.get(mime_type or "", ""))
    return name


def display_filename(name: str, mime_type: str | None) -> str:
    """The name a stored document is shown and downloaded under (documents stored before names
    were matched to their type get the matching extension here)."""
    return sanitize_filename(name, mime_type)
