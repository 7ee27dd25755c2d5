"use client";

import { useEffect, useRef, type RefObject } from "react";
import { centerInContainer } from "./scroll";

/**
 * Brings the element marked `data-highlight` to the middle of the scroll container once per
 * highlight (`key`), as soon as it is on the page (`ready`); a zoom or re-render does not pull
 * the view back to it.
 */
export function useHighlightScroll(containerRef: RefObject<HTMLElement | null>, key: string | null, ready: boolean): void {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!key) {
      done.current = null;
      return;
    }
    const container = containerRef.current;
    if (!ready || !container || done.current === key) return;
    const target = container.querySelector<HTMLElement>("[data-highlight]");
    if (!target) return;
    done.current = key;
    centerInContainer(container, target);
  }, [containerRef, key, ready]);
}
