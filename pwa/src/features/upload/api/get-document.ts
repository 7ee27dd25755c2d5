import { queryOptions, useQueries } from "@tanstack/react-query";
import { api, unwrapWithResponse } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";

export type DocumentRead = components["schemas"]["DocumentRead"];

/** The shared cache shape of queryKeys.document(id), which the live connection patches in place. */
export interface DocumentEntry {
  document: DocumentRead;
  etag: string;
}

/** Job states after which nothing moves any more (until someone retries). */
const ENDED = new Set(["completed", "failed", "cancelled", "finalized"]);

export function hasEnded(entry: DocumentEntry | undefined): boolean {
  if (!entry) return false;
  const status = entry.document.job?.status ?? entry.document.current_status;
  return ENDED.has(status) || ENDED.has(entry.document.current_status);
}

/** GET /api/documents/{id}: the document, its latest job and the version (ETag). */
export async function getDocument(id: string): Promise<DocumentEntry> {
  const { data, response } = await unwrapWithResponse(
    api.GET("/api/documents/{document_id}", { params: { path: { document_id: id } } }),
  );
  // The OpenAPI document declares no response model for this route yet (the API side is being
  // completed); the body is a DocumentRead.
  return { document: data as DocumentRead, etag: response.headers.get("ETag") ?? "" };
}

/**
 * Follows an uploaded document's job through the shared cache entry. Live events patch it in
 * place; while the job runs a slow refetch (15 s) is only a safety net for a missed event.
 */
export function uploadedDocumentQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.document(id),
    queryFn: () => getDocument(id),
    refetchInterval: (query) => (hasEnded(query.state.data) ? false : 15_000),
  });
}

/** The uploaded documents' cache entries, in the order of `ids`. */
export function useUploadedDocuments(ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => uploadedDocumentQueryOptions(id)) });
}
