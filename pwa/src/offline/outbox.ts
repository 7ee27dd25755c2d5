/**
 * The one write path of the app. Every write — upload, review save, finalize, retry, cancel —
 * goes through `submitWrite`, carrying an Idempotency-Key made when the reviewer asked for it and
 * reused by every resend. The write is stored in the device's outbox (IndexedDB) and sent by the
 * tab's sync engine, online or not; the promise still settles like a direct send: the server's
 * answer once sent, its refusal (ApiError) when it refuses. `onQueued` tells the screen at once
 * that the write is safe on this device ("Saved on this device — will sync").
 *
 * Where IndexedDB cannot be used (some private modes), or where no app shell starts the outbox,
 * the write is sent directly, as it always was; while the shell is still loading the outbox's
 * code, the write waits for it.
 */
import { getOutboxRuntime, outboxRuntimeReady, type SubmitOptions } from "./runtime";
import { sendDirect } from "./send";
import type { ReviewFields } from "./types";
import type { WriteRequest, WriteResult } from "./write-request";

export type { ReviewFields };
export type { WriteRequest, WriteResult, WriteResults } from "./write-request";
export type { SubmitOptions } from "./runtime";
export { OutboxDiscardedError } from "./runtime";
export { OutboxQuotaError } from "./outbox-store";

/** A fresh Idempotency-Key for a write the reviewer just asked for. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export async function submitWrite<R extends WriteRequest>(request: R, options: SubmitOptions = {}): Promise<WriteResult<R>> {
  const runtime = await outboxRuntimeReady();
  const result = runtime ? await runtime.submit(request, options) : await sendDirect(request);
  return result as WriteResult<R>;
}

/** Resolves like `submitWrite` for an item already in the outbox (after "Retry now" or a resolved conflict). */
export function waitForOutboxItem<R extends WriteRequest = WriteRequest>(itemId: string): Promise<WriteResult<R>> {
  const runtime = getOutboxRuntime();
  if (!runtime) return Promise.reject(new Error("The outbox is not running in this tab."));
  return runtime.waitFor(itemId) as Promise<WriteResult<R>>;
}

/** "Retry now": send the item at once (a failed one goes back into the queue). */
export async function retryOutboxItem(itemId: string): Promise<void> {
  await getOutboxRuntime()?.retryNow(itemId);
}

/** Takes an item out of the outbox; an upload on the way is stopped. */
export async function discardOutboxItem(itemId: string): Promise<void> {
  await getOutboxRuntime()?.discard(itemId);
}

/**
 * After a 412: the reviewer chose per field. The item is sent again with `fields` on the server's
 * version `etag` (same item, same key); `waitForOutboxItem(itemId)` gives the outcome.
 */
export async function resolveOutboxConflict(itemId: string, fields: ReviewFields, etag: string): Promise<void> {
  await getOutboxRuntime()?.resolveConflict(itemId, fields, etag);
}

/**
 * True when a write made now is kept on this device (`onQueued` will be called, `queueWrite`
 * works); false when it goes straight to the server (no IndexedDB, or nobody signed in).
 */
export async function outboxAvailable(): Promise<boolean> {
  return (await (await outboxRuntimeReady())?.canQueue()) ?? false;
}

/**
 * Stores a write in the outbox without waiting for the server: resolves with the item's id once it
 * is safe on this device (screens then follow the row: hooks/). Throws OutboxQuotaError when the
 * device is full, and an Error where there is no outbox (check `outboxAvailable()` first).
 */
export async function queueWrite(request: WriteRequest): Promise<string> {
  const runtime = await outboxRuntimeReady();
  if (!runtime) throw new Error("The outbox is not running in this tab.");
  return (await runtime.queue(request)).id;
}
