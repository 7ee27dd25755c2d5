"use client";

import Link from "next/link";
import { memo, useRef } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { useFormat } from "@/components/ui/format-context";
import type { DocumentListItem } from "../api/list-documents";
import { RowList, VIRTUALIZE_AFTER } from "./row-list";
import { sortDirection, sortKey, type Sort, type SortKey } from "../schemas";
import { DuplicateMark, JobError, RowActionButtons, RowActionError, StageProgress, documentHref, useRowActions } from "./row-parts";

interface Column {
  key: string;
  label: string;
  sort?: SortKey;
  /** Tailwind width and visibility classes (the table is fixed-layout so rows do not jump while scrolling). */
  className: string;
  align?: "right";
}

const COLUMNS: Column[] = [
  { key: "file", label: "File", sort: "filename", className: "w-[36%] lg:w-[20%]" },
  { key: "vendor", label: "Vendor", sort: "vendor", className: "w-[22%] lg:w-[16%]" },
  { key: "number", label: "Invoice no.", className: "hidden lg:table-cell lg:w-[11%]" },
  { key: "date", label: "Invoice date", sort: "invoice_date", className: "hidden lg:table-cell lg:w-[12%]" },
  { key: "total", label: "Total", sort: "total", className: "w-[15%] lg:w-[11%]", align: "right" },
  { key: "status", label: "Status", sort: "status", className: "w-[27%] lg:w-[16%]" },
  { key: "uploaded", label: "Uploaded", sort: "uploaded_at", className: "hidden lg:table-cell lg:w-[14%]" },
];

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export interface DocumentTableProps {
  items: DocumentListItem[];
  /** All documents under the filters, when known (for aria-rowcount); null when not. */
  total: number | null;
  sort: Sort;
  onSort: (key: SortKey) => void;
  canWrite: boolean;
}

/** The tablet and desktop list: a real table, one row per document, virtualised when long. */
// Memoised: a background refetch that brings the same rows (structural sharing keeps the array)
// re-renders the dashboard around the list, not its fifty rows.
export const DocumentTable = memo(function DocumentTable({ items, total, sort, onSort, canWrite }: DocumentTableProps) {
  const listRef = useRef<HTMLTableSectionElement>(null);
  const virtualized = items.length > VIRTUALIZE_AFTER;
  const columns = canWrite ? [...COLUMNS, { key: "actions", label: "Actions", className: "w-[104px]" }] : COLUMNS;
  // Without a separate actions column the status column takes its share.
  const rowCount = (total ?? items.length) + 1;

  return (
    <table
      className="w-full table-fixed border-separate border-spacing-0 text-sm"
      aria-rowcount={total !== null ? rowCount : virtualized ? -1 : undefined}
      aria-label="Documents"
    >
      <thead className="bg-slate-100 text-left text-xs font-semibold tracking-wide text-slate-700 uppercase">
        <tr aria-rowindex={1}>
          {columns.map((column) => {
            const active = column.sort && sortKey(sort) === column.sort;
            const direction = active ? sortDirection(sort) : null;
            return (
              <th
                key={column.key}
                scope="col"
                aria-sort={direction ? ARIA_SORT[direction] : column.sort ? "none" : undefined}
                className={`sticky top-0 z-10 border-b border-slate-300 bg-slate-100 px-3 py-1 first:rounded-tl-lg last:rounded-tr-lg ${column.className} ${column.align === "right" ? "text-right" : ""}`}
              >
                {column.sort ? (
                  <button
                    type="button"
                    onClick={() => onSort(column.sort!)}
                    className={`-mx-2 inline-flex min-h-11 items-center gap-1 rounded px-2 whitespace-nowrap uppercase hover:bg-slate-200 ${column.align === "right" ? "flex-row-reverse" : ""} ${active ? "text-slate-950" : ""}`}
                  >
                    {column.label}
                    <SortIcon direction={direction} />
                  </button>
                ) : column.key === "actions" ? (
                  <span className="sr-only">{column.label}</span>
                ) : (
                  <span className="inline-flex min-h-11 items-center">{column.label}</span>
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody ref={listRef}>
        <RowList
          listRef={listRef}
          count={items.length}
          estimateRowPx={72}
          renderRow={(index, measureRow) => (
            <DocumentRow key={items[index].id} item={items[index]} index={index} measureRow={measureRow} canWrite={canWrite} />
          )}
          renderSpacer={(height, position) => (
            <tr key={`spacer-${position}`} aria-hidden="true" role="presentation">
              <td colSpan={columns.length} style={{ height, padding: 0 }} />
            </tr>
          )}
        />
      </tbody>
    </table>
  );
});

function DocumentRow({
  item,
  index,
  measureRow,
  canWrite,
}: {
  item: DocumentListItem;
  index: number;
  measureRow: (node: Element | null) => void;
  canWrite: boolean;
}) {
  const cell = "border-b border-slate-200 px-3 py-1.5 align-middle";
  const nameId = `doc-${item.id}`;
  const actions = useRowActions(item);
  const format = useFormat();
  return (
    <tr ref={measureRow} data-index={index} aria-rowindex={index + 2} className="bg-white hover:bg-slate-50">
      <td className={cell}>
        <div className="flex flex-wrap items-center gap-x-2">
          <Link
            id={nameId}
            href={documentHref(item.id)}
            prefetch={false}
            className="inline-flex min-h-11 min-w-0 items-center font-medium break-all text-brand-700 underline-offset-2 hover:underline"
          >
            {item.original_filename}
          </Link>
          <DuplicateMark item={item} />
        </div>
        <span className="block text-xs text-slate-600 lg:hidden">{format.dateTime(item.uploaded_at)}</span>
      </td>
      <td className={cell}>
        <span className="break-words">{item.vendor_name ?? <Missing />}</span>
        <span className="mt-0.5 block text-xs break-words text-slate-600 lg:hidden">
          {item.invoice_number ? `No. ${item.invoice_number}` : null}
        </span>
      </td>
      <td className={`${cell} hidden break-words lg:table-cell`}>{item.invoice_number ?? <Missing />}</td>
      <td className={`${cell} hidden lg:table-cell`}>{item.invoice_date ? format.date(item.invoice_date) : <Missing />}</td>
      <td className={`${cell} text-right tabular-nums`}>
        {item.total_amount ? format.amount(item.total_amount, item.currency) : <Missing />}
      </td>
      <td className={cell}>
        <StatusBadge status={item.current_status} />
        <StageProgress item={item} />
        <JobError item={item} />
        <RowActionError actions={actions} />
      </td>
      <td className={`${cell} hidden text-slate-700 lg:table-cell`}>{format.dateTime(item.uploaded_at)}</td>
      {canWrite ? (
        <td className={cell}>
          <RowActionButtons actions={actions} describedBy={nameId} />
        </td>
      ) : null}
    </tr>
  );
}

/** A field the extraction did not find (or a document still being processed). */
function Missing() {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">none</span>
    </span>
  );
}

function SortIcon({ direction }: { direction: "asc" | "desc" | null }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className={`h-3 w-3 ${direction ? "" : "opacity-30"}`}>
      {direction === "desc" ? (
        <path d="M6 9 2 4h8z" fill="currentColor" />
      ) : direction === "asc" ? (
        <path d="M6 3 2 8h8z" fill="currentColor" />
      ) : (
        <path d="M6 1 3 5h6zM6 11 3 7h6z" fill="currentColor" />
      )}
    </svg>
  );
}
