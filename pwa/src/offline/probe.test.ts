import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { DocflowDatabase } from "./db";
import { enqueue, markSent } from "./outbox-store";
import { outboxMayHoldItems } from "./probe";

const withoutDatabases = (factory: IDBFactory): IDBFactory =>
  Object.assign(Object.create(factory) as IDBFactory, { databases: undefined, open: factory.open.bind(factory) });

describe("outboxMayHoldItems", () => {
  it("is false where the outbox database was never made, and leaves none behind", async () => {
    const factory = new IDBFactory();
    expect(await outboxMayHoldItems(factory, "docflow")).toBe(false);
    // Without indexedDB.databases() (older browsers) the open is undone.
    expect(await outboxMayHoldItems(withoutDatabases(factory), "docflow")).toBe(false);
    expect((await factory.databases()).map((database) => database.name)).toEqual([]);
  });

  it("is false for an empty outbox and true once it holds a row, a sent one included", async () => {
    const factory = new IDBFactory();
    const db = new DocflowDatabase("docflow", { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(await outboxMayHoldItems(factory, "docflow")).toBe(false);

    await enqueue(db, { id: "edit", kind: "review", userId: "u1", label: "a.pdf", documentId: "d1", fields: { vendor_name: "A" }, etag: '"1"' });
    expect(await outboxMayHoldItems(factory, "docflow")).toBe(true);
    expect(await outboxMayHoldItems(withoutDatabases(factory), "docflow")).toBe(true);
    await markSent(db, "edit", { ok: true });
    expect(await outboxMayHoldItems(factory, "docflow")).toBe(true);

    // The probe's connection never stands in the way of the app's own.
    await db.outbox.clear();
    expect(await outboxMayHoldItems(factory, "docflow")).toBe(false);
    db.close();
  });

  it("is true when IndexedDB cannot say: missing, refusing, or a database of another shape", async () => {
    expect(await outboxMayHoldItems(undefined)).toBe(true);
    const refusing = { databases: () => Promise.reject(new Error("SecurityError")), open: () => { throw new Error("SecurityError"); } } as unknown as IDBFactory;
    expect(await outboxMayHoldItems(refusing)).toBe(true);

    const factory = new IDBFactory();
    await new Promise<void>((resolve) => {
      const opening = factory.open("docflow", 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore("other");
      opening.onsuccess = () => {
        opening.result.close();
        resolve();
      };
    });
    expect(await outboxMayHoldItems(factory, "docflow")).toBe(true);
  });
});
