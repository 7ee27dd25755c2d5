/**
 * The tab's live connection, started by use-live-connection.ts (loaded on demand: the connection,
 * the cache patching and the event reducer stay out of every screen's first-load JS — the socket
 * opens after the first render anyway).
 */
import { hashKey, type QueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import { notifySessionExpired } from "@/lib/api/session-events";
import type { EventPage } from "./event-reducer";
import { InvalidationScheduler } from "./invalidation-scheduler";
import { LiveCache } from "./live-cache";
import { LiveConnection, liveSocketUrl, type LiveState } from "./live-connection";
import { takeResumePoint } from "./resume-point";

/** GET /api/events?after=&limit=: the workspace's events above `after`, ascending. */
function fetchEvents(after: number, limit: number): Promise<EventPage> {
  return unwrap(api.GET("/api/events", { params: { query: { after, limit } } }));
}

/**
 * Events from the WebSocket — or, while it is down, from polling — patch the query cache in place;
 * `onState` hears what the indicator says. Returns the stop function.
 */
export function startLiveConnection(queryClient: QueryClient, onState: (state: LiveState) => void): () => void {
  const scheduler = new InvalidationScheduler(queryClient);
  const sink = new LiveCache(queryClient, scheduler);
  // A server-rendered screen says where its data stands: the stream resumes there (no refetch).
  const resume = takeResumePoint(queryClient, performance.timeOrigin);
  if (resume) sink.resume(resume.seq, resume.covers);
  // Later ones come with screens the server renders on client-side navigations (hydrated while
  // React renders: taken a moment later, out of the render).
  const resumeHash = hashKey(queryKeys.resumePoint());
  let resumeTimer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribeResume = queryClient.getQueryCache().subscribe((event) => {
    if (event.query.queryHash !== resumeHash || (event.type !== "added" && event.type !== "updated")) return;
    resumeTimer ??= setTimeout(() => {
      resumeTimer = null;
      const point = takeResumePoint(queryClient); // only what the server read
      if (point) sink.resume(point.seq, point.covers);
    }, 0);
  });
  const connection = new LiveConnection({
    url: liveSocketUrl(window.location),
    openSocket: (url) => new WebSocket(url),
    fetchEvents,
    sink,
    onState,
    onSessionExpired: notifySessionExpired,
    isOnline: () => navigator.onLine,
  });
  const onVisibility = () => {
    if (document.visibilityState === "visible") connection.wake();
  };
  const onNetwork = () => connection.networkChanged();
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("online", onNetwork);
  window.addEventListener("offline", onNetwork);
  // Started a tick later: React's development double mount then never opens a socket only to
  // close it before it connected (the browser warns about that).
  const starting = setTimeout(() => connection.start(), 0);
  return () => {
    clearTimeout(starting);
    unsubscribeResume();
    if (resumeTimer) clearTimeout(resumeTimer);
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("online", onNetwork);
    window.removeEventListener("offline", onNetwork);
    connection.stop();
    sink.dispose();
    scheduler.dispose();
  };
}
