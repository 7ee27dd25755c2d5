/**
 * The writes the app makes, as the screens ask for them (`submitWrite`) and as the outbox keeps
 * them (one row per write, `OutboxItem`). Every write carries an Idempotency-Key made when the
 * reviewer asked for it; the outbox row's id is that key, reused by every resend.
 */
import { ApiError } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import type { UploadAnswer, UploadProgress } from "@/lib/api/upload";
import type { OutboxItem } from "./db";
import type { ReviewFields } from "./types";

type DocumentRead = components["schemas"]["DocumentRead"];
type JobRead = components["schemas"]["JobRead"];

export type WriteRequest =
  | {
      kind: "upload";
      file: Blob;
      filename: string;
      idempotencyKey: string;
      onProgress?: (progress: UploadProgress) => void;
      signal?: AbortSignal;
    }
  | { kind: "review"; documentId: string; etag: string; fields: ReviewFields; idempotencyKey: string; label?: string }
  | { kind: "finalize"; documentId: string; idempotencyKey: string; label?: string }
  | { kind: "retry"; jobId: string; idempotencyKey: string; label?: string }
  | { kind: "cancel"; jobId: string; idempotencyKey: string; label?: string };

export interface WriteResults {
  upload: UploadAnswer;
  review: { document: DocumentRead; etag: string };
  finalize: { document: DocumentRead; etag: string };
  retry: JobRead;
  cancel: JobRead;
}

export type WriteResult<R extends WriteRequest> = WriteResults[R["kind"]];

/** What a person reads in the outbox for a write, and the document/job it belongs to (for ordering). */
export interface WriteDescription {
  label: string;
  documentId?: string | null;
  jobId?: string | null;
}

/** A queued row (and, for an upload, its stored bytes) back into the request that sends it (same key, same body). */
export function requestFromItem(
  item: OutboxItem,
  file: Blob | undefined,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): WriteRequest {
  const idempotencyKey = item.id;
  switch (item.kind) {
    case "upload":
      if (!file) throw new MissingFileError();
      return { kind: "upload", file, filename: item.filename ?? item.label, idempotencyKey, onProgress, signal };
    case "review":
      return { kind: "review", documentId: item.documentId ?? "", etag: item.etag ?? "", fields: item.fields ?? {}, idempotencyKey };
    case "finalize":
      return { kind: "finalize", documentId: item.documentId ?? "", idempotencyKey };
    case "retry":
      return { kind: "retry", jobId: item.jobId ?? "", idempotencyKey };
    case "cancel":
      return { kind: "cancel", jobId: item.jobId ?? "", idempotencyKey };
  }
}

/** An upload row whose file is gone: it cannot be sent (the engine stops it; Discard it). */
export class MissingFileError extends ApiError {
  constructor() {
    super(422, { code: "file_missing", message: "The file is no longer stored on this device." });
    this.name = "MissingFileError";
  }
}
