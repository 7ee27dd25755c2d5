import { ApiError, NetworkError } from "@/lib/api/errors";
import type { components } from "@/lib/api/schema";
import type { UploadAnswer } from "@/lib/api/upload";

export type UploadItem = components["schemas"]["UploadItem"];
/** An accepted file: its document and its job. */
export type AcceptedItem = Extract<UploadItem, { status: "accepted" }>;

/**
 * What the server said about one file, in the three outcomes the screen offers:
 * accepted (a document and its job), rejected (sending it again cannot help: too large,
 * unsupported type, empty …) or retryable (no answer, a server fault, the first try still
 * running — "Retry" sends it again with the same Idempotency-Key).
 */
export type Verdict =
  | { kind: "accepted"; item: AcceptedItem }
  | { kind: "rejected"; message: string }
  | { kind: "retryable"; message: string };

/** Statuses where the same request may well succeed later. */
const RETRYABLE_STATUSES = new Set([401, 408, 409, 425, 429]);

/** Words for an answer that came without the API's envelope (a proxy, a gateway). */
const FALLBACK_WORDS: Record<number, string> = {
  401: "Your session has ended. Sign in again, then retry.",
  403: "Your role may not upload.",
  409: "The server is still handling an earlier try of this file. Retry in a moment.",
  413: "The file is too large.",
  415: "This type of file is not supported: only PDF, PNG, JPEG, TIFF, plain text and e-invoice XML are accepted.",
  422: "The file was refused.",
  429: "Too many uploads at once. Retry in a moment.",
};

/** The 202 answer for a one-file request: its only item decides. */
export function verdictFromAnswer(answer: UploadAnswer | null | undefined): Verdict {
  const item = answer?.items?.[0];
  if (!item) return { kind: "retryable", message: "The server answered without a verdict for this file." };
  if (item.status === "accepted") return { kind: "accepted", item };
  return { kind: "rejected", message: item.error?.message ?? "The server refused this file." };
}

/** A failed request: the envelope's message, sorted into rejected or retryable. */
export function verdictFromError(error: unknown): Verdict {
  if (error instanceof ApiError) {
    const enveloped = !error.code.startsWith("http_");
    const retryable = RETRYABLE_STATUSES.has(error.status) || error.status >= 500;
    let message =
      error.status === 401
        ? FALLBACK_WORDS[401]
        : enveloped
          ? error.message
          : (FALLBACK_WORDS[error.status] ?? error.message);
    if (retryable && error.retryAfterSeconds !== null && error.retryAfterSeconds > 0) {
      message = `${message} Retry in ${Math.ceil(error.retryAfterSeconds)} s.`;
    }
    return { kind: retryable ? "retryable" : "rejected", message };
  }
  if (error instanceof NetworkError) return { kind: "retryable", message: error.message };
  if (error instanceof DOMException && error.name === "AbortError") {
    return { kind: "retryable", message: "The upload was stopped before it finished." };
  }
  return {
    kind: "retryable",
    message: error instanceof Error && error.message ? error.message : "The upload failed for an unknown reason.",
  };
}
