/**
 * What the sync engine does with an answer (or the lack of one) for a queued item. Pure, so each
 * rule is unit-tested: retry only what can get better by sending again, stop everything else and
 * say why.
 */
import { ApiError, NetworkError } from "@/lib/api/errors";

export type Decision =
  | { action: "sent" }
  /** Send again later (network error, 5xx, 409 still running, 408 body too slow, 429/503/507). */
  | { action: "retry"; delayMs: number; message: string }
  /** The server refused this item; it waits for the reviewer (Discard, or fix and retry). */
  | { action: "fail"; message: string; code: string; status: number }
  /** 412: the document changed on the server — the reviewer chooses per field. */
  | { action: "conflict"; message: string; current: unknown }
  /** 401: sign in again; the queue is kept and paused. */
  | { action: "auth"; message: string };

// 408: the server cut off a body that came too slowly (a poor connection) — the next try may be faster.
const RETRYABLE_STATUS = new Set([408, 429, 503, 507]);
export const BASE_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;

/** Exponential backoff with full jitter, bounded; `random` is injectable for tests. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempts, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function decide(error: unknown, attempts: number, random: () => number = Math.random): Decision {
  if (error === undefined || error === null) return { action: "sent" };
  if (error instanceof NetworkError || (error instanceof DOMException && error.name !== "AbortError")) {
    return { action: "retry", delayMs: backoffDelay(attempts, random), message: "Waiting for the connection." };
  }
  if (!(error instanceof ApiError)) {
    return { action: "retry", delayMs: backoffDelay(attempts, random), message: error instanceof Error ? error.message : String(error) };
  }
  const { status, code } = error;
  if (status === 401) return { action: "auth", message: "Sign in again to send this." };
  if (status === 412) {
    const details = (error.details ?? {}) as { current?: unknown };
    return { action: "conflict", message: error.message, current: details.current ?? null };
  }
  const retryable = status >= 500 || RETRYABLE_STATUS.has(status) || (status === 409 && code === "conflict");
  if (retryable) {
    const hinted = error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : null;
    const delayMs = hinted !== null ? Math.min(MAX_DELAY_MS, Math.max(hinted, 250)) : backoffDelay(attempts, random);
    return { action: "retry", delayMs, message: error.message };
  }
  if (status === 409 && code === "invalid_state") {
    return {
      action: "fail",
      status,
      code,
      message: `${error.message} (the document is finalized or no longer in a state that allows this).`,
    };
  }
  return { action: "fail", status, code, message: error.message };
}
