"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether a CSS media query matches now. While the server's HTML is rendered and hydrated it is
 * `serverGuess` (the server cannot see the screen), then the browser's answer.
 */
export function useMediaQuery(query: string, serverGuess = false): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => serverGuess,
  );
}
