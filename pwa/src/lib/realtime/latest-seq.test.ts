import { describe, expect, it } from "vitest";
import { findLatestSeq } from "./latest-seq";

/** A probe over a fixed set of seqs (the workspace's share of a global sequence: gaps). */
function probeOver(seqs: number[], limit = 1) {
  const sorted = [...seqs].sort((a, b) => a - b);
  const calls: number[] = [];
  const probe = async (after: number) => {
    calls.push(after);
    const above = sorted.filter((seq) => seq > after);
    const items = above.slice(0, limit);
    return { seq: items.at(-1) ?? null, more: above.length > limit };
  };
  return { probe, calls };
}

describe("findLatestSeq", () => {
  it("is 0 when there are no events", async () => {
    expect(await findLatestSeq(probeOver([]).probe)).toBe(0);
  });

  it("finds the one event at once", async () => {
    const { probe, calls } = probeOver([17]);
    expect(await findLatestSeq(probe)).toBe(17);
    expect(calls).toHaveLength(1);
  });

  it("finds the highest seq of a gapped sequence in a few reads", async () => {
    const seqs = Array.from({ length: 5000 }, (_, i) => 3 + i * 37 + (i % 5));
    const { probe, calls } = probeOver(seqs);
    expect(await findLatestSeq(probe)).toBe(Math.max(...seqs));
    expect(calls.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(Math.max(...seqs))) + 2);
  });

  it("works for every small set, whatever the page size", async () => {
    for (const limit of [1, 3, 100]) {
      for (let n = 1; n <= 40; n++) {
        const seqs = Array.from({ length: n }, (_, i) => (i * i) % 97 + i * 3 + 1);
        expect(await findLatestSeq(probeOver(seqs, limit).probe)).toBe(Math.max(...seqs));
      }
    }
  });

  it("with pages of 100, a workspace with fewer events takes one read", async () => {
    const { probe, calls } = probeOver(Array.from({ length: 80 }, (_, i) => 1000 + i * 7), 100);
    expect(await findLatestSeq(probe)).toBe(1000 + 79 * 7);
    expect(calls).toHaveLength(1);
  });
});
