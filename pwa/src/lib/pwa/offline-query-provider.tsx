"use client";

import { IsRestoringProvider, QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { forgetDataOfOtherUsers } from "./offline-data";

/**
 * The query client, restored from IndexedDB before any query runs (screens open offline with the
 * last known data) and saved back as it changes — TanStack's PersistQueryClientProvider, with the
 * persistence code loaded on demand to keep it out of the first-load JS. After a restore every
 * query holding restored data is marked stale: online the screens refetch at once, as after any
 * reload; offline they keep the restored data.
 */
export function OfflineQueryProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  const [restoring, setRestoring] = useState(true);

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      try {
        const persistence = await import("./query-persistence");
        // A restore that fails (no IndexedDB, a broken entry) drops the entry: the app starts empty.
        await persistence.restoreQueryCache(client).catch(() => undefined);
        if (!cancelled) unsubscribe = persistence.persistQueryCache(client);
      } catch {
        // The chunk did not load (offline without a service worker): no persistence this time.
      }
      if (!cancelled) {
        // Only what came from an earlier visit: data this page got itself (with its HTML, or a
        // request already answered or on its way) is not asked for again.
        void client.invalidateQueries({ predicate: (query) => restoredFromEarlierVisit(query.state) });
        setRestoring(false);
      }
    })();
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [client]);

  useEffect(() => forgetDataOfOtherUsers(client), [client]);

  return (
    <QueryClientProvider client={client}>
      <IsRestoringProvider value={restoring}>{children}</IsRestoringProvider>
    </QueryClientProvider>
  );
}

/** Data older than this page's navigation, and no request for it on its way. */
function restoredFromEarlierVisit(state: { dataUpdatedAt: number; fetchStatus: string }): boolean {
  return state.fetchStatus !== "fetching" && state.dataUpdatedAt < performance.timeOrigin;
}
