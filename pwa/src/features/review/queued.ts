/**
 * The review screen's view of the device's outbox for one document — pure, so it is unit-tested.
 *
 * Saves wait in the outbox (offline, or until the server answers). The screen shows the reviewer
 * what they saved, not only what the server has: the fields of queued edits are laid over the
 * server's values, in queue order, and the version they will make is predicted so a further save
 * names it in If-Match (each applied edit moves the version on by one).
 */
import type { OutboxItem } from "@/offline/db";
import type { ReviewFields } from "@/offline/outbox";
import { FIELD_NAMES, readFields, valuesOf, type DocumentRead, type FieldName, type FieldValues } from "./fields";

/** The parts of an outbox row the review screen reads (a just-queued edit may not be a row yet). */
export type QueuedItem = Pick<OutboxItem, "id" | "kind" | "status" | "fields" | "etag" | "lastError" | "result" | "conflictCurrent">;

const ON_THE_WAY = new Set<QueuedItem["status"]>(["waiting", "sending"]);

/** An edit or finalize that still goes to the server by itself (waiting, or being sent). */
export function isOnTheWay(item: QueuedItem): boolean {
  return ON_THE_WAY.has(item.status);
}

/** A sent write's answer, when it carries the document (review and finalize do). */
export function sentDocument(item: QueuedItem): DocumentRead | null {
  if (item.status !== "sent" || (item.kind !== "review" && item.kind !== "finalize")) return null;
  const result = item.result as { document?: DocumentRead } | null | undefined;
  return result?.document?.extraction ? result.document : null;
}

/** The version an ETag names (`"7"` → 7; W/ and lists are not made by this app). */
export function versionOfEtag(etag: string | undefined | null): number | null {
  const match = /^"(\d+)"$/.exec((etag ?? "").trim());
  return match ? Number(match[1]) : null;
}

export function etagOfVersion(version: number): string {
  return `"${version}"`;
}

/** Only known field names, values as strings or null. */
export function queuedFields(fields: ReviewFields | undefined): Partial<FieldValues> {
  const out: Partial<FieldValues> = {};
  for (const name of FIELD_NAMES) {
    if (fields && Object.prototype.hasOwnProperty.call(fields, name)) out[name] = fields[name] ?? null;
  }
  return out;
}

export interface QueuedOverlay {
  /** The server's values with the queued edits laid over them. */
  values: FieldValues;
  /** The version once every queued edit is applied (what the next save's If-Match names). */
  version: number;
  /** Queued edits not yet answered by the server. */
  pendingEdits: number;
  /** A newer copy than `server` that a sent write of this tab's outbox already holds. */
  newer: DocumentRead | null;
}

/**
 * `server`: the values and version the screen has from the server. `items`: the document's outbox
 * rows in queue order. A sent write whose answer is newer than `server` counts as the server's
 * (its answer may reach the screen a moment after the row says "sent"); waiting and sending edits
 * are laid over in order. Refused edits (failed, conflict) are not: the screen shows those apart.
 */
export function overlayQueued(server: { values: FieldValues; version: number }, items: readonly QueuedItem[]): QueuedOverlay {
  let values: FieldValues = { ...server.values };
  let version = server.version;
  let newer: DocumentRead | null = null;
  for (const item of items) {
    const document = sentDocument(item);
    const sentVersion = document?.extraction?.version;
    if (document && sentVersion !== undefined && sentVersion > version) {
      values = valuesOf(readFields(document));
      version = sentVersion;
      newer = document;
    }
  }
  let pendingEdits = 0;
  for (const item of items) {
    if (item.kind !== "review" || !isOnTheWay(item)) continue;
    const fields = queuedFields(item.fields);
    const changes = (Object.keys(fields) as FieldName[]).some((name) => fields[name] !== values[name]);
    values = { ...values, ...fields };
    pendingEdits += 1;
    // An edit that changes nothing leaves the version where it is (the API records nothing).
    if (changes) version += 1;
  }
  return { values, version, pendingEdits, newer };
}

/** A finalize waiting behind the edits (the form is locked meanwhile). */
export function finalizeQueued(items: readonly QueuedItem[]): boolean {
  return items.some((item) => item.kind === "finalize" && isOnTheWay(item));
}

/** The first queued edit the server refused because the document changed meanwhile (412). */
export function conflictItem(items: readonly QueuedItem[]): QueuedItem | null {
  return items.find((item) => item.kind === "review" && item.status === "conflict" && item.conflictCurrent) ?? null;
}

/** Queued edits the server refused (e.g. 422): kept on the device for the reviewer to fix or discard. */
export function failedEdits(items: readonly QueuedItem[]): QueuedItem[] {
  return items.filter((item) => item.kind === "review" && item.status === "failed");
}

/** Why a queued write has not gone yet, in words (null: nothing to say). */
export function queuedProblem(items: readonly QueuedItem[]): string | null {
  for (const item of items) {
    if (!isOnTheWay(item) || !item.lastError) continue;
    if (item.lastError.status === 401) return "Sign in again to send this.";
    return item.lastError.message;
  }
  return null;
}

/** The server's copy carried by a conflicted row, with its ETag. */
export function conflictCopyOf(item: QueuedItem): { document: DocumentRead; etag: string } | null {
  const document = item.conflictCurrent as DocumentRead | null | undefined;
  if (!document || typeof document !== "object" || !document.extraction) return null;
  return { document, etag: etagOfVersion(document.extraction.version) };
}

/** Whether two sets of values are the same, field by field. */
export function sameValues(a: FieldValues, b: FieldValues): boolean {
  return FIELD_NAMES.every((name) => a[name] === b[name]);
}
