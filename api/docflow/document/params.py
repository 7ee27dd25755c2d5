"""Query parameters of `GET /documents`, shared with the bulk export (`GET /exports`)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Literal

from fastapi import Depends, Query

from docflow.document.schemas import (
    SORT_KEYS,
    DocumentFilters,
    DocumentOrder,
    DocumentQuery,
    SortKey,
)
from docflow.errors import ValidationFailed

StatusParam = Literal["queued", "processing", "completed", "failed", "cancelled", "finalized"]
SORT_PARAMS = tuple(p for key in SORT_KEYS for p in (key, f"-{key}"))


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(
        f"Invalid query parameter {field}: {message}",
        details=[{"field": f"query.{field}", "message": message}],
    )


def _moment(field: str, raw: str | None, *, end_of_day: bool) -> datetime | None:
    """ISO 8601: a date (YYYY-MM-DD) or a date-time (naive = UTC). As an upper bound a date means
    the whole of that day."""
    if raw is None or raw == "":
        return None
    try:
        if len(raw) == 10:
            day = date.fromisoformat(raw)
            moment = datetime.combine(day, time(), tzinfo=UTC)
            return moment + timedelta(days=1) if end_of_day else moment
        parsed = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise _invalid(
            field, "expected an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ)"
        ) from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def document_filters(
    q: Annotated[
        str | None,
        Query(max_length=200, description="Substring of filename, vendor or invoice number"),
    ] = None,
    status: Annotated[list[StatusParam] | None, Query(description="Repeatable")] = None,
    finalized: bool | None = None,
    uploaded_from: Annotated[
        str | None, Query(description="Inclusive; ISO date or date-time")
    ] = None,
    uploaded_to: Annotated[
        str | None,
        Query(description="Exclusive; ISO date-time, or a date (that whole day included)"),
    ] = None,
) -> DocumentFilters:
    text = (q or "").strip()
    if text and not text.isprintable():
        raise _invalid("q", "control characters are not allowed")
    start = _moment("uploaded_from", uploaded_from, end_of_day=False)
    end = _moment("uploaded_to", uploaded_to, end_of_day=True)
    if start is not None and end is not None and start >= end:
        raise _invalid("uploaded_to", "must be later than uploaded_from")
    return DocumentFilters(
        q=text or None,
        statuses=tuple(dict.fromkeys(status or ())),
        finalized=finalized,
        uploaded_from=start,
        uploaded_to=end,
    )


def document_order(
    sort: Annotated[
        str,
        Query(
            description="uploaded_at, filename, status, vendor, total or invoice_date; "
            "prefix '-' for descending"
        ),
    ] = "-uploaded_at",
) -> DocumentOrder:
    if sort not in SORT_PARAMS:
        raise _invalid("sort", f"must be one of {', '.join(SORT_PARAMS)}")
    key: SortKey = sort.removeprefix("-")  # type: ignore[assignment]
    return DocumentOrder(key=key, descending=sort.startswith("-"))


def document_query(
    filters: Annotated[DocumentFilters, Depends(document_filters)],
    order: Annotated[DocumentOrder, Depends(document_order)],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
) -> DocumentQuery:
    return DocumentQuery(filters=filters, order=order, limit=limit, cursor=cursor or None)


DocumentFiltersDep = Annotated[DocumentFilters, Depends(document_filters)]
DocumentOrderDep = Annotated[DocumentOrder, Depends(document_order)]
DocumentQueryDep = Annotated[DocumentQuery, Depends(document_query)]
