import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, NetworkError } from "@/lib/api/errors";
import { DocflowDatabase } from "./db";
import { newIdempotencyKey, OutboxDiscardedError, OutboxQuotaError, queueWrite, submitWrite, waitForOutboxItem } from "./outbox";
import { installOutboxRuntime, OutboxRuntime, type Channel, type OutboxMessage, type RuntimeDeps } from "./runtime";
import type { WriteRequest } from "./write-request";
import { fakeLocks } from "./test-locks";

let db: DocflowDatabase;
let counter = 0;
const runtimes: OutboxRuntime[] = [];

beforeEach(() => {
  counter += 1;
  db = new DocflowDatabase(`runtime-${counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});

afterEach(() => {
  for (const runtime of runtimes.splice(0)) runtime.stop();
  installOutboxRuntime(null);
  db.close();
});

/** BroadcastChannel between "tabs" of one test: a message reaches every other member, asynchronously. */
function channelHub() {
  const members = new Set<{ listeners: ((event: MessageEvent<OutboxMessage>) => void)[] }>();
  const sent: OutboxMessage[] = [];
  const open = (): Channel => {
    const member = { listeners: [] as ((event: MessageEvent<OutboxMessage>) => void)[] };
    members.add(member);
    return {
      postMessage(message) {
        sent.push(message);
        for (const other of members) {
          if (other === member) continue;
          const copy = structuredClone(message);
          queueMicrotask(() => other.listeners.forEach((listener) => listener({ data: copy } as MessageEvent<OutboxMessage>)));
        }
      },
      addEventListener(_type, listener) {
        member.listeners.push(listener);
      },
      close() {
        members.delete(member);
      },
    };
  };
  return { open, sent };
}


/** A lock manager that never grants the lock: this tab never sends. */
const lockedOut = { request: async (_n: string, _o: LockOptions, callback: (lock: Lock | null) => unknown) => callback(null) } as unknown as LockManager;

function runtime(deps: Partial<RuntimeDeps> & Pick<RuntimeDeps, "send">, userId: string | null = "u1"): OutboxRuntime {
  const created = new OutboxRuntime({ database: async () => db, random: () => 0, recheckMs: 60_000, ...deps });
  created.setUser(userId, { broadcast: false });
  runtimes.push(created);
  return created;
}

function uploadRequest(name: string, extra: Partial<Extract<WriteRequest, { kind: "upload" }>> = {}): Extract<WriteRequest, { kind: "upload" }> {
  return { kind: "upload", file: new Blob([`%PDF ${name}`], { type: "application/pdf" }), filename: name, idempotencyKey: newIdempotencyKey(), ...extra };
}

const answerFor = (request: WriteRequest) => ({ items: [{ filename: request.kind === "upload" ? request.filename : "", status: "accepted", key: request.idempotencyKey }] });

describe("submitWrite through the outbox", () => {
  it("stores the write (key = Idempotency-Key, user, label), says so, then resolves with the server's answer", async () => {
    const sent: WriteRequest[] = [];
    installOutboxRuntime(
      runtime({
        send: async (request) => {
          sent.push(request);
          return answerFor(request);
        },
      }),
    );
    const request = uploadRequest("a.pdf");
    const queued: string[] = [];
    const answer = await submitWrite(request, { onQueued: (id) => queued.push(id) });

    expect(queued).toEqual([request.idempotencyKey]);
    expect(answer).toEqual(answerFor(request));
    expect(sent.map((each) => each.idempotencyKey)).toEqual([request.idempotencyKey]);
    const row = await db.outbox.get(request.idempotencyKey);
    expect(row).toMatchObject({ kind: "upload", userId: "u1", label: "a.pdf", status: "sent", result: answerFor(request) });
    expect(await db.files.get(request.idempotencyKey)).toBeUndefined();
  });

  it("rejects with the server's refusal and keeps the item (failed) for the outbox screen", async () => {
    const refusal = new ApiError(422, { code: "empty_file", message: "The file is empty." });
    installOutboxRuntime(runtime({ send: async () => Promise.reject(refusal) }));
    const request = uploadRequest("empty.pdf");
    await expect(submitWrite(request)).rejects.toBe(refusal);
    expect(await db.outbox.get(request.idempotencyKey)).toMatchObject({ status: "failed", lastError: { status: 422, message: "The file is empty." } });
  });

  it("a refused retry leaves the outbox once the screen that asked has the answer (it carries no work)", async () => {
    installOutboxRuntime(runtime({ send: async () => Promise.reject(new ApiError(409, { code: "invalid_state", message: "The job is running." })) }));
    await expect(submitWrite({ kind: "retry", jobId: "j1", idempotencyKey: "retry-1" })).rejects.toMatchObject({ status: 409 });
    await vi.waitFor(async () => expect(await db.outbox.get("retry-1")).toBeUndefined());
  });

  it("rejects a 412 with the server's copy, the way the review screen reads it", async () => {
    const current = { id: "d1", extraction: { version: 4 } };
    installOutboxRuntime(
      runtime({
        send: async () => Promise.reject(new ApiError(412, { code: "version_conflict", message: "Changed meanwhile", details: { current, version: 4 } })),
      }),
    );
    const error = await submitWrite({ kind: "review", documentId: "d1", etag: '"3"', fields: { currency: "EUR" }, idempotencyKey: "edit-1" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(412);
    expect((error as ApiError).details).toMatchObject({ current });
    expect(await db.outbox.get("edit-1")).toMatchObject({ status: "conflict", conflictCurrent: current, documentId: "d1" });
  });

  it("stays pending through a network error and resolves once a later try gets through (same key)", async () => {
    let calls = 0;
    const keys: string[] = [];
    const tab = runtime({
      send: async (request) => {
        calls += 1;
        keys.push(request.idempotencyKey);
        if (calls === 1) throw new NetworkError();
        return { ok: true };
      },
    });
    installOutboxRuntime(tab);
    let settled = false;
    const pending = submitWrite({ kind: "finalize", documentId: "d1", idempotencyKey: "fin-1" }).finally(() => (settled = true));
    await vi.waitFor(async () => expect((await db.outbox.get("fin-1"))?.lastError?.message).toBe("Waiting for the connection."));
    expect(settled).toBe(false);

    // Back online: the backoff is cut short.
    await tab.wakeNetworkWaits();
    tab.kick();
    await expect(pending).resolves.toEqual({ ok: true });
    expect(keys).toEqual(["fin-1", "fin-1"]);
  });

  it("sends directly, as before, where IndexedDB cannot be used", async () => {
    const send = vi.fn(async (request: WriteRequest) => answerFor(request));
    const tab = runtime({ database: async () => null, send });
    installOutboxRuntime(tab);
    const request = uploadRequest("direct.pdf");
    const onQueued = vi.fn();
    await expect(submitWrite(request, { onQueued })).resolves.toEqual(answerFor(request));
    expect(send).toHaveBeenCalledWith(request);
    expect(onQueued).not.toHaveBeenCalled();
    expect(tab.getState().availability).toBe("unavailable");
    await expect(queueWrite(uploadRequest("x.pdf"))).rejects.toThrow();
  });

  it("sends directly when the database refuses to open", async () => {
    const send = vi.fn(async () => ({ ok: true }));
    installOutboxRuntime(runtime({ database: async () => Promise.reject(new DOMException("private mode", "InvalidStateError")), send }));
    await expect(submitWrite({ kind: "cancel", jobId: "j1", idempotencyKey: "c1" })).resolves.toEqual({ ok: true });
    expect(send).toHaveBeenCalledOnce();
  });

  it("reports a full device as OutboxQuotaError and loses nothing already queued", async () => {
    const tab = runtime({ send: () => new Promise(() => undefined), locks: lockedOut });
    installOutboxRuntime(tab);
    const first = await queueWrite(uploadRequest("first.pdf"));
    const add = db.outbox.add.bind(db.outbox);
    db.outbox.add = (() => Promise.reject(new DOMException("full", "QuotaExceededError"))) as unknown as typeof db.outbox.add;
    await expect(submitWrite(uploadRequest("second.pdf"))).rejects.toBeInstanceOf(OutboxQuotaError);
    db.outbox.add = add;
    expect((await db.outbox.toArray()).map((item) => [item.id, item.status, item.size])).toEqual([[first, "waiting", "%PDF first.pdf".length]]);
    expect((await db.files.toArray()).map((stored) => [stored.id, stored.blob.size])).toEqual([[first, "%PDF first.pdf".length]]);
  });

  it("rejects the waiting promise when the item is discarded", async () => {
    installOutboxRuntime(runtime({ send: () => new Promise(() => undefined), locks: lockedOut }));
    const request = uploadRequest("gone.pdf");
    let id = "";
    const pending = submitWrite(request, { onQueued: (queued) => (id = queued) });
    await vi.waitFor(() => expect(id).toBe(request.idempotencyKey));
    const tab = runtimes[0];
    await tab.discard(id);
    await expect(pending).rejects.toBeInstanceOf(OutboxDiscardedError);
    expect(await db.outbox.get(id)).toBeUndefined();
  });

  it("sends the chosen fields again after a conflict and resolves the new wait", async () => {
    let calls = 0;
    const sent: WriteRequest[] = [];
    const tab = runtime({
      send: async (request) => {
        calls += 1;
        sent.push(request);
        if (calls === 1) throw new ApiError(412, { code: "version_conflict", message: "Changed", details: { current: { id: "d1" } } });
        return { document: { id: "d1" }, etag: '"5"' };
      },
    });
    installOutboxRuntime(tab);
    await expect(submitWrite({ kind: "review", documentId: "d1", etag: '"3"', fields: { currency: "EUR" }, idempotencyKey: "e1" })).rejects.toMatchObject({ status: 412 });
    await tab.resolveConflict("e1", { currency: "USD" }, '"4"');
    await expect(waitForOutboxItem("e1")).resolves.toEqual({ document: { id: "d1" }, etag: '"5"' });
    expect(sent[1]).toMatchObject({ kind: "review", etag: '"4"', fields: { currency: "USD" }, idempotencyKey: "e1" });
  });
});

describe("the session an item is sent under", () => {
  it("is checked before sending; a refused CSRF token is renewed once and the item sent again", async () => {
    const sessions: boolean[] = [];
    let calls = 0;
    const tab = runtime({
      ensureSession: async (_userId, { refresh }) => void sessions.push(refresh),
      send: async () => {
        calls += 1;
        if (calls === 1) throw new ApiError(403, { code: "csrf_failed", message: "Missing or wrong CSRF token" });
        return { ok: true };
      },
    });
    await expect(tab.submit({ kind: "finalize", documentId: "d1", idempotencyKey: "f1" })).resolves.toEqual({ ok: true });
    expect(sessions).toEqual([false, true]);
    expect(calls).toBe(2);
  });

  it("waits (sends nothing) while the session belongs to someone else", async () => {
    const send = vi.fn(async () => ({ ok: true }));
    const tab = runtime({
      ensureSession: async () => {
        throw new Error("Someone else is signed in");
      },
      send,
    });
    await tab.queue({ kind: "finalize", documentId: "d1", idempotencyKey: "f2" });
    await tab.drain();
    expect(send).not.toHaveBeenCalled();
    expect(await db.outbox.get("f2")).toMatchObject({ status: "waiting", lastError: { message: "Someone else is signed in" } });
  });

  it("sends nothing when the user signs out while their session is being checked", async () => {
    const send = vi.fn(async () => ({ ok: true }));
    let tab: OutboxRuntime | null = null;
    tab = runtime({
      ensureSession: async () => {
        tab?.setUser(null, { broadcast: false }); // sign-out lands while the check is on the way
      },
      send,
    });
    await tab.queue({ kind: "finalize", documentId: "d1", idempotencyKey: "f3" });
    await tab.drain();
    expect(send).not.toHaveBeenCalled();
    expect(await db.outbox.get("f3")).toMatchObject({
      status: "waiting",
      userId: "u1",
      lastError: { message: "Waiting for the person who queued this to sign in again." },
    });
  });
});

describe("two tabs on one outbox", () => {
  it("a promise in tab B resolves when tab A sent the item, with A's progress on the way", async () => {
    const hub = channelHub();
    const senderCalls: string[] = [];
    const tabA = runtime({
      channel: hub.open(),
      locks: fakeLocks(),
      send: async (request) => {
        senderCalls.push(request.idempotencyKey);
        if (request.kind === "upload") {
          request.onProgress?.({ loaded: 5, total: 13 });
          request.onProgress?.({ loaded: 13, total: 13 });
        }
        return answerFor(request);
      },
    });
    const tabB = runtime({ channel: hub.open(), locks: lockedOut, send: async () => Promise.reject(new Error("tab B must not send")) });

    const progress: number[] = [];
    const request = uploadRequest("shared.pdf", { onProgress: ({ loaded }) => progress.push(loaded) });
    // B queues it; B cannot take the lock; A hears "enqueued", sends, and says "changed".
    await expect(tabB.submit(request)).resolves.toEqual(answerFor(request));
    expect(senderCalls).toEqual([request.idempotencyKey]);
    expect(progress).toEqual([5, 13]);
    expect(hub.sent.map((message) => message.type)).toContain("progress");
    expect(tabA.getProgress().size).toBe(0);
  });

  it("each item is sent once when both tabs drain at the same time", async () => {
    const hub = channelHub();
    const locks = fakeLocks();
    const calls: string[] = [];
    const send = async (request: WriteRequest) => {
      calls.push(request.idempotencyKey);
      await new Promise((resolve) => setTimeout(resolve, 3));
      return answerFor(request);
    };
    const tabA = runtime({ channel: hub.open(), locks, send });
    const tabB = runtime({ channel: hub.open(), locks, send });
    const requests = Array.from({ length: 6 }, (_, index) => uploadRequest(`f${index}.pdf`));
    await Promise.all(requests.map((request, index) => (index % 2 ? tabA : tabB).submit(request)));
    expect([...calls].sort()).toEqual(requests.map((request) => request.idempotencyKey).sort());
  });

  it("never sends one user's items under another; a sign-in in one tab switches whose queue every tab runs", async () => {
    const hub = channelHub();
    const sent: string[] = [];
    const send = async (request: WriteRequest) => {
      sent.push(request.idempotencyKey);
      return { ok: true };
    };
    const tabA = runtime({ channel: hub.open(), send, locks: lockedOut }, "alice");
    const tabB = runtime({ channel: hub.open(), send }, "bob");
    await tabA.queue({ kind: "finalize", documentId: "d1", idempotencyKey: "alice-1" });
    await vi.waitFor(() => expect(hub.sent.some((message) => message.type === "enqueued")).toBe(true));
    await tabB.drain();
    expect(sent).toEqual([]);
    expect(await db.outbox.get("alice-1")).toMatchObject({ userId: "alice", status: "waiting" });

    // Tab B signs in as alice again: tab A hears it too, and her item goes (once).
    const remote = vi.fn();
    tabA.stop();
    const tabC = runtime({ channel: hub.open(), send, locks: lockedOut, onRemoteUser: remote }, "bob");
    tabB.setUser("alice");
    await vi.waitFor(() => expect(tabC.getState().userId).toBe("alice"));
    expect(remote).toHaveBeenCalledWith("alice");
    await tabB.drain();
    expect(sent).toEqual(["alice-1"]);
  });

  it("nobody signed in: nothing is queued under nobody, the write goes straight to the server", async () => {
    const send = vi.fn(async () => ({ ok: true }));
    const tab = runtime({ send }, null);
    await expect(tab.submit({ kind: "retry", jobId: "j", idempotencyKey: "r1" })).resolves.toEqual({ ok: true });
    expect(await db.outbox.count()).toBe(0);
  });
});
