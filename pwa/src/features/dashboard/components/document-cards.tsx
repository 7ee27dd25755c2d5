"use client";

import Link from "next/link";
import { memo, useRef } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { useFormat } from "@/components/ui/format-context";
import type { DocumentListItem } from "../api/list-documents";
import { RowList, VIRTUALIZE_AFTER } from "./row-list";
import { DuplicateMark, JobError, RowActionButtons, RowActionError, StageProgress, documentHref, useRowActions } from "./row-parts";

/** The phone list: one card (list item) per document, virtualised when long. */
// Memoised like DocumentTable: a refetch that brings the same rows does not re-render them.
export const DocumentCards = memo(function DocumentCards({ items, canWrite }: { items: DocumentListItem[]; canWrite: boolean }) {
  const listRef = useRef<HTMLUListElement>(null);
  const virtualized = items.length > VIRTUALIZE_AFTER;
  return (
    <ul ref={listRef} aria-label="Documents" className="flex flex-col">
      <RowList
        listRef={listRef}
        count={items.length}
        estimateRowPx={150}
        renderRow={(index, measureRow) => (
          <li key={items[index].id} ref={measureRow} data-index={index} aria-posinset={virtualized ? index + 1 : undefined} className="pb-3">
            <DocumentCard item={items[index]} canWrite={canWrite} />
          </li>
        )}
        renderSpacer={(height, position) => <li key={`spacer-${position}`} aria-hidden="true" role="presentation" style={{ height }} />}
      />
    </ul>
  );
});

function DocumentCard({ item, canWrite }: { item: DocumentListItem; canWrite: boolean }) {
  const nameId = `doc-card-${item.id}`;
  const actions = useRowActions(item);
  const format = useFormat();
  const total = item.total_amount ? format.amount(item.total_amount, item.currency) : null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <Link
          id={nameId}
          href={documentHref(item.id)}
          prefetch={false}
          className="flex min-h-11 min-w-0 items-center font-medium break-all text-brand-700 underline-offset-2 hover:underline"
        >
          {item.original_filename}
        </Link>
        <div className="flex shrink-0 pt-3">
          <StatusBadge status={item.current_status} />
        </div>
      </div>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-slate-600">Vendor</dt>
        <dd className="min-w-0 break-words">{item.vendor_name ?? "—"}</dd>
        <dt className="text-slate-600">Invoice no.</dt>
        <dd className="min-w-0 break-words">{item.invoice_number ?? "—"}</dd>
        {item.invoice_date ? (
          <>
            <dt className="text-slate-600">Invoice date</dt>
            <dd>{format.date(item.invoice_date)}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">Total</dt>
        <dd className="font-medium tabular-nums">{total ?? "—"}</dd>
        <dt className="text-slate-600">Uploaded</dt>
        <dd>{format.dateTime(item.uploaded_at)}</dd>
      </dl>
      <div className="flex flex-wrap gap-2 empty:hidden">
        <DuplicateMark item={item} />
      </div>
      <StageProgress item={item} />
      <JobError item={item} />
      <RowActionError actions={actions} />
      {canWrite ? (
        <div className="mt-2 empty:hidden">
          <RowActionButtons actions={actions} describedBy={nameId} />
        </div>
      ) : null}
    </div>
  );
}
