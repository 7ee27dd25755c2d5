"""What an e-invoice's XML says, each value with the element it was read from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

_DECIMAL = re.compile(r"^[+-]?\d{1,15}(?:\.\d{1,6})?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_CII_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


@dataclass(frozen=True)
class Located:
    value: str
    xpath: str  # the element it was read from, with the prefixes below


@dataclass(frozen=True)
class LineItem:
    xpath: str
    values: dict[str, Located]  # id, description, quantity, unit_code, unit_price, net_amount, …


@dataclass(frozen=True)
class EInvoice:
    syntax: str  # "CII" | "UBL"
    document_type: str  # "invoice" | "credit_note"
    profile: str | None  # the specification identifier (BT-24), e.g. urn:cen.eu:en16931:2017
    fields: dict[str, Located]  # a subset of FIELD_NAMES
    due_date: Located | None = None
    amount_due: Located | None = None
    line_items: tuple[LineItem, ...] = field(default_factory=tuple)


class Reader:
    """Finds elements by prefixed paths and names them by absolute XPath."""

    def __init__(self, root: etree._Element, namespaces: dict[str, str], root_prefix: str):
        self.root = root
        self.namespaces = namespaces
        self.prefixes = {uri: prefix for prefix, uri in namespaces.items()}
        self.prefixes[etree.QName(root).namespace or ""] = root_prefix

    def all(self, path: str, context: etree._Element | None = None) -> list[etree._Element]:
        found = (self.root if context is None else context).findall(path, self.namespaces)
        return [element for element in found if isinstance(element.tag, str)]

    def first(self, path: str, context: etree._Element | None = None) -> etree._Element | None:
        found = self.all(path, context)
        return found[0] if found else None

    def text(self, path: str, context: etree._Element | None = None) -> Located | None:
        element = self.first(path, context)
        return self.located(element)

    def located(self, element: etree._Element | None) -> Located | None:
        if element is None:
            return None
        value = " ".join((element.text or "").split())
        return Located(value, self.xpath(element)) if value else None

    def xpath(self, element: etree._Element) -> str:
        steps: list[str] = []
        node: etree._Element | None = element
        while node is not None:
            qname = etree.QName(node)
            prefix = self.prefixes.get(qname.namespace or "")
            step = f"{prefix}:{qname.localname}" if prefix else qname.localname
            parent = node.getparent()
            if parent is not None:
                same = [sibling for sibling in parent if sibling.tag == node.tag]
                if len(same) > 1:
                    step += f"[{same.index(node) + 1}]"
            steps.append(step)
            node = parent
        return "/" + "/".join(reversed(steps))


def decimal_value(found: Located | None) -> Located | None:
    """An amount as the contract writes it ('.' separator, no grouping); None when malformed."""
    if found is None:
        return None
    value = found.value.replace(" ", "")
    if not _DECIMAL.match(value):
        return None
    return Located(value.lstrip("+"), found.xpath)


def iso_date(found: Located | None) -> Located | None:
    """A date as YYYY-MM-DD from ISO or the CII format 102 (YYYYMMDD); None when malformed."""
    if found is None:
        return None
    value = found.value.strip()
    match = _ISO_DATE.match(value[:10]) or _CII_DATE.match(value)
    if match is None:
        return None
    return Located("-".join(match.groups()), found.xpath)


def currency_value(found: Located | None) -> Located | None:
    if found is None or not re.fullmatch(r"[A-Za-z]{3}", found.value):
        return None
    return Located(found.value.upper(), found.xpath)
