import { errorMessage } from "@/lib/api/errors";
import type { UploadAnswer, UploadProgress } from "@/lib/api/upload";
import { verdictFromAnswer, verdictFromError, type AcceptedItem } from "./verdict";

/**
 * The files picked on the upload screen, each with the Idempotency-Key made when it was picked.
 *
 * With the device's outbox (the normal case) "Upload" stores every picked file in it at once and
 * the outbox's sync engine paces them (two at a time, retries, offline): a file goes
 * ready → storing → queued, and from then on its outbox row tells its state (upload-view.ts).
 *
 * Without it (no IndexedDB: some private modes) the files go straight to the server from here, two
 * at a time: ready → waiting → sending → accepted / rejected / retryable (no answer yet: a network
 * error, a 5xx, 409 still running — "Retry" sends it again under the same key).
 */
export type UploadPhase = "ready" | "storing" | "queued" | "waiting" | "sending" | "accepted" | "rejected" | "retryable";

export interface UploadEntry {
  /** The file's Idempotency-Key, made when it was picked; also its outbox item's id. */
  readonly id: string;
  readonly file: Blob;
  readonly filename: string;
  readonly size: number;
  readonly idempotencyKey: string;
  readonly phase: UploadPhase;
  /** Direct sends: bytes handed to the network in the current (or last) try, out of `total`. */
  readonly loaded: number;
  readonly total: number;
  readonly attempts: number;
  /** Why it was rejected, needs a retry, or could not be stored, in words. */
  readonly message: string | null;
  /** Direct sends: the accepted item (document, job, duplicate_of). */
  readonly item: AcceptedItem | null;
  /** Queued: its outbox row has been seen (a row missing after that was discarded elsewhere). */
  readonly seen: boolean;
}

export interface SendRequest {
  file: Blob;
  filename: string;
  idempotencyKey: string;
  onProgress: (progress: UploadProgress) => void;
}

export interface OutboxPort {
  /** Whether files can be kept on this device now. */
  available: () => Promise<boolean>;
  /** Stores one file in the outbox; resolves once it is safe there (rejects e.g. when the device is full). */
  queue: (request: { file: Blob; filename: string; idempotencyKey: string }) => Promise<unknown>;
}

export interface UploadQueueOptions {
  /** Sends one file now (in the app: submitWrite({kind: "upload", …}), direct without IndexedDB). */
  send: (request: SendRequest) => Promise<UploadAnswer>;
  newKey: () => string;
  /** The device's outbox; without it every file is sent from here. */
  outbox?: OutboxPort;
  /** Direct sends: at most this many files on the way at once (2). */
  maxInFlight?: number;
}

export interface PickedFile {
  file: Blob;
  name: string;
}

export interface UploadQueue {
  getSnapshot(): readonly UploadEntry[];
  subscribe(listener: () => void): () => void;
  /** Lists picked files, each with a fresh Idempotency-Key. */
  add(files: Iterable<File | PickedFile>): void;
  /** Hands every picked file to the outbox (or, without one, sends them two at a time). */
  start(): Promise<void>;
  /** Direct sends: sends a file again under its own key. */
  retry(id: string): void;
  /** Takes a file off this list (never one being stored or on the way from here). */
  remove(id: string): void;
  /** Drops direct-send files that are done: rejected ones, and accepted ones unless `keep` says otherwise. */
  clearFinished(keep?: (entry: UploadEntry) => boolean): void;
  /** Tells the list which of its queued files the outbox holds (`present`): seen ones that left it are dropped. */
  sync(present: ReadonlySet<string>): void;
}

const FINISHED: ReadonlySet<UploadPhase> = new Set(["accepted", "rejected"]);

