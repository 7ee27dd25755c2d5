import type { OutboxItem, OutboxStatus } from "@/offline/db";
import type { UploadEntry } from "./upload-queue";
import { verdictFromAnswer, type AcceptedItem } from "./verdict";

/**
 * One file as the upload screen lists it, whether it lives on this screen only (picked, or sent
 * directly without IndexedDB) or in the device's outbox (its row: waiting, sending, sent, failed).
 */
export type ViewPhase = "ready" | "storing" | "waiting" | "sending" | "accepted" | "rejected" | "retryable";

export interface UploadView {
  id: string;
  filename: string;
  size: number;
  phase: ViewPhase;
  /** Kept in the device's outbox (survives a reload; the sync engine sends it). */
  stored: boolean;
  /** The outbox row's status, when stored. */
  outboxStatus: OutboxStatus | null;
  loaded: number;
  total: number;
  attempts: number;
  /** Why it was refused, why it is not sent yet, or why it could not be stored. */
  message: string | null;
  /** An HTTP status behind `message` (401: sign in again). */
  messageStatus: number | null;
  /** Stored and waiting after a failed try: not before this time (ms since epoch; 0 = now). */
  nextAttemptAt: number;
  item: AcceptedItem | null;
}

export interface Progress {
  loaded: number;
  total: number;
}

function fromEntry(entry: UploadEntry): UploadView {
  const phase: ViewPhase = entry.phase === "queued" ? "storing" : entry.phase;
  return {
    id: entry.id,
    filename: entry.filename,
    size: entry.size,
    phase,
    stored: entry.phase === "queued",
    outboxStatus: null,
    loaded: entry.loaded,
    total: entry.total,
    attempts: entry.attempts,
    message: entry.message,
    messageStatus: null,
    nextAttemptAt: 0,
    item: entry.item,
  };
}

/** An outbox upload row (with the bytes sent, if it is on the way) as the screen shows it. */
export function fromRow(row: OutboxItem, progress: Progress | undefined): UploadView {
  const size = row.size ?? 0;
  const view: UploadView = {
    id: row.id,
    filename: row.filename ?? row.label,
    size,
    phase: "waiting",
    stored: true,
    outboxStatus: row.status,
    loaded: 0,
    total: size,
    attempts: row.attempts,
    message: row.lastError?.message ?? null,
    messageStatus: row.lastError?.status ?? null,
    nextAttemptAt: row.nextAttemptAt,
    item: null,
  };
  switch (row.status) {
    case "waiting":
      return view;
    case "sending":
      return { ...view, phase: "sending", message: null, loaded: progress?.loaded ?? 0, total: progress?.total || size };
    case "sent": {
      const verdict = verdictFromAnswer(row.result as Parameters<typeof verdictFromAnswer>[0]);
      if (verdict.kind === "accepted") return { ...view, phase: "accepted", item: verdict.item, message: null, loaded: size };
      return { ...view, phase: "rejected", message: verdict.message };
    }
    case "failed":
    case "conflict":
      return { ...view, phase: "rejected" };
  }
}

/**
 * The list: the user's outbox uploads in queue order — those still to go, and those this screen
 * queued (sent ones stay until cleared) — then the files only this screen knows (picked, being
 * stored, or sent directly).
 */
export function uploadViews(
  entries: readonly UploadEntry[],
  rows: readonly OutboxItem[],
  progress: ReadonlyMap<string, Progress>,
): UploadView[] {
  const listed = new Set(entries.map((entry) => entry.id));
  const views: UploadView[] = [];
  const fromOutbox = new Set<string>();
  for (const row of rows) {
    if (row.kind !== "upload") continue;
    if (row.status === "sent" && !listed.has(row.id)) continue;
    fromOutbox.add(row.id);
    views.push(fromRow(row, progress.get(row.id)));
  }
  for (const entry of entries) {
    if (fromOutbox.has(entry.id)) continue;
    // Queued and seen, but no longer in the outbox: discarded elsewhere (sync() drops it).
    if (entry.phase === "queued" && entry.seen) continue;
    views.push(fromEntry(entry));
  }
  return views;
}
