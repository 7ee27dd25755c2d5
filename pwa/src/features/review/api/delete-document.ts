import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { DocumentDetail } from "./get-document";

/**
 * DELETE /api/documents/{id}: the document, its file, job, events and results go (a running job is
 * cancelled first). Online only — not through the outbox: a deletion is confirmed in a dialog and
 * must not happen later, unseen. A finalized document only an admin may delete (409 otherwise).
 */
export async function deleteDocument(documentId: string): Promise<void> {
  await unwrap(api.DELETE("/api/documents/{document_id}", { params: { path: { document_id: documentId } } }));
}

export function useDeleteDocument(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteDocument(documentId),
    onSuccess: () => {
      // The screen says it is gone (nothing asks the server for it again: that would be a 404).
      queryClient.setQueryData<DocumentDetail>(queryKeys.document(documentId), (detail) => (detail ? { ...detail, deleted: true } : detail));
      // The live `document_deleted` event drops the row at once; this covers a connection that is down.
      return queryClient.invalidateQueries({ queryKey: queryKeys.documentLists() });
    },
  });
}
