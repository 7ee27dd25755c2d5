/**
 * The event reducer: pure functions that fold live events (the API's event envelope) into the
 * query-cache shapes the screens read — list pages, a document's detail entry, a job's timeline.
 * Nothing here talks to the network or to the QueryClient (see live-cache.ts for that).
 */
import type { InfiniteData } from "@tanstack/react-query";
import type { components } from "@/lib/api/schema";

export type LiveEvent = components["schemas"]["EventRead"];
export type EventPage = components["schemas"]["EventPage"];
export type DocumentList = components["schemas"]["DocumentList"];
export type DocumentListItem = components["schemas"]["DocumentListItem"];
export type DocumentRead = components["schemas"]["DocumentRead"];
export type JobRead = components["schemas"]["JobRead"];

/** queryKeys.documentList(params): the dashboard's infinite list (a plain page is tolerated too). */
export type DocumentListData = InfiniteData<DocumentList, unknown>;
/** queryKeys.document(id): the document and the version it was read at. */
export interface DocumentDetail {
  document: DocumentRead;
  etag: string;
  /** Set once the document is known to be gone (its `document_deleted` event, or this tab's delete). */
  deleted?: true;
}

const JOB_STATUSES = new Set(["queued", "processing", "completed", "failed", "cancelled"]);
const ENDED = new Set(["completed", "failed", "cancelled"]);
/** Events of the review, not of the job: they leave the job as it is. */
const REVIEW_EVENTS = new Set(["document_reviewed", "document_finalized"]);
/** After these the document holds data the event does not carry (extraction, reviewed values). */
const DOCUMENT_REFETCH = new Set(["job_completed", "document_reviewed", "document_finalized"]);
/** The document is gone (DELETE /api/documents/{id} or the retention purge): lists drop its row. */
export const DOCUMENT_DELETED = "document_deleted";
/** After these a list row's own columns (vendor, number, total…) may have changed. */
const ROW_REFETCH = new Set(["job_completed", "document_reviewed"]);
/** Events that move a document to another status (a list's counts and filter follow). */
const STATUS_EVENTS = new Set([
  "job_queued",
  "job_started",
  "job_completed",
  "job_failed",
  "job_cancelled",
  "document_finalized",
]);

export function bySeq(a: LiveEvent, b: LiveEvent): number {
  return a.seq - b.seq;
}

/** Whether an event makes a document's detail (extraction, reviewed values) stale. */
export function refreshesDocument(event: LiveEvent): boolean {
  return DOCUMENT_REFETCH.has(event.type);
}

function errorOf(event: LiveEvent): string | null {
  const error = event.data?.error;
  return typeof error === "string" ? error : null;
}

/** The job as the event describes it (status, progress, stage, attempt, error, times). */
export function patchJob(job: JobRead, event: LiveEvent): JobRead {
  if (job.id !== event.job_id || REVIEW_EVENTS.has(event.type)) return job;
  if (event.attempt < job.attempt || !JOB_STATUSES.has(event.status)) return job;
  const requeued = event.type === "job_queued";
  const ended = ENDED.has(event.status);
  const retries = requeued && event.attempt > job.attempt ? event.attempt - job.attempt : 0;
  const next: JobRead = {
    ...job,
    status: event.status,
    progress_percentage: event.progress,
    current_stage: event.stage,
    attempt: event.attempt,
    retry_count: job.retry_count + retries,
    error_message:
      event.type === "job_failed" ? (errorOf(event) ?? job.error_message) : ended ? job.error_message : null,
    started_at: event.type === "job_started" ? event.at : requeued ? null : job.started_at,
    completed_at: ended ? (ENDED.has(job.status) && job.completed_at ? job.completed_at : event.at) : null,
    updated_at: event.at,
  };
  const same =
    next.status === job.status &&
    next.progress_percentage === job.progress_percentage &&
    next.current_stage === job.current_stage &&
    next.attempt === job.attempt &&
    next.retry_count === job.retry_count &&
    next.error_message === job.error_message &&
    next.started_at === job.started_at &&
    next.completed_at === job.completed_at;
  return same ? job : next;
}

/** The document's status after the event: the job's, except once finalized. */
export function nextDocumentStatus(current: string, event: LiveEvent): string {
  if (event.type === "document_finalized") return "finalized";
  if (REVIEW_EVENTS.has(event.type) || current === "finalized" || !JOB_STATUSES.has(event.status)) {
    return current;
  }
  return event.status;
}

interface DocumentLike {
  id: string;
  current_status: string;
  job: JobRead | null;
}

interface DocumentOutcome<T> {
  doc: T;
  /** The event speaks of a job this copy does not hold (none, or another id): ask the server. */
  unknownJob: boolean;
}

/** One event on one document (a list row or a detail's document). Same object when unchanged. */
export function patchDocument<T extends DocumentLike>(doc: T, event: LiveEvent): DocumentOutcome<T> {
  if (doc.id !== event.document_id) return { doc, unknownJob: false };
  const job = doc.job;
  if (!REVIEW_EVENTS.has(event.type)) {
    if (!job || job.id !== event.job_id) return { doc, unknownJob: true };
    if (event.attempt < job.attempt) return { doc, unknownJob: false }; // an earlier attempt's news
  }
  const nextJob = job ? patchJob(job, event) : job;
  const status = nextDocumentStatus(doc.current_status, event);
  const finalized = event.type === "document_finalized" && "is_finalized" in doc && doc.is_finalized !== true;
  if (nextJob === job && status === doc.current_status && !finalized) return { doc, unknownJob: false };
  const next = { ...doc, job: nextJob, current_status: status };
  if (finalized) (next as T & { is_finalized: boolean }).is_finalized = true;
  return { doc: next, unknownJob: false };
}

