/**
 * The outbox of one tab: every write goes into the Dexie outbox and a per-tab SyncEngine sends it
 * (one tab at a time: Web Lock; the Idempotency-Key is the backstop). `submit` keeps the old
 * promise of a direct send — it resolves with the server's answer once the item is sent (here or
 * in another tab) and rejects with the server's refusal — and tells the screen at once that the
 * write is stored on the device. Other tabs hear about changes and upload progress on a
 * BroadcastChannel; screens read the rows through Dexie's liveQuery (hooks/).
 *
 * Everything the browser provides (the database, the sender, locks, the channel, the signed-in
 * user) is passed in, so the runtime runs in unit tests on fake-indexeddb.
 */
import { ApiError } from "@/lib/api/errors";
import type { UploadProgress } from "@/lib/api/upload";
import type { DocflowDatabase, OutboxItem } from "./db";
import {
  discard as discardItem,
  enqueue,
  fileOf,
  resolveConflict as resolveConflictItem,
  retryNow as retryNowItem,
  type NewItem,
} from "./outbox-store";
import { SyncEngine, type Progress } from "./sync-engine";
import type { ReviewFields } from "./types";
import { requestFromItem, type WriteDescription, type WriteRequest } from "./write-request";

/** The part of BroadcastChannel the runtime uses (a fake in tests). */
export interface Channel {
  postMessage(message: OutboxMessage): void;
  addEventListener(type: "message", listener: (event: MessageEvent<OutboxMessage>) => void): void;
  close(): void;
}

export const CHANNEL_NAME = "docflow-outbox";

export type OutboxMessage =
  /** A row changed (null: possibly many). */
  | { type: "changed"; id: string | null }
  /** A new row: whoever may send, send. */
  | { type: "enqueued"; id: string }
  | { type: "progress"; id: string; loaded: number; total: number }
  /** The signed-in user as a tab last learned it (the session cookie is shared by every tab). */
  | { type: "user"; userId: string | null };

export type Availability = "checking" | "available" | "unavailable";

export interface OutboxState {
  /** Whether writes are kept on this device (IndexedDB) or go straight to the server. */
  availability: Availability;
  /** Whose items may be sent (the signed-in user), null when nobody is. */
  userId: string | null;
}

export interface RuntimeDeps {
  /** The opened database, or null where IndexedDB cannot be used (some private modes). */
  database: () => Promise<DocflowDatabase | null>;
  /**
   * Every outbox row in queue order, now and after each change (this tab's or another's); returns
   * the unsubscribe. Dexie's liveQuery in the browser (browser.ts) — kept out of this module so the
   * screens' first-load JS does not carry Dexie.
   */
  watchRows?: (db: DocflowDatabase, next: (rows: OutboxItem[]) => void) => () => void;
  /** Sends one write now; resolves with the answer or throws ApiError / NetworkError. */
  send: (request: WriteRequest) => Promise<unknown>;
  /** A label and the document/job of a write, for people and for per-document order. */
  describe?: (request: WriteRequest) => WriteDescription;
  locks?: LockManager | null;
  /** False when the browser knows it is offline (nothing is tried until `online`). */
  online?: () => boolean;
  channel?: Channel | null;
  /** 401 while sending: ask for sign-in; the queue waits. */
  onAuthRequired?: () => void;
  /** Another tab says a different user is signed in now (refresh this tab's idea of the session). */
  onRemoteUser?: (userId: string | null) => void;
  /**
   * Before sending an item of `userId`: make sure this page holds a session of that user (and its
   * CSRF token) — after a reload the user may only be known from the persisted cache. Throws when
   * the session is gone (ApiError 401), unreachable (NetworkError), or someone else's.
   * `refresh`: the server refused the CSRF token (the session changed): ask again.
   */
  ensureSession?: (userId: string, options: { refresh: boolean }) => Promise<void>;
  /** Asks the browser not to evict the outbox (once, on the first item queued). */
  requestPersistence?: () => void;
  /** An item was stored: a wake-up the browser may give later (Background Sync), never relied on. */
  onStored?: () => void;
  now?: () => number;
  random?: () => number;
  /** How often waiting promises re-read their rows, in case a message was missed (ms). */
  recheckMs?: number;
}

export interface SubmitOptions {
  /** Called once the write is stored on this device (before it is sent): "Saved on this device — will sync". */
  onQueued?: (itemId: string) => void;
}

/** The item was discarded before the server answered. */
export class OutboxDiscardedError extends Error {
  constructor() {
    super("This change was discarded from the outbox before it was sent.");
    this.name = "OutboxDiscardedError";
  }
}

