import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { DocflowDatabase } from "./db";
import { discard, enqueue, fileOf, markRetry, markSending, markSent } from "./outbox-store";

const options = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

describe("the device database", () => {
  it("moves a queued upload's bytes out of its row when an outbox of version 1 is opened", async () => {
    const factory = options();
    const v1 = new Dexie("docflow-v1", factory);
    v1.version(1).stores({ outbox: "id, status, userId, documentId, order, [userId+status]" });
    const row = { userId: "u1", kind: "upload", label: "a.pdf", documentId: null, jobId: null, attempts: 0, lastError: null };
    await v1.table("outbox").bulkAdd([
      { ...row, id: "waiting", status: "waiting", order: 1, file: new Blob(["%PDF waiting"]) },
      { ...row, id: "sent", status: "sent", order: 2, file: new Blob(["%PDF sent"]) },
      { ...row, id: "edit", kind: "review", status: "waiting", order: 3, fields: { vendor_name: "A" } },
    ]);
    v1.close();

    const db = new DocflowDatabase("docflow-v1", factory);
    const rows = await db.outbox.orderBy("order").toArray();
    expect(rows.map((item) => [item.id, "file" in item])).toEqual([
      ["waiting", false],
      ["sent", false],
      ["edit", false],
    ]);
    expect(await (await fileOf(db, "waiting"))?.text()).toBe("%PDF waiting");
    expect(await fileOf(db, "sent")).toBeUndefined();
    expect(await db.files.count()).toBe(1);
    db.close();
  });

  it("keeps an upload's bytes apart from its row: status changes leave them alone, sending or discarding frees them", async () => {
    const db = new DocflowDatabase("docflow-files", options());
    const bytes = new Blob(["%PDF-1.4 body"], { type: "application/pdf" });
    const item = await enqueue(db, { id: "u", kind: "upload", userId: "u1", label: "u.pdf", file: bytes, filename: "u.pdf" });
    expect(item).toMatchObject({ size: bytes.size, mimeType: "application/pdf" });
    expect("file" in item).toBe(false);

    await markSending(db, item);
    await markRetry(db, item.id, 1000, { message: "offline" });
    expect(await (await fileOf(db, "u"))?.text()).toBe("%PDF-1.4 body");

    await markSent(db, "u", { ok: true });
    expect(await fileOf(db, "u")).toBeUndefined();
    expect((await db.outbox.get("u"))?.status).toBe("sent");

    await enqueue(db, { id: "v", kind: "upload", userId: "u1", label: "v.pdf", file: bytes, filename: "v.pdf" });
    await discard(db, "v");
    expect(await db.files.count()).toBe(0);
    expect(await db.outbox.get("v")).toBeUndefined();
    db.close();
  });
});
