/**
 * Where the live stream of a server-rendered screen starts. The Next server reads the workspace's
 * latest event seq (`GET /api/events/latest`) before it reads the screen's data, and hands both to
 * the browser: the browser's live connection then subscribes with `after` = that seq, so the
 * events that happened after the data was read are replayed into it, and nothing is fetched a
 * second time. (Without one, the stream starts blind and every live entry is refetched once.)
 * Seq order is commit order on the API side, so no event below the seq can still appear.
 *
 * Shared by the server (initial-data.ts) and the browser (live-runtime.ts); no browser APIs here.
 */
import type { Query, QueryClient } from "@tanstack/react-query";
import { unwrap, type ApiClient } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";

export interface ResumePoint {
  /** The workspace's latest seq, read before the data. */
  seq: number;
  /** The query hashes whose data was read after it (the screen's server-rendered entries). */
  covers: string[];
}

/** GET /api/events/latest with the server's client; null when it cannot be read (no resume point, then). */
export async function readLatestSeq(client: ApiClient): Promise<number | null> {
  try {
    return (await unwrap(client.GET("/api/events/latest"))).seq;
  } catch {
    return null;
  }
}

function isResumePoint(value: unknown): value is ResumePoint {
  const point = value as Partial<ResumePoint> | null;
  return typeof point?.seq === "number" && Number.isSafeInteger(point.seq) && point.seq >= 0 && Array.isArray(point.covers);
}

/**
 * The resume point the server handed over, taken out of the cache (a later restart of the
 * connection must not resume from it again), with the rule for what it covers: the entries the
 * server read after it and, given `pageStartedAt` (the page's own first point), whatever this page
 * fetched itself (its requests all began after the server had answered). Other entries — restored
 * from the device's copy — are refetched as before.
 */
export function takeResumePoint(
  queryClient: QueryClient,
  pageStartedAt?: number,
): { seq: number; covers: (query: Query) => boolean } | null {
  const value = queryClient.getQueryData<unknown>(queryKeys.resumePoint());
  queryClient.removeQueries({ queryKey: queryKeys.resumePoint(), exact: true });
  if (!isResumePoint(value)) return null;
  const hashes = new Set(value.covers);
  return {
    seq: value.seq,
    covers: (query) =>
      hashes.has(query.queryHash) ||
      (pageStartedAt !== undefined && query.state.status === "success" && query.state.dataUpdatedAt >= pageStartedAt),
  };
}