export interface ReduceOutcome<T> {
  data: T;
  changed: boolean;
  /** The cached copy cannot be brought up to date from the events alone: refetch it (coalesced). */
  refetch: boolean;
}

function groupByDocument(events: readonly LiveEvent[]): Map<string, LiveEvent[]> {
  const groups = new Map<string, LiveEvent[]>();
  for (const event of [...events].sort(bySeq)) {
    const group = groups.get(event.document_id);
    if (group) group.push(event);
    else groups.set(event.document_id, [event]);
  }
  return groups;
}

export function isDocumentList(data: unknown): data is DocumentList {
  return typeof data === "object" && data !== null && Array.isArray((data as DocumentList).items);
}

export function isDocumentListData(data: unknown): data is DocumentListData {
  const pages = (data as DocumentListData | null)?.pages;
  return Array.isArray(pages) && pages.every(isDocumentList);
}

export function isDocumentDetail(data: unknown): data is DocumentDetail {
  const document = (data as DocumentDetail | null)?.document;
  return typeof document === "object" && document !== null && typeof document.id === "string";
}

function shiftCounts(counts: Record<string, number>, delta: Map<string, number>): Record<string, number> {
  const next = { ...counts };
  for (const [status, by] of delta) next[status] = Math.max(0, (next[status] ?? 0) + by);
  return next;
}

/**
 * Events into a list (the infinite query's pages, or one page): rows patched in place, the
 * per-status counts moved with every status change of a row found. A status change of a document
 * this list does not hold (a new upload, a row further down or filtered out), or new columns
 * after a job completed or a review, asks for a refetch.
 */
export function reduceDocumentList<T extends DocumentListData | DocumentList>(
  data: T,
  events: readonly LiveEvent[],
): ReduceOutcome<T> {
  const groups = groupByDocument(events);
  const found = new Set<string>();
  const delta = new Map<string, number>();
  let changed = false;
  let refetch = false;

  const reducePage = (page: DocumentList): DocumentList => {
    let pageChanged = false;
    const items = page.items.flatMap((item) => {
      const group = groups.get(item.id);
      if (!group) return [item];
      const first = !found.has(item.id);
      found.add(item.id);
      if (group.some((event) => event.type === DOCUMENT_DELETED)) {
        pageChanged = true;
        if (first) delta.set(item.current_status, (delta.get(item.current_status) ?? 0) - 1);
        return [];
      }
      let row = item;
      for (const event of group) {
        const outcome = patchDocument(row, event);
        if (outcome.unknownJob) refetch = true;
        else if (ROW_REFETCH.has(event.type) && event.attempt >= (row.job?.attempt ?? 0)) refetch = true;
        row = outcome.doc;
      }
      if (row === item) return [item];
      pageChanged = true;
      if (first && row.current_status !== item.current_status) {
        delta.set(item.current_status, (delta.get(item.current_status) ?? 0) - 1);
        delta.set(row.current_status, (delta.get(row.current_status) ?? 0) + 1);
      }
      return [row];
    });
    return pageChanged ? { ...page, items } : page;
  };

  const pages = isDocumentListData(data) ? data.pages.map(reducePage) : [reducePage(data as DocumentList)];
  changed = pages.some((page, i) => page !== (isDocumentListData(data) ? data.pages[i] : data));
  for (const [id, group] of groups) {
    if (!found.has(id) && group.some((event) => STATUS_EVENTS.has(event.type) || event.type === DOCUMENT_DELETED)) refetch = true;
  }
  for (const [status, by] of delta) if (by === 0) delta.delete(status);
  if (delta.size > 0) {
    changed = true;
    for (let i = 0; i < pages.length; i++) pages[i] = { ...pages[i], counts: shiftCounts(pages[i].counts, delta) };
  }
  if (!changed) return { data, changed: false, refetch };
  const next = isDocumentListData(data) ? { ...data, pages } : pages[0];
  return { data: next as T, changed: true, refetch };
}

/** Events into a document's detail entry: status and job in place; refetch when the extraction
 * or the reviewed values changed (the events do not carry them). */
export function reduceDocumentDetail(entry: DocumentDetail, events: readonly LiveEvent[]): ReduceOutcome<DocumentDetail> {
  const mine = events.filter((event) => event.document_id === entry.document.id).sort(bySeq);
  // Gone: the screen says so; asking the server again would only get a 404.
  if (entry.deleted) return { data: entry, changed: false, refetch: false };
  if (mine.some((event) => event.type === DOCUMENT_DELETED)) return { data: { ...entry, deleted: true }, changed: true, refetch: false };
  let document = entry.document;
  let refetch = false;
  for (const event of mine) {
    const outcome = patchDocument(document, event);
    if (outcome.unknownJob || refreshesDocument(event)) refetch = true;
    document = outcome.doc;
  }
  if (document === entry.document) return { data: entry, changed: false, refetch };
  return { data: { ...entry, document }, changed: true, refetch };
}

/** A job's timeline (ascending by seq) with the job's new events in place; no seq twice. */
export function insertTimelineEvents(
  timeline: readonly LiveEvent[],
  jobId: string,
  events: readonly LiveEvent[],
): readonly LiveEvent[] {
  const have = new Set(timeline.map((event) => event.seq));
  const added: LiveEvent[] = [];
  for (const event of events) {
    if (event.job_id !== jobId || have.has(event.seq)) continue;
    have.add(event.seq);
    added.push(event);
  }
  if (added.length === 0) return timeline;
  return [...timeline, ...added].sort(bySeq);
}