/** The session held by this page belongs to another user than the one who queued the item (or to nobody). */
export class SessionUserChanged extends Error {
  constructor() {
    super("Waiting for the person who queued this to sign in again.");
    this.name = "SessionUserChanged";
  }
}

interface Waiter {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onProgress?: (progress: UploadProgress) => void;
}

const PROGRESS_BROADCAST_MS = 150;

/** The server's refusal as the ApiError a direct send would have thrown (rebuilt from the row). */
export function errorFromItem(item: OutboxItem): ApiError {
  if (item.status === "conflict") {
    return new ApiError(412, {
      code: item.lastError?.code ?? "version_conflict",
      message: item.lastError?.message ?? "The document was changed by someone else.",
      details: { current: item.conflictCurrent ?? null },
    });
  }
  return new ApiError(item.lastError?.status ?? 400, {
    code: item.lastError?.code ?? "refused",
    message: item.lastError?.message ?? "The server refused this change.",
  });
}

function toNewItem(request: WriteRequest, userId: string, description: WriteDescription): NewItem {
  const base = { id: request.idempotencyKey, kind: request.kind, userId, label: description.label };
  switch (request.kind) {
    case "upload":
      return { ...base, file: request.file, filename: request.filename, documentId: null, jobId: null };
    case "review":
      return { ...base, documentId: request.documentId, fields: request.fields, etag: request.etag };
    case "finalize":
      return { ...base, documentId: request.documentId };
    case "retry":
    case "cancel":
      return { ...base, jobId: request.jobId, documentId: description.documentId ?? null };
  }
}

function defaultDescription(request: WriteRequest): WriteDescription {
  switch (request.kind) {
    case "upload":
      return { label: request.filename };
    case "review":
    case "finalize":
      return { label: request.label ?? `Document ${request.documentId.slice(0, 8)}`, documentId: request.documentId };
    case "retry":
    case "cancel":
      return { label: request.label ?? `Job ${request.jobId.slice(0, 8)}`, jobId: request.jobId };
  }
}

export class OutboxRuntime {
  private readonly deps: RuntimeDeps;
  private readonly ready: Promise<DocflowDatabase | null>;
  private engine: SyncEngine | null = null;
  private readonly waiters = new Map<string, Set<Waiter>>();
  /** The error this tab's own send got, per item (a waiter here gets the original, details and all). */
  private readonly errors = new Map<string, unknown>();
  private readonly aborts = new Map<string, AbortController>();
  private readonly lastBroadcast = new Map<string, number>();
  private progressSnapshot: ReadonlyMap<string, Progress> = new Map();
  private stateSnapshot: OutboxState = { availability: "checking", userId: null };
  private readonly listeners = new Set<() => void>();
  private recheckTimer: ReturnType<typeof setInterval> | null = null;
  private persistenceAsked = false;
  private stopped = false;

  constructor(deps: RuntimeDeps) {
    this.deps = deps;
    deps.channel?.addEventListener("message", (event) => this.receive(event.data));
    this.ready = deps
      .database()
      .catch(() => null)
      .then((db) => {
        if (db && !this.stopped) {
          this.engine = new SyncEngine({
            db,
            send: (item, onProgress) => this.sendItem(item, onProgress),
            currentUserId: () => this.stateSnapshot.userId,
            onChange: (id) => this.changed(id, true),
            onAuthRequired: () => deps.onAuthRequired?.(),
            onProgress: (id, progress) => this.setProgress(id, progress, true),
            locks: deps.locks ?? null,
            online: deps.online,
            now: deps.now ?? Date.now,
            random: deps.random ?? Math.random,
          });
        }
        this.setState({ availability: db ? "available" : "unavailable" });
        return db;
      });
  }

  // ---- state for screens (useSyncExternalStore) ----------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): OutboxState => this.stateSnapshot;

  getProgress = (): ReadonlyMap<string, Progress> => this.progressSnapshot;

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private setState(patch: Partial<OutboxState>): void {
    const next = { ...this.stateSnapshot, ...patch };
    if (next.availability === this.stateSnapshot.availability && next.userId === this.stateSnapshot.userId) return;
    this.stateSnapshot = next;
    this.notify();
  }

  /** The database once known (null: writes go straight to the server). */
  database(): Promise<DocflowDatabase | null> {
    return this.ready;
  }

