import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/keys";
import { newIdempotencyKey, submitWrite } from "@/offline/outbox";
import type { DocumentDetail } from "./get-document";
import { etagOf } from "./save-review";

/**
 * POST /api/documents/{id}/finalize. No If-Match: the outbox may queue a finalize behind an edit of the
 * same document (which moves the version on), so the screen blocks finalize while edits are unsaved.
 */
export async function finalizeDocument(documentId: string): Promise<DocumentDetail> {
  const result = await submitWrite({ kind: "finalize", documentId, idempotencyKey: newIdempotencyKey() });
  return { document: result.document, etag: result.etag || etagOf(result.document) };
}

export function useFinalizeDocument(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => finalizeDocument(documentId),
    onSuccess: (detail) => {
      queryClient.setQueryData(queryKeys.document(documentId), detail);
      void queryClient.invalidateQueries({ queryKey: queryKeys.documentHistory(documentId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.documentLists(), refetchType: "none" });
    },
  });
}
