import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "@/lib/api/errors";
import { DocflowDatabase, type OutboxItem } from "./db";
import { enqueue, listItems, releaseInterrupted, sendable } from "./outbox-store";
import { SyncEngine } from "./sync-engine";
import { fakeLocks } from "./test-locks";

let db: DocflowDatabase;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = new DocflowDatabase(`test-${counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});

afterEach(() => db.close());

const file = (name: string) => new Blob([`%PDF-1.4 ${name}`], { type: "application/pdf" });

function upload(id: string, userId = "u1") {
  return enqueue(db, { id, kind: "upload", userId, label: `${id}.pdf`, file: file(id), filename: `${id}.pdf` });
}


function recordingSender(answer: (item: OutboxItem, call: number) => Promise<unknown> | unknown = () => ({ ok: true })) {
  const calls: string[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const send = async (item: OutboxItem) => {
    calls.push(item.id);
    concurrent += 1;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return await answer(item, calls.filter((id) => id === item.id).length);
    } finally {
      concurrent -= 1;
    }
  };
  return { send, calls, max: () => maxConcurrent };
}

describe("outbox store", () => {
  it("queues an item once however often it is written", async () => {
    await upload("a");
    await upload("a");
    expect(await listItems(db)).toHaveLength(1);
  });

  it("sends a document's items in order: the finalize waits for the edit before it", async () => {
    await enqueue(db, { id: "edit", kind: "review", userId: "u1", documentId: "d1", label: "x", fields: { vendor_name: "A" }, etag: '"1"' });
    await enqueue(db, { id: "fin", kind: "finalize", userId: "u1", documentId: "d1", label: "x" });
    await enqueue(db, { id: "other", kind: "finalize", userId: "u1", documentId: "d2", label: "y" });
    expect((await sendable(db, "u1")).map((item) => item.id)).toEqual(["edit", "other"]);
    await db.outbox.update("edit", { status: "sent" });
    expect((await sendable(db, "u1")).map((item) => item.id)).toEqual(["fin", "other"]);
  });

  it("a refused edit holds back what was queued counting on it, not what was queued after the refusal", async () => {
    await enqueue(db, { id: "edit", kind: "review", userId: "u1", documentId: "d1", label: "x", fields: { vendor_name: "A" }, etag: '"1"' }, 1000);
    await enqueue(db, { id: "fin", kind: "finalize", userId: "u1", documentId: "d1", label: "x" }, 1001);
    await db.outbox.update("edit", { status: "conflict", updatedAt: 2000 });
    expect((await sendable(db, "u1", 3000)).map((item) => item.id)).toEqual([]);
    // Queued once the conflict was known (e.g. the conflict view's save): it goes, and replaces the refused edit.
    await enqueue(db, { id: "edit-2", kind: "review", userId: "u1", documentId: "d1", label: "x", fields: { vendor_name: "B" }, etag: '"2"' }, 2500);
    expect(await db.outbox.get("edit")).toBeUndefined();
    expect((await sendable(db, "u1", 3000)).map((item) => item.id)).toEqual(["edit-2"]);
    // The new edit took the old one's place: the finalize still waits for it.
    await db.outbox.update("edit-2", { status: "sent" });
    expect((await sendable(db, "u1", 3000)).map((item) => item.id)).toEqual(["fin"]);
  });

  it("a new retry of a job replaces a refused one; uploads never replace anything", async () => {
    await enqueue(db, { id: "r1", kind: "retry", userId: "u1", jobId: "j1", label: "x" }, 1000);
    await db.outbox.update("r1", { status: "failed", updatedAt: 1500 });
    await enqueue(db, { id: "c1", kind: "cancel", userId: "u1", jobId: "j1", label: "x" }, 2000);
    expect(await db.outbox.get("r1")).toBeUndefined();
    await upload("u-a");
    await db.outbox.update("u-a", { status: "failed" });
    await upload("u-b");
    expect(await db.outbox.get("u-a")).toBeDefined();
  });

  it("never offers another user's items", async () => {
    await upload("mine", "u1");
    await upload("theirs", "u2");
    expect((await sendable(db, "u1")).map((item) => item.id)).toEqual(["mine"]);
  });

  it("puts interrupted sends back in the queue", async () => {
    await upload("a");
    await db.outbox.update("a", { status: "sending" });
    expect(await releaseInterrupted(db)).toBe(1);
    expect((await db.outbox.get("a"))?.status).toBe("waiting");
  });
});

describe("sync engine", () => {
  it("sends every item exactly once, at most two uploads at a time", async () => {
    for (const id of ["a", "b", "c", "d", "e"]) await upload(id);
    const sender = recordingSender();
    const engine = new SyncEngine({ db, send: sender.send, currentUserId: () => "u1" });
    await engine.drain();
    engine.stop();
    expect([...sender.calls].sort()).toEqual(["a", "b", "c", "d", "e"]);
    expect(sender.max()).toBe(2);
    expect((await listItems(db)).every((item) => item.status === "sent")).toBe(true);
    expect(await db.files.count()).toBe(0);
  });

  it("retries after a network error with the same item (same key), then records it sent", async () => {
    await upload("a");
    const sender = recordingSender((_item, call) => {
      if (call === 1) throw new NetworkError();
      return { ok: true };
    });
    const engine = new SyncEngine({ db, send: sender.send, currentUserId: () => "u1", random: () => 0 });
    await engine.drain();
    engine.stop();
    const waiting = await db.outbox.get("a");
    expect(waiting?.status).toBe("waiting");
    expect(waiting?.attempts).toBe(1);
    await db.outbox.update("a", { nextAttemptAt: 0 });
    await engine.drain();
    engine.stop();
    expect(sender.calls).toEqual(["a", "a"]);
    expect((await db.outbox.get("a"))?.status).toBe("sent");
  });

  it("stops an item the server refuses and keeps its message; a 412 becomes a conflict", async () => {
    await upload("empty");
    await enqueue(db, { id: "edit", kind: "review", userId: "u1", documentId: "d1", label: "x", fields: { currency: "EUR" }, etag: '"1"' });
    const sender = recordingSender((item) => {
      if (item.id === "empty") throw new ApiError(422, { code: "empty_file", message: "The file is empty." });
      throw new ApiError(412, { code: "version_conflict", message: "Changed", details: { current: { version: 2 } } });
    });
    const engine = new SyncEngine({ db, send: sender.send, currentUserId: () => "u1" });
    await engine.drain();
    engine.stop();
    const empty = await db.outbox.get("empty");
    expect(empty).toMatchObject({ status: "failed", lastError: { message: "The file is empty.", status: 422 } });
    expect(await db.outbox.get("edit")).toMatchObject({ status: "conflict", conflictCurrent: { version: 2 } });
  });

  it("pauses the whole queue on 401 and keeps every item", async () => {
    await upload("a");
    await enqueue(db, { id: "r", kind: "retry", userId: "u1", jobId: "j1", label: "x" });
    let authAsked = 0;
    const sender = recordingSender(() => {
      throw new ApiError(401, { code: "unauthorized", message: "Sign in" });
    });
    const engine = new SyncEngine({ db, send: sender.send, currentUserId: () => "u1", onAuthRequired: () => (authAsked += 1), maxUploads: 1 });
    await engine.drain();
    engine.stop();
    expect(authAsked).toBeGreaterThanOrEqual(1);
    expect(sender.calls.length).toBeLessThanOrEqual(2);
    expect((await listItems(db)).map((item) => item.status)).toEqual(["waiting", "waiting"]);
  });

  it("two tabs draining the same queue send each item once", async () => {
    for (const id of ["a", "b", "c", "d"]) await upload(id);
    const sender = recordingSender();
    const locks = fakeLocks();
    const tab1 = new SyncEngine({ db, send: sender.send, currentUserId: () => "u1", locks });
    const tab2 = new SyncEngine({ db, send: sender.send, currentUserId: () => "u1", locks });
    await Promise.all([tab1.drain(), tab2.drain(), tab1.drain(), tab2.drain()]);
    tab1.stop();
    tab2.stop();
    expect([...sender.calls].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("tries nothing while the browser knows it is offline, and drains when it is back", async () => {
    await upload("a");
    const sender = recordingSender();
    let online = false;
    const engine = new SyncEngine({ db, send: sender.send, currentUserId: () => "u1", online: () => online });
    await engine.drain();
    expect(sender.calls).toEqual([]);
    expect(await db.outbox.get("a")).toMatchObject({ status: "waiting", attempts: 0 });
    online = true;
    await engine.drain();
    engine.stop();
    expect(sender.calls).toEqual(["a"]);
  });

  it("never sends an item queued by another user", async () => {
    await upload("theirs", "u2");
    const sender = recordingSender();
    const engine = new SyncEngine({ db, send: sender.send, currentUserId: () => "u1" });
    await engine.drain();
    engine.stop();
    expect(sender.calls).toEqual([]);
    expect((await db.outbox.get("theirs"))?.status).toBe("waiting");
  });
});
