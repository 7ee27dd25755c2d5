"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-context";
import { statusLabel } from "@/components/ui/status-badge";
import { useDebouncedValue } from "../hooks/use-debounced-value";
import {
  STATUSES,
  dateRangeInvalid,
  hasActiveFilters,
  type DashboardFilters,
  type FinalizedFilter,
  type Sort,
  type Status,
} from "../schemas";

export const SEARCH_DEBOUNCE_MS = 300;

const SORT_OPTIONS: { value: Sort; label: string }[] = [
  { value: "-uploaded_at", label: "Newest uploads first" },
  { value: "uploaded_at", label: "Oldest uploads first" },
  { value: "filename", label: "File name A–Z" },
  { value: "-filename", label: "File name Z–A" },
  { value: "vendor", label: "Vendor A–Z" },
  { value: "-vendor", label: "Vendor Z–A" },
  { value: "-total", label: "Total, highest first" },
  { value: "total", label: "Total, lowest first" },
  { value: "-invoice_date", label: "Invoice date, newest first" },
  { value: "invoice_date", label: "Invoice date, oldest first" },
  { value: "status", label: "Status A–Z" },
  { value: "-status", label: "Status Z–A" },
];


export interface FilterBarProps {
  filters: DashboardFilters;
  onChange: (update: Partial<DashboardFilters>) => void;
  onClear: () => void;
  /** Documents per status under the other filters (from the API); null while unknown. */
  counts: Record<string, number> | null;
  countsCapped: boolean;
}

export function FilterBar({ filters, onChange, onClear, counts, countsCapped }: FilterBarProps) {
  const format = useFormat();
  const id = useId();
  const [moreOpen, setMoreOpen] = useState(false);
  const rangeInvalid = dateRangeInvalid(filters);
  const extraActive = [filters.finalized !== "all", filters.uploadedFrom, filters.uploadedTo].filter(Boolean).length;

  function toggleStatus(status: Status, on: boolean) {
    const set = new Set(filters.statuses);
    if (on) set.add(status);
    else set.delete(status);
    onChange({ statuses: STATUSES.filter((s) => set.has(s)) });
  }

  return (
    <search className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-end gap-3">
        <SearchBox value={filters.q} onSearch={(q) => onChange({ q })} />
        <div className="flex min-w-0 flex-1 basis-44 flex-col gap-1 lg:hidden">
          <label htmlFor={`${id}-sort`} className="text-sm font-medium text-slate-700">
            Sort by
          </label>
          <select
            id={`${id}-sort`}
            value={filters.sort}
            onChange={(event) => onChange({ sort: event.target.value as Sort })}
            className="min-h-11 rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <Button
          className="sm:hidden"
          aria-expanded={moreOpen}
          aria-controls={`${id}-more`}
          onClick={() => setMoreOpen((open) => !open)}
        >
          More filters{extraActive ? ` (${extraActive})` : ""}
        </Button>
        <div
          id={`${id}-more`}
          className={`${moreOpen ? "grid" : "hidden"} w-full grid-cols-2 gap-3 sm:flex sm:w-auto sm:flex-wrap sm:items-end`}
        >
          <div className="col-span-2 flex flex-col gap-1 sm:col-span-1">
            <label htmlFor={`${id}-finalized`} className="text-sm font-medium text-slate-700">
              Finalized
            </label>
            <select
              id={`${id}-finalized`}
              value={filters.finalized}
              onChange={(event) => onChange({ finalized: event.target.value as FinalizedFilter })}
              className="min-h-11 rounded-md border border-slate-300 bg-white px-2 text-sm"
            >
              <option value="all">All documents</option>
              <option value="yes">Finalized only</option>
              <option value="no">Not finalized</option>
            </select>
          </div>
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor={`${id}-from`} className="text-sm font-medium text-slate-700">
              Uploaded from
            </label>
            <input
              id={`${id}-from`}
              type="date"
              value={filters.uploadedFrom}
              max={filters.uploadedTo || undefined}
              onChange={(event) => onChange({ uploadedFrom: event.target.value })}
              className="min-h-11 min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm"
            />
          </div>
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor={`${id}-to`} className="text-sm font-medium text-slate-700">
              Uploaded to
            </label>
            <input
              id={`${id}-to`}
              type="date"
              value={filters.uploadedTo}
              min={filters.uploadedFrom || undefined}
              aria-invalid={rangeInvalid || undefined}
              aria-describedby={rangeInvalid ? `${id}-range-error` : undefined}
              onChange={(event) => onChange({ uploadedTo: event.target.value })}
              className="min-h-11 min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm aria-invalid:border-red-600"
            />
          </div>
          {rangeInvalid ? (
            <p id={`${id}-range-error`} role="alert" className="col-span-2 self-center text-sm text-red-800 sm:basis-full">
              “Uploaded to” is before “Uploaded from”, so it is left out.
            </p>
          ) : null}
        </div>
        {hasActiveFilters(filters) ? (
          <Button variant="ghost" onClick={onClear} className="underline">
            Clear filters
          </Button>
        ) : null}
      </div>
      <fieldset className="min-w-0">
        <legend className="mb-1 text-sm font-medium text-slate-700">Status</legend>
        <div className="flex flex-wrap gap-2">
          {STATUSES.map((status) => {
            const checked = filters.statuses.includes(status);
            const n = counts?.[status];
            return (
              <label
                key={status}
                className={`inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-full border px-3 text-sm font-medium has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600 ${checked ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
              >
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={(event) => toggleStatus(status, event.target.checked)}
                  className="h-4 w-4 accent-brand-600 focus-visible:outline-none"
                />
                {statusLabel(status)}
                <span className={`rounded-full px-1.5 text-xs tabular-nums ${checked ? "bg-white" : "bg-slate-100"}`}>
                  {n === undefined ? "…" : `${format.number(n)}${countsCapped ? "+" : ""}`}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </search>
  );
}

/** The search box: typing updates the URL (and the list) once it pauses for 300 ms. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const id = useId();
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const sent = useRef(value);
  const search = useRef(onSearch);
  useEffect(() => {
    search.current = onSearch;
  });

  // The URL changed from elsewhere (back button, "Clear filters"): show what it says.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    // Only when the typed text settles — not when the URL moved underneath (that would undo it).
    const q = debounced.trim();
    if (q !== sent.current.trim()) {
      sent.current = q;
      search.current(q);
    }
  }, [debounced]);

  return (
    <div className="flex min-w-0 flex-[2_1_16rem] flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Search
      </label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={200}
        placeholder="File name, vendor or invoice number"
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches at once.
          if (event.key === "Enter") {
            sent.current = text.trim();
            onSearch(text.trim());
          }
        }}
        className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-sm"
      />
    </div>
  );
}
