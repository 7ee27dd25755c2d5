from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    bindparam,
    delete,
    func,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.orm import Session

from docflow.document.fields import final_values, list_columns
from docflow.document.schemas import DocumentFilters, DocumentOrder
from docflow.models import Document, DocumentStatus, DocumentStatusDelta, ExtractionResult, Job

_LIKE_SPECIALS = re.compile(r"[\\%_]")
_GROUP_LOCK_CLASS = 4_004  # advisory lock namespace of the business-duplicate groups
_LEDGER_LOCK_CLASS = 4_005  # … and of folding a workspace's status ledger
_LEDGER_FOLD_AT = 64  # ledger rows a reader tolerates before folding them


@dataclass(frozen=True)
class SortSpec:
    columns: Callable[[], list[SQLColumnExpression[Any]]]
    nullable: bool = False


# Each sort has a matching btree (workspace_id, *columns, id); see the issue 4 migration.
SORTS: dict[str, SortSpec] = {
    "uploaded_at": SortSpec(lambda: [Document.uploaded_at]),
    "filename": SortSpec(lambda: [func.lower(Document.original_filename)]),
    "status": SortSpec(lambda: [Document.current_status, Document.uploaded_at]),
    "vendor": SortSpec(lambda: [func.lower(Document.vendor_name)], nullable=True),
    "total": SortSpec(lambda: [Document.total_amount], nullable=True),
    "invoice_date": SortSpec(lambda: [Document.invoice_date], nullable=True),
}


@dataclass(frozen=True)
class Keyset:
    """Where the previous page ended: its last row's sort values and id; `missing` when that row
    had no value for a nullable sort key (the page ended among the rows without one)."""

    values: tuple[Any, ...]
    id: uuid.UUID
    missing: bool = False


@dataclass(frozen=True)
class PageRow:
    document: Document
    job: Job | None
    sort_values: tuple[Any, ...]  # as PostgreSQL computed them (e.g. lower()), for the cursor


def _directed(
    columns: Sequence[SQLColumnExpression[Any]], desc: bool
) -> list[SQLColumnExpression[Any]]:
    return [c.desc() if desc else c.asc() for c in columns]


