import { describe, expect, it, vi } from "vitest";
import { ApiError, NetworkError } from "@/lib/api/errors";
import type { UploadAnswer } from "@/lib/api/upload";
import { OutboxQuotaError } from "@/offline/outbox-store";
import { createUploadQueue, type OutboxPort, type SendRequest } from "./upload-queue";

/** A send() the test answers by hand, one request at a time. */
function controlledSend() {
  const calls: { request: SendRequest; resolve: (answer: UploadAnswer) => void; reject: (error: unknown) => void }[] = [];
  const send = (request: SendRequest) =>
    new Promise<UploadAnswer>((resolve, reject) => {
      calls.push({ request, resolve, reject });
    });
  return { calls, send };
}

function accepted(filename: string, documentId = `doc-${filename}`): UploadAnswer {
  return {
    items: [
      {
        filename,
        status: "accepted",
        document: {
          id: documentId,
          original_filename: filename,
          mime_type: "application/pdf",
          file_size: 3,
          sha256: "x",
          uploaded_at: "2026-12-04T10:00:00Z",
          current_status: "queued",
        },
        job: {
          id: `job-${filename}`,
          document_id: documentId,
          status: "queued",
          progress_percentage: 0,
          current_stage: "queued",
          attempt: 1,
          retry_count: 0,
          created_at: "2026-12-04T10:00:00Z",
          updated_at: "2026-12-04T10:00:00Z",
        },
      },
    ],
  };
}

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

