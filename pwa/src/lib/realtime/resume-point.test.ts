import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys } from "@/lib/api/keys";
import { takeResumePoint, type ResumePoint } from "./resume-point";

function clientWith(point: unknown): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  if (point !== undefined) client.setQueryData(queryKeys.resumePoint(), point);
  return client;
}

describe("takeResumePoint", () => {
  it("takes the server's point once, covering the entries it read and what this page fetched itself", async () => {
    const client = clientWith(undefined);
    client.setQueryData(queryKeys.document("served"), { document: { id: "served" } }, { updatedAt: 1_000 });
    client.setQueryData(queryKeys.document("restored"), { document: { id: "restored" } }, { updatedAt: 500 });
    const served = client.getQueryCache().find({ queryKey: queryKeys.document("served") })!;
    const point: ResumePoint = { seq: 77, covers: [served.queryHash] };
    client.setQueryData(queryKeys.resumePoint(), point);
    const fetched = new QueryObserver(client, { queryKey: queryKeys.jobEvents("j"), queryFn: async () => [] });
    await fetched.refetch(); // this page's own read, after it began (pageStartedAt 900, "now" is later)

    const taken = takeResumePoint(client, 900)!;
    expect(taken.seq).toBe(77);
    const find = (key: readonly unknown[]) => client.getQueryCache().find({ queryKey: key })!;
    expect(taken.covers(find(queryKeys.document("served")))).toBe(true);
    expect(taken.covers(find(queryKeys.jobEvents("j")))).toBe(true);
    expect(taken.covers(find(queryKeys.document("restored")))).toBe(false); // the device's older copy
    expect(client.getQueryData(queryKeys.resumePoint())).toBeUndefined();
    expect(takeResumePoint(client, 900)).toBeNull(); // a restarted connection does not resume from it again
  });

  it("without the page's start, covers only what the server read (a screen of a client-side navigation)", () => {
    const client = clientWith(undefined);
    client.setQueryData(queryKeys.document("served"), { document: { id: "served" } });
    client.setQueryData(queryKeys.document("other"), { document: { id: "other" } });
    const served = client.getQueryCache().find({ queryKey: queryKeys.document("served") })!;
    client.setQueryData(queryKeys.resumePoint(), { seq: 5, covers: [served.queryHash] } satisfies ResumePoint);
    const taken = takeResumePoint(client)!;
    expect(taken.covers(served)).toBe(true);
    expect(taken.covers(client.getQueryCache().find({ queryKey: queryKeys.document("other") })!)).toBe(false);
  });

  it("ignores anything that is not a resume point", () => {
    for (const bad of [undefined, null, { seq: -1, covers: [] }, { seq: 1.5, covers: [] }, { seq: 3 }, "3"]) {
      expect(takeResumePoint(clientWith(bad), 0)).toBeNull();
    }
  });
});
