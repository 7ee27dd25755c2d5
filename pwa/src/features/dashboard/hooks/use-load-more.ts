"use client";

import { useEffect, useRef } from "react";

/**
 * Calls `loadMore` when the returned sentinel comes within reach of the viewport. The observer is
 * re-made after every page, so a page too short to fill the screen still leads to the next one.
 */
export function useLoadMore(loadMore: () => void, enabled: boolean, loadedCount: number) {
  const sentinelRef = useRef<HTMLDivElement | null>(null);
  const load = useRef(loadMore);
  useEffect(() => {
    load.current = loadMore;
  });

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!enabled || !sentinel) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) load.current();
      },
      { rootMargin: "0px 0px 800px 0px" },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [enabled, loadedCount]);

  return sentinelRef;
}