const file = (name: string, body = "abc") => ({ name, file: new Blob([body]) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("upload queue without the outbox (no IndexedDB: sent from the screen)", () => {
  it("gives each picked file its own key and waits for Upload", () => {
    const { calls, send } = controlledSend();
    const queue = createUploadQueue({ send, newKey: keys() });
    queue.add([file("a.pdf"), file("b.pdf", "hello")]);
    const [a, b] = queue.getSnapshot();
    expect(a).toMatchObject({ filename: "a.pdf", size: 3, idempotencyKey: "key-1", phase: "ready" });
    expect(b).toMatchObject({ filename: "b.pdf", size: 5, idempotencyKey: "key-2", phase: "ready" });
    expect(calls).toHaveLength(0);
  });

  it("sends at most two files at once and starts the next when one ends", async () => {
    const { calls, send } = controlledSend();
    const queue = createUploadQueue({ send, newKey: keys() });
    queue.add(["a", "b", "c", "d", "e"].map((name) => file(`${name}.pdf`)));
    queue.start();
    expect(calls.map((call) => call.request.filename)).toEqual(["a.pdf", "b.pdf"]);
    expect(queue.getSnapshot().map((entry) => entry.phase)).toEqual(["sending", "sending", "waiting", "waiting", "waiting"]);

    calls[1].resolve(accepted("b.pdf"));
    await settle();
    expect(calls.map((call) => call.request.filename)).toEqual(["a.pdf", "b.pdf", "c.pdf"]);
    expect(queue.getSnapshot().filter((entry) => entry.phase === "sending")).toHaveLength(2);

    calls[0].reject(new NetworkError());
    calls[2].resolve(accepted("c.pdf"));
    await settle();
    expect(calls).toHaveLength(5);
    calls[3].resolve(accepted("d.pdf"));
    calls[4].resolve(accepted("e.pdf"));
    await settle();
    expect(queue.getSnapshot().map((entry) => entry.phase)).toEqual(["retryable", "accepted", "accepted", "accepted", "accepted"]);
  });

  it("never has more than two on the way, however the answers interleave", async () => {
    let inFlight = 0;
    let peak = 0;
    const queue = createUploadQueue({
      newKey: keys(),
      send: async ({ filename }) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        inFlight -= 1;
        return accepted(filename);
      },
    });
    queue.add(Array.from({ length: 9 }, (_, i) => file(`f${i}.pdf`)));
    queue.start();
    await vi.waitFor(() => expect(queue.getSnapshot().every((entry) => entry.phase === "accepted")).toBe(true), {
      timeout: 5000,
    });
    expect(peak).toBe(2);
  });

  it("reuses the file's key on every retry", async () => {
    const { calls, send } = controlledSend();
    const queue = createUploadQueue({ send, newKey: keys() });
    queue.add([file("a.pdf")]);
    queue.start();
    calls[0].reject(new ApiError(503, { code: "unavailable", message: "The database is not reachable." }));
    await settle();
    const [entry] = queue.getSnapshot();
    expect(entry).toMatchObject({ phase: "retryable", message: "The database is not reachable." });

    queue.retry(entry.id);
    calls[1].reject(new ApiError(409, { code: "conflict", message: "A request with this key is still running." }));
    await settle();
    queue.retry(entry.id);
    calls[2].resolve(accepted("a.pdf"));
    await settle();

    expect(calls.map((call) => call.request.idempotencyKey)).toEqual(["key-1", "key-1", "key-1"]);
    expect(queue.getSnapshot()[0]).toMatchObject({ phase: "accepted", attempts: 3, message: null });
  });

  it("does not resend a rejected or accepted file", async () => {
    const { calls, send } = controlledSend();
    const queue = createUploadQueue({ send, newKey: keys() });
    queue.add([file("a.html"), file("b.pdf")]);
    queue.start();
    calls[0].reject(new ApiError(415, { code: "unsupported_media_type", message: "Unsupported file type." }));
    calls[1].resolve(accepted("b.pdf"));
    await settle();
    for (const entry of queue.getSnapshot()) queue.retry(entry.id);
    queue.start();
    expect(calls).toHaveLength(2);
    expect(queue.getSnapshot()[0]).toMatchObject({ phase: "rejected", message: "Unsupported file type." });
  });

  it("tracks the bytes sent and ignores repeated progress", async () => {
    const { calls, send } = controlledSend();
    const queue = createUploadQueue({ send, newKey: keys() });
    let notifications = 0;
    queue.subscribe(() => (notifications += 1));
    queue.add([file("a.pdf", "0123456789")]);
    queue.start();
    const before = notifications;
    calls[0].request.onProgress({ loaded: 4, total: 200 });
    calls[0].request.onProgress({ loaded: 4, total: 200 });
    expect(notifications - before).toBe(1);
    expect(queue.getSnapshot()[0]).toMatchObject({ loaded: 4, total: 200 });
    calls[0].resolve(accepted("a.pdf"));
    await settle();
    expect(queue.getSnapshot()[0]).toMatchObject({ phase: "accepted", loaded: 200, total: 200 });
  });

  it("removes files not on the way and clears finished ones", async () => {
    const { calls, send } = controlledSend();
    const queue = createUploadQueue({ send, newKey: keys() });
    queue.add([file("a.pdf"), file("b.pdf"), file("c.pdf"), file("d.pdf")]);
    const [a] = queue.getSnapshot();
    queue.remove(a.id);
    expect(queue.getSnapshot().map((entry) => entry.filename)).toEqual(["b.pdf", "c.pdf", "d.pdf"]);
    queue.start();
    const sending = queue.getSnapshot()[0];
    queue.remove(sending.id);
    expect(queue.getSnapshot()).toHaveLength(3);

    calls[0].resolve(accepted("b.pdf"));
    calls[1].reject(new ApiError(422, { code: "empty_file", message: "The file is empty." }));
    await settle();
    calls[2].reject(new NetworkError());
    await settle();
    expect(queue.getSnapshot().map((entry) => entry.phase)).toEqual(["accepted", "rejected", "retryable"]);
    queue.clearFinished((entry) => entry.filename === "b.pdf");
    expect(queue.getSnapshot().map((entry) => entry.filename)).toEqual(["b.pdf", "d.pdf"]);
    queue.clearFinished();
    expect(queue.getSnapshot().map((entry) => entry.filename)).toEqual(["d.pdf"]);
  });

  it("takes a 202 with a rejected item as rejected, in the server's words", async () => {
    const { calls, send } = controlledSend();
    const queue = createUploadQueue({ send, newKey: keys() });
    queue.add([file("big.pdf")]);
    queue.start();
    calls[0].resolve({
      items: [{ filename: "big.pdf", status: "rejected", error: { code: "payload_too_large", message: "The file is larger than 25 MB." } }],
    });
    await settle();
    expect(queue.getSnapshot()[0]).toMatchObject({ phase: "rejected", message: "The file is larger than 25 MB." });
  });

  it("keeps a fresh snapshot object only when something changed", () => {
    const queue = createUploadQueue({ send: controlledSend().send, newKey: keys() });
    const empty = queue.getSnapshot();
    queue.clearFinished();
    queue.start();
    expect(queue.getSnapshot()).toBe(empty);
    queue.add([file("a.pdf")]);
    expect(queue.getSnapshot()).not.toBe(empty);
  });
});

/** The device's outbox as the screen sees it: stores files in order; may be full. */
function fakeOutbox(options: { available?: boolean; full?: (filename: string) => boolean } = {}) {
  const stored: { filename: string; idempotencyKey: string; size: number }[] = [];
  const port: OutboxPort = {
    available: async () => options.available ?? true,
    queue: async ({ file, filename, idempotencyKey }) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (options.full?.(filename)) throw new OutboxQuotaError();
      stored.push({ filename, idempotencyKey, size: file.size });
    },
  };
  return { port, stored };
}

