/**
 * The sync engine: app code, not the service worker. It drains the outbox on `online`, on focus
 * and visibility, on a backoff timer with jitter, and when asked (a new item, Background Sync) —
 * never depending on any one of them. One tab sends at a time (a Web Lock); the idempotency key
 * is the backstop. At most two uploads are in flight; other writes go one at a time, in order.
 */
import type { DocflowDatabase, OutboxItem } from "./db";
import { decide, type Decision } from "./decide";
import {
  markConflict,
  markFailed,
  markRetry,
  markSending,
  markSent,
  pruneSent,
  releaseInterrupted,
  sendable,
} from "./outbox-store";

export interface Progress {
  loaded: number;
  total: number;
}

export interface SyncDeps {
  db: DocflowDatabase;
  /** Sends one item; resolves with the server's answer or throws ApiError / NetworkError. */
  send: (item: OutboxItem, onProgress: (progress: Progress) => void) => Promise<unknown>;
  /** The signed-in user: only their items are sent. */
  currentUserId: () => string | null;
  /** Something changed (an item's state or an upload's progress). */
  onChange?: (itemId: string | null) => void;
  /** 401: the session ended; the queue waits for sign-in. */
  onAuthRequired?: () => void;
  onProgress?: (itemId: string, progress: Progress) => void;
  locks?: LockManager | null;
  /** False when the browser knows it is offline: nothing is tried (the `online` event drains). */
  online?: () => boolean;
  now?: () => number;
  random?: () => number;
  maxUploads?: number;
}

const LOCK_NAME = "docflow-outbox";

export class SyncEngine {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pausedForAuth = false;
  private readonly deps: Required<Omit<SyncDeps, "onChange" | "onAuthRequired" | "onProgress" | "locks" | "online">> &
    Pick<SyncDeps, "onChange" | "onAuthRequired" | "onProgress" | "locks" | "online">;

  constructor(deps: SyncDeps) {
    this.deps = { now: Date.now, random: Math.random, maxUploads: 2, ...deps };
  }

  /** Ask for a drain soon (coalesced). */
  kick(): void {
    this.pausedForAuth = false;
    // A storage error ends this pass only; the next trigger (timer, online, focus…) tries again.
    this.drain().catch(() => undefined);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Drains what can be sent now. Resolves when this drain (joined by any asked for meanwhile) is over. */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.withLock(() => this.pass());
        } while (this.again && !this.pausedForAuth);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async withLock(body: () => Promise<void>): Promise<void> {
    const locks = this.deps.locks;
    if (!locks) {
      await body();
      return;
    }
    await locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
      // Another tab is sending: it will drain this queue too.
      if (lock) await body();
    });
  }

  private async pass(): Promise<void> {
    const { db } = this.deps;
    const userId = this.deps.currentUserId();
    if (!userId || this.pausedForAuth || this.deps.online?.() === false) return;
    // Holding the lock, nothing else is sending: an item left "sending" was interrupted.
    if ((await releaseInterrupted(db)) > 0) this.deps.onChange?.(null);
    await pruneSent(db, this.deps.now());

    // Item id → its send, and whether it is an upload.
    const inFlight = new Map<string, { task: Promise<void>; upload: boolean }>();
    for (;;) {
      // Paused for sign-in, signed out, or another user signed in (here or in another tab): start
      // nothing more, but hold the lock until what is on the way has its answer.
      if (this.pausedForAuth || this.deps.currentUserId() !== userId || this.deps.online?.() === false) {
        await Promise.all([...inFlight.values()].map((entry) => entry.task));
        break;
      }
      const ready = (await sendable(db, userId, this.deps.now())).filter((item) => !inFlight.has(item.id));
      const sending = [...inFlight.values()];
      const uploads = sending.filter((entry) => entry.upload).length;
      // Writes other than uploads go one at a time (their order matters); uploads two at once.
      const otherBusy = sending.some((entry) => !entry.upload);
      const next = ready.find((item) => (item.kind === "upload" ? uploads < this.deps.maxUploads : !otherBusy));
      if (!next) {
        if (inFlight.size === 0) break;
        await Promise.race(sending.map((entry) => entry.task));
        continue;
      }
      const task = this.sendOne(next)
        .catch(() => undefined) // a storage error leaves the item "sending": released on the next pass
        .finally(() => inFlight.delete(next.id));
      inFlight.set(next.id, { task, upload: next.kind === "upload" });
    }
    this.schedule();
  }

  private async sendOne(item: OutboxItem): Promise<void> {
    const { db } = this.deps;
    await markSending(db, item);
    this.deps.onChange?.(item.id);
    let decision: Decision;
    let result: unknown;
    try {
      result = await this.deps.send(item, (progress) => this.deps.onProgress?.(item.id, progress));
      decision = { action: "sent" };
    } catch (error) {
      decision = decide(error, item.attempts, this.deps.random);
    }
    switch (decision.action) {
      case "sent":
        await markSent(db, item.id, result);
        break;
      case "retry":
        await markRetry(db, item.id, decision.delayMs, { message: decision.message }, this.deps.now());
        break;
      case "fail":
        await markFailed(db, item.id, { message: decision.message, status: decision.status, code: decision.code });
        break;
      case "conflict":
        await markConflict(db, item.id, decision.current, decision.message);
        break;
      case "auth":
        await markRetry(db, item.id, 0, { message: decision.message, status: 401 }, this.deps.now());
        this.pausedForAuth = true;
        this.deps.onAuthRequired?.();
        break;
    }
    this.deps.onChange?.(item.id);
  }

  /** Wake up when the earliest waiting item is due. */
  private schedule(): void {
    void (async () => {
      const userId = this.deps.currentUserId();
      if (!userId || this.pausedForAuth || this.deps.online?.() === false) return;
      const waiting = await this.deps.db.outbox.where("[userId+status]").equals([userId, "waiting"]).toArray();
      if (waiting.length === 0) return;
      const due = Math.min(...waiting.map((item) => item.nextAttemptAt));
      const delay = Math.max(250, due - this.deps.now());
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.drain().catch(() => undefined);
      }, delay);
    })().catch(() => undefined); // the database went away (closed tab): the next start drains
  }
}
