"use client";

import { useCallback, useDeferredValue, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { usePhoneHint } from "@/components/ui/device-hint";
import { useFormat } from "@/components/ui/format-context";
import type { Format } from "@/components/ui/format";
import { errorMessage } from "@/lib/api/errors";
import { useDocuments } from "../api/list-documents";
import { useDashboardFilters } from "../hooks/use-dashboard-filters";
import { useLoadMore } from "../hooks/use-load-more";
import { useMediaQuery } from "../hooks/use-media-query";
import { useReviewQueue } from "../hooks/use-review-queue";
import { EMPTY_FILTERS, filtersToListParams, hasActiveFilters, nextSort, STATUSES, type DashboardFilters, type SortKey } from "../schemas";
import { DocumentCards } from "./document-cards";
import { DocumentTable } from "./document-table";
import { ExportMenu } from "./export-menu";
import { FilterBar } from "./filter-bar";
import { EmptyState, ErrorState, ListSkeleton, NoMatches } from "./list-states";

export interface DashboardProps {
  /** The signed-in role may retry, cancel and upload (controls it may not use are not shown). */
  canWrite: boolean;
  canExport: boolean;
}

/**
 * The dashboard `/`: every document of the workspace, filtered by the URL, updating live. The
 * role's permissions come from the route (features do not import the auth feature).
 */
export function Dashboard({ canWrite, canExport }: DashboardProps) {
  const { filters, setFilters, query } = useDashboardFilters();
  const params = useMemo(() => filtersToListParams(filters), [filters]);
  const list = useDocuments(params);
  const phone = useMediaQuery("(max-width: 639px)", usePhoneHint());
  const format = useFormat();

  const pages = list.data?.pages;
  const items = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  // The rows render in an interruptible pass (React yields to input and paint every few
  // milliseconds): fifty rows arriving at once, or a filter's answer, never block the page.
  const rows = useDeferredValue(items);
  const first = pages?.[0];
  const counts = first?.counts ?? null;
  const countsCapped = first?.counts_capped ?? false;
  // What the filters hold in all (the counts ignore the status filter, so add up the chosen ones).
  const total = counts && !countsCapped
    ? (filters.statuses.length ? filters.statuses : [...STATUSES]).reduce<number>((sum, status) => sum + (counts[status] ?? 0), 0)
    : null;

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError, isFetching } = list;
  // Not while any fetch runs (a refetch of the loaded pages included): when it ends the sentinel
  // is looked at again, so a list left short by a refetch still grows.
  const canLoadMore = Boolean(hasNextPage) && !isFetching && !isFetchNextPageError;
  const loadMore = useCallback(() => {
    if (canLoadMore) void fetchNextPage();
  }, [canLoadMore, fetchNextPage]);
  const sentinelRef = useLoadMore(loadMore, canLoadMore, items.length);

  useReviewQueue(
    items.map((item) => item.id),
    query,
    Boolean(list.data) && !list.isPlaceholderData,
  );

  const onChange = useCallback((update: Partial<DashboardFilters>) => setFilters(update), [setFilters]);
  const onClear = useCallback(() => setFilters({ ...EMPTY_FILTERS }), [setFilters]);
  const onSort = useCallback((key: SortKey) => setFilters((current) => ({ ...current, sort: nextSort(current.sort, key) })), [setFilters]);

  const filtered = hasActiveFilters(filters);
  let body: React.ReactNode;
  if (!list.data && list.isError) {
    body = <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />;
  } else if (!list.data) {
    body = <ListSkeleton />;
  } else if (items.length === 0) {
    body = filtered ? <NoMatches onClear={onClear} /> : <EmptyState canWrite={canWrite} />;
  } else if (rows.length === 0) {
    body = <ListSkeleton />;
  } else if (phone) {
    body = <DocumentCards items={rows} canWrite={canWrite} />;
  } else {
    body = <DocumentTable items={rows} total={total} sort={filters.sort} onSort={onSort} canWrite={canWrite} />;
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Documents</h1>
          <p role="status" className="text-sm text-slate-600">
            {!list.data && list.isError
              ? "Not loaded"
              : summary(format, list.data ? items.length : null, total, Boolean(hasNextPage), list.isPlaceholderData)}
          </p>
        </div>
        {canExport ? <ExportMenu filters={filters} /> : null}
      </div>
      <FilterBar filters={filters} onChange={onChange} onClear={onClear} counts={counts} countsCapped={countsCapped} />
      {list.data && list.isError && !list.isFetchNextPageError ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          The list could not be refreshed: {errorMessage(list.error)}
        </p>
      ) : null}
      <div className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={list.isPlaceholderData || undefined}>
        {body}
      </div>
      {list.data && hasNextPage ? (
        <div ref={sentinelRef} className="flex flex-col items-center gap-2 py-4">
          {isFetchNextPageError ? (
            <>
              <p role="alert" className="text-sm text-red-800">
                More documents could not be loaded: {errorMessage(list.error)}
              </p>
              <Button onClick={() => void fetchNextPage()}>Try again</Button>
            </>
          ) : (
            <Button variant="ghost" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
              {isFetchingNextPage ? "Loading more…" : "Load more"}
            </Button>
          )}
        </div>
      ) : null}
    </div>
  );
}

function summary(format: Format, loaded: number | null, total: number | null, more: boolean, updating: boolean): string {
  if (loaded === null) return "Loading…";
  const suffix = updating ? " · updating…" : "";
  if (more) {
    return total !== null
      ? `Showing ${format.number(loaded)} of ${format.number(total)} documents${suffix}`
      : `Showing the first ${format.number(loaded)} documents${suffix}`;
  }
  return `${format.number(loaded)} ${loaded === 1 ? "document" : "documents"}${suffix}`;
}
