import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { ApiError } from "@/lib/api/errors";
import { queryKeys } from "@/lib/api/keys";
import { newIdempotencyKey, submitWrite, type ReviewFields, type SubmitOptions } from "@/offline/outbox";
import type { DocumentRead } from "../fields";
import type { DocumentDetail } from "./get-document";

/** The ETag of a version (as the API spells it), for answers that lack the header. */
export function etagOf(document: DocumentRead): string {
  return `"${document.extraction?.version ?? 0}"`;
}

/**
 * PUT /api/documents/{id}/review (through the one write path): only the changed fields, If-Match = `etag`.
 * Resolves when the server answers (offline: possibly hours later); `onQueued` says at once that
 * the edit is stored on this device.
 */
export async function saveReview(documentId: string, etag: string, fields: ReviewFields, options: SubmitOptions = {}): Promise<DocumentDetail> {
  const result = await submitWrite({ kind: "review", documentId, etag, fields, idempotencyKey: newIdempotencyKey() }, options);
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

/**
 * A version the server answered with (a save, a finalize, a resolved conflict): into the review
 * cache unless it already holds a newer one; the history and lists are marked stale.
 */
export function useApplySaved(documentId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (detail: DocumentDetail) => {
      const cached = queryClient.getQueryData<DocumentDetail>(queryKeys.document(documentId));
      const cachedVersion = cached?.document.extraction?.version ?? -1;
      const version = detail.document.extraction?.version ?? 0;
      // At the same version only a finalized copy is newer (never go back from finalized).
      const newer =
        version > cachedVersion ||
        (version === cachedVersion && detail.document.current_status === "finalized" && cached?.document.current_status !== "finalized");
      if (!cached || newer) queryClient.setQueryData(queryKeys.document(documentId), detail);
      void queryClient.invalidateQueries({ queryKey: queryKeys.documentHistory(documentId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.documentLists(), refetchType: "none" });
    },
    [queryClient, documentId],
  );
}

/**
 * Saves, then puts the new version in the review cache. `networkMode: "always"`: the outbox keeps
 * the write offline (a paused mutation would never reach it, and `onQueued` would never come).
 */
export function useSaveReview(documentId: string) {
  const applySaved = useApplySaved(documentId);
  return useMutation({
    networkMode: "always",
    mutationFn: ({ etag, fields, onQueued }: { etag: string; fields: ReviewFields; onQueued?: SubmitOptions["onQueued"] }) =>
      saveReview(documentId, etag, fields, { onQueued }),
    onSuccess: applySaved,
  });
}
