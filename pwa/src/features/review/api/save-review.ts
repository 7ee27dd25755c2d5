import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api/errors";
import { queryKeys } from "@/lib/api/keys";
import { newIdempotencyKey, submitWrite, type ReviewFields } from "@/offline/outbox";
import type { DocumentRead } from "../fields";
import type { DocumentDetail } from "./get-document";

/** The ETag of a version (as the API spells it), for answers that lack the header. */
export function etagOf(document: DocumentRead): string {
  return `"${document.extraction?.version ?? 0}"`;
}

/** PUT /api/documents/{id}/review (through the one write path): only the changed fields, If-Match = `etag`. */
export async function saveReview(documentId: string, etag: string, fields: ReviewFields): Promise<DocumentDetail> {
  const result = await submitWrite({ kind: "review", documentId, etag, fields, idempotencyKey: newIdempotencyKey() });
  return { document: result.document, etag: result.etag || etagOf(result.document) };
}

/**
 * The server's copy carried by a 412 (`version_conflict`: details.current is the document, details.version
 * its version) — what the conflict view compares with.
 */
export function conflictCopy(error: unknown): DocumentDetail | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const details = error.details as { current?: DocumentRead; version?: number } | null | undefined;
  if (!details?.current) return null;
  const version = details.version ?? details.current.extraction?.version ?? 0;
  return { document: details.current, etag: `"${version}"` };
}

/** Saves, then puts the new version in the review cache and marks the history and lists stale. */
export function useSaveReview(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, fields }: { etag: string; fields: ReviewFields }) => saveReview(documentId, etag, fields),
    onSuccess: (detail) => {
      queryClient.setQueryData(queryKeys.document(documentId), detail);
      void queryClient.invalidateQueries({ queryKey: queryKeys.documentHistory(documentId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.documentLists(), refetchType: "none" });
    },
  });
}
