import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";
import { newIdempotencyKey, submitWrite, type SubmitOptions } from "@/offline/outbox";
import type { DocumentDetail } from "./get-document";

type JobRead = components["schemas"]["JobRead"];

/** POST /api/jobs/{id}/retry (through the outbox): a failed or cancelled job is queued again (a new attempt). */
export function retryJob(jobId: string, options: SubmitOptions = {}): Promise<JobRead> {
  return submitWrite({ kind: "retry", jobId, idempotencyKey: newIdempotencyKey() }, options);
}

/** Puts the job's new state into the review cache at once, then lets the server confirm. */
export function applyJob(queryClient: QueryClient, documentId: string, job: JobRead): void {
  queryClient.setQueryData<DocumentDetail>(queryKeys.document(documentId), (detail) =>
    detail ? { ...detail, document: { ...detail.document, job, current_status: job.status } } : detail,
  );
  void queryClient.invalidateQueries({ queryKey: queryKeys.document(documentId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.jobEvents(job.id) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.documentLists(), refetchType: "none" });
}

export function useRetryJob(documentId: string) {
  const queryClient = useQueryClient();
  // networkMode "always": offline the outbox keeps it (a paused mutation would never be queued).
  return useMutation({
    networkMode: "always",
    mutationFn: ({ jobId, onQueued }: { jobId: string; onQueued?: SubmitOptions["onQueued"] }) => retryJob(jobId, { onQueued }),
    onSuccess: (job) => applyJob(queryClient, documentId, job),
  });
}
