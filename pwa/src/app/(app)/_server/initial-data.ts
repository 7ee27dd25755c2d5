/**
 * A screen's first data, read while the Next server renders its HTML (for a browser that sends a
 * session cookie), so the reviewer sees the list or the document in the first paint instead of
 * after the scripts and two API round trips. Put in a QueryClient under the keys the screens use
 * and handed to the browser's cache (HydrationBoundary): the browser does not ask again while it
 * is fresh. Anything that fails here — no session, a 401, a slow or unreachable API — renders the
 * screen without data, and the browser loads it as before.
 *
 * Server code only. The service worker's precache fetches get no data (lib/api/server-client.ts):
 * the offline shell holds nothing of a user's.
 */
import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { cache } from "react";
import { fetchMe, meQueryOptions } from "@/features/auth/api/me";
import { documentsInfiniteQueryOptions, listDocuments } from "@/features/dashboard/api/list-documents";
import { filtersFromSearchParams, filtersToListParams } from "@/features/dashboard/schemas";
import { documentQueryOptions, getDocument } from "@/features/review/api/get-document";
import type { ApiClient } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import { sessionApiClient } from "@/lib/api/server-client";
import { readLatestSeq, type ResumePoint } from "@/lib/realtime/resume-point";

/** This request's API client (one per request: the layout and the page share it). */
const requestClient = cache((): Promise<ApiClient | null> => sessionApiClient());

/**
 * Runs `fill` on a fresh QueryClient and hands back what it got (nothing on any failure). With
 * `live`, the workspace's latest event seq is read first and handed over with the data as the
 * point the browser's live stream resumes from (lib/realtime/resume-point.ts).
 */
async function prefetched(
  fill: (queryClient: QueryClient, client: ApiClient) => Promise<void>,
  { live = false }: { live?: boolean } = {},
): Promise<DehydratedState | null> {
  const client = await requestClient();
  if (!client) return null;
  // Before the data: every event after it reaches the browser, whatever the data already shows.
  const seq = live ? await readLatestSeq(client) : null;
  // No retries: the browser asks again itself if this does not come through.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await fill(queryClient, client);
  // What is handed over: the answers that came through (what `dehydrate` keeps).
  const read = queryClient.getQueryCache().findAll({ predicate: (query) => query.state.status === "success" });
  if (!read.length) return null;
  if (seq !== null) {
    const point: ResumePoint = { seq, covers: read.map((query) => query.queryHash) };
    queryClient.setQueryData(queryKeys.resumePoint(), point);
  }
  return dehydrate(queryClient);
}

/** Who is signed in (the app shell's header and every screen's permissions). */
export function sessionData(): Promise<DehydratedState | null> {
  return prefetched((queryClient, client) => queryClient.prefetchQuery({ ...meQueryOptions(), queryFn: () => fetchMe(client) }));
}

/** The dashboard's first page under the URL's filters (the same key the dashboard uses). */
export function dashboardData(search: Record<string, string | string[] | undefined>): Promise<DehydratedState | null> {
  const params = filtersToListParams(filtersFromSearchParams(toSearchParams(search)));
  return prefetched((queryClient, client) =>
    queryClient.prefetchInfiniteQuery({
      ...documentsInfiniteQueryOptions(params),
      queryFn: ({ pageParam }) => listDocuments(params, pageParam, undefined, client),
    }),
    { live: true },
  );
}

/** The review screen's document (its fields, job and file's kind) with its ETag. */
export function reviewData(documentId: string): Promise<DehydratedState | null> {
  return prefetched((queryClient, client) =>
    queryClient.prefetchQuery({ ...documentQueryOptions(documentId), queryFn: () => getDocument(documentId, client) }),
    { live: true },
  );
}

function toSearchParams(search: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, one);
  }
  return params;
}
