import { useMutation, useQueryClient } from "@tanstack/react-query";
import { newIdempotencyKey, submitWrite } from "@/offline/outbox";
import { applyJobToLists } from "./job-cache";
import type { Job } from "./list-documents";

/** POST /api/jobs/{id}/cancel (through the outbox): a queued or processing job stops. */
export function cancelJob(jobId: string): Promise<Job> {
  return submitWrite({ kind: "cancel", jobId, idempotencyKey: newIdempotencyKey() });
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelJob,
    onSuccess: (job) => applyJobToLists(queryClient, job),
  });
}
