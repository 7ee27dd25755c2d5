"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useState, type RefObject } from "react";

export interface RowWindow {
  /** The rows to render now: the virtualizer's window. */
  indexes: number[];
  /** Space above and below the rendered rows (px), stand-ins for the rows left out. */
  paddingTop: number;
  paddingBottom: number;
  /** Attach to every rendered row (with data-index) so tall rows are measured. */
  measureRow: (node: Element | null) => void;
}

/**
 * Keeps the DOM bounded for long lists: only the rows near the viewport are rendered (window
 * scrolling, so the page scrolls as usual and the header stays put). `listRef` is the element
 * whose top is where the rows start (tbody or ul). Used by components/row-window.tsx only, which
 * loads when a list first gets long (the virtualizer stays out of the dashboard's first load).
 */
export function useRowWindow(listRef: RefObject<HTMLElement | null>, count: number, estimateRowPx: number): RowWindow {
  const [scrollMargin, setScrollMargin] = useState(0);

  // Where the list starts on the page; the filters above it can wrap and change height.
  useLayoutEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const measure = () => setScrollMargin(Math.round(element.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [listRef]);

  const virtualizer = useWindowVirtualizer<Element>({
    count,
    estimateSize: () => estimateRowPx,
    overscan: 8,
    scrollMargin,
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    indexes: items.map((item) => item.index),
    paddingTop: first ? Math.max(0, first.start - scrollMargin) : 0,
    paddingBottom: last ? Math.max(0, virtualizer.getTotalSize() - (last.end - scrollMargin)) : 0,
    measureRow: virtualizer.measureElement,
  };
}
