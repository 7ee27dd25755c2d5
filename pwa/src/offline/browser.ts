/**
 * Starts the tab's outbox in the browser (once per tab): the database, the sender, Web Locks, the
 * BroadcastChannel, the signed-in user from the query cache, and the moments the engine drains —
 * a new item, `online`, focus, the page becoming visible, its own backoff timer, and sign-in.
 */
import { hashKey, type QueryClient } from "@tanstack/react-query";
import { liveQuery } from "dexie";
import { api, unwrap } from "@/lib/api/client";
import { getCsrfToken, setCsrfToken } from "@/lib/api/csrf";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";
import { notifySessionExpired } from "@/lib/api/session-events";
import { getDatabase, type DocflowDatabase } from "./db";
import { CHANNEL_NAME, getOutboxRuntime, installOutboxRuntime, OutboxRuntime, SessionUserChanged, type Channel } from "./runtime";
import { sendDirect } from "./send";
import { requestPersistence } from "./storage";
import type { WriteDescription, WriteRequest } from "./write-request";

type MeRead = components["schemas"]["MeRead"];
type DocumentRead = components["schemas"]["DocumentRead"];
type JobRead = components["schemas"]["JobRead"];

/** The database, opened; null where IndexedDB is missing or refuses to open (some private modes). */
async function openDatabase(): Promise<DocflowDatabase | null> {
  const db = getDatabase();
  if (!db) return null;
  try {
    await db.open();
    return db;
  } catch {
    return null;
  }
}

/** A document's file name and a job's document, from what the query cache already holds. */
function describeWrite(queryClient: QueryClient, request: WriteRequest): WriteDescription {
  if (request.kind === "upload") return { label: request.filename };
  const documents: { id: string; original_filename: string; job?: JobRead | null }[] = [];
  for (const [, data] of queryClient.getQueriesData<{ document?: DocumentRead }>({ queryKey: ["document"] })) {
    if (data?.document?.id) documents.push(data.document);
  }
  for (const [, data] of queryClient.getQueriesData<{ pages?: { items?: (typeof documents)[number][] }[] }>({
    queryKey: queryKeys.documentLists(),
  })) {
    for (const page of data?.pages ?? []) documents.push(...(page.items ?? []));
  }
  if (request.kind === "review" || request.kind === "finalize") {
    const found = documents.find((document) => document.id === request.documentId);
    return { label: request.label ?? found?.original_filename ?? `Document ${request.documentId.slice(0, 8)}`, documentId: request.documentId };
  }
  const owner = documents.find((document) => document.job?.id === request.jobId);
  return {
    label: request.label ?? owner?.original_filename ?? `Job ${request.jobId.slice(0, 8)}`,
    documentId: owner?.id ?? null,
    jobId: request.jobId,
  };
}

function currentUser(queryClient: QueryClient): string | null {
  return queryClient.getQueryData<MeRead>(queryKeys.me())?.user.id ?? null;
}

/** The Background Sync tag: the service worker answers its `sync` event with a message (below). */
export const BACKGROUND_SYNC_TAG = "docflow-outbox";

/**
 * Asks the browser for a `sync` event when it next has a connection (Chromium only): the service
 * worker then tells the open pages, whose engine drains. Never required — `online`, focus and the
 * engine's own timer do the same everywhere.
 */
async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    // `sync` is missing where the browser has no Background Sync (Firefox, Safari).
    if (registration && "sync" in registration) await registration.sync.register(BACKGROUND_SYNC_TAG);
  } catch {
    // Not supported, or refused (no permission): the other triggers remain.
  }
}

/** The tab's outbox runtime, started on first call (null on the server). */
export function startBrowserOutbox(queryClient: QueryClient): OutboxRuntime | null {
  if (typeof window === "undefined") return null;
  const existing = getOutboxRuntime();
  if (existing) return existing;

  // The user whose session (and CSRF token) this page got from the server itself — not from the
  // persisted cache, which may be older than the session cookie.
  let confirmedUser: string | null = null;
  const ensureSession = async (userId: string, { refresh }: { refresh: boolean }) => {
    if (!refresh && confirmedUser === userId && getCsrfToken()) return;
    const me = await unwrap(api.GET("/api/auth/me"));
    // Signed out (or someone else signed in) while this was asked: the answer describes a session
    // that has ended — putting it in the cache would bring back the user who just left.
    if (runtime.getState().userId !== userId) throw new SessionUserChanged();
    setCsrfToken(me.csrf_token);
    confirmedUser = me.user.id;
    queryClient.setQueryData(queryKeys.me(), me);
    if (me.user.id !== userId) throw new SessionUserChanged();
  };

  const channel = typeof BroadcastChannel === "undefined" ? null : (new BroadcastChannel(CHANNEL_NAME) as unknown as Channel);
  const runtime = new OutboxRuntime({
    database: openDatabase,
    watchRows: (db, next) => {
      const subscription = liveQuery(() => db.outbox.orderBy("order").toArray()).subscribe({
        next,
        error: () => undefined, // a failed read: the next change reads again
      });
      return () => subscription.unsubscribe();
    },
    send: sendDirect,
    describe: (request) => describeWrite(queryClient, request),
    locks: typeof navigator !== "undefined" && navigator.locks ? navigator.locks : null,
    online: () => navigator.onLine !== false,
    channel,
    onAuthRequired: notifySessionExpired,
    ensureSession,
    // Another tab signed in or out: the session cookie is shared, so ask the server who we are.
    onRemoteUser: () => void queryClient.invalidateQueries({ queryKey: queryKeys.me() }),
    requestPersistence: () => void requestPersistence(),
    onStored: () => void requestBackgroundSync(),
  });
  installOutboxRuntime(runtime);

  // The signed-in user: only their items are sent. Sign-out clears the cache (nobody: nothing is
  // sent; the queue is kept); signing in — again, or as someone else — sets it. A user restored
  // from the persisted cache counts too (offline, writes still queue), but only an answer from the
  // server (or a sign-in) is told to the other tabs.
  runtime.setUser(currentUser(queryClient), { broadcast: false });
  const meHash = hashKey(queryKeys.me());
  queryClient.getQueryCache().subscribe((event) => {
    if (event.query.queryHash !== meHash) return;
    if (event.type !== "added" && event.type !== "updated" && event.type !== "removed") return;
    const fresh = event.type === "removed" || (event.type === "updated" && event.action.type === "success");
    if (fresh) confirmedUser = event.type === "removed" ? null : currentUser(queryClient);
    runtime.setUser(event.type === "removed" ? null : currentUser(queryClient), { broadcast: fresh });
    // The same user signed in again after a 401 (the re-sign-in dialog): the paused queue goes on.
    if (fresh) runtime.kick();
  });

  window.addEventListener("online", () => {
    void runtime.wakeNetworkWaits().finally(() => runtime.kick());
  });
  window.addEventListener("focus", () => runtime.kick());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") runtime.kick();
  });
  // Background Sync, where the browser has it, only ever wakes this same engine (never required).
  navigator.serviceWorker?.addEventListener("message", (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === "docflow-outbox-sync") runtime.kick();
  });
  runtime.kick();
  return runtime;
}
