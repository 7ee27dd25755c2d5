import type { QueryClient } from "@tanstack/react-query";
import { prefetchDashboard } from "@/features/dashboard/api/prefetch-dashboard";
import { prefetchReview } from "@/features/review/api/prefetch-review";

const DOCUMENT_PATH = /^\/documents\/([^/]+)\/?$/;

/**
 * What the screen at this URL will ask for first, started as the app opens — in parallel with "who
 * is signed in" (the screens mount once that is known). Only the screen the page opened on: later
 * navigations find the session in the cache and start at once anyway.
 */
export function prefetchRouteData(queryClient: QueryClient, pathname: string, search: URLSearchParams): void {
  if (pathname === "/") {
    prefetchDashboard(queryClient, search);
    return;
  }
  const document = DOCUMENT_PATH.exec(pathname);
  if (document) prefetchReview(queryClient, decodeURIComponent(document[1]));
}
