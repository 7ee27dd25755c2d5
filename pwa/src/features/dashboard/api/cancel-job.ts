import { useMutation, useQueryClient } from "@tanstack/react-query";
import { newIdempotencyKey, submitWrite, type SubmitOptions } from "@/offline/outbox";
import { applyJobToLists } from "./job-cache";
import type { Job } from "./list-documents";

/** POST /api/jobs/{id}/cancel (through the outbox): a queued or processing job stops. */
export function cancelJob(jobId: string, options: SubmitOptions = {}): Promise<Job> {
  return submitWrite({ kind: "cancel", jobId, idempotencyKey: newIdempotencyKey() }, options);
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  // networkMode "always": offline the outbox keeps it (a paused mutation would never be queued).
  return useMutation({
    networkMode: "always",
    mutationFn: ({ jobId, onQueued }: { jobId: string; onQueued?: SubmitOptions["onQueued"] }) => cancelJob(jobId, { onQueued }),
    onSuccess: (job) => applyJobToLists(queryClient, job),
  });
}
