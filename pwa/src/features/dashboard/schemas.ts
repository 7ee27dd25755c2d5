/**
 * The dashboard's filters and their two spellings: the page URL (shareable, survives a reload)
 * and the API's `GET /documents` / `GET /exports` query (api/docflow/document/params.py).
 * Both use the API's parameter names, so a dashboard URL reads like the request it makes.
 */
import type { operations } from "@/lib/api/schema";

export const STATUSES = ["queued", "processing", "completed", "failed", "cancelled", "finalized"] as const;
export type Status = (typeof STATUSES)[number];

export const SORT_KEYS = ["uploaded_at", "filename", "status", "vendor", "total", "invoice_date"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = SortKey | `-${SortKey}`;

export const DEFAULT_SORT: Sort = "-uploaded_at";

/** The direction a column sorts in when first chosen: newest / largest first for dates and totals. */
export const FIRST_DIRECTION: Record<SortKey, "asc" | "desc"> = {
  uploaded_at: "desc",
  filename: "asc",
  status: "asc",
  vendor: "asc",
  total: "desc",
  invoice_date: "desc",
};

export type FinalizedFilter = "all" | "yes" | "no";

export interface DashboardFilters {
  q: string;
  statuses: Status[];
  finalized: FinalizedFilter;
  /** YYYY-MM-DD, inclusive, or "". */
  uploadedFrom: string;
  /** YYYY-MM-DD, that whole day included, or "". */
  uploadedTo: string;
  sort: Sort;
}

export const EMPTY_FILTERS: DashboardFilters = {
  q: "",
  statuses: [],
  finalized: "all",
  uploadedFrom: "",
  uploadedTo: "",
  sort: DEFAULT_SORT,
};

/** The list endpoint's query, without the cursor (that is the infinite query's page param). */
export type DocumentListParams = Omit<NonNullable<operations["documents-list"]["parameters"]["query"]>, "cursor">;

export const PAGE_SIZE = 50;
const MAX_Q = 200;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

export function isSort(value: string): value is Sort {
  return (SORT_KEYS as readonly string[]).includes(value.replace(/^-/, ""));
}

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function sortKey(sort: Sort): SortKey {
  return sort.replace(/^-/, "") as SortKey;
}

export function sortDirection(sort: Sort): "asc" | "desc" {
  return sort.startsWith("-") ? "desc" : "asc";
}

/** Clicking a column header: the same column flips direction, another starts in its first direction. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (sortKey(current) === key) return (sortDirection(current) === "asc" ? `-${key}` : key) as Sort;
  return (FIRST_DIRECTION[key] === "desc" ? `-${key}` : key) as Sort;
}

/** A "to" date before the "from" date: the API refuses it, so the page says so and leaves "to" out. */
export function dateRangeInvalid(filters: Pick<DashboardFilters, "uploadedFrom" | "uploadedTo">): boolean {
  return Boolean(filters.uploadedFrom && filters.uploadedTo && filters.uploadedTo < filters.uploadedFrom);
}

/** Read the filters from the page URL; anything unknown or malformed is ignored, not an error. */
export function filtersFromSearchParams(search: URLSearchParams | { get(name: string): string | null; getAll(name: string): string[] }): DashboardFilters {
  const q = (search.get("q") ?? "").trim().slice(0, MAX_Q);
  const wanted = new Set(search.getAll("status").flatMap((value) => value.split(",")).filter(isStatus));
  const statuses = STATUSES.filter((status) => wanted.has(status));
  const finalizedRaw = search.get("finalized");
  const finalized: FinalizedFilter = finalizedRaw === "true" ? "yes" : finalizedRaw === "false" ? "no" : "all";
  const from = search.get("uploaded_from") ?? "";
  const to = search.get("uploaded_to") ?? "";
  const sortRaw = search.get("sort") ?? "";
  return {
    q,
    statuses,
    finalized,
    uploadedFrom: isIsoDate(from) ? from : "",
    uploadedTo: isIsoDate(to) ? to : "",
    sort: isSort(sortRaw) ? sortRaw : DEFAULT_SORT,
  };
}

/** The page URL's query for these filters: only what differs from the defaults, in a stable order. */
export function filtersToSearchParams(filters: DashboardFilters): URLSearchParams {
  const search = new URLSearchParams();
  const q = filters.q.trim();
  if (q) search.set("q", q);
  for (const status of STATUSES) if (filters.statuses.includes(status)) search.append("status", status);
  if (filters.finalized !== "all") search.set("finalized", filters.finalized === "yes" ? "true" : "false");
  if (filters.uploadedFrom) search.set("uploaded_from", filters.uploadedFrom);
  if (filters.uploadedTo) search.set("uploaded_to", filters.uploadedTo);
  if (filters.sort !== DEFAULT_SORT) search.set("sort", filters.sort);
  return search;
}

/**
 * The API query for these filters (also the list's query-key params, so it only holds what was
 * set: the same filters always give the same key).
 */
export function filtersToListParams(filters: DashboardFilters, limit = PAGE_SIZE): DocumentListParams {
  const params: DocumentListParams = { sort: filters.sort, limit };
  const q = filters.q.trim();
  if (q) params.q = q;
  if (filters.statuses.length > 0) params.status = STATUSES.filter((status) => filters.statuses.includes(status));
  if (filters.finalized !== "all") params.finalized = filters.finalized === "yes";
  if (filters.uploadedFrom) params.uploaded_from = filters.uploadedFrom;
  if (filters.uploadedTo && !dateRangeInvalid(filters)) params.uploaded_to = filters.uploadedTo;
  return params;
}

/** `GET /api/exports` for the finalized documents among these filters (same filters and order). */
export function exportHref(filters: DashboardFilters, format: "csv" | "json"): string {
  const search = new URLSearchParams({ format });
  const params = filtersToListParams(filters);
  if (params.q) search.set("q", params.q);
  for (const status of params.status ?? []) search.append("status", status);
  if (params.finalized !== undefined && params.finalized !== null) search.set("finalized", String(params.finalized));
  if (params.uploaded_from) search.set("uploaded_from", params.uploaded_from);
  if (params.uploaded_to) search.set("uploaded_to", params.uploaded_to);
  if (params.sort) search.set("sort", params.sort);
  return `/api/exports?${search.toString()}`;
}

export function hasActiveFilters(filters: DashboardFilters): boolean {
  return Boolean(
    filters.q.trim() || filters.statuses.length || filters.finalized !== "all" || filters.uploadedFrom || filters.uploadedTo,
  );
}
