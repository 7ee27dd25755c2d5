import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/keys";
import type { DocumentListData, Job } from "./list-documents";

/**
 * Puts a job the server just returned (retry, cancel) into every cached list, in place: the row's
 * job and status change and the per-status counts follow, without refetching every page. The
 * live connection's events arrive later and agree.
 */
export function applyJobToLists(queryClient: QueryClient, job: Job): void {
  queryClient.setQueriesData<DocumentListData>({ queryKey: queryKeys.documentLists() }, (data) => {
    if (!data?.pages) return data;
    let before: string | null = null;
    const pages = data.pages.map((page) => {
      let changed = false;
      const items = page.items.map((item) => {
        if (item.id !== job.document_id) return item;
        // An answer older than what we hold (the live connection may already have moved this
        // attempt on, e.g. a retried job that finished before the retry's answer arrived).
        if (item.job && item.job.attempt > job.attempt) return item;
        if (item.job && item.job.attempt === job.attempt && Date.parse(item.job.updated_at) > Date.parse(job.updated_at)) return item;
        changed = true;
        before = item.current_status;
        const status = item.is_finalized ? item.current_status : job.status;
        return { ...item, job, current_status: status };
      });
      return changed ? { ...page, items } : page;
    });
    if (before === null) return data;
    const after = job.status;
    const moved = (counts: Record<string, number>) =>
      before === after
        ? counts
        : { ...counts, [before!]: Math.max(0, (counts[before!] ?? 0) - 1), [after]: (counts[after] ?? 0) + 1 };
    return { ...data, pages: pages.map((page) => ({ ...page, counts: moved(page.counts) })) };
  });
}
