import { useMutation, useQueryClient } from "@tanstack/react-query";
import { newIdempotencyKey, submitWrite, type SubmitOptions } from "@/offline/outbox";
import { applyJobToLists } from "./job-cache";
import type { Job } from "./list-documents";

/** POST /api/jobs/{id}/retry (through the outbox): a failed or cancelled job is queued again. */
export function retryJob(jobId: string, options: SubmitOptions = {}): Promise<Job> {
  return submitWrite({ kind: "retry", jobId, idempotencyKey: newIdempotencyKey() }, options);
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  // networkMode "always": offline the outbox keeps it (a paused mutation would never be queued).
  return useMutation({
    networkMode: "always",
    mutationFn: ({ jobId, onQueued }: { jobId: string; onQueued?: SubmitOptions["onQueued"] }) => retryJob(jobId, { onQueued }),
    onSuccess: (job) => applyJobToLists(queryClient, job),
  });
}
