import { describe, expect, it } from "vitest";
import { canRetryNow, discardNeedsConfirmation, documentOf, kindWords, stateWords, summarize } from "./describe";

describe("outbox words", () => {
  it("names each kind of write", () => {
    expect(kindWords({ kind: "upload" })).toBe("Upload");
    expect(kindWords({ kind: "review", fields: { vendor_name: "A", currency: null } })).toBe("Review edit (2 fields)");
    expect(kindWords({ kind: "review", fields: { vendor_name: "A" } })).toBe("Review edit (1 field)");
    expect(kindWords({ kind: "finalize" })).toBe("Finalize");
    expect(kindWords({ kind: "retry" })).toBe("Retry processing");
    expect(kindWords({ kind: "cancel" })).toBe("Cancel processing");
  });

  it("says where an item stands", () => {
    const online = { online: true };
    expect(stateWords({ status: "waiting", lastError: null }, online)).toEqual({ text: "Waiting", tone: "neutral" });
    expect(stateWords({ status: "waiting", lastError: null }, { online: false }).text).toBe("Waiting — offline");
    expect(stateWords({ status: "waiting", lastError: { message: "503" } }, online).text).toBe("Waiting to try again");
    expect(stateWords({ status: "waiting", lastError: { message: "x", status: 401 } }, online).text).toBe("Waiting for sign-in");
    expect(stateWords({ status: "sending", lastError: null }, { online: true, progress: { loaded: 45, total: 100 } }).text).toBe("Sending (45%)");
    expect(stateWords({ status: "sending", lastError: null }, online).text).toBe("Sending");
    expect(stateWords({ status: "failed", lastError: null }, online)).toEqual({ text: "Failed", tone: "error" });
    expect(stateWords({ status: "conflict", lastError: null }, online).text).toBe("Conflict — needs your choice");
    expect(stateWords({ status: "sent", lastError: null }, online).tone).toBe("done");
  });

  it("offers Retry now where it can help", () => {
    expect(canRetryNow({ status: "failed", lastError: { message: "x" } })).toBe(true);
    expect(canRetryNow({ status: "waiting", lastError: { message: "offline" } })).toBe(true);
    expect(canRetryNow({ status: "waiting", lastError: null })).toBe(false);
    expect(canRetryNow({ status: "waiting", lastError: { message: "sign in", status: 401 } })).toBe(false);
    expect(canRetryNow({ status: "conflict", lastError: { message: "x" } })).toBe(false);
    expect(canRetryNow({ status: "sending", lastError: null })).toBe(false);
  });

  it("asks before discarding a file or an edit", () => {
    expect(discardNeedsConfirmation("upload")).toBe(true);
    expect(discardNeedsConfirmation("review")).toBe(true);
    expect(discardNeedsConfirmation("retry")).toBe(false);
  });

  it("summarises what waits", () => {
    expect(summarize([{ status: "sent" }])).toBe("Nothing is waiting: everything reached the server.");
    expect(summarize([{ status: "waiting" }, { status: "failed" }, { status: "waiting" }, { status: "sent" }])).toBe("3 items on this device: 2 waiting, 1 failed.");
    expect(summarize([{ status: "conflict" }])).toBe("1 item on this device: 1 in conflict.");
  });

  it("finds the document an item leads to", () => {
    expect(documentOf({ kind: "review", documentId: "d1" })).toBe("d1");
    expect(documentOf({ kind: "upload", documentId: null, result: { items: [{ status: "accepted", document: { id: "d2" } }] } })).toBe("d2");
    expect(documentOf({ kind: "upload", documentId: null, result: { items: [{ status: "rejected" }] } })).toBeNull();
    expect(documentOf({ kind: "upload", documentId: null })).toBeNull();
  });
});