describe("upload queue with the outbox", () => {
  const neverSend = () => Promise.reject(new Error("the screen must not send: the outbox's engine does"));

  it("hands every picked file to the outbox on Upload, in pick order, under the key made when it was picked", async () => {
    const outbox = fakeOutbox();
    const queue = createUploadQueue({ send: neverSend, newKey: keys(), outbox: outbox.port });
    queue.add(["a", "b", "c", "d", "e"].map((name) => file(`${name}.pdf`)));
    const started = queue.start();
    // Claimed at once: a second press hands nothing over twice.
    expect(queue.getSnapshot().map((entry) => entry.phase)).toEqual(["storing", "storing", "storing", "storing", "storing"]);
    await queue.start();
    await started;
    expect(outbox.stored.map((entry) => [entry.filename, entry.idempotencyKey])).toEqual([
      ["a.pdf", "key-1"],
      ["b.pdf", "key-2"],
      ["c.pdf", "key-3"],
      ["d.pdf", "key-4"],
      ["e.pdf", "key-5"],
    ]);
    expect(queue.getSnapshot().map((entry) => entry.phase)).toEqual(["queued", "queued", "queued", "queued", "queued"]);
  });

  it("keeps a file the device has no room for, with the reason, and stores the others", async () => {
    const outbox = fakeOutbox({ full: (name) => name === "big.pdf" });
    const queue = createUploadQueue({ send: neverSend, newKey: keys(), outbox: outbox.port });
    queue.add([file("a.pdf"), file("big.pdf"), file("c.pdf")]);
    await queue.start();
    expect(outbox.stored.map((entry) => entry.filename)).toEqual(["a.pdf", "c.pdf"]);
    const big = queue.getSnapshot()[1];
    expect(big).toMatchObject({ phase: "ready", message: new OutboxQuotaError().message, idempotencyKey: "key-2" });
    // Tried again later under the same key.
    outbox.stored.length = 0;
    await queue.start();
    expect(outbox.stored).toEqual([]);
  });

  it("sends from the screen, two at a time, when the outbox is not available", async () => {
    const { calls, send } = controlledSend();
    const queue = createUploadQueue({ send, newKey: keys(), outbox: fakeOutbox({ available: false }).port });
    queue.add([file("a.pdf"), file("b.pdf"), file("c.pdf")]);
    await queue.start();
    expect(calls.map((call) => call.request.idempotencyKey)).toEqual(["key-1", "key-2"]);
    expect(queue.getSnapshot().map((entry) => entry.phase)).toEqual(["sending", "sending", "waiting"]);
  });

  it("follows the outbox: a file seen there and then gone (discarded elsewhere) leaves the list", async () => {
    const queue = createUploadQueue({ send: neverSend, newKey: keys(), outbox: fakeOutbox().port });
    queue.add([file("a.pdf"), file("b.pdf")]);
    await queue.start();
    const before = queue.getSnapshot();
    queue.sync(new Set());
    expect(queue.getSnapshot()).toBe(before); // not seen yet: the outbox's list is catching up
    queue.sync(new Set(["key-1", "key-2"]));
    expect(queue.getSnapshot().map((entry) => entry.seen)).toEqual([true, true]);
    const seen = queue.getSnapshot();
    queue.sync(new Set(["key-1", "key-2"]));
    expect(queue.getSnapshot()).toBe(seen);
    queue.sync(new Set(["key-2"]));
    expect(queue.getSnapshot().map((entry) => entry.filename)).toEqual(["b.pdf"]);
  });

  it("never removes a file while it is being stored", async () => {
    const queue = createUploadQueue({ send: neverSend, newKey: keys(), outbox: fakeOutbox().port });
    queue.add([file("a.pdf")]);
    const started = queue.start();
    queue.remove("key-1");
    expect(queue.getSnapshot()).toHaveLength(1);
    await started;
    queue.remove("key-1");
    expect(queue.getSnapshot()).toHaveLength(0);
  });
});
