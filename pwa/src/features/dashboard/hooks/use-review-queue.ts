"use client";

import { useEffect } from "react";

/**
 * The review page's "previous / next document" walks the dashboard's current filter. Features do
 * not import each other, so the dashboard leaves the queue in sessionStorage (per tab) under
 * REVIEW_QUEUE_KEY as JSON `{ids: string[], query: string}`: the ids of the rows loaded so far, in
 * the order shown, and the dashboard's filter query string (e.g. "status=failed&sort=vendor",
 * "" for the default view) so the review page can link back to the same view. It is rewritten
 * whenever the list changes (filters, more pages, live updates).
 */
export const REVIEW_QUEUE_KEY = "docflow:queue";

export interface ReviewQueue {
  ids: string[];
  query: string;
}

export function useReviewQueue(ids: string[], query: string, ready: boolean): void {
  const joined = ids.join(",");
  useEffect(() => {
    if (!ready) return;
    const queue: ReviewQueue = { ids: joined ? joined.split(",") : [], query };
    try {
      window.sessionStorage.setItem(REVIEW_QUEUE_KEY, JSON.stringify(queue));
    } catch {
      // Storage full or disabled (private mode): the review page simply shows no previous/next.
    }
  }, [joined, query, ready]);
}
