/**
 * Sends one write to the API now (no queue): the outbox's sync engine calls this for each item,
 * and `submitWrite` calls it directly where IndexedDB is not available.
 */
import { api, unwrap, unwrapWithResponse } from "@/lib/api/client";
import { uploadFile } from "@/lib/api/upload";
import type { WriteRequest, WriteResults } from "./write-request";

type DocumentRead = WriteResults["review"]["document"];

export async function sendDirect(request: WriteRequest): Promise<WriteResults[keyof WriteResults]> {
  const key = { "Idempotency-Key": request.idempotencyKey };
  switch (request.kind) {
    case "upload":
      return uploadFile(request.file, request.filename, {
        idempotencyKey: request.idempotencyKey,
        onProgress: request.onProgress,
        signal: request.signal,
      });
    case "review": {
      const { data, response } = await unwrapWithResponse(
        api.PUT("/api/documents/{document_id}/review", {
          params: { path: { document_id: request.documentId }, header: { "if-match": request.etag, "idempotency-key": request.idempotencyKey } },
          body: { fields: request.fields },
          headers: { ...key, "If-Match": request.etag },
        }),
      );
      return { document: data as DocumentRead, etag: response.headers.get("ETag") ?? "" };
    }
    case "finalize": {
      const { data, response } = await unwrapWithResponse(
        api.POST("/api/documents/{document_id}/finalize", {
          params: { path: { document_id: request.documentId } },
          headers: key,
        }),
      );
      return { document: data as DocumentRead, etag: response.headers.get("ETag") ?? "" };
    }
    case "retry":
      return unwrap(api.POST("/api/jobs/{job_id}/retry", { params: { path: { job_id: request.jobId } }, headers: key }));
    case "cancel":
      return unwrap(api.POST("/api/jobs/{job_id}/cancel", { params: { path: { job_id: request.jobId } }, headers: key }));
  }
}
