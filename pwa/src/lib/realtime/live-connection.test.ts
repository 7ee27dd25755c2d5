import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventPage, LiveEvent } from "./event-reducer";
import { LiveConnection, liveSocketUrl, type EventSink, type LiveState, type LiveTiming, type SocketLike } from "./live-connection";
import { event } from "./test-fixtures";

/** A WebSocket stand-in the test drives: open(), frame(), closeBy(). */
class FakeSocket {
  sent: unknown[] = [];
  closedWith: number | null = null;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  constructor(readonly url: string) {}
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close(code?: number) {
    this.closedWith = code ?? 1000;
  }
  open() {
    this.onopen?.call(this as unknown as WebSocket, new Event("open"));
  }
  frame(body: unknown) {
    this.onmessage?.call(this as unknown as WebSocket, { data: JSON.stringify(body) } as MessageEvent);
  }
  closeBy(code: number) {
    this.onclose?.call(this as unknown as WebSocket, { code, reason: "" } as CloseEvent);
  }
}

/** The sink's contract, recorded. */
class RecordingSink implements EventSink {
  lastSeq: number | null = null;
  applied: LiveEvent[] = [];
  baselines: (number | undefined)[] = [];
  apply(events: readonly LiveEvent[]) {
    let n = 0;
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
      if (this.lastSeq !== null && e.seq <= this.lastSeq) continue;
      this.applied.push(e);
      this.lastSeq = e.seq;
      n++;
    }
    return n;
  }
  baseline(seq?: number) {
    this.baselines.push(seq);
    if (seq !== undefined && (this.lastSeq === null || seq > this.lastSeq)) this.lastSeq = seq;
  }
}

/** The server's event table, read the way GET /api/events reads it. */
function eventTable(seqs: number[] = []) {
  const rows = seqs.map((seq) => event(seq, "document_parsing_progress", "a"));
  const reads: { after: number; limit: number }[] = [];
  let failing = false;
  const fetchEvents = async (after: number, limit: number): Promise<EventPage> => {
    reads.push({ after, limit });
    if (failing) throw new Error("network");
    const above = rows.filter((e) => e.seq > after);
    const items = above.slice(0, limit);
    return { items, has_more: above.length > limit, last_seq: items.at(-1)?.seq ?? null };
  };
  return {
    fetchEvents,
    reads,
    add: (e: LiveEvent) => rows.push(e),
    fail: (value: boolean) => (failing = value),
  };
}

function setup(options: { seqs?: number[]; online?: () => boolean; timing?: Partial<LiveTiming> } = {}) {
  const sockets: FakeSocket[] = [];
  const states: LiveState[] = [];
  const sink = new RecordingSink();
  const table = eventTable(options.seqs);
  const expired = vi.fn();
  const connection = new LiveConnection({
    url: "ws://app.test/api/ws",
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as SocketLike;
    },
    fetchEvents: table.fetchEvents,
    sink,
    onState: (state) => states.push(state),
    onSessionExpired: expired,
    isOnline: options.online,
    random: () => 0.5,
    timing: options.timing,
  });
  const last = () => sockets[sockets.length - 1];
  return { connection, sockets, last, states, sink, table, expired };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("liveSocketUrl", () => {
  it("uses the page's own origin, wss under https", () => {
    expect(liveSocketUrl({ protocol: "http:", host: "127.0.0.1:3000" })).toBe("ws://127.0.0.1:3000/api/ws");
    expect(liveSocketUrl({ protocol: "https:", host: "docflow.example" })).toBe("wss://docflow.example/api/ws");
  });
});