  /** Follows every row (see RuntimeDeps.watchRows); without a database or a watcher: no rows, once. */
  watchRows(next: (rows: readonly OutboxItem[]) => void): () => void {
    let stop: (() => void) | null = null;
    let stopped = false;
    void this.ready.then((db) => {
      if (stopped) return;
      if (!db || !this.deps.watchRows) {
        next([]);
        return;
      }
      stop = this.deps.watchRows(db, next);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }

  // ---- the signed-in user --------------------------------------------------------------------

  /**
   * This tab learned who is signed in (its `me` query). Only that user's items are sent; other
   * tabs are told, since they share the session cookie.
   */
  setUser(userId: string | null, { broadcast = true }: { broadcast?: boolean } = {}): void {
    if (userId === this.stateSnapshot.userId) return;
    this.setState({ userId });
    if (broadcast) this.post({ type: "user", userId });
    if (userId) this.kick();
  }

  // ---- writes ---------------------------------------------------------------------------------

  /**
   * Queues a write and resolves with the server's answer once it is sent; rejects with the
   * server's refusal (ApiError; a 412 carries `details.current`), an OutboxQuotaError when the
   * device is full, or an OutboxDiscardedError. Without IndexedDB (or nobody signed in) it sends
   * at once, as before.
   */
  async submit(request: WriteRequest, options: SubmitOptions = {}): Promise<unknown> {
    const db = await this.ready;
    if (!db || !this.stateSnapshot.userId || this.stopped) return this.deps.send(request);
    const item = await this.store(db, request);
    const result = this.waitFor(item.id, request.kind === "upload" ? request.onProgress : undefined);
    if (request.kind === "upload" && request.signal) {
      const signal = request.signal;
      if (signal.aborted) void this.discard(item.id);
      else signal.addEventListener("abort", () => void this.discard(item.id), { once: true });
    }
    options.onQueued?.(item.id);
    this.announce(item.id);
    return result;
  }

  /**
   * Stores a write for the engine and resolves with its row once it is safe on this device (the
   * screen then follows the row). Rejects with OutboxQuotaError when the device is full, or when
   * there is no outbox here (check `canQueue()` first).
   */
  async queue(request: WriteRequest): Promise<OutboxItem> {
    const db = await this.ready;
    if (!db || !this.stateSnapshot.userId || this.stopped) throw new Error("Writes cannot be kept on this device.");
    const item = await this.store(db, request);
    this.announce(item.id);
    return item;
  }

  /** Whether a write made now is kept on this device (else it is sent directly). */
  async canQueue(): Promise<boolean> {
    const db = await this.ready;
    return db !== null && this.stateSnapshot.userId !== null && !this.stopped;
  }

  private async store(db: DocflowDatabase, request: WriteRequest): Promise<OutboxItem> {
    const userId = this.stateSnapshot.userId as string;
    const description = { ...defaultDescription(request), ...this.deps.describe?.(request) };
    const item = await enqueue(db, toNewItem(request, userId, description), this.now());
    this.askPersistence();
    try {
      this.deps.onStored?.();
    } catch {
      // Best effort, like persistence.
    }
    return item;
  }

  private announce(id: string): void {
    this.post({ type: "enqueued", id });
    this.kick();
  }

  /** A promise for an item already queued (e.g. after "Retry now" or a resolved conflict). */
  waitFor(id: string, onProgress?: (progress: UploadProgress) => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let set = this.waiters.get(id);
      if (!set) {
        set = new Set();
        this.waiters.set(id, set);
      }
      set.add({ resolve, reject, onProgress });
      this.startRecheck();
      void this.check(id);
    });
  }

  /** "Retry now": due at once, whatever the backoff said. */
  async retryNow(id: string): Promise<void> {
    const db = await this.ready;
    if (!db) return;
    await retryNowItem(db, id);
    this.changed(id, true);
    this.kick();
  }

  /** Takes an item out of the queue (aborting its upload if it is on the way here). */
  async discard(id: string): Promise<void> {
    const db = await this.ready;
    if (!db) return;
    this.aborts.get(id)?.abort();
    await discardItem(db, id);
    this.changed(id, true);
  }

  /** After a conflict: send the chosen fields on the server's version (ETag). */
  async resolveConflict(id: string, fields: ReviewFields, etag: string): Promise<void> {
    const db = await this.ready;
    if (!db) return;
    await resolveConflictItem(db, id, fields, etag);
    this.changed(id, true);
    this.kick();
  }

