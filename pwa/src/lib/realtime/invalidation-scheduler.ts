import { hashKey, type QueryClient, type QueryKey } from "@tanstack/react-query";

export interface SchedulerTiming {
  /** Wait until requests have stopped for this long, so a burst of events becomes one refetch… */
  settleMs: number;
  /** …but never longer than this after the first request of the burst. */
  maxSettleMs: number;
  /** Never invalidate the same set more often than this. */
  intervalMs: number;
  /** A query still fetching is left to finish for at most this long before it is asked again. */
  maxDeferMs: number;
}

// A short quiet period with a cap: a new upload's row appears within a few frames of its events,
// a burst of uploads still becomes one refetch, and later bursts one per interval.
const DEFAULTS: SchedulerTiming = { settleMs: 30, maxSettleMs: 100, intervalMs: 500, maxDeferMs: 10_000 };

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
  /** The first and the latest request of the burst waiting to run. */
  private burst: { first: number; last: number } | null = null;
  private readonly causes = new Set<string>();
  private readonly timing: SchedulerTiming;

  constructor(
    private readonly queryClient: QueryClient,
    timing: Partial<SchedulerTiming> = {},
  ) {
    this.timing = { ...DEFAULTS, ...timing };
  }

  /**
   * Refetch (the active) queries under this key soon — once, however often it is asked. `causes`
   * (e.g. the documents whose events asked for it): a request whose causes were all seen in this
   * burst already does not push the refetch back — one upload's stream of progress events is not
   * a burst; ten uploads at once are.
   */
  invalidate(queryKey: QueryKey, causes?: Iterable<string>): void {
    const hash = hashKey(queryKey);
    const now = Date.now();
    if (!this.pending.has(hash)) this.pending.set(hash, { key: queryKey, since: now });
    const fresh = causes === undefined ? true : this.noteCauses(causes);
    if (!this.burst) this.burst = { first: now, last: now };
    else if (fresh) this.burst.last = now;
    this.rearm();
  }

  /** Records the causes in this burst; true when any is new. */
  private noteCauses(causes: Iterable<string>): boolean {
    let fresh = false;
    for (const cause of causes) {
      if (this.causes.has(cause)) continue;
      this.causes.add(cause);
      fresh = true;
    }
    return fresh;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  /** (Re)schedules the run: quiet for settleMs, capped at maxSettleMs, never within intervalMs of the last run. */
  private rearm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const now = Date.now();
    const { first, last } = this.burst ?? { first: now, last: now };
    const settled = Math.min(last + this.timing.settleMs, first + this.timing.maxSettleMs);
    const at = Math.max(settled, this.lastRunAt + this.timing.intervalMs);
    this.timer = setTimeout(() => this.run(), Math.max(0, at - now));
  }

  private run(): void {
    this.timer = null;
    this.burst = null;
    this.causes.clear();
    this.lastRunAt = Date.now();
    for (const [hash, { key, since }] of this.pending) {
      const busy = this.queryClient.isFetching({ queryKey: key }) > 0;
      if (busy && Date.now() - since < this.timing.maxDeferMs) continue;
      this.pending.delete(hash);
      this.queryClient.invalidateQueries({ queryKey: key }).catch(() => undefined);
    }
    // Keys left waiting for a fetch to end: looked at again one interval on.
    if (this.pending.size > 0) this.burst = { first: Date.now(), last: Date.now() };
    this.rearm();
  }
}
