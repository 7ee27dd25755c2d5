import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";

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
    // The live `document_deleted` event drops the row at once; this covers a connection that is down.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.documentLists() }),
  });
}
