"""Parsing untrusted XML: no DTD, no entities, no network, bounded size and depth.

An e-invoice never needs a document type declaration, so one is refused outright (before and
after parsing), which stops entity expansion ("billion laughs") and external entities (XXE:
``file://`` or ``http://``) alike; the parser is configured so that even a declaration that got
past the check would be neither loaded nor expanded.
"""

from __future__ import annotations

import re

from lxml import etree

MAX_XML_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64

_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class UnsafeXmlError(ValueError):
    """The XML is refused; ``str(exc)`` is shown to the reviewer."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def _declares_dtd(data: bytes) -> bool:
    if _DECLARATION.search(data):
        return True
    # A UTF-16/32 file hides the bytes from the pattern above: look at its text as well.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        for encoding in ("utf-16", "utf-32"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _DECLARATION.search(text.encode("utf-8", "replace")):
                return True
    return False


_DTD_REFUSED = (
    "The XML declares a DTD (<!DOCTYPE …> or <!ENTITY …>), which e-invoices never need: "
    "refused, its entities were not expanded or loaded"
)


def parse_untrusted_xml(data: bytes) -> etree._Element:
    """The root element of ``data``; raises ``UnsafeXmlError`` with a specific message."""
    if len(data) > MAX_XML_BYTES:
        raise UnsafeXmlError(
            f"The XML is too large: {len(data) / 1e6:.1f} MB exceeds the "
            f"{MAX_XML_BYTES // (1024 * 1024)} MB limit"
        )
    if _declares_dtd(data):
        raise UnsafeXmlError(_DTD_REFUSED)
    return _parse(data)


def _parse(data: bytes) -> etree._Element:
    """The hardened parse itself (also safe on its own: nothing is loaded or expanded)."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        reason = str(exc.msg or exc).strip() or "syntax error"
        raise UnsafeXmlError(f"The XML is not well-formed: {reason[:200]}") from None
    if root is None:
        raise UnsafeXmlError("The XML has no root element")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise UnsafeXmlError(_DTD_REFUSED)
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if isinstance(element, etree._Entity):
            raise UnsafeXmlError(_DTD_REFUSED)
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise UnsafeXmlError(f"The XML is nested too deeply (more than {MAX_DEPTH} levels)")
    return root