export function createUploadQueue(options: UploadQueueOptions): UploadQueue {
  const maxInFlight = options.maxInFlight ?? 2;
  let entries: readonly UploadEntry[] = [];
  const listeners = new Set<() => void>();

  function commit(next: readonly UploadEntry[]) {
    entries = next;
    for (const listener of listeners) listener();
  }

  function update(id: string, patch: Partial<UploadEntry>) {
    let changed = false;
    const next = entries.map((entry) => {
      if (entry.id !== id) return entry;
      changed = true;
      return { ...entry, ...patch };
    });
    if (changed) commit(next);
  }

  function find(id: string): UploadEntry | undefined {
    return entries.find((entry) => entry.id === id);
  }

  function pump() {
    let inFlight = entries.filter((entry) => entry.phase === "sending").length;
    while (inFlight < maxInFlight) {
      const next = entries.find((entry) => entry.phase === "waiting");
      if (!next) return;
      inFlight += 1;
      update(next.id, { phase: "sending", loaded: 0, attempts: next.attempts + 1, message: null });
      void run(next);
    }
  }

  async function run(entry: UploadEntry) {
    let verdict;
    try {
      const answer = await options.send({
        file: entry.file,
        filename: entry.filename,
        idempotencyKey: entry.idempotencyKey,
        onProgress: ({ loaded, total }) => {
          const current = find(entry.id);
          if (!current || current.phase !== "sending" || (current.loaded === loaded && current.total === total)) return;
          update(entry.id, { loaded, total: total || current.total });
        },
      });
      verdict = verdictFromAnswer(answer);
    } catch (error) {
      verdict = verdictFromError(error);
    }
    const current = find(entry.id);
    if (current) {
      if (verdict.kind === "accepted") {
        update(entry.id, { phase: "accepted", item: verdict.item, message: null, loaded: current.total });
      } else {
        update(entry.id, { phase: verdict.kind, message: verdict.message });
      }
    }
    pump();
  }

  async function storeAll(ids: readonly string[], outbox: OutboxPort) {
    // One after another, so the outbox keeps the order they were picked in.
    for (const id of ids) {
      const entry = find(id);
      if (!entry) continue;
      try {
        await outbox.queue({ file: entry.file, filename: entry.filename, idempotencyKey: entry.idempotencyKey });
        update(id, { phase: "queued", message: null });
      } catch (error) {
        // E.g. the device is full: the file stays picked (nothing already queued is lost).
        update(id, { phase: "ready", message: errorMessage(error) });
      }
    }
  }

  return {
    getSnapshot: () => entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add(files) {
      const added: UploadEntry[] = [];
      for (const picked of files) {
        const file = "file" in picked ? picked.file : picked;
        const key = options.newKey();
        added.push({
          id: key,
          file,
          filename: picked.name || "unnamed",
          size: file.size,
          idempotencyKey: key,
          phase: "ready",
          loaded: 0,
          total: file.size,
          attempts: 0,
          message: null,
          item: null,
          seen: false,
        });
      }
      if (added.length > 0) commit([...entries, ...added]);
    },
    async start() {
      const ids = entries.filter((entry) => entry.phase === "ready").map((entry) => entry.id);
      if (ids.length === 0) return;
      const picked = new Set(ids);
      // Claimed at once, so a second press cannot hand the same files over twice.
      commit(entries.map((entry) => (picked.has(entry.id) ? { ...entry, phase: "storing", message: null } : entry)));
      let useOutbox = false;
      try {
        useOutbox = options.outbox ? await options.outbox.available() : false;
      } catch {
        useOutbox = false;
      }
      if (useOutbox && options.outbox) {
        await storeAll(ids, options.outbox);
        return;
      }
      commit(entries.map((entry) => (picked.has(entry.id) && entry.phase === "storing" ? { ...entry, phase: "waiting" } : entry)));
      pump();
    },
    retry(id) {
      const entry = find(id);
      if (!entry || entry.phase !== "retryable") return;
      update(id, { phase: "waiting", loaded: 0 });
      pump();
    },
    remove(id) {
      const entry = find(id);
      if (!entry || entry.phase === "sending" || entry.phase === "storing") return;
      commit(entries.filter((other) => other.id !== id));
    },
    clearFinished(keep) {
      const next = entries.filter((entry) => !FINISHED.has(entry.phase) || (keep?.(entry) ?? false));
      if (next.length !== entries.length) commit(next);
    },
    sync(present) {
      let changed = false;
      const next: UploadEntry[] = [];
      for (const entry of entries) {
        if (entry.phase !== "queued") {
          next.push(entry);
        } else if (present.has(entry.id)) {
          if (!entry.seen) changed = true;
          next.push(entry.seen ? entry : { ...entry, seen: true });
        } else if (entry.seen) {
          changed = true; // discarded from the outbox (here or on the Outbox screen)
        } else {
          next.push(entry); // stored a moment ago; the outbox's list has not caught up yet
        }
      }
      if (changed) commit(next);
    },
  };
}
