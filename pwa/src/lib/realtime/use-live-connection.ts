"use client";

export type LiveState = "live" | "reconnecting" | "polling" | "offline";

/** PLACEHOLDER — being replaced by the realtime implementation (WS → query cache). */
export function useLiveConnection(enabled: boolean): LiveState {
  return enabled ? "reconnecting" : "offline";
}
