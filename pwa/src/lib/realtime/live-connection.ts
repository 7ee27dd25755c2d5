/**
 * One live connection per tab: the WebSocket (`/api/ws`, subscribe "all", resume with `after` =
 * the last seq applied), and — while it is down — polling `GET /api/events?after=` so the screen
 * never freezes. Timers, the socket and the HTTP read are injected: the hook wires the browser's.
 *
 * Protocol (api/docflow/events/ws.py): the client sends {"subscribe": "all", "after": SEQ}; the
 * server replays what is above SEQ, acks {"type": "subscribed", "last_seq": N} and streams event
 * envelopes; {"type": "ping"} either way is answered with {"type": "pong"}. Close 4008: slow
 * consumer, resume with `after`; 4401: credentials revoked or expired.
 */
import { backoffDelay } from "./backoff";
import type { EventPage, LiveEvent } from "./event-reducer";
import { findLatestSeq } from "./latest-seq";

export type LiveState = "live" | "reconnecting" | "polling" | "offline";

export const SLOW_CONSUMER = 4008;
export const CREDENTIALS_ENDED = 4401;
/** Our own code when we give up on a socket (no answer in time, silent too long). */
export const ABANDONED = 4000;

/** What the connection needs of a WebSocket (the browser's satisfies it). */
export type SocketLike = Pick<WebSocket, "send" | "close" | "onopen" | "onmessage" | "onclose" | "onerror">;

/** The part of LiveCache the connection drives. */
export interface EventSink {
  readonly lastSeq: number | null;
  apply(events: readonly LiveEvent[]): number;
  baseline(seq?: number): void;
}

