import { notifyManager, type Query, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/keys";
import {
  bySeq,
  DOCUMENT_DELETED,
  insertTimelineEvents,
  isDocumentDetail,
  isDocumentList,
  isDocumentListData,
  reduceDocumentDetail,
  reduceDocumentList,
  refreshesDocument,
  type DocumentDetail,
  type DocumentList,
  type DocumentListData,
  type LiveEvent,
} from "./event-reducer";
import { InvalidationScheduler } from "./invalidation-scheduler";

const LIST = queryKeys.documentLists()[0];
const DOCUMENT = queryKeys.document("")[0];
const TIMELINE = queryKeys.jobEvents("")[0];

type Kind = "list" | "detail" | "document-other" | "timeline";

function kindOf(key: QueryKey): Kind | null {
  if (key[0] === LIST) return "list";
  if (key[0] === DOCUMENT) return key.length === 2 ? "detail" : "document-other";
  if (key[0] === TIMELINE && key.length === 2) return "timeline";
  return null;
}

/** Every cache entry the live stream keeps up to date (lists, documents, timelines, histories). */
export function isLiveQuery(query: Pick<Query, "queryKey">): boolean {
  return kindOf(query.queryKey) !== null;
}

export interface LiveCacheOptions {
  /** How many recent events are kept to re-apply to answers that were on their way meanwhile. */
  recentMax?: number;
}

/**
 * Applies live events to the query cache exactly once each, in seq order.
 *
 * - `lastSeq` is the last seq applied: an event at or below it (a duplicate, or an older one
 *   arriving late) changes nothing; gaps are normal (the stream is the workspace's share).
 * - A refetch that was on its way while events were applied would overwrite them with what the
 *   server read before: when its answer lands, the events applied since the fetch began are
 *   applied to it again (patches are absolute, so this is idempotent).
 * - What events cannot patch (an extraction, a new document) is invalidated, coalesced.
 */
export class LiveCache {
  private cursor: number | null = null;
  private recent: LiveEvent[] = [];
  /** The highest seq dropped from `recent` (answers begun before it cannot be patched). */
  private forgottenUpTo: number | null = null;
  /** queryHash → lastSeq when that query's fetch began. */
  private readonly fetchStarts = new Map<string, number | null>();
  private readonly unsubscribe: () => void;
  private readonly recentMax: number;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly scheduler: InvalidationScheduler = new InvalidationScheduler(queryClient),
    options: LiveCacheOptions = {},
  ) {
    this.recentMax = options.recentMax ?? 2000;
    // Fetches already on their way began before any event: re-apply everything to their answers.
    for (const query of queryClient.getQueryCache().findAll({ predicate: isLiveQuery, fetchStatus: "fetching" })) {
      this.fetchStarts.set(query.queryHash, null);
    }
    this.unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "removed") {
        this.fetchStarts.delete(event.query.queryHash);
        return;
      }
      if (event.type !== "updated" || !isLiveQuery(event.query)) return;
      const { action, query } = event;
      if (action.type === "fetch") {
        if (!this.fetchStarts.has(query.queryHash)) this.fetchStarts.set(query.queryHash, this.cursor);
      } else if (action.type === "success" && !action.manual) {
        if (!this.fetchStarts.has(query.queryHash)) return;
        const began = this.fetchStarts.get(query.queryHash) ?? null;
        this.fetchStarts.delete(query.queryHash);
        this.reapply(query, began);
      } else if (action.type === "error") {
        this.fetchStarts.delete(query.queryHash);
      }
    });
  }

  /** The last seq applied; null until the first event or a baseline. */
  get lastSeq(): number | null {
    return this.cursor;
  }

  /** Apply a batch (any order, duplicates allowed). Returns how many events were new. */
  apply(events: readonly LiveEvent[]): number {
    if (events.length === 0) return 0;
    const sorted = [...events].sort(bySeq);
    const fresh: LiveEvent[] = [];
    let last = this.cursor;
    for (const event of sorted) {
      if (last !== null && event.seq <= last) continue;
      fresh.push(event);
      last = event.seq;
    }
    notifyManager.batch(() => {
      // A timeline holds each seq once, so even late events may fill a hole in it.
      this.patchTimelines(sorted);
      if (fresh.length === 0) return;
      this.cursor = last;
      this.remember(fresh);
      this.patchLists(fresh, true);
      this.patchDetails(fresh, true);
    });
    return fresh.length;
  }

  /**
   * The stream starts here (its earlier events will never be applied): every live entry is
   * refetched once, now, so nothing that happened before is missed. With `seq` (the latest seq
   * there is, read before this call), the resume point moves up to it.
   */
  baseline(seq?: number): void {
    if (seq !== undefined && (this.cursor === null || seq > this.cursor)) this.cursor = seq;
    for (const query of this.queryClient.getQueryCache().findAll({ predicate: isLiveQuery })) {
      // A first fetch on its way is not restarted by an invalidation (TanStack joins it), and it
      // may have read before the stream began: ask again once it has answered.
      if (query.state.fetchStatus === "fetching" && query.state.data === undefined) this.scheduler.invalidate(query.queryKey);
    }
    this.queryClient.invalidateQueries({ predicate: isLiveQuery }).catch(() => undefined);
  }

  /**
   * The stream resumes at `seq`, read before the data of the entries `covers` accepts: events
   * after it are applied to them as they arrive (nothing is refetched); every other live entry
   * is refetched once, as after a baseline. Once streaming, the events already applied after
   * `seq` are applied to the covered entries instead.
   */
  resume(seq: number, covers: (query: Query) => boolean): void {
    if (this.cursor !== null) {
      // Already streaming (a screen rendered by the server on a client-side navigation): the
      // events this tab applied after `seq` are applied to the entries the server read, too.
      for (const query of this.queryClient.getQueryCache().findAll({ predicate: (query) => isLiveQuery(query) && covers(query) })) {
        this.reapply(query, seq);
      }
      return;
    }
    this.cursor = seq;
    this.queryClient.invalidateQueries({ predicate: (query) => isLiveQuery(query) && !covers(query) }).catch(() => undefined);
  }

  dispose(): void {
    this.unsubscribe();
    this.fetchStarts.clear();
    this.recent = [];
  }

  // ---------------------------------------------------------------------------------------------
  private remember(events: LiveEvent[]): void {
    this.recent.push(...events);
    const excess = this.recent.length - this.recentMax;
    if (excess > 0) {
      this.forgottenUpTo = this.recent[excess - 1].seq;
      this.recent.splice(0, excess);
    }
  }

  private reapply(query: Query, began: number | null): void {
    if (this.forgottenUpTo !== null && (began === null || began < this.forgottenUpTo)) {
      this.scheduler.invalidate(query.queryKey);
      return;
    }
    const events = began === null ? this.recent : this.recent.filter((event) => event.seq > began);
    if (events.length === 0) return;
    // What the events cannot patch into this answer is asked for again; that next fetch begins
    // after these events, so they are not re-applied to it a second time (no loop).
    const kind = kindOf(query.queryKey);
    if (kind === "list") this.patchLists(events, true, query);
    else if (kind === "detail") this.patchDetails(events, true, query);
    else if (kind === "timeline") this.patchTimelines(events, query);
  }

  private patchLists(events: readonly LiveEvent[], schedule: boolean, only?: Query): void {
    const queries = only ? [only] : this.queryClient.getQueryCache().findAll({ queryKey: [LIST] });
    for (const query of queries) {
      const data = query.state.data;
      if (!isDocumentListData(data) && !isDocumentList(data)) continue;
      const outcome = reduceDocumentList<DocumentListData | DocumentList>(data, events);
      if (outcome.changed) this.queryClient.setQueryData(query.queryKey, outcome.data);
      if (outcome.refetch && schedule) this.scheduler.invalidate(query.queryKey, documentsOf(events));
    }
  }

  private patchDetails(events: readonly LiveEvent[], schedule: boolean, only?: Query): void {
    const ids = only ? [String(only.queryKey[1])] : [...new Set(events.map((event) => event.document_id))];
    for (const id of ids) {
      const key = queryKeys.document(id);
      const mine = events.filter((event) => event.document_id === id);
      // Gone: what no screen shows of it is dropped; an open review screen's entry says so (below).
      if (mine.some((event) => event.type === DOCUMENT_DELETED)) this.queryClient.removeQueries({ queryKey: key, type: "inactive" });
      const data = this.queryClient.getQueryData<DocumentDetail>(key);
      if (isDocumentDetail(data)) {
        const outcome = reduceDocumentDetail(data, mine);
        if (outcome.changed) this.queryClient.setQueryData(key, outcome.data);
        if (outcome.refetch && schedule) this.scheduler.invalidate(key);
      } else if (schedule && mine.some(refreshesDocument)) {
        this.scheduler.invalidate(key); // its history, if cached, changed too
      }
    }
  }

  private patchTimelines(events: readonly LiveEvent[], only?: Query): void {
    const jobIds = only ? [String(only.queryKey[1])] : [...new Set(events.map((event) => event.job_id))];
    for (const jobId of jobIds) {
      const key = queryKeys.jobEvents(jobId);
      const data = this.queryClient.getQueryData<readonly LiveEvent[]>(key);
      if (!Array.isArray(data)) continue; // not on any screen: nothing to keep up to date
      const next = insertTimelineEvents(data, jobId, events);
      if (next !== data) this.queryClient.setQueryData(key, next);
    }
  }
}

/** The documents a batch of events is about (what a list refetch for them is waiting on). */
function documentsOf(events: readonly LiveEvent[]): Set<string> {
  return new Set(events.map((event) => event.document_id));
}
