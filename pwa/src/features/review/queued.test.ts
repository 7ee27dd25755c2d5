import { describe, expect, it } from "vitest";
import type { DocumentRead, FieldValues } from "./fields";
import {
  conflictCopyOf,
  conflictItem,
  failedEdits,
  finalizeQueued,
  overlayQueued,
  queuedFields,
  queuedProblem,
  versionOfEtag,
  type QueuedItem,
} from "./queued";

const SERVER: FieldValues = {
  vendor_name: "Orion Software LLC",
  invoice_number: "RG-2026-346",
  invoice_date: "2026-04-10",
  total_amount: "38937.12",
  tax_amount: "2203.99",
  currency: "USD",
  status: "paid",
};

function item(patch: Partial<QueuedItem>): QueuedItem {
  return { id: crypto.randomUUID(), kind: "review", status: "waiting", lastError: null, ...patch };
}

/** A document whose extraction holds `values` as the extractor's, at `version`. */
function documentAt(version: number, values: Partial<FieldValues>): DocumentRead {
  const fields = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, confidence: 0.9, source: null }]));
  return {
    id: "d1",
    current_status: "completed",
    extraction: { version, structured_output_json: { fields }, reviewed_output_json: null, is_finalized: false },
  } as unknown as DocumentRead;
}

describe("overlayQueued", () => {
  it("is the server's values and version when nothing waits", () => {
    expect(overlayQueued({ values: SERVER, version: 3 }, [])).toEqual({ values: SERVER, version: 3, pendingEdits: 0, newer: null });
  });

  it("lays waiting and sending edits over the server's values in queue order, one version each", () => {
    const overlay = overlayQueued({ values: SERVER, version: 3 }, [
      item({ fields: { vendor_name: "Queued first", status: null } }),
      item({ status: "sending", fields: { vendor_name: "Queued second" } }),
    ]);
    expect(overlay.values).toEqual({ ...SERVER, vendor_name: "Queued second", status: null });
    expect(overlay.version).toBe(5);
    expect(overlay.pendingEdits).toBe(2);
  });

  it("counts no version for an edit that changes nothing", () => {
    const overlay = overlayQueued({ values: SERVER, version: 3 }, [item({ fields: { vendor_name: SERVER.vendor_name } })]);
    expect(overlay.version).toBe(3);
    expect(overlay.pendingEdits).toBe(1);
  });

  it("leaves out refused edits, finalize, retry and cancel, and unknown field names", () => {
    const overlay = overlayQueued({ values: SERVER, version: 3 }, [
      item({ status: "failed", fields: { vendor_name: "Refused" } }),
      item({ status: "conflict", fields: { invoice_number: "Clashed" } }),
      item({ kind: "finalize" }),
      item({ kind: "retry" }),
      item({ fields: { not_a_field: "x", currency: "EUR" } }),
    ]);
    expect(overlay.values).toEqual({ ...SERVER, currency: "EUR" });
    expect(overlay.version).toBe(4);
    expect(overlay.pendingEdits).toBe(1);
  });

  it("takes a sent answer newer than the server's copy as the server's (before the cache has it)", () => {
    const sent = documentAt(4, { ...SERVER, vendor_name: "Sent already" });
    const overlay = overlayQueued({ values: SERVER, version: 3 }, [
      item({ status: "sent", result: { document: sent, etag: '"4"' } }),
      item({ fields: { invoice_number: "Still waiting" } }),
    ]);
    expect(overlay.values).toEqual({ ...SERVER, vendor_name: "Sent already", invoice_number: "Still waiting" });
    expect(overlay.version).toBe(5);
    expect(overlay.newer).toBe(sent);
  });

  it("ignores a sent answer the server's copy already holds", () => {
    const sent = documentAt(3, { ...SERVER, vendor_name: "Old" });
    const overlay = overlayQueued({ values: { ...SERVER, vendor_name: "Newer" }, version: 4 }, [
      item({ status: "sent", result: { document: sent, etag: '"3"' } }),
    ]);
    expect(overlay.values.vendor_name).toBe("Newer");
    expect(overlay.version).toBe(4);
    expect(overlay.newer).toBeNull();
  });
});

describe("the rest of the queue", () => {
  it("knows a finalize on the way", () => {
    expect(finalizeQueued([item({ kind: "finalize" })])).toBe(true);
    expect(finalizeQueued([item({ kind: "finalize", status: "sent" })])).toBe(false);
    expect(finalizeQueued([item({})])).toBe(false);
  });

  it("finds a conflicted edit and its server copy with the ETag of its version", () => {
    const current = documentAt(7, SERVER);
    const conflicted = item({ status: "conflict", conflictCurrent: current, fields: { vendor_name: "Mine" } });
    expect(conflictItem([item({}), conflicted])).toBe(conflicted);
    expect(conflictCopyOf(conflicted)).toEqual({ document: current, etag: '"7"' });
    expect(conflictItem([item({ status: "conflict" })])).toBeNull();
  });

  it("lists refused edits", () => {
    const failed = item({ status: "failed", lastError: { message: "Invalid date", status: 422 } });
    expect(failedEdits([item({}), failed, item({ kind: "finalize", status: "failed" })])).toEqual([failed]);
  });

  it("says why a queued write waits: a sign-in in words, else the last error", () => {
    expect(queuedProblem([item({})])).toBeNull();
    expect(queuedProblem([item({ lastError: { message: "Unauthorized", status: 401 } })])).toBe("Sign in again to send this.");
    expect(queuedProblem([item({ lastError: { message: "Waiting for the connection." } })])).toBe("Waiting for the connection.");
    expect(queuedProblem([item({ status: "failed", lastError: { message: "Refused", status: 422 } })])).toBeNull();
  });

  it("reads ETags and queued fields", () => {
    expect(versionOfEtag('"12"')).toBe(12);
    expect(versionOfEtag("W/\"12\"")).toBeNull();
    expect(queuedFields({ vendor_name: "A", tax_amount: null, other: "x" })).toEqual({ vendor_name: "A", tax_amount: null });
  });
});
