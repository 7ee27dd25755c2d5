import { describe, expect, it } from "vitest";
import { parseQueue, queuePosition } from "./queue";

describe("the dashboard's queue", () => {
  const queue = { ids: ["a", "b", "c"], query: "status=completed&sort=-total" };

  it("parses what the dashboard stores and refuses anything else", () => {
    expect(parseQueue(JSON.stringify(queue))).toEqual(queue);
    expect(parseQueue(JSON.stringify({ ids: ["a"], query: "?q=x" }))).toEqual({ ids: ["a"], query: "q=x" });
    expect(parseQueue(JSON.stringify({ ids: ["a"] }))).toEqual({ ids: ["a"], query: "" });
    expect(parseQueue("{oops")).toBeNull();
    expect(parseQueue(JSON.stringify({ ids: [1] }))).toBeNull();
    expect(parseQueue(null)).toBeNull();
  });

  it("finds the neighbours of a document", () => {
    expect(queuePosition(queue, "b")).toEqual({ previous: "a", next: "c", position: 2, total: 3, backHref: "/?status=completed&sort=-total" });
    expect(queuePosition(queue, "a")).toMatchObject({ previous: null, next: "b", position: 1 });
    expect(queuePosition(queue, "c")).toMatchObject({ previous: "b", next: null, position: 3 });
  });

  it("has no neighbours for a document outside the list, and goes back to the plain dashboard without one", () => {
    expect(queuePosition(queue, "z")).toMatchObject({ previous: null, next: null, position: null });
    expect(queuePosition(null, "a")).toEqual({ previous: null, next: null, position: null, total: 0, backHref: "/" });
  });
});
