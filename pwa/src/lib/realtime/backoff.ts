export interface BackoffOptions {
  /** The first retry waits between baseMs/2 and baseMs. */
  baseMs?: number;
  /** No wait is ever longer than this. */
  maxMs?: number;
  /** 0 ≤ random() < 1 (injected by tests). */
  random?: () => number;
}

/**
 * Exponential backoff with jitter for the `attempt`-th retry (0-based): the ceiling doubles each
 * time up to `maxMs`, and the wait is drawn from its upper half — so many tabs that lost the
 * server together do not all come back in the same instant, and none waits too little.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 500, maxMs = 30_000, random = Math.random } = options;
  const exponent = Math.max(0, Math.floor(Number.isNaN(attempt) ? 0 : attempt));
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + unit * (ceiling / 2));
}
