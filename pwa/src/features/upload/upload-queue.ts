import type { UploadAnswer, UploadProgress } from "@/lib/api/upload";
import { verdictFromAnswer, verdictFromError, type UploadItem } from "./verdict";

/**
 * ready: picked, not asked to send yet · waiting: "Upload" pressed, waiting for a free slot ·
 * sending: bytes on the way · accepted / rejected: the server's verdict · retryable: no verdict
 * yet (network, 5xx, 409 still running) — "Retry" sends it again under the same key.
 */
export type UploadPhase = "ready" | "waiting" | "sending" | "accepted" | "rejected" | "retryable";

export interface UploadEntry {
  /** Local id for the list (not sent). */
  readonly id: string;
  readonly file: Blob;
  readonly filename: string;
  readonly size: number;
  /** Made when the file was picked; every try of this file sends it. */
  readonly idempotencyKey: string;
  readonly phase: UploadPhase;
  /** Bytes handed to the network in the current (or last) try, out of `total`. */
  readonly loaded: number;
  readonly total: number;
  readonly attempts: number;
  /** Why it was rejected or needs a retry, in words. */
  readonly message: string | null;
  /** The accepted item (document, job, duplicate_of). */
  readonly item: UploadItem | null;
}

export interface SendRequest {
  file: Blob;
  filename: string;
  idempotencyKey: string;
  onProgress: (progress: UploadProgress) => void;
}

export interface UploadQueueOptions {
  /** Sends one file (in the app: submitWrite({kind: "upload", …})). */
  send: (request: SendRequest) => Promise<UploadAnswer>;
  newKey: () => string;
  newId?: () => string;
  /** At most this many files on the way at once (2). */
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
  /** Sends every file not asked for yet, two at a time. */
  start(): void;
  /** Sends a file again under its own key. */
  retry(id: string): void;
  /** Takes a file off the list (never one on the way). */
  remove(id: string): void;
  /** Drops files that are done: rejected ones, and accepted ones unless `keep` says otherwise. */
  clearFinished(keep?: (entry: UploadEntry) => boolean): void;
}

const FINISHED: ReadonlySet<UploadPhase> = new Set(["accepted", "rejected"]);

export function createUploadQueue(options: UploadQueueOptions): UploadQueue {
  const maxInFlight = options.maxInFlight ?? 2;
  let counter = 0;
  const newId = options.newId ?? (() => `upload-${++counter}`);
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
        const name = picked.name;
        added.push({
          id: newId(),
          file,
          filename: name || "unnamed",
          size: file.size,
          idempotencyKey: options.newKey(),
          phase: "ready",
          loaded: 0,
          total: file.size,
          attempts: 0,
          message: null,
          item: null,
        });
      }
      if (added.length > 0) commit([...entries, ...added]);
    },
    start() {
      if (!entries.some((entry) => entry.phase === "ready")) return;
      commit(entries.map((entry) => (entry.phase === "ready" ? { ...entry, phase: "waiting" } : entry)));
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
      if (!entry || entry.phase === "sending") return;
      commit(entries.filter((other) => other.id !== id));
    },
    clearFinished(keep) {
      const next = entries.filter((entry) => !FINISHED.has(entry.phase) || (keep?.(entry) ?? false));
      if (next.length !== entries.length) commit(next);
    },
  };
}
