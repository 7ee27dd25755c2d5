import { describe, expect, it } from "vitest";
import { ApiError, NetworkError, toApiError } from "@/lib/api/errors";
import { verdictFromAnswer, verdictFromError } from "./verdict";

const envelope = (code: string, message: string) => ({ error: { code, message } });

describe("verdictFromError", () => {
  it.each([
    [413, "payload_too_large", "The file is larger than 25 MB."],
    [415, "unsupported_media_type", "Unsupported file type: only PDF, PNG, JPEG, TIFF and plain text are accepted."],
    [422, "empty_file", "The file is empty."],
    [422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request."],
    [403, "forbidden", "Your role may not do this."],
  ])("%i %s is rejected with the envelope's message", (status, code, message) => {
    expect(verdictFromError(toApiError(status, envelope(code, message)))).toEqual({ kind: "rejected", message });
  });

  it.each([
    [409, "conflict", "A request with this Idempotency-Key is still running."],
    [500, "internal_error", "Something went wrong on the server."],
    [503, "service_unavailable", "Redis is not reachable."],
  ])("%i %s can be retried", (status, code, message) => {
    expect(verdictFromError(toApiError(status, envelope(code, message)))).toEqual({ kind: "retryable", message });
  });

  it("says when to retry if the server said so", () => {
    const error = toApiError(429, envelope("rate_limited", "Too many requests."), "7");
    expect(verdictFromError(error)).toEqual({ kind: "retryable", message: "Too many requests. Retry in 7 s." });
  });

  it("uses plain words when the answer had no envelope", () => {
    expect(verdictFromError(toApiError(413, "<html>nginx</html>"))).toEqual({ kind: "rejected", message: "The file is too large." });
    expect(verdictFromError(toApiError(502, null))).toMatchObject({ kind: "retryable" });
  });

  it("asks to sign in again on a 401, keeping the file to retry", () => {
    const verdict = verdictFromError(new ApiError(401, { code: "unauthorized", message: "Not authenticated" }));
    expect(verdict).toEqual({ kind: "retryable", message: "Your session has ended. Sign in again, then retry." });
  });

  it("treats no answer at all as retryable", () => {
    expect(verdictFromError(new NetworkError())).toEqual({ kind: "retryable", message: new NetworkError().message });
    expect(verdictFromError(new DOMException("x", "AbortError"))).toMatchObject({ kind: "retryable" });
    expect(verdictFromError("weird")).toMatchObject({ kind: "retryable" });
  });
});

describe("verdictFromAnswer", () => {
  it("accepts an accepted item with its document", () => {
    const item = {
      filename: "a.pdf",
      status: "accepted" as const,
      duplicate_of: "d-1",
      document: {
        id: "d-2",
        original_filename: "a.pdf",
        mime_type: "application/pdf",
        file_size: 1,
        sha256: "x",
        uploaded_at: "2026-12-04T10:00:00Z",
        current_status: "queued",
        duplicate_of: "d-1",
      },
      job: {
        id: "j-2",
        document_id: "d-2",
        status: "queued",
        progress_percentage: 0,
        current_stage: "queued",
        attempt: 1,
        retry_count: 0,
        created_at: "2026-12-04T10:00:00Z",
        updated_at: "2026-12-04T10:00:00Z",
      },
    };
    expect(verdictFromAnswer({ items: [item] })).toEqual({ kind: "accepted", item });
  });

  it("rejects a rejected item with its error message", () => {
    const answer = { items: [{ filename: "a.txt", status: "rejected" as const, error: { code: "empty_file", message: "The file is empty." } }] };
    expect(verdictFromAnswer(answer)).toEqual({ kind: "rejected", message: "The file is empty." });
  });

  it("treats an answer without items (or none at all) as retryable", () => {
    expect(verdictFromAnswer({ items: [] })).toMatchObject({ kind: "retryable" });
    expect(verdictFromAnswer(undefined)).toMatchObject({ kind: "retryable" });
  });
});
