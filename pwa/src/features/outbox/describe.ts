import type { OutboxItem, OutboxKind, OutboxStatus } from "@/offline/db";

/** What an outbox item is, in words. */
export function kindWords(item: Pick<OutboxItem, "kind" | "fields">): string {
  switch (item.kind) {
    case "upload":
      return "Upload";
    case "review": {
      const count = Object.keys(item.fields ?? {}).length;
      return `Review edit (${count} ${count === 1 ? "field" : "fields"})`;
    }
    case "finalize":
      return "Finalize";
    case "retry":
      return "Retry processing";
    case "cancel":
      return "Cancel processing";
  }
}

export type Tone = "neutral" | "busy" | "warn" | "error" | "done";

export interface StateWords {
  text: string;
  tone: Tone;
}

export interface StateContext {
  online: boolean;
  /** Bytes sent so far, for an upload on the way. */
  progress?: { loaded: number; total: number };
}

/** Where an item stands, in words (never colour alone). */
export function stateWords(item: Pick<OutboxItem, "status" | "lastError">, context: StateContext): StateWords {
  switch (item.status) {
    case "waiting":
      if (item.lastError?.status === 401) return { text: "Waiting for sign-in", tone: "warn" };
      if (!context.online) return { text: "Waiting — offline", tone: "neutral" };
      if (item.lastError) return { text: "Waiting to try again", tone: "warn" };
      return { text: "Waiting", tone: "neutral" };
    case "sending": {
      const progress = context.progress;
      if (progress && progress.total > 0) {
        return { text: `Sending (${Math.min(100, Math.round((progress.loaded / progress.total) * 100))}%)`, tone: "busy" };
      }
      return { text: "Sending", tone: "busy" };
    }
    case "failed":
      return { text: "Failed", tone: "error" };
    case "conflict":
      return { text: "Conflict — needs your choice", tone: "error" };
    case "sent":
      return { text: "Sent", tone: "done" };
  }
}

/** "Retry now" helps an item that waits after a failed try, or one the server refused. */
export function canRetryNow(item: Pick<OutboxItem, "status" | "lastError">): boolean {
  if (item.status === "failed") return true;
  return item.status === "waiting" && item.lastError !== null && item.lastError.status !== 401;
}

/** Discarding these loses the reviewer's work (a file, an edit): ask first. */
export function discardNeedsConfirmation(kind: OutboxKind): boolean {
  return kind === "upload" || kind === "review";
}

const SUMMARY: [OutboxStatus, string][] = [
  ["sending", "sending"],
  ["waiting", "waiting"],
  ["failed", "failed"],
  ["conflict", "in conflict"],
];

/** One sentence for the polite live region. */
export function summarize(items: readonly Pick<OutboxItem, "status">[]): string {
  const pending = items.filter((item) => item.status !== "sent");
  if (pending.length === 0) return "Nothing is waiting: everything reached the server.";
  const counts = new Map<OutboxStatus, number>();
  for (const item of pending) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  const parts = SUMMARY.filter(([status]) => counts.has(status)).map(([status, words]) => `${counts.get(status)} ${words}`);
  return `${pending.length} ${pending.length === 1 ? "item" : "items"} on this device: ${parts.join(", ")}.`;
}

/** The document an item leads to: its own, or the one an upload created. */
export function documentOf(item: Pick<OutboxItem, "documentId" | "kind" | "result">): string | null {
  if (item.documentId) return item.documentId;
  if (item.kind !== "upload") return null;
  const first = (item.result as { items?: { status?: string; document?: { id?: string } }[] } | undefined)?.items?.[0];
  return first?.status === "accepted" && typeof first.document?.id === "string" ? first.document.id : null;
}
