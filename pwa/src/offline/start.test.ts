import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DocflowDatabase } from "./db";

// The tab's outbox starts once, when first needed (a write, a screen that shows it), and not
// before the app shell has said how: each test gets the runtime module fresh.
type RuntimeModule = typeof import("./runtime");
type OutboxModule = typeof import("./outbox");
let runtime: RuntimeModule;
let outbox: OutboxModule;

beforeEach(async () => {
  vi.resetModules();
  runtime = await import("./runtime");
  outbox = await import("./outbox");
});

function starterFor(module: RuntimeModule) {
  const db = new DocflowDatabase(`start-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const send = vi.fn(async () => ({ ok: true }));
  const start = vi.fn(async () => {
    const created = new module.OutboxRuntime({ database: async () => db, send, random: () => 0, recheckMs: 60_000 });
    created.setUser("u1", { broadcast: false });
    module.installOutboxRuntime(created);
    return created;
  });
  return { start, send, db };
}

describe("starting the tab's outbox", () => {
  it("does not start until something needs it, then once for every caller", async () => {
    const { start } = starterFor(runtime);
    runtime.registerOutboxStarter(start);
    expect(start).not.toHaveBeenCalled();
    expect(runtime.getOutboxRuntime()).toBeNull();

    const [a, b] = await Promise.all([runtime.startOutboxRuntime(), runtime.outboxRuntimeReady()]);
    expect(start).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(runtime.getOutboxRuntime()).toBe(a);
    a?.stop();
  });

  it("a write starts it and is kept on the device", async () => {
    const { start, send, db } = starterFor(runtime);
    runtime.registerOutboxStarter(start);
    const queued = vi.fn();
    const result = await outbox.submitWrite({ kind: "retry", jobId: "j1", idempotencyKey: "k1" }, { onQueued: queued });
    expect(start).toHaveBeenCalledTimes(1);
    expect(queued).toHaveBeenCalled();
    expect(send).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ ok: true });
    expect((await db.outbox.get("k1"))?.status).toBe("sent");
    runtime.getOutboxRuntime()?.stop();
  });

  it("a screen that asks before the shell registers the starter gets it started as soon as it is registered", async () => {
    const { start } = starterFor(runtime);
    expect(await runtime.startOutboxRuntime()).toBeNull();
    runtime.registerOutboxStarter(start);
    expect(start).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(runtime.getOutboxRuntime()).not.toBeNull());
    runtime.getOutboxRuntime()?.stop();
  });

  it("a start whose code did not load is tried again by the next caller", async () => {
    const { start } = starterFor(runtime);
    const failing = vi.fn(start).mockImplementationOnce(() => Promise.reject(new Error("offline: the outbox's code did not load")));
    runtime.registerOutboxStarter(failing);
    expect(await runtime.startOutboxRuntime()).toBeNull();
    await Promise.resolve();
    const second = await runtime.startOutboxRuntime();
    expect(second).not.toBeNull();
    expect(failing).toHaveBeenCalledTimes(2);
    second?.stop();
  });
});
