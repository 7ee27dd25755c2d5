import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";

export type EventRead = components["schemas"]["EventRead"];

/** GET /api/jobs/{id}/events from the start, page after page: the job's whole timeline, ascending. */
export async function getJobEvents(jobId: string): Promise<EventRead[]> {
  const events: EventRead[] = [];
  let after = 0;
  for (;;) {
    const page = await unwrap(
      api.GET("/api/jobs/{job_id}/events", { params: { path: { job_id: jobId }, query: { after, limit: 500 } } }),
    );
    events.push(...page.items);
    if (!page.has_more || page.last_seq === null || page.items.length === 0) return events;
    after = page.last_seq;
  }
}

/** The live connection appends new events to this cache entry (EventRead[] ascending by seq). */
export function jobEventsQueryOptions(jobId: string) {
  return queryOptions({ queryKey: queryKeys.jobEvents(jobId), queryFn: () => getJobEvents(jobId) });
}

export function useJobEvents(jobId: string | null | undefined) {
  return useQuery({ ...jobEventsQueryOptions(jobId ?? ""), enabled: Boolean(jobId) });
}
