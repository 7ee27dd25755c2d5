"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, unwrap } from "@/lib/api/client";
import { notifySessionExpired } from "@/lib/api/session-events";
import type { EventPage } from "./event-reducer";
import { InvalidationScheduler } from "./invalidation-scheduler";
import { LiveCache } from "./live-cache";
import { LiveConnection, liveSocketUrl, type LiveState } from "./live-connection";

export type { LiveState } from "./live-connection";

/** GET /api/events?after=&limit=: the workspace's events above `after`, ascending. */
function fetchEvents(after: number, limit: number): Promise<EventPage> {
  return unwrap(api.GET("/api/events", { params: { query: { after, limit } } }));
}

/**
 * The tab's one live connection while `enabled` (signed in): events from the WebSocket — or, while
 * it is down, from polling — patch the query cache in place. Returns what the indicator says.
 */
export function useLiveConnection(enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("reconnecting");

  useEffect(() => {
    if (!enabled) return;
    const scheduler = new InvalidationScheduler(queryClient);
    const sink = new LiveCache(queryClient, scheduler);
    const connection = new LiveConnection({
      url: liveSocketUrl(window.location),
      openSocket: (url) => new WebSocket(url),
      fetchEvents,
      sink,
      onState: setState,
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
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onNetwork);
      window.removeEventListener("offline", onNetwork);
      connection.stop();
      sink.dispose();
      scheduler.dispose();
    };
  }, [enabled, queryClient]);

  return enabled ? state : "offline";
}
