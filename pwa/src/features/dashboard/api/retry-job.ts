import { useMutation, useQueryClient } from "@tanstack/react-query";
import { newIdempotencyKey, submitWrite } from "@/offline/outbox";
import { applyJobToLists } from "./job-cache";
import type { Job } from "./list-documents";

/** POST /api/jobs/{id}/retry (through the outbox): a failed or cancelled job is queued again. */
export function retryJob(jobId: string): Promise<Job> {
  return submitWrite({ kind: "retry", jobId, idempotencyKey: newIdempotencyKey() });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryJob,
    onSuccess: (job) => applyJobToLists(queryClient, job),
  });
}
