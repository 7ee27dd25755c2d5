import type { QueryClient } from "@tanstack/react-query";
import { filtersFromSearchParams, filtersToListParams } from "../schemas";
import { documentsInfiniteQueryOptions } from "./list-documents";

/**
 * Starts the dashboard's first page for the page URL's filters as the app opens, alongside "who is
 * signed in" rather than after it (the screen mounts once the session is known, and finds the list
 * on its way — the same query key, so one request).
 */
export function prefetchDashboard(queryClient: QueryClient, search: URLSearchParams): void {
  void queryClient.prefetchInfiniteQuery(documentsInfiniteQueryOptions(filtersToListParams(filtersFromSearchParams(search))));
}
