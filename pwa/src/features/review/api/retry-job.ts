import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";
import { newIdempotencyKey, submitWrite } from "@/offline/outbox";
import type { DocumentDetail } from "./get-document";

type JobRead = components["schemas"]["JobRead"];

/** POST /api/jobs/{id}/retry: a failed or cancelled job is queued again (a new attempt). */
export function retryJob(jobId: string): Promise<JobRead> {
  return submitWrite({ kind: "retry", jobId, idempotencyKey: newIdempotencyKey() });
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
  return useMutation({
    mutationFn: (jobId: string) => retryJob(jobId),
    onSuccess: (job) => applyJob(queryClient, documentId, job),
  });
}
