import { QueryClient } from "@tanstack/react-query";
import { ApiError, NetworkError } from "./errors";

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // As long as the persisted cache may be (lib/pwa/query-persistence.ts): a screen not opened
        // for a day must still have its data for offline review.
        gcTime: 7 * 24 * 60 * 60 * 1000,
        // Ask even when the browser says it is offline (its guess can be wrong); a failure keeps the
        // last known (restored) data on screen.
        networkMode: "offlineFirst",
        refetchOnWindowFocus: false,
        retry(failureCount, error) {
          // A client error will not get better by asking again.
          if (error instanceof ApiError && error.status < 500 && error.status !== 429) return false;
          // Offline, a retry would wait for the connection: say now that the data is not here.
          if (error instanceof NetworkError && typeof navigator !== "undefined" && !navigator.onLine) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
