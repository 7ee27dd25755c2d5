/**
 * Reads and writes of the outbox table. Every change is one small Dexie transaction, and every
 * write is idempotent (a put by id), so a write whose confirmation was lost (the tab was killed)
 * can simply happen again.
 */
import type { DocflowDatabase, OutboxError, OutboxItem, OutboxKind } from "./db";
import type { ReviewFields } from "./types";

export class OutboxQuotaError extends Error {
  constructor() {
    super("This device is out of storage space: the item was not queued. Free some space or send it online. Nothing already queued was lost.");
    this.name = "OutboxQuotaError";
  }
}

export interface NewItem {
  id: string;
  kind: OutboxKind;
  userId: string;
  documentId?: string | null;
  jobId?: string | null;
  label: string;
  file?: Blob;
  filename?: string;
  fields?: ReviewFields;
  etag?: string;
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return name === "QuotaExceededError" || inner === "QuotaExceededError";
}

export async function enqueue(db: DocflowDatabase, input: NewItem, now = Date.now()): Promise<OutboxItem> {
  const item: OutboxItem = {
    id: input.id,
    kind: input.kind,
    userId: input.userId,
    documentId: input.documentId ?? null,
    jobId: input.jobId ?? null,
    label: input.label,
    filename: input.filename,
    mimeType: input.file?.type,
    size: input.file?.size,
    fields: input.fields,
    etag: input.etag,
    status: "waiting",
    attempts: 0,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    nextAttemptAt: 0,
    order: now * 1000 + Math.floor(Math.random() * 1000),
  };
  try {
    await db.transaction("rw", db.outbox, db.files, async () => {
      const last = await db.outbox.orderBy("order").last();
      if (last && last.order >= item.order) item.order = last.order + 1;
      // Queued twice (a retried write): keep the first.
      if (await db.outbox.get(item.id)) return;
      const key = orderKey(item);
      if (key && item.kind !== "upload") {
        const related = await db.outbox.filter((other) => orderKey(other) === key).toArray();
        const replaced = superseded(related, item);
        if (replaced.length > 0) {
          // It takes the replaced item's place: what was queued after that still waits for this.
          item.order = Math.min(...replaced.map((other) => other.order));
          await db.outbox.bulkDelete(replaced.map((other) => other.id));
        }
      }
      if (input.file) await db.files.put({ id: item.id, blob: input.file });
      await db.outbox.add(item);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new OutboxQuotaError();
    throw error;
  }
  return (await db.outbox.get(item.id)) ?? item;
}

/** An upload's bytes (undefined once sent or discarded, or if the browser lost them). */
export async function fileOf(db: DocflowDatabase, id: string): Promise<Blob | undefined> {
  return (await db.files.get(id))?.blob;
}

export function listItems(db: DocflowDatabase): Promise<OutboxItem[]> {
  return db.outbox.orderBy("order").toArray();
}

/**
 * The items of `userId` that may be sent now, in queue order: waiting, due, and not held back by
 * an earlier item of the same document (an edit goes before the finalize queued after it).
 */
export async function sendable(db: DocflowDatabase, userId: string, now = Date.now()): Promise<OutboxItem[]> {
  const items = await db.outbox.orderBy("order").toArray();
  const earlier = new Map<string, OutboxItem[]>();
  const ready: OutboxItem[] = [];
  for (const item of items) {
    if (item.userId !== userId || item.status === "sent") continue;
    const key = orderKey(item);
    if (key) {
      const before = earlier.get(key) ?? [];
      const held = before.some((other) => holdsBack(other, item));
      before.push(item);
      earlier.set(key, before);
      if (held) continue;
    }
    if (item.status === "waiting" && item.nextAttemptAt <= now) ready.push(item);
  }
  return ready;
}

/** Items of one document (or, without one, one job) keep their order. */
function orderKey(item: Pick<OutboxItem, "documentId" | "jobId">): string | null {
  return item.documentId ?? item.jobId;
}

/**
 * An earlier item holds a later one back while it is unsent — and, once refused, only if it was
 * refused after the later one was queued (that one counted on it: a finalize queued after an edit
 * that then conflicted waits for the reviewer). Something queued after the refusal was made
 * knowing it, and goes.
 */
function holdsBack(earlier: OutboxItem, later: OutboxItem): boolean {
  if (earlier.status === "waiting" || earlier.status === "sending") return true;
  return earlier.updatedAt >= later.createdAt;
}

const KIND_GROUP: Record<OutboxKind, string> = { upload: "upload", review: "review", finalize: "finalize", retry: "job", cancel: "job" };

/**
 * The refused items a new write replaces: earlier edits of the same document that failed or
 * conflicted (a new save carries the reviewer's current intent), an earlier refused finalize,
 * or an earlier refused retry/cancel of the same job. Uploads never replace anything.
 */
function superseded(items: readonly OutboxItem[], next: OutboxItem): OutboxItem[] {
  const key = orderKey(next);
  if (!key || next.kind === "upload") return [];
  return items.filter(
    (item) =>
      item.id !== next.id &&
      item.userId === next.userId &&
      orderKey(item) === key &&
      KIND_GROUP[item.kind] === KIND_GROUP[next.kind] &&
      (item.status === "failed" || item.status === "conflict"),
  );
}

async function update(db: DocflowDatabase, id: string, changes: Partial<OutboxItem>, now = Date.now()): Promise<void> {
  await db.outbox.update(id, { ...changes, updatedAt: now });
}

export async function markSending(db: DocflowDatabase, item: OutboxItem): Promise<void> {
  await update(db, item.id, { status: "sending", attempts: item.attempts + 1 });
}

export async function markSent(db: DocflowDatabase, id: string, result: unknown): Promise<void> {
  // The file is on the server now: free the device's space, keep the row for the record.
  await db.transaction("rw", db.outbox, db.files, async () => {
    await update(db, id, { status: "sent", result, lastError: null, conflictCurrent: undefined });
    await db.files.delete(id);
  });
}

export async function markRetry(db: DocflowDatabase, id: string, delayMs: number, error: OutboxError, now = Date.now()): Promise<void> {
  await update(db, id, { status: "waiting", nextAttemptAt: now + delayMs, lastError: error }, now);
}

export async function markFailed(db: DocflowDatabase, id: string, error: OutboxError): Promise<void> {
  await update(db, id, { status: "failed", lastError: error });
}

export async function markConflict(db: DocflowDatabase, id: string, current: unknown, message: string): Promise<void> {
  await update(db, id, { status: "conflict", conflictCurrent: current, lastError: { message, status: 412, code: "version_conflict" } });
}

/** "Retry now": back in the queue at once (also after a failure the reviewer fixed). */
export async function retryNow(db: DocflowDatabase, id: string): Promise<void> {
  await update(db, id, { status: "waiting", nextAttemptAt: 0 });
}

/** The reviewer chose per field after a conflict: send the chosen fields on the server's version. */
export async function resolveConflict(db: DocflowDatabase, id: string, fields: ReviewFields, etag: string): Promise<void> {
  await update(db, id, { status: "waiting", nextAttemptAt: 0, fields, etag, conflictCurrent: undefined, lastError: null });
}

export async function discard(db: DocflowDatabase, id: string): Promise<void> {
  await db.transaction("rw", db.outbox, db.files, async () => {
    await db.outbox.delete(id);
    await db.files.delete(id);
  });
}

/** After a crash or a closed tab nothing is sending any more: those items wait again. */
export async function releaseInterrupted(db: DocflowDatabase): Promise<number> {
  return db.outbox.where("status").equals("sending").modify({ status: "waiting", nextAttemptAt: 0 });
}

/** Sent items are kept a day for the record, then removed. */
export async function pruneSent(db: DocflowDatabase, now = Date.now(), keepMs = 24 * 60 * 60 * 1000): Promise<number> {
  return db.outbox.where("status").equals("sent").and((item) => item.updatedAt < now - keepMs).delete();
}