describe("LiveConnection", () => {
  it("subscribes to everything, goes live on the ack and refreshes the cache once (no resume point yet)", () => {
    const { connection, last, states, sink } = setup();
    connection.start();
    expect(states).toEqual(["reconnecting"]);
    last().open();
    expect(last().sent).toEqual([{ subscribe: "all" }]);
    last().frame({ type: "subscribed", subscribe: "all", after: null, last_seq: 0 });
    expect(states.at(-1)).toBe("live");
    expect(sink.baselines).toEqual([undefined]);
    connection.stop();
    expect(states.at(-1)).toBe("offline");
    expect(last().closedWith).toBe(1000);
  });

  it("applies event frames in batches and answers the server's ping", async () => {
    const { connection, last, sink } = setup();
    connection.start();
    last().open();
    last().frame({ type: "subscribed", last_seq: 0 });
    last().frame(event(10, "job_started", "a"));
    last().frame(event(11, "document_parsing_started", "a"));
    expect(sink.applied).toHaveLength(0); // batched…
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.applied.map((e) => e.seq)).toEqual([10, 11]); // …and applied together
    last().frame({ type: "ping" });
    expect(last().sent.at(-1)).toEqual({ type: "pong" });
    last().frame({ error: { code: "validation_error", message: "?", details: null } }); // ignored
    last().frame("not json at all");
    connection.stop();
  });

  it("on a drop: reconnects with backoff, resumes after the last seq applied, polls meanwhile", async () => {
    const { connection, sockets, last, states, sink, table } = setup({ seqs: [10, 11, 12, 13] });
    connection.start();
    last().open();
    last().frame({ type: "subscribed", last_seq: 0 });
    last().frame(event(11, "job_started", "a"));
    last().closeBy(1006); // the frame queued before the close is applied first
    expect(sink.lastSeq).toBe(11);
    expect(states.at(-1)).toBe("reconnecting");
    // the first retry after a live socket dropped comes quickly (250–500 ms)
    await vi.advanceTimersByTimeAsync(400);
    expect(sockets).toHaveLength(2);
    // this one fails too; the next waits longer; meanwhile polling catches up from seq 11
    last().closeBy(1006);
    await vi.advanceTimersByTimeAsync(2000);
    expect(table.reads[0]).toEqual({ after: 11, limit: 500 });
    expect(sink.lastSeq).toBe(13);
    expect(sockets).toHaveLength(3); // the third attempt went out 0.5–1 s after the second failed
    last().open();
    expect(last().sent).toEqual([{ subscribe: "all", after: 13 }]);
    last().frame({ type: "subscribed", last_seq: 13 });
    expect(states.at(-1)).toBe("live");
    expect(sink.baselines).toEqual([undefined]); // resumed: no second refresh
    const reads = table.reads.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(table.reads.length).toBe(reads); // no polling while live
    connection.stop();
  });

  it("when the socket never works (blocked), says Polling, keeps polling and keeps trying with backoff", async () => {
    const { connection, sockets, last, states, sink, table } = setup({ seqs: [3, 9, 40, 41], timing: { connectTimeoutMs: 60_000 } });
    connection.start();
    last().closeBy(1006);
    await vi.advanceTimersByTimeAsync(2000); // ~0.5–1 s backoff, then the second attempt
    last().closeBy(1006);
    expect(states.at(-1)).toBe("polling");
    await vi.advanceTimersByTimeAsync(1000);
    // no resume point: the latest seq was looked up (one small read here), the cache refreshed once
    expect(table.reads).toEqual([{ after: 0, limit: 100 }]);
    expect(sink.baselines).toEqual([41]);
    table.add(event(50, "job_completed", "a"));
    await vi.advanceTimersByTimeAsync(2100);
    expect(sink.applied.map((e) => e.seq)).toEqual([50]);
    // retries spread out: attempts keep coming but further apart, never more than 30 s apart
    for (let i = 0; i < 12; i++) {
      last().closeBy(1006);
      const before = sockets.length;
      await vi.advanceTimersByTimeAsync(31_000);
      expect(sockets.length).toBe(before + 1);
    }
    expect(states.at(-1)).toBe("polling");
    connection.stop();
  });

  it("a slow-consumer close resumes at once with after = the last seq applied", async () => {
    const { connection, sockets, last, sink } = setup();
    connection.start();
    last().open();
    last().frame({ type: "subscribed", last_seq: 0 });
    last().frame(event(77, "job_started", "a"));
    last().closeBy(4008);
    expect(sink.lastSeq).toBe(77);
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(2);
    last().open();
    expect(last().sent).toEqual([{ subscribe: "all", after: 77 }]);
    connection.stop();
  });

  it("a 4401 close (session ended) asks to sign in again and stops", async () => {
    const { connection, sockets, last, states, expired, table } = setup();
    connection.start();
    last().open();
    last().frame({ type: "subscribed", last_seq: 0 });
    last().closeBy(4401);
    expect(expired).toHaveBeenCalledOnce();
    expect(states.at(-1)).toBe("offline");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(table.reads).toHaveLength(0);
  });

  it("gives up on a socket that never subscribes, and on one that went silent", async () => {
    const { connection, sockets, last, states } = setup({ timing: { connectTimeoutMs: 3000 } });
    connection.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(sockets[0].closedWith).toBe(4000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
    last().open();
    last().frame({ type: "subscribed", last_seq: 0 });
    expect(states.at(-1)).toBe("live");
    await vi.advanceTimersByTimeAsync(25_000);
    expect(last().sent.at(-1)).toEqual({ type: "ping" }); // quiet: we ask
    await vi.advanceTimersByTimeAsync(25_000); // …and nothing ever answers
    expect(sockets[1].closedWith).toBe(4000);
    expect(states.at(-1)).toBe("reconnecting");
    connection.stop();
  });

  it("on wake, a live socket must answer a ping; a dead one is replaced and the cache caught up at once", async () => {
    const { connection, sockets, last, sink, table } = setup({ seqs: [5, 6] });
    connection.start();
    last().open();
    last().frame({ type: "subscribed", last_seq: 0 });
    last().frame(event(4, "job_started", "a"));
    await vi.advanceTimersByTimeAsync(0);
    connection.wake();
    expect(last().sent.at(-1)).toEqual({ type: "ping" });
    await vi.advanceTimersByTimeAsync(5000); // no pong: the socket slept with the laptop
    expect(sockets[0].closedWith).toBe(4000);
    // a wake while down polls now, not in 2 s, and tries the socket now
    const before = sockets.length;
    connection.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(table.reads.at(-1)).toEqual({ after: 4, limit: 500 });
    expect(sink.lastSeq).toBe(6);
    expect(sockets.length).toBe(before + 1);
    connection.stop();
  });

  it("says Offline while the browser is offline, and catches up when it comes back", async () => {
    let online = true;
    const { connection, sockets, last, states, sink } = setup({ online: () => online, seqs: [8] });
    connection.start();
    last().open();
    last().frame({ type: "subscribed", last_seq: 0 });
    last().frame(event(7, "job_started", "a"));
    online = false;
    connection.networkChanged();
    expect(states.at(-1)).toBe("offline");
    last().closeBy(1006);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets).toHaveLength(1); // no attempts while offline
    online = true;
    connection.networkChanged();
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.lastSeq).toBe(8);
    expect(states.at(-1)).toBe("reconnecting");
    connection.stop();
  });

  it("a poll that fails (server away) shows Reconnecting, not Polling", async () => {
    const { connection, last, states, table } = setup({ seqs: [1] });
    table.fail(true);
    connection.start();
    last().closeBy(1006);
    await vi.advanceTimersByTimeAsync(900);
    last().closeBy(1006);
    await vi.advanceTimersByTimeAsync(2000);
    expect(states.at(-1)).toBe("reconnecting");
    table.fail(false);
    await vi.advanceTimersByTimeAsync(2100);
    expect(states.at(-1)).toBe("polling");
    connection.stop();
  });

  it("far behind after a long sleep: jumps to the latest seq and refreshes once instead of replaying", async () => {
    const seqs = Array.from({ length: 3000 }, (_, i) => i + 1);
    const { connection, last, sink, table } = setup({ seqs, timing: { pageSize: 50, maxCatchUpPages: 3 } });
    connection.start();
    last().open();
    last().frame({ type: "subscribed", last_seq: 0 });
    last().frame(event(1, "job_started", "a"));
    last().closeBy(1006);
    await vi.advanceTimersByTimeAsync(2100);
    expect(table.reads.filter((r) => r.limit === 50)).toEqual([{ after: 1, limit: 50 }, { after: 51, limit: 50 }, { after: 101, limit: 50 }]);
    expect(sink.baselines.at(-1)).toBe(3000);
    expect(sink.lastSeq).toBe(3000);
    connection.stop();
  });
});
