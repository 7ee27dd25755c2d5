"""What a reviewer may write into each invoice field (DESIGN.md "Extracted fields")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from babel.core import get_global
from babel.numbers import get_currency_precision, get_territory_currencies

from docflow.document.fields import FIELD_NAMES
from docflow.errors import ValidationFailed

MAX_LENGTHS = {"vendor_name": 200, "invoice_number": 64, "status": 40}
# ASCII digits only, and no trailing newline (`\Z`, not `$`): "１２" or "12.5\n" are not amounts.
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_AMOUNT = re.compile(r"^-?[0-9]{1,15}(?:\.([0-9]+))?\Z")
_CURRENCY = re.compile(r"^[A-Z]{3}\Z")


class _Invalid(Exception):
    pass


@lru_cache
def active_currencies() -> frozenset[str]:
    """ISO 4217 codes in use today (CLDR's territory currencies, legal tender or not)."""
    today = date.today()
    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        codes.update(get_territory_currencies(territory, today, tender=True, non_tender=True))
    return frozenset(codes)


def minor_units(currency: str | None) -> int:
    """Decimals an amount may carry: the currency's minor units, 2 when the currency is unknown."""
    if currency and currency in active_currencies():
        return int(get_currency_precision(currency))
    return 2


def _text(name: str, value: str) -> str:
    value = value.strip()
    if not value:
        raise _Invalid("must not be empty (send null to clear the field)")
    if not value.isprintable():
        raise _Invalid("must not contain control characters")
    if len(value) > MAX_LENGTHS[name]:
        raise _Invalid(f"must be at most {MAX_LENGTHS[name]} characters")
    return value


def _date(value: str) -> str:
    if not _DATE.match(value):
        raise _Invalid("must be an ISO date, YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value)
    except ValueError as exc:
        raise _Invalid(f"{value} is not a calendar date") from exc
    if not 1900 <= parsed.year <= 2199:
        raise _Invalid("must be a year between 1900 and 2199")
    return value


def _amount(value: str, currency: str | None) -> str:
    match = _AMOUNT.match(value)
    if not match:
        raise _Invalid(
            "must be a decimal number with '.' as the separator and no grouping, e.g. 1234.50"
        )
    decimals = len(match.group(1) or "")
    allowed = minor_units(currency)
    if decimals > allowed:
        unit = f"{currency} amounts" if currency and currency in active_currencies() else "amounts"
        raise _Invalid(f"{unit} have at most {allowed} decimal places")
    return value


def _currency(value: str) -> str:
    if not _CURRENCY.match(value) or value not in active_currencies():
        raise _Invalid("must be an ISO 4217 currency code in use, e.g. EUR, USD, JPY")
    return value


def validate_changes(
    changes: Mapping[str, Any], current: Mapping[str, str | None]
) -> dict[str, str | None]:
    """The edit as it will be stored; raises 422 listing every invalid field.

    Amounts are checked against the currency the invoice will have after this edit."""
    errors: list[dict[str, str]] = []
    if not changes:
        errors.append({"field": "body.fields", "message": "send at least one field to change"})
    result: dict[str, str | None] = {}
    currency = changes.get("currency", current.get("currency"))
    if not isinstance(currency, str) or currency not in active_currencies():
        currency = None
    for name, value in changes.items():
        try:
            if name not in FIELD_NAMES:
                raise _Invalid(f"unknown field; the fields are {', '.join(FIELD_NAMES)}")
            if value is None:
                result[name] = None
            elif not isinstance(value, str):
                raise _Invalid("must be a string or null")
            elif name in MAX_LENGTHS:
                result[name] = _text(name, value)
            elif name == "invoice_date":
                result[name] = _date(value)
            elif name in ("total_amount", "tax_amount"):
                result[name] = _amount(value, currency)
            elif name == "currency":
                result[name] = _currency(value)
        except _Invalid as exc:
            errors.append({"field": f"body.fields.{name}", "message": str(exc)})
    if errors:
        raise ValidationFailed("Some fields are invalid.", details=errors)
    return result
