import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";

export type FieldChange = components["schemas"]["FieldChangeRead"];

/** GET /api/documents/{id}/history: every edit (old → new, with the extracted value) and the finalize. */
export async function getDocumentHistory(id: string): Promise<FieldChange[]> {
  const data = await unwrap(api.GET("/api/documents/{document_id}/history", { params: { path: { document_id: id } } }));
  return data.items;
}

export function documentHistoryQueryOptions(id: string) {
  return queryOptions({ queryKey: queryKeys.documentHistory(id), queryFn: () => getDocumentHistory(id) });
}

export function useDocumentHistory(id: string, enabled = true) {
  return useQuery({ ...documentHistoryQueryOptions(id), enabled });
}
