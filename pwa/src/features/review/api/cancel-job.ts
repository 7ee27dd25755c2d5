import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/lib/api/schema";
import { newIdempotencyKey, submitWrite } from "@/offline/outbox";
import { applyJob } from "./retry-job";

type JobRead = components["schemas"]["JobRead"];

/** POST /api/jobs/{id}/cancel: a queued or processing job stops. */
export function cancelJob(jobId: string): Promise<JobRead> {
  return submitWrite({ kind: "cancel", jobId, idempotencyKey: newIdempotencyKey() });
}

export function useCancelJob(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => cancelJob(jobId),
    onSuccess: (job) => applyJob(queryClient, documentId, job),
  });
}