  /** Back online: what waits only for the connection is due now (a server's Retry-After still holds). */
  async wakeNetworkWaits(): Promise<void> {
    const db = await this.ready;
    const userId = this.stateSnapshot.userId;
    if (!db || !userId) return;
    await db.outbox
      .where("[userId+status]")
      .equals([userId, "waiting"])
      .and((item) => item.nextAttemptAt > 0 && item.lastError?.status === undefined)
      .modify({ nextAttemptAt: 0 });
  }

  /** Ask for a drain now (new item, online, focus, sign-in…). */
  kick(): void {
    void this.ready.then(() => {
      if (!this.stopped) this.engine?.kick();
    });
  }

  /** Resolves when this tab has nothing more it can send right now (tests, benchmarks). */
  async drain(): Promise<void> {
    await this.ready;
    await this.engine?.drain();
  }

  stop(): void {
    this.stopped = true;
    this.engine?.stop();
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    this.recheckTimer = null;
    this.deps.channel?.close();
  }

  // ---- internals ------------------------------------------------------------------------------

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private askPersistence(): void {
    if (this.persistenceAsked) return;
    this.persistenceAsked = true;
    try {
      this.deps.requestPersistence?.();
    } catch {
      // Best effort: the outbox works without it (the browser may evict it under pressure).
    }
  }

  private async sendItem(item: OutboxItem, onProgress: (progress: Progress) => void): Promise<unknown> {
    const controller = new AbortController();
    this.aborts.set(item.id, controller);
    const attempt = async (refresh: boolean, file: Blob | undefined) => {
      await this.deps.ensureSession?.(item.userId, { refresh });
      // The user signed out (or another signed in) while the session was being checked.
      if (this.stateSnapshot.userId !== item.userId) throw new SessionUserChanged();
      return this.deps.send(requestFromItem(item, file, onProgress, controller.signal));
    };
    try {
      // An upload's bytes are read once per send, from their own table.
      const db = item.kind === "upload" ? await this.ready : null;
      const file = db ? await fileOf(db, item.id) : undefined;
      let result: unknown;
      try {
        result = await attempt(false, file);
      } catch (error) {
        // A CSRF refusal is checked before anything is done: with the session's token, send again.
        if (!(error instanceof ApiError && error.status === 403 && error.code === "csrf_failed") || !this.deps.ensureSession) throw error;
        result = await attempt(true, file);
      }
      this.errors.delete(item.id);
      return result;
    } catch (error) {
      this.errors.set(item.id, error);
      throw error;
    } finally {
      this.aborts.delete(item.id);
    }
  }

  private receive(message: OutboxMessage | undefined): void {
    if (!message || typeof message !== "object") return;
    switch (message.type) {
      case "changed":
        this.changed(message.id, false);
        break;
      case "enqueued":
        this.changed(message.id, false);
        this.kick();
        break;
      case "progress":
        this.setProgress(message.id, { loaded: message.loaded, total: message.total }, false);
        break;
      case "user":
        if (message.userId !== this.stateSnapshot.userId) {
          this.setUser(message.userId, { broadcast: false });
          this.deps.onRemoteUser?.(message.userId);
        }
        break;
    }
  }

  private post(message: OutboxMessage): void {
    try {
      this.deps.channel?.postMessage(message);
    } catch {
      // A closed channel (the tab is going away): the rows themselves are the truth.
    }
  }

  /** A row changed: its progress restarts, its waiters look at it again, other tabs hear of it. */
  private changed(id: string | null, local: boolean): void {
    if (local) this.post({ type: "changed", id });
    if (id === null) {
      if (this.progressSnapshot.size > 0) {
        this.progressSnapshot = new Map();
        this.notify();
      }
      for (const waiting of this.waiters.keys()) void this.check(waiting);
      return;
    }
    if (this.progressSnapshot.has(id)) {
      const next = new Map(this.progressSnapshot);
      next.delete(id);
      this.progressSnapshot = next;
      this.lastBroadcast.delete(id);
      this.notify();
    }
    if (this.waiters.has(id)) void this.check(id);
  }

  private setProgress(id: string, progress: Progress, local: boolean): void {
    const current = this.progressSnapshot.get(id);
    if (current && current.loaded === progress.loaded && current.total === progress.total) return;
    const next = new Map(this.progressSnapshot);
    next.set(id, progress);
    this.progressSnapshot = next;
    this.notify();
    for (const waiter of this.waiters.get(id) ?? []) waiter.onProgress?.(progress);
    if (local) {
      const at = this.now();
      const last = this.lastBroadcast.get(id) ?? 0;
      if (at - last >= PROGRESS_BROADCAST_MS || progress.loaded >= progress.total) {
        this.lastBroadcast.set(id, at);
        this.post({ type: "progress", id, loaded: progress.loaded, total: progress.total });
      }
    }
  }

