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
    Text,
    Uuid,
    and_,
    any_,
    bindparam,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    true,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from docflow.document.fields import final_values, list_columns
from docflow.document.schemas import DocumentFilters, DocumentOrder
from docflow.models import (
    Document,
    DocumentPreview,
    DocumentStatus,
    DocumentStatusDelta,
    ExtractionResult,
    Job,
)

_LIKE_SPECIALS = re.compile(r"[\\%_]")
_GROUP_LOCK_CLASS = 4_004  # advisory lock namespace of the business-duplicate groups
_LEDGER_LOCK_CLASS = 4_005  # … and of folding a workspace's status ledger
_LEDGER_FOLD_AT = 64  # ledger rows a reader tolerates before folding them
# What a new attempt's result replaces in an unfinalized row.
_EXTRACTION_COLUMNS = (
    "job_attempt",
    "raw_text",
    "document_type",
    "page_count",
    "parse_method",
    "structured_output_json",
)
# A search (`q`) counts its matches per status up to this many, then stops: exact counts of a broad
# search cost a visit per match (26k at 100k documents), so past the cap the counts are lower
# bounds and the list says so (`counts_capped`).
SEARCH_COUNT_CAP = 1_000
_GATHER_MAX = 10_000  # a selection this small is read whole for a page, not walked in order


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


@dataclass(frozen=True)
class StatusCounts:
    """Documents per status under a list's filters, their status filter excepted."""

    counts: dict[str, int]
    # A search matched more than SEARCH_COUNT_CAP documents and counting stopped there: each count
    # is a lower bound.
    capped: bool = False
    # A search's newest matches (all of them unless capped), newest first: (id, status).
    matches: tuple[tuple[uuid.UUID, str], ...] | None = None

    def selected(self, filters: DocumentFilters) -> int | None:
        """How many documents `filters` select, status filter included, when that is known."""
        if self.capped:
            return None
        statuses = set(filters.statuses or self.counts)
        return sum(n for status, n in self.counts.items() if status in statuses)


def _filter_conditions(
    workspace_id: uuid.UUID, filters: DocumentFilters, *, with_status: bool = True
) -> list[ColumnElement[bool]]:
    """The WHERE clause of `filters` but the search."""
    where: list[ColumnElement[bool]] = [Document.workspace_id == workspace_id]
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


def _search(q: str) -> ColumnElement[bool]:
    """`q` as a case-insensitive substring of filename, vendor or invoice number: LIKE lower(q) on
    the lower-cased search text (ILIKE's matches at a quarter of its cost per row), the operator
    of the trigram GIN index and a cheap filter on the covering index of the default order.

    The pattern is rendered into the statement as an (escaped) literal, not bound: the planner
    then estimates how many rows this very pattern matches from the column statistics, and walks
    an index in the page's order for a broad search but reads the trigram index for a narrow one —
    a cached generic plan made for an unknown pattern would pick one of them for every search."""
    pattern = "%" + _LIKE_SPECIALS.sub(r"\\\g<0>", q) + "%"
    return Document.search_text.like(
        func.lower(literal(pattern, Text, literal_execute=True)), escape="\\"
    )


def _search_filter(q: str) -> ColumnElement[bool]:
    """The same test as a filter no index answers: what a broad search adds to a selection read
    through another index (its trigram bitmap would cover most of the table)."""
    lowered = func.lower(literal(q, Text, literal_execute=True))
    return func.strpos(Document.search_text, lowered) > 0


def _any_id(ids: Sequence[uuid.UUID]) -> ColumnElement[bool]:
    return Document.id == any_(bindparam(None, list(ids), type_=ARRAY(Uuid())))


