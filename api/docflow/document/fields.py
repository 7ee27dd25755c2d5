"""The invoice fields as the API sees them: the final value of each field (a reviewer's correction
over the extracted value), and what the dashboard list keeps of them in plain columns."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

FIELD_NAMES = (
    "vendor_name",
    "invoice_number",
    "invoice_date",
    "total_amount",
    "tax_amount",
    "currency",
    "status",
)

_DECIMAL = re.compile(r"^-?\d{1,15}(\.\d{1,6})?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def extracted_values(structured: Mapping[str, Any] | None) -> dict[str, str | None]:
    """{field: value} from `structured_output_json` ({"fields": {name: {"value", ...}}})."""
    fields = (structured or {}).get("fields") or {}
    values: dict[str, str | None] = {}
    for name in FIELD_NAMES:
        entry = fields.get(name)
        value = entry.get("value") if isinstance(entry, Mapping) else None
        values[name] = None if value is None else str(value)
    return values


def reviewed_values(reviewed: Mapping[str, Any] | None) -> dict[str, str | None]:
    """The corrections a reviewer made: `reviewed_output_json` is {"fields": {name: value|null}},
    holding only the fields a reviewer set (null = the reviewer cleared the field)."""
    fields = (reviewed or {}).get("fields") or {}
    return {name: fields[name] for name in FIELD_NAMES if name in fields}


def final_values(
    structured: Mapping[str, Any] | None, reviewed: Mapping[str, Any] | None
) -> dict[str, str | None]:
    values = extracted_values(structured)
    values.update(reviewed_values(reviewed))
    return values


@dataclass(frozen=True)
class ListColumns:
    """The document columns the list filters, sorts and searches on."""

    vendor_name: str | None
    invoice_number: str | None
    invoice_date: date | None
    total_amount: Decimal | None
    currency: str | None
    duplicate_key: str | None

    def values(self) -> dict[str, Any]:
        return {
            "vendor_name": self.vendor_name,
            "invoice_number": self.invoice_number,
            "invoice_date": self.invoice_date,
            "total_amount": self.total_amount,
            "currency": self.currency,
            "duplicate_key": self.duplicate_key,
        }


def _text(value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value[:limit] or None


def _decimal(value: str | None) -> Decimal | None:
    if value is None or not _DECIMAL.match(value.strip()):
        return None
    try:
        return Decimal(value.strip())
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None


def _date(value: str | None) -> date | None:
    if value is None or not _DATE.match(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def duplicate_key(vendor: str | None, number: str | None, total: Decimal | None) -> str | None:
    """Two invoices are business duplicates when vendor (case and spacing ignored), invoice number
    (letters and digits only, case ignored) and total (when known) agree."""
    if not vendor or not number:
        return None
    vendor_key = " ".join(vendor.casefold().split())
    number_key = "".join(ch for ch in number.casefold() if ch.isalnum())
    if not vendor_key or not number_key:
        return None
    total_key = "" if total is None else format(total.normalize(), "f")
    return "\x1f".join((vendor_key, number_key, total_key))


def list_columns(values: Mapping[str, str | None]) -> ListColumns:
    vendor = _text(values.get("vendor_name"), 255)
    number = _text(values.get("invoice_number"), 100)
    total = _decimal(values.get("total_amount"))
    currency = values.get("currency")
    return ListColumns(
        vendor_name=vendor,
        invoice_number=number,
        invoice_date=_date(values.get("invoice_date")),
        total_amount=total,
        currency=currency if currency and _CURRENCY.match(currency) else None,
        duplicate_key=duplicate_key(vendor, number, total),
    )