export interface LiveTiming {
  /** Between two polls while the socket is down. */
  pollMs: number;
  /** Events per poll request; a catch-up reads at most `maxCatchUpPages` of them, then jumps. */
  pageSize: number;
  maxCatchUpPages: number;
  /** A socket that is not subscribed within this long is given up. */
  connectTimeoutMs: number;
  /** Quiet this long while live: send a ping. Silent this long: the socket is dead. */
  keepaliveMs: number;
  staleMs: number;
  /** After a wake (tab visible, back online) a live socket must answer a ping within this. */
  wakeProbeMs: number;
  /** Failed attempts in a row after which the indicator says "Polling" (not "Reconnecting"). */
  pollingAfterFailures: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_TIMING: LiveTiming = {
  pollMs: 2000,
  pageSize: 500,
  maxCatchUpPages: 10,
  connectTimeoutMs: 10_000,
  keepaliveMs: 20_000,
  staleMs: 45_000,
  wakeProbeMs: 5000,
  pollingAfterFailures: 2,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
};

export interface LiveConnectionOptions {
  url: string;
  openSocket: (url: string) => SocketLike;
  fetchEvents: (after: number, limit: number) => Promise<EventPage>;
  sink: EventSink;
  onState: (state: LiveState) => void;
  /** The server ended the stream because the session ended (close 4401). */
  onSessionExpired: () => void;
  isOnline?: () => boolean;
  random?: () => number;
  timing?: Partial<LiveTiming>;
}

type Timer = ReturnType<typeof setTimeout>;

function isEvent(value: unknown): value is LiveEvent {
  const event = value as LiveEvent | null;
  return (
    typeof event === "object" &&
    event !== null &&
    typeof event.seq === "number" &&
    typeof event.type === "string" &&
    typeof event.document_id === "string" &&
    typeof event.job_id === "string"
  );
}

/** ws:// or wss:// on the page's own origin (the PWA proxies the upgrade to the API). */
export function liveSocketUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/ws`;
}

export class LiveConnection {
  private readonly timing: LiveTiming;
  private readonly isOnline: () => boolean;
  private readonly random: () => number;

  private running = false;
  private socket: SocketLike | null = null;
  /** Subscribed and acknowledged. */
  private live = false;
  /** A subscribe without `after` is on its way: its ack starts the stream afresh (baseline). */
  private subscribedBlind = false;
  /** Attempts in a row that never got subscribed. */
  private failures = 0;
  private lastFrameAt = 0;
  private framesSeen = 0;
  private lastPollOk = true;
  private polling = false;
  private state: LiveState | null = null;
  private queued: LiveEvent[] = [];

  private flushTimer: Timer | null = null;
  private reconnectTimer: Timer | null = null;
  private pollTimer: Timer | null = null;
  private connectTimer: Timer | null = null;
  private keepaliveTimer: ReturnType<typeof setInterval> | null = null;
  private probeTimer: Timer | null = null;

  constructor(private readonly options: LiveConnectionOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.isOnline = options.isOnline ?? (() => true);
    this.random = options.random ?? Math.random;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
    this.schedulePoll();
    this.publish();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.flush();
    for (const timer of [this.flushTimer, this.reconnectTimer, this.pollTimer, this.connectTimer, this.probeTimer]) {
      if (timer) clearTimeout(timer);
    }
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.flushTimer = this.reconnectTimer = this.pollTimer = this.connectTimer = this.probeTimer = null;
    this.keepaliveTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.live = false;
    this.subscribedBlind = false;
    if (socket) this.detach(socket, 1000);
    this.publish();
  }

  /** The tab became visible or the network came back: check a live socket, or catch up now. */
  wake(): void {
    if (!this.running) return;
    this.publish();
    if (!this.isOnline()) return;
    if (this.live && this.socket) {
      this.probe(this.socket);
      return;
    }
    if (!this.socket) this.connect();
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    void this.poll();
  }

  /** navigator.onLine changed. */
  networkChanged(): void {
    if (this.isOnline()) this.wake();
    else this.publish();
  }

  // the socket ---------------------------------------------------------------------------------
  private connect(): void {
    if (!this.running || this.socket || !this.isOnline()) return;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    let socket: SocketLike;
    try {
      socket = this.options.openSocket(this.options.url);
    } catch {
      this.failures++;
      this.scheduleReconnect(this.failures);
      this.publish();
      return;
    }
    this.socket = socket;
    this.connectTimer = setTimeout(() => this.abandon(socket), this.timing.connectTimeoutMs);
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.flush();
      const after = this.options.sink.lastSeq;
      this.subscribedBlind = after === null;
      socket.send(JSON.stringify(after === null ? { subscribe: "all" } : { subscribe: "all", after }));
    };
    socket.onmessage = (message) => {
      if (this.socket === socket) this.onFrame(socket, message.data);
    };
    socket.onclose = (close) => {
      if (this.socket === socket) this.onClosed(close.code);
    };
    socket.onerror = () => undefined; // a close always follows
  }

  private onFrame(socket: SocketLike, raw: unknown): void {
    this.lastFrameAt = Date.now();
    this.framesSeen++;
    if (typeof raw !== "string") return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (isEvent(message)) {
      this.queued.push(message);
      // Frames that arrive together are applied together (one cache write per entry).
      this.flushTimer ??= setTimeout(() => this.flush(), 0);
      return;
    }
    const type = (message as { type?: unknown } | null)?.type;
    if (type === "subscribed") this.onSubscribed();
    else if (type === "ping") socket.send('{"type":"pong"}');
    // "pong" only proves the socket alive; an {"error": …} frame answers a message we never send.
  }

  private onSubscribed(): void {
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.connectTimer = null;
    this.flush();
    if (this.subscribedBlind) {
      // No resume point was known: whatever happened before this moment was never streamed to
      // us, so the cached entries are refreshed once; from here on every event arrives.
      this.subscribedBlind = false;
      this.options.sink.baseline();
    }
    this.live = true;
    this.failures = 0;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = setInterval(() => this.keepalive(), Math.min(5000, this.timing.keepaliveMs));
    this.publish();
  }

  private keepalive(): void {
    const socket = this.socket;
    if (!socket || !this.live) return;
    const quiet = Date.now() - this.lastFrameAt;
    if (quiet >= this.timing.staleMs) this.abandon(socket);
    else if (quiet >= this.timing.keepaliveMs) this.send(socket, '{"type":"ping"}');
  }

  /** Wake from sleep: a socket that looks live may be long dead. It must answer a ping soon. */
  private probe(socket: SocketLike): void {
    const seen = this.framesSeen;
    this.send(socket, '{"type":"ping"}');
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      if (this.socket === socket && this.framesSeen === seen) this.abandon(socket);
    }, this.timing.wakeProbeMs);
  }

  private send(socket: SocketLike, text: string): void {
    try {
      socket.send(text);
    } catch {
      this.abandon(socket);
    }
  }

  private onClosed(code: number): void {
    this.flush();
    const wasLive = this.live;
    this.socket = null;
    this.live = false;
    this.subscribedBlind = false;
    for (const timer of [this.connectTimer, this.probeTimer]) if (timer) clearTimeout(timer);
    this.connectTimer = this.probeTimer = null;
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = null;
    if (!this.running) return;
    if (code === CREDENTIALS_ENDED) {
      this.stop();
      this.options.onSessionExpired();
      return;
    }
    if (code === SLOW_CONSUMER) {
      this.scheduleReconnect(0); // we fell behind: resume at once from the last seq applied
    } else {
      if (!wasLive) this.failures++;
      this.scheduleReconnect(wasLive ? 0 : this.failures);
    }
    this.schedulePoll();
    this.publish();
  }

  /** Give up on a socket that does not answer: forget it now, do not wait for its close. */
  private abandon(socket: SocketLike): void {
    if (this.socket !== socket) return;
    this.detach(socket, ABANDONED);
    this.onClosed(ABANDONED);
  }

  private detach(socket: SocketLike, code: number): void {
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(code);
    } catch {
      // already closed
    }
  }

  private scheduleReconnect(attempt: number): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const delay = backoffDelay(attempt, {
      baseMs: this.timing.backoffBaseMs,
      maxMs: this.timing.backoffMaxMs,
      random: this.random,
    });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.isOnline()) this.connect();
      else this.scheduleReconnect(attempt); // keep trying quietly; "online" also wakes us
    }, delay);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.queued.length === 0) return;
    const events = this.queued;
    this.queued = [];
    this.options.sink.apply(events);
  }

  // polling ------------------------------------------------------------------------------------
  private schedulePoll(delay = this.timing.pollMs): void {
    if (!this.running || this.live || this.pollTimer || this.polling) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.poll();
    }, delay);
  }

  private async poll(): Promise<void> {
    if (!this.running || this.live || this.polling) return;
    if (this.isOnline()) {
      this.polling = true;
      try {
        await this.catchUp();
        this.lastPollOk = true;
      } catch {
        this.lastPollOk = false; // the server is away too; a 401 already asked to sign in again
      } finally {
        this.polling = false;
      }
      this.publish();
    }
    this.schedulePoll();
  }

  private probeSeq = async (after: number) => {
    const page = await this.options.fetchEvents(after, 100);
    return { seq: page.items.at(-1)?.seq ?? null, more: page.has_more };
  };

  private async catchUp(): Promise<void> {
    const sink = this.options.sink;
    if (sink.lastSeq === null) {
      const latest = await findLatestSeq(this.probeSeq);
      // A blind subscription that is on its way or live will baseline itself; taking this seq
      // as well could skip events the socket delivers late.
      if (this.running && sink.lastSeq === null && !this.subscribedBlind && !this.live) sink.baseline(latest);
      return;
    }
    for (let pages = 0; this.running; pages++) {
      if (pages >= this.timing.maxCatchUpPages) {
        // Far behind (a long sleep): one refetch of what is on screen beats thousands of events.
        const latest = await findLatestSeq(this.probeSeq);
        if (this.running) sink.baseline(latest);
        return;
      }
      const after = sink.lastSeq ?? 0;
      const page = await this.options.fetchEvents(after, this.timing.pageSize);
      if (!this.running) return;
      sink.apply(page.items);
      if (!page.has_more || page.items.length === 0) return;
    }
  }

  // state --------------------------------------------------------------------------------------
  private publish(): void {
    let state: LiveState;
    if (!this.running || !this.isOnline()) state = "offline";
    else if (this.live) state = "live";
    else if (this.failures >= this.timing.pollingAfterFailures && this.lastPollOk) state = "polling";
    else state = "reconnecting";
    if (state === this.state) return;
    this.state = state;
    this.options.onState(state);
  }
}
