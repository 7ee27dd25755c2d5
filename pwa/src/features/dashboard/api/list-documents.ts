import { infiniteQueryOptions, useInfiniteQuery, keepPreviousData, type InfiniteData } from "@tanstack/react-query";
import { api, unwrap, type ApiClient } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";
import type { DocumentListParams } from "../schemas";

export type DocumentList = components["schemas"]["DocumentList"];
export type DocumentListItem = components["schemas"]["DocumentListItem"];
export type Job = components["schemas"]["JobRead"];
/** The cache entry of one list (the live connection patches it in place: keep this shape). */
export type DocumentListData = InfiniteData<DocumentList, string | null>;

/** GET /api/documents: one page of the workspace's documents under these filters. */
export async function listDocuments(
  params: DocumentListParams,
  cursor: string | null,
  signal?: AbortSignal,
  client: ApiClient = api,
): Promise<DocumentList> {
  return unwrap(
    client.GET("/api/documents", {
      params: { query: { ...params, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function documentsInfiniteQueryOptions(params: DocumentListParams) {
  return infiniteQueryOptions({
    queryKey: queryKeys.documentList(params),
    queryFn: ({ pageParam, signal }) => listDocuments(params, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });
}

/** The dashboard's list; while a new filter loads, the previous rows stay on screen. */
export function useDocuments(params: DocumentListParams) {
  return useInfiniteQuery({ ...documentsInfiniteQueryOptions(params), placeholderData: keepPreviousData });
}
