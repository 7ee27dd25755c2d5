import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import {
  persistQueryClientRestore,
  persistQueryClientSubscribe,
  type PersistedClient,
  type PersistQueryClientOptions,
} from "@tanstack/query-persist-client-core";
import { defaultShouldDehydrateQuery, dehydrate, type Query, type QueryClient } from "@tanstack/react-query";
import { createStore, del, get, set, type UseStore } from "idb-keyval";
import { queryKeys } from "@/lib/api/keys";

/**
 * Loaded on demand (offline-query-provider.tsx): it stays out of every screen's first-load JS.
 *
 * The query cache, persisted to IndexedDB so the screens open offline with the last known data
 * (the signed-in user, document lists, documents, their history and job timelines). Files are not
 * in the query cache: the service worker keeps those ("docflow-files").
 */

/**
 * Bump when a persisted query's data changes shape (an API type or a cache shape in keys.ts):
 * persisted data of another version is dropped. Deliberately not the build id — installing an
 * update online must not wipe what a reviewer has for offline review.
 */
export const PERSIST_BUSTER = "docflow-queries-1";
/** Persisted data older than this is not restored (the query client's gcTime is as long). */
export const PERSIST_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const PERSIST_KEY = "query-cache";

// Opened on first use only: the module is also evaluated on the server, where there is no IndexedDB.
let store: UseStore | undefined;
const queryStore = () => (store ??= createStore("docflow-query-cache", "persisted"));

const storage = {
  getItem: (key: string) => get<string>(key, queryStore()),
  setItem: (key: string, value: string) => set(key, value, queryStore()),
  removeItem: (key: string) => del(key, queryStore()),
};

/**
 * What is saved is the last known data: a query whose refetch failed (offline, the usual case
 * here) keeps its data but is in the error state, and would otherwise be left out of the next save
 * — the next offline start would then have lost it. It is saved as it was when it last succeeded.
 */
export function lastKnownData(client: PersistedClient): PersistedClient {
  const queries = client.clientState.queries.map((query) =>
    query.state.status === "error"
      ? { ...query, state: { ...query.state, status: "success" as const, error: null, fetchFailureCount: 0, fetchFailureReason: null } }
      : query,
  );
  return { ...client, clientState: { ...client.clientState, queries } };
}

/** Saved at most once a second (the live connection patches the cache often), as one JSON string. */
export const queryPersister = createAsyncStoragePersister({
  key: PERSIST_KEY,
  storage,
  throttleTime: 1000,
  serialize: (client) => JSON.stringify(lastKnownData(client)),
});

/** Queries whose data is never written to the device: API token lists, the live stream's resume point. */
function isPersistable(query: Query): boolean {
  const [root, , leaf] = query.queryKey;
  return root !== "tokens" && !(root === "users" && leaf === "tokens") && root !== queryKeys.resumePoint()[0];
}

/** The session's CSRF token (in the `me` answer) stays in memory; `me` is refetched after a restore. */
function withoutCsrfToken(data: unknown): unknown {
  if (typeof data === "object" && data !== null && "csrf_token" in data && "user" in data) {
    const rest: Record<string, unknown> = { ...data };
    delete rest.csrf_token;
    return rest;
  }
  return data;
}

export const persistOptions: Omit<PersistQueryClientOptions, "queryClient"> = {
  persister: queryPersister,
  buster: PERSIST_BUSTER,
  maxAge: PERSIST_MAX_AGE_MS,
  dehydrateOptions: {
    shouldDehydrateQuery: (query) =>
      (defaultShouldDehydrateQuery(query) || (query.state.status === "error" && query.state.data !== undefined)) && isPersistable(query),
    serializeData: withoutCsrfToken,
  },
};

/** Puts the persisted queries (if any, of this version and young enough) into the cache. */
export function restoreQueryCache(queryClient: QueryClient): Promise<void> {
  return persistQueryClientRestore({ ...persistOptions, queryClient });
}

/**
 * Saves the cache as it changes, and at once when the page is hidden or left (the throttled save
 * would be lost with the page: a document opened just before closing the tab must be kept).
 * Returns the function that stops both.
 */
export function persistQueryCache(queryClient: QueryClient): () => void {
  const unsubscribe = persistQueryClientSubscribe({ ...persistOptions, queryClient });
  const saveNow = () => {
    const client: PersistedClient = {
      buster: PERSIST_BUSTER,
      timestamp: Date.now(),
      clientState: dehydrate(queryClient, persistOptions.dehydrateOptions),
    };
    const value = JSON.stringify(lastKnownData(client));
    // Committed explicitly: a write left to auto-commit is dropped when the page goes away (measured
    // in Chromium: 0 of 20 such writes survived a navigation, 20 of 20 with commit()).
    void queryStore()("readwrite", (store) => {
      store.put(value, PERSIST_KEY);
      store.transaction.commit();
    }).catch(() => undefined);
  };
  const onVisibilityChange = () => {
    if (document.visibilityState === "hidden") saveNow();
  };
  window.addEventListener("pagehide", saveNow);
  document.addEventListener("visibilitychange", onVisibilityChange);
  return () => {
    unsubscribe();
    window.removeEventListener("pagehide", saveNow);
    document.removeEventListener("visibilitychange", onVisibilityChange);
  };
}
