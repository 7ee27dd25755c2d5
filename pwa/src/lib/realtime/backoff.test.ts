import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

describe("backoffDelay", () => {
  it("doubles its ceiling per attempt and draws from the ceiling's upper half", () => {
    expect(backoffDelay(0, { random: () => 0 })).toBe(250);
    expect(backoffDelay(0, { random: () => 0.999999 })).toBe(500);
    expect(backoffDelay(3, { random: () => 0 })).toBe(2000);
    expect(backoffDelay(3, { random: () => 0.999999 })).toBe(4000);
  });

  it("is bounded by maxMs however many attempts failed", () => {
    for (const attempt of [10, 50, 1000, Number.POSITIVE_INFINITY]) {
      const delay = backoffDelay(attempt, { maxMs: 30_000 });
      expect(delay).toBeGreaterThanOrEqual(15_000);
      expect(delay).toBeLessThanOrEqual(30_000);
    }
  });

  it("is jittered: tabs that lost the server together come back spread out", () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(4000);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });

  it("tolerates odd input", () => {
    expect(backoffDelay(-3, { random: () => 0 })).toBe(250);
    expect(backoffDelay(Number.NaN, { random: () => 0 })).toBe(250);
    expect(backoffDelay(1, { random: () => 7 })).toBe(1000);
  });
});