  /** Settles the waiters of `id` if its row has an outcome. */
  private async check(id: string): Promise<void> {
    const db = await this.ready;
    if (!db || !this.waiters.has(id)) return;
    let item: OutboxItem | undefined;
    try {
      item = await db.outbox.get(id);
    } catch {
      return; // read again on the next change or recheck
    }
    const set = this.waiters.get(id);
    if (!set) return;
    let settle: ((waiter: Waiter) => void) | null = null;
    if (!item) {
      const error = new OutboxDiscardedError();
      settle = (waiter) => waiter.reject(error);
    } else if (item.status === "sent") {
      settle = (waiter) => waiter.resolve(item.result);
    } else if (item.status === "failed" || item.status === "conflict") {
      const own = this.errors.get(id);
      const error = own instanceof ApiError ? own : errorFromItem(item);
      settle = (waiter) => waiter.reject(error);
    }
    if (!settle) return;
    this.waiters.delete(id);
    this.errors.delete(id);
    for (const waiter of set) settle(waiter);
    // A refused finalize, retry or cancel carries no work of the reviewer's: the screen that asked
    // has the answer (as with a direct send), so it leaves the outbox. A refused upload or edit
    // stays (Outbox screen, review screen) until the reviewer resolves, replaces or discards it.
    if (item && (item.status === "failed" || item.status === "conflict") && (item.kind === "finalize" || item.kind === "retry" || item.kind === "cancel")) {
      await discardItem(db, id).catch(() => undefined);
      this.changed(id, true);
    }
    if (this.waiters.size === 0 && this.recheckTimer) {
      clearInterval(this.recheckTimer);
      this.recheckTimer = null;
    }
  }

  /** A safety net for a missed message (no BroadcastChannel, a tab asleep): waiters re-read their rows. */
  private startRecheck(): void {
    if (this.recheckTimer || this.stopped) return;
    this.recheckTimer = setInterval(() => {
      for (const id of this.waiters.keys()) void this.check(id);
    }, this.deps.recheckMs ?? 3_000);
  }
}

// ---- the tab's runtime --------------------------------------------------------------------------

let installed: OutboxRuntime | null = null;
const installListeners = new Set<() => void>();

/** Makes `runtime` the one `submitWrite` and the hooks use (the app shell does this once per tab). */
export function installOutboxRuntime(runtime: OutboxRuntime | null): void {
  installed = runtime;
  for (const listener of installListeners) listener();
}

export function getOutboxRuntime(): OutboxRuntime | null {
  return installed;
}

let starting: Promise<OutboxRuntime | null> | null = null;
let starter: (() => Promise<OutboxRuntime | null>) | null = null;
/** Something asked for the outbox before a starter was registered (a screen's effect runs before the shell's). */
let wanted = false;

/**
 * How this tab starts its outbox (the app shell registers it, hooks/use-outbox.ts; null: none). It
 * runs once, when the outbox is first needed — `startOutboxRuntime`.
 */
export function registerOutboxStarter(start: (() => Promise<OutboxRuntime | null>) | null): void {
  starter = start;
  if (start && wanted) void startOutboxRuntime();
}

/** Starts the tab's outbox unless it runs or is starting; the runtime once there (null: none in this tab). */
export function startOutboxRuntime(): Promise<OutboxRuntime | null> {
  if (installed) return Promise.resolve(installed);
  wanted = true;
  if (!starting && starter) {
    starting = starter().catch(() => null);
    // A start that failed (its code did not load: offline on a new deployment) may be tried again.
    void starting.then((runtime) => {
      if (!runtime && !installed) starting = null;
    });
  }
  return starting ?? Promise.resolve(null);
}

/**
 * Sign-out is starting: the queue stops sending as the user who is leaving (what is already on
 * the way gets its answer). Not told to other tabs — their queue follows once the session is gone.
 */
export function pauseOutboxForSignOut(): void {
  installed?.setUser(null, { broadcast: false });
}

/** The runtime for a write: started now if it was not running yet; null when none runs in this tab. */
export async function outboxRuntimeReady(): Promise<OutboxRuntime | null> {
  return installed ?? (await startOutboxRuntime());
}

export function subscribeOutboxRuntime(listener: () => void): () => void {
  installListeners.add(listener);
  return () => installListeners.delete(listener);
}