# Every upload asks (built once: each call is a compiled-cache lookup, not a new statement).
_FIRST_WITH_SHA256 = (
    select(Document.id)
    .where(
        Document.workspace_id == bindparam("workspace_id"),
        Document.sha256 == bindparam("sha256"),
    )
    .order_by(Document.uploaded_at, Document.id)
    .limit(1)
)


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, document: Document) -> Document:
        self.session.add(document)
        self.session.flush()
        return document

    def get(self, document_id: uuid.UUID, workspace_id: uuid.UUID) -> Document | None:
        return self.session.scalar(
            select(Document).where(
                Document.id == document_id, Document.workspace_id == workspace_id
            )
        )

    def get_any(self, document_id: uuid.UUID) -> Document | None:
        return self.session.get(Document, document_id)

    def first_with_sha256(self, workspace_id: uuid.UUID, sha256: str) -> uuid.UUID | None:
        """The id of the workspace's first document with this content."""
        return self.session.scalar(
            _FIRST_WITH_SHA256, {"workspace_id": workspace_id, "sha256": sha256}
        )

    def by_idempotency_key(self, user_id: uuid.UUID, key: str) -> Document | None:
        return self.session.scalar(
            select(Document).where(Document.uploaded_by == user_id, Document.idempotency_key == key)
        )

    def extraction(self, document_id: uuid.UUID) -> ExtractionResult | None:
        return self.session.scalar(
            select(ExtractionResult).where(ExtractionResult.document_id == document_id)
        )

    def preview(self, document_id: uuid.UUID) -> DocumentPreview | None:
        return self.session.get(DocumentPreview, document_id)

    def save_preview(self, preview: DocumentPreview) -> None:
        """One preview row per document: a re-rendered image (same key) replaces the row's
        description. Refused (IntegrityError) when the document is gone."""
        values = {
            column: getattr(preview, column)
            for column in ("storage_key", "media_type", "width", "height", "byte_size", "sha256")
        }
        self.session.execute(
            pg_insert(DocumentPreview)
            .values(document_id=preview.document_id, **values)
            .on_conflict_do_update(
                index_elements=[DocumentPreview.document_id],
                set_={**values, "created_at": func.now()},
            )
        )

    # Dashboard list (issue 4) -------------------------------------------------------------------
    def conditions(
        self, workspace_id: uuid.UUID, filters: DocumentFilters, *, with_status: bool = True
    ) -> list[ColumnElement[bool]]:
        """The WHERE clause of the list (and of the bulk export) for `filters`."""
        where = _filter_conditions(workspace_id, filters, with_status=with_status)
        if filters.q:
            where.append(_search(filters.q))
        return where

    def page(
        self,
        workspace_id: uuid.UUID,
        filters: DocumentFilters,
        order: DocumentOrder,
        after: Keyset | None,
        limit: int,
        *,
        counts: StatusCounts | None = None,
    ) -> list[PageRow]:
        """One page in `order`, strictly after `after` (keyset pagination: every page is an index
        range scan, however deep). Missing values sort last in both directions: the rows with a
        value are read first, then — when the page is not full — the rows without one, by id.

        `counts` (of the same filters) says how many rows the filters select. A search whose
        matches were all counted takes its page from them; the first page of a broad one in the
        default order is its newest matches, which counting read. A selection of at most
        _GATHER_MAX rows (a small status tab, say) is read whole and its top kept, rather than
        walking a sort index where its rows may sit far apart (failed documents have no vendor,
        so a walk by vendor would pass every other document first)."""
        spec = SORTS[order.key]
        keys = spec.columns()
        matches = counts.matches if counts is not None and filters.q else None
        if matches is not None and counts is not None and not counts.capped:
            picked_from: Sequence[uuid.UUID] | None = [m[0] for m in matches]
        else:
            picked_from = None
            if matches is not None and after is None and order == DocumentOrder():
                wanted = set(filters.statuses)
                newest = [(m[0],) for m in matches if not wanted or m[1] in wanted]
                if len(newest) >= limit:
                    return self._load(newest[:limit], keys=0)
        gather = False
        if picked_from is None and order.key not in ("uploaded_at", "status"):
            selected = counts.selected(filters) if counts is not None else None
            dated = filters.uploaded_from or filters.uploaded_to
            if selected is None and filters.statuses and not dated:
                ledger = self._ledger_counts(workspace_id)  # a broad search on a status tab
                selected = sum(ledger.get(status, 0) for status in filters.statuses)
            gather = selected is not None and selected <= _GATHER_MAX
        # (conditions of the segment, ordered by the sort keys — else by id, among missing values)
        segments: list[tuple[list[ColumnElement[bool]], bool]] = []
        if after is None or not after.missing:
            where: list[ColumnElement[bool]] = []
            if spec.nullable:
                where.append(cast(ColumnElement[Any], keys[0]).is_not(None))
            if after is not None:
                where.append(
                    _beyond([*keys, Document.id], [*after.values, after.id], order.descending)
                )
            segments.append((where, True))
        if spec.nullable:
            where = [cast(ColumnElement[Any], keys[0]).is_(None)]
            if after is not None and after.missing:
                where.append(_beyond([Document.id], [after.id], order.descending))
            segments.append((where, False))
        if picked_from is not None or gather:
            # The whole selection, materialised so that no walk of a sort index replaces it, and
            # its top kept — both segments in one pass.
            where = _filter_conditions(workspace_id, filters)
            if picked_from is not None:
                where.append(_any_id(picked_from))
            elif filters.q:
                where.append(_search_filter(filters.q))
            where.append(or_(*(and_(true(), *segment) for segment, _ in segments)))
            selection = (
                select(Document.id, *keys)
                .where(*where)
                .cte("selection")
                .prefix_with("MATERIALIZED")
            )
            selected_keys = list(selection.c)[1:]
            ordering = _directed([*selected_keys, selection.c[0]], order.descending)
            if spec.nullable:
                ordering.insert(0, selected_keys[0].is_(None))
            picked = self.session.execute(select(*selection.c).order_by(*ordering).limit(limit))
            return self._load([tuple(row) for row in picked], keys=len(keys))
        rows: list[PageRow] = []
        for where, by_keys in segments:
            if len(rows) >= limit:
                break
            rows += self._rows(
                select(Document, Job, *keys)
                .outerjoin(Job, Job.document_id == Document.id)
                .where(*self.conditions(workspace_id, filters), *where)
                .order_by(
                    *_directed([*keys, Document.id] if by_keys else [Document.id], order.descending)
                )
                .limit(limit - len(rows))
            )
        return rows

    def _load(self, picked: Sequence[tuple[Any, ...]], *, keys: int) -> list[PageRow]:
        """The documents and jobs of picked rows — (id, sort values…) — in the picked order; the
        sort values are read with them when the picked rows do not carry them (`keys` = 0)."""
        if not picked:
            return []
        columns = [] if keys else SORTS["uploaded_at"].columns()
        found = {
            row[0].id: row
            for row in self.session.execute(
                select(Document, Job, *columns)
                .outerjoin(Job, Job.document_id == Document.id)
                .where(_any_id([p[0] for p in picked]))
            ).all()
        }
        return [
            PageRow(found[p[0]][0], found[p[0]][1], tuple(p[1:]) or tuple(found[p[0]][2:]))
            for p in picked
            if p[0] in found
        ]

    def _rows(self, query: Select[Any]) -> list[PageRow]:
        return [
            PageRow(row[0], row[1], tuple(row[2:])) for row in self.session.execute(query).all()
        ]

    def counts_by_status(self, workspace_id: uuid.UUID, filters: DocumentFilters) -> StatusCounts:
        """Documents per status under `filters`, ignoring their status filter. Without a search or
        date filter the answer comes from the status ledger (a few rows however many documents);
        with a date filter, from the documents in that range; with a search, from its newest
        SEARCH_COUNT_CAP + 1 matches (`capped` when there are that many: an exact count would
        read every match)."""
        counts = {status.value: 0 for status in DocumentStatus}
        if filters.q:
            matches = self.session.execute(
                select(Document.id, Document.current_status)
                .where(*self.conditions(workspace_id, filters, with_status=False))
                .order_by(Document.uploaded_at.desc(), Document.id.desc())
                .limit(SEARCH_COUNT_CAP + 1)
            ).all()
            for _, status in matches:
                counts[str(status)] = counts.get(str(status), 0) + 1
            return StatusCounts(
                counts,
                capped=len(matches) > SEARCH_COUNT_CAP,
                matches=tuple((row[0], str(row[1])) for row in matches),
            )
        if filters.uploaded_from is None and filters.uploaded_to is None:
            counts.update(self._ledger_counts(workspace_id))
            finalized = DocumentStatus.finalized.value
            for status in counts:
                if filters.finalized is not None and (status == finalized) != filters.finalized:
                    counts[status] = 0
            return StatusCounts(counts)
        rows = self.session.execute(
            select(Document.current_status, func.count())
            .where(*self.conditions(workspace_id, filters, with_status=False))
            .group_by(Document.current_status)
        ).all()
        counts.update({str(status): int(count) for status, count in rows})
        return StatusCounts(counts)

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

    def index_extraction(self, extraction: ExtractionResult, *, status: str | None = None) -> None:
        """Copy the final invoice fields (reviewed over extracted) onto the document's list columns
        and refresh the business-duplicate flags of the groups the document leaves and joins;
        with `status`, the document's status changes in the same UPDATE (the worker's completion).

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
            self.lock_duplicate_group(key)
        self.session.execute(
            update(Document)
            .where(Document.id == document.id)
            .values(
                **columns.values(),
                possible_duplicate_of=None,
                **({} if status is None else {"current_status": status}),
            )
            .execution_options(synchronize_session=False)
        )
        for key in keys:
            self.refresh_duplicate_group(document.workspace_id, key)
        self.session.expire(document)

    def lock_duplicate_group(self, key: str) -> None:
        """Serialise the transactions that change a business-duplicate group (held until the
        transaction ends); taken before any document row of the group."""
        self.session.execute(
            select(func.pg_advisory_xact_lock(_GROUP_LOCK_CLASS, func.hashtext(key)))
        )

    def refresh_duplicate_group(self, workspace_id: uuid.UUID, key: str) -> None:
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
        """One result row per document; a later attempt replaces an unfinalized one (a new
        version, review cleared). One statement: an upsert that leaves a finalized row alone."""
        replaced = {column: getattr(result, column) for column in _EXTRACTION_COLUMNS}
        stored: ExtractionResult | None = self.session.scalar(
            pg_insert(ExtractionResult)
            .values(
                id=result.id or uuid.uuid4(),
                document_id=result.document_id,
                is_finalized=False,
                version=1,
                **replaced,
            )
            .on_conflict_do_update(
                index_elements=[ExtractionResult.document_id],
                set_={
                    **replaced,
                    "reviewed_output_json": None,
                    "version": ExtractionResult.version + 1,
                    "updated_at": func.now(),
                },
                where=ExtractionResult.is_finalized.is_(False),
            )
            .returning(ExtractionResult),
            execution_options={"populate_existing": True},
        )
        if stored is None:  # finalized: the frozen row stays as it is
            existing = self.extraction(result.document_id)
            assert existing is not None
            return existing
        return stored
