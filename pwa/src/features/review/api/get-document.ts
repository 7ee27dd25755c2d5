import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrapWithResponse, type ApiClient } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { DocumentDetail } from "@/lib/realtime/event-reducer";
import type { DocumentRead } from "../fields";

/** The review detail as cached (the live connection keeps it up to date). */
export type { DocumentDetail } from "@/lib/realtime/event-reducer";

/** GET /api/documents/{id}: the document with its job and extraction, and its ETag. */
export async function getDocument(id: string, client: ApiClient = api): Promise<DocumentDetail> {
  const { data, response } = await unwrapWithResponse(
    client.GET("/api/documents/{document_id}", { params: { path: { document_id: id } } }),
  );
  // The operation declares no response model yet (schema.d.ts says `unknown`); the API answers
  // DocumentRead (api/docflow/document/endpoints.py get_document).
  const document = data as DocumentRead;
  const version = document.extraction?.version ?? 0;
  return { document, etag: response.headers.get("ETag") ?? `"${version}"` };
}

export function documentQueryOptions(id: string) {
  return queryOptions({ queryKey: queryKeys.document(id), queryFn: () => getDocument(id) });
}

export function useDocument(id: string) {
  return useQuery(documentQueryOptions(id));
}
