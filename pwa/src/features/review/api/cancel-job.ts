import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/lib/api/schema";
import { newIdempotencyKey, submitWrite, type SubmitOptions } from "@/offline/outbox";
import { applyJob } from "./retry-job";

type JobRead = components["schemas"]["JobRead"];

/** POST /api/jobs/{id}/cancel (through the outbox): a queued or processing job stops. */
export function cancelJob(jobId: string, options: SubmitOptions = {}): Promise<JobRead> {
  return submitWrite({ kind: "cancel", jobId, idempotencyKey: newIdempotencyKey() }, options);
}

export function useCancelJob(documentId: string) {
  const queryClient = useQueryClient();
  // networkMode "always": offline the outbox keeps it (a paused mutation would never be queued).
  return useMutation({
    networkMode: "always",
    mutationFn: ({ jobId, onQueued }: { jobId: string; onQueued?: SubmitOptions["onQueued"] }) => cancelJob(jobId, { onQueued }),
    onSuccess: (job) => applyJob(queryClient, documentId, job),
  });
}
