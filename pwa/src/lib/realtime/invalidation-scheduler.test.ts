import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { InvalidationScheduler } from "./invalidation-scheduler";

describe("InvalidationScheduler", () => {
  let client: QueryClient;
  let invalidated: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    client = new QueryClient();
    invalidated = [];
    vi.spyOn(client, "invalidateQueries").mockImplementation(async (filters) => {
      invalidated.push(JSON.stringify(filters?.queryKey));
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("turns a burst into one refetch, soon after the first request", async () => {
    const scheduler = new InvalidationScheduler(client);
    for (let i = 0; i < 20; i++) scheduler.invalidate(["documents"]);
    await vi.advanceTimersByTimeAsync(29);
    expect(invalidated).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(invalidated).toEqual(['["documents"]']);
    scheduler.dispose();
  });

  it("a burst that goes on waits for a pause, but not past the cap", async () => {
    const scheduler = new InvalidationScheduler(client);
    for (let i = 0; i < 12; i++) {
      scheduler.invalidate(["documents"]);
      await vi.advanceTimersByTimeAsync(5);
    }
    // 60 ms of requests, then quiet: one refetch 30 ms after the last.
    await vi.advanceTimersByTimeAsync(24);
    expect(invalidated).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(invalidated).toHaveLength(1);
    scheduler.dispose();

    const endless = new InvalidationScheduler(client);
    invalidated = [];
    for (let i = 0; i < 20; i++) {
      endless.invalidate(["documents"]);
      await vi.advanceTimersByTimeAsync(10);
    }
    // Requests every 10 ms for 200 ms: the first refetch at the 100 ms cap, the next an interval later.
    expect(invalidated).toHaveLength(1);
    endless.dispose();
  });

  it("one document's stream of events does not push the refetch back; new documents do", async () => {
    const scheduler = new InvalidationScheduler(client);
    for (let i = 0; i < 10; i++) {
      scheduler.invalidate(["documents"], ["upload-1"]);
      await vi.advanceTimersByTimeAsync(10);
      if (i === 2) expect(invalidated).toHaveLength(1); // at 30 ms, though its events go on
    }
    scheduler.dispose();

    const burst = new InvalidationScheduler(client);
    invalidated = [];
    for (let i = 0; i < 6; i++) {
      burst.invalidate(["documents"], [`upload-${i}`]);
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(invalidated).toEqual([]); // six new documents, 10 ms apart: still one burst
    await vi.advanceTimersByTimeAsync(30);
    expect(invalidated).toHaveLength(1);
    burst.dispose();
  });

  it("holds later bursts to one refetch per interval", async () => {
    const scheduler = new InvalidationScheduler(client);
    scheduler.invalidate(["documents"]);
    await vi.advanceTimersByTimeAsync(30);
    scheduler.invalidate(["documents"]);
    await vi.advanceTimersByTimeAsync(400);
    expect(invalidated).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(invalidated).toHaveLength(2);
    scheduler.dispose();
  });

  it("leaves a list that is fetching to finish, then asks again", async () => {
    const scheduler = new InvalidationScheduler(client);
    let busy = 1;
    vi.spyOn(client, "isFetching").mockImplementation(() => busy);
    scheduler.invalidate(["documents"]);
    await vi.advanceTimersByTimeAsync(30);
    expect(invalidated).toEqual([]);
    busy = 0;
    await vi.advanceTimersByTimeAsync(500);
    expect(invalidated).toEqual(['["documents"]']);
    scheduler.dispose();
  });
});
