"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { LiveState } from "./live-connection";

export type { LiveState } from "./live-connection";

/**
 * The tab's one live connection while `enabled` (signed in): events from the WebSocket — or, while
 * it is down, from polling — patch the query cache in place (live-runtime.ts, loaded here on
 * demand). Returns what the indicator says.
 */
export function useLiveConnection(enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("reconnecting");

  useEffect(() => {
    if (!enabled) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    const load = () => {
      import("./live-runtime")
        .then(({ startLiveConnection }) => {
          if (!cancelled) stop = startLiveConnection(queryClient, setState);
        })
        .catch(() => {
          // Offline before the code was ever fetched (no service worker yet): try again when the
          // connection returns.
          if (cancelled) return;
          setState("offline");
          window.addEventListener("online", load, { once: true });
        });
    };
    load();
    return () => {
      cancelled = true;
      window.removeEventListener("online", load);
      stop?.();
    };
  }, [enabled, queryClient]);

  return enabled ? state : "offline";
}
