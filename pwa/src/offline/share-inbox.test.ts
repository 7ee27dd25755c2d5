import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { afterEach, describe, expect, it } from "vitest";
import { DocflowDatabase } from "./db";
import { OutboxQuotaError } from "./outbox-store";
import { OutboxRuntime } from "./runtime";
import { importSharedFiles, SHARE_INBOX_CACHE, type SharedUpload } from "./share-inbox";

const ORIGIN = "http://127.0.0.1:3000";

/** Cache Storage as the service worker leaves it (only what the import uses). */
function fakeCacheStorage() {
  const caches = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    let entries = caches.get(name);
    if (!entries) {
      entries = new Map();
      caches.set(name, entries);
    }
    const store = entries;
    return {
      keys: async () => [...store.keys()].map((url) => new Request(url)),
      match: async (request: Request) => store.get(request.url)?.clone(),
      put: async (url: string, response: Response) => void store.set(url, response),
      delete: async (request: Request) => store.delete(request.url),
    } as unknown as Cache & { put: (url: string, response: Response) => Promise<void> };
  };
  return { storage: { has: async (name: string) => caches.has(name), open }, caches };
}

/** What sw.ts `receiveShare` stores for one shared file. */
async function share(storage: ReturnType<typeof fakeCacheStorage>["storage"], id: string, name: string, body: string, type = "application/pdf") {
  const cache = await storage.open(SHARE_INBOX_CACHE);
  const headers = new Headers({
    "Content-Type": type,
    "X-Docflow-Filename": encodeURIComponent(name),
    "X-Docflow-Size": String(body.length),
    "X-Docflow-Shared-At": "2026-12-04T10:00:00.000Z",
  });
  await (cache as unknown as { put: (url: string, response: Response) => Promise<void> }).put(`${ORIGIN}/share-inbox/${id}`, new Response(body, { headers }));
}

const ID1 = "0b6f1d2e-4c1a-4f7e-9a55-111111111111";
const ID2 = "0b6f1d2e-4c1a-4f7e-9a55-222222222222";

let db: DocflowDatabase | null = null;
afterEach(() => db?.close());

describe("share inbox", () => {
  it("does nothing when nothing was shared", async () => {
    const { storage } = fakeCacheStorage();
    expect(await importSharedFiles(storage, async () => undefined)).toEqual({ imported: [], failed: [] });
    expect(await importSharedFiles(undefined, async () => undefined)).toEqual({ imported: [], failed: [] });
  });

  it("moves each shared file into the outbox as an upload (name, type, bytes; the entry's id as key) and empties the inbox", async () => {
    const { storage, caches } = fakeCacheStorage();
    await share(storage, ID1, "Rechnung März.pdf", "%PDF-1.4 one");
    await share(storage, ID2, "photo.jpg", "\xff\xd8\xff jpeg", "image/jpeg");

    db = new DocflowDatabase("share-1", { indexedDB: new IDBFactory(), IDBKeyRange });
    const database = db;
    const runtime = new OutboxRuntime({ database: async () => database, send: () => new Promise(() => undefined), locks: { request: async (_n: string, _o: unknown, callback: (lock: null) => unknown) => callback(null) } as unknown as LockManager });
    runtime.setUser("u1", { broadcast: false });
    const add = (upload: SharedUpload) => runtime.queue({ kind: "upload", ...upload });

    const outcome = await importSharedFiles(storage, add);
    expect(outcome).toEqual({ imported: ["Rechnung März.pdf", "photo.jpg"], failed: [] });
    expect(caches.get(SHARE_INBOX_CACHE)?.size).toBe(0);

    const rows = await database.outbox.orderBy("order").toArray();
    expect(rows.map((row) => [row.id, row.kind, row.label, row.filename, row.mimeType, row.status, row.userId])).toEqual([
      [ID1, "upload", "Rechnung März.pdf", "Rechnung März.pdf", "application/pdf", "waiting", "u1"],
      [ID2, "upload", "photo.jpg", "photo.jpg", "image/jpeg", "waiting", "u1"],
    ]);
    expect(await (await database.files.get(ID1))?.blob.text()).toBe("%PDF-1.4 one");

    // An entry left behind (the tab closed before deleting it) is queued again under the same key: no second upload.
    await share(storage, ID1, "Rechnung März.pdf", "%PDF-1.4 one");
    await importSharedFiles(storage, add);
    expect(await database.outbox.count()).toBe(2);
    runtime.stop();
  });

  it("keeps a file in the inbox when it cannot be queued (device full), and says why", async () => {
    const { storage, caches } = fakeCacheStorage();
    await share(storage, ID1, "big.pdf", "%PDF big");
    const outcome = await importSharedFiles(storage, async () => {
      throw new OutboxQuotaError();
    });
    expect(outcome.imported).toEqual([]);
    expect(outcome.failed).toHaveLength(1);
    expect(outcome.failed[0].filename).toBe("big.pdf");
    expect(outcome.failed[0].error).toBeInstanceOf(OutboxQuotaError);
    expect(caches.get(SHARE_INBOX_CACHE)?.size).toBe(1);
  });

  it("names an unnamed file and makes a key for an entry without one", async () => {
    const { storage } = fakeCacheStorage();
    const cache = await storage.open(SHARE_INBOX_CACHE);
    await (cache as unknown as { put: (url: string, response: Response) => Promise<void> }).put(`${ORIGIN}/share-inbox/odd`, new Response("x", { headers: { "Content-Type": "text/plain" } }));
    const added: SharedUpload[] = [];
    await importSharedFiles(storage, async (upload) => void added.push(upload), () => "fresh-key");
    expect(added.map((upload) => [upload.filename, upload.idempotencyKey, upload.file.type])).toEqual([["shared-file", "fresh-key", "text/plain"]]);
  });
});
