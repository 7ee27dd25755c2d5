import type { QueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { components } from "@/lib/api/schema";
import { FILES_CACHE } from "@/lib/pwa/offline-data";
import { storageFacts, type StorageFacts } from "@/offline/storage";
import { documentQueryOptions } from "../api/get-document";
import { documentFileUrl } from "../components/document-viewer/use-document-file-url";

type DocumentListItem = components["schemas"]["DocumentListItem"];

/**
 * Offline review of what is waiting: the newest documents that still need review (completed, not
 * finalized) keep their data (the review detail, in the persisted query cache) and their file (in
 * the service worker's "docflow-files" cache), within a budget, so a reviewer who goes offline can
 * still review them. Documents the reviewer opened are kept anyway (the screen fetched them).
 */
export interface OfflinePrefetchLimits {
  /** How many of the newest documents needing review (the "up to 50"). */
  documents: number;
  /** Total bytes of files fetched in one run. */
  budgetBytes: number;
  /** A larger file is left for online review. */
  maxFileBytes: number;
  /** Stop when the origin's usage reaches this share of its quota (queued uploads come first). */
  maxUsageShare: number;
}

export const OFFLINE_PREFETCH_LIMITS: OfflinePrefetchLimits = {
  documents: 50,
  budgetBytes: 100 * 1024 * 1024,
  maxFileBytes: 20 * 1024 * 1024,
  maxUsageShare: 0.5,
};

export interface OfflinePrefetchDeps {
  listNeedingReview(limit: number): Promise<DocumentListItem[]>;
  /** Puts the review detail in the query cache unless a fresh one is there. */
  prefetchDetail(id: string): Promise<void>;
  hasFile(id: string): Promise<boolean>;
  /** Fetches the file through the service worker, which keeps it. */
  fetchFile(id: string): Promise<void>;
  storage(): Promise<StorageFacts>;
  online(): boolean;
}

export interface OfflinePrefetchReport {
  details: number;
  files: number;
  /** Files left out: too large, over the budget or the storage share. */
  skippedFiles: number;
  /** The run stopped early (offline, cancelled or a request failed). */
  stopped: boolean;
}

function overStorageShare(facts: StorageFacts, share: number): boolean {
  return facts.usage !== null && facts.quota !== null && facts.quota > 0 && facts.usage / facts.quota >= share;
}

/** One run, one document at a time (it must never compete with the reviewer's own requests). */
export async function prefetchForOffline(
  deps: OfflinePrefetchDeps,
  limits: OfflinePrefetchLimits = OFFLINE_PREFETCH_LIMITS,
  signal?: AbortSignal,
): Promise<OfflinePrefetchReport> {
  const report: OfflinePrefetchReport = { details: 0, files: 0, skippedFiles: 0, stopped: false };
  const stop = () => signal?.aborted === true || !deps.online();
  try {
    if (stop()) return { ...report, stopped: true };
    const items = await deps.listNeedingReview(limits.documents);
    let bytes = 0;
    for (const item of items.slice(0, limits.documents)) {
      if (stop()) return { ...report, stopped: true };
      await deps.prefetchDetail(item.id);
      report.details += 1;
      if (await deps.hasFile(item.id)) continue;
      const fits = item.file_size <= limits.maxFileBytes && bytes + item.file_size <= limits.budgetBytes;
      if (!fits || overStorageShare(await deps.storage(), limits.maxUsageShare)) {
        report.skippedFiles += 1;
        continue;
      }
      if (stop()) return { ...report, stopped: true };
      await deps.fetchFile(item.id);
      bytes += item.file_size;
      report.files += 1;
    }
    return report;
  } catch {
    // Offline review is best effort: the next run (online again, or later) goes on.
    return { ...report, stopped: true };
  }
}

/** Whether the service worker's file cache holds `path` (true without a controlling worker: nothing would keep it). */
async function keptOffline(path: string): Promise<boolean> {
  if (typeof caches === "undefined" || !navigator.serviceWorker?.controller) return true;
  const cache = await caches.open(FILES_CACHE);
  return (await cache.match(new URL(path, window.location.origin).href)) !== undefined;
}

/** Fetches `path` through the service worker, which keeps its copy as it streams. */
async function fetchThroughWorker(path: string): Promise<void> {
  const response = await fetch(path, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  await response.arrayBuffer(); // read to the end
}

/** The browser's parts: the API, the query cache and the service worker's file cache. */
export function browserPrefetchDeps(queryClient: QueryClient): OfflinePrefetchDeps {
  return {
    async listNeedingReview(limit) {
      const list = await unwrap(
        api.GET("/api/documents", { params: { query: { status: ["completed"], finalized: false, sort: "-uploaded_at", limit } } }),
      );
      return list.items;
    },
    async prefetchDetail(id) {
      // Fresh enough when fetched in the last 10 minutes (the live connection patches it meanwhile).
      const options = documentQueryOptions(id);
      await queryClient.prefetchQuery({ ...options, staleTime: 10 * 60_000 });
      // The picture of its first page (tens of kB) goes with the data: the review screen shows it
      // offline as online, before PDF.js has drawn the page from the kept file.
      const preview = queryClient.getQueryData(options.queryKey)?.document.preview;
      // A picture that fails to come is no reason to stop the run (the page is drawn from the file).
      if (preview && !(await keptOffline(preview.url))) await fetchThroughWorker(preview.url).catch(() => undefined);
    },
    hasFile: (id) => keptOffline(documentFileUrl(id)),
    fetchFile: (id) => fetchThroughWorker(documentFileUrl(id)),
    storage: () => storageFacts(),
    online: () => navigator.onLine,
  };
}
