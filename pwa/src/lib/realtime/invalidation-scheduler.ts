import { hashKey, type QueryClient, type QueryKey } from "@tanstack/react-query";

export interface SchedulerTiming {
  /** Wait this long after the first request, so a burst of events becomes one refetch. */
  settleMs: number;
  /** Never invalidate the same set more often than this. */
  intervalMs: number;
  /** A query still fetching is left to finish for at most this long before it is asked again. */
  maxDeferMs: number;
}

// A short settle: a new upload's row appears within a frame or two of its first event; bursts
// past the first are held to one refetch per interval.
const DEFAULTS: SchedulerTiming = { settleMs: 30, intervalMs: 500, maxDeferMs: 10_000 };

/**
 * Coalesced invalidation: any number of requests for a key within the window become one
 * `invalidateQueries` (no refetch storms). A key whose query is fetching right now waits for that
 * fetch to end (the live cache re-applies the events that arrived meanwhile to its answer) rather
 * than cancelling it — so a slow list is never restarted over and over.
 */
export class InvalidationScheduler {
  private readonly pending = new Map<string, { key: QueryKey; since: number }>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastRunAt = Number.NEGATIVE_INFINITY;
  private readonly timing: SchedulerTiming;

  constructor(
    private readonly queryClient: QueryClient,
    timing: Partial<SchedulerTiming> = {},
  ) {
    this.timing = { ...DEFAULTS, ...timing };
  }

  /** Refetch (the active) queries under this key soon — once, however often it is asked. */
  invalidate(queryKey: QueryKey): void {
    const hash = hashKey(queryKey);
    if (!this.pending.has(hash)) this.pending.set(hash, { key: queryKey, since: Date.now() });
    this.arm();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private arm(): void {
    if (this.timer || this.pending.size === 0) return;
    const wait = Math.max(this.timing.settleMs, this.lastRunAt + this.timing.intervalMs - Date.now());
    this.timer = setTimeout(() => this.run(), wait);
  }

  private run(): void {
    this.timer = null;
    this.lastRunAt = Date.now();
    for (const [hash, { key, since }] of this.pending) {
      const busy = this.queryClient.isFetching({ queryKey: key }) > 0;
      if (busy && Date.now() - since < this.timing.maxDeferMs) continue;
      this.pending.delete(hash);
      this.queryClient.invalidateQueries({ queryKey: key }).catch(() => undefined);
    }
    this.arm();
  }
}
