import { useMutation } from "@tanstack/react-query";
import { newIdempotencyKey, submitWrite, type SubmitOptions } from "@/offline/outbox";
import type { DocumentDetail } from "./get-document";
import { etagOf, useApplySaved } from "./save-review";

/**
 * POST /api/documents/{id}/finalize. No If-Match: the outbox may queue a finalize behind an edit of the
 * same document (which moves the version on), so the screen blocks finalize while edits are unsaved.
 * Resolves when the server answers; `onQueued` says at once that it waits on this device.
 */
export async function finalizeDocument(documentId: string, options: SubmitOptions = {}): Promise<DocumentDetail> {
  const result = await submitWrite({ kind: "finalize", documentId, idempotencyKey: newIdempotencyKey() }, options);
  return { document: result.document, etag: result.etag || etagOf(result.document) };
}

/** `networkMode: "always"`: offline the outbox keeps it (a paused mutation would never be queued). */
export function useFinalizeDocument(documentId: string) {
  const applySaved = useApplySaved(documentId);
  return useMutation({
    networkMode: "always",
    mutationFn: ({ onQueued }: { onQueued?: SubmitOptions["onQueued"] } = {}) => finalizeDocument(documentId, { onQueued }),
    onSuccess: applySaved,
  });
}
