import { hashKey, type QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/keys";

/** Cache Storage of the service worker holding the files of opened documents (src/app/sw.ts). */
export const FILES_CACHE = "docflow-files";

async function deleteFilesCache(): Promise<void> {
  if (typeof caches === "undefined") return;
  await caches.delete(FILES_CACHE).catch(() => false);
}

/**
 * Removes what this device keeps of the signed-in user's data for offline use: the persisted query
 * cache and the cached document files. Called on sign-out (the caller clears the in-memory cache).
 * Queued writes (the outbox) are not touched: they belong to their user and wait for them.
 */
export async function clearOfflineData(): Promise<void> {
  const removePersistedQueries = import("./query-persistence").then(({ queryPersister }) => queryPersister.removeClient());
  await Promise.allSettled([removePersistedQueries, deleteFilesCache()]);
}

const userIdOf = (data: unknown): string | null => {
  const user = (data as { user?: { id?: unknown } } | undefined)?.user;
  return typeof user?.id === "string" ? user.id : null;
};

/**
 * When `me` turns out to be someone else than the user whose data the cache holds (a session ended
 * without signing out, then another person signed in), drop that data: every query but `me` is
 * reset (active screens refetch as the new user) and the cached files are deleted.
 */
export function forgetDataOfOtherUsers(queryClient: QueryClient): () => void {
  const meHash = hashKey(queryKeys.me());
  let userId = userIdOf(queryClient.getQueryData(queryKeys.me()));
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.query.queryHash !== meHash || (event.type !== "added" && event.type !== "updated")) return;
    const next = userIdOf(event.query.state.data);
    if (!next) return;
    if (userId && next !== userId) {
      void queryClient.resetQueries({ predicate: (query) => query.queryHash !== meHash });
      void deleteFilesCache();
    }
    userId = next;
  });
}
