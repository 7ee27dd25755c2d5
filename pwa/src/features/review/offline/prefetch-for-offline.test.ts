import { describe, expect, it } from "vitest";
import type { StorageFacts } from "@/offline/storage";
import { prefetchForOffline, type OfflinePrefetchDeps, type OfflinePrefetchLimits } from "./prefetch-for-offline";

const MB = 1024 * 1024;
const LIMITS: OfflinePrefetchLimits = { documents: 50, budgetBytes: 10 * MB, maxFileBytes: 4 * MB, maxUsageShare: 0.5 };

function fakeDeps(sizes: number[], options: { cached?: string[]; storage?: StorageFacts; online?: () => boolean } = {}) {
  const calls = { details: [] as string[], files: [] as string[], listed: 0 };
  const deps: OfflinePrefetchDeps = {
    async listNeedingReview(limit) {
      calls.listed = limit;
      return sizes.map((size, index) => ({ id: `doc-${index}`, file_size: size }) as Awaited<ReturnType<OfflinePrefetchDeps["listNeedingReview"]>>[number]);
    },
    async prefetchDetail(id) {
      calls.details.push(id);
    },
    async hasFile(id) {
      return options.cached?.includes(id) ?? false;
    },
    async fetchFile(id) {
      calls.files.push(id);
    },
    storage: async () => options.storage ?? { usage: 10 * MB, quota: 1000 * MB, persisted: true },
    online: options.online ?? (() => true),
  };
  return { deps, calls };
}

describe("prefetchForOffline", () => {
  it("keeps the data of each document needing review and the files that fit the budget, newest first", async () => {
    const { deps, calls } = fakeDeps([3 * MB, 3 * MB, 5 * MB, 3 * MB, 3 * MB]);
    const report = await prefetchForOffline(deps, LIMITS);
    expect(calls.listed).toBe(50);
    expect(calls.details).toEqual(["doc-0", "doc-1", "doc-2", "doc-3", "doc-4"]);
    // doc-2 is larger than a file may be; doc-4 would pass the 10 MB budget.
    expect(calls.files).toEqual(["doc-0", "doc-1", "doc-3"]);
    expect(report).toEqual({ details: 5, files: 3, skippedFiles: 2, stopped: false });
  });

  it("does not fetch a file that is kept already", async () => {
    const { deps, calls } = fakeDeps([MB, MB], { cached: ["doc-0"] });
    await prefetchForOffline(deps, LIMITS);
    expect(calls.files).toEqual(["doc-1"]);
  });

  it("leaves files out when the origin already uses its share of the quota (queued uploads come first)", async () => {
    const { deps, calls } = fakeDeps([MB, MB], { storage: { usage: 600 * MB, quota: 1000 * MB, persisted: true } });
    const report = await prefetchForOffline(deps, LIMITS);
    expect(calls.details).toHaveLength(2);
    expect(calls.files).toEqual([]);
    expect(report.skippedFiles).toBe(2);
  });

  it("stops when the connection goes or the run is cancelled, and says so", async () => {
    let online = true;
    const { deps, calls } = fakeDeps([MB, MB, MB], { online: () => online });
    const original = deps.fetchFile;
    deps.fetchFile = async (id) => {
      await original(id);
      online = false;
    };
    const report = await prefetchForOffline(deps, LIMITS);
    expect(calls.files).toEqual(["doc-0"]);
    expect(report.stopped).toBe(true);

    const cancelled = new AbortController();
    cancelled.abort();
    const again = fakeDeps([MB]);
    expect(await prefetchForOffline(again.deps, LIMITS, cancelled.signal)).toEqual({ details: 0, files: 0, skippedFiles: 0, stopped: true });
    expect(again.calls.listed).toBe(0);
  });

  it("a failed request ends the run quietly (the next run goes on)", async () => {
    const { deps } = fakeDeps([MB, MB]);
    deps.fetchFile = async () => {
      throw new Error("503");
    };
    expect(await prefetchForOffline(deps, LIMITS)).toMatchObject({ details: 1, files: 0, stopped: true });
  });
});
