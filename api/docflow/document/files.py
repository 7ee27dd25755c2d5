"""What an uploaded file is (by its bytes, never its name) and what it may be called."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
TEXT = "text/plain"
XML = "application/xml"  # an e-invoice: UBL 2.1 Invoice/CreditNote or UN/CEFACT CII

EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg", TIFF: ".tif", TEXT: ".txt", XML: ".xml"}
# The extensions a shown name may keep for each detected type. Any other (`invoice.html` that is
# plain text) gets the type's own appended (`invoice.html.txt`): a downloaded file opens as what
# it is, never as a page or a program its name claims.
MATCHING_EXTENSIONS = {
    PDF: frozenset({".pdf"}),
    PNG: frozenset({".png"}),
    JPEG: frozenset({".jpg", ".jpeg", ".jpe", ".jfif"}),
    TIFF: frozenset({".tif", ".tiff"}),
    TEXT: frozenset({".txt", ".text"}),
    XML: frozenset({".xml"}),
}
UNSUPPORTED = (
    "Unsupported file type: only PDF, PNG, JPEG, TIFF, plain text and e-invoice XML are accepted."
)

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
    xml = sniff_xml(head)
    if xml is not None:
        return XML if xml.einvoice else None
    if _looks_like_text(head) and not _looks_like_markup(head):
        return TEXT
    return None


@dataclass(frozen=True)
class XmlKind:
    root: str  # the root element's local name ("" when it could not be read from the head)
    einvoice: bool  # a UBL 2.1 Invoice/CreditNote or a CII CrossIndustryInvoice
    declares_dtd: bool  # <!DOCTYPE …> before the root: refused (entity expansion, XXE)


# The e-invoice root elements and their namespaces.
EINVOICE_ROOTS = {
    "Invoice": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "CreditNote": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
    "CrossIndustryInvoice": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
}
_PROLOG_ITEM = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)
_DOCTYPE = re.compile(r"\s*<!DOCTYPE\s+(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)", re.I)
_ROOT_TAG = re.compile(r"\s*<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)([^<>]*)>", re.S)


def sniff_xml(head: bytes) -> XmlKind | None:
    """What an XML file is, from its first bytes: None when it does not look like XML (a
    declaration, or a root element that is an e-invoice's)."""
    text = _decode_head(head)
    if text is None:
        return None
    text = text.lstrip("\ufeff")
    declared = text.lstrip().startswith("<?xml")
    position = 0
    while (item := _PROLOG_ITEM.match(text, position)) is not None:
        position = item.end()
    rest = text[position:]
    doctype = _DOCTYPE.match(rest)
    if doctype is not None:
        # `<!DOCTYPE html>` is a page, not XML (refused as markup); a declared XML or an
        # e-invoice's root name with a DTD is XML that could expand entities.
        if declared or doctype.group(1) in EINVOICE_ROOTS:
            return XmlKind(root="", einvoice=False, declares_dtd=True)
        return None
    root = _ROOT_TAG.match(rest)
    if root is None:
        return XmlKind(root="", einvoice=False, declares_dtd=False) if declared else None
    prefix, local, attributes = root.group(1), root.group(2), root.group(3)
    namespace = re.search(
        r"xmlns" + (f":{re.escape(prefix)}" if prefix else "") + r"\s*=\s*[\"']([^\"']*)[\"']",
        attributes,
    )
    einvoice = (
        local in EINVOICE_ROOTS
        and namespace is not None
        and (namespace.group(1) == EINVOICE_ROOTS[local])
    )
    if not declared and not einvoice:
        return None  # text that happens to start with a tag stays what it was
    return XmlKind(root=local, einvoice=einvoice, declares_dtd=False)


def unsupported_reason(head: bytes) -> str:
    """Why a file of no accepted type was refused, as the uploader will read it."""
    xml = sniff_xml(head)
    if xml is None:
        return UNSUPPORTED
    if xml.declares_dtd:
        return (
            "XML with a document type declaration (<!DOCTYPE …>) is not accepted: e-invoices "
            "never need one, and its entities could expand or read files."
        )
    found = f"its root element is <{xml.root}>" if xml.root else "its root element is unreadable"
    return (
        "Unsupported XML: only e-invoices in UBL 2.1 (Invoice, CreditNote) or UN/CEFACT CII "
        f"(CrossIndustryInvoice) are accepted; {found}."
    )


def _decode_head(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head[: len(head) - len(head) % 2].decode("utf-16", "replace")
        except UnicodeDecodeError:  # pragma: no cover - "replace" never raises
            return None
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return None
    return head.decode("utf-8", "replace")


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