def _beyond(
    columns: Sequence[SQLColumnExpression[Any]], values: Sequence[Any], desc: bool
) -> ColumnElement[bool]:
    """(c1, c2, …) > (v1, v2, …) — a row comparison btree uses as the start of its range scan."""
    left = tuple_(*columns)
    pairs = zip(columns, values, strict=True)
    right = tuple_(*(bindparam(None, v, type_=cast(ColumnElement[Any], c).type) for c, v in pairs))
    return left < right if desc else left > right


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, document: Document) -> Document:
        self.session.add(document)
        self.session.flush()
        return document

    def get(self, document_id: uuid.UUID, workspace_id: uuid.UUID) -> Document | None:
        return self.session.scalar(
            select(Document).where(Document.id == document_id, Document.workspace_id == workspace_id)
        )

    def get_any(self, document_id: uuid.UUID) -> Document | None:
        return self.session.get(Document, document_id)

    def first_with_sha256(self, workspace_id: uuid.UUID, sha256: str) -> Document | None:
        return self.session.scalar(
            select(Document)
            .where(Document.workspace_id == workspace_id, Document.sha256 == sha256)
            .order_by(Document.uploaded_at, Document.id)
            .limit(1)
        )

    def extraction(self, document_id: uuid.UUID) -> ExtractionResult | None:
        return self.session.scalar(
            select(ExtractionResult).where(ExtractionResult.document_id == document_id)
        )

    # Dashboard list (issue 4) -------------------------------------------------------------------
    def conditions(
        self, workspace_id: uuid.UUID, filters: DocumentFilters, *, with_status: bool = True
    ) -> list[ColumnElement[bool]]:
        """The WHERE clause of the list (and of the bulk export) for `filters`."""
        where: list[ColumnElement[bool]] = [Document.workspace_id == workspace_id]
        if filters.q:
            pattern = "%" + _LIKE_SPECIALS.sub(r"\\\g<0>", filters.q) + "%"
            where.append(Document.search_text.ilike(pattern, escape="\\"))
        if with_status and filters.statuses:
            where.append(Document.current_status.in_(filters.statuses))
        if filters.finalized is True:
            where.append(Document.current_status == DocumentStatus.finalized.value)
        elif filters.finalized is False:
            where.append(Document.current_status != DocumentStatus.finalized.value)
        if filters.uploaded_from is not None:
            where.append(Document.uploaded_at >= filters.uploaded_from)
        if filters.uploaded_to is not None:
            where.append(Document.uploaded_at < filters.uploaded_to)
        return where

    def page(
        self,
        workspace_id: uuid.UUID,
        filters: DocumentFilters,
        order: DocumentOrder,
        after: Keyset | None,
        limit: int,
    ) -> list[PageRow]:
        """One page in `order`, strictly after `after` (keyset pagination: every page is an index
        range scan, however deep). Missing values sort last in both directions: the rows with a
        value are read first, then — when the page is not full — the rows without one, by id."""
        spec = SORTS[order.key]
        base = (
            select(Document, Job, *spec.columns())
            .outerjoin(Job, Job.document_id == Document.id)
            .where(*self.conditions(workspace_id, filters))
        )
        desc = order.descending
        columns: list[SQLColumnExpression[Any]] = [*spec.columns(), Document.id]
        rows: list[PageRow] = []
        if after is None or not after.missing:
            query = base
            if spec.nullable:
                query = query.where(spec.columns()[0].is_not(None))
            if after is not None:
                query = query.where(_beyond(columns, [*after.values, after.id], desc))
            rows = self._rows(query.order_by(*_directed(columns, desc)).limit(limit))
        if spec.nullable and len(rows) < limit:
            query = base.where(spec.columns()[0].is_(None))
            if after is not None and after.missing:
                query = query.where(_beyond([Document.id], [after.id], desc))
            query = query.order_by(*_directed([Document.id], desc)).limit(limit - len(rows))
            rows += self._rows(query)
        return rows

    def _rows(self, query: Select[Any]) -> list[PageRow]:
        return [
            PageRow(row[0], row[1], tuple(row[2:])) for row in self.session.execute(query).all()
        ]

    def counts_by_status(self, workspace_id: uuid.UUID, filters: DocumentFilters) -> dict[str, int]:
        """Documents per status under `filters`, ignoring their status filter. Without a search or
        date filter the answer comes from the status ledger (a few rows however many documents);
        with one, from the documents that match."""
        counts = {status.value: 0 for status in DocumentStatus}
        if filters.q is None and filters.uploaded_from is None and filters.uploaded_to is None:
            counts.update(self._ledger_counts(workspace_id))
            finalized = DocumentStatus.finalized.value
            for status in counts:
                if filters.finalized is not None and (status == finalized) != filters.finalized:
                    counts[status] = 0
            return counts
        rows = self.session.execute(
            select(Document.current_status, func.count())
            .where(*self.conditions(workspace_id, filters, with_status=False))
            .group_by(Document.current_status)
        ).all()
        counts.update({str(status): int(count) for status, count in rows})
        return counts

    def _ledger_counts(self, workspace_id: uuid.UUID) -> dict[str, int]:
        ledger = DocumentStatusDelta
        rows = self.session.execute(
            select(ledger.status, func.sum(ledger.delta), func.count())
            .where(ledger.workspace_id == workspace_id)
            .group_by(ledger.status)
        ).all()
        lock = func.pg_try_advisory_xact_lock(_LEDGER_LOCK_CLASS, func.hashtext(str(workspace_id)))
        if sum(int(r[2]) for r in rows) > _LEDGER_FOLD_AT and self.session.scalar(select(lock)):
            # Fold the ledger into one row per status, atomically (rows other transactions add
            # meanwhile are not visible to this DELETE and stay for the next fold).
            moved = (
                delete(ledger)
                .where(ledger.workspace_id == workspace_id)
                .returning(ledger.status, ledger.delta)
                .cte("moved")
            )
            self.session.execute(
                insert(ledger).from_select(
                    ["workspace_id", "status", "delta"],
                    select(
                        bindparam("ws", workspace_id, type_=ledger.workspace_id.type),
                        moved.c.status,
                        func.sum(moved.c.delta),
                    ).group_by(moved.c.status),
                )
            )
        return {str(status): int(total) for status, total, _ in rows}

    def index_extraction(self, extraction: ExtractionResult) -> None:
        """Copy the final invoice fields (reviewed over extracted) onto the document's list columns
        and refresh the business-duplicate flags of the groups the document leaves and joins.

        Called in the transaction that stores an extraction (the worker's store stage) and in each
        review. Duplicate groups are serialised by a transaction advisory lock per group, taken
        before any document row, so two invoices completing at once still see each other."""
        document = self.session.get(Document, extraction.document_id)
        assert document is not None
        columns = list_columns(
            final_values(extraction.structured_output_json, extraction.reviewed_output_json)
        )
        keys = sorted({k for k in (document.duplicate_key, columns.duplicate_key) if k})
        for key in keys:
            self.session.execute(
                select(func.pg_advisory_xact_lock(_GROUP_LOCK_CLASS, func.hashtext(key)))
            )
        self.session.execute(
            update(Document)
            .where(Document.id == document.id)
            .values(**columns.values(), possible_duplicate_of=None)
            .execution_options(synchronize_session=False)
        )
        for key in keys:
            self._refresh_duplicate_group(document.workspace_id, key)
        self.session.expire(document)

    def _refresh_duplicate_group(self, workspace_id: uuid.UUID, key: str) -> None:
        """Within one group every document but the earliest uploaded points at the earliest."""
        group = (
            select(
                Document.id.label("id"),
                func.first_value(Document.id)
                .over(order_by=(Document.uploaded_at, Document.id))
                .label("original"),
            )
            .where(Document.workspace_id == workspace_id, Document.duplicate_key == key)
            .subquery()
        )
        flag = func.nullif(group.c.original, Document.id)
        self.session.execute(
            update(Document)
            .where(Document.id == group.c.id, Document.possible_duplicate_of.is_distinct_from(flag))
            .values(possible_duplicate_of=flag)
            .execution_options(synchronize_session=False)
        )

    def save_extraction(self, result: ExtractionResult) -> ExtractionResult:
        """One result row per document; a later attempt replaces an unfinalized one."""
        existing = self.extraction(result.document_id)
        if existing is None:
            self.session.add(result)
            self.session.flush()
            return result
        if existing.is_finalized:
            return existing
        for column in (
            "job_attempt",
            "raw_text",
            "document_type",
            "page_count",
            "parse_method",
            "structured_output_json",
        ):
            setattr(existing, column, getattr(result, column))
        existing.reviewed_output_json = None
        existing.version = existing.version + 1
        existing.updated_at = func.now()
        self.session.flush()
        return existing
