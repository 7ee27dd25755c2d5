/**
 * The device's own database (IndexedDB through Dexie): the outbox of writes waiting for the
 * server. One row per item; the item's id is its Idempotency-Key, made when it was queued and
 * sent with every attempt, so writing the same row twice (a write whose confirmation was lost)
 * changes nothing. An upload's bytes live in their own table (`files`, same id): a row's status
 * changes many times while it waits, and rewriting a row that held the Blob made the browser copy
 * the file each time (200 MiB queued took 401 MiB on disk).
 */
import Dexie, { type EntityTable } from "dexie";
import { DATABASE_NAME } from "./probe";
import type { ReviewFields } from "./types";

export type OutboxKind = "upload" | "review" | "finalize" | "retry" | "cancel";
export type OutboxStatus = "waiting" | "sending" | "failed" | "conflict" | "sent";

export interface OutboxError {
  message: string;
  status?: number;
  code?: string;
}

export interface OutboxItem {
  /** The Idempotency-Key: made when queued, reused by every resend. */
  id: string;
  kind: OutboxKind;
  /** Who queued it: it is only ever sent while that user is signed in. */
  userId: string;
  /** Items of one document are sent in the order they were queued. */
  documentId: string | null;
  jobId: string | null;
  /** A label for people: the file name, or the document's file name. */
  label: string;
  // upload (the bytes are in `files` under the same id)
  filename?: string;
  mimeType?: string;
  size?: number;
  // review
  fields?: ReviewFields;
  /** The version (ETag) the edit was made on. */
  etag?: string;
  status: OutboxStatus;
  attempts: number;
  lastError: OutboxError | null;
  /** The server's copy when a review edit conflicted (412). */
  conflictCurrent?: unknown;
  /** What the server answered once sent. */
  result?: unknown;
  createdAt: number;
  updatedAt: number;
  /** Not before this time (backoff); 0 = now. */
  nextAttemptAt: number;
  /** Monotonic order of queueing within this device (ties on createdAt). */
  order: number;
}

/** The bytes of a queued upload, kept until the server has them. */
export interface OutboxFile {
  /** The upload's outbox id (its Idempotency-Key). */
  id: string;
  blob: Blob;
}

const OUTBOX_SCHEMA = "id, status, userId, documentId, order, [userId+status]";

export class DocflowDatabase extends Dexie {
  outbox!: EntityTable<OutboxItem, "id">;
  files!: EntityTable<OutboxFile, "id">;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ outbox: OUTBOX_SCHEMA });
    // Version 2: uploads' bytes move out of their rows into `files`.
    this.version(2)
      .stores({ outbox: OUTBOX_SCHEMA, files: "id" })
      .upgrade(async (tx) => {
        const outbox = tx.table<OutboxItem & { file?: Blob }, string>("outbox");
        const files = tx.table<OutboxFile, string>("files");
        for (const row of await outbox.filter((item) => item.file !== undefined).toArray()) {
          if (row.file && row.status !== "sent") await files.put({ id: row.id, blob: row.file });
          await outbox.update(row.id, { file: undefined } as Partial<OutboxItem & { file?: Blob }>);
        }
      });
  }
}

let database: DocflowDatabase | null = null;

/** The app's database, opened on first use (null where IndexedDB is not available). */
export function getDatabase(): DocflowDatabase | null {
  if (database) return database;
  if (typeof indexedDB === "undefined") return null;
  database = new DocflowDatabase();
  return database;
}
