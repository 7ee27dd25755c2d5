/**
 * The one write path of the app. Every write — upload, review save, finalize, retry, cancel —
 * goes through `submitWrite`, carrying an Idempotency-Key made when the reviewer asked for it and
 * reused by every resend. Today it sends at once; the offline outbox (IndexedDB queue + sync
 * engine) takes over behind this same function.
 */
import { api, unwrap, unwrapWithResponse } from "@/lib/api/client";
import type { components } from "@/lib/api/schema";
import { uploadFile, type UploadAnswer, type UploadProgress } from "@/lib/api/upload";

type DocumentRead = components["schemas"]["DocumentRead"];
type JobRead = components["schemas"]["JobRead"];

import type { ReviewFields } from "./types";

export type { ReviewFields };

export type WriteRequest =
  | {
      kind: "upload";
      file: Blob;
      filename: string;
      idempotencyKey: string;
      onProgress?: (progress: UploadProgress) => void;
      signal?: AbortSignal;
    }
  | { kind: "review"; documentId: string; etag: string; fields: ReviewFields; idempotencyKey: string }
  | { kind: "finalize"; documentId: string; idempotencyKey: string }
  | { kind: "retry"; jobId: string; idempotencyKey: string }
  | { kind: "cancel"; jobId: string; idempotencyKey: string };

export interface WriteResults {
  upload: UploadAnswer;
  review: { document: DocumentRead; etag: string };
  finalize: { document: DocumentRead; etag: string };
  retry: JobRead;
  cancel: JobRead;
}

export type WriteResult<R extends WriteRequest> = WriteResults[R["kind"]];

/** A fresh Idempotency-Key for a write the reviewer just asked for. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export async function submitWrite<R extends WriteRequest>(request: R): Promise<WriteResult<R>> {
  return (await send(request)) as WriteResult<R>;
}

async function send(request: WriteRequest): Promise<WriteResults[keyof WriteResults]> {
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
      return unwrap(
        api.POST("/api/jobs/{job_id}/retry", { params: { path: { job_id: request.jobId } }, headers: key }),
      );
    case "cancel":
      return unwrap(
        api.POST("/api/jobs/{job_id}/cancel", { params: { path: { job_id: request.jobId } }, headers: key }),
      );
  }
}
