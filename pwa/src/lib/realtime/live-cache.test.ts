import { InfiniteQueryObserver, QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { queryKeys } from "@/lib/api/keys";
import type { DocumentDetail, DocumentList, DocumentListData, LiveEvent } from "./event-reducer";
import { InvalidationScheduler } from "./invalidation-scheduler";
import { LiveCache } from "./live-cache";
import { detail, event, job, listData, page, row } from "./test-fixtures";

const LIST_KEY = queryKeys.documentList({ sort: "-uploaded_at" });

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const scheduler = new InvalidationScheduler(client);
  const cache = new LiveCache(client, scheduler);
  return { client, scheduler, cache };
}

function list(client: QueryClient): DocumentListData {
  return client.getQueryData<DocumentListData>(LIST_KEY)!;
}

/** An active infinite list (an observer, as a mounted dashboard has) whose fetches are counted. */
function watchList(client: QueryClient, answer: () => Promise<DocumentList> | DocumentList) {
  const calls = { count: 0 };
  const observer = new InfiniteQueryObserver(client, {
    queryKey: LIST_KEY,
    queryFn: async () => {
      calls.count++;
      return answer();
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: DocumentList) => last.next_cursor,
    staleTime: Infinity,
  });
  const unsubscribe = observer.subscribe(() => undefined);
  return { calls, unsubscribe };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("LiveCache", () => {
  it("applies a duplicate once (the counts move once)", () => {
    const { client, cache } = setup();
    client.setQueryData(LIST_KEY, listData(page([row("a"), row("b")])));
    expect(cache.apply([event(1, "job_started", "a"), event(1, "job_started", "a")])).toBe(1);
    expect(cache.apply([event(1, "job_started", "a")])).toBe(0);
    expect(list(client).pages[0].counts).toMatchObject({ queued: 1, processing: 1 });
    expect(cache.lastSeq).toBe(1);
  });

  it("sorts an out-of-order batch and never lets an older event undo a newer one", () => {
    const { client, cache } = setup();
    client.setQueryData(LIST_KEY, listData(page([row("a")])));
    client.setQueryData(queryKeys.jobEvents("job-a"), [event(1, "job_queued", "a")]);
    cache.apply([event(4, "document_parsing_completed", "a"), event(2, "job_started", "a"), event(3, "document_parsing_started", "a")]);
    expect(list(client).pages[0].items[0].job).toMatchObject({ progress_percentage: 60, current_stage: "extracting" });

    // seq 5 arrives, then a late seq 4.5-ish straggler (seq 4 again) and an older one (seq 2)
    cache.apply([event(6, "field_extraction_completed", "a")]);
    expect(cache.apply([event(5, "document_parsing_progress", "a", { progress: 30 })])).toBe(0);
    expect(list(client).pages[0].items[0].job).toMatchObject({ progress_percentage: 90, current_stage: "storing" });
    expect(cache.lastSeq).toBe(6);
    // …but the timeline, which holds each seq once, does take the late one in its place
    const timeline = client.getQueryData<LiveEvent[]>(queryKeys.jobEvents("job-a"))!;
    expect(timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("takes gapped sequences as they come (the stream is the workspace's share)", () => {
    const { client, cache } = setup();
    client.setQueryData(LIST_KEY, listData(page([row("a")])));
    expect(cache.apply([event(7, "job_started", "a")])).toBe(1);
    expect(cache.apply([event(120, "document_parsing_started", "a")])).toBe(1);
    expect(cache.apply([event(4000, "job_failed", "a", { data: { error: "no pages" } })])).toBe(1);
    expect(list(client).pages[0].items[0]).toMatchObject({ current_status: "failed", job: { error_message: "no pages" } });
    expect(cache.lastSeq).toBe(4000);
  });

  it("reflects status transitions in the list and the detail alike", () => {
    const { client, cache } = setup();
    client.setQueryData(LIST_KEY, listData(page([row("a")])));
    client.setQueryData(queryKeys.document("a"), detail("a"));
    cache.apply([event(1, "job_started", "a")]);
    expect(list(client).pages[0].items[0].current_status).toBe("processing");
    expect(client.getQueryData<DocumentDetail>(queryKeys.document("a"))!.document.current_status).toBe("processing");
    cache.apply([event(2, "job_cancelled", "a")]);
    expect(list(client).pages[0].items[0].current_status).toBe("cancelled");
    expect(client.getQueryData<DocumentDetail>(queryKeys.document("a"))!.document.job).toMatchObject({ status: "cancelled" });
    expect(list(client).pages[0].counts).toMatchObject({ queued: 0, processing: 0, cancelled: 1 });
  });

  it("adds to a job's timeline only when that timeline is cached", () => {
    const { client, cache } = setup();
    cache.apply([event(1, "job_queued", "a")]);
    expect(client.getQueryData(queryKeys.jobEvents("job-a"))).toBeUndefined();
  });

  it("an event for an unknown document refetches the active list once, however many arrive", async () => {
    const { client, cache } = setup();
    const { calls } = watchList(client, () => page([row("a")]));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.count).toBe(1);
    for (let seq = 1; seq <= 12; seq++) {
      cache.apply([event(seq, "job_queued", `upload-${seq}`)]);
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.count).toBe(2);
    // progress of rows it does not hold costs no refetch
    cache.apply([event(50, "document_parsing_progress", "upload-1")]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.count).toBe(2);
    // a steady stream for 3 s: at most one refetch per 500 ms
    for (let seq = 100; seq < 250; seq++) {
      cache.apply([event(seq, "job_queued", `upload-${seq}`)]);
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.count - 2).toBeLessThanOrEqual(3000 / 500 + 1);
  });

  it("refetches the list and the document once when jobs complete in a burst", async () => {
    const { client, cache } = setup();
    const processing = (id: string) => row(id, { current_status: "processing", job: job(`job-${id}`, id, { status: "processing" }) });
    const { calls } = watchList(client, () => page([processing("a"), processing("b"), processing("c")]));
    await vi.advanceTimersByTimeAsync(0);
    const invalidate = vi.spyOn(client, "invalidateQueries");
    cache.apply([event(1, "job_completed", "a")]);
    cache.apply([event(2, "job_completed", "b")]);
    cache.apply([event(3, "job_completed", "c")]);
    // the rows say Completed at once, without waiting for the refetch
    expect(list(client).pages[0].items.map((i) => i.current_status)).toEqual(["completed", "completed", "completed"]);
    await vi.advanceTimersByTimeAsync(600);
    expect(calls.count).toBe(2);
    const keys = invalidate.mock.calls.map(([filters]) => JSON.stringify(filters?.queryKey));
    expect(keys.filter((k) => k === JSON.stringify(LIST_KEY))).toHaveLength(1);
    expect(keys).toContain(JSON.stringify(queryKeys.document("a")));
  });

  it("re-applies events that arrived while a refetch was on its way", async () => {
    const { client, cache } = setup();
    let release: (value: DocumentList) => void = () => undefined;
    let first = true;
    watchList(client, () => {
      if (first) {
        first = false;
        return page([row("a")]);
      }
      return new Promise<DocumentList>((resolve) => (release = resolve));
    });
    await vi.advanceTimersByTimeAsync(0);
    cache.apply([event(1, "job_started", "a")]);
    void client.invalidateQueries({ queryKey: LIST_KEY }); // a refetch begins (read before seq 2)
    cache.apply([event(2, "job_completed", "a")]);
    release(page([row("a", { current_status: "processing", job: job("job-a", "a", { status: "processing", progress_percentage: 5 }) })]));
    await vi.advanceTimersByTimeAsync(0);
    expect(list(client).pages[0].items[0]).toMatchObject({ current_status: "completed", job: { status: "completed", progress_percentage: 100 } });
    expect(list(client).pages[0].counts).toMatchObject({ processing: 0, completed: 1 });
  });

  it("a refetch is not restarted while it runs; the invalidation waits for it", async () => {
    const { client, cache } = setup();
    let pending = 0;
    const resolvers: ((value: DocumentList) => void)[] = [];
    const { calls } = watchList(client, () => {
      pending++;
      return new Promise<DocumentList>((resolve) => resolvers.push((v) => (pending--, resolve(v))));
    });
    await vi.advanceTimersByTimeAsync(0);
    resolvers[0](page([row("a")]));
    await vi.advanceTimersByTimeAsync(0);
    void client.invalidateQueries({ queryKey: LIST_KEY }); // a slow refetch is running…
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.count).toBe(2);
    cache.apply([event(1, "job_queued", "new")]); // …when a new upload is announced
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls.count).toBe(2); // the running fetch is not cancelled, nor doubled
    resolvers[1](page([row("a")]));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.count).toBe(3); // once it answered, the list is asked again (the upload is new)
    expect(pending).toBe(1);
  });

  it("re-applies events to an answer whose fetch began before the live cache existed", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
    let release: (value: DocumentList) => void = () => undefined;
    watchList(client, () => new Promise<DocumentList>((resolve) => (release = resolve)));
    await vi.advanceTimersByTimeAsync(0);
    const cache = new LiveCache(client);
    cache.apply([event(1, "job_started", "a")]);
    release(page([row("a")]));
    await vi.advanceTimersByTimeAsync(0);
    expect(list(client).pages[0].items[0].current_status).toBe("processing");
  });

  it("an upload announced while the list's first fetch runs is fetched right after it", async () => {
    const { client, cache } = setup();
    const resolvers: ((value: DocumentList) => void)[] = [];
    const { calls } = watchList(client, () => new Promise<DocumentList>((resolve) => resolvers.push(resolve)));
    await vi.advanceTimersByTimeAsync(0);
    cache.apply([event(1, "job_queued", "new")]);
    resolvers[0](page([row("a")])); // read before the upload
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.count).toBe(2);
  });

  it("baseline also asks again for a first fetch that was on its way (it may have read before the stream)", async () => {
    const { client, cache } = setup();
    const resolvers: ((value: DocumentList) => void)[] = [];
    const { calls } = watchList(client, () => new Promise<DocumentList>((resolve) => resolvers.push(resolve)));
    await vi.advanceTimersByTimeAsync(0);
    cache.baseline();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.count).toBe(1); // joined, not restarted
    resolvers[0](page([row("a")]));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.count).toBe(2);
  });

  it("baseline refreshes every live entry once and sets the resume point", async () => {
    const { client, cache } = setup();
    const { calls } = watchList(client, () => page([row("a")]));
    await vi.advanceTimersByTimeAsync(0);
    client.setQueryData(queryKeys.users(), []);
    cache.baseline(42);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.count).toBe(2);
    expect(client.getQueryState(queryKeys.users())?.isInvalidated).toBe(false);
    expect(cache.lastSeq).toBe(42);
    expect(cache.apply([event(40, "job_started", "a")])).toBe(0);
  });

  it("resume starts at the server's seq: covered entries are patched by what follows, not refetched; others are refetched once", async () => {
    const { client, cache } = setup();
    client.setQueryData(queryKeys.document("a"), detail("a"));
    const { calls } = watchList(client, () => page([row("a")]));
    await vi.advanceTimersByTimeAsync(0);
    const listHash = client.getQueryCache().find({ queryKey: LIST_KEY })!.queryHash;
    cache.resume(41, (query) => query.queryHash === listHash);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.count).toBe(1); // the list the server read after seq 41: not asked again
    expect(client.getQueryState(queryKeys.document("a"))?.isInvalidated).toBe(true); // not covered
    expect(cache.lastSeq).toBe(41);
    expect(cache.apply([event(41, "job_started", "a")])).toBe(0); // at or below the resume point
    expect(cache.apply([event(42, "job_started", "a")])).toBe(1);
    expect(list(client).pages[0].items[0].current_status).toBe("processing");
    cache.resume(7, () => true); // once the stream has a position, a late resume point changes nothing
    expect(cache.lastSeq).toBe(42);
  });

  it("a deleted document: an open screen's entry says so (no refetch); what no screen shows is dropped", async () => {
    const { client, cache } = setup();
    const fetches = { count: 0 };
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.document("a"),
      queryFn: async () => {
        fetches.count++;
        return detail("a");
      },
      staleTime: Infinity,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    client.setQueryData(queryKeys.document("b"), detail("b"));
    client.setQueryData(queryKeys.documentHistory("b"), { items: [] });
    cache.apply([event(1, "document_deleted", "a"), event(2, "document_deleted", "b")]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetches.count).toBe(1);
    expect(client.getQueryData<DocumentDetail>(queryKeys.document("a"))?.deleted).toBe(true);
    expect(client.getQueryData(queryKeys.document("b"))).toBeUndefined();
    expect(client.getQueryData(queryKeys.documentHistory("b"))).toBeUndefined();
    unsubscribe();
  });

  it("resume while streaming: a screen the server read at an older seq gets the events applied since", () => {
    const { client, cache } = setup();
    cache.apply([event(10, "job_queued", "x"), event(11, "job_started", "a"), event(12, "document_parsing_started", "a")]);
    // A client-side navigation brings the server's copy of document a, read at seq 10.
    client.setQueryData(queryKeys.document("a"), detail("a", { current_status: "queued" }));
    const hash = client.getQueryCache().find({ queryKey: queryKeys.document("a") })!.queryHash;
    cache.resume(10, (query) => query.queryHash === hash);
    const entry = client.getQueryData<DocumentDetail>(queryKeys.document("a"))!;
    expect(entry.document.current_status).toBe("processing");
    expect(entry.document.job?.current_stage).toBe(event(12, "document_parsing_started", "a").stage);
    expect(cache.lastSeq).toBe(12); // the stream's own position is unchanged
  });
});
