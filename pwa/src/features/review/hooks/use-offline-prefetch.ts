"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/** First run this long after the app settles (the reviewer's own requests come first). */
const FIRST_RUN_DELAY_MS = 5_000;
/** Then again this often while the app stays open, and whenever the connection returns. */
const RUN_EVERY_MS = 10 * 60_000;

let running: Promise<unknown> | null = null;

/**
 * Keeps the newest documents needing review available offline (features/review/offline): runs
 * while `enabled` (signed in, online), never two runs at once. Its code loads on first use.
 */
export function useOfflinePrefetch(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const run = () => {
      if (running || controller.signal.aborted || !navigator.onLine) return;
      running = import("../offline/prefetch-for-offline")
        .then(({ browserPrefetchDeps, prefetchForOffline }) =>
          prefetchForOffline(browserPrefetchDeps(queryClient), undefined, controller.signal),
        )
        .catch(() => undefined)
        .finally(() => {
          running = null;
        });
    };
    const first = window.setTimeout(run, FIRST_RUN_DELAY_MS);
    const every = window.setInterval(run, RUN_EVERY_MS);
    window.addEventListener("online", run);
    return () => {
      controller.abort();
      window.clearTimeout(first);
      window.clearInterval(every);
      window.removeEventListener("online", run);
    };
  }, [enabled, queryClient]);
}
